"""Every menu action of the main window, triggered as a person would, does what it says."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from tests.actions_support import (
    action,
    open_main_window,
    save_as,
    stand_in_for_exec,
)
from tests.helpers import fill_and_save, make_customer
from tierdesk.core.customers.cards import VisitInput
from tierdesk.ui.actions import on_click

UI = Path(__file__).resolve().parent.parent / "tierdesk" / "ui"
ARGUMENT_SIGNALS = {"clicked", "triggered", "toggled", "activated", "doubleClicked",
                    "itemActivated"}
CHECKED_MODULES = sorted(p.name for p in UI.glob("*.py"))


def test_a_slot_with_an_optional_parameter_is_called_with_none_by_a_button(qtbot):
    received = []

    def save(path=None):  # type: ignore[no-untyped-def]
        received.append(path)

    button = QPushButton()
    qtbot.addWidget(button)
    on_click(button.clicked, save)
    button.click()
    assert received == [None]   # connected directly, clicked(bool) would give False


def _methods(tree: ast.Module) -> dict[str, ast.FunctionDef]:
    return {node.name: node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)}


@pytest.mark.parametrize("module", CHECKED_MODULES)
def test_no_signal_argument_reaches_an_optional_parameter(module):
    """A button, action or check box connected straight to a method passes its argument
    (checked, index) on; that is allowed only where the method needs it (no default)."""
    tree = ast.parse((UI / module).read_text(encoding="utf-8"))
    methods = _methods(tree)
    wrong = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr == "connect"
                and isinstance(node.func.value, ast.Attribute)
                and node.func.value.attr in ARGUMENT_SIGNALS):
            continue
        slot = node.args[0]
        if isinstance(slot, ast.Lambda):
            wrong.append(f"line {node.lineno}: a lambda, use on_click")
            continue
        name = slot.attr if isinstance(slot, ast.Attribute) else getattr(slot, "id", "")
        method = methods.get(name)
        if method is None or method.args.defaults or len(method.args.args) < 2:
            wrong.append(f"line {node.lineno}: {name} does not need the signal's argument")
    assert wrong == []


@pytest.fixture
def one_customer(window, db):
    cid = make_customer(db, "张三贸易有限公司")
    window.archive.customers.add_visit(cid, VisitInput(visit_date=dt.date.today(),
                                                       purpose="新品介绍",
                                             summary="客户索要样品", outcome="达成意向"))
    window.reload()
    window.select_customer(cid)
    return cid


@pytest.fixture
def window(qtbot, db, tmp_path):
    return open_main_window(qtbot, db, tmp_path)


def names_shown(win):
    return [win.model.data(win.model.index(r, 1)) for r in range(win.model.rowCount())]


def test_file_new_customer_saves_and_selects_it(qtbot, window, monkeypatch):
    from tierdesk.ui.customer_dialog import CustomerDialog

    def fill(dialog):  # type: ignore[no-untyped-def]
        dialog.ui.name.setText("新客户有限公司")
        dialog.ui.contactName.setText("李四")
        dialog.ui.mobile.setText("13800138000")
        dialog.ui.region.setCurrentIndex(dialog.ui.region.findText("HD 华东"))
        dialog.ui.buttons.button(dialog.ui.buttons.StandardButton.Save).click()
        return dialog.result()

    shown = stand_in_for_exec(monkeypatch, CustomerDialog, fill)
    action(window, "New customer…").trigger()
    assert len(shown) == 1
    assert names_shown(window) == ["新客户有限公司"]
    assert window.panel.customer_id is not None
    assert window.archive.customers.customer(window.panel.customer_id).name == "新客户有限公司"


def test_file_open_database_asks_for_another_database(qtbot, window):
    with qtbot.waitSignal(window.open_database_requested, timeout=1000):
        action(window, "Open database…").trigger()


def test_file_import_opens_the_import_window(qtbot, window, monkeypatch):
    from tierdesk.ui.import_wizard import ImportWizard

    shown = stand_in_for_exec(monkeypatch, ImportWizard)
    action(window, "Import from Excel…").trigger()
    assert [type(d) for d in shown] == [ImportWizard]


def test_file_export_the_list_shown_writes_the_customers(qtbot, window, db, tmp_path,
                                                          monkeypatch):
    make_customer(db, "张三贸易有限公司")
    make_customer(db, "李四商行", mobile="13912345678")
    window.reload()
    target = tmp_path / "list.xlsx"
    save_as(monkeypatch, target)
    action(window, "Export the list shown…").trigger()
    qtbot.waitUntil(lambda: "Exported" in window.statusBar().currentMessage(), timeout=10000)
    book = load_workbook(target)
    assert book.sheetnames == ["Customers"]
    assert sorted(r[1] for r in list(book.active.iter_rows(values_only=True))[1:]) == \
        ["张三贸易有限公司", "李四商行"]


def test_file_export_everything_writes_every_sheet(qtbot, window, one_customer, tmp_path,
                                                   monkeypatch):
    target = tmp_path / "all.xlsx"
    save_as(monkeypatch, target)
    action(window, "Export everything…").trigger()
    qtbot.waitUntil(lambda: "Exported" in window.statusBar().currentMessage(), timeout=10000)
    book = load_workbook(target)
    assert book.sheetnames == ["Customers", "Visits", "Orders", "Payments"]
    visits = list(book["Visits"].iter_rows(values_only=True))
    assert any("新品介绍" in row for row in visits[1:])


def test_file_quit_closes_the_window(qtbot, window):
    action(window, "Quit").trigger()
    assert not window.isVisible()


def test_customer_log_a_visit_starts_an_entry_on_the_card(qtbot, window, one_customer):
    window.panel.tabs.setCurrentIndex(3)
    action(window, "Log a call or visit").trigger()
    assert window.panel.tabs.currentIndex() == 0
    assert window.panel.entry.ui.purpose.isEnabled()
    window.panel.entry.ui.purpose.setText("回访")
    window.panel.entry.ui.saveButton.click()
    card = window.archive.customers.open_customer(one_customer).current
    assert [e.purpose for e in card.entries] == ["新品介绍", "回访"]


def test_customer_edit_details_opens_the_customer(qtbot, window, one_customer, monkeypatch):
    from tierdesk.ui.customer_dialog import CustomerDialog

    def fill(dialog):  # type: ignore[no-untyped-def]
        dialog.ui.mobile.setText("13912345678")
        dialog.ui.buttons.button(dialog.ui.buttons.StandardButton.Save).click()
        return dialog.result()

    shown = stand_in_for_exec(monkeypatch, CustomerDialog, fill)
    action(window, "Edit details…").trigger()
    assert shown[0].ui.name.text() == "张三贸易有限公司"
    assert window.archive.customers.customer(one_customer).mobile == "13912345678"


def test_customer_print_card_writes_a_pdf(qtbot, window, one_customer, tmp_path, monkeypatch):
    target = tmp_path / "card.pdf"
    save_as(monkeypatch, target)
    action(window, "Print card to PDF…").trigger()
    text = "".join(page.extract_text() for page in PdfReader(target).pages)
    assert "张三贸易有限公司" in text and "新品介绍" in text


def test_customer_delete_asks_then_removes_from_the_list(qtbot, window, one_customer,
                                                         monkeypatch):
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2])
                        or QMessageBox.StandardButton.Yes)
    action(window, "Delete customer…").trigger()
    assert "张三贸易有限公司" in asked[0]
    assert names_shown(window) == []
    assert window.panel.customer_id is None


def test_view_find_goes_to_the_search_box(qtbot, window):
    window.left_tabs.setCurrentIndex(0)
    window.search.setText("abc")
    action(window, "Find customers").trigger()
    assert window.left_tabs.currentIndex() == 1
    assert window.search.hasFocus() and window.search.selectedText() == "abc"


def test_view_refresh_shows_what_another_program_wrote(qtbot, window, db):
    window.events.detach()   # as if another machine wrote it: no notice reaches the window
    make_customer(db, "李四商行")
    assert names_shown(window) == []
    action(window, "Refresh").trigger()
    assert names_shown(window) == ["李四商行"]


@pytest.mark.parametrize(("text", "code"), [("简体中文", "zh_CN"), ("English", "en"),
                                            ("Follow the system", "system")])
def test_view_language_asks_for_that_language(qtbot, window, text, code):
    with qtbot.waitSignal(window.language_chosen, timeout=1000) as blocker:
        action(window, text).trigger()
    assert blocker.args == [code]


def test_tiers_view_and_charts_shows_the_tier_window(qtbot, window):
    from tierdesk.ui.tiers_window import TierView

    action(window, "Tier view and charts…").trigger()
    views = [w for w in QApplication.topLevelWidgets() if isinstance(w, TierView)]
    assert len(views) == 1 and views[0].isVisible()
    views[0].close()


@pytest.mark.parametrize(("text", "module", "name"), [
    ("Reassess tiers…", "tiers_window", "ReassessDialog"),
    ("Tier model and contact norms…", "tiers_window", "TierSettingsDialog"),
    ("Complaint register…", "complaints_window", "ComplaintRegister"),
    ("Follow-ups, registers and satisfaction…", "service_window", "ServiceWindow"),
    ("Plan next month and visit quotas…", "plan_window", "PlanWindow"),
    ("Team performance, KPIs and alerts…", "performance_window", "PerformanceWindow"),
    ("Settings, regions and salespeople…", "office_dialog", "OfficeDialog"),
])
def test_a_menu_action_opens_its_window(qtbot, window, monkeypatch, text, module, name):
    import importlib

    cls = getattr(importlib.import_module(f"tierdesk.ui.{module}"), name)
    shown = stand_in_for_exec(monkeypatch, cls)
    action(window, text).trigger()
    assert [type(d) for d in shown] == [cls]


def test_service_todays_list_shows_the_today_tab(qtbot, window):
    window.left_tabs.setCurrentIndex(1)
    action(window, "Today's list").trigger()
    assert window.left_tabs.currentWidget() is window.today
    assert window.today.tree.hasFocus()


def test_service_new_complaint_records_one_for_the_open_customer(qtbot, window, one_customer,
                                                                 monkeypatch):
    cls, fake = fill_and_save([{"category": "质量", "description": "包装破损"}])
    monkeypatch.setattr(cls, "exec", fake)
    action(window, "New complaint for this customer…").trigger()
    rows = window.archive.service.complaint_register(open_only=True)
    assert [(r.name, r.category, r.description) for r in rows] == \
        [("张三贸易有限公司", "质量", "包装破损")]


@pytest.mark.parametrize("command", [["card", "HD-D-00001", "--pdf"], ["export", "customers"]])
def test_the_command_line_says_when_a_file_cannot_be_written(db, db_path, tmp_path, capsys,
                                                              command):
    """The card print and the export write through the same code as the window's actions."""
    from tierdesk.cli import main

    make_customer(db)
    assert main(["--db", str(db_path), *command, str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"tierdesk: cannot write {tmp_path}: ") and "Traceback" not in err


def test_a_finished_background_read_leaves_an_export_message_alone(qtbot, window):
    """The index or a sort ending took away whatever the status bar said, such as an export's
    result that had come meanwhile; it takes away only its own message now."""
    bar = window.statusBar()
    window._sorting(True)
    window._sorting(False)
    assert bar.currentMessage() == ""
    window._sorting(True)
    bar.showMessage("Exported 4 sheets to all.xlsx")
    window._sorting(False)
    assert bar.currentMessage() == "Exported 4 sheets to all.xlsx"
