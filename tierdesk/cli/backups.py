"""``tierdesk`` commands. Backups: one now (into the backup folder or a file of one's
choosing), the list of them, and putting one back."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from tierdesk.cli.common import EXIT_REFUSED, open_archive


def add_parsers(sub: Any) -> None:
    backup = sub.add_parser("backup", help="back the archive up now (checked, in the backup "
                                           "folder, or in FILE)")
    backup.add_argument("--to", metavar="FILE",
                        help="write the copy to FILE (a new file; it is yours: never thinned)")
    sub.add_parser("backups", help="the archive's automatic backups: when, why, size, file")
    restore = sub.add_parser("restore", help="put a backup in place of the archive (what it "
                                             "holds now is backed up first)")
    restore.add_argument("file", metavar="FILE",
                         help="the backup: a file, or a name as `tierdesk backups` lists it")
    restore.add_argument("--yes", action="store_true", help="do not ask for confirmation")


def size_text(size: int) -> str:
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    return f"{max(1, round(size / 1000))} kB"


def cmd_backup(args: argparse.Namespace, location: str | None) -> int:
    archive = open_archive(location)
    try:
        made = archive.backups.back_up(Path(args.to) if args.to else None)
        where = archive.database.path
    finally:
        archive.database.close()
    print(f"Backed up {where} to {made} ({size_text(made.stat().st_size)}; checked whole).")
    if args.to:
        print("That copy is yours: TierDesk never thins or overwrites it.")
    return 0


def cmd_backups(args: argparse.Namespace, location: str | None) -> int:
    from tierdesk.core.store.backup import reason_text

    archive = open_archive(location)
    try:
        found = archive.backups.backups()
        folder = archive.backups.folder
        where = archive.database.path
    finally:
        archive.database.close()
    if where is None:
        from tierdesk.core.store.backup_schedule import server_refusal

        raise server_refusal()
    if not found:
        print(f"No backups of {where} yet; they are kept in {folder}.")
        return 0
    print(f"Backups of {where}, kept in {folder} (newest first):")
    rows = [(info.taken_at.strftime("%Y-%m-%d %H:%M:%S"), str(reason_text(info.reason)),
             size_text(info.size), info.file.name) for info in found]
    rows.insert(0, ("When", "Why", "Size", "File"))
    widths = [max(len(row[column]) for row in rows) for column in range(3)]
    for row in rows:
        print(f"{row[0]:<{widths[0]}}  {row[1]:<{widths[1]}}  {row[2]:>{widths[2]}}  {row[3]}")
    return 0


def _backup_named(text: str, archive: Path) -> Path:
    """FILE as given, or a name in the archive's backup folder (as `tierdesk backups` shows)."""
    from tierdesk.core.store.backup import backup_folder

    given = Path(text).expanduser()
    in_folder = backup_folder(archive) / text
    if not given.exists() and given.name == text and in_folder.exists():
        return in_folder
    return given


def cmd_restore(args: argparse.Namespace, location: str | None) -> int:
    from tierdesk.cli.encryption import unlocked
    from tierdesk.core.store import cipher
    from tierdesk.core.store.backup_area import archive_file, backup_about, restore_archive

    path = archive_file(location)
    backup = _backup_named(args.file, path)
    if cipher.looks_encrypted(path):   # its key protects what is put back
        unlocked(lambda: cipher.key_for(path))
    unlocked(lambda: backup_about(backup))  # refused (damaged, not TierDesk's, newer) first
    if not args.yes:
        if not sys.stdin.isatty():
            print(f"tierdesk: restore replaces the archive at {path}; add --yes to do it "
                  "without being asked. Nothing was changed.", file=sys.stderr)
            return EXIT_REFUSED
        answer = input(f"Replace the archive at {path} with the backup {backup}? What the "
                       "archive holds now is backed up first. [y/N] ")
        if answer.strip().lower() not in ("y", "yes"):
            print("Nothing was changed.", file=sys.stderr)
            return EXIT_REFUSED
    kept = restore_archive(backup, location)
    print(f"Restored {path} from {backup}.")
    if kept is not None:
        print(f"What it held before is kept in {kept}.")
    return 0


COMMANDS = {"backup": cmd_backup, "backups": cmd_backups, "restore": cmd_restore}
