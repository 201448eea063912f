"""Nothing cut silently on the way in: a text longer than its field takes is refused, with the
field, the limit and the length, in the window, on the command line and in an import; what
fits is kept whole."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import String, func, select

from tests.actions_support import open_main_window
from tests.helpers import make_customer, type_into, write_workbook
from tierdesk.cli import main
from tierdesk.core.archive import Archive
from tierdesk.core.customers.cards import VisitInput
from tierdesk.core.customers.master_file import CustomerInput
from tierdesk.core.errors import ValidationError
from tierdesk.core.store.models import AlertNote, Customer, Holiday, ServiceJob, Visit
from tierdesk.core.text_limits import LONGEST
from tierdesk.excel.column_check import accepted_counts
from tierdesk.excel.reader import open_workbook
from tierdesk.excel.workbook_import import import_workbook, survey


def refusal(exc: pytest.ExceptionInfo[ValidationError]) -> tuple[str, str]:
    problem = exc.value.problems[0]
    return problem.field, str(problem.message)


def count(db, model) -> int:  # type: ignore[no-untyped-def]
    with db.read() as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_no_limit_is_above_what_its_column_holds():
    for column, limit in LONGEST.items():
        kind = column.property.columns[0].type
        if isinstance(kind, String) and kind.length is not None:
            assert limit <= kind.length, column


def test_a_customer_name_above_100_characters_is_refused_and_nothing_is_written(db):
    customers = Archive(db).customers
    with pytest.raises(ValidationError) as refused:
        customers.create_customer(CustomerInput(name="甲" * 101, address="路" * 301))
    assert {p.field: str(p.message) for p in refused.value.problems} == {
        "name": "This text is 101 characters long; at most 100 are allowed.",
        "address": "This text is 301 characters long; at most 300 are allowed."}
    assert count(db, Customer) == 0
    made = customers.create_customer(CustomerInput(name="甲" * 100, notes="记" * 100_000))
    facts = customers.customer(made)
    assert facts.name == "甲" * 100 and facts.notes == "记" * 100_000


def test_a_visit_summary_above_5000_characters_is_refused_whole(db):
    archive = Archive(db)
    customer = make_customer(db)
    with pytest.raises(ValidationError) as refused:
        archive.customers.add_visit(customer, VisitInput(visit_date=dt.date.today(),
                                                         summary="谈" * 5001))
    assert refusal(refused) == ("summary", "This text is 5,001 characters long; at most "
                                           "5,000 are allowed.")
    assert count(db, Visit) == 0
    archive.customers.add_visit(customer, VisitInput(visit_date=dt.date.today(),
                                                     summary="谈" * 5000))
    with db.read() as session:
        assert session.scalars(select(Visit.summary)).one() == "谈" * 5000


def test_texts_once_cut_to_fit_are_refused_instead(db):
    """A holiday's name, a service job's kind and an alert's note were cut to their column
    without a word; now they are refused and nothing is written."""
    archive = Archive(db)
    customer = make_customer(db)
    attempts = [
        (lambda: archive.office.save_holiday(day="2026-10-01", name="节" * 101), "name", Holiday),
        (lambda: archive.service.add_service_job(customer, done_on=dt.date.today(),
                                                  kind="修" * 65), "kind", ServiceJob),
        (lambda: archive.planning.acknowledge_alert("at_risk:x:2026-01", "注" * 2001), "note",
         AlertNote),
    ]
    for attempt, field, model in attempts:
        with pytest.raises(ValidationError) as refused:
            attempt()
        assert refused.value.problems[0].field == field
        assert "characters long; at most" in str(refused.value.problems[0].message)
        assert count(db, model) == 0


def test_a_phone_typed_far_too_long_is_refused_for_its_length_not_echoed(db):
    with pytest.raises(ValidationError) as refused:
        Archive(db).customers.create_customer(CustomerInput(name="甲", mobile="1" * 5000))
    assert refusal(refused) == ("mobile", "This text is 5,000 characters long; at most 32 are "
                                          "allowed.")


def test_the_command_line_refuses_a_long_summary_with_the_field_and_changes_nothing(
        db, db_path, capsys):
    make_customer(db)
    assert main(["--db", str(db_path), "add-visit", "HD-D-00001", "--summary",
                 "x" * 6000]) == 1
    err = capsys.readouterr().err
    assert err.strip() == ("tierdesk: summary: This text is 6,000 characters long; at most "
                           "5,000 are allowed.")
    assert "Traceback" not in err
    assert count(db, Visit) == 0
    assert main(["--db", str(db_path), "--as", "n" * 101, "info"]) == 1
    assert "person: This text is 101 characters long" in capsys.readouterr().err


def test_an_import_refuses_each_row_with_a_text_too_long_by_its_row_and_column(db, tmp_path):
    long_address, long_summary = "路" * 301, "谈" * 5001
    visits = [["客户名称", "拜访日期", "拜访方式", "沟通内容"]] + [
        ["甲公司", f"2024-05-{day:02d}", "电话", f"回访{day}"] for day in range(1, 21)]
    visits.append(["甲公司", "2024-06-01", "电话", long_summary])
    path = write_workbook(tmp_path / "客户.xlsx", {
        "客户资料": [["客户名称", "地址", "区域"],
                 ["甲公司", "杭州市", "华东"],
                 ["乙公司", long_address, "华东"],
                 ["丙公司", "", "区" * 101]],
        "拜访记录": visits})
    outcome = import_workbook(db, open_workbook(path))
    refused = {(p.sheet, p.row, p.column): p.render() for p in outcome.refused}
    assert refused == {
        ("客户资料", 3, "地址"): "This text is 301 characters long; at most 300 are allowed.",
        ("客户资料", 4, "区域"): "This text is 101 characters long; at most 100 are allowed.",
        ("拜访记录", 22, "沟通内容"): "This text is 5,001 characters long; at most 5,000 are "
                                     "allowed."}
    with db.read() as session:
        assert list(session.scalars(select(Customer.name))) == ["甲公司"]
        assert session.scalar(select(func.count()).select_from(Visit)) == 20
        assert session.scalar(select(func.max(func.length(Visit.summary)))) < 10


def test_the_columns_page_counts_a_text_too_long_as_not_accepted(db, tmp_path):
    path = write_workbook(tmp_path / "客户.xlsx", {
        "客户资料": [["客户名称", "地址", "联系人"],
                 ["甲公司", "杭州市", "李四"],
                 ["乙公司", "路" * 301, "王" * 101]]})
    book = open_workbook(path)
    choices, _skipped = survey(book)
    counts = accepted_counts(db, book, choices, choices[0])
    by_header = {choices[0].headers[i]: found for i, found in counts.items()}
    assert by_header["地址"] == (1, 2)
    assert by_header["联系人"] == (1, 2)
    assert by_header["客户名称"] == (2, 2)


def test_the_customer_dialog_says_next_to_the_field_how_long_the_name_is(qtbot, db, tmp_path):
    from tierdesk.ui.customer_dialog import CustomerDialog

    window = open_main_window(qtbot, db, tmp_path)
    dialog = CustomerDialog(window.archive, None, window)
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(qtbot, dialog.ui.name, "甲" * 120)
    dialog.save()
    assert dialog.result() != dialog.DialogCode.Accepted
    assert dialog.ui.nameError.isVisible()
    assert dialog.ui.nameError.text() == ("This text is 120 characters long; at most 100 are "
                                          "allowed.")
    assert dialog.ui.name.text() == "甲" * 120          # what was typed stays, whole
    assert window.model.rowCount() == 0


def test_the_name_of_who_is_at_the_machine_is_refused_when_too_long(qtbot, db, tmp_path,
                                                                     monkeypatch):
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMessageBox

    from tierdesk.ui.person_dialog import SETTING, PersonDialog

    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    dialog = PersonDialog(Archive(db), settings)
    qtbot.addWidget(dialog)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warned.append(text))
    dialog.person.setCurrentText("王" * 101)
    dialog.accept()
    assert warned == ["This text is 101 characters long; at most 100 are allowed."]
    assert dialog.result() != dialog.DialogCode.Accepted
    assert settings.value(SETTING) is None
    dialog.person.setCurrentText("王" * 100)
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert settings.value(SETTING) == "王" * 100
