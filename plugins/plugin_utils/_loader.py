# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reading a source through the loader: the one place that calls its underscored reader.

ansible.builtin.ini reads its file with ``loader._get_file_contents(path)``, which decrypts vault
files and, in other people's tests, may be a mock holding the inventory in memory. It has no public
counterpart that returns bytes, so the call is kept here, behind :func:`read_source`.
"""

from __future__ import annotations

import typing as t

from ansible.module_utils.common.text.converters import to_bytes

__all__ = ["read_source"]


def read_source(loader: t.Any, path: str) -> bytes:
    """The bytes of ``path`` as the builtin reads them: through ``loader``, or from disk without one.

    Bytes, not text, so that undecodable bytes reach the parser as they are. On 2.19+ the
    loader's bytes carry an origin tag; they are passed on as they are (a plain copy would only
    cost memory: decoding gives a plain ``str``). A loader that hands back text (some test
    doubles do) is given back as UTF-8 bytes.
    """
    if loader is not None:
        data, _show_content = loader._get_file_contents(path)
        if isinstance(data, str):
            return data.encode("utf-8", "surrogateescape")
        return t.cast(bytes, data)
    with open(to_bytes(path, errors="surrogate_or_strict"), "rb") as handle:
        return handle.read()
