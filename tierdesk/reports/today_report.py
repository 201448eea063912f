"""The day's list as plain text lines (the command line prints them)."""

from __future__ import annotations

import datetime as dt

from tierdesk.core.i18n import QT_TRANSLATE_NOOP
from tierdesk.core.service.today import SECTIONS, TodayList
from tierdesk.reports.labels import TODAY_SECTIONS, Translate, label, untranslated

CTX = "Today"
_SPAN = {
    "hours": QT_TRANSLATE_NOOP("Today", "{hours} h {minutes} min"),
    "minutes": QT_TRANSLATE_NOOP("Today", "{minutes} min"),
    "left": QT_TRANSLATE_NOOP("Today", "{span} left"),
    "late": QT_TRANSLATE_NOOP("Today", "overdue by {span}"),
}


def time_left_text(left: dt.timedelta, tr: Translate = untranslated) -> str:
    """"5 h 20 min left" or "overdue by 2 h 05 min", through ``tr``."""
    minutes = int(abs(left).total_seconds() // 60)
    hours, minutes = divmod(minutes, 60)
    span = (tr(CTX, _SPAN["hours"]).format(hours=hours, minutes=f"{minutes:02d}")
            if hours else tr(CTX, _SPAN["minutes"]).format(minutes=minutes))
    return tr(CTX, _SPAN["left" if left >= dt.timedelta(0) else "late"]).format(span=span)


def today_lines(listing: TodayList, *, who: str, now: dt.datetime,
                tr: Translate = untranslated) -> list[str]:
    overdue = listing.count("overdue")
    out = [f"{listing.day.isoformat()}  {who}: {listing.due} to do today ({overdue} overdue), "
           f"{listing.count('coming')} coming up"]
    for section in SECTIONS:
        found = listing.section(section)
        if not found:
            continue
        out.append("")
        out.append(f"{label(TODAY_SECTIONS, section, tr)} ({len(found)})")
        for line in found:
            when = ""
            if line.respond_by is not None:
                when = f"  [{time_left_text(line.respond_by - now, tr)}]"
            elif line.due_on is not None and section in ("overdue", "coming"):
                when = f"  [{line.due_on.isoformat()}]"
            tries = f"  (no answer ×{line.tries})" if line.tries else ""
            tier = f"{line.tier:2}" if line.tier else "  "
            out.append(f"  {line.number:14} {tier} {line.name}  {line.what.render(tr)}"
                       f"{when}{tries}")
    return out
