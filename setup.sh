#!/usr/bin/env bash
# Create .venv at the repo root and install linviz into it (editable, with the test tools).
# With --system (as root on Debian) it first installs the libraries Qt needs (and
# desktop-file-utils, which tests/test_desktop.py checks linviz's menu entry with).
set -euo pipefail
cd "$(dirname "$0")"
if [[ "${1:-}" == "--system" ]]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends \
        libgl1 libegl1 libxkbcommon0 libfontconfig1 libfreetype6 libglib2.0-0 libdbus-1-3 libx11-6 \
        fonts-dejavu-core libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-randr0 \
        libxcb-render-util0 libxcb-shape0 libxcb-xfixes0 libxcb-xkb1 libxkbcommon-x11-0 libx11-xcb1 \
        desktop-file-utils >/dev/null
fi
PYTHON="${PYTHON:-python3}"
[[ -x .venv/bin/python ]] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[test]"
# compile the training loop once now, so the app's first start does not (Numba caches it)
.venv/bin/python -c "from linviz.engine.training import warm_up; warm_up()"
echo "linviz is installed in .venv — start it with .venv/bin/linviz"
