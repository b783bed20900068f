# %% [markdown]
# # The national picture: recorded offences, estimates, inspections, the "56 per cent" and the two "1,200"s
#
# **The question:** what do the published figures say about child sexual abuse and exploitation recorded by
# police in England and Wales, and about its group-based part; how do the recorded offences sit beside the
# estimated number of children abused each year; what did every inspection of the Metropolitan Police's child
# protection work find; what lies behind the "56 per cent" rise in children at risk put to the Met Commissioner;
# and why the national "more than 1,200" historic cases and the Met's own 1,200 are two different counts?
#
# **Where this notebook writes files:** run by `make` (or `python -m analysis notebooks`) it exports its five
# charts into `outputs/charts/national-csae-offences/`, `outputs/charts/recorded-vs-estimated/`,
# `outputs/charts/inspection-timeline/`, `outputs/charts/what-the-56-means/` and `outputs/charts/two-1200s/`, and
# is saved, executed, into `outputs/notebooks/`. Opened by hand it shows the charts and writes nothing (set
# `$CSE_CHARTS_DIR` before starting Jupyter to export by hand). The first output below says which applies.
#
# **Tables read** (through `analysis.tables.load.load_table`): `figures` (the printed figures and source lines),
# `inspection_grades`, `historic_reviews`, and `gaps` for the counts not found and the limitations.

# %%
import pandas as pd
from IPython.display import Markdown, display

import analysis
from analysis.factcheck.report import reader_date
from analysis.factcheck.wording import ACCURATE
from analysis.publish import charts, export
from analysis.publish.charts.inspection_grades import cases_kinds, kinds_by_years, select_inspection_grades
from analysis.publish.charts.national_offences import GROUP_BASED_NOT_GROOMING_GANGS
from analysis.publish.charts.recorded_vs_estimated import ESTIMATED, EVERY_YEAR, RECORDED
from analysis.publish.display import bullets, chart_table, limitations, table, where_files_go
from analysis.publish.publishers import face_name
from analysis.publish.style import date_as_known, month_year
from analysis.record.vocabulary import fmt_share
from analysis.tables.copies import copy_rank
from analysis.tables.load import load_table

PATHS = charts.project_paths()
figures = load_table("figures", PATHS)
gaps = load_table("gaps", PATHS)
grades = load_table("inspection_grades", PATHS)
reviews = load_table("historic_reviews", PATHS)
where_files_go()

# %% [markdown]
# ## The analysis
#
# Five selections, one per chart. Where several documents print the same figure, one is kept by the project's one
# rule (`analysis.tables.copies.copy_rank`), each step breaking the ties of the one before: the publisher's own
# document first, then the most exact printing ("115,489" before "more than 115,000"), then the better outlet, then
# a document before a web page that summarises it, then the earliest publication, then the figure id, so the choice
# never depends on file order. The chart modules use the same rule, and show each figure in the loosest words any
# copy printed it ("around" where a copy says "around").

# %%
def publisher_first(rows: pd.DataFrame) -> pd.DataFrame:
    """Rows ordered so that the first of each figure is the one to keep (see above). The notebook once sorted by
    primary, exact and figure id only, a rule of its own that keeps another copy than the charts' for some of the
    record's figures (GB News's Beaconport count over The Independent's, say) while saying the two agree."""
    return rows.iloc[sorted(range(len(rows)), key=lambda i: copy_rank(rows.iloc[i].to_dict()))]


# %% [markdown]
# ### 1. Recorded offences, and the group-based part
#
# Figures for a whole calendar year in England and Wales: all child sexual abuse and exploitation recorded by
# police, the group-based part, and the group-based share where a source printed it. Each total keeps the unit
# its source printed (crimes, offences, cases).

# %%
OFFENCE_MEASURES = ["csae_offences_recorded", "group_based_csae_offences_recorded", "share_csae_group_based"]
start, end = pd.to_datetime(figures["period_start"]), pd.to_datetime(figures["period_end"])
calendar_year = start.dt.is_year_start & end.dt.is_year_end & (start.dt.year == end.dt.year)
offences = figures[figures["measure"].isin(OFFENCE_MEASURES) & (figures["geography"] == "England and Wales")
                   & calendar_year].assign(year=figures["period_start"].str[:4])
offences = publisher_first(offences).drop_duplicates(["measure", "year"]).sort_values(["measure", "year"])
table(offences, ["measure", "year", "value_as_printed", "qualifier", "unit", "primary", "source_id"])

# %% [markdown]
# One line per year, as the chart shows it (`charts.offence_table`): each total in the loosest words any copy
# printed it (a publisher's plain figure that its copies print "around" is shown "around"), and the group-based
# share only as its source printed it. No share is computed where none was printed, for the chart's reason
# (`national_offences.why_no_share`): the record does not show that a year's total and its group-based count cover
# the same forces, so dividing one by the other could compare unlike areas. (The words "offences" and "cases" are
# not a reason: the chart reads them as one police-recorded count.) No count is derived from a share.

# %%
years = charts.offence_table(figures)
table(years, ["year", "total_printed", "unit", "group", "group_unit", "share_printed"], missing="–")

# %% [markdown]
# Where a share was printed *and* both counts were published, the fact-check rules (`analysis.verify`, the same as
# `python -m analysis verify share`) say whether the printed words hold.

# %%
share_checks = years[years["group"].notna() & years["share_printed"].notna()].copy()
share_checks["share_computed"] = share_checks["group"] / share_checks["total"]
share_checks["verdict"] = [analysis.verify("share", part=int(r.group), whole=int(r.total),
                                           stated=r.share_printed).verdict for r in share_checks.itertuples()]
table(share_checks.assign(share_computed=share_checks["share_computed"].map(fmt_share)),
      ["year", "group", "total_printed", "share_printed", "share_computed", "verdict"])

# %% [markdown]
# ### 2. Recorded offences against the estimated number of children abused
#
# Only documents that print both figures, as their publishers set them side by side (the publishers' own documents
# where there are any), for England and Wales: as the record reads them, which is not always what the document
# states (a figure's caveat says where its place is assumed; see Limitations). Offences and children are different
# units, and the estimate is not a count: the two are shown together and never subtracted.

# %%
paired = charts.pairs(figures)  # the chart's own selection and period labels
table(paired, ["published", "publisher", "measure", "period", "value_as_printed", "unit"])

# %% [markdown]
# ### 3. Inspections of the Met
#
# For each inspection or follow-up: the share of the cases examined that were graded *requires improvement* or
# *inadequate*, computed from the published counts. Where the two grades were published separately their counts
# are added (the printed combined row is then set aside); where only the combined figure was published it is
# used. A dash: this record holds no count for that inspection. Then the 2024 inspection's causes of concern and
# recommendations, at the date each count was first stated (`charts.milestone_rows`: a count restated later, such as
# the 11 recommendations in the revisit's summary, is not a new event).

# %%
COMBINED = "requires improvement or inadequate"
NOT_GOOD = ["requires improvement", "inadequate"]
graded = grades[~(grades["split_published"] & (grades["grade"] == COMBINED))]
not_good = []
for _, rows in graded.groupby("inspection_id", sort=False):
    combined, parts = rows[rows["grade"] == COMBINED], rows[rows["grade"].isin(NOT_GOOD)]
    shown = combined if len(combined) else parts
    if len(shown) == 0 or (len(combined) == 0 and len(parts) < len(NOT_GOOD)):
        continue
    counted = shown["count"].notna().all()
    not_good.append({"published": rows["published"].iloc[0], "label": rows["label"].iloc[0],
                     "cases_examined": rows["cases_examined"].iloc[0],
                     "not_good": shown["count"].sum() if counted else None,
                     "share_not_good": (shown["count"].sum() / shown["cases_examined"].iloc[0]
                                        if counted else None)})
not_good = pd.DataFrame(not_good).sort_values("published", kind="stable").reset_index(drop=True)
table(not_good.assign(share_not_good=not_good["share_not_good"].map(lambda v: "–" if v != v else fmt_share(v))),
      names={"not_good": "requires improvement or inadequate", "share_not_good": "share of cases examined"},
      missing="–")

# %%
stated = charts.milestone_rows(figures)
table(stated, ["date", "measure", "kind", "value_as_printed", "publisher", "source_id"])

# %% [markdown]
# ### 4. What the "56 per cent" means
#
# Every rise in children at risk of sexual exploitation in London in the record; the latest is the one put to the
# Commissioner (the story does not say who put it). Then the gap records for the counts behind it (looked for and
# not found), and the Commissioner's explanation, read from the figure's own quote, caveat or location by
# `charts.commissioner_explanation`.

# %%
rises = figures[(figures["measure"] == charts.RISE_MEASURE) & (figures["geography"] == "London")]
table(rises.sort_values("period_end"), ["period_start", "period_end", "value_as_printed", "primary", "publisher",
                                        "source_id"])

# %%
rise = publisher_first(rises[rises["period_end"] == rises["period_end"].max()]).iloc[0]
behind_rise = charts.missing_counts(gaps, rise["value_as_printed"])
table(behind_rise, ["id", "wanted", "holder"])

# %%
explanation = charts.commissioner_explanation(figures)
table(pd.DataFrame([explanation]), ["value_as_printed", "period", "publisher", "words"])

# %% [markdown]
# ### 5. The two "1,200"s
#
# Every printed figure of the national count of historic cases identified for review (England and Wales) and of
# the Met's own count of its historic cases still in scope (London), then the latest of each. They are different
# counts under different definitions: set side by side, never added.

# %%
TWO_COUNTS = ["historic_cases_identified_for_review", "met_historic_cases_in_scope"]
counts = reviews[reviews["measure"].isin(TWO_COUNTS)].sort_values(["measure", "as_at"], kind="stable")
table(counts, ["scope", "measure", "as_at", "value_as_printed", "qualifier", "primary", "source_id", "definition"])

# %%
latest_counts = counts.sort_values(["as_at", "primary", "figure_id"], ascending=[True, True, False],
                                   kind="stable").groupby("measure").tail(1)
table(latest_counts, ["scope", "as_at", "as_at_approximate", "value_as_printed", "qualifier", "definition"])

# %% [markdown]
# ## The charts
#
# Each chart is drawn by its own module; open it to change what is drawn or how. They take the whole tables and
# make the selections above.
#
# 1. `analysis/publish/charts/national_offences.py` (`national_offences_chart`)
# 2. `analysis/publish/charts/recorded_vs_estimated.py` (`recorded_vs_estimated_chart`)
# 3. `analysis/publish/charts/inspection_timeline.py` (`inspection_timeline_chart`)
# 4. `analysis/publish/charts/rise_56.py` (`rise_56_chart`)
# 5. `analysis/publish/charts/two_counts.py` (`two_counts_chart`)
#
# ### 1. Recorded offences, and the group-based part

# %%
fig, meta = charts.national_offences_chart(figures)
export.publish(fig, meta)

# %%
display(meta.caption())
chart_table(meta)

# %% [markdown]
# ### 2. Recorded offences against the estimated number of children abused

# %%
fig, meta = charts.recorded_vs_estimated_chart(figures)
export.publish(fig, meta)

# %%
display(meta.caption())
chart_table(meta)

# %% [markdown]
# ### 3. The 2024 inspection of the Met (fieldwork 2023) and what followed

# %%
fig, meta = charts.inspection_timeline_chart(grades, figures)
export.publish(fig, meta)

# %%
display(meta.caption())
chart_table(meta)

# %% [markdown]
# ### 4. What the "56 per cent" means

# %%
fig, meta = charts.rise_56_chart(figures, gaps)
export.publish(fig, meta)

# %%
display(meta.caption())
chart_table(meta)

# %% [markdown]
# ### 5. The two "1,200"s

# %%
fig, meta = charts.two_counts_chart(reviews, figures)
export.publish(fig, meta)

# %%
display(meta.caption())
chart_table(meta)

# %% [markdown]
# ## What we found
#
# Every statement below is computed from the tables when the notebook runs.

# %%
found = []
for r in years.itertuples():
    if pd.notna(r.group):
        share = (f"{r.share_printed}, as printed" if isinstance(r.share_printed, str)
                 else "no share was printed, and none is computed")  # as the chart: see `offence_table`
        part = f"; {r.group:,.0f} {r.group_unit} were group-based ({share})"
    elif isinstance(r.share_printed, str):
        part = f"; a group-based share of {r.share_printed} was printed, with no count"
    else:
        part = ""
    found.append(f"{r.year}: police in England and Wales recorded {r.total_printed} child sexual abuse and "
                 f"exploitation {r.unit}{part}.")
for r in share_checks[share_checks["verdict"] != ACCURATE].itertuples():
    found.append(f"{r.year}: the printed group-based share \"{r.share_printed}\" does not match the counts "
                 f"({fmt_share(r.share_computed)}, {r.verdict}).")
for _, rows in paired.groupby("source_id", sort=False):
    recorded_row = rows[rows["measure"] == RECORDED].iloc[0]
    estimate_row = rows[rows["measure"] == ESTIMATED].iloc[0]
    estimate = estimate_row["value_as_printed"]
    estimate = estimate if "estimat" in estimate else f"an estimated {estimate}"
    when = (f"{EVERY_YEAR}, as printed (no year given)" if estimate_row["period"] == EVERY_YEAR
            else f"in a year ({estimate_row['period']})")
    published = reader_date(recorded_row["published"], recorded_row["published_approximate"])
    found.append(f"{recorded_row['publisher']}, in a document published {published}, set "
                 f"{recorded_row['value_as_printed']} {recorded_row['unit']} recorded by police "
                 f"({recorded_row['period']}) beside {estimate} {estimate_row['unit']} abused {when}: different "
                 "units, and an estimate is not a count, so the gap between them is not a number of unrecorded "
                 "offences.")
counted = not_good.dropna(subset=["share_not_good"])
first, last = counted.iloc[0], counted.iloc[-1]
# Each inspection by its month, as the grades chart labels it (the record does not print every one's day).
found.append(f"Across {len(counted)} inspections and follow-ups of the Met with published counts, the share of "
             "cases examined graded requires improvement or inadequate was "
             f"{fmt_share(first['share_not_good'])} in the "
             f"{first['label']} ({first['not_good']:.0f} of {first['cases_examined']:.0f}, "
             f"{month_year(first['published'])}) and {fmt_share(last['share_not_good'])} in the {last['label']} "
             f"({last['not_good']:.0f} of {last['cases_examined']:.0f}, {month_year(last['published'])}); it ranged "
             "from "
             f"{fmt_share(counted['share_not_good'].min())} to {fmt_share(counted['share_not_good'].max())}.")
# The samples were not all of one kind (the grades chart's subtitle): a range across them is not a trend.
sampled = select_inspection_grades(grades)
kinds = cases_kinds(sampled, figures)
if len(set(kinds.values())) > 1:
    found[-1] += f" The samples were not of one kind ({kinds_by_years(sampled, kinds)}), so the range is not a trend."
found.append("The latest inspection of the Met's response to child exploitation, as stated when: "
             + " ".join(f"{month_year(when)}, {heading.lower()}: {text}" for when, heading, text in
                        charts.milestones(stated)))
# The outlet by the name the chart credits (`face_name`): "a report by MyLondon (copy on trendingtoday.london)" named
# the site the copy was read on where the chart's source line says "MyLondon".
source_kind = "the Met's own document" if rise["primary"] else f"a report by {face_name(rise['publisher'])}"
# The period in months, as the chart gives it: the record's first and last days are stand-ins (its caveat says so).
found.append(f"The \"{rise['value_as_printed']}\" rise in children the Met identified as at risk of sexual "
             f"exploitation ({month_year(rise['period_start'])} to {month_year(rise['period_end'])}) comes from "
             f"{source_kind}; the counts "
             f"behind it were looked for and not found ({len(behind_rise)} gap records). The Commissioner's "
             f"explanation, as reported: ‘{explanation['words']}’.")
SCOPES = {"national": "National count (England and Wales)", "Met": "The Met's own count (London)"}
for r in latest_counts.itertuples():
    when = date_as_known(r.as_at, bool(r.as_at_approximate))
    found.append(f"{SCOPES.get(r.scope, r.scope)}, as at {when}: \"{r.value_as_printed}\": {r.definition}.")
found.append(f"The two latest counts print alike ({' and '.join(latest_counts['value_as_printed'])}) but count "
             "different things under different definitions: they are not added or compared as one figure.")
bullets(found)

# %% [markdown]
# ## Limitations
#
# From the caveats recorded with the rows used (the sources' own warnings, and notes on how each figure was
# read), and the figures looked for and not found (`gaps`).

# %%
used = pd.concat([offences, paired, stated, rises, counts])
copies = (~used["primary"]).sum()
bullets([f"{copies} of {len(used)} figures used come from a report (news, or a copy of a statement), not the "
         "publisher's own document.",
         f"Recorded offences count what police recorded, not how much abuse happened; the yearly totals are printed "
         f"in {years['unit'].nunique()} different units ({', '.join(years['unit'].unique())}), so each year is "
         "shown as printed.",
         GROUP_BASED_NOT_GROOMING_GANGS])

# %% [markdown]
# By chart: the caveats recorded with the figures it draws, then the gaps that concern it (each gap listed once).

# %%
TOPICS = {  # heading: (caveats of the rows used, words naming the gaps that concern it)
    "1. Recorded offences": (offences["caveat"], ["vkpp", "hydrant", "csae-group-based-share", "hansard-primary"]),
    "2. Recorded against estimated": (paired["caveat"], ["csacentre"]),
    "3. Inspections of the Met": (pd.concat([grades["caveat"], stated["caveat"]]), ["hmic"]),
    "4. The rise in children at risk": (rises.loc[rises["figure_id"] == rise["figure_id"], "caveat"],
                                        [rise["value_as_printed"]]),
    "5. The two counts of historic cases": (counts["caveat"], ["beaconport", "met-historic-review",
                                                               *latest_counts.loc[latest_counts["scope"] == "national",
                                                                                  "value_as_printed"]]),
}
listed: set[str] = set()
for heading, (caveats, words) in TOPICS.items():
    lines = [line for line in limitations(caveats, gaps, words) if line not in listed]
    listed.update(lines)
    display(Markdown(f"**{heading}**"), bullets(lines))
