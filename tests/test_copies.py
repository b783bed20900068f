"""One rule for which copy of a figure to use, and every output follows it."""

from __future__ import annotations

from analysis.tables.copies import choose_copy
from analysis.tables.load import load_table


def _row(fid: str, printed: str, *, primary: bool = False, outlet: str = "national",
         published: str = "2025-07-30") -> dict[str, object]:
    return {"figure_id": fid, "value_as_printed": printed, "primary": primary, "outlet": outlet,
            "published": published}


def test_order_primary_then_exact_printing_then_outlet_then_earliest() -> None:
    mirror_exact = _row("a/x", "61,806,682", outlet="mirror")
    national_rounded = _row("b/x", "an estimated 61.8 million", outlet="national")
    producer_exact = _row("c/x", "61,806,682", outlet="producer")
    assert choose_copy([national_rounded, mirror_exact, producer_exact])[0] is producer_exact
    # the most exact printing beats a better outlet
    assert choose_copy([national_rounded, mirror_exact])[0] is mirror_exact
    # the producer's own document beats everything
    primary = _row("d/x", "61.8 million", primary=True, outlet="producer")
    assert choose_copy([mirror_exact, producer_exact, primary])[0] is primary
    # same printing, same outlet: the earliest
    early, late = _row("e/x", "922", published="2017-01-01"), _row("f/x", "922", published="2018-01-01")
    assert choose_copy([late, early]) == (early, [late])


def test_a_qualified_printing_is_less_exact_than_a_plain_one() -> None:
    plain, bound = _row("a/x", "1,273", outlet="mirror"), _row("b/x", "more than 1,273", outlet="producer")
    assert choose_copy([bound, plain])[0] is plain


def test_population_table_uses_ons_own_exact_mid_2024_figure() -> None:
    """ONS prints 61,806,682 (its release bulletin); news copies round it to 61.8 million."""
    pop = load_table("population")
    row = pop[(pop["geography"] == "England and Wales") & (pop["year"] == 2024) & (pop["measure"] == "population")]
    assert row["value_as_printed"].tolist() == ["61,806,682"]
    assert row["source_id"].tolist() == ["ons-2025-mid-year-ew-govdelivery"]


def test_charts_pick_the_same_copy_as_the_tables() -> None:
    """publish.charts.select.best and tables.copies.choose_copy agree on every measure × place × period."""
    from analysis.publish.charts.select import best

    figures = load_table("figures")
    keys = ["measure", "geography", "period_start", "period_end"]
    drawn = best(figures, keys).set_index(keys)["figure_id"]
    for key, group in figures.groupby(keys):
        assert drawn[key] == choose_copy(group.to_dict("records"))[0]["figure_id"]


def test_a_figure_is_never_shown_more_exact_than_any_copy_printed_it() -> None:
    """The Met's own statement (quoted by PA Media) says 'approximately 9,000' cases; GB News prints '9,000'. The
    copy cited may be the exact-looking one, but the figure is shown as the Met put it. An estimate (the CSA
    Centre's '500,000 children', printed without a qualifier) is shown as approximate; a bound stays a bound."""
    from analysis.tables.copies import loosest_printing

    gb = {"figure_id": "gb", "measure": "met_historic_cases_found", "value": 9000.0, "value_as_printed": "9,000",
          "qualifier": "exact"}
    pa = {**gb, "figure_id": "pa", "value_as_printed": "approximately 9,000", "qualifier": "about"}
    assert loosest_printing(gb, [gb, pa]) == {"qualifier": "about", "value_as_printed": "approximately 9,000",
                                              "unit": "", "figure_id": "pa"}
    assert loosest_printing(gb, [gb])["qualifier"] == "exact"
    other = {**pa, "value": 9100.0}
    assert loosest_printing(gb, [other])["qualifier"] == "exact", "a different value is another figure"
    csa = {"figure_id": "csa", "measure": "estimated_children_sexually_abused_per_year", "value": 500000.0,
           "value_as_printed": "500,000", "qualifier": "exact"}
    assert loosest_printing(csa, [])["qualifier"] == "about"
    bound = {**gb, "value_as_printed": "more than 9,000", "qualifier": "more than"}
    assert loosest_printing(bound, [pa])["qualifier"] == "more than"


def test_calendar_years_takes_whole_calendar_years_of_one_measure_and_place() -> None:
    """`select.calendar_years`: a period 1 January to 31 December of one year, of the measure asked, in England and
    Wales unless another place is asked; one row per year (the best copy), numbered from 0, with `year` a number.
    (stop 49: every mutant of it survived the tests, which reached it only through whole charts.)"""
    import pandas as pd

    from analysis.publish.charts.select import calendar_years

    def row(fid: str, start: str, end: str, measure: str = "m", geography: str = "England and Wales") -> dict:
        return {"figure_id": fid, "measure": measure, "geography": geography, "period_start": start,
                "period_end": end, "primary": True, "value_as_printed": "10", "published": "2020-01-01"}

    figures = pd.DataFrame([
        row("y2020", "2020-01-01", "2020-12-31"), row("y2019", "2019-01-01", "2019-12-31"),
        row("fy", "2019-04-01", "2020-03-31"),  # a financial year
        row("two", "2017-01-01", "2018-12-31"),  # two calendar years
        row("other", "2018-01-01", "2018-12-31", measure="n"),
        row("london", "2018-01-01", "2018-12-31", geography="London"),
    ])
    got = calendar_years(figures, "m")
    assert got["figure_id"].tolist() == ["y2019", "y2020"] and got["year"].tolist() == [2019, 2020]
    assert got.index.tolist() == [0, 1] and "index" not in got.columns
    assert calendar_years(figures, "m", "London")["figure_id"].tolist() == ["london"]
