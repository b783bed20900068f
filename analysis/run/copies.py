"""The executed notebooks' copies: the .ipynb as run and its HTML (what readers open without Jupyter).

Split from the notebook runner (`analysis.run.notebooks`), which writes them from a thread as each notebook
finishes; this module also keeps nbformat's import cheap (`skip_iri_parser`).
"""

from __future__ import annotations

import functools
import os
import sys
import sysconfig
import threading
from pathlib import Path
from typing import Any

from analysis.factcheck.report import replace_file
from analysis.paths import PROJECT_ROOT


def skip_iri_parser() -> None:
    """Keep jsonschema (which nbformat imports) from importing `rfc3987_syntax`.

    JupyterLab's dependencies install rfc3987-syntax, and jsonschema imports it, when present, to check the "iri"
    string format; importing it builds an Earley parser, about a second in every process that reads a notebook (the
    main job, each test worker). No notebook schema uses that format, and jsonschema skips the check when the
    import fails, which a None entry in sys.modules makes it do. Processes that do not call this are unaffected.

    The one import blocked in the project, kept because it saves users time (issue 25's rule: ≥ 0.5 s of a
    user-facing command). `make bench` measures it ("kept trick: no IRI parser"): importing nbformat and nbclient,
    as the main job and every test worker do, took 0.28 s with it and 1.50 s without (medians, under load).
    """
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]


_EXPORTER_LOCK = threading.Lock()
#: The HTML copies' page template (JupyterLab's, without the scripts it would fetch from a CDN).
TEMPLATES = Path(__file__).resolve().parent / "templates"


@functools.cache
def _exporter() -> Any:
    from nbconvert import HTMLExporter

    class CopyExporter(HTMLExporter):
        """nbconvert's HTML exporter with its page templates read from this environment only.

        nbconvert looks for the `lab` template (which copy.html.j2 extends) in every Jupyter data folder,
        $JUPYTER_PATH's first: a `nbconvert/templates/lab/index.html.j2` there (a newsroom's own template, an
        extension's) became the page of every HTML copy, scripts from elsewhere and all, and no step's stamp
        covers that folder. This environment's folder is where nbconvert installed its own templates. Nor from the
        working folder, which nbconvert searches first of all (`extra_template_basedirs`): a `lab/copy.html.j2` or
        `lab/lab/index.html.j2` beside where `make` ran (the checkout) became every copy's page in the same way."""

        def get_prefix_root_dirs(self) -> list[str]:
            return [str(Path(sysconfig.get_path("data")) / "share" / "jupyter")]

    return CopyExporter(extra_template_paths=[str(TEMPLATES)], template_file="copy.html.j2", template_data_paths=[],
                        extra_template_basedirs=[])


def html_exporter() -> Any:
    """One HTMLExporter per process (building it loads the templates); the pool starts building it in a thread,
    and the lock makes a caller that arrives meanwhile wait for that one rather than build a second."""
    with _EXPORTER_LOCK:
        return _exporter()


#: What an output may keep in the HTML copy: the tags the notebooks' tables and Markdown use, `class`, and links
#: to http(s) only. No scripts, event attributes, images from elsewhere, iframes or forms.
SAFE_TAGS = frozenset({"a", "b", "blockquote", "br", "code", "div", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
                       "i", "li", "ol", "p", "pre", "span", "strong", "table", "tbody", "td", "th", "thead", "tr",
                       "ul"})
#: Output types copied into the HTML; anything else (JavaScript, SVG, widget state) is left out of the copy.
SAFE_OUTPUTS = frozenset({"text/plain", "text/html", "image/png", "image/jpeg"})


def clean_html(markup: str) -> str:
    """An output's HTML with everything outside SAFE_TAGS removed (bleach, which nbconvert already depends on;
    nbconvert's own `sanitize_html` escapes headings and paragraphs of Markdown cells, so it is not used)."""
    import bleach

    from analysis.publish.display import TABLE_STYLE

    # No <style> but the tables' own: a stylesheet from an output can hide the page, restyle a verdict or fetch
    # from elsewhere (`url(…)`), so any other is stripped (its rules left as text).
    own = TABLE_STYLE in markup
    # a record block's attributes (`markdown_escape.RECORD_BLOCK`) are kept, so its text stays uncompiled
    cleaned = bleach.clean(markup.replace(TABLE_STYLE, ""), tags=SAFE_TAGS,
                           attributes={"*": ["class"], "a": ["href", "title"], "div": ["ng-non-bindable", "v-pre"]},
                           protocols={"http", "https"}, strip=True)
    return TABLE_STYLE + cleaned if own else cleaned


def sanitised(nb: Any) -> Any:
    """A copy of the notebook whose outputs are safe to open in a browser: Markdown outputs rendered to HTML and
    cleaned, HTML outputs cleaned, other rich types dropped. Record text that a notebook prints unescaped (the
    chart notes, a caveat) can then show as text at worst, never run. Markdown cells are the project's own."""
    import copy

    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    safe = copy.deepcopy(nb)
    for cell in safe.cells:
        for output in cell.get("outputs", []):
            data = output.get("data")
            if not data:
                continue
            if "text/markdown" in data:
                data["text/html"] = markdown2html_mistune(data.pop("text/markdown"))
            for kind in [k for k in data if k not in SAFE_OUTPUTS]:
                del data[kind]
            if "text/html" in data:
                data["text/html"] = clean_html(data["text/html"])
    return safe


def _html(nb: Any) -> str:
    """The HTML copy, its text's shortcode and template openers as character references (`hygiene.inert_markup`):
    bleach and nbconvert's Markdown reader turn the entities record text was written with back into characters, and
    a page in a site built by Eleventy (or Jekyll or Hugo, given front matter) is templated: a planted record's
    labels ran as Liquid and Nunjucks in every copy."""
    from analysis.record.hygiene import inert_markup

    body, _ = html_exporter().from_notebook_node(sanitised(nb))
    return inert_markup(body)


def _folders_of_this_machine() -> list[tuple[str, str]]:
    """(folder, what a reader is shown instead): the checkout (its code and .venv), then the user's home."""
    return [(f"{PROJECT_ROOT}{os.sep}", ""), (f"{Path.home()}{os.sep}", f"~{os.sep}")]


def without_machine_paths(nb: Any) -> Any:
    """A copy of the notebook whose printed output (streams, errors) names no folder of this machine: the
    checkout's folder is cut and the user's home written "~". A notebook's warning is printed with the path of the
    file that raised it: matplotlib's "Glyph 65308 (FULLWIDTH LESS-THAN SIGN) missing from font(s) Inter" for a
    character in the record reached the published .ipynb and HTML copies with /home/<user>/…/analysis/publish/
    style.py in it."""
    import copy

    def cut(text: str) -> str:
        for folder, shown in _folders_of_this_machine():
            text = text.replace(folder, shown)
        return text

    safe = copy.deepcopy(nb)
    for cell in safe.cells:
        for output in cell.get("outputs", []):
            for key in ("text", "evalue", "traceback"):
                value = output.get(key)
                if isinstance(value, str):
                    output[key] = cut(value)
                elif isinstance(value, list):
                    output[key] = [cut(line) if isinstance(line, str) else line for line in value]
    return safe


def write_copies(nb: Any, out_dir: Path, stem: str) -> None:
    """The executed notebook and its HTML copy (what readers open without Jupyter), with no folder of this machine
    in them (`without_machine_paths`). The .ipynb carries the mark of the tables it ran on, which vouches for the
    HTML beside it (`analysis.tables.load.copies_behind`), so it is put in place last, as a chart's JSON is: a run
    killed while the HTML was being made (a closed terminal, a cancelled CI job: SIGTERM or SIGHUP) left a new mark
    beside the old page, and the gallery published that page as current. It names the page's bytes too (`EXPORTED`,
    as a chart's sidecar names its files): a page edited after the run (a typo "fixed" in outputs/notebooks/) was
    published by the gallery alone as the run's."""
    import hashlib

    import nbformat

    from analysis.tables.load import EXPORTED, NOTEBOOK_METADATA

    nb = without_machine_paths(nb)
    out_dir.mkdir(parents=True, exist_ok=True)
    page = _html(nb).encode("utf-8")
    replace_file(out_dir / f"{stem}.html", page)  # never in place
    nb.metadata.setdefault(NOTEBOOK_METADATA, {})[EXPORTED] = {
        f"{stem}.html": "sha256:" + hashlib.sha256(page).hexdigest()}
    text = nbformat.writes(nb)  # as nbformat.write puts it, with one final line break
    replace_file(out_dir / f"{stem}.ipynb", text if text.endswith("\n") else text + "\n")
