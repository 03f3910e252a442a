# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Apply the ``diagnostics`` option to the warnings found in one source, and show them.

``warn`` shows them (identical ones aggregated), ``error`` makes any of them fatal and lists
them all in one ``AnsibleParserError``, ``ignore`` drops them. Under ``warn`` and ``ignore``
the inventory built is the same as without any diagnostics.

Every list of problems is shown unfolded and once, the same way on every ansible-core:
ansible-core < 2.19 wraps a warning at 79 columns (folding the quoted line and the caret into
prose), and 2.19+ repeats an exception's whole message above its "caused by" section.
"""

from __future__ import annotations

import inspect
import typing as t

from ansible import constants as C
from ansible.errors import AnsibleParserError

from ansible_collections.iniplus.inventory.plugins.module_utils.ini_diagnostics import (
    IniParseError,
    summarize,
)
from ansible_collections.iniplus.inventory.plugins.module_utils.ini_lint import source_diagnostics
from ansible_collections.iniplus.inventory.plugins.module_utils.ini_model import Diagnostic, IniInventory
from ansible_collections.iniplus.inventory.plugins.plugin_utils._knowledge import plugin_knowledge
from ansible_collections.iniplus.inventory.plugins.plugin_utils._validation import HAS_VOLUPTUOUS

__all__ = [
    "DIAGNOSTICS_MODES",
    "SourceRejected",
    "apply_diagnostics_policy",
    "diagnose",
    "parse_failure",
    "rejection",
    "show_warning",
]

DIAGNOSTICS_MODES = ("warn", "error", "ignore")
_said_validation_is_off: list[bool] = []
# 2.19+ takes help text with an exception and shows it once, below the message.
_HAS_HELP_TEXT = "help_text" in inspect.signature(AnsibleParserError.__init__).parameters
_shown_warnings: set[str] = set()


def diagnose(
    model: IniInventory,
    note: t.Callable[[str], None],
    text: bytes | str | None = None,
) -> list[Diagnostic]:
    """The parser's warnings, less those installed plugins disprove, plus the variable validation.

    ``ini_lint.source_diagnostics`` decides them, for the script's ``check`` too. ``note`` gets
    remarks for ``-v`` (validation off without voluptuous); ``text``, the source, gives the
    validation's warnings their quoted line.
    """
    if not HAS_VOLUPTUOUS and not _said_validation_is_off:
        _said_validation_is_off.append(True)
        note("iniplus.inventory.ini: voluptuous is not installed, so variable values are not validated")
    return source_diagnostics(model, plugin_knowledge(), text)


def apply_diagnostics_policy(diagnostics: t.Sequence[Diagnostic], mode: str, display: t.Any) -> None:
    """Show, raise or drop ``diagnostics`` according to ``mode``."""
    if not diagnostics or mode == "ignore":
        return
    lines = summarize(diagnostics)
    if mode == "error":
        count = len(diagnostics)
        noun = "problem" if count == 1 else "problems"
        header = f"{count} {noun} in {diagnostics[0].source} (diagnostics = error)"
        raise parse_failure(header, lines, display)
    for line in lines:
        show_warning(display, line)


def show_warning(display: t.Any, message: str) -> None:
    """A warning laid out as 2.19+ lays it out, on every core: never wrapped, once per process."""
    if _HAS_HELP_TEXT:
        display.warning(message)
        return
    # ansible-core < 2.19 wraps at 79 columns unless told the text is formatted, and then
    # frames it differently; print it as 2.19+ does.
    shown = f"[WARNING]: {message.strip()}\n" + ("\n" if "\n" in message.strip() else "")
    if shown in _shown_warnings:
        return
    _shown_warnings.add(shown)
    display.display(shown, color=C.COLOR_WARN, stderr=True)


class SourceRejected(AnsibleParserError):
    """A source refused: a one-line ``summary`` and the ``details`` (each problem, rendered).

    ``str()`` is the whole text on 2.19+, where Ansible shows the summary and, once, the help
    text (the details). Older cores wrap an inventory error's text into one paragraph, so there
    the details are shown apart, as a warning, before this error is raised, and ``str()`` is the
    summary; :meth:`full_text` is the whole text on every core.
    """

    def __init__(self, summary: str, details: t.Sequence[str]) -> None:
        self.summary = summary
        self.details = list(details)
        if _HAS_HELP_TEXT:
            super().__init__(summary, help_text="\n".join(self.details))
        else:
            first = self.details[0].splitlines()[0] if self.details else ""
            super().__init__(f"{summary} (listed above; the first: {first})")

    def full_text(self) -> str:
        return "\n".join([f"{self.summary}:", *self.details])

    def __str__(self) -> str:
        return self.full_text() if _HAS_HELP_TEXT else super().__str__()


def parse_failure(summary: str, details: t.Sequence[str], display: t.Any) -> SourceRejected:
    """The error that rejects a source, with every problem shown once and unwrapped on every core."""
    if not _HAS_HELP_TEXT:
        show_warning(display, "\n".join([f"{summary}:", *details]))
    return SourceRejected(summary, details)


def rejection(error: IniParseError, display: t.Any) -> SourceRejected:
    """The AnsibleParserError for a source with errors: every error listed once, unwrapped."""
    return parse_failure(error.summary(), error.details(), display)
