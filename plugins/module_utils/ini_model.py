# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The plain data model that the INI parser returns.

Everything here is standard library only, so the inventory plugin, the dynamic-inventory
script, modules and plain Python programs share one description of an INI inventory.

The model records *what the file says, in the order Ansible would apply it*:

* ``groups`` are in the order ``ansible.builtin.ini`` creates them,
* each group's ``hosts`` and ``children`` are in the order they are added,
* every variable assignment is kept, in file order, with its line and column,
  because the final value of a variable depends on Ansible's ``hash_behaviour``
  (a later dict may be merged into an earlier one, not replace it).
"""

from __future__ import annotations

import typing as t
from dataclasses import dataclass, field

__all__ = [
    "Diagnostic",
    "IniGroup",
    "IniHost",
    "IniInventory",
    "IniVariable",
    "UntrustedText",
]

SEVERITY_ERROR = "error"
SEVERITY_WARNING = "warning"


class UntrustedText(str):
    """Text decoded from a bytes literal (``b'...'``) in the file.

    ansible-core 2.19+ trusts every INI string as a template *except* these, which it only
    decodes. Keeping the distinction lets the plugin reproduce that exactly; everywhere else
    this is an ordinary ``str``.
    """

    __slots__ = ()


@dataclass(frozen=True)
class Diagnostic:
    """One problem found in an INI source: an error or a warning, with where and how to fix it."""

    severity: str
    code: str
    message: str
    source: str
    line: int
    column: int = 1
    line_text: str = ""
    hint: str = ""
    # The ``caret`` width under ``line_text``: how many characters the problem spans.
    span: int = 1

    def render(self) -> str:
        """Render as ``file:line:column: severity[code]: message`` with the line, a caret and the hint."""
        head = f"{self.source}:{self.line}:{self.column}: {self.severity}[{self.code}]: {self.message}"
        parts = [head]
        if self.line_text:
            shown = self.line_text.expandtabs(1)
            parts.append(f"    {shown}")
            parts.append("    " + " " * (self.column - 1) + "^" * max(1, self.span))
        if self.hint:
            parts.append(f"  hint: {self.hint}")
        return "\n".join(parts)


class IniVariable(t.NamedTuple):
    """One ``name=value`` assignment, where it was written, and its typed value.

    A named tuple rather than a dataclass: a large inventory has one per assignment, and a
    tuple is the cheapest object Python builds.
    """

    name: str
    value: t.Any
    line: int
    column: int


@dataclass(slots=True)
class IniHost:
    """A host: its first port and every variable assignment made to it, in file order."""

    name: str
    line: int
    column: int
    port: int | None = None
    vars: list[IniVariable] = field(default_factory=list)

    def variables(self) -> dict[str, t.Any]:
        """The host's variables with later assignments replacing earlier ones (hash_behaviour=replace)."""
        return _last_wins(self.vars)


@dataclass(slots=True)
class IniGroup:
    """A group: where it was declared, its hosts and child groups in order, and its variables."""

    name: str
    line: int
    column: int
    hosts: list[str] = field(default_factory=list)
    children: list[str] = field(default_factory=list)
    vars: list[IniVariable] = field(default_factory=list)

    def variables(self) -> dict[str, t.Any]:
        """The group's variables with later assignments replacing earlier ones (hash_behaviour=replace)."""
        return _last_wins(self.vars)


@dataclass
class IniInventory:
    """A parsed INI inventory source."""

    source: str
    groups: dict[str, IniGroup] = field(default_factory=dict)
    hosts: dict[str, IniHost] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == SEVERITY_WARNING]


def _last_wins(assignments: list[IniVariable]) -> dict[str, t.Any]:
    return {variable.name: variable.value for variable in assignments}
