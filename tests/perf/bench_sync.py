"""Benchmark of the field exchange at office scale.

    python tests/perf/bench_sync.py [--customers 150000] [--salesperson CODE]

On the cached demo office (tests/perf/bench_archive.py builds it once): checks out the
territory of the salesperson with the most customers, does a month of that laptop's work
(600 visits, 200 field edits, 20 new customers) through the front door, writes its transfer
file and applies it at the office. Prints each figure beside its target, with the machine's
speed. (A PostgreSQL office is not measured yet: the row says so.)
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import sys
import tempfile
import time
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


def main() -> None:
    from sqlalchemy import func, select

    from tests.perf.bench_archive import build_office, machine_speed
    from tierdesk.core.archive import Archive
    from tierdesk.core.store.db import open_database
    from tierdesk.core.store.models import Customer, Salesperson

    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=150_000)
    parser.add_argument("--salesperson")
    args = parser.parse_args()
    source = build_office(args.customers)
    work = Path(tempfile.mkdtemp())
    shutil.copyfile(source, work / "office.sqlite")
    office_db = open_database(work / "office.sqlite", backup_dir=work / "backups")
    office = Archive(office_db)
    with office_db.read() as session:
        code = args.salesperson or session.execute(
            select(Salesperson.code).join(Customer, Customer.salesperson_id == Salesperson.id)
            .group_by(Salesperson.code).order_by(func.count().desc()).limit(1)).scalar_one()
    start = time.perf_counter()
    made = office.sync.checkout(work / "laptop.sqlite", code)
    checkout_s = time.perf_counter() - start
    laptop_db = open_database(work / "laptop.sqlite", backup_dir=work / "backups")
    laptop = Archive(laptop_db)
    with laptop_db.read() as session:
        customers = list(session.scalars(select(Customer.id)))
    month_of_work(laptop, customers, random.Random(5))
    start = time.perf_counter()
    written = laptop.sync.bundle_out(work / "month.tdx")
    out_s = time.perf_counter() - start
    size_kb = (work / "month.tdx").stat().st_size / 1024
    start = time.perf_counter()
    applied = office.sync.bundle_in(work / "month.tdx")
    in_s = time.perf_counter() - start
    start = time.perf_counter()
    back = office.sync.bundle_out(work / "back.tdx", for_code=code)
    back_s = time.perf_counter() - start
    print(f"Field exchange benchmark: {args.customers:,}-customer office, laptop of {code} "
          f"({made.counts.get('customer', 0):,} customers, {made.counts.get('visit', 0):,} "
          f"visits)")
    print(f"  {'measure':52} {'measured':>10} {'target':>10}")
    rows = [("checkout of the territory (s)", f"{checkout_s:.2f}", "<= 5"),
            ("month's transfer file written on the laptop (s)", f"{out_s:.2f}", "-"),
            ("month's transfer file size (KB)", f"{size_kb:.0f}", "< 1024"),
            ("month applied to the SQLite office (s)", f"{in_s:.2f}", "<= 2"),
            ("office's file back for the laptop (s)", f"{back_s:.2f}", "-"),
            ("PostgreSQL office", "not run", "<= 3")]
    for name, value, target in rows:
        print(f"  {name:52} {value:>10} {target:>10}")
    print(f"  rows sent: {written.counts}; arrived: new {applied.inserted}, "
          f"changed {applied.changed}, conflicts {applied.conflicts}; "
          f"back: {sum(back.counts.values())} rows")
    print(f"  {machine_speed()}")
    laptop_db.close()
    office_db.close()
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
