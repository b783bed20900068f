# %% [markdown]
# # Historic group-based CSE case reviews: the national count and the Met's own review
#
# **What this shows:** two different things, kept apart in two charts.
#
# 1. The **national** count of historic group-based child sexual exploitation cases identified for review across
#    England and Wales, as it was printed over time (with qualifiers such as "more than").
# 2. The **Met's own** review of its historic cases, stage by stage: cases found, cases reviewed further, and
#    cases still in scope.
#
# The two use different definitions and are never added together; the Met's cases still in scope are not a part
# of the national count shown here.
#
# **Tables read** (only through `analysis.tables.load.load_table`): `historic_reviews`, and `figures` for the
# source lines.

# %%
from IPython.display import display

from analysis.publish import charts, export
from analysis.tables.load import load_table

PATHS = charts.project_paths()
reviews = load_table("historic_reviews", PATHS)
figures = load_table("figures", PATHS)

# %% [markdown]
# ## 1. The national count over time

# %%
fig, meta = charts.historic_national_chart(reviews, figures)
export.publish(fig, meta)

# %%
display(meta.caption())
display(meta.data)

# %% [markdown]
# ## 2. The Met's own review, stage by stage

# %%
fig, meta = charts.met_review_funnel_chart(reviews, figures)
export.publish(fig, meta)

# %%
display(meta.caption())
display(meta.data)

# %% [markdown]
# ## Every row of the table, with its scope
#
# `scope` says which count a row belongs to; rows of different scope are never summed.

# %%
display(reviews[["scope", "measure", "as_at", "value_as_printed", "primary", "source_id", "definition"]])
