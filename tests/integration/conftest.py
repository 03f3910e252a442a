# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Options and fixtures for the tests that run Ansible's command-line tools.

``--write-golden`` rewrites the golden files under golden/ from what the plugin prints now,
instead of comparing against them. Goldens are written on ansible-core 2.19 or later (the
newer output holds trust markers that older cores compare without). Pass it with the folder,
so that pytest reads this file before it parses the command line::

    python -m pytest tests/integration --write-golden
"""

from __future__ import annotations

from pathlib import Path

import pytest
from repo_paths import REPO_ROOT


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--write-golden",
        action="store_true",
        default=False,
        help="rewrite tests/integration/golden/ from the current output instead of comparing",
    )


@pytest.fixture(scope="session")
def write_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--write-golden", default=False))


@pytest.fixture(scope="session")
def collections_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A collections path holding this checkout as ansible_collections/iniplus/inventory."""
    root = tmp_path_factory.mktemp("collections")
    namespace = root / "ansible_collections" / "iniplus"
    namespace.mkdir(parents=True)
    (namespace / "inventory").symlink_to(REPO_ROOT, target_is_directory=True)
    return root
