# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The parser's fast paths against the slow, obvious implementations they replace.

* ``split_words`` against ``shlex.split(line, comments=True)`` (what ansible.builtin.ini calls),
  words and errors alike, and against the collection's own piece-by-piece scanner;
* ``type_value`` against ``ast.literal_eval`` plus normalisation (``literal_eval_value``);
* ``split_port`` / ``expand_host_pattern`` against ansible-core's ``parse_address`` and
  ``expand_hostname_range`` when ansible-core is importable;
* on ansible-core 2.19+, the builder's tagging against ``AnsibleTagHelper.tag``;
* the builder's direct population against the same model replayed through the public
  ``InventoryData``/``Host`` wrappers.

No timings here: speed is measured by ``benchmarks/run.py``, never asserted in tests.
"""

# Exact types are what these tests check (UntrustedText is a str, bool an int).
# pylint: disable=unidiomatic-typecheck

from __future__ import annotations

import math
import shlex
import typing as t
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from strategies import property_settings

from ansible_collections.iniplus.inventory.plugins.module_utils import ini_words
from ansible_collections.iniplus.inventory.plugins.module_utils.ini_hosts import (
    HostPatternError,
    expand_host_pattern,
    split_port,
)
from ansible_collections.iniplus.inventory.plugins.module_utils.ini_model import IniAssignments, UntrustedText
from ansible_collections.iniplus.inventory.plugins.module_utils.ini_values import (
    ValueTypingError,
    literal_eval_value,
    type_value,
)
from ansible_collections.iniplus.inventory.plugins.module_utils.ini_words import (
    ShellWordsError,
    split_words,
)

SETTINGS = property_settings(max_examples=1500)


# --- words ----------------------------------------------------------------------------------
# Characters that matter to shlex, plus enough ordinary ones to make words. No line breaks:
# the parser hands over one line at a time (str.splitlines), and shlex's comments end at one.
LINE_CHARS = st.sampled_from([*list("ab=1 \t'\"\\#{}:é\x0b"), "xy", "k=v", '"a b"', "'c d'", "\\\\"])
lines = st.lists(LINE_CHARS, max_size=30).map("".join)


def _shlex(line: str) -> list[str] | str:
    try:
        return shlex.split(line, comments=True)
    except ValueError as error:
        return f"error: {error}"


def _ours(split: t.Callable[[str], tuple[list[str], list[int]]], line: str) -> list[str] | str:
    try:
        return split(line)[0]
    except ShellWordsError as error:
        return f"error: {error}"


@SETTINGS
@given(lines)
@example('host motd="Welcome to {{ inventory_hostname }}" x=1')
@example("h a='it''s' b=\"q\\\"x\" c=\\ d # comment 'unclosed")
@example('h x="a\\\\" y=1')
@example("h a#b c")
@example("'unclosed")
@example('h "ends with \\')
@example("h \\")
def test_split_words_equals_shlex(line: str) -> None:
    assert _ours(split_words, line) == _shlex(line)


# Lines for the quote-splitting path: one kind of quote, spaces, no escape or comment sign.
quoted_lines = st.sampled_from(['"', "'"]).flatmap(
    lambda quote: st.lists(
        st.sampled_from([quote, " ", "  ", "a", "k=", "xy", "é", "{{ x }}"]), max_size=30
    ).map("".join)
)


@SETTINGS
@given(quoted_lines)
@example('host motd="Welcome to {{ inventory_hostname }} in rack 6"')
@example('a""b "" c"d"e  "f g"')
def test_split_words_equals_shlex_on_lines_with_one_kind_of_quote(line: str) -> None:
    assert _ours(split_words, line) == _shlex(line)
    try:
        words, offsets = split_words(line)
    except ShellWordsError:
        return
    assert (words, offsets) == ini_words._scan(line)


@SETTINGS
@given(lines)
def test_split_words_equals_the_scanner(line: str) -> None:
    try:
        expected: t.Any = ini_words._scan(line)
    except ShellWordsError as error:
        expected = (str(error), error.offset)
    try:
        actual: t.Any = split_words(line)
    except ShellWordsError as error:
        actual = (str(error), error.offset)
    assert actual == expected


@SETTINGS
@given(lines)
def test_word_offsets_point_at_their_words(line: str) -> None:
    try:
        words, offsets = split_words(line)
    except ShellWordsError:
        return
    assert len(offsets) == len(words)
    assert offsets == sorted(set(offsets))
    # An origin shifts every position, on every path through split_words.
    assert split_words(line, 7) == (words, [offset + 7 for offset in offsets])
    for word, offset in zip(words, offsets, strict=True):
        assert shlex.split(line[offset:], comments=True)[0] == word


def test_unclosed_quotes_fail_fast_enough_to_finish() -> None:
    # A pattern that backtracks exponentially would never return on these.
    for line in ("a'" * 5000, '"' + "a" * 20000, "a " * 10000 + "'", "\\" * 20001, "'a' " * 5000 + '"'):
        assert _ours(split_words, line) == _shlex(line)


# --- values ---------------------------------------------------------------------------------
# Pieces that build every kind of literal and many near misses.
VALUE_PIECES = [
    "0",
    "1",
    "7",
    "05",
    "-",
    "+",
    ".",
    "e",
    "j",
    "_",
    "x",
    "web",
    "a.b",
    "10.0.0.1",
    "1.5",
    "True",
    "False",
    "None",
    "set",
    "set()",
    "not",
    "lambda",
    "if",
    "b",
    "r",
    "u",
    "f",
    "'",
    '"',
    "\\",
    "[",
    "]",
    "(",
    ")",
    "{",
    "}",
    ":",
    ",",
    " ",
    "\t",
    "#",
    "=",
    "*",
    "/",
    "@",
    "é",
    "ℯ",
    "²",
    "\x00",
    "\n",
    "\r",
    "\x0c",
    "\x85",
    "\u2028",
    "\udcff",
    "{{ x }}",
    "...",
    "0x1F",
    "1e3",
    "1_000",
    "Non",
    "Tru",
    "'a'",
    '"b"',
    "b'x'",
]
values = st.lists(st.sampled_from(VALUE_PIECES), max_size=12).map("".join)
# The shapes the fast paths take, drawn directly so that each is hit often.
fast_shapes = st.one_of(
    st.from_regex(r"[A-Za-z_][A-Za-z0-9_.\-/:@]{0,12}", fullmatch=True),
    st.from_regex(r"-?[0-9]{1,20}", fullmatch=True),
    st.from_regex(r"-?[0-9]{1,18}\.[0-9]{1,18}", fullmatch=True),
    st.from_regex(r"[0-9]{1,4}(\.[0-9]{1,4}){1,4}", fullmatch=True),
    st.from_regex(r"'[^'\\]{0,8}'|\"[^\"\\]{0,8}\"", fullmatch=True),
    st.builds(
        lambda head, rest: head + rest, st.sampled_from(["x", "Welcome", "None", "set", "b", "rb"]), values
    ),
    st.text(max_size=12),
)


def _typed(typer: t.Callable[[str], t.Any], text: str) -> t.Any:
    try:
        return _comparable(typer(text))
    except ValueTypingError as error:
        return ("refused", str(error))


def _comparable(value: t.Any) -> t.Any:
    """The value with its exact type, so 1 == 1.0 == True do not hide a difference."""
    if isinstance(value, float):
        return ("float", "nan" if math.isnan(value) else math.copysign(1, value) * abs(value), repr(value))
    if isinstance(value, list):
        return ("list", [_comparable(item) for item in value])
    if isinstance(value, dict):
        return ("dict", [(_comparable(k), _comparable(v)) for k, v in value.items()])
    return (type(value).__name__, value)


@SETTINGS
@given(st.one_of(values, fast_shapes))
@example("Welcome to {{ inventory_hostname }}")
@example("b'x'")
@example("set()")
@example("None")
@example("Noneé")
@example("Nonℯ")
@example("None²")
@example("x" + "-" * 199)
@example("x-" + "-" * 197 + "1")
@example("1.2.3")
@example("-0.0")
@example("00.5")
@example("9" * 18 + "." + "9" * 17)
@example("'\x00'")
@example("'\udcff'")
def test_type_value_equals_literal_eval(text: str) -> None:
    assert _typed(type_value, text) == _typed(literal_eval_value, text)


def test_untrusted_bytes_stay_untrusted() -> None:
    assert type(type_value("b'x'")) is UntrustedText


# --- host patterns --------------------------------------------------------------------------
ansible_addresses = pytest.importorskip("ansible.parsing.utils.addresses", reason="needs ansible-core")
ansible_inventory = pytest.importorskip("ansible.plugins.inventory", reason="needs ansible-core")

HOST_PIECES = [
    "web",
    "db",
    "-",
    "_",
    ".",
    "1",
    "09",
    "a",
    "f",
    "z",
    "A",
    "::",
    ":",
    "22",
    "[",
    "]",
    "[1:3]",
    "[01:10]",
    "[a:c]",
    "[1:9:2]",
    "[:2]",
    "[x]",
    "10.0.0.1",
    "fe80",
    "ffff",
    "é",
    " ",
    "|",
    "[0:2:0]",
]
host_patterns = st.lists(st.sampled_from(HOST_PIECES), min_size=1, max_size=8).map("".join)


def _ansible_split_port(pattern: str) -> tuple[str, int | None]:
    # What BaseFileInventoryPlugin._expand_hostpattern does before expanding.
    try:
        address, port = ansible_addresses.parse_address(pattern, allow_ranges=True)
    except Exception:  # noqa: BLE001 - ansible-core treats any failure as "no port"
        return pattern, None
    return address, port


def _ansible_expand(pattern: str) -> list[str] | str:
    try:
        if ansible_inventory.detect_range(pattern):
            return list(ansible_inventory.expand_hostname_range(pattern))
        return [pattern]
    except Exception:  # noqa: BLE001 - any failure rejects the file in ansible-core
        return "error"


def _our_expand(pattern: str) -> list[str] | str:
    try:
        return expand_host_pattern(pattern)
    except HostPatternError:
        return "error"


@SETTINGS
@given(host_patterns)
@example("[fe80::1]:22")
@example("web[01:03]:2222")
@example("host:")
def test_split_port_equals_parse_address(pattern: str) -> None:
    assert split_port(pattern) == _ansible_split_port(pattern)


@SETTINGS
@given(host_patterns)
@example("web[01:03].lan")
@example("x[a:c][1:2]")
@example("x[1:]")
def test_expand_host_pattern_equals_expand_hostname_range(pattern: str) -> None:
    assert _our_expand(pattern) == _ansible_expand(pattern)


# --- tags -----------------------------------------------------------------------------------
tagging = pytest.importorskip(
    "ansible_collections.iniplus.inventory.plugins.plugin_utils._datatag", reason="needs ansible-core"
)


@pytest.mark.skipif(not tagging.HAS_DATA_TAGGING, reason="ansible-core < 2.19 has no data tagging")
@SETTINGS
@given(st.one_of(values, fast_shapes), st.integers(1, 5))
@example("[1, {'a': (2, 'b')}]", 3)
@example("b'x'", 1)
def test_tagger_equals_tag_helper(text: str, line: int) -> None:
    from ansible._internal._datatag._tags import Origin, TrustedAsTemplate
    from ansible.module_utils._internal._datatag import AnsibleTagHelper

    try:
        value = type_value(text)
    except ValueTypingError:
        return
    origin = Origin(path="/inv.ini", line_num=line)

    def slow(item: t.Any) -> t.Any:
        # ansible.builtin.ini's _parse_recursive_coerce_types_and_tag, on normalised values.
        if type(item) is str:
            return TrustedAsTemplate().tag(origin.tag(item))
        if isinstance(item, UntrustedText):
            return origin.tag(str(item))
        if isinstance(item, list):
            return origin.tag([slow(element) for element in item])
        if isinstance(item, dict):
            return origin.tag({origin.tag(key): slow(element) for key, element in item.items()})
        return origin.tag(item)

    def described(item: t.Any) -> t.Any:
        tags = AnsibleTagHelper.tags(item)
        native = AnsibleTagHelper.base_type(item)
        if isinstance(item, list):
            return (native, tags, [described(element) for element in item])
        if isinstance(item, dict):
            return (native, tags, [(described(k), described(v)) for k, v in item.items()])
        return (native, tags, _comparable(AnsibleTagHelper.as_native_type(item)))

    tagger = tagging.SourceTagger("/inv.ini")
    # Two lines, so that tags are looked up per record: the earlier line's must not leak.
    records = [IniAssignments(line + 1, [("other", 1)], [1]), IniAssignments(line, [("name", value)], [1])]
    (_other_key, _other), (key, tagged) = tagger.variables(records)
    assert described(key) == described(origin.tag("name"))
    assert described(tagged) == described(slow(value))


# --- populating -----------------------------------------------------------------------------
CASES = sorted((Path(__file__).resolve().parents[1] / "plugins" / "cases").glob("*.ini"))
EXTRA_INVENTORIES = {
    "localhost_and_group_names.ini": "localhost x=1\nweb\n[web]\nweb y=2\n127.0.0.1 z=3\n[db]\nlocalhost\n",
    "names_and_merges.ini": "h1 d={'a':1} d={'b':2} 1bad=3 for=4 ok=5\nh1 d={'c':[1,2]} inventory_file=x\n",
    "ranges.ini": "[g]\nh[1:3]:2222 v='{{ x }}' w=b'raw'\n[g:vars]\nansible_group_priority=5\n",
}


def _inventories() -> list[tuple[str, bytes]]:
    found = [(path.name, path.read_bytes()) for path in CASES]
    return found + [(name, text.encode()) for name, text in EXTRA_INVENTORIES.items()]


@pytest.mark.parametrize(
    ("name", "data"), _inventories(), ids=lambda item: item if isinstance(item, str) else ""
)
@pytest.mark.parametrize("behaviour", ["replace", "merge"])
def test_direct_population_equals_the_public_wrappers(
    name: str, data: bytes, behaviour: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ansible import constants
    from ansible.errors import AnsibleError
    from ansible.inventory.data import InventoryData
    from ansible.inventory.group import to_safe_group_name
    from inventory_snapshot import snapshot

    from ansible_collections.iniplus.inventory.plugins.module_utils.ini_parser import IniParseError, parse_ini
    from ansible_collections.iniplus.inventory.plugins.plugin_utils import _inventory_builder

    monkeypatch.setattr(constants, "DEFAULT_HASH_BEHAVIOUR", behaviour)
    path = tmp_path / name
    path.write_bytes(data)
    try:
        model = parse_ini(
            data, str(path), known_groups=("all", "ungrouped"), transform_group_name=to_safe_group_name
        )
    except IniParseError:
        pytest.skip("a file both plugins reject")
    built = []
    for direct in (False, True):
        inventory = InventoryData()
        inventory.current_source = str(path)
        try:
            _inventory_builder._populate(inventory, model, direct=direct)
        except (AnsibleError, ValueError, TypeError) as error:
            # What the plugin turns into a parser error (e.g. ansible_group_priority=x before 2.21).
            built.append(("refused", str(error)))
            continue
        inventory.reconcile_inventory()
        built.append(
            (
                # host.groups is compared as a set (in the snapshot): ansible-core itself adds
                # ancestors in the iteration order of a set of Group objects, which varies per run.
                snapshot(inventory),
                inventory.localhost.name if inventory.localhost else None,
                inventory._groups_dict_cache,
            )
        )
    assert built[0] == built[1]
