# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The inventory cache of config-file mode: a hit builds what a parse builds, without parsing.

Every hand-written case the plugin accepts goes through a real ``jsonfile`` cache and back;
the inventory built from the cache must equal the one built by parsing, down to value types
and, on ansible-core 2.19+, trust and origin of every string.
"""

# Exact types are what these tests check (UntrustedText is a str, bool an int).
# pylint: disable=unidiomatic-typecheck

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from ansible.errors import AnsibleParserError
from ansible.inventory.data import InventoryData
from ansible.parsing.dataloader import DataLoader
from ansible.parsing.vault import VaultLib, VaultSecret
from ansible.plugins.loader import inventory_loader
from inventory_snapshot import OURS, load, snapshot
from repo_paths import case_files

from ansible_collections.iniplus.inventory.plugins.module_utils.ini_model import (
    IniAssignments,
    IniGroup,
    IniHost,
    IniInventory,
    UntrustedText,
)
from ansible_collections.iniplus.inventory.plugins.module_utils.ini_parser import parse_ini
from ansible_collections.iniplus.inventory.plugins.plugin_utils._cache import (
    Uncacheable,
    decode_models,
    encode_models,
)

CASES_ALL = case_files()


class Loaded:
    def __init__(self, plugin, inventory: InventoryData) -> None:
        self.plugin = plugin
        self.inventory = inventory
        self.snapshot = snapshot(inventory)


def load_config(config: Path, *, cache: bool = True, loader: DataLoader | None = None) -> Loaded:
    """Parse a config file into a fresh inventory and flush the cache, as InventoryManager does."""
    plugin = inventory_loader.get(OURS)
    inventory = InventoryData()
    inventory.current_source = str(config)
    plugin.parse(inventory, loader or DataLoader(), str(config), cache=cache)
    plugin.update_cache_if_changed()
    inventory.reconcile_inventory()
    return Loaded(plugin, inventory)


def write_config(directory: Path, sources: list[str], **options) -> Path:
    config = directory / "inventory.iniplus.yml"
    settings = {
        "plugin": OURS,
        "sources": sources,
        "cache": True,
        "cache_plugin": "ansible.builtin.jsonfile",
        "cache_connection": str(directory / "cache"),
        **options,
    }
    config.write_text(json.dumps(settings))  # JSON is YAML
    return config


@pytest.fixture
def no_parsing(monkeypatch: pytest.MonkeyPatch):
    """Make any parse in the plugin fail: what is built must then come from the cache."""
    plugin_module = sys.modules[type(inventory_loader.get(OURS)).__module__]

    def refuse(*_args, **_kwargs):
        raise AssertionError("parse_ini was called on a cache hit")

    monkeypatch.setattr(plugin_module, "parse_ini", refuse)


@pytest.mark.parametrize("case", CASES_ALL, ids=lambda path: path.name)
def test_cache_hit_builds_what_a_parse_builds(case: Path, tmp_path: Path, request) -> None:
    if load(OURS, str(case)).rejected:
        pytest.skip("a case this ansible-core rejects: nothing to cache")
    source = tmp_path / case.name
    source.write_bytes(case.read_bytes())
    config = write_config(tmp_path, [case.name])
    parsed = load_config(config)
    assert list((tmp_path / "cache").iterdir()), "nothing was written to the cache"
    request.getfixturevalue("no_parsing")
    cached = load_config(config)
    assert cached.snapshot == parsed.snapshot


@pytest.mark.parametrize("typing", ["literal_eval", "string"])
def test_cache_hit_for_many_sources_with_constructed_groups(tmp_path: Path, typing: str, request) -> None:
    (tmp_path / "a.ini").write_text("[web]\nweb1 dc=fra1 n=05\nweb2 dc=ams1\n[web:vars]\nport=8080\n")
    (tmp_path / "b.ini").write_text("[db]\ndb1 dc=fra1\nweb1 k=b'raw'\n[prod:children]\nweb\ndb\n")
    config = write_config(
        tmp_path, ["*.ini"], typing=typing, keyed_groups=[{"key": "dc", "prefix": "dc"}], compose={"x": "n"}
    )
    parsed = load_config(config)
    assert parsed.snapshot["groups"]["dc_fra1"]["hosts"] == ["web1", "db1"]
    request.getfixturevalue("no_parsing")
    cached = load_config(config)
    assert cached.snapshot == parsed.snapshot


def test_edited_source_is_parsed_again_whatever_its_mtime(tmp_path: Path) -> None:
    source = tmp_path / "a.ini"
    source.write_text("[web]\nweb1 color=red\n")
    config = write_config(tmp_path, ["a.ini"])
    load_config(config)
    stat = source.stat()
    source.write_text("[web]\nweb1 color=tan\n")  # same size, same mtime below
    os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    edited = load_config(config)
    assert edited.inventory.hosts["web1"].vars["color"] == "tan"


def test_flush_cache_parses_and_refreshes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.ini").write_text("[web]\nweb1\n")
    config = write_config(tmp_path, ["a.ini"])
    load_config(config)
    calls = []
    plugin_module = sys.modules[type(inventory_loader.get(OURS)).__module__]
    real = plugin_module.parse_ini
    monkeypatch.setattr(plugin_module, "parse_ini", lambda *a, **k: calls.append(1) or real(*a, **k))
    load_config(config, cache=False)  # ansible-inventory --flush-cache
    assert calls == [1]


def test_groups_of_earlier_sources_are_part_of_the_key(tmp_path: Path) -> None:
    # [web:vars] before any [web]: valid only if an earlier inventory source made group web.
    (tmp_path / "a.ini").write_text("[web:vars]\nport=1\n")
    config = write_config(tmp_path, ["a.ini"])
    plugin = inventory_loader.get(OURS)
    inventory = InventoryData()
    inventory.add_group("web")
    plugin.parse(inventory, DataLoader(), str(config))
    plugin.update_cache_if_changed()
    assert inventory.groups["web"].vars["port"] == 1
    with pytest.raises(AnsibleParserError, match="web"):
        load_config(config)


def test_codec_round_trips_what_json_cannot_hold() -> None:
    value = {
        1: [UntrustedText("b\udcff"), ("tuple", "key")],
        (1, 2): {"nested": {None: True, 2.5: float("inf")}},
        b"raw": "lone \ud800 surrogate",
        "plain": "text",
    }
    model = IniInventory(source="/x.ini")
    model.groups["g\udcfe"] = IniGroup("g\udcfe", 1, 2, ["h"], [], [IniAssignments(2, [("v", value)], [1])])
    model.hosts["h"] = IniHost("h", 3, 1, 2222, [IniAssignments(3, [("w", UntrustedText("u"))], [3])])
    encoded = json.loads(json.dumps(encode_models([model], "d")))
    (decoded,) = decode_models(encoded, "d")
    assert decoded == model
    variable = decoded.groups["g\udcfe"].vars[0]
    assert type(variable.value[1][0]) is UntrustedText
    assert type(variable.value[1][1]) is tuple
    assert type(decoded.hosts["h"].vars[0].value) is UntrustedText


def test_codec_keeps_diagnostics() -> None:
    model = parse_ini(b"[web]\nweb1 enabled=yes\n", "/x.ini")
    assert model.diagnostics
    (decoded,) = decode_models(json.loads(json.dumps(encode_models([model], "d"))), "d")
    assert decoded.diagnostics == model.diagnostics


def test_codec_refuses_what_it_cannot_hold_and_stale_or_foreign_entries() -> None:
    model = IniInventory(source="/x.ini")
    model.hosts["h"] = IniHost("h", 1, 1, None, [IniAssignments(1, [("v", {1j: 1})], [3])])
    with pytest.raises(Uncacheable):
        encode_models([model], "d")
    with pytest.raises(Uncacheable, match="differ"):
        decode_models(encode_models([IniInventory(source="/x.ini")], "old"), "new")
    with pytest.raises(Uncacheable):
        decode_models(
            {"digest": "d", "sources": [["/x.ini", [], [["h", 1, 1, None, [["v", {"?": 1}, 1, 1]]]], []]]},
            "d",
        )
    with pytest.raises(Uncacheable):
        decode_models(["not", "a", "dict"], "d")


def test_uncacheable_inventory_still_loads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Only cores before 2.19 accept the values the codec refuses (complex dict keys, for one);
    # stand in for them so the plugin's fallback is tested on every core.
    plugin_module = sys.modules[type(inventory_loader.get(OURS)).__module__]

    def refuse(*_args, **_kwargs):
        raise Uncacheable("cannot cache a value of type complex")

    monkeypatch.setattr(plugin_module, "encode_models", refuse)
    (tmp_path / "a.ini").write_text("[web]\nweb1\n")
    config = write_config(tmp_path, ["a.ini"])
    loaded = load_config(config)
    assert "web1" in loaded.inventory.hosts
    assert not (tmp_path / "cache").exists() or not list((tmp_path / "cache").iterdir())


def test_vault_encrypted_sources_are_read_but_never_cached(tmp_path: Path) -> None:
    secret = VaultSecret(b"s3cret")
    loader = DataLoader()
    loader.set_vault_secrets([("default", secret)])
    encrypted = VaultLib([("default", secret)]).encrypt(b"[web]\nweb1 token=hunter2\n")
    (tmp_path / "a.ini").write_bytes(encrypted)
    config = write_config(tmp_path, ["a.ini"])
    loaded = load_config(config, loader=loader)
    assert loaded.inventory.hosts["web1"].vars["token"] == "hunter2"
    cache = tmp_path / "cache"
    assert not cache.exists() or not list(cache.iterdir())
