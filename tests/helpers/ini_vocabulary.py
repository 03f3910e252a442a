# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The words that generated INI inventories are made of, in one place.

Both differentials against ansible.builtin.ini draw from these tables: the Hypothesis one in CI
(tests/unit/plugins/inventory/test_ini_generated_differential.py) and the long seeded one
(tests/random_differential.py). A name or value that once found a difference is added here, so
both meet it. Broken forms (``BAD_*``: most make the builtin refuse the file) sit in tables of
their own, drawn rarely, so that most files are accepted and compared in full.

Documented differences (docs/differences.md) are left out: no byte-order mark, no pattern of
900+ ranges or 1,000,000+ hosts.
"""

from __future__ import annotations

# Names that collide on purpose: a host named like a group (web, db, h1, bastion), the implicit
# groups, names to_safe_group_name rewrites (web-1, g.x), and non-ASCII.
GROUP_NAMES = ("web", "db", "all", "ungrouped", "web-1", "g.x", "grüppe", "h1", "prod", "bastion")
HOST_NAMES = (
    "h1",
    "h2",
    "web",
    "db",
    "bastion",
    "localhost",
    "db.example.com",
    "h.example.com",
    "10.0.0.1",
    "::1",
    "fe80::1",
    "höst",
)

# Host ranges: numeric, zero-padded, alphabetic, with strides, reversed, open at the start.
GOOD_RANGES = ("[1:3]", "[01:03]", "[a:c]", "[1:6:2]", "[3:1]", "[5:1:-1]", "[:2]", "[A:C]", "[x:z:2]")
BAD_RANGES = ("[0:2:0]", "[1:]", "[x]", "[1:2:3:4]", "[c:a]")

# inventory_file and inventory_dir are also set by add_host: a later assignment must win alike.
KEYS = (
    "a",
    "b",
    "k",
    "x_1",
    "ansible_port",
    "ansible_host",
    "ansible_group_priority",
    "inventory_file",
    "inventory_dir",
)
BAD_KEYS = ("",)  # "=value": no name

# Every form literal_eval types, and the strings it gives up on, written as in a file.
VALUES = (
    # numbers: signs, leading zeros, exponents past float's range, hex, underscores, complex
    "1",
    "-5",
    "1.5",
    "05",
    "05.30",
    "1e3",
    "1e400",
    "1e999",
    "-1e999",
    "0x1F",
    "1_000",
    "1+2j",
    "9" * 30,
    "9" * 5000,  # past Python's default limit on digits in int(): literal_eval refuses it
    "1." + "0" * 40,
    # booleans and None, and words that are only strings to literal_eval
    "True",
    "false",
    "yes",
    "None",
    "...",
    # containers, nested
    "[1,2]",
    "(1,2)",
    "{1,2}",
    "{'a':1}",
    "{'k':[1,(2,3)]}",
    "{'a':{'b':[1,(2,3)]}}",
    # string literals: prefixes, quotes, bytes that do not decode
    "b'by'",
    "b'\\xff'",
    "u'x'",
    "r'\\d'",
    "'q'",
    '"two words"',
    '""',
    # '#' inside and outside quotes, templates, half-written literals, plain words
    "'a#b'",
    "a#b",
    '"a#b#c"',
    "1,2",
    "{{ x }}",
    "'{{ y }}'",
    "=",
    "[1,",
    "mine",
    "/abs/path",
    "a.b.c",
    "10.0.0.1",
)
BAD_VALUES = ("x y", "'unclosed", "\\", "{[1]:2}")

# Section types and what may follow a header or a line: comments of both kinds, glued or not.
SECTION_KINDS = ("", "", ":vars", ":vars", ":children", ":hosts")
BAD_SECTION_KINDS = (":other",)
HEADER_TAILS = ("", "", " # c", "  ")
HOST_LINE_TAILS = ("", "", "", " # comment", "# glued", ' v="a#b"')
VARS_LINE_TAILS = ("", "", " # c")
CHILD_LINE_TAILS = ("", "", " # c")
BAD_TAILS = (" ; c",)  # ';' starts a comment only at the start of a line

# Lines outside any section's grammar: blanks, comments, and broken headers.
ODD_LINES = ("", "# comment", "; comment", "   ")
BAD_ODD_LINES = ("[]", "[bad name]", "---")
