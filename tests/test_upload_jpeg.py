"""Upload images (core.convert.upload): limits met, pixels right, originals untouched."""

from __future__ import annotations

import hashlib
import io
import json
import struct
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import cast

import pytest
from PIL import Image, ImageChops, ImageCms, ImageStat
from support.synth import Synth, corner_marks, exif_bytes, px

from beian_desktop.core.convert import UploadResult, page_suffix, to_upload_jpeg, to_upload_jpegs
from beian_desktop.core.convert.geometry import PageGeometry
from beian_desktop.core.convert.jpeg_search import MAX_ENCODES, Encoder, ladder, search
from beian_desktop.core.convert.passthrough import jpeg_frame_type
from beian_desktop.core.findings import Severity
from beian_desktop.core.inspect import FormatChoice, inspect, register_heif_opener
from beian_desktop.core.rules.model import Material, PaperFormat, UploadProfile
from beian_desktop.core.text import Text

Materials = dict[str, Material]
Profiles = dict[str, UploadProfile]
PROFILES = ("generic", "huawei", "agency", "miit-legacy")
LETTER, CERTIFICATE, ID_CARD, PLAN = (
    "authorization-letter",
    "subject-certificate",
    "id-card-principal",
    "construction-plan",  # colour not required
)


@pytest.fixture(scope="session")
def extra(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder for inputs this module draws itself (GPS, progressive, wide-gamut, PNG)."""
    return tmp_path_factory.mktemp("upload-inputs")


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def convert(
    path: Path,
    material: Material,
    profile: UploadProfile,
    out: Path,
    name: str = "材料",
    **options: object,
) -> list[UploadResult]:
    results = to_upload_jpegs(path, material, profile, out, name, **options)  # type: ignore[arg-type]
    json.dumps([result.to_dict() for result in results], ensure_ascii=False)  # serialisable
    return results


def codes(result: UploadResult) -> set[str]:
    return {finding.code for finding in result.findings}


def opened(result: UploadResult) -> Image.Image:
    image = Image.open(result.path)
    image.load()
    return image


def tight(profile: UploadProfile, max_bytes: int) -> UploadProfile:
    return replace(profile, id="tight", max_bytes=max_bytes, min_bytes=0, cap_inclusive=True)


def mean_difference(a: Image.Image, b: Image.Image) -> float:
    small = (200, round(200 * a.height / a.width))
    diff = ImageChops.difference(a.convert("RGB").resize(small), b.convert("RGB").resize(small))
    return sum(ImageStat.Stat(diff).mean) / 3


# -- inputs drawn here -------------------------------------------------------------------------


def _cached(folder: Path, name: str, write: Callable[[Path], None]) -> Path:
    path = folder / name
    if not path.exists():
        write(path)
    return path


def gps_exif(orientation: int = 1) -> bytes:
    exif = Image.Exif()
    exif[0x0112] = orientation
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: (39.0, 54.0, 27.0), 3: "E", 4: (116.0, 23.0, 0.0)})
    return exif.tobytes()


def _s15(value: float) -> bytes:
    return struct.pack(">i", round(value * 65536))


def _xyz(x: float, y: float, z: float) -> bytes:
    return b"XYZ \0\0\0\0" + _s15(x) + _s15(y) + _s15(z)


def display_p3_icc() -> bytes:
    """A minimal ICC v2 matrix/TRC profile with Display P3's primaries (D50-adapted) and a 2.2
    gamma: enough for LittleCMS to convert P3 pixels the way a phone's profile does."""
    text = b"Display P3 (test)\0"
    desc = b"desc\0\0\0\0" + struct.pack(">I", len(text)) + text + bytes(8 + 2 + 1 + 67)
    curve = b"curv\0\0\0\0" + struct.pack(">IH", 1, round(2.2 * 256))
    tags = [
        (b"desc", desc),
        (b"wtpt", _xyz(0.9642, 1.0, 0.8249)),
        (b"rXYZ", _xyz(0.51512, 0.24120, -0.00105)),
        (b"gXYZ", _xyz(0.29198, 0.69225, 0.04189)),
        (b"bXYZ", _xyz(0.15710, 0.06657, 0.78407)),
        (b"rTRC", curve),
        (b"gTRC", curve),
        (b"bTRC", curve),
        (b"cprt", b"text\0\0\0\0none\0"),
    ]
    offset = 128 + 4 + 12 * len(tags)
    table, data = b"", b""
    for signature, body in tags:
        table += signature + struct.pack(">II", offset + len(data), len(body))
        data += body + b"\0" * (-len(body) % 4)
    header = (
        struct.pack(">I", offset + len(data))
        + bytes(4)
        + struct.pack(">I", 0x02100000)
        + b"mntrRGB XYZ "
        + struct.pack(">6H", 2024, 1, 1, 0, 0, 0)
        + b"acsp"
        + bytes(28)
        + _s15(0.9642)
        + _s15(1.0)
        + _s15(0.8249)
        + bytes(48)
    )
    return header + struct.pack(">I", len(tags)) + table + data


P3_ORANGE = (200, 100, 50)


def p3_page(synth: Synth) -> Image.Image:
    """An ID-card page at 300 dpi with a big P3 orange patch (in the middle, clear of marks)."""
    page = synth.page("id-card", 300, seal=True)
    width, height = page.size
    page.paste(P3_ORANGE, (width * 2 // 5, height * 2 // 5, width * 3 // 5, height * 3 // 5))
    return page


# -- copy unchanged ------------------------------------------------------------------------------


def test_file_within_every_limit_is_copied_byte_for_byte(
    synth: Synth, materials: Materials, profiles: Profiles, tmp_path: Path
) -> None:
    source = synth.scan("a4", 300, seal=True)
    (result,) = convert(source, materials[LETTER], profiles["generic"], tmp_path)
    assert result.method == "copied" and result.how.en == "copied unchanged"
    assert result.path == tmp_path / "材料.jpg"
    assert result.path.read_bytes() == source.read_bytes()
    assert result.sha256 == sha(source) == sha(result.path)
    assert (result.width, result.height, result.quality) == (px(210, 300), px(297, 300), None)
    assert result.effective_dpi == pytest.approx(300, abs=1)
    assert not result.findings


def test_png_is_copied_only_where_the_profile_takes_png(
    synth: Synth, materials: Materials, profiles: Profiles, extra: Path, tmp_path: Path
) -> None:
    def write(path: Path) -> None:
        synth.page("id-card", 300, seal=True).save(path, "PNG", dpi=(300, 300))

    source = _cached(extra, "id-card-300.png", write)
    (as_png,) = convert(source, materials[ID_CARD], profiles["generic"], tmp_path / "g")
    assert as_png.method == "copied" and as_png.format == "png" and as_png.path.suffix == ".png"
    assert as_png.sha256 == sha(source)
    (as_jpeg,) = convert(source, materials[ID_CARD], profiles["agency"], tmp_path / "a")
    assert as_jpeg.format == "jpeg" and as_jpeg.path.suffix == ".jpg"
    assert opened(as_jpeg).format == "JPEG"


def test_progressive_jpeg_is_re_encoded_as_baseline(
    synth: Synth, materials: Materials, profiles: Profiles, extra: Path, tmp_path: Path
) -> None:
    def write(path: Path) -> None:
        synth.page("id-card", 300, seal=True).save(path, "JPEG", progressive=True, dpi=(300, 300))

    source = _cached(extra, "progressive.jpg", write)
    assert jpeg_frame_type(source) == 0xC2
    (result,) = convert(source, materials[ID_CARD], profiles["generic"], tmp_path)
    assert result.method == "re-encoded" and jpeg_frame_type(result.path) == 0xC0


def test_location_is_never_passed_on(
    synth: Synth, materials: Materials, profiles: Profiles, extra: Path, tmp_path: Path
) -> None:
    """A phone picture with GPS would otherwise qualify for a copy: it is re-encoded instead."""

    def write(path: Path) -> None:
        page = synth.page("id-card", 300, seal=True)
        page.save(path, "JPEG", quality=85, dpi=(300, 300), exif=gps_exif())

    source = _cached(extra, "gps.jpg", write)
    (result,) = convert(source, materials[ID_CARD], profiles["generic"], tmp_path)
    assert result.method == "re-encoded"
    assert "upload.location-removed" in codes(result)
    data = result.path.read_bytes()
    assert b"Exif" not in data and b"http://ns.adobe.com/xap" not in data
    output = opened(result)
    assert not output.getexif() and not output.getexif().get_ifd(0x8825)
    assert "icc_profile" not in output.info and "comment" not in output.info


# -- the profiles' caps and the DPI floor ------------------------------------------------------


CAP_INPUTS: dict[str, tuple[Callable[[Synth], Path], str]] = {
    "id-card-300": (lambda s: s.scan("id-card", 300, seal=True), ID_CARD),
    "a4-300": (lambda s: s.scan("a4", 300, seal=True), LETTER),
    "a3-300": (lambda s: s.scan("a3", 300, seal=True), CERTIFICATE),
    "heic": (lambda s: s.heic(), ID_CARD),
    "pdf-2-pages": (lambda s: s.scanner_pdf("id-card", 300, pages=2), ID_CARD),
    "cmyk": (lambda s: s.cmyk_adobe_jpeg(), LETTER),
    "rgb16": (lambda s: s.png16_rgb(), ID_CARD),
}
# Inputs every profile can take: ID-card scans are small enough even for 100 KB.
ALWAYS_FEASIBLE = {"id-card-300", "heic", "pdf-2-pages", "rgb16"}


@pytest.mark.parametrize("profile_id", PROFILES)
@pytest.mark.parametrize("input_id", sorted(CAP_INPUTS))
def test_every_output_meets_the_cap_or_says_why(
    synth: Synth,
    materials: Materials,
    profiles: Profiles,
    tmp_path: Path,
    profile_id: str,
    input_id: str,
) -> None:
    make, material_id = CAP_INPUTS[input_id]
    material, profile = materials[material_id], profiles[profile_id]
    for result in convert(make(synth), material, profile, tmp_path):
        assert result.size_bytes == result.path.stat().st_size
        if profile.accepts_size(result.size_bytes):
            assert not codes(result) & {"upload.cap-unreachable", "upload.under-min-bytes"}
        else:
            assert result.blocking
            assert codes(result) & {"upload.cap-unreachable", "upload.under-min-bytes"}
        if input_id in ALWAYS_FEASIBLE or profile_id in ("generic", "huawei"):
            assert profile.accepts_size(result.size_bytes), result.to_dict()
        if result.effective_dpi is not None and material.min_dpi:
            assert result.effective_dpi >= material.min_dpi or "upload.below-dpi-floor" in codes(
                result
            )


@pytest.mark.parametrize("cap", [1_500_000, 900_000, 700_000])
def test_downscaling_stops_at_the_dpi_floor(
    synth: Synth, materials: Materials, profiles: Profiles, tmp_path: Path, cap: int
) -> None:
    material = materials[LETTER]
    profile = tight(profiles["generic"], cap)
    (result,) = convert(synth.scan("a4", 300, seal=True), material, profile, tmp_path)
    assert result.effective_dpi is not None and result.effective_dpi >= material.min_dpi
    assert (result.width, result.height) >= (px(210, 200), px(297, 200))
    if profile.accepts_size(result.size_bytes):
        assert result.size_bytes >= 0.8 * cap  # close under the budget, not far below it
    else:
        assert "upload.cap-unreachable" in codes(result)
    again = inspect(result.path, material)  # the copy measures the same when inspected
    assert again.min_effective_dpi == pytest.approx(result.effective_dpi, abs=1)
    assert "inspect.dpi-low" not in again.codes()
    assert opened(result).info["dpi"] == pytest.approx((result.effective_dpi,) * 2, abs=1)


def test_cap_that_cannot_be_met_above_the_floor_is_a_blocking_finding(
    synth: Synth, materials: Materials, profiles: Profiles, tmp_path: Path
) -> None:
    material, profile = materials[CERTIFICATE], profiles["miit-legacy"]
    (result,) = convert(synth.scan("a3", 300, seal=True), material, profile, tmp_path)
    finding = next(f for f in result.findings if f.code == "upload.cap-unreachable")
    assert finding.severity is Severity.BLOCKING and result.blocking
    assert finding.extra["bytes"] == result.size_bytes > profile.max_bytes
    floor_dpi = finding.extra["floor_dpi"]
    assert isinstance(floor_dpi, float) and floor_dpi >= material.min_dpi
    assert finding.extra["quality"] == result.quality == 60
    assert "100 KB" in finding.message.zh and "100 KB" in finding.message.en
    assert finding.fix is not None and finding.fix.kind == "choose-profile"
    # the best effort is still written: the floor itself, never less
    assert result.path.exists() and result.effective_dpi is not None
    assert material.min_dpi <= result.effective_dpi < material.min_dpi + 2


def test_scan_below_the_floor_is_never_enlarged(
    synth: Synth, materials: Materials, profiles: Profiles, tmp_path: Path
) -> None:
    material = materials[LETTER]
    source = synth.scan("a4", 150, seal=True)
    (kept,) = convert(source, material, profiles["generic"], tmp_path / "g")
    assert kept.method == "copied" and "upload.below-dpi-floor" in codes(kept)
    (squeezed,) = convert(source, material, tight(profiles["generic"], 300_000), tmp_path / "t")
    assert (squeezed.width, squeezed.height) == (px(210, 150), px(297, 150))
    assert squeezed.method == "re-encoded" and "upload.below-dpi-floor" in codes(squeezed)
    finding = next(f for f in squeezed.findings if f.code == "upload.below-dpi-floor")
    assert finding.blocking and finding.extra["required_dpi"] == material.min_dpi


def test_minimum_size_is_reached_by_quality_not_padding(
    synth: Synth, materials: Materials, profiles: Profiles, tmp_path: Path
) -> None:
    source = synth.scan("id-card", 300, seal=True)  # ~80 KB: under the agency's 100 KB
    profile = profiles["agency"]
    assert source.stat().st_size < profile.min_bytes
    (result,) = convert(source, materials[ID_CARD], profile, tmp_path)
    assert profile.accepts_size(result.size_bytes)
    assert result.quality is not None and result.quality > 92
    assert (result.width, result.height) == (px(85.6, 300), px(54, 300))  # not enlarged
    assert result.path.read_bytes().endswith(b"\xff\xd9")  # nothing after the image's end


def test_search_uses_few_encodes_and_lands_close_under_the_budget(synth: Synth) -> None:
    with Image.open(synth.scan("a3", 300, seal=True)) as source:
        base = source.convert("RGB")
    floor = (px(297, 200), px(420, 200))
    for budget in (2_000_000, 1_200_000, 950_000):
        encoder = Encoder(base, lambda image: image, lambda size: 300)
        outcome = search(encoder, floor, budget)
        assert outcome.encodes <= MAX_ENCODES
        assert outcome.fits and 0.85 * budget <= outcome.best.length <= budget
        assert outcome.best.size >= floor


def test_ladder_runs_from_the_floor_to_full_quality() -> None:
    rungs = ladder((3000, 4000), (1500, 2000))
    assert rungs[0].size == (1500, 2000) and rungs[0].quality == 60
    assert rungs[-1].size == (3000, 4000) and rungs[-1].quality == 92
    sizes = [rung.size for rung in rungs]
    assert sizes == sorted(sizes)  # sizes never shrink as rungs climb
    assert ladder((800, 600), (800, 600))[0].size == (800, 600)  # no floor room: quality only


def test_floor_size_keeps_the_minimum_dpi() -> None:
    a4 = FormatChoice(PaperFormat(Text("A4", "A4"), 210, 297), "only")
    geometry = PageGeometry((2480, 3508), a4, 300.0, False)
    floor = geometry.floor_size(200)
    assert (
        (geometry.dpi_of(floor) or 0) >= 200 > (geometry.dpi_of((floor[0] - 2, floor[1] - 2)) or 0)
    )
    assert geometry.floor_size(400) == (2480, 3508)  # under the floor: kept, never enlarged
    assert max(geometry.floor_size(0)) == 1600  # no floor: a legible size


# -- pixels: orientation, colour, alpha, depth --------------------------------------------------


@pytest.mark.parametrize("orientation", range(1, 9))
def test_exif_orientation_is_applied_to_the_pixels(
    synth: Synth, materials: Materials, profiles: Profiles, tmp_path: Path, orientation: int
) -> None:
    (result,) = convert(
        synth.orientation(orientation), materials[LETTER], profiles["generic"], tmp_path
    )
    assert result.method == ("copied" if orientation == 1 else "re-encoded")
    output = opened(result)
    assert output.size == (px(210, 100), px(297, 100))  # portrait, as the page reads
    assert all(corner_marks(output).values())
    assert output.getexif().get(0x0112, 1) == 1  # nothing left for a viewer to turn again


def test_cmyk_adobe_jpeg_comes_out_in_the_right_colours(
    synth: Synth, materials: Materials, profiles: Profiles, tmp_path: Path
) -> None:
    (result,) = convert(synth.cmyk_adobe_jpeg(), materials[LETTER], profiles["generic"], tmp_path)
    output = opened(result)
    assert output.mode == "RGB"
    expected = synth.page("a4", 100, seal=True)
    assert mean_difference(output, expected) < 6  # inverted CMYK would be ~200 off
    assert all(corner_marks(output).values())


def test_rgba_png_is_flattened_on_white(
    synth: Synth, materials: Materials, profiles: Profiles, tmp_path: Path
) -> None:
    (result,) = convert(synth.rgba_png(), materials[LETTER], profiles["generic"], tmp_path)
    output = opened(result)
    assert output.mode == "RGB"
    paper = output.getpixel((output.width // 2, output.height - 5))
    assert isinstance(paper, tuple) and min(paper) >= 245  # transparent paper became white
    assert mean_difference(output, synth.page("a4", 100, seal=True)) < 6


def test_palette_png_with_transparency(
    synth: Synth, materials: Materials, profiles: Profiles, tmp_path: Path
) -> None:
    (result,) = convert(synth.palette_trns_png(), materials[LETTER], profiles["generic"], tmp_path)
    output = opened(result)
    assert output.mode == "RGB" and all(corner_marks(output).values())
    assert mean_difference(output, synth.page("a4", 100, seal=True)) < 8


def test_16_bit_inputs_become_8_bit_without_clipping(
    synth: Synth, materials: Materials, profiles: Profiles, tmp_path: Path
) -> None:
    (rgb,) = convert(synth.png16_rgb(), materials[ID_CARD], profiles["generic"], tmp_path / "rgb")
    output = opened(rgb)
    assert output.mode == "RGB" and output.size == (px(85.6, 300), px(54, 300))
    assert mean_difference(output, synth.page("id-card", 300, seal=True)) < 4
    (grey,) = convert(synth.png16_grey(), materials[LETTER], profiles["generic"], tmp_path / "l")
    output = opened(grey)
    assert output.mode == "L"  # grey stays grey: no fake colour, even where colour is required
    low, high = cast(tuple[int, int], output.getextrema())
    assert low < 60 and high > 240  # scaled, not clipped to white


def test_grey_scan_becomes_grey_jpeg_only_where_colour_is_not_required(
    synth: Synth, materials: Materials, profiles: Profiles, tmp_path: Path
) -> None:
    source = synth.grey_as_rgb()  # grey pixels stored as RGB
    small = tight(profiles["generic"], 200_000)  # force a re-encode
    (plan,) = convert(source, materials[PLAN], small, tmp_path / "plan")
    assert opened(plan).mode == "L"
    (letter,) = convert(source, materials[LETTER], small, tmp_path / "letter")
    assert opened(letter).mode == "RGB"  # kept as it is; inspection reports the grey scan
    (seal,) = convert(synth.white_with_seal(), materials[PLAN], small, tmp_path / "seal")
    assert opened(seal).mode == "RGB"  # colour is never reduced to grey


def test_wide_gamut_jpeg_is_converted_to_srgb(
    synth: Synth, materials: Materials, profiles: Profiles, extra: Path, tmp_path: Path
) -> None:
    def write(path: Path) -> None:
        p3_page(synth).save(path, "JPEG", quality=95, dpi=(300, 300), icc_profile=display_p3_icc())

    (result,) = convert(
        _cached(extra, "p3.jpg", write), materials[ID_CARD], profiles["generic"], tmp_path
    )
    assert result.method == "re-encoded" and result.colour_converted_from == "Display P3 (test)"
    _assert_p3_orange_converted(opened(result))


def test_heic_display_p3_photo_is_upright_srgb(
    synth: Synth, materials: Materials, profiles: Profiles, extra: Path, tmp_path: Path
) -> None:
    def write(path: Path) -> None:
        register_heif_opener()
        stored = p3_page(synth).transpose(Image.Transpose.ROTATE_90)  # needs orientation 6
        stored.save(path, "HEIF", quality=90, exif=exif_bytes(6), icc_profile=display_p3_icc())

    (result,) = convert(
        _cached(extra, "p3.heic", write), materials[ID_CARD], profiles["generic"], tmp_path
    )
    output = opened(result)
    assert output.size == (px(85.6, 300), px(54, 300)) and all(corner_marks(output).values())
    assert result.colour_converted_from == "Display P3 (test)"
    _assert_p3_orange_converted(output)


def _assert_p3_orange_converted(output: Image.Image) -> None:
    """The patch shows P3 orange as sRGB: more saturated numbers than the stored ones."""
    patch = output.crop(
        (
            output.width * 9 // 20,
            output.height * 9 // 20,
            output.width * 11 // 20,
            output.height * 11 // 20,
        )
    )
    red, green, blue = (round(v) for v in ImageStat.Stat(patch).mean)
    p3 = ImageCms.ImageCmsProfile(io.BytesIO(display_p3_icc()))
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
    expected = ImageCms.profileToProfile(Image.new("RGB", (1, 1), P3_ORANGE), p3, srgb)
    assert expected is not None
    assert (red, green, blue) == pytest.approx(expected.getpixel((0, 0)), abs=4)
    assert red > P3_ORANGE[0] + 8 and blue < P3_ORANGE[2] - 15  # moved, as P3 → sRGB does


def test_heic_phone_photo(
    synth: Synth, materials: Materials, profiles: Profiles, tmp_path: Path
) -> None:
    (result,) = convert(synth.heic(), materials[ID_CARD], profiles["generic"], tmp_path)
    output = opened(result)
    assert output.format == "JPEG" and output.size == (px(85.6, 400), px(54, 400))
    assert all(corner_marks(output).values())
    assert result.effective_dpi == pytest.approx(400, abs=1)


# -- pages: PDFs and TIFFs ---------------------------------------------------------------------


def test_two_page_pdf_of_an_id_card_gives_two_images(
    synth: Synth, materials: Materials, profiles: Profiles, tmp_path: Path
) -> None:
    source = synth.scanner_pdf("id-card", 300, pages=2)
    front, back = convert(source, materials[ID_CARD], profiles["generic"], tmp_path, "身份证")
    assert (front.path.name, back.path.name) == ("身份证.jpg", "身份证-2.jpg")
    for page, result in enumerate((front, back)):
        assert result.page == page and result.rendered
        assert result.how.en.startswith(f"rendered from PDF page {page + 1} at 300 dpi")
        assert (result.width, result.height) == (px(85.6, 300), px(54, 300))
        assert result.effective_dpi == pytest.approx(300, abs=2)
        assert all(corner_marks(opened(result)).values())
    sides = ("（人像面）", "（国徽面）")
    named = convert(
        source,
        materials[ID_CARD],
        profiles["generic"],
        tmp_path,
        "身份证",
        suffix=lambda page, _pages: sides[page],
    )
    assert [r.path.name for r in named] == ["身份证（人像面）.jpg", "身份证（国徽面）.jpg"]


def test_one_page_of_a_pdf(
    synth: Synth, materials: Materials, profiles: Profiles, tmp_path: Path
) -> None:
    source = synth.scanner_pdf("id-card", 300, pages=2)
    result = to_upload_jpeg(
        source, materials[ID_CARD], profiles["generic"], tmp_path, "背面", page=1
    )
    assert result.page == 1 and result.path == tmp_path / "背面.jpg"
    assert [p.name for p in tmp_path.iterdir()] == ["背面.jpg"]


def test_pdf_page_without_a_scan_is_rendered_at_300_dpi(
    synth: Synth, materials: Materials, profiles: Profiles, tmp_path: Path
) -> None:
    (result,) = convert(synth.text_pdf(), materials[LETTER], profiles["generic"], tmp_path)
    assert result.rendered and result.effective_dpi == pytest.approx(300, abs=2)
    assert opened(result).size == pytest.approx((px(210, 300), px(297, 300)), abs=1)


def test_multipage_tiff_gives_one_image_per_page(
    synth: Synth, materials: Materials, profiles: Profiles, tmp_path: Path
) -> None:
    results = convert(
        synth.tiff_colour_jpeg(3), materials[CERTIFICATE], profiles["generic"], tmp_path, "执照"
    )
    assert [r.path.name for r in results] == ["执照.jpg", "执照-2.jpg", "执照-3.jpg"]
    assert red_pixels(opened(results[0])) > 500  # the first page's seal stayed red
    assert red_pixels(opened(results[1])) == 0
    assert all(opened(r).mode == "RGB" and r.page == i for i, r in enumerate(results))


def red_pixels(image: Image.Image) -> int:
    """Seal-red pixels (R high, G and B low) in the area where synth draws the seal."""
    width, height = image.size
    area = image.crop((width // 2, height // 2, width, height)).convert("RGB")
    red, green, blue = area.split()
    mask = ImageChops.multiply(
        red.point(lambda v: 255 if v > 150 else 0),
        ImageChops.lighter(green, blue).point(lambda v: 255 if v < 90 else 0),
    )
    return int(ImageStat.Stat(mask).sum[0] // 255)


def test_default_suffixes() -> None:
    assert [page_suffix(i, 3) for i in range(3)] == ["", "-2", "-3"]


# -- safety: determinism, originals, names -------------------------------------------------------


def test_same_input_gives_the_same_bytes(
    synth: Synth, materials: Materials, profiles: Profiles, tmp_path: Path
) -> None:
    source, material = synth.scan("a4", 300, seal=True), materials[LETTER]
    profile = tight(profiles["generic"], 800_000)  # a real search, with downscaling
    first = convert(source, material, profile, tmp_path / "1")[0]
    second = convert(source, material, profile, tmp_path / "2")[0]
    assert first.method == "downscaled" and first.sha256 == second.sha256
    assert first.path.read_bytes() == second.path.read_bytes()


@pytest.mark.parametrize(
    "make",
    [
        lambda s: s.scan("a4", 300, seal=True),
        lambda s: s.orientation(6),
        lambda s: s.heic(),
        lambda s: s.scanner_pdf("id-card", 300, pages=2),
        lambda s: s.tiff_colour_jpeg(3),
    ],
    ids=["jpeg", "rotated", "heic", "pdf", "tiff"],
)
def test_originals_are_left_untouched(
    synth: Synth,
    materials: Materials,
    profiles: Profiles,
    tmp_path: Path,
    make: Callable[[Synth], Path],
) -> None:
    source = make(synth)
    before, mtime = sha(source), source.stat().st_mtime_ns
    for profile in (profiles["generic"], profiles["miit-legacy"]):
        convert(source, materials[LETTER], profile, tmp_path / profile.id)
    assert sha(source) == before and source.stat().st_mtime_ns == mtime


def test_names_are_the_callers_and_stay_in_the_folder(
    synth: Synth, materials: Materials, profiles: Profiles, tmp_path: Path
) -> None:
    source = synth.scan("id-card", 300, seal=True)
    with pytest.raises(ValueError, match="not a file name"):
        convert(source, materials[ID_CARD], profiles["generic"], tmp_path, "../escape")
    copy = tmp_path / "same.jpg"
    copy.write_bytes(source.read_bytes())
    with pytest.raises(ValueError, match="overwrite"):
        convert(copy, materials[ID_CARD], profiles["generic"], tmp_path, "same")
    assert copy.read_bytes() == source.read_bytes()


def test_result_serialises_with_both_languages(
    synth: Synth, materials: Materials, profiles: Profiles, tmp_path: Path
) -> None:
    (result,) = convert(
        synth.scan("a3", 300, seal=True), materials[CERTIFICATE], profiles["miit-legacy"], tmp_path
    )
    data = json.loads(json.dumps(result.to_dict(), ensure_ascii=False))
    assert data["method"] == "downscaled" and data["how"]["en"].startswith("downscaled to")
    assert data["how"]["zh"].startswith("缩小到")
    assert data["sha256"] == sha(result.path) and data["size_bytes"] == result.size_bytes
    assert data["blocking"] is True and data["findings"][0]["message"]["zh"]


def test_heif_colour_space_without_a_profile_is_reported_not_guessed() -> None:
    from beian_desktop.core.convert.colour import prepare

    image = Image.new("RGB", (8, 8), P3_ORANGE)
    image.info["nclx_profile"] = {"color_primaries": 12}  # Display P3 primaries, no ICC
    prepared = prepare(image, grey=False)
    assert prepared.unconverted == "nclx primaries 12" and prepared.converted_from is None
    assert prepared.image.getpixel((0, 0)) == P3_ORANGE  # kept as stored; the user is told
    image.info["nclx_profile"] = {"color_primaries": 1}  # BT.709 = sRGB
    assert prepare(image, grey=False).unconverted is None


def test_srgb_profile_does_not_stop_a_copy(
    synth: Synth, materials: Materials, profiles: Profiles, extra: Path, tmp_path: Path
) -> None:
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()

    def write(path: Path) -> None:
        page = synth.page("id-card", 300, seal=True)
        page.save(path, "JPEG", quality=85, dpi=(300, 300), icc_profile=srgb)

    source = _cached(extra, "srgb.jpg", write)
    (result,) = convert(source, materials[ID_CARD], profiles["generic"], tmp_path)
    assert result.method == "copied" and result.sha256 == sha(source)


def test_unreadable_profile_is_reported(
    synth: Synth, materials: Materials, profiles: Profiles, extra: Path, tmp_path: Path
) -> None:
    def write(path: Path) -> None:
        page = synth.page("id-card", 300, seal=True)
        page.save(path, "JPEG", quality=85, dpi=(300, 300), icc_profile=b"not a profile" * 20)

    (result,) = convert(
        _cached(extra, "bad-icc.jpg", write), materials[ID_CARD], profiles["generic"], tmp_path
    )
    assert result.method == "re-encoded"  # a profile that cannot be read is not vouched for
    assert "upload.colours-unconverted" in codes(result)
