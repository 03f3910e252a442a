# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Config-file mode and the plugin's options through the real ``ansible-inventory`` and ``ansible-doc``.

Each test builds its inventory, ``ansible.cfg`` and collections path in a temporary directory,
so nothing from the machine running the tests (``~/.ansible``, ``ANSIBLE_*``) leaks in.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration

REPO_ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
ENABLE_OURS = "[inventory]\nenable_plugins = iniplus.inventory.ini\n"
CACHE_HIT = "iniplus: using cached inventory for"


class Workspace:
    def __init__(self, root: Path, collections: Path) -> None:
        self.root = root
        self.collections = collections
        self.write("ansible.cfg", ENABLE_OURS)

    def write(self, name: str, text: str) -> Path:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
        return path

    def run(
        self, tool: str, *args: str, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        clean = {key: value for key, value in os.environ.items() if not key.startswith("ANSIBLE_")}
        clean.update(
            ANSIBLE_COLLECTIONS_PATH=str(self.collections),
            ANSIBLE_CONFIG=str(self.root / "ansible.cfg"),
            ANSIBLE_HOME=str(self.root / ".ansible"),
            ANSIBLE_LOCAL_TEMP=str(self.root / ".ansible" / "tmp"),
            ANSIBLE_INVENTORY_UNPARSED_FAILED="true",
            ANSIBLE_NOCOLOR="1",
            **(env or {}),
        )
        return subprocess.run(
            [str(BIN / tool), *args],
            check=False,
            cwd=self.root,
            env=clean,
            capture_output=True,
            text=True,
            timeout=120,
        )

    def inventory(self, *args: str, env: dict[str, str] | None = None) -> tuple[dict, str]:
        """``ansible-inventory --list`` as JSON, and everything it printed besides."""
        result = self.run("ansible-inventory", "--list", *args, env=env)
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout[result.stdout.index("{") :]), result.stdout + result.stderr

    def failure(self, *args: str, env: dict[str, str] | None = None) -> str:
        result = self.run("ansible-inventory", "--list", *args, env=env)
        assert result.returncode != 0, result.stdout
        return result.stderr


@pytest.fixture
def workspace(tmp_path: Path, collections_path: Path) -> Workspace:
    return Workspace(tmp_path, collections_path)


def said(message: str, output: str) -> bool:
    """Whether Ansible printed ``message``; it wraps long lines (at blanks and hyphens) on older cores."""
    return "".join(message.split()) in "".join(output.split())


def unwrap(value):
    """A composed value: ansible-core 2.19+ lists template results as untrusted, {"__ansible_unsafe": ...}."""
    if isinstance(value, dict) and list(value) == ["__ansible_unsafe"]:
        return value["__ansible_unsafe"]
    return value


def walk_values(value):
    if isinstance(value, dict):
        for item in value.values():
            yield from walk_values(item)
    elif isinstance(value, list):
        for item in value:
            yield from walk_values(item)
    else:
        yield value


def test_many_files_as_strings_keyed_groups_and_a_cache_that_is_never_stale(workspace: Workspace) -> None:
    workspace.write(
        "inventory/a.ini",
        """\
        [web]
        web1 dc=fra1 build=05.30 enabled=True pair=1,2 motd="hello world"
        web2 dc=ams1 port=22
        """,
    )
    workspace.write(
        "inventory/b.ini",
        """\
        [db]
        db1 dc=fra1 size=100
        [db:vars]
        backup=False
        """,
    )
    config = workspace.write(
        "inventory/site.iniplus.yml",
        f"""\
        plugin: iniplus.inventory.ini
        sources: ['*.ini']
        typing: string
        keyed_groups:
          - key: dc
            prefix: dc
        cache: true
        cache_plugin: ansible.builtin.jsonfile
        cache_connection: {workspace.root / "cache"}
        cache_prefix: iniplus_test_
        cache_timeout: 600
        """,
    )
    first, _output = workspace.inventory("-i", str(config))
    hostvars = first["_meta"]["hostvars"]
    assert sorted(hostvars) == ["db1", "web1", "web2"]
    assert hostvars["web1"] == {
        "dc": "fra1",
        "build": "05.30",
        "enabled": "True",
        "pair": "1,2",
        "motd": "hello world",
    }
    assert hostvars["db1"] == {"dc": "fra1", "size": "100", "backup": "False"}
    assert all(isinstance(value, str) for value in walk_values(hostvars))
    assert first["dc_fra1"]["hosts"] == ["web1", "db1"]
    assert first["dc_ams1"]["hosts"] == ["web2"]

    (entry,) = (workspace.root / "cache").iterdir()
    assert entry.name.startswith("iniplus_test_")

    second, output = workspace.inventory("-i", str(config), "-vvv")
    assert said(CACHE_HIT, output)
    assert second == first

    # Older than cache_timeout: parsed again, and written again.
    os.utime(entry, (entry.stat().st_atime - 3600, entry.stat().st_mtime - 3600))
    aged, output = workspace.inventory("-i", str(config), "-vvv")
    assert not said(CACHE_HIT, output)
    assert aged == first

    workspace.write("inventory/b.ini", "[db]\ndb1 dc=lon1 size=200\n")
    third, output = workspace.inventory("-i", str(config), "-vvv")
    assert not said(CACHE_HIT, output)
    assert third["_meta"]["hostvars"]["db1"] == {"dc": "lon1", "size": "200"}
    assert third["dc_lon1"]["hosts"] == ["db1"]
    assert third["dc_fra1"]["hosts"] == ["web1"]


def test_sources_merge_as_ansible_merges_inventory_sources(workspace: Workspace) -> None:
    workspace.write("inv/a.ini", "[web]\nweb1 http_port=80\nweb2\n[web:vars]\nntp=a\n")
    workspace.write(
        "inv/b.ini", "[db]\ndb1\nweb1 role=both\n[prod:children]\nweb\ndb\n[prod:vars]\nenv=prod\n"
    )
    workspace.write("inv/more/c", "[web:vars]\nntp=c\n[lb]\nlb1 http_port=8080\n")
    workspace.write("inv/more/notes.md", "not an inventory\n")
    config = workspace.write(
        "inv/site.iniplus.yml", "plugin: iniplus.inventory.ini\nsources: ['*.ini', more]\n"
    )
    merged, _output = workspace.inventory("-i", str(config))
    separate, _output = workspace.inventory("-i", "inv/a.ini", "-i", "inv/b.ini", "-i", "inv/more/c")
    assert merged == separate
    assert merged["prod"]["children"] == ["web", "db"]
    assert merged["_meta"]["hostvars"]["web1"] == {"http_port": 80, "role": "both", "ntp": "c", "env": "prod"}


def test_missing_source_is_named(workspace: Workspace) -> None:
    workspace.write("inv/a.ini", "[web]\nweb1\n")
    config = workspace.write(
        "inv/site.iniplus.yml", "plugin: iniplus.inventory.ini\nsources: [a.ini, b.ini]\n"
    )
    error = workspace.failure("-i", str(config))
    assert said("source 'b.ini' does not exist", error)


def test_direct_mode_options_from_ansible_cfg_and_environment(workspace: Workspace) -> None:
    hosts = workspace.write("hosts.ini", "[web]\nweb1 enabled=yes build=05.30\n")
    default, output = workspace.inventory("-i", str(hosts))
    assert default["_meta"]["hostvars"]["web1"] == {"enabled": "yes", "build": 5.3}
    assert "yes is the string 'yes', not a boolean" in output

    workspace.write("ansible.cfg", ENABLE_OURS + "[inventory_plugin_iniplus]\ndiagnostics = error\n")
    error = workspace.failure("-i", str(hosts))
    assert said("(diagnostics = error)", error)

    # The environment wins over ansible.cfg, as for every Ansible setting.
    quiet, output = workspace.inventory(
        "-i", str(hosts), env={"ANSIBLE_INIPLUS_DIAGNOSTICS": "ignore", "ANSIBLE_INIPLUS_TYPING": "string"}
    )
    assert quiet["_meta"]["hostvars"]["web1"] == {"enabled": "yes", "build": "05.30"}
    assert "is the string 'yes'" not in output


def test_config_file_options(workspace: Workspace) -> None:
    workspace.write(
        "inv/hosts.ini", "[web]\nweb1 dc=fra1 enabled=yes\nweb2 dc=ams1\n[web:vars]\nhttp_port=8080\n"
    )
    config = workspace.write(
        "inv/site.iniplus.yml",
        """\
        plugin: iniplus.inventory.ini
        sources: [hosts.ini]
        diagnostics: ignore
        compose:
          ansible_host: inventory_hostname ~ '.example.com'
          stage: stage_name | default('none')
        groups:
          fra: dc == 'fra1'
        keyed_groups:
          - key: dc
        leading_separator: false
        use_extra_vars: true
        strict: true
        """,
    )
    built, output = workspace.inventory("-i", str(config), "-e", "stage_name=qa")
    assert "is the string 'yes'" not in output
    assert unwrap(built["_meta"]["hostvars"]["web1"]["ansible_host"]) == "web1.example.com"
    assert unwrap(built["_meta"]["hostvars"]["web2"]["stage"]) == "qa"
    assert built["fra"]["hosts"] == ["web1"]
    assert built["fra1"]["hosts"] == ["web1"]
    assert built["ams1"]["hosts"] == ["web2"]

    config.write_text(config.read_text().replace("diagnostics: ignore", "diagnostics: error"))
    assert said("(diagnostics = error)", workspace.failure("-i", str(config)))

    config.write_text(
        config.read_text()
        .replace("diagnostics: error", "diagnostics: warn")
        .replace("stage_name |", "nope +")
    )
    assert said("Could not set stage for host web1", workspace.failure("-i", str(config)))


def test_ansible_doc_shows_every_option(workspace: Workspace) -> None:
    result = workspace.run("ansible-doc", "-t", "inventory", "iniplus.inventory.ini")
    assert result.returncode == 0, result.stderr
    for option in ["sources", "typing", "diagnostics", "keyed_groups", "compose", "cache_plugin"]:
        assert option in result.stdout
    assert "ANSIBLE_INIPLUS_TYPING" in result.stdout
    assert "inventory_plugin_iniplus" in result.stdout
