import datetime as dt

from pypdf import PdfReader
from sqlalchemy import select

from tests.helpers import make_customer
from tierdesk.cli import main
from tierdesk.core.store.db import open_database
from tierdesk.core.store.models import Customer


def test_demo_then_search_card_and_visit_from_the_command_line(tmp_path, capsys):
    path = tmp_path / "office.sqlite"
    assert main(["demo", "--customers", "120", "--salespeople", "8", "--db", str(path)]) == 0
    out = capsys.readouterr().out
    assert "120 customers" in out and "8 salespeople" in out
    db = open_database(path)
    with db.read() as session:
        first = session.scalars(select(Customer).order_by(Customer.number)).first()
    db.close()
    assert main(["--db", str(path), "search", first.number]) == 0
    assert first.name in capsys.readouterr().out
    assert main(["--db", str(path), "add-visit", first.number, "--channel", "phone",
                 "--purpose", "回款跟进", "--next-visit", "2099-01-01"]) == 0
    assert "written on card" in capsys.readouterr().out
    assert main(["--db", str(path), "card", first.number]) == 0
    card = capsys.readouterr().out
    assert "回款跟进" in card and first.name in card
    pdf = tmp_path / "card.pdf"
    assert main(["--db", str(path), "card", first.number, "--all", "--pdf", str(pdf)]) == 0
    text = "".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert "回款跟进" in text


def test_refusals_exit_1_with_one_clear_line(db_path, capsys):
    assert main(["--db", str(db_path), "card", "NO-SUCH-1"]) == 1
    err = capsys.readouterr().err
    assert err.strip() == "tierdesk: There is no customer numbered NO-SUCH-1."
    assert main(["--db", str(db_path), "settings", "--card-size", "12"]) == 1
    assert "card_size: Enter a number from 7 to 10." in capsys.readouterr().err


def test_a_bad_visit_changes_nothing(db, db_path, capsys):
    make_customer(db)
    assert main(["--db", str(db_path), "add-visit", "HD-D-00001", "--purpose", "x",
                 "--date", "2026-02-30"]) == 1
    assert "visit_date: There is no such date" in capsys.readouterr().err
    assert main(["--db", str(db_path), "card", "HD-D-00001"]) == 0
    assert " 1. \n" in capsys.readouterr().out + "\n"  # slot 1 still empty


def test_a_file_that_is_not_a_database_is_refused(tmp_path, capsys):
    path = tmp_path / "notes.txt"
    path.write_text("hello")
    assert main(["--db", str(path), "info"]) == 1
    assert "not a TierDesk database" in capsys.readouterr().err
    assert path.read_text() == "hello"


def test_wrong_usage_exits_2(capsys):
    assert main(["no-such-command"]) == 2


def test_settings_and_hand_over(db, db_path, capsys):
    for name in ("甲公司", "乙公司", "丙公司"):
        make_customer(db, name, salesperson="S001", today=dt.date(2026, 1, 1))
    assert main(["--db", str(db_path), "hand-over", "S001", "--to", "S002", "S003"]) == 0
    out = capsys.readouterr().out
    assert "S002: 2 customers" in out and "S003: 1 customer\n" in out
    assert main(["--db", str(db_path), "settings", "--card-size", "8"]) == 0
    assert "card size:      8" in capsys.readouterr().out
