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
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import compress, repeat
from operator import contains
from typing import Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import aliased

from tierdesk.core.customers.search_key import normalise_query
from tierdesk.core.store.db import Database
from tierdesk.core.store.models import Customer, Region, Salesperson
from tierdesk.core.store.raw import hex_id, raw

# last_visit_on: the date of the last entry on the card, a visit or a phone call.
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


class ListRow(NamedTuple):
    """One line of the list; ``row[i]`` is the value of ``COLUMNS[i]``."""

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
    id: uuid.UUID

    def value(self, column: str) -> object:
        return getattr(self, column)


SearchIndex = tuple[list[str], list[str], list[str], dict[str, int]]


def fetch_index(db: Database) -> SearchIndex:
    """Every live customer's id and search keys, in number order: one pass over the covering
    index ix_customer_list, values as the driver returns them. Safe to call in a worker."""
    sql = ("SELECT id, search_key, search_han FROM customer WHERE deleted_at IS NULL "
           "ORDER BY number")
    with db.read() as session:
        # The driver's own cursor: 150,000 rows without wrapping each in a Row object.
        cursor = session.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]
        try:
            cursor.execute(sql)
            rows = cursor.fetchall()
        finally:
            cursor.close()
    ids: list[str] = [r[0] for r in rows]
    if ids and not (isinstance(ids[0], str) and len(ids[0]) == 32):
        ids = [hex_id(i) for i in ids]  # PostgreSQL hands out UUID objects
    return ids, [r[1] for r in rows], [r[2] for r in rows], {c: i for i, c in enumerate(ids)}


_FILTER_COLUMNS = {"region_id": Customer.region_id, "tier": Customer.tier,
                   "salesperson_id": Customer.salesperson_id, "status": Customer.status}


class CustomerList:
    """The searchable list of live customers of one database."""

    def __init__(self, db: Database, *, load: bool = True) -> None:
        self.db = db
        self.loaded = False               # False until the index is installed
        self.generation = 0               # moves on whenever sort orders go stale
        self.ids: list[str] = []          # 32 hex digits
        self.keys: list[str] = []         # Latin key ("" once deleted: it matches no text)
        self.han: list[str] = []          # Chinese key (likewise)
        self.deleted: set[int] = set()    # positions of customers deleted since the load
        self.position: dict[str, int] = {}  # id -> position
        self._ranks: dict[str, array[int]] = {}
        self._filled: dict[str, int] = {}  # per sort column: places held by actual values
        self._in_number_order = True
        # Who has a given region, tier, salesperson or status: read when a filter is used.
        self._filter_sets: dict[tuple[str, object], set[int]] = {}
        self._last: tuple[str, ListFilter, list[int]] | None = None
        if load:
            self.load()

    # -- loading and keeping up to date ------------------------------------------------------
    def load(self) -> None:
        self.install(fetch_index(self.db))

    def install(self, index: SearchIndex) -> None:
        """Take an index read by :func:`fetch_index` (possibly in another thread)."""
        self.ids, self.keys, self.han, self.position = index
        self.loaded = True
        self.deleted = set()
        self.generation += 1
        self._ranks = {}
        self._in_number_order = True  # positions follow the numbers until one is appended
        self._filter_sets = {}
        self._last = None

    def __len__(self) -> int:
        return len(self.ids) - len(self.deleted)


    def _filter_set(self, column: str, value: object) -> set[int]:
        key = (column, value)
        found = self._filter_sets.get(key)
        if found is None:
            query = select(raw(Customer.id)).where(_FILTER_COLUMNS[column] == value,
                                                    Customer.deleted_at.is_(None))
            with self.db.read() as session:
                raw_ids = session.scalars(query).all()
            position = self.position
            found = {position[h] for h in map(hex_id, raw_ids) if h in position}
            self._filter_sets[key] = found
        return found

    def refresh(self, customer_ids: Iterable[uuid.UUID], *,
                columns: Sequence[str] | None = None) -> None:
        """Re-read changed customers (new, edited or deleted) after a write.

        ``columns`` names the list columns the write may have changed; sort orders on other
        columns are kept. None means any column.
        """
        wanted = list(dict.fromkeys(customer_ids))
        if not wanted:
            return
        query = select(raw(Customer.id), Customer.search_key, Customer.region_id,
                       Customer.tier, Customer.salesperson_id, Customer.status,
                       Customer.deleted_at, Customer.search_han).where(Customer.id.in_(wanted))
        with self.db.read() as session:
            rows = {hex_id(r[0]): r for r in session.execute(query).all()}
        appended = False
        for customer_id in wanted:
            cid = customer_id.hex
            found = rows.get(cid)
            row = found if found is not None and found[6] is None else None  # live rows only
            index = self.position.get(cid)
            if index is None:
                if row is None:
                    continue
                index = len(self.ids)
                self.position[cid] = index
                self.ids.append(cid)
                self.keys.append("")
                self.han.append("")
                appended = True
                self._in_number_order = False
            values = dict(zip(_FILTER_COLUMNS, row[2:6], strict=True)) if row else {}
            self.keys[index] = row[1] if row else ""
            self.han[index] = row[7] if row else ""
            if row:
                self.deleted.discard(index)
            else:
                self.deleted.add(index)
            for (column, value), members in self._filter_sets.items():
                members.discard(index)
                if row and values[column] == value:
                    members.add(index)
        stale = COLUMNS if (columns is None or appended) else columns
        for column in stale:
            self._ranks.pop(column, None)
        self.generation += 1
        self._last = None

    # -- querying ----------------------------------------------------------------------------
    def has_order(self, sort: str) -> bool:
        """Whether sorting by ``sort`` is instant (else :meth:`compute_order` reads it)."""
        return (sort == "number" and self._in_number_order) or sort in self._ranks

    def compute_order(self, column: str) -> tuple[int, array[int], int]:
        """Each customer's place when sorted by ``column``, with the generation of the list
        it was computed for. Reads the database (about a second for 150,000 customers on a
        small machine): safe to call in a worker; hand the result to :meth:`keep_order`."""
        generation = self.generation
        exprs = _SORT_EXPR[column]
        empty = exprs[0].is_(None)
        query = (select(raw(Customer.id), empty)
                 .outerjoin(_region, Customer.region_id == _region.id)
                 .outerjoin(_person, Customer.salesperson_id == _person.id)
                 .where(Customer.deleted_at.is_(None))
                 .order_by(empty, *exprs, Customer.number))
        with self.db.read() as session:
            result = session.execute(query).all()
        ordered = [r[0] for r in result]
        filled = sum(1 for r in result if not r[1])  # places before the empty values
        size = len(self.ids)
        rank = array("i", [size] * size)
        position = self.position
        hexed = ordered if ordered and isinstance(ordered[0], str) and len(ordered[0]) == 32 \
            else [hex_id(raw) for raw in ordered]
        for place, cid in enumerate(hexed):
            index = position.get(cid)
            if index is not None and index < size:
                rank[index] = place
        return generation, rank, filled

    def keep_order(self, column: str, computed: tuple[int, array[int], int]) -> bool:
        """Keep an order from :meth:`compute_order` unless the list changed meanwhile."""
        generation, rank, filled = computed
        if generation != self.generation:
            return False
        self._ranks[column] = rank
        self._filled[column] = filled
        return True

    def _rank(self, column: str) -> array[int]:
        if column not in self._ranks:
            self.keep_order(column, self.compute_order(column))
        return self._ranks[column]

    def query(self, flt: ListFilter, *, sort: str = "number",
              descending: bool = False) -> list[int]:
        """Positions of the customers matching ``flt``, in the asked order."""
        text = normalise_query(flt.text)
        base = ListFilter("", flt.region_id, flt.tier, flt.salesperson_id, flt.status)
        # Latin text can only be in the Latin key, text with Chinese only in the Chinese one;
        # and the Latin key holds the Latin runs of the names, so narrowing stays exact.
        keys = self.keys if text.isascii() else self.han
        if self._last is not None and text.startswith(self._last[0]) and self._last[1] == base:
            matches = self._last[2]
            if text != self._last[0]:
                if len(matches) == len(keys) - len(self.deleted):  # everyone: scan in C
                    matches = list(compress(range(len(keys)),
                                            map(contains, keys, repeat(text))))
                else:
                    matches = [i for i in matches if text in keys[i]]
        else:
            if text:  # one pass in C; a deleted customer's key is "" and matches nothing
                matches = list(compress(range(len(keys)), map(contains, keys, repeat(text))))
            elif self.deleted:
                deleted = self.deleted
                matches = [i for i in range(len(keys)) if i not in deleted]
            else:
                matches = list(range(len(keys)))
            for column, wanted in (("region_id", base.region_id), ("tier", base.tier),
                                   ("salesperson_id", base.salesperson_id),
                                   ("status", base.status)):
                if wanted:
                    members = self._filter_set(column, wanted)
                    matches = [i for i in matches if i in members]
        self._last = (text, base, matches)
        if sort == "number" and self._in_number_order:
            return list(reversed(matches)) if descending else list(matches)
        rank = self._rank(sort)
        ordered = sorted(matches, key=rank.__getitem__)
        if descending:  # customers without a value stay last either way
            filled = bisect_left(ordered, self._filled.get(sort, len(self.ids)),
                                 key=rank.__getitem__)
            ordered = ordered[:filled][::-1] + ordered[filled:]
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
        with self.db.read() as session:
            result = session.execute(_ROWS.where(Customer.id.in_(list(wanted)))).all()
        return {wanted[r[0]]: _list_row(r) for r in result}

    # -- before the index is loaded ------------------------------------------------------------
    def count_live(self) -> int:
        with self.db.read() as session:
            return int(session.connection().exec_driver_sql(
                "SELECT count(*) FROM customer WHERE deleted_at IS NULL").scalar_one())

    def page_in_number_order(self, offset: int, limit: int) -> list[ListRow]:
        """Rows straight from the database in number order: what the list shows in the
        moment before the index is loaded."""
        query = (_ROWS.where(Customer.deleted_at.is_(None)).order_by(Customer.number)
                 .offset(offset).limit(limit))
        with self.db.read() as session:
            return [_list_row(r) for r in session.execute(query).all()]


_ROWS = (select(Customer.id, Customer.number, Customer.name, Customer.contact_name,
                Customer.mobile, Customer.landline, _region.code, Customer.tier, _person.name,
                Customer.last_visit_on, Customer.next_visit_on, Customer.status)
         .outerjoin(_region, Customer.region_id == _region.id)
         .outerjoin(_person, Customer.salesperson_id == _person.id))


def _list_row(r: Any) -> ListRow:
    return ListRow(r[1], r[2], r[3], r[4] or r[5], r[6] or "", r[7], r[8] or "", r[9], r[10],
                   r[11], r[0])
