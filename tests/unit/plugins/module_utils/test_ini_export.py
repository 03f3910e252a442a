# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The model -> inventory-script JSON conversion, on its own (no Ansible needed).

Each rule here is one that ``InventoryData`` applies after parsing; the corpus-wide comparison
with what Ansible builds is in tests/integration/test_script.py.
"""

from __future__ import annotations

import json

import pytest
from repo_paths import REPO_ROOT

from ansible_collections.iniplus.inventory.plugins.module_utils.ini_export import (
    ExportError,
    group_variables,
    host_variables,
    to_inventory_json,
    to_json_value,
)
from ansible_collections.iniplus.inventory.plugins.module_utils.ini_model import (
    IniAssignments,
    IniGroup,
    IniHost,
    IniInventory,
    UntrustedText,
)
from ansible_collections.iniplus.inventory.plugins.module_utils.ini_parser import parse_ini

EXPORT_MODULE = REPO_ROOT / "plugins" / "module_utils" / "ini_export.py"


def export(text: str) -> dict:
    return to_inventory_json(parse_ini(text, "t.ini"))


def test_every_group_has_hosts_vars_and_children_and_meta_has_every_host() -> None:
    document = export("[web]\nw1\n[db]\n[prod:children]\nweb\ndb\n")
    assert document["web"] == {"hosts": ["w1"], "vars": {}, "children": []}
    assert document["db"] == {"hosts": [], "vars": {}, "children": []}
    assert document["prod"] == {"hosts": [], "vars": {}, "children": ["web", "db"]}
    assert "hosts" not in document["all"]
    assert document["_meta"] == {"hostvars": {"w1": {}}}


def test_groups_without_parents_become_children_of_all_after_ungrouped() -> None:
    document = export("[all:children]\nlate\n[web]\n[prod:children]\nweb\n[late]\n[solo]\n")
    assert document["all"]["children"] == ["ungrouped", "late", "prod", "solo"]
    assert list(document)[:2] == ["all", "ungrouped"]


def test_ungrouped_keeps_only_hosts_without_another_group() -> None:
    text = "first\nsecond\n[web]\nsecond\n[all]\nthird\n[ungrouped]\nfourth\n"
    document = export(text)
    assert document["ungrouped"]["hosts"] == ["first", "fourth", "third"]
    assert document["web"]["hosts"] == ["second"]


def test_later_assignments_replace_earlier_ones_dicts_too() -> None:
    document = export("h a=1 d=\"{'x': 1}\"\nh a=2 d=\"{'y': 2}\"\n[g:vars]\nv=1\nv=2\n[g]\n")
    assert document["_meta"]["hostvars"]["h"] == {"a": 2, "d": {"y": 2}}
    assert document["g"]["vars"] == {"v": 2}


def test_port_is_ansible_port_and_a_later_assignment_overrides_it() -> None:
    document = export("a:2222\nb:2222 ansible_port=22\nc ansible_port=2200\nd:0\n")
    hostvars = document["_meta"]["hostvars"]
    assert hostvars["a"] == {"ansible_port": 2222}
    assert hostvars["b"] == {"ansible_port": 22}
    assert hostvars["c"] == {"ansible_port": 2200}
    # Ansible's Host ignores a false port.
    assert hostvars["d"] == {}


def test_variable_of_a_host_named_like_a_group_stays_on_the_group() -> None:
    document = export("[web]\n[web:vars]\nx=1\n[hosts]\nweb y=2\n")
    assert document["web"]["vars"] == {"x": 1, "y": 2}
    assert document["_meta"]["hostvars"]["web"] == {}


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ("ansible_group_priority=5", {"ansible_group_priority": 5}),
        ("ansible_group_priority='7'", {"ansible_group_priority": 7}),
        ("ansible_group_priority=1", {}),
        ("ansible_group_priority=3\nansible_group_priority=high", {"ansible_group_priority": 3}),
    ],
    ids=["int", "string", "default", "invalid-keeps-previous"],
)
def test_group_priority_is_an_integer_left_out_when_default(lines: str, expected: dict) -> None:
    document = export(f"[g]\n[g:vars]\n{lines}\n")
    assert document["g"]["vars"] == expected


def test_dict_keys_become_strings_as_json_writes_them() -> None:
    value = {1: "a", 1.5: "b", False: "c", None: "d", "1": "e", float("inf"): "f"}
    # 1 and "1" are one key in JSON: the later one wins, as when Ansible's JSON is read back.
    assert to_json_value(value) == {"1": "e", "1.5": "b", "false": "c", "null": "d", "Infinity": "f"}
    assert to_json_value(value) == json.loads(json.dumps(value))


def test_untrusted_text_is_marked_as_ansible_inventory_marks_it() -> None:
    assert to_json_value(UntrustedText("x")) == {"__ansible_unsafe": "x"}
    assert to_json_value([UntrustedText("x"), "y"]) == [{"__ansible_unsafe": "x"}, "y"]
    assert type(to_json_value("plain")) is str  # pylint: disable=unidiomatic-typecheck


def test_values_json_cannot_hold_raise_with_the_variable_and_line() -> None:
    model = IniInventory(source="t.ini")
    model.hosts["h"] = IniHost("h", 1, 1, None, [IniAssignments(4, [("k", {(1, 2): 3})], [3])])
    with pytest.raises(ExportError, match=r"variable 'k' \(line 4\).*tuple"):
        host_variables(model, "h")
    with pytest.raises(ExportError, match="cannot be written as JSON"):
        to_json_value(object())


def test_host_variables_is_empty_for_a_host_without_any_and_refuses_unknown_hosts() -> None:
    model = parse_ini("[web]\nw1 a=1\nw2\n", "t.ini")
    assert host_variables(model, "w1") == {"a": 1}
    assert host_variables(model, "w2") == {}
    with pytest.raises(KeyError):
        host_variables(model, "nope")


def test_group_variables_of_groups_the_model_does_not_hold_are_empty() -> None:
    model = IniInventory(source="t.ini")
    model.groups["g"] = IniGroup("g", 1, 1, assignments=[IniAssignments(2, [("a", [1, (2, 3)])], [1])])
    assert group_variables(model, "g") == {"a": [1, [2, 3]]}
    assert group_variables(model, "all") == {}


def test_document_survives_a_json_round_trip() -> None:
    document = export("[web]\nw1:22 a=\"{1: 'x'}\" b=[1,2] c=1.5 d=None e=True\n[web:vars]\nf='text'\n")
    assert json.loads(json.dumps(document)) == document


def test_export_uses_the_standard_library_only() -> None:
    source = EXPORT_MODULE.read_text()
    imports = [line for line in source.splitlines() if line.startswith(("import ", "from "))]
    assert all("ansible" not in line for line in imports), imports
