import pytest
from PySide6.QtCore import QSettings, Qt

from tierdesk.core.archive import Archive
from tierdesk.core.errors import ValidationError
from tierdesk.core.validation import check_mobile
from tierdesk.ui.i18n import Translators, tr_message
from tierdesk.ui.main_window import MainWindow


def test_the_window_speaks_chinese_or_english(qtbot, db, tmp_path):
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    translators = Translators()
    try:
        assert translators.install("zh_CN") == "zh_CN"
        win = MainWindow(Archive(db), settings, "zh_CN")
        qtbot.addWidget(win)
        menus = [a.text() for a in win.menuBar().actions()]
        assert menus == ["文件(&F)", "客户(&C)", "查看(&V)", "等级(&T)", "服务(&S)",
                         "销售部(&O)", "工具", "帮助"]
        assert win.left_tabs.tabText(0) == "今日"
        assert win.today.postpone_button.text() == "改期(&P)…"
        assert win.model.headerData(1, Qt.Orientation.Horizontal) == "客户"
        assert win.count_label.text() == "显示 0 / 共 0 个客户"
        with pytest.raises(ValidationError) as info:
            check_mobile("mobile", "12345")
        assert tr_message(info.value.problems[0].message) == \
            "手机号码应为以 1 开头的 11 位数字：“12345”。"
    finally:
        translators.install("en")
    english = MainWindow(Archive(db), settings, "en")
    qtbot.addWidget(english)
    assert english.menuBar().actions()[0].text() == "&File"
