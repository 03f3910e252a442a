# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""``ini_inventory.py diff``: two files or a file against a git revision, each format, exit codes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
SCRIPT = REPO_ROOT / "scripts" / "ini_inventory.py"
CHILDREN = "[prod:children]\nweb\ndb\n"
OLD = "[web]\nweb1\nweb2\nweb3\n[db]\ndb1 ansible_port=22\n" + CHILDREN + "[prod:vars]\nenv=production\n"
# web3 moves to [db], db1's port becomes the string '22', prod's env changes.
NEW = "[web]\nweb1\nweb2\n[db]\ndb1 ansible_port=\"'22'\"\nweb3\n" + CHILDREN + "[prod:vars]\nenv=prod\n"


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-S", str(SCRIPT), *args], capture_output=True, text=True, cwd=cwd, check=False
    )


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "old.ini", tmp_path / "new.ini"
    old.write_text(OLD)
    new.write_text(NEW)
    return old, new


def test_text_shows_the_type_change_the_move_and_the_group_variable_once(pair: tuple[Path, Path]) -> None:
    result = run("diff", *map(str, pair))
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert lines.count("host db1: ansible_port: 22 (int) -> '22' (str)") == 1
    assert lines.count("host web3: left [web]; joined [db]") == 1
    assert lines.count("group prod: env: 'production' (str) -> 'prod' (str)") == 1
    effective = lines[lines.index("effective variables (from groups):") + 1 :]
    assert sorted(effective) == sorted(
        f"  host {host}: env: 'production' (str) -> 'prod' (str)" for host in ("web1", "web2", "web3", "db1")
    )


def test_same_inventory_exits_0_and_prints_nothing(pair: tuple[Path, Path], tmp_path: Path) -> None:
    reformatted = tmp_path / "same.ini"
    reformatted.write_text("# reordered text, same inventory\n" + OLD.replace("web3\n", "web3   \n"))
    result = run("diff", str(pair[0]), str(reformatted))
    assert (result.returncode, result.stdout) == (0, "")


def test_markdown_and_json(pair: tuple[Path, Path]) -> None:
    markdown = run("diff", "--format", "markdown", *map(str, pair)).stdout
    assert markdown.startswith("### Inventory changes:")
    assert "- host `db1`: `ansible_port: 22 (int) -> '22' (str)`" in markdown
    document = json.loads(run("diff", "--format", "json", *map(str, pair)).stdout)
    assert document["memberships"] == [{"host": "web3", "joined": ["db"], "left": ["web"]}]
    assert [record["host"] for record in document["effective"]] == ["web1", "web2", "db1", "web3"]


def test_a_broken_side_cannot_be_compared(pair: tuple[Path, Path], tmp_path: Path) -> None:
    broken = tmp_path / "broken.ini"
    broken.write_text("[web]\nd[1:3:0]\n")
    result = run("diff", str(pair[0]), str(broken))
    assert result.returncode == 2
    assert "cannot compare" in result.stderr and "bad-host-range" in result.stderr


@pytest.mark.parametrize("args", [["diff", "only-one.ini"], ["diff", "--git", "HEAD", "a.ini", "b.ini"]])
def test_usage_errors_exit_2(args: list[str]) -> None:
    assert run(*args).returncode == 2


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_git_revision_against_the_work_tree(tmp_path: Path) -> None:
    environment = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.com",
    }
    repository = tmp_path / "repo"
    (repository / "inventory").mkdir(parents=True)
    hosts = repository / "inventory" / "hosts.ini"
    hosts.write_text(OLD)
    for command in (["init", "-q"], ["add", "."], ["commit", "-qm", "old"]):
        subprocess.run(["git", *command], cwd=repository, env=environment, check=True)
    hosts.write_text(NEW)
    result = run("diff", "--git", "HEAD", "inventory/hosts.ini", cwd=repository)
    assert result.returncode == 1, result.stderr
    assert result.stdout.splitlines()[:2] == ["--- inventory/hosts.ini@HEAD", "+++ inventory/hosts.ini"]
    assert "host web3: left [web]; joined [db]" in result.stdout
    # A file new since the revision: everything in it is added.
    (repository / "inventory" / "new.ini").write_text("[cache]\nredis1\n")
    result = run("diff", "--git", "HEAD", "inventory/new.ini", cwd=repository)
    assert result.returncode == 1, result.stderr
    assert "hosts added: redis1" in result.stdout and "groups added: cache" in result.stdout
    assert run("diff", "--git", "no-such-rev", "inventory/hosts.ini", cwd=repository).returncode == 2
