"""Which archive this is in the office's network (the office itself, or the laptop of one
salesperson), and the peers it exchanges changes with."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tierdesk.core.errors import TierDeskError
from tierdesk.core.i18n import QT_TRANSLATE_NOOP, Message
from tierdesk.core.office.numbering import SITE_SETTING, Block, blocks_of
from tierdesk.core.office.settings import store_setting
from tierdesk.core.store.models import Customer, JournalEntry, Setting, SyncPeer


@dataclass(frozen=True)
class Site:
    """This archive: its id, what it is called, and (on a laptop) whose territory it holds,
    the office it belongs to and the customer numbers it may give."""

    id: str
    name: str
    role: str                               # office, laptop
    office: str = ""                        # a laptop's office (its site id)
    salesperson_id: uuid.UUID | None = None
    numbers: tuple[Block, ...] | None = None  # a laptop's blocks of sequence numbers

    @property
    def is_laptop(self) -> bool:
        return self.role == "laptop"


def this_site(session: Session) -> Site:
    """This archive's identity; an archive that never exchanged anything is an office, and
    is given its id the first time it is asked (inside the caller's write)."""
    row = session.get(Setting, SITE_SETTING)
    if row is not None and isinstance(row.value, dict):
        value = row.value
        person = value.get("salesperson_id")
        return Site(str(value["id"]), str(value.get("name", "")), str(value["role"]),
                    str(value.get("office", "")),
                    uuid.UUID(person) if person else None,
                    blocks_of(value.get("numbers")))
    site = Site(uuid.uuid4().hex, "", "office")
    keep_site(session, site)
    return site


def keep_site(session: Session, site: Site) -> None:
    store_setting(session, SITE_SETTING, {
        "id": site.id, "name": site.name, "role": site.role, "office": site.office,
        "salesperson_id": site.salesperson_id.hex if site.salesperson_id else None,
        "numbers": [list(block) for block in site.numbers] if site.numbers else None})


def newest_stamp(session: Session) -> str:
    """The newest stamp this archive has written (its journal's)."""
    return session.scalar(select(func.max(JournalEntry.hlc))) or ""


def territory_ids(session: Session, salesperson_id: uuid.UUID | None) -> set[str]:
    """The customers of a salesperson's territory, their ids as hex (as bundles carry them)."""
    return {row_id.hex for row_id in session.scalars(
        select(Customer.id).where(Customer.salesperson_id == salesperson_id))}


def refused(text: str, **params: object) -> TierDeskError:
    """An exchange refused, with what a person can do about it (``text`` marked with
    QT_TRANSLATE_NOOP("Sync", ...))."""
    return TierDeskError(Message("Sync", text, params))


def peer(session: Session, site: str) -> SyncPeer:
    found = session.get(SyncPeer, site)
    if found is None:
        raise refused(QT_TRANSLATE_NOOP(
            "Sync", "This archive does not know the archive that wrote the file: it was not "
                    "checked out of this office, or it belongs to another office."))
    return found


def peers(session: Session) -> list[SyncPeer]:
    return list(session.scalars(select(SyncPeer).order_by(SyncPeer.name)))
