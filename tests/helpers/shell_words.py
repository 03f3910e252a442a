# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The oracles the word-splitting tests compare ``split_words`` with, in one place.

``shlex_words`` is what ansible.builtin.ini gets; a splitter's words or error read the same way
(``words_or_error``), and ``split_outcome`` keeps positions too, to compare two splitters
(``split_words`` and the scanner) offset for offset, errors included.
"""

from __future__ import annotations

import shlex
import typing as t

from ansible_collections.iniplus.inventory.plugins.module_utils.ini_words import ShellWordsError

Splitter = t.Callable[[str], tuple[list[str], list[int]]]


def shlex_words(line: str) -> list[str] | str:
    """``shlex.split(line, comments=True)``, or ``"error: <its message>"``."""
    try:
        return shlex.split(line, comments=True)
    except ValueError as error:
        return f"error: {error}"


def words_or_error(split: Splitter, line: str) -> list[str] | str:
    """A splitter's words (checked to come with an offset each), or ``"error: <its message>"``:
    comparable with :func:`shlex_words`."""
    try:
        words, offsets = split(line)
    except ShellWordsError as error:
        return f"error: {error}"
    assert len(words) == len(offsets)
    return words


def split_outcome(split: Splitter, line: str) -> tuple[list[str], list[int]] | tuple[str, int]:
    """A splitter's words and offsets, or its error's message and offset."""
    try:
        return split(line)
    except ShellWordsError as error:
        return str(error), error.offset
