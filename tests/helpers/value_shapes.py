# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Values for the fast-path property tests of ``type_value`` and the tagger, and an exact comparison.

``values`` joins pieces that build every kind of literal and many near misses; ``fast_shapes``
draws the shapes the fast paths take directly, so that each is hit often. ``comparable`` keeps
a value's exact type, so that ``1 == 1.0 == True`` does not hide a difference.
"""

from __future__ import annotations

import math
import typing as t

from hypothesis import strategies as st

# Pieces that build every kind of literal and many near misses.
VALUE_PIECES = [
    "0",
    "1",
    "7",
    "05",
    "-",
    "+",
    ".",
    "e",
    "j",
    "_",
    "x",
    "web",
    "a.b",
    "10.0.0.1",
    "1.5",
    "True",
    "False",
    "None",
    "set",
    "set()",
    "not",
    "lambda",
    "if",
    "b",
    "r",
    "u",
    "f",
    "'",
    '"',
    "\\",
    "[",
    "]",
    "(",
    ")",
    "{",
    "}",
    ":",
    ",",
    " ",
    "\t",
    "#",
    "=",
    "*",
    "/",
    "@",
    "é",
    "ℯ",
    "²",
    "\x00",
    "\n",
    "\r",
    "\x0c",
    "\x85",
    "\u2028",
    "\udcff",
    "{{ x }}",
    "...",
    "0x1F",
    "1e3",
    "1_000",
    "Non",
    "Tru",
    "'a'",
    '"b"',
    "b'x'",
]
values = st.lists(st.sampled_from(VALUE_PIECES), max_size=12).map("".join)
# The shapes the fast paths take, drawn directly so that each is hit often.
fast_shapes = st.one_of(
    st.from_regex(r"[A-Za-z_][A-Za-z0-9_.\-/:@]{0,12}", fullmatch=True),
    st.from_regex(r"-?[0-9]{1,20}", fullmatch=True),
    st.from_regex(r"-?[0-9]{1,18}\.[0-9]{1,18}", fullmatch=True),
    st.from_regex(r"[0-9]{1,4}(\.[0-9]{1,4}){1,4}", fullmatch=True),
    st.from_regex(r"'[^'\\]{0,8}'|\"[^\"\\]{0,8}\"", fullmatch=True),
    st.builds(
        lambda head, rest: head + rest, st.sampled_from(["x", "Welcome", "None", "set", "b", "rb"]), values
    ),
    st.text(max_size=12),
)


def comparable(value: t.Any) -> t.Any:
    """The value with its exact type, so 1 == 1.0 == True do not hide a difference."""
    if isinstance(value, float):
        return ("float", "nan" if math.isnan(value) else math.copysign(1, value) * abs(value), repr(value))
    if isinstance(value, list):
        return ("list", [comparable(item) for item in value])
    if isinstance(value, dict):
        return ("dict", [(comparable(k), comparable(v)) for k, v in value.items()])
    return (type(value).__name__, value)
