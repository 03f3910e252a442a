# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Where the shared corpus of real inventories is, if it is there at all (it is not shipped)."""

from __future__ import annotations

import os
from pathlib import Path

from repo_paths import REPO_ROOT


def _find_corpus() -> Path | None:
    override = os.environ.get("INIPLUS_CORPUS_DIR")
    candidates = [Path(override)] if override else []
    candidates.append(REPO_ROOT.parent / "shared" / "corpus")
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return None


CORPUS_DIR = _find_corpus()
_NOT_INVENTORIES = {"README.md", "SOURCES.tsv"}


def corpus_files() -> list[str]:
    if CORPUS_DIR is None:
        return []
    return sorted(
        str(path) for path in CORPUS_DIR.iterdir() if path.is_file() and path.name not in _NOT_INVENTORIES
    )
