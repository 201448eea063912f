"""Office settings in the window: card size, numbering rule, salespeople and a hand-over."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from tests.helpers import make_customer, type_into
from tierdesk.core.archive import Archive
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
    assert archive.settings().card_size == 10  # nothing saved
    dialog.rule.setText("KH-{seq:06}")
    assert dialog.rule_preview.text() == "Example: KH-000017"
    assert dialog.save_settings() is True
    assert (archive.settings().card_size, archive.settings().numbering_rule) == (7, "KH-{seq:06}")


def test_adding_and_editing_a_salesperson(qtbot, db):
    archive = Archive(db)
    dialog = OfficeDialog(archive)
    qtbot.addWidget(dialog)
    type_into(qtbot, dialog.person_code, "s010")
    type_into(qtbot, dialog.person_name, "赵敏")
    dialog.save_person()
    assert [p.name for p in archive.salespeople() if p.code == "S010"] == ["赵敏"]
    dialog.people.selectRow([p.code for p in archive.salespeople()].index("S010"))
    assert dialog.person_name.text() == "赵敏"
    dialog.person_active.setChecked(False)
    dialog.save_person()
    assert [p.active for p in archive.salespeople() if p.code == "S010"] == [False]
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
    people = {p.code: p for p in archive.salespeople()}
    assert (people["S001"].customers, people["S002"].customers) == (0, 2)
    assert people["S001"].active is False
    assert "2 customers" in told[0]
