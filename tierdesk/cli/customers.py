"""``tierdesk`` commands of customers and their cards: search, card, add-visit,
correct-visit, strike-visit, edit, history."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any

from tierdesk.cli.common import (
    EXIT_REFUSED,
    open_archive,
)
from tierdesk.core.errors import ValidationError


def add_parsers(sub: Any) -> None:
    from tierdesk.core.store.models import VISIT_CHANNELS

    search = sub.add_parser("search", help="find customers (name, pinyin, number, phone)")
    search.add_argument("text")
    search.add_argument("--limit", type=int, default=20)

    card = sub.add_parser("card", help="show a customer's visit card")
    card.add_argument("number", help="customer number")
    card.add_argument("--seq", type=int, help="card number (default: the open card)")
    card.add_argument("--all", action="store_true", help="every card, oldest first")
    card.add_argument("--pdf", metavar="OUT.pdf", help="print the card(s) to a PDF file")

    visit = sub.add_parser("add-visit", help="log a call or visit on a customer's card")
    visit.add_argument("number", help="customer number")
    visit.add_argument("--date", default=None, help="YYYY-MM-DD (default: today)")
    visit.add_argument("--channel", default="visit", choices=VISIT_CHANNELS)
    visit.add_argument("--purpose", default="")
    visit.add_argument("--summary", default="")
    visit.add_argument("--outcome", default="")
    visit.add_argument("--next-step", default="")
    visit.add_argument("--next-visit", default=None, help="YYYY-MM-DD")

    for name, doing in (("correct-visit", "correct an entry of a customer's card (the "
                                          "original stays in its history)"),
                        ("strike-visit", "strike out an entry of a customer's card (it stays "
                                         "on the card, struck through)")):
        change = sub.add_parser(name, help=doing)
        change.add_argument("number", help="customer number")
        change.add_argument("card", type=int, help="card number (1 = the first card)")
        change.add_argument("slot", type=int, help="entry number on that card")
        if name == "strike-visit":
            change.add_argument("--reason", default="")
        else:
            change.add_argument("--date", default=None, help="YYYY-MM-DD")
            change.add_argument("--channel", default=None, choices=VISIT_CHANNELS)
            for option in ("--purpose", "--summary", "--outcome", "--next-step",
                           "--next-visit"):
                change.add_argument(option, default=None)

    edit = sub.add_parser("edit", help="change a customer's facts (checked as in the window)")
    edit.add_argument("number", help="customer number")
    edit.add_argument("changes", nargs="+", metavar="FIELD=VALUE",
                      help="fields: " + ", ".join(EDIT_FIELDS))

    history = sub.add_parser("history", help="every change of a customer: who, when, on "
                                             "which machine, what changed")
    history.add_argument("number", help="customer number")
    history.add_argument("--json", action="store_true", help="as JSON lines, one per change")


def cmd_search(args: argparse.Namespace, location: str | None) -> int:
    from tierdesk.core.customers.customer_list import ListFilter

    customers = open_archive(location).customers.customer_list()
    found = customers.query(ListFilter(text=args.text))
    rows = customers.rows(found[: args.limit])
    for position in found[: args.limit]:
        row = rows[position]
        print(f"{row.number:14} {row.tier:2} {row.name}  {row.contact_name}  {row.phone}")
    print(f"({len(found):,} found)")
    return 0


def _card_lines(card, facts) -> list[str]:  # type: ignore[no-untyped-def]
    from tierdesk.reports.card_report import card_text

    return card_text(facts, card)


def cmd_card(args: argparse.Namespace, location: str | None) -> int:
    customers = open_archive(location).customers
    cid = customers.find_by_number(args.number)
    if args.seq and not args.all:
        facts = customers.customer(cid)
        shown = [customers.card(cid, args.seq)]
    else:
        opened = customers.open_customer(cid)
        facts = opened.facts
        current = [opened.current] if opened.current else []
        shown = opened.cards if args.all else current
    if args.pdf:
        from tierdesk.render.pdf import print_cards_to_pdf

        try:
            print_cards_to_pdf(facts, shown, args.pdf)
        except OSError as exc:
            print(f"tierdesk: cannot write {args.pdf}: {exc.strerror or exc}", file=sys.stderr)
            return EXIT_REFUSED
        print(f"Wrote {args.pdf}")
        return 0
    for card in shown:
        print("\n".join(_card_lines(card, facts)))
        print()
    return 0


def cmd_add_visit(args: argparse.Namespace, location: str | None) -> int:
    from tierdesk.core.customers.cards import VisitInput

    customers = open_archive(location).customers
    cid = customers.find_by_number(args.number)
    result = customers.add_visit(cid, VisitInput(
        visit_date=args.date or dt.date.today(), channel=args.channel, purpose=args.purpose,
        summary=args.summary, outcome=args.outcome, next_step=args.next_step,
        next_visit_on=args.next_visit))
    print(f"Entry {result.visit.slot} written on card {result.card_seq}.")
    if result.card_closed:
        print(f"Card {result.card_seq} is full and archived; card {result.new_card_seq} opened.")
    return 0


def cmd_change_visit(args: argparse.Namespace, location: str | None) -> int:
    """correct-visit and strike-visit: options not given keep what the entry says."""
    from dataclasses import asdict

    from tierdesk.core.customers.cards import VisitInput

    customers = open_archive(location).customers
    cid = customers.find_by_number(args.number)
    visit_id = customers.visit_at(cid, args.card, args.slot)
    if args.command == "strike-visit":
        customers.strike_visit(visit_id, reason=args.reason)
        print(f"Entry {args.slot} of card {args.card} struck out.")
        return 0
    entry = next(e for e in customers.card(cid, args.card).entries if e.id == visit_id)
    given = {"visit_date": args.date, "channel": args.channel, "purpose": args.purpose,
             "summary": args.summary, "outcome": args.outcome,
             "next_step": args.next_step, "next_visit_on": args.next_visit}
    now = {name: value for name, value in asdict(entry).items() if name in given}
    customers.correct_visit(visit_id, VisitInput(**{
        name: now[name] if value is None else value for name, value in given.items()}))
    print(f"Entry {args.slot} of card {args.card} corrected.")
    return 0


EDIT_FIELDS = {"name": "name", "contact": "contact_name", "mobile": "mobile",
               "landline": "landline", "email": "email", "wechat": "wechat",
               "address": "address", "industry": "industry", "status": "status",
               "potential": "potential", "notes": "notes"}


def cmd_edit(args: argparse.Namespace, location: str | None) -> int:
    import dataclasses

    from tierdesk.core.errors import Problem
    from tierdesk.core.i18n import Message

    edits: dict[str, str] = {}
    for given in args.changes:
        name, sep, value = given.partition("=")
        if not sep or name.strip().lower() not in EDIT_FIELDS:
            raise ValidationError([Problem(name.strip() or given, Message(
                "Cli", "write FIELD=VALUE, FIELD one of {fields}",
                {"fields": ", ".join(EDIT_FIELDS)}))])
        edits[EDIT_FIELDS[name.strip().lower()]] = value
    customers = open_archive(location).customers
    cid = customers.find_by_number(args.number)
    data = dataclasses.replace(customers.customer(cid).to_input(), **edits)
    changed = customers.edit_customer(cid, data)
    if not changed:
        print(f"{args.number}: nothing changed.")
        return 0
    for change in changed:
        print(f"{args.number} {change.field}: {change.old_value} -> {change.new_value}")
    return 0


def cmd_history(args: argparse.Namespace, location: str | None) -> int:
    import json

    customers = open_archive(location).customers
    lines = customers.history(customers.find_by_number(args.number))
    if args.json:
        for line in lines:
            print(json.dumps(line.as_dict(), ensure_ascii=False))
        return 0
    if not lines:
        print(f"{args.number}: no change recorded.")
        return 0
    for line in lines:
        when = line.at.replace(tzinfo=dt.UTC).astimezone().strftime("%Y-%m-%d %H:%M:%S")
        change = f"{line.field}: {line.old} -> {line.new}" if line.field else line.new
        print(f"{when}  {line.person or '?'} @ {line.machine}  ({line.source or '-'})  "
              f"{line.table} {line.action}  {change}")
    return 0


COMMANDS = {
    "search": cmd_search,
    "card": cmd_card,
    "add-visit": cmd_add_visit,
    "correct-visit": cmd_change_visit,
    "strike-visit": cmd_change_visit,
    "edit": cmd_edit,
    "history": cmd_history,
}
