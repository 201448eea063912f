"""A module imported when it is first used, so that what only some windows need stays out of
the program's start."""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any


class Later:
    """Stands for the module ``name`` and imports it at the first attribute asked of it."""

    def __init__(self, name: str) -> None:
        self._name = name
        self._module: ModuleType | None = None

    def __getattr__(self, attribute: str) -> Any:
        if self._module is None:
            self._module = importlib.import_module(self._name)
        return getattr(self._module, attribute)
