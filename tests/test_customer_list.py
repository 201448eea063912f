import pytest

from tests.helpers import make_customer
from tierdesk.core.customers import master_file
from tierdesk.core.customers.customer_list import CustomerList, ListFilter
from tierdesk.core.office.staff import region_by_code, salesperson_by_code

# Each test runs on a PostgreSQL office as well as on SQLite (conftest).
ALSO_ON_POSTGRESQL = True


@pytest.fixture
def office(db):
    ids = {
        "zhangsan": make_customer(db, "张三贸易有限公司", mobile="13800138000", contact="李四",
                                  tier="A"),
        "chongqing": make_customer(db, "重庆银行股份有限公司", mobile="13912345678",
                                   contact="王五", region="HB", salesperson="S003", tier="B"),
        "hangzhou": make_customer(db, "杭州恒泰机电设备有限公司", mobile="18655551234",
                                  contact="赵六", tier="A"),
    }
    return ids


def names(db, found, listing=None):
    listing = listing or CustomerList(db)
    with db.read() as session:
        return [master_file.customer_facts(session, c).name for c in listing.customer_ids(found)]


@pytest.mark.parametrize("text, expected", [
    ("张三", ["张三贸易有限公司"]),
    ("贸易", ["张三贸易有限公司"]),
    ("zhangsanmaoyi", ["张三贸易有限公司"]),
    ("zsmy", ["张三贸易有限公司"]),
    ("ZSMY", ["张三贸易有限公司"]),
    ("cqyh", ["重庆银行股份有限公司"]),         # 重 read as chong, 行 as hang
    ("chongqingyinhang", ["重庆银行股份有限公司"]),
    ("0013", ["张三贸易有限公司"]),             # any part of the phone
    ("5555", ["杭州恒泰机电设备有限公司"]),
    ("hd-a-00003", ["杭州恒泰机电设备有限公司"]),  # customer number
    ("王五", ["重庆银行股份有限公司"]),           # contact person
    ("zl", ["杭州恒泰机电设备有限公司"]),         # contact initials (赵六)
    ("ｚｓｍｙ", ["张三贸易有限公司"]),           # full-width typing
    ("nobody", []),
])
def test_one_box_finds_by_name_pinyin_number_phone_and_contact(db, office, text, expected):
    assert names(db, CustomerList(db).query(ListFilter(text=text))) == expected


def test_typing_narrows_step_by_step_to_the_same_answer(db, office):
    customers_list = CustomerList(db)
    for prefix in ("z", "zs", "zsm", "zsmy"):
        found = customers_list.query(ListFilter(text=prefix))
        assert set(found) == set(CustomerList(db).query(ListFilter(text=prefix)))
    assert names(db, found) == ["张三贸易有限公司"]


def test_filters_by_region_tier_salesperson_and_status(db, office):
    with db.read() as session:
        north = region_by_code(session, "HB").id
        s001 = salesperson_by_code(session, "S001").id
    listing = CustomerList(db)
    assert names(db, listing.query(ListFilter(region_id=north)), listing) == \
        ["重庆银行股份有限公司"]
    assert len(listing.query(ListFilter(tier="A"))) == 2
    assert len(listing.query(ListFilter(salesperson_id=s001, text="杭州"))) == 1
    assert listing.query(ListFilter(status="lost")) == []
    assert len(listing.query(ListFilter(status="prospect"))) == 3


def test_sorting_by_any_column(db, office):
    listing = CustomerList(db)
    by_number = names(db, listing.query(ListFilter()), listing)
    # Numbers sort as text, so the archive files by region, then tier, then sequence.
    assert by_number == ["重庆银行股份有限公司", "张三贸易有限公司", "杭州恒泰机电设备有限公司"]
    assert names(db, listing.query(ListFilter(), sort="number", descending=True), listing) == \
        by_number[::-1]
    by_phone = names(db, listing.query(ListFilter(), sort="phone"), listing)
    assert by_phone == ["张三贸易有限公司", "重庆银行股份有限公司", "杭州恒泰机电设备有限公司"]
    by_region = names(db, listing.query(ListFilter(), sort="region"), listing)
    assert by_region[0] == "重庆银行股份有限公司"  # HB before HD


def test_the_list_follows_edits_new_customers_and_deletions(db, office):
    listing = CustomerList(db)
    new = make_customer(db, "北京新锐电子科技有限公司", mobile="13700001111", contact="钱七")
    with db.write() as session:
        data = master_file.customer_facts(session, office["zhangsan"]).to_input()
        data.name = "张三实业有限公司"
        master_file.update_customer(session, office["zhangsan"], data)
        master_file.delete_customer(session, office["hangzhou"])
    listing.refresh([new, office["zhangsan"], office["hangzhou"]])
    assert names(db, listing.query(ListFilter(text="zssy")), listing) == ["张三实业有限公司"]
    assert names(db, listing.query(ListFilter(text="bjxr")), listing) == \
        ["北京新锐电子科技有限公司"]
    assert listing.query(ListFilter(text="杭州")) == []
    assert len(listing) == 3
    # The appended customer sorts by its number among the others.
    assert names(db, listing.query(ListFilter()), listing) == [
        "重庆银行股份有限公司", "张三实业有限公司", "北京新锐电子科技有限公司"]
    rows = listing.rows(listing.query(ListFilter(), sort="name"))
    assert [listing.customer_id(p) for p in rows] == [r.id for r in rows.values()]
    assert {r.name for r in rows.values()} == {"张三实业有限公司", "重庆银行股份有限公司",
                                               "北京新锐电子科技有限公司"}


def test_rows_carry_what_the_list_shows(db, office):
    listing = CustomerList(db)
    position = listing.position_of(office["chongqing"])
    row = listing.rows([position])[position]
    assert (row.number, row.contact_name, row.phone, row.region, row.tier, row.salesperson,
            row.status) == ("HB-B-00002", "王五", "13912345678", "HB", "B", "张强", "prospect")


def test_filters_follow_edits(db, office):
    listing = CustomerList(db)
    assert len(listing.query(ListFilter(tier="B"))) == 1
    with db.write() as session:
        data = master_file.customer_facts(session, office["chongqing"]).to_input()
        data.tier = "A"
        master_file.update_customer(session, office["chongqing"], data)
    listing.refresh([office["chongqing"]])
    assert listing.query(ListFilter(tier="B")) == []
    assert len(listing.query(ListFilter(tier="A"))) == 3


def test_pinyin_read_from_the_dictionaries_matches_pypinyin():
    """Search keys use pypinyin's dictionaries directly (fast enough for a bulk import); the
    readings are the library's own, polyphones in words (重庆 chongqing, 银行 yinhang)
    included."""
    import random

    from pypinyin import Style, lazy_pinyin
    from pypinyin.constants import PHRASES_DICT

    from tierdesk.core.customers.search_key import pinyin_forms

    rng = random.Random(3)
    words = sorted(PHRASES_DICT)
    texts = ["重庆银行股份有限公司", "长沙长青农资经营部", "绿地集团", "ABC 朝阳 2号店", "嗯"]
    texts += ["".join(rng.choice(words) for _ in range(3)) for _ in range(2000)]
    texts += [chr(c) for c in range(0x4E00, 0x9FFF, 7)]
    for text in texts:
        syllables = [s for s in lazy_pinyin(text, style=Style.NORMAL, errors="ignore") if s]
        expected = ("".join(syllables).lower(), "".join(s[0] for s in syllables).lower())
        assert pinyin_forms.__wrapped__(text) == expected, text
    assert pinyin_forms("重庆银行") == ("chongqingyinhang", "cqyh")
