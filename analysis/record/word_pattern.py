"""Pieces of patterns built from lists: one pattern for a list of words, shared by the personal-data check and
scan (both search every position of a text for any of a long list of words, and an alternation tries each word in
turn at each position), and the runs of a character class built from a list of code points."""

from __future__ import annotations

import re

__all__ = ["trie_pattern", "code_runs", "ignorecase_key", "IGNORECASE_ASCII"]

#: Letters Python's IGNORECASE reads as ASCII ones where `str.lower` does not (it keeps "ı" and "ſ" and writes "İ" as
#: two characters, "i" and a combining dot), and the ASCII letter each is read as. The one list: scan's lower-cased
#: reading and RE2's folding (`pattern_set`) are checked against it.
IGNORECASE_ASCII = {"ı": "i", "İ": "i", "ſ": "s"}
_ASCII_FOLD = str.maketrans(IGNORECASE_ASCII)


def ignorecase_key(word: str) -> str:
    """`word`, as an IGNORECASE pattern of ASCII words matched it, as the lower-case word it was read as: the key to
    look it up by. Looked up by `word.lower()`, the scale of "1.2 mİllion" was matched and then missing (a
    traceback from `scan`)."""
    return word.translate(_ASCII_FOLD).lower()


def code_runs(codes: list[int]) -> list[tuple[int, int]]:
    """Sorted code points as runs of consecutive ones, (first, last): a character class written as ranges."""
    runs: list[list[int]] = []
    for code in codes:
        if runs and runs[-1][1] == code - 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    return [(first, last) for first, last in runs]


def trie_pattern(words: list[str]) -> str:
    """A pattern matching exactly `words`, written as a trie ("a(?:bout|lmost|)…"): the regex engine tests one
    character per position instead of every word in turn. At each node a longer word is tried before one ending
    there, as in an alternation sorted longest first."""
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        alternatives = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        alternatives += [""] if "" in node else []
        return alternatives[0] if len(alternatives) == 1 else f"(?:{'|'.join(alternatives)})"

    return emit(tree)
