"""`scan` reads every sentence's readings and the kinds RE2 finds they may hold ahead of finding its figures
(`read_ahead`): a sentence read so gives exactly what it gives read alone."""

from __future__ import annotations

import pytest

from analysis.factcheck.scan_find import LIST_NUMBER, find_figures, read_ahead
from analysis.factcheck.scan_text import Sentence

SENTENCES = [
    "Police recorded 1,200 offences in 2019, up 12 per cent on 2018.",
    "Call 020 7946 0000 or e-mail jane@example.org before 10:30 am on May 12.",
    "In 2016—17 there were 1,737 referrals, 1.2 milion of them online.",
    "Call 0\u0332 20 7946 0000, where 56% of 1,273 cases were girls aged 14.",  # a marked digit: read again
    "1. Referrals rose to 2,060.",
    "No figures here at all.",
]


@pytest.mark.parametrize("skip", [frozenset(), frozenset({LIST_NUMBER})])
def test_a_sentence_read_ahead_gives_what_it_gives_alone(skip: frozenset[str]) -> None:
    sentences = [Sentence(text, n, 0) for n, text in enumerate(SENTENCES, start=1)]
    for sentence, ahead in zip(sentences, read_ahead(sentences), strict=True):
        assert find_figures(sentence, skip, ahead) == find_figures(sentence, skip), sentence.text
