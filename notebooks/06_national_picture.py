# %% [markdown]
# # The national picture: recorded offences, estimates, inspections, the "56 per cent" and the two "1,200"s
#
# **What this shows:** five charts reporters on this story asked for, each drawn only from figures already in the
# record (every number traced to the words it was printed in).
#
# 1. Child sexual abuse and exploitation offences recorded by police in England and Wales, by year, with the
#    group-based part shown inside each year's total.
# 2. Recorded offences against the estimated number of children abused each year, as the publishers themselves
#    set them side by side: different units, so the gap is annotated, never subtracted.
# 3. Every inspection of the Met's child protection work, 2016–2025, on one date axis: grades, causes of concern
#    and recommendations, each on its own panel.
# 4. What the Met's "56 per cent" rise means: what was printed, what was said, and which counts were never
#    published (from the gaps record).
# 5. The two "1,200"s side by side with their definitions: the national count and the Met's own, never added.
#
# **Tables read** (only through `analysis.tables.load.load_table`): `figures`, `gaps`, `inspection_grades` and
# `historic_reviews`.

# %%
from IPython.display import display

from analysis.publish import charts, export
from analysis.tables.load import load_table

PATHS = charts.project_paths()
figures = load_table("figures", PATHS)
gaps = load_table("gaps", PATHS)
grades = load_table("inspection_grades", PATHS)
reviews = load_table("historic_reviews", PATHS)

# %% [markdown]
# ## 1. Recorded offences, and the group-based part

# %%
fig, meta = charts.national_offences_chart(figures)
export.publish(fig, meta)

# %%
display(meta.caption())
display(meta.data)

# %% [markdown]
# ## 2. Recorded offences against the estimated number of children abused

# %%
fig, meta = charts.recorded_vs_estimated_chart(figures)
export.publish(fig, meta)

# %%
display(meta.caption())
display(meta.data)

# %% [markdown]
# ## 3. Inspections of the Met, 2016–2025

# %%
fig, meta = charts.inspection_timeline_chart(grades, figures)
export.publish(fig, meta)

# %%
display(meta.caption())
display(meta.data)

# %% [markdown]
# ## 4. What the "56 per cent" means

# %%
fig, meta = charts.rise_56_chart(figures, gaps)
export.publish(fig, meta)

# %%
display(meta.caption())
display(meta.data)

# %% [markdown]
# ## 5. The two "1,200"s

# %%
fig, meta = charts.two_counts_chart(reviews, figures)
export.publish(fig, meta)

# %%
display(meta.caption())
display(meta.data)
