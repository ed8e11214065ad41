"""The decode layer's parts: sniffing, metadata DPI, formats, pixel statistics, typed errors."""

from __future__ import annotations

import struct
from pathlib import Path

import pikepdf
import pytest
from PIL import Image

from beian_desktop.core.errors import (
    CorruptFile,
    EmptyFile,
    EncryptedPdf,
    InputFileError,
    NoPages,
    TooLarge,
    TruncatedFile,
    UnreadableFile,
    UnsupportedFormat,
)
from beian_desktop.core.inspect import (
    A4,
    ColourClass,
    FileKind,
    analyse,
    choose_for_pixels,
    decode_boundary,
    effective_dpi,
    inspect,
    metadata_dpi,
    sniff,
    to_l_or_rgb,
    translate,
)
from beian_desktop.core.inspect.metadata import Dpi
from beian_desktop.core.rules.model import PaperFormat
from beian_desktop.core.text import Text

HEADS = {
    b"\xff\xd8\xff\xe0\x00\x10JFIF": FileKind.JPEG,
    b"\x89PNG\r\n\x1a\n\x00\x00": FileKind.PNG,
    b"II*\x00\x08\x00\x00\x00": FileKind.TIFF,
    b"MM\x00*\x00\x00\x00\x08": FileKind.TIFF,
    b"II+\x00\x08\x00\x00\x00": FileKind.TIFF,
    b"BM\x00\x00\x00\x00": FileKind.BMP,
    b"RIFF\x00\x00\x00\x00WEBPVP8 ": FileKind.WEBP,
    b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic": FileKind.HEIF,
    b"\x00\x00\x00\x1cftypavif\x00\x00\x00\x00avifmif1miaf": FileKind.AVIF,
    b"GIF89a\x01\x00": FileKind.GIF,
    b"\x00\x00\x00\x0cjP  \r\n\x87\n": FileKind.JPEG2000,
    b"junk\n%PDF-1.7\n": FileKind.PDF,
    b"hello world": FileKind.UNKNOWN,
}


@pytest.mark.parametrize(("head", "kind"), list(HEADS.items()), ids=lambda v: str(v)[:12])
def test_sniff_by_content(tmp_path: Path, head: bytes, kind: FileKind) -> None:
    path = tmp_path / "file.dat"
    path.write_bytes(head + b"\x00" * 64)
    sniffed = sniff(path)
    assert sniffed.kind is kind and sniffed.size == len(head) + 64
    assert sniffed.extension == ".dat" and not sniffed.extension_matches


def test_sniff_names_heif_codecs(tmp_path: Path) -> None:
    path = tmp_path / "a.heif"
    path.write_bytes(b"\x00\x00\x00\x1cftypavci\x00\x00\x00\x00mif1avcimiaf" + b"\x00" * 32)
    assert (sniff(path).kind, sniff(path).codec_hint) == (FileKind.HEIF, "AVC/H.264")


def test_sniff_refuses_empty_missing_and_folders(tmp_path: Path) -> None:
    (tmp_path / "empty.jpg").write_bytes(b"")
    with pytest.raises(EmptyFile):
        sniff(tmp_path / "empty.jpg")
    with pytest.raises(UnreadableFile):
        sniff(tmp_path / "missing.jpg")
    with pytest.raises(UnreadableFile):
        sniff(tmp_path)


def test_unrecognised_content_named_like_a_pdf_is_a_damaged_pdf(tmp_path: Path) -> None:
    (tmp_path / "scan.pdf").write_bytes(b"\x00garbage" * 20)
    with pytest.raises(CorruptFile) as caught:
        inspect(tmp_path / "scan.pdf")
    assert caught.value.format_name == "PDF"
    (tmp_path / "notes.txt").write_bytes(b"just text" * 20)
    with pytest.raises(UnsupportedFormat):
        inspect(tmp_path / "notes.txt")


def test_gif_is_refused_even_when_named_jpg(tmp_path: Path) -> None:
    path = tmp_path / "scan.jpg"
    Image.new("P", (4, 4)).save(path, "GIF")
    with pytest.raises(UnsupportedFormat) as caught:
        inspect(path)
    assert caught.value.format_name == "GIF"


# -- metadata DPI ------------------------------------------------------------------------------


def _jpeg(tmp_path: Path, **save: object) -> Image.Image:
    path = tmp_path / "x.jpg"
    Image.new("RGB", (8, 8), "white").save(path, "JPEG", **save)  # type: ignore[arg-type]
    return Image.open(path)


@pytest.mark.parametrize(("dpi", "expected"), [(300, 300), (72, 72), (1, None), (5, None)])
def test_jfif_dpi(tmp_path: Path, dpi: int, expected: float | None) -> None:
    with _jpeg(tmp_path, dpi=(dpi, dpi)) as image:
        found = metadata_dpi(image)
        assert (found.value if found else None) == expected


def test_exif_dpi_in_centimetres(tmp_path: Path) -> None:
    exif = Image.Exif()
    exif[0x011A], exif[0x011B], exif[0x0128] = 200, 200, 3
    with _jpeg(tmp_path, exif=exif.tobytes()) as image:
        found = metadata_dpi(image)
        assert found is not None and found.source == "exif"
        assert found.value == pytest.approx(508)


def test_exif_zero_resolution_counts_as_missing(tmp_path: Path) -> None:
    exif = Image.Exif()
    exif[0x011A], exif[0x011B] = 0, 0
    with _jpeg(tmp_path, exif=exif.tobytes()) as image:
        assert metadata_dpi(image) is None  # Pillow itself would say 72


def test_png_phys_in_metres(tmp_path: Path) -> None:
    path = tmp_path / "x.png"
    Image.new("L", (8, 8)).save(path, dpi=(150, 150))
    with Image.open(path) as image:
        found = metadata_dpi(image)
        assert found is not None and found.source == "png"
        assert found.value == pytest.approx(150, abs=0.05)  # stored as dots per metre


# -- physical size -----------------------------------------------------------------------------

A3 = PaperFormat(Text("A3", "A3"), 420, 297)
CARD = PaperFormat(Text("卡", "card"), 85.6, 54)


def test_effective_dpi_matches_long_side_to_long_side() -> None:
    assert effective_dpi(2480, 3508, A4) == pytest.approx(300, abs=0.5)
    assert effective_dpi(3508, 2480, A4) == pytest.approx(300, abs=0.5)  # landscape scan
    assert effective_dpi(1011, 638, CARD) == pytest.approx(300, abs=0.5)
    # margins or a wrong shape: the smaller axis counts (an honest upper bound)
    assert effective_dpi(2480, 2480, A4) == pytest.approx(2480 / (297 / 25.4))


def test_format_choice_by_metadata_then_shape() -> None:
    formats = (A3, A4, CARD)
    by_size = choose_for_pixels(formats, 2480, 3508, Dpi(300, 300, "jfif"))
    assert (by_size.format, by_size.basis) == (A4, "size")
    by_shape = choose_for_pixels(formats, 1011, 638, None)
    assert (by_shape.format, by_shape.basis) == (CARD, "aspect")
    tie = choose_for_pixels(formats, 2480, 3508, None)  # A3 and A4 share a shape
    assert (tie.format, tie.basis) == (A3, "default")


# -- pixel statistics --------------------------------------------------------------------------


def test_grey_rgb_is_greyscale_and_seal_makes_colour() -> None:
    page = Image.new("RGB", (400, 560), (250, 250, 250))
    for x in range(40, 360, 8):
        page.paste((20, 20, 20), (x, 100, x + 4, 400))
    assert analyse(page).colour is ColourClass.GREYSCALE
    page.paste((200, 30, 40), (300, 450, 316, 466))  # 256 px: 0.11 % of the page
    stats = analyse(page)
    assert stats.colour is ColourClass.COLOUR
    assert stats.chromatic_fraction == pytest.approx(256 / (400 * 560))


def test_two_tone_source_is_bilevel() -> None:
    page = Image.new("L", (100, 100), 255)
    page.paste(0, (10, 10, 50, 50))
    assert analyse(page, two_tone=True).colour is ColourClass.BILEVEL
    assert analyse(page, two_tone=None).colour is ColourClass.GREYSCALE


def test_alpha_and_sixteen_bit_normalise_onto_white() -> None:
    clear = Image.new("RGBA", (10, 10), (0, 0, 0, 0))
    assert to_l_or_rgb(clear).getpixel((5, 5)) == (255, 255, 255)
    wide = Image.new("I;16", (10, 10), 65535)
    assert to_l_or_rgb(wide).getpixel((5, 5)) == 255


# -- the decode boundary -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raised", "expected"),
    [
        (OSError("image file is truncated (8 bytes not processed)"), TruncatedFile),
        (OSError("broken data stream when reading image file"), CorruptFile),
        (OSError(2, "No such file or directory"), UnreadableFile),
        (EOFError(), TruncatedFile),
        (struct.error("unpack requires a buffer of 4 bytes"), CorruptFile),
        (ValueError("Unable to seek to frame"), CorruptFile),
        (SyntaxError("not a TIFF file"), CorruptFile),
        (RecursionError("maximum recursion depth exceeded"), CorruptFile),
        (MemoryError(), TooLarge),
        (
            RuntimeError("Support for this compression format has not been built in: AVC"),
            UnsupportedFormat,
        ),
        (pikepdf.PasswordError("invalid password"), EncryptedPdf),
        (pikepdf.PdfError("unable to find trailer dictionary"), CorruptFile),
        (
            Image.DecompressionBombError("Image size (300000000 pixels) exceeds limit of 1"),
            TooLarge,
        ),
    ],
    ids=lambda v: type(v).__name__,
)
def test_library_errors_become_typed_errors(raised: BaseException, expected: type) -> None:
    error = translate(raised, "TIFF", Path("/secret/张三-身份证.tif"), max_pixels=100)
    assert type(error) is expected
    assert "张三" not in error.detail and "/secret" not in error.detail


def test_decode_boundary_translates_and_keeps_beian_errors(tmp_path: Path) -> None:
    with pytest.raises(TruncatedFile), decode_boundary("PNG", tmp_path / "a.png"):
        raise OSError("image file is truncated")
    with pytest.raises(NoPages), decode_boundary("PDF"):
        raise NoPages("PDF")


def test_decompression_bomb_reports_its_size() -> None:
    error = translate(
        Image.DecompressionBombError("Image size (300000000 pixels) exceeds limit of 178956970"),
        max_pixels=120_000_000,
    )
    assert isinstance(error, TooLarge)
    assert (error.limit, error.value, error.maximum) == ("pixels", 300_000_000, 120_000_000)


ERRORS: list[InputFileError] = [
    UnreadableFile(),
    EmptyFile(),
    CorruptFile("PNG"),
    TruncatedFile("JPEG"),
    NoPages("PDF"),
    UnsupportedFormat("GIF"),
    UnsupportedFormat(),
    EncryptedPdf(),
    TooLarge("pixels", 300_000_000, 120_000_000),
    TooLarge("memory", 0, 0),
]


@pytest.mark.parametrize("error", ERRORS, ids=lambda e: f"{e.code}")
def test_every_file_error_is_bilingual_with_a_hint(error: InputFileError) -> None:
    assert error.code.startswith(("file-", "pdf-"))
    assert error.message.zh and error.message.en and error.message.zh != error.message.en
    assert error.hint is not None and error.hint.zh and error.hint.en
    assert str(error) == error.message.en
    assert error.to_dict()["code"] == error.code
