"""Tidy tables built from the validated raw figures — never typed a second time.

Each domain table keeps the figure ids it came from, so any cell can be traced back to a quote in a document.
Where two sources print the same measure for the same period, one copy is used and the others are listed beside it;
which one is decided by `analysis.tables.copies.choose_copy`, the rule every output follows.

Plain Python (lists of dicts), not pandas: the tables are a few hundred rows, and importing pandas cost more
than everything else the build does (the performance issue's target is a build within 1.5× of `import pandas`).
Rows carry None where a value is unavailable; the build writes that as an empty cell.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from itertools import groupby
from typing import Any

from analysis.record import schema
from analysis.record.attributions import attributed
from analysis.record.vocabulary import join_list
from analysis.tables.copies import choose_copy
from analysis.tables.revisions import check_series, latest_vintage

Rows = list[dict[str, Any]]

GRADE_MEASURES = {
    "good": "good",
    "requires_improvement": "requires improvement",
    "inadequate": "inadequate",
    "requires_improvement_or_inadequate": "requires improvement or inadequate",
}
#: The Met's yearly counts. Each count's printed rises ("change_" + the count) sit beside it in the series, so the
#: table holds every rise the fact-check judges, not the children-at-risk rises alone.
MET_COUNTS = ("cse_referrals", "cse_flagged_crimes", "children_at_risk_cse")
MET_SERIES_MEASURES = (*MET_COUNTS, *(f"change_{m}" for m in MET_COUNTS), "cse_live_investigations",
                       # kept apart from the yearly counts: an oral estimate, a pilot, undated and rounded figures
                       "children_could_be_at_risk_cse_estimate", "children_at_risk_cse_undated",
                       "cse_referrals_pilot")
NATIONAL_REVIEW_MEASURES = ("historic_cases_identified_for_review", "historic_cases_reopened", "beaconport_referrals")


def _columns(fields: tuple[schema.Field, ...]) -> list[str]:
    return [f.name for f in fields]


def _table(rows: Iterable[dict[str, Any]], fields: tuple[schema.Field, ...]) -> Rows:
    """Rows with exactly the table's columns, in the data dictionary's order (a missing key is None)."""
    names = _columns(fields)
    return [{name: row.get(name) for name in names} for row in rows]


def figures_table(figures: list[dict[str, Any]], sources: dict[str, dict[str, Any]]) -> Rows:
    """The public contract: one row per figure with its source's provenance alongside."""
    rows = []
    for rec in figures:
        src = sources[rec["source_id"]]
        to, words = attributed(src, rec["figure_id"])
        rows.append({
            **rec,
            "source_title": src["title"],
            "publisher": src["producer"],
            "published": src["date_published"],
            "published_approximate": bool(src.get("date_approximate")),
            "url": src["url_main"],
            "original_url": sources[src["original"]]["url_main"] if src.get("original") else "",
            "primary": bool(src["primary"]),
            "outlet": src["outlet"],
            "source_kind": src["kind"],
            "attributed_to": to,
            "attribution_words": words,
        })
    return _table(sorted(rows, key=lambda r: r["figure_id"]), schema.FIGURES)


def sources_table(sources: dict[str, dict[str, Any]], figures: Rows) -> Rows:
    counts: dict[str, int] = {}
    for fig in figures:
        counts[fig["source_id"]] = counts.get(fig["source_id"], 0) + 1
    return _table(({**src, "date_approximate": bool(src.get("date_approximate")), "figures": counts.get(sid, 0)}
                   for sid, src in sorted(sources.items())), schema.SOURCES)


def gaps_table(gaps: dict[str, dict[str, str]]) -> Rows:
    return _table((gaps[k] for k in sorted(gaps)), schema.GAPS)


def _join(values: Iterable[Any]) -> str:
    """The caveats of a row's figures, each sentence once: the figures of one copy share its opening caveat, and
    joining them whole printed it up to three times in one cell ("… May 2016.; No period is printed …")."""
    kept: list[str] = []
    for value in sorted({str(v) for v in values if isinstance(v, str) and v}):
        kept += [s for s in re.split(r"(?<=[.!?])\s+", value.strip()) if s and s not in kept]
    return " ".join(kept)


def inspection_grades_table(figures: Rows, inspections: list[dict[str, Any]]) -> Rows:
    """One row per inspection × grade, from the cases_* and share_cases_* measures of its sources.

    An inspection whose sources print only the combined "requires improvement or inadequate" figure keeps
    exactly that row (split_published false); no split is invented.
    """
    rows = []
    for insp in inspections:
        records = [f for f in figures if f["source_id"] in insp["sources"]]
        by_measure: dict[str, list[dict[str, Any]]] = {}
        for record in records:
            by_measure.setdefault(record["measure"], []).append(record)
        pick = {m: choose_copy(found)[0] for m, found in by_measure.items()}
        also = {m: _other_printings(pick[m], found) for m, found in by_measure.items()}
        present = [g for g in GRADE_MEASURES if pick.get(f"cases_{g}") is not None
                   or pick.get(f"share_cases_{g}") is not None]
        split = any(g != "requires_improvement_or_inadequate" for g in present)
        examined = pick.get("cases_examined")
        cases = examined["value"] if examined is not None else None
        for key in present:
            count, share = pick.get(f"cases_{key}"), pick.get(f"share_cases_{key}")
            used = [f for f in (examined, count, share) if f is not None]
            count_v = count["value"] if count is not None else None
            rows.append({
                "inspection_id": insp["id"],
                "inspection": insp["name"],
                "label": insp["label"],
                "published": insp["published"],
                "grade": GRADE_MEASURES[key],
                "split_published": split,
                "cases_examined": cases,
                "cases_examined_as_printed": examined["value_as_printed"] if examined is not None else None,
                "count": count_v,
                "share_published": share["value"] if share is not None else None,
                "share_as_printed": share["value_as_printed"] if share is not None else None,
                "share_computed": 100 * count_v / cases if count_v is not None and cases else None,
                "all_primary": all(bool(f["primary"]) for f in used),
                "figure_ids": join_list(f["figure_id"] for f in used),
                "caveat": _join([*(f["caveat"] for f in used), *(also[f["measure"]] for f in used)]),
            })
    return _table(rows, schema.INSPECTION_GRADES)


#: How a table's caveat opens the sentence naming the other printings of a row's figure (another copy, or the same one).
OTHER_PRINTINGS = "Also printed as"


def _other_printings(picked: Mapping[str, Any], found: Rows) -> str:
    """A sentence naming the copies of `picked`'s figure that print another value, or "": the 2016 inspection's
    374 cases examined (AOL/PA) is "about 384" in another newspaper's copy, and a row giving 374 alone read as the
    only printing. Copies that differ are all kept in the record; the row names them."""
    others = sorted((f for f in found if f["value"] != picked["value"]), key=lambda f: f["figure_id"])
    if not others:
        return ""
    said = "; ".join(f"'{f['value_as_printed']}' ({f['publisher']})" for f in others)
    return f"{OTHER_PRINTINGS} {said}; this row gives '{picked['value_as_printed']}' ({picked['publisher']})."


def _period_label(start: str, end: str) -> str:
    if start == end:
        return start
    if start.endswith("-01-01") and end.endswith("-12-31") and start[:4] == end[:4]:
        return start[:4]
    if start.endswith("-04-01") and end.endswith("-03-31") and int(end[:4]) == int(start[:4]) + 1:
        return f"{start[:4]}/{end[2:4]}"
    return f"{start} to {end}"


def _groups(rows: Rows, *keys: str) -> Iterable[tuple[tuple[Any, ...], Rows]]:
    """Rows grouped by `keys`, groups in sorted key order (as a sorted groupby)."""
    key = lambda r: tuple(r[k] for k in keys)  # noqa: E731
    for value, group in groupby(sorted(rows, key=key), key=key):
        yield value, list(group)


def _copies(others: Rows) -> str:
    """Other figures of the same measure and period, each with its own caveat: a copy's note stays with the copy."""
    return "; ".join(f["figure_id"] + (f" [{f['caveat']}]" if f.get("caveat") else "") for f in others)


def met_cse_series_table(figures: Rows, revised: frozenset[str] | set[str] = frozenset(),
                         replacing: frozenset[str] | set[str] = frozenset()) -> Rows:
    """The Met's CSE series: one row per measure × period (London only), the latest vintage where a figure was
    revised; a series never mixes units or periods."""
    sel = [f for f in figures if f["measure"] in MET_SERIES_MEASURES and f["geography"] == "London"]
    check_series("met_cse_series", sel)
    rows = []
    for (measure, start, end), group in _groups(sel, "measure", "period_start", "period_end"):
        best = choose_copy(latest_vintage(group, set(revised), replacing)[0])[0]
        others = [f for f in sorted(group, key=lambda f: f["figure_id"]) if f is not best]
        rows.append({
            "measure": measure, "subject": best["subject"], "period_start": start, "period_end": end,
            "period_label": _period_label(start, end), "value": best["value"],
            "value_as_printed": best["value_as_printed"], "qualifier": best["qualifier"], "unit": best["unit"],
            "figure_id": best["figure_id"], "source_id": best["source_id"], "primary": best["primary"],
            "also_reported_in": _copies(others), "caveat": best["caveat"],
        })
    return _table(rows, schema.MET_CSE_SERIES)


def day_not_printed(figure: dict[str, Any]) -> bool:
    """Whether a figure's day may not be printed in its document: the document's own date was not printed (a
    first-of-month stand-in, or a day taken from other reports) and the figure's period ends in that date's month,
    so its day came from the stand-in or another report. Such a date is given by its month: MyLondon's "more than
    1,200" stood in the historic reviews table as at 1 October 2025, and GB News's 1,273 as at the NCA briefing of
    4 November, a day GB News did not print."""
    return bool(figure.get("published_approximate")) and str(figure["period_end"])[:7] == str(
        figure.get("published"))[:7]


def historic_reviews_table(figures: Rows) -> Rows:
    """National and Met historic-case review counts, each row saying which scope it is. Counts of cases only: the
    Met's 'some 15' years its reviews go back is a figure about the review, not a count of its cases, and stood in
    the table's cases column (the workbook's 'Cases (number)') as 15 cases."""
    rows = [{
        "scope": "national" if f["measure"] in NATIONAL_REVIEW_MEASURES else "Met", "measure": f["measure"],
        "definition": f["subject"], "as_at": f["period_end"], "as_at_approximate": day_not_printed(f),
        "value": f["value"],
        "value_as_printed": f["value_as_printed"], "qualifier": f["qualifier"], "figure_id": f["figure_id"],
        "source_id": f["source_id"], "primary": f["primary"], "caveat": f["caveat"],
    } for f in figures if (f["measure"] in NATIONAL_REVIEW_MEASURES or f["measure"].startswith("met_historic_"))
        and f["unit"] == "cases"]
    rows.sort(key=lambda r: (r["scope"], r["measure"], r["as_at"], r["figure_id"]))
    return _table(rows, schema.HISTORIC_REVIEWS)


def population_table(figures: Rows, revised: frozenset[str] | set[str] = frozenset(),
                     replacing: frozenset[str] | set[str] = frozenset()) -> Rows:
    """ONS mid-year estimates: one row per area × year × measure, the latest vintage, primary sources first.

    `revised` holds the figures a later publication replaced, and `replacing` the figures that replace them
    (analysis.record.revisions): a first estimate is used only while no revision of it is in the record, and
    `vintage` says which the row holds.
    """
    sel = [f for f in figures if f["measure"] in ("population", "child_population")]
    check_series("population", sel, key="measure")
    rows = []
    for (geo, measure, ref), group in _groups(sel, "geography", "measure", "period_end"):
        latest, vintage = latest_vintage(group, set(revised), replacing)
        best = choose_copy(latest)[0]
        rows.append({
            "geography": geo, "year": int(ref[:4]), "reference_date": ref, "measure": measure,
            "value": best["value"], "value_as_printed": best["value_as_printed"], "figure_id": best["figure_id"],
            "source_id": best["source_id"], "primary": best["primary"], "vintage": vintage,
            "as_published": best.get("published"), "as_published_approximate": bool(best.get("published_approximate")),
            "revises": join_list(sorted(f["figure_id"] for f in group if f["figure_id"] in revised)),
        })
    return _table(rows, schema.POPULATION)
