# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""On ansible-core 2.19+, the builder's tagging against ``AnsibleTagHelper.tag``.

The values drawn (``tests/helpers/value_shapes.py``) are those of the ``type_value`` fast-path
test. No timings here: speed is measured by ``benchmarks/run.py``, never asserted in tests.
"""

# Exact types are what these tests check (UntrustedText is a str, bool an int).
# pylint: disable=unidiomatic-typecheck

from __future__ import annotations

import typing as t

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from strategies import property_settings
from value_shapes import comparable, fast_shapes, values

from ansible_collections.iniplus.inventory.plugins.module_utils.ini_model import IniAssignments, UntrustedText
from ansible_collections.iniplus.inventory.plugins.module_utils.ini_values import (
    ValueTypingError,
    type_value,
)

SETTINGS = property_settings(max_examples=1500)


tagging = pytest.importorskip(
    "ansible_collections.iniplus.inventory.plugins.plugin_utils._datatag", reason="needs ansible-core"
)


@pytest.mark.skipif(not tagging.HAS_DATA_TAGGING, reason="ansible-core < 2.19 has no data tagging")
@SETTINGS
@given(st.one_of(values, fast_shapes), st.integers(1, 5))
@example("[1, {'a': (2, 'b')}]", 3)
@example("b'x'", 1)
def test_tagger_equals_tag_helper(text: str, line: int) -> None:
    from ansible._internal._datatag._tags import Origin, TrustedAsTemplate
    from ansible.module_utils._internal._datatag import AnsibleTagHelper

    try:
        value = type_value(text)
    except ValueTypingError:
        return
    origin = Origin(path="/inv.ini", line_num=line)

    def slow(item: t.Any) -> t.Any:
        # ansible.builtin.ini's _parse_recursive_coerce_types_and_tag, on normalised values.
        if type(item) is str:
            return TrustedAsTemplate().tag(origin.tag(item))
        if isinstance(item, UntrustedText):
            return origin.tag(str(item))
        if isinstance(item, list):
            return origin.tag([slow(element) for element in item])
        if isinstance(item, dict):
            return origin.tag({origin.tag(key): slow(element) for key, element in item.items()})
        return origin.tag(item)

    def described(item: t.Any) -> t.Any:
        tags = AnsibleTagHelper.tags(item)
        native = AnsibleTagHelper.base_type(item)
        if isinstance(item, list):
            return (native, tags, [described(element) for element in item])
        if isinstance(item, dict):
            return (native, tags, [(described(k), described(v)) for k, v in item.items()])
        return (native, tags, comparable(AnsibleTagHelper.as_native_type(item)))

    tagger = tagging.SourceTagger("/inv.ini")
    # Two lines, so that tags are looked up per record: the earlier line's must not leak.
    records = [IniAssignments(line + 1, [("other", 1)], [1]), IniAssignments(line, [("name", value)], [1])]
    (_other_key, _other), (key, tagged) = tagger.variables(records)
    assert described(key) == described(origin.tag("name"))
    assert described(tagged) == described(slow(value))
