# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Warnings judged as a maintainer of real inventories would: none of the false alarms of issue #11."""

from __future__ import annotations

import pytest

from ansible_collections.iniplus.inventory.plugins.module_utils.ini_checks import (
    drop_disproved_warnings,
    needs_documented_variables,
    unknown_variable_name,
)
from ansible_collections.iniplus.inventory.plugins.module_utils.ini_parser import IniParseError, parse_ini


def warnings(text: str) -> list[tuple[str, int, str]]:
    return [(d.code, d.line, d.message) for d in parse_ini(text.encode(), "h.ini").warnings]


def codes(text: str) -> list[str]:
    return [code for code, _line, _message in warnings(text)]


def error_hint(text: str) -> str:
    with pytest.raises(IniParseError) as caught:
        parse_ini(text.encode(), "h.ini")
    return caught.value.first.hint


@pytest.mark.parametrize(
    "name", ["ansible_sudo_pass", "ansible_sudo_user", "ansible_su_pass", "ansible_docker_extra_args"]
)
def test_documented_names_are_known(name: str) -> None:
    assert codes(f"h {name}=x\n") == []


@pytest.mark.parametrize(
    "line", ["h ansible_become=no", "h ansible_ssh_pipelining=false", "h ansible_host_key_checking=False"]
)
def test_boolean_words_for_boolean_options_are_fine(line: str) -> None:
    assert codes(line + "\n") == []
    assert codes("[g]\nh\n[g:vars]\n" + line[2:] + "\n") == []


def test_boolean_word_for_an_own_variable_still_warns_in_plain_words() -> None:
    [(code, _line, message)] = warnings("h ntp_enabled=no\n")
    assert code == "boolean-string"
    assert message.startswith("no is the string 'no', not a boolean")
    assert "even when it says no" not in message


@pytest.mark.parametrize(
    "name", ["ansible_ip", "ansible_os", "ansible_hostname", "ansible_role", "ansible_ssh", "ansible_winrm"]
)
def test_no_weak_did_you_mean(name: str) -> None:
    assert unknown_variable_name(name) is None


@pytest.mark.parametrize(
    ("name", "meant"),
    [
        ("ansible_prot", "ansible_port"),
        ("ansible_usr", "ansible_user"),
        ("ansible_become_pasword", "ansible_become_password"),
        ("ansible_ssh_private_key_fle", "ansible_ssh_private_key_file"),
        ("ansible_pass", "ansible_password"),
        ("ansible_connect", "ansible_connection"),
    ],
)
def test_typos_are_caught(name: str, meant: str) -> None:
    trap = unknown_variable_name(name)
    assert trap is not None and f"did you mean {meant!r}" in trap[1]


def test_host_named_like_group_only_where_variables_move_and_once() -> None:
    text = "[mongo1]\nmongo1\n[a]\nmongo1\n[b]\nmongo1 x=1\n[c]\nmongo1 y=2\n"
    assert [(code, line) for code, line, _m in warnings(text)] == [("host-named-like-group", 6)]


def test_host_named_like_group_without_variables_is_silent() -> None:
    assert codes("[mongo1]\nmongo1\n[db]\nmongo1\n") == []


def test_key_value_under_children_points_at_vars() -> None:
    hint = error_hint('[g]\nh\n[g:children]\nkey="value"\n')
    assert hint == "a name=value line belongs under [g:vars], not :children"


def test_blanks_around_equals_are_named() -> None:
    assert error_hint("[web]\nweb01 = 192.168.1.204\n") == "write name=value with no blanks around '='"
    assert error_hint("[web]\nweb01 two words\n") == "quote values that contain blanks: key='two words'"


def test_documented_variables_disprove_warnings() -> None:
    model = parse_ini(b"h ansible_httpapi_use_sssl=yes ansible_netconf_ssh=no other=no\n", "h.ini")
    assert sorted(d.code for d in model.warnings) == ["boolean-string"] * 3 + ["unknown-ansible-variable"]
    assert needs_documented_variables(model.warnings)
    kept = drop_disproved_warnings(
        model.warnings, {"ansible_httpapi_use_sssl": "str", "ansible_netconf_ssh": "bool"}
    )
    # The unknown name is documented; ansible_netconf_ssh is a boolean. 'other' stays; so
    # does the boolean-string of a documented string.
    assert sorted(d.code for d in kept) == ["boolean-string", "boolean-string"]


def test_builtin_names_never_need_the_catalogue() -> None:
    model = parse_ini(b"h ansible_become=yes own=yes\n", "h.ini")
    assert not needs_documented_variables(model.warnings)
