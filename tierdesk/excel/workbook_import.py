"""Importing a whole workbook: its customer sheets first, then the visits, orders and
payments that refer to them, in one transaction (a dry run writes nothing)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from tierdesk.core.db import Database
from tierdesk.excel.importer import (
    ImportPlan,
    RowProblem,
    apply_plan,
    company_key,
    plan_customers,
)
from tierdesk.excel.reader import Workbook, WorkbookRefused
from tierdesk.excel.records import (
    CustomerLinks,
    RecordPlan,
    apply_records,
    plan_records,
    sheet_kind,
)

ORDER = {"customers": 0, "visits": 1, "orders": 2, "payments": 3}


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


def import_workbook(db: Database, book: Workbook, *, sheet: str | None = None,
                    dry_run: bool = False, strict: bool = False, duplicates: str = "update",
                    progress: Callable[[int, int, str], bool] | None = None) -> WorkbookImport:
    outcome = WorkbookImport()
    chosen = []
    for name in [sheet] if sheet else book.sheet_names:
        try:
            data = book.sheet(name)
        except WorkbookRefused as exc:
            if sheet:
                raise
            outcome.skipped_sheets[name] = str(exc)
            continue
        if not any(any(v not in (None, "") for v in row) for row in data.rows):
            outcome.skipped_sheets[name] = "empty"
            continue
        kind, header_row = sheet_kind(data)
        chosen.append((ORDER[kind], name, data, kind, header_row))
    chosen.sort(key=lambda item: item[0])
    with (db.read() if dry_run else db.write()) as session:
        written = {"customers_created": 0, "customers_updated": 0, "customers_skipped": 0,
                   "visits": 0, "orders": 0, "payments": 0}
        links: CustomerLinks | None = None
        for step, (_order, name, data, kind, header_row) in enumerate(chosen):
            if progress is not None and progress(step, len(chosen), name) is False:
                raise InterruptedError("import cancelled")
            if kind == "customers":
                plan: ImportPlan | RecordPlan = plan_customers(session, data,
                                                               header_row=header_row)
                assert isinstance(plan, ImportPlan)
                if not dry_run:
                    result = apply_plan(session, plan, duplicates=duplicates)
                    written["customers_created"] += result.created
                    written["customers_updated"] += result.updated
                    written["customers_skipped"] += result.skipped
                else:
                    links = links or CustomerLinks(session)
                    _expect_new_customers(links, plan)
                counts = plan.counts()
            else:
                if not dry_run or links is None:
                    links = CustomerLinks(session)  # sees the customers just written
                plan = plan_records(session, data, kind, header_row=header_row, links=links)
                assert isinstance(plan, RecordPlan)
                if not dry_run:
                    written[kind] += apply_records(session, plan)
                counts = plan.counts()
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
        stand_in = uuid.uuid4()
        if planned.number:
            links.by_number.setdefault(planned.number.upper(), stand_in)
        key = company_key(str(planned.values.get("name") or ""))
        links.by_name[key] = None if key in links.by_name else stand_in
