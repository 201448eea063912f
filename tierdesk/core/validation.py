"""Rules for the values people type: phone numbers, dates, names.

Each ``check_*`` function returns the cleaned value or raises :class:`ValidationError` naming
the field. They accept what people really type (spaces, dashes, +86, full-width digits).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from tierdesk.core.errors import Problem, ValidationError
from tierdesk.core.i18n import QT_TRANSLATE_NOOP, Message
from tierdesk.core.text_limits import EMAIL, TYPED_PHONE, check_length

CTX = "Validation"

_MOBILE_RE = re.compile(r"^1[3-9]\d{9}$")
# Area codes: 010, 02x (3 digits) or 0 followed by 3 digits; local numbers 7 or 8 digits;
# an optional extension after "-" or "转".
_LANDLINE_RE = re.compile(r"^(0(?:10|2\d|[3-9]\d{2}))(\d{7,8})(?:(?:-|转|ext)(\d{1,6}))?$")


def to_halfwidth(text: str) -> str:
    """Full-width letters, digits, punctuation and spaces to their ASCII forms (NFKC): for
    values that are parsed (dates, phone numbers, amounts) and for search keys."""
    return unicodedata.normalize("NFKC", text)


_FOLD = {cp: cp - 0xFEE0 for rng in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A))
         for cp in range(rng[0], rng[1] + 1)} | {0x3000: 0x20}


def fold_width(text: str) -> str:
    """Full-width letters and digits and the ideographic space to ASCII; Chinese
    punctuation (，：（）) stays as written."""
    return text.translate(_FOLD)


# Control characters (a terminal's escape sequences among them) never enter the archive:
# white space becomes a space (a line break stays in a block of text), the rest goes.
_CONTROL = {code: None for code in (*range(0x00, 0x20), *range(0x7F, 0xA0))
            if chr(code) not in "\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85"}


# Asked first, as almost no text holds one: translating every text would cost an import of a
# million rows seconds.
_HAS_CONTROL = re.compile("[" + "".join(re.escape(chr(code)) for code in _CONTROL) + "]")


def _without_control(text: str) -> str:
    return text.translate(_CONTROL) if _HAS_CONTROL.search(text) else text


def clean_text(text: str | None) -> str:
    """Trimmed text, full-width letters and digits folded, runs of white space made one,
    control characters taken out."""
    if text is None:
        return ""
    return " ".join(_without_control(fold_width(str(text))).split())


def clean_block(text: str | None) -> str:
    """Text of several lines (what was discussed): its lines kept, trimmed, control
    characters taken out."""
    if text is None:
        return ""
    lines = _without_control(str(text)).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in lines.split("\n")).strip()


def fail(field: str, text: str, **params: object) -> ValidationError:
    return ValidationError([Problem(field, Message(CTX, text, params))])


def check_required(field: str, value: str | None) -> str:
    cleaned = clean_text(value)
    if not cleaned:
        raise fail(field, QT_TRANSLATE_NOOP("Validation", "This field is required."))
    return cleaned


def check_mobile(field: str, value: str | None) -> str:
    """A mainland mobile number: 11 digits starting with 1 (``+86``, spaces, dashes removed)."""
    raw = clean_text(to_halfwidth(value or ""))
    if not raw:
        return ""
    check_length(field, raw, TYPED_PHONE)
    digits = re.sub(r"[\s\-()]", "", raw)
    if digits.startswith("+86"):
        digits = digits[3:]
    elif digits.startswith("0086"):
        digits = digits[4:]
    elif digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    if not digits.isdigit():
        raise fail(field, QT_TRANSLATE_NOOP("Validation",
                                            "A mobile number has only digits: \"{value}\"."),
                   value=raw)
    if not _MOBILE_RE.match(digits):
        raise fail(field, QT_TRANSLATE_NOOP(
            "Validation", "A mobile number has 11 digits starting with 1: \"{value}\"."),
            value=raw)
    return digits


def check_landline(field: str, value: str | None) -> str:
    """A landline with its area code, normalised to ``0571-87654321`` (``-123`` extension)."""
    raw = clean_text(to_halfwidth(value or ""))
    if not raw:
        return ""
    check_length(field, raw, TYPED_PHONE)
    compact = re.sub(r"[\s()（）]", "", raw)
    if compact.startswith("+86"):
        compact = "0" + compact[3:].lstrip("-")
    head, sep, ext = compact.partition("转")
    if not sep:
        ext_match = re.match(r"^(.*?)(?:ext\.?|x)(\d{1,6})$", head, re.IGNORECASE)
        if ext_match:
            head, ext = ext_match.group(1), ext_match.group(2)
    parts = [p for p in head.split("-") if p]
    if len(parts) == 3 and not ext:
        ext = parts.pop()
    digits = "".join(parts)
    match = _LANDLINE_RE.match(digits + (("-" + ext) if ext else ""))
    if not match:
        raise fail(field, QT_TRANSLATE_NOOP(
            "Validation",
            "A landline needs its area code, e.g. 0571-87654321: \"{value}\"."), value=raw)
    area, local, extension = match.groups()
    return f"{area}-{local}" + (f"-{extension}" if extension else "")


_DATE_PATTERNS = (
    re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)


def parse_date(field: str, value: object) -> dt.date | None:
    """A date from a date object or from text typed as 2024-03-05, 2024/3/5, 2024年3月5日 ..."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    raw = clean_text(to_halfwidth(str(value)))
    if not raw:
        return None
    for pattern in _DATE_PATTERNS:
        match = pattern.match(raw)
        if match:
            year, month, day = (int(g) for g in match.groups())
            try:
                return dt.date(year, month, day)
            except ValueError:
                raise fail(field, QT_TRANSLATE_NOOP(
                    "Validation", "There is no such date: \"{value}\"."), value=raw) from None
    raise fail(field, QT_TRANSLATE_NOOP(
        "Validation", "Not a date: \"{value}\" (write it as 2024-03-05)."), value=raw)


def check_date_range(field: str, value: dt.date | None, *, not_after: dt.date | None = None,
                     not_before: dt.date | None = None) -> dt.date | None:
    if value is None:
        return None
    if value.year < 1900:
        raise fail(field, QT_TRANSLATE_NOOP("Validation", "The date {value} is too early."),
                   value=value.isoformat())
    if not_after is not None and value > not_after:
        raise fail(field, QT_TRANSLATE_NOOP("Validation", "The date {value} is after {limit}."),
                   value=value.isoformat(), limit=not_after.isoformat())
    if not_before is not None and value < not_before:
        raise fail(field, QT_TRANSLATE_NOOP("Validation", "The date {value} is before {limit}."),
                   value=value.isoformat(), limit=not_before.isoformat())
    return value


def check_email(field: str, value: str | None) -> str:
    raw = clean_text(to_halfwidth(value or ""))
    if not raw:
        return ""
    check_length(field, raw, EMAIL)
    if not re.match(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", raw):
        raise fail(field, QT_TRANSLATE_NOOP("Validation", "Not an e-mail address: \"{value}\"."),
                   value=raw)
    return raw


def check_int_range(field: str, value: object, low: int, high: int) -> int:
    try:
        number = int(to_halfwidth(str(value)).strip())
    except ValueError:
        raise fail(field, QT_TRANSLATE_NOOP("Validation", "Enter a whole number: \"{value}\"."),
                   value=value) from None
    if not low <= number <= high:
        raise fail(field, QT_TRANSLATE_NOOP("Validation",
                                            "Enter a number from {low} to {high}."),
                   low=low, high=high)
    return number


class Checker:
    """Runs several checks and reports all problems at once instead of the first only."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def run(self, func, *args, **kwargs):  # type: ignore[no-untyped-def]
        try:
            return func(*args, **kwargs)
        except ValidationError as exc:
            self.problems.extend(exc.problems)
            return None

    def add(self, field: str, text: str, **params: object) -> None:
        self.problems.append(Problem(field, Message(CTX, text, params)))

    def raise_if_any(self) -> None:
        if self.problems:
            raise ValidationError(self.problems)


def required_date(checker: Checker, field: str, value: object, *,
                  not_after: dt.date | None = None) -> dt.date | None:
    """A date that must be given, checked into ``checker`` (None when it has a problem)."""
    when = checker.run(parse_date, field, value)
    if when is None and not any(p.field == field for p in checker.problems):
        checker.add(field, QT_TRANSLATE_NOOP("Validation", "This field is required."))
    return checker.run(check_date_range, field, when, not_after=not_after)  # type: ignore[no-any-return]
