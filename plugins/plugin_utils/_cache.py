# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Parsed sources to and from the inventory cache, without losing a type, a line or a trust bit.

A cache hit must build exactly what a fresh parse builds, so the cache holds the parser's
models (:class:`IniInventory`, one per source), not the finished inventory: replaying them
through ``populate_inventory`` tags values with trust and origin on 2.19+ as a fresh parse does.

Cache plugins store JSON, which has no tuples, no non-string keys, no ``b''`` marker and no
lone surrogates (undecodable bytes in a file). Values are therefore written in a small tagged
form: every JSON object in it is one of the markers below, so nothing is ambiguous. A value
that even this form cannot hold makes :func:`encode_models` raise :class:`Uncacheable`, and the
plugin then simply does not cache; anything unexpected on the way back makes
:func:`decode_models` raise it too, and the plugin parses instead.
"""

from __future__ import annotations

import base64
import dataclasses
import functools
import hashlib
import os
import stat
import tempfile
import typing as t

from ansible_collections.iniplus.inventory.plugins.module_utils.ini_lines import has_surrogates
from ansible_collections.iniplus.inventory.plugins.module_utils.ini_model import (
    Diagnostic,
    IniAssignments,
    IniGroup,
    IniHost,
    IniInventory,
    IniStep,
    UntrustedText,
)

__all__ = [
    "CACHE_FORMAT",
    "EntryStore",
    "Uncacheable",
    "decode_models",
    "encode_models",
    "entry_mode",
    "parser_fingerprint",
    "sources_digest",
]

# The version of the encoding below: part of every digest, so an older entry is never read.
CACHE_FORMAT = "iniplus-cache-2"

_DICT = "$dict"  # {"$dict": [[key, value], ...]}: keys of any type, in order
_TUPLE = "$tuple"  # a dict key written as a tuple
_BYTES_TEXT = "$untrusted"  # UntrustedText: a b'' literal, decoded but not trusted
_RAW_BYTES = "$bytes"  # a bytes dict key, base64
_SURROGATES = "$text"  # text holding lone surrogates, base64 of UTF-8 with surrogatepass


class Uncacheable(ValueError):
    """A model that cannot be written to, or read back from, the cache unchanged."""


# --- where entries live, and whether one may be believed ---------------------------------------
#
# A hit replays strings as trusted templates, exactly as a parse of the sources would. So an entry
# must be something only the running user could have written: a file owned by them (or root) and
# writable by nobody else, in a directory of the same kind. Anything else is a miss. Entries are
# written no more readable than the most restrictive source.

_MEMORY_CACHE = "ansible.plugins.cache.memory"
_WRITABLE_BY_OTHERS = stat.S_IWGRP | stat.S_IWOTH


class EntryStore:
    """One cache entry of a cache plugin, read and written so that it is never borrowed trust.

    ``adjudicator`` is the plugin's ``self._cache``, ``key`` the entry's key. ansible-core's file
    cache plugins keep each entry as a file (``jsonfile``, and the ``yaml`` and ``pickle`` plugins
    of community.general): those are checked, read and written here, without the adjudicator.
    The in-process ``memory`` plugin goes through the adjudicator. Any other plugin (a server such
    as redis) cannot show who wrote an entry, so it is never read nor written.
    """

    def __init__(self, adjudicator: t.Any, key: str) -> None:
        self._adjudicator = adjudicator
        self.key = key
        # The one place that reaches into ansible-core's cache internals.
        self._backend: t.Any = getattr(adjudicator, "_plugin", None)
        backend_type = type(self._backend)
        self.in_memory = backend_type.__module__ == _MEMORY_CACHE
        self.on_disk = all(
            callable(getattr(self._backend, name, None))
            for name in ("_get_cache_file_name", "_load", "_dump")
        ) and isinstance(getattr(self._backend, "_cache_dir", None), str)

    @property
    def usable(self) -> bool:
        return self.in_memory or self.on_disk

    def refusal(self) -> str | None:
        """Why the entry must not be read, or None when it may be."""
        key = self.key
        if self.in_memory:
            return None
        if not self.on_disk:
            return f"the {type(self._backend).__module__} cache plugin cannot show who wrote an entry"
        directory = self._backend._cache_dir
        path = self._backend._get_cache_file_name(key)
        try:
            found = os.stat(directory)
        except OSError as error:
            return f"cannot inspect the cache directory {directory}: {error.strerror}"
        problem = _untrusted(found, f"the cache directory {directory}")
        if problem:
            return problem
        try:
            found = os.lstat(path)
        except FileNotFoundError:
            return "no entry"
        except OSError as error:
            return f"cannot inspect the entry {path}: {error.strerror}"
        if not stat.S_ISREG(found.st_mode):
            return f"the entry {path} is not a regular file"
        return _untrusted(found, f"the entry {path}")

    def load(self) -> t.Any:
        """The entry's data; raises KeyError when there is none (or it expired), else any error."""
        key = self.key
        if self.in_memory:
            return self._adjudicator[key]
        backend = self._backend
        if backend.has_expired(key):
            raise KeyError(key)
        return backend._load(backend._get_cache_file_name(key))

    def store(self, value: t.Any, mode: int) -> None:
        """Write the entry with ``mode``: to a private temporary file, then renamed into place."""
        key = self.key
        if self.in_memory:
            self._adjudicator[key] = value
            return
        backend = self._backend
        path = backend._get_cache_file_name(key)
        handle, temporary = tempfile.mkstemp(dir=backend._cache_dir, prefix=".iniplus-")
        try:
            os.close(handle)
            backend._dump(value, temporary)
            os.chmod(temporary, mode)
            os.replace(temporary, path)
        finally:
            if os.path.lexists(temporary):
                os.unlink(temporary)


def entry_mode(source_modes: t.Iterable[int]) -> int:
    """Read and write for the owner; read for group or others only if every source allows it."""
    mode = stat.S_IRGRP | stat.S_IROTH
    for source_mode in source_modes:
        mode &= source_mode
    return stat.S_IRUSR | stat.S_IWUSR | mode


def _untrusted(found: os.stat_result, what: str) -> str | None:
    owners = {0, os.geteuid()} if hasattr(os, "geteuid") else {found.st_uid}
    if found.st_uid not in owners:
        return f"{what} belongs to another user (uid {found.st_uid})"
    if found.st_mode & _WRITABLE_BY_OTHERS:
        return f"{what} is writable by group or others (mode {stat.S_IMODE(found.st_mode):o})"
    return None


def encode_models(models: t.Sequence[IniInventory], digest: str) -> dict[str, t.Any]:
    return {"digest": digest, "sources": [_encode_model(model) for model in models]}


def decode_models(data: t.Any, digest: str) -> list[IniInventory]:
    try:
        if data.get("digest") != digest:
            raise Uncacheable("the cached sources differ from the files")
        return [_decode_model(item) for item in data["sources"]]
    except Uncacheable:
        raise
    except Exception as error:  # a damaged or foreign entry is only a miss
        raise Uncacheable(f"{type(error).__name__}: {error}") from error


def _encode_model(model: IniInventory) -> list[t.Any]:
    groups = [
        [
            _encode(group.name),
            group.line,
            group.column,
            [_encode(host) for host in group.hosts],
            [_encode(child) for child in group.children],
            _encode_assignments(group.assignments),
        ]
        for group in model.groups.values()
    ]
    hosts = [
        [_encode(host.name), host.line, host.column, host.port, _encode_assignments(host.assignments)]
        for host in model.hosts.values()
    ]
    diagnostics = [
        {field.name: _encode(getattr(diagnostic, field.name)) for field in dataclasses.fields(Diagnostic)}
        for diagnostic in model.diagnostics
    ]
    steps = [[_encode(step.group), _encode(step.child), step.start, step.stop] for step in model.steps]
    return [_encode(model.source), groups, hosts, diagnostics, steps]


def _decode_model(item: list[t.Any]) -> IniInventory:
    source, groups, hosts, diagnostics, steps = item
    model = IniInventory(source=_decode(source))
    for name, line, column, members, children, variables in groups:
        group = IniGroup(
            name=_decode(name),
            line=line,
            column=column,
            hosts=[_decode(member) for member in members],
            children=[_decode(child) for child in children],
            assignments=_decode_assignments(variables),
        )
        model.groups[group.name] = group
    for name, line, column, port, variables in hosts:
        host = IniHost(
            name=_decode(name),
            line=line,
            column=column,
            port=port,
            assignments=_decode_assignments(variables),
        )
        model.hosts[host.name] = host
    model.diagnostics = [
        Diagnostic(**{key: _decode(value) for key, value in fields.items()}) for fields in diagnostics
    ]
    model.steps = [
        IniStep(_decode(group), _decode(child), start, stop) for group, child, start, stop in steps
    ]
    return model


def _encode_assignments(records: list[IniAssignments]) -> list[list[t.Any]]:
    return [
        [record.line, [[_encode(name), _encode(value)] for name, value in record.pairs], list(record.columns)]
        for record in records
    ]


def _decode_assignments(rows: list[list[t.Any]]) -> list[IniAssignments]:
    return [
        IniAssignments(line, [(_decode(name), _decode(value)) for name, value in pairs], columns)
        for line, pairs, columns in rows
    ]


def _encode(value: t.Any) -> t.Any:
    if isinstance(value, str):
        if isinstance(value, UntrustedText):
            return {_BYTES_TEXT: _encode(str(value))}
        if not has_surrogates(value):
            return str(value)
        return {_SURROGATES: base64.b64encode(value.encode("utf-8", "surrogatepass")).decode("ascii")}
    if value is None or isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, list):
        return [_encode(item) for item in value]
    if isinstance(value, dict):
        return {_DICT: [[_encode(key), _encode(item)] for key, item in value.items()]}
    if isinstance(value, tuple):
        return {_TUPLE: [_encode(item) for item in value]}
    if isinstance(value, bytes):
        return {_RAW_BYTES: base64.b64encode(value).decode("ascii")}
    raise Uncacheable(f"cannot cache a value of type {type(value).__name__}")


def _decode(value: t.Any) -> t.Any:
    if isinstance(value, str):
        # str() drops anything a cache plugin may have attached; the builder tags afresh.
        return value if type(value) is str else str(value)  # pylint: disable=unidiomatic-typecheck
    if value is None or isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, list):
        return [_decode(item) for item in value]
    if isinstance(value, dict) and len(value) == 1:
        ((marker, payload),) = value.items()
        if marker == _DICT:
            return {_decode(key): _decode(item) for key, item in payload}
        if marker == _BYTES_TEXT:
            return UntrustedText(_decode(payload))
        if marker == _SURROGATES:
            return base64.b64decode(payload).decode("utf-8", "surrogatepass")
        if marker == _TUPLE:
            return tuple(_decode(item) for item in payload)
        if marker == _RAW_BYTES:
            return base64.b64decode(payload)
    raise Uncacheable(f"unexpected cached value {value!r}")


def sources_digest(contents: t.Sequence[tuple[str, bytes]], *context: str) -> str:
    """sha256 over every source's path and bytes, in order, and whatever else shapes the parse."""
    digest = hashlib.sha256()
    for part in (CACHE_FORMAT, *context):
        _update(digest, part.encode("utf-8", "surrogatepass"))
    for path, data in contents:
        _update(digest, path.encode("utf-8", "surrogateescape"))
        _update(digest, data)
    return digest.hexdigest()


@functools.lru_cache(maxsize=1)
def parser_fingerprint() -> str:
    """sha256 of the parser's modules, so a cache written by another version of them is never read."""
    from ansible_collections.iniplus.inventory.plugins.module_utils import ini_parser

    digest = hashlib.sha256()
    directory = os.path.dirname(os.path.abspath(ini_parser.__file__ or ""))
    try:
        names = sorted(name for name in os.listdir(directory) if name.endswith(".py"))
        for name in names:
            with open(os.path.join(directory, name), "rb") as handle:
                _update(digest, name.encode("utf-8", "surrogateescape"))
                _update(digest, handle.read())
    except OSError:  # not on a file system: the cache format version has to do
        return CACHE_FORMAT
    return digest.hexdigest()


def _update(digest: t.Any, data: bytes) -> None:
    # Length-prefixed, so no two different lists of parts hash the same.
    digest.update(len(data).to_bytes(8, "big"))
    digest.update(data)
