"""Charts stay readable with 60 salespeople, say plainly when there is nothing to show, and
keep their legend off the bars."""

from __future__ import annotations

import itertools
import uuid

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from tierdesk.core.planning.kpis import Progress, Scorecard
from tierdesk.core.tiers.norms import Compliance
from tierdesk.core.tiers.rules import TierRules
from tierdesk.reports import charts, kpi_report

PEOPLE = [f"业务员{i:02d}" for i in range(60)]


def card(code: str, visits: int, paid: int = 0) -> Scorecard:
    return Scorecard(uuid.uuid4(), code, code, "HD", 50, 0, 50, 0, 0, visits, 0, 21, 0,
                     paid, 0, 0, 3000)


def figure(kind: str = "") -> Figure:
    made = charts.new_figure(kind)   # the window's size and layout, with a Chinese font
    FigureCanvasAgg(made)
    return made


def texts(fig: Figure) -> list[str]:
    return [t.get_text() for t in fig.findobj(match=lambda a: hasattr(a, "get_text"))
            if t.get_text()]


def test_compliance_of_60_salespeople_names_the_furthest_behind_across_the_page():
    fig = figure("compliance")
    by_person = [(name, Compliance(10, i % 10, 3)) for i, name in enumerate(PEOPLE)]
    by_tier = {"A": Compliance(20, 18, 2), "B": Compliance(30, 20, 5)}
    charts.compliance(fig, by_tier, by_person, TierRules(), lambda _c, t: t)
    fig.canvas.draw()
    right = fig.axes[1]
    labels = right.get_yticklabels()
    assert [t.get_text() for t in labels] == PEOPLE[:charts.MOST_PEOPLE]
    assert all(t.get_rotation() == 0 and t.get_fontsize() >= 8 for t in labels)
    assert "The 25 furthest behind of 60" in right.get_title()
    # No name overlaps the next one.
    boxes = [t.get_window_extent() for t in labels]
    assert all(not a.overlaps(b) for a, b in itertools.pairwise(boxes))


def test_an_all_zero_kpi_says_there_is_nothing_to_show_in_the_interface_language():
    fig = figure()
    chinese = {"Nothing to show: no figures for this yet.": "暂无可显示的数据。"}
    kpi_report.draw_kpi(fig, [card(f"S{i:03d}", 0) for i in range(60)], "visits_per_day",
                        lambda _c, t: chinese.get(t, t))
    fig.canvas.draw()
    assert "暂无可显示的数据。" in texts(fig)
    assert not fig.axes[0].axison and not fig.axes[0].patches       # no empty ±0.04 axis


def test_a_kpi_of_60_salespeople_shows_the_highest_and_lowest_across_the_page():
    fig = figure()
    kpi_report.draw_kpi(fig, [card(f"S{i:03d}", i) for i in range(60)], "visits_per_day")
    fig.canvas.draw()
    labels = fig.axes[0].get_yticklabels()
    assert [t.get_text() for t in labels] == [f"S{i:03d}" for i in range(59, 47, -1)] + [
        f"S{i:03d}" for i in range(12, -1, -1)]
    assert all(t.get_rotation() == 0 and t.get_fontsize() >= 8 for t in labels)
    assert "The highest 12 and the lowest 13 of 60" in fig.axes[0].get_title()
    boxes = [t.get_window_extent() for t in labels]
    assert all(not a.overlaps(b) for a, b in itertools.pairwise(boxes))


def test_the_progress_legend_covers_no_bar():
    fig = figure()
    rows = [Progress(card(f"S{i:03d}", 5 + i % 7), 20, 10, 2, 10, 21) for i in range(12)]
    kpi_report.draw_progress(fig, rows)
    fig.canvas.draw()
    axes = fig.axes[0]
    legend = axes.get_legend().get_window_extent()
    assert all(not legend.overlaps(bar.get_window_extent()) for bar in axes.patches)
    empty = figure()
    kpi_report.draw_progress(empty, [Progress(card("S001", 0), 0, 0, 0, 1, 21)])
    assert "Nothing to show: no figures for this yet." in texts(empty)


def test_a_chinese_font_installed_after_matplotlib_made_its_cache_is_found(monkeypatch):
    """matplotlib's font cache from before the font was installed knows no Chinese font;
    the charts look at the system's fonts again rather than draw boxes."""
    from matplotlib import font_manager

    from tierdesk.reports import charts
    from tierdesk.reports.cjk import PREFERRED

    manager = font_manager.fontManager
    chinese = [f for f in manager.ttflist if f.name in PREFERRED]
    if not chinese:
        import pytest

        pytest.skip("this machine has no Chinese font at all")
    monkeypatch.setattr(manager, "ttflist", [f for f in manager.ttflist if f not in chinese])
    charts.cjk_font_name.cache_clear()
    try:
        assert charts.cjk_font_name() in PREFERRED
        assert any(f.name in PREFERRED for f in manager.ttflist)
    finally:
        charts.cjk_font_name.cache_clear()
