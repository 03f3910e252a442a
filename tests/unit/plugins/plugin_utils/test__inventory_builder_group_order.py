# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Each host's group list and each group's parents come out in the builtin's order (issue 11).

``Host.get_groups()`` is handed unsorted to vars plugins and ``constructed``; its order follows
the order in which ansible.builtin.ini makes memberships and child links. The examples below
have a single possible order (no two ancestors are added in one step), so they are compared
exactly, with both plugins.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from ansible.inventory.data import InventoryData
from ansible.parsing.dataloader import DataLoader
from ansible.plugins.loader import inventory_loader
from inventory_snapshot import BUILTIN, OURS, group_list

from ansible_collections.iniplus.inventory.plugins.module_utils.ini_model import IniStep
from ansible_collections.iniplus.inventory.plugins.module_utils.ini_parser import parse_ini
from ansible_collections.iniplus.inventory.plugins.plugin_utils._inventory_builder import populate_inventory

PARENT_DECLARED_FIRST = "[top:children]\nweb\n\n[web]\nh1\n"
PARENT_LINKED_LATER = "[a]\nh\n\n[p:children]\na\n\n[q]\nh\n"


def load(plugin_name: str, path: Path) -> InventoryData:
    inventory = InventoryData()
    inventory.current_source = str(path)
    inventory_loader.get(plugin_name).parse(inventory, DataLoader(), str(path), cache=False)
    inventory.reconcile_inventory()
    return inventory


def group_names(inventory: InventoryData, host: str) -> list[str]:
    return [group.name for group in inventory.hosts[host].get_groups()]


@pytest.mark.parametrize("plugin_name", [BUILTIN, OURS])
@pytest.mark.parametrize(
    ("text", "host", "expected"),
    [
        (PARENT_DECLARED_FIRST, "h1", ["top", "web", "all"]),
        (PARENT_LINKED_LATER, "h", ["a", "p", "q", "all"]),
        # A section visited twice: the lines decide, not the order the groups were created in.
        ("[z:vars]\nv=1\n[y]\nh\n[z]\nh\n", "h", ["y", "z", "all"]),
        # Joining ungrouped first brings all (its parent) first; reconciling drops ungrouped.
        ("h\n[g]\nh\n", "h", ["all", "g"]),
    ],
)
def test_host_group_list_in_builtin_order(
    plugin_name: str, text: str, host: str, expected: list[str], tmp_path: Path
) -> None:
    path = tmp_path / "hosts.ini"
    path.write_text(text)
    assert group_names(load(plugin_name, path), host) == expected


@pytest.mark.parametrize("plugin_name", [BUILTIN, OURS])
def test_parent_groups_in_link_order(plugin_name: str, tmp_path: Path) -> None:
    # b exists when each :children section names it, so the links follow the lines.
    path = tmp_path / "hosts.ini"
    path.write_text("[b]\nh\n[second:children]\nb\n[first:children]\nb\n")
    inventory = load(plugin_name, path)
    assert [parent.name for parent in inventory.groups["b"].parent_groups] == ["second", "first"]


@pytest.mark.parametrize("plugin_name", [BUILTIN, OURS])
def test_pending_child_linked_at_its_declaration(plugin_name: str, tmp_path: Path) -> None:
    # web is named before it exists: both links wait for [web], then are made in the order named.
    path = tmp_path / "hosts.ini"
    path.write_text("[second:children]\nweb\n[first:children]\nweb\n[web]\nh\n")
    inventory = load(plugin_name, path)
    assert [parent.name for parent in inventory.groups["web"].parent_groups] == ["second", "first"]
    assert group_list(inventory.hosts["h"], {"web": {"h"}}) == [("first", "second"), "web", ("all",)]


def test_parser_records_memberships_and_links_in_line_order() -> None:
    model = parse_ini("h0\n[a]\nh1\n[p:children]\na\n[a]\nh2\nh1\n[q:children]\nlate\n[late]\n", "t.ini")
    assert model.steps == [
        IniStep("ungrouped", None, 0, 1),
        IniStep("a", None, 0, 1),
        IniStep("p", "a", 0, 0),
        IniStep("a", None, 1, 2),
        IniStep("q", "late", 0, 0),
    ]


def test_model_without_steps_makes_memberships_then_links(tmp_path: Path) -> None:
    """A model built by hand (no ``steps``) still builds: every membership, then every link."""
    model = parse_ini(PARENT_LINKED_LATER, "t.ini")
    model.steps = []
    inventory = InventoryData()
    populate_inventory(inventory, model)
    inventory.reconcile_inventory()
    assert group_names(inventory, "h") == ["a", "q", "p", "all"]
    assert [child.name for child in inventory.groups["p"].child_groups] == ["a"]


@pytest.mark.parametrize("plugin_name", [BUILTIN, OURS])
def test_constructed_with_vars_plugins_sees_groups_in_builtin_order(
    plugin_name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The issue's user-visible case: group_vars are merged in get_groups() order, the last wins."""
    from ansible import constants as C
    from ansible.inventory.manager import InventoryManager

    (tmp_path / "hosts.ini").write_text(PARENT_DECLARED_FIRST)
    (tmp_path / "group_vars").mkdir()
    (tmp_path / "group_vars" / "top.yml").write_text("role: top\n")
    (tmp_path / "group_vars" / "web.yml").write_text("role: web\n")
    (tmp_path / "constructed.yml").write_text(
        "plugin: constructed\nuse_vars_plugins: true\ncompose:\n  myrole: role\n"
    )
    monkeypatch.setattr(C, "INVENTORY_ENABLED", [plugin_name, "constructed"])
    manager = InventoryManager(
        loader=DataLoader(), sources=[str(tmp_path / "hosts.ini"), str(tmp_path / "constructed.yml")]
    )
    assert manager.get_host("h1").vars["myrole"] == "web"


@pytest.mark.parametrize("plugin_name", [BUILTIN, OURS])
def test_host_lists_an_earlier_source_cached_are_refreshed(plugin_name: str, tmp_path: Path) -> None:
    # An earlier source (or plugin) made g and p with hosts, and something listed their hosts,
    # which ansible-core caches on each group. This file adds a host to g and links g under p:
    # both lists must show it (the fast paths clear those caches as Group.add_host and
    # Group.add_child_group do).
    path = tmp_path / "hosts.ini"
    path.write_text("[g]\nb\n\n[p:children]\ng\n")
    inventory = InventoryData()
    for group, host in (("g", "a"), ("p", "z")):
        inventory.add_group(group)
        inventory.add_host(host, group=group)
        assert [member.name for member in inventory.groups[group].get_hosts()] == [host]
    inventory.current_source = str(path)
    inventory_loader.get(plugin_name).parse(inventory, DataLoader(), str(path), cache=False)
    assert [member.name for member in inventory.groups["g"].get_hosts()] == ["a", "b"]
    assert [member.name for member in inventory.groups["p"].get_hosts()] == ["z", "a", "b"]


@pytest.mark.parametrize("plugin_name", [BUILTIN, OURS])
def test_members_of_other_sources_are_joined_once(plugin_name: str, tmp_path: Path) -> None:
    # g already has a (from an earlier source); this file lists a again, and k is new. A later
    # source adds b to g and c to k again: Group.add_host reads each group's set of member
    # names, which the fast paths must have kept up to date.
    path = tmp_path / "hosts.ini"
    path.write_text("[g]\na\nb\n\n[k]\nc\n")
    inventory = InventoryData()
    inventory.add_group("g")
    inventory.add_host("a", group="g")
    inventory.current_source = str(path)
    inventory_loader.get(plugin_name).parse(inventory, DataLoader(), str(path), cache=False)
    inventory.add_host("b", group="g")
    inventory.add_host("c", group="k")
    assert [host.name for host in inventory.groups["g"].hosts] == ["a", "b"]
    assert [host.name for host in inventory.groups["k"].hosts] == ["c"]
    assert group_names(inventory, "a") == ["g"]
