"""Adding a customer the archive already has (same name and phone): warned, shown the one
there, added only on purpose."""

from __future__ import annotations

import pytest
from helpers import make_customer, type_into
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox, QPushButton

from tierdesk.core.archive import Archive
from tierdesk.core.customers.master_file import CustomerInput, same_name_and_phone
from tierdesk.ui.customer_dialog import CustomerDialog
from tierdesk.ui.main_window import MainWindow


def test_the_core_finds_the_same_name_and_phone(db):
    existing = make_customer(db, "张三贸易有限公司", mobile="13800138000")
    with db.read() as session:
        same = same_name_and_phone(session, CustomerInput(name="张三贸易 有限责任公司",
                                                          mobile="138 0013 8000"))
        assert [(c.id, c.name, c.phone) for c in same] == \
            [(existing, "张三贸易有限公司", "13800138000")]
        assert same_name_and_phone(session, CustomerInput(name="张三贸易有限公司",
                                                          mobile="13900139000")) == []
        assert same_name_and_phone(session, CustomerInput(name="李四商行",
                                                          mobile="13800138000")) == []


@pytest.mark.parametrize("answer", ["addAnyway", "showExisting", "cancel"])
def test_the_dialog_asks_before_adding_a_duplicate(qtbot, db, tmp_path, monkeypatch, answer):
    existing = make_customer(db, "张三贸易有限公司", mobile="13800138000")
    number = Archive(db).customers.customer(existing).number
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(Archive(db), settings, "en")
    qtbot.addWidget(window)
    asked: list[str] = []

    def answer_box(box: QMessageBox) -> int:
        asked.append(box.text() + "\n" + box.informativeText())
        if answer == "cancel":
            box.button(QMessageBox.StandardButton.Cancel).click()
        else:
            box.findChild(QPushButton, answer).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer_box)
    dialog = CustomerDialog(window.archive, None, window)
    qtbot.addWidget(dialog)
    type_into(qtbot, dialog.ui.name, "张三贸易有限责任公司")
    type_into(qtbot, dialog.ui.mobile, "138-0013-8000")
    dialog.save()
    assert len(asked) == 1
    assert f"{number}  张三贸易有限公司  13800138000" in asked[0]
    window.reload()
    if answer == "addAnyway":
        assert dialog.result() == dialog.DialogCode.Accepted
        assert dialog.customer_id not in (None, existing)
        assert window.model.rowCount() == 2
    else:
        assert dialog.result() != dialog.DialogCode.Accepted
        assert dialog.customer_id is None
        assert window.model.rowCount() == 1
        assert dialog.existing_id == (existing if answer == "showExisting" else None)
