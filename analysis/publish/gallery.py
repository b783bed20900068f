"""`python -m analysis gallery`: outputs/index.html, the one page a reporter opens after `make`.

It opens with thumbnails grouped by what they cover (London; England and Wales; the fact-check), then shows each
chart once: the image carries its own title and subtitle, so the page does not print them again (the heading is
for screen readers and links). Under each chart: the source, a short note of at most `NOTE_WORDS` words in plain
words (the full notes one click away), the chart's files (web and mobile PNG, SVG, Datawrapper CSV, JSON sidecar)
and a ready-to-paste embed snippet with a copy button. The page says when the edition was made (the date the
latest source was read: the same data always make the same page), what may be reused and how, who to contact,
and where to get the data. It shows only what exists, so every link on the page resolves.

Built from Jinja2 templates with autoescape (`templates/gallery.html.j2`, sharing the report's base page), with the
style inlined and one small script (the embed snippets' copy buttons): the page fetches nothing from the network.
"""

from __future__ import annotations

import argparse
import json
import struct
import sys
from dataclasses import dataclass, field
from pathlib import Path

from analysis.paths import (
    CLAIMREVIEW_NAME,
    CONTACT,
    DB_NAME,
    GALLERY_NAME,
    GALLERY_TABLES,
    METHODS_PAGE,
    PROJECT_NAME,
    REPORT_HTML,
    REPORT_MD,
    REUSE,
    RULES_PAGE,
    WORKBOOK_NAME,
    Paths,
    add_root_argument,
    chart_files,
    notebook_stems,
)
from analysis.publish.reader_text import edition_date, reader_notes, record_words, sentences, short_note
from analysis.record.hygiene import SiteUrlError, checked_site_url
from analysis.record.vocabulary import day_month_year

TEMPLATES = Path(__file__).resolve().parent / "templates"
SIDECAR_KEYS = ("chart_id", "title", "intro", "source_name", "source_url", "source_line", "notes", "notes_on_chart",
                "alt_text", "chart_type")
#: (file kind, `paths.chart_files`, and link label) in the order the downloads are listed.
DOWNLOADS = (("png", "PNG for the web"), ("mobile", "PNG for phones"), ("svg", "SVG for print"),
             ("csv", "CSV for Datawrapper"), ("json", "JSON metadata"))
#: Pixels per CSS pixel in the exported PNGs (they are drawn at 2× for high-density screens).
PNG_DENSITY = 2
#: The note shown under a chart is at most this many words; the full notes are one click away.
NOTE_WORDS = 60
#: The page's groups of charts, in reading order: every chart id is in one (a test holds the registry to it).
GROUPS = (
    ("London", ("inspection-grades", "inspection-timeline", "met-cse-series", "what-the-56-means",
                "met-review-funnel", "london-population-share", "london-rates")),
    ("England and Wales", ("national-csae-offences", "recorded-vs-estimated", "historic-reviews-national",
                           "two-1200s")),
    ("The fact-check", ("factcheck-verdicts",)),
)


@dataclass
class Chart:
    """One exported chart as the page shows it: its sidecar (missing keys as "") and the files that exist."""

    chart_id: str
    meta: dict[str, str]
    downloads: list[tuple[str, str]] = field(default_factory=list)  # (href, label)
    image: str = ""
    mobile_image: str = ""
    width: int = 0
    height: int = 0
    #: The record's words (`reader_text.record_words`), so a caveat the notes quote is never taken for a caption.
    record: str = ""

    @property
    def note(self) -> tuple[str, bool]:
        """(the short note, whether the full notes say more): the notes without internal ids or sentences about the
        drawing (the image shows those), less what the chart's face already says, cut to whole sentences within
        NOTE_WORDS words."""
        face = self.meta["notes_on_chart"]
        rest = " ".join(s for s in sentences(reader_notes(self.meta["notes"], record=self.record)) if s not in face)
        return short_note(rest, NOTE_WORDS) if rest else ("", bool(self.meta["notes"]))

    @property
    def source_credit(self) -> str:
        """The credit printed under an embedded chart: the sidecar's source line, else 'Source: publisher'."""
        line = self.meta["source_line"] or (f"Source: {self.meta['source_name']}" if self.meta["source_name"] else "")
        return line


def png_size(path: Path) -> tuple[int, int]:
    """(width, height) from a PNG's header, so the page reserves the image's space without an image library."""
    with path.open("rb") as fh:
        head = fh.read(24)
    if len(head) < 24 or head[:8] != b"\x89PNG\r\n\x1a\n":
        return 0, 0
    return struct.unpack(">II", head[16:24])


def chart_ids(outputs: Path) -> list[str]:
    """The registered charts (analysis.paths.CHART_IDS) that were exported, in reading order. Only those: a folder
    left in outputs/charts by a chart since retired or renamed was published as if current."""
    from analysis.paths import CHART_IDS

    return [c for c in CHART_IDS if (outputs / "charts" / c).is_dir()]


def read_chart(outputs: Path, chart_id: str) -> Chart:
    folder = outputs / "charts" / chart_id
    try:
        loaded = json.loads((folder / f"{chart_id}.json").read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        loaded = {}
    meta = {key: str(loaded.get(key) or "") for key in SIDECAR_KEYS}
    chart = Chart(chart_id, meta)
    names = chart_files(chart_id)
    for kind, label in DOWNLOADS:
        name = names[kind]
        if (folder / name).is_file():
            chart.downloads.append((f"charts/{chart_id}/{name}", label))
    if (folder / f"{chart_id}.png").is_file():
        chart.image = f"charts/{chart_id}/{chart_id}.png"
        width, height = png_size(folder / f"{chart_id}.png")
        chart.width, chart.height = width // PNG_DENSITY, height // PNG_DENSITY
    if (folder / names["mobile"]).is_file():
        chart.mobile_image = f"charts/{chart_id}/{names['mobile']}"
    return chart


def notebook_label(stem: str) -> str:
    """'02_met_cse_series' → 'Met CSE series' (the notebook's file name, read aloud)."""
    words = stem.split("_", 1)[-1].replace("_", " ").capitalize().split()
    return " ".join(w.upper() if w.lower() in ("cse", "uk", "ons") else w for w in words)


def _links(outputs: Path, candidates: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(href, label) for href, label in candidates if (outputs / href).is_file()]


def groups(charts: list[Chart]) -> list[tuple[str, list[Chart]]]:
    """The charts under their group headings (GROUPS), any other exported chart last."""
    by_id = {c.chart_id: c for c in charts}
    out = [(name, [by_id[i] for i in ids if i in by_id]) for name, ids in GROUPS]
    grouped = {i for _, ids in GROUPS for i in ids}
    out.append(("Other charts", [c for c in charts if c.chart_id not in grouped]))
    return [(name, members) for name, members in out if members]


#: The widest screen given a chart's phone PNG, one breakpoint for the gallery and the embed code a reporter copies.
#: Wider screens get the web PNG, whose smallest text is 12.5 CSS px only at its full 640 px: the embed switched at
#: 600px while the gallery switched at 40rem (640px), so on a screen 601 to 640 px wide an embedded chart showed the
#: web PNG shrunk to the screen, its smallest text under `style.MIN_TEXT_PX` (below 614 px wide).
PHONE_MAX_WIDTH = "40rem"


def render_gallery(outputs: Path, notebooks_dir: Path, sources: list[dict[str, str]] | None = None,
                   claims: list[dict[str, str]] | None = None, record: str = "") -> str:
    """The page's HTML from what is in `outputs/` now (and the project's notebooks, to link only their copies;
    the sources table, when given, for the edition's date; the record's words, `reader_text.record_words`, for the
    charts' short notes)."""
    from analysis.factcheck import render

    env = render.html_environment([TEMPLATES])
    base = checked_site_url()  # checked before anything is read: a wrong address is refused with no chart made
    charts = [read_chart(outputs, cid) for cid in chart_ids(outputs)]
    for chart in charts:
        chart.record = record
        # absolute addresses from the one base URL (CSE_SITE_URL), and the phone-sized PNG for narrow screens
        # Apostrophes need no escaping in double-quoted attributes or text: the snippet a reporter copies reads
        # "Children's", not "Children&#39;s" (quotes stay escaped, as &quot;, the form editors show).
        chart.meta["embed"] = (render.render(env, "embed.html.j2", chart=chart, base=base, project=PROJECT_NAME,
                                          phone_max=PHONE_MAX_WIDTH).strip()
                               .replace("&#39;", "'").replace("&#34;", "&quot;"))
    reports = _links(outputs, [(REPORT_HTML, "Fact-check report (web page)"),
                               (REPORT_MD, "Fact-check report (Markdown)"),
                               (METHODS_PAGE, "How we check a claim (for readers)"),
                               (RULES_PAGE, "How a claim is judged (the full rules)"),
                               (CLAIMREVIEW_NAME, "Fact-check verdicts as schema.org ClaimReview (JSON-LD)"),
                               (WORKBOOK_NAME, "Workbook: every table and chart's data (Excel)")])
    # only executed copies of the project's own notebooks, never a stray leftover
    ours = set(notebook_stems(notebooks_dir))
    notebooks = sorted(p for p in (outputs / "notebooks").glob("*.html") if p.stem in ours) \
        if (outputs / "notebooks").is_dir() else []
    notebook_links = [(f"notebooks/{p.name}", notebook_label(p.stem)) for p in notebooks]
    data = _links(outputs, [(WORKBOOK_NAME, "Workbook (Excel): every table, with the data of each chart"),
                            (DB_NAME, "Database (SQLite), to browse with Datasette (make serve)")])
    edition = edition_date(sources or [], claims or [])
    return render.render(env, "gallery.html.j2", title="Published figures on child sexual exploitation: charts and "
                         "downloads", groups=groups(charts), reports=reports, notebooks=notebook_links, data=data,
                         edition=day_month_year(edition) if edition else "", reuse=REUSE, contact=CONTACT,
                         phone_max=PHONE_MAX_WIDTH)


def write_gallery(paths: Paths, outputs: Path | None = None) -> Path:
    from analysis.factcheck.report import write_together

    outputs = outputs or paths.outputs
    out = outputs / GALLERY_NAME
    tables = {name: _rows(name, paths) or [] for name in GALLERY_TABLES}
    write_together({out: render_gallery(outputs, paths.notebooks, tables["sources"], tables["claims"],
                                        record_words(tables))})
    return out


def _rows(table: str, paths: Paths) -> list[dict[str, str]] | None:
    """A processed table's rows (sources, claims: the edition's date), or None for a project without one (the page
    then gives no date)."""
    from analysis.tables.load import load_table

    try:
        return load_table(table, paths).to_dict("records")
    except FileNotFoundError:
        return None


def edition_files(outputs: Path, paths: Paths) -> list[Path]:
    """Every file a whole edition offers on the page, as `make` leaves outputs/: each registered chart's five files,
    each project notebook's HTML copy, the fact-check's files (the rules page when docs/factcheck.md is there to
    make it from), the workbook and the database."""
    from analysis.paths import CHART_IDS, RULES_DOC

    names = [f"charts/{chart_id}/{name}" for chart_id in CHART_IDS for name in chart_files(chart_id).values()]
    names += [f"notebooks/{stem}.html" for stem in notebook_stems(paths.notebooks)]
    names += [REPORT_HTML, REPORT_MD, METHODS_PAGE, CLAIMREVIEW_NAME, WORKBOOK_NAME, DB_NAME]
    names += [RULES_PAGE] if (paths.root / RULES_DOC).is_file() else []
    return [outputs / name for name in names]


def incomplete(outputs: Path, paths: Paths) -> str:
    """Why `outputs` does not hold a whole edition to publish, in one line ("" when it does): a file the page would
    offer is missing, or a notebook's copy is of a run that failed. The page shows only what exists, so after a
    notebook failed in `make` (its charts, made by an earlier run, were removed) `python -m analysis gallery` run
    alone to refresh it wrote the page without those charts and linked the failed notebook's copy, exit 0, not a
    word; the workbook refuses the same outputs/ ("… is missing: export the charts first")."""
    missing = _folded([p for p in edition_files(outputs, paths) if not p.is_file()], outputs, paths)
    failed = [stem for stem in notebook_stems(paths.notebooks) if _failed(outputs / "notebooks" / f"{stem}.ipynb")]
    lines = []
    if missing:
        shown = ", ".join(missing[:3]) + (f" and {len(missing) - 3} more" if len(missing) > 3 else "")
        lines.append(f"{shown} {'is' if len(missing) == 1 else 'are'} missing (not made by a step that failed, or "
                     "removed?): run `make` so the edition is whole")
    if failed:
        lines.append(f"the notebooks' copies in {paths.rel(outputs / 'notebooks')}/ ({', '.join(failed)}) are of a "
                     "run that failed: fix the notebook, then run `python -m analysis notebooks` (or `make`)")
    return "; ".join(lines)


def _folded(missing: list[Path], outputs: Path, paths: Paths) -> list[str]:
    """The missing files as a reader is told of them: a chart whose every file is missing as its folder."""
    from analysis.paths import CHART_IDS

    gone = {chart_id for chart_id in CHART_IDS if all(outputs / "charts" / chart_id / name in missing
                                                      for name in chart_files(chart_id).values())}
    shown = [f"{paths.rel(outputs / 'charts' / chart_id)}/" for chart_id in CHART_IDS if chart_id in gone]
    return shown + [paths.rel(p) for p in missing if p.parent.name not in gone or p.parent.parent.name != "charts"]


def _failed(copy: Path) -> bool:
    """Whether an executed notebook holds an error output (a cell that raised: the run stopped there)."""
    try:
        cells = json.loads(copy.read_text(encoding="utf-8")).get("cells", [])
    except (OSError, ValueError, AttributeError):
        return False  # not there, or unreadable: `copies_behind` names a copy whose mark cannot be read
    return any(isinstance(output, dict) and output.get("output_type") == "error"
               for cell in cells if isinstance(cell, dict) for output in cell.get("outputs", ()) or ())


def add_arguments(parser: argparse.ArgumentParser, name: str = "gallery") -> None:
    add_root_argument(parser)
    parser.add_argument("--out", type=Path, default=None, help="output folder (default: <root>/outputs)")


def run(args: argparse.Namespace) -> int:
    paths = Paths(Path(args.root).resolve())
    try:
        out = write_gallery(paths, args.out.resolve() if getattr(args, "out", None) else None)
    except SiteUrlError as err:
        print(err, file=sys.stderr)
        return 2
    print(f"wrote {paths.rel(out)}")
    return 0
