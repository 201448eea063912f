"""Encryption at rest: an encrypted archive, its backups and its transfer files hold no
readable customer name or phone; the right passphrase opens it, a wrong one is refused with a
message and changes nothing; TIERDESK_PASSPHRASE for scripts; tierdesk encrypt / decrypt;
the window's passphrase dialog and its Encrypt… in the office settings."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QLabel, QPushButton

from tierdesk.cli import main
from tierdesk.core.archive import Archive
from tierdesk.core.errors import TierDeskError
from tierdesk.core.store import cipher, keychain
from tierdesk.core.store.db import open_database
from tierdesk.core.store.rekey import encrypt_archive
from tierdesk.core.sync.transfer_key import office_transfer_key
from tierdesk.ui import encryption as window_encryption
from tierdesk.ui.passphrase_dialog import PassphraseDialog, unlocked

PASSPHRASE = "correct horse battery"


@pytest.fixture(autouse=True)
def no_keys_left(monkeypatch, tmp_path):
    """Each test starts with no passphrase known, none in the environment, its own backups,
    and no system keyring."""
    monkeypatch.delenv(cipher.PASSPHRASE_VAR, raising=False)
    monkeypatch.setenv("TIERDESK_BACKUP_DIR", str(tmp_path / "backups"))
    monkeypatch.setattr(keychain, "_keyring", lambda: None)
    cipher._keys.clear()
    yield
    cipher._keys.clear()


@pytest.fixture
def office(demo_template, tmp_path) -> Path:
    path = tmp_path / "office.sqlite"
    shutil.copyfile(demo_template, path)
    return path


def customer_secrets(path: Path, salesperson: str | None = None) -> list[bytes]:
    """Every customer's name, contact and mobile in the plain archive at ``path`` (of one
    salesperson's territory when given), as the bytes a file would hold them in."""
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(
            "SELECT c.name, c.contact_name, c.mobile FROM customer c "
            "JOIN salesperson s ON s.id = c.salesperson_id "
            "WHERE ? IS NULL OR s.code = ?", (salesperson, salesperson)).fetchall()
    finally:
        conn.close()
    found = sorted({value.encode() for row in rows for value in row if value and len(value) > 2})
    assert len(found) > 20
    return found


def readable(file: Path, secrets: list[bytes]) -> set[bytes]:
    """Which of ``secrets`` can be read in the bytes of ``file`` (as `strings` would find
    them, and Chinese in UTF-8 too)."""
    pattern = re.compile(b"|".join(re.escape(s) for s in secrets))
    return {found.group() for found in pattern.finditer(file.read_bytes())}


def fingerprint(path: Path) -> tuple[str, int]:
    """The file's bytes, and what its write-ahead log holds (nothing written: empty)."""
    log = path.with_name(path.name + "-wal")
    return (hashlib.sha256(path.read_bytes()).hexdigest(),
            log.stat().st_size if log.exists() else 0)


def test_encrypted_archive_and_its_backups_show_no_name_or_phone(office, tmp_path, monkeypatch,
                                                                  capsys):
    secrets = customer_secrets(office)
    assert readable(office, secrets) == set(secrets)        # the plain file tells everything
    assert main(["--db", str(office), "backup"]) == 0       # a plain backup, taken earlier
    monkeypatch.setenv(cipher.PASSPHRASE_VAR, PASSPHRASE)
    assert main(["--db", str(office), "encrypt"]) == 0
    out = capsys.readouterr().out
    assert "Encrypted" in out and "and its backup" in out
    assert not office.read_bytes().startswith(b"SQLite format 3")
    assert main(["--db", str(office), "backup"]) == 0       # a backup of the encrypted one
    copies = sorted((tmp_path / "backups").rglob("*.sqlite"))
    assert len(copies) == 2
    for file in (office, *copies):
        assert readable(file, secrets) == set(), file
        assert (file.stat().st_mode & 0o777) == (0o600 if file in copies else
                                                  file.stat().st_mode & 0o777)
    assert [p.name for p in office.parent.glob("office.sqlite*")] == ["office.sqlite"]
    cipher._keys.clear()                     # a new start: once the archive is unlocked,
    cipher.unlock(office, PASSPHRASE)        # its copies open with its key, unasked
    for copy in copies:
        conn = cipher.connect(copy, read_only=True)
        assert conn.execute("SELECT count(*) FROM customer").fetchone()[0] == 300
        conn.close()


def test_the_right_passphrase_opens_a_wrong_one_is_refused_and_nothing_is_written(
        office, monkeypatch, capsys):
    number = sqlite3.connect(office).execute(
        "SELECT number FROM customer ORDER BY number").fetchone()[0]
    encrypt_archive(office, PASSPHRASE)
    cipher._keys.clear()
    before = fingerprint(office)
    with pytest.raises(cipher.WrongPassphrase):
        cipher.unlock(office, "not the passphrase")
    with pytest.raises(cipher.PassphraseNeeded) as needed:
        open_database(office)
    assert "is encrypted" in str(needed.value) and "TIERDESK_PASSPHRASE" in str(needed.value)
    monkeypatch.setenv(cipher.PASSPHRASE_VAR, "not the passphrase")
    assert main(["--db", str(office), "add-visit", number, "--summary", "x"]) == 1
    err = capsys.readouterr().err
    assert err.strip() == (f"tierdesk: The passphrase does not open {office} (or the file is "
                           "damaged): nothing was opened or changed.")
    assert "Traceback" not in err and "ERROR" not in err
    assert fingerprint(office) == before
    monkeypatch.setenv(cipher.PASSPHRASE_VAR, PASSPHRASE)
    assert main(["--db", str(office), "add-visit", number, "--summary", "回访加密"]) == 0
    assert main(["--db", str(office), "card", number]) == 0
    assert "回访加密" in capsys.readouterr().out


def test_without_a_passphrase_a_script_is_told_to_set_the_variable(office, capsys):
    encrypt_archive(office, PASSPHRASE)
    cipher._keys.clear()
    before = fingerprint(office)
    assert main(["--db", str(office), "info"]) == 1
    assert capsys.readouterr().err.strip() == (
        f"tierdesk: {office} is encrypted: it opens with its passphrase. For scripts, put it "
        "in TIERDESK_PASSPHRASE.")
    assert fingerprint(office) == before


def test_the_variable_opens_it_for_scripts_and_decrypt_makes_it_plain(office, monkeypatch,
                                                                       capsys):
    counts = {name: sqlite3.connect(office).execute(f"SELECT count(*) FROM {name}").fetchone()
              for name in ("customer", "visit", "journal")}
    monkeypatch.setenv(cipher.PASSPHRASE_VAR, PASSPHRASE)
    assert main(["--db", str(office), "encrypt"]) == 0
    assert main(["--db", str(office), "encrypt"]) == 1
    assert "is encrypted already" in capsys.readouterr().err
    cipher._keys.clear()
    assert main(["--db", str(office), "info"]) == 0
    assert "Customers    300" in capsys.readouterr().out
    assert main(["--db", str(office), "decrypt"]) == 0
    assert "plain file again" in capsys.readouterr().out
    assert office.read_bytes().startswith(b"SQLite format 3")
    plain = sqlite3.connect(office)
    assert {name: plain.execute(f"SELECT count(*) FROM {name}").fetchone()
            for name in counts} == counts
    assert plain.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    plain.close()
    assert main(["--db", str(office), "decrypt"]) == 1
    assert "is not encrypted" in capsys.readouterr().err


def test_encrypt_refuses_what_is_no_archive_and_a_short_passphrase(tmp_path, office,
                                                                   monkeypatch, capsys):
    notes = tmp_path / "notes.txt"
    notes.write_text("hello")
    monkeypatch.setenv(cipher.PASSPHRASE_VAR, "short")
    assert main(["--db", str(office), "encrypt"]) == 1
    assert "at least 8 characters" in capsys.readouterr().err
    assert office.read_bytes().startswith(b"SQLite format 3")
    monkeypatch.setenv(cipher.PASSPHRASE_VAR, PASSPHRASE)
    assert main(["--db", str(notes), "encrypt"]) == 1
    assert "not a TierDesk database" in capsys.readouterr().err
    assert notes.read_text() == "hello"
    assert main(["--db", str(tmp_path / "none.sqlite"), "encrypt"]) == 1
    assert "There is no archive" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["notes.txt",
                                                                          "office.sqlite"]


def _territory_owner(office: Path) -> str:
    return sqlite3.connect(office).execute(
        "SELECT s.code FROM salesperson s JOIN customer c ON c.salesperson_id = s.id "
        "GROUP BY s.code ORDER BY count(*) DESC").fetchone()[0]


def test_an_encrypted_laptops_transfer_file_is_unreadable_and_only_its_office_applies_it(
        office, tmp_path, demo_template, monkeypatch, capsys):
    code = _territory_owner(office)
    secrets = customer_secrets(office, code)
    laptop = tmp_path / "laptop.sqlite"
    assert main(["--db", str(laptop), "laptop", "checkout", "--office", str(office),
                 "--salesperson", code]) == 0
    monkeypatch.setenv(cipher.PASSPHRASE_VAR, PASSPHRASE)
    assert main(["--db", str(laptop), "encrypt"]) == 0
    conn = cipher.connect(laptop, read_only=True)
    number = conn.execute("SELECT number FROM customer ORDER BY number").fetchone()[0]
    conn.close()
    assert main(["--db", str(laptop), "add-visit", number, "--summary", "笔记本加密回访"]) == 0
    carried = tmp_path / "from-laptop.tdx"
    assert main(["--db", str(laptop), "bundle", "out", str(carried)]) == 0
    assert readable(carried, [*secrets, "笔记本加密回访".encode()]) == set()
    assert not carried.read_bytes().startswith(b"SQLite format 3")
    capsys.readouterr()
    monkeypatch.delenv(cipher.PASSPHRASE_VAR)
    stranger = tmp_path / "stranger.sqlite"       # another office, with a key of its own
    shutil.copyfile(demo_template, stranger)
    other = open_database(stranger)
    with other.write() as session:
        office_transfer_key(session)
    other.close()
    before = fingerprint(stranger)
    assert main(["--db", str(stranger), "bundle", "in", str(carried)]) == 1
    assert "encrypted transfer file of another office" in capsys.readouterr().err
    assert fingerprint(stranger) == before
    assert main(["--db", str(office), "bundle", "in", str(carried)]) == 0
    assert main(["--db", str(office), "card", number]) == 0
    assert "笔记本加密回访" in capsys.readouterr().out


def test_a_kept_passphrase_opens_it_and_one_that_no_longer_fits_is_forgotten(office,
                                                                              monkeypatch):
    kept: dict[tuple[str, str], str] = {}

    class Memory:
        priority = 5

        def get_password(self, service, account):
            return kept.get((service, account))

        def set_password(self, service, account, value):
            kept[(service, account)] = value

        def delete_password(self, service, account):
            kept.pop((service, account), None)

    monkeypatch.setattr(keychain, "_keyring", Memory)
    encrypt_archive(office, PASSPHRASE)
    cipher._keys.clear()
    assert keychain.available() and keychain.remember(office, PASSPHRASE)
    db = unlocked(lambda: open_database(office))        # no dialog: the keyring's
    assert db is not None
    db.close()
    cipher._keys.clear()
    keychain.remember(office, "an old passphrase")
    assert not keychain.unlock_remembered(office)
    assert kept == {}


def test_without_a_keyring_nothing_is_kept_and_nothing_fails(office):
    assert not keychain.available()
    assert keychain.recall(office) is None
    assert not keychain.remember(office, PASSPHRASE)
    keychain.forget(office)


def test_the_passphrase_dialog_says_a_wrong_passphrase_and_opens_with_the_right_one(
        qtbot, office):
    encrypt_archive(office, PASSPHRASE)
    cipher._keys.clear()
    dialog = PassphraseDialog(office)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.remember.isVisible()              # no keyring on this computer
    dialog.passphrase.setText("not the passphrase")
    dialog.accept()
    assert dialog.isVisible() and dialog.error.isVisible()
    assert "does not open" in dialog.error.text()
    assert not cipher.is_unlocked(office)
    dialog.passphrase.setText(PASSPHRASE)
    with qtbot.waitSignal(dialog.accepted):
        dialog.accept()
    assert cipher.is_unlocked(office) and not dialog.isVisible()
    db = open_database(office)
    assert Archive(db).office.salespeople()
    db.close()


def test_choosing_a_passphrase_asks_it_twice_and_long_enough(qtbot, office):
    dialog = PassphraseDialog(office, choose=True)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.passphrase.setText("short")
    dialog.again.setText("short")
    dialog.accept()
    assert "at least 8 characters" in dialog.error.text() and dialog.isVisible()
    dialog.passphrase.setText(PASSPHRASE)
    dialog.again.setText(PASSPHRASE + "!")
    dialog.accept()
    assert dialog.error.text() == "The two passphrases differ." and dialog.isVisible()
    dialog.again.setText(PASSPHRASE)
    with qtbot.waitSignal(dialog.accepted):
        dialog.accept()
    assert dialog.given() == PASSPHRASE


def test_a_cancelled_passphrase_opens_nothing(qtbot, office, monkeypatch):
    encrypt_archive(office, PASSPHRASE)
    cipher._keys.clear()
    asked: list[Path] = []

    def cancel(dialog):  # type: ignore[no-untyped-def]
        asked.append(dialog.path)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(PassphraseDialog, "exec", cancel)
    assert unlocked(lambda: open_database(office)) is None
    assert asked == [office]


class _Reopened(QObject):
    done = Signal(str, str)


def test_encrypt_from_the_office_settings_closes_encrypts_and_reopens(qtbot, office,
                                                                     monkeypatch):
    secrets = customer_secrets(office)
    db = open_database(office)
    archive = Archive(db)
    row = window_encryption.encryption_row(archive, lambda: None)
    qtbot.addWidget(row)
    assert "Not encrypted" in row.findChild(QLabel, "encryptionStatus").text()

    def choose(dialog):  # type: ignore[no-untyped-def]
        dialog.passphrase.setText(PASSPHRASE)
        dialog.again.setText(PASSPHRASE)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PassphraseDialog, "exec", choose)
    reopened = _Reopened()
    with qtbot.waitSignal(reopened.done, timeout=30000) as said:
        assert window_encryption.change_encryption(row, archive, reopened.done.emit)
    path, outcome = said.args
    assert path == str(office) and "encrypted" in outcome
    assert readable(office, secrets) == set()
    again = open_database(office)                       # the key is known: no question
    assert Archive(again).encryption.encrypted
    again.close()
    db.close()


def test_a_file_that_only_looks_random_is_still_refused_as_no_archive(tmp_path):
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(bytes(range(256)) * 16)             # whole pages, not SQLite
    with pytest.raises(cipher.PassphraseNeeded):
        open_database(junk)
    with pytest.raises(TierDeskError, match="does not open"):
        cipher.unlock(junk, PASSPHRASE)
    assert junk.read_bytes() == bytes(range(256)) * 16


def test_the_plain_file_is_overwritten_before_it_is_let_go(office, tmp_path):
    same_file = tmp_path / "same-inode"          # another name for the plain file's bytes
    os.link(office, same_file)
    size = same_file.stat().st_size
    encrypt_archive(office, PASSPHRASE)
    assert same_file.read_bytes() == bytes(size)


def test_the_office_settings_offer_encryption_to_the_window(qtbot, db):
    from tierdesk.ui.office_dialog import OfficeDialog

    asked: list[bool] = []
    dialog = OfficeDialog(Archive(db), encryption=lambda: asked.append(True))
    qtbot.addWidget(dialog)
    dialog.show()
    assert "Not encrypted" in dialog.findChild(QLabel, "encryptionStatus").text()
    button = dialog.findChild(QPushButton, "encryptionButton")
    assert button.text() == "Encrypt…"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert asked == [True] and not dialog.isVisible()
    bare = OfficeDialog(Archive(db))                  # no window to hand it to: not offered
    qtbot.addWidget(bare)
    assert bare.findChild(QPushButton, "encryptionButton") is None


def test_a_new_archive_chosen_encrypted_in_the_welcome_opens_encrypted(qapp, qtbot, tmp_path,
                                                                      monkeypatch):
    from PySide6.QtCore import QCoreApplication, QEvent, QSettings

    from tierdesk import app as app_module
    from tierdesk.ui.welcome import WelcomeDialog

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("TIERDESK_DB", raising=False)

    def new_encrypted(dialog):  # type: ignore[no-untyped-def]
        assert not dialog.encrypt.isChecked()           # plain unless asked
        dialog.encrypt.setChecked(True)
        dialog.ui.emptyButton.click()
        return dialog.result()

    def choose(dialog):  # type: ignore[no-untyped-def]
        dialog.passphrase.setText(PASSPHRASE)
        dialog.again.setText(PASSPHRASE)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(WelcomeDialog, "exec", new_encrypted)
    monkeypatch.setattr(PassphraseDialog, "exec", choose)
    controller = app_module.AppController(qapp, QSettings(str(tmp_path / "ui.ini"),
                                                          QSettings.Format.IniFormat))
    reopened = _Reopened()
    reopen = controller._reopen

    def reopen_and_tell(path: str, outcome: str) -> None:
        reopen(path, outcome)
        reopened.done.emit(path, outcome)

    controller._reopen = reopen_and_tell  # type: ignore[method-assign]
    try:
        with qtbot.waitSignal(reopened.done, timeout=30000) as said:   # reopened encrypted
            assert controller.start(None)
            first = controller.window
        assert "encrypted" in said.args[1]
        path = controller.db.path
        assert path == tmp_path / "data" / "TierDesk" / "tierdesk.sqlite"
        assert cipher.looks_encrypted(path)
        assert controller.window is not first and controller.window.isVisible()
        assert controller.window.archive.encryption.encrypted
    finally:
        if controller.window is not None:
            controller.window.close()
            controller.window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        if controller.db is not None:
            controller.db.close()


def test_at_a_terminal_the_passphrase_is_asked_again_after_a_wrong_one(office, monkeypatch,
                                                                       capsys):
    from tierdesk.cli import encryption as cli_encryption

    encrypt_archive(office, PASSPHRASE)
    cipher._keys.clear()
    typed = ["not the passphrase", PASSPHRASE]
    monkeypatch.setattr(cli_encryption, "_asked", lambda prompt: typed.pop(0))
    assert main(["--db", str(office), "info"]) == 0
    assert typed == []
    captured = capsys.readouterr()
    assert "Customers    300" in captured.out
    assert captured.err.strip() == "tierdesk: that passphrase does not open it; try again."


def test_a_command_that_ends_before_the_start_check_ends_cleanly(office, monkeypatch):
    """The quick check of an encrypted archive runs beside a short command: the command ends
    first, and the program still exits 0 (a check left inside SQLCipher as Python ended
    brought it down)."""
    padding = sqlite3.connect(office)       # pages enough that the check outlasts it
    padding.execute("CREATE TABLE padding (x BLOB)")
    padding.execute("INSERT INTO padding SELECT randomblob(3000) FROM "
                    "(WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                    "WHERE i < 15000) SELECT i FROM n)")
    padding.commit()
    padding.close()
    monkeypatch.setenv(cipher.PASSPHRASE_VAR, PASSPHRASE)
    assert main(["--db", str(office), "encrypt"]) == 0
    codes = [subprocess.run([sys.executable, "-m", "tierdesk", "--db", str(office), "info"],
                            timeout=120, capture_output=True).returncode for _ in range(3)]
    assert codes == [0, 0, 0]


def opens_with(file: Path, passphrase: str) -> int:
    """The customers in the encrypted ``file``, opened with ``passphrase`` only."""
    salt = cipher.file_salt(file)
    conn = cipher.connect_file(file, "ro", key=cipher.raw_key(
        cipher.derive_key(passphrase, salt), salt))
    try:
        return int(conn.execute("SELECT count(*) FROM customer").fetchone()[0])
    finally:
        conn.close()


def test_backups_follow_the_archive_through_decrypt_and_a_new_passphrase(
        office, demo_template, tmp_path, monkeypatch, capsys):
    secrets = customer_secrets(office)
    folder = tmp_path / "backups"
    assert main(["--db", str(office), "backup"]) == 0
    monkeypatch.setenv(cipher.PASSPHRASE_VAR, PASSPHRASE)
    assert main(["--db", str(office), "encrypt"]) == 0
    assert main(["--db", str(office), "backup"]) == 0
    # A copy under a passphrase nobody here knows (an older one) is left as it is.
    stranger = tmp_path / "stranger.sqlite"
    shutil.copyfile(demo_template, stranger)
    encrypt_archive(stranger, "an older passphrase")
    foreign = next(folder.rglob("*.sqlite")).with_name("office-20260101-090000-by-hand.sqlite")
    shutil.copyfile(stranger, foreign)
    foreign_bytes = foreign.read_bytes()
    cipher._keys.clear()
    capsys.readouterr()
    assert main(["--db", str(office), "decrypt"]) == 0
    assert "and its 2 backups. It is a plain file again." in capsys.readouterr().out
    copies = sorted(set(folder.rglob("*.sqlite")) - {foreign})
    assert len(copies) == 2
    for copy in copies:            # the archive's own copies are plain with it
        assert copy.read_bytes().startswith(b"SQLite format 3"), copy
        assert (copy.stat().st_mode & 0o777) == 0o600
    assert foreign.read_bytes() == foreign_bytes
    # Encrypted again with a new passphrase: every copy of its own opens with the new one.
    monkeypatch.setenv(cipher.PASSPHRASE_VAR, "a brand new passphrase")
    assert main(["--db", str(office), "encrypt"]) == 0
    assert "and its 2 backups" in capsys.readouterr().out
    cipher._keys.clear()
    for copy in (office, *copies):
        assert readable(copy, secrets) == set(), copy
        assert opens_with(copy, "a brand new passphrase") == 300
    assert foreign.read_bytes() == foreign_bytes


def test_a_restore_keeps_the_archive_encrypted_or_plain_as_it_is(office, tmp_path, monkeypatch,
                                                                 capsys):
    secrets = customer_secrets(office)
    number = sqlite3.connect(office).execute(
        "SELECT number FROM customer ORDER BY number").fetchone()[0]
    plain_copy = tmp_path / "plain-copy.sqlite"
    assert main(["--db", str(office), "backup", "--to", str(plain_copy)]) == 0
    monkeypatch.setenv(cipher.PASSPHRASE_VAR, PASSPHRASE)
    assert main(["--db", str(office), "encrypt"]) == 0
    assert main(["--db", str(office), "add-visit", number, "--summary", "恢复之后不在"]) == 0
    # A plain copy put back into the encrypted archive: its rows, under the archive's key.
    assert main(["--db", str(office), "restore", str(plain_copy), "--yes"]) == 0
    assert readable(office, secrets) == set()
    cipher._keys.clear()
    assert opens_with(office, PASSPHRASE) == 300
    assert main(["--db", str(office), "card", number]) == 0
    assert "恢复之后不在" not in capsys.readouterr().out
    # An encrypted copy put back into a plain archive: a plain archive again.
    encrypted_copy = tmp_path / "encrypted-copy.sqlite"
    assert main(["--db", str(office), "backup", "--to", str(encrypted_copy)]) == 0
    assert main(["--db", str(office), "decrypt"]) == 0
    assert main(["--db", str(office), "restore", str(encrypted_copy), "--yes"]) == 0
    assert office.read_bytes().startswith(b"SQLite format 3")
    monkeypatch.delenv(cipher.PASSPHRASE_VAR)
    cipher._keys.clear()
    assert main(["--db", str(office), "info"]) == 0
    assert "Customers    300" in capsys.readouterr().out


def test_the_window_asks_the_passphrase_of_a_backup_it_cannot_open(qtbot, office, tmp_path,
                                                                  monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from tierdesk.ui import backups_dialog

    other = tmp_path / "other.sqlite"
    shutil.copyfile(office, other)
    encrypt_archive(other, "another passphrase")
    cipher._keys.clear()
    db = open_database(office)
    dialog = backups_dialog.BackupsDialog(Archive(db))
    qtbot.addWidget(dialog)
    monkeypatch.setattr(backups_dialog, "open_file_name", lambda *_args: str(other))
    asked: list[Path] = []
    questions: list[str] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args: questions.append(args[2]) or QMessageBox.StandardButton.No)

    def cancel(passphrase_dialog):  # type: ignore[no-untyped-def]
        asked.append(passphrase_dialog.path)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(PassphraseDialog, "exec", cancel)
    dialog.restore()
    assert asked == [other] and questions == []        # cancelled: not even asked to restore

    def give(passphrase_dialog):  # type: ignore[no-untyped-def]
        cipher.unlock(passphrase_dialog.path, "another passphrase")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PassphraseDialog, "exec", give)
    dialog.restore()
    assert len(questions) == 1 and "Replace the archive" in questions[0]
    db.close()
