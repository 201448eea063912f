"""Benchmark of the field exchange at office scale.

    python tests/perf/bench_sync.py [--customers 150000] [--salesperson CODE]
                                    [--postgresql URL] [--rounds N]

On the cached demo office (tests/perf/bench_archive.py builds it once): checks out the
territory of the salesperson with the most customers, does a month of that laptop's work
(600 visits, 200 field edits, 20 new customers) through the front door, writes its transfer
file and applies it at the office. With ``--postgresql URL`` (or TIERDESK_BENCH_PG) the same
is done on a PostgreSQL office holding the same archive (copied there once: pg_office.py).
Prints each figure beside its target, with the machine's speed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))


def month_of_work(laptop, customers: list, rng: random.Random) -> None:  # type: ignore[no-untyped-def]
    from tierdesk.core.customers.cards import VisitInput
    from tierdesk.core.customers.master_file import CustomerInput

    day = dt.date.today()
    for index in range(600):
        laptop.customers.add_visit(rng.choice(customers), VisitInput(
            visit_date=day - dt.timedelta(days=index % 28), channel=rng.choice(
                ("visit", "phone", "wechat")), purpose=f"月度拜访 {index}",
            summary="客户询问新品价格，约下周送样", outcome="有意向"))
    for index in range(200):
        customer = rng.choice(customers)
        data = laptop.customers.customer(customer).to_input()
        data.notes = f"外勤备注 {index}"
        laptop.customers.update_customer(customer, data)
    person = laptop.sync.site().salesperson_id
    for index in range(20):
        laptop.customers.create_customer(CustomerInput(
            name=f"外勤新客户{index:02d}贸易有限公司", mobile=f"136{index:08d}",
            salesperson_id=person))


def exchange_month(office_db, work: Path, code: str) -> dict:  # type: ignore[no-untyped-def]
    """Check out ``code``'s laptop from the office, do a month's work on it, carry it back:
    each step's seconds, the file's size and what arrived."""
    from sqlalchemy import select

    from tierdesk.core.archive import Archive
    from tierdesk.core.store.db import open_database
    from tierdesk.core.store.models import Customer

    office = Archive(office_db)
    # The quick check that runs beside an opening, as an office's window has long done by
    # the time a laptop is checked out: ended, and timed apart.
    start = time.perf_counter()
    if office_db.start_check is not None:
        office_db.start_check.damage()
    check_s = time.perf_counter() - start
    laptop_path = work / f"laptop-{uuid.uuid4().hex[:6]}.sqlite"
    start = time.perf_counter()
    made = office.sync.checkout(laptop_path, code)
    checkout_s = time.perf_counter() - start
    laptop_db = open_database(laptop_path, backup_dir=work / "backups")
    laptop = Archive(laptop_db)
    with laptop_db.read() as session:
        customers = list(session.scalars(select(Customer.id)))
    month_of_work(laptop, customers, random.Random(5))
    start = time.perf_counter()
    written = laptop.sync.bundle_out(work / "month.tdx")
    out_s = time.perf_counter() - start
    size_kb = (work / "month.tdx").stat().st_size / 1024
    backup_s = timed_backups(office_db)
    start = time.perf_counter()
    applied = office.sync.bundle_in(work / "month.tdx")
    in_s = time.perf_counter() - start - sum(backup_s)     # the copy before it, apart
    start = time.perf_counter()
    back = office.sync.bundle_out(work / "back.tdx", for_code=code)
    back_s = time.perf_counter() - start
    laptop_db.close()
    return {"made": made, "checkout": checkout_s, "out": out_s, "size": size_kb,
            "in": in_s, "backup": sum(backup_s), "check": check_s, "back": back_s,
            "written": written,
            "applied": applied, "returned": back}


def timed_backups(db) -> list[float]:  # type: ignore[no-untyped-def]
    """The seconds of each backup the office takes before risky work, from now on."""
    taken: list[float] = []
    original = db.backups.before_risky_work

    def timed(work: str):  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        try:
            return original(work)
        finally:
            taken.append(time.perf_counter() - start)

    db.backups.before_risky_work = timed
    return taken


def middle(runs: list[dict]) -> dict:  # type: ignore[type-arg]
    """The median of each timed figure over the runs (the rest from the first run)."""
    result = dict(runs[0])
    for key in ("check", "checkout", "out", "in", "backup", "back"):
        result[key] = statistics.median(run[key] for run in runs)
    return result


def each(runs: list[dict], key: str) -> str:  # type: ignore[type-arg]
    return " / ".join(f"{run[key]:.2f}" for run in runs)


def main() -> None:
    from sqlalchemy import func, select

    from tests.perf.bench_archive import build_office, machine_speed
    from tests.perf.pg_office import durable, postgres_office
    from tierdesk.core.store.db import SCHEMA_HEAD, open_database
    from tierdesk.core.store.models import Customer, Salesperson

    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=150_000)
    parser.add_argument("--salesperson")
    parser.add_argument("--rounds", type=int, default=1,
                        help="each on a fresh copy of the office; the median is printed")
    parser.add_argument("--postgresql", default=os.environ.get("TIERDESK_BENCH_PG"),
                        help="a PostgreSQL cluster's URL (or TIERDESK_BENCH_PG): the office "
                             "is copied there once and measured too")
    args = parser.parse_args()
    source = build_office(args.customers)
    work = Path(tempfile.mkdtemp())
    sqlite_runs, pg_runs = [], []
    code = args.salesperson
    for _round in range(args.rounds):
        shutil.copyfile(source, work / "office.sqlite")
        office_db = open_database(work / "office.sqlite", backup_dir=work / "backups")
        if code is None:
            with office_db.read() as session:
                code = session.execute(
                    select(Salesperson.code)
                    .join(Customer, Customer.salesperson_id == Salesperson.id)
                    .group_by(Salesperson.code).order_by(func.count().desc()).limit(1)
                ).scalar_one()
        sqlite_runs.append(exchange_month(office_db, work, code))
        office_db.close()
        (work / "office.sqlite").unlink()
        if args.postgresql:
            url = postgres_office(source, args.postgresql, f"{args.customers}_{SCHEMA_HEAD}")
            pg_db = open_database(url)
            pg_runs.append(exchange_month(pg_db, work, code))
            pg_db.close()
    on_sqlite = middle(sqlite_runs)
    on_pg = middle(pg_runs) if pg_runs else None
    made = on_sqlite["made"]
    print(f"Field exchange benchmark: {args.customers:,}-customer office, laptop of {code} "
          f"({made.counts.get('customer', 0):,} customers, {made.counts.get('visit', 0):,} "
          f"visits)")
    print(f"  median of {args.rounds} round(s), each on a fresh copy of the office")
    print(f"  {'measure':52} {'SQLite':>10} {'PostgreSQL':>10} {'target':>16}")
    pg = (lambda key, form: form.format(on_pg[key])) if on_pg else (lambda key, form: "not run")
    rows = [("office's quick check as it opened, left to end (s)", "check", "{:.2f}", "-"),
            ("checkout of the territory (s)", "checkout", "{:.2f}", "<= 5"),
            ("month's transfer file written on the laptop (s)", "out", "{:.2f}", "-"),
            ("month's transfer file size (KB)", "size", "{:.0f}", "< 1024"),
            ("month applied to the office (s)", "in", "{:.2f}", "<= 2 SQLite, 3 PG"),
            ("backup of the office taken before it (s)", "backup", "{:.2f}", "-"),
            ("office's file back for the laptop (s)", "back", "{:.2f}", "-")]
    for name, key, form, target in rows:
        print(f"  {name:52} {form.format(on_sqlite[key]):>10} {pg(key, form):>10} "
              f"{target:>16}")
    for label, runs in (("SQLite", sqlite_runs), ("PostgreSQL", pg_runs)):
        if runs:
            print(f"  {label} rounds: checkout {each(runs, 'checkout')} s; "
                  f"applied {each(runs, 'in')} s")
    for label, run in (("SQLite", on_sqlite), ("PostgreSQL", on_pg)):
        if run is not None:
            print(f"  {label}: rows sent {run['written'].counts}; arrived: new "
                  f"{run['applied'].inserted}, changed {run['applied'].changed}, conflicts "
                  f"{run['applied'].conflicts}; back: {sum(run['returned'].counts.values())} "
                  f"rows")
    if args.postgresql:
        print(f"  PostgreSQL writes to disk as an office's would (fsync on): "
              f"{'yes' if durable(args.postgresql) else 'NO: figures flatter it'}")
    else:
        print("  PostgreSQL: not run (give --postgresql URL or TIERDESK_BENCH_PG)")
    print(f"  {machine_speed()}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
