"""The frozen program's first module: what the ``tierdesk`` command runs when installed."""

import os

from platformdirs import user_cache_dir

# The freezer points matplotlib at a fresh settings folder at every start, so the first chart
# of each start would list every font on the machine again; a folder of TierDesk's own keeps
# that list between starts (matplotlib makes it anew when a font it names has gone).
os.environ["MPLCONFIGDIR"] = os.path.join(user_cache_dir("TierDesk", appauthor=False),
                                          "matplotlib")

from tierdesk.__main__ import main

main()
