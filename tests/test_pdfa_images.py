"""PDF/A from pictures: every synthetic input passes in 2b and 1b, passthrough keeps the bytes,
and rendering the result with PDFium shows the page upright and in its colours."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import shutil
import subprocess
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pytest
from pikepdf import pdfa
from PIL import Image, ImageChops, ImageCms, ImageStat
from support.pdfbox import _JARS, _JAVA_DIR
from support.synth import Synth, corner_marks, exif_bytes, stored_for_orientation

from beian_desktop.core.errors import PdfaFailed
from beian_desktop.core.inspect import to_l_or_rgb
from beian_desktop.core.pdfa import PdfaMetadata, PdfaReport, byte_problems, to_pdfa, verify
from beian_desktop.core.pdfa import convert as convert_module
from beian_desktop.core.pdfa import raster as raster_module
from beian_desktop.core.rules import load_pack

STAMP = dt.datetime(2026, 11, 27, 9, 30, tzinfo=dt.UTC)
META = PdfaMetadata.for_material("深圳市示例科技有限公司", "首次备案", "授权书", STAMP)
FLAVOURS = ("2b", "1b")
Converted = dict[tuple[str, str], tuple[Path, PdfaReport]]

# name → how to make it; every synthetic picture kind the issue lists
CASES = {
    "scan-a4-300": lambda s: s.scan("a4", 300),
    "scan-id-150": lambda s: s.scan("id-card", 150),
    "meta-72dpi": lambda s: s.scan("a4", 300, metadata_dpi=72),
    "grey-as-rgb": lambda s: s.grey_as_rgb(),
    "beige-seal": lambda s: s.beige_with_seal(),
    "cmyk-adobe": lambda s: s.cmyk_adobe_jpeg(),
    "rgba-png": lambda s: s.rgba_png(),
    "png16-grey": lambda s: s.png16_grey(),
    "png16-rgb": lambda s: s.png16_rgb(),
    "palette-trns": lambda s: s.palette_trns_png(),
    "tiff-jpeg-3p": lambda s: s.tiff_colour_jpeg(),
    "tiff-g4-5p": lambda s: s.tiff_g4(),
    "heic": lambda s: s.heic(),
    **{f"exif-{o}": (lambda s, o=o: s.orientation(o)) for o in range(1, 9)},
}


@pytest.fixture(scope="module")
def converted(synth: Synth, tmp_path_factory: pytest.TempPathFactory) -> Converted:
    """Every case in both flavours, converted once for the module's tests."""
    folder = tmp_path_factory.mktemp("pdfa-images")
    results = {}
    for name, make in CASES.items():
        for flavour in FLAVOURS:
            out = folder / f"{name}-{flavour}.pdf"
            results[name, flavour] = out, to_pdfa([make(synth)], out, flavour, metadata=META)
    return results


def render(pdf: Path, page: int = 0, scale: float = 1.0) -> Image.Image:
    document = pdfium.PdfDocument(str(pdf))
    try:
        bitmap = document[page].render(scale=scale, fill_color=(255, 255, 255, 255))
        return bitmap.to_pil().convert("RGB")
    finally:
        document.close()


def render_like(pdf: Path, reference: Image.Image, page: int = 0) -> Image.Image:
    """The page rendered at the reference picture's resolution (so pixels line up)."""
    with pikepdf.open(pdf) as document:
        width_pt = float(document.pages[page].mediabox[2])
    return render(pdf, page, scale=reference.width / width_pt)


def has_red(image: Image.Image) -> bool:
    """Whether any pixel is seal red (strong red, little green and blue)."""
    red, green, blue = image.convert("RGB").split()
    mask = ImageChops.multiply(
        red.point(lambda v: 255 if v > 150 else 0),
        ImageChops.lighter(green, blue).point(lambda v: 255 if v < 90 else 0),
    )
    return mask.getbbox() is not None


def mean_difference(a: Image.Image, b: Image.Image) -> float:
    b = b.convert("RGB").resize(a.size)
    return max(ImageStat.Stat(ImageChops.difference(a, b)).mean)


def raw_images(pdf: Path) -> list[tuple[dict[str, object], bytes]]:
    """(image dictionary as plain values, raw stream bytes) for each page's image."""
    found = []
    with pikepdf.open(pdf) as document:
        for page in document.pages:
            for image in page.obj.Resources.XObject.values():
                keys = {key: str(image[key]) for key in image}
                found.append((keys, image.read_raw_bytes()))
    return found


# -- validity ------------------------------------------------------------------------------


@pytest.mark.parametrize("flavour", FLAVOURS)
@pytest.mark.parametrize("name", list(CASES))
def test_passes_pdfa(converted: Converted, name: str, flavour: str) -> None:
    out, report = converted[name, flavour]
    assert verify(out, flavour) == []  # pikepdf's validator and the byte checks
    assert byte_problems(out, flavour) == []
    with pikepdf.open(out) as pdf:
        assert pdf.open_metadata().pdfa_status == flavour.upper()
        assert len(pdf.pages) == report.page_count
        filters = {
            str(i.get("/Filter")) for p in pdf.pages for i in p.obj.Resources.XObject.values()
        }
        assert filters <= {"/DCTDecode", "/FlateDecode", "/CCITTFaxDecode"}  # never JPX/LZW
        for page in pdf.pages:
            assert all(3 <= float(v) <= 14_400 for v in page.mediabox[2:])
    assert json.loads(json.dumps(report.to_dict()))["page_count"] == report.page_count


def _preflight_group(paths: list[Path]) -> dict[str, str]:
    """PDFBox Preflight over many files in one JVM ("group" mode): name → its XML report."""
    java = shutil.which("java")
    jars = [_JAVA_DIR / f"{name}.jar" for name in _JARS]
    if java is None or not all(j.exists() for j in jars):
        pytest.fail("PDFBox Preflight is not installed; bootstrap.py test installs it")
    listing = paths[0].parent / "preflight-list.txt"
    listing.write_text("\n".join(str(p) for p in paths) + "\n", encoding="utf-8")
    command = [java, "-cp", ":".join(map(str, jars)), "org.apache.pdfbox.preflight.Validator_A1b"]
    subprocess.run([*command, "xml", "group", str(listing)], check=True, timeout=120)
    xml = Path(f"{listing}.preflight.xml").read_text(encoding="utf-8")
    reports = xml.split("<preflight name=")[1:]
    return {report.split('"')[1]: report for report in reports}


def test_pdfbox_preflight_accepts_every_1b(converted: Converted) -> None:
    paths = [out for (_, flavour), (out, _) in converted.items() if flavour == "1b"]
    reports = _preflight_group(paths)
    assert set(reports) == {p.name for p in paths}
    invalid = {name: text for name, text in reports.items() if "true</isValid>" not in text}
    assert not invalid


# -- what is kept --------------------------------------------------------------------------


def test_jpeg_is_embedded_byte_for_byte(converted: Converted, synth: Synth) -> None:
    for flavour in FLAVOURS:
        out, report = converted["scan-a4-300", flavour]
        ((keys, data),) = raw_images(out)
        assert keys["/Filter"] == "/DCTDecode"
        assert data == synth.scan("a4", 300).read_bytes()
        assert report.inputs[0].action == "passthrough"


def test_exif_rotations_are_page_rotations_and_flips_are_transposed(converted: Converted) -> None:
    for orientation, rotate in {1: 0, 3: 180, 6: 90, 8: 270}.items():
        page = converted[f"exif-{orientation}", "2b"][1].inputs[0].pages[0]
        assert (page.encoding, page.rotate) == ("jpeg-passthrough", rotate)
    for orientation in (2, 4, 5, 7):
        page = converted[f"exif-{orientation}", "2b"][1].inputs[0].pages[0]
        assert (page.encoding, page.rotate) == ("jpeg", 0)


def test_g4_stays_ccitt(converted: Converted, synth: Synth, tmp_path: Path) -> None:
    out, report = converted["tiff-g4-5p", "2b"]
    assert report.page_count == 5
    assert {keys["/Filter"] for keys, _ in raw_images(out)} == {"/CCITTFaxDecode"}
    # A single-strip G4 page (as most scanners write it) is passed through untouched.
    with Image.open(synth.tiff_g4(pages=1)) as source:
        source.save(tmp_path / "one.tif", compression="group4", strip_size=2**31 - 1)
    with Image.open(tmp_path / "one.tif") as single:
        strip = single.tag_v2[273][0], single.tag_v2[279][0]
        reference = single.convert("RGB")
    data = (tmp_path / "one.tif").read_bytes()[strip[0] : strip[0] + strip[1]]
    report = to_pdfa([tmp_path / "one.tif"], tmp_path / "one.pdf", metadata=META)
    assert report.inputs[0].pages[0].encoding == "ccitt-g4-passthrough"
    ((keys, embedded),) = raw_images(tmp_path / "one.pdf")
    assert keys["/Filter"] == "/CCITTFaxDecode" and embedded == data
    assert mean_difference(render(tmp_path / "one.pdf", scale=0.5), reference) < 8


def test_multipage_jpeg_tiff_is_joined_without_decoding(converted: Converted, synth: Synth) -> None:
    out, report = converted["tiff-jpeg-3p", "2b"]
    assert [page.encoding for page in report.inputs[0].pages] == ["jpeg-passthrough"] * 3
    images = raw_images(out)
    assert [keys["/Filter"] for keys, _ in images] == ["/DCTDecode"] * 3
    with Image.open(synth.tiff_colour_jpeg()) as tiff:
        for index, (_, data) in enumerate(images):
            tiff.seek(index)
            joined = Image.open(io.BytesIO(data)).convert("RGB")
            assert mean_difference(joined, tiff.convert("RGB")) < 0.5  # the same pixels


def test_icc_profiles_kept_when_the_flavour_allows_them(tmp_path: Path, synth: Synth) -> None:
    page = synth.page("a4", 50, seal=True)
    v4 = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()  # LittleCMS: v4
    v2 = (Path(pikepdf.__file__).parent / "pdfa" / "data" / "sRGB.icc").read_bytes()
    for label, profile in (("v4", v4), ("v2", v2)):
        source = tmp_path / f"{label}.jpg"
        page.save(source, "JPEG", quality=85, dpi=(50, 50), icc_profile=profile)
        for flavour in FLAVOURS:
            out = tmp_path / f"{label}-{flavour}.pdf"
            report = to_pdfa([source], out, flavour, metadata=META)
            assert verify(out, flavour) == []
            ((keys, _),) = raw_images(out)
            kept = label == "v2" or flavour == "2b"
            assert ("/ICCBased" in keys["/ColorSpace"]) is kept, (label, flavour)
            assert report.inputs[0].action == ("passthrough" if kept else "re-encoded")


def test_location_metadata_is_left_out(tmp_path: Path, synth: Synth) -> None:
    exif = Image.Exif()
    exif.load(exif_bytes(dpi=100))
    exif.get_ifd(0x8825).update({1: "N", 2: (22.0, 32.0, 0.0), 3: "E", 4: (114.0, 3.0, 0.0)})
    source = tmp_path / "gps.jpg"
    synth.page("a4", 50).save(source, "JPEG", quality=80, exif=exif.tobytes(), dpi=(50, 50))
    report = to_pdfa([source], tmp_path / "gps.pdf", metadata=META)
    ((_, data),) = raw_images(tmp_path / "gps.pdf")
    assert b"Exif" not in data and len(data) < source.stat().st_size
    assert data[-1000:] == source.read_bytes()[-1000:]  # the compressed picture is unchanged
    assert report.inputs[0].action == "passthrough" and report.inputs[0].notes


# -- rendering: upright, right colours -----------------------------------------------------


@pytest.mark.parametrize("orientation", range(1, 9))
def test_exif_orientation_renders_upright(converted: Converted, orientation: int) -> None:
    for flavour in FLAVOURS:
        image = render(converted[f"exif-{orientation}", flavour][0], scale=0.5)
        assert image.height > image.width  # A4 portrait
        assert all(corner_marks(image).values()), (orientation, flavour)


def test_cmyk_renders_in_its_colours(converted: Converted, synth: Synth) -> None:
    with Image.open(synth.cmyk_adobe_jpeg()) as source:
        reference = source.convert("RGB")  # Pillow undoes the Adobe inversion
    for flavour in FLAVOURS:
        image = render(converted["cmyk-adobe", flavour][0], scale=0.5)
        assert mean_difference(image, reference) < 6  # an inverted page differs by ~200
        assert all(corner_marks(image).values())
        assert has_red(image), "the red seal is gone"


@pytest.mark.parametrize("name", ["beige-seal", "tiff-jpeg-3p", "tiff-g4-5p", "png16-grey"])
def test_pages_render_like_their_source(converted: Converted, synth: Synth, name: str) -> None:
    with Image.open(CASES[name](synth)) as source:
        reference = to_l_or_rgb(source)  # 16-bit grey scaled, not clipped as convert("L") does
        image = render_like(converted[name, "1b"][0], reference)
        assert mean_difference(image, reference.convert("RGB")) < 10  # wrong: 100+
        assert all(corner_marks(image).values())


def test_transparency_becomes_white_paper(converted: Converted) -> None:
    for name in ("rgba-png", "palette-trns"):
        image = render(converted[name, "1b"][0], scale=0.5)
        assert image.getpixel((image.width // 2, image.height - 5)) == (255, 255, 255)
        assert all(corner_marks(image).values())
        assert has_red(image)  # the seal is still red


def test_heic_photo_renders_upright(converted: Converted) -> None:
    image = render(converted["heic", "1b"][0], scale=0.5)
    assert image.width > image.height  # an ID card lies landscape once upright
    assert all(corner_marks(image).values())


# -- page size, metadata, determinism -----------------------------------------------------


def test_page_size_from_credible_dpi_else_the_material(
    converted: Converted, synth: Synth, tmp_path: Path
) -> None:
    a4 = (595.3, 841.9)
    scan = converted["scan-a4-300", "2b"][1].inputs[0].pages[0]
    assert scan.size_basis == "metadata" and scan.effective_dpi == pytest.approx(300, abs=1)
    assert (scan.width_pt, scan.height_pt) == pytest.approx(a4, abs=1)
    claimed_72 = converted["meta-72dpi", "2b"][1].inputs[0].pages[0]
    assert claimed_72.size_basis == "a4"  # 72 dpi would make a 0.9 m page: not believed
    assert (claimed_72.width_pt, claimed_72.height_pt) == pytest.approx(a4, abs=1)
    card = load_pack().materials["id-card-principal"]
    no_dpi = synth.scan("id-card", 300, metadata_dpi=None)
    report = to_pdfa([no_dpi], tmp_path / "card.pdf", metadata=META, material=card)
    page = report.inputs[0].pages[0]
    assert page.size_basis == "material" and page.effective_dpi == pytest.approx(300, abs=2)
    assert (page.width_pt, page.height_pt) == pytest.approx((242.6, 153.1), abs=1)


def test_huge_pages_stay_within_14400_points(tmp_path: Path) -> None:
    source = tmp_path / "strip.png"
    Image.new("L", (30_000, 60), 255).save(source)  # no DPI: the A4 assumption gives 170 000 pt
    report = to_pdfa([source], tmp_path / "strip.pdf", metadata=META)
    assert max(report.inputs[0].pages[0].width_pt, report.inputs[0].pages[0].height_pt) == 14_400
    assert verify(tmp_path / "strip.pdf") == []


def test_metadata_in_xmp_and_info(converted: Converted) -> None:
    out, _ = converted["scan-a4-300", "1b"]
    with pikepdf.open(out) as pdf:
        meta = pdf.open_metadata()
        assert meta["dc:title"] == "深圳市示例科技有限公司-首次备案-授权书"
        assert meta["dc:creator"] == ["深圳市示例科技有限公司"]
        assert meta["xmp:CreatorTool"].startswith("Beian Desktop")
        assert meta["xmp:CreateDate"] == meta["xmp:ModifyDate"] == STAMP.isoformat()
        assert str(pdf.docinfo["/Title"]) == "深圳市示例科技有限公司-首次备案-授权书"
        assert str(pdf.docinfo["/CreationDate"]).startswith("D:20261127093000")


def test_same_inputs_and_timestamp_give_identical_bytes(synth: Synth, tmp_path: Path) -> None:
    inputs = [synth.scan("id-card", 300), synth.orientation(5), synth.tiff_g4(), synth.rgba_png()]
    for flavour in FLAVOURS:
        first, second = tmp_path / f"a-{flavour}.pdf", tmp_path / f"b-{flavour}.pdf"
        to_pdfa(inputs, first, flavour, metadata=META)
        to_pdfa(inputs, second, flavour, metadata=META)
        assert first.read_bytes() == second.read_bytes()
    later = PdfaMetadata(META.title, STAMP + dt.timedelta(days=1), META.author)
    to_pdfa(inputs, tmp_path / "later.pdf", metadata=later)
    assert (tmp_path / "later.pdf").read_bytes() != (tmp_path / "a-2b.pdf").read_bytes()


def test_several_inputs_make_one_document_in_order(synth: Synth, tmp_path: Path) -> None:
    front, back = synth.scan("id-card", 300), synth.scan("id-card", 300, seal=True)
    report = to_pdfa([front, back, synth.tiff_g4(pages=2)], tmp_path / "all.pdf", metadata=META)
    assert [item.file for item in report.inputs] == [front.name, back.name, "g4-2p-200dpi.tif"]
    assert report.page_count == 4
    filters = [keys["/Filter"] for keys, _ in raw_images(tmp_path / "all.pdf")]
    assert filters == ["/DCTDecode", "/DCTDecode", "/CCITTFaxDecode", "/CCITTFaxDecode"]
    # the seal is only on the back: page 2 shows red, page 1 does not
    assert [has_red(render(tmp_path / "all.pdf", i, 0.5)) for i in (0, 1)] == [False, True]


# -- when validation refuses ---------------------------------------------------------------


def test_a_refused_first_attempt_is_redone_without_passthrough(
    synth: Synth, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A passthrough pikepdf's validator refuses (here: an ICC v4 profile in 1b, as a defect
    would produce) sends the conversion through the cautious path: decoded, in sRGB."""
    v4 = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    real = raster_module.passthrough

    def with_bad_profile(*args: object) -> object:
        found = real(*args)  # type: ignore[arg-type]
        return None if found is None else dataclasses.replace(found, icc=v4)

    monkeypatch.setattr(raster_module, "passthrough", with_bad_profile)
    out = tmp_path / "out.pdf"
    report = to_pdfa([synth.scan("a4", 50)], out, "1b", metadata=META)
    assert report.notes and report.inputs[0].action == "re-encoded"
    assert verify(out, "1b") == []


def test_no_output_when_nothing_passes(
    synth: Synth, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise pdfa.PdfaError(pdfa.Report(pdfa.Flavour("2b")))

    monkeypatch.setattr(convert_module, "save_pdfa", refuse)
    with pytest.raises(PdfaFailed) as caught:
        to_pdfa([synth.scan("a4", 50)], tmp_path / "out.pdf", metadata=META)
    assert caught.value.message.zh and not (tmp_path / "out.pdf").exists()


@pytest.mark.parametrize("compression", ["group4", "jpeg"])
@pytest.mark.parametrize("orientation", [3, 5, 6, 8])
def test_tiff_orientation_renders_upright(
    synth: Synth, tmp_path: Path, compression: str, orientation: int
) -> None:
    """Pillow reports a TIFF's size already turned and turns its pixels while decoding; the
    strips passed through are in the stored orientation. Both must end up upright."""
    stored = stored_for_orientation(synth.page("a4", 60), orientation)
    if compression == "group4":
        stored = stored.convert("L").point(lambda v: 255 if v > 128 else 0).convert("1")
    source = tmp_path / f"{compression}-{orientation}.tif"
    stored.save(source, compression=compression, tiffinfo={274: orientation}, strip_size=2**31 - 1)
    report = to_pdfa([source], tmp_path / "out.pdf", "1b", metadata=META)
    page = report.inputs[0].pages[0]
    assert page.encoding.endswith("passthrough") is (orientation in (3, 6, 8))
    image = render(tmp_path / "out.pdf", scale=0.5)
    assert image.height > image.width
    assert all(corner_marks(image).values())
