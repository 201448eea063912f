"""Make the Chinese font TierDesk carries: resources/fonts/TierDeskSansSC-Regular.otf.

The source is Noto Sans CJK SC Regular (SIL Open Font License 1.1), taken from Debian's
``fonts-noto-cjk`` package (``apt install fonts-noto-cjk``). Its Simplified Chinese face is cut
down to what an office writes: the 6,763 characters and the symbols of GB 2312, Latin, the
punctuation of both scripts, and every character that TierDesk's own sources and translations
use. Of its layout features only kerning stays (see ``main``). The cut font is a Modified
Version under the licence, so it takes a family name of its own ("TierDesk Sans SC") and keeps
the copyright and licence text in its name table.

The result is kept in the repository; run this again only to change what it holds:

    .venv/bin/python packaging/make_font.py [--source PATH]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
TARGET = ROOT / "resources" / "fonts" / "TierDeskSansSC-Regular.otf"
FAMILY = "TierDesk Sans SC"
FACE = "Noto Sans CJK SC"

RANGES = (
    (0x0020, 0x007E),   # ASCII
    (0x00A0, 0x017F),   # Latin-1 and Latin Extended-A
    (0x2000, 0x206F),   # general punctuation
    (0x2100, 0x21FF),   # letterlike symbols, arrows
    (0x2460, 0x24FF),   # circled numbers
    (0x25A0, 0x25FF),   # geometric shapes
    (0x3000, 0x303F),   # CJK symbols and punctuation
    (0xFF00, 0xFFEF),   # full-width forms
)


def gb2312_characters() -> set[int]:
    """Every character of GB 2312: the symbol rows and both levels of hanzi."""
    found: set[int] = set()
    for first in range(0xA1, 0xF8):
        for second in range(0xA1, 0xFF):
            try:
                text = bytes((first, second)).decode("gb2312")
            except UnicodeDecodeError:
                continue
            found.update(ord(ch) for ch in text)
    return found


def characters_in_sources() -> set[int]:
    """The characters of TierDesk's code (demo names, labels) and its translations."""
    found: set[int] = set()
    files = [*(ROOT / "tierdesk").rglob("*.py"), *(ROOT / "resources").rglob("*.ts")]
    for path in files:
        found.update(ord(ch) for ch in path.read_text(encoding="utf-8") if ord(ch) > 0x7F)
    return found


def wanted() -> set[int]:
    chosen = gb2312_characters() | characters_in_sources()
    for low, high in RANGES:
        chosen.update(range(low, high + 1))
    return chosen


def rename(font: object) -> None:
    """Give the cut font its own family name; keep copyright, licence and its source."""
    names = font["name"]  # type: ignore[index]
    full = f"{FAMILY} Regular"
    postscript = FAMILY.replace(" ", "") + "-Regular"
    for record in list(names.names):
        if record.nameID in (1, 16):
            names.setName(FAMILY, record.nameID, record.platformID, record.platEncID,
                          record.langID)
        elif record.nameID == 4:
            names.setName(full, 4, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 6:
            names.setName(postscript, 6, record.platformID, record.platEncID, record.langID)
        elif record.nameID == 3:
            names.setName(f"{postscript};subset of {FACE}", 3, record.platformID,
                          record.platEncID, record.langID)
    cff = font["CFF "].cff  # type: ignore[index]
    top = cff.topDictIndex[0]
    cff.fontNames = [postscript]
    top.FullName = full
    top.FamilyName = FAMILY
    if hasattr(top, "CIDFontName"):
        top.CIDFontName = postscript


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--source", type=Path, default=SOURCE)
    args = parser.parse_args()
    from fontTools import subset
    from fontTools.ttLib import TTCollection

    if not args.source.exists():
        raise SystemExit(f"{args.source} is absent: apt install fonts-noto-cjk")
    faces = [f for f in TTCollection(str(args.source)).fonts
             if f["name"].getDebugName(1) == FACE]
    if not faces:
        raise SystemExit(f"{args.source} holds no {FACE}")
    font = faces[0]
    options = subset.Options()
    # Kerning alone: a glyph put in by a substitution feature has no character behind it in
    # the font's map, so a PDF reader could not give back the text it draws (the digits of a
    # customer number came back as control characters with Noto's own features kept).
    options.layout_features = ["kern"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = False
    options.desubroutinize = False
    cutter = subset.Subsetter(options)
    cutter.populate(unicodes=sorted(wanted()))
    cutter.subset(font)
    rename(font)
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    font.save(str(TARGET))
    print(f"{TARGET.relative_to(ROOT)}: {TARGET.stat().st_size / 1e6:.1f} MB, "
          f"{len(font.getBestCmap())} characters")
    return 0


if __name__ == "__main__":
    sys.exit(main())
