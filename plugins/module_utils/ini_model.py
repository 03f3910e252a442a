# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The plain data model that the INI parser returns.

Everything here is standard library only, so the inventory plugin, the dynamic-inventory
script, modules and plain Python programs share one description of an INI inventory.

The model records *what the file says, in the order Ansible would apply it*:

* ``groups`` are in the order ``ansible.builtin.ini`` creates them,
* each group's ``hosts`` and ``children`` are in the order they are added,
* ``steps`` interleave memberships and child links in the order the builtin makes them,
  because each host's group list (``Host.get_groups()``) depends on it,
* every variable assignment is kept, in file order, with its line and column,
  because the final value of a variable depends on Ansible's ``hash_behaviour``
  (a later dict may be merged into an earlier one, not replace it). They are stored one
  :class:`IniAssignments` record per line (a host line sets many variables at once);
  ``variable_list`` lists them one :class:`IniVariable` each (``variables()`` is the dict
  of the values that win).
"""

from __future__ import annotations

import contextlib
import gc
import typing as t
from dataclasses import dataclass, field

__all__ = [
    "Diagnostic",
    "IniAssignments",
    "IniGroup",
    "IniHost",
    "IniInventory",
    "IniStep",
    "IniVariable",
    "UntrustedText",
    "paused_garbage_collection",
    "quoted",
    "shortened",
]

SEVERITY_ERROR = "error"
SEVERITY_WARNING = "warning"
# A diagnostic quotes at most this much of its line, around the column, and messages at most
# QUOTED_LIMIT characters of a value: a 1 MB line must not make a 1 MB message.
LINE_WINDOW = 160
LINE_CONTEXT = 60
QUOTED_LIMIT = 80


def quoted(text: str, limit: int = QUOTED_LIMIT) -> str:
    """``repr(text)``, or of its first ``limit`` characters and how long it is, for messages."""
    if len(text) <= limit:
        return repr(text)
    return f"{text[:limit]!r}... ({len(text):,} characters)"


def shortened(text: str, limit: int = QUOTED_LIMIT) -> str:
    """``text``, or its first ``limit`` characters and how long it is, for messages."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}... ({len(text):,} characters)"


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
            shown, offset, width = _window(self.line_text, self.column - 1, max(1, self.span))
            parts.append(f"    {shown}")
            parts.append("    " + " " * offset + "^" * width)
        if self.hint:
            parts.append(f"  hint: {self.hint}")
        return "\n".join(parts)


def _window(line: str, start: int, span: int) -> tuple[str, int, int]:
    """The part of ``line`` to show around ``start``, and where and how wide its caret is."""
    if len(line) <= LINE_WINDOW:
        return line.expandtabs(1), start, span
    first = max(0, min(start - LINE_CONTEXT, len(line) - LINE_WINDOW))
    last = first + LINE_WINDOW
    prefix = "..." if first else ""
    suffix = "..." if last < len(line) else ""
    # expandtabs(1) turns each tab into one blank: the columns stay where they are.
    shown = prefix + line[first:last].expandtabs(1) + suffix
    offset = start - first + len(prefix)
    return shown, offset, max(1, min(span, last - start))


class IniVariable(t.NamedTuple):
    """One ``name=value`` assignment, where it was written, and its typed value."""

    name: str
    value: t.Any
    line: int
    column: int


class IniAssignments(t.NamedTuple):
    """The ``name=value`` assignments of one line, in the order written.

    One record per line rather than one object per assignment: a large inventory has a line
    of several variables per host, and every object the parser makes costs it, and Python's
    garbage collector, time. The lists are shared (a host range gives every host the same
    record) and must not be changed.
    """

    line: int
    # (name, value) of each assignment; equal words on different lines share one pair.
    pairs: t.Sequence[tuple[str, t.Any]]
    # Where each name starts, counting from 1.
    columns: t.Sequence[int]

    def variables(self) -> list[IniVariable]:
        """The assignments of this line, one :class:`IniVariable` each."""
        line = self.line
        return [
            IniVariable(name, value, line, column)
            for (name, value), column in zip(self.pairs, self.columns, strict=True)
        ]


class IniHost(t.NamedTuple):
    """A host: where it is first written, its first port, and every variable assignment made
    to it, in file order.

    A named tuple (the parser makes one per host, and a tuple is the cheapest object
    Python builds); only ``assignments`` grows while the file is read.
    """

    name: str
    line: int
    column: int
    port: int | None
    assignments: list[IniAssignments]

    @property
    def variable_list(self) -> list[IniVariable]:
        """Every assignment to the host in file order, one per variable (a new list each time)."""
        return _each_variable(self.assignments)

    @property
    def vars(self) -> list[IniVariable]:
        """Deprecated alias of :attr:`variable_list` (unlike Ansible's ``Host.vars``, a list, not a dict)."""
        return _each_variable(self.assignments)

    def variables(self) -> dict[str, t.Any]:
        """The host's variables with later assignments replacing earlier ones (hash_behaviour=replace)."""
        return _last_wins(self.assignments)


@dataclass(slots=True)
class IniGroup:
    """A group: where it was declared, its hosts and child groups in order, and its variables."""

    name: str
    line: int
    column: int
    hosts: list[str] = field(default_factory=list)
    children: list[str] = field(default_factory=list)
    assignments: list[IniAssignments] = field(default_factory=list)

    @property
    def variable_list(self) -> list[IniVariable]:
        """Every assignment to the group in file order, one per variable (a new list each time)."""
        return _each_variable(self.assignments)

    @property
    def vars(self) -> list[IniVariable]:
        """Deprecated alias of :attr:`variable_list` (unlike Ansible's ``Host.vars``, a list, not a dict)."""
        return _each_variable(self.assignments)

    def variables(self) -> dict[str, t.Any]:
        """The group's variables with later assignments replacing earlier ones (hash_behaviour=replace)."""
        return _last_wins(self.assignments)


class IniStep(t.NamedTuple):
    """One step of building the groups, in the order ansible.builtin.ini takes them.

    Either the hosts ``groups[group].hosts[start:stop]`` join ``group`` (``child`` is
    ``None``), or ``child`` becomes a child group of ``group``. The order matters: a host
    joining a group gets the group's ancestors of that moment before the group, and linking
    a parent later appends the new ancestors to every host below the child.
    """

    group: str
    child: str | None
    start: int
    stop: int


@dataclass
class IniInventory:
    """A parsed INI inventory source."""

    source: str
    groups: dict[str, IniGroup] = field(default_factory=dict)
    hosts: dict[str, IniHost] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # Empty in a model built by hand: then every membership is made first, then every link.
    steps: list[IniStep] = field(default_factory=list)

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == SEVERITY_WARNING]


def _each_variable(records: list[IniAssignments]) -> list[IniVariable]:
    return [variable for record in records for variable in record.variables()]


def _last_wins(records: list[IniAssignments]) -> dict[str, t.Any]:
    return {name: value for record in records for name, value in record.pairs}


@contextlib.contextmanager
def paused_garbage_collection() -> t.Iterator[None]:
    """Keep the cyclic garbage collector out of a burst of allocations (parsing, building).

    Parsing a large file makes hundreds of thousands of objects and none of them can form a
    garbage cycle, yet every 700 allocations the collector walks the young ones and now and
    then all of them: about a fifth of the parse time. It runs again as usual afterwards (the
    first time in a process, with the burst's objects already in its oldest generation: see
    :func:`_promote_young_objects`). Nested uses cost nothing: only the outermost pauses and
    resumes it.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        try:
            _promote_young_objects()
        finally:
            gc.enable()  # after: a collection started earlier would walk the whole burst


# Process-wide, as the collector is: whether a resumption has already considered promoting.
_PROMOTION = {"considered": False}


def _promote_young_objects() -> None:
    """Move every object the collector tracks to its oldest generation without a collection;
    once per process.

    The objects made while the collector was paused all sit in its youngest generation, so
    its next run would walk every one of them only to find them alive and move them up: for
    the benchmark's inventories of 20,000 hosts, 40 to 75 ms, 6 to 12% of a load.
    ``gc.freeze()`` then ``gc.unfreeze()`` puts every tracked object in the oldest generation
    directly, as the ``gc`` documentation describes the two calls.

    Once per process, because objects moved this way skip the collections of the middle
    generation that free most garbage, and never count towards the trigger for a full
    collection (``gc.freeze()`` also sets every generation's count back to zero):
    promoting every build would let each replaced inventory (``meta: refresh_inventory``, a
    program that reloads) pile up. The first build is usually the inventory a process keeps;
    later builds take the collector's usual way. If the first one is replaced, it stays in
    memory until a full collection, which may come much later or not before the process
    exits: at most one inventory is held this way.

    Not at all on a free-threaded build (its collector has no generations, and both calls
    visit the whole heap), nor when the permanent generation holds anything: the program may
    have frozen objects on purpose (before forking, to keep memory pages shared), and
    unfreezing would undo that. Python 3.12's collector parks immortal objects there itself,
    so 3.12 never promotes.
    """
    if _PROMOTION["considered"]:
        return
    _PROMOTION["considered"] = True
    if _free_threaded() or gc.get_freeze_count():
        return
    gc.freeze()
    gc.unfreeze()


def _free_threaded() -> bool:
    """Whether this is a free-threaded build (3.13+; the variable is unset before)."""
    import sysconfig  # here: 1 to 4 ms to import and read, asked once per process

    return bool(sysconfig.get_config_var("Py_GIL_DISABLED"))
