"""Benchmark: how long the window stops answering during each daily action, at 150,000
customers.

    python tests/perf/bench_stalls.py [--customers 150000] [--rounds 5]

Starts the real window (as `tierdesk` does) on a copy of the cached demo office of
tests/perf/bench_archive.py, waits until it has settled (Today's list, the search index), then
runs each daily action the way its button does, several times, with a heartbeat: a timer
firing every 2 ms on the GUI thread. The longest gap between two beats, while the action runs
and until the views it touched have settled, is the action's stall: the time a person could
not type, scroll or click. Target of the write-gate issue: at most 100 ms for each.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
sys.path.insert(0, str(HERE))

TARGET_MS = 100.0
ACTIONS = {
    "save_visit": "save a visit on the card",
    "log_and_done": "Today: log it and mark done",
    "no_answer": "Today: no answer",
    "postpone": "Today: postpone",
    "complaint_status": "change a complaint's status",
    "acknowledge_alert": "acknowledge an alert",
    "edit_customer": "edit a customer",
    "hand_over_one": "hand over one customer",
}


def probe(db_path: str, rounds: int, salesperson: str) -> dict[str, list[float]]:
    """In a fresh process: the window, and each action's worst stall per round (ms)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import datetime as dt
    import uuid

    from bench_archive import CACHE
    from PySide6.QtCore import QElapsedTimer, QSettings, QTimer

    from tests.helpers import fill_and_save
    from tierdesk.app import AppController, make_application
    from tierdesk.ui.today_panel import SETTING

    app = make_application()
    settings = QSettings(str(CACHE / "stalls.ini"), QSettings.Format.IniFormat)
    settings.setValue(SETTING, salesperson)
    settings.setValue("ui/language", "en")
    settings.setValue("machine/person", "测速")
    controller = AppController(app, settings)
    assert controller.open(db_path, remember=False)
    window = controller.window
    assert window is not None
    archive = window.archive

    def settle(until=lambda: True, quiet_ms: int = 300, most_s: float = 60.0) -> None:
        """Process events until ``until()`` holds and nothing has run for a while."""
        start = time.perf_counter()
        while not until():
            app.processEvents()
            time.sleep(0.001)
            if time.perf_counter() - start > most_s:
                raise SystemExit("the window did not settle")
        calm = time.perf_counter()
        while (time.perf_counter() - calm) * 1000 < quiet_ms:
            app.processEvents()
            time.sleep(0.001)

    settle(lambda: window.today.listing is not None and not window.model.previewing)

    class Heartbeat:
        def __init__(self) -> None:
            self.timer = QTimer()
            self.timer.setInterval(2)
            self.clock = QElapsedTimer()
            self.worst = 0.0
            self.timer.timeout.connect(self.beat)

        def start(self) -> None:
            self.worst = 0.0
            self.clock.start()
            self.timer.start()

        def beat(self) -> None:
            self.worst = max(self.worst, self.clock.nsecsElapsed() / 1e6)
            self.clock.restart()

        def stop(self) -> float:
            self.beat()            # what ran since the last beat counts too
            self.timer.stop()
            return self.worst

    heart = Heartbeat()
    stalls: dict[str, list[float]] = {key: [] for key in ACTIONS}

    def measure(key: str, action, until=lambda: True) -> None:  # type: ignore[no-untyped-def]
        settle()
        heart.start()
        app.processEvents()
        action()
        settle(until)
        stalls[key].append(heart.stop())

    def today_read() -> object:
        return window.today.listing

    from tierdesk.ui.fields_dialog import FieldsDialog

    for index in range(rounds):
        customers = [line.customer_id for line in window.today.listing.lines]
        # Save a visit on the open card.
        window.select_customer(customers[index])
        settle()
        window.panel.start_visit_entry()
        window.panel.entry.ui.purpose.setText(f"测速 {index}")
        measure("save_visit", lambda: window.panel.entry.save())
        # Today: log it and mark done; no answer; postpone.
        for key, button, values in (
                ("log_and_done", window.today.done_button,
                 [{"purpose": "回访", "outcome": f"测速 {index}"}]),
                ("no_answer", window.today.no_answer_button, []),
                ("postpone", window.today.postpone_button,
                 [{"to": dt.date.today() + dt.timedelta(days=5), "note": ""}])):
            line = next(line for line in window.today.listing.lines
                        if line.task_id is not None and line.section != "coming")
            window.today.select_line(line.number, line.section)
            settle()
            _cls, fake = fill_and_save(values)
            FieldsDialog.exec = fake  # type: ignore[method-assign]
            before = window.today.listing
            measure(key, button.click, lambda b=before: window.today.listing is not b)
        # A complaint's status, an alert acknowledged, a customer's facts, a hand-over.
        # A complaint received (not measured), then taken into investigation (measured).
        complaint = archive.service.record_complaint(customers[index],
                                                     received_at=dt.datetime.now(),
                                             description=f"测速投诉 {index}")
        measure("complaint_status",
                lambda c=complaint: archive.service.advance_complaint(c, "investigating",
                                                              at=dt.datetime.now()))
        measure("acknowledge_alert",
                lambda: archive.planning.acknowledge_alert(f"bench:{uuid.uuid4().hex}", "测速"))
        target = customers[-1 - index]
        data = archive.customers.customer(target).to_input()
        data.notes = f"测速 {index}"
        measure("edit_customer", lambda t=target, d=data: archive.customers.update_customer(t, d))
        people = [p.id for p in archive.office.salespeople(include_inactive=False,
                                                           with_counts=False)]
        data = archive.customers.customer(target).to_input()
        data.salesperson_id = next(p for p in people if p != data.salesperson_id)
        measure("hand_over_one", lambda t=target, d=data: archive.customers.update_customer(t, d))
    window.close()
    return stalls


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--customers", type=int, default=150_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--probe", metavar="DB", help=argparse.SUPPRESS)
    parser.add_argument("--salesperson", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.probe:
        print(json.dumps(probe(args.probe, args.rounds, args.salesperson)), flush=True)
        os._exit(0)
    import shutil

    from bench_archive import CACHE, build_office, busiest_salesperson, machine_speed

    office = build_office(args.customers)
    work = CACHE / "stalls-copy.sqlite"
    for leftover in CACHE.glob("stalls-copy.sqlite*"):
        leftover.unlink()
    shutil.copyfile(office, work)
    salesperson = busiest_salesperson(office)
    before = machine_speed()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    out = subprocess.run([sys.executable, __file__, "--probe", str(work), "--rounds",
                          str(args.rounds), "--salesperson", salesperson],
                         capture_output=True, text=True, env=env)
    for leftover in CACHE.glob("stalls-copy.sqlite*"):
        leftover.unlink()
    if out.returncode != 0:
        print(out.stderr[-3000:], file=sys.stderr)
        raise SystemExit(f"the probe failed with exit code {out.returncode}")
    stalls = json.loads(out.stdout.strip().splitlines()[-1])
    print(f"TierDesk stall benchmark: {args.customers:,} customers, {args.rounds} rounds")
    print(f"{before} (before); {machine_speed()} (after)")
    print(f"{'action':40} {'worst stall':>12} {'target':>8}  (each round)")
    for key, label in ACTIONS.items():
        values = stalls.get(key) or []
        if not values:
            print(f"{label:40} {'not run':>12}")
            continue
        worst = max(values)
        verdict = "ok" if worst <= TARGET_MS else "OVER"
        spread = ", ".join(f"{v:.0f}" for v in values)
        print(f"{label:40} {worst:>10.0f}ms {TARGET_MS:>6.0f}ms  {verdict:4}  ({spread})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
