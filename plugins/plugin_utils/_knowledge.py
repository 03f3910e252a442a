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

import typing as t

from ansible.release import __version__ as ansible_core_version

from ansible_collections.iniplus.inventory.plugins.module_utils.ini_lint import Check, Knowledge, Prune
from ansible_collections.iniplus.inventory.plugins.plugin_utils._validation import (
    HAS_VOLUPTUOUS,
    validate_variables,
)

__all__ = ["plugin_knowledge"]

_cached: list[Knowledge] = []


def plugin_knowledge() -> Knowledge:
    """Value validation (with voluptuous) and the variable catalogue (when there is one)."""
    if _cached:
        return _cached[0]
    checks: tuple[Check, ...] = (validate_variables,) if HAS_VOLUPTUOUS else ()
    parts = [f"ansible-core {ansible_core_version}"]
    parts.append(
        "value validation on" if HAS_VOLUPTUOUS else "value validation off (voluptuous is not installed)"
    )
    prune = catalogue_prune()
    parts.append("variable catalogue from plugin documentation" if prune else "no variable catalogue")
    knowledge = Knowledge("plugin knowledge: " + ", ".join(parts), checks, prune)
    _cached.append(knowledge)
    return knowledge


def catalogue_prune() -> Prune | None:
    """The one place for the variable catalogue: drops warnings that plugin documentation proves wrong.

    ``_variable_catalogue.documented_variables()`` reads the names and types of ``ansible_*``
    variables from the documentation of the installed plugins; a stdlib function beside the
    parser prunes the warnings it contradicts. Until both exist, there is no catalogue.
    """
    try:
        from ansible_collections.iniplus.inventory.plugins.module_utils.ini_catalogue import (  # type: ignore[import-not-found]
            prune_with_catalogue,
        )
        from ansible_collections.iniplus.inventory.plugins.plugin_utils._variable_catalogue import (  # type: ignore[import-not-found]
            documented_variables,
        )
    except ImportError:
        return None
    catalogue: dict[str, str] = documented_variables()

    def prune(diagnostics: list[t.Any]) -> list[t.Any]:
        return list(prune_with_catalogue(diagnostics, catalogue))

    return prune
