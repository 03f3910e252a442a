# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Config-file mode in process: merging sources, typing, diagnostics, constructed features.

The reference for merging is the plugin itself in direct mode, one file per source, in one
inventory, as ``ansible-inventory -i a.ini -i b.ini`` loads them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from ansible.errors import AnsibleError, AnsibleParserError
from ansible.inventory.data import InventoryData
from ansible.parsing.dataloader import DataLoader
from ansible.plugins.loader import inventory_loader
from inventory_snapshot import OURS, snapshot

FILES = {
    "a.ini": "[web]\nweb1 dc=fra1 ansible_port=2222\nweb2 dc=ams1\n[web:vars]\nhttp_port=8080\n",
    # web1 again (one host in both sets of groups), web declared in a.ini, prod's children across files
    "b.ini": "[db]\ndb1 dc=fra1\nweb1 role=both\n[prod:children]\nweb\ndb\n[prod:vars]\nenv=prod\n",
    "c/x.ini": "[web]\n[web:vars]\nhttp_port=9090\n[lb]\nlb1\n",
    "c/y": "[all:vars]\nntp=ntp.example\n",
}


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    for name, text in FILES.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return tmp_path


def write_config(directory: Path, **options) -> Path:
    config = directory / "site.iniplus.yml"
    config.write_text(json.dumps({"plugin": OURS, **options}))
    return config


def load(*sources: Path) -> InventoryData:
    """Load sources one after another into one inventory, as InventoryManager does."""
    loader = DataLoader()
    inventory = InventoryData()
    for source in sources:
        plugin = inventory_loader.get(OURS)
        assert plugin.verify_file(str(source))
        inventory.current_source = str(source)
        plugin.parse(inventory, loader, str(source), cache=False)
    inventory.reconcile_inventory()
    return inventory


def test_sources_merge_as_separate_inventory_sources(tree: Path) -> None:
    config = write_config(tree, sources=["a.ini", "b.ini", "c"])
    merged = snapshot(load(config))
    separate = snapshot(load(tree / "a.ini", tree / "b.ini", tree / "c/x.ini", tree / "c/y"))
    assert merged == separate
    assert merged["hosts"]["web1"]["groups"] == ["web", "db", ("all", "prod")]


def test_order_of_sources_is_the_merge_order(tree: Path) -> None:
    config = write_config(tree, sources=["c/x.ini", "a.ini"])
    merged = load(config)
    assert merged.groups["web"].vars["http_port"] == 8080
    config = write_config(tree, sources=["a.ini", "c/x.ini"])
    assert load(config).groups["web"].vars["http_port"] == 9090


def test_hosts_keep_the_file_they_come_from(tree: Path) -> None:
    inventory = load(write_config(tree, sources=["*.ini"]))
    assert inventory.hosts["db1"].vars["inventory_file"] == str(tree / "b.ini")
    assert inventory.hosts["web1"].vars["inventory_file"] == str(tree / "a.ini")


def test_typing_string_keeps_every_value_as_written(tmp_path: Path) -> None:
    (tmp_path / "v.ini").write_text(
        '[g]\nh a=05.30 b=True c=1,2 d="quoted value" e=\'x\' f=22 g=None h=[1] i="a"b\n'
        '[g:vars]\nj=0x1F\nk="{{ x }}"\nl="a"b\n'
    )
    inventory = load(write_config(tmp_path, sources=["v.ini"], typing="string"))
    host_vars = {k: v for k, v in inventory.hosts["h"].vars.items() if not k.startswith("inventory_")}
    assert host_vars == {
        "a": "05.30",
        "b": "True",
        "c": "1,2",
        "d": "quoted value",
        "e": "x",
        "f": "22",
        "g": "None",
        "h": "[1]",
        "i": "ab",  # host lines are split shell-style first, as by the builtin
    }
    assert inventory.groups["g"].vars == {"j": "0x1F", "k": "{{ x }}", "l": '"a"b'}
    assert all(isinstance(value, str) for value in host_vars.values())


def test_typing_literal_eval_is_the_default(tmp_path: Path) -> None:
    (tmp_path / "v.ini").write_text("[g]\nh a=05.30 b=True c=1,2 f=22\n")
    inventory = load(write_config(tmp_path, sources=["v.ini"]))
    assert {k: inventory.hosts["h"].vars[k] for k in "abcf"} == {"a": 5.3, "b": True, "c": [1, 2], "f": 22}


def test_typing_from_the_environment_in_direct_mode(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "v.ini"
    source.write_text("[g]\nh a=05.30 b=True\n")
    monkeypatch.setenv("ANSIBLE_INIPLUS_TYPING", "string")
    assert load(source).hosts["h"].vars["a"] == "05.30"
    monkeypatch.setenv("ANSIBLE_INIPLUS_TYPING", "literal_eval")
    assert load(source).hosts["h"].vars["a"] == 5.3


@pytest.mark.parametrize("where", ["config", "environment"])
def test_diagnostics_modes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str) -> None:
    (tmp_path / "w.ini").write_text("[web]\nweb1 enabled=yes\n")
    shown: list[str] = []
    display = inventory_loader.get(OURS).display
    monkeypatch.setattr(display, "warning", lambda message, *a, **k: shown.append(message))
    # ansible-core < 2.19 would wrap a warning: ours are printed through display() there.
    monkeypatch.setattr(display, "display", lambda message, *a, **k: shown.append(message))

    def run(mode: str) -> InventoryData:
        if where == "config":
            return load(write_config(tmp_path, sources=["w.ini"], diagnostics=mode))
        monkeypatch.setenv("ANSIBLE_INIPLUS_DIAGNOSTICS", mode)
        return load(tmp_path / "w.ini")

    run("warn")
    assert any("yes is the string 'yes', not a boolean" in message for message in shown)
    shown.clear()
    assert run("ignore").hosts["web1"].vars["enabled"] == "yes"
    assert shown == []
    with pytest.raises(AnsibleParserError, match=r"1 problem in .*w\.ini \(diagnostics = error\)"):
        run("error")


def test_constructed_compose_groups_keyed_groups(tree: Path) -> None:
    config = write_config(
        tree,
        sources=["a.ini", "b.ini"],
        compose={"ansible_host": "inventory_hostname ~ '.example.com'", "web_port": "http_port | default(0)"},
        groups={"fra": "dc == 'fra1'", "multi": "group_names | length > 1"},
        keyed_groups=[{"key": "dc"}, {"key": "env", "prefix": "env", "separator": "__"}],
        leading_separator=False,
    )
    inventory = load(config)
    web1 = inventory.hosts["web1"].vars
    assert web1["ansible_host"] == "web1.example.com"
    # ansible-core < 2.19 renders expressions to text unless jinja2_native is on
    assert str(web1["web_port"]) == "8080"
    assert str(inventory.hosts["db1"].vars["web_port"]) == "0"
    assert [h.name for h in inventory.groups["fra"].hosts] == ["web1", "db1"]
    # keyed groups without a prefix have no leading separator; group vars (env) count too
    assert [h.name for h in inventory.groups["fra1"].hosts] == ["web1", "db1"]
    assert [h.name for h in inventory.groups["env__prod"].hosts] == ["web1", "web2", "db1"]


def test_constructed_leading_separator_default(tree: Path) -> None:
    inventory = load(write_config(tree, sources=["a.ini"], keyed_groups=[{"key": "dc"}]))
    assert "_fra1" in inventory.groups


def test_strict_makes_a_broken_expression_fatal(tree: Path) -> None:
    options = {"sources": ["a.ini"], "compose": {"x": "undefined_variable + 1"}}
    inventory = load(write_config(tree, **options))
    assert "x" not in inventory.hosts["web1"].vars
    with pytest.raises(AnsibleError, match="Could not set x for host web1"):
        load(write_config(tree, strict=True, **options))


def test_use_extra_vars(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # What -e stage_name=qa gives the plugin.
    monkeypatch.setattr("ansible.plugins.inventory.load_extra_vars", lambda _loader: {"stage_name": "qa"})
    options = {"sources": ["a.ini"], "compose": {"stage": "stage_name | default('none')"}}
    inventory = load(write_config(tree, **options))
    assert inventory.hosts["web1"].vars["stage"] == "none"
    inventory = load(write_config(tree, use_extra_vars=True, **options))
    assert inventory.hosts["web1"].vars["stage"] == "qa"


def test_unknown_option_is_an_error(tree: Path) -> None:
    with pytest.raises(AnsibleParserError, match=r"unknown option.*keyed_group"):
        load(write_config(tree, sources=["a.ini"], keyed_group=[{"key": "dc"}]))


def test_invalid_choice_is_an_error(tree: Path) -> None:
    with pytest.raises(AnsibleError, match="typing"):
        load(write_config(tree, sources=["a.ini"], typing="yaml"))


def test_missing_sources_option_is_an_error(tree: Path) -> None:
    with pytest.raises(AnsibleParserError, match="'sources' must list"):
        load(write_config(tree))


def test_wrong_plugin_name_is_an_error(tree: Path) -> None:
    config = tree / "other.iniplus.yml"
    config.write_text("plugin: ansible.builtin.constructed\n")
    with pytest.raises(AnsibleParserError, match="Incorrect plugin name"):
        load(config)


def test_verify_file_accepts_ini_files_and_iniplus_configs_only(tmp_path: Path) -> None:
    plugin = inventory_loader.get(OURS)
    accepted = ["hosts", "hosts.ini", "site.iniplus.yml", "site.iniplus.yaml", "SITE.INIPLUS.YML"]
    refused = ["site.yml", "site.yaml", "iniplus.yml", "site.iniplus.json", "inv.json", "inv.toml"]
    for name in accepted + refused:
        (tmp_path / name).write_text("")
    assert [name for name in accepted + refused if plugin.verify_file(str(tmp_path / name))] == accepted
    assert not plugin.verify_file(str(tmp_path / "absent.iniplus.yml"))
