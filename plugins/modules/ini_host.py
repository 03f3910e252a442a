#!/usr/bin/python
# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r"""
module: ini_host
short_description: Add, change or remove a host in an INI inventory file
version_added: 0.1.0
description:
  - Edits an INI inventory (the format P(ansible.builtin.ini#inventory) and P(iniplus.inventory.ini#inventory)
    read) as inventory, not as text. The host's lines, groups, port and variables change; every other line
    stays byte for byte as it was (comments, blank lines, alignment, tabs, CRLF line endings, a missing final
    newline, a byte-order mark).
  - New lines follow the style of the lines around them and go where a person would put them; a new host goes
    after the last host line of its group, before any comments or blank lines that follow.
  - Each variable is written so that C(ansible.builtin.ini) reads back exactly the value and type given
    (strings such as V(1.10), V(0x1F), V(yes) or with blanks, C(#), quotes and C(=); integers, floats,
    booleans, V(null), lists and dictionaries).
  - Before anything is written, the new text is parsed and its whole inventory compared with the old one plus
    exactly the requested change; if anything else would differ, the module fails and writes nothing.
  - A file the parser rejects is refused with the parser's diagnostics, unchanged.
  - Several runs at once (the usual C(delegate_to) V(localhost) from every host of a play) take turns. Each
    holds a lock file beside the inventory (C(.<name>.lock), removed afterwards) while it reads, edits and
    atomically replaces the file.
  - Use M(iniplus.inventory.ini_group) for group variables and child groups.
author:
  - iniplus.inventory contributors (@iniplus)
options:
  name:
    description:
      - The host, as it is written in the inventory (one host, with no range, port, quotes or blanks).
    type: str
    required: true
  port:
    description:
      - The host's SSH port, written after its name on its first line (C(name:port)).
      - Left as it is when not given.
    type: int
  groups:
    description:
      - Groups the host is a member of; it is added to each it is not yet in. Missing groups are created (as a
        C([group]) section at the end of the file).
      - A new host given no groups goes to C(ungrouped) (at the top of the file, before the first section).
      - Left as they are when not given.
    type: list
    elements: str
  exclusive:
    description:
      - Also remove the host from every group not in O(groups). Variables and the port written on a line that
        is removed are kept, on a line of the host that stays.
      - With O(groups) empty the host stays in C(ungrouped) only.
    type: bool
    default: false
  vars:
    description:
      - Host variables to set, written on the host's own line.
    type: dict
    default: {}
  remove_vars:
    description:
      - Names of host variables to remove from every line of the host.
    type: list
    elements: str
    default: []
  state:
    description:
      - V(present) makes the host exist with the given groups, port and variables.
      - V(absent) removes every line of the host.
    type: str
    choices: [present, absent]
    default: present
extends_documentation_fragment:
  - ansible.builtin.action_common_attributes
  - ansible.builtin.action_common_attributes.files
  - ansible.builtin.files
  - iniplus.inventory.ini_file
notes:
  - A host that comes from a range (C(web[01:10])) is changed only where that can be written exactly, for
    example a variable set on a line of its own after the range; removing it, removing one of its variables
    or changing its port fails with a message that names the line.
  - A host whose name is also a group is refused (Ansible gives variables on its line to the group).
  - Values are compared with their types (V(1) and V("1") differ), so a second run with the same values
    reports no change.
  - The module runs where the inventory file is, usually the controller (C(delegate_to) V(localhost)).
    It needs Python 3.10 or later and nothing beyond the standard library.
seealso:
  - module: iniplus.inventory.ini_group
  - plugin: iniplus.inventory.ini
    plugin_type: inventory
  - module: ansible.builtin.meta
    description: The C(refresh_inventory) action of M(ansible.builtin.meta) makes the play see the edited
      inventory.
"""

EXAMPLES = r"""
# The common recipe, in a play that provisions web07: record the new host in the inventory file,
# then read the inventory again so that later plays can target web07.
- name: Record the new VM in the inventory file
  iniplus.inventory.ini_host:
    path: "{{ inventory_file }}"
    name: web07
    groups: [web, monitored]
    vars:
      ansible_host: 192.0.2.17
      app_version: "1.10"      # stays the string '1.10', not the float 1.1
      weight: 3                # an integer
      tls: true                # a boolean
  delegate_to: localhost

- name: Read the inventory again
  ansible.builtin.meta: refresh_inventory

# Move a host to exactly these groups, keeping its variables.
- name: Make db1 a member of db and backup only
  iniplus.inventory.ini_host:
    path: inventory/hosts.ini
    name: db1
    groups: [db, backup]
    exclusive: true

# Change the port and drop a variable, keeping a copy of the old file.
- name: Move db1 to port 2222
  iniplus.inventory.ini_host:
    path: inventory/hosts.ini
    name: db1
    port: 2222
    remove_vars: [ansible_ssh_port]
    backup: true

# Decommission.
- name: Remove old01 from the inventory
  iniplus.inventory.ini_host:
    path: inventory/hosts.ini
    name: old01
    state: absent
  delegate_to: localhost
"""

RETURN = r"""
host:
  description: The host after the edit (as the inventory reads it); V(null) when it was removed.
  returned: success
  type: dict
  contains:
    name:
      description: The host's name.
      type: str
      returned: success
    port:
      description: The port on its first line, or V(null).
      type: int
      returned: success
    groups:
      description: The groups it is listed in, in file order.
      type: list
      elements: str
      returned: success
    vars:
      description: Its variables, with their types.
      type: dict
      returned: success
  sample:
    name: web07
    port: null
    groups: [web, monitored]
    vars: {ansible_host: 192.0.2.17, app_version: "1.10", weight: 3, tls: true}
host_before:
  description: The host before the edit, in the same form as RV(host); V(null) when it was not there.
  returned: success
  type: dict
  sample: null
msg:
  description: What happened, one of V(host added), V(host changed), V(host removed) or V(host unchanged).
  returned: success
  type: str
  sample: host added
backup_file:
  description: The copy of the file made before the change.
  returned: changed and O(backup) was true
  type: str
  sample: inventory/hosts.ini.12345.2026-11-30@01:55:00~
diagnostics:
  description: The parser's errors, one rendered message each, when the file is not a valid INI inventory.
  returned: failure, when the file does not parse
  type: list
  elements: str
"""

from ansible.module_utils.basic import AnsibleModule  # noqa: E402 - after the documentation, as Ansible's modules do

from ansible_collections.iniplus.inventory.plugins.module_utils.ini_edit import (  # noqa: E402
    HostRequest,
    edit_host,
)
from ansible_collections.iniplus.inventory.plugins.module_utils.ini_file import (  # noqa: E402
    FILE_ARGUMENT_SPEC,
    run_edit,
)


def main() -> None:
    module = AnsibleModule(
        argument_spec={
            **FILE_ARGUMENT_SPEC,
            "name": {"type": "str", "required": True},
            "port": {"type": "int"},
            "groups": {"type": "list", "elements": "str"},
            "exclusive": {"type": "bool", "default": False},
            "vars": {"type": "dict", "default": {}},
            "remove_vars": {"type": "list", "elements": "str", "default": []},
            "state": {"type": "str", "choices": ["present", "absent"], "default": "present"},
        },
        add_file_common_args=True,
        supports_check_mode=True,
    )
    params = module.params
    request = HostRequest(
        name=params["name"],
        state=params["state"],
        port=params["port"],
        groups=params["groups"],
        exclusive=params["exclusive"],
        vars=params["vars"],
        remove_vars=params["remove_vars"],
    )
    run_edit(module, lambda text, source: edit_host(text, request, source), "host")


if __name__ == "__main__":
    main()
