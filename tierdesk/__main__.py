"""Entry point: ``tierdesk`` opens the window; ``tierdesk <command>`` runs the command line."""

from __future__ import annotations

import sys


def main() -> None:
    from tierdesk.cli import main as cli_main

    sys.exit(cli_main(sys.argv[1:]))


if __name__ == "__main__":
    main()
