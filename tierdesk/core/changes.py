"""What a write changed, as the front door announces it after the write has committed: typed
flags for the kinds of thing, and the customers concerned."""

from __future__ import annotations

import enum
import uuid
from collections.abc import Callable
from dataclasses import dataclass


class Changed(enum.Flag):
    """Which kinds of thing a write changed; a view refreshes for the kinds it shows."""

    CUSTOMERS = enum.auto()     # a customer's facts (and what hangs on its file)
    VISITS = enum.auto()        # card entries (and the customer's last and next contact)
    TASKS = enum.auto()         # follow-ups
    COMPLAINTS = enum.auto()
    OFFICE = enum.auto()        # regions and salespeople
    SETTINGS = enum.auto()      # office settings, tier rules, the calendar, follow-up rules
    REPORTS = enum.auto()       # what only the reports read: plans, alert notes, scales
    BULK = enum.auto()          # many customers at once (an import, a reassessment)


@dataclass(frozen=True)
class Change:
    """What a write changed: the kinds, the customers concerned (none: any or many), and the
    customer list's columns touched (None: not known)."""

    kinds: Changed
    customer_ids: tuple[uuid.UUID, ...] = ()
    columns: tuple[str, ...] | None = None


Listener = Callable[[Change], None]
