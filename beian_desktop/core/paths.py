"""Where the app keeps user data: platformdirs' per-user folders, overridable for tests.

BEIAN_DESKTOP_HOME (if set) replaces every per-user folder, so a test or a portable install
never touches the real profile.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_DIR_NAME = "beian-desktop"


def _override() -> Path | None:
    value = os.environ.get("BEIAN_DESKTOP_HOME")
    return Path(value) if value else None


def user_data_dir() -> Path:
    """Cases, imported rule packs."""
    base = _override()
    if base is not None:
        return base / "data"
    return Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))


def user_config_dir() -> Path:
    """Settings (language, default profile, last folders), kept apart from case data."""
    base = _override()
    if base is not None:
        return base / "config"
    return Path(platformdirs.user_config_dir(APP_DIR_NAME, appauthor=False))


def user_log_dir() -> Path:
    base = _override()
    if base is not None:
        return base / "logs"
    return Path(platformdirs.user_log_dir(APP_DIR_NAME, appauthor=False))


def user_rules_dir() -> Path:
    """Imported rule packs live here; a newer one overrides the built-in pack."""
    return user_data_dir() / "rules"
