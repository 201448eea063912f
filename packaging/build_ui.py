"""Regenerate what is built from sources, or check that it is up to date (``--check``).

- forms/*.ui            -> tierdesk/ui/forms/ui_*.py         (pyside6-uic)
- tierdesk/**/*.py, forms/*.ui -> resources/translations/*.ts (pyside6-lupdate, with --lupdate)
- resources/translations/*.ts -> *.qm                        (pyside6-lrelease)
- resources/tierdesk.qrc -> tierdesk/ui/forms/resources_rc.py (pyside6-rcc, no timestamps)

Run ``python packaging/build_ui.py --lupdate`` after changing user-facing text, translate the
new entries in resources/translations/tierdesk_zh_CN.ts (and give the English singular and
plural of each new counting text, "%n customer(s)", in tierdesk_en.ts), then run it again
without options.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMS = ROOT / "forms"
GENERATED = ROOT / "tierdesk" / "ui" / "forms"
RESOURCES = ROOT / "resources"
TRANSLATIONS = RESOURCES / "translations"
QRC = RESOURCES / "tierdesk.qrc"
HEADER = "# Generated from {source} by packaging/build_ui.py; do not edit.\n"


def _tool(name: str) -> str:
    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6-Essentials")
    return found


def _strip_tool_banner(text: str) -> str:
    """Drop the comment block uic and rcc write (it names the tool version)."""
    return "".join(line for line in text.splitlines(keepends=True)
                   if not line.startswith("##") and not line.startswith("# -*-")
                   and not line.startswith("# Resource object code")
                   and not line.startswith("# Created by"))


def build_forms(out_dir: Path) -> list[Path]:
    written = []
    for ui in sorted(FORMS.glob("*.ui")):
        target = out_dir / f"ui_{ui.stem}.py"
        with tempfile.TemporaryDirectory() as tmp:
            raw = Path(tmp) / "out.py"
            subprocess.run([_tool("pyside6-uic"), "--from-imports", str(ui), "-o", str(raw)],
                           check=True)
            body = _strip_tool_banner(raw.read_text(encoding="utf-8"))
        target.write_text(HEADER.format(source=f"forms/{ui.name}") + body, encoding="utf-8")
        written.append(target)
    return written


def build_translations(out_dir: Path) -> list[Path]:
    written = []
    for ts in sorted(TRANSLATIONS.glob("*.ts")):
        target = out_dir / f"{ts.stem}.qm"
        subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(target)],
                       check=True)
        written.append(target)
    return written


def build_resources(out_dir: Path) -> Path:
    target = out_dir / "resources_rc.py"
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "out.py"
        subprocess.run([_tool("pyside6-rcc"), "--format-version", "1", str(QRC), "-o", str(raw)],
                       check=True)
        body = _strip_tool_banner(raw.read_text(encoding="utf-8"))
    target.write_text(HEADER.format(source="resources/tierdesk.qrc") + body, encoding="utf-8")
    return target


def update_catalogue() -> None:
    """Collect the user-facing strings of the code and forms into the .ts catalogues."""
    sources = [str(p) for p in sorted((ROOT / "tierdesk").rglob("*.py"))
               if "ui/forms" not in p.as_posix()]
    sources += [str(p) for p in sorted(FORMS.glob("*.ui"))]
    for ts in sorted(TRANSLATIONS.glob("*.ts")):
        # English is the source language: its catalogue holds only the plural forms of the
        # texts that count ("%n customer(s)" -> "1 customer", "2 customers").
        only = ["-pluralonly"] if ts.stem.endswith("_en") else []
        subprocess.run([_tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", *only,
                        *sources, "-ts", str(ts)], check=True, capture_output=True)


def build_all() -> None:
    GENERATED.mkdir(parents=True, exist_ok=True)
    build_forms(GENERATED)
    build_translations(TRANSLATIONS)
    build_resources(GENERATED)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lupdate", action="store_true",
                        help="first collect new strings into the .ts catalogues")
    args = parser.parse_args()
    if args.lupdate:
        update_catalogue()
    build_all()
    return 0


if __name__ == "__main__":
    sys.exit(main())
