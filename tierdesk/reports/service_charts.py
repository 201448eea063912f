"""The satisfaction chart: the office's monthly satisfaction rate against its target."""

from __future__ import annotations

from matplotlib.figure import Figure

from tierdesk.core.i18n import QT_TRANSLATE_NOOP
from tierdesk.core.service.surveys import Satisfaction
from tierdesk.reports.charts import legend_outside
from tierdesk.reports.labels import Translate, untranslated

CTX = "Charts"
LABELS = {
    "title": QT_TRANSLATE_NOOP("Charts", "Satisfaction rate by month"),
    "rate": QT_TRANSLATE_NOOP("Charts", "Satisfied answers (%)"),
    "target": QT_TRANSLATE_NOOP("Charts", "Target {percent}%"),
    "answers": QT_TRANSLATE_NOOP("Charts", "Answers"),
}


def draw_satisfaction(figure: Figure, found: Satisfaction, tr: Translate = untranslated) -> None:
    """Bars: answers per month (right axis); line: the rate where there were answers."""
    axes = figure.add_subplot()
    months = [m.month.strftime("%Y-%m") for m in found.trend]
    positions = list(range(len(months)))
    volume = axes.twinx()
    volume.bar(positions, [m.answers for m in found.trend], color="#d6eaf8", zorder=1)
    volume.set_ylabel(tr(CTX, LABELS["answers"]))
    axes.set_zorder(volume.get_zorder() + 1)
    axes.patch.set_visible(False)
    rated = [(i, m.rate * 100) for i, m in enumerate(found.trend) if m.rate is not None]
    if rated:
        axes.plot([i for i, _ in rated], [r for _, r in rated], marker="o", color="#1f618d")
    target = found.scale.target * 100
    axes.axhline(target, color="#c0392b", linestyle="--",
                 label=tr(CTX, LABELS["target"]).format(percent=f"{target:g}"))
    axes.set_ylim(0, 105)
    axes.set_xticks(positions, months, rotation=45, ha="right")
    axes.set_ylabel(tr(CTX, LABELS["rate"]))
    axes.set_title(tr(CTX, LABELS["title"]))
    legend_outside(axes)
