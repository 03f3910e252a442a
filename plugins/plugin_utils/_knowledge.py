# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The plugin's knowledge of ``ansible_*`` variables, for :func:`ini_lint.source_diagnostics`.

Needs ansible-core: importing this module without it raises ImportError, and the stdlib side
(``module_utils/ini_lint.py``) then falls back to the parser's built-in set. The plugin and the
script's ``check`` (when ansible-core is importable) both get their knowledge here, so they
report the same diagnostics for the same file.
"""

from __future__ import annotations

from ansible.release import __version__ as ansible_core_version

from ansible_collections.iniplus.inventory.plugins.module_utils.ini_checks import (
    drop_disproved_warnings,
    needs_documented_variables,
)
from ansible_collections.iniplus.inventory.plugins.module_utils.ini_lint import Knowledge
from ansible_collections.iniplus.inventory.plugins.module_utils.ini_model import Diagnostic, IniInventory
from ansible_collections.iniplus.inventory.plugins.plugin_utils._validation import (
    HAS_VOLUPTUOUS,
    validate_variables,
)
from ansible_collections.iniplus.inventory.plugins.plugin_utils._variable_catalogue import (
    documented_variables,
)

__all__ = ["LEGACY_IPV6", "plugin_knowledge"]

# ansible-core before 2.19 took an address that merely starts with an IPv6 address as one.
LEGACY_IPV6 = tuple(int(part) for part in ansible_core_version.split(".")[:2]) < (2, 19)

_cached: list[Knowledge] = []


def plugin_knowledge() -> Knowledge:
    """Value validation (with voluptuous) and the variable catalogue of the installed plugins."""
    if _cached:
        return _cached[0]
    parts = [
        f"ansible-core {ansible_core_version}",
        "value validation on" if HAS_VOLUPTUOUS else "value validation off (voluptuous is not installed)",
        "variable catalogue from plugin documentation",
    ]
    checks = (_validate,) if HAS_VOLUPTUOUS else ()
    knowledge = Knowledge("plugin knowledge: " + ", ".join(parts), checks, _prune_with_catalogue, LEGACY_IPV6)
    _cached.append(knowledge)
    return knowledge


def _validate(model: IniInventory) -> list[Diagnostic]:
    # The catalogue is read only if the file uses an ansible_* name the built-in table lacks.
    return validate_variables(model, documented_variables)


def _prune_with_catalogue(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """Drop the warnings that plugin documentation proves wrong.

    Reading the documentation of every installed plugin takes most of a second, so it is done
    only when a warning is about an ``ansible_*`` name the built-in table does not know.
    """
    if not needs_documented_variables(diagnostics):
        return diagnostics
    return drop_disproved_warnings(diagnostics, documented_variables())
