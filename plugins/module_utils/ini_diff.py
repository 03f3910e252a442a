# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Compare two parsed INI inventories: what a change does to the inventory, not to the text.

Standard library only. :func:`diff_inventories` compares two :class:`IniInventory` models as
Ansible would build them (the structure of :mod:`ini_export`, with ``hash_behaviour = replace``):

* hosts and groups added and removed (``all`` and ``ungrouped`` always exist);
* hosts present in both that joined or left groups (one line per host, so a move is one line);
* children added to and removed from groups present in both;
* variables added, removed or changed on each host and group present in both, with the old and
  new value and type: ``22 (int) -> '22' (str)`` differ even though they print alike;
* effective variables: for each host present in both, the variables a play would see (its
  groups' by depth, priority and name, then its own) that changed although the host's own
  variable did not: the reach of a changed group variable or a move between groups.
"""

from __future__ import annotations

import contextlib
import typing as t
from dataclasses import dataclass, field

from .ini_export import ALL, DEFAULT_PRIORITY, GROUP_PRIORITY, UNGROUPED, to_json_value
from .ini_model import IniInventory, UntrustedText

__all__ = [
    "InventoryDiff",
    "VariableChange",
    "as_json",
    "diff_inventories",
    "format_markdown",
    "format_text",
    "type_name",
]

_MISSING: t.Any = object()


@dataclass(frozen=True)
class VariableChange:
    """One variable of one host or group: added (no old), removed (no new) or changed."""

    owner_kind: str  # "host", "group" or "effective" (a host's variables as a play sees them)
    owner: str
    name: str
    old: t.Any = _MISSING
    new: t.Any = _MISSING

    @property
    def kind(self) -> str:
        if self.old is _MISSING:
            return "added"
        if self.new is _MISSING:
            return "removed"
        return "changed"

    def describe(self) -> str:
        """``name: 22 (int) -> '22' (str)``, ``name: + 'x' (str)`` or ``name: - 'x' (str)``."""
        if self.kind == "added":
            return f"{self.name}: + {describe_value(self.new)}"
        if self.kind == "removed":
            return f"{self.name}: - {describe_value(self.old)}"
        return f"{self.name}: {describe_value(self.old)} -> {describe_value(self.new)}"


@dataclass
class InventoryDiff:
    """Everything that differs between two inventories; false when nothing does."""

    old_source: str
    new_source: str
    hosts_added: list[str] = field(default_factory=list)
    hosts_removed: list[str] = field(default_factory=list)
    groups_added: list[str] = field(default_factory=list)
    groups_removed: list[str] = field(default_factory=list)
    # host -> (groups joined, groups left)
    memberships: dict[str, tuple[list[str], list[str]]] = field(default_factory=dict)
    # group -> (children added, children removed)
    children: dict[str, tuple[list[str], list[str]]] = field(default_factory=dict)
    variables: list[VariableChange] = field(default_factory=list)
    effective: list[VariableChange] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(
            self.hosts_added
            or self.hosts_removed
            or self.groups_added
            or self.groups_removed
            or self.memberships
            or self.children
            or self.variables
            or self.effective
        )


def type_name(value: t.Any) -> str:
    """The type a reviewer needs to see: ``int``, ``str``, ``untrusted str`` (a ``b'...'`` literal), ..."""
    if isinstance(value, UntrustedText):
        return "untrusted str"
    if value is None:
        return "None"
    return type(value).__name__


def describe_value(value: t.Any) -> str:
    return f"{value!r} ({type_name(value)})"


def _same(old: t.Any, new: t.Any) -> bool:
    # 1 == True == 1.0 in Python, but not in a template: compare the types too, all the way down.
    return type(old) is type(new) and repr(old) == repr(new)


class _View:
    """The parts of the inventory Ansible builds from a model that the comparison needs."""

    def __init__(self, model: IniInventory) -> None:
        self.hosts = list(model.hosts)
        self.groups = [name for name in model.groups if name not in (ALL, UNGROUPED)]
        self.children = {name: list(group.children) for name, group in model.groups.items()}
        self.parents: dict[str, list[str]] = {}
        for name, children in self.children.items():
            for child in children:
                self.parents.setdefault(child, []).append(name)
        self.host_groups: dict[str, list[str]] = {name: [] for name in model.hosts}
        for group in model.groups.values():
            if group.name in (ALL, UNGROUPED):
                continue
            for member in dict.fromkeys(group.hosts):
                self.host_groups[member].append(group.name)
        for groups in self.host_groups.values():
            if not groups:
                groups.append(UNGROUPED)
        self.host_vars: dict[str, dict[str, t.Any]] = {}
        for name, host in model.hosts.items():
            variables: dict[str, t.Any] = {"ansible_port": int(host.port)} if host.port else {}
            variables.update(host.variables())
            self.host_vars[name] = variables
        self.group_vars = {name: group.variables() for name, group in model.groups.items()}
        self.priorities: dict[str, int] = {}
        for name, variables in self.group_vars.items():
            priority = DEFAULT_PRIORITY
            if GROUP_PRIORITY in variables:
                with contextlib.suppress(TypeError, ValueError, OverflowError):
                    priority = int(variables[GROUP_PRIORITY])
            self.priorities[name] = priority
        self._depths: dict[str, int] = {ALL: 0}

    def depth(self, group: str) -> int:
        """A group's depth below ``all`` (its longest path), as Ansible sorts groups' variables."""
        if group in self._depths:
            return self._depths[group]
        # Iterative, longest path: parser-made hierarchies have no cycles.
        pending = [group]
        while pending:
            current = pending[-1]
            parents = self.parents.get(current) or [ALL]
            unknown = [parent for parent in parents if parent not in self._depths]
            if unknown:
                pending.extend(unknown)
                continue
            pending.pop()
            self._depths[current] = 1 + max(self._depths[parent] for parent in parents)
        return self._depths[group]

    def effective(self, host: str) -> dict[str, t.Any]:
        """The host's variables as a play sees them (hash_behaviour=replace)."""
        groups = {ALL}
        pending = list(self.host_groups[host])
        while pending:
            group = pending.pop()
            if group not in groups:
                groups.add(group)
                pending.extend(self.parents.get(group, ()))
        variables: dict[str, t.Any] = {}
        for group in sorted(groups, key=lambda name: (self.depth(name), self.priorities.get(name, 1), name)):
            variables.update(
                (name, value)
                for name, value in self.group_vars.get(group, {}).items()
                if name != GROUP_PRIORITY
            )
        variables.update(self.host_vars[host])
        return variables


def diff_inventories(old: IniInventory, new: IniInventory) -> InventoryDiff:
    """Everything that differs between the inventories Ansible builds from ``old`` and ``new``."""
    before, after = _View(old), _View(new)
    result = InventoryDiff(old.source, new.source)
    result.hosts_added = [host for host in after.hosts if host not in before.host_vars]
    result.hosts_removed = [host for host in before.hosts if host not in after.host_vars]
    old_groups, new_groups = set(before.groups), set(after.groups)
    result.groups_added = [group for group in after.groups if group not in old_groups]
    result.groups_removed = [group for group in before.groups if group not in new_groups]
    kept_hosts = [host for host in after.hosts if host in before.host_vars]
    for host in kept_hosts:
        joined = [g for g in after.host_groups[host] if g not in before.host_groups[host]]
        left = [g for g in before.host_groups[host] if g not in after.host_groups[host]]
        if joined or left:
            result.memberships[host] = (joined, left)
    kept_groups = [
        group for group in (ALL, UNGROUPED, *after.groups) if group in old_groups | {ALL, UNGROUPED}
    ]
    for group in kept_groups:
        old_children, new_children = before.children.get(group, []), after.children.get(group, [])
        added = [child for child in new_children if child not in old_children]
        removed = [child for child in old_children if child not in new_children]
        if added or removed:
            result.children[group] = (added, removed)
    for group in kept_groups:
        result.variables.extend(
            _variable_changes(
                "group", group, before.group_vars.get(group, {}), after.group_vars.get(group, {})
            )
        )
    own_changes: set[tuple[str, str]] = set()
    for host in kept_hosts:
        changes = _variable_changes("host", host, before.host_vars[host], after.host_vars[host])
        own_changes.update((host, change.name) for change in changes)
        result.variables.extend(changes)
    for host in kept_hosts:
        for change in _variable_changes("effective", host, before.effective(host), after.effective(host)):
            if (host, change.name) not in own_changes:
                result.effective.append(change)
    return result


def _variable_changes(
    owner_kind: str, owner: str, old: dict[str, t.Any], new: dict[str, t.Any]
) -> list[VariableChange]:
    changes = []
    for name, value in new.items():
        previous = old.get(name, _MISSING)
        if previous is _MISSING or not _same(previous, value):
            changes.append(VariableChange(owner_kind, owner, name, previous, value))
    changes.extend(
        VariableChange(owner_kind, owner, name, value) for name, value in old.items() if name not in new
    )
    return changes


# --- formats ------------------------------------------------------------------------------


def format_text(diff: InventoryDiff) -> str:
    """For a terminal: one line per change, grouped as the module docstring lists them."""
    if not diff:
        return ""
    lines = [f"--- {diff.old_source}", f"+++ {diff.new_source}"]
    for label, names in (
        ("hosts added", diff.hosts_added),
        ("hosts removed", diff.hosts_removed),
        ("groups added", diff.groups_added),
        ("groups removed", diff.groups_removed),
    ):
        if names:
            lines.append(f"{label}: {', '.join(names)}")
    for host, (joined, left) in diff.memberships.items():
        lines.append(f"host {host}: {_movement(joined, left)}")
    for group, (added, removed) in diff.children.items():
        lines.append(f"children of {group}: {_children(added, removed)}")
    for change in diff.variables:
        lines.append(f"{change.owner_kind} {change.owner}: {change.describe()}")
    if diff.effective:
        lines.append("effective variables (from groups):")
        lines.extend(f"  host {change.owner}: {change.describe()}" for change in diff.effective)
    return "\n".join(lines) + "\n"


def _movement(joined: list[str], left: list[str]) -> str:
    parts = []
    if left:
        parts.append("left " + ", ".join(f"[{group}]" for group in left))
    if joined:
        parts.append("joined " + ", ".join(f"[{group}]" for group in joined))
    return "; ".join(parts)


def _children(added: list[str], removed: list[str]) -> str:
    return ", ".join([*(f"+ {child}" for child in added), *(f"- {child}" for child in removed)])


def format_markdown(diff: InventoryDiff) -> str:
    """For a pull-request comment: sections with bullet lists, names and values in code spans."""
    if not diff:
        return f"No change to the inventory in `{diff.new_source}`.\n"
    lines = [f"### Inventory changes: `{diff.old_source}` → `{diff.new_source}`", ""]

    def section(title: str, items: list[str]) -> None:
        if items:
            lines.extend([f"**{title}**", "", *(f"- {item}" for item in items), ""])

    section("Hosts added", [f"`{host}`" for host in diff.hosts_added])
    section("Hosts removed", [f"`{host}`" for host in diff.hosts_removed])
    section("Groups added", [f"`{group}`" for group in diff.groups_added])
    section("Groups removed", [f"`{group}`" for group in diff.groups_removed])
    section(
        "Group membership",
        [f"`{host}`: {_movement(joined, left)}" for host, (joined, left) in diff.memberships.items()],
    )
    section(
        "Children",
        [f"`{group}`: {_children(added, removed)}" for group, (added, removed) in diff.children.items()],
    )
    section(
        "Variables",
        [f"{change.owner_kind} `{change.owner}`: `{change.describe()}`" for change in diff.variables],
    )
    section(
        "Effective variables (from groups)",
        [f"host `{change.owner}`: `{change.describe()}`" for change in diff.effective],
    )
    return "\n".join(lines).rstrip("\n") + "\n"


def as_json(diff: InventoryDiff) -> dict[str, t.Any]:
    """The difference as JSON values; each variable change with its values and their types."""

    def change(item: VariableChange) -> dict[str, t.Any]:
        record: dict[str, t.Any] = {item.owner_kind if item.owner_kind != "effective" else "host": item.owner}
        record.update({"variable": item.name, "change": item.kind})
        for side, value in (("old", item.old), ("new", item.new)):
            if value is not _MISSING:
                record[side] = _json_value(value)
                record[f"{side}_type"] = type_name(value)
        return record

    return {
        "old": diff.old_source,
        "new": diff.new_source,
        "hosts": {"added": diff.hosts_added, "removed": diff.hosts_removed},
        "groups": {"added": diff.groups_added, "removed": diff.groups_removed},
        "memberships": [
            {"host": host, "joined": joined, "left": left}
            for host, (joined, left) in diff.memberships.items()
        ],
        "children": [
            {"group": group, "added": added, "removed": removed}
            for group, (added, removed) in diff.children.items()
        ],
        "variables": [change(item) for item in diff.variables],
        "effective": [change(item) for item in diff.effective],
    }


def _json_value(value: t.Any) -> t.Any:
    try:
        return to_json_value(value)
    except ValueError:
        return repr(value)
