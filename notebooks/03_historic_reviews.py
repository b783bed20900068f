# %% [markdown]
# # Historic case reviews: the national group-based count and the Met's own review
#
# **The question:** how many historic group-based child sexual exploitation cases have been identified for review
# across England and Wales, how has that count been reported over time, and what has the Metropolitan Police's
# own review of its historic cases found? The two are different counts with different definitions: they are kept
# apart here and never added.
#
# **Where this notebook writes files:** run by `make` (or `python -m analysis notebooks`) it exports its two
# charts into `outputs/charts/historic-reviews-national/` and `outputs/charts/met-review-funnel/` and is saved,
# executed, into `outputs/notebooks/`. Opened by hand it shows the charts and writes nothing (set
# `$CSE_CHARTS_DIR` before starting Jupyter to export by hand). The first output below says which applies.
#
# **Tables read** (through `analysis.tables.load.load_table`): `historic_reviews`, `gaps` for the limitations,
# and `figures` for the source lines (the table's `as_at_approximate` says which dates no source printed).

# %%
import pandas as pd
from IPython.display import display

from analysis.publish import charts, export
from analysis.publish.computed_percent import computed_share
from analysis.publish.display import bullets, chart_table, limitations, table, where_files_go
from analysis.publish.style import date_as_known
from analysis.tables.load import load_table

PATHS = charts.project_paths()
reviews = load_table("historic_reviews", PATHS)
figures = load_table("figures", PATHS)
gaps = load_table("gaps", PATHS)
where_files_go()

# %% [markdown]
# ## The analysis
#
# `scope` says which count a row belongs to: `national` (England and Wales) or `Met` (London). Rows of different
# scope or measure are never summed or joined.

# %%
national = reviews[reviews["scope"] == "national"].sort_values(["measure", "as_at"])
met = reviews[reviews["scope"] == "Met"].sort_values(["measure", "as_at"])
table(national, ["measure", "as_at", "value_as_printed", "qualifier", "primary", "source_id", "definition"])

# %%
table(met, ["measure", "as_at", "value_as_printed", "qualifier", "primary", "source_id", "definition"])

# %% [markdown]
# The Met's review, stage by stage: the rows the funnel chart draws (`met_funnel_rows`: the latest date every stage
# was printed, each in the loosest words any copy used, so the Met's own "approximately 9,000" is not read as an
# exact 9,000 because one outlet dropped the word), and the share of the previous stage each represents where both
# were printed on the same date. A share of an approximate figure is given across what that figure could stand for,
# and shown no more precisely than that range allows (`analysis.publish.computed_percent`).

# %%
stages = charts.met_funnel_rows(reviews)
records = stages.to_dict("records")
shares = [computed_share(row["value_as_printed"], before["value_as_printed"]) if row["as_at"] == before["as_at"]
          else None for before, row in zip(records, records[1:], strict=False)]
stages["share_of_previous_stage"] = ["", *[c.shown if c else "" for c in shares]]
stages["across_rounding"] = ["", *[c.span if c else "" for c in shares]]
table(stages, ["measure", "as_at", "as_at_approximate", "value_as_printed", "qualifier", "share_of_previous_stage",
               "across_rounding", "source_id"])

# %% [markdown]
# ## The charts
#
# The national count is drawn by `analysis/publish/charts/historic_national.py` (`historic_national_chart`), the
# Met's review by `analysis/publish/charts/met_review_funnel.py` (`met_review_funnel_chart`): open those modules to
# change what is drawn or how.

# %%
fig, meta = charts.historic_national_chart(reviews, figures)
export.publish(fig, meta)

# %%
display(meta.caption())
chart_table(meta)

# %%
fig, meta = charts.met_review_funnel_chart(reviews, figures)
export.publish(fig, meta)

# %%
display(meta.caption())
chart_table(meta)

# %% [markdown]
# ## What we found
#
# Every statement below is computed from the table when the notebook runs.

# %%
def printed_at(rows: pd.DataFrame, as_at: str) -> str:
    """Every wording printed for one date, most-printed first: copies of one count can differ (an exact count in
    three reports, a bound in a fourth), and none of them came first. The date is given by its month when no copy
    printed its day (`as_at_approximate`), as on the charts."""
    on_day = rows[rows["as_at"] == as_at]
    printed = on_day["value_as_printed"].value_counts(sort=True)
    when = date_as_known(as_at, bool(on_day["as_at_approximate"].all()))
    return " and ".join(f'"{text}"' for text in printed.index) + f" (as at {when})"


found = []
for measure, rows in national.groupby("measure", sort=False):
    documents = rows["source_id"].nunique()
    first, last = rows["as_at"].min(), rows["as_at"].max()
    when = printed_at(rows, first) if first == last else \
        f"first printed {printed_at(rows, first)}, latest {printed_at(rows, last)}"
    found.append(f"National, {charts.NATIONAL_REVIEW_LABELS[measure]}: {when}, in {documents} "
                 f"{'source' if documents == 1 else 'sources'}.")
funnel = dict(charts.MET_FUNNEL)
for row in stages.itertuples():
    share = f", {row.share_of_previous_stage} of the previous stage" if row.share_of_previous_stage else ""
    when = date_as_known(row.as_at, bool(row.as_at_approximate))
    found.append(f"Met review, {funnel[row.measure]}: \"{row.value_as_printed}\" (as at {when}{share}).")
both = sorted(set(national["value"].dropna()) & set(met["value"].dropna()))
for value in both:
    labels = {**charts.NATIONAL_REVIEW_LABELS, **funnel}
    names = sorted({labels[m] for m in reviews.loc[reviews["value"] == value, "measure"]})
    found.append(f"The number {value:,.0f} appears in both scopes ({'; '.join(names)}): these are different "
                 "counts, not one figure reported twice.")
bullets(found)

# %% [markdown]
# ## Limitations
#
# From the caveats recorded with the rows (the sources' own warnings, and notes on how each figure was read),
# and the figures looked for and not found (`gaps`).

# %%
copies = (~reviews["primary"]).sum()
notes = [f"{copies} of {len(reviews)} rows come from a report (news, or a copy of a statement), not the "
         "publisher's own document."]
bullets(notes + limitations(reviews["caveat"], gaps, ["historic", "beaconport", "hansard"]))
