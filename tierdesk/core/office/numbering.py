"""Customer numbers: built from the office's rule, unique, assigned once.

A rule is a pattern with fields in braces: ``{region}`` (region code), ``{tier}`` (tier
letter), ``{year}`` (year of creation) and ``{seq}`` or ``{seq:05}`` (the office-wide sequence,
zero-padded). The default ``{region}-{tier}-{seq:05}`` gives ``HD-A-00017``.
"""

from __future__ import annotations

import datetime as dt
import re
import string
import uuid
from collections.abc import Container, Sequence
from typing import Any

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


# On a laptop, the archive's identity (core.sync.site) holds the blocks of sequence numbers the
# office set aside for it: the laptop gives no number outside them.
SITE_SETTING = "site"
# Sequence numbers set aside for a laptop at a time; it is given another block when it says,
# at an exchange, that it has used half of what it holds.
NUMBER_BLOCK = 1000

Block = tuple[int, int]


def blocks_of(numbers: object) -> tuple[Block, ...] | None:
    """Blocks as a site keeps them ([first, last] pairs; one flat pair before there could be
    several), in order."""
    if not isinstance(numbers, list | tuple) or not numbers:
        return None
    if isinstance(numbers[0], int):
        return ((int(numbers[0]), int(numbers[1])),)
    return tuple(sorted((int(pair[0]), int(pair[1])) for pair in numbers))


def _site(session: Session) -> dict[str, Any]:
    row = session.get(Setting, SITE_SETTING)
    return row.value if row is not None and isinstance(row.value, dict) else {}


def laptop_blocks(session: Session) -> tuple[Block, ...] | None:
    """The blocks of numbers this laptop may give (None: not a laptop, no limit)."""
    return blocks_of(_site(session).get("numbers"))


def laptop_owner(session: Session) -> uuid.UUID | None:
    """The salesperson whose laptop this archive is (None: not a laptop)."""
    site = _site(session)
    person = site.get("salesperson_id")
    return uuid.UUID(person) if person and site.get("role") == "laptop" else None


def _counter(session: Session) -> Counter:
    counter = session.get(Counter, COUNTER)
    if counter is None:
        counter = Counter(name=COUNTER, value=0)
        session.add(counter)
    return counter


def set_aside(session: Session) -> Block:
    """A block of the office's sequence numbers for a laptop: never given here."""
    counter = _counter(session)
    first = counter.value + 1
    counter.value += NUMBER_BLOCK
    return first, counter.value


def numbers_left(session: Session) -> int | None:
    """How many numbers this laptop may still give (None: not a laptop)."""
    blocks = laptop_blocks(session)
    if blocks is None:
        return None
    value = _counter(session).value
    return sum(max(0, last - max(value, first - 1)) for first, last in blocks)


def _within(blocks: tuple[Block, ...], value: int) -> int:
    for first, last in blocks:
        if value <= last:
            return max(value, first)
    raise TierDeskError(Message("Numbering", QT_TRANSLATE_NOOP(
        "Numbering", "This laptop has given every customer number the office set aside for "
                     "it (up to {last}); exchange with the office to receive more."),
        {"last": blocks[-1][1]}))


def next_number(session: Session, rule: str, *, region: str, tier: str) -> str:
    """The next free number under ``rule``; the counter moves inside the caller's transaction."""
    return next_numbers(session, rule, [(region, tier)], _Numbered(session))[0]


def next_numbers(session: Session, rule: str, wanted: Sequence[tuple[str, str]],
                 taken: Container[str]) -> list[str]:
    """The next free numbers for (region, tier) pairs, skipping those in ``taken`` (a set of
    every number in the archive and the file, when many are made at once)."""
    counter = _counter(session)
    value = counter.value
    blocks = laptop_blocks(session)
    numbers = []
    for region, tier in wanted:
        while True:
            value += 1
            if blocks is not None:
                value = _within(blocks, value)
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
