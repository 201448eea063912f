"""Font families that show Simplified Chinese, in the order TierDesk prefers them, and the
font TierDesk carries for a machine that has none.

Noto Sans CJK and Source Han Sans, as systems install them, carry glyph substitutions that
Qt's PDF writer (6.11) turns into text no reader can take back out (the PDF prints right,
but its digits and Chinese cannot be searched or copied): a family without them goes first,
and where a machine has only those, the font TierDesk carries (a cut of Noto Sans CJK SC
without the substitutions) stands in for them."""

from __future__ import annotations

from pathlib import Path

from tierdesk.core.assets import resource

# The font in resources/fonts (a cut of Noto Sans CJK SC, SIL Open Font License 1.1; made by
# packaging/make_font.py).
BUNDLED_FAMILY = "TierDesk Sans SC"
BUNDLED_FILE = "TierDeskSansSC-Regular.otf"

PREFERRED = ("Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei",
             "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "SimHei",
             "SimSun", "AR PL UMing CN", "Droid Sans Fallback", BUNDLED_FAMILY)
# Families whose text Qt's PDF writer leaves unreadable (above).
UNREADABLE_IN_PDF = frozenset({"Noto Sans CJK SC", "Source Han Sans SC"})


def bundled_font() -> Path | None:
    """The font file TierDesk carries, where this installation has it."""
    return resource("fonts", BUNDLED_FILE)
