# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Parse an Ansible INI inventory into an :class:`IniInventory`, as ansible.builtin.ini reads it.

Standard library only. One pass over the lines, the builtin's grammar and its order of
effects, so that replaying the model into Ansible's inventory gives the builtin's result:

* hosts before any section belong to ``ungrouped``; ``[g]`` lists hosts, ``[g:vars]``
  ``key=value`` lines, ``[g:children]`` group names;
* a child group or a ``:vars`` section may name a group declared later ("pending
  declarations", resolved when the group appears, reported if it never does);
* host lines are split shell-style, ``:vars`` lines at the first ``=``; every value is typed by
  ``ast.literal_eval`` (see :mod:`ini_values`).

Unlike the builtin it does not stop at the first error: every error in the file is collected
and raised together in one :class:`IniParseError`. The checks that warn of traps live in
:mod:`ini_checks`; the parser only records what they find, at the position it passes them.
"""

from __future__ import annotations

import re
import typing as t
from dataclasses import dataclass, field

from .ini_checks import (
    Trap,
    assignment_traps,
    byte_order_mark,
    conflicting_port,
    conflicting_variables,
    foreign_format,
    glued_comment,
    header_problem,
    host_named_like_group,
    trap_for_variable,
    undeclared_group,
    undecodable_bytes,
    unknown_section_type,
    unknown_variable_name,
    value_trap,
)
from .ini_diagnostics import MAX_ERRORS, DiagnosticLog, Finding, IniParseError, Position
from .ini_hosts import read_host_pattern
from .ini_lines import (
    BYTE_ORDER_MARK,
    CHILD_NAME,
    COMMENT_MARKERS,
    HeaderShape,
    SectionKind,
    decode_source,
    has_surrogates,
    section_kind,
    section_line,
)
from .ini_model import (
    IniAssignments,
    IniGroup,
    IniHost,
    IniInventory,
    IniStep,
    IniVariable,
    UntrustedText,
    paused_garbage_collection,
    quoted,
    shortened,
)
from .ini_values import ValueTypingError, type_value, type_value_as_string
from .ini_words import ShellWordsError, split_words

__all__ = ["MAX_ERRORS", "IniParseError", "parse_ini", "parse_ini_file", "paused_garbage_collection"]

# --- grammar ----------------------------------------------------------------------------
_BLANK_BESIDE_EQUALS = re.compile(r"\s=|=\s")
# A host line that is one plain name: no shell blank, quote, escape or comment sign (so shlex
# gives the line itself as its only word) and no ':' or '[' (so it is no address, port or range).
_PLAIN_HOST_NAME = re.compile(r"[^ \t\r\n'\"\\#:\[]+")
# Groups every Ansible inventory has before any source is read.
IMPLICIT_GROUPS = ("all", "ungrouped")
HOSTS, VARS, CHILDREN = SectionKind.HOSTS, SectionKind.VARS, SectionKind.CHILDREN
UNREADABLE = SectionKind.UNREADABLE

TYPERS: dict[str, t.Callable[[str], t.Any]] = {
    "literal_eval": type_value,
    "string": type_value_as_string,
}

# --- helpers of the hot loop ------------------------------------------------------------
# tuple.__new__ builds a named tuple without its Python-level constructor.
new_tuple = tuple.__new__
_FAILED = object()
_IMMUTABLE_TYPES = frozenset((str, UntrustedText, int, float, bool, type(None)))
# Every memo table is bounded: a file of a million different words does not keep them all.
_MEMO_LIMIT = 65536


def _remember(memo: dict[str, t.Any], key: str, value: t.Any) -> None:
    if len(memo) >= _MEMO_LIMIT:
        memo.clear()
    memo[key] = value


def parse_ini_file(
    path: str,
    *,
    known_groups: t.Iterable[str] = (),
    transform_group_name: t.Callable[[str], str] | None = None,
    typing: str = "literal_eval",
) -> IniInventory:
    """Read ``path`` (bytes, so undecodable bytes behave as in Ansible) and parse it."""
    with open(path, "rb") as handle:
        data = handle.read()
    return parse_ini(
        data, path, known_groups=known_groups, transform_group_name=transform_group_name, typing=typing
    )


def parse_ini(
    data: str | bytes,
    source: str = "<string>",
    *,
    known_groups: t.Iterable[str] = (),
    transform_group_name: t.Callable[[str], str] | None = None,
    typing: str = "literal_eval",
    legacy_ipv6: bool = False,
) -> IniInventory:
    """Parse INI inventory text into the data model.

    ``known_groups`` are groups the inventory already holds from earlier sources (they change
    what counts as "declared later"); ``transform_group_name`` is applied to section names
    as Ansible's ``TRANSFORM_INVALID_GROUP_CHARS`` would; ``legacy_ipv6`` reads host addresses
    as ansible-core before 2.19 does (see :func:`ini_hosts.split_port`). Raises :class:`IniParseError`.
    """
    if typing not in TYPERS:
        raise ValueError(f"typing must be one of {', '.join(TYPERS)}, not {typing!r}")
    parser = _Parser(source, known_groups, transform_group_name, TYPERS[typing], legacy_ipv6)
    with paused_garbage_collection():
        return parser.parse(decode_source(data))


@dataclass
class _Pending:
    """A group named before it was declared, waiting for its ``[name]`` or ``[name:children]``."""

    named_in: SectionKind  # CHILDREN (named as a child) or VARS (only a [name:vars] section so far)
    at: Position
    column: int
    parents: list[str] = field(default_factory=list)


class _Parser:
    """The state of one parse: the builtin's ``InventoryData`` effects, recorded in a model."""

    def __init__(
        self,
        source: str,
        known_groups: t.Iterable[str],
        transform_group_name: t.Callable[[str], str] | None,
        typer: t.Callable[[str], t.Any],
        legacy_ipv6: bool = False,
    ) -> None:
        self.source = source
        self.transform = transform_group_name
        self.typer = typer
        self.legacy_ipv6 = legacy_ipv6
        self.model = IniInventory(source=source)
        self.log = DiagnosticLog(source, self.model.diagnostics)
        # Groups that exist in Ansible's inventory at this point of the file.
        self.existing_groups: set[str] = set(IMPLICIT_GROUPS) | set(known_groups)
        # Each group's hosts in order, as dict keys: a host listed twice is a member once.
        self.group_hosts: dict[str, dict[str, None]] = {}
        # Child edges, to refuse cycles as Ansible's Group.add_child_group does.
        self.child_edges: dict[str, dict[str, None]] = {"all": {"ungrouped": None}}
        # The latest assignment of each variable of a host listed more than once, kept up to
        # date line by line so that a repeated host line costs its own variables only.
        self.latest_host_vars: dict[str, dict[str, IniVariable]] = {}
        self.pending: dict[str, _Pending] = {}
        # Memo tables (see _remember). Checks that depend only on a name are done once per name.
        self.name_traps: dict[str, Trap | None] = {}
        # Host-line words whose value is immutable and springs no trap, as (name, value): most
        # words repeat (ports, booleans, roles). Values with a trap are remembered by their
        # text, so that the warning is still given each time but the value typed once.
        self.clean_words: dict[str, tuple[str, t.Any]] = {}
        self.trapped_texts: dict[str, tuple[t.Any, Trap | None]] = {}
        self.check_values = typer is type_value
        # Hosts already warned of sharing their name with a group.
        self.clashes_warned: set[str] = set()

    # --- main loop ----------------------------------------------------------------------
    def parse(self, text: str) -> IniInventory:
        lines = text.splitlines()
        if text.startswith(BYTE_ORDER_MARK):
            # The builtin keeps the mark and so reads the first line as a host; we drop it.
            lines[0] = lines[0][1:]
            self.log.warn((1, lines[0]), byte_order_mark())
        has_undecodable = has_surrogates(text)
        group_name = "ungrouped"
        section = HOSTS
        section_start = 0  # how many hosts the group of a host section had at its header
        # For the plain-name shortcut below: the hosts, and the members of the current group
        # (None until the group has an entry: "ungrouped" gets one with its first host).
        plain_name = _PLAIN_HOST_NAME.fullmatch
        hosts = self.model.hosts
        members = None
        for at in enumerate(lines, 1):
            # 1. skip blank lines and whole-line comments.
            raw_line = at[1]
            line = raw_line.strip()
            if not line or line[0] in COMMENT_MARKERS:
                continue
            # strip() gives back the very same object when there is nothing to strip.
            indent = 0 if line is raw_line else len(raw_line) - len(raw_line.lstrip())
            if has_undecodable:
                self._warn_if(at, undecodable_bytes(line, indent))
            # 2. a section header switches the group and the kind of lines that follow.
            if line[0] == "[":
                header = section_line(line)
                if header is not None and header.shape is HeaderShape.SECTION:
                    if section is HOSTS:
                        self._record_members(group_name, section_start)
                    group_name, section = self._enter_section(header.name, header.type_word, at, indent)
                    if section is UNREADABLE:
                        self.log.error(at, unknown_section_type(header, indent))
                    members = self.group_hosts.get(group_name)
                    section_start = len(members) if members is not None else 0
                    continue
                if header is not None:
                    problem = header_problem(header, line, indent, section)
                    if problem is not None:
                        self.log.error(at, problem)
                        section = UNREADABLE
                        continue
            # 3. any other line is read by the kind of the current section.
            if section is HOSTS:
                # _host_line and _add_host in short for a line that is one plain name: no shell
                # blank, quote, escape or comment sign (shlex gives the line as its only word),
                # no ':' or '[' (no port or range), not '---', and no variables. Most lines of
                # an inventory that lists its hosts in several groups are like this. (A line
                # with a space has more words: the 'in' test spares it the pattern.)
                if members is not None and " " not in line and plain_name(line) and line != "---":
                    if line not in hosts:
                        hosts[line] = new_tuple(IniHost, (line, at[0], indent + 1, None, []))
                    members[line] = None
                    continue
                self._host_line(group_name, line, indent, at)
                if members is None:
                    members = self.group_hosts.get(group_name)
            elif section is VARS:
                self._vars_line(group_name, line, indent, at)
            elif section is CHILDREN:
                self._child_line(group_name, line, indent, at)
            # UNREADABLE: lines under a bad header are skipped; its error is reported.
        if section is HOSTS:
            self._record_members(group_name, section_start)
        # 4. every group still pending was named but never declared.
        for name, waiting in self.pending.items():
            self.log.error(
                waiting.at, undeclared_group(name, waiting.parents, name in self.model.hosts, waiting.column)
            )
        if self.log.errors:
            explained = foreign_format(lines, self.log.errors[0].code)
            if explained is not None:
                self.log.lead_with(*explained)
            raise IniParseError(self.log.errors, self.log.suppressed)
        for name, members in self.group_hosts.items():
            self.model.groups[name].hosts = list(members)
        return self.model

    # --- sections -----------------------------------------------------------------------
    def _enter_section(
        self, written_name: str, type_word: str | None, at: Position, indent: int
    ) -> tuple[str, SectionKind]:
        name = self.transform(written_name) if self.transform else written_name
        kind = section_kind(type_word)
        if kind is None:
            return name, UNREADABLE
        declared = name in self.existing_groups
        # [g] and [g:children] declare a group; [g:vars] alone does not, so it is remembered,
        # unless g is already waiting to be declared as somebody's child.
        if not declared and kind is VARS and name not in self.pending:
            self.pending[name] = _Pending(VARS, at, indent + 2)
        if name not in self.model.groups:
            self._group(name, at[0], 0 if declared else indent + 2)
        waiting = self.pending.get(name)
        if waiting is not None and kind is not VARS:
            if waiting.named_in is CHILDREN:
                self._resolve_pending_children(name)
            else:
                del self.pending[name]
        return name, kind

    def _record_members(self, group_name: str, start: int) -> None:
        """Record the hosts the host section now ending added to its group, as one step."""
        stop = len(self.group_hosts.get(group_name, ()))
        if stop > start:
            self.model.steps.append(IniStep(group_name, None, start, stop))

    def _group(self, name: str, line: int = 0, column: int = 0) -> IniGroup:
        """The model entry of a group, made complete on first use: model, members and existence."""
        group = self.model.groups.get(name)
        if group is None:
            group = IniGroup(name, line, column)
            self.model.groups[name] = group
            self.group_hosts[name] = {}
            self.existing_groups.add(name)
        return group

    # --- host lines ---------------------------------------------------------------------
    def _host_line(self, group_name: str, line: str, indent: int, at: Position) -> None:
        try:
            words, columns = split_words(line, indent + 1)
        except ShellWordsError as error:
            self._error(
                at,
                "unclosed-quote",
                f"cannot split host line: {error}",
                indent + error.offset + 1,
                len(line) - error.offset,
                hint="close the quote, or escape a literal quote or backslash with '\\'",
            )
            return
        if not words:
            return  # only a comment after blanks, e.g. an escaped-nothing line
        pattern, column = words[0], columns[0]
        names: t.Sequence[str]
        # A name that strips to '---' (a YAML document start) or to nothing is refused there.
        if ":" in pattern or "[" in pattern or pattern.strip() in ("---", ""):
            read = read_host_pattern(pattern, column, legacy_ipv6=self.legacy_ipv6)
            if read.error is not None:
                self.log.error(at, read.error)
                return
            names, port = read.names, read.port
            if read.warning is not None:
                self.log.warn(at, read.warning)
            if not names:
                self._group(group_name)  # even a range of no host makes the section's group
        else:
            names, port = (pattern,), None  # a plain name: no port, no range, nothing to refuse
        assignments = None
        if len(words) > 1:
            assignments = self._host_variables(words, columns, at)
            if assignments is None:
                return
        if "#" in line:
            self._check_glued_comment(line, indent, at)
        for name in names:
            self._add_host(group_name, name, port, assignments, column, at)

    def _add_host(  # noqa: PLR0917 - once per host: keyword arguments would cost
        self,
        group_name: str,
        name: str,
        port: int | None,
        assignments: IniAssignments | None,
        column: int,
        at: Position,
    ) -> None:
        members = self.group_hosts.get(group_name)
        if members is None:
            self._group(group_name)
            members = self.group_hosts[group_name]
        hosts = self.model.hosts
        host = hosts.get(name)
        # Ansible's set_variable looks the name up among groups first, so variables of a
        # host that shares its name with a group land on the group.
        to_group = assignments is not None and name in self.existing_groups
        if host is None:
            records = [assignments] if assignments is not None and not to_group else []
            hosts[name] = new_tuple(IniHost, (name, at[0], column, port, records))
        else:
            if host.line != at[0] and (port is not None or assignments is not None):
                self._check_redefinition(host, port, assignments, column, at)
            if assignments is not None and not to_group:
                host.assignments.append(assignments)
                latest = self.latest_host_vars.get(name)
                if latest is not None:
                    latest.update((variable.name, variable) for variable in assignments.variables())
        members[name] = None
        if to_group:
            self._group(name).assignments.append(assignments)  # type: ignore[arg-type]
            # Only where it has an effect (variables on the line), and once per name.
            if name not in self.clashes_warned:
                self.clashes_warned.add(name)
                self.log.warn(at, host_named_like_group(name, column))

    def _host_variables(self, words: list[str], columns: list[int], at: Position) -> IniAssignments | None:
        """The ``name=value`` words after the host pattern, typed, with their columns.

        The hot loop of a large inventory. Most words repeat (ports, booleans, roles), so a
        word whose value is immutable and springs no trap is remembered whole, as the pair
        that the record stores: then the assignment costs one dict lookup. Anything else
        takes the long way.
        """
        pairs: list[tuple[str, t.Any]] = []
        get = self.clean_words.get
        for index in range(1, len(words)):
            pair = get(words[index])
            if pair is None:
                pair = self._assignment(words[index], columns[index], at)
                if pair is None:
                    return None
            pairs.append(pair)
        columns = columns[1:]
        if len(pairs) > 1 and len({name for name, _value in pairs}) < len(pairs):
            # A name given twice on one line keeps its first place and its last value.
            last: dict[str, tuple[tuple[str, t.Any], int]] = {}
            for pair, column in zip(pairs, columns, strict=True):
                last[pair[0]] = (pair, column)
            pairs = [pair for pair, _column in last.values()]
            columns = [column for _pair, column in last.values()]
        return new_tuple(IniAssignments, (at[0], pairs, columns))

    def _assignment(self, word: str, column: int, at: Position) -> tuple[str, t.Any] | None:
        """Split ``word`` at its first '=' and type the value; warn of its traps, remember it if clean."""
        name, equals, text = word.partition("=")
        if not equals:
            self._error(
                at,
                "expected-key-value",
                f"expected key=value after the host name, got {quoted(word)}",
                column,
                len(word),
                hint="write name=value with no blanks around '='"
                if _BLANK_BESIDE_EQUALS.search(at[1])
                else "quote values that contain blanks: key='two words'",
            )
            return None
        typed = self.trapped_texts.get(text)
        if typed is None:
            try:
                value = self.typer(text)
            except ValueTypingError as error:
                self._unusable_value(text, error, column + len(name) + 1, at)
                return None
            typed = (value, value_trap(text, value) if self.check_values else None)
        value, value_trap_found = typed
        if value_trap_found is not None:
            value_trap_found = trap_for_variable(name, value_trap_found)
        name_trap = self._name_trap(name)
        pair = (name, value)
        trapped = name_trap is not None or value_trap_found is not None
        if trapped:
            self._warn_each(at, assignment_traps(name, name_trap, text, value_trap_found, column=column))
        # Lists and dicts stay fresh per line, as the builtin makes them. A trapped word is not
        # remembered (its warnings come each time), only its typed value.
        if type(value) in _IMMUTABLE_TYPES:
            if trapped:
                _remember(self.trapped_texts, text, typed)
            else:
                _remember(self.clean_words, word, pair)
        return pair

    def _unusable_value(self, text: str, error: ValueTypingError, column: int, at: Position) -> None:
        self._error(
            at,
            "unusable-value",
            f"value {quoted(text)} cannot be used: {error}",
            column,
            len(text),
            hint="quote the value to keep it as a string",
        )

    # --- :vars lines --------------------------------------------------------------------
    def _vars_line(self, group_name: str, line: str, indent: int, at: Position) -> None:
        name, equals, text = line.partition("=")
        if not equals:
            self._error(
                at,
                "expected-key-value",
                f"expected key=value in [{shortened(group_name)}:vars], got {quoted(line)}",
                indent + 1,
                len(line),
                hint="each line of a :vars section is one name=value",
            )
            return
        value_column = indent + len(name) + 2 + (len(text) - len(text.lstrip()))
        try:
            value = self.typer(text.strip())
        except ValueTypingError as error:
            self._unusable_value(text.strip(), error, value_column, at)
            return
        name, text = name.strip(), text.strip()
        found = trap_for_variable(name, value_trap(text, value)) if self.check_values else None
        self._warn_each(
            at,
            assignment_traps(
                name, self._name_trap(name), text, found, column=indent + 1, value_column=value_column
            ),
        )
        self._group(group_name).assignments.append(IniAssignments(at[0], [(name, value)], [indent + 1]))

    # --- :children lines ----------------------------------------------------------------
    def _child_line(self, group_name: str, line: str, indent: int, at: Position) -> None:
        match = CHILD_NAME.fullmatch(line)
        if match is None:
            self._error(
                at,
                "expected-group-name",
                f"expected a group name in [{shortened(group_name)}:children], got {quoted(line)}",
                indent + 1,
                len(line),
                hint="one group name a line; comments after it start with '#'",
            )
            return
        child = match.group(1)
        if child in self.existing_groups:
            self._add_child(group_name, child, indent + 1, at)
            return
        waiting = self.pending.get(child)
        if waiting is None:
            self.pending[child] = _Pending(CHILDREN, at, indent + 1, [group_name])
        else:
            waiting.parents.append(group_name)

    def _resolve_pending_children(self, name: str) -> None:
        waiting = self.pending[name]
        for parent in waiting.parents:
            self._add_child(parent, name, waiting.column, waiting.at)
            parent_waiting = self.pending.get(parent)
            if parent_waiting is not None and parent_waiting.named_in is CHILDREN:
                self._resolve_pending_children(parent)
        del self.pending[name]

    def _add_child(self, parent: str, child: str, column: int, at: Position) -> None:
        edges = self.child_edges.setdefault(parent, {})
        if child in edges:
            return
        if child == parent or self._reaches(child, parent):
            self._error(
                at,
                "child-cycle",
                f"making {quoted(child)} a child of {quoted(parent)} creates a loop of groups",
                column,
                len(child),
                hint=f"remove {quoted(child)} from [{shortened(parent)}:children] or the line that makes "
                f"{quoted(parent)} a descendant of {quoted(child)}",
            )
            return
        edges[child] = None
        self._group(child)
        self._group(parent).children.append(child)
        self.model.steps.append(IniStep(parent, child, 0, 0))

    def _reaches(self, start: str, goal: str) -> bool:
        seen = {start}
        stack = [start]
        while stack:
            for child in self.child_edges.get(stack.pop(), ()):
                if child == goal:
                    return True
                if child not in seen:
                    seen.add(child)
                    stack.append(child)
        return False

    # --- recording ----------------------------------------------------------------------
    def _error(self, at: Position, code: str, message: str, column: int, span: int, *, hint: str) -> None:
        self.log.error(at, Finding(code, message, column, span, hint))

    def _warn_if(self, at: Position, found: Finding | None) -> None:
        if found is not None:
            self.log.warn(at, found)

    def _warn_each(self, at: Position, findings: list[Finding]) -> None:
        for found in findings:
            self.log.warn(at, found)

    def _name_trap(self, name: str) -> Trap | None:
        """The trap of a variable name, checked once per name."""
        if name not in self.name_traps:
            _remember(self.name_traps, name, unknown_variable_name(name))
        return self.name_traps[name]

    def _check_glued_comment(self, line: str, indent: int, at: Position | None = None) -> None:
        self._warn_if(at or (0, line), glued_comment(line, indent))

    def _check_redefinition(
        self, host: IniHost, port: int | None, assignments: IniAssignments | None, column: int, at: Position
    ) -> None:
        if (
            port is not None and host.port is not None and port != host.port
        ):  # checked here: once per repeated host
            self._warn_if(at, conflicting_port(host, port, column))
        if assignments is not None and host.assignments:
            earlier = self.latest_host_vars.get(host.name)
            if earlier is None:
                earlier = {variable.name: variable for variable in host.variable_list}
                self.latest_host_vars[host.name] = earlier
            for found in conflicting_variables(host.name, assignments, earlier):
                self.log.warn(at, found)
