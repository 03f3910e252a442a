# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Config-file mode against a hostile tree: link loops, files reached twice, unreadable files."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from ansible.errors import AnsibleParserError
from ansible.inventory.data import InventoryData
from ansible.parsing.dataloader import DataLoader
from ansible.plugins.loader import inventory_loader
from inventory_snapshot import OURS

from ansible_collections.iniplus.inventory.plugins.plugin_utils._config import (
    resolve_source_entries,
    resolve_sources,
)


def write_config(directory: Path, sources: list[str]) -> Path:
    config = directory / "inventory.iniplus.yml"
    config.write_text(json.dumps({"plugin": OURS, "sources": sources}))
    return config


def load_config(config: Path) -> InventoryData:
    inventory = InventoryData()
    inventory.current_source = str(config)
    inventory_loader.get(OURS).parse(inventory, DataLoader(), str(config), cache=False)
    return inventory


def test_two_link_loops_under_double_star_end_and_read_each_file_once(tmp_path: Path) -> None:
    (tmp_path / "inv" / "sub").mkdir(parents=True)
    (tmp_path / "inv" / "a.ini").write_text("[a]\na1\n")
    (tmp_path / "inv" / "sub" / "b.ini").write_text("[b]\nb1\n")
    os.symlink(".", tmp_path / "inv" / "loop1")
    os.symlink("..", tmp_path / "inv" / "sub" / "loop2")
    files = resolve_sources(str(tmp_path / "x.iniplus.yml"), ["inv/**/*.ini"])
    assert [os.path.relpath(path, tmp_path) for path in files] == ["inv/a.ini", "inv/sub/b.ini"]


def test_a_file_reached_through_a_link_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "a.ini").write_text("[a]\na1\n")
    os.symlink("a.ini", tmp_path / "b.ini")
    files = resolve_sources(str(tmp_path / "x.iniplus.yml"), ["a.ini", "*.ini", "./a.ini", "b.ini"])
    assert files == [str(tmp_path / "a.ini")]


def test_double_star_matches_what_glob_matches_without_loops(tmp_path: Path) -> None:
    for name in ["a.ini", "d/b.ini", "d/e/c.ini", ".h/x.ini", "d/.y.ini", "d/e/f/g.txt"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("[g]\nh\n")
    config = str(tmp_path / "x.iniplus.yml")
    assert [os.path.relpath(path, tmp_path) for path in resolve_sources(config, ["**/*.ini"])] == [
        "a.ini",
        "d/b.ini",
        "d/e/c.ini",
    ]
    assert [os.path.relpath(path, tmp_path) for path in resolve_sources(config, ["d/**"])] == [
        "d/b.ini",
        "d/e/c.ini",
        "d/e/f/g.txt",
    ]
    # A part starting with '.' matches hidden names (the hidden files themselves are then skipped).
    assert [os.path.relpath(path, tmp_path) for path in resolve_sources(config, [".h/*.ini"])] == [".h/x.ini"]


@pytest.fixture
def unreadable(monkeypatch: pytest.MonkeyPatch):
    """Make reading the given file names fail as a file without read permission does (even as root)."""
    names: set[str] = set()
    module = sys.modules[type(inventory_loader.get(OURS)).__module__]
    real = module.InventoryModule._read_bytes

    def read_bytes(path: str) -> bytes:
        if os.path.basename(path) in names:
            raise PermissionError(13, "Permission denied", path.encode())
        return real(path)

    monkeypatch.setattr(module.InventoryModule, "_read_bytes", staticmethod(read_bytes))
    return names


def test_an_unreadable_file_matched_by_a_glob_is_skipped_with_a_warning(
    tmp_path: Path, unreadable: set[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.ini").write_text("[a]\na1\n")
    (tmp_path / "b.ini").write_text("[b]\nb1\n")
    unreadable.add("b.ini")
    warnings: list[str] = []
    display = type(inventory_loader.get(OURS).display)
    monkeypatch.setattr(display, "warning", lambda _self, message, *args, **kwargs: warnings.append(message))
    config = write_config(tmp_path, ["*.ini"])
    inventory = load_config(config)
    assert sorted(inventory.hosts) == ["a1"]
    (warning,) = [message for message in warnings if "skipping" in message]
    assert str(config) in warning
    assert str(tmp_path / "b.ini") in warning
    assert "b'" not in warning
    assert "Permission denied" in warning


def test_an_unreadable_file_named_explicitly_is_an_error_naming_both(
    tmp_path: Path, unreadable: set[str]
) -> None:
    (tmp_path / "a.ini").write_text("[a]\na1\n")
    unreadable.add("a.ini")
    config = write_config(tmp_path, ["a.ini"])
    with pytest.raises(AnsibleParserError) as caught:
        load_config(config)
    message = str(caught.value)
    assert str(config) in message
    assert str(tmp_path / "a.ini") in message
    assert "b'" not in message


def test_entries_say_which_files_were_named(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    for name in ["a.ini", "b.ini", "d/c.ini"]:
        (tmp_path / name).write_text("[g]\nh\n")
    entries = resolve_source_entries(str(tmp_path / "x.iniplus.yml"), ["a.ini", "*.ini", "d"])
    assert [(os.path.relpath(path, tmp_path), named) for path, named in entries] == [
        ("a.ini", True),
        ("b.ini", False),
        ("d/c.ini", False),
    ]
