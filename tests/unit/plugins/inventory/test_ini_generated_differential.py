# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Hypothesis writes INI inventories; both plugins must build the same inventory or both refuse.

The generator mixes every construct of the grammar, valid and not: sections of each kind in
any order with names that resolve or dangle, host patterns with ranges, strides, ports, IPv4
and IPv6, values of every literal_eval form, quoting, comments of both kinds, CRLF and tabs.
Values include Python string literals with escape sequences and ``r''``/``b''`` prefixes
(tests/helpers/strategies.py), on host lines (quoted for shlex) and in ``:vars``.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from inventory_snapshot import BUILTIN, HAS_DATA_TAGGING, OURS, inventory_file, load
from strategies import host_line_values, property_settings, python_values

GROUP_NAMES = ["web", "db", "all", "ungrouped", "web-1", "g.x", "grüppe", "h1", "prod"]
HOST_NAMES = ["h1", "h2", "web", "localhost", "db.example.com", "10.0.0.1", "::1", "fe80::1", "höst"]
# Mostly valid forms, with invalid ones drawn now and then so both verdicts are exercised.
GOOD_RANGES = ["[1:3]", "[01:03]", "[a:c]", "[1:6:2]", "[3:1]", "[5:1:-1]", "[:2]", "[A:C]", "[x:z:2]"]
BAD_RANGES = ["[0:2:0]", "[1:]", "[x]", "[1:2:3:4]", "[c:a]"]
GOOD_VALUES = [
    "1",
    "-5",
    "1.5",
    "05",
    "05.30",
    "1e3",
    "1e400",
    "0x1F",
    "1_000",
    "True",
    "false",
    "yes",
    "None",
    "[1,2]",
    "(1,2)",
    "{1,2}",
    "{'a':1}",
    "1+2j",
    "...",
    "b'by'",
    "'q'",
    '"two words"',
    "'a#b'",
    "a#b",
    "1,2",
    "{{ x }}",
    "'{{ y }}'",
    '""',
    "=",
    "[1,",
    "u'x'",
    "r'\\d'",
    "{'k':[1,(2,3)]}",
]
BAD_VALUES = ["x y", "'unclosed", "\\", "{[1]:2}"]


def _mostly(good: list[str], bad: list[str]) -> st.SearchStrategy[str]:
    return st.one_of(*[st.sampled_from(good)] * 9, st.sampled_from(bad))


RANGES = _mostly(GOOD_RANGES, BAD_RANGES)
VALUES = _mostly(GOOD_VALUES, BAD_VALUES)
KEYS = ["a", "ansible_port", "ansible_host", "x_1", "k", "ansible_group_priority", ""]


@st.composite
def host_patterns(draw: st.DrawFn) -> str:
    name = draw(st.sampled_from(HOST_NAMES))
    if draw(st.booleans()):
        name = name + draw(RANGES) + draw(st.sampled_from(["", "-x", ".lan"]))
    if draw(st.integers(0, 4)) == 0:
        name = f"[{name}]:22" if ":" in name else f"{name}:{draw(st.sampled_from(['22', '2222', '']))}"
    return name


@st.composite
def host_lines(draw: st.DrawFn) -> str:
    words = [draw(host_patterns())]
    for _count in range(draw(st.integers(0, 3))):
        if draw(st.integers(0, 3)) == 0:
            value, _typed = draw(host_line_values())  # a string literal with escapes, quoted for shlex
        else:
            value = draw(VALUES)
        if " " in value and not value.startswith(("'", '"')):
            value = repr(value)
        words.append(f"{draw(st.sampled_from(KEYS))}={value}")
    line = draw(st.sampled_from([" ", "\t", "  "])).join(words)
    return line + draw(_mostly(["", "", " # comment", "# c"], [" ; semi"]))


@st.composite
def section_headers(draw: st.DrawFn) -> str:
    name = draw(st.sampled_from(GROUP_NAMES))
    kind = draw(_mostly(["", "", ":vars", ":children", ":hosts"], [":other"]))
    tail = draw(_mostly(["", "", " # c", "  "], [" ; c"]))
    return f"[{name}{kind}]{tail}"


@st.composite
def vars_lines(draw: st.DrawFn) -> str:
    spacing = draw(st.sampled_from(["", " ", "\t"]))
    value = draw(st.one_of(VALUES, python_values()))
    return f"{draw(st.sampled_from(KEYS))}{spacing}={spacing}{value}" + draw(st.sampled_from(["", " # c"]))


ODD_LINES = _mostly(["", "# comment", "; comment", "   "], ["[]", "[bad name]", "---"])
CHILD_LINES = st.builds(
    lambda name, tail: name + tail, st.sampled_from(GROUP_NAMES), _mostly(["", " # c"], [" ; c"])
)
BODY_LINES = {"": host_lines(), ":hosts": host_lines(), ":vars": vars_lines(), ":children": CHILD_LINES}


@st.composite
def sections(draw: st.DrawFn, header: str | None) -> list[str]:
    kind = header[header.find(":") : header.find("]")] if header and ":" in header else ""
    body = BODY_LINES.get(kind, host_lines())
    lines = [header] if header else []
    for _count in range(draw(st.integers(0, 4))):
        # Now and then a line of the wrong kind, a comment or a blank.
        lines.append(draw(st.one_of(*[body] * 6, ODD_LINES, host_lines(), vars_lines(), CHILD_LINES)))
    return lines


@st.composite
def inventories(draw: st.DrawFn) -> bytes:
    lines = draw(sections(None))
    for _count in range(draw(st.integers(0, 5))):
        lines.extend(draw(sections(draw(section_headers()))))
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    indent = draw(st.sampled_from(["", "", " ", "\t"]))
    return (newline.join(indent + line for line in lines) + newline).encode()


@property_settings(max_examples=300)
@given(inventories())
def test_generated_inventory_is_built_identically(text: bytes) -> None:
    with inventory_file(text) as path:
        builtin = load(BUILTIN, path, legacy_types=not HAS_DATA_TAGGING)
        ours = load(OURS, path)
    assert ours.rejected == builtin.rejected, (builtin.error, ours.error)
    assert ours.snapshot == builtin.snapshot
    if ours.rejected:
        assert "Traceback" not in (ours.error or "")
