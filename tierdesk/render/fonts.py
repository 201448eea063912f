"""Finding a font that shows Chinese text in the window, the charts and the PDFs."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase

from tierdesk.reports.cjk import PREFERRED, UNREADABLE_IN_PDF, bundled_font

_carried: list[str] = []      # the family of the font TierDesk carries, once loaded


def system_cjk_family() -> str | None:
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


def cjk_font_family() -> str | None:
    """A font family that has Simplified Chinese: the system's, else (or where the system's
    prints unreadable PDFs) the one TierDesk carries, loaded into the application so that
    the window and the PDFs use it; None where there is neither."""
    found = system_cjk_family()
    if found is not None and found not in UNREADABLE_IN_PDF:
        return found
    return _carried_family() or found


def _carried_family() -> str | None:
    if _carried:
        return _carried[0]
    path = bundled_font()
    if path is None:
        return None
    loaded = QFontDatabase.applicationFontFamilies(QFontDatabase.addApplicationFont(str(path)))
    if not loaded:
        return None
    _carried.append(loaded[0])
    return loaded[0]
