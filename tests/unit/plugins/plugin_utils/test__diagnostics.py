# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""How diagnostics reach the user: notes at -v, line and caret on every warning, one text per rejection."""

from __future__ import annotations

import pytest

from ansible_collections.iniplus.inventory.plugins.module_utils.ini_parser import IniParseError, parse_ini
from ansible_collections.iniplus.inventory.plugins.plugin_utils import _diagnostics, _knowledge


def test_validation_off_is_a_note_not_a_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    # Without voluptuous: no note-worthy validation in the plugin's knowledge either.
    monkeypatch.setattr(_diagnostics, "HAS_VOLUPTUOUS", False)
    monkeypatch.setattr(_knowledge, "HAS_VOLUPTUOUS", False)
    monkeypatch.setattr(_knowledge, "_cached", [])
    monkeypatch.setattr(_diagnostics, "_said_validation_is_off", [])
    notes: list[str] = []
    found = _diagnostics.diagnose(parse_ini(b"h ansible_port=70000\n", "h.ini"), notes.append)
    assert found == []
    assert notes == [
        "iniplus.inventory.ini: voluptuous is not installed, so variable values are not validated"
    ]


def test_invalid_value_quotes_the_line_with_a_caret() -> None:
    pytest.importorskip("voluptuous")
    data = b"[web]\nh1 a=1 ansible_port=70000\n"
    [problem] = _diagnostics.diagnose(parse_ini(data, "h.ini"), lambda _note: None, data)
    assert problem.code == "invalid-value"
    assert problem.render().splitlines()[1:3] == ["    h1 a=1 ansible_port=70000", "           ^^^^^^^^^^^^"]


class Display:
    def __init__(self) -> None:
        self.shown: list[str] = []

    def warning(self, message: str, *_args: object, **_kwargs: object) -> None:
        self.shown.append(message)

    def display(self, message: str, *_args: object, **_kwargs: object) -> None:
        self.shown.append(message)


def test_rejection_carries_every_error_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_diagnostics, "_shown_warnings", set())  # deduplicated per process
    with pytest.raises(IniParseError) as caught:
        parse_ini(b"[web]\nh2 x='open\nh3 two words\n", "h.ini")
    display = Display()
    error = _diagnostics.rejection(caught.value, display)
    full = error.full_text()
    assert full.startswith("2 errors in h.ini:\nh.ini:2:")
    assert full.count("error[") == 2
    if _diagnostics._HAS_HELP_TEXT:
        # Ansible shows the one-line message, then the help text: each error once.
        assert display.shown == []
        assert error._original_message == "2 errors in h.ini"
        assert error._help_text.count("error[") == 2
    else:
        # Printed apart, unwrapped; Ansible's own (wrapped) line only names the first.
        [printed] = display.shown
        assert printed.count("error[") == 2
        assert "    h3 two words\n       ^^^\n" in printed
        assert "(listed above; the first: h.ini:2:" in str(error)


def test_plugin_says_validation_is_off_at_verbose(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    from ansible.inventory.data import InventoryData
    from ansible.parsing.dataloader import DataLoader
    from ansible.plugins.loader import inventory_loader
    from inventory_snapshot import OURS

    # Without voluptuous: no note-worthy validation in the plugin's knowledge either.
    monkeypatch.setattr(_diagnostics, "HAS_VOLUPTUOUS", False)
    monkeypatch.setattr(_knowledge, "HAS_VOLUPTUOUS", False)
    monkeypatch.setattr(_knowledge, "_cached", [])
    monkeypatch.setattr(_diagnostics, "_said_validation_is_off", [])
    plugin = inventory_loader.get(OURS)
    warned: list[str] = []
    verbose: list[str] = []
    monkeypatch.setattr(plugin.display, "warning", lambda message, *a, **k: warned.append(message))
    monkeypatch.setattr(plugin.display, "v", lambda message, *a, **k: verbose.append(message))
    source = tmp_path / "hosts.ini"
    source.write_text("[web]\nh1\n")
    inventory = InventoryData()
    inventory.current_source = str(source)
    plugin.parse(inventory, DataLoader(), str(source), cache=False)
    assert warned == []
    assert any("voluptuous is not installed" in message for message in verbose)
