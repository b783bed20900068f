"""Who a report says its figures come from: a source's `attributions` in `data/raw/sources.yaml`.

A news report of an inspection, a release or a statement prints figures it attributes to a body ("the watchdog
found", "Scotland Yard figures show", "the Home Secretary told MPs"), and sometimes figures it attributes to no
one. A chart's source line names the producer of each figure and the outlet that reported it ("HMICFRS, reported
by BBC News"), so who produced a reported figure is a fact of the record, transcribed with the words that show
it, not something each chart works out from a subject or a caveat: six charts did, in six ways, and credited the
same Commons figure to two different bodies.

    attributions:
    - to: National Crime Agency
      figures: [beaconport-referrals]
      words: "So far, the National Crime Agency-led review has received 1,273 referrals"

`figures` are slugs of the source's own figures (the part of the figure id after the "/"), each in one entry at
most; `to` is the body as the record names publishers; `words` are the document's own words, at most
MAX_QUOTE_WORDS, that attribute the figures. A figure of a report in no entry is one the report names no source
for (or whose attribution is not transcribed): it is credited to the outlet alone, never "reported by" a body the
document does not name. Only a report (`primary: false`) has attributions: a primary document's figures are its
producer's.
"""

from __future__ import annotations

from typing import Any

from analysis.record.domains import domain_in
from analysis.record.figures import MAX_QUOTE_WORDS
from analysis.record.hygiene import check_text_fields, word_count
from analysis.record.problems import Problems
from analysis.record.safeguarding import check_personal_data

FIELDS = ("to", "figures", "words")


def attributed(source: dict[str, Any], figure_id: str) -> tuple[str, str]:
    """(body, words) the source attributes the figure to, or ("", "") when it names none."""
    slug = figure_id.split("/", 1)[-1]
    for entry in source.get("attributions") or ():
        if slug in entry["figures"]:
            return entry["to"], entry["words"]
    return "", ""


def check_attributions(sources: dict[str, dict[str, Any]], figure_ids: set[str], name: str,
                       problems: Problems) -> None:
    """A problem for each attribution that is malformed, names a figure the source does not print, names one
    figure twice, or belongs to a primary document; malformed entries are dropped so nothing later reads them."""
    for sid, source in sources.items():
        entries = source.get("attributions")
        if entries is None:
            continue
        where = f"id={sid}, attributions"
        if not isinstance(entries, list) or source.get("primary") is True:
            problems.add(name, where, "must be a list of {to, figures, words}, on a report (primary: false) only: a "
                         "primary document's figures are its producer's")
            source["attributions"] = []
            continue
        seen: set[str] = set()
        source["attributions"] = [e for i, e in enumerate(entries, start=1)
                                  if _entry_ok(e, sid, figure_ids, seen, name, f"{where} {i}", problems)]


def _entry_ok(entry: Any, sid: str, figure_ids: set[str], seen: set[str], name: str, where: str,
              problems: Problems) -> bool:
    found = _entry_problems(entry, sid, figure_ids, seen)
    if isinstance(entry, dict):
        check_text_fields(entry, ("to", "words"), name, where, problems)
        check_personal_data(entry, ("to", "words"), name, where, problems)
    for message in found:
        problems.add(name, where, message)
    return not found


def _entry_problems(entry: Any, sid: str, figure_ids: set[str], seen: set[str]) -> list[str]:
    if not isinstance(entry, dict) or set(entry) != set(FIELDS):
        return [f"each attribution has exactly the fields {', '.join(FIELDS)}"]
    found = [f"{key} must be text" for key in ("to", "words")
             if not isinstance(entry[key], str) or not entry[key].strip()]
    domain = domain_in(entry["to"]) if isinstance(entry["to"], str) else None
    if domain:
        # The body is what a chart's credit and the fact-check's "citing …" print: a web address there credits a
        # page, not whoever produced the figure (the credit read it as "an unnamed news outlet").
        found.append(f"to names a web domain ('{domain}'): name the body the report attributes the figures to")
    if isinstance(entry["words"], str) and word_count(entry["words"]) > MAX_QUOTE_WORDS:
        found.append(f"words has {word_count(entry['words'])} words; keep it to {MAX_QUOTE_WORDS} or fewer")
    slugs = entry["figures"]
    if not isinstance(slugs, list) or not slugs or not all(isinstance(s, str) for s in slugs):
        return [*found, "figures must be a list of the source's figure slugs"]
    found += [f"figure '{sid}/{s}' is not in data/raw/figures/{sid}.csv" for s in slugs
              if f"{sid}/{s}" not in figure_ids]
    found += [f"figure '{sid}/{s}' is attributed twice" for s in slugs if s in seen]
    seen.update(slugs)
    return found
