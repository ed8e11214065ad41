"""`beian-desktop check`, run as a user would (a subprocess with no network)."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import run_cli
from support.synth import Synth


def test_good_scan_passes(synth: Synth) -> None:
    scan = synth.scan("id-card", 300, seal=True)
    result = run_cli("check", str(scan), "--material", "id-card-principal", "--profile", "generic")
    assert result.returncode == 0, result.stderr
    assert scan.name in result.stdout and "可以使用" in result.stdout
    assert "300 dpi" in result.stdout


def test_low_resolution_and_unreadable_files_fail_with_reasons(
    synth: Synth, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(synth.scan("id-card", 150).read_bytes()[:2000])  # cut short
    low = synth.scan("id-card", 150, seal=True)
    result = run_cli(
        "--lang", "en", "check", str(low), str(broken), "--material", "id-card-principal"
    )
    assert result.returncode == 1, result.stderr
    out = result.stdout
    assert "BLOCKING" in out and "below the required 200 dpi" in out
    assert "broken.jpg" in out and "incomplete" in out and "UNUSABLE" in out
    assert "Traceback" not in out + result.stderr


def test_chinese_is_the_default_language(synth: Synth, tmp_path: Path) -> None:
    empty = tmp_path / "empty.heic"
    empty.write_bytes(b"")
    result = run_cli("check", str(empty))
    assert result.returncode == 1
    assert "文件是空的" in result.stdout


def test_json_output(synth: Synth, tmp_path: Path) -> None:
    missing = tmp_path / "missing.png"
    scan = synth.scan("a4", 300, metadata_dpi=72, seal=True)
    result = run_cli(
        "check", str(scan), str(missing), "--json", "--material", "authorization-letter"
    )
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["material"] == "authorization-letter" and report["blocking"] is True
    good, bad = report["files"]
    assert good["ok"] is True and good["inspection"]["pages"][0]["effective_dpi"] == 300
    codes = {f["code"] for f in good["inspection"]["findings"]}
    assert "inspect.dpi-metadata" in codes
    assert bad["ok"] is False and bad["error"]["code"] == "file-unreadable"
    assert bad["error"]["message"]["zh"] and bad["error"]["message"]["en"]


def test_unknown_material_is_a_usage_error(synth: Synth) -> None:
    result = run_cli("check", str(synth.scan("id-card", 150)), "--material", "no-such-thing")
    assert result.returncode == 2
    assert "id-card-principal" in result.stderr  # the accepted values are listed
