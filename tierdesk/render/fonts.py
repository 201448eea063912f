"""Finding a font that shows Chinese text in the window, the charts and the PDFs."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase

from tierdesk.reports.cjk import PREFERRED


def cjk_font_family() -> str | None:
    """A font family on this machine that has Simplified Chinese, or None."""
    families = QFontDatabase.families()
    available = set(families)
    for name in PREFERRED:
        if name in available:
            return name
    for family in families:
        if QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(family):
            return family
    return None
