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
    "closed_on": QT_TRANSLATE_NOOP("Labels", "Archived on"),
    "due_on": QT_TRANSLATE_NOOP("Labels", "Due on"),
    "done_on": QT_TRANSLATE_NOOP("Labels", "Done on"),
    "assigned_to_id": QT_TRANSLATE_NOOP("Labels", "Handled by"),
}
# What changed, in a customer's change history (core.customers.history: the table of the row).
HISTORY_WHAT = {
    "customer": QT_TRANSLATE_NOOP("Labels", "Customer file"),
    "contact": QT_TRANSLATE_NOOP("Labels", "Contact"),
    "visit": QT_TRANSLATE_NOOP("Labels", "Card entry"),
    "visit_card": QT_TRANSLATE_NOOP("Labels", "Card"),
    "sales_order": QT_TRANSLATE_NOOP("Labels", "Order"),
    "payment": QT_TRANSLATE_NOOP("Labels", "Payment"),
    "complaint": QT_TRANSLATE_NOOP("Labels", "Complaint"),
    "follow_up": QT_TRANSLATE_NOOP("Labels", "Follow-up"),
    "follow_up_log": QT_TRANSLATE_NOOP("Labels", "Follow-up call"),
    "tier_assessment": QT_TRANSLATE_NOOP("Labels", "Tier"),
    "survey": QT_TRANSLATE_NOOP("Labels", "Satisfaction survey"),
    "service_job": QT_TRANSLATE_NOOP("Labels", "Service job"),
    "customer_date": QT_TRANSLATE_NOOP("Labels", "Date to remember"),
}
# Where a write came from (Database.source; an import names its file).
HISTORY_SOURCES = {
    "window": QT_TRANSLATE_NOOP("Labels", "Window"),
    "command line": QT_TRANSLATE_NOOP("Labels", "Command line"),
    "demo": QT_TRANSLATE_NOOP("Labels", "Demo office"),
}
IMPORT_SOURCE = QT_TRANSLATE_NOOP("Labels", "Import of {file}")


def source_label(source: str, tr: Translate | None = None) -> str:
    if source.startswith("import "):
        return (tr or untranslated)(CTX, IMPORT_SOURCE).format(file=source[len("import "):])
    return label(HISTORY_SOURCES, source, tr)


# What happened to a row that came or went (a changed field is named instead).
HISTORY_ACTIONS = {
    "insert": QT_TRANSLATE_NOOP("Labels", "Added"),
    "delete": QT_TRANSLATE_NOOP("Labels", "Removed"),
    "bulk": QT_TRANSLATE_NOOP("Labels", "Written with others"),
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
