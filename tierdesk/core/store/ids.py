"""Ids of rows that travel between machines: time-ordered UUIDs (version 7).

The millisecond comes first, so rows written together sit next to each other in every index
on their ids, and two machines never make the same id (74 random bits and a counter)."""

from __future__ import annotations

import os
import threading
import time
import uuid

_lock = threading.Lock()
_last = [0, 0]          # the millisecond and the counter of the last id made here


def new_id() -> uuid.UUID:
    """One fresh id; ids made in the same millisecond by this process still sort in the order
    they were made (a 12-bit counter from a random start, then the next millisecond)."""
    with _lock:
        millisecond = time.time_ns() // 1_000_000
        if millisecond > _last[0]:
            _last[0], _last[1] = millisecond, int.from_bytes(os.urandom(2), "big") >> 5
        else:
            _last[1] += 1
            if _last[1] >= 1 << 12:
                _last[0], _last[1] = _last[0] + 1, 0
        millisecond, counter = _last
    tail = int.from_bytes(os.urandom(8), "big") & ((1 << 62) - 1)
    value = (millisecond << 80) | (0x7 << 76) | (counter << 64) | (0b10 << 62) | tail
    return uuid.UUID(int=value)
