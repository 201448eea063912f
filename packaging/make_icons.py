"""Draw the program's icon at every size the installers ask for, from resources/icons/tierdesk.svg:
PNGs for Linux (hicolor sizes), tierdesk.ico for Windows and tierdesk.icns for macOS.

    .venv/bin/python packaging/make_icons.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication([])
    renderer = QSvgRenderer(str(ICONS / "tierdesk.svg"))
    written = []
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        target = ICONS / f"tierdesk-{size}.png"
        image.save(str(target))
        written.append(target)
    largest = Image.open(ICONS / "tierdesk-256.png")
    largest.save(ICONS / "tierdesk.ico", sizes=[(s, s) for s in SIZES if s <= 256])
    Image.open(ICONS / "tierdesk-512.png").save(ICONS / "tierdesk.icns")
    print(f"{len(written)} PNGs, tierdesk.ico and tierdesk.icns in {ICONS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
