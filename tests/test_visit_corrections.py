"""Correcting a card entry and striking one out as on paper: the original stays in the entry's
history, a struck entry stays on the card with who and when and no longer counts."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.helpers import make_customer
from tierdesk.cli import main
from tierdesk.core.archive import Archive
from tierdesk.core.customers import cards
from tierdesk.core.customers.cards import VisitInput
from tierdesk.core.errors import ValidationError
from tierdesk.core.office.person import current_person
from tierdesk.core.store.models import Customer
from tierdesk.core.tiers import norms

TODAY = dt.date(2026, 11, 20)


@pytest.fixture
def qsettings(tmp_path):
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)


def graded(db):
    cid = make_customer(db, "甲公司", mobile="13800000001", today=TODAY)
    with db.write() as session:
        session.get(Customer, cid).tier = "A"
    return cid


def test_a_correction_changes_the_entry_and_keeps_the_original(db):
    cid = graded(db)
    archive = Archive(db)
    first = archive.customers.add_visit(cid, VisitInput(visit_date="2026-11-02", channel="visit",
                                              summary="谈价各", outcome="同意"))
    fixed = archive.customers.correct_visit(first.visit.id, VisitInput(
        visit_date="2026-11-02", channel="visit", summary="谈价格", outcome="同意",
        next_visit_on="2026-12-01"))
    assert (fixed.summary, fixed.next_visit_on, fixed.struck) == \
        ("谈价格", dt.date(2026, 12, 1), False)
    card = archive.customers.open_customer(cid)
    assert [e.summary for e in card.current.entries] == ["谈价格"]
    assert card.facts.next_visit_on == dt.date(2026, 12, 1)
    history = archive.customers.visit_history(first.visit.id)
    assert [(h.field, h.old_value, h.new_value, h.changed_by) for h in history] == [
        ("next_visit_on", "", "2026-12-01", current_person()),
        ("summary", "谈价各", "谈价格", current_person())]
    with pytest.raises(ValidationError):   # checked as a new entry is
        archive.customers.correct_visit(first.visit.id, VisitInput(visit_date="2026-11-02"))
    assert [e.summary for e in archive.customers.open_customer(cid).current.entries] == ["谈价格"]


def test_a_struck_entry_stays_visible_and_no_longer_counts(db):
    cid = graded(db)
    archive = Archive(db)
    archive.customers.add_visit(cid, VisitInput(visit_date="2026-11-03", channel="phone",
                                                summary="问候"))
    wrong = archive.customers.add_visit(cid, VisitInput(visit_date="2026-11-05", channel="phone",
                                              summary="写错客户了"))
    with db.read() as session:
        before = norms.customer_norm(session, cid, TODAY)
    assert before.call.done == 2
    struck = archive.customers.strike_visit(wrong.visit.id, "记错客户")
    assert struck.struck and struck.struck_by == current_person()
    card = archive.customers.open_customer(cid)
    assert [(e.summary, e.struck) for e in card.current.entries] == \
        [("问候", False), ("写错客户了", True)]
    assert card.facts.last_visit_on == dt.date(2026, 11, 3)
    with db.read() as session:
        after = norms.customer_norm(session, cid, TODAY)
    assert after.call.done == 1
    assert [r.note for r in archive.service.register("calls")] == ["问候"]
    assert [(h.field, h.new_value) for h in archive.customers.visit_history(wrong.visit.id)] == \
        [("struck", "记错客户")]
    with pytest.raises(ValidationError):     # struck is final, like ink on paper
        archive.customers.strike_visit(wrong.visit.id)
    with pytest.raises(ValidationError):
        archive.customers.correct_visit(wrong.visit.id, VisitInput(visit_date="2026-11-05",
                                                         summary="x"))


def test_a_struck_entry_counts_in_no_scorecard_and_no_alert(db):
    from tests.helpers import graded as graded_customer
    from tierdesk.core.planning import alerts, kpis

    cid = graded_customer(db, "甲公司", "A", "13800000001")
    archive = Archive(db)
    october = (dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    made = [archive.customers.add_visit(cid, VisitInput(
        visit_date=f"2026-10-{day:02}", channel="visit", summary=f"拜访 {day}")).visit.id
        for day in range(1, 21)]

    def counted() -> tuple[int, bool]:
        with db.read() as session:
            card = next(c for c in kpis.scorecards(session, *october, today=TODAY)
                        if c.code == "S001")
            found = alerts.problem_alerts(session, TODAY)
        return card.visits, any(a.kind == "over_visited" for a in found)

    assert counted() == (20, True)          # twenty visits in a month: far over the norm
    for visit_id in made[1:]:               # nineteen were logged on the wrong customer
        archive.customers.strike_visit(visit_id, "记错客户")
    assert counted() == (1, False)


def test_correct_and_strike_from_the_command_line(db, db_path, capsys):
    cid = graded(db)
    archive = Archive(db)
    number = archive.customers.customer(cid).number
    archive.customers.add_visit(cid, VisitInput(visit_date="2026-11-02", summary="谈价各"))
    archive.customers.add_visit(cid, VisitInput(visit_date="2026-11-03", summary="重复"))
    assert main(["--db", str(db_path), "correct-visit", number, "1", "1",
                 "--summary", "谈价格"]) == 0
    assert "Entry 1 of card 1 corrected." in capsys.readouterr().out
    assert main(["--db", str(db_path), "strike-visit", number, "1", "2",
                 "--reason", "重复登记"]) == 0
    assert "Entry 2 of card 1 struck out." in capsys.readouterr().out
    entries = archive.customers.open_customer(cid).current.entries
    assert [(e.summary, e.visit_date, e.struck) for e in entries] == [
        ("谈价格", dt.date(2026, 11, 2), False), ("重复", dt.date(2026, 11, 3), True)]
    assert main(["--db", str(db_path), "strike-visit", number, "1", "7"]) == 1
    assert capsys.readouterr().err.strip() == "tierdesk: Card 1 has no entry 7."
    with db.read() as session:
        assert cards.visit_history(session, entries[0].id)[0].old_value == "谈价各"


def test_the_card_in_the_window_corrects_and_strikes_out_entries(qtbot, db, qsettings,
                                                                   monkeypatch, tmp_path):
    from PySide6.QtCore import Qt

    from tests.helpers import fill_and_save
    from tierdesk.ui.main_window import MainWindow

    cid = graded(db)
    archive = Archive(db)
    archive.customers.add_visit(cid, VisitInput(visit_date="2026-11-02", summary="谈价各"))
    archive.customers.add_visit(cid, VisitInput(visit_date="2026-11-03", summary="写错客户了"))
    win = MainWindow(archive, qsettings, "en")
    qtbot.addWidget(win)
    win.show()
    win.select_customer(cid)
    slots = win.panel.slots
    cls, fake = fill_and_save([{"summary": "谈价格"}, {"reason": "记错客户"}])
    monkeypatch.setattr(cls, "exec", fake)
    win.activateWindow()
    slots.setFocus()
    qtbot.waitUntil(slots.hasFocus)
    slots.setCurrentCell(0, 4)
    qtbot.keyClick(slots, Qt.Key.Key_F2)
    slots.setCurrentCell(1, 4)
    qtbot.keyClick(slots, Qt.Key.Key_Delete)
    assert fake.titles == ["Correct entry 1", "Strike out entry 2"]
    assert slots.item(0, 4).text() == "谈价格"
    assert not slots.item(0, 4).font().strikeOut()
    assert slots.item(1, 4).text() == "写错客户了" and slots.item(1, 4).font().strikeOut()
    assert slots.item(1, 7).text().startswith(f"struck out by {current_person()} on ")
    entries = archive.customers.open_customer(cid).current.entries
    assert [(e.summary, e.struck) for e in entries] == [("谈价格", False), ("写错客户了", True)]
    # The printed card shows the struck entry struck through, with who and when.
    from tierdesk.reports.card_report import cards_html

    html = cards_html(archive.customers.customer(cid),
                      [archive.customers.open_customer(cid).current],
                      office_name="x")
    assert "<s>写错客户了</s>" in html and f"struck out by {current_person()}" in html
    win.panel.print_to(str(tmp_path / "card.pdf"), [archive.customers.open_customer(cid).current])
    # The change history tab keeps what the entries said before.
    win.panel.tabs.setCurrentIndex(9)
    changes = win.panel.changes
    shown = sorted(tuple(changes.item(r, c).text() for c in (1, 2, 3, 4, 5))
                   for r in range(changes.rowCount())
                   if changes.item(r, 1).text().startswith("Card 1, entry ")
                   and changes.item(r, 2).text() != "Added")
    assert shown == [
        ("Card 1, entry 1", "What was discussed", "谈价各", "谈价格", current_person()),
        ("Card 1, entry 2", "Struck out", "", "记错客户", current_person())]
