"""Hunt crashes with the random-action test: many seeds, each in its own process.

    .venv/bin/python tools/crash_hunt.py --seeds 901-920 --actions 1000      # the hunt before a UI issue closes
    .venv/bin/python tools/crash_hunt.py --seeds 901-920 --jobs 2             # two seeds at a time
    .venv/bin/python tools/crash_hunt.py --seeds 902 --actions 1000 --replay  # one seed, its output live

Each seed runs ``tests/ui/test_a_random_actions.py::test_random_actions_keep_every_view_on_the_current_step``
in a fresh ``python -X faulthandler -m pytest`` with ``LINVIZ_MONKEY_SEEDS=<seed>`` and
``LINVIZ_MONKEY_ACTIONS=<M>``; the monkey appends every action to a trace file as it happens
(``LINVIZ_MONKEY_TRACE``), so a segmentation fault — which kills the process before pytest can
print its ACTION LOG — is still reported with its seed and its last actions. A seed ends as

- ``pass``: every action ran and every check held (no exception in a slot, no Qt or Python
  warning, every view on the current step);
- ``fail``: the test's own check failed (pytest's message names the action and the problem);
- ``crash``: the process died (a signal, or ``Fatal Python error`` in its output);
- ``timeout``: the seed ran longer than ``--timeout`` seconds.

The summary prints one line a seed and the totals; the exit status is 1 when any seed did not
pass. Logs and traces stay in ``--out`` (default: a new folder under the system's temp folder).
Not part of the test suite: CI runs the test's own few seeds of 500 actions.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEST = "tests/ui/test_a_random_actions.py::test_random_actions_keep_every_view_on_the_current_step"
LAST_ACTIONS = 12
"""How many of a crashed seed's last actions the summary prints."""


@dataclass
class SeedResult:
    seed: int
    outcome: str  # pass, fail, crash, timeout
    seconds: float
    actions_done: int
    detail: str
    log: Path
    trace: Path


def parse_seeds(text: str) -> list[int]:
    """``"901-920"``, ``"5,7,11"`` or a mix (``"1-3,9"``) → the list of seeds, in order."""
    seeds: list[int] = []
    for part in text.split(","):
        part = part.strip()
        if not part:
            continue
        if "-" in part[1:]:
            lo, hi = part.split("-", 1)
            seeds.extend(range(int(lo), int(hi) + 1))
        else:
            seeds.append(int(part))
    if not seeds:
        raise argparse.ArgumentTypeError(f"no seeds in {text!r}")
    return seeds


def read_trace(trace: Path) -> list[str]:
    """The actions a seed got to, in order (``"<k>: <action>"`` lines of the monkey's trace)."""
    if not trace.exists():
        return []
    return [line.rstrip("\n") for line in trace.read_text(encoding="utf-8", errors="replace").splitlines()
            if line.strip()]


def classify(returncode: int | None, output: str) -> str:
    """pass / fail / crash / timeout from the child's exit and its output."""
    if returncode is None:
        return "timeout"
    if returncode < 0 or "Fatal Python error" in output or "Segmentation fault" in output:
        return "crash"
    return "pass" if returncode == 0 else "fail"


def failure_detail(output: str) -> str:
    """The line of pytest's failure that names the seed and action (``seed N, action K: …``)."""
    for line in output.splitlines():
        if re.search(r"seed \d+, action \d+:", line):
            return line.strip()
    fatal = [line for line in output.splitlines() if "Fatal Python error" in line or line.startswith("E ")]
    return fatal[0].strip() if fatal else output.strip().splitlines()[-1] if output.strip() else "(no output)"


def child_env(seed: int, actions: int, trace: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(LINVIZ_MONKEY_SEEDS=str(seed), LINVIZ_MONKEY_ACTIONS=str(actions),
               LINVIZ_MONKEY_TRACE=str(trace), QT_QPA_PLATFORM="offscreen", PYTHONFAULTHANDLER="1")
    return env


def command(extra: list[str]) -> list[str]:
    return [sys.executable, "-X", "faulthandler", "-m", "pytest", TEST, "-q", "-p", "no:cacheprovider",
            "-o", "timeout=0", *extra]


def run_seed(seed: int, actions: int, out: Path, timeout: float) -> SeedResult:
    """Run one seed in its own process and read what became of it."""
    log, trace = out / f"seed{seed}.log", out / f"seed{seed}.trace"
    trace.unlink(missing_ok=True)
    start = time.perf_counter()
    with open(log, "w", encoding="utf-8") as sink:
        proc = subprocess.Popen(command([]), cwd=ROOT, env=child_env(seed, actions, trace),
                                stdout=sink, stderr=subprocess.STDOUT)
        try:
            returncode: int | None = proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            returncode = None
    seconds = time.perf_counter() - start
    output = log.read_text(encoding="utf-8", errors="replace")
    outcome = classify(returncode, output)
    done = read_trace(trace)
    detail = "" if outcome == "pass" else failure_detail(output)
    if outcome in ("crash", "timeout"):
        tail = "\n".join(f"      {line}" for line in done[-LAST_ACTIONS:])
        detail = f"{detail}\n    last actions:\n{tail}" if tail else detail
    return SeedResult(seed, outcome, seconds, len(done), detail, log, trace)


def replay(seed: int, actions: int, out: Path) -> int:
    """One seed in the foreground, its output on the terminal (``-s``: the monkey's report too)."""
    trace = out / f"seed{seed}.trace"
    trace.unlink(missing_ok=True)
    env = child_env(seed, actions, trace)
    env["LINVIZ_MONKEY_REPORT"] = "1"
    code = subprocess.call(command(["-s"]), cwd=ROOT, env=env)
    print(f"\nseed {seed}: exit {code}; its actions are in {trace}")
    return code


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=parse_seeds, default=parse_seeds("901-920"),
                        help="seeds, e.g. 901-920 or 5,7,11 (default 901-920)")
    parser.add_argument("--actions", type=int, default=1000, help="actions per seed (default 1000)")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds a seed may run (default 1800)")
    parser.add_argument("--out", type=Path, default=None, help="folder for the logs and traces")
    parser.add_argument("--jobs", type=int, default=1, help="seeds run at the same time (default 1)")
    parser.add_argument("--replay", action="store_true", help="run the (first) seed in the foreground")
    args = parser.parse_args(argv)
    out = args.out or Path(tempfile.mkdtemp(prefix="linviz-hunt-"))
    out.mkdir(parents=True, exist_ok=True)
    if args.replay:
        return replay(args.seeds[0], args.actions, out)
    print(f"{len(args.seeds)} seeds × {args.actions} actions, one process each; logs in {out}", flush=True)
    results = []
    start = time.perf_counter()

    def hunt(seed: int) -> SeedResult:
        return run_seed(seed, args.actions, out, args.timeout)

    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:  # each seed is its own process
        finished = pool.map(hunt, args.seeds)
        for r in finished:
            results.append(r)
            print(f"  seed {r.seed}: {r.outcome:7s} {r.actions_done:5d} actions  {r.seconds:6.0f} s"
                  + (f"\n    {r.detail}" if r.detail else ""), flush=True)
    counts = {k: sum(r.outcome == k for r in results) for k in ("pass", "fail", "crash", "timeout")}
    total = sum(r.actions_done for r in results)
    print(f"{counts['pass']} passed, {counts['fail']} failed, {counts['crash']} crashed, "
          f"{counts['timeout']} timed out; {total} actions in {time.perf_counter() - start:.0f} s")
    return 0 if counts["pass"] == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())
