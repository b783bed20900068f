"""What `scan` makes of one short text, as the attack rounds' tests compare it: one definition, so a change to the
scan's output format is made once, not in every round's file."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from analysis.factcheck.scan import not_read_line, scan_text
from analysis.paths import DEFAULT


def read(text: str) -> tuple[list[tuple[str, float, str, str]], list[str]]:
    """Each figure as (printed, value to 2 places, unit, qualifier), and the parts listed as not read."""
    result = scan_text(text, DEFAULT)
    return ([(f["value_as_printed"], round(f["value"], 2), f["unit"], f["qualifier"]) for f in result["figures"]],
            result["not_read"])


def listed(left: str, kind: str) -> str:
    """The line `scan` prints for a statistic in the first paragraph that no one figure of the record can hold."""
    return not_read_line(1, left, kind)


def figures_read(text: str) -> list[tuple[float, str, str]]:
    """The figures scan reads in `text` (value, qualifier, unit)."""
    return [(f["value"], f["qualifier"], f["unit"]) for f in scan_text(text, DEFAULT)["figures"]]


def verify_verdict(*args: str) -> str:
    """The verdict `python -m analysis verify <args>` gives, judged in this process."""
    import argparse

    from analysis.factcheck import verify

    parser = argparse.ArgumentParser()
    verify.add_arguments(parser, "verify")
    return verify.evaluate(parser.parse_args(list(args))).verdict


def scan_file(path: Path, capsys: Any) -> tuple[int, list[str], str]:
    """`scan --json FILE` in this process: its exit status, the figures as printed, and what it said on stderr
    (`capsys`, pytest's capture fixture)."""
    from analysis.factcheck import scan

    parser = argparse.ArgumentParser()
    scan.add_arguments(parser, "scan")
    status = scan.run(parser.parse_args(["--json", str(path)]))
    out, err = capsys.readouterr()
    figures = [f["value_as_printed"] for f in json.loads(out)["figures"]] if out.strip() else []
    return status, figures, err
