# %% [markdown]
# # Fact-check: published claims and their verdicts
#
# **What this shows:** every claim registered for checking (a number printed in a news report, statement or
# report that was derived from other published figures), with the verdict the project's rules give when the
# arithmetic is redone from those figures: *holds*, *does not hold*, or *unverifiable* (a figure the claim needs
# was not published). A verdict allows for the rounding and wording printed with each number.
#
# **Tables read** (only through `analysis.tables.load.load_table`): `claims`, `gaps`, and `figures` for the source
# line.

# %%
from IPython.display import display

from analysis.publish import charts, export
from analysis.tables.load import load_table

PATHS = charts.project_paths()
claims = load_table("claims", PATHS)
gaps = load_table("gaps", PATHS)
figures = load_table("figures", PATHS)

# %%
fig, meta = charts.factcheck_chart(claims, figures)
export.publish(fig, meta)

# %%
display(meta.caption())

# %% [markdown]
# ## Every claim with its verdict and working
#
# The working shows the arithmetic with the actual numbers, so a reader can redo it by hand.

# %%
columns = [c for c in ("claim_id", "claimant", "text", "kind", "verdict", "working") if c in claims.columns]
display(claims[columns])

# %% [markdown]
# ## Why some claims cannot be checked
#
# An unverifiable claim points at the gap record of the figure that could not be found.

# %%
unverifiable = claims[claims["verdict"] == "unverifiable"]
if "gaps" in claims.columns:
    wanted = {g for cell in unverifiable["gaps"].dropna() for g in str(cell).split(";") if g}
    display(gaps[gaps["id"].isin(wanted)][["id", "wanted", "holder", "reason"]])
else:
    display(unverifiable)
