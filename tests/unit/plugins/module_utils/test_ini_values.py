# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""type_value's fast paths on quoted text and escapes, against literal_eval (no Ansible needed).

Explicit examples first, so that a fast path that lets backslashes into the ``quoted`` shape or
rewrites one letter inside quotes fails every run, not only when hypothesis happens to draw it;
then grammar-aware strategies (tests/helpers/strategies.py).
"""

# Exact types are what these tests check (UntrustedText is a str, bool an int).
# pylint: disable=unidiomatic-typecheck

from __future__ import annotations

import typing as t

import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import grammar_text, property_settings, python_values, string_literals

from ansible_collections.iniplus.inventory.plugins.module_utils import ini_values
from ansible_collections.iniplus.inventory.plugins.module_utils.ini_model import UntrustedText
from ansible_collections.iniplus.inventory.plugins.module_utils.ini_values import (
    ValueTypingError,
    literal_eval_value,
    type_value,
    type_value_as_string,
)


def _typed(typer: t.Callable[[str], t.Any], text: str) -> t.Any:
    try:
        value = typer(text)
    except ValueTypingError as error:
        return ("refused", str(error).split(":", maxsplit=1)[0])
    return (type(value).__name__, repr(value))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("'a\\tb'", "a\tb"),
        ('"a\\tb"', "a\tb"),
        ("'C:\\temp\\new'", "C:\temp\new"),
        ("'line1\\nline2'", "line1\nline2"),
        ("'\\x41\\u00e9\\101\\N{BULLET}'", "Aé" + "A•"),
        ("'a\\\\b'", "a\\b"),
        ("'it\\'s'", "it's"),
        ('"q\\"x"', 'q"x'),
        ("'\\d'", "\\d"),
        ("r'C:\\temp'", "C:\\temp"),
        ("R'\\n'", "\\n"),
        ("u'x\\ty'", "x\ty"),
        ("'x'", "x"),
        ('"xyz"', "xyz"),
        ("'axb xx'", "axb xx"),
        ("'X x_y'", "X x_y"),
        ("''", ""),
        ("'\"'", '"'),
        ('"\'"', "'"),
    ],
)
def test_quoted_values_are_read_as_python_strings(text: str, expected: str) -> None:
    assert type_value(text) == expected
    assert type(type_value(text)) is str
    assert _typed(type_value, text) == _typed(literal_eval_value, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("b'x\\ty'", "x\ty"),
        ("b'\\x41'", "A"),
        ("rb'\\t'", "\\t"),
        ("b'\\u00e9'", "\\u00e9"),
        ("b'\\xff'", "\udcff"),
    ],
)
def test_bytes_are_decoded_and_untrusted(text: str, expected: str) -> None:
    value = type_value(text)
    assert (type(value), value) == (UntrustedText, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("['a\\tb', 'x']", ["a\tb", "x"]),
        ("('x\\n',)", ["x\n"]),
        ("{'k\\t': 'v\\x41'}", {"k\t": "vA"}),
        ("{1, 2}", [1, 2]),
        ("[(1, {2})]", [[1, [2]]]),
        ("{'a': (1,)}", {"a": [1]}),
        ("1+2j", "(1+2j)"),
        ("...", "..."),
        ("[...]", ["..."]),
        ("[b'x']", ["x"]),
    ],
)
def test_containers_are_normalised(text: str, expected: t.Any) -> None:
    assert type_value(text) == expected
    assert _typed(type_value, text) == _typed(literal_eval_value, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("x", "x"),
        ("xy", "xy"),
        ("True", True),
        ("False", False),
        ("None", None),
        ("0", 0),
        ("-0", 0),
        ("7", 7),
        ("-12", -12),
        ("1.5", 1.5),
        ("-0.5", -0.5),
        ("10.0.0.1", "10.0.0.1"),
        ("Welcome to x", "Welcome to x"),
        ("x + 1", "x + 1"),
        ("set()", []),
        ("'unclosed", "'unclosed"),
        ("'a\nb'", "'a\nb'"),
        ("'a\x00'", "'a\x00'"),
        ("'\udcff'", "'\udcff'"),
        ("1" * 18, int("1" * 18)),
        ("1" * 19, int("1" * 19)),
        ("0.1", 0.1),
        ("05", "05"),
        ("1_0", 10),
        ("0x1F", 31),
    ],
)
def test_plain_shapes(text: str, expected: t.Any) -> None:
    assert _typed(type_value, text) == _typed(literal_eval_value, text)
    assert (type(type_value(text)), type_value(text)) == (type(expected), expected)


@pytest.mark.parametrize("text", ["{[1]: 2}", "{{}: 1}", "{(1, [2]): 3}"])
def test_values_the_builtin_rejects_raise(text: str) -> None:
    with pytest.raises(ValueTypingError):
        type_value(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("'a\\tb'", "a\tb"),
        ('"x"', "x"),
        ("'x", "'x"),
        ("x'", "x'"),
        ("'1'", "1"),
        ("1", "1"),
        ("'a' 'b'", "ab"),
        ("'a' \"b\"", "'a' \"b\""),  # one string under literal_eval, but not written as one quoted string
        ("\"a\" 'b'", "\"a\" 'b'"),
        ("'a' 'b\"", "'a' 'b\""),
        ("'x'", "x"),
        ("''", ""),
        ("x'y'", "x'y'"),
    ],
)
def test_typing_as_string_unquotes_one_string(text: str, expected: str) -> None:
    assert type_value_as_string(text) == expected


@pytest.mark.parametrize("text", ["'", '"', "'x\"", "b'x'", "[1]", "'\\N{NO SUCH NAME}'", "''"])
def test_typing_as_string_keeps_what_is_not_one_string(text: str) -> None:
    assert type_value_as_string(text) == (text if text != "''" else "")


@pytest.mark.parametrize(
    ("text", "shape"),
    [
        ("web", "word"),
        ("a.b-c/d:e@f", "word"),
        ("True", "word"),
        ("10.0.0.1", "dotted"),
        ("0", "int"),
        ("-12", "int"),
        ("1.5", "float"),
        ("'x y'", "quoted"),
        ('"x y"', "quoted"),
        ("Welcome to {{ x }}", "name_first"),
        ("x = 1", "name_first"),
        ("'a\\tb'", None),
        ("b'x'", None),
        ("[1]", None),
        ("05", None),
        ("set()", None),
        ("Nonesuch", "word"),
        ("None is", None),
    ],
)
def test_common_values_take_their_fast_path(text: str, shape: str | None) -> None:
    """Not a matter of the result (the slow path gives the same): each common shape stays fast."""
    match = ini_values._FAST_SHAPES.fullmatch(text)
    assert (match.lastgroup if match else None) == shape


def test_quoted_fast_shape_takes_no_escape() -> None:
    """The ``quoted`` alternative must leave escapes (and so backslashes) to literal_eval."""
    for text in ("'a\\tb'", '"a\\tb"', "'\\\\'", "'\\''"):
        match = ini_values._FAST_SHAPES.fullmatch(text)
        assert match is None or match.lastgroup != "quoted", text


@property_settings(max_examples=500)
@given(st.one_of(string_literals(), python_values(), grammar_text()))
def test_type_value_equals_literal_eval_on_grammar_text(text: str) -> None:
    assert _typed(type_value, text) == _typed(literal_eval_value, text)
