"""A failed export leaves no partial file: every file TierDesk writes (workbooks, registers,
PDFs, charts, transfer files, a laptop's archive) is written beside its place and renamed
into place when whole. A failure midway leaves no file, no temporary file, and a file already
there as it was."""

from __future__ import annotations

import errno
import tempfile
from pathlib import Path

import pytest

from tests.helpers import make_customer
from tierdesk.cli import main
from tierdesk.core import whole_file
from tierdesk.core.archive import Archive
from tierdesk.excel import export
from tierdesk.excel.writer import Table, write_tables

BEFORE = b"the workbook written yesterday"


def disk_full(*_args: object, **_kwargs: object) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.fixture
def out(tmp_path):  # type: ignore[no-untyped-def]
    """The folder the files are written to, with nothing else in it."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.fixture
def temporary_folder(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    """The system's temporary folder, for the test alone (the writer keeps rows there)."""
    folder = tmp_path / "system-temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def visits_then_full_disk(db, ids, tr):  # type: ignore[no-untyped-def]
    """The visits sheet's rows: one, then the disk is full."""
    yield ["HD-D-00001", "甲", 1, 1, None, "", "", "", "", "", None, ""]
    disk_full()


def test_an_export_failing_after_its_first_sheet_leaves_no_file_and_no_temporary_file(
        db, out, monkeypatch, temporary_folder):
    make_customer(db)
    monkeypatch.setitem(export.ROWS, "visits", visits_then_full_disk)
    with pytest.raises(OSError, match="No space left"):
        export.export_workbook(db, out / "all.xlsx")
    assert list(out.iterdir()) == []
    assert list(temporary_folder.iterdir()) == []


def test_an_export_failing_midway_leaves_the_file_there_as_it_was(db, out, monkeypatch,
                                                                    temporary_folder):
    make_customer(db)
    monkeypatch.setitem(export.ROWS, "visits", visits_then_full_disk)
    target = out / "all.xlsx"
    target.write_bytes(BEFORE)
    with pytest.raises(OSError):
        export.export_workbook(db, target)
    assert target.read_bytes() == BEFORE
    assert list(out.iterdir()) == [target]
    assert list(temporary_folder.iterdir()) == []


def test_the_command_line_says_why_and_leaves_the_file(db, db_path, out, monkeypatch,
                                                        capsys):
    make_customer(db)
    monkeypatch.setitem(export.ROWS, "visits", visits_then_full_disk)
    target = out / "all.xlsx"
    target.write_bytes(BEFORE)
    assert main(["--db", str(db_path), "export", "all", str(target)]) == 1
    err = capsys.readouterr().err
    assert err.strip() == f"tierdesk: cannot write {target}: No space left on device"
    assert target.read_bytes() == BEFORE
    assert list(out.iterdir()) == [target]


def test_a_place_that_cannot_take_the_file_is_said_before_the_work(db, tmp_path, monkeypatch):
    make_customer(db)
    monkeypatch.setitem(export.ROWS, "visits", visits_then_full_disk)   # never reached
    with pytest.raises(FileNotFoundError) as missing:
        export.export_workbook(db, tmp_path / "no such folder" / "all.xlsx")
    assert missing.value.filename == str(tmp_path / "no such folder" / "all.xlsx")
    (tmp_path / "a folder.xlsx").mkdir()
    with pytest.raises(IsADirectoryError):
        export.export_workbook(db, tmp_path / "a folder.xlsx")


def _workbook(_archive: Archive, path: Path) -> None:
    write_tables(path, [Table("表", ["名称"], [["甲"]])])


def _register(archive: Archive, path: Path) -> None:
    from tierdesk.excel.service_export import complaint_table, write_register

    write_register(path, complaint_table(archive.service.complaint_register()))


def _card_pdf(_archive: Archive, path: Path) -> None:
    from tierdesk.render.pdf import html_to_pdf

    html_to_pdf("<p>客户卡片</p>", path)


def _chart(_archive: Archive, path: Path) -> None:
    from matplotlib.figure import Figure

    from tierdesk.reports.charts import save_chart

    figure = Figure()
    figure.add_subplot().bar(["A", "B"], [3, 4])
    save_chart(figure, path)


def _transfer_file(archive: Archive, path: Path) -> None:
    archive.sync.bundle_out(path, for_code="S001")


WRITERS = {"workbook.xlsx": _workbook, "register.xlsx": _register, "card.pdf": _card_pdf,
           "chart.png": _chart, "transfer.tdx": _transfer_file}


@pytest.mark.parametrize("name", list(WRITERS))
def test_every_file_is_renamed_into_place_only_when_whole(db, tmp_path, out, monkeypatch,
                                                         name):
    archive = Archive(db)
    make_customer(db)
    archive.sync.checkout(tmp_path / "laptop.sqlite", "S001")
    target = out / name
    WRITERS[name](archive, target)                  # written whole
    assert target.stat().st_size > 0 and target.read_bytes() != BEFORE
    target.write_bytes(BEFORE)
    monkeypatch.setattr(whole_file, "_to_disk", disk_full)   # the disk fills at the end
    with pytest.raises(OSError, match="No space left"):
        WRITERS[name](archive, target)
    assert target.read_bytes() == BEFORE
    assert list(out.iterdir()) == [target]


def test_a_laptop_archive_failing_to_be_written_is_not_left_half_made(db, out, monkeypatch):
    make_customer(db)
    monkeypatch.setattr(whole_file, "_to_disk", disk_full)
    with pytest.raises(OSError, match="No space left"):
        Archive(db).sync.checkout(out / "laptop.sqlite", "S001")
    assert list(out.iterdir()) == []
    assert Archive(db).sync.peers() == []           # the office keeps no such laptop
