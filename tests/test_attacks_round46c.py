"""Round 46, helper c: dates no source printed (class 5), one reading of names and labels (class 4) and the copy's
`original` (class 5), with inputs earlier rounds did not try: the committed record's undated bound as the national
chart's note gives it; a place or unit typed with its sentence's full stop; a copy's `original` naming another
body's or a later document; an inspection's year typed a century off; a rounding step in other digits on `verify`'s
command line."""

from __future__ import annotations

from pathlib import Path

import matplotlib
import pytest

from analysis.publish import charts, publishers
from tests.raw_copy import refusal

matplotlib.use("Agg")

# --- a day no source printed ---------------------------------------------------------------------------------------


def test_the_historic_chart_s_note_gives_a_bound_no_day_its_source_did_not_print() -> None:
    """The national chart's note on a bound not drawn again said "'More than 1,200' on 4 November 2025": Eastern
    Eye's story, which printed it, has no day printed (as_at_approximate); the day was the Independent's, for its
    exact 1,273."""
    notes = charts.draw("historic-reviews-national")[1].notes
    assert "'More than 1,200' as at November 2025 not shown again" in notes
    assert "on 4 November 2025" not in notes


# --- a place or unit typed with its sentence's full stop ---------------------------------------------------------

ICEBERG = "figures/csacentre-infographics-2019-20-iceberg.csv"


@pytest.mark.parametrize(("old", "new", "message"), [
    ("recorded by the police,England and Wales,2019-04-01", "recorded by the police,England and Wales.,2019-04-01",
     "geography 'England and Wales.' is written 'England and Wales' in 198 other row(s): one place, one spelling"),
    (',"87,992",offences,', ',"87,992",offences.,', "unit 'offences.' is written 'offences' in"),
])
def test_a_label_typed_with_a_full_stop_is_the_place_or_unit_it_names(tmp_path: Path, old: str, new: str,
                                                                       message: str) -> None:
    """The CSA Centre's 87,992 offences with geography "England and Wales." (the cell copied with its sentence's full
    stop) passed validate as another place, and the recorded-vs-estimated chart dropped the CSA Centre's whole row
    (its 87,992 offences and its 500,000 children), exit 0, as "England and wales" did before letter case was read
    one way."""
    assert message in refusal(tmp_path, (ICEBERG, old, new))


@pytest.mark.parametrize("typed", ["HM Inspectorate of Constabulary and Fire \uff06 Rescue Services",
                                   "HM Inspectorate of Constabulary and Fire \ufe60 Rescue Services",
                                   "HM Inspectorate of Constabulary and Fire & Rescue Services."])
def test_a_body_typed_with_a_full_width_ampersand_is_the_body(typed: str) -> None:
    """validate takes a producer with a full-width "＆" (it refuses full-width letters, not this sign); the credit
    named "HM Inspectorate of Constabulary and Fire ＆ Rescue Services" in full, not HMICFRS."""
    assert publishers.face_name(typed) == "HMICFRS"
