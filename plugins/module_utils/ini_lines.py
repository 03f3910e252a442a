# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The line layer of the INI grammar: decoding, and what a ``[`` line is.

Pure functions of the text, with positions, shared by the parser and by tools that edit
inventories and need each line's kind without a full parse.
"""

from __future__ import annotations

import enum
import re
import typing as t

__all__ = [
    "BYTE_ORDER_MARK",
    "CHILD_NAME",
    "COMMENT_MARKERS",
    "HeaderShape",
    "SectionKind",
    "SectionLine",
    "decode_source",
    "has_surrogates",
    "section_kind",
    "section_line",
]

# Whole-line comments start with one of these (after leading blanks).
COMMENT_MARKERS = frozenset("#;")
BYTE_ORDER_MARK = "\ufeff"
# A byte that is not UTF-8, as decoding with "surrogateescape" keeps it.
UNDECODABLE = re.compile("[\udc80-\udcff]")
# '[name]' or '[name:type]', then blanks and an optional '#' comment. A name is anything but
# ':', ']' and blanks; the type is a word.
_SECTION = re.compile(r"\[([^:\]\s]+)(?::(\w+))?\]\s*(?:#.*)?")
# A line of a :children section: a group name, then blanks and an optional '#' comment.
CHILD_NAME = re.compile(r"([^:\]\s]+)\s*(?:#.*)?")
# A header followed by a ';' comment, which the builtin does not recognise as a header.
_HEADER_WITH_SEMICOLON_COMMENT = re.compile(r"(\[[^\]\s]+\])\s*;.*")


class SectionKind(enum.Enum):
    """What the lines under a header are: hosts, ``name=value`` variables or child groups."""

    HOSTS = "hosts"
    VARS = "vars"
    CHILDREN = "children"
    # Under a header that is in error: its lines are skipped (the error is reported).
    UNREADABLE = "unreadable"


_KIND_BY_TYPE: dict[str | None, SectionKind] = {
    None: SectionKind.HOSTS,
    "hosts": SectionKind.HOSTS,
    "vars": SectionKind.VARS,
    "children": SectionKind.CHILDREN,
}


class HeaderShape(enum.Enum):
    """The shapes of a line that starts with '[' and is not a host."""

    SECTION = "section"  # [name] or [name:type], maybe with a '#' comment
    SEMICOLON_COMMENT = "semicolon comment"  # [name] ; comment: the builtin reads it as a body line
    MALFORMED = "malformed"  # ends in ']' but is no header


class SectionLine(t.NamedTuple):
    """A ``[`` line: its shape, the name as written and where things are (0-based, in the line).

    For SEMICOLON_COMMENT, ``name`` is the whole ``[name]`` and ``end`` where it ends.
    """

    shape: HeaderShape
    name: str
    type_word: str | None = None
    type_start: int = 0
    end: int = 0


def section_line(line: str) -> SectionLine | None:
    """Classify a stripped line that starts with '['; ``None`` when it is a body line (``[fe80::1]:22``)."""
    header = _SECTION.fullmatch(line)
    if header is not None:
        return SectionLine(
            HeaderShape.SECTION, header.group(1), header.group(2), header.start(2), header.end()
        )
    glued = _HEADER_WITH_SEMICOLON_COMMENT.fullmatch(line)
    if glued is not None:
        return SectionLine(HeaderShape.SEMICOLON_COMMENT, glued.group(1), end=glued.end(1))
    if line[-1] == "]":
        return SectionLine(HeaderShape.MALFORMED, line)
    return None


def section_kind(type_word: str | None) -> SectionKind | None:
    """The kind a header's type names (no type: hosts); ``None`` for an unknown type."""
    return _KIND_BY_TYPE.get(type_word)


def decode_source(data: str | bytes) -> str:
    """Decode as Ansible does: UTF-8, undecodable bytes kept as lone surrogates."""
    if isinstance(data, bytes):
        return data.decode("utf-8", "surrogateescape")
    return data


def has_surrogates(text: str) -> bool:
    """Whether ``text`` holds lone surrogates (undecodable bytes kept by decoding), which UTF-8 cannot encode.

    Cheaper than searching the text: most text is ASCII, and a str that UTF-8 can encode holds none.
    """
    if text.isascii():
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False
