# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Present diagnostics: render each one, and fold identical ones so a big file stays readable."""

from __future__ import annotations

import typing as t

from .ini_model import Diagnostic

__all__ = ["summarize"]

# How many of one kind of diagnostic are shown in full before the rest are folded into one line.
SHOWN_PER_KIND = 3


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
