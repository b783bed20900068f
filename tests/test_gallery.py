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
    folder = out / "charts" / "demo-chart"
    tiny_png(folder / "demo-chart.png", 40, 20)
    tiny_png(folder / "demo-chart-mobile.png", 18, 12)
    (folder / "demo-chart.csv").write_text("Year,Cases\n2016,1\n", encoding="utf-8")
    (folder / "demo-chart.json").write_text(json.dumps({
        "title": "Cases <b>rose</b> & fell", "alt_text": 'Bar chart "quoted" <script>x</script>',
        "source_name": "A publisher", "source_url": "javascript:alert(1)"}), encoding="utf-8")
    (out / "factcheck.html").write_text("<!DOCTYPE html>", encoding="utf-8")
    (out / "notebooks").mkdir()
    (out / "notebooks" / "02_met_cse_series.html").write_text("<!DOCTYPE html>", encoding="utf-8")
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "notebooks" / "02_met_cse_series.py").write_text("", encoding="utf-8")  # the project's notebook
    page = gallery.write_gallery(Paths(tmp_path)).read_text(encoding="utf-8")
    assert 'href="charts/demo-chart/demo-chart-mobile.png"' in page
    assert 'srcset="charts/demo-chart/demo-chart-mobile.png"' in page
    assert 'href="charts/demo-chart/demo-chart.csv"' in page and "demo-chart.svg" not in page  # only what exists
    assert 'href="factcheck.html"' in page and "cse-figures.xlsx" not in page
    assert '<a href="notebooks/02_met_cse_series.html">Met CSE series</a>' in page
    assert "Cases &lt;b&gt;rose&lt;/b&gt; &amp; fell" in page and "<b>rose" not in page
    assert 'alt="Bar chart &#34;quoted&#34; &lt;script&gt;x&lt;/script&gt;"' in page and "<script>x" not in page
    assert 'href="javascript:' not in page and "A publisher" in page
    assert 'width="20" height="10"' in page  # the 2× PNG shown at its CSS size
    # the embed snippet is shown as text (its markup escaped once more), with absolute addresses from the one base
    # URL and the mobile PNG for phones
    base = site_url()
    assert f"&lt;img src=&#34;{base}charts/demo-chart/demo-chart.png&#34;" in page
    assert f"srcset=&#34;{base}charts/demo-chart/demo-chart-mobile.png&#34;" in page


def test_pipeline_runs_the_gallery_last_and_cli_has_the_command() -> None:
    from analysis.cli import COMMANDS
    from analysis.run.pipeline import STEPS

    assert STEPS[-1].name == "gallery" and STEPS[-1].outputs == ("outputs/index.html",)
    assert COMMANDS["gallery"][0] == "analysis.publish.gallery"
