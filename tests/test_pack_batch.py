"""`pack CASE CASE … --out DIR`: an agency's batch. Each case in turn; one that cannot be packed
is reported and the others are still packed; a package this batch made is never replaced."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from support.cases import assert_originals_unchanged, demo_case

from beian_desktop.core.case import save_case

originals_unchanged = pytest.fixture(autouse=True)(assert_originals_unchanged)


def _cases(tmp_path: Path) -> list[Path]:
    first = demo_case(tmp_path, "甲")[1]
    case, second = demo_case(tmp_path, "乙")
    case.subject.full_name = "深圳市另一示例科技有限公司"
    case.accepted_warnings = []
    save_case(case, second)
    case, blocked = demo_case(tmp_path, "丙")
    case.subject.full_name = "深圳市第三示例科技有限公司"
    case.accepted_warnings = []
    case.principal.id_number = "440305199003071202"  # wrong check digit
    save_case(case, blocked)
    return [first, second, blocked]


def test_a_batch_packs_what_it_can_and_reports_the_rest(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first, second, blocked = _cases(tmp_path)
    out = tmp_path / "输出"
    result = cli("pack", str(first), str(blocked), str(second), "--out", str(out))
    assert result.returncode == 1, result.stderr
    zips = sorted(p.name for p in out.glob("*.zip"))
    assert len(zips) == 2 and any(name.startswith("深圳市另一示例科技") for name in zips)
    for package in out.glob("*.zip"):
        assert zipfile.ZipFile(package).testzip() is None
    assert "共 3 个案卷：已生成 2 个，未生成 1 个。" in result.stdout
    assert f"{blocked}: 有 1 个阻断问题" in result.stdout and "校验码" in result.stdout
    assert "Traceback" not in result.stderr


def test_a_batch_in_json(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first, _second, blocked = _cases(tmp_path)
    missing = tmp_path / "没有这个案卷"
    args = [str(first), str(missing), str(blocked), "--out", str(tmp_path / "out"), "--json"]
    result = cli("pack", *args)
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert (report["packed"], report["failed"]) == (1, 2)
    ok, absent, stopped = report["cases"]
    assert ok["packed"] and Path(ok["zip"]).is_file()
    assert not absent["packed"] and absent["error"]["code"]
    assert not stopped["packed"] and stopped["blocking"][0]["concerns"] == "principal.id_number"


def test_the_same_case_twice_never_replaces_the_first_package(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = demo_case(tmp_path, "甲")[1]
    out = tmp_path / "out"
    result = cli("--lang", "en", "pack", str(first), str(first), "--out", str(out), "--force")
    assert result.returncode == 1
    assert "Another case in this batch already made" in result.stdout
    assert "1 packed, 1 not" in result.stdout
    assert len(list(out.glob("*.zip"))) == 1

    again = cli("pack", str(first), str(first), "--out", str(out))  # no --force: kept as it is
    assert again.returncode == 1 and "材料包已存在" in again.stdout


def test_without_qt_the_history_is_written_unguarded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A trimmed server install without Qt's core library still records what it packed."""
    import sys

    from beian_desktop.cli.pack_cmd import _app_lock

    monkeypatch.setitem(sys.modules, "beian_desktop.gui.case_lock", None)  # import fails
    with _app_lock(tmp_path) as free:
        assert free
