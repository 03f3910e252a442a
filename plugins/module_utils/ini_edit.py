# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Edit an INI inventory as inventory: text in, text out, nothing else changed.

Standard library only; the ``ini_host`` and ``ini_group`` modules are thin shells around
:func:`edit_host` and :func:`edit_group`. An edit works on the file's lines as they are
(content and line ending kept apart, a byte-order mark aside), changes only the lines it must,
and then proves itself:

1. parse the text; a file the parser rejects is refused with its diagnostics;
2. work out the inventory that should result: the parsed one plus exactly the request;
3. edit the lines: rewrite a word or a value in place, delete a line, or insert new lines in
   the style of their neighbours where a person would put them;
4. parse the new text and compare its inventory with the expected one (every group, host,
   membership, port and variable, with exact types); any difference refuses the edit.

Lines are classified here with the parser's own grammar (the section header pattern is
repeated from :mod:`ini_parser`, which keeps it private); host lines are split with
:func:`ini_words.split_words` and values typed with :func:`ini_values.type_value`, so what the
edit reads is what the parser reads.
"""

from __future__ import annotations

import math
import re
import typing as t
from dataclasses import dataclass, field, replace

from .ini_checks import value_trap
from .ini_diagnostics import IniParseError
from .ini_hosts import HostPatternError, expand_host_pattern, split_port
from .ini_lines import BYTE_ORDER_MARK, CHILD_NAME, HeaderShape, section_line
from .ini_model import IniInventory, UntrustedText
from .ini_parser import parse_ini
from .ini_values import ValueTypingError, type_value
from .ini_words import ShellWordsError, split_words

__all__ = [
    "EditError",
    "EditResult",
    "GroupRequest",
    "HostRequest",
    "edit_group",
    "edit_host",
    "inventory_view",
    "render_value",
    "same_value",
]

# --- grammar (as ini_parser reads it) ----------------------------------------------------
_COMMENT_MARKERS = "#;"
# A host-line word as written: bare characters, quoted runs and escapes; '#' outside quotes
# starts a comment (shlex's rule, even in the middle of a word).
_SHELL_BLANKS = re.compile(r"[ \t]*")
_RAW_WORD = re.compile(r"""(?:[^ \t'"\\#]|'[^']*'|"(?:[^"\\]|\\.)*"|\\.)+""", re.DOTALL)
# Characters str.splitlines() ends a line at: a value must never contain one.
_LINE_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
# A group name the parser reads back as written, in a header and in a :children line.
_GROUP_NAME = re.compile(r"[^:\]\[\s#;=,'\"\\]+")
# A host name written as one bare word.
_HOST_NAME_FORBIDDEN = frozenset(" \t'\"\\#[]=,")
_IMPLICIT_GROUPS = ("all", "ungrouped")
# A first word with nothing shlex or the host pattern would change, followed by a blank or the end.
_PLAIN_FIRST_WORD = re.compile(r"""[ \t]*([^ \t'"\\#:\[]+)(?=[ \t]|$)""")


class EditError(ValueError):
    """An edit that is refused: it cannot be written exactly, or it would change more than asked."""


@dataclass
class HostRequest:
    """What ``ini_host`` asks for. ``None`` means "leave as it is"."""

    name: str
    state: str = "present"
    port: int | None = None
    groups: list[str] | None = None
    exclusive: bool = False
    vars: dict[str, t.Any] = field(default_factory=dict)
    remove_vars: list[str] = field(default_factory=list)


@dataclass
class GroupRequest:
    """What ``ini_group`` asks for. ``None`` means "leave as it is"."""

    name: str
    state: str = "present"
    children: list[str] | None = None
    exclusive_children: bool = False
    parents: list[str] | None = None
    exclusive_parents: bool = False
    vars: dict[str, t.Any] = field(default_factory=dict)
    remove_vars: list[str] = field(default_factory=list)


@dataclass
class EditResult:
    """The new text, whether it differs, the entity before and after, and what was touched."""

    text: str
    changed: bool
    before: dict[str, t.Any] | None
    after: dict[str, t.Any] | None
    # 0-based indices of the original lines that were rewritten or deleted.
    touched: set[int]
    # Warnings the parser gives for the new text that it did not give before.
    warnings: list[str]


# --- values -----------------------------------------------------------------------------
def same_value(left: t.Any, right: t.Any) -> bool:
    """Equal with exact types: ``1``, ``1.0``, ``True`` and ``'1'`` all differ; dict order does not matter."""
    if type(left) is not type(right):
        return False
    if isinstance(left, list):
        return len(left) == len(right) and all(same_value(a, b) for a, b in zip(left, right, strict=True))
    if isinstance(left, dict):
        return left.keys() == right.keys() and all(same_value(left[key], right[key]) for key in left)
    if isinstance(left, float) and math.isnan(left):
        return math.isnan(right)
    return bool(left == right)


def _natural_text(value: t.Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, (bool, int)) or value is None:
        return str(value)
    if isinstance(value, float):
        return repr(value)
    return None


def _breaks_line(text: str) -> bool:
    return any(character in _LINE_BREAKS for character in text)


def _reads_back(text: str, value: t.Any) -> bool:
    """Whether ``text`` types as exactly ``value``, with no trap the parser would warn about.

    The one trap allowed is ``escape-sequence`` for a value that holds a character no INI line
    can carry as it is (a line break, a control character): there the escape is what was meant.
    """
    if _breaks_line(text):
        return False
    try:
        typed = type_value(text)
    except ValueTypingError:
        return False
    if not same_value(typed, value):
        return False
    trap = value_trap(text, typed)
    return trap is None or (trap[0] == "escape-sequence" and _needs_escapes(value))


def _needs_escapes(value: t.Any) -> bool:
    """Whether a string in ``value`` has a character that can only be written as an escape."""
    if isinstance(value, str):
        return not value.isprintable()
    if isinstance(value, dict):
        return any(_needs_escapes(key) or _needs_escapes(item) for key, item in value.items())
    if isinstance(value, (list, tuple, set)):
        return any(_needs_escapes(item) for item in value)
    return False


def _shell_forms(text: str) -> list[str]:
    double = '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return [text, f"'{text}'", double]


def render_value(value: t.Any, *, on_host_line: bool) -> str:
    """The text to write after ``name=`` so that the parser reads back exactly ``value``.

    On a host line the text is one shell word (shlex removes one level of quoting before
    ``literal_eval`` sees it); in a ``:vars`` section it is the rest of the line, stripped.
    The plainest spelling that reads back exactly, with no parser warning, wins.
    """
    if isinstance(value, (tuple, set)):
        value = list(value)
    if isinstance(value, UntrustedText):
        raise EditError(f"cannot write {value!r}: text from a bytes literal is not written by this module")
    natural = _natural_text(value)
    literal = repr(value)
    texts = [literal, natural] if value == "" else [natural, literal]
    for text in texts:
        if text is None or not _reads_back(text, value):
            continue
        if not on_host_line:
            if text == text.strip():
                return text
            continue
        for word in _shell_forms(text):
            if word.endswith("]"):
                # A host line that starts with '[' (an IPv6 address with a port) and ends with
                # ']' is read as a section header: never end a word with one.
                continue
            try:
                words, _columns = split_words("v=" + word)
            except ShellWordsError:
                continue
            if words == ["v=" + text]:
                return word
    raise EditError(f"cannot write {value!r} so that the inventory reads back the same value and type")


# --- the file as lines ------------------------------------------------------------------
@dataclass
class _Line:
    content: str
    ending: str
    origin: int | None  # index in the original file, None for a new line


class _HostLine(t.NamedTuple):
    words: list[str]
    spans: list[tuple[int, int]]  # where each word is written in the line's content
    names: list[str]
    port: int | None
    # Per assignment word (index into words): (name, typed value).
    assignments: list[tuple[int, str, t.Any]]

    @property
    def single(self) -> bool:
        return len(self.names) == 1


@dataclass
class _Section:
    group: str
    kind: str  # "hosts", "children" or "vars"
    header: int | None  # line index; None for the hosts before the first header
    body: list[int] = field(default_factory=list)  # lines that are neither blank nor comment

    @property
    def last(self) -> int:
        """The line after which a new body line goes: the last body line, else the header."""
        if self.body:
            return self.body[-1]
        return -1 if self.header is None else self.header


def _split_ending(line: str) -> tuple[str, str]:
    if line.endswith("\r\n"):
        return line[:-2], "\r\n"
    if line and line[-1] in _LINE_BREAKS:
        return line[:-1], line[-1]
    return line, ""


def _is_trivia(content: str) -> bool:
    stripped = content.strip()
    return not stripped or stripped[0] in _COMMENT_MARKERS


class _Document:
    """The lines of an INI inventory, classified as the parser reads them, and edits on them."""

    def __init__(self, text: str) -> None:
        self.bom = BYTE_ORDER_MARK if text.startswith(BYTE_ORDER_MARK) else ""
        body = text[len(self.bom) :]
        self.lines = [_Line(*_split_ending(line), index) for index, line in enumerate(body.splitlines(True))]
        self.touched: set[int] = set()
        endings = [line.ending for line in self.lines if line.ending]
        self.ending = max(set(endings), key=endings.count) if endings else "\n"
        self._sections: list[_Section] | None = None
        self._host_lines: dict[str, _HostLine] = {}
        self._lines_of: dict[str, list[tuple[int, _Section]]] | None = None

    def render(self) -> str:
        return self.bom + "".join(line.content + line.ending for line in self.lines)

    # -- classification --
    @property
    def sections(self) -> list[_Section]:
        if self._sections is None:
            self._sections = self._scan()
        return self._sections

    def _scan(self) -> list[_Section]:
        sections = [_Section("ungrouped", "hosts", None)]
        for index, line in enumerate(self.lines):
            if _is_trivia(line.content):
                continue
            stripped = line.content.strip()
            # A header as the parser reads it (a file it accepts has no other '[' line shape).
            header = section_line(stripped) if stripped[0] == "[" else None
            if header is not None and header.shape is HeaderShape.SECTION:
                sections.append(_Section(header.name, header.type_word or "hosts", index))
            else:
                sections[-1].body.append(index)
        return sections

    def host_line(self, index: int) -> _HostLine:
        content = self.lines[index].content
        parsed = self._host_lines.get(content)
        if parsed is None:
            parsed = _read_host_line(content, index)
            self._host_lines[content] = parsed
        return parsed

    def sections_of(self, group: str, kind: str | None = None) -> list[_Section]:
        return [s for s in self.sections if s.group == group and (kind is None or s.kind == kind)]

    def host_lines_of(self, name: str) -> list[tuple[int, _Section]]:
        """Every host line whose pattern includes ``name``, in file order, with its section."""
        if self._lines_of is None:
            self._lines_of = self._index_host_lines()
        return list(self._lines_of.get(name, ()))

    def _index_host_lines(self) -> dict[str, list[tuple[int, _Section]]]:
        """Host name -> its lines, in one pass; a line whose first word is plain is not split."""
        index: dict[str, list[tuple[int, _Section]]] = {}
        for section in self.sections:
            if section.kind != "hosts":
                continue
            for number in section.body:
                plain = _plain_pattern(self.lines[number].content)
                names = [plain] if plain is not None else self.host_line(number).names
                for name in names:
                    index.setdefault(name, []).append((number, section))
        return index

    def declared(self, group: str) -> bool:
        return group in _IMPLICIT_GROUPS or any(
            s.header is not None and s.kind in ("hosts", "children") for s in self.sections_of(group)
        )

    def describe(self, index: int) -> str:
        line = self.lines[index]
        where = f"line {line.origin + 1}" if line.origin is not None else "a new line"
        return f"{where} ({line.content.strip()!r})"

    # -- edits --
    def _changed(self) -> None:
        self._sections = None
        self._lines_of = None

    def replace(self, index: int, content: str) -> None:
        line = self.lines[index]
        if line.content == content:
            return
        if line.origin is not None:
            self.touched.add(line.origin)
        line.content = content
        self._changed()

    def delete(self, index: int) -> None:
        line = self.lines.pop(index)
        if line.origin is not None:
            self.touched.add(line.origin)
        if index == len(self.lines) and not line.ending and self.lines:
            # The file had no final newline: neither has it now.
            self._set_ending(len(self.lines) - 1, "")
        self._changed()

    def insert(self, index: int, contents: list[str]) -> None:
        """Insert lines before ``index`` with the line ending of their neighbours."""
        ending = self.ending
        if 0 < index <= len(self.lines) and self.lines[index - 1].ending:
            ending = self.lines[index - 1].ending
        new = [_Line(content, ending, None) for content in contents]
        if index == len(self.lines) and self.lines and not self.lines[-1].ending:
            # Appending to a file without a final newline: the old last line gets one, the new
            # last line keeps the file without.
            self._set_ending(len(self.lines) - 1, ending)
            new[-1].ending = ""
        self.lines[index:index] = new
        self._changed()

    def _set_ending(self, index: int, ending: str) -> None:
        line = self.lines[index]
        if line.ending != ending:
            if line.origin is not None:
                self.touched.add(line.origin)
            line.ending = ending

    # -- style --
    def separator_before_sections(self) -> bool:
        """Whether the file puts a blank line before its section headers (or has none yet)."""
        headers = [s.header for s in self.sections if s.header is not None and s.header > 0]
        if not headers:
            return bool(self.lines) and not _is_blank(self.lines[-1].content)
        blank = sum(1 for h in headers if _is_blank(self.lines[h - 1].content))
        return blank * 2 >= len(headers)

    def host_line_text(
        self, section: _Section, pattern: str, words: list[str], before: int | None = None
    ) -> str:
        """A host line in ``section``, indented and spaced like the host line above it.

        ``before``: the line it will stand in for (its neighbour is the host line above it);
        else it goes after the last line of the section.
        """
        indent, gap = "", " "
        above = [index for index in section.body if before is None or index < before]
        if above:
            content = self.lines[above[-1]].content
            indent = content[: len(content) - len(content.lstrip())]
            parsed = self.host_line(above[-1])
            if len(parsed.spans) > 1:
                first_end, second_start = parsed.spans[0][1], parsed.spans[1][0]
                written_gap = content[first_end:second_start]
                if "\t" in written_gap:
                    gap = written_gap
                elif len(written_gap) > 1:
                    # Aligned columns: start the variables where the neighbour's start.
                    column = second_start - len(indent)
                    gap = " " * max(1, column - len(pattern))
        return indent + gap.join([pattern, *words])

    def vars_line_text(self, section: _Section, name: str, text: str) -> str:
        indent, before, after = "", "", ""
        if section.body:
            content = self.lines[section.body[-1]].content
            match = re.match(r"(\s*)[^=]*?(\s*)=(\s*)", content)
            if match is not None:
                indent, before, after = match.groups()
        return f"{indent}{name}{before}={after}{text}"

    def add_section(self, header: str, contents: list[str], after_group: str | None = None) -> None:
        """Add ``[header]`` and its lines after the last section of ``after_group``, else at the end."""
        sections = self.sections_of(after_group) if after_group else []
        sections = [s for s in sections if s.header is not None]
        at = max(s.last for s in sections) + 1 if sections else len(self.lines)
        blank = self.separator_before_sections() and at > 0 and not _is_blank(self.lines[at - 1].content)
        self.insert(at, ([""] if blank else []) + [header, *contents])


def _is_blank(content: str) -> bool:
    return not content.strip()


def _plain_pattern(content: str) -> str | None:
    """The host a line names, when its first word is plain (no quote, escape, comment, port or range).

    Most lines are like that, and then the line need not be split to know whose it is.
    """
    plain = _PLAIN_FIRST_WORD.match(content)
    return None if plain is None else plain.group(1)


def _read_host_line(content: str, index: int) -> _HostLine:
    """Words, where each is written, the hosts and port of the pattern, and the typed assignments."""
    try:
        words, _columns = split_words(content)
    except ShellWordsError as error:  # the parser accepted the file, so this does not happen
        raise EditError(f"cannot read line {index + 1}: {error}") from error
    spans = []
    position = 0
    while True:
        position = _SHELL_BLANKS.match(content, position).end()  # type: ignore[union-attr]
        if position >= len(content) or content[position] == "#":
            break
        word = _RAW_WORD.match(content, position)
        if word is None:
            break
        spans.append(word.span())
        position = word.end()
    if len(spans) != len(words):
        raise EditError(f"cannot find the words of line {index + 1} ({content.strip()!r})")
    if not words:
        return _HostLine(words, spans, [], None, [])
    pattern = words[0]
    names, port = [pattern], None
    if ":" in pattern or "[" in pattern:
        address, port = split_port(pattern)
        try:
            names = expand_host_pattern(address)
        except HostPatternError as error:
            raise EditError(f"cannot read line {index + 1}: {error}") from error
    assignments = []
    for place, assignment in enumerate(words[1:], 1):
        name, _equals, text = assignment.partition("=")
        assignments.append((place, name, type_value(text)))
    return _HostLine(words, spans, names, port, assignments)


# --- the inventory as plain data, for comparison -----------------------------------------
def inventory_view(model: IniInventory) -> dict[str, t.Any]:
    """Groups (hosts, children, variables) and hosts (port, variables), later assignments winning.

    The implicit groups ``all`` and ``ungrouped`` are left out while they hold nothing.
    """
    groups = {}
    for name, group in model.groups.items():
        entry = {"hosts": list(group.hosts), "children": list(group.children), "vars": group.variables()}
        if name in _IMPLICIT_GROUPS and not (entry["hosts"] or entry["children"] or entry["vars"]):
            continue
        groups[name] = entry
    hosts = {name: {"port": host.port, "vars": host.variables()} for name, host in model.hosts.items()}
    return {"groups": groups, "hosts": hosts}


def _kept_order(expected: list[str], actual: list[str], old: list[str]) -> bool:
    """Same members, and those that were there before keep their relative order.

    New children may sit anywhere: a child declared later in the file is added when its
    section is read, so the order of new children follows the file, not the request.
    """
    if sorted(expected) != sorted(actual):
        return False
    present = set(actual)
    kept = [item for item in old if item in present]
    keep = set(kept)
    return kept == [item for item in actual if item in keep]


def _differences(
    expected: dict[str, t.Any],
    actual: dict[str, t.Any],
    old: dict[str, t.Any],
    movable: t.Collection[str] = (),
) -> list[str]:
    """What differs between two views.

    New groups and hosts may sit anywhere in the order, and so may the ``movable`` hosts (the
    host being edited: moving it to another group moves its first line, and so its place).
    """
    _drop_empty_implicit(expected)
    found = []
    for kind in ("groups", "hosts"):
        want, got = expected[kind], actual[kind]
        if set(want) != set(got):
            missing, extra = sorted(set(want) - set(got)), sorted(set(got) - set(want))
            found.append(f"{kind} differ: missing {missing}, unexpected {extra}")
            continue
        # The implicit groups have no place of their own: they appear where they are first used.
        old_names = [
            name
            for name in old[kind]
            if name in want and name not in movable and name not in _IMPLICIT_GROUPS
        ]
        old_set = set(old_names)
        if old_names != [name for name in got if name in old_set]:
            found.append(f"the order of {kind} changed")
        for name, entry in want.items():
            other = got[name]
            for key, value in entry.items():
                if key == "vars":
                    if not same_value(value, other[key]):
                        found.append(
                            f"{kind[:-1]} {name!r} variables: expected {value!r}, got {other[key]!r}"
                        )
                elif key == "children":
                    if not _kept_order(value, other[key], old[kind].get(name, {}).get(key, [])):
                        found.append(f"group {name!r} children: expected {value}, got {other[key]}")
                elif value != other[key]:
                    found.append(f"{kind[:-1]} {name!r} {key}: expected {value!r}, got {other[key]!r}")
    return found


def _drop_empty_implicit(view: dict[str, t.Any]) -> None:
    for implicit in _IMPLICIT_GROUPS:
        entry = view["groups"].get(implicit)
        if entry is not None and not (entry["hosts"] or entry["children"] or entry["vars"]):
            del view["groups"][implicit]


def _parse(text: str, source: str) -> IniInventory:
    return parse_ini(text, source)


def _verify(
    new_text: str,
    source: str,
    *,
    expected: dict[str, t.Any],
    old_view: dict[str, t.Any],
    old_model: IniInventory,
    movable: t.Collection[str],
) -> tuple[dict[str, t.Any], list[str]]:
    try:
        model = _parse(new_text, source)
    except IniParseError as error:
        raise EditError(f"the edited text would not parse, nothing written:\n{error.render()}") from error
    new_view = inventory_view(model)
    problems = _differences(expected, new_view, old_view, movable)
    if problems:
        raise EditError("the edit would change more than was asked, nothing written: " + "; ".join(problems))
    # Compared by the line's text, not its number: lines below an inserted one move down.
    before = {(d.code, d.line_text.strip()) for d in old_model.diagnostics}
    warnings = [d.render() for d in model.diagnostics if (d.code, d.line_text.strip()) not in before]
    return new_view, warnings


# --- checks on the request --------------------------------------------------------------
def _check_variables(to_set: t.Iterable[str], to_remove: t.Iterable[str]) -> None:
    both = sorted(set(to_set) & set(to_remove))
    if both:
        raise EditError(f"variables {both} are both set and removed; give each in vars or remove_vars only")
    for name in [*to_set, *to_remove]:
        if not isinstance(name, str) or not name.isidentifier():
            raise EditError(f"variable name {name!r} is not a valid identifier")


def _check_group_name(name: str) -> None:
    if not _GROUP_NAME.fullmatch(name or ""):
        raise EditError(f"group name {name!r} cannot be written in an INI inventory")


def _check_host_name(name: str) -> None:
    bad = (
        not name
        or any(character in _HOST_NAME_FORBIDDEN or character in _LINE_BREAKS for character in name)
        or name[0] in _COMMENT_MARKERS
        or name == "---"
        or split_port(name) != (name, None)
    )
    if bad:
        raise EditError(f"host name {name!r} must be one host written as one word (no range, port or quotes)")


def _host_pattern(name: str, port: int | None) -> str:
    if port is None:
        return name
    pattern = f"[{name}]:{port}" if ":" in name else f"{name}:{port}"
    if split_port(pattern) != (name, port):
        raise EditError(f"cannot write host {name!r} with port {port}")
    return pattern


# --- host edits -------------------------------------------------------------------------
def _host_entity(view: dict[str, t.Any], name: str) -> dict[str, t.Any] | None:
    host = view["hosts"].get(name)
    if host is None:
        return None
    groups = [group for group, entry in view["groups"].items() if name in entry["hosts"]]
    return {"name": name, "port": host["port"], "groups": groups, "vars": host["vars"]}


def _memberships(doc: _Document, name: str) -> list[str]:
    groups: list[str] = []
    for _index, section in doc.host_lines_of(name):
        if section.group not in groups:
            groups.append(section.group)
    return groups


def _refuse_range(doc: _Document, index: int, name: str, action: str) -> None:
    raise EditError(
        f"cannot {action} for host {name!r} alone: it comes from the range on {doc.describe(index)}; "
        "write the host on a line of its own first"
    )


def _set_host_var(doc: _Document, name: str, key: str, value: t.Any) -> None:
    lines = doc.host_lines_of(name)
    last_assigning: int | None = None
    for index, _section in lines:
        for _position, assigned, _value in doc.host_line(index).assignments:
            if assigned == key:
                last_assigning = index
    current = _effective(doc, name).get(key, _MISSING)
    if current is not _MISSING and same_value(current, value):
        return
    word = f"{key}={render_value(value, on_host_line=True)}"
    if last_assigning is not None and doc.host_line(last_assigning).single:
        _rewrite_assignment(doc, last_assigning, key, word)
        return
    later = [
        index
        for index, _section in lines
        if doc.host_line(index).single and (last_assigning is None or index > last_assigning)
    ]
    if later:
        _append_word(doc, later[0], word)
        return
    # Only range lines: a line of its own right after the last one that matters, in its section.
    anchor = last_assigning if last_assigning is not None else lines[-1][0]
    section = next(section for index, section in lines if index == anchor)
    doc.insert(anchor + 1, [doc.host_line_text(section, name, [word])])


_MISSING = object()


def _effective(doc: _Document, name: str) -> dict[str, t.Any]:
    values: dict[str, t.Any] = {}
    for index, _section in doc.host_lines_of(name):
        for _position, key, value in doc.host_line(index).assignments:
            values[key] = value
    return values


def _rewrite_assignment(doc: _Document, index: int, key: str, word: str) -> None:
    parsed = doc.host_line(index)
    position = max(p for p, assigned, _value in parsed.assignments if assigned == key)
    start, end = parsed.spans[position]
    content = doc.lines[index].content
    doc.replace(index, content[:start] + word + content[end:])


def _append_word(doc: _Document, index: int, word: str) -> None:
    parsed = doc.host_line(index)
    content = doc.lines[index].content
    if len(parsed.spans) == 1 and not content[parsed.spans[0][1] :].strip():
        # A bare host line: write it again as a new line there would be, spaced like its neighbour.
        section = next(s for s in doc.sections if index in s.body)
        indent = content[: parsed.spans[0][0]]
        line = doc.host_line_text(section, content[parsed.spans[0][0] : parsed.spans[0][1]], [word], index)
        doc.replace(index, indent + line.lstrip(" \t"))
        return
    end = parsed.spans[-1][1]
    gap = " "
    if len(parsed.spans) > 2:
        written = content[parsed.spans[-2][1] : parsed.spans[-1][0]]
        gap = "\t" if "\t" in written else " "
    rest = content[end:]
    if rest.strip() and rest[:1] not in " \t":
        rest = " " + rest
    doc.replace(index, content[:end] + gap + word + rest)


def _remove_host_var(doc: _Document, name: str, key: str) -> None:
    for index, _section in doc.host_lines_of(name):
        parsed = doc.host_line(index)
        positions = [p for p, assigned, _value in parsed.assignments if assigned == key]
        if not positions:
            continue
        if not parsed.single:
            _refuse_range(doc, index, name, f"remove variable {key!r}")
        content = doc.lines[index].content
        for position in reversed(positions):
            end = parsed.spans[position][1]
            previous_end = parsed.spans[position - 1][1]
            content = content[:previous_end] + content[end:]
        doc.replace(index, content)


def _set_port(doc: _Document, name: str, port: int) -> None:
    lines = doc.host_lines_of(name)
    index = lines[0][0]
    parsed = doc.host_line(index)
    if parsed.port == port:
        return
    if not parsed.single:
        _refuse_range(doc, index, name, f"set port {port}")
    start, end = parsed.spans[0]
    content = doc.lines[index].content
    doc.replace(index, content[:start] + _host_pattern(name, port) + content[end:])


def _add_host_to_group(doc: _Document, name: str, group: str, port: int | None) -> None:
    pattern = _host_pattern(name, port)
    sections = doc.sections_of(group, "hosts")
    if group == "ungrouped":
        sections = [s for s in sections if s.header is not None or s.body]
    if sections:
        section = sections[-1]
        doc.insert(section.last + 1, [doc.host_line_text(section, pattern, [])])
        return
    if group == "ungrouped":
        # Above the first section (and the comments that introduce it), set off by a blank line;
        # in a file with no section yet, at the end.
        first = next((s.header for s in doc.sections if s.header is not None), None)
        if first is None:
            doc.insert(len(doc.lines), [pattern])
            return
        at = first
        while at > 0 and not _is_blank(doc.lines[at - 1].content) and _is_trivia(doc.lines[at - 1].content):
            at -= 1
        doc.insert(at, [pattern] + ([""] if at < len(doc.lines) else []))
        return
    doc.add_section(f"[{group}]", [pattern], after_group=group)


def _remove_host_from_group(doc: _Document, name: str, group: str) -> None:
    for index, section in reversed(doc.host_lines_of(name)):
        if section.group != group:
            continue
        if not doc.host_line(index).single:
            _refuse_range(doc, index, name, f"remove it from group {group!r}")
        doc.delete(index)


def _restore_host(doc: _Document, name: str, expected: dict[str, t.Any]) -> None:
    """Put back variables and the port that deleted lines carried, for a host that stays."""
    if not doc.host_lines_of(name):
        return
    effective = _effective(doc, name)
    for key, value in expected["vars"].items():
        if key not in effective or not same_value(effective[key], value):
            _set_host_var(doc, name, key, value)
    first = doc.host_line(doc.host_lines_of(name)[0][0])
    if expected["port"] is not None and first.port != expected["port"]:
        _set_port(doc, name, expected["port"])


def _expected_host(
    view: dict[str, t.Any], request: HostRequest, groups: list[str], current: list[str]
) -> None:
    name = request.name
    if request.state == "absent":
        view["hosts"].pop(name, None)
        for entry in view["groups"].values():
            if name in entry["hosts"]:
                entry["hosts"].remove(name)
        return
    host = view["hosts"].setdefault(name, {"port": None, "vars": {}})
    if request.port is not None:
        host["port"] = request.port
    host["vars"].update(request.vars)
    for key in request.remove_vars:
        host["vars"].pop(key, None)
    for group in groups:
        entry = view["groups"].setdefault(group, {"hosts": [], "children": [], "vars": {}})
        if name not in entry["hosts"]:
            entry["hosts"].append(name)
    if request.exclusive:
        for group in current:
            if group not in groups:
                view["groups"][group]["hosts"].remove(name)


def edit_host(text: str, request: HostRequest, source: str = "<string>") -> EditResult:
    """Apply ``request`` to the inventory ``text``. Raises IniParseError or EditError."""
    model = _parse(text, source)
    name = request.name
    _check_host_name(name)
    _check_variables(request.vars, request.remove_vars)
    for group in request.groups or ():
        _check_group_name(group)
    if name in model.groups or name in (request.groups or ()):
        raise EditError(f"{name!r} is also a group; a host named like a group gets that group's variables")
    for group in request.groups or ():
        if group in model.hosts:
            raise EditError(
                f"{group!r} is also a host; a group named like a host takes that host's variables"
            )
    old_view = inventory_view(model)
    before = _host_entity(old_view, name)
    doc = _Document(text)
    current = _memberships(doc, name)
    expected = {kind: {k: _copy(v) for k, v in entries.items()} for kind, entries in old_view.items()}
    if request.state == "absent":
        for index, _section in reversed(doc.host_lines_of(name)):
            if not doc.host_line(index).single:
                _refuse_range(doc, index, name, "remove the host")
            doc.delete(index)
        _expected_host(expected, request, [], current)
    else:
        groups = list(dict.fromkeys(request.groups)) if request.groups is not None else list(current)
        if not groups and not current:
            groups = ["ungrouped"]
        if request.exclusive and not groups:
            groups = ["ungrouped"]
        _expected_host(expected, request, groups, current)
        for group in groups:
            if group not in current:
                first = not doc.host_lines_of(name)
                _add_host_to_group(doc, name, group, request.port if first else None)
        if request.exclusive:
            for group in current:
                if group not in groups:
                    _remove_host_from_group(doc, name, group)
        if request.port is not None:
            _set_port(doc, name, request.port)
        for key, value in request.vars.items():
            _set_host_var(doc, name, key, value)
        for key in request.remove_vars:
            _remove_host_var(doc, name, key)
        _restore_host(doc, name, expected["hosts"][name])
    return _finish(
        text,
        doc,
        source,
        views=(expected, old_view, model),
        before=before,
        movable={name},
        entity=lambda v: _host_entity(v, name),
    )


def _finish(
    text: str,
    doc: _Document,
    source: str,
    *,
    views: tuple[dict[str, t.Any], dict[str, t.Any], IniInventory],
    before: dict[str, t.Any] | None,
    movable: set[str],
    entity: t.Callable[[dict[str, t.Any]], dict[str, t.Any] | None],
) -> EditResult:
    expected, old_view, model = views
    new_text = doc.render()
    if new_text == text:
        problems = _differences(expected, old_view, old_view)
        if problems:
            raise EditError("the request cannot be written: " + "; ".join(problems))
        return EditResult(text, False, before, before, set(), [])
    new_view, warnings = _verify(
        new_text, source, expected=expected, old_view=old_view, old_model=model, movable=movable
    )
    return EditResult(new_text, True, before, entity(new_view), doc.touched, warnings)


def _copy(value: t.Any) -> t.Any:
    if isinstance(value, dict):
        return {key: _copy(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copy(item) for item in value]
    return value


# --- group edits ------------------------------------------------------------------------
def _group_entity(view: dict[str, t.Any], name: str) -> dict[str, t.Any] | None:
    group = view["groups"].get(name)
    if group is None:
        return None
    parents = [parent for parent, entry in view["groups"].items() if name in entry["children"]]
    return {
        "name": name,
        "hosts": group["hosts"],
        "children": group["children"],
        "parents": parents,
        "vars": group["vars"],
    }


def _children_lines(doc: _Document, parent: str, child: str) -> list[int]:
    return [
        index
        for section in doc.sections_of(parent, "children")
        for index in section.body
        if _child_of_line(doc, index) == child
    ]


def _child_of_line(doc: _Document, index: int) -> str | None:
    match = CHILD_NAME.fullmatch(doc.lines[index].content.strip())
    return match.group(1) if match else None


def _add_child(doc: _Document, parent: str, child: str) -> None:
    if _children_lines(doc, parent, child):
        return
    sections = doc.sections_of(parent, "children")
    if sections:
        section = sections[-1]
        indent = ""
        if section.body:
            content = doc.lines[section.body[-1]].content
            indent = content[: len(content) - len(content.lstrip())]
        doc.insert(section.last + 1, [indent + child])
        return
    doc.add_section(f"[{parent}:children]", [child], after_group=parent)


def _ensure_group(doc: _Document, group: str) -> None:
    if not doc.declared(group):
        doc.add_section(f"[{group}]", [], after_group=group)


def _set_group_var(doc: _Document, group: str, key: str, value: t.Any, model: IniInventory) -> None:
    records = (
        [r for r in model.groups[group].assignments if any(n == key for n, _v in r.pairs)]
        if group in model.groups
        else []
    )
    if records and same_value(dict(records[-1].pairs)[key], value):
        return
    text = render_value(value, on_host_line=False)
    vars_lines = _vars_lines(doc, group, key)
    if records:
        last_line = records[-1].line
        if not vars_lines or _original_line(doc, vars_lines[-1]) != last_line:
            raise EditError(
                f"variable {key!r} of group {group!r} is set on line {last_line}, a host line named like "
                "the group; change it there"
            )
        index = vars_lines[-1]
        content = doc.lines[index].content
        name_part, _equals, value_part = content.partition("=")
        lead = value_part[: len(value_part) - len(value_part.lstrip())]
        trail = value_part[len(value_part.rstrip()) :] if value_part.strip() else ""
        doc.replace(index, f"{name_part}={lead}{text}{trail}")
        return
    sections = doc.sections_of(group, "vars")
    if sections:
        section = sections[-1]
        doc.insert(section.last + 1, [doc.vars_line_text(section, key, text)])
        return
    section = _Section(group, "vars", None)
    doc.add_section(f"[{group}:vars]", [doc.vars_line_text(section, key, text)], after_group=group)


def _original_line(doc: _Document, index: int) -> int | None:
    # Group variables are compared on the text as it was parsed: the lines still carry their origin.
    origin = doc.lines[index].origin
    return None if origin is None else origin + 1


def _vars_lines(doc: _Document, group: str, key: str) -> list[int]:
    return [
        index
        for section in doc.sections_of(group, "vars")
        for index in section.body
        if doc.lines[index].content.partition("=")[0].strip() == key
    ]


def _expected_group(view: dict[str, t.Any], request: GroupRequest) -> None:
    name = request.name
    groups = view["groups"]
    if request.state == "absent":
        groups.pop(name, None)
        for entry in groups.values():
            if name in entry["children"]:
                entry["children"].remove(name)
        elsewhere = {host for entry in groups.values() for host in entry["hosts"]}
        for host in [host for host in view["hosts"] if host not in elsewhere]:
            del view["hosts"][host]
        return
    empty: dict[str, t.Any] = {"hosts": [], "children": [], "vars": {}}
    entry = groups.setdefault(name, _copy(empty))
    for child in request.children or ():
        groups.setdefault(child, _copy(empty))
        if child not in entry["children"]:
            entry["children"].append(child)
    if request.exclusive_children and request.children is not None:
        entry["children"] = [c for c in entry["children"] if c in request.children]
    for parent in request.parents or ():
        parent_entry = groups.setdefault(parent, _copy(empty))
        if name not in parent_entry["children"]:
            parent_entry["children"].append(name)
    if request.exclusive_parents and request.parents is not None:
        for parent, parent_entry in groups.items():
            if parent not in request.parents and name in parent_entry["children"]:
                parent_entry["children"].remove(name)
    entry["vars"].update(request.vars)
    for key in request.remove_vars:
        entry["vars"].pop(key, None)


def _remove_group_sections(doc: _Document, name: str) -> None:
    for section in reversed(doc.sections_of(name)):
        if section.header is None:
            continue
        end = section.last
        start = section.header
        # Keep one blank line between what was before and what comes after, not two, and
        # none at the top of the file.
        if start == 0 and end + 1 < len(doc.lines) and _is_blank(doc.lines[end + 1].content):
            end += 1
        elif (
            start > 0
            and _is_blank(doc.lines[start - 1].content)
            and (end + 1 >= len(doc.lines) or _is_blank(doc.lines[end + 1].content))
        ):
            start -= 1
        for index in range(end, start - 1, -1):
            doc.delete(index)
    while True:
        lines = [
            index
            for section in doc.sections
            if section.kind == "children"
            for index in section.body
            if _child_of_line(doc, index) == name
        ]
        if not lines:
            break
        doc.delete(lines[-1])


def _without_implicit_edge(request: GroupRequest) -> GroupRequest:
    """``ungrouped`` is always a child of ``all``: asking for that edge asks for nothing."""
    if request.name == "ungrouped" and request.parents:
        request = replace(request, parents=[p for p in request.parents if p != "all"])
    if request.name == "all" and request.children:
        request = replace(request, children=[c for c in request.children if c != "ungrouped"])
    return request


def edit_group(text: str, request: GroupRequest, source: str = "<string>") -> EditResult:
    """Apply ``request`` to the inventory ``text``. Raises IniParseError or EditError."""
    model = _parse(text, source)
    name = request.name
    related = [name, *(request.children or ()), *(request.parents or ())]
    for group in related:
        _check_group_name(group)
        if group in model.hosts:
            raise EditError(
                f"{group!r} is also a host; a group named like a host takes that host's variables"
            )
    _check_variables(request.vars, request.remove_vars)
    if name in (request.children or ()) or name in (request.parents or ()):
        raise EditError(f"group {name!r} cannot be its own child or parent")
    if "all" in (request.children or ()) or (name == "all" and request.parents):
        raise EditError("the implicit group 'all' contains every group; it cannot be a child")
    request = _without_implicit_edge(request)
    old_view = inventory_view(model)
    before = _group_entity(old_view, name)
    doc = _Document(text)
    expected = _copy(old_view)
    _expected_group(expected, request)
    if request.state == "absent":
        if name in _IMPLICIT_GROUPS:
            raise EditError(f"the implicit group {name!r} cannot be removed")
        listed = model.groups[name].hosts if name in model.groups else []
        survivors = {host: expected["hosts"][host] for host in listed if host in expected["hosts"]}
        _remove_group_sections(doc, name)
        for host, entry in survivors.items():
            _restore_host(doc, host, entry)
    else:
        if request.children and not doc.declared(name):
            doc.add_section(f"[{name}:children]", [], after_group=None)
        _ensure_group(doc, name)
        for child in request.children or ():
            _ensure_group(doc, child)
            _add_child(doc, name, child)
        if request.exclusive_children and request.children is not None:
            stale_children = [
                index
                for section in doc.sections_of(name, "children")
                for index in section.body
                if _child_of_line(doc, index) not in request.children
            ]
            for index in reversed(stale_children):
                doc.delete(index)
        for parent in request.parents or ():
            if not doc.declared(parent):
                doc.add_section(f"[{parent}:children]", [], after_group=None)
            _add_child(doc, parent, name)
        if request.exclusive_parents and request.parents is not None:
            while True:
                stale = [
                    index
                    for section in doc.sections
                    if section.kind == "children" and section.group not in request.parents
                    for index in section.body
                    if _child_of_line(doc, index) == name
                ]
                if not stale:
                    break
                doc.delete(stale[-1])
        for key, value in request.vars.items():
            _set_group_var(doc, name, key, value, model)
        for key in request.remove_vars:
            _remove_group_var(doc, name, key, model)
    movable = set(model.groups[name].hosts) if request.state == "absent" and name in model.groups else set()
    return _finish(
        text,
        doc,
        source,
        views=(expected, old_view, model),
        before=before,
        movable=movable,
        entity=lambda v: _group_entity(v, name),
    )


def _remove_group_var(doc: _Document, group: str, key: str, model: IniInventory) -> None:
    if group not in model.groups:
        return
    vars_origins = {_original_line(doc, index) for index in _vars_lines(doc, group, key)}
    for record in model.groups[group].assignments:
        if any(n == key for n, _v in record.pairs) and record.line not in vars_origins:
            raise EditError(
                f"variable {key!r} of group {group!r} is set on line {record.line}, a host line named "
                "like the group; change it there"
            )
    for index in reversed(_vars_lines(doc, group, key)):
        doc.delete(index)
