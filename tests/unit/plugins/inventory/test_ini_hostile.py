# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Hostile inputs to the plugin in direct mode: the builtin's verdict, an AnsibleParserError
naming the file where the builtin fails, never a bare Python exception."""

from __future__ import annotations

from pathlib import Path

import pytest
from ansible.errors import AnsibleParserError
from ansible.inventory.data import InventoryData
from ansible.parsing.dataloader import DataLoader
from ansible.plugins.loader import inventory_loader
from inventory_snapshot import BUILTIN, OURS, load


def both(path: Path):
    return load(BUILTIN, str(path)), load(OURS, str(path))


def test_group_priority_of_infinity_fails_the_file_like_the_builtin(tmp_path: Path) -> None:
    source = tmp_path / "hosts.ini"
    source.write_text("[g]\nh\n[g:vars]\nansible_group_priority=1e999\n")
    builtin, ours = both(source)
    assert builtin.rejected
    assert ours.rejected
    assert str(source) in (ours.error or "")
    assert "infinity" in (ours.error or "")


def test_a_relative_path_from_python_is_a_parser_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "hosts.ini").write_text("[g]\nh a=1\n")
    monkeypatch.chdir(tmp_path)
    outcomes = []
    for name in (BUILTIN, OURS):
        inventory = InventoryData()
        try:
            inventory_loader.get(name).parse(inventory, DataLoader(), "hosts.ini")
        except AnsibleParserError:
            outcomes.append("AnsibleParserError")
        else:
            outcomes.append("ok")
    # Before 2.19 both accept it; from 2.19 the origin of a value must be an absolute path.
    assert outcomes[1] == outcomes[0]


def test_a_value_with_thousands_of_dots_is_rejected_like_the_builtin(tmp_path: Path) -> None:
    source = tmp_path / "hosts.ini"
    source.write_text("[g]\nh v=" + ".".join(["a"] * 20_000) + "\n")
    builtin, ours = both(source)
    assert builtin.rejected
    assert ours.rejected
    assert "RecursionError" in (ours.error or "")


@pytest.mark.parametrize(
    "text",
    [
        "[web]\nw1\n[web:vars]\ninventory_file=mine\n[other]\nweb\n",
        "[web]\nw1\n[other]\nweb a=1\n[web:vars]\ninventory_file=mine\n",
        "[web:vars]\ninventory_file=mine\n[web]\nw1\n[other]\nweb\n[web:vars]\ninventory_dir=x\n",
    ],
    ids=["vars-before-host", "vars-after-host", "both"],
)
def test_a_host_named_like_a_group_sets_its_inventory_file_like_the_builtin(
    tmp_path: Path, text: str
) -> None:
    source = tmp_path / "hosts.ini"
    source.write_text(text)
    builtin, ours = both(source)
    assert ours.snapshot == builtin.snapshot


@pytest.mark.parametrize("name", ["all", "ungrouped"])
def test_a_host_named_like_an_implicit_group_sets_its_inventory_file_like_the_builtin(
    tmp_path: Path, name: str
) -> None:
    # Found by tests/random_differential.py: the group is not in the file's model, so the
    # variables add_host set on it must stay.
    source = tmp_path / "hosts.ini"
    source.write_text(f"[web]\nw1\n{name}\n")
    builtin, ours = both(source)
    assert ours.snapshot == builtin.snapshot
