"""The planning area of the front door: month plans, KPI scorecards, retention, risk and
problem alerts. What only the manager's windows use (and numpy with it) is read when first
asked for, not at every start."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from tierdesk.core.area import Area
from tierdesk.core.changes import Change, Changed
from tierdesk.core.store.raw import many_objects

if TYPE_CHECKING:
    from tierdesk.core.planning import alerts, kpis, plans, risk
    from tierdesk.core.planning import retention as keeping
else:
    from tierdesk.core.later import Later

    alerts, kpis, plans, risk = (Later(f"tierdesk.core.planning.{name}")
                                 for name in ("alerts", "kpis", "plans", "risk"))
    keeping = Later("tierdesk.core.planning.retention")


class PlanningArea(Area):
    # -- month plans ---------------------------------------------------------------------------
    def month_plan(self, month: dt.date, today: dt.date) -> plans.Plan:
        return self._read(plans.plan_for, month, today=today)

    def month_plans(self) -> list[plans.PlanRow]:
        return self._read(plans.list_plans)

    def save_month_plan(self, plan: plans.Plan, *, publish: bool = False) -> None:
        self._write(Change(Changed.REPORTS), plans.save_plan, plan, publish=publish)

    def set_new_customer_target(self, plan: plans.Plan, target: object) -> None:
        with self._db.read() as session:
            plans.set_new_customer_target(plan, target, session)

    def plan_settings(self) -> plans.PlanSettings:
        return self._read(plans.load_plan_settings)

    def save_plan_settings(self, settings: plans.PlanSettings) -> plans.PlanSettings:
        return self._write(Change(Changed.REPORTS), plans.save_plan_settings, settings)

    # -- team performance ----------------------------------------------------------------------
    def scorecards(self, first: dt.date, last: dt.date, today: dt.date
                   ) -> list[kpis.Scorecard]:
        return self._read(kpis.scorecards, first, last, today=today)

    def month_progress(self, month: dt.date, today: dt.date
                       ) -> tuple[str, list[kpis.Progress]]:
        return self._read(kpis.month_progress, month, today)

    def retention(self, first: dt.date, last: dt.date
                  ) -> tuple[keeping.Retention, dict[str, keeping.Retention]]:
        return self._read(keeping.retention, first, last)

    def retention_rules(self) -> keeping.RetentionRules:
        return self._read(keeping.load_retention_rules)

    def save_retention_rules(self, rules: keeping.RetentionRules) -> keeping.RetentionRules:
        return self._write(Change(Changed.REPORTS), keeping.save_retention_rules, rules)

    # -- alerts and risk -----------------------------------------------------------------------
    def problem_alerts(self, today: dt.date) -> list[alerts.Alert]:
        with self._db.read() as session, many_objects():
            return alerts.problem_alerts(session, today)

    def acknowledge_alert(self, key: str, note: str) -> None:
        self._write(Change(Changed.REPORTS), alerts.acknowledge, key, note)

    def alert_rules(self) -> alerts.AlertRules:
        return self._read(alerts.load_alert_rules)

    def save_alert_rules(self, rules: alerts.AlertRules) -> alerts.AlertRules:
        return self._write(Change(Changed.REPORTS), alerts.save_alert_rules, rules)

    def risk_rules(self) -> risk.RiskRules:
        return self._read(risk.load_risk_rules)

    def save_risk_rules(self, rules: risk.RiskRules) -> risk.RiskRules:
        return self._write(Change(Changed.REPORTS), risk.save_risk_rules, rules)
