"""Open linviz: ``python main.py`` (the same as the ``linviz`` command, subcommands included)."""

import sys

from linviz.cli import main

if __name__ == "__main__":
    sys.exit(main())
