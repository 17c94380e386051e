"""Colours, markers and fonts shared by every view, chosen for a projector.

Class colours are colour-blind safe — Okabe & Ito's eight for up to 8
classes, Paul Tol's muted ten beyond — and always paired with a marker
shape, so no class is told apart by colour alone.
"""

from __future__ import annotations

import re

import numpy as np
from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGraphicsView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QWidget,
)

OKABE_ITO = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000")
TOL_MUTED = ("#CC6677", "#332288", "#DDCC77", "#117733", "#88CCEE", "#882255", "#44AA99", "#999933",
             "#AA4499", "#DDDDDD")
MARKERS = ("o", "s", "t", "d", "star", "h", "p", "t1", "x", "+")
"""pyqtgraph symbol per class: circle, square, triangle, diamond, star, hexagon, pentagon, …"""

TIE_COLOUR = "#FFFFFF"
BASE_POINT_SIZE = 13
BASE_FONT_PT = 12


def class_colours(n_classes: int) -> tuple[str, ...]:
    """Hex colours for n classes (2 … 10)."""
    return (OKABE_ITO if n_classes <= 8 else TOL_MUTED)[:n_classes]


def class_rgb(n_classes: int) -> np.ndarray:
    """(C, 3) uint8 class colours."""
    return np.array([[int(h[i : i + 2], 16) for i in (1, 3, 5)] for h in class_colours(n_classes)], np.uint8)


def region_lut(n_classes: int, levels: int = 32, floor: float = 0.15, ceiling: float = 0.6) -> np.ndarray:
    """(C·levels + 1, 4) uint8 lookup table for regions: class c at confidence level
    q is its colour blended with white by floor … ceiling; the last row is the tie colour.

    Regions stay pale so the points drawn on top keep their contrast.
    """
    rgb = class_rgb(n_classes).astype(float)
    alpha = np.linspace(floor, ceiling, levels)
    mix = 255.0 + alpha[None, :, None] * (rgb[:, None, :] - 255.0)  # (C, levels, 3)
    lut = np.empty((n_classes * levels + 1, 4), np.uint8)
    lut[:-1, :3] = np.round(mix.reshape(-1, 3))
    lut[:-1, 3] = 255
    lut[-1] = (255, 255, 255, 255)
    return lut


def region_rgba(winner: np.ndarray, confidence: np.ndarray, lut: np.ndarray, levels: int = 32) -> np.ndarray:
    """(H, W, 4) uint8 image from winner (−1 = tie) and confidence in [0, 1]."""
    idx = (confidence * levels).astype(np.intp)  # np.take's own index type: no cast
    np.minimum(idx, levels - 1, out=idx)
    idx += winner.astype(np.intp) * levels
    ties = winner < 0
    if ties.any():  # kNN only
        idx[ties] = len(lut) - 1
    return np.take(lut, idx, axis=0)  # ~3× faster than lut[idx] (NumPy's fancy-index machinery)


# --- fonts ---------------------------------------------------------------------------------------
# One size for the whole app: the application font. Every other font is a multiple of it, so
# the teacher's Ctrl+plus (see presentation.py) grows menus, tables, axes and text items alike.
FONT_STEPS = (12, 14, 16, 18, 20, 24, 28)
"""The presentation font sizes (pt) that Ctrl+plus / Ctrl+minus step through."""


class _Fonts(QObject):
    """``pt``: the presentation font size (the app font; BASE_FONT_PT by default).
    ``changed(pt)``: every font in the app was rescaled to it (see :func:`set_font_pt`); views
    that size things from font metrics re-fit on it."""

    changed = Signal(float)

    def __init__(self):
        super().__init__()
        self.pt = float(BASE_FONT_PT)


fonts = _Fonts()


def scale() -> float:
    """How much larger than the design size (BASE_FONT_PT) the app's fonts are now."""
    return fonts.pt / BASE_FONT_PT


def point_size(base_pt: float) -> float:
    """A size designed for the default font (``base_pt`` at BASE_FONT_PT), at the current scale."""
    return base_pt * scale()


def font(base_pt: float = BASE_FONT_PT, bold: bool = False, base: QFont | None = None) -> QFont:
    """A copy of ``base`` (the app font by default) at ``point_size(base_pt)``."""
    f = QFont(base) if base is not None else QFont(QApplication.font())
    f.setPointSizeF(point_size(base_pt))
    if bold:
        f.setBold(True)
    return f


def css_pt(base_pt: float) -> str:
    """``point_size(base_pt)`` for CSS: ``font-size: {css_pt(14)}``."""
    return f"{point_size(base_pt):.4g}pt"


def label_style(base_pt: float, colour: str = "#000000") -> dict:
    """CSS for a pyqtgraph axis label: ``axis.setLabel(text, **label_style(14))``; the colour
    (chosen for white) is made readable on the theme's plot frame."""
    return {"font-size": css_pt(base_pt), "color": ink(colour)}


def set_font_pt(pt: float) -> None:
    """Make the application font ``pt`` points and every other font in the app the same
    multiple larger: widgets with a font of their own, font sizes in style sheets, pyqtgraph
    tick fonts, axis labels, text and label items; then ``fonts.changed(pt)``."""
    app = QApplication.instance()
    if pt <= 0 or abs(pt - fonts.pt) < 1e-6:
        return
    r, app_size = pt / fonts.pt, _size(app.font())
    widgets = app.allWidgets()
    before = [(w, _size(w.font())) for w in widgets]
    for w in widgets:
        _scale_css(w, r)
    fonts.pt = float(pt)
    f = QFont(app.font())
    f.setPointSizeF(pt)
    app.setFont(f)
    for w, (size, px) in before:  # what the app font did not reach (a font or a style sheet of its own)
        target = pt if (size, px) == app_size else size * r
        if size > 0 and abs(_size(w.font())[0] - target) > 0.05:
            w.setFont(_resized(w.font(), target, px))
    for scene in _scenes(widgets):
        for item in scene.items():
            _scale_item(item, r)
    for w in widgets:
        _scale_box(w, r)
        if isinstance(w, QAbstractItemView):
            _refit_view(w, r)
    fonts.changed.emit(pt)


def _size(f: QFont) -> tuple[float, bool]:
    return (f.pointSizeF(), False) if f.pointSizeF() > 0 else (float(f.pixelSize()), True)


def _resized(f: QFont, size: float, px: bool = False) -> QFont:
    f = QFont(f)
    if px:
        f.setPixelSize(max(1, round(size)))
    else:
        f.setPointSizeF(size)
    return f


def _scaled(f: QFont, r: float) -> QFont:
    size, px = _size(f)
    return _resized(f, size * r, px)


_CSS_SIZE = re.compile(r"font-size\s*:\s*([\d.]+)\s*(pt|px)")


def _scale_css_text(css: str, r: float) -> str:
    return _CSS_SIZE.sub(lambda m: f"font-size: {float(m.group(1)) * r:.5g}{m.group(2)}", css)


def _scale_css_size(size: str, r: float) -> str:
    """"14pt" → "16.333pt" for r = 7/6."""
    return _scale_css_text("font-size: " + size, r).split(": ", 1)[1]


def _scale_css(w: QWidget, r: float) -> None:
    css = w.styleSheet()
    if "font-size" not in css:
        return
    scaled = _scale_css_text(css, r)
    if css == w.property(_CSS_THEMED) and w.property(_CSS_SOURCE):  # themed: keep the light original in step
        w.setProperty(_CSS_SOURCE, _scale_css_text(w.property(_CSS_SOURCE), r))
        w.setProperty(_CSS_THEMED, scaled)
    w.setStyleSheet(scaled)


def _scenes(widgets) -> list:
    scenes = {}
    for w in widgets:
        if isinstance(w, QGraphicsView) and w.scene() is not None:
            scenes[id(w.scene())] = w.scene()
    return list(scenes.values())


def _scale_item(item, r: float) -> None:
    import pyqtgraph as pg

    if isinstance(item, pg.AxisItem):
        if item.style.get("tickFont") is not None:
            item.setTickFont(_scaled(item.style["tickFont"], r))
        if "font-size" in item.labelStyle:
            item.labelStyle["font-size"] = _scale_css_size(item.labelStyle["font-size"], r)
            item._updateLabel()  # pyqtgraph's own re-render of the label (setLabel would reset SI ranges)
        if item.fixedWidth:
            item.setWidth(round(item.fixedWidth * r))
        if item.fixedHeight:
            item.setHeight(round(item.fixedHeight * r))
    elif isinstance(item, pg.TextItem):
        item.setFont(_scaled(item.textItem.font(), r))
    elif isinstance(item, pg.LabelItem) and "size" in item.opts:
        item.setText(item.text, size=_scale_css_size(item.opts["size"], r))
    elif isinstance(item, pg.LegendItem) and "labelTextSize" in item.opts:
        item.opts["labelTextSize"] = _scale_css_size(item.opts["labelTextSize"], r)


def _scale_box(w: QWidget, r: float) -> None:
    """Widths set in pixels to fit a text (a fixed or a minimum width of a text field, button or
    label) grow with the text; so do fixed heights of item views (sized to their rows)."""
    if isinstance(w, QAbstractItemView):
        if 0 < w.minimumHeight() == w.maximumHeight():
            w.setFixedHeight(round(w.minimumHeight() * r))
        return
    if not isinstance(w, (QLineEdit, QAbstractSpinBox, QComboBox, QAbstractButton, QLabel)):
        return
    if (isinstance(w, QLabel) and not w.pixmap().isNull()) or 0 < w.minimumHeight() == w.maximumHeight():
        return  # an image, a swatch, an icon's box
    lo, hi = w.minimumWidth(), w.maximumWidth()
    if 0 < lo == hi:
        w.setFixedWidth(round(lo * r))
    elif lo > 0:
        w.setMinimumWidth(round(lo * r))


def _refit_view(view: QAbstractItemView, r: float) -> None:
    """Rows and columns of an item view follow its font (views that size themselves re-fit on
    ``fonts.changed``, which comes after)."""
    if isinstance(view, QTableView):
        vh, hh = view.verticalHeader(), view.horizontalHeader()
        vh.setDefaultSectionSize(max(round(vh.defaultSectionSize() * r), view.fontMetrics().height() + 4))
        hh.setMinimumSectionSize(round(hh.minimumSectionSize() * r))
        if hh.count() and hh.sectionResizeMode(0) == QHeaderView.ResizeMode.Interactive:
            view.resizeColumnsToContents()
    view.doItemsLayout()


# --- themes --------------------------------------------------------------------------------------
# Light: the design (white, black text). Dark: dark "chrome" — window, panels, menus, the
# frames and axes of the plots — around light "paper": every plot's data area, tables and
# legends stay light. The data inks were chosen for white: the black total-loss curve, the dark
# outlines of points and class lines, the pale decision regions, Okabe–Ito's black; on a dark
# ground they would vanish, and a projector's grey "black" crushes dark tints of the regions.
# Colours set in style sheets (chosen for white) are flipped in lightness on the dark chrome.
PAPER = "#FFFFFF"
DARK = {
    "window": "#202225", "text": "#E6E6E6", "base": "#3A3F46", "alt_base": "#444951",
    "button": "#363A40", "light": "#50555C", "midlight": "#43474E", "mid": "#2C2F34", "dark": "#141517",
    "highlight": "#2F6FD0", "highlighted_text": "#FFFFFF", "link": "#8AB4F8", "disabled": "#8C8C8C",
    "axis": "#C8C8C8", "tick": "#4D4D4D",
}
"""The dark theme's chrome. ``axis``: axis lines and tick labels on the plot frame; ``tick``: the
ticks and grid, which point into the (paper) data area."""
PAPER_PROPERTY = "paper"
"""A widget with this property set to True keeps the light palette in the dark theme."""
PAPER_NAMES = frozenset({"lossLegend", "compare_legend"})
"""objectNames of widgets that stay on paper too: legends that show black lines."""
_CSS_SOURCE, _CSS_THEMED = "linvizLightCss", "linvizThemedCss"


THEMES = ("light", "dark")


class _Theme(QObject):
    """``name`` ("light" or "dark"); ``changed(name)`` after :func:`set_theme` re-coloured the app."""

    changed = Signal(str)

    def __init__(self):
        super().__init__()
        self.name = "light"

    @property
    def dark(self) -> bool:
        return self.name == "dark"


theme = _Theme()


def luminance(colour) -> float:
    """WCAG relative luminance of a colour (0 black … 1 white)."""
    c = QColor(colour)
    lin = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in (c.redF(), c.greenF(), c.blueF())]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a, b) -> float:
    """WCAG contrast ratio of two colours (1 … 21); text wants ≥ 4.5."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def flip_lightness(colour, floor: float = 0.0) -> str:
    """The colour with its HSL lightness mirrored (hue and saturation kept), at least ``floor``."""
    c = QColor(colour)
    h, s, lightness, a = c.getHslF()
    return QColor.fromHslF(max(h, 0.0), s, max(1.0 - lightness, floor), a).name()


def readable_on(colour, background, ratio: float = 4.5) -> str:
    """``colour`` (a text colour chosen for white) made readable on a dark ``background``: its
    lightness mirrored, then lightened until the contrast is at least ``ratio``."""
    c = QColor(flip_lightness(colour))
    h, s, lightness, _ = c.getHslF()
    while contrast(c, background) < ratio and lightness < 1.0:
        lightness = min(1.0, lightness + 0.03)
        c = QColor.fromHslF(max(h, 0.0), s, lightness)
    return c.name()


_DESIGN: dict[str, str] = {}
"""Colours given by :func:`ink` in the dark theme → the colours they stand for (chosen for white)."""


def ink(colour: str) -> str:
    """A text colour chosen for white, as it reads on the current theme's chrome."""
    if not theme.dark:
        return colour
    inked = readable_on(colour, DARK["window"])
    _DESIGN[inked] = QColor(colour).name()
    return inked


def design_colour(colour) -> str:
    """The colour chosen for white that ``colour`` (maybe given by :func:`ink`) stands for."""
    name = QColor(colour).name()
    return _DESIGN.get(name, name)


def _is_paper(w: QWidget) -> bool:
    return bool(w.property(PAPER_PROPERTY)) or w.objectName() in PAPER_NAMES


def light_palette() -> QPalette:
    return QApplication.style().standardPalette()


def dark_palette() -> QPalette:
    d, p = DARK, QPalette()
    roles = {
        QPalette.Window: d["window"], QPalette.WindowText: d["text"], QPalette.Base: d["base"],
        QPalette.AlternateBase: d["alt_base"], QPalette.Text: d["text"], QPalette.Button: d["button"],
        QPalette.ButtonText: d["text"], QPalette.BrightText: "#FFFFFF", QPalette.Light: d["light"],
        QPalette.Midlight: d["midlight"], QPalette.Mid: d["mid"], QPalette.Dark: d["dark"],
        QPalette.Shadow: "#000000", QPalette.Highlight: d["highlight"],
        QPalette.HighlightedText: d["highlighted_text"], QPalette.Link: d["link"],
        QPalette.LinkVisited: d["link"], QPalette.ToolTipBase: d["base"], QPalette.ToolTipText: d["text"],
        QPalette.PlaceholderText: d["disabled"],
    }
    for role, colour in roles.items():
        p.setColor(role, QColor(colour))
    for role in (QPalette.WindowText, QPalette.Text, QPalette.ButtonText):
        p.setColor(QPalette.Disabled, role, QColor(d["disabled"]))
    return p


def set_theme(name: str) -> None:
    """Re-colour the whole app: palette, every plot, style sheets; then ``theme.changed(name)``."""
    import pyqtgraph as pg

    if name not in THEMES:
        raise ValueError(f"theme must be one of {THEMES}, not {name!r}")
    app = QApplication.instance()
    theme.name = name
    dark = theme.dark
    app.setPalette(dark_palette() if dark else light_palette())
    pg.setConfigOptions(background=DARK["window"] if dark else "w", foreground=DARK["axis"] if dark else "k")
    for w in app.allWidgets():
        theme_widget(w)
    if dark:
        app.installEventFilter(_follower)
    else:
        app.removeEventFilter(_follower)
    theme.changed.emit(name)


def _on_paper(w: QWidget) -> bool:
    while w is not None:
        if _is_paper(w) or (isinstance(w, QAbstractItemView) and not _in_popup(w)):
            return True
        w = w.parentWidget()
    return False


def _in_popup(w: QWidget) -> bool:
    return w.window().windowType() == Qt.WindowType.Popup


def theme_widget(w: QWidget, repolish: bool = True) -> None:
    """Apply the current theme to one widget: paper palette, style sheet colours, plot colours
    (``repolish``: a widget polished before the palette changed)."""
    if (_is_paper(w) or isinstance(w, QAbstractItemView)) and not _in_popup(w):  # not a combo box's list
        w.setPalette(light_palette() if theme.dark else QPalette())
        if _is_paper(w):
            w.setAutoFillBackground(theme.dark or w.autoFillBackground())
    theme_css(w)
    if repolish and w.testAttribute(Qt.WidgetAttribute.WA_StyleSheet):  # a style sheet froze its palette
        w.style().unpolish(w)
        w.style().polish(w)
    if isinstance(w, QGraphicsView):
        theme_plot(w)


def theme_css(w: QWidget) -> None:
    """Colours in a widget's style sheet: as written (light), or lightness-flipped (dark, off paper)."""
    css = w.styleSheet()
    source = w.property(_CSS_SOURCE) if css == w.property(_CSS_THEMED) else css  # else: set anew by its view
    if not source:
        if w.property(_CSS_SOURCE) is not None:
            w.setProperty(_CSS_SOURCE, None)
            w.setProperty(_CSS_THEMED, None)
        return
    themed = _dark_css(source) if theme.dark and not _on_paper(w) else source
    w.setProperty(_CSS_SOURCE, source)
    w.setProperty(_CSS_THEMED, themed)
    if themed != css:
        w.setStyleSheet(themed)


_CSS_DECL = re.compile(r"([\w-]+)(\s*:\s*)([^;{}]+)")
_CSS_COLOUR = re.compile(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b|\bwhite\b|\bblack\b")


def _dark_css(css: str) -> str:
    def declaration(m):
        prop, value = m.group(1), m.group(3)
        if prop == "color":
            value = _CSS_COLOUR.sub(lambda c: readable_on(c.group(0), DARK["window"]), value)
        else:  # backgrounds and borders: pale grounds become dark ones (text on them is light)
            value = _CSS_COLOUR.sub(lambda c: flip_lightness(c.group(0), floor=0.2), value)
        return prop + m.group(2) + value

    return _CSS_DECL.sub(declaration, css)


def theme_plot(view: QGraphicsView) -> None:
    """A pyqtgraph view in the current theme: the frame and the axes' lines and tick labels
    dark-on-light or light-on-dark; data areas (ViewBoxes) on paper; axis labels and titles in
    their colour, made readable on the frame."""
    import pyqtgraph as pg

    if not isinstance(view, pg.GraphicsView) or view.scene() is None:
        return
    dark = theme.dark
    view.setBackground(DARK["window"] if dark else "w")
    for item in view.scene().items():
        if isinstance(item, pg.AxisItem):
            source = design_colour(item.labelStyle.get("color", "#000000"))
            item.setPen(DARK["axis"] if dark else "k")
            item.setTextPen(DARK["text"] if dark else "k")
            if dark:
                item.setTickPen(DARK["tick"])
            else:
                item.setTickPen()
            item.labelStyle["color"] = ink(source)
            item._updateLabel()
        elif isinstance(item, pg.ViewBox):  # one paper under stacked boxes (a second y axis)
            item.setBackgroundColor(PAPER if dark and not _over_another(item) else None)
        elif isinstance(item, pg.LabelItem) and not _in_viewbox(item):  # a title on the frame
            source = design_colour(pg.mkColor(item.opts.get("color") or "#000000"))
            item.setText(item.text, color=ink(source))


def _over_another(vb) -> bool:
    """True if a ViewBox linked with ``vb`` lies under it (a second y axis): one paper, under both."""
    import pyqtgraph as pg

    def links(v) -> tuple:
        return v.linkedView(pg.ViewBox.XAxis), v.linkedView(pg.ViewBox.YAxis)

    def depth(v) -> tuple:  # stacking: the top-level item's z first, then its own
        return v.topLevelItem().zValue(), v.zValue()

    return any(isinstance(o, pg.ViewBox) and o is not vb and depth(o) < depth(vb)
               and (o in links(vb) or vb in links(o)) for o in vb.scene().items())


def _in_viewbox(item) -> bool:
    import pyqtgraph as pg

    while item is not None:
        if isinstance(item, (pg.ViewBox, pg.LegendItem)):
            return True
        item = item.parentItem()
    return False


class _ThemeFollower(QObject):
    """In the dark theme: widgets shown later and style sheets set later get the theme too."""

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt name)
        t = event.type()
        if t == QEvent.Type.Polish and isinstance(obj, QWidget):
            theme_widget(obj, repolish=False)
        elif t == QEvent.Type.StyleChange and isinstance(obj, QWidget) and obj.styleSheet() != obj.property(
                _CSS_THEMED):
            theme_css(obj)
        return False


_follower = _ThemeFollower()
