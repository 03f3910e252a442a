# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Trust and origin for INI values: the one place that knows about ansible-core's data tagging.

On ansible-core 2.19+ ansible.builtin.ini marks every string it reads as trusted to be a
template (so ``{{ }}`` in an INI value renders) and tags every value with its file and line.
Strings written as ``b'...'`` are decoded but not trusted. Older cores have no tagging; the
values pass through unchanged.

Origin has no public constructor in ansible-core, so the imports below are the collection's only
use of ``ansible._internal``; they are guarded so that a core without them simply gets plain values.

Speed: ``AnsibleTagHelper.tag`` checks its arguments and builds a fresh tags mapping for every
value. A large inventory tags millions of values with a handful of tag sets (one per line), so
the tagger builds each line's mappings once and hands them to the same factory ``tag`` ends in
(``_instance_factory`` of the tagged type). Values read from the INI parser carry no tags of
their own, which is the case where ``tag`` builds exactly that mapping; unit tests compare the
results with ``AnsibleTagHelper.tag``.
"""

from __future__ import annotations

import typing as t

from ansible_collections.iniplus.inventory.plugins.module_utils.ini_model import IniAssignments, UntrustedText

try:
    from ansible._internal._datatag._tags import Origin, TrustedAsTemplate
    from ansible.module_utils._internal._datatag import (
        AnsibleTaggedObject,
        _AnsibleTagsMapping,
    )
except ImportError:  # ansible-core < 2.19: no data tagging
    HAS_DATA_TAGGING = False
else:
    HAS_DATA_TAGGING = True

__all__ = ["HAS_DATA_TAGGING", "SourceTagger"]


class SourceTagger:
    """Tags keys and values read from one file, with one origin and one set of tags per line."""

    def __init__(self, path: str) -> None:
        self.path = path
        # line -> (origin, {Origin}, {Origin, TrustedAsTemplate}) as tags mappings
        self._lines: dict[int, tuple[t.Any, t.Any, t.Any]] = {}

    def _line(self, line: int) -> tuple[t.Any, t.Any, t.Any]:
        tags = self._lines.get(line)
        if tags is None:
            origin = Origin(path=self.path, line_num=line)
            # Same contents and order as tag(origin.tag(value), TrustedAsTemplate()) builds.
            tags = self._lines[line] = (
                origin,
                _AnsibleTagsMapping(((Origin, origin),)),
                _AnsibleTagsMapping(((Origin, origin), (TrustedAsTemplate, _TRUSTED))),
            )
        return tags

    def variables(self, records: t.Iterable[IniAssignments]) -> list[tuple[str, t.Any]]:
        """``(name, value)`` of each assignment of these records (one per line), in order, as
        ansible.builtin.ini tags them: the name with its origin only (Ansible drops trust from
        names), the value as the module docstring says."""
        if not HAS_DATA_TAGGING:
            return [(name, _plain(value)) for record in records for name, value in record.pairs]
        tagged: list[tuple[str, t.Any]] = []
        lines = self._lines
        new_str: t.Any = _new_str  # an alias for the loop; its tagged str is a str
        for record in records:
            tags = lines.get(record.line) or self._line(record.line)
            origin_only, trusted = tags[1], tags[2]
            for name, value in record.pairs:
                value_type = type(value)
                if value_type is str:
                    tagged_value = new_str(value, trusted)
                elif value_type is int:
                    tagged_value = _new_int(value, origin_only)
                elif value_type is bool or value is None:
                    tagged_value = value
                else:
                    tagged_value = self._tag(value, tags)
                tagged.append((new_str(name, origin_only), tagged_value))
        return tagged

    def _tag(self, value: t.Any, tags: tuple[t.Any, t.Any, t.Any]) -> t.Any:
        value_type = type(value)
        if value_type is str:
            return _new_str(value, tags[2])
        if value_type is int:
            return _new_int(value, tags[1])
        if value_type is float:
            return _new_float(value, tags[1])
        if value_type is bool or value is None:
            return value
        if value_type is list:
            # The items are tagged first; the fresh list holds no tags, so tag() would give it
            # exactly the origin-only mapping.
            return _new_list([self._tag(item, tags) for item in value], tags[1])
        if isinstance(value, UntrustedText):
            return _new_str(str(value), tags[1])
        if value_type is dict:
            return _new_dict(
                {self._tag_key(key, tags): self._tag(item, tags) for key, item in value.items()}, tags[1]
            )
        return tags[0].tag(value)

    @staticmethod
    def _tag_key(key: t.Any, tags: tuple[t.Any, t.Any, t.Any]) -> t.Any:
        """A dict key with its origin only (Ansible drops trust from keys), as ``origin.tag(key)``."""
        key_type = type(key)  # exactly str: a subclass (UntrustedText) takes the general way
        if key_type is str:
            return _new_str(key, tags[1])
        return tags[0].tag(key)


def _plain(value: t.Any) -> t.Any:
    """Without data tagging: the value with any UntrustedText turned into a plain ``str``.

    UntrustedText only carries "do not trust" to the tagging above; older cores get what their
    builtin gives for ``b'...'``: a ``str``.
    """
    value_type = type(value)
    if value_type is UntrustedText:
        return str(value)
    if value_type is list:
        return [_plain(item) for item in value]
    if value_type is dict:
        return {key: _plain(item) for key, item in value.items()}
    return value


if HAS_DATA_TAGGING:
    _TRUSTED = TrustedAsTemplate()
    _new_str = AnsibleTaggedObject._get_tagged_type(str)._instance_factory
    _new_int = AnsibleTaggedObject._get_tagged_type(int)._instance_factory
    _new_float = AnsibleTaggedObject._get_tagged_type(float)._instance_factory
    _new_list = AnsibleTaggedObject._get_tagged_type(list)._instance_factory
    _new_dict = AnsibleTaggedObject._get_tagged_type(dict)._instance_factory
