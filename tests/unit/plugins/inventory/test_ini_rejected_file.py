# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""A rejected file adds nothing to the inventory (docs/differences.md, issue 11 item 3).

With the default ``unparsed_is_failed = False`` a file that fails to parse is only warned
about. The builtin has by then added what came before the failing line; iniplus checks the
whole file before adding anything, so a half-read file never selects hosts.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from ansible import constants as C
from ansible.inventory.manager import InventoryManager
from ansible.parsing.dataloader import DataLoader

ENABLE = {"builtin": "ini", "iniplus": "iniplus.inventory.ini"}
# What each plugin leaves in the inventory from the directory below.
EXPECTED_HOSTS = {"builtin": ["web1", "db1"], "iniplus": ["web1"]}


@pytest.fixture
def source_directory(tmp_path: Path) -> Path:
    directory = tmp_path / "inventory"
    directory.mkdir()
    (directory / "a_good").write_text("[web]\nweb1\n")
    (directory / "b_bad").write_text("[db]\ndb1 port=5432\n[app]\napp1 two words\n")
    return directory


@pytest.mark.parametrize("plugin", sorted(ENABLE))
def test_rejected_file_adds_nothing_with_iniplus_and_its_first_lines_with_the_builtin(
    plugin: str, source_directory: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(C, "INVENTORY_ENABLED", [ENABLE[plugin]])
    monkeypatch.setattr(C, "INVENTORY_UNPARSED_IS_FAILED", False)
    monkeypatch.setattr(C, "INVENTORY_ANY_UNPARSED_IS_FAILED", False)
    manager = InventoryManager(loader=DataLoader(), sources=[str(source_directory)])
    assert list(manager._inventory.hosts) == EXPECTED_HOSTS[plugin]
    assert ("db" in manager._inventory.groups) is (plugin == "builtin")
