"""The main window on a salesperson's laptop: what it must show and how it must behave."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from tierdesk import app as app_module
from tierdesk.ui.i18n import Translators


def test_missing_chinese_font_notice_is_readable_without_a_chinese_font(qtbot, tmp_path,
                                                                         monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(app_module, "cjk_font_family", lambda: None)
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text, *a: shown.append(title + text))
    translators = Translators()
    try:
        assert translators.install("zh_CN") == "zh_CN"
        settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
        app_module.warn_if_no_cjk_font(settings)
        app_module.warn_if_no_cjk_font(settings)  # once only
    finally:
        translators.install("en")
    assert len(shown) == 1
    assert shown[0].isascii()
    assert "fonts-wqy-microhei" in shown[0]
