"""Where TierDesk's own files lie (the Chinese font, the licences): in ``resources/`` beside
the source in a checkout, inside the application folder when the program is frozen."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """The folder of TierDesk's resources; a frozen program unpacks them beside its code."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parent.parent.parent / "resources"


def resource(*parts: str) -> Path | None:
    """A file among the resources, or None where this installation does not carry it (an
    installed package carries no resources: it uses the system's fonts)."""
    path = resources_dir().joinpath(*parts)
    return path if path.exists() else None
