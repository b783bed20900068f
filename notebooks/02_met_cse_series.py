# %% [markdown]
# # The Met's child sexual exploitation figures by year
#
# **The question:** what has the Metropolitan Police published, year by year, about referrals of suspected child
# sexual exploitation (CSE), crimes connected with CSE and children identified as at risk of CSE, and what change
# do the published figures support?
#
# **Where this notebook writes files:** run by `make` (or `python -m analysis notebooks`) it exports its chart
# into `outputs/charts/met-cse-series/` and is saved, executed, into `outputs/notebooks/`. Opened by hand it shows
# the chart and writes nothing (set `$CSE_CHARTS_DIR` before starting Jupyter to export by hand). The first
# output below says which applies.
#
# **Tables read** (through `analysis.tables.load.load_table`): `met_cse_series`, `gaps` for the limitations,
# `figures` for the source line, and `claims` for the fact-check's verdict on each printed rise and the figures it
# reads as rounded (drawn hollow, and a change given across their rounding).

# %%
from decimal import Decimal

import pandas as pd
from IPython.display import display

from analysis.publish import charts, export
from analysis.publish.computed_percent import computed_change
from analysis.publish.display import bullets, chart_table, limitations, table, where_files_go
from analysis.publish.publishers import same_body
from analysis.publish.verdicts import rounded_inputs, verdicts
from analysis.record.vocabulary import rounded_range
from analysis.tables.comparability import comparability
from analysis.tables.load import load_table

PATHS = charts.project_paths()
series = load_table("met_cse_series", PATHS)
figures = load_table("figures", PATHS)
gaps = load_table("gaps", PATHS)
claims = load_table("claims", PATHS)
where_files_go()

# %% [markdown]
# ## The analysis
#
# The three measures count different things (a referral, a crime, a child), so they are kept apart. A yearly
# series uses only figures recorded for a calendar year; a figure for a point in time, or a printed rise, is listed
# separately rather than drawn as a year. A year's figure whose source says it may cover only part of that year (a
# scheme's first year) is kept but marked (`part_of_year`, by `charts.part_period`, the test the chart dashes its
# line by), and every change to or from it says so: the two periods may not be the same length.

# %%
series["year"] = series["period_start"].str[:4]
start, end = pd.to_datetime(series["period_start"]), pd.to_datetime(series["period_end"])
calendar_year = start.dt.is_year_start & end.dt.is_year_end & (start.dt.year == end.dt.year)
rises = series[series["measure"].str.startswith("change_")]
yearly = series[calendar_year & ~series.index.isin(rises.index)]
yearly = yearly.assign(part_of_year=[charts.part_period(row) for _, row in yearly.iterrows()])
table(yearly, ["measure", "year", "value", "value_as_printed", "unit", "part_of_year", "primary", "source_id"])

# %% [markdown]
# One line per year (a dash: this record holds no figure for that measure and year):

# %%
table(yearly.pivot_table(index="year", columns="measure", values="value").reset_index(), missing="–")

# %% [markdown]
# Not drawn as a year: points in time, figures for a period other than a calendar year, and printed rises.

# %%
table(series[~series.index.isin(yearly.index)],
      ["measure", "period_label", "value_as_printed", "unit", "primary", "source_id", "subject"])

# %% [markdown]
# ### Change between published years
#
# Computed only between two calendar-year figures that the rule every chart and verdict follows calls one series
# (`analysis.tables.comparability`: the same measure, place and kind of number, so the Standard's "1,200 offences"
# for 2017 follows the Met's "922 crimes" for 2016). Where the fact-check reads a figure as rounded (`claims`'
# `rounded_inputs`), the change is given across its rounding, and shown no more precisely than that range allows
# (`analysis.publish.computed_percent`, the rule for every percentage this project computes).

# %%
rounded = rounded_inputs(claims)


def reading(row: dict) -> tuple[Decimal, Decimal, Decimal]:
    """A figure's value and the lowest and highest it can stand for: its rounding's range, or itself."""
    value = Decimal(str(row["value"]))
    low, high = rounded_range(value, rounded[row["figure_id"]]) if row["figure_id"] in rounded else (value, value)
    return value, low, high


changes = []
for measure, rows in yearly.sort_values("year").groupby("measure"):
    records = rows.to_dict("records")
    for before, after in zip(records[:-1], records[1:], strict=True):
        if comparability(before, after) is None:
            change = computed_change(reading(before), reading(after))
            changes.append({"measure": measure, "from": before["year"], "to": after["year"],
                            "from_value": before["value"], "to_value": after["value"],
                            "change": change.shown, "across rounding": change.span,
                            "part of a year": ", ".join(r["year"] for r in (before, after) if r["part_of_year"])})
change_table = pd.DataFrame(changes)
table(change_table)

# %% [markdown]
# The rises the sources printed, each with the fact-check's verdict on the claim that states it (judged from the
# counts it rests on, across their rounding): one judgement of each sentence, the one the fact-check page gives.

# %%
rise_checks = pd.concat([rises[["subject", "value_as_printed"]].set_axis(["rise", "printed"], axis=1),
                         verdicts(claims, rises["figure_id"])], axis=1)
table(rise_checks)

# %% [markdown]
# ## The chart
#
# Drawn by `analysis/publish/charts/met_cse_series.py` (`met_cse_series_chart`): open that module to change what
# is drawn or how. It takes the whole tables and draws each measure in its own panel.

# %%
fig, meta = charts.met_cse_series_chart(series, figures, claims)
export.publish(fig, meta)

# %%
display(meta.caption())

# %% [markdown]
# The chart's data as exported for Datawrapper:

# %%
chart_table(meta)

# %% [markdown]
# ## What we found
#
# Every statement below is computed from the table when the notebook runs.

# %%
found = []
for measure, rows in yearly.sort_values("year").groupby("measure"):
    printed = zip(rows["year"], rows["value_as_printed"], rows["unit"], rows["part_of_year"], strict=True)
    years = ", ".join(f"{y} ({p} {u}{', perhaps part of the year' if part else ''})" for y, p, u, part in printed)
    found.append(f"{charts.MET_MEASURES[measure]}: in this record for {len(rows)} calendar years: {years}.")
for c in changes:
    rounding = f" across the rounding of a round figure ({c['across rounding']})" if c["across rounding"] else ""
    # As the chart dashes the line: a year that may be part of a year makes the change one between periods of
    # perhaps different lengths, which "a change of" alone would state as like for like.
    partial = (f"; {c['part of a year']}'s figure may cover only part of the year, so the two periods may not be "
               "the same length (the chart dashes this line)") if c["part of a year"] else ""
    found.append(f"{charts.MET_MEASURES[c['measure']]}: {c['from_value']:,.0f} in {c['from']} to "
                 f"{c['to_value']:,.0f} in {c['to']}, a change of {c['change']}{rounding}{partial}.")
for c in rise_checks.itertuples():
    found.append(f"Printed rise \"{c.printed}\" ({c.rise}): {c.verdict} ({c.working.removeprefix(c.verdict + ': ')}).")
last = yearly["year"].max()
found.append(f"The latest calendar year with any yearly figure is {last}; this record holds no yearly count for a "
             "later year (looked for: see Limitations).")
bullets(found)

# %% [markdown]
# ## Limitations
#
# From the caveats recorded with the rows (the sources' own warnings, and notes on how each figure was read),
# and the figures looked for and not found (`gaps`).

# %%
# The Met's own document: one the Met published ("primary" alone also counts MOPAC's own page, another body's).
published_by = series["figure_id"].map(figures.drop_duplicates("figure_id").set_index("figure_id")["publisher"])
copies = (~(series["primary"] & published_by.map(lambda name: same_body(name, "Metropolitan Police Service")))).sum()
notes = [f"{copies} of {len(series)} rows come from a report of the Met's figures (news or another body), not "
         "the Met's own document.",
         "Units differ within a measure where sources count differently: "
         + "; ".join(f"{charts.MET_MEASURES.get(m, m)}: {', '.join(sorted(set(u)))}"
                     for m, u in series.groupby("measure")["unit"] if len(set(u)) > 1) + "."]
# "cse referral", not "referral": Operation Beaconport's national referrals are not the Met's series.
bullets(notes + limitations(series["caveat"], gaps, ["met-cse", "at risk", "cse referral", "met primary release"]))
