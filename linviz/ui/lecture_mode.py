"""Lecture mode: the course as a sequence of scenes, with predict-then-reveal.

Lecture ▸ Start the lecture (F5) puts a bar across the top of the window — "7 / 28", the scene's title and
caption, and for a scene with a question the question, its choices (A–D) and Reveal (R). Each
scene sets the whole state (points, model, every setting, W and b, the step, hold W, the
panels, the points picked) through the models, like any edit: the teacher can change anything
during a scene. PageDown / PageUp (what presenter remotes send) and → / ← move between scenes;
Esc leaves for free exploration with the state kept, and F5 resumes where the lecture was.

Predict, then reveal: while a question is open, the panels that would give the answer
(Scores, W and b, the loss curve and the Margins) are hidden, the figures too, and a scene
that shows the end of training shows its start; R brings them back at the scene's step, the
measured figures beside the expected ones, and marks the right choice.

The scenes come from a lecture file (``linviz.lecture``: the built-in one, or Lecture ▸ Open
lecture…); the figures are measured by the same Qt-free code as ``linviz lecture --scene``.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from linviz.engine.blas import one_blas_thread
from linviz.engine.datasets import Dataset
from linviz.lecture import Lecture, LectureError, apply_scene, builtin_lecture_path, measure_scene, read_lecture
from linviz.lecture.format import class_names
from linviz.lecture.measures import scene_config, scene_dataset
from linviz.session.settings import KnnSettings, Settings

from . import i18n
from .models import renamed_as
from .style import BASE_FONT_PT

translate = QCoreApplication.translate
ANSWER_PANELS = ("scores", "params", "loss", "margins", "gradcheck", "surface", "geometry", "branches")
"""Docks hidden while a question waits for its answer (their numbers, the loss surface's
path, the geometry's note on a diverged run or the list of runs' final loss would give it
away): every dock but the controls and the lecture tab."""
OK_COLOUR, BAD_COLOUR = "#1B5E20", "#B00020"
MAX_FIGURE_ROWS = 3
"""Figure rows the bar shows at once (more scroll): at 1280 × 800 the plane keeps its height."""


def lecture_error_text(error: LectureError) -> str:
    """A lecture file's fault in the interface's language: the whole message when it is one
    marked template (a setting out of range), else "where: what" with "what" translated."""
    text = str(error)
    whole = i18n.in_language(text)
    if whole != text:
        return whole
    where, sep, what = text.partition(": ")
    if not sep:
        return text
    said = i18n.in_language(what)
    if said == what and ": " in what:  # a path, then "scenes[3].model: must be …"
        said = lecture_error_text(LectureError(what))
    return f"{where}: {said}"


class LectureMode(QObject):
    """Which lecture, which scene, whether it is on, and the question's state.

    ``changed`` follows every move (the bar redraws from it); ``scene_changed(index)`` each
    scene applied (the pen's strokes clear)."""

    changed = Signal()
    scene_changed = Signal(int)

    def __init__(self, window, lecture: Lecture | None = None):
        super().__init__(window)
        self.window = window
        self.lecture = lecture if lecture is not None else read_lecture(builtin_lecture_path())
        self.index = 0
        self.active = False
        self.revealed = False
        self.choice: int | None = None
        self.figures: list = []
        self._hidden: list = []
        self.strip = None
        """The tool bar holding the lecture bar (``install`` sets it): shown while active."""
        self._names_language: str | None = None
        """The language the scene's class names were last given in (None: no scene applied)."""
        i18n.notifier.changed.connect(self._rename_classes)

    def _show_strip(self) -> None:
        if self.strip is not None:
            self.strip.setVisible(self.active)

    # --- moving -------------------------------------------------------------------------
    @property
    def scene(self):
        return self.lecture.scenes[self.index]

    @property
    def language(self) -> str:
        return i18n.language()

    def start(self, index: int | None = None) -> None:
        """Lecture mode on, at ``index`` (default: where it was left, which starts at 0)."""
        self.active = True
        self.go(self.index if index is None else index)

    def leave(self) -> None:
        """Free exploration: the state on screen stays, hidden panels come back."""
        if not self.active:
            return
        self._show_hidden()
        self.active = False
        self._show_strip()
        self.changed.emit()

    def next(self) -> None:
        if self.active and self.index < len(self.lecture.scenes) - 1:
            self.go(self.index + 1)

    def previous(self) -> None:
        if self.active and self.index > 0:
            self.go(self.index - 1)

    def go(self, index: int) -> None:
        """Apply scene ``index`` (clipped) and show it."""
        self.index = int(np.clip(index, 0, len(self.lecture.scenes) - 1))
        self.choice, self.figures = None, []
        self._show_hidden()
        self.apply(self.scene)
        self.revealed = self.scene.question is None
        if self.revealed:
            self._measure()
        else:
            self._hide_answer()
        self._show_strip()
        self.scene_changed.emit(self.index)
        self.changed.emit()

    def open_lecture(self, lecture: Lecture) -> None:
        self.lecture, self.index = lecture, 0
        if self.active:
            self.go(0)
        else:
            self.changed.emit()

    # --- predict, then reveal ---------------------------------------------------------
    def choose(self, k: int) -> None:
        q = self.scene.question if self.active else None
        if q is not None and not self.revealed and 0 <= k < len(q.choices):
            self.choice = k
            self.changed.emit()

    def reveal(self) -> None:
        if not self.active or self.revealed:
            return
        self.revealed = True
        self._show_hidden()
        self._show_step()
        self._raise_panels(self.scene)
        self._measure()
        self.changed.emit()

    def _hide_answer(self) -> None:
        docks = self.window.docks
        self._hidden = [docks[n] for n in ANSWER_PANELS if n in docks and not docks[n].isHidden()]
        for d in self._hidden:
            d.hide()
        s = self.window.session
        if s.history is not None:
            s.set_step(0)  # the end of training is the answer to "what will happen?"

    def _show_hidden(self) -> None:
        for d in self._hidden:
            d.show()
        self._hidden = []

    def _measure(self) -> None:
        with one_blas_thread():
            try:
                self.figures = measure_scene(self.scene, apply_scene(self.scene, f"scenes[{self.index}]"))
            except LectureError as err:
                self.figures = []
                self.window.show_message("error", lecture_error_text(err))

    # --- applying a scene -------------------------------------------------------------
    def apply(self, scene) -> None:
        """Points, settings, start, step, hold W, panels and picked points of ``scene``."""
        w = self.window
        w.playback.pause()
        lang = self.language
        ds = scene_dataset(scene, lang)  # its classes named in the language shown: the same run in each
        init = scene.init
        if scene.W is not None and scene_config(scene).features.is_identity:  # the start travels as the data's W0, b0
            ds = Dataset(ds.X, ds.y, ds.class_names, ds.name, np.asarray(scene.W, float), np.asarray(scene.b, float))
            init = "preset"
        knn = replace(KnnSettings(), **{k: v for k, v in scene.knn.items() if k in ("k", "metric")})
        model = scene.model if scene.model in ("svm", "softmax", "knn") else "svm"
        settings = Settings(model=model, train=scene_config(scene, f"scenes[{self.index}]"), knn=knn, init=init,
                            restart=True)
        s = w.session
        with w.undo.suspended():
            s.set_hold_w(False)
            if ds != w.data.dataset:
                w.data.set_dataset(ds)
            before = s.history
            s.set_settings(settings)
            if s.history is before:
                s.retrain()  # same settings: train on the scene's points now
            self._show_step()
            s.set_hold_w(not scene.retrain_on_edit)
        w.undo.clear()  # a new start, as a lesson is: older steps would undo onto the scene's points
        self._names_language = lang
        picked = [i for i in scene.highlight.get("points", []) if isinstance(i, int) and 0 <= i < len(ds)]
        s.set_selected_examples(picked)
        table = getattr(w, "params_table", None)
        if table is not None:  # the W and b table as [W | b] over x̃ = (x, 1): the bias trick's scene
            table.set_bias_trick(bool(scene.highlight.get("bias_trick", False)))
        self._raise_panels(scene)

    def _rename_classes(self, *_code) -> None:
        """A language switch during a scene: its classes take the names the scene gives in the new
        language ("cat" → "gato"), as default names do (MainWindow._translate_default_class_names);
        a class the teacher renamed keeps its name. Not an undo step, and no retrain: names do not
        enter training, so the run and the step shown stay."""
        lang = self.language
        if not self.active or self._names_language in (None, lang):
            return
        data = self.scene.data
        old, new = class_names(data, self._names_language), class_names(data, lang)
        self._names_language = lang
        names = self.window.data.dataset.class_names
        renamed = renamed_as(names, old, new)
        if renamed != names and len(set(renamed)) == len(renamed):
            with self.window.undo.suspended():
                self.window.data.set_class_names(renamed)

    def _raise_panels(self, scene) -> None:
        for name in scene.panels:
            dock = self.window.docks.get(name)
            if dock is not None:
                dock.show()
                dock.raise_()

    def _show_step(self) -> None:
        s, scene = self.window.session, self.scene
        if s.history is None:
            return
        s.set_step(s.history.last if scene.step == "last" else min(int(scene.step), s.history.last))


class LectureBar(QWidget):
    """The lecture's words above the plane (objectName ``lectureBar``): position, title,
    caption, the question with its choices, and the figures once revealed."""

    def __init__(self, mode: LectureMode, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("lectureBar")
        self.mode = mode
        self.position = QLabel(objectName="lecturePosition")
        self.title = self._label("lectureTitle", 1.35, bold=True)
        self.caption = self._label("lectureCaption", 1.0)
        self.question = self._label("lectureQuestion", 1.15, bold=True)
        self.previous = self._tool("lecturePrevious", "◀", self.mode.previous)
        self.next = self._tool("lectureNext", "▶", self.mode.next)
        self.leave = self._tool("lectureLeave", "✕", self.mode.leave)
        top = QHBoxLayout()
        top.addWidget(self.previous)
        top.addWidget(self.position)
        top.addWidget(self.next)
        top.addWidget(self.title, 1)
        top.addWidget(self.leave)
        self.choices = [QPushButton(objectName=f"lectureChoice{'ABCD'[k]}", checkable=True) for k in range(4)]
        choices = QHBoxLayout()
        for k, button in enumerate(self.choices):
            button.clicked.connect(self._chosen)
            choices.addWidget(button)
        self.reveal_button = QPushButton(objectName="lectureReveal")
        self.reveal_button.clicked.connect(self.mode.reveal)
        choices.addWidget(self.reveal_button)
        self.table = QTableWidget(0, 4, objectName="lectureFigures")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.NoSelection)
        self.table.setFocusPolicy(Qt.NoFocus)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        for c in (1, 2, 3):
            header.setSectionResizeMode(c, QHeaderView.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addLayout(top)
        layout.addWidget(self.caption)
        layout.addWidget(self.question)
        layout.addLayout(choices)
        layout.addWidget(self.table)
        mode.changed.connect(self.refresh)
        i18n.notifier.changed.connect(self.refresh)
        self.refresh()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        """As tall as the words need at the bar's own width: a tool bar asks for the minimum,
        and a wrapped label's minimum is its height at a few characters' width (the window grew)."""
        width = max(self.width(), self.window().width() - 16, 320)  # the strip spans the window
        lay = self.layout()
        height = lay.heightForWidth(width) if lay.hasHeightForWidth() else super().minimumSizeHint().height()
        return QSize(320, height)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt name)
        return self.minimumSizeHint()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.updateGeometry()  # another width wraps the words into another number of lines

    def _label(self, name: str, scale: float, bold: bool = False) -> QLabel:
        label = QLabel(objectName=name)
        label.setWordWrap(True)
        font = QFont(label.font())
        font.setPointSizeF(max(font.pointSizeF(), BASE_FONT_PT) * scale)
        font.setBold(bold)
        label.setFont(font)
        return label

    def _tool(self, name: str, text: str, slot) -> QToolButton:
        button = QToolButton(objectName=name)
        button.setText(text)
        button.clicked.connect(slot)
        return button

    def _chosen(self) -> None:
        sender = self.sender()
        if sender in self.choices:
            self.mode.choose(self.choices.index(sender))

    def refresh(self, *_args) -> None:
        m = self.mode  # shown and hidden with its strip (a tool bar's widget must not hide itself)
        tools = getattr(getattr(m.window, "playback_bar", None), "tools", None)
        if tools is not None:  # speed, tol, reset: not for a scene; the plane gets their row
            tools.setVisible(not m.active)
        if not m.active:
            return
        lang, scene, n = m.language, m.scene, len(m.lecture.scenes)
        self.position.setText(f"{m.index + 1} / {n}")
        self.previous.setEnabled(m.index > 0)
        self.next.setEnabled(m.index < n - 1)
        self.previous.setToolTip(translate("Lecture", "Previous scene (PageUp, ←)"))
        self.next.setToolTip(translate("Lecture", "Next scene (PageDown, →)"))
        self.leave.setToolTip(translate("Lecture", "Leave the lecture (Esc); F5 comes back to this scene"))
        self.title.setText(scene.title(lang))
        self.caption.setText(scene.caption(lang))
        q = scene.question
        self.question.setVisible(q is not None)
        for k, button in enumerate(self.choices):
            shown = q is not None and k < len(q.choices)
            button.setVisible(shown)
            if not shown:
                continue
            right = m.revealed and k == q.answer
            button.setText(f"{'ABCD'[k]}. {q.choices[k](lang)}" + ("  ✔" if right else ""))
            button.setChecked(m.choice == k)
            button.setEnabled(not m.revealed)
            colour = OK_COLOUR if right else (BAD_COLOUR if m.revealed and m.choice == k else "")
            button.setStyleSheet(f"color: {colour}; font-weight: bold;" if colour else "")
        if q is not None:
            self.question.setText(q.text(lang))
        self.reveal_button.setVisible(q is not None and not m.revealed)
        self.reveal_button.setText(translate("Lecture", "Reveal (R)"))
        self._fill_figures(lang)

    def _fill_figures(self, lang: str) -> None:
        m = self.mode
        rows = m.figures if m.revealed else []
        if not rows:
            self.table.hide()
        self.table.setRowCount(len(rows))
        self.table.setHorizontalHeaderLabels([translate("Lecture", "Figure"), translate("Lecture", "Expected"),
                                              translate("Lecture", "Measured"), ""])
        labels = [f.label(lang) if f.label is not None else None for f in m.scene.figures]
        own_labels = len(rows) == len(labels)
        for r, f in enumerate(rows):
            label = labels[r] if own_labels and labels[r] else translate("Demos", f.label).format(*f.args)
            expected = "" if f.expected is None else f"{f.relation} {f.expected:.4g}"
            cells = (label, expected, f"{f.measured:.4g}", {True: "✔", False: "✘", None: ""}[f.holds])
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c:
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                if c == 3 and f.holds is not None:
                    item.setForeground(QColor(OK_COLOUR if f.holds else BAD_COLOUR))
                self.table.setItem(r, c, item)
        if rows:  # as tall as its rows, up to MAX_FIGURE_ROWS (then it scrolls): the plane comes first
            self.table.resizeRowsToContents()
            height = self.table.horizontalHeader().sizeHint().height() + 2 * self.table.frameWidth()
            shown = min(len(rows), MAX_FIGURE_ROWS)
            self.table.setFixedHeight(height + sum(self.table.rowHeight(r) for r in range(shown)))
            self.table.show()  # after its height is set: shown at its default height first, it grew the window


__all__ = ["LectureMode", "LectureBar", "ANSWER_PANELS", "MAX_FIGURE_ROWS"]
