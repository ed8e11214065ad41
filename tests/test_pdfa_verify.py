"""verify() for any PDF, the byte checks, and the small parsers and helpers behind
passthrough."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import pikepdf
import pytest
from PIL import Image, ImageChops, ImageStat
from support.synth import Synth

from beian_desktop.core.errors import NotPdf
from beian_desktop.core.findings import Finding, Severity
from beian_desktop.core.inspect import A4, Dpi, open_image, open_pdfium, page_size
from beian_desktop.core.pdfa import (
    PdfaMetadata,
    byte_problems,
    check_flavour,
    jpeg,
    to_pdfa,
    verify,
)
from beian_desktop.core.pdfa import tiff as tiff_module
from beian_desktop.core.pdfa.geometry import credible, image_page_size
from beian_desktop.core.rules import load_pack

META = PdfaMetadata(title="t", timestamp=dt.datetime(2026, 11, 27, tzinfo=dt.UTC))


@pytest.fixture(scope="module")
def valid(synth: Synth, tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    folder = tmp_path_factory.mktemp("verify")
    made = {}
    for flavour in ("2b", "1b"):
        to_pdfa([synth.scan("a4", 50)], folder / f"{flavour}.pdf", flavour, metadata=META)
        made[flavour] = (folder / f"{flavour}.pdf").read_bytes()
    return made


def _write(tmp_path: Path, data: bytes, name: str = "f.pdf") -> Path:
    (tmp_path / name).write_bytes(data)
    return tmp_path / name


def _rules(findings: list[Finding]) -> set[str | None]:
    return {finding.rule_id for finding in findings}


# -- verify --------------------------------------------------------------------------------


def test_our_files_pass(valid: dict[str, bytes], tmp_path: Path) -> None:
    for flavour, data in valid.items():
        assert verify(_write(tmp_path, data), flavour) == []


def test_a_2b_file_is_not_1b(valid: dict[str, bytes], tmp_path: Path) -> None:
    findings = verify(_write(tmp_path, valid["2b"]), "1b")
    assert findings and all(f.rule_id and f.rule_id.startswith("ISO_19005_1") for f in findings)


def test_plain_pdf_gets_rule_ids_and_bilingual_messages(synth: Synth) -> None:
    findings = verify(synth.text_pdf(javascript=True), "2b")
    blocking = [f for f in findings if f.severity is Severity.BLOCKING]
    assert blocking and "ISO_19005_2:6.6.2.1-1" in _rules(findings)  # no XMP metadata
    for finding in findings:
        assert finding.rule_id and finding.rule_id in finding.message.zh
        assert finding.rule_id in finding.message.en
        assert "PDF/A-2B" in finding.message.zh and finding.message.zh != finding.message.en
    metadata = next(f for f in findings if f.rule_id == "ISO_19005_2:6.6.2.1-1")
    assert "元数据" in metadata.message.zh and "metadata" in metadata.message.en
    # constructs the validator does not check are warnings: not confirmed, not proven wrong
    assert all(f.severity is Severity.WARNING for f in findings if "unsupported" in str(f))
    json.dumps([finding.to_dict() for finding in findings], ensure_ascii=False)


def test_data_after_eof_fails(valid: dict[str, bytes], tmp_path: Path) -> None:
    path = _write(tmp_path, valid["2b"] + b"appended signature\n")
    assert "ISO_19005_2:6.1.3-3" in _rules(verify(path, "2b"))
    assert byte_problems(_write(tmp_path, valid["2b"] + b"\r\n", "crlf.pdf"), "2b") != []
    assert byte_problems(_write(tmp_path, valid["2b"].rstrip(b"\r\n"), "none.pdf"), "2b") == []


def test_header_and_binary_comment_are_checked(valid: dict[str, bytes], tmp_path: Path) -> None:
    data = valid["1b"]
    header_end = data.index(b"\n") + 1
    comment_end = data.index(b"\n", header_end) + 1
    no_comment = data[:header_end] + b"%abcd\n" + data[comment_end:]  # same length: xref holds
    assert _rules(byte_problems(_write(tmp_path, no_comment), "1b")) == {"ISO_19005_1:6.1.2-2"}
    late = b" " + data
    assert "ISO_19005_1:6.1.2-1" in _rules(byte_problems(_write(tmp_path, late, "l.pdf"), "1b"))
    version_8 = data.replace(b"%PDF-1.4", b"%PDF-1.8", 1)
    assert _rules(byte_problems(_write(tmp_path, version_8, "v.pdf"), "2b")) == {
        "ISO_19005_2:6.1.2-1"
    }


def test_verify_refuses_what_is_not_a_pdf(synth: Synth, tmp_path: Path) -> None:
    with pytest.raises(NotPdf) as caught:
        verify(synth.scan("a4", 50))
    assert "JPEG" in caught.value.message.en and caught.value.hint is not None
    with pytest.raises(NotPdf):
        verify(_write(tmp_path, b"just text", "x.pdf"))
    with pytest.raises(ValueError):
        check_flavour("3u")


# -- JPEG structure --------------------------------------------------------------------------


def _jpeg(**options: object) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (200, 30, 30)).save(buffer, "JPEG", **options)
    return buffer.getvalue()


def test_jpeg_layout() -> None:
    plain, progressive = _jpeg(quality=80), _jpeg(progressive=True)
    assert (found := jpeg.layout(plain)) is not None
    assert (found.width, found.height, found.components, found.passable) == (64, 48, 3, True)
    assert found.end == len(plain)
    progressive_layout = jpeg.layout(progressive)
    assert progressive_layout is not None and progressive_layout.passable
    assert jpeg.layout(plain[:-40]) is None  # truncated
    assert jpeg.layout(plain[:-2] + plain) is None  # cut short, then another picture
    trimmed = jpeg.layout(plain + b"\x00trailing junk")
    assert trimmed is not None and trimmed.end == len(plain)
    restarts = _jpeg(restart_marker_blocks=1)
    assert jpeg.layout(restarts) is not None


def test_metadata_segments_are_removed_without_touching_the_picture() -> None:
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    data = _jpeg(exif=exif.tobytes(), comment=b"where I was")
    stripped = jpeg.without_metadata(data)
    assert b"PhoneMaker" not in stripped and b"where I was" not in stripped
    assert stripped.endswith(data[-200:])
    assert Image.open(io.BytesIO(stripped)).tobytes() == Image.open(io.BytesIO(data)).tobytes()


# -- page geometry ---------------------------------------------------------------------------


def test_metadata_dpi_is_believed_only_when_it_describes_paper() -> None:
    assert credible(Dpi(300, 300, "jfif"), 2480, 3508, (A4,))  # A4 at 300 dpi
    assert not credible(Dpi(72, 72, "jfif"), 2480, 3508, (A4,))  # a 0.9 m page
    assert credible(Dpi(204, 98, "tiff"), 1728, 1100, (A4,))  # fax "normal" resolution
    assert not credible(Dpi(72, 72, "exif"), 1000, 630, (A4,))  # a phone's 72: no
    card = load_pack().materials["id-card-principal"]
    assert credible(Dpi(72, 72, "exif"), 243, 153, card.formats)  # matches the card exactly
    size = image_page_size(1012, 638, None, card.formats, True)
    assert (size.basis, round(size.width_pt), round(size.height_pt)) == ("material", 243, 153)


# -- helpers added to the inspect layer ------------------------------------------------------


def test_raster_file_reads_tiff_tags_per_frame(synth: Synth) -> None:
    with open_image(synth.tiff_g4(pages=2)) as raster:
        tags = raster.tiff_tags(1)
        assert tags[259] == 4 and tags[256] == raster.frame_info(1).width
    with open_image(synth.scan("a4", 50)) as raster:
        assert raster.tiff_tags() == {}


def test_pdfium_page_size_is_as_displayed(synth: Synth, tmp_path: Path) -> None:
    rotated = tmp_path / "rotated.pdf"
    with pikepdf.open(synth.scanner_pdf("id-card", 100)) as pdf:
        pdf.pages[0].rotate(90, relative=False)
        pdf.save(rotated)
    for source, expected in (
        (synth.scanner_pdf("id-card", 100), (242.6, 153.1)),
        (rotated, (153.1, 242.6)),
    ):
        with open_pdfium(source) as document:
            assert page_size(document, 0) == pytest.approx(expected, abs=0.1)


# -- JPEG-compressed TIFF pages -------------------------------------------------------------


@pytest.mark.parametrize("mode", ["RGB", "L"])
@pytest.mark.parametrize("strip_size", [2**31 - 1, 8192])
def test_jpeg_tiff_strips_join_into_one_jpeg(
    synth: Synth, tmp_path: Path, mode: str, strip_size: int
) -> None:
    page = synth.page("a4", 60, seal=True).convert(mode)
    source = tmp_path / f"{mode}-{strip_size}.tif"
    page.save(source, compression="jpeg", quality=80, strip_size=strip_size, dpi=(60, 60))
    with Image.open(source) as tiff:
        tags, reference = dict(tiff.tag_v2), tiff.convert("RGB")
    assert (len(tags[273]) == 1) is (strip_size > 10**6)
    joined = tiff_module.joined_jpeg(source, tags, page.width, page.height)
    assert joined is not None and joined.channels == len(mode)
    decoded = Image.open(io.BytesIO(joined.data)).convert("RGB")
    assert decoded.size == page.size
    assert max(ImageStat.Stat(ImageChops.difference(decoded, reference)).mean) < 0.5
