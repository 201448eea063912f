"""Benchmark of an encrypted archive against the same archive in a plain file.

    python tests/perf/bench_encryption.py [--customers 3000] [--rounds 9]

Builds the demo office once (cached in tests/perf/.cache/), makes two copies of it, one
plain and one encrypted (tierdesk encrypt's code), and runs the daily path on each in turn,
round after round (so that a machine that slows down meanwhile slows both alike): open the
archive, search the customer list (a name and a phone part), open a card, add a visit, list
today's calls and visits, then open the card and list today again as the day goes on. Prints
the medians side by side and the ratio, beside the target of the archive issue: the daily path
of an encrypted archive within 1.2 × the plain one. Shown apart, as they are not part of the
daily path: the key derived once per start (the passphrase checked), and the quick check of the
file that runs beside the start (every page read, so decrypted; the first write waits for it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
# Measure the copy of TierDesk this file belongs to, not whichever one is installed.
sys.path.insert(0, str(HERE.parent.parent))
sys.path.insert(0, str(HERE))

TARGET = 1.2
PASSPHRASE = "correct horse battery"
STEPS = ("open and search", "open a card", "add a visit", "today's list", "card and today again")


def daily_path(location: Path, round_no: int) -> list[float]:
    """The daily path on the archive at ``location``: milliseconds per step, then how long
    after the opening the quick check of the start had ended."""
    from tierdesk.core.archive import Archive
    from tierdesk.core.customers.cards import VisitInput
    from tierdesk.core.customers.customer_list import ListFilter
    from tierdesk.core.store.db import open_database

    marks = [time.perf_counter()]
    db = open_database(location, must_exist=True)
    archive = Archive(db)
    customers = archive.customers.customer_list()
    found = customers.query(ListFilter(text="王"))
    customers.query(ListFilter(text="138"))
    marks.append(time.perf_counter())
    # The quick check of the start runs beside it, and the first write waits for its end:
    # a person's first write comes seconds later. Measured apart.
    if db.start_check is not None:
        db.start_check.damage()
    checked = (time.perf_counter() - marks[0]) * 1000
    marks.append(time.perf_counter())
    number = customers.rows(found[:1])[found[0]].number
    customer = archive.customers.find_by_number(number)
    archive.customers.open_customer(customer)
    marks.append(time.perf_counter())
    archive.customers.add_visit(customer, VisitInput(visit_date=dt.date.today(),
                                                     summary=f"benchmark {round_no}"))
    marks.append(time.perf_counter())
    archive.service.today(dt.date.today(), None)
    marks.append(time.perf_counter())
    archive.customers.open_customer(customer)
    archive.service.today(dt.date.today(), None)
    marks.append(time.perf_counter())
    db.close()
    steps = [(after - before) * 1000 for before, after in itertools.pairwise(marks)]
    del steps[1]                            # the wait for the check
    return [*steps, checked]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--customers", type=int, default=3000)
    parser.add_argument("--rounds", type=int, default=9)
    args = parser.parse_args()

    from bench_archive import build_office, machine_speed

    from tierdesk.core.store import cipher
    from tierdesk.core.store.rekey import encrypt_archive

    source = build_office(args.customers)
    work = Path(tempfile.mkdtemp(prefix="tierdesk-bench-encryption-"))
    try:
        plain, encrypted = work / "plain.sqlite", work / "encrypted.sqlite"
        shutil.copyfile(source, plain)
        shutil.copyfile(source, encrypted)
        started = time.perf_counter()
        encrypt_archive(encrypted, PASSPHRASE)
        encrypting = time.perf_counter() - started
        cipher.forget(encrypted)
        started = time.perf_counter()
        cipher.unlock(encrypted, PASSPHRASE)        # as the window's dialog does, once
        unlocking = (time.perf_counter() - started) * 1000
        speed = machine_speed()
        daily_path(plain, 0)                        # warm-up: code loaded, files cached
        daily_path(encrypted, 0)
        runs: dict[Path, list[list[float]]] = {plain: [], encrypted: []}
        for round_no in range(1, args.rounds + 1):
            order = (plain, encrypted) if round_no % 2 else (encrypted, plain)
            for location in order:
                runs[location].append(daily_path(location, round_no))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    def median(location: Path, step: int | None) -> float:
        return statistics.median(sum(run[:len(STEPS)]) if step is None else run[step]
                                 for run in runs[location])

    print(f"TierDesk encryption benchmark: {args.customers:,} customers, "
          f"median of {args.rounds} rounds, plain and encrypted in turn")
    print(f"{speed}; after: {machine_speed()}")
    print(f"encrypting the archive (tierdesk encrypt): {encrypting:.1f} s; "
          f"unlocking at start (key derived once): {unlocking:.0f} ms")
    print(f"{'step of the daily path':28} {'plain':>10} {'encrypted':>10} {'ratio':>7}")
    for index, step in enumerate(STEPS):
        print(f"{step:28} {median(plain, index):8.1f}ms {median(encrypted, index):8.1f}ms "
              f"{median(encrypted, index) / median(plain, index):7.2f}")
    ratio = median(encrypted, None) / median(plain, None)
    verdict = "ok" if ratio <= TARGET else "OVER"
    print(f"{'the daily path, whole':28} {median(plain, None):8.1f}ms "
          f"{median(encrypted, None):8.1f}ms {ratio:7.2f}   target ≤ {TARGET:.1f} × plain: "
          f"{verdict}")
    check_plain, check_encrypted = median(plain, len(STEPS)), median(encrypted, len(STEPS))
    print(f"{'(start: quick check ended)':28} {check_plain:8.1f}ms {check_encrypted:8.1f}ms "
          f"{check_encrypted / check_plain:7.2f}   beside the start; the first write waits")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
