# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""ini_words: tests written against the mutants that survived the earlier suite (issue 18).

Words are compared with ``shlex.split(line, comments=True)``; offsets with the piece-by-piece
scanner ``_scan`` (the slow path, which reads every line the same way), and with ``origin``
added; errors with shlex's message and the scanner's offset. The lines are drawn from the few
characters the fast paths turn on, in the proportions that send them down each path: one kind of
quote and spaces only (the quote splitter), a comment sign before or after the quotes (the
comment fast path), tabs and line breaks (the general pattern), escapes (the unquoting).
"""

from __future__ import annotations

import re
import shlex
import typing as t

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from strategies import property_settings

from ansible_collections.iniplus.inventory.plugins.module_utils import ini_words
from ansible_collections.iniplus.inventory.plugins.module_utils.ini_words import ShellWordsError, split_words


def _expected(line: str) -> tuple[list[str], list[int]] | tuple[str, int]:
    """shlex's words and the scanner's offsets, or shlex's message and the scanner's offset."""
    try:
        words = shlex.split(line, comments=True)
    except ValueError as error:
        with pytest.raises(ShellWordsError) as scanned:
            ini_words._scan(line)
        return str(error), scanned.value.offset
    scanned_words, offsets = ini_words._scan(line)
    assert scanned_words == words
    return words, offsets


def _ours(line: str, origin: int = 0) -> tuple[list[str], list[int]] | tuple[str, int]:
    try:
        words, offsets = split_words(line, origin)
    except ShellWordsError as error:
        return str(error), error.offset
    return words, [offset - origin for offset in offsets]


def _check(line: str) -> None:
    expected = _expected(line)
    assert _ours(line) == expected
    assert _ours(line, 7) == expected
    if isinstance(expected[0], list):
        assert ini_words._split_any(line) == expected


ONE_QUOTE = st.lists(st.sampled_from([*"ab ", " ", "  ", "'", "'"]), max_size=16).map("".join)
ONE_DOUBLE = ONE_QUOTE.map(lambda line: line.replace("'", '"'))
COMMENTED = st.lists(st.sampled_from([*"ab '\"#", " ", "#", "\\"]), max_size=16).map("".join)
# (no '#' with a line break: a host line has none, and shlex would end the comment there)
BLANKS = st.lists(st.sampled_from([*"ab '\"\\", "\t", "\r", "\n", " ", "  "]), max_size=16).map("".join)
BLANKS_COMMENTED = st.lists(st.sampled_from([*"ab '\"#\\", "\t", "\r", " "]), max_size=16).map("".join)
ESCAPED = st.lists(
    st.sampled_from([*"ab '\"", "\\", "\\\\", '\\"', "\\'", "\\ ", '"\\"', "'\\'", "#"]), max_size=14
).map("".join)


@given(st.one_of(ONE_QUOTE, ONE_DOUBLE, COMMENTED, BLANKS, BLANKS_COMMENTED, ESCAPED))
@property_settings(1500)
@example("a'b c'd e")
@example("a b'c'")
@example("a b'c'd 'e'")
@example('a b"c" d')
@example('a "b c" d')
@example("'a' 'b'")
@example("a''")
@example("''a")
@example("a  'b'  c")
@example("'' ''")
@example(" 'a b'c ")
@example("a 'b")
@example('a "b')
@example("a\t'b c'")
@example("a 'b' # c")
@example("a#b 'c'")
@example("a # 'b")
@example("'#' a")
@example("a '#' b # c 'd")
@example("a \\# b")
@example('a "b\\"c" d')
@example('a "b\\\\" c')
@example('"a\\')
@example('"\\\\\\')
@example("a\\ b")
@example("a\\")
@example("a \\\n")
@example("a\\\t ")
@example("a 'b'\t ")
@example("'a'\"b\"'c'")
@example("a b\\")
@example("a\t\tb  c")
@example("a\n 'b'")
@example('ab"c\\"d"e f')
@example("\\'")
@example("a ''\"b\" c")
def test_lines_split_as_shlex_and_the_scanner_do(line: str) -> None:
    _check(line)


@pytest.mark.parametrize(
    "word",
    [
        "'a'",
        '"a"',
        "a'b'c",
        'a"b"c',
        "'a'\"b\"",
        "\"a'\"'b\"'",
        '"a\\"b"',
        '"a\\\\b"',
        '"a\\b"',
        "a\\b",
        "\\'",
        '"\\\\"',
        "''",
        '""',
        "''\"a\"",
        "a''\\b",
    ],
)
def test_unquoting_single_words(word: str) -> None:
    assert ini_words._unquote(word) == shlex.split(word)[0]
    if "\\" in word or ("'" in word and '"' in word):
        assert ini_words._unquote_pieces(word) == shlex.split(word)[0]


def test_split_plain_offsets() -> None:
    assert ini_words._split_plain("a b  c", 3) == (["a", "b", "c"], [3, 5, 8])
    assert ini_words._split_plain("a b c", 0) == (["a", "b", "c"], [0, 2, 4])
    assert ini_words._split_plain("a\tb ", 0) == (["a", "b"], [0, 2])
    assert ini_words._split_plain("a b ", 1) == (["a", "b"], [1, 3])
    assert ini_words._split_plain(" ", 0) == ([], [])
    assert ini_words._split_plain("", 0) == ([], [])


class _Findall:
    """Stands in for a pattern and records the text each findall is handed."""

    def __init__(self, pattern: re.Pattern[str], texts: list[str]) -> None:
        self.pattern, self.texts = pattern, texts

    def findall(self, text: str, *args: int) -> list[t.Any]:
        self.texts.append(text[slice(*args)] if args else text)
        return self.pattern.findall(text, *args)


@pytest.mark.parametrize("line", ["h a=1  ", "h  a=1 ", "h\ta=1 \t", "h a  b  ", "  "])
def test_plain_words_never_scan_a_run_of_trailing_blanks(line: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # a run of blanks at the end of the scanned text is retried from each of its positions
    texts: list[str] = []
    monkeypatch.setattr(
        ini_words, "_BLANKS_AND_PLAIN_WORD", _Findall(ini_words._BLANKS_AND_PLAIN_WORD, texts)
    )
    assert split_words(line)[0] == shlex.split(line, comments=True)
    assert not [text for text in texts if text[-1:] in ini_words._SHELL_BLANKS and text]
