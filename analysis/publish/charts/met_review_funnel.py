"""Chart: the Met's review of historic cases, from cases found to cases still in scope."""

from __future__ import annotations

from typing import Any

import pandas as pd

from analysis.publish import style
from analysis.publish.charts.bars import labelled_bars, row_height
from analysis.publish.charts.common import MET_FUNNEL, ChartMeta, as_known, chart_meta, sentences_of
from analysis.publish.workbook_columns import DATE_AS_KNOWN
from analysis.tables.copies import loosest_printing


def met_funnel_rows(reviews: pd.DataFrame) -> pd.DataFrame:
    """The Met's review stages at the latest date on which every stage was printed (else each stage's latest)."""
    met = reviews[(reviews["scope"] == "Met") & reviews["measure"].isin([m for m, _ in MET_FUNNEL])]
    met = met.sort_values(["as_at", "primary", "figure_id"], ascending=[False, False, True], kind="stable")
    complete = [d for d, g in met.groupby("as_at") if g["measure"].nunique() == len(MET_FUNNEL)]
    if complete:
        met = met[met["as_at"] == max(complete)]
    rows = met.drop_duplicates("measure").set_index("measure")
    rows = rows.reindex([m for m, _ in MET_FUNNEL if m in rows.index]).reset_index()
    shown = pd.DataFrame([loosest_printing(r, reviews.to_dict("records")) for r in rows.to_dict("records")])
    return rows.assign(qualifier=shown["qualifier"].to_numpy(), value_as_printed=shown["value_as_printed"].to_numpy(),
                       words_from=shown["figure_id"].to_numpy())


@style.styled
def met_review_funnel_chart(reviews: pd.DataFrame, figures: pd.DataFrame, *, width: float = style.WEB_WIDTH
                            ) -> tuple[Any, ChartMeta]:
    """The Met's own historic-case funnel: found → reviewed further → still in scope (never added to national)."""
    rows = met_funnel_rows(reviews)
    # "so far": the review was under way when the figures were given; the cases not yet reviewed further are not
    # ruled out, and no count of them was published.
    names = {**dict(MET_FUNNEL), "met_historic_cases_reviewed_further": "Reviewed further so far",
             "met_historic_cases_in_scope": "Of those, still in scope"}
    dates = rows["as_at"].unique()
    known = {str(d): as_known(rows, d) for d in dates}
    fig, ax = style.new_figure(width=width, plot_height=row_height(len(rows)))
    labels = [names[m] + ("" if len(dates) == 1 else f" ({known[d]})")
              for m, d in zip(rows["measure"], rows["as_at"], strict=True)]
    labelled_bars(ax, labels, list(rows["value"]), list(rows["value_as_printed"]), list(rows["qualifier"]),
                  [style.DARK_BLUE, style.TURQUOISE, style.DARK_PINK][:len(rows)], unit="cases")
    printed = dict(zip(rows["measure"], rows["value_as_printed"], strict=True))
    when = style.month_year(max(dates))
    found, further, scope = (printed.get(m) for m, _ in MET_FUNNEL)
    title = (f"Met review: {scope} of {further} cases re-examined stayed in scope, {when}"
             if found and further and scope else f"The Met's review of historic cases, {when}")
    as_at = style.join_words(list(dict.fromkeys(known[d] for d in sorted(dates))))
    subtitle = (f"Metropolitan Police review of its own historic cases, by stage, as at {as_at}: cases with two or "
                "more suspects, including intra-familial, institutional and online abuse, not only group-based "
                "exploitation")
    on_chart = (f"Under way: by then {further} of {found} had been reviewed further; the others had not been yet, "
                "so are not ruled out. The Met's own count: never add it to the national count." if further and found
                else "The Met's own count: not part of the national count, never to be added to it.")
    notes = [on_chart]
    notes += [s for s in sentences_of(rows["caveat"].dropna().iloc[0]) if "definition" in s.lower()
              or "two or more" in s.lower() or "transcript" in s.lower()][:3] if rows["caveat"].notna().any() else []
    data = pd.DataFrame({"Stage": [names[m] for m in rows["measure"]], "Cases": rows["value"].to_numpy(),
                         "Cases as printed": list(rows["value_as_printed"]), "As at": list(rows["as_at"]),
                         DATE_AS_KNOWN: [known[d] for d in rows["as_at"]]})
    finding = (f"{scope} of the {further} cases re-examined so far stayed in scope, as at {when}"
               if found and further and scope else f"the stages of the review as at {when}")
    alt = (f"Bar chart of the Met's review of its own historic child sexual abuse cases by stage, showing that "
           f"{finding}. "
           + "; ".join(f"{names[m]}: {p}" for m, p in printed.items()) + ".")
    frame = style.finish(fig, ax, title=title, subtitle=subtitle, on_chart=on_chart, notes=notes, alt=alt,
                         source=style.credit(figures, [*rows["figure_id"], *rows["words_from"]]))
    return fig, chart_meta("met-review-funnel", "Bar chart", frame, data)
