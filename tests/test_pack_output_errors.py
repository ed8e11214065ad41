"""An output folder that cannot take the package: a message to act on, nothing half-written."""

from __future__ import annotations

import datetime as dt
import errno
from pathlib import Path

import pytest
from support.cases import assert_originals_unchanged, demo_case

from beian_desktop.core.bundle import zipwriter
from beian_desktop.core.errors import OutputNotWritable
from beian_desktop.core.pipeline import run
from beian_desktop.core.pipeline.run import pack_case
from beian_desktop.core.rules import load_pack

DAY = dt.date(2026, 11, 27)

originals_unchanged = pytest.fixture(autouse=True)(assert_originals_unchanged)


@pytest.fixture(scope="module")
def pack():  # type: ignore[no-untyped-def]
    return load_pack()


def test_a_full_disk_mid_zip_leaves_no_file_and_says_so(
    tmp_path: Path, pack, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    case, folder = demo_case(tmp_path)
    out = tmp_path / "out"
    written = 0
    original = zipwriter.ZipEntry.copy_into

    def filling_up(self: zipwriter.ZipEntry, stream) -> None:  # type: ignore[no-untyped-def]
        nonlocal written
        written += 1
        if written == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        original(self, stream)

    monkeypatch.setattr(zipwriter.ZipEntry, "copy_into", filling_up)
    with pytest.raises(OutputNotWritable) as raised:
        pack_case(case, folder, out, pack=pack, today=DAY)
    assert raised.value.errno == errno.ENOSPC
    assert "磁盘空间不足" in raised.value.message.zh and "disk is full" in raised.value.message.en
    assert "未留下任何不完整的文件" in raised.value.user_message("zh")
    assert list(out.iterdir()) == []


def test_no_permission_in_the_output_folder(
    tmp_path: Path, pack, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """Simulated: the suite may run as root, for whom permission bits do not stop a write."""
    case, folder = demo_case(tmp_path)
    out = tmp_path / "out"

    def refused(prefix: str, dir: Path) -> str:
        raise PermissionError(errno.EACCES, "Permission denied", str(dir / prefix))

    monkeypatch.setattr(run.tempfile, "mkdtemp", refused)
    with pytest.raises(OutputNotWritable) as raised:
        pack_case(case, folder, out, pack=pack, today=DAY)
    assert "没有写入权限" in raised.value.message.zh and str(out) in raised.value.message.zh
    assert "Choose a folder you can write to" in raised.value.user_message("en")


def test_an_error_about_another_file_is_not_blamed_on_the_output(
    tmp_path: Path, pack, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    case, folder = demo_case(tmp_path)

    def source_gone(*_args: object, **_kwargs: object) -> None:
        raise FileNotFoundError(errno.ENOENT, "No such file", str(folder / "files" / "gone.jpg"))

    monkeypatch.setattr(run, "convert_all", source_gone)
    with pytest.raises(FileNotFoundError):
        pack_case(case, folder, tmp_path / "out", pack=pack, today=DAY)
    assert list((tmp_path / "out").iterdir()) == []


def test_cli_output_that_is_a_file(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _, folder = demo_case(tmp_path)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the user meant a folder")
    for lang, expected in (("zh", "输出位置不是可用的文件夹"), ("en", "not a usable folder")):
        result = cli("--lang", lang, "pack", str(folder), "--out", str(blocker / "sub"))
        assert result.returncode == 1
        assert expected in result.stderr + result.stdout
        assert "Traceback" not in result.stderr and "Internal error" not in result.stderr
    assert blocker.read_text() == "a file where the user meant a folder"
