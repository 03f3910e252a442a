# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Replay a parsed :class:`IniInventory` into Ansible's inventory, as ansible.builtin.ini builds it.

The order of effects matters where Ansible's inventory is order-sensitive, and is kept:

* groups and hosts are created in the builtin's order, interleaved by line, because
  ``InventoryData.add_host`` records ``inventory_file`` through ``set_variable``, which picks
  a *group* of the same name if one exists at that moment;
* a host's first port wins (Ansible ignores the port of a host it already has);
* memberships and child links are made in the builtin's order (the model's ``steps``):
  a host joining a group gets the group's ancestors of that moment before the group, and
  linking a parent later appends the new ancestors to the hosts below, so each host's
  ``get_groups()`` list, which vars plugins and ``constructed`` read in order, is the builtin's;
* each host's and group's variables are set in file order with the semantics of the object's
  own ``set_variable``, so ``hash_behaviour``, ``ansible_group_priority`` and the
  variable-name checks of the running ansible-core apply unchanged.

Speed: the public wrappers re-check and re-look-up everything on every call, which costs more
than parsing. Where the outcome of a wrapper is known, the builder does only what the wrapper
would have changed (see :func:`_create_groups_and_hosts`, :func:`_join_group` and
:func:`_set_host_vars`); every other case goes through the wrapper. The differential tests hold
both to the builtin.
"""

from __future__ import annotations

import typing as t
from collections.abc import Mapping, MutableMapping

from ansible import constants as C
from ansible.errors import AnsibleError
from ansible.inventory.group import Group
from ansible.inventory.host import Host
from ansible.utils.path import basedir

from ansible_collections.iniplus.inventory.plugins.module_utils.ini_model import (
    IniAssignments,
    IniInventory,
    IniStep,
    paused_garbage_collection,
)
from ansible_collections.iniplus.inventory.plugins.plugin_utils._datatag import SourceTagger

_validate_variable_name: t.Callable[[str], object] | None
try:  # ansible-core 2.19+ deprecates invalid variable names in Host.set_variable
    from ansible.utils.vars import validate_variable_name as _validate_variable_name
except ImportError:
    _validate_variable_name = None

if t.TYPE_CHECKING:
    from ansible.inventory.data import InventoryData

__all__ = ["populate_inventory"]


def populate_inventory(inventory: InventoryData, model: IniInventory, consume: bool = False) -> None:
    """Add the model's groups, hosts, memberships, children and variables to ``inventory``.

    With ``consume``, the caller has no further use for the model: its hosts are taken out of
    it (``model.hosts`` ends empty) as their variables are set, so the memory of each record is
    free for the inventory's own objects while it grows, and the peak is lower.
    """
    # Building a large inventory allocates millions of objects and no garbage; the cyclic
    # collector would walk the whole growing heap again and again. Pausing it changes no result.
    with paused_garbage_collection():
        # With debug logging on, every wrapper logs what it does: take the wrappers throughout.
        _populate(inventory, model, direct=not C.DEFAULT_DEBUG, consume=consume)


def _populate(inventory: InventoryData, model: IniInventory, direct: bool, consume: bool) -> None:
    tagger = SourceTagger(model.source)
    relabelled = _create_groups_and_hosts(inventory, model, tagger, direct, consume)
    groups = inventory.groups
    model_groups = model.groups
    for step in model.steps or _steps_in_group_order(model):
        if step.child is not None:
            if direct:
                _link_group(inventory, step.group, step.child)
            else:
                inventory.add_child(step.group, step.child)
            continue
        host_names = model_groups[step.group].hosts[step.start : step.stop]
        if direct:
            _join_group(inventory, step.group, host_names)
        else:
            for host_name in host_names:
                inventory.add_host(host_name, group=step.group)
    for group in model.groups.values():
        group_object = groups[group.name]
        line = relabelled.get(group.name)
        if line is None:
            for key, value in tagger.variables(group.assignments):
                group_object.set_variable(key, value)
            continue
        # add_host of a new host named like this group set the group's inventory_file and
        # inventory_dir at that line: after the group's earlier variables, before its later ones.
        earlier = [record for record in group.assignments if record.line < line]
        for key, value in tagger.variables(earlier):
            group_object.set_variable(key, value)
        _set_source_vars(inventory, group.name)
        for key, value in tagger.variables(group.assignments[len(earlier) :]):
            group_object.set_variable(key, value)


def _create_groups_and_hosts(
    inventory: InventoryData, model: IniInventory, tagger: SourceTagger, direct: bool, consume: bool
) -> dict[str, int]:
    """Create them interleaved by line, each host with its variables; return the groups whose
    variables add_host set, with the line.

    ``InventoryData.add_host`` of a host it does not have yet sets ``inventory_file`` and
    ``inventory_dir`` through ``set_variable``, which picks a group of the same name if there is one.

    A host's variables are all set as it is created. The builtin sets them line by line, but
    nothing else writes a host's ``vars`` after add_host (memberships, links and group
    variables do not), so the dict ends the same, key order included. With ``consume`` each
    record is dropped once applied, so the model shrinks while the inventory grows.
    """
    relabelled: dict[str, int] = {}
    source = inventory.current_source
    # What InventoryData.add_host records as a new host's first source.
    source_vars = (source, basedir(source)) if source else (None, None)
    groups = iter(model.groups.values())
    next_group = next(groups, None)
    inventory_hosts = inventory.hosts
    inventory_groups = inventory.groups
    localhost_names = C.LOCALHOST  # a lookup through ansible.constants' proxy: once, not per host
    pending = list(model.hosts.values())
    if consume:
        model.hosts.clear()
    for index, host in enumerate(pending):
        if consume:
            pending[index] = None  # type: ignore[call-overload]  # nothing else holds the record now
        while next_group is not None and next_group.line < host.line:
            inventory.add_group(next_group.name)
            next_group = next(groups, None)
        name = host.name
        group = inventory_groups.get(name)
        if group is not None and name not in inventory_hosts and name in model.groups:
            # Set again, at their line, among the group's own variables (see _populate).
            relabelled[name] = host.line
            added = [key for key in _SOURCE_VARS if key not in group.vars]
            inventory.add_host(name, port=host.port)
            for key in added:
                del group.vars[key]
        elif direct and group is None and name not in inventory_hosts and name not in localhost_names:
            # inventory.add_host(name, port=host.port) without its re-checks. The parser gives
            # non-empty, untagged names. For a name that is not yet a host, not a group (whose
            # variables inventory_file would land on) and not localhost-like, add_host makes
            # Host(name, port), stores it and sets two variables that the new host cannot
            # already hold, so Host.set_variable would only assign them.
            created = inventory_hosts[name] = Host(name, host.port)
            created.vars["inventory_file"], created.vars["inventory_dir"] = source_vars
        else:
            inventory.add_host(name, port=host.port)
        if host.assignments:
            _set_host_vars(inventory_hosts[name], host.assignments, tagger, direct)
    while next_group is not None:
        inventory.add_group(next_group.name)
        next_group = next(groups, None)
    return relabelled


_SOURCE_VARS = ("inventory_file", "inventory_dir")


def _set_source_vars(inventory: InventoryData, name: str) -> None:
    """What ``InventoryData.add_host`` sets for a new host, on the group ``name`` (see above)."""
    source = inventory.current_source
    inventory.set_variable(name, "inventory_file", source if source else None)
    inventory.set_variable(name, "inventory_dir", basedir(source) if source else None)


def _steps_in_group_order(model: IniInventory) -> list[IniStep]:
    """Steps for a model built by hand, without ``steps``: every membership, then every link."""
    steps = [IniStep(group.name, None, 0, len(group.hosts)) for group in model.groups.values()]
    steps.extend(
        IniStep(group.name, child, 0, 0) for group in model.groups.values() for child in group.children
    )
    return steps


def _join_group(inventory: InventoryData, group_name: str, host_names: list[str]) -> None:
    """``inventory.add_host(name, group=group_name)`` for each name, as ``Group.add_host`` does.

    For each host not yet a member, ``Group.add_host`` appends it to the group and calls
    ``Host.add_group``, which appends the group's ancestors the host lacks, then the group;
    then it clears the hosts cache of the group and its ancestors. Nothing links groups in
    between, so the ancestors are looked up, and the caches cleared, once for all the hosts;
    add_host would also look both up and empty the inventory's ``groups`` cache each time.
    """
    if not host_names:
        return
    group = inventory.groups.get(group_name)
    if group is None:
        raise AnsibleError(f"Could not find group {group_name} in inventory")
    hosts = inventory.hosts
    members = group.hosts
    member_names = group.host_names
    # Host.add_group walks get_ancestors(), a set, anew each time: the same set, iterated alike.
    ancestor_set = group.get_ancestors()
    ancestors = list(ancestor_set)
    if not member_names and not ancestors and not group.child_groups:
        # The loop below, for a group with no members, parents or children yet (a leaf
        # group's first section): every name joins, none has the group already (it is
        # nobody's ancestor), and there are no ancestors to add. A step's names are distinct.
        joining = [hosts[name] for name in host_names]
        members.extend(joining)
        member_names.update(host_names)
        for host in joining:
            host.groups.append(group)
    else:
        for name in host_names:
            if name in member_names:
                continue
            host = hosts[name]
            members.append(host)
            member_names.add(name)
            host_groups = host.groups
            if ancestors:
                _add_groups(host_groups, ancestors, ancestor_set)
            if group not in host_groups:
                host_groups.append(group)
    group.clear_hosts_cache()
    inventory._groups_dict_cache = {}


def _link_group(inventory: InventoryData, parent_name: str, child_name: str) -> None:
    """``inventory.add_child(parent_name, child_name)`` for two groups, as ``Group.add_child_group`` does.

    ``add_child_group`` lists the child's hosts, caching the list on the child (``get_hosts``:
    every descendant's hosts, each hashed by name in Python to drop repeats), and calls
    ``Host.populate_ancestors(additions=new_ancestors)`` on each. Here every host of every
    group at or below the child gets the same additions, in the same set's iteration order;
    a host met twice gains nothing the second time, so no list or cache is built. Every other
    effect goes through ansible-core's own code (ancestor walks, the loop check, depths,
    ``parent_groups``, clearing caches). Anything unusual (a missing group, a host as the
    child, a link to itself or that closes a loop, ``all`` as the child, whose host list skips
    implicit hosts) is left to ``add_child``, which also raises its errors.
    """
    groups = inventory.groups
    parent = groups.get(parent_name)
    child = groups.get(child_name)
    if parent is None or child is None or parent is child or child.name == "all":
        inventory.add_child(parent_name, child_name)
        return
    if child not in parent.child_groups:
        start_ancestors = child.get_ancestors()
        new_ancestors = parent.get_ancestors()
        if child in new_ancestors:
            inventory.add_child(parent_name, child_name)  # raises: a loop
            return
        new_ancestors.add(parent)
        new_ancestors.difference_update(start_ancestors)
        parent.child_groups.append(child)
        child.depth = max([parent.depth + 1, child.depth])
        child._check_children_depth()
        if parent.name not in [group.name for group in child.parent_groups]:
            child.parent_groups.append(parent)
            if new_ancestors:
                additions = list(new_ancestors)
                shares_none = new_ancestors.isdisjoint
                for group in child.get_descendants(include_self=True):
                    for host in group.hosts:
                        # _add_groups, its common case inline: a call per host costs more.
                        host_groups = host.groups
                        if shares_none(host_groups):
                            host_groups.extend(additions)
                        else:
                            _add_missing_groups(host_groups, additions, new_ancestors)
        parent.clear_hosts_cache()
    inventory._groups_dict_cache = {}


def _add_groups(host_groups: list[Group], additions: list[Group], addition_set: set[Group]) -> None:
    """Append to a host's group list each of ``additions`` it lacks, in order.

    ``additions`` lists ``addition_set``. Groups compare by identity, but ``x in list`` still
    calls the rich comparison for every element, so a host that shares none of them (the
    usual case) takes one hashed pass over its list and one ``extend``, and a host that shares
    some takes one more: the plain form, ``for group in additions: if group not in host_groups:
    host_groups.append(group)``, compares every addition with every group of the host.
    """
    if addition_set.isdisjoint(host_groups):
        host_groups.extend(additions)
    else:
        _add_missing_groups(host_groups, additions, addition_set)


def _add_missing_groups(host_groups: list[Group], additions: list[Group], addition_set: set[Group]) -> None:
    """:func:`_add_groups` for a host that already has some of ``additions``."""
    # additions has no repeats, so what the plain form appends is what the host lacked at first.
    missing = addition_set.difference(host_groups)
    if missing:
        host_groups.extend([group for group in additions if group in missing])


def _set_host_vars(host: Host, records: list[IniAssignments], tagger: SourceTagger, direct: bool) -> None:
    """``host.set_variable(key, value)`` for each assignment, in order.

    ``Host.set_variable`` drops trust from the key (keys carry only an origin, so it is the
    same object), checks the name, then merges a mapping into a mapping or else assigns.
    Names that pass the check and values that are not merged are assigned here; the rest go
    through ``set_variable``.
    """
    host_vars = host.vars
    valid_names = _VALID_NAMES
    mapping_types = _MAPPING_TYPES
    for key, value in tagger.variables(records):
        mapping = mapping_types.get(type(value))
        if mapping is None:
            mapping = _is_mapping(value)
        if (
            direct
            and (valid_names.get(key) or _is_valid_name(key))
            and not (mapping and isinstance(host_vars.get(key), MutableMapping))
        ):
            host_vars[key] = value
        else:
            host.set_variable(key, value)
            # set_variable replaces the dict when it merges.
            host_vars = host.vars


_VALID_NAMES: dict[str, bool] = {}
_MAPPING_TYPES: dict[type, bool] = {}


def _is_valid_name(name: str) -> bool:
    """Whether ``Host.set_variable`` accepts ``name`` without a deprecation warning.

    The check reads only the text of the name, so the answer is kept per text (the cache
    holds untagged copies of the names).
    """
    if _validate_variable_name is None:
        valid = True
    else:
        try:
            _validate_variable_name(name)
        except AnsibleError:
            valid = False
        else:
            valid = True
    if len(_VALID_NAMES) < 10_000:
        _VALID_NAMES[str.__str__(name)] = valid
    return valid


def _is_mapping(value: t.Any) -> bool:
    """``isinstance(value, Mapping)``, with the ABC check made once per type."""
    value_type = type(value)
    mapping = _MAPPING_TYPES.get(value_type)
    if mapping is None:
        mapping = _MAPPING_TYPES[value_type] = isinstance(value, Mapping)
    return mapping
