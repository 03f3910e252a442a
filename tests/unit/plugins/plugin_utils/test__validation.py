# Copyright (c) 2026 iniplus.inventory contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Variable validation: right answers, and voluptuous reached only for values a cheap test rejects.

Each rule (``_port``, ``_integer``, ...) is checked on its own, with the values it must take and
the ones it must refuse; each cheap test is checked never to pass a value its rule refuses; and
the path without voluptuous (nothing validated, nothing asked) runs whether or not it is installed.
"""

from __future__ import annotations

import subprocess
import sys
import typing as t

import pytest
from repo_paths import REPO_ROOT

from ansible_collections.iniplus.inventory.plugins.module_utils.ini_parser import parse_ini
from ansible_collections.iniplus.inventory.plugins.plugin_utils import _validation

needs_voluptuous = pytest.mark.skipif(not _validation.HAS_VOLUPTUOUS, reason="voluptuous is not installed")


def problems(text: str, documented: dict[str, str] | None = None) -> list[str]:
    model = parse_ini(text.encode(), "h.ini")
    found = _validation.validate_variables(model, (lambda: documented) if documented is not None else None)
    return [diagnostic.message for diagnostic in found]


@needs_voluptuous
@pytest.mark.parametrize(
    "line",
    [
        "h ansible_port=22 ansible_host=10.0.0.1 ansible_user=deploy",
        "h ansible_become=yes ansible_ssh_pipelining=False ansible_become=no",
        "h ansible_port='{{ port }}'",
        "h ansible_winrm_transport=ntlm,kerberos",
        "h ansible_ssh_retries=3",
    ],
)
def test_good_values_pass(line: str) -> None:
    assert problems(line + "\n") == []


@needs_voluptuous
@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("h ansible_port=70000", "ansible_port=70000 is not valid: 70000 is not a port"),
        ("h ansible_become=maybe", "ansible_become='maybe' is not valid: 'maybe' is not a boolean"),
        ("h ansible_ssh_timeout=-1", "ansible_ssh_timeout=-1 is not valid: -1 must not be negative"),
        ("h ansible_psrp_port=0", "ansible_psrp_port=0 is not valid"),
        ("h ansible_sudo_pass=[1,2]", "ansible_sudo_pass=[1, 2] is not valid"),
    ],
)
def test_bad_values_are_named(line: str, message: str) -> None:
    [found] = problems(line + "\n")
    assert found.startswith(message)


@needs_voluptuous
def test_documented_types_check_collection_variables() -> None:
    text = "h ansible_box_fast=maybe ansible_box_count=x ansible_box_name=ok\n"
    assert problems(text) == []  # unknown to the built-in table: not checked without the catalogue
    found = problems(
        text, {"ansible_box_fast": "bool", "ansible_box_count": "int", "ansible_box_name": "str"}
    )
    assert [message.split(" is not valid")[0] for message in found] == [
        "ansible_box_fast='maybe'",
        "ansible_box_count='x'",
    ]


@needs_voluptuous
def test_catalogue_not_asked_for_builtin_names() -> None:
    model = parse_ini(b"h ansible_port=22 ansible_become=yes own=1\n", "h.ini")

    def refuse() -> dict[str, str]:
        raise AssertionError("the catalogue was read for built-in names")

    assert _validation.validate_variables(model, refuse) == []


@needs_voluptuous
def test_each_distinct_failing_value_reaches_voluptuous_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[object] = []
    real = _validation._violation
    monkeypatch.setattr(_validation, "_violation", lambda *args: calls.append(args) or real(*args))
    text = "".join(f"h{n} ansible_port={2000 + n} ansible_become=maybe\n" for n in range(200))
    assert len(problems(text)) == 200  # every line is still reported
    assert len(calls) == 1  # but 'maybe' went through voluptuous once; the ports never did


@needs_voluptuous
def test_schema_built_once_per_variable() -> None:
    problems("h ansible_port=0\nh2 ansible_port=70000\n")
    schema = _validation._SCHEMAS["ansible_port"]
    problems("h ansible_port=0\n")
    assert _validation._SCHEMAS["ansible_port"] is schema


# --- the rules, one by one (no voluptuous needed) ---------------------------------------------
def refusal(rule: t.Callable[[t.Any], t.Any], value: t.Any) -> str | None:
    """The rule's explanation for refusing ``value``, or None if it takes it."""
    try:
        rule(value)
    except ValueError as error:
        return str(error)
    return None


@pytest.mark.parametrize(
    ("value", "expected"), [(1, 1), (22, 22), (65535, 65535), ("22", 22), (" 8080 ", 8080)]
)
def test_port_takes_whole_numbers_from_1_to_65535(value: t.Any, expected: int) -> None:
    assert _validation._port(value) == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (0, "0 is not a port: it must be between 1 and 65535"),
        (65536, "65536 is not a port: it must be between 1 and 65535"),
        ("0", "0 is not a port"),
        (True, "True is not a whole number"),
        ("x", "'x' is not a whole number"),
    ],
)
def test_port_refuses_the_rest(value: t.Any, message: str) -> None:
    assert (refusal(_validation._port, value) or "").startswith(message)


@pytest.mark.parametrize(("value", "expected"), [(0, 0), (-3, -3), ("12", 12), (" 7", 7)])
def test_integer_takes_ints_and_digit_strings(value: t.Any, expected: int) -> None:
    assert _validation._integer(value) == expected


@pytest.mark.parametrize("value", [True, False, 1.0, "1.5", "-1", "", "x", None, [1]])
def test_integer_refuses_bools_floats_and_other_text(value: t.Any) -> None:
    assert refusal(_validation._integer, value) == f"{value!r} is not a whole number"


def test_non_negative_refuses_only_negatives() -> None:
    assert _validation._non_negative(0) == 0
    assert _validation._non_negative("30") == 30
    assert refusal(_validation._non_negative, -1) == "-1 must not be negative"
    assert refusal(_validation._non_negative, "-1") == "'-1' is not a whole number"


@pytest.mark.parametrize("value", [True, False, "yes", "No", "TRUE", "off", "y", "t", "1", "0", 1, 0])
def test_boolean_takes_what_ansible_reads_as_a_boolean(value: t.Any) -> None:
    assert _validation._boolean(value) == value


@pytest.mark.parametrize("value", ["maybe", "", "2", 2, -1, 1.0, None, ["yes"]])
def test_boolean_refuses_the_rest(value: t.Any) -> None:
    assert refusal(_validation._boolean, value) == f"{value!r} is not a boolean: use True or False"


def test_text_must_be_a_non_empty_string() -> None:
    assert _validation._text("deploy") == "deploy"
    for value in ("", 5, None, ["x"]):
        assert refusal(_validation._text, value) == f"{value!r} is not a non-empty string"


@pytest.mark.parametrize("value", [2, 2.5, -1, "1.5", "3", "1e3"])
def test_number_takes_ints_floats_and_numeric_text(value: t.Any) -> None:
    assert _validation._number(value) == value


@pytest.mark.parametrize("value", [True, "abc", "", None, [1], {"a": 1}])
def test_number_refuses_bools_and_the_rest(value: t.Any) -> None:
    assert refusal(_validation._number, value) == f"{value!r} is not a number"


def test_list_takes_lists_and_comma_separated_text() -> None:
    assert _validation._list([1, 2]) == [1, 2]
    assert _validation._list("ntlm,kerberos") == "ntlm,kerberos"
    for value in (5, {"a": 1}, None, (1,)):
        assert refusal(_validation._list, value) == f"{value!r} is not a list or a comma-separated string"


def test_scalar_refuses_only_lists_and_dicts() -> None:
    for value in ("x", "", 5, 1.5, True, None):
        assert _validation._scalar(value) == value
    for value in ([1, 2], {"a": 1}):
        assert refusal(_validation._scalar, value) == f"{value!r} is not a string"


# Values of every shape, for the agreement between each cheap test and its rule.
SAMPLES: list[t.Any] = [
    *(0, 1, -1, 22, 65535, 65536, 10**20, True, False, 0.0, 1.5, -2.5, float("nan")),
    *("", " ", "0", "1", "22", "-1", "1.5", "yes", "No", "maybe", "x", "{{ port }}"),
    *([], [1], ["a"], {}, {"a": 1}, (1,), None),
]


@pytest.mark.parametrize("kind", sorted(_validation._CHECKS))
def test_cheap_test_never_passes_what_its_rule_refuses(kind: str) -> None:
    cheap, rule = _validation._CHECKS[kind]
    passed = [value for value in SAMPLES if cheap(value)]
    assert passed, f"the cheap test of {kind!r} passes nothing"
    assert [value for value in passed if refusal(rule, value) is not None] == []


@pytest.mark.parametrize(
    ("kind", "refused_by_cheap_test_only"),
    [("port", ["22"]), ("count", ["3"]), ("int", ["7"]), ("bool", [1, 0]), ("float", ["1.5"])],
)
def test_cheap_test_sends_the_rule_what_it_cannot_decide(kind: str, refused_by_cheap_test_only: list) -> None:
    # Values the cheap test does not pass but the rule accepts: voluptuous says no problem.
    cheap, rule = _validation._CHECKS[kind]
    for value in refused_by_cheap_test_only:
        assert not cheap(value)
        assert refusal(rule, value) is None


# --- which check a variable gets ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("ansible_port", "port"),  # declared int, held to a port
        ("ansible_ssh_timeout", "count"),
        ("ansible_host", "text"),  # declared str, never empty
        ("ansible_become", "bool"),  # its declared type
        ("ansible_winrm_transport", "list"),
        ("ansible_become_pass", "str"),
        ("ansible_command_timeout", "int"),
        ("own_variable", None),
        ("ansible_box_fast", None),  # not built in, and no catalogue given
    ],
)
def test_check_kind_prefers_the_stricter_rule_then_the_declared_type(name: str, kind: str | None) -> None:
    assert _validation.check_kind(name) == kind


def test_check_kind_reads_the_catalogue_only_for_names_it_does_not_know() -> None:
    catalogue = {"ansible_box_fast": "bool", "ansible_port": "bool", "ansible_box_blob": "dict"}
    assert _validation.check_kind("ansible_box_fast", catalogue) == "bool"
    assert _validation.check_kind("ansible_port", catalogue) == "port"  # the built-in table wins
    assert _validation.check_kind("ansible_box_blob", catalogue) is None  # a type with no check


def test_templates_are_left_to_run_time() -> None:
    assert _validation._is_template("{{ port }}")
    assert _validation._is_template("{% if x %}1{% endif %}")
    assert not _validation._is_template("{ port }")
    assert not _validation._is_template(22)


# --- the warnings -------------------------------------------------------------------------------
@needs_voluptuous
def test_warning_points_at_the_assignment() -> None:
    model = parse_ini(b"[web]\nh1 a=1 ansible_port=0\n[web:vars]\nansible_become=maybe\n", "h.ini")
    found = _validation.validate_variables(model)
    assert [(d.line, d.column, d.code, d.severity, d.source) for d in found] == [
        (2, 8, "invalid-value", "warning", "h.ini"),
        (4, 1, "invalid-value", "warning", "h.ini"),
    ]
    assert found[0].hint == "give ansible_port a value Ansible accepts"
    assert found[0].span == len("ansible_port")


@needs_voluptuous
def test_templated_and_quoted_values_pass() -> None:
    assert (
        problems("h ansible_port='{% if x %}22{% endif %}' ansible_ssh_timeout='30' ansible_become=1\n") == []
    )


@needs_voluptuous
def test_catalogue_second_pass_reports_only_the_names_it_adds() -> None:
    text = "h ansible_port=0 ansible_box_fast=maybe\n"
    found = problems(text, {"ansible_box_fast": "bool"})
    assert [message.split(" is not valid")[0] for message in found] == [
        "ansible_port=0",
        "ansible_box_fast='maybe'",
    ]


@needs_voluptuous
def test_catalogue_not_asked_for_known_or_foreign_names() -> None:
    def refuse() -> dict[str, str]:
        raise AssertionError("the catalogue was read")

    # Known to the built-in table but without a check of its type, and names not ansible_*.
    model = parse_ini(b"h ansible_become_pass=x own=1 box_fast=maybe\n", "h.ini")
    assert _validation.validate_variables(model, refuse) == []


# --- without voluptuous -------------------------------------------------------------------------
def test_without_voluptuous_nothing_is_validated_nor_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_validation, "HAS_VOLUPTUOUS", False)
    monkeypatch.setattr(_validation, "voluptuous", None)
    model = parse_ini(b"h ansible_port=70000 ansible_become=maybe ansible_box_fast=maybe\n", "h.ini")

    def refuse() -> dict[str, str]:
        raise AssertionError("the catalogue was read without voluptuous")

    assert _validation.validate_variables(model, refuse) == []
    assert _validation.validate_variables(model) == []


def test_module_imports_without_voluptuous() -> None:
    """A fresh interpreter where importing voluptuous fails: the module loads and validates nothing."""
    program = f"""
import sys, types
sys.modules["voluptuous"] = None  # 'import voluptuous' now raises ImportError
for name, path in (("ansible_collections", None), ("ansible_collections.iniplus", None),
                   ("ansible_collections.iniplus.inventory", {str(REPO_ROOT)!r})):
    module = types.ModuleType(name)
    module.__path__ = [path] if path else []
    sys.modules[name] = module
from ansible_collections.iniplus.inventory.plugins.module_utils.ini_parser import parse_ini
from ansible_collections.iniplus.inventory.plugins.plugin_utils import _validation
model = parse_ini(b"h ansible_port=70000\\n", "h.ini")
print(_validation.HAS_VOLUPTUOUS, _validation.validate_variables(model))
"""
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False []"
