#!/usr/bin/env python3
# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""A dynamic-inventory script that serves an INI inventory as JSON, read by iniplus's parser.

    ini_inventory.py --list          every group (hosts, vars, children) and _meta.hostvars
    ini_inventory.py --host NAME     the variables of one host, {} when it has none

It follows Ansible's inventory-script conventions, so ``ansible -i ini_inventory.py`` (the
``script`` inventory plugin) and any program that speaks them can use an INI file. It needs only
Python: no ansible-core. The INI source is, in this order of preference:

1. ``--source PATH``,
2. the environment variable ``INI_INVENTORY_SOURCE``,
3. the file beside the script with the script's name and ``.ini`` in place of ``.py``
   (``inventory.py`` reads ``inventory.ini``), for Ansible, which passes only ``--list``.

The parser is the collection's ``plugins/module_utils``. The script finds it when it runs from
the collection (``scripts/`` beside ``plugins/``, in a checkout or an installed collection),
and otherwise in an installed ``iniplus.inventory`` collection: under each entry of
``ANSIBLE_COLLECTIONS_PATH`` (or ``ANSIBLE_COLLECTIONS_PATHS``), ``~/.ansible/collections``,
``/usr/share/ansible/collections`` and ``sys.path``.

Bad input (a file that cannot be read, an INI error, a value JSON cannot hold) prints the
problem on stderr, nothing on stdout, and exits with status 1. Warnings about the INI file go
to stderr and do not change the output.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
import types
from pathlib import Path

SOURCE_VARIABLE = "INI_INVENTORY_SOURCE"
COLLECTION = ("ansible_collections", "iniplus", "inventory")
PACKAGE = "ansible_collections.iniplus.inventory.plugins.module_utils"
# A file that only the collection's root holds, to recognise it.
MARKER = Path("plugins", "module_utils", "ini_parser.py")
DEFAULT_COLLECTION_PATHS = ("~/.ansible/collections", "/usr/share/ansible/collections")
EXIT_BAD_INPUT = 1
EXIT_NO_PARSER = 3


class ScriptError(Exception):
    """A problem to report on stderr, with the exit status to use."""

    def __init__(self, message: str, status: int = EXIT_BAD_INPUT) -> None:
        super().__init__(message)
        self.status = status


def main(argv: list[str] | None = None) -> int:
    arguments = _argument_parser().parse_args(argv)
    try:
        parser, export, diagnostics = _load_parser()
        source = _source_path(arguments.source)
        try:
            model = parser.parse_ini_file(source)
        except OSError as error:
            raise ScriptError(f"cannot read the INI inventory {source}: {error.strerror or error}") from None
        except parser.IniParseError as error:
            raise ScriptError(str(error)) from None
        for line in diagnostics.summarize(model.warnings):
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
    except ScriptError as error:
        print(f"{_program()}: {error}", file=sys.stderr)
        return error.status
    sys.stdout.write(text + "\n")
    return 0


def _argument_parser() -> argparse.ArgumentParser:
    arguments = argparse.ArgumentParser(
        prog=_program(),
        description="Serve an INI inventory as JSON, following Ansible's inventory-script conventions.",
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


# --- finding the parser -----------------------------------------------------------------


def _load_parser() -> tuple[types.ModuleType, types.ModuleType, types.ModuleType]:
    root = find_collection_root()
    if root is None:
        raise ScriptError(
            "cannot find the iniplus.inventory collection, whose parser this script uses: run the script "
            "from the collection's scripts/ directory, or install the collection "
            "(ansible-galaxy collection install iniplus.inventory) or name its collections path in "
            "ANSIBLE_COLLECTIONS_PATH",
            EXIT_NO_PARSER,
        )
    _register_collection_package(root)
    parser = importlib.import_module(f"{PACKAGE}.ini_parser")
    export = importlib.import_module(f"{PACKAGE}.ini_export")
    diagnostics = importlib.import_module(f"{PACKAGE}.ini_diagnostics")
    return parser, export, diagnostics


def find_collection_root() -> Path | None:
    """The root of the iniplus.inventory collection this script should use, if there is one."""
    for candidate in _candidate_roots():
        if (candidate / MARKER).is_file():
            return candidate
    return None


def _candidate_roots() -> list[Path]:
    script = Path(__file__).absolute()
    # 1. the collection the script is part of: scripts/ beside plugins/ (through a symlink too).
    candidates = [script.parent.parent, script.resolve().parent.parent]
    # 2. an installed collection.
    bases: list[str] = []
    for variable in ("ANSIBLE_COLLECTIONS_PATH", "ANSIBLE_COLLECTIONS_PATHS"):
        bases.extend(entry for entry in os.environ.get(variable, "").split(os.pathsep) if entry)
    bases.extend(DEFAULT_COLLECTION_PATHS)
    bases.extend(entry for entry in sys.path if entry)
    for base in bases:
        path = Path(base).expanduser()
        if path.name == COLLECTION[0]:
            candidates.append(path.joinpath(*COLLECTION[1:]))
        else:
            candidates.append(path.joinpath(*COLLECTION))
    return candidates


def _register_collection_package(root: Path) -> None:
    """Make ``ansible_collections.iniplus.inventory`` importable from ``root``, wherever it is.

    A checkout is not under ``ansible_collections/iniplus/inventory``, so the packages down to
    ``plugins.module_utils`` are made here as namespace-like modules whose ``__path__`` points
    into ``root``; the parser's modules then import each other as usual.
    """
    names = [*COLLECTION, "plugins", "module_utils"]
    paths = [None, None, root, root / "plugins", root / "plugins" / "module_utils"]
    for depth, path in enumerate(paths, 1):
        name = ".".join(names[:depth])
        if name in sys.modules:
            continue
        package = types.ModuleType(name)
        package.__path__ = [str(path)] if path is not None else []
        sys.modules[name] = package
        if depth > 1:
            setattr(sys.modules[".".join(names[: depth - 1])], names[depth - 1], package)


if __name__ == "__main__":
    sys.exit(main())
