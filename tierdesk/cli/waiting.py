"""A command that must wait its turn to write says so on the terminal: behind what, and how
long it has waited; Ctrl+C stops the wait, with nothing written."""

from __future__ import annotations

import sys
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tierdesk.core.store.db import Database
    from tierdesk.core.store.write_queue import Waiting


def show_waits(db: Database) -> None:
    """From now on, a write of ``db`` waiting behind another program says so on stderr: once
    as it starts to wait (and, on a terminal, the seconds waited, redrawn)."""
    if db.queue is None:
        return
    on_terminal = sys.stderr.isatty()
    shown = [False, 0.0]    # told already, and when the seconds were last redrawn

    def told(waiting: Waiting) -> bool:
        if waiting.over:
            if shown[0] and on_terminal:
                print(file=sys.stderr)
            shown[0] = False
            return True
        if not shown[0]:
            print(f"tierdesk: {waiting.message} (Ctrl+C stops waiting; nothing is written)",
                  file=sys.stderr, flush=True)
            shown[:] = True, time.monotonic()
        elif on_terminal and time.monotonic() - shown[1] >= 1:
            shown[1] = time.monotonic()
            print(f"\r  waited {waiting.waited:,.0f} s\033[K", end="", file=sys.stderr,
                  flush=True)
        return True

    db.queue.on_wait = told
