"""A visit card laid out like the paper card: the customer's facts on top, then the log with
one row per entry slot (empty slots left blank for handwriting)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from html import escape

from tierdesk.core.customers.cards import CardView, VisitEntry
from tierdesk.core.customers.master_file import CustomerFacts
from tierdesk.core.i18n import QT_TRANSLATE_NOOP
from tierdesk.reports.labels import Translate, channel_label, untranslated

CTX = "CardReport"
TITLE = QT_TRANSLATE_NOOP("CardReport", "Customer visit card")
FACTS = (
    ("number", QT_TRANSLATE_NOOP("CardReport", "Customer no.")),
    ("name", QT_TRANSLATE_NOOP("CardReport", "Customer")),
    ("contact_name", QT_TRANSLATE_NOOP("CardReport", "Contact")),
    ("mobile", QT_TRANSLATE_NOOP("CardReport", "Mobile")),
    ("landline", QT_TRANSLATE_NOOP("CardReport", "Landline")),
    ("address", QT_TRANSLATE_NOOP("CardReport", "Address")),
    ("region", QT_TRANSLATE_NOOP("CardReport", "Region")),
    ("tier", QT_TRANSLATE_NOOP("CardReport", "Tier")),
    ("salesperson", QT_TRANSLATE_NOOP("CardReport", "Salesperson")),
)
LOG_COLUMNS = (
    QT_TRANSLATE_NOOP("CardReport", "No."),
    QT_TRANSLATE_NOOP("CardReport", "Date"),
    QT_TRANSLATE_NOOP("CardReport", "Channel"),
    QT_TRANSLATE_NOOP("CardReport", "Purpose"),
    QT_TRANSLATE_NOOP("CardReport", "What was discussed"),
    QT_TRANSLATE_NOOP("CardReport", "Outcome"),
    QT_TRANSLATE_NOOP("CardReport", "Next step"),
    QT_TRANSLATE_NOOP("CardReport", "Next visit"),
)
TABLE = "<table width='100%' border='1' cellspacing='0' cellpadding='3'>"
CARD_LINE = QT_TRANSLATE_NOOP("CardReport", "Card {seq} · opened {opened} · {state}")
OPEN_STATE = QT_TRANSLATE_NOOP("CardReport", "in use")
CLOSED_STATE = QT_TRANSLATE_NOOP("CardReport", "archived {closed}")


STRUCK = QT_TRANSLATE_NOOP("CardReport", "struck out by {who} on {when}")


def struck_note(entry: VisitEntry, tr: Translate = untranslated) -> str:
    """Who struck the entry out and when ("" for an entry that stands)."""
    if entry.struck_at is None:
        return ""
    return tr(CTX, STRUCK).format(who=entry.struck_by or "?",
                                  when=entry.struck_at.replace(tzinfo=dt.UTC)
                                  .astimezone().strftime("%Y-%m-%d %H:%M"))


def entry_purpose(entry: VisitEntry, tr: Translate = untranslated) -> str:
    """The purpose written, or what the follow-up the entry completed was about, in the
    reader's language."""
    if entry.purpose or entry.about is None:
        return entry.purpose
    return entry.about.render(tr)


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def card_heading(card: CardView, tr: Translate = untranslated) -> str:
    state = (tr(CTX, OPEN_STATE) if card.is_open
             else tr(CTX, CLOSED_STATE).format(closed=_date(card.closed_on)))
    return tr(CTX, CARD_LINE).format(seq=card.seq, opened=_date(card.opened_on), state=state)


def card_text(facts: CustomerFacts, card: CardView, tr: Translate = untranslated) -> list[str]:
    """The card as plain lines (the command line shows this)."""
    lines = [f"{tr(CTX, TITLE)} — {facts.number} {facts.name}", card_heading(card, tr)]
    for entry in card.entries:
        lines.append(f"{entry.slot:2}. {_date(entry.visit_date)} "
                     f"{channel_label(entry.channel, tr)}: {entry_purpose(entry, tr)} — "
                     f"{entry.summary}"
                     f" [{entry.outcome}] → {entry.next_step} {_date(entry.next_visit_on)}"
                     .rstrip() + (f"  ({struck_note(entry, tr)})" if entry.struck else ""))
    for slot in range(len(card.entries) + 1, card.capacity + 1):
        lines.append(f"{slot:2}. ")
    return lines


def cards_html(facts: CustomerFacts, cards: Sequence[CardView], *, office_name: str,
               tr: Translate = untranslated) -> str:
    """HTML for one or more cards, each starting on a new page."""
    parts = ["<html><head><meta charset='utf-8'><style>",
             "body { font-size: 9pt; }",
             "h1 { font-size: 15pt; text-align: center; margin: 0; }",
             "p.sub { text-align: center; margin: 2px 0 8px 0; }",
             "td, th { padding: 3px; vertical-align: top; }",
             "th { background: #e8e8e8; }",
             "td.label { background: #f2f2f2; width: 14%; }",
             "</style></head><body>"]
    for index, card in enumerate(cards):
        if index:
            parts.append("<div style='page-break-before: always'></div>")
        heading = " · ".join(escape(t) for t in (office_name, tr(CTX, TITLE)) if t)
        parts.append(f"<h1>{heading}</h1>")
        parts.append(f"<p class='sub'>{escape(card_heading(card, tr))}</p>")
        parts.append(TABLE)
        cells = [(tr(CTX, label), str(getattr(facts, name) or "")) for name, label in FACTS]
        for row_start in range(0, len(cells), 3):
            parts.append("<tr>")
            for label, value in cells[row_start:row_start + 3]:
                parts.append(f"<td class='label'>{escape(label)}</td><td>{escape(value)}</td>")
            parts.append("</tr>")
        parts.append("</table><br/>")
        parts.append(TABLE + "<tr>")
        parts.extend(f"<th>{escape(tr(CTX, c))}</th>" for c in LOG_COLUMNS)
        parts.append("</tr>")
        by_slot = {e.slot: e for e in card.entries}
        for slot in range(1, card.capacity + 1):
            entry = by_slot.get(slot)
            if entry is None:
                values = [str(slot)] + ["&nbsp;<br/>&nbsp;"] * (len(LOG_COLUMNS) - 1)
                parts.append("<tr>" + "".join(f"<td>{v}</td>" for v in values) + "</tr>")
                continue
            values = [str(slot), _date(entry.visit_date), channel_label(entry.channel, tr),
                      entry_purpose(entry, tr), entry.summary, entry.outcome, entry.next_step,
                      _date(entry.next_visit_on)]
            shown = [escape(v) for v in values]
            if entry.struck:   # struck through as on paper, with who and when
                shown = [f"<s>{c}</s>" if c else c for c in shown]
                shown[4] += (f"<br/><span style='color:#b03a2e'>"
                             f"{escape(struck_note(entry, tr))}</span>")
            parts.append("<tr>" + "".join(f"<td>{c}</td>" for c in shown) + "</tr>")
        parts.append("</table>")
    parts.append("</body></html>")
    return "".join(parts)
