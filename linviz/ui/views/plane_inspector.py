"""The plane's kNN inspector: a probe's k neighbours, the L1 diamond / L2 circle that holds
them and the vote per class.

:class:`KnnInspector` owns its four items (created once, hidden until a probe is set) and
the state tests read through the plane (``inspector_point``, ``inspector_neighbors`` (k,),
``inspector_distances`` (k,), ``inspector_votes`` (C,), ``inspector_radius`` r, the
k-th neighbour's distance). The plane sets the probe (Ctrl+click, or a click in inspect
mode) and calls :meth:`update` when the model or the data change.
"""

from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt

from .. import style

OUTLINE = "#1A1A1A"


class KnnInspector:
    """The probe's neighbours, ball and votes, drawn on ``plot``."""

    def __init__(self, plot: pg.PlotWidget):
        ink = pg.mkPen((25, 25, 25), width=2.5)
        self.lines = pg.PlotCurveItem(connect="pairs", pen=ink)
        self.ball = pg.PlotCurveItem(pen=pg.mkPen((25, 25, 25), width=2.5, style=Qt.DashLine))
        self.query = pg.ScatterPlotItem(symbol="+", size=24, pen=pg.mkPen("w", width=1), brush=pg.mkBrush(OUTLINE))
        self.text = pg.TextItem(anchor=(0, 1), fill=pg.mkBrush(255, 255, 255, 235), border=pg.mkPen("#444"))
        for item, z in ((self.lines, 7), (self.ball, 7), (self.query, 8), (self.text, 20)):
            item.setZValue(z)
            item.hide()
            plot.addItem(item)
        self.point: tuple[float, float] | None = None
        self.clear_state()

    @property
    def items(self) -> tuple:
        return self.lines, self.ball, self.query, self.text

    def clear_state(self) -> None:
        self.neighbors = np.zeros(0, np.int64)
        self.distances = np.zeros(0)
        self.votes = np.zeros(0, np.int64)
        self.radius: float | None = None

    def update(self, knn, dataset, active: bool) -> None:
        """Draw the probe's neighbours among ``knn``'s points (hidden when ``active`` is False,
        no probe is set or there is no model; left as it is while kNN still fits other points)."""
        if self.point is None or not active or knn is None:
            self.clear_state()
            for item in self.items:
                item.hide()
            return
        if len(knn.X) != len(dataset) or knn.n_classes != dataset.n_classes:
            return  # kNN is refitted on the next turn of the event loop
        qx, qy = self.point
        dist, idx = knn.kneighbors(np.array([[qx, qy]]))
        self.neighbors, self.distances = idx[0], dist[0].astype(float)
        self.votes = np.bincount(knn.y[idx[0]], minlength=knn.n_classes)
        r = self.radius = float(dist[0, -1])
        nb = np.asarray(knn.X, float)[idx[0]]
        pairs = np.empty((2 * len(nb), 2))
        pairs[0::2] = (qx, qy)
        pairs[1::2] = nb
        self.lines.setData(pairs[:, 0], pairs[:, 1])
        if knn.metric == "l1":
            ball = np.array([[r, 0], [0, r], [-r, 0], [0, -r], [r, 0]])
        else:
            a = np.linspace(0, 2 * np.pi, 121)
            ball = r * np.column_stack([np.cos(a), np.sin(a)])
        self.ball.setData(qx + ball[:, 0], qy + ball[:, 1])
        self.query.setData(pos=[(qx, qy)])
        self.text.setHtml(self._vote_html(knn, dataset))
        self.text.setPos(qx + 0.72 * r, qy + 0.72 * r)
        for item in self.items:
            item.show()

    def _vote_html(self, knn, dataset) -> str:
        colours = style.class_colours(dataset.n_classes)
        votes = self.votes
        top = votes.max()
        tie = (votes == top).sum() > 1
        tie_text = " — " + QCoreApplication.translate("PlaneView", "tie") if tie else ""
        rows = [f"<b>k = {knn.k}, {knn.metric.upper()}</b>{tie_text}"]
        for c in np.flatnonzero(votes):
            name = html.escape(dataset.class_names[c])
            weight = "bold" if votes[c] == top and not tie else "normal"
            rows.append(
                f"<span style='color:{colours[c]}; font-size:{style.css_pt(16)}'>■</span> "
                f"<span style='font-weight:{weight}'>{name}: {int(votes[c])}</span>"
            )
        return f"<div style='font-size:{style.css_pt(14)}; color:#000'>{'<br>'.join(rows)}</div>"


__all__ = ["KnnInspector"]
