"""What of Qt (and Python) the frozen app leaves out: reference/qt-env.md §5, for our app.

PyInstaller collects every plugin of the Qt modules an app imports, every Qt translation and
the libraries those plugins need. The app uses QtCore, QtGui, QtWidgets and SVG icons only,
so the spec passes its binary and data lists through `slim()`.

On Linux PyInstaller also collects the host's libraries each plugin links (GTK for the GTK
theme, Kerberos for QtNetwork, …); `slim()` drops those that only dropped plugins need, by the
same `ldd` view PyInstaller collected them with, so no list of distro library names is kept.
"""

from __future__ import annotations

import posixpath
import re
import sys
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

# (destination name, source path, type code): PyInstaller's TOC entry.
TocEntry = tuple[str, str, str]

EXCLUDED_MODULES = [
    # Qt modules that hooks pull in but the app never uses.
    "PySide6.QtNetwork",
    "PySide6.QtDBus",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtPrintSupport",
    # lxml's hook takes every submodule; pikepdf (XMP metadata) needs only lxml.etree.
    "lxml.objectify",
    "lxml.html",
    "lxml.isoschematron",
    # Standard-library parts no code path of the app reaches.
    "tkinter",
    "lib2to3",
    "pydoc_data",
    "xmlrpc",
]

_PLUGIN = re.compile(r"(?:^|/)Qt6?/plugins/(?P<kind>[^/]+)/(?P<name>[^/]+)$")

# Plugin folders to drop whole: hardware and network integrations, print, SQL, Designer, QML.
_DROPPED_PLUGIN_KINDS = {
    "designer",
    "egldeviceintegrations",
    "generic",
    "networkinformation",
    "printsupport",
    "qmllint",
    "qmltooling",
    "sqldrivers",
    "tls",
    "vectorimageformats",
}

# Single plugins to drop, by a word in the file name.
_DROPPED_PLUGINS = {
    # platforms: keep xcb, wayland (desktops) and offscreen (the smoke test, CI).
    "platforms": ("eglfs", "linuxfb", "minimal", "minimalegl", "vkkhrdisplay", "vnc"),
    # The GTK3 theme drags in GTK, GDK, cairo and pango (≈ 20 MB); the portal theme stays.
    "platformthemes": ("gtk3",),
    # The virtual keyboard needs QtQuick; compose and IBus (Chinese input methods) stay.
    "platforminputcontexts": ("virtualkeyboard",),
    # Qt reads only our SVG icons (and maybe scan previews): drop PDF, TGA, WBMP, ICNS.
    "imageformats": ("qpdf", "qtga", "qwbmp", "qicns"),
    # Server-buffer integrations serve QtWaylandCompositor; wayland-egl and shm stay.
    "wayland-graphics-integration-client": ("-server",),
    # Embedded-device shells; desktops speak xdg-shell.
    "wayland-shell-integration": ("ivi-shell", "fullscreen-shell"),
}

# Data files no code path reads: python-stdnum's MAC-address and mobile-network tables.
_DROPPED_DATA = {"stdnum/oui.dat", "stdnum/imsi.dat"}

# Qt's own catalogues: the app shows Chinese with qtbase_zh_CN; English needs none.
_KEPT_TRANSLATIONS = {"qtbase_zh_CN.qm"}
_TRANSLATION = re.compile(r"(?:^|/)Qt6?/translations/(?P<name>[^/]+)$")


def _normal(name: str) -> str:
    return name.replace("\\", "/")


def dropped_plugin(dest: str) -> bool:
    match = _PLUGIN.search(_normal(dest))
    if match is None:
        return False
    kind, name = match["kind"], match["name"]
    if kind in _DROPPED_PLUGIN_KINDS:
        return True
    return any(word in name for word in _DROPPED_PLUGINS.get(kind, ()))


def dropped_translation(dest: str) -> bool:
    match = _TRANSLATION.search(_normal(dest))
    return match is not None and match["name"] not in _KEPT_TRANSLATIONS


def dropped_data(dest: str) -> bool:
    return _normal(dest) in _DROPPED_DATA


def slim(binaries: list[TocEntry], datas: list[TocEntry]) -> tuple[list[TocEntry], list[TocEntry]]:
    """The spec's binaries and datas without the dropped plugins, translations and data, and
    without the libraries only those plugins needed (with the symbolic links to them)."""
    dropped = [e for e in binaries if dropped_plugin(e[0])]
    kept = [e for e in binaries if not dropped_plugin(e[0])]
    orphans = orphaned_libraries(kept, dropped) if sys.platform.startswith("linux") else set()
    kept = [e for e in kept if not _is_orphan(e, orphans)]
    kept_datas = [
        e
        for e in datas
        if not (dropped_translation(e[0]) or dropped_data(e[0]) or _is_orphan(e, orphans))
    ]
    present = {_normal(e[0]) for e in kept + kept_datas if e[2] != "SYMLINK"}
    return _live_links(kept, present), _live_links(kept_datas, present)


def orphaned_libraries(kept: list[TocEntry], dropped: list[TocEntry]) -> set[str]:
    """Names of the shared libraries that only dropped plugins need. ldd lists a binary's
    whole dependency tree (the view PyInstaller collected with), so one pass is enough: a
    library some dropped plugin needs is kept only when a binary outside that set needs it."""
    candidates = {
        _base(dest) for dest, _src, kind in kept if kind == "BINARY" and not _PLUGIN.search(dest)
    } & _needed(dropped)
    return candidates - _needed(e for e in kept if _base(e[0]) not in candidates)


def _base(dest: str) -> str:
    return _normal(dest).rsplit("/", 1)[-1]


def _needed(entries: Iterable[TocEntry]) -> set[str]:
    from PyInstaller.depend.bindepend import get_imports

    names: set[str] = set()
    for _dest, source, kind in entries:
        if kind in ("BINARY", "EXTENSION"):
            names.update(Path(name).name for name, _path in get_imports(source))
    return names


def _is_orphan(entry: TocEntry, orphans: set[str]) -> bool:
    dest, _source, kind = entry
    if kind not in ("BINARY", "SYMLINK") or _PLUGIN.search(_normal(dest)):
        return False
    return _base(dest) in orphans


def _live_links(entries: list[TocEntry], present: set[str]) -> list[TocEntry]:
    """Drop symbolic links whose target is no longer collected (PyInstaller links libraries
    kept in PySide6/Qt/lib into the top folder)."""
    return [e for e in entries if e[2] != "SYMLINK" or _link_target(e) in present]


def _link_target(entry: TocEntry) -> str:
    dest, target, _kind = entry
    parent = PurePosixPath(_normal(dest)).parent
    return posixpath.normpath(str(parent / _normal(target)))
