"""``tierdesk`` commands. Encryption at rest: encrypt, decrypt; and the passphrase of an
encrypted archive, asked at a terminal (or read from TIERDESK_PASSPHRASE, or from the system
keyring) when a command opens one."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from tierdesk.cli.common import EXIT_REFUSED, terminal_progress
from tierdesk.core.errors import TierDeskError
from tierdesk.core.i18n import QT_TRANSLATE_NOOP, Message

if TYPE_CHECKING:
    from tierdesk.core.store.rekey import Rekeyed

T = TypeVar("T")
TRIES = 3
CTX = "Database"


def add_parsers(sub: Any) -> None:
    enc = sub.add_parser(
        "encrypt", help="encrypt the archive file with a passphrase (asked, or "
                        "$TIERDESK_PASSPHRASE); its backups and transfer files are then "
                        "encrypted too")
    enc.add_argument("--remember", action="store_true",
                     help="keep the passphrase in the system keyring of this computer")
    sub.add_parser("decrypt", help="make an encrypted archive a plain file again")


def _archive_file(location: str | None) -> Path:
    from tierdesk.core.store.db import resolve_location, sqlite_path

    path = sqlite_path(resolve_location(location))
    if path is None:
        raise TierDeskError(Message(CTX, QT_TRANSLATE_NOOP(
            "Database", "Only an archive kept in a file can be encrypted; a database server "
                        "protects its own data.")))
    return path


def _asked(prompt: str) -> str | None:
    """A passphrase typed at the terminal (not shown); None where there is no terminal."""
    if not sys.stdin.isatty():
        return None
    import getpass

    try:
        return getpass.getpass(prompt)
    except EOFError:
        return None


def unlocked(opening: Callable[[], T]) -> T:
    """``opening()``, once the encrypted archive it meets is unlocked: with the passphrase
    kept in the system keyring, else asked at the terminal (three tries). Without a
    terminal the refusal stands (it names TIERDESK_PASSPHRASE)."""
    from tierdesk.core.store import keychain

    done = keychain.opened(opening, _ask_at_terminal)
    assert done is not None         # the question never gives up without raising
    return done


def _ask_at_terminal(path: Path) -> bool:
    from tierdesk.core.store import cipher

    for tries in range(1, TRIES + 1):
        given = _asked(f"Passphrase of {path}: ")
        if given is None:
            raise cipher.PassphraseNeeded(path)
        try:
            cipher.unlock(path, given)
            return True
        except cipher.WrongPassphrase:
            if tries == TRIES:
                raise
            print("tierdesk: that passphrase does not open it; try again.", file=sys.stderr)
    return False


def _new_passphrase() -> str:
    from tierdesk.core.store import cipher

    given = os.environ.get(cipher.PASSPHRASE_VAR)
    if given:
        return given
    first = _asked("New passphrase: ")
    if first is None:
        raise TierDeskError(Message(CTX, QT_TRANSLATE_NOOP(
            "Database", "Give the passphrase in TIERDESK_PASSPHRASE, or run the command at a "
                        "terminal to be asked for it.")))
    if _asked("The same passphrase again: ") != first:
        raise TierDeskError(Message(CTX, QT_TRANSLATE_NOOP(
            "Database", "The two passphrases differ; nothing was changed.")))
    return first


def _copies(done: Rekeyed) -> str:
    return {0: "", 1: ", and its backup"}.get(done.backups, f", and its {done.backups} backups")


def cmd_encrypt(args: argparse.Namespace, location: str | None) -> int:
    from tierdesk.core.store import cipher, keychain
    from tierdesk.core.store.rekey import encrypt_with_backups

    path = _archive_file(location)
    if cipher.looks_encrypted(path):
        print(f"tierdesk: {path} is encrypted already.", file=sys.stderr)
        return EXIT_REFUSED
    passphrase = _new_passphrase()
    done = encrypt_with_backups(path, passphrase, progress=terminal_progress("steps"))
    print(f"Encrypted {path}: {done.rows:,} rows in {done.tables} tables{_copies(done)}.")
    print("It opens with its passphrase from now on. Keep the passphrase safe: without it "
          "nobody, not even TierDesk, can read the archive or its backups.")
    if args.remember:
        if keychain.remember(path, passphrase):
            print("The passphrase is kept in this computer's keyring.")
        else:
            print("tierdesk: this computer has no keyring; the passphrase was not kept.",
                  file=sys.stderr)
    return 0


def cmd_decrypt(args: argparse.Namespace, location: str | None) -> int:
    from tierdesk.core.store import cipher, keychain, rekey

    del args
    path = _archive_file(location)
    if not cipher.looks_encrypted(path):
        print(f"tierdesk: {path} is not encrypted.", file=sys.stderr)
        return EXIT_REFUSED
    unlocked(lambda: cipher.key_for(path))
    done = rekey.decrypt_with_backups(path, progress=terminal_progress("steps"))
    keychain.forget(path)
    print(f"Decrypted {path}: {done.rows:,} rows in {done.tables} tables{_copies(done)}. It "
          "is a plain file again.")
    return 0


COMMANDS = {"encrypt": cmd_encrypt, "decrypt": cmd_decrypt}
