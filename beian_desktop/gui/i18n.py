"""UI languages: Simplified Chinese is the source language; English comes from Qt Linguist.

Decisions (see also scripts/build_translations.py):

* **Chinese is the source language.** Every UI string is written in Chinese in the code
  (`self.tr("下一步")`), and `resources/translations/beian_desktop_en.ts` holds the English.
  The product is Chinese-first, so a missing or stale English catalogue degrades to the
  primary language, never to an untranslated mix. Qt Linguist handles one source language
  well; this is that one.
* **Default language.** The saved preference wins ("zh" / "en"). With "auto", a Chinese system
  locale gives Chinese, and so does an unset or "C" locale (containers, CI); only a clearly
  non-Chinese locale gives English, and only when the English catalogue is available.
* **The .qm file is built, not committed by hand.** `scripts/build_translations.py` runs
  `pyside6-lupdate` / `pyside6-lrelease`; bootstrap runs it, and the app compiles the catalogue
  at start-up when the .qm is missing or older than the .ts (a fresh checkout just works).
* **Qt's own strings.** `qtbase_zh_CN.qm` from the Qt installation translates the standard
  dialogs and context menus. QWizard translates its buttons only once, when it is built, so
  the wizard re-applies their texts itself on a language change.
* **The current language** is a property of the QApplication (the one allowed piece of global
  state), read with `ui_lang()` to pick the right half of the core's bilingual `Text`.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from beian_desktop.core.paths import user_data_dir
from beian_desktop.core.resources import resource_path

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "zh"
LANGUAGES = ("zh", "en")
LANG_PROPERTY = "beianLanguage"
CATALOGUE = "beian_desktop"
TRANSLATOR_NAME = "beian.translator"
_COMPILE_TIMEOUT_S = 30


def translations_dir() -> Path:
    return resource_path("translations")


def ts_file(lang: str) -> Path:
    return translations_dir() / f"{CATALOGUE}_{lang}.ts"


def lrelease_command() -> list[str] | None:
    """The lrelease shipped with PySide6 (no Qt SDK needed), or None in a frozen build."""
    import PySide6

    name = "lrelease.exe" if sys.platform == "win32" else "lrelease"
    tool = Path(PySide6.__file__).resolve().parent / name
    return [str(tool)] if tool.is_file() else None


def _fresh(qm: Path, ts: Path) -> bool:
    return qm.is_file() and (not ts.is_file() or qm.stat().st_mtime >= ts.stat().st_mtime)


def compile_catalogue(ts: Path, qm: Path) -> bool:
    """Run lrelease on one .ts file. Returns whether the .qm was written."""
    import subprocess  # only here: compiling is rare, and the import is not free at start-up

    command = lrelease_command()
    if command is None:
        return False
    qm.parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [*command, "-silent", str(ts), "-qm", str(qm)],
        capture_output=True,
        check=False,
        timeout=_COMPILE_TIMEOUT_S,
    )
    if result.returncode != 0:
        log.warning("lrelease failed (exit %d)", result.returncode)
    return result.returncode == 0 and qm.is_file()


def catalogue_file(lang: str) -> Path | None:
    """The compiled catalogue for `lang`, compiling it first when missing or stale."""
    if lang == SOURCE_LANGUAGE:
        return None
    ts = ts_file(lang)
    bundled = ts.with_suffix(".qm")
    if _fresh(bundled, ts):
        return bundled
    if not ts.is_file():
        return None
    writable = os.access(bundled.parent, os.W_OK)
    target = bundled if writable else user_data_dir() / "translations" / bundled.name
    if _fresh(target, ts) or compile_catalogue(ts, target):
        return target
    return bundled if bundled.is_file() else None  # stale beats nothing


def available_languages() -> tuple[str, ...]:
    """Chinese always; English when its catalogue exists (or can be built)."""
    ts = ts_file("en")
    has_english = ts.is_file() or ts.with_suffix(".qm").is_file()
    return ("zh", "en") if has_english else ("zh",)


def detect_language(locale: QLocale, available: tuple[str, ...]) -> str:
    """Chinese unless the locale is clearly non-Chinese and English is available."""
    unset = (QLocale.Language.C, QLocale.Language.AnyLanguage, QLocale.Language.Chinese)
    if locale.language() in unset:
        return "zh"
    return "en" if "en" in available else "zh"


def choose_language(preference: str, locale: QLocale | None = None) -> str:
    if preference in LANGUAGES:
        return preference
    return detect_language(locale or QLocale.system(), available_languages())


def ui_lang() -> str:
    """The language the UI is showing now: 'zh' or 'en'."""
    app = QCoreApplication.instance()
    value = app.property(LANG_PROPERTY) if app is not None else None
    return value if value in LANGUAGES else SOURCE_LANGUAGE


def plain(label: str) -> str:
    """A label without its mnemonic, for accessible names: '主体全称(&M)' -> '主体全称',
    '&Full name' -> 'Full name'."""
    return label.split("(&")[0].replace("&", "")


def separator() -> str:
    """Between items of a list in running text: "；" in Chinese, "; " in English."""
    return QCoreApplication.translate("Format", "；")


def labelled(label: str, text: str) -> str:
    """ "label：text" with the language's colon."""
    return QCoreApplication.translate("Format", "%1：%2").replace("%1", label).replace("%2", text)


class LanguageSwitcher:
    """Installs the translators for one language and swaps them live.

    Installing or removing a translator makes Qt send LanguageChange to every widget; widgets
    re-read their texts in `changeEvent`. The translators are children of the application
    with a known name, so any switcher (there is normally one) replaces all of them.
    """

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app

    @property
    def language(self) -> str:
        return ui_lang()

    def apply(self, lang: str) -> str:
        """Switch to `lang`; returns the language actually in effect."""
        catalogue = catalogue_file(lang) if lang != SOURCE_LANGUAGE else None
        if lang != SOURCE_LANGUAGE and catalogue is None:
            log.warning("no catalogue for language %s; staying with %s", lang, SOURCE_LANGUAGE)
            lang = SOURCE_LANGUAGE
        # Set first: LanguageChange handlers read it while the translators change.
        self._app.setProperty(LANG_PROPERTY, lang)
        for translator in self._app.findChildren(QTranslator, TRANSLATOR_NAME):
            self._app.removeTranslator(translator)
            translator.deleteLater()
        if lang == SOURCE_LANGUAGE:
            self._install_qt_base()
        elif catalogue is not None:
            self._install(str(catalogue))
        log.info("ui language %s", lang)
        return lang

    def _new_translator(self) -> QTranslator:
        translator = QTranslator(self._app)
        translator.setObjectName(TRANSLATOR_NAME)
        return translator

    def _install(self, path: str) -> None:
        translator = self._new_translator()
        if translator.load(path):
            self._app.installTranslator(translator)
        else:
            log.warning("could not load a translation catalogue")

    def _install_qt_base(self) -> None:
        translator = self._new_translator()
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        china = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
        if translator.load(china, "qtbase", "_", folder):
            self._app.installTranslator(translator)
        else:
            log.info("qtbase_zh_CN not found; Qt's standard buttons stay in English")
