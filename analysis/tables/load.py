"""Read the generated tables in `data/processed/` with the types the data dictionary gives them.

Notebooks, charts and reports read data only through here, so a number reaches a chart exactly as the build
wrote it, and nothing downstream re-reads or edits `data/raw/`.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from analysis.paths import DEFAULT, Paths
from analysis.record import schema

_DTYPES = {"string": "string", "date": "string", "number": "float64", "integer": "Int64", "boolean": "boolean"}


#: Each table file this process has read (its resolved path) → the hash of the bytes it read last, in the form
#: datapackage.json gives a table's hash ("sha256:…"): what `as_read` names a chart's tables by.
_AS_READ: dict[Path, str] = {}


def _read_table(path: Path, paths: Paths) -> bytes:
    """A table's bytes, read once, with their hash kept for `as_read`."""
    import hashlib

    if not path.exists():
        raise FileNotFoundError(f"{paths.rel(path)} does not exist: run `python -m analysis build` (or `make`)")
    data = path.read_bytes()
    _AS_READ[path.resolve()] = "sha256:" + hashlib.sha256(data).hexdigest()
    return data


def load_table(name: str, paths: Paths = DEFAULT) -> Any:
    """One processed table as a DataFrame: numbers as floats (NaN where unavailable), booleans as booleans."""
    import io

    import pandas as pd

    data = io.BytesIO(_read_table(paths.processed / f"{name}.csv", paths))
    if name in schema.TABLES:
        fields = schema.TABLES[name][0]
        dtypes = {f.name: _DTYPES[f.type] for f in fields}
        return pd.read_csv(data, dtype=dtypes, keep_default_na=False, na_values={
            f.name: [""] for f in fields if f.type in ("number", "integer", "boolean")})
    return pd.read_csv(data, dtype="string", keep_default_na=False)


#: datapackage.json's key for `package_seal`.
SEAL_KEY = "built_together"


def package_seal(tables: dict[str, str], raw: dict[str, str]) -> str:
    """One hash over every table's hash and every raw file's hash, as one build writes them into datapackage.json.
    Each of those hashes sits on a line of its own there, so git merged two branches' builds line by line (one
    corrected a figure, the other added a claim citing it) into a package whose every hash matched its file, while
    claims.csv held the verdict the old figure gave, which no build of the merged record gives: `check` published
    it, exit 0. The seal differs with every build, so two builds' seals conflict in a merge, and a package put
    together from two builds does not match its own seal (`behind_raw`)."""
    import hashlib

    lines = [f"table\t{name}\t{digest}\n" for name, digest in sorted(tables.items())]
    lines += [f"raw\t{name}\t{digest}\n" for name, digest in sorted(raw.items())]
    return "sha256:" + hashlib.sha256("".join(lines).encode("utf-8")).hexdigest()


def behind_raw(paths: Paths = DEFAULT) -> str:
    """Why data/processed does not hold the record in data/raw now, in one line ("" when it does). Every reader of
    data/processed reads the record as the last build left it, so after an edit to data/raw (a claim's wording, a
    figure corrected) a command run without the build (`python -m analysis check`, `charts`, `db`) published the
    old record and said nothing; with data/processed deleted, `gallery` wrote its page without the edition's date
    and `db` named only a missing file by its full path; a table edited by hand was published as if built. The
    build's datapackage.json gives each table's hash (`resources`) and each raw file it read with its hash
    (`raw_files`): this compares them with the tables and data/raw now. "" too when there is no data/raw to
    compare with (the processed tables given on their own)."""
    import json

    from analysis.paths import raw_hashes, unread_raw_names

    package = paths.processed / "datapackage.json"
    build = "run `python -m analysis build` (or `make`) so the tables hold the record as it is now"
    if not paths.raw.is_dir():
        return ""
    if not package.is_file():
        return f"data/processed has not been built ({paths.rel(package)} is missing): {build}"
    try:
        described = json.loads(package.read_text(encoding="utf-8"))
        built = {entry["path"]: entry["hash"] for entry in described["raw_files"]}
        tables = {entry["path"]: entry["hash"] for entry in described["resources"]}
        sealed = described.get(SEAL_KEY)
    except (ValueError, KeyError, TypeError, AttributeError):  # a package this code did not write: as if never built
        return f"{paths.rel(package)} was not written by the build: {build}"
    if sealed != package_seal(tables, built):
        return (f"{paths.rel(package)} does not describe one build (two builds merged by git, or put together by "
                f"hand?): {build}")
    tables_line = _tables_not_as_built(tables, paths)
    if tables_line:
        return f"{tables_line}: {build}"
    now = raw_hashes(paths)
    changed = sorted(name for name in built.keys() | now.keys() if built.get(name) != now.get(name))
    # A sync client's conflicted copy of a registry file holds a colleague's edit the build never read: with the
    # original left as it was, `check` alone published the fact-check without that edit, exit 0, while `build`
    # refused the copy by name.
    unread = unread_raw_names(paths)
    if unread and not changed:
        shown = ", ".join(f"data/raw/{name}" for name in unread[:3]) + (
            f" and {len(unread) - 3} more" if len(unread) > 3 else "")
        return (f"{shown} {'is' if len(unread) == 1 else 'are'} not read by the build (a sync client's conflicted "
                f"copy, a copy kept by hand, or saved in another format?): move what it holds into the file it "
                f"copies, remove it, then {build}")
    if not changed:
        return ""
    shown = ", ".join(changed[:3]) + (f" and {len(changed) - 3} more" if len(changed) > 3 else "")
    return f"data/processed was built before {shown} changed: {build}"


def _tables_not_as_built(tables: dict[str, str], paths: Paths) -> str:
    """Which tables in data/processed are not the files the build wrote (`tables`: name → its hash), in words ("" when
    all are). A table edited by hand (a figure "corrected" in data/processed) no longer has the hash the build gave
    it. One that is gone (removed, or held back by a sync client: iCloud's ".figures.csv.icloud") is named as
    missing: "differs … (edited by hand?)" sent the user looking for an edit in a file that was not there."""
    import hashlib

    edited, missing = [], []
    for name, digest in sorted(tables.items()):
        try:
            same = "sha256:" + hashlib.sha256((paths.processed / name).read_bytes()).hexdigest() == digest
        except FileNotFoundError:
            missing.append(paths.rel(paths.processed / name))
            continue
        except OSError:
            same = False
        if not same:
            edited.append(paths.rel(paths.processed / name))
    if missing:
        verb = "is" if len(missing) == 1 else "are"
        return f"{', '.join(missing)} {verb} missing (removed, or held back by a sync client?)"
    if edited:
        return f"{', '.join(edited)} differs from what the build wrote (edited by hand?)"
    return ""


def built_tables(paths: Paths = DEFAULT) -> dict[str, str]:
    """Each table in data/processed ("figures.csv") → the hash the build gave it ("sha256:…"), from datapackage.json;
    {} when there is no package to read."""
    import json

    try:
        described = json.loads((paths.processed / "datapackage.json").read_text(encoding="utf-8"))
        return {entry["path"]: entry["hash"] for entry in described["resources"]}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


def built_raw(paths: Paths = DEFAULT) -> dict[str, str]:
    """Each raw file the last build read ("data/raw/claims.yaml") → the hash it recorded, from datapackage.json's
    `raw_files`; {} when there is no package to read (a project never built)."""
    import json

    try:
        described = json.loads((paths.processed / "datapackage.json").read_text(encoding="utf-8"))
        return {entry["path"]: entry["hash"] for entry in described["raw_files"]}
    except (OSError, ValueError, KeyError, TypeError):
        return {}


#: The key of a chart's JSON sidecar that names the tables it was drawn from, each with the hash the build gave it.
DRAWN_FROM = "drawn_from"
#: The key of a chart's JSON sidecar that names the other files its export wrote (PNGs, SVG, CSV), each with the
#: hash of its bytes as written (`file_hashes`): what `charts_behind` compares the chart's files with.
EXPORTED = "exported"


def file_hashes(files: Iterable[Path]) -> dict[str, str]:
    """Each file by its name ("met-cse-series.csv") → "sha256:…" of its bytes, as the chart's sidecar keeps them."""
    import hashlib

    return {path.name: "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest() for path in files}


def file_hash(path: Path) -> str:
    """"sha256:…" of a file's bytes, "" when it cannot be read: what a notebook's executed copy names the notebook it
    ran from by (`RAN_FROM`)."""
    import hashlib

    try:
        return "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def as_read(names: Iterable[str], paths: Paths = DEFAULT) -> dict[str, str]:
    """Each table named ("figures") → the hash of what this process last read of it, else the hash the build gave
    it: what a file drawn from those tables is marked with (`DRAWN_FROM`). A mark names what was read, never what
    data/processed holds when the file is written: a `git pull` or a sync client bringing a colleague's build into
    data/processed while `charts` or `notebooks` ran (they take half a minute; neither goes through the build lock)
    left charts drawn from the tables before it marked with the build after it, and `workbook` and `gallery`,
    whose checks read those marks, published them beside the new tables, exit 0. The same rule for a file marked
    with the whole build (`build_mark`): its writer takes the mark before it reads a table."""
    built = built_tables(paths)
    return {f"{name}.csv": _AS_READ.get((paths.processed / f"{name}.csv").resolve(), built.get(f"{name}.csv", ""))
            for name in names}


def charts_behind(chart_ids: Iterable[str], charts_dir: Path, paths: Paths = DEFAULT) -> str:
    """Why the charts exported in `charts_dir` do not show data/processed as it is now, in one line ("" when they
    do). The workbook's chart sheets and the gallery read the exported files, not the tables: after an edit to
    data/raw and `python -m analysis build`, `python -m analysis workbook` wrote a figure's new value on its table's
    sheet and the old one on its chart's sheet, in one file, exit 0. Each sidecar names the tables its chart was
    drawn from with their hashes (`DRAWN_FROM`); this compares them with the build's (`built_tables`). A chart
    not exported at all is left to the command (each says what is missing); a folder without its sidecar is behind
    (`_marked`)."""
    drawn = {chart_id: _marked(charts_dir / chart_id / f"{chart_id}.json", charts_dir / chart_id, ())
             for chart_id in chart_ids}
    behind = _behind(drawn, paths)
    what = f"the charts in {paths.rel(charts_dir)}/"
    changed = [chart_id for chart_id, got in drawn.items()
               if isinstance(got, dict) and chart_id not in behind and _changed_since_export(charts_dir / chart_id)]
    now = code_mark(CHART_CODE)
    other = [chart_id for chart_id, got in drawn.items()
             if isinstance(got, dict) and chart_id not in (*behind, *changed)
             and _drawn_from(charts_dir / chart_id / f"{chart_id}.json", (), CODE_MARK) != now]
    notebooks: dict[str, dict[str, str]] = {}  # each notebook's marks, read once however many charts it drew
    edited = [chart_id for chart_id, got in drawn.items() if isinstance(got, dict) and chart_id not in
              (*behind, *changed, *other) and _drawn_in_edited(charts_dir / chart_id, paths, notebooks)]
    return "; ".join(line for line in (_behind_line(what, behind, "charts"), _changed_line(what, changed),
                                       _other_code_line(what, other), _edited_line(what, edited)) if line)


def _drawn_in_edited(folder: Path, paths: Paths, notebooks: dict[str, dict[str, str]]) -> bool:
    """Whether a chart a notebook's run exported (its sidecar's `DRAWN_IN`) was drawn by another version of that
    notebook, or of the files beside it, than notebooks/ holds. A notebook passes the chart its data (the selection
    the notebooks invite an analyst to change): one edited, reverted or another branch's checked out, then
    `python -m analysis workbook`, published the chart as the other notebook drew it, exit 0. A chart `charts`
    drew (no notebook) names none."""
    drawn_in = _drawn_from(folder / f"{folder.name}.json", (), DRAWN_IN)
    if drawn_in is None or drawn_in is _MISSING:
        return False
    if not isinstance(drawn_in, dict):
        return True
    stem = drawn_in.get("notebook")
    if not isinstance(stem, str) or "/" in stem or "\\" in stem or stem in ("", ".", ".."):
        return True
    if stem not in notebooks:
        notebooks[stem] = notebook_marks(paths.notebooks, stem)
    return any(drawn_in.get(key) != value for key, value in notebooks[stem].items())


def _edited_line(what: str, edited: list[str]) -> str:
    if not edited:
        return ""
    return (f"{what} ({_few(edited)}) were drawn by another version of a notebook (or of the files beside it in "
            "notebooks/, or a file of data/ it reads) than this checkout holds (edited, or another branch checked "
            "out, since): run `python -m analysis notebooks` (or `make`) to draw them again")


def _other_code_line(what: str, other: list[str]) -> str:
    if not other:
        return ""
    return (f"{what} ({_few(other)}) were drawn by another version of the project's code (analysis/, modules at "
            "the checkout's top or on $PYTHONPATH, pyproject.toml, constraints.txt) than this checkout holds (a "
            "chart's module edited, or another branch checked out or pulled since): run `python -m analysis charts` "
            "(or `make`) to draw them again")


def _changed_since_export(folder: Path) -> bool:
    """Whether a chart's files are no longer the bytes its export wrote (`EXPORTED` in its sidecar). The workbook's
    chart sheets are read from the chart's CSV and the gallery publishes its PNGs, SVG and CSV; the sidecar's
    `DRAWN_FROM` vouched only for itself: a chart CSV opened from outputs/charts/ in Excel and saved on closing
    (dates re-typed as "Nov-20", "1,200" as printed saved as 1200) went into the workbook's chart sheet and the
    gallery's download under a mark that still matched the build, exit 0. A sidecar that names no files, a file
    named outside the folder, or one changed, is a change; one removed is not (the gallery links what is there,
    and the workbook names a missing CSV itself)."""
    import hashlib
    import json

    try:
        exported = json.loads((folder / f"{folder.name}.json").read_text(encoding="utf-8")).get(EXPORTED)
    except (OSError, ValueError, AttributeError):
        return True
    if not isinstance(exported, dict) or not exported:
        return True
    for name, digest in exported.items():
        if not isinstance(name, str) or "/" in name or "\\" in name or name in (".", ".."):
            return True
        try:
            if "sha256:" + hashlib.sha256((folder / name).read_bytes()).hexdigest() != digest:
                return True
        except FileNotFoundError:
            continue
        except OSError:
            return True
    return False


def _changed_line(what: str, changed: list[str]) -> str:
    if not changed:
        return ""
    shown = ", ".join(changed[:3]) + (f" and {len(changed) - 3} more" if len(changed) > 3 else "")
    return (f"{what} ({shown}) have files that changed after the export wrote them (opened and saved again by a "
            "spreadsheet or an image editor?): run `python -m analysis charts` (or `make`) to export them again")


#: Where an executed copy of a notebook (outputs/notebooks/<name>.ipynb) names the tables it ran on: under this key
#: of the notebook's metadata, as `DRAWN_FROM` in a chart's sidecar.
NOTEBOOK_METADATA = "cse_figures"
#: The key beside `DRAWN_FROM` there naming the notebook the copy ran from, by the hash of its file (`file_hash`).
RAN_FROM = "ran_from"
#: The key beside `RAN_FROM` naming the files beside the notebooks it could read (`beside_mark`).
BESIDE = "beside"
#: The key of a chart's sidecar naming the notebook whose run exported it: {"notebook": stem, RAN_FROM, BESIDE}.
DRAWN_IN = "drawn_in"


def beside_mark(notebooks_dir: Path) -> str:
    """"sha256:…" over the files in notebooks/ (and data/) a notebook may read besides the notebooks and the tables
    (`beside_notebooks`: a helper module it imports, a lookup CSV): `make` reruns the notebooks when one changes,
    but a copy named only its own notebook, so a helper edited (a chart's selection changed in it), then `gallery`
    or `workbook` alone, published the copies and charts the old helper made, exit 0."""
    import hashlib

    from analysis.paths import beside_notebooks

    # Named as a notebook reads it from notebooks/ ("../data/lookups/boroughs.csv" for a lookup in data/).
    lines = "".join(f"{Path(os.path.relpath(path, notebooks_dir)).as_posix()}\0{file_hash(path) or '-'}\n"
                    for path in beside_notebooks(notebooks_dir))
    return "sha256:" + hashlib.sha256(lines.encode()).hexdigest()


def notebook_marks(notebooks_dir: Path, stem: str) -> dict[str, str]:
    """What a notebook's run is named by, as its copy and the charts it exports keep it: the notebook's own file
    (`RAN_FROM`) and the files beside it (`BESIDE`)."""
    from analysis.paths import notebook_source

    return {RAN_FROM: file_hash(notebook_source(notebooks_dir, stem)), BESIDE: beside_mark(notebooks_dir)}


def copies_behind(stems: Iterable[str], copies_dir: Path, paths: Paths = DEFAULT) -> str:
    """As `charts_behind`, for the notebooks' executed copies the gallery links (their HTML beside each .ipynb):
    after `build` and `charts`, the gallery linked notebooks whose findings still gave the old figures."""
    inside = ("metadata", NOTEBOOK_METADATA)
    drawn = {stem: _marked(copies_dir / f"{stem}.ipynb", copies_dir / f"{stem}.html", inside) for stem in stems}
    return _behind_line(f"the notebooks' copies in {paths.rel(copies_dir)}/", _behind(drawn, paths), "notebooks")


def copies_not_as_run(stems: Iterable[str], copies_dir: Path, paths: Paths = DEFAULT) -> str:
    """Which notebooks' executed copies were run from another version of their notebook than notebooks/ holds now,
    or have an HTML page that is not the one the run wrote, in one line ("" when none). A copy's marks named only the
    tables it ran on: an analyst who corrected a sentence of "What we found" (or the arithmetic above it) in a
    notebook, then ran `python -m analysis gallery`, published the page as it was before, exit 0; so was a page
    edited by hand after the run. A copy that does not say counts as either; one not there is left to the gallery,
    which says what is missing."""
    edited, changed = [], []
    for stem in stems:
        marks = _drawn_from(copies_dir / f"{stem}.ipynb", ("metadata",), NOTEBOOK_METADATA)
        if marks is _MISSING:
            continue
        said = marks if isinstance(marks, dict) else {}
        if any(said.get(key) != value for key, value in notebook_marks(paths.notebooks, stem).items()):
            edited.append(stem)
        page, pages = copies_dir / f"{stem}.html", said.get(EXPORTED)
        if page.is_file() and (pages.get(page.name) if isinstance(pages, dict) else None) != file_hash(page):
            changed.append(stem)
    lines = []
    if edited:
        lines.append(f"the notebooks' copies in {paths.rel(copies_dir)}/ ({_few(edited)}) were run from another "
                     f"version of their notebook (or of the files beside it, or of a file of data/ it reads) than "
                     f"{paths.rel(paths.notebooks)}/ holds now")
    if changed:
        lines.append(f"the notebooks' HTML copies in {paths.rel(copies_dir)}/ ({_few(changed)}) changed after the "
                     "run wrote them (edited by hand?)")
    if not lines:
        return ""
    return f"{'; '.join(lines)}: run `python -m analysis notebooks` (or `make`) so they show the notebooks as now"


def charts_not_shown(chart_ids: Iterable[str], charts_dir: Path, copies_dir: Path, stems: Iterable[str],
                     paths: Paths = DEFAULT) -> str:
    """Which exported charts no notebook's executed copy shows, in one line ("" when every one is shown). A notebook
    shows its chart as the PNG its run exported, byte for byte (`analysis.publish.export.publish`), and `charts`
    draws the same bytes from the same code and tables; but a notebook that passes its chart other data (a
    selection an analyst changed there) draws another, and `notebooks`, then `charts`, then `gallery` published
    the page's chart beside the notebook's page showing the other one, exit 0 (so did a chart exported by hand from
    a notebook edited in JupyterLab with $CSE_CHARTS_DIR naming outputs/charts). A chart without its PNG is left to
    the gallery, which says what is missing; so is a project without copies."""
    import base64
    import hashlib
    import json

    shown: set[str] = set()
    for stem in stems:
        try:
            cells = json.loads((copies_dir / f"{stem}.ipynb").read_text(encoding="utf-8")).get("cells", [])
        except (OSError, ValueError, AttributeError):
            continue
        for output in (out for cell in cells if isinstance(cell, dict) for out in cell.get("outputs") or []):
            data = (output.get("data") or {}).get("image/png") if isinstance(output, dict) else None
            if isinstance(data, list):
                data = "".join(data)
            if isinstance(data, str):
                shown.add(hashlib.sha256(base64.b64decode(data)).hexdigest())
    if not shown:
        return ""
    unshown = [chart_id for chart_id in chart_ids if (png := charts_dir / chart_id / f"{chart_id}.png").is_file()
               and hashlib.sha256(png.read_bytes()).hexdigest() not in shown]
    if not unshown:
        return ""
    return (f"the charts in {paths.rel(charts_dir)}/ ({_few(unshown)}) are not the ones the notebooks' copies in "
            f"{paths.rel(copies_dir)}/ show (drawn by `charts` where a notebook draws them otherwise, or exported "
            "by hand from a notebook edited in JupyterLab?): run "
            "`python -m analysis notebooks` (or `make`) so the page and the notebooks show one chart")


def _few(names: list[str]) -> str:
    return ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")


#: The name under which the fact-check report (a `<meta>` of factcheck.html, for the three files `check` writes
#: together) and the workbook (a custom document property) carry `build_mark`: what they were written from.
OUTPUT_MARK = "cse-figures-drawn-from"


def build_mark(paths: Paths = DEFAULT) -> str:
    """One short mark of the build now in data/processed ("sha256:…" over every table's hash in datapackage.json;
    "" when there is none): written into the report and the workbook, whose formats hold one short text more
    easily than `DRAWN_FROM`'s table-by-table hashes (a workbook's custom property holds 255 characters)."""
    import hashlib

    tables = built_tables(paths)
    if not tables:
        return ""
    lines = "".join(f"{name}\t{digest}\n" for name, digest in sorted(tables.items()))
    return "sha256:" + hashlib.sha256(lines.encode("utf-8")).hexdigest()


def build_mark_number(paths: Paths = DEFAULT) -> int:
    """`build_mark` as the number a SQLite file's header holds (its `user_version`, 31 bits of the mark; 0 when
    there is no build): what cse.db carries, as the report and the workbook carry the mark."""
    mark = build_mark(paths)
    return int(mark.removeprefix("sha256:")[:8], 16) & 0x7FFFFFFF if mark else 0


def outputs_behind(outputs: Path, paths: Paths = DEFAULT) -> str:
    """As `charts_behind`, for the other files the gallery links: the fact-check report (factcheck.html, with the
    Markdown and ClaimReview written with it), the workbook and the database. After a figure corrected in
    data/raw, `build`, `notebooks` and `gallery` published a page under the new edition that linked the report and
    the workbook as `make` last wrote them, still giving the old figure, exit 0. Each now carries `build_mark` (the
    database `build_mark_number`); one that is missing, with nothing written with it left, is left to the gallery
    (it links only what is there), one that does not say is behind, and so are the Markdown and ClaimReview when
    factcheck.html, which carries their mark, has gone."""
    from analysis.paths import CLAIMREVIEW_NAME, DB_NAME, REPORT_HTML, REPORT_MD, WORKBOOK_NAME

    marks: dict[str, object] = {"text": build_mark(paths), "number": build_mark_number(paths)}
    lines = []
    # Each marked file with the files written with it, which carry no mark of their own: with factcheck.html
    # removed (a newsroom publishing the Markdown and the ClaimReview only), the gallery linked both unchecked.
    for name, together, read, kind, command in (
            (REPORT_HTML, (REPORT_MD, CLAIMREVIEW_NAME), _html_mark, "text", "check"),
            (WORKBOOK_NAME, (), _workbook_mark, "text", "workbook"),
            (DB_NAME, (), _database_mark, "number", "db")):
        path = outputs / name
        shown = [path] if path.is_file() else [p for p in (outputs / other for other in together) if p.is_file()]
        if shown and (shown[0] != path or read(path) != marks[kind]):
            lines.append(f"{', '.join(paths.rel(p) for p in shown)} {'was' if len(shown) == 1 else 'were'} written "
                         f"from an earlier build of data/processed: run `python -m analysis {command}` (or `make`) "
                         f"so {'it shows' if len(shown) == 1 else 'they show'} the tables as they are now")
    return "; ".join(lines)


def _html_mark(path: Path, name: str = OUTPUT_MARK) -> str | None:
    """What a page written by the project names in its `<meta name=…>` (`OUTPUT_MARK`: the `build_mark`), or None."""
    import html
    import re

    try:
        head = path.read_text(encoding="utf-8", errors="replace")[:4096]
    except OSError:
        return None
    found = re.search(rf'<meta name="{re.escape(name)}" content="([^"]*)">', head)
    return html.unescape(found.group(1)) if found else None


def _database_mark(path: Path) -> int | None:
    """The `user_version` in a SQLite file's header (4 bytes, big-endian, at offset 60 of the file format), read
    from the bytes without opening the database; None for a file that is not SQLite's."""
    try:
        with path.open("rb") as fh:
            header = fh.read(64)
    except OSError:
        return None
    if len(header) < 64 or not header.startswith(b"SQLite format 3\x00"):
        return None
    return int.from_bytes(header[60:64], "big")


def _workbook_mark(path: Path, name: str = OUTPUT_MARK) -> str | None:
    """What a workbook names in a custom document property (docProps/custom.xml; `OUTPUT_MARK`: the `build_mark`),
    or None. Read with the standard library's zipfile and XML parser, so asking costs no openpyxl."""
    import zipfile
    from xml.etree import ElementTree

    try:
        with zipfile.ZipFile(path) as book:
            root = ElementTree.fromstring(book.read("docProps/custom.xml"))
    except (OSError, KeyError, zipfile.BadZipFile, ElementTree.ParseError):
        return None
    for prop in root:
        if prop.get("name") == name:
            return "".join(prop.itertext())
    return None


#: The document property under which the workbook names the charts its chart sheets were read from
#: (`charts_read_mark`), and what it reads of each chart's JSON sidecar besides the chart's CSV, read whole.
CHARTS_MARK = "cse-figures-charts"
#: The sidecar's list of the data's cells blank by their nature ([row, column header]), which the workbook marks [z].
NOT_APPLICABLE_KEY = "not_applicable"
WORKBOOK_CHART_KEYS = ("title", "intro", "source_name", "source_line", "notes", NOT_APPLICABLE_KEY)


def charts_read_mark(charts_dir: Path, chart_ids: Iterable[str]) -> str:
    """"sha256:…" over what the workbook reads of each chart in `charts_dir`: its CSV's bytes and the sidecar's
    `WORKBOOK_CHART_KEYS` (a chart's other marks, such as the notebook that drew it, are not on its sheet). Taken
    by the workbook before it reads a chart, as `build_mark` before a table."""
    import hashlib
    import json

    digest = hashlib.sha256()
    for chart_id in sorted(chart_ids):  # the same charts read in another order are the same charts
        try:
            loaded = json.loads((charts_dir / chart_id / f"{chart_id}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            loaded = None
        meta = {key: str(loaded.get(key) or "") for key in WORKBOOK_CHART_KEYS} if isinstance(loaded, dict) else None
        csv_hash = file_hash(charts_dir / chart_id / f"{chart_id}.csv")
        digest.update(json.dumps([chart_id, csv_hash, meta], sort_keys=True).encode("utf-8") + b"\n")
    return "sha256:" + digest.hexdigest()


def workbook_behind_charts(outputs: Path, paths: Paths = DEFAULT) -> str:
    """Why the workbook's chart sheets are not the charts in outputs/charts/ now, in one line ("" when they are, or
    there is no workbook: the gallery says what is missing). `notebooks` draws and exports the charts again but
    writes no workbook: after a notebook's chart call was edited, `python -m analysis notebooks` and `gallery`
    published the chart as the edited notebook drew it beside a workbook whose chart sheet gave the data as drawn
    before, its build, code and site address all current, exit 0. The workbook names what it read of the charts
    (`CHARTS_MARK`)."""
    from analysis.paths import CHART_IDS, WORKBOOK_NAME

    workbook = outputs / WORKBOOK_NAME
    if not workbook.is_file() or _workbook_mark(workbook, CHARTS_MARK) == charts_read_mark(outputs / "charts",
                                                                                          CHART_IDS):
        return ""
    return (f"{paths.rel(workbook)} was written from other charts than {paths.rel(outputs / 'charts')}/ holds now "
            "(drawn again since, by `python -m analysis notebooks`?): run `python -m analysis workbook` (or `make`) "
            "so its chart sheets show the charts as published")


#: The key (a chart's sidecar, a notebook copy's metadata), `<meta>` name (factcheck.html) and document property (the
#: workbook) under which an output names the code it was made by (`code_mark`).
CODE_MARK = "cse-figures-code"
#: The package's stages whose code makes each kind of output: each a part of what the step that writes it hashes
#: (analysis/run/pipeline.py), so an edit `make` reruns no step for never makes an output "made by other code".
CHART_CODE = ("record", "tables", "factcheck", "publish")
REPORT_CODE = ("record", "tables", "factcheck")
COPY_CODE = (*CHART_CODE, "run")
#: What a stage's code is besides its modules: style sheets, and the templates and fonts it reads, at any depth.
CODE_SUFFIXES = (".py", ".mplstyle")
CODE_DATA_FOLDERS = ("templates", "fonts")


def code_mark(stages: Iterable[str], *documents: Path, loaded: bool = False) -> str:
    """"sha256:…" over the code that makes an output: the package's and the checkout's top-level modules (and any
    package's `__init__.py` at the checkout's top), the `stages`' modules, style
    sheets, templates and fonts, pyproject.toml and constraints.txt (the package's own checkout), and the
    `documents` it is written from (docs/factcheck.md for the rules page). The marks above name the tables and the
    notebook an output was made from, not the code: after a chart's module was edited (the notebooks say "open that
    module to change what is drawn"), or another branch checked out or pulled with a change to the rules, a
    template or docs/factcheck.md, `python -m analysis gallery` (or `charts` then `gallery`, or `workbook`)
    published charts, notebook pages and the report as the other code made them, exit 0, while `make` (whose
    stamps hash the code) would have made them again.

    `loaded`: the code as this process first asked for it (`_LOADED`), which a writer asks for as it imports its
    stage, not as it writes: code edited, or a branch checked out, while `notebooks` or `charts` ran alone (or
    while a JupyterLab kernel that exports by hand stayed open) was read as the new code's mark on outputs the old
    code made, and `gallery` alone then published them."""
    import hashlib

    key = tuple(stages)
    if not loaded:
        code = _code_lines(key)
    elif key in _LOADED:
        code = _LOADED[key]
    else:
        code = _LOADED[key] = _code_lines(key)
    digest = hashlib.sha256(code.encode())
    for document in documents:  # by content alone: the project's root need not be the package's
        digest.update(f"document\0{file_hash(document) or '-'}\n".encode())
    return "sha256:" + digest.hexdigest()


#: The code part of each `code_mark(…, loaded=True)` this process has asked for, by its stages: as first read.
_LOADED: dict[tuple[str, ...], str] = {}


def _code_lines(stages: tuple[str, ...]) -> str:
    """Each file `code_files` names, with the hash of its bytes now, one line each; then each folder the kernels
    import from outside the environment (`paths.import_folders`: $PYTHONPATH, an editable install's) with the
    modules it holds, which every step's stamp hashes too: a desk's helper there edited, then `gallery` or
    `workbook` alone, published the chart as the old helper drew it."""
    from analysis.paths import PROJECT_ROOT, import_folders, modules_held

    # Named as in any checkout: a copy elsewhere holds the same code.
    return "".join([*(f"{path.relative_to(PROJECT_ROOT).as_posix()}\0{file_hash(path) or '-'}\n"
                      for path in code_files(stages)),
                    *(f"import {place}\0{modules_held(place)}\n" for place in import_folders())])


def code_files(stages: Iterable[str]) -> list[Path]:
    """The files `code_mark` hashes for `stages`, sorted (each is one the stamps of the step writing the output hash
    too: a test holds them to it)."""
    from analysis.paths import PROJECT_ROOT, package_modules

    package = PROJECT_ROOT / "analysis"
    # A module at the checkout's top (or any module of a package there) is code too, as the stamps say: the kernels
    # have the checkout on their path, so a notebook imports a desk's helper module kept there, and one edited, then
    # `gallery` or `workbook` alone, published what the old helper made.
    files = [*package.glob("*.py"), *PROJECT_ROOT.glob("*.py"), *package_modules(PROJECT_ROOT),
             PROJECT_ROOT / "pyproject.toml", PROJECT_ROOT / "constraints.txt"]
    for stage in stages:
        files.extend(path for path in (package / stage).rglob("*") if path.is_file()
                     and "__pycache__" not in path.parts and (path.suffix in CODE_SUFFIXES or any(
                         part in CODE_DATA_FOLDERS for part in path.relative_to(package / stage).parts[:-1])))
    return sorted(set(files))


def made_by_other_code(outputs: Path, stems: Iterable[str], paths: Paths = DEFAULT) -> str:
    """Which outputs the gallery links beside the charts (`charts_behind` asks of them) were made by other code
    than this checkout holds (`code_mark`), in one line ("" when none): the fact-check report (its code and
    docs/factcheck.md), the workbook and the notebooks' executed copies. One that does not say counts; one not
    there is left to the gallery, which says what is missing."""
    from analysis.paths import REPORT_HTML, RULES_DOC, WORKBOOK_NAME

    report, workbook, found = outputs / REPORT_HTML, outputs / WORKBOOK_NAME, {}
    if report.is_file() and _html_mark(report, CODE_MARK) != code_mark(REPORT_CODE, paths.root / RULES_DOC):
        found[f"{paths.rel(report)} (and what `check` wrote with it)"] = "check"
    if workbook.is_file() and _workbook_mark(workbook, CODE_MARK) != code_mark(CHART_CODE):
        found[paths.rel(workbook)] = "workbook"
    copies, now = outputs / "notebooks", code_mark(COPY_CODE)
    ran = [stem for stem in stems if (marks := _drawn_from(copies / f"{stem}.ipynb", ("metadata",),
                                                           NOTEBOOK_METADATA)) is not _MISSING
           and (marks.get(CODE_MARK) if isinstance(marks, dict) else None) != now]
    if ran:
        found[f"the notebooks' copies in {paths.rel(copies)}/ ({_few(ran)})"] = "notebooks"
    if not found:
        return ""
    commands = " and ".join(f"`python -m analysis {command}`" for command in found.values())
    return (f"{'; '.join(found)} {'was' if len(found) == 1 else 'were'} made by another version of the project's "
            f"code (analysis/, modules at the checkout's top or on $PYTHONPATH, pyproject.toml, constraints.txt) or "
            f"of {RULES_DOC} than this checkout holds (edited, or another branch checked out or pulled, since): run "
            f"{commands} (or `make`) to make {'it' if len(found) == 1 else 'them'} again")


#: The name under which an output whose links are absolute names the site address they start from ($CSE_SITE_URL,
#: or `check --site-url`): a `<meta>` of factcheck.html (for the ClaimReview written with it), a custom document
#: property of the workbook (its cover gives the address) and a key of each chart's sidecar (a credit links to the
#: fact-check page there).
SITE_MARK = "cse-figures-site-url"


def for_another_site(outputs: Path, paths: Paths = DEFAULT) -> str:
    """Which outputs the gallery would publish beside its own page were written for another site address than the
    one it is run with, in one line ("" when none). `make` says "set CSE_SITE_URL …, then run `make` again"; set, and
    `python -m analysis gallery` run alone, the page's embed code took the new address while claimreview.jsonld,
    the workbook's cover and the fact-check chart's credit (which the page links) kept the placeholder: one
    edition, two addresses, exit 0. A file that names no address (written before the mark was kept) is one of
    them; one that is not there is left to the gallery, which says what is missing."""
    import json

    from analysis.paths import CHART_IDS, CLAIMREVIEW_NAME, REPORT_HTML, WORKBOOK_NAME, site_url

    now = site_url()
    found: list[str] = []
    report, workbook = outputs / REPORT_HTML, outputs / WORKBOOK_NAME
    if report.is_file() and _html_mark(report, SITE_MARK) != now:
        found.append(f"{paths.rel(report)} (and {CLAIMREVIEW_NAME})")
    if workbook.is_file() and _workbook_mark(workbook, SITE_MARK) != now:
        found.append(paths.rel(workbook))
    charts = []
    for chart_id in CHART_IDS:
        sidecar = outputs / "charts" / chart_id / f"{chart_id}.json"
        try:
            said = json.loads(sidecar.read_text(encoding="utf-8")).get(SITE_MARK)
        except FileNotFoundError:
            continue
        except (OSError, ValueError, AttributeError):
            said = None
        if said != now:
            charts.append(chart_id)
    if charts:
        found.append(f"the charts in {paths.rel(outputs / 'charts')}/ ({', '.join(charts[:3])}"
                     f"{f' and {len(charts) - 3} more' if len(charts) > 3 else ''})")
    if not found:
        return ""
    return (f"{'; '.join(found)} {'was' if len(found) == 1 else 'were'} written for another site address than "
            f"{now}, where $CSE_SITE_URL now starts every link: run `make` with $CSE_SITE_URL set to the address "
            "outputs/ is published at, so every absolute link starts from it")


_MISSING = object()


def _drawn_from(path: Path, inside: tuple[str, ...], key: str = DRAWN_FROM) -> object:
    """What an exported file says it was drawn from (`DRAWN_FROM`, or another `key`, found under the keys `inside`);
    `_MISSING` for no such file, None for one that does not say."""
    import json

    try:
        found = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return _MISSING
    except (OSError, ValueError):
        return None
    for step in (*inside, key):
        found = found.get(step) if isinstance(found, dict) else None
    return found


def _marked(mark: Path, published: Path, inside: tuple[str, ...]) -> object:
    """`_drawn_from(mark, inside)`, except that a file the gallery publishes (`published`: a chart's folder, a
    notebook's HTML copy) whose mark has gone is behind (None), not missing: with the .ipynb copies deleted (only
    the HTML is published), `build`, `charts`, `check`, `workbook`, `db` and `gallery` after a correction linked
    notebook pages that still gave the old figure, exit 0; a chart folder without its JSON had its PNG published
    likewise. `_MISSING` is left for what is not there at all, which the commands name themselves."""
    got = _drawn_from(mark, inside)
    return None if got is _MISSING and (published.exists() or published.is_symlink()) else got


def _behind(drawn: dict[str, object], paths: Paths) -> list[str]:
    """The names whose files were drawn from tables other than the build's now (or do not say which)."""
    tables = built_tables(paths)
    return [name for name, got in drawn.items() if got is not _MISSING and (
        not isinstance(got, dict) or not got or any(tables.get(t) != h for t, h in got.items()))]


def _behind_line(what: str, behind: list[str], command: str) -> str:
    if not behind:
        return ""
    shown = ", ".join(behind[:3]) + (f" and {len(behind) - 3} more" if len(behind) > 3 else "")
    return (f"{what} ({shown}) were drawn from an earlier build of data/processed: run `python -m analysis "
            f"{command}` (or `make`) so they show the tables as they are now")


def is_true(flag: Any) -> bool:
    """A yes/no column as any table gives it: True from the build, "true" from a CSV, False, "false" or blank (the
    one reading of a boolean the tables write)."""
    return str(flag).strip().lower() == "true"


def _typed(kind: str) -> Any:
    def convert(text: str) -> Any:
        if text == "":
            return None
        if kind == "number":
            return float(text)
        if kind == "integer":
            return int(text)
        if kind == "boolean":
            return is_true(text)
        return text

    return convert


def load_rows(name: str, paths: Paths = DEFAULT) -> list[dict[str, Any]]:
    """One processed table as plain rows with the same types as `load_table` (None where unavailable), for
    callers that need no DataFrame: the workbook is written without importing pandas."""
    import io

    text = _read_table(paths.processed / f"{name}.csv", paths).decode("utf-8")
    kinds = {f.name: f.type for f in schema.TABLES[name][0]} if name in schema.TABLES else {}
    reader = csv.DictReader(io.StringIO(text, newline=""))
    converters = {c: _typed(kinds.get(c, "string")) for c in reader.fieldnames or []}
    return [{c: converters[c](v) for c, v in row.items()} for row in reader]


# --- the public API's readers (`analysis.load`, `analysis.tables`) -----------------------------------------------


def table_names(paths: Paths = DEFAULT) -> dict[str, str]:
    """Every processed table → its one-line description, in the data package's order (read from
    `datapackage.json` with the json module, so listing the tables imports no pandas)."""
    import json

    package = paths.processed / "datapackage.json"
    if not package.exists():
        raise FileNotFoundError(f"{paths.rel(package)} does not exist: run `python -m analysis build` (or `make`)")
    resources = json.loads(package.read_text(encoding="utf-8"))["resources"]
    return {r["path"].rsplit("/", 1)[-1].removesuffix(".csv"): r.get("description", "") for r in resources}


class UnknownTable(KeyError):
    """A table name that is not in the data package; the message lists the ones that are."""

    def __str__(self) -> str:
        return str(self.args[0])


def load(name: str, paths: Paths = DEFAULT) -> Any:
    """One processed table for analysis: counts as nullable integers, dates as dates, blanks as missing.

    Unlike `load_table` (which the charts read, dates kept as the ISO text the build wrote), this converts every
    `date` column to datetime64 and every `number` column whose values are all whole numbers to `Int64`, so a
    count prints as 374, not 374.0, and a blank stays <NA> rather than becoming 0. A column holding any fraction
    (a share such as 74.33) stays float, and so does every `share_*` column, so a share's type does not depend on
    whether this year's shares happen to be whole. An unknown name is an error that lists the tables there are.

    >>> import analysis
    >>> grades = analysis.load("inspection_grades")
    >>> str(grades["cases_examined"].dtype), str(grades["published"].dtype)
    ('Int64', 'datetime64[us]')
    >>> analysis.load("grades")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    analysis.tables.load.UnknownTable: no table 'grades'; the tables are: figures, sources, gaps, claims, ...
    """
    import pandas as pd

    names = table_names(paths)
    if name not in names:
        raise UnknownTable(f"no table {name!r}; the tables are: {', '.join(names)}")
    frame = load_table(name, paths)
    fields = schema.TABLES[name][0] if name in schema.TABLES else ()
    for field in fields:
        column = frame[field.name]
        if field.type == "date":
            frame[field.name] = pd.to_datetime(column, format="%Y-%m-%d", errors="raise")
        elif field.type == "number" and not field.name.startswith("share") and _whole(column):
            frame[field.name] = column.astype("Int64")
    return frame


def _whole(column: Any) -> bool:
    """True when a numeric column has values and every one is a whole number (a count, not a share)."""
    values = column.dropna()
    return bool(len(values)) and bool((values % 1 == 0).all())
