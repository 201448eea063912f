"""What the program loads to show its first window: no more than that window needs."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import ROOT


def test_the_window_starts_without_the_chart_library():
    """matplotlib (about a second of a start) is loaded when a window with charts opens."""
    probe = ("import sys; import tierdesk.app; "
             "print(sorted(m for m in sys.modules if m.split('.')[0] == 'matplotlib'))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         cwd=ROOT, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                         check=True)
    assert out.stdout.strip() == "[]"


class _Statements:
    """The SQL statements a block of code sends to the database."""

    def __init__(self, db):  # type: ignore[no-untyped-def]
        from sqlalchemy import event

        self.seen: list[str] = []
        self.engines = {db.engine, db.write_engine}
        self._listen = event.listen
        self._remove = event.remove

    def _record(self, _conn, _cursor, statement, *_rest):  # type: ignore[no-untyped-def]
        self.seen.append(" ".join(statement.split()))

    def __enter__(self) -> list[str]:
        for engine in self.engines:
            self._listen(engine, "before_cursor_execute", self._record)
        return self.seen

    def __exit__(self, *_exc: object) -> None:
        for engine in self.engines:
            self._remove(engine, "before_cursor_execute", self._record)


def test_one_salespersons_norms_read_only_that_salespersons_new_customers(db):
    """Today's list of one salesperson asks which customers are new to the archive among
    that salesperson's customers only, not among the whole office's."""
    import datetime as dt

    from sqlalchemy import select

    from tests.helpers import make_customer
    from tierdesk.core.store.models import Salesperson
    from tierdesk.core.tiers import norms

    make_customer(db, "张三贸易有限公司")
    with db.read() as session:
        person = session.scalar(select(Salesperson.id).where(Salesperson.code == "S001"))
    with _Statements(db) as seen, db.read() as session:
        norms.norm_report(session, dt.date.today(), salesperson_id=person)
    new_since = [s for s in seen if "created_at >" in s]
    assert len(new_since) == 1 and "salesperson_id" in new_since[0], new_since


def test_planning_greetings_reads_only_the_stored_tasks_of_the_kinds_planned(db):
    """Checking which greetings are already stored reads greetings, not every monthly and
    yearly callback of the customers concerned (hundreds of thousands in a large office)."""
    import datetime as dt

    from tests.helpers import make_customer
    from tierdesk.core.service import followups

    cid = make_customer(db, "张三贸易有限公司")
    today = dt.date.today()
    task = followups.Planned(cid, None, "birthday", cid, today, today)
    with _Statements(db) as seen, db.write() as session:
        assert followups.plan(session, [task], today) == 1
    stored = [s for s in seen if s.startswith("SELECT") and "FROM follow_up" in s]
    assert len(stored) == 1 and "follow_up.kind IN" in stored[0], stored


def test_the_window_starts_without_the_managers_reports_and_numpy():
    """Alerts, scorecards, month plans and tier passes (and numpy under them) are read when a
    manager first asks for them, not at every start."""
    probe = ("import sys; import tierdesk.app; "
             "print(sorted(m for m in sys.modules if m.split('.')[0] == 'numpy' or m in "
             "('tierdesk.core.planning.alerts', 'tierdesk.core.planning.kpis', "
             "'tierdesk.core.planning.plans', 'tierdesk.core.tiers.grades', "
             "'tierdesk.core.tiers.views', 'tierdesk.core.planning.retention')))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         cwd=ROOT, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                         check=True)
    assert out.stdout.strip() == "[]"


def test_a_module_read_later_is_the_module_once_used():
    from tierdesk.core.later import Later
    from tierdesk.core.planning import plans

    later = Later("tierdesk.core.planning.plans")
    assert later.plan_for is plans.plan_for
