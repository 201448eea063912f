"""The day's list as plain text lines (the command line prints them)."""

from __future__ import annotations

import datetime as dt

from tierdesk.core.today import SECTIONS, TodayList
from tierdesk.reports.labels import TODAY_SECTIONS, Translate, label, untranslated


def time_left_text(left: dt.timedelta) -> str:
    """"5 h 20 min left" or "overdue by 2 h 5 min" (English; the window translates its own)."""
    minutes = int(abs(left).total_seconds() // 60)
    hours, minutes = divmod(minutes, 60)
    span = f"{hours} h {minutes:02d} min" if hours else f"{minutes} min"
    return f"{span} left" if left >= dt.timedelta(0) else f"overdue by {span}"


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
                when = f"  [{time_left_text(line.respond_by - now)}]"
            elif line.due_on is not None and section in ("overdue", "coming"):
                when = f"  [{line.due_on.isoformat()}]"
            tries = f"  (no answer ×{line.tries})" if line.tries else ""
            tier = f"{line.tier:2}" if line.tier else "  "
            out.append(f"  {line.number:14} {tier} {line.name}  {line.what.render(tr)}"
                       f"{when}{tries}")
    return out
