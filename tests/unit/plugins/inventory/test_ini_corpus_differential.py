# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every real inventory in ../shared/corpus builds the same inventory with both plugins."""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus import CORPUS_DIR, corpus_files
from inventory_snapshot import BUILTIN, OURS, load

LEGACY = not __import__("inventory_snapshot").HAS_DATA_TAGGING


@pytest.mark.skipif(CORPUS_DIR is None, reason="../shared/corpus is absent: no real inventories to compare")
@pytest.mark.parametrize("path", corpus_files(), ids=lambda path: Path(path).name)
def test_corpus_file_builds_identical_inventory(path: str) -> None:
    builtin = load(BUILTIN, path, legacy_types=LEGACY)
    ours = load(OURS, path)
    assert builtin.rejected == ours.rejected, (builtin.error, ours.error)
    assert builtin.snapshot == ours.snapshot
