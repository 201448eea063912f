import datetime as dt

import pytest

from tierdesk.core.errors import ValidationError
from tierdesk.core.validation import check_landline, check_mobile, parse_date


@pytest.mark.parametrize("typed, expected", [
    ("13800138000", "13800138000"),
    ("138 0013 8000", "13800138000"),
    ("138-0013-8000", "13800138000"),
    ("+86 138 0013 8000", "13800138000"),
    ("１３８００１３８０００", "13800138000"),
    ("", ""),
])
def test_mobile_numbers_as_people_type_them(typed, expected):
    assert check_mobile("mobile", typed) == expected


@pytest.mark.parametrize("typed", ["1380013800", "23800138000", "138001380001", "138OO138000"])
def test_malformed_mobile_numbers_are_refused_naming_the_field(typed):
    with pytest.raises(ValidationError) as info:
        check_mobile("mobile", typed)
    assert info.value.problems[0].field == "mobile"
    assert typed in str(info.value)


@pytest.mark.parametrize("typed, expected", [
    ("0571-87654321", "0571-87654321"),
    ("(0571)87654321", "0571-87654321"),
    ("010 12345678", "010-12345678"),
    ("0571-8765432", "0571-8765432"),
    ("021-12345678-801", "021-12345678-801"),
    ("021-12345678转801", "021-12345678-801"),
])
def test_landlines_carry_an_area_code(typed, expected):
    assert check_landline("landline", typed) == expected


@pytest.mark.parametrize("typed", ["87654321", "571-87654321", "0571-123"])
def test_landline_without_area_code_is_refused(typed):
    with pytest.raises(ValidationError, match="area code"):
        check_landline("landline", typed)


@pytest.mark.parametrize("typed", ["2024-03-05", "2024/3/5", "2024.3.5", "2024年3月5日", "20240305",
                                   "２０２４-０３-０５"])
def test_dates_as_people_type_them(typed):
    assert parse_date("d", typed) == dt.date(2024, 3, 5)


@pytest.mark.parametrize("typed", ["2023-02-29", "2024-13-01", "2024年4月31日"])
def test_impossible_dates_are_refused(typed):
    with pytest.raises(ValidationError, match="no such date"):
        parse_date("d", typed)


def test_text_that_is_no_date_is_refused():
    with pytest.raises(ValidationError, match="Not a date"):
        parse_date("d", "next Tuesday")



def test_control_characters_leave_notes_and_imported_summaries(db, tmp_path):
    """The notes of a customer and a summary read from a workbook lose them too."""
    from sqlalchemy import select

    from tests.helpers import make_customer
    from tierdesk.core.archive import Archive
    from tierdesk.core.store.models import Visit
    from tierdesk.excel.reader import open_workbook
    from tierdesk.excel.workbook_import import import_workbook

    customer = make_customer(db, "甲贸易有限公司")
    customers = Archive(db).customers
    data = customers.customer(customer).to_input()
    data.notes = "周三\x1b[31m上午\r\n方便\x00"
    customers.update_customer(customer, data)
    assert customers.customer(customer).notes == "周三[31m上午\n方便"
    number = customers.customer(customer).number
    path = tmp_path / "visits.csv"       # a workbook cannot hold them; a CSV file can
    path.write_text(f"客户编号,拜访日期,方式,洽谈内容\n{number},2026-05-06,电话,"
                    "谈\x07价格\x1b]0;x\x07\n", encoding="utf-8")
    import_workbook(db, open_workbook(path))
    with db.read() as session:
        assert session.scalar(select(Visit.summary).where(Visit.customer_id == customer)) \
            == "谈价格]0;x"
