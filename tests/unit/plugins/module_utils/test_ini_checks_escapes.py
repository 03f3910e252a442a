# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The escape-sequence trap, on its own and through the parser (no Ansible needed)."""

from __future__ import annotations

import io
import re
import tokenize

import pytest
from hypothesis import given
from strategies import property_settings, string_literals

from ansible_collections.iniplus.inventory.plugins.module_utils.ini_checks import (
    escape_sequence_trap,
    value_trap,
)
from ansible_collections.iniplus.inventory.plugins.module_utils.ini_parser import parse_ini
from ansible_collections.iniplus.inventory.plugins.module_utils.ini_values import (
    literal_eval_value,
    type_value,
)


def _warnings(text: str) -> list[tuple[str, int, int, str, str]]:
    model = parse_ini(text, "t.ini")
    return [(d.code, d.line, d.column, d.message, d.hint) for d in model.diagnostics]


@pytest.mark.parametrize(
    ("text", "escape", "becomes"),
    [
        ("'C:\\temp\\new'", "\\t", "a TAB"),
        ("'line1\\nline2'", "\\n", "a line feed"),
        ('"a\\rb"', "\\r", "a carriage return"),
        ("'\\x41'", "\\x41", "'A'"),
        ("'\\u00e9'", "\\u00e9", "'é'"),
        ("'\\U0001F600'", "\\U0001F600", "'😀'"),
        ("'\\N{BULLET}'", "\\N{BULLET}", "'•'"),
        ("'\\101'", "\\101", "'A'"),
        ("'\\0'", "\\0", "'\\x00'"),
        ("u'\\a'", "\\a", "a BEL"),
        ("b'C:\\temp'", "\\t", "a TAB"),
        ("['C:\\temp', 1]", "\\t", "a TAB"),
        ("{'k': '\\v'}", "\\v", "a vertical tab"),
        ("'it\\'s\\f'", "\\f", "a form feed"),
        ("'\\\\\\b'", "\\b", "a backspace"),
    ],
)
def test_escapes_that_change_the_value_are_named(text: str, escape: str, becomes: str) -> None:
    found = value_trap(text, type_value(text))
    assert found is not None
    code, message, hint = found
    assert code == "escape-sequence"
    assert f"the escape sequence {escape} in {text} becomes {becomes}" in message
    assert "double the backslashes" in hint


@pytest.mark.parametrize(
    "text",
    [
        "'a\\\\b'",  # an escaped backslash is one backslash, as meant
        "'it\\'s'",
        '"q\\"x"',
        "'\\d\\w'",  # unknown escapes stay as written (Python warns; literal_eval keeps them)
        "r'C:\\temp\\new'",
        "R'\\n'",
        "rb'\\t'",
        "b'\\u00e9'",  # bytes have no \\u escape
        "b'\\N{BULLET}'",
        "C:\\temp\\new",  # not quoted: literal_eval refuses it, the text stays as written
        "'C:\\temp",  # unclosed
        "'a' + '\\n'",  # not a literal
        "x\\ty",
        "'plain'",
        "1",
    ],
)
def test_escapes_that_keep_the_value_are_not_warned_about(text: str) -> None:
    assert (
        value_trap(text, type_value(text)) is None
        or value_trap(text, type_value(text))[0] != "escape-sequence"
    )
    assert escape_sequence_trap(text) is None or type_value(text) == text


def test_the_hint_gives_both_ways_to_keep_the_text() -> None:
    (_code, _message, hint) = escape_sequence_trap("'C:\\temp\\new'")  # type: ignore[misc]
    assert hint == (
        "to keep the backslashes as written, use a raw string (r'C:\\temp\\new') "
        "or double the backslashes ('C:\\\\temp\\\\new')"
    )
    # A raw string would keep \' as two characters: then only doubling is offered.
    (_code, _message, hint) = escape_sequence_trap("'it\\'s\\n'")  # type: ignore[misc]
    assert hint == "to keep the backslashes as written, double the backslashes ('it\\'s\\\\n')"


def test_warned_in_vars_and_on_host_lines_where_the_value_starts() -> None:
    text = "[win]\nh1 motd=\"'line1\\nline2'\" x=1\n[win:vars]\nwin_temp = 'C:\\temp\\new'\n"
    warnings = _warnings(text)
    assert [(code, line, column) for code, line, column, _m, _h in warnings] == [
        ("escape-sequence", 2, 9),
        ("escape-sequence", 4, 12),
    ]
    model = parse_ini(text, "t.ini")
    assert model.hosts["h1"].vars[0].value == "line1\nline2"
    assert model.groups["win"].vars[0].value == "C:\temp\new"


@pytest.mark.parametrize(
    "text",
    [
        "h1 a='x\\ty'\n",  # shlex removes the quotes: literal_eval sees x\ty and keeps it
        'h1 a="x\\ty"\n',
        "h1 a=\"r'x\\ty'\"\n",
        "h1 a=\"'x\\\\\\\\y'\"\n",
        "[g]\n[g:vars]\np=r'C:\\temp'\nq='\\\\server\\\\share'\nr='a\\'b'\n",
    ],
)
def test_no_warning_where_no_escape_acts(text: str) -> None:
    assert [code for code, *_rest in _warnings(text)] == []


def test_each_host_line_is_warned_about() -> None:
    # The parser remembers the typed value of a trapped text; the warning must still come each time.
    text = "".join(f"h{n} msg=\"'a\\tb'\"\n" for n in range(3))
    assert [(warning[0], warning[1]) for warning in _warnings(text)] == [
        ("escape-sequence", n) for n in (1, 2, 3)
    ]


@property_settings(max_examples=400)
@given(string_literals())
def test_warns_exactly_when_an_escape_changes_the_value(text: str) -> None:
    """The oracle: the same literal made raw, with only \\\\, \\' and \\" read as escapes."""
    found = escape_sequence_trap(text)
    value = literal_eval_value(text)
    if not isinstance(value, str) or value == text:
        return  # literal_eval refused it: no escape acted
    if [token.string for token in tokenize.generate_tokens(io.StringIO(text).readline)][:1] != [text]:
        return  # not one literal ('a' 'b' is two): the oracle below makes only the first one raw
    quote = min(text.find(mark) for mark in "'\"" if mark in text)
    if "r" in text[:quote].lower():
        assert found is None
        return
    raw = literal_eval_value(f"{text[:quote]}r{text[quote:]}")
    if raw == f"{text[:quote]}r{text[quote:]}":
        return  # no raw form (u'' cannot be raw)
    kept = re.sub(r"\\(.)", lambda pair: pair.group(1) if pair.group(1) in "\\'\"" else pair.group(0), raw)
    assert (found is not None) == (value != kept), (value, kept)
