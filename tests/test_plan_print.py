"""The printed month plan reads whole: long texts wrap (rows grow) instead of being cut short,
column headers are never cut (in Chinese too), the signatures stay with the list, and every
salesperson starts on a new page."""

from __future__ import annotations

import datetime as dt
import subprocess
import uuid

import pytest

from tierdesk.core.planning.needs import TaskLine
from tierdesk.core.planning.plans import Plan, Quota
from tierdesk.render.plan_sheets import plan_to_pdf

LONG_NAME = "宝鸡市渭滨区明辉机电设备及五金交电化工建材批发零售有限责任公司第二分公司"
WHY = [("norm", {}), ("follow_up", {"kind": "sale", "due_on": "2026-12-02", "count": 3}),
       ("follow_up", {"kind": "monthly", "due_on": "2026-12-11", "count": 1}),
       ("follow_up", {"kind": "yearly", "due_on": "2026-12-19", "count": 2}),
       ("overdue", {"kind": "visit", "days": 123}), ("falling", {"drop": 0.64})]
WHY_TEXT = ("tier norm, 3 × After-sale callback from 12-02, Monthly callback 12-11, "
            "2 × Yearly callback from 12-19, visit overdue by 123 days, purchases down 64%")


def a_plan(rows: list[int], *, long: bool = False) -> Plan:
    """A plan of one salesperson per entry of ``rows``, with that many task lines."""
    quotas, tasks = [], {}
    for n, count in enumerate(rows, 1):
        person = uuid.UUID(int=n)
        quotas.append(Quota(person, f"S{n:03d}", f"销售{n}", "HD", count, count, count, 0, 2,
                            1.0))
        tasks[person] = [TaskLine(uuid.UUID(int=1000 * n + i).hex, f"HD-A-{n:02d}{i:03d}",
                                  LONG_NAME if long else f"客户{n}-{i}贸易公司", "A", 2, 1, 6,
                                  WHY if long else [("norm", {})], dt.date(2026, 10, 1))
                         for i in range(count)]
    return Plan(dt.date(2026, 12, 1), "draft", dt.date(2026, 11, 28), 22, 2, "示范销售部",
                quotas, tasks)


def pages_of(path) -> list[str]:
    """Each page's text as pdftotext reads it, white space removed (lines wrap anywhere)."""
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    return ["".join(page.split()) for page in text.split("\f")[:-1]]


def squeezed(text: str) -> str:
    return "".join(text.split())


def test_long_texts_wrap_and_are_printed_whole(tmp_path):
    plan_to_pdf(a_plan([4], long=True), tmp_path / "long.pdf")
    pages = pages_of(tmp_path / "long.pdf")
    assert len(pages) == 1
    assert "…" not in pages[0]
    assert pages[0].count(squeezed(LONG_NAME)) == 4
    assert pages[0].count(squeezed(WHY_TEXT)) == 4
    assert pages[0].count("1visit,2calls,6follow-ups") == 4
    for header in ("Customerno.", "Customer", "Tier", "Whatisdue", "Why", "Lastcontact"):
        assert header in pages[0]


def test_chinese_headers_and_texts_are_never_cut(tmp_path):
    from tierdesk.ui.i18n import Translators, translate

    translators = Translators()
    try:
        translators.install("zh_CN")
        plan_to_pdf(a_plan([3], long=True), tmp_path / "zh.pdf", tr=translate)
    finally:
        translators.install("en")
    page = pages_of(tmp_path / "zh.pdf")[0]
    assert "…" not in page
    for header in ("客户编号", "客户", "等级", "任务内容", "原因", "上次联系"):
        assert header in page
    assert page.count(squeezed(LONG_NAME)) == 3
    assert page.count("拜访已逾期123天，购买额下降64%") == 3
    assert page.count("业务员签字") == 1 and "S001·第1页，共1页" in page


def rows_filling_one_page(tmp_path) -> int:
    """The most task lines whose list still ends on the first page (with or without the
    signatures)."""
    n = 20
    while True:
        plan_to_pdf(a_plan([n + 1]), tmp_path / "probe.pdf")
        if f"HD-A-01{n:03d}" not in pages_of(tmp_path / "probe.pdf")[0]:
            return n
        n += 1


def test_the_signatures_stay_with_the_list(tmp_path):
    most = rows_filling_one_page(tmp_path)
    for count in range(most - 6, most + 1):
        plan_to_pdf(a_plan([count]), tmp_path / f"{count}.pdf")
        pages = pages_of(tmp_path / f"{count}.pdf")
        last = f"HD-A-01{count - 1:03d}"
        signed = [i for i, page in enumerate(pages) if "Salesperson'ssignature" in page]
        listed = [i for i, page in enumerate(pages) if last in page]
        # The list's last line and the signatures always share a page; where they fit on
        # one page together, that is the whole sheet.
        assert signed == listed, (count, signed, listed)
        assert f"S001·page{len(pages)}of{len(pages)}" in pages[-1]
        if len(pages) == 2:
            assert pages[1].count("HD-A-01") >= 1 and "continued" in pages[1]
    assert len(pages_of(tmp_path / f"{most - 6}.pdf")) == 1
    assert most > 40                       # a one-page sheet holds a good list


@pytest.mark.parametrize("rows", [[3, 60, 1], [0, 130]])
def test_each_salesperson_starts_on_a_new_page(tmp_path, rows):
    plan_to_pdf(a_plan(rows), tmp_path / "team.pdf")
    pages = pages_of(tmp_path / "team.pdf")
    firsts = [i for i, page in enumerate(pages) if "Visitplanfor2026-12" in page
              and "continued" not in page]
    assert len(firsts) == len(rows)
    for n, i in enumerate(firsts, 1):
        assert f"销售{n}(S{n:03d})" in pages[i] and f"S{n:03d}·page1of" in pages[i]
    assert all("…" not in page for page in pages)
