# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""ini_model.paused_garbage_collection: the collector is paused, resumed, and finds the burst's
objects already old, without losing a cycle or undoing the program's own gc.freeze()."""

from __future__ import annotations

import gc
import weakref

import pytest

from ansible_collections.iniplus.inventory.plugins.module_utils import ini_model
from ansible_collections.iniplus.inventory.plugins.module_utils.ini_model import paused_garbage_collection

OLDEST = 2


class _Node:
    """A container the collector tracks, and that a weak reference can watch."""

    def __init__(self) -> None:
        self.other: _Node | None = None


@pytest.fixture(autouse=True)
def _collector_enabled():
    was_enabled = gc.isenabled()
    gc.enable()
    yield
    if not was_enabled:
        gc.disable()


def _generation(obj: object) -> int | None:
    for generation in range(OLDEST + 1):
        if any(tracked is obj for tracked in gc.get_objects(generation=generation)):
            return generation
    return None


def test_the_collector_is_paused_inside_and_running_after():
    with paused_garbage_collection():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_paused_by_the_program_stays_paused():
    gc.disable()
    with paused_garbage_collection():
        made = _Node()
    assert not gc.isenabled()
    assert _generation(made) == 0


def test_objects_made_in_the_pause_end_in_the_oldest_generation():
    with paused_garbage_collection():
        made = _Node()
    # Without the promotion it is young: generation 0, or 1 if a collection ran since.
    assert _generation(made) == OLDEST


def test_only_the_outermost_pause_promotes():
    with paused_garbage_collection():
        with paused_garbage_collection():
            made = _Node()
        assert _generation(made) == 0
    assert _generation(made) == OLDEST


def test_a_cycle_made_in_the_pause_is_still_collected():
    with paused_garbage_collection():
        first, second = _Node(), _Node()
        first.other, second.other = second, first
        watch = weakref.ref(first)
    del first, second
    gc.collect()
    assert watch() is None


def test_objects_the_program_froze_stay_frozen():
    frozen = _Node()
    gc.freeze()
    try:
        count = gc.get_freeze_count()
        with paused_garbage_collection():
            made = _Node()
        assert gc.get_freeze_count() == count
        assert _generation(frozen) is None  # still in the permanent generation
        assert _generation(made) == 0
    finally:
        gc.unfreeze()


def test_no_promotion_without_the_gil(monkeypatch):
    monkeypatch.setattr(ini_model, "_gil_enabled", lambda: False)
    with paused_garbage_collection():
        made = _Node()
    assert _generation(made) == 0
