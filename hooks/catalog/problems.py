"""A problem found in the data, and the error that carries all of them."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the data, located by file, line, entry and field."""

    file: str
    line: int
    entry: str  # the entry's id, or '#<position>' when it has no usable id; '' for the file or a top-level field
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        parts = [where]
        if self.entry:
            parts.append(f"entry {self.entry}")
        if self.field:
            parts.append(self.field)
        return ": ".join(parts + [self.message])


class CatalogError(Exception):
    """The data has problems; str() is the full report, one problem a line."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        count = len(self.problems)
        header = f"{count} problem{'s' if count != 1 else ''} in the catalog data:"
        super().__init__("\n".join([header] + [str(p) for p in self.problems]))
