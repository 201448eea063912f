"""Planning: month plans and what each customer needs, KPI scorecards, retention, risk,
problem alerts."""
