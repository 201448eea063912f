"""On a PostgreSQL office: the database role a salesperson's laptop logs in with to exchange
over the network. Row-level security lets it see and change only that salesperson's
customers and what they hold; the office's own connections are not limited.

Every laptop role belongs to one group role (LAPTOPS). Each table of a customer's carries two
policies: one letting every role outside the group do as before, and one per laptop role
naming its territory. The table owner (the office's own login, which made the schema) is not
subject to them at all."""

from __future__ import annotations

import re
import uuid

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from tierdesk.core.i18n import QT_TRANSLATE_NOOP
from tierdesk.core.store.models import Salesperson
from tierdesk.core.sync import tables
from tierdesk.core.sync.site import refused

LAPTOPS = "tierdesk_laptops"
OFFICE_POLICY = "tierdesk_office"
# What the exchange writes at the office besides the customers' own rows.
EXCHANGE_TABLES = ("journal", "sync_conflict", "sync_peer")
_ROLE_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")
_PERSON = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _territory(person: uuid.UUID) -> str:
    return f"SELECT id FROM customer WHERE salesperson_id = '{person}'"


def _condition(name: str, person: uuid.UUID) -> str:
    """Which rows of ``name`` the laptop role of ``person`` may see and write."""
    if name == "customer":
        return f"salesperson_id = '{person}'"
    if name == "visit_change":
        return f"visit_id IN (SELECT id FROM visit WHERE customer_id IN ({_territory(person)}))"
    if name == "sync_peer":
        return f"salesperson_id = '{person}'"
    if name in ("journal", "sync_conflict"):
        return f"customer_id IS NULL OR customer_id IN ({_territory(person)})"
    return f"customer_id IN ({_territory(person)})"


def limited_tables() -> tuple[str, ...]:
    return (*tables.ALL_OF_A_CUSTOMER, "visit_change", *EXCHANGE_TABLES)


def grant_laptop_role(session: Session, salesperson_code: str, role: str) -> None:
    """Make (or bring up to date) ``role``, a login that sees and changes only the customers
    of the salesperson ``salesperson_code`` (inside the caller's write)."""
    if session.get_bind().dialect.name != "postgresql":
        raise refused(QT_TRANSLATE_NOOP(
            "Sync", "Laptop logins are for an office kept in PostgreSQL; a laptop exchanges "
                    "with an office file by transfer file or with the file itself."))
    if not _ROLE_NAME.fullmatch(role):
        raise refused(QT_TRANSLATE_NOOP(
            "Sync", "\"{role}\" cannot name a login: use lower-case letters, digits and _ "
                    "(at most 63), starting with a letter."), role=role)
    person = session.scalar(select(Salesperson.id).where(Salesperson.code == salesperson_code))
    if person is None:
        raise refused(QT_TRANSLATE_NOOP(
            "Sync", "There is no salesperson with the code {code}."), code=salesperson_code)
    _limit(session, person, role)


def laptop_roles(session: Session) -> dict[str, uuid.UUID]:
    """The laptop logins this office has made, and whose territory each sees (read off their
    policies on the customers)."""
    if session.get_bind().dialect.name != "postgresql" or not session.scalar(
            text("SELECT to_regclass('customer') IS NOT NULL")):
        return {}
    found = {}
    for name, condition in session.execute(text(
            "SELECT polname, pg_get_expr(polqual, polrelid) FROM pg_policy "
            "WHERE polrelid = 'customer'::regclass AND polname <> :office"),
            {"office": OFFICE_POLICY}):
        person = _PERSON.search(condition or "")
        if name.startswith("tierdesk_") and person is not None:
            found[name[len("tierdesk_"):]] = uuid.UUID(person.group(0))
    return found


def renew_laptop_roles(session: Session) -> int:
    """Bring every laptop login up to the schema (after an upgrade that added tables, their
    rows are limited and granted too). Returns how many logins there are."""
    roles = laptop_roles(session)
    for role, person in roles.items():
        _limit(session, person, role)
    return len(roles)


def _limit(session: Session, person: uuid.UUID, role: str) -> None:
    run = session.execute
    for name, how in ((LAPTOPS, "NOLOGIN"), (role, f"LOGIN IN ROLE {LAPTOPS}")):
        if not session.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}):
            run(text(f"CREATE ROLE {name} {how}"))
    run(text(f"GRANT {LAPTOPS} TO {role}"))
    schema = session.scalar(text("SELECT current_schema()"))
    run(text(f'GRANT USAGE ON SCHEMA "{schema}" TO {LAPTOPS}'))
    run(text(f'GRANT SELECT ON ALL TABLES IN SCHEMA "{schema}" TO {LAPTOPS}'))
    run(text(f"GRANT INSERT, UPDATE ON counter, "
             f"{', '.join(limited_tables())} TO {LAPTOPS}"))
    outside = f"NOT pg_has_role(current_user, '{LAPTOPS}', 'MEMBER')"
    for name in limited_tables():
        run(text(f"ALTER TABLE {name} ENABLE ROW LEVEL SECURITY"))
        run(text(f"DROP POLICY IF EXISTS {OFFICE_POLICY} ON {name}"))
        run(text(f"CREATE POLICY {OFFICE_POLICY} ON {name} USING ({outside}) "
                 f"WITH CHECK ({outside})"))
        condition = _condition(name, person)
        run(text(f"DROP POLICY IF EXISTS tierdesk_{role} ON {name}"))
        run(text(f"CREATE POLICY tierdesk_{role} ON {name} TO {role} USING ({condition}) "
                 f"WITH CHECK ({condition})"))
