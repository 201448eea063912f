"""Generated forms, compiled translations and resources match their sources; nothing the user
sees is left untranslated."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("build_ui", ROOT / "packaging" / "build_ui.py")
build_ui = importlib.util.module_from_spec(spec)
spec.loader.exec_module(build_ui)

STALE = "is stale: run python packaging/build_ui.py"


def test_generated_forms_match_the_ui_sources(tmp_path):
    for fresh in build_ui.build_forms(tmp_path):
        committed = build_ui.GENERATED / fresh.name
        assert committed.exists(), f"{committed.name} is missing: run packaging/build_ui.py"
        assert committed.read_text(encoding="utf-8") == fresh.read_text(encoding="utf-8"), \
            f"{committed.name} {STALE}"


def test_compiled_translations_and_resources_match_their_sources(tmp_path):
    for fresh in build_ui.build_translations(tmp_path):
        committed = build_ui.TRANSLATIONS / fresh.name
        assert committed.read_bytes() == fresh.read_bytes(), f"{committed.name} {STALE}"
    fresh_rc = build_ui.build_resources(tmp_path)
    assert (build_ui.GENERATED / "resources_rc.py").read_text(encoding="utf-8") == \
        fresh_rc.read_text(encoding="utf-8"), f"resources_rc.py {STALE}"


def _unfinished(ts: Path) -> list[str]:
    tree = ET.parse(ts)
    return [m.findtext("source") for m in tree.iter("message")
            if m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
            # a plural's forms are numerusform elements inside the translation
            or not "".join(m.find("translation").itertext()).strip()]


def test_every_string_in_the_code_has_a_chinese_translation(tmp_path):
    """Collect the strings as they are in the code now; every one must be translated."""
    ts = tmp_path / "tierdesk_zh_CN.ts"
    shutil.copyfile(build_ui.TRANSLATIONS / "tierdesk_zh_CN.ts", ts)
    sources = [str(p) for p in sorted((ROOT / "tierdesk").rglob("*.py"))
               if "ui/forms" not in p.as_posix()]
    sources += [str(p) for p in sorted(build_ui.FORMS.glob("*.ui"))]
    subprocess.run([build_ui._tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none",
                    *sources, "-ts", str(ts)], check=True, capture_output=True)
    assert _unfinished(ts) == []
    assert len(list(ET.parse(ts).iter("message"))) > 150


def test_every_counting_text_has_its_english_singular_and_plural(tmp_path):
    """English is the source language; its catalogue holds the two forms of each counting
    text ("%n customer(s)"), collected as the code is now."""
    ts = tmp_path / "tierdesk_en.ts"
    shutil.copyfile(build_ui.TRANSLATIONS / "tierdesk_en.ts", ts)
    sources = [str(p) for p in sorted((ROOT / "tierdesk").rglob("*.py"))
               if "ui/forms" not in p.as_posix()]
    subprocess.run([build_ui._tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none",
                    "-pluralonly", *sources, "-ts", str(ts)], check=True, capture_output=True)
    assert _unfinished(ts) == []
    messages = list(ET.parse(ts).iter("message"))
    assert len(messages) >= 10
    for message in messages:
        one, many = (form.text for form in message.iter("numerusform"))
        assert "(s)" not in one + many and one != many, message.findtext("source")


def _forms(message: ET.Element) -> list[str]:
    """The translation of a message: its one text, or each of its plural forms."""
    translation = message.find("translation")
    forms = [form.text or "" for form in translation.iter("numerusform")]
    return forms or [translation.text or ""]


@pytest.mark.parametrize("language", ["zh_CN", "en"])
@pytest.mark.parametrize("source", ["{rate}", "{path}", "{count}", "{name}", "%n", "%Ln"])
def test_translations_keep_the_placeholders(source, language):
    tree = ET.parse(build_ui.TRANSLATIONS / f"tierdesk_{language}.ts")
    for message in tree.iter("message"):
        original = message.findtext("source")
        if source in original:
            for form in _forms(message):
                assert source in form, original
