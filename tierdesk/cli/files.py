"""``tierdesk`` commands. Workbooks in and out: import, export."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from tierdesk.cli.common import (
    EXIT_REFUSED,
    counted,
    open_archive,
    open_db,
    terminal_progress,
)

if TYPE_CHECKING:
    import uuid

    from tierdesk.core.archive import Archive


def add_parsers(sub: Any) -> None:

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

    exp = sub.add_parser("export", help="export customers, visits, orders or payments to Excel")
    exp.add_argument("what", choices=("customers", "visits", "orders", "payments", "all"))
    exp.add_argument("out", metavar="OUT.xlsx")
    exp.add_argument("--region", metavar="CODE")
    exp.add_argument("--tier")
    exp.add_argument("--salesperson", metavar="CODE")
    exp.add_argument("--status", choices=("prospect", "active", "dormant", "lost"))
    exp.add_argument("--search", metavar="TEXT", help="as the list's search box")


def cmd_import(args: argparse.Namespace, location: str | None) -> int:
    import json

    from tierdesk.excel.columns import apply_mapping, save_mapping, saved_mappings
    from tierdesk.excel.reader import open_workbook
    from tierdesk.excel.workbook_import import SheetChoice, fields_of, import_workbook

    book = open_workbook(args.file)
    if args.sheet:
        book.sheet(args.sheet)  # refuse a missing sheet before touching the archive
    db = open_db(location)
    adjust = None
    if args.mapping:
        named = saved_mappings(db).get(args.mapping)
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
                              progress=terminal_progress("rows"))
    if args.save_mapping and outcome.sheets:
        first = outcome.sheets[0].plan
        save_mapping(db, args.save_mapping, first.headers, first.mapping)
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
    if not outcome.sheets and outcome.skipped_sheets:
        print(f"tierdesk: no sheet of {args.file} could be imported (each one is said above); "
              "nothing was written.", file=sys.stderr)
        return EXIT_REFUSED
    if outcome.refused_whole:
        from tierdesk.excel.importer import rows_refused

        print(f"tierdesk: {counted(rows_refused(outcome.refused), 'row')} refused; with --strict "
              "nothing was imported.", file=sys.stderr)
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
    elif outcome.written is not None and outcome.sheets:
        w = outcome.written
        print(f"Imported: {w['customers_created']:,} created, {w['customers_updated']:,} "
              f"updated, {w['customers_skipped']:,} skipped; {w['visits']:,} visits, "
              f"{w['orders']:,} orders, {w['payments']:,} payments.")


def cmd_export(args: argparse.Namespace, location: str | None) -> int:
    from tierdesk.excel.export import KINDS, export_workbook

    archive = open_archive(location)
    ids = _chosen_customers(archive, args)
    kinds = KINDS if args.what == "all" else (args.what,)
    try:
        sheets = export_workbook(archive.database, args.out, kinds, customer_ids=ids)
    except OSError as exc:
        print(f"tierdesk: cannot write {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_REFUSED
    print(f"Wrote {args.out}: sheets {', '.join(sheets)}")
    for continued in sheets.continued:      # nothing cut: said where the rest went
        print(f"  {continued.message()}")
    return 0


def _chosen_customers(archive: Archive, args: argparse.Namespace) -> list[uuid.UUID] | None:
    """The customers the filters and the search leave, in number order (as the customer
    list filters and searches them); None when none is given: everyone."""
    from tierdesk.core.customers.customer_list import ListFilter

    if not any((args.region, args.tier, args.salesperson, args.status, args.search)):
        return None
    region_id = salesperson_id = None
    if args.region:
        region_id = next((r.id for r in archive.office.regions()
                          if r.code == args.region.upper()), None)
        if region_id is None:
            return []
    if args.salesperson:
        salesperson_id = next((p.id for p in archive.office.salespeople(with_counts=False)
                               if p.code == args.salesperson.upper()), None)
        if salesperson_id is None:
            return []
    listing = archive.customers.customer_list()
    return listing.customer_ids(listing.query(ListFilter(
        text=args.search or "", region_id=region_id, tier=(args.tier or "").upper() or None,
        salesperson_id=salesperson_id, status=args.status or None)))


COMMANDS = {
    "import": cmd_import,
    "export": cmd_export,
}
