# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Make tests/helpers importable the way pytest.ini's ``pythonpath`` does, for ``ansible-test units``.

ansible-test runs pytest with its own configuration, so pytest.ini is not read there and the
tests' ``from inventory_snapshot import ...`` would fail. Under plain pytest the directory is
already on sys.path and nothing changes.
"""

from __future__ import annotations

import sys
from pathlib import Path

HELPERS = str(Path(__file__).resolve().parents[1] / "helpers")
if HELPERS not in sys.path:
    sys.path.insert(0, HELPERS)
