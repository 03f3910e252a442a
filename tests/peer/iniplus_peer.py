# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""pytest plugin: run ansible-core's own unit tests with iniplus.inventory.ini in place of ``ini``.

The ``peer_tests`` nox session loads it (``-p iniplus_peer``) into a pytest run of the INI inventory
tests of an ansible-core sdist downloaded at test time; nothing of ansible-core is kept in this
repository. For every test, ``ini`` in the enabled inventory plugins is replaced by
iniplus.inventory.ini. A test that reaches the builtin anyway fails, and so does the run if our
plugin parsed nothing (then the swap, not the plugin, would have been tested).
"""

from __future__ import annotations

import os
import sys
import typing as t

import pytest

OURS = "iniplus.inventory.ini"
BUILTIN_NAMES = ("ini", "ansible.builtin.ini")
_parsed_by_ours: list[str] = []


@pytest.fixture(autouse=True)
def _iniplus_in_place_of_ini(monkeypatch: pytest.MonkeyPatch) -> t.Iterator[None]:
    from ansible import constants as C
    from ansible.plugins.inventory import ini as builtin_ini
    from ansible.plugins.loader import inventory_loader
    from ansible.utils.collection_loader._collection_finder import _AnsibleCollectionFinder

    # The collection is found on ANSIBLE_COLLECTIONS_PATH (set by the session). ansible-core's
    # units refuse a collection loader left installed after collection, so it lives for one
    # test, as with their own ``collection_loader`` fixture.
    _AnsibleCollectionFinder(paths=os.environ["ANSIBLE_COLLECTIONS_PATH"].split(os.pathsep))._install()
    builtin_calls: list[str] = []
    try:
        ours = inventory_loader.get(OURS)
        assert ours is not None, f"{OURS} is not on ANSIBLE_COLLECTIONS_PATH"
        ours_parse = type(ours).parse

        def parse_with_ours(
            self: t.Any, inventory: t.Any, loader: t.Any, path: str, cache: bool = True
        ) -> t.Any:
            _parsed_by_ours.append(path)
            return ours_parse(self, inventory, loader, path, cache)

        def builtin_parse(
            self: t.Any, inventory: t.Any, loader: t.Any, path: str, cache: bool = True
        ) -> t.Any:
            builtin_calls.append(path)
            raise AssertionError(f"ansible.builtin.ini was used although {OURS} replaces it")

        monkeypatch.setattr(type(ours), "parse", parse_with_ours)
        monkeypatch.setattr(builtin_ini.InventoryModule, "parse", builtin_parse)
        enabled = [OURS if name in BUILTIN_NAMES else name for name in C.INVENTORY_ENABLED]
        monkeypatch.setattr(C, "INVENTORY_ENABLED", enabled)
        yield
    finally:
        monkeypatch.undo()
        _AnsibleCollectionFinder._remove()
        for name in [name for name in sys.modules if name.startswith("ansible_collections")]:
            sys.modules.pop(name)
    assert not builtin_calls, f"ansible.builtin.ini parsed {builtin_calls}"


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if not _parsed_by_ours:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
        print(f"\niniplus_peer: {OURS} parsed no inventory source: the swap did not take effect")
    else:
        print(f"\niniplus_peer: {OURS} parsed {len(_parsed_by_ours)} inventory sources")
