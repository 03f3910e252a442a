# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Split a host line into words exactly as ``shlex.split(line, comments=True)`` does.

ansible.builtin.ini tokenises every host line with shlex, a character-at-a-time state
machine. Three paths give shlex's words, cheapest first:

1. a line with no quote, escape or comment sign, or whose first comment sign comes before any
   quote or escape (then the rest of the line is a comment): a plain split on shlex's
   whitespace of the text before the comment; with quotes but no escape or tab, a split at
   the quotes of one kind (the other kind, if any, only inside those);
2. a line that one precompiled pattern proves well formed (every quote closed, no dangling
   backslash) up to its end or to a comment sign outside quotes: the words are found by one
   regex and only quoted words are unquoted;
3. anything else: a piece-by-piece scanner that also knows shlex's error messages.

Every pattern here runs in time and memory linear in the text it scans: a run of blanks is
only ever matched where a word or the end of the scanned region follows it (trailing blanks
are cut off first, so no pattern retries a long run of blanks from every position), and
quoted text is unquoted piece by piece with ``str.find`` rather than by a pattern that
repeats a group once per character (the regex engine keeps state for every repetition).

Property tests compare every path with ``shlex.split(line, comments=True)``.
"""

from __future__ import annotations

import re

__all__ = ["ShellWordsError", "split_words"]

# shlex's whitespace is exactly these four characters (not str.isspace()).
_SHELL_BLANKS = " \t\r\n"
_BLANKS_AND_PLAIN_WORD = re.compile(r"([ \t\r\n]*)([^ \t\r\n]+)")
# A line needs more than a split on blanks only if it holds a quote, an escape or a comment sign.
_SPECIALS = "\"'\\#"
# One piece of a word: unquoted text, a single-quoted run, a double-quoted run, or an escape.
_WORD_PIECE = re.compile(
    r"""
      (?P<bare>[^ \t\r\n'"\\\#]+)
    | '(?P<single>[^']*)'
    | "(?P<double>[^"\\]*(?:\\.[^"\\]*)*)"
    | \\(?P<escaped>.)
    """,
    re.VERBOSE | re.DOTALL,
)
# Inside double quotes a backslash escapes only a double quote or another backslash.
_DOUBLE_QUOTED_ESCAPE = re.compile(r'\\(["\\])')
# A well-formed word: plain runs and quoted pieces. Written as "unrolled loops" (a run, then
# any number of piece-run pairs) so that a word splits into parts only one way and a line
# that does not match fails in linear time instead of backtracking exponentially.
_PLAIN_RUN = r"""[^ \t\r\n'"\\\#]"""
_QUOTED = r"""(?:'[^']*'|"[^"\\]*(?:\\.[^"\\]*)*"|\\.)"""
_WORD = rf"(?:{_PLAIN_RUN}|{_QUOTED}){_PLAIN_RUN}*(?:{_QUOTED}{_PLAIN_RUN}*)*"
_WELL_FORMED_LINE = re.compile(
    rf"[ \t\r\n]*(?:{_WORD}(?:[ \t\r\n]+{_WORD})*)?[ \t\r\n]*(?P<comment>\#.*)?", re.DOTALL
)
# Blanks, then a word or else the one character that cannot start a word ("stray": a bare
# '#', an unclosed quote, a dangling backslash), so that findall never skips text silently.
_BLANKS_AND_WORD = re.compile(rf"([ \t\r\n]*)(?:({_WORD})|([^ \t\r\n]))", re.DOTALL)
# The same for text without backslash or '#', the common case: quotes are the only pieces.
_PLAIN_OR_QUOTE_RUN = r"""[^ \t\r\n'"]"""
_SIMPLE_QUOTED = r"""(?:'[^']*'|"[^"]*")"""
_SIMPLE_WORD = rf"(?:{_PLAIN_OR_QUOTE_RUN}|{_SIMPLE_QUOTED}){_PLAIN_OR_QUOTE_RUN}*" + (
    rf"(?:{_SIMPLE_QUOTED}{_PLAIN_OR_QUOTE_RUN}*)*"
)
_BLANKS_AND_SIMPLE_WORD = re.compile(rf"([ \t\r\n]*)(?:({_SIMPLE_WORD})|([^ \t\r\n]))")
# Where the next quoted piece or escape starts; inside double quotes, where the next quote or
# escape is. Unquoting searches with these and slices: a pattern that matched a whole quoted
# piece as a repeated group would cost the regex engine ~170 bytes per character.
_QUOTE_OR_ESCAPE = re.compile(r"""['"\\]""")
_DOUBLE_QUOTE_OR_ESCAPE = re.compile(r'["\\]')


class ShellWordsError(ValueError):
    """A host line that shlex cannot split: an unclosed quote or a dangling backslash."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.offset = offset


def split_words(line: str, origin: int = 0) -> tuple[list[str], list[int]]:
    """Return the words of ``line`` and where each starts; ``#`` starts a comment.

    A word's position is its offset in ``line`` plus ``origin`` (the parser passes the column
    of the line's first character and gets columns). Two lists rather than one of pairs: a
    large inventory splits a line per host, and the parser reads the words far more often
    than their positions.
    """
    # Outside quotes a '#' ends the line under shell-style splitting, whether it starts a word
    # or not, so only the text before the first '#' counts when no quote or escape comes
    # before it (or the quotes before it pair up: then it is outside them).
    comment = line.find("#")
    head = line if comment < 0 else line[:comment]
    if "\\" not in head:
        has_double, has_single = '"' in head, "'" in head
        if not has_double and not has_single:
            return _split_plain(head, origin)
        if "\t" not in head and "\r" not in head and "\n" not in head:
            if has_double != has_single:
                split = _split_quoted(head, '"' if has_double else "'", origin)
            else:
                split = _split_nested_quotes(head, origin)
            if split is not None:
                return split
    words, offsets = _split_any(line)
    return words, [offset + origin for offset in offsets] if origin else offsets


def _split_any(line: str) -> tuple[list[str], list[int]]:
    """Any line, offsets from 0: plain words, then the word pattern, and the scanner for errors."""
    # Words that end before the first quote, escape or comment sign are plain, and shlex
    # starts afresh after the blank that ends them: only the rest needs the word pattern.
    first = len(line)
    for special in _SPECIALS:
        found = line.find(special, 0, first)
        if found >= 0:
            first = found
    if "\t" in line or "\r" in line or "\n" in line:
        cut = max(line.rfind(blank, 0, first) for blank in _SHELL_BLANKS) + 1
    else:
        cut = line.rfind(" ", 0, first) + 1
    words, offsets = _split_plain(line[: cut - 1], 0) if cut else ([], [])
    if _read_words(line, cut, len(line), words, offsets):
        return words, offsets
    # A comment, an unclosed quote or a dangling backslash.
    well_formed = _WELL_FORMED_LINE.fullmatch(line)
    if well_formed is None:
        return _scan(line)  # the scanner finds the error and reports it as shlex does
    comment = well_formed.start("comment")
    words, offsets = [], []
    _read_words(line, 0, len(line) if comment < 0 else comment, words, offsets)
    return words, offsets


def _split_nested_quotes(line: str, origin: int) -> tuple[list[str], list[int]] | None:
    """The words of a line with both kinds of quote, where one kind only ever appears inside
    runs quoted with the other (``labels="['a', 'b']"``); None for any other line.

    Without backslashes, text inside quotes is literal to shlex, so such a line splits as if
    the inner kind were an ordinary character.
    """
    for quote, inner in (('"', "'"), ("'", '"')):
        pieces = line.split(quote)
        # Outside the quotes (even places) no inner quote; _split_quoted checks the pairs.
        if not any(inner in piece for piece in pieces[::2]):
            return _split_quoted(line, quote, origin)
    return None


def _split_quoted(line: str, quote: str, origin: int) -> tuple[list[str], list[int]] | None:
    """The words of a line whose only special characters are one kind of quote, and whose
    only blanks are spaces; None if a quote is left open.

    Split at the quotes, the text outside quotes is at even places and quoted text at odd
    ones; a word runs on across both until a space outside quotes ends it.
    """
    pieces = line.split(quote)
    if len(pieces) % 2 == 0:
        return None
    words: list[str] = []
    offsets: list[int] = []
    position = origin  # where the current piece starts in line, plus origin
    open_word = False  # whether the last word runs on into the current piece
    for index, piece in enumerate(pieces):
        if index % 2:
            if open_word:
                words[-1] += piece
            else:
                words.append(piece)
                offsets.append(position - 1)  # at the opening quote
                open_word = True
        else:
            chunks = piece.split(" ")
            first = chunks[0]
            if open_word:
                if first:
                    words[-1] += first
            elif first:
                words.append(first)
                offsets.append(position)
            start = position + len(first) + 1
            for chunk in chunks[1:]:
                if chunk:
                    words.append(chunk)
                    offsets.append(start)
                start += len(chunk) + 1
            # The next quoted text joins the last word unless a space came in between.
            open_word = chunks[-1] != "" or (len(chunks) == 1 and open_word)
        position += len(piece) + 1
    return words, offsets


def _read_words(line: str, start: int, end: int, words: list[str], offsets: list[int]) -> bool:
    """Add the words from ``start`` (not inside a word) to ``end``; False if something there
    cannot start a word (then what was added is incomplete).

    A stray '#' is a comment sign outside quotes (the words before it took every quoted
    piece whole), so it ends the line: the words added so far are all there are.
    """
    position = start
    # Blanks at the end of the region would be retried from every position of their run
    # (the blanks match, then neither a word nor a stray follows): quadratic. Cut them off.
    region_end = end
    while end > start and line[end - 1] in _SHELL_BLANKS:
        end -= 1
    if end < region_end and line[end - 1 : end] == "\\":
        end += 1  # the first of them may be escaped: keep it (one blank is retried once)
    simple = line.find("\\", start, end) < 0 and line.find("#", start, end) < 0
    # findall gives (blanks, word, stray) without building a match object per word.
    for blanks, word, stray in (_BLANKS_AND_SIMPLE_WORD if simple else _BLANKS_AND_WORD).findall(
        line, start, end
    ):
        if stray:
            return bool(stray == "#")
        position += len(blanks)
        words.append(_unquote(word) if "'" in word or '"' in word or "\\" in word else word)
        offsets.append(position)
        position += len(word)
    return True


def _split_plain(text: str, start: int) -> tuple[list[str], list[int]]:
    """The words of text with no quote, escape or comment sign; offsets count from ``start``."""
    if text[-1:] in _SHELL_BLANKS and text:
        # Trailing blanks make no word, and the pattern below would retry their run from
        # every position of it (quadratic): cut them off first.
        text = text.rstrip(_SHELL_BLANKS)
    words = text.split(" ")
    offsets: list[int] = []
    position = start
    if "" not in words and "\t" not in text and "\r" not in text and "\n" not in text:
        # Single spaces between words and nothing else: offsets add up word lengths.
        for word in words:
            offsets.append(position)
            position += len(word) + 1
        return words, offsets
    words = []
    for blanks, word in _BLANKS_AND_PLAIN_WORD.findall(text):
        position += len(blanks)
        words.append(word)
        offsets.append(position)
        position += len(word)
    return words, offsets


def _unquote(word: str) -> str:
    if "\\" not in word:
        # With one kind of quote and no escape, every quote in a well-formed word opens or
        # closes a quoted run, so dropping them all leaves the word's text.
        if "'" not in word:
            return word.replace('"', "")
        if '"' not in word:
            return word.replace("'", "")
    return _unquote_pieces(word)


def _unquote_pieces(word: str) -> str:
    """The text of a well-formed word: quoted pieces and escapes resolved, piece by piece."""
    parts: list[str] = []
    position = 0
    while True:
        # 1. copy the plain text up to the next quote or escape.
        found = _QUOTE_OR_ESCAPE.search(word, position)
        if found is None:
            parts.append(word[position:])
            return "".join(parts)
        start = found.start()
        parts.append(word[position:start])
        char = word[start]
        # 2. resolve that piece: an escape, a single-quoted run or a double-quoted run.
        if char == "\\":
            parts.append(word[start + 1 : start + 2])
            position = start + 2
        elif char == "'":
            end = word.index("'", start + 1)
            parts.append(word[start + 1 : end])
            position = end + 1
        else:
            end = start + 1
            while True:
                stop = _DOUBLE_QUOTE_OR_ESCAPE.search(word, end)
                if stop is None:  # not well formed after all; shlex would have refused it
                    raise ShellWordsError("No closing quotation", start)
                end = stop.start()
                if word[end] == '"':
                    break
                end += 2  # an escape inside double quotes: skip the escaped character
            text = word[start + 1 : end]
            parts.append(_DOUBLE_QUOTED_ESCAPE.sub(r"\1", text) if "\\" in text else text)
            position = end + 1


def _scan(line: str) -> tuple[list[str], list[int]]:
    words: list[str] = []
    offsets: list[int] = []
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
        words.append("".join(pieces))
        offsets.append(start)
        # 3. a comment sign right after a word ends the word and the line.
        if position < end and line[position] == "#":
            break
    return words, offsets


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
