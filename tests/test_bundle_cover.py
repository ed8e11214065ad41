"""The cover sheet: valid PDF/A (2b and 1b), Chinese text embedded and extractable, stable bytes."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pikepdf import pdfa
from pypdf import PdfReader
from support.pdfbox import preflight_1b

from beian_desktop.core.bundle.cover import printable, write_cover_sheet
from beian_desktop.core.bundle.manifest import Manifest, PackagedFile, PackagedMaterial


def _manifest(materials: int = 3) -> Manifest:
    return Manifest(
        subject_name="深圳市示例科技有限公司",
        subject_type="企业",
        filing_type="首次备案",
        province_code="44",
        province_name="广东",
        created="2026-11-27",
        app_version="0.1.0",
        rule_pack_version="2026.11.27",
        rule_pack_date="2026-11-27",
        upload_profile="generic",
        pdfa_flavour="2b",
        websites=[{"name": "示例科技官网", "domain": "example.com"}],
        materials=[
            PackagedMaterial(
                id=f"m{i}",
                name=f"材料{i}号“引号”—破折",
                name_en=f"Material {i}",
                level="mandatory",
                rules=[f"rule.{i}"],
                reasons=["单位备案须提交主体证件"],
                accepted_warnings=["扫描件偏暗"] if i == 0 else [],
                files=[
                    PackagedFile(
                        path=f"上传/文件{i}.jpg",
                        role="upload",
                        sha256=f"{i:064x}",
                        size=10,
                        effective_dpi=300.0,
                    )
                ],
            )
            for i in range(materials)
        ],
    )


@pytest.mark.parametrize("flavour", ["2b", "1b"])
def test_cover_sheet_is_valid_pdfa(tmp_path: Path, flavour: str) -> None:
    target = write_cover_sheet(_manifest(), tmp_path / "材料清单.pdf", flavour=flavour)
    assert pdfa.validate_written(target, flavour).passed
    data = target.read_bytes()
    assert data.startswith(b"%PDF-1.") and data.rstrip(b"\r\n").endswith(b"%%EOF")
    with pikepdf.open(target) as pdf:
        fonts = [f for page in pdf.pages for f in page.Resources.Font.values()]
        assert fonts and all("/FontFile2" in f.FontDescriptor for f in fonts)
        assert pdf.open_metadata().pdfa_status == flavour.upper()
    if flavour == "1b":
        valid, report = preflight_1b(target)
        assert valid, report


def test_cover_sheet_text_is_chinese_and_complete(tmp_path: Path) -> None:
    target = write_cover_sheet(_manifest(), tmp_path / "c.pdf")
    text = "".join(page.extract_text() for page in PdfReader(target).pages)
    for expected in (
        "备案材料清单",
        "深圳市示例科技有限公司",
        "首次备案",
        "广东",
        "材料0号",
        "扫描件偏暗",
        "rule.1",
        f"{2:064x}"[:32],
    ):
        assert expected in text.replace("\n", ""), expected


def test_cover_sheet_bytes_are_stable(tmp_path: Path) -> None:
    first = write_cover_sheet(_manifest(), tmp_path / "a.pdf").read_bytes()
    second = write_cover_sheet(_manifest(), tmp_path / "b.pdf").read_bytes()
    assert first == second


def test_long_lists_flow_onto_more_pages(tmp_path: Path) -> None:
    target = write_cover_sheet(_manifest(materials=40), tmp_path / "long.pdf", flavour="1b")
    assert len(PdfReader(target).pages) > 1
    assert pdfa.validate_written(target, "1b").passed


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("𠮷野家餐饮管理（上海）有限公司", "〓野家餐饮管理（上海）有限公司"),  # CJK Ext-B
        ("深圳市😀科技有限公司", "深圳市〓科技有限公司"),  # emoji
        ("深圳市\u202e示例科技有限公司", "深圳市〓示例科技有限公司"),  # right-to-left override
    ],
)
def test_characters_the_font_lacks_are_marked_not_dropped(
    tmp_path: Path, name: str, shown: str
) -> None:
    """reportlab silently leaves out what the font cannot draw: a company name would be
    misspelt on the record. The stand-in is visible and the footnote says where to look."""
    manifest = _manifest(materials=1)
    manifest.subject_name = name
    target = write_cover_sheet(manifest, tmp_path / "c.pdf")
    assert pdfa.validate_written(target, "2b").passed
    text = "".join(page.extract_text() for page in PdfReader(target).pages)
    text = text.replace("\n", "").replace(" ", "")
    assert shown in text
    assert "原文见manifest.json" in text


def test_the_footnote_stays_short_when_every_character_is_drawn(tmp_path: Path) -> None:
    target = write_cover_sheet(_manifest(materials=1), tmp_path / "c.pdf")
    text = "".join(page.extract_text() for page in PdfReader(target).pages)
    assert "〓" not in text and "原文见" not in text


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    name=st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=40)
)
def test_any_name_gives_a_valid_sheet_that_shows_every_character_or_its_stand_in(
    tmp_path: Path, name: str
) -> None:
    manifest = _manifest(materials=1)
    manifest.subject_name = name
    manifest.materials[0].name = name
    target = write_cover_sheet(manifest, tmp_path / "c.pdf")
    assert pdfa.validate_written(target, "2b").passed
    shown = printable(name)
    assert len(shown) == len(name)
    assert printable(shown) == shown  # nothing left that the font cannot draw
    text = _pdfium_text(target)
    assert "".join(shown.split()) in "".join(text.split())


def _pdfium_text(path: Path) -> str:
    """The text as a reader extracts it (pypdf and PDFium differ on unusual characters)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    try:
        return "".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()
