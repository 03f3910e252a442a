# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Where the checkout and the unit tests' fixtures are: written once, so a test can move freely.

The unit tests' data lives in one folder, tests/unit/fixtures/:

* ``cases/``: hand-written inventories (the differential, cache and population tests read them);
* ``golden/``: expected outputs that a ``--write``-style run regenerates;
* ``data/``: third-party files the tests check against (the SARIF 2.1.0 schema).
"""

from __future__ import annotations

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
FIXTURES = REPO_ROOT / "tests" / "unit" / "fixtures"
CASES_DIR = FIXTURES / "cases"


def fixture(*parts: str) -> Path:
    """The path of a file under tests/unit/fixtures/, e.g. ``fixture("cases", "crlf.ini")``."""
    return FIXTURES.joinpath(*parts)


def case_files() -> list[Path]:
    """Every hand-written case inventory, sorted by name."""
    return sorted(CASES_DIR.glob("*.ini"))
