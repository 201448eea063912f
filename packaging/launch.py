"""The frozen program's first module: what the ``tierdesk`` command runs when installed."""

from tierdesk.__main__ import main

main()
