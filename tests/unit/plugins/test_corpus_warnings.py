# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every warning the plugin prints on the real inventories of ../shared/corpus, kept in a golden file.

A change in what the plugin says about real files shows up here as a diff to review. To accept
it, rewrite the golden file:

    INIPLUS_WRITE_GOLDEN=1 python -m pytest tests/unit/plugins/test_corpus_warnings.py
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import pytest
from ansible.errors import AnsibleError
from ansible.inventory.data import InventoryData
from ansible.parsing.dataloader import DataLoader
from ansible.plugins.loader import inventory_loader
from corpus import CORPUS_DIR, corpus_files
from inventory_snapshot import OURS

from ansible_collections.iniplus.inventory.plugins.plugin_utils import _diagnostics

GOLDEN = Path(__file__).parent / "golden" / "corpus_warnings.txt"
# Warnings issue #11 found wrong on these files; none may come back.
WRONG = (
    "ansible_sudo_pass'; did you mean",
    "did you mean 'ansible_port'?\n    ansible_ip",
    "voluptuous is not installed",
    "even when it says no",
)


def corpus_warnings(monkeypatch: pytest.MonkeyPatch) -> str:
    plugin = inventory_loader.get(OURS)
    shown: list[str] = []
    # 2.19+ shows ours with warning(); older cores through display() (they would wrap them).
    monkeypatch.setattr(plugin.display, "warning", lambda message, *a, **k: shown.append(message))
    monkeypatch.setattr(plugin.display, "display", lambda message, *a, **k: shown.append(message))
    monkeypatch.delenv("ANSIBLE_INIPLUS_DIAGNOSTICS", raising=False)
    # ansible-core < 2.19: ours are deduplicated per process; other tests may have loaded these files.
    monkeypatch.setattr(_diagnostics, "_shown_warnings", set())
    blocks = []
    for path in corpus_files():
        shown.clear()
        inventory = InventoryData()
        inventory.current_source = path
        with contextlib.suppress(AnsibleError):  # a rejected file: its errors are not warnings
            plugin.parse(inventory, DataLoader(), path, cache=False)
        # Ours only: a rendered warning or the fold line of identical ones (not Ansible's own).
        warnings = [
            _relative(message) for message in shown if "warning[" in message or " more like it (" in message
        ]
        if warnings:
            blocks.append(f"## {Path(path).name} ({len(warnings)})\n" + "\n".join(warnings))
    return "\n".join(blocks) + "\n"


def _relative(message: str) -> str:
    text = message.strip()
    if text.startswith("[WARNING]: "):
        text = text[len("[WARNING]: ") :]
    return text.replace(f"{CORPUS_DIR}{os.sep}", "")


@pytest.mark.skipif(CORPUS_DIR is None, reason="../shared/corpus is absent: no real inventories")
def test_corpus_warnings_match_golden(monkeypatch: pytest.MonkeyPatch) -> None:
    found = corpus_warnings(monkeypatch)
    for wrong in WRONG:
        assert wrong not in found
    if os.environ.get("INIPLUS_WRITE_GOLDEN"):
        GOLDEN.write_text(found, encoding="utf-8")
    assert found == GOLDEN.read_text(encoding="utf-8")
