"""Finding a font that shows Chinese text in the window, the charts and the PDFs."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase

PREFERRED = ("Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Noto Sans SC",
             "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "SimHei",
             "SimSun", "AR PL UMing CN", "Droid Sans Fallback")


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
