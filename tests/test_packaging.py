"""What the installers rely on: the Chinese font TierDesk carries and its fall-back, the
About box's licences, and what the application folder leaves out."""

from __future__ import annotations

import sys

import pytest

from tests.conftest import ROOT
from tierdesk import __version__
from tierdesk.reports import charts
from tierdesk.reports.cjk import BUNDLED_FAMILY, bundled_font


def test_the_carried_font_draws_every_chinese_character_of_the_translations():
    from fontTools.ttLib import TTFont

    path = bundled_font()
    assert path is not None and path.stat().st_size < 2_500_000
    font = TTFont(str(path))
    assert font["name"].getDebugName(1) == BUNDLED_FAMILY
    assert "Open Font License" in font["name"].getDebugName(13)
    drawn = set(font.getBestCmap())
    used = {ord(ch) for ts in (ROOT / "resources" / "translations").glob("*.ts")
            for ch in ts.read_text(encoding="utf-8") if 0x4E00 <= ord(ch) <= 0x9FFF}
    assert used and not used - drawn, "".join(chr(c) for c in sorted(used - drawn))


def test_charts_fall_back_to_the_carried_font_where_the_system_has_none(monkeypatch):
    from matplotlib import font_manager

    manager = font_manager.fontManager
    no_chinese = [f for f in manager.ttflist if f.name not in charts.PREFERRED]
    monkeypatch.setattr(manager, "ttflist", no_chinese)
    monkeypatch.setattr(font_manager, "findSystemFonts", lambda *a, **k: [])
    charts.cjk_font_name.cache_clear()
    try:
        assert charts.cjk_font_name() == BUNDLED_FAMILY
    finally:
        charts.cjk_font_name.cache_clear()


def test_the_window_and_pdfs_fall_back_to_the_carried_font(qapp, monkeypatch):
    from tierdesk.render import fonts

    monkeypatch.setattr(fonts, "system_cjk_family", lambda: None)
    monkeypatch.setattr(fonts, "_carried", [])
    assert fonts.cjk_font_family() == BUNDLED_FAMILY
    assert fonts.cjk_font_family() == BUNDLED_FAMILY   # loaded once


@pytest.mark.parametrize("system", ["Noto Sans CJK SC", "Source Han Sans SC"])
def test_the_carried_font_stands_in_for_one_whose_pdfs_cannot_be_read(qapp, monkeypatch,
                                                                      system):
    from tierdesk.render import fonts

    monkeypatch.setattr(fonts, "system_cjk_family", lambda: system)
    monkeypatch.setattr(fonts, "_carried", [])
    assert fonts.cjk_font_family() == BUNDLED_FAMILY
    monkeypatch.setattr(fonts, "system_cjk_family", lambda: "WenQuanYi Micro Hei")
    assert fonts.cjk_font_family() == "WenQuanYi Micro Hei"


def test_pdfs_in_the_carried_font_give_their_text_back(qapp, monkeypatch, tmp_path):
    """Digits and Chinese alike: a PDF reader finds the card number and the customer."""
    from pypdf import PdfReader

    from tierdesk.render import fonts
    from tierdesk.render.pdf import html_to_pdf

    monkeypatch.setattr(fonts, "system_cjk_family", lambda: None)
    monkeypatch.setattr(fonts, "_carried", [])
    html_to_pdf("<p>HD-D-00001 2026-11-27 张三贸易有限公司 客户索要样品</p>", tmp_path / "t.pdf")
    text = " ".join(PdfReader(tmp_path / "t.pdf").pages[0].extract_text().split())
    assert "HD-D-00001 2026-11-27 张三贸易有限公司 客户索要样品" in text


def test_about_names_the_version_and_each_licence(qtbot):
    from tierdesk.ui.about_dialog import COMPONENTS, AboutDialog, component_version

    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    shown = dialog.table.toPlainText()
    assert f"TierDesk {__version__}" in dialog.heading.text()
    for name, distribution, licence in COMPONENTS:
        assert name in shown and licence in shown
        assert component_version(name, distribution) != "–", name
    assert "OFL-1.1" in shown and "LGPL-3.0" in shown


def test_the_folder_leaves_out_the_qt_parts_tierdesk_never_loads():
    sys.path.insert(0, str(ROOT / "packaging"))
    try:
        from bundle_rules import keep
    finally:
        sys.path.remove(str(ROOT / "packaging"))
    assert keep("PySide6/Qt/plugins/platforms/libqxcb.so")
    assert keep("PySide6/Qt/plugins/platforms/libqoffscreen.so")
    assert keep("PySide6/Qt/plugins/platforms/libqwayland.so")
    assert keep("PySide6/Qt/translations/qtbase_zh_CN.qm")
    assert not keep("PySide6/Qt/translations/qtbase_de.qm")
    assert not keep("PySide6/Qt/plugins/platforms/libqvnc.so")
    assert not keep("PySide6/Qt/plugins/platformthemes/libqgtk3.so")
    assert not keep("libpango-1.0.so.0")
