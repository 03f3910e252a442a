# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Mutation testing of the parser's fast paths with cosmic-ray (run it through ``nox -s mutation``).

cosmic-ray's operators find the mutants (and apply them, one at a time, to a file on disk); this
script chooses which, runs them on two copies of the checkout at once (one per CPU), and judges:

1. each module asked for (under CI: CI_MODULES) is mutated where its ``functions`` say (the
   parser only in its hot loop), by a sufficient set of operators (the default): negation and
   boundary of each comparison, one swap per arithmetic operator, constants, ``not``,
   ``and``/``or``, loops and exceptions; ``--all`` is every cosmic-ray core operator;
2. each mutant runs the module's targeted tests (``-x``, hypothesis derandomised and capped);
3. a mutant that survives must be listed in tests/mutation/equivalent.txt, by its key
   ``module | function | operator | line as written -> line as mutated``: no line numbers and
   no cosmic-ray ids, so the list survives code moving around it. The run fails on any other
   survivor, and prints the keys to add (after checking them) or to kill with a test.

A score per module (killed / total, equivalents apart) ends the output.
"""

from __future__ import annotations

import argparse
import ast
import concurrent.futures
import difflib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import typing as t
from dataclasses import dataclass
from pathlib import Path

import cosmic_ray.plugins
from cosmic_ray.ast import ast_nodes, get_ast
from cosmic_ray.mutating import mutate_code

ROOT = Path(__file__).resolve().parents[2]
EQUIVALENTS = Path(__file__).resolve().parent / "equivalent.txt"
UNIT = "tests/unit/plugins/module_utils"


@dataclass(frozen=True)
class Target:
    path: str
    tests: tuple[str, ...]
    functions: frozenset[str] | None = None  # None: the whole module


MODULES = {
    # Each module's tests are the files named after it (the test tree mirrors plugins/), its
    # fast-path property tests among them.
    "words": Target(
        "plugins/module_utils/ini_words.py",
        (
            f"{UNIT}/test_ini_words.py",
            f"{UNIT}/test_ini_words_comments.py",
            f"{UNIT}/test_ini_words_fast_paths.py",
            f"{UNIT}/test_ini_words_mutants.py",
        ),
    ),
    "values": Target(
        "plugins/module_utils/ini_values.py",
        (
            f"{UNIT}/test_ini_values.py",
            f"{UNIT}/test_ini_values_containers.py",
            f"{UNIT}/test_ini_values_fast_paths.py",
            f"{UNIT}/test_ini_values_mutants.py",
        ),
    ),
    "hosts": Target(
        "plugins/module_utils/ini_hosts.py",
        (f"{UNIT}/test_ini_hosts.py", f"{UNIT}/test_ini_hosts_mutants.py"),
    ),
    "parser": Target(
        "plugins/module_utils/ini_parser.py",
        (
            f"{UNIT}/test_ini_parser.py",
            f"{UNIT}/test_ini_checks.py",
            f"{UNIT}/test_ini_checks_escapes.py",
            f"{UNIT}/test_ini_parser_mutants.py",
            f"{UNIT}/test_ini_parser_fast_paths.py",
        ),
        frozenset(
            {"parse", "_host_line", "_add_host", "_host_variables", "_assignment", "_vars_line", "_remember"}
        ),
    ),
}
# What CI runs (``CI`` set): values and words, which fit about 12 minutes on 2 CPUs. hosts and
# parser have no unexplained survivor either, but together cost about 6 CPU-minutes more (353
# CPU-seconds measured, one 60 s timeout included), so they run with ``--modules hosts parser``
# (or with no CI).
CI_MODULES = ["values", "words"]
# The ci selection: for each comparison its negation and its boundary neighbours, one swap per
# arithmetic operator, and the operators that have no variants.
CI_OPERATORS = frozenset(
    {
        *(
            f"core/ReplaceComparisonOperator_{name}"
            for name in (
                "Eq_NotEq",
                "NotEq_Eq",
                "Lt_GtE",
                "Lt_LtE",
                "LtE_Gt",
                "LtE_Lt",
                "Gt_LtE",
                "Gt_GtE",
                "GtE_Lt",
                "GtE_Gt",
                "Is_IsNot",
                "IsNot_Is",
            )
        ),
        *(
            f"core/ReplaceBinaryOperator_{name}"
            for name in (
                "Add_Sub",
                "Sub_Add",
                "Mul_Add",
                "Div_Mul",
                "FloorDiv_Mul",
                "Mod_Add",
                "BitOr_BitAnd",
            )
        ),
        "core/ReplaceUnaryOperator_USub_UAdd",
        "core/ReplaceUnaryOperator_Delete_Not",
        "core/AddNot",
        "core/ReplaceTrueWithFalse",
        "core/ReplaceFalseWithTrue",
        "core/ReplaceAndWithOr",
        "core/ReplaceOrWithAnd",
        "core/ReplaceBreakWithContinue",
        "core/ReplaceContinueWithBreak",
        "core/ExceptionReplacer",
        "core/NumberReplacer",
        "core/ZeroIterationForLoop",
    }
)
# Per mutant: a mutant that loops forever is killed by the timeout.
TIMEOUT = 60.0
HYPOTHESIS_ENV = {
    "INIPLUS_HYPOTHESIS_EXAMPLES": "100",
    "INIPLUS_HYPOTHESIS_DERANDOMIZE": "1",
    "PYTHONDONTWRITEBYTECODE": "1",  # a mutant of the same size in the same second must not reuse a .pyc
}


@dataclass
class Mutant:
    module: str
    source: str  # the whole module, mutated
    key: str
    outcome: str = ""
    cpu_seconds: float = 0.0  # of its test run: the time the run needs on a CPU of its own


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--modules",
        nargs="+",
        choices=sorted(MODULES),
        default=CI_MODULES if os.environ.get("CI") else sorted(MODULES),
        help="default: all of them; under CI only " + " and ".join(CI_MODULES),
    )
    parser.add_argument(
        "--all", action="store_true", help="every cosmic-ray core operator, not the ci selection"
    )
    parser.add_argument("--jobs", type=int, default=2, help="copies of the checkout tested at once")
    parser.add_argument("--list", action="store_true", help="only list the mutants")
    parser.add_argument("--match", nargs="+", default=[], help="only mutants whose key contains one of these")
    parser.add_argument(
        "--show-equivalents", action="store_true", help="print the diff of listed equivalents"
    )
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        _serve()
        return 0

    mutants = [mutant for module in args.modules for mutant in _mutants(module, every_operator=args.all)]
    if args.match:
        mutants = [mutant for mutant in mutants if any(text in mutant.key for text in args.match)]
    if args.list:
        for mutant in mutants:
            print(mutant.key)
        return 0
    print(f"{len(mutants)} mutants in {', '.join(args.modules)}; {args.jobs} copies", flush=True)
    started = time.monotonic()
    _baseline(args.modules)
    _run(mutants, args.jobs)
    equivalents = _read_equivalents()
    return _report(mutants, equivalents, args.modules, time.monotonic() - started, args.show_equivalents)


def _mutants(module: str, *, every_operator: bool) -> list[Mutant]:
    target = MODULES[module]
    source = (ROOT / target.path).read_text()
    functions = _innermost_functions(source)
    lines = source.splitlines()
    plain = _without_annotations(source)
    tree = get_ast(source)
    found = []
    for name in cosmic_ray.plugins.operator_names():
        if not name.startswith("core/") or (not every_operator and name not in CI_OPERATORS):
            continue
        operator_class = cosmic_ray.plugins.get_operator(name)
        if operator_class.arguments():
            continue  # VariableReplacer and VariableInserter need a named variable: not used
        operator = operator_class()
        # Where the operator applies, from one parse (as cosmic-ray's init finds them); only the
        # occurrences inside the target's functions are then made, each by a parse of its own.
        positions = [start for node in ast_nodes(tree) for start, _end in operator.mutation_positions(node)]
        for occurrence, (line, _column) in enumerate(positions):
            if target.functions is not None and functions.get(line - 1) not in target.functions:
                continue
            mutated = mutate_code(source, operator, occurrence)
            compared = None if mutated is None else _without_annotations(mutated)
            if compared is None or compared == plain:
                # Not Python at all (cosmic-ray's "incompetent"), or only an annotation changed,
                # which is never evaluated (from __future__ import annotations): not a mutant.
                continue
            changed = _changed_lines(lines, mutated.splitlines())  # type: ignore[union-attr]
            function = functions.get(changed[0][0], "<module>") if changed else "<module>"
            before = " / ".join(lines[number].strip() for number, _after in changed)
            after = " / ".join(text.strip() for _number, text in changed)
            if len(before) < 20 and changed:  # 'break', 'return True': say which one
                previous = next(line.strip() for line in reversed(lines[: changed[0][0]]) if line.strip())
                before, after = f"{previous} / {before}", f"{previous} / {after}"
            found.append(Mutant(module, mutated, f"{module} | {function} | {name[5:]} | {before} -> {after}"))  # type: ignore[arg-type]
    return found


def _without_annotations(source: str) -> str | None:
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            node.returns = None
        elif isinstance(node, ast.arg):
            node.annotation = None
        elif isinstance(node, ast.AnnAssign):
            node.annotation = ast.Constant(None)
    return ast.dump(tree)


def _innermost_functions(source: str) -> dict[int, str]:
    """0-based line -> the name of the innermost function around it."""
    names: dict[int, str] = {}
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            span = range(node.lineno - 1, t.cast(int, node.end_lineno))
            for number in span:
                # ast.walk goes outside in, so an inner function overwrites its parent.
                names[number] = node.name
    return names


def _changed_lines(before: list[str], after: list[str]) -> list[tuple[int, str]]:
    changed = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for tag, first, last, new_first, new_last in matcher.get_opcodes():
        if tag != "equal":
            replacement = after[new_first:new_last] or [""]
            for offset, number in enumerate(range(first, max(last, first + 1))):
                changed.append((number, replacement[min(offset, len(replacement) - 1)]))
    return changed


def _pytest_args(module: str) -> list[str]:
    tests = MODULES[module].tests
    return ["-x", "-q", "-p", "no:xdist", "-p", "no:cacheprovider", "--no-header", *tests]


def _test_command(module: str) -> list[str]:
    return [sys.executable, "-m", "pytest", *_pytest_args(module)]


def _baseline(modules: list[str]) -> None:
    """The targeted tests must pass on the unmutated code, or every mutant would look killed."""
    for module in modules:
        command = [arg for arg in _test_command(module) if not arg.endswith(".py") or (ROOT / arg).is_file()]
        result = subprocess.run(
            command,
            cwd=ROOT,
            env=dict(os.environ, **HYPOTHESIS_ENV),
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            sys.exit(f"the {module} tests fail without any mutation:\n{result.stdout[-3000:]}")


def _copy_checkout(parent: Path) -> Path:
    listing = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        check=True,
        capture_output=True,
    ).stdout.decode()
    copy = parent / "inventory"
    for name in filter(None, listing.split("\0")):
        source = ROOT / name
        if source.is_file() and not name.startswith("tests/integration/"):
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy / name)
    return copy


def _run(mutants: list[Mutant], jobs: int) -> None:
    done = 0
    with tempfile.TemporaryDirectory(prefix="iniplus-mutation-") as scratch:
        copies = [_copy_checkout(Path(scratch) / str(index)) for index in range(jobs)]
        free = list(copies)

        workers = {
            copy: subprocess.Popen(
                [sys.executable, __file__, "--serve"],
                cwd=copy,
                env=dict(os.environ, **HYPOTHESIS_ENV),
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )
            for copy in copies
        }

        def run_one(mutant: Mutant) -> Mutant:
            copy = free.pop()
            path = copy / MODULES[mutant.module].path
            original = path.read_text()
            worker = workers[copy]
            try:
                path.write_text(mutant.source)
                print(json.dumps(_pytest_args(mutant.module)), file=worker.stdin, flush=True)  # type: ignore[arg-type]
                mutant.outcome, cpu = worker.stdout.readline().split()  # type: ignore[union-attr]
                mutant.cpu_seconds = float(cpu)
            finally:
                path.write_text(original)
                free.append(copy)
            return mutant

        with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
            for mutant in pool.map(run_one, mutants):
                done += 1
                if mutant.outcome != "killed":
                    print(f"[{done}/{len(mutants)}] {mutant.outcome}: {mutant.key}", flush=True)
                elif done % 25 == 0:
                    print(f"[{done}/{len(mutants)}]", flush=True)
        for worker in workers.values():
            worker.stdin.close()  # type: ignore[union-attr]
            worker.wait()


def _serve() -> None:
    """A worker in one copy of the checkout: per line of pytest arguments, fork, test, answer.

    pytest, hypothesis and ansible-core are imported once; each child forgets the collection's
    modules, so that it imports the mutated file from disk, and runs pytest in-process.
    """
    import hypothesis  # noqa: F401 - imported once here rather than in every child
    import pytest

    sys.dont_write_bytecode = True
    for line in sys.stdin:
        # Test files are looked for here, in the copy, which may lack one the checkout has.
        args = [arg for arg in json.loads(line) if not arg.endswith(".py") or Path(arg).is_file()]
        child = os.fork()
        if child == 0:
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, 1)
            os.dup2(null, 2)
            for name in [name for name in sys.modules if name.startswith("ansible_collections")]:
                del sys.modules[name]
            os._exit(int(pytest.main(args)))
        deadline = time.monotonic() + TIMEOUT
        while True:
            pid, status, usage = os.wait4(child, os.WNOHANG)
            if pid:
                outcome = "survived" if os.waitstatus_to_exitcode(status) == 0 else "killed"
                outcome += f" {usage.ru_utime + usage.ru_stime:.3f}"
                break
            if time.monotonic() > deadline:
                os.kill(child, 9)
                os.waitpid(child, 0)
                outcome = f"killed {TIMEOUT}"  # by the timeout: a mutant that loops forever
                break
            time.sleep(0.01)
        print(outcome, flush=True)


def _read_equivalents() -> dict[str, str]:
    """key -> reason, from lines ``key  # reason``; blank lines and lines starting '#' are skipped."""
    listed = {}
    for line in EQUIVALENTS.read_text().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, _sep, reason = line.partition("  # ")
        listed[key.strip()] = reason.strip()
    return listed


def _report(
    mutants: list[Mutant], equivalents: dict[str, str], modules: list[str], seconds: float, show: bool
) -> int:
    unexplained = []
    cpu = sum(mutant.cpu_seconds for mutant in mutants)
    print(
        f"\nmutation score ({seconds / 60:.1f} min here; the tests took {cpu:.0f} CPU-seconds, a timeout "
        f"counting {TIMEOUT:.0f}, so about {cpu / 120:.1f} min on 2 CPUs of their own):"
    )
    for module in modules:
        mine = [mutant for mutant in mutants if mutant.module == module]
        killed = sum(mutant.outcome == "killed" for mutant in mine)
        survivors = [mutant for mutant in mine if mutant.outcome != "killed"]
        listed = [mutant for mutant in survivors if mutant.key in equivalents]
        unexplained += [mutant for mutant in survivors if mutant.key not in equivalents]
        print(
            f"  {module:7} {MODULES[module].path}: {killed} / {len(mine)} killed, "
            f"{len(listed)} equivalent, {len(survivors) - len(listed)} unexplained"
        )
        if show:
            for mutant in listed:
                print(f"    equivalent: {mutant.key}  # {equivalents[mutant.key]}")
    if unexplained:
        print(
            "\nsurvivors that tests/mutation/equivalent.txt does not list "
            "(kill them with a test, or list them with the reason they are equivalent):"
        )
        for mutant in unexplained:
            print(f"{mutant.key}  # {mutant.outcome}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
