"""``tierdesk`` commands. The office: a new archive, demo, info, hand-over, settings,
holidays."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from tierdesk.cli.common import (
    EXIT_REFUSED,
    counted,
    date_option,
    open_archive,
    open_db,
)


def add_parsers(sub: Any) -> None:

    made = sub.add_parser("new", help="start a new, empty archive at PATH")
    made.add_argument("path", metavar="PATH")

    demo = sub.add_parser("demo", help="fill an empty database with a demo office")
    demo.add_argument("--customers", type=int, default=3000)
    demo.add_argument("--salespeople", type=int, default=60)
    demo.add_argument("--seed", type=int, default=20261122)

    sub.add_parser("info", help="where the database is and what it holds")

    handover = sub.add_parser("hand-over",
                              help="give a leaving salesperson's customers to others")
    handover.add_argument("from_code", metavar="FROM")
    handover.add_argument("--to", nargs="+", required=True, metavar="CODE")
    handover.add_argument("--keep-active", action="store_true")

    settings = sub.add_parser("settings", help="show or change office settings")
    settings.add_argument("--card-size", type=int)
    settings.add_argument("--numbering")
    settings.add_argument("--office-name")

    hol = sub.add_parser("holidays", help="the office's holiday calendar: list, add, remove")
    hol.add_argument("--add", nargs=2, metavar=("DATE", "NAME"), help="a day off (or worked)")
    hol.add_argument("--greet", action="store_true", help="greet customers before it")
    hol.add_argument("--workday", action="store_true", help="a weekend day worked instead")
    hol.add_argument("--remove", metavar="DATE")
    hol.add_argument("--official", type=int, metavar="YEAR",
                     help="load the official public holidays and adjusted working days of YEAR")


def cmd_new(args: argparse.Namespace, _location: str | None) -> int:
    from tierdesk.core.store.db import missing_archive

    path = Path(args.path)
    if missing_archive(path) is None:
        print(f"tierdesk: {path} holds an archive already (or names a database server); "
              f"nothing was changed.", file=sys.stderr)
        return EXIT_REFUSED
    open_db(str(path), create=True).close()
    print(f"A new, empty archive is at {path.resolve()}. Open it with: tierdesk --db "
          f"\"{path}\"")
    return 0


def cmd_demo(args: argparse.Namespace, location: str | None) -> int:
    from tierdesk.core.demo import build_demo

    db = open_db(location, create=True)      # the demo office may start a new file
    last = [-1]

    def report(done: int, total: int, _what: str) -> bool:
        percent = done * 100 // max(total, 1)
        if percent // 10 != last[0] // 10:
            print(f"  {percent:3d}%  {done:,} of {total:,} customers", file=sys.stderr)
            last[0] = percent
        return True

    summary = build_demo(db, customers=args.customers, salespeople=args.salespeople,
                         seed=args.seed, progress=report)
    print(f"Demo office written to {db.path or db.url}:")
    print(f"  {summary.regions} regions, {summary.salespeople} salespeople, "
          f"{summary.customers:,} customers")
    print(f"  {summary.visits:,} visits, {summary.orders:,} orders, "
          f"{summary.payments:,} payments, {summary.complaints:,} complaints")
    return 0


def cmd_info(_args: argparse.Namespace, location: str | None) -> int:
    from tierdesk.core.store.db import SCHEMA_HEAD

    office = open_archive(location).office
    settings = office.settings()
    counts = office.counts()
    print(f"Database: {office.location}")
    print(f"Schema:   {SCHEMA_HEAD}")
    print(f"Office:   {settings.office_name}")
    print(f"Card size: {settings.card_size} entries; numbering rule: {settings.numbering_rule}")
    for label, count in (("customers", counts.customers), ("salespeople", counts.salespeople),
                         ("cards", counts.cards), ("visits", counts.visits)):
        print(f"{label.capitalize():12} {count:,}")
    return 0


def cmd_hand_over(args: argparse.Namespace, location: str | None) -> int:
    office = open_archive(location).office
    giver = office.salesperson(args.from_code)
    receivers = {office.salesperson(c).id: c.upper() for c in args.to}
    given = office.hand_over(giver.id, list(receivers), deactivate=not args.keep_active)
    for receiver_id, count in given.items():
        print(f"{receivers[receiver_id]}: {counted(count, 'customer')}")
    return 0


def cmd_settings(args: argparse.Namespace, location: str | None) -> int:
    office = open_archive(location).office
    if any(value is not None for value in (args.card_size, args.numbering, args.office_name)):
        current = office.save_settings(card_size=args.card_size, numbering_rule=args.numbering,
                                       office_name=args.office_name)
    else:
        current = office.settings()
    print(f"office name:    {current.office_name}")
    print(f"card size:      {current.card_size}")
    print(f"numbering rule: {current.numbering_rule}")
    print(f"tiers:          {', '.join(current.tiers)}")
    return 0


def cmd_holidays(args: argparse.Namespace, location: str | None) -> int:
    from tierdesk.core.office.holidays import weekday_name

    office = open_archive(location).office
    day = date_option(args.remove) if args.remove else None
    if args.official or args.add or day is not None:
        done = office.change_calendar(
            official_year=args.official or None,
            add_day=args.add[0] if args.add else None, add_name=args.add[1] if args.add else "",
            greet=args.greet, workday=args.workday, remove_day=day)
        if args.official:
            print(f"{done.official_added} official days of {args.official} added")
        if day is not None and not done.removed:
            print(f"tierdesk: {day.isoformat()} is not in the calendar", file=sys.stderr)
            return EXIT_REFUSED
    for h in office.holidays():
        kind = "worked" if h.workday else "off, greeted" if h.greet else "off"
        print(f"{h.day.isoformat()}  {weekday_name(h.day)}  {kind:12} {h.name}")
    return 0


COMMANDS = {
    "new": cmd_new,
    "demo": cmd_demo,
    "info": cmd_info,
    "hand-over": cmd_hand_over,
    "settings": cmd_settings,
    "holidays": cmd_holidays,
}
