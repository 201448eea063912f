"""Help → About: the program's version, and what it carries under which licence."""

from __future__ import annotations

import platform
import sys
from html import escape
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from tierdesk import __version__
from tierdesk.core.assets import resources_dir
from tierdesk.reports.cjk import BUNDLED_FAMILY

# What the program is built from and carries (the application folder holds every one):
# (name, the distribution its version is read from, licence). Names and licences are proper
# names and stay untranslated.
COMPONENTS = (
    ("Qt", "", "LGPL-3.0"),
    ("PySide6 (Qt for Python)", "PySide6-Essentials", "LGPL-3.0"),
    ("Python", "", "PSF-2.0"),
    ("SQLAlchemy", "SQLAlchemy", "MIT"),
    ("Alembic", "alembic", "MIT"),
    ("Mako", "Mako", "MIT"),
    ("MarkupSafe", "MarkupSafe", "BSD-3-Clause"),
    ("matplotlib", "matplotlib", "Matplotlib (PSF-based)"),
    ("NumPy", "numpy", "BSD-3-Clause"),
    ("Pillow", "pillow", "MIT-CMU"),
    ("fontTools", "fonttools", "MIT"),
    ("kiwisolver", "kiwisolver", "BSD-3-Clause"),
    ("contourpy", "contourpy", "BSD-3-Clause"),
    ("cycler", "cycler", "BSD-3-Clause"),
    ("pyparsing", "pyparsing", "MIT"),
    ("python-dateutil", "python-dateutil", "Apache-2.0 / BSD-3-Clause"),
    ("packaging", "packaging", "Apache-2.0 / BSD-2-Clause"),
    ("XlsxWriter", "XlsxWriter", "BSD-2-Clause"),
    ("python-calamine", "python-calamine", "MIT"),
    ("pypinyin", "pypinyin", "MIT"),
    ("platformdirs", "platformdirs", "MIT"),
    ("psutil", "psutil", "BSD-3-Clause"),
    ("chinese-calendar", "chinese-calendar", "MIT"),
    ("pypdf", "pypdf", "BSD-3-Clause"),
    ("SQLCipher, sqlcipher3 (with OpenSSL)", "sqlcipher3", "BSD-3-Clause / zlib / Apache-2.0"),
    ("keyring", "keyring", "MIT"),
    ("SecretStorage", "SecretStorage", "BSD-3-Clause"),
    ("jeepney", "jeepney", "MIT"),
    ("cryptography", "cryptography", "Apache-2.0 / BSD-3-Clause"),
    ("jaraco.classes, jaraco.context, jaraco.functools", "jaraco.classes", "MIT"),
    ("typing_extensions", "typing_extensions", "PSF-2.0"),
    (f"{BUNDLED_FAMILY} (Noto Sans CJK SC, cut)", "", "OFL-1.1"),
)


def component_version(name: str, distribution: str) -> str:
    if name == "Qt":
        return qVersion()
    if name == "Python":
        return platform.python_version()
    if name.startswith(BUNDLED_FAMILY):
        return "2.004"
    if distribution == "PySide6-Essentials":
        return pyside_version
    from importlib import metadata

    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "–"


def licences_folder() -> Path:
    """Where the licence texts lie: beside the program when it is frozen, else resources/."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent / "licences"
    return resources_dir() / "licences"


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About TierDesk"))
        self.resize(620, 560)
        layout = QVBoxLayout(self)
        self.heading = heading = QLabel(self.tr("<h2>TierDesk {version}</h2>"
                                 "<p>The customer archive of a field sales office.</p>"
                                 "<p>Python {python}, Qt {qt}</p>").format(
            version=escape(__version__), python=escape(platform.python_version()),
            qt=escape(qVersion())))
        heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(heading)
        layout.addWidget(QLabel(self.tr("What TierDesk carries, and the licence of each:")))
        self.table = QTextBrowser(self)
        self.table.setOpenExternalLinks(False)
        self.table.setHtml(self.components_html())
        layout.addWidget(self.table, 1)
        where = licences_folder()
        if where.is_dir():
            note = QLabel(self.tr("The licence texts are in {folder}.").format(
                folder=escape(str(where))))
            note.setWordWrap(True)
            note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def components_html(self) -> str:
        head = (self.tr("Component"), self.tr("Version"), self.tr("Licence"))
        rows = "".join(
            "<tr>" + "".join(f"<td>{escape(text)}</td>" for text in (
                name, component_version(name, distribution), licence)) + "</tr>"
            for name, distribution, licence in COMPONENTS)
        return ("<table cellspacing='0' cellpadding='3' width='100%'><tr>"
                + "".join(f"<th align='left'>{escape(h)}</th>" for h in head) + "</tr>"
                + rows + "</table>")
