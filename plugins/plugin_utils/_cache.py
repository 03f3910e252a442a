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
import typing as t

from ansible_collections.iniplus.inventory.plugins.module_utils.ini_model import (
    Diagnostic,
    IniAssignments,
    IniGroup,
    IniHost,
    IniInventory,
    IniStep,
    UntrustedText,
)

__all__ = ["Uncacheable", "decode_models", "encode_models"]

_DICT = "$dict"  # {"$dict": [[key, value], ...]}: keys of any type, in order
_TUPLE = "$tuple"  # a dict key written as a tuple
_BYTES_TEXT = "$untrusted"  # UntrustedText: a b'' literal, decoded but not trusted
_RAW_BYTES = "$bytes"  # a bytes dict key, base64
_SURROGATES = "$text"  # text holding lone surrogates, base64 of UTF-8 with surrogatepass


class Uncacheable(ValueError):
    """A model that cannot be written to, or read back from, the cache unchanged."""


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
        if value.isascii() or not _has_surrogates(value):
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


def _has_surrogates(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False
