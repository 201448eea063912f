"""``tierdesk`` commands. Field deployment: laptop checkout, transfer files out and in,
synchronising over the network, the manager's conflicts."""

from __future__ import annotations

import argparse
import json
import sys
import uuid
from pathlib import Path
from typing import Any

from tierdesk.cli.common import EXIT_REFUSED, counted, open_db


def add_parsers(sub: Any) -> None:
    laptop = sub.add_parser("laptop", help="a salesperson's laptop archive")
    actions = laptop.add_subparsers(dest="action", metavar="ACTION", required=True)
    out = actions.add_parser("checkout", help="make a laptop archive of one salesperson's "
                                              "territory from the office's")
    out.add_argument("--office", required=True, metavar="OFFICE",
                     help="the office's database file or URL")
    out.add_argument("--salesperson", required=True, metavar="CODE")
    login = actions.add_parser("role", help="on a PostgreSQL office (--db): the login a "
                                            "laptop exchanges with, limited to the "
                                            "salesperson's customers")
    login.add_argument("--salesperson", required=True, metavar="CODE")
    login.add_argument("--role", required=True, metavar="NAME",
                       help="the login's name (lower-case letters, digits, _)")

    bundle = sub.add_parser("bundle", help="transfer files carried by hand (USB stick, "
                                           "shared folder)")
    ways = bundle.add_subparsers(dest="action", metavar="ACTION", required=True)
    written = ways.add_parser("out", help="write this archive's unsent changes into FILE")
    written.add_argument("file", metavar="FILE")
    written.add_argument("--for", dest="for_code", metavar="CODE",
                         help="on the office: the salesperson whose laptop the file is for")
    read = ways.add_parser("in", help="apply a transfer file")
    read.add_argument("file", metavar="FILE")

    sync = sub.add_parser("sync", help="exchange a laptop's changes with the office now")
    sync.add_argument("--office", required=True, metavar="OFFICE",
                      help="the office's database file or URL")

    conflicts = sub.add_parser("conflicts", help="the manager's queue of conflicts")
    conflicts.add_argument("--json", action="store_true")
    conflicts.add_argument("--all", action="store_true", help="resolved ones too")
    decide = conflicts.add_subparsers(dest="action", metavar="ACTION")
    resolve = decide.add_parser("resolve", help="keep one value of a conflict")
    resolve.add_argument("conflict", metavar="ID")
    how = resolve.add_mutually_exclusive_group(required=True)
    how.add_argument("--take", choices=("office", "incoming"))
    how.add_argument("--value", metavar="TEXT")


def cmd_laptop(args: argparse.Namespace, location: str | None) -> int:
    from tierdesk.core.archive import Archive

    if args.action == "role":
        office_db = open_db(location)
        try:
            Archive(office_db).sync.laptop_role(args.salesperson, args.role)
        finally:
            office_db.close()
        print(f"The login {args.role} sees and changes only the customers of "
              f"{args.salesperson}. Give it a password (ALTER ROLE {args.role} PASSWORD "
              f"'…'), then on the laptop: tierdesk --db LAPTOP sync --office "
              f"postgresql+psycopg://{args.role}:PASSWORD@HOST/DATABASE")
        return 0
    laptop = Path(location) if location else None
    if laptop is None:
        print("tierdesk: say where the laptop's archive goes: --db LAPTOP", file=sys.stderr)
        return EXIT_REFUSED
    office = open_db(args.office)
    try:
        made = Archive(office).sync.checkout(laptop, args.salesperson)
    finally:
        office.close()
    first, last = made.numbers
    print(f"Laptop archive for {made.salesperson} written to {made.laptop}: "
          f"{made.counts.get('customer', 0):,} customers, {made.counts.get('visit', 0):,} "
          f"visits, {made.counts.get('follow_up', 0):,} follow-ups, "
          f"{made.counts.get('complaint', 0):,} complaints; customer numbers {first}-{last}.")
    return 0


def cmd_bundle(args: argparse.Namespace, location: str | None) -> int:
    from tierdesk.core.archive import Archive

    archive = Archive(open_db(location))
    path = Path(args.file)
    if args.action == "out":
        written = archive.sync.bundle_out(path, for_code=args.for_code)
        rows = sum(written.counts.values())
        print(f"Wrote {path} for {written.for_name}: {counted(rows, 'changed row')} "
              f"({_counts(written.counts)}), {counted(written.conflicts, 'conflict')}.")
        return 0
    applied = archive.sync.bundle_in(path)
    print(_applied(str(path), applied))
    return 0


def cmd_sync(args: argparse.Namespace, location: str | None) -> int:
    from tierdesk.core.archive import Archive

    arrived, returned = Archive(open_db(location)).sync.exchange_with(args.office)
    print(_applied("the office", arrived))
    print(_applied("this laptop", returned))
    return 0


def cmd_conflicts(args: argparse.Namespace, location: str | None) -> int:
    from tierdesk.core.archive import Archive

    archive = Archive(open_db(location))
    if args.action == "resolve":
        try:
            conflict_id = uuid.UUID(args.conflict)
        except ValueError:
            print(f"tierdesk: {args.conflict} is not a conflict's id.", file=sys.stderr)
            return EXIT_REFUSED
        archive.sync.resolve(conflict_id, take=args.take, value=args.value)
        print(f"Conflict {conflict_id} resolved.")
        return 0
    found = archive.sync.conflicts(open_only=not args.all)
    if args.json:
        print(json.dumps([{
            "id": c.id.hex, "raised_at": c.raised_at.isoformat(timespec="seconds"),
            "customer": c.customer_number, "name": c.customer_name, "table": c.table_name,
            "field": c.field, "kind": c.kind, "base": c.base, "office": c.office,
            "incoming": c.incoming, "office_by": c.office_by,
            "office_at": c.office_at.isoformat() if c.office_at else None,
            "incoming_at": c.incoming_at.isoformat() if c.incoming_at else None,
            "office_machine": c.office_machine, "incoming_by": c.incoming_by,
            "incoming_machine": c.incoming_machine, "from": c.from_name, "status": c.status,
            "resolution": c.resolution} for c in found], ensure_ascii=False, indent=1))
        return 0
    if not found:
        print("No conflicts wait for a decision.")
        return 0
    for c in found:
        print(f"{c.id.hex}  {c.customer_number} {c.customer_name}  {c.table_name}.{c.field}"
              f"{'  (deleted on one side)' if c.kind == 'deleted' else ''}\n"
              f"    was:      {_shown(c.base)}\n"
              f"    office:   {_shown(c.office)}  ({c.office_by or '?'}, "
              f"{c.office_machine or '?'}, {_shown(c.office_at)})\n"
              f"    incoming: {_shown(c.incoming)}  ({c.incoming_by or '?'}, "
              f"{c.incoming_machine or '?'}, {_shown(c.incoming_at)}, "
              f"from {c.from_name or '?'})")
    return 0


def _shown(value: object) -> str:
    return "(empty)" if value in (None, "") else str(value)


def _counts(counts: dict[str, int]) -> str:
    return ", ".join(f"{name} {count:,}" for name, count in sorted(counts.items())) or "none"


def _applied(where: str, applied: Any) -> str:
    if applied.already:
        return f"{where}: already applied, nothing changed."
    line = (f"Into {where} from {applied.source_name}: new rows {_counts(applied.inserted)}; "
            f"changed rows {_counts(applied.changed)}; {counted(applied.conflicts, 'conflict')}")
    for old, new in applied.renumbered:
        line += f"; customer {old} is now {new} (the number was taken)"
    if applied.left:
        line += (f"; {applied.left} customer{'s' if applied.left != 1 else ''} handed to "
                 f"another salesperson left this laptop")
    return line + "."


COMMANDS = {"laptop": cmd_laptop, "bundle": cmd_bundle, "sync": cmd_sync,
            "conflicts": cmd_conflicts}
