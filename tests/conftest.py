"""Shared fixtures: a fresh database per test, built once per session and copied."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("TIERDESK_DB", None)
# The program's log (tierdesk.core.logbook) goes to a folder of the test run, not the user's.
os.environ["TIERDESK_LOG_DIR"] = tempfile.mkdtemp(prefix="tierdesk-test-log-")
# So do the automatic backups (tierdesk.core.store.backup): never into the user's data folder.
os.environ["TIERDESK_BACKUP_DIR"] = tempfile.mkdtemp(prefix="tierdesk-test-backups-")

from tierdesk.core.office.staff import save_region, save_salesperson
from tierdesk.core.store.db import Database, open_database

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
# Set by .ci/run: there the shared workbook collection must be present, and a test that needs
# it fails rather than being skipped.
CORPUS_REQUIRED = os.environ.get("TIERDESK_CORPUS_REQUIRED") == "1"
needs_corpus = pytest.mark.corpus


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "corpus: reads the shared workbook collection in ../shared/corpus")


def pytest_runtest_setup(item: pytest.Item) -> None:
    if item.get_closest_marker("corpus") is None or CORPUS.is_dir():
        return
    if CORPUS_REQUIRED:
        pytest.fail(f"the shared workbook collection is required here but {CORPUS} is absent",
                    pytrace=False)
    pytest.skip(f"needs the shared workbook collection at {CORPUS} (absent here; CI has it)")


_ENGLISH: list[object] = []


@pytest.fixture(autouse=True)
def english_counting(request: pytest.FixtureRequest) -> None:
    """Windows speak English as the program does: with its catalogue of counting texts
    ("1 customer", "2 customers"), installed once the application exists."""
    if _ENGLISH or not {"qtbot", "qapp"} & set(request.fixturenames):
        return
    request.getfixturevalue("qapp")
    from tierdesk.ui.i18n import Translators

    translators = Translators()
    translators.install("en")
    _ENGLISH.append(translators)


_EXIT_STATUS: list[int] = []


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    _EXIT_STATUS.append(int(exitstatus))


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    """End the test process once pytest has reported, with pytest's own exit status.

    PySide6 6.12 under Python 3.11 (where True is not immortal) releases the True object
    once too often on some calls from C++ into Python overrides; over a long test session
    the count can reach zero while the interpreter tears down its last objects, and the
    process aborts *after* every test has passed. Skipping that teardown keeps the exit
    status honest: it is the one pytest computed."""
    if _EXIT_STATUS and os.environ.get("TIERDESK_TEST_TEARDOWN") != "full":
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_EXIT_STATUS[-1])


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty, fully migrated archive with two regions and three salespeople."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite"
    db = open_database(path, official_holidays=False)  # tests start with no holidays
    _fill_template(db)
    db.close()  # the last connection to close folds the WAL into the file
    return path


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo office (300 customers), built once."""
    from tierdesk.core.demo import build_demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    db = open_database(path)
    build_demo(db, customers=300, salespeople=12)
    db.close()  # the last connection to close folds the WAL into the file
    return path


# A PostgreSQL server for the tests (.ci/run starts one and sets it): the modules that say
# ALSO_ON_POSTGRESQL = True run each test of the core's services on a PostgreSQL office as
# well as on SQLite (the window's tests run on SQLite).
PG_URL = os.environ.get("TIERDESK_TEST_PG", "")
PG_REQUIRED = os.environ.get("TIERDESK_PG_REQUIRED") == "1"


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" in metafunc.fixturenames and "qtbot" not in metafunc.fixturenames and getattr(
            metafunc.module, "ALSO_ON_POSTGRESQL", False) and not any(
            mark.name == "sqlite_only" for mark in metafunc.definition.iter_markers()):
        if PG_URL:
            metafunc.parametrize("backend", ["sqlite", "postgresql"], indirect=True)
        elif PG_REQUIRED:
            raise pytest.UsageError("TIERDESK_TEST_PG must name a PostgreSQL server here")


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    return str(getattr(request, "param", "sqlite"))


def _server() -> object:
    from sqlalchemy import create_engine

    return create_engine(PG_URL, isolation_level="AUTOCOMMIT")


def _database_url(name: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(PG_URL).set(database=name).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def pg_template() -> Iterator[str]:
    """A migrated PostgreSQL database with the same regions and salespeople as template_db,
    copied for each test (CREATE DATABASE ... TEMPLATE)."""
    from sqlalchemy import text

    name = f"tierdesk_template_{uuid.uuid4().hex[:8]}"
    server = _server()
    with server.connect() as conn:  # type: ignore[attr-defined]
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    db = open_database(_database_url(name), official_holidays=False)
    _fill_template(db)
    db.close()
    yield name
    with server.connect() as conn:  # type: ignore[attr-defined]
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
    server.dispose()  # type: ignore[attr-defined]


def _fill_template(db: Database) -> None:
    with db.write() as session:
        east = save_region(session, "HD", "华东")
        north = save_region(session, "HB", "华北")
        save_salesperson(session, code="S001", name="王伟", region_id=east.id)
        save_salesperson(session, code="S002", name="李娜", region_id=east.id)
        save_salesperson(session, code="S003", name="张强", region_id=north.id)


def _copy(template: Path, target_dir: Path) -> Path:
    target = target_dir / f"{uuid.uuid4().hex[:8]}.sqlite"
    shutil.copyfile(template, target)
    return target


@pytest.fixture
def db_path(template_db: Path, tmp_path: Path) -> Path:
    return _copy(template_db, tmp_path)


@pytest.fixture
def db(request: pytest.FixtureRequest, backend: str) -> Iterator[Database]:
    if backend == "postgresql":
        yield from _pg_database(request.getfixturevalue("pg_template"))
        return
    database = open_database(request.getfixturevalue("db_path"))
    yield database
    database.close()


def _pg_database(template: str) -> Iterator[Database]:
    from sqlalchemy import text

    name = f"tierdesk_test_{uuid.uuid4().hex[:12]}"
    server = _server()
    with server.connect() as conn:  # type: ignore[attr-defined]
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
    database = open_database(_database_url(name))
    try:
        yield database
    finally:
        database.close()
        with server.connect() as conn:  # type: ignore[attr-defined]
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        server.dispose()  # type: ignore[attr-defined]


@pytest.fixture
def pg_db(request: pytest.FixtureRequest) -> Iterator[Database]:
    """A PostgreSQL office beside whatever else the test uses (skipped without a server,
    except where one is required)."""
    if not PG_URL:
        if PG_REQUIRED:
            raise pytest.UsageError("TIERDESK_TEST_PG must name a PostgreSQL server here")
        pytest.skip("no PostgreSQL server (TIERDESK_TEST_PG)")
    yield from _pg_database(request.getfixturevalue("pg_template"))


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Iterator[Database]:
    database = open_database(_copy(demo_template, tmp_path))
    yield database
    database.close()
