# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The parser's shortcut for a host line that is one plain name, against the long way.

The long way (``split_words``, then ``read_host_pattern`` for anything with ``:`` or ``[``) is
itself held to shlex and to the builtin by other tests; here the same text is parsed with the
shortcut and with the shortcut switched off, and the two models must be equal: hosts, columns,
ports, variables, memberships, steps, warnings, or the same errors.
"""

from __future__ import annotations

import re
import typing as t
from unittest import mock

from hypothesis import example, given
from hypothesis import strategies as st
from strategies import property_settings

from ansible_collections.iniplus.inventory.plugins.module_utils import ini_parser
from ansible_collections.iniplus.inventory.plugins.module_utils.ini_parser import (
    IniParseError,
    parse_ini,
)

SETTINGS = property_settings(max_examples=1500)

# What decides a host line's path: shell blanks, quotes, escapes, comment signs, ports, ranges,
# '=' (a variable), the '---' the builtin refuses, whitespace str.strip() knows and shlex does
# not, and the letters of ordinary names.
NAME_PIECES = st.sampled_from(
    [*" \t'\"\\#:[]=-.", "\x0b", "\x1c", "\xa0", "a", "web", "01", "é", "---", "[1:2]", ":22", "x=1"]
)
host_lines = st.lists(NAME_PIECES, min_size=1, max_size=8).map("".join)


def _model(text: str) -> t.Any:
    try:
        model = parse_ini(text, "t.ini")
    except IniParseError as error:
        return ("error", str(error))
    return (
        "model",
        list(model.hosts.items()),
        [(name, group.hosts, group.children, group.assignments) for name, group in model.groups.items()],
        model.steps,
        [(d.code, d.line, d.column, d.message) for d in model.diagnostics],
    )


def _long_way(text: str) -> t.Any:
    with mock.patch.object(ini_parser, "_PLAIN_HOST_NAME", re.compile(r"(?!)")):
        return _model(text)


@SETTINGS
@given(st.lists(host_lines, min_size=1, max_size=4), st.booleans())
@example(["web01.example.com", "web01.example.com", "db x=1", "web01.example.com"], False)
@example(["---"], False)
@example(["a#b"], True)
@example(["web[1:2]", "web1"], False)
def test_a_plain_host_line_reads_as_the_long_way_reads_it(lines: list[str], indented: bool) -> None:
    text = "[g]\n" + "\n".join(("  " if indented else "") + line for line in lines) + "\n[g:vars]\nv=1\n"
    assert _model(text) == _long_way(text)


def test_the_shortcut_is_taken_for_a_plain_name_only() -> None:
    # A test of the test: the pattern must match plain names and nothing the long way reads
    # differently (a mutant widening it fails the property test above).
    plain = ini_parser._PLAIN_HOST_NAME.fullmatch
    assert plain("web01.example.com")
    assert plain("host-é_01")
    for special in (" ", "\t", "'", '"', "\\", "#", ":", "["):
        assert not plain(f"web{special}01")
