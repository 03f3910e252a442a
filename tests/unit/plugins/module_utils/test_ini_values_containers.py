# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""List and dict values: the flat-container fast path and the table of remembered containers,
against ``ast.literal_eval`` plus normalisation (``literal_eval_value``).

Exact types and ``repr`` are compared (``1`` and ``True``, ``0.0`` and ``-0.0`` are equal but
not the same value), and every call must hand out an object of its own.
"""

from __future__ import annotations

import typing as t

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ansible_collections.iniplus.inventory.plugins.module_utils import ini_values
from ansible_collections.iniplus.inventory.plugins.module_utils.ini_values import (
    ValueTypingError,
    literal_eval_value,
    type_value,
)

SETTINGS = settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Items: valid simple ones and near misses (escapes, prefixes, leading zeros, exponents...).
ITEMS = st.sampled_from(
    [
        "0",
        "1",
        "-1",
        "-0",
        "01",
        "1.5",
        "-0.0",
        "1.",
        ".5",
        "1e3",
        "1_0",
        "123456789012345678901",
        "True",
        "False",
        "None",
        "true",
        "x",
        "set()",
        "()",
        "(1,)",
        "[]",
        "{}",
        "[1]",
        "{1: 2}",
        "''",
        '""',
        "'a'",
        '"b c"',
        "'#'",
        "'a,b]'",
        "'x: y'",
        '"it\'s"',
        "'\\n'",
        "b'a'",
        "u'a'",
        "'a' 'b'",
        "'\\\\'",
        "'é'",
        "'\t'",
    ]
)
SEPARATORS = st.sampled_from([",", ", ", " , ", ",  ", " ,", ""])
BLANKS = st.sampled_from(["", " ", "  ", "\t"])


@st.composite
def container_texts(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from("[{"))
    items = draw(st.lists(ITEMS, max_size=6))
    if kind == "{":
        items = [f"{item}{draw(st.sampled_from([':', ': ', ' : ', '']))}{draw(ITEMS)}" for item in items]
    text = draw(BLANKS) if draw(st.booleans()) else ""
    for index, item in enumerate(items):
        text += item + (
            draw(SEPARATORS) if index < len(items) - 1 else draw(st.sampled_from(["", ",", " ", ", "]))
        )
    close = "]" if kind == "[" else "}"
    if draw(st.integers(0, 20)) == 0:
        close = draw(st.sampled_from(["", "]]", "}", ")", "] x", "][0]"]))
    return kind + text + close


# Texts built from the characters the grammar cares about, for shapes nobody thought of.
GRAMMAR = st.lists(
    st.sampled_from([*"[]{}(),:'\" \t#=\\-.0159eTFN", "True", "None", "'a'", "1.5"]), max_size=25
)
raw_texts = GRAMMAR.map(lambda parts: "[" + "".join(parts))


def _typed(typer: t.Callable[[str], t.Any], text: str) -> t.Any:
    try:
        return typer(text)
    except ValueTypingError as error:
        return f"error: {error}"


def _same(left: t.Any, right: t.Any) -> bool:
    if type(left) is not type(right):
        return False
    if isinstance(left, list):
        return len(left) == len(right) and all(_same(a, b) for a, b in zip(left, right, strict=True))
    if isinstance(left, dict):
        return list(left) == list(right) and all(
            type(a) is type(b) and _same(left[a], right[b]) for a, b in zip(left, right, strict=True)
        )
    return repr(left) == repr(right)


def _check(text: str) -> None:
    expected = _typed(literal_eval_value, text)
    first = _typed(type_value, text)
    second = _typed(type_value, text)  # from the table when the first was a container
    assert _same(first, expected), (text, first, expected)
    assert _same(second, expected), (text, second, expected)
    if isinstance(first, (list, dict)):
        assert first is not second
        # Changing one host's value changes no other.
        first.clear()
        assert _same(_typed(type_value, text), expected)


@SETTINGS
@given(container_texts())
@example("['a', 'b']")
@example("{'tier': 'g9', 'zone': 0}")
@example("[1, True, 1.0, -0.0, None, '']")
@example("{1: 'a', True: 'b', 1.0: 'c'}")
@example("[01]")
@example("[1,,2]")
@example("[,]")
@example("{'a': [1, {'b': 2}]}")
def test_containers_equal_literal_eval(text: str) -> None:
    _check(text)


@SETTINGS
@given(raw_texts)
def test_bracketed_text_equals_literal_eval(text: str) -> None:
    _check(text)


@SETTINGS
@given(st.lists(st.sampled_from(["'a'", "'b c'", "1", "-2", "3.25", "True", "None", '"d"']), max_size=8))
def test_simple_lists_take_the_fast_path(items: list[str]) -> None:
    text = "[" + ", ".join(items) + "]"
    assert ini_values._FLAT_CONTAINER.fullmatch(text) is not None
    assert _same(ini_values._flat_container(text), literal_eval_value(text))


def test_nested_values_are_copied_all_the_way_down() -> None:
    text = "{'a': [1, {'b': [2]}], 'c': (3, 4)}"
    first, second = type_value(text), type_value(text)
    first["a"][1]["b"].append(5)
    assert second == {"a": [1, {"b": [2]}], "c": [3, 4]}
    assert type_value(text) == second


def test_the_table_stays_bounded() -> None:
    for number in range(ini_values._CONTAINER_MEMO_LIMIT + 10):
        type_value(f"[{number}, 'x']")
    assert len(ini_values._CONTAINERS) <= ini_values._CONTAINER_MEMO_LIMIT
    long_text = "[" + ", ".join(["1"] * 400) + "]"
    assert type_value(long_text) == [1] * 400
    assert long_text not in ini_values._CONTAINERS
