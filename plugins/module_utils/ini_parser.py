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
and raised together in one :class:`IniParseError`.
"""

from __future__ import annotations

import contextlib
import gc
import re
import typing as t
from dataclasses import dataclass, field

from .ini_checks import Trap, trap_for_variable, unknown_variable_name, value_trap
from .ini_hosts import HostPatternError, expand_host_pattern, split_port
from .ini_model import (
    SEVERITY_ERROR,
    SEVERITY_WARNING,
    Diagnostic,
    IniAssignments,
    IniGroup,
    IniHost,
    IniInventory,
    IniStep,
    IniVariable,
    UntrustedText,
    quoted,
    shortened,
)
from .ini_values import ValueTypingError, type_value, type_value_as_string
from .ini_words import ShellWordsError, split_words

__all__ = ["MAX_ERRORS", "IniParseError", "parse_ini", "parse_ini_file"]

# --- grammar ----------------------------------------------------------------------------
# Whole-line comments start with one of these (after leading blanks).
COMMENT_MARKERS = frozenset("#;")
# '[name]' or '[name:kind]', then blanks and an optional '#' comment. A name is anything but
# ':', ']' and blanks; the kind is a word.
_SECTION = re.compile(r"\[([^:\]\s]+)(?::(\w+))?\]\s*(?:#.*)?")
# A line in a ':children' section: one group name, then blanks and an optional '#' comment.
_CHILD_NAME = re.compile(r"([^:\]\s]+)\s*(?:#.*)?")
# A header followed by a ';' comment, which the builtin does not recognise as a header.
_HEADER_WITH_SEMICOLON_COMMENT = re.compile(r"(\[[^\]\s]+\])\s*;.*")
# A '#' glued to the end of a word: shlex starts a comment there and cuts the value short.
_GLUED_COMMENT = re.compile(r"[^\s'\"]#")
# The first line of a YAML or JSON document.
_YAML_OR_JSON_START = re.compile(r"---|\{.*|[\w.-]+:\s*(?:#.*)?")
_UNDECODABLE = re.compile("[\udc80-\udcff]")
SECTION_KINDS = ("hosts", "children", "vars")
# Groups every Ansible inventory has before any source is read.
IMPLICIT_GROUPS = ("all", "ungrouped")
BYTE_ORDER_MARK = "\ufeff"
# How many errors one parse reports before it stops listing them.
MAX_ERRORS = 50

TYPERS: dict[str, t.Callable[[str], t.Any]] = {
    "literal_eval": type_value,
    "string": type_value_as_string,
}


class IniParseError(ValueError):
    """Every error found in one INI source; ``str()`` lists them with line, column and hint."""

    def __init__(self, diagnostics: list[Diagnostic], suppressed: int = 0) -> None:
        self.diagnostics = diagnostics
        self.suppressed = suppressed
        super().__init__(self.render())

    @property
    def first(self) -> Diagnostic:
        return self.diagnostics[0]

    def render(self) -> str:
        count = len(self.diagnostics) + self.suppressed
        noun = "error" if count == 1 else "errors"
        parts = [f"{count} {noun} in {self.first.source}:"]
        parts.extend(diagnostic.render() for diagnostic in self.diagnostics)
        if self.suppressed:
            parts.append(f"... and {self.suppressed} more errors not shown")
        return "\n".join(parts)


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
        data,
        path,
        known_groups=known_groups,
        transform_group_name=transform_group_name,
        typing=typing,
    )


def parse_ini(
    data: str | bytes,
    source: str = "<string>",
    *,
    known_groups: t.Iterable[str] = (),
    transform_group_name: t.Callable[[str], str] | None = None,
    typing: str = "literal_eval",
) -> IniInventory:
    """Parse INI inventory text into the data model.

    ``known_groups`` are groups the inventory already holds from earlier sources (they change
    what counts as "declared later"); ``transform_group_name`` is applied to section names
    as Ansible's ``TRANSFORM_INVALID_GROUP_CHARS`` would. Raises :class:`IniParseError`.
    """
    if typing not in TYPERS:
        raise ValueError(f"typing must be one of {', '.join(TYPERS)}, not {typing!r}")
    parser = _Parser(source, known_groups, transform_group_name, TYPERS[typing])
    with paused_garbage_collection():
        return parser.parse(decode_source(data))


@contextlib.contextmanager
def paused_garbage_collection() -> t.Iterator[None]:
    """Keep the cyclic garbage collector out of a burst of allocations.

    Parsing a large file makes hundreds of thousands of objects and none of them can form a
    garbage cycle, yet every 700 allocations the collector walks the young ones and now and
    then all of them: about a fifth of the parse time. It runs again as usual afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def decode_source(data: str | bytes) -> str:
    """Decode as Ansible does: UTF-8, undecodable bytes kept as lone surrogates."""
    if isinstance(data, bytes):
        return data.decode("utf-8", "surrogateescape")
    return data


def _has_undecodable_bytes(text: str) -> bool:
    """Whether decoding kept bytes that are not UTF-8 (as lone surrogates).

    Cheaper than searching the text: most files are ASCII, and a str that UTF-8 can encode
    holds no surrogate at all.
    """
    if text.isascii():
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _UNDECODABLE.search(text) is not None
    return False


@dataclass
class _Pending:
    """A group named before it was declared, waiting for its ``[name]`` or ``[name:children]``."""

    kind: str  # "children" (named as a child) or "vars" (only a [name:vars] section so far)
    line: int
    column: int
    line_text: str
    parents: list[str] = field(default_factory=list)


class _Parser:
    """The state of one parse: the builtin's ``InventoryData`` effects, recorded in a model."""

    def __init__(
        self,
        source: str,
        known_groups: t.Iterable[str],
        transform_group_name: t.Callable[[str], str] | None,
        typer: t.Callable[[str], t.Any],
    ) -> None:
        self.source = source
        self.transform = transform_group_name
        self.typer = typer
        self.model = IniInventory(source=source)
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
        # The host section being read: its group and how many members it had at its header.
        self.section_group: str | None = "ungrouped"
        self.section_start = 0
        self.errors: list[Diagnostic] = []
        self.suppressed_errors = 0
        self.line_number = 0
        self.raw_line = ""
        # Checks that depend only on a name are done once per name.
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
            self.line_number, self.raw_line = 1, lines[0]
            self._warn(
                "byte-order-mark",
                "the file starts with a UTF-8 byte-order mark; ignored (ansible.builtin.ini "
                "would read it as part of the first host name)",
                1,
                1,
                "save the file as UTF-8 without BOM",
            )
        has_undecodable = _has_undecodable_bytes(text)
        group_name = "ungrouped"
        kind = "hosts"
        for self.line_number, self.raw_line in enumerate(lines, 1):
            # 1. skip blank lines and whole-line comments.
            line = self.raw_line.strip()
            if not line or line[0] in COMMENT_MARKERS:
                continue
            # strip() gives back the very same object when there is nothing to strip.
            indent = 0 if line is self.raw_line else len(self.raw_line) - len(self.raw_line.lstrip())
            if has_undecodable and _UNDECODABLE.search(line):
                self._warn(
                    "not-utf8",
                    "bytes that are not UTF-8 are kept as they are (as ansible.builtin.ini does)",
                    indent + _UNDECODABLE.search(line).start() + 1,  # type: ignore[union-attr]
                    1,
                    "save the file as UTF-8",
                )
            # 2. a section header switches the group and the kind of lines that follow.
            if line[0] == "[":
                header = _SECTION.fullmatch(line)
                if header is not None:
                    self._end_host_section()
                    group_name, kind = self._enter_section(header, indent)
                    if kind == "hosts":
                        self.section_group = group_name
                        self.section_start = len(self.group_hosts.get(group_name, ()))
                    continue
                glued = _HEADER_WITH_SEMICOLON_COMMENT.fullmatch(line)
                if glued is not None and self._builtin_rejects_as_body(glued.group(1), line, kind):
                    # The builtin reads this line as a host, variable or child and fails there
                    # with an unrelated message (a host-range error, in a host section).
                    self._error(
                        "comment-after-header",
                        f"';' comment after the section header {shortened(glued.group(1))}",
                        indent + glued.end(1) + 1,
                        len(line) - glued.end(1),
                        "only '#' starts a comment after a header; a ';' comment needs a line of its own",
                    )
                    kind = "invalid"
                    continue
                if line[-1] == "]":
                    self._error(
                        "invalid-section",
                        f"invalid section header {quoted(line)}",
                        indent + 1,
                        len(line),
                        "a header is [group], [group:vars] or [group:children], "
                        "with no blanks inside the brackets",
                    )
                    kind = "invalid"
                    continue
            # 3. any other line is read by the kind of the current section.
            if kind == "hosts":
                self._host_line(group_name, line, indent)
            elif kind == "vars":
                self._vars_line(group_name, line, indent)
            elif kind == "children":
                self._child_line(group_name, line, indent)
            # kind "invalid": lines under a bad header are skipped; its error is reported.
        self._end_host_section()
        # 4. every group still pending was named but never declared.
        self._report_undeclared()
        if self.errors:
            self._explain_foreign_format(lines)
            raise IniParseError(self.errors, self.suppressed_errors)
        for name, members in self.group_hosts.items():
            self.model.groups[name].hosts = list(members)
        return self.model

    # --- sections -----------------------------------------------------------------------
    @staticmethod
    def _builtin_rejects_as_body(header: str, line: str, kind: str) -> bool:
        """Whether the builtin, reading ``[g] ; comment`` as a body line of ``kind``, fails.

        Only then is the line reported as a misplaced comment: the verdict stays the builtin's.
        """
        if kind == "children":
            return True  # ']' is never part of a child group name
        if kind == "vars":
            return "=" not in line
        if kind == "hosts":
            try:
                expand_host_pattern(header)
            except HostPatternError:
                return True
        return False

    def _enter_section(self, header: re.Match[str], indent: int) -> tuple[str, str]:
        written_name, written_kind = header.group(1), header.group(2)
        name = self.transform(written_name) if self.transform else written_name
        kind = written_kind or "hosts"
        if kind not in SECTION_KINDS:
            self._error(
                "unknown-section-type",
                f"section [{shortened(written_name)}:{shortened(written_kind)}] "
                f"has unknown type {quoted(written_kind)}",
                indent + header.start(2) + 1,
                len(written_kind),
                "the type after ':' must be 'vars' or 'children'",
            )
            return name, "invalid"
        if name not in self.existing_groups:
            # [g] and [g:children] declare a group; [g:vars] alone does not, so it is
            # remembered, unless g is already waiting to be declared as somebody's child.
            if kind == "vars" and name not in self.pending:
                self.pending[name] = _Pending("vars", self.line_number, indent + 2, self.raw_line)
            self._add_group(name, indent + 2)
        elif name not in self.model.groups:
            self._group(name).line = self.line_number
        waiting = self.pending.get(name)
        if waiting is not None and kind != "vars":
            if waiting.kind == "children":
                self._resolve_pending_children(name)
            else:
                del self.pending[name]
        return name, kind

    def _end_host_section(self) -> None:
        """Record the hosts the section now ending added to its group, as one step."""
        name = self.section_group
        if name is not None:
            stop = len(self.group_hosts.get(name, ()))
            if stop > self.section_start:
                self.model.steps.append(IniStep(name, None, self.section_start, stop))
            self.section_group = None

    def _add_group(self, name: str, column: int) -> IniGroup:
        group = IniGroup(name, self.line_number, column)
        self.model.groups[name] = group
        self.group_hosts[name] = {}
        self.existing_groups.add(name)
        return group

    def _group(self, name: str) -> IniGroup:
        """The model entry of an existing group, made on first use for implicit/known groups."""
        group = self.model.groups.get(name)
        if group is None:
            group = IniGroup(name, 0, 0)
            self.model.groups[name] = group
            self.group_hosts[name] = {}
        return group

    # --- host lines ---------------------------------------------------------------------
    def _host_line(self, group_name: str, line: str, indent: int) -> None:
        try:
            words, columns = split_words(line, indent + 1)
        except ShellWordsError as error:
            self._error(
                "unclosed-quote",
                f"cannot split host line: {error}",
                indent + error.offset + 1,
                len(line) - error.offset,
                "close the quote, or escape a literal quote or backslash with '\\'",
            )
            return
        if not words:
            return  # only a comment after blanks, e.g. an escaped-nothing line
        pattern, column = words[0], columns[0]
        if ":" in pattern or "[" in pattern or pattern == "---" or not pattern.strip():
            names, port = self._host_names(pattern, column)
            if names is None:
                return
        else:
            names, port = None, None  # a plain name: no port, no range, nothing to refuse
        assignments = None
        if len(words) > 1:
            assignments = self._host_variables(words, columns)
            if assignments is None:
                return
        if "#" in line:
            self._check_glued_comment(line, indent)
        if names is None:
            self._add_host(group_name, pattern, port, assignments, column)
            return
        self._group(group_name)  # even a range of no host makes the section's group
        for name in names:
            self._add_host(group_name, name, port, assignments, column)

    def _add_host(
        self,
        group_name: str,
        name: str,
        port: int | None,
        assignments: IniAssignments | None,
        column: int,
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
        line_number = self.line_number
        if host is None:
            records = [assignments] if assignments is not None and not to_group else []
            hosts[name] = new_tuple(IniHost, (name, line_number, column, port, records))
        else:
            if host.line != line_number:
                self._check_redefinition(host, port, assignments, column)
            if assignments is not None and not to_group:
                host.assignments.append(assignments)
                latest = self.latest_host_vars.get(name)
                if latest is not None:
                    latest.update((variable.name, variable) for variable in assignments.variables())
        members[name] = None
        if to_group:
            self._group(name).assignments.append(assignments)  # type: ignore[arg-type]
            self._warn_host_named_like_group(name, column)

    def _host_names(self, pattern: str, column: int) -> tuple[list[str] | None, int | None]:
        if ":" in pattern or "[" in pattern:
            address, port = split_port(pattern)
        else:
            address, port = pattern, None
        if port is None and pattern.strip().endswith(":"):
            self._error(
                "missing-port",
                f"host pattern {quoted(pattern)} ends in ':' but gives no port",
                column,
                len(pattern),
                "':' is reserved for a port: write host:22, or drop the ':'",
            )
            return None, None
        try:
            names = expand_host_pattern(address)
        except HostPatternError as error:
            self._error("bad-host-range", str(error), column, len(pattern), error.hint)
            return None, None
        if not names:
            self._warn(
                "empty-range",
                f"host pattern {quoted(pattern)} expands to no host at all",
                column,
                len(pattern),
                "a range runs from begin up to end: swap the bounds, e.g. [1:10] rather than [10:1]",
            )
        for name in names:
            if name.strip() == "---":
                self._error(
                    "yaml-document",
                    f"host pattern {quoted(pattern)} looks like a YAML document start",
                    column,
                    len(pattern),
                    "this file looks like YAML: name it *.yml, or use the yaml inventory plugin",
                )
                return None, None
            if not name:
                self._error(
                    "empty-host-name",
                    "empty host name",
                    column,
                    max(1, len(pattern)),
                    "give the host a name",
                )
                return None, None
        return names, port

    def _host_variables(self, words: list[str], columns: list[int]) -> IniAssignments | None:
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
                pair = self._assignment(words[index], columns[index])
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
        return new_tuple(IniAssignments, (self.line_number, pairs, columns))

    def _assignment(self, word: str, column: int) -> tuple[str, t.Any] | None:
        """Split ``word`` at its first '=' and type the value; warn of its traps, remember it if clean."""
        name, equals, text = word.partition("=")
        if not equals:
            self._error(
                "expected-key-value",
                f"expected key=value after the host name, got {quoted(word)}",
                column,
                len(word),
                "write name=value with no blanks around '='"
                if _BLANK_BESIDE_EQUALS.search(self.raw_line)
                else "quote values that contain blanks: key='two words'",
            )
            return None
        typed = self.trapped_texts.get(text)
        if typed is None:
            try:
                value = self.typer(text)
            except ValueTypingError as error:
                self._unusable_value(text, error, column + len(name) + 1)
                return None
            typed = (value, value_trap(text, value) if self.check_values else None)
        value, value_trap_found = typed
        if value_trap_found is not None:
            value_trap_found = trap_for_variable(name, value_trap_found)
        name_trap = self._name_trap(name)
        pair = (name, value)
        trapped = name_trap is not None or value_trap_found is not None
        if trapped:
            self._warn_traps(name, name_trap, text, value_trap_found, column=column)
        # Lists and dicts stay fresh per line, as the builtin makes them. A trapped word is not
        # remembered (its warnings come each time), only its typed value.
        if type(value) in _IMMUTABLE_TYPES:
            if trapped:
                _remember(self.trapped_texts, text, typed)
            else:
                _remember(self.clean_words, word, pair)
        return pair

    def _typed(self, typer: t.Callable[[str], t.Any], text: str, column: int) -> t.Any:
        try:
            return typer(text)
        except ValueTypingError as error:
            self._unusable_value(text, error, column)
            return _FAILED

    def _unusable_value(self, text: str, error: ValueTypingError, column: int) -> None:
        self._error(
            "unusable-value",
            f"value {quoted(text)} cannot be used: {error}",
            column,
            len(text),
            "quote the value to keep it as a string",
        )

    # --- :vars lines --------------------------------------------------------------------
    def _vars_line(self, group_name: str, line: str, indent: int) -> None:
        name, equals, text = line.partition("=")
        if not equals:
            self._error(
                "expected-key-value",
                f"expected key=value in [{shortened(group_name)}:vars], got {quoted(line)}",
                indent + 1,
                len(line),
                "each line of a :vars section is one name=value",
            )
            return
        value_column = indent + len(name) + 2 + (len(text) - len(text.lstrip()))
        value = self._typed(self.typer, text.strip(), value_column)
        if value is _FAILED:
            return
        name, text = name.strip(), text.strip()
        found = trap_for_variable(name, value_trap(text, value)) if self.check_values else None
        self._warn_traps(
            name, self._name_trap(name), text, found, column=indent + 1, value_column=value_column
        )
        self._group(group_name).assignments.append(
            IniAssignments(self.line_number, [(name, value)], [indent + 1])
        )

    # --- :children lines ----------------------------------------------------------------
    def _child_line(self, group_name: str, line: str, indent: int) -> None:
        match = _CHILD_NAME.fullmatch(line)
        if match is None:
            self._error(
                "expected-group-name",
                f"expected a group name in [{shortened(group_name)}:children], got {quoted(line)}",
                indent + 1,
                len(line),
                "one group name a line; comments after it start with '#'",
            )
            return
        child = match.group(1)
        if child in self.existing_groups:
            self._add_child(group_name, child, indent + 1)
            return
        waiting = self.pending.get(child)
        if waiting is None:
            self.pending[child] = _Pending(
                "children", self.line_number, indent + 1, self.raw_line, [group_name]
            )
        else:
            waiting.parents.append(group_name)

    def _resolve_pending_children(self, name: str) -> None:
        waiting = self.pending[name]
        for parent in waiting.parents:
            self._add_child(parent, name, waiting.column)
            parent_waiting = self.pending.get(parent)
            if parent_waiting is not None and parent_waiting.kind == "children":
                self._resolve_pending_children(parent)
        del self.pending[name]

    def _add_child(self, parent: str, child: str, column: int) -> None:
        edges = self.child_edges.setdefault(parent, {})
        if child in edges:
            return
        if child == parent or self._reaches(child, parent):
            self._error(
                "child-cycle",
                f"making {quoted(child)} a child of {quoted(parent)} creates a loop of groups",
                column,
                len(child),
                f"remove {quoted(child)} from [{shortened(parent)}:children] or the line that makes "
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

    # --- traps (warnings) ---------------------------------------------------------------
    def _name_trap(self, name: str) -> Trap | None:
        """The trap of a variable name, checked once per name."""
        if name not in self.name_traps:
            self.name_traps[name] = unknown_variable_name(name)
        return self.name_traps[name]

    def _warn_traps(
        self,
        name: str,
        name_trap: Trap | None,
        text: str,
        found: Trap | None,
        *,
        column: int,
        value_column: int | None = None,
    ) -> None:
        """Warn about the traps already found for an assignment's name and value."""
        if name_trap is not None:
            self._warn(name_trap[0], name_trap[1], column, max(1, len(name)), name_trap[2])
        if found is not None:
            where = column + len(name) + 1 if value_column is None else value_column
            self._warn(found[0], found[1], where, max(1, len(text)), found[2])

    def _check_glued_comment(self, line: str, indent: int) -> None:
        # The quotes before each match are counted once, from where the last count stopped.
        singles = doubles = counted = 0
        for glued in _GLUED_COMMENT.finditer(line):
            end = glued.start() + 1
            singles += line.count("'", counted, end)
            doubles += line.count('"', counted, end)
            counted = end
            if singles % 2 == 0 and doubles % 2 == 0:
                self._warn(
                    "comment-cuts-value",
                    "'#' right after a word starts a comment: the rest of the line is dropped",
                    indent + glued.start() + 2,
                    len(line) - glued.start() - 1,
                    "quote a value that contains '#' (pass='ab#cd'), or put a blank before a comment",
                )
                return

    def _check_redefinition(
        self, host: IniHost, port: int | None, assignments: IniAssignments | None, column: int
    ) -> None:
        if port is not None and host.port is not None and port != host.port:
            self._warn(
                "conflicting-port",
                f"host {quoted(host.name)} was given port {host.port} on line {host.line}; "
                f"port {port} here is ignored",
                column,
                len(host.name),
                "give each host one port, or set ansible_port explicitly",
            )
        if assignments is not None and host.assignments:
            earlier = self.latest_host_vars.get(host.name)
            if earlier is None:
                earlier = {variable.name: variable for variable in host.vars}
                self.latest_host_vars[host.name] = earlier
            for variable in assignments.variables():
                previous = earlier.get(variable.name)
                if previous is not None and previous.value != variable.value:
                    self._warn(
                        "conflicting-variable",
                        f"host {quoted(host.name)} sets {variable.name}={shortened(repr(variable.value))} "
                        f"here and {shortened(repr(previous.value))} on line {previous.line}; "
                        "the later one wins",
                        variable.column,
                        len(variable.name),
                        "define a host's variables in one place, or move shared ones to a :vars section",
                    )

    def _warn_host_named_like_group(self, name: str, column: int) -> None:
        # Only where it has an effect (variables on the line), and once per name.
        if name in self.clashes_warned:
            return
        self.clashes_warned.add(name)
        self._warn(
            "host-named-like-group",
            f"{quoted(name)} is also a group, so the variables on this line go to the group {quoted(name)}, "
            "not to the host",
            column,
            len(name),
            f"rename the host or the group, or set them in [{shortened(name)}:vars] if the group is meant",
        )

    def _explain_foreign_format(self, lines: list[str]) -> None:
        first = next((line.strip() for line in lines if line.strip() and line.strip()[0] not in "#;"), "")
        if _YAML_OR_JSON_START.fullmatch(first) is None or self.errors[0].code == "yaml-document":
            return
        self.errors.insert(
            0,
            Diagnostic(
                SEVERITY_ERROR,
                "not-ini",
                "this file looks like YAML or JSON, not INI",
                self.source,
                next(number for number, line in enumerate(lines, 1) if line.strip() == first),
                1,
                first,
                "name it *.yml / *.json so the yaml or json inventory plugins read it",
                len(first),
            ),
        )

    # --- errors -------------------------------------------------------------------------
    def _report_undeclared(self) -> None:
        for name, waiting in self.pending.items():
            self.line_number = waiting.line
            self.raw_line = waiting.line_text
            if waiting.kind == "vars":
                message = (
                    f"section [{shortened(name)}:vars] is for group {quoted(name)}, which is never declared"
                )
                hint = f"declare the group with a [{shortened(name)}] or [{shortened(name)}:children] section"
            else:
                message = (
                    f"section [{shortened(waiting.parents[-1])}:children] includes group {quoted(name)}, "
                    "which is never declared"
                )
                hint = f"declare it with a [{shortened(name)}] section (it may be empty), or fix the name"
                if "=" in name:
                    parent = shortened(waiting.parents[-1])
                    hint = f"a name=value line belongs under [{parent}:vars], not :children"
                if name in self.model.hosts:
                    parent = shortened(waiting.parents[-1])
                    hint = f"{quoted(name)} is a host: list it under [{parent}], not :children"
            self._error("undefined-group", message, waiting.column, len(name), hint)

    def _warn(self, code: str, message: str, column: int, span: int, hint: str) -> None:
        self.model.diagnostics.append(
            self._diagnostic(SEVERITY_WARNING, code, message, column=column, span=span, hint=hint)
        )

    def _error(self, code: str, message: str, column: int, span: int, hint: str) -> None:
        if len(self.errors) >= MAX_ERRORS:
            self.suppressed_errors += 1
            return
        self.errors.append(
            self._diagnostic(SEVERITY_ERROR, code, message, column=column, span=span, hint=hint)
        )

    def _diagnostic(
        self, severity: str, code: str, message: str, *, column: int, span: int, hint: str
    ) -> Diagnostic:
        return Diagnostic(
            severity, code, message, self.source, self.line_number, column, self.raw_line, hint, span
        )


def _remember(memo: dict[str, t.Any], key: str, value: t.Any) -> None:
    # Bounded: a file of a million different values does not keep them all.
    if len(memo) >= _MEMO_LIMIT:
        memo.clear()
    memo[key] = value


_FAILED = object()
_BLANK_BESIDE_EQUALS = re.compile(r"\s=|=\s")
_IMMUTABLE_TYPES = frozenset((str, UntrustedText, int, float, bool, type(None)))
_MEMO_LIMIT = 65536
# tuple.__new__ builds a named tuple without its Python-level constructor.
new_tuple = tuple.__new__
