"""Benchmark of the customer archive on a demo office of 150,000 customers.

    python tests/perf/bench_archive.py [--customers 150000] [--rounds 20] [--runs 3]

Builds the demo office once (cached in tests/perf/.cache/), then starts the real window in a
fresh process, as a salesperson whose choice on the Today tab is remembered, and measures,
side by side with the targets of the archive issue:
- start until Today's list is filled for that salesperson (the first tab; from process
  creation to its lines painted), then until the customer list is usable once its tab is
  chosen (its first rows painted), and the switch alone;
- search: list updated per keystroke (median), typing name part, phone part, number, initials;
- opening a card; saving a visit (the service alone, and with the window's refresh);
- resident memory of the GUI process.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
# Measure the copy of TierDesk this file belongs to, not whichever one is installed.
sys.path.insert(0, str(HERE.parent.parent))
CACHE = HERE / ".cache"
TARGETS: dict[str, tuple[str, float | None, str]] = {
    "start_to_today_s": ("start to Today's list filled (remembered salesperson)", 1.5, "s"),
    "list_tab_ms": ("then the list tab chosen until its rows show (no target set)", None, "ms"),
    "start_to_list_s": ("start to a usable customer list (after Today)", 1.5, "s"),
    "start_to_search_s": ("start to search ready (index read; no target set)", None, "s"),
    "search_name_ms": ("search, name part (median per keystroke)", 50, "ms"),
    "search_phone_ms": ("search, phone part (median per keystroke)", 50, "ms"),
    "search_number_ms": ("search, customer number (median per keystroke)", 50, "ms"),
    "search_initials_ms": ("search, pinyin initials (median per keystroke)", 50, "ms"),
    "open_card_ms": ("open a card (median)", 100, "ms"),
    "save_visit_ms": ("save a visit, service (median)", 50, "ms"),
    "save_visit_gui_ms": ("save a visit, with window refresh (median)", 50, "ms"),
    "rss_mb": ("resident memory of the GUI process", 400, "MB"),
}


def machine_speed() -> str:
    """A line telling how quick the machine is at the moment: the best of three sums of 30
    million integers (a virtual machine's speed drifts, and others may be using it; read the
    figures against it), and the kernel's BogoMIPS where it tells them."""
    best = min(_summed() for _ in range(3))
    bogomips = ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            bogomips = next((", BogoMIPS " + line.split(":")[1].strip() for line in info
                             if line.lower().startswith("bogomips")), "")
    except OSError:
        pass
    try:
        load = ", load average {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())
    except OSError:
        load = ""
    return f"machine speed: sum(range(30_000_000)) in {best:.2f} s, best of 3{bogomips}{load}"


def _summed() -> float:
    start = time.perf_counter()
    sum(range(30_000_000))
    return time.perf_counter() - start


def build_office(customers: int) -> Path:
    from tierdesk.core.demo import build_demo
    from tierdesk.core.store.db import SCHEMA_HEAD, open_database

    CACHE.mkdir(exist_ok=True)
    # Built anew for each schema: an office migrated up from an older one lacks what the
    # demo now fills (follow-ups, holidays, surveys).
    path = CACHE / f"office-{customers}-{SCHEMA_HEAD}.sqlite"
    if path.exists():
        return path
    partial = path.with_suffix(".partial")
    for leftover in CACHE.glob(partial.name + "*"):
        leftover.unlink()
    start = time.perf_counter()
    db = open_database(partial)
    summary = build_demo(db, customers=customers, seed=7,
                         progress=lambda d, t, _w: print(f"\r  building demo office: {d:,}/{t:,}",
                                                          end="", file=sys.stderr) or True)
    db.close()
    partial.rename(path)
    print(f"\n  built in {time.perf_counter() - start:.0f} s: {summary}", file=sys.stderr)
    return path


def working_copy(customers: int):  # type: ignore[no-untyped-def]
    """The cached office copied to a fresh folder (so the cache stays as built), opened;
    returns the database and the folder, which the caller removes."""
    from tierdesk.core.store.db import open_database

    source = build_office(customers)
    work = Path(tempfile.mkdtemp())
    copy = work / "office.sqlite"
    shutil.copyfile(source, copy)
    return open_database(copy, backup_dir=work / "backups"), work


def gui_probe(db_path: str, rounds: int, spawned_at: float,
              salesperson: str) -> dict[str, float]:
    """Runs in a fresh process: start the window as the app does and measure it.
    ``spawned_at`` is the parent's clock (time.time()) just before it started this process;
    ``salesperson``: the id (hex) remembered as the Today tab's choice."""
    import psutil

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings

    from tierdesk.app import AppController, make_application
    from tierdesk.core.customers.cards import VisitInput
    from tierdesk.ui.today_panel import SETTING

    app = make_application()
    settings = QSettings(str(CACHE / "probe.ini"), QSettings.Format.IniFormat)
    settings.setValue(SETTING, salesperson)
    settings.setValue("ui/language", "en")
    settings.setValue("machine/person", "测速")    # chosen at an earlier start
    # As the program starts (AppController is what `tierdesk` runs): Today's list is read
    # ahead while the window loads, the customer list pages from the database, the search
    # index is read in another worker.
    controller = AppController(app, settings)
    assert controller.open(db_path, remember=False), "the office did not open"
    window = controller.window
    assert window is not None
    assert window.left_tabs.currentWidget() is window.today, "Today is not the first tab"
    assert window.today.salesperson_id() is not None, "the salesperson was not remembered"
    while window.today.listing is None:
        app.processEvents()
        time.sleep(0.002)
    assert window.today.listing.salesperson_id == window.today.salesperson_id()
    assert window.today.tree.topLevelItemCount() > 0, "Today's list is empty"
    window.today.tree.viewport().grab()  # its lines are painted
    figures = {"start_to_today_s": time.time() - spawned_at}
    switched = time.perf_counter()
    window.left_tabs.setCurrentIndex(window.left_tabs.indexOf(window.view.parentWidget()))
    app.processEvents()
    assert window.view.isVisible() and window.model.rowCount() > 0
    window.view.viewport().grab()  # the first rows are painted
    figures["list_tab_ms"] = (time.perf_counter() - switched) * 1000
    figures["start_to_list_s"] = time.time() - spawned_at
    while window.model.previewing:
        app.processEvents()
        time.sleep(0.002)
    figures["start_to_search_s"] = time.time() - spawned_at

    paints = PaintCounter()
    window.view.viewport().installEventFilter(paints)

    def keystrokes(text: str) -> list[float]:
        window.search.clear()
        app.processEvents()
        times = []
        for end in range(1, len(text) + 1):
            paints.count = 0
            start = time.perf_counter()
            window.search.setText(text[:end])
            app.processEvents()  # the filter runs and the list repaints, as in the event loop
            times.append((time.perf_counter() - start) * 1000)
            assert paints.count >= 1, "the list was not repainted within the measured step"
        return times

    rng = random.Random(3)
    listing = window.customers
    customers = window.archive.customers
    sample = [customers.customer(listing.customer_id(rng.randrange(len(listing.ids))))
              for _ in range(rounds)]
    for key, pick in (("search_name_ms", lambda f: f.name[2:6]),
                      ("search_phone_ms", lambda f: f.mobile[3:9]),
                      ("search_number_ms", lambda f: f.number),
                      ("search_initials_ms", lambda f: _initials(f.name))):
        times = [t for facts in sample[:8] for t in keystrokes(pick(facts))]
        figures[key] = statistics.median(times)
    window.search.clear()
    app.processEvents()

    opens = []
    for facts in sample:
        start = time.perf_counter()
        window.select_customer(facts.id)
        app.processEvents()
        opens.append((time.perf_counter() - start) * 1000)
    figures["open_card_ms"] = statistics.median(opens)

    saves = []
    for index, facts in enumerate(sample):
        start = time.perf_counter()
        window.archive.customers.add_visit(facts.id,
                                           VisitInput(visit_date=time.strftime("%Y-%m-%d"),
                                                      channel="phone", purpose=f"测速 {index}"))
        saves.append((time.perf_counter() - start) * 1000)
    figures["save_visit_ms"] = statistics.median(saves)

    gui_saves = []
    for index, facts in enumerate(sample):
        window.select_customer(facts.id)
        app.processEvents()
        window.panel.start_visit_entry()
        window.panel.entry.ui.purpose.setText(f"界面测速 {index}")
        start = time.perf_counter()
        assert window.panel.entry.save() is not None
        app.processEvents()
        gui_saves.append((time.perf_counter() - start) * 1000)
    figures["save_visit_gui_ms"] = statistics.median(gui_saves)
    figures["rss_mb"] = psutil.Process().memory_info().rss / 2**20
    window.close()
    window.archive.database.close()
    return figures


def busiest_salesperson(office: Path) -> str:
    """The id (hex) of the active salesperson with the most customers: whose day is read."""
    from sqlalchemy import func, select

    from tierdesk.core.store.db import open_database
    from tierdesk.core.store.models import Customer, Salesperson

    db = open_database(office)
    try:
        with db.read() as session:
            chosen = session.scalar(
                select(Salesperson.id).join(Customer, Customer.salesperson_id == Salesperson.id)
                .where(Salesperson.active.is_(True)).group_by(Salesperson.id)
                .order_by(func.count().desc()).limit(1))
    finally:
        db.close()
    assert chosen is not None, "the office has no salesperson with customers"
    return str(chosen.hex)


def PaintCounter():
    from PySide6.QtCore import QEvent, QObject

    class Counter(QObject):
        count = 0

        def eventFilter(self, _watched, event):
            if event.type() == QEvent.Type.Paint:
                self.count += 1
            return False

    return Counter()


def _initials(name: str) -> str:
    from tierdesk.core.customers.search_key import pinyin_forms

    return pinyin_forms(name)[1][:4]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--customers", type=int, default=150_000)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--runs", type=int, default=3,
                        help="fresh processes measured after the warm-up (median shown)")
    parser.add_argument("--gui-probe", metavar="DB", help=argparse.SUPPRESS)
    parser.add_argument("--spawned-at", type=float, default=0.0, help=argparse.SUPPRESS)
    parser.add_argument("--salesperson", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.gui_probe:
        print(json.dumps(gui_probe(args.gui_probe, args.rounds, args.spawned_at or time.time(),
                                   args.salesperson)), flush=True)
        os._exit(0)  # the figures are out; skip tearing down thousands of Qt objects
    office = build_office(args.customers)
    work = CACHE / "bench-copy.sqlite"
    for leftover in CACHE.glob("bench-copy.sqlite*"):
        leftover.unlink()
    import shutil

    shutil.copyfile(office, work)  # the probe writes visits; the cached office stays clean
    import sqlite3

    conn = sqlite3.connect(office)
    visits = conn.execute("SELECT count(*) FROM visit").fetchone()[0]
    customers = conn.execute("SELECT count(*) FROM customer").fetchone()[0]
    conn.close()
    salesperson = busiest_salesperson(office)
    speed_before = machine_speed()
    # An installed TierDesk starts from compiled bytecode: let the probe write it (this
    # environment may forbid it), and throw the first run away as the warm-up.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    runs = []
    for _ in range(args.runs + 1):  # start-up is noisy: fresh processes after a warm-up
        out = subprocess.run([sys.executable, __file__, "--gui-probe", str(work), "--rounds",
                              str(args.rounds), "--salesperson", salesperson,
                              "--spawned-at", repr(time.time())],
                             capture_output=True, text=True, env=env)
        if out.returncode != 0:
            print(out.stderr[-3000:], file=sys.stderr)
            raise SystemExit(f"the probe failed with exit code {out.returncode}")
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    runs = runs[1:]
    figures = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
    print(f"TierDesk archive benchmark: {customers:,} customers, {visits:,} visits")
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, {platform.system()} {platform.release()}")
    print(f"{speed_before} (before); {machine_speed()} (after)")
    print(f"(median of {len(runs)} fresh processes after a warm-up run; bytecode cached as in "
          "an installed copy; Today's list is the busiest salesperson's)")
    print(f"{'measure':52} {'measured':>10} {'target':>10}  (targets: the archive issue)")
    for key, (label, target, unit) in TARGETS.items():
        value = figures[key]
        shown = f"{value:>8.{2 if unit == 's' else 1}f}{unit:>2}"
        spread = ", ".join(f"{run[key]:.{2 if unit == 's' else 1}f}" for run in runs)
        if target is None:
            print(f"{label:52} {shown} {'-':>10}        ({spread})")
        else:
            verdict = "ok" if value <= target else "OVER"
            print(f"{label:52} {shown} {target:>8}{unit:>2}  {verdict:4}  ({spread})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
