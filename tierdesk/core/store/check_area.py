"""The check area of the front door: check the archive, repair what can be repaired, what
the quick check found as the archive opened (a damaged archive is read-only), and the latest
good backup to put in its place (the backups area puts it back)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from tierdesk.core.area import Area
from tierdesk.core.changes import Change, Changed
from tierdesk.core.i18n import Message
from tierdesk.core.store.check import CheckReport, Progress, check_archive, repair_archive


class CheckArea(Area):
    def run(self, progress: Progress | None = None) -> CheckReport:
        """Check the whole archive (reads only)."""
        return check_archive(self._db, progress)

    def repair(self, progress: Progress | None = None, *,
               today: dt.date | None = None) -> CheckReport:
        """Repair what can be repaired, in one write, and say what was set right."""
        report = repair_archive(self._db, progress, today=today)
        if report.repair_ran:
            self._announce(Change(Changed.BULK))
        return report

    def damage(self) -> Message | None:
        """What the quick check found damaged as the archive opened (None: whole, or a
        database server); waits for the check to end."""
        check = self._db.start_check
        return check.damage() if check is not None else None

    def latest_good_backup(self) -> Path | None:
        """The newest copy of this archive that passes the integrity check (None: none)."""
        from tierdesk.core.store.backup import latest_good_backup

        if self._db.path is None:
            return None
        return latest_good_backup(self._db.path, self._db.backups.folder)
