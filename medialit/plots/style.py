"""What every plot of the kit shares: the figure class, sizes, fonts, titles and text alternatives.

Every plot is a :class:`ClassFigure`: a matplotlib Figure (no pyplot, no global
state, works headless) that shows itself in a notebook as a PNG together with a
**text alternative** (``fig.alt``: what the plot shows, with its numbers, in one or
two sentences) as ``text/plain``, as the ``alt`` of an ``<img>`` in ``text/html``
(for screen readers, and where the image does not load) and in the PNG's
``Description``. Its texts are always drawn as plain text: a ``$`` in a learner's
name or a headline is never read as matplotlib mathtext (nor TeX).

>>> fig = described(figure(4, 3, left=0.5, right=0.2, top=0.4, bottom=0.4), "An empty plot.", " ")
>>> fig.alt, percent(0.256), listing("abc", 2)
('An empty plot.', '26%', 'a, b and 1 more')
"""

from __future__ import annotations

import base64
import io
from pathlib import Path

from matplotlib import rc_context
from matplotlib.figure import Figure
from matplotlib.text import Text

from medialit.html import render

#: Font sizes (points): the class view is read on a projector.
FONT = {"title": 20, "sub": 13, "axis": 15, "tick": 13, "cell": 13}


class ClassFigure(Figure):
    """A matplotlib Figure that shows itself in a notebook without pyplot, with a text alternative.

    ``alt`` says what the plot shows in words (set by every plot function of the
    kit, through :func:`described`). All its texts are drawn as plain text:
    :meth:`draw` switches mathtext and TeX off for every text, tick labels made while
    drawing included, so ``$``, ``_``, ``^`` and ``\\`` in names and headlines are
    shown as they are.

    >>> fig = ClassFigure()
    >>> fig.alt = 'An "empty" plot.'
    >>> data, meta = fig._repr_mimebundle_()
    >>> sorted(data), data["text/plain"], meta["image/png"]["alt"]
    (['image/png', 'text/html', 'text/plain'], 'An "empty" plot.', 'An "empty" plot.')
    >>> 'alt="An &#34;empty&#34; plot."' in data["text/html"]
    True
    """

    alt: str = ""

    def draw(self, renderer):
        with rc_context({"text.parse_math": False, "text.usetex": False}):   # for ticks made while drawing
            for t in self.findobj(Text):
                t.set_parse_math(False)
                t.set_usetex(False)
            return super().draw(renderer)

    def _png(self, dpi: int = 80) -> bytes:
        buf = io.BytesIO()
        self.savefig(buf, format="png", dpi=dpi, facecolor="white", metadata=self.png_metadata())
        return buf.getvalue()

    def png_metadata(self) -> dict:
        """PNG text chunks: the text alternative as the image's ``Description``."""
        return {"Description": self.alt} if self.alt else {}

    def _repr_png_(self) -> bytes:
        return self._png()

    def _repr_mimebundle_(self, include=None, exclude=None):
        b64 = base64.b64encode(self._png()).decode("ascii")
        alt = self.alt or "A plot (no description was given)."
        data = {"image/png": b64, "text/plain": alt,
                "text/html": str(render("plots_figure.html.j2", png_base64=b64, alt=alt))}
        return data, {"image/png": {"alt": alt}}

    def __repr__(self) -> str:
        return self.alt or super().__repr__()


def described(fig: Figure, *sentences: str) -> Figure:
    """Give a figure its text alternative (sentences joined with spaces, blank ones left out); returns it."""
    fig.alt = " ".join(x.strip() for x in sentences if x and x.strip())
    return fig


def percent(x: float) -> str:
    """A share from 0 to 1 as a whole percentage."""
    return f"{round(100 * x)}%"


def listing(items, limit: int = 8) -> str:
    """``a, b, c`` (at most ``limit`` items, then "and N more")."""
    items = list(items)
    if len(items) > limit:
        return ", ".join(items[:limit]) + f" and {len(items) - limit} more"
    return ", ".join(items)


def figure(w: float, h: float, *, left: float, right: float, top: float, bottom: float) -> ClassFigure:
    """A figure of w × h inches whose axes leave the given margins (inches) free.

    Fixed margins instead of matplotlib's layout engines: they cost a second full
    draw per figure, and the class view must stay fast on big classes.
    """
    fig = ClassFigure(figsize=(w, h), dpi=100)
    fig.subplots_adjust(left=left / w, right=1 - right / w, top=1 - top / h, bottom=bottom / h)
    return fig


def head(fig: Figure, title: str, subtitle: str = "") -> None:
    """A bold title and, under it, one line saying how to read the plot."""
    h = fig.get_size_inches()[1]
    fig.text(0.5, 1 - 0.15 / h, title, ha="center", va="top", fontsize=FONT["title"], fontweight="bold")
    if subtitle:
        fig.text(0.5, 1 - 0.6 / h, subtitle, ha="center", va="top", fontsize=FONT["sub"], color="#374151")


def inches(fig: Figure, x0: float, y0: float, w: float, h: float):
    """An axes placed in inches from the figure's lower left corner."""
    fw, fh = fig.get_size_inches()
    return fig.add_axes((x0 / fw, y0 / fh, w / fw, h / fh))


def save_png(fig: Figure, path: Path) -> Path:
    """Write ``fig`` as a PNG (with its text alternative as ``Description``); returns ``path``."""
    meta = fig.png_metadata() if isinstance(fig, ClassFigure) else {}
    fig.savefig(path, dpi=100, facecolor="white", metadata=meta, pil_kwargs={"compress_level": 3})
    return path
