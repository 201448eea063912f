"""Importing the history behind customers: visits, orders and payments, each row linked to
its customer by number (or, failing that, by a name that names one customer only).

Visits are filed on the customer's cards in date order at the office's card size; a row
already in the archive (same customer, date and content) is not filed twice.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from tierdesk.core.customers.cards import (
    PAST_VISIT_FIELDS,
    VISIT_TEXTS,
    VisitInput,
    file_past_visits,
    validate_visit,
)
from tierdesk.core.customers.orders import parse_amount
from tierdesk.core.customers.search_key import normalise_query
from tierdesk.core.errors import ValidationError
from tierdesk.core.i18n import QT_TRANSLATE_NOOP, Message
from tierdesk.core.service import followups
from tierdesk.core.store.models import (
    CUSTOMER_PASS,
    VISIT_CHANNELS,
    Customer,
    Order,
    Payment,
    Visit,
    utcnow,
)
from tierdesk.core.store.raw import (
    fetch_tuples,
    hex_ids,
    insert_many,
    key_in,
    new_keys,
    raw,
)
from tierdesk.core.text_limits import check_length
from tierdesk.core.validation import clean_block, clean_text, fail
from tierdesk.excel import importer
from tierdesk.excel.columns import CUSTOMER_FIELDS, header_key
from tierdesk.excel.importer import RowProblem, company_key, typed_rows
from tierdesk.excel.reader import Sheet, find_header_row
from tierdesk.excel.values import BAD, CellMemo, cell_date, text_of

CTX = "Import"
LINK_FIELDS: dict[str, tuple[str, ...]] = {
    "customer_number": CUSTOMER_FIELDS["number"],
    "customer_name": CUSTOMER_FIELDS["name"],
}
_DATE = ("日期", "date")
RECORD_FIELDS: dict[str, dict[str, tuple[str, ...]]] = {
    "visits": LINK_FIELDS | {
        "visit_date": ("拜访日期", "联系日期", "走访日期", "拜访时间", "跟进日期", "跟进时间",
                       "回访日期", "回访时间", "沟通日期", "沟通时间", "visitdate", *_DATE),
        "channel": ("方式", "拜访方式", "沟通方式", "联系途径", "联系方式", "跟进方式",
                    "回访方式", "拜访形式", "联系方法", "channel"),
        "purpose": ("目的", "拜访目的", "事由", "拜访事由", "沟通主题", "主题", "purpose"),
        "summary": ("洽谈内容", "沟通内容", "拜访内容", "内容", "跟进内容", "回访内容",
                    "交流内容", "沟通记录", "拜访记录", "谈话内容", "whatwasdiscussed",
                    "summary"),
        "outcome": ("结果", "拜访结果", "沟通结果", "跟进结果", "回访结果", "outcome",
                    "result"),
        "next_step": ("下一步", "下一步计划", "后续计划", "下步计划", "后续跟进", "nextstep"),
        "next_visit_on": ("下次拜访", "下次拜访日期", "下次拜访时间", "下次跟进日期",
                          "下次跟进时间", "下次回访日期", "下次联系时间", "nextvisit",
                          "nextvisitdate"),
    },
    "orders": LINK_FIELDS | {
        "order_date": ("订单日期", "下单日期", "销售日期", "orderdate", "invoicedate", *_DATE),
        "reference": ("订单号", "单号", "订单编号", "orderreference", "reference", "invoice",
                      "invoiceno", "orderno"),
        "product": ("产品", "品名", "商品", "产品名称", "品类", "product", "category",
                    "description"),
        "amount": ("金额", "订单金额", "销售额", "销售金额", "amount", "total", "sales"),
        # Invoice lines: the amount is quantity times unit price.
        "quantity": ("数量", "销售数量", "quantity", "qty"),
        "unit_price": ("单价", "销售单价", "unitprice", "price"),
        "profit": ("利润", "毛利", "profit", "margin"),
        "via_outlet": ("经销渠道", "二级网点", "经销商", "viaoutlet"),
    },
    "payments": LINK_FIELDS | {
        "paid_on": ("回款日期", "付款日期", "到账日期", "收款日期", "paymentdate", "paidon",
                    *_DATE),
        "amount": ("回款金额", "付款金额", "收款金额", "金额", "amount"),
        "method": ("回款方式", "付款方式", "收款方式", "paymentmethod", "method"),
    },
}
REQUIRED = {"visits": ("visit_date",), "orders": ("order_date", "amount"),
            "payments": ("paid_on", "amount")}
# Fields that stand in for a required one: an invoice line has quantity and unit price.
INSTEAD = {("orders", "amount"): ("quantity", "unit_price")}


def has_required(kind: str, mapped: set[str]) -> bool:
    return all(r in mapped or set(INSTEAD.get((kind, r), ("-",))) <= mapped
               for r in REQUIRED[kind])
SPECIFIC = {  # columns that tell one kind of sheet from another
    "visits": ("channel", "purpose", "summary", "outcome", "next_step", "next_visit_on"),
    "orders": ("reference", "product", "profit", "via_outlet", "quantity", "unit_price"),
    "payments": ("method",),
}
NAME_HINTS = {"visits": ("拜访", "visit"), "orders": ("订单", "销售", "order"),
              "payments": ("回款", "付款", "收款", "payment")}
# What people write for how a contact was made, as visit records and their templates word it
# (客户拜访记录表: 拜访方式 / 联系方式). A word whose meaning is not clear (其他, QQ) refuses
# its row with the reason.
CHANNEL_WORDS = {
    **dict.fromkeys(("visit", "上门拜访", "拜访", "上门", "走访", "面谈", "面访", "当面",
                     "当面拜访", "现场", "现场拜访", "实地拜访", "登门拜访", "上门走访",
                     "见面", "约见", "拜访客户", "上门服务", "visit", "onsite", "meeting",
                     "visited"), "visit"),
    **dict.fromkeys(("phone", "电话", "电话回访", "电话拜访", "电话沟通", "电话联系", "来电",
                     "去电", "致电", "回访电话", "电访", "打电话", "电联", "电话跟进",
                     "call", "phonecall", "telephone", "tel"), "phone"),
    **dict.fromkeys(("email", "e-mail", "电子邮件", "邮件", "邮件沟通", "发邮件", "邮件联系",
                     "邮箱", "mail"), "email"),
    **dict.fromkeys(("sms", "短信", "短信回访", "短信联系", "发短信", "短消息", "text"),
                    "sms"),
    **dict.fromkeys(("wechat", "微信", "微信沟通", "微信联系", "微信回访", "微信跟进",
                     "企业微信", "微信语音", "微信视频"), "wechat"),
    **dict.fromkeys(("letter", "信函", "信件", "书信", "寄信", "函件", "来函", "去函",
                     "邮寄"), "letter"),
}
UNKNOWN_CHANNEL = QT_TRANSLATE_NOOP(
    "Import", "Unknown way of contact \"{value}\"; write 上门拜访, 电话, 微信, 邮件, 短信 or "
    "信函.")


def visit_channel(value: object) -> str:
    """The channel a cell names (empty: an on-site visit), or ValidationError saying which
    words are understood."""
    word = normalise_query(text_of(value)) or "visit"
    channel = CHANNEL_WORDS.get(word, word)
    if channel not in VISIT_CHANNELS:
        raise fail("channel", UNKNOWN_CHANNEL, value=text_of(value))
    return channel


YES_WORDS = {"yes", "y", "true", "1", "是", "√", "✓"}


def map_columns(kind: str, headers: Sequence[object]) -> dict[int, str]:
    lookup = {header_key(a): f for f, aliases in RECORD_FIELDS[kind].items() for a in aliases}
    mapping: dict[int, str] = {}
    for index, header in enumerate(headers):
        name = lookup.get(header_key(header))
        if name and name not in mapping.values():
            mapping[index] = name
    return mapping


def sheet_kind(sheet: Sheet) -> tuple[str, int]:
    """("customers" | "visits" | "orders" | "payments", header row) of a sheet."""
    from tierdesk.excel.columns import KNOWN_HEADERS

    known = KNOWN_HEADERS | {header_key(a) for fields in RECORD_FIELDS.values()
                             for aliases in fields.values() for a in aliases}
    header_row = find_header_row(sheet.rows, known)
    headers = sheet.rows[header_row] if sheet.rows else []
    best, best_score = "customers", 0
    title = normalise_query(sheet.name)
    for kind in RECORD_FIELDS:
        mapped = set(map_columns(kind, headers).values())
        linked = {"customer_number", "customer_name"} & mapped
        if not linked or not has_required(kind, mapped):
            continue
        score = 2 * len(mapped & set(SPECIFIC[kind])) + any(h in title for h in NAME_HINTS[kind])
        if score > best_score:
            best, best_score = kind, score
    return best, header_row


@dataclass
class RecordPlan:
    kind: str
    sheet: str
    header_row: int
    headers: list[str]
    mapping: dict[int, str]
    refused_rows: dict[int, list[object]] = field(default_factory=dict)  # as typed, by number
    # customer id (hex) -> rows, as tuples in the order of FIELDS_OF[kind]
    accepted: dict[str, list[tuple[Any, ...]]] = field(default_factory=dict)
    rejected: list[RowProblem] = field(default_factory=list)
    already_there: int = 0

    def counts(self) -> dict[str, int]:
        return {"new": sum(len(v) for v in self.accepted.values()),
                "already_there": self.already_there,
                "rejected": importer.rows_refused(self.rejected)}


class CustomerLinks:
    """Customers (ids as hex) by number, and by name where the name names one customer."""

    def __init__(self, session: Session) -> None:
        self.by_number: dict[str, str] = {}
        self.by_name: dict[str, str | None] = {}
        connection = session.connection()
        rows = fetch_tuples(connection, select(raw(Customer.id), Customer.number, Customer.name)
                            .where(Customer.deleted_at.is_(None)), index=CUSTOMER_PASS)
        for key, (_cid, number, name) in zip(hex_ids(connection, [r[0] for r in rows]), rows,
                                             strict=True):
            self.by_number[number.upper()] = key
            name_key = company_key(name)
            self.by_name[name_key] = None if name_key in self.by_name else key

    def find(self, number: str, name: str) -> tuple[str | None, str, str]:
        """(customer, field that failed, why) for a row's customer number and name."""
        if number:
            found = self.by_number.get(clean_text(number).upper())
            if found is not None:
                return found, "", ""
            if not name:
                return None, "customer_number", QT_TRANSLATE_NOOP(
                    "Import", "There is no customer numbered {value}.")
        if name:
            key = company_key(name)
            if key in self.by_name:
                found = self.by_name[key]
                if found is None:
                    return None, "customer_name", QT_TRANSLATE_NOOP(
                        "Import", "Several customers are called {value}; give the number.")
                return found, "", ""
            return None, "customer_name", QT_TRANSLATE_NOOP(
                "Import", "There is no customer called {value}.")
        return None, "customer_number", QT_TRANSLATE_NOOP(
            "Import", "The row names no customer (number or name).")


ORDER_FIELDS = ("order_date", "amount_cents", "profit_cents", "product", "reference",
                "via_outlet")
PAYMENT_FIELDS = ("paid_on", "amount_cents", "method")
FIELDS_OF = {"visits": PAST_VISIT_FIELDS, "orders": ORDER_FIELDS, "payments": PAYMENT_FIELDS}


def plan_records(session: Session, sheet: Sheet, kind: str, *, header_row: int | None = None,
                 mapping: dict[int, str] | None = None, links: CustomerLinks | None = None,
                 today: dt.date | None = None,
                 progress: Callable[[int], None] | None = None) -> RecordPlan:
    """What importing a sheet of history would file; nothing is written. ``progress(rows)``
    is told every so many rows (it may raise to stop)."""
    today = today or dt.date.today()
    rows = sheet.rows
    if header_row is None:
        header_row = sheet_kind(sheet)[1]
    headers = [text_of(v) for v in (rows[header_row] if rows else [])]
    mapping = map_columns(kind, headers) if mapping is None else mapping
    plan = RecordPlan(kind, sheet.name, header_row, headers, mapping)
    links = links or CustomerLinks(session)
    already = _existing_keys(session, kind)
    column = {f: headers[i] for i, f in mapping.items()}
    read = history_reader(kind, today, sheet.date1904)
    quick = _quick_visit(mapping, today, sheet.date1904) if kind == "visits" else None
    accepted = plan.accepted
    texts: dict[str, str] = {}  # one string object per distinct text: 1M rows repeat a few
    fields = list(mapping.items())
    number_at = next((i for i, f in fields if f == "customer_number"), None)
    name_at = next((i for i, f in fields if f == "customer_name"), None)
    linked: dict[tuple[object, object], tuple[str | None, str, str]] = {}
    every = importer.PROGRESS_EVERY
    for index in range(header_row + 1, len(rows)):
        row = rows[index]
        if progress is not None and index % every == 0:
            progress(index - header_row)
        if all(v in (None, "") for v in row):
            continue
        width = len(row)
        cells = (row[number_at] if number_at is not None and number_at < width else None,
                 row[name_at] if name_at is not None and name_at < width else None)
        link = linked.get(cells)
        if link is None:
            link = linked[cells] = links.find(text_of(cells[0]), text_of(cells[1]))
        customer, failed, why = link
        if customer is None:
            value = next((text_of(row[i]) for i, f in fields if f == failed and i < width), "")
            plan.rejected.append(RowProblem(sheet.name, index + 1, column.get(failed, ""),
                                            Message(CTX, why, {"value": value})))
            continue
        values = quick(row) if quick is not None else None
        if values is None:  # the careful way, which names every problem
            try:
                values = read({f: (row[i] if i < width else None) for i, f in fields})
            except ValidationError as exc:
                plan.rejected.extend(RowProblem(sheet.name, index + 1, column.get(p.field, ""),
                                                p.message) for p in exc.problems)
                continue
            values = tuple(texts.setdefault(v, v) if isinstance(v, str) else v
                           for v in values)
        if already and _key(kind, customer, values) in already:  # not filed twice
            plan.already_there += 1
            continue
        found = accepted.get(customer)
        if found is None:
            accepted[customer] = [values]
        else:
            found.append(values)
    plan.refused_rows = typed_rows(rows, plan.rejected)
    return plan


def history_reader(kind: str, today: dt.date, date1904: bool = False) -> Any:
    """The function that turns a row's cells (field -> cell) into the tuple filed."""
    def day(field_name: str, value: object) -> dt.date | None:
        return cell_date(field_name, value, date1904=date1904)

    if kind == "visits":
        def visit(raw: dict[str, object]) -> tuple[Any, ...]:
            values = validate_visit(VisitInput(
                visit_date=day("visit_date", raw.get("visit_date")),
                channel=visit_channel(raw.get("channel")),
                purpose=text_of(raw.get("purpose")), summary=text_of(raw.get("summary")),
                outcome=text_of(raw.get("outcome")), next_step=text_of(raw.get("next_step")),
                next_visit_on=day("next_visit_on", raw.get("next_visit_on"))),
                today=today)
            return tuple(values[f] for f in PAST_VISIT_FIELDS)
        return visit
    date_field = "order_date" if kind == "orders" else "paid_on"

    def money(raw: dict[str, object]) -> tuple[Any, ...]:
        when = day(date_field, raw.get(date_field))
        if when is None:
            raise fail(date_field, QT_TRANSLATE_NOOP("Validation", "This field is required."))
        if kind == "payments":
            return (when, _cents("amount", raw.get("amount")),
                    _text(raw, "method", Payment.method))
        profit = raw.get("profit")
        return (when, _amount(raw), 0 if profit in (None, "") else _cents("profit", profit),
                _text(raw, "product", Order.product), _text(raw, "reference", Order.reference),
                normalise_query(text_of(raw.get("via_outlet"))) in YES_WORDS)
    return money


def _text(raw: dict[str, object], field_name: str, column: Any) -> str:
    """A cell of text as it is filed, refused when longer than ``column`` takes."""
    return check_length(field_name, text_of(raw.get(field_name)), column)


def _quick_visit(mapping: dict[int, str], today: dt.date, date1904: bool = False) -> Callable[
        [list[object]], tuple[Any, ...] | None]:
    """The visit a row holds, checked as validate_visit checks it but with each distinct
    cell converted once (an archive of a million visits repeats its dates, channels and
    phrases); None when anything is wrong, for the careful way to explain."""
    def text(field_name: str) -> Callable[[object], str]:
        return lambda value: check_length(field_name, clean_text(text_of(value)),
                                          VISIT_TEXTS[field_name])

    convert = {"visit_date": lambda v: cell_date("visit_date", v, date1904=date1904),
               "next_visit_on": lambda v: cell_date("next_visit_on", v, date1904=date1904),
               "channel": visit_channel, "purpose": text("purpose"),
               "outcome": text("outcome"), "next_step": text("next_step"),
               "summary": lambda v: check_length("summary", clean_block(text_of(v)),
                                                 VISIT_TEXTS["summary"])}
    at = {f: i for i, f in mapping.items()}
    columns = [(at.get(f), CellMemo(convert[f])) for f in PAST_VISIT_FIELDS]
    empty = tuple(memo[None] for _i, memo in columns)

    def quick(row: list[object]) -> tuple[Any, ...] | None:
        width = len(row)
        values = tuple(memo[row[i]] if i is not None and i < width else blank
                       for (i, memo), blank in zip(columns, empty, strict=True))
        if BAD in values:
            return None
        when, _channel, purpose, summary, _outcome, _next_step, following = values
        if when is None or when > today or when.year < 1900 or not (purpose or summary) or (
                following is not None and following < when):
            return None
        return values

    return quick


def _amount(raw: dict[str, object]) -> int:
    """An order's amount: its own column, or an invoice line's quantity times unit price
    (a negative quantity is a return and lowers the customer's sales)."""
    if "amount" in raw or "quantity" not in raw:
        return _cents("amount", raw.get("amount"))
    quantity = _number("quantity", raw.get("quantity"))
    price = _number("unit_price", raw.get("unit_price"))
    return round(quantity * price * 100)


def _number(name: str, value: object) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    return parse_amount(name, value) / 100


def _cents(name: str, value: object) -> int:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return round(value * 100)
    return parse_amount(name, value)


def _key(kind: str, customer: str, values: tuple[Any, ...]) -> tuple[object, ...]:
    if kind == "visits":  # date, channel, purpose, summary
        return (customer, values[0], values[1], values[2], re.sub(r"\s+", " ", values[3]))
    if kind == "orders":  # date, reference, amount
        return (customer, values[0], values[4], values[1])
    return (customer, *values)  # date, amount, method


def _existing_keys(session: Session, kind: str) -> set[tuple[object, ...]]:
    if kind == "visits":
        query: Any = select(Visit.customer_id, Visit.visit_date, Visit.channel, Visit.purpose,
                            Visit.summary).where(Visit.deleted_at.is_(None))
        return {(c.hex, d, ch, p, re.sub(r"\s+", " ", s or "")) for c, d, ch, p, s
                in session.execute(query)}
    if kind == "orders":
        query = select(Order.customer_id, Order.order_date, Order.reference,
                       Order.amount_cents).where(Order.deleted_at.is_(None))
    else:
        query = select(Payment.customer_id, Payment.paid_on, Payment.amount_cents,
                       Payment.method).where(Payment.deleted_at.is_(None))
    return {(c.hex, *rest) for c, *rest in session.execute(query)}


def apply_records(session: Session, plan: RecordPlan,
                  progress: Callable[[int], None] | None = None, *,
                  today: dt.date | None = None) -> int:
    """Write the accepted rows inside the caller's transaction; returns how many. (An import
    of a whole archive builds the tables' indexes after its last sheet: see workbook_import.)"""
    session.flush()
    if plan.kind == "visits":
        return file_past_visits(session, plan.accepted, progress)
    # History leaves the customer's status alone: the customer sheet says what it is.
    connection = session.connection()
    now = utcnow()
    made = {"created_at": now, "updated_at": now}
    rows: list[tuple[Any, ...]] = []
    columns: tuple[str, ...]
    if plan.kind == "orders":
        owners = dict(zip(*_salespeople(connection, list(plan.accepted)), strict=True))
        for customer, entries in plan.accepted.items():
            person = owners.get(customer)
            rows.extend((key, customer, person, *values)
                        for key, values in zip(new_keys(len(entries)), entries, strict=True))
        columns = ("id", "customer_id", "salesperson_id", *ORDER_FIELDS)
        insert_many(connection, Order.__table__, columns, rows, same=made)
        _plan_callbacks(session, rows, today or dt.date.today())
    else:
        for customer, entries in plan.accepted.items():
            rows.extend((key, customer, *values)
                        for key, values in zip(new_keys(len(entries)), entries, strict=True))
        columns = ("id", "customer_id", *PAYMENT_FIELDS)
        insert_many(connection, Payment.__table__, columns, rows, same=made)
    session.expire_all()
    return len(rows)


def _plan_callbacks(session: Session, rows: list[tuple[Any, ...]], today: dt.date) -> None:
    """The follow-ups of the imported sales recent enough to still have one open."""
    rules = followups.load_rules(session)
    oldest = today - dt.timedelta(days=366 + rules.stale_days)
    # Each row: id, customer, salesperson, then ORDER_FIELDS.
    at = 3 + ORDER_FIELDS.index("order_date")
    outlet = 3 + ORDER_FIELDS.index("via_outlet")
    tasks = [task for row in rows if row[at] >= oldest
             for task in followups.sale_tasks(
                 rules, uuid.UUID(hex=row[1]), None if row[2] is None else uuid.UUID(hex=row[2]),
                 uuid.UUID(hex=row[0]), row[at], bool(row[outlet]))]
    followups.plan(session, tasks, today, rules)


def _salespeople(connection: Any, keys: list[str]) -> tuple[list[str], list[str | None]]:
    """The salesperson of each customer that has one: (customers, salespeople), as hex."""
    found: tuple[list[str], list[str | None]] = ([], [])
    for start in range(0, len(keys), 500):
        rows = fetch_tuples(connection, select(raw(Customer.id), raw(Customer.salesperson_id))
                            .where(key_in(connection, Customer.id, keys[start:start + 500]),
                                   Customer.salesperson_id.isnot(None)))
        found[0].extend(hex_ids(connection, [r[0] for r in rows]))
        found[1].extend(hex_ids(connection, [r[1] for r in rows]))
    return found
