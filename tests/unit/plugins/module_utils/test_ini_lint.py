# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""ini_lint: the one decision of a source's diagnostics, silencing comments, code filters and formats."""

from __future__ import annotations

import json

import jsonschema
import pytest
from repo_paths import fixture

from ansible_collections.iniplus.inventory.plugins.module_utils import ini_lint
from ansible_collections.iniplus.inventory.plugins.module_utils.ini_lint import (
    BUILTIN_KNOWLEDGE,
    Knowledge,
    check_source,
    format_github,
    format_json,
    format_sarif,
    format_text,
    source_diagnostics,
)
from ansible_collections.iniplus.inventory.plugins.module_utils.ini_model import Diagnostic
from ansible_collections.iniplus.inventory.plugins.module_utils.ini_parser import parse_ini

SARIF_SCHEMA = fixture("data", "sarif-schema-2.1.0.json")
THREE_ERRORS = "[web]\nweb1\nweb2 x='open\nweb3 two words\n[db]\nd[1:3:0]\n"
TRAPS = "[web]\nweb1 enabled=yes version=1.10\nweb2 ansible_prot=22\n"


def codes(result: ini_lint.CheckResult) -> list[tuple[int, str]]:
    return [(d.line, d.code) for d in result.diagnostics]


# --- the one decision -------------------------------------------------------------------


def test_knowledge_checks_are_added_and_sorted_by_line() -> None:
    model = parse_ini(TRAPS, "h.ini")

    def check(model: object) -> list[Diagnostic]:
        return [Diagnostic("warning", "from-knowledge", "m", "h.ini", 1)]

    found = source_diagnostics(model, Knowledge("test", (check,)))
    assert found[0].code == "from-knowledge"
    assert [d.line for d in found] == sorted(d.line for d in found)


def test_knowledge_prune_has_the_last_word() -> None:
    model = parse_ini(TRAPS, "h.ini")
    knowledge = Knowledge("test", (), lambda found: [d for d in found if d.code != "boolean-string"])
    assert "boolean-string" not in {d.code for d in source_diagnostics(model, knowledge)}
    assert "boolean-string" in {d.code for d in source_diagnostics(model, BUILTIN_KNOWLEDGE)}


def _needs_the_plugin_side() -> None:
    # ansible-test units runs module_utils tests without the controller's packages (plain pytest,
    # as in every `tests` session, has them): there the plugin-side knowledge cannot be loaded.
    pytest.importorskip("ansible_collections.iniplus.inventory.plugins.plugin_utils._knowledge")


def test_plugin_knowledge_is_found_when_ansible_core_is_importable() -> None:
    _needs_the_plugin_side()
    knowledge = ini_lint.available_knowledge()
    assert knowledge.description.startswith("plugin knowledge: ansible-core ")
    model = parse_ini("[web]\nh1 ansible_port=70000\n", "h.ini")
    assert "invalid-value" in {d.code for d in source_diagnostics(model)}


def test_without_the_plugin_side_the_built_in_set_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ini_lint, "_PLUGIN_KNOWLEDGE_MODULE", "plugin_utils._no_such_module")
    assert ini_lint.available_knowledge() is BUILTIN_KNOWLEDGE


def test_a_copy_outside_the_collection_uses_the_built_in_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ini_lint, "__name__", "vendored.ini_lint")
    assert ini_lint.available_knowledge() is BUILTIN_KNOWLEDGE


# --- check_source -----------------------------------------------------------------------


def test_errors_are_all_reported_with_their_lines() -> None:
    result = check_source(THREE_ERRORS, "h.ini", knowledge=BUILTIN_KNOWLEDGE)
    assert [(d.line, d.severity) for d in result.diagnostics] == [(3, "error"), (4, "error"), (6, "error")]


def test_every_diagnostic_has_its_line_text() -> None:
    _needs_the_plugin_side()  # the value validation gives the diagnostic
    result = check_source("[web]\nh1 ansible_port=70000\n", "h.ini")
    assert result.diagnostics and all(d.line_text for d in result.diagnostics)


@pytest.mark.parametrize(
    ("comment", "left"),
    [
        ("# iniplus: ignore[boolean-string]", [(2, "surprising-number")]),
        ("#iniplus:ignore[boolean-string, surprising-number]", []),
        ("# iniplus: ignore", []),
        ("# iniplus: ignore[empty-range]", [(2, "boolean-string"), (2, "surprising-number")]),
    ],
)
def test_a_trailing_comment_silences_warnings_of_its_line(comment: str, left: list[tuple[int, str]]) -> None:
    text = f"[web]\nweb1 enabled=yes version=1.10 {comment}\nweb2 enabled=no\n"
    result = check_source(text, "h.ini", knowledge=BUILTIN_KNOWLEDGE)
    assert codes(result) == [*left, (3, "boolean-string")]


def test_the_silencing_comment_changes_nothing_the_builtin_builds() -> None:
    plain = parse_ini("[web]\nweb1 enabled=yes\n[web:vars]\nx=1\n", "h.ini")
    commented = parse_ini(
        "[web] # iniplus: ignore\nweb1 enabled=yes # iniplus: ignore[boolean-string]\n"
        "[web:vars]\nx=1 # iniplus: ignore\n",
        "h.ini",
    )
    assert plain.hosts["web1"].variables() == commented.hosts["web1"].variables()
    assert plain.groups["web"].variables() == commented.groups["web"].variables()


def test_errors_are_never_silenced() -> None:
    result = check_source("[web]\nd[1:3:0] # iniplus: ignore\n", "h.ini", knowledge=BUILTIN_KNOWLEDGE)
    assert codes(result) == [(2, "bad-host-range")]


def test_a_silencing_comment_that_the_builtin_keeps_in_a_value_is_reported() -> None:
    # On a :vars line the builtin reads 'yes # ...' as the value: the comment is not a comment.
    result = check_source(
        "[web]\nh1\n[web:vars]\nflag=yes # iniplus: ignore[boolean-string]\nq='a # iniplus: ignore'\n",
        "h.ini",
        knowledge=BUILTIN_KNOWLEDGE,
    )
    assert codes(result) == [(4, "ignore-comment-in-value"), (5, "ignore-comment-in-value")]


def test_a_whole_line_comment_silences_nothing() -> None:
    result = check_source(
        "[web]\n# iniplus: ignore\nweb1 enabled=yes\n", "h.ini", knowledge=BUILTIN_KNOWLEDGE
    )
    assert codes(result) == [(3, "boolean-string")]


def test_select_and_ignore() -> None:
    def run(**options: frozenset[str]) -> set[str]:
        result = check_source(TRAPS, "h.ini", knowledge=BUILTIN_KNOWLEDGE, **options)
        return {d.code for d in result.diagnostics}

    everything = run()
    assert {"boolean-string", "surprising-number", "unknown-ansible-variable"} <= everything
    assert run(select=frozenset({"boolean-string"})) == {"boolean-string"}
    assert run(ignore=frozenset({"boolean-string"})) == everything - {"boolean-string"}


# --- formats ------------------------------------------------------------------------------


def test_text_is_file_line_column_severity_code_message_line_caret_hint() -> None:
    text = format_text([check_source(THREE_ERRORS, "h.ini", knowledge=BUILTIN_KNOWLEDGE)])
    lines = text.splitlines()
    assert lines[0] == "h.ini:3:8: error[unclosed-quote]: cannot split host line: No closing quotation"
    assert lines[1] == "    web2 x='open"
    assert lines[2] == "           ^^^^^"
    assert lines[3].startswith("  hint: ")
    assert lines[-1] == "3 errors and 0 warnings in 1 of 1 file"


def test_clean_text_is_empty() -> None:
    assert format_text([check_source("[web]\nweb1\n", "h.ini")]) == ""


JSON_FIELDS = {
    "file": str,
    "line": int,
    "column": int,
    "end_column": int,
    "severity": str,
    "code": str,
    "message": str,
    "hint": str,
}


def test_json_is_a_list_of_flat_records_of_the_documented_shape() -> None:
    results = [
        check_source(THREE_ERRORS, "a.ini", knowledge=BUILTIN_KNOWLEDGE),
        check_source(TRAPS, "b.ini", knowledge=BUILTIN_KNOWLEDGE),
    ]
    records = json.loads(format_json(results))
    assert isinstance(records, list) and len(records) == sum(len(r.diagnostics) for r in results)
    for record in records:
        assert list(record) == list(JSON_FIELDS)
        for key, kind in JSON_FIELDS.items():
            assert isinstance(record[key], kind), key
        assert record["severity"] in ("error", "warning")
        assert record["end_column"] > record["column"]
    assert records[0] == {
        "file": "a.ini",
        "line": 3,
        "column": 8,
        "end_column": 13,
        "severity": "error",
        "code": "unclosed-quote",
        "message": "cannot split host line: No closing quotation",
        "hint": "close the quote, or escape a literal quote or backslash with '\\'",
    }


def test_github_prints_one_annotation_per_finding() -> None:
    output = format_github([check_source(THREE_ERRORS, "inv/h,1.ini", knowledge=BUILTIN_KNOWLEDGE)])
    lines = output.splitlines()
    assert len(lines) == 3
    assert lines[0] == (
        "::error file=inv/h%2C1.ini,line=3,col=8,endColumn=12,title=iniplus [unclosed-quote]::"
        "cannot split host line: No closing quotation%0Ahint: close the quote, or escape a literal "
        "quote or backslash with '\\'"
    )
    assert [line.split(",")[1] for line in lines] == ["line=3", "line=4", "line=6"]


def test_github_escapes_what_would_end_the_command() -> None:
    output = format_github(
        [check_source("[web]\nh1 a=100%\n h2 x='\n", "h.ini", knowledge=BUILTIN_KNOWLEDGE)]
    )
    assert "\r" not in output and output.count("\n") == 1


def sarif_validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


@pytest.mark.parametrize("text", [THREE_ERRORS, TRAPS, "[web]\nweb1\n"], ids=["errors", "warnings", "clean"])
def test_sarif_is_valid_against_the_2_1_0_schema(text: str) -> None:
    results = [check_source(text, "inventories/h.ini", knowledge=BUILTIN_KNOWLEDGE)]
    log = json.loads(format_sarif(results, "0.1.0"))
    errors = sorted(sarif_validator().iter_errors(log), key=str)
    assert not errors, errors[0]
    run = log["runs"][0]
    assert len(run["results"]) == len(results[0].diagnostics)
    for result in run["results"]:
        assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"] == {"uri": "inventories/h.ini", "uriBaseId": "%SRCROOT%"}


def test_the_schema_catches_a_broken_log() -> None:
    log = json.loads(format_sarif([check_source(THREE_ERRORS, "h.ini")]))
    log["runs"][0]["results"][0]["level"] = "fatal"
    assert list(sarif_validator().iter_errors(log))


def test_sarif_gives_absolute_paths_as_file_uris() -> None:
    log = json.loads(format_sarif([check_source(THREE_ERRORS, "/srv/inv/my hosts.ini")]))
    location = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location == {"uri": "file:///srv/inv/my%20hosts.ini"}
