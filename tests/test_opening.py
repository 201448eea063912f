"""Opening is deliberate: a path where there is no archive, or an empty file, becomes a new
archive only when asked (`tierdesk new PATH`); anything else is refused with a message and
nothing is created."""

from __future__ import annotations

from tierdesk.cli import EXIT_REFUSED, main


def test_a_mistyped_path_is_refused_and_nothing_is_made(tmp_path, capsys):
    typo = tmp_path / "nope" / "x.sqlite"
    assert main(["--db", str(typo), "info"]) == EXIT_REFUSED
    err = capsys.readouterr().err
    assert f"There is no archive at {typo}" in err and "tierdesk new" in err
    assert "Traceback" not in err
    assert not typo.parent.exists()


def test_an_empty_file_is_refused_and_left_as_it_is(tmp_path, capsys):
    empty = tmp_path / "empty.sqlite"
    empty.touch()
    assert main(["--db", str(empty), "search", "张"]) == EXIT_REFUSED
    assert "is empty: it holds no archive" in capsys.readouterr().err
    assert empty.stat().st_size == 0


def test_new_starts_an_archive_and_will_not_start_one_over_another(tmp_path, capsys):
    path = tmp_path / "office.sqlite"
    assert main(["new", str(path)]) == 0
    assert "A new, empty archive is at" in capsys.readouterr().out
    assert main(["--db", str(path), "info"]) == 0
    size = path.stat().st_size
    assert main(["new", str(path)]) == EXIT_REFUSED
    assert "holds an archive already" in capsys.readouterr().err
    assert path.stat().st_size == size


def test_the_demo_may_start_its_own_file(tmp_path):
    path = tmp_path / "demo.sqlite"
    assert main(["--db", str(path), "demo", "--customers", "30", "--salespeople", "3"]) == 0
    assert path.stat().st_size > 0


def test_control_characters_never_enter_the_archive_nor_reach_the_terminal(db_path, capsys):
    import sqlite3

    from tierdesk.core.archive import Archive
    from tierdesk.core.customers.cards import VisitInput
    from tierdesk.core.customers.master_file import CustomerInput
    from tierdesk.core.store.db import open_database

    db = open_database(db_path)
    archive = Archive(db)
    made = archive.customers.create_customer(CustomerInput(
        name="甲\x1b[2J贸易\x07有限公司", mobile="13800138000"))
    archive.customers.add_visit(made, VisitInput(
        visit_date="2026-11-20", purpose="回访", summary="第一行\x1b]0;title\x07\r\n第二行"))
    number = archive.customers.customer(made).number
    assert archive.customers.customer(made).name == "甲[2J贸易有限公司"
    [entry] = archive.customers.open_customer(made).current.entries
    assert entry.summary == "第一行]0;title\n第二行"
    db.close()
    with sqlite3.connect(db_path) as file:     # an archive written before: escapes held
        file.execute("UPDATE customer SET name = '丙\x1b[31m商行' WHERE number = ?", (number,))
    assert main(["--db", str(db_path), "card", number]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "丙\\x1b[31m商行" in out
