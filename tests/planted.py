"""Issue 24 item 1: markup planted in every free-text field of a scratch copy's data/raw (never the repository's).

A payload is appended to every text field of every raw file that takes prose (source producers, titles, citations
and notes, and the bodies and words of their attributions; gap texts; claim texts and notes; inspection labels;
figure subjects, locations, caveats and quotes; revisions' notes).
The main job then runs on the copy as a shared session run (tests/made.py, fixture `planted`) and
tests/test_planted_markup.py opens every page it writes in Chromium.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import yaml

#: Breaks out of an attribute, then elements that run script when parsed (valid raw HTML in Markdown too, which
#: needs spaces between attributes), each setting a flag the test reads; then a Markdown link to script and an
#: autolink to another site, neither of which may become a link.
PAYLOAD = ("\"'><img src=x onerror=window.__xss=1> <svg onload=window.__xss=2></svg> [x](javascript:window.__xss=3) "
           "<https://evil.example/>")
#: Fields that are ids, addresses, dates, enumerations, numbers or labels (their own rules refuse markup: the labels'
#: rule, unit and geography, is tested in test_attacks_round11.py, as the notebooks select rows by their values).
NOT_PROSE = {"id", "figure_id", "source_id", "claim_id", "url_main", "url", "file", "sha256", "kind", "primary",
             "measure", "geography", "period_start", "period_end", "value_as_printed", "unit", "date_published",
             "date_accessed", "supersedes", "stated", "stated_figure", "inputs", "gaps", "check", "verdict",
             "inspection", "grade", "share_as_printed", "count", "cases_examined", "revises", "review_date",
             "claim_date", "kind_of_claim", "rule", "from", "to", "per", "scope", "inspection_id", "date"}

#: libyaml's loader and dumper where PyYAML has them: 0.1 s to plant, against 2.8 s in pure Python.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
YAML_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

#: Fields of at most 30 words.
WORD_LIMITED = {"quote", "text", "words"}


def _plant(value: Any, key: str) -> Any:
    if isinstance(value, str) and key not in NOT_PROSE and " " in value.strip() and "://" not in value:
        planted = f"{value} {PAYLOAD}"
        if key in WORD_LIMITED and len(planted.split()) > 30:
            return value  # quotes and claim texts are at most 30 words
        return planted
    return value


#: Prose inside a source's `attributions` (a list of mappings, which the walk over top-level fields passed by): the
#: body a report names, which reaches every chart credit as "reported by", and its words.
ATTRIBUTION_PROSE = ("to", "words")


def _plant_yaml(path: Path) -> None:
    entries = yaml.load(path.read_text(encoding="utf-8"), Loader=YAML_LOADER)
    for entry in entries:
        for key in list(entry):
            entry[key] = _plant(entry[key], key)
        for attribution in entry.get("attributions") or ():
            for key in ATTRIBUTION_PROSE:  # both prose (`to` is a claim's rounding step elsewhere), each ≤ 30 words
                attribution[key] = _plant(attribution.get(key), "words")
    path.write_text(yaml.dump(entries, Dumper=YAML_DUMPER, allow_unicode=True, sort_keys=False), encoding="utf-8")


def read_rows(path: Path) -> list[dict[str, str]]:
    """A raw or processed CSV's rows, for a test to change in a scratch copy."""
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def write_rows(path: Path, rows: list[dict[str, str]]) -> None:
    """Write `rows` back as the project writes its CSVs (header from the first row, "\\n" line ends)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def _plant_csv(path: Path) -> None:
    rows = read_rows(path)
    if not rows:
        return
    for row in rows:
        for key in row:
            row[key] = _plant(row[key], key)
    write_rows(path, rows)


def plant(root: Path) -> None:
    """Append the payload to every prose field of the raw files under `root` (a scratch copy of the project)."""
    raw = root / "data" / "raw"
    for path in sorted(raw.glob("*.yaml")):
        _plant_yaml(path)
    for path in [*sorted(raw.glob("figures/*.csv")), raw / "revisions.csv"]:  # revisions' notes too (round six)
        _plant_csv(path)


def report_with(payload: str) -> tuple[str, str]:
    """factcheck.md and factcheck.html of this checkout's record with `payload` added to every claim's text,
    claimant and note and every source's title and producer: read in memory, nothing written."""
    from analysis.factcheck.report import build_entries, read_tables, render_html, render_markdown
    from analysis.paths import DEFAULT

    tables = read_tables(DEFAULT)
    for claim in tables.claims:
        for key in ("text", "claimant", "note"):
            claim[key] = f"{claim.get(key) or ''} {payload}"
    for source in tables.sources.values():
        for key in ("title", "producer"):
            source[key] = f"{source.get(key) or ''} {payload}"
    entries = build_entries(tables)
    return render_markdown(entries), render_html(entries)


def svg_with(title: str, note: str = "", label: str = "") -> str:
    """A chart's SVG as `save_svg` writes it, with `title` as its axes title (or `note` as text at its foot) and
    `label` added to its accessible title and description: how a record text reaches a published chart's SVG.
    Rounds 40c and 41c each drew it their own way."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from analysis.publish.save import save_svg

    fig, ax = plt.subplots()
    if note:
        fig.text(0.1, 0.02, note)
    else:
        ax.set_title(title)
    out = io.StringIO()
    save_svg(fig, out, title=f"Cases{label}", description=f"Bar chart{label}")
    plt.close(fig)
    return out.getvalue()
