#!/usr/bin/env python3
# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""A dynamic-inventory script that serves an INI inventory as JSON, and lints and compares INI inventories.

    ini_inventory.py --list              every group (hosts, vars, children) and _meta.hostvars
    ini_inventory.py --host NAME         the variables of one host, {} when it has none
    ini_inventory.py check PATH...       every error and warning the plugin would report
    ini_inventory.py diff OLD NEW        what a change does to the inventory (also --git REV FILE)

``--list`` and ``--host`` follow Ansible's inventory-script conventions, so ``ansible -i
ini_inventory.py`` (the ``script`` inventory plugin) and any program that speaks them can use an
INI file. It needs only Python: no ansible-core. The INI source is, in this order of preference:

1. ``--source PATH``,
2. the environment variable ``INI_INVENTORY_SOURCE``,
3. the file beside the script with the script's name and ``.ini`` in place of ``.py``
   (``inventory.py`` reads ``inventory.ini``), for Ansible, which passes only ``--list``.

``check`` and ``diff`` are described in the collection's docs/review.md and by ``--help``.

The parser is the collection's ``plugins/module_utils``. The script looks for it, in this order,
in the collection it is part of (``scripts/`` beside ``plugins/`` of a tree whose galaxy.yml or
MANIFEST.json names iniplus.inventory, in a checkout or an installed collection), then in an
installed ``iniplus.inventory`` collection under each entry of ``ANSIBLE_COLLECTIONS_PATH`` (or
``ANSIBLE_COLLECTIONS_PATHS``), ``~/.ansible/collections`` and ``/usr/share/ansible/collections``,
then under ``sys.path``. A tree that anyone but root, the running user and the owner of this script
could change (a directory or file writable by group or others, or owned by someone else) is never
used: the script would run whatever code was planted there.

Bad input (a file that cannot be read, an INI error, a value JSON cannot hold) prints the
problem on stderr, nothing on stdout, and exits with status 1. Warnings about the INI file go
to stderr and do not change the output.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import json
import os
import re
import stat
import subprocess
import sys
import types
import typing as t
from pathlib import Path

SOURCE_VARIABLE = "INI_INVENTORY_SOURCE"
# The plugin's typing option in the environment: check and diff follow it, as the plugin does.
TYPING_VARIABLE = "ANSIBLE_INIPLUS_TYPING"
TYPINGS = ("literal_eval", "string")
TYPING_HELP = (
    f"how values are typed, as the plugin's typing option (default: ${TYPING_VARIABLE}, else literal_eval)"
)
COLLECTION = ("ansible_collections", "iniplus", "inventory")
PACKAGE = "ansible_collections.iniplus.inventory.plugins.module_utils"
# A file that only the collection's root holds, to recognise it.
MARKER = Path("plugins", "module_utils", "ini_parser.py")
# The code the script imports from a root: every directory and file here must be trustworthy.
CODE_DIRECTORIES = (Path("plugins", "module_utils"), Path("plugins", "plugin_utils"))
DEFAULT_COLLECTION_PATHS = ("~/.ansible/collections", "/usr/share/ansible/collections")
EXIT_OK = 0
EXIT_BAD_INPUT = 1
EXIT_FINDINGS = 1
EXIT_TROUBLE = 2
EXIT_NO_PARSER = 3
# A source that is not a regular file (a FIFO, a device) is read up to this size: /dev/zero never ends.
MAX_STREAM_BYTES = 64 * 1024 * 1024
SUBCOMMANDS = ("check", "diff")
# Directories never searched for inventories by check.
SKIPPED_DIRECTORIES = frozenset({"group_vars", "host_vars", "__pycache__"})
INVENTORY_FILE_NAMES = frozenset({"hosts", "inventory"})


class ScriptError(Exception):
    """A problem to report on stderr, with the exit status to use."""

    def __init__(self, message: str, status: int = EXIT_BAD_INPUT) -> None:
        super().__init__(message)
        self.status = status


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    try:
        if argv and argv[0] in SUBCOMMANDS:
            return _subcommand(argv)
        if argv and argv[0] == "--version":
            return _print_version()
        return _serve(_argument_parser().parse_args(argv))
    except ScriptError as error:
        print(f"{_program()}: {error}", file=sys.stderr)
        return error.status
    except RecursionError:
        # Deeply nested input (a pattern of thousands of ranges) past what the parser handles.
        print(f"{_program()}: the input is nested too deeply to read", file=sys.stderr)
        return EXIT_BAD_INPUT
    except MemoryError:
        print(f"{_program()}: out of memory while reading the input", file=sys.stderr)
        return EXIT_BAD_INPUT


def _serve(arguments: argparse.Namespace) -> int:
    """--list and --host: the inventory-script conventions."""
    modules = _load_parser()
    parser, export = modules.parser, modules.export
    source = _source_path(arguments.source)
    # What is known of the Ansible beside the script: its address rules and ansible_* variables.
    knowledge = modules.lint.available_knowledge()
    with _naming(source):
        try:
            model = parser.parse_ini(read_source(source), source, legacy_ipv6=knowledge.legacy_ipv6)
        except parser.IniParseError as error:
            raise ScriptError(str(error)) from None
    for line in modules.diagnostics.summarize(modules.lint.source_diagnostics(model, knowledge)):
        print(line, file=sys.stderr)
    try:
        if arguments.list:
            document = export.to_inventory_json(model)
        elif arguments.host in model.hosts:
            document = export.host_variables(model, arguments.host)
        else:
            raise ScriptError(f"{source} has no host {arguments.host!r}")
        text = json.dumps(document, indent=2)
    except export.ExportError as error:
        raise ScriptError(f"{source}: {error}") from None
    write_stdout(text + "\n")
    return EXIT_OK


@contextlib.contextmanager
def _naming(source: str) -> t.Iterator[None]:
    """Turn what Python itself refuses while parsing ``source`` into a message that names it."""
    try:
        yield
    except RecursionError:
        # Nesting deeper than Python's stack, such as a host pattern of thousands of ranges.
        raise ScriptError(f"{source}: the input is nested too deeply to read") from None
    except MemoryError:
        raise ScriptError(f"{source}: out of memory while reading it") from None


def _argument_parser() -> argparse.ArgumentParser:
    arguments = argparse.ArgumentParser(
        prog=_program(),
        description="Serve an INI inventory as JSON, following Ansible's inventory-script conventions. "
        "Subcommands: 'check PATH...' lints inventories, 'diff OLD NEW' compares two "
        "(see '%(prog)s check --help', '%(prog)s diff --help'); --version says which parser and "
        "knowledge of ansible_* variables they use.",
    )
    action = arguments.add_mutually_exclusive_group(required=True)
    action.add_argument("--list", action="store_true", help="print every group and _meta.hostvars")
    action.add_argument("--host", metavar="NAME", help="print the variables of host NAME")
    arguments.add_argument(
        "--source",
        metavar="PATH",
        help=f"the INI file (default: ${SOURCE_VARIABLE}, else {_default_source().name} beside this script)",
    )
    return arguments


def _program() -> str:
    return Path(sys.argv[0]).name or "ini_inventory.py"


def _default_source() -> Path:
    script = Path(__file__)
    name = script.stem if script.suffix == ".py" else script.name
    return script.with_name(name + ".ini")


def _source_path(option: str | None) -> str:
    return option or os.environ.get(SOURCE_VARIABLE) or str(_default_source())


# --- reading and writing ----------------------------------------------------------------


def read_source(path: str, status: int = EXIT_BAD_INPUT) -> bytes:
    """The bytes of ``path``; a source that is not a regular file is read up to MAX_STREAM_BYTES."""
    try:
        with open(path, "rb") as handle:
            if stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                return handle.read()
            data = handle.read(MAX_STREAM_BYTES + 1)
    except OSError as error:
        raise ScriptError(
            f"cannot read the INI inventory {path}: {error.strerror or error}", status
        ) from None
    if len(data) > MAX_STREAM_BYTES:
        raise ScriptError(
            f"cannot read the INI inventory {path}: it is not a regular file and gives more than "
            f"{MAX_STREAM_BYTES // (1024 * 1024)} MiB (a device such as /dev/zero never ends)",
            status,
        )
    return data


def write_stdout(text: str, status: int = EXIT_BAD_INPUT) -> None:
    """Write and flush ``text``; a failure (a full disk, a closed pipe) is a ScriptError, not a traceback."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except OSError as error:
        # Python would report the failed flush again at exit: point stdout at nothing first.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        raise ScriptError(f"cannot write the output: {error.strerror or error}", status) from None


# --- check ------------------------------------------------------------------------------


def _subcommand(argv: list[str]) -> int:
    arguments = _subcommand_parser().parse_args(argv)
    return int(arguments.run(arguments))


def _subcommand_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=_program(), description="Lint and compare INI inventories.")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser(
        "check",
        help="report every error and warning the plugin would report",
        description="Report every error and warning iniplus.inventory.ini would report for each INI "
        "inventory, without running Ansible. Exit status: 0 clean, 1 errors (or warnings with --strict), "
        "2 could not check (usage, unreadable path).",
    )
    check.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="INI files, and directories searched for *.ini files and files named hosts or inventory",
    )
    check.add_argument("--format", choices=("text", "json", "github", "sarif"), default="text")
    check.add_argument("--strict", action="store_true", help="exit 1 on warnings too")
    check.add_argument(
        "--select",
        action="append",
        default=[],
        metavar="CODES",
        help="report only these codes (comma-separated)",
    )
    check.add_argument(
        "--ignore",
        action="append",
        default=[],
        metavar="CODES",
        help="do not report these codes (comma-separated)",
    )
    check.add_argument(
        "--typing",
        choices=TYPINGS,
        default=_default_typing(),
        help=TYPING_HELP,
    )
    check.add_argument(
        "-v", "--verbose", action="store_true", help="say on stderr which parser and knowledge are used"
    )
    check.set_defaults(run=_check)
    diff = commands.add_parser(
        "diff",
        help="compare two inventories: hosts, groups, children, variables and their types",
        description="Compare two INI inventories, not their text. Exit status: 0 the same, 1 different, "
        "2 could not compare.",
    )
    diff.add_argument("old", metavar="OLD", help="the old inventory (with --git: the file to compare)")
    diff.add_argument("new", metavar="NEW", nargs="?", help="the new inventory (not with --git)")
    diff.add_argument(
        "--git", metavar="REV", help="compare FILE as it is in git revision REV with FILE in the work tree"
    )
    diff.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    diff.add_argument(
        "--typing",
        choices=TYPINGS,
        default=_default_typing(),
        help=TYPING_HELP,
    )
    diff.set_defaults(run=_diff)
    return parser


def _default_typing() -> str:
    """The plugin's typing as the environment sets it (ansible.cfg needs ansible-core to read)."""
    typing = os.environ.get(TYPING_VARIABLE) or "literal_eval"
    if typing not in TYPINGS:
        raise ScriptError(f"{TYPING_VARIABLE}={typing!r} is not one of {', '.join(TYPINGS)}", EXIT_TROUBLE)
    return typing


def _codes(options: list[str]) -> frozenset[str]:
    codes = frozenset(code.strip() for option in options for code in option.split(",") if code.strip())
    bad = sorted(code for code in codes if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", code))
    if bad:
        raise ScriptError(
            f"not a diagnostic code: {', '.join(bad)} (codes look like unclosed-quote)", EXIT_TROUBLE
        )
    return codes


def _check(arguments: argparse.Namespace) -> int:
    modules = _load_parser()
    lint = modules.lint
    select, ignore = _codes(arguments.select), _codes(arguments.ignore)
    knowledge = lint.available_knowledge()
    paths = inventory_paths(arguments.paths)
    if arguments.verbose:
        print(f"{_program()}: parser from {modules.root}", file=sys.stderr)
        print(f"{_program()}: {knowledge.description}", file=sys.stderr)
        print(f"{_program()}: checking {len(paths)} file(s)", file=sys.stderr)
    results = []
    for path in paths:
        data = read_source(path, EXIT_TROUBLE)
        with _naming(path):
            results.append(
                lint.check_source(
                    data, path, knowledge=knowledge, typing=arguments.typing, select=select, ignore=ignore
                )
            )
    if arguments.format == "text":
        text = lint.format_text(results)
    elif arguments.format == "json":
        text = lint.format_json(results)
    elif arguments.format == "github":
        text = lint.format_github(results)
    else:
        text = lint.format_sarif(results, collection_version(modules.root))
    write_stdout(text, EXIT_TROUBLE)
    failed = any(result.errors or result.suppressed_errors for result in results)
    if arguments.strict:
        failed = failed or any(result.warnings for result in results)
    return EXIT_FINDINGS if failed else EXIT_OK


def inventory_paths(paths: list[str]) -> list[str]:
    """Files as given; directories searched (sorted, recursively) for INI inventories."""
    found: list[str] = []
    for path in paths:
        if os.path.isdir(path):
            for directory, subdirectories, files in os.walk(path):
                subdirectories[:] = sorted(
                    name
                    for name in subdirectories
                    if not name.startswith(".") and name not in SKIPPED_DIRECTORIES
                )
                found.extend(
                    os.path.join(directory, name)
                    for name in sorted(files)
                    if not name.startswith(".") and (name.endswith(".ini") or name in INVENTORY_FILE_NAMES)
                )
        elif os.path.exists(path):
            found.append(path)
        else:
            raise ScriptError(f"no such file or directory: {path}", EXIT_TROUBLE)
    return found


# --- diff -------------------------------------------------------------------------------


def _diff(arguments: argparse.Namespace) -> int:
    modules = _load_parser()
    if arguments.git:
        if arguments.new is not None:
            raise ScriptError("with --git REV give one FILE, compared with the work tree", EXIT_TROUBLE)
        old_name, old_data = f"{arguments.old}@{arguments.git}", _git_show(arguments.git, arguments.old)
        new_name = arguments.old
    else:
        if arguments.new is None:
            raise ScriptError("give OLD and NEW, or --git REV FILE", EXIT_TROUBLE)
        old_name, old_data = arguments.old, read_source(arguments.old, EXIT_TROUBLE)
        new_name = arguments.new
    new_data = read_source(new_name, EXIT_TROUBLE)
    old = _parse_for_diff(modules, old_data, old_name, arguments.typing)
    new = _parse_for_diff(modules, new_data, new_name, arguments.typing)
    difference = modules.diff.diff_inventories(old, new)
    if arguments.format == "json":
        text = json.dumps(modules.diff.as_json(difference), indent=2) + "\n"
    elif arguments.format == "markdown":
        text = modules.diff.format_markdown(difference)
    else:
        text = modules.diff.format_text(difference)
    write_stdout(text, EXIT_TROUBLE)
    return EXIT_FINDINGS if difference else EXIT_OK


def _parse_for_diff(modules: _Modules, data: bytes, name: str, typing: str) -> object:
    try:
        return modules.parser.parse_ini(data, name, typing=typing)
    except modules.parser.IniParseError as error:
        raise ScriptError(f"cannot compare: {error}", EXIT_TROUBLE) from None


def _git_show(revision: str, path: str) -> bytes:
    """``path`` as it is in git ``revision``; empty if it did not exist there."""
    directory = os.path.dirname(os.path.abspath(path))
    command = ["git", "-C", directory, "show", f"{revision}:./{os.path.basename(path)}"]
    try:
        shown = subprocess.run(command, capture_output=True, check=False)
    except OSError as error:
        raise ScriptError(f"cannot run git: {error.strerror or error}", EXIT_TROUBLE) from None
    if shown.returncode == 0:
        return shown.stdout
    message = shown.stderr.decode("utf-8", "replace").strip()
    if "exists on disk, but not in" in message or "does not exist in" in message:
        return b""  # a new file: everything in it is added
    raise ScriptError(f"git show {revision}:{path} failed: {message}", EXIT_TROUBLE)


# --- version ----------------------------------------------------------------------------


def _print_version() -> int:
    modules = _load_parser()
    knowledge = modules.lint.available_knowledge()
    write_stdout(
        f"{_program()} (iniplus.inventory {collection_version(modules.root) or 'unknown version'})\n"
        f"parser: {modules.root / 'plugins' / 'module_utils'}\n"
        f"ansible_* knowledge: {knowledge.description}\n"
    )
    return EXIT_OK


def collection_version(root: Path) -> str:
    """The collection's version from galaxy.yml (a checkout) or MANIFEST.json (an installed one)."""
    try:
        manifest = json.loads((root / "MANIFEST.json").read_text(encoding="utf-8"))
        return str(manifest["collection_info"]["version"])
    except (OSError, ValueError, KeyError, TypeError):
        pass
    try:
        galaxy = (root / "galaxy.yml").read_text(encoding="utf-8")
    except OSError:
        return ""
    match = re.search(r"^version:\s*['\"]?([^'\"\s#]+)", galaxy, re.MULTILINE)
    return match.group(1) if match else ""


# --- finding the parser -----------------------------------------------------------------


class _Modules(types.SimpleNamespace):
    root: Path
    parser: types.ModuleType
    export: types.ModuleType
    diagnostics: types.ModuleType
    lint: types.ModuleType
    diff: types.ModuleType


def _load_parser() -> _Modules:
    root, skipped = find_collection_root()
    if root is None:
        refused = "".join(f"; not using {path}: {reason}" for path, reason in skipped)
        raise ScriptError(
            "cannot find the iniplus.inventory collection, whose parser this script uses: run the script "
            "from the collection's scripts/ directory, or install the collection "
            "(ansible-galaxy collection install iniplus.inventory) or name its collections path in "
            "ANSIBLE_COLLECTIONS_PATH" + refused,
            EXIT_NO_PARSER,
        )
    _register_collection_package(root)
    modules = _Modules(root=root)
    for attribute, name in (
        ("parser", "ini_parser"),
        ("export", "ini_export"),
        ("diagnostics", "ini_diagnostics"),
        ("lint", "ini_lint"),
        ("diff", "ini_diff"),
    ):
        try:
            setattr(modules, attribute, importlib.import_module(f"{PACKAGE}.{name}"))
        except ImportError as error:
            raise ScriptError(
                f"the iniplus.inventory collection at {root} cannot be used ({error}): it is older than "
                "this script, or damaged",
                EXIT_NO_PARSER,
            ) from None
    return modules


def find_collection_root() -> tuple[Path | None, list[tuple[Path, str]]]:
    """The root of the iniplus.inventory collection to use, and the candidates refused, with why."""
    skipped: list[tuple[Path, str]] = []
    seen: set[Path] = set()
    for candidate, own_tree in _candidate_roots():
        if not (candidate / MARKER).is_file():
            continue
        real = candidate.resolve()
        if real in seen:
            continue
        seen.add(real)
        if own_tree and not _names_this_collection(real):
            skipped.append((candidate, "its galaxy.yml or MANIFEST.json does not name iniplus.inventory"))
            continue
        reason = untrusted_reason(real)
        if reason is not None:
            skipped.append((candidate, reason))
            continue
        return real, skipped
    return None, skipped


def _candidate_roots() -> list[tuple[Path, bool]]:
    """Where the collection may be, in order, each with whether it is the script's own tree."""
    script = Path(__file__).absolute()
    candidates: list[tuple[Path, bool]] = []
    # 1. the collection the script is part of: its scripts/ directory beside plugins/ (through a
    #    symlink too). A copy of the script elsewhere (D/x/inv.py) never looks at D/plugins.
    for path in (script, script.resolve()):
        if path.parent.name == "scripts":
            candidates.append((path.parent.parent, True))
    # 2. an installed collection, 3. one under sys.path.
    bases: list[str] = []
    for variable in ("ANSIBLE_COLLECTIONS_PATH", "ANSIBLE_COLLECTIONS_PATHS"):
        bases.extend(entry for entry in os.environ.get(variable, "").split(os.pathsep) if entry)
    bases.extend(DEFAULT_COLLECTION_PATHS)
    bases.extend(entry for entry in sys.path if entry)
    for base in bases:
        path = Path(base).expanduser()
        if not path.is_absolute():
            continue  # relative to wherever the script happens to be run: never
        if path.name == COLLECTION[0]:
            candidates.append((path.joinpath(*COLLECTION[1:]), False))
        else:
            candidates.append((path.joinpath(*COLLECTION), False))
    return candidates


def _names_this_collection(root: Path) -> bool:
    try:
        manifest = json.loads((root / "MANIFEST.json").read_text(encoding="utf-8"))
        info = manifest["collection_info"]
        return bool(info["namespace"] == COLLECTION[1] and info["name"] == COLLECTION[2])
    except (OSError, ValueError, KeyError, TypeError):
        pass
    try:
        galaxy = (root / "galaxy.yml").read_text(encoding="utf-8")
    except OSError:
        return False
    return bool(
        re.search(rf"^namespace:\s*['\"]?{COLLECTION[1]}['\"]?\s*$", galaxy, re.MULTILINE)
        and re.search(rf"^name:\s*['\"]?{COLLECTION[2]}['\"]?\s*$", galaxy, re.MULTILINE)
    )


def untrusted_reason(root: Path) -> str | None:
    """Why code under ``root`` could have been planted by someone else, or None if it could not.

    Trusted owners are root, the running user and the owner of this script (who can change the
    script anyway). The code's directories and files must belong to one of them and be writable
    by nobody else; every directory above must too, unless it is sticky (like /tmp), where
    nobody can rename what is not theirs.
    """
    owners = {0, os.geteuid()}
    with contextlib.suppress(OSError):
        owners.add(os.stat(Path(__file__).resolve()).st_uid)
    paths = [root, root / "plugins"]
    for directory in CODE_DIRECTORIES:
        code = root / directory
        if code.is_dir():
            paths.append(code)
            paths.extend(sorted(code.glob("*.py")))
    try:
        for path in paths:
            reason = _writable_by_others(path, os.lstat(path), owners, sticky_allowed=False)
            if reason:
                return reason
        for parent in root.parents:
            reason = _writable_by_others(parent, os.stat(parent), owners, sticky_allowed=True)
            if reason:
                return reason
    except OSError as error:
        return f"cannot inspect it: {error.strerror or error}"
    return None


def _writable_by_others(
    path: Path, status: os.stat_result, owners: set[int], sticky_allowed: bool
) -> str | None:
    if stat.S_ISLNK(status.st_mode):
        return f"{path} is a symbolic link inside the collection's code"
    sticky = sticky_allowed and stat.S_ISDIR(status.st_mode) and status.st_mode & stat.S_ISVTX
    if status.st_uid not in owners and not sticky:
        return f"{path} belongs to another user (uid {status.st_uid})"
    if sticky:
        return None
    if status.st_mode & stat.S_IWOTH or (status.st_mode & stat.S_IWGRP and not _private_group(status)):
        return f"{path} is writable by group or others (chmod go-w to trust it)"
    return None


def _private_group(status: os.stat_result) -> bool:
    """Whether the file's group is its owner's own "user private group" (umask 002 systems).

    Such a group is named like its user, is the user's primary group and has no other members, so
    its write bit grants nothing to anyone else.
    """
    try:
        import grp
        import pwd

        owner = pwd.getpwuid(status.st_uid)
        group = grp.getgrgid(status.st_gid)
    except (ImportError, KeyError):
        return False
    return (
        owner.pw_gid == status.st_gid
        and group.gr_name == owner.pw_name
        and all(member == owner.pw_name for member in group.gr_mem)
    )


def _register_collection_package(root: Path) -> None:
    """Make ``ansible_collections.iniplus.inventory`` importable from ``root``, wherever it is.

    A checkout is not under ``ansible_collections/iniplus/inventory``, so the packages down to
    ``plugins.module_utils`` and ``plugins.plugin_utils`` are made here as namespace-like modules
    whose ``__path__`` points into ``root``; the parser's modules then import each other as usual.
    """
    packages = [
        ("ansible_collections", None),
        ("ansible_collections.iniplus", None),
        ("ansible_collections.iniplus.inventory", root),
        ("ansible_collections.iniplus.inventory.plugins", root / "plugins"),
        ("ansible_collections.iniplus.inventory.plugins.module_utils", root / "plugins" / "module_utils"),
        ("ansible_collections.iniplus.inventory.plugins.plugin_utils", root / "plugins" / "plugin_utils"),
    ]
    for name, path in packages:
        if name in sys.modules:
            continue
        package = types.ModuleType(name)
        package.__path__ = [str(path)] if path is not None else []
        sys.modules[name] = package
        parent, _dot, child = name.rpartition(".")
        if parent:
            setattr(sys.modules[parent], child, package)


if __name__ == "__main__":
    sys.exit(main())
