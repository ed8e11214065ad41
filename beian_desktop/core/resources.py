"""Locate the bundled resources (rules, fonts, icons, translations, samples).

Installed wheels carry them as beian_desktop/resources, a PyInstaller build under sys._MEIPASS,
and a source checkout at the repository's top-level resources/ folder.
"""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent.parent


def resources_dir() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    candidates = [
        *([Path(frozen) / "resources"] if frozen else []),
        _PACKAGE_DIR / "resources",
        _PACKAGE_DIR.parent / "resources",
    ]
    for candidate in candidates:
        if (candidate / "rules").is_dir():
            return candidate
    raise FileNotFoundError("Beian Desktop's resources folder is missing from this installation")


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
