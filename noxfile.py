# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Sessions for the collection. Start them through ``python3 dev.py`` on a fresh machine.

The sessions community collections share come from antsibull-nox (configured in antsibull-nox.toml):

* ``lint``: formatters (ruff format), codeqa (ruff check), yamllint (YAML files, plugin DOCUMENTATION and
  EXAMPLES), typing (mypy against ansible-core) and antsibull-nox-config.
* ``docs-check``, ``license-check`` (reuse lint and per-file headers), ``extra-checks``,
  ``build-import-check`` (ansible-galaxy collection build and galaxy-importer).

Written here, for what antsibull-nox does not do for this collection:

* ``demo``: ``ansible-inventory --graph`` of examples/hosts.ini through iniplus.inventory.ini.
* ``tests(X)``: the whole pytest suite on ansible-core X; ``-s tests`` runs all six.
* ``sanity-X``: ansible-test sanity from ansible-core X without containers (``--local``), for each of the
  six; ``sanity`` runs those CI runs (the oldest and newest core).
* ``units-X``: ansible-test units from ansible-core X without containers; ``units`` runs 2.16 and 2.21.
* ``changelog``: antsibull-changelog lint, and the changelog of the pending release (tests/output/changelog/).
* ``review``: the inventory script's check and diff, with the real pre-commit running the repository's hook.
* ``peer_tests(X)``: ansible-core's own INI inventory unit tests with iniplus.inventory.ini swapped in.
* ``benchmark``: both INI plugins on synthetic inventories.
* tag ``ci`` (``python3 dev.py test``): everything CI runs; ``ecosystem`` pulls in the antsibull-nox sessions.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import antsibull_nox
import nox
from antsibull_nox.sessions import prepare_collections

ROOT = Path(__file__).resolve().parent
nox.options.default_venv_backend = "uv|virtualenv"
nox.options.reuse_existing_virtualenvs = True
nox.options.error_on_external_run = True

antsibull_nox.load_antsibull_nox_toml()

# ansible-core release -> (Python it is tested on, pinned version). The range itself (2.16 and later) is
# meta/runtime.yml's requires_ansible; the patch pins keep every run reproducible.
CORES = {
    "2.16": ("3.11", "2.16.19"),
    "2.17": ("3.11", "2.17.14"),
    "2.18": ("3.12", "2.18.19"),
    "2.19": ("3.12", "2.19.14"),
    "2.20": ("3.13", "2.20.10"),
    "2.21": ("3.13", "2.21.5"),
}
OLDEST, NEWEST = "2.16", "2.21"
# ansible-test sanity runs on every core (sanity-X); CI runs it on these (see README, "Development").
SANITY_IN_CI = (OLDEST, NEWEST)
UNITS_CORES = (OLDEST, NEWEST)
TEST_REQUIREMENTS = "tests/requirements/test.txt"
CHANGELOG_REQUIREMENTS = "tests/requirements/changelog.txt"


def _install_core(session: nox.Session, core: str) -> None:
    session.install(f"ansible-core=={CORES[core][1]}", "-r", TEST_REQUIREMENTS)


@nox.session(
    python=False,
    tags=["ci"],
    requires=["lint", "docs-check", "license-check", "extra-checks", "build-import-check", "ansible-lint"],
)
def ecosystem(session: nox.Session) -> None:
    """The antsibull-nox sessions CI runs (every one of the ``requires`` above)."""


@nox.session(python=CORES[NEWEST][0])
def demo(session: nox.Session) -> None:
    """Show the shipped example inventory as the plugin reads it."""
    session.install(f"ansible-core=={CORES[NEWEST][1]}", "-r", "requirements.txt")
    # A copy of the collection in the venv's site-packages, where ansible-core finds it.
    prepare_collections(session, install_in_site_packages=True)
    env = {"ANSIBLE_CONFIG": str(ROOT / "examples" / "ansible.cfg")}
    session.run("ansible-inventory", "-i", str(ROOT / "examples" / "hosts.ini"), "--graph", "--vars", env=env)


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
    # voluptuous is a declared requirement (requirements.txt): the plugin validates with it by default,
    # so the load measured here is the one users get.
    session.install(f"ansible-core=={CORES[NEWEST][1]}", "matplotlib==3.10.8", "voluptuous==0.16.0")
    session.run("python", "benchmarks/run.py", *session.posargs)


# --- ansible-test without containers: sanity on every core, units on the oldest and newest ---------

# ansible-test bootstraps pip into each sanity venv with a get-pip script downloaded from a host outside
# the package index, which this project's machines cannot reach. This stand-in gives the same result:
# pip from the standard library's ensurepip, then the pip version ansible-test asked for from the index.
_PIP_BOOTSTRAP_SHIM = """\
\"\"\"Stand-in for ansible-test's get-pip bootstrap script (written by the iniplus noxfile).\"\"\"
import ensurepip
import os
import subprocess
import sys

# ensurepip points PIP_CONFIG_FILE at os.devnull in this process; the install below must see the
# machine's pip configuration (index, certificates) like any other pip run.
environment = dict(os.environ)
ensurepip.bootstrap()
args = [arg for arg in sys.argv[1:] if arg not in ("--no-setuptools", "--no-wheel")]
sys.exit(subprocess.call([sys.executable, "-m", "pip", "install", *args], env=environment))
"""


def _ansible_test(session: nox.Session, core: str, *args: str) -> None:
    """Run ansible-test from ansible-core ``core`` on a copy of the collection, without containers.

    antsibull-nox copies the files git knows to a temporary ansible_collections/iniplus/inventory.
    ansible-test keeps the venvs of the sanity tests under HOME: that is this session's venv, so
    they are reused across runs and the user's own ~/.ansible is not touched; pip's download cache
    is the user's.
    """
    python, version = CORES[core]
    session.install(f"ansible-core=={version}", "pip")
    home = Path(session.virtualenv.location) / "home"
    _install_pip_bootstrap_shim(session, home)
    _share_pip_cache(home)
    collections = prepare_collections(session, install_in_site_packages=False, install_out_of_tree=True)
    if collections is None:
        session.error("could not copy the collection for ansible-test")
    session.chdir(collections.current_path)
    session.run(
        "ansible-test", *args, "--python", python, "--local", "--requirements", "--color", "no",
        *session.posargs,
        env={"HOME": str(home)},
    )  # fmt: skip


def _add_ansible_test_sessions(command: str, cores: tuple[str, ...], in_ci: tuple[str, ...]) -> None:
    """One session per core (``sanity-2.16``), and a meta session (``sanity``) for the cores CI runs."""
    for core in cores:

        def run(session: nox.Session, core: str = core) -> None:
            _ansible_test(session, core, command)

        run.__doc__ = f"ansible-test {command} from ansible-core {core} (ansible-test options after --)."
        nox.session(name=f"{command}-{core}", python=CORES[core][0])(run)

    def meta(session: nox.Session) -> None:
        pass  # the work is done by the required sessions

    meta.__doc__ = f"ansible-test {command} on ansible-core {', '.join(in_ci)} (what CI runs)."
    required = [f"{command}-{core}" for core in in_ci]
    nox.session(name=command, python=False, tags=["ci"], requires=required)(meta)


# Sanity on every core; CI runs the oldest and newest (each core takes several minutes on 2 CPUs, see
# README "Development"). Exceptions are in tests/sanity/ignore-X.txt.
_add_ansible_test_sessions("sanity", tuple(CORES), SANITY_IN_CI)
_add_ansible_test_sessions("units", UNITS_CORES, UNITS_CORES)


def _share_pip_cache(home: Path) -> None:
    """Let pip under ``home`` use the user's pip cache: ansible-test passes pip no cache setting but HOME."""
    user_cache = Path.home() / ".cache" / "pip"
    cache = home / ".cache" / "pip"
    if not cache.exists() and not cache.is_symlink():
        user_cache.mkdir(parents=True, exist_ok=True)
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.symlink_to(user_cache)


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


# --- changelog (antsibull-nox has no session for it) ------------------------------------------------


@nox.session(python=CORES[NEWEST][0], tags=["ci"])
def changelog(session: nox.Session) -> None:
    """antsibull-changelog lint on the fragments, then the changelog of the pending release.

    The fragments stay unreleased in the checkout: the release is made on a copy and its CHANGELOG.md
    written to tests/output/changelog/. ``antsibull-changelog release`` in the checkout makes the real one.
    """
    session.install(f"ansible-core=={CORES[NEWEST][1]}", "-r", CHANGELOG_REQUIREMENTS)
    session.run("antsibull-changelog", "lint")
    collections = prepare_collections(session, install_in_site_packages=False, install_out_of_tree=True)
    if collections is None:
        session.error("could not copy the collection for antsibull-changelog")
    session.chdir(collections.current_path)
    session.run("antsibull-changelog", "release")
    output = ROOT / "tests" / "output" / "changelog"
    output.mkdir(parents=True, exist_ok=True)
    shutil.copy2(collections.current_path / "CHANGELOG.md", output / "CHANGELOG.md")
    session.log(f"changelog of the pending release: {output / 'CHANGELOG.md'}")


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
    # A copy of the collection on a collections path, as ansible_collections/iniplus/inventory.
    collections = prepare_collections(session, install_in_site_packages=False, install_out_of_tree=True)
    if collections is None:
        session.error("could not copy the collection for the peer tests")
    # An empty configuration, so this checkout's pytest.ini (an ancestor of .nox/) is not used.
    config = tmp / "peer-pytest.ini"
    config.write_text("[pytest]\n")
    session.chdir(test_root)
    session.run(
        "python", "-m", "pytest", "-c", str(config), "--rootdir", str(test_root),
        "-p", "iniplus_peer", "-p", "no:cacheprovider", "-v", *PEER_TESTS, *session.posargs,
        env={
            "PYTHONPATH": os.pathsep.join([str(test_root), str(ROOT / "tests" / "peer")]),
            "ANSIBLE_COLLECTIONS_PATH": str(collections.current_place),
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
