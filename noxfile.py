# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Sessions for the collection. Start them through ``python3 dev.py`` on a fresh machine.

* ``demo``: ``ansible-inventory --graph`` of examples/hosts.ini through iniplus.inventory.ini.
* ``lint``: ruff (lint and format check) and mypy --strict on the parser.
* ``tests(core=X)``: the whole pytest suite on ansible-core X; ``-s tests`` runs all six.
* ``sanity``: ansible-test sanity on the newest ansible-core, run on a copy of the collection.
* ``changelog``: antsibull-changelog lint, and the changelog of the pending release (tests/output/changelog/).
* ``docs``: antsibull-docs lint-collection-docs on the plugin documentation.
* ``review``: the inventory script's check and diff, with the real pre-commit running the repository's hook.
* tag ``ci`` (``python3 dev.py test``): lint, sanity, changelog, docs and the test matrix: what CI runs.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import nox

ROOT = Path(__file__).resolve().parent
nox.options.default_venv_backend = "uv|virtualenv"
nox.options.reuse_existing_virtualenvs = True
nox.options.error_on_external_run = True

# ansible-core release -> (Python it is tested on, pinned version)
CORES = {
    "2.16": ("3.11", "2.16.19"),
    "2.17": ("3.11", "2.17.14"),
    "2.18": ("3.12", "2.18.19"),
    "2.19": ("3.12", "2.19.14"),
    "2.20": ("3.13", "2.20.10"),
    "2.21": ("3.13", "2.21.5"),
}
NEWEST = "2.21"
TEST_REQUIREMENTS = "tests/requirements/test.txt"
LINT_REQUIREMENTS = "tests/requirements/lint.txt"


def _install_core(session: nox.Session, core: str) -> None:
    session.install(f"ansible-core=={CORES[core][1]}", "-r", TEST_REQUIREMENTS)


@nox.session(python=CORES[NEWEST][0])
def demo(session: nox.Session) -> None:
    """Show the shipped example inventory as the plugin reads it."""
    session.install(f"ansible-core=={CORES[NEWEST][1]}", "-r", "requirements.txt")
    collections = _link_collection(session)
    env = {
        "ANSIBLE_COLLECTIONS_PATH": str(collections),
        "ANSIBLE_CONFIG": str(ROOT / "examples" / "ansible.cfg"),
    }
    session.run("ansible-inventory", "-i", str(ROOT / "examples" / "hosts.ini"), "--graph", "--vars", env=env)


@nox.session(python=CORES[NEWEST][0], tags=["ci"])
def lint(session: nox.Session) -> None:
    """ruff lint and format check over everything, mypy --strict over the parser."""
    session.install("-r", LINT_REQUIREMENTS)
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")
    session.run("mypy", "--config-file", "tests/mypy.ini", "plugins/module_utils")


@nox.session(tags=["ci"])
@nox.parametrize(
    "python,core",
    [(python, core) for core, (python, _version) in CORES.items()],
    ids=list(CORES),
)
def tests(session: nox.Session, core: str) -> None:
    """The pytest suite on one ansible-core (pass pytest options after --)."""
    _install_core(session, core)
    session.run("pytest", "-n", "2", *session.posargs, env={"INIPLUS_EXPECTED_CORE": core})


@nox.session(python=CORES[NEWEST][0])
def benchmark(session: nox.Session) -> None:
    """Both INI plugins on synthetic inventories; rewrites docs/performance.md (never part of the tests).

    Options after -- go to benchmarks/run.py, e.g. ``-- --sizes 20000 --repeats 5``.
    """
    session.install(f"ansible-core=={CORES[NEWEST][1]}", "matplotlib==3.10.8")
    session.run("python", "benchmarks/run.py", *session.posargs)


def _link_collection(session: nox.Session) -> Path:
    """Put the checkout on a collections path as ansible_collections/iniplus/inventory."""
    collections = Path(session.virtualenv.location) / "collections"
    namespace = collections / "ansible_collections" / "iniplus"
    namespace.mkdir(parents=True, exist_ok=True)
    link = namespace / "inventory"
    if not link.exists():
        os.symlink(ROOT, link)
    return collections


# --- ecosystem gates: ansible-test sanity, changelog fragments, plugin documentation -------------

CHANGELOG_REQUIREMENTS = "tests/requirements/changelog.txt"
DOCS_REQUIREMENTS = "tests/requirements/docs.txt"

# ansible-test bootstraps pip into each sanity venv with a get-pip script downloaded from a host outside
# the package index, which this project's machines cannot reach. This stand-in gives the same result:
# pip from the standard library's ensurepip, then the pip version ansible-test asked for from the index.
_PIP_BOOTSTRAP_SHIM = '''\
"""Stand-in for ansible-test's get-pip bootstrap script (written by the iniplus noxfile)."""
import ensurepip
import subprocess
import sys

ensurepip.bootstrap()
args = [arg for arg in sys.argv[1:] if arg not in ("--no-setuptools", "--no-wheel")]
sys.exit(subprocess.call([sys.executable, "-m", "pip", "install", *args]))
'''


@nox.session(python=CORES[NEWEST][0], tags=["ci"])
def sanity(session: nox.Session) -> None:
    """ansible-test sanity on the newest ansible-core, run on a copy at ansible_collections/iniplus/inventory.

    The copy holds the files git knows (tracked, or new and not ignored), so venvs and caches in the
    checkout are not tested. Sanity venvs are kept under this session's venv and reused.
    Pass ansible-test options after --, e.g. ``-- --test pylint``.
    """
    python = CORES[NEWEST][0]
    session.install(f"ansible-core=={CORES[NEWEST][1]}", "pip")
    home = Path(session.virtualenv.location) / "home"
    _install_pip_bootstrap_shim(session, home)
    collection = _copy_collection(Path(session.create_tmp()).resolve() / "sanity")
    session.chdir(collection)
    session.run(
        "ansible-test", "sanity", "--python", python, "--local", "--requirements", "--color", "no",
        *session.posargs,
        env={"HOME": str(home)},
    )  # fmt: skip


@nox.session(python=CORES[NEWEST][0], tags=["ci"])
def changelog(session: nox.Session) -> None:
    """antsibull-changelog lint on the fragments, then the changelog of the pending release.

    The fragments stay unreleased in the checkout: the release is made on a copy and its CHANGELOG.md
    written to tests/output/changelog/. ``antsibull-changelog release`` in the checkout makes the real one.
    """
    session.install(f"ansible-core=={CORES[NEWEST][1]}", "-r", CHANGELOG_REQUIREMENTS)
    session.run("antsibull-changelog", "lint")
    collection = _copy_collection(Path(session.create_tmp()).resolve() / "changelog")
    session.chdir(collection)
    session.run("antsibull-changelog", "release")
    output = ROOT / "tests" / "output" / "changelog"
    output.mkdir(parents=True, exist_ok=True)
    shutil.copy2(collection / "CHANGELOG.md", output / "CHANGELOG.md")
    session.log(f"changelog of the pending release: {output / 'CHANGELOG.md'}")


@nox.session(python=CORES[NEWEST][0], tags=["ci"])
def docs(session: nox.Session) -> None:
    """antsibull-docs lint-collection-docs: plugin documentation schema, markup and references."""
    session.install(f"ansible-core=={CORES[NEWEST][1]}", "-r", DOCS_REQUIREMENTS)
    session.run(
        "antsibull-docs", "lint-collection-docs", "--plugin-docs",
        "--validate-collection-refs", "all", "--disallow-unknown-collection-refs", str(ROOT),
    )  # fmt: skip


def _copy_collection(parent: Path) -> Path:
    """Copy the files git knows to parent/ansible_collections/iniplus/inventory, replacing an old copy."""
    if parent.exists():
        shutil.rmtree(parent)
    collection = parent / "ansible_collections" / "iniplus" / "inventory"
    listing = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    ).stdout.decode()
    for name in filter(None, listing.split("\0")):
        source = ROOT / name
        if source.is_file() or source.is_symlink():  # skip files deleted but not yet committed
            (collection / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, collection / name, follow_symlinks=False)
    # Its own (empty) repository: tools that list files with git would otherwise find the checkout's,
    # in which the copy under .nox/ is ignored.
    subprocess.run(["git", "init", "--quiet", str(collection)], check=True)
    return collection


def _install_pip_bootstrap_shim(session: nox.Session, home: Path) -> None:
    """Put the stand-in for ansible-test's get-pip script where it caches that script, under ``home``."""
    package = session.run("python", "-c", "import ansible_test; print(ansible_test.__path__[0])", silent=True)
    requirements = Path(str(package).strip()) / "_internal" / "python_requirements.py"
    match = re.search(r"\bpip='(\d+(?:\.\d+)*)'", requirements.read_text())
    if match is None:
        session.error("cannot tell which pip ansible-test bootstraps; update _install_pip_bootstrap_shim")
    cache = home / ".ansible" / "test" / "cache"
    cache.mkdir(parents=True, exist_ok=True)
    (cache / f"get_pip_{match.group(1).replace('.', '_')}.py").write_text(_PIP_BOOTSTRAP_SHIM)


@nox.session(python=CORES[NEWEST][0], tags=["ci"])
def review(session: nox.Session) -> None:
    """check and diff of the inventory script, with the real pre-commit running the repository's hook."""
    _install_core(session, NEWEST)
    session.install("-r", "tests/requirements/review.txt")
    session.run(
        "pytest",
        "tests/integration/test_pre_commit_hook.py",
        "tests/integration/test_script_check.py",
        "tests/integration/test_script_diff.py",
        "tests/unit/plugins/module_utils/test_ini_lint.py",
        *session.posargs,
        env={"INIPLUS_REQUIRE_PRE_COMMIT": "1"},
    )


# --- peer tests: ansible-core's own INI inventory unit tests, with iniplus.inventory.ini swapped in ---

PEER_CORES = ("2.16", "2.21")
# ansible-core's unit tests of the INI inventory plugin, relative to its sdist's test/ directory.
PEER_TESTS = ("units/plugins/inventory/test_inventory.py",)


@nox.session(tags=["ci"])
@nox.parametrize(
    "python,core",
    [(CORES[core][0], core) for core in PEER_CORES],
    ids=list(PEER_CORES),
)
def peer_tests(session: nox.Session, core: str) -> None:
    """ansible-core's own INI inventory unit tests, with iniplus.inventory.ini in place of ``ini``.

    Downloads the ansible-core sdist from PyPI (``pip download --no-binary :all:``), extracts its
    ``test/units`` into this session's tmp directory and runs PEER_TESTS there with
    ``tests/peer/iniplus_peer.py`` loaded, which swaps the plugin in and fails a test that reaches
    the builtin. Nothing of ansible-core is copied into the repository.
    """
    import tarfile

    version = CORES[core][1]
    session.install(f"ansible-core=={version}", "pip", "-r", "tests/requirements/peer.txt")
    tmp = Path(session.create_tmp()).resolve()
    downloads = tmp / "sdist"
    sdists = sorted(downloads.glob(f"ansible_core-{version}.tar.gz"))
    if not sdists:
        session.run(
            "python", "-m", "pip", "download", "--quiet", "--no-binary", ":all:", "--no-deps",
            "--dest", str(downloads), f"ansible-core=={version}",
        )  # fmt: skip
        sdists = sorted(downloads.glob(f"ansible_core-{version}.tar.gz"))
    if not sdists:
        session.error(f"pip download gave no ansible_core-{version}.tar.gz")
    unpacked = tmp / f"ansible_core-{version}"
    if unpacked.exists():
        shutil.rmtree(unpacked)
    with tarfile.open(sdists[0]) as archive:
        prefix = f"ansible_core-{version}/test/units/"
        members = [member for member in archive.getmembers() if member.name.startswith(prefix)]
        archive.extractall(tmp, members=members, filter="data")
    test_root = unpacked / "test"
    # The checkout on a collections path, as ansible_collections/iniplus/inventory.
    collections = tmp / "collections"
    namespace = collections / "ansible_collections" / "iniplus"
    namespace.mkdir(parents=True, exist_ok=True)
    if not (namespace / "inventory").exists():
        os.symlink(ROOT, namespace / "inventory")
    # An empty configuration, so this checkout's pytest.ini (an ancestor of .nox/) is not used.
    config = tmp / "peer-pytest.ini"
    config.write_text("[pytest]\n")
    session.chdir(test_root)
    session.run(
        "python", "-m", "pytest", "-c", str(config), "--rootdir", str(test_root),
        "-p", "iniplus_peer", "-p", "no:cacheprovider", "-v", *PEER_TESTS, *session.posargs,
        env={
            "PYTHONPATH": os.pathsep.join([str(test_root), str(ROOT / "tests" / "peer")]),
            "ANSIBLE_COLLECTIONS_PATH": str(collections),
        },
    )  # fmt: skip


# --- mutation testing of the parser's fast paths (tests/mutation/run.py) ---------------------

MUTATION_REQUIREMENTS = "tests/requirements/mutation.txt"


@nox.session(python=CORES[NEWEST][0], tags=["ci"])
def mutation(session: nox.Session) -> None:
    """cosmic-ray over ini_words, ini_values, ini_hosts and the parser's hot loop, on 2 CPUs.

    Fails if a mutant survives that tests/mutation/equivalent.txt does not list as equivalent.
    Under CI (``CI`` set) only ini_values and ini_words are mutated, to fit about 12 minutes on
    2 CPUs; elsewhere all four targets. Options after -- go to tests/mutation/run.py, e.g.
    ``-- --modules hosts parser`` (the complete run), ``-- --all`` (every cosmic-ray operator),
    ``-- --list``, ``-- --match TEXT`` (only mutants whose key contains TEXT).
    """
    session.install(f"ansible-core=={CORES[NEWEST][1]}", "-r", TEST_REQUIREMENTS, "-r", MUTATION_REQUIREMENTS)
    session.run("python", "tests/mutation/run.py", *session.posargs)
