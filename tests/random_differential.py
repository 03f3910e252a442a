# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""A large random differential against ansible.builtin.ini, for hostile and ordinary files alike.

    ANSIBLE_COLLECTIONS_PATH=... python tests/random_differential.py --count 30000 --seed 12

Writes ``--count`` random INI files (seeded, so a failure can be replayed with ``--only N``) and
loads each with both plugins into a fresh inventory. They must agree on accepting or rejecting
it, and an accepted file must give the same snapshot (groups, hosts, variables with types, and
on 2.19+ trust and origin). Names, ranges, values and tails come from
tests/helpers/ini_vocabulary.py, shared with the Hypothesis differential that CI runs
(tests/unit/plugins/inventory/test_ini_generated_differential.py); this generator mixes them
with the inputs of issue 12: hosts listed again with variables, hosts named like groups with
``inventory_file`` in ``:vars``, glued ``#`` inside and outside quotes, long dotted words, huge
and odd numbers, ranges of every shape (reversed brackets included), ``b''`` literals, dangling
and cyclic children, CRLF, tabs.

Documented differences (docs/differences.md) are not generated, and on cores before 2.19 values
are compared with the 2.19+ types the plugin gives everywhere. Not part of the pytest suite (it
takes minutes).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
import typing as t

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "helpers"))

import ini_vocabulary as vocabulary


def sometimes(
    rng: random.Random, good: t.Sequence[str], bad: t.Sequence[str], bad_share: float = 0.01
) -> str:
    return rng.choice(bad if rng.random() < bad_share else good)


def long_word(rng: random.Random) -> str:
    operator = rng.choice(".-/@")
    return operator.join(["a"] * rng.choice([50, 101, 150, 3000, 12000]))


def value(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.02:
        return long_word(rng)
    if roll < 0.04:
        return "a#" * rng.randint(1, 20)
    return sometimes(rng, vocabulary.VALUES, vocabulary.BAD_VALUES)


def host_pattern(rng: random.Random) -> str:
    name = rng.choice(vocabulary.HOST_NAMES)
    roll = rng.random()
    if roll < 0.2:
        name += sometimes(rng, vocabulary.GOOD_RANGES, vocabulary.BAD_RANGES, 0.05) + rng.choice(
            ["", "-x", ".lan", "[1:2]"]
        )
    elif roll < 0.21:
        name = rng.choice(["a]1:3[b", "x]y[1:3]", "h[1:2]]", "h[[1:2]", "h|[1:2]"])
    elif roll < 0.22:
        name = "h" + "[1:1]" * rng.randint(10, 300)
    if rng.random() < 0.15:
        name = f"[{name}]:22" if ":" in name else f"{name}:{sometimes(rng, ['22', '2222'], [''], 0.1)}"
    return name


def assignment(rng: random.Random) -> str:
    text = value(rng)
    if " " in text and not text.startswith(("'", '"')) and rng.random() < 0.8:
        text = repr(text)
    return f"{sometimes(rng, vocabulary.KEYS, vocabulary.BAD_KEYS)}={text}"


def host_line(rng: random.Random) -> str:
    words = [host_pattern(rng)] + [assignment(rng) for _index in range(rng.choice([0, 0, 1, 2, 3]))]
    line = rng.choice([" ", "\t", "  "]).join(words)
    return line + sometimes(rng, vocabulary.HOST_LINE_TAILS, vocabulary.BAD_TAILS)


def vars_line(rng: random.Random) -> str:
    spacing = rng.choice(["", " ", "\t"])
    return (
        f"{sometimes(rng, vocabulary.KEYS, vocabulary.BAD_KEYS)}{spacing}={spacing}{value(rng)}"
        + rng.choice(vocabulary.VARS_LINE_TAILS)
    )


def child_line(rng: random.Random) -> str:
    return rng.choice(vocabulary.GROUP_NAMES) + sometimes(
        rng, vocabulary.CHILD_LINE_TAILS, vocabulary.BAD_TAILS
    )


def header(rng: random.Random) -> str:
    kind = sometimes(rng, vocabulary.SECTION_KINDS, vocabulary.BAD_SECTION_KINDS)
    return f"[{rng.choice(vocabulary.GROUP_NAMES)}{kind}]" + sometimes(
        rng, vocabulary.HEADER_TAILS, vocabulary.BAD_TAILS
    )


def inventory(rng: random.Random) -> bytes:
    lines: list[str] = []
    kind = ""
    for _section in range(rng.randint(1, 7)):
        if lines or rng.random() < 0.7:
            line = header(rng)
            lines.append(line)
            kind = line[line.find(":") : line.find("]")] if ":" in line.split("]")[0] else ""
        body = {":vars": vars_line, ":children": child_line}.get(kind, host_line)
        for _line in range(rng.randint(0, 6)):
            roll = rng.random()
            if roll < 0.75:
                lines.append(body(rng))
            elif roll < 0.9:
                lines.append(sometimes(rng, vocabulary.ODD_LINES, vocabulary.BAD_ODD_LINES))
            elif roll < 0.92:
                lines.append(rng.choice([host_line, vars_line, child_line])(rng))
        if rng.random() < 0.2 and lines:  # a host listed again, now with variables
            lines.append(lines[-1] if kind == "" else host_line(rng))
    if rng.random() < 0.7:  # declare every group somewhere, so most :children and :vars resolve
        lines.extend(f"[{name}]" for name in rng.sample(vocabulary.GROUP_NAMES, len(vocabulary.GROUP_NAMES)))
    newline = rng.choice(["\n", "\n", "\r\n"])
    indent = rng.choice(["", "", "", " ", "\t"])
    return (newline.join(indent + line for line in lines) + newline).encode("utf-8")


def _load(plugin_name: str, path: str, **options):
    """``load``, with an exception outside AnsibleError (from Ansible's own reconcile_inventory,
    such as a host named ``ungrouped``) as a verdict of its own rather than the end of the run."""
    from inventory_snapshot import LoadResult, load

    try:
        return load(plugin_name, path, **options)
    except Exception as error:  # noqa: BLE001 - compared, not hidden: both must raise the same
        return LoadResult(None, f"crashed: {type(error).__name__}: {error}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=30_000)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--only", type=int, default=None, help="write and compare only file number N")
    parser.add_argument("--keep", default=None, help="directory to keep the files that differ in")
    args = parser.parse_args()

    from ansible.plugins.loader import init_plugin_loader

    init_plugin_loader()
    from inventory_snapshot import BUILTIN, HAS_DATA_TAGGING, OURS

    counts = {"same-accepted": 0, "same-rejected": 0, "same-crashed": 0, "different": 0}
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as directory:
        numbers = [args.only] if args.only is not None else range(args.count)
        for number in numbers:
            rng = random.Random(f"{args.seed}-{number}")
            text = inventory(rng)
            path = os.path.join(directory, f"inv{number}.ini")
            with open(path, "wb") as stream:
                stream.write(text)
            builtin = _load(BUILTIN, path, legacy_types=not HAS_DATA_TAGGING)
            ours = _load(OURS, path)
            crashed = [(result.error or "").startswith("crashed:") for result in (builtin, ours)]
            if crashed[0] or crashed[1]:
                # Ansible's own objects raised outside the plugin: both must, with the same error.
                if builtin.error == ours.error:
                    counts["same-crashed"] += 1
                else:
                    counts["different"] += 1
                    print(f"file {number} differs: builtin {builtin.error!r:.300} / ours {ours.error!r:.300}")
            elif ours.rejected == builtin.rejected and ours.snapshot == builtin.snapshot:
                counts["same-rejected" if ours.rejected else "same-accepted"] += 1
            else:
                counts["different"] += 1
                print(f"file {number} differs: builtin {builtin.error!r:.300} / ours {ours.error!r:.300}")
                if args.keep:
                    os.makedirs(args.keep, exist_ok=True)
                    with open(os.path.join(args.keep, f"inv{number}.ini"), "wb") as stream:
                        stream.write(text)
            os.unlink(path)
    elapsed = time.perf_counter() - started
    print(f"{sum(counts.values())} files in {elapsed:.0f} s: {counts}")
    return 1 if counts["different"] else 0


if __name__ == "__main__":
    sys.exit(main())
