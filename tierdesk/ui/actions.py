"""Connecting buttons and menu actions to what they do.

A button's ``clicked(bool)``, an action's ``triggered(bool)``, a check box's ``toggled(bool)``
and a combo box's ``activated(int)`` carry an argument. Qt for Python hands it to any slot that
can take it: a slot with an optional parameter (a path, a customer, a flag) then receives
``False`` or ``0`` in its place and quietly does something else (a save with the "path" False
writes nothing). Every button and action in the windows is connected through :func:`on_click`,
which calls the slot with no argument at all, whatever the signal carries.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import SignalInstance


def on_click(signal: SignalInstance, slot: Callable[[], object]) -> None:
    """Run ``slot()`` each time ``signal`` fires, dropping the signal's arguments."""
    signal.connect(lambda *_args: slot())
