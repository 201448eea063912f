"""``tierdesk --self-test``: proves on this machine that the program works end to end.

It goes through the same front door, printing, charts and workbooks as the window: a
temporary archive is opened (its migrations run), a small demo office is built, a visit is
written on a card, the card is printed to PDF and a tier chart drawn, both with Chinese text
read back from the file, and a workbook is written and read again. Each check prints a line;
the first that fails stops the test with one line naming it, and a non-zero exit code.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tierdesk.core.archive import Archive

EXIT_FAILED = 1
CUSTOMERS = 24
SALESPEOPLE = 3
VISIT_NOTE = "自检：回访客户，确认下月订货"


class CheckFailed(Exception):
    """A check found the program's work wrong (not a fault that raised on its own)."""


@dataclass
class Run:
    """What the checks share: the temporary folder, the archive and what was made in it."""

    folder: Path
    archive: Archive | None = None
    facts: Any = None
    card: Any = None
    made: dict[str, Path] = field(default_factory=dict)

    @property
    def opened(self) -> Archive:
        if self.archive is None:
            raise CheckFailed("no archive is open")
        return self.archive


def pdf_text(path: Path) -> str:
    """The text a PDF reader finds in the file: what a person could copy out of it."""
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def holds_text(text: str, wanted: str) -> bool:
    """Whether a PDF's text holds ``wanted``. A font may draw an ideograph and its radical
    (长 and ⻓) with one glyph, and a reader then gives back either: both count."""
    either = "".join(f"(?:{re.escape(ch)}|[\u2e80-\u2fdf])" if ord(ch) >= 0x2E80
                     else re.escape(ch) for ch in wanted)
    return re.search(either, text) is not None


def expect(condition: bool, problem: str) -> None:
    if not condition:
        raise CheckFailed(problem)


def check_fonts(run: Run) -> str:
    from tierdesk.render.fonts import cjk_font_family
    from tierdesk.render.pdf import ensure_gui_application
    from tierdesk.reports.charts import cjk_font_name

    ensure_gui_application()
    family = cjk_font_family()
    expect(family is not None, "no font with Chinese characters for the window and PDFs")
    chart_font = cjk_font_name()
    expect(chart_font is not None, "no font with Chinese characters for the charts")
    return f"window and PDFs: {family}; charts: {chart_font}"


def check_migrations(run: Run) -> str:
    from tierdesk.core.archive import Archive
    from tierdesk.core.store.db import open_database, sqlite_file_revision
    from tierdesk.core.store.migrate import script_head

    path = run.folder / "self-test.sqlite"
    db = open_database(path, backup_dir=run.folder / "backups")
    db.source = "self-test"
    run.archive = Archive(db)
    head = script_head()
    reached = sqlite_file_revision(path)
    expect(reached == head, f"the archive is at revision {reached}, the program at {head}")
    return f"{path.name} at revision {head}"


def check_demo(run: Run) -> str:
    from tierdesk.core.demo import build_demo

    archive = run.opened
    summary = build_demo(archive.database, customers=CUSTOMERS, salespeople=SALESPEOPLE)
    people = archive.office.salespeople(with_counts=False)
    listed = archive.customers.customer_list()
    expect(len(people) == SALESPEOPLE, f"{len(people)} salespeople, not {SALESPEOPLE}")
    expect(len(listed) == CUSTOMERS, f"{len(listed)} customers listed, not {CUSTOMERS}")
    return (f"{summary.customers} customers, {summary.salespeople} salespeople, "
            f"{summary.visits} visits")


def check_visit(run: Run) -> str:
    from tierdesk.core.customers.cards import VisitInput

    customers = run.opened.customers
    cid = customers.customer_list().customer_id(0)
    result = customers.add_visit(cid, VisitInput(visit_date=dt.date.today(), channel="visit",
                                                 summary=VISIT_NOTE))
    opened = customers.open_customer(cid)
    run.facts = opened.facts
    run.card = next((c for c in opened.cards if c.seq == result.card_seq), None)
    expect(run.card is not None, f"card {result.card_seq} cannot be read back")
    expect(any(e.summary == VISIT_NOTE for e in run.card.entries),
           "the visit written is not on the card")
    return f"entry {result.visit.slot} on card {result.card_seq} of {opened.facts.number}"


def check_card_pdf(run: Run) -> str:
    from tierdesk.render.pdf import print_cards_to_pdf

    expect(run.card is not None, "no card to print")
    path = run.made["card"] = run.folder / "card.pdf"
    print_cards_to_pdf(run.facts, [run.card], path)
    expect(path.exists() and path.stat().st_size > 0, "the card's PDF was not written")
    text = pdf_text(path)
    for wanted in (run.facts.name, VISIT_NOTE):
        expect(holds_text(text, wanted), f"the card's PDF lacks the Chinese text {wanted!r}")
    return f"{path.stat().st_size // 1024} KB, holds {run.facts.name!r}"


def check_tier_chart(run: Run) -> str:
    from tierdesk.reports import charts

    archive = run.opened
    picture = archive.tiers.picture(dt.date.today())
    regions = [r.name for r in archive.office.regions()]
    people = {p.id.hex: p.name for p in archive.office.salespeople(with_counts=False)}
    figure = charts.new_figure("regions")
    charts.draw(figure, "regions", picture, people)
    path = run.made["chart"] = charts.save_chart(figure, run.folder / "tiers.pdf")
    text = pdf_text(path)
    shown = [name for name in regions if holds_text(text, name)]
    expect(bool(shown), f"the tier chart's PDF holds no region name ({', '.join(regions)})")
    return f"regions chart, holds {', '.join(shown)}"


def check_workbook(run: Run) -> str:
    from tierdesk.excel.export import export_workbook
    from tierdesk.excel.reader import open_workbook

    archive = run.opened
    path = run.made["workbook"] = run.folder / "customers.xlsx"
    sheets = export_workbook(archive.database, path, ("customers",))
    book = open_workbook(path)
    rows = book.sheet(sheets[0]).rows
    names = {str(cell) for row in rows for cell in row}
    expect(len(rows) == CUSTOMERS + 1, f"the workbook read back has {len(rows) - 1} customers")
    expect(run.facts is not None and run.facts.name in names,
           "the workbook read back lacks the customer's Chinese name")
    return f"{path.name}: {len(rows) - 1} customers written and read back"


CHECKS: tuple[tuple[str, Callable[[Run], str]], ...] = (
    ("Chinese font", check_fonts),
    ("archive and migrations", check_migrations),
    ("demo office", check_demo),
    ("visit on a card", check_visit),
    ("card PDF", check_card_pdf),
    ("tier chart", check_tier_chart),
    ("Excel workbook", check_workbook),
)


def _one_line(exc: BaseException) -> str:
    """The failure in one line: a check's own finding as it is; a fault with its kind, and
    the line of its message that says most (an import failure says it last)."""
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    if isinstance(exc, CheckFailed):
        return lines[0] if lines else "failed"
    said = (lines[-1] if isinstance(exc, ImportError) else lines[0]) if lines else ""
    return f"{type(exc).__name__}: {said}" if said else type(exc).__name__


def run_self_test(out: Any = None, err: Any = None) -> int:
    """Run every check in a temporary folder; 0 when all pass, else one line on ``err``."""
    from tierdesk import __version__

    out = out or sys.stdout
    err = err or sys.stderr
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="tierdesk-self-test-") as folder:
        run = Run(Path(folder))
        try:
            for name, check in CHECKS:
                try:
                    said = check(run)
                except Exception as exc:  # every failure, expected or not, names its check
                    print(f"tierdesk self-test failed: {name}: {_one_line(exc)}", file=err)
                    return EXIT_FAILED
                print(f"ok  {name}: {said}", file=out)
        finally:
            if run.archive is not None:
                run.archive.database.close()
    print(f"TierDesk {__version__} self-test passed: {len(CHECKS)} checks in "
          f"{time.perf_counter() - started:.1f} s", file=out)
    return 0
