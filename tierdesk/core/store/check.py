"""Checking the archive, and repairing what can be repaired safely.

A check runs a list of rules (core.store.check_rules), each in a read session of its own, and
returns a plain report: for each rule that found something, what is wrong, how many, which
customers or rows, whether it can be repaired, and afterwards whether it was. On SQLite the
file itself is checked first (``PRAGMA integrity_check`` and ``foreign_key_check``); on
PostgreSQL the server keeps its files and its foreign keys itself, so those are skipped and
the report says so.

A repair runs every repairable rule again inside one write transaction of the gate (all of it
lands or none), then checks again: the report marks what the repair set right. Repairs only
rebuild what is derived (search keys, totals, indexes, the numbering of cards and entries)
and close cards that should have been closed; they never delete a row. A second repair finds
nothing more to do.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from tierdesk.core.errors import TierDeskError
from tierdesk.core.i18n import QT_TRANSLATE_NOOP, Message

if TYPE_CHECKING:
    from tierdesk.core.store.db import Database

CTX = "Check"
# How many of the customers or rows concerned a finding names (the count says how many in all).
MOST_NAMED = 20
# report(done, total, step) -> False once the person cancelled (as the window's workers call).
Progress = Callable[[int, int, str], bool]


@dataclass(frozen=True)
class Found:
    """What one rule found: how many, the first of them named, and what its repair needs."""

    count: int
    named: tuple[str, ...] = ()
    params: dict[str, object] = field(default_factory=dict)
    targets: tuple[Any, ...] = ()
    repairable: bool = True         # False: this time the rule's repair would not set it right


@dataclass(frozen=True)
class Rule:
    """One rule of a whole archive: ``find`` reads what breaks it (None: nothing);
    ``repair`` (None: cannot be repaired safely) sets it right within a write."""

    name: str
    title: str                      # what the progress shows while it runs (QT_TRANSLATE_NOOP)
    says: str                       # the finding, with {count} and the found params
    find: Callable[[Session, Callable[[], bool]], Found | None]
    repair: Callable[[Session, Found, dt.date], None] | None = None
    repairs: str = ""               # what the repair does (QT_TRANSLATE_NOOP)
    advice: str = ""                # what a person can do where nothing is repaired
    sqlite_only: bool = False


@dataclass(frozen=True)
class Finding:
    """Something wrong with the archive, as the report shows it."""

    rule: str
    title: Message                      # which check found it
    what: Message
    count: int
    named: tuple[str, ...] = ()
    repair: Message | None = None       # what a repair does; None: it cannot be repaired
    advice: Message | None = None
    repaired: bool = False

    @property
    def repairable(self) -> bool:
        return self.repair is not None and not self.repaired


@dataclass(frozen=True)
class CheckReport:
    """What a check found (and a repair set right), rule by rule."""

    findings: tuple[Finding, ...]
    checked: int                            # how many rules ran
    skipped: tuple[Message, ...] = ()       # what was not checked here, and why
    repair_ran: bool = False

    @property
    def remaining(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if not f.repaired)

    @property
    def healthy(self) -> bool:
        """Nothing wrong remains."""
        return not self.remaining

    @property
    def repairable(self) -> bool:
        """Something that remains can be repaired."""
        return any(f.repairable for f in self.findings)


def _message(text: str, params: dict[str, object] | None = None) -> Message:
    return Message(CTX, text, dict(params or {}))


def _rules(db: Database) -> tuple[list[Rule], list[Message]]:
    from tierdesk.core.store.check_rules import RULES

    if db.is_sqlite:
        return list(RULES), []
    return [rule for rule in RULES if not rule.sqlite_only], [_message(QT_TRANSLATE_NOOP(
        "Check", "SQLite's integrity and foreign-key checks: not run on a PostgreSQL office "
                 "(the server checks its files and its foreign keys itself)."))]


def _stepper(progress: Progress | None, total: int) -> Callable[[int, str], None]:
    def step(done: int, title: str) -> None:
        if progress is not None and progress(done, total, title) is False:
            raise InterruptedError(_message(QT_TRANSLATE_NOOP(
                "Check", "The check was cancelled; nothing was changed.")).render())
    return step


def _still(progress: Progress | None, done: int, total: int, title: str) -> Callable[[], bool]:
    """For a rule's long statement: whether to go on (False once the person cancelled)."""
    return lambda: progress is None or progress(done, total, title) is not False


@contextmanager
def _unreadable(rule: Rule, findings: list[Finding]) -> Iterator[None]:
    """A rule that could not read the archive (damaged, busy) becomes a finding of its own;
    the check goes on with the next rule."""
    try:
        yield
    except TierDeskError as exc:
        findings.append(Finding(rule.name, _message(rule.title), exc.message, 0,
                                advice=_message(QT_TRANSLATE_NOOP(
                                    "Check", "This part could not be checked. If the file is "
                                             "damaged, restore the latest good backup "
                                             "(tierdesk restore)."))))


def _finding(rule: Rule, found: Found) -> Finding:
    repairable = rule.repair is not None and found.repairable
    return Finding(rule.name, _message(rule.title),
                   _message(rule.says, {"count": found.count, **found.params}),
                   found.count, found.named, _message(rule.repairs) if repairable else None,
                   _message(rule.advice) if rule.advice and not repairable else None)


def check_archive(db: Database, progress: Progress | None = None) -> CheckReport:
    """Check the whole archive (reads only); ``progress`` is told of each rule in turn and
    may cancel (InterruptedError)."""
    rules, skipped = _rules(db)
    step = _stepper(progress, len(rules))
    findings: list[Finding] = []
    for done, rule in enumerate(rules):
        step(done, rule.title)
        with _unreadable(rule, findings), db.read() as session:
            found = rule.find(session, _still(progress, done, len(rules), rule.title))
            if found is not None and found.count:
                findings.append(_finding(rule, found))
    step(len(rules), "")
    return CheckReport(tuple(findings), len(rules), tuple(skipped))


def repair_archive(db: Database, progress: Progress | None = None, *,
                   today: dt.date | None = None) -> CheckReport:
    """Check, repair what can be repaired in one write transaction, and check again: the
    report lists what the first check found, each marked repaired or not, and anything the
    second still finds. The archive is backed up as it was first (unchecked: it holds the
    faults); a damaged file is refused whole (DatabaseFileError) by the gate."""
    today = today or dt.date.today()
    before = check_archive(db, progress)
    fixable = {f.rule for f in before.findings if f.repairable}
    if not fixable:
        return before
    rules = [rule for rule in _rules(db)[0] if rule.name in fixable and rule.repair]
    db.backups.before_risky_work("repair", check=False)     # a repair can be undone
    step = _stepper(progress, len(rules))
    with db.write(source="archive check repair") as session:
        for done, rule in enumerate(rules):
            step(done, rule.title)
            found = rule.find(session, _still(progress, done, len(rules), rule.title))
            if found is not None and found.count and found.repairable \
                    and rule.repair is not None:
                rule.repair(session, found, today)
                session.flush()
    after = check_archive(db, progress)
    left = {f.rule for f in after.findings}
    marked = tuple(replace(f, repaired=f.rule in fixable and f.rule not in left)
                   for f in before.findings)
    new = tuple(f for f in after.findings if f.rule not in {m.rule for m in marked})
    return CheckReport(marked + new, after.checked, after.skipped, repair_ran=True)
