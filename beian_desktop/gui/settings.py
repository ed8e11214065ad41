"""Settings: a small JSON file in user_config_dir(), kept apart from case data.

Two parts, as Picard splits them: `Preferences` (what the user chose: language, default upload
profile) and `UiState` (what the app remembers: last folders, window geometry, recent cases).
The file carries a version; `MIGRATIONS` turns an older file into the current shape. A missing
or damaged file gives the defaults (and a log line with a code, never the content).

JSON rather than QSettings: one readable file per user on every OS, atomic writes through the
core's writer, and round-trip tests without touching the registry.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from beian_desktop.core.atomic import atomic_write_bytes
from beian_desktop.core.paths import user_config_dir

log = logging.getLogger(__name__)

SETTINGS_VERSION = 1
SETTINGS_FILE = "settings.json"
RECENT_LIMIT = 20
LANGUAGE_CHOICES = ("auto", "zh", "en")

Migration = Callable[[dict[str, Any]], dict[str, Any]]
MIGRATIONS: dict[int, Migration] = {}  # version n -> function making a version n+1 dict


@dataclass
class Preferences:
    language: str = "auto"  # auto | zh | en
    upload_profile: str = ""  # empty: the rule pack's default


@dataclass
class UiState:
    last_case_dir: str = ""  # where "open case" starts
    last_pack_dir: str = ""  # where "import rule pack" starts
    last_files_dir: str = ""  # where "add files" starts (pages 4-6)
    last_export_dir: str = ""  # where the package goes (page 6)
    window_geometry: str = ""  # QWidget.saveGeometry(), base64
    recent_cases: list[str] = field(default_factory=list)  # case folders outside the cases root

    def remember_case(self, folder: Path) -> None:
        entry = str(folder)
        self.recent_cases = [entry, *(p for p in self.recent_cases if p != entry)][:RECENT_LIMIT]


@dataclass
class Settings:
    prefs: Preferences = field(default_factory=Preferences)
    state: UiState = field(default_factory=UiState)

    def to_dict(self) -> dict[str, Any]:
        return {"version": SETTINGS_VERSION, **asdict(self)}

    @staticmethod
    def from_dict(data: dict[str, Any]) -> Settings:
        prefs = _fill(Preferences(), data.get("prefs"))
        state = _fill(UiState(), data.get("state"))
        if prefs.language not in LANGUAGE_CHOICES:
            prefs.language = "auto"
        state.recent_cases = [p for p in state.recent_cases if isinstance(p, str)]
        return Settings(prefs, state)


def _fill(target: Any, values: object) -> Any:
    """Copy the known keys whose values have the default's type; ignore everything else."""
    if not isinstance(values, dict):
        return target
    for item in fields(target):
        value = values.get(item.name)
        if value is not None and isinstance(value, type(getattr(target, item.name))):
            setattr(target, item.name, value)
    return target


def _migrate(data: dict[str, Any]) -> dict[str, Any]:
    version = data.get("version")
    if not isinstance(version, int) or version > SETTINGS_VERSION:
        raise ValueError("unsupported settings version")
    while version < SETTINGS_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
    return data


class SettingsStore:
    """Reads and writes the settings file (atomically: a crash keeps the previous file)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or user_config_dir() / SETTINGS_FILE

    def load(self) -> Settings:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return Settings()
        except OSError as error:
            log.warning("settings unreadable (%s); using defaults", type(error).__name__)
            return Settings()
        try:
            loaded = json.loads(raw.decode("utf-8"))
            if not isinstance(loaded, dict):
                raise ValueError("not an object")
            return Settings.from_dict(_migrate(loaded))
        except (ValueError, UnicodeDecodeError) as error:
            log.warning("settings invalid (%s); using defaults", type(error).__name__)
            return Settings()

    def save(self, settings: Settings) -> None:
        text = json.dumps(settings.to_dict(), ensure_ascii=False, indent=2, sort_keys=True)
        try:
            atomic_write_bytes(self.path, (text + "\n").encode("utf-8"))
        except OSError as error:
            log.warning("settings not saved (%s)", type(error).__name__)
