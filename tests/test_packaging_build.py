"""Issue 6's acceptance: build the Linux bundle from this checkout and run the frozen app.

One build per run (module fixture, ~30-60 s on 2 cores; PyInstaller's cache of stripped
libraries lives in build/pyinstaller/cache and is reused by later runs). The build uses only
tracked inputs: packaging/build.py compiles the .qm catalogues from the .ts files itself, so a
.qm lying in the work tree (ignored by git) plays no part, as in CI's fresh clone.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import REPO
from test_packaging import load

pytestmark = [
    pytest.mark.slow,
    pytest.mark.timeout(900),
    pytest.mark.skipif(
        not sys.platform.startswith("linux"),
        reason="PyInstaller builds for the OS it runs on; this checks the Linux bundle",
    ),
]

build = load("build")
appinfo = load("appinfo")
APP_ID = appinfo.APP_ID


@dataclass(frozen=True)
class Built:
    bundle: Path
    tarball: Path
    log: str


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    root = tmp_path_factory.mktemp("build")
    env = {**os.environ, "PYINSTALLER_CONFIG_DIR": str(REPO / "build" / "pyinstaller" / "cache")}
    result = subprocess.run(
        [
            *(sys.executable, str(build.PACKAGING / "build.py"), "--no-smoke-test"),
            *("--dist", str(root / "dist"), "--work", str(root / "work")),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=840,
        check=False,
    )
    assert result.returncode == 0, f"{result.stdout[-4000:]}\n{result.stderr[-4000:]}"
    tarballs = list((root / "dist").glob("*.tar.gz"))
    assert len(tarballs) == 1, tarballs
    return Built(root / "dist" / appinfo.EXECUTABLE, tarballs[0], result.stdout)


def offline(command: list[str]) -> list[str]:
    """Run `command` without any network (a fresh network namespace) where the machine
    allows one: the app must not need the network."""
    probe = subprocess.run(["unshare", "-rn", "true"], capture_output=True, check=False)
    return ["unshare", "-rn", *command] if probe.returncode == 0 else command


def test_frozen_smoke_test_passes_quietly(built: Built, tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "BEIAN_DESKTOP_HOME": str(tmp_path)}
    result = subprocess.run(
        offline([str(built.bundle / appinfo.EXECUTABLE), "--smoke-test"]),
        capture_output=True,
        text=True,
        env=env,
        timeout=build.SMOKE_TIMEOUT_S,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert build.unexpected_stderr(result.stderr) == []
    for part in ("pack loaded=True window shown=True", "languages zh, en", "CJK font"):
        assert part in result.stdout
    assert "demo packed and verified" in result.stdout


def test_bundle_fits_the_size_budget(built: Built) -> None:
    size = build.folder_size(built.bundle)
    packed = built.tarball.stat().st_size
    print(f"Linux bundle: {size / 1e6:.1f} MB unpacked, tarball {packed / 1e6:.1f} MB")
    assert size <= build.SIZE_BUDGET_BYTES


def test_bundle_ships_what_the_app_reads_and_not_what_it_never_uses(built: Built) -> None:
    internal = built.bundle / "_internal"
    for shipped in (
        "resources/translations/beian_desktop_en.qm",  # compiled by the build
        "resources/fonts/wqy-microhei.ttc",
        "resources/fonts/wqy-microhei.COPYRIGHT",
        "resources/samples/demo/case.json",
        "resources/schema/case.schema.json",
        "PySide6/Qt/translations/qtbase_zh_CN.qm",
        "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "pikepdf/pdfa/data/sRGB.icc",
        "stdnum/cn/loc.dat",
        "publicsuffixlist/public_suffix_list.dat",
    ):
        assert (internal / shipped).is_file(), shipped
    assert not list((internal / "resources").rglob("*.ts"))
    assert not (internal / "PySide6/Qt/plugins/platformthemes/libqgtk3.so").exists()
    assert not list(internal.glob("libgtk-3*")) and not list(internal.glob("libQt6Network*"))


def test_every_bundled_library_finds_what_it_links(built: Built) -> None:
    """The spec drops plugins and the libraries only they needed; nothing kept may lose a
    dependency (libGL/libEGL come from the system, as on every desktop)."""
    internal = built.bundle / "_internal"
    dangling = [p for p in internal.rglob("*") if p.is_symlink() and not p.exists()]
    assert not dangling
    env = {**os.environ, "LD_LIBRARY_PATH": str(internal)}
    missing = []
    for library in sorted(internal.rglob("*.so*")):
        if library.is_symlink() or not library.is_file():
            continue
        ldd = subprocess.run(["ldd", str(library)], capture_output=True, text=True, env=env)
        missing += [
            f"{library.name}: {line.strip()}"
            for line in ldd.stdout.splitlines()
            if "not found" in line
        ]
    assert not missing


def test_linux_metadata_was_validated(built: Built) -> None:
    assert "desktop-file-validate" in built.log
    assert "appstreamcli validate --no-net --strict" in built.log


def test_tarball_installs_for_the_user_and_claims_case_files(built: Built, tmp_path: Path) -> None:
    unpacked = tmp_path / "unpacked"
    unpacked.mkdir()
    subprocess.run(["tar", "-xzf", str(built.tarball), "-C", str(unpacked)], check=True)
    (top,) = unpacked.iterdir()
    home = tmp_path / "home"
    share = home / ".local" / "share"
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(share)}
    env.pop("PREFIX", None)
    subprocess.run([str(top / "install.sh")], env=env, check=True, capture_output=True)

    program = home / ".local" / "lib" / appinfo.EXECUTABLE / appinfo.EXECUTABLE
    desktop = share / "applications" / f"{APP_ID}.desktop"
    assert f'Exec="{program}" %F' in desktop.read_text(encoding="utf-8").splitlines()
    subprocess.run(["desktop-file-validate", str(desktop)], check=True)
    for size in build.HICOLOR_SIZES:
        assert (share / f"icons/hicolor/{size}x{size}/apps/{APP_ID}.png").is_file()
    assert (share / f"icons/hicolor/scalable/apps/{APP_ID}.svg").is_file()
    assert (share / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    assert _mime_type_of(tmp_path / "某案卷" / "case.json", share) == appinfo.CASE_MIME
    assert _mime_type_of(tmp_path / "other.json", share) == "application/json"
    if shutil.which("update-desktop-database"):
        cache = (share / "applications" / "mimeinfo.cache").read_text(encoding="utf-8")
        assert f"{appinfo.CASE_MIME}={APP_ID}.desktop;" in cache

    launcher = home / ".local" / "bin" / appinfo.EXECUTABLE
    version = subprocess.run([str(launcher), "--version"], capture_output=True, text=True)
    assert version.stdout.strip().endswith(appinfo.version())

    subprocess.run(
        [str(program.parent / "install.sh"), "--uninstall"],
        env=env,
        check=True,
        capture_output=True,
    )
    assert not program.parent.exists() and not launcher.exists() and not desktop.exists()
    assert not list((share / "icons").rglob(f"{APP_ID}.*"))


def _mime_type_of(path: Path, share: Path) -> str:
    """What the desktop (through Qt's shared-mime-info reader) calls `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{}", encoding="utf-8")
    code = (
        "import sys; from PySide6.QtCore import QCoreApplication, QMimeDatabase\n"
        "app = QCoreApplication([])\n"
        "print(QMimeDatabase().mimeTypeForFile(sys.argv[1]).name())\n"
    )
    env = {
        **os.environ,
        "XDG_DATA_HOME": str(share),
        "XDG_DATA_DIRS": "/usr/local/share:/usr/share",
    }
    result = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, env=env, check=True
    )
    return result.stdout.strip()
