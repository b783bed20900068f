# %% [markdown]
# # The Met's child-protection inspections
#
# **The question:** when HMIC and HMICFRS inspected the Metropolitan Police's child-protection work, what share
# of the cases they examined did they grade *good*, *requires improvement* or *inadequate*, and how did that
# change from one inspection or follow-up to the next? The samples were not all of one kind: the latest inspection,
# of the Met's handling of child exploitation, examined child exploitation cases (the chart's subtitle and labels
# say which inspection examined which), so a change between them is not a trend in one kind of case.
#
# **Where this notebook writes files:** run by `make` (or `python -m analysis notebooks`) it exports its chart
# into `outputs/charts/inspection-grades/` and is saved, executed, into `outputs/notebooks/`. Opened by hand it
# shows the chart and writes nothing, so trying a change never overwrites a published chart (set
# `$CSE_CHARTS_DIR` before starting Jupyter to export by hand). The first output below says which applies.
#
# **Tables read** (through `analysis.tables.load.load_table`): `inspection_grades`, `gaps` for the limitations,
# `figures` for the source line and who printed each share, and `claims` for the fact-check's verdict on each.

# %%
import pandas as pd
from IPython.display import display

from analysis.factcheck.wording import ACCURATE
from analysis.publish import charts, export
from analysis.publish.display import bullets, chart_table, limitations, table, where_files_go
from analysis.publish.publishers import face_name
from analysis.publish.style import month_year
from analysis.publish.verdicts import verdicts
from analysis.record.vocabulary import fmt_percent, fmt_share
from analysis.tables.load import load_table

PATHS = charts.project_paths()
grades = load_table("inspection_grades", PATHS)
figures = load_table("figures", PATHS)
claims = load_table("claims", PATHS)
gaps = load_table("gaps", PATHS)
where_files_go()

# %% [markdown]
# ## The analysis
#
# One row per inspection and grade. Where the grades were published separately, the combined "requires
# improvement or inadequate" row is the sum of two rows already shown, so it is set aside; where only the
# combined figure was published it is kept as published. No split is ever estimated. The share is computed from
# the published counts where there are counts, otherwise it is the share as printed.

# %%
COMBINED = "requires improvement or inadequate"
ORDER = ["good", "requires improvement", "inadequate", COMBINED]
selected = grades[~(grades["split_published"] & (grades["grade"] == COMBINED))].copy()
selected["share"] = selected["share_computed"].fillna(selected["share_published"])
table(selected, ["label", "published", "grade", "cases_examined", "count", "share_as_printed", "share"],
      {"share": "share (%)"})

# %% [markdown]
# The same rows, one line per inspection. A dash: that grade is not in the selection for that inspection (not
# printed on its own in the sources read, or the combined share set aside because its two parts are shown).

# %%
wide = (selected.pivot_table(index=["published", "label", "cases_examined"], columns="grade", values="share",
                             sort=False)
        .reindex(columns=[g for g in ORDER if g in set(selected["grade"])]).reset_index())
table(wide, missing="–")

# %% [markdown]
# ### Do the printed shares hold for the counts?
#
# Where a share was printed *and* the counts behind it were published: who printed it, and the fact-check's verdict
# on the claim that states it (the rules of `python -m analysis verify share`), one judgement of each sentence. A
# combined share printed beside its two grades has no count of its own; its count is theirs added, as the
# fact-check reads it.

# %%
printed = grades[grades["share_as_printed"] != ""].copy()
# The two lower grades' counts and shares, added, where both were published (`min_count`: never one alone).
lower = grades[grades["grade"].isin(["requires improvement", "inadequate"])].groupby("inspection_id")
summed = printed["count"].isna() & (printed["grade"] == COMBINED) & printed["split_published"]
for column in ("count", "share_computed"):
    printed.loc[summed, column] = printed.loc[summed, "inspection_id"].map(lower[column].sum(min_count=2))
printed = printed[printed["count"].notna()]
by_id = figures.set_index("figure_id")
printed["figure_id"] = [next(f for f in ids.split(";") if by_id.loc[f, "measure"].startswith("share"))
                        for ids in printed["figure_ids"]]
printed["printed_by"] = printed["figure_id"].map(by_id["publisher"]).map(face_name)
printed[["verdict", "working"]] = verdicts(claims, printed["figure_id"])
table(printed, ["label", "grade", "count", "cases_examined", "share_computed", "share_as_printed", "printed_by",
                "verdict"])

# %% [markdown]
# ## The chart
#
# Drawn by `analysis/publish/charts/inspection_grades.py` (`inspection_grades_chart`): open that module to change
# what is drawn or how. It takes the whole tables and makes the selection above.

# %%
fig, meta = charts.inspection_grades_chart(grades, figures)
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
for (label, published, cases), rows in selected.groupby(["label", "published", "cases_examined"], sort=False):
    shares = zip(rows["grade"], rows["share"], strict=True)
    parts = ", ".join(f"{grade} {fmt_percent(share)}" for grade, share in shares)
    # By its month, as the chart labels it: no source in the record prints the day of some (one update's date is
    # another report's; one review's is the story's), and the day adds nothing the chart says.
    found.append(f"{label} ({month_year(published)}, {cases:.0f} cases examined): {parts}.")
latest = selected[selected["published"] == selected["published"].max()]
if latest["split_published"].all() and latest["count"].notna().all():
    not_good = latest.loc[latest["grade"] != "good", "count"].sum() / latest["cases_examined"].iloc[0]
    found.append(f"In the latest ({latest['label'].iloc[0]}), {fmt_share(not_good)} of the cases examined were "
                 "graded requires improvement or inadequate.")
for _, r in printed[printed["verdict"] != ACCURATE].iterrows():
    found.append(f"{r['label']}: \"{r['share_as_printed']}\" was printed for {r['grade']} by {r['printed_by']}, "
                 "but the counts give "
                 f"{r['count']:.0f} of {r['cases_examined']:.0f} = {fmt_percent(r['share_computed'])} "
                 f"({r['verdict']}).")
bullets(found)

# %% [markdown]
# ## Limitations
#
# From the caveats recorded with the rows used (the sources' own warnings, and notes on how each figure was
# read), and the figures looked for and not found (`gaps`).

# %%
copies = (~selected["all_primary"]).sum()
notes = [f"{copies} of {len(selected)} rows rest on at least one figure known only from a report of the "
         "inspectorate's findings (news or a secondary copy), not the inspectorate's own document."]
# The caveats of every row shown: the selection, and the printed shares checked above (a combined share set aside
# from the selection carries its own, such as another copy's wording of it).
bullets(notes + limitations(pd.concat([selected["caveat"], printed["caveat"]]), gaps, ["hmic"]))
