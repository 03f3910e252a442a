# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The ansible_* variables read from the documentation of the plugins this Ansible can load."""

from __future__ import annotations

from pathlib import Path

import pytest
from ansible.inventory.data import InventoryData
from ansible.parsing.dataloader import DataLoader
from ansible.plugins.loader import inventory_loader
from inventory_snapshot import OURS

from ansible_collections.iniplus.inventory.plugins.module_utils.ini_checks import ANSIBLE_VARIABLE_TYPES
from ansible_collections.iniplus.inventory.plugins.plugin_utils import _knowledge, _variable_catalogue


def test_core_plugins_document_sudo_and_booleans() -> None:
    documented = _variable_catalogue.documented_variables()
    assert documented["ansible_sudo_pass"] == "str"
    assert documented["ansible_ssh_pipelining"] == "bool"
    assert documented["ansible_port"] == "int"
    assert documented["ansible_python_interpreter"] == "str"  # from Ansible's configuration
    assert all(name.startswith("ansible_") and name.isidentifier() for name in documented)


def test_cached_per_process() -> None:
    assert _variable_catalogue.documented_variables() is _variable_catalogue.documented_variables()


@pytest.mark.parametrize(
    ("declared", "kind"),
    [
        ("boolean", "bool"),
        ("integer", "int"),
        ("string", "str"),
        ("path", "str"),
        ("pathlist", "list"),
        (None, "str"),
        ("mode", "raw"),
    ],
)
def test_declared_types_are_reduced(declared: str | None, kind: str) -> None:
    assert _variable_catalogue.normalized_type(declared) == kind


def test_a_collection_plugin_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "ansible_collections" / "acme" / "net" / "plugins" / "connection"
    folder.mkdir(parents=True)
    (folder / "box.py").write_text(
        'DOCUMENTATION = """\nname: box\nshort_description: x\ndescription: [x]\nauthor: [x]\n'
        "options:\n  fast:\n    description: [x]\n    type: bool\n    vars:\n      - name: ansible_box_fast\n"
        '  other:\n    description: [x]\n    vars:\n      - name: "delegated_vars[\'ansible_box\']"\n"""\n'
    )
    from ansible.utils.collection_loader import AnsibleCollectionConfig

    monkeypatch.setattr(
        type(AnsibleCollectionConfig),
        "collection_paths",
        property(lambda _cls: [str(tmp_path)]),
        raising=False,
    )
    files = _variable_catalogue._plugin_files("connection")
    assert (str(folder / "box.py"), "acme.net") in files
    found: dict[str, str] = {}
    _variable_catalogue._add_options(
        found, _variable_catalogue._options_of(str(folder / "box.py"), "acme.net", "connection")
    )
    assert found == {"ansible_box_fast": "bool"}


def load_with_catalogue_watch(path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []

    def watched() -> dict[str, str]:
        calls.append("called")
        return {"ansible_box_fast": "bool"}

    monkeypatch.setattr(_knowledge, "documented_variables", watched)
    plugin = inventory_loader.get(OURS)
    monkeypatch.setattr(plugin.display, "warning", lambda *a, **k: None)
    monkeypatch.setattr(plugin.display, "display", lambda *a, **k: None)
    inventory = InventoryData()
    inventory.current_source = str(path)
    plugin.parse(inventory, DataLoader(), str(path), cache=False)
    return calls


def test_a_plain_load_never_reads_plugin_documentation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "hosts.ini"
    source.write_text("[web]\nh1 ansible_host=10.0.0.1 ansible_port=22 ansible_become=yes role=web\n")
    assert load_with_catalogue_watch(source, monkeypatch) == []


def test_an_unknown_ansible_name_reads_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "hosts.ini"
    source.write_text("[web]\nh1 ansible_box_fast=yes\n")
    assert load_with_catalogue_watch(source, monkeypatch)


def test_table_covers_what_this_ansible_core_documents() -> None:
    # Here, not beside ini_checks' tests: ansible-test units runs module_utils tests without the
    # controller's packages, so the catalogue could read nothing there.
    documented = _variable_catalogue.documented_variables()
    assert documented, "no plugin documentation was read"
    missing = {name for name in documented if name not in ANSIBLE_VARIABLE_TYPES}
    # Only collections may add names; ansible-core's own must all be built in.
    assert not missing
    for name, kind in documented.items():
        if kind == "bool":
            assert ANSIBLE_VARIABLE_TYPES[name] == "bool", name
