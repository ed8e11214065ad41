#!/usr/bin/env python3
"""Build the installable Beian Desktop for the OS this runs on, into dist/.

    .venv/bin/python packaging/build.py                 bundle, smoke test, installer
    .venv/bin/python packaging/build.py --no-installer  the bundle only (dist/beian-desktop/)

Run it with the project's virtual environment (the one `python3 bootstrap.py test` makes, or
any venv with `pip install -c requirements-lock.txt -e .[build]`); PyInstaller is installed
into it when missing. PyInstaller does not cross-compile: build each OS's installer on that OS.

1. Stage what the spec packs (build/pyinstaller/staging/): resources/ with every .ts compiled
   afresh to .qm (a .qm lying in the work tree is build output git ignores: never used), the
   app icon rendered to PNGs, .ico and .icns, and the Windows version resource.
2. PyInstaller (packaging/beian_desktop.spec): dist/beian-desktop/, or dist/Beian Desktop.app.
3. Smoke test the frozen app (`--smoke-test`: rules, translations, fonts, icons, packing and
   verifying the demo case); any stderr line not on STDERR_ALLOWED fails the build.
4. The installer: Linux, a tarball with install.sh, the .desktop file, icons, MIME type and
   AppStream metainfo (validated); Windows, Inno Setup (ISCC) → setup.exe; macOS, a .dmg.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterable
from pathlib import Path

PACKAGING = Path(__file__).resolve().parent
ROOT = PACKAGING.parent
sys.path.insert(0, str(PACKAGING))

import appinfo  # noqa: E402  (packaging/appinfo.py; this folder is not a package)

SPEC = PACKAGING / "beian_desktop.spec"
LINUX = PACKAGING / "linux"
WINDOWS = PACKAGING / "windows"
MACOS = PACKAGING / "macos"
LOCK = ROOT / "requirements-lock.txt"
DEFAULT_DIST = ROOT / "dist"
DEFAULT_WORK = ROOT / "build" / "pyinstaller"

ICON_SVG = ROOT / "resources" / "icons" / "app.svg"
HICOLOR_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)
SIZE_BUDGET_BYTES = 200 * 1000 * 1000  # issue 6: the Linux bundle, unpacked
SMOKE_TIMEOUT_S = 180

# Lines the frozen smoke test may print on stderr. Anything else fails the build (the app is
# quiet when all is well; a new line is a new problem until someone explains it here).
STDERR_ALLOWED = [
    # Fontconfig on a machine without /etc/fonts (minimal containers): text still renders
    # with the bundled CJK font the smoke test registers.
    r"^Fontconfig (?:error|warning): .*$",
    # A Python in a read-only location cannot write its bytecode cache: harmless.
    r"^.*could not write bytecode cache.*$",
]

# What the Linux build needs from Debian: the package, and how to tell it is there.
DEBIAN_TOOLS = {  # command -> package
    "strip": "binutils",  # PyInstaller's strip=True
    "desktop-file-validate": "desktop-file-utils",
    "appstreamcli": "appstream",
}
# Libraries Qt's xcb and wayland plugins link: PyInstaller bundles what the build machine has,
# so a machine without them would make a bundle that fails on some desktops.
DEBIAN_LIBRARIES = {  # library name (as ctypes.util.find_library takes it) -> package
    "xcb-cursor": "libxcb-cursor0",
    "xcb-icccm": "libxcb-icccm4",
    "xcb-keysyms": "libxcb-keysyms1",
    "xcb-shape": "libxcb-shape0",
    "xkbcommon-x11": "libxkbcommon-x11-0",
    "wayland-cursor": "libwayland-cursor0",
    "wayland-egl": "libwayland-egl1",
}


class BuildError(Exception):
    """A step failed; the message says which and why (one line, then details)."""


def say(message: str) -> None:
    print(f"[build] {message}", flush=True)


def run(command: list[str], **kwargs: object) -> None:
    say("$ " + " ".join(command))
    result = subprocess.run(command, check=False, **kwargs)  # type: ignore[call-overload]
    if result.returncode != 0:
        raise BuildError(f"{Path(command[0]).name} failed (exit {result.returncode})")


# -- tools -------------------------------------------------------------------------------
def ensure_pyinstaller() -> None:
    if importlib.util.find_spec("PyInstaller") is not None:
        return
    say("installing PyInstaller into this environment (pinned by requirements-lock.txt)")
    run([sys.executable, "-m", "pip", "install", "-q", "-c", str(LOCK), "pyinstaller"])


def ensure_debian_tools(commands: Iterable[str], libraries: Iterable[str] = ()) -> None:
    """Install the Debian packages behind missing commands and libraries when root (as
    bootstrap.py does), otherwise stop with the apt line to run."""
    from ctypes.util import find_library

    missing = sorted(
        {DEBIAN_TOOLS[c] for c in commands if shutil.which(c) is None}
        | {DEBIAN_LIBRARIES[name] for name in libraries if find_library(name) is None}
    )
    if not missing:
        return
    apt_line = "apt-get install -y --no-install-recommends " + " ".join(missing)
    if not shutil.which("apt-get") or os.geteuid() != 0:
        raise BuildError(f"missing tools; run: sudo apt-get update && sudo {apt_line}")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    run(["apt-get", "update", "-q"], env=env)
    run([*apt_line.split(), "-q"], env=env)


# -- 1. staging --------------------------------------------------------------------------
def stage(work: Path) -> Path:
    staging = work / "staging"
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    stage_resources(ROOT / "resources", staging / "resources")
    render_icons(staging)
    (staging / "version_info.txt").write_text(appinfo.windows_version_info(), encoding="utf-8")
    return staging


# Build output or clutter that may lie in a work tree but never ships.
_NOT_SHIPPED = ("*.qm", "*.ts", "__pycache__", "*.pyc", ".DS_Store", "README.md")


def stage_resources(source: Path, target: Path) -> None:
    """Copy resources/ without build leftovers, then compile each .ts afresh into a .qm
    (a frozen app has no lrelease, and a local .qm may be stale or missing in CI)."""
    shutil.copytree(source, target, ignore=shutil.ignore_patterns(*_NOT_SHIPPED))
    for ts in sorted((source / "translations").glob("*.ts")):
        compile_translation(ts, target / "translations" / ts.with_suffix(".qm").name)


def compile_translation(ts: Path, qm: Path) -> None:
    from beian_desktop.gui.i18n import compile_catalogue  # the app's own lrelease call

    if not compile_catalogue(ts, qm):
        raise BuildError(f"lrelease could not compile {ts.name}")


def render_icons(staging: Path) -> None:
    """PNG sizes of resources/icons/app.svg (Qt's SVG renderer), the scalable SVG, and the
    Windows .ico and macOS .icns made from those PNGs."""
    images = {size: render_svg(ICON_SVG, size) for size in {*HICOLOR_SIZES, *ICNS_SIZES}}
    hicolor = staging / "icons" / "hicolor"
    for size in HICOLOR_SIZES:
        folder = hicolor / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{appinfo.APP_ID}.png").write_bytes(images[size])
    scalable = hicolor / "scalable" / "apps"
    scalable.mkdir(parents=True)
    shutil.copy2(ICON_SVG, scalable / f"{appinfo.APP_ID}.svg")
    save_multi_size(images, ICO_SIZES, staging / "app.ico")
    save_multi_size(images, ICNS_SIZES, staging / "app.icns")


def render_svg(svg: Path, size: int) -> bytes:
    """One square PNG of `svg`, rendered by QtSvg (the renderer the app itself uses)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise BuildError(f"Qt cannot read {svg.name}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def save_multi_size(images: dict[int, bytes], sizes: Iterable[int], target: Path) -> None:
    """An .ico or .icns holding each size as rendered (Pillow would otherwise scale one)."""
    import io

    from PIL import Image

    frames = [Image.open(io.BytesIO(images[size])) for size in sorted(sizes, reverse=True)]
    # Pillow picks the frames matching the sizes asked for from append_images.
    frames[0].save(
        target,
        sizes=[frame.size for frame in frames],
        append_images=frames[1:],
    )


# -- 2. PyInstaller ----------------------------------------------------------------------
def freeze(dist: Path, work: Path, staging: Path) -> Path:
    env = dict(os.environ, BEIAN_BUILD_STAGING=str(staging))
    # Its cache (stripped libraries) stays with the build, not in the user's home.
    env.setdefault("PYINSTALLER_CONFIG_DIR", str(work / "cache"))
    run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
            str(SPEC),
        ],
        env=env,
        cwd=ROOT,
    )
    return bundle_dir(dist)


def bundle_dir(dist: Path) -> Path:
    if sys.platform == "darwin":
        return dist / f"{appinfo.NAME_EN}.app"
    return dist / appinfo.EXECUTABLE


def executable(bundle: Path) -> Path:
    if sys.platform == "darwin":
        return bundle / "Contents" / "MacOS" / appinfo.EXECUTABLE
    return bundle / (appinfo.EXECUTABLE + (".exe" if sys.platform == "win32" else ""))


def folder_size(folder: Path) -> int:
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


# -- 3. smoke test -----------------------------------------------------------------------
def unexpected_stderr(stderr: str) -> list[str]:
    allowed = [re.compile(pattern) for pattern in STDERR_ALLOWED]
    lines = [line for line in stderr.splitlines() if line.strip()]
    return [line for line in lines if not any(p.match(line) for p in allowed)]


def smoke_test(program: Path, home: Path | None = None) -> str:
    """Run the frozen app's --smoke-test offscreen in a throw-away profile; returns stdout."""
    with tempfile.TemporaryDirectory(prefix="beian-smoke-") as scratch:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        env["BEIAN_DESKTOP_HOME"] = str(home or scratch)
        result = subprocess.run(
            [str(program), "--smoke-test"],
            capture_output=True,
            text=True,
            env=env,
            timeout=SMOKE_TIMEOUT_S,
            check=False,
        )
    unexpected = unexpected_stderr(result.stderr)
    if result.returncode != 0 or unexpected:
        raise BuildError(
            f"the frozen smoke test failed (exit {result.returncode})\n"
            f"stdout:\n{result.stdout}\nunexpected stderr:\n" + "\n".join(unexpected)
        )
    return result.stdout


# -- 4. installers -----------------------------------------------------------------------
def linux_package(dist: Path, bundle: Path, staging: Path, validate: bool) -> Path:
    """dist/beian-desktop-<version>-linux-<arch>.tar.gz: the bundle, share/ and install.sh."""
    share = linux_share(staging)
    if validate:
        validate_linux_files(share)
    name = f"{appinfo.EXECUTABLE}-{appinfo.version()}-linux-{platform.machine()}"
    tarball = dist / f"{name}.tar.gz"
    members = [
        (bundle, f"{name}/{appinfo.EXECUTABLE}"),
        (share, f"{name}/share"),
        (LINUX / "install.sh", f"{name}/install.sh"),
        (LINUX / "README.txt", f"{name}/README.txt"),
    ]
    with tarfile.open(tarball, "w:gz", compresslevel=6) as archive:
        for source, arcname in members:
            archive.add(source, arcname=arcname, filter=_owned_by_root)
    return tarball


def _owned_by_root(info: tarfile.TarInfo) -> tarfile.TarInfo:
    info.uid = info.gid = 0
    info.uname = info.gname = "root"
    if info.name.endswith("/install.sh"):
        info.mode = 0o755  # whatever the checkout's file mode
    return info


def linux_share(staging: Path) -> Path:
    """The share/ tree install.sh copies into ~/.local/share (or $PREFIX/share)."""
    share = staging / "share"
    if share.exists():
        shutil.rmtree(share)
    app_id = appinfo.APP_ID
    files = {
        LINUX / f"{app_id}.desktop": share / "applications" / f"{app_id}.desktop",
        LINUX / f"{app_id}.metainfo.xml": share / "metainfo" / f"{app_id}.metainfo.xml",
        LINUX / f"{app_id}.mime.xml": share / "mime" / "packages" / f"{app_id}.xml",
    }
    for source, target in files.items():
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
    shutil.copytree(staging / "icons", share / "icons")
    return share


def validate_linux_files(share: Path) -> None:
    ensure_debian_tools(["desktop-file-validate", "appstreamcli"])
    app_id = appinfo.APP_ID
    run(["desktop-file-validate", str(share / "applications" / f"{app_id}.desktop")])
    metainfo = share / "metainfo" / f"{app_id}.metainfo.xml"
    run(["appstreamcli", "validate", "--no-net", "--strict", str(metainfo)])


def windows_installer(dist: Path, bundle: Path, staging: Path) -> Path | None:
    """dist/beian-desktop-<version>-windows-setup.exe, made by Inno Setup 6's ISCC."""
    iscc = find_iscc()
    if iscc is None:
        say("Inno Setup 6 not found (winget install JRSoftware.InnoSetup): bundle only")
        return None
    defines = {
        "AppVersion": appinfo.version(),
        "SourceDir": str(bundle),
        "OutputDir": str(dist),
        "IconFile": str(staging / "app.ico"),
    }
    script = WINDOWS / "beian-desktop.iss"
    run([str(iscc), "/Q", *(f"/D{name}={value}" for name, value in defines.items()), str(script)])
    return dist / f"{appinfo.EXECUTABLE}-{appinfo.version()}-windows-setup.exe"


def find_iscc() -> Path | None:
    found = shutil.which("ISCC") or shutil.which("iscc")
    if found:
        return Path(found)
    roots = [os.environ.get(v, "") for v in ("ProgramFiles(x86)", "ProgramFiles", "LOCALAPPDATA")]
    for root in filter(None, roots):
        for candidate in (Path(root) / "Inno Setup 6", Path(root) / "Programs" / "Inno Setup 6"):
            if (candidate / "ISCC.exe").is_file():
                return candidate / "ISCC.exe"
    return None


def macos_dmg(dist: Path, bundle: Path) -> Path:
    dmg = dist / f"{appinfo.EXECUTABLE}-{appinfo.version()}-macos.dmg"
    run(["sh", str(MACOS / "make_dmg.sh"), str(bundle), str(dmg), appinfo.NAME_ZH])
    return dmg


def make_installer(dist: Path, bundle: Path, staging: Path, validate: bool) -> Path | None:
    if sys.platform == "win32":
        return windows_installer(dist, bundle, staging)
    if sys.platform == "darwin":
        return macos_dmg(dist, bundle)
    return linux_package(dist, bundle, staging, validate)


# -- main --------------------------------------------------------------------------------
def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=DEFAULT_DIST, help="output folder")
    parser.add_argument("--work", type=Path, default=DEFAULT_WORK, help="PyInstaller's work folder")
    parser.add_argument("--no-installer", action="store_true", help="stop after the bundle")
    parser.add_argument("--no-smoke-test", action="store_true", help="skip the frozen smoke test")
    parser.add_argument(
        "--no-validate", action="store_true", help="Linux: skip desktop-file/AppStream checks"
    )
    return parser.parse_args(argv)


def build(args: argparse.Namespace) -> Path:
    dist, work = args.dist.resolve(), args.work.resolve()
    ensure_pyinstaller()
    if sys.platform.startswith("linux"):
        ensure_debian_tools(["strip"], DEBIAN_LIBRARIES)
    say(f"staging resources and icons in {work / 'staging'}")
    staging = stage(work)
    say("freezing with PyInstaller")
    bundle = freeze(dist, work, staging)
    size = folder_size(bundle)
    say(f"bundle: {bundle} ({size / 1e6:.1f} MB unpacked)")
    if sys.platform.startswith("linux") and size > SIZE_BUDGET_BYTES:
        raise BuildError(f"the bundle is {size / 1e6:.0f} MB, over the 200 MB budget")
    if not args.no_smoke_test:
        say("smoke test: " + smoke_test(executable(bundle)).strip())
    if not args.no_installer:
        made = make_installer(dist, bundle, staging, validate=not args.no_validate)
        if made is not None:
            say(f"installer: {made} ({made.stat().st_size / 1e6:.1f} MB)")
    return bundle


def main(argv: list[str] | None = None) -> int:
    try:
        build(parse_args(argv))
    except BuildError as error:
        print(f"[build] FAILED: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
