"""Page 6 导出: the package is made in the pool with progress; an existing one is replaced only
when confirmed; Cancel leaves nothing; open folder / copy path go through the Dialogs seam."""

from __future__ import annotations

import json
import threading
import time
import zipfile
from pathlib import Path
from typing import Any

from support.cases import demo_case

from beian_desktop.gui.pages.export import ExportPage
from beian_desktop.gui.wizard import BeianWizard, PageId

from .helpers import LEFT, click_box, finish_button, open_case_at

WAIT_MS = 30_000


def at_export(qtbot: Any, wizard: BeianWizard, tmp_path: Path, dialogs: Any) -> ExportPage:
    case, folder = demo_case(tmp_path)
    open_case_at(wizard, case, folder, PageId.EXPORT)
    page = wizard.page_of(PageId.EXPORT)
    assert isinstance(page, ExportPage)
    dialogs.export_folders.append(tmp_path / "导出")
    qtbot.mouseClick(page.choose_button, LEFT)
    assert page.folder.text() == str(tmp_path / "导出")
    return page


def export(qtbot: Any, page: ExportPage) -> None:
    qtbot.mouseClick(page.export_button, LEFT)
    qtbot.waitUntil(lambda: not page.running, timeout=WAIT_MS)


def test_the_package_is_made_verified_and_recorded(
    qtbot: Any, wizard: BeianWizard, tmp_path: Path, dialogs: Any, cli: Any
) -> None:
    page = at_export(qtbot, wizard, tmp_path, dialogs)
    assert page.profile.currentData() == "generic" and page.flavour_buttons["2b"].isChecked()
    assert not finish_button(wizard).isEnabled()
    assert "生成材料包" in page.status.reasons()[0]

    export(qtbot, page)

    assert page.result is not None, page.outcome.text()
    zip_path = page.result.zip_path
    assert zip_path.parent == tmp_path / "导出" and zip_path.name.startswith(
        "深圳市示例科技有限公司"
    )
    verified = cli("verify", str(zip_path))
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert "3 份材料" in page.summary.text() and "已确认的注意事项：0" in page.summary.text()
    assert finish_button(wizard).isEnabled()
    case = wizard.session.case
    assert case is not None and case.history[-1].kind == "packed"
    assert wizard.settings.state.last_export_dir == str(tmp_path / "导出")

    qtbot.mouseClick(page.open_button, LEFT)
    qtbot.mouseClick(page.copy_button, LEFT)
    assert dialogs.opened_folders == [zip_path.parent] and dialogs.copied == [str(zip_path)]


def test_an_existing_package_is_replaced_only_when_confirmed(
    qtbot: Any, wizard: BeianWizard, tmp_path: Path, dialogs: Any
) -> None:
    page = at_export(qtbot, wizard, tmp_path, dialogs)
    export(qtbot, page)
    assert page.result is not None
    zip_path = page.result.zip_path
    first = zip_path.stat().st_mtime_ns

    dialogs.confirmations.append(False)
    export(qtbot, page)
    assert dialogs.questions and zip_path.name in dialogs.questions[-1][1]
    assert page.result is None and "未替换" in page.outcome.text()
    assert zip_path.stat().st_mtime_ns == first

    dialogs.confirmations.append(True)
    export(qtbot, page)
    assert page.result is not None and zip_path.stat().st_mtime_ns != first


def test_cancel_during_export_leaves_no_zip(
    qtbot: Any, wizard: BeianWizard, tmp_path: Path, dialogs: Any, monkeypatch: Any
) -> None:
    from beian_desktop.core.pipeline import convert

    converting = threading.Event()
    original = convert.to_upload_jpeg

    def slow(*args: Any, **kwargs: Any) -> Any:
        converting.set()
        time.sleep(0.2)  # the demo converts in a blink: long enough to be cancelled midway
        return original(*args, **kwargs)

    monkeypatch.setattr(convert, "to_upload_jpeg", slow)
    page = at_export(qtbot, wizard, tmp_path, dialogs)
    qtbot.mouseClick(page.export_button, LEFT)
    assert page.cancel_button.isVisible() and not page.export_button.isEnabled()
    qtbot.waitUntil(converting.is_set, timeout=WAIT_MS)  # under way: converting
    qtbot.mouseClick(page.cancel_button, LEFT)
    qtbot.waitUntil(lambda: not page.running, timeout=WAIT_MS)

    assert "已取消" in page.outcome.text() and page.result is None
    out = tmp_path / "导出"
    assert not out.exists() or list(out.iterdir()) == []
    assert not finish_button(wizard).isEnabled()


def test_profile_and_flavour_are_the_cases_choices(
    qtbot: Any, wizard: BeianWizard, tmp_path: Path, dialogs: Any
) -> None:
    page = at_export(qtbot, wizard, tmp_path, dialogs)
    page.profile.setCurrentIndex(page.profile.findData("huawei"))
    page.profile.activated.emit(page.profile.currentIndex())
    click_box(qtbot, page.flavour_buttons["1b"])
    case = wizard.session.case
    assert case is not None and (case.upload_profile, case.pdfa_flavour) == ("huawei", "1b")
    assert wizard.settings.prefs.upload_profile == "huawei"
    assert "4 MB" in page.profile_about.text()

    export(qtbot, page)

    assert page.result is not None
    with zipfile.ZipFile(page.result.zip_path) as package:
        name = next(n for n in package.namelist() if n.endswith("manifest.json"))
        manifest = json.loads(package.read(name))
    assert (manifest["upload_profile"], manifest["pdfa_flavour"]) == ("huawei", "1b")


def test_an_unwritable_output_is_reported_on_the_page_not_as_a_crash(
    qtbot: Any, wizard: BeianWizard, tmp_path: Path, dialogs: Any
) -> None:
    case, folder = demo_case(tmp_path)
    open_case_at(wizard, case, folder, PageId.EXPORT)
    page = wizard.page_of(PageId.EXPORT)
    assert isinstance(page, ExportPage)
    blocker = tmp_path / "导出"
    blocker.write_text("a file, not a folder")
    dialogs.export_folders.append(blocker / "子目录")
    qtbot.mouseClick(page.choose_button, LEFT)
    export(qtbot, page)
    assert page.result is None
    assert "输出位置不是可用的文件夹" in page.outcome.text()
    assert "另选一个输出文件夹" in page.outcome.text()
    assert blocker.read_text() == "a file, not a folder"


def test_the_export_reuses_what_the_review_inspected(
    qtbot: Any, wizard: BeianWizard, tmp_path: Path, dialogs: Any
) -> None:
    page = at_export(qtbot, wizard, tmp_path, dialogs)
    review = wizard.page_of(PageId.REVIEW)
    review.run_review()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: not review.running, timeout=WAIT_MS)  # type: ignore[attr-defined]
    cache = wizard.session.inspections
    assert len(cache) == 4 and cache.hits == 0
    export(qtbot, page)
    assert page.result is not None and cache.hits == 4


def test_a_new_rule_pack_forgets_the_remembered_inspections(
    wizard: BeianWizard, pack_choice: Any
) -> None:
    from beian_desktop.core.inspect.cache import InspectionCache

    remembered = wizard.session.inspections
    assert isinstance(remembered, InspectionCache)
    wizard.session.set_pack(pack_choice)
    assert wizard.session.inspections is not remembered
