"""The office's service registers as workbooks: the complaint register, and the call and
letter registers of the follow-up schedule."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from tierdesk.core.i18n import QT_TRANSLATE_NOOP
from tierdesk.core.service.complaints import ComplaintRow
from tierdesk.core.service.followups import LogRow
from tierdesk.excel.writer import SheetsWritten, Table, write_tables
from tierdesk.reports.labels import (
    COMPLAINT_STATUSES,
    FOLLOW_UP_KINDS,
    RESULTS,
    SEVERITIES,
    Translate,
    channel_label,
    label,
    untranslated,
)

CTX = "Export"
_H = {
    "received": QT_TRANSLATE_NOOP("Export", "Received"),
    "number": QT_TRANSLATE_NOOP("Export", "Customer number"),
    "customer": QT_TRANSLATE_NOOP("Export", "Customer"),
    "channel": QT_TRANSLATE_NOOP("Export", "Channel"),
    "category": QT_TRANSLATE_NOOP("Export", "Category"),
    "severity": QT_TRANSLATE_NOOP("Export", "Severity"),
    "description": QT_TRANSLATE_NOOP("Export", "Description"),
    "salesperson": QT_TRANSLATE_NOOP("Export", "Salesperson"),
    "assigned": QT_TRANSLATE_NOOP("Export", "Assigned to"),
    "status": QT_TRANSLATE_NOOP("Export", "Status"),
    "respond_by": QT_TRANSLATE_NOOP("Export", "Respond by"),
    "answered": QT_TRANSLATE_NOOP("Export", "Answered"),
    "in_time": QT_TRANSLATE_NOOP("Export", "Within 24 hours"),
    "answer": QT_TRANSLATE_NOOP("Export", "Answer"),
    "resolution": QT_TRANSLATE_NOOP("Export", "Resolution"),
    "closed": QT_TRANSLATE_NOOP("Export", "Closed"),
    "satisfaction": QT_TRANSLATE_NOOP("Export", "Satisfaction afterwards"),
    "date": QT_TRANSLATE_NOOP("Export", "Date"),
    "kind": QT_TRANSLATE_NOOP("Export", "Follow-up"),
    "result": QT_TRANSLATE_NOOP("Export", "Result"),
    "note": QT_TRANSLATE_NOOP("Export", "Note"),
    "postponed_to": QT_TRANSLATE_NOOP("Export", "Postponed to"),
    "yes": QT_TRANSLATE_NOOP("Export", "yes"),
    "no": QT_TRANSLATE_NOOP("Export", "no"),
}
TITLES = {
    "complaints": QT_TRANSLATE_NOOP("Export", "Complaint register"),
    "calls": QT_TRANSLATE_NOOP("Export", "Call register"),
    "letters": QT_TRANSLATE_NOOP("Export", "Letter register"),
}
COMPLAINT_COLUMNS = ("received", "number", "customer", "channel", "category", "severity",
                     "description", "salesperson", "assigned", "status", "respond_by",
                     "answered", "in_time", "answer", "resolution", "closed", "satisfaction")
REGISTER_COLUMNS = ("date", "number", "customer", "salesperson", "kind", "channel", "result",
                    "note", "postponed_to")


def complaint_table(rows: Sequence[ComplaintRow], tr: Translate = untranslated) -> Table:
    def in_time(row: ComplaintRow) -> str:
        answered = row.answered_in_time()
        return "" if answered is None else tr(CTX, _H["yes" if answered else "no"])

    return Table(tr(CTX, TITLES["complaints"]), [tr(CTX, _H[c]) for c in COMPLAINT_COLUMNS], [
        (r.received_at, r.number, r.name, channel_label(r.channel, tr), r.category,
         label(SEVERITIES, r.severity, tr), r.description, r.salesperson, r.assigned_to,
         label(COMPLAINT_STATUSES, r.status, tr), r.respond_by, r.answered_at, in_time(r),
         r.answer, r.resolution, r.closed_at, r.satisfaction) for r in rows], translate=tr)


def register_table(which: str, rows: Sequence[LogRow], tr: Translate = untranslated) -> Table:
    return Table(tr(CTX, TITLES[which]), [tr(CTX, _H[c]) for c in REGISTER_COLUMNS], [
        (r.logged_on, r.number, r.name, r.salesperson, label(FOLLOW_UP_KINDS, r.kind, tr),
         channel_label(r.channel, tr), label(RESULTS, r.result, tr), r.note, r.postponed_to)
        for r in rows], translate=tr)


def write_register(path: str | Path, table: Table) -> SheetsWritten:
    """One register to a workbook (the writer's bold frozen header, real dates), written
    whole or not at all; a longer text than a cell holds is continued (see long_text)."""
    return write_tables(path, [table])
