"""Office-wide settings kept in the database (shared by every machine of the office)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from tierdesk.core.i18n import QT_TRANSLATE_NOOP
from tierdesk.core.store.models import Customer, MonthPlan, Setting
from tierdesk.core.text_limits import check_length
from tierdesk.core.validation import Checker, check_int_range, clean_text

CARD_SIZE_MIN = 7
CARD_SIZE_MAX = 10


@dataclass(frozen=True)
class OfficeSettings:
    office_name: str = "TierDesk"
    card_size: int = 10
    numbering_rule: str = "{region}-{tier}-{seq:05}"
    tiers: tuple[str, ...] = ("A", "B", "C", "D")

    @property
    def new_customer_tier(self) -> str:
        """The tier letter a customer's number carries before its first assessment."""
        return self.tiers[-1]


_FIELDS = ("office_name", "card_size", "numbering_rule", "tiers")


def load_settings(session: Session) -> OfficeSettings:
    stored = {row.key: row.value for row in session.scalars(
        select(Setting).where(Setting.key.in_(_FIELDS)))}
    values: dict[str, Any] = {}
    for key, value in stored.items():
        values[key] = tuple(value) if key == "tiers" and isinstance(value, list) else value
    return OfficeSettings(**values)


def save_settings(session: Session, **changes: Any) -> OfficeSettings:
    """Validate and store changed settings; raises ValidationError and stores nothing if wrong."""
    from tierdesk.core.office.numbering import check_rule

    unknown = set(changes) - set(_FIELDS)
    if unknown:
        raise TypeError(f"unknown settings: {sorted(unknown)}")
    checker = Checker()
    if "card_size" in changes:
        changes["card_size"] = checker.run(check_int_range, "card_size", changes["card_size"],
                                           CARD_SIZE_MIN, CARD_SIZE_MAX)
    if "office_name" in changes:
        changes["office_name"] = clean_text(changes["office_name"])
        if not changes["office_name"]:
            checker.add("office_name", QT_TRANSLATE_NOOP("Validation", "This field is required."))
        checker.run(check_length, "office_name", changes["office_name"], MonthPlan.office_name)
    if "numbering_rule" in changes:
        changes["numbering_rule"] = checker.run(check_rule, "numbering_rule",
                                                changes["numbering_rule"])
    if "tiers" in changes:
        changes["tiers"] = [clean_text(t) for t in changes["tiers"]]
        for tier in changes["tiers"]:
            checker.run(check_length, "tiers", tier, Customer.tier)
    checker.raise_if_any()
    for key, value in changes.items():
        store_setting(session, key, value)
    return load_settings(session)


R = TypeVar("R")


def store_setting(session: Session, key: str, value: Any) -> None:
    """Write one office setting (a JSON value) inside the caller's transaction."""
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value
    session.flush()


def load_record(session: Session, key: str, record: type[R]) -> R:
    """A settings record (a dataclass) stored as a JSON object under ``key``: the fields it
    knows, lists read back as tuples where the default is a tuple or None; defaults for the
    rest."""
    row = session.get(Setting, key)
    stored = row.value if row is not None and isinstance(row.value, dict) else {}
    known = {k: v for k, v in stored.items() if k in record.__dataclass_fields__}  # type: ignore[attr-defined]
    for name, value in known.items():
        if isinstance(value, list) and not isinstance(
                record.__dataclass_fields__[name].default, list | dict):  # type: ignore[attr-defined]
            known[name] = tuple(value)
    return record(**known)
