"""Validation problems, collected rather than raised one at a time.

A transcriber fixing a figures file wants every mistake in one run, each pointing at `file:row`, so loaders
append to a `Problems` list and the build stops only after looking at everything.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the raw data: where (file and row or YAML key) and what, in plain words."""

    file: str
    where: str | int | None
    message: str

    def __str__(self) -> str:
        if self.where in (None, ""):
            return f"{self.file}: {self.message}"
        return f"{self.file}:{self.where}: {self.message}"


@dataclass
class Problems:
    """An append-only list of problems with a helper for the usual `file:row: message` form."""

    items: list[Problem] = field(default_factory=list)

    def add(self, file: str, where: str | int | None, message: str) -> None:
        self.items.append(Problem(file, where, message))

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def raise_if_any(self) -> None:
        if self.items:
            raise ValidationError(self.items)


class ValidationError(Exception):
    """Raised once, with every problem found, before anything is written."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        lines = "\n".join(str(p) for p in self.problems)
        super().__init__(f"{len(self.problems)} problem(s) in the raw data:\n{lines}")
