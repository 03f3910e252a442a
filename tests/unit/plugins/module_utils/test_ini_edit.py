# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The edit engine behind ini_host and ini_group: examples, the value writer, and properties.

Every edit, on real inventories from ../shared/corpus and on generated ones, is checked three
ways, independently of the engine's own verification:

(a) the re-parsed inventory equals the old one plus exactly the request (computed here);
(b) every line the engine did not report as touched is in the new text, byte for byte, in order,
    and the lines it did touch belong to the edited host or group;
(c) the same edit applied to the result changes nothing.

``INIPLUS_EDIT_ROUNDS`` scales the corpus sweep (random edits per file); the counts are printed
(run with ``-s`` to see them) and kept in ``EDIT_COUNTS``.
"""

# Exact types are what these tests check (bool is an int, UntrustedText a str).
# pylint: disable=unidiomatic-typecheck

from __future__ import annotations

import ast
import os
import random
import re
import typing as t
from collections import Counter
from pathlib import Path

import pytest
from corpus import corpus_files
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from ansible_collections.iniplus.inventory.plugins.module_utils.ini_edit import (
    EditError,
    GroupRequest,
    HostRequest,
    edit_group,
    edit_host,
    inventory_view,
    render_value,
    same_value,
)
from ansible_collections.iniplus.inventory.plugins.module_utils.ini_parser import IniParseError, parse_ini
from ansible_collections.iniplus.inventory.plugins.module_utils.ini_values import type_value
from ansible_collections.iniplus.inventory.plugins.module_utils.ini_words import split_words

EDIT_COUNTS: Counter[str] = Counter()
# Refusals the engine may give: a range it cannot split, a host/group name clash, a cycle, a
# value with no exact spelling. Anything else (above all "would change more than was asked"
# or "would not parse") is a bug in the engine.
ALLOWED_REFUSALS = (
    "comes from the range",
    "is also a group",
    "is also a host",
    "loop of groups",
    "cannot be its own",
    "a host line named like the group",
    "implicit group",  # removing all/ungrouped, or making all a child
    "both set and removed",
    "cannot write host",  # a port after a name that is not a valid host name would become part of it
)


# --- examples -----------------------------------------------------------------------------
def host(text: str, **request: t.Any) -> str:
    return edit_host(text, HostRequest(**request)).text


def group(text: str, **request: t.Any) -> str:
    return edit_group(text, GroupRequest(**request)).text


def test_new_host_goes_after_the_last_host_of_its_group_not_after_comments() -> None:
    text = "[web]\nweb1\nweb2\n# the db servers\n\n[db]\ndb1\n"
    assert (
        host(text, name="web3", groups=["web"]) == "[web]\nweb1\nweb2\nweb3\n# the db servers\n\n[db]\ndb1\n"
    )


def test_a_new_ungrouped_host_goes_above_the_first_section_and_its_comments() -> None:
    text = "# inventory\n\n# web servers\n[web]\nweb1\n"
    assert host(text, name="h1") == "# inventory\n\nh1\n\n# web servers\n[web]\nweb1\n"
    assert host("# only a comment\n", name="h1") == "# only a comment\nh1\n"
    assert host("", name="h1") == "h1\n"


def test_new_lines_follow_crlf_tabs_and_alignment() -> None:
    text = "[web]\r\n\tweb1     ansible_host=10.0.0.1\r\n"
    result = host(text, name="w2", groups=["web"], vars={"ansible_host": "10.0.0.2"})
    assert result == "[web]\r\n\tweb1     ansible_host=10.0.0.1\r\n\tw2       ansible_host=10.0.0.2\r\n"


def test_bom_and_missing_final_newline_are_kept() -> None:
    text = "\ufeff[web]\nweb1"
    assert host(text, name="web2", groups=["web"]) == "\ufeff[web]\nweb1\nweb2"
    assert host("\ufeff[web]\nweb1\nweb2", name="web2", state="absent") == "\ufeff[web]\nweb1"


def test_vars_lines_copy_the_spacing_around_equals() -> None:
    text = "[web]\nweb1\n[web:vars]\nport = 80\n"
    assert group(text, name="web", vars={"user": "deploy"}) == text + "user = deploy\n"
    assert group(text, name="web", vars={"port": 81}) == "[web]\nweb1\n[web:vars]\nport = 81\n"


def test_values_read_back_with_their_types() -> None:
    values = {
        "v": "1.10",
        "h": "0x1F",
        "y": "yes",
        "s": "a b",
        "c": "x#y",
        "q": 'it\'s "q"',
        "e": "k=v",
        "i": 7,
        "f": 1.5,
        "b": False,
        "n": None,
        "l": [1, "two", [3.0]],
        "d": {"a": {"b": None}},
        "z": "",
    }
    text = host("", name="h1", vars=values)
    assert same_value(parse_ini(text).hosts["h1"].variables(), values)
    text = group("[g]\n", name="g", vars=values)
    assert same_value(parse_ini(text).groups["g"].variables(), values)


def test_a_host_line_never_ends_with_a_bracket() -> None:
    # '[fe80::1]:22 a=[]' would be read as a (bad) section header.
    text = host("", name="fe80::1", port=22, vars={"a": [], "b": [1]})
    assert text == "[fe80::1]:22 a='[]' b='[1]'\n"
    assert parse_ini(text).hosts["fe80::1"].variables() == {"a": [], "b": [1]}


def test_a_range_is_refused_with_its_line() -> None:
    with pytest.raises(EditError, match=r"line 2 \('web\[1:3\]'\)"):
        edit_host("[web]\nweb[1:3]\n", HostRequest("web2", state="absent"))
    with pytest.raises(EditError, match="line 2"):
        edit_host("[web]\nweb[1:3] a=1\n", HostRequest("web2", remove_vars=["a"]))


def test_a_variable_of_a_range_host_is_set_on_a_line_of_its_own() -> None:
    text = "[web]\nweb[1:3] a=1\n[db]\ndb1\n"
    assert host(text, name="web2", vars={"a": 2}) == "[web]\nweb[1:3] a=1\nweb2 a=2\n[db]\ndb1\n"


def test_exclusive_moves_the_variables_of_a_removed_line() -> None:
    text = "[a]\nh1:2222 x=1\n[b]\nh2\n"
    result = host(text, name="h1", groups=["b"], exclusive=True)
    assert result == "[a]\n[b]\nh2\nh1:2222 x=1\n"


def test_a_file_the_parser_rejects_is_refused() -> None:
    with pytest.raises(IniParseError):
        edit_host("[web]\nweb[1:3:0]\n", HostRequest("x"))


def test_group_absent_removes_sections_and_children_lines() -> None:
    text = "[web]\nweb1\n\n[db]\ndb1\n\n[prod:children]\nweb\ndb\n\n[web:vars]\nx=1\n"
    assert group(text, name="web", state="absent") == "[db]\ndb1\n\n[prod:children]\ndb\n"


def test_group_children_and_parents_are_created() -> None:
    result = group("[web]\nweb1\n", name="web", parents=["prod"], children=["blue"])
    assert parse_ini(result).groups["prod"].children == ["web"]
    assert parse_ini(result).groups["web"].children == ["blue"]


def test_names_shared_by_a_host_and_a_group_are_refused() -> None:
    with pytest.raises(EditError, match="is also a host"):
        edit_host("[web]\nweb1\ndb\n", HostRequest("web1", groups=["db"]))
    with pytest.raises(EditError, match="is also a group"):
        edit_host("[web]\nweb1\n", HostRequest("web"))
    with pytest.raises(EditError, match="is also a host"):
        edit_group("[web]\nweb1\n", GroupRequest("web", children=["web1"]))


def test_a_cycle_is_refused() -> None:
    with pytest.raises(EditError, match="loop of groups"):
        edit_group("[a:children]\nb\n[b]\n", GroupRequest("b", children=["a"]))


@pytest.mark.parametrize("value", [float("nan"), float("inf"), b"bytes", [float("-inf")]])
def test_values_without_an_exact_spelling_are_refused(value: t.Any) -> None:
    with pytest.raises(EditError):
        render_value(value, on_host_line=True)


# --- the value writer --------------------------------------------------------------------
GRAMMAR_CHARACTERS = [*" \t#;=:,[]{}()'\"\\-._+0123456789abexyzTFN", "é", "\x0b", "\u2028", "\x00"]
grammar_text = st.text(alphabet=st.sampled_from(GRAMMAR_CHARACTERS), max_size=12)
tricky_strings = st.sampled_from(
    [
        "",
        "1.10",
        "0x1F",
        "yes",
        "no",
        "True",
        "None",
        "[1]",
        "{}",
        "a b",
        "#x",
        "'q'",
        '"',
        "1_000",
        "1e3",
        " pad ",
        "k=v",
        "b'x'",
        "1,2",
        "-0",
        "...",
        "set()",
        "\\",
    ]
)
scalars = st.one_of(
    grammar_text,
    tricky_strings,
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.none(),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3),
        st.dictionaries(st.one_of(grammar_text, tricky_strings), inner, max_size=3),
    ),
    max_leaves=6,
)


@settings(max_examples=400, deadline=None)
@given(value=values, on_host_line=st.booleans())
def test_the_value_written_is_the_value_read(value: t.Any, on_host_line: bool) -> None:
    # Every finite value of these types has a spelling: a refusal here is a bug.
    written = render_value(value, on_host_line=on_host_line)
    EDIT_COUNTS["values written"] += 1
    if on_host_line:
        words, _columns = split_words("k=" + written)
        assert len(words) == 1
        text = words[0][2:]
    else:
        text = written.strip()
        assert text == written
    assert same_value(type_value(text), value)
    assert not any(character in written for character in "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")


def test_refusals_of_the_value_writer_are_for_values_python_cannot_spell() -> None:
    with pytest.raises(EditError):
        render_value(float("nan"), on_host_line=False)
    for value in ("x\x00y", "\u2028"):
        written = render_value(value, on_host_line=True)
        assert type_value(split_words("k=" + written)[0][0][2:]) == value


def test_an_escape_is_written_only_where_no_line_can_carry_the_character() -> None:
    for value in ("C:\\temp\\new", "a\x0bb"):
        vars_text = render_value(value, on_host_line=False)
        host_text = render_value(value, on_host_line=True)
        model = parse_ini(f"[g]\nh k={host_text}\n[g:vars]\nk={vars_text}\n", "t.ini")
        assert model.hosts["h"].variables()["k"] == value == model.groups["g"].variables()["k"]
        codes = [diagnostic.code for diagnostic in model.warnings]
        # A backslash that is only a backslash is written so that no escape-sequence warning
        # comes; a vertical tab can only be written as an escape, which is then what was meant.
        assert codes == ([] if value.isprintable() else ["escape-sequence", "escape-sequence"])


# --- properties ---------------------------------------------------------------------------
def _copy(value: t.Any) -> t.Any:
    return (
        ast.literal_eval(repr(value))
        if not isinstance(value, (dict, list))
        else (
            {k: _copy(v) for k, v in value.items()} if isinstance(value, dict) else [_copy(v) for v in value]
        )
    )


def expected_after(old: dict[str, t.Any], request: HostRequest | GroupRequest, text: str) -> dict[str, t.Any]:
    """The inventory the edit should produce, computed here from the request alone."""
    view = {"groups": _copy(old["groups"]), "hosts": _copy(old["hosts"])}
    groups, hosts = view["groups"], view["hosts"]
    empty = {"hosts": [], "children": [], "vars": {}}
    if isinstance(request, HostRequest):
        name = request.name
        member_of = [g for g, entry in groups.items() if name in entry["hosts"]]
        if request.state == "absent":
            hosts.pop(name, None)
            for g in member_of:
                groups[g]["hosts"].remove(name)
        else:
            entry = hosts.setdefault(name, {"port": None, "vars": {}})
            if request.port is not None:
                entry["port"] = request.port
            entry["vars"].update(request.vars)
            for key in request.remove_vars:
                entry["vars"].pop(key, None)
            wanted = request.groups if request.groups is not None else member_of
            if not wanted and (request.exclusive or not member_of):
                wanted = ["ungrouped"]
            for g in wanted:
                groups.setdefault(g, _copy(empty))
                if name not in groups[g]["hosts"]:
                    groups[g]["hosts"].append(name)
            if request.exclusive:
                for g in member_of:
                    if g not in wanted:
                        groups[g]["hosts"].remove(name)
    else:
        name = request.name
        if request.state == "absent":
            removed = groups.pop(name, empty)
            for entry in groups.values():
                if name in entry["children"]:
                    entry["children"].remove(name)
            still_listed = {h for entry in groups.values() for h in entry["hosts"]}
            for h in removed["hosts"]:
                if h not in still_listed:
                    hosts.pop(h, None)
        else:
            entry = groups.setdefault(name, _copy(empty))
            for child in request.children or ():
                if (name, child) == ("all", "ungrouped"):
                    continue  # always so: not an edge of its own
                groups.setdefault(child, _copy(empty))
                if child not in entry["children"]:
                    entry["children"].append(child)
            if request.exclusive_children and request.children is not None:
                entry["children"] = [c for c in entry["children"] if c in request.children]
            for parent in request.parents or ():
                if (parent, name) == ("all", "ungrouped"):
                    continue
                groups.setdefault(parent, _copy(empty))
                if name not in groups[parent]["children"]:
                    groups[parent]["children"].append(name)
            if request.exclusive_parents and request.parents is not None:
                for parent, parent_entry in groups.items():
                    if parent not in request.parents and name in parent_entry["children"]:
                        parent_entry["children"].remove(name)
            entry["vars"].update(request.vars)
            for key in request.remove_vars:
                entry["vars"].pop(key, None)
    for implicit in ("all", "ungrouped"):
        if groups.get(implicit) == empty:
            del groups[implicit]
    return view


def assert_same_inventory(
    expected: dict[str, t.Any], actual: dict[str, t.Any], old: dict[str, t.Any], moved: set[str]
) -> None:
    for kind in ("groups", "hosts"):
        assert set(actual[kind]) == set(expected[kind]), kind
        kept = [
            n for n in old[kind] if n in expected[kind] and n not in moved and n not in ("all", "ungrouped")
        ]
        assert [n for n in actual[kind] if n in kept] == kept, f"order of {kind}"
    for name, entry in expected["hosts"].items():
        assert actual["hosts"][name]["port"] == entry["port"], name
        assert same_value(actual["hosts"][name]["vars"], entry["vars"]), name
    for name, entry in expected["groups"].items():
        got = actual["groups"][name]
        assert got["hosts"] == entry["hosts"], name
        assert sorted(got["children"]) == sorted(entry["children"]), name
        before = [c for c in old["groups"].get(name, {}).get("children", []) if c in got["children"]]
        assert [c for c in got["children"] if c in before] == before, name
        assert same_value(got["vars"], entry["vars"]), name


def untouched_lines_are_kept(old: str, new: str, touched: set[int]) -> None:
    old_lines = old.lstrip("\ufeff").splitlines(True)
    new_lines = new.lstrip("\ufeff").splitlines(True)
    position = 0
    for index, line in enumerate(old_lines):
        if index in touched:
            continue
        while position < len(new_lines) and new_lines[position] != line:
            position += 1
        assert position < len(new_lines), f"line {index + 1} {line!r} is missing or changed"
        position += 1
    assert old.startswith("\ufeff") == new.startswith("\ufeff")
    old_body, new_body = old.lstrip("\ufeff"), new.lstrip("\ufeff")
    if old_body.strip() and new_body.strip():
        assert (old_body[-1] in "\r\n") == (new_body[-1] in "\r\n"), "final newline"


def touched_lines_belong_to_the_edit(
    old: str, touched: set[int], request: HostRequest | GroupRequest, new: str
) -> None:
    """A touched line is a line of the edited host (or group's section, or a :children line
    naming it), or a line whose content is unchanged and only lost or gained its line ending."""
    lines = old.lstrip("\ufeff").splitlines()
    model_lines = _line_owners(old.lstrip("\ufeff"), request)
    new_contents = new.lstrip("\ufeff").splitlines()
    for index in touched:
        if index in model_lines:
            continue
        if isinstance(request, GroupRequest) and request.state == "absent":
            continue  # hosts of the removed group may get their variables back on another line
        assert lines[index] in new_contents, (
            f"line {index + 1} {lines[index]!r} was touched but is not the edit's"
        )


HEADER = re.compile(r"\[([^:\]\s]+)(?::(\w+))?\]\s*(?:#.*)?")


def _line_owners(text: str, request: HostRequest | GroupRequest) -> set[int]:
    """Lines that name the host (its host lines) or the group (its sections, its :children lines)."""
    owned = set()
    kind, section = "hosts", "ungrouped"
    for index, raw in enumerate(text.splitlines()):
        line = raw.strip()
        if not line or line[0] in "#;":
            continue
        header = HEADER.fullmatch(line)
        if header is not None:
            section, kind = header.group(1), header.group(2) or "hosts"
            if section == request.name:
                owned.add(index)
            continue
        if isinstance(request, GroupRequest) and (section == request.name or line.split()[0] == request.name):
            owned.add(index)
        if isinstance(request, HostRequest) and kind == "hosts":
            words = split_words(line)[0]
            from ansible_collections.iniplus.inventory.plugins.module_utils.ini_hosts import (
                expand_host_pattern,
                split_port,
            )

            address = split_port(words[0])[0]
            if request.name in expand_host_pattern(address):
                owned.add(index)
    return owned


def check_edit(text: str, request: HostRequest | GroupRequest, label: str) -> None:
    """Apply one edit and check (a), (b) and (c); count what happened under ``label``."""
    edit = edit_host if isinstance(request, HostRequest) else edit_group
    old_model = parse_ini(text)
    old = inventory_view(old_model)
    try:
        result = edit(text, request)  # type: ignore[arg-type]
    except EditError as error:
        message = str(error)
        reasons = [reason for reason in ALLOWED_REFUSALS if reason in message]
        assert reasons, message
        EDIT_COUNTS[f"{label} refused"] += 1
        EDIT_COUNTS[f"{label} refused: {reasons[0]}"] += 1
        return
    EDIT_COUNTS[f"{label} edits"] += 1
    EDIT_COUNTS[f"{label} changed" if result.changed else f"{label} unchanged"] += 1
    if not result.changed:
        assert result.text == text
    # (a) the whole inventory is the old one plus exactly the request
    moved = (
        {request.name}
        if isinstance(request, HostRequest)
        else set(old["groups"].get(request.name, {}).get("hosts", ()))
    )
    assert_same_inventory(
        expected_after(old, request, text), inventory_view(parse_ini(result.text)), old, moved
    )
    # (b) lines the edit did not touch are byte-identical, in order
    untouched_lines_are_kept(text, result.text, result.touched)
    touched_lines_belong_to_the_edit(text, result.touched, request, result.text)
    # (c) idempotent
    again = edit(result.text, request)  # type: ignore[arg-type]
    assert not again.changed and again.text == result.text


def random_request(rng: random.Random, model: t.Any) -> HostRequest | GroupRequest:
    model_hosts = list(model.hosts)
    model_groups = [g for g in model.groups if g not in model.hosts]
    value_pool = [
        "1.10",
        "0x1F",
        "yes",
        "a b",
        "x#y",
        "it's",
        'say "hi"',
        "k=v",
        "",
        0,
        7,
        -3,
        1.5,
        1e100,
        True,
        False,
        None,
        [1, "a b"],
        {"k": [None, 2.5]},
        "10.0.0.1",
        "ünï",
        "\\path",
    ]
    names = ["ansible_host", "ansible_user", "app_version", "note", "x"]
    groups = [*model_groups, "newgroup", "ungrouped", "all"]

    def some_vars() -> dict[str, t.Any]:
        return {rng.choice(names[:3]): rng.choice(value_pool) for _draw in range(rng.randint(0, 3))}

    if rng.random() < 0.65:
        name = rng.choice([*model_hosts, "newhost1", "10.9.8.7"]) if model_hosts else "newhost1"
        to_set = some_vars()
        present = [
            key for key in (model.hosts[name].variables() if name in model.hosts else {}) if key not in to_set
        ]
        return HostRequest(
            name=name,
            state="absent" if rng.random() < 0.15 else "present",
            port=rng.choice([None, None, 22, 2222]),
            groups=None if rng.random() < 0.4 else rng.sample(groups, rng.randint(0, min(2, len(groups)))),
            exclusive=rng.random() < 0.3,
            vars=to_set,
            remove_vars=rng.sample([*present, *names[3:]], rng.randint(0, min(2, len(present) + 2))),
        )
    name = rng.choice([*model_groups, "newgroup"])
    to_set = some_vars()
    present = [
        key for key in (model.groups[name].variables() if name in model.groups else {}) if key not in to_set
    ]
    others = [g for g in groups if g not in (name, "ungrouped")]
    children = [g for g in others if g != "all"]
    return GroupRequest(
        name=name,
        state="absent" if rng.random() < 0.15 and name not in ("all", "ungrouped") else "present",
        children=None if rng.random() < 0.6 else rng.sample(children, rng.randint(0, min(2, len(children)))),
        exclusive_children=rng.random() < 0.3,
        parents=None if rng.random() < 0.6 else rng.sample(others, rng.randint(0, min(2, len(others)))),
        exclusive_parents=rng.random() < 0.3,
        vars=to_set,
        remove_vars=rng.sample([*present, *names[3:]], rng.randint(0, min(2, len(present) + 2))),
    )


CORPUS = corpus_files()
ROUNDS = int(os.environ.get("INIPLUS_EDIT_ROUNDS", "40"))


@pytest.mark.skipif(not CORPUS, reason="the shared corpus (../shared/corpus) is not there")
@pytest.mark.parametrize("path", CORPUS, ids=[Path(p).name for p in CORPUS])
def test_random_edits_of_the_corpus(path: str) -> None:
    text = Path(path).read_bytes().decode("utf-8", "surrogateescape")
    try:
        model = parse_ini(text)
    except IniParseError:
        with pytest.raises(IniParseError):
            edit_host(text, HostRequest("newhost1"))
        EDIT_COUNTS["corpus files refused whole"] += 1
        return
    rng = random.Random(f"{Path(path).name}-{ROUNDS}")
    for _round in range(ROUNDS):
        check_edit(text, random_request(rng, model), "corpus")


# --- generated inventories ----------------------------------------------------------------
GROUP_POOL = ["web", "db", "all", "ungrouped", "app-1", "x_y", "ünï"]
HOST_PATTERNS = [
    "h1",
    "h2",
    "web1",
    "10.0.0.1",
    "h[1:3]",
    "db[a:c]",
    "h1:2222",
    "[::1]:22",
    "fe80::1",
    "h2:22",
]
RAW_VALUES = ["1", "1.10", "'x y'", "yes", '"[1, 2]"', "a#b", "True", "'it''s'", "0x1F", "''", "x=y"]
VARS_VALUES = ["1", "1.10", "'x y'", "yes", "[1, 2]", "a # b", "True", "{'a': 1}", "  spaced  ", ""]


@st.composite
def inventories(draw: st.DrawFn) -> str:
    ending = draw(st.sampled_from(["\n", "\r\n"]))
    lines: list[str] = []
    kind = "hosts"
    declared: set[str] = set()
    named: set[str] = set()
    for _draw in range(draw(st.integers(0, 18))):
        choice = draw(st.sampled_from(["header", "body", "body", "body", "comment", "blank"]))
        indent = draw(st.sampled_from(["", "", "  ", "\t"]))
        if choice == "header":
            group_name = draw(st.sampled_from(GROUP_POOL))
            kind = draw(st.sampled_from(["hosts", "vars", "children"]))
            lines.append(f"[{group_name}]" if kind == "hosts" else f"[{group_name}:{kind}]")
            (declared if kind != "vars" else named).add(group_name)
        elif choice == "comment":
            lines.append(indent + draw(st.sampled_from(["# note", "; note", "#", "# [web]"])))
        elif choice == "blank":
            lines.append(draw(st.sampled_from(["", "  ", "\t"])))
        elif kind == "hosts":
            words = [draw(st.sampled_from(HOST_PATTERNS))]
            for _draw in range(draw(st.integers(0, 2))):
                words.append(
                    f"{draw(st.sampled_from(['a', 'b', 'ansible_host']))}={draw(st.sampled_from(RAW_VALUES))}"
                )
            gap = draw(st.sampled_from([" ", "   ", "\t"]))
            lines.append(indent + gap.join(words) + draw(st.sampled_from(["", "", " # c"])))
        elif kind == "vars":
            spacing = draw(st.sampled_from(["=", " = ", "= "]))
            lines.append(
                indent + draw(st.sampled_from(["a", "b", "c"])) + spacing + draw(st.sampled_from(VARS_VALUES))
            )
        else:
            child = draw(st.sampled_from([g for g in GROUP_POOL if g not in ("all", "ungrouped")]))
            named.add(child)
            lines.append(indent + child + draw(st.sampled_from(["", " # c"])))
    for missing in sorted(named - declared - {"all", "ungrouped"}):
        lines += ["", f"[{missing}]"]
    text = ending.join(lines)
    if lines and draw(st.booleans()):
        text += ending
    if draw(st.booleans()):
        text = "\ufeff" + text
    return text


def _without_overlap(request: t.Any) -> t.Any:
    """A key in both vars and remove_vars is refused outright; keep most draws useful."""
    request.remove_vars = [key for key in request.remove_vars if key not in request.vars]
    return request


host_requests = st.builds(
    HostRequest,
    name=st.sampled_from(["h1", "h2", "h3", "web1", "10.0.0.1", "fe80::1", "new-host"]),
    state=st.sampled_from(["present", "present", "present", "absent"]),
    port=st.sampled_from([None, None, 22, 2222]),
    groups=st.one_of(st.none(), st.lists(st.sampled_from([*GROUP_POOL, "fresh"]), max_size=3, unique=True)),
    exclusive=st.booleans(),
    vars=st.dictionaries(st.sampled_from(["a", "b", "c", "ansible_host"]), values, max_size=3),
    remove_vars=st.lists(st.sampled_from(["a", "b", "c"]), max_size=2),
).map(_without_overlap)
group_requests = st.builds(
    GroupRequest,
    name=st.sampled_from([*GROUP_POOL, "fresh"]),
    state=st.sampled_from(["present", "present", "present", "absent"]),
    children=st.one_of(
        st.none(), st.lists(st.sampled_from(["web", "db", "x_y", "fresh2"]), max_size=2, unique=True)
    ),
    exclusive_children=st.booleans(),
    parents=st.one_of(
        st.none(), st.lists(st.sampled_from(["web", "db", "all", "app-1", "top"]), max_size=2, unique=True)
    ),
    exclusive_parents=st.booleans(),
    vars=st.dictionaries(st.sampled_from(["a", "b", "c"]), values, max_size=3),
    remove_vars=st.lists(st.sampled_from(["a", "b", "c"]), max_size=2),
).map(_without_overlap)


def _parses(text: str) -> bool:
    try:
        parse_ini(text)
    except IniParseError:
        return False
    return True


@settings(
    max_examples=int(os.environ.get("INIPLUS_EDIT_EXAMPLES", "300")),
    deadline=None,
    suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow],
)
@given(text=inventories(), request=st.one_of(host_requests, group_requests))
def test_random_edits_of_generated_inventories(text: str, request: HostRequest | GroupRequest) -> None:
    assume(_parses(text))
    if isinstance(request, GroupRequest):
        assume(request.name not in (request.children or ()) and request.name not in (request.parents or ()))
        assume(not (request.state == "absent" and request.name in ("all", "ungrouped")))
    check_edit(text, request, "generated")


def test_exclusive_children_across_two_sections() -> None:
    text = "[p:children]\na\nb\n[a]\n[b]\n[c]\n[p:children]\nc\n"
    assert (
        group(text, name="p", children=["b"], exclusive_children=True)
        == "[p:children]\nb\n[a]\n[b]\n[c]\n[p:children]\n"
    )


def test_zz_report_counts() -> None:
    """Print what the sweeps above tried (run with -s); runs last in this file."""
    print("\nedit engine property counts:", dict(sorted(EDIT_COUNTS.items())))
