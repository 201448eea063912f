"""What the application folder leaves out: Python modules the program never runs, and the
parts of Qt it never loads (other window systems' plugins, Qt's translations other than
Chinese). Shared by the freezer's recipe (tierdesk.spec) and the benchmark."""

from __future__ import annotations

import re

EXCLUDED_MODULES = (
    "tkinter", "_tkinter",
    # test tools and the PostgreSQL driver (an office on PostgreSQL runs the Python package)
    "pytest", "_pytest", "hypothesis", "openpyxl", "defusedxml", "psycopg", "psycopg_binary",
    "psycopg2", "IPython", "jedi",
    # Qt modules TierDesk does not use
    "PySide6.QtNetwork", "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets", "PySide6.QtSql", "PySide6.QtTest", "PySide6.QtXml",
    "PySide6.QtConcurrent", "PySide6.QtDesigner", "PySide6.QtHelp", "PySide6.QtUiTools",
    # matplotlib's other front ends
    "matplotlib.backends.backend_tkagg", "matplotlib.backends.backend_tkcairo",
    "matplotlib.backends.backend_gtk3agg", "matplotlib.backends.backend_gtk4agg",
    "matplotlib.backends.backend_wxagg", "matplotlib.backends.backend_webagg",
    "matplotlib.backends.backend_nbagg", "matplotlib.backends.backend_macosx",
)

# Paths inside the folder (forward slashes) that are left out.
_LEFT_OUT = re.compile("|".join((
    # window systems other than X11, Wayland, Windows, macOS and the offscreen one
    r"plugins/platforms/.*q(eglfs|linuxfb|vnc|vkkhrdisplay|minimalegl)",
    r"plugins/(egldeviceintegrations|generic|networkinformation|tls)/",
    r"libQt6Eglfs", r"libQt6EglFS",
    # GTK's look (brings GTK, cairo and pango along); Qt's own style is used
    r"plugins/platformthemes/.*gtk3",
    r"(^|/)lib(atk-1\.0|cairo|cairo-gobject|gdk_pixbuf-2\.0|pango-1\.0|pangocairo-1\.0"
    r"|pangoft2-1\.0|pixman-1|thai|datrie|epoxy)\.so",
    # Qt's translations, but for Chinese
    r"Qt/translations/(?!qt(base)?_zh_CN\.qm$)",
)))


def keep(path: str) -> bool:
    """Whether the file at ``path`` (inside the application folder) is kept."""
    return _LEFT_OUT.search(path.replace("\\", "/")) is None
