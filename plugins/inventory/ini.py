# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
# ruff: noqa: E402 - Ansible's layout: DOCUMENTATION and EXAMPLES come before the imports

from __future__ import annotations

DOCUMENTATION = r"""
name: ini
short_description: Faster INI inventory with clearer errors
version_added: 0.1.0
author:
  - iniplus.inventory contributors (@iniplus)
description:
  - A drop-in replacement for P(ansible.builtin.ini#inventory). Given the same INI file it builds the same
    inventory, the same groups, hosts in the same order, the same children and variables with the same types,
    and it rejects the files the builtin rejects.
  - Sections are groups; C([group:vars]) holds variables of the group and C([group:children]) its child
    groups. Hosts before the first section are ungrouped. Host lines may carry C(key=value) variables.
  - Values on host lines and in C(:vars) sections are typed with Python's C(ast.literal_eval), as the builtin
    does it. Tuples and sets become lists on every ansible-core version.
  - On ansible-core 2.19 and later, string values are trusted as templates exactly as the builtin trusts them,
    and every value carries its file and line as origin.
  - Errors name the file, line and column, quote the line and give a hint, and every error of a file is
    reported in one run, not just the first.
  - Differences from the builtin, all deliberate, are listed in the collection's C(docs/differences.md).
    A UTF-8 byte-order mark at the start of a file is ignored (the builtin reads it as part of the first
    host).
    Files named C(*.yml), C(*.yaml), C(*.json) and C(*.toml) are left to other plugins.
  - The plugin works in two modes. B(Direct mode) reads an INI file given as an inventory source, like the
    builtin; O(typing) and O(diagnostics) then come from C(ansible.cfg) or the environment.
  - B(Config-file mode) reads a YAML file named C(*.iniplus.yml) or C(*.iniplus.yaml) whose C(plugin) key is
    C(iniplus.inventory.ini). It merges the INI files named by O(sources) and adds constructed
    groups and variables and caching. See the collection's C(docs/configuration.md).
options:
  plugin:
    description:
      - In a configuration file, the name of this plugin. Only a C(*.iniplus.yml) or C(*.iniplus.yaml) file
        with this key is read as configuration.
    type: str
    choices: [iniplus.inventory.ini]
  sources:
    description:
      - In a configuration file, the INI inventories to read, each a file, a glob or a directory, relative to
        the configuration file. Required there; not used in direct mode.
      - Files are merged in this order, as if each were given to C(ansible-inventory) with its own C(-i).
        Entries are taken in the order written; the matches of a glob and the files of a directory are sorted
        by name; directories are not entered recursively (use C(**) in a glob to go deeper); a file reached
        twice is read once, where it is first reached.
      - Glob matches and directory entries skip hidden files, files that Ansible's
        C(INVENTORY_IGNORE_EXTS) and C(INVENTORY_IGNORE_PATTERNS) ignore (except C(.ini), which that list
        names by default), and C(*.yml), C(*.yaml), C(*.json) and C(*.toml) files. A file named explicitly is
        always read.
      - An entry that yields no file, such as a missing file or a glob that matches nothing, is an error
        that names it.
    type: list
    elements: str
  typing:
    description:
      - How values on host lines and in C(:vars) sections are typed.
      - V(literal_eval) types them as P(ansible.builtin.ini#inventory) does, with Python's
        C(ast.literal_eval). C(port=22) is an integer, C(on=True) a boolean, C(v=05.30) the float C(5.3),
        C(l=1,2) a list.
      - V(string) makes every value a string. A value written as one quoted string loses its quotes
        (C(a="x y") is C(x y)); nothing else is converted, so C(05.30), C(True) and C(1,2) stay exactly
        as written.
    type: str
    choices: [literal_eval, string]
    default: literal_eval
    env:
      - name: ANSIBLE_INIPLUS_TYPING
    ini:
      - section: inventory_plugin_iniplus
        key: typing
  diagnostics:
    description:
      - What to do with the warnings found while reading a file (things the builtin accepts silently but
        that are probably mistakes). They never change the inventory that is built.
      - V(warn) shows them, identical ones folded together; V(error) makes any of them fatal and lists them
        all; V(ignore) drops them.
    type: str
    choices: [warn, error, ignore]
    default: warn
    env:
      - name: ANSIBLE_INIPLUS_DIAGNOSTICS
    ini:
      - section: inventory_plugin_iniplus
        key: diagnostics
requirements:
  - voluptuous (optional) on the controller, to check the values of well-known C(ansible_*) variables such as
    C(ansible_port); without it the inventory is read the same way, and that check is off.
extends_documentation_fragment:
  - ansible.builtin.constructed
  - ansible.builtin.inventory_cache
notes:
  - Enable it in C(ansible.cfg) in place of C(ini), where C(ini) is in Ansible's default list, that is
    C(enable_plugins = host_list, script, auto, yaml, iniplus.inventory.ini, toml). Executable inventory
    scripts then still go to C(script), YAML files to C(auto) and C(yaml), and every other file to this
    plugin.
  - Do not keep C(ini) after it. A file this plugin rejects would be tried again by the builtin, so each
    broken file is reported a second time, with the builtin's message, and with O(diagnostics=error)
    the builtin would accept a file this plugin refused for its warnings.
  - An executable file whose first line starts with C(#!) is left to the C(script) plugin, even when
    this plugin comes first in C(enable_plugins).
  - The parser lives in the collection's C(module_utils) and needs only the Python standard library, so the
    collection's dynamic-inventory script and plain Python programs read INI files the same way.
  - The constructed options (O(compose), O(groups), O(keyed_groups), O(strict), O(leading_separator),
    O(use_extra_vars)) and the cache options apply in config-file mode only. In direct mode the plugin
    builds exactly what the builtin builds, whatever C(ansible.cfg) says about inventory caching.
  - The cache entry of a configuration file is keyed by a digest of the content of every source (and of
    O(typing)), so an edited source is never served from the cache. A cache hit rebuilds the inventory
    without parsing any file. A configuration with a vault-encrypted source is never cached, since the cache
    would hold it decrypted.
  - Constructed variables and groups are computed from each host's variables and the variables of its groups,
    after every source is merged.
seealso:
  - plugin: ansible.builtin.ini
    plugin_type: inventory
  - plugin: ansible.builtin.constructed
    plugin_type: inventory
  - name: Differences from ansible.builtin.ini
    description: The few deliberate differences, with examples.
    link: https://github.com/iniplus/inventory/blob/main/docs/differences.md
  - name: Diagnostics
    description: Every error and warning the plugin reports, and the O(diagnostics) option.
    link: https://github.com/iniplus/inventory/blob/main/docs/diagnostics.md
  - name: Config-file mode
    description: Merging several INI files, typing, constructed groups and caching.
    link: https://github.com/iniplus/inventory/blob/main/docs/configuration.md
"""

EXAMPLES = r"""
# ansible.cfg: read INI inventories with iniplus.inventory.ini, in place of ini
# (no ini after it: a file this plugin rejects would be reported again by the builtin)
# [inventory]
# enable_plugins = host_list, script, auto, yaml, iniplus.inventory.ini, toml

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

# Direct mode with every value a string and warnings made fatal, in ansible.cfg:
# [inventory_plugin_iniplus]
# typing = string
# diagnostics = error
# or in the environment: ANSIBLE_INIPLUS_TYPING=string ANSIBLE_INIPLUS_DIAGNOSTICS=error

# Config-file mode: inventory/site.iniplus.yml,
# used as: ansible-inventory -i inventory/site.iniplus.yml --graph
plugin: iniplus.inventory.ini
sources:
  - hosts.ini        # first
  - regions/*.ini    # then these, sorted by name
  - extra/           # then every INI file in this directory, sorted by name
typing: string
diagnostics: error
keyed_groups:
  - key: datacenter  # a host or group variable: datacenter=fra1 puts the host in group dc_fra1
    prefix: dc
groups:
  webservers: inventory_hostname.startswith('web')
compose:
  ansible_host: ip | default(inventory_hostname)
cache: true
cache_plugin: ansible.builtin.jsonfile
cache_connection: ~/.cache/ansible-inventory
cache_timeout: 86400
"""

import json
import os
import sys
import typing as t

from ansible import constants as C
from ansible.errors import AnsibleError, AnsibleParserError
from ansible.inventory.data import InventoryData
from ansible.inventory.group import to_safe_group_name
from ansible.inventory.helpers import get_group_vars
from ansible.module_utils.common.text.converters import to_bytes, to_native
from ansible.plugins.inventory import BaseFileInventoryPlugin, Cacheable, Constructable
from ansible.utils.vars import combine_vars

from ansible_collections.iniplus.inventory.plugins.module_utils.ini_diagnostics import IniParseError
from ansible_collections.iniplus.inventory.plugins.module_utils.ini_model import (
    IniInventory,
    paused_garbage_collection,
)
from ansible_collections.iniplus.inventory.plugins.module_utils.ini_parser import parse_ini
from ansible_collections.iniplus.inventory.plugins.plugin_utils._cache import (
    EntryStore,
    Uncacheable,
    decode_models,
    encode_models,
    entry_mode,
    parser_fingerprint,
    sources_digest,
)
from ansible_collections.iniplus.inventory.plugins.plugin_utils._config import (
    NOT_INI_EXTENSIONS,
    is_config_path,
    resolve_source_entries,
)
from ansible_collections.iniplus.inventory.plugins.plugin_utils._diagnostics import (
    apply_diagnostics_policy,
    diagnose,
    rejection,
)
from ansible_collections.iniplus.inventory.plugins.plugin_utils._inventory_builder import (
    populate_inventory,
)
from ansible_collections.iniplus.inventory.plugins.plugin_utils._knowledge import LEGACY_IPV6
from ansible_collections.iniplus.inventory.plugins.plugin_utils._loader import read_source

_VAULT_HEADER = b"$ANSIBLE_VAULT"


def _is_executable_script(path: str) -> bool:
    """Whether ``path`` is an executable file whose first line starts with ``#!``."""
    b_path = to_bytes(path, errors="surrogate_or_strict")
    if not os.access(b_path, os.X_OK) or not os.path.isfile(b_path):
        return False
    try:
        with open(b_path, "rb") as handle:
            return handle.read(2) == b"#!"
    except OSError:
        return False


class InventoryModule(BaseFileInventoryPlugin, Constructable, Cacheable):
    """Reads INI files, given directly or named by a ``*.iniplus.yml`` file, into the inventory."""

    NAME = "iniplus.inventory.ini"
    # Set by BaseInventoryPlugin.parse() before anything here reads it.
    inventory: InventoryData

    def verify_file(self, path: str) -> bool:
        if not super().verify_file(path):
            return False
        if is_config_path(path):
            return True
        if path.lower().endswith(NOT_INI_EXTENSIONS):
            return False
        # An executable inventory script is the script plugin's to run, even when this
        # plugin comes before it in enable_plugins.
        return not _is_executable_script(path)

    def parse(self, inventory: InventoryData, loader: t.Any, path: str, cache: bool = True) -> None:
        super().parse(inventory, loader, path)
        # Parsing and populating allocate in bursts that hold no garbage cycles.
        with paused_garbage_collection():
            if is_config_path(path):
                self._parse_config(path, cache)
                return
            # Direct mode: options from ansible.cfg and the environment only.
            self.set_options()
            typing, diagnostics = self.get_option("typing"), self.get_option("diagnostics")
            data = self._read_source(path)
            model = self._parse_source(path, data, typing)
            # Nothing reads the model afterwards: the builder may free it while the inventory grows.
            self._add_model(model, diagnostics, data=data, consume=True)

    # --- config-file mode ---------------------------------------------------------------

    def _parse_config(self, path: str, cache: bool) -> None:
        self._read_config(path)
        typing, diagnostics = self.get_option("typing"), self.get_option("diagnostics")
        entries = resolve_source_entries(
            path, self.get_option("sources") or [], C.INVENTORY_IGNORE_EXTS, C.INVENTORY_IGNORE_PATTERNS
        )
        contents = self._read_sources(path, entries)
        paths = [source for source, _data in contents]
        cache_key, digest = self._cache_entry(path, contents, typing)
        store = EntryStore(self._cache, cache_key) if cache_key else None
        if store is not None and not store.usable:
            self.display.vvv(f"iniplus: not caching {path}: {store.refusal()}")
            store = None
        models = None
        if store is not None and digest is not None and cache:
            models = self._load_cached_models(path, store, digest)
        if models is None:
            models = []
            for source, data in contents:
                plain = self._decrypt(source, data)
                model = self._parse_source(source, plain, typing)
                self._add_model(model, diagnostics, as_source=True, data=plain)
                models.append(model)
            if store is not None and digest is not None:
                self._store_models(path, store, models, digest, paths)
        else:
            for model in models:
                self._add_model(model, diagnostics, as_source=True)
        self._construct(models)

    def _read_sources(self, path: str, entries: t.Iterable[tuple[str, bool]]) -> list[tuple[str, bytes]]:
        contents = []
        for source, named in entries:
            try:
                contents.append((source, self._read_bytes(source)))
            except OSError as error:
                reason = error.strerror or error.__class__.__name__
                if named:
                    raise AnsibleParserError(f"{path}: cannot read source {source}: {reason}") from None
                # As ansible-core does with an unreadable file in a directory of sources.
                self.display.warning(f"{path}: skipping {source}, which cannot be read: {reason}")
        return contents

    def _read_config(self, path: str) -> None:
        config = self._read_config_data(path)
        unknown = sorted(str(key) for key in config if key not in self._options)
        if unknown:
            valid = ", ".join(sorted(self._options))
            raise AnsibleParserError(
                f"{path}: unknown option(s) {', '.join(unknown)}; valid options: {valid}"
            )

    def _cache_entry(
        self, path: str, contents: list[tuple[str, bytes]], typing: str
    ) -> tuple[str, str] | tuple[None, None]:
        """The cache key and digest for these sources, or ``(None, None)`` when not caching."""
        if not self.get_option("cache"):
            return None, None
        if any(data.startswith(_VAULT_HEADER) for _source, data in contents):
            # The cache would hold the decrypted inventory in clear text.
            self.display.vvv(f"iniplus: not caching {path}: a source is vault-encrypted")
            return None, None
        # Everything a parse depends on: the bytes of every source, the typing, the group-name
        # rules, the groups earlier inventory sources made (they resolve children and :vars),
        # and the parser itself (an upgraded collection must not read an older version's entries).
        digest = sources_digest(
            contents,
            typing,
            str(C.TRANSFORM_INVALID_GROUP_CHARS),
            json.dumps(sorted(self.inventory.groups)),
            parser_fingerprint(),
            # PYTHONINTMAXSTRDIGITS decides whether a long run of digits is an int or a string.
            str(getattr(sys, "get_int_max_str_digits", lambda: 0)()),
            # The address rules differ between ansible-core releases (see LEGACY_IPV6).
            str(LEGACY_IPV6),
        )
        return f"{self.get_cache_key(path)}_{digest[:16]}", digest

    def _store_models(
        self, path: str, store: EntryStore, models: list[IniInventory], digest: str, sources: list[str]
    ) -> None:
        try:
            data = encode_models(models, digest)
            # No more readable than the most restrictive source: a 0600 file stays private.
            store.store(data, entry_mode(os.stat(source).st_mode for source in sources))
        except (Uncacheable, OSError) as error:
            self.display.vvv(f"iniplus: not caching {path}: {error}")

    def _load_cached_models(self, path: str, store: EntryStore, digest: str) -> list[IniInventory] | None:
        refusal = store.refusal()
        if refusal == "no entry":
            return None
        if refusal is not None:
            # Its strings would be trusted as templates: only an entry this user wrote is read.
            self.display.vvv(f"iniplus: ignoring the cache entry for {path}: {refusal}")
            return None
        try:
            models = decode_models(store.load(), digest)
        except KeyError:
            return None
        except Exception as error:  # noqa: BLE001 - truncated, nested, a directory...: a miss
            self.display.vvv(
                f"iniplus: ignoring the cache entry for {path}: {error.__class__.__name__}: {error}"
            )
            return None
        self.display.vvv(f"iniplus: using cached inventory for {path} ({len(models)} sources, none parsed)")
        return models

    def _construct(self, models: list[IniInventory]) -> None:
        compose, groups, keyed_groups = (
            self.get_option(name) for name in ("compose", "groups", "keyed_groups")
        )
        if not (compose or groups or keyed_groups):
            return
        strict = self.get_option("strict")
        names = dict.fromkeys(
            name
            for model in models
            for name in (*model.hosts, *(host for group in model.groups.values() for host in group.hosts))
        )
        for name in names:
            host = self.inventory.get_host(name)
            if host is None:  # every name comes from a model just added
                continue
            variables = combine_vars(get_group_vars(host.get_groups()), host.get_vars())
            self._set_composite_vars(compose, variables, name, strict=strict)
            # Groups and keyed groups see the host's variables again, composed ones included.
            self._add_host_to_composed_groups(groups, variables, name, strict=strict)
            self._add_host_to_keyed_groups(keyed_groups, variables, name, strict=strict)

    # --- shared by both modes -------------------------------------------------------------

    def _parse_source(self, path: str, data: bytes, typing: str) -> IniInventory:
        try:
            return parse_ini(
                data,
                path,
                known_groups=self.inventory.groups,
                transform_group_name=to_safe_group_name,
                typing=typing,
                legacy_ipv6=LEGACY_IPV6,
            )
        except IniParseError as error:
            raise rejection(error, self.display) from None

    def _add_model(
        self,
        model: IniInventory,
        diagnostics: str,
        as_source: bool = False,
        data: bytes | None = None,
        consume: bool = False,
    ) -> None:
        # Warnings never change what is built; under diagnostics=error they stop the build.
        if diagnostics != "ignore":
            found = diagnose(model, self.display.v, data)
            apply_diagnostics_policy(found, diagnostics, self.display)
        inventory = self.inventory
        previous = inventory.current_source
        if as_source:
            # Hosts get inventory_file/inventory_dir of the file they come from, as with one -i per file.
            inventory.current_source = model.source
        try:
            populate_inventory(inventory, model, consume=consume)
        except (AnsibleError, ValueError, TypeError, ArithmeticError, RuntimeError) as error:
            # Ansible's own objects refuse some inputs while they are added (a loop of groups
            # with a group of an earlier source, ansible_group_priority=x on ansible-core < 2.19,
            # ansible_group_priority=1e999), and 2.19+ refuses a relative path as an origin.
            raise AnsibleParserError(f"{model.source}: {to_native(error)}") from None
        finally:
            inventory.current_source = previous

    def _read_source(self, path: str) -> bytes:
        # As the builtin reads it: through the loader, which also decrypts vault.
        return read_source(self.loader, path)

    @staticmethod
    def _read_bytes(path: str) -> bytes:
        with open(to_bytes(path, errors="surrogate_or_strict"), "rb") as handle:
            return handle.read()

    def _decrypt(self, path: str, data: bytes) -> bytes:
        if data.startswith(_VAULT_HEADER) and self.loader is not None:
            # Vault-encrypted inventories: only the loader holds the secrets to decrypt them.
            data = read_source(self.loader, path)
        return data
