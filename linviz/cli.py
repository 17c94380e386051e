"""The ``linviz`` command line.

    linviz                      open the app
    linviz explain …            every number of the SVM / Softmax loss for a table of scores
    linviz train …              train on a preset or a points file, print the final figures
    linviz render … --out F.png the main window after training, drawn offscreen to a PNG
    linviz cifar …              train and test on CIFAR-10 images
    linviz bench [--quick]      measure the engine's interactive speed against baselines
    linviz bench cifar          the CIFAR-10 engine against a textbook implementation
    linviz bench soak           100,000 playback frames: the app's memory must not grow
    linviz bench startup        time to the first painted frame, beside a bare Qt window
    linviz install-desktop      a menu entry and icon on the Linux desktop (--uninstall removes them)

Usage errors (bad options, unknown presets, unreadable files, engine
validation failures) print one line ``linviz: error: …`` and exit 2; anything
unexpected prints one line and exits 1 (set LINVIZ_DEBUG=1 for the traceback).

The shared options live in ``cli_options.py``, train and explain in ``cli_train.py``; other
commands reuse :func:`add_training_options`, :func:`config_from_args`,
:func:`load_data` and :func:`split_data` so that they read the same options
the same way as ``train``.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys

from .cli_options import (
    MODELS,
    UsageError,
    _Parser,
    _positive_int,
    add_knn_options,
    add_training_options,
    config_from_args,
    load_data,
    split_data,
    starting_point,
)
from .cli_train import (
    check_finite_start,
    format_train,
    loo_accuracy,
    run_explain,
    run_train,
)
from .engine.knn import KnnSettings
from .engine.losses import SVM_VARIANTS

__all__ = [  # the commands' entry points and the pieces other commands and the tests reuse (one import path)
    "main", "build_parser", "dispatch", "open_app", "run_render", "UsageError", "MODELS", "KnnSettings",
    "add_training_options", "add_knn_options", "config_from_args", "load_data", "split_data", "starting_point",
    "check_finite_start", "loo_accuracy", "run_train", "format_train", "run_explain",
]


# ----------------------------------------------------------------------------- app


def open_app() -> int:
    """Start the desktop app (``linviz.ui.app.run``); 1 with a one-line message if it cannot start."""
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or os.environ.get("QT_QPA_PLATFORM")
    ):
        print("linviz: cannot open the app: no display (set DISPLAY, or use a subcommand; see linviz --help)",
              file=sys.stderr)
        return 1
    try:  # import_module, not `from .ui import app`: a stand-in in sys.modules wins (tests)
        app = importlib.import_module("linviz.ui.app")
    except (ImportError, OSError) as e:
        print(f"linviz: cannot open the app: {e}", file=sys.stderr)
        return 1
    return int(app.run() or 0)


# ----------------------------------------------------------------------------- main


def build_parser() -> argparse.ArgumentParser:
    """The ``linviz`` parser with its subcommands."""
    parser = _Parser(prog="linviz", description="Watch linear classifiers learn. Without a command: open the app.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    ex = sub.add_parser("explain", help="every number of the loss for a table of scores",
                        description="Rows are examples, values their class scores, e.g. "
                        "--scores=3.2,5.1,-1.7;1.3,4.9,2.0 (use = when the first score is negative).")
    ex.add_argument("--loss", choices=("svm", "softmax"), required=True)
    ex.add_argument("--scores", required=True, help="'s11,s12,…;s21,s22,…': one row per example")
    ex.add_argument("--labels", required=True, help="the true class of each row: indices, or names with --classes")
    ex.add_argument("--classes", help="class names, e.g. cat,car,frog")
    ex.add_argument("--delta", type=float, default=1.0, help="SVM margin Δ")
    ex.add_argument("--variant", choices=SVM_VARIANTS, default="ww")
    ex.add_argument("--all-classes", action="store_true")
    ex.add_argument("--mean", action="store_true", help="SVM: average the class terms")
    ex.add_argument("--squared", action="store_true")
    ex.add_argument("--json", action="store_true")

    tr = sub.add_parser("train", help="train on a preset or a points file and report the result")
    add_training_options(tr)
    tr.add_argument("--history", action="store_true", help="also list every step (step 0 = the start)")
    tr.add_argument("--json", action="store_true")

    re = sub.add_parser("render", help="draw the main window after training to a PNG (offscreen)")
    sources = add_training_options(re)
    sources.add_argument("--lecture", nargs="?", const="", metavar="FILE",
                         help="a lecture's scene instead of training options (no FILE: the built-in lecture)")
    re.add_argument("--scene", default=None, help="with --lecture: the scene, by number (1-based) or id")
    re.add_argument("--out", required=True, help="the PNG file to write")
    re.add_argument("--size", default="1600x1000", help="window size in pixels, WIDTHxHEIGHT")
    re.add_argument("--at-step", type=int, default=None, help="show this step (default: the last)")
    re.add_argument("--language", choices=("en", "es"), default="en", help="the window's language (default en)")

    be = sub.add_parser("bench", help="measure the engine's speed against baselines")
    be.add_argument("suite", nargs="?", choices=("engine", "cifar", "soak", "startup"), default="engine",
                    help="engine (default): the interactive figures; cifar: the CIFAR-10 engine against textbook "
                         "code; soak: 100,000 playback frames on the real window: memory, QObjects, timers and scene items must not grow; "
                         "startup: time to the window's first frame beside a bare QMainWindow's")
    be.add_argument("--quick", action="store_true", help="fewer repeats")
    be.add_argument("--json", action="store_true")
    be.add_argument("--data-dir", metavar="DIR", default=None,
                    help="bench cifar: a cifar-10-batches-py folder (default: ../shared/data/cifar-10-batches-py)")
    be.add_argument("--frames", type=_positive_int, default=None,
                    help="bench soak: frames to play (default 100,000; 10,000 with --quick)")
    be.add_argument("--trace", action="store_true", help="bench soak: list the allocations that grew most (slow)")
    from .cifar_cmd import (
        add_cifar_parser,  # here, not at the top: the app's start does not need CIFAR-10's engine
    )

    add_cifar_parser(sub)
    from .lecture.command import add_lecture_parser

    add_lecture_parser(sub)
    de = sub.add_parser("install-desktop", help="add linviz to the Linux desktop's menu, with its icon (XDG)")
    de.add_argument("--uninstall", action="store_true", help="remove the menu entry and icon again")
    return parser


def dispatch(args) -> int:
    """Run the parsed command; its output goes to stdout."""
    if args.command is None:
        return open_app()
    if args.command == "explain":
        print(run_explain(args))
    elif args.command == "train":
        report = run_train(args)
        print(json.dumps(report, allow_nan=False) if args.json else format_train(report))
    elif args.command == "render":
        print(run_render(args))
    elif args.command == "cifar":
        from .cifar_cmd import run_cifar

        return run_cifar(args)
    elif args.command == "install-desktop":
        from . import desktop

        print(desktop.run(args))
    elif args.command == "lecture":
        from .lecture.command import run_lecture

        return run_lecture(args)
    elif args.command == "bench":
        if args.suite == "cifar":
            from . import bench_cifar

            return bench_cifar.run_cli(args)
        if args.suite == "startup":
            from . import bench_startup

            return bench_startup.run_cli(args)
        if args.suite == "soak":
            from . import bench_soak

            return bench_soak.soak_cli(args)
        from . import bench

        results = bench.run(quick=args.quick)
        print(json.dumps(results, allow_nan=False) if args.json else bench.format_table(results))
    return 0


def run_render(args) -> str:
    """Train as ``train`` would and save the window; returns the path written."""
    from .ui.render import parse_size, render_window

    size = parse_size(args.size)
    if args.lecture is not None:
        from .lecture.command import render_scene

        return str(render_scene(args.lecture or None, args.scene, args.out, size, args.language))
    if args.scene is not None:
        raise UsageError("--scene needs --lecture")
    ds = load_data(args)
    cfg, init, knn = config_from_args(args)
    if args.model == "knn" and knn.k > len(ds):
        raise UsageError(f"k = {knn.k} is larger than the {len(ds)} points")
    if args.model == "lsq":
        raise UsageError("the window does not show least squares yet (linviz train --model lsq does); "
                         "choose --model svm, softmax or knn")
    if args.model != "knn":
        check_finite_start(ds, cfg, init)
    try:
        out = render_window(ds, args.model, cfg, init, (knn.k, knn.metric), args.out, size, args.at_step,
                            args.language)
    except ImportError as e:
        raise UsageError(f"the app cannot start here: {e}") from e
    return str(out)


def _one_line(e: BaseException) -> str:
    return " ".join(str(e).split()) or type(e).__name__


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``linviz`` script; returns the exit status."""
    try:
        if not (sys.argv[1:] if argv is None else argv):
            return open_app()  # no parser: the subcommands' imports (CIFAR-10's engine) stay out of the start
        args = build_parser().parse_args(argv)
        return dispatch(args)
    except SystemExit as e:  # --help
        return e.code if isinstance(e.code, int) else 0
    except BrokenPipeError:  # piped into e.g. `head`: stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except (UsageError, ValueError, OSError) as e:  # DatasetError is a ValueError
        if os.environ.get("LINVIZ_DEBUG"):
            raise
        print(f"linviz: error: {_one_line(e)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as e:  # noqa: BLE001 — one line, never a traceback
        if os.environ.get("LINVIZ_DEBUG"):
            raise
        print(f"linviz: internal error: {type(e).__name__}: {_one_line(e)} (LINVIZ_DEBUG=1 shows more)",
              file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
