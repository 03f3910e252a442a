# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Run this collection's modules as real processes, the way Ansible hands them their arguments."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import typing as t
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]


def collections_root(base: Path) -> Path:
    """A folder holding this checkout as ansible_collections/iniplus/inventory (made once per base)."""
    namespace = base / "ansible_collections" / "iniplus"
    if not (namespace / "inventory").exists():
        namespace.mkdir(parents=True, exist_ok=True)
        (namespace / "inventory").symlink_to(REPO_ROOT, target_is_directory=True)
    return base


def module_command(
    module: str, arguments: dict[str, t.Any], workdir: Path, *, check: bool = False, diff: bool = False
) -> tuple[list[str], dict[str, str]]:
    """The command line and environment that run ``module`` with ``arguments``."""
    payload = {"ANSIBLE_MODULE_ARGS": {**arguments, "_ansible_check_mode": check, "_ansible_diff": diff}}
    descriptor, args_file = tempfile.mkstemp(prefix="args-", suffix=".json", dir=workdir)
    with os.fdopen(descriptor, "w") as handle:
        json.dump(payload, handle)
    root = collections_root(workdir / "collections")
    env = dict(os.environ, PYTHONPATH=str(root))
    return [sys.executable, str(REPO_ROOT / "plugins" / "modules" / f"{module}.py"), args_file], env


def run_module(
    module: str, arguments: dict[str, t.Any], workdir: Path, *, check: bool = False, diff: bool = False
) -> dict[str, t.Any]:
    """Run the module to completion and return its JSON result (``failed`` set on failure)."""
    command, env = module_command(module, arguments, workdir, check=check, diff=diff)
    completed = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    try:
        return json.loads(completed.stdout)
    except json.JSONDecodeError:
        raise AssertionError(
            f"no JSON from {module}: rc={completed.returncode}\n{completed.stdout}\n{completed.stderr}"
        ) from None
