"""材料清单.pdf: the package's cover sheet, a PDF/A page in Chinese with an embedded CJK font.

reportlab draws it with WenQuanYi Micro Hei (a TrueType font, embedded as a subset); pikepdf's
PDF/A writer adds the OutputIntent and XMP, and validates what it wrote. Two reportlab
habits would break PDF/A and are avoided (reference/pdfa.md §5): the default Helvetica in each
page's preamble (we pass initialFontName) and the empty /Trans on each page (deleted).
"""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

import pikepdf
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from beian_desktop.core.bundle.manifest import Manifest, PackagedMaterial
from beian_desktop.core.pdfa.save import save_pdfa
from beian_desktop.core.resources import resource_path

FONT_NAME = "WenQuanYiMicroHei"
_HEADING_FILL = colors.HexColor("#EEF2F7")
_LEVEL_LABEL = {
    "mandatory": "必需",
    "conditional": "视情况",
    "recommended": "建议",
    "extra": "附加",
}


# Drawn for a character the font lacks (rare 生僻字 of CJK Extension B such as 𠮷, emoji,
# invisible format characters): the customary CJK stand-in for a missing glyph. Without it
# reportlab silently drops the character, and the sheet would misspell a name.
MISSING_GLYPH = "〓"


@lru_cache(maxsize=1)
def _register_font() -> str:
    font_file = resource_path("fonts", "wqy-microhei.ttc")
    pdfmetrics.registerFont(TTFont(FONT_NAME, str(font_file), subfontIndex=0))
    return FONT_NAME


@lru_cache(maxsize=1)
def _drawable() -> frozenset[int]:
    """The code points the embedded font has glyphs for."""
    font = pdfmetrics.getFont(_register_font())
    return frozenset(font.face.charToGlyph)


def printable(text: str) -> str:
    """`text` with every character the font cannot draw (or that draws nothing: controls,
    format characters such as RLO, unassigned code points) replaced by MISSING_GLYPH."""
    unfit = {c for c in set(text) if not _drawn(c)}  # each distinct character judged once
    if not unfit:
        return text
    return "".join(MISSING_GLYPH if c in unfit else c for c in text)


def _drawn(char: str) -> bool:
    return char == "\n" or (ord(char) in _drawable() and unicodedata.category(char)[0] != "C")


def _styles() -> dict[str, ParagraphStyle]:
    font = _register_font()
    base = ParagraphStyle("base", fontName=font, fontSize=8.5, leading=11, wordWrap="CJK")
    return {
        "base": base,
        "title": ParagraphStyle(
            "title", parent=base, fontSize=17, leading=22, alignment=TA_CENTER, spaceAfter=4 * mm
        ),
        "small": ParagraphStyle("small", parent=base, fontSize=6.5, leading=8.5),
        "head": ParagraphStyle(
            "head", parent=base, fontSize=8.5, leading=11, textColor=colors.white
        ),
    }


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(printable(text)).replace("\n", "<br/>"), style)


def _summary(manifest: Manifest, styles: dict[str, ParagraphStyle]) -> Table:
    sites = "；".join(f"{w.get('name', '')}（{w.get('domain', '')}）" for w in manifest.websites)
    rows = [
        ("主体全称", manifest.subject_name),
        ("主办单位性质", manifest.subject_type),
        ("办理项", manifest.filing_type),
        ("备案省份", manifest.province_name),
        ("网站", sites or "—"),
        ("生成日期", manifest.created),
        ("规则包", f"{manifest.rule_pack_version}（{manifest.rule_pack_date}）"),
        (
            "上传规格 / 存档格式",
            f"{manifest.upload_profile} / PDF/A-{manifest.pdfa_flavour.upper()}",
        ),
        ("生成程序", f"备案材料助手 Beian Desktop {manifest.app_version}"),
    ]
    table = Table(
        [[_p(k, styles["base"]), _p(v, styles["base"])] for k, v in rows],
        colWidths=[38 * mm, 142 * mm],
    )
    table.setStyle(
        TableStyle(
            [
                (
                    "FONT",
                    (0, 0),
                    (-1, -1),
                    FONT_NAME,
                ),  # else cells select the non-embedded Helvetica
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#EEF2F7")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def _material_heading(material: PackagedMaterial) -> str:
    level = _LEVEL_LABEL.get(material.level, material.level)
    why = "；".join(material.reasons) or "不在本次备案的材料清单中，由申请人附加提交"
    text = f"{material.name}（{level}）\n依据：{why}"
    if material.rules:
        text += f"\n规则：{'、'.join(material.rules)}"
    if material.accepted_warnings:
        text += f"\n已确认的提示：{'；'.join(material.accepted_warnings)}"
    return text


def _materials(manifest: Manifest, styles: dict[str, ParagraphStyle]) -> Table:
    """One heading row per material (spanning the table), then one row per file. Every row
    stands alone, so a long list breaks across pages wherever it must."""
    header = [_p(t, styles["head"]) for t in ("文件", "页", "DPI", "SHA-256")]
    rows: list[list[Paragraph | str]] = [header]
    commands: list[tuple[object, ...]] = []
    for material in manifest.materials:
        commands += [
            ("SPAN", (0, len(rows)), (-1, len(rows))),
            ("BACKGROUND", (0, len(rows)), (-1, len(rows)), _HEADING_FILL),
        ]
        rows.append([_p(_material_heading(material), styles["base"]), "", "", ""])
        for file in material.files:
            dpi = f"{file.effective_dpi:.0f}" if file.effective_dpi else "—"
            # Short cells stay plain strings: CJK line breaking of Paragraphs is the slow part.
            rows.append(
                [
                    _p(file.path, styles["base"]),
                    str(file.pages),
                    dpi,
                    f"{file.sha256[:32]}\n{file.sha256[32:]}",
                ]
            )
    table = Table(rows, colWidths=[94 * mm, 8 * mm, 12 * mm, 66 * mm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), FONT_NAME),
                ("FONTSIZE", (1, 1), (2, -1), 8.5),
                ("FONTSIZE", (3, 1), (3, -1), 6.5),
                ("LEADING", (3, 1), (3, -1), 8.5),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#34495E")),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                *commands,
            ]
        )
    )
    return table


def _draw(manifest: Manifest) -> bytes:
    styles = _styles()
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=15 * mm,
        bottomMargin=15 * mm,
        title=f"{manifest.subject_name}-{manifest.filing_type}-材料清单",
        author="备案材料助手 Beian Desktop",
        initialFontName=FONT_NAME,
        invariant=1,
    )
    story = [
        _p("备案材料清单", styles["title"]),
        _summary(manifest, styles),
        Spacer(1, 5 * mm),
        _materials(manifest, styles),
        Spacer(1, 4 * mm),
        _p(_footnote(manifest), styles["small"]),
    ]
    document.build(story)
    return buffer.getvalue()


def _footnote(manifest: Manifest) -> str:
    text = (
        "上传/ 中为上传用 JPG；存档/ 中为 PDF/A 存档件；manifest.json 记录同样的信息。"
        "SHA-256 可用于核对文件未被改动。"
    )
    if MISSING_GLYPH in printable(manifest.to_json().decode("utf-8")):
        text += f"“{MISSING_GLYPH}”处为本表字体所缺的字（如生僻字），原文见 manifest.json。"
    return text


def write_cover_sheet(manifest: Manifest, target: Path, *, flavour: str = "2b") -> Path:
    """Render the cover sheet and save it as validated PDF/A (atomically, by pikepdf)."""
    drawn = _draw(manifest)
    created = dt.datetime.fromisoformat(manifest.created).replace(tzinfo=dt.UTC)
    with pikepdf.open(io.BytesIO(drawn)) as pdf:
        for page in pdf.pages:
            if "/Trans" in page.obj:
                del page.obj["/Trans"]
        with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
            meta["dc:title"] = f"{manifest.subject_name}-{manifest.filing_type}-材料清单"
            meta["dc:creator"] = ["备案材料助手 Beian Desktop"]
            meta["xmp:CreatorTool"] = f"Beian Desktop {manifest.app_version}"
            meta["xmp:CreateDate"] = created.isoformat()
            meta["xmp:ModifyDate"] = created.isoformat()
        save_pdfa(pdf, target, flavour, created)
    return target
