"""Which automatic backups are kept: every copy from today, and the newest copy of each of
the last 7 days, 4 weeks and 12 months that have copies (as Anki thins its backups). A copy
made by hand into a file of one's choosing is never in the backup folder, so never thinned."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tierdesk.core.store.backup import BackupInfo

DAILY, WEEKLY, MONTHLY = 7, 4, 12


def _day(when: dt.datetime) -> Hashable:
    return when.date()


def _week(when: dt.datetime) -> Hashable:
    return when.isocalendar()[:2]


def _month(when: dt.datetime) -> Hashable:
    return when.year, when.month


def to_delete(backups: Sequence[BackupInfo], now: dt.datetime, *, daily: int = DAILY,
              weekly: int = WEEKLY, monthly: int = MONTHLY) -> list[BackupInfo]:
    """The copies the rule does not keep; ``backups`` newest first (as list_backups gives)."""
    keep = {info.file for info in backups if info.taken_at.date() >= now.date()}
    earlier = [info for info in backups if info.taken_at.date() < now.date()]
    periods: tuple[tuple[Callable[[dt.datetime], Hashable], int], ...] = (
        (_day, daily), (_week, weekly), (_month, monthly))
    for period, count in periods:
        seen: set[Hashable] = set()
        for info in earlier:
            key = period(info.taken_at)
            if key in seen:
                continue
            if len(seen) == count:
                break
            seen.add(key)
            keep.add(info.file)      # the newest of its day, week or month
    return [info for info in backups if info.file not in keep]
