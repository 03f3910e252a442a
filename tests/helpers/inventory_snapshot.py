# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Load one INI source through an inventory plugin and describe the result comparably.

The differential tests load the same file with ``ansible.builtin.ini`` and with
``iniplus.inventory.ini`` and compare these snapshots: groups in order with their hosts,
children, parents (in order) and variables; hosts in order with their variables and their
group lists (in ``get_groups()`` order, see :func:`group_list`); every value with
its native type; and on ansible-core 2.19+ the trust and origin line of every string.
"""

from __future__ import annotations

import contextlib
import math
import os
import tempfile
import typing as t
from dataclasses import dataclass

from ansible.errors import AnsibleError
from ansible.inventory.data import InventoryData
from ansible.parsing.dataloader import DataLoader
from ansible.plugins.loader import inventory_loader

try:
    from ansible._internal._datatag._tags import Origin
    from ansible.module_utils._internal._datatag import AnsibleTagHelper
    from ansible.template import is_trusted_as_template

    HAS_DATA_TAGGING = True
except ImportError:
    HAS_DATA_TAGGING = False

BUILTIN = "ansible.builtin.ini"
OURS = "iniplus.inventory.ini"


@dataclass
class LoadResult:
    snapshot: dict[str, t.Any] | None
    error: str | None

    @property
    def rejected(self) -> bool:
        return self.snapshot is None


@contextlib.contextmanager
def inventory_file(data: str | bytes) -> t.Iterator[str]:
    """The path of a temporary ``.ini`` file holding ``data``, removed afterwards (for property
    tests, whose examples cannot share pytest's per-test ``tmp_path``)."""
    handle, path = tempfile.mkstemp(suffix=".ini")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data.encode() if isinstance(data, str) else data)
        yield path
    finally:
        os.unlink(path)


def load(plugin_name: str, path: str, *, legacy_types: bool = False) -> LoadResult:
    """Parse ``path`` with the named plugin into a fresh inventory, as InventoryManager would."""
    plugin = inventory_loader.get(plugin_name)
    if plugin is None:
        raise RuntimeError(f"inventory plugin {plugin_name} not found")
    inventory = InventoryData()
    inventory.current_source = path
    try:
        plugin.parse(inventory, DataLoader(), path, cache=False)
        inventory.reconcile_inventory()
    except AnsibleError as error:
        # Our rejections carry their whole text apart: ansible-core < 2.19 would wrap it.
        full_text = getattr(error, "full_text", None)
        return LoadResult(None, full_text() if full_text else str(error))
    return LoadResult(snapshot(inventory, legacy_types=legacy_types), None)


def snapshot(inventory: InventoryData, *, legacy_types: bool = False) -> dict[str, t.Any]:
    """Everything observable about the inventory, with values in a typed canonical form.

    ``legacy_types`` maps what ansible-core < 2.19 keeps as tuples, sets, complex numbers,
    Ellipsis and bytes to what 2.19+ (and iniplus on every core) produces.
    """
    groups = {}
    for name, group in inventory.groups.items():
        groups[name] = {
            "hosts": [host.name for host in group.hosts],
            "children": [child.name for child in group.child_groups],
            "parents": [parent.name for parent in group.parent_groups],
            "depth": group.depth,
            "priority": getattr(group, "priority", 1),
            "vars": canonical(group.vars, legacy_types),
        }
    members = {name: {host.name for host in group.hosts} for name, group in inventory.groups.items()}
    hosts = {}
    for name, host in inventory.hosts.items():
        hosts[name] = {
            "vars": canonical(host.vars, legacy_types),
            "groups": group_list(host, members),
            "address": host.address,
        }
    return {
        "group_order": list(inventory.groups),
        "host_order": list(inventory.hosts),
        "groups": groups,
        "hosts": hosts,
    }


def group_list(host: t.Any, members: dict[str, set[str]]) -> list[t.Any]:
    """``host.get_groups()`` in order, each run of ancestors between two fixed groups as a set.

    ansible-core appends a group's ancestors before the group when a host joins it, and the new
    ancestors an edge creates when a parent is linked later, each time from a ``set`` of
    ``Group`` objects: their order among themselves follows object identity, and differs from
    run to run with the builtin itself. So a group keeps its place only if the host joined it
    directly and it is no ancestor of another group the host joined directly (such a group may
    have come in one of those sets); every run of other groups is given sorted, as a tuple.
    """
    groups = host.get_groups()
    direct = [group for group in groups if host.name in members.get(group.name, ())]
    ancestors_of_direct: set[t.Any] = set()
    for group in direct:
        ancestors_of_direct.update(group.get_ancestors())
    anchored = [group in direct and group not in ancestors_of_direct for group in groups]
    listed: list[t.Any] = []
    run: list[str] = []
    for group, in_place in zip(groups, anchored, strict=True):
        if in_place:
            if run:
                listed.append(tuple(sorted(run)))
                run = []
            listed.append(group.name)
        else:
            run.append(group.name)
    if run:
        listed.append(tuple(sorted(run)))
    return listed


def canonical(value: t.Any, legacy_types: bool = False) -> t.Any:
    """A value as (native type name, content[, trust, origin line]) so types are compared too."""
    if legacy_types:
        if isinstance(value, (tuple, set)):
            value = list(value)
        elif value is Ellipsis:
            value = "..."
        elif isinstance(value, complex):
            value = str(value)
        elif isinstance(value, bytes):
            value = value.decode("utf-8", "surrogateescape")
    if isinstance(value, dict):
        # Keys are never mapped: 2.19+ keeps bytes and tuple keys as older cores do.
        return ("dict", [(canonical(k), canonical(v, legacy_types)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", [canonical(item, legacy_types) for item in value])
    native = _native_type(value)
    if native is str and HAS_DATA_TAGGING:
        origin = Origin.get_tag(value)
        where = (origin.path, origin.line_num) if origin else None
        return ("str", str(value), is_trusted_as_template(value), where)
    if native in (int, float) and HAS_DATA_TAGGING:
        origin = Origin.get_tag(value)
        where = (origin.path, origin.line_num) if origin else None
        return (native.__name__, native(value), where)
    if native is float and math.isnan(value):
        return ("float", "nan")
    return (native.__name__, value)


def _native_type(value: t.Any) -> type:
    if HAS_DATA_TAGGING:
        return AnsibleTagHelper.base_type(value)
    return type(value)
