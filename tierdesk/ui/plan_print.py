"""Printing month plans: one A4 sheet per salesperson (continued on further pages when the
task list is long), every salesperson starting on a new page, with a CJK font embedded.

The sheets are drawn with QPainter, so the same drawing goes to a PDF file, to a printer and
to the print preview. A salesperson's printed task list stops after PRINT_MOST lines and says
how many more there are; the workbook export has them all."""

from __future__ import annotations

import os
from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from tierdesk.core.i18n import QT_TRANSLATE_NOOP
from tierdesk.core.plans import Plan, Quota
from tierdesk.reports.labels import Translate
from tierdesk.reports.plan_report import CTX, Sheet, sheet
from tierdesk.ui.fonts import cjk_font_family
from tierdesk.ui.printing import ensure_gui_application

PRINT_MOST = 300
LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
BLACK = QColor("#000000")
# Shares of the page width: number, customer, tier, what, why, last contact.
COLUMNS = (0.12, 0.22, 0.04, 0.19, 0.32, 0.11)
ELIDED = (1, 3, 4)     # the customer, what and why: long texts are cut short with "…"
CONTINUED = QT_TRANSLATE_NOOP("Plan", "{title} · {who} · continued")
PAGE = QT_TRANSLATE_NOOP("Plan", "{code} · page {page} of {pages}")
MORE = QT_TRANSLATE_NOOP("Plan", "… and {count} more task lines: see the workbook export of "
                                 "this plan.")
SIGN = (QT_TRANSLATE_NOOP("Plan", "Salesperson's signature"),
        QT_TRANSLATE_NOOP("Plan", "Manager's signature"),
        QT_TRANSLATE_NOOP("Plan", "Date"))


def a4(device: QPagedPaintDevice) -> None:
    device.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait,
                                     QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter))


class _Painter:
    """Draws sheets on a paged device, keeping track of the pen's height on the page."""

    def __init__(self, device: QPagedPaintDevice, tr: Translate) -> None:
        self.device, self.tr = device, tr
        self.painter = QPainter(device)
        family = cjk_font_family()
        dpi = device.logicalDpiY()
        self.fonts = {}
        for name, size, bold in (("title", 15, True), ("body", 9, False), ("bold", 9, True),
                                 ("big", 12, True), ("small", 7.5, False),
                                 ("row", 8, False)):
            font = QFont(family) if family else QFont()
            font.setPointSizeF(size)
            font.setBold(bold)
            self.fonts[name] = font
        self.metrics = {name: QFontMetricsF(font, device) for name, font in self.fonts.items()}
        # Upper bounds of each character's width, to tell without measuring that a text fits
        # (measuring costs as much as drawing): ASCII by its own advance, anything else a
        # whole em, the width of a Chinese character, which no other character exceeds.
        self.em = {name: metrics.horizontalAdvance("国") * 1.02 for name, metrics in
                   self.metrics.items()}
        self.advances = {name: {chr(c): metrics.horizontalAdvance(chr(c)) * 1.02
                                for c in range(32, 127)}
                         for name, metrics in self.metrics.items()}
        self.ascii_table = {name: [widths.get(chr(c), self.em[name]) for c in range(128)]
                            for name, widths in self.advances.items()}
        self.narrowest = {name: min(widths.values()) for name, widths in self.advances.items()}
        self.ellipsis = {name: metrics.horizontalAdvance("…") * 1.02 for name, metrics in
                         self.metrics.items()}
        self.width = float(device.width())
        self.height = float(device.height())
        self.line = self.metrics["body"].height() * 1.35
        self.pad = dpi * 0.03
        self.first_page = True

    def text(self, font: str, x: float, y: float, w: float, h: float, text: str,
             align: int = LEFT, *, elide: bool = True) -> None:
        """Text in a cell, cut short with "…" when it does not fit (or, with ``elide``
        False, clipped at the cell's edge)."""
        painter, metrics = self.painter, self.metrics[font]
        painter.setFont(self.fonts[font])
        painter.setPen(BLACK)
        room = w - 2 * self.pad
        if align == LEFT:
            if len(text) * self.em[font] > room:     # it may not fit: measure, in bounds
                widths = self._widths(font, text, room)
                if widths[-1] > room and elide:
                    text = text[:bisect_right(widths, room - self.ellipsis[font])] + "\u2026"
                elif widths[-1] > room:
                    painter.drawText(QRectF(x + self.pad, y, room, h), align, text)
                    return
            # Fits: drawn on its baseline, centred in the cell's height.
            painter.drawText(QPointF(x + self.pad, y + (h - metrics.height()) / 2
                                     + metrics.ascent()), text)
            return
        painter.drawText(QRectF(x + self.pad, y, room, h), align, text)

    def _widths(self, font: str, text: str, room: float) -> list[float]:
        """Upper bounds of the widths of the text's beginnings, up to the first past
        ``room``."""
        if text.isascii():
            table = self.ascii_table[font]
            return list(accumulate(map(table.__getitem__, text.encode("ascii"))))
        # No character is narrower than the narrowest ASCII one: the rest cannot matter.
        part = text[:int(room / self.narrowest[font]) + 2]
        advances, em = self.advances[font], self.em[font]
        return list(accumulate(advances.get(ch, em) for ch in part))

    def new_page(self) -> None:
        if not self.first_page:
            self.device.newPage()
        self.first_page = False

    def end(self) -> None:
        self.painter.end()

    # -- one salesperson's sheet ---------------------------------------------------------------
    def draw(self, page: Sheet, code: str, who: str) -> None:
        tr = self.tr
        self.new_page()
        y = 0.0
        title_h = self.metrics["title"].height() * 1.5
        self.text("title", 0, y, self.width, title_h, page.title)
        y += title_h
        half = self.width / 2
        for i, (name, value) in enumerate(page.facts):
            x = 0 if i % 2 == 0 else half
            self.text("bold", x, y, half * 0.32, self.line, name)
            self.text("body", x + half * 0.32, y, half * 0.68, self.line, value)
            if i % 2:
                y += self.line
        y += self.line * (0.5 + len(page.facts) % 2)
        box = self.metrics["big"].height() * 1.6
        self.painter.setPen(QPen(QColor("#444444"), self.pad))
        self.painter.drawRect(QRectF(0, y, self.width, box * len(page.quotas)))
        for name, value in page.quotas:
            self.text("bold", 0, y, self.width * 0.35, box, name)
            self.text("big", self.width * 0.35, y, self.width * 0.65, box, value)
            y += box
        y += self.line * 0.8
        x_cols = [0.0]
        for share in COLUMNS:
            x_cols.append(x_cols[-1] + share * self.width)
        pages = self._pages(y, page)
        number = 1
        y = self._table_head(page, x_cols, y)
        for row in page.rows:
            if self._full(y):
                self._footer(code, number, pages)
                number += 1
                self.new_page()
                self.text("small", 0, 0, self.width, self.line, tr(CTX, CONTINUED).format(
                    title=page.title, who=who))
                y = self._table_head(page, x_cols, self.line * 1.2)
            for i, value in enumerate(row):
                self.text("row", x_cols[i], y, x_cols[i + 1] - x_cols[i], self.line, value,
                          elide=i in ELIDED)
            self.painter.setPen(QPen(QColor("#bbbbbb"), self.pad / 2))
            self.painter.drawLine(QRectF(0, y, self.width, self.line).bottomLeft(),
                                  QRectF(0, y, self.width, self.line).bottomRight())
            y += self.line
        if page.left_out:
            self.text("small", 0, y, self.width, self.line,
                      tr(CTX, MORE).format(count=page.left_out))
            y += self.line
        if self._full(y + self.signatures_height):
            self._footer(code, number, pages)
            number += 1
            self.new_page()
            y = 0.0
        self._signatures(y + self.line)
        self._footer(code, number, pages)

    @property
    def signatures_height(self) -> float:
        return self.line * 4

    def _full(self, y: float) -> bool:
        """Whether a line starting at ``y`` would run into the footer."""
        return y + self.line > self.height - 1.5 * self.line

    def _pages(self, y: float, page: Sheet) -> int:
        """The pages a sheet takes, by the same breaks draw() makes."""
        pages = 1
        y += self.line
        for _row in page.rows:
            if self._full(y):
                pages += 1
                y = self.line * 2.2
            y += self.line
        y += self.line if page.left_out else 0
        return pages + self._full(y + self.signatures_height)

    def _table_head(self, page: Sheet, x_cols: list[float], y: float) -> float:
        self.painter.fillRect(QRectF(0, y, self.width, self.line), QColor("#e6e6e6"))
        for i, name in enumerate(page.headers):
            self.text("bold", x_cols[i], y, x_cols[i + 1] - x_cols[i], self.line, name)
        return y + self.line

    def _signatures(self, y: float) -> None:
        tr = self.tr
        third = self.width / 3
        self.painter.setPen(QPen(QColor("#000000"), self.pad))
        for i, name in enumerate((SIGN[0], SIGN[1])):
            x = i * self.width / 2
            self.text("body", x, y, third, self.line, tr(CTX, name))
            self.painter.drawLine(QRectF(x, y + self.line * 2, third * 1.2, 0).topLeft(),
                                  QRectF(x, y + self.line * 2, third * 1.2, 0).topRight())
            self.text("small", x, y + self.line * 2.1, third, self.line, tr(CTX, SIGN[2]))

    def _footer(self, code: str, page: int, pages: int) -> None:
        self.text("small", 0, self.height - self.line, self.width, self.line,
                  self.tr(CTX, PAGE).format(code=code, page=page, pages=pages), RIGHT)


def paint_plan(device: QPagedPaintDevice, plan: Plan, quotas: Sequence[Quota] | None = None,
               tr: Translate = QCoreApplication.translate, *, most: int = PRINT_MOST) -> None:
    """Every salesperson's sheet (or those of ``quotas``), each starting on a new page."""
    drawer = _Painter(device, tr)
    try:
        for quota in plan.quotas if quotas is None else quotas:
            drawer.draw(sheet(plan, quota, tr, most=most), quota.code,
                        f"{quota.name} ({quota.code})")
    finally:
        drawer.end()


def plan_to_pdf(plan: Plan, path: str | os.PathLike[str], quotas: Sequence[Quota] | None = None,
                tr: Translate | None = None) -> None:
    ensure_gui_application()
    writer = QPdfWriter(os.fspath(path))
    writer.setResolution(300)
    writer.setTitle(plan.month.strftime("%Y-%m"))
    a4(writer)
    paint_plan(writer, plan, quotas, tr or QCoreApplication.translate)
