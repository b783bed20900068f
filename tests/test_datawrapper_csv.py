"""Issue 23 item 6 (the Datawrapper CSVs): a value printed "more than 800" is never pasted as a bare 800.

Every chart's CSV is the one `make` writes from the real processed tables (the session's main job). Where a value
column has its printed form beside it, the column right after the value says how it was printed ("more than",
"about", "exact"); the expected qualifier is read from the record's processed table (historic reviews) or from the
words printed, never from the export's own output.
"""

from __future__ import annotations

import csv
import io

import matplotlib
import pandas as pd
import pytest

from analysis.paths import PROJECT_ROOT
from analysis.publish import charts, encode
from tests.drawn import DrawnCharts
from tests.made import Made

matplotlib.use("Agg")


@pytest.fixture(scope="module")
def written(made: Made, drawn_charts: DrawnCharts) -> dict[str, tuple[list[str], list[dict[str, str]], list]]:
    """chart id → (header, rows) of the CSV `make` wrote for every chart (the session's main job,
    tests/made.py), and the values the chart, drawn from the same committed tables, drew as a bound or an
    approximation."""
    rows = {}
    for spec in charts.CHARTS:
        path = made.outputs / "charts" / spec.chart_id / f"{spec.chart_id}.csv"
        header, *body = csv.reader(io.StringIO(path.read_text(encoding="utf-8")))
        fig, _ = drawn_charts(spec.chart_id)
        qualified = [m for m in encode.marks(fig) if encode.kind_of(m.qualifier) != "exact"]
        rows[spec.chart_id] = (header, [dict(zip(header, r, strict=True)) for r in body], qualified)
    return rows


def test_national_reviews_say_more_than_beside_the_count(written: dict) -> None:
    header, rows, _ = written["historic-reviews-national"]
    assert header[header.index("Count") + 1] == "Count qualifier", header
    table = pd.read_csv(PROJECT_ROOT / "data" / "processed" / "historic_reviews.csv", dtype=str,
                        keep_default_na=False)
    national = table[table["scope"] == "national"]
    bounded = 0
    for row in rows:
        record = national[(national["as_at"] == row["Date"]) & (national["value_as_printed"] == row["As printed"])]
        assert len(record), (row["Date"], row["As printed"])
        assert row["Count qualifier"] == record["qualifier"].iloc[0], row
        bounded += row["Count qualifier"] == "more than"
    assert bounded >= 2, "the record prints 'more than 800' and 'more than 1,200'"


def test_two_1200s_do_not_paste_as_the_same_number(written: dict) -> None:
    header, rows, _ = written["two-1200s"]
    assert header[header.index("Value") + 1] == "Value qualifier", header
    by_print = {r["As printed"]: r["Value qualifier"] for r in rows}
    assert by_print == {"more than 1,200": "more than", "1,200": "exact"}


def test_every_qualified_printed_value_has_its_qualifier_next_to_it(written: dict) -> None:
    """Any CSV with a printed form that starts with a qualifier word carries that word beside the number."""
    for chart_id, (header, rows, _) in written.items():
        for row in rows:
            for column, text in row.items():
                if not column.lower().endswith("as printed") or not text.lower().startswith("more than"):
                    continue
                qualifiers = [c for c in header if c.endswith(" qualifier")]
                assert qualifiers, f"{chart_id}: '{text}' is in the CSV with no qualifier column"
                assert "more than" in {row[c] for c in qualifiers}, (chart_id, row)


@pytest.mark.parametrize("chart_id", [s.chart_id for s in charts.CHARTS])
def test_what_the_chart_draws_as_a_bound_the_csv_says_is_one(written: dict, chart_id: str) -> None:
    """Every value a chart draws as a bound or an approximation has that qualifier beside it in the CSV."""
    header, rows, qualified = written[chart_id]
    in_csv = {row[c] for row in rows for c in header if c.endswith(" qualifier")}
    for mark in qualified:
        assert mark.qualifier in in_csv, f"{chart_id}: '{mark.label}' is drawn as {mark.drawn_as}; the CSV never says"


def test_every_csv_is_utf8_without_a_byte_order_mark(made: Made) -> None:
    """The README promises it: a mark would put a stray character in the first heading for pandas, R and
    Datawrapper (Excel users are pointed to the workbook or Data › From Text/CSV)."""
    written = sorted([*made.outputs.rglob("*.csv"), *(made.root / "data" / "processed").rglob("*.csv")])
    assert len(written) > 10
    for path in written:
        data = path.read_bytes()
        assert not data.startswith(b"\xef\xbb\xbf"), path
        data.decode("utf-8")


def test_record_text_that_datawrapper_would_read_as_markup_is_shown_as_printed(drawn_charts: DrawnCharts) -> None:
    """Datawrapper renders a subset of HTML in a cell, so a definition holding a tag would paste as a live link or
    bold text, and "&lt;" as "<". Written escaped, Datawrapper (which decodes the cell as HTML) shows what was
    printed; text with no markup ("<5", "Fire & Rescue") is written as it is, for spreadsheet readers."""
    import html

    from analysis.publish.export import chart_csv
    from tests.planted import PAYLOAD

    _, meta = drawn_charts("met-review-funnel")
    data = meta.data.copy()
    printed = [f"{data['Stage'].iloc[0]} {PAYLOAD}", "Fire & Rescue, fewer than <5 &c", "&lt;b&gt;"]
    data.loc[: len(printed) - 1, "Stage"] = printed
    header, *body = csv.reader(io.StringIO(chart_csv(data)))
    cells = [row[header.index("Stage")] for row in body][: len(printed)]
    assert [html.unescape(cell) for cell in cells] == printed
    assert "<img" not in cells[0] and "<svg" not in cells[0]
    assert cells[1] == printed[1]
    assert cells[2] == "&amp;lt;b&amp;gt;"
