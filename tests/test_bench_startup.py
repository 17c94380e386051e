"""``linviz bench startup``: the app's first frame beside a bare Qt window's; no timing is asserted."""

import json

import pytest

from linviz import bench_startup, cli


def test_bench_startup_reports_warm_and_first_start_beside_a_bare_window(capsys):
    assert cli.main(["bench", "startup", "--quick", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert set(figures) == {"warm", "first start"}
    for f in figures.values():
        assert 0 < f["bare_window_s"] and 0 < f["app_s"] < 300
        assert f["ratio"] == pytest.approx(f["app_s"] / f["bare_window_s"])
        assert 0 < f["bare_window_cpu_s"] and f["cpu_ratio"] == pytest.approx(f["app_cpu_s"] / f["bare_window_cpu_s"])
    table = bench_startup.format_table(figures)
    assert "warm" in table and "first start" in table and "×" in table


def test_a_first_start_copy_has_no_cached_bytecode_or_machine_code(tmp_path):
    root = bench_startup.fresh_copy(tmp_path)
    assert (root / "linviz" / "ui" / "main_window.py").is_file()
    assert (root / "assets" / "iris.csv").is_file()  # the copy finds its own data files
    assert not list(root.rglob("__pycache__")) and not list(root.rglob("*.nbi"))
