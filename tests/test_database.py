import shutil
import sqlite3
import threading
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.helpers import make_customer
from tierdesk.core.errors import DatabaseFileError
from tierdesk.core.store import db as dbmod
from tierdesk.core.store.db import SCHEMA_HEAD, open_database, resolve_location
from tierdesk.core.store.migrate import script_head

DATA = Path(__file__).parent / "data"


def test_the_code_knows_the_newest_migration():
    assert script_head() == SCHEMA_HEAD
    assert dbmod.KNOWN_REVISIONS[-1] == SCHEMA_HEAD


def test_a_new_file_gets_the_whole_schema_in_wal_mode_with_foreign_keys(tmp_path):
    db = open_database(tmp_path / "new.sqlite")
    with db.read() as session:
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert session.execute(text("SELECT version_num FROM alembic_version")).scalar() == \
            SCHEMA_HEAD
    db.close()


def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_bytes(b"PK\x03\x04 this is a zip, not a database")
    before = path.read_bytes()
    with pytest.raises(DatabaseFileError, match="not a TierDesk database"):
        open_database(path)
    assert path.read_bytes() == before


def test_another_programs_sqlite_file_is_refused_untouched(tmp_path):
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE songs (title TEXT)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseFileError, match="holds other tables"):
        open_database(path)
    assert path.read_bytes() == before


def test_a_database_from_a_newer_tierdesk_is_refused(db_path):
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseFileError, match="newer TierDesk"):
        open_database(db_path)


@pytest.mark.parametrize("fixture", sorted(DATA.glob("schema_*.sqlite")), ids=lambda p: p.stem)
def test_databases_made_by_earlier_schemas_open_and_keep_their_data(fixture, tmp_path):
    """Each file in tests/data was written by an earlier schema and is never regenerated."""
    path = tmp_path / fixture.name
    shutil.copyfile(fixture, path)
    old_revision = sqlite3.connect(path).execute(
        "SELECT version_num FROM alembic_version").fetchone()[0]
    db = open_database(path, backup_dir=tmp_path / "backups")
    with db.read() as session:
        assert session.execute(text("SELECT version_num FROM alembic_version")).scalar() == \
            SCHEMA_HEAD
        names = session.execute(text("SELECT name FROM customer ORDER BY number")).scalars().all()
        visits = session.execute(text("SELECT count(*) FROM visit")).scalar()
    assert names == ["张三贸易有限公司", "重庆银行股份有限公司"]
    assert visits == 11
    backups = list((tmp_path / "backups").glob("*.sqlite"))
    assert len(backups) == (0 if old_revision == SCHEMA_HEAD else 1)
    # The upgraded archive is searchable as a new one would be.
    from tierdesk.core.customers.customer_list import CustomerList, ListFilter

    listing = CustomerList(db)
    for typed in ("zsmy", "三贸", "13800138000", "cqyh", "61234567"):
        found = listing.customer_ids(listing.query(ListFilter(text=typed)))
        assert len(found) == 1, typed
    db.close()


def test_two_writers_queue_instead_of_failing(db):
    """Write transactions begin IMMEDIATE: the second waits for the first, then succeeds."""
    make_customer(db, "甲公司")
    started, release = threading.Event(), threading.Event()
    errors: list[BaseException] = []

    def slow_writer():
        try:
            with db.write() as session:
                session.execute(text("UPDATE customer SET notes = 'first'"))
                started.set()
                release.wait(5)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    thread = threading.Thread(target=slow_writer)
    thread.start()
    assert started.wait(5)
    timer = threading.Timer(0.2, release.set)
    timer.start()
    with db.write() as session:  # blocks until the first writer commits
        session.execute(text("UPDATE customer SET notes = notes || ' then second'"))
    thread.join()
    assert not errors
    with db.read() as session:
        assert session.execute(text("SELECT notes FROM customer")).scalar() == \
            "first then second"


def test_location_from_argument_environment_or_default(monkeypatch, tmp_path):
    monkeypatch.setenv("TIERDESK_DB", str(tmp_path / "env.sqlite"))
    assert resolve_location(None) == "sqlite:///" + str(tmp_path / "env.sqlite")
    assert resolve_location(tmp_path / "arg.sqlite") == "sqlite:///" + str(tmp_path / "arg.sqlite")
    assert resolve_location("postgresql+psycopg://office/tierdesk").startswith("postgresql")
    monkeypatch.delenv("TIERDESK_DB")
    assert resolve_location(None).endswith("tierdesk.sqlite")


def test_the_migrations_build_exactly_the_schema_the_models_describe(db):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from tierdesk.core.store.models import Base

    with db.engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert differences == []


def _columns_as_rows(columns):
    """fetch_columns' columns turned back into comparable rows."""
    values = [c.tolist() if hasattr(c, "tolist") else c for c in columns]
    return sorted(zip(*values, strict=True), key=lambda row: row[0])


@pytest.mark.parametrize("separator_in_a_name", [False, True])
def test_columns_read_in_one_piece_match_the_rows(db, separator_in_a_name):
    import datetime as dt

    from sqlalchemy import func, select

    from tierdesk.core.store.models import Customer
    from tierdesk.core.store.raw import fetch_columns, fetch_tuples, positions, raw

    first = make_customer(db, "甲商贸有限公司", tier="A")
    second = make_customer(db, "乙公司", mobile="13900139000")
    make_customer(db, "丙公司", mobile="13700137000", tier="B")
    with db.write() as session:
        session.get(Customer, first).last_visit_on = dt.date(2026, 3, 5)
        if separator_in_a_name:
            session.get(Customer, second).name = "乙\x1f公司"
    statement = select(raw(Customer.id), Customer.name, Customer.tier,
                       raw(Customer.last_visit_on), func.length(Customer.name))
    with db.read() as session:
        connection = session.connection()
        columns = fetch_columns(
            connection, statement, ("key", "text", "text", "date", "int"))
        rows = fetch_tuples(connection, statement)
        empty = fetch_columns(connection, statement.where(Customer.name == "无"),
                              ("key", "text", "text", "date", "int"))
    assert _columns_as_rows(columns) == sorted(
        (key.encode(), name, tier or "", dt.date.fromisoformat(day) if day else None, length)
        for key, name, tier, day, length in rows)
    assert (first.hex.encode(), "甲商贸有限公司", "A", dt.date(2026, 3, 5), 7) in \
        _columns_as_rows(columns)
    keys, names = columns[0], columns[1]
    assert ("乙\x1f公司" if separator_in_a_name else "乙公司") in names
    assert [len(c) for c in empty] == [0] * 5
    import numpy as np

    found = positions(keys, np.array([second.hex, "0" * 32, first.hex], dtype="S32"))
    assert found[1] == -1
    assert keys[found[0]] == second.hex.encode() and keys[found[2]] == first.hex.encode()


def test_new_ids_are_time_ordered_version_7_uuids():
    import uuid

    from tierdesk.core.store.raw import KeySource, new_keys

    batch = new_keys(5000)
    assert batch == sorted(batch) and len(set(batch)) == 5000
    ids = [uuid.UUID(hex=key) for key in batch]
    assert {i.version for i in ids} == {7} and {i.variant for i in ids} == {uuid.RFC_4122}
    one_by_one = KeySource(batch=3)
    drawn = [one_by_one() for _ in range(7)]
    assert drawn[:3] == sorted(drawn[:3]) and len(set(drawn)) == 7
    assert all(uuid.UUID(hex=key).version == 7 for key in drawn)


def test_rows_written_in_bulk_read_back_as_the_orm_writes_them(db):
    import datetime as dt

    from tierdesk.core.store.models import Region, utcnow
    from tierdesk.core.store.raw import insert_many, new_keys

    now = utcnow()
    keys = new_keys(2)
    with db.write() as session:
        # Values every row shares are written into the statement: quotes stay text.
        insert_many(session.connection(), Region.__table__, ("id", "code"),
                    [(keys[0], "BULK-E"), (keys[1], "BULK-W")],
                    same={"created_at": now, "updated_at": now, "name": "O'Brien 区"})
    with db.read() as session:
        regions = session.query(Region).filter(Region.code.like("BULK-%")).order_by(
            Region.code).all()
        assert [(r.code, r.name) for r in regions] == [("BULK-E", "O'Brien 区"),
                                                       ("BULK-W", "O'Brien 区")]
        assert {r.created_at for r in regions} == {now} and isinstance(now, dt.datetime)
        assert [r.id.hex for r in regions] == keys


@pytest.mark.parametrize("ids_share_numbers", [False, True])
def test_ids_are_found_and_grouped_exactly(monkeypatch, ids_share_numbers):
    import numpy as np

    from tierdesk.core.store import raw

    if ids_share_numbers:        # every id hashed alike: the exact comparison must decide
        monkeypatch.setattr(raw, "_MIX", (0, 0, 0, 0))
    keys = np.array(raw.new_keys(300), dtype="S32")
    strangers = np.array(raw.new_keys(5), dtype="S32")
    picks = np.array([7, 0, 299, 7, 150, 7], dtype=np.int64)
    found = np.concatenate([keys[picks], strangers])
    at = raw.positions(keys, found)
    assert at.tolist() == [*picks.tolist(), -1, -1, -1, -1, -1]
    assert raw.positions(keys, found[:0]).tolist() == []
    assert raw.positions(keys[:0], found).tolist() == [-1] * len(found)

    distinct, group = raw.key_groups(found)
    assert sorted(distinct.tolist()) == sorted(set(found.tolist()))
    assert (distinct[group] == found).all()
    assert len(set(group[[0, 3, 5]].tolist())) == 1 and len(set(group.tolist())) == 9
