# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Random group graphs: memberships and :children links in any order build the builtin's inventory.

The builder links groups on a fast path (``_link_group``) and joins hosts on another
(``_join_group``); both must leave every host's group list, every group's parents, children and
depth, and every host cache as ansible-core's own methods do. Sections revisit groups, link
before or after hosts join, form diamonds, chains and loops (both plugins must refuse those).
"""

from __future__ import annotations

from ansible.errors import AnsibleError
from ansible.inventory.data import InventoryData
from ansible.parsing.dataloader import DataLoader
from ansible.plugins.loader import inventory_loader
from hypothesis import given
from hypothesis import strategies as st
from inventory_snapshot import BUILTIN, HAS_DATA_TAGGING, OURS, inventory_file, snapshot
from strategies import property_settings

GROUPS = [f"g{number}" for number in range(7)]
HOSTS = [f"h{number}" for number in range(6)]


@st.composite
def graphs(draw: st.DrawFn) -> str:
    lines = []
    for _section in range(draw(st.integers(1, 14))):
        group = draw(st.sampled_from(GROUPS))
        if draw(st.integers(0, 2)):
            lines.append(f"[{group}:children]")
            lines += draw(st.lists(st.sampled_from(GROUPS), max_size=4))
        else:
            lines.append(f"[{group}]")
            lines += draw(st.lists(st.sampled_from(HOSTS), max_size=4))
    return "\n".join(lines) + "\n"


def _load(plugin_name: str, path: str):
    inventory = InventoryData()
    inventory.current_source = path
    try:
        inventory_loader.get(plugin_name).parse(inventory, DataLoader(), path, cache=False)
        # Before reconcile_inventory too: its links under ``all`` walk every group's depth
        # again, which would hide a wrong one; another source may come in between.
        parsed = {
            name: (group.depth, [child.name for child in group.child_groups])
            for name, group in inventory.groups.items()
        }
        inventory.reconcile_inventory()
    except AnsibleError:
        return None
    # The host caches too: a fast path must not leave one stale (or miss one ansible-core fills).
    # Below a group's children, ansible-core walks sets of groups (hashed by object id), so the
    # order of get_hosts() differs from run to run with the builtin alone (2.16-2.21 alike):
    # compared as a sorted list with its length (no repeats), and against a fresh walk in the
    # same run, which a stale cache would not equal.
    cached = {}
    for name, group in inventory.groups.items():
        listed = [host.name for host in group.get_hosts()]
        fresh = [host.name for host in group._get_hosts()]
        cached[name] = (sorted(listed), len(listed), listed == fresh)
    return (
        parsed,
        snapshot(inventory, legacy_types=not HAS_DATA_TAGGING),
        cached,
        # The same walk: the group order is compared, each group's hosts as a set.
        [(name, sorted(hosts)) for name, hosts in inventory.get_groups_dict().items()],
    )


@property_settings(max_examples=400)
@given(graphs())
def test_group_graph_is_built_identically(text: str) -> None:
    with inventory_file(text) as path:
        builtin = _load(BUILTIN, path)
        ours = _load(OURS, path)
    assert ours == builtin
