# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""ini_group run as a real process: variables, children, parents, removal, check mode and diff."""

from __future__ import annotations

from pathlib import Path

import pytest
from module_runner import run_module

from ansible_collections.iniplus.inventory.plugins.module_utils.ini_parser import parse_ini

INVENTORY = "\ufeff[web]\nweb1\n\n[db]\ndb1\n\n[web:vars]\nhttp_port = 80\n"


@pytest.fixture
def inventory(tmp_path: Path) -> Path:
    path = tmp_path / "hosts.ini"
    path.write_text(INVENTORY, encoding="utf-8")
    return path


def group(
    tmp_path: Path, inventory: Path, check: bool = False, diff: bool = False, **arguments: object
) -> dict:
    return run_module("ini_group", {"path": str(inventory), **arguments}, tmp_path, check=check, diff=diff)


def test_variables_children_and_parents(tmp_path: Path, inventory: Path) -> None:
    result = group(
        tmp_path,
        inventory,
        name="web",
        vars={"http_port": 8080, "tls": True, "admins": ["a", "b"]},
        parents=["prod"],
        children=["blue"],
    )
    assert result["changed"] and result["msg"] == "group changed"
    assert result["group"] == {
        "name": "web",
        "hosts": ["web1"],
        "children": ["blue"],
        "parents": ["prod"],
        "vars": {"http_port": 8080, "tls": True, "admins": ["a", "b"]},
    }
    text = inventory.read_text(encoding="utf-8")
    assert text.startswith(
        "\ufeff[web]\nweb1\n\n[db]\ndb1\n\n[web:vars]\nhttp_port = 8080\ntls = True\nadmins = ['a', 'b']\n"
    )
    again = group(
        tmp_path,
        inventory,
        name="web",
        vars={"http_port": 8080, "tls": True, "admins": ["a", "b"]},
        parents=["prod"],
        children=["blue"],
    )
    assert not again["changed"] and inventory.read_text(encoding="utf-8") == text


def test_check_mode_and_diff(tmp_path: Path, inventory: Path) -> None:
    result = group(tmp_path, inventory, check=True, diff=True, name="db", state="absent")
    assert result["changed"] and result["group"] is None and result["group_before"]["hosts"] == ["db1"]
    assert result["diff"]["after"] == "\ufeff[web]\nweb1\n\n[web:vars]\nhttp_port = 80\n"
    assert inventory.read_text(encoding="utf-8") == INVENTORY


def test_exclusive_children(tmp_path: Path, inventory: Path) -> None:
    group(tmp_path, inventory, name="prod", children=["web", "db"])
    result = group(tmp_path, inventory, name="prod", children=["db"], exclusive_children=True)
    assert result["changed"] and parse_ini(inventory.read_bytes()).groups["prod"].children == ["db"]


def test_a_cycle_is_refused(tmp_path: Path, inventory: Path) -> None:
    group(tmp_path, inventory, name="prod", children=["web"])
    result = group(tmp_path, inventory, name="web", children=["prod"])
    assert result["failed"] and "loop of groups" in result["msg"]
