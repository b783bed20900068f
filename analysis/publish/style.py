"""House style: one palette, one typeface, one way to finish a figure, one way to credit sources.

Every chart is finished by `finish`, so a reader always finds the same things in the same places: a title that
states the finding (generated from the data by the chart, never typed), a subtitle with the measure and period, a
notes line for caveats and unavailable values, and a "Source:" line built from the figures' own provenance
(publisher, document title, date) — the credit cannot drift from the data because it is read from the same rows.

Sizes are set for publication: a chart is drawn 640 CSS px wide for the web and 360 px wide for phones (both saved
at 2×), and every text element is at least 12 CSS px at those sizes. The typeface (Inter, OFL) ships in `fonts/`
beside this file and is registered before any chart is drawn, so a PNG never falls back to whatever fonts the
machine has (nor takes another Inter installed there), and the SVG carries the same face (subset, embedded as
@font-face by `save`): PNG and SVG lay out alike on any machine, with or without Inter installed.

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
from typing import TYPE_CHECKING, Any, TypedDict, TypeVar, cast

from analysis.record.hygiene import name_key, reader_url
from analysis.record.sources import OUTLETS, SUMMARY_KINDS

if TYPE_CHECKING:  # matplotlib is imported where it is used: `verify` and the report never draw
    from matplotlib.typing import RcKeyType

T = TypeVar("T")

STYLE_PATH = Path(__file__).with_name("house.mplstyle")
#: The bundled typeface (SIL Open Font License, text in fonts/OFL.txt) and the files matplotlib must draw with.
FONT_FAMILY = "Inter"
FONT_DIR = Path(__file__).with_name("fonts")
FONT_FILES = (FONT_DIR / "Inter-Regular.otf", FONT_DIR / "Inter-Bold.otf")

#: The categorical palette: the UK Government Analysis Function's, in its recommended order, with three colours
#: darkened so that every colour but the last reads as text on white (WCAG 2 AA, 4.5:1) and any two stay apart for
#: red- and green-blind readers (tests/test_accessibility.py): turquoise #28A197 → #00807A and orange #F46A25 →
#: #B84A00 (label text at 3.2:1 and 3.0:1 before), dark pink #801650 → #B6446F (before, it merged with dark
#: blue under protanopia, ΔE2000 6.5, and with dark grey under deuteranopia, 4.9: all three had the same
#: lightness). Light purple (3.1:1) is for marks only, never text. Old names keep working.
PALETTE = ("#12436D", "#00807A", "#B6446F", "#B84A00", "#3D3D3D", "#A285D1")
DARK_BLUE, TURQUOISE, DARK_PINK, ORANGE, DARK_GREY, LIGHT_PURPLE = PALETTE
TEXT = "#0B0C0C"
SECONDARY_TEXT = "#505A5F"
#: Outline of "not found" (drawn as an outline, so the absence is visible without a colour meaning); 3.3:1 on
#: white, a mark's minimum being 3:1 (it was #B1B4B6, 2.1:1).
MISSING_EDGE = "#8A8F92"
#: …dashed, on the chart and in its key alike.
MISSING_DASH = (0, (2, 2))

#: Inspection grades are ordinal, so they get an ordered palette, not categories: lightness falls steadily from
#: the best grade to the worst (CIE L* 56, 46, 28, 14), with the hue turning from blue-green to wine, so the order
#: survives greyscale printing and colour-vision deficiency (adjacent grades ≥ 16.7 ΔE2000 apart as drawn and under
#: Machado 2009 protanopia and deuteranopia). White text reads on all but "outstanding" (≥ 5.2:1); every grade is
#: at least 3.6:1 against white as a mark.
GRADES = ("outstanding", "good", "requires improvement", "inadequate")
GRADE_PALETTE = dict(zip(GRADES, ("#31948E", "#416ABE", "#622D66", "#480B1E"), strict=True))

#: Accessibility thresholds every chart and page is tested against (tests/test_accessibility.py).
#: WCAG 2.1 AA: text 4.5:1 against its background (1.4.3); graphical marks 3:1 (1.4.11).
MIN_TEXT_CONTRAST, MIN_MARK_CONTRAST = 4.5, 3.0
#: Categories shown together must stay this far apart (CIEDE2000) as drawn and as seen with protanopia and
#: deuteranopia (the Machado, Oliveira & Fernandes 2009 simulation at full severity). 1–2 ΔE2000 is a just-noticeable
#: difference between two large patches side by side; a legend key and a small mark need several times that, and
#: the pairs readers reported as merging measured 6.5 and 4.9, so 10 is the floor.
MIN_CATEGORY_DELTA_E = 10.0

#: CSS pixels per inch of a figure: a chart 6.4 in wide is 640 CSS px, saved at 200 dpi as a 1280 px PNG.
CSS_DPI = 100
#: Published widths in inches (CSS px / 100): web 640 px, mobile 360 px.
WEB_WIDTH, MOBILE_WIDTH = 6.4, 3.6
#: No text may be smaller than this at the published size (CSS px); in points that is MIN_TEXT_PX * 72 / CSS_DPI.
MIN_TEXT_PX = 12.0
#: Notes printed on the chart face are at most this many words; the full notes go in the sidecar and workbook.
MAX_FACE_NOTE_WORDS = 40
#: A number card's words (heading and detail) are at most this many: a card is read at a glance.
MAX_CARD_WORDS = 40
#: A title states one finding in at most this many words.
MAX_TITLE_WORDS = 12
#: Every word on a chart face (title to source line, ticks and labels included) is at most this many.
MAX_FACE_WORDS = 150
#: Text sizes (points; 1 pt = 1.39 CSS px here). Axis text follows BBC bbplot's 18 px at 640 px where it fits.
TITLE_SIZE, SUBTITLE_SIZE, FOOTER_SIZE = 15.0, 11.0, 9.0
TICK_SIZE, LABEL_SIZE, SMALL_SIZE = 11.0, 10.5, 9.0
LINE_SPACING = 1.25
LINE_BOX_EM = 1.22  # matplotlib spaces lines by the face's ascender + descender: 1.21 em for Inter
MARGIN_IN = 0.2  # left/right/top/bottom margin, inches
GAP_IN = 0.12  # between header, plot and footer, inches
SIZE_STEP_IN = 0.05  # figure heights are rounded up to this, so PNG sizes are whole pixels at 100 and 200 dpi



@dataclass(frozen=True)
class Credit:
    """Who published the figures a chart shows: a line for the chart and a name and link for Datawrapper."""

    name: str
    url: str
    line: str
    #: Every document by title and date (with the copy it was read in): provenance for the sidecar and workbook,
    #: never the chart face.
    documents: str = ""


def _register_fonts() -> None:
    """Make the bundled files the only fonts of the house family in matplotlib's font list (once per process).

    matplotlib finds a face by family name, and of two equal matches it takes the one listed first: the machine's
    own fonts, listed before any added here. So an "Inter" installed on the machine (another version, other
    metrics) drew every PNG and set every line break, while the SVG embedded the bundled face, without a word. Any
    other font of that name, in any case ("inter" is the same family to matplotlib), is dropped from the list first
    (addfont then clears matplotlib's lookup cache)."""
    from matplotlib import font_manager

    manager = font_manager.fontManager
    bundled = {str(path) for path in FONT_FILES}
    house = FONT_FAMILY.lower()  # matplotlib's `score_family` compares family names in lower case
    manager.ttflist[:] = [f for f in manager.ttflist if f.name.lower() != house or f.fname in bundled]
    for path in FONT_FILES:
        manager.addfont(str(path))


@functools.cache
def house_rc() -> dict[RcKeyType, Any]:
    """The style file's settings, parsed once per process (parsing it on every use cost seconds per run)."""
    import matplotlib

    _register_fonts()
    return dict(matplotlib.rc_params_from_file(STYLE_PATH, use_default_template=False))


_active = threading.local()

#: The settings that change what a chart draws but that matplotlib's style machinery leaves as the process has them
#: (its style blacklist): `house()` puts them to matplotlib's own defaults itself. A matplotlibrc on the machine
#: with `timezone: Pacific/Kiritimati` (an analyst's own charts in local time) moved every month tick of the
#: national reviews chart by up to fourteen hours (the PNG and SVG changed, not their labels) while `rcdefaults`
#: and the style kept it, and no stamp covers that file: created, or named by $MPLCONFIGDIR, it left `make`
#: skipping with charts no clean run draws. `date.epoch` sets the numbers dates are drawn at.
DRAWN_NOT_STYLED: tuple[RcKeyType, ...] = ("timezone", "date.epoch")


@contextlib.contextmanager
def house() -> Iterator[None]:
    """Apply the shipped style file for the duration of a block (rcParams are read when artists are made).

    On matplotlib's own defaults, not on the settings of the process: a `matplotlibrc` on the machine (in the
    working folder, $MATPLOTLIBRC or ~/.config/matplotlib) sets every key the style file leaves alone, so one
    analyst's `path.sketch`, `axes.formatter.use_locale` or `savefig.bbox` reached every published chart, and no
    step's stamp covers that file: editing it left `make` skipping with the old charts. The keys matplotlib's
    style machinery never sets (its blacklist) are kept as the process has them, but for those that change what is
    drawn (`DRAWN_NOT_STYLED`), put to matplotlib's defaults here.

    Re-entrant: a block inside another house() block costs nothing, so helpers can ask for the style freely.
    """
    import matplotlib
    import matplotlib.style

    if getattr(_active, "depth", 0):
        _active.depth += 1
        try:
            yield
        finally:
            _active.depth -= 1
        return
    unstyled = {key: matplotlib.rcParamsDefault[key] for key in DRAWN_NOT_STYLED}
    with matplotlib.style.context(cast("dict[str, Any]", house_rc()), after_reset=True), \
            matplotlib.rc_context(unstyled):  # rc keys are str
        _active.depth = 1
        try:
            yield
        finally:
            _active.depth = 0


def styled(draw: Callable[..., T]) -> Callable[..., T]:
    """Decorator: run a whole chart function under the house style, since rcParams are read as artists are made
    (legend frames, grid colours, line widths), not only when the figure is created.

    The chart's metadata also learns how to draw the chart again at another width (`meta.redraw(width)`): the
    export draws the mobile version that way, laid out afresh rather than shrunk, so its text stays legible.
    """

    @functools.wraps(draw)
    def wrapper(*args: Any, **kwargs: Any) -> T:
        with house():
            result = draw(*args, **kwargs)
        meta = result[1] if isinstance(result, tuple) and len(result) == 2 else None
        if meta is not None and hasattr(meta, "redraw"):
            meta.redraw = functools.partial(_redraw, wrapper, args, kwargs)
        return result

    return wrapper


def _redraw(wrapper: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any], width: float) -> Any:
    return wrapper(*args, **{**kwargs, "width": width})


def new_figure(nrows: int = 1, ncols: int = 1, *, width: float = WEB_WIDTH, plot_height: float = 3.2,
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
    """'2016-11-24' → '24 November 2016' (GOV.UK style: no leading zero, no ordinal), as the report writes a date."""
    return date_as_known(iso, False)


def date_as_known(iso: str, day_not_printed: bool) -> str:
    """A date in words, by its month when no source printed its day (the tables' `…_approximate` flags): a chart's
    label, alt text or card gives a date as the fact-check page does (`vocabulary.date_in_words`)."""
    from analysis.record.vocabulary import date_in_words

    return date_in_words(date.fromisoformat(str(iso)[:10]), day_not_printed)


def month_year(iso: str) -> str:
    """'2016-11-24' → 'November 2016' (in English whatever the locale: `analysis.record.vocabulary.MONTHS`)."""
    return date_as_known(iso, True)


#: Words that keep their capital inside a sentence (names of places, bodies and people the titles start with).
PROPER_WORDS = frozenset({"Met", "London", "England", "Casey", "HMICFRS", "ONS", "NPCC", "Home"})


def in_sentence(title: str) -> str:
    """A title as the rest of a sentence ("showing that …"): its first letter lower-cased unless the first word is a
    name ("Met", "London", "Casey"), an acronym, a number or a quotation."""
    first = title.split(" ", 1)[0].strip("',:;")
    if not title or not title[0].isalpha() or first in PROPER_WORDS or first[1:2].isupper():
        return title
    return title[0].lower() + title[1:]


def join_words(items: Sequence[str]) -> str:
    """['a', 'b', 'c'] → 'a, b and c'."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def credit(figures: Any, figure_ids: Iterable[str]) -> Credit:
    """The source credit for the figures a chart uses, read from the figures table's provenance columns.

    `line` is what the chart face prints, naming who produced each figure: the publisher of a primary document, or
    of an official document a copy reproduces, and the body a report attributes a figure to (`attributed_to`,
    transcribed from the report's own words) come first; then "reported by" the outlets that reported them, cleaned
    of mirror and proxy names (`publishers.face_name`). A figure a report attributes to no one (a story's "13 per
    cent") is its outlet's own words: that outlet follows a semicolon, by name, so the line never says it reported
    another body's figure. `documents` lists every document as "publisher, 'title', date" (a report marked
    "(report)"; an inferred date said to be one), oldest first, for the sidecar and the workbook.
    """
    from analysis.factcheck.report import reader_date
    from analysis.publish import publishers

    ids = {str(i) for i in figure_ids if isinstance(i, str) and i}
    rows = figures[figures["figure_id"].isin(ids)].sort_values(["published", "source_id"], kind="stable")
    docs = rows.drop_duplicates("source_id").reset_index(drop=True)
    if docs.empty:
        return Credit("", "", "not recorded", "")
    to = rows["attributed_to"].fillna("").astype(str)
    reported = ~rows["primary"].astype(bool)
    own = reported & to.eq("") & ~rows["publisher"].map(lambda p: publishers.face_name(p) in publishers.OFFICIAL)
    cites = to[reported & to.ne("")]
    origin = publishers.unique(publishers.face_name(b) for b in cites)
    # A document counts as the others' only for the figures not its own words (one story can be both).
    sourced = rows[~own].drop_duplicates("source_id")
    primary = sourced["primary"].astype(bool)
    line = (publishers.face_line(sourced.loc[primary, "publisher"], sourced.loc[~primary, "publisher"], origin)
            if not sourced.empty else "")
    named = {name_key(n) for n in (*origin, *(publishers.face_name(p) for p in sourced["publisher"]))}
    mine = [n for n in publishers.unique(publishers.face_name(p) for p in rows.loc[own, "publisher"])
            if name_key(n) not in named]
    line = "; ".join(part for part in (line, publishers.join(mine) if mine else "") if part) or "not recorded"
    # A date the document does not print is given as the fact-check report gives it ("October 2025 (approximate)"):
    # "1 October 2025" read as a day the publisher printed.
    documents = "; ".join(f"{r.publisher}, '{r.source_title}', "
                          + reader_date(str(r.published)[:10], bool(r.published_approximate),
                                        () if r.primary else ("report",)) for r in docs.itertuples())
    # The link: one document of the several a chart draws from (not a copy of one figure, which
    # `tables.copies.copy_rank` chooses): the publisher's own first, then the best outlet as the record ranks it (a
    # mirror never while another copy exists), then a document before a web page summarising one, then the most
    # recent, the one that brings the chart up to date; shown without click-tracking parameters.
    rank = docs["outlet"].map(lambda o: OUTLETS.index(o) if o in OUTLETS else len(OUTLETS))
    summary = docs["source_kind"].isin(SUMMARY_KINDS) if "source_kind" in docs else False
    ranked = docs.assign(_rank=rank, _summary=summary).sort_values(
        ["primary", "_rank", "_summary", "published"], ascending=[False, True, True, False], kind="stable")
    # a copy whose publisher's own document is in the record links that document, as a primary one would
    own = ranked["primary"].astype(bool)
    originals = [u for u in ranked["original_url"].fillna("").astype(str) if u]
    urls = [*ranked.loc[own, "url"], *originals, *ranked.loc[~own, "url"]]
    outlets = [*ranked.loc[own, "outlet"], *["producer"] * len(originals), *ranked.loc[~own, "outlet"]]
    url = publishers.link(urls, [*cites, *ranked["publisher"]], outlets)
    return Credit(name=line, url=reader_url(url), line=line, documents=documents)


@functools.lru_cache(maxsize=32)
def _font(size: float, weight: str) -> Any:
    """The house face at a size and weight (read from the house rcParams once: entering the style for every word
    measured was a third of the cost of wrapping). Never modified after it is made."""
    from matplotlib.font_manager import FontProperties

    with house():
        return FontProperties(size=size, weight=weight)


def _measure(fig: Any, text: str, size: float, weight: str = "normal") -> float:
    """Width of one line of text in inches, as the Agg renderer will draw it."""
    renderer = fig.canvas.get_renderer()
    width, _, _ = renderer.get_text_width_height_descent(text, _font(size, weight), ismath=False)
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
            if count == 1 and len(words[0]) > 1 and width_of(words[0]) > width_in:  # one word wider than the line:
                # cut it to fit. Both parts are shorter than the word, so every pass takes at least one character
                # (a single character wider than the line stands alone, and the audit's edge check catches it).
                head = _longest_fit(fig, words[0], size, width_in, weight)
                words = [head, words[0][len(head):], *words[1:]]
            lines.append(" ".join(words[:count]))
            words = words[count:]
        if not paragraph.split():
            lines.append("")
    return lines


def fit_line(fig: Any, head: str, tail: str, size: float, width_in: float, weight: str = "normal") -> str:
    """`head + tail` on one line no wider than `width_in`: when too wide, `head` is cut at a word (or within its
    first word) and ends in "…", and `tail` (what the line must keep, as a count) is kept whole."""
    if _measure(fig, head + tail, size, weight) <= width_in:
        return head + tail
    room = width_in - _measure(fig, "…" + tail, size, weight)
    words = head.split()
    while len(words) > 1 and _measure(fig, " ".join(words), size, weight) > room:
        words.pop()
    kept = " ".join(words)
    if _measure(fig, kept, size, weight) > room:
        kept = _longest_fit(fig, kept, size, room, weight) if room > 0 else ""
    return f"{kept.rstrip(' ,;:-')}…{tail}"  # "(VKPP)…", not "(VKPP),…"


#: The label of a row's heading (with the length of the part it keeps whole): `finish` fits it once the plot is laid
#: out. An artist's label is never drawn, nor written to the SVG ("_": no legend takes it).
ROW_HEADING = "_row-heading"


def row_heading(ax: Any, y: float, head: str, tail: str = "", *, weight: str = "normal") -> Any:
    """A row's heading above its bar or points, at x = 0, on one line: `finish` cuts the record's part (`head`)
    to the plot's width once it is laid out, keeping `tail` (a count) whole (`fit_line`). Record text of any
    length reaches these headings (an inspection's name, a publisher's), and a long one ran past the chart's edge
    with the count at its end."""
    label = ax.text(0, y, head + tail, ha="left", va="bottom", fontsize=LABEL_SIZE, fontweight=weight, color=TEXT,
                    label=f"{ROW_HEADING}:{len(tail)}")
    label.set_in_layout(False)
    return label


def _fit_row_headings(fig: Any) -> None:
    """Each row heading cut to what is left of the figure's width right of where it starts, less the margin."""
    from matplotlib.text import Text

    renderer = fig.canvas.get_renderer()
    right = fig.get_size_inches()[0] - MARGIN_IN
    for label in fig.findobj(lambda a: isinstance(a, Text) and str(a.get_label()).startswith(ROW_HEADING)):
        keep = int(label.get_label().split(":")[1])
        text = label.get_text()
        head, tail = (text[:-keep], text[-keep:]) if keep else (text, "")
        start = label.get_window_extent(renderer).x0 / fig.dpi
        label.set_text(fit_line(fig, head, tail, label.get_fontsize(), right - start, label.get_fontweight()))


def _longest_fit(fig: Any, word: str, size: float, width_in: float, weight: str) -> str:
    """The longest start of `word` (one character at least) no wider than `width_in`: a name or an address of one
    long word ran off the chart's edge."""
    low, high = 1, len(word) - 1
    while low < high:
        mid = (low + high + 1) // 2
        if _measure(fig, word[:mid], size, weight) <= width_in:
            low = mid
        else:
            high = mid - 1
    return word[:low]


def _block_height(n_lines: int, size: float) -> float:
    """Height in inches of `n_lines` lines drawn at `size` points (Inter's line box is 1.21 em, then spacing)."""
    return n_lines * size * LINE_SPACING * LINE_BOX_EM / 72


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


def full_notes(on_chart: str, notes: Sequence[str], said_in_notes: Sequence[str] = ()) -> str:
    """The face note without the sentences `notes` say at length, then `notes`: each point once."""
    face = on_chart
    for sentence in said_in_notes:
        if sentence not in face:
            raise ValueError(f"not a sentence of the face note: {sentence!r}")
        face = face.replace(sentence, "")
    face = " ".join(face.split())
    return notes_text([face, *notes]) if face and face not in " ".join(notes) else notes_text(notes)


def word_count(text: str) -> int:
    return len(str(text).split())


class Frame(TypedDict):
    """The text `finish` drew around a chart, as published beside it (the fields of charts.common.ChartMeta)."""

    title: str
    intro: str
    source_name: str
    source_url: str
    source_line: str
    source_documents: str
    notes: str
    notes_on_chart: str
    said_in_notes: tuple[str, ...]
    alt_text: str


def finish(fig: Any, ax: Any, *, title: str, subtitle: str, source: Credit, notes: Sequence[str] = (),
           alt: str, on_chart: str = "", said_in_notes: Sequence[str] = ()) -> Frame:
    """Frame a figure in the house style and return the text a publisher needs beside it.

    Title (bold, left-aligned, states the finding), subtitle (measure and period) above the plot; the short note
    `on_chart` (at most MAX_FACE_NOTE_WORDS words: a phone reader will not read more) and the "Source:" line below
    it. The full notes (sidecar, gallery, workbook) are the face note, less any sentence in `said_in_notes` (a face
    sentence the `notes` give at length, which a reader of "All notes" met twice), then `notes`. The figure grows
    taller to fit the
    wrapped text, so the plotting area is never squeezed; constrained layout keeps tick labels and legends inside
    the remaining rectangle. `ax` (one axes or several) is accepted so charts call this the same way whatever
    their panels; the layout applies to all of them.
    """
    del ax  # the layout engine handles every axes of the figure
    if word_count(on_chart) > MAX_FACE_NOTE_WORDS:
        raise ValueError(f"{word_count(on_chart)} words of notes on the chart face (at most "
                         f"{MAX_FACE_NOTE_WORDS}): {on_chart[:60]}…")
    with house():
        width, plot_height = fig.get_size_inches()
        text_width = width - 2 * MARGIN_IN
        title_lines = wrap(fig, title, TITLE_SIZE, text_width, weight="bold")
        subtitle_lines = wrap(fig, subtitle, SUBTITLE_SIZE, text_width)
        note_lines = wrap(fig, f"Note: {on_chart}", FOOTER_SIZE, text_width) if on_chart else []
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
        fig.set_layout_engine("constrained", rect=(0.01, footer / height, 0.98, 1 - (header + footer) / height))
        # Lay out once, then freeze: the PNG, the SVG and the notebook image share one layout, whatever the dpi,
        # and saving twice gives the same file. No engine at all (None), not the "none" placeholder: savefig makes
        # an extra layout pass before every save while a figure has any engine, which was a third of the drawing.
        fig.draw_without_rendering()
        _fit_row_headings(fig)
        fig.set_layout_engine(None)
        if fig.get_layout_engine() is not None:  # rcParams figure.autolayout / constrained_layout.use were set
            fig.set_layout_engine("none")
    full = full_notes(on_chart, notes, said_in_notes)
    return {
        "title": title,
        "intro": subtitle,
        "source_name": source.name,
        "source_url": source.url,
        "source_line": f"Source: {source.line}",
        "source_documents": source.documents,
        "notes": full,
        "notes_on_chart": on_chart,
        "said_in_notes": tuple(said_in_notes),
        "alt_text": alt,
    }


def legend_above(ax: Any, handles: Any = None, *, ncol: int = 3, fontsize: float = SMALL_SIZE) -> Any:
    """A legend in a row above the plot, starting at the figure's left margin (under the subtitle), so a long
    legend never runs off the right edge and constrained layout makes room for it."""
    from matplotlib.transforms import blended_transform_factory

    fig = ax.figure
    x = MARGIN_IN / fig.get_size_inches()[0]
    kw = {"handles": handles} if handles is not None else {}
    return ax.legend(**kw, loc="lower left", bbox_to_anchor=(x, 1.02), ncol=ncol, fontsize=fontsize,
                     bbox_transform=blended_transform_factory(fig.transFigure, ax.transAxes), borderaxespad=0,
                     handlelength=1.2, columnspacing=1.0, alignment="left")


def short(text: str, width: int = 60) -> str:
    """A long label shortened at a word boundary, for axis categories."""
    return textwrap.shorten(str(text), width=width, placeholder="…")
