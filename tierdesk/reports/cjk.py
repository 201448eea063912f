"""Font families that show Simplified Chinese, in the order TierDesk prefers them."""

PREFERRED = ("Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Noto Sans SC",
             "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "SimHei",
             "SimSun", "AR PL UMing CN", "Droid Sans Fallback")
