"""Issue 24, round nine, the lead's own attacks on what the helpers' rounds 9a and 9b did not reach this round
(scan's encodings, `--md` and `--claims-stub`). Encodings (a BOM against a declared charset, an XML declaration,
http-equiv, two <meta> charsets, UTF-16 and UTF-32 with a BOM) and `--md` with markup, maths, strike-through and
block markers in the article all held; what failed is here."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from analysis.factcheck.scan import add_arguments


@pytest.mark.parametrize("name", ["-", "drafts/", ""])
def test_the_claims_stub_needs_the_name_of_a_new_file(name: str, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    """`--claims-stub -` wrote a file named "-" into the working folder (where `-` as the article means standard
    input) and `--claims-stub drafts/` a file named "drafts", each reported as "scan: wrote …"."""
    monkeypatch.chdir(tmp_path)
    parser = argparse.ArgumentParser(prog="scan")
    add_arguments(parser, "scan")
    with pytest.raises(SystemExit):
        parser.parse_args(["article.txt", "--claims-stub", name])
    assert "is not a file name" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
