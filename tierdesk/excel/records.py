"""Importing the history behind customers: visits, orders and payments, each row linked to
its customer by number (or, failing that, by a name that names one customer only).

Visits are filed on the customer's cards in date order at the office's card size; a row
already in the archive (same customer, date and content) is not filed twice.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from tierdesk.core.cards import VisitInput, add_past_visits, validate_visit
from tierdesk.core.errors import ValidationError
from tierdesk.core.i18n import QT_TRANSLATE_NOOP, Message
from tierdesk.core.models import Customer, Order, Payment, Visit
from tierdesk.core.orders import parse_amount
from tierdesk.core.search_key import normalise_query
from tierdesk.core.validation import clean_text
from tierdesk.excel.columns import CUSTOMER_FIELDS, header_key
from tierdesk.excel.importer import RowProblem, company_key
from tierdesk.excel.reader import Sheet, find_header_row
from tierdesk.excel.values import cell_date, text_of

CTX = "Import"
LINK_FIELDS: dict[str, tuple[str, ...]] = {
    "customer_number": CUSTOMER_FIELDS["number"],
    "customer_name": CUSTOMER_FIELDS["name"],
}
_DATE = ("日期", "date")
RECORD_FIELDS: dict[str, dict[str, tuple[str, ...]]] = {
    "visits": LINK_FIELDS | {
        "visit_date": ("拜访日期", "联系日期", "走访日期", "visitdate", *_DATE),
        "channel": ("方式", "拜访方式", "沟通方式", "联系途径", "channel"),
        "purpose": ("目的", "拜访目的", "事由", "purpose"),
        "summary": ("洽谈内容", "沟通内容", "拜访内容", "内容", "whatwasdiscussed", "summary"),
        "outcome": ("结果", "拜访结果", "outcome", "result"),
        "next_step": ("下一步", "下一步计划", "后续计划", "nextstep"),
        "next_visit_on": ("下次拜访", "下次拜访日期", "nextvisit", "nextvisitdate"),
    },
    "orders": LINK_FIELDS | {
        "order_date": ("订单日期", "下单日期", "销售日期", "orderdate", "invoicedate", *_DATE),
        "reference": ("订单号", "单号", "订单编号", "orderreference", "reference", "invoice",
                      "invoiceno", "orderno"),
        "product": ("产品", "品名", "商品", "产品名称", "品类", "product", "category",
                    "description"),
        "amount": ("金额", "订单金额", "销售额", "销售金额", "amount", "total", "sales"),
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
SPECIFIC = {  # columns that tell one kind of sheet from another
    "visits": ("channel", "purpose", "summary", "outcome", "next_step", "next_visit_on"),
    "orders": ("reference", "product", "profit", "via_outlet"),
    "payments": ("method",),
}
NAME_HINTS = {"visits": ("拜访", "visit"), "orders": ("订单", "销售", "order"),
              "payments": ("回款", "付款", "收款", "payment")}
CHANNEL_WORDS = {
    "visit": "visit", "上门拜访": "visit", "拜访": "visit", "上门": "visit", "走访": "visit",
    "面谈": "visit", "phone": "phone", "电话": "phone", "来电": "phone", "去电": "phone",
    "email": "email", "e-mail": "email", "电子邮件": "email", "邮件": "email", "sms": "sms",
    "短信": "sms", "wechat": "wechat", "微信": "wechat",
}
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
        if not linked or not all(r in mapped for r in REQUIRED[kind]):
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
    rows: list[list[object]]
    accepted: dict[uuid.UUID, list[dict[str, object]]] = field(default_factory=dict)
    rejected: list[RowProblem] = field(default_factory=list)
    already_there: int = 0

    def counts(self) -> dict[str, int]:
        return {"new": sum(len(v) for v in self.accepted.values()),
                "already_there": self.already_there, "rejected": len(self.rejected)}


class CustomerLinks:
    """Customers by number, and by name where the name names one customer only."""

    def __init__(self, session: Session) -> None:
        self.by_number: dict[str, uuid.UUID] = {}
        self.by_name: dict[str, uuid.UUID | None] = {}
        query = select(Customer.id, Customer.number, Customer.name).where(
            Customer.deleted_at.is_(None))
        for cid, number, name in session.execute(query):
            self.by_number[number.upper()] = cid
            key = company_key(name)
            self.by_name[key] = None if key in self.by_name else cid

    def find(self, number: str, name: str) -> tuple[uuid.UUID | None, str, str]:
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


def plan_records(session: Session, sheet: Sheet, kind: str, *, header_row: int | None = None,
                 mapping: dict[int, str] | None = None, links: CustomerLinks | None = None,
                 today: dt.date | None = None) -> RecordPlan:
    today = today or dt.date.today()
    rows = sheet.rows
    if header_row is None:
        header_row = sheet_kind(sheet)[1]
    headers = [text_of(v) for v in (rows[header_row] if rows else [])]
    mapping = map_columns(kind, headers) if mapping is None else mapping
    plan = RecordPlan(kind, sheet.name, header_row, headers, mapping, rows)
    links = links or CustomerLinks(session)
    already = _existing_keys(session, kind)
    column = {f: headers[i] for i, f in mapping.items()}
    for index in range(header_row + 1, len(rows)):
        row = rows[index]
        if all(v in (None, "") for v in row):
            continue
        number = index + 1
        raw = {f: (row[i] if i < len(row) else None) for i, f in mapping.items()}
        customer, failed, why = links.find(text_of(raw.get("customer_number")),
                                           text_of(raw.get("customer_name")))
        if customer is None:
            value = text_of(raw.get(failed)) if failed in raw else ""
            plan.rejected.append(RowProblem(sheet.name, number, column.get(failed, ""),
                                            Message(CTX, why, {"value": value})))
            continue
        try:
            values = _values(kind, raw, today)
        except ValidationError as exc:
            plan.rejected.extend(RowProblem(sheet.name, number, column.get(p.field, ""),
                                            p.message) for p in exc.problems)
            continue
        if _key(kind, customer, values) in already:  # imported before: not filed twice
            plan.already_there += 1
            continue
        plan.accepted.setdefault(customer, []).append(values)
    return plan


def _values(kind: str, raw: dict[str, object], today: dt.date) -> dict[str, object]:
    if kind == "visits":
        channel = normalise_query(text_of(raw.get("channel"))) or "visit"
        data = VisitInput(
            visit_date=cell_date("visit_date", raw.get("visit_date")),
            channel=CHANNEL_WORDS.get(channel, channel), purpose=text_of(raw.get("purpose")),
            summary=text_of(raw.get("summary")), outcome=text_of(raw.get("outcome")),
            next_step=text_of(raw.get("next_step")),
            next_visit_on=cell_date("next_visit_on", raw.get("next_visit_on")))
        return validate_visit(data, today=today)
    amount_field = "amount"
    date_field = "order_date" if kind == "orders" else "paid_on"
    when = cell_date(date_field, raw.get(date_field))
    if when is None:
        from tierdesk.core.validation import fail

        raise fail(date_field, QT_TRANSLATE_NOOP("Validation", "This field is required."))
    values: dict[str, object] = {date_field: when,
                                 "amount_cents": _cents(amount_field, raw.get(amount_field))}
    if kind == "orders":
        profit = raw.get("profit")
        values["profit_cents"] = 0 if profit in (None, "") else _cents("profit", profit)
        values["product"] = text_of(raw.get("product"))
        values["reference"] = text_of(raw.get("reference"))
        values["via_outlet"] = normalise_query(text_of(raw.get("via_outlet"))) in YES_WORDS
    else:
        values["method"] = text_of(raw.get("method"))
    return values


def _cents(name: str, value: object) -> int:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return round(value * 100)
    return parse_amount(name, value)


def _key(kind: str, customer: uuid.UUID, values: dict[str, object]) -> tuple[object, ...]:
    if kind == "visits":
        return (customer, values["visit_date"], values["channel"], values["purpose"],
                re.sub(r"\s+", " ", str(values["summary"])))
    if kind == "orders":
        return (customer, values["order_date"], values["reference"], values["amount_cents"])
    return (customer, values["paid_on"], values["amount_cents"], values["method"])


def _existing_keys(session: Session, kind: str) -> set[tuple[object, ...]]:
    if kind == "visits":
        query = select(Visit.customer_id, Visit.visit_date, Visit.channel, Visit.purpose,
                       Visit.summary).where(Visit.deleted_at.is_(None))
        return {(c, d, ch, p, re.sub(r"\s+", " ", s or "")) for c, d, ch, p, s
                in session.execute(query)}
    if kind == "orders":
        return set(session.execute(select(Order.customer_id, Order.order_date, Order.reference,
                                          Order.amount_cents).where(Order.deleted_at.is_(None))))
    return set(session.execute(select(Payment.customer_id, Payment.paid_on,
                                      Payment.amount_cents, Payment.method)
                               .where(Payment.deleted_at.is_(None))))


def apply_records(session: Session, plan: RecordPlan) -> int:
    """Write the accepted rows inside the caller's transaction; returns how many."""
    written = 0
    for customer_id, rows in plan.accepted.items():
        if plan.kind == "visits":
            written += add_past_visits(session, customer_id, rows)
            continue
        customer = session.get(Customer, customer_id)
        assert customer is not None
        model = Order if plan.kind == "orders" else Payment
        extra = {"salesperson_id": customer.salesperson_id} if plan.kind == "orders" else {}
        # History leaves the customer's status alone: the customer sheet says what it is.
        session.add_all(model(customer_id=customer_id, **extra, **values) for values in rows)
        written += len(rows)
    session.flush()
    return written
