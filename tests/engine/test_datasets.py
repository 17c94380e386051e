"""Datasets: the immutable Dataset, the presets, and CSV/JSON files with their errors."""

from __future__ import annotations

import os

import numpy as np
import pytest

from linviz.engine import atomic
from linviz.engine import datasets as dsm
from linviz.engine.datasets import (
    MAX_POINTS,
    PRESETS,
    Dataset,
    DatasetError,
    default_class_names,
    make_preset,
    parse_csv,
    parse_json,
    read_points,
    to_csv,
    to_json,
    write_points,
)

RANDOM_PRESETS = [n for n in PRESETS if n not in ("cs231n", "iris")]


def small():
    return Dataset([[0.0, 1.0], [2.0, 3.0], [-1.0, -2.0]], [0, 1, 1], ("cat", "dog"), name="pets")


# ----------------------------------------------------------------------------- presets


def test_preset_names_are_exactly_the_documented_ones():
    assert list(PRESETS) == ["cs231n", "blobs", "separable", "moons", "circles", "xor", "spiral", "iris"]
    assert all(isinstance(d, str) and d for d in PRESETS.values())


@pytest.mark.parametrize("name", list(PRESETS))
def test_every_preset_builds_with_every_class_present(name):
    ds = make_preset(name)
    assert ds.name == name
    assert ds.X.dtype == np.float64 and ds.X.shape == (len(ds), 2)
    assert ds.y.dtype == np.int64 and ds.y.shape == (len(ds),)
    assert np.isfinite(ds.X).all()
    assert len(ds.class_names) == ds.n_classes
    assert set(ds.y.tolist()) == set(range(ds.n_classes))
    if name != "iris":
        assert np.abs(ds.X).max() <= 3.0


@pytest.mark.parametrize("name", RANDOM_PRESETS)
def test_random_presets_are_deterministic_per_seed(name):
    a, b, c = make_preset(name, seed=7), make_preset(name, seed=7), make_preset(name, seed=8)
    assert np.array_equal(a.X, b.X) and np.array_equal(a.y, b.y)
    assert not np.array_equal(a.X, c.X)


@pytest.mark.parametrize("name", ["cs231n", "iris"])
def test_fixed_presets_ignore_the_seed(name):
    assert make_preset(name, seed=0) == make_preset(name, seed=99, n_per_class=5, noise=1.0)


@pytest.mark.parametrize("name", RANDOM_PRESETS)
def test_n_per_class_gives_that_many_points_of_each_class(name):
    ds = make_preset(name, n_per_class=13)
    assert np.bincount(ds.y).tolist() == [13] * ds.n_classes


@pytest.mark.parametrize("name", ["blobs", "separable", "spiral"])
@pytest.mark.parametrize("c", [2, 5, 10])
def test_class_count_is_adjustable_from_2_to_10(name, c):
    ds = make_preset(name, n_classes=c, n_per_class=4)
    assert ds.class_names == default_class_names(c)
    assert np.bincount(ds.y, minlength=c).tolist() == [4] * c


@pytest.mark.parametrize("name", ["moons", "circles", "xor"])
def test_two_class_presets_have_two_classes(name):
    assert make_preset(name).n_classes == 2


@pytest.mark.parametrize(
    "kwargs, fragment",
    [
        (dict(n_classes=1), "n_classes"),
        (dict(n_classes=11), "n_classes"),
        (dict(n_per_class=0), "n_per_class"),
        (dict(noise=-0.1), "noise"),
        (dict(noise=float("nan")), "noise"),
    ],
)
def test_bad_preset_arguments_are_rejected(kwargs, fragment):
    with pytest.raises(DatasetError, match=fragment):
        make_preset("blobs", **kwargs)


def test_unknown_preset_lists_the_valid_names():
    with pytest.raises(DatasetError) as e:
        make_preset("banana")
    assert "banana" in str(e.value)
    assert all(n in str(e.value) for n in PRESETS)


def test_cs231n_is_the_published_demo():
    ds = make_preset("cs231n")
    assert ds.X.tolist() == [
        [0.5, 0.4], [0.8, 0.3], [0.3, 0.8],
        [-0.4, 0.3], [-0.3, 0.7], [-0.7, 0.2],
        [0.7, -0.4], [0.5, -0.6], [-0.4, -0.5],
    ]  # fmt: skip
    assert ds.y.tolist() == [0, 0, 0, 1, 1, 1, 2, 2, 2]
    assert ds.W0.tolist() == [[1, 2], [2, -4], [3, -1]]
    assert ds.b0.tolist() == [0, 0.5, -0.5]


def test_iris_is_the_real_data_on_petal_length_and_width():
    ds = make_preset("iris")
    assert len(ds) == 150
    assert ds.class_names == ("setosa", "versicolor", "virginica")
    assert np.bincount(ds.y).tolist() == [50, 50, 50]
    assert ds.X[0].tolist() == [1.4, 0.2]  # row 1: 5.1,3.5,1.4,0.2,setosa
    assert ds.X[149].tolist() == [5.1, 1.8] and ds.y[149] == 2  # row 150: 5.9,3.0,5.1,1.8
    assert ds.X.min(axis=0).tolist() == [1.0, 0.1] and ds.X.max(axis=0).tolist() == [6.9, 2.5]


def test_iris_features_pick_other_columns():
    ds = make_preset("iris", features=(0, 1))
    assert ds.X[0].tolist() == [5.1, 3.5]
    assert ds.X[34].tolist() == [4.9, 3.1]  # Fisher's row 35, not UCI's misprint
    with pytest.raises(DatasetError, match="features"):
        make_preset("iris", features=(2, 2))
    with pytest.raises(DatasetError, match="features"):
        make_preset("iris", features=(0, 4))


def perceptron_separates(X, y, c, epochs=2000) -> bool:
    """Multiclass perceptron on [x, y, 1]; True once an epoch makes no mistake."""
    Xa = np.column_stack([X, np.ones(len(X))])
    W = np.zeros((c, 3))
    for _ in range(epochs):
        mistakes = 0
        for xi, yi in zip(Xa, y):
            pred = int(np.argmax(W @ xi))
            if pred != yi:
                W[yi] += xi
                W[pred] -= xi
                mistakes += 1
        if mistakes == 0:
            return True
    return False


@pytest.mark.parametrize("c", [2, 3, 6, 10])
@pytest.mark.parametrize("seed", [0, 1])
def test_separable_is_linearly_separable_even_at_high_noise(c, seed):
    ds = make_preset("separable", n_classes=c, n_per_class=20, noise=3.0, seed=seed)
    assert perceptron_separates(ds.X, ds.y, c)


def test_xor_is_not_linearly_separable():
    ds = make_preset("xor")  # the perceptron check above can fail
    assert not perceptron_separates(ds.X, ds.y, 2, epochs=200)


# ----------------------------------------------------------------------------- Dataset


def test_dataset_copies_and_freezes_its_arrays():
    X = np.array([[0.0, 1.0], [2.0, 3.0]])
    ds = Dataset(X, [0, 1], ("a", "b"))
    X[0, 0] = 99.0
    assert ds.X[0, 0] == 0.0
    with pytest.raises(ValueError):
        ds.X[0, 0] = 5.0
    with pytest.raises(ValueError):
        ds.y[0] = 1


def test_empty_dataset_is_allowed():
    ds = Dataset(np.empty((0, 2)), [], ("a", "b"))
    assert len(ds) == 0 and ds.n_classes == 2


@pytest.mark.parametrize(
    "kwargs, fragment",
    [
        (dict(X=[[0.0, np.nan]]), "finite"),
        (dict(X=[[0.0, np.inf]]), "finite"),
        (dict(X=[[0.0, 1.0, 2.0]]), "shape"),
        (dict(y=[2]), "out of range"),
        (dict(y=[-1]), "out of range"),
        (dict(y=[0.5]), "integers"),
        (dict(class_names=("a",)), "2 to 10"),
        (dict(class_names=tuple("abcdefghijk")), "2 to 10"),
        (dict(class_names=("a", "a")), "twice"),
        (dict(class_names=("a", " ")), "non-empty"),
        (dict(class_names=("a", "b,c")), "contain"),
        (dict(W0=np.zeros((2, 2))), "both or neither"),
        (dict(W0=np.zeros((3, 2)), b0=np.zeros(2)), "W0 must be"),
    ],
)
def test_invalid_datasets_raise_dataset_error(kwargs, fragment):
    fields = dict(X=[[0.0, 1.0]], y=[0], class_names=("a", "b"))
    fields.update(kwargs)
    with pytest.raises(DatasetError, match=fragment):
        Dataset(**fields)


def test_default_class_names():
    assert default_class_names(3) == ("class 1", "class 2", "class 3")


def test_edits_return_new_datasets_and_leave_the_original_alone():
    ds = small()
    before = (ds.X.copy(), ds.y.copy())
    added = ds.with_point(5.0, 6.0, 0)
    removed = ds.without_point(0)
    moved = ds.with_moved_point(1, -0.5, 0.25)
    assert np.array_equal(ds.X, before[0]) and np.array_equal(ds.y, before[1])
    assert len(added) == 4 and added.X[-1].tolist() == [5.0, 6.0] and added.y[-1] == 0
    assert removed.X.tolist() == [[2.0, 3.0], [-1.0, -2.0]] and removed.y.tolist() == [1, 1]
    assert moved.X[1].tolist() == [-0.5, 0.25] and moved.y.tolist() == [0, 1, 1]
    assert all(d.class_names == ("cat", "dog") and d.name == "pets" for d in (added, removed, moved))
    assert not moved.X.flags.writeable


def test_edit_errors():
    ds = small()
    with pytest.raises(DatasetError, match="out of range"):
        ds.with_point(0.0, 0.0, 2)
    with pytest.raises(DatasetError, match="finite"):
        ds.with_moved_point(0, np.nan, 0.0)
    with pytest.raises(IndexError):
        ds.without_point(3)
    assert ds.without_point(-1).X.tolist() == [[0.0, 1.0], [2.0, 3.0]]


def test_with_class_names_renames_and_resizes():
    ds = make_preset("cs231n")
    renamed = ds.with_class_names(["red", "green", "blue"])
    assert renamed.class_names == ("red", "green", "blue") and renamed.W0 is not None
    grown = ds.with_class_names(default_class_names(4))
    assert grown.n_classes == 4 and grown.W0 is None and grown.b0 is None
    with pytest.raises(DatasetError, match="out of range"):
        ds.with_class_names(["a", "b"])  # class 2 still has points
    assert ds.class_names == default_class_names(3)


# ----------------------------------------------------------------------------- round trips


@pytest.mark.parametrize("name", list(PRESETS))
def test_every_preset_round_trips_through_csv_exactly(name):
    ds = make_preset(name)
    back = parse_csv(to_csv(ds))
    assert back.name == name and back.class_names == ds.class_names
    assert np.array_equal(back.X, ds.X) and np.array_equal(back.y, ds.y)


@pytest.mark.parametrize("name", list(PRESETS))
def test_every_preset_round_trips_through_json_exactly(name):
    ds = make_preset(name)
    assert parse_json(to_json(ds)) == ds  # W0/b0 too


@pytest.mark.parametrize("suffix", [".csv", ".json"])
def test_files_round_trip(tmp_path, suffix):
    ds = Dataset([[0.1 + 0.2, 1e-300], [-123456.789, 1 / 3]], [1, 1], ("x one", "é two"), name="odd")
    path = tmp_path / f"points{suffix}"
    write_points(ds, path)
    back = read_points(path)
    assert back.class_names == ds.class_names and back.name == "odd"
    assert np.array_equal(back.X, ds.X) and np.array_equal(back.y, ds.y)


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_empty_dataset_round_trips(fmt):
    ds = Dataset(np.empty((0, 2)), [], ("a", "b", "c"))
    back = parse_csv(to_csv(ds)) if fmt == "csv" else parse_json(to_json(ds))
    assert len(back) == 0 and back.class_names == ("a", "b", "c")


# ----------------------------------------------------------------------------- reading CSV


def test_csv_without_header_or_names_uses_indices():
    ds = parse_csv("0.5,1,0\n-1,2,3\n")
    assert ds.X.tolist() == [[0.5, 1.0], [-1.0, 2.0]] and ds.y.tolist() == [0, 3]
    assert ds.class_names == default_class_names(4)


def test_csv_name_labels_take_order_of_first_appearance():
    ds = parse_csv("x,y,label\n1,1,virginica\n2,2,setosa\n3,3,virginica\n")
    assert ds.class_names == ("virginica", "setosa") and ds.y.tolist() == [0, 1, 0]


def test_csv_classes_comment_fixes_names_and_order():
    text = "# classes: a,b,c\nx,y,label\n1,1,c\n2,2,a\n"
    ds = parse_csv(text)
    assert ds.class_names == ("a", "b", "c") and ds.y.tolist() == [2, 0]


def test_csv_with_one_class_present_still_has_two():
    assert parse_csv("1,1,0\n").class_names == default_class_names(2)
    assert parse_csv("1,1,cat\n").class_names == ("cat", "class 1")
    assert parse_csv("# classes: a,b\n1,1,0\n").class_names == ("a", "b")


def test_csv_header_only_is_an_empty_plane():
    ds = parse_csv("x,y,label\n")
    assert len(ds) == 0 and ds.class_names == default_class_names(2)


def test_csv_accepts_bom_crlf_blank_lines_and_spaces():
    ds = parse_csv("\ufeffx,y,label\r\n\r\n 1 , 2 , 1 \r\n# note\r\n3,4,0\r\n")
    assert ds.X.tolist() == [[1.0, 2.0], [3.0, 4.0]] and ds.y.tolist() == [1, 0]


@pytest.mark.parametrize(
    "text, line, fragment",
    [
        ("x,y,label\n1,2,0\n1,2\n", 3, "wrong number of columns"),
        ("x,y,label\n1,2,0,4\n", 2, "wrong number of columns"),
        ("x;y;label\n1;2;0\n", 1, "separate columns with commas"),
        ("x,y,label\n1,two,0\n", 2, "text where a number belongs"),
        ("1,2,0\nabc,2,0\n", 2, "text where a number belongs"),
        ("1,2,0\n\n1,nan,0\n", 3, "finite"),
        ("1,2,0\ninf,1,0\n", 2, "finite"),
        ("1,2,0\n2e6,1,0\n", 2, "too large"),
        ("1,2,0\n1,2,-1\n", 2, "negative"),
        ("1,2,0\n1,2,1.5\n", 2, "not an integer"),
        ("1,2,0\n1,2,10\n", 2, "more than 10 classes"),
        ("# classes: a,b\n1,2,0\n1,2,2\n", 3, "out of range"),
        ("# classes: a,b\n1,2,a\n1,2,zebra\n", 3, "unknown class"),
        ("1,2,0\n1,2,cat\n", 2, "text"),
        ("1,2,cat\n1,2,1\n", 2, "is a number"),
        ("".join(f"1,2,c{k}\n" for k in range(11)), 11, "more than 10 classes"),
        ("# classes: a\n1,2,0\n", 1, "2 to 10"),
        ("x,y,label\n# classes: a,b\n# classes: a,b\n", 3, "second"),
        ("", 1, "empty"),
        ("\n  \n", 1, "empty"),
        ("# only a comment\n", 1, "no header and no points"),
    ],
)
def test_bad_csv_names_line_and_fault(text, line, fragment):
    with pytest.raises(DatasetError) as e:
        parse_csv(text)
    msg = str(e.value)
    assert f"line {line}:" in msg and fragment in msg


def test_csv_point_limit():
    ok = "x,y,label\n" + "1,2,0\n" * MAX_POINTS
    assert len(parse_csv(ok)) == MAX_POINTS
    with pytest.raises(DatasetError) as e:
        parse_csv(ok + "1,2,0\n")
    assert f"line {MAX_POINTS + 2}:" in str(e.value) and "100,000" in str(e.value)


# ----------------------------------------------------------------------------- reading JSON


def doc(points="[[1, 2, 0]]", extra=""):
    return f'{{"format": "linviz-points", "version": 1{extra}, "points": {points}}}'


def test_json_without_names_gets_default_names():
    ds = parse_json(doc("[[1, 2, 0], [3, 4, 2]]"))
    assert ds.class_names == default_class_names(3) and ds.y.tolist() == [0, 2]
    assert parse_json(doc("[]")).class_names == default_class_names(2)


@pytest.mark.parametrize(
    "text, fragments",
    [
        (doc("[[1, 2, 0], [1, 2]]"), ["points[1]", "wrong number of columns"]),
        (doc('[[1, 2, 0], [1, "2", 0]]'), ["points[1]", "text where a number belongs"]),
        (doc("[[1, NaN, 0]]"), ["points[0]", "finite"]),
        (doc("[[Infinity, 1, 0]]"), ["points[0]", "finite"]),
        (doc("[[1e7, 1, 0]]"), ["points[0]", "too large"]),
        (doc("[[1, 2, -1]]"), ["points[0]", "negative"]),
        (doc("[[1, 2, 0.5]]"), ["points[0]", "not an integer"]),
        (doc("[[1, 2, 0], [1, 2, 10]]"), ["points[1]", "more than 10 classes"]),
        (doc("[[1, 2, 2]]", ', "class_names": ["a", "b"]'), ["points[0]", "out of range"]),
        (doc("[]", ', "class_names": ["a"]'), ["2 to 10"]),
        (doc("[]", ', "class_names": ' + str(list("abcdefghijk")).replace("'", '"')), ["2 to 10"]),
        (doc()[:-5], ["line 1, column", "invalid or truncated JSON"]),
        ('{\n "format": "linviz-points",\n "version": 1,\n "points": [[1, 2 0]]\n}', ["line 4, column", "JSON"]),
        ("", ["line 1", "empty"]),
        ('{"format": "linviz-points", "version": 2, "points": []}', ["version 2", "newer"]),
        ('{"format": "something-else", "version": 1, "points": []}', ["not a linviz points file"]),
        ("[1, 2, 0]", ["not a linviz points file"]),
        (doc('{"a": 1}'), ["'points' must be a list"]),
    ],
)
def test_bad_json_names_point_and_fault(text, fragments):
    with pytest.raises(DatasetError) as e:
        parse_json(text)
    assert all(f in str(e.value) for f in fragments), str(e.value)


def test_json_point_limit():
    with pytest.raises(DatasetError, match="100,000"):
        parse_json(doc("[" + ", ".join(["[1, 2, 0]"] * (MAX_POINTS + 1)) + "]"))


def test_json_bad_start_weights():
    with pytest.raises(DatasetError, match="W0"):
        parse_json(doc(extra=', "W0": [[1, 2]], "b0": [0]'))


# ----------------------------------------------------------------------------- files


def test_missing_file_names_the_path(tmp_path):
    path = tmp_path / "nope.csv"
    with pytest.raises(DatasetError) as e:
        read_points(path)
    assert str(path) in str(e.value) and "not found" in str(e.value)


def test_unreadable_path_is_a_dataset_error(tmp_path):
    folder = tmp_path / "folder.csv"
    folder.mkdir()
    with pytest.raises(DatasetError, match="folder.csv"):
        read_points(folder)


def test_non_utf8_file_names_the_line(tmp_path):
    path = tmp_path / "latin1.csv"
    path.write_bytes("x,y,label\n1,2,caf\u00e9\n".encode("latin-1"))
    with pytest.raises(DatasetError) as e:
        read_points(path)
    assert "line 2" in str(e.value) and "UTF-8" in str(e.value)


def test_file_errors_start_with_the_file_name(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text("x,y,label\n1,2,0\n1,?,0\n")
    with pytest.raises(DatasetError, match=r"^mine\.csv: line 3: text where a number belongs"):
        read_points(path)


def test_file_name_becomes_dataset_name_when_file_has_none(tmp_path):
    path = tmp_path / "lesson1.csv"
    path.write_text("1,2,0\n3,4,1\n")
    assert read_points(path).name == "lesson1"


@pytest.mark.parametrize("func", ["read", "write"])
def test_unsupported_suffix(tmp_path, func):
    path = tmp_path / "points.txt"
    path.write_text("1,2,0\n")
    with pytest.raises(DatasetError, match=r"\.csv or \.json"):
        read_points(path) if func == "read" else write_points(small(), path)


@pytest.mark.parametrize("suffix", [".csv", ".json"])
@pytest.mark.parametrize("failing", ["replace", "fsync"])
def test_failed_write_keeps_the_old_file_and_leaves_no_temp(tmp_path, monkeypatch, suffix, failing):
    path = tmp_path / f"points{suffix}"
    write_points(small(), path)
    old = path.read_bytes()

    def boom(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, failing, boom)  # the one atomic writer
    with pytest.raises(DatasetError) as e:
        write_points(make_preset("blobs"), path)
    assert str(path) in str(e.value) and "No space left" in str(e.value)
    assert path.read_bytes() == old
    assert os.listdir(tmp_path) == [path.name]


def test_successful_write_replaces_and_leaves_no_temp(tmp_path):
    path = tmp_path / "points.json"
    write_points(small(), path)
    write_points(make_preset("cs231n"), path)
    assert read_points(path) == make_preset("cs231n")
    assert os.listdir(tmp_path) == ["points.json"]
