"""Labels reports share: channel and status names, marked for translation."""

from __future__ import annotations

from collections.abc import Callable

from tierdesk.core.i18n import QT_TRANSLATE_NOOP

Translate = Callable[[str, str], str]
CTX = "Labels"

CHANNELS = {
    "visit": QT_TRANSLATE_NOOP("Labels", "Visit"),
    "phone": QT_TRANSLATE_NOOP("Labels", "Phone"),
    "email": QT_TRANSLATE_NOOP("Labels", "E-mail"),
    "sms": QT_TRANSLATE_NOOP("Labels", "SMS"),
    "wechat": QT_TRANSLATE_NOOP("Labels", "WeChat"),
}
STATUSES = {
    "prospect": QT_TRANSLATE_NOOP("Labels", "Prospect"),
    "active": QT_TRANSLATE_NOOP("Labels", "Active"),
    "dormant": QT_TRANSLATE_NOOP("Labels", "Dormant"),
    "lost": QT_TRANSLATE_NOOP("Labels", "Lost"),
}


def untranslated(_context: str, text: str) -> str:
    return text


def channel_label(code: str, tr: Translate = untranslated) -> str:
    return tr(CTX, CHANNELS[code]) if code in CHANNELS else code


def status_label(code: str, tr: Translate = untranslated) -> str:
    return tr(CTX, STATUSES[code]) if code in STATUSES else code
