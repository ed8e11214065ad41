"""Packing a case: the zip real clients open, byte-identical repeats, kills, hostile names."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from conftest import REPO
from support.cases import assert_originals_unchanged, demo_case, tree_hashes

from beian_desktop.core.bundle.manifest import Manifest
from beian_desktop.core.case import save_case
from beian_desktop.core.inspect import FileKind, sniff
from beian_desktop.core.naming import is_safe_name
from beian_desktop.core.pdfa import verify
from beian_desktop.core.pipeline.progress import Cancelled, CancelToken, Progress
from beian_desktop.core.pipeline.run import Blocked, PackageExists, pack_case
from beian_desktop.core.rules import load_pack

DAY = dt.date(2026, 11, 27)
TOP = "深圳市示例科技有限公司-首次备案-备案材料-20261127"


originals_unchanged = pytest.fixture(autouse=True)(assert_originals_unchanged)


@pytest.fixture(scope="module")
def pack():  # type: ignore[no-untyped-def]
    return load_pack()


@pytest.fixture(scope="module")
def packed(tmp_path_factory: pytest.TempPathFactory, pack) -> Path:  # type: ignore[no-untyped-def]
    root = tmp_path_factory.mktemp("packed")
    case, folder = demo_case(root)
    before = tree_hashes(folder)
    result = pack_case(case, folder, root / "out", pack=pack, today=DAY)
    assert tree_hashes(folder) == before, "packing must not change the case's files"
    return result.zip_path


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is missing: bootstrap.py test installs it")
    return path


def test_zip_has_the_exact_chinese_names(packed: Path) -> None:
    assert packed.name == f"{TOP}.zip"
    with zipfile.ZipFile(packed) as archive:
        names = {i.filename for i in archive.infolist() if not i.is_dir()}
    assert f"{TOP}/材料清单.pdf" in names and f"{TOP}/manifest.json" in names
    assert f"{TOP}/上传/深圳市示例科技有限公司-首次备案-营业执照.jpg" in names
    assert f"{TOP}/存档/深圳市示例科技有限公司-首次备案-营业执照.pdf" in names
    assert f"{TOP}/上传/深圳市示例科技有限公司-首次备案-主体负责人身份证（人像面）.jpg" in names
    assert f"{TOP}/上传/深圳市示例科技有限公司-首次备案-主体负责人身份证（国徽面）.jpg" in names
    assert all(is_safe_name(part) for n in names for part in n.split("/"))


@pytest.mark.parametrize("command", [["unzip", "-t"], ["7z", "t"], ["bsdtar", "-tf"]])
def test_real_clients_accept_the_zip(packed: Path, command: list[str]) -> None:
    result = subprocess.run(
        [_tool(command[0]), *command[1:], str(packed)], capture_output=True, check=False
    )
    assert result.returncode == 0, result.stdout.decode(errors="replace")
    if command[0] == "bsdtar":
        assert f"{TOP}/材料清单.pdf" in result.stdout.decode("utf-8")


def test_every_pdf_is_pdfa_and_the_manifest_hashes_match(packed: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(packed) as archive:
        archive.extractall(tmp_path)
    top = tmp_path / TOP
    manifest = Manifest.from_dict(json.loads((top / "manifest.json").read_text("utf-8")))
    assert manifest.subject_name == "深圳市示例科技有限公司" and manifest.pdfa_flavour == "2b"
    for file in manifest.all_files():
        data = (top / file.path).read_bytes()
        assert hashlib.sha256(data).hexdigest() == file.sha256 and len(data) == file.size
    pdfs = sorted(top.rglob("*.pdf"))
    assert len(pdfs) == 4
    for pdf in pdfs:
        assert verify(pdf, "2b") == [], pdf.name
    profile = load_pack().profiles["generic"]
    assert all(profile.accepts_size(p.stat().st_size) for p in (top / "上传").iterdir())


def test_the_package_is_not_taken_for_a_pdf(packed: Path) -> None:
    """Readers look for "%PDF-" in a file's first kilobyte: no stored PDF may open the zip."""
    assert sniff(packed).kind is FileKind.UNKNOWN
    with zipfile.ZipFile(packed) as archive:
        first = next(i for i in archive.infolist() if not i.is_dir())
    assert not first.filename.endswith(".pdf")


@pytest.mark.parametrize("step", ["convert", "bundle"])
def test_cancel_leaves_nothing(tmp_path: Path, pack, step: str) -> None:  # type: ignore[no-untyped-def]
    case, folder = demo_case(tmp_path)
    out = tmp_path / "out"
    token = CancelToken()

    def progress(report: Progress) -> None:
        if report.step == step and report.index == report.total:
            token.cancel()  # checked between files, including between the zip's entries

    with pytest.raises(Cancelled):
        pack_case(case, folder, out, pack=pack, today=DAY, progress=progress, cancel=token)
    assert not list(out.iterdir())


def test_progress_counts_every_output_file_once(tmp_path: Path, pack) -> None:  # type: ignore[no-untyped-def]
    case, folder = demo_case(tmp_path)
    reports: list[Progress] = []
    pack_case(case, folder, tmp_path / "out", pack=pack, today=DAY, progress=reports.append)
    steps = [r.step for r in reports]
    assert steps == sorted(steps, key=["review", "convert", "bundle"].index)
    review = [r for r in reports if r.step == "review"]
    convert = [r for r in reports if r.step == "convert"]
    assert [r.index for r in review] == [1, 2, 3, 4] and {r.total for r in review} == {4}
    assert [r.index for r in convert] == list(range(1, 8)) and {r.total for r in convert} == {7}
    labels = sorted(r.current for r in convert)  # 4 upload JPEGs, 3 PDF/A copies
    assert labels.count("营业执照.jpg") == 1 and "营业执照 PDF/A" in labels
    assert sum(label.endswith(" PDF/A") for label in labels) == 3


def test_packing_twice_gives_identical_bytes(packed: Path, tmp_path: Path, pack) -> None:  # type: ignore[no-untyped-def]
    case, folder = demo_case(tmp_path)
    again = pack_case(case, folder, tmp_path / "again", pack=pack, today=DAY)
    assert again.zip_path.read_bytes() == packed.read_bytes()


def test_existing_package_is_kept_unless_forced(tmp_path: Path, pack) -> None:  # type: ignore[no-untyped-def]
    case, folder = demo_case(tmp_path)
    out = tmp_path / "out"
    first = pack_case(case, folder, out, pack=pack, today=DAY).zip_path
    first.write_bytes(b"the user's own file")
    with pytest.raises(PackageExists):
        pack_case(case, folder, out, pack=pack, today=DAY)
    assert first.read_bytes() == b"the user's own file"
    pack_case(case, folder, out, pack=pack, today=DAY, force=True)
    assert zipfile.is_zipfile(first)


def test_blocking_findings_stop_the_pack_and_write_nothing(tmp_path: Path, pack) -> None:  # type: ignore[no-untyped-def]
    case, folder = demo_case(tmp_path)
    case.principal.id_number = "440305199003071202"  # wrong check digit
    with pytest.raises(Blocked) as blocked:
        pack_case(case, folder, tmp_path / "out", pack=pack, today=DAY)
    assert any(f.concerns == "principal.id_number" for f in blocked.value.review.blocking)
    assert not (tmp_path / "out").exists()


def test_cli_blocked_pack_exits_1_with_a_readable_list(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    case, folder = demo_case(tmp_path)
    case.subject.certificate_valid_until = "2026-12-01"
    save_case(case, folder)
    out = tmp_path / "out"
    result = cli("--lang", "en", "pack", str(folder), "--out", str(out))
    assert result.returncode == 1
    assert "Blocking problems" in result.stdout and "less than three months" in result.stdout
    assert "Traceback" not in result.stderr
    assert not out.exists() or not any(out.iterdir())


def test_cli_pack_and_verify(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _, folder = demo_case(tmp_path)
    out = tmp_path / "out"
    result = cli("pack", str(folder / "case.json"), "--out", str(out), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    zip_path = Path(data["zip"])
    assert zip_path.parent == out and zip_path.exists()
    history = json.loads((folder / "case.json").read_text("utf-8"))["history"]
    assert history[-1]["kind"] == "packed"
    checked = cli("verify", str(zip_path))
    assert checked.returncode == 0, checked.stdout + checked.stderr


HOSTILE = ["../../x", "CON", "很长的名字" * 30, "示例😀公司🏢", "示例／科技＼公司", "..", "nul.txt"]


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_subject_names_stay_inside_out(tmp_path: Path, pack, name: str) -> None:  # type: ignore[no-untyped-def]
    case, folder = demo_case(tmp_path / "cases")
    case.subject.full_name = name
    case.accepted_warnings = []
    sandbox = tmp_path / "sandbox"
    out = sandbox / "out"
    out.mkdir(parents=True)
    try:
        result = pack_case(case, folder, out, pack=pack, today=DAY)
    except Blocked:
        pytest.skip("this name blocks the review; nothing written is checked below")
    written = list(sandbox.rglob("*"))
    assert all(p == out or p.is_relative_to(out) for p in written)
    assert result.zip_path.parent == out and is_safe_name(result.zip_path.name)
    with zipfile.ZipFile(result.zip_path) as archive:
        for info in archive.infolist():
            parts = info.filename.rstrip("/").split("/")
            assert all(is_safe_name(part) for part in parts), info.filename
    extracted = tmp_path / "extracted"
    subprocess.run([_tool("unzip"), "-q", str(result.zip_path), "-d", str(extracted)], check=True)
    assert all(p.resolve().is_relative_to(extracted.resolve()) for p in extracted.rglob("*"))


# -- kill -9 in the middle of writing -------------------------------------------------------
_KILL_SCRIPT = r"""
import sys, time, datetime as dt
from pathlib import Path
sys.path.insert(0, {repo!r})
from beian_desktop.core.bundle import zipwriter
from beian_desktop.core.case import load_case
from beian_desktop.core.pipeline.run import pack_case
from beian_desktop.core.rules import load_pack

original = zipwriter.ZipEntry.copy_into
count = 0
def stalling_copy(self, stream):
    global count
    count += 1
    if count == 4:  # the zip's temporary file is half written: tell the test, then hang
        Path({marker!r}).write_text("mid-write")
        time.sleep(600)
    return original(self, stream)
zipwriter.ZipEntry.copy_into = stalling_copy
case, folder = load_case(Path({case!r}))
pack_case(case, folder, Path({out!r}), pack=load_pack(), today=dt.date(2026, 11, 27))
"""


def test_sigkill_mid_write_leaves_nothing_and_the_rerun_succeeds(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _, folder = demo_case(tmp_path)
    case_bytes = (folder / "case.json").read_bytes()
    out, marker = tmp_path / "out", tmp_path / "marker"
    script = _KILL_SCRIPT.format(repo=str(REPO), marker=str(marker), case=str(folder), out=str(out))
    process = subprocess.Popen([sys.executable, "-c", script], env=dict(os.environ))
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert process.poll() is None, "the pack ended before the zip was being written"
            assert time.monotonic() < deadline
            time.sleep(0.02)
        partial = [p for p in out.iterdir() if p.name.endswith(".part")]
        assert partial, "expected the zip's temporary file to exist mid-write"
        process.send_signal(signal.SIGKILL)
        process.wait(30)
    finally:
        if process.poll() is None:
            process.kill()
    assert not (out / f"{TOP}.zip").exists()
    assert (folder / "case.json").read_bytes() == case_bytes
    rerun = cli("pack", str(folder), "--out", str(out))
    assert rerun.returncode == 0, rerun.stderr
    assert zipfile.is_zipfile(out / f"{TOP[:-8]}{dt.date.today():%Y%m%d}.zip")
    assert not [p for p in out.iterdir() if p.name.startswith(".beian-tmp-")]
