# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Config-file mode: which files ``sources`` names, in which order, and the digest over them."""

from __future__ import annotations

from pathlib import Path

import pytest
from ansible.errors import AnsibleParserError

from ansible_collections.iniplus.inventory.plugins.plugin_utils._config import (
    is_config_path,
    resolve_sources,
    sources_digest,
)

ANSIBLE_IGNORE_EXTS = (
    ".pyc",
    ".pyo",
    ".swp",
    ".bak",
    "~",
    ".rpm",
    ".md",
    ".txt",
    ".rst",
    ".orig",
    ".ini",
    ".cfg",
)


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    for name in [
        "site.iniplus.yml",
        "b.ini",
        "a.ini",
        "c.ini~",
        ".hidden.ini",
        "notes.md",
        "hosts.yml",
        "extra.json",
        "production",
        "dir/z.ini",
        "dir/m",
        "dir/old.bak",
        "dir/vars.yaml",
        "dir/sub/deep.ini",
        "dir/group_vars/all",
        "empty/README.md",
    ]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("[g]\nh\n")
    return tmp_path


def names(paths: list[str], root: Path) -> list[str]:
    return [str(Path(path).relative_to(root)) for path in paths]


def resolve(root: Path, *entries: str, **kwargs) -> list[str]:
    kwargs.setdefault("ignore_extensions", ANSIBLE_IGNORE_EXTS)
    return names(resolve_sources(str(root / "site.iniplus.yml"), list(entries), **kwargs), root)


def test_entries_in_order_written_and_matches_sorted_by_name(tree: Path) -> None:
    assert resolve(tree, "production", "*.ini", "dir") == [
        "production",
        "a.ini",
        "b.ini",
        "dir/m",
        "dir/z.ini",
    ]


def test_glob_and_directory_skip_what_is_not_ini(tree: Path) -> None:
    # Hidden files, backups, docs, YAML/JSON and subdirectories are not read; .ini is, even
    # though Ansible's INVENTORY_IGNORE_EXTS names it.
    assert resolve(tree, "*") == ["a.ini", "b.ini", "production"]
    assert resolve(tree, "dir/") == ["dir/m", "dir/z.ini"]


def test_recursive_glob_goes_deeper(tree: Path) -> None:
    assert resolve(tree, "dir/**/*.ini") == ["dir/sub/deep.ini", "dir/z.ini"]


def test_explicit_file_is_always_read(tree: Path) -> None:
    assert resolve(tree, "c.ini~", "dir/old.bak") == ["c.ini~", "dir/old.bak"]


def test_file_reached_twice_is_read_once_where_first_reached(tree: Path) -> None:
    assert resolve(tree, "b.ini", "*.ini", "./b.ini") == ["b.ini", "a.ini"]


def test_ignore_patterns_apply_to_globs_and_directories(tree: Path) -> None:
    assert resolve(tree, "*", ignore_patterns=["^prod"]) == ["a.ini", "b.ini"]


def test_absolute_entries_and_brackets_in_the_config_directory(tmp_path: Path) -> None:
    root = tmp_path / "odd[dir]"
    root.mkdir()
    (root / "x.ini").write_text("")
    elsewhere = tmp_path / "y.ini"
    elsewhere.write_text("")
    found = resolve_sources(str(root / "c.iniplus.yml"), ["*.ini", str(elsewhere)])
    assert found == [str(root / "x.ini"), str(elsewhere)]


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("missing.ini", "source 'missing.ini' does not exist"),
        ("*.nothing", "source '*.nothing' matches no INI file"),
        ("empty", "source directory 'empty'"),
    ],
)
def test_an_entry_that_yields_no_file_is_named(tree: Path, entry: str, message: str) -> None:
    with pytest.raises(AnsibleParserError) as caught:
        resolve(tree, "a.ini", entry)
    assert message in str(caught.value)
    assert "site.iniplus.yml" in str(caught.value)


def test_no_sources_is_an_error(tree: Path) -> None:
    with pytest.raises(AnsibleParserError, match="'sources' must list at least one"):
        resolve(tree)


def test_config_path_suffixes() -> None:
    assert is_config_path("inv/site.iniplus.yml")
    assert is_config_path("inv/SITE.INIPLUS.YAML")
    assert not is_config_path("inv/site.yml")
    assert not is_config_path("inv/iniplus.yml")
    assert not is_config_path("inv/hosts.ini")


def test_digest_covers_paths_bytes_order_and_context() -> None:
    base = sources_digest([("/a.ini", b"x"), ("/b.ini", b"y")], "literal_eval")
    assert base == sources_digest([("/a.ini", b"x"), ("/b.ini", b"y")], "literal_eval")
    variants = [
        sources_digest([("/a.ini", b"x"), ("/b.ini", b"z")], "literal_eval"),
        sources_digest([("/b.ini", b"y"), ("/a.ini", b"x")], "literal_eval"),
        sources_digest([("/a.ini", b"x"), ("/c.ini", b"y")], "literal_eval"),
        sources_digest([("/a.ini", b"xy"), ("/b.ini", b"")], "literal_eval"),
        sources_digest([("/a.ini", b"x"), ("/b.ini", b"y")], "string"),
    ]
    assert base not in variants
    assert len(set(variants)) == len(variants)
