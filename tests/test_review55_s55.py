"""A standards editor's read of the scan on the seed story and of the national chart's notes (s55): the scan gives
a document's date as the record knows it, as the fact-check page does, and the national chart gives the reason it
computes no group-based share without contradicting the caveats printed beneath it."""
from __future__ import annotations

from pathlib import Path

from analysis.factcheck.scan import render_markdown, render_text, scan_text
from analysis.paths import DEFAULT
from analysis.tables.load import load_rows

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "tests" / "fixtures" / "seed-article.txt"


def test_the_scan_gives_a_stand_in_date_as_approximate_as_the_fact_check_page_does() -> None:
    """MyLondon's story prints no day; the record dates it 2025-10-01 with `published_approximate`, and the fact-check
    page says "published October 2025 (approximate)". The scan, which README offers fact-checkers for the same story,
    printed "MyLondon (copy on trendingtoday.london), 2025-10-01" and MOPAC's page "2024-06-01": days no source
    printed."""
    result = scan_text(SEED.read_text(encoding="utf-8"), DEFAULT)
    text, md = render_text(result, show_all=False), render_markdown(result, show_all=False)
    stand_ins = {r["published"] for r in load_rows("figures") if r["published_approximate"]
                 and str(r["published"]).endswith("-01")}
    assert {"2025-10-01", "2024-06-01"} <= stand_ins
    for day in stand_ins:
        assert day not in text and day not in md, day
    assert "MyLondon (copy on trendingtoday.london), 2025-10 (approximate) (secondary)" in text
    assert "MyLondon (copy on trendingtoday.london) 2025-10 (approximate)" in md
    assert "(Greater London Authority) 2024-06 (approximate) (primary)" in md
    # A date the document printed is left as it was.
    assert "London Councils 2023-06-07 (primary)" in md
    # The JSON keeps the record's date and says it is a stand-in.
    story = next(m for f in result["figures"] for m in f["matches"]
                 if m["figure_id"] == "mylondon-2025-10-grooming-gangs/vess-funding")
    assert (story["published"], story["published_approximate"]) == ("2025-10-01", True)

