"""Importing a whole workbook: its customer sheets first, then the visits, orders and
payments that refer to them, in one transaction (a dry run writes nothing)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from tierdesk.core.db import Database
from tierdesk.core.raw import write_cache
from tierdesk.excel.columns import CUSTOMER_FIELDS, auto_map
from tierdesk.excel.importer import (
    ImportPlan,
    RowProblem,
    apply_plan,
    company_key,
    plan_customers,
)
from tierdesk.excel.reader import Workbook, WorkbookRefused
from tierdesk.excel.records import (
    RECORD_FIELDS,
    CustomerLinks,
    RecordPlan,
    apply_records,
    map_columns,
    plan_records,
    sheet_kind,
)
from tierdesk.excel.values import text_of

ORDER = {"customers": 0, "visits": 1, "orders": 2, "payments": 3}
KINDS = tuple(ORDER)


def fields_of(kind: str) -> set[str]:
    """The fields a sheet of this kind can fill."""
    return set(CUSTOMER_FIELDS) if kind == "customers" else set(RECORD_FIELDS[kind])


@dataclass
class SheetOutcome:
    sheet: str
    kind: str
    header_row: int               # as the spreadsheet numbers rows (1 = first)
    counts: dict[str, int]
    plan: ImportPlan | RecordPlan

    @property
    def refused(self) -> list[RowProblem]:
        return self.plan.rejected


@dataclass
class WorkbookImport:
    sheets: list[SheetOutcome] = field(default_factory=list)
    skipped_sheets: dict[str, str] = field(default_factory=dict)   # sheet -> why
    written: dict[str, int] | None = None                          # None: nothing written
    refused_whole: bool = False                                   # --strict and rows refused

    @property
    def refused(self) -> list[RowProblem]:
        return [p for s in self.sheets for p in s.refused]


@dataclass
class SheetChoice:
    """A sheet to import as the reader understood it; the window lets a person correct the
    kind and the columns before the import runs."""

    name: str
    kind: str
    header_row: int               # index into the rows
    headers: list[str]
    mapping: dict[int, str]       # column index -> field


def survey(book: Workbook, sheet: str | None = None) -> tuple[list[SheetChoice],
                                                               dict[str, str]]:
    """The sheets worth importing (customers first) and those skipped, with why."""
    choices: list[SheetChoice] = []
    skipped: dict[str, str] = {}
    for name in [sheet] if sheet else book.sheet_names:
        try:
            data = book.sheet(name)
        except WorkbookRefused as exc:
            if sheet:
                raise
            skipped[name] = str(exc)
            continue
        if not any(any(v not in (None, "") for v in row) for row in data.rows):
            skipped[name] = "empty"
            continue
        kind, header_row = sheet_kind(data)
        headers = [text_of(v) for v in data.rows[header_row]]
        mapping = auto_map(headers) if kind == "customers" else map_columns(kind, headers)
        choices.append(SheetChoice(name, kind, header_row, headers, mapping))
    choices.sort(key=lambda c: ORDER[c.kind])
    return choices, skipped


def import_workbook(db: Database, book: Workbook, *, sheet: str | None = None,
                    choices: list[SheetChoice] | None = None, dry_run: bool = False,
                    strict: bool = False, duplicates: str = "update",
                    progress: Callable[[int, int, str], bool] | None = None) -> WorkbookImport:
    """Import the sheets as surveyed (or as ``choices`` corrected them)."""
    outcome = WorkbookImport()
    if choices is None:
        choices, outcome.skipped_sheets = survey(book, sheet)
    chosen = [(ORDER[c.kind], c.name, c.kind, c.header_row, c.mapping)
              for c in sorted(choices, key=lambda c: ORDER[c.kind])]
    with (db.read() if dry_run else db.write()) as session, \
            write_cache(session.connection(), 64):
        written = {"customers_created": 0, "customers_updated": 0, "customers_skipped": 0,
                   "visits": 0, "orders": 0, "payments": 0}
        links: CustomerLinks | None = None
        for step, (_order, name, kind, header_row, mapping) in enumerate(chosen):
            if progress is not None and progress(step, len(chosen), name) is False:
                raise InterruptedError("import cancelled")
            if kind == "customers":
                plan: ImportPlan | RecordPlan = plan_customers(
                    session, book.sheet(name), header_row=header_row, mapping=mapping)
                assert isinstance(plan, ImportPlan)
                # Planned, the sheet lives on in the plan (the refused rows as typed, the
                # others as values to write): the workbook need not keep it as well.
                book.release(name)
                counts = plan.counts()
                if not dry_run:
                    result = apply_plan(session, plan, duplicates=duplicates)
                    written["customers_created"] += result.created
                    written["customers_updated"] += result.updated
                    written["customers_skipped"] += result.skipped
                    plan.planned = []         # written: the counts and refusals stay
                else:
                    links = links or CustomerLinks(session)
                    _expect_new_customers(links, plan)
            else:
                if not dry_run or links is None:
                    links = CustomerLinks(session)  # sees the customers just written
                plan = plan_records(session, book.sheet(name), kind, header_row=header_row,
                                    mapping=mapping, links=links)
                assert isinstance(plan, RecordPlan)
                book.release(name)
                counts = plan.counts()
                if not dry_run:
                    written[kind] += apply_records(session, plan)
                    plan.accepted = {}
            outcome.sheets.append(SheetOutcome(name, kind, header_row + 1, counts, plan))
        if strict and outcome.refused:
            outcome.refused_whole = True
            session.rollback()
            return outcome
        if not dry_run:
            outcome.written = written
    return outcome


def _expect_new_customers(links: CustomerLinks, plan: ImportPlan) -> None:
    """In a dry run, let history rows link to the customers the same file would create."""
    for planned in plan.to_create:
        stand_in = uuid.uuid4().hex
        if planned.number:
            links.by_number.setdefault(planned.number.upper(), stand_in)
        key = company_key(str(planned.values.get("name") or ""))
        links.by_name[key] = None if key in links.by_name else stand_in
