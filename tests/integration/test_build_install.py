# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The collection as users get it: built with ansible-galaxy, installed from the tarball, then used.

The build reads galaxy.yml's build_ignore, so the tarball is checked for what must never ship (venvs,
caches, build and test output) and for size. The installed copy is the only one Ansible can see while
it is used: the collections path names only the install directory, the checkout is not the working
directory, and Python's own path is not scanned for collections.
"""

from __future__ import annotations

import subprocess
import tarfile
from pathlib import Path

import pytest
import yaml
from ansible_cli import run_tool
from repo_paths import REPO_ROOT

pytestmark = pytest.mark.integration

EXAMPLE = REPO_ROOT / "examples" / "hosts.ini"
GOLDEN_GRAPH = REPO_ROOT / "tests" / "integration" / "golden" / "example_hosts.graph.txt"
PLUGIN = "iniplus.inventory.ini"

# Compressed size of the whole tarball: about 100 KB when this was written, 270 KB once it shipped the
# licence texts (LICENSES/, for REUSE), the SARIF schema the lint tests validate against and the
# check/diff modules. Crossing this means a large file slipped in; raise it deliberately if the
# collection really grew.
MAX_TARBALL_BYTES = 384 * 1024
# Path parts that only exist in a working copy: environments, caches, build and test output.
FORBIDDEN_PARTS = {
    ".git",
    ".venv",
    ".nox",
    ".tox",
    ".ci",
    "__pycache__",
    ".pytest_cache",
    ".mypy_cache",
    ".ruff_cache",
    ".hypothesis",
    ".cache",
    "collections",
    "build",
    "dist",
}
FORBIDDEN_PATHS = ("tests/output", "benchmarks/output", "changelogs/.plugin-cache.yaml")
FORBIDDEN_SUFFIXES = (".pyc", ".tar.gz", ".whl")
# Written by ansible-galaxy itself.
BUILD_METADATA = {"MANIFEST.json", "FILES.json"}


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A home and working directory with an empty ansible.cfg: no local configuration leaks in."""
    sandbox = tmp_path_factory.mktemp("sandbox")
    (sandbox / "ansible.cfg").write_text("")
    return sandbox


@pytest.fixture(scope="module")
def tarball(sandbox: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("build")
    result = run_tool(
        "ansible-galaxy",
        "collection",
        "build",
        "--output-path",
        str(output),
        str(REPO_ROOT),
        env=_isolated_env(sandbox, tmp_path_factory.mktemp("no-collections")),
        cwd=str(sandbox),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    (built,) = output.glob("iniplus-inventory-*.tar.gz")
    return built


@pytest.fixture(scope="module")
def installed(tarball: Path, sandbox: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The collections path holding only the collection installed from the tarball."""
    collections = tmp_path_factory.mktemp("collections")
    # Isolated, or ansible-galaxy finds the checkout on a configured path and installs nothing.
    result = run_tool(
        "ansible-galaxy",
        "collection",
        "install",
        "--offline",
        "-p",
        str(collections),
        str(tarball),
        env=_isolated_env(sandbox, collections),
        cwd=str(sandbox),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (collections / "ansible_collections" / "iniplus" / "inventory" / "MANIFEST.json").is_file()
    return collections


def _isolated_env(sandbox: Path, collections: Path) -> dict[str, str]:
    return {
        "ANSIBLE_CONFIG": str(sandbox / "ansible.cfg"),
        "HOME": str(sandbox),
        "ANSIBLE_COLLECTIONS_PATH": str(collections),
        "ANSIBLE_COLLECTIONS_SCAN_SYS_PATH": "false",
        "ANSIBLE_INVENTORY_ENABLED": PLUGIN,
        "ANSIBLE_INVENTORY_UNPARSED_FAILED": "true",
    }


def _members(tarball: Path) -> list[str]:
    with tarfile.open(tarball) as archive:
        return [member.name.removeprefix("./") for member in archive.getmembers() if member.isfile()]


def test_tarball_holds_no_working_copy_leftovers(tarball: Path) -> None:
    stray = [
        name
        for name in _members(tarball)
        if FORBIDDEN_PARTS.intersection(Path(name).parts[:-1])
        or Path(name).name in FORBIDDEN_PARTS
        or name.startswith(FORBIDDEN_PATHS)
        or name.endswith(FORBIDDEN_SUFFIXES)
        or Path(name).name.startswith(".venv")
    ]
    assert stray == [], "extend build_ignore in galaxy.yml"


def test_tarball_holds_only_files_git_knows(tarball: Path) -> None:
    """Anything git ignores (a local leftover) but build_ignore misses would ship: catch it here."""
    try:
        listing = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=REPO_ROOT,
            capture_output=True,
            check=True,
        ).stdout.decode()
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout")
    known = set(filter(None, listing.split("\0")))
    unknown = sorted(set(_members(tarball)) - known - BUILD_METADATA)
    assert unknown == [], "ignored by git but shipped: extend build_ignore in galaxy.yml"


def test_tarball_is_small(tarball: Path) -> None:
    size = tarball.stat().st_size
    assert size < MAX_TARBALL_BYTES, f"{tarball.name} is {size} bytes"


def test_tarball_ships_the_plugin_and_its_metadata(tarball: Path) -> None:
    members = set(_members(tarball))
    for name in (
        "MANIFEST.json",
        "FILES.json",
        "meta/runtime.yml",
        "meta/execution-environment.yml",
        "plugins/inventory/ini.py",
        "plugins/module_utils/ini_parser.py",
        "requirements.txt",
        "COPYING",
    ):
        assert name in members


def test_installed_collection_reads_the_example(installed: Path, sandbox: Path) -> None:
    result = run_tool(
        "ansible-inventory",
        "-i",
        str(EXAMPLE),
        "--graph",
        env=_isolated_env(sandbox, installed),
        cwd=str(sandbox),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == GOLDEN_GRAPH.read_text()


def test_installed_collection_documents_the_plugin(installed: Path, sandbox: Path) -> None:
    result = run_tool(
        "ansible-doc", "-t", "inventory", PLUGIN, env=_isolated_env(sandbox, installed), cwd=str(sandbox)
    )
    assert result.returncode == 0, result.stderr
    assert PLUGIN in result.stdout
    assert "drop-in replacement" in result.stdout
    # The documentation comes from the installed copy, not from the checkout.
    assert str(installed / "ansible_collections" / "iniplus" / "inventory") in result.stdout
    assert str(REPO_ROOT / "plugins") not in result.stdout


def test_installed_collection_names_its_python_requirements(installed: Path) -> None:
    """What ansible-builder reads to put the collection's Python packages into an execution environment."""
    collection = installed / "ansible_collections" / "iniplus" / "inventory"
    definition = yaml.safe_load((collection / "meta" / "execution-environment.yml").read_text())
    assert definition["version"] == 1
    requirements = collection / definition["dependencies"]["python"]
    assert "voluptuous" in requirements.read_text()
