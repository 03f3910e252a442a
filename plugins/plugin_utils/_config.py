# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Config-file mode: which files a ``*.iniplus.yml`` names, and in which order (their digest is in _cache).

The order of ``sources`` is the order the files are merged, so it is defined here once:

1. entries are taken in the order written, each relative to the config file's directory;
2. a glob's matches and a directory's files are sorted by name (code-point order);
3. directories are not entered recursively (``**`` in a glob is the way to go deeper);
4. a file reached twice (by its real path: through a symbolic link or ``..`` too) is read once,
   where it is first reached; ``**`` never enters a directory twice, so a link loop ends.

Glob matches and directory entries skip what is not an INI inventory: hidden files, files with
an extension in Ansible's ``INVENTORY_IGNORE_EXTS`` (except ``.ini``, which that list names by
default), names matching ``INVENTORY_IGNORE_PATTERNS``, and the YAML, JSON and TOML files that
other plugins read. A file named explicitly is always read. An entry that yields no file is an
error naming it.
"""

from __future__ import annotations

import fnmatch
import os
import re
import typing as t

from ansible.errors import AnsibleParserError
from ansible.module_utils.common.text.converters import to_native

# The cache's digests moved beside its encoder; kept importable from here.
from ansible_collections.iniplus.inventory.plugins.plugin_utils._cache import (
    parser_fingerprint,
    sources_digest,
)

__all__ = [
    "CONFIG_SUFFIXES",
    "NOT_INI_EXTENSIONS",
    "is_config_path",
    "parser_fingerprint",
    "resolve_source_entries",
    "resolve_sources",
    "sources_digest",
]

CONFIG_SUFFIXES = (".iniplus.yml", ".iniplus.yaml")
# Other plugins own these; reading them as INI only produces confusing errors.
NOT_INI_EXTENSIONS = (".yml", ".yaml", ".json", ".toml")
_GLOB_CHARACTERS = re.compile(r"[*?[]")
# Bump when the cached form of a parsed source changes, so old entries are never read.


def is_config_path(path: str) -> bool:
    return path.lower().endswith(CONFIG_SUFFIXES)


def resolve_sources(
    config_path: str,
    entries: t.Sequence[str],
    ignore_extensions: t.Iterable[str] = (),
    ignore_patterns: t.Iterable[str] = (),
) -> list[str]:
    """The absolute paths of the files ``entries`` name, in merge order (see module docstring)."""
    return [
        path
        for path, _named in resolve_source_entries(config_path, entries, ignore_extensions, ignore_patterns)
    ]


def resolve_source_entries(
    config_path: str,
    entries: t.Sequence[str],
    ignore_extensions: t.Iterable[str] = (),
    ignore_patterns: t.Iterable[str] = (),
) -> list[tuple[str, bool]]:
    """Each file of :func:`resolve_sources`, and whether ``sources`` names it explicitly.

    A file that cannot be read is an error when named explicitly and is skipped with a warning
    when a glob or a directory found it, as ansible-core does in a directory of sources.
    """
    if not entries:
        raise AnsibleParserError(
            f"{config_path}: 'sources' must list at least one INI file, glob or directory"
        )
    base = os.path.dirname(os.path.abspath(config_path))
    skip = _Skipper(ignore_extensions, ignore_patterns)
    seen: set[str] = set()
    resolved: list[tuple[str, bool]] = []
    for entry in entries:
        if not isinstance(entry, str) or not entry:
            raise AnsibleParserError(f"{config_path}: every entry of 'sources' must be a path, not {entry!r}")
        expanded = os.path.expanduser(entry)
        target = os.path.normpath(os.path.join(base, expanded))
        if _GLOB_CHARACTERS.search(expanded):
            # Only the entry is a pattern: brackets in the config file's own directory are literal.
            matches = sorted({os.path.normpath(match) for match in _glob(base, expanded)})
            files = [match for match in matches if os.path.isfile(match) and not skip(match)]
            if not files:
                raise AnsibleParserError(
                    f"{config_path}: source {entry!r} matches no INI file (looked for {target})"
                )
        elif os.path.isdir(target):
            names = sorted(os.listdir(target))
            files = [os.path.join(target, name) for name in names]
            files = [path for path in files if os.path.isfile(path) and not skip(path)]
            if not files:
                raise AnsibleParserError(
                    f"{config_path}: source directory {entry!r} ({target}) holds no INI file"
                )
        elif os.path.isfile(target):
            files = [target]
        else:
            raise AnsibleParserError(f"{config_path}: source {entry!r} does not exist (looked for {target})")
        named = files == [target] and not _GLOB_CHARACTERS.search(expanded) and not os.path.isdir(target)
        for path in files:
            real = os.path.realpath(path)
            if real not in seen:
                seen.add(real)
                resolved.append((path, named))
    return resolved


def _glob(base: str, pattern: str) -> list[str]:
    """``glob.glob(os.path.join(glob.escape(base), pattern), recursive=True)``, without its loops.

    The standard glob follows symbolic links to directories under ``**``, so a link to ``.``
    makes it walk until the path is too long (two of them: for ever). Here ``**`` enters each
    real directory once per use. Otherwise the same rules: names starting with '.' are only
    matched by a part that starts with '.', and ``**`` matches no hidden directory.
    """
    full = os.path.join(base, pattern)
    root = os.path.sep if os.path.isabs(full) else ""
    parts = [part for part in full.split(os.path.sep) if part]
    # Only the entry is a pattern: brackets in the config file's own directory are literal.
    literal_parts = 0 if os.path.isabs(pattern) else len([part for part in base.split(os.path.sep) if part])
    candidates = [root or os.curdir]
    for index, part in enumerate(parts):
        last = index == len(parts) - 1
        found: list[str] = []
        for directory in candidates:
            if index < literal_parts or not _GLOB_CHARACTERS.search(part):
                path = os.path.join(directory, part)
                if os.path.lexists(path) if last else os.path.isdir(path):
                    found.append(path)
            elif part == "**":
                found.extend(_walk(directory, include_files=last))
            else:
                found.extend(_matching(directory, part, directories_only=not last))
        candidates = found
    return candidates


def _walk(top: str, include_files: bool) -> list[str]:
    """``top`` and every directory below it (and their files), each real directory entered once."""
    found = [top]
    visited = {os.path.realpath(top)}
    pending = [top]
    while pending:
        directory = pending.pop()
        try:
            names = sorted(os.listdir(directory))
        except OSError:
            continue
        for name in names:
            if name.startswith("."):
                continue
            path = os.path.join(directory, name)
            if os.path.isdir(path):
                real = os.path.realpath(path)
                if real in visited:
                    continue
                visited.add(real)
                found.append(path)
                pending.append(path)
            elif include_files:
                found.append(path)
    return found


def _matching(directory: str, part: str, directories_only: bool) -> list[str]:
    try:
        names = os.listdir(directory)
    except OSError:
        return []
    hidden = part.startswith(".")
    paths = [
        os.path.join(directory, name)
        for name in fnmatch.filter(names, part)
        if hidden or not name.startswith(".")
    ]
    return [path for path in paths if os.path.isdir(path)] if directories_only else paths


class _Skipper:
    """Decides which glob matches and directory entries are not INI inventories."""

    def __init__(self, ignore_extensions: t.Iterable[str], ignore_patterns: t.Iterable[str]) -> None:
        extensions = {to_native(ext) for ext in ignore_extensions} - {".ini"}
        self._extensions = tuple(extensions)
        self._patterns = [re.compile(to_native(pattern)) for pattern in ignore_patterns]

    def __call__(self, path: str) -> bool:
        name = os.path.basename(path)
        if name.startswith("."):
            return True
        if name.lower().endswith(NOT_INI_EXTENSIONS) or name.endswith(self._extensions):
            return True
        return any(pattern.search(name) for pattern in self._patterns)
