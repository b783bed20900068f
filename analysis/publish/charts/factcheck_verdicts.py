"""Chart: how many registered claims hold, do not hold, or cannot be verified."""

from __future__ import annotations

from typing import Any

import pandas as pd

from analysis.publish import style
from analysis.publish.charts.common import ChartMeta, _meta


def verdict_counts(claims: pd.DataFrame) -> pd.DataFrame:
    """Claims per verdict, in the rules' order (holds, does not hold, unverifiable), zeros kept."""
    from analysis.factcheck.rules import VERDICTS

    counts = claims["verdict"].value_counts()
    order = list(VERDICTS) + [v for v in counts.index if v not in VERDICTS]
    return pd.DataFrame({"Verdict": [v.capitalize() for v in order],
                         "Claims": [int(counts.get(v, 0)) for v in order]})


@style.styled
def factcheck_chart(claims: pd.DataFrame, figures: pd.DataFrame, *, width: float = style.WEB_WIDTH
                    ) -> tuple[Any, ChartMeta]:
    """How many of the registered claims hold, do not hold, or cannot be checked from published figures."""
    from matplotlib.ticker import MaxNLocator

    from analysis.publish.charts.bars import labelled_bars, row_height

    counts = verdict_counts(claims)
    total = int(counts["Claims"].sum())
    colours = [style.TURQUOISE, style.DARK_PINK, style.DARK_GREY] + list(style.PALETTE)
    fig, ax = style.new_figure(width=width, plot_height=row_height(len(counts)))
    labelled_bars(ax, list(counts["Verdict"]), [float(n) for n in counts["Claims"]],
                  [str(n) for n in counts["Claims"]], ["exact"] * len(counts), colours[:len(counts)], unit="claims",
                  xmax=max(counts["Claims"].max(), 1) * 1.15)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=4 if width < 5 else 6))
    n = dict(zip(counts["Verdict"].str.lower(), counts["Claims"]))
    title = (f"{n.get('holds', 0)} of {total} published claims checked hold; {n.get('does not hold', 0)} do not and "
             f"{n.get('unverifiable', 0)} cannot be checked against published figures")
    subtitle = "Claims about child sexual exploitation figures, recomputed from the figures they cite, by verdict"
    on_chart = ("'Unverifiable': a figure the claim needs is not published; not a finding that the claim is "
                "wrong. Verdicts allow for the rounding and wording printed with each number.")
    notes = ["'Unverifiable' means a figure the claim depends on is not published (see the gaps table) or cannot "
             "be used; it is not a finding that the claim is wrong. A verdict allows for the rounding and wording "
             "printed with each number."]
    ids = list(figures.loc[figures["source_id"].isin(claims.get("source_id", pd.Series(dtype=str))), "figure_id"])
    alt = (f"Bar chart of the number of claims checked by verdict, showing that {title[0].lower() + title[1:]}.")
    frame = style.finish(fig, ax, title=title, subtitle=subtitle, source=style.credit(figures, ids), notes=notes,
                         alt=alt, on_chart=on_chart)
    return fig, _meta("factcheck-verdicts", "Bar chart", frame, counts)
