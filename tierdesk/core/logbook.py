"""The program's log: what went wrong, with its traceback, in the platform's log folder.

A person sees one clear line or a dialog; the details (the traceback, the thread, the time)
go to a file that rotates, so that support can be sent the file rather than a screenshot.
The folder is the platform's (``~/.local/state/TierDesk/log`` on Linux, ``~/Library/Logs``
on macOS, the local application data on Windows), or ``TIERDESK_LOG_DIR`` where set.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

import platformdirs

ENV_VAR = "TIERDESK_LOG_DIR"
FILE_NAME = "tierdesk.log"
# Five files of 1 MB: months of ordinary use, and never more than 6 MB of the disk.
MAX_BYTES = 1_000_000
BACKUPS = 5
LOGGER = "tierdesk"

_handler: logging.Handler | None = None


def log_dir() -> Path:
    chosen = os.environ.get(ENV_VAR)
    if chosen:
        return Path(chosen).expanduser()
    return platformdirs.user_log_path("TierDesk", appauthor=False)


def log_file() -> Path:
    return log_dir() / FILE_NAME


def start_logging() -> Path | None:
    """Write the program's log to its file from now on; the file, or None where the folder
    cannot be written (a read-only home): then the log goes nowhere, and the program runs
    as before. Called again (a test, a second window), it changes nothing."""
    global _handler
    logger = logging.getLogger(LOGGER)
    if _handler is not None:
        if getattr(_handler, "baseFilename", None) == str(log_file()):
            return log_file()
        logger.removeHandler(_handler)
        _handler.close()
        _handler = None
    try:
        log_dir().mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            log_file(), maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(
        "%(asctime)s %(levelname)s [%(threadName)s] %(name)s: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    _handler = handler
    return log_file()


def logger(name: str) -> logging.Logger:
    """The log of one part of the program (``tierdesk.<name>``)."""
    return logging.getLogger(f"{LOGGER}.{name}")


def unexpected(exc: BaseException) -> bool:
    """Whether an error is a fault of the program rather than something a person can act on
    from its message (a refusal, a file that cannot be written, a cancel)."""
    from tierdesk.core.errors import TierDeskError

    return not isinstance(exc, TierDeskError | InterruptedError | OSError | KeyboardInterrupt)
