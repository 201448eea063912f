"""Writing a file whole or not at all. Every file TierDesk hands to people (workbooks, PDFs,
charts, transfer files, a laptop's archive) is written beside its place under a temporary name
and renamed into place only once it is whole and on disk. A failure on the way (a full disk,
no permission, an error midway, the work cancelled) removes the temporary file and leaves a
file already at the place as it was: a file of that name is always a whole one.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

PARTIAL = ".partial"


@contextlib.contextmanager
def whole_file(target: str | os.PathLike[str], *,
               companions: Sequence[str] = ()) -> Iterator[Path]:
    """The temporary path to write ``target``'s content to; once the block ends without an
    error it is flushed to disk and renamed onto ``target``. ``companions``: endings of
    files the writer may leave beside the temporary one (an SQLite file's "-journal",
    "-wal"), removed on a failure.

    That the folder takes the file is tried first, so that a wrong place is said before the
    work is done; an error about the temporary file names ``target``."""
    target = Path(target)
    if target.is_symlink():                  # the file it points to is what is replaced
        target = Path(os.path.realpath(target))
    if target.is_dir():
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(target))
    partial = target.with_name(target.name + PARTIAL)
    leftovers = [partial, *(Path(f"{partial}{ending}") for ending in companions)]
    _remove(leftovers)          # what a killed writer left
    try:
        try:
            with open(partial, "xb"):
                pass
        finally:
            partial.unlink(missing_ok=True)
        yield partial
        _to_disk(partial)
        os.replace(partial, target)
        _folder_to_disk(target.parent)
    except OSError as exc:
        _remove(leftovers)
        if exc.filename is not None and Path(exc.filename) == partial:
            raise OSError(exc.errno, exc.strerror, str(target)) from exc
        raise
    except BaseException:
        _remove(leftovers)
        raise


def _to_disk(path: Path) -> None:
    with open(path, "rb+") as written:
        os.fsync(written.fileno())


def _folder_to_disk(folder: Path) -> None:
    """The rename itself on disk, where the system lets a folder be flushed."""
    with contextlib.suppress(OSError, AttributeError):
        handle = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)


def _remove(paths: Sequence[Path]) -> None:
    for path in paths:
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)
