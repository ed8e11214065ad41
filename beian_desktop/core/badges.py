"""Per-file badges for the materials page: effective DPI, colour, pages, size against the cap.

One inspection serves every slot: a file is inspected once when it arrives (its material still
unknown), and the badges are recomputed for whichever material it is placed under. Effective
DPI depends on the material's physical size, so it is measured again from the page's pixels,
exactly as the inspection measures image files; PDF pages keep the inspection's figure (their
page size, not the material, gives the scale).

Levels: GOOD (green), FAIR (amber: the package may need care, or something is unknown) and
BAD (red: the review will block it).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from beian_desktop.core.inspect import (
    A4,
    ColourClass,
    Inspection,
    PageReport,
    choose_for_pixels,
    effective_dpi,
)
from beian_desktop.core.inspect.checks import DEFAULT_MIN_DPI
from beian_desktop.core.rules.model import Material, UploadProfile
from beian_desktop.core.text import Text

MEGABYTE = 1_000_000


class Level(StrEnum):
    GOOD = "good"
    FAIR = "fair"
    BAD = "bad"


@dataclass(frozen=True)
class Badge:
    kind: str  # dpi | colour | pages | size
    level: Level
    text: Text  # short: "300 dpi", "彩色", "2 页", "0.4 / 3 MB"
    detail: Text  # a sentence for the tooltip


def page_dpi(page: PageReport, material: Material | None) -> float | None:
    """The page's effective DPI measured against `material` (A4 when unknown)."""
    if page.page_size_mm is not None or not page.width_px or not page.height_px:
        return page.effective_dpi
    formats = material.formats if material is not None else (A4,)
    choice = choose_for_pixels(formats, page.width_px, page.height_px, page.metadata_dpi)
    return effective_dpi(page.width_px, page.height_px, choice.format)


def file_badges(
    inspection: Inspection, material: Material | None, profile: UploadProfile | None
) -> list[Badge]:
    badges = [_dpi_badge(inspection, material), _colour_badge(inspection, material)]
    badges.append(_pages_badge(inspection, material))
    if profile is not None:
        badges.append(_size_badge(inspection.size_bytes, profile))
    return badges


def worst(badges: list[Badge]) -> Level:
    levels = {badge.level for badge in badges}
    return next((level for level in (Level.BAD, Level.FAIR) if level in levels), Level.GOOD)


def _dpi_badge(inspection: Inspection, material: Material | None) -> Badge:
    values = [dpi for dpi in (page_dpi(p, material) for p in inspection.pages) if dpi]
    needed = material.min_dpi if material is not None else DEFAULT_MIN_DPI
    if not values:
        return Badge(
            "dpi",
            Level.FAIR,
            Text("— dpi", "— dpi"),
            Text("没有扫描图像，无法计算分辨率。", "No scanned picture: resolution unknown."),
        )
    lowest = min(values)
    text = Text(f"{lowest:.0f} dpi", f"{lowest:.0f} dpi")
    if needed <= 0 or lowest >= needed:
        detail = Text(
            f"有效分辨率约 {lowest:.0f} dpi，符合要求（{needed} dpi）。",
            f"Effective resolution about {lowest:.0f} dpi; {needed} dpi required: fine.",
        )
        return Badge("dpi", Level.GOOD, text, detail)
    detail = Text(
        f"有效分辨率约 {lowest:.0f} dpi，低于要求的 {needed} dpi：请重新扫描。",
        f"Effective resolution about {lowest:.0f} dpi, below the required {needed} dpi: "
        "scan it again.",
    )
    return Badge("dpi", Level.BAD, text, detail)


_COLOUR_WORDS = {
    ColourClass.COLOUR: Text("彩色", "colour"),
    ColourClass.GREYSCALE: Text("灰度", "grey"),
    ColourClass.BILEVEL: Text("黑白", "b/w"),
}


def _colour_badge(inspection: Inspection, material: Material | None) -> Badge:
    classes = [p.colour for p in inspection.pages if p.scanned and p.colour is not None]
    required = material.colour_required if material is not None else True
    if not classes:
        return Badge(
            "colour",
            Level.FAIR if required else Level.GOOD,
            Text("颜色？", "colour?"),
            Text("未能检查颜色。", "The colour could not be checked."),
        )
    least = next((c for c in (ColourClass.BILEVEL, ColourClass.GREYSCALE) if c in classes), None)
    shown = least or ColourClass.COLOUR
    if least is None or not required:
        detail = Text("颜色符合要求。", "The colour is fine.")
        return Badge("colour", Level.GOOD, _COLOUR_WORDS[shown], detail)
    detail = Text(
        "该材料要求彩色扫描件，请用彩色模式重新扫描原件。",
        "This material must be scanned in colour: scan the original again in colour mode.",
    )
    return Badge("colour", Level.BAD, _COLOUR_WORDS[shown], detail)


def _pages_badge(inspection: Inspection, material: Material | None) -> Badge:
    pages = inspection.page_count
    most = material.max_pages * max(1, material.sides) if material is not None else pages
    text = Text(f"{pages} 页", f"{pages} p.")
    if pages <= most:
        return Badge("pages", Level.GOOD, text, Text(f"共 {pages} 页。", f"{pages} page(s)."))
    detail = Text(
        f"共 {pages} 页，该材料通常不超过 {most} 页：请确认没有夹带其他文件。",
        f"{pages} pages; this material usually has at most {most}: check nothing else is mixed in.",
    )
    return Badge("pages", Level.FAIR, text, detail)


def _size_badge(size: int, profile: UploadProfile) -> Badge:
    mb, cap = size / MEGABYTE, profile.max_bytes / MEGABYTE
    text = Text(f"{mb:.1f} / {cap:g} MB", f"{mb:.1f} / {cap:g} MB")
    if size <= profile.byte_budget:
        detail = Text(
            f"{mb:.1f} MB，在{profile.name.zh}的上限以内。",
            f"{mb:.1f} MB, within {profile.name.en}'s cap.",
        )
        return Badge("size", Level.GOOD, text, detail)
    detail = Text(
        f"{mb:.1f} MB，超过{profile.name.zh}的上限：生成材料包时会自动压缩上传件。",
        f"{mb:.1f} MB, over {profile.name.en}'s cap: the upload copy is compressed when the "
        "package is made.",
    )
    return Badge("size", Level.FAIR, text, detail)
