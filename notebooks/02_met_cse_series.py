# %% [markdown]
# # The Met's child sexual exploitation figures by year
#
# **What this shows:** the Metropolitan Police's published counts of referrals of suspected child sexual
# exploitation (CSE), crimes connected with CSE, and children identified as at risk of CSE, year by year, in
# three panels (the measures count different things and are not added or compared as one series).
#
# Every published figure is a marker. A line joins two years only when both have a published figure, so no line
# is drawn across a year for which nothing was published. Hollow markers are figures known only from a news
# report of the Met's figures. A dagger marks figures whose source says recording practices affected them; the
# shaded band marks the later rise put to the Commissioner, for which no counts were published, with his
# explanation in the words the tables record.
#
# **Tables read** (only through `analysis.tables.load.load_table`): `met_cse_series`, and `figures` for the
# Commissioner's explanation and the source line.

# %%
from IPython.display import Markdown, display

from analysis.publish import charts, export
from analysis.tables.load import load_table

PATHS = charts.project_paths()
series = load_table("met_cse_series", PATHS)
figures = load_table("figures", PATHS)

# %%
fig, meta = charts.met_cse_series_chart(series, figures)
export.publish(fig, meta)

# %% [markdown]
# ## What a reader must know

# %%
display(meta.caption())

# %% [markdown]
# ### The later rise and the Commissioner's explanation
#
# The rise was put to the Commissioner as a percentage; the counts behind it were not published (see the gaps
# table). His explanation is quoted from the figure's own record, not retyped here.

# %%
rise = charts.commissioner_explanation(figures)
if rise:
    display(Markdown(f"- Rise as printed: **{rise['value_as_printed']}**, {rise['period']} "
                     f"({rise['publisher']}; figure `{rise['figure_id']}`)\n"
                     f"- Explanation: ‘{rise['words']}’\n"
                     + (f"- {rise['detail']}" if rise["detail"] else "")))
else:
    display(Markdown("No explanation is recorded in the figures table."))

# %% [markdown]
# ### Caveats on recording, as the sources give them

# %%
for sentence in charts.recording_notes(series):
    display(Markdown(f"> {sentence}"))

# %% [markdown]
# ## Every row of the series table
#
# Including the figures not drawn (a point in time, or a pilot in part of London), so nothing is hidden.

# %%
display(series[["measure", "period_label", "value_as_printed", "unit", "primary", "source_id", "also_reported_in"]])

# %% [markdown]
# ## The chart's data as exported for Datawrapper
#
# One row per year on the axis; blank cells were not published.

# %%
display(meta.data)
