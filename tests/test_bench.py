"""``linviz bench`` reports every figure beside its baseline; no timing is asserted."""

import json

import pytest

from linviz import bench, cli


def test_bench_quick_json_has_every_figure(capsys):
    assert cli.main(["bench", "--quick", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    results = report["results"]
    assert [r["name"] for r in results] == [f.name for f in bench.FIGURES] and len(results) >= 5
    for r in results:
        assert r["median_s"] > 0 and r["p95_s"] >= r["median_s"] and r["baseline_median_s"] > 0
        assert r["ratio"] == pytest.approx(r["baseline_median_s"] / r["median_s"])
        assert isinstance(r["met"], bool) and r["aim"] and r["baseline"]
    assert report["machine"]["cpus"] >= 1 and report["machine"]["quick"] is True
    table = bench.format_table(report)
    assert all(r["name"] in table for r in results)


def test_a_new_figure_is_one_function():
    fig = bench.Figure("noop", "< 1 s", "a slower noop", lambda: (lambda: None, lambda: sum(range(1000))),
                       max_s=1.0, per_call=1)
    (row,) = bench.run(quick=True, figures=[fig])["results"]
    assert row["name"] == "noop" and row["met"] is True and row["runs"] >= 1
