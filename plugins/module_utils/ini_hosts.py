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
import typing as t

from .ini_diagnostics import Finding
from .ini_model import quoted, shortened

__all__ = [
    "MAX_EXPANDED_HOSTS",
    "MAX_RANGES",
    "HostPattern",
    "HostPatternError",
    "expand_host_pattern",
    "read_host_pattern",
    "split_port",
]

# One host pattern makes at most this many hosts: ansible.builtin.ini would build the whole
# list first and run out of memory long before the inventory is usable.
MAX_EXPANDED_HOSTS = 1_000_000
# ansible-core expands ranges recursively and fails with a RecursionError a little below 1,000.
MAX_RANGES = 900

# --- address grammar ------------------------------------------------------------------
# Ranges that may stand in place of part of an address or a name.
_NUMERIC_RANGE = r"\[[0-9]+:[0-9]+(?::[0-9]+)?\]"
_HEX_RANGE = r"\[[0-9a-f]+:[0-9a-f]+(?::[0-9]+)?\]"
_NAME_RANGE = r"\[(?:[a-z]:[a-z]|[0-9]+:[0-9]+)(?::[0-9]+)?\]"

_IPV4_PART = rf"(?:[01]?[0-9]{{1,2}}|2[0-4][0-9]|25[0-5]|{_NUMERIC_RANGE})"
_IPV6_PART = rf"(?:[0-9a-f]{{1,4}}|{_HEX_RANGE})"
_IPV4_TAIL = rf"(?:{_IPV6_PART}\.){{3}}{_IPV6_PART}"

_IPV4 = re.compile(rf"(?:{_IPV4_PART}\.){{3}}{_IPV4_PART}", re.IGNORECASE)
_IPV6_FORMS = (
    rf"(?:{_IPV6_PART}:){{7}}{_IPV6_PART}",
    rf"(?:{_IPV6_PART}:){{1,6}}:",
    *(rf"(?:{_IPV6_PART}:){{{n}}}(?::{_IPV6_PART}){{1,{7 - n}}}" for n in range(1, 7)),
    rf":(?::{_IPV6_PART}){{1,6}}",
    rf"{_IPV6_PART}?::",
    rf"(?:0:){{6}}{_IPV4_TAIL}",
    rf"::(?:ffff:)?{_IPV4_TAIL}",
    rf"(?:0:){{5}}ffff:{_IPV4_TAIL}",
)
_IPV6 = re.compile("|".join(_IPV6_FORMS), re.IGNORECASE)  # used with fullmatch
# ansible-core before 2.19 wrote the same forms as '^form|form|...|form$' without a group: '$'
# bound only the last form, so match() took any address that merely starts with one of the
# others ('::1[1:3]' as a host '::11' to '::13'). Used with match(), like the original.
_IPV6_BEFORE_2_19 = re.compile("|".join(_IPV6_FORMS[:-1]) + f"|{_IPV6_FORMS[-1]}$", re.IGNORECASE)
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


class HostPattern(t.NamedTuple):
    """What a host pattern names: its hosts and port, or the error that refuses it; maybe a warning."""

    names: list[str]
    port: int | None
    error: Finding | None = None
    warning: Finding | None = None


def read_host_pattern(pattern: str, column: int, *, legacy_ipv6: bool = False) -> HostPattern:
    """Split the port off a pattern (at ``column`` of its line) and expand its ranges, as the builtin does.

    ``legacy_ipv6``: read addresses as ansible-core before 2.19 does (see :func:`split_port`).
    """
    if ":" in pattern or "[" in pattern:
        address, port = split_port(pattern, legacy_ipv6=legacy_ipv6)
    else:
        address, port = pattern, None
    if port is None and pattern.strip().endswith(":"):
        return HostPattern([], None, _pattern_error(pattern, column, "missing-port"))
    try:
        names = expand_host_pattern(address)
    except HostPatternError as error:
        return HostPattern([], None, Finding("bad-host-range", str(error), column, len(pattern), error.hint))
    if not names:
        return HostPattern([], port, warning=_pattern_error(pattern, column, "empty-range"))
    for name in names:
        if name.strip() == "---":
            return HostPattern([], None, _pattern_error(pattern, column, "yaml-document"))
        if not name:
            return HostPattern([], None, _pattern_error(pattern, column, "empty-host-name"))
    return HostPattern(names, port)


def _pattern_error(pattern: str, column: int, code: str) -> Finding:
    shown = quoted(pattern)
    message, hint = {
        "missing-port": (
            f"host pattern {shown} ends in ':' but gives no port",
            "':' is reserved for a port: write host:22, or drop the ':'",
        ),
        "empty-range": (
            f"host pattern {shown} expands to no host at all",
            "a range runs from begin up to end: swap the bounds, e.g. [1:10] rather than [10:1]",
        ),
        "yaml-document": (
            f"host pattern {shown} looks like a YAML document start",
            "this file looks like YAML: name it *.yml, or use the yaml inventory plugin",
        ),
        "empty-host-name": ("empty host name", "give the host a name"),
    }[code]
    span = max(1, len(pattern)) if code == "empty-host-name" else len(pattern)
    return Finding(code, message, column, span, hint)


def split_port(pattern: str, *, legacy_ipv6: bool = False) -> tuple[str, int | None]:
    """Split ``pattern`` into the host part and its port, as ansible-core's parse_address does.

    When what is left is not a valid IPv4, IPv6 or host name, Ansible keeps the whole
    pattern as the name and no port. ``legacy_ipv6``: the IPv6 rule of ansible-core before
    2.19, which accepts an address that starts with an IPv6 address.
    """
    address = pattern
    port: int | None = None
    # Both forms are tried in turn on what the previous one left, as ansible-core does.
    for with_port in (_BRACKETED_WITH_PORT, _WITH_PORT):
        match = with_port.fullmatch(address)
        if match is not None:
            address, port = match.group(1), int(match.group(2))
    is_ipv6 = _IPV6_BEFORE_2_19.match if legacy_ipv6 else _IPV6.fullmatch
    if address and (_IPV4.fullmatch(address) or is_ipv6(address) or _HOSTNAME.fullmatch(address)):
        return address, port
    return pattern, None


def expand_host_pattern(pattern: str) -> list[str]:
    """Expand every ``[begin:end(:step)]`` range in ``pattern``, leftmost first.

    ansible-core expands the first range and then, recursively, each name it made. The text
    between and after the ranges is the same for every name (a value holds no bracket), so
    the ranges are read once, left to right, and the names made as their product: no
    recursion, and the number of names is known, and refused when too large, before any is made.
    """
    if "[" not in pattern:
        return [pattern]
    levels: list[tuple[str, t.Sequence[str | int], int]] = []
    rest = pattern
    shown = ""  # the name ansible-core would be expanding at this range, for messages
    count = 1
    while "[" in rest:
        head, values, width, rest = _first_range(shown + rest, rest)
        size = _size(values)
        if not size:
            return []
        levels.append((head, values, width))
        shown += head + _text(values[0], width)
        count *= size
        if len(levels) > MAX_RANGES:
            raise HostPatternError(
                f"host pattern {quoted(pattern)} has more than {MAX_RANGES:,} ranges",
                hint="ansible.builtin.ini fails on such a pattern with a recursion error; "
                "split it into several lines",
            )
        if count > MAX_EXPANDED_HOSTS:
            raise HostPatternError(
                f"host pattern {quoted(pattern)} would make {_product(levels, rest):,} hosts, "
                f"more than the {MAX_EXPANDED_HOSTS:,} allowed from one pattern",
                hint="check the bounds of its ranges; a host list this long would exhaust memory",
            )
    names = [""]
    for head, values, width in levels:
        texts = [_text(value, width) for value in values]
        names = [f"{name}{head}{text}" for name in names for text in texts]
    return [f"{name}{rest}" for name in names] if rest else names


def _product(levels: list[tuple[str, t.Sequence[str | int], int]], rest: str) -> int:
    """How many hosts the whole pattern would make: the ranges read so far, then the rest."""
    count = 1
    for _head, values, _width in levels:
        count *= _size(values)
    while "[" in rest and count:
        try:
            _head, values, _width, rest = _first_range(rest, rest)
        except HostPatternError:
            break
        count *= _size(values)
    return count


def _size(values: t.Sequence[str | int]) -> int:
    try:
        return len(values)
    except OverflowError:  # a range longer than sys.maxsize: count it without len()
        if not isinstance(values, range):
            raise
        start, stop, step = values.start, values.stop, values.step
        if step < 0:
            start, stop, step = -start, -stop, -step
        return max(0, (stop - start + step - 1) // step)


def _text(value: str | int, width: int) -> str:
    text = str(value)
    return text.zfill(width) if width else text


def _first_range(name: str, rest: str) -> tuple[str, t.Sequence[str | int], int, str]:
    """Split ``rest`` at its first range: the text before it, its values (padded), the text after.

    ``name`` is the whole name ansible-core would be looking at, for the error message.
    """
    # The first '[' and then the first ']' of what remains mark the range, as in ansible-core.
    marked = rest.replace("[", "|", 1).replace("]", "|", 1).split("|")
    if len(marked) != 3:
        raise HostPatternError(
            f"cannot expand host range in {quoted(name)}: expected one '[begin:end]' with no '|' in the name",
            hint="write a range as [begin:end] or [begin:end:step], e.g. web[01:20]",
        )
    head, bounds_text, tail = marked
    bounds = bounds_text.split(":")
    shown_bounds = shortened(f"[{bounds_text}]")  # the brackets delimit it; long ones are cut
    if len(bounds) not in (2, 3):
        raise HostPatternError(
            f"host range {shown_bounds} must be begin:end or begin:end:step",
            hint="a range needs a ':' between begin and end, e.g. web[1:9]; "
            "a ';' comment is not allowed after a [section] header",
        )
    begin = bounds[0] or "0"
    end = bounds[1]
    step_text = bounds[2] if len(bounds) == 3 else "1"
    if not end:
        raise HostPatternError(
            f"host range {shown_bounds} has no end value", hint="give the last value, e.g. [1:9]"
        )
    width = len(begin) if begin[0] == "0" and len(begin) > 1 else 0
    if width and width != len(end):
        raise HostPatternError(
            f"host range {shown_bounds}: begin and end must have the same width",
            hint=f"pad the end to {width} characters, e.g. [{begin}:{end.zfill(width)}]"
            if width + len(begin) < 200
            else "pad the end to the width of the begin",
        )
    return head, _range_values(shown_bounds, begin, end, step_text), width, tail


def _range_values(shown_bounds: str, begin: str, end: str, step_text: str) -> t.Sequence[str | int]:
    letters = string.ascii_letters
    # Letters: the bounds are found as substrings of ascii_letters; a bad step falls back
    # to the numeric reading, as ansible-core does.
    first, last = letters.find(begin), letters.find(end)
    if first >= 0 and last >= 0:
        if first > last:
            raise HostPatternError(
                f"host range {shown_bounds} must have begin <= end",
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
            f"host range {shown_bounds} is neither numeric nor a letter range",
            hint="use numbers ([1:9]) or single letters ([a:f]) on both sides",
        ) from None
    if step == 0:
        raise HostPatternError(
            f"host range {shown_bounds} has a step of zero", hint="use a step of 1 or more"
        )
    # Not made into a list: the caller counts the hosts first (a range may be enormous).
    return range(start, stop + 1, step)
