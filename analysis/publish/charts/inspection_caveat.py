"""The inspection charts' shared finding and caveat: what holds at every inspection, and where a printed share
and the printed counts behind it disagree.

Why: the 2024 grades are known only from news articles that print "more than half (121)" inadequate of 244 cases,
although 121 of 244 is 49.6%. Until the inspectorate's report is in the record, neither chart may headline a share
that rests on one of the two, nor pick a baseline year; both state what holds for every inspection and carry the
disagreement on their face and in their notes, in the same words (generated here from the grades table).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pandas as pd

from analysis.factcheck.wording import BORNE_OUT, judge
from analysis.publish import style
from analysis.publish.charts.common import figure_ids_of
from analysis.publish.charts.inspection_grades import ri_or_inadequate_share, select_inspection_grades
from analysis.record.printed import Printed, parse_printed
from analysis.record.vocabulary import direction, fmt_percent


@dataclass(frozen=True)
class Disagreement:
    """A share printed with a bound ('more than half') that the printed counts do not satisfy."""

    year: str
    label: str
    grade: str
    printed: str
    count: float
    cases: float
    computed: float
    publishers: tuple[str, ...]
    from_report: bool  # True when the inspectorate's own document is in the record for this inspection

    def face(self) -> str:
        """At most ~25 words for the chart face."""
        # One article is one article, not "news articles"; it is named in the notes (`full`): a publisher's name on
        # the face could push the face past its 40 words, and "a news article prints" is a word longer, so "the
        # report" stands for "the inspectorate's report" (the full note says which). "Article", not "copy": the one
        # that prints the 2024 counts is Tortoise Media's own, and a copy (a mirror or reprint) is an article too;
        # not "report", which the same sentence uses for the inspectorate's.
        who = ("the report prints" if self.from_report else "a news article prints" if len(self.publishers) == 1
               else "news articles print")
        text = (f"{self.year}: {who} '{self.printed} ({self.count:,.0f})' of {self.cases:,.0f} {self.grade}, "
                "which do not agree")
        return text + ("." if self.from_report else "; the report is not in the record.")

    def full(self) -> str:
        """The sidecar note: who printed what, the arithmetic, and what would settle it."""
        verb = "prints" if len(self.publishers) == 1 else "print"
        return (f"{self.label}: {style.join_words(list(self.publishers))} {verb} '{self.printed} ({self.count:,.0f})' "
                f"of {self.cases:,.0f} cases examined as {self.grade}, but {self.count:,.0f} of {self.cases:,.0f} is "
                f"{fmt_percent(self.computed)}, not {self.printed}: the printed words and counts do not agree. "
                + ("" if self.from_report else "The inspectorate's report, which would settle it, is not in the "
                   "record. ")
                + "The counts are drawn as printed; no share resting on them is headlined.")


def _bears_out(count: float, cases: float, printed: Printed) -> bool:
    """The fact-check's own test of a printed share against count / cases, computed exactly from the counts."""
    return judge(Decimal(str(int(count))) * 100 / Decimal(str(int(cases))), printed)[0] in BORNE_OUT


def disagreements(grades: pd.DataFrame, figures: pd.DataFrame) -> list[Disagreement]:
    """Grade rows whose printed share is a bound the computed share (count ÷ cases examined) breaks."""
    publisher = figures.drop_duplicates("figure_id").set_index("figure_id")["publisher"]
    out = []
    for r in grades.itertuples():
        if not (isinstance(r.share_as_printed, str) and r.share_as_printed and pd.notna(r.share_computed)):
            continue
        printed = parse_printed(r.share_as_printed)
        if printed.value is None:
            continue
        if direction(printed.qualifier) in ("lower", "upper") and not _bears_out(r.count, r.cases_examined, printed):
            names = tuple(dict.fromkeys(publisher.get(i, "") for i in figure_ids_of(pd.Series([r.figure_ids]))
                                        if publisher.get(i, "")))
            out.append(Disagreement(year=str(r.published)[:4], label=str(r.label), grade=str(r.grade),
                                    printed=r.share_as_printed, count=float(r.count), cases=float(r.cases_examined),
                                    computed=float(r.share_computed), publishers=names,
                                    from_report=bool(r.all_primary)))
    return out


def every_inspection_finding(grades: pd.DataFrame) -> str | None:
    """'Most cases examined required improvement or were inadequate at every inspection, 2016–2024', when
    that holds for every inspection with a published figure (else None). A share printed 'more than half' counts
    as a majority; so does a share computed from counts above 50%."""
    sel = select_inspection_grades(grades)
    shares = [ri_or_inadequate_share(g) for _, g in sel.groupby("inspection_id", sort=False)]
    if not shares or any(s is None or s <= 50 for s in shares):
        return None
    years = sel["published"].str[:4]
    return (f"Most cases examined required improvement or were inadequate at every inspection, "
            f"{years.min()}–{years.max()}")
