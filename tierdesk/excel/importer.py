"""Importing customers from a workbook: plan first (what would be created, updated, merged,
refused, and why), then apply the plan in one transaction.

A row is refused with its sheet, row number, column and reason. Rows naming the same
customer twice in one file become one customer; rows matching a customer already in the
archive (by number, else by name and phone) are updated, skipped or created anew as chosen.
Regions and salespeople the file names but the office lacks are added with the import.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, cast, overload

from sqlalchemy import select
from sqlalchemy.orm import Session

from tierdesk.core.customers.master_file import (
    CHECKED_FIELDS,
    CustomerInput,
    company_key,
    create_customers,
    office_facts,
    update_customer,
    validate,
)
from tierdesk.core.customers.search_key import normalise_query, pinyin_forms
from tierdesk.core.errors import Problem, ValidationError
from tierdesk.core.i18n import QT_TRANSLATE_NOOP, Message
from tierdesk.core.office.staff import save_region, save_salesperson
from tierdesk.core.store.models import Customer, Region, Salesperson
from tierdesk.core.text_limits import check_length
from tierdesk.core.validation import check_date_range
from tierdesk.excel.columns import auto_map
from tierdesk.excel.reader import Sheet, WorkbookRefused, find_header_row
from tierdesk.excel.values import (
    BAD,
    CellMemo,
    cell_any_phone,
    cell_date,
    cell_landline,
    cell_mobile,
    cell_tier,
    text_of,
)

CTX = "Import"
PROGRESS_EVERY = 2000     # rows between two reports of an import's progress
DUPLICATE_POLICIES = ("update", "skip", "create")
STATUS_WORDS = {
    "prospect": "prospect", "潜在": "prospect", "潜在客户": "prospect", "意向": "prospect",
    "意向客户": "prospect",
    "active": "active", "活跃": "active", "正常": "active", "合作中": "active",
    "dormant": "dormant", "休眠": "dormant", "沉睡": "dormant",
    "lost": "lost", "流失": "lost", "已流失": "lost",
}


@dataclass(frozen=True)
class RowProblem:
    sheet: str
    row: int            # as the spreadsheet numbers it (1 = first row)
    column: str         # the header of the column, or "" for the whole row
    message: Message

    def render(self, translate: Callable[[str, str], str] | None = None) -> str:
        return self.message.render(translate)


@dataclass(slots=True)
class PlannedRow:
    row: int
    values: dict[str, object]           # field -> cleaned value (region/salesperson as text)
    number: str = ""
    existing: uuid.UUID | None = None   # the archive's customer this row matches
    matched_by: str = ""                # "number" or "name+phone"
    merged_rows: list[int] = field(default_factory=list)
    # validate()'s values in CHECKED_FIELDS order (None after a merge, until checked again)
    checked: tuple[object, ...] | None = None


@dataclass
class ImportPlan:
    sheet: str
    header_row: int                     # index into rows
    headers: list[str]
    mapping: dict[int, str]
    refused_rows: dict[int, list[object]] = field(default_factory=dict)  # as typed, by number
    planned: list[PlannedRow] = field(default_factory=list)
    rejected: list[RowProblem] = field(default_factory=list)
    merged_in_file: int = 0
    # (code, name) of regions and salespeople the file names and the office lacks
    region_specs: list[tuple[str, str]] = field(default_factory=list)
    salesperson_specs: list[tuple[str, str]] = field(default_factory=list)

    @property
    def new_regions(self) -> list[str]:
        return [name or code for code, name in self.region_specs]

    @property
    def new_salespeople(self) -> list[str]:
        return [name or code for code, name in self.salesperson_specs]

    @property
    def to_create(self) -> list[PlannedRow]:
        return [p for p in self.planned if p.existing is None]

    @property
    def matching(self) -> list[PlannedRow]:
        return [p for p in self.planned if p.existing is not None]

    def counts(self) -> dict[str, int]:
        return {"new": len(self.to_create), "matching": len(self.matching),
                "merged_in_file": self.merged_in_file, "rejected": rows_refused(self.rejected)}


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    skipped: int
    rejected: int


def rows_refused(problems: Sequence[RowProblem]) -> int:
    """How many rows the problems refuse: a row with three wrong cells is one row."""
    return len({(p.sheet, p.row) for p in problems})


def _problem(sheet: str, row: int, column: str, text: str, **params: object) -> RowProblem:
    return RowProblem(sheet, row, column, Message(CTX, text, params))


def plan_customers(session: Session, sheet: Sheet, *, mapping: dict[int, str] | None = None,
                   header_row: int | None = None,
                   progress: Callable[[int], None] | None = None) -> ImportPlan:
    """What importing ``sheet`` would do; nothing is written. ``progress(rows)`` is told
    every so many rows (it may raise to stop)."""
    rows = sheet.rows
    if header_row is None:
        from tierdesk.excel.columns import KNOWN_HEADERS

        header_row = find_header_row(rows, KNOWN_HEADERS)
    headers = [text_of(v) for v in (rows[header_row] if rows else [])]
    mapping = auto_map(headers) if mapping is None else mapping
    if "name" not in mapping.values():
        raise WorkbookRefused(Message(CTX, QT_TRANSLATE_NOOP(
            "Import", "The sheet \"{sheet}\" has no column for the customer name (such as "
            "客户名称 or Customer)."), {"sheet": sheet.name}))
    plan = ImportPlan(sheet.name, header_row, headers, mapping)
    regions = _Lookup(session, Region)
    people = _Lookup(session, Salesperson)
    existing = _ExistingCustomers(session)
    office = office_facts(session)
    in_file: dict[str, PlannedRow] = {}
    read_row = _row_reader(plan, sheet.date1904)
    for index in range(header_row + 1, len(rows)):
        row = rows[index]
        if progress is not None and index % PROGRESS_EVERY == 0:
            progress(index - header_row)
        if all(v in (None, "") for v in row):
            continue
        number = index + 1
        values, problems = read_row(row, number)
        if problems:
            plan.rejected.extend(problems)
            continue
        for kind, lookup, specs in (("region", regions, plan.region_specs),
                                    ("salesperson", people, plan.salesperson_specs)):
            spec = (str(values.get(kind + "_code") or ""), str(values.get(kind) or ""))
            if any(spec) and lookup.find(*spec) is None and spec not in specs:
                specs.append(spec)
        data = _customer_input(values, regions, people)
        try:
            checked = validate(session, data, office=office)
        except ValidationError as exc:
            plan.rejected.extend(_problem_for(plan, number, p) for p in exc.problems)
            continue
        planned = PlannedRow(number, values, str(values.get("number") or ""),
                             checked=packed(checked))
        keys = _match_keys(planned)
        first = next((in_file[k] for k in keys if k in in_file), None)
        if first is not None:  # the same customer typed twice in this file
            for name, value in values.items():
                if value not in (None, "") and first.values.get(name) in (None, ""):
                    first.values[name] = value
            first.merged_rows.append(number)
            first.checked = None
            plan.merged_in_file += 1
            continue
        for key in keys:
            in_file[key] = planned
        planned.existing, planned.matched_by = existing.match(planned, keys)
        plan.planned.append(planned)
    plan.refused_rows = typed_rows(rows, plan.rejected)
    for planned in plan.planned:
        if planned.checked is not None and planned.existing is None:
            # Checked and new: writing it needs the checked values, and the fields naming
            # its region and salesperson in case the import adds them.
            planned.values = {name: value for name, value in planned.values.items()
                              if name in _KEPT_FOR_NEW}
    return plan


_KEPT_FOR_NEW = frozenset(("name", "region", "region_code", "salesperson",
                           "salesperson_code", "contact_name", "contact_birthday"))


def _add_birthdays(session: Session, new: list[tuple[PlannedRow, str | None]],
                   keys: list[str]) -> None:
    """The contact person of each new customer whose row gives a birthday, filed as its
    primary contact (the birthday greetings read contacts)."""
    from tierdesk.core.store.models import Contact, utcnow
    from tierdesk.core.store.raw import insert_many, new_keys

    given = [(key, planned.values) for (planned, _n), key in zip(new, keys, strict=True)
             if planned.values.get("contact_birthday")]
    if not given:
        return
    now = utcnow()
    rows = [(contact, key, str(values.get("contact_name") or values.get("name") or ""),
             values["contact_birthday"], True)
            for contact, (key, values) in zip(new_keys(len(given)), given, strict=True)]
    insert_many(session.connection(), Contact.__table__,
                ("id", "customer_id", "name", "birthday", "is_primary"), rows,
                same={"created_at": now, "updated_at": now, "position": "", "mobile": "",
                      "landline": "", "email": ""})


def _file_birthday(session: Session, customer: Customer, name: str,
                   birthday: dt.date) -> None:
    """An updated customer's contact of that name gets the birthday the file gives (the
    contact is added, as the primary one if it is the first)."""
    from tierdesk.core.store.models import Contact

    contacts = session.scalars(select(Contact).where(
        Contact.customer_id == customer.id, Contact.deleted_at.is_(None))).all()
    found = next((c for c in contacts if c.name == name), None)
    if found is None:
        session.add(Contact(customer_id=customer.id, name=name, birthday=birthday,
                            is_primary=not contacts))
    else:
        found.birthday = birthday
    session.flush()


def typed_rows(rows: list[list[object]], refused: list[RowProblem]) -> dict[int, list[object]]:
    """The refused rows as typed, by row number: a plan keeps these for the error workbook
    rather than the whole sheet."""
    return {problem.row: rows[problem.row - 1] for problem in refused}


def _problem_for(plan: ImportPlan, row: int, problem: Problem) -> RowProblem:
    field_name = {"region_id": "region", "salesperson_id": "salesperson"}.get(
        problem.field, problem.field)
    column = next((plan.headers[i] for i, f in plan.mapping.items() if f == field_name), "")
    if not column and field_name in ("mobile", "landline"):
        column = next((plan.headers[i] for i, f in plan.mapping.items() if f == "phone"), "")
    return RowProblem(plan.sheet, row, column, problem.message)


def _row_reader(plan: ImportPlan, date1904: bool = False) -> Callable[
        [list[object], int], tuple[dict[str, object], list[RowProblem]]]:
    """The function reading a row's cells into field values, naming each problem with the
    row and its column. Fields whose cells repeat down the sheet (region, salesperson,
    status, tier, dates ...) convert each distinct cell once."""
    columns = []
    for index, field_name in plan.mapping.items():
        convert = cell_reader(field_name, date1904)
        memo = CellMemo(convert) if field_name in _REPEATING else None
        header = plan.headers[index] if index < len(plan.headers) else ""
        columns.append((index, field_name, header, convert, memo))
    name_header = next((plan.headers[i] for i, f in plan.mapping.items() if f == "name"), "")
    sheet = plan.sheet

    def read(row: list[object], number: int) -> tuple[dict[str, object], list[RowProblem]]:
        values: dict[str, object] = {}
        problems: list[RowProblem] = []
        width = len(row)
        for index, field_name, header, convert, memo in columns:
            raw = row[index] if index < width else None
            try:
                value = BAD if memo is None else memo[raw]
                if value is BAD:              # not remembered, or wrong: says why
                    value = convert(raw)
            except ValidationError as exc:
                problems.extend(RowProblem(sheet, number, header, p.message)
                                for p in exc.problems)
                continue
            if field_name == "phone":      # either kind: a column of its own wins
                mobile, landline = cast(tuple[str, str], value)
                if mobile and not values.get("mobile"):
                    values["mobile"] = mobile
                if landline and not values.get("landline"):
                    values["landline"] = landline
            elif field_name in ("mobile", "landline") and not value:
                values.setdefault(field_name, value)   # an empty cell leaves the phone's
            else:
                values[field_name] = value
        if not values.get("name") and not problems:
            problems.append(_problem(sheet, number, name_header, QT_TRANSLATE_NOOP(
                "Import", "The customer name is empty.")))
        return values, problems

    return read


# Fields whose cells repeat down an archive's sheet: each distinct cell is converted once.
_REPEATING = frozenset(("region", "region_code", "salesperson", "salesperson_code", "status",
                        "tier", "industry", "potential", "customer_since"))


def cell_reader(field_name: str, date1904: bool) -> Callable[[object], object]:
    """How a cell of this field becomes its value, or ValidationError."""
    if field_name == "phone":
        return lambda raw: cell_any_phone(field_name, raw)
    if field_name == "mobile":
        return lambda raw: cell_mobile(field_name, raw)
    if field_name == "landline":
        return lambda raw: cell_landline(field_name, raw)
    if field_name == "customer_since":
        return lambda raw: cell_date(field_name, raw, date1904=date1904)
    if field_name == "contact_birthday":
        return lambda raw: check_date_range(field_name, cell_date(
            field_name, raw, date1904=date1904), not_after=dt.date.today())
    if field_name == "tier":
        return cell_tier
    if field_name == "status":
        return _status
    column = _KEPT_AS_GIVEN.get(field_name)
    if column is not None:
        return lambda raw: check_length(field_name, text_of(raw), column)
    return text_of


# Fields kept as the file gives them (the number, the regions and salespeople the import adds),
# with the column that says how long each may be; the rest are checked as the customer is.
_KEPT_AS_GIVEN = {"number": Customer.number, "region": Region.name, "region_code": Region.code,
                  "salesperson": Salesperson.name, "salesperson_code": Salesperson.code}


def _status(raw: object) -> str:
    text = normalise_query(text_of(raw))
    if text and text not in STATUS_WORDS:
        raise ValidationError([Problem("status", Message(CTX, QT_TRANSLATE_NOOP(
            "Import", "Unknown status \"{value}\"; use 潜在, 活跃, 休眠 or 流失."),
            {"value": text_of(raw)}))])
    return STATUS_WORDS.get(text, "")


def _places(values: dict[str, object], regions: _Lookup,
            people: _Lookup) -> tuple[uuid.UUID | None, uuid.UUID | None]:
    """The region and the salesperson a row names, as the office has them now."""
    def text(name: str) -> str:
        return str(values.get(name) or "")

    return (regions.find(text("region_code"), text("region")),
            people.find(text("salesperson_code"), text("salesperson")))


def _customer_input(values: dict[str, object], regions: _Lookup,
                    people: _Lookup) -> CustomerInput:
    def text(name: str) -> str:
        return str(values.get(name) or "")

    region_id, salesperson_id = _places(values, regions, people)
    return CustomerInput(
        name=text("name"), contact_name=text("contact_name"), mobile=text("mobile"),
        landline=text("landline"), email=text("email"), wechat=text("wechat"),
        address=text("address"), industry=text("industry"),
        region_id=region_id, salesperson_id=salesperson_id,
        status=text("status") or "prospect", tier=text("tier"),
        potential=values.get("potential") or None,  # type: ignore[arg-type]
        customer_since=values.get("customer_since"),  # type: ignore[arg-type]
        notes=text("notes"))


def _match_keys(planned: PlannedRow) -> list[str]:
    keys = []
    if planned.number:
        keys.append("#" + planned.number.upper())
    name = company_key(str(planned.values.get("name") or ""))
    for phone in (planned.values.get("mobile"), planned.values.get("landline")):
        digits = re.sub(r"\D", "", str(phone or ""))
        if name and digits:
            keys.append(f"{name}|{digits}")
    return keys


class _Lookup:
    """Regions or salespeople by code or name (case and width folded)."""

    def __init__(self, session: Session, model: type[Region] | type[Salesperson]) -> None:
        self.by_key: dict[str, uuid.UUID] = {}
        self.found: dict[tuple[str, str], uuid.UUID | None] = {}  # a sheet repeats them
        query = select(model.id, model.code, model.name).where(model.deleted_at.is_(None))
        for row_id, code, name in session.execute(query):
            self.by_key.setdefault(normalise_query(code), row_id)
            self.by_key.setdefault(normalise_query(name), row_id)

    def find(self, code: str, name: str = "") -> uuid.UUID | None:
        """By code first, then by name (either may be the only one given)."""
        try:
            return self.found[code, name]
        except KeyError:
            pass
        found = None
        for text in (code, name):
            found = self.by_key.get(normalise_query(text)) if text else None
            if found is not None:
                break
        self.found[code, name] = found
        return found


class _ExistingCustomers:
    def __init__(self, session: Session) -> None:
        self.by_number: dict[str, uuid.UUID] = {}
        self.by_name_phone: dict[str, uuid.UUID] = {}
        query = select(Customer.id, Customer.number, Customer.name, Customer.mobile,
                       Customer.landline).where(Customer.deleted_at.is_(None))
        for cid, number, name, mobile, landline in session.execute(query):
            self.by_number[number.upper()] = cid
            key = company_key(name)
            for phone in (mobile, landline):
                digits = re.sub(r"\D", "", phone or "")
                if key and digits:
                    self.by_name_phone.setdefault(f"{key}|{digits}", cid)

    def match(self, planned: PlannedRow, keys: list[str]) -> tuple[uuid.UUID | None, str]:
        """The archive's customer a row names, by number or else by name and phone
        (``keys``: the row's _match_keys)."""
        if planned.number and planned.number.upper() in self.by_number:
            return self.by_number[planned.number.upper()], "number"
        for key in keys:
            if key in self.by_name_phone:
                return self.by_name_phone[key], "name+phone"
        return None, ""


def apply_plan(session: Session, plan: ImportPlan, *, duplicates: str = "update",
               today: dt.date | None = None,
               progress: Callable[[int], None] | None = None) -> ImportResult:
    """Write the plan inside the caller's transaction (all or nothing). ``progress(rows)``
    is told every so many customers (it may raise to stop)."""
    if duplicates not in DUPLICATE_POLICIES:
        raise ValueError(f"duplicates must be one of {DUPLICATE_POLICIES}")
    regions = _add_missing(session, plan.region_specs, _add_region, Region)
    people = _add_missing(session, plan.salesperson_specs, _add_salesperson, Salesperson)
    updated = skipped = 0
    office = office_facts(session)
    new: list[tuple[PlannedRow, str | None]] = []
    for index, planned in enumerate(plan.planned):
        if progress is not None and index % PROGRESS_EVERY == 0:
            progress(updated)
        if planned.existing is not None and duplicates == "skip":
            skipped += 1
        elif planned.existing is not None and duplicates == "update":
            current = session.get(Customer, planned.existing)
            assert current is not None
            merged = _fill_from_existing(_customer_input(planned.values, regions, people),
                                         current)
            update_customer(session, planned.existing, merged, changed_by="import",
                            today=today)
            birthday = planned.values.get("contact_birthday")
            if isinstance(birthday, dt.date):
                _file_birthday(session, current, merged.contact_name or current.name, birthday)
            updated += 1
        else:
            number = planned.number if planned.number and planned.existing is None else None
            if planned.checked is None:  # rows merged since they were checked
                planned.checked = packed(validate(
                    session, _customer_input(planned.values, regions, people), today=today,
                    office=office))
            new.append((planned, number))
    keys = create_customers(
        session, _Unpacked(new, regions, people), today=today,
        progress=None if progress is None else lambda done: progress(updated + done))
    _add_birthdays(session, new, keys)
    return ImportResult(len(keys), updated, skipped, rows_refused(plan.rejected))


class _Unpacked(Sequence[tuple[dict[str, object], str | None]]):
    """New customers as create_customers takes them: each one's checked values made a dict
    only as it is read (150,000 dicts at once would take 150 MB more), with its region and
    salesperson as the office has them now: the import may just have added them."""

    def __init__(self, rows: list[tuple[PlannedRow, str | None]], regions: _Lookup,
                 people: _Lookup) -> None:
        self.rows, self.regions, self.people = rows, regions, people

    def __len__(self) -> int:
        return len(self.rows)

    @overload
    def __getitem__(self, index: int) -> tuple[dict[str, object], str | None]: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[tuple[dict[str, object], str | None]]: ...

    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        planned, number = self.rows[index]
        assert planned.checked is not None
        values = dict(zip(CHECKED_FIELDS, planned.checked, strict=True))
        values["region_id"], values["salesperson_id"] = _places(planned.values, self.regions,
                                                                self.people)
        return values, number


def packed(checked: dict[str, object]) -> tuple[object, ...]:
    """validate()'s values as a tuple in CHECKED_FIELDS order, as a plan holds them."""
    return tuple(checked[name] for name in CHECKED_FIELDS)


def _fill_from_existing(data: CustomerInput, current: Customer) -> CustomerInput:
    """An update changes what the file says and keeps what it leaves empty."""
    for name in ("contact_name", "mobile", "landline", "email", "wechat", "address", "industry",
                 "tier", "notes"):
        if not getattr(data, name):
            setattr(data, name, getattr(current, name))
    data.region_id = data.region_id or current.region_id
    data.salesperson_id = data.salesperson_id or current.salesperson_id
    data.potential = data.potential or current.potential
    data.customer_since = data.customer_since or current.customer_since
    if data.status == "prospect" and current.status != "prospect":
        data.status = current.status
    return data


def _add_missing(session: Session, specs: list[tuple[str, str]],
                 add: Callable[[Session, str, str], None],
                 model: type[Region] | type[Salesperson]) -> _Lookup:
    for code, name in specs:
        add(session, code, name)
    session.flush()
    return _Lookup(session, model)


def _free_code(session: Session, model: type[Region] | type[Salesperson], base: str) -> str:
    taken = set(session.scalars(select(model.code)))
    code, counter = base, 1
    while code in taken:
        counter += 1
        code = f"{base}{counter}"
    return code


def _ascii_code(text: str) -> str:
    plain = normalise_query(text).upper()
    return plain if plain and plain.isascii() and len(plain) <= 12 else ""


def _add_region(session: Session, code: str, name: str) -> None:
    base = _ascii_code(code) or _ascii_code(name) or pinyin_forms(name)[1].upper()[:8] or "R"
    save_region(session, _free_code(session, Region, base), name or code)


def _add_salesperson(session: Session, code: str, name: str) -> None:
    base = _ascii_code(code) or _ascii_code(name)
    if not base:
        count = len(session.scalars(select(Salesperson.id)).all())
        base = f"S{count + 1:03d}"
    save_salesperson(session, code=_free_code(session, Salesperson, base), name=name or code,
                     region_id=None)



class RefusedRows(Protocol):
    """What a plan of any sheet (customers, or visits, orders, payments: records.RecordPlan)
    keeps of the rows it refused."""

    sheet: str
    headers: list[str]
    refused_rows: dict[int, list[object]]
    rejected: list[RowProblem]


def write_refused_rows(plans: Sequence[RefusedRows], path: str,
                       translate: Callable[[str, str], str] | None = None) -> int:
    """The refused rows as they were typed, one sheet per source sheet, with a column
    saying why, to fix and import again. Returns the number of rows written."""
    from tierdesk.excel.writer import Table, write_tables

    tr = translate or (lambda _c, text: text)
    tables = []
    total = 0
    for plan in plans:
        reasons: dict[int, list[str]] = {}
        for problem in plan.rejected:
            where = f"{problem.column}: " if problem.column else ""
            reasons.setdefault(problem.row, []).append(where + problem.render(translate))
        if not reasons:
            continue
        headers = [tr(CTX, QT_TRANSLATE_NOOP("Import", "Row")), *plan.headers,
                   tr(CTX, QT_TRANSLATE_NOOP("Import", "Why it was refused"))]
        rows = [[number, *plan.refused_rows[number], "; ".join(why)]
                for number, why in sorted(reasons.items())]
        tables.append(Table(plan.sheet or "Rows", headers, rows, translate=translate))
        total += len(rows)
    write_tables(path, tables)
    return total
