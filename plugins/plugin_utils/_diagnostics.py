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
from ansible_collections.iniplus.inventory.plugins.module_utils.ini_model import Diagnostic

__all__ = ["DIAGNOSTICS_MODES", "apply_diagnostics_policy"]

DIAGNOSTICS_MODES = ("warn", "error", "ignore")


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
