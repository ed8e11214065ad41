"""The installers agree with each other and with the app (they cannot all run here).

packaging/appinfo.py is the one source of the id, names, version and document types; the
Linux, Windows and macOS files repeat parts of it. Each test reads one fact from every place
that states it, so a change in one place fails here until all agree. Plus the spec's Qt
slimming rules and the Windows version resource, which only a Windows build would use.
"""

from __future__ import annotations

import configparser
import importlib.util
import plistlib
import re
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest
from conftest import REPO

import beian_desktop
from beian_desktop.gui import app as gui_app

PACKAGING = REPO / "packaging"
LINUX = PACKAGING / "linux"
ISS = PACKAGING / "windows" / "beian-desktop.iss"


def load(name: str) -> ModuleType:
    """packaging/<name>.py (the folder is no package: `packaging` is also a library's name)."""
    module_name = f"_packaging_{name}"
    spec = importlib.util.spec_from_file_location(module_name, PACKAGING / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module  # dataclasses look their module up
    sys.path.insert(0, str(PACKAGING))  # build.py imports appinfo
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(PACKAGING))
    return module


appinfo = load("appinfo")
build = load("build")
slim = load("slim")
APP_ID = appinfo.APP_ID


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  (keys are case-sensitive)
    parser.read(LINUX / f"{APP_ID}.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def metainfo() -> ET.Element:
    return ET.parse(LINUX / f"{APP_ID}.metainfo.xml").getroot()


def mime_package() -> ET.Element:
    return ET.parse(LINUX / f"{APP_ID}.mime.xml").getroot()


def iss_text() -> str:
    return ISS.read_text(encoding="utf-8-sig")


def iss_define(name: str) -> str:
    match = re.search(rf'^\s*#define {name} "([^"]*)"', iss_text(), re.MULTILINE)
    assert match, f"{name} is not defined in {ISS.name}"
    return match.group(1)


def iss_extensions(subkey_pattern: str) -> set[str]:
    return set(re.findall(subkey_pattern, iss_text()))


def xml_lang(element: ET.Element) -> str | None:
    return element.get("{http://www.w3.org/XML/1998/namespace}lang")


MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


# -- one version ---------------------------------------------------------------------------
def test_every_installer_states_the_apps_version() -> None:
    version = beian_desktop.__version__
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["project"]["version"] == version
    assert appinfo.version() == version
    releases = metainfo().findall("releases/release")
    assert releases and releases[0].get("version") == version, "newest release first"
    assert iss_define("AppVersion") == version
    plist = appinfo.info_plist()
    assert plist["CFBundleShortVersionString"] == plist["CFBundleVersion"] == version


def test_windows_version_resource_carries_four_numbers() -> None:
    """PyInstaller evaluates this text with its version classes (they import pefile, which
    exists only on Windows): the same evaluation, with recording stand-ins."""
    recorded: dict[str, object] = {}

    def record(kind: str):  # type: ignore[no-untyped-def]
        def make(*args: object, **kwargs: object) -> tuple[str, tuple[object, ...]]:
            recorded.setdefault(kind, kwargs or args)
            return kind, args

        return make

    names = ["VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable"]
    names += ["StringStruct", "VarFileInfo", "VarStruct"]
    eval(appinfo.windows_version_info("1.2.3"), {n: record(n) for n in names})
    fixed = recorded["FixedFileInfo"]
    assert isinstance(fixed, dict)
    assert fixed["filevers"] == fixed["prodvers"] == (1, 2, 3, 0)
    assert appinfo.version_tuple("2.0rc1") == (2, 0, 0, 0)
    assert appinfo.version_tuple("1.2.3.4.5") == (1, 2, 3, 4)


# -- one identity --------------------------------------------------------------------------
def test_every_installer_uses_the_same_app_id() -> None:
    entry = desktop_entry()
    root = metainfo()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    assert entry["Icon"] == APP_ID
    assert mime_package().find(f"{MIME_NS}mime-type/{MIME_NS}icon").get("name") == APP_ID  # type: ignore[union-attr]
    assert gui_app.DESKTOP_FILE == APP_ID, "Wayland matches the window to the .desktop file"
    assert appinfo.info_plist()["CFBundleIdentifier"] == APP_ID
    assert iss_define("AppId") == APP_ID
    install = (LINUX / "install.sh").read_text(encoding="utf-8")
    assert f"APP_ID={APP_ID}\n" in install


def test_every_installer_uses_the_same_names_and_program() -> None:
    entry = desktop_entry()
    assert (entry["Name"], entry["Name[en]"]) == (appinfo.NAME_ZH, appinfo.NAME_EN)
    assert entry["Exec"] == f"{appinfo.EXECUTABLE} %F" and entry["TryExec"] == appinfo.EXECUTABLE
    assert entry["StartupWMClass"] == beian_desktop.APP_NAME  # Qt's X11 window class
    names = {xml_lang(n): n.text for n in metainfo().findall("name")}
    assert names == {None: appinfo.NAME_EN, "zh-CN": appinfo.NAME_ZH}
    assert metainfo().findtext("provides/binary") == appinfo.EXECUTABLE
    assert (appinfo.NAME_ZH, appinfo.NAME_EN) == (beian_desktop.APP_NAME_ZH, beian_desktop.APP_NAME)
    assert (iss_define("AppName"), iss_define("AppNameEn")) == (appinfo.NAME_ZH, appinfo.NAME_EN)
    assert iss_define("AppExe") == f"{appinfo.EXECUTABLE}.exe"
    plist = appinfo.info_plist()
    assert (plist["CFBundleName"], plist["CFBundleDisplayName"]) == (
        appinfo.NAME_EN,
        appinfo.NAME_ZH,
    )
    assert f"NAME={appinfo.EXECUTABLE}\n" in (LINUX / "install.sh").read_text(encoding="utf-8")


# -- the same document types ---------------------------------------------------------------
def test_desktop_file_offers_every_document_type() -> None:
    listed = [m for m in desktop_entry()["MimeType"].split(";") if m]
    assert sorted(listed) == sorted(appinfo.mime_types())
    for required in ("image/jpeg", "image/png", "image/tiff", "image/heic", "application/pdf"):
        assert required in listed


def test_case_files_have_their_own_mime_type_on_linux() -> None:
    (mime_type,) = mime_package().findall(f"{MIME_NS}mime-type")
    assert mime_type.get("type") == appinfo.CASE_MIME
    assert [g.get("pattern") for g in mime_type.findall(f"{MIME_NS}glob")] == ["case.json"]
    assert mime_type.find(f"{MIME_NS}sub-class-of").get("type") == "application/json"  # type: ignore[union-attr]
    assert metainfo().findtext("provides/mediatype") == appinfo.CASE_MIME
    assert appinfo.CASE_FILE_NAME == "case.json" == _case_file_of_the_app()


def _case_file_of_the_app() -> str:
    from beian_desktop.core.case.store import CASE_FILE

    return CASE_FILE


def test_macos_declares_the_same_document_types() -> None:
    plist = appinfo.info_plist()
    declared = plist["CFBundleDocumentTypes"]
    assert isinstance(declared, list)
    assert sorted(ext for d in declared for ext in d["CFBundleTypeExtensions"]) == sorted(
        appinfo.extensions()
    )
    assert sorted(m for d in declared for m in d["CFBundleTypeMIMETypes"]) == sorted(
        appinfo.mime_types()
    )
    assert all(d["LSHandlerRank"] == "Alternate" and d["LSItemContentTypes"] for d in declared)
    assert plist["NSHighResolutionCapable"] is True
    plistlib.dumps(plist)  # only plist types


def test_windows_installer_offers_the_same_extensions() -> None:
    open_with = iss_extensions(r'Subkey: "Software\\Classes\\\.(\w+)\\OpenWithProgids"')
    supported = iss_extensions(r'SupportedTypes"; ValueType: string; ValueName: "\.(\w+)"')
    assert open_with == supported == set(appinfo.extensions())
    case_entry = r'\.json\OpenWithProgids"; ValueType: string; ValueName: "{#CaseProgId}"'
    assert case_entry in iss_text(), "case files are offered through .json"


def test_windows_installer_is_per_user_and_launches_unelevated() -> None:
    text = iss_text()
    assert re.search(r"^PrivilegesRequired=lowest$", text, re.MULTILINE)
    assert re.search(r"^ChangesAssociations=yes$", text, re.MULTILINE)
    assert "runasoriginaluser" in text, "drag and drop fails in an elevated app"
    assert "{autoprograms}" in text  # the Start menu entry
    assert ISS.read_bytes().startswith(b"\xef\xbb\xbf"), "Inno Setup needs the BOM for Chinese"


# -- paths the scripts name ----------------------------------------------------------------
def test_windows_installer_defaults_point_at_what_build_py_makes() -> None:
    def resolved(define: str) -> Path:
        return (ISS.parent / iss_define(define).replace("\\", "/")).resolve()

    assert resolved("SourceDir") == build.DEFAULT_DIST / appinfo.EXECUTABLE
    assert resolved("OutputDir") == build.DEFAULT_DIST
    assert resolved("IconFile") == build.DEFAULT_WORK / "staging" / "app.ico"
    assert f"OutputBaseFilename={appinfo.EXECUTABLE}-{{#AppVersion}}-windows-setup" in iss_text()


def test_files_the_build_names_exist() -> None:
    spec = (PACKAGING / "beian_desktop.spec").read_text(encoding="utf-8")
    compile(spec, "beian_desktop.spec", "exec")
    for name in re.findall(r'Path\(SPECPATH\) / "([^"]+)"', spec):
        assert (PACKAGING / name).is_file(), name
    assert "info_plist=appinfo.info_plist()" in spec
    assert "bundle_identifier=appinfo.APP_ID" in spec
    for path in (build.SPEC, build.ICON_SVG, build.LOCK, build.MACOS / "make_dmg.sh", ISS):
        assert path.is_file(), path
    for name in (f"{APP_ID}.desktop", f"{APP_ID}.metainfo.xml", f"{APP_ID}.mime.xml"):
        assert (build.LINUX / name).is_file(), name
    assert (build.LINUX / "install.sh").is_file() and (build.LINUX / "README.txt").is_file()


@pytest.mark.parametrize("script", ["linux/install.sh", "macos/make_dmg.sh"])
def test_shell_scripts_parse(script: str) -> None:
    subprocess.run(["sh", "-n", str(PACKAGING / script)], check=True)


# -- what the spec leaves out --------------------------------------------------------------
@pytest.mark.parametrize(
    ("dest", "dropped"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", False),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", False),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", False),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", True),
        ("PySide6/Qt/plugins/platforms/libqvnc.so", True),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", True),
        ("PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", False),
        ("PySide6/Qt/plugins/iconengines/libqsvgicon.so", False),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", False),
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", False),
        ("PySide6/Qt/plugins/imageformats/libqpdf.so", True),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", True),
        ("PySide6\\Qt6\\plugins\\sqldrivers\\qsqlite.dll", True),  # Windows layout
        ("PySide6/Qt/lib/libQt6Gui.so.6", False),
    ],
)
def test_spec_drops_only_plugins_the_app_cannot_use(dest: str, dropped: bool) -> None:
    assert slim.dropped_plugin(dest) is dropped


def test_spec_keeps_only_qts_chinese_catalogue() -> None:
    assert not slim.dropped_translation("PySide6/Qt/translations/qtbase_zh_CN.qm")
    assert slim.dropped_translation("PySide6/Qt/translations/qtbase_de.qm")
    assert slim.dropped_translation("PySide6/Qt/translations/qt_zh_CN.qm")
    assert not slim.dropped_translation("resources/translations/beian_desktop_en.qm")


def test_spec_drops_libraries_only_dropped_plugins_need(monkeypatch: pytest.MonkeyPatch) -> None:
    needs = {
        "gtk3.so": ["libgtk-3.so.0", "libgio-2.0.so.0", "libglib-2.0.so.0"],
        "libgtk-3.so.0": ["libgio-2.0.so.0", "libglib-2.0.so.0"],
        "libgio-2.0.so.0": ["libglib-2.0.so.0"],
        "libQt6Core.so.6": ["libglib-2.0.so.0"],
        "libglib-2.0.so.0": [],
    }

    def get_imports(source: str) -> list[tuple[str, str]]:
        return [(name, f"/usr/lib/{name}") for name in needs[Path(source).name]]

    import PyInstaller.depend.bindepend as bindepend

    monkeypatch.setattr(bindepend, "get_imports", get_imports)
    monkeypatch.setattr(slim.sys, "platform", "linux")
    binaries = [
        ("PySide6/Qt/plugins/platformthemes/gtk3.so", "/x/gtk3.so", "BINARY"),
        ("libgtk-3.so.0", "/usr/lib/libgtk-3.so.0", "BINARY"),
        ("libgio-2.0.so.0", "/usr/lib/libgio-2.0.so.0", "BINARY"),
        ("libglib-2.0.so.0", "/usr/lib/libglib-2.0.so.0", "BINARY"),
        ("PySide6/Qt/lib/libQt6Core.so.6", "/x/libQt6Core.so.6", "BINARY"),
    ]
    datas = [
        ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
        ("libQt6Network.so.6", "PySide6/Qt/lib/libQt6Network.so.6", "SYMLINK"),  # dangling
        ("PySide6/Qt/translations/qtbase_fr.qm", "/x/qtbase_fr.qm", "DATA"),
        ("stdnum/oui.dat", "/x/oui.dat", "DATA"),
        ("stdnum/cn/loc.dat", "/x/loc.dat", "DATA"),
    ]
    kept, kept_datas = slim.slim(binaries, datas)
    assert [e[0] for e in kept] == ["libglib-2.0.so.0", "PySide6/Qt/lib/libQt6Core.so.6"]
    assert [e[0] for e in kept_datas] == ["libQt6Core.so.6", "stdnum/cn/loc.dat"]


# -- the build's stderr allow-list ---------------------------------------------------------
def test_smoke_test_stderr_allow_list() -> None:
    assert build.unexpected_stderr("") == []
    assert build.unexpected_stderr("Fontconfig error: Cannot load default config file\n") == []
    assert build.unexpected_stderr("smoke test failed: icons: x\nQt: oops\n") == [
        "smoke test failed: icons: x",
        "Qt: oops",
    ]
