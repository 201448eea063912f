"""Bridges the archive's change notices to a Qt signal that views connect to."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from tierdesk.core.archive import Archive, Change


class ArchiveEvents(QObject):
    changed = Signal(object)  # a core.archive.Change

    def __init__(self, archive: Archive, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._archive = archive
        archive.subscribe(self._relay)

    def _relay(self, change: Change) -> None:
        self.changed.emit(change)

    def detach(self) -> None:
        self._archive.unsubscribe(self._relay)
