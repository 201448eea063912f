"""The archive as the front ends use it: a small front door handing out one typed interface
per area (customers, office, tiers, service, planning, sync). Each call of an area is one read or
one write transaction through the gate; after every write the listeners are told what
changed, so views refresh only what they show.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tierdesk.core.changes import Change, Changed, Listener
from tierdesk.core.customers.area import LIST_COLUMN_OF, CustomerCard, CustomersArea
from tierdesk.core.customers.trash import TrashArea
from tierdesk.core.office.area import OfficeArea
from tierdesk.core.planning.area import PlanningArea
from tierdesk.core.service.area import ServiceArea
from tierdesk.core.store.backup_area import BackupsArea
from tierdesk.core.store.check_area import CheckArea
from tierdesk.core.store.encryption_area import EncryptionArea
from tierdesk.core.sync.area import SyncArea
from tierdesk.core.tiers.area import TiersArea

if TYPE_CHECKING:
    from tierdesk.core.store.db import Database

__all__ = ["LIST_COLUMN_OF", "Archive", "Change", "Changed", "CustomerCard", "Listener"]


class Archive:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._listeners: list[Listener] = []
        self.customers = CustomersArea(db, self._announce)
        self.office = OfficeArea(db, self._announce)
        self.tiers = TiersArea(db, self._announce)
        self.service = ServiceArea(db, self._announce)
        self.planning = PlanningArea(db, self._announce)
        self.sync = SyncArea(db, self._announce)
        self.backups = BackupsArea(db, self._announce)
        self.trash = TrashArea(db, self._announce)
        self.check = CheckArea(db, self._announce)
        self.encryption = EncryptionArea(db, self._announce)

    @property
    def database(self) -> Database:
        """The gate itself, for the layers that write through it in bulk (a workbook's import
        and export): windows hand it on to them and never open a session with it."""
        return self._db

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _announce(self, change: Change) -> None:
        self.service.forget(change)
        for listener in list(self._listeners):
            listener(change)

    def changed_elsewhere(self) -> None:
        """Many rows changed at once (an import): views reload what they show."""
        self._announce(Change(Changed.BULK))
