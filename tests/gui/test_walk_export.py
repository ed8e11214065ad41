"""The acceptance walks: from the start page to an exported package that `beian-desktop verify`
accepts, for an enterprise and for an individual, as a person does it — typing on pages 2-3,
real drops on page 4 (a folder, a Chinese path, an unsupported and a broken file), real
background work (inspection, review, packing in the pool)."""

from __future__ import annotations

import datetime as dt
import shutil
import zipfile
from pathlib import Path
from typing import Any

from support.cases import demo_case
from support.synth import Synth

from beian_desktop.gui.pages.export import ExportPage
from beian_desktop.gui.pages.materials import MaterialsPage
from beian_desktop.gui.pages.review import ReviewPage
from beian_desktop.gui.wizard import BeianWizard, PageId

from .helpers import (
    LEFT,
    OFFSCREEN_POPUPS,
    click_box,
    click_next,
    details_page,
    drop_files,
    fill,
    fill_demo_enterprise,
    finish_button,
    new_case,
    pick,
    type_into,
)
from .test_materials_page import CORPUS, EMPTY_PDF, ENCRYPTED_PDF

pytestmark = OFFSCREEN_POPUPS
WAIT_MS = 30_000
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def resident_id(region: str, birth: str, sequence: str) -> str:
    """A checksum-valid (fictitious) resident ID number (GB 11643: ISO 7064 MOD 11-2)."""
    body = f"{region}{birth}{sequence}"
    total = sum(int(digit) * weight for digit, weight in zip(body, ID_WEIGHTS, strict=True))
    return body + "10X98765432"[total % 11]


def demo_scans(tmp_path: Path) -> dict[tuple[str, str], Path]:
    """The demo case's (fictitious, watermarked) scans, by material and side."""
    case, folder = demo_case(tmp_path, "demo-source")
    return {(m, f.side): folder / f.path for m, files in case.assignments.items() for f in files}


def walk_materials(qtbot: Any, wizard: BeianWizard, drops: list[Path]) -> MaterialsPage:
    assert wizard.currentId() == PageId.MATERIALS
    page = wizard.page_of(PageId.MATERIALS)
    assert isinstance(page, MaterialsPage)
    assert drop_files(page.add_files_button, drops) == [True, True, True]
    qtbot.waitUntil(lambda: not page.busy(), timeout=WAIT_MS)
    return page


def walk_review_and_export(qtbot: Any, wizard: BeianWizard, out: Path, dialogs: Any) -> Path:
    click_next(qtbot, wizard)
    review = wizard.page_of(PageId.REVIEW)
    assert isinstance(review, ReviewPage)
    qtbot.waitUntil(lambda: review.result is not None, timeout=WAIT_MS)
    assert review.result is not None and not review.result.blocking, review.status.reasons()
    for row in review.rows():
        if row.acknowledge.isVisible():
            click_box(qtbot, row.acknowledge)
    click_next(qtbot, wizard)
    export = wizard.page_of(PageId.EXPORT)
    assert isinstance(export, ExportPage)
    dialogs.export_folders.append(out)
    qtbot.mouseClick(export.choose_button, LEFT)
    qtbot.mouseClick(export.export_button, LEFT)
    qtbot.waitUntil(lambda: not export.running, timeout=WAIT_MS)
    assert export.result is not None, export.outcome.text()
    assert finish_button(wizard).isEnabled()
    return export.result.zip_path


def entries(zip_path: Path) -> set[str]:
    with zipfile.ZipFile(zip_path) as package:
        return {name.split("/", 1)[1] for name in package.namelist() if not name.endswith("/")}


def test_an_enterprise_goes_from_the_start_page_to_a_verified_package(
    qtbot: Any, wizard: BeianWizard, tmp_path: Path, dialogs: Any, cli: Any
) -> None:
    subject = new_case(qtbot, wizard)
    pick(qtbot, subject.subject, "企业")
    type_into(qtbot, subject.province, "guangdong")
    for question in ("icp_owner_is_principal", "principal_is_legal_rep"):
        qtbot.mouseClick(subject.questions.items[question].yes, LEFT)
    click_next(qtbot, wizard)
    details = details_page(wizard)
    fill_demo_enterprise(qtbot, details)
    click_next(qtbot, wizard)

    demo = demo_scans(tmp_path)
    scans = tmp_path / "我的扫描件"
    (scans / "中文目录").mkdir(parents=True)
    shutil.copyfile(demo["subject-certificate", ""], scans / "营业执照.jpg")
    shutil.copyfile(demo["id-card-principal", "front"], scans / "中文目录" / "身份证正面.jpg")
    shutil.copyfile(demo["id-card-principal", "back"], scans / "身份证反面.jpg")
    shutil.copyfile(demo["commitment-guangdong", ""], scans / "备案承诺书.jpg")
    (scans / "委托说明.docx").write_bytes(b"PK\x03\x04 not a scan")
    page = walk_materials(qtbot, wizard, [scans, EMPTY_PDF])
    problems = page.problem_list.texts()
    assert any("委托说明.docx" in text for text in problems)
    assert any(EMPTY_PDF.name in text and "文件是空的" in text for text in problems)

    zip_path = walk_review_and_export(qtbot, wizard, tmp_path / "导出", dialogs)

    day = dt.date.today().strftime("%Y%m%d")
    assert zip_path.name == f"深圳市示例科技有限公司-首次备案-备案材料-{day}.zip"
    prefix = "深圳市示例科技有限公司-首次备案-"
    assert entries(zip_path) == {
        "manifest.json",
        "材料清单.pdf",
        f"上传/{prefix}营业执照.jpg",
        f"上传/{prefix}主体负责人身份证（人像面）.jpg",
        f"上传/{prefix}主体负责人身份证（国徽面）.jpg",
        f"上传/{prefix}互联网信息服务备案承诺书.jpg",
        f"存档/{prefix}营业执照.pdf",
        f"存档/{prefix}主体负责人身份证.pdf",
        f"存档/{prefix}互联网信息服务备案承诺书.pdf",
    }
    verified = cli("verify", str(zip_path))
    assert verified.returncode == 0, verified.stdout + verified.stderr


def test_an_individual_goes_from_the_start_page_to_a_verified_package(
    qtbot: Any, wizard: BeianWizard, tmp_path: Path, dialogs: Any, cli: Any, synth: Synth
) -> None:
    number = resident_id("110105", "19900307", "123")  # 北京市朝阳区: a fictitious person
    subject = new_case(qtbot, wizard)
    pick(qtbot, subject.subject, "个人")
    type_into(qtbot, subject.province, "北京")
    type_into(qtbot, subject.id_province, "北京")
    click_next(qtbot, wizard)
    person = details_page(wizard).principal_form
    fill(qtbot, person.name, "李示例")
    fill(qtbot, person.id_number, number)
    qtbot.mouseClick(person.valid_until.long_term, LEFT)
    fill(qtbot, person.phone, "13900000002")
    fill(qtbot, person.email, "li@example.com")
    websites = details_page(wizard).websites
    qtbot.mouseClick(websites.add_button, LEFT)
    fill(qtbot, websites.rows[0].name, "李示例的读书笔记")
    fill(qtbot, websites.rows[0].domain, "lishili.cn")
    fill(qtbot, websites.rows[0].remark, "个人读书笔记，无评论功能")
    click_next(qtbot, wizard)

    # No keyword in the ID pictures' names: their shape places them, the first on the front.
    demo = demo_scans(tmp_path)
    drops = tmp_path / "手机导出"
    drops.mkdir()
    shutil.copyfile(demo["id-card-principal", "front"], drops / "IMG_0001.jpg")
    shutil.copyfile(demo["id-card-principal", "back"], drops / "IMG_0002.jpg")
    domain = drops / "域名证书.jpg"
    shutil.copyfile(synth.scan("a4", 200, seal=True), domain)
    gif = CORPUS / "images" / "pillow__hopper.gif"
    page = walk_materials(qtbot, wizard, [drops, gif, ENCRYPTED_PDF])
    case = wizard.session.case
    assert case is not None
    placed = {
        m: sorted((f.original_name, f.side) for f in fs) for m, fs in case.assignments.items()
    }
    assert placed == {
        "id-card-principal": [("IMG_0001.jpg", "front"), ("IMG_0002.jpg", "back")],
        "domain-certificate": [("域名证书.jpg", "")],
    }
    problems = page.problem_list.texts()
    assert any("不支持的文件格式：GIF" in text for text in problems)
    assert any("受密码保护" in text for text in problems)
    assert page.slots["id-card-principal"].view is not None
    assert page.slots["id-card-principal"].view.title == "备案人身份证"

    zip_path = walk_review_and_export(qtbot, wizard, tmp_path / "导出", dialogs)

    day = dt.date.today().strftime("%Y%m%d")
    assert zip_path.name == f"李示例-首次备案-备案材料-{day}.zip"
    prefix = "李示例-首次备案-"
    assert entries(zip_path) == {
        "manifest.json",
        "材料清单.pdf",
        f"上传/{prefix}备案人身份证（人像面）.jpg",
        f"上传/{prefix}备案人身份证（国徽面）.jpg",
        f"上传/{prefix}域名证书.jpg",
        f"存档/{prefix}备案人身份证.pdf",
        f"存档/{prefix}域名证书.pdf",
    }
    verified = cli("verify", str(zip_path))
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert case.subject.certificate_number == number and case.history[-1].kind == "packed"
