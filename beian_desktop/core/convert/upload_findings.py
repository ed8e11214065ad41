"""What the upload conversion tells the user: bilingual findings with numbers and a way out.

Severity follows inspection's policy: blocking when the upload system or the filing rules would
refuse the result (over the cap, under the minimum size, under the DPI floor), a warning when a
person should look (colours that could not be converted), info for what was done on purpose.
"""

from __future__ import annotations

from beian_desktop.core.findings import Finding, Fix, Severity
from beian_desktop.core.rules.model import UploadProfile
from beian_desktop.core.text import Text


def _size(value: int) -> str:
    """Sizes as the profiles state them: decimal KB/MB (the caps are written that way)."""
    if value >= 1_000_000:
        return f"{value / 1_000_000:.2f} MB"
    return f"{value / 1000:.0f} KB"


def _page(page: int, pages: int) -> Text:
    return Text(f"第 {page + 1} 页：", f"Page {page + 1}: ") if pages > 1 else Text("", "")


def _finding(
    code: str,
    severity: Severity,
    message: Text,
    concerns: str,
    fix: Fix | None = None,
    **extra: object,
) -> Finding:
    return Finding(code, severity, message, concerns=concerns, fix=fix, extra=dict(extra))


def cap_unreachable(
    concerns: str,
    page: int,
    pages: int,
    profile: UploadProfile,
    smallest: int,
    floor_dpi: float,
    floor_size: tuple[int, int],
    quality: int,
    *,
    below_floor: bool = False,
) -> Finding:
    """Even the smallest allowed candidate (the DPI floor at the lowest quality) is over the
    cap. `below_floor`: the page was under the floor already, so it was not reduced at all."""
    width, height = floor_size
    prefix = _page(page, pages)
    if below_floor:
        where = Text(
            f"保持原有分辨率 {floor_dpi:.0f} dpi（{width}×{height} 像素）",
            f"At its own resolution, {floor_dpi:.0f} dpi ({width}×{height} px),",
        )
        why = Text(
            "它已低于分辨率要求，不能再缩小。", "it is under the resolution requirement already."
        )
    else:
        where = Text(
            f"即使降到最低分辨率 {floor_dpi:.0f} dpi（{width}×{height} 像素）",
            f"Even at the lowest allowed resolution, {floor_dpi:.0f} dpi ({width}×{height} px),",
        )
        why = Text(
            "再缩小就会低于分辨率要求。",
            "going smaller would fall under the resolution requirement.",
        )
    message = Text(
        f"{prefix.zh}{where.zh}、质量 {quality}，JPG 仍有 {_size(smallest)}，超过{profile.name.zh}"
        f"的上限 {_size(profile.max_bytes)}；{why.zh}请裁掉证件以外的边缘、在光线均匀处重新扫描"
        "（纸张纹理和噪点会增大文件），或选择其他上传规格。",
        f"{prefix.en}{where.en} and quality {quality}, the JPG is {_size(smallest)}, over "
        f"{profile.name.en}'s cap of {_size(profile.max_bytes)}; {why.en} Crop the margins "
        "around the document, scan it again in even light (paper texture and noise make files "
        "bigger), or choose another upload profile.",
    )
    fix = Fix("choose-profile", Text("选择其他上传规格", "Choose another upload profile"))
    return _finding(
        "upload.cap-unreachable",
        Severity.BLOCKING,
        message,
        concerns,
        fix,
        page=page,
        bytes=smallest,
        max_bytes=profile.max_bytes,
        floor_dpi=round(floor_dpi, 1),
        floor_size=[width, height],
        quality=quality,
    )


def below_dpi_floor(concerns: str, page: int, pages: int, dpi: float, required: int) -> Finding:
    prefix = _page(page, pages)
    message = Text(
        f"{prefix.zh}原图有效分辨率约 {dpi:.0f} dpi，低于要求的 {required} dpi。上传件保持原图的"
        "像素，没有放大（放大不会增加细节）。请用更高分辨率重新扫描或拍摄。",
        f"{prefix.en}The original's effective resolution is about {dpi:.0f} dpi, below the "
        f"required {required} dpi. The upload copy keeps the original's pixels and is not "
        "enlarged (enlarging adds no detail). Scan or photograph it again at a higher resolution.",
    )
    fix = Fix("rescan", Text("以更高分辨率重新扫描", "Scan again at a higher resolution"))
    return _finding(
        "upload.below-dpi-floor",
        Severity.BLOCKING,
        message,
        concerns,
        fix,
        page=page,
        effective_dpi=round(dpi, 1),
        required_dpi=required,
    )


def under_min_bytes(
    concerns: str, page: int, pages: int, profile: UploadProfile, largest: int, quality: int
) -> Finding:
    prefix = _page(page, pages)
    message = Text(
        f"{prefix.zh}即使以质量 {quality} 保存，JPG 也只有 {_size(largest)}，小于"
        f"{profile.name.zh}要求的最小 {_size(profile.min_bytes)}（不做无意义的填充）。"
        "请用更高分辨率重新扫描，或选择其他上传规格。",
        f"{prefix.en}Even saved at quality {quality} the JPG is only {_size(largest)}, under "
        f"{profile.name.en}'s minimum of {_size(profile.min_bytes)} (files are never padded). "
        "Scan it again at a higher resolution, or choose another upload profile.",
    )
    fix = Fix("rescan", Text("以更高分辨率重新扫描", "Scan again at a higher resolution"))
    return _finding(
        "upload.under-min-bytes",
        Severity.BLOCKING,
        message,
        concerns,
        fix,
        page=page,
        bytes=largest,
        min_bytes=profile.min_bytes,
        quality=quality,
    )


def location_removed(concerns: str, page: int, pages: int) -> Finding:
    prefix = _page(page, pages)
    message = Text(
        f"{prefix.zh}原图记录了拍摄位置（GPS）；上传件已去除位置等元数据。",
        f"{prefix.en}The original records where it was taken (GPS); the upload copy carries no "
        "location or other metadata.",
    )
    return _finding("upload.location-removed", Severity.INFO, message, concerns, page=page)


def colours_unconverted(concerns: str, page: int, pages: int, space: str) -> Finding:
    prefix = _page(page, pages)
    message = Text(
        f"{prefix.zh}图像的色彩空间（{space}）无法转换为 sRGB，颜色按原值保存，"
        "显示可能偏淡或偏色，请检查上传件。",
        f"{prefix.en}The picture's colour space ({space}) could not be converted to sRGB; its "
        "values were kept as stored, so colours may look dull or shifted. Check the upload copy.",
    )
    return _finding(
        "upload.colours-unconverted", Severity.WARNING, message, concerns, page=page, space=space
    )
