"""Printing reports to PDF (and printers) through Qt's text layout, with a CJK font embedded."""

from __future__ import annotations

import os
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QMarginsF
from PySide6.QtGui import QFont, QGuiApplication, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from tierdesk.core.customers.cards import CardView
from tierdesk.core.customers.master_file import CustomerFacts
from tierdesk.core.whole_file import whole_file
from tierdesk.render.fonts import cjk_font_family
from tierdesk.reports.card_report import cards_html


def ensure_gui_application() -> QGuiApplication:
    """A Qt application for headless printing (the command line has none of its own). A
    QApplication, so that windows can still be made in the same process afterwards."""
    app = QGuiApplication.instance()
    if app is None:
        from PySide6.QtWidgets import QApplication

        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication([])
    return app  # type: ignore[return-value]


def html_to_pdf(html: str, path: str | os.PathLike[str], *, landscape: bool = False) -> None:
    """Paint ``html`` into a PDF at ``path``, written whole or not at all. A place that cannot
    be written (no such folder, a folder of that name, no permission) raises OSError:
    QPdfWriter alone would write nothing and say nothing."""
    ensure_gui_application()
    document = QTextDocument()
    family = cjk_font_family()
    font = QFont(family) if family else QFont()
    font.setPointSizeF(9)
    document.setDefaultFont(font)
    document.setHtml(html)
    with whole_file(path) as partial:
        writer = QPdfWriter(os.fspath(partial))
        writer.setResolution(300)
        writer.setPageLayout(QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait,
            QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter))
        document.print_(writer)
        del writer              # its file closed before it is renamed into place


def print_cards_to_pdf(facts: CustomerFacts, cards: Sequence[CardView],
                       path: str | os.PathLike[str], *, office_name: str = "") -> None:
    html = cards_html(facts, cards, office_name=office_name,
                      tr=QCoreApplication.translate)
    html_to_pdf(html, path, landscape=True)
