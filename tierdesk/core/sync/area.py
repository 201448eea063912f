"""The field-deployment area of the front door: transfer files out and in, and the
manager's queue of conflicts."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from tierdesk.core.area import Area
from tierdesk.core.changes import Change, Changed
from tierdesk.core.i18n import QT_TRANSLATE_NOOP
from tierdesk.core.store.db import SCHEMA_HEAD, open_database
from tierdesk.core.store.models import Salesperson, Setting, SyncConflict, SyncPeer
from tierdesk.core.sync import conflicts, roles
from tierdesk.core.sync.bundle import read_bundle, write_bundle
from tierdesk.core.sync.checkout import CheckedOut, checkout, exchange
from tierdesk.core.sync.collect import collect
from tierdesk.core.sync.conflicts import ConflictRow
from tierdesk.core.sync.merge import Applied, apply_bundle
from tierdesk.core.sync.site import SITE_SETTING, Site, peer, refused, this_site
from tierdesk.core.sync.transfer_key import key_for_file, office_transfer_key, transfer_key


@dataclass(frozen=True)
class Written:
    path: Path
    for_name: str
    counts: dict[str, int]
    conflicts: int


class SyncArea(Area):
    def site(self) -> Site:
        """This archive's identity (given the first time it is asked, in a write)."""
        with self._db.read() as session:
            if session.get(Setting, SITE_SETTING) is not None:
                return this_site(session)
        with self._db.write(source="identity") as session:
            return this_site(session)

    def peers(self) -> list[SyncPeer]:
        with self._db.read() as session:
            return list(session.scalars(select(SyncPeer).order_by(SyncPeer.name)))

    def bundle_out(self, path: Path, *, for_code: str | None = None) -> Written:
        """This archive's unsent changes in one file: a laptop's for its office; the
        office's for the laptop of the salesperson ``for_code``."""
        with self._db.write(source=f"transfer file {path.name}") as session:
            site = this_site(session)
            if site.is_laptop:
                other = peer(session, site.office)
            else:
                other = self._laptop_of(session, for_code)
            key = key_for_file(session, site, self._db.path)    # an encrypted archive's
            bundle = collect(session, site, other, SCHEMA_HEAD)
            write_bundle(bundle, path, key)
        return Written(path, other.name, bundle.counts(), len(bundle.conflicts))

    @staticmethod
    def _laptop_of(session: Any, code: str | None) -> SyncPeer:
        if not code:
            raise refused(QT_TRANSLATE_NOOP(
                "Sync", "Say whose laptop the file is for (the salesperson's code)."))
        person = session.scalar(select(Salesperson.id).where(Salesperson.code == code))
        found = session.scalars(select(SyncPeer).where(
            SyncPeer.role == "laptop", SyncPeer.salesperson_id == person)
            .order_by(SyncPeer.last_exchange_at.desc())).first()
        if person is None or found is None:
            raise refused(QT_TRANSLATE_NOOP(
                "Sync", "No laptop was checked out for {code}."), code=code)
        return found

    def bundle_in(self, path: Path) -> Applied:
        """Apply a transfer file: one transaction; the same file twice changes nothing."""
        with self._db.read() as session:
            key = transfer_key(session)     # reads an encrypted transfer file of the office
        bundle = read_bundle(path, key)
        self._db.backups.before_risky_work("transfer-file")
        with self._db.write(source=f"transfer file {path.name}") as session:
            applied = apply_bundle(session, this_site(session), bundle, SCHEMA_HEAD)
        if not applied.already:
            self._announce(Change(Changed.BULK))
        return applied

    def checkout(self, laptop: Path, salesperson_code: str) -> CheckedOut:
        """A laptop archive of the salesperson's territory, made from this office's (with the
        office's transfer key, for encrypted transfer files)."""
        with self._db.write(source="transfer key") as session:
            office_transfer_key(session)
        return checkout(self._db, laptop, salesperson_code)

    def laptop_role(self, salesperson_code: str, role: str) -> None:
        """On a PostgreSQL office: ``role``, the login a salesperson's laptop exchanges with,
        limited to that salesperson's customers."""
        with self._db.write(source=f"laptop login {role}") as session:
            roles.grant_laptop_role(session, salesperson_code, role)

    def exchange_with(self, office: str) -> tuple[Applied, Applied]:
        """Over the network: this laptop's changes into the office at ``office`` (a file on
        this machine or a database URL), then the office's back; what came in on each
        side."""
        opened = open_database(office, must_exist=True)
        try:
            for side in (self._db, opened):     # both are written: both are backed up
                side.backups.before_risky_work("sync")
            arrived, returned = exchange(self._db, opened)
        finally:
            opened.close()
        if not returned.already:
            self._announce(Change(Changed.BULK))
        return arrived, returned

    def conflicts(self, *, open_only: bool = True) -> list[ConflictRow]:
        return self._read(conflicts.list_conflicts, open_only=open_only)

    def resolve(self, conflict_id: uuid.UUID, *, take: str | None = None,
                value: str | None = None) -> None:
        with self._db.write(source="conflict resolved") as session:
            conflicts.resolve(session, conflict_id, take=take, value=value)
            decided = session.get(SyncConflict, conflict_id)
            restored = bool(decided and isinstance(decided.resolution, dict)
                            and decided.resolution.get("restored"))
            customer = decided.customer_id if decided else None
        # A record brought back joins the lists again: they are read anew.
        self._announce(Change(Changed.BULK) if restored else
                       Change(Changed.CUSTOMERS, (customer,) if customer else ()))
