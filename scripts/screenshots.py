#!/usr/bin/env python3
"""Screenshots of every wizard page, in Chinese and in English, with the demo case.

    python scripts/screenshots.py                  # under Xvfb (re-runs itself in xvfb-run)
    python scripts/screenshots.py --offscreen      # Qt's offscreen platform instead
    python scripts/screenshots.py --out DIR --size 1100x760

Writes docs/screenshots/<lang>-<n>-<page>.png (zh and en, pages 1-6). The app runs as users
see it: a real X11 window under Xvfb (the xcb platform plugin, system fonts such as
fonts-wqy-zenhei for Chinese), the bundled demo case (fictitious, watermarked scans), real
inspection, review and packing. Everything it writes besides the PNGs goes to a throw-away
home folder.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from beian_desktop.gui.wizard import BeianWizard

ROOT = Path(__file__).resolve().parent.parent
PAGES = ("start", "subject", "details", "materials", "review", "export")
WAIT_MS = 60_000
PNG_SMALLEST = 0  # QImage "quality" for PNG: 0 is the strongest (lossless) compression


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--size", default="1100x760", help="window size, WIDTHxHEIGHT")
    parser.add_argument("--lang", action="append", choices=("zh", "en"), help="default: both")
    parser.add_argument("--offscreen", action="store_true", help="no Xvfb: Qt's offscreen")
    return parser.parse_args(argv)


def under_xvfb(argv: list[str]) -> int | None:
    """Run this script again inside xvfb-run when there is no display; None to go on here."""
    if os.environ.get("DISPLAY") or os.environ.get("BEIAN_SCREENSHOTS_CHILD"):
        return None
    if shutil.which("xvfb-run") is None:
        sys.exit("xvfb-run not found: install xvfb (see README) or pass --offscreen")
    env = {**os.environ, "BEIAN_SCREENSHOTS_CHILD": "1", "QT_QPA_PLATFORM": "xcb"}
    command = ["xvfb-run", "-a", "-s", "-screen 0 1600x1200x24", sys.executable, *argv]
    return subprocess.run(command, env=env, check=False).returncode


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = parse_args(argv)
    if args.offscreen:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    else:
        relaunched = under_xvfb([str(Path(__file__).resolve()), *argv])
        if relaunched is not None:
            return relaunched
    width, height = (int(v) for v in args.size.lower().split("x"))
    # A fixed throw-away home: the export page shows its path, which should not change with a
    # random name on every run.
    home = Path(tempfile.gettempdir()) / "beian-screenshots"
    shutil.rmtree(home, ignore_errors=True)
    sys.path.insert(0, str(ROOT))
    try:
        written = take_all(home, args.out, args.lang or ["zh", "en"], (width, height))
    finally:
        shutil.rmtree(home, ignore_errors=True)
    for path in written:
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


def take_all(home: Path, out: Path, langs: list[str], size: tuple[int, int]) -> list[Path]:
    from PySide6.QtWidgets import QApplication

    from beian_desktop.gui.app import create_application
    from beian_desktop.gui.i18n import LanguageSwitcher

    app = QApplication.instance() or create_application([])
    languages = LanguageSwitcher(app)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for lang in langs:
        os.environ["BEIAN_DESKTOP_HOME"] = str(home / lang)  # each language its own profile
        languages.apply(lang)
        written += Shooter(home / lang, out, lang, size, languages).run()
    languages.apply("zh")
    return written


class Shooter:
    """Walks one wizard through the demo case and grabs each page."""

    def __init__(
        self, home: Path, out: Path, lang: str, size: tuple[int, int], languages: Any
    ) -> None:
        self.home, self.out, self.lang, self.size = home, out, lang, size
        self.languages = languages
        self.written: list[Path] = []

    def run(self) -> list[Path]:
        from beian_desktop.core.case import load_case
        from beian_desktop.core.rules.selection import choose_pack
        from beian_desktop.gui.pages.start import StartPage
        from beian_desktop.gui.settings import SettingsStore
        from beian_desktop.gui.wizard import BeianWizard, PageId

        wizard = BeianWizard(
            pack=choose_pack(),
            settings_store=SettingsStore(self.home / "settings.json"),
            languages=self.languages,
            dialogs=QuietDialogs(self.home / "文档" / "备案材料"),
        )
        wizard.resize(*self.size)
        wizard.show()
        wizard.build_pages()
        folder = self._demo_case_folder()
        start = wizard.page_of(PageId.START)
        assert isinstance(start, StartPage)
        start.load_recent()  # the demo case is listed under 最近的案卷
        settle(lambda: start.recent.topLevelItemCount() > 0)
        self._shoot(wizard, 1)
        wizard.session.open_case(*load_case(folder))
        for number, page_id in enumerate(list(PageId)[1:], start=2):
            wizard.next()
            prepare(wizard, page_id)
            self._shoot(wizard, number)
        wizard.close()
        return self.written

    def _demo_case_folder(self) -> Path:
        """The bundled demo case, copied into this profile's cases."""
        from beian_desktop.core.case.store import cases_root
        from beian_desktop.core.resources import resource_path

        folder = cases_root() / "demo"
        shutil.copytree(resource_path("samples", "demo"), folder)
        return folder

    def _shoot(self, wizard: QWidget, number: int) -> None:
        path = self.out / f"{self.lang}-{number}-{PAGES[number - 1]}.png"
        if not wizard.grab().save(str(path), "PNG", PNG_SMALLEST):
            raise SystemExit(f"could not write {path}")
        self.written.append(path)


def prepare(wizard: BeianWizard, page_id: int) -> None:
    """Bring a page to the state worth showing: files inspected, the review done with its
    notes unfolded, the package made."""
    from beian_desktop.gui.pages.export import ExportPage
    from beian_desktop.gui.pages.materials import MaterialsPage
    from beian_desktop.gui.pages.review import ReviewPage
    from beian_desktop.gui.wizard import PageId

    page = wizard.page_of(PageId(page_id))
    if isinstance(page, MaterialsPage):
        settle(lambda: not page.busy())
    elif isinstance(page, ReviewPage):
        settle(lambda: page.result is not None)
        page.show_advice.setChecked(True)
    elif isinstance(page, ExportPage):
        page.choose_folder()
        page.export()
        settle(lambda: page.result is not None)
    settle(lambda: True)


def settle(done: Callable[[], bool]) -> None:
    """Process events until `done()` (or a minute), then a little more for the layouts and
    repaints the last events asked for."""
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + WAIT_MS / 1000
    while time.monotonic() < deadline:
        QApplication.processEvents()
        if done():
            break
        time.sleep(0.01)
    for _ in range(5):
        QApplication.processEvents()
        time.sleep(0.02)


class QuietDialogs:
    """No modal dialogs and no desktop side effects while taking screenshots."""

    def __init__(self, export_folder: Path) -> None:
        self.export_folder_path = export_folder

    def open_case_file(self, start: str) -> Path | None:
        return None

    def rule_pack_file(self, start: str) -> Path | None:
        return None

    def scan_files(self, start: str) -> list[Path]:
        return []

    def scan_folder(self, start: str) -> Path | None:
        return None

    def export_folder(self, start: str) -> Path | None:
        return self.export_folder_path

    def warn(self, title: str, text: str) -> None:
        print(f"warning: {title}: {text}", file=sys.stderr)

    def inform(self, title: str, text: str) -> None:
        pass

    def confirm(self, title: str, text: str) -> bool:
        return True

    def open_folder(self, folder: Path) -> None:
        pass

    def copy_text(self, text: str) -> None:
        pass


if __name__ == "__main__":
    sys.exit(main())
