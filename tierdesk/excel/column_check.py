"""How many of a column's values the import would accept, for the field it is mapped to: what
the columns page of the import window shows next to each column ("148 of 152 accepted").

Each value is checked the way the import checks it (the same conversion and the same rules),
each distinct value once; nothing is written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import fields as dataclass_fields
from typing import Any, cast

from sqlalchemy.orm import Session

from tierdesk.core.customers.cards import VISIT_TEXTS
from tierdesk.core.customers.master_file import CustomerInput, office_facts, validate
from tierdesk.core.errors import ValidationError
from tierdesk.core.store.db import Database
from tierdesk.core.store.models import Customer, Order, Payment
from tierdesk.core.text_limits import longest
from tierdesk.core.validation import clean_block, clean_text
from tierdesk.excel.importer import cell_reader, company_key
from tierdesk.excel.reader import Sheet, Workbook
from tierdesk.excel.records import CustomerLinks, history_reader
from tierdesk.excel.values import text_of
from tierdesk.excel.workbook_import import SheetChoice

Check = Callable[[object], bool]
_CUSTOMER_INPUT = frozenset(f.name for f in dataclass_fields(CustomerInput))
# Fields whose values any text fills (a word other than yes is no).
_ANY_TEXT = frozenset(("via_outlet",))
# Fields of text: any text up to the length its column takes, as the archive keeps it.
_TEXTS: dict[str, tuple[Any, Callable[[str], str]]] = {
    **{name: (column, clean_text) for name, column in (
        ("contact_name", Customer.contact_name), ("wechat", Customer.wechat),
        ("address", Customer.address), ("industry", Customer.industry),
        ("product", Order.product), ("reference", Order.reference),
        ("method", Payment.method), *VISIT_TEXTS.items())},
    "notes": (Customer.notes, str.strip), "summary": (VISIT_TEXTS["summary"], clean_block)}
# Values that make the rest of a row of history valid, to check one field at a time.
_FILLED = {"visits": {"visit_date": dt.date(2000, 1, 1), "summary": "-"},
           "orders": {"order_date": dt.date(2000, 1, 1), "amount": 1},
           "payments": {"paid_on": dt.date(2000, 1, 1), "amount": 1}}


def accepted_counts(db: Database, book: Workbook, choices: list[SheetChoice],
                    choice: SheetChoice, *, today: dt.date | None = None,
                    progress: Callable[[int, int, str], object] | None = None) -> dict[
                        int, tuple[int, int]]:
    """Column index -> (values accepted, values given) for each mapped column of
    ``choice``'s sheet. History sheets link to the archive's customers and to those the
    customer sheets among ``choices`` would add."""
    with db.read() as session:
        return _accepted_counts(session, book, choices, choice, today=today, progress=progress)


def _accepted_counts(session: Session, book: Workbook, choices: list[SheetChoice],
                    choice: SheetChoice, *, today: dt.date | None = None,
                    progress: Callable[[int, int, str], object] | None = None) -> dict[
                        int, tuple[int, int]]:
    """Column index -> (values accepted, values given) for each mapped column of
    ``choice``'s sheet. History sheets link to the archive's customers and to those the
    customer sheets among ``choices`` would add."""
    today = today or dt.date.today()
    sheet = book.sheet(choice.name)
    checks = {index: _check_for(session, book, choices, choice, field, sheet, today)
              for index, field in choice.mapping.items()}
    counts = {index: [0, 0] for index in checks}
    rows = sheet.rows[choice.header_row + 1:]
    memos: dict[int, dict[object, bool]] = {index: {} for index in checks}
    for number, row in enumerate(rows):
        if progress is not None and number % 5000 == 0:
            progress(number, len(rows), choice.name)
        width = len(row)
        for index, check in checks.items():
            value = row[index] if index < width else None
            if value in (None, "") or (isinstance(value, str) and not value.strip()):
                continue
            memo = memos[index]
            ok = memo.get(value)
            if ok is None:
                ok = memo[value] = check(value)
            tally = counts[index]
            tally[1] += 1
            tally[0] += ok
    return {index: (accepted, given) for index, (accepted, given) in counts.items()}


def _check_for(session: Session, book: Workbook, choices: list[SheetChoice],
               choice: SheetChoice, field: str, sheet: Sheet, today: dt.date) -> Check:
    if field in _ANY_TEXT:
        return lambda _value: True
    if field in _TEXTS:
        column, clean = _TEXTS[field]
        most = longest(column)
        return lambda value: len(clean(text_of(value))) <= most
    if choice.kind == "customers":
        return _customer_check(session, field, sheet.date1904, today)
    if field in ("customer_number", "customer_name"):
        return _link_check(session, book, choices, field)
    read = history_reader(choice.kind, today, sheet.date1904)
    filled = _FILLED[choice.kind]

    def check(value: object) -> bool:
        return _passes(field, lambda: read({**filled, field: value}))
    return check


def _customer_check(session: Session, field: str, date1904: bool, today: dt.date) -> Check:
    convert = cell_reader(field, date1904)
    office = office_facts(session)

    def check(value: object) -> bool:
        def run() -> object:
            converted = convert(value)
            if field == "phone":
                mobile, landline = cast(tuple[str, str], converted)
                return validate(session, CustomerInput(name="-", mobile=mobile,
                                                       landline=landline), office=office,
                                today=today)
            if field in _CUSTOMER_INPUT:
                given: dict[str, Any] = {"name": "-", field: converted}
                return validate(session, CustomerInput(**given), office=office, today=today)
            return converted
        return _passes(field, run, also=("mobile", "landline") if field == "phone" else ())
    return check


def _passes(field: str, run: Callable[[], object], also: tuple[str, ...] = ()) -> bool:
    """Whether ``run`` finds nothing wrong with ``field`` (problems of the filler values
    used to check it alone do not count)."""
    try:
        run()
    except ValidationError as exc:
        return not any(p.field in (field, *also) for p in exc.problems)
    return True


def _link_check(session: Session, book: Workbook, choices: list[SheetChoice],
                field: str) -> Check:
    links = CustomerLinks(session)
    numbers, names = _customers_in_file(book, choices)

    def check(value: object) -> bool:
        text = text_of(value)
        if field == "customer_number":
            return text.upper() in numbers or links.find(text, "")[0] is not None
        return company_key(text) in names or links.find("", text)[0] is not None
    return check


def _customers_in_file(book: Workbook, choices: list[SheetChoice]) -> tuple[set[str],
                                                                           set[str]]:
    """The customer numbers and names (as company keys) the customer sheets would add."""
    numbers: set[str] = set()
    names: set[str] = set()
    for choice in choices:
        if choice.kind != "customers":
            continue
        at = {field: index for index, field in choice.mapping.items()}
        rows = book.sheet(choice.name).rows[choice.header_row + 1:]
        for found, field, key in ((numbers, "number", lambda t: t.upper()),
                                  (names, "name", company_key)):
            if field in at:
                column = at[field]
                found.update(key(text_of(r[column])) for r in rows if column < len(r))
    numbers.discard("")
    names.discard("")
    return numbers, names
