"""An encrypted archive's passphrase kept in the system keyring (Windows' Credential Manager,
the macOS Keychain, the Secret Service of a Linux desktop), through the ``keyring`` package.

Where the system has no keyring (a server, a CI machine, a desktop without one) nothing is
kept and nothing fails: :func:`available` says so, and the passphrase is asked each time.
Every call here swallows the keyring's own failures (a locked or absent service) and answers
as if nothing were kept.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from tierdesk.core import logbook
from tierdesk.core.store import cipher

SERVICE = "TierDesk archive"
T = TypeVar("T")


def _keyring() -> Any | None:
    """The keyring package's backend when it is a real one, else None."""
    try:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
    except Exception:    # no package, a broken configuration: no keyring
        return None
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 0) <= 0:
        return None
    return backend


def available() -> bool:
    """Whether a passphrase can be kept in the system keyring here."""
    return _keyring() is not None


def _account(path: Path) -> str:
    return os.path.realpath(path)


def recall(path: Path) -> str | None:
    """The passphrase kept for the archive at ``path``, or None."""
    backend = _keyring()
    if backend is None:
        return None
    try:
        found = backend.get_password(SERVICE, _account(path))
    except Exception as exc:
        logbook.logger("keyring").info("the keyring could not be read: %s", exc)
        return None
    return str(found) if found else None


def remember(path: Path, passphrase: str) -> bool:
    """Keep ``passphrase`` for the archive at ``path``; False where it could not be kept."""
    backend = _keyring()
    if backend is None:
        return False
    try:
        backend.set_password(SERVICE, _account(path), passphrase)
    except Exception as exc:
        logbook.logger("keyring").info("the keyring could not be written: %s", exc)
        return False
    return True


def forget(path: Path) -> None:
    """No passphrase kept for the archive at ``path`` any more."""
    backend = _keyring()
    if backend is not None:
        with contextlib.suppress(Exception):
            backend.delete_password(SERVICE, _account(path))


def unlock_remembered(path: Path) -> bool:
    """Unlock the archive at ``path`` with the passphrase kept for it; False where none is
    kept, or the one kept no longer opens it (it is then forgotten)."""
    kept = recall(path)
    if kept is None:
        return False
    try:
        cipher.unlock(path, kept)
    except cipher.WrongPassphrase:
        forget(path)
        return False
    return True


def opened(opening: Callable[[], T], ask: Callable[[Path], bool]) -> T | None:
    """``opening()`` (opening an archive), once the encrypted archive it meets is unlocked:
    with the passphrase kept in the system keyring, else by ``ask(path)``, the front end's
    question, which unlocks it (cipher.unlock) and says True, or says False when the person
    gives up (then None)."""
    while True:
        try:
            return opening()
        except cipher.PassphraseNeeded as needed:
            if unlock_remembered(needed.path):
                continue
            if not ask(needed.path):
                return None
