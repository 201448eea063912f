"""``tierdesk trash``: the customers deleted in the last 30 days; ``--restore NUMBER`` takes
one back into the lists; ``--purge`` removes for good those deleted longer ago."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from tierdesk.cli.common import EXIT_REFUSED, counted, open_archive

if TYPE_CHECKING:
    from tierdesk.core.customers.trash import TrashedCustomer

_HEADINGS = ("Number", "Name", "Salesperson", "Deleted", "By", "Cards", "Visits", "Orders",
             "Purged after")
_RIGHT = {"Cards", "Visits", "Orders"}
# How many of the customers a purge takes are named before it asks.
_NAMED = 20


def add_parsers(sub: Any) -> None:
    from tierdesk.core.customers.trash import TRASH_DAYS

    trash = sub.add_parser(
        "trash", help=f"customers deleted in the last {TRASH_DAYS} days; restore one, or "
                      f"purge those deleted longer ago")
    what = trash.add_mutually_exclusive_group()
    what.add_argument("--restore", metavar="NUMBER",
                      help="take the customer numbered NUMBER out of the trash, with "
                           "everything it held")
    what.add_argument("--purge", action="store_true",
                      help=f"remove for good the customers deleted more than {TRASH_DAYS} "
                           f"days ago (the window does it when it starts)")
    trash.add_argument("--yes", action="store_true", help="purge without asking")


def cmd_trash(args: argparse.Namespace, location: str | None) -> int:
    archive = open_archive(location)
    try:
        if args.restore:
            restored = archive.trash.restore(archive.trash.find(args.restore))
            print(f"{restored.number} {restored.name} is back in the customer list with "
                  f"{_held(restored)}.")
            return 0
        if args.purge:
            return _purge(archive, args.yes)
        shown = archive.trash.customers()
        if not shown:
            print("The trash is empty.")
            return 0
        _print_table([_cells(customer) for customer in shown])
        from tierdesk.core.customers.trash import TRASH_DAYS

        print(f"({len(shown):,} in the trash; each is purged {TRASH_DAYS} days after it was "
              f"deleted. To take one back: tierdesk trash --restore NUMBER)")
        return 0
    finally:
        archive.database.close()


def _purge(archive: Any, yes: bool) -> int:
    from tierdesk.core.customers.trash import TRASH_DAYS

    due = archive.trash.due_for_purge()
    if not due:
        print(f"No customer was deleted more than {TRASH_DAYS} days ago: nothing to purge.")
        return 0
    if not yes and sys.stdin.isatty():
        for customer in due[:_NAMED]:
            print(f"  {customer.number}  {customer.name}  (deleted {_local(customer.deleted_at)}"
                  f"; {_held(customer)})")
        if len(due) > _NAMED:
            print(f"  … and {len(due) - _NAMED:,} more")
        answer = input(f"Purge {'this' if len(due) == 1 else 'these'} "
                       f"{counted(len(due), 'customer')} for good? Nothing of them can be "
                       f"restored afterwards. [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            print("Nothing was purged.", file=sys.stderr)
            return EXIT_REFUSED
    done = archive.trash.purge()
    print(f"Purged {len(done):,} customer{'s' if len(done) != 1 else ''} deleted more than "
          f"{TRASH_DAYS} days ago: " + ", ".join(customer.number for customer in done[:_NAMED])
          + (" …" if len(done) > _NAMED else "") + ".")
    return 0


def _held(customer: TrashedCustomer) -> str:
    return (f"{customer.cards:,} card{'s' if customer.cards != 1 else ''}, "
            f"{customer.visits:,} visit{'s' if customer.visits != 1 else ''}, "
            f"{customer.orders:,} order{'s' if customer.orders != 1 else ''}")


def _local(moment: dt.datetime) -> str:
    return moment.replace(tzinfo=dt.UTC).astimezone().strftime("%Y-%m-%d %H:%M")


def _cells(customer: TrashedCustomer) -> list[str]:
    return [customer.number, customer.name, customer.salesperson or "-",
            _local(customer.deleted_at), customer.deleted_by or "?", f"{customer.cards:,}",
            f"{customer.visits:,}", f"{customer.orders:,}", _local(customer.purged_after)[:10]]


def _width(text: str) -> int:
    """Columns a terminal gives ``text`` (a Chinese character takes two)."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _print_table(rows: Sequence[Sequence[str]]) -> None:
    widths = [max(_width(row[i]) for row in [_HEADINGS, *rows]) for i in range(len(_HEADINGS))]
    for row in [_HEADINGS, *rows]:
        cells = []
        for heading, text, width in zip(_HEADINGS, row, widths, strict=True):
            pad = " " * (width - _width(text))
            cells.append(pad + text if heading in _RIGHT else text + pad)
        print("  ".join(cells).rstrip())


COMMANDS = {"trash": cmd_trash}
