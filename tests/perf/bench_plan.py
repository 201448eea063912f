"""Benchmark of month planning on the demo office of 150,000 customers and 60 salespeople.

    python tests/perf/bench_plan.py [--rounds 3]

Uses the office bench_archive.py builds (tests/perf/.cache/office-150000-SCHEMA.sqlite),
copied so the cached file stays as built. Prints, side by side with the targets of the month
plan issue:
- proposing next month's plan as the window shows it (the team's quotas and one task list;
  the others are made when asked for), and with every task list made;
- keeping it published (rolled back);
- the team PDF, of a plan whose lists are made, and of one whose lists are made as it prints;
- the workbook of the plan, and the scorecard of the whole team.
Also, with no targets of their own: the problem alerts and the Today list of "everyone".
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    from tests.perf.bench_archive import machine_speed, working_copy
    from tierdesk.core.archive import Archive
    from tierdesk.core.planning import alerts, kpis, plans
    from tierdesk.core.service.followups import add_months
    from tierdesk.core.service.today import SECTIONS
    from tierdesk.excel.writer import write_tables
    from tierdesk.render.plan_sheets import plan_to_pdf
    from tierdesk.reports.plan_report import plan_tables
    from tierdesk.ui.today_panel import MOST_SHOWN

    db, work = working_copy(150_000)
    today = dt.date.today()
    month = add_months(today.replace(day=1), 1)
    rows: list[tuple[str, float, float | None]] = []

    def timed(name: str, target: float | None, run, rounds: int = args.rounds):  # type: ignore[no-untyped-def]
        timings, result = [], None
        for _ in range(rounds):
            start = time.perf_counter()
            result = run()
            timings.append(time.perf_counter() - start)
        rows.append((name, statistics.median(timings), target))
        return result

    def propose():  # type: ignore[no-untyped-def]
        with db.read() as session:
            return plans.propose(session, month, today=today)

    def shown():  # type: ignore[no-untyped-def]
        fresh = propose()
        fresh.tasks[fresh.quotas[0].salesperson_id]   # the list the window opens on
        return fresh

    def every_list():  # type: ignore[no-untyped-def]
        fresh = propose()
        return fresh, sum(len(t) for t in fresh.tasks.values())

    timed("plan a month: quotas and the list shown (s, median)", 3.0, shown)
    plan, lines = timed("... with every salesperson's task list (s, median)", 3.0, every_list)

    def publish() -> None:
        with db.write() as session:
            plans.save_plan(session, plan, publish=True)
            session.rollback()
        plan.status = "proposed"

    timed("publish it: quotas and task lines kept (s; rolled back)", None, publish, 1)
    timed("team PDF, every salesperson's sheet (s, median)", 5.0,
          lambda: plan_to_pdf(plan, work / "team.pdf"))
    fresh = propose()       # the lists not made yet, as when the window's plan is printed
    timed("... of a plan whose lists are made as it prints (s)", 5.0,
          lambda: plan_to_pdf(fresh, work / "team.pdf"), 1)
    timed("plan workbook: team and one sheet each (s)", None,
          lambda: write_tables(work / "plan.xlsx", plan_tables(plan)), 1)

    first = add_months(today.replace(day=1), -1)
    last = today.replace(day=1) - dt.timedelta(days=1)

    def team_scorecard():  # type: ignore[no-untyped-def]
        with db.read() as session:
            return kpis.scorecards(session, first, last, today=today)

    cards = timed("scorecard of the whole team, last month (s, median)", 2.0, team_scorecard)

    def problems():  # type: ignore[no-untyped-def]
        with db.read() as session:
            return alerts.problem_alerts(session, today)

    found = timed("problem alerts (s, median; no target)", None, problems)
    archive = Archive(db)

    def everyone() -> int:
        listing = archive.service.today(today, most=MOST_SHOWN)   # as the window reads it
        return sum(listing.count(name) for name in SECTIONS)

    timed("Today list of everyone, first of the day (s; plans greetings)", None, everyone, 1)
    timed("Today list of everyone, afterwards (s, median; no target)", None, everyone)
    from pypdf import PdfReader

    pages = len(PdfReader(work / "team.pdf").pages)
    print(f"Month plan benchmark: {sum(q.customers for q in plan.quotas):,} customers, "
          f"{len(plan.quotas)} salespeople, {lines:,} task lines, {pages:,} PDF pages, "
          f"{plan.month:%Y-%m}")
    print(f"  {'measure':58} {'measured':>9} {'target':>7}")
    for name, value, target in rows:
        shown = f"{target:g}" if target is not None else "-"
        print(f"  {name:58} {value:>9.2f} {shown:>7}")
    print(f"  ({len(cards)} scorecards, {len(found):,} alerts)")
    print(f"  {machine_speed()}")
    db.close()
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
