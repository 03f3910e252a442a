# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""split_words on quotes, escapes and comments, against shlex (no Ansible needed).

Explicit lines first, one for each path through split_words and each kind of piece, so that a
fast path that drops or rewrites a character fails every run; then grammar-aware strategies.
"""

from __future__ import annotations

import typing as t

import pytest
from hypothesis import given
from hypothesis import strategies as st
from shell_words import shlex_words, split_outcome, words_or_error
from strategies import grammar_text, host_line_values, property_settings, shell_quoted

from ansible_collections.iniplus.inventory.plugins.module_utils import ini_words
from ansible_collections.iniplus.inventory.plugins.module_utils.ini_words import ShellWordsError, split_words

LINES = [
    # plain words, single spaces and other blanks
    "h1",
    "h1 x=1 y=2",
    "h1  x=1\ty=2 ",
    " \th1\r\n",
    "\x0bh1 x",
    # one kind of quote, spaces only (the quote-splitting path)
    "h1 a='x y' b='xy'",
    'h1 a="x y" b="xy"',
    "h1 'x'y 'z'",
    'h1 a=""b"" c',
    'x"y z"x',
    "'x' 'y'",
    "a'' ''b",
    "'' x",
    "x ''",
    "x'  'y",
    # both kinds of quote, or a tab: the word pattern
    "h1 a='x \"y\"' b=\"x 'y'\"",
    "h1 a='x'\tb=\"y\"",
    # escapes: outside quotes, inside double quotes (only \\ and \" escape), inside single quotes (none)
    "h1 a=x\\ y b=\\'x\\'",
    'h1 a="x\\"y" b="x\\\\y" c="x\\ty"',
    "h1 a='x\\ty' b='x\\'",
    "h1 a=\\\\x",
    "h1 a='x\\\\y' b='q\\\"' c=\\\\",
    "h1 msg=\"'C:\\\\temp\\\\new'\"",
    "h1 msg=\"'line1\\nline2'\"",
    # comments
    "h1 # x=1",
    "h1 a=x#y",
    "h1 a='x#y' b=\"x#y\" # c",
    "#x y",
    "h1 a=\\#x",
    "h1 a=x #'open",
    # errors: where they are and which message
    "h1 a='x",
    'h1 a="x',
    'h1 a="x\\',
    "h1 a=x\\",
    "h1 a='x' b=\"y",
    'h1 a="\\',
    '"\\',
    '"\\\\\\',
    "h1 a=\"'x\\",
    # words that run across quoted and plain pieces
    "a'x y'b\"z w\"c\\ d",
    "x'y'\"z\"",
]


@pytest.mark.parametrize("line", LINES)
def test_split_words_equals_shlex(line: str) -> None:
    assert words_or_error(split_words, line) == shlex_words(line)


@pytest.mark.parametrize("line", LINES)
def test_every_path_equals_the_scanner(line: str) -> None:
    assert split_outcome(split_words, line) == split_outcome(ini_words._scan, line)


@pytest.mark.parametrize(
    ("line", "offsets"),
    [
        ("h1 x=1", [0, 3]),
        ("h1  'x y' z", [0, 4, 10]),
        ('h1 "x" z', [0, 3, 7]),
        ("h1\tx='y' z", [0, 3, 9]),
        ("h1 a\\ b c", [0, 3, 8]),
        ('  h1 x="y" #c', [2, 5]),
    ],
)
def test_offsets(line: str, offsets: list[int]) -> None:
    assert split_words(line)[1] == offsets
    assert split_words(line, 5)[1] == [offset + 5 for offset in offsets]


@pytest.mark.parametrize(
    ("line", "message", "offset"),
    [
        ("h1 a='x", "No closing quotation", 5),
        ('h1 a="x', "No closing quotation", 5),
        ('h1 a="x\\', "No escaped character", 5),
        ("h1 a=x\\", "No escaped character", 6),
        ("h1 'a' \"b", "No closing quotation", 7),
        ('h1 a="\\', "No escaped character", 5),
        ('"\\\\', "No closing quotation", 0),
    ],
)
def test_errors_say_what_and_where(line: str, message: str, offset: int) -> None:
    with pytest.raises(ShellWordsError) as caught:
        split_words(line)
    assert (str(caught.value), caught.value.offset) == (message, offset)


@pytest.mark.parametrize(
    "value", ["'x\\ty'", "['x', \"y\\n\"]", "b'x\\x41'", "r'C:\\temp'", "'it\\'s'", '"q\\"x"']
)
@pytest.mark.parametrize("how", [0, 1, 2])
def test_quoted_values_reach_literal_eval_as_written(value: str, how: int) -> None:
    line = f"h1 k={shell_quoted(value, how)} x=y"
    assert split_words(line)[0] == ["h1", f"k={value}", "x=y"] == shlex_words(line)


@property_settings(max_examples=800)
@given(grammar_text(30))
def test_grammar_text_equals_shlex(line: str) -> None:
    assert words_or_error(split_words, line) == shlex_words(line)


@property_settings(max_examples=300)
@given(st.lists(host_line_values(), min_size=1, max_size=3), st.sampled_from([" ", "  ", "\t"]))
def test_host_lines_with_quoted_values_equal_shlex(values: list[tuple[str, str]], blank: str) -> None:
    line = blank.join(["h1", *(f"k{index}={written}" for index, (written, _value) in enumerate(values))])
    expected = ["h1", *(f"k{index}={value}" for index, (_written, value) in enumerate(values))]
    assert words_or_error(split_words, line) == shlex_words(line) == expected


class _Forbidden:
    """Stands in for a slower path that a line must not need."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, *args: object) -> t.NoReturn:
        raise AssertionError(f"{self.name} was used")

    def fullmatch(self, *args: object) -> t.NoReturn:
        raise AssertionError(f"{self.name} was used")


@pytest.mark.parametrize("line", ["h1 x=1 y=2", "h1  x=1\ty=2", "h1 a='x y' b='z'", 'h1 a="x y"'])
def test_lines_without_escape_or_comment_skip_the_general_splitter(
    line: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = shlex_words(line)
    if ("\t" not in line and ("'" in line) != ('"' in line)) or not ("'" in line or '"' in line):
        monkeypatch.setattr(ini_words, "_split_any", _Forbidden("_split_any"))
    monkeypatch.setattr(ini_words, "_WELL_FORMED_LINE", _Forbidden("_WELL_FORMED_LINE"))
    monkeypatch.setattr(ini_words, "_scan", _Forbidden("_scan"))
    assert split_words(line)[0] == expected


@pytest.mark.parametrize("line", ["h1 a='x \"y\"'", "h1 a=x\\ y", 'h1 a="x\\"y" b=\\#', "h1 a='x'\tb=\"y\""])
def test_well_formed_lines_without_comment_take_one_pass(line: str, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = shlex_words(line)
    monkeypatch.setattr(ini_words, "_WELL_FORMED_LINE", _Forbidden("_WELL_FORMED_LINE"))
    monkeypatch.setattr(ini_words, "_scan", _Forbidden("_scan"))
    assert split_words(line)[0] == expected


@pytest.mark.parametrize("line", ["h1 a=x # c", "h1 a='x' #c 'open"])
def test_comments_need_no_scanner(line: str, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = shlex_words(line)
    monkeypatch.setattr(ini_words, "_scan", _Forbidden("_scan"))
    assert split_words(line)[0] == expected


@pytest.mark.parametrize("line", ["h1 a='x \"y\"'", "h1 a='x'\tb=\"y\"", "h1 a=\\\\x b='x \"y\"'"])
def test_text_without_escape_or_comment_takes_the_simple_word_pattern(
    line: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past the first backslash the full word pattern is needed; before it, the simple one does."""
    expected = shlex_words(line)
    if "\\" not in line:
        monkeypatch.setattr(ini_words, "_BLANKS_AND_WORD", _Forbidden("_BLANKS_AND_WORD"))
    assert split_words(line)[0] == expected
