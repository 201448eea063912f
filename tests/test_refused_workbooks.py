"""Workbooks that must be refused, made here (the shared collection has more of each kind):
cut off, password-protected, a zip bomb, an XML entity bomb. Each is refused in one line
naming the file and the reason, and an import of it writes nothing."""

from __future__ import annotations

import shutil
import struct
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.helpers import write_workbook
from tierdesk.cli import main
from tierdesk.core.store.db import open_database
from tierdesk.core.store.models import Customer
from tierdesk.excel.reader import MAX_UNPACKED_BYTES, WorkbookRefused, open_workbook

ROWS = [["客户名称", "手机"], ["张三贸易有限公司", "13800138000"]]


def plain_workbook(path: Path) -> Path:
    write_workbook(path, {"Sheet": ROWS})
    return path


def truncated_workbook(folder: Path) -> Path:
    whole = plain_workbook(folder / "whole.xlsx").read_bytes()
    cut = folder / "cut.xlsx"
    cut.write_bytes(whole[: len(whole) * 2 // 3])   # as a copy broken off part way
    return cut


def encrypted_workbook(folder: Path) -> Path:
    """An encrypted .xlsx as Excel saves one: an OLE compound file (version 3, 512-byte
    sectors) holding the streams EncryptionInfo and EncryptedPackage (here of dummy bytes)."""
    end, free, fat_sector, no_stream = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
    info = b"\x04\x00\x04\x00\x40\x00\x00\x00" + b'<?xml version="1.0"?><encryption/>'
    streams = [("EncryptionInfo", info.ljust(4096, b"\0")),      # 4096: in regular sectors
               ("EncryptedPackage", struct.pack("<Q", 4088) + bytes(4088))]
    fat = [fat_sector, end]                 # sector 0: this table; sector 1: the directory
    starts = []
    for _name, data in streams:
        count = len(data) // 512
        starts.append(len(fat))
        fat += [len(fat) + i + 1 for i in range(count - 1)] + [end]
    fat += [free] * (128 - len(fat))
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16)
              + struct.pack("<HHHHH6xIIIIIIIII", 0x3E, 3, 0xFFFE, 9, 6, 0, 1, 1, 0, 4096,
                            end, 0, end, 0)
              + struct.pack("<I", 0) + struct.pack("<I", free) * 108)

    def entry(name: str, kind: int, left: int, right: int, child: int, start: int,
              size: int) -> bytes:
        encoded = (name + "\0").encode("utf-16-le")
        return (encoded.ljust(64, b"\0") + struct.pack("<HBBIII", len(encoded), kind, 1, left,
                                                        right, child)
                + bytes(16 + 4 + 16) + struct.pack("<IQ", start, size))

    directory = (entry("Root Entry", 5, no_stream, no_stream, 1, end, 0)
                 # siblings ordered by name length: EncryptionInfo < EncryptedPackage
                 + entry(streams[0][0], 2, no_stream, 2, no_stream, starts[0], len(info))
                 + entry(streams[1][0], 2, no_stream, no_stream, no_stream, starts[1], 4096)
                 + (bytes(64) + struct.pack("<HBBIII", 0, 0, 0, no_stream, no_stream,
                                            no_stream) + bytes(48)))
    assert len(header) == 512 and len(directory) == 512
    path = folder / "locked.xlsx"
    path.write_bytes(header + struct.pack("<128I", *fat) + directory
                     + b"".join(data for _name, data in streams))
    return path


def zip_bomb_workbook(folder: Path) -> Path:
    """A real workbook with one more part that unpacks past the limit (from a few MB)."""
    path = shutil.copyfile(plain_workbook(folder / "small.xlsx"), folder / "bomb.xlsx")
    chunk = bytes(1 << 22)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED, compresslevel=1) as book, \
            book.open("xl/media/image1.bin", "w", force_zip64=True) as part:
        for _ in range(MAX_UNPACKED_BYTES // len(chunk) + 4):
            part.write(chunk)
    return Path(path)


def entity_bomb_workbook(folder: Path) -> Path:
    """A workbook whose sheet declares nested entities ("billion laughs") and uses the last:
    expanded, one cell would hold 10^9 characters."""
    source = plain_workbook(folder / "plain.xlsx")
    with zipfile.ZipFile(source) as book:
        parts = {name: book.read(name) for name in book.namelist()}
    declared = b'<!ENTITY lol0 "lol">' + b"".join(
        b'<!ENTITY lol%d "%s">' % (level, b"&lol%d;" % (level - 1) * 10)
        for level in range(1, 10))
    sheet = "xl/worksheets/sheet1.xml"
    assert b"13800138000" in parts[sheet]
    parts[sheet] = (b'<?xml version="1.0"?>\n<!DOCTYPE worksheet [' + declared + b"]>"
                    + parts[sheet].replace(b"13800138000", b"&lol9;"))
    path = folder / "laughs.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        for name, data in parts.items():
            book.writestr(name, data)
    return path


@pytest.fixture(scope="module")
def bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return zip_bomb_workbook(tmp_path_factory.mktemp("bomb"))


BAD = {
    "truncated": (truncated_workbook, "cut.xlsx is damaged or incomplete"),
    "encrypted": (encrypted_workbook, "locked.xlsx is password-protected"),
    "entity bomb": (entity_bomb_workbook, 'The sheet "Sheet" of laughs.xlsx cannot be read'),
}


def _refusal(path: Path) -> str:
    with pytest.raises(WorkbookRefused) as refused:
        book = open_workbook(path)
        for name in book.sheet_names:      # as an import reads them
            book.sheet(name)
    return str(refused.value)


@pytest.mark.parametrize("kind", BAD)
def test_a_bad_workbook_is_refused_in_one_line(kind, tmp_path):
    make, reason = BAD[kind]
    message = _refusal(make(tmp_path))
    assert reason in message and "\n" not in message


def test_the_encrypted_file_is_read_as_one_by_the_spreadsheet_parser(tmp_path):
    """The parser itself (behind the reader's own quick check) walks the compound file's
    directory and finds the encrypted package."""
    import python_calamine

    with pytest.raises(python_calamine.PasswordError):
        python_calamine.CalamineWorkbook.from_path(str(encrypted_workbook(tmp_path)))


def test_a_zip_bomb_is_refused_before_it_is_unpacked(bomb):
    assert bomb.stat().st_size < 20 << 20
    message = _refusal(bomb)
    assert "bomb.xlsx would unpack to" in message and "more than the 1024 MB allowed" in message


def _import_writes_nothing(db_path: Path, path: Path, reason: str, capsys) -> None:  # type: ignore[no-untyped-def]
    status = main(["--db", str(db_path), "import", str(path)])
    out, err = capsys.readouterr()
    assert status == 1                  # nothing could be imported: a refusal
    if "skipped:" in out:               # a sheet that cannot be read is skipped, said why
        told = next(line for line in out.splitlines() if "skipped:" in line)
        assert "no sheet of" in err and "nothing was written" in err
    else:                               # the file refused whole
        told = err.strip()
    assert reason in told and "\n" not in told
    database = open_database(db_path)
    try:
        with database.read() as session:
            assert session.scalar(select(func.count()).select_from(Customer)) == 0
    finally:
        database.close()


@pytest.mark.parametrize("kind", BAD)
def test_importing_a_bad_workbook_writes_nothing(kind, db_path, tmp_path, capsys):
    make, reason = BAD[kind]
    _import_writes_nothing(db_path, make(tmp_path), reason, capsys)


def test_importing_a_zip_bomb_writes_nothing(bomb, db_path, capsys):
    _import_writes_nothing(db_path, bomb, "bomb.xlsx would unpack to", capsys)


def test_the_good_workbook_they_are_made_from_imports(db_path, tmp_path, capsys):
    assert main(["--db", str(db_path), "import", str(plain_workbook(tmp_path / "ok.xlsx"))]) == 0
    assert "1 created" in capsys.readouterr().out
