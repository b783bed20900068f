# %% [markdown]
# # London in context
#
# **What this shows:** London's share of the UK population, computed as London's mid-year population divided by
# the UK's for the years in which both estimates are published (and the share as some sources print it), next
# to the rates for London that the sources give, each in its own unit.
#
# A share of population is a yardstick, not a finding: London's part of a national count can be read against it
# only when both cover the same area, period and definition.
#
# **Tables read** (only through `analysis.tables.load.load_table`): `population`, and `figures` for the printed
# shares, the London rates and the source lines.

# %%
from IPython.display import display

from analysis.publish import charts, export
from analysis.tables.load import load_table

PATHS = charts.project_paths()
population = load_table("population", PATHS)
figures = load_table("figures", PATHS)

# %% [markdown]
# ## London's share of the UK population

# %%
fig, meta = charts.london_population_share_chart(population, figures)
export.publish(fig, meta)

# %%
display(meta.caption())
display(charts.london_share_table(population))

# %% [markdown]
# ## London's rates, where the sources give them
#
# Each rate is labelled with its own unit: a police count of recorded cases and a council count of assessments are
# different things, even when both are "per 1,000 children".

# %%
fig, meta = charts.london_rates_chart(figures)
export.publish(fig, meta)

# %%
display(meta.caption())
display(charts.london_rates(figures)[["subject", "value_as_printed", "unit", "period_end", "primary", "source_id"]])
