#!/usr/bin/python
# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r"""
module: ini_group
short_description: Add, change or remove a group in an INI inventory file
version_added: 0.1.0
description:
  - Edits an INI inventory (the format P(ansible.builtin.ini#inventory) and P(iniplus.inventory.ini#inventory)
    read) as inventory, not as text. It changes a group's child groups, parent groups and variables (in its
    C([name:vars]) section). Every other line stays byte for byte as it was (comments, blank lines, alignment,
    tabs, CRLF line endings, a missing final newline, a byte-order mark).
  - New lines follow the style of the lines around them; a new section goes after the group's last section,
    or at the end of the file for a new group.
  - Each variable is written so that C(ansible.builtin.ini) reads back exactly the value and type given.
  - Before anything is written, the new text is parsed and its whole inventory compared with the old one plus
    exactly the requested change; if anything else would differ, the module fails and writes nothing.
  - A file the parser rejects is refused with the parser's diagnostics, unchanged.
  - Concurrent runs take turns through a lock file beside the inventory (C(.<name>.lock), removed afterwards);
    the file is replaced atomically.
  - Use M(iniplus.inventory.ini_host) to add hosts to a group.
author:
  - iniplus.inventory contributors (@iniplus)
options:
  name:
    description:
      - The group.
    type: str
    required: true
  children:
    description:
      - Groups that are children of this group (listed in its C([name:children]) section). Missing child
        groups are created as empty C([child]) sections at the end of the file.
      - Left as they are when not given.
    type: list
    elements: str
  exclusive_children:
    description:
      - Also remove every child group not in O(children) from the C([name:children]) sections.
    type: bool
    default: false
  parents:
    description:
      - Groups this group is a child of (it is listed in their C([parent:children]) sections). Missing parent
        groups are created.
      - Left as they are when not given.
    type: list
    elements: str
  exclusive_parents:
    description:
      - Also remove this group from the C(:children) sections of every group not in O(parents).
    type: bool
    default: false
  vars:
    description:
      - Group variables to set, in the group's C([name:vars]) section.
    type: dict
    default: {}
  remove_vars:
    description:
      - Names of group variables to remove from its C([name:vars]) sections.
    type: list
    elements: str
    default: []
  state:
    description:
      - V(present) makes the group exist with the given children, parents and variables (a new group with
        children is written as a C([name:children]) section, otherwise as an empty C([name]) section).
      - V(absent) removes the group's sections (C([name]), C([name:children]), C([name:vars])) and its name
        from other groups' C(:children) sections. Hosts listed only in the group's own section leave the
        inventory; hosts listed elsewhere too keep their port and variables.
    type: str
    choices: [present, absent]
    default: present
extends_documentation_fragment:
  - ansible.builtin.action_common_attributes
  - ansible.builtin.action_common_attributes.files
  - ansible.builtin.files
  - iniplus.inventory.ini_file
notes:
  - The implicit groups C(all) and C(ungrouped) can get variables and children but cannot be removed.
  - A group whose name is also a host is refused (Ansible gives that host's line variables to the group).
  - A cycle of groups (a group that would become its own ancestor) is refused with the parser's message.
  - The module runs where the inventory file is, usually the controller (C(delegate_to) V(localhost)).
    It needs Python 3.10 or later and nothing beyond the standard library.
seealso:
  - module: iniplus.inventory.ini_host
  - plugin: iniplus.inventory.ini
    plugin_type: inventory
"""

EXAMPLES = r"""
- name: A group of web servers with its variables
  iniplus.inventory.ini_group:
    path: inventory/hosts.ini
    name: web
    vars:
      http_port: 8080          # an integer
      app_version: "1.10"      # stays the string '1.10'
      admins: [alice, bob]     # a list
  delegate_to: localhost

- name: Production is exactly web and db
  iniplus.inventory.ini_group:
    path: inventory/hosts.ini
    name: production
    children: [web, db]
    exclusive_children: true

- name: Make web a child of monitored (created if missing)
  iniplus.inventory.ini_group:
    path: inventory/hosts.ini
    name: web
    parents: [monitored]

- name: Drop a variable
  iniplus.inventory.ini_group:
    path: inventory/hosts.ini
    name: web
    remove_vars: [legacy_flag]

- name: Remove the staging group and everything that names it
  iniplus.inventory.ini_group:
    path: inventory/hosts.ini
    name: staging
    state: absent
    backup: true
"""

RETURN = r"""
group:
  description: The group after the edit (as the inventory reads it); V(null) when it was removed.
  returned: success
  type: dict
  contains:
    name:
      description: The group's name.
      type: str
      returned: success
    hosts:
      description: Its hosts, in inventory order.
      type: list
      elements: str
      returned: success
    children:
      description: Its child groups.
      type: list
      elements: str
      returned: success
    parents:
      description: The groups it is a child of (explicitly, in a C(:children) section).
      type: list
      elements: str
      returned: success
    vars:
      description: Its variables, with their types.
      type: dict
      returned: success
  sample:
    name: web
    hosts: [web01, web02]
    children: []
    parents: [production]
    vars: {http_port: 8080, app_version: "1.10"}
group_before:
  description: The group before the edit, in the same form as RV(group); V(null) when it was not there.
  returned: success
  type: dict
  sample: null
msg:
  description: What happened, one of V(group added), V(group changed), V(group removed) or V(group unchanged).
  returned: success
  type: str
  sample: group changed
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
    GroupRequest,
    edit_group,
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
            "children": {"type": "list", "elements": "str"},
            "exclusive_children": {"type": "bool", "default": False},
            "parents": {"type": "list", "elements": "str"},
            "exclusive_parents": {"type": "bool", "default": False},
            "vars": {"type": "dict", "default": {}},
            "remove_vars": {"type": "list", "elements": "str", "default": []},
            "state": {"type": "str", "choices": ["present", "absent"], "default": "present"},
        },
        add_file_common_args=True,
        supports_check_mode=True,
    )
    params = module.params
    request = GroupRequest(
        name=params["name"],
        state=params["state"],
        children=params["children"],
        exclusive_children=params["exclusive_children"],
        parents=params["parents"],
        exclusive_parents=params["exclusive_parents"],
        vars=params["vars"],
        remove_vars=params["remove_vars"],
    )
    run_edit(module, lambda text, source: edit_group(text, request, source), "group")


if __name__ == "__main__":
    main()
