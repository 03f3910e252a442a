# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Diagnostics through the real ansible-inventory: all errors at once, folded warnings, error mode."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from ansible_cli import run_tool

pytestmark = pytest.mark.integration

TRAPS = """\
[web]
web1 ansible_prot=22 enabled=yes version=1.10
web2 ansible_port=70000 ports=80,443 pw=ab#cd
web[10:1]
[web:vars]
ssl=false
"""


def ansible_inventory(path: Path, *args: str, plugin: str = "iniplus.inventory.ini", **env: str):
    settings = {"ANSIBLE_INVENTORY_ENABLED": plugin, "ANSIBLE_INVENTORY_UNPARSED_FAILED": "true", **env}
    return run_tool("ansible-inventory", "-i", str(path), *args, env=settings)


def test_error_mode_fails_and_names_every_problem(tmp_path: Path) -> None:
    source = tmp_path / "hosts.ini"
    source.write_text("[web]\nh1 ansible_prot=22\nh2 ansible_port=70000\n")
    result = ansible_inventory(source, "--list", ANSIBLE_INIPLUS_DIAGNOSTICS="error")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert f"{source}:2:4" in output
    assert "did you mean 'ansible_port'" in output
    assert f"{source}:3:4" in output and "70000" in output
    assert "Traceback" not in output


def test_all_errors_of_a_file_in_one_run(tmp_path: Path) -> None:
    source = tmp_path / "hosts.ini"
    source.write_text("[web]\nh1\nh2 x='open\nh3 two words\n[db]\nd[1:3:0]\n")
    result = ansible_inventory(source, "--list")
    assert result.returncode != 0
    for line in (3, 4, 6):
        assert f"{source}:{line}:" in result.stderr
    assert "range() arg 3" not in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("mode", ["warn", "ignore"])
def test_warnings_never_change_the_inventory(tmp_path: Path, mode: str) -> None:
    source = tmp_path / "hosts.ini"
    source.write_text(TRAPS)
    ours = ansible_inventory(source, "--list", ANSIBLE_INIPLUS_DIAGNOSTICS=mode)
    builtin = ansible_inventory(source, "--list", plugin="ini")
    assert ours.returncode == builtin.returncode == 0, ours.stderr
    ours_json, builtin_json = json.loads(ours.stdout), json.loads(builtin.stdout)
    for listing in (ours_json, builtin_json):
        listing["_meta"].pop("profile", None)
    assert ours_json == builtin_json
    if mode == "warn":
        for code in ("unknown-ansible-variable", "boolean-string", "surprising-number", "empty-range"):
            assert code in ours.stderr
    else:
        assert "warning:" not in ours.stderr


def test_many_identical_traps_print_few_lines(tmp_path: Path) -> None:
    source = tmp_path / "hosts.ini"
    source.write_text("[web]\n" + "".join(f"web{n} enabled=yes\n" for n in range(20000)))
    result = ansible_inventory(source, "--graph")
    assert result.returncode == 0, result.stderr
    assert 0 < len(result.stderr.splitlines()) < 60
    assert "19,997 more like it" in result.stderr
