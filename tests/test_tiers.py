"""Tier rules, reassessment, overrides and history; real invoice lines as order history."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import pytest
from sqlalchemy import func, select

from tests.conftest import CORPUS, needs_corpus
from tests.helpers import make_customer
from tierdesk.core.customers.orders import add_order
from tierdesk.core.errors import ValidationError
from tierdesk.core.store.models import Customer, TierAssessment
from tierdesk.core.tiers import grades
from tierdesk.core.tiers.rules import TierRules, load_rules, save_rules
from tierdesk.excel.reader import open_workbook

# Each test runs on a PostgreSQL office as well as on SQLite (conftest).
ALSO_ON_POSTGRESQL = True

TODAY = dt.date(2026, 11, 20)


@pytest.mark.parametrize("rules, field, words", [
    (TierRules(weights={"sales": 0, "profit": 0, "loyalty": 0, "potential": 0}), "weights",
     "above zero"),
    (TierRules(weights={"sales": -5, "profit": 10}), "weights", "negative"),
    (TierRules(shares=(10, 20, 30, 30)), "shares", "add up to 90%"),
    (TierRules(method="threshold", thresholds=(50, 60, 25)), "thresholds", "overlap"),
    (TierRules(method="threshold", thresholds=(75, 50)), "thresholds", "every tier but"),
    (TierRules(tiers=("A", "B"), shares=(50, 50)), "tiers", "3 to 5"),
    (TierRules(tiers=("金", "金", "银")), "tiers", "its own"),
])
def test_rules_that_make_no_sense_are_explained_and_not_saved(db, rules, field, words):
    with pytest.raises(ValidationError) as info, db.write() as session:
        save_rules(session, rules)
    assert info.value.problems[0].field == field and words in str(info.value)
    with db.read() as session:
        assert load_rules(session) == TierRules()


def test_office_tier_names_and_their_split(db):
    with db.write() as session:
        save_rules(session, TierRules(tiers=("钻石", "金", "银"), shares=(20, 30, 50)))
    with db.read() as session:
        rules = load_rules(session)
    assert rules.tiers == ("钻石", "金", "银") and len(rules.colours) == 3


def office(db, sales):
    """Customers with one order each of the given amounts (yuan), inside the window."""
    ids = []
    for index, amount in enumerate(sales):
        cid = make_customer(db, f"客户{index:02d}", mobile=f"139{index:08d}", today=TODAY)
        if amount:
            with db.write() as session:
                add_order(session, cid, order_date="2026-06-01", amount=amount,
                          profit=amount / 10, today=TODAY)
        ids.append(cid)
    return ids


def test_scores_rank_customers_and_shares_make_the_tiers(db):
    ids = office(db, [100 * (i + 1) for i in range(10)])  # 100 ... 1,000 yuan
    with db.read() as session:
        result = grades.assess_tiers(session, "2026-Q4", today=TODAY)
    by_id = {s.customer_id: s for s in result.scores}
    assert result.counts() == {"A": 1, "B": 2, "C": 3, "D": 4}
    assert [by_id[c].proposed_tier for c in ids] == list("DDDDCCCBBA")
    top = by_id[ids[-1]]
    assert top.components["sales"] == 100.0 and top.components["profit"] == 100.0
    assert by_id[ids[0]].components["sales"] == 0.0
    assert result.sales_share()["A"] == pytest.approx(1000 / 5500)


def test_threshold_rules(db):
    office(db, [100, 1000, 0])
    with db.write() as session:
        save_rules(session, TierRules(method="threshold", thresholds=(70, 40, 20)))
        result = grades.assess_tiers(session, "2026-11", today=TODAY)
    assert sorted(s.proposed_tier for s in result.scores) == ["A", "B", "D"]


def test_orders_outside_the_twelve_months_do_not_count(db):
    old, recent = office(db, [0, 0])
    with db.write() as session:
        add_order(session, old, order_date="2025-11-20", amount=9999, today=TODAY)  # 365 days
        add_order(session, recent, order_date="2025-11-21", amount=10, today=TODAY)
        result = grades.assess_tiers(session, "2026-11", today=TODAY)  # up to 2026-11-20
    sales = {s.customer_id: s.sales_cents for s in result.scores}
    assert (sales[old], sales[recent]) == (0, 1000)


def test_applying_keeps_history_and_overrides_stick_until_removed(db):
    ids = office(db, [100 * (i + 1) for i in range(10)])
    with db.write() as session:
        changed = grades.apply_assessment(session, grades.assess_tiers(
            session, "2026-Q3", today=TODAY))
    assert changed == 10  # every customer had the office's default tier only by number
    with db.write() as session:
        grades.override_tier(session, ids[0], "A", "集团战略客户")
        again = grades.assess_tiers(session, "2026-Q4", today=TODAY)
        grades.apply_assessment(session, again)
    with db.read() as session:
        assert session.get(Customer, ids[0]).tier == "A"
        history = grades.tier_history(session, ids[0])
    assert [(h.tier, h.overridden, h.reason) for h in history][:2] == [
        ("A", True, ""), ("A", True, "集团战略客户")]
    with db.write() as session:
        grades.remove_override(session, ids[0])
        grades.apply_assessment(session, grades.assess_tiers(session, "2026-Q4", today=TODAY))
        assert session.get(Customer, ids[0]).tier == "D"


def test_an_override_needs_a_known_tier_and_a_reason(db):
    (cid,) = office(db, [100])
    with pytest.raises(ValidationError, match="Unknown tier"), db.write() as session:
        grades.override_tier(session, cid, "Z", "why")
    with pytest.raises(ValidationError, match="Say why"), db.write() as session:
        grades.override_tier(session, cid, "A", " ")


def test_a_reassessment_lands_whole_or_not_at_all(db, monkeypatch):
    office(db, [100, 200, 300])
    with db.read() as session:
        result = grades.assess_tiers(session, "2026-Q4", today=TODAY)
    real_update = grades.update

    def broken(*args, **kwargs):
        raise RuntimeError("power cut")

    monkeypatch.setattr(grades, "update", broken)
    with pytest.raises(RuntimeError), db.write() as session:
        grades.apply_assessment(session, result)
    monkeypatch.setattr(grades, "update", real_update)
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(TierAssessment)) == 0


@pytest.mark.parametrize("period, bounds", [
    ("2026-Q4", (dt.date(2026, 10, 1), dt.date(2026, 12, 31))),
    ("2026q1", (dt.date(2026, 1, 1), dt.date(2026, 3, 31))),
    ("2026-02", (dt.date(2026, 2, 1), dt.date(2026, 2, 28))),
    ("2024", (dt.date(2024, 1, 1), dt.date(2024, 12, 31))),
])
def test_periods(period, bounds):
    assert grades.period_bounds(period) == bounds


def test_a_bad_period_is_refused():
    with pytest.raises(ValidationError, match="Not a period"):
        grades.period_bounds("Q4")


@needs_corpus
def test_real_invoice_lines_imported_as_order_history(db, tmp_path):
    """The UK retailer's invoice lines, imported as a person would (File > Import): lines
    without a customer id are refused with their row; cancellations (C invoices, negative
    quantities) are returns that lower the customer's sales. Each customer's 12-month sales
    in the tier score equal a computation straight from the file, read here by
    python-calamine alone."""
    import python_calamine

    from tierdesk.excel.workbook_import import import_workbook
    from tierdesk.excel.writer import Table, write_tables

    source = CORPUS / "online-retail" / "online_retail_sample.xlsx"
    book = python_calamine.CalamineWorkbook.from_path(str(source))
    lines = book.get_sheet_by_index(0).to_python()
    at = {name: lines[0].index(name) for name in ("Quantity", "InvoiceDate", "UnitPrice",
                                                  "CustomerID", "Country")}
    as_of = dt.date(2011, 12, 31)
    expected: dict[str, int] = defaultdict(int)
    countries: dict[str, str] = {}
    without_customer = 0
    for line in lines[1:]:
        if line[at["CustomerID"]] in (None, ""):
            without_customer += 1
            continue
        key = str(int(line[at["CustomerID"]]))
        countries.setdefault(key, line[at["Country"]])
        when = line[at["InvoiceDate"]].date()
        if as_of - dt.timedelta(days=365) < when <= as_of:
            expected[key] += round(line[at["Quantity"]] * line[at["UnitPrice"]] * 100)
    # The customers first, as an office would list them: number, name, region.
    customers = tmp_path / "customers.xlsx"
    write_tables(customers, [Table("客户", ["客户编号", "客户名称", "区域"],
                                   [[k, f"Customer {k}", c] for k, c in countries.items()])])
    first = import_workbook(db, open_workbook(customers))
    assert first.written is not None and first.written["customers_created"] == len(countries)
    second = import_workbook(db, open_workbook(source))
    assert [s.kind for s in second.sheets] == ["orders"]
    assert second.written is not None
    assert second.written["orders"] == len(lines) - 1 - without_customer
    refused = second.refused
    assert len(refused) == without_customer > 0
    assert {p.column for p in refused} == {"CustomerID"}
    with db.read() as session:
        result = grades.assess_tiers(session, "2011-Q4", today=dt.date(2026, 1, 1))
    sales = {s.number: s.sales_cents for s in result.scores}
    assert len(sales) == len(countries) > 1000
    assert {k: v for k, v in sales.items() if v} == {k: v for k, v in expected.items() if v}
    assert min(expected.values()) < 0  # a customer whose returns outweigh its purchases
    n = len(result.scores)
    counts = result.counts()
    assert counts == {"A": round(n * 0.1), "B": round(n * 0.3) - round(n * 0.1),
                      "C": round(n * 0.6) - round(n * 0.3), "D": n - round(n * 0.6)}
    assert result.sales_share()["A"] > 0.5  # the few large customers carry the sales
