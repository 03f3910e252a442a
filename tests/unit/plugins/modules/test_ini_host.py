# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""ini_host run as a real process: check mode, diff, backup, attributes, refusals, the lock, and
20 concurrent runs on one file."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from module_runner import module_command, run_module

from ansible_collections.iniplus.inventory.plugins.module_utils.ini_parser import parse_ini

INVENTORY = "# hosts\r\n[web]\r\n\tweb1  ansible_host=10.0.0.1\r\nweb[2:3]\r\n\r\n[db]\r\ndb1"


@pytest.fixture
def inventory(tmp_path: Path) -> Path:
    path = tmp_path / "hosts.ini"
    path.write_bytes(INVENTORY.encode())
    return path


def host(
    tmp_path: Path, inventory: Path, check: bool = False, diff: bool = False, **arguments: object
) -> dict:
    return run_module("ini_host", {"path": str(inventory), **arguments}, tmp_path, check=check, diff=diff)


def test_add_then_again_is_unchanged(tmp_path: Path, inventory: Path) -> None:
    first = host(tmp_path, inventory, name="web4", groups=["web"], vars={"version": "1.10", "weight": 3})
    assert first["changed"] and first["msg"] == "host added" and first["host_before"] is None
    assert first["host"] == {
        "name": "web4",
        "port": None,
        "groups": ["web"],
        "vars": {"version": "1.10", "weight": 3},
    }
    text = inventory.read_bytes().decode()
    assert text == INVENTORY.replace("web[2:3]\r\n", "web[2:3]\r\nweb4 version=\"'1.10'\" weight=3\r\n")
    second = host(tmp_path, inventory, name="web4", groups=["web"], vars={"version": "1.10", "weight": 3})
    assert not second["changed"] and second["msg"] == "host unchanged"
    assert inventory.read_bytes().decode() == text
    variables = parse_ini(text).hosts["web4"].variables()
    assert type(variables["version"]) is str and type(variables["weight"]) is int  # pylint: disable=unidiomatic-typecheck


def test_check_mode_writes_nothing_and_diff_shows_the_change(tmp_path: Path, inventory: Path) -> None:
    result = host(tmp_path, inventory, check=True, diff=True, name="db2", groups=["db"])
    assert result["changed"]
    assert result["diff"]["before"] == INVENTORY
    assert result["diff"]["after"] == INVENTORY + "\r\ndb2"
    assert inventory.read_bytes().decode() == INVENTORY


def test_backup_and_file_attributes(tmp_path: Path, inventory: Path) -> None:
    result = host(tmp_path, inventory, name="db1", state="absent", backup=True, mode="0600")
    assert result["changed"]
    assert Path(result["backup_file"]).read_bytes().decode() == INVENTORY
    assert oct(inventory.stat().st_mode & 0o777) == "0o600"
    assert inventory.read_bytes().decode() == INVENTORY.replace("\r\n[db]\r\ndb1", "\r\n[db]")
    # Only the attribute differs: still reported as a change, the text stays.
    again = host(tmp_path, inventory, name="db1", state="absent", mode="0644")
    assert again["changed"] and oct(inventory.stat().st_mode & 0o777) == "0o644"


def test_missing_file_needs_create(tmp_path: Path) -> None:
    path = tmp_path / "new.ini"
    refused = host(tmp_path, path, name="h1")
    assert refused["failed"] and "create=true" in refused["msg"] and not path.exists()
    created = host(tmp_path, path, name="h1", groups=["web"], create=True)
    assert created["changed"] and path.read_text() == "[web]\nh1\n"


def test_a_missing_folder_or_a_folder_as_path_is_refused(tmp_path: Path) -> None:
    missing = host(tmp_path, tmp_path / "nowhere" / "hosts.ini", name="h1", create=True)
    assert missing["failed"] and "does not exist" in missing["msg"]
    folder = host(tmp_path, tmp_path, name="h1")
    assert folder["failed"] and "is a directory" in folder["msg"]


def test_a_file_the_parser_rejects_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "bad.ini"
    path.write_text("[web]\nweb[1:3:0]\nok 'unclosed\n")
    result = host(tmp_path, path, name="h1")
    assert result["failed"] and "not a valid INI inventory" in result["msg"]
    assert len(result["diagnostics"]) == 2 and "bad.ini:2:" in result["diagnostics"][0]
    assert path.read_text() == "[web]\nweb[1:3:0]\nok 'unclosed\n"


def test_a_range_host_is_refused_with_its_line(tmp_path: Path, inventory: Path) -> None:
    result = host(tmp_path, inventory, name="web2", state="absent")
    assert result["failed"] and "line 4 ('web[2:3]')" in result["msg"]
    assert inventory.read_bytes().decode() == INVENTORY


def test_the_lock_file_is_removed_and_a_held_lock_times_out(tmp_path: Path, inventory: Path) -> None:
    import fcntl

    host(tmp_path, inventory, name="h9")
    assert not (tmp_path / ".hosts.ini.lock").exists()
    with open(tmp_path / ".hosts.ini.lock", "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        result = host(tmp_path, inventory, name="h10", lock_timeout=0.5)
    assert result["failed"] and "timed out waiting for the lock" in result["msg"]
    assert "h10" not in inventory.read_text()


def test_twenty_concurrent_runs_all_land(tmp_path: Path, inventory: Path) -> None:
    """Twenty processes add twenty hosts to one file at the same moment; none is lost."""
    commands = [
        module_command(
            "ini_host",
            {
                "path": str(inventory),
                "name": f"node{n:02d}",
                "groups": ["web" if n % 2 else "fresh"],
                "vars": {"n": n},
            },
            tmp_path,
        )
        for n in range(20)
    ]
    processes = [
        subprocess.Popen(command, env=env, stdout=subprocess.PIPE, text=True) for command, env in commands
    ]
    results = [json.loads(process.communicate()[0]) for process in processes]
    assert all(result["changed"] and not result.get("failed") for result in results)
    model = parse_ini(inventory.read_bytes())
    for n in range(20):
        assert model.hosts[f"node{n:02d}"].variables() == {"n": n}
        assert f"node{n:02d}" in model.groups["web" if n % 2 else "fresh"].hosts
    # What was there before is still there, byte for byte.
    text = inventory.read_bytes().decode()
    for line in INVENTORY.split("\r\n"):
        assert line in text
    assert sorted(os.listdir(tmp_path)) == sorted(
        ["collections", "hosts.ini", *(p for p in os.listdir(tmp_path) if p.startswith("args-"))]
    )
