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

from ansible_collections.iniplus.inventory.plugins.module_utils.ini_checks import (
    ANSIBLE_VARIABLE_TYPES,
)
from ansible_collections.iniplus.inventory.plugins.module_utils.ini_checks import (
    KNOWN_ANSIBLE_VARIABLES as KNOWN,
)
from ansible_collections.iniplus.inventory.plugins.module_utils.ini_model import (
    SEVERITY_WARNING,
    Diagnostic,
    IniGroup,
    IniHost,
    IniInventory,
    IniVariable,
)

voluptuous: t.Any
try:
    import voluptuous
except ImportError:  # validation is optional; parsing never depends on it
    voluptuous = None

__all__ = ["HAS_VOLUPTUOUS", "check_kind", "validate_variables"]

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


def _number(value: t.Any) -> t.Any:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise ValueError(f"{value!r} is not a number")
    if isinstance(value, str):
        try:
            float(value)
        except ValueError:
            raise ValueError(f"{value!r} is not a number") from None
    return value


def _list(value: t.Any) -> t.Any:
    if not isinstance(value, (list, str)):
        raise ValueError(f"{value!r} is not a list or a comma-separated string")
    return value


def _scalar(value: t.Any) -> t.Any:
    if isinstance(value, (list, dict)):
        raise ValueError(f"{value!r} is not a string")
    return value


# Each check: (a cheap test that passes every ordinary value, the rule that explains a failure).
# The cheap test decides almost every value without voluptuous; only a value it rejects goes
# through the variable's schema, which gives the message.
_CHECKS: dict[str, tuple[t.Callable[[t.Any], bool], t.Callable[[t.Any], t.Any]]] = {
    # value.__class__ is int: exactly an int, not a bool (which is an int too).
    "port": (lambda value: value.__class__ is int and 0 < value < 65536, _port),
    "count": (lambda value: value.__class__ is int and value >= 0, _non_negative),
    "int": (lambda value: value.__class__ is int, _integer),
    "text": (lambda value: isinstance(value, str) and value != "", _text),
    "bool": (
        lambda value: isinstance(value, bool) or (isinstance(value, str) and value.lower() in _BOOLEAN_WORDS),
        _boolean,
    ),
    "float": (lambda value: value.__class__ is float or value.__class__ is int, _number),
    "list": (lambda value: isinstance(value, (list, str)), _list),
    "str": (lambda value: isinstance(value, str), _scalar),
}
# Variables held to more than their declared type (a port is an int from 1 to 65535; a host
# name, a user or a connection is never empty).
_STRICTER = {
    "ansible_host": "text",
    "ansible_ssh_host": "text",
    "ansible_port": "port",
    "ansible_ssh_port": "port",
    "ansible_winrm_port": "port",
    "ansible_httpapi_port": "port",
    "ansible_psrp_port": "port",
    "ansible_paramiko_port": "port",
    "ansible_user": "text",
    "ansible_ssh_user": "text",
    "ansible_connection": "text",
    "ansible_become_method": "text",
    "ansible_become_user": "text",
    "ansible_become_exe": "text",
    "ansible_python_interpreter": "text",
    "ansible_shell_type": "text",
    "ansible_shell_executable": "text",
    "ansible_private_key_file": "text",
    "ansible_ssh_private_key_file": "text",
    "ansible_ssh_timeout": "count",
    "ansible_timeout": "count",
    "ansible_ssh_retries": "count",
}


def check_kind(name: str, documented: t.Mapping[str, str] | None = None) -> str | None:
    """The check a variable gets: stricter than declared for a few, else its declared type."""
    kind = _STRICTER.get(name) or ANSIBLE_VARIABLE_TYPES.get(name)
    if kind is None and documented is not None:
        kind = documented.get(name)
    return kind if kind in _CHECKS else None


_SCHEMAS: dict[str, t.Any] = {}


def _schema(name: str, kind: str) -> t.Any:
    """The voluptuous schema of one variable, built the first time a value of it fails."""
    schema = _SCHEMAS.get(name)
    if schema is None:
        schema = _SCHEMAS[name] = voluptuous.Schema(_validator(_CHECKS[kind][1]))
    return schema


def _validator(rule: t.Callable[[t.Any], t.Any]) -> t.Callable[[t.Any], t.Any]:
    """A voluptuous validator that keeps the rule's own explanation."""

    def validate(value: t.Any) -> t.Any:
        try:
            return rule(value)
        except ValueError as error:
            raise voluptuous.Invalid(str(error)) from None

    return validate


_UNSEEN = object()


def validate_variables(
    model: IniInventory, documented: t.Callable[[], t.Mapping[str, str]] | None = None
) -> list[Diagnostic]:
    """Warnings for well-known variables whose values Ansible cannot use.

    ``documented`` gives the variables installed plugins document ({name: type}); it is called
    only if the file uses an ``ansible_*`` name the built-in table does not know.
    """
    if not HAS_VOLUPTUOUS:
        return []
    kinds: dict[str, t.Any] = {}
    unknown: list[str] = []
    problems: list[Diagnostic] = []
    _check_all(model, kinds, unknown, documented is not None, problems)
    if unknown and documented is not None:
        catalogue = documented()
        kinds = {name: check_kind(name, catalogue) for name in unknown}
        if any(kinds.values()):
            _check_all(model, kinds, [], False, problems, only_known=True)
    problems.sort(key=lambda diagnostic: diagnostic.line)
    return problems


def _check_all(
    model: IniInventory,
    kinds: dict[str, t.Any],
    unknown: list[str],
    defer_unknown: bool,
    problems: list[Diagnostic],
    *,
    only_known: bool = False,
) -> None:
    """One pass over every assignment: the cheap test for each, the schema for the few it rejects."""
    explained: dict[tuple[str, str], str | None] = {}
    # name -> the cheap test of its check, or None: one dict lookup per assignment.
    tests: dict[str, t.Any] = {name: _CHECKS[kind][0] if kind else None for name, kind in kinds.items()}
    owners: tuple[IniGroup | IniHost, ...] = (*model.groups.values(), *model.hosts.values())
    for owner in owners:
        for record in owner.assignments:
            for name, value in record.pairs:
                test = tests.get(name, _UNSEEN)
                if test is None:
                    continue
                if test is _UNSEEN:
                    if only_known:
                        continue
                    kind = kinds[name] = check_kind(name)
                    test = tests[name] = _CHECKS[kind][0] if kind else None
                    if kind is None:
                        if defer_unknown and name.startswith("ansible_") and name not in KNOWN:
                            unknown.append(name)
                        continue
                if test(value) or _is_template(value):
                    continue
                # Each distinct (name, value) goes through voluptuous once.
                key = (name, repr(value))
                if key not in explained:
                    explained[key] = _violation(name, kinds[name], value)
                problem = explained[key]
                if problem:
                    column = record.columns[[pair[0] for pair in record.pairs].index(name)]
                    variable = IniVariable(name, value, record.line, column)
                    problems.append(_diagnostic(model.source, variable, problem))


def _violation(name: str, kind: str, value: t.Any) -> str | None:
    try:
        _schema(name, kind)(value)
    except voluptuous.MultipleInvalid as error:
        return f"{name}={value!r} is not valid: {error.errors[0].error_message}"
    except voluptuous.Invalid as error:
        return f"{name}={value!r} is not valid: {error.error_message}"
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
