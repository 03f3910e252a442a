# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Split a host line into words exactly as ``shlex.split(line, comments=True)`` does.

ansible.builtin.ini tokenises every host line with shlex, a character-at-a-time state
machine. Most host lines have no quotes, escapes or comments, and for those a plain split
on shlex's whitespace gives the same words; the rest go through a regex scanner that
implements POSIX shlex rules. Property tests compare both with ``shlex.split``.
"""

from __future__ import annotations

import re

__all__ = ["ShellWordsError", "split_words"]

# shlex's whitespace is exactly these four characters (not str.isspace()).
_SHELL_BLANKS = " \t\r\n"
_PLAIN_WORD = re.compile(r"[^ \t\r\n]+")
# A line needs the full scanner only if it holds a quote, an escape or a comment sign.
_NEEDS_SCANNER = re.compile(r"""['"\\#]""")
# One piece of a word: unquoted text, a single-quoted run, a double-quoted run, or an escape.
_WORD_PIECE = re.compile(
    r"""
      (?P<bare>[^ \t\r\n'"\\\#]+)
    | '(?P<single>[^']*)'
    | "(?P<double>(?:[^"\\]|\\.)*)"
    | \\(?P<escaped>.)
    """,
    re.VERBOSE | re.DOTALL,
)
# Inside double quotes a backslash escapes only a double quote or another backslash.
_DOUBLE_QUOTED_ESCAPE = re.compile(r'\\(["\\])')


class ShellWordsError(ValueError):
    """A host line that shlex cannot split: an unclosed quote or a dangling backslash."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.offset = offset


def split_words(line: str) -> list[tuple[str, int]]:
    """Return the words of ``line`` with the offset where each starts; ``#`` starts a comment."""
    if _NEEDS_SCANNER.search(line) is None:
        return _split_plain(line)
    return _scan(line)


def _split_plain(line: str) -> list[tuple[str, int]]:
    return [(word.group(), word.start()) for word in _PLAIN_WORD.finditer(line)]


def _scan(line: str) -> list[tuple[str, int]]:
    words: list[tuple[str, int]] = []
    position = 0
    end = len(line)
    while position < end:
        # 1. skip blanks between words; a '#' here starts a comment.
        char = line[position]
        if char in _SHELL_BLANKS:
            position += 1
            continue
        if char == "#":
            break
        # 2. read one word, piece by piece, until a blank, a comment or the end.
        start = position
        pieces: list[str] = []
        while position < end:
            piece = _WORD_PIECE.match(line, position)
            if piece is None:
                char = line[position]
                if char in _SHELL_BLANKS or char == "#":
                    break
                raise _unfinished_word_error(line, position)
            kind = piece.lastgroup
            text = piece.group(kind) if kind else ""
            if kind == "double" and "\\" in text:
                text = _DOUBLE_QUOTED_ESCAPE.sub(r"\1", text)
            pieces.append(text)
            position = piece.end()
        words.append(("".join(pieces), start))
        # 3. a comment sign right after a word ends the word and the line.
        if position < end and line[position] == "#":
            break
    return words


def _unfinished_word_error(line: str, position: int) -> ShellWordsError:
    char = line[position]
    if char == "\\":
        return ShellWordsError("No escaped character", position)
    # An open quote: shlex reports a backslash that ends the line inside double quotes
    # before it notices the quote is never closed.
    if char == '"' and _ends_inside_escape(line, position + 1):
        return ShellWordsError("No escaped character", position)
    return ShellWordsError("No closing quotation", position)


def _ends_inside_escape(line: str, position: int) -> bool:
    trailing = len(line) - len(line.rstrip("\\"))
    return trailing % 2 == 1 and len(line) - trailing >= position
