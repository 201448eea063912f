"""Benchmark of the one-folder application (packaging/build.py) against its targets.

    python tests/perf/bench_bundle.py [--no-build] [--runs 5] [--customers 3000]

Builds dist/TierDesk (timed, from a clean freezer cache) unless --no-build, then prints:
- the folder's size on disk, against the 250 MB aim;
- start to the window: from the process's creation until the main window is painted on a demo
  office, for the frozen program and for the installed package in .venv, the median of fresh
  processes after a warm-up run; the frozen one aims at no more than the installed one;
- the build time.
The machine's cores and load are printed with them: another job on the machine slows both.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CACHE = HERE / ".cache" / "bundle"
BUNDLE = ROOT / "dist" / "TierDesk"
SIZE_AIM_MB = 250


def load() -> str:
    try:
        return "load average {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())
    except OSError:
        return "load average unknown"


def size_on_disk(folder: Path) -> tuple[float, float]:
    """(MB in files, MB of disk blocks), symbolic links not followed."""
    files = blocks = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            info = path.stat()
            files += info.st_size
            blocks += info.st_blocks * 512
    return files / 1e6, blocks / 1e6


def demo_office(customers: int, installed: Path) -> Path:
    office = CACHE / f"demo-{customers}.sqlite"
    if not office.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run([str(installed), "--db", str(office), "demo", "--customers",
                        str(customers)], check=True, capture_output=True)
    return office


def start_up(command: Path, office: Path, runs: int) -> list[float]:
    """Seconds from process creation to the painted window, one per fresh process (the
    first, a warm-up, left out)."""
    config = CACHE / "config"
    (config / "TierDesk").mkdir(parents=True, exist_ok=True)
    # Chosen at an earlier start: who is at this machine, and the language.
    (config / "TierDesk" / "TierDesk.conf").write_text(
        "[machine]\nperson=bench\n[ui]\nlanguage=en\n", encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(config),
           "TIERDESK_START_PROBE": "1"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed package runs from its bytecode
    seconds = []
    for _ in range(runs + 1):
        out = subprocess.run([str(command), "--db", str(office)], capture_output=True,
                             text=True, env=env, timeout=120)
        found = re.search(r"window shown ([0-9.]+) s", out.stdout)
        if out.returncode != 0 or found is None:
            raise SystemExit(f"{command} did not report its window:\n{out.stderr[-2000:]}")
        seconds.append(float(found.group(1)))
    return seconds[1:]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--no-build", action="store_true", help="measure dist/TierDesk as it is")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--customers", type=int, default=3000)
    args = parser.parse_args()
    installed = Path(sys.executable).parent / "tierdesk"
    if not installed.exists():
        raise SystemExit(f"{installed} is missing: pip install -e . into this environment")
    before = load()
    build_s = None
    if not args.no_build:
        started = time.perf_counter()
        subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py")], check=True,
                       cwd=ROOT, capture_output=True)
        build_s = time.perf_counter() - started
    frozen = BUNDLE / ("tierdesk.exe" if sys.platform == "win32" else "tierdesk")
    if not frozen.exists():
        raise SystemExit(f"{frozen} is missing: run packaging/build.py first")
    office = demo_office(args.customers, installed)
    frozen_s = start_up(frozen, office, args.runs)
    installed_s = start_up(installed, office, args.runs)
    files_mb, disk_mb = size_on_disk(BUNDLE)
    frozen_median, installed_median = statistics.median(frozen_s), statistics.median(installed_s)

    print(f"TierDesk bundle benchmark: {BUNDLE.relative_to(ROOT)}, demo office of "
          f"{args.customers:,} customers")
    print(f"machine: {os.cpu_count()} cores; {before} (before), {load()} (after)")
    print(f"(start: median of {args.runs} fresh processes after a warm-up, offscreen)")
    print(f"{'measure':44} {'measured':>10} {'target':>10}")
    print(f"{'size of the folder on disk (in files)':44} {files_mb:>8.0f}MB {SIZE_AIM_MB:>8}MB"
          f"  {'ok' if disk_mb <= SIZE_AIM_MB else 'OVER'}  (disk blocks {disk_mb:.0f} MB)")
    spread = ", ".join(f"{s:.2f}" for s in frozen_s)
    print(f"{'start to the window, frozen':44} {frozen_median:>9.2f}s {installed_median:>9.2f}s"
          f"  {'ok' if frozen_median <= installed_median * 1.05 else 'OVER'}  ({spread})")
    spread = ", ".join(f"{s:.2f}" for s in installed_s)
    print(f"{'start to the window, installed package':44} {installed_median:>9.2f}s "
          f"{'-':>10}        ({spread})")
    if build_s is not None:
        print(f"{'build time (clean freezer cache)':44} {build_s:>9.0f}s {'-':>10}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
