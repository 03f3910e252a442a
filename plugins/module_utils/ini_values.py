# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Type INI values the way ansible.builtin.ini does: ``ast.literal_eval``, then normalise.

The builtin hands every value (host-line and ``:vars`` alike) to ``ast.literal_eval`` and keeps
the original text when that raises ``ValueError`` or ``SyntaxError``. The result is then
normalised as ansible-core 2.19+ does it, on every supported core:

* tuples and sets become lists, recursively (dict values too; dict keys are kept),
* a complex number becomes its ``str()``, ``...`` becomes the string ``"..."``,
* ``b'...'`` is decoded (surrogateescape) into :class:`UntrustedText`.

Any other exception from ``literal_eval`` (``{[1]: 2}`` raises ``TypeError``, deep nesting
raises ``RecursionError``) makes the builtin reject the file; :func:`type_value` raises
:class:`ValueTypingError` for those so the caller can report the line.

Most values are plain words, numbers or text that cannot be a literal, and evaluating them
costs a Python parse each. The fast paths below recognise those shapes with one precompiled
pattern and return what ``literal_eval`` would (property-tested against it):

* a name-like word: itself, or ``True``/``False``/``None``;
* a decimal integer or a plain decimal fraction: ``int()``/``float()`` of it, which round
  exactly as the compiler does;
* a quoted string with no escapes: its content;
* a dotted run of numbers such as ``10.0.0.1``: never valid Python, so kept as written;
* short text that starts with a name which is not a constant nor a string prefix such as
  ``b'`` (``Welcome to {{ x }}``): the expression Python parses from it, if any, starts
  with that name, and ``literal_eval``
  converts the leftmost operand first and rejects a name with ``ValueError`` before it could
  reach anything that raises otherwise. The length cap keeps the nesting far below the depth
  at which the compiler itself raises ``RecursionError`` (about 1,000 levels).

Lists and dicts are the other common values (``labels="['web', 'rack1']"``) and the dearest to
evaluate, and each host needs an object of its own:

* a flat list or dict whose items (and keys) are quoted strings without escapes, short
  numbers, ``True``, ``False`` or ``None``, with single spaces as the only blanks, is read by
  one pattern that checks its shape and one that picks out its items;
* any list or dict value, however it was typed, is remembered by its text (short texts only,
  in a bounded table): the same text again gets a fresh copy of the remembered structure
  rather than a new ``literal_eval``.
"""

from __future__ import annotations

import ast
import re
import typing as t
import warnings

from .ini_model import UntrustedText

__all__ = ["ValueTypingError", "literal_eval_value", "type_value", "type_value_as_string"]

# One pattern sorts the common shapes; the group that matched names the fast path.
_FAST_SHAPES = re.compile(
    r"""
      (?P<word>[A-Za-z_][A-Za-z0-9_.\-/:@]*)                # a name-like word (no quote, no blank)
    | (?P<dotted>[0-9]{1,17}\.[0-9]{1,17}\.[0-9]{1,17}(?:\.[0-9]{1,17})*)  # before int and float:
                                                             # addresses are the unique values
    | (?P<int>-?(?:0|[1-9][0-9]{0,17}))                      # short enough to stay clear of int()
                                                             # digit limits
    | (?P<float>-?[0-9]{1,17}\.[0-9]{1,17})
    | (?P<quoted>'[^'\\\n\r\x00\ud800-\udfff]*'|"[^"\\\n\r\x00\ud800-\udfff]*")
    | (?P<name_first>(?!(?:True|False|None|set)\b)(?![A-Za-z_]\w*['"])[A-Za-z_].{0,199})
    """,
    re.VERBOSE | re.DOTALL,
)
# A quoted string with a line break, a NUL or a lone surrogate (from undecodable bytes) is
# refused by the compiler, so "quoted" excludes those: they go the slow way and stay as written.
_NAMED_CONSTANTS = {"True": True, "False": False, "None": None}
# Words up to this long are at most 100 levels deep, far from any recursion limit.
_LONGEST_FAST_WORD = 200

# Flat lists and dicts of simple items: the shape is checked by one pattern, the items are
# picked out by another (the shape makes sure no item hides inside another).
_ITEM = (
    r"""(?:'[^'\\\n\r\x00\ud800-\udfff]*'|"[^"\\\n\r\x00\ud800-\udfff]*"|-?[0-9]{1,17}\.[0-9]{1,17}"""
    r"|-?(?:0|[1-9][0-9]{0,17})|True|False|None)"
)
_FLAT_CONTAINER = re.compile(
    rf"\[ ?(?:{_ITEM} ?, ?)*(?:{_ITEM} ?)?\]|\{{ ?(?:{_ITEM} ?: ?{_ITEM} ?, ?)*(?:{_ITEM} ?: ?{_ITEM} ?)?\}}"
)
_ITEMS = re.compile(r"""'[^']*'|"[^"]*"|-?[0-9]+\.[0-9]+|-?[0-9]+|True|False|None""")
_FLAT_CONTAINER_LIMIT = 2048
# Remembered lists and dicts, by text: (the structure, whether its items are all immutable).
# Short texts only: a text that cannot nest deeply nor hold a number long enough to meet the
# interpreter's integer-digit limit is typed the same way every time.
_CONTAINERS: dict[str, tuple[t.Any, bool]] = {}
_CONTAINER_TEXT_LIMIT = 512
_CONTAINER_MEMO_LIMIT = 4096


class ValueTypingError(ValueError):
    """``ast.literal_eval`` raised something other than ValueError/SyntaxError."""


def type_value(text: str) -> t.Any:
    """Return the typed value of ``text`` as ansible.builtin.ini would store it.

    (Within one parse, the parser remembers each host-line ``name=value`` word whose value is
    immutable and springs no trap, and the typed value of each trapped text: those repeat
    without coming here again. ``:vars`` values are typed every time.)
    """
    shape = _FAST_SHAPES.fullmatch(text)
    if shape is None:
        return _type_other(text)
    kind = shape.lastgroup
    if kind == "word":
        if len(text) > _LONGEST_FAST_WORD:
            # '.', '-', '/' and '@' chain names into an expression as deep as the word is long:
            # thousands of them make literal_eval raise RecursionError, and the builtin then
            # rejects the file. Only literal_eval itself says where that starts.
            return literal_eval_value(text)
        return _NAMED_CONSTANTS.get(text, text)
    if kind == "int":
        return int(text)
    if kind == "float":
        return float(text)
    if kind == "quoted":
        return text[1:-1]
    return text  # "dotted" and "name_first": literal_eval can only reject them


def _type_other(text: str) -> t.Any:
    """A value no scalar fast path took: a remembered or flat container, else literal_eval."""
    known = _CONTAINERS.get(text)
    if known is not None:
        structure, flat = known
        return structure.copy() if flat else _fresh(structure)
    value: t.Any
    if text[:1] in "[{" and len(text) <= _FLAT_CONTAINER_LIMIT and _FLAT_CONTAINER.fullmatch(text):
        value = _flat_container(text)
    else:
        value = literal_eval_value(text)
    kind = type(value)
    if (kind is list or kind is dict) and len(text) <= _CONTAINER_TEXT_LIMIT:
        if len(_CONTAINERS) >= _CONTAINER_MEMO_LIMIT:
            _CONTAINERS.clear()
        items = value.values() if kind is dict else value
        # Exact types on purpose: literal_eval makes only these, and type() is the fast test.
        flat = all(type(item) is not list and type(item) is not dict for item in items)  # pylint: disable=unidiomatic-typecheck
        # The table keeps a copy of its own: the caller may change the value it gets.
        _CONTAINERS[text] = (value.copy() if flat else _fresh(value), flat)
    return value


def _flat_container(text: str) -> list[t.Any] | dict[t.Any, t.Any]:
    """The list or dict of a text that _FLAT_CONTAINER matched."""
    items: list[t.Any] = []
    for token in _ITEMS.findall(text):
        first = token[0]
        if first in "'\"":
            items.append(token[1:-1])
        elif first in "TFN":
            items.append(_NAMED_CONSTANTS[token])
        elif "." in token:
            items.append(float(token))
        else:
            items.append(int(token))
    if text[0] == "[":
        return items
    pairs = iter(items)
    return dict(zip(pairs, pairs, strict=True))


def _fresh(value: t.Any) -> t.Any:
    """A copy of a list or dict down to its immutable items."""
    if type(value) is list:  # pylint: disable=unidiomatic-typecheck  # exact: literal_eval's own lists
        return [_fresh(item) for item in value]
    if type(value) is dict:  # pylint: disable=unidiomatic-typecheck
        return {key: _fresh(item) for key, item in value.items()}
    return value


def literal_eval_value(text: str) -> t.Any:
    """The slow, obvious path: ``ast.literal_eval`` and normalisation, no shortcuts."""
    try:
        with warnings.catch_warnings():
            # Invalid escapes such as "\d" warn while parsing; the builtin silences them too.
            warnings.simplefilter("ignore", SyntaxWarning)
            value = ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return text
    except Exception as error:  # the builtin lets these fail the whole file
        raise ValueTypingError(f"{type(error).__name__}: {error}") from error
    return _normalise(value)


def type_value_as_string(text: str) -> str:
    """The ``typing: string`` rule: one quoted string loses its quotes, nothing else changes."""
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        try:
            value = ast.literal_eval(text)
        except Exception:  # noqa: BLE001 - anything literal_eval refuses stays as written
            return text
        if isinstance(value, str):
            return value
    return text


def _normalise(value: t.Any) -> t.Any:
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple, set)):
        return [_normalise(item) for item in value]
    if isinstance(value, dict):
        return {key: _normalise(item) for key, item in value.items()}
    if value is Ellipsis:
        return "..."
    if isinstance(value, complex):
        return str(value)
    if isinstance(value, bytes):
        return UntrustedText(value.decode("utf-8", "surrogateescape"))
    return value
