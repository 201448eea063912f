"""What every command shares: exit codes, opening the archive as the person writing, a
terminal's progress line, a --date option."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tierdesk.core.archive import Archive
    from tierdesk.core.store.db import Database

__all__ = ["EXIT_FAULT", "EXIT_REFUSED", "EXIT_STOPPED", "EXIT_USAGE", "date_option",
           "open_archive", "open_db", "terminal_progress", "writing_as"]

EXIT_REFUSED = 1
EXIT_USAGE = 2
EXIT_FAULT = 70             # a fault of the program (EX_SOFTWARE); the log has the details
EXIT_STOPPED = 130          # stopped with Ctrl+C, as shells count it

_person: list[str | None] = [None]   # --as: who writes


def writing_as(given: str | None) -> None:
    """Who writes from here on (--as), or None for TIERDESK_USER, else the login name."""
    _person[0] = given


# What a terminal would act on (escape sequences, bells, erasing) is written visibly instead.
_VISIBLE = {code: f"\\x{code:02x}" for code in (*range(0x00, 0x20), *range(0x7F, 0xA0))
            if chr(code) not in "\n\t"}


class PrintableOutput:
    """Standard output that shows text as text: a control character held in an archive
    written before it refused them (or in a file name) is printed as \\x1b and the like,
    never sent to the terminal to act on."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return int(self._stream.write(text.translate(_VISIBLE)))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def open_db(location: str | None, *, create: bool = False) -> Database:
    """The database, with who writes from here: --as (a salesperson's code as "code name",
    anything else as given), else TIERDESK_USER, else the login. Commands hand it only to what
    takes the database whole (a workbook's import, the demo); the rest use open_archive.
    A file that is not there (or is empty) is refused, unless the command makes a new archive
    (``create``): a mistyped path makes no archive."""
    from tierdesk.cli.encryption import unlocked
    from tierdesk.cli.waiting import show_waits
    from tierdesk.core.archive import Archive
    from tierdesk.core.store.db import open_database

    # An encrypted archive: its passphrase from the keyring, else asked at the terminal.
    db = unlocked(lambda: open_database(location, must_exist=not create))
    db.source = "command line"
    show_waits(db)   # a write waiting behind another program says so
    given = (_person[0] or "").strip()
    if given:
        office = Archive(db).office
        office.set_person(office.person_named(given))
    return db


def open_archive(location: str | None) -> Archive:
    """The archive through its front door, written to as open_db says."""
    from tierdesk.core.archive import Archive

    return Archive(open_db(location))


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """``count`` and its noun, singular or plural as English wants: "1 problem",
    "2 problems", "1,200 customers"."""
    return f"{count:,} {noun if count == 1 else plural or noun + 's'}"


def terminal_progress(unit: str) -> Callable[[int, int, str], bool] | None:
    """Progress on one line of the terminal, redrawn at most a few times a second; None
    when the output goes to a file or another program."""
    if not sys.stderr.isatty():
        return None
    import time

    shown: list[Any] = [0.0, None]      # when, and the count last shown

    def report(done: int, total: int, what: str) -> bool:
        now = time.monotonic()
        if (done, total) != shown[1] and (now - shown[0] >= 0.25 or done == total):
            shown[:] = now, (done, total)
            print(f"\r  {done:,} of {total:,} {unit}  {what}\033[K",
                  end="\n" if done == total else "", file=sys.stderr, flush=True)
        return True

    return report


def date_option(text: str | None) -> dt.date:
    """A --date option: the day given (refused clearly when it is no date), else today."""
    from tierdesk.core.validation import parse_date

    return (parse_date("date", text) if text else None) or dt.date.today()
