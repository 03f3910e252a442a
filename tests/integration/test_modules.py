# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""ini_host and ini_group from a real ``ansible-playbook``: the provision / record / refresh / use
recipe, check mode, diff, and a second run of the whole playbook that changes nothing.

The inventory is read by ``ansible.builtin.ini`` only, so memberships and variable types are
asserted as Ansible itself sees them after ``meta: refresh_inventory``.
"""

from __future__ import annotations

import os
import re
import shutil
import sys
from pathlib import Path

import pytest
from ansible_cli import run_tool

pytestmark = pytest.mark.integration

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture
def playbook_env(tmp_path: Path, collections_path: Path) -> dict[str, str]:
    config = tmp_path / "ansible.cfg"
    config.write_text("# empty: the test sets what it needs through the environment\n")
    env = {key: value for key, value in os.environ.items() if not key.startswith("ANSIBLE_")}
    env.update(
        ANSIBLE_COLLECTIONS_PATH=str(collections_path),
        ANSIBLE_CONFIG=str(config),
        ANSIBLE_HOME=str(tmp_path / "home"),
        ANSIBLE_LOCAL_TEMP=str(tmp_path / "home" / "tmp"),
        ANSIBLE_INVENTORY_ENABLED="ini",
        ANSIBLE_INVENTORY_UNPARSED_FAILED="true",
        ANSIBLE_STDOUT_CALLBACK="default",
        ANSIBLE_FORKS="5",
    )
    return env


def playbook(env: dict[str, str], inventory: Path, run: int, *options: str):
    return run_tool(
        "ansible-playbook",
        "-i",
        str(inventory),
        str(FIXTURES / "modules_playbook.yml"),
        "-e",
        f"run={run}",
        "-e",
        f"ansible_python_interpreter={sys.executable}",
        *options,
        env=env,
    )


def test_recipe_check_mode_diff_and_idempotence(tmp_path: Path, playbook_env: dict[str, str]) -> None:
    inventory = tmp_path / "inventory" / "hosts.ini"
    inventory.parent.mkdir()
    shutil.copy(FIXTURES / "modules_hosts.ini", inventory)
    original = inventory.read_text()

    first = playbook(playbook_env, inventory, 1, "--diff")
    assert first.returncode == 0, first.stdout + first.stderr
    # --diff shows the new lines; the lines around them are untouched.
    assert re.search(r"^\+web1-clone ansible_connection=local", first.stdout, re.MULTILINE), first.stdout
    edited = inventory.read_text()
    assert "web1    ansible_connection=local\n" in edited
    assert "web2:2222    ansible_connection=local role=frontend   # the second web server\n" in edited
    assert edited.startswith(original.splitlines(keepends=True)[0])
    assert not [name for name in os.listdir(inventory.parent) if name != "hosts.ini"]  # no lock or temp left

    second = playbook(playbook_env, inventory, 2, "--diff")
    assert second.returncode == 0, second.stdout + second.stderr
    assert inventory.read_text() == edited
    recap = re.findall(r"^(\S+)\s+: ok=\d+\s+changed=(\d+)", second.stdout, re.MULTILINE)
    assert recap and all(changed == "0" for _host, changed in recap), second.stdout


CHECK_PLAYBOOK = """
- hosts: localhost
  connection: local
  gather_facts: false
  tasks:
    - iniplus.inventory.ini_host: {path: "%(path)s", name: web9, groups: [web], vars: {ratio: 0.5}}
      register: host_result
    - iniplus.inventory.ini_group: {path: "%(path)s", name: web, vars: {http_port: 8081}, children: [blue]}
      register: group_result
    - ansible.builtin.assert:
        that: [host_result is changed, group_result is changed, group_result.group.vars.http_port == 8081]
"""


def test_check_mode_run_reports_and_writes_nothing(tmp_path: Path, playbook_env: dict[str, str]) -> None:
    inventory = tmp_path / "hosts.ini"
    shutil.copy(FIXTURES / "modules_hosts.ini", inventory)
    original = inventory.read_bytes()
    play = tmp_path / "check.yml"
    play.write_text(CHECK_PLAYBOOK % {"path": inventory})
    checked = run_tool(
        "ansible-playbook",
        "-i",
        "localhost,",
        str(play),
        "-e",
        f"ansible_python_interpreter={sys.executable}",
        "--check",
        "--diff",
        env=dict(playbook_env, ANSIBLE_INVENTORY_ENABLED="host_list"),
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert re.search(r"^\+web9 +ratio=0\.5$", checked.stdout, re.MULTILINE), checked.stdout
    assert re.search(r"^-http_port=80$", checked.stdout, re.MULTILINE) and "+http_port=8081" in checked.stdout
    assert inventory.read_bytes() == original


@pytest.mark.parametrize("module", ["ini_host", "ini_group"])
def test_ansible_doc_renders(module: str, playbook_env: dict[str, str]) -> None:
    shown = run_tool("ansible-doc", f"iniplus.inventory.{module}", env=playbook_env)
    assert shown.returncode == 0, shown.stderr
    assert "lock_timeout" in shown.stdout and "EXAMPLES" in shown.stdout
