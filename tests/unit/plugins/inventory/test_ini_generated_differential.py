# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Hypothesis writes INI inventories; both plugins must build the same inventory or both refuse.

The generator mixes every construct of the grammar, valid and not: sections of each kind in
any order with names that resolve or dangle, host patterns with ranges, strides, ports, IPv4
and IPv6, values of every literal_eval form, quoting, comments of both kinds, CRLF and tabs.
Names, ranges, values and tails come from tests/helpers/ini_vocabulary.py, which the long
tests/random_differential.py draws from too; values also include Python string literals with
escape sequences and ``r''``/``b''`` prefixes (tests/helpers/strategies.py), on host lines
(quoted for shlex) and in ``:vars``.
"""

from __future__ import annotations

import ini_vocabulary as vocabulary
from hypothesis import given
from hypothesis import strategies as st
from inventory_snapshot import BUILTIN, HAS_DATA_TAGGING, OURS, inventory_file, load
from strategies import host_line_values, property_settings, python_values


def _mostly(good: tuple[str, ...], bad: tuple[str, ...]) -> st.SearchStrategy[str]:
    """One of ``good`` nine times in ten, else one of ``bad``."""
    return st.one_of(*[st.sampled_from(good)] * 9, st.sampled_from(bad))


ANY_RANGE = _mostly(vocabulary.GOOD_RANGES, vocabulary.BAD_RANGES)
ANY_VALUE = _mostly(vocabulary.VALUES, vocabulary.BAD_VALUES)
ANY_KEY = _mostly(vocabulary.KEYS, vocabulary.BAD_KEYS)
ANY_ODD_LINE = _mostly(vocabulary.ODD_LINES, vocabulary.BAD_ODD_LINES)


@st.composite
def host_patterns(draw: st.DrawFn) -> str:
    name = draw(st.sampled_from(vocabulary.HOST_NAMES))
    if draw(st.booleans()):
        name = name + draw(ANY_RANGE) + draw(st.sampled_from(["", "-x", ".lan"]))
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
            value = draw(ANY_VALUE)
        if " " in value and not value.startswith(("'", '"')):
            value = repr(value)
        words.append(f"{draw(ANY_KEY)}={value}")
    line = draw(st.sampled_from([" ", "\t", "  "])).join(words)
    return line + draw(_mostly(vocabulary.HOST_LINE_TAILS, vocabulary.BAD_TAILS))


@st.composite
def section_headers(draw: st.DrawFn) -> str:
    name = draw(st.sampled_from(vocabulary.GROUP_NAMES))
    kind = draw(_mostly(vocabulary.SECTION_KINDS, vocabulary.BAD_SECTION_KINDS))
    tail = draw(_mostly(vocabulary.HEADER_TAILS, vocabulary.BAD_TAILS))
    return f"[{name}{kind}]{tail}"


@st.composite
def vars_lines(draw: st.DrawFn) -> str:
    spacing = draw(st.sampled_from(["", " ", "\t"]))
    value = draw(st.one_of(ANY_VALUE, python_values()))
    return f"{draw(ANY_KEY)}{spacing}={spacing}{value}" + draw(st.sampled_from(vocabulary.VARS_LINE_TAILS))


CHILD_LINES = st.builds(
    lambda name, tail: name + tail,
    st.sampled_from(vocabulary.GROUP_NAMES),
    _mostly(vocabulary.CHILD_LINE_TAILS, vocabulary.BAD_TAILS),
)
BODY_LINES = {"": host_lines(), ":hosts": host_lines(), ":vars": vars_lines(), ":children": CHILD_LINES}


@st.composite
def sections(draw: st.DrawFn, header: str | None) -> list[str]:
    kind = header[header.find(":") : header.find("]")] if header and ":" in header else ""
    body = BODY_LINES.get(kind, host_lines())
    lines = [header] if header else []
    for _count in range(draw(st.integers(0, 4))):
        # Now and then a line of the wrong kind, a comment or a blank.
        lines.append(draw(st.one_of(*[body] * 6, ANY_ODD_LINE, host_lines(), vars_lines(), CHILD_LINES)))
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
