# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The real ``ansible-inventory`` and ``ansible-playbook`` with only one inventory plugin enabled.

Each inventory is read twice: by iniplus.inventory.ini, compared with a golden file (catches
regressions), and by ansible.builtin.ini, compared with ours (catches infidelity). Goldens are
rewritten with ``python -m pytest tests/integration --write-golden`` on ansible-core 2.19+.

A parse failure fails the command (ANSIBLE_INVENTORY_UNPARSED_FAILED), so a plugin that
cannot read a file never passes by leaving an empty inventory. The tools run from the venv
of the interpreter that runs pytest, with an empty ansible.cfg so no local configuration leaks in.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import typing as t
from pathlib import Path

import pytest
from ansible.release import __version__ as ansible_core_version
from ansible_cli import tool_path
from repo_paths import REPO_ROOT

pytestmark = pytest.mark.integration

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
GOLDEN = HERE / "golden"
EXAMPLE = REPO_ROOT / "examples" / "hosts.ini"

OURS = "iniplus.inventory.ini"
BUILTIN = "ini"
CORE = tuple(int(part) for part in ansible_core_version.split(".")[:2])
# ansible-core 2.19 brought data tagging: trusted templates, and untrusted values marked in --list.
HAS_TRUST = CORE >= (2, 19)

# Inventories read with --list; each has golden/<name>.list.json.
LISTED = ["topology.ini", "values.ini", "legacy_types.ini", "odd_syntax.ini"]
# On ansible-core < 2.19 the builtin keeps sets, complex numbers, Ellipsis and nested bytes,
# which its own --list cannot serialise; we give the 2.19+ values (docs/differences.md).
LEGACY_TYPES = {"legacy_types.ini"}


# --- running the tools ----------------------------------------------------------------------
@pytest.fixture(scope="session")
def ansible_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    home = tmp_path_factory.mktemp("ansible-home")
    config = home / "ansible.cfg"
    config.write_text("# empty: the tests set what they need through the environment\n")
    env = {key: value for key, value in os.environ.items() if not key.startswith("ANSIBLE_")}
    # pytest-ansible links the checkout into collections/ and exports the path; keep it.
    collections = os.environ.get("ANSIBLE_COLLECTIONS_PATH") or str(REPO_ROOT / "collections")
    env.update(
        ANSIBLE_COLLECTIONS_PATH=collections,
        ANSIBLE_CONFIG=str(config),
        ANSIBLE_HOME=str(home),
        ANSIBLE_LOCAL_TEMP=str(home / "tmp"),
        ANSIBLE_NOCOLOR="1",
        ANSIBLE_STDOUT_CALLBACK="default",
        ANSIBLE_INVENTORY_UNPARSED_FAILED="true",
    )
    return env


_RUNS: dict[tuple[str, ...], subprocess.CompletedProcess[str]] = {}


def run(env: dict[str, str], plugin: str, tool: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run ``tool`` with only ``plugin`` enabled; each command line runs once per session."""
    key = (plugin, tool, *args)
    if key not in _RUNS:
        _RUNS[key] = subprocess.run(
            [tool_path(tool), *args],
            env=dict(env, ANSIBLE_INVENTORY_ENABLED=plugin),
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
    return _RUNS[key]


def inventory_list(env: dict[str, str], plugin: str, path: Path) -> dict[str, t.Any]:
    result = run(env, plugin, "ansible-inventory", "-i", str(path), "--list")
    assert result.returncode == 0, f"{plugin} failed on {path.name}:\n{result.stderr}"
    listing = json.loads(result.stdout)
    # Which output profile 2.19+ used says nothing about the inventory.
    listing.get("_meta", {}).pop("profile", None)
    return listing


def inventory_graph(env: dict[str, str], plugin: str, path: Path) -> str:
    result = run(env, plugin, "ansible-inventory", "-i", str(path), "--graph")
    assert result.returncode == 0, f"{plugin} failed on {path.name}:\n{result.stderr}"
    return result.stdout


# --- goldens --------------------------------------------------------------------------------
def _without_trust_markers(value: t.Any) -> t.Any:
    """What a 2.19+ listing looks like on an older core: no ``{"__ansible_unsafe": ...}``."""
    if isinstance(value, dict):
        if list(value) == ["__ansible_unsafe"]:
            return value["__ansible_unsafe"]
        return {key: _without_trust_markers(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_without_trust_markers(item) for item in value]
    return value


def _check_golden(actual: t.Any, golden: Path, write: bool) -> None:
    if write:
        if not HAS_TRUST:
            pytest.fail("write goldens on ansible-core 2.19 or later: they hold its trust markers")
        if isinstance(actual, str):
            golden.write_text(actual, encoding="utf-8")
        else:
            golden.write_text(
                json.dumps(actual, indent=4, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8"
            )
        return
    assert golden.exists(), f"no golden file {golden.name}: run pytest tests/integration --write-golden"
    if isinstance(actual, str):
        assert actual == golden.read_text(encoding="utf-8")
        return
    expected = json.loads(golden.read_text(encoding="utf-8"))
    if not HAS_TRUST:
        expected = _without_trust_markers(expected)
    assert actual == expected


# --- ansible-inventory ----------------------------------------------------------------------
def test_graph_of_example_matches_golden(ansible_env: dict[str, str], write_golden: bool) -> None:
    graph = inventory_graph(ansible_env, OURS, EXAMPLE)
    _check_golden(graph, GOLDEN / "example_hosts.graph.txt", write_golden)


def test_graph_of_example_matches_builtin(ansible_env: dict[str, str]) -> None:
    assert inventory_graph(ansible_env, OURS, EXAMPLE) == inventory_graph(ansible_env, BUILTIN, EXAMPLE)


@pytest.mark.parametrize("name", LISTED)
def test_list_matches_golden(name: str, ansible_env: dict[str, str], write_golden: bool) -> None:
    listing = inventory_list(ansible_env, OURS, FIXTURES / name)
    _check_golden(listing, GOLDEN / f"{Path(name).stem}.list.json", write_golden)


@pytest.mark.parametrize("name", LISTED)
def test_list_matches_builtin(name: str, ansible_env: dict[str, str]) -> None:
    if name in LEGACY_TYPES and not HAS_TRUST:
        pytest.skip(
            "ansible-core < 2.19: the builtin keeps sets, complex numbers, Ellipsis and nested bytes, "
            "which its own --list cannot serialise; we give the 2.19+ values (docs/differences.md)"
        )
    path = FIXTURES / name
    assert inventory_list(ansible_env, OURS, path) == inventory_list(ansible_env, BUILTIN, path)


def test_errors_name_file_lines_and_columns(ansible_env: dict[str, str]) -> None:
    path = FIXTURES / "broken.ini"
    ours = run(ansible_env, OURS, "ansible-inventory", "-i", str(path), "--list")
    assert ours.returncode != 0
    output = ours.stdout + ours.stderr
    assert "Traceback" not in output
    # Older cores wrap warnings at 79 columns; compare with the blanks taken out.
    squeezed = "".join(ours.stderr.split())
    for line, column in ((3, 11), (5, 1)):
        where = "".join(f"{path}:{line}:{column}:".split())
        assert where in squeezed, f"{path.name}:{line}:{column} not in:\n{ours.stderr}"
    assert "Noclosingquotation" in squeezed
    assert "stepofzero" in squeezed
    # The builtin rejects the file too (it reports only the first error).
    builtin = run(ansible_env, BUILTIN, "ansible-inventory", "-i", str(path), "--list")
    assert builtin.returncode != 0


# --- ansible-playbook -----------------------------------------------------------------------
_TASK = re.compile(r"^TASK \[(?P<name>[^\]]*)\] \**$", re.MULTILINE)


def _task_results(stdout: str) -> dict[str, list[str]]:
    """Per task of the default callback's output, its ``ok: [h1]``-style result lines."""
    headers = list(_TASK.finditer(stdout))
    ends = [header.start() for header in headers[1:]] + [len(stdout)]
    results = {}
    for header, end in zip(headers, ends, strict=True):
        body = stdout[header.end() : end]
        results[header["name"]] = [line for line in body.splitlines() if re.match(r"^\w+: \[", line)]
    return results


@pytest.fixture(params=[OURS, BUILTIN], ids=["ours", "builtin"])
def playbook_run(
    request: pytest.FixtureRequest, ansible_env: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    """playbook.yml on playbook_hosts.ini; with the builtin, it shows what the assertions mirror."""
    return run(
        ansible_env,
        request.param,
        "ansible-playbook",
        "-i",
        str(FIXTURES / "playbook_hosts.ini"),
        str(FIXTURES / "playbook.yml"),
        "-e",
        f"check_canary={HAS_TRUST}",
    )


def test_playbook_sees_typed_values_and_renders_templates(
    playbook_run: subprocess.CompletedProcess[str],
) -> None:
    assert playbook_run.returncode == 0, playbook_run.stdout + playbook_run.stderr
    tasks = _task_results(playbook_run.stdout)
    for name in ("Types: scalars", "Types: collections", "Types: a templated value renders"):
        assert sorted(tasks[name]) == ["ok: [h1]", "ok: [h2]"], playbook_run.stdout


@pytest.mark.skipif(
    not HAS_TRUST,
    reason="ansible-core < 2.19 has no template trust: both plugins render b'{{ 7*6 }}' to '42'",
)
def test_playbook_does_not_render_untrusted_values(playbook_run: subprocess.CompletedProcess[str]) -> None:
    assert playbook_run.returncode == 0, playbook_run.stdout + playbook_run.stderr
    tasks = _task_results(playbook_run.stdout)
    assert sorted(tasks["Canary: a b'' value is not trusted and stays literal"]) == ["ok: [h1]", "ok: [h2]"]
