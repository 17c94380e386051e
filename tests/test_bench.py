"""``linviz bench`` reports every figure beside its baseline. No absolute time is asserted (the
machine may be busy), but what was measured in one run against code measured beside it is: the
fast paths a teacher relies on stay several times faster than the obvious code."""

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
        assert 0 <= r["cpu_median_s"] <= r["cpu_p95_s"]  # this thread's CPU time beside the wall clock
        assert isinstance(r["met"], bool) and r["aim"] and r["baseline"]
    assert report["machine"]["cpus"] >= 1 and report["machine"]["quick"] is True
    ratio = {r["name"]: r["ratio"] for r in results}
    # the loss surface redraws while a slider moves: at least 10× the naive loop (the aim is 20×;
    # measured here 100–160×); the regions and a retrain after a drag well ahead of plain NumPy
    assert ratio["landscape SVM 100×100, 300 pts"] >= 10 and ratio["landscape Softmax 100×100, 300 pts"] >= 10
    assert ratio["decision regions 400×400"] >= 2 and ratio["retrain after an edit (200 steps, 300 pts)"] >= 2
    table = bench.format_table(report)
    assert all(r["name"] in table for r in results)
    from PySide6.QtWidgets import QApplication  # the frame figures ran the real windows…

    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible()]  # …and closed them


def test_a_new_figure_is_one_function():
    fig = bench.Figure("noop", "< 1 s", "a slower noop", lambda: (lambda: None, lambda: sum(range(1000))),
                       max_s=1.0, per_call=1)
    (row,) = bench.run(quick=True, figures=[fig])["results"]
    assert row["name"] == "noop" and row["met"] is True and row["runs"] >= 1


def test_warm_up_calls_are_not_timed_and_frame_figures_take_longer_samples(monkeypatch):
    calls = []
    times, cpu = bench.sample(lambda: calls.append(1), min_runs=5, budget_s=0.0, warmup=30)
    assert len(calls) == 35 and len(times) == len(cpu) == 5  # 30 untimed, then the 5 timed

    budgets = []
    monkeypatch.setattr(bench, "sample", lambda fn, runs, budget, **kw: (budgets.append(budget), fn(), (
        bench.np.ones(runs), bench.np.ones(runs)))[-1])
    noop = lambda: (lambda: None, lambda: None)  # noqa: E731
    bench.measure(bench.Figure("frame", "p95 < 1 s", "noop", noop, max_s=1.0, judge_p95=True))
    bench.measure(bench.Figure("median", "< 1 s", "noop", noop, max_s=1.0))
    assert budgets == [bench.P95_BUDGET_S, 1.0, 1.0, 1.0]  # the p95 figure's own sample is the long one


def test_bench_soak_plays_the_real_window_and_reports_memory(capsys):
    """A short soak through the CLI: every frame played, nothing leaked, exit status 0."""
    status = cli.main(["bench", "soak", "--frames", "400", "--json"])
    report = json.loads(capsys.readouterr().out)
    assert report["frames"] == 400 and report["warmup_frames"] + report["measured_frames"] == 400
    assert report["extends"] >= 1  # playing past the record trained more steps
    assert report["findings"] == [] and status == 0
    assert report["counts_end"]["qobjects"] == report["counts_start"]["qobjects"] > 0
    assert report["rss_end_mib"] < 1.05 * report["rss_start_mib"]
    from PySide6.QtWidgets import QApplication

    assert not [w for w in QApplication.topLevelWidgets() if w.isVisible()]


@pytest.mark.parametrize("frames", ["0", "-5", "many"])
def test_bench_soak_rejects_a_bad_frame_count_in_one_line(frames, capsys):
    assert cli.main(["bench", "soak", "--frames", frames]) == 2
    err = capsys.readouterr().err
    assert "--frames" in err and "Traceback" not in err
