"""``python -m linviz``: the same as the ``linviz`` command (the desktop entry's fallback)."""

import sys

from linviz.cli import main

sys.exit(main())
