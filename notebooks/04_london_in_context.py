# %% [markdown]
# # London in context
#
# **The question:** what share of the UK's population, and of England and Wales' (the area of the national counts),
# lives in London (the yardstick against which London's part of a national count can be read), and what rates for
# London do the sources themselves give?
#
# A share of population is a yardstick, not a finding: London's part of a national count can be read against it
# only when both cover the same area, period and definition.
#
# **Where this notebook writes files:** run by `make` (or `python -m analysis notebooks`) it exports its two
# charts into `outputs/charts/london-population-share/` and `outputs/charts/london-rates/` and is saved, executed,
# into `outputs/notebooks/`. Opened by hand it shows the charts and writes nothing (set `$CSE_CHARTS_DIR` before
# starting Jupyter to export by hand). The first output below says which applies.
#
# **Tables read** (through `analysis.tables.load.load_table`): `population`, `figures` for the printed shares, the
# London rates and the source lines, `claims` for the fact-check's verdicts on the printed share and the rates, and
# `gaps` for the limitations and for what the fact-check lacks to judge them.

# %%
import pandas as pd
from IPython.display import display

from analysis.publish import charts, export
from analysis.publish.computed_percent import computed_share
from analysis.publish.display import bullets, chart_table, limitations, table, where_files_go
from analysis.publish.publishers import face_name, same_body
from analysis.publish.verdicts import verdicts
from analysis.tables.load import load_table

PATHS = charts.project_paths()
population = load_table("population", PATHS)
figures = load_table("figures", PATHS)
gaps = load_table("gaps", PATHS)
claims = load_table("claims", PATHS)
where_files_go()

# %% [markdown]
# ## The analysis
#
# London's share is London's mid-year population divided by the UK's, only for years for which this record holds
# both estimates (a dash: that estimate is not in the table, not that it was never published; Limitations lists
# those looked for and not found, and those published and not yet in this record). An estimate printed rounded
# ("8.8 million") stands for every value that rounds to it, so the share is given with its lowest and highest
# across that rounding, and shown to no more decimals than that range supports: the rule the London share chart
# follows (`analysis.publish.computed_percent`), and the one the fact-check applies to others' shares.

# %%
people = population[population["measure"] == "population"]
wide = people.pivot_table(index="year", columns="geography", values="value", aggfunc="first")
as_printed = people.pivot_table(index="year", columns="geography", values="value_as_printed", aggfunc="first")
both = as_printed[["London", "United Kingdom"]].dropna()
computed = [computed_share(london, uk) for london, uk in both.itertuples(index=False)]
shares = pd.DataFrame({"London share of UK": [c.shown if c else "" for c in computed],
                       "across rounding": [c.span if c else "" for c in computed]}, index=both.index)
table(wide.join(shares).reset_index(), missing="–")

# %% [markdown]
# The shares the sources print themselves, with the fact-check's verdict on each (`claims`: the claim that states
# the printed figure, judged from the estimates it rests on across their rounding). The notebook shows that
# verdict rather than judging again, so it and the fact-check page cannot disagree.

# %%
printed = figures[(figures["measure"] == "share_of_uk_population") & (figures["geography"] == "London")].copy()
printed["year"] = printed.apply(charts.printed_year, axis=1)
printed[["verdict", "working"]] = verdicts(claims, printed["figure_id"])
table(printed, ["year", "value_as_printed", "publisher", "verdict", "working"])

# %% [markdown]
# London's rates as the sources print them: London figures whose unit is a rate ("per 1,000 children" and so on).
# Each keeps its own unit: a police count of recorded cases and a council count of assessments are different
# things, even when both are "per 1,000 children".

# %%
london = figures[figures["geography"] == "London"]
rates = london[london["unit"].str.contains(r"\bper [\d,]+ ", regex=True)]
table(rates, ["subject", "value_as_printed", "unit", "period_end", "publisher", "primary"])

# %% [markdown]
# ## The charts
#
# Drawn by `analysis/publish/charts/london_population_share.py` (`london_population_share_chart`) and
# `analysis/publish/charts/london_rates.py` (`london_rates_chart`): open those modules to change what is drawn.

# %%
fig, meta = charts.london_population_share_chart(population, figures, claims, gaps)
export.publish(fig, meta)

# %%
display(meta.caption())
chart_table(meta)

# %%
fig, meta = charts.london_rates_chart(figures, claims, gaps)
export.publish(fig, meta)

# %%
display(meta.caption())
chart_table(meta)

# %% [markdown]
# ## What we found
#
# Every statement below is computed from the tables when the notebook runs.

# %%
by_year = "; ".join(f"{year}: {shown}" for year, shown in shares["London share of UK"].items())
found = [f"London's share of the UK population, where this record holds both estimates, to the precision their "
         f"rounding supports: {by_year}."]
# A share either side of the first Census-based estimate comes from a different series: say so
# (`charts.census_break_note`, which names the break and why).
break_note = charts.census_break_note(population, shares.index)
if break_note:
    found.append(break_note)
# the question's other whole, as the chart computes it: London's estimate over the whole's in the same vintage
shares_of = charts.london_share_table(population, figures)
for _, r in shares_of[shares_of["Share of"] == "England and Wales"].iterrows():
    in_table = people[(people["geography"] == r["Share of"]) & (people["year"] == r["Year"])]
    revised = in_table["value_as_printed"].iloc[0] if len(in_table) else r["Whole as printed"]
    vintage = ("" if revised == r["Whole as printed"] else
               f"; the first estimate, as London's is: the table's {revised} is ONS's later revision")
    found.append(f"London's share of England and Wales' population, mid-{r['Year']}: {r['Share as shown']} "
                 f"({r['London as printed']} of {r['Whole as printed']}{vintage}).")
for row in printed.itertuples():
    found.append(f"\"{row.value_as_printed}\" ({face_name(row.publisher)}, {row.year}): {row.verdict}.")
for row in rates.itertuples():  # each named by what it counts: two rates of one unit can count different things
    found.append(f"{row.subject}: {row.value_as_printed}.")
if rates["unit"].nunique() > 1:
    found.append(f"These rates are in {rates['unit'].nunique()} different units ("
                 + "; ".join(f'"{unit}"' for unit in sorted(rates["unit"].unique())) + "), so none is set against "
                 "another.")
bullets(found)

# %% [markdown]
# ## Limitations
#
# From the caveats recorded with the figures (the sources' own warnings, and notes on how each was read), and the
# figures looked for and not found (`gaps`).

# %%
estimates = pd.concat([people["source_id"], printed["source_id"]])
# Where each estimate was read: ONS's own page, another public body's own page giving ONS's estimate (the GLA's:
# "primary" for its publisher, but not ONS's), or a copy or news report.
published_by = people["figure_id"].map(figures.drop_duplicates("figure_id").set_index("figure_id")["publisher"])
by_ons = people["primary"] & published_by.map(lambda name: same_body(name, "Office for National Statistics"))
by_other = published_by[people["primary"] & ~by_ons]
others = " and ".join(f"{n} from the {name}'s own pages" for name, n in by_other.value_counts().sort_index().items())
notes = [f"Of {len(people)} population estimates, {by_ons.sum()} come from ONS's own pages, "
         + (f"{others}, giving ONS's estimates, " if others else "")
         + f"and {(~people['primary']).sum()} from a copy or news report.",
         f"The estimates and printed shares come from {estimates.nunique()} different documents; a year without "
         "both a London and a UK estimate has no computed share."]
bullets(notes + limitations(pd.concat([printed["caveat"], rates["caveat"]]), gaps,
                            ["population", "london-child", "mye", "london-rate"]))
