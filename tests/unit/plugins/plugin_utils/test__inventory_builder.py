# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The builder's direct population against the same model replayed through the public
``InventoryData``/``Host`` wrappers, on every hand-written case and a few more inventories.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from repo_paths import case_files

CASES = case_files()
EXTRA_INVENTORIES = {
    "localhost_and_group_names.ini": "localhost x=1\nweb\n[web]\nweb y=2\n127.0.0.1 z=3\n[db]\nlocalhost\n",
    "names_and_merges.ini": "h1 d={'a':1} d={'b':2} 1bad=3 for=4 ok=5\nh1 d={'c':[1,2]} inventory_file=x\n",
    "ranges.ini": "[g]\nh[1:3]:2222 v='{{ x }}' w=b'raw'\n[g:vars]\nansible_group_priority=5\n",
}


def _inventories() -> list[tuple[str, bytes]]:
    found = [(path.name, path.read_bytes()) for path in CASES]
    return found + [(name, text.encode()) for name, text in EXTRA_INVENTORIES.items()]


@pytest.mark.parametrize(
    ("name", "data"), _inventories(), ids=lambda item: item if isinstance(item, str) else ""
)
@pytest.mark.parametrize("behaviour", ["replace", "merge"])
def test_direct_population_equals_the_public_wrappers(
    name: str, data: bytes, behaviour: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ansible import constants
    from ansible.errors import AnsibleError
    from ansible.inventory.data import InventoryData
    from ansible.inventory.group import to_safe_group_name
    from inventory_snapshot import snapshot

    from ansible_collections.iniplus.inventory.plugins.module_utils.ini_parser import IniParseError, parse_ini
    from ansible_collections.iniplus.inventory.plugins.plugin_utils import _inventory_builder

    monkeypatch.setattr(constants, "DEFAULT_HASH_BEHAVIOUR", behaviour)
    path = tmp_path / name
    path.write_bytes(data)
    try:
        model = parse_ini(
            data, str(path), known_groups=("all", "ungrouped"), transform_group_name=to_safe_group_name
        )
    except IniParseError:
        pytest.skip("a file both plugins reject")
    built = []
    for direct in (False, True):
        inventory = InventoryData()
        inventory.current_source = str(path)
        try:
            _inventory_builder._populate(inventory, model, direct=direct, consume=False)
        except (AnsibleError, ValueError, TypeError) as error:
            # What the plugin turns into a parser error (e.g. ansible_group_priority=x before 2.21).
            built.append(("refused", str(error)))
            continue
        inventory.reconcile_inventory()
        built.append(
            (
                # host.groups is compared as a set (in the snapshot): ansible-core itself adds
                # ancestors in the iteration order of a set of Group objects, which varies per run.
                snapshot(inventory),
                inventory.localhost.name if inventory.localhost else None,
                inventory._groups_dict_cache,
            )
        )
    assert built[0] == built[1]
