"""Where chart labels go: text sizes, plot areas on a phone and a desktop, and a placement rule.

A figure is one spec for every screen, so a label is placed only where it stays inside the plot
and clear of other labels, markers and lines at every width in :data:`SCREENS`; otherwise it is
left to the hover text. Pure: numbers in, positions out.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

LABEL_SIZE = 13
LEGEND_SIZE = 13

# The margins every chart starts from (px). The top one is left empty for Plotly's modebar,
# which appears there on hover (or a tap on a phone) instead of over the data; the bottom one
# holds the x tick labels and the axis title, and the legend goes below it (see BASE_LAYOUT); the
# right one half of a "10^32" tick label centred on the axis end.
MARGIN: dict[str, int] = {"l": 72, "r": 24, "t": 34, "b": 64}

# ---- screens and label geometry ------------------------------------------------------------------

# Figure widths (px) a chart is drawn at: the main column of a 390 px phone, of a 1440 px desktop
# with the sidebar open, and of a wide projector screen with it closed.
SCREENS: dict[str, int] = {"phone": 358, "desktop": 975, "wide": 1380}
_CHAR_EM = 0.58  # mean glyph width of the UI font, in ems, on the generous side
_LEGEND_ROW = 22  # px per legend row at LEGEND_SIZE, on the generous side
_LEGEND_SYMBOL = 46  # px of line sample and gaps per legend entry


def text_size(text: str, font_size: float = LABEL_SIZE) -> tuple[float, float]:
    """Estimated (width, height) in px of one line of label text, with a little padding."""
    plain = text
    for tag in ("<b>", "</b>", "<i>", "</i>", "<sup>", "</sup>", "<sub>", "</sub>"):
        plain = plain.replace(tag, "")
    lines = plain.split("<br>")
    width = max(len(line) for line in lines) * _CHAR_EM * font_size + 6
    return width, len(lines) * 1.3 * font_size + 4


def legend_columns(names: Sequence[str], width: float) -> int:
    """How many equal columns of the widest entry of ``names`` fit in ``width`` px (at least one)."""
    widest = max(_LEGEND_SYMBOL + text_size(name, LEGEND_SIZE)[0] for name in names)
    return max(1, int(width // widest))


def legend_height(names: Sequence[str], width: float) -> float:
    """Estimated height (px) of a horizontal legend of ``names`` wrapped to ``width`` (the plot's).

    Plotly lays a wrapping horizontal legend out in equal columns as wide as its widest entry.
    """
    if not names:
        return 0.0
    return math.ceil(len(names) / legend_columns(names, width)) * _LEGEND_ROW + 10


def phone_legend_columns(names: Sequence[str], **overrides: int) -> int:
    """The legend's columns on the narrowest screen, which every screen then uses (see :func:`margins`)."""
    m = {**MARGIN, **overrides}
    return legend_columns(names, min(SCREENS.values()) - m["l"] - m["r"]) if names else 1


@dataclass(frozen=True)
class Frame:
    """A plot area: axis ranges in axis units (log10 on log axes) and its size in px."""

    x_range: tuple[float, float]
    y_range: tuple[float, float]
    width: float
    height: float

    def px(self, x: np.ndarray | float, y: np.ndarray | float) -> tuple[np.ndarray, np.ndarray]:
        """Pixel position from the bottom-left corner of the plot area (y upwards)."""
        (x0, x1), (y0, y1) = self.x_range, self.y_range
        return ((np.asarray(x, float) - x0) / (x1 - x0) * self.width,
                (np.asarray(y, float) - y0) / (y1 - y0) * self.height)


def margins(legend: Sequence[str] = (), **overrides: int) -> dict[str, int]:
    """A figure's margins (px): :data:`MARGIN` with ``overrides``, and room under the axis for its legend.

    Fixed, not Plotly's automargin: a margin that grows while a chart is drawn makes Plotly draw
    it twice, and every chart a slider changes is drawn anew. The legend hangs under the axis
    title, so the bottom margin holds the axis and the legend as it wraps on a phone (the most
    rows). Every screen lays the legend out in the phone's columns, spread across its width
    (Chart.figure), so a desktop has the same rows and no blank strip under them.
    """
    m = {**MARGIN, **overrides}
    if legend:
        phone_w = min(SCREENS.values()) - m["l"] - m["r"]
        m["b"] += math.ceil(legend_height(legend, phone_w))
    return m


def frames(x_range: tuple[float, float], y_range: tuple[float, float], height: float,
           legend: Sequence[str] = (), margin: dict[str, int] | None = None) -> list[Frame]:
    """The plot area of a figure ``height`` px tall at every screen in :data:`SCREENS`.

    ``legend`` and ``margin`` (overrides) as for :func:`margins`.
    """
    m = margins(legend, **(margin or {}))
    return [Frame(x_range, y_range, w - m["l"] - m["r"], height - m["t"] - m["b"]) for w in SCREENS.values()]


@dataclass(frozen=True)
class Box:
    """Something labels must keep clear of: a px box around a point given in axis units."""

    x: float
    y: float
    left: float
    bottom: float
    right: float
    top: float

    @classmethod
    def around(cls, x: float, y: float, w: float, h: float, dx: float = 0.0, dy: float = 0.0) -> Box:
        """A ``w`` x ``h`` px box centred ``dx``, ``dy`` px from the point (y upwards)."""
        return cls(x, y, dx - w / 2, dy - h / 2, dx + w / 2, dy + h / 2)

    def rect(self, frame: Frame) -> tuple[float, float, float, float]:
        px, py = frame.px(self.x, self.y)
        return float(px) + self.left, float(py) + self.bottom, float(px) + self.right, float(py) + self.top


def overlaps(a: tuple[float, float, float, float], b: tuple[float, float, float, float], pad: float = 0.0) -> bool:
    """Whether two (left, bottom, right, top) rectangles overlap by more than ``-pad`` px."""
    return a[0] < b[2] + pad and b[0] < a[2] + pad and a[1] < b[3] + pad and b[1] < a[3] + pad


@lru_cache(maxsize=256)
def _candidates(w: float, h: float, gap: float, rings: int) -> np.ndarray:
    """Label-centre offsets (px) around a point, nearest first; above and right win ties."""
    out = []
    beside = w / 2 + gap
    for k in range(rings):
        out += [(beside + 14 * k, 0.0), (-beside - 14 * k, 0.0)]  # level with the point, further out
        for sy in (1, -1):
            dy = sy * (h / 2 + gap + (h + 4) * k)  # rows above and below, each a label higher
            out += [(dx, dy) for dx in (0.0, beside, -beside, w / 3, -w / 3)]
    return np.array(sorted(out, key=lambda o: (math.hypot(*o), -o[1], -o[0])))


def _densify(points: np.ndarray, step: float = 5.0) -> np.ndarray:
    """A px polyline as points at most ``step`` px apart, so a label cannot fall between two of them."""
    points = points[np.all(np.isfinite(points), axis=1)]
    if len(points) < 2:
        return points
    seg = np.diff(points, axis=0)
    n = np.maximum(1, np.ceil(np.hypot(seg[:, 0], seg[:, 1]) / step)).astype(int)
    t = (np.arange(n.sum()) - np.repeat(np.cumsum(n) - n, n)) / np.repeat(n, n)
    start = np.repeat(points[:-1], n, axis=0)
    return np.concatenate([start + np.repeat(seg, n, axis=0) * t[:, None], points[-1:]])


def _to_px(screens: Sequence[Frame], x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Points in axis units as px in every frame: two (frames, points) arrays."""
    xr = np.array([f.x_range for f in screens], float)
    yr = np.array([f.y_range for f in screens], float)
    w = np.array([f.width for f in screens], float)[:, None]
    h = np.array([f.height for f in screens], float)[:, None]
    return ((np.asarray(x, float)[None, :] - xr[:, :1]) / (xr[:, 1:] - xr[:, :1]) * w,
            (np.asarray(y, float)[None, :] - yr[:, :1]) / (yr[:, 1:] - yr[:, :1]) * h)


_LEADER = np.linspace(0.15, 0.85, 8)  # where along a leader line it is sampled


def place_labels(points: Sequence[tuple[float, float]], texts: Sequence[str], screens: Sequence[Frame], *,
                 font_size: float = LABEL_SIZE, marker: float | Sequence[float] = 12, avoid: Sequence[Box] = (),
                 lines: Sequence[tuple[np.ndarray, np.ndarray]] = (), rings: int = 5,
                 pad: float = 2.0, lines_hard: bool = False, on_lines: list[bool] | None = None
                 ) -> list[tuple[float, float] | None]:
    """Offsets (px, y up) for labels of ``points`` (axis units) so that no two labels overlap.

    ``marker``: the size (px) of the markers at the points, one for all or one per point.

    Greedy, in the order given (most important first). A position is taken only if, at every
    frame in ``screens``, the label lies inside the plot area and clear of every label placed
    before it, every point's marker and every ``avoid`` box; positions clear of ``lines``
    (polylines in axis units) and of earlier labels' leader lines are preferred, or required
    with ``lines_hard``. ``None``: no room; leave that label to the hover. ``on_lines``, if
    given, gets one flag per label: placed over a line (worth a background box) or not.
    """
    if not len(points):
        return []
    sizes = [text_size(t, font_size) for t in texts]
    halves = [m / 2 + 1 for m in (marker if isinstance(marker, Sequence) else [marker] * len(points))]
    width = np.array([f.width for f in screens], float)[:, None]
    height = np.array([f.height for f in screens], float)[:, None]
    # Fixed boxes (every point's marker, then ``avoid``) in px: (frames, boxes, 4).
    boxes = [Box.around(x, y, 2 * half, 2 * half) for (x, y), half in zip(points, halves)] + list(avoid)
    bx, by = _to_px(screens, np.array([b.x for b in boxes]), np.array([b.y for b in boxes]))
    offs = np.array([(b.left, b.bottom, b.right, b.top) for b in boxes], float)
    fixed = np.stack([bx + offs[:, 0], by + offs[:, 1], bx + offs[:, 2], by + offs[:, 3]], axis=-1)
    line_px = []
    for i in range(len(screens)):
        parts = [_densify(np.column_stack([a[i] for a in _to_px(screens, x, y)])) for x, y in lines]
        line_px.append(np.concatenate(parts) if parts else np.empty((0, 2)))
    ax, ay = _to_px(screens, np.array([p[0] for p in points]), np.array([p[1] for p in points]))
    placed = np.empty((len(screens), 0, 4))
    out: list[tuple[float, float] | None] = []
    for j, ((w, h), half) in enumerate(zip(sizes, halves)):
        cands = _candidates(w, h, max(4.0, half + 2), rings)
        cx, cy = ax[:, j, None] + cands[None, :, 0], ay[:, j, None] + cands[None, :, 1]  # (frames, candidates)
        r = np.stack([cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2], axis=-1)
        ok = ((r[..., 0] >= 1) & (r[..., 2] <= width - 1) & (r[..., 1] >= 1) & (r[..., 3] <= height - 1)).all(axis=0)
        others = np.concatenate([fixed, placed], axis=1)
        hit = ((r[:, :, None, 0] < others[:, None, :, 2] + pad) & (others[:, None, :, 0] < r[:, :, None, 2] + pad)
               & (r[:, :, None, 1] < others[:, None, :, 3] + pad) & (others[:, None, :, 1] < r[:, :, None, 3] + pad))
        ok &= ~hit.any(axis=(0, 2))
        clear = np.ones(len(cands), bool)
        far = (np.abs(cands[:, 0]) > w / 2 + 12) | (np.abs(cands[:, 1]) > h / 2 + 12)
        if placed.shape[1] and far.any():  # this label's own leader line should not cross labels placed
            lx = ax[:, j, None, None] + _LEADER[None, None, :] * cands[None, :, 0, None]  # (frames, cands, 8)
            ly = ay[:, j, None, None] + _LEADER[None, None, :] * cands[None, :, 1, None]
            d = placed[:, None, None, :, :]
            cross = ((lx[..., None] > d[..., 0]) & (lx[..., None] < d[..., 2])
                     & (ly[..., None] > d[..., 1]) & (ly[..., None] < d[..., 3]))
            clear &= ~(far & cross.any(axis=(0, 2, 3)))
        reach = np.abs(cands).max(axis=0) + (w, h)  # only line points some candidate could cover
        for i, lp in enumerate(line_px):
            lp = lp[(np.abs(lp[:, 0] - ax[i, j]) <= reach[0]) & (np.abs(lp[:, 1] - ay[i, j]) <= reach[1])]
            if len(lp):
                ri = r[i]
                inside = ((lp[None, :, 0] > ri[:, None, 0]) & (lp[None, :, 0] < ri[:, None, 2])
                          & (lp[None, :, 1] > ri[:, None, 1]) & (lp[None, :, 1] < ri[:, None, 3]))
                clear &= ~inside.any(axis=1)
        best = np.flatnonzero(ok & clear)
        if on_lines is not None:
            on_lines.append(not len(best))
        if not len(best) and not lines_hard:
            best = np.flatnonzero(ok)
        if not len(best):
            out.append(None)
            continue
        k = int(best[0])
        dx, dy = float(cands[k, 0]), float(cands[k, 1])
        out.append((dx, dy))
        placed = np.concatenate([placed, r[:, k:k + 1]], axis=1)
        if far[k]:  # a leader line (see Chart.callout) is a line later labels should keep off
            for i in range(len(screens)):
                seg = np.column_stack([ax[i, j] + _LEADER * dx, ay[i, j] + _LEADER * dy])
                line_px[i] = np.concatenate([line_px[i], seg])
    return out


def is_far(dx: float, dy: float, w: float, h: float) -> bool:
    """Whether a label this far from its point needs a leader line to show whose it is."""
    return abs(dx) > w / 2 + 12 or abs(dy) > h / 2 + 12  # beyond the first ring of _candidates


def dodge(positions: Sequence[float], size: float, lo: float, hi: float) -> list[float]:
    """1-D positions (px) moved as little as possible so neighbours are ``size`` apart, within [lo, hi].

    For labels stacked along an axis (line ends), in any order; returns them in the input order.
    """
    order = sorted(range(len(positions)), key=lambda i: positions[i])
    pos = [min(max(float(positions[i]), lo + size / 2), hi - size / 2) for i in order]
    for j in range(1, len(pos)):  # push up from the bottom
        pos[j] = max(pos[j], pos[j - 1] + size)
    for j in range(len(pos) - 1, -1, -1):  # then down from the top, if that ran over
        cap = hi - size / 2 if j == len(pos) - 1 else pos[j + 1] - size
        pos[j] = min(pos[j], cap)
    out = [0.0] * len(pos)
    for rank, i in enumerate(order):
        out[i] = pos[rank]
    return out


def nested_sizes(y_px: Sequence[float], *, base: float = 11, step: float = 7, near: float = 12) -> list[float]:
    """Marker sizes for points on one vertical line: points within ``near`` px of each other nest.

    A cluster of n coinciding markers gets sizes base + step*(n-1), ..., base, so drawn biggest
    first they read as rings of their own colours instead of one blob.
    """
    order = sorted(range(len(y_px)), key=lambda i: y_px[i])
    sizes = [base] * len(y_px)
    cluster: list[int] = []
    for i in order + [None]:  # type: ignore[list-item]
        if i is not None and (not cluster or y_px[i] - y_px[cluster[-1]] < near):
            cluster.append(i)
            continue
        for rank, j in enumerate(cluster):
            sizes[j] = base + step * (len(cluster) - 1 - rank)
        cluster = [] if i is None else [i]
    return sizes


# ---- the figure builder ----------------------------------------------------------------------------

