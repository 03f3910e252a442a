# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""``split_words`` against the slow, obvious implementations it replaces.

Against ``shlex.split(line, comments=True)`` (what ansible.builtin.ini calls), words and errors
alike, and against the collection's own piece-by-piece scanner. No timings here: speed is
measured by ``benchmarks/run.py``, never asserted in tests.
"""

from __future__ import annotations

import shlex

from hypothesis import example, given
from hypothesis import strategies as st
from shell_words import shlex_words, split_outcome, words_or_error
from strategies import property_settings

from ansible_collections.iniplus.inventory.plugins.module_utils import ini_words
from ansible_collections.iniplus.inventory.plugins.module_utils.ini_words import (
    ShellWordsError,
    split_words,
)

SETTINGS = property_settings(max_examples=1500)


# Characters that matter to shlex, plus enough ordinary ones to make words. No line breaks:
# the parser hands over one line at a time (str.splitlines), and shlex's comments end at one.
LINE_CHARS = st.sampled_from([*list("ab=1 \t'\"\\#{}:é\x0b"), "xy", "k=v", '"a b"', "'c d'", "\\\\"])
lines = st.lists(LINE_CHARS, max_size=30).map("".join)


@SETTINGS
@given(lines)
@example('host motd="Welcome to {{ inventory_hostname }}" x=1')
@example("h a='it''s' b=\"q\\\"x\" c=\\ d # comment 'unclosed")
@example('h x="a\\\\" y=1')
@example("h a#b c")
@example("'unclosed")
@example('h "ends with \\')
@example("h \\")
def test_split_words_equals_shlex(line: str) -> None:
    assert words_or_error(split_words, line) == shlex_words(line)


# Lines for the quote-splitting path: one kind of quote, spaces, no escape or comment sign.
quoted_lines = st.sampled_from(['"', "'"]).flatmap(
    lambda quote: st.lists(
        st.sampled_from([quote, " ", "  ", "a", "k=", "xy", "é", "{{ x }}"]), max_size=30
    ).map("".join)
)


# Lines with both kinds of quote, spaces and a comment sign, no escape: the nested-quote path
# (one kind only inside the other's runs) and the lines it must leave to the others.
nested_quote_lines = st.lists(
    st.sampled_from(['"', "'", " ", "a", "k=", "#", "['x', 'y']", '"it\'s"', "'say \"hi\"'", "é"]),
    max_size=20,
).map("".join)


@SETTINGS
@given(st.one_of(quoted_lines, nested_quote_lines))
@example('host motd="Welcome to {{ inventory_hostname }} in rack 6"')
@example('a""b "" c"d"e  "f g"')
@example("h labels=\"['tier1', 'rack1']\" x=1 # added by ticket OPS-1")
@example("h msg='say \"hi\"' # c")
@example("h a=\"x\" b='#' c")
@example('h a=\'"\' b="#"')
def test_split_words_equals_shlex_on_quoted_lines(line: str) -> None:
    assert words_or_error(split_words, line) == shlex_words(line)
    assert split_outcome(split_words, line) == split_outcome(ini_words._scan, line)


@SETTINGS
@given(lines)
def test_split_words_equals_the_scanner(line: str) -> None:
    assert split_outcome(split_words, line) == split_outcome(ini_words._scan, line)


@SETTINGS
@given(lines)
def test_word_offsets_point_at_their_words(line: str) -> None:
    try:
        words, offsets = split_words(line)
    except ShellWordsError:
        return
    assert len(offsets) == len(words)
    assert offsets == sorted(set(offsets))
    # An origin shifts every position, on every path through split_words.
    assert split_words(line, 7) == (words, [offset + 7 for offset in offsets])
    for word, offset in zip(words, offsets, strict=True):
        assert shlex.split(line[offset:], comments=True)[0] == word


def test_unclosed_quotes_fail_fast_enough_to_finish() -> None:
    # A pattern that backtracks exponentially would never return on these.
    for line in ("a'" * 5000, '"' + "a" * 20000, "a " * 10000 + "'", "\\" * 20001, "'a' " * 5000 + '"'):
        assert words_or_error(split_words, line) == shlex_words(line)
