# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""``type_value`` against ``ast.literal_eval`` plus normalisation (``literal_eval_value``).

The values drawn (``tests/helpers/value_shapes.py``) build every kind of literal, many near
misses and the shapes the fast paths take. No timings here: speed is measured by
``benchmarks/run.py``, never asserted in tests.
"""

# Exact types are what these tests check (UntrustedText is a str, bool an int).
# pylint: disable=unidiomatic-typecheck

from __future__ import annotations

import typing as t

from hypothesis import example, given
from hypothesis import strategies as st
from strategies import property_settings
from value_shapes import comparable, fast_shapes, values

from ansible_collections.iniplus.inventory.plugins.module_utils.ini_model import UntrustedText
from ansible_collections.iniplus.inventory.plugins.module_utils.ini_values import (
    ValueTypingError,
    literal_eval_value,
    type_value,
)

SETTINGS = property_settings(max_examples=1500)


def _typed(typer: t.Callable[[str], t.Any], text: str) -> t.Any:
    try:
        return comparable(typer(text))
    except ValueTypingError as error:
        return ("refused", str(error))


@SETTINGS
@given(st.one_of(values, fast_shapes))
@example("Welcome to {{ inventory_hostname }}")
@example("b'x'")
@example("set()")
@example("None")
@example("Noneé")
@example("Nonℯ")
@example("None²")
@example("x" + "-" * 199)
@example("x-" + "-" * 197 + "1")
@example("1.2.3")
@example("-0.0")
@example("00.5")
@example("9" * 18 + "." + "9" * 17)
@example("'\x00'")
@example("'\udcff'")
def test_type_value_equals_literal_eval(text: str) -> None:
    assert _typed(type_value, text) == _typed(literal_eval_value, text)


def test_untrusted_bytes_stay_untrusted() -> None:
    assert type(type_value("b'x'")) is UntrustedText
