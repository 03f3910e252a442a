# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""verify_file leaves executable inventory scripts to the script plugin (issue 11 item 4).

Placed before ``script`` in enable_plugins, the plugin used to claim an executable ``#!`` script
and read it as INI: one host named after the first word of each line. It declines such a file;
a file that is only executable, or only starts with ``#!``, is still an INI file (INI files on
some file systems are all executable, and ``#!`` alone is a comment).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest
from ansible import constants as C
from ansible.inventory.manager import InventoryManager
from ansible.parsing.dataloader import DataLoader
from ansible.plugins.loader import inventory_loader

OURS = "iniplus.inventory.ini"
SCRIPT = f"""#!{sys.executable}
import json
print(json.dumps({json.dumps({"web": {"hosts": ["web1"]}, "_meta": {"hostvars": {}}})}))
"""


def write(path: Path, text: str, executable: bool) -> str:
    path.write_text(text)
    path.chmod(0o755 if executable else 0o644)
    return str(path)


@pytest.fixture
def plugin():
    return inventory_loader.get(OURS)


def test_declines_an_executable_script(plugin, tmp_path: Path) -> None:
    assert not plugin.verify_file(write(tmp_path / "inventory.sh", SCRIPT, executable=True))


@pytest.mark.parametrize(
    ("text", "executable"),
    [
        ("[web]\nweb1\n", True),  # an executable INI file (INI files on vfat or NTFS mounts all are)
        ("#!not a script: '#' starts a comment\n[web]\nweb1\n", False),  # #! but not executable
        ("[web]\nweb1\n", False),
    ],
)
def test_accepts_ini_files_that_are_not_executable_scripts(
    plugin, tmp_path: Path, text: str, executable: bool
) -> None:
    assert plugin.verify_file(write(tmp_path / "hosts", text, executable))


@pytest.mark.skipif(os.name != "posix", reason="needs an executable script")
def test_ours_first_leaves_the_script_to_the_script_plugin(
    plugin, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path / "inventory.py", SCRIPT, executable=True)
    parsed: list[str] = []
    parse = type(plugin).parse
    monkeypatch.setattr(
        type(plugin),
        "parse",
        lambda self, *args, **kwargs: parsed.append(args[2]) or parse(self, *args, **kwargs),
    )
    monkeypatch.setattr(C, "INVENTORY_ENABLED", [OURS, "script"])
    manager = InventoryManager(loader=DataLoader(), sources=[path])
    assert parsed == []
    assert [host.name for host in manager._inventory.groups["web"].hosts] == ["web1"]
