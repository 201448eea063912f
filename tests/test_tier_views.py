"""The tier picture, migration between reassessments, the charts, and the tier windows."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select

from tests.helpers import make_customer
from tierdesk.cli import main
from tierdesk.core.archive import Archive
from tierdesk.core.customers.cards import VisitInput, add_visit
from tierdesk.core.customers.orders import add_order
from tierdesk.core.store.models import Customer, TierAssessment
from tierdesk.core.tiers import grades, views
from tierdesk.core.tiers.rules import TierRules, save_rules
from tierdesk.reports import charts
from tierdesk.ui.tiers_window import ReassessDialog, TierSettingsDialog, TierView

# Each test runs on a PostgreSQL office as well as on SQLite (conftest).
ALSO_ON_POSTGRESQL = True

TODAY = dt.date(2026, 11, 20)


def office(db, amounts):
    ids = []
    for index, amount in enumerate(amounts):
        cid = make_customer(db, f"客户{index:02d}", mobile=f"139{index:08d}",
                            salesperson="S001" if index % 2 else "S002", today=TODAY)
        with db.write() as session:
            if amount:
                add_order(session, cid, order_date="2026-06-01", amount=amount, today=TODAY)
            add_visit(session, cid, VisitInput(visit_date="2026-11-02", channel="phone",
                                               purpose="回访"), today=TODAY)
        ids.append(cid)
    return ids


def test_the_picture_gives_each_tier_its_customers_and_sales(db):
    office(db, [100 * (i + 1) for i in range(10)])
    with db.write() as session:
        grades.apply_assessment(session, grades.assess_tiers(session, "2026-Q4", today=TODAY))
        picture = views.tier_picture(session, TODAY)
    rows = {r.tier: r for r in picture.rows}
    assert [rows[t].customers for t in "ABCD"] == [1, 2, 3, 4]
    assert rows["A"].sales_cents == 100_000 and rows["A"].sales_share == pytest.approx(1000 / 5500)
    assert rows["B"].customer_share == pytest.approx(0.2)
    # Norms: A and B have two calls / one call a month; one call each in November so far.
    assert (rows["A"].compliance.customers, rows["A"].compliance.calls_due) == (1, 1)
    assert (rows["B"].compliance.customers, rows["B"].compliance.calls_due) == (2, 0)
    assert sum(picture.by_salesperson["王伟"].values()) == 5
    x, y = picture.pareto()
    assert (x[0], y[0], x[-1], y[-1]) == (0, 0, 1, 1)
    assert y[1] == pytest.approx(1000 / 5500)    # the largest customer first


def test_migration_counts_moves_between_two_reassessments(db):
    ids = office(db, [100 * (i + 1) for i in range(10)])
    first = dt.datetime(2026, 10, 1, 9)
    with db.write() as session:
        grades.apply_assessment(session, grades.assess_tiers(session, "2026-Q3", today=TODAY),
                               at=first)
        add_order(session, ids[0], order_date="2026-11-01", amount=50_000, today=TODAY)
        grades.apply_assessment(session, grades.assess_tiers(session, "2026-Q4", today=TODAY))
        runs = views.assessment_runs(session)
        moves = views.migration(session, runs[1].assessed_at, runs[0].assessed_at)
    assert [r.period for r in runs] == ["2026-Q4", "2026-Q3"]
    assert moves[("D", "A")] == 1 and moves[("A", "B")] == 1
    assert sum(moves.values()) == 10


@pytest.mark.parametrize("kind", list(charts.CHARTS))
def test_every_chart_is_saved_as_png_and_pdf_with_chinese_names(db, tmp_path, kind):
    office(db, [100 * (i + 1) for i in range(6)])
    with db.write() as session:
        grades.apply_assessment(session, grades.assess_tiers(session, "2026-Q3", today=TODAY),
                               at=dt.datetime(2026, 10, 1))
        grades.apply_assessment(session, grades.assess_tiers(session, "2026-Q4", today=TODAY))
        picture = views.tier_picture(session, TODAY)
        runs = views.assessment_runs(session)
        moves = (views.migration(session, runs[1].assessed_at, runs[0].assessed_at),
                 "2026-Q3", "2026-Q4")
    people = {key: name for key, name in zip(
        sorted(k for k in picture.norms.compliance("salesperson") if k), ("王伟", "李娜"),
        strict=False)}
    for suffix in ("png", "pdf"):
        figure = charts.new_figure(kind)
        charts.draw(figure, kind, picture, people, moves=moves)
        path = charts.save_chart(figure, tmp_path / f"{kind}.{suffix}")
        assert path.stat().st_size > 5000
    text = PdfReader(tmp_path / f"{kind}.pdf").pages[0].extract_text()
    assert charts.CHARTS[kind].split(" (")[0] in text
    if kind == "compliance":
        assert "王伟" in text and "李娜" in text


def test_a_chart_needs_a_png_or_pdf_name(tmp_path):
    with pytest.raises(ValueError, match=r"\.png or \.pdf"):
        charts.save_chart(charts.new_figure(), tmp_path / "chart.gif")


def test_threshold_boundaries_belong_to_the_tier_above(db):
    office(db, [100, 1000, 0])
    with db.write() as session:
        save_rules(session, TierRules(method="threshold", thresholds=(70, 40, 20)))
        result = grades.assess_tiers(session, "2026-11", today=TODAY)
    for score, tier in zip(result.score.tolist(), result.proposed, strict=True):
        expected = "A" if score >= 70 else "B" if score >= 40 else "C" if score >= 20 else "D"
        assert tier == expected
    assert grades._tiers_for(np.array([70.0, 40.0, 19.99]), np.zeros(3), TierRules(
        method="threshold", thresholds=(70, 40, 20))) == ["A", "B", "D"]


def test_settings_dialog_explains_bad_shares_and_saves_good_ones(qtbot, db):
    office(db, [100, 200, 300, 400])
    archive = Archive(db)
    dialog = TierSettingsDialog(archive)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.preview.rowCount() == 4, timeout=5000)
    dialog.rows[3]["share"].setValue(30)      # 10 + 20 + 30 + 30 = 90
    dialog.save()
    assert not dialog.errors["shares"].isHidden()
    assert "90%" in dialog.errors["shares"].text()
    assert archive.tiers.rules() == TierRules()     # nothing saved
    dialog.rows[3]["share"].setValue(40)
    dialog.rows[0]["calls"].setValue(4)
    dialog.update_preview()
    qtbot.waitUntil(lambda: dialog.preview.item(0, 1) is not None
                    and dialog.preview.item(0, 1).text() == "0", timeout=5000)
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert archive.tiers.rules().norm("A").calls == 4


def test_reassessment_is_reviewed_then_applied(qtbot, db, monkeypatch):
    office(db, [100 * (i + 1) for i in range(10)])
    archive = Archive(db)
    dialog = ReassessDialog(archive)
    qtbot.addWidget(dialog)
    dialog.period.setText("2026-Q4")
    dialog.compute()
    qtbot.waitUntil(lambda: dialog.assessment is not None, timeout=5000)
    assert "10 customers graded for 2026-Q4" in dialog.summary.text()
    assert dialog.model.rowCount() == 10     # first grades: every customer is new
    dialog.which.setCurrentIndex(1)          # upgrades: none yet
    assert dialog.model.rowCount() == 0
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(TierAssessment)) == 0
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a: QMessageBox.StandardButton.Yes)
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: told.append(a[2]))
    dialog.apply()
    qtbot.waitUntil(lambda: bool(told), timeout=5000)
    assert "10 customers changed tier" in told[0]
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(TierAssessment)) == 10
        assert sorted(session.scalars(select(Customer.tier))) == list("ABBCCCDDDD")


def test_a_bad_period_is_explained_in_the_window(qtbot, db):
    dialog = ReassessDialog(Archive(db))
    qtbot.addWidget(dialog)
    dialog.period.setText("Q4")
    dialog.compute()
    qtbot.waitUntil(lambda: not dialog.period_error.isHidden(), timeout=5000)
    assert "Not a period" in dialog.period_error.text()


def test_tier_view_shows_tiers_and_saves_the_chart(qtbot, db, tmp_path):
    office(db, [100 * (i + 1) for i in range(10)])
    with db.write() as session:
        grades.apply_assessment(session, grades.assess_tiers(session, "2026-Q4", today=TODAY))
    view = TierView(Archive(db))
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.picture is not None, timeout=5000)
    assert [view.overview.item(r, 0).text() for r in range(4)] == list("ABCD")
    assert [view.overview.item(r, 1).text() for r in range(4)] == ["1", "2", "3", "4"]
    view.chart_kind.setCurrentIndex(list(charts.CHARTS).index("pareto"))
    view.save_chart_to(str(tmp_path / "pareto.png"))
    assert (tmp_path / "pareto.png").stat().st_size > 5000


def test_command_line_norms_and_chart(db_path, tmp_path, capsys):
    assert main(["--db", str(db_path), "tiers", "norms"]) == 0
    assert "Contact norms as of" in capsys.readouterr().out
    out = tmp_path / "tiers.png"
    assert main(["--db", str(db_path), "tiers", "chart", "distribution", str(out)]) == 0
    assert out.stat().st_size > 5000
    assert main(["--db", str(db_path), "tiers", "chart", "migration", str(out)]) == 1
