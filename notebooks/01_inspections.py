# %% [markdown]
# # The Met's child-protection inspections
#
# **What this shows:** at each inspection of the Metropolitan Police's child-protection work, and at each
# published follow-up, the share of cases the inspectorate examined that it graded *good*, *requires improvement*
# or *inadequate*, with the number of cases examined beside each inspection.
#
# Where only a combined "requires improvement or inadequate" figure was published (`split_published` false), the
# chart shows exactly that combined share. No split is estimated.
#
# **Tables read** (only through `analysis.tables.load.load_table`): `inspection_grades`, and `figures` for the
# source line.

# %%
from IPython.display import display

from analysis.publish import charts, export
from analysis.tables.load import load_table

PATHS = charts.project_paths()
grades = load_table("inspection_grades", PATHS)
figures = load_table("figures", PATHS)

# %%
fig, meta = charts.inspection_grades_chart(grades, figures)
export.publish(fig, meta)

# %% [markdown]
# ## What a reader must know
#
# The notes and source line below are generated from the tables, the same text that is printed under the chart.

# %%
display(meta.caption())

# %% [markdown]
# Which inspections published only the combined figure, and how many cases each inspection examined:

# %%
shown = charts.select_inspection_grades(grades)
summary = (shown.groupby(["label", "published"], sort=False)
           .agg(cases_examined=("cases_examined_as_printed", "first"),
                grades_published_separately=("split_shown", "first"))
           .reset_index())
display(summary)

# %% [markdown]
# ## The rows behind the chart
#
# `share` is the count divided by cases examined where a count was published, otherwise the share as printed.
# `share_as_printed` keeps the source's own wording, so a rounded description ("three quarters") stays visible.

# %%
display(shown[["label", "grade", "cases_examined", "count", "share_as_printed", "share_computed", "share",
       "all_primary", "figure_ids"]])

# %% [markdown]
# ## The chart's data as exported for Datawrapper
#
# Blank cells were not published.

# %%
display(meta.data)
