"""The office's transfer key: the secret that encrypts the transfer files of encrypted archives.

An encrypted laptop's transfer file must be unreadable on the USB stick, yet the office must
read it without knowing the laptop's passphrase (each laptop has its own). So every office has
one random 256-bit key, made the first time a laptop is checked out or a transfer file is
written, kept as an office setting; like every office setting it goes to the laptops, in the
laptop's archive at checkout and with the office's transfer files. A transfer file written by
an encrypted archive (laptop or office) is an SQLCipher file under that key (with a salt of its
own); any archive of the same office reads it, no other can.

The key is as safe as the archives that hold it: inside an encrypted laptop's archive it is
encrypted too. A laptop checked out before its office had a key receives it with the next
transfer file from the office (or a synchronisation); until then an encrypted laptop is told
so when it writes one.
"""

from __future__ import annotations

import secrets
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from tierdesk.core.i18n import QT_TRANSLATE_NOOP
from tierdesk.core.office.settings import store_setting
from tierdesk.core.store import cipher
from tierdesk.core.store.models import Setting
from tierdesk.core.sync.site import Site, refused

SETTING = "transfer_key"


def transfer_key(session: Session) -> bytes | None:
    """The office's transfer key as this archive holds it, or None."""
    row = session.get(Setting, SETTING)
    if row is None or not isinstance(row.value, str):
        return None
    try:
        return bytes.fromhex(row.value)
    except ValueError:
        return None


def office_transfer_key(session: Session) -> bytes:
    """The office's transfer key, made now (inside the caller's write) if it has none."""
    found = transfer_key(session)
    if found is not None:
        return found
    made = secrets.token_bytes(cipher.KEY_BYTES)
    store_setting(session, SETTING, made.hex())
    return made


def key_for_file(session: Session, site: Site, archive: Path | None) -> bytes | None:
    """The key a transfer file written now is encrypted with: the office's transfer key when
    the writing archive (the file ``archive``) is encrypted, else None (a plain file). An
    office makes its key here if it has none, so that its laptops receive it."""
    key = transfer_key(session) if site.is_laptop else office_transfer_key(session)
    if not cipher.encrypted(archive):
        return None
    if key is None:
        raise refused(QT_TRANSLATE_NOOP(
            "Sync", "This laptop has no transfer key from its office yet, so it cannot write "
                    "an encrypted transfer file. Apply a transfer file from the office first "
                    "(or synchronise once), then make this one again."))
    return key


def new_file(path: Path, key: bytes | None) -> Any:
    """A connection making the new transfer file ``path``: encrypted under ``key`` (with a
    salt of its own), or plain (None); it commits as sqlite3's does."""
    if key is None:
        return sqlite3.connect(path)
    conn = cipher.driver().connect(str(path))
    cipher.apply_key(conn, cipher.raw_key(key, secrets.token_bytes(cipher.SALT_BYTES)))
    return conn


def opened_file(path: Path, key: bytes | None) -> Any:
    """A read-only connection to the transfer file ``path``; an encrypted one is opened with
    ``key`` and refused with a message where there is none or it is another office's."""
    if not cipher.looks_encrypted(path):
        return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    if key is None:
        raise refused(QT_TRANSLATE_NOOP(
            "Sync", "{path} is an encrypted transfer file, and this archive holds no "
                    "transfer key to read it (a laptop receives its office's key when it is "
                    "checked out, or with the office's next transfer file)."), path=str(path))
    conn = None
    try:
        conn = cipher.connect_file(path, "ro", key=cipher.raw_key(key, cipher.file_salt(path)))
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except cipher.DRIVER_ERRORS:
        if conn is not None:
            conn.close()
        raise refused(QT_TRANSLATE_NOOP(
            "Sync", "{path} is an encrypted transfer file of another office (or it is "
                    "damaged): nothing was applied."), path=str(path)) from None
    return conn
