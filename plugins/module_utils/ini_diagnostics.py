# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Make, collect and present diagnostics.

:class:`DiagnosticLog` records what a parse finds, each placed by an explicit :class:`Position`;
:class:`IniParseError` carries a parse's errors; :func:`summarize` renders diagnostics and folds
identical ones so a big file stays readable.
"""

from __future__ import annotations

import typing as t

from .ini_model import SEVERITY_ERROR, SEVERITY_WARNING, Diagnostic

__all__ = ["MAX_ERRORS", "DiagnosticLog", "Finding", "IniParseError", "Position", "summarize"]

# How many errors one parse reports before it stops listing them.
MAX_ERRORS = 50

# How many of one kind of diagnostic are shown in full before the rest are folded into one line.
SHOWN_PER_KIND = 3


# Where a diagnostic points: (line number from 1, the line's text as written). A plain tuple,
# not a named one: the parser makes one for every line, as enumerate() gives it.
Position = tuple[int, str]


class Finding(t.NamedTuple):
    """What a check found on a line, before it is placed: the parser records it as a diagnostic."""

    code: str
    message: str
    column: int
    span: int
    hint: str


class IniParseError(ValueError):
    """Every error found in one INI source; ``str()`` lists them with line, column and hint."""

    def __init__(self, diagnostics: list[Diagnostic], suppressed: int = 0) -> None:
        self.diagnostics = diagnostics
        self.suppressed = suppressed
        super().__init__(self.render())

    @property
    def first(self) -> Diagnostic:
        return self.diagnostics[0]

    def summary(self) -> str:
        """``N error(s) in SOURCE``."""
        count = len(self.diagnostics) + self.suppressed
        return f"{count} {'error' if count == 1 else 'errors'} in {self.first.source}"

    def details(self) -> list[str]:
        """Each error rendered, then how many more were not kept."""
        parts = [diagnostic.render() for diagnostic in self.diagnostics]
        if self.suppressed:
            parts.append(f"... and {self.suppressed} more errors not shown")
        return parts

    def render(self) -> str:
        return "\n".join([f"{self.summary()}:", *self.details()])


class DiagnosticLog:
    """The errors and warnings of one parse; warnings go straight to the model's list."""

    def __init__(self, source: str, warnings: list[Diagnostic]) -> None:
        self.source = source
        self.warnings = warnings
        self.errors: list[Diagnostic] = []
        self.suppressed = 0

    def warn(self, at: Position, found: Finding) -> None:
        self.warnings.append(self._diagnostic(SEVERITY_WARNING, at, found))

    def error(self, at: Position, found: Finding) -> None:
        if len(self.errors) >= MAX_ERRORS:
            self.suppressed += 1
            return
        self.errors.append(self._diagnostic(SEVERITY_ERROR, at, found))

    def lead_with(self, at: Position, found: Finding) -> None:
        """Put an error before all others, whatever their number: the one that explains them."""
        self.errors.insert(0, self._diagnostic(SEVERITY_ERROR, at, found))

    def _diagnostic(self, severity: str, at: Position, found: Finding) -> Diagnostic:
        code, message, column, span, hint = found
        line, text = at
        return Diagnostic(severity, code, message, self.source, line, column, text, hint, span)


def summarize(diagnostics: t.Iterable[Diagnostic], shown_per_kind: int = SHOWN_PER_KIND) -> list[str]:
    """Render diagnostics; past ``shown_per_kind`` of one code and message, list only line numbers."""
    groups: dict[tuple[str, str, str], list[Diagnostic]] = {}
    for diagnostic in diagnostics:
        key = (diagnostic.source, diagnostic.code, _kind_of(diagnostic))
        groups.setdefault(key, []).append(diagnostic)
    rendered: list[str] = []
    for same_kind in groups.values():
        rendered.extend(diagnostic.render() for diagnostic in same_kind[:shown_per_kind])
        folded = same_kind[shown_per_kind:]
        if folded:
            rendered.append(_fold(folded))
    return rendered


def _kind_of(diagnostic: Diagnostic) -> str:
    # The hint names the fix; two diagnostics with the same code and fix are the same trap.
    return diagnostic.hint or diagnostic.message


def _fold(folded: list[Diagnostic]) -> str:
    lines = [diagnostic.line for diagnostic in folded]
    shown = ", ".join(str(line) for line in lines[:10])
    more = f", ... ({len(lines) - 10} more)" if len(lines) > 10 else ""
    first = folded[0]
    return f"{first.source}: ... and {len(folded):,} more like it ({first.code}) at lines {shown}{more}"
