# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The source is read through the loader the plugin is given, as ansible.builtin.ini reads it (issue 11).

The loader decrypts vault files, and in other people's tests it is a mock that holds the
inventory in memory: reading the path from disk would then read something else, or nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from ansible.inventory.data import InventoryData
from ansible.parsing.dataloader import DataLoader
from ansible.parsing.vault import VaultLib, VaultSecret
from ansible.plugins.loader import inventory_loader
from inventory_snapshot import BUILTIN, HAS_DATA_TAGGING, OURS, snapshot

PLUGINS = [BUILTIN, OURS]


class InMemoryLoader(DataLoader):
    """A loader holding files in memory, like ansible-core's own ``DictDataLoader`` test mock."""

    def __init__(self, files: dict[str, bytes]) -> None:
        super().__init__()
        self.files = files

    def path_exists(self, path: str) -> bool:
        return path in self.files

    def is_file(self, path: str) -> bool:
        return path in self.files

    def _get_file_contents(self, file_name: str) -> tuple[bytes, bool]:
        return self.files[file_name], False


def parse(plugin_name: str, loader: DataLoader | None, path: str) -> InventoryData:
    plugin = inventory_loader.get(plugin_name)
    inventory = InventoryData()
    inventory.current_source = path
    plugin.parse(inventory, loader, path, cache=False)
    inventory.reconcile_inventory()
    return inventory


@pytest.mark.parametrize("plugin_name", PLUGINS)
def test_reads_what_the_loader_holds_not_the_disk(plugin_name: str, tmp_path: Path) -> None:
    on_disk = tmp_path / "hosts.ini"
    on_disk.write_text("[disk]\nfrom_disk\n")
    loader = InMemoryLoader({str(on_disk): b"[memory]\nfrom_loader a=1\n"})
    inventory = parse(plugin_name, loader, str(on_disk))
    assert list(inventory.hosts) == ["from_loader"]
    assert "disk" not in inventory.groups


@pytest.mark.parametrize("plugin_name", PLUGINS)
def test_reads_a_file_only_the_loader_has(plugin_name: str, tmp_path: Path) -> None:
    path = str(tmp_path / "nowhere.ini")
    loader = InMemoryLoader({path: b"h1\n[g]\nh2\n"})
    assert list(parse(plugin_name, loader, path).hosts) == ["h1", "h2"]


def test_undecodable_bytes_from_the_loader_as_the_builtin_reads_them(tmp_path: Path) -> None:
    path = str(tmp_path / "latin1.ini")
    loader = InMemoryLoader({path: b"# caf\xe9\n[web]\nweb\xff1 note=caf\xe9\n"})
    builtin = snapshot(parse(BUILTIN, loader, path), legacy_types=not HAS_DATA_TAGGING)
    ours = snapshot(parse(OURS, loader, path))
    assert ours == builtin
    assert list(ours["hosts"]) == ["web\udcff1"]


@pytest.mark.parametrize("plugin_name", PLUGINS)
def test_vault_encrypted_file_is_decrypted_by_the_loader(plugin_name: str, tmp_path: Path) -> None:
    secret = VaultSecret(b"s3cret")
    loader = DataLoader()
    loader.set_vault_secrets([("default", secret)])
    path = tmp_path / "vaulted.ini"
    path.write_bytes(VaultLib([("default", secret)]).encrypt(b"[web]\nweb1 token=hunter2\n"))
    inventory = parse(plugin_name, loader, str(path))
    assert inventory.hosts["web1"].vars["token"] == "hunter2"


@pytest.mark.parametrize("plugin_name", PLUGINS)
def test_without_a_loader_the_file_is_read_from_disk(plugin_name: str, tmp_path: Path) -> None:
    path = tmp_path / "hosts.ini"
    path.write_text("[web]\nweb1\n")
    assert list(parse(plugin_name, None, str(path)).hosts) == ["web1"]
