# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Traps: inputs the builtin accepts silently but that probably do not mean what the author meant.

Each value or name check returns ``(code, message, hint)`` or ``None``; each line check a
:class:`Finding` placed in its line, or ``None``. They never change a value; the parser only
records what they find. The value checks look at the written text and the typed value
together, and cost one dict lookup or one regex for ordinary values.
"""

from __future__ import annotations

import ast
import functools
import io
import re
import tokenize
import typing as t

from .ini_diagnostics import Finding, Position
from .ini_hosts import HostPatternError, expand_host_pattern
from .ini_lines import UNDECODABLE, HeaderShape, SectionKind, SectionLine
from .ini_model import Diagnostic, IniAssignments, IniHost, IniVariable, quoted, shortened

__all__ = [
    "ANSIBLE_VARIABLE_TYPES",
    "BOOLEAN_ANSIBLE_VARIABLES",
    "BOOLEAN_LOOKALIKES",
    "KNOWN_ANSIBLE_VARIABLES",
    "Trap",
    "byte_order_mark",
    "conflicting_port",
    "conflicting_variables",
    "drop_disproved_warnings",
    "escape_sequence_trap",
    "foreign_format",
    "glued_comment",
    "header_problem",
    "host_named_like_group",
    "needs_documented_variables",
    "trap_for_variable",
    "undeclared_group",
    "undecodable_bytes",
    "unknown_section_type",
    "unknown_variable_name",
    "value_trap",
]

Trap = tuple[str, str, str]

# Words YAML would read as booleans; literal_eval keeps them as strings.
BOOLEAN_LOOKALIKES = frozenset(
    {"true", "false", "yes", "no", "on", "off", "TRUE", "FALSE", "Yes", "No", "YES", "NO"}
)
# The ansible_* variables ansible-core itself reads, with the type its documentation declares
# ("bool", "int", "float", "str", "list", "dict" or "raw"): the `vars:` entries of the options
# of its connection, become and shell plugins and of its configuration (2.16 to 2.21), plus the
# few its executor reads directly (ansible_connection, ansible_become, ...). Collections document
# more; the inventory plugin asks Ansible for those (plugin_utils/_variable_catalogue.py) and
# drop_disproved_warnings() applies the answer. A test keeps this table a superset of what the
# installed ansible-core documents.
ANSIBLE_VARIABLE_TYPES: dict[str, str] = {
    "ansible_admin_users": "list",
    "ansible_async_dir": "str",
    "ansible_become": "bool",
    "ansible_become_ask_pass": "bool",
    "ansible_become_exe": "str",
    "ansible_become_flags": "str",
    "ansible_become_method": "str",
    "ansible_become_pass": "str",
    "ansible_become_password": "str",
    "ansible_become_user": "str",
    "ansible_check_mode": "bool",
    "ansible_command_timeout": "int",
    "ansible_common_remote_group": "str",
    "ansible_connection": "str",
    "ansible_connection_timeout": "int",
    "ansible_control_path": "str",
    "ansible_control_path_dir": "str",
    "ansible_deprecation_warnings": "bool",
    "ansible_diff_mode": "bool",
    "ansible_distribution": "str",
    "ansible_docker_extra_args": "str",
    "ansible_facts": "raw",
    "ansible_facts_modules": "list",
    "ansible_group_priority": "int",
    "ansible_host": "str",
    "ansible_host_key_checking": "bool",
    "ansible_httpapi_port": "int",
    "ansible_httpapi_use_ssl": "bool",
    "ansible_httpapi_validate_certs": "bool",
    "ansible_inject_invocation": "bool",
    "ansible_interpreter_python_fallback": "list",
    "ansible_keep_remote_files": "bool",
    "ansible_libssh_host_key_checking": "bool",
    "ansible_local_become_strip_preamble": "bool",
    "ansible_local_become_success_timeout": "int",
    "ansible_local_tmp": "str",
    "ansible_module_compression": "str",
    "ansible_network_cli_ssh_type": "str",
    "ansible_network_os": "str",
    "ansible_no_target_syslog": "bool",
    "ansible_os_family": "str",
    "ansible_paramiko_host": "str",
    "ansible_paramiko_host_key_checking": "bool",
    "ansible_paramiko_pass": "str",
    "ansible_paramiko_password": "str",
    "ansible_paramiko_port": "int",
    "ansible_paramiko_private_key_file": "str",
    "ansible_paramiko_proxy_command": "str",
    "ansible_paramiko_timeout": "int",
    "ansible_paramiko_use_rsa_sha2_algorithms": "bool",
    "ansible_paramiko_user": "str",
    "ansible_password": "str",
    "ansible_persistent_command_timeout": "int",
    "ansible_persistent_connect_timeout": "int",
    "ansible_pipelining": "bool",
    "ansible_playbook_python": "str",
    "ansible_port": "int",
    "ansible_private_key": "str",
    "ansible_private_key_file": "str",
    "ansible_private_key_passphrase": "str",
    "ansible_psrp_auth": "str",
    "ansible_psrp_ca_cert": "str",
    "ansible_psrp_cert_trust_path": "str",
    "ansible_psrp_cert_validation": "str",
    "ansible_psrp_certificate_key_password": "str",
    "ansible_psrp_certificate_key_pem": "str",
    "ansible_psrp_certificate_pem": "str",
    "ansible_psrp_configuration_name": "str",
    "ansible_psrp_connection_backoff": "int",
    "ansible_psrp_connection_timeout": "int",
    "ansible_psrp_credssp_auth_mechanism": "str",
    "ansible_psrp_credssp_disable_tlsv1_2": "bool",
    "ansible_psrp_credssp_minimum_version": "int",
    "ansible_psrp_host": "str",
    "ansible_psrp_ignore_proxy": "bool",
    "ansible_psrp_max_envelope_size": "int",
    "ansible_psrp_message_encryption": "str",
    "ansible_psrp_negotiate_delegate": "bool",
    "ansible_psrp_negotiate_hostname_override": "str",
    "ansible_psrp_negotiate_send_cbt": "bool",
    "ansible_psrp_negotiate_service": "str",
    "ansible_psrp_no_profile": "bool",
    "ansible_psrp_operation_timeout": "int",
    "ansible_psrp_path": "str",
    "ansible_psrp_port": "int",
    "ansible_psrp_protocol": "str",
    "ansible_psrp_proxy": "str",
    "ansible_psrp_read_timeout": "int",
    "ansible_psrp_reconnection_backoff": "int",
    "ansible_psrp_reconnection_retries": "int",
    "ansible_psrp_user": "str",
    "ansible_python_interpreter": "str",
    "ansible_python_module_rlimit_nofile": "str",
    "ansible_remote_tmp": "str",
    "ansible_runas_flags": "str",
    "ansible_runas_pass": "str",
    "ansible_runas_user": "str",
    "ansible_scp_executable": "str",
    "ansible_scp_extra_args": "str",
    "ansible_scp_if_ssh": "str",
    "ansible_sftp_batch_mode": "bool",
    "ansible_sftp_executable": "str",
    "ansible_sftp_extra_args": "str",
    "ansible_shell_allow_world_readable_temp": "bool",
    "ansible_shell_executable": "str",
    "ansible_shell_type": "str",
    "ansible_ssh_args": "str",
    "ansible_ssh_common_args": "str",
    "ansible_ssh_control_path": "str",
    "ansible_ssh_executable": "str",
    "ansible_ssh_extra_args": "str",
    "ansible_ssh_host": "str",
    "ansible_ssh_host_key_checking": "bool",
    "ansible_ssh_pass": "str",
    "ansible_ssh_password": "str",
    "ansible_ssh_password_mechanism": "str",
    "ansible_ssh_pipelining": "bool",
    "ansible_ssh_pkcs11_provider": "str",
    "ansible_ssh_port": "int",
    "ansible_ssh_private_key": "str",
    "ansible_ssh_private_key_file": "str",
    "ansible_ssh_private_key_passphrase": "str",
    "ansible_ssh_retries": "int",
    "ansible_ssh_sftp_batch_mode": "bool",
    "ansible_ssh_timeout": "int",
    "ansible_ssh_transfer_method": "str",
    "ansible_ssh_use_tty": "bool",
    "ansible_ssh_user": "str",
    "ansible_ssh_verbosity": "int",
    "ansible_sshpass_prompt": "str",
    "ansible_su_exe": "str",
    "ansible_su_flags": "str",
    "ansible_su_pass": "str",
    "ansible_su_prompt_l10n": "list",
    "ansible_su_user": "str",
    "ansible_sudo_chdir": "str",
    "ansible_sudo_exe": "str",
    "ansible_sudo_flags": "str",
    "ansible_sudo_pass": "str",
    "ansible_sudo_user": "str",
    "ansible_system_tmpdirs": "list",
    "ansible_target_log_info": "str",
    "ansible_terminal_type": "str",
    "ansible_timeout": "int",
    "ansible_user": "str",
    "ansible_verbosity": "int",
    "ansible_win_async_startup_timeout": "int",
    "ansible_winrm_connection_timeout": "int",
    "ansible_winrm_host": "str",
    "ansible_winrm_kerberos_delegation": "bool",
    "ansible_winrm_kinit_args": "str",
    "ansible_winrm_kinit_cmd": "str",
    "ansible_winrm_kinit_env_vars": "list",
    "ansible_winrm_kinit_mode": "str",
    "ansible_winrm_pass": "str",
    "ansible_winrm_password": "str",
    "ansible_winrm_path": "str",
    "ansible_winrm_port": "int",
    "ansible_winrm_scheme": "str",
    "ansible_winrm_server_cert_validation": "str",
    "ansible_winrm_transport": "list",
    "ansible_winrm_user": "str",
    "ansible_worker_session_isolation": "bool",
}
KNOWN_ANSIBLE_VARIABLES = frozenset(ANSIBLE_VARIABLE_TYPES)
BOOLEAN_ANSIBLE_VARIABLES = frozenset(name for name, kind in ANSIBLE_VARIABLE_TYPES.items() if kind == "bool")
# Variable names that Ansible itself sets: writing them in inventory is a mistake, not a typo.
_RESERVED_NAMES = frozenset(
    {"inventory_hostname", "inventory_hostname_short", "group_names", "groups", "hostvars", "playbook_dir"}
)


# A backslash and what it escapes in a string literal: first the escapes that stand for another
# character, then any other pair (\\ \' \" and unknown ones such as \d, which do not warn).
_ESCAPE = re.compile(
    r"\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|N\{[^}]*\}|[0-7]{1,3}|[abfnrtv]|.)", re.DOTALL
)
_CONTROL_ESCAPES = {
    "a": "a BEL",
    "b": "a backspace",
    "f": "a form feed",
    "n": "a line feed",
    "r": "a carriage return",
    "t": "a TAB",
    "v": "a vertical tab",
}


def value_trap(text: str, value: t.Any) -> Trap | None:
    """A warning for a value whose type under literal_eval is probably not what was meant."""
    kind = type(value)
    if "\\" in text and (kind is not str or value != text):
        # Only a text that literal_eval read (and so changed) can hold an escape that acted.
        found = escape_sequence_trap(text)
        if found is not None:
            return found
    if kind is str:
        if text in BOOLEAN_LOOKALIKES:
            return (
                "boolean-string",
                f"{text} is the string {text!r}, not a boolean: `when: <variable>` is true for any "
                "non-empty string, 'no' and 'false' included",
                f"write True or False for a boolean, or quote it ('{text}') if the string is meant "
                "and every use applies | bool",
            )
        return None
    if kind is float or kind is int:
        # Leading or trailing zeros (versions: 1.10 becomes 1.1), exponents, hex, octal,
        # underscores and signs are all spelt differently from the number they make.
        if str(value) != text:
            return (
                "surprising-number",
                f"{quoted(text)} becomes the {kind.__name__} {shortened(repr(value))}",
                f"quote it ('{shortened(text)}') to keep it exactly as written",
            )
        return None
    if kind is list and "," in text and text[:1] not in "[({":
        return (
            "bare-comma-list",
            f"{quoted(text)} becomes the list {shortened(repr(value))} because of the bare comma",
            f"quote it ('{shortened(text)}') to keep a string, "
            f"or write [{shortened(text)}] to make the list explicit",
        )
    return None


def escape_sequence_trap(text: str) -> Trap | None:
    """A warning for a backslash escape (\\t, \\n, \\x41 ...) that literal_eval turns into another character.

    Only string literals count, not raw ones; ``\\\\``, ``\\'``, ``\\"`` and escapes Python does
    not know (``\\d`` stays as written) are left alone.
    """
    try:
        tokens = [token.string for token in tokenize.generate_tokens(io.StringIO(text).readline)]
    except (tokenize.TokenError, SyntaxError):
        return None
    for token in tokens:
        quote = min((token.find(mark) for mark in "'\"" if mark in token), default=-1)
        prefix = token[:quote].lower()
        if quote < 0 or not (prefix == "" or prefix.isalpha()) or "r" in prefix:
            continue  # not a string literal, or a raw one
        escapes = list(_ESCAPE.finditer(token, quote))
        acting = [escape for escape in escapes if _acts(escape.group(1), prefix)]
        if not acting:
            continue
        written = acting[0].group(0)
        try:
            becomes = _CONTROL_ESCAPES.get(written[1:]) or repr(ast.literal_eval(f"{prefix}'{written}'"))
        except (SyntaxError, ValueError):
            return None  # \\N{NO SUCH NAME}: literal_eval refused the whole value anyway
        doubled = _ESCAPE.sub(functools.partial(_doubled, prefix=prefix), token)
        keep = f"double the backslashes ({doubled})"
        if len(acting) == len(escapes):  # a raw string keeps \\\\, \\' and \\" as two characters
            keep = f"use a raw string ({token[:quote]}r{token[quote:]}) or {keep}"
        return (
            "escape-sequence",
            f"the escape sequence {written} in {text} becomes {becomes} (a quoted value is a Python string)",
            f"to keep the backslashes as written, {keep}",
        )
    return None


def _doubled(escape: re.Match[str], prefix: str) -> str:
    return "\\" + escape.group(0) if _acts(escape.group(1), prefix) else escape.group(0)


def _acts(sequence: str, prefix: str) -> bool:
    """Whether a backslash escape (what follows the backslash) stands for another character."""
    if len(sequence) > 1:  # \\x.., \\u...., \\U........, \\N{...} in full, or octal
        return sequence[0] in "x01234567" or "b" not in prefix  # bytes keep \\u, \\U, \\N{} as written
    return sequence in "abfnrtv01234567"


def unknown_variable_name(name: str) -> Trap | None:
    """A warning for a misspelt or reserved ``ansible_*`` name, or one Ansible deprecates."""
    if name in _RESERVED_NAMES:
        return (
            "reserved-variable",
            f"{name!r} is set by Ansible itself; the inventory value is ignored or confusing",
            "use another name",
        )
    if not (name.isidentifier() and name.isascii()):
        return (
            "invalid-variable-name",
            f"variable name {quoted(name)} is not a valid identifier; "
            "ansible-core 2.19+ deprecates such names (removed in 2.23)",
            "use letters, digits and underscores, starting with a letter or underscore",
        )
    if not name.startswith("ansible_") or name in KNOWN_ANSIBLE_VARIABLES:
        return None
    match = _closest_known(name)
    if match is None:
        return None
    return (
        "unknown-ansible-variable",
        f"unknown variable {name!r}; did you mean {match!r}?",
        f"rename it to {match}",
    )


def trap_for_variable(name: str, trap: Trap | None) -> Trap | None:
    """``trap`` (from value_trap) unless the variable's own type disproves it.

    Ansible converts the value of a documented boolean option (ansible_become=no) to a boolean,
    so a yes/no word there is no trap.
    """
    if trap is not None and trap[0] == "boolean-string" and name in BOOLEAN_ANSIBLE_VARIABLES:
        return None
    return trap


def _closest_known(name: str) -> str | None:
    """The known name that ``name`` is a typo of: a few edits apart after the ``ansible_`` prefix,
    or its last word cut short.

    A plain similarity ratio matches too much (ansible_ip would be ansible_port: they share
    the prefix); a typo changes one or two letters of the part after it.
    """
    suffix = name[8:]
    limit = 1 if len(suffix) <= 5 else 2 if len(suffix) <= 12 else 3
    best: tuple[int, str] | None = None
    for known in sorted(KNOWN_ANSIBLE_VARIABLES):
        other = known[8:]
        if abs(len(other) - len(suffix)) > limit:
            continue
        distance = _typo_distance(suffix, other)
        if distance <= limit and (best is None or distance < best[0]):
            best = (distance, known)
    if best is None and len(suffix) >= 4:
        # A word cut short: ansible_pass for ansible_password, not ansible_ssh for ansible_ssh_args.
        for known in sorted(KNOWN_ANSIBLE_VARIABLES):
            other = known[8:]
            if other.startswith(suffix) and other[len(suffix)] != "_":
                return known
    return None if best is None else best[1]


def _typo_distance(left: str, right: str) -> int:
    """Edits (insert, delete, replace, swap two neighbours) that turn ``left`` into ``right``."""
    previous: list[int] = []
    row = list(range(len(right) + 1))
    for i, a in enumerate(left, 1):
        before, previous, row = previous, row, [i] + [0] * len(right)
        for j, b in enumerate(right, 1):
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a != b))
            if i > 1 and j > 1 and a == right[j - 2] and left[i - 2] == b:
                row[j] = min(row[j], before[j - 2] + 1)
    return row[-1]


# --- warnings that the documentation of installed plugins disproves ---------------------
_DISPROVABLE = ("unknown-ansible-variable", "boolean-string")
_NAME_BEFORE_EQUALS = re.compile(r"([^\s=]*)\s*=\s*$")


def _assigned_name(diagnostic: Diagnostic) -> str | None:
    """The variable a disprovable warning is about, read back from its quoted line."""
    start = diagnostic.column - 1
    if diagnostic.code == "unknown-ansible-variable":
        return diagnostic.line_text[start : start + diagnostic.span] or None
    found = _NAME_BEFORE_EQUALS.search(diagnostic.line_text[:start])
    return found.group(1) if found else None


def needs_documented_variables(diagnostics: t.Iterable[Diagnostic]) -> bool:
    """Whether one of ``diagnostics`` is about an ``ansible_*`` name the built-in table lacks."""
    for diagnostic in diagnostics:
        if diagnostic.code in _DISPROVABLE:
            name = _assigned_name(diagnostic)
            if name and name.startswith("ansible_") and name not in KNOWN_ANSIBLE_VARIABLES:
                return True
    return False


def drop_disproved_warnings(
    diagnostics: t.Iterable[Diagnostic], documented: t.Mapping[str, str]
) -> list[Diagnostic]:
    """``diagnostics`` less the warnings that ``documented`` ({variable: declared type}) proves wrong.

    ``documented`` is what the plugins installed with Ansible declare (see the inventory
    plugin's _variable_catalogue): an unknown-ansible-variable warning about a documented
    name, or a boolean-string warning about a documented boolean, is a false alarm.
    """
    kept: list[Diagnostic] = []
    for diagnostic in diagnostics:
        if diagnostic.code in _DISPROVABLE:
            name = _assigned_name(diagnostic)
            if (
                name is not None
                and name in documented
                and (diagnostic.code == "unknown-ansible-variable" or documented[name] == "bool")
            ):
                continue
        kept.append(diagnostic)
    return kept


# --- line checks: each returns a Finding placed on its line, or None --------------------------
# A '#' glued to the end of a word: shlex starts a comment there and cuts the value short.
_GLUED_COMMENT = re.compile(r"[^\s'\"]#")
# The first line of a YAML or JSON document.
_YAML_OR_JSON_START = re.compile(r"---|\{.*|[\w.-]+:\s*(?:#.*)?")


def byte_order_mark() -> Finding:
    return Finding(
        "byte-order-mark",
        "the file starts with a UTF-8 byte-order mark; ignored (ansible.builtin.ini "
        "would read it as part of the first host name)",
        1,
        1,
        "save the file as UTF-8 without BOM",
    )


def undecodable_bytes(line: str, indent: int) -> Finding | None:
    found = UNDECODABLE.search(line)
    if found is None:
        return None
    return Finding(
        "not-utf8",
        "bytes that are not UTF-8 are kept as they are (as ansible.builtin.ini does)",
        indent + found.start() + 1,
        1,
        "save the file as UTF-8",
    )


def header_problem(header: SectionLine, line: str, indent: int, section: SectionKind) -> Finding | None:
    """The error of a ``[`` line that is no good header, or ``None`` when it is a body line of ``section``."""
    if header.shape is HeaderShape.SEMICOLON_COMMENT and _builtin_rejects_as_body(header.name, line, section):
        # The builtin reads this line as a host, variable or child and fails there with an
        # unrelated message (a host-range error, in a host section).
        return Finding(
            "comment-after-header",
            f"';' comment after the section header {shortened(header.name)}",
            indent + header.end + 1,
            len(line) - header.end,
            "only '#' starts a comment after a header; a ';' comment needs a line of its own",
        )
    if line[-1] != "]":
        return None
    return Finding(
        "invalid-section",
        f"invalid section header {quoted(line)}",
        indent + 1,
        len(line),
        "a header is [group], [group:vars] or [group:children], with no blanks inside the brackets",
    )


def _builtin_rejects_as_body(header: str, line: str, section: SectionKind) -> bool:
    """Whether the builtin, reading ``[g] ; comment`` as a body line of ``section``, fails.

    Only then is the line reported as a misplaced comment: the verdict stays the builtin's.
    """
    if section is SectionKind.CHILDREN:
        return True  # ']' is never part of a child group name
    if section is SectionKind.VARS:
        return "=" not in line
    if section is SectionKind.HOSTS:
        try:
            expand_host_pattern(header)
        except HostPatternError:
            return True
    return False


def unknown_section_type(header: SectionLine, indent: int) -> Finding:
    name, type_word = header.name, header.type_word or ""
    return Finding(
        "unknown-section-type",
        f"section [{shortened(name)}:{shortened(type_word)}] has unknown type {quoted(type_word)}",
        indent + header.type_start + 1,
        len(type_word),
        "the type after ':' must be 'vars' or 'children'",
    )


def assignment_traps(
    name: str,
    name_trap: Trap | None,
    text: str,
    found: Trap | None,
    *,
    column: int,
    value_column: int | None = None,
) -> list[Finding]:
    """Place the traps found for an assignment's name (at ``column``) and value (after '=')."""
    placed = []
    if name_trap is not None:
        placed.append(Finding(name_trap[0], name_trap[1], column, max(1, len(name)), name_trap[2]))
    if found is not None:
        where = column + len(name) + 1 if value_column is None else value_column
        placed.append(Finding(found[0], found[1], where, max(1, len(text)), found[2]))
    return placed


def glued_comment(line: str, indent: int) -> Finding | None:
    """A '#' glued to a word outside quotes: shlex drops the rest of the line as a comment.

    :func:`_glued_comment_by_pattern` says the same with one pattern; this finds each '#' with
    ``str.find`` and looks at the character before it, which costs a line with a trailing
    comment far less than trying the pattern at every position (tests prove them equal).
    """
    # The quotes before each glued '#' are counted once, from where the last count stopped.
    singles = doubles = counted = 0
    sign = line.find("#", 1)
    while sign > 0:
        before = line[sign - 1]
        if not before.isspace() and before not in "'\"":
            singles += line.count("'", counted, sign)
            doubles += line.count('"', counted, sign)
            counted = sign
            if singles % 2 == 0 and doubles % 2 == 0:
                return _glued_comment_finding(line, indent, sign - 1)
        sign = line.find("#", sign + 1)
    return None


def _glued_comment_by_pattern(line: str, indent: int) -> Finding | None:
    """:func:`glued_comment`, plainly: every match of a non-blank, non-quote character and '#'."""
    singles = doubles = counted = 0
    for glued in _GLUED_COMMENT.finditer(line):
        end = glued.start() + 1
        singles += line.count("'", counted, end)
        doubles += line.count('"', counted, end)
        counted = end
        if singles % 2 == 0 and doubles % 2 == 0:
            return _glued_comment_finding(line, indent, glued.start())
    return None


def _glued_comment_finding(line: str, indent: int, word_end: int) -> Finding:
    """The warning for a '#' right after the character at ``word_end``."""
    return Finding(
        "comment-cuts-value",
        "'#' right after a word starts a comment: the rest of the line is dropped",
        indent + word_end + 2,
        len(line) - word_end - 1,
        "quote a value that contains '#' (pass='ab#cd'), or put a blank before a comment",
    )


def conflicting_port(host: IniHost, port: int | None, column: int) -> Finding | None:
    if port is None or host.port is None or port == host.port:
        return None
    return Finding(
        "conflicting-port",
        f"host {quoted(host.name)} was given port {host.port} on line {host.line}; "
        f"port {port} here is ignored",
        column,
        len(host.name),
        "give each host one port, or set ansible_port explicitly",
    )


def conflicting_variables(
    host_name: str, assignments: IniAssignments, earlier: dict[str, IniVariable]
) -> list[Finding]:
    """The variables of a repeated host line that change a value set earlier (``earlier``: latest of each)."""
    found = []
    for variable in assignments.variables():
        previous = earlier.get(variable.name)
        if previous is not None and previous.value != variable.value:
            found.append(
                Finding(
                    "conflicting-variable",
                    f"host {quoted(host_name)} sets {variable.name}={shortened(repr(variable.value))} "
                    f"here and {shortened(repr(previous.value))} on line {previous.line}; the later one wins",
                    variable.column,
                    len(variable.name),
                    "define a host's variables in one place, or move shared ones to a :vars section",
                )
            )
    return found


def host_named_like_group(name: str, column: int) -> Finding:
    return Finding(
        "host-named-like-group",
        f"{quoted(name)} is also a group, so the variables on this line go to the group {quoted(name)}, "
        "not to the host",
        column,
        len(name),
        f"rename the host or the group, or set them in [{shortened(name)}:vars] if the group is meant",
    )


def foreign_format(lines: list[str], first_error_code: str) -> tuple[Position, Finding] | None:
    """The error that explains a failed parse of a YAML or JSON file, placed on its first line."""
    number, first = next(
        (
            (number, line.strip())
            for number, line in enumerate(lines, 1)
            if line.strip() and line.strip()[0] not in "#;"
        ),
        (0, ""),
    )
    if _YAML_OR_JSON_START.fullmatch(first) is None or first_error_code == "yaml-document":
        return None
    return (number, first), Finding(
        "not-ini",
        "this file looks like YAML or JSON, not INI",
        1,
        len(first),
        "name it *.yml / *.json so the yaml or json inventory plugins read it",
    )


def undeclared_group(name: str, parents: list[str], is_host: bool, column: int) -> Finding:
    """The error for a group named by a :vars header (no ``parents``) or as a child, never declared."""
    if not parents:
        message = f"section [{shortened(name)}:vars] is for group {quoted(name)}, which is never declared"
        hint = f"declare the group with a [{shortened(name)}] or [{shortened(name)}:children] section"
        return Finding("undefined-group", message, column, len(name), hint)
    parent = shortened(parents[-1])
    message = f"section [{parent}:children] includes group {quoted(name)}, which is never declared"
    hint = f"declare it with a [{shortened(name)}] section (it may be empty), or fix the name"
    if "=" in name:
        hint = f"a name=value line belongs under [{parent}:vars], not :children"
    if is_host:
        hint = f"{quoted(name)} is a host: list it under [{parent}], not :children"
    return Finding("undefined-group", message, column, len(name), hint)
