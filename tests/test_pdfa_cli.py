"""`beian-desktop convert` and `beian-desktop verify`, run as a user would."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

from support.synth import Synth

from beian_desktop.core.pdfa import verify

Cli = Callable[..., subprocess.CompletedProcess[str]]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_convert_writes_one_pdfa_per_input_and_verify_passes_them(
    cli: Cli, synth: Synth, tmp_path: Path
) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    scan = shutil.copy(synth.scan("a4", 100), inputs / "营业执照.jpg")
    same_stem = shutil.copy(synth.rgba_png(), inputs / "营业执照.png")
    text = shutil.copy(synth.text_pdf(javascript=True), inputs / "承诺书.pdf")
    before = {p: _digest(Path(p)) for p in (scan, same_stem, text)}
    result = cli("convert", scan, same_stem, text, "--out", str(tmp_path / "out"), "--json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    names = [Path(item["pdfa"]["path"]).name for item in payload["files"]]
    assert names == ["营业执照.pdf", "营业执照-2.pdf", "承诺书.pdf"]
    actions = [item["pdfa"]["inputs"][0]["action"] for item in payload["files"]]
    assert actions == ["passthrough", "re-encoded", "rasterised"]
    assert all(_digest(Path(p)) == digest for p, digest in before.items())  # originals intact
    outputs = sorted((tmp_path / "out").glob("*.pdf"))
    assert all(verify(path) == [] for path in outputs)

    checked = cli("verify", *map(str, outputs))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.count("PDF/A-2B: 通过") == 3


def test_verify_reports_rules_and_fails(cli: Cli, synth: Synth) -> None:
    result = cli("--lang", "en", "verify", "--json", str(synth.text_pdf()), str(synth.rgba_png()))
    assert result.returncode == 1
    files = json.loads(result.stdout)["files"]
    assert [item["passed"] for item in files] == [False, False]
    assert "ISO_19005_2:6.6.2.1-1" in {f["rule_id"] for f in files[0]["findings"]}
    assert files[1]["error"]["code"] == "not-pdf"


def test_convert_1b_with_upload_jpgs(cli: Cli, synth: Synth, tmp_path: Path) -> None:
    scan = shutil.copy(synth.scan("id-card", 300), tmp_path / "front.jpg")
    out = tmp_path / "out"
    args = ["convert", str(scan), "--out", str(out), "--pdfa", "1b"]
    result = cli(*args, "--upload-profile", "generic", "--material", "id-card-principal")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (out / "front.pdf").exists() and verify(out / "front.pdf", "1b") == []
    assert (out / "front.jpg").exists()
    assert "front.pdf" in result.stdout and "PDF/A-1B" in result.stdout

    no_material = cli("convert", str(scan), "--out", str(out), "--upload-profile", "generic")
    assert no_material.returncode == 1 and "--material" in no_material.stderr


def test_convert_never_overwrites_an_input(cli: Cli, synth: Synth, tmp_path: Path) -> None:
    source = shutil.copy(synth.scanner_pdf(), tmp_path / "scan.pdf")
    digest = _digest(Path(source))
    result = cli("convert", str(source), "--out", str(tmp_path))
    assert result.returncode == 1 and "scan.pdf" in result.stderr
    assert _digest(Path(source)) == digest and sorted(p.name for p in tmp_path.iterdir()) == [
        "scan.pdf"
    ]
    missing = cli("convert", str(tmp_path / "absent.jpg"), "--out", str(tmp_path / "o"))
    assert missing.returncode == 1 and "无法读取" in missing.stdout


def test_verify_gives_no_pdfa_verdict_on_what_it_could_not_check(cli: Cli, tmp_path: Path) -> None:
    result = cli("verify", str(tmp_path / "不存在.zip"))
    assert result.returncode == 1
    assert "无法校验" in result.stdout and "无法读取文件" in result.stdout
    assert "PDF/A" not in result.stdout and "不通过" not in result.stdout
