"""PDF/A from PDFs: kept when valid already, repaired when possible, rendered otherwise."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageChops, ImageStat
from support.synth import Synth, add_image_page

from beian_desktop.core.errors import EncryptedPdf
from beian_desktop.core.pdfa import PdfaMetadata, to_pdfa, verify

META = PdfaMetadata(title="测试", timestamp=dt.datetime(2026, 11, 27, tzinfo=dt.UTC))


def render(pdf: Path, page: int = 0) -> Image.Image:
    document = pdfium.PdfDocument(str(pdf))
    try:
        return document[page].render(scale=0.5, fill_color=(255, 255, 255, 255)).to_pil()
    finally:
        document.close()


def looks_alike(a: Path, b: Path) -> bool:
    first, second = render(a).convert("L"), render(b).convert("L").resize(render(a).size)
    return ImageStat.Stat(ImageChops.difference(first, second)).mean[0] < 8


def _with_javascript(source: Path, target: Path) -> Path:
    """A scanner PDF with an open action, a page action and a JavaScript link."""
    with pikepdf.open(source) as pdf:
        script = pdf.make_indirect(
            pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert(1)"))
        )
        pdf.Root.OpenAction = script
        page = pdf.pages[0].obj
        page.AA = pikepdf.Dictionary(O=script)
        link = pikepdf.Dictionary(
            Type=pikepdf.Name.Annot, Subtype=pikepdf.Name.Link, Rect=[0, 0, 50, 50], A=script, F=4
        )
        page.Annots = pdf.make_indirect(pikepdf.Array([pdf.make_indirect(link)]))
        pdf.save(target, deterministic_id=True)
    return target


def test_password_protected_pdf_is_a_typed_error(synth: Synth, tmp_path: Path) -> None:
    with pytest.raises(EncryptedPdf) as caught:
        to_pdfa([synth.encrypted_pdf()], tmp_path / "out.pdf", metadata=META)
    assert caught.value.message.zh and caught.value.hint is not None
    assert not (tmp_path / "out.pdf").exists()


@pytest.mark.parametrize("flavour", ["2b", "1b"])
def test_empty_password_encryption_is_dropped(synth: Synth, tmp_path: Path, flavour: str) -> None:
    out = tmp_path / "out.pdf"
    report = to_pdfa([synth.encrypted_pdf(user_password="")], out, flavour, metadata=META)
    assert report.inputs[0].action == "repaired"
    assert verify(out, flavour) == []
    with pikepdf.open(out) as pdf:
        assert not pdf.is_encrypted


@pytest.mark.parametrize("flavour", ["2b", "1b"])
def test_non_embedded_fonts_and_javascript_are_rendered(
    synth: Synth, tmp_path: Path, flavour: str
) -> None:
    for source in (synth.text_pdf(), synth.text_pdf(javascript=True)):
        out = tmp_path / f"{source.stem}.pdf"
        report = to_pdfa([source], out, flavour, metadata=META)
        (item,) = report.inputs
        assert item.action == "rasterised" and item.notes
        assert any(rule.endswith(("6.2.11.4.1-1", "6.3.4-1")) for rule in item.rules)
        assert item.pages[0].encoding == "rendered-jpeg" and item.pages[0].effective_dpi == 300
        assert verify(out, flavour) == []
        assert looks_alike(source, out)
        assert b"JavaScript" not in out.read_bytes()


@pytest.mark.parametrize("flavour", ["2b", "1b"])
def test_javascript_is_removed_from_a_scanner_pdf(
    synth: Synth, tmp_path: Path, flavour: str
) -> None:
    source = _with_javascript(synth.scanner_pdf("a4", 100), tmp_path / "js-scan.pdf")
    out = tmp_path / "out.pdf"
    report = to_pdfa([source], out, flavour, metadata=META)
    assert report.inputs[0].action == "repaired"
    assert verify(out, flavour) == []
    assert b"JavaScript" not in out.read_bytes() and b"app.alert" not in out.read_bytes()
    with pikepdf.open(source) as original, pikepdf.open(out) as converted:
        before = original.pages[0].obj.Resources.XObject.Im0
        after = converted.pages[0].obj.Resources.XObject.Im0
        assert after.read_raw_bytes() == before.read_raw_bytes()  # the scan itself untouched
    assert looks_alike(source, out)


def test_scanner_pdf_pages_keep_their_size_and_dpi(synth: Synth, tmp_path: Path) -> None:
    report = to_pdfa(
        [synth.scanner_pdf("id-card", 300, pages=2)], tmp_path / "o.pdf", metadata=META
    )
    assert report.page_count == 2
    for page in report.inputs[0].pages:
        assert (page.width_pt, page.height_pt) == pytest.approx((242.6, 153.1), abs=0.5)
        assert page.effective_dpi == pytest.approx(300, abs=1)


def test_valid_pdfa_passes_untouched(synth: Synth, tmp_path: Path) -> None:
    archive = tmp_path / "archive.pdf"
    to_pdfa([synth.scan("a4", 100)], archive, metadata=META)
    copy = tmp_path / "copy.pdf"
    report = to_pdfa([archive], copy, metadata=PdfaMetadata("other", META.timestamp))
    assert report.inputs[0].action == "kept"
    assert copy.read_bytes() == archive.read_bytes()
    # With other inputs its pages are copied unchanged into the combined file.
    both = to_pdfa([archive, synth.scan("a4", 100)], tmp_path / "both.pdf", metadata=META)
    assert [item.action for item in both.inputs] == ["kept", "passthrough"]
    assert verify(tmp_path / "both.pdf") == []
    # A 2b file is not a 1b file: converting it for 1b does not keep it.
    for_1b = to_pdfa([archive], tmp_path / "1b.pdf", "1b", metadata=META)
    assert for_1b.inputs[0].action in ("repaired", "rasterised")
    assert verify(tmp_path / "1b.pdf", "1b") == []


def test_a_claim_is_not_trusted(tmp_path: Path, synth: Synth) -> None:
    source = tmp_path / "claims.pdf"
    with pikepdf.open(synth.text_pdf()) as pdf:
        with pdf.open_metadata() as meta:
            meta["pdfaid:part"] = "2"
            meta["pdfaid:conformance"] = "B"
        pdf.save(source)
    report = to_pdfa([source], tmp_path / "out.pdf", metadata=META)
    assert report.inputs[0].action == "rasterised"


def test_mixed_inputs_keep_their_order(synth: Synth, tmp_path: Path) -> None:
    pdf_source = tmp_path / "two-pages.pdf"
    with pikepdf.new() as pdf:
        for width_mm in (100, 120):  # distinguishable page sizes
            add_image_page(pdf, synth.scan("id-card", 100).read_bytes(), (337, 213), width_mm, 50)
        pdf.save(pdf_source, deterministic_id=True)
    inputs = [synth.scan("a4", 100), pdf_source, synth.tiff_g4(pages=2)]
    report = to_pdfa(inputs, tmp_path / "mixed.pdf", metadata=META)
    assert [item.action for item in report.inputs] == ["passthrough", "repaired", "re-encoded"]
    with pikepdf.open(tmp_path / "mixed.pdf") as out:
        widths = [round(float(page.mediabox[2])) for page in out.pages]
    assert widths[1:3] == [283, 340] and len(widths) == 5


def test_output_must_not_be_an_input(synth: Synth) -> None:
    source = synth.scanner_pdf()
    with pytest.raises(ValueError, match="overwrite"):
        to_pdfa([source], source, metadata=META)
