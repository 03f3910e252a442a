# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Run Ansible's command-line tools from the interpreter that runs the tests."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path


def tool_path(name: str) -> str:
    """The tool beside this interpreter (its venv), else on PATH."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise FileNotFoundError(name)
    return found


def run_tool(name: str, *args: str, env: dict[str, str] | None = None, cwd: str | None = None):
    """Run an ansible-* tool with colours off; returns the CompletedProcess (never raises on rc)."""
    environment = dict(os.environ, ANSIBLE_NOCOLOR="1", ANSIBLE_FORCE_COLOR="0", **(env or {}))
    return subprocess.run(
        [tool_path(name), *args], capture_output=True, text=True, env=environment, cwd=cwd, check=False
    )
