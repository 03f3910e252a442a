# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Benchmark iniplus.inventory.ini against ansible.builtin.ini on synthetic inventories.

    python3 dev.py nox -s benchmark                 # the documented way (pinned core, matplotlib)
    python benchmarks/run.py --sizes 10000,20000    # in any venv that has ansible-core

For each size it writes an inventory like the one in issue 3 (7 inline variables of mixed types
per host, 200 groups, some ``:vars`` and ``:children``) and measures, on the ansible-core of the
running Python, both plugins side by side (runs interleaved, so both see the same machine load):

* InventoryManager load: ``InventoryManager(loader=DataLoader(), sources=[path])`` in a fresh
  subprocess with ``ANSIBLE_INVENTORY_ENABLED`` set to only the plugin under test; median of
  ``--repeats`` runs (``--large-repeats`` for 100,000 hosts and more);
* ``ansible-inventory -i path --graph``: wall time of the whole command, median as above;
* peak memory: the maximum resident set size (``ru_maxrss``) of the load subprocess, i.e. the
  whole Python process with ansible-core imported and the inventory built, median;
* parser alone: ``parse_ini`` on the file in a subprocess that never imports ansible (checked),
  host lines per second, best of 10 (the least disturbed run).

It prints the table and writes docs/performance.md and docs/performance.png (the plot needs
matplotlib; without it only the table is written). Timings never go into the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
BUILTIN = "ansible.builtin.ini"
OURS = "iniplus.inventory.ini"
# What ANSIBLE_INVENTORY_ENABLED needs to enable each plugin on its own.
ENABLE = {BUILTIN: "ini", OURS: OURS}
# Our plugin once more with its checks off, to measure what the default diagnostics cost.
QUIET = "iniplus.inventory.ini, diagnostics = ignore"
GROUPS = 200

_LOAD_CHILD = """
import json, resource, sys, time
from ansible.plugins.loader import init_plugin_loader
init_plugin_loader()
from ansible.parsing.dataloader import DataLoader
from ansible.inventory.manager import InventoryManager
start, start_cpu = time.perf_counter(), time.process_time()
manager = InventoryManager(loader=DataLoader(), sources=[sys.argv[1]])
seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - start_cpu
inventory = manager._inventory
print(json.dumps({
    "seconds": seconds,
    "cpu_seconds": cpu_seconds,
    "hosts": len(inventory.hosts),
    "groups": len(inventory.groups),
    "max_rss_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
}))
"""

_PARSE_CHILD = """
import gc, json, sys, time
sys.path.insert(0, sys.argv[2])
from ansible_collections.iniplus.inventory.plugins.module_utils.ini_parser import parse_ini
with open(sys.argv[1], "rb") as handle:
    data = handle.read()
wall, cpu = [], []
model = None
for _ in range(10):
    # Free the previous run's model first: its teardown is not part of a parse.
    del model
    gc.collect()
    start, start_cpu = time.perf_counter(), time.process_time()
    model = parse_ini(data, sys.argv[1])
    wall.append(time.perf_counter() - start)
    cpu.append(time.process_time() - start_cpu)
print(json.dumps({
    "seconds": min(wall),
    "cpu_seconds": min(cpu),
    "host_lines": sum(1 for line in data.splitlines() if line[:4] == b"host"),
    "hosts": len(model.hosts),
    "imported_ansible": any(name == "ansible" or name.startswith("ansible.") for name in sys.modules),
}))
"""


def generate_inventory(hosts: int, seed: int = 3) -> str:
    """Shape a: N hosts with 7 inline variables each, in 200 groups; :vars on every 10th group, 20 parents."""
    rnd = random.Random(seed)
    lines = ["# synthetic inventory for benchmarks/run.py", "[all:vars]", "ansible_user=deploy", ""]
    per_group, extra = divmod(hosts, GROUPS)
    number = 0
    for group in range(GROUPS):
        lines.append(f"[group{group:03d}]")
        for _host in range(per_group + (group < extra)):
            number += 1
            lines.append(
                f"host{number:06d}.example.com"
                f" ansible_host=10.{number >> 16 & 255}.{number >> 8 & 255}.{number & 255}"
                f" ansible_port={rnd.choice((22, 2222, 2200 + number % 50))}"
                f" rack={number % 40}"
                f" weight={rnd.randint(0, 99)}.{rnd.randint(0, 9)}"
                f" enabled={rnd.choice(('True', 'False'))}"
                f" role=web{number % 9}"
                f' motd="Welcome to {{{{ inventory_hostname }}}} in rack {number % 40}"'
            )
        lines.append("")
        if group % 10 == 9:
            lines += [
                f"[group{group:03d}:vars]",
                f"http_port={8000 + group}",
                f"labels={{'tier': 'g{group}', 'zone': {group % 3}}}",
                "",
            ]
    for parent in range(GROUPS // 10):
        lines.append(f"[site{parent:02d}:children]")
        lines += [f"group{group:03d}" for group in range(parent * 10, parent * 10 + 10)]
        lines.append("")
    return "\n".join(lines)


def generate_unique_values(hosts: int, seed: int = 5) -> str:
    """Shape b: N hosts in 200 groups, every host line with values of its own and a trailing comment.

    Each line has its own ansible_host and ansible_port (unique up to 50,000 hosts, and always a
    valid port: ports above 65535 made 100,000 hosts a warning a line, which no real inventory
    is), an ansible_user, a quoted string, a float, a boolean and a two-element list, and ends
    in a ``# comment``: the per-host ``ansible_*`` variables of most real inventories, which no
    memo of repeated words helps with.
    """
    rnd = random.Random(seed)
    users = [f"user{index:02d}" for index in range(25)]
    lines = ["# synthetic inventory for benchmarks/run.py: unique values per host", ""]
    per_group, extra = divmod(hosts, GROUPS)
    number = 0
    for group in range(GROUPS):
        lines.append(f"[group{group:03d}]  # group {group}")
        for _host in range(per_group + (group < extra)):
            number += 1
            lines.append(
                f"host{number:06d}.example.com"
                f" ansible_host=10.{number >> 16 & 255}.{number >> 8 & 255}.{number & 255}"
                f" ansible_port={10000 + number % 50000}"
                f" ansible_user={rnd.choice(users)}"
                f' owner="team {rnd.randint(0, 99)} on call"'
                f" weight={rnd.randint(0, 99)}.{rnd.randint(0, 9)}{rnd.randint(1, 9)}"
                f" monitored={rnd.choice(('True', 'False'))}"
                f" labels=\"['tier{number % 9}', 'rack{number % 40}']\""
                f" # added by ticket OPS-{rnd.randint(1000, 99999)}"
            )
        lines.append("")
    return "\n".join(lines)


CHAINS = 40
CHAIN_DEPTH = 10
LISTINGS_PER_HOST = 4


def generate_deep_groups(hosts: int, seed: int = 7) -> str:
    """Shape c: every host in 4 of 400 groups, under 40 :children chains 10 deep, :vars everywhere.

    A host's variables are on its first listing; its other listings are the bare name. Every
    leaf group and every chain group has a ``:vars`` section of three variables, and each
    chain's deepest group holds ten leaf groups as children.
    """
    rnd = random.Random(seed)
    leaves = CHAINS * 10
    members: list[list[int]] = [[] for _leaf in range(leaves)]
    for number in range(1, hosts + 1):
        for listing in rnd.sample(range(leaves), LISTINGS_PER_HOST):
            members[listing].append(number)
    seen: set[int] = set()
    lines = ["# synthetic inventory for benchmarks/run.py: many groups, deep children chains", ""]
    for leaf in range(leaves):
        lines.append(f"[app{leaf:03d}]")
        for number in members[leaf]:
            if number in seen:
                lines.append(f"host{number:06d}.example.com")
                continue
            seen.add(number)
            lines.append(
                f"host{number:06d}.example.com"
                f" ansible_host=10.{number >> 16 & 255}.{number >> 8 & 255}.{number & 255}"
                f" rack={number % 40}"
            )
        lines += [
            "",
            f"[app{leaf:03d}:vars]",
            f"app_port={8000 + leaf}",
            f"app_name=app{leaf:03d}",
            f"app_tags=['leaf', 'a{leaf % 7}']",
            "",
        ]
    for chain in range(CHAINS):
        for depth in range(CHAIN_DEPTH):
            group = f"chain{chain:02d}_level{depth}"
            lines.append(f"[{group}:children]")
            if depth + 1 < CHAIN_DEPTH:
                lines.append(f"chain{chain:02d}_level{depth + 1}")
            else:
                lines += [f"app{leaf:03d}" for leaf in range(chain * 10, chain * 10 + 10)]
            lines += [
                "",
                f"[{group}:vars]",
                f"level={depth}",
                f"chain_name=chain{chain:02d}",
                f"timeout={rnd.randint(5, 60)}",
                "",
            ]
    return "\n".join(lines)


SHAPES = {
    "a": (generate_inventory, "7 inline variables per host, most repeating, 200 groups"),
    "b": (generate_unique_values, "unique values per host, a list and a trailing comment, 200 groups"),
    "c": (generate_deep_groups, "each host in 4 of 400 groups, 40 :children chains 10 deep, 800 :vars"),
}


@dataclass
class Result:
    shape: str
    hosts: int
    load: dict[str, list[float]] = field(default_factory=lambda: {BUILTIN: [], OURS: []})
    load_cpu: dict[str, list[float]] = field(default_factory=lambda: {BUILTIN: [], OURS: [], QUIET: []})
    graph: dict[str, list[float]] = field(default_factory=lambda: {BUILTIN: [], OURS: []})
    rss_mib: dict[str, list[float]] = field(default_factory=lambda: {BUILTIN: [], OURS: []})
    parser_lines_per_second: float = 0.0
    parser_lines_per_cpu_second: float = 0.0

    def median(self, what: str, plugin: str) -> float:
        return statistics.median(getattr(self, what)[plugin])


def _environment(workdir: Path, plugin: str) -> dict[str, str]:
    config = workdir / "ansible.cfg"
    config.write_text("[defaults]\n")
    environment = dict(
        os.environ,
        ANSIBLE_CONFIG=str(config),
        ANSIBLE_COLLECTIONS_PATH=str(workdir / "collections"),
        ANSIBLE_INVENTORY_ENABLED=ENABLE[OURS if plugin == QUIET else plugin],
        ANSIBLE_INIPLUS_DIAGNOSTICS="ignore" if plugin == QUIET else "warn",
        ANSIBLE_INVENTORY_UNPARSED_FAILED="true",
        ANSIBLE_NOCOLOR="1",
        # Installed Python code runs from bytecode (pip compiles it; Python caches it on first import).
        # Without this, a shell with PYTHONDONTWRITEBYTECODE set would make every run compile
        # ansible-core and the plugin from source, a cost both plugins pay and no user does.
        PYTHONPYCACHEPREFIX=str(workdir / "pycache"),
    )
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    return environment


def _link_collection(workdir: Path) -> None:
    namespace = workdir / "collections" / "ansible_collections" / "iniplus"
    namespace.mkdir(parents=True)
    (namespace / "inventory").symlink_to(ROOT, target_is_directory=True)


def measure_load(workdir: Path, plugin: str, path: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", _LOAD_CHILD, str(path)],
        env=_environment(workdir, plugin),
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"{plugin} failed to load {path}:\n{done.stderr}")
    return json.loads(done.stdout.splitlines()[-1])


def measure_graph(workdir: Path, plugin: str, path: Path) -> float:
    command = [str(Path(sys.executable).parent / "ansible-inventory"), "-i", str(path), "--graph"]
    start = time.perf_counter()
    done = subprocess.run(
        command,
        env=_environment(workdir, plugin),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"ansible-inventory --graph with {plugin} failed on {path}:\n{done.stderr}")
    return seconds


def measure_parser(workdir: Path, path: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", _PARSE_CHILD, str(path), str(workdir / "collections")],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.splitlines()[-1])


def run(shapes: list[str], sizes: list[int], repeats: int, large_repeats: int, workdir: Path) -> list[Result]:
    _link_collection(workdir)
    results = []
    for shape, hosts in [(shape, hosts) for shape in shapes for hosts in sizes]:
        path = workdir / f"hosts-{shape}-{hosts}.ini"
        path.write_text(SHAPES[shape][0](hosts), encoding="utf-8")
        result = Result(shape, hosts)
        rounds = large_repeats if hosts >= 100_000 else repeats
        for plugin in (BUILTIN, OURS):
            measure_graph(workdir, plugin, path)  # unmeasured: fills the bytecode cache and the page cache
        for round_number in range(rounds):
            # Alternate which plugin goes first so that neither always gets the warmer machine.
            plugins = (BUILTIN, OURS) if round_number % 2 == 0 else (OURS, BUILTIN)
            # Our plugin with diagnostics off runs next to the default, before or after it.
            loads = (BUILTIN, QUIET, OURS) if round_number % 2 == 0 else (OURS, QUIET, BUILTIN)
            loaded = {}
            for plugin in loads:
                loaded[plugin] = measure_load(workdir, plugin, path)
                result.load_cpu[plugin].append(loaded[plugin]["cpu_seconds"])
                if plugin != QUIET:
                    result.load[plugin].append(loaded[plugin]["seconds"])
                    result.rss_mib[plugin].append(loaded[plugin]["max_rss_kib"] / 1024)
            if len({loaded[plugin]["hosts"] for plugin in loads} | {hosts}) != 1:
                raise SystemExit(f"host counts differ: {loaded}")
            for plugin in plugins:
                result.graph[plugin].append(measure_graph(workdir, plugin, path))
        parsed = measure_parser(workdir, path)
        if parsed["imported_ansible"]:
            raise SystemExit("the parser imported ansible: parser-only numbers would be wrong")
        result.parser_lines_per_second = parsed["host_lines"] / parsed["seconds"]
        result.parser_lines_per_cpu_second = parsed["host_lines"] / parsed["cpu_seconds"]
        results.append(result)
        print(f"shape {shape}: " + _row(result), flush=True)
        print(f"shape {shape}: " + _cpu_row(result), flush=True)
    return results


HEADER = (
    "| hosts | load builtin (s) | load iniplus (s) | speed-up | --graph builtin (s) | --graph iniplus (s)"
    " | speed-up | peak RSS builtin (MiB) | peak RSS iniplus (MiB) | parser alone (host lines/s) |\n"
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
)


def _row(result: Result) -> str:
    load_b, load_o = result.median("load", BUILTIN), result.median("load", OURS)
    graph_b, graph_o = result.median("graph", BUILTIN), result.median("graph", OURS)
    return (
        f"| {result.hosts:,} | {load_b:.2f} | {load_o:.2f} | {load_b / load_o:.1f}x"
        f" | {graph_b:.2f} | {graph_o:.2f} | {graph_b / graph_o:.1f}x"
        f" | {result.median('rss_mib', BUILTIN):.0f} | {result.median('rss_mib', OURS):.0f}"
        f" | {result.parser_lines_per_second:,.0f} |"
    )


CPU_HEADER = (
    "| hosts | load CPU builtin (s) | load CPU iniplus (s) | speed-up | load CPU iniplus, diagnostics"
    " = ignore (s) | cost of diagnostics | parser alone, CPU (host lines/s) |\n"
    "|---:|---:|---:|---:|---:|---:|---:|"
)


def _cpu_row(result: Result) -> str:
    cpu_b, cpu_o = result.median("load_cpu", BUILTIN), result.median("load_cpu", OURS)
    cpu_quiet = result.median("load_cpu", QUIET)
    return (
        f"| {result.hosts:,} | {cpu_b:.2f} | {cpu_o:.2f} | {cpu_b / cpu_o:.1f}x"
        f" | {cpu_quiet:.2f} | {100 * (cpu_o - cpu_quiet) / cpu_quiet:+.0f}%"
        f" | {result.parser_lines_per_cpu_second:,.0f} |"
    )


def _checks(results: list[Result]) -> list[str]:
    by_size = {result.hosts: result for result in results}
    lines = []
    at = by_size.get(20_000)
    if at is not None:
        load = at.median("load", BUILTIN) / at.median("load", OURS)
        graph = at.median("graph", BUILTIN) / at.median("graph", OURS)
        rss_b, rss_o = at.median("rss_mib", BUILTIN), at.median("rss_mib", OURS)
        lines += [
            # Two decimals: a ratio rounded to the goal must not read as meeting it.
            f"- 20,000 hosts, InventoryManager load: {load:.2f}x faster than the builtin (goal: at least 5x);"
            f" in CPU time {at.median('load_cpu', BUILTIN) / at.median('load_cpu', OURS):.1f}x",
            f"- 20,000 hosts, `ansible-inventory --graph`: {graph:.2f}x faster (goal: at least 3.5x)",
            f"- 20,000 hosts, peak memory: {rss_o:.0f} MiB against the builtin's {rss_b:.0f} MiB"
            " (goal: not higher)",
            f"- parser alone at 20,000 hosts: {at.parser_lines_per_second:,.0f} host lines per second",
            "- 20,000 hosts, the default diagnostics cost"
            f" {100 * (at.median('load_cpu', OURS) / at.median('load_cpu', QUIET) - 1):+.1f}%"
            " of load CPU time over `diagnostics = ignore` (goal: at most 5%)",
        ]
    small, large = by_size.get(10_000), by_size.get(100_000)
    if small is not None and large is not None:
        ours = large.median("load", OURS) / small.median("load", OURS)
        builtin = large.median("load", BUILTIN) / small.median("load", BUILTIN)
        ours_cpu = large.median("load_cpu", OURS) / small.median("load_cpu", OURS)
        lines.append(
            f"- linearity: load at 100,000 hosts / load at 10,000 hosts = {ours:.1f} for iniplus"
            f" ({builtin:.1f} for the builtin; goal: at most 11); in CPU time {ours_cpu:.1f}"
        )
    return lines


def _by_shape(results: list[Result]) -> dict[str, list[Result]]:
    grouped: dict[str, list[Result]] = {}
    for result in results:
        grouped.setdefault(result.shape, []).append(result)
    return grouped


def _least_favourable(results: list[Result]) -> Result | None:
    """The shape with the smallest load speed-up at 20,000 hosts (else at the largest size)."""
    at = [result for result in results if result.hosts == 20_000] or results
    if not at:
        return None
    return min(at, key=lambda result: result.median("load", BUILTIN) / result.median("load", OURS))


def _plot(results: list[Result], target: Path) -> bool:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        import numpy as np  # matplotlib's own dependencies
        from PIL import Image
    except ImportError:
        return False
    grouped = _by_shape(results)
    figure, all_axes = plt.subplots(
        1, len(grouped), figsize=(4.8 * len(grouped), 3.6), dpi=100, squeeze=False
    )
    for axes, (shape, shaped) in zip(all_axes[0], grouped.items(), strict=True):
        hosts = [result.hosts for result in shaped]
        for plugin, colour in ((BUILTIN, "tab:red"), (OURS, "tab:blue")):
            axes.plot(
                hosts,
                [r.median("load", plugin) for r in shaped],
                "o-",
                color=colour,
                label=f"{plugin}: load",
            )
            axes.plot(
                hosts,
                [r.median("graph", plugin) for r in shaped],
                "s--",
                color=colour,
                label=f"{plugin}: --graph",
            )
        axes.set_title(f"shape {shape}", fontsize=9)
        axes.set_xlabel("hosts")
        axes.set_ylabel("seconds (median)")
        axes.grid(True, alpha=0.3)
        axes.legend(fontsize=6)
    figure.tight_layout()
    # Shipped in the collection's tarball (docs/): a palette of 64 colours keeps it small.
    figure.canvas.draw()
    image = Image.fromarray(np.asarray(figure.canvas.buffer_rgba())).convert("RGB")
    image.quantize(colors=64).save(target, optimize=True)
    plt.close(figure)
    return True


WHERE_THE_TIME_GOES = """
## Where the time goes

ansible.builtin.ini spends its time in four places: shlex tokenising, `ast.literal_eval`, data
tagging, and populating through `InventoryData`'s wrappers. iniplus.inventory.ini:

- reads a host line that is one plain name (most lines of an inventory that lists its hosts in
  several groups) with one pattern and no split at all (`ini_parser.py`);
- splits other host lines with `str.split`: at blanks when they have no quote, escape or comment
  sign, at the quotes and then at blanks when their only special characters are quotes of one
  kind (or of two, one only inside the other's runs, as in `labels="['a', 'b']"`), and
  otherwise up to the first special character and the rest with one precompiled pattern,
  falling back to a shlex-exact scanner only for lines that pattern cannot prove well formed;
  a trailing `# comment` is cut off first when no escape and no unpaired quote comes before it
  (`ini_words.py`). Every pattern there runs in linear time and memory, whatever the line: a
  run of blanks is only matched where a word follows, and quoted text is unquoted with
  `str.find` and slices;
- remembers every `name=value` word whose value is immutable and springs no warning, as the
  `(name, value)` pair the model stores, so a word seen before (`ansible_port=22`,
  `enabled=True`) costs one dict lookup; stores a host line's assignments as one record
  (`IniAssignments`: line, pairs, columns) rather than one object per variable, which also
  spares the garbage collector (`ini_parser.py`, `ini_model.py`);
- types new values with one precompiled pattern that recognises words, dotted numbers,
  integers, decimal fractions, simple quoted strings and text that starts with a plain name;
  reads flat lists and dicts of such items (`['web', 'rack1']`) with two more; remembers every
  list and dict by its text and hands each host a fresh copy of it; and calls
  `ast.literal_eval` only for the rest (`ini_values.py`);
- looks for a `#` glued to a word (a warning) with `str.find`, not a pattern tried at every
  position of the line (`ini_checks.py`);
- builds each line's trust and origin tags once and creates tagged values, lists and dicts
  through the same factories that `AnsibleTagHelper.tag` ends in (`_datatag.py`);
- creates hosts, group memberships and host variables with exactly the effects the public
  wrappers would have, uses the wrappers for every case where those effects differ, sets a
  host's variables as it creates the host (so each record of the model is freed as the
  inventory grows, and the two never peak together), and pauses the cyclic garbage collector
  while it parses and builds; the first time in a process that the collector resumes, the
  young objects (the new inventory among them) go straight to its oldest generation
  (`gc.freeze()` then `gc.unfreeze()`), so its next collection of young objects does not
  walk the whole new inventory only to find it alive; later builds take the usual way, so
  that replaced inventories do not pile up (`_inventory_builder.py`, `ini_model.py`).

Property tests beside each module's other tests compare the tokeniser with `shlex.split`
(`tests/unit/plugins/module_utils/test_ini_words_fast_paths.py`), the typing with
`ast.literal_eval` (`test_ini_values_fast_paths.py`), the host patterns with ansible-core's
`parse_address` and `expand_hostname_range` (`test_ini_hosts.py`), the tagging with
`AnsibleTagHelper.tag` (`tests/unit/plugins/plugin_utils/test__datatag.py`), and the direct
population with the public wrappers (`test__inventory_builder.py`); the differential tests
(`tests/unit/plugins/inventory/`) compare whole inventories with the builtin's.

Where our load's CPU time goes at 20,000 hosts (ansible-core 2.21, shape c, the least
favourable): the parser about a fifth, building the inventory about a third (ansible-core's
`Host` objects, tagging each value with its origin, memberships and child links), and the rest
is ansible-core's own work that both plugins pay alike: `reconcile_inventory` linking every
top group under `all` (`Host.populate_ancestors` for every host below it), the vars-plugin
stage run for every host and group, and plugin loading. On shape b the parser is about a third of the load;
the rest is mostly tagging and setting each host's own values, which no memo shares.
"""


def write_report(results: list[Result], args: argparse.Namespace, target: Path) -> None:
    import ansible

    plot = target.with_suffix(".png")
    plotted = _plot(results, plot)
    grouped = _by_shape(results)
    text = f"""# Performance

How long `iniplus.inventory.ini` takes to read large INI inventories, next to
`ansible.builtin.ini`, measured in one run on the same machine and the same ansible-core, on
{len(grouped)} inventory shapes (described under [What is measured](#what-is-measured)).

## Results

ansible-core {ansible.__version__}, Python {platform.python_version()},
{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs;
measured {time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())} with
`python benchmarks/run.py --shapes {",".join(grouped)} --sizes {args.sizes} --repeats {args.repeats}`
`--large-repeats {args.large_repeats}`.
"""
    worst = _least_favourable(results)
    if worst is not None and len(grouped) > 1:
        text += (
            f"\nThe least favourable shape for iniplus in this run is **{worst.shape}**"
            f" ({SHAPES[worst.shape][1]}): at {worst.hosts:,} hosts it loads"
            f" {worst.median('load', BUILTIN) / worst.median('load', OURS):.1f}x as fast as the builtin.\n"
        )
    for shape, shaped in grouped.items():
        text += (
            f"\n### Shape {shape}: {SHAPES[shape][1]}\n\n"
            + HEADER
            + "\n"
            + "\n".join(_row(result) for result in shaped)
            + "\n\n"
            + "\n".join(_checks(shaped))
            + "\n\nIn CPU time of the measured process (`time.process_time()`), which a busy machine"
            " disturbs less than wall time:\n\n"
            + CPU_HEADER
            + "\n"
            + "\n".join(_cpu_row(result) for result in shaped)
            + "\n"
        )
    if plotted:
        text += f"\n![hosts against seconds for both plugins, one panel per shape]({plot.name})\n"
    text += """
## What is measured

Three shapes of inventory, each with N hosts (`benchmarks/run.py`):

- **a** (`generate_inventory`): 200 groups, 7 inline variables per host (an IP address, a port,
  two integers, a float, a boolean and a quoted template string), most of which repeat from host
  to host; `:vars` with a dict on every tenth group and 20 `:children` parents.
- **b** (`generate_unique_values`): 200 groups; every host line has its own `ansible_host` and
  its own `ansible_port` (no value repeats up to 50,000 hosts; ports stay valid above), an
  `ansible_user`, a quoted string, a float, a boolean, a two-element list
  (`labels="['tier1', 'rack1']"`) and a trailing `# comment`.
- **c** (`generate_deep_groups`): every host listed in 4 of 400 groups (its variables on the
  first listing), 40 `:children` chains 10 groups deep, and a `:vars` section of three
  variables on each of the 800 groups.

- **load**: `InventoryManager(loader=DataLoader(), sources=[path])` in a fresh Python subprocess
  with `ANSIBLE_INVENTORY_ENABLED` set to only the plugin under test, timed inside the process
  (imports excluded, plugin loading included); the median of the runs.
- **--graph**: wall time of `ansible-inventory -i path --graph` (the whole command, Python start-up
  and imports included); the median of the runs.
- **cost of diagnostics**: the CPU time of our load with the default `diagnostics = warn` over the
  same load with `diagnostics = ignore` (`ANSIBLE_INIPLUS_DIAGNOSTICS`), run next to it in each
  round; the medians.
- **peak RSS**: `resource.getrusage(RUSAGE_SELF).ru_maxrss` at the end of the load subprocess, the
  peak resident memory of the whole process (interpreter and ansible-core included); the median.
- **parser alone**: `parse_ini()` from `plugins/module_utils` in a subprocess that does not import
  ansible (the script checks), lines starting with `host` divided by the best of 10 parses (each
  timed after the previous model is freed; the garbage collection the parse itself causes is
  included).

Runs of the two plugins alternate, so machine load falls on both alike. Numbers from a busy machine
are noisy; the ratios are steadier than the seconds.

The `benchmark` session installs voluptuous (a declared requirement), so iniplus validates the
well-known `ansible_*` variables as it does by default. Both plugins run from bytecode, as
installed code does: the children write it to a cache in the work folder (`PYTHONPYCACHEPREFIX`,
`PYTHONDONTWRITEBYTECODE` removed), and one unmeasured `--graph` run of each plugin per inventory
fills it first.

## Reproduce

```console
python3 dev.py nox -s benchmark                       # all shapes, default sizes 10k, 20k, 30k, 100k
python3 dev.py nox -s benchmark -- --shapes b --sizes 20000 --repeats 5
```

The `benchmark` session installs the newest supported ansible-core and matplotlib, then runs
`benchmarks/run.py`, which rewrites this file and `docs/performance.png`. With the default sizes it
takes a quarter of an hour on two cores. The benchmark is not part of the test suite, and the test
suite asserts no timings.
"""
    text += WHERE_THE_TIME_GOES
    target.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", maxsplit=1)[0])
    parser.add_argument(
        "--shapes",
        default=",".join(SHAPES),
        help="comma-separated inventory shapes, of " + ", ".join(SHAPES) + " (default: %(default)s)",
    )
    parser.add_argument(
        "--sizes",
        default="10000,20000,30000,100000",
        help="comma-separated host counts (default: %(default)s)",
    )
    parser.add_argument("--repeats", type=int, default=3, help="runs per measurement (default: %(default)s)")
    parser.add_argument(
        "--large-repeats",
        type=int,
        default=1,
        help="runs per measurement from 100,000 hosts on (default: %(default)s)",
    )
    parser.add_argument(
        "--output",
        type=Path,
        default=DOCS / "performance.md",
        help="markdown report to write; the plot goes next to it (default: docs/performance.md)",
    )
    parser.add_argument("--no-write", action="store_true", help="print the table only")
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",")]
    shapes = [shape.strip() for shape in args.shapes.split(",")]
    unknown = [shape for shape in shapes if shape not in SHAPES]
    if unknown:
        parser.error(f"unknown shapes {unknown}; known: {', '.join(SHAPES)}")
    print(HEADER, flush=True)
    with tempfile.TemporaryDirectory(prefix="iniplus-bench-") as tmp:
        results = run(shapes, sizes, args.repeats, args.large_repeats, Path(tmp))
    for shape, shaped in _by_shape(results).items():
        print(f"shape {shape}:", *_checks(shaped), sep="\n")
    if not args.no_write:
        write_report(results, args, args.output)
        print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
