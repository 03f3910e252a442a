# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Hypothesis strategies and settings shared by the property tests and the generated inventories.

Grammar-aware: the characters INI, shlex and literal_eval care about (``\\ ' " # = , : [ ] { } ( )``,
blanks and tabs) are drawn often, and so are escape sequences inside quotes and ``r''``/``b''``
prefixes, which an alphabet drawn from all of Unicode almost never produces.

``INIPLUS_HYPOTHESIS_EXAMPLES`` caps the number of examples and ``INIPLUS_HYPOTHESIS_DERANDOMIZE=1``
makes every run draw the same ones and skips shrinking: the mutation session (tests/mutation/run.py)
sets both, so that a mutant is judged the same way every time, and quickly.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st


def property_settings(max_examples: int) -> settings:
    """Settings for a property test that runs ``max_examples`` examples (fewer under mutation)."""
    cap = os.environ.get("INIPLUS_HYPOTHESIS_EXAMPLES")
    derandomize = os.environ.get("INIPLUS_HYPOTHESIS_DERANDOMIZE") == "1"
    return settings(
        max_examples=min(max_examples, int(cap)) if cap else max_examples,
        derandomize=derandomize,
        database=None if derandomize else settings.default.database,
        # Derandomised runs only need to know whether a test fails, not the smallest example.
        phases=[Phase.explicit, Phase.generate] if derandomize else list(Phase),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )


# --- characters and pieces the grammar cares about --------------------------------------------
# INI, shlex and literal_eval all turn on these; an alphabet drawn from all of Unicode almost
# never produces them, so they are drawn on purpose, beside a few letters (x and y among them:
# a fast path that rewrote one letter inside quotes must meet it) and a little non-ASCII.
GRAMMAR_CHARS = tuple("\\'\"#=,:[]{}() \t")
LETTERS = tuple("abxyzAXY019_.-/@é")
grammar_chars = st.one_of(st.sampled_from(GRAMMAR_CHARS), st.sampled_from(LETTERS))
# Escape sequences as written inside a Python string literal: the ones that change the text,
# the ones that stand for themselves (\\ \' \"), and ones Python does not know (\d keeps both).
ESCAPES = (
    "\\t", "\\n", "\\r", "\\a", "\\b", "\\f", "\\v", "\\0", "\\101", "\\x41", "\\x7f", "\\xe9",
    "\\u00e9", "\\U0001F600", "\\N{BULLET}", "\\\\", "\\'", '\\"', "\\d", "\\w", "\\ ", "\\x", "\\u12",
)  # fmt: skip
PREFIXES = ("", "", "", "r", "R", "b", "B", "rb", "Rb", "br", "u", "U", "f")


def grammar_text(max_size: int = 20) -> st.SearchStrategy[str]:
    """Text made mostly of the characters the grammar cares about."""
    return st.lists(grammar_chars, max_size=max_size).map("".join)


@st.composite
def string_literals(draw: st.DrawFn, prefixes: tuple[str, ...] = PREFIXES) -> str:
    """A Python string literal (not always a valid one): prefix, quote, text and escapes, quote."""
    quote = draw(st.sampled_from(["'", '"']))
    pieces = st.one_of(
        st.sampled_from(ESCAPES),
        st.sampled_from(LETTERS),
        st.sampled_from([" ", "#", "=", ",", "'", '"', ":"]),
    )
    body = "".join(draw(st.lists(pieces, max_size=8)))
    return draw(st.sampled_from(prefixes)) + quote + body + quote


@st.composite
def python_values(draw: st.DrawFn) -> str:
    """A value as written after key=: a string literal alone or inside a list, tuple or dict."""
    literal = string_literals()
    shape = draw(st.integers(0, 4))
    if shape == 0:
        return f"[{draw(literal)}, {draw(literal)}]"
    if shape == 1:
        return f"({draw(literal)},)"
    if shape == 2:
        return f"{{{draw(literal)}: {draw(literal)}}}"
    return draw(literal)


def shell_quoted(value: str, how: int) -> str:
    """``value`` written as one word on a host line, so that shlex gives ``value`` back.

    0: inside double quotes (shlex keeps a backslash there unless it escapes \" or \\);
    1: inside single quotes (no escapes at all; only when there is no single quote);
    2: bare, every special character escaped with a backslash.
    """
    if how == 1 and "'" not in value:
        return f"'{value}'"
    if how == 2:
        return "".join("\\" + char if char in " \t\"'\\#" else char for char in value)
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


@st.composite
def host_line_values(draw: st.DrawFn) -> tuple[str, str]:
    """(as written on a host line, as shlex hands it to literal_eval) for a quoted Python value."""
    value = draw(python_values())
    return shell_quoted(value, draw(st.integers(0, 2))), value
