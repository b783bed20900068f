"""Chart: how many registered claims are accurate, accurate within rounding, inaccurate, or cannot be checked."""

from __future__ import annotations

from typing import Any

import pandas as pd

from analysis.factcheck.wording import ACCURATE, INACCURATE, MEANING, VERDICTS, WITHIN_ROUNDING, rounding_split
from analysis.paths import REPORT_HTML
from analysis.publish import style
from analysis.publish.charts.common import ChartMeta, chart_meta
from analysis.record.hygiene import checked_site_url
from analysis.record.schema import COUNTED_ONCE


def verdict_counts(claims: pd.DataFrame) -> pd.DataFrame:
    """Claims per verdict, in the rules' order; a verdict no claim has is left out (a zero bar says nothing)."""
    counts = claims["verdict"].value_counts()
    order = [v for v in VERDICTS if counts.get(v, 0)] + [v for v in counts.index if v not in VERDICTS]
    return pd.DataFrame({"Verdict": [v.capitalize() for v in order],
                         "Claims": [int(counts.get(v, 0)) for v in order],
                         "Could be checked": ["yes" if v in JUDGED else "no" for v in order]})


#: The verdicts given to claims whose figures are all in the record (the others could not be checked).
JUDGED = (ACCURATE, WITHIN_ROUNDING, INACCURATE)
#: One colour per verdict: green accurate, blue within rounding, red inaccurate, greys for what cannot be checked.
_COLOURS = {"accurate": style.TURQUOISE, "accurate within rounding": style.DARK_BLUE, "inaccurate": style.DARK_PINK}


@style.styled
def factcheck_chart(claims: pd.DataFrame, figures: pd.DataFrame, *, width: float = style.WEB_WIDTH
                    ) -> tuple[Any, ChartMeta]:
    """How many of the registered claims hold, do not hold, or cannot be checked from published figures."""
    from matplotlib.ticker import MaxNLocator

    from analysis.publish.charts.bars import labelled_bars, row_height

    counts = verdict_counts(claims)
    total = int(counts["Claims"].sum())
    colours = [_COLOURS.get(v.lower(), style.DARK_GREY) for v in counts["Verdict"]]
    fig, ax = style.new_figure(width=width, plot_height=row_height(len(counts)))
    labelled_bars(ax, list(counts["Verdict"]), [float(n) for n in counts["Claims"]],
                  [str(n) for n in counts["Claims"]], ["exact"] * len(counts), colours[:len(counts)], unit="claims",
                  xmax=max(counts["Claims"].max(), 1) * 1.15)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=4 if width < 5 else 6))
    n = dict(zip(counts["Verdict"].str.lower(), counts["Claims"], strict=True))
    wrong = n.get(INACCURATE, 0)
    # Only claims whose figures are all in the record could be judged: the title counts those, not the total.
    judged = sum(n.get(v, 0) for v in JUDGED)
    # Every judged verdict is named, so the title's numbers add up to the claims it counts.
    within = [f"{n[WITHIN_ROUNDING]} within rounding"] if n.get(WITHIN_ROUNDING) else []
    title = f"{judged} claims could be checked: " + ", ".join([f"{n.get(ACCURATE, 0)} accurate", *within,
                                                                f"{wrong} inaccurate"])
    subtitle = (f"{total} claims about child sexual exploitation figures and their context, chosen by the project "
                f"(not a sample), recomputed from the figures they rest on, by verdict; {COUNTED_ONCE}")
    on_chart = ("'Cannot be checked' and 'not yet in this record': a figure the claim needs is missing; not a "
                "finding that the claim is wrong.")
    split = rounding_split(list(claims.loc[claims["verdict"] == WITHIN_ROUNDING, "working"]))
    notes = [*([split] if split else []), *(f"{v.capitalize()}: {MEANING[v]}" for v in VERDICTS if n.get(v, 0))]
    ids = list(figures.loc[figures["source_id"].isin(claims.get("source_id", pd.Series(dtype=str))), "figure_id"])
    alt = (f"Bar chart of the number of claims checked by verdict, showing that {style.in_sentence(title)}. "
           + "; ".join(f"{v}: {c}" for v, c in zip(counts["Verdict"], counts["Claims"], strict=True)) + ".")
    documents = style.credit(figures, ids).documents
    # Dozens of documents stand behind the claims: the face points to the report that lists each claim's own.
    source = style.Credit(name="cse-figures fact-check", url=f"{checked_site_url()}{REPORT_HTML}",
                          line="cse-figures fact-check; the documents behind each claim are listed with it in the "
                               "report",
                          documents=documents)
    frame = style.finish(fig, ax, title=title, subtitle=subtitle, source=source, notes=notes, alt=alt,
                         on_chart=on_chart)
    return fig, chart_meta("factcheck-verdicts", "Bar chart", frame, counts)
