"""Page 4 材料: real drops (folders, Chinese paths, unsupported and broken files) with real
background inspection; placement, the tray, moving files by drag and by menu, Next."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from support.cases import demo_case, sha256

from beian_desktop.gui.drops import TRAY, FileRef, file_mime
from beian_desktop.gui.pages.materials import MaterialsPage
from beian_desktop.gui.wizard import BeianWizard, PageId

from .helpers import LEFT, drop_files, next_button, open_case_at, send_drag

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
EMPTY_PDF = CORPUS / "pdfs" / "qpdf__fuzz-70245.fuzz.pdf"  # 0 bytes: a corpus 'reject' file
ENCRYPTED_PDF = CORPUS / "pdfs" / "pypdf__r2-user-password.pdf"
WAIT_MS = 20_000
DEMO_NAMES = {  # the demo case's files, by material and side, under the names people use
    ("subject-certificate", ""): "营业执照.jpg",
    ("id-card-principal", "front"): "身份证正面.jpg",
    ("id-card-principal", "back"): "身份证反面.jpg",
    ("commitment-guangdong", ""): "备案承诺书.jpg",
}


def demo_scans(tmp_path: Path, names: dict[tuple[str, str], str] | None = None) -> Path:
    """The demo's scans in a folder of their own, as a user keeps them."""
    case, folder = demo_case(tmp_path, "source")
    scans = tmp_path / "扫描件"
    for material, files in case.assignments.items():
        for stored in files:
            name = (names or DEMO_NAMES)[(material, stored.side)]
            target = scans / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(folder / stored.path, target)
    return scans


@pytest.fixture
def page(wizard: BeianWizard, tmp_path: Path) -> MaterialsPage:
    """The demo enterprise case without its files, on page 4."""
    case, folder = demo_case(tmp_path, "case")
    for files in case.assignments.values():
        for stored in files:
            (folder / stored.path).unlink()
    case.assignments.clear()
    open_case_at(wizard, case, folder, PageId.MATERIALS)
    found = wizard.page_of(PageId.MATERIALS)
    assert isinstance(found, MaterialsPage)
    return found


def wait_idle(qtbot: Any, page: MaterialsPage) -> None:
    qtbot.waitUntil(lambda: not page.busy(), timeout=WAIT_MS)


def placed(page: MaterialsPage) -> dict[str, list[tuple[str, str]]]:
    case = page.session.case
    assert case is not None
    return {
        material: sorted((f.original_name, f.side) for f in files)
        for material, files in case.assignments.items()
    }


def test_a_folder_with_a_chinese_subfolder_fills_every_slot(
    qtbot: Any, wizard: BeianWizard, page: MaterialsPage, tmp_path: Path
) -> None:
    scans = demo_scans(
        tmp_path, {**DEMO_NAMES, ("id-card-principal", "front"): "中文目录/身份证正面.jpg"}
    )
    (scans / "说明.docx").write_bytes(b"PK\x03\x04 not a scan")
    (scans / ".DS_Store").write_bytes(b"\x00")
    before = {p: sha256(p) for p in scans.rglob("*.jpg")}
    assert not next_button(wizard).isEnabled()
    assert "缺少：营业执照" in page.status.reasons()

    # Dropped on the page's hint label: a widget that takes no drops itself.
    assert drop_files(page.hint, [scans]) == [True, True, True]
    assert page.busy() and "正在检查" in page.status.text()  # the drop only queued work
    assert not next_button(wizard).isEnabled()
    wait_idle(qtbot, page)

    assert placed(page) == {
        "subject-certificate": [("营业执照.jpg", "")],
        "id-card-principal": [("身份证反面.jpg", "back"), ("身份证正面.jpg", "front")],
        "commitment-guangdong": [("备案承诺书.jpg", "")],
    }
    assert page.status.reasons() == [] and next_button(wizard).isEnabled()
    assert {p: sha256(p) for p in before} == before  # the originals are only read
    folder = wizard.session.folder
    assert folder is not None and len(list((folder / "files").iterdir())) == 4
    skipped = page.problem_list.texts()
    assert len(skipped) == 1 and "说明.docx" in skipped[0] and "跳过" in skipped[0]
    cards = page.slots["id-card-principal"].cards()
    assert [c.badge_texts()[:3] for c in cards] == [["300 dpi", "彩色", "1 页"]] * 2


def test_broken_files_show_why_in_both_languages_and_the_page_carries_on(
    qtbot: Any, wizard: BeianWizard, page: MaterialsPage, tmp_path: Path
) -> None:
    scans = demo_scans(tmp_path)
    gif = CORPUS / "images" / "pillow__hopper.gif"
    drop_files(wizard.button(wizard.WizardButton.NextButton), [EMPTY_PDF, ENCRYPTED_PDF, gif])
    wait_idle(qtbot, page)
    texts = page.problem_list.texts()
    assert [t.split("：")[0] for t in texts] == [EMPTY_PDF.name, ENCRYPTED_PDF.name, gif.name]
    assert "文件是空的（0 字节）" in texts[0] and "怎么办：" in texts[0]
    assert "受密码保护" in texts[1] and "不支持的文件格式：GIF" in texts[2]
    assert placed(page) == {} and not page.state.loose

    wizard.switch_language("en")
    qtbot.waitUntil(lambda: "The file is empty (0 bytes)." in page.problem_list.texts()[0])
    assert "What to do:" in page.problem_list.texts()[0]
    wizard.switch_language("zh")

    drop_files(page.tray, [scans])  # the app carries on
    wait_idle(qtbot, page)
    assert len(placed(page)) == 3 and next_button(wizard).isEnabled()
    key = page.problem_list.keys()[0]
    page.problem_list.dismissed.emit(key)
    assert len(page.problem_list.texts()) == 2


def test_unsure_files_wait_in_the_tray_until_sorted(
    qtbot: Any, wizard: BeianWizard, page: MaterialsPage, tmp_path: Path
) -> None:
    scans = demo_scans(
        tmp_path,
        {
            # Landscape A4 fits the licence and the (recommended) domain certificate: unsure.
            ("subject-certificate", ""): "scan-001.jpg",
            ("id-card-principal", "front"): "IMG_0001.jpg",  # ID-card shaped: front first
            ("id-card-principal", "back"): "IMG_0002.jpg",  # then the back
            ("commitment-guangdong", ""): "scan-002.jpg",  # portrait A4: several slots fit
        },
    )
    drop_files(page.hint, sorted(scans.iterdir()))
    wait_idle(qtbot, page)
    assert placed(page) == {
        "id-card-principal": [("IMG_0001.jpg", "front"), ("IMG_0002.jpg", "back")]
    }
    shape_notes = [c.info.note for c in page.slots["id-card-principal"].cards()]
    assert all("形状" in note for note in shape_notes)
    loose = {x.stored.original_name: x.stored for x in page.state.loose}
    assert sorted(loose) == ["scan-001.jpg", "scan-002.jpg"]
    assert page.tray.isVisible() and not next_button(wizard).isEnabled()
    assert "2 个文件尚未归类" in page.status.text()

    # Internal drag: a tray card onto the licence's slot, with the page's own MIME type.
    mime = file_mime(FileRef(TRAY, loose["scan-001.jpg"].sha256))
    target = page.slots["subject-certificate"].zones[""]
    assert send_drag(target, mime, Qt.DropAction.MoveAction) == [True, True, True]
    # The other one from its menu.
    menu = page.menu_for(FileRef(TRAY, loose["scan-002.jpg"].sha256))
    move_to = {a.text(): a for a in menu.actions()}["移到…"].menu()
    assert move_to is not None
    {a.text(): a for a in move_to.actions()}["互联网信息服务备案承诺书"].trigger()

    assert placed(page)["subject-certificate"] == [("scan-001.jpg", "")]
    assert placed(page)["commitment-guangdong"] == [("scan-002.jpg", "")]
    assert not page.tray.isVisible() and next_button(wizard).isEnabled()
    notes = [c.info.note for c in page.slots["id-card-principal"].cards()]
    assert all(notes)  # the shape guesses stay marked until the user moves them


def test_cards_move_between_sides_and_slots_by_drag_and_menu(
    qtbot: Any, wizard: BeianWizard, page: MaterialsPage, tmp_path: Path
) -> None:
    scans = demo_scans(tmp_path)
    drop_files(page.hint, [scans])
    wait_idle(qtbot, page)
    case = wizard.session.case
    assert case is not None
    front = next(f for f in case.assignments["id-card-principal"] if f.side == "front")
    back = next(f for f in case.assignments["id-card-principal"] if f.side == "back")

    # Drag the front onto the back zone: the two swap sides.
    mime = file_mime(FileRef("id-card-principal", front.sha256, "front"))
    send_drag(page.slots["id-card-principal"].zones["back"], mime, Qt.DropAction.MoveAction)
    assert (front.side, back.side) == ("back", "front")

    # Dropping a card where it already is is refused.
    same = file_mime(FileRef("id-card-principal", front.sha256, "back"))
    zone = page.slots["id-card-principal"].zones["back"]
    assert send_drag(zone, same, Qt.DropAction.MoveAction)[0] is False

    # The menu: 设为人像面 swaps back; 移到… another slot; 移除 deletes the case's copy.
    menu = page.menu_for(FileRef("id-card-principal", front.sha256, "back"))
    actions = {a.text(): a for a in menu.actions()}
    actions["设为人像面"].trigger()
    assert (front.side, back.side) == ("front", "back")
    licence = case.assignments["subject-certificate"][0]
    menu = page.menu_for(FileRef("subject-certificate", licence.sha256))
    move_to = {a.text(): a for a in menu.actions()}["移到…"].menu()
    assert move_to is not None
    targets = {a.text(): a for a in move_to.actions()}
    assert "主体负责人身份证（国徽面）" in targets
    targets["ICP备案信息真实性承诺书"].trigger()
    assert placed(page)["authenticity-commitment"] == [("营业执照.jpg", "")]
    assert "缺少：营业执照" in page.status.reasons()
    folder = wizard.session.folder
    assert folder is not None and (folder / licence.path).is_file()
    menu = page.menu_for(FileRef("authenticity-commitment", licence.sha256))
    {a.text(): a for a in menu.actions()}["移除"].trigger()
    assert "authenticity-commitment" not in case.assignments
    qtbot.waitUntil(lambda: not (folder / licence.path).exists(), timeout=WAIT_MS)


def test_the_same_file_twice_is_added_once(
    qtbot: Any, wizard: BeianWizard, page: MaterialsPage, tmp_path: Path
) -> None:
    scans = demo_scans(tmp_path)
    copy = tmp_path / "副本.jpg"
    shutil.copyfile(scans / "营业执照.jpg", copy)
    drop_files(page.hint, [scans / "营业执照.jpg"])
    wait_idle(qtbot, page)
    drop_files(page.hint, [copy])
    wait_idle(qtbot, page)
    assert placed(page) == {"subject-certificate": [("营业执照.jpg", "")]}
    assert any("副本.jpg" in t and "没有重复添加" in t for t in page.problem_list.texts())


def test_add_files_and_add_folder_use_the_pickers_and_remember_the_folder(
    qtbot: Any, wizard: BeianWizard, page: MaterialsPage, tmp_path: Path, dialogs: Any
) -> None:
    scans = demo_scans(tmp_path)
    dialogs.scan_file_picks.append([scans / "营业执照.jpg"])
    qtbot.mouseClick(page.add_files_button, LEFT)
    dialogs.scan_folders.append(scans)
    qtbot.mouseClick(page.add_folder_button, LEFT)
    wait_idle(qtbot, page)
    assert len(placed(page)) == 3
    assert wizard.settings.state.last_files_dir == str(scans)


def test_an_opened_case_shows_its_files_after_inspecting_them(
    qtbot: Any, wizard: BeianWizard, tmp_path: Path
) -> None:
    case, folder = demo_case(tmp_path)
    open_case_at(wizard, case, folder, PageId.MATERIALS)
    page = wizard.page_of(PageId.MATERIALS)
    assert isinstance(page, MaterialsPage)
    wait_idle(qtbot, page)
    cards = page.slots["subject-certificate"].cards()
    assert len(cards) == 1 and not cards[0].info.busy and cards[0].thumb.pixmap() is not None
    assert next_button(wizard).isEnabled()


def test_the_window_takes_files_only_while_the_materials_page_is_shown(
    qtbot: Any, wizard: BeianWizard, tmp_path: Path
) -> None:
    scans = demo_scans(tmp_path)
    start = wizard.page_of(PageId.START)
    assert drop_files(start, [scans])[0] is False  # the start page takes no files
    case, folder = demo_case(tmp_path, "case")
    case.assignments.clear()
    open_case_at(wizard, case, folder, PageId.DETAILS)
    assert drop_files(wizard.page_of(PageId.DETAILS), [scans])[0] is False
    wizard.next()
    page = wizard.page_of(PageId.MATERIALS)
    assert isinstance(page, MaterialsPage)
    assert drop_files(page, [scans]) == [True, True, True]
    wait_idle(qtbot, page)
    assert len(placed(page)) == 3


def test_files_the_app_was_asked_to_open_are_taken_when_the_page_shows(
    qtbot: Any, wizard: BeianWizard, tmp_path: Path
) -> None:
    scans = demo_scans(tmp_path)
    wizard.session.queue_files([scans / "营业执照.jpg"])  # e.g. "Open with" on a scan
    case, folder = demo_case(tmp_path, "case")
    case.assignments.clear()
    open_case_at(wizard, case, folder, PageId.MATERIALS)
    page = wizard.page_of(PageId.MATERIALS)
    assert isinstance(page, MaterialsPage)
    wait_idle(qtbot, page)
    assert placed(page) == {"subject-certificate": [("营业执照.jpg", "")]}
    wizard.session.queue_files([scans / "备案承诺书.jpg"])  # while the page is shown
    wait_idle(qtbot, page)
    assert "commitment-guangdong" in placed(page)
