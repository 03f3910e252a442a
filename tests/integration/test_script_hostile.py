# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The inventory script against hostile surroundings and input (issue 12, items 5 and 7).

* Module search: a copy of the script never imports code from a tree that is not its own
  collection, nor from one that others can write; it then uses the installed collection.
* No traceback: a pattern of 1,200 ranges, /dev/zero as the source, a full stdout.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
SCRIPT = REPO_ROOT / "scripts" / "ini_inventory.py"
PLANTED = """\
from pathlib import Path
Path({canary!r}).write_text("planted code ran")
raise SystemExit("planted code ran")
"""


def run(
    script: Path, *args: str, stdout: int | None = subprocess.PIPE, **env: str
) -> subprocess.CompletedProcess[str]:
    environment = {
        key: value for key, value in os.environ.items() if not key.startswith(("INI_INVENTORY", "ANSIBLE_"))
    }
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-S", str(script), *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        env=environment,
        check=False,
        timeout=120,
    )


def plant(root: Path, canary: Path) -> None:
    """A tree at ``root`` that looks like the collection and runs code when its parser is imported."""
    code = root / "plugins" / "module_utils"
    code.mkdir(parents=True)
    (code / "ini_parser.py").write_text(PLANTED.format(canary=str(canary)))
    (root / "galaxy.yml").write_text("namespace: iniplus\nname: inventory\nversion: 9.9.9\n")


@pytest.fixture
def inventory(tmp_path: Path) -> Path:
    source = tmp_path / "hosts.ini"
    source.write_text("[web]\nweb1 http_port=80\n")
    return source


def assert_used_the_installed_collection(result: subprocess.CompletedProcess[str], canary: Path) -> None:
    assert not canary.exists(), "the script imported planted code"
    assert result.returncode == 0, result.stderr
    assert '"web1"' in result.stdout


def test_a_copy_never_imports_the_tree_it_was_copied_into(
    tmp_path: Path, collections_path: Path, inventory: Path
) -> None:
    shared, canary = tmp_path / "D", tmp_path / "canary"
    plant(shared, canary)
    copy = shared / "x" / "inv.py"
    copy.parent.mkdir()
    shutil.copy(SCRIPT, copy)
    result = run(copy, "--list", "--source", str(inventory), ANSIBLE_COLLECTIONS_PATH=str(collections_path))
    assert_used_the_installed_collection(result, canary)


def test_a_collection_tree_that_others_can_write_is_never_used(
    tmp_path: Path, collections_path: Path, inventory: Path
) -> None:
    shared, canary = tmp_path / "D", tmp_path / "canary"
    plant(shared, canary)
    copy = shared / "scripts" / "inv.py"
    copy.parent.mkdir()
    shutil.copy(SCRIPT, copy)
    shared.chmod(0o777)
    result = run(copy, "--list", "--source", str(inventory), ANSIBLE_COLLECTIONS_PATH=str(collections_path))
    assert_used_the_installed_collection(result, canary)


def test_an_installed_collection_with_writable_code_is_refused_and_named(
    tmp_path: Path, inventory: Path
) -> None:
    collections, canary = tmp_path / "collections", tmp_path / "canary"
    installed = collections / "ansible_collections" / "iniplus" / "inventory"
    plant(installed, canary)
    (installed / "plugins" / "module_utils").chmod(0o777)
    copy = tmp_path / "elsewhere" / "inv.py"
    copy.parent.mkdir()
    shutil.copy(SCRIPT, copy)
    result = run(
        copy,
        "--list",
        "--source",
        str(inventory),
        ANSIBLE_COLLECTIONS_PATH=str(collections),
        HOME=str(tmp_path / "home"),  # no ~/.ansible/collections to fall back on
    )
    assert not canary.exists()
    assert result.returncode == 3
    assert "writable by group or others" in result.stderr and str(installed) in result.stderr


def test_a_writable_script_directory_on_sys_path_is_not_searched(tmp_path: Path, inventory: Path) -> None:
    # sys.path[0] is the script's directory: a collection planted there is refused when others can write it.
    directory, canary = tmp_path / "drop", tmp_path / "canary"
    plant(directory / "ansible_collections" / "iniplus" / "inventory", canary)
    copy = directory / "inv.py"
    shutil.copy(SCRIPT, copy)
    directory.chmod(0o777)
    result = run(copy, "--list", "--source", str(inventory), HOME=str(tmp_path / "home"))
    assert not canary.exists(), "the script imported planted code"
    assert result.returncode == 3
    assert f"{directory} is writable by group or others" in result.stderr


def _in_a_user_private_group() -> bool:
    try:
        import grp
        import pwd
    except ImportError:
        return False
    user = pwd.getpwuid(os.geteuid())
    group = grp.getgrgid(user.pw_gid)
    return group.gr_name == user.pw_name and set(group.gr_mem) <= {user.pw_name}


@pytest.mark.skipif(not _in_a_user_private_group(), reason="the user's primary group is shared")
def test_a_tree_writable_only_by_the_owners_private_group_is_used(tmp_path: Path, inventory: Path) -> None:
    # umask 002 systems (a group per user) make every checkout group-writable: still nobody else's.
    copy = tmp_path / "checkout"
    shutil.copytree(REPO_ROOT / "plugins", copy / "plugins", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(REPO_ROOT / "scripts", copy / "scripts")
    shutil.copy(REPO_ROOT / "galaxy.yml", copy / "galaxy.yml")
    for path in [copy, *copy.rglob("*")]:
        path.chmod(0o775 if path.is_dir() else 0o664)
    result = run(copy / "scripts" / "ini_inventory.py", "--version", HOME=str(tmp_path / "home"))
    assert result.returncode == 0, result.stderr
    assert f"parser: {copy / 'plugins' / 'module_utils'}" in result.stdout


def test_its_own_checkout_is_used(inventory: Path) -> None:
    result = run(SCRIPT, "--version")
    assert result.returncode == 0
    assert f"parser: {REPO_ROOT / 'plugins' / 'module_utils'}" in result.stdout


# --- no tracebacks ------------------------------------------------------------------------


@pytest.mark.parametrize("command", [["--list", "--source"], ["check"]])
def test_a_pattern_of_1200_ranges_is_an_error_not_a_traceback(tmp_path: Path, command: list[str]) -> None:
    source = tmp_path / "ranges.ini"
    source.write_text("[g]\nh" + "[1:2]" * 1200 + "\n")
    result = run(SCRIPT, *command, str(source))
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert str(source) in result.stderr + result.stdout  # the builtin names the file too


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
@pytest.mark.parametrize(("command", "status"), [(["--list", "--source"], 1), (["check"], 2)])
def test_dev_zero_as_source_is_refused(command: list[str], status: int) -> None:
    result = run(SCRIPT, *command, "/dev/zero")
    assert result.returncode == status
    assert "Traceback" not in result.stderr
    assert "/dev/zero" in result.stderr and "not a regular file" in result.stderr


@pytest.mark.skipif(not os.path.exists("/dev/null"), reason="no /dev/null")
def test_dev_null_is_still_an_empty_inventory() -> None:
    result = run(SCRIPT, "--list", "--source", "/dev/null")
    assert result.returncode == 0, result.stderr


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
@pytest.mark.parametrize("command", [["--list", "--source"], ["check", "--format", "json"]])
def test_a_failing_stdout_is_reported_without_traceback(inventory: Path, command: list[str]) -> None:
    with open("/dev/full", "w") as full:
        result = run(SCRIPT, *command, str(inventory), stdout=full.fileno())
    assert result.returncode != 0
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr
    assert "cannot write the output: No space left on device" in result.stderr
