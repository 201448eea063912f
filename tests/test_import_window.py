"""Import and export from the window, as a manager would use them."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox

from tests.helpers import make_customer, type_into, write_workbook
from tierdesk.core.archive import Archive
from tierdesk.ui.import_wizard import ImportWizard
from tierdesk.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, db, tmp_path):
    win = MainWindow(Archive(db), QSettings(str(tmp_path / "ui.ini"),
                                            QSettings.Format.IniFormat), "en")
    qtbot.addWidget(win)
    return win


def test_importing_through_the_window(qtbot, window, tmp_path, monkeypatch):
    path = write_workbook(tmp_path / "老档案.xlsx", {
        "客户": [["客户档案基本资料表"], ["客户名称", "户主", "手机", "区域"],
               ["张三贸易有限公司", "李四", "13800138000", "华东"],
               ["乙公司", "王五", "1380013800", "华东"]],
        "订单": [["客户名称", "订单日期", "金额"], ["张三贸易有限公司", "2026-02-01", "1.2万"]]})
    wizard = ImportWizard(window.archive, window)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.file_page.load(path)
    assert [c.kind for c in wizard.choices] == ["customers", "orders"]
    assert wizard.file_page.isComplete()
    wizard.next()
    columns = wizard.columns_page
    assert columns.columns.item(1, 0).text() == "户主"
    # "户主" is not a column name TierDesk knows: the person says it is the contact.
    combo = columns.columns.cellWidget(1, 2)
    combo.setCurrentIndex(combo.findData("contact_name"))
    assert wizard.choices[0].mapping == {0: "name", 1: "contact_name", 2: "mobile",
                                         3: "region"}
    wizard.next()
    review = wizard.review_page
    assert "1 new customers" in review.summary.text()
    assert review.refused.rowCount() == 1
    assert [review.refused.item(0, c).text() for c in range(3)] == ["客户", "4", "手机"]
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: shown.append(a[2]))
    with qtbot.waitSignal(wizard.finished, timeout=10000):
        wizard.accept()
    assert "1 customers created" in shown[0] and "1 orders" in shown[0]
    # The list saw the import without being asked.
    assert window.model.rowCount() == 1
    window.view.selectRow(0)
    assert window.panel.card.facts.contact_name == "李四"


def test_a_file_that_cannot_be_read_is_explained_on_the_first_page(qtbot, window, tmp_path):
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"PK\x03\x04 cut off")
    wizard = ImportWizard(window.archive, window)
    qtbot.addWidget(wizard)
    wizard.file_page.load(str(bad))
    assert "damaged or incomplete" in wizard.file_page.error.text()
    assert not wizard.file_page.isComplete()


def test_exporting_the_list_shown(qtbot, window, db, tmp_path, monkeypatch):
    make_customer(db, "张三贸易有限公司")
    make_customer(db, "重庆银行股份有限公司", mobile="13912345678", region="HB",
                  salesperson="S003")
    window.reload()
    type_into(qtbot, window.search, "cqyh")
    target = tmp_path / "shown.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.export_excel(everything=False)
    qtbot.waitUntil(lambda: "Exported" in window.statusBar().currentMessage(), timeout=10000)
    rows = list(load_workbook(target).active.iter_rows(values_only=True))
    assert rows[0][:2] == ("Customer no.", "Customer name")
    assert [r[1] for r in rows[1:]] == ["重庆银行股份有限公司"]
