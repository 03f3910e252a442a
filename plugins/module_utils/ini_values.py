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

Most values are plain words or small integers, and evaluating them costs a Python parse
each; the fast paths below return the same result without it (property-tested against
``literal_eval``).
"""

from __future__ import annotations

import ast
import re
import typing as t
import warnings

from .ini_model import UntrustedText

__all__ = ["ValueTypingError", "type_value", "type_value_as_string"]

# Text that literal_eval can only reject: it starts like a name, holds no quote (so no
# b'' / u'' / f'' prefix) and no blank, and is not one of the three named constants.
_PLAIN_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_.\-/:@]*")
_NAMED_CONSTANTS = {"True": True, "False": False, "None": None}
# A decimal integer literal_eval accepts, short enough to stay clear of int() digit limits.
_SMALL_INT = re.compile(r"-?(?:0|[1-9][0-9]{0,17})")
# A quoted string with no escape and no quote of its own kind inside (nor a NUL or a lone
# surrogate from undecodable bytes: Python refuses to compile those, so they stay as written).
_SIMPLE_QUOTED = re.compile("'[^'\\\\\x00\ud800-\udfff]*'|\"[^\"\\\\\x00\ud800-\udfff]*\"")


class ValueTypingError(ValueError):
    """``ast.literal_eval`` raised something other than ValueError/SyntaxError."""


def type_value(text: str) -> t.Any:
    """Return the typed value of ``text`` as ansible.builtin.ini would store it."""
    if _PLAIN_WORD.fullmatch(text):
        return _NAMED_CONSTANTS.get(text, text)
    if _SMALL_INT.fullmatch(text):
        return int(text)
    if _SIMPLE_QUOTED.fullmatch(text):
        return text[1:-1]
    try:
        with warnings.catch_warnings():
            # Invalid escapes such as "\d" warn while parsing; the builtin silences them too.
            warnings.simplefilter("ignore", SyntaxWarning)
            value = ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return text
    except Exception as error:  # noqa: BLE001 - the builtin lets these fail the whole file
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
