"""What every installer says about the app: one place for its id, names and document types.

The PyInstaller spec (macOS Info.plist, Windows version resource), build.py (Linux files) and
tests/test_packaging.py read this module; the static files in linux/ and windows/ repeat some
of it and the test checks that they agree. Load it by path (build.py and the spec put this
folder on sys.path): the folder is not a Python package, because `packaging` is also the name
of a library PyInstaller imports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

PACKAGING_DIR = Path(__file__).resolve().parent
ROOT = PACKAGING_DIR.parent

# Reverse-DNS id (AppStream, the .desktop file's name, Wayland's app id, macOS bundle id).
# The project has no domain of its own yet; change it here and in linux/ + windows/ together
# (tests/test_packaging.py lists every place) if it gets one.
APP_ID = "io.github.beiandesktop.BeianDesktop"
EXECUTABLE = "beian-desktop"  # the bundle folder and the program in it
NAME_EN = "Beian Desktop"
NAME_ZH = "备案材料助手"
SUMMARY_EN = "Prepare ICP filing (备案) materials the upload system accepts"
SUMMARY_ZH = "准备上传系统能接受的 ICP 备案材料"
PUBLISHER = "Beian Desktop developers"
COPYRIGHT = "© 2026 Beian Desktop developers"
LICENSE = "Apache-2.0"

# A case is a folder holding case.json and the copied scans (beian_desktop/core/case/store.py).
# What people double-click is that case.json. On Linux it gets a MIME type of its own, matched
# by the exact file name; Windows and macOS only associate by extension, so there the app is
# offered in "Open with" for JSON files (never made their default) and checks the content.
CASE_MIME = "application/x-beian-case+json"
CASE_FILE_NAME = "case.json"


@dataclass(frozen=True)
class DocumentType:
    """A kind of file the app opens when the user double-clicks it or uses "Open with"."""

    key: str
    name_en: str
    mime_types: tuple[str, ...]  # freedesktop.org names (the .desktop file's MimeType)
    extensions: tuple[str, ...]  # lower case, without the dot (Windows, macOS)
    uti: str  # macOS content type
    is_case: bool = False

    @property
    def owner(self) -> bool:
        """Whether the app is the natural default for the type (only for its own case files)."""
        return self.is_case


DOCUMENT_TYPES: tuple[DocumentType, ...] = (
    DocumentType("jpeg", "JPEG image", ("image/jpeg",), ("jpg", "jpeg"), "public.jpeg"),
    DocumentType("png", "PNG image", ("image/png",), ("png",), "public.png"),
    DocumentType("tiff", "TIFF image", ("image/tiff",), ("tif", "tiff"), "public.tiff"),
    # shared-mime-info names HEIC image/heif and keeps image/heic as an alias: list both.
    DocumentType(
        "heic", "HEIC image", ("image/heic", "image/heif"), ("heic", "heif"), "public.heic"
    ),
    DocumentType("pdf", "PDF document", ("application/pdf",), ("pdf",), "com.adobe.pdf"),
    DocumentType("case", "Beian Desktop case", (CASE_MIME,), ("json",), "public.json", True),
)


def version() -> str:
    """beian_desktop.__version__, read without importing the package (no Qt, no venv needed)."""
    text = (ROOT / "beian_desktop" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"', text, re.MULTILINE)
    if match is None:
        raise RuntimeError("beian_desktop/__init__.py has no __version__")
    return match.group(1)


def version_tuple(text: str | None = None) -> tuple[int, int, int, int]:
    """'0.1.0' -> (0, 1, 0, 0): Windows wants four numbers (a suffix like 'rc1' is dropped)."""
    release = re.match(r"\d+(?:\.\d+)*", text or version())
    numbers = [int(part) for part in release.group(0).split(".")] if release else []
    padded = [*numbers, 0, 0, 0, 0][:4]
    return padded[0], padded[1], padded[2], padded[3]


def mime_types() -> list[str]:
    return [mime for kind in DOCUMENT_TYPES for mime in kind.mime_types]


def extensions() -> list[str]:
    return [ext for kind in DOCUMENT_TYPES for ext in kind.extensions]


# -- macOS ---------------------------------------------------------------------------------
def info_plist(app_version: str | None = None) -> dict[str, object]:
    """The keys PyInstaller's BUNDLE adds to Contents/Info.plist."""
    release = app_version or version()
    return {
        "CFBundleName": NAME_EN,
        "CFBundleDisplayName": NAME_ZH,
        "CFBundleIdentifier": APP_ID,
        "CFBundleShortVersionString": release,
        "CFBundleVersion": release,
        "CFBundleDevelopmentRegion": "zh_CN",
        "CFBundleLocalizations": ["zh_CN", "en"],
        "CFBundleAllowMixedLocalizations": True,
        "NSHumanReadableCopyright": COPYRIGHT,
        "NSHighResolutionCapable": True,
        "NSRequiresAquaSystemAppearance": False,  # follow dark mode
        "LSApplicationCategoryType": "public.app-category.productivity",
        "LSMinimumSystemVersion": "13.0",  # PySide6 6.11's wheels are macosx_13_0
        "CFBundleDocumentTypes": [_document_type(kind) for kind in DOCUMENT_TYPES],
    }


def _document_type(kind: DocumentType) -> dict[str, object]:
    return {
        "CFBundleTypeName": kind.name_en,
        "CFBundleTypeRole": "Viewer",  # the app reads these files and never writes them back
        # Alternate: listed in "Open With" without taking images, PDFs or JSON away from the
        # user's usual app.
        "LSHandlerRank": "Alternate",
        "LSItemContentTypes": [kind.uti],
        "CFBundleTypeMIMETypes": list(kind.mime_types),
        "CFBundleTypeExtensions": list(kind.extensions),
    }


# -- Windows -------------------------------------------------------------------------------
def windows_version_info(app_version: str | None = None) -> str:
    """PyInstaller's version-resource file (EXE(version=...)): Properties → Details."""
    release = app_version or version()
    numbers = version_tuple(release)
    strings = {
        "CompanyName": PUBLISHER,
        "FileDescription": f"{NAME_ZH} {NAME_EN}",
        "FileVersion": release,
        "InternalName": EXECUTABLE,
        "LegalCopyright": COPYRIGHT,
        "OriginalFilename": f"{EXECUTABLE}.exe",
        "ProductName": f"{NAME_ZH} {NAME_EN}",
        "ProductVersion": release,
    }
    string_structs = ",\n".join(
        f"          StringStruct({key!r}, {value!r})" for key, value in strings.items()
    )
    # 0x0804 = Chinese (PRC), 1200 = Unicode: Explorer shows these strings.
    return f"""# Generated by packaging/build.py from beian_desktop.__version__; do not edit.
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers},
    prodvers={numbers},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      StringTable(
        '080404b0',
        [
{string_structs}
        ])
    ]),
    VarFileInfo([VarStruct('Translation', [0x0804, 1200])])
  ]
)
"""
