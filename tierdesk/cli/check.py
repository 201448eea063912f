"""``tierdesk check [--repair]``: check the archive, and repair what can be repaired.

Exit 0 when nothing wrong remains, EXIT_PROBLEMS when something does (repaired or not, the
report says what and which)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from tierdesk.cli.common import open_archive, terminal_progress

if TYPE_CHECKING:
    from tierdesk.core.store.check import CheckReport, Finding

EXIT_PROBLEMS = 3       # the check found something wrong that remains


def add_parsers(sub: Any) -> None:
    check = sub.add_parser(
        "check", help="check the archive: the file, card numbering, search keys, totals, the "
                      "change journal; exit 3 when something is wrong")
    check.add_argument("--repair", action="store_true",
                       help="repair what can be repaired (in one transaction), then check "
                            "again")


def cmd_check(args: argparse.Namespace, location: str | None) -> int:
    archive = open_archive(location)
    damage = archive.check.damage()
    progress = terminal_progress("checks")
    if args.repair and damage is None:
        report = archive.check.repair(progress)
    else:
        report = archive.check.run(progress)
    print_report(archive.office.location, report)
    if args.repair and damage is not None:
        print(f"tierdesk: nothing was repaired: {damage}", file=sys.stderr)
    elif not args.repair and report.repairable:
        print("To repair what can be repaired: tierdesk check --repair")
    return 0 if report.healthy else EXIT_PROBLEMS


def print_report(where: str, report: CheckReport) -> None:
    problems = len(report.remaining)
    print(f"Checked {where}: {report.checked} checks, "
          + ("nothing wrong found." if not report.findings else
             f"{len(report.findings)} found wrong, {problems} remaining."))
    for message in report.skipped:
        print(f"  Not checked: {message}")
    for finding in report.findings:
        _print_finding(finding)


def _print_finding(finding: Finding) -> None:
    mark = "repaired" if finding.repaired else "problem"
    print(f"  [{mark}] {finding.title}: {finding.what}")
    if finding.named:
        more = finding.count - len(finding.named)
        print("      " + ", ".join(finding.named) + (f" and {more:,} more" if more > 0 else ""))
    if finding.repaired:
        return
    if finding.repair is not None:
        print(f"      can be repaired: {finding.repair}")
    elif finding.advice is not None:
        print(f"      cannot be repaired here: {finding.advice}")


COMMANDS = {"check": cmd_check}
