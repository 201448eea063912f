"""Importing a whole workbook: its customer sheets first, then the visits, orders and
payments that refer to them, in one transaction (a dry run writes nothing)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from tierdesk.core.store.db import Database
from tierdesk.core.store.ids import new_id
from tierdesk.core.store.models import Customer, Order, Payment, Visit, VisitCard
from tierdesk.core.store.raw import indexes_built_after, many_objects, write_cache
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

SAMPLE_ROWS = 3             # rows kept to show what a sheet's columns hold
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
    rows: int = 0                 # below the header
    samples: list[list[object]] = field(default_factory=list)   # the first rows below it


def survey(book: Workbook, sheet: str | None = None, *,
           progress: Callable[[int, int, str], bool] | None = None) -> tuple[
               list[SheetChoice], dict[str, str]]:
    """The sheets worth importing (customers first) and those skipped, with why.
    ``progress(sheets read, sheets, sheet)`` is told as each is read; returning False stops
    the reading (InterruptedError)."""
    skipped: dict[str, str] = {}
    found: list[SheetChoice] = []
    count = 1 if sheet else len(book.sheet_names)
    with many_objects():
        for choice in _surveyed(book, sheet, skipped):
            found.append(choice)
            if progress is not None and progress(len(found) + len(skipped), count,
                                                 choice.name) is False:
                book.close()
                raise InterruptedError("reading cancelled")
    return sorted(found, key=lambda c: ORDER[c.kind]), skipped


def _surveyed(book: Workbook, sheet: str | None, skipped: dict[str, str]) -> Iterator[
        SheetChoice]:
    """Each sheet as the reader understands it, in the workbook's order, as soon as it is
    read and the later ones are read meanwhile; those not worth importing go to ``skipped``.
    A workbook too large to read ahead is read whole first, while the import holds nothing
    yet: parsing its sheets takes more memory than the rows they become."""
    names = [sheet] if sheet else book.sheet_names
    each = _survey_each(book, names, skipped, sheet is not None)
    return each if book.read_ahead(names) else iter(list(each))


def _survey_each(book: Workbook, names: list[str], skipped: dict[str, str],
                 named: bool) -> Iterator[SheetChoice]:
    for name in names:
        try:
            data = book.sheet(name)
        except WorkbookRefused as exc:
            if named:
                raise
            skipped[name] = str(exc)
            continue
        if not any(any(v not in (None, "") for v in row) for row in data.rows):
            skipped[name] = "empty"
            book.release(name)
            continue
        kind, header_row = sheet_kind(data)
        headers = [text_of(v) for v in data.rows[header_row]]
        mapping = auto_map(headers) if kind == "customers" else map_columns(kind, headers)
        yield SheetChoice(name, kind, header_row, headers, mapping,
                          len(data.rows) - header_row - 1,
                          data.rows[header_row + 1:header_row + 1 + SAMPLE_ROWS])


def _customers_first(sheets: Iterable[SheetChoice]) -> Iterator[SheetChoice]:
    """Customer sheets as they come, then the history that refers to them, by kind."""
    history = []
    for choice in sheets:
        if choice.kind == "customers":
            yield choice
        else:
            history.append(choice)
    yield from sorted(history, key=lambda c: ORDER[c.kind])


def import_workbook(db: Database, book: Workbook, *, sheet: str | None = None,
                    choices: list[SheetChoice] | None = None, dry_run: bool = False,
                    strict: bool = False, duplicates: str = "update",
                    adjust: Callable[[SheetChoice], None] | None = None,
                    progress: Callable[[int, int, str], bool] | None = None) -> WorkbookImport:
    """Import the sheets as surveyed (or as ``choices`` corrected them), customers first.

    Surveyed here, each sheet is imported as soon as it is read and understood, while the
    later ones are still being read; ``adjust`` may correct each before it is imported.
    ``progress(rows done, rows, sheet)`` is told as the import goes (see Progress);
    returning False stops it, with nothing written (InterruptedError). The archive is
    backed up first (refused, with nothing imported, when that fails)."""
    if not dry_run:
        db.backups.before_risky_work("import")
    # Millions of cells and rows live on until the import ends: the collector would walk
    # them all again and again (a quarter of the time of an import).
    with many_objects():
        return _import_workbook(db, book, sheet, choices, dry_run, strict, duplicates, adjust,
                                Progress(progress, passes=1 if dry_run else 2))


def _import_workbook(db: Database, book: Workbook, sheet: str | None,
                     choices: list[SheetChoice] | None, dry_run: bool, strict: bool,
                     duplicates: str, adjust: Callable[[SheetChoice], None] | None,
                     steps: Progress) -> WorkbookImport:
    outcome = WorkbookImport()
    if choices is None:
        sheets = _customers_first(steps.counted(
            _surveyed(book, sheet, outcome.skipped_sheets)))
    else:
        sheets = iter(sorted(choices, key=lambda c: ORDER[c.kind]))
        steps.rows = sum(choice.rows for choice in choices)     # all known from the start
    with (db.read() if dry_run else db.write(source=f"import {book.path.name}")) as session, \
            write_cache(session.connection(), 64):
        try:
            with ExitStack() as built_after:    # indexes of bulk-written tables, built last
                run = _Run(session, book, built_after, dry_run, duplicates, steps)
                for choice in sheets:
                    if adjust is not None:
                        adjust(choice)
                    outcome.sheets.append(run.import_sheet(choice))
                steps.stage("", 0)
        finally:
            book.close()
        if strict and outcome.refused:
            outcome.refused_whole = True
            session.rollback()
            return outcome
        if not dry_run:
            outcome.written = run.written
    return outcome


class Progress:
    """An import's progress in rows, as a person follows it: each row counts once when it
    is checked and once when it is written (a dry run only checks), so that the count
    reaches the sheets' rows as the import ends. ``report(done, rows, sheet)`` returning
    False stops the import: InterruptedError, raised inside a sheet as well."""

    def __init__(self, report: Callable[[int, int, str], bool] | None, passes: int) -> None:
        self.report, self.passes = report, passes
        self.rows = 0           # of the sheets known so far
        self.done = 0           # row passes of the stages finished
        self.current = 0        # rows in the stage under way
        self.sheet = ""

    def counted(self, sheets: Iterable[SheetChoice]) -> Iterator[SheetChoice]:
        """The sheets, each counted in as it comes."""
        for choice in sheets:
            self.rows += choice.rows
            yield choice

    def stage(self, sheet: str, rows: int) -> Callable[[int], None]:
        """A pass over a sheet's rows begins (the one before it is done): the function that
        tells how many of them are done."""
        self.done += self.current
        self.current, self.sheet = rows, sheet
        self.tell(0)
        return self.tell

    def tell(self, count: int) -> None:
        if self.report is None:
            return
        done = (self.done + min(count, self.current)) // self.passes
        if self.report(min(done, self.rows), self.rows, self.sheet) is False:
            raise InterruptedError("import cancelled")


WRITTEN = ("customers_created", "customers_updated", "customers_skipped", "visits", "orders",
           "payments")
HISTORY_TABLES: dict[str, tuple[Any, ...]] = {
    "visits": (Visit, VisitCard), "orders": (Order,), "payments": (Payment,)}


@dataclass
class _Run:
    """An import under way, one sheet after another in one transaction."""

    session: Session
    book: Workbook
    built_after: ExitStack
    dry_run: bool
    duplicates: str
    steps: Progress
    written: dict[str, int] = field(default_factory=lambda: dict.fromkeys(WRITTEN, 0))
    links: CustomerLinks | None = None

    def import_sheet(self, choice: SheetChoice) -> SheetOutcome:
        name, kind = choice.name, choice.kind
        plan: ImportPlan | RecordPlan
        steps = self.steps
        if kind == "customers":
            plan = plan_customers(self.session, self.book.sheet(name),
                                  header_row=choice.header_row, mapping=choice.mapping,
                                  progress=steps.stage(name, choice.rows))
            # Planned, the sheet lives on in the plan (the refused rows as typed, the
            # others as values to write): the workbook need not keep it as well.
            self.book.release(name)
            counts = plan.counts()
            if self.dry_run:
                self.links = self.links or CustomerLinks(self.session)
                _expect_new_customers(self.links, plan)
            else:
                self._built_after(Customer, len(plan.planned))
                result = apply_plan(self.session, plan, duplicates=self.duplicates,
                                    progress=steps.stage(name, choice.rows))
                self.written["customers_created"] += result.created
                self.written["customers_updated"] += result.updated
                self.written["customers_skipped"] += result.skipped
                plan.planned = []         # written: the counts and refusals stay
        else:
            if not self.dry_run or self.links is None:
                self.links = CustomerLinks(self.session)  # sees the customers just written
            plan = plan_records(self.session, self.book.sheet(name), kind,
                                header_row=choice.header_row, mapping=choice.mapping,
                                links=self.links, progress=steps.stage(name, choice.rows))
            self.book.release(name)
            counts = plan.counts()
            if not self.dry_run:
                for model in HISTORY_TABLES[kind]:
                    self._built_after(model, counts["new"])
                self.written[kind] += apply_records(self.session, plan,
                                                    steps.stage(name, choice.rows))
                plan.accepted = {}
        return SheetOutcome(name, kind, choice.header_row + 1, counts, plan)

    def _built_after(self, model: Any, adding: int) -> None:
        """The table's plain indexes built when the import ends, if it adds more rows than
        the table holds (filing visits changes every customer: its indexes wait as well)."""
        self.built_after.enter_context(
            indexes_built_after(self.session.connection(), model.__table__, adding))


def _expect_new_customers(links: CustomerLinks, plan: ImportPlan) -> None:
    """In a dry run, let history rows link to the customers the same file would create."""
    for planned in plan.to_create:
        stand_in = new_id().hex
        if planned.number:
            links.by_number.setdefault(planned.number.upper(), stand_in)
        key = company_key(str(planned.values.get("name") or ""))
        links.by_name[key] = None if key in links.by_name else stand_in
