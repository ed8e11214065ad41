"""Turn measurements into findings: bilingual messages, a severity, a fix where one exists.

Severity policy:
- blocking only for what the filing rules require and the material is known: effective DPI under
  the material's minimum, a grey or bilevel scan where colour is required. With no material the
  same checks run against A4, colour and 200 dpi, as warnings (the assumption may be wrong).
- warnings for what reviewers reject often but a person must judge: blur, blank, dark or washed
  out pages, extra frames, PDFs whose archive copy must drop content.
- info for what the app will fix on its own (rotation, size cap, format, extension) and for facts
  worth knowing (a PDF/A claim, metadata DPI that disagrees with the pixels).
"""

from __future__ import annotations

from beian_desktop.core.findings import Finding, Fix, Severity
from beian_desktop.core.inspect.metadata import Dpi
from beian_desktop.core.inspect.model import PageReport
from beian_desktop.core.inspect.physical import aspect_mismatch
from beian_desktop.core.inspect.pixels import ColourClass
from beian_desktop.core.inspect.sniff import FileKind, Sniffed
from beian_desktop.core.rules.model import Material, UploadProfile
from beian_desktop.core.text import Text

DEFAULT_MIN_DPI = 200  # the seed's hard floor, used when the material is unknown
METADATA_DISAGREES = 0.25  # metadata DPI off by more than this share is worth a note
ASPECT_NOTE = 0.08  # |log| aspect difference (~8 %) that suggests margins or a wrong format

# Rule-pack input names per file kind (Material.accepted_inputs).
INPUT_NAMES = {
    FileKind.JPEG: "jpeg",
    FileKind.PNG: "png",
    FileKind.TIFF: "tiff",
    FileKind.BMP: "bmp",
    FileKind.WEBP: "webp",
    FileKind.HEIF: "heic",
    FileKind.AVIF: "avif",
    FileKind.PDF: "pdf",
}
# Upload-profile format names per file kind (UploadProfile.formats).
UPLOAD_NAMES = {FileKind.JPEG: ("jpg", "jpeg"), FileKind.PNG: ("png",)}


def _page_prefix(page: PageReport, multi_page: bool) -> Text | None:
    n = page.index + 1
    return Text(f"第 {n} 页：", f"Page {n}:") if multi_page else None


def _paged(prefix: Text | None, message: Text) -> Text:
    return message if prefix is None else prefix + message


def finding(
    code: str,
    severity: Severity,
    message: Text,
    concerns: str | None,
    fix: Fix | None = None,
    **extra: object,
) -> Finding:
    return Finding(code, severity, message, concerns=concerns, fix=fix, extra=dict(extra))


# -- the file as a whole ---------------------------------------------------------------------


def extension_finding(sniffed: Sniffed, file_name: str, concerns: str | None) -> Finding | None:
    if sniffed.extension_matches:
        return None
    suggested = sniffed.suggested_name(file_name)
    fix = Fix("rename", Text("改为正确的扩展名", "Use the right extension"), suggested)
    label = sniffed.kind.label
    if not sniffed.extension:
        message = Text(
            f"文件没有扩展名，内容是 {label}。",
            f"The file has no extension; its content is {label}.",
        )
        return finding("inspect.extension-missing", Severity.INFO, message, concerns, fix)
    message = Text(
        f"扩展名 {sniffed.extension} 与内容不符：实际是 {label}。上传系统按扩展名识别格式。",
        f"The extension {sniffed.extension} does not match the content, which is {label}. "
        "Upload systems go by the extension.",
    )
    return finding("inspect.extension-mismatch", Severity.WARNING, message, concerns, fix)


def material_assumed_finding(concerns: str | None) -> Finding:
    message = Text(
        "未指定材料类型：按 A4、彩色、200 dpi 检查，结论仅供参考。",
        "No material given: checked as an A4 colour document at 200 dpi; treat the result as "
        "a guide.",
    )
    return finding("inspect.material-assumed", Severity.INFO, message, concerns)


def extra_frames_finding(frames: int, concerns: str | None) -> Finding | None:
    if frames <= 1:
        return None
    message = Text(
        f"文件包含 {frames} 张图像（动图、连拍或多图），只使用第一张。",
        f"The file holds {frames} pictures (animation, burst or multi-picture); only the first "
        "is used.",
    )
    return finding("inspect.extra-frames", Severity.WARNING, message, concerns, frames=frames)


def page_count_finding(
    pages: int, material: Material | None, concerns: str | None
) -> Finding | None:
    if material is None:
        return None
    most = material.max_pages * max(1, material.sides)  # an ID card's two sides in one file
    if pages <= most:
        return None
    message = Text(
        f"共 {pages} 页，{material.name.zh}最多应为 {most} 页，请确认没有夹带其他文件。",
        f"{pages} pages; {material.name.en} should have at most {most}. Check that no other "
        "document is mixed in.",
    )
    return finding("inspect.too-many-pages", Severity.WARNING, message, concerns, pages=pages)


def accepted_input_finding(kind: FileKind, material: Material | None) -> Finding | None:
    name = INPUT_NAMES.get(kind)
    if material is None or not material.accepted_inputs or name in material.accepted_inputs:
        return None
    accepted = ", ".join(material.accepted_inputs)
    message = Text(
        f"{material.name.zh}通常不接受 {kind.label} 文件（可用：{accepted}）。",
        f"{material.name.en} is not usually accepted as {kind.label} (accepted: {accepted}).",
    )
    fix = Fix("convert", Text("转换为 JPG", "Convert to JPG"))
    return finding("inspect.input-format", Severity.WARNING, message, material.id, fix)


def upload_findings(
    kind: FileKind, size: int, profile: UploadProfile | None, concerns: str | None
) -> list[Finding]:
    if profile is None:
        return []
    findings = []
    accepted = {name.lower() for name in profile.formats}
    if not accepted & set(UPLOAD_NAMES.get(kind, ())):
        message = Text(
            f"{profile.name.zh}只接受 {'/'.join(profile.formats)}：将生成一份 JPG 上传件。",
            f"{profile.name.en} takes {'/'.join(profile.formats)} only: a JPG copy will be made "
            "for upload.",
        )
        fix = Fix("convert", Text("转换为 JPG", "Convert to JPG"))
        findings.append(finding("inspect.upload-format", Severity.INFO, message, concerns, fix))
    if size > profile.byte_budget:
        findings.append(_over_cap(size, profile, concerns))
    return findings


def _over_cap(size: int, profile: UploadProfile, concerns: str | None) -> Finding:
    mb, cap = size / 1_000_000, profile.max_bytes / 1_000_000
    message = Text(
        f"文件 {mb:.1f} MB，超过{profile.name.zh}的上限 {cap:g} MB：上传件将被压缩。",
        f"The file is {mb:.1f} MB, over {profile.name.en}'s cap of {cap:g} MB: the upload copy "
        "will be compressed.",
    )
    fix = Fix("compress", Text("压缩到上限以内", "Compress it under the cap"))
    return finding(
        "inspect.over-size-cap",
        Severity.INFO,
        message,
        concerns,
        fix,
        size=size,
        budget=profile.byte_budget,
    )


# -- one page --------------------------------------------------------------------------------


def page_findings(
    page: PageReport, material: Material | None, multi_page: bool, concerns: str | None
) -> list[Finding]:
    prefix = _page_prefix(page, multi_page)
    checks = (
        _resolution(page, material, prefix, concerns),
        _metadata_note(page, material, prefix, concerns),
        _aspect_note(page, prefix, concerns),
        _colour(page, material, prefix, concerns) if page.scanned else None,
        *_exposure(page, prefix, concerns),
        _rotation(page, prefix, concerns),
        _content_error(page, prefix, concerns),
    )
    return [finding for finding in checks if finding is not None]


def _min_dpi(material: Material | None) -> int:
    return material.min_dpi if material is not None else DEFAULT_MIN_DPI


def _resolution(
    page: PageReport, material: Material | None, prefix: Text | None, concerns: str | None
) -> Finding | None:
    needed = _min_dpi(material)
    if page.effective_dpi is None or needed <= 0 or page.effective_dpi >= needed:
        return None
    paper = page.paper.format.name
    message = _paged(
        prefix,
        Text(
            f"有效分辨率约 {page.effective_dpi:.0f} dpi（按{paper.zh}尺寸计算），"
            f"低于要求的 {needed} dpi，请用更高分辨率重新扫描或拍摄。",
            f"Effective resolution is about {page.effective_dpi:.0f} dpi (measured against "
            f"{paper.en}), below the required {needed} dpi. Scan or photograph it again at a "
            "higher resolution.",
        ),
    )
    severity = Severity.BLOCKING if material is not None else Severity.WARNING
    return finding(
        "inspect.dpi-low",
        severity,
        message,
        concerns,
        page=page.index,
        effective_dpi=round(page.effective_dpi, 1),
        required_dpi=needed,
    )


def _metadata_note(
    page: PageReport, material: Material | None, prefix: Text | None, concerns: str | None
) -> Finding | None:
    meta: Dpi | None = page.metadata_dpi
    effective = page.effective_dpi
    needed = _min_dpi(material)
    if meta is None or effective is None or needed <= 0 or effective < needed:
        return None
    if abs(meta.value - effective) <= METADATA_DISAGREES * effective:
        return None
    message = _paged(
        prefix,
        Text(
            f"文件标注 {meta.value:.0f} dpi，但按像素计算的有效分辨率约 {effective:.0f} dpi，"
            "以有效分辨率为准（符合要求）。",
            f"The file says {meta.value:.0f} dpi, but its pixels give about {effective:.0f} dpi; "
            "the effective resolution is what counts, and it is sufficient.",
        ),
    )
    return finding(
        "inspect.dpi-metadata",
        Severity.INFO,
        message,
        concerns,
        page=page.index,
        metadata_dpi=round(meta.value, 1),
        effective_dpi=round(effective, 1),
    )


def _aspect_note(page: PageReport, prefix: Text | None, concerns: str | None) -> Finding | None:
    if page.width_px is None or page.height_px is None or page.page_size_mm is not None:
        return None
    fmt = page.paper.format
    if aspect_mismatch(page.width_px, page.height_px, fmt) <= ASPECT_NOTE:
        return None
    message = _paged(
        prefix,
        Text(
            f"图像长宽比与{fmt.name.zh}（{fmt.width_mm:g}×{fmt.height_mm:g} mm）不符："
            "可能留有大片边距或拍入了其他内容，实际分辨率可能低于估计，请裁剪到证件边缘。",
            f"The picture's shape does not match {fmt.name.en} "
            f"({fmt.width_mm:g}×{fmt.height_mm:g} mm): it may have wide margins or show other "
            "things, so the real resolution may be lower than estimated. Crop it to the "
            "document's edges.",
        ),
    )
    return finding("inspect.aspect", Severity.INFO, message, concerns, page=page.index)


def _colour(
    page: PageReport, material: Material | None, prefix: Text | None, concerns: str | None
) -> Finding | None:
    required = material.colour_required if material is not None else True
    colour = page.colour
    if not required or colour is None or colour is ColourClass.COLOUR:
        return None
    kind = (
        Text("黑白（二值）", "black-and-white (bilevel)")
        if colour is ColourClass.BILEVEL
        else Text("灰度", "greyscale")
    )
    message = _paged(
        prefix,
        Text(
            f"这是{kind.zh}图像，而该材料要求彩色扫描件或照片，请用彩色模式重新扫描原件。",
            f"This is a {kind.en} image, but the material must be a colour scan or photo of the "
            "original. Scan the original again in colour mode.",
        ),
    )
    severity = Severity.BLOCKING if material is not None else Severity.WARNING
    return finding("inspect.colour-required", severity, message, concerns, page=page.index)


_EXPOSURE = {
    "blank": (
        "inspect.blank",
        Text(
            "页面几乎是空白的，请确认扫描了正确的一面。",
            "The page looks blank. Check that the right side was scanned.",
        ),
    ),
    "too_dark": (
        "inspect.too-dark",
        Text(
            "图像过暗，请在光线充足处重新拍摄或扫描。",
            "The picture is very dark. Photograph or scan it again in good light.",
        ),
    ),
    "too_bright": (
        "inspect.too-bright",
        Text(
            "图像过亮或字迹过淡，请调整曝光后重新拍摄或扫描。",
            "The picture is washed out or the text very faint. Adjust the exposure and try again.",
        ),
    ),
    "blurry": (
        "inspect.blurry",
        Text(
            "图像可能模糊，请确认文字清晰可辨，必要时重新拍摄。",
            "The picture may be blurred. Check that the text is sharp; take it again if not.",
        ),
    ),
}


def _exposure(page: PageReport, prefix: Text | None, concerns: str | None) -> list[Finding]:
    stats = page.pixels
    if stats is None:
        return []
    scan = page.scanned  # exposure and focus mean nothing for a page drawn by a computer
    flags = {
        "blank": stats.blank,
        "too_dark": scan and stats.too_dark,
        "too_bright": scan and stats.too_bright,
        "blurry": scan and stats.blurry,
    }
    return [
        finding(code, Severity.WARNING, _paged(prefix, text), concerns, page=page.index)
        for flag, (code, text) in _EXPOSURE.items()
        if flags[flag]
    ]


def _rotation(page: PageReport, prefix: Text | None, concerns: str | None) -> Finding | None:
    if page.orientation == 1:
        return None
    message = _paged(
        prefix,
        Text(
            f"图像按 EXIF 方向 {page.orientation} 存储（旋转或镜像），生成的文件会自动摆正。",
            f"The picture is stored turned or mirrored (EXIF orientation {page.orientation}); the "
            "files made from it will be upright.",
        ),
    )
    fix = Fix("rotate", Text("摆正图像", "Turn it upright"))
    return finding(
        "inspect.rotated",
        Severity.INFO,
        message,
        concerns,
        fix,
        page=page.index,
        orientation=page.orientation,
    )


def _content_error(page: PageReport, prefix: Text | None, concerns: str | None) -> Finding | None:
    if not page.content_error:
        return None
    message = _paged(
        prefix,
        Text(
            "页面内容有损坏，未能完整读取，请核对显示是否完整。",
            "The page's content is damaged and could not be read completely; check what it shows.",
        ),
    )
    return finding("pdf.content-error", Severity.WARNING, message, concerns, page=page.index)
