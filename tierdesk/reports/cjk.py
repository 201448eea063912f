"""Font families that show Simplified Chinese, in the order TierDesk prefers them.

Noto Sans CJK and Source Han Sans draw their glyphs as CFF outlines, and Qt's PDF writer
(6.11) leaves the text of such a font unreadable in the PDF (it prints right, but cannot be
searched or copied): a TrueType family goes before them where the machine has one."""

PREFERRED = ("Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei",
             "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "SimHei",
             "SimSun", "AR PL UMing CN", "Droid Sans Fallback")
