"""Round 46, helper c: dates no source printed (class 5), one reading of names and labels (class 4) and the copy's
`original` (class 5), with inputs earlier rounds did not try: the committed record's undated bound as the national
chart's note gives it; a place or unit typed with its sentence's full stop; a copy's `original` naming another
body's or a later document; an inspection's year typed a century off; a rounding step in other digits on `verify`'s
command line."""

from __future__ import annotations

import matplotlib

from analysis.publish import charts

matplotlib.use("Agg")

# --- a day no source printed ---------------------------------------------------------------------------------------


def test_the_historic_chart_s_note_gives_a_bound_no_day_its_source_did_not_print() -> None:
    """The national chart's note on a bound not drawn again said "'More than 1,200' on 4 November 2025": Eastern
    Eye's story, which printed it, has no day printed (as_at_approximate); the day was the Independent's, for its
    exact 1,273."""
    notes = charts.draw("historic-reviews-national")[1].notes
    assert "'More than 1,200' as at November 2025 not shown again" in notes
    assert "on 4 November 2025" not in notes
