"""outputs/index.html from whatever the chart folders hold: only links that exist, sidecar text escaped, missing
sidecar keys tolerated, the mobile PNG linked when issue-12-style exports provide it."""

from __future__ import annotations

import json
import struct
import zlib
from pathlib import Path

from analysis.paths import Paths, site_url
from analysis.publish import gallery


def tiny_png(path: Path, width: int, height: int) -> None:
    """A valid 1-colour PNG of the given size (the gallery reads width and height from its header)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + b"\xff" * width for _ in range(height))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def test_gallery_lists_what_exists_and_escapes_sidecar_text(tmp_path: Path) -> None:
    out = tmp_path / "outputs"
    folder = out / "charts" / "two-1200s"
    tiny_png(folder / "two-1200s.png", 40, 20)
    tiny_png(folder / "two-1200s-mobile.png", 18, 12)
    (folder / "two-1200s.csv").write_text("Year,Cases\n2016,1\n", encoding="utf-8")
    (folder / "two-1200s.json").write_text(json.dumps({
        "title": "Cases <b>rose</b> & fell", "alt_text": 'Bar chart "quoted" <script>x</script>',
        "source_name": "A publisher", "source_url": "javascript:alert(1)",
        "source_line": "Source: Children's Commissioner"}), encoding="utf-8")
    (out / "factcheck.html").write_text("<!DOCTYPE html>", encoding="utf-8")
    (out / "notebooks").mkdir()
    (out / "notebooks" / "02_met_cse_series.html").write_text("<!DOCTYPE html>", encoding="utf-8")
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "notebooks" / "02_met_cse_series.py").write_text("", encoding="utf-8")  # the project's notebook
    page = gallery.write_gallery(Paths(tmp_path)).read_text(encoding="utf-8")
    assert 'href="charts/two-1200s/two-1200s-mobile.png"' in page
    assert 'srcset="charts/two-1200s/two-1200s-mobile.png"' in page
    assert 'href="charts/two-1200s/two-1200s.csv"' in page and "two-1200s.svg" not in page  # only what exists
    assert 'href="factcheck.html"' in page and "cse-figures.xlsx" not in page
    assert '<a href="notebooks/02_met_cse_series.html">Met CSE series</a>' in page
    assert "Cases &lt;b&gt;rose&lt;/b&gt; &amp; fell" in page and "<b>rose" not in page
    assert 'alt="Bar chart &#34;quoted&#34; &lt;script&gt;x&lt;/script&gt;"' in page and "<script>x" not in page
    assert 'href="javascript:' not in page and "A publisher" in page
    assert 'width="20" height="10"' in page  # the 2× PNG shown at its CSS size
    # the embed snippet is shown as text (its markup escaped once more), with absolute addresses from the one base
    # URL and the mobile PNG for phones
    base = site_url()
    assert f"&lt;img src=&#34;{base}charts/two-1200s/two-1200s.png&#34;" in page
    assert f"srcset=&#34;{base}charts/two-1200s/two-1200s-mobile.png&#34;" in page
    # what a reporter sees (and copies) is the HTML to paste: an apostrophe is an apostrophe, not "&#39;"
    assert "&amp;#39;" not in page and "&amp;#34;" not in page


def test_pipeline_runs_the_gallery_last_and_cli_has_the_command() -> None:
    from analysis.cli import COMMANDS
    from analysis.run.pipeline import STEPS

    assert STEPS[-1].name == "gallery" and STEPS[-1].outputs == ("outputs/index.html",)
    assert COMMANDS["gallery"][0] == "analysis.publish.gallery"


def test_every_registered_chart_is_in_exactly_one_group() -> None:
    from analysis.paths import CHART_IDS

    grouped = [i for _, ids in gallery.GROUPS for i in ids]
    assert sorted(grouped) == sorted(CHART_IDS) and len(grouped) == len(set(grouped))


def test_the_page_groups_thumbnails_shows_each_chart_once_and_says_date_reuse_contact_and_data(made) -> None:
    """Issue 23 item 4, on the page `make` wrote: thumbnails under London / England and Wales / the fact-check;
    each chart's full image once, its title not printed again above it (the image holds it; the heading is for
    screen readers); a note of at most 60 words with no record ids; the edition's date (the latest date a source
    was read, from sources.csv), the reuse terms, a contact and a 'get the data' section."""
    import re

    from bs4 import BeautifulSoup

    from analysis.paths import CHART_IDS, CONTACT, REUSE

    page = BeautifulSoup((made.outputs / "index.html").read_text(encoding="utf-8"), "html.parser")
    nav = page.find("nav", attrs={"aria-label": "Charts"})
    assert [h.get_text() for h in nav.find_all("h2")] == ["London", "England and Wales", "The fact-check"]
    assert len(nav.select("ul.thumbs img")) == len(CHART_IDS)
    for chart_id in CHART_IDS:
        section = page.find("section", id=chart_id)
        assert len(section.select("figure img")) == 1
        heading = section.find("h3")
        assert "visually-hidden" in heading["class"]
        visible = [p.get_text(" ", strip=True) for p in section.find_all("p")]
        assert heading.get_text() not in visible, f"{chart_id}: title printed again"
        note = visible[1] if len(visible) > 1 and not visible[1].startswith("Source") else ""
        assert len(note.split()) <= gallery.NOTE_WORDS
        assert not re.search(r"\b[a-z0-9]+(?:-[a-z0-9]+){2,}/[a-z0-9-]+", note), f"{chart_id}: a record id"
    import pandas as pd

    read = pd.read_csv(made.root / "data" / "processed" / "sources.csv")["date_accessed"].max()
    corrected = re.findall(r"(\d{4}-\d{2}-\d{2}):", " ".join(
        pd.read_csv(made.root / "data" / "processed" / "claims.csv")["corrections"].fillna("")))
    day = pd.Timestamp(max([read, *corrected]))  # the latest date a source was read or a claim corrected
    assert f"This edition: {day.day} {day:%B %Y}" in page.get_text()
    text = " ".join(page.get_text().split())
    assert REUSE in text and CONTACT in text and "Open Government Licence" in text
    data = page.find(id="get-the-data").find_next("ul")
    assert data.find("a", href="cse-figures.xlsx") is not None
