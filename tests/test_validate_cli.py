"""`beian-desktop validate`: readable output, JSON, exit codes (run in a subprocess, no network)."""

from __future__ import annotations

import json

import pytest


def test_acceptance_example_offers_the_cleaned_id(cli) -> None:
    result = cli("validate", "id", "1101 0519 4912 3100 2X")
    assert result.returncode == 1, result.stderr
    assert "11010519491231002X" in result.stdout
    assert "→" in result.stdout  # the fix line
    assert "空格" in result.stdout


def test_valid_id_exits_0_with_the_decoded_facts_in_english(cli) -> None:
    result = cli("--lang", "en", "validate", "id", "11010519491231002X", "--on", "2026-01-01")
    assert result.returncode == 0, result.stderr
    assert "1949-12-31" in result.stdout
    assert "female" in result.stdout and "Beijing" in result.stdout
    assert "age: 76" in result.stdout


def test_json_output(cli) -> None:
    result = cli("validate", "id", "1101 0519 4912 3100 2X", "--json", "--on", "2026-01-01")
    assert result.returncode == 1
    payload = json.loads(result.stdout)
    assert payload["kind"] == "id"
    assert payload["value"] == "11010519491231002X"
    assert payload["valid"] is False and payload["fixable"] is True
    assert payload["facts"]["birth_date"] == "1949-12-31"
    assert payload["facts"]["province_code"] == "11"
    (finding,) = payload["findings"]
    assert finding["code"] == "id.whitespace"
    assert finding["fix"] == {
        "kind": "clean-id",
        "label": {"zh": "改为规范写法", "en": "use the cleaned value"},
        "value": "11010519491231002X",
    }


def test_uscc_with_subject_and_province(cli) -> None:
    ok = cli("validate", "uscc", "914403001922038216", "--subject", "企业", "--province", "广东")
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "企业" in ok.stdout
    elsewhere = cli("validate", "uscc", "914403001922038216", "--province", "beijing", "--json")
    assert elsewhere.returncode == 1
    codes = [f["code"] for f in json.loads(elsewhere.stdout)["findings"]]
    assert "uscc.province-mismatch" in codes


def test_pilot_uscc_is_a_warning_exit_0(cli) -> None:
    result = cli("validate", "uscc", "91350100M0001TGQXM", "--json")
    assert result.returncode == 0
    codes = [f["code"] for f in json.loads(result.stdout)["findings"]]
    assert "uscc.pilot-code" in codes


@pytest.mark.parametrize(
    ("kind", "value", "exit_code", "shown"),
    [
        ("phone", "+86 138-0013-8000", 1, "13800138000"),
        ("phone", "13800138000", 0, "13800138000"),
        ("email", "zhang@例子.中国", 0, "zhang@例子.中国"),
        ("email", "zhang@qq.con", 1, "zhang@qq.com"),
        ("domain", "https://www.example.com/a", 1, "example.com"),
        ("domain", "例子.中国", 0, "xn--fsqu00a.xn--fiqs8s"),
        ("site-name", "abcde", 1, "汉字"),
    ],
)
def test_other_kinds(cli, kind: str, value: str, exit_code: int, shown: str) -> None:
    result = cli("validate", kind, value)
    assert result.returncode == exit_code, result.stdout + result.stderr
    assert shown in result.stdout


def test_site_name_jiangsu_individual_states_the_pattern(cli) -> None:
    result = cli(
        "validate", "site-name", "张三的技术笔记", "--subject", "个人", "--province", "江苏"
    )
    assert result.returncode == 1
    assert "XX的个人博客" in result.stdout and "XX的个人主页" in result.stdout
    ok = cli("validate", "site-name", "张三的个人博客", "--subject", "个人", "--province", "32")
    assert ok.returncode == 0, ok.stdout


@pytest.mark.parametrize(
    ("option", "value", "listed"),
    [("--province", "火星", "江苏"), ("--subject", "外星人", "企业")],
)
def test_unknown_province_or_subject_is_a_usage_error_listing_accepted_values(
    cli, option: str, value: str, listed: str
) -> None:
    result = cli("validate", "site-name", "星光科技官网", option, value)
    assert result.returncode == 2
    assert value in result.stderr and listed in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_kind_and_bad_date_are_usage_errors(cli) -> None:
    assert cli("validate", "passport", "E12345678").returncode == 2
    assert cli("validate", "id", "11010519491231002X", "--on", "yesterday").returncode == 2
