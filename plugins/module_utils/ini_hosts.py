# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Host patterns: split off a ``:port`` and expand ``[a:b:step]`` ranges.

The rules are ansible-core's (``parse_address`` and ``expand_hostname_range``), including
their corners: a port is only taken when what stands before it is a valid address or host
name; a range is expanded whether or not the name is valid; letters range over
``string.ascii_letters`` by substring index; numbers go through ``int()``.
"""

from __future__ import annotations

import re
import string

__all__ = ["HostPatternError", "expand_host_pattern", "split_port"]

# --- address grammar ------------------------------------------------------------------
# Ranges that may stand in place of part of an address or a name.
_NUMERIC_RANGE = r"\[[0-9]+:[0-9]+(?::[0-9]+)?\]"
_HEX_RANGE = r"\[[0-9a-f]+:[0-9a-f]+(?::[0-9]+)?\]"
_NAME_RANGE = r"\[(?:[a-z]:[a-z]|[0-9]+:[0-9]+)(?::[0-9]+)?\]"

_IPV4_PART = rf"(?:[01]?[0-9]{{1,2}}|2[0-4][0-9]|25[0-5]|{_NUMERIC_RANGE})"
_IPV6_PART = rf"(?:[0-9a-f]{{1,4}}|{_HEX_RANGE})"
_IPV4_TAIL = rf"(?:{_IPV6_PART}\.){{3}}{_IPV6_PART}"

_IPV4 = re.compile(rf"(?:{_IPV4_PART}\.){{3}}{_IPV4_PART}", re.IGNORECASE)
_IPV6 = re.compile(
    "|".join(
        (
            rf"(?:{_IPV6_PART}:){{7}}{_IPV6_PART}",
            rf"(?:{_IPV6_PART}:){{1,6}}:",
            *(rf"(?:{_IPV6_PART}:){{{n}}}(?::{_IPV6_PART}){{1,{7 - n}}}" for n in range(1, 7)),
            rf":(?::{_IPV6_PART}){{1,6}}",
            rf"{_IPV6_PART}?::",
            rf"(?:0:){{6}}{_IPV4_TAIL}",
            rf"::(?:ffff:)?{_IPV4_TAIL}",
            rf"(?:0:){{5}}ffff:{_IPV4_TAIL}",
        )
    ),
    re.IGNORECASE,
)
# A label starts with a word character or a range and does not end with '-' or '_'.
_LABEL = rf"(?:\w|{_NAME_RANGE})(?:[\w-]|{_NAME_RANGE})*(?<![_-])"
_HOSTNAME = re.compile(rf"{_LABEL}(?:\.{_LABEL})*", re.IGNORECASE)

# '[anything]:port' and 'name-or-ranges:port' (ranges may hold ':').
_BRACKETED_WITH_PORT = re.compile(r"\[(.+)\]:([0-9]+)")
_WITH_PORT = re.compile(r"((?:[^:\[\]]|\[[^\]]*\])*):([0-9]+)")


class HostPatternError(ValueError):
    """A host pattern whose range cannot be expanded."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.hint = hint


def split_port(pattern: str) -> tuple[str, int | None]:
    """Split ``pattern`` into the host part and its port, as ansible-core's parse_address does.

    When what is left is not a valid IPv4, IPv6 or host name, Ansible keeps the whole
    pattern as the name and no port.
    """
    address = pattern
    port: int | None = None
    # Both forms are tried in turn on what the previous one left, as ansible-core does.
    for with_port in (_BRACKETED_WITH_PORT, _WITH_PORT):
        match = with_port.fullmatch(address)
        if match is not None:
            address, port = match.group(1), int(match.group(2))
    if address and (_IPV4.fullmatch(address) or _IPV6.fullmatch(address) or _HOSTNAME.fullmatch(address)):
        return address, port
    return pattern, None


def expand_host_pattern(pattern: str) -> list[str]:
    """Expand every ``[begin:end(:step)]`` range in ``pattern``, leftmost first."""
    if "[" not in pattern:
        return [pattern]
    return _expand_first_range(pattern)


def _expand_first_range(pattern: str) -> list[str]:
    # The first '[' and then the first ']' of what remains mark the range, as in ansible-core.
    marked = pattern.replace("[", "|", 1).replace("]", "|", 1).split("|")
    if len(marked) != 3:
        raise HostPatternError(
            f"cannot expand host range in {pattern!r}: expected one '[begin:end]' with no '|' in the name",
            hint="write a range as [begin:end] or [begin:end:step], e.g. web[01:20]",
        )
    head, bounds_text, tail = marked
    bounds = bounds_text.split(":")
    if len(bounds) not in (2, 3):
        raise HostPatternError(
            f"host range [{bounds_text}] must be begin:end or begin:end:step",
            hint="a range needs a ':' between begin and end, e.g. web[1:9]; "
            "a ';' comment is not allowed after a [section] header",
        )
    begin = bounds[0] or "0"
    end = bounds[1]
    step_text = bounds[2] if len(bounds) == 3 else "1"
    if not end:
        raise HostPatternError(
            f"host range [{bounds_text}] has no end value", hint="give the last value, e.g. [1:9]"
        )
    width = len(begin) if begin[0] == "0" and len(begin) > 1 else 0
    if width and width != len(end):
        raise HostPatternError(
            f"host range [{bounds_text}]: begin and end must have the same width",
            hint=f"pad the end to {width} characters, e.g. [{begin}:{end.zfill(width)}]",
        )
    values = _range_values(bounds_text, begin, end, step_text)
    expanded: list[str] = []
    for value in values:
        name = f"{head}{value.zfill(width) if width else value}{tail}"
        if "[" in name:
            expanded.extend(_expand_first_range(name))
        else:
            expanded.append(name)
    return expanded


def _range_values(bounds_text: str, begin: str, end: str, step_text: str) -> list[str]:
    letters = string.ascii_letters
    # Letters: the bounds are found as substrings of ascii_letters; a bad step falls back
    # to the numeric reading, as ansible-core does.
    first, last = letters.find(begin), letters.find(end)
    if first >= 0 and last >= 0:
        if first > last:
            raise HostPatternError(
                f"host range [{bounds_text}] must have begin <= end",
                hint=f"swap the bounds: [{end}:{begin}]",
            )
        try:
            return list(letters[first : last + 1 : int(step_text)])
        except ValueError:
            pass
    try:
        start, stop, step = int(begin), int(end), int(step_text)
    except ValueError:
        raise HostPatternError(
            f"host range [{bounds_text}] is neither numeric nor a letter range",
            hint="use numbers ([1:9]) or single letters ([a:f]) on both sides",
        ) from None
    if step == 0:
        raise HostPatternError(
            f"host range [{bounds_text}] has a step of zero", hint="use a step of 1 or more"
        )
    return [str(number) for number in range(start, stop + 1, step)]
