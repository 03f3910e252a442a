# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""ini_diff: the inventory a change makes, compared with the one before, on hand-made and corpus pairs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from corpus import corpus_files

from ansible_collections.iniplus.inventory.plugins.module_utils.ini_diff import (
    as_json,
    diff_inventories,
    format_markdown,
    format_text,
)
from ansible_collections.iniplus.inventory.plugins.module_utils.ini_parser import IniParseError, parse_ini

OLD = """\
[web]
web1 http_port=80
web2
web3
[db]
db1 ansible_port=22
[prod:children]
web
db
[prod:vars]
env=production
"""
# web3 moves from [web] to [db]; db1's port becomes the string '22'; prod's env changes.
NEW = """\
[web]
web1 http_port=80
web2
[db]
db1 ansible_port="'22'"
web3
[prod:children]
web
db
[prod:vars]
env=prod
"""


def diff(old: str, new: str):  # type: ignore[no-untyped-def]
    return diff_inventories(parse_ini(old, "old.ini"), parse_ini(new, "new.ini"))


def test_the_must_show_case_reports_each_change_once_with_its_effect() -> None:
    text = format_text(diff(OLD, NEW))
    assert text.splitlines() == [
        "--- old.ini",
        "+++ new.ini",
        "host web3: left [web]; joined [db]",
        "group prod: env: 'production' (str) -> 'prod' (str)",
        "host db1: ansible_port: 22 (int) -> '22' (str)",
        "effective variables (from groups):",
        "  host web1: env: 'production' (str) -> 'prod' (str)",
        "  host web2: env: 'production' (str) -> 'prod' (str)",
        "  host db1: env: 'production' (str) -> 'prod' (str)",
        "  host web3: env: 'production' (str) -> 'prod' (str)",
    ]


def test_no_difference_is_false_and_prints_nothing() -> None:
    result = diff(OLD, OLD + "\n# a comment\n")
    assert not result
    assert format_text(result) == ""


def test_types_matter_even_when_values_compare_equal() -> None:
    result = diff("[g]\nh a=1 b=1 c=[1]\n", "[g]\nh a=True b=1.0 c=[True]\n")
    assert [change.describe() for change in result.variables] == [
        "a: 1 (int) -> True (bool)",
        "b: 1 (int) -> 1.0 (float)",
        "c: [1] (list) -> [True] (list)",
    ]


def test_untrusted_text_is_a_different_type() -> None:
    result = diff("[g]\nh a=x\n", "[g]\nh a=\"b'x'\"\n")
    assert [change.describe() for change in result.variables] == ["a: 'x' (str) -> 'x' (untrusted str)"]


def test_hosts_groups_and_children_added_and_removed() -> None:
    result = diff(
        "[a]\nh1\nh2\n[b]\n[top:children]\na\n",
        "[a]\nh1\n[c]\nh3\n[top:children]\na\nc\n",
    )
    assert result.hosts_added == ["h3"] and result.hosts_removed == ["h2"]
    assert result.groups_added == ["c"] and result.groups_removed == ["b"]
    assert result.children == {"top": (["c"], [])}


def test_a_host_leaving_its_last_group_joins_ungrouped() -> None:
    result = diff("h0\n[a]\nh1\n", "h0\nh1\n[a]\n")
    assert result.memberships == {"h1": (["ungrouped"], ["a"])}


def test_effective_changes_follow_depth_and_priority() -> None:
    old = "[child]\nh1\n[parent:children]\nchild\n[parent:vars]\nx=parent\n[all:vars]\nx=all\n"
    # The child's own x now wins over its parent's, by depth.
    new = old + "[child:vars]\nx=child\n"
    result = diff(old, new)
    assert [(c.owner, c.describe()) for c in result.effective] == [
        ("h1", "x: 'parent' (str) -> 'child' (str)")
    ]
    # With equal depth, the higher ansible_group_priority wins.
    two = "[a]\nh1\n[b]\nh1\n[a:vars]\nx=a\n[b:vars]\nx=b\n"
    result = diff(two, two + "[a:vars]\nansible_group_priority=10\n")
    assert [(c.owner, c.describe()) for c in result.effective] == [("h1", "x: 'b' (str) -> 'a' (str)")]


def test_a_host_variable_change_is_not_repeated_as_an_effective_one() -> None:
    result = diff("[g]\nh a=1\n", "[g]\nh a=2\n")
    assert len(result.variables) == 1 and result.effective == []


def test_markdown_and_json_say_the_same() -> None:
    result = diff(OLD, NEW)
    markdown = format_markdown(result)
    assert "- `web3`: left [web]; joined [db]" in markdown
    assert "- host `db1`: `ansible_port: 22 (int) -> '22' (str)`" in markdown
    document = json.loads(json.dumps(as_json(result)))
    assert document["memberships"] == [{"host": "web3", "joined": ["db"], "left": ["web"]}]
    assert {
        "host": "db1",
        "variable": "ansible_port",
        "change": "changed",
        "old": 22,
        "old_type": "int",
        "new": "22",
        "new_type": "str",
    } in document["variables"]
    assert len(document["effective"]) == 4


# --- corpus files edited in known ways ------------------------------------------------------


def _accepted_corpus() -> list[str]:
    accepted = []
    for path in corpus_files():
        try:
            parse_ini(Path(path).read_bytes(), path)
        except IniParseError:
            continue
        accepted.append(path)
    return accepted


CORPUS = _accepted_corpus()
needs_corpus = pytest.mark.skipif(not CORPUS, reason="../shared/corpus is absent")


@needs_corpus
@pytest.mark.parametrize("path", CORPUS, ids=lambda path: Path(path).name)
def test_corpus_edits_show_exactly_what_was_edited(path: str) -> None:
    text = Path(path).read_bytes().decode("utf-8", "surrogateescape")
    old = parse_ini(text, path)
    assert not diff_inventories(old, parse_ini(text, path))

    # 1. a new group with a new host: both added, nothing else.
    result = diff_inventories(old, parse_ini(text + "\n[zz_review_group]\nzz_review_host a=1\n", path))
    assert result.hosts_added == ["zz_review_host"] and result.groups_added == ["zz_review_group"]
    assert not (result.hosts_removed or result.groups_removed or result.memberships or result.children)
    assert not (result.variables or result.effective)

    # 2. a new variable for all: one group change, and its effect on every host that has no own value.
    result = diff_inventories(old, parse_ini(text + "\n[all:vars]\nzz_review_marker=1\n", path))
    assert [(c.owner_kind, c.owner, c.name, c.kind) for c in result.variables] == [
        ("group", "all", "zz_review_marker", "added")
    ]
    assert [c.owner for c in result.effective] == list(old.hosts)

    # 3. every host's first group loses it: each such host leaves exactly that group.
    groups_with_hosts = [
        group for group in old.groups.values() if group.hosts and group.name not in ("all", "ungrouped")
    ]
    if groups_with_hosts:
        emptied = groups_with_hosts[0].name
        edited = parse_ini(text, path)
        edited.groups[emptied].hosts = []
        result = diff_inventories(old, edited)
        assert set(result.memberships) == set(old.groups[emptied].hosts)
        assert all(emptied in left for _joined, left in result.memberships.values())
