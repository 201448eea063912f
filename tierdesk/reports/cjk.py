"""Font families that show Simplified Chinese, in the order TierDesk prefers them, and the
font TierDesk carries for a machine that has none."""

from __future__ import annotations

from pathlib import Path

from tierdesk.core.assets import resource

# The font in resources/fonts (a cut of Noto Sans CJK SC, SIL Open Font License 1.1; made by
# packaging/make_font.py): the last choice, used only where the system has no Chinese font.
BUNDLED_FAMILY = "TierDesk Sans SC"
BUNDLED_FILE = "TierDeskSansSC-Regular.otf"

PREFERRED = ("Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Noto Sans SC",
             "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "SimHei",
             "SimSun", "AR PL UMing CN", "Droid Sans Fallback", BUNDLED_FAMILY)


def bundled_font() -> Path | None:
    """The font file TierDesk carries, where this installation has it."""
    return resource("fonts", BUNDLED_FILE)
