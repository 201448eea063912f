"""``tierdesk <command>``: the archive from the command line, through the same services
and the same write gate as the window. One module per group of commands; each adds its
parsers and names its commands; every error ends here, as one line and an exit code."""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Callable, Sequence
from typing import Any

from tierdesk import __version__
from tierdesk.cli import (
    backups,
    check,
    customers,
    encryption,
    files,
    office,
    planning,
    sync,
    trash,
)
from tierdesk.cli.common import (
    EXIT_FAULT,
    EXIT_REFUSED,
    EXIT_STOPPED,
    EXIT_USAGE,
    PrintableOutput,
    terminal_progress,
    writing_as,
)
from tierdesk.core.errors import TierDeskError, ValidationError
from tierdesk.core.store.failures import file_failure

__all__ = ["EXIT_FAULT", "EXIT_REFUSED", "EXIT_STOPPED", "EXIT_USAGE", "main",
           "terminal_progress"]

_GROUPS = (office, customers, files, planning, sync, trash, backups, check, encryption)
_COMMANDS: dict[str, Callable[[argparse.Namespace, str | None], int]] = {
    name: command for group in _GROUPS for name, command in group.COMMANDS.items()}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tierdesk",
        description="TierDesk customer archive. Without a command, the window opens.")
    parser.add_argument("--db", metavar="PATH",
                        help="database file or URL (default: $TIERDESK_DB, else your data folder)")
    parser.add_argument("--as", dest="as_person", metavar="CODE",
                        help="who is writing: a salesperson's code, or a name (default: "
                             "$TIERDESK_USER, else your login name); kept in the history")
    parser.add_argument("--self-test", action="store_true",
                        help="check that this installation works (a temporary archive, a card "
                             "PDF and a chart with Chinese text, a workbook) and exit")
    parser.add_argument("--version", action="version", version=f"TierDesk {__version__}")
    parser.add_argument("--transfer", metavar="FILE",
                        help="open the window and apply this transfer file (.tdx)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for group in _GROUPS:
        group.add_parsers(sub)
    _after_the_command(sub)
    return parser


def _after_the_command(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """--db and --as are taken after the command too (and after a tiers action)."""
    for command in sub.choices.values():
        nested = [action for action in command._actions
                  if isinstance(action, argparse._SubParsersAction)]
        for inner in nested:
            _after_the_command(inner)
        if not nested:
            command.add_argument("--db", dest="sub_db", metavar="PATH", help=argparse.SUPPRESS)
            command.add_argument("--as", dest="sub_as", metavar="CODE", help=argparse.SUPPRESS)


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0) and EXIT_USAGE
    if args.self_test:
        from tierdesk.cli.self_test import run_self_test

        return run_self_test()
    location = getattr(args, "sub_db", None) or args.db
    writing_as(getattr(args, "sub_as", None) or args.as_person)
    if args.command is None:
        from tierdesk.app import run_gui

        return run_gui(location, args.transfer)
    shown, unraisable = sys.stdout, sys.unraisablehook
    sys.stdout = PrintableOutput(shown)  # type: ignore[assignment]
    sys.unraisablehook = _log_unraisable
    try:
        code = _COMMANDS[args.command](args, location)
        sys.stdout.flush()   # a closed pipe shows here, not as the interpreter ends
        return code
    except BrokenPipeError:  # `tierdesk kpi | head`: the reader had enough
        _discard_output()
        return 0
    except ValidationError as exc:
        for problem in exc.problems:
            print(f"tierdesk: {problem.field}: {problem.message}", file=sys.stderr)
        return EXIT_REFUSED
    except TierDeskError as exc:
        print(f"tierdesk: {exc.message}", file=sys.stderr)
        return EXIT_REFUSED
    except (ValueError, InterruptedError, OSError) as exc:
        said = file_failure(exc) if isinstance(exc, OSError) else None   # a full disk...
        print(f"tierdesk: {said.message if said is not None else exc}", file=sys.stderr)
        return EXIT_REFUSED
    except KeyboardInterrupt:     # Ctrl+C: what was under way is rolled back
        print(("\n" if sys.stderr.isatty() else "") + "tierdesk: stopped before it was done.",
              file=sys.stderr)
        return EXIT_STOPPED
    except Exception as exc:      # a fault of the program: one line here, the rest in the log
        return _report_fault(args.command, exc)
    finally:
        sys.stdout = shown
        gc.collect()    # a half-written file dropped with its error closes now, into the log
        sys.unraisablehook = unraisable


def _log_unraisable(unraisable: Any) -> None:
    """An error Python can only report (a half-written file failing again as it is cleaned
    up, after a full disk) goes to the log: the command has said in one line what failed."""
    from tierdesk.core import logbook

    logbook.start_logging()
    logbook.logger("cli").warning(
        "%s: %s", unraisable.err_msg or "Exception ignored", unraisable.object,
        exc_info=(unraisable.exc_type, unraisable.exc_value, unraisable.exc_traceback))


def _report_fault(command: str, exc: Exception) -> int:
    from tierdesk.core import logbook

    written = logbook.start_logging()
    logbook.logger("cli").error("tierdesk %s failed", command, exc_info=exc)
    where = (f" The details are in {written}." if written is not None
             else " The log folder could not be written, so no details were kept.")
    print(f"tierdesk: {command} failed with an unexpected error ({type(exc).__name__}: "
          f"{exc}).{where}", file=sys.stderr)
    return EXIT_FAULT


def _discard_output() -> None:
    """Send what is still buffered for the closed pipe nowhere, so the interpreter does not
    report it as it ends."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
