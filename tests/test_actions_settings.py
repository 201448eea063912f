"""The buttons of the tier windows, the office settings (with the holiday calendar and the
follow-up settings), the import window and the form dialog: each clicked as a person would,
its effect checked."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QInputDialog, QMessageBox

from tests.actions_support import button, save_as, set_and_save
from tests.helpers import fill_and_save, make_customer, write_workbook
from tests.test_tier_views import office as tier_office
from tierdesk.core.archive import Archive
from tierdesk.core.tiers.rules import TierRules
from tierdesk.reports import charts

# -- tiers ---------------------------------------------------------------------------------------


@pytest.fixture
def tier_settings(qtbot, db):
    from tierdesk.ui.tiers_window import TierSettingsDialog

    tier_office(db, [100, 200, 300, 400])
    dialog = TierSettingsDialog(Archive(db))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.preview.rowCount() == 4, timeout=5000)
    return dialog


def test_tier_settings_add_and_remove_a_tier(qtbot, tier_settings):
    dialog = tier_settings
    dialog.add_button.click()
    assert [r["name"].text() for r in dialog.rows] == list("ABCDE")
    assert not dialog.add_button.isEnabled()        # five at most
    dialog.remove_button.click()
    dialog.remove_button.click()
    assert [r["name"].text() for r in dialog.rows] == list("ABC")
    assert not dialog.remove_button.isEnabled()     # three at least


def test_tier_settings_colour_button_takes_the_colour_chosen(qtbot, tier_settings, monkeypatch):
    dialog = tier_settings
    monkeypatch.setattr(QColorDialog, "getColor", lambda *a, **k: QColor("#123456"))
    dialog.rows[0]["colour"].click()
    assert dialog.rows[0]["colour"].text() == "#123456"
    assert dialog.rules().colours[0] == "#123456"


def test_tier_settings_save_and_cancel(qtbot, tier_settings):
    dialog = tier_settings
    dialog.rows[0]["calls"].setValue(6)
    from PySide6.QtWidgets import QDialogButtonBox

    buttons = dialog.findChild(QDialogButtonBox)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert dialog.result() == dialog.DialogCode.Rejected
    assert dialog.archive.tiers.rules() == TierRules()
    buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.archive.tiers.rules().norm("A").calls == 6


@pytest.fixture
def reassess(qtbot, db):
    from tierdesk.ui.tiers_window import ReassessDialog

    tier_office(db, [100 * (i + 1) for i in range(10)])
    dialog = ReassessDialog(Archive(db))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.period.setText("2026-Q4")
    dialog.compute_button.click()
    qtbot.waitUntil(lambda: dialog.assessment is not None, timeout=5000)
    return dialog


def test_reassess_compute_button_grades_every_customer(qtbot, reassess):
    assert "10 customers graded for 2026-Q4" in reassess.summary.text()
    assert reassess.model.rowCount() == 10 and reassess.apply_button.isEnabled()


def test_reassess_set_tier_by_hand(qtbot, reassess, monkeypatch):
    dialog = reassess
    dialog.table.selectRow(0)
    position = dialog.model.position(0)
    customer_id = dialog.assessment.row(position).customer_id
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("A", True))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("大客户", True))
    before = dialog.assessment
    dialog.override_button.click()
    qtbot.waitUntil(lambda: dialog.assessment is not before, timeout=5000)
    assert dialog.archive.customers.customer(customer_id).tier == "A"
    assert int(dialog.assessment.overridden.sum()) == 1


def test_reassess_apply_writes_the_tiers(qtbot, reassess, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: told.append(a[2]))
    reassess.apply_button.click()
    qtbot.waitUntil(lambda: bool(told), timeout=5000)
    assert "10 customers changed tier" in told[0]
    assert reassess.result() == reassess.DialogCode.Accepted


def test_reassess_close_button_closes_without_writing(qtbot, reassess):
    button(reassess, "Close").click()
    assert not reassess.isVisible()
    assert reassess.result() == reassess.DialogCode.Rejected


@pytest.mark.parametrize("kind", ["png", "pdf"])
def test_tier_view_save_chart_buttons_write_the_file(qtbot, db, tmp_path, monkeypatch, kind):
    from tierdesk.ui.tiers_window import TierView

    tier_office(db, [100 * (i + 1) for i in range(10)])
    view = TierView(Archive(db))
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.picture is not None, timeout=5000)
    view.chart_kind.setCurrentIndex(list(charts.CHARTS).index("pareto"))
    target = tmp_path / "chart"          # the extension is added
    save_as(monkeypatch, target)
    button(view, f"Save as {kind.upper()}…").click()
    written = tmp_path / f"chart.{kind}"
    if kind == "png":
        assert written.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    else:
        assert len(PdfReader(written).pages) == 1


# -- office settings -------------------------------------------------------------------------------
@pytest.fixture
def office_dialog(qtbot, db):
    from tierdesk.ui.office_dialog import OfficeDialog

    dialog = OfficeDialog(Archive(db))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_office_save_settings_button(qtbot, office_dialog):
    office_dialog.office_name.setText("上海办事处")
    office_dialog.card_size.setValue(8)
    button(office_dialog, "Save settings").click()
    settings = office_dialog.archive.office.settings()
    assert (settings.office_name, settings.card_size) == ("上海办事处", 8)


def test_office_add_region_button(qtbot, office_dialog):
    office_dialog.region_code.setText("HN")
    office_dialog.region_name.setText("华南")
    button(office_dialog, "Add region").click()
    assert ("HN", "华南") in [(r.code, r.name) for r in office_dialog.archive.office.regions()]
    assert office_dialog.region_code.text() == ""
    assert "HN" in [office_dialog.regions.item(r, 0).text()
                    for r in range(office_dialog.regions.rowCount())]


def test_office_new_and_save_salesperson_buttons(qtbot, office_dialog):
    dialog = office_dialog
    dialog.people.selectRow(0)
    assert dialog.person_code.text() == "S001"
    button(dialog, "New").click()
    assert dialog.person_code.text() == "" and dialog.editing_person is None
    dialog.person_code.setText("S004")
    dialog.person_name.setText("赵敏")
    dialog.save_person_button.click()
    assert "S004" in [p.code for p in dialog.archive.office.salespeople()]
    dialog.people.selectRow(0)
    dialog.person_phone.setText("13700000000")
    dialog.save_person_button.click()
    assert {p.code: p.phone for p in dialog.archive.office.salespeople()}["S001"] == "13700000000"


def test_office_hand_over_button(qtbot, office_dialog, db, monkeypatch):
    from tierdesk.ui.office_dialog import HandOverDialog

    make_customer(db, "甲公司", salesperson="S001")
    office_dialog._load()
    office_dialog.people.selectRow(0)

    def receive(dialog):  # type: ignore[no-untyped-def]
        dialog.list.item(0).setSelected(True)
        return 1

    monkeypatch.setattr(HandOverDialog, "exec", receive)
    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)
    office_dialog.hand_over_button.click()
    people = {p.code: p for p in office_dialog.archive.office.salespeople()}
    assert (people["S001"].customers, people["S002"].customers) == (0, 1)


def test_office_close_button(qtbot, office_dialog):
    from PySide6.QtWidgets import QDialogButtonBox

    boxes = [b for b in office_dialog.findChildren(QDialogButtonBox)
             if b.button(QDialogButtonBox.StandardButton.Close) is not None]
    boxes[0].button(QDialogButtonBox.StandardButton.Close).click()
    assert not office_dialog.isVisible()


def test_holiday_add_edit_double_click_and_remove_buttons(qtbot, office_dialog, monkeypatch):
    tab = office_dialog.holidays
    archive = office_dialog.archive
    cls, fake = fill_and_save([{"day": dt.date(2027, 2, 6), "name": "春节", "kind": "greet"}])
    monkeypatch.setattr(cls, "exec", fake)
    button(tab, "Add day…").click()
    assert [(h.day, h.name) for h in archive.office.holidays()] == [(dt.date(2027, 2, 6), "春节")]
    tab.table.selectRow(0)
    cls, fake = fill_and_save([{"name": "春节假期"}])
    monkeypatch.setattr(cls, "exec", fake)
    button(tab, "Edit…").click()
    assert [h.name for h in archive.office.holidays()] == ["春节假期"]
    cls, fake = fill_and_save([{"kind": "off"}])
    monkeypatch.setattr(cls, "exec", fake)
    tab.table.doubleClicked.emit(tab.table.model().index(0, 0))
    assert [(h.name, h.greet) for h in archive.office.holidays()] == [("春节假期", False)]
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    tab.remove_button.click()
    assert archive.office.holidays() == [] and tab.table.rowCount() == 0


def test_follow_up_and_survey_save_buttons(qtbot, office_dialog):
    service = office_dialog.service
    set_and_save(service.rules, "sale_day", 9)
    assert office_dialog.archive.service.followup_rules().sale_day == 9
    set_and_save(service.scale, "target", 85)
    assert office_dialog.archive.service.survey_scale().target == 0.85


# -- import window ---------------------------------------------------------------------------------
@pytest.fixture
def wizard(qtbot, db, tmp_path, monkeypatch):
    from tierdesk.ui.import_wizard import ImportWizard

    path = write_workbook(tmp_path / "老档案.xlsx", {
        "客户": [["客户名称", "户主", "手机", "区域"],
               ["张三贸易有限公司", "李四", "13800138000", "华东"],
               ["乙公司", "王五", "1380013800", "华东"]]})
    window = ImportWizard(Archive(db))
    qtbot.addWidget(window)
    window.show()
    save_as(monkeypatch, path, "getOpenFileName")
    with qtbot.waitSignal(window.file_page.loaded, timeout=10000):
        button(window.file_page, "Browse…").click()
    return window


def test_import_browse_button_reads_the_file_chosen(qtbot, wizard):
    assert wizard.file_page.path.text().endswith("老档案.xlsx")
    assert [c.kind for c in wizard.choices] == ["customers"]
    assert wizard.file_page.isComplete()


def test_import_save_mapping_and_choose_it_again(qtbot, wizard, monkeypatch):
    from tierdesk.excel.columns import saved_mappings

    wizard.next()
    columns = wizard.columns_page
    combo = columns.columns.cellWidget(1, 2)
    combo.setCurrentIndex(combo.findData("contact_name"))
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("老档案", True))
    button(columns, "Save mapping as…").click()
    assert saved_mappings(wizard.archive.database)["老档案"]["户主"] == "contact_name"
    combo = columns.columns.cellWidget(1, 2)
    combo.setCurrentIndex(0)
    assert wizard.choices[0].mapping.get(1) != "contact_name"
    columns.saved.setCurrentIndex(columns.saved.findData("老档案"))
    columns.saved.activated.emit(columns.saved.currentIndex())
    assert wizard.choices[0].mapping[1] == "contact_name"


def test_import_save_refused_rows_button_writes_them(qtbot, wizard, tmp_path, monkeypatch):
    wizard.next()
    review = wizard.review_page
    with qtbot.waitSignal(review.checked, timeout=10000):
        wizard.next()
    assert review.save_refused.isEnabled()
    target = tmp_path / "refused.xlsx"
    save_as(monkeypatch, target)
    review.save_refused.click()
    rows = [r for r in load_workbook(target).active.iter_rows(values_only=True)]
    assert any("乙公司" in r for r in rows)
    assert not any("张三贸易有限公司" in r for r in rows)


# -- the form dialog -------------------------------------------------------------------------------
def test_form_dialog_save_and_cancel_buttons(qtbot):
    from PySide6.QtWidgets import QDialogButtonBox

    from tierdesk.ui.fields_dialog import Field, FieldsDialog

    saved = []
    dialog = FieldsDialog("Note", [Field("note", "Note")], saved.append, {"note": "旧"})
    qtbot.addWidget(dialog)
    dialog.show()
    buttons = dialog.findChild(QDialogButtonBox)
    dialog.edits["note"].setText("新")
    buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert saved == [] and dialog.result() == dialog.DialogCode.Rejected
    buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert saved == [{"note": "新"}] and dialog.result() == dialog.DialogCode.Accepted


def test_import_refused_rows_that_cannot_be_written_are_explained(qtbot, wizard, tmp_path,
                                                                   monkeypatch):
    wizard.next()
    review = wizard.review_page
    with qtbot.waitSignal(review.checked, timeout=10000):
        wizard.next()
    folder = tmp_path / "a folder"
    folder.mkdir()
    save_as(monkeypatch, folder)           # a folder cannot be written as a workbook
    told = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: told.append(a[2]))
    review.save_refused.click()
    assert len(told) == 1 and told[0].startswith("The workbook could not be written: ")
    assert list(folder.iterdir()) == []
