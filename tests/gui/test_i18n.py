"""Languages: live switching, Qt's own buttons, the locale rule, and a complete catalogue."""

from __future__ import annotations

import importlib.util
import os
import shutil
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale

from beian_desktop.gui import i18n
from beian_desktop.gui.i18n import LanguageSwitcher, detect_language, ui_lang
from beian_desktop.gui.settings import SettingsStore
from beian_desktop.gui.wizard import LANGUAGE_BUTTON, BeianWizard

from .helpers import LEFT, OFFSCREEN_POPUPS, new_case, next_button, start_page, type_into

REPO = Path(__file__).resolve().parents[2]


def _build_translations() -> Any:
    spec = importlib.util.spec_from_file_location(
        "build_translations", REPO / "scripts" / "build_translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_language_button_retranslates_the_window_live(
    qtbot: Any, wizard: BeianWizard, settings_store: SettingsStore
) -> None:
    page = start_page(wizard)
    language = wizard.button(LANGUAGE_BUTTON)
    assert (page.title(), page.new_button.text()) == ("开始", "新建案卷(&C)")
    assert language.text() == "English"
    assert next_button(wizard).text() == "下一步(&N) >"  # Qt's own text, from qtbase_zh_CN

    qtbot.mouseClick(language, LEFT)

    qtbot.waitUntil(lambda: page.new_button.text() == "New &case")
    assert ui_lang() == "en" and page.title() == "Start"
    assert page.status.reasons() == ["Create a new case or open an existing one"]
    assert next_button(wizard).text() == "&Next >"
    assert language.text() == "中文"
    assert settings_store.load().prefs.language == "en"

    qtbot.mouseClick(language, LEFT)
    qtbot.waitUntil(lambda: page.new_button.text() == "新建案卷(&C)")
    assert next_button(wizard).text() == "下一步(&N) >"


@OFFSCREEN_POPUPS
def test_rule_findings_and_choices_follow_the_language(qtbot: Any, wizard: BeianWizard) -> None:
    page = new_case(qtbot, wizard)
    page.subject.setCurrentIndex(page.subject.findData("个人"))
    page.subject.activated.emit(page.subject.currentIndex())
    type_into(qtbot, page.province, "henan")
    type_into(qtbot, page.id_province, "guangdong")
    assert page.status.reasons() == ["河南管局不受理外省身份证的个人备案"]

    wizard.switch_language("en")

    qtbot.waitUntil(lambda: page.province.currentText() == "Henan")
    assert page.subject.currentText() == "Individual"
    assert page.status.reasons() == [
        "The Henan bureau refuses personal filings with an ID from another province"
    ]
    [card] = [c for c in page.findings.important_cards() if c.finding.blocking]
    assert "What to do: File in the province that issued the ID" in card.text()
    assert page.id_type.currentText() == "Resident ID card (居民身份证)"
    wizard.switch_language("zh")
    qtbot.waitUntil(lambda: page.province.currentText() == "河南")


@pytest.mark.parametrize(
    ("locale", "expected"),
    [("zh_CN", "zh"), ("zh_TW", "zh"), ("C", "zh"), ("en_US", "en"), ("de_DE", "en")],
)
def test_the_system_locale_picks_chinese_unless_clearly_not_chinese(
    locale: str, expected: str
) -> None:
    assert detect_language(QLocale(locale), ("zh", "en")) == expected
    assert detect_language(QLocale(locale), ("zh",)) == "zh"  # no English catalogue: Chinese


def test_a_saved_preference_wins_over_the_locale() -> None:
    assert i18n.choose_language("en", QLocale("zh_CN")) == "en"
    assert i18n.choose_language("zh", QLocale("en_US")) == "zh"
    assert i18n.choose_language("auto", QLocale("en_US")) == "en"


def test_every_ui_string_has_an_english_translation() -> None:
    build = _build_translations()
    [catalogue] = build.catalogues()
    assert build.check(catalogue) == []


def test_a_missing_or_stale_catalogue_is_compiled_at_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "translations"
    folder.mkdir()
    shutil.copy2(i18n.ts_file("en"), folder)
    monkeypatch.setattr(i18n, "translations_dir", lambda: folder)

    compiled = i18n.catalogue_file("en")
    assert compiled == folder / "beian_desktop_en.qm" and compiled.is_file()

    ts = folder / "beian_desktop_en.ts"
    later = time.time() + 10
    os.utime(ts, (later, later))  # the .ts changed after the .qm was built
    before = compiled.stat().st_mtime
    assert i18n.catalogue_file("en") == compiled
    assert compiled.stat().st_mtime > before


def test_without_a_catalogue_english_falls_back_to_chinese(
    qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(i18n, "translations_dir", lambda: tmp_path)
    switcher = LanguageSwitcher(qapp)
    assert switcher.apply("en") == "zh" and ui_lang() == "zh"
