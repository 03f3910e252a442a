# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""A damaged or forged cache entry: never a lost inventory, never borrowed trust.

* Any entry that cannot be read or decoded (truncated by a full disk, nested too deep, empty,
  a directory) is a miss: the sources are parsed and the inventory is whole, every time.
* An entry someone else could have written (another owner, or writable by group or others,
  or in such a directory) is never read: a hit would replay its strings as trusted templates.
* Entries are written no more readable than the most restrictive source.
"""

from __future__ import annotations

import json
import os
import stat
import sys
from pathlib import Path

import pytest
from ansible.inventory.data import InventoryData
from ansible.parsing.dataloader import DataLoader
from ansible.plugins.loader import inventory_loader
from inventory_snapshot import OURS, snapshot

SOURCE = "[web]\nweb1 color=red\nweb2\n[db]\ndb1 port=5432\n"
HOSTS = ["web1", "web2", "db1"]


def write_config(directory: Path, **options) -> Path:
    config = directory / "inventory.iniplus.yml"
    settings = {
        "plugin": OURS,
        "sources": ["hosts.ini"],
        "cache": True,
        "cache_plugin": "ansible.builtin.jsonfile",
        "cache_connection": str(directory / "cache"),
        **options,
    }
    config.write_text(json.dumps(settings))
    return config


def load_config(config: Path) -> tuple[InventoryData, object]:
    """As InventoryManager does: parse, then let the plugin write its cache."""
    plugin = inventory_loader.get(OURS)
    inventory = InventoryData()
    inventory.current_source = str(config)
    plugin.parse(inventory, DataLoader(), str(config), cache=True)
    plugin.update_cache_if_changed()
    inventory.reconcile_inventory()
    return inventory, plugin


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "hosts.ini").write_text(SOURCE)
    (tmp_path / "hosts.ini").chmod(0o644)
    return tmp_path


def entry_path(project: Path) -> Path:
    (entry,) = [path for path in (project / "cache").iterdir() if not path.name.startswith(".")]
    return entry


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count the parses the plugin makes (a miss parses, a hit does not)."""
    calls: list[int] = []
    module = sys.modules[type(inventory_loader.get(OURS)).__module__]
    real = module.parse_ini
    monkeypatch.setattr(module, "parse_ini", lambda *args, **kwargs: calls.append(1) or real(*args, **kwargs))
    return calls


@pytest.fixture
def vvv(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    plugin = inventory_loader.get(OURS)
    monkeypatch.setattr(
        type(plugin.display), "vvv", lambda _self, message, *args, **kwargs: shown.append(message)
    )
    return shown


def damage_truncated(entry: Path) -> None:
    entry.write_bytes(entry.read_bytes()[: len(entry.read_bytes()) // 2])


def damage_nested(entry: Path) -> None:
    entry.write_text("[" * 100_000 + "]" * 100_000)


def damage_emptied(entry: Path) -> None:
    entry.write_bytes(b"")


def damage_directory(entry: Path) -> None:
    entry.unlink()
    entry.mkdir()
    (entry / "x").write_text("{}")


def damage_foreign(entry: Path) -> None:
    entry.write_text(json.dumps({"digest": 1, "sources": "x"}))


@pytest.mark.parametrize(
    "damage", [damage_truncated, damage_nested, damage_emptied, damage_directory, damage_foreign]
)
def test_a_damaged_entry_is_a_miss_every_time(
    project: Path, damage, parses: list[int], vvv: list[str]
) -> None:
    config = write_config(project)
    load_config(config)
    damage(entry_path(project))
    for run in range(2):  # and the run after it too, whatever the first one left behind
        parses.clear()
        inventory, _plugin = load_config(config)
        assert sorted(inventory.hosts) == sorted(HOSTS)
        assert inventory.hosts["web1"].vars["color"] == "red"
        if run == 0:
            assert parses == [1]
    assert any("ignoring the cache entry" in message for message in vvv)


def test_a_damaged_entry_is_overwritten(project: Path, parses: list[int]) -> None:
    config = write_config(project)
    load_config(config)
    damage_truncated(entry_path(project))
    load_config(config)
    parses.clear()
    inventory, _plugin = load_config(config)
    assert parses == [], "the entry was not rewritten: the third run parsed again"
    assert sorted(inventory.hosts) == sorted(HOSTS)


def forge(entry: Path) -> None:
    """The attack: add a host whose variable runs a command when templated; keep the digest."""
    data = json.loads(entry.read_text())
    hosts = data["sources"][0][2]
    hosts.append(["evil", 9, 1, None, [[9, [["x", "{{ lookup('pipe', 'id') }}"]], [6]]]])
    data["sources"][0][1][0][3].append("evil")
    entry.write_text(json.dumps(data))


@pytest.mark.parametrize("where", ["entry", "directory"])
def test_a_forged_entry_others_could_write_is_never_read(project: Path, where: str, vvv: list[str]) -> None:
    config = write_config(project)
    baseline, _plugin = load_config(config)
    entry = entry_path(project)
    forge(entry)
    (entry if where == "entry" else entry.parent).chmod(0o666 if where == "entry" else 0o777)
    inventory, _plugin = load_config(config)
    assert "evil" not in inventory.hosts
    assert snapshot(inventory) == snapshot(baseline)
    assert any("writable by group or others" in message for message in vvv)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root can give a file away")
def test_a_forged_entry_of_another_owner_is_never_read(project: Path, vvv: list[str]) -> None:
    config = write_config(project)
    baseline, _plugin = load_config(config)
    entry = entry_path(project)
    forge(entry)
    os.chown(entry, 4242, 4242)
    inventory, _plugin = load_config(config)
    assert "evil" not in inventory.hosts
    assert snapshot(inventory) == snapshot(baseline)
    assert any("belongs to another user" in message for message in vvv)


def test_an_entry_of_the_user_is_still_a_hit(project: Path, parses: list[int]) -> None:
    # The check must not turn every hit into a miss.
    config = write_config(project)
    load_config(config)
    parses.clear()
    load_config(config)
    assert parses == []


@pytest.mark.parametrize(("source_mode", "entry_mode"), [(0o600, 0o600), (0o640, 0o640), (0o644, 0o644)])
def test_entries_are_no_more_readable_than_the_sources(
    project: Path, source_mode: int, entry_mode: int
) -> None:
    (project / "other.ini").write_text("[x]\nx1\n")
    (project / "hosts.ini").chmod(source_mode)
    config = write_config(project, sources=["hosts.ini", "other.ini"])
    load_config(config)
    assert stat.S_IMODE(entry_path(project).stat().st_mode) == entry_mode


def test_the_integer_digit_limit_is_part_of_the_key(project: Path) -> None:
    if not hasattr(sys, "set_int_max_str_digits"):
        pytest.skip("no integer digit limit on this Python")
    digits = "7" * 5000
    (project / "hosts.ini").write_text(f"[web]\nweb1 n={digits}\n")
    config = write_config(project)
    limit = sys.get_int_max_str_digits()
    try:
        sys.set_int_max_str_digits(0)
        unlimited, _plugin = load_config(config)
        sys.set_int_max_str_digits(4300)
        limited, _plugin = load_config(config)
    finally:
        sys.set_int_max_str_digits(limit)
    assert isinstance(unlimited.hosts["web1"].vars["n"], int)
    assert limited.hosts["web1"].vars["n"] == digits  # a string, as a fresh parse makes it
