"""Customer numbers: built from the office's rule, unique, assigned once.

A rule is a pattern with fields in braces: ``{region}`` (region code), ``{tier}`` (tier
letter), ``{year}`` (year of creation) and ``{seq}`` or ``{seq:05}`` (the office-wide sequence,
zero-padded). The default ``{region}-{tier}-{seq:05}`` gives ``HD-A-00017``.
"""

from __future__ import annotations

import datetime as dt
import re
import string
from collections.abc import Container, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from tierdesk.core.errors import TierDeskError
from tierdesk.core.i18n import QT_TRANSLATE_NOOP, Message
from tierdesk.core.store.models import Counter, Customer, Setting
from tierdesk.core.validation import clean_text, fail

FIELDS = {"region", "tier", "year", "seq"}
COUNTER = "customer_number"


def check_rule(field: str, rule: object) -> str:
    text = clean_text(str(rule or ""))
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError:
        raise fail(field, QT_TRANSLATE_NOOP(
            "Validation", "The numbering rule has an unmatched brace: \"{value}\"."),
            value=text) from None
    names = [name for _, name, _, _ in parsed if name is not None]
    unknown = [n for n in names if n not in FIELDS]
    if unknown:
        raise fail(field, QT_TRANSLATE_NOOP(
            "Validation",
            "Unknown field {{{name}}} in the numbering rule; use region, tier, year, seq."),
            name=unknown[0])
    if "seq" not in names:
        raise fail(field, QT_TRANSLATE_NOOP(
            "Validation", "The numbering rule needs {{seq}} so that numbers are unique."))
    for _, name, spec, _ in parsed:
        if name == "seq" and spec and not re.fullmatch(r"0?\d", spec):
            raise fail(field, QT_TRANSLATE_NOOP(
                "Validation", "Write the sequence as {{seq}} or {{seq:05}}."))
    return text


def format_number(rule: str, *, region: str, tier: str, seq: int,
                  year: int | None = None) -> str:
    spec_rule = re.sub(r"\{seq:(\d)\}", r"{seq:0\1}", rule)
    return spec_rule.format(region=region or "XX", tier=tier or "N", seq=seq,
                            year=year or dt.date.today().year)


class _Numbered:
    """Numbers already given, asked of the archive one at a time."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def __contains__(self, number: object) -> bool:
        return self.session.scalar(select(Customer.id).where(Customer.number == number)) \
            is not None


# On a laptop, the archive's identity (core.sync.site) holds the block of sequence numbers the
# office set aside for it: the laptop gives no number beyond it.
SITE_SETTING = "site"


def _last_allowed(session: Session) -> int | None:
    row = session.get(Setting, SITE_SETTING)
    numbers = row.value.get("numbers") if row is not None and isinstance(row.value, dict) \
        else None
    return int(numbers[1]) if numbers else None


def next_number(session: Session, rule: str, *, region: str, tier: str) -> str:
    """The next free number under ``rule``; the counter moves inside the caller's transaction."""
    return next_numbers(session, rule, [(region, tier)], _Numbered(session))[0]


def next_numbers(session: Session, rule: str, wanted: Sequence[tuple[str, str]],
                 taken: Container[str]) -> list[str]:
    """The next free numbers for (region, tier) pairs, skipping those in ``taken`` (a set of
    every number in the archive and the file, when many are made at once)."""
    counter = session.get(Counter, COUNTER)
    if counter is None:
        counter = Counter(name=COUNTER, value=0)
        session.add(counter)
    value = counter.value
    last = _last_allowed(session)
    numbers = []
    for region, tier in wanted:
        while True:
            value += 1
            if last is not None and value > last:
                raise TierDeskError(Message("Numbering", QT_TRANSLATE_NOOP(
                    "Numbering", "This laptop has given every customer number the office set "
                                 "aside for it (up to {last}); ask the office for a new "
                                 "laptop archive."), {"last": last}))
            number = format_number(rule, region=region, tier=tier, seq=value)
            if number not in taken:
                numbers.append(number)
                break
    counter.value = value
    session.flush()
    return numbers


def reserve_sequence(session: Session, upto: int) -> None:
    """Move the counter past numbers assigned in bulk (imports, demo data)."""
    counter = session.get(Counter, COUNTER)
    if counter is None:
        session.add(Counter(name=COUNTER, value=upto))
    elif counter.value < upto:
        counter.value = upto
