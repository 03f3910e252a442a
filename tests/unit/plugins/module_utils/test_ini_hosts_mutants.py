# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Examples that pin what the mutation session (tests/mutation/run.py) found unguarded in ini_hosts.

The property tests in test_ini_hosts.py compare with ansible-core on drawn patterns, which
rarely hit the corners here: the IPv6 forms with the most groups, the pre-2.19 IPv6 rule,
``read_host_pattern``'s findings, the limits (exactly at the bound), ranges too long for
``len()`` and the messages that count them. Where ansible-core can answer (no limit of ours
involved) it is asked too.
"""

from __future__ import annotations

import pytest

from ansible_collections.iniplus.inventory.plugins.module_utils.ini_hosts import (
    HostPatternError,
    expand_host_pattern,
    read_host_pattern,
    split_port,
)

ansible_addresses = pytest.importorskip("ansible.parsing.utils.addresses", reason="needs ansible-core")
ansible_inventory = pytest.importorskip("ansible.plugins.inventory", reason="needs ansible-core")

ansible_release = pytest.importorskip("ansible.release", reason="needs ansible-core")
# ansible-core before 2.19 reads IPv6 addresses with match() (see split_port's legacy_ipv6).
LEGACY_IPV6 = tuple(int(part) for part in ansible_release.__version__.split(".")[:2]) < (2, 19)

BIG = "99999999999999999999"  # 10**20 - 1: a range this long has no len()


def _ansible_split_port(pattern: str) -> tuple[str, int | None]:
    try:
        return ansible_addresses.parse_address(pattern, allow_ranges=True)  # type: ignore[no-any-return]
    except Exception:  # noqa: BLE001 - ansible-core treats any failure as "no port"
        return pattern, None


# --- split_port, today's rule, with ansible-core as the oracle ------------------------------
@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("[1::2:3:4:5:6:7:8]:22", ("[1::2:3:4:5:6:7:8]:22", None)),  # 8 groups and '::': too many
        ("[:1:2]:22", ("[:1:2]:22", None)),  # a single leading ':' is no address
        ("[1:2:3:4:5:6::7]:22", ("1:2:3:4:5:6::7", 22)),  # six groups, '::', one group
        ("[1::2]:22", ("1::2", 22)),
        ("[0:0:0:0:0:ffff:1.2.3.4]:22", ("0:0:0:0:0:ffff:1.2.3.4", 22)),
        ("[fe80::1]:22", ("fe80::1", 22)),
        ("[::1x]:22", ("[::1x]:22", None)),  # starts like an address, but is none
        ("web_:22", ("web_:22", None)),  # a label cannot end with '_'
        ("[a b]:22", ("[a b]:22", None)),
        ("web:22", ("web", 22)),
    ],
)
def test_split_port_corners(pattern: str, expected: tuple[str, int | None]) -> None:
    assert split_port(pattern) == expected
    assert split_port(pattern, legacy_ipv6=LEGACY_IPV6) == _ansible_split_port(pattern)


# --- split_port, the rule of ansible-core before 2.19 (match(), '$' on the last form only) ----
@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("[::1x]:22", ("::1x", 22)),  # match() takes an address that only starts like one
        ("[fe80::1]:22", ("fe80::1", 22)),
        ("[0:0:0:0:0:ffff:1.2.3.4]:22", ("0:0:0:0:0:ffff:1.2.3.4", 22)),  # the last, anchored form
        ("[a b]:22", ("[a b]:22", None)),
    ],
)
def test_split_port_legacy_ipv6(pattern: str, expected: tuple[str, int | None]) -> None:
    assert split_port(pattern, legacy_ipv6=True) == expected


def test_legacy_ipv6_is_off_by_default() -> None:
    assert split_port("[::1x]:22") == ("[::1x]:22", None)
    read = read_host_pattern("[::1x]:22", 1)  # the whole pattern, read as a range: refused
    assert read.error is not None and read.error.code == "bad-host-range"
    assert read_host_pattern("[::1x]:22", 1, legacy_ipv6=True) == (["::1x"], 22, None, None)


# --- read_host_pattern ------------------------------------------------------------------
def test_read_host_pattern_plain_and_with_port() -> None:
    assert read_host_pattern("web", 1) == (["web"], None, None, None)
    assert read_host_pattern("web:22", 1) == (["web"], 22, None, None)
    assert read_host_pattern("web[1:2]", 1) == (["web1", "web2"], None, None, None)
    assert read_host_pattern("web[1:2]:22", 1) == (["web1", "web2"], 22, None, None)


@pytest.mark.parametrize(
    ("pattern", "code", "span"),
    [("host:", "missing-port", 5), ("---", "yaml-document", 3), ("", "empty-host-name", 1)],
)
def test_read_host_pattern_errors(pattern: str, code: str, span: int) -> None:
    read = read_host_pattern(pattern, 7)
    assert (read.names, read.port, read.warning) == ([], None, None)
    assert read.error is not None
    assert (read.error.code, read.error.column, read.error.span) == (code, 7, span)


def test_read_host_pattern_empty_range_warns() -> None:
    read = read_host_pattern("x[3:1]:22", 2)
    assert (read.names, read.port, read.error) == ([], 22, None)
    assert read.warning is not None
    assert (read.warning.code, read.warning.column, read.warning.span) == ("empty-range", 2, 9)


def test_read_host_pattern_bad_range_is_a_finding() -> None:
    read = read_host_pattern("x[1:2:0]", 3)
    assert (read.names, read.port, read.warning) == ([], None, None)
    assert read.error is not None
    assert (read.error.code, read.error.column, read.error.span) == ("bad-host-range", 3, 8)


# --- expand_host_pattern: corners ansible-core agrees on ------------------------------------
@pytest.mark.parametrize(
    "pattern", ["x[a:a]", "x[0:10]", "x[1:10]", "x[10:100]", "x[0:0]", "x[1:1]y", "x[a:c:2]"]
)
def test_expand_corners_equal_ansible(pattern: str) -> None:
    assert expand_host_pattern(pattern) == list(ansible_inventory.expand_hostname_range(pattern))


@pytest.mark.parametrize("pattern", ["x[a:c:z]", "x[a:1]", "x[1:a]"])
def test_neither_numeric_nor_letters(pattern: str) -> None:
    with pytest.raises(HostPatternError, match="neither numeric nor a letter range"):
        expand_host_pattern(pattern)
    with pytest.raises(Exception):  # noqa: B017 - ansible-core refuses it too, with its own error
        ansible_inventory.expand_hostname_range(pattern)


def test_second_range_error_names_the_first_value() -> None:
    with pytest.raises(HostPatternError, match=r"cannot expand host range in 'x1y\[1'"):
        expand_host_pattern("x[1:3]y[1")


@pytest.mark.parametrize(
    ("begin", "hint"),
    [
        ("01", "pad the end to 2 characters, e.g. [01:01]"),
        ("0" * 98 + "1", "pad the end to 99 characters"),  # width + len(begin) = 198
        ("0" * 99 + "1", "pad the end to the width of the begin"),  # = 200: no example
    ],
)
def test_width_mismatch_hint(begin: str, hint: str) -> None:
    with pytest.raises(HostPatternError) as raised:
        expand_host_pattern(f"x[{begin}:1]")
    assert raised.value.hint.startswith(hint)


# --- limits, exactly at the bound (the constants are the module's promise, written out here) --
def test_ranges_limit_is_900() -> None:
    assert expand_host_pattern("x" + "[1:1]" * 900) == ["x" + "1" * 900]
    with pytest.raises(HostPatternError, match="more than 900 ranges"):
        expand_host_pattern("x" + "[1:1]" * 901)


def test_hosts_limit_is_one_million() -> None:
    names = expand_host_pattern("h[1:1000][1:1000]")
    assert len(names) == 1_000_000
    assert names[0] == "h11" and names[-1] == "h10001000"
    del names
    with pytest.raises(HostPatternError, match=r"would make 1,000,001 hosts"):
        expand_host_pattern("h[1:1000001]")


# --- ranges longer than sys.maxsize: counted without len(), in the message -------------------
@pytest.mark.parametrize(
    ("pattern", "count"),
    [
        (f"x[0:{BIG}]", 10**20),
        (f"x[5:{BIG}:3]", 33333333333333333332),  # ceil((10**20 - 5) / 3)
        (f"x[{BIG}:0:-3]", 33333333333333333333),  # from 10**20 - 1 down to 1 (excluded), by 3
        (f"x[{BIG}:0:-1]", 10**20 - 2),
        (f"x[0:{BIG}][1:3]y", 3 * 10**20),  # the ranges after the first are counted too
        (f"x[0:{BIG}]y[", 10**20),  # a bad range after the limit ends the count
        (f"x[0:{BIG}]y[1:0]", 0),
    ],
)
def test_enormous_range_is_counted(pattern: str, count: int) -> None:
    with pytest.raises(HostPatternError, match=f"would make {count:,} hosts,"):
        expand_host_pattern(pattern)
