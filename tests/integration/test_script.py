# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The dynamic-inventory script describes the inventory that iniplus.inventory.ini builds.

Three comparisons, each on every corpus file the builtin accepts:

* in process: ``to_inventory_json`` of the parsed file against the inventory our plugin builds,
  written as ``ansible-inventory --list --export`` and ``--list`` would write it;
* Ansible's ``script`` inventory plugin running ``scripts/ini_inventory.py`` builds the same
  inventory as our plugin;
* ``INI_INVENTORY_SOURCE=FILE ini_inventory.py --list`` against the real ``ansible-inventory -i
  FILE --list`` (its code, forked once per file, so that ansible is imported once).

What is normalised before comparing (``normalise``):

* ``inventory_file`` and ``inventory_dir`` (Ansible's own) and ``_meta.profile`` are dropped;
* keys with empty values, hosts without variables and groups left empty are dropped, as
  ``ansible-inventory`` drops them; ``all`` loses its ``hosts`` (the CLI never lists them);
* without ``--export`` the CLI prints each host's variables merged with its groups' (by group
  depth, priority and name, hash_behaviour=replace) and no group variables: the script's
  output is merged the same way (``flatten``) before comparing;
* values go through a JSON round trip, NaN and infinities as strings so that they compare;
* before ansible-core 2.19 the CLI writes untrusted text as plain text, so the script's
  ``{"__ansible_unsafe": text}`` is read as ``text`` there.

Host order within a group and the order of ``children`` are compared as they are, not sorted.
The script runs as ``python -S``: without site-packages, so without ansible-core.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import typing as t
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from ansible import constants as C
from ansible.inventory.data import InventoryData
from ansible.inventory.helpers import get_group_vars
from ansible.parsing.dataloader import DataLoader
from ansible.plugins.loader import inventory_loader
from ansible.utils.vars import combine_vars
from corpus import CORPUS_DIR, corpus_files
from inventory_snapshot import BUILTIN, HAS_DATA_TAGGING, OURS
from inventory_snapshot import load as load_snapshot
from repo_paths import REPO_ROOT

from ansible_collections.iniplus.inventory.plugins.module_utils.ini_export import to_inventory_json
from ansible_collections.iniplus.inventory.plugins.module_utils.ini_parser import parse_ini_file

try:
    from ansible._internal._json._profiles._inventory_legacy import Encoder as _CliEncoder

    _CLI_ENCODER_OPTIONS: dict[str, t.Any] = {}
except ImportError:  # ansible-core < 2.19
    from ansible.parsing.ajson import AnsibleJSONEncoder as _CliEncoder

    _CLI_ENCODER_OPTIONS = {"preprocess_unsafe": True}

SCRIPT = REPO_ROOT / "scripts" / "ini_inventory.py"
FIXTURES = Path(__file__).parent / "fixtures"
IGNORED_VARIABLES = frozenset({"inventory_file", "inventory_dir"})
UNSAFE = "__ansible_unsafe"
no_corpus = pytest.mark.skipif(CORPUS_DIR is None, reason="../shared/corpus is absent")


def _accepted_and_rejected() -> tuple[list[str], list[str]]:
    accepted, rejected = [], []
    for path in corpus_files():
        (rejected if load_snapshot(BUILTIN, path).rejected else accepted).append(path)
    return accepted, rejected


ACCEPTED, REJECTED = _accepted_and_rejected()


def _name(path: str) -> str:
    return Path(path).name


# --- running things ---------------------------------------------------------------------


def ansible_environment(collections_path: Path, enabled: str = OURS, **extra: str) -> dict[str, str]:
    return dict(
        os.environ,
        ANSIBLE_COLLECTIONS_PATH=str(collections_path),
        ANSIBLE_INVENTORY_ENABLED=enabled,
        ANSIBLE_INIPLUS_DIAGNOSTICS="ignore",
        ANSIBLE_NOCOLOR="1",
        **extra,
    )


def run_script(
    script: Path, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the script with a Python that has no site-packages, hence no ansible-core."""
    environment = {key: value for key, value in os.environ.items() if not key.startswith("INI_INVENTORY")}
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-S", str(script), *args],
        capture_output=True,
        text=True,
        env=environment,
        check=False,
    )


def script_list(path: str) -> dict[str, t.Any]:
    result = run_script(SCRIPT, "--list", env={"INI_INVENTORY_SOURCE": path})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def ansible_tool(name: str) -> str:
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else name


def load_inventory(plugin_name: str, path: str) -> InventoryData:
    """Load ``path`` with one inventory plugin into a fresh, reconciled inventory."""
    plugin = inventory_loader.get(plugin_name)
    inventory = InventoryData()
    inventory.current_source = path
    plugin.parse(inventory, DataLoader(), path, cache=False)
    inventory.reconcile_inventory()
    return inventory


# --- what ansible-inventory --list prints, from an inventory in this process ------------


def cli_list(inventory: InventoryData, export: bool) -> dict[str, t.Any]:
    """``ansible-inventory --list [--export]`` of ``inventory``, as InventoryCLI.json_inventory makes it.

    Vars plugins are left out: no test inventory has group_vars/ or host_vars/ beside it.
    """
    results: dict[str, t.Any] = {}
    seen: set[str] = set()

    def format_group(group: t.Any) -> None:
        entry: dict[str, t.Any] = {}
        if group.name != "all":
            entry["hosts"] = [host.name for host in group.hosts]
        entry["children"] = [child.name for child in group.child_groups]
        if export:
            variables = dict(group.get_vars())
            if group.priority != 1:
                variables["ansible_group_priority"] = group.priority
            entry["vars"] = _without_internal(variables)
        results[group.name] = {key: value for key, value in entry.items() if value}
        for child in group.child_groups:
            if child.name not in seen:
                seen.add(child.name)
                format_group(child)

    format_group(inventory.groups["all"])
    hostvars = {}
    for name, host in inventory.hosts.items():
        if export:
            variables = dict(host.get_vars())
        else:
            variables = combine_vars(get_group_vars(host.get_groups()), host.get_vars())
        hostvars[name] = _without_internal(variables)
    results["_meta"] = {"hostvars": hostvars}
    text = json.dumps(results, cls=_CliEncoder, sort_keys=True, **_CLI_ENCODER_OPTIONS)
    return json.loads(text)


def _without_internal(variables: dict[str, t.Any]) -> dict[str, t.Any]:
    return {key: value for key, value in variables.items() if key not in C.INTERNAL_STATIC_VARS}


# --- normalising both sides -------------------------------------------------------------


def normalise(document: dict[str, t.Any], *, flat: bool = False) -> dict[str, t.Any]:
    """The comparable content of an inventory-script or ansible-inventory document (see top)."""
    document = json.loads(json.dumps(document), parse_constant=str)
    if not HAS_DATA_TAGGING:
        document = _unwrap_untrusted(document)
    if flat:
        document = flatten(document)
    groups = {}
    for name, entry in document.items():
        if name == "_meta":
            continue
        kept = {
            "hosts": [] if name == "all" else entry.get("hosts", []),
            "children": entry.get("children", []),
            "vars": {} if flat else entry.get("vars", {}),
        }
        kept = {key: value for key, value in kept.items() if value}
        if kept:
            groups[name] = kept
    hostvars = {}
    for name, variables in document.get("_meta", {}).get("hostvars", {}).items():
        kept_vars = {key: value for key, value in variables.items() if key not in IGNORED_VARIABLES}
        if kept_vars:
            hostvars[name] = kept_vars
    return {"groups": groups, "hostvars": hostvars}


def flatten(document: dict[str, t.Any]) -> dict[str, t.Any]:
    """Each host's variables merged with its groups' as Ansible's VariableManager merges them."""
    groups = {name: entry for name, entry in document.items() if name != "_meta"}
    parents: dict[str, set[str]] = {name: set() for name in groups}
    for name, entry in groups.items():
        for child in entry.get("children", []):
            parents.setdefault(child, set()).add(name)
    depths: dict[str, int] = {}

    def depth(name: str) -> int:
        if name not in depths:
            depths[name] = max((depth(parent) + 1 for parent in parents.get(name, ())), default=0)
        return depths[name]

    def ancestors(name: str) -> set[str]:
        found = set()
        for parent in parents.get(name, ()):
            found |= {parent, *ancestors(parent)}
        return found

    def priority(name: str) -> int:
        return int(groups.get(name, {}).get("vars", {}).get("ansible_group_priority", 1))

    hostvars = document["_meta"]["hostvars"]
    flat: dict[str, t.Any] = {}
    for host in hostvars:
        host_groups = {"all"}
        for name, entry in groups.items():
            if host in entry.get("hosts", []):
                host_groups |= {name, *ancestors(name)}
        merged: dict[str, t.Any] = {}
        for name in sorted(host_groups, key=lambda name: (depth(name), priority(name), name)):
            group_vars = groups.get(name, {}).get("vars", {})
            merged.update({k: v for k, v in group_vars.items() if k != "ansible_group_priority"})
        merged.update(hostvars[host])
        flat[host] = merged
    return {**document, "_meta": {"hostvars": flat}}


def _unwrap_untrusted(value: t.Any) -> t.Any:
    if isinstance(value, dict):
        if set(value) == {UNSAFE}:
            return value[UNSAFE]
        return {key: _unwrap_untrusted(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_unwrap_untrusted(item) for item in value]
    return value


# --- in process, every corpus file --------------------------------------------------------


@no_corpus
@pytest.mark.parametrize("path", ACCEPTED, ids=_name)
def test_exported_json_describes_the_plugins_inventory(path: str) -> None:
    ours = to_inventory_json(parse_ini_file(path))
    inventory = load_inventory(OURS, path)
    assert normalise(ours) == normalise(cli_list(inventory, export=True))
    assert normalise(ours, flat=True) == normalise(cli_list(inventory, export=False))


@no_corpus
@pytest.mark.parametrize("path", ACCEPTED, ids=_name)
def test_script_plugin_builds_the_plugins_inventory(path: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INI_INVENTORY_SOURCE", path)
    # Ansible runs the script through its '#!/usr/bin/env python3': let that be this Python.
    monkeypatch.setenv("PATH", f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    through_script = load_inventory("ansible.builtin.script", str(SCRIPT))
    direct = load_inventory(OURS, path)
    for export in (True, False):
        assert normalise(cli_list(through_script, export)) == normalise(cli_list(direct, export))


@no_corpus
@pytest.mark.parametrize("path", REJECTED, ids=_name)
def test_script_refuses_what_the_builtin_refuses(path: str) -> None:
    result = run_script(SCRIPT, "--list", "--source", path)
    assert result.returncode == 1
    assert result.stdout == ""
    assert f"{path}:" in result.stderr
    assert "hint:" in result.stderr
    assert "Traceback" not in result.stderr


# --- the real ansible-inventory, every corpus file ------------------------------------------

# Runs ansible-inventory's own entry point for each file in a child forked after ansible is
# imported once; prints {path: --list output, or null when it failed}.
_CLI_DRIVER = r"""
import json, os, sys, tempfile
from ansible.cli.inventory import InventoryCLI
from ansible.plugins.loader import init_plugin_loader, inventory_loader
# Load the plugin (and its documentation) once, before forking, not once per child.
init_plugin_loader()
inventory_loader.get(os.environ["ANSIBLE_INVENTORY_ENABLED"])
results = {}
scratch = tempfile.mkdtemp()
for number, path in enumerate(sys.argv[1:]):
    output = os.path.join(scratch, f"{number}.json")
    pid = os.fork()
    if pid == 0:
        try:
            InventoryCLI.cli_executor(["ansible-inventory", "-i", path, "--list", "--output", output])
        finally:
            os._exit(0)
    os.waitpid(pid, 0)
    if os.path.exists(output):
        with open(output) as handle:
            results[path] = json.load(handle)
    else:
        results[path] = None
json.dump(results, sys.stdout)
"""


@pytest.mark.integration
@pytest.mark.slow
@no_corpus
@pytest.mark.skipif(not hasattr(os, "fork"), reason="the ansible-inventory driver forks")
def test_script_list_agrees_with_ansible_inventory_list(collections_path: Path) -> None:
    environment = ansible_environment(collections_path, ANSIBLE_INVENTORY_UNPARSED_FAILED="1")
    with subprocess.Popen(
        [sys.executable, "-c", _CLI_DRIVER, *ACCEPTED],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=environment,
    ) as driver:
        # The script runs meanwhile, a few files at a time.
        with ThreadPoolExecutor(max_workers=4) as pool:
            script_outputs = dict(zip(ACCEPTED, pool.map(script_list, ACCEPTED), strict=True))
        stdout, stderr = driver.communicate()
    assert driver.returncode == 0, stderr
    cli_outputs = json.loads(stdout)
    differing = []
    for path in ACCEPTED:
        assert cli_outputs[path] is not None, f"ansible-inventory failed on {path}:\n{stderr}"
        if normalise(script_outputs[path], flat=True) != normalise(cli_outputs[path]):
            differing.append(_name(path))
    assert not differing
    assert len(ACCEPTED) >= 70


# --- a few real command lines ---------------------------------------------------------------


def _examples() -> list[str]:
    chosen = [str(FIXTURES / "topology.ini"), str(FIXTURES / "values.ini")]
    complex_ini = [path for path in ACCEPTED if path.endswith("complex.ini")]
    return chosen + complex_ini


@pytest.mark.integration
@pytest.mark.parametrize("path", _examples(), ids=_name)
def test_script_list_agrees_with_ansible_inventory_cli(path: str, collections_path: Path) -> None:
    ours = script_list(path)
    environment = ansible_environment(collections_path)
    for extra, flat in ((["--export"], False), ([], True)):
        cli = subprocess.run(
            [ansible_tool("ansible-inventory"), "-i", path, "--list", *extra],
            capture_output=True,
            text=True,
            env=environment,
            check=False,
        )
        assert cli.returncode == 0, cli.stderr
        assert normalise(ours, flat=flat) == normalise(json.loads(cli.stdout))


@pytest.mark.integration
@pytest.mark.parametrize("path", _examples(), ids=_name)
def test_copied_script_as_inventory_shows_the_plugins_graph(
    path: str, collections_path: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "inventory.py"
    shutil.copy2(SCRIPT, copy)
    shutil.copy(path, tmp_path / "inventory.ini")

    def graph(source: Path, enabled: str) -> str:
        result = subprocess.run(
            [ansible_tool("ansible-inventory"), "-i", str(source), "--graph", "--vars"],
            capture_output=True,
            text=True,
            env=ansible_environment(collections_path, enabled),
            check=False,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    through_script = graph(copy, "script")
    assert "@all:" in through_script
    assert through_script == graph(tmp_path / "inventory.ini", OURS)


# --- the script's own behaviour ---------------------------------------------------------------


def test_source_option_then_environment_then_file_beside_the_script(tmp_path: Path) -> None:
    copy = tmp_path / "site.py"
    shutil.copy2(SCRIPT, copy)
    (tmp_path / "site.ini").write_text("beside\n")
    (tmp_path / "env.ini").write_text("from_env\n")
    (tmp_path / "option.ini").write_text("from_option\n")
    env = {"ANSIBLE_COLLECTIONS_PATH": "", "PYTHONPATH": ""}

    def hosts(*args: str, **extra: str) -> list[str]:
        result = run_script(copy, "--list", *args, env={**env, **extra})
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)["ungrouped"]["hosts"]

    collections = tmp_path / "c"
    (collections / "ansible_collections" / "iniplus").mkdir(parents=True)
    (collections / "ansible_collections" / "iniplus" / "inventory").symlink_to(REPO_ROOT)
    env["ANSIBLE_COLLECTIONS_PATH"] = str(collections)
    assert hosts() == ["beside"]
    assert hosts(INI_INVENTORY_SOURCE=str(tmp_path / "env.ini")) == ["from_env"]
    assert hosts(
        "--source", str(tmp_path / "option.ini"), INI_INVENTORY_SOURCE=str(tmp_path / "env.ini")
    ) == ["from_option"]


def test_copy_without_a_collection_says_where_it_looked(tmp_path: Path) -> None:
    copy = tmp_path / "inventory.py"
    shutil.copy2(SCRIPT, copy)
    (tmp_path / "inventory.ini").write_text("h1\n")
    result = run_script(
        copy,
        "--list",
        env={
            "ANSIBLE_COLLECTIONS_PATH": str(tmp_path),
            "ANSIBLE_COLLECTIONS_PATHS": "",
            "HOME": str(tmp_path),
        },
    )
    assert result.returncode == 3
    assert result.stdout == ""
    assert "ANSIBLE_COLLECTIONS_PATH" in result.stderr


def test_script_of_an_installed_collection_and_a_copy_found_through_sys_path(
    collections_path: Path, tmp_path: Path
) -> None:
    source = tmp_path / "hosts.ini"
    source.write_text("[web]\nw1\n")
    nowhere = {"ANSIBLE_COLLECTIONS_PATH": "", "ANSIBLE_COLLECTIONS_PATHS": "", "HOME": str(tmp_path)}
    installed = collections_path / "ansible_collections" / "iniplus" / "inventory" / "scripts" / SCRIPT.name
    result = run_script(installed, "--list", "--source", str(source), env=nowhere)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["web"]["hosts"] == ["w1"]
    copy = tmp_path / "elsewhere" / "inventory.py"
    copy.parent.mkdir()
    shutil.copy2(SCRIPT, copy)
    result = run_script(
        copy, "--list", "--source", str(source), env={**nowhere, "PYTHONPATH": str(collections_path)}
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["web"]["hosts"] == ["w1"]


def test_host_prints_its_variables_or_an_empty_object(tmp_path: Path) -> None:
    source = tmp_path / "hosts.ini"
    source.write_text("[web]\nw1:2222 role=front\nw2\n[web:vars]\nshared=1\n")
    first = run_script(SCRIPT, "--host", "w1", "--source", str(source))
    assert json.loads(first.stdout) == {"ansible_port": 2222, "role": "front"}
    second = run_script(SCRIPT, "--host", "w2", "--source", str(source))
    assert json.loads(second.stdout) == {}
    missing = run_script(SCRIPT, "--host", "nope", "--source", str(source))
    assert (missing.returncode, missing.stdout) == (1, "")
    assert "no host 'nope'" in missing.stderr


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "cannot read the INI inventory"),
        ("[web]\nw1 a='unclosed\n", "unclosed"),
        ("[g:children]\nnever_declared\n", "never declared"),
        ('h1 key="{(1, 2): 3}"\n', "cannot be written as JSON"),
    ],
    ids=["missing-file", "ini-error", "undeclared-child", "tuple-key"],
)
def test_bad_input_is_reported_on_stderr_only(tmp_path: Path, content: str | None, expected: str) -> None:
    source = tmp_path / "hosts.ini"
    if content is not None:
        source.write_text(content)
    result = run_script(SCRIPT, "--list", "--source", str(source))
    assert result.returncode == 1
    assert result.stdout == ""
    assert expected in result.stderr
    assert "Traceback" not in result.stderr


def test_script_imports_nothing_from_ansible() -> None:
    text = SCRIPT.read_text()
    assert "import ansible" not in text
    assert "from ansible" not in text
    assert os.access(SCRIPT, os.X_OK)
    assert text.startswith("#!/usr/bin/env python3\n")
