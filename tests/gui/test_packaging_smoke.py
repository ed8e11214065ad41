"""The smoke test's checks pass on a sound installation and name what is missing otherwise.

(The whole `--smoke-test`, frozen, runs in tests/test_packaging_build.py; unfrozen in
tests/test_gui_shell.py.)
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from beian_desktop.core.resources import resource_path
from beian_desktop.gui import smoke
from beian_desktop.gui.crash import CrashReport
from beian_desktop.gui.i18n import LanguageSwitcher
from beian_desktop.gui.smoke import SmokeFailure
from beian_desktop.gui.wizard import BeianWizard


def _resources_without(tmp_path: Path, *parts: str) -> Path:
    """A copy of resources/ lacking one file, as a careless freezer would leave it."""
    copy = tmp_path / "resources"
    shutil.copytree(resource_path(), copy, ignore=shutil.ignore_patterns("samples", "*.ts"))
    (copy.joinpath(*parts)).unlink()
    return copy


def _use_resources(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    monkeypatch.setattr(smoke, "resource_path", lambda *parts: folder.joinpath(*parts))


def test_checks_pass_on_this_installation(wizard: BeianWizard, languages: LanguageSwitcher) -> None:
    assert smoke.check_rules(wizard).startswith("pack loaded=True window shown=True")
    assert smoke.check_languages(languages) == "languages zh, en"
    assert languages.language == "zh", "the smoke test leaves the language as it found it"
    assert smoke.check_fonts() == "CJK font WenQuanYi Micro Hei"
    icons = len(list(resource_path("icons").glob("*.svg")))
    assert smoke.check_icons() == f"{icons} icons"


def test_packing_the_demo_is_checked_end_to_end(wizard: BeianWizard) -> None:
    summary = smoke.check_packing(wizard)
    assert summary.startswith("demo packed and verified (")


def test_a_missing_font_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _use_resources(monkeypatch, _resources_without(tmp_path, "fonts", "wqy-microhei.ttc"))
    with pytest.raises(SmokeFailure, match=r"cannot load wqy-microhei\.ttc"):
        smoke.check_fonts()


@pytest.mark.qt_log_ignore("Cannot read file")  # Qt's own warning about the broken SVG
def test_an_icon_that_does_not_render_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _resources_without(tmp_path, "icons", "ok.svg")
    (folder / "icons" / "ok.svg").write_text("<svg", encoding="utf-8")  # cut short
    _use_resources(monkeypatch, folder)
    with pytest.raises(SmokeFailure, match=r"ok\.svg does not render"):
        smoke.check_icons()


def test_a_missing_catalogue_is_named(
    languages: LanguageSwitcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("beian_desktop.gui.i18n.catalogue_file", lambda _lang: None)
    with pytest.raises(SmokeFailure, match=r"beian_desktop_en\.qm"):
        smoke.check_languages(languages)
    assert languages.language == "zh"


def test_a_failing_step_prints_one_line_and_stops(
    wizard: BeianWizard, languages: LanguageSwitcher, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken() -> str:
        raise FileNotFoundError("[Errno 2] No such file or directory: 'sRGB.icc'\nmore")

    assert smoke._run_step("packing", broken) is None
    captured = capsys.readouterr()
    assert captured.err == (
        "smoke test failed: packing: FileNotFoundError: "
        "[Errno 2] No such file or directory: 'sRGB.icc'\n"
    )
    assert captured.out == ""


def test_an_unhandled_error_fails_the_smoke_test(
    wizard: BeianWizard, languages: LanguageSwitcher, capsys: pytest.CaptureFixture[str]
) -> None:
    crash = CrashReport(
        "ModuleNotFoundError",
        'Python: 3.11\n\nTraceback (most recent call last):\n  File "x"\n'
        "ModuleNotFoundError: No module named 'beian_desktop.gui.pages.review'\n",
    )
    assert smoke.run_smoke_test(wizard, languages, [crash]) == 1
    assert capsys.readouterr().err == (
        "smoke test failed: rules: unhandled ModuleNotFoundError: "
        "No module named 'beian_desktop.gui.pages.review'\n"
    )


def test_the_smoke_test_uses_a_throw_away_profile(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BEIAN_DESKTOP_HOME")
    with smoke.smoke_environment():
        home = Path(os.environ["BEIAN_DESKTOP_HOME"])
        assert home.is_dir()
    assert not home.exists() and "BEIAN_DESKTOP_HOME" not in os.environ
    monkeypatch.setenv("BEIAN_DESKTOP_HOME", "/given")
    with smoke.smoke_environment():
        assert os.environ["BEIAN_DESKTOP_HOME"] == "/given"


def test_waiting_gives_up_after_its_timeout(qapp: Any) -> None:
    smoke.wait_until(lambda: False, 50)  # returns instead of hanging
