"""Who is at the machine: the name written on corrections and strike-outs."""

from __future__ import annotations

import getpass


def current_person() -> str:
    """The best identity there is without logins: the operating-system user name."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):   # no such user in the password database, no variables set
        return ""
