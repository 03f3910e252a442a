# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Validate well-known connection and behaviour variables with a voluptuous schema.

Each violation becomes a warning with the file and line of the assignment. A templated value
(``{{ ... }}``) is only known at run time, so it always passes. voluptuous is a declared
requirement (requirements.txt, meta/execution-environment.yml); without it nothing is
validated and the plugin says so once.
"""

from __future__ import annotations

import typing as t

from ansible_collections.iniplus.inventory.plugins.module_utils.ini_model import (
    SEVERITY_WARNING,
    Diagnostic,
    IniInventory,
    IniVariable,
)

try:
    import voluptuous
except ImportError:  # validation is optional; parsing never depends on it
    voluptuous = None

__all__ = ["HAS_VOLUPTUOUS", "validate_variables"]

HAS_VOLUPTUOUS = voluptuous is not None
_BOOLEAN_WORDS = frozenset({"yes", "no", "true", "false", "on", "off", "1", "0", "y", "n", "t", "f"})


def _port(value: t.Any) -> int:
    number = _integer(value)
    if not 1 <= number <= 65535:
        raise ValueError(f"{number} is not a port: it must be between 1 and 65535")
    return number


def _integer(value: t.Any) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise ValueError(f"{value!r} is not a whole number")
    if isinstance(value, str) and not value.strip().isdigit():
        raise ValueError(f"{value!r} is not a whole number")
    return int(value)


def _non_negative(value: t.Any) -> int:
    number = _integer(value)
    if number < 0:
        raise ValueError(f"{number} must not be negative")
    return number


def _boolean(value: t.Any) -> t.Any:
    if isinstance(value, bool) or (isinstance(value, str) and value.lower() in _BOOLEAN_WORDS):
        return value
    if isinstance(value, int) and value in (0, 1):
        return value
    raise ValueError(f"{value!r} is not a boolean: use True or False")


def _text(value: t.Any) -> str:
    if not isinstance(value, str) or not value:
        raise ValueError(f"{value!r} is not a non-empty string")
    return value


_RULES: dict[str, t.Callable[[t.Any], t.Any]] = {
    "ansible_host": _text,
    "ansible_ssh_host": _text,
    "ansible_port": _port,
    "ansible_ssh_port": _port,
    "ansible_winrm_port": _port,
    "ansible_httpapi_port": _port,
    "ansible_user": _text,
    "ansible_ssh_user": _text,
    "ansible_connection": _text,
    "ansible_become": _boolean,
    "ansible_become_method": _text,
    "ansible_become_user": _text,
    "ansible_become_exe": _text,
    "ansible_python_interpreter": _text,
    "ansible_shell_type": _text,
    "ansible_shell_executable": _text,
    "ansible_private_key_file": _text,
    "ansible_ssh_private_key_file": _text,
    "ansible_ssh_pipelining": _boolean,
    "ansible_pipelining": _boolean,
    "ansible_ssh_timeout": _non_negative,
    "ansible_timeout": _non_negative,
    "ansible_ssh_retries": _non_negative,
    "ansible_host_key_checking": _boolean,
    "ansible_ssh_host_key_checking": _boolean,
    "ansible_group_priority": _integer,
}


def _validator(rule: t.Callable[[t.Any], t.Any]) -> t.Callable[[t.Any], t.Any]:
    """A voluptuous validator that keeps the rule's own explanation."""

    def validate(value: t.Any) -> t.Any:
        try:
            return rule(value)
        except ValueError as error:
            raise voluptuous.Invalid(str(error)) from None

    return validate


def _schema() -> t.Any:
    return voluptuous.Schema(
        {name: _validator(rule) for name, rule in _RULES.items()}, extra=voluptuous.ALLOW_EXTRA
    )


_SCHEMA = _schema() if HAS_VOLUPTUOUS else None


def validate_variables(model: IniInventory) -> list[Diagnostic]:
    """Warnings for well-known variables whose values Ansible cannot use."""
    if _SCHEMA is None:
        return []
    problems: list[Diagnostic] = []
    for owner in (*model.groups.values(), *model.hosts.values()):
        for record in owner.assignments:
            for (name, value), column in zip(record.pairs, record.columns, strict=True):
                if name in _RULES and not _is_template(value):
                    variable = IniVariable(name, value, record.line, column)
                    problem = _violation(variable)
                    if problem:
                        problems.append(_diagnostic(model.source, variable, problem))
    problems.sort(key=lambda diagnostic: diagnostic.line)
    return problems


def _violation(variable: IniVariable) -> str | None:
    if _SCHEMA is None:  # callers check HAS_VOLUPTUOUS first
        raise AssertionError("no voluptuous schema")
    try:
        _SCHEMA({variable.name: variable.value})
    except voluptuous.MultipleInvalid as error:
        return f"{variable.name}={variable.value!r} is not valid: {error.errors[0].error_message}"
    return None


def _is_template(value: t.Any) -> bool:
    return isinstance(value, str) and ("{{" in value or "{%" in value)


def _diagnostic(source: str, variable: IniVariable, problem: str) -> Diagnostic:
    return Diagnostic(
        SEVERITY_WARNING,
        "invalid-value",
        problem,
        source,
        variable.line,
        variable.column,
        "",
        f"give {variable.name} a value Ansible accepts",
        len(variable.name),
    )
