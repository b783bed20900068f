"""`make scan-eval` (also part of `make bench`): scan scored on held-out news articles it was not tuned on.

benchmarks/heldout/ holds eight stored news pages about CSE in London and England & Wales that no test fixture and
no source in data/raw uses, and labels.yaml the statistics a reader finds in each, labelled by hand before the
scanner was run on them. Three numbers (issue 26's targets in brackets):

- recall (≥ 0.97): labelled statistics the scan reports;
- precision (≥ 0.95): reported figures that are labelled statistics (not a date, an age, a duration, ...);
- right match (≥ 0.95): of the labelled statistics the scan reports, those whose answer is right: a figure the
  record holds is matched first to one of its labelled record figures; one the record does not hold is reported
  "not in the record" (a same-value figure of another definition offered as its match is wrong).

Misses, false alarms and wrong matches are listed, so a change that moves a number can be read, not guessed at.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import yaml

from analysis.factcheck.scan import scan_text
from analysis.paths import DEFAULT

HELDOUT = Path(__file__).resolve().parent / "heldout"
TARGETS = {"recall": 0.97, "precision": 0.95, "right_match": 0.95}


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower().replace("percent", "per cent")).strip()


def _same(label: dict[str, Any], entry: dict[str, Any]) -> bool:
    """A reported figure is the labelled one: same paragraph, and one text ends the other ("over 30 per cent"
    reported as "30 per cent" is still found, its qualifier aside)."""
    if entry["paragraph"] != label["para"]:
        return False
    a, b = _norm(str(label["printed"])), _norm(entry["value_as_printed"])
    return a == b or a.endswith(" " + b) or b.endswith(" " + a)


def article_text(path: Path) -> str:
    """The article without its '# ' header lines (the URL and a note, not the story)."""
    return "\n".join(line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("# "))


def _right(label: dict[str, Any], entry: dict[str, Any]) -> bool:
    if not label.get("held"):
        return not entry["matches"]
    return bool(entry["matches"]) and entry["matches"][0]["figure_id"] in label["ids"]


def evaluate(verbose: bool = True) -> dict[str, Any]:
    """Score every held-out article; print what went wrong; return the three rates and the counts."""
    labels = yaml.safe_load((HELDOUT / "labels.yaml").read_text(encoding="utf-8"))
    stats = {"labelled": 0, "found": 0, "reported": 0, "true_reported": 0, "right": 0}
    problems: list[str] = []
    for name, items in labels.items():
        figures = scan_text(article_text(HELDOUT / name), DEFAULT)["figures"]
        wanted = [x for x in items if x["figure"]]
        stats["labelled"] += len(wanted)
        stats["reported"] += len(figures)
        unused = list(range(len(figures)))
        for label in wanted:
            hit = next((i for i in unused if _same(label, figures[i])), None)
            if hit is None:
                problems.append(f"{name} para {label['para']}: missed {label['printed']!r}")
                continue
            unused.remove(hit)
            entry = figures[hit]
            stats["found"] += 1
            if _right(label, entry):
                stats["right"] += 1
            else:
                got = entry["matches"][0]["figure_id"] if entry["matches"] else "not in the record"
                want = label["ids"][0] if label.get("held") else "not in the record"
                problems.append(f"{name} para {label['para']}: {label['printed']!r} matched {got}, want {want}")
        stats["true_reported"] += len(figures) - len(unused)
        problems += [f"{name} para {figures[i]['paragraph']}: false alarm {figures[i]['value_as_printed']!r}"
                     for i in unused]
    rates = {"recall": stats["found"] / stats["labelled"],
             "precision": stats["true_reported"] / max(1, stats["reported"]),
             "right_match": stats["right"] / max(1, stats["found"])}
    if verbose:
        for line in problems:
            print(f"  - {line}")
        print(f"scan on {len(labels)} held-out articles, {stats['labelled']} labelled statistics: "
              f"recall {rates['recall']:.2f} ({stats['found']}/{stats['labelled']}), "
              f"precision {rates['precision']:.2f} ({stats['true_reported']}/{stats['reported']}), "
              f"right match {rates['right_match']:.2f} ({stats['right']}/{stats['found']})")
        print("targets: " + ", ".join(f"{k} ≥ {v} {'met' if rates[k] >= v else 'NOT met'}" for k, v in TARGETS.items()))
    return {**rates, **stats, "problems": problems}


if __name__ == "__main__":
    result = evaluate()
    sys.exit(0 if all(result[k] >= v for k, v in TARGETS.items()) else 1)
