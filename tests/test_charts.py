"""Every exported chart: files present and readable, numbers equal to the processed tables, metadata complete.

The files are those the session's one main job wrote (tests/made.py) from a copy of the real raw data; the tables
they are compared with are the real `data/processed` (or the project that CSE_FIGURES_ROOT points at). Without
processed tables there is nothing to compare with, so these tests skip and say why.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import analysis.paths
from analysis.paths import PROJECT_ROOT, Paths
from analysis.publish import charts, style
from analysis.publish.export import PNG_DPI, WORKBOOK_NAME, WORKBOOK_TABLES, chart_dir
from analysis.record.vocabulary import split_steps
from analysis.tables.load import load_table
from tests.drawn import DrawnCharts
from tests.made import Made

SIDECAR_KEYS = {"chart_id", "title", "intro", "source_name", "source_url", "source_line", "notes", "notes_on_chart",
                "alt_text", "chart_type"}
CHART_IDS = [spec.chart_id for spec in charts.CHARTS]


def project() -> Paths:
    root = Path(os.environ.get(charts.ROOT_ENV, PROJECT_ROOT))
    return Paths(root.resolve())


@pytest.fixture(scope="session")
def paths() -> Paths:
    p = project()
    missing = [t for t in WORKBOOK_TABLES if not (p.processed / f"{t}.csv").exists()]
    if missing:
        pytest.fail(f"{p.rel(p.processed)} (committed) has no "
                    f"{', '.join(missing)}: run `python -m analysis build`")
    return p


@pytest.fixture(scope="session")
def tables(paths: Paths) -> dict[str, pd.DataFrame]:
    return {name: load_table(name, paths) for name in WORKBOOK_TABLES}


@pytest.fixture(scope="session")
def exported(made: Made) -> Path:
    """outputs/ as `make` writes it (the session's shared main job, tests/made.py): charts exported by the
    notebooks, then the workbook."""
    out = made.outputs
    assert sorted(p.name for p in (out / "charts").iterdir()) == sorted(CHART_IDS)
    assert (out / WORKBOOK_NAME).is_file()
    return out


def files(out: Path, chart_id: str) -> dict[str, Path]:
    folder = chart_dir(out, chart_id)
    return {**{ext: folder / f"{chart_id}.{ext}" for ext in ("png", "svg", "csv", "json")},
            "mobile": folder / f"{chart_id}-mobile.png"}


def read_csv(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, keep_default_na=False, na_values={""}, dtype={0: str})


# --- files ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("chart_id", CHART_IDS)
def test_every_chart_has_its_five_files(exported: Path, chart_id: str) -> None:
    for ext, path in files(exported, chart_id).items():
        assert path.exists() and path.stat().st_size > 0, f"{chart_id}: no {ext}"


@pytest.mark.parametrize("chart_id", CHART_IDS)
def test_png_opens_at_twice_the_css_size(exported: Path, drawn_charts: DrawnCharts, chart_id: str) -> None:
    from PIL import Image

    fig, _ = drawn_charts(chart_id)
    width_in, height_in = fig.get_size_inches()
    with Image.open(files(exported, chart_id)["png"]) as img:
        img.verify()
    with Image.open(files(exported, chart_id)["png"]) as img:
        assert img.size == (round(width_in * PNG_DPI), round(height_in * PNG_DPI))
        assert img.size[0] == 2 * round(width_in * fig.dpi) == 1280
    with Image.open(files(exported, chart_id)["mobile"]) as img:
        assert img.size[0] == 720


@pytest.mark.parametrize("chart_id", CHART_IDS)
def test_svg_carries_the_source_line_as_text(exported: Path, chart_id: str) -> None:
    """As text a reader can select and a screen reader can read. (That two runs write the same SVG, byte for byte,
    is test_notebooks.test_two_runs_in_other_processes_write_the_same_chart_files.)"""
    svg = files(exported, chart_id)["svg"].read_text(encoding="utf-8")
    meta = json.loads(files(exported, chart_id)["json"].read_text(encoding="utf-8"))
    assert re.search(r"<text[^>]*>[^<]*Source:", svg), "the source line must be text, not paths"
    assert meta["title"].split()[0] in svg


@pytest.mark.parametrize("chart_id", CHART_IDS)
def test_json_sidecar_has_every_field(exported: Path, chart_id: str) -> None:
    meta = json.loads(files(exported, chart_id)["json"].read_text(encoding="utf-8"))
    assert SIDECAR_KEYS <= set(meta)
    assert meta["chart_id"] == chart_id and meta["source_line"].startswith("Source: ")
    for key in ("title", "intro", "source_name", "alt_text", "chart_type"):
        assert isinstance(meta[key], str) and meta[key].strip(), f"{chart_id}: empty {key}"
    assert meta["source_url"].startswith("http")
    assert re.match(r"^[A-Z][a-z ]*chart (of|with)", meta["alt_text"]), meta["alt_text"][:60]
    assert " showing " in meta["alt_text"]


@pytest.mark.parametrize("chart_id", CHART_IDS)
def test_csv_is_datawrapper_ready(exported: Path, chart_id: str) -> None:
    text = files(exported, chart_id)["csv"].read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    header, body = rows[0], rows[1:]
    assert body and all(len(r) == len(header) for r in body)
    assert not any(cell.strip().lower() in ("nan", "none", "null") for r in body for cell in r)
    numeric = [j for j in range(1, len(header)) if all(re.fullmatch(r"-?[\d.]*", r[j]) for r in body)]
    assert numeric, f"{chart_id}: no numeric series"
    if any(r[j] == "" for r in body for j in numeric):
        notes = json.loads(files(exported, chart_id)["json"].read_text(encoding="utf-8"))["notes"]
        assert any(w in notes.lower() for w in ("no share", "record holds no", "not found", "no count",
                                                       "no figure", "none was printed")), \
            f"{chart_id}: blank values must be explained in the notes"


# --- values equal the processed tables --------------------------------------------------------------------------


def _close(a: float, b: float) -> bool:
    return math.isclose(float(a), float(b), rel_tol=0, abs_tol=1e-9)


def test_inspection_csv_equals_the_table(exported: Path, tables: dict[str, pd.DataFrame]) -> None:
    grades = tables["inspection_grades"]
    data = read_csv(files(exported, "inspection-grades")["csv"])
    labels = grades.drop_duplicates("inspection_id")
    checked = 0
    for _, row in data.iterrows():
        inspection = labels[[str(row["Inspection"]).startswith(f"{lab}, ") for lab in labels["label"]]]
        assert len(inspection) == 1, row["Inspection"]
        rows = grades[grades["inspection_id"] == inspection["inspection_id"].iloc[0]]
        for column in [c for c in data.columns[1:] if not c.endswith((", as labelled", ", as printed"))]:
            if pd.isna(row[column]):
                continue
            match = rows[rows["grade"] == column.lower().removesuffix(", only the total published")]
            allowed = list(match["share_computed"].dropna()) + list(match["share_published"].dropna())
            assert any(_close(row[column], v) for v in allowed), (row["Inspection"], column, row[column])
            checked += 1
    assert checked >= len(data)


def test_only_combined_share_is_shown_where_no_split_was_published(exported: Path,
                                                                   tables: dict[str, pd.DataFrame]) -> None:
    grades = tables["inspection_grades"]
    data = read_csv(files(exported, "inspection-grades")["csv"])
    combined_only = grades.groupby("inspection_id").filter(lambda g: not g["split_published"].any())
    for label in combined_only["label"].unique():
        row = data[data["Inspection"].str.startswith(f"{label}, ")].iloc[0]
        for grade in ("Good", "Requires improvement", "Inadequate"):
            if grade in data.columns:
                assert pd.isna(row[grade]), f"{label}: a split was invented for '{grade}'"


def test_inspection_title_is_generated_from_the_data(exported: Path, tables: dict[str, pd.DataFrame]) -> None:
    """The title's years are the first and last inspections of the table, and it holds a share for none of them
    (the 2024 share rests on copies whose words and counts disagree)."""
    grades = tables["inspection_grades"]
    title = json.loads(files(exported, "inspection-grades")["json"].read_text(encoding="utf-8"))["title"]
    first, last = grades["published"].min()[:4], grades["published"].max()[:4]
    assert f"{first}–{last}" in title and "required improvement or were inadequate" in title
    assert not re.search(r"\d+\.\d%", title)


def test_met_series_csv_equals_the_table(exported: Path, tables: dict[str, pd.DataFrame]) -> None:
    series = tables["met_cse_series"]
    data = read_csv(files(exported, "met-cse-series")["csv"])
    by_name = {name: measure for measure, name in charts.MET_MEASURES.items()}
    rounded = {ref for cell in tables["claims"]["rounded_inputs"] for ref in split_steps(cell)}
    checked = 0
    for _, row in data.iterrows():
        for column in [c for c in data.columns[1:] if c in by_name]:
            if pd.isna(row[column]):
                continue
            match = series[(series["measure"] == by_name[column]) & (series["period_label"] == str(row["Year"]))]
            assert len(match) == 1 and _close(match["value"].iloc[0], row[column]), (row["Year"], column)
            # beside each value, its qualifier as drawn: a figure the fact-check reads as rounded is "about"
            as_drawn = "about" if match["figure_id"].iloc[0] in rounded else match["qualifier"].iloc[0]
            assert row[f"{column} qualifier"] == as_drawn, (row["Year"], column)
            checked += 1
    annual = series[series["measure"].isin(charts.MET_MEASURES) & series["period_label"].str.match(r"^\d{4}")
                    & series["period_label"].str.len().isin([4, 7]) & series["value"].notna()]
    assert checked == len(annual), "every annual figure is in the CSV, and nothing else"


def test_met_series_draws_no_line_across_a_missing_year(paths: Paths) -> None:
    fig, meta = charts.draw("met-cse-series", paths)
    values = [c for c in meta.data.columns[1:] if not c.endswith((" qualifier", " published in"))]
    for ax, column in zip(fig.axes, values, strict=True):
        for line in ax.get_lines():
            x, y = line.get_xdata(), line.get_ydata()
            if len(x) < 2:
                continue
            pairs = zip(x, x[1:], y, y[1:], strict=False)  # neighbours: the shifted lists are one shorter
            drawn = [(a, b) for a, b, ya, yb in pairs if not (pd.isna(ya) or pd.isna(yb))]
            assert all(b - a == 1 for a, b in drawn), f"{column}: a line spans a year with no figure"


def test_historic_charts_are_apart_and_equal_the_table(exported: Path, tables: dict[str, pd.DataFrame]) -> None:
    reviews = tables["historic_reviews"]
    national = read_csv(files(exported, "historic-reviews-national")["csv"])
    assert list(national.columns[:4]) == ["Date", "Count", "Count qualifier", "As printed"]
    for _, row in national.iterrows():
        match = reviews[(reviews["scope"] == "national") & (reviews["as_at"] == row["Date"])
                        & (reviews["value_as_printed"] == row["As printed"])]
        assert len(match) and all(_close(v, row["Count"]) for v in match["value"]), (row["Date"], row["As printed"])
        assert match["qualifier"].iloc[0] == row["Count qualifier"]
    assert set(national["Measure"]) <= set(charts.NATIONAL_REVIEW_LABELS.values()), "readable labels, not codes"
    assert not national["Measure"].str.contains("Met").any(), "the Met's own review is a separate chart"
    funnel = read_csv(files(exported, "met-review-funnel")["csv"])
    met = reviews[reviews["scope"] == "Met"]
    for value in funnel["Cases"]:
        assert any(_close(v, value) for v in met["value"])
    assert "Total" not in " ".join(map(str, funnel["Stage"]))


def test_population_share_is_london_over_the_whole(exported: Path, tables: dict[str, pd.DataFrame]) -> None:
    figures = tables["figures"].set_index("figure_id")
    data = read_csv(files(exported, "london-population-share")["csv"])
    computed = data.dropna(subset=["Whole (number)"])
    assert set(computed["Share of"]) == {"United Kingdom", "England and Wales"}
    for _, row in computed.iterrows():
        london = figures[(figures["measure"] == "population") & (figures["geography"] == "London")
                         & (figures["value_as_printed"] == row["London as printed"])]
        whole = figures[(figures["measure"] == "population") & (figures["geography"] == row["Share of"])
                        & (figures["value_as_printed"] == row["Whole as printed"])]
        assert len(london) and len(whole)
        assert _close(row["London's share (%)"], round(100 * london["value"].iloc[0] / whole["value"].iloc[0], 2))


def test_london_rates_equal_the_figures(exported: Path, tables: dict[str, pd.DataFrame]) -> None:
    figures = tables["figures"]
    data = read_csv(files(exported, "london-rates")["csv"])
    london = figures[figures["geography"] == "London"]
    for _, row in data.iterrows():
        match = london[london["unit"] == row["Unit"]]
        assert any(_close(v, row["Rate"]) for v in match["value"]), row["Measure"]


def test_verdict_counts_equal_the_claims_table(exported: Path, tables: dict[str, pd.DataFrame]) -> None:
    claims = tables["claims"]
    data = read_csv(files(exported, "factcheck-verdicts")["csv"])
    counts = claims["verdict"].value_counts()
    for _, row in data.iterrows():
        assert int(row["Claims"]) == int(counts.get(row["Verdict"].lower(), 0))
    assert int(data["Claims"].sum()) == len(claims)


# --- style and import hygiene -----------------------------------------------------------------------------------


def test_chart_registry_matches_the_ids_the_runner_and_workbook_expect() -> None:
    assert tuple(spec.chart_id for spec in charts.CHARTS) == analysis.paths.CHART_IDS == charts.CHART_IDS


def test_palette_is_one_definition() -> None:
    """The style file's colour cycle is style.PALETTE (the Analysis Function's order; three colours darkened for
    contrast, tests/test_accessibility.py)."""
    import matplotlib

    rc = matplotlib.rc_params_from_file(style.STYLE_PATH, use_default_template=False)
    cycle = tuple(c.upper() for c in rc["axes.prop_cycle"].by_key()["color"])
    assert cycle == tuple(c.upper() for c in style.PALETTE)
    assert style.PALETTE[0] == "#12436D" and style.DARK_GREY == "#3D3D3D"


def test_cli_and_verify_do_not_import_matplotlib() -> None:
    code = ("import sys; import analysis.cli, analysis.factcheck.verify, analysis.publish.charts, "
            "analysis.publish.export; "
            "sys.exit(1 if 'matplotlib' in sys.modules else 0)")
    result = subprocess.run([sys.executable, "-c", code], cwd=PROJECT_ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr or "matplotlib imported at module import time"


def test_publish_shows_the_exported_png_and_writes_only_when_asked(paths: Paths, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from analysis.publish.export import CHARTS_DIR_ENV, publish

    monkeypatch.delenv(CHARTS_DIR_ENV, raising=False)
    fig, meta = charts.draw("met-review-funnel", paths)
    shown = publish(fig, meta)  # opened by hand: shows, writes nothing
    assert shown.width == 640 and not any(tmp_path.iterdir())
    monkeypatch.setenv(CHARTS_DIR_ENV, str(tmp_path))
    exported = publish(fig, meta)  # run by the notebook runner: writes the five files and shows the same PNG
    folder = tmp_path / "met-review-funnel"
    assert sorted(p.name for p in folder.iterdir()) == [f"met-review-funnel{s}" for s in (
        "-mobile.png", ".csv", ".json", ".png", ".svg")]
    assert exported.data == (folder / "met-review-funnel.png").read_bytes() == shown.data


def test_labels_from_the_record_are_never_mathtext() -> None:
    """Issue 24: "$...$" in a label is drawn as the characters given; a backslash macro between dollar signs
    neither changes the text nor fails the build."""
    import matplotlib.pyplot as plt

    with style.house():
        fig, ax = plt.subplots()
        label = ax.text(0.1, 0.5, r"Cost $\frac{a}{b}$ and $\nosuchmacro$ in 2014")
        ax.set_title("$5 to $10")
        fig.savefig(io.BytesIO(), format="png")
        assert label.get_parse_math() is False
        plt.close(fig)
