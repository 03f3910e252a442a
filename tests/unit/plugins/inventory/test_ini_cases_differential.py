# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Hand-written nasty inventories (cases/*.ini) build the same inventory with both plugins.

The corpus has none of these: IPv6, CRLF, tabs, ';' comments, unicode names, [ungrouped],
[all:children], non-UTF-8 bytes, pending declarations, hosts named like groups, every value
form, and files that both plugins must reject.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from inventory_snapshot import BUILTIN, HAS_DATA_TAGGING, OURS, load
from repo_paths import case_files, fixture

CASES = case_files()
# Cases the builtin must reject; a case missing from here must be accepted by both.
REJECTED = {
    "cycle.ini",
    "empty_host.ini",
    "many_errors.ini",
    "self_child.ini",
    "semicolon_after_header.ini",
    "semicolon_after_host.ini",
    "trailing_colon.ini",
    "ungrouped_child_all.ini",
    "unhashable_value.ini",
    "yaml_document.ini",
    "yaml_document_quoted.ini",
}
# Accepted by some cores and rejected by others (both plugins must agree on each): before 2.19,
# ansible-core refuses a non-numeric ansible_group_priority (2.19+ warns and goes on) and accepts
# an address that merely starts with an IPv6 address (2.19+ refuses it).
VERDICT_DEPENDS_ON_CORE = {"group_priority_not_a_number.ini", "ipv6_address_prefixes.ini"}


@pytest.mark.parametrize("path", CASES, ids=lambda path: path.name)
def test_case_builds_identical_inventory(path: Path) -> None:
    builtin = load(BUILTIN, str(path), legacy_types=not HAS_DATA_TAGGING)
    ours = load(OURS, str(path))
    if path.name not in VERDICT_DEPENDS_ON_CORE:
        assert builtin.rejected == (path.name in REJECTED), builtin.error
    assert ours.rejected == builtin.rejected, ours.error
    assert ours.snapshot == builtin.snapshot


@pytest.mark.parametrize("name", sorted(REJECTED))
def test_rejection_names_file_line_and_column(name: str) -> None:
    path = fixture("cases", name)
    ours = load(OURS, str(path))
    assert ours.error is not None
    assert f"{path}:" in ours.error
    assert "Traceback" not in ours.error
    assert "hint:" in ours.error


@pytest.mark.parametrize("transform", ["always", "never", "silently", "ignore"])
def test_group_name_transformation_follows_ansible_setting(
    transform: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ansible import constants

    monkeypatch.setattr(constants, "TRANSFORM_INVALID_GROUP_CHARS", transform)
    path = str(fixture("cases", "transformable_group_names.ini"))
    builtin = load(BUILTIN, path, legacy_types=not HAS_DATA_TAGGING)
    ours = load(OURS, path)
    assert (builtin.rejected, builtin.snapshot) == (ours.rejected, ours.snapshot)


@pytest.mark.parametrize("behaviour", ["replace", "merge"])
def test_dict_variables_follow_hash_behaviour(behaviour: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from ansible import constants

    monkeypatch.setattr(constants, "DEFAULT_HASH_BEHAVIOUR", behaviour)
    path = str(fixture("cases", "dict_merge.ini"))
    builtin = load(BUILTIN, path, legacy_types=not HAS_DATA_TAGGING)
    ours = load(OURS, path)
    assert builtin.snapshot == ours.snapshot
