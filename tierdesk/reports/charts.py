"""Tier charts drawn with matplotlib: distribution, the Pareto curve of sales, migration
between two reassessments, norm compliance, and tiers by region.

Each function fills a matplotlib Figure (no pyplot, no GUI): the window shows it in a canvas,
save_chart() writes it as PNG or PDF. Labels pass through `tr` so they appear in the user's
language; a font with Chinese is looked up once (cjk_font_name() is None when the machine has
none, and the window says so once).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from matplotlib.figure import Figure

from tierdesk.core.i18n import QT_TRANSLATE_NOOP
from tierdesk.core.tiers.norms import Compliance
from tierdesk.core.tiers.rules import TierRules
from tierdesk.core.tiers.views import UNGRADED, TierPicture
from tierdesk.core.whole_file import whole_file
from tierdesk.reports.cjk import PREFERRED, bundled_font

Translate = Callable[[str, str], str]
CTX = "Charts"
GREY = "#bdc3c7"
MOST_PEOPLE = 25   # salespeople shown in the compliance chart, the furthest behind first

CHARTS = {
    "distribution": QT_TRANSLATE_NOOP("Charts", "Customers by tier"),
    "pareto": QT_TRANSLATE_NOOP("Charts", "Share of sales by tier (Pareto curve)"),
    "migration": QT_TRANSLATE_NOOP("Charts", "Tier migration between two reassessments"),
    "compliance": QT_TRANSLATE_NOOP("Charts", "Contact norm compliance"),
    "regions": QT_TRANSLATE_NOOP("Charts", "Tiers by region"),
}


LABELS = {
    "by_person": QT_TRANSLATE_NOOP("Charts", "By salesperson"),
    "by_tier": QT_TRANSLATE_NOOP("Charts", "By tier"),
    "customers": QT_TRANSLATE_NOOP("Charts", "Customers"),
    "met": QT_TRANSLATE_NOOP("Charts", "Customers whose norm was met last period (%)"),
    "largest": QT_TRANSLATE_NOOP("Charts", "Customers, largest first (%)"),
    "no_region": QT_TRANSLATE_NOOP("Charts", "No region"),
    "ungraded": QT_TRANSLATE_NOOP("Charts", "Not graded"),
    "sales_share": QT_TRANSLATE_NOOP("Charts", "Share of sales, last 12 months (%)"),
    "tier": QT_TRANSLATE_NOOP("Charts", "Tier"),
    "two_runs": QT_TRANSLATE_NOOP("Charts", "Two reassessments are needed for this chart."),
    "tier_at": QT_TRANSLATE_NOOP("Charts", "Tier at {when}"),
    "nothing": QT_TRANSLATE_NOOP("Charts", "Nothing to show: no figures for this yet."),
    "furthest": QT_TRANSLATE_NOOP("Charts", "The {shown} furthest behind of {count}"),
}


def _same(_context: str, text: str) -> str:
    return text


def nothing_to_show(figure: Figure, title: str = "", tr: Translate = _same) -> None:
    """A chart with no figures says so in words, instead of drawing empty axes."""
    axes = figure.add_subplot()
    axes.set_axis_off()
    if title:
        axes.set_title(title)
    axes.text(0.5, 0.5, tr(CTX, LABELS["nothing"]), ha="center", va="center",
              transform=axes.transAxes, fontsize=12, color="#566573")


def legend_outside(axes: Any, **options: Any) -> None:
    """The legend right of the plot, where it covers no bar."""
    axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0.0,
                fontsize=8, **options)


def label_size(count: int) -> float:
    """Tick label size for ``count`` names down the side of a 4.8-inch chart."""
    return max(6.0, min(9.0, 200 / max(count, 1)))


@lru_cache(maxsize=1)
def cjk_font_name() -> str | None:
    """A font family matplotlib can use for Chinese labels, or None.

    matplotlib keeps the list of fonts it found in a cache made on its first run; a Chinese
    font installed after that is missing from it, so the system's fonts it does not know yet
    are added before giving up."""
    from matplotlib import font_manager

    def found() -> str | None:
        available = {f.name for f in font_manager.fontManager.ttflist}
        return next((name for name in PREFERRED if name in available), None)

    name = found()
    if name is None:
        known = {f.fname for f in font_manager.fontManager.ttflist}
        for path in font_manager.findSystemFonts():
            if path not in known:
                try:
                    font_manager.fontManager.addfont(path)
                except (OSError, RuntimeError, ValueError):
                    continue  # a file the font library cannot read
        name = found()
    carried = bundled_font() if name is None else None
    if carried is not None:  # no Chinese font on this machine: the one TierDesk carries
        font_manager.fontManager.addfont(str(carried))
        name = found()
    return name


@lru_cache(maxsize=1)
def _use_cjk_font() -> None:
    """Put the Chinese font first (matplotlib serves only TierDesk's charts here)."""
    import matplotlib

    font = cjk_font_name()
    if font:
        families = [f for f in matplotlib.rcParams["font.sans-serif"] if f != font]
        matplotlib.rcParams["font.sans-serif"] = [font, *families]
        matplotlib.rcParams["axes.unicode_minus"] = False


def new_figure(kind: str = "") -> Figure:
    """A figure for one chart; the compliance chart lays itself out (see compliance())."""
    _use_cjk_font()
    return Figure(figsize=(8, 4.8), dpi=100,
                  layout=None if kind == "compliance" else "constrained")


def _colours(rules: TierRules, tiers: list[str]) -> list[str]:
    return [rules.colours[rules.tiers.index(t)] if t in rules.tiers else GREY for t in tiers]


def _tier_label(tier: str, tr: Translate) -> str:
    return tier if tier != UNGRADED else tr(CTX, LABELS["ungraded"])


def distribution(figure: Figure, picture: TierPicture, tr: Translate = _same) -> None:
    axes = figure.add_subplot()
    tiers = [r.tier for r in picture.rows]
    counts = [r.customers for r in picture.rows]
    bars = axes.bar([_tier_label(t, tr) for t in tiers], counts,
                    color=_colours(picture.rules, tiers))
    axes.bar_label(bars, labels=[f"{c:,}\n{r.customer_share:.0%}"
                                 for c, r in zip(counts, picture.rows, strict=True)])
    axes.set_title(tr(CTX, CHARTS["distribution"]))
    axes.set_ylabel(tr(CTX, LABELS["customers"]))
    axes.margins(y=0.2)


def pareto(figure: Figure, picture: TierPicture, tr: Translate = _same) -> None:
    axes = figure.add_subplot()
    x, y = picture.pareto()
    step = max(1, len(x) // 2000)   # enough points for the eye, quick for 150,000 customers
    axes.plot(x[::step] * 100, y[::step] * 100, color="#34495e")
    axes.plot([0, 100], [0, 100], linestyle=":", color=GREY)
    share = 0.0
    for row in picture.rows:
        if row.tier == UNGRADED:
            continue
        start, share = share, share + row.customer_share
        axes.axvspan(start * 100, share * 100, alpha=0.15,
                     color=_colours(picture.rules, [row.tier])[0])
        axes.text((start + share) * 50, 4, f"{row.tier}\n{row.sales_share:.0%}",
                  ha="center", va="bottom")
    axes.set_xlim(0, 100)
    axes.set_ylim(0, 100)
    axes.set_xlabel(tr(CTX, LABELS["largest"]))
    axes.set_ylabel(tr(CTX, LABELS["sales_share"]))
    axes.set_title(tr(CTX, CHARTS["pareto"]))


def migration(figure: Figure, counts: dict[tuple[str, str], int], rules: TierRules,
              before: str, after: str, tr: Translate = _same) -> None:
    tiers = list(rules.tiers) + sorted({t for pair in counts for t in pair} - set(rules.tiers))
    matrix = np.array([[counts.get((a, b), 0) for b in tiers] for a in tiers])
    axes = figure.add_subplot()
    axes.imshow(matrix, cmap="Blues")
    axes.set_xticks(range(len(tiers)), tiers)
    axes.set_yticks(range(len(tiers)), tiers)
    peak = matrix.max() or 1
    for i in range(len(tiers)):
        for j in range(len(tiers)):
            axes.text(j, i, f"{matrix[i, j]:,}", ha="center", va="center",
                      color="white" if matrix[i, j] > peak / 2 else "black")
    axes.set_xlabel(tr(CTX, LABELS["tier_at"]).format(when=after))
    axes.set_ylabel(tr(CTX, LABELS["tier_at"]).format(when=before))
    axes.set_title(tr(CTX, CHARTS["migration"]))


def compliance(figure: Figure, by_tier: dict[str | None, Compliance],
               by_person: list[tuple[str, Compliance]], rules: TierRules,
               tr: Translate = _same) -> None:
    """Compliance by tier (bars) and by salesperson (horizontal bars, names beside them; the
    furthest behind first, at most MOST_PEOPLE of them, with a note saying how many)."""
    tiers = [t for t in rules.tiers if by_tier.get(t) and by_tier[t].customers]
    if not tiers:
        nothing_to_show(figure, tr(CTX, CHARTS["compliance"]), tr)
        return
    left, right = figure.subplots(1, 2, width_ratios=[1, 2])
    figure.subplots_adjust(left=0.09, right=0.97, bottom=0.1, top=0.86, wspace=0.45)
    rates = [100 * (by_tier[t].rate or 0) for t in tiers]
    bars = left.bar(tiers, rates, color=_colours(rules, tiers))
    left.bar_label(bars, fmt="%.0f%%")
    left.set_ylim(0, 110)
    left.set_title(tr(CTX, LABELS["by_tier"]))
    left.set_ylabel(tr(CTX, LABELS["met"]))
    shown = by_person[:MOST_PEOPLE]   # the furthest behind come first
    names = [name for name, _c in shown]
    positions = list(range(len(names)))
    right.barh(positions, [100 * (c.rate or 0) for _n, c in shown], color="#5d6d7e")
    right.set_yticks(positions, names, fontsize=label_size(len(names)))
    right.invert_yaxis()                      # the furthest behind at the top
    right.set_xlim(0, 100)
    title = tr(CTX, LABELS["by_person"])
    if len(by_person) > len(shown):
        title += "\n" + tr(CTX, LABELS["furthest"]).format(shown=len(shown),
                                                          count=len(by_person))
    right.set_title(title, fontsize=10)
    figure.suptitle(tr(CTX, CHARTS["compliance"]))


def regions(figure: Figure, picture: TierPicture, tr: Translate = _same) -> None:
    axes = figure.add_subplot()
    names = sorted(picture.by_region)
    tiers = [r.tier for r in picture.rows]
    bottom = np.zeros(len(names))
    for tier, colour in zip(tiers, _colours(picture.rules, tiers), strict=True):
        values = np.array([picture.by_region[n].get(tier, 0) for n in names])
        axes.bar([n or tr(CTX, LABELS["no_region"]) for n in names], values, bottom=bottom,
                 color=colour, label=_tier_label(tier, tr))
        bottom += values
    legend_outside(axes, title=tr(CTX, LABELS["tier"]))
    axes.set_ylabel(tr(CTX, LABELS["customers"]))
    axes.set_title(tr(CTX, CHARTS["regions"]))


def save_chart(figure: Figure, path: str | Path) -> Path:
    """Write the chart as PNG or PDF (by the file's suffix), whole or not at all; fonts are
    embedded in a PDF."""
    target = Path(path)
    kind = target.suffix.lower().lstrip(".")
    if kind not in ("png", "pdf"):
        raise ValueError(f"charts are saved as .png or .pdf, not {target.suffix or 'no suffix'}")
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    if figure.canvas is None or not hasattr(figure.canvas, "print_figure"):
        FigureCanvasAgg(figure)
    with _pdf_fonts(), whole_file(target) as partial:
        figure.savefig(partial, format=kind, dpi=150 if kind == "png" else 100)
    return target


class _pdf_fonts:
    """Embed TrueType fonts in PDFs (Type 42) so Chinese labels survive copying."""

    def __enter__(self) -> None:
        import matplotlib

        self._saved = matplotlib.rcParams["pdf.fonttype"]
        matplotlib.rcParams["pdf.fonttype"] = 42

    def __exit__(self, *_exc: object) -> None:
        import matplotlib

        matplotlib.rcParams["pdf.fonttype"] = self._saved


def draw(figure: Figure, kind: str, picture: TierPicture, people: dict[str, str],
         tr: Translate = _same,
         moves: tuple[dict[tuple[str, str], int], str, str] | None = None) -> None:
    """Fill the figure with the chart `kind` (a key of CHARTS). `people` names salespeople by
    id (hex); `moves` is the migration's counts and the labels of its two reassessments."""
    if kind == "distribution":
        distribution(figure, picture, tr)
    elif kind == "pareto":
        pareto(figure, picture, tr)
    elif kind == "regions":
        regions(figure, picture, tr)
    elif kind == "compliance":
        assert picture.norms is not None
        behind = [(people.get(key or "", "-"), c) for key, c in picture.norms.behind()]
        compliance(figure, picture.norms.compliance("tier"), behind, picture.rules, tr)
    elif kind == "migration":
        if moves is None:
            figure.text(0.5, 0.5, tr(CTX, LABELS["two_runs"]), ha="center")
        else:
            migration(figure, moves[0], picture.rules, moves[1], moves[2], tr)
    else:
        raise ValueError(f"no chart called {kind!r}")
