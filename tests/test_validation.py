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
