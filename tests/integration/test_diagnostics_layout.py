# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The real ansible-inventory on each core: every error and warning shown once, laid out intact."""

from __future__ import annotations

from pathlib import Path

import pytest
from ansible_cli import run_tool

pytestmark = pytest.mark.integration

try:
    from ansible.errors import AnsibleError

    MODERN = "help_text" in AnsibleError.__init__.__code__.co_varnames
except ImportError:  # pragma: no cover
    MODERN = True


def ansible_inventory(path: Path, *args: str, **env: str):
    settings = {
        "ANSIBLE_INVENTORY_ENABLED": "iniplus.inventory.ini",
        "ANSIBLE_INVENTORY_UNPARSED_FAILED": "true",
        **env,
    }
    return run_tool("ansible-inventory", "-i", str(path), *args, env=settings)


def error_list(source: Path) -> str:
    return f"""\
{source}:3:6: error[unclosed-quote]: cannot split host line: No closing quotation
    h2 x='open
         ^^^^^
  hint: close the quote, or escape a literal quote or backslash with '\\'
{source}:4:4: error[expected-key-value]: expected key=value after the host name, got 'two'
    h3 two words
       ^^^
  hint: quote values that contain blanks: key='two words'
{source}:6:1: error[bad-host-range]: host range [1:3:0] has a step of zero
    d[1:3:0]
    ^^^^^^^^
  hint: use a step of 1 or more
"""


def test_error_list_is_shown_once_and_unwrapped(tmp_path: Path) -> None:
    source = tmp_path / "hosts.ini"
    source.write_text("[web]\nh1\nh2 x='open\nh3 two words\n[db]\nd[1:3:0]\n")
    result = ansible_inventory(source, "--list")
    assert result.returncode != 0
    listed = error_list(source)
    assert result.stderr.count(listed) == 1, result.stderr
    # Each error's quoted line and caret once (on 2.16-2.18 the short summary Ansible wraps also
    # names the first error, in words, so the code itself may appear twice).
    assert result.stderr.count("    h2 x='open\n         ^^^^^\n") == 1
    if MODERN:
        # Ansible's own frame, the list once as its help text.
        assert f"3 errors in {source}\nOrigin: " in result.stderr
        assert f"'>\n\n{listed}" in result.stderr
    else:
        # Printed apart, unwrapped, before Ansible's own (wrapped) one-line summary.
        assert f"[WARNING]: 3 errors in {source}:\n{listed}\n" in result.stderr
        assert "(listed above; the first:" in " ".join(result.stderr.split())


def test_warnings_are_never_wrapped(tmp_path: Path) -> None:
    source = tmp_path / "hosts.ini"
    source.write_text("[web]\nh1 ansible_prot=22\nh2 ansible_port=70000\n")
    result = ansible_inventory(source, "--graph")
    assert result.returncode == 0, result.stderr
    expected = f"""\
[WARNING]: {source}:2:4: warning[unknown-ansible-variable]: unknown variable 'ansible_prot'; did you mean 'ansible_port'?
    h1 ansible_prot=22
       ^^^^^^^^^^^^
  hint: rename it to ansible_port

[WARNING]: {source}:3:4: warning[invalid-value]: ansible_port=70000 is not valid: 70000 is not a port: it must be between 1 and 65535
    h2 ansible_port=70000
       ^^^^^^^^^^^^
  hint: give ansible_port a value Ansible accepts

"""  # noqa: E501
    assert expected in result.stderr, result.stderr
    assert result.stderr.count("warning[") == 2


def test_error_mode_lists_each_problem_once(tmp_path: Path) -> None:
    source = tmp_path / "hosts.ini"
    source.write_text("[web]\nh1 ansible_prot=22\n")
    result = ansible_inventory(source, "--list", ANSIBLE_INIPLUS_DIAGNOSTICS="error")
    assert result.returncode != 0
    assert result.stderr.count("warning[unknown-ansible-variable]") == 1, result.stderr
    assert "    h1 ansible_prot=22\n       ^^^^^^^^^^^^\n" in result.stderr


def test_validation_off_is_said_at_verbose_only(tmp_path: Path) -> None:
    pytest.importorskip("voluptuous")
    source = tmp_path / "hosts.ini"
    source.write_text("[web]\nh1\n")
    result = ansible_inventory(source, "--graph")
    assert "voluptuous" not in result.stderr
