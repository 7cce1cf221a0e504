"""The result of one evaluation run: figures, a printable table and the primary line."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class EvalResult:
    """Figures for one dataset, ours beside each peer."""

    dataset: str
    #: JSON-serialisable figures, saved by ``interlock eval --save``
    figures: dict[str, Any]
    #: rows of the printed table, the header first
    table: list[list[str]] = field(default_factory=list)
    #: the single closing line, e.g. ``timeml value F1 ours=0.812 dateparser=0.401``
    primary: str = ""
    notes: list[str] = field(default_factory=list)

    def render(self) -> str:
        """The table, any notes, then the primary line last."""
        lines: list[str] = []
        if self.table:
            widths = [max(len(str(row[i])) for row in self.table) for i in range(len(self.table[0]))]
            for n, row in enumerate(self.table):
                lines.append("  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=False)).rstrip())
                if n == 0:
                    lines.append("  ".join("-" * w for w in widths))
        lines.extend(self.notes)
        lines.append(self.primary)
        return "\n".join(lines)
