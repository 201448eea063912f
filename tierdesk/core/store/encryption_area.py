"""The encryption area of the front door: whether the open archive is encrypted, and turning
it into an encrypted file (with its backups) or back into a plain one.

Both close this program's connections to the archive first (as a restore does); the front
ends open it anew afterwards, with its key already known here.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from pathlib import Path

from tierdesk.core.area import Area
from tierdesk.core.errors import DatabaseFileError
from tierdesk.core.i18n import QT_TRANSLATE_NOOP, Message
from tierdesk.core.store import cipher, keychain, rekey

Progress = Callable[[int, int, str], bool] | None


class EncryptionArea(Area):
    @property
    def path(self) -> Path | None:
        """The archive's file (None: a database server, which protects its own data)."""
        return self._db.path

    @property
    def encrypted(self) -> bool:
        return self._db.path is not None and cipher.looks_encrypted(self._db.path)

    @property
    def keyring_available(self) -> bool:
        return keychain.available()

    def _file(self) -> Path:
        if self._db.path is None:
            raise DatabaseFileError(Message(rekey.CTX, QT_TRANSLATE_NOOP(
                "Database", "Only an archive kept in a file can be encrypted; a database "
                            "server protects its own data.")))
        return self._db.path

    def encrypt(self, passphrase: str, *, remember: bool = False,
                progress: Progress = None) -> rekey.Rekeyed:
        """Encrypt the archive and its backups with ``passphrase`` (kept in the system keyring
        when ``remember`` and there is one). The archive is closed here: open it again."""
        path = self._file()
        rekey.check_passphrase(passphrase)   # refused before anything is closed
        self._release()
        done = rekey.encrypt_with_backups(path, passphrase, folder=self._db.backups.folder,
                                          progress=progress)
        if remember:
            keychain.remember(path, passphrase)
        return done

    def decrypt(self, *, progress: Progress = None) -> rekey.Rekeyed:
        """Make the archive a plain file again, and its backups that open with its key. The
        archive is closed here: open it again."""
        path = self._file()
        self._release()
        done = rekey.decrypt_with_backups(path, folder=self._db.backups.folder,
                                          progress=progress)
        keychain.forget(path)
        return done

    def _release(self) -> None:
        """Close this program's connections to the archive (pooled, and those of reads ended
        that the collector has not yet freed), once the quick check of its start has ended:
        a damaged archive is not rewritten (DatabaseFileError)."""
        if self._db.start_check is not None:
            self._db.start_check.refuse_writing()
        self._db.close()
        gc.collect()
