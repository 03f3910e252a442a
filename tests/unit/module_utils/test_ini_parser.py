# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The parser on its own: the model it returns, positions, errors and warnings (no Ansible needed)."""

# Exact types are what these tests check (UntrustedText is a str, bool an int).
# pylint: disable=unidiomatic-typecheck

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from ansible_collections.iniplus.inventory.plugins.module_utils.ini_diagnostics import summarize
from ansible_collections.iniplus.inventory.plugins.module_utils.ini_model import UntrustedText
from ansible_collections.iniplus.inventory.plugins.module_utils.ini_parser import (
    IniParseError,
    parse_ini,
)

REPO_ROOT = Path(__file__).resolve().parents[3]


def codes(text: str) -> list[str]:
    return [diagnostic.code for diagnostic in parse_ini(text, "t.ini").diagnostics]


def test_model_keeps_order_positions_and_types() -> None:
    model = parse_ini(
        "loose\n[web]\n  web[01:02] port=80 tags=(1,2) raw=\"b'x'\"\n[web:vars]\nx = 1.5 # c\n", "t.ini"
    )
    assert list(model.groups) == ["ungrouped", "web"]
    assert model.groups["web"].hosts == ["web01", "web02"]
    web01 = model.hosts["web01"]
    assert (web01.line, web01.column) == (3, 3)
    assert [(v.name, v.value, v.line, v.column) for v in web01.vars] == [
        ("port", 80, 3, 14),
        ("tags", [1, 2], 3, 22),
        ("raw", "x", 3, 33),
    ]
    assert type(web01.vars[2].value) is UntrustedText
    assert model.groups["web"].variables() == {"x": 1.5}


def test_a_name_twice_on_a_host_line_keeps_its_first_place_and_last_value() -> None:
    # As the builtin's dict of the line's variables does.
    model = parse_ini("h a=1 b=2 a=3 c=4\nh a=5 d=6\n", "t.ini")
    first, second = model.hosts["h"].assignments
    assert second.line == 2
    assert (first.line, list(first.pairs), list(first.columns)) == (
        1,
        [("a", 3), ("b", 2), ("c", 4)],
        [11, 7, 15],
    )
    assert [(v.name, v.value, v.line, v.column) for v in model.hosts["h"].vars] == [
        ("a", 3, 1, 11),
        ("b", 2, 1, 7),
        ("c", 4, 1, 15),
        ("a", 5, 2, 3),
        ("d", 6, 2, 7),
    ]
    assert model.hosts["h"].variables() == {"a": 5, "b": 2, "c": 4, "d": 6}


def test_a_word_seen_before_gives_the_same_value_and_its_own_column() -> None:
    model = parse_ini("[g]\nh1 port=22 tags=[1]\n  h2 port=22 tags=[1]\n", "t.ini")
    h1, h2 = model.hosts["h1"].vars, model.hosts["h2"].vars
    assert [(v.value, v.column) for v in h1] == [(22, 4), ([1], 12)]
    assert [(v.value, v.column) for v in h2] == [(22, 6), ([1], 14)]
    # A list stays a fresh object per line, as the builtin makes it.
    assert h1[1].value is not h2[1].value


def test_ports_ipv6_and_first_port_wins() -> None:
    model = parse_ini("[a]\n[2001:db8::1]:2222\nh:22\n[b]\nh:23\n", "t.ini")
    assert model.hosts["2001:db8::1"].port == 2222
    assert model.hosts["h"].port == 22
    assert "conflicting-port" in [d.code for d in model.diagnostics]


def test_children_declared_later_are_resolved() -> None:
    model = parse_ini("[top:children]\nmid\n[mid:children]\nleaf\n[leaf]\nh\n[mid]\n", "t.ini")
    assert model.groups["top"].children == ["mid"]
    assert model.groups["mid"].children == ["leaf"]


def test_all_errors_of_a_file_are_reported_with_positions() -> None:
    text = "[web]\nh1\nh2 x='open\nh3 [1:2\n[db]\nd[1:3:0]\n"
    with pytest.raises(IniParseError) as caught:
        parse_ini(text, "bad.ini")
    lines = [(d.line, d.column) for d in caught.value.diagnostics]
    assert lines == [(3, 6), (4, 4), (6, 1)]
    rendered = str(caught.value)
    assert "bad.ini:3:6" in rendered and "bad.ini:6:1" in rendered
    assert "step of zero" in rendered and "range()" not in rendered


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("\ufeff[web]\nh\n", "byte-order-mark"),
        ("[web]\nh[10:1]\n", "empty-range"),
        ("h a=05.30\n", "surprising-number"),
        ("h a=1.10\n", "surprising-number"),
        ("h a=0x1F\n", "surprising-number"),
        ("h a=1_000\n", "surprising-number"),
        ("h a=123e1\n", "surprising-number"),
        ("h a=1,2\n", "bare-comma-list"),
        ("h a=yes\n", "boolean-string"),
        ("h pw=ab#cd\n", "comment-cuts-value"),
        ("h ansible_prot=22\n", "unknown-ansible-variable"),
        ("h bad-name=1\n", "invalid-variable-name"),
        ("[web]\nweb x=1\n", "host-named-like-group"),
        ("h a=1\nh a=2\n", "conflicting-variable"),
    ],
)
def test_traps_are_warned_about(text: str, code: str) -> None:
    assert code in codes(text)


@pytest.mark.parametrize(
    "text", ["h a=1 b=1.5 c=\"'05.30'\" d=True e=[1,2]\n", "[g]\n[g:vars]\nx='yes'\n", "h a='#'\n"]
)
def test_ordinary_values_raise_no_warning(text: str) -> None:
    assert codes(text) == []


def test_did_you_mean_names_the_right_variable() -> None:
    (diagnostic,) = parse_ini("h ansible_prot=22\n", "t.ini").diagnostics
    assert "'ansible_port'" in diagnostic.message
    assert (diagnostic.line, diagnostic.column) == (1, 3)


def test_identical_warnings_are_folded() -> None:
    text = "[web]\n" + "".join(f"h{n} enabled=yes\n" for n in range(20000))
    lines = "\n".join(summarize(parse_ini(text, "big.ini").diagnostics)).splitlines()
    assert len(lines) < 60
    assert "19,997 more like it" in lines[-1]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[web] ; old comment\nh\n", "';' comment after the section header [web]"),
        ("[top:children]\nh1\n[h]\nh1\n", "is a host: list it under [top]"),
        ("---\nall:\n  hosts:\n", "looks like a YAML document start"),
        ('{"all": {"hosts": {}}}\n', "looks like YAML or JSON"),
        ("[web]\nh[1:5:0]\n", "step of zero"),
        ("[web]\nh[01:5]\n", "same width"),
        ("[web]\nh[1:5\n", "expected one '[begin:end]'"),
    ],
)
def test_errors_the_builtin_words_badly_are_explained(text: str, message: str) -> None:
    with pytest.raises(IniParseError) as caught:
        parse_ini(text, "t.ini")
    assert message in str(caught.value)


def test_parser_imports_nothing_from_ansible() -> None:
    """Run the parser in a fresh interpreter where importing ansible fails."""
    program = f"""
import sys, types
sys.modules["ansible"] = None  # any 'import ansible...' now raises ImportError
for name, path in (("ansible_collections", None), ("ansible_collections.iniplus", None),
                   ("ansible_collections.iniplus.inventory", {str(REPO_ROOT)!r})):
    module = types.ModuleType(name)
    module.__path__ = [path] if path else []
    sys.modules[name] = module
from ansible_collections.iniplus.inventory.plugins.module_utils.ini_parser import parse_ini
model = parse_ini("[web]\\nweb[1:2] a=1\\n", "x.ini")
print(sorted(model.hosts))
"""
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['web1', 'web2']"
