# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""``ini_inventory.py check``: exit codes, formats, paths, knowledge, and the plugin's own findings.

The last tests load every hand-written case and corpus file through the plugin (catching the
diagnostics it reports) and through ``check`` (in process and on the command line), and compare
code, severity, line and column of every finding.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import typing as t
from pathlib import Path

import jsonschema
import pytest
from ansible.errors import AnsibleError
from ansible.inventory.data import InventoryData
from ansible.parsing.dataloader import DataLoader
from ansible.plugins.loader import inventory_loader
from corpus import corpus_files
from inventory_snapshot import OURS

from ansible_collections.iniplus.inventory.plugins.module_utils import ini_lint
from ansible_collections.iniplus.inventory.plugins.module_utils.ini_parser import IniParseError

REPO_ROOT = Path(__file__).resolve().parents[2]
SCRIPT = REPO_ROOT / "scripts" / "ini_inventory.py"
CASES = sorted((REPO_ROOT / "tests" / "unit" / "plugins" / "cases").glob("*.ini"))
THREE_ERRORS = "[web]\nweb1\nweb2 x='open\nweb3 two words\n[db]\nd[1:3:0]\n"
TRAPS = "[web]\nweb1 enabled=yes\n"


def run(*args: str, ansible: bool = True, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The script with this Python; ``ansible=False`` runs it without site-packages (no ansible-core)."""
    flags = [] if ansible else ["-S"]
    environment = {key: value for key, value in os.environ.items() if not key.startswith("INI_INVENTORY")}
    return subprocess.run(
        [sys.executable, *flags, str(SCRIPT), *args],
        capture_output=True,
        text=True,
        env=environment,
        cwd=cwd,
        check=False,
    )


@pytest.fixture
def inventories(tmp_path: Path) -> dict[str, Path]:
    files = {"broken": THREE_ERRORS, "traps": TRAPS, "clean": "[web]\nweb1\n"}
    paths = {}
    for name, text in files.items():
        paths[name] = tmp_path / f"{name}.ini"
        paths[name].write_text(text)
    return paths


def test_github_format_on_three_errors_prints_three_annotations_and_exits_1(
    inventories: dict[str, Path],
) -> None:
    result = run("check", "--format", "github", str(inventories["broken"]))
    assert result.returncode == 1, result.stderr
    annotations = result.stdout.splitlines()
    assert len(annotations) == 3
    assert all(line.startswith(f"::error file={inventories['broken']},") for line in annotations)
    assert [line.split(",")[1:3] for line in annotations] == [
        ["line=3", "col=8"],
        ["line=4", "col=6"],
        ["line=6", "col=1"],
    ]
    assert result.stderr == ""


@pytest.mark.parametrize(
    ("names", "options", "status"),
    [
        (["clean"], [], 0),
        (["traps"], [], 0),
        (["traps"], ["--strict"], 1),
        (["traps"], ["--strict", "--ignore", "boolean-string"], 0),
        (["broken"], [], 1),
        (["clean", "broken"], [], 1),
        (["broken"], ["--select", "boolean-string"], 0),
        (["clean"], ["--format", "yaml"], 2),
        (["clean"], ["--select", "Not A Code"], 2),
    ],
)
def test_exit_status(inventories: dict[str, Path], names: list[str], options: list[str], status: int) -> None:
    result = run("check", *options, *(str(inventories[name]) for name in names))
    assert result.returncode == status, result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_typing_follows_the_plugins_environment_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "hosts.ini"
    source.write_text("[web]\nweb1 version=1.10\n")
    assert "surprising-number" in run("check", str(source)).stdout
    monkeypatch.setenv("ANSIBLE_INIPLUS_TYPING", "string")
    assert run("check", "--strict", str(source)).returncode == 0
    assert run("check", "--strict", "--typing", "literal_eval", str(source)).returncode == 1
    monkeypatch.setenv("ANSIBLE_INIPLUS_TYPING", "bogus")
    refused = run("check", str(source))
    assert refused.returncode == 2 and "ANSIBLE_INIPLUS_TYPING" in refused.stderr


def test_a_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    result = run("check", str(tmp_path / "nope.ini"))
    assert result.returncode == 2
    assert "no such file or directory" in result.stderr and result.stdout == ""


def test_text_output_and_summary(inventories: dict[str, Path]) -> None:
    result = run("check", str(inventories["traps"]), str(inventories["broken"]))
    assert f"{inventories['traps']}:2:14: warning[boolean-string]:" in result.stdout
    assert f"{inventories['broken']}:6:1: error[bad-host-range]:" in result.stdout
    assert result.stdout.splitlines()[-1] == "3 errors and 1 warning in 2 of 2 files"


def test_json_through_the_command_line_is_what_ini_lint_gives(inventories: dict[str, Path]) -> None:
    paths = [str(inventories[name]) for name in ("broken", "traps")]
    result = run("check", "--format", "json", *paths)
    expected = [ini_lint.check_source(Path(path).read_bytes(), path) for path in paths]
    assert json.loads(result.stdout) == ini_lint.as_records(expected)


def test_silencing_comment_through_the_command_line(tmp_path: Path) -> None:
    source = tmp_path / "hosts"
    source.write_text("[web]\nweb1 enabled=yes # iniplus: ignore[boolean-string]\n")
    result = run("check", "--strict", str(source))
    assert (result.returncode, result.stdout) == (0, "")


def test_directories_are_searched_for_inventories(tmp_path: Path) -> None:
    for relative in ("a.ini", "site/hosts", "site/inventory", "site/b.ini", "z/c.ini"):
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text("[web]\nweb1 enabled=yes\n")
    for ignored in ("group_vars/all.ini", ".git/x.ini", ".hidden.ini", "README.txt", "site/hosts.yml"):
        (tmp_path / ignored).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / ignored).write_text("not: [an inventory\n")
    result = run("check", "--format", "json", str(tmp_path))
    files = [Path(record["file"]).relative_to(tmp_path).as_posix() for record in json.loads(result.stdout)]
    assert files == ["a.ini", "site/b.ini", "site/hosts", "site/inventory", "z/c.ini"]


def test_version_and_verbose_say_which_knowledge_is_used(inventories: dict[str, Path]) -> None:
    with_core = run("--version")
    assert with_core.returncode == 0
    assert "ansible_* knowledge: plugin knowledge: ansible-core " in with_core.stdout
    without_core = run("--version", ansible=False)
    assert "ansible_* knowledge: built-in set of ansible_* variables" in without_core.stdout
    verbose = run("check", "-v", str(inventories["clean"]), ansible=False)
    assert "built-in set of ansible_* variables" in verbose.stderr
    assert f"parser from {REPO_ROOT}" in verbose.stderr


def test_knowledge_changes_findings_only_where_the_plugin_knows_more(tmp_path: Path) -> None:
    source = tmp_path / "hosts.ini"
    source.write_text("[web]\nweb1 ansible_port=70000\n")
    with_core = json.loads(run("check", "--format", "json", str(source)).stdout)
    without_core = json.loads(run("check", "--format", "json", str(source), ansible=False).stdout)
    assert [record["code"] for record in with_core] == ["invalid-value"]
    assert without_core == []


BROKEN_FIXTURES = [
    REPO_ROOT / "tests" / "integration" / "fixtures" / "broken.ini",
    *(path for path in CASES if path.name in {"many_errors.ini", "cycle.ini", "unhashable_value.ini"}),
]
SARIF_SCHEMA = REPO_ROOT / "tests" / "unit" / "plugins" / "module_utils" / "data" / "sarif-schema-2.1.0.json"


@pytest.mark.parametrize("output_format", ["text", "json", "github", "sarif"])
def test_each_format_on_the_broken_fixtures(output_format: str) -> None:
    paths = [str(path) for path in BROKEN_FIXTURES]
    result = run("check", "--format", output_format, *paths)
    assert result.returncode == 1, result.stderr
    expected = [ini_lint.check_source(Path(path).read_bytes(), path) for path in paths]
    count = sum(len(found.diagnostics) for found in expected)
    assert count >= len(paths)
    if output_format == "text":
        assert result.stdout == ini_lint.format_text(expected)
    elif output_format == "json":
        assert len(json.loads(result.stdout)) == count
    elif output_format == "github":
        assert len([line for line in result.stdout.splitlines() if line.startswith("::error ")]) == count
    else:
        schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
        log = json.loads(result.stdout)
        jsonschema.validators.validator_for(schema)(schema).validate(log)
        assert len(log["runs"][0]["results"]) == count
        assert log["runs"][0]["tool"]["driver"]["version"]


# --- the plugin and check report the same --------------------------------------------------

Finding = tuple[str, str, int, int]


def _findings(diagnostics: t.Iterable[t.Any]) -> list[Finding]:
    return sorted((d.code, d.severity, d.line, d.column) for d in diagnostics)


def through_the_plugin(path: str, monkeypatch: pytest.MonkeyPatch) -> list[Finding] | None:
    """What the plugin reports for ``path``: its errors, or the warnings it hands to its policy."""
    plugin = inventory_loader.get(OURS)
    module = sys.modules[type(plugin).__module__]
    reported: list[t.Any] = []
    real_parse = module.parse_ini

    def parse_ini(*args: t.Any, **kwargs: t.Any) -> t.Any:
        try:
            return real_parse(*args, **kwargs)
        except IniParseError as error:
            reported.extend(error.diagnostics)
            raise

    def apply_diagnostics_policy(diagnostics: t.Any, mode: str, warn: t.Any) -> None:
        reported.extend(diagnostics)

    monkeypatch.setattr(module, "parse_ini", parse_ini)
    monkeypatch.setattr(module, "apply_diagnostics_policy", apply_diagnostics_policy)
    inventory = InventoryData()
    inventory.current_source = path
    try:
        plugin.parse(inventory, DataLoader(), path, cache=False)
    except AnsibleError:
        if not reported or reported[0].severity != "error":
            return None  # refused while populating Ansible's objects, after the diagnostics
    return _findings(reported)


SOURCES = [str(path) for path in CASES] + corpus_files()


@pytest.mark.parametrize("path", SOURCES, ids=lambda path: Path(path).name)
def test_the_plugin_and_check_report_the_same(path: str, monkeypatch: pytest.MonkeyPatch) -> None:
    plugin = through_the_plugin(path, monkeypatch)
    if plugin is None:
        pytest.skip("refused by Ansible's objects while populating, not by a diagnostic")
    checked = ini_lint.check_source(Path(path).read_bytes(), path)
    assert _findings(checked.diagnostics) == plugin


def test_the_command_line_reports_what_the_plugin_reports(monkeypatch: pytest.MonkeyPatch) -> None:
    result = run("check", "--format", "json", *SOURCES)
    assert result.returncode in (0, 1), result.stderr
    by_file: dict[str, list[Finding]] = {path: [] for path in SOURCES}
    for record in json.loads(result.stdout):
        by_file[record["file"]].append((record["code"], record["severity"], record["line"], record["column"]))
    compared = 0
    for path in SOURCES:
        plugin = through_the_plugin(path, monkeypatch)
        if plugin is not None:
            assert sorted(by_file[path]) == plugin, path
            compared += 1
    assert compared >= len(CASES) - 2
