"""One pattern for a list of words, shared by the personal-data check and scan: both search every position of a
text for any of a long list of words, and an alternation tries each word in turn at each position."""

from __future__ import annotations

import re

__all__ = ["trie_pattern"]


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
