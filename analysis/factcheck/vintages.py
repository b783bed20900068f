"""Which vintage of a revised figure a claim is judged against: the one published when the claim was made.

A reporter who wrote in July 2024 that England and Wales had 60.9 million people was right by the figures of the
day, although ONS later revised mid-2023 to 61.1 million. So a claim is judged against, for each input, the
latest vintage published on or before the claim's source date; and the working says when a later revision would
change the verdict. Standard library only (the fact-check stage must not need pandas).
"""

from __future__ import annotations

from typing import Any

__all__ = ["Vintages"]


class Vintages:
    """The revision links between figures, with each figure's publication date."""

    def __init__(self, links: list[dict[str, Any]], figures: dict[str, dict[str, Any]]):
        self.figures = figures
        self.newer: dict[str, list[str]] = {}
        self.older: dict[str, list[str]] = {}
        for link in links:
            self.newer.setdefault(link["old"], []).append(link["new"])
            self.older.setdefault(link["new"], []).append(link["old"])

    def _published(self, fid: str) -> str:
        return str(self.figures.get(fid, {}).get("published") or "")

    def family(self, fid: str) -> list[str]:
        """Every vintage of the same estimate: the figure, those it revises and those that revise it."""
        seen, todo = {fid}, [fid]
        while todo:
            node = todo.pop()
            for other in self.newer.get(node, []) + self.older.get(node, []):
                if other not in seen:
                    seen.add(other)
                    todo.append(other)
        return sorted(seen)

    def revised(self, fid: str) -> bool:
        """Whether `fid`'s estimate has more than one vintage, so the date a claim is judged at can matter."""
        return len(self.family(fid)) > 1

    def _rank(self, fid: str, named: str) -> tuple[str, bool, bool, str]:
        fig = self.figures.get(fid, {})
        return (self._published(fid), fid == named, bool(fig.get("primary")), fid)

    def at(self, fid: str, date: str) -> str:
        """The vintage of `fid` current on `date`: the latest published on or before it (`fid` if none was)."""
        if not date or fid not in self.figures:
            return fid
        known = [f for f in self.family(fid) if self._published(f) and self._published(f) <= date]
        return max(known, key=lambda f: self._rank(f, fid)) if known else fid

    def latest(self, fid: str) -> str:
        """The latest vintage of `fid`'s estimate (a figure no later one revises), preferring the named one."""
        if fid not in self.figures:
            return fid
        final = [f for f in self.family(fid) if not self.newer.get(f)]
        return max(final, key=lambda f: self._rank(f, fid)) if final else fid

    def describe(self, fid: str) -> str:
        """The vintage as the working names it, its date as every output gives one (`reader_date`: an inferred date
        is never shown as a day the publisher printed)."""
        from analysis.factcheck.report import reader_date
        from analysis.tables.load import is_true

        fig = self.figures.get(fid, {})
        published = self._published(fid)
        when = reader_date(published[:10], is_true(fig.get("published_approximate"))) if published else "undated"
        return f'{fid} ("{fig.get("value_as_printed", "")}", published {when})'
