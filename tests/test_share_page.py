"""File ▸ Share as web page: one self-contained HTML file with the whole recorded run."""

import base64
import json
from html.parser import HTMLParser

import numpy as np

from linviz.engine.datasets import make_preset
from linviz.engine.features import FeatureMap
from linviz.engine.regions import Grid, linear_regions
from linviz.engine.training import TrainConfig, train
from linviz.share_page import REGIONS_RES, settings_summary, share_page


class Page(HTMLParser):
    """The tags and attributes of a page, and the text of its data block."""

    def __init__(self, text):
        super().__init__()
        self.tags, self._in_data, self.data = [], False, ""
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_data = tag == "script" and dict(attrs).get("id") == "data"

    def handle_endtag(self, tag):
        self._in_data = False

    def handle_data(self, data):
        if self._in_data:
            self.data += data


def _run(preset="cs231n", steps=120, features="identity"):
    ds = make_preset(preset)
    cfg = TrainConfig(steps=steps, features=FeatureMap(features))
    start = {"W0": ds.W0, "b0": ds.b0} if ds.W0 is not None and features == "identity" else {"init": "random"}
    return ds, train(ds.X, ds.y, cfg, ds.n_classes, **start)


def test_the_page_needs_no_network_and_its_slider_has_a_frame_per_step():
    ds, hist = _run()
    text = share_page(ds, hist, settings=settings_summary("svm", hist))
    page = Page(text)
    assert "http://" not in text and "https://" not in text  # no external URL anywhere
    assert not [t for t, a in page.tags if t in ("link", "iframe") or (t in ("script", "img") and "src" in a)]
    (slider,) = [a for t, a in page.tags if t == "input" and a.get("type") == "range"]
    assert int(slider["max"]) - int(slider["min"]) + 1 == len(hist)  # one frame per recorded step
    assert any(t == "button" and a.get("id") == "play" for t, a in page.tags)
    data = json.loads(page.data)
    assert data["steps"] == len(hist) == len(data["loss"]) == len(data["W"])
    assert data["loss"] == [float(v) for v in hist.loss[:len(hist)]]
    assert len(base64.b64decode(data["regions"])) == len(hist) * REGIONS_RES ** 2
    assert data["settings"]["model"] == "svm"
    assert data["settings"]["regulariser"] == f"{hist.config.reg.kind}, λ = {hist.config.reg.lam:g}"


def test_each_frame_carries_the_regions_of_its_step_even_with_a_feature_map():
    ds, hist = _run("circles", 40, "poly2")
    data = json.loads(Page(share_page(ds, hist)).data)
    frames = np.frombuffer(base64.b64decode(data["regions"]), np.uint8).reshape(len(hist), REGIONS_RES, REGIONS_RES)
    grid = Grid.make(tuple(data["x_range"]), tuple(data["y_range"]), REGIONS_RES, REGIONS_RES, FeatureMap("poly2"))
    last = linear_regions(hist.W[hist.last], hist.b[hist.last], grid, "gap").winner
    np.testing.assert_array_equal(frames[-1], np.where(last < 0, 255, last))
    assert not np.array_equal(frames[0], frames[-1])  # the regions move as the run trains
    # the score table's φ(x): the page computes s = W φ(x) + b for the points it shows
    phi = np.array(data["picked_phi"])
    assert phi.shape == (len(data["picked"]), 5)


def test_a_class_name_cannot_close_the_data_block():
    ds, hist = _run(steps=5)
    ds = ds.with_class_names(("cat</script><script>alert(1)", "car", "frog"))
    text = share_page(ds, hist)
    assert text.count("</script>") == 2  # the data block's and the program's
    assert json.loads(Page(text).data)["classes"][0] == "cat</script><script>alert(1)"


def test_every_word_of_the_page_comes_from_its_labels():
    """A Spanish app writes a Spanish page: with the labels translated no English word is left
    (the visible text and the script's words: Play/Pause, the status line, the curve's axes)."""
    from linviz.takeaway import LABELS

    ds, hist = _run(steps=5)
    fake = {k: f"«{i}»" + ("{0}{1}{2}{3}" if "{" in v else "") for i, (k, v) in enumerate(LABELS.items())}  # a stand-in
    text = share_page(ds, hist, settings=settings_summary("svm", hist, fake), labels=fake, language="es")
    page = Page(text)
    assert page.tags[0] == ("html", {"lang": "es"})
    data = json.loads(page.data)
    assert data["labels"] == fake and fake["model"] in data["settings"] and fake["regulariser"] in data["settings"]
    words = " ".join(visible_words(text))  # what a reader sees or hears
    for english in ("Play", "Settings", "Loss", "Scores", "plane", "Step"):
        assert english not in words, english
    program = text.split("</script>")[1]  # the script after the data block
    for literal in ('fillText("loss"', 'fillText("step"', '"step "', '" of "', "accuracy ", "Play", "Pause"):
        assert literal not in program, literal
    assert all(fake[k] in text for k in ("play", "settings", "plane", "loss_curve", "scores", "step"))


def test_a_lecture_s_scenes_are_on_the_page_with_their_words_and_planes():
    from linviz.lecture import builtin_lecture_path, read_lecture
    from linviz.takeaway import LABELS, scene_pictures

    lecture = read_lecture(builtin_lecture_path())
    scenes = scene_pictures(lecture, "es")
    assert len(scenes) == len(lecture.scenes)
    ds, hist = _run(steps=5)
    text = share_page(ds, hist, scenes=scenes, labels=LABELS, language="es")
    page = Page(text)
    sections = [a for t, a in page.tags if t == "section"]
    assert len(sections) == len(lecture.scenes)
    canvases = [a for t, a in page.tags if t == "canvas" and a.get("class") == "sceneplane"]
    assert [int(a["data-scene"]) for a in canvases] == list(range(len(scenes)))
    data = json.loads(page.data)
    for s, d in zip(scenes, data["scenes"]):
        assert len(base64.b64decode(d["regions"])) == REGIONS_RES ** 2 and len(d["points"]) == len(s.dataset)
    first = lecture.scenes[2]
    assert first.caption("es") in html_text(text) and first.question.text("es") in html_text(text)
    assert "http://" not in text and "https://" not in text


def html_text(text):
    import html

    return html.unescape(text)


def visible_words(text):
    """The page's visible text and its aria-labels (not its scripts)."""
    out, in_script = [], False

    class Words(HTMLParser):
        def handle_starttag(self, tag, attrs):
            nonlocal in_script
            in_script = tag == "script"
            out.extend(v for k, v in attrs if k == "aria-label")

        def handle_endtag(self, tag):
            nonlocal in_script
            in_script = False

        def handle_data(self, data):
            if not in_script:
                out.append(data)

    Words().feed(text)
    return out
