"""Which of many patterns could match a text, found in a few passes over it (one per `PER_SET` patterns).

scan masks some forty kinds of number in every sentence (dates, phone numbers, ranges...), one Python pattern each.
Python's `re` tries a pattern at every position of a text, so forty patterns cost forty passes; a hand-written
shortcut for each kind (a second statement of its rule, kept in step by hand) only moved that cost to forty
shortcut passes. RE2's `Set` reads a text once for many patterns (`PER_SET`) and says which of them match, so each
kind's own Python pattern is run only on a sentence where it could match.

RE2 reads no look-around or anchor, and reads `\\d`, `\\w` and `\\s` as ASCII. So each Python pattern is written
for RE2 as a pattern that matches wherever it matches and perhaps more (`loosened`): every look-around, anchor and
word boundary is dropped (each only narrows a match), and `\\d`, `\\w`, `\\s` are written as the Unicode classes
Python reads. A negation (`[^…]`, `\\D`, `\\W`, `\\S`) is written as any character: RE2 folds a class's case before
it negates it (so `(?i)[^a-z]` takes no "A" where Python's case-sensitive `[^a-z]` does), and its newer Unicode
tables hold letters and digits Python's do not (Kawi's digits are `\\D` to Python), so either way its negation is
narrower than Python's. A pattern that cannot be so written (a back-reference) is always run. The Python pattern
still decides every match, so a looser RE2 pattern costs time, never a wrong mask.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import re2

from analysis.record.word_pattern import IGNORECASE_ASCII, code_runs

__all__ = ["PatternSet", "loosened", "NotLoosened"]


class NotLoosened(ValueError):
    """A pattern with a construct RE2 has no looser form of (a back-reference, a conditional group)."""


def _ranges(codes: list[int]) -> str:
    """The body of an RE2 character class holding exactly `codes`, in ranges."""
    return "".join(f"\\x{{{a:x}}}" if a == b else f"\\x{{{a:x}}}-\\x{{{b:x}}}" for a, b in code_runs(codes))


#: Python's `\s` on text: every character `str.isspace` reads as one (none lies past U+3000).
_SPACES = _ranges([code for code in range(0x3001) if chr(code).isspace()])
#: Python's `\d` and `\w` on text: the Unicode decimal digits, and letters, numbers and "_".
_CLASS_BODY = {"d": r"\p{Nd}", "w": r"\p{L}\p{N}_", "s": _SPACES}
#: The letters Python's IGNORECASE reads as an ASCII one (`IGNORECASE_ASCII`) that RE2's case folding does not ("ı"
#: and "İ"; it reads "ſ" as "s"): each is read as its letter before RE2's pass. (So are the pattern's own: a literal
#: "İ" or "ı" is written "i", and a class that holds either holds "i".)
_FOLDED = "".join(letter for letter, ascii_letter in IGNORECASE_ASCII.items()
                  if not re2.fullmatch(f"(?i){ascii_letter}", letter))
_FOLD_TO = {letter: IGNORECASE_ASCII[letter] for letter in _FOLDED}
_FOLD = str.maketrans(_FOLD_TO)
#: What a negation is written as (see the module's docstring): any character, a line break too. So is a NUL: scan's
#: kinds read a sentence in which earlier kinds' matches are blanked with NULs, and RE2 reads it before any blanking,
#: so a NUL in a pattern stands for whatever character was there.
_ANY = "(?s:.)"
#: Zero-width escapes: dropped, as each only narrows where a match may be.
_ZERO_WIDTH_ESCAPES = frozenset("bBAZ")
#: Escapes RE2 reads as Python does.
_SAME_ESCAPES = frozenset("ntrfv")
_LOOKAROUNDS = ("(?=", "(?!", "(?<=", "(?<!")
_FLAGS = re.compile(r"\(\?([imsx-]*)(:|\))")
#: A counted repeat ("{3}", "{1,64}", "{,4}"): one with an upper bound is written without it ("{1,}"), which matches
#: wherever it does (RE2 compiles a bounded repeat of a Unicode class into one copy per count, and the e-mail
#: pattern's grew past RE2's size limit; Python's "{,4}" is "{0,4}", to RE2 the letters "{,4}").
_REPEAT = re.compile(r"\{(\d*)(?:(,)(\d*))?\}")
#: A quantifier, with its lazy "?" or possessive "+": what goes with a dropped zero-width item.
_QUANTIFIER = re.compile(r"(?:[?*+]|\{\d*(?:,\d*)?\})[?+]?")


def loosened(pattern: re.Pattern[str]) -> str:
    """`pattern` as an RE2 pattern that matches wherever it does (see the module's docstring). Every letter is read
    in either case: RE2 and Python fold case a little differently, and `could_match` evens that out (`_FOLD`)."""
    if pattern.flags & re.VERBOSE:  # as its inline "(?x)": its spaces and comments would be letters to RE2
        raise NotLoosened("verbose patterns are not written for RE2")
    dotall = "s" if pattern.flags & re.DOTALL else ""
    return f"(?i{dotall}){_Writer(pattern.pattern).write()}"


class _Writer:
    """One pass over a Python pattern's source, writing its RE2 form."""

    def __init__(self, source: str) -> None:
        self.src = source
        self.at = 0
        self.out: list[str] = []
        self.groups: list[bool] = []  # for each open group: whether it is a look-around, dropped with what it holds
        self._nul = False  # whether a NUL was read (in the class being written)

    def write(self) -> str:
        while self.at < len(self.src):
            if self.src[self.at] == "[":
                self._class()
            elif self.src[self.at] == "\\":
                self._escape(in_class=False)
            elif self.src[self.at] == "(":
                self._open()
            elif (repeat := _REPEAT.match(self.src, self.at)) is not None:
                low, comma, _ = repeat.groups()
                self._emit(f"{{{low or 0},}}" if comma else repeat.group(0))  # an upper bound dropped
                self.at = repeat.end()
                self._skip_possessive()
            elif self.src[self.at] in "*+?":  # a quantifier: its own lazy "?" or possessive "+" is read after it
                self._emit(self.src[self.at])
                self.at += 1
                self._skip_possessive()
            elif self.src[self.at] == ")":
                self.at += 1
                if self.groups.pop():
                    self._skip_quantifier()
                else:
                    self._emit(")")
            elif self.src[self.at] in "^$":
                self.at += 1
                self._skip_quantifier()
            else:
                self._emit(_ANY if self.src[self.at] == "\x00" else self.src[self.at].translate(_FOLD))
                self.at += 1
        return "".join(self.out)

    def _skip_possessive(self) -> None:
        """A quantifier's possessive "+" ("{5,}+", "*+"): dropped, as the greedy repeat matches wherever the possessive
        one does (RE2 has none); a lazy "?" is kept."""
        if self.src.startswith("+", self.at):
            self.at += 1
        elif self.src.startswith("?", self.at):
            self._emit("?")
            self.at += 1

    def _skip_quantifier(self) -> None:
        """After a dropped zero-width item, its quantifier goes too: left, it would repeat what came before."""
        if (quantifier := _QUANTIFIER.match(self.src, self.at)) is not None:
            self.at = quantifier.end()

    def _dropping(self) -> bool:
        return any(self.groups)

    def _emit(self, text: str) -> None:
        if not self._dropping():
            self.out.append(text)

    def _open(self) -> None:
        src, at = self.src, self.at
        if src.startswith(_LOOKAROUNDS, at):
            self.groups.append(True)
            self.at = at + (4 if src.startswith("(?<", at) else 3)
            return
        if src.startswith("(?>", at):  # an atomic group: a plain one matches wherever it does
            self._push("(?:", at + 3)
            return
        if src.startswith(("(?P=", "(?("), at):
            raise NotLoosened(f"no RE2 form of {src[at:at + 4]!r}")
        if src.startswith("(?P<", at):
            end = src.index(">", at)
            self._push("(?:", end + 1)
        elif src.startswith("(?#", at):
            self.at = src.index(")", at) + 1
        elif (flags := _FLAGS.match(src, at)) is not None:
            if "x" in flags.group(1):
                raise NotLoosened("verbose patterns are not written for RE2")
            on, _, off = flags.group(1).partition("-")
            off = off.replace("i", "")  # a part read in one case only is read in either, as the rest is
            self._push(f"(?{on}-{off}{flags.group(2)}" if off else f"(?{on}{flags.group(2)}", flags.end())
            if flags.group(2) == ")":
                self.groups.pop()  # a flag for the rest of the pattern opens no group
        elif src.startswith("(?:", at):
            self._push("(?:", at + 3)
        elif src.startswith("(?", at):
            raise NotLoosened(f"no RE2 form of {src[at:at + 3]!r}")
        else:
            self._push("(?:", at + 1)

    def _push(self, text: str, to: int) -> None:
        self._emit(text)
        self.groups.append(False)
        self.at = to

    def _escape(self, in_class: bool) -> str:
        letter = self.src[self.at + 1]
        self.at += 2
        if letter in "uUx":
            width = {"u": 4, "U": 8, "x": 2}[letter]
            code = self.src[self.at:self.at + width]
            self.at += width
            if int(code, 16) == 0:  # a blank an earlier kind left (`_ANY`)
                self._nul = True
                text = "" if in_class else _ANY
            else:
                letter = chr(int(code, 16))
                text = _FOLD_TO[letter] if not in_class and letter in _FOLDED else f"\\x{{{code}}}"
        elif letter in _CLASS_BODY:
            text = _CLASS_BODY[letter] if in_class else f"[{_CLASS_BODY[letter]}]"
        elif letter in "DWS":
            if in_class:
                raise NotLoosened(f"\\{letter} inside a character class")
            text = _ANY
        elif letter in _ZERO_WIDTH_ESCAPES and not in_class:
            self._skip_quantifier()
            return ""
        elif letter in _SAME_ESCAPES:
            text = f"\\{letter}"
        elif letter.isalnum():
            raise NotLoosened(f"no RE2 form of \\{letter}")
        else:
            text = re.escape(letter) if letter.isascii() else letter if in_class else letter.translate(_FOLD)
        if not in_class:
            self._emit(text)
        return text

    def _class(self) -> None:
        """A character class, written whole: `[` inside one is a literal to Python and the start of a POSIX class
        to RE2, so it is escaped."""
        src = self.src
        start = self.at
        self.at += 1
        self._nul = False
        parts = ["["]
        if src[self.at] == "^":
            parts.append("^")
            self.at += 1
        first = True
        while first or src[self.at] != "]":
            if src[self.at] == "\\":
                parts.append(self._escape(in_class=True))
            else:
                self._nul |= src[self.at] == "\x00"
                parts.append("\\" + src[self.at] if src[self.at] in "[]" else src[self.at])
                self.at += 1
            first = False
        self.at += 1
        parts.append("]")
        written = "".join(parts)
        if any(re.fullmatch(src[start:self.at], letter, re.IGNORECASE) for letter in _FOLDED):
            written = f"(?:{written}|i)"  # the text's "ı" and "İ" are read as "i" (`_FOLD`)
        self._emit(_ANY if parts[1] == "^" or self._nul else written)


#: Patterns per RE2 set. One set of all forty kinds read prose fastest, but on text of random characters its automaton
#: ran through so many states that it took 6 s a MB, slower than Python's forty passes; sets of eight read both in a
#: fraction of either (1 MB of prose 0.06 s, random text 0.5 s a MB).
PER_SET = 8


class _OneSet:
    """One RE2 set of patterns, and which pattern each of its indexes stands for."""

    def __init__(self) -> None:
        options = re2.Options()
        options.log_errors = False
        self.set = re2.Set.SearchSet(options)
        # A pattern that matches every text: a pass that fails (RE2's DFA out of memory) answers no index at all,
        # which is then read as "any pattern may match", never as "none does".
        self.set.Add("")
        self.positions: list[int] = []  # RE2's index - 1 → position in the patterns given to `PatternSet`

    def read(self, pieces: list[bytes], into: set[int]) -> bool:
        """Add to `into` the positions of this set's patterns that may match any of `pieces`; False where a pass
        fails (it answers no index at all)."""
        for piece in pieces:
            matched = self.set.Match(piece)
            if not matched:
                return False
            into.update(self.positions[i - 1] for i in matched if i)
        return True


class PatternSet:
    """Which of `patterns` could match a text (`could_match`): one RE2 pass for every `PER_SET` of them."""

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        self._sets: list[_OneSet] = []
        always = set()
        for position, pattern in enumerate(patterns):
            try:
                written = loosened(pattern)
                re2.compile(written)
            except (NotLoosened, re2.error):
                always.add(position)
                continue
            if not self._sets or len(self._sets[-1].positions) == PER_SET:
                self._sets.append(_OneSet())
            self._sets[-1].set.Add(written)
            self._sets[-1].positions.append(position)
        for one in self._sets:
            one.set.Compile()
        self.always = frozenset(always)
        self._every = frozenset(range(len(patterns)))

    def could_match(self, *texts: str) -> frozenset[int]:
        """The positions of the patterns that may match any of `texts` (every pattern where RE2 cannot tell)."""
        return self.could_match_each([texts])[0]

    def could_match_each(self, groups: Sequence[Sequence[str]]) -> list[frozenset[int]]:
        """`could_match` of each group of texts, read one RE2 set at a time over all of them: a set's automaton then
        stays in the processor's cache from one text to the next, where read between other work on each text it is
        fetched from memory again at every pass."""
        datas = [self._encoded(texts) for texts in groups]
        found: list[set[int] | None] = [None if data is None else set(self.always) for data in datas]
        for one in self._sets:
            for at, data in enumerate(datas):
                into = found[at]
                if data is not None and into is not None and not one.read(data, into):
                    found[at] = None  # (None: RE2 cannot tell, so every pattern may match)
        return [self._every if positions is None else frozenset(positions) for positions in found]

    @staticmethod
    def _encoded(texts: Sequence[str]) -> list[bytes] | None:
        """The texts as RE2 reads them (`_FOLD`, whose letters are none of ASCII's), or None where RE2 cannot read one
        (a lone surrogate)."""
        try:
            return [(text if text.isascii() else text.translate(_FOLD)).encode("utf-8") for text in texts]
        except UnicodeEncodeError:
            return None
