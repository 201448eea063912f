"""Errors the core raises. Each carries a message a person can read (and translate)."""

from __future__ import annotations

from dataclasses import dataclass

from tierdesk.core.i18n import Message


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input: which field, and why."""

    field: str
    message: Message

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


class TierDeskError(Exception):
    """Base of every error the core raises on purpose."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


class ValidationError(TierDeskError):
    """The input breaks one or more rules; nothing was written."""

    def __init__(self, problems: list[Problem]) -> None:
        if not problems:
            raise ValueError("a ValidationError needs at least one problem")
        super().__init__(problems[0].message)
        self.problems = problems

    def __str__(self) -> str:
        return "; ".join(str(p) for p in self.problems)

    def for_field(self, field: str) -> Message | None:
        for problem in self.problems:
            if problem.field == field:
                return problem.message
        return None


class NotFoundError(TierDeskError):
    """A record asked for does not exist (or was deleted)."""


class DatabaseFileError(TierDeskError):
    """A database file cannot be used: not TierDesk's, newer than this version, unreadable."""


class StorageError(TierDeskError):
    """The disk, the file or the database server refused the work: another program is
    writing, the disk is full, the file or its folder is read-only, no permission, the file
    is damaged. Nothing was written. ``kind`` says which (core.store.failures names them)."""

    def __init__(self, message: Message, kind: str) -> None:
        super().__init__(message)
        self.kind = kind
