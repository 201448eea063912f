"""Import and export from the window, as a manager would use them."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton

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
    with qtbot.waitSignal(wizard.file_page.loaded, timeout=10000):
        wizard.file_page.load(path)
        assert not wizard.file_page.isComplete()        # until the file has been read
    assert [c.kind for c in wizard.choices] == ["customers", "orders"]
    assert wizard.file_page.sheets.item(0, 3).text() == "2"
    assert wizard.file_page.isComplete()
    wizard.next()
    columns = wizard.columns_page
    assert columns.columns.item(1, 0).text() == "户主"
    # "户主" is not a column name TierDesk knows: the person says it is the contact.
    combo = columns.columns.cellWidget(1, 2)
    combo.setCurrentIndex(combo.findData("contact_name"))
    assert wizard.choices[0].mapping == {0: "name", 1: "contact_name", 2: "mobile",
                                         3: "region"}
    review = wizard.review_page
    with qtbot.waitSignal(review.checked, timeout=10000):
        wizard.next()
        assert not review.isComplete()                  # until the rows are checked
    assert "1 new customers" in review.summary.text()
    assert "1 orders to add" in review.summary.text()
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


def test_checking_and_importing_can_be_stopped_and_nothing_is_written(qtbot, window, tmp_path,
                                                                     monkeypatch):
    import threading

    from tierdesk.core.store.models import Customer
    from tierdesk.ui import import_wizard
    from tierdesk.ui.workers import BackgroundTask

    path = write_workbook(tmp_path / "客户.xlsx", {"客户": [["客户名称", "手机"],
                                                        ["张三贸易有限公司", "13800138000"]]})
    wizard = ImportWizard(window.archive, window)
    qtbot.addWidget(wizard)
    wizard.show()
    with qtbot.waitSignal(wizard.file_page.loaded, timeout=10000):
        wizard.file_page.load(path)
    wizard.next()
    # The work waits until the person has pressed Cancel on its progress window.
    pressed = threading.Event()
    real = import_wizard.import_workbook
    monkeypatch.setattr(import_wizard, "import_workbook",
                        lambda *a, **k: pressed.wait(10) and real(*a, **k))

    def press_cancel(page):
        dialog = page.findChild(BackgroundTask).dialog
        dialog.findChild(QPushButton).click()
        pressed.set()

    with qtbot.waitSignal(wizard.review_page.checked, timeout=10000):
        wizard.next()
        press_cancel(wizard.review_page)
    assert wizard.currentPage() is wizard.columns_page      # back where the person was
    pressed.clear()
    with qtbot.waitSignal(wizard.review_page.checked, timeout=10000):
        wizard.next()
        pressed.set()
    assert wizard.review_page.isComplete()
    pressed.clear()
    wizard.accept()
    press_cancel(wizard)
    qtbot.waitUntil(lambda: wizard.findChild(BackgroundTask) is None, timeout=10000)
    assert wizard.isVisible()                               # nothing imported: still open
    with window.archive.database.read() as session:
        assert session.query(Customer).count() == 0


def test_a_file_that_cannot_be_read_is_explained_on_the_first_page(qtbot, window, tmp_path):
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"PK\x03\x04 cut off")
    wizard = ImportWizard(window.archive, window)
    qtbot.addWidget(wizard)
    with qtbot.waitSignal(wizard.file_page.loaded, timeout=10000):
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


def test_the_columns_page_shows_how_many_values_of_each_column_would_be_accepted(
        qtbot, window, tmp_path):
    path = write_workbook(tmp_path / "客户档案.xlsx", {
        "客户资料": [["客户名称", "电话", "客户级别", "合作开始日期", "备注"],
                 ["甲公司", "13800138000", "A级", "2019-03-01", ""],
                 ["乙公司", "021-12345678", "C级", "2020/5/6", "老客户"],
                 ["丙公司", "0571 8888 6666", "重点客户", "明年", ""],
                 ["丁公司", "12345", "Z级", "", ""]],
        "拜访记录": [["日期", "客户名称", "拜访方式", "沟通内容"],
                 ["2024-05-01", "甲公司", "上门拜访", "送样"],
                 ["2024-05-02", "乙公司", "电话回访", "回访"],
                 ["2024-05-03", "戊公司", "其他", "报价"]]})
    wizard = ImportWizard(window.archive, window)
    qtbot.addWidget(wizard)
    wizard.show()
    with qtbot.waitSignal(wizard.file_page.loaded, timeout=10000):
        wizard.file_page.load(path)
    columns = wizard.columns_page
    with qtbot.waitSignal(columns.counted, timeout=10000):
        wizard.next()

    def shown() -> list[str]:
        return [columns.columns.item(r, 3).text() for r in range(columns.columns.rowCount())]

    assert shown() == ["4 of 4 accepted", "3 of 4 accepted", "3 of 4 accepted",
                       "2 of 3 accepted", "1 of 1 accepted"]
    with qtbot.waitSignal(columns.counted, timeout=10000):
        columns.columns.cellWidget(4, 2).setCurrentIndex(0)     # 备注 not imported
    assert shown()[4] == ""
    # Taken by hand as landlines only, the mobile is no longer accepted.
    combo = columns.columns.cellWidget(1, 2)
    with qtbot.waitSignal(columns.counted, timeout=10000):
        combo.setCurrentIndex(combo.findData("landline"))
    assert shown()[1] == "2 of 4 accepted"
    with qtbot.waitSignal(columns.counted, timeout=10000):
        columns.sheet.setCurrentIndex(1)
    # Visits link to the customers the first sheet adds; 其他 is not a way of contact.
    assert shown() == ["3 of 3 accepted", "2 of 3 accepted", "2 of 3 accepted",
                       "3 of 3 accepted"]
    columns.columns.resize(1366, 500)
    wizard.resize(1200, 700)
    wizard.grab().save(str(tmp_path.parent / "columns_page.png"))


def test_a_sheet_with_a_stray_cell_at_xfd1_shows_only_its_columns(qtbot, window, tmp_path):
    from tests.test_sparse_sheets import archive_with_stray_cell

    path = tmp_path / "客户档案.xlsx"
    archive_with_stray_cell(path, 0, 16383)
    wizard = ImportWizard(window.archive, window)
    qtbot.addWidget(wizard)
    wizard.show()
    with qtbot.waitSignal(wizard.file_page.loaded, timeout=20000):
        wizard.file_page.load(str(path))
    columns = wizard.columns_page
    with qtbot.waitSignal(columns.counted, timeout=20000):
        wizard.next()
    table = columns.columns
    assert [table.item(r, 0).text() for r in range(table.rowCount())] == [
        "客户编号", "客户名称", "电话", "客户级别", "建档日期", "x"]
    assert table.verticalHeaderItem(5).text() == "16384"
    assert [table.item(r, 3).text() for r in range(5)] == ["1,000 of 1,000 accepted"] * 5
