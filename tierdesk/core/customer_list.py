"""The customer list: filter, search and sort 150,000 customers fast enough to type into.

What the list searches and filters by is held in memory (one short key per customer, built
from name, pinyin, number, phones and contact names and stored on the customer row); what it
shows is read from the database a page at a time, only for the rows on screen. A keystroke
costs one pass over the keys (or over the previous matches, when the new text extends the
old), never a full table scan in SQL.
"""

from __future__ import annotations

import datetime as dt
import uuid
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import select
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
        self.ids: list[uuid.UUID] = []
        self.keys: list[str] = []
        self.region: list[uuid.UUID | None] = []
        self.tier: list[str] = []
        self.person: list[uuid.UUID | None] = []
        self.status: list[str] = []
        self.position: dict[uuid.UUID, int] = {}
        self._ranks: dict[str, array[int]] = {}
        self._last: tuple[str, ListFilter, list[int]] | None = None
        self.load()

    # -- loading and keeping up to date ------------------------------------------------------
    def load(self) -> None:
        query = (select(Customer.id, Customer.search_key, Customer.region_id, Customer.tier,
                        Customer.salesperson_id, Customer.status)
                 .where(Customer.deleted_at.is_(None)).order_by(Customer.number))
        with self.db.read() as session:
            rows = session.execute(query).all()
        self.ids = [r[0] for r in rows]
        self.keys = [r[1] for r in rows]
        self.region = [r[2] for r in rows]
        self.tier = [r[3] for r in rows]
        self.person = [r[4] for r in rows]
        self.status = [r[5] for r in rows]
        self.position = {cid: i for i, cid in enumerate(self.ids)}
        self._ranks = {"number": array("i", range(len(self.ids)))}
        self._last = None

    def __len__(self) -> int:
        return len(self.ids) - sum(1 for k in self.keys if k is None)

    def refresh(self, customer_ids: Iterable[uuid.UUID], *,
                columns: Sequence[str] | None = None) -> None:
        """Re-read changed customers (new, edited or deleted) after a write.

        ``columns`` names the list columns the write may have changed; sort orders on other
        columns are kept. None means any column.
        """
        wanted = list(dict.fromkeys(customer_ids))
        if not wanted:
            return
        query = (select(Customer.id, Customer.search_key, Customer.region_id, Customer.tier,
                        Customer.salesperson_id, Customer.status, Customer.deleted_at)
                 .where(Customer.id.in_(wanted)))
        with self.db.read() as session:
            rows = {r[0]: r for r in session.execute(query).all()}
        appended = False
        for cid in wanted:
            row = rows.get(cid)
            index = self.position.get(cid)
            live = row is not None and row[6] is None
            if index is None:
                if not live:
                    continue
                index = len(self.ids)
                self.position[cid] = index
                self.ids.append(cid)
                for lst in (self.keys, self.region, self.tier, self.person, self.status):
                    lst.append(None)  # type: ignore[arg-type]
                appended = True
            if live:
                assert row is not None
                (self.keys[index], self.region[index], self.tier[index], self.person[index],
                 self.status[index]) = row[1], row[2], row[3], row[4], row[5]
            else:
                self.keys[index] = None  # type: ignore[call-overload]  # gone from the list
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
        query = (select(Customer.id)
                 .outerjoin(_region, Customer.region_id == _region.id)
                 .outerjoin(_person, Customer.salesperson_id == _person.id)
                 .where(Customer.deleted_at.is_(None))
                 .order_by(*(e.is_(None) for e in exprs), *exprs, Customer.number))
        with self.db.read() as session:
            ordered = session.scalars(query).all()
        rank = array("i", [len(self.ids)] * len(self.ids))
        position = self.position
        for place, cid in enumerate(ordered):
            index = position.get(cid)
            if index is not None:
                rank[index] = place
        self._ranks[column] = rank
        return rank

    def query(self, flt: ListFilter, *, sort: str = "number",
              descending: bool = False) -> list[uuid.UUID]:
        """Ids of the customers matching ``flt``, in the asked order."""
        text = normalise_query(flt.text)
        base = ListFilter("", flt.region_id, flt.tier, flt.salesperson_id, flt.status)
        keys = self.keys
        if self._last is not None and text.startswith(self._last[0]) and self._last[1] == base:
            candidates: Iterable[int] = self._last[2]
            if text != self._last[0]:
                candidates = [i for i in candidates if text in keys[i]]
        else:
            candidates = [i for i, key in enumerate(keys) if key is not None and text in key] \
                if text else [i for i, key in enumerate(keys) if key is not None]
            if base.region_id is not None:
                region = self.region
                candidates = [i for i in candidates if region[i] == base.region_id]
            if base.tier:
                tiers = self.tier
                candidates = [i for i in candidates if tiers[i] == base.tier]
            if base.salesperson_id is not None:
                person = self.person
                candidates = [i for i in candidates if person[i] == base.salesperson_id]
            if base.status:
                status = self.status
                candidates = [i for i in candidates if status[i] == base.status]
        matches = list(candidates)
        self._last = (text, base, matches)
        ordered = matches if sort == "number" and "number" in self._ranks else None
        if ordered is None or len(self.ids) != len(self._ranks["number"]):
            ordered = sorted(matches, key=self._rank(sort).__getitem__)
        if descending:
            ordered = ordered[::-1]
        ids = self.ids
        return [ids[i] for i in ordered]

    def rows(self, customer_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, ListRow]:
        """What the list shows for these customers (one query for a page of rows)."""
        query = (select(Customer.id, Customer.number, Customer.name, Customer.contact_name,
                        Customer.mobile, Customer.landline, _region.code, Customer.tier,
                        _person.name, Customer.last_visit_on, Customer.next_visit_on,
                        Customer.status)
                 .outerjoin(_region, Customer.region_id == _region.id)
                 .outerjoin(_person, Customer.salesperson_id == _person.id)
                 .where(Customer.id.in_(list(customer_ids))))
        with self.db.read() as session:
            result = session.execute(query).all()
        return {r[0]: ListRow(r[0], r[1], r[2], r[3], r[4] or r[5], r[6] or "", r[7],
                              r[8] or "", r[9], r[10], r[11]) for r in result}
