# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The ``ansible_*`` variables that the plugins this Ansible can load read, with their types.

Connection, become and shell plugins, and the network ones (httpapi, netconf, cliconf, terminal),
declare in their documentation which inventory variables feed each option (``vars:``) and the
option's ``type``. So do the entries of Ansible's own configuration. Reading them answers, for the
Ansible actually installed with every collection it can see, "is ``ansible_sudo_pass`` a real
variable?" and "is ``ansible_become`` a boolean?" better than any hand-kept list.

Reading the documentation of every plugin costs a noticeable fraction of a second, so nothing here
runs at import: the inventory plugin calls :func:`documented_variables` only when a file uses an
``ansible_*`` name that the parser's built-in table (module_utils/ini_checks.py) does not know,
and the answer is kept for the rest of the process.
"""

from __future__ import annotations

import functools
import os
import typing as t

__all__ = ["PLUGIN_TYPES", "documented_variables", "normalized_type"]

# Plugin types whose options are fed from inventory variables.
PLUGIN_TYPES = ("connection", "become", "shell", "httpapi", "netconf", "cliconf", "terminal")

# Ansible's option types, reduced to what a value check needs.
_TYPES = {
    "bool": "bool",
    "boolean": "bool",
    "int": "int",
    "integer": "int",
    "float": "float",
    "list": "list",
    "pathlist": "list",
    "pathspec": "list",
    "str": "str",
    "string": "str",
    "path": "str",
    "tmppath": "str",
    "tmp": "str",
    "temppath": "str",
    "dict": "dict",
    "dictionary": "dict",
}


def normalized_type(declared: t.Any) -> str:
    """``bool``, ``int``, ``float``, ``str``, ``list``, ``dict`` or ``raw`` for a declared option type."""
    if declared is None:
        return "str"  # Ansible's default option type
    return _TYPES.get(str(declared).lower(), "raw")


@functools.lru_cache(maxsize=1)
def documented_variables() -> dict[str, str]:
    """``{variable: type}`` for every ``ansible_*`` variable an installed plugin or the config reads.

    A name fed into options of different types by different plugins is ``raw`` (no type check).
    Plugins whose documentation cannot be read are skipped: this never fails.
    """
    found: dict[str, str] = {}
    _add_configuration(found)
    for plugin_type in PLUGIN_TYPES:
        for path, collection in _plugin_files(plugin_type):
            _add_options(found, _options_of(path, collection, plugin_type))
    return found


def _add(found: dict[str, str], name: t.Any, declared: t.Any) -> None:
    if not isinstance(name, str) or not name.startswith("ansible_") or not name.isidentifier():
        return  # e.g. "delegated_vars['ansible_host']"
    kind = normalized_type(declared)
    previous = found.setdefault(name, kind)
    if previous != kind:
        found[name] = "raw"


def _add_options(found: dict[str, str], options: t.Mapping[str, t.Any]) -> None:
    for option in options.values():
        if not isinstance(option, dict):
            continue
        for entry in option.get("vars") or ():
            if isinstance(entry, dict):
                _add(found, entry.get("name"), option.get("type"))


def _add_configuration(found: dict[str, str]) -> None:
    try:
        from ansible import constants as C

        definitions = C.config.get_configuration_definitions()
    except Exception:  # noqa: BLE001  # pylint: disable=broad-exception-caught
        return
    _add_options(found, definitions)


def _plugin_files(plugin_type: str) -> list[tuple[str, str | None]]:
    """(path, collection) of every plugin file of ``plugin_type``: ansible-core's, then each collection's.

    The files are found by their place (``plugins/<type>/*.py``), not through Ansible's plugin
    listing, which imports every plugin and asks ansible-galaxy for each collection's version
    (warning about any it cannot tell).
    """
    try:
        import ansible.plugins
        from ansible.utils.collection_loader import AnsibleCollectionConfig

        roots = list(AnsibleCollectionConfig.collection_paths or ())
    except Exception:  # noqa: BLE001  # pylint: disable=broad-exception-caught
        return []
    files: list[tuple[str, str | None]] = [
        (path, None)
        for path in _python_files(os.path.join(os.path.dirname(ansible.plugins.__file__), plugin_type))
    ]
    seen: set[str] = set()
    for root in roots:
        base = os.path.join(root, "ansible_collections")
        for namespace in _entries(base):
            for name in _entries(os.path.join(base, namespace)):
                collection = f"{namespace}.{name}"
                if collection in seen:
                    continue  # the first path that has a collection is the one Ansible uses
                seen.add(collection)
                folder = os.path.join(base, namespace, name, "plugins", plugin_type)
                files.extend((path, collection) for path in _python_files(folder))
    return files


def _entries(folder: str) -> list[str]:
    try:
        return sorted(entry for entry in os.listdir(folder) if not entry.startswith((".", "_")))
    except OSError:
        return []


def _python_files(folder: str) -> list[str]:
    return [os.path.join(folder, entry) for entry in _entries(folder) if entry.endswith(".py")]


def _options_of(path: str, collection: str | None, plugin_type: str) -> t.Mapping[str, t.Any]:
    """The options of the plugin in ``path``, doc fragments merged, as ansible-doc reads them."""
    try:
        from ansible.plugins.loader import fragment_loader
        from ansible.utils.plugin_docs import get_docstring

        documentation = get_docstring(
            path, fragment_loader, collection_name=collection, is_module=False, plugin_type=plugin_type
        )[0]
    except Exception:  # noqa: BLE001  # pylint: disable=broad-exception-caught
        return {}
    if not isinstance(documentation, dict):
        return {}
    options = documentation.get("options")
    return options if isinstance(options, dict) else {}
