# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r"""
name: ini
short_description: Ansible INI inventories, read exactly like the builtin, only faster and with better errors
version_added: 0.1.0
author:
  - iniplus.inventory contributors (@iniplus)
description:
  - A drop-in replacement for P(ansible.builtin.ini#inventory). Given the same INI file it builds the same
    inventory, the same groups, hosts in the same order, the same children and variables with the same types,
    and it rejects the files the builtin rejects.
  - Sections are groups; C([group:vars]) holds variables of the group and C([group:children]) its child groups.
    Hosts before the first section are ungrouped. Host lines may carry C(key=value) variables.
  - Values on host lines and in C(:vars) sections are typed with Python's C(ast.literal_eval), as the builtin
    does it. Tuples and sets become lists on every ansible-core version.
  - On ansible-core 2.19 and later, string values are trusted as templates exactly as the builtin trusts them,
    and every value carries its file and line as origin.
  - Errors name the file, line and column, quote the line and give a hint, and every error of a file is
    reported in one run, not just the first.
  - Differences from the builtin, all deliberate, are listed in the collection's C(docs/differences.md).
    A UTF-8 byte-order mark at the start of a file is ignored (the builtin reads it as part of the first host).
    Files named C(*.yml), C(*.yaml), C(*.json) and C(*.toml) are left to other plugins.
notes:
  - Enable it in C(ansible.cfg) before C(ini) so that it reads INI files first, for example
    C(enable_plugins = iniplus.inventory.ini, host_list, script, auto, yaml, ini, toml).
  - The parser lives in the collection's C(module_utils) and needs only the Python standard library, so the
    collection's dynamic-inventory script and plain Python programs read INI files the same way.
seealso:
  - plugin: ansible.builtin.ini
    plugin_type: inventory
"""

EXAMPLES = r"""
# ansible.cfg: read INI inventories with iniplus.inventory.ini
# [inventory]
# enable_plugins = iniplus.inventory.ini, host_list, script, auto, yaml, toml

# inventory/hosts.ini: the same syntax as ansible.builtin.ini
# [web]
# web[01:20].example.com ansible_port=2222 http_port=8080
#
# [db]
# db1.example.com ansible_host=10.0.0.5
#
# [prod:children]
# web
# db
#
# [prod:vars]
# ansible_user=deploy
# motd="Welcome to {{ inventory_hostname }}"

# Then, as usual:
# ansible-inventory -i inventory/hosts.ini --graph
"""

from ansible.errors import AnsibleError, AnsibleParserError
from ansible.inventory.group import to_safe_group_name
from ansible.module_utils.common.text.converters import to_bytes, to_native
from ansible.plugins.inventory import BaseFileInventoryPlugin

from ansible_collections.iniplus.inventory.plugins.module_utils.ini_parser import (
    IniParseError,
    parse_ini,
)
from ansible_collections.iniplus.inventory.plugins.plugin_utils._diagnostics import (
    apply_diagnostics_policy,
)
from ansible_collections.iniplus.inventory.plugins.plugin_utils._inventory_builder import (
    populate_inventory,
)

# Other plugins own these; reading them as INI only produces confusing errors.
_NOT_INI_EXTENSIONS = (".yml", ".yaml", ".json", ".toml")
_VAULT_HEADER = b"$ANSIBLE_VAULT"


class InventoryModule(BaseFileInventoryPlugin):
    """Reads INI inventory files with the collection's parser and populates the inventory."""

    NAME = "iniplus.inventory.ini"

    def verify_file(self, path: str) -> bool:
        if not super().verify_file(path):
            return False
        return not path.lower().endswith(_NOT_INI_EXTENSIONS)

    def parse(self, inventory, loader, path, cache=True):
        super().parse(inventory, loader, path)
        data = self._read_source(path)
        try:
            model = parse_ini(
                data,
                path,
                known_groups=inventory.groups,
                transform_group_name=to_safe_group_name,
            )
        except IniParseError as error:
            raise AnsibleParserError(str(error)) from None
        # Warnings never change what is built; under diagnostics=error they stop the build.
        apply_diagnostics_policy(model.diagnostics, "warn", self.display.warning)
        try:
            populate_inventory(inventory, model)
        except AnsibleError as error:
            raise AnsibleParserError(f"{path}: {to_native(error)}") from None

    def _read_source(self, path: str) -> bytes:
        with open(to_bytes(path, errors="surrogate_or_strict"), "rb") as handle:
            data = handle.read()
        if data.startswith(_VAULT_HEADER) and self.loader is not None:
            # Vault-encrypted inventories: only the loader holds the secrets to decrypt them.
            data, _shown = self.loader._get_file_contents(path)
        return data
