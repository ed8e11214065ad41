"""Settings: a JSON file apart from the cases; round trip, bad files, window geometry."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from beian_desktop.core.case.store import cases_root
from beian_desktop.core.paths import user_config_dir
from beian_desktop.gui.settings import Preferences, Settings, SettingsStore, UiState
from beian_desktop.gui.wizard import BeianWizard


def test_settings_round_trip(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.json")
    settings = Settings(
        Preferences(language="en", upload_profile="aliyun"),
        UiState(last_case_dir="/data/案卷", window_geometry="AQID", recent_cases=["/a", "/b"]),
    )
    store.save(settings)
    assert store.load() == settings
    assert json.loads(store.path.read_text(encoding="utf-8"))["version"] == 1


def test_settings_live_apart_from_case_data(home: Path) -> None:
    store = SettingsStore()
    assert store.path.parent == user_config_dir()
    assert cases_root() not in store.path.parents


def test_a_missing_damaged_or_strange_file_gives_defaults(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path / "settings.json")
    assert store.load() == Settings()
    store.path.write_text("{ not json", encoding="utf-8")
    assert store.load() == Settings()
    store.path.write_text(json.dumps({"version": 99}), encoding="utf-8")
    assert store.load() == Settings()  # from a newer app: not guessed at
    store.path.write_text(
        json.dumps(
            {
                "version": 1,
                "prefs": {"language": "fr", "upload_profile": 7, "unknown": True},
                "state": {"recent_cases": ["/ok", 3], "last_case_dir": "/x"},
            }
        ),
        encoding="utf-8",
    )
    loaded = store.load()
    assert loaded.prefs == Preferences()  # bad values fall back one by one
    assert loaded.state.recent_cases == ["/ok"] and loaded.state.last_case_dir == "/x"


def test_recent_cases_are_kept_newest_first_without_duplicates() -> None:
    state = UiState()
    for folder in ("/a", "/b", "/a"):
        state.remember_case(Path(folder))
    assert state.recent_cases == ["/a", "/b"]


def test_window_geometry_is_restored(
    qtbot: Any, make_wizard: Callable[..., BeianWizard], settings_store: SettingsStore
) -> None:
    first = make_wizard()
    first.resize(701, 555)  # inside the offscreen screen (800 x 800)
    first.close()
    saved = settings_store.load()
    assert saved.state.window_geometry

    second = make_wizard(settings=None)
    assert (second.width(), second.height()) == (701, 555)
