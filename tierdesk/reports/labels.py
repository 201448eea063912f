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
    "letter": QT_TRANSLATE_NOOP("Labels", "Letter"),
    "other": QT_TRANSLATE_NOOP("Labels", "Other"),
}
STATUSES = {
    "prospect": QT_TRANSLATE_NOOP("Labels", "Prospect"),
    "active": QT_TRANSLATE_NOOP("Labels", "Active"),
    "dormant": QT_TRANSLATE_NOOP("Labels", "Dormant"),
    "lost": QT_TRANSLATE_NOOP("Labels", "Lost"),
}


COMPLAINT_STATUSES = {
    "received": QT_TRANSLATE_NOOP("Labels", "Received"),
    "investigating": QT_TRANSLATE_NOOP("Labels", "Investigating"),
    "answered": QT_TRANSLATE_NOOP("Labels", "Answered"),
    "closed": QT_TRANSLATE_NOOP("Labels", "Closed"),
}
SEVERITIES = {
    "low": QT_TRANSLATE_NOOP("Labels", "Low"),
    "normal": QT_TRANSLATE_NOOP("Labels", "Normal"),
    "high": QT_TRANSLATE_NOOP("Labels", "High"),
}
FOLLOW_UP_KINDS = {
    "sale": QT_TRANSLATE_NOOP("Labels", "After-sale callback"),
    "monthly": QT_TRANSLATE_NOOP("Labels", "Monthly callback"),
    "yearly": QT_TRANSLATE_NOOP("Labels", "Yearly callback"),
    "service": QT_TRANSLATE_NOOP("Labels", "After-service callback"),
    "birthday": QT_TRANSLATE_NOOP("Labels", "Birthday greeting"),
    "holiday": QT_TRANSLATE_NOOP("Labels", "Holiday greeting"),
    "due_date": QT_TRANSLATE_NOOP("Labels", "Due-date reminder"),
}
RESULTS = {
    "done": QT_TRANSLATE_NOOP("Labels", "Done"),
    "no_answer": QT_TRANSLATE_NOOP("Labels", "No answer"),
    "postponed": QT_TRANSLATE_NOOP("Labels", "Postponed"),
}
DUE_DATE_KINDS = {
    "renewal": QT_TRANSLATE_NOOP("Labels", "Contract renewal"),
    "maintenance": QT_TRANSLATE_NOOP("Labels", "Maintenance"),
    "inspection": QT_TRANSLATE_NOOP("Labels", "Inspection"),
    "other": QT_TRANSLATE_NOOP("Labels", "Other"),
}
TODAY_SECTIONS = {
    "overdue": QT_TRANSLATE_NOOP("Labels", "Overdue"),
    "today": QT_TRANSLATE_NOOP("Labels", "Due today"),
    "norms": QT_TRANSLATE_NOOP("Labels", "Tier norms this week"),
    "complaints": QT_TRANSLATE_NOOP("Labels", "Open complaints"),
    "coming": QT_TRANSLATE_NOOP("Labels", "Coming up (7 days)"),
}

# What a customer's change history records besides the customer's fields (those are named
# as the workbook's columns name them: tierdesk.excel.columns.FIELD_LABELS).
CHANGED_FIELDS = {
    "deleted": QT_TRANSLATE_NOOP("Labels", "Deleted"),
    "struck": QT_TRANSLATE_NOOP("Labels", "Struck out"),
}


def label(names: dict[str, str], code: str, tr: Translate | None = None) -> str:
    """The name of ``code`` in one of the tables above, translated by ``tr`` when given."""
    if code not in names:
        return code
    return (tr or untranslated)(CTX, names[code])


def untranslated(_context: str, text: str) -> str:
    return text


def channel_label(code: str, tr: Translate = untranslated) -> str:
    return tr(CTX, CHANNELS[code]) if code in CHANNELS else code


def status_label(code: str, tr: Translate = untranslated) -> str:
    return tr(CTX, STATUSES[code]) if code in STATUSES else code
