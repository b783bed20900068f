# %% [markdown]
# # Fact-check: published claims and their verdicts
#
# **The question:** when a news report, statement or report prints a number derived from other published figures
# (a rise, a share, a total), does it hold when the arithmetic is redone from those figures, at the precision and
# in the words printed? The verdicts are *accurate*, *accurate within rounding* (the last digit cut or rounded the
# other way, or the claim rests on a figure printed rounded, approximate or as a bound and holds for only some of the
# values it could stand for), *inaccurate*, and two that say nothing about the claim: *cannot be checked: not
# found* (a figure it needs was not found in any publication we looked at) and *not yet in this record* (the
# producer publishes it, and it has not been transcribed yet); *cannot be checked* alone means the arithmetic is
# undefined (a rise from 0) or the stated value cannot be read. One claim per sentence, and one claim per statement,
# however many outlets repeat it; the same figures stated at another precision are another claim, judged on its own
# (the outlets that repeat a statement are named in its note; the Met's release puts one rise at "49 per cent" in its
# body and "nearly 50 per cent" in its lead, two claims).
#
# **Where this notebook writes files:** run by `make` (or `python -m analysis notebooks`) it exports its chart
# into `outputs/charts/factcheck-verdicts/` and is saved, executed, into `outputs/notebooks/`. Opened by hand it
# shows the chart and writes nothing (set `$CSE_CHARTS_DIR` before starting Jupyter to export by hand). The first
# output below says which applies. The full report is `python -m analysis check` (`outputs/factcheck.html`).
#
# **Tables read** (through `analysis.tables.load.load_table`): `claims`, `gaps`, and `figures` for the source
# line.

# %%
import pandas as pd
from IPython.display import display

from analysis.factcheck.report import VERDICT_ORDER, figure_label, for_readers
from analysis.factcheck.wording import (
    INACCURATE,
    NOT_FOUND,
    NOT_FOUND_WHERE,
    NOT_IN_RECORD,
    UNCHECKED,
    WITHIN_ROUNDING,
    rounding_reason,
    rounding_split,
)
from analysis.publish import charts, export
from analysis.publish.display import bullets, chart_table, limitations, table, where_files_go
from analysis.tables.load import load_table

PATHS = charts.project_paths()
claims = load_table("claims", PATHS)
gaps = load_table("gaps", PATHS)
figures = load_table("figures", PATHS)
where_files_go()

# %% [markdown]
# ## The analysis
#
# Claims by kind of arithmetic and verdict:

# %%
by_kind = pd.crosstab(claims["kind"], claims["verdict"], margins=True, margins_name="all")
table(by_kind.reset_index())

# %% [markdown]
# Every inaccurate claim, with the working (the arithmetic with the actual numbers, so it can be redone by
# hand, or with `python -m analysis verify`):

# %%
table(claims[claims["verdict"] == INACCURATE], ["claim_id", "claimant", "text", "stated", "working"])

# %% [markdown]
# The claims accurate within rounding, and why each is: a claim that rests on a figure printed rounded is not a slip
# by the speaker in the way a last digit cut is.

# %%
within = claims[claims["verdict"] == WITHIN_ROUNDING]
print(rounding_split(list(within["working"])))
table(within.assign(why=[rounding_reason(w)[1] for w in within["working"]]), ["claim_id", "claimant", "stated", "why"])

# %% [markdown]
# Claims that cannot be checked, and the figure each one needs (the gap record says what is missing and who holds
# it):

# %%
unchecked = claims[claims["verdict"].isin(UNCHECKED)]
needed = unchecked.assign(gap=unchecked["gaps"].str.split(";")).explode("gap")
needed = needed.merge(gaps, left_on="gap", right_on="id", how="left")
table(needed, ["claim_id", "stated", "gap", "wanted", "holder"])

# %% [markdown]
# Every claim, with its verdict and working:

# %%
table(claims, ["claim_id", "claimant", "text", "kind", "verdict", "working"])

# %% [markdown]
# ## The chart
#
# Drawn by `analysis/publish/charts/factcheck_verdicts.py` (`factcheck_chart`): open that module to change what is
# drawn or how.

# %%
fig, meta = charts.factcheck_chart(claims, figures)
export.publish(fig, meta)

# %%
display(meta.caption())
chart_table(meta)

# %% [markdown]
# ## What we found
#
# Every statement below is computed from the table when the notebook runs.

# %%
counts = claims["verdict"].value_counts()
found = [f"{len(claims)} claims from {claims['source_id'].nunique()} sources are registered: "
         + ", ".join(f"{counts[verdict]} {verdict}" for verdict in VERDICT_ORDER if verdict in counts) + "."]
for row in claims[claims["verdict"] == INACCURATE].itertuples():
    found.append(f"Inaccurate: {row.claimant}, \"{row.text}\" ({row.working}).")
in_record = int((unchecked["verdict"] == NOT_IN_RECORD).sum())
not_found = int((unchecked["verdict"] == NOT_FOUND).sum())
undefined = len(unchecked) - in_record - not_found
# Gap records, not figures: one record can name several missing figures (the audit's three London counts are one),
# and "they need N figures" counted records. Each verdict is counted by itself, so a claim whose arithmetic cannot
# be done is never called "not found".
found.append(f"{len(unchecked)} claims cannot be checked here: together they point at {needed['gap'].nunique()} "
             "gap records, each naming what is missing and who holds it. "
             f"For {in_record} of them the producer publishes what they need, not yet in this record; for {not_found} "
             f"it was {NOT_FOUND_WHERE} (listed under Limitations)"
             + (f"; for {undefined} the arithmetic cannot be done as stated" if undefined else "") + ".")
bullets(found)

# %% [markdown]
# ## Limitations
#
# - Only registered claims are checked (the claims register, `data/raw/claims.yaml`); a claim not registered is
#   not judged.
# - A verdict allows for the rounding and wording printed with each number (`docs/factcheck.md`); *accurate* means
#   the arithmetic from the published inputs supports the words, not that the inputs themselves are right.
#
# Below, from the claims' own notes (each under the claim it is about, a figure the note names shown as the
# fact-check page shows it), and the gaps the unchecked claims point at:

# %%
missing = gaps[gaps["id"].isin(set(needed["gap"].dropna()))]
labels = {row["figure_id"]: figure_label(row) for row in figures.to_dict("records")}
said = {row["claim_id"]: row["text"] for row in claims.to_dict("records")}


def about(claim_id: str) -> str:
    return f"“{said[claim_id]}”"  # whole: the notebooks never cut text


def readable(note: str) -> str:
    for claim_id in said:  # a claim the note points at, by its words
        note = note.replace(f" in {claim_id}", f" in the claim {about(claim_id)}")
    return for_readers(note, labels)


noted = claims[claims["note"].fillna("").str.strip() != ""]
lines = [line for row in noted.to_dict("records")
         for line in limitations([readable(row["note"])], missing.iloc[:0], label=f"On {about(row['claim_id'])}")]
bullets(lines + limitations([], missing))
