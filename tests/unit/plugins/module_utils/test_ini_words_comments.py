# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""``split_words`` on lines with comments and hostile blanks, against ``shlex.split``.

* the comment fast path (text before the first '#', when no quote or escape, or only paired
  quotes of one kind, come before it) gives shlex's words and the scanner's offsets;
* every pattern in ``ini_words`` is used in a way that is linear in the text: checked by
  counting what each pattern is handed, never by timing;
* unquoting a long quoted value costs memory in proportion to the value, not ~170 bytes a
  character (tracemalloc's peak, not the clock).
"""

from __future__ import annotations

import re
import shlex
import tracemalloc
import typing as t

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from shell_words import shlex_words, split_outcome, words_or_error

from ansible_collections.iniplus.inventory.plugins.module_utils import ini_words
from ansible_collections.iniplus.inventory.plugins.module_utils.ini_words import (
    split_words,
)

SETTINGS = settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# ASCII the grammar cares about, blanks and tabs; no line breaks (the parser splits lines).
GRAMMAR_CHARS = st.sampled_from([*"ab1=\\'\"#,:[](){} \t", "  ", "# c", "k=v", "'x y'", '"x y"', "\\#"])
lines = st.lists(GRAMMAR_CHARS, max_size=30).map("".join)
# Lines for the comment fast path: a head with no escape and no quote or one kind of quote,
# then a comment sign (starting a word or glued to one), then anything at all.
heads = st.sampled_from(["", "'", '"']).flatmap(
    lambda quote: st.lists(st.sampled_from([*"ab1=,:[](){} ", "  ", "k=v", *([quote] * 3)]), max_size=20).map(
        "".join
    )
)
comment_lines = st.tuples(heads, st.sampled_from(["#", " #", "\t#"]), lines).map("".join)


@SETTINGS
@given(comment_lines)
@example("h a=1 # c")
@example("h a=1# c 'unclosed")
@example('h a="x y" # c "unclosed')
@example('h a="x # y" b=1 # c')
@example("h a='x' 'y # c")
@example("h a=1   \t# c \\")
def test_comment_lines_split_as_shlex_does(line: str) -> None:
    assert words_or_error(split_words, line) == shlex_words(line)
    assert split_outcome(split_words, line) == split_outcome(ini_words._scan, line)


@SETTINGS
@given(lines)
@example("\\ ")
@example("a\\  ")
@example("a\\\\  ")
@example("a 'b c'   # d")
def test_any_line_splits_as_shlex_does(line: str) -> None:
    assert words_or_error(split_words, line) == shlex_words(line)
    assert split_outcome(split_words, line) == split_outcome(ini_words._scan, line)


@SETTINGS
@given(st.lists(st.sampled_from([*"ab'\"\\ #", "\\\\", '\\"', "'\\'"]), max_size=25).map("".join))
def test_unquoting_equals_shlex_on_single_words(word: str) -> None:
    try:
        expected: t.Any = shlex.split(word, comments=True)
    except ValueError:
        return
    if (
        len(expected) != 1
        or ini_words._WELL_FORMED_LINE.fullmatch(word) is None
        or " " in word
        or "#" in word
    ):
        return
    assert ini_words._unquote(word) == expected[0]


# --- bounded operations ---------------------------------------------------------------------
class _Recorder:
    """Stands in for a compiled pattern and records what each call is handed."""

    # Methods that retry from every position of the region they are given.
    SCANNING = frozenset(("findall", "finditer", "search", "sub"))

    def __init__(self, pattern: re.Pattern[str], calls: list[tuple[str, int, bool]]) -> None:
        self.pattern = pattern
        self.calls = calls

    def __getattr__(self, method: str) -> t.Any:
        real = getattr(self.pattern, method)

        def call(*args: t.Any) -> t.Any:
            text = args[1] if method == "sub" else args[0]
            start = args[1] if method != "sub" and len(args) > 1 else 0
            end = args[2] if method != "sub" and len(args) > 2 else len(text)
            result = real(*args)
            if method == "match":
                # Anchored: it reads what it matches; a failed match reads one character,
                # or up to the end from an opening quote that is never closed.
                if result is not None:
                    handed = result.end() - start + 1
                else:
                    handed = end - start if text[start : start + 1] in ("'", '"') else 1
            else:
                handed = end - start
            # Whether the region ends in two or more blanks (one may be an escaped blank).
            blank_tail = end - start >= 2 and text[end - 1] in " \t\r\n" and text[end - 2] in " \t\r\n"
            self.calls.append((method, handed, blank_tail))
            return result

        return call


@pytest.fixture
def pattern_calls(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int, bool]]:
    calls: list[tuple[str, int, bool]] = []
    for name, value in vars(ini_words).copy().items():
        if isinstance(value, re.Pattern):
            monkeypatch.setattr(ini_words, name, _Recorder(value, calls))
    return calls


HOSTILE_LINES = [
    "h a=1" + " " * 40_000 + "# c",  # issue 12: 43 s before, the builtin 0.6 s
    "h a='1'" + " " * 40_000 + "# c",
    "h a='1' b=\\x" + " " * 40_000 + "# c",
    "h a='1' b=\"x\"" + "\t" * 40_000 + "# c 'x",
    "h a=1" + " " * 40_000,
    "h a='1'" + " " * 40_000,
    "h a=\\ " + " " * 40_000,
    "h " + "a " * 20_000 + "'",
    "h " + "'a' " * 10_000 + "\\",
    "h 'a' " + " # '" * 10_000,
]


@pytest.mark.parametrize("line", HOSTILE_LINES, ids=range(len(HOSTILE_LINES)))
def test_patterns_only_scan_regions_that_keep_them_linear(
    line: str, pattern_calls: list[tuple[str, int, bool]]
) -> None:
    """Each scanning call gets a region that does not end in a run of blanks, and all the calls
    together get at most a few times the line: no pattern can retry a long run of blanks from
    every position (what made ``h a=1`` + 40,000 blanks + ``# c`` take 43 s)."""
    assert words_or_error(split_words, line) == shlex_words(line)
    for method, _handed, blank_tail in pattern_calls:
        assert not (blank_tail and method in _Recorder.SCANNING), method
    assert sum(handed for _method, handed, _tail in pattern_calls) <= 4 * len(line)


def test_unquoting_a_long_value_costs_memory_in_proportion() -> None:
    """Issue 12: a 5 MB quoted value with a backslash took 850 MB to unquote. Here 1 MB must
    not take more than a few MB at peak (tracemalloc counts the regex engine's stack too)."""
    size = 1_000_000
    line = 'h v="' + "a" * size + '\\"b"'
    tracemalloc.start()
    try:
        words, _offsets = split_words(line)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert words == ["h", "v=" + "a" * size + '"b']
    assert peak < 8 * size
