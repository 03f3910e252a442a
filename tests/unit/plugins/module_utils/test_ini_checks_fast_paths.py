# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that have a quick form beside their plain one: the two must always agree."""

from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st
from strategies import property_settings

from ansible_collections.iniplus.inventory.plugins.module_utils import ini_checks

SETTINGS = property_settings(max_examples=1500)

# What the glued-comment check turns on: '#' (in runs too), both quotes, and the characters
# str.isspace() and the pattern's \s must both call blank (shlex's four, \x0b, \x1c, NBSP, NEL).
comment_lines = st.lists(
    st.sampled_from([*"#'\" \t\r\n", "\x0b", "\x1c", "\xa0", "\x85", "a", "x=1", "é", "##"]), max_size=24
).map("".join)


@SETTINGS
@given(comment_lines, st.integers(min_value=0, max_value=3))
@example("h x=1#c", 0)
@example("h a='x#y' b=1#z", 2)
@example('h a="\'"#c', 0)
@example("#a##b", 0)
@example("x####", 1)
@example("h labels=\"['a', 'b']\" # ticket 1", 0)
def test_glued_comment_agrees_with_its_pattern(line: str, indent: int) -> None:
    assert ini_checks.glued_comment(line, indent) == ini_checks._glued_comment_by_pattern(line, indent)


def test_glued_comment_finds_the_first_glued_sign_outside_quotes() -> None:
    found = ini_checks.glued_comment("h a='x#y' b=1#z", 2)
    assert found is not None
    assert (found.code, found.column, found.span) == ("comment-cuts-value", 16, 2)
    assert ini_checks.glued_comment("h a='x#y' # c", 0) is None
