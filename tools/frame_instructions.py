"""Instructions per playback (or drag) frame, counted by Valgrind: a speed figure that a noisy
shared machine does not move, for judging a change before and after.

    .venv/bin/python tools/frame_instructions.py            # playback, 100 frames (~3 minutes)
    .venv/bin/python tools/frame_instructions.py --frames 50 --figure drag

Runs the window of ``linviz bench`` (``linviz.bench_ui``) under ``valgrind --tool=cachegrind``
twice — after the same start and warm-up, 0 frames and then N — and prints the difference
over N. Needs ``valgrind`` (``apt-get install valgrind``); not part of the test suite. The
playback count runs without Numba (``LINVIZ_JIT=0``: playback does not train, and loading
Numba's machine code under Valgrind takes minutes); the drag figure needs it.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

WARMUP = 10
FRAMES = """
import os, sys
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from threadpoolctl import threadpool_limits
threadpool_limits(1)
from linviz import bench_ui
frame, _baseline, _close = getattr(bench_ui, sys.argv[1])()
for _ in range({warmup} + int(sys.argv[2])):
    frame()
os._exit(0)  # no teardown in the count
"""


def count(figure: str, frames: int, jit: bool) -> int:
    """Instructions of a whole run (start, warm-up and ``frames`` frames) of ``figure``."""
    with tempfile.TemporaryDirectory() as tmp:
        script, out = os.path.join(tmp, "frames.py"), os.path.join(tmp, "cachegrind.out")
        with open(script, "w") as f:
            f.write(FRAMES.format(warmup=WARMUP))
        env = dict(os.environ, LINVIZ_JIT="1" if jit else "0")
        done = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", f"--cachegrind-out-file={out}",
                               sys.executable, script, figure, str(frames)], env=env, capture_output=True, text=True)
        found = re.search(r"I\s+refs:\s+([\d,]+)", done.stderr)
        if done.returncode != 0 or found is None:
            sys.exit(f"valgrind failed:\n{done.stderr[-2000:]}")
        return int(found.group(1).replace(",", ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--figure", choices=("playback", "drag"), default="playback")
    parser.add_argument("--frames", type=int, default=100)
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit("valgrind is not installed (apt-get install valgrind)")
    figure = "_playback_frame" if args.figure == "playback" else "_drag_frame"
    jit = args.figure == "drag"
    start, whole = count(figure, 0, jit), count(figure, args.frames, jit)
    print(f"{args.figure}: {(whole - start) / args.frames / 1e6:.2f} million instructions a frame "
          f"({args.frames} frames; start-up {start / 1e9:.2f} billion)")


if __name__ == "__main__":
    main()
