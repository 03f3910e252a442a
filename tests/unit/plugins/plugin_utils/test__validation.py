# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Variable validation: right answers, and voluptuous reached only for values a cheap test rejects."""

from __future__ import annotations

import pytest

from ansible_collections.iniplus.inventory.plugins.module_utils.ini_parser import parse_ini
from ansible_collections.iniplus.inventory.plugins.plugin_utils import _validation

pytest.importorskip("voluptuous")


def problems(text: str, documented: dict[str, str] | None = None) -> list[str]:
    model = parse_ini(text.encode(), "h.ini")
    found = _validation.validate_variables(model, (lambda: documented) if documented is not None else None)
    return [diagnostic.message for diagnostic in found]


@pytest.mark.parametrize(
    "line",
    [
        "h ansible_port=22 ansible_host=10.0.0.1 ansible_user=deploy",
        "h ansible_become=yes ansible_ssh_pipelining=False ansible_become=no",
        "h ansible_port='{{ port }}'",
        "h ansible_winrm_transport=ntlm,kerberos",
        "h ansible_ssh_retries=3",
    ],
)
def test_good_values_pass(line: str) -> None:
    assert problems(line + "\n") == []


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("h ansible_port=70000", "ansible_port=70000 is not valid: 70000 is not a port"),
        ("h ansible_become=maybe", "ansible_become='maybe' is not valid: 'maybe' is not a boolean"),
        ("h ansible_ssh_timeout=-1", "ansible_ssh_timeout=-1 is not valid: -1 must not be negative"),
        ("h ansible_psrp_port=0", "ansible_psrp_port=0 is not valid"),
        ("h ansible_sudo_pass=[1,2]", "ansible_sudo_pass=[1, 2] is not valid"),
    ],
)
def test_bad_values_are_named(line: str, message: str) -> None:
    [found] = problems(line + "\n")
    assert found.startswith(message)


def test_documented_types_check_collection_variables() -> None:
    text = "h ansible_box_fast=maybe ansible_box_count=x ansible_box_name=ok\n"
    assert problems(text) == []  # unknown to the built-in table: not checked without the catalogue
    found = problems(
        text, {"ansible_box_fast": "bool", "ansible_box_count": "int", "ansible_box_name": "str"}
    )
    assert [message.split(" is not valid")[0] for message in found] == [
        "ansible_box_fast='maybe'",
        "ansible_box_count='x'",
    ]


def test_catalogue_not_asked_for_builtin_names() -> None:
    model = parse_ini(b"h ansible_port=22 ansible_become=yes own=1\n", "h.ini")

    def refuse() -> dict[str, str]:
        raise AssertionError("the catalogue was read for built-in names")

    assert _validation.validate_variables(model, refuse) == []


def test_each_distinct_failing_value_reaches_voluptuous_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[object] = []
    real = _validation._violation
    monkeypatch.setattr(_validation, "_violation", lambda *args: calls.append(args) or real(*args))
    text = "".join(f"h{n} ansible_port={2000 + n} ansible_become=maybe\n" for n in range(200))
    assert len(problems(text)) == 200  # every line is still reported
    assert len(calls) == 1  # but 'maybe' went through voluptuous once; the ports never did


def test_schema_built_once_per_variable() -> None:
    problems("h ansible_port=0\nh2 ansible_port=70000\n")
    schema = _validation._SCHEMAS["ansible_port"]
    problems("h ansible_port=0\n")
    assert _validation._SCHEMAS["ansible_port"] is schema
