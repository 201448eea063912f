"""The customer list: filter, search and sort 150,000 customers fast enough to type into.

What the list searches and filters by is held in memory (one short key per customer, built
from name, pinyin, number, phones and contact names and stored on the customer row); what it
shows is read from the database a page at a time, only for the rows on screen. A keystroke
costs one pass over the keys (or over the previous matches, when the new text extends the
old), never a full table scan in SQL.

Customers are addressed by their *position* in the list's arrays (an int); ids stay in their
32-hex-digit form until a caller asks for a :class:`uuid.UUID`, which keeps loading 150,000
customers cheap.
"""

from __future__ import annotations

import datetime as dt
import uuid
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import String, select, type_coerce
from sqlalchemy.orm import aliased

from tierdesk.core.db import Database
from tierdesk.core.models import Customer, Region, Salesperson
from tierdesk.core.search_key import normalise_query

COLUMNS = ("number", "name", "contact_name", "phone", "region", "tier", "salesperson",
           "last_visit_on", "next_visit_on", "status")

_region = aliased(Region)
_person = aliased(Salesperson)
_SORT_EXPR = {
    "number": (Customer.number,),
    "name": (Customer.name,),
    "contact_name": (Customer.contact_name,),
    "phone": (Customer.mobile, Customer.landline),
    "region": (_region.code,),
    "tier": (Customer.tier,),
    "salesperson": (_person.name,),
    "last_visit_on": (Customer.last_visit_on,),
    "next_visit_on": (Customer.next_visit_on,),
    "status": (Customer.status,),
}


def _raw(column: Any) -> Any:
    """The column as the database returns it (no UUID objects made per row)."""
    return type_coerce(column, String)


def _hex(raw: object) -> str:
    if isinstance(raw, uuid.UUID):
        return raw.hex
    return str(raw).replace("-", "").lower()


@dataclass(frozen=True)
class ListFilter:
    text: str = ""
    region_id: uuid.UUID | None = None
    tier: str | None = None
    salesperson_id: uuid.UUID | None = None
    status: str | None = None


@dataclass(frozen=True)
class ListRow:
    id: uuid.UUID
    number: str
    name: str
    contact_name: str
    phone: str
    region: str
    tier: str
    salesperson: str
    last_visit_on: dt.date | None
    next_visit_on: dt.date | None
    status: str

    def value(self, column: str) -> object:
        return getattr(self, column)


class CustomerList:
    """The searchable list of live customers of one database."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.ids: list[str] = []          # 32 hex digits
        self.keys: list[str | None] = []  # None: no longer in the list (deleted)
        self.region: list[str | None] = []
        self.tier: list[str] = []
        self.person: list[str | None] = []
        self.status: list[str] = []
        self.position: dict[str, int] = {}
        self._ranks: dict[str, array[int]] = {}
        self._in_number_order = True
        self._last: tuple[str, ListFilter, list[int]] | None = None
        self.load()

    # -- loading and keeping up to date ------------------------------------------------------
    def _columns(self) -> tuple[Any, ...]:
        return (_raw(Customer.id), Customer.search_key, _raw(Customer.region_id), Customer.tier,
                _raw(Customer.salesperson_id), Customer.status)

    def load(self) -> None:
        query = select(*self._columns()).where(Customer.deleted_at.is_(None)) \
            .order_by(Customer.number)
        with self.db.read() as session:
            rows = session.execute(query).all()
        small: dict[object, str | None] = {None: None}  # region and salesperson ids repeat

        def norm(raw: object) -> str | None:
            found = small.get(raw, "")
            if found == "":
                found = small[raw] = _hex(raw)
            return found

        self.ids = [_hex(r[0]) for r in rows]
        self.keys = [r[1] for r in rows]
        self.region = [norm(r[2]) for r in rows]
        self.tier = [r[3] for r in rows]
        self.person = [norm(r[4]) for r in rows]
        self.status = [r[5] for r in rows]
        self.position = {cid: i for i, cid in enumerate(self.ids)}
        self._ranks = {}
        self._in_number_order = True  # positions follow the numbers until one is appended
        self._last = None

    def __len__(self) -> int:
        return len(self.ids) - self.keys.count(None)

    def refresh(self, customer_ids: Iterable[uuid.UUID], *,
                columns: Sequence[str] | None = None) -> None:
        """Re-read changed customers (new, edited or deleted) after a write.

        ``columns`` names the list columns the write may have changed; sort orders on other
        columns are kept. None means any column.
        """
        wanted = list(dict.fromkeys(customer_ids))
        if not wanted:
            return
        query = select(*self._columns(), Customer.deleted_at).where(Customer.id.in_(wanted))
        with self.db.read() as session:
            rows = {_hex(r[0]): r for r in session.execute(query).all()}
        appended = False
        for customer_id in wanted:
            cid = customer_id.hex
            row = rows.get(cid)
            index = self.position.get(cid)
            live = row is not None and row[6] is None
            if index is None:
                if not live:
                    continue
                index = len(self.ids)
                self.position[cid] = index
                self.ids.append(cid)
                self.keys.append(None)
                self.region.append(None)
                self.tier.append("")
                self.person.append(None)
                self.status.append("")
                appended = True
                self._in_number_order = False
            if live:
                assert row is not None
                self.keys[index] = row[1]
                self.region[index] = None if row[2] is None else _hex(row[2])
                self.tier[index] = row[3]
                self.person[index] = None if row[4] is None else _hex(row[4])
                self.status[index] = row[5]
            else:
                self.keys[index] = None
        stale = COLUMNS if (columns is None or appended) else columns
        for column in stale:
            self._ranks.pop(column, None)
        self._last = None

    # -- querying ----------------------------------------------------------------------------
    def _rank(self, column: str) -> array[int]:
        rank = self._ranks.get(column)
        if rank is not None:
            return rank
        exprs = _SORT_EXPR[column]
        query = (select(_raw(Customer.id))
                 .outerjoin(_region, Customer.region_id == _region.id)
                 .outerjoin(_person, Customer.salesperson_id == _person.id)
                 .where(Customer.deleted_at.is_(None))
                 .order_by(*(e.is_(None) for e in exprs), *exprs, Customer.number))
        with self.db.read() as session:
            ordered = session.scalars(query).all()
        rank = array("i", [len(self.ids)] * len(self.ids))
        position = self.position
        for place, raw in enumerate(ordered):
            index = position.get(_hex(raw))
            if index is not None:
                rank[index] = place
        self._ranks[column] = rank
        return rank

    def query(self, flt: ListFilter, *, sort: str = "number",
              descending: bool = False) -> list[int]:
        """Positions of the customers matching ``flt``, in the asked order."""
        text = normalise_query(flt.text)
        base = ListFilter("", flt.region_id, flt.tier, flt.salesperson_id, flt.status)
        keys = self.keys
        if self._last is not None and text.startswith(self._last[0]) and self._last[1] == base:
            matches = self._last[2]
            if text != self._last[0]:
                matches = [i for i in matches if text in keys[i]]  # type: ignore[operator]
        else:
            matches = [i for i, key in enumerate(keys) if key is not None and text in key] \
                if text else [i for i, key in enumerate(keys) if key is not None]
            for values, wanted in ((self.region, base.region_id and base.region_id.hex),
                                   (self.tier, base.tier),
                                   (self.person, base.salesperson_id and base.salesperson_id.hex),
                                   (self.status, base.status)):
                if wanted:
                    matches = [i for i in matches if values[i] == wanted]
        self._last = (text, base, matches)
        if sort == "number" and self._in_number_order:
            ordered = list(matches)
        else:
            ordered = sorted(matches, key=self._rank(sort).__getitem__)
        if descending:
            ordered.reverse()
        return ordered

    def customer_id(self, position: int) -> uuid.UUID:
        return uuid.UUID(hex=self.ids[position])

    def customer_ids(self, positions: Iterable[int]) -> list[uuid.UUID]:
        return [uuid.UUID(hex=self.ids[p]) for p in positions]

    def position_of(self, customer_id: uuid.UUID) -> int | None:
        return self.position.get(customer_id.hex)

    def rows(self, positions: Sequence[int]) -> dict[int, ListRow]:
        """What the list shows at these positions (one query for a page of rows)."""
        wanted = {uuid.UUID(hex=self.ids[p]): p for p in positions}
        query = (select(Customer.id, Customer.number, Customer.name, Customer.contact_name,
                        Customer.mobile, Customer.landline, _region.code, Customer.tier,
                        _person.name, Customer.last_visit_on, Customer.next_visit_on,
                        Customer.status)
                 .outerjoin(_region, Customer.region_id == _region.id)
                 .outerjoin(_person, Customer.salesperson_id == _person.id)
                 .where(Customer.id.in_(list(wanted))))
        with self.db.read() as session:
            result = session.execute(query).all()
        return {wanted[r[0]]: ListRow(r[0], r[1], r[2], r[3], r[4] or r[5], r[6] or "", r[7],
                                      r[8] or "", r[9], r[10], r[11]) for r in result}
