"""House style: one palette, one way to finish a figure, one way to credit sources.

Every chart is finished by `finish`, so a reader always finds the same things in the same places: a title that
states the finding (generated from the data by the chart, never typed), a subtitle with the measure and period, a
notes line for caveats and unavailable values, and a "Source:" line built from the figures' own provenance
(publisher, document title, date) — the credit cannot drift from the data because it is read from the same rows.

matplotlib is imported inside functions only: `analysis.cli` and `analysis.factcheck.verify` must start without it.
"""

from __future__ import annotations

import contextlib
import functools
import math
import textwrap
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

STYLE_PATH = Path(__file__).with_name("house.mplstyle")

#: UK Government Analysis Function categorical palette, in its recommended order (colour-blind safe).
PALETTE = ("#12436D", "#28A197", "#801650", "#F46A25", "#3D3D3D", "#A285D1")
DARK_BLUE, TURQUOISE, DARK_PINK, ORANGE, DARK_GREY, LIGHT_PURPLE = PALETTE
TEXT = "#0B0C0C"
SECONDARY_TEXT = "#505A5F"
#: Background for "not published" (drawn as an outline, so the absence is visible without a colour meaning).
MISSING_EDGE = "#B1B4B6"

#: Text sizes (points) of the frame `finish` draws around the plot.
TITLE_SIZE, SUBTITLE_SIZE, FOOTER_SIZE = 14.0, 10.5, 8.5
LINE_SPACING = 1.3
MARGIN_IN = 0.25  # left/right/top/bottom margin, inches
GAP_IN = 0.12  # between header, plot and footer, inches
SIZE_STEP_IN = 0.05  # figure heights are rounded up to this, so PNG sizes are whole pixels at 100 and 200 dpi

#: How many documents a source line lists by name before it summarises, and how many publishers it then names.
MAX_NAMED_SOURCES = 4
MAX_NAMED_PUBLISHERS = 6


@dataclass(frozen=True)
class Credit:
    """Who published the figures a chart shows: a line for the chart and a name and link for Datawrapper."""

    name: str
    url: str
    line: str


@functools.cache
def _house_rc() -> dict[str, Any]:
    """The style file's settings, parsed once per process (parsing it on every use cost seconds per run)."""
    import matplotlib

    return dict(matplotlib.rc_params_from_file(STYLE_PATH, use_default_template=False))


_active = threading.local()


@contextlib.contextmanager
def house() -> Iterator[None]:
    """Apply the shipped style file for the duration of a block (rcParams are read when artists are made).

    Re-entrant: a block inside another house() block costs nothing, so helpers can ask for the style freely.
    """
    import matplotlib

    if getattr(_active, "depth", 0):
        _active.depth += 1
        try:
            yield
        finally:
            _active.depth -= 1
        return
    with matplotlib.rc_context(rc=_house_rc()):
        _active.depth = 1
        try:
            yield
        finally:
            _active.depth = 0


def styled(draw: Callable[..., T]) -> Callable[..., T]:
    """Decorator: run a whole chart function under the house style, since rcParams are read as artists are made
    (legend frames, grid colours, line widths), not only when the figure is created."""

    @functools.wraps(draw)
    def wrapper(*args: Any, **kwargs: Any) -> T:
        with house():
            return draw(*args, **kwargs)

    return wrapper


def new_figure(nrows: int = 1, ncols: int = 1, *, width: float = 8.0, plot_height: float = 4.0,
               **subplot_kw: Any) -> tuple[Any, Any]:
    """A Figure on an Agg canvas (no pyplot: no global state, no GUI, nothing to close) and its axes.

    `plot_height` is the height of the plotting area; `finish` adds room above and below for the text frame.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    with house():
        fig = Figure(figsize=(width, plot_height))
        FigureCanvasAgg(fig)
        axes = fig.subplots(nrows, ncols, squeeze=True, **subplot_kw)
    return fig, axes


def long_date(iso: str) -> str:
    """'2016-11-24' → '24 November 2016' (GOV.UK style: no leading zero, no ordinal)."""
    d = date.fromisoformat(str(iso)[:10])
    return f"{d.day} {d:%B %Y}"


def month_year(iso: str) -> str:
    """'2016-11-24' → 'November 2016'."""
    return f"{date.fromisoformat(str(iso)[:10]):%B %Y}"


def join_words(items: Sequence[str]) -> str:
    """['a', 'b', 'c'] → 'a, b and c'."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def credit(figures: Any, figure_ids: Iterable[str]) -> Credit:
    """The source credit for the figures a chart uses, read from the figures table's provenance columns.

    Documents are listed oldest first as "publisher, 'title', date"; a report of someone else's document is
    marked "(report)" so a reader can tell a copy from the original. Many documents are summarised by publisher so
    the line stays readable; the workbook lists them all.
    """
    ids = {str(i) for i in figure_ids if isinstance(i, str) and i}
    rows = figures[figures["figure_id"].isin(ids)]
    docs = (rows.drop_duplicates("source_id")
            .sort_values(["published", "source_id"], kind="stable")
            .reset_index(drop=True))
    if docs.empty:
        return Credit("", "", "not recorded")
    publishers = list(dict.fromkeys(docs["publisher"]))
    if len(docs) <= MAX_NAMED_SOURCES:
        parts = [f"{r.publisher}, '{r.source_title}', {long_date(r.published)}" + ("" if r.primary else " (report)")
                 for r in docs.itertuples()]
        line = "; ".join(parts)
    else:
        first, last = docs["published"].iloc[0], docs["published"].iloc[-1]
        by_count = list(docs["publisher"].value_counts(sort=True).index)  # most documents first, ties by order
        named = by_count[:MAX_NAMED_PUBLISHERS]
        others = len(by_count) - len(named)
        who = join_words(named + ([f"{others} other publisher{'s' if others > 1 else ''}"] if others else []))
        line = (f"{len(docs)} documents published {month_year(first)} to {month_year(last)} by {who} "
                "(all listed in the workbook's Sources sheet)")
    ranked = docs.sort_values(["primary", "published"], ascending=[False, False], kind="stable")
    return Credit(name="; ".join(publishers), url=str(ranked["url"].iloc[0]), line=line)


def _measure(fig: Any, text: str, size: float, weight: str = "normal") -> float:
    """Width of one line of text in inches, as the Agg renderer will draw it."""
    from matplotlib.font_manager import FontProperties

    with house():
        prop = FontProperties(size=size, weight=weight)
    renderer = fig.canvas.get_renderer()
    width, _, _ = renderer.get_text_width_height_descent(text, prop, ismath=False)
    return width / fig.dpi


def wrap(fig: Any, text: str, size: float, width_in: float, weight: str = "normal") -> list[str]:
    """Greedy word wrap to a width in inches, measured with the real font.

    Each distinct word (and the space) is measured once and a line's width estimated as their sum; every line is
    then measured whole and shortened while it is too wide, so no line is ever wider than `width_in` (kerning can
    make the sum differ from the whole by a hair, so the whole is what decides). Measuring every candidate line
    instead cost ~1 ms per word and dominated chart drawing.
    """
    widths: dict[str, float] = {}

    def width_of(word: str) -> float:
        if word not in widths:
            widths[word] = _measure(fig, word, size, weight)
        return widths[word]

    space = _measure(fig, "a a", size, weight) - 2 * _measure(fig, "a", size, weight)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        words = paragraph.split()
        while words:
            count, used = 1, width_of(words[0])
            while count < len(words) and used + space + width_of(words[count]) <= width_in:
                used += space + width_of(words[count])
                count += 1
            while count > 1 and _measure(fig, " ".join(words[:count]), size, weight) > width_in:
                count -= 1
            lines.append(" ".join(words[:count]))
            words = words[count:]
        if not paragraph.split():
            lines.append("")
    return lines


def _block_height(n_lines: int, size: float) -> float:
    return n_lines * size * LINE_SPACING / 72


def _draw_block(fig: Any, lines: list[str], top_in: float, size: float, **kw: Any) -> float:
    """Draw lines left-aligned from `top_in` (inches from the bottom); return the block's height."""
    if not lines:
        return 0.0
    fig.text(MARGIN_IN, top_in, "\n".join(lines), fontsize=size, ha="left", va="top",
             linespacing=LINE_SPACING, transform=fig.dpi_scale_trans, **kw)
    return _block_height(len(lines), size)


def notes_text(notes: Sequence[str]) -> str:
    """Notes as one line of text ('' when there are none)."""
    notes = [n.strip() for n in notes if n and n.strip()]
    return " ".join(notes)


def finish(fig: Any, ax: Any, *, title: str, subtitle: str, source: Credit, notes: Sequence[str] = (),
           alt: str) -> dict[str, str]:
    """Frame a figure in the house style and return the text a publisher needs beside it.

    Title (bold, left-aligned, states the finding), subtitle (measure and period) above the plot; notes (caveats,
    unavailable values) and the "Source:" line below it. The figure grows taller to fit the wrapped text, so the
    plotting area is never squeezed and nothing overlaps; constrained layout keeps tick labels and legends inside
    the remaining rectangle. `ax` (one axes or several) is accepted so charts call this the same way whatever
    their panels; the layout applies to all of them.
    """
    del ax  # the layout engine handles every axes of the figure
    with house():
        width, plot_height = fig.get_size_inches()
        text_width = width - 2 * MARGIN_IN
        title_lines = wrap(fig, title, TITLE_SIZE, text_width, weight="bold")
        subtitle_lines = wrap(fig, subtitle, SUBTITLE_SIZE, text_width)
        note = notes_text(notes)
        note_lines = wrap(fig, f"Notes: {note}", FOOTER_SIZE, text_width) if note else []
        source_lines = wrap(fig, f"Source: {source.line}", FOOTER_SIZE, text_width)

        header = (MARGIN_IN + _block_height(len(title_lines), TITLE_SIZE) + 0.06
                  + _block_height(len(subtitle_lines), SUBTITLE_SIZE) + GAP_IN)
        footer = (GAP_IN + _block_height(len(note_lines), FOOTER_SIZE) + (0.04 if note_lines else 0)
                  + _block_height(len(source_lines), FOOTER_SIZE) + MARGIN_IN)
        height = math.ceil((plot_height + header + footer) / SIZE_STEP_IN - 1e-9) * SIZE_STEP_IN
        fig.set_size_inches(width, round(height, 2))

        top = height - MARGIN_IN
        top -= _draw_block(fig, title_lines, top, TITLE_SIZE, fontweight="bold", color=TEXT) + 0.06
        _draw_block(fig, subtitle_lines, top, SUBTITLE_SIZE, color=SECONDARY_TEXT)
        bottom = footer - GAP_IN
        bottom -= _draw_block(fig, note_lines, bottom, FOOTER_SIZE, color=DARK_GREY)
        bottom -= 0.04 if note_lines else 0
        _draw_block(fig, source_lines, bottom, FOOTER_SIZE, color=DARK_GREY)

        # rect is (left, bottom, width, height) in figure fractions: the plot keeps clear of header and footer.
        fig.set_layout_engine("constrained", rect=(0.015, footer / height, 0.97, 1 - (header + footer) / height))
        # Lay out once, then freeze: the PNG, the SVG and the notebook image share one layout, whatever the dpi,
        # and saving twice gives the same file.
        fig.draw_without_rendering()
        fig.set_layout_engine("none")
    return {
        "title": title,
        "intro": subtitle,
        "source_name": source.name,
        "source_url": source.url,
        "source_line": f"Source: {source.line}",
        "notes": note,
        "alt_text": alt,
    }


def label_bar_values(ax: Any, bars: Any, labels: Sequence[str], *, inside_min: float, horizontal: bool = True,
                     colour_inside: str = "white") -> None:
    """Direct labels on bars: inside the bar where it is long enough, just past its end otherwise."""
    for bar, label in zip(bars, labels):
        if not label:
            continue
        if horizontal:
            length, x, y = bar.get_width(), bar.get_x() + bar.get_width(), bar.get_y() + bar.get_height() / 2
            if length >= inside_min:
                ax.annotate(label, (x, y), xytext=(-5, 0), textcoords="offset points", ha="right", va="center",
                            color=colour_inside, fontsize=9.5, fontweight="bold")
            else:
                ax.annotate(label, (x, y), xytext=(4, 0), textcoords="offset points", ha="left", va="center",
                            color=TEXT, fontsize=9.5)
        else:
            x, y = bar.get_x() + bar.get_width() / 2, bar.get_y() + bar.get_height()
            ax.annotate(label, (x, y), xytext=(0, 3), textcoords="offset points", ha="center", va="bottom",
                        color=TEXT, fontsize=9.5)


def legend_above(ax: Any, handles: Any = None, *, ncol: int = 3, fontsize: float = 8.5) -> Any:
    """A legend in a row above the plot, starting at the figure's left margin (under the subtitle), so a long
    legend never runs off the right edge and constrained layout makes room for it."""
    from matplotlib.transforms import blended_transform_factory

    fig = ax.figure
    x = MARGIN_IN / fig.get_size_inches()[0]
    kw = {"handles": handles} if handles is not None else {}
    return ax.legend(**kw, loc="lower left", bbox_to_anchor=(x, 1.02), ncol=ncol, fontsize=fontsize,
                     bbox_transform=blended_transform_factory(fig.transFigure, ax.transAxes), borderaxespad=0,
                     handlelength=1.2, columnspacing=1.2, alignment="left")


def short(text: str, width: int = 60) -> str:
    """A long label shortened at a word boundary, for axis categories."""
    return textwrap.shorten(str(text), width=width, placeholder="…")


def save_png(fig: Any, target: Any, dpi: int) -> None:
    """PNG without a software stamp, saved under the house style (savefig reads rcParams at save time)."""
    with house():
        fig.savefig(target, format="png", dpi=dpi, metadata={"Software": None})


def save_svg(fig: Any, target: Any, *, title: str, description: str) -> None:
    """SVG with text kept as text and a fixed hash salt and no date (house style), so the same data always gives
    the same file; the title and alt text go into the SVG's metadata for assistive technology."""
    with house():
        fig.savefig(target, format="svg", metadata={"Date": None, "Creator": None, "Title": title,
                                                    "Description": description})


def png_bytes(fig: Any, dpi: int = 100) -> bytes:
    """The figure as PNG bytes (for notebooks: displayed as an image, identical to the exported chart)."""
    import io

    buf = io.BytesIO()
    save_png(fig, buf, dpi)
    return buf.getvalue()
