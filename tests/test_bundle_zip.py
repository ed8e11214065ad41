"""The zip opens with the exact Chinese names in the clients users have, byte-identically."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from beian_desktop.core.bundle.zipwriter import UTF8_FLAG, ZipEntry, write_zip

TOP = "深圳市示例科技有限公司-首次备案-备案材料-20261127"
NAMES = [
    f"{TOP}/上传/深圳市示例科技有限公司-首次备案-营业执照.jpg",
    f"{TOP}/上传/深圳市示例科技有限公司-首次备案-主体负责人身份证-2.jpg",
    f"{TOP}/存档/深圳市示例科技有限公司-首次备案-营业执照.pdf",
    f"{TOP}/manifest.json",
    f"{TOP}/材料清单.pdf",
]
STAMP = dt.datetime(2026, 11, 27, 12, 0, 0)


def _entries() -> list[ZipEntry]:
    return [ZipEntry(name, data=f"内容 {name}".encode() * 50) for name in NAMES]


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"{name} is not installed: the test setup (bootstrap.py test) installs it")
    return path


@pytest.fixture
def package(tmp_path: Path) -> Path:
    return write_zip(_entries(), tmp_path / f"{TOP}.zip", timestamp=STAMP)


def test_python_reads_exact_names_with_utf8_flag(package: Path) -> None:
    with zipfile.ZipFile(package) as archive:
        infos = [i for i in archive.infolist() if not i.is_dir()]
        assert sorted(i.filename for i in infos) == sorted(NAMES)
        assert all(i.flag_bits & UTF8_FLAG for i in archive.infolist())
        assert archive.testzip() is None
        assert {i.date_time for i in archive.infolist()} == {(2026, 11, 27, 12, 0, 0)}
        dirs = [i.filename for i in archive.infolist() if i.is_dir()]
        assert f"{TOP}/" in dirs and f"{TOP}/上传/" in dirs and f"{TOP}/存档/" in dirs


def test_same_input_gives_identical_bytes(tmp_path: Path) -> None:
    first = write_zip(_entries(), tmp_path / "a.zip", timestamp=STAMP)
    second = write_zip(list(reversed(_entries())), tmp_path / "b.zip", timestamp=STAMP)
    assert first.read_bytes() == second.read_bytes()


def test_info_zip_unzip(package: Path, tmp_path: Path) -> None:
    result = subprocess.run([_tool("unzip"), "-t", str(package)], capture_output=True, check=False)
    assert result.returncode == 0, result.stdout
    out = tmp_path / "unzip"
    subprocess.run([_tool("unzip"), "-q", str(package), "-d", str(out)], check=True)
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()) == sorted(NAMES)


def test_7zip(package: Path, tmp_path: Path) -> None:
    result = subprocess.run([_tool("7z"), "t", str(package)], capture_output=True, check=False)
    assert result.returncode == 0, result.stdout
    out = tmp_path / "7z"
    subprocess.run(
        [_tool("7z"), "x", "-y", f"-o{out}", str(package)], capture_output=True, check=True
    )
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()) == sorted(NAMES)


def test_bsdtar(package: Path) -> None:
    result = subprocess.run(
        [_tool("bsdtar"), "-tf", str(package)], capture_output=True, check=False
    )
    assert result.returncode == 0, result.stderr
    listed = result.stdout.decode("utf-8").splitlines()
    assert set(NAMES) <= set(listed)


def test_existing_zip_is_not_overwritten_unless_asked(package: Path) -> None:
    before = package.read_bytes()
    with pytest.raises(FileExistsError):
        write_zip(_entries()[:1], package, timestamp=STAMP)
    assert package.read_bytes() == before
    write_zip(_entries()[:1], package, timestamp=STAMP, overwrite=True)
    assert package.read_bytes() != before


@pytest.mark.parametrize("bad", ["../x.jpg", "/etc/x", "a/../../x", "a\\b"])
def test_unsafe_entry_names_are_refused(tmp_path: Path, bad: str) -> None:
    with pytest.raises(ValueError):
        write_zip([ZipEntry(bad, data=b"x")], tmp_path / "x.zip", timestamp=STAMP)
    assert not (tmp_path / "x.zip").exists() and not list(tmp_path.iterdir())
