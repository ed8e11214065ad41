"""Page 1 开始: new case, recent cases, opening case files, the rule pack and its imports."""

from __future__ import annotations

import os
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from beian_desktop.core.case import Case, save_case
from beian_desktop.core.case.store import cases_root
from beian_desktop.core.resources import resource_path
from beian_desktop.gui.pages.start import StartPage
from beian_desktop.gui.wizard import BeianWizard, PageId

from .conftest import FakeDialogs
from .helpers import LEFT, next_button, start_page


def _saved_case(name: str, province: str, mtime: float, folder: Path | None = None) -> Path:
    case = Case()
    case.subject.type = "企业"
    case.subject.full_name = name
    case.province = province
    case.filing_type = "新增网站"
    target = folder or cases_root() / case.id
    target.mkdir(parents=True)
    os.utime(save_case(case, target), (mtime, mtime))
    return target


def _two_recent_cases(
    qtbot: Any, make_wizard: Callable[..., BeianWizard]
) -> tuple[BeianWizard, StartPage]:
    """A wizard whose start page lists 乙 (newer, Beijing) above 甲 (older, Guangdong)."""
    _saved_case("甲科技有限公司", "44", 1_700_000_000)
    _saved_case("乙科技有限公司", "11", 1_800_000_000)
    wizard = make_wizard()
    page = start_page(wizard)
    qtbot.waitUntil(lambda: page.recent.topLevelItemCount() == 2)
    return wizard, page


def test_recent_cases_show_what_they_are_and_open_with_enter(
    qtbot: Any, make_wizard: Callable[..., BeianWizard]
) -> None:
    wizard, page = _two_recent_cases(qtbot, make_wizard)

    rows = [
        [page.recent.topLevelItem(i).text(c) for c in range(4)]  # type: ignore[union-attr]
        for i in range(2)
    ]
    assert [r[:3] for r in rows] == [
        ["乙科技有限公司", "新增网站", "北京"],
        ["甲科技有限公司", "新增网站", "广东"],
    ]
    assert rows[0][3].startswith("2027-01-15")  # last modified, newest first

    page.recent.setFocus()
    qtbot.keyClick(page.recent, Qt.Key.Key_Down)
    qtbot.keyClick(page.recent, Qt.Key.Key_Return)

    qtbot.waitUntil(lambda: wizard.currentId() == PageId.SUBJECT)
    case = wizard.session.case
    assert case is not None and case.subject.full_name == "甲科技有限公司"
    assert "甲科技有限公司" in wizard.windowTitle()


def test_next_opens_the_selected_recent_case(
    qtbot: Any, make_wizard: Callable[..., BeianWizard]
) -> None:
    wizard, page = _two_recent_cases(qtbot, make_wizard)

    # The newest case is selected: Next says what it will open, and opens it.
    assert next_button(wizard).isEnabled()
    assert page.current.isVisibleTo(page)
    assert "乙科技有限公司" in page.current.label.text()
    page.recent.setCurrentItem(page.recent.topLevelItem(1))
    assert "甲科技有限公司" in page.current.label.text()

    qtbot.mouseClick(next_button(wizard), LEFT)

    qtbot.waitUntil(lambda: wizard.currentId() == PageId.SUBJECT)
    case = wizard.session.case
    assert case is not None and case.subject.full_name == "甲科技有限公司"


def test_without_a_case_or_a_selection_next_is_disabled_and_says_why(
    qtbot: Any, make_wizard: Callable[..., BeianWizard]
) -> None:
    _saved_case("甲科技有限公司", "44", 1_700_000_000)
    wizard = make_wizard()
    page = start_page(wizard)
    qtbot.waitUntil(lambda: page.recent.topLevelItemCount() == 1)

    page.recent.setCurrentItem(None)  # type: ignore[arg-type]

    assert not next_button(wizard).isEnabled()
    assert page.status.reasons() == ["请新建案卷，或打开一个已有的案卷"]
    assert not page.current.isVisibleTo(page)


def test_a_damaged_case_file_gives_a_message_not_a_crash(
    qtbot: Any, wizard: BeianWizard, dialogs: FakeDialogs, tmp_path: Path
) -> None:
    broken = tmp_path / "elsewhere" / "case.json"
    broken.parent.mkdir()
    broken.write_text('{"schema_version": 1, "subject": ', encoding="utf-8")
    dialogs.case_files.append(broken)

    qtbot.mouseClick(start_page(wizard).open_button, LEFT)

    qtbot.waitUntil(lambda: bool(dialogs.warnings))
    title, text = dialogs.warnings[0]
    assert title == "无法打开案卷" and "不是有效的 JSON" in text
    assert wizard.currentId() == PageId.START and not wizard.session.has_case
    assert wizard.settings.state.last_case_dir == str(broken.parent)


def test_a_case_opened_from_elsewhere_is_remembered(
    qtbot: Any, wizard: BeianWizard, dialogs: FakeDialogs, tmp_path: Path
) -> None:
    folder = _saved_case("丙科技有限公司", "41", 1_750_000_000, tmp_path / "usb" / "丙")
    dialogs.case_files.append(folder / "case.json")
    qtbot.mouseClick(start_page(wizard).open_button, LEFT)
    qtbot.waitUntil(lambda: wizard.currentId() == PageId.SUBJECT)
    assert wizard.session.folder == folder
    assert wizard.settings.state.recent_cases == [str(folder)]


def test_the_rule_pack_version_date_and_ignored_imports_are_shown(
    qtbot: Any, make_wizard: Callable[..., BeianWizard], home: Path
) -> None:
    rules = home / "data" / "rules"
    rules.mkdir(parents=True)
    (rules / "rules-broken.toml").write_text("[pack]\nversion = 1\n", encoding="utf-8")
    wizard = make_wizard(pack=None)  # loaded in the pool, as the app does
    page = start_page(wizard)
    qtbot.waitUntil(lambda: wizard.session.ready)

    assert page.pack_label.text() == "内置规则包，版本 2026.11.27，规则核对日期 2026-11-27。"
    [(kind, text)] = page.pack_problems.messages()
    assert kind == "warning" and text.startswith("已忽略一个导入的规则包：规则包有误：")
    assert "rules-broken.toml" in text


def test_importing_a_newer_rule_pack_puts_it_in_use(
    qtbot: Any, wizard: BeianWizard, dialogs: FakeDialogs, tmp_path: Path
) -> None:
    source = tmp_path / "pack"
    shutil.copytree(resource_path("rules"), source)
    pack_toml = source / "pack.toml"
    text = pack_toml.read_text(encoding="utf-8")
    pack_toml.write_text(
        text.replace('date = "2026-11-27"', 'date = "2027-03-01"').replace(
            'version = "2026.11.27"', 'version = "2027.03.01"'
        ),
        encoding="utf-8",
    )
    newer = tmp_path / "rules-2027.zip"
    with zipfile.ZipFile(newer, "w") as archive:
        for path in sorted(source.rglob("*.toml")):
            archive.write(path, path.relative_to(source).as_posix())
    dialogs.pack_files.append(newer)

    qtbot.mouseClick(start_page(wizard).import_button, LEFT)

    qtbot.waitUntil(lambda: bool(dialogs.infos))
    assert "现在使用它" in dialogs.infos[0][1]
    assert wizard.session.pack is not None and wizard.session.pack.info.date == "2027-03-01"
    assert "2027-03-01" in start_page(wizard).pack_label.text()


def test_new_case_goes_straight_to_page_2(qtbot: Any, wizard: BeianWizard) -> None:
    qtbot.mouseClick(start_page(wizard).new_button, LEFT)
    assert wizard.currentId() == PageId.SUBJECT
    assert wizard.session.case is not None and wizard.session.folder is not None
    assert not wizard.session.folder.exists()  # created by the first autosave, not before
    qtbot.mouseClick(wizard.button(wizard.WizardButton.BackButton), LEFT)
    page = start_page(wizard)
    assert next_button(wizard).isEnabled()
    assert "新案卷（尚未填写主体名称）" in page.current.text()
