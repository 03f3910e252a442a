# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""``split_port`` / ``expand_host_pattern`` against ansible-core's ``parse_address`` and
``expand_hostname_range`` (the slow, obvious implementations they replace).

No timings here: speed is measured by ``benchmarks/run.py``, never asserted in tests.
"""

from __future__ import annotations

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st
from strategies import property_settings

from ansible_collections.iniplus.inventory.plugins.module_utils.ini_hosts import (
    HostPatternError,
    expand_host_pattern,
    split_port,
)

SETTINGS = property_settings(max_examples=1500)


ansible_addresses = pytest.importorskip("ansible.parsing.utils.addresses", reason="needs ansible-core")
ansible_inventory = pytest.importorskip("ansible.plugins.inventory", reason="needs ansible-core")

HOST_PIECES = [
    "web",
    "db",
    "-",
    "_",
    ".",
    "1",
    "09",
    "a",
    "f",
    "z",
    "A",
    "::",
    ":",
    "22",
    "[",
    "]",
    "[1:3]",
    "[01:10]",
    "[a:c]",
    "[1:9:2]",
    "[:2]",
    "[x]",
    "10.0.0.1",
    "fe80",
    "ffff",
    "é",
    " ",
    "|",
    "[0:2:0]",
]
host_patterns = st.lists(st.sampled_from(HOST_PIECES), min_size=1, max_size=8).map("".join)


def _ansible_split_port(pattern: str) -> tuple[str, int | None]:
    # What BaseFileInventoryPlugin._expand_hostpattern does before expanding.
    try:
        address, port = ansible_addresses.parse_address(pattern, allow_ranges=True)
    except Exception:  # noqa: BLE001 - ansible-core treats any failure as "no port"
        return pattern, None
    return address, port


def _ansible_expand(pattern: str) -> list[str] | str:
    try:
        if ansible_inventory.detect_range(pattern):
            return list(ansible_inventory.expand_hostname_range(pattern))
        return [pattern]
    except Exception:  # noqa: BLE001 - any failure rejects the file in ansible-core
        return "error"


def _our_expand(pattern: str) -> list[str] | str:
    try:
        return expand_host_pattern(pattern)
    except HostPatternError as error:
        # More hosts than one pattern may make: refused before any is made, where the builtin
        # makes them all (docs/differences.md, "Resource limits on host patterns").
        return "over the limit" if "would make" in str(error) else "error"


@SETTINGS
@given(host_patterns)
@example("[fe80::1]:22")
@example("web[01:03]:2222")
@example("host:")
def test_split_port_equals_parse_address(pattern: str) -> None:
    assert split_port(pattern) == _ansible_split_port(pattern)


@SETTINGS
@given(host_patterns)
@example("web[01:03].lan")
@example("x[a:c][1:2]")
@example("x[1:]")
def test_expand_host_pattern_equals_expand_hostname_range(pattern: str) -> None:
    ours = _our_expand(pattern)
    assume(ours != "over the limit")  # a documented difference; expanding it here costs minutes
    assert ours == _ansible_expand(pattern)
