# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Time the hostile inputs of issue 12 with both plugins, side by side in the same run.

    ANSIBLE_COLLECTIONS_PATH=... python benchmarks/hostile.py [--cases NAME,...] [--limit SECONDS]

Each case is a file that made a quadratic corner show. Both plugins parse it into a fresh
inventory in this process, interleaved, best of ``--repeats``; a run longer than ``--limit``
seconds is reported as such (the builtin's own quadratic corners would otherwise take minutes).
The export case compares ``to_inventory_json`` of 40,000 ungrouped hosts with the same hosts in
one group. Timings never go into the test suite: it counts operations instead.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
import tempfile
import time

CASES = {
    # issue 12, item 3: a host listed again with a variable
    "repeated-host": lambda: "[g]\n" + "h a=1\n" * 10_000,
    # a bastion with two variables in each of 3,000 groups
    "bastion": lambda: "".join(f"[g{index}]\nbastion a=1 b=2\n" for index in range(3000)),
    # glued '#' inside a quoted value
    "glued-comment": lambda: 'h v="' + "a#" * 200_000 + '"\n',
    # 10,000 children of one group (the builtin keeps children in a list too)
    "many-children": lambda: (
        "[p:children]\n"
        + "".join(f"c{index}\n" for index in range(10_000))
        + "".join(f"[c{index}]\n" for index in range(10_000))
    ),
    # 50 bad 1 MB lines: the error message, not the parse, was the cost
    "long-bad-lines": lambda: "[g]\n" + ("h " + "x" * 1_000_000 + "\n") * 50,
}


def _parse(plugin_name: str, path: str) -> float:
    from ansible.errors import AnsibleError
    from ansible.inventory.data import InventoryData
    from ansible.parsing.dataloader import DataLoader
    from ansible.plugins.loader import init_plugin_loader, inventory_loader

    init_plugin_loader()
    plugin = inventory_loader.get(plugin_name)
    inventory = InventoryData()
    inventory.current_source = path
    start = time.perf_counter()
    try:
        plugin.parse(inventory, DataLoader(), path, cache=False)
    except AnsibleError as error:
        message = str(error)
        if len(message) > 10_000_000:
            print(f"  ({plugin_name}: an error message of {len(message):,} characters)")
    return time.perf_counter() - start


def _timed(plugin_name: str, path: str, limit: float) -> float | None:
    """Seconds for one parse in a fresh process, or None when it took longer than ``limit``."""
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        result = pool.apply_async(_parse, (plugin_name, path))
        try:
            return result.get(limit)
        except multiprocessing.TimeoutError:
            pool.terminate()
            return None


def _export_case(repeats: int) -> None:
    from ansible.plugins.loader import init_plugin_loader

    init_plugin_loader()  # makes ansible_collections importable from ANSIBLE_COLLECTIONS_PATH
    from ansible_collections.iniplus.inventory.plugins.module_utils.ini_export import to_inventory_json
    from ansible_collections.iniplus.inventory.plugins.module_utils.ini_parser import parse_ini

    hosts = "".join(f"h{index}\n" for index in range(40_000))
    for label, text in (("ungrouped", hosts), ("grouped", "[g]\n" + hosts)):
        model = parse_ini(text, "/x.ini")
        best = min(_time(lambda model=model: to_inventory_json(model)) for _run in range(repeats))
        print(f"export-40000-{label:<10} ours {best:8.3f} s")


def _time(function) -> float:
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", default=",".join(CASES))
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--limit", type=float, default=300.0)
    args = parser.parse_args()
    print(f"Python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory() as directory:
        for name in args.cases.split(","):
            if name == "export":
                _export_case(args.repeats)
                continue
            path = os.path.join(directory, f"{name}.ini")
            with open(path, "w", encoding="utf-8") as stream:
                stream.write(CASES[name]())
            times: dict[str, list[float | None]] = {"ansible.builtin.ini": [], "iniplus.inventory.ini": []}
            for _run in range(args.repeats):
                for plugin_name, found in times.items():  # interleaved: both see the same load
                    found.append(_timed(plugin_name, path, args.limit))
            shown = []
            for plugin_name, found in times.items():
                done = [value for value in found if value is not None]
                shown.append(f"{plugin_name} " + (f"{min(done):8.3f} s" if done else f"> {args.limit:.0f} s"))
            print(f"{name:<22} " + "   ".join(shown))
    return 0


if __name__ == "__main__":
    sys.exit(main())
