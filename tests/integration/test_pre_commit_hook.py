# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The repository's pre-commit hook, run by the real pre-commit on this checkout.

A temporary git repository gets a broken inventory and a clean one; the hook must fail on the
first (naming its errors) and pass the second, through ``pre-commit try-repo`` and through the
three lines of ``.pre-commit-config.yaml`` that docs/review.md gives, on a real ``git commit``.
pre-commit comes from PyPI through the ``review`` nox session, which sets
INIPLUS_REQUIRE_PRE_COMMIT so that a missing pre-commit fails there instead of skipping.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
HOOK = "iniplus-inventory-check"
HAS_PRE_COMMIT = importlib.util.find_spec("pre_commit") is not None

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(
        not HAS_PRE_COMMIT and not os.environ.get("INIPLUS_REQUIRE_PRE_COMMIT"),
        reason="pre-commit is not installed (the review nox session installs it)",
    ),
]


def git(repository: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repository, check=True, capture_output=True)


def try_repo(repository: Path, home: Path) -> subprocess.CompletedProcess[str]:
    environment = dict(os.environ, PRE_COMMIT_HOME=str(home), NO_COLOR="1")
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(REPO_ROOT), HOOK, "--color", "never"],
        cwd=repository,
        capture_output=True,
        text=True,
        env=environment,
        check=False,
        timeout=300,
    )


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    repository = tmp_path / "project"
    (repository / "inventory").mkdir(parents=True)
    git(repository, "init", "-q")
    git(repository, "config", "user.email", "t@example.com")
    git(repository, "config", "user.name", "t")
    # Not an inventory: the hook's default file pattern must leave it alone.
    (repository / "tox.ini").write_text("[tox]\nenvlist = py3\n")
    git(repository, "add", "tox.ini")
    return repository


def test_the_hook_blocks_a_broken_inventory(repository: Path, tmp_path: Path) -> None:
    (repository / "inventory" / "hosts").write_text("[web]\nweb1\nweb2 x='open\n[db]\nd[1:3:0]\n")
    git(repository, "add", "inventory/hosts")
    result = try_repo(repository, tmp_path / "pre-commit-home")
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Failed" in output
    assert "inventory/hosts:3:8: error[unclosed-quote]" in output
    assert "inventory/hosts:5:1: error[bad-host-range]" in output
    assert "tox.ini" not in output


def test_the_hook_passes_a_clean_inventory(repository: Path, tmp_path: Path) -> None:
    (repository / "inventory" / "hosts").write_text("[web]\nweb1 http_port=80\n[db]\nd[1:3]\n")
    (repository / "inventory" / "staging.ini").write_text("[web]\nweb9 enabled=yes # iniplus: ignore\n")
    git(repository, "add", "inventory")
    result = try_repo(repository, tmp_path / "pre-commit-home")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "Passed" in output


def _checkout_head() -> str | None:
    result = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=REPO_ROOT, capture_output=True, text=True, check=False
    )
    return result.stdout.strip() if result.returncode == 0 else None


@pytest.mark.skipif(_checkout_head() is None, reason="the collection is not a git checkout")
def test_three_lines_of_configuration_block_a_commit(repository: Path, tmp_path: Path) -> None:
    # What docs/review.md tells a project to write, with this checkout's HEAD as the hook repository.
    (repository / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {REPO_ROOT}\n    rev: {_checkout_head()}\n    hooks: [{{id: {HOOK}}}]\n"
    )
    git(repository, "add", ".pre-commit-config.yaml")
    environment = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"), NO_COLOR="1")
    subprocess.run(
        [sys.executable, "-m", "pre_commit", "install"], cwd=repository, env=environment, check=True
    )
    hosts = repository / "inventory" / "hosts"
    hosts.write_text("[web]\nweb1 x='open\n")
    git(repository, "add", "inventory/hosts")
    blocked = subprocess.run(
        ["git", "commit", "-qm", "broken"],
        cwd=repository,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert blocked.returncode != 0
    assert "inventory/hosts:2:8: error[unclosed-quote]" in blocked.stdout + blocked.stderr
    hosts.write_text("[web]\nweb1 x='closed'\n")
    git(repository, "add", "inventory/hosts")
    committed = subprocess.run(
        ["git", "commit", "-qm", "fixed"],
        cwd=repository,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert committed.returncode == 0, committed.stdout + committed.stderr
