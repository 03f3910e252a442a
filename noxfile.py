# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Sessions for the collection. Start them through ``python3 dev.py`` on a fresh machine.

* ``demo``: ``ansible-inventory --graph`` of examples/hosts.ini through iniplus.inventory.ini.
* ``lint``: ruff (lint and format check) and mypy --strict on the parser.
* ``tests(core=X)``: the whole pytest suite on ansible-core X; ``-s tests`` runs all six.
* tag ``ci`` (``python3 dev.py test``): lint plus the test matrix that CI runs.
"""

from __future__ import annotations

import os
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


def _link_collection(session: nox.Session) -> Path:
    """Put the checkout on a collections path as ansible_collections/iniplus/inventory."""
    collections = Path(session.virtualenv.location) / "collections"
    namespace = collections / "ansible_collections" / "iniplus"
    namespace.mkdir(parents=True, exist_ok=True)
    link = namespace / "inventory"
    if not link.exists():
        os.symlink(ROOT, link)
    return collections
