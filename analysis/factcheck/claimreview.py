"""schema.org ClaimReview records for the fact-check: what search engines and fact-check aggregators read.

A rating is published only for a verdict on accuracy itself — accurate or inaccurate. A verdict that turns on
rounding alone is not a finding worth broadcasting against a named outlet, and a claim that could not be checked has
no rating to give, so neither gets a record.
"""

from __future__ import annotations

from typing import Any

from analysis.factcheck.report import Entry, corrections, for_readers
from analysis.factcheck.wording import ACCURATE, INACCURATE
from analysis.record.domains import is_mirror
from analysis.record.hygiene import inline_safe_json, reader_url
from analysis.record.vocabulary import iso_date

#: Verdict → rating on a 1 (inaccurate) to 5 (accurate) scale; a verdict not listed gets no ClaimReview.
REVIEW_RATINGS = {ACCURATE: 5, INACCURATE: 1}
#: A source's `outlet` for a copy of someone else's document on a third party's site.
COPY_OUTLETS = ("mirror", "reprint")


def claim_review(e: Entry, site_url: str, project: str) -> dict[str, Any]:
    """One schema.org ClaimReview: the verdict is the rating's alternateName (rated 1 to 5), the working its
    explanation, and the url absolute from the site's base URL."""
    c = e.claim
    url = f"{site_url}factcheck.html#{e.id}"
    author_type = "Person" if c.get("claimant_type", "").lower() == "person" else "Organization"
    item: dict[str, Any] = {"@type": "Claim", "author": {"@type": author_type, "name": c["claimant"]}}
    if e.source.get("date_published"):
        # An inferred date (a first-of-month stand-in) was published as an exact day: search engines showed the
        # claim as made on 1 January 2025. ISO 8601's month precision says what is known.
        published = str(e.source["date_published"])
        item["datePublished"] = iso_date(published, e.date_is_approximate)
    appearance: dict[str, Any] = {"@type": "CreativeWork"}
    # Where the report links it, without click-tracking parameters; never a mirror's or a reprint's copy, which
    # aggregators would show as where the claim was made (the charts' link rule, publishers.link): a claim read only
    # in such a copy is described by its headline alone.
    seen_at = str(e.source.get("url_main") or "")
    if seen_at and not is_mirror(seen_at) and e.source.get("outlet") not in COPY_OUTLETS:
        appearance["url"] = reader_url(seen_at)
    if e.source.get("title"):
        appearance["headline"] = e.source["title"]
    item["appearance"] = appearance
    review: dict[str, Any] = {
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": c["text"],
        "itemReviewed": item,
        "reviewRating": {"@type": "Rating", "ratingValue": REVIEW_RATINGS[c["verdict"]], "bestRating": 5,
                         "worstRating": 1, "alternateName": c["verdict"].capitalize(),
                         "ratingExplanation": for_readers(c["working"])},
        "author": {"@type": "Organization", "name": project},
    }
    if e.review_date:
        review["datePublished"] = e.review_date
    # A claim corrected after its review was first published (its quoted words, inputs or verdict changed) says
    # so to aggregators as well as on the page: the page lists each correction with its date, and a record that
    # kept only its first date would present the changed text as unchanged since then.
    changed = [k["iso"] for k in corrections(c)]
    if changed and max(changed) > str(review.get("datePublished", "")):
        review["dateModified"] = max(changed)
    return review


def render_jsonld(entries: list[Entry], site_url: str, project: str) -> str:
    """claimreview.jsonld: a schema.org @graph of ClaimReview records, one per claim judged accurate or inaccurate.
    Safe to inline in a <script> element (`hygiene.inline_safe_json`)."""
    reviewed = [claim_review(e, site_url, project) for e in entries if e.claim["verdict"] in REVIEW_RATINGS]
    return inline_safe_json({"@context": "https://schema.org", "@graph": reviewed})
