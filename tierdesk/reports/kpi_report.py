"""Scorecards and month progress in words, tables and charts."""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.figure import Figure

from tierdesk.core.i18n import QT_TRANSLATE_NOOP
from tierdesk.core.planning.kpis import DEFINITIONS, KPIS, Progress, Scorecard
from tierdesk.excel.writer import Table
from tierdesk.reports.charts import MOST_PEOPLE, label_size, legend_outside, nothing_to_show
from tierdesk.reports.labels import Translate, untranslated

CTX = "Kpi"
NAMES = {
    "development_rate": QT_TRANSLATE_NOOP("Kpi", "Development rate"),
    "customer_share": QT_TRANSLATE_NOOP("Kpi", "Customer share"),
    "repeat_rate": QT_TRANSLATE_NOOP("Kpi", "Repeat purchase rate"),
    "visits_per_day": QT_TRANSLATE_NOOP("Kpi", "Visits per working day"),
    "visits_per_customer": QT_TRANSLATE_NOOP("Kpi", "Visits per customer"),
    "collection_rate": QT_TRANSLATE_NOOP("Kpi", "Collection rate"),
    "top_tier": QT_TRANSLATE_NOOP("Kpi", "First-tier customers"),
    "sales": QT_TRANSLATE_NOOP("Kpi", "Sales (¥)"),
}
SHARES = {"development_rate", "customer_share", "repeat_rate", "collection_rate"}
H = {
    "ends": QT_TRANSLATE_NOOP("Kpi", "The highest {top} and the lowest {bottom} of {count}"),
    "code": QT_TRANSLATE_NOOP("Kpi", "Code"),
    "salesperson": QT_TRANSLATE_NOOP("Kpi", "Salesperson"),
    "region": QT_TRANSLATE_NOOP("Kpi", "Region"),
    "customers": QT_TRANSLATE_NOOP("Kpi", "Customers"),
    "visits": QT_TRANSLATE_NOOP("Kpi", "Visits"),
    "calls": QT_TRANSLATE_NOOP("Kpi", "Calls and follow-ups"),
    "new": QT_TRANSLATE_NOOP("Kpi", "New customers"),
    "of": QT_TRANSLATE_NOOP("Kpi", "{done} of {quota}"),
    "progress": QT_TRANSLATE_NOOP("Kpi", "Visits so far against the quota"),
    "done": QT_TRANSLATE_NOOP("Kpi", "Done"),
    "quota": QT_TRANSLATE_NOOP("Kpi", "Quota"),
    "expected": QT_TRANSLATE_NOOP("Kpi", "Where the month is"),
}
HEAD = ("code", "salesperson", "region")


def kpi_name(kpi: str, tr: Translate = untranslated) -> str:
    return tr(CTX, NAMES[kpi])


def definition(kpi: str, tr: Translate = untranslated) -> str:
    return tr(CTX, DEFINITIONS[kpi])


def kpi_text(card: Scorecard, kpi: str) -> str:
    value = card.value(kpi)
    if value is None:
        return "–"
    if kpi in SHARES:
        return f"{value:.1%}"
    if kpi in ("top_tier",):
        return f"{value:.0f}"
    if kpi == "sales":
        return f"{value:,.0f}"
    return f"{value:.2f}"


def scorecard_headers(tr: Translate = untranslated) -> list[str]:
    return [tr(CTX, H[h]) for h in HEAD] + [kpi_name(k, tr) for k in KPIS]


def scorecard_rows(cards: Sequence[Scorecard]) -> list[list[str]]:
    return [[c.code, c.name, c.region] + [kpi_text(c, k) for k in KPIS] for c in cards]


def scorecard_table(cards: Sequence[Scorecard], title: str,
                    tr: Translate = untranslated) -> list[Table]:
    """The scorecards as numbers (shares as fractions, to format in the sheet), then the
    definitions."""
    rows = [[c.code, c.name, c.region] + [c.value(k) for k in KPIS] for c in cards]
    definitions = [[kpi_name(k, tr), definition(k, tr)] for k in KPIS]
    return [Table(title, scorecard_headers(tr), rows),
              Table(tr(CTX, QT_TRANSLATE_NOOP("Kpi", "Definitions")),
                    [tr(CTX, QT_TRANSLATE_NOOP("Kpi", "Figure")),
                     tr(CTX, QT_TRANSLATE_NOOP("Kpi", "Definition"))], definitions)]


def progress_headers(tr: Translate = untranslated) -> list[str]:
    return [tr(CTX, H[h]) for h in (*HEAD, "visits", "calls", "new")]


def progress_rows(rows: Sequence[Progress], tr: Translate = untranslated) -> list[list[str]]:
    done = tr(CTX, H["of"])
    return [[p.card.code, p.card.name, p.card.region,
             done.format(done=p.card.visits, quota=p.visit_quota),
             done.format(done=p.card.calls, quota=p.call_quota),
             done.format(done=p.card.new_customers, quota=p.new_quota)] for p in rows]


def draw_kpi(figure: Figure, cards: Sequence[Scorecard], kpi: str,
             tr: Translate = untranslated) -> None:
    """One KPI compared across salespeople (horizontal bars, codes beside them), with the
    team's middle value as a line; a period with no figure at all says so."""
    title = kpi_name(kpi, tr) + (" (%)" if kpi in SHARES else "")
    shown = [(c.code, c.value(kpi)) for c in cards]
    if not any(v for _c, v in shown):
        nothing_to_show(figure, title, tr)
        return
    axes = figure.add_subplot()
    scaled = [(c, (v or 0) * (100 if kpi in SHARES else 1)) for c, v in shown]
    middle = sorted(v for _c, v in scaled)[len(scaled) // 2]
    if len(scaled) > MOST_PEOPLE:   # the highest and the lowest, said in the title
        ranked = sorted(scaled, key=lambda item: -item[1])
        half = MOST_PEOPLE // 2
        scaled = ranked[:half] + ranked[-(MOST_PEOPLE - half):]
        title += "\n" + tr(CTX, H["ends"]).format(top=half, bottom=MOST_PEOPLE - half,
                                                  count=len(shown))
    shown = [(c, None) for c, _v in scaled]
    values = [v for _c, v in scaled]
    positions = list(range(len(shown)))
    axes.barh(positions, values, color="#2e86c1")
    axes.axvline(middle, color="#c0392b", linestyle="--")
    axes.set_yticks(positions, [c for c, _v in shown], fontsize=label_size(len(shown)))
    axes.invert_yaxis()
    axes.set_xlim(0, max(values) * 1.05)
    axes.set_title(title, fontsize=10)


def draw_progress(figure: Figure, rows: Sequence[Progress], tr: Translate = untranslated) -> None:
    """Visits done and the visit quota per salesperson; the share of the month passed as
    the mark where "done" should be by now. The legend sits right of the bars."""
    if not any(r.visit_quota or r.card.visits for r in rows):
        nothing_to_show(figure, tr(CTX, H["progress"]), tr)
        return
    axes = figure.add_subplot()
    positions = list(range(len(rows)))
    axes.bar([p - 0.2 for p in positions], [r.visit_quota for r in rows], width=0.4,
             color="#d6eaf8", label=tr(CTX, H["quota"]))
    axes.bar([p + 0.2 for p in positions], [r.card.visits for r in rows], width=0.4,
             color="#1f618d", label=tr(CTX, H["done"]))
    axes.scatter(positions, [r.visit_quota * r.expected_share for r in rows], marker="_",
                 s=200, color="#c0392b", label=tr(CTX, H["expected"]), zorder=3)
    axes.set_xticks(positions, [r.card.code for r in rows],
                    rotation=90 if len(rows) > 15 else 0, fontsize=7 if len(rows) > 15 else 9)
    axes.set_title(tr(CTX, H["progress"]))
    legend_outside(axes)
