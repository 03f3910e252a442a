# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Turn a parsed :class:`IniInventory` into the JSON of Ansible's inventory-script conventions.

Standard library only: the dynamic-inventory script and plain Python programs use it without
ansible-core. The result describes the inventory Ansible builds from the same file, after
``InventoryData.reconcile_inventory`` has run:

* every group that is nobody's child becomes a child of ``all`` (``ungrouped`` comes first);
* a host whose only groups are ``all`` and ``ungrouped`` is listed in ``ungrouped``, and
  ``ungrouped`` drops hosts that are in any other group;
* variables are those of ``hash_behaviour = replace``: the last assignment of a name wins;
* a host's port becomes the integer ``ansible_port``, set first so later assignments of
  ``ansible_port`` override it; a host without a port (or with port 0) gets none, as in Ansible;
* ``ansible_group_priority`` is not a variable in Ansible but the group's priority; it is
  given as an integer in the group's ``vars``, and left out when it is the default, 1;
* a host-line variable of a host that shares its name with a group is that group's variable
  (the parser records it there, as Ansible does), never the host's;
* values are JSON values: dict keys become strings as :func:`json.dumps` makes them, and text
  from ``b'...'`` literals, which ansible-core 2.19+ does not trust as a template, is written
  ``{"__ansible_unsafe": "..."}`` as ``ansible-inventory --list`` writes it; Ansible's script
  inventory plugin reads it back as untrusted text.
"""

from __future__ import annotations

import contextlib
import json
import math
import typing as t

from .ini_model import IniAssignments, IniInventory, UntrustedText

__all__ = [
    "ExportError",
    "group_variables",
    "host_variables",
    "to_inventory_json",
    "to_json_value",
]

ALL = "all"
UNGROUPED = "ungrouped"
GROUP_PRIORITY = "ansible_group_priority"
DEFAULT_PRIORITY = 1
# How ansible-inventory --list marks text that must not be templated.
UNSAFE_MARKER = "__ansible_unsafe"


class ExportError(ValueError):
    """A value that JSON cannot represent, such as a dict with a tuple as key."""


def to_inventory_json(model: IniInventory) -> dict[str, t.Any]:
    """The inventory-script ``--list`` document for ``model``.

    Every group has ``hosts``, ``vars`` and ``children`` (empty ones included, so the script
    plugin never mistakes an empty group for a host), ``all`` has no ``hosts`` (every host is
    in it anyway), and ``_meta.hostvars`` holds every host, so Ansible never calls ``--host``.
    """
    memberships = _memberships(model)
    document: dict[str, t.Any] = {}
    for name in _group_order(model):
        entry: dict[str, t.Any] = {}
        if name != ALL:
            entry["hosts"] = _members(model, name, memberships)
        entry["vars"] = group_variables(model, name)
        entry["children"] = _children(model, name)
        document[name] = entry
    document["_meta"] = {"hostvars": {name: host_variables(model, name) for name in model.hosts}}
    return document


def host_variables(model: IniInventory, name: str) -> dict[str, t.Any]:
    """The variables the inventory gives host ``name`` itself (not its groups'), as JSON values.

    This is what the script prints for ``--host NAME``: ``{}`` for a host without variables.
    Raises :class:`KeyError` for a host the inventory does not have.
    """
    host = model.hosts[name]
    variables: dict[str, t.Any] = {}
    if host.port:
        variables["ansible_port"] = int(host.port)
    variables.update(host.variables())
    return _json_variables(variables, host.assignments, f"host {name!r}")


def group_variables(model: IniInventory, name: str) -> dict[str, t.Any]:
    """The variables of group ``name`` as JSON values, ``ansible_group_priority`` as an integer."""
    group = model.groups.get(name)
    if group is None:
        return {}
    variables: dict[str, t.Any] = {}
    priority = DEFAULT_PRIORITY
    for variable in group.variable_list:
        if variable.name == GROUP_PRIORITY:
            # Group.set_variable makes it the priority; a value int() refuses keeps the old one.
            with contextlib.suppress(TypeError, ValueError, OverflowError):
                priority = int(variable.value)
            continue
        variables[variable.name] = variable.value
    result = _json_variables(variables, group.assignments, f"group {name!r}")
    if priority != DEFAULT_PRIORITY:
        result[GROUP_PRIORITY] = priority
    return result


def to_json_value(value: t.Any) -> t.Any:
    """``value`` as :func:`json.loads` would give it back after ``ansible-inventory --list``.

    Dict keys become strings the way :func:`json.dumps` makes them (``1`` -> ``"1"``,
    ``True`` -> ``"true"``, ``None`` -> ``"null"``); a later key that becomes the same string
    replaces the value of the earlier one. Untrusted text becomes ``{"__ansible_unsafe": text}``.
    Raises :class:`ExportError` for what JSON cannot hold, such as a tuple as a dict key.
    """
    if isinstance(value, UntrustedText):
        return {UNSAFE_MARKER: str(value)}
    if isinstance(value, str) or value is None or isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, (list, tuple)):
        return [to_json_value(item) for item in value]
    if isinstance(value, dict):
        return {_json_key(key): to_json_value(item) for key, item in value.items()}
    raise ExportError(f"a {type(value).__name__} cannot be written as JSON")


def _json_key(key: t.Any) -> str:
    if isinstance(key, str):
        return str(key)
    if isinstance(key, bool) or key is None:
        return json.dumps(key)
    if isinstance(key, int):
        return str(key)
    if isinstance(key, float):
        if math.isfinite(key):
            return float.__repr__(key)
        return json.dumps(key)
    raise ExportError(f"a dict key of type {type(key).__name__} ({key!r}) cannot be written as JSON")


def _json_variables(
    variables: dict[str, t.Any], records: list[IniAssignments], owner: str
) -> dict[str, t.Any]:
    result = {}
    for key, value in variables.items():
        try:
            result[key] = to_json_value(value)
        except ExportError as error:
            line = next(
                (record.line for record in reversed(records) for name, _value in record.pairs if name == key),
                None,
            )
            where = f" (line {line})" if line else ""
            raise ExportError(f"{owner}, variable {key!r}{where}: {error}") from None
    return result


def _group_order(model: IniInventory) -> list[str]:
    """Groups in the order Ansible's inventory holds them: all, ungrouped, then as created."""
    return [ALL, UNGROUPED, *(name for name in model.groups if name not in (ALL, UNGROUPED))]


def _parents(model: IniInventory) -> dict[str, list[str]]:
    parents: dict[str, list[str]] = {}
    for group in model.groups.values():
        for child in group.children:
            parents.setdefault(child, []).append(group.name)
    return parents


def _children(model: IniInventory, name: str) -> list[str]:
    group = model.groups.get(name)
    written = list(group.children) if group is not None else []
    if name != ALL:
        return written
    # InventoryData starts with ungrouped under all; reconcile_inventory adds every group
    # without parents, in the inventory's group order.
    parents = _parents(model)
    orphans = [g for g in _group_order(model) if g != ALL and g not in parents]
    return list(dict.fromkeys([UNGROUPED, *written, *orphans]))


def _memberships(model: IniInventory) -> dict[str, set[str]]:
    """Each host's groups other than ``all`` and ``ungrouped``."""
    memberships: dict[str, set[str]] = {name: set() for name in model.hosts}
    for group in model.groups.values():
        if group.name in (ALL, UNGROUPED):
            continue
        for host in group.hosts:
            memberships[host].add(group.name)
    return memberships


def _members(model: IniInventory, name: str, memberships: dict[str, set[str]]) -> list[str]:
    group = model.groups.get(name)
    written = list(dict.fromkeys(group.hosts)) if group is not None else []
    if name != UNGROUPED:
        return written
    # reconcile_inventory: drop the ones that have another group, then add, in host order,
    # the ones that have none.
    kept = {host: None for host in written if not memberships[host]}
    added = [host for host in model.hosts if not memberships[host] and host not in kept]
    return [*kept, *added]
