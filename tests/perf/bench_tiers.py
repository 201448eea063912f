"""Benchmark of tier reassessment and charts on the demo office of 150,000 customers.

    python tests/perf/bench_tiers.py [--rounds 3]

Uses the office bench_archive.py builds (tests/perf/.cache/office-150000-SCHEMA.sqlite), copied so
the cached file stays as built. Prints, side by side with the tiers issue's targets: the
reassessment (scores and proposed tiers of every customer), applying it (one transaction,
rolled back here), the tier picture the view and charts read, and each chart drawn.
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
    from tests.perf.bench_archive import working_copy
    from tierdesk.core.store.models import Order, Salesperson
    from tierdesk.core.tiers import grades, views
    from tierdesk.reports import charts

    db, work = working_copy(150_000)
    today = dt.date.today()
    rows: list[tuple[str, float, float | None]] = []
    with db.read() as session:
        orders = session.query(Order).count()
        customers = len(grades.assess_tiers(session, grades.current_quarter(today)))
    timings = []
    for _ in range(args.rounds):
        with db.read() as session:
            start = time.perf_counter()
            assessment = grades.assess_tiers(session, grades.current_quarter(today))
            timings.append(time.perf_counter() - start)
    rows.append(("reassess every customer (s, median)", statistics.median(timings), 3.0))
    with db.write() as session:
        start = time.perf_counter()
        grades.apply_assessment(session, assessment)
        rows.append(("apply it: grades kept, tiers set (s; rolled back)",
                     time.perf_counter() - start, None))
        session.rollback()
    with db.write() as session:  # two runs for the migration chart
        grades.apply_assessment(session, assessment, at=dt.datetime(2026, 10, 1))
        grades.apply_assessment(session, assessment)
    with db.read() as session:
        start = time.perf_counter()
        picture = views.tier_picture(session, today)
        rows.append(("tier picture with norms (s; read once per view)",
                     time.perf_counter() - start, None))
        people = {p.id.hex: p.name for p in session.query(Salesperson)}
        runs = views.assessment_runs(session)
        start = time.perf_counter()
        moves = (views.migration(session, runs[1].assessed_at, runs[0].assessed_at),
                 runs[1].period, runs[0].period)
        rows.append(("migration counts between two runs (s)", time.perf_counter() - start,
                     None))
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    for kind in charts.CHARTS:
        draws = []
        for _ in range(args.rounds + 1):
            start = time.perf_counter()
            figure = charts.new_figure(kind)
            charts.draw(figure, kind, picture, people, moves=moves)
            FigureCanvasAgg(figure).draw()
            draws.append(time.perf_counter() - start)
        rows.append((f"chart: {kind} (ms, median after a warm-up)",
                     1000 * statistics.median(draws[1:]), 500.0))
    print(f"Tier benchmark: {customers:,} customers, {orders:,} orders")
    print(f"  {'measure':55} {'measured':>10} {'target':>8}")
    for name, value, target in rows:
        shown = f"{target:g}" if target is not None else "-"
        print(f"  {name:55} {value:>10.2f} {shown:>8}")
    db.close()
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
