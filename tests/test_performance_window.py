"""Team performance in the window: month progress, the scorecard with its definitions and
export, retention, and the problem alerts with an acknowledgement."""

from __future__ import annotations

from openpyxl import load_workbook
from PySide6.QtCore import QDate, QSettings

from tests.helpers import PLAN_TODAY, plan_office
from tierdesk.core.archive import Archive
from tierdesk.ui.performance_window import PerformanceWindow


def cells(table, row):
    return [table.item(row, c).text() for c in range(table.columnCount())]


def test_progress_scorecards_retention_and_alerts(qtbot, db, tmp_path):
    plan_office(db)
    archive = Archive(db)
    window = PerformanceWindow(archive, QSettings(str(tmp_path / "ui.ini"),
                                                  QSettings.Format.IniFormat),
                               today=PLAN_TODAY)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.busy == 0 and window.progress.rowCount() == 3)
    # November's quotas as of 31 October: 甲 2 calls and a visit; 乙 a call (its quarterly
    # visit was made in October); 戊 a call (none yet this quarter), a visit (purchases down
    # by half) and its monthly callback. So far S001 visited 甲 once and made three calls.
    assert cells(window.progress, 0)[:6] == ["S001", "王伟", "HD", "1 of 2", "3 of 5", "0 of 2"]
    assert "20 of 21 working days passed" in window.progress_status.text()

    window.tabs.setCurrentIndex(1)
    window.score_from.setDate(QDate(2026, 11, 1))
    window.score_to.setDate(QDate(2026, 11, 30))
    window.show_scorecards()
    qtbot.waitUntil(lambda: window.busy == 0)
    # S001: 4 of the office's 6 customers, one visit over the 20 working days so far, no
    # order in November; S003 sold 己 3,000 on the 25th.
    headers = [window.scores.horizontalHeaderItem(c).text()
               for c in range(window.scores.columnCount())]
    row = dict(zip(headers, cells(window.scores, 0), strict=True))
    assert (row["Code"], row["Visits per working day"], row["Customer share"],
            row["First-tier customers"], row["Sales (¥)"]) == ("S001", "0.05", "66.7%", "1",
                                                               "0")
    assert dict(zip(headers, cells(window.scores, 2), strict=True))["Sales (¥)"] == "3,000"
    assert "Payments received in the period" in window.definitions.text()
    assert window.scores.horizontalHeaderItem(8).toolTip().startswith("Payments received")
    book = load_workbook(window.export_scorecards(str(tmp_path / "kpi.xlsx")), read_only=True)
    assert book.sheetnames == ["KPI 2026-11-01 to 2026-11-30", "Definitions"]
    sheet = [list(r) for r in book.worksheets[0].iter_rows(values_only=True)]
    assert sheet[1][:3] == ["S001", "王伟", "HD"] and sheet[3][-1] == 3000

    window.tabs.setCurrentIndex(2)
    qtbot.waitUntil(lambda: window.busy == 0 and window.office_retention.text() != "")
    assert window.office_retention.text().startswith("Office:")

    window.tabs.setCurrentIndex(3)
    qtbot.waitUntil(lambda: window.busy == 0 and window.alert_table.rowCount() > 0)
    incomplete = [r for r in range(window.alert_table.rowCount())
                  if window.alert_table.item(r, 0).text() == "Incomplete file"]
    assert [window.alert_table.item(r, 1).text().split()[1] for r in incomplete] == \
        ["甲贸易有限公司"]
    window.alert_table.selectRow(incomplete[0])
    assert window.acknowledge("下周补全地址")
    qtbot.waitUntil(lambda: window.busy == 0)
    noted = [a for a in window.alerts if a.kind == "incomplete_file"]
    assert noted[0].note == "下周补全地址"
    before = window.alert_table.rowCount()
    window.hide_seen.setChecked(True)
    assert window.alert_table.rowCount() == before - 1
    window.alert_rules.decimals["min_visits_per_day"].setValue(3.5)
    window.alert_rules.spins["weak_region_share"].setValue(55)
    assert window.alert_rules.save()
    rules = archive.planning.alert_rules()
    assert (rules.min_visits_per_day, rules.weak_region_share) == (3.5, 0.55)
    assert window.risk_block.spins["drop_share"].value() == 30


def test_scorecards_and_alerts_from_the_command_line(db_path, tmp_path, capsys):
    from tierdesk.cli import main
    from tierdesk.core.store.db import open_database

    db = open_database(db_path)
    plan_office(db)
    db.close()
    out_file = tmp_path / "kpi.xlsx"
    assert main(["--db", str(db_path), "kpi", "--from", "2026-11-01", "--to", "2026-11-30",
                 "--date", "2026-11-28", "--xlsx", str(out_file)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "Scorecards 2026-11-01 to 2026-11-30 (20 working days)"
    assert out[2].split()[:3] == ["S001", "0.0%", "66.7%"]
    assert load_workbook(out_file, read_only=True).sheetnames[1] == "Definitions"
    assert main(["--db", str(db_path), "alerts", "--kind", "incomplete_file",
                 "--date", "2026-11-28"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == ["incomplete_file  HD-D-00001 甲贸易有限公司: missing: address, birthday. "
                   "Complete the file at the next contact.", "1 problem"]
    assert main(["--db", str(db_path), "kpi", "--from", "2026-11-30", "--to",
                 "2026-11-01"]) == 1
