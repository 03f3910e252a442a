# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Hostile inputs to the parser: no quadratic corner, no huge message, no bare exception.

The quadratic corners are checked by counting operations (objects made, characters scanned,
comparisons), never by timing: linear work stays within a small multiple of the input's size
where the quadratic version makes hundreds of times more.
"""

from __future__ import annotations

import pytest

from ansible_collections.iniplus.inventory.plugins.module_utils import ini_export, ini_model, ini_parser
from ansible_collections.iniplus.inventory.plugins.module_utils.ini_hosts import (
    MAX_EXPANDED_HOSTS,
    MAX_RANGES,
    HostPatternError,
    expand_host_pattern,
)
from ansible_collections.iniplus.inventory.plugins.module_utils.ini_model import (
    Diagnostic,
    IniGroup,
    IniHost,
    IniInventory,
)
from ansible_collections.iniplus.inventory.plugins.module_utils.ini_parser import IniParseError, parse_ini
from ansible_collections.iniplus.inventory.plugins.module_utils.ini_values import ValueTypingError, type_value


@pytest.fixture
def variables_made(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the IniVariable objects made (what _check_redefinition used to rebuild per line)."""
    made = [0]
    real = ini_model.IniVariable

    def counting(*args):
        made[0] += 1
        return real(*args)

    monkeypatch.setattr(ini_model, "IniVariable", counting)
    return made


@pytest.mark.parametrize(
    "text",
    [
        # One host listed again and again with a variable (issue: 10,000 lines, 59 s).
        "[g]\n" + "h a=1\n" * 2000,
        # A bastion with two variables in each of many groups.
        "".join(f"[g{index}]\nbastion a=1 b=2\n" for index in range(2000)),
        # Changing values: every line also warns, which must not rebuild the history either.
        "[g]\n" + "".join(f"h a={index}\n" for index in range(2000)),
    ],
    ids=["same-line", "bastion", "changing"],
)
def test_a_repeated_host_costs_its_own_variables_only(text: str, variables_made: list[int]) -> None:
    parse_ini(text, "/x.ini")
    # Linear: a few objects per assignment. Quadratic: about 2,000 x 2,000 / 2 = 2,000,000.
    assert variables_made[0] < 10 * 2 * 2000


class CountingLine(str):
    """A line that adds up how many characters count() and slicing look at."""

    scanned = 0

    def count(self, sub, start=None, end=None):  # type: ignore[override]
        start = 0 if start is None else start
        end = len(self) if end is None else end
        CountingLine.scanned += max(0, end - start)
        return str.count(self, sub, start, end)

    def __getitem__(self, key):  # type: ignore[override]
        piece = str.__getitem__(self, key)
        CountingLine.scanned += len(piece)
        return piece


def test_glued_comment_check_scans_the_line_a_few_times() -> None:
    line = CountingLine('h v="' + "a#" * 20_000 + '"')
    CountingLine.scanned = 0
    parser = ini_parser._Parser("/x.ini", (), None, type_value)
    parser._check_glued_comment(line, 0)
    # Quadratic: each of the 20,000 matches counted quotes in the whole prefix (~800,000,000).
    assert CountingLine.scanned < 10 * len(line)


class CountingName(str):
    """A host name that counts how often it is compared for equality."""

    compared = 0

    def __eq__(self, other):
        CountingName.compared += 1
        return str.__eq__(self, other)

    __hash__ = str.__hash__


def test_export_of_many_ungrouped_hosts_is_linear() -> None:
    names = [CountingName(f"h{index}") for index in range(4000)]
    model = IniInventory(source="/x.ini")
    model.groups["ungrouped"] = IniGroup("ungrouped", 0, 0, hosts=list(names))
    for index, name in enumerate(names):
        model.hosts[name] = IniHost(name, index + 1, 1, None, [])
    CountingName.compared = 0
    document = ini_export.to_inventory_json(model)
    assert document["ungrouped"]["hosts"] == names
    # Quadratic: a membership test in a list per host, ~8,000,000 comparisons.
    assert CountingName.compared < 10 * len(names)


def test_a_long_line_is_quoted_as_a_window_around_the_column() -> None:
    long_word = "x" * 1_000_000
    text = f"[g]\nh {long_word} a=1\n" * 3
    with pytest.raises(IniParseError) as caught:
        parse_ini(text, "/x.ini")
    rendered = str(caught.value)
    assert "expected key=value" in rendered
    assert len(rendered) < 3 * 1500, "a 1 MB line was quoted whole"
    assert "1,000,000 characters" in rendered


def test_the_caret_stays_under_the_column_in_a_window() -> None:
    line = "a" * 500 + "BAD" + "b" * 500
    diagnostic = Diagnostic("error", "x", "m", "/x.ini", 1, 501, line, "", 3)
    _head, shown, caret = diagnostic.render().split("\n")[:3]
    assert len(shown) < 250
    position = caret.index("^")
    assert shown[position : position + 3] == "BAD"
    assert caret.count("^") == 3


def test_short_lines_render_as_before() -> None:
    diagnostic = Diagnostic("error", "x", "m", "/x.ini", 1, 3, "h\tbad", "fix", 3)
    assert diagnostic.render() == "/x.ini:1:3: error[x]: m\n    h bad\n      ^^^\n  hint: fix"


def test_many_ranges_are_refused_with_a_message_not_a_recursion_error() -> None:
    pattern = "h" + "[1:1]" * (MAX_RANGES + 100)
    with pytest.raises(HostPatternError, match="ranges"):
        expand_host_pattern(pattern)
    with pytest.raises(IniParseError, match=r"/x\.ini:2:1: error\[bad-host-range\]"):
        parse_ini(f"[g]\n{pattern}\n", "/x.ini")


def test_ranges_below_the_limit_expand_without_recursion() -> None:
    assert expand_host_pattern("h" + "[1:1]" * MAX_RANGES) == ["h" + "1" * MAX_RANGES]
    assert expand_host_pattern("a[1:2]b[x:y]c") == ["a1bxc", "a1byc", "a2bxc", "a2byc"]
    assert expand_host_pattern("a[2:1]b[x]") == []  # an empty range ends it, as in ansible-core


@pytest.mark.parametrize(
    ("pattern", "count"),
    [
        ("h[1:100000000]", 100_000_000),
        ("h[1:10000]-[1:10000]", 100_000_000),
        ("h[0:99999999999999999999999]", 10**23),
    ],
)
def test_an_enormous_range_is_refused_up_front(pattern: str, count: int) -> None:
    with pytest.raises(IniParseError) as caught:
        parse_ini(f"[g]\n{pattern}\n", "/x.ini")
    message = str(caught.value)
    assert f"{count:,} hosts" in message
    assert f"{MAX_EXPANDED_HOSTS:,}" in message
    assert "/x.ini:2:1" in message


def test_a_word_with_thousands_of_dots_is_typed_by_literal_eval() -> None:
    # literal_eval (and so the builtin) fails on it with RecursionError: the file is rejected.
    with pytest.raises(ValueTypingError, match="RecursionError"):
        type_value(".".join(["a"] * 20_000))
    assert type_value("a.b.c") == "a.b.c"


@pytest.mark.parametrize(
    "text",
    [
        "[" + "g" * 1_000_000 + ":vars]\nx=1\n",
        "[" + "g" * 1_000_000 + "] ; comment\n",
        "[p:children]\n" + "c" * 1_000_000 + "\n",
        "[" + "g" * 1_000_000 + ":other]\n",
    ],
    ids=["undeclared-group", "comment-after-header", "undeclared-child", "unknown-kind"],
)
def test_a_huge_group_name_makes_a_short_message(text: str) -> None:
    with pytest.raises(IniParseError) as caught:
        parse_ini(text, "/x.ini")
    assert len(str(caught.value)) < 2000
