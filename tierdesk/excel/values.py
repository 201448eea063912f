"""Cell values the way people type them: dates, phone numbers, amounts, tier letters.

Each function takes the raw cell (text, number, date) and returns the cleaned value, or raises
ValidationError naming the field, the same errors the dialogs show.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from tierdesk.core.errors import ValidationError
from tierdesk.core.i18n import QT_TRANSLATE_NOOP
from tierdesk.core.validation import (
    check_landline,
    check_mobile,
    clean_text,
    fail,
    parse_date,
    to_halfwidth,
)

EXCEL_EPOCH_1900 = dt.date(1899, 12, 30)  # serial 1 = 1900-01-01, past Excel's 1900-02-29
EXCEL_EPOCH_1904 = dt.date(1904, 1, 1)
_SCIENTIFIC = re.compile(r"^\d(?:\.\d+)?[eE]\+?\d+$")


def text_of(value: object) -> str:
    """A cell as text: whole numbers without ".0", dates as ISO."""
    if value.__class__ is str:  # most cells, first
        return value.strip()  # type: ignore[attr-defined,no-any-return]
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()  # as typed: the field's own check folds or parses it


def cell_date(field: str, value: object, *, date1904: bool = False) -> dt.date | None:
    """A date from a date cell, an Excel serial number, or text (2024-03-05, 2024/3/5,
    2024.3.5, 2024年3月5日, 20240305)."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if 19000101 <= value <= 21001231 and float(value).is_integer():
            return parse_date(field, str(int(value)))  # 20240305 typed as a number
        if not 1 <= value < 2958466:
            raise fail(field, QT_TRANSLATE_NOOP("Validation", "Not a date: \"{value}\"."),
                       value=value)
        epoch = EXCEL_EPOCH_1904 if date1904 else EXCEL_EPOCH_1900
        return epoch + dt.timedelta(days=int(value))
    return parse_date(field, value)


def cell_phone_digits(field: str, value: object) -> str:
    """The text of a phone cell; a number Excel showed as 1.38001E+10 has lost digits."""
    if isinstance(value, float) and not value.is_integer():
        raise fail(field, QT_TRANSLATE_NOOP(
            "Validation", "\"{value}\" is not a phone number."), value=value)
    text = text_of(value)
    if _SCIENTIFIC.match(text):
        raise fail(field, QT_TRANSLATE_NOOP(
            "Validation", "\"{value}\": Excel shortened this number and digits were lost; "
            "format the column as text and type it again."), value=text)
    return text


def cell_mobile(field: str, value: object) -> str:
    return check_mobile(field, cell_phone_digits(field, value))


def cell_landline(field: str, value: object) -> str:
    return check_landline(field, cell_phone_digits(field, value))


_MOBILE = re.compile(r"(?:\+?86|0086)?1\d{10}")
_SEVERAL = re.compile(r"\s*[/、,，;；|]\s*")


def cell_any_phone(field: str, value: object) -> tuple[str, str]:
    """(mobile, landline) from a column that may hold either (电话, 联系电话, 联系方式):
    each number goes where it belongs; a cell holding a mobile and a landline
    ("138 0013 8000 / 021-12345678") gives both."""
    text = to_halfwidth(cell_phone_digits(field, value))
    if not text:
        return "", ""
    mobile = landline = ""
    for part in (p for p in _SEVERAL.split(text) if p):
        if _MOBILE.fullmatch(re.sub(r"[\s\-()]", "", part)):
            mobile = mobile or check_mobile(field, part)
        else:
            landline = landline or check_landline(field, part)
    return mobile, landline


# Tiers as offices write them: the letter with 级, 类, 等 or 客户 after it (A级, A类客户,
# A等), and the words for a rank (重点客户, VIP, 一级 ...), each naming the letter of its place.
TIER_SUFFIXES = re.compile(r"(?:级|类|等|档|级别|类别)?(?:客户|户)?$")
TIER_WORDS: dict[str, str] = {
    "vip": "A", "vip客户": "A", "重点客户": "A", "重点": "A", "核心客户": "A", "核心": "A",
    "重要客户": "A", "重要": "A", "大客户": "A", "战略客户": "A", "关键客户": "A",
    "一级": "A", "1级": "A", "一类": "A", "1类": "A", "甲": "A", "甲级": "A", "甲类": "A",
    "二级": "B", "2级": "B", "二类": "B", "2类": "B", "乙": "B", "乙级": "B", "乙类": "B",
    "三级": "C", "3级": "C", "三类": "C", "3类": "C", "丙": "C", "丙级": "C", "丙类": "C",
    "四级": "D", "4级": "D", "四类": "D", "4类": "D", "丁": "D", "丁级": "D", "丁类": "D",
    "★★★★": "A", "★★★": "B", "★★": "C", "★": "D",
}


def cell_tier(value: object) -> str:
    """A tier letter as the office writes it: Ａ, a, A级, A类, A类客户, 重点客户, 一级 ..."""
    text = clean_text(to_halfwidth(text_of(value))).replace(" ", "")
    word = TIER_WORDS.get(text.lower())
    if word is None:
        word = TIER_WORDS.get(TIER_SUFFIXES.sub("", text).lower() + "级") if text[:1] in \
            "一二三四甲乙丙丁1234" else None
    if word is not None:
        return word
    bare = TIER_SUFFIXES.sub("", text)
    return (bare if bare.isascii() and bare.isalpha() else text).upper()


class CellMemo(dict[object, Any]):
    """A cell's value converted once per distinct cell (an archive's columns repeat their
    dates, regions and stock phrases down the sheet); BAD where the conversion fails, for
    the caller to convert that cell again and name the problem."""

    def __init__(self, convert: Callable[[object], Any]) -> None:
        super().__init__()
        self.convert = convert

    def __missing__(self, key: object) -> Any:
        try:
            value = self.convert(key)
        except ValidationError:
            value = BAD
        self[key] = value
        return value


BAD = object()
