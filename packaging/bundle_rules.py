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
    # build tools and developer aids that libraries import only when asked to
    "setuptools", "pkg_resources", "distutils", "_distutils_hack", "pygments", "lib2to3",
    "pydoc_data", "ensurepip", "numpy.f2py", "numpy.distutils",
    # the Secret Service's encryption (11 MB): on Linux the folder keeps no passphrase in
    # the desktop's keyring and asks at each start (Windows and macOS keep theirs; pypdf
    # needs it only for encrypted PDFs, which TierDesk never reads)
    "cryptography", "secretstorage", "jeepney",
    # databases other than SQLite and PostgreSQL
    "sqlalchemy.dialects.mysql", "sqlalchemy.dialects.oracle", "sqlalchemy.dialects.mssql",
    # image formats matplotlib does not write (it writes PNG through Pillow)
    "PIL._avif", "PIL.AvifImagePlugin", "PIL._webp", "PIL.WebPImagePlugin", "PIL._imagingcms",
    "PIL.ImageCms", "PIL._imagingtk", "PIL.ImageTk",
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
    # Qt libraries nothing left in the folder loads, and what only GTK's look used
    r"libQt6(Network|EglFsKmsSupport|EglFSDeviceIntegration)\.so",
    r"(^|/)lib(harfbuzz|fribidi|graphite2)\.so",
    # Pillow's libraries for the formats left out above
    r"pillow\.libs/lib(avif|webp|webpmux|webpdemux|sharpyuv|lcms2)-",
    # matplotlib's fonts for TeX-like formulas and PostScript, and its sample data (the
    # charts write plain text in DejaVu Sans and the Chinese font)
    r"mpl-data/(sample_data/|fonts/afm/|fonts/pdfcorefonts/|fonts/ttf/(STIX|cm"
    r"|DejaVuSerif|DejaVuSansMono|DejaVuSansDisplay))",
    # Qt's translations, but for Chinese
    r"Qt/translations/(?!qt(base)?_zh_CN\.qm$)",
)))


def keep(path: str) -> bool:
    """Whether the file at ``path`` (inside the application folder) is kept."""
    return _LEFT_OUT.search(path.replace("\\", "/")) is None
