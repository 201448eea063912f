"""A bundle: one file carrying an archive's changes to a peer (on a USB stick, in a shared
folder, or over the network). It is a small SQLite database: a manifest (who wrote it, for
whom, the range of stamps, the schema, counts per table, a checksum) and the changes. It is
written beside its name and renamed into place when whole, and read back only when its
checksum and counts hold."""

from __future__ import annotations

import contextlib
import hashlib
import json
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tierdesk.core.i18n import QT_TRANSLATE_NOOP
from tierdesk.core.store import cipher
from tierdesk.core.sync.site import refused
from tierdesk.core.sync.transfer_key import new_file, opened_file
from tierdesk.core.whole_file import whole_file

# 2: each change's JSON compressed (zlib); 1: as text (still read).
FORMAT = 2


@dataclass
class RowChange:
    """One row changed on the writing archive since the peer last acknowledged: its values
    now (the whole row: the peer may not have it) and the fields changed, each with the value
    it had before (None where not known), as made last by whom, where and when."""

    table: str
    row_id: str
    customer_id: str | None
    values: dict[str, Any]
    fields: dict[str, Any]          # field -> value before
    inserted: bool
    hlc: str
    person: str = ""
    machine: str = ""
    origin: str = ""
    # The row's own history rows written with the changes sent (tables.HISTORY).
    history: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Bundle:
    source: str                     # the writing archive's site id
    source_name: str
    source_role: str
    target: str                     # the archive it is for ("" : the writer's office)
    schema: str
    since: str                      # stamps after this one ...
    until: str                      # ... up to this one
    ack: str                        # the newest of the target's stamps applied by the writer
    changes: list[RowChange] = field(default_factory=list)
    # Conflicts a laptop met first (its unsent edit against the office's), for the office.
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=dict)    # the office's, for a laptop
    numbers: tuple[int, int] | None = None    # for a laptop: the latest block set aside for it
    # From a laptop: the numbers it may still give, and the blocks it holds.
    numbers_left: int | None = None
    blocks: list[list[int]] | None = None
    # The customers a laptop holds from now on (ids as hex), for a laptop.
    territory: list[str] | None = None

    def counts(self) -> dict[str, int]:
        counted: dict[str, int] = {}
        for change in self.changes:
            counted[change.table] = counted.get(change.table, 0) + 1
        return counted


def _rows(bundle: Bundle) -> list[tuple[int, str]]:
    return [(index, json.dumps(vars(change), ensure_ascii=False, sort_keys=True))
            for index, change in enumerate(bundle.changes)]


def _checksum(rows: list[tuple[int, str]], manifest: dict[str, Any]) -> str:
    digest = hashlib.sha256()
    digest.update(json.dumps(manifest, ensure_ascii=False, sort_keys=True).encode())
    for _index, text in rows:
        digest.update(text.encode())
    return digest.hexdigest()


def write_bundle(bundle: Bundle, path: Path, key: bytes | None = None) -> None:
    """Write ``bundle`` to ``path``: beside it first, renamed into place when whole;
    encrypted under ``key`` (the office's transfer key, core.sync.transfer_key) if given."""
    rows = _rows(bundle)
    manifest = {"format": FORMAT, "source": bundle.source, "source_name": bundle.source_name,
                "source_role": bundle.source_role, "target": bundle.target,
                "schema": bundle.schema, "since": bundle.since, "until": bundle.until,
                "ack": bundle.ack, "counts": bundle.counts(), "conflicts": bundle.conflicts,
                "settings": bundle.settings,
                "numbers": list(bundle.numbers) if bundle.numbers else None,
                "territory": bundle.territory, "numbers_left": bundle.numbers_left,
                "blocks": bundle.blocks}
    checksum = _checksum(rows, manifest)
    with whole_file(path, companions=("-journal",)) as partial, \
            contextlib.closing(new_file(partial, key)) as file:
        file.execute("CREATE TABLE manifest (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        file.execute("CREATE TABLE change (seq INTEGER PRIMARY KEY, body BLOB NOT NULL)")
        file.executemany("INSERT INTO manifest VALUES (?, ?)",
                         [(key, json.dumps(value, ensure_ascii=False))
                          for key, value in {**manifest, "checksum": checksum}.items()])
        file.executemany("INSERT INTO change VALUES (?, ?)",
                         [(index, zlib.compress(text.encode(), 6)) for index, text in rows])
        file.commit()


def read_bundle(path: Path, key: bytes | None = None) -> Bundle:
    """The bundle in ``path``, refused with a message if it is not one, or is altered or cut
    short; an encrypted one is read with ``key`` (the office's transfer key)."""
    if not path.is_file():
        raise refused(QT_TRANSLATE_NOOP("Sync", "There is no transfer file at {path}."),
                      path=str(path))
    try:
        with contextlib.closing(opened_file(path, key)) as file:
            manifest = {key: json.loads(value) for key, value in
                        file.execute("SELECT key, value FROM manifest")}
            rows = [(seq, zlib.decompress(body).decode() if isinstance(body, bytes) else body)
                    for seq, body in file.execute("SELECT seq, body FROM change ORDER BY seq")]
    except cipher.driver_errors(ValueError, zlib.error):
        raise refused(QT_TRANSLATE_NOOP(
            "Sync", "{path} is not a TierDesk transfer file, or it is damaged."),
            path=str(path)) from None
    checksum = manifest.pop("checksum", None)
    if manifest.get("format") not in (1, FORMAT) or checksum != _checksum(rows, manifest):
        raise refused(QT_TRANSLATE_NOOP(
            "Sync", "{path} was altered or cut short after it was written; nothing was "
                    "applied. Make the transfer file again."), path=str(path))
    changes = [RowChange(**json.loads(body)) for _seq, body in rows]
    bundle = Bundle(manifest["source"], manifest["source_name"], manifest["source_role"],
                    manifest["target"], manifest["schema"], manifest["since"],
                    manifest["until"], manifest["ack"], changes, manifest["conflicts"],
                    manifest["settings"],
                    tuple(manifest["numbers"]) if manifest["numbers"] else None,
                    territory=manifest.get("territory"),
                    numbers_left=manifest.get("numbers_left"), blocks=manifest.get("blocks"))
    if bundle.counts() != manifest["counts"]:
        raise refused(QT_TRANSLATE_NOOP(
            "Sync", "{path} holds other rows than its manifest says; nothing was applied."),
            path=str(path))
    return bundle
