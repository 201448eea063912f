"""Nothing writes except through the gate, and the front door is a set of typed areas."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest
from sqlalchemy import insert
from sqlalchemy.exc import DBAPIError

from tierdesk.core.archive import Archive, Changed
from tierdesk.core.store.journal import OutsideTheGate
from tierdesk.core.store.models import Region
from tierdesk.core.store.raw import insert_many, new_keys

# Each test runs on a PostgreSQL office as well as on SQLite (conftest).
ALSO_ON_POSTGRESQL = True

ROOT = Path(__file__).resolve().parent.parent
AREAS = ("customers", "office", "tiers", "service", "planning", "sync", "backups", "trash",
         "check", "encryption")


def _regions(db) -> list[str]:
    with db.read() as session:
        return sorted(session.scalars(Region.__table__.select().with_only_columns(
            Region.code)))


def test_a_read_session_cannot_write_a_row(db):
    before = _regions(db)
    with pytest.raises(DBAPIError, match=r"read-?only"), db.read() as session:
        session.add(Region(code="XX", name="外区"))
        session.flush()
    with pytest.raises(DBAPIError, match=r"read-?only"), db.read() as session:
        session.execute(Region.__table__.delete())
    assert _regions(db) == before


def test_bulk_rows_outside_a_write_are_refused_before_any_sql(db):
    before = _regions(db)
    with pytest.raises(OutsideTheGate, match="region"), db.read() as session:
        insert_many(session.connection(), Region.__table__, ("id", "code", "name"),
                    [(new_keys(1)[0], "YY", "另一区")])
    assert _regions(db) == before


def test_a_write_session_writes_only_while_the_gate_is_open(db):
    """A session of the write factory used after its write ended (kept by mistake) cannot
    flush a change or run a statement that writes: nothing unjournalled lands."""
    with db.write() as session:
        kept = session
    kept.add(Region(code="ZZ", name="漏网区"))
    with pytest.raises(OutsideTheGate):
        kept.flush()
    kept.rollback()
    with pytest.raises(OutsideTheGate):
        kept.execute(insert(Region.__table__).values(code="ZZ", name="漏网区"))
    kept.rollback()
    kept.close()
    assert "ZZ" not in _regions(db)


def test_the_front_door_hands_out_one_typed_interface_per_area(db):
    archive = Archive(db)
    public = {name for name in vars(archive) if not name.startswith("_")}
    assert public == set(AREAS)
    assert not hasattr(archive, "db")
    for name in AREAS:
        area = getattr(archive, name)
        for method_name, method in inspect.getmembers(area, inspect.ismethod):
            if method_name.startswith("_"):
                continue
            kinds = {p.kind for p in inspect.signature(method).parameters.values()}
            assert inspect.Parameter.VAR_KEYWORD not in kinds, f"{name}.{method_name}"
            assert inspect.Parameter.VAR_POSITIONAL not in kinds, f"{name}.{method_name}"


def test_the_front_door_needs_no_type_ignore(db):
    archive = Archive(db)
    modules = {Path(inspect.getsourcefile(type(getattr(archive, name))) or "")
               for name in AREAS}         # the module of each area the front door hands out
    files = [ROOT / "tierdesk/core/archive.py", ROOT / "tierdesk/core/area.py",
             *sorted(modules)]
    assert len(files) == 2 + len(AREAS)
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert "type: ignore" not in text, path
        assert not re.search(r"\*\*\w+: Any", text), path


def test_an_area_write_is_announced_once_after_it_committed(db):
    archive = Archive(db)
    heard = []
    archive.subscribe(lambda change: heard.append((change, _regions(db))))
    archive.office.save_region("NW", "西北区")
    [(change, regions_then)] = heard
    assert change.kinds == Changed.OFFICE
    assert "NW" in regions_then          # the listener reads what was committed


def test_the_command_line_writes_through_the_front_door(db, monkeypatch, capsys):
    """A command's change is made by an area of the front door (which announces it) and
    journalled by the gate with the person --as names and the source "command line"."""
    from sqlalchemy import select

    from tests.helpers import make_customer
    from tierdesk.cli import main
    from tierdesk.core.store.models import Customer, JournalEntry, Salesperson

    customer_id = make_customer(db)
    with db.read() as session:
        number = session.get(Customer, customer_id).number
        name = session.scalar(select(Salesperson.name).where(Salesperson.code == "S001"))
    heard = []
    opened = Archive.__init__

    def listened_to(archive, database):
        opened(archive, database)
        archive.subscribe(heard.append)

    monkeypatch.setattr(Archive, "__init__", listened_to)
    where = str(db.path or db.url)
    assert main(["--db", where, "--as", "s001", "edit", number, "name=新名字"]) == 0
    assert f"{number} name: 张三贸易有限公司 -> 新名字" in capsys.readouterr().out
    [change] = heard
    assert change.kinds == Changed.CUSTOMERS
    assert change.customer_ids == (customer_id,)
    with db.read() as session:
        [entry] = session.scalars(select(JournalEntry).where(
            JournalEntry.table_name == "customer", JournalEntry.action == "update",
            JournalEntry.row_id == customer_id))
    assert entry.person == f"S001 {name}"
    assert entry.source == "command line"
    assert entry.machine
    assert entry.changes["name"] == ["张三贸易有限公司", "新名字"]
