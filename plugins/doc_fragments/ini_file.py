# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations


class ModuleDocFragment:
    """The file options and attributes every module that edits an INI inventory shares."""

    DOCUMENTATION = r"""
options:
  path:
    description:
      - The INI inventory file to edit.
    type: path
    required: true
    aliases: [dest]
  create:
    description:
      - Create the file if it does not exist. Without it a missing file is an error.
    type: bool
    default: false
  backup:
    description:
      - Keep a copy of the file as it was (with a timestamp in its name) before changing it.
    type: bool
    default: false
  lock_timeout:
    description:
      - Seconds to wait for another run to finish with the file.
    type: float
    default: 60
attributes:
  check_mode:
    support: full
  diff_mode:
    support: full
  platform:
    platforms: posix
  safe_file_operations:
    description: Writes through a temporary file and an atomic rename, keeping the file's permissions.
    support: full
  vault:
    description: Does not decrypt vaulted files.
    support: none
"""
