# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every Python block of docs/python-api.md runs, and its assertions hold.

The blocks of each ``## `` section run in order, in one namespace, in a fresh Python process
started in a temporary directory that holds the page's ``ini`` block as ``hosts.ini`` (a section
is one program a reader would write). Tracebacks point at the lines of the page. The parser's
section runs as ``python -S``: without site-packages, so it proves it needs no ansible-core.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from repo_paths import REPO_ROOT

PAGE = REPO_ROOT / "docs" / "python-api.md"
SCRIPT = REPO_ROOT / "scripts" / "ini_inventory.py"
# A fenced block: its language, optional ``file=PATH`` (a file the programs use), and its code.
_FENCE = re.compile(r"^```(\w*)(?: file=(\S+))?\n(.*?)^```$", re.S | re.M)
# Sections that must run without site-packages.
STANDARD_LIBRARY_ONLY = {"The parser alone"}


@dataclass
class Block:
    language: str
    line: int  # of the first line of code
    code: str
    section: str
    file: str | None = None


def page_blocks() -> list[Block]:
    text = PAGE.read_text(encoding="utf-8")
    blocks = []
    for match in _FENCE.finditer(text):
        before = text[: match.start()]
        headings = re.findall(r"^## (.+)$", before, re.M)
        section = headings[-1] if headings else ""
        blocks.append(Block(match.group(1), before.count("\n") + 2, match.group(3), section, match.group(2)))
    return blocks


def sections() -> dict[str, list[Block]]:
    """The programs of the page: each section's Python blocks, files excepted."""
    found: dict[str, list[Block]] = {}
    for block in page_blocks():
        if block.language == "python" and block.file is None:
            found.setdefault(block.section, []).append(block)
    return found


def _inventory() -> str:
    return next(block.code for block in page_blocks() if block.language == "ini")


# Runs each block, compiled with the page's name and line numbers, in one namespace.
_RUNNER = r"""
import json, sys
namespace = {"__name__": "__main__"}
for number, (line, code) in enumerate(json.loads(sys.argv[1]), 1):
    exec(compile("\n" * (line - 1) + code, sys.argv[2], "exec"), namespace)
    print(f"--- block {number} ran", flush=True)
"""


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    """A directory holding the page's example inventory as hosts.ini."""
    (tmp_path / "hosts.ini").write_text(_inventory(), encoding="utf-8")
    return tmp_path


def test_page_has_the_four_promised_sections_and_an_inventory() -> None:
    assert list(sections()) == [
        "The parser alone",
        "ansible-core's API with the plugin",
        "Running a play from Python",
        "The same play through ansible-runner",
    ]
    assert "[web]" in _inventory()
    # Every Python block belongs to a section, so every one of them runs below.
    assert all(block.section for block in page_blocks() if block.language == "python")


@pytest.mark.integration
@pytest.mark.parametrize("section", list(sections()))
def test_section_runs(section: str, workdir: Path, collections_path: Path) -> None:
    blocks = sections()[section]
    for block in page_blocks():
        if block.file is not None and block.section == section:
            # A file the section's program uses (a callback plugin): written, then loaded by Ansible.
            compile(block.code, f"{PAGE}:{block.line}", "exec")
            target = workdir / block.file
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(block.code, encoding="utf-8")
    environment = dict(
        os.environ,
        ANSIBLE_COLLECTIONS_PATH=str(collections_path),
        ANSIBLE_NOCOLOR="1",
        # ansible-runner starts ansible-playbook from PATH: the one beside this Python.
        PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        HOME=str(workdir),
    )
    environment.pop("ANSIBLE_INVENTORY_ENABLED", None)
    isolation = ["-S"] if section in STANDARD_LIBRARY_ONLY else []
    result = subprocess.run(
        [
            sys.executable,
            *isolation,
            "-c",
            _RUNNER,
            json.dumps([(block.line, block.code) for block in blocks]),
            str(PAGE),
        ],
        cwd=workdir,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    ran = result.stdout.count("--- block ")
    assert result.returncode == 0, f"block {ran + 1} of {section!r} failed:\n{result.stderr}\n{result.stdout}"
    assert ran == len(blocks)


@pytest.mark.integration
def test_script_output_shown_on_the_page_is_what_it_prints(workdir: Path) -> None:
    console = next(block.code for block in page_blocks() if block.language == "console")
    shown = json.loads(console[console.index("{") : console.rindex("}") + 1])
    result = subprocess.run(
        [sys.executable, "-S", str(SCRIPT), "--host", "db1"],
        cwd=workdir,
        env=dict(os.environ, INI_INVENTORY_SOURCE="hosts.ini"),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == shown
