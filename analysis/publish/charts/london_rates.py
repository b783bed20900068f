"""Chart: London rates printed by the Met, councils and the DfE, each in its own unit."""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from analysis.publish import encode, style
from analysis.publish.charts.common import ChartMeta, chart_meta
from analysis.publish.verdicts import NO_CLAIM, unchecked, verdicts
from analysis.record.hygiene import name_key
from analysis.record.vocabulary import number_word


def london_rates(figures: pd.DataFrame) -> pd.DataFrame:
    """London's published rates (units 'per …') and shares of national totals, as the sources give them."""
    london = figures[figures["geography"] == "London"]
    is_rate = london["unit"].str.contains(r"\bper [\d,]+ ", regex=True)  # per 1,000 children, per 100,000 …
    return london[is_rate].sort_values(["unit", "value"], ascending=[True, False], kind="stable")




@style.styled
def london_rates_chart(figures: pd.DataFrame, claims: pd.DataFrame, gaps: pd.DataFrame, *,
                       width: float = style.WEB_WIDTH) -> tuple[Any, ChartMeta]:
    """London's rates as labelled numbers, one row each with its own unit and publisher: no shared axis, because
    a council's assessments per 1,000 children and police-recorded cases per 1,000 children are different things.
    A rate a claim states carries the fact-check's verdict, and what it lacks where it could not judge it."""
    rates = london_rates(figures)
    # In the title's order (`_by_body`: the police's rate, then the councils'), so the cards read as the title does.
    rates = rates.iloc[sorted(range(len(rates)), key=lambda i: _body(rates["subject"].iloc[i]) != "police")]
    verdict_of = dict(zip(rates["figure_id"], verdicts(claims, rates["figure_id"])["verdict"], strict=True))
    judged, missing = _judged(rates, verdict_of, claims, gaps)
    names = [re.split(r", as | per [\d,]+ ", s)[0] for s in rates["subject"]]
    fig, ax = style.new_figure(width=width, plot_height=1.0)
    ax.set_axis_off()
    x0 = style.MARGIN_IN / width  # numbers start at the text margin
    number_w = 0.3 if width < 5 else 0.18
    text_in = (width - 2 * style.MARGIN_IN) * (1 - number_w) - 0.1
    line = style.LINE_SPACING * style.LINE_BOX_EM / 72  # inches per point of type, per line
    top = 0.0
    for i, r in enumerate(rates.itertuples()):
        name = style.wrap(fig, names[i], style.LABEL_SIZE, text_in)
        printed = str(r.value_as_printed).split(" ", 1)
        shown = printed[1] if len(printed) > 1 and "per" in printed[1] else r.unit  # the unit as printed
        said = verdict_of[r.figure_id]
        unit = style.wrap(fig, shown + ("" if said == NO_CLAIM else f". Fact-check: ‘{said}’."),
                          style.SMALL_SIZE, text_in)
        ax.text(x0, top, f"{r.value:g}", ha="left", va="top", fontsize=22, fontweight="bold",
                color=style.DARK_BLUE)  # one colour: the rows are not a series, and nothing here is keyed
        ax.text(x0 + number_w, top, "\n".join(name), ha="left", va="top", fontsize=style.LABEL_SIZE,
                color=style.TEXT, linespacing=style.LINE_SPACING)
        name_h = len(name) * style.LABEL_SIZE * line
        ax.text(x0 + number_w, top + name_h + 0.03, "\n".join(unit), ha="left", va="top",
                fontsize=style.SMALL_SIZE, color=style.SECONDARY_TEXT, linespacing=style.LINE_SPACING)
        top += max(name_h + 0.03 + len(unit) * style.SMALL_SIZE * line, 22 * line) + 0.25
        encode.marks(fig).append(encode.Mark(r.value_as_printed, r.qualifier, "text", r.unit))
    ax.set_xlim(0, 1)
    ax.set_ylim(max(top, 0.5), 0)  # y in inches from the top of the plot
    fig.set_size_inches(width, max(top, 0.5))
    origin = _origin(rates)
    who = "the national audit" if origin else "the sources"
    bases = {m.group(0) for m in (re.search(r"per [\d,]+ \w+", str(u)) for u in rates["unit"]) if m}
    if len(rates) and len(bases) == 1:
        base = next(iter(bases))
        title = (f"Casey audit, London, {base}: {_by_body(rates)}" if origin else
                 f"{number_word(len(rates)).capitalize()} London rates {base}, each counting a different thing")
    elif len(rates):
        title = f"{who[0].upper() + who[1:]} printed {len(rates)} London rates in {len(bases)} different units"
    else:
        title = "No London rates are published in the sources"
    subtitle = (f"Rates for London as quoted from {who}" + (" (Baroness Casey)" if origin else "")
                + f", each with what it counts; {_period_words(rates)}")
    quoted = " Quoted from the audit by a news outlet; not yet checked against the audit itself."
    on_chart = ("Each rate counts a different thing, so they are set side by side, without a scale."
                + (quoted if origin else ""))
    notes = [on_chart, judged.strip(), *missing] + [c for c in dict.fromkeys(rates["caveat"].dropna()) if c]
    data = pd.DataFrame({"Measure": names, "Rate": rates["value"].to_numpy(), "Unit": list(rates["unit"])})
    finding = (f"the Casey audit printed these London rates {next(iter(bases))}: {_by_body(rates)}"
               if origin and len(bases) == 1 else style.in_sentence(title))
    alt = (f"Table chart of London's published rates, each in its own unit, showing that {finding}. "
           + "; ".join(f"{lab}: {v} ({u})" for lab, v, u in zip(names, rates["value"].map(lambda v: f"{v:g}"),
                                                               rates["unit"], strict=True)) + "." + judged)
    frame = style.finish(fig, ax, title=title, subtitle=subtitle, on_chart=on_chart, notes=notes, alt=alt,
                         source=style.credit(figures, rates["figure_id"]))
    return fig, chart_meta("london-rates", "Table", frame, data)


def _judged(rates: pd.DataFrame, verdict_of: dict[str, str], claims: pd.DataFrame, gaps: pd.DataFrame
            ) -> tuple[str, list[str]]:
    """The fact-check's verdict on each rate a claim states, for the face (" Fact-check verdict on 2.77: …"), and
    the gaps behind any it could not judge, for the notes: the London share chart showed its verdict, and this
    chart drew the audit's 2.77 with no word that the counts behind it were never found."""
    said, missing = "", []
    for r in rates.itertuples():
        verdict = verdict_of[r.figure_id]
        if verdict == NO_CLAIM:
            continue
        said += f" Fact-check verdict on {r.value:g}: ‘{verdict}’."
        lacking = unchecked(r.figure_id, claims, gaps)
        missing += [lacking.gaps] if lacking else []
    return said, missing


def _body(subject: object) -> str:
    """Who recorded a rate, as its subject names it: the police force, or the local authorities."""
    return "police" if "police" in str(subject).lower() else "councils"


def _by_body(rates: pd.DataFrame) -> str:
    """'police 2.77; councils 1.79 and 1.3': each rate as printed, grouped by who recorded it (the subject names
    the police force or the local authorities), so a title lists them without setting one against another."""
    groups: dict[str, list[str]] = {}
    for r in rates.itertuples():
        groups.setdefault(_body(r.subject), []).append(str(r.value_as_printed).split(" ", 1)[0])
    return "; ".join(f"{body} {style.join_words(values)}" for body, values in sorted(groups.items(),
                                                                                   key=lambda kv: kv[0] != "police"))


def _period_words(rates: pd.DataFrame) -> str:
    """The period the rates cover, or that it is not printed (a figure whose period is only its publication date,
    which the caveat says, has no period of its own)."""
    if not len(rates):
        return ""
    unstated = rates["caveat"].fillna("").str.contains("No period", case=False)
    published = style.join_words(sorted({style.month_year(p) for p in rates["published"]}))
    if unstated.all():
        return f"published {published}; the period the data cover is not printed"
    return "covering " + style.join_words(sorted({f"{style.month_year(a)} to {style.month_year(b)}" if a != b
                                                 else style.month_year(a) for a, b in
                                                 zip(rates["period_start"], rates["period_end"], strict=True)}))


#: The national audit, as the record names it where a report attributes a figure to it.
AUDIT = "Home Office (Baroness Casey's national audit)"


def _origin(rates: pd.DataFrame) -> bool:
    """Whether every rate is quoted from the national audit (the report read says so: `attributed_to`)."""
    return bool(len(rates)) and rates["attributed_to"].map(name_key).eq(name_key(AUDIT)).all()
