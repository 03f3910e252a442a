# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Examples that pin what the mutation session (tests/mutation/run.py) found unguarded in the
parser's hot loop (``parse``, ``_host_line``, ``_add_host``, ``_host_variables``, ``_assignment``,
``_vars_line``, ``_remember``): blank and comment lines, the byte-order mark, positions on
indented lines, the steps of host sections, repeated hosts, values that cannot be typed.
"""

from __future__ import annotations

import pytest

from ansible_collections.iniplus.inventory.plugins.module_utils import ini_parser
from ansible_collections.iniplus.inventory.plugins.module_utils.ini_model import IniStep
from ansible_collections.iniplus.inventory.plugins.module_utils.ini_parser import IniParseError, parse_ini


def _errors(text: str | bytes) -> list[tuple[str, int, int, int]]:
    with pytest.raises(IniParseError) as raised:
        parse_ini(text, "t.ini")
    return [(d.code, d.line, d.column, d.span) for d in raised.value.diagnostics]


def _warnings(text: str | bytes) -> list[tuple[str, int, int, str]]:
    return [(d.code, d.line, d.column, d.line_text) for d in parse_ini(text, "t.ini").diagnostics]


# --- the main loop -----------------------------------------------------------------------
def test_blank_and_comment_lines_are_skipped_and_reading_goes_on() -> None:
    model = parse_ini("h1\n\n# a comment\nh2\n   \n; another\n[a]\n\nh3\nh4 a=b;\n", "t.ini")
    assert list(model.hosts) == ["h1", "h2", "h3", "h4"]  # a line that ends in ';' is no comment
    assert model.hosts["h4"].vars[0].value == "b;"
    assert model.groups["a"].hosts == ["h3", "h4"]
    assert not model.diagnostics


def test_a_yaml_file_is_explained_by_its_first_error() -> None:
    # The first error already says YAML; later ones (missing-port) do not add a not-ini lead.
    assert [code for code, *_rest in _errors("---\nall:\n  hosts:\n")] == [
        "yaml-document",
        "missing-port",
        "missing-port",
    ]


def test_every_bad_header_is_reported_not_only_the_first() -> None:
    assert _errors("[a]]\nh\n[b]]\nh\n") == [("invalid-section", 1, 1, 4), ("invalid-section", 3, 1, 4)]


def test_byte_order_mark_is_dropped_from_the_first_line_and_warned_there() -> None:
    model = parse_ini("\ufeffh1 a=1\nh2\nh3\n", "t.ini")
    assert list(model.hosts) == ["h1", "h2", "h3"]
    assert model.hosts["h1"].vars[0].column == 4
    assert _warnings("\ufeffh1 a=1\nh2\nh3\n") == [("byte-order-mark", 1, 1, "h1 a=1")]


def test_undecodable_bytes_are_warned_on_their_line() -> None:
    assert _warnings(b"h1\nh\xff a=1\n") == [("not-utf8", 2, 2, "h\udcff a=1")]


def test_each_host_section_is_one_step_of_its_group() -> None:
    model = parse_ini("h1\nh2\n[a]\nh3\n[a:vars]\nx=1\n[b]\nh4\nh5\n[a]\nh6\n", "t.ini")
    assert model.steps == [
        IniStep("ungrouped", None, 0, 2),
        IniStep("a", None, 0, 1),
        IniStep("b", None, 0, 2),
        IniStep("a", None, 1, 2),
    ]


def test_a_host_section_at_the_end_is_a_step_too() -> None:
    assert parse_ini("[a]\nh1\n", "t.ini").steps == [IniStep("a", None, 0, 1)]


# --- host lines --------------------------------------------------------------------------
def test_unclosed_quote_spans_the_rest_of_the_line() -> None:
    assert _errors('  h "abc\n') == [("unclosed-quote", 1, 5, 4)]


def test_empty_host_name_is_refused() -> None:
    assert _errors('"" a=1\n') == [("empty-host-name", 1, 1, 1)]


def test_a_quoted_yaml_document_start_is_refused() -> None:
    # ansible.builtin.ini refuses any host whose name strips to '---'.
    assert _errors('"--- " a=1\n') == [("yaml-document", 1, 1, 4)]


def test_a_range_of_no_host_still_makes_its_group() -> None:
    model = parse_ini("x[3:1]\n[a]\nh\n", "t.ini")
    assert list(model.groups) == ["ungrouped", "a"]
    assert _warnings("x[3:1]\n[a]\nh\n") == [("empty-range", 1, 1, "x[3:1]")]


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("h  x={[1]:2}\n", ("unusable-value", 1, 6, 7)),  # the value's column, after 'x='
        ("h  long_name={[1]:2}\n", ("unusable-value", 1, 14, 7)),
        ("[g]\n[g:vars]\n  x = {[1]:2}\n", ("unusable-value", 3, 7, 7)),
    ],
)
def test_unusable_value_is_an_error_at_the_value(text: str, error: tuple[str, int, int, int]) -> None:
    assert _errors(text) == [error]


def test_a_name_given_twice_on_a_line_keeps_the_last_value() -> None:
    assignments = parse_ini("h a=1 a=2\n", "t.ini").hosts["h"].assignments
    assert [(a.pairs, a.columns) for a in assignments] == [([("a", 2)], [7])]


# --- repeated hosts ----------------------------------------------------------------------
def test_variables_on_a_second_line_of_a_host_without_any() -> None:
    model = parse_ini("h\nh a=1\nh a=2\n", "t.ini")
    assert [(v.name, v.value, v.line) for v in model.hosts["h"].vars] == [("a", 1, 2), ("a", 2, 3)]


def test_conflicts_compare_with_the_latest_value() -> None:
    messages = [d.message for d in parse_ini("h a=1\nh a=2\nh a=3\nh a=3\n", "t.ini").diagnostics]
    assert messages == [
        "host 'h' sets a=2 here and 1 on line 1; the later one wins",
        "host 'h' sets a=3 here and 2 on line 2; the later one wins",
    ]


# --- :vars lines -------------------------------------------------------------------------
def test_vars_line_positions_follow_the_indent() -> None:
    model = parse_ini("[g]\n[g:vars]\n  x=1\n    my-var = 2\n", "t.ini")
    assert [(a.line, a.pairs, a.columns) for a in model.groups["g"].assignments] == [
        (3, [("x", 1)], [3]),
        (4, [("my-var", 2)], [5]),
    ]
    assert [(d.code, d.line, d.column, d.span) for d in model.diagnostics] == [
        ("invalid-variable-name", 4, 5, 6)
    ]
    assert _errors("[g]\nh\n[g:vars]\n  novalue\n") == [("expected-key-value", 4, 3, 7)]


# --- _remember: the memo tables stay bounded ---------------------------------------------
def test_remember_clears_a_full_table_only() -> None:
    limit = 65536
    assert limit == ini_parser._MEMO_LIMIT
    memo = {str(index): index for index in range(limit - 1)}
    ini_parser._remember(memo, "a", 1)
    assert len(memo) == limit and memo["a"] == 1
    ini_parser._remember(memo, "b", 2)
    assert memo == {"b": 2}
