"""Findings about a PDF as a whole: what its PDF/A archive copy must drop or cannot trust.

Severity policy as in `checks`: warnings when the archive copy loses something the author put
there (encryption and its restrictions, JavaScript, forms, attachments, a signature, fonts),
info for facts (a PDF/A claim, a document made on a computer).
"""

from __future__ import annotations

from beian_desktop.core.findings import Finding, Fix, Severity
from beian_desktop.core.inspect.checks import finding
from beian_desktop.core.inspect.model import PageReport
from beian_desktop.core.inspect.pdf import PdfFacts
from beian_desktop.core.inspect.pdf_content import FontInfo
from beian_desktop.core.rules.model import Material
from beian_desktop.core.text import Text


def pdf_findings(
    facts: PdfFacts, pages: tuple[PageReport, ...], material: Material | None, concerns: str | None
) -> list[Finding]:
    return [
        finding
        for finding in (
            _pdf_flag(
                facts.encrypted, "pdf.encrypted-open", Severity.WARNING, _ENCRYPTED, concerns
            ),
            _pdf_flag(facts.repairs > 0, "pdf.damaged", Severity.WARNING, _DAMAGED, concerns),
            _pdf_flag(facts.javascript, "pdf.javascript", Severity.WARNING, _JAVASCRIPT, concerns),
            _pdf_flag(facts.xfa, "pdf.xfa", Severity.WARNING, _XFA, concerns),
            _pdf_flag(
                facts.attachments, "pdf.attachments", Severity.WARNING, _ATTACHMENTS, concerns
            ),
            _pdf_flag(facts.signed, "pdf.signed", Severity.WARNING, _SIGNED, concerns),
            _pdfa_claim(facts, concerns),
            _fonts_not_embedded(pages, concerns),
            _born_digital(pages, material, concerns),
        )
        if finding is not None
    ]


_ENCRYPTED = Text(
    "PDF 已加密（无需密码即可打开）。存档用的 PDF/A 不允许加密，"
    "转换时将移除加密及作者设置的使用限制。",
    "The PDF is encrypted (it opens without a password). PDF/A forbids encryption, so the archive "
    "copy drops it, together with the author's usage restrictions.",
)
_DAMAGED = Text(
    "PDF 文件有损坏，已尽量修复读取，请逐页核对内容是否完整。",
    "The PDF is damaged and was read with repairs. Check every page for missing content.",
)
_JAVASCRIPT = Text(
    "PDF 含有 JavaScript，存档副本中将被移除。",
    "The PDF contains JavaScript; the archive copy drops it.",
)
_XFA = Text(
    "PDF 含有 XFA 动态表单，存档副本只保留页面显示内容。",
    "The PDF contains an XFA form; the archive copy keeps only what the pages show.",
)
_ATTACHMENTS = Text(
    "PDF 含有附件，存档副本中将被移除，请把需要的附件单独提交。",
    "The PDF has attachments; the archive copy drops them. Submit any attachment needed on "
    "its own.",
)
_SIGNED = Text(
    "PDF 带有数字签名，转换后签名将失效。",
    "The PDF is digitally signed; converting it invalidates the signature.",
)


def _pdf_flag(
    present: bool, code: str, severity: Severity, message: Text, concerns: str | None
) -> Finding | None:
    return finding(code, severity, message, concerns) if present else None


def _pdfa_claim(facts: PdfFacts, concerns: str | None) -> Finding | None:
    if not facts.claimed_pdfa:
        return None
    claim = facts.claimed_pdfa
    message = Text(
        f"PDF 声明符合 PDF/A-{claim}；该声明未经验证，转换时会重新校验。",
        f"The PDF claims PDF/A-{claim}; the claim is not trusted and will be verified when "
        "converting.",
    )
    return finding("pdf.claims-pdfa", Severity.INFO, message, concerns, claimed=claim)


def _fonts_not_embedded(pages: tuple[PageReport, ...], concerns: str | None) -> Finding | None:
    missing: dict[str, FontInfo] = {}
    for page in pages:
        for font in page.fonts:
            if not font.embedded:
                missing.setdefault(font.name, font)
    if not missing:
        return None
    names = ", ".join(sorted(missing))
    message = Text(
        f"PDF 使用了未嵌入的字体（{names}），在其他电脑上可能显示不同；存档副本将按页面图像保存。",
        f"The PDF uses fonts that are not embedded ({names}) and may look different elsewhere; "
        "the archive copy will store the pages as images.",
    )
    fix = Fix("convert", Text("转为页面图像", "Store the pages as images"))
    return finding(
        "pdf.fonts-not-embedded", Severity.WARNING, message, concerns, fix, fonts=sorted(missing)
    )


def _born_digital(
    pages: tuple[PageReport, ...], material: Material | None, concerns: str | None
) -> Finding | None:
    if any(page.images for page in pages):
        return None
    severity = Severity.WARNING if material is not None and material.is_letter else Severity.INFO
    message = Text(
        "PDF 中没有扫描图像，是电脑直接生成的文件。需要签字或盖章的材料，"
        "请打印、手写签字并加盖鲜章后彩色扫描。",
        "The PDF holds no scanned image: it was made on a computer. A material that must be "
        "signed or sealed has to be printed, signed by hand, sealed and scanned in colour.",
    )
    return finding("pdf.no-scan", severity, message, concerns)
