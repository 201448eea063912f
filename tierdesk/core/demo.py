"""A realistic demo office: regions, salespeople, customers with Chinese names, two years of
orders and payments, visit cards, contacts and a few complaints.

It is what a newcomer sees first, and what the benchmarks run on, so it is an office that
works its lists: over the months the norms read, most customers got the contacts their tier's
norm asks for, and most callbacks that fell due were made (a call on the card and a line in the
call register); a share of each was missed, and those are what Today and the alerts show.
Rows are written in bulk (one transaction for the whole office) and the customer numbers follow
the office's rule.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, cast

from sqlalchemy import (
    JSON,
    Boolean,
    Connection,
    Date,
    DateTime,
    Table,
    Uuid,
    bindparam,
    func,
    insert,
    select,
)

from tierdesk.core.customers.search_key import build_search_keys, pinyin_forms
from tierdesk.core.office.holidays import load_known_official_holidays
from tierdesk.core.office.numbering import format_number, reserve_sequence
from tierdesk.core.office.settings import load_settings, save_settings
from tierdesk.core.service import followups
from tierdesk.core.store import journal
from tierdesk.core.store.db import Database
from tierdesk.core.store.ids import new_id
from tierdesk.core.store.models import (
    Complaint,
    Contact,
    Customer,
    FollowUp,
    FollowUpLog,
    Order,
    Payment,
    Region,
    Salesperson,
    Survey,
    TierAssessment,
    Visit,
    VisitCard,
    utcnow,
)
from tierdesk.core.tiers.norms import period_end, period_start
from tierdesk.core.tiers.rules import ContactNorm
from tierdesk.core.tiers.rules import load_rules as load_tier_rules

Contact_ = tuple[dt.date, str, str, "uuid.UUID | None"]
"""One contact on a card: its date, channel, purpose and (for a callback) its id."""

Progress = Callable[[int, int, str], bool]
"""Called with (done, total, what); returning False cancels (the transaction rolls back)."""

REGIONS = (
    ("HD", "华东", ("上海", "杭州", "南京", "苏州", "宁波", "无锡"),
     ("021", "0571", "025", "0512")),
    ("HB", "华北", ("北京", "天津", "石家庄", "太原", "保定"), ("010", "022", "0311", "0351")),
    ("HN", "华南", ("广州", "深圳", "东莞", "佛山", "厦门"), ("020", "0755", "0769", "0592")),
    ("HZ", "华中", ("武汉", "长沙", "郑州", "南昌", "宜昌"), ("027", "0731", "0371", "0791")),
    ("XN", "西南", ("成都", "重庆", "昆明", "贵阳", "绵阳"), ("028", "023", "0871", "0851")),
    ("XB", "西北", ("西安", "兰州", "银川", "西宁", "宝鸡"), ("029", "0931", "0951", "0971")),
    ("DB", "东北", ("沈阳", "大连", "长春", "哈尔滨", "吉林"), ("024", "0411", "0431", "0451")),
)
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁"
    "潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦"
    "邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
GIVEN = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红建华玉兰海"
    "燕文斌晓东春梅宏伟丹丹晓峰国庆雪梅俊杰子涵浩然欣怡"
)
TRADE_WORDS = ("恒泰", "宏达", "鑫源", "华盛", "永信", "金诚", "瑞丰", "天成", "嘉禾",
               "盛世", "东方", "新锐", "博远", "中联", "汇通", "富民", "康健", "长青",
               "德润", "远航", "同创", "佳美", "明辉", "正大", "光华", "兴业", "万家",
               "利达", "安顺", "联发")
INDUSTRIES = (("机电设备", "机电"), ("五金", "五金"), ("建材", "建材"), ("食品", "食品"),
              ("化工", "化工"), ("电子科技", "电子"), ("汽车配件", "汽配"), ("办公用品", "办公"),
              ("医疗器械", "医疗"), ("农资", "农业"), ("纺织", "纺织"), ("包装材料", "包装"))
SUFFIXES = ("有限公司", "有限责任公司", "贸易有限公司", "商行", "经营部", "股份有限公司")
PRODUCTS = ("标准件A型", "标准件B型", "配套耗材", "维保服务", "整机设备", "备品备件", "定制方案")
PURPOSES = ("例行拜访", "新品介绍", "回款跟进", "需求调研", "售后回访", "合同续签", "节日问候",
            "投诉处理", "报价沟通")
SUMMARIES = ("客户对近期供货满意，计划下月追加订单。", "采购负责人更换，需重新建立关系。",
             "客户关注价格，希望年度框架协议给予优惠。", "介绍了新品，客户索要样品和报价单。",
             "回款计划已确认，月底前结清上期货款。", "客户反映交货周期偏长，需协调仓库。",
             "竞争对手在接触客户，需加强服务频次。", "客户扩建新厂区，潜在需求较大。")
OUTCOMES = ("达成意向", "待客户答复", "已下单", "需再跟进", "已解决", "无明确结果")
NEXT_STEPS = ("寄送样品", "提交报价", "安排技术交流", "跟进回款", "邀请参观工厂", "电话确认需求")
COMPLAINT_CATEGORIES = ("交货延迟", "产品质量", "服务态度", "价格争议", "发票问题")
TIER_SHARES = (("A", 0.10), ("B", 0.20), ("C", 0.30), ("D", 0.40))
# Contacts before the months the norms read (those are made from the norms, below).
VISITS_BY_TIER = {"A": 18, "B": 11, "C": 6, "D": 4}
ORDERS_BY_TIER = {"A": 40, "B": 12, "C": 10, "D": 8}
CHANNELS = ("visit", "visit", "phone", "phone", "phone", "wechat", "email", "sms")
FLUSH_EVERY = 1000
# The chance that a norm's period (by tier, top first) or a callback was kept: most are.
NORM_KEPT = (0.97, 0.93, 0.85, 0.7, 0.7)
CALLBACK_MADE = 0.9
WORKED_DAYS = 200           # how far back the norms are worked (norm_window reads <= 183 days)
CALL_CHANNELS_USED = ("phone", "phone", "phone", "wechat")


@dataclass(frozen=True)
class DemoSummary:
    regions: int
    salespeople: int
    customers: int
    visits: int
    orders: int
    payments: int
    complaints: int


def _joined_pinyin(parts: tuple[str, ...] | str) -> tuple[str, str]:
    """Pinyin of a name made of parts (a person's name: surname, then each given character),
    from the cached pinyin of each part; the same as converting the whole name."""
    if isinstance(parts, str):
        parts = (parts[0], parts[1:])
    forms = [pinyin_forms(p) for p in parts]
    return "".join(f for f, _ in forms), "".join(i for _, i in forms)


@lru_cache(maxsize=4096)
def _stored_datetime(value: dt.datetime | None) -> str | None:
    return None if value is None else value.strftime("%Y-%m-%d %H:%M:%S.%f")


def _sqlite_value(column_type: Any) -> Callable[[Any], Any]:
    """How SQLAlchemy stores a value of this type in SQLite (for rows sent straight to the
    driver): UUIDs as 32 hex digits, dates as ISO text, datetimes with microseconds."""
    if isinstance(column_type, Uuid):
        return lambda v: None if v is None else v.hex
    if isinstance(column_type, DateTime):
        return _stored_datetime
    if isinstance(column_type, Date):
        return lambda v: None if v is None else v.isoformat()
    if isinstance(column_type, Boolean):
        return lambda v: None if v is None else int(v)
    if isinstance(column_type, JSON):
        return lambda v: None if v is None else json.dumps(v, ensure_ascii=False)
    return lambda v: v


def _insert_rows(conn: Connection, model: Any, rows: list[dict[str, Any]]) -> None:
    table = model.__table__
    if not rows:
        return
    names = list(rows[0])
    # Through the write gate: journalled (one bulk entry), each row carrying its stamp.
    stamp = journal.bulk_inserted(table, tuple(names),
                                  [tuple(row[n] for n in names) for row in rows], {})
    if stamp is not None:
        rows = [{**row, "hlc": stamp} for row in rows]
    if conn.dialect.name != "sqlite":
        conn.execute(insert(table), rows)
        return
    names = list(rows[0])
    convert = [_sqlite_value(table.c[n].type) for n in names]
    sql = (f"INSERT INTO {table.name} ({', '.join(names)}) "
           f"VALUES ({', '.join('?' for _ in names)})")
    conn.exec_driver_sql(sql, [tuple(f(row[n]) for f, n in zip(convert, names, strict=True))
                               for row in rows])


def _person_name(rng: random.Random) -> str:
    given = GIVEN[rng.randrange(len(GIVEN))]
    if rng.random() < 0.6:
        given += GIVEN[rng.randrange(len(GIVEN))]
    return SURNAMES[rng.randrange(len(SURNAMES))] + given


def _mobile(rng: random.Random) -> str:
    return f"1{rng.choice('3456789')}{rng.randrange(10**9):09d}"


def _landline(rng: random.Random, area: str) -> str:
    digits = 8 if len(area) == 3 else rng.choice((7, 8))
    return f"{area}-{rng.randrange(2 * 10 ** (digits - 1), 10**digits)}"


def _norm_contacts(rng: random.Random, norm: ContactNorm | None, kept: float,
                   today: dt.date) -> list[Contact_]:
    """The calls and visits a tier's norm asked for over the months the norms read, each
    period kept with the chance ``kept``; today's own work is not done yet."""
    if norm is None:
        return []
    contacts: list[Contact_] = []
    for kind in ("call", "visit"):
        required, period = norm.required(kind)
        if not required:
            continue
        start = period_start(today - dt.timedelta(days=WORKED_DAYS), period)
        while start <= today:
            end = period_end(start, period)
            if rng.random() < kept:
                for _ in range(required):
                    day = start + dt.timedelta(days=rng.randrange((end - start).days + 1))
                    if day < today:
                        channel = "visit" if kind == "visit" else rng.choice(CALL_CHANNELS_USED)
                        contacts.append((day, channel, rng.choice(PURPOSES), None))
            start = end + dt.timedelta(days=1)
    return contacts


def build_demo(db: Database, *, customers: int = 3000, salespeople: int = 60,
               seed: int = 20261122, today: dt.date | None = None,
               progress: Progress | None = None) -> DemoSummary:
    """Fill an empty archive with a demo office, in one transaction.

    Refuses (ValueError) an archive that already has customers. When ``progress`` returns
    False the generation stops with InterruptedError and nothing is written.
    """
    today = today or dt.date.today()
    rng = random.Random(seed)
    counts = {"visits": 0, "orders": 0, "payments": 0, "complaints": 0}
    total_steps = customers
    now = utcnow()

    def tick(done: int, what: str) -> None:
        if progress is not None and progress(done, total_steps, what) is False:
            raise InterruptedError("demo generation cancelled")

    with db.write(source="demo") as session:
        if session.scalar(select(func.count()).select_from(Customer)):
            raise ValueError("the archive already has customers; the demo needs an empty one")
        settings = load_settings(session)
        if settings.office_name == "TierDesk":
            settings = save_settings(session, office_name="示范销售部")
        conn = session.connection()
        if conn.dialect.name == "sqlite":
            # Random UUID keys touch pages all over each index: keep them in memory while
            # the office is written (the connection goes back to the pool with this size).
            conn.exec_driver_sql("PRAGMA cache_size = -524288")
        tick(0, "office")
        region_rows = []
        for code, name, _cities, _areas in REGIONS:
            region_rows.append({"id": new_id(), "code": code, "name": name,
                                "created_at": now, "updated_at": now})
        _insert_rows(conn, Region, region_rows)
        people: list[dict[str, Any]] = []
        for index in range(salespeople):
            region = region_rows[index % len(region_rows)]
            people.append({"id": new_id(), "code": f"S{index + 1:03d}",
                           "name": _person_name(rng), "region_id": region["id"],
                           "phone": _mobile(rng), "active": True, "created_at": now,
                           "updated_at": now})
        _insert_rows(conn, Salesperson, people)
        people_by_region: dict[Any, list[dict[str, Any]]] = {}
        for person in people:
            people_by_region.setdefault(person["region_id"], []).append(person)

        tiers = settings.tiers
        shares = [share for _, share in TIER_SHARES]
        start = today - dt.timedelta(days=730)
        buffers: dict[Any, list[dict[str, Any]]] = {t: [] for t in (
            Customer, Contact, VisitCard, Visit, Order, Payment, Complaint, TierAssessment,
            Survey)}
        # Callbacks recent enough to be on a list (planned once the rows are in), and those
        # made: (customer, kind, order, due) -> (the day, the call on the card).
        rules = followups.load_rules(session)
        tier_rules = load_tier_rules(session)
        oldest_task = today - dt.timedelta(days=rules.stale_days)
        sales: list[followups.Planned] = []
        callbacks: dict[tuple[Any, ...], tuple[dt.date, uuid.UUID]] = {}

        def flush() -> None:
            # In dependency order: customers, then what points at them.
            for table, rows in buffers.items():
                if rows:
                    _insert_rows(conn, table, rows)
                    rows.clear()

        for seq in range(1, customers + 1):
            region_index = rng.randrange(len(REGIONS))
            rcode, _rname, cities, areas = REGIONS[region_index]
            region = region_rows[region_index]
            person = rng.choice(people_by_region.get(region["id"]) or people)
            tier = rng.choices(("A", "B", "C", "D"), weights=shares)[0]
            tier = tier if tier in tiers else tiers[-1]
            industry, short = rng.choice(INDUSTRIES)
            name_parts = (rng.choice(cities), rng.choice(TRADE_WORDS), industry,
                          rng.choice(SUFFIXES))
            name = "".join(name_parts)
            number = format_number(settings.numbering_rule, region=rcode, tier=tier, seq=seq,
                                   year=today.year)
            contact = _person_name(rng)
            known = {name: _joined_pinyin(name_parts), contact: _joined_pinyin(contact)}
            mobile = _mobile(rng)
            landline = _landline(rng, rng.choice(areas)) if rng.random() < 0.7 else ""
            since = start - dt.timedelta(days=rng.randrange(0, 2500))
            cid = new_id()
            n_visits = max(1, int(rng.gauss(VISITS_BY_TIER.get(tier, 4), 2)))
            status = "active" if rng.random() < 0.85 else rng.choice(("dormant", "lost",
                                                                       "prospect"))
            people_names = [contact]
            contact_rows = [{"id": new_id(), "customer_id": cid, "name": contact,
                             "position": rng.choice(("采购经理", "总经理", "采购员", "财务主管")),
                             "mobile": mobile, "landline": landline, "email": "",
                             "birthday": dt.date(rng.randrange(1960, 1995), rng.randrange(1, 13),
                                                 rng.randrange(1, 29)),
                             "is_primary": True, "created_at": now, "updated_at": now}]
            if rng.random() < 0.4:
                second = _person_name(rng)
                known[second] = _joined_pinyin(second)
                people_names.append(second)
                contact_rows.append({"id": new_id(), "customer_id": cid, "name": second,
                                     "position": "财务", "mobile": _mobile(rng),
                                     "landline": "", "email": "", "birthday": None,
                                     "is_primary": False, "created_at": now, "updated_at": now})
            buffers[Contact].extend(contact_rows)
            # Contacts, oldest first: the early ones at random, the months the norms read
            # as the tier's norm asks (mostly kept), and the callbacks made; cards of the
            # office's size.
            contacts: list[Contact_] = [
                (start + dt.timedelta(days=rng.randrange(0, 730 - WORKED_DAYS)),
                 rng.choice(CHANNELS), rng.choice(PURPOSES), None) for _ in range(n_visits)]
            if status == "active":
                contacts += _norm_contacts(rng, tier_rules.norm(tier), NORM_KEPT[min(
                    tiers.index(tier), len(NORM_KEPT) - 1)], today)
            # Orders and payments over the two years.
            # Orders at the customer's steady pace: so many a quarter over the eight quarters.
            n_orders = 0 if status == "prospect" else 8 * max(
                1, round(rng.gauss(ORDERS_BY_TIER.get(tier, 8) / 8, 0.4)))
            scale = {"A": 45000, "B": 25000, "C": 6400, "D": 1500}.get(tier, 1500)
            # A few customers are fading: they bought little of late.
            fading = rng.random() < 0.04
            for index in range(n_orders):
                when = start + dt.timedelta(
                    days=int((index + rng.uniform(0.35, 0.65)) * 730 / n_orders))
                amount = int(rng.lognormvariate(0, 0.15) * scale * 100)
                if fading and when > today - dt.timedelta(days=120):
                    amount //= 4
                oid = new_id()
                buffers[Order].append({
                    "id": oid, "customer_id": cid, "salesperson_id": person["id"],
                    "order_date": when, "reference": f"SO{when:%y%m}{rng.randrange(10**5):05d}",
                    "product": rng.choice(PRODUCTS), "amount_cents": amount,
                    "profit_cents": int(amount * rng.uniform(0.08, 0.3)),
                    "via_outlet": rng.random() < 0.2, "created_at": now, "updated_at": now})
                for task in followups.sale_tasks(rules, cid, person["id"], oid, when,
                                                 buffers[Order][-1]["via_outlet"]):
                    if task.last_on < oldest_task:
                        continue            # long past: never on anyone's list
                    sales.append(task)
                    if task.due_on < today and rng.random() < CALLBACK_MADE:
                        made = min(task.due_on + dt.timedelta(days=rng.randrange(3)),
                                   today - dt.timedelta(days=1))
                        call_id = new_id()
                        contacts.append((made, "phone", "售后回访", call_id))
                        callbacks[cid, task.kind, oid, task.due_on] = (made, call_id)
                if rng.random() < 0.995:  # paid on terms of up to 45 days, a few never
                    paid = when + dt.timedelta(days=rng.randrange(5, 45))
                    if paid <= today:
                        buffers[Payment].append({
                            "id": new_id(), "customer_id": cid, "order_id": oid,
                            "paid_on": paid, "amount_cents": amount,
                            "method": rng.choice(("银行转账", "承兑汇票", "现金")),
                            "created_at": now, "updated_at": now})
                        counts["payments"] += 1
            counts["orders"] += n_orders
            contacts.sort(key=lambda c: c[0])
            dates = [c[0] for c in contacts]
            size = settings.card_size
            card_id = None
            card_seq = 0
            for index, (when, channel, purpose, visit_id) in enumerate(contacts):
                slot = index % size + 1
                if slot == 1:
                    card_seq += 1
                    card_id = new_id()
                    full = index + size <= len(dates)
                    closed = dates[index + size - 1] if full else None
                    buffers[VisitCard].append({
                        "id": card_id, "customer_id": cid, "seq": card_seq, "capacity": size,
                        "opened_on": when, "closed_on": closed, "created_at": now,
                        "updated_at": now})
                next_on = when + dt.timedelta(days=rng.choice((7, 14, 30, 45)))
                buffers[Visit].append({
                    "id": visit_id or new_id(), "card_id": card_id, "customer_id": cid,
                    "salesperson_id": person["id"], "slot": slot, "visit_date": when,
                    "channel": channel, "purpose": purpose,
                    "summary": rng.choice(SUMMARIES), "outcome": rng.choice(OUTCOMES),
                    "next_step": rng.choice(NEXT_STEPS), "next_visit_on": next_on,
                    "created_at": now, "updated_at": now})
            if len(dates) % size == 0:  # the last card is full: a fresh one is open
                buffers[VisitCard].append({
                    "id": new_id(), "customer_id": cid, "seq": card_seq + 1,
                    "capacity": size, "opened_on": dates[-1], "closed_on": None,
                    "created_at": now, "updated_at": now})
            counts["visits"] += len(dates)
            last_visit = dates[-1]
            next_visit = next_on  # what the last entry on the card says, as when it was logged
            if status != "prospect" and rng.random() < 0.15:
                buffers[Survey].append({
                    "id": new_id(), "customer_id": cid,
                    "surveyed_on": today - dt.timedelta(days=rng.randrange(0, 360)),
                    "score": rng.choices((1, 2, 3, 4, 5), (2, 3, 8, 40, 47))[0],
                    "comment": "", "created_at": now, "updated_at": now})
            if rng.random() < 0.02:
                received = dt.datetime.combine(today - dt.timedelta(days=rng.randrange(0, 200)),
                                               dt.time(rng.randrange(8, 18), rng.randrange(60)))
                answered = received + dt.timedelta(hours=rng.randrange(2, 40))
                open_one = rng.random() < 0.3
                buffers[Complaint].append({
                    "id": new_id(), "customer_id": cid, "salesperson_id": person["id"],
                    "received_at": received, "channel": rng.choice(("phone", "visit", "email")),
                    "category": rng.choice(COMPLAINT_CATEGORIES), "severity": "normal",
                    "description": f"客户反映{rng.choice(COMPLAINT_CATEGORIES)}，要求尽快处理。",
                    "status": "investigating" if open_one else "closed",
                    "answered_at": None if open_one else answered,
                    "resolution": "" if open_one else "已与客户沟通并妥善处理。",
                    "satisfaction": None if open_one else rng.randrange(3, 6),
                    "assigned_to_id": person["id"],
                    "answer": "" if open_one else "已向客户说明情况并道歉。",
                    "closed_at": None if open_one else answered,
                    "created_at": now, "updated_at": now})
                counts["complaints"] += 1
            buffers[TierAssessment].append({
                "id": new_id(), "customer_id": cid, "period": f"{today.year - 1}-Q4",
                "assessed_at": now, "tier": tier, "previous_tier": "", "score": None,
                "components": None, "overridden": False, "reason": "", "created_at": now,
                "updated_at": now})
            keys = build_search_keys(name=name, number=number, phones=[mobile, landline],
                                     people=people_names, known=known)
            buffers[Customer].append({
                "id": cid, "number": number, "name": name, "contact_name": contact,
                "mobile": mobile, "landline": landline, "email": "", "wechat": "",
                "address": f"{rng.choice(cities)}市{rng.choice(TRADE_WORDS)}路"
                           f"{rng.randrange(1, 999)}号",
                "industry": short, "region_id": region["id"], "salesperson_id": person["id"],
                "status": status, "tier": tier, "potential": rng.randrange(1, 6),
                "customer_since": since, "notes": "",
                "search_key": keys.ascii, "search_han": keys.han,
                "last_visit_on": last_visit, "next_visit_on": next_visit,
                "created_at": now, "updated_at": now})
            if seq % FLUSH_EVERY == 0:
                flush()
                tick(seq, "customers")
        flush()
        followups.plan(session, sales, today, rules)
        _close_callbacks(conn, callbacks, now)
        load_known_official_holidays(session, today)
        reserve_sequence(session, customers)
        tick(customers, "done")
    return DemoSummary(len(region_rows), len(people), customers, counts["visits"],
                       counts["orders"], counts["payments"], counts["complaints"])


def _close_callbacks(conn: Connection, callbacks: dict[tuple[Any, ...], tuple[dt.date, uuid.UUID]],
                     now: dt.datetime) -> None:
    """Mark the callbacks that were made done, each with its line in the call register
    pointing at the call on the card, as completing a task from Today does."""
    if not callbacks:
        return
    done: list[dict[str, Any]] = []
    logs = []
    for task_id, customer_id, person_id, kind, source_id, due in conn.execute(select(
            FollowUp.id, FollowUp.customer_id, FollowUp.salesperson_id, FollowUp.kind,
            FollowUp.source_id, FollowUp.first_due_on)):
        made = callbacks.get((customer_id, kind, source_id, due))
        if made is None:
            continue
        day, visit_id = made
        done.append({"_id": task_id, "_on": day})
        logs.append({"id": new_id(), "follow_up_id": task_id, "customer_id": customer_id,
                     "salesperson_id": person_id, "logged_on": day, "channel": "phone",
                     "result": "done", "note": "", "postponed_to": None, "visit_id": visit_id,
                     "created_at": now, "updated_at": now})
    table = cast(Table, FollowUp.__table__)
    stamp = journal.bulk_updated(conn, table, ("status", "done_on"),
                                 [(row["_id"].hex, "done", row["_on"]) for row in done])
    conn.execute(table.update().where(table.c.id == bindparam("_id"))
                 .values(status="done", done_on=bindparam("_on"), hlc=stamp), done)
    _insert_rows(conn, FollowUpLog, logs)
