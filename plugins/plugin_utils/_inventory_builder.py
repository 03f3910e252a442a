# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Replay a parsed :class:`IniInventory` into Ansible's inventory, as ansible.builtin.ini builds it.

The order of effects matters where Ansible's inventory is order-sensitive, and is kept:

* groups and hosts are created in the builtin's order, interleaved by line, because
  ``InventoryData.add_host`` records ``inventory_file`` through ``set_variable``, which picks
  a *group* of the same name if one exists at that moment;
* a host's first port wins (Ansible ignores the port of a host it already has);
* each host's and group's variables are set in file order through the object's own
  ``set_variable``, so ``hash_behaviour``, ``ansible_group_priority`` and the variable-name
  checks of the running ansible-core apply unchanged.
"""

from __future__ import annotations

import typing as t

from ansible_collections.iniplus.inventory.plugins.module_utils.ini_model import IniInventory
from ansible_collections.iniplus.inventory.plugins.plugin_utils._datatag import SourceTagger

if t.TYPE_CHECKING:
    from ansible.inventory.data import InventoryData

__all__ = ["populate_inventory"]


def populate_inventory(inventory: InventoryData, model: IniInventory) -> None:
    """Add the model's groups, hosts, memberships, children and variables to ``inventory``."""
    tagger = SourceTagger(model.source)
    _create_groups_and_hosts(inventory, model)
    for group in model.groups.values():
        for child in group.children:
            inventory.add_child(group.name, child)
    for group in model.groups.values():
        group_object = inventory.groups[group.name]
        for host_name in group.hosts:
            inventory.add_host(host_name, group=group.name)
        for variable in group.vars:
            group_object.set_variable(
                tagger.key(variable.name, variable.line),
                tagger.value(variable.value, variable.line),
            )
    hosts = inventory.hosts
    for host in model.hosts.values():
        if not host.vars:
            continue
        host_object = hosts[host.name]
        for variable in host.vars:
            host_object.set_variable(
                tagger.key(variable.name, variable.line),
                tagger.value(variable.value, variable.line),
            )


def _create_groups_and_hosts(inventory: InventoryData, model: IniInventory) -> None:
    groups = iter(model.groups.values())
    next_group = next(groups, None)
    for host in model.hosts.values():
        while next_group is not None and next_group.line < host.line:
            inventory.add_group(next_group.name)
            next_group = next(groups, None)
        inventory.add_host(host.name, port=host.port)
    while next_group is not None:
        inventory.add_group(next_group.name)
        next_group = next(groups, None)
