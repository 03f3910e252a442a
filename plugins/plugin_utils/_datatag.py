# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Trust and origin for INI values: the one place that knows about ansible-core's data tagging.

On ansible-core 2.19+ ansible.builtin.ini marks every string it reads as trusted to be a
template (so ``{{ }}`` in an INI value renders) and tags every value with its file and line.
Strings written as ``b'...'`` are decoded but not trusted. Older cores have no tagging; the
values pass through unchanged.

Origin has no public constructor in ansible-core, so the import below is the collection's only
use of ``ansible._internal``; it is guarded so that a core without it simply gets plain values.
"""

from __future__ import annotations

import typing as t

from ansible_collections.iniplus.inventory.plugins.module_utils.ini_model import UntrustedText

try:
    from ansible._internal._datatag._tags import Origin, TrustedAsTemplate
    from ansible.module_utils._internal._datatag import AnsibleTagHelper
except ImportError:  # ansible-core < 2.19: no data tagging
    HAS_DATA_TAGGING = False
else:
    HAS_DATA_TAGGING = True

__all__ = ["HAS_DATA_TAGGING", "SourceTagger"]


class SourceTagger:
    """Tags keys and values read from one file, caching one origin per line."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._origins: dict[int, t.Any] = {}

    def _origin(self, line: int) -> t.Any:
        origin = self._origins.get(line)
        if origin is None:
            origin = self._origins[line] = Origin(path=self.path, line_num=line)
        return origin

    def key(self, name: str, line: int) -> str:
        if not HAS_DATA_TAGGING:
            return name
        return self._origin(line).tag(name)

    def value(self, value: t.Any, line: int) -> t.Any:
        if not HAS_DATA_TAGGING:
            return value
        return self._tag(value, self._origin(line))

    def _tag(self, value: t.Any, origin: t.Any) -> t.Any:
        # Exactly str: UntrustedText subclasses str and must not be trusted as a template.
        if type(value) is str:  # pylint: disable=unidiomatic-typecheck
            return AnsibleTagHelper.tag(value, (origin, _TRUSTED))
        if isinstance(value, UntrustedText):
            return origin.tag(str(value))
        if isinstance(value, list):
            return origin.tag([self._tag(item, origin) for item in value])
        if isinstance(value, dict):
            return origin.tag({origin.tag(key): self._tag(item, origin) for key, item in value.items()})
        return origin.tag(value)


_TRUSTED = TrustedAsTemplate() if HAS_DATA_TAGGING else None
