import shutil
import sqlite3
import threading
from pathlib import Path

import pytest
from sqlalchemy import text

from tests.helpers import make_customer
from tierdesk.core import db as dbmod
from tierdesk.core.db import SCHEMA_HEAD, open_database, resolve_location
from tierdesk.core.errors import DatabaseFileError
from tierdesk.core.migrate import script_head

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
    from tierdesk.core.customer_list import CustomerList, ListFilter

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

    from tierdesk.core.models import Base

    with db.engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert differences == []
