# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Traps: inputs the builtin accepts silently but that probably do not mean what the author meant.

Each check returns ``(code, message, hint)`` or ``None``. They never change a value; the
parser only records a warning. The value checks look at the written text and the typed value
together, and cost one dict lookup or one regex for ordinary values.
"""

from __future__ import annotations

import difflib
import typing as t

from .ini_model import quoted, shortened

__all__ = [
    "BOOLEAN_LOOKALIKES",
    "KNOWN_ANSIBLE_VARIABLES",
    "Trap",
    "unknown_variable_name",
    "value_trap",
]

Trap = tuple[str, str, str]

# Words YAML would read as booleans; literal_eval keeps them as strings.
BOOLEAN_LOOKALIKES = frozenset(
    {"true", "false", "yes", "no", "on", "off", "TRUE", "FALSE", "Yes", "No", "YES", "NO"}
)
# Connection and behaviour variables Ansible knows; used for did-you-mean on ansible_* names.
KNOWN_ANSIBLE_VARIABLES = frozenset(
    {
        "ansible_host",
        "ansible_port",
        "ansible_user",
        "ansible_password",
        "ansible_connection",
        "ansible_become",
        "ansible_become_method",
        "ansible_become_user",
        "ansible_become_password",
        "ansible_become_pass",
        "ansible_become_exe",
        "ansible_become_flags",
        "ansible_python_interpreter",
        "ansible_shell_type",
        "ansible_shell_executable",
        "ansible_ssh_host",
        "ansible_ssh_port",
        "ansible_ssh_user",
        "ansible_ssh_pass",
        "ansible_ssh_private_key_file",
        "ansible_private_key_file",
        "ansible_ssh_common_args",
        "ansible_sftp_extra_args",
        "ansible_scp_extra_args",
        "ansible_ssh_extra_args",
        "ansible_ssh_pipelining",
        "ansible_pipelining",
        "ansible_ssh_executable",
        "ansible_ssh_transfer_method",
        "ansible_ssh_retries",
        "ansible_ssh_timeout",
        "ansible_timeout",
        "ansible_group_priority",
        "ansible_network_os",
        "ansible_winrm_transport",
        "ansible_winrm_server_cert_validation",
        "ansible_winrm_scheme",
        "ansible_winrm_port",
        "ansible_winrm_path",
        "ansible_winrm_kerberos_delegation",
        "ansible_psrp_auth",
        "ansible_psrp_cert_validation",
        "ansible_httpapi_use_ssl",
        "ansible_httpapi_validate_certs",
        "ansible_httpapi_port",
        "ansible_docker_extra_args",
        "ansible_paramiko_host_key_checking",
        "ansible_host_key_checking",
        "ansible_ssh_host_key_checking",
        "ansible_remote_tmp",
        "ansible_facts",
        "ansible_check_mode",
        "ansible_diff_mode",
        "ansible_verbosity",
        "ansible_async_dir",
        "ansible_module_compression",
        "ansible_os_family",
        "ansible_distribution",
        "ansible_become_ask_pass",
        "ansible_ssh_use_tty",
        "ansible_ssh_password_mechanism",
        "ansible_ssh_control_path",
        "ansible_control_path_dir",
        "ansible_connection_timeout",
        "ansible_command_timeout",
        "ansible_persistent_command_timeout",
        "ansible_persistent_connect_timeout",
        "ansible_network_cli_ssh_type",
        "ansible_terminal_type",
        "ansible_libssh_host_key_checking",
        "ansible_winrm_user",
        "ansible_winrm_password",
        "ansible_interpreter_python_fallback",
        "ansible_local_tmp",
        "ansible_keep_remote_files",
        "ansible_playbook_python",
        "ansible_ssh_args",
        "ansible_ssh_sftp_batch_mode",
    }
)
# Variable names that Ansible itself sets: writing them in inventory is a mistake, not a typo.
_RESERVED_NAMES = frozenset(
    {"inventory_hostname", "inventory_hostname_short", "group_names", "groups", "hostvars", "playbook_dir"}
)


def value_trap(text: str, value: t.Any) -> Trap | None:
    """A warning for a value whose type under literal_eval is probably not what was meant."""
    kind = type(value)
    if kind is str:
        if text in BOOLEAN_LOOKALIKES:
            return (
                "boolean-string",
                f"{text!r} stays the string {text!r}, which is true in a condition even when it says no",
                "write True or False for a boolean, or quote it ('yes') to make the string explicit",
            )
        return None
    if kind is float or kind is int:
        # Leading or trailing zeros (versions: 1.10 becomes 1.1), exponents, hex, octal,
        # underscores and signs are all spelt differently from the number they make.
        if str(value) != text:
            return (
                "surprising-number",
                f"{quoted(text)} becomes the {kind.__name__} {shortened(repr(value))}",
                f"quote it ('{shortened(text)}') to keep it exactly as written",
            )
        return None
    if kind is list and "," in text and text[:1] not in "[({":
        return (
            "bare-comma-list",
            f"{quoted(text)} becomes the list {shortened(repr(value))} because of the bare comma",
            f"quote it ('{shortened(text)}') to keep a string, "
            f"or write [{shortened(text)}] to make the list explicit",
        )
    return None


def unknown_variable_name(name: str) -> Trap | None:
    """A warning for a misspelt or reserved ``ansible_*`` name, or one Ansible deprecates."""
    if name in _RESERVED_NAMES:
        return (
            "reserved-variable",
            f"{name!r} is set by Ansible itself; the inventory value is ignored or confusing",
            "use another name",
        )
    if not (name.isidentifier() and name.isascii()):
        return (
            "invalid-variable-name",
            f"variable name {quoted(name)} is not a valid identifier; "
            "ansible-core 2.19+ deprecates such names (removed in 2.23)",
            "use letters, digits and underscores, starting with a letter or underscore",
        )
    if not name.startswith("ansible_") or name in KNOWN_ANSIBLE_VARIABLES:
        return None
    matches = difflib.get_close_matches(name, KNOWN_ANSIBLE_VARIABLES, n=1, cutoff=0.8)
    if not matches:
        return None
    return (
        "unknown-ansible-variable",
        f"unknown variable {name!r}; did you mean {matches[0]!r}?",
        f"rename it to {matches[0]}",
    )
