"""What the program loads to show its first window: no more than that window needs."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import ROOT


def test_the_window_starts_without_the_chart_library():
    """matplotlib (about a second of a start) is loaded when a window with charts opens."""
    probe = ("import sys; import tierdesk.app; "
             "print(sorted(m for m in sys.modules if m.split('.')[0] == 'matplotlib'))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         cwd=ROOT, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                         check=True)
    assert out.stdout.strip() == "[]"
