# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""ini_values: tests written against the mutants that survived the earlier suite (issue 18).

Most of them change only *which* path types a value (the flat-container pattern, the table of
remembered containers, the word-length cap), so the value is the same and only the time differs.
The fast paths exist for speed, so these tests pin the path too: ``literal_eval_value`` is
replaced by a counting wrapper, and a value the fast path is meant to take must not reach it.
The rest pin what the table hands out: an object of its own, down to nested lists and dicts.
Limits are read from the module, so a deliberate change of a limit does not break a test.
"""

from __future__ import annotations

import typing as t

import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import property_settings

from ansible_collections.iniplus.inventory.plugins.module_utils import ini_values
from ansible_collections.iniplus.inventory.plugins.module_utils.ini_values import (
    ValueTypingError,
    literal_eval_value,
    type_value,
)


@pytest.fixture(autouse=True)
def _empty_table() -> t.Iterator[None]:
    ini_values._CONTAINERS.clear()
    yield
    ini_values._CONTAINERS.clear()


@pytest.fixture
def evaluated(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts that reached literal_eval_value (the slow path), in order."""
    calls: list[str] = []
    slow = ini_values.literal_eval_value

    def counting(text: str) -> t.Any:
        calls.append(text)
        return slow(text)

    monkeypatch.setattr(ini_values, "literal_eval_value", counting)
    return calls


def _same(left: t.Any, right: t.Any) -> bool:
    return type(left) is type(right) and repr(left) == repr(right)


FLAT = [
    "[]",
    "[ ]",
    "{}",
    "{ }",
    "{'a': 1}",
    "{'a':1}",
    "{ 'a' : 1 }",
    "{'a': 1,}",
    "{'a': 1, 'b': None}",
    "{1: 'x', 2.5: True}",
    "['a']",
    "['a', 1, -2.5, True, False, None]",
    "[1,]",
]


@pytest.mark.parametrize("text", FLAT)
def test_flat_lists_and_dicts_never_reach_literal_eval(text: str, evaluated: list[str]) -> None:
    expected = literal_eval_value(text)  # the real one, imported before the patch
    assert ini_values._FLAT_CONTAINER.fullmatch(text) is not None
    assert _same(type_value(text), expected)
    assert evaluated == []


def test_a_flat_list_exactly_at_the_length_limit_is_read_by_the_pattern(evaluated: list[str]) -> None:
    limit = ini_values._FLAT_CONTAINER_LIMIT
    text = "['" + "a" * (limit - 4) + "']"
    assert len(text) == limit
    assert type_value(text) == ["a" * (limit - 4)]
    assert evaluated == []
    longer = "['" + "a" * (limit - 3) + "']"
    assert type_value(longer) == ["a" * (limit - 3)]
    assert evaluated == [longer]


def test_a_container_exactly_at_the_text_limit_is_remembered(evaluated: list[str]) -> None:
    limit = ini_values._CONTAINER_TEXT_LIMIT
    text = "[['" + "a" * (limit - 6) + "']]"  # nested: not flat, so literal_eval types it
    assert len(text) == limit
    assert type_value(text) == type_value(text) == [["a" * (limit - 6)]]
    assert evaluated == [text]
    longer = "[['" + "a" * (limit - 5) + "']]"
    type_value(longer)
    type_value(longer)
    assert evaluated == [text, longer, longer]


@pytest.mark.parametrize("text", ["[[1]]", "{'a': [1]}", "[(1, 2)]", "[1, 'a', {2}]", "{'a': (1,)}"])
def test_list_and_dict_values_are_remembered(text: str, evaluated: list[str]) -> None:
    first = type_value(text)
    assert _same(type_value(text), first)
    assert evaluated == [text]


def test_remembered_containers_survive_other_ones(evaluated: list[str]) -> None:
    for text in ["[[1]]", "[[2]]", "[[3]]", "[[1]]", "[[2]]"]:
        type_value(text)
    assert evaluated == ["[[1]]", "[[2]]", "[[3]]"]


def test_the_table_never_holds_more_than_its_limit() -> None:
    limit = ini_values._CONTAINER_MEMO_LIMIT
    for number in range(limit + 1):
        type_value(f"[{number}]")
        assert len(ini_values._CONTAINERS) <= limit


@pytest.mark.parametrize(
    "text",
    [
        "[{'a': 1}]",  # a list of dicts
        "[[1], [2]]",  # a list of lists
        "{'a': {'b': 1}}",  # a dict of dicts
        "{'a': [1]}",
        "[[1], 2]",
        "[1, [2]]",
    ],
)
def test_every_call_hands_out_its_own_nested_objects(text: str) -> None:
    expected = literal_eval_value(text)
    values = [type_value(text) for _copy in range(4)]
    for value in values:  # change every copy, the remembered one must not move
        for item in list(value.values() if isinstance(value, dict) else value):
            if isinstance(item, list):
                item.append("changed")
            elif isinstance(item, dict):
                item["changed"] = True
    assert _same(type_value(text), expected)
    for value in values[1:]:
        assert value is not values[0]


def test_a_word_exactly_at_the_length_cap_takes_the_fast_path(evaluated: list[str]) -> None:
    cap = ini_values._LONGEST_FAST_WORD
    word = "a." * ((cap - 1) // 2) + "a" * (cap - 2 * ((cap - 1) // 2))
    assert len(word) == cap
    assert type_value(word) == word
    assert evaluated == []


def test_a_word_longer_than_the_cap_goes_to_literal_eval(evaluated: list[str]) -> None:
    cap = ini_values._LONGEST_FAST_WORD
    word = "a" * (cap + 1)
    assert type_value(word) == word
    assert evaluated == [word]


def test_a_very_long_dotted_word_fails_as_the_builtin_does() -> None:
    # thousands of attribute accesses: literal_eval raises RecursionError, the builtin rejects
    # the file; the word fast path would have returned the text.
    word = "a." * 20000 + "a"
    with pytest.raises(ValueTypingError):
        literal_eval_value(word)
    with pytest.raises(ValueTypingError):
        type_value(word)


FLAT_ITEMS = st.sampled_from(
    ["'a'", '"b"', "''", "'x y'", "1", "-1", "0", "2.5", "-0.0", "True", "False", "None"]
)
BLANK = st.sampled_from(["", " "])


@st.composite
def flat_dicts(draw: st.DrawFn) -> str:
    pairs = draw(st.lists(st.tuples(FLAT_ITEMS, FLAT_ITEMS), max_size=4))
    # the shape: "{ ?(?:K ?: ?V ?, ?)*(?:K ?: ?V ?)?}", single blanks only
    text = "{" + draw(BLANK)
    for index, (key, value) in enumerate(pairs):
        text += f"{key}{draw(BLANK)}:{draw(BLANK)}{value}{draw(BLANK)}"
        if index < len(pairs) - 1 or draw(st.booleans()):
            text += "," + draw(BLANK)
    return text + "}"


@given(flat_dicts())
@property_settings(300)
def test_flat_dicts_of_any_length_take_the_pattern(text: str) -> None:
    # every count of pairs, none included, with and without a trailing comma
    ini_values._CONTAINERS.clear()
    expected = literal_eval_value(text)
    slow = ini_values.literal_eval_value
    calls: list[str] = []

    def counting(value: str) -> t.Any:
        calls.append(value)
        return slow(value)

    ini_values.literal_eval_value = counting  # a fixture would outlive one example
    try:
        assert _same(type_value(text), expected)
    finally:
        ini_values.literal_eval_value = slow
    assert calls == []
