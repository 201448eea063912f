"""The backups area of the front door: the copies of the open archive, a copy now (into the
backup folder or a file of one's choosing), and putting one back."""

from __future__ import annotations

import gc
import os
from collections.abc import Callable
from pathlib import Path

from tierdesk.core.area import Area
from tierdesk.core.i18n import QT_TRANSLATE_NOOP
from tierdesk.core.store import cipher
from tierdesk.core.store.backup import (
    BackupInfo,
    check_backup,
    copy_archive,
    list_backups,
    make_folder,
    refused,
    restore_backup,
)
from tierdesk.core.store.backup_schedule import server_refusal
from tierdesk.core.store.db import KNOWN_REVISIONS, resolve_location, sqlite_path


def archive_file(location: str | os.PathLike[str] | None) -> Path:
    """The file of the archive at ``location`` (as --db and TIERDESK_DB say); refused for a
    PostgreSQL office, which is backed up with pg_dump."""
    path = sqlite_path(resolve_location(location))
    if path is None:
        raise server_refusal()
    return path


def backup_about(file: Path) -> str:
    """The schema of a copy that can be put back by this version; refused with the reason
    (not TierDesk's, damaged, newer) otherwise."""
    return check_backup(file, KNOWN_REVISIONS)


def restore_archive(backup: Path, location: str | os.PathLike[str] | None,
                    folder: Path | None = None) -> Path | None:
    """Put ``backup`` in place of the archive at ``location`` (which need not open: a damaged
    archive is replaced too); the copy of what it replaced (see restore_backup)."""
    return restore_backup(backup, archive_file(location), folder,
                          known_revisions=KNOWN_REVISIONS)


class BackupsArea(Area):
    @property
    def folder(self) -> Path | None:
        """Where the copies are kept (None on a server)."""
        return self._db.backups.where

    def _path(self) -> Path:
        if self._db.path is None:
            raise server_refusal()
        return self._db.path

    def backups(self) -> list[BackupInfo]:
        """The automatic copies, newest first (none on a server)."""
        if self._db.path is None:
            return []
        return list_backups(self._db.path, self._db.backups.folder)

    def back_up(self, to: Path | None = None) -> Path:
        """A checked copy now: into the backup folder (thinned with the others), or into the
        file ``to`` (the person's own: never thinned, never overwritten)."""
        path = self._path()
        if to is None:
            return self._db.backups.take("by-hand")
        to = Path(to).expanduser()
        if to.exists():
            raise refused(QT_TRANSLATE_NOOP(
                "Backup", "{file} already exists; choose another name (it was left as it "
                          "is)."), file=to)
        if not to.parent.is_dir():
            raise refused(QT_TRANSLATE_NOOP(
                "Backup", "There is no folder {folder}."), folder=to.parent)
        return copy_archive(path, to)

    def at_start(self) -> Path | None:
        """A copy if the archive changed since its last one (as the window starts)."""
        return self._db.backups.at_start()

    def in_background(self, failed: Callable[[Exception], None]) -> None:
        """Scheduled copies in a thread of their own; ``failed`` is told of one that failed."""
        self._db.backups.in_background = True
        self._db.backups.failed = failed

    def ensure_folder(self) -> Path:
        """The backup folder, made (owner only) if it is not there yet."""
        folder = self._db.backups.where
        if folder is None:
            raise server_refusal()
        make_folder(folder)
        return folder

    def can_open(self, backup: Path) -> bool:
        """True once ``backup`` can be read here: a plain file, or an encrypted one whose key
        is known (the archive's, or one given for it); else cipher.PassphraseNeeded, which
        names the backup, so that the front end asks for its passphrase."""
        if cipher.looks_encrypted(backup):
            cipher.key_for(backup)
        return True

    def restore(self, backup: Path) -> Path | None:
        """Put ``backup`` in place of this archive, after copying what it replaces (that copy
        is returned); the archive keeps its protection (see backup.restore_backup). The
        archive's connections are closed first: the front ends open the restored archive
        anew."""
        path = self._path()
        return restore_backup(backup, path, self._db.backups.folder,
                              known_revisions=KNOWN_REVISIONS, release=self._release)

    def _release(self) -> None:
        """Close this program's connections to the archive: the pooled ones, and those of
        reads already ended that the collector has not yet freed."""
        self._db.close()
        gc.collect()
