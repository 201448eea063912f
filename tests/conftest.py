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
    with db.write() as session:
        east = save_region(session, "HD", "华东")
        north = save_region(session, "HB", "华北")
        save_salesperson(session, code="S001", name="王伟", region_id=east.id)
        save_salesperson(session, code="S002", name="李娜", region_id=east.id)
        save_salesperson(session, code="S003", name="张强", region_id=north.id)
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


def _copy(template: Path, target_dir: Path) -> Path:
    target = target_dir / f"{uuid.uuid4().hex[:8]}.sqlite"
    shutil.copyfile(template, target)
    return target


@pytest.fixture
def db_path(template_db: Path, tmp_path: Path) -> Path:
    return _copy(template_db, tmp_path)


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = open_database(db_path)
    yield database
    database.close()


@pytest.fixture
def demo_db(demo_template: Path, tmp_path: Path) -> Iterator[Database]:
    database = open_database(_copy(demo_template, tmp_path))
    yield database
    database.close()
