"""Running the Alembic migrations that ship inside the package."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from tierdesk.core.errors import DatabaseFileError, TierDeskError
from tierdesk.core.i18n import QT_TRANSLATE_NOOP, Message

CTX = "Database"

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def script_head() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def upgrade_to_head(engine: Engine, revision: str = "head", *, where: object = None,
                    backup: Path | None = None) -> None:
    """Apply every migration up to ``revision`` in one write transaction (on the engine that
    writes). Where it fails, the transaction is rolled back and the archive (``where``) is as
    it was: a TierDeskError says so, naming the copy taken before (``backup``)."""
    config = alembic_config()
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
    except TierDeskError:
        raise
    except Exception as exc:
        if where is None:
            raise
        raise upgrade_failed(exc, where, backup) from exc


def upgrade_failed(exc: Exception, where: object, backup: Path | None) -> TierDeskError:
    """What a person is told when a schema upgrade failed (and was rolled back)."""
    from tierdesk.core.store.failures import storage_failure

    said = storage_failure(exc, where)
    if backup is None:     # a new archive: nothing was there to keep
        return said or DatabaseFileError(Message(CTX, QT_TRANSLATE_NOOP(
            "Database", "A new archive could not be made at {path} ({reason}); nothing was "
                        "written."), {"path": str(where), "reason": _first_line(exc)}))
    reason = said.message.render() if said is not None else _first_line(exc)
    return DatabaseFileError(Message(CTX, QT_TRANSLATE_NOOP(
        "Database", "Upgrading {path} to this version of TierDesk failed ({reason}). The "
                    "upgrade was rolled back: the archive is as it was, and a copy taken "
                    "before the upgrade is at {backup}."),
        {"path": str(where), "reason": reason, "backup": str(backup)}))


def _first_line(exc: BaseException) -> str:
    original = getattr(exc, "orig", None) or exc
    return (str(original).splitlines() or [type(original).__name__])[0]
