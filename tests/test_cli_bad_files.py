"""The CLI and bad files: every one gives exit status 2 and one ``linviz: error:`` line naming the fault."""

from __future__ import annotations

import json
import os

import pytest

from linviz import cli
from linviz.engine.datasets import make_preset, to_json


def _deep(path):
    path.write_text('{"format": "linviz-points", "version": 1, "points": ' + "[" * 20_000 + "]" * 20_000 + "}")


def _field(path):
    path.write_text("x,y,label\n0,0,0\n1," + "9" * 10_000_000 + ",1\n")


def _fifo(path):
    os.mkfifo(path)


def _zero(path):
    path.symlink_to("/dev/zero")


def _header_only(path):
    path.write_text("x,y,label\n")


def _no_points(path):
    path.write_text('{"format": "linviz-points", "version": 1, "points": []}')


def _huge_w0(path):
    doc = json.loads(to_json(make_preset("cs231n")))
    doc["W0"][0][0] = 1e300
    path.write_text(json.dumps(doc))


CASES = {
    "nested.json": (_deep, "nested 20,001 deep"),
    "field.csv": (_field, "line 3: 10,000,004 characters long"),
    "fifo.csv": (_fifo, "not a regular file"),
    "zero.csv": (_zero, "not a regular file"),
    "header.csv": (_header_only, "header.csv: the file holds no points"),
    "empty.json": (_no_points, "empty.json: the file holds no points"),
    "w0.json": (_huge_w0, r"W0[0][0]: 1e+300 is out of range (-1e+06 to 1e+06)"),
}


@pytest.mark.parametrize("command", ["train", "render"])
@pytest.mark.parametrize("name", list(CASES))
def test_every_bad_points_file_gives_exit_2_and_one_error_line(tmp_path, capsys, name, command):
    make, fault = CASES[name]
    path = tmp_path / name
    make(path)
    argv = [command, "--data", str(path)] + (["--out", str(tmp_path / "x.png")] if command == "render" else [])
    code = cli.main(argv)
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("linviz: error: ") and fault in err, err


def test_a_start_whose_step_0_loss_overflows_is_refused_by_render_with_one_line(tmp_path, capsys):
    code = cli.main(["render", "--preset", "cs231n", "--squared", "--delta", "1e300", "--out", str(tmp_path / "x.png")])
    _, err = capsys.readouterr()
    assert code == 2 and err.count("\n") == 1 and "loss too large to compute at step 0" in err
    assert not (tmp_path / "x.png").exists()


def test_explain_with_overflowing_scores_prints_no_numpy_warning(capsys):
    code = cli.main(["explain", "--loss", "svm", "--squared", "--scores", "1e308,-1e308;-1e308,1e308", "--labels", "1,0",
                     "--json"])
    out, err = capsys.readouterr()
    assert code == 0 and err == ""
    assert json.loads(out)["loss"] is None  # JSON has no inf: an overflow is null
