"""A standards editor's read of the charts as a reporter publishes them (s60): the alt text, which a screen-reader
user hears in place of the image, carries the figures the title rests on and what the card says of a figure it
shows, so it never says less than the image does about what bears out the finding."""
from __future__ import annotations

import csv
import re
from typing import Any

import pandas as pd

from analysis.paths import PROJECT_ROOT


def _rows(table: str) -> list[dict[str, str]]:
    with (PROJECT_ROOT / "data" / "processed" / f"{table}.csv").open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_the_offences_alt_text_gives_the_printed_shares_the_title_rests_on(drawn_charts: Any) -> None:
    """national-csae-offences is titled "Group-based offences: about 5% or less of recorded child sexual abuse,
    2022–2023", and the only figures that bear it out are the shares its sources printed (2022's "5%", 2023's
    "3.7 per cent"), which the cards show. The alt text listed each year's total and group-based count but no
    share, so 2022, with no count, had no group-based figure at all: the title's finding stood on nothing a
    screen-reader user could hear."""
    _, meta = drawn_charts("national-csae-offences")
    said = dict(re.findall(r"(\d{4}): (.*?)(?= \d{4}: |$)", meta.alt_text))  # year -> what the alt text says of it
    printed = [(str(r["Year"]), r["Group-based share as printed"]) for _, r in meta.data.iterrows()
               if isinstance(r["Group-based share as printed"], str) and r["Group-based share as printed"]]
    assert printed, meta.data  # the record prints a share for at least one year
    for year, share in printed:
        assert share in said.get(year, ""), (year, share, meta.alt_text)
    # A year with a count and no printed share says none was computed, as its card does.
    counted = [str(r["Year"]) for _, r in meta.data.iterrows()
               if pd.notna(r["Group-based"]) and not isinstance(r["Group-based share as printed"], str)]
    for year in counted:
        assert "none computed" in said.get(year, ""), (year, meta.alt_text)


def test_the_population_alt_text_says_who_printed_the_13_per_cent_and_the_verdict(drawn_charts: Any) -> None:
    """london-population-share's third card is the story's "13 per cent", with who printed it, when, that it gave
    no year, and the fact-check's verdict ('not yet in this record'). The alt text gave only "13 per cent", so a
    screen-reader user heard an unattributed, unjudged share beside two the chart computes, where the image says
    it is a news story's figure that the fact-check could not yet check."""
    _, meta = drawn_charts("london-population-share")
    printed = [f for f in _rows("figures") if f["measure"] == "share_of_uk_population" and f["geography"] == "London"]
    latest = max(printed, key=lambda f: f["period_end"])
    claim = next(c for c in _rows("claims") if c["stated_figure"] == latest["figure_id"])
    assert latest["value_as_printed"] in meta.alt_text
    tail = meta.alt_text.split(f"{latest['value_as_printed']}: ", 1)
    assert len(tail) == 2, meta.alt_text
    assert "MyLondon" in tail[1] and claim["verdict"] in tail[1], meta.alt_text


def _px(width: str) -> float:
    """A CSS length in px ('40rem' at the browser's default 16 px, or '600px')."""
    number, unit = re.fullmatch(r"([\d.]+)(rem|px)", width.strip()).groups()  # type: ignore[union-attr]
    return float(number) * (16 if unit == "rem" else 1)


def test_an_embedded_chart_keeps_its_smallest_text_legible_where_the_gallery_does(made: Any,
                                                                                 drawn_charts: Any) -> None:
    """The embed code a reporter copies gave phones the mobile PNG only up to 600px, while the gallery does so up
    to 40rem (640px). On a screen 601 to 640 px wide the embed showed the web PNG (640 CSS px wide, smallest text
    12.5 px) shrunk to the screen, so its smallest text fell below `style.MIN_TEXT_PX` (at 614 px and under). The
    embed and the gallery now switch at one width, past which the web PNG's smallest text stays legible."""
    import html

    from bs4 import BeautifulSoup

    from analysis.publish import charts, style

    page = BeautifulSoup((made.outputs / "index.html").read_text(encoding="utf-8"), "html.parser")
    media = r"\(max-width:\s*([\d.]+(?:rem|px))\)"
    gallery = {re.fullmatch(media, s["media"]).group(1) for s in page.select("figure source")}  # type: ignore[union-attr]
    embeds = [html.unescape(code.get_text()) for code in page.select('pre code[id$="-embed"]')]
    assert len(gallery) == 1 and len(embeds) == len(charts.CHARTS), (gallery, len(embeds))
    for embed in embeds:
        assert set(re.findall(media, embed)) == gallery, embed[:300]
    smallest = min(t.get_fontsize() for spec in charts.CHARTS
                   for t in drawn_charts(spec.chart_id)[0].findobj(lambda o: hasattr(o, "get_fontsize"))
                   if str(t.get_text()).strip() and t.get_visible()) * style.CSS_DPI / 72
    web_px = style.WEB_WIDTH * style.CSS_DPI
    # The narrowest screen given the web PNG, which shows it at that width or less.
    assert (_px(gallery.pop()) + 1) / web_px * smallest >= style.MIN_TEXT_PX


def test_the_offences_and_estimate_labels_on_a_row_do_not_run_together(drawn_charts: Any) -> None:
    """recorded-vs-estimated labels each row's offences to the right of their marker and the estimate to the left
    of its own. On the web chart the NPCC (VKPP) row read "115,489 offences (2023) an estimated 500,000 children
    (every year)": 4 px apart, one line in two colours, which in greyscale or to a colour-blind reader is one
    label. The two labels of a row now keep at least an em of their type between them, at both widths."""
    from analysis.publish import style

    for width in (style.WEB_WIDTH, style.MOBILE_WIDTH):
        fig, meta = drawn_charts("recorded-vs-estimated", width)
        renderer = fig.canvas.get_renderer()
        labels = {}
        for text in fig.axes[0].texts:
            words = " ".join(text.get_text().split())
            for _, r in meta.data.iterrows():
                for column, unit in (("Offences recorded by police", "offences"),
                                     ("Children estimated to be abused in a year", "children")):
                    if f"{r[column]:,.0f} {unit}" in words and f"({r[column + ': period']})" in words:
                        labels[(r["Publisher"], unit)] = text.get_window_extent(renderer)
        publishers = set(meta.data["Publisher"])
        assert {p for p, _ in labels} == publishers, (labels.keys(), publishers)
        em = style.SMALL_SIZE * fig.dpi / 72
        for publisher in publishers:
            offences, children = labels[(publisher, "offences")], labels[(publisher, "children")]
            if offences.y0 < children.y1 and children.y0 < offences.y1:  # on the same lines
                assert children.x0 - offences.x1 >= em, (width, publisher, offences.x1, children.x0)


def test_the_two_1200s_alt_text_dates_each_count_as_its_card_does(drawn_charts: Any) -> None:
    """two-1200s prints under each figure its date and who reported it ("As at 9 December 2025; Daily Mirror",
    "As at November 2025; GB News"). The alt text gave each figure and its definition only, so a screen-reader user
    could not tell that the national bound is a month later than the Met's count, nor whose report each is."""
    _, meta = drawn_charts("two-1200s")
    for _, r in meta.data.iterrows():
        said = meta.alt_text.split(f"{r['Count']}: ", 1)
        assert len(said) == 2, (r["Count"], meta.alt_text)
        assert f"as at {r['Date as known']}" in said[1], (r["Count"], meta.alt_text)
    reporters = meta.source_line.split("reported by ", 1)[1].split(" and ")  # as the source line names them
    assert len(reporters) == 2 and all(name in meta.alt_text for name in reporters), (reporters, meta.alt_text)


def test_notebook_06_keeps_the_copy_the_charts_keep() -> None:
    """Notebook 06 chose among copies of a figure by a rule of its own (primary, then exact, then figure id) and
    said "The chart modules make the same selections". The project's rule (`tables.copies.copy_rank`) also ranks
    the most exact printing, the outlet and the date: applied to every figure in the record, the notebook's rule
    kept another copy than the charts' for 11 of them. The notebook's `publisher_first`, read from its source,
    now keeps the copy `select.best` keeps for every figure."""
    import ast

    from analysis.paths import Paths
    from analysis.publish.charts.select import best
    from analysis.tables.copies import copy_rank
    from analysis.tables.load import load_table

    source = (PROJECT_ROOT / "notebooks" / "06_national_picture.py").read_text(encoding="utf-8")
    function = next(node for node in ast.parse(source).body
                    if isinstance(node, ast.FunctionDef) and node.name == "publisher_first")
    space: dict[str, Any] = {"pd": pd, "copy_rank": copy_rank}
    exec(compile(ast.Module(body=[function], type_ignores=[]), "06_national_picture.py", "exec"), space)
    figures = load_table("figures", Paths(PROJECT_ROOT))
    by = ["measure", "geography", "period_start", "period_end"]
    notebook = space["publisher_first"](figures).drop_duplicates(by).set_index(by)["figure_id"].sort_index()
    charts = best(figures, by).set_index(by)["figure_id"].sort_index()
    differ = notebook[notebook != charts.reindex(notebook.index)]
    assert differ.empty, differ.head().to_dict()
