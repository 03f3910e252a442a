# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Lint INI inventories: what the plugin reports for a source, filtered, silenced and formatted.

Standard library only, so the inventory plugin, the dynamic-inventory script's ``check`` and plain
Python programs share it:

* :func:`source_diagnostics` is the one place that decides which diagnostics the plugin reports
  for a parsed source: the parser's warnings plus whatever the available :class:`Knowledge` of
  ``ansible_*`` variables adds (or proves wrong). The plugin calls it; so does :func:`check_source`.
* :func:`check_source` parses a source and returns its errors, or its warnings less those
  silenced in the file itself by a trailing ``# iniplus: ignore[code]`` comment.
* :func:`format_text`, :func:`format_json`, :func:`format_github` and :func:`format_sarif` render
  the findings of one run for a terminal, a program, GitHub Actions and code scanning.
"""

from __future__ import annotations

import importlib
import json
import re
import typing as t
from dataclasses import dataclass, field, replace
from urllib.parse import quote

from .ini_diagnostics import IniParseError
from .ini_lines import BYTE_ORDER_MARK, decode_source
from .ini_model import SEVERITY_ERROR, SEVERITY_WARNING, Diagnostic, IniInventory
from .ini_parser import parse_ini

__all__ = [
    "BUILTIN_KNOWLEDGE",
    "FORMATS",
    "CheckResult",
    "Knowledge",
    "available_knowledge",
    "check_source",
    "filter_codes",
    "format_github",
    "format_json",
    "format_sarif",
    "format_text",
    "source_diagnostics",
]

FORMATS = ("text", "json", "github", "sarif")
# The trailing comment that silences warnings on its line: '# iniplus: ignore[code, code]', or
# '# iniplus: ignore' for every warning of the line. Errors are never silenced: the builtin
# rejects the file whatever a comment says.
SILENCE_COMMENT = re.compile(r"#\s*iniplus:\s*ignore(?:\[([^\]]*)\])?")
# When this appears in a value, the builtin did not read the comment as a comment.
_SILENCE_IN_VALUE = re.compile(r"iniplus:\s*ignore")
CODE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
DOCS_URI = "https://github.com/iniplus/inventory/blob/main/docs/diagnostics.md"

Check = t.Callable[[IniInventory], list[Diagnostic]]
Prune = t.Callable[[list[Diagnostic]], list[Diagnostic]]


class Knowledge(t.NamedTuple):
    """What is known about the Ansible that will read the file, beyond the parser's built-in set.

    ``checks`` add diagnostics for a parsed source (the plugin's value validation); ``prune``
    drops diagnostics that better knowledge proves wrong (a variable catalogue read from the
    plugin documentation); ``legacy_ipv6``: that ansible-core reads addresses as releases before
    2.19 do. ``description`` says which knowledge this is, for ``--version``.
    """

    description: str
    checks: tuple[Check, ...] = ()
    prune: Prune | None = None
    legacy_ipv6: bool = False


BUILTIN_KNOWLEDGE = Knowledge("built-in set of ansible_* variables (ansible-core is not importable)")
# Where the plugin-side knowledge lives, relative to this package's parent (``plugins``).
_PLUGIN_KNOWLEDGE_MODULE = "plugin_utils._knowledge"


def available_knowledge() -> Knowledge:
    """The plugin's knowledge of ansible_* variables if ansible-core is importable, else the built-in set."""
    plugins_package = __name__.rpartition(".")[0].rpartition(".")[0]
    if not plugins_package:
        return BUILTIN_KNOWLEDGE  # a copy of this module outside the collection
    try:
        module = importlib.import_module(f"{plugins_package}.{_PLUGIN_KNOWLEDGE_MODULE}")
    except ImportError:
        return BUILTIN_KNOWLEDGE
    knowledge: Knowledge = module.plugin_knowledge()
    return knowledge


def source_diagnostics(
    model: IniInventory, knowledge: Knowledge | None = None, text: str | bytes | None = None
) -> list[Diagnostic]:
    """The diagnostics the plugin reports for ``model``, in line order.

    The one function that decides them: the plugin, the script's ``check`` and the Python API
    all come here. Without ``knowledge`` it uses :func:`available_knowledge`. ``text``, the
    source, gives the quoted line to findings of the knowledge's checks, which see only the model.
    """
    if knowledge is None:
        knowledge = available_knowledge()
    found = list(model.diagnostics)
    added: list[Diagnostic] = []
    for check in knowledge.checks:
        added.extend(check(model))
    if added and text is not None:
        lines = _source_lines(text)
        added = [_with_line_text(diagnostic, lines) for diagnostic in added]
    found.extend(added)
    found.sort(key=lambda diagnostic: diagnostic.line)
    if knowledge.prune is not None:
        found = knowledge.prune(found)
    return found


def _source_lines(text: str | bytes) -> list[str]:
    lines = decode_source(text).splitlines()
    if lines:
        lines[0] = lines[0].removeprefix(BYTE_ORDER_MARK)  # the parser ignores it too
    return lines


@dataclass
class CheckResult:
    """The findings for one source, and what is needed to show them."""

    source: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # Errors past the parser's limit, counted but not listed.
    suppressed_errors: int = 0
    # How many warnings a silencing comment dropped.
    silenced: int = 0

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == SEVERITY_ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity == SEVERITY_WARNING]


def check_source(
    data: str | bytes,
    source: str,
    *,
    knowledge: Knowledge | None = None,
    typing: str = "literal_eval",
    select: t.Collection[str] = (),
    ignore: t.Collection[str] = (),
) -> CheckResult:
    """Parse ``data`` as the plugin would and return what it reports, less silenced warnings.

    ``select`` keeps only those codes, ``ignore`` drops those codes (both empty: keep all).
    Every diagnostic gets the text of its line, so that each is shown with a caret.
    """
    if knowledge is None:
        knowledge = available_knowledge()
    text = decode_source(data)
    lines = _source_lines(text)
    result = CheckResult(source)
    try:
        model = parse_ini(text, source, typing=typing, legacy_ipv6=knowledge.legacy_ipv6)
    except IniParseError as error:
        result.diagnostics = list(error.diagnostics)
        result.suppressed_errors = error.suppressed
    else:
        found = source_diagnostics(model, knowledge)
        silenced, misplaced = _silencing_comments(lines, model)
        found.extend(misplaced)
        kept = [d for d in found if not _is_silenced(d, silenced)]
        result.silenced = len(found) - len(kept)
        result.diagnostics = sorted(kept, key=lambda diagnostic: (diagnostic.line, diagnostic.column))
    result.diagnostics = [_with_line_text(d, lines) for d in filter_codes(result.diagnostics, select, ignore)]
    return result


def filter_codes(
    diagnostics: t.Iterable[Diagnostic], select: t.Collection[str] = (), ignore: t.Collection[str] = ()
) -> list[Diagnostic]:
    """``diagnostics`` whose code is selected (all when ``select`` is empty) and not ignored."""
    return [d for d in diagnostics if (not select or d.code in select) and d.code not in ignore]


def _silencing_comments(
    lines: list[str], model: IniInventory
) -> tuple[dict[int, frozenset[str] | None], list[Diagnostic]]:
    """The lines with a silencing comment (codes, or None for all), and comments that are not comments.

    A comment counts only where the builtin ignores it too. On a ``:vars`` line with a string
    value, or inside quotes, the builtin keeps it as part of the value: then it silences
    nothing and is itself reported, since it changed the value.
    """
    silenced: dict[int, frozenset[str] | None] = {}
    for number, line in enumerate(lines, 1):
        if "iniplus" not in line:
            continue
        match = SILENCE_COMMENT.search(line)
        if match is None or line.lstrip().startswith(("#", ";")):
            continue
        codes = match.group(1)
        silenced[number] = (
            None if codes is None else frozenset(code.strip() for code in codes.split(",") if code.strip())
        )
    misplaced: list[Diagnostic] = []
    if not silenced:
        return silenced, misplaced
    records = [record for group in model.groups.values() for record in group.assignments]
    records.extend(record for host in model.hosts.values() for record in host.assignments)
    for record in records:
        if record.line not in silenced:
            continue
        for (name, value), column in zip(record.pairs, record.columns, strict=True):
            if _SILENCE_IN_VALUE.search(repr(value)):
                del silenced[record.line]
                misplaced.append(
                    Diagnostic(
                        SEVERITY_WARNING,
                        "ignore-comment-in-value",
                        f"the '# iniplus: ignore' comment is part of the value of {name}, "
                        "not a comment (ansible.builtin.ini keeps it too)",
                        model.source,
                        record.line,
                        column,
                        lines[record.line - 1],
                        "on a :vars line a comment after a string value is part of it: "
                        "put the silencing comment on a host line, or drop it",
                        len(name),
                    )
                )
                break
    return silenced, misplaced


def _is_silenced(diagnostic: Diagnostic, silenced: dict[int, frozenset[str] | None]) -> bool:
    if diagnostic.severity != SEVERITY_WARNING or diagnostic.line not in silenced:
        return False
    codes = silenced[diagnostic.line]
    return codes is None or diagnostic.code in codes


def _with_line_text(diagnostic: Diagnostic, lines: list[str]) -> Diagnostic:
    if diagnostic.line_text or not 0 < diagnostic.line <= len(lines):
        return diagnostic
    return replace(diagnostic, line_text=lines[diagnostic.line - 1])


def end_column(diagnostic: Diagnostic) -> int:
    """The column just after the problem (exclusive), as SARIF counts it."""
    return diagnostic.column + max(1, diagnostic.span)


# --- formats ------------------------------------------------------------------------------


def format_text(results: t.Sequence[CheckResult]) -> str:
    """``file:line:column: severity[code]: message``, the line, a caret and the hint; then a summary."""
    parts: list[str] = []
    for result in results:
        parts.extend(diagnostic.render() for diagnostic in result.diagnostics)
        if result.suppressed_errors:
            parts.append(f"{result.source}: ... and {result.suppressed_errors} more errors not shown")
    errors = sum(len(result.errors) + result.suppressed_errors for result in results)
    warnings = sum(len(result.warnings) for result in results)
    if errors or warnings:
        with_findings = sum(1 for result in results if result.diagnostics or result.suppressed_errors)
        parts.append(
            f"{_count(errors, 'error')} and {_count(warnings, 'warning')} "
            f"in {with_findings} of {_count(len(results), 'file')}"
        )
    return "\n".join(parts) + "\n" if parts else ""


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def as_records(results: t.Sequence[CheckResult]) -> list[dict[str, t.Any]]:
    """The findings as a stable list of flat records: the ``json`` format."""
    return [
        {
            "file": diagnostic.source,
            "line": diagnostic.line,
            "column": diagnostic.column,
            "end_column": end_column(diagnostic),
            "severity": diagnostic.severity,
            "code": diagnostic.code,
            "message": diagnostic.message,
            "hint": diagnostic.hint,
        }
        for result in results
        for diagnostic in result.diagnostics
    ]


def format_json(results: t.Sequence[CheckResult]) -> str:
    return json.dumps(as_records(results), indent=2) + "\n"


def format_github(results: t.Sequence[CheckResult]) -> str:
    """GitHub Actions workflow commands: one ``::error``/``::warning`` annotation per finding."""
    commands = []
    for result in results:
        for diagnostic in result.diagnostics:
            properties = ",".join(
                f"{key}={_github_property(str(value))}"
                for key, value in (
                    ("file", diagnostic.source),
                    ("line", diagnostic.line),
                    ("col", diagnostic.column),
                    # GitHub's endColumn is the last column of the problem.
                    ("endColumn", end_column(diagnostic) - 1),
                    ("title", f"iniplus [{diagnostic.code}]"),
                )
            )
            message = diagnostic.message + (f"\nhint: {diagnostic.hint}" if diagnostic.hint else "")
            commands.append(f"::{diagnostic.severity} {properties}::{_github_data(message)}")
    return "".join(command + "\n" for command in commands)


def _github_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_property(text: str) -> str:
    return _github_data(text).replace(":", "%3A").replace(",", "%2C")


def format_sarif(results: t.Sequence[CheckResult], tool_version: str = "") -> str:
    """A SARIF 2.1.0 log with one run: the rules seen and one result per finding."""
    rules: dict[str, int] = {}
    rule_objects: list[dict[str, t.Any]] = []
    sarif_results = []
    for result in results:
        for diagnostic in result.diagnostics:
            if diagnostic.code not in rules:
                rules[diagnostic.code] = len(rule_objects)
                rule_objects.append(
                    {
                        "id": diagnostic.code,
                        "name": diagnostic.code,
                        "shortDescription": {"text": diagnostic.code.replace("-", " ")},
                        "helpUri": f"{DOCS_URI}#{_sarif_level(diagnostic)}s",
                        "defaultConfiguration": {"level": _sarif_level(diagnostic)},
                    }
                )
            message = diagnostic.message + (f"\nhint: {diagnostic.hint}" if diagnostic.hint else "")
            sarif_results.append(
                {
                    "ruleId": diagnostic.code,
                    "ruleIndex": rules[diagnostic.code],
                    "level": _sarif_level(diagnostic),
                    "message": {"text": message},
                    "locations": [
                        {
                            "physicalLocation": {
                                "artifactLocation": _artifact_location(diagnostic.source),
                                "region": {
                                    "startLine": max(1, diagnostic.line),
                                    "startColumn": max(1, diagnostic.column),
                                    "endColumn": max(2, end_column(diagnostic)),
                                },
                            }
                        }
                    ],
                }
            )
    driver: dict[str, t.Any] = {
        "name": "iniplus.inventory",
        "informationUri": "https://github.com/iniplus/inventory",
        "rules": rule_objects,
    }
    if tool_version:
        driver["version"] = tool_version
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{"tool": {"driver": driver}, "columnKind": "unicodeCodePoints", "results": sarif_results}],
    }
    return json.dumps(log, indent=2) + "\n"


def _sarif_level(diagnostic: Diagnostic) -> str:
    return "error" if diagnostic.severity == SEVERITY_ERROR else "warning"


def _artifact_location(source: str) -> dict[str, str]:
    """A relative path as a URI relative to the checkout; an absolute one as a file: URI."""
    path = source.replace("\\", "/")
    if path.startswith("/"):
        return {"uri": "file://" + quote(path)}
    return {"uri": quote(path.removeprefix("./")), "uriBaseId": "%SRCROOT%"}
