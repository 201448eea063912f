"""Office settings in the window: card size, numbering rule, salespeople and a hand-over, the
holiday calendar, the follow-up rules and the survey scale."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QMessageBox

from tests.helpers import fill_and_save, make_customer, type_into
from tierdesk.core.archive import Archive
from tierdesk.core.service.surveys import SurveyScale
from tierdesk.ui.office_dialog import HandOverDialog, OfficeDialog


def test_settings_are_saved_and_a_bad_rule_is_explained(qtbot, db):
    archive = Archive(db)
    dialog = OfficeDialog(archive)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.card_size.setValue(7)
    dialog.rule.setText("{region}-{branch}")
    assert dialog.save_settings() is False
    assert dialog.settings_errors["numbering_rule"].isVisible()
    assert "Unknown field {branch}" in dialog.settings_errors["numbering_rule"].text()
    assert archive.office.settings().card_size == 10  # nothing saved
    dialog.rule.setText("KH-{seq:06}")
    assert dialog.rule_preview.text() == "Example: KH-000017"
    assert dialog.save_settings() is True
    saved = archive.office.settings()
    assert (saved.card_size, saved.numbering_rule) == (7, "KH-{seq:06}")


def test_adding_and_editing_a_salesperson(qtbot, db):
    archive = Archive(db)
    dialog = OfficeDialog(archive)
    qtbot.addWidget(dialog)
    type_into(qtbot, dialog.person_code, "s010")
    type_into(qtbot, dialog.person_name, "赵敏")
    dialog.save_person()
    assert [p.name for p in archive.office.salespeople() if p.code == "S010"] == ["赵敏"]
    dialog.people.selectRow([p.code for p in archive.office.salespeople()].index("S010"))
    assert dialog.person_name.text() == "赵敏"
    dialog.person_active.setChecked(False)
    dialog.save_person()
    assert [p.active for p in archive.office.salespeople() if p.code == "S010"] == [False]
    type_into(qtbot, dialog.person_code, "S001")
    type_into(qtbot, dialog.person_name, "重名")
    dialog.save_person()
    assert "already used" in dialog.person_error.text()


def test_hand_over_from_the_dialog(qtbot, db, monkeypatch):
    for name in ("甲公司", "乙公司"):
        make_customer(db, name, salesperson="S001")
    archive = Archive(db)
    dialog = OfficeDialog(archive)
    qtbot.addWidget(dialog)
    dialog.people.selectRow(0)  # S001

    def receive(hand_over):
        hand_over.list.item(0).setSelected(True)  # S002, the first other active one
        return 1

    monkeypatch.setattr(HandOverDialog, "exec", receive)
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: told.append(a[2]))
    dialog.hand_over()
    people = {p.code: p for p in archive.office.salespeople()}
    assert (people["S001"].customers, people["S002"].customers) == (0, 2)
    assert people["S001"].active is False
    assert "2 customers" in told[0]


def test_the_holiday_calendar_is_kept_in_the_dialog(qtbot, db, monkeypatch):
    archive = Archive(db)
    dialog = OfficeDialog(archive)
    qtbot.addWidget(dialog)
    tab = dialog.holidays
    dialogs, fake_exec = fill_and_save([
        {"day": dt.date(2027, 2, 6), "name": "春节", "kind": "greet"}])
    monkeypatch.setattr(dialogs, "exec", fake_exec)
    assert tab.edit_day(new=True) is True
    # The same day twice is refused under the date, and nothing is added.
    dialogs, fake_exec = fill_and_save([
        {"day": dt.date(2027, 2, 6), "name": "重复", "kind": "off"},
        {"day": dt.date(2027, 2, 7), "name": "调休", "kind": "workday"}])
    monkeypatch.setattr(dialogs, "exec", fake_exec)
    assert tab.edit_day(new=True) is True
    assert fake_exec.refusals == [{"day": "2027-02-06 is already in the calendar."}]
    rows = [(h.day, h.name, h.greet, h.workday) for h in archive.office.holidays()]
    assert rows == [(dt.date(2027, 2, 6), "春节", True, False),
                    (dt.date(2027, 2, 7), "调休", False, True)]
    assert [tab.table.item(r, 2).text() for r in range(tab.table.rowCount())] == \
        ["Day off, greeted", "Weekend day worked"]
    # A weekend day worked is a working day; the greeted day off is not.
    days = archive.office.working_days(dt.date(2027, 2, 5), dt.date(2027, 2, 8))
    assert days == [dt.date(2027, 2, 5), dt.date(2027, 2, 7), dt.date(2027, 2, 8)]
    # Editing keeps the row; removing asks first.
    tab.table.selectRow(0)
    dialogs, fake_exec = fill_and_save([{"name": "春节假期", "kind": "off"}])
    monkeypatch.setattr(dialogs, "exec", fake_exec)
    assert tab.edit_day() is True
    assert [(h.name, h.greet) for h in archive.office.holidays()] == [("春节假期", False),
                                                               ("调休", False)]
    tab.table.selectRow(1)
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.No)
    tab.remove_day()
    assert len(archive.office.holidays()) == 2
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    tab.remove_day()
    assert [h.name for h in archive.office.holidays()] == ["春节假期"]
    assert tab.table.rowCount() == 1


def test_follow_up_rules_and_survey_scale_are_edited_and_checked(qtbot, db):
    archive = Archive(db)
    dialog = OfficeDialog(archive)
    qtbot.addWidget(dialog)
    rules, scale = dialog.service.rules, dialog.service.scale
    assert rules.spins["sale_day"].value() == 7
    assert dialog.service.greeted_tiers["A"].isChecked()
    assert not dialog.service.greeted_tiers["B"].isChecked()
    rules.spins["service_from"].setValue(6)   # after its end (5): refused, nothing stored
    rules.spins["sale_day"].setValue(5)
    assert rules.save() is False
    assert rules.errors["service_to"].text() == "The window ends before it starts."
    assert archive.service.followup_rules().sale_day == 7
    rules.spins["service_to"].setValue(8)
    rules.checks["yearly"].setChecked(False)
    dialog.service.greeted_tiers["B"].setChecked(True)
    assert rules.save() is True
    stored = archive.service.followup_rules()
    assert (stored.sale_day, stored.service_from, stored.service_to, stored.yearly,
            stored.holiday_tiers) == (5, 6, 8, False, ("A", "B"))
    assert scale.spins["target"].value() == 90
    scale.spins["low_up_to"].setValue(4)      # not below "satisfied from" (4): refused
    assert scale.save() is False
    assert scale.errors["low_up_to"].text() == "A low score must be below a satisfied one."
    assert not scale.errors["low_up_to"].isHidden()
    scale.spins["top"].setValue(10)
    scale.spins["satisfied_from"].setValue(8)
    scale.spins["target"].setValue(85)
    assert scale.save() is True
    assert archive.service.survey_scale() == SurveyScale(top=10, satisfied_from=8, low_up_to=4,
                                                 target=0.85)
