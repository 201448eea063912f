"""``tierdesk <command>``: the archive from the command line, through the same services."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tierdesk.core.db import Database

from tierdesk.core.errors import TierDeskError, ValidationError

EXIT_REFUSED = 1
EXIT_USAGE = 2
EXIT_FAULT = 70             # a fault of the program (EX_SOFTWARE); the log has the details
EXIT_STOPPED = 130          # stopped with Ctrl+C, as shells count it


def _parser() -> argparse.ArgumentParser:
    from tierdesk.core.models import VISIT_CHANNELS

    parser = argparse.ArgumentParser(
        prog="tierdesk",
        description="TierDesk customer archive. Without a command, the window opens.")
    parser.add_argument("--db", metavar="PATH",
                        help="database file or URL (default: $TIERDESK_DB, else your data folder)")
    parser.add_argument("--as", dest="as_person", metavar="CODE",
                        help="who is writing: a salesperson's code, or a name (default: "
                             "$TIERDESK_USER, else your login name); kept in the history")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = sub.add_parser("demo", help="fill an empty database with a demo office")
    demo.add_argument("--customers", type=int, default=3000)
    demo.add_argument("--salespeople", type=int, default=60)
    demo.add_argument("--seed", type=int, default=20261122)
    demo.add_argument("--db", dest="sub_db", metavar="PATH", help=argparse.SUPPRESS)

    info = sub.add_parser("info", help="where the database is and what it holds")
    info.add_argument("--db", dest="sub_db", metavar="PATH", help=argparse.SUPPRESS)

    search = sub.add_parser("search", help="find customers (name, pinyin, number, phone)")
    search.add_argument("text")
    search.add_argument("--limit", type=int, default=20)
    search.add_argument("--db", dest="sub_db", metavar="PATH", help=argparse.SUPPRESS)

    card = sub.add_parser("card", help="show a customer's visit card")
    card.add_argument("number", help="customer number")
    card.add_argument("--seq", type=int, help="card number (default: the open card)")
    card.add_argument("--all", action="store_true", help="every card, oldest first")
    card.add_argument("--pdf", metavar="OUT.pdf", help="print the card(s) to a PDF file")
    card.add_argument("--db", dest="sub_db", metavar="PATH", help=argparse.SUPPRESS)

    visit = sub.add_parser("add-visit", help="log a call or visit on a customer's card")
    visit.add_argument("number", help="customer number")
    visit.add_argument("--date", default=None, help="YYYY-MM-DD (default: today)")
    visit.add_argument("--channel", default="visit", choices=VISIT_CHANNELS)
    visit.add_argument("--purpose", default="")
    visit.add_argument("--summary", default="")
    visit.add_argument("--outcome", default="")
    visit.add_argument("--next-step", default="")
    visit.add_argument("--next-visit", default=None, help="YYYY-MM-DD")
    visit.add_argument("--db", dest="sub_db", metavar="PATH", help=argparse.SUPPRESS)

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
        change.add_argument("--db", dest="sub_db", metavar="PATH", help=argparse.SUPPRESS)

    handover = sub.add_parser("hand-over",
                              help="give a leaving salesperson's customers to others")
    handover.add_argument("from_code", metavar="FROM")
    handover.add_argument("--to", nargs="+", required=True, metavar="CODE")
    handover.add_argument("--keep-active", action="store_true")
    handover.add_argument("--db", dest="sub_db", metavar="PATH", help=argparse.SUPPRESS)

    imp = sub.add_parser("import", help="import customers from a workbook or CSV file")
    imp.add_argument("file", metavar="FILE")
    imp.add_argument("--sheet", help="the sheet to read (default: the first)")
    imp.add_argument("--dry-run", action="store_true",
                     help="show what would happen; write nothing")
    imp.add_argument("--errors", metavar="OUT.xlsx",
                     help="save the refused rows with the reason, to fix and import again")
    imp.add_argument("--strict", action="store_true",
                     help="refuse the whole file if any row is refused")
    imp.add_argument("--duplicates", choices=("update", "skip", "create"), default="update",
                     help="what to do with rows matching a customer already in the archive")
    imp.add_argument("--mapping", metavar="NAME", help="use a saved column mapping")
    imp.add_argument("--save-mapping", metavar="NAME",
                     help="save the columns as understood under this name")
    imp.add_argument("--json", action="store_true", help="print the outcome as JSON")
    imp.add_argument("--db", dest="sub_db", metavar="PATH", help=argparse.SUPPRESS)

    exp = sub.add_parser("export", help="export customers, visits, orders or payments to Excel")
    exp.add_argument("what", choices=("customers", "visits", "orders", "payments", "all"))
    exp.add_argument("out", metavar="OUT.xlsx")
    exp.add_argument("--region", metavar="CODE")
    exp.add_argument("--tier")
    exp.add_argument("--salesperson", metavar="CODE")
    exp.add_argument("--status", choices=("prospect", "active", "dormant", "lost"))
    exp.add_argument("--search", metavar="TEXT", help="as the list's search box")
    exp.add_argument("--db", dest="sub_db", metavar="PATH", help=argparse.SUPPRESS)

    tiers = sub.add_parser("tiers", help="tier rules, reassessment and overrides")
    tiers_sub = tiers.add_subparsers(dest="tiers_command", metavar="ACTION", required=True)
    assess = tiers_sub.add_parser("assess", help="grade every customer for a period")
    assess.add_argument("--period", help="2026-Q4, 2026-11 or 2026 (default: this quarter)")
    assess.add_argument("--apply", action="store_true",
                        help="set the new tiers and keep them in the history")
    assess.add_argument("--db", dest="sub_db", metavar="PATH", help=argparse.SUPPRESS)
    rules = tiers_sub.add_parser("rules", help="show or change the tier model")
    rules.add_argument("--tiers", help="names, top first: A,B,C,D or 钻石,金,银,会员")
    rules.add_argument("--weights", help="sales=40,profit=30,loyalty=15,potential=15")
    rules.add_argument("--method", choices=("share", "threshold"))
    rules.add_argument("--shares", help="percent of customers per tier: 10,20,30,40")
    rules.add_argument("--thresholds", help="lowest score of each upper tier: 75,50,25")
    rules.add_argument("--db", dest="sub_db", metavar="PATH", help=argparse.SUPPRESS)
    override = tiers_sub.add_parser("override", help="set a customer's tier by hand")
    override.add_argument("number")
    override.add_argument("tier")
    override.add_argument("--reason", required=True)
    override.add_argument("--db", dest="sub_db", metavar="PATH", help=argparse.SUPPRESS)
    clear = tiers_sub.add_parser("clear-override", help="let reassessment grade it again")
    clear.add_argument("number")
    clear.add_argument("--db", dest="sub_db", metavar="PATH", help=argparse.SUPPRESS)
    norms = tiers_sub.add_parser("norms", help="contact norms: compliance, who is behind, "
                                 "overdue customers")
    norms.add_argument("--date", help="as of this day (default: today)")
    norms.add_argument("--overdue", type=int, default=20, metavar="N",
                       help="list the N most overdue customers (default 20)")
    norms.add_argument("--db", dest="sub_db", metavar="PATH", help=argparse.SUPPRESS)
    chart = tiers_sub.add_parser("chart", help="write a tier chart as PNG or PDF")
    chart.add_argument("kind", choices=("distribution", "pareto", "migration", "compliance",
                                        "regions"))
    chart.add_argument("out", help="file to write, .png or .pdf")
    chart.add_argument("--date", help="as of this day (default: today)")
    chart.add_argument("--db", dest="sub_db", metavar="PATH", help=argparse.SUPPRESS)

    today = sub.add_parser("today", help="the day's list: calls and visits due, norms, "
                                         "greetings, open complaints")
    today.add_argument("--salesperson", metavar="CODE", help="one salesperson's list")
    today.add_argument("--date", help="YYYY-MM-DD (default: today)")
    today.add_argument("--db", dest="sub_db", metavar="PATH", help=argparse.SUPPRESS)

    plan = sub.add_parser("plan", help="next month's visit quotas: propose, publish, print")
    plan.add_argument("--month", help="YYYY-MM (default: next month)")
    plan.add_argument("--publish", action="store_true",
                      help="publish the plan (frozen from then on)")
    plan.add_argument("--pdf", metavar="OUT.pdf", help="print every salesperson's sheet")
    plan.add_argument("--xlsx", metavar="OUT.xlsx",
                      help="the team summary and one sheet per salesperson")
    plan.add_argument("--date", help="plan as of this day (default: today)")
    plan.add_argument("--db", dest="sub_db", metavar="PATH", help=argparse.SUPPRESS)

    kpi = sub.add_parser("kpi", help="KPI scorecards of the team and retention for a period")
    kpi.add_argument("--from", dest="first", help="YYYY-MM-DD (default: last month's first)")
    kpi.add_argument("--to", dest="last", help="YYYY-MM-DD (default: last month's last)")
    kpi.add_argument("--xlsx", metavar="OUT.xlsx", help="the scorecards and definitions")
    kpi.add_argument("--date", help="as of this day (default: today)")
    kpi.add_argument("--db", dest="sub_db", metavar="PATH", help=argparse.SUPPRESS)

    alerts = sub.add_parser("alerts", help="problem alerts: customers, salespeople, regions")
    alerts.add_argument("--kind", choices=("at_risk", "incomplete_file", "over_visited",
                                           "few_visits", "weak_region", "low_development"))
    alerts.add_argument("--date", help="as of this day (default: today)")
    alerts.add_argument("--db", dest="sub_db", metavar="PATH", help=argparse.SUPPRESS)

    hol = sub.add_parser("holidays", help="the office's holiday calendar: list, add, remove")
    hol.add_argument("--add", nargs=2, metavar=("DATE", "NAME"), help="a day off (or worked)")
    hol.add_argument("--greet", action="store_true", help="greet customers before it")
    hol.add_argument("--workday", action="store_true", help="a weekend day worked instead")
    hol.add_argument("--remove", metavar="DATE")
    hol.add_argument("--official", type=int, metavar="YEAR",
                     help="load the official public holidays and adjusted working days of YEAR")
    hol.add_argument("--db", dest="sub_db", metavar="PATH", help=argparse.SUPPRESS)

    history = sub.add_parser("history", help="every change of a customer: who, when, on "
                                             "which machine, what changed")
    history.add_argument("number", help="customer number")
    history.add_argument("--json", action="store_true", help="as JSON lines, one per change")
    history.add_argument("--db", dest="sub_db", metavar="PATH", help=argparse.SUPPRESS)

    edit = sub.add_parser("edit", help="change a customer's facts (checked as in the window)")
    edit.add_argument("number", help="customer number")
    edit.add_argument("changes", nargs="+", metavar="FIELD=VALUE",
                      help="fields: " + ", ".join(EDIT_FIELDS))
    edit.add_argument("--db", dest="sub_db", metavar="PATH", help=argparse.SUPPRESS)

    settings = sub.add_parser("settings", help="show or change office settings")
    settings.add_argument("--card-size", type=int)
    settings.add_argument("--numbering")
    settings.add_argument("--office-name")
    settings.add_argument("--db", dest="sub_db", metavar="PATH", help=argparse.SUPPRESS)
    for command in sub.choices.values():    # --as after the command too, as --db
        command.add_argument("--as", dest="sub_as", metavar="CODE", help=argparse.SUPPRESS)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0) and EXIT_USAGE
    location = getattr(args, "sub_db", None) or args.db
    global _AS
    _AS = getattr(args, "sub_as", None) or args.as_person
    if args.command is None:
        from tierdesk.app import run_gui

        return run_gui(location)
    try:
        code = _COMMANDS[args.command](args, location)
        sys.stdout.flush()   # a closed pipe shows here, not as the interpreter ends
        return code
    except BrokenPipeError:  # `tierdesk kpi | head`: the reader had enough
        _discard_output()
        return 0
    except ValidationError as exc:
        for problem in exc.problems:
            print(f"tierdesk: {problem.field}: {problem.message}", file=sys.stderr)
        return EXIT_REFUSED
    except TierDeskError as exc:
        print(f"tierdesk: {exc.message}", file=sys.stderr)
        return EXIT_REFUSED
    except (ValueError, InterruptedError, OSError) as exc:
        print(f"tierdesk: {exc}", file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:     # Ctrl+C: what was under way is rolled back
        print(("\n" if sys.stderr.isatty() else "") + "tierdesk: stopped before it was done.",
              file=sys.stderr)
        return EXIT_STOPPED
    except Exception as exc:      # a fault of the program: one line here, the rest in the log
        return _report_fault(args.command, exc)


def _report_fault(command: str, exc: Exception) -> int:
    from tierdesk.core import logbook

    written = logbook.start_logging()
    logbook.logger("cli").error("tierdesk %s failed", command, exc_info=exc)
    where = (f" The details are in {written}." if written is not None
             else " The log folder could not be written, so no details were kept.")
    print(f"tierdesk: {command} failed with an unexpected error ({type(exc).__name__}: "
          f"{exc}).{where}", file=sys.stderr)
    return EXIT_FAULT


def _discard_output() -> None:
    """Send what is still buffered for the closed pipe nowhere, so the interpreter does not
    report it as it ends."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


_AS: str | None = None    # --as: who writes


def _open(location: str | None):  # type: ignore[no-untyped-def]
    """The database, with who writes from here: --as, else TIERDESK_USER, else the login."""
    from tierdesk.core import journal
    from tierdesk.core.db import open_database

    db = open_database(location)
    db.source = "command line"
    if _AS:
        db.actor = journal.Actor(_person_named(db, _AS.strip()), journal.this_machine())
    return db


def _person_named(db: Database, given: str) -> str:
    """A salesperson's code as "code name"; anything else as given (a manager's name)."""
    from sqlalchemy import func, select

    from tierdesk.core.models import Salesperson

    with db.read() as session:
        found = session.execute(select(Salesperson.code, Salesperson.name).where(
            func.upper(Salesperson.code) == given.upper())).first()
    return f"{found[0]} {found[1]}" if found else given


EDIT_FIELDS = {"name": "name", "contact": "contact_name", "mobile": "mobile",
               "landline": "landline", "email": "email", "wechat": "wechat",
               "address": "address", "industry": "industry", "status": "status",
               "potential": "potential", "notes": "notes"}


def cmd_edit(args: argparse.Namespace, location: str | None) -> int:
    import dataclasses

    from tierdesk.core import customers
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
    db = _open(location)
    with db.write() as session:
        cid = customers.find_by_number(session, args.number)
        facts = customers.customer_facts(session, cid)
        data = dataclasses.replace(facts.to_input(), **edits)
        changed = customers.update_customer(session, cid, data)
    if not changed:
        print(f"{args.number}: nothing changed.")
        return 0
    for change in changed:
        print(f"{args.number} {change.field}: {change.old_value} -> {change.new_value}")
    return 0


def cmd_history(args: argparse.Namespace, location: str | None) -> int:
    import json

    from tierdesk.core import customers, history

    db = _open(location)
    with db.read() as session:
        cid = customers.find_by_number(session, args.number)
        lines = history.customer_history(session, cid)
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


def cmd_demo(args: argparse.Namespace, location: str | None) -> int:
    from tierdesk.core.demo import build_demo

    db = _open(location)
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


def _terminal_progress(unit: str) -> Callable[[int, int, str], bool] | None:
    """Progress on one line of the terminal, redrawn at most a few times a second; None
    when the output goes to a file or another program."""
    if not sys.stderr.isatty():
        return None
    import time

    shown: list[Any] = [0.0, None]      # when, and the count last shown

    def report(done: int, total: int, what: str) -> bool:
        now = time.monotonic()
        if (done, total) != shown[1] and (now - shown[0] >= 0.25 or done == total):
            shown[:] = now, (done, total)
            print(f"\r  {done:,} of {total:,} {unit}  {what}\033[K",
                  end="\n" if done == total else "", file=sys.stderr, flush=True)
        return True

    return report


def cmd_info(_args: argparse.Namespace, location: str | None) -> int:
    from sqlalchemy import func, select

    from tierdesk.core.db import SCHEMA_HEAD
    from tierdesk.core.models import Customer, Salesperson, Visit, VisitCard
    from tierdesk.core.settings import load_settings

    db = _open(location)
    with db.read() as session:
        settings = load_settings(session)
        counts = {label: session.scalar(select(func.count()).select_from(model)
                                        .where(model.deleted_at.is_(None)))
                  for label, model in (("customers", Customer), ("salespeople", Salesperson),
                                       ("cards", VisitCard), ("visits", Visit))}
    print(f"Database: {db.path or db.url}")
    print(f"Schema:   {SCHEMA_HEAD}")
    print(f"Office:   {settings.office_name}")
    print(f"Card size: {settings.card_size} entries; numbering rule: {settings.numbering_rule}")
    for label, count in counts.items():
        print(f"{label.capitalize():12} {count:,}")
    return 0


def cmd_search(args: argparse.Namespace, location: str | None) -> int:
    from tierdesk.core.customer_list import CustomerList, ListFilter

    db = _open(location)
    customers = CustomerList(db)
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
    from tierdesk.core import cards, customers

    db = _open(location)
    with db.read() as session:
        cid = customers.find_by_number(session, args.number)
        facts = customers.customer_facts(session, cid)
        if args.all:
            shown = cards.list_cards(session, cid)
        elif args.seq:
            shown = [cards.card_by_seq(session, cid, args.seq)]
        else:
            current = cards.current_card(session, cid)
            shown = [current] if current else []
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
    from tierdesk.core import cards, customers

    db = _open(location)
    with db.write() as session:
        cid = customers.find_by_number(session, args.number)
        result = cards.add_visit(session, cid, cards.VisitInput(
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

    from tierdesk.core import cards, customers

    db = _open(location)
    with db.write() as session:
        cid = customers.find_by_number(session, args.number)
        visit_id = cards.visit_at(session, cid, args.card, args.slot)
        if args.command == "strike-visit":
            cards.strike_visit(session, visit_id, reason=args.reason)
            print(f"Entry {args.slot} of card {args.card} struck out.")
            return 0
        entry = next(e for e in cards.card_by_seq(session, cid, args.card).entries
                     if e.id == visit_id)
        given = {"visit_date": args.date, "channel": args.channel, "purpose": args.purpose,
                 "summary": args.summary, "outcome": args.outcome,
                 "next_step": args.next_step, "next_visit_on": args.next_visit}
        now = {name: value for name, value in asdict(entry).items() if name in given}
        cards.correct_visit(session, visit_id, cards.VisitInput(**{
            name: now[name] if value is None else value for name, value in given.items()}))
    print(f"Entry {args.slot} of card {args.card} corrected.")
    return 0


def cmd_hand_over(args: argparse.Namespace, location: str | None) -> int:
    from tierdesk.core import office

    db = _open(location)
    with db.write() as session:
        giver = office.salesperson_by_code(session, args.from_code)
        receivers = {office.salesperson_by_code(session, c).id: c.upper() for c in args.to}
        given = office.hand_over_customers(session, giver.id, list(receivers),
                                           deactivate=not args.keep_active)
    for receiver_id, count in given.items():
        print(f"{receivers[receiver_id]}: {count:,} customers")
    return 0


def cmd_settings(args: argparse.Namespace, location: str | None) -> int:
    from tierdesk.core.settings import load_settings, save_settings

    db = _open(location)
    changes = {key: value for key, value in (("card_size", args.card_size),
                                             ("numbering_rule", args.numbering),
                                             ("office_name", args.office_name))
               if value is not None}
    if changes:
        with db.write() as session:
            current = save_settings(session, **changes)
    else:
        with db.read() as session:
            current = load_settings(session)
    print(f"office name:    {current.office_name}")
    print(f"card size:      {current.card_size}")
    print(f"numbering rule: {current.numbering_rule}")
    print(f"tiers:          {', '.join(current.tiers)}")
    return 0


def cmd_import(args: argparse.Namespace, location: str | None) -> int:
    import json

    from tierdesk.excel.columns import apply_mapping, save_mapping, saved_mappings
    from tierdesk.excel.reader import open_workbook
    from tierdesk.excel.workbook_import import SheetChoice, fields_of, import_workbook

    book = open_workbook(args.file)
    if args.sheet:
        book.sheet(args.sheet)  # refuse a missing sheet before touching the archive
    db = _open(location)
    adjust = None
    if args.mapping:
        with db.read() as session:
            named = saved_mappings(session).get(args.mapping)
        if named is None:
            print(f"tierdesk: there is no saved column mapping called {args.mapping}.",
                  file=sys.stderr)
            return EXIT_REFUSED

        def adjust(choice: SheetChoice) -> None:
            applied = apply_mapping(named, choice.headers)
            if applied and set(applied.values()) <= fields_of(choice.kind):
                choice.mapping = applied

    # Each sheet is imported as soon as it is read, while the next is being read.
    outcome = import_workbook(db, book, sheet=args.sheet, adjust=adjust, dry_run=args.dry_run,
                              strict=args.strict, duplicates=args.duplicates,
                              progress=_terminal_progress("rows"))
    if args.save_mapping and outcome.sheets:
        first = outcome.sheets[0].plan
        with db.write() as session:
            save_mapping(session, args.save_mapping, first.headers, first.mapping)
    if args.errors and outcome.refused:
        _write_refused(outcome, args.errors)
    refused = [{"sheet": p.sheet, "row": p.row, "column": p.column, "reason": p.render()}
               for p in outcome.refused]
    if args.json:
        print(json.dumps({
            "file": str(args.file), "encoding": book.encoding, "dry_run": args.dry_run,
            "duplicates": args.duplicates, "written": outcome.written,
            "sheets": [{"sheet": s.sheet, "kind": s.kind, "header_row": s.header_row,
                        "counts": s.counts,
                        "new_regions": getattr(s.plan, "new_regions", []),
                        "new_salespeople": getattr(s.plan, "new_salespeople", [])}
                       for s in outcome.sheets],
            "skipped_sheets": outcome.skipped_sheets, "refused": refused},
            ensure_ascii=False, indent=2))
    else:
        _print_import(args, book.encoding, outcome, refused)
    if outcome.refused_whole:
        from tierdesk.excel.importer import rows_refused

        print(f"tierdesk: {rows_refused(outcome.refused)} rows refused; with --strict nothing was "
              "imported.", file=sys.stderr)
        return EXIT_REFUSED
    return 0


def _write_refused(outcome, path: str) -> None:  # type: ignore[no-untyped-def]
    from tierdesk.excel.importer import write_refused_rows

    write_refused_rows([sheet.plan for sheet in outcome.sheets], path)


def _print_import(args, encoding, outcome, refused) -> None:  # type: ignore[no-untyped-def]
    for sheet in outcome.sheets:
        counts = sheet.counts
        print(f"{args.file}, sheet {sheet.sheet}: {sheet.kind} (column names on row "
              f"{sheet.header_row}" + (f", {encoding}" if encoding else "") + ")")
        if sheet.kind == "customers":
            print(f"  new customers:            {counts['new']:,}")
            print(f"  matching the archive:     {counts['matching']:,} ({args.duplicates})")
            print(f"  merged within the file:   {counts['merged_in_file']:,}")
            for label, names in (("regions to add:", sheet.plan.new_regions),
                                 ("salespeople to add:", sheet.plan.new_salespeople)):
                if names:
                    print(f"  {label:25} {', '.join(names)}")
        else:
            print(f"  new {sheet.kind + ':':21} {counts['new']:,}")
            print(f"  already in the archive:   {counts['already_there']:,}")
        print(f"  refused rows:             {counts['rejected']:,}")
    for name, why in outcome.skipped_sheets.items():
        print(f"Sheet {name} skipped: {why}")
    for problem in refused:
        column = f", {problem['column']}" if problem["column"] else ""
        print(f"  {problem['sheet']} row {problem['row']}{column}: {problem['reason']}")
    if args.errors and refused:
        print(f"Refused rows saved to {args.errors}")
    if args.dry_run:
        print("Dry run: nothing was written.")
    elif outcome.written is not None:
        w = outcome.written
        print(f"Imported: {w['customers_created']:,} created, {w['customers_updated']:,} "
              f"updated, {w['customers_skipped']:,} skipped; {w['visits']:,} visits, "
              f"{w['orders']:,} orders, {w['payments']:,} payments.")


def cmd_export(args: argparse.Namespace, location: str | None) -> int:
    from tierdesk.excel.export import KINDS, export_workbook, filtered_customer_ids

    db = _open(location)
    with db.read() as session:
        ids = filtered_customer_ids(session, region=args.region, tier=args.tier,
                                    salesperson=args.salesperson, status=args.status)
    if args.search:
        from tierdesk.core.customer_list import CustomerList, ListFilter

        listing = CustomerList(db)
        found = listing.customer_ids(listing.query(ListFilter(text=args.search)))
        ids = found if ids is None else [i for i in ids if i in set(found)]
    kinds = KINDS if args.what == "all" else (args.what,)
    try:
        sheets = export_workbook(db, args.out, kinds, customer_ids=ids)
    except OSError as exc:
        print(f"tierdesk: cannot write {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_REFUSED
    print(f"Wrote {args.out}: sheets {', '.join(sheets)}")
    return 0


def _numbers(text: str) -> tuple[float, ...]:
    try:
        return tuple(float(part) for part in text.replace("，", ",").split(",") if part.strip())
    except ValueError:
        raise ValueError(f"not a list of numbers: {text}") from None


def cmd_tiers(args: argparse.Namespace, location: str | None) -> int:
    from dataclasses import replace

    from tierdesk.core import customers, tiers
    from tierdesk.core.tier_rules import load_rules, save_rules

    db = _open(location)
    if args.tiers_command == "rules":
        with db.write() as session:
            current = load_rules(session)
            changes: dict[str, object] = {}
            if args.tiers:
                changes["tiers"] = tuple(t.strip() for t in args.tiers.replace("，", ",")
                                         .split(","))
            if args.weights:
                weights = {}
                for part in args.weights.replace("，", ",").split(","):
                    name, _, value = part.partition("=")
                    weights[name.strip()] = _numbers(value)[0] if value else 0.0
                changes["weights"] = {**current.weights, **weights}
            if args.method:
                changes["method"] = args.method
            if args.shares:
                changes["shares"] = _numbers(args.shares)
            if args.thresholds:
                changes["thresholds"] = _numbers(args.thresholds)
            shown = save_rules(session, replace(current, **changes)) if changes else current
        print(f"tiers:      {', '.join(shown.tiers)}")
        print("weights:    " + ", ".join(f"{k} {v:g}" for k, v in shown.weights.items()))
        if shown.method == "share":
            print("shares:     " + ", ".join(f"{t} {s:g}%" for t, s in
                                             zip(shown.tiers, shown.shares, strict=True)))
        else:
            print("thresholds: " + ", ".join(f"{t} from {v:g}" for t, v in
                                             zip(shown.tiers, shown.thresholds, strict=False)))
        return 0
    if args.tiers_command in ("norms", "chart"):
        return _tier_views(db, args)
    if args.tiers_command in ("override", "clear-override"):
        with db.write() as session:
            cid = customers.find_by_number(session, args.number)
            if args.tiers_command == "override":
                tiers.override_tier(session, cid, args.tier, args.reason)
                print(f"{args.number} is now {args.tier.upper()} until the override is "
                      "removed.")
            else:
                tiers.remove_override(session, cid)
                print(f"{args.number} will be graded by the next reassessment.")
        return 0
    period = args.period or tiers.current_quarter(dt.date.today())
    with (db.write() if args.apply else db.read()) as session:
        assessment = tiers.assess_tiers(session, period)
        changed = tiers.apply_assessment(session, assessment) if args.apply else None
    counts, shares, changes = (assessment.counts(), assessment.sales_share(),
                               assessment.changes())
    total = max(len(assessment), 1)
    print(f"Tier assessment {period} (12 months of orders up to {assessment.as_of}):")
    print(f"  {'tier':6} {'customers':>10} {'share':>7} {'of sales':>9}")
    for tier in assessment.rules.tiers:
        print(f"  {tier:6} {counts[tier]:>10,} {counts[tier] / total:>7.1%} "
              f"{shares[tier]:>9.1%}")
    print(f"  up {changes.get('up', 0):,}, down {changes.get('down', 0):,}, "
          f"new {changes.get('new', 0):,}, unchanged {changes.get('same', 0):,}; "
          f"{int(assessment.overridden.sum()):,} set by hand")
    if changed is None:
        print("Nothing was changed; add --apply to set these tiers.")
    else:
        print(f"Applied: {changed:,} tiers changed; every grade is kept in the history.")
    return 0


def _tier_views(db: Database, args: argparse.Namespace) -> int:
    from tierdesk.core import norms, tier_views
    from tierdesk.core.models import Salesperson

    day = _day(args.date)
    with db.read() as session:
        picture = tier_views.tier_picture(session, day)
        people = {p.id.hex: p.name for p in session.query(Salesperson)}
        runs = tier_views.assessment_runs(session)
        moves = None
        if args.tiers_command == "chart" and args.kind == "migration" and len(runs) > 1:
            moves = (tier_views.migration(session, runs[1].assessed_at, runs[0].assessed_at),
                     runs[1].period, runs[0].period)
    if args.tiers_command == "chart":
        from tierdesk.reports import charts

        if not args.out.lower().endswith((".png", ".pdf")):
            print("error: the chart file must end in .png or .pdf", file=sys.stderr)
            return 2
        if args.kind == "migration" and moves is None:
            print("error: the migration chart needs two applied reassessments",
                  file=sys.stderr)
            return 1
        figure = charts.new_figure(args.kind)
        charts.draw(figure, args.kind, picture, people, moves=moves)
        charts.save_chart(figure, args.out)
        print(f"Wrote {args.out}")
        return 0
    report = picture.norms
    assert report is not None
    print(f"Contact norms as of {day} (compliance: the norm met in the last full period):")
    print(f"  {'tier':6} {'customers':>10} {'met':>7} {'overdue':>8} {'calls due':>10} "
          f"{'visits due':>11}")
    for row in picture.rows:
        c = row.compliance
        if c.customers:
            print(f"  {row.tier:6} {c.customers:>10,} {c.rate or 0:>7.1%} {c.overdue:>8,} "
                  f"{c.calls_due:>10,} {c.visits_due:>11,}")
    behind = report.behind()
    if behind:
        print("Salespeople, furthest behind first (customers overdue / with a norm):")
        for key, c in behind[:10]:
            print(f"  {people.get(key or '', '-'):12} {c.overdue:>6,} / {c.customers:<6,} "
                  f"met last period {c.rate or 0:.0%}")
    overdue = report.overdue()
    print(f"Overdue customers: {len(overdue):,}")
    for status in overdue[:args.overdue]:
        what = "; ".join(m.render() for m in norms.describe(status))
        print(f"  {status.number:16} {status.tier:3} {status.name}: {what}")
    return 0


def _day(text: str | None) -> dt.date:
    """A --date option: the day given (refused clearly when it is no date), else today."""
    from tierdesk.core.validation import parse_date

    return (parse_date("date", text) if text else None) or dt.date.today()


def cmd_today(args: argparse.Namespace, location: str | None) -> int:
    from tierdesk.core.archive import Archive
    from tierdesk.core.office import salesperson_by_code
    from tierdesk.reports.today_report import today_lines

    db = _open(location)
    day = _day(args.date)
    person_id, who = None, "everyone"
    if args.salesperson:
        with db.read() as session:
            person = salesperson_by_code(session, args.salesperson)
            person_id, who = person.id, f"{person.name} ({person.code})"
    listing = Archive(db).today(day, person_id)
    now = dt.datetime.combine(day, dt.datetime.now().time())
    print("\n".join(today_lines(listing, who=who, now=now)))
    return 0


def cmd_plan(args: argparse.Namespace, location: str | None) -> int:
    from tierdesk.core import plans
    from tierdesk.core.archive import Archive
    from tierdesk.core.followups import add_months
    from tierdesk.reports.plan_report import plan_lines, plan_tables

    today = _day(args.date)
    month = plans.parse_month(args.month) if args.month else add_months(today.replace(day=1), 1)
    archive = Archive(_open(location))
    plan = archive.month_plan(month, today)
    if args.publish:
        if plan.status == "published":
            print(f"tierdesk: the plan for {month:%Y-%m} was published already",
                  file=sys.stderr)
            return EXIT_REFUSED
        archive.save_month_plan(plan, publish=True)
    print("\n".join(plan_lines(plan)))
    if args.pdf:
        from tierdesk.render.plan_sheets import plan_to_pdf

        plan_to_pdf(plan, args.pdf)
        print(f"Wrote {args.pdf}")
    if args.xlsx:
        from tierdesk.excel.writer import write_tables

        write_tables(args.xlsx, plan_tables(plan))
        print(f"Wrote {args.xlsx}")
    return 0


def cmd_kpi(args: argparse.Namespace, location: str | None) -> int:
    from tierdesk.core.archive import Archive
    from tierdesk.core.followups import add_months
    from tierdesk.core.kpis import KPIS
    from tierdesk.reports.kpi_report import kpi_name, kpi_text, scorecard_table

    today = _day(args.date)
    first = _day(args.first) if args.first else add_months(today.replace(day=1), -1)
    last = _day(args.last) if args.last else add_months(first, 1) - dt.timedelta(days=1)
    if last < first:
        print("tierdesk: the period ends before it starts", file=sys.stderr)
        return EXIT_REFUSED
    archive = Archive(_open(location))
    cards = archive.scorecards(first, last, today)
    print(f"Scorecards {first} to {last} ({cards[0].working_days if cards else 0} working days)")
    print("code  " + "  ".join(kpi_name(k)[:12].ljust(12) for k in KPIS))
    for card in cards:
        print(f"{card.code:5} " + "  ".join(kpi_text(card, k)[:12].ljust(12) for k in KPIS))
    office, _people = archive.retention(add_months(last, -12) + dt.timedelta(days=1), last)
    rate = "-" if office.rate is None else f"{office.rate:.1%}"
    print(f"Retention over the 12 months to {last}: {rate} "
          f"({office.lost} lost of {office.snapshot})")
    if args.xlsx:
        from tierdesk.excel.writer import write_tables

        write_tables(args.xlsx, scorecard_table(cards, f"KPI {first} to {last}"))
        print(f"Wrote {args.xlsx}")
    return 0


def cmd_alerts(args: argparse.Namespace, location: str | None) -> int:
    from tierdesk.core.alerts import figures_text
    from tierdesk.core.archive import Archive

    found = Archive(_open(location)).problem_alerts(_day(args.date))
    shown = [a for a in found if args.kind in (None, a.kind)]
    for alert in shown:
        seen = f"  [acknowledged: {alert.note}]" if alert.note is not None else ""
        print(f"{alert.kind:16} {alert.subject}: {figures_text(alert)}. {alert.action}{seen}")
    print(f"{len(shown)} problems")
    return 0


def cmd_holidays(args: argparse.Namespace, location: str | None) -> int:
    from tierdesk.core import holidays

    db = _open(location)
    with db.write() as session:
        if args.official:
            added = holidays.load_official_holidays(session, args.official)
            print(f"{added} official days of {args.official} added")
        if args.add:
            holidays.save_holiday(session, day=args.add[0], name=args.add[1],
                                  greet=args.greet, workday=args.workday)
        if args.remove:
            day = _day(args.remove)
            found = [h for h in holidays.list_holidays(session, since=day, until=day)]
            if not found:
                print(f"tierdesk: {day.isoformat()} is not in the calendar", file=sys.stderr)
                return EXIT_REFUSED
            holidays.delete_holiday(session, found[0].id)
        rows = holidays.list_holidays(session)
    for h in rows:
        kind = "worked" if h.workday else "off, greeted" if h.greet else "off"
        print(f"{h.day.isoformat()}  {holidays.weekday_name(h.day)}  {kind:12} {h.name}")
    return 0


_COMMANDS = {"demo": cmd_demo, "info": cmd_info, "search": cmd_search, "card": cmd_card,
             "add-visit": cmd_add_visit, "correct-visit": cmd_change_visit,
             "strike-visit": cmd_change_visit, "today": cmd_today, "hand-over": cmd_hand_over,
             "settings": cmd_settings, "holidays": cmd_holidays, "plan": cmd_plan,
             "kpi": cmd_kpi, "alerts": cmd_alerts,
             "import": cmd_import, "export": cmd_export, "tiers": cmd_tiers,
             "history": cmd_history, "edit": cmd_edit}
