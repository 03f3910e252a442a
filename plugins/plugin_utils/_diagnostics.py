# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Apply the ``diagnostics`` option to the warnings found in one source.

``warn`` shows them (identical ones aggregated), ``error`` makes any of them fatal and lists
them all in one ``AnsibleParserError``, ``ignore`` drops them. Under ``warn`` and ``ignore``
the inventory built is the same as without any diagnostics.
"""

from __future__ import annotations

import typing as t

from ansible.errors import AnsibleParserError

from ansible_collections.iniplus.inventory.plugins.module_utils.ini_diagnostics import summarize
from ansible_collections.iniplus.inventory.plugins.module_utils.ini_lint import source_diagnostics
from ansible_collections.iniplus.inventory.plugins.module_utils.ini_model import Diagnostic, IniInventory
from ansible_collections.iniplus.inventory.plugins.plugin_utils._knowledge import plugin_knowledge
from ansible_collections.iniplus.inventory.plugins.plugin_utils._validation import HAS_VOLUPTUOUS

__all__ = ["DIAGNOSTICS_MODES", "apply_diagnostics_policy", "diagnose"]

DIAGNOSTICS_MODES = ("warn", "error", "ignore")
_said_validation_is_off: list[bool] = []


def diagnose(model: IniInventory, warn: t.Callable[[str], None]) -> list[Diagnostic]:
    """The parser's warnings plus what the plugin knows of ansible_* variables, in line order.

    ``ini_lint.source_diagnostics`` decides them, for the script's ``check`` too.
    """
    if not HAS_VOLUPTUOUS and not _said_validation_is_off:
        _said_validation_is_off.append(True)
        warn("iniplus.inventory.ini: voluptuous is not installed, so variable validation is off")
    return source_diagnostics(model, plugin_knowledge())


def apply_diagnostics_policy(
    diagnostics: t.Sequence[Diagnostic], mode: str, warn: t.Callable[[str], None]
) -> None:
    """Show, raise or drop ``diagnostics`` according to ``mode``."""
    if not diagnostics or mode == "ignore":
        return
    lines = summarize(diagnostics)
    if mode == "error":
        count = len(diagnostics)
        noun = "problem" if count == 1 else "problems"
        header = f"{count} {noun} in {diagnostics[0].source} (diagnostics = error):"
        raise AnsibleParserError("\n".join([header, *lines]))
    for line in lines:
        warn(line)
