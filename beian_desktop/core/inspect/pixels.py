"""Statistics measured on the pixels of a reduced page: colour class, blank, exposure, blur.

All of them work on the small "L"/"RGB" rendition from `RasterFile.reduced()` (or a low-resolution
PDF rendering), so they cost the same for a phone photo and for a 600-dpi scan.

Colour is judged from chroma (max − min of R, G, B), not from the mean saturation: a black-on-beige
licence with a small red seal has a low average but a clear tail of strongly coloured pixels, and a
grey scan saved as RGB has no chroma at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from PIL import Image, ImageChops

STRONG_CHROMA = 64  # a seal, a signature in blue ink, a photo: clearly not grey
COLOUR_SEAL_FRACTION = 0.0005  # 0.05 % strongly coloured pixels make a colour page
TINTED_PAPER_CHROMA = 18  # median chroma of a tinted (beige, security-printed) colour scan
COLOUR_SAMPLE_MIN_SIDE = 400  # renditions at least this big are halved for the colour check
CONTENT_CONTRAST = 48  # luma distance from the paper that counts as content
BLANK_CONTENT_FRACTION = 0.001
DARK_PAPER_LUMA = 80  # the paper itself (median luma) is this dark: underexposed
FAINT_INK_LUMA = 165  # even the darkest 0.1 % of pixels are this light: washed out
STEEPEST_EDGES = 0.001  # sharpness looks at the steepest 0.1 % of edges
MIN_CONTRAST_FOR_SHARPNESS = 32
# An edge blurred by a Gaussian of σ pixels has sharpness ≈ 0.4 / σ (its steepest step, 1/σ√2π).
BLUR_EDGE_WIDTH = 0.4
BLURRY_SHARPNESS = 0.27  # σ ≥ 1.5 analysis pixels: clearly beyond the reduction's own softness
BLURRY_MM = 0.4  # σ in millimetres on the document: 10-pt strokes (~0.3 mm) smear together


class ColourClass(StrEnum):
    COLOUR = "colour"
    GREYSCALE = "greyscale"
    BILEVEL = "bilevel"


@dataclass(frozen=True, slots=True)
class PixelStats:
    colour: ColourClass
    chromatic_fraction: float  # share of strongly coloured pixels
    median_chroma: int
    paper_luma: int  # median luma: the paper under good light is ~220–255
    content_fraction: float  # share of pixels that stand out from the paper
    faint_luma: int  # luma of the darkest 0.1 % of pixels
    sharpness: float | None  # ~1 crisp … ~0.4/σ px blurred; None on blank or flat pages
    blank: bool
    too_dark: bool
    too_bright: bool
    blurry: bool

    def to_dict(self) -> dict[str, object]:
        return {
            "colour": self.colour.value,
            "chromatic_fraction": round(self.chromatic_fraction, 5),
            "median_chroma": self.median_chroma,
            "paper_luma": self.paper_luma,
            "content_fraction": round(self.content_fraction, 5),
            "faint_luma": self.faint_luma,
            "sharpness": None if self.sharpness is None else round(self.sharpness, 4),
            "blank": self.blank,
            "too_dark": self.too_dark,
            "too_bright": self.too_bright,
            "blurry": self.blurry,
        }


def _percentile(histogram: list[int], fraction: float) -> int:
    """The smallest value v such that at least `fraction` of the pixels are <= v."""
    total = sum(histogram)
    wanted, running = fraction * total, 0
    for value, count in enumerate(histogram):
        running += count
        if running >= wanted and running > 0:
            return value
    return len(histogram) - 1


def chroma(rgb: Image.Image) -> Image.Image:
    """Per-pixel chroma, max(R, G, B) − min(R, G, B), as an "L" image."""
    red, green, blue = rgb.split()
    brightest = ImageChops.lighter(ImageChops.lighter(red, green), blue)
    darkest = ImageChops.darker(ImageChops.darker(red, green), blue)
    return ImageChops.subtract(brightest, darkest)


def _colour_class(image: Image.Image, two_tone: bool | None) -> tuple[ColourClass, float, int]:
    if image.mode == "RGB":
        # Colour needs no fine detail: a 2×2 box average keeps a seal's red and costs a quarter.
        sample = image.reduce(2) if min(image.size) >= COLOUR_SAMPLE_MIN_SIDE else image
        histogram = chroma(sample).histogram()
        strong = sum(histogram[STRONG_CHROMA:]) / max(1, sum(histogram))
        median = _percentile(histogram, 0.5)
        if strong >= COLOUR_SEAL_FRACTION or median >= TINTED_PAPER_CHROMA:
            return ColourClass.COLOUR, strong, median
        return (ColourClass.BILEVEL if two_tone else ColourClass.GREYSCALE), strong, median
    return (ColourClass.BILEVEL if two_tone else ColourClass.GREYSCALE), 0.0, 0


def sharpness(luma: Image.Image, contrast: int) -> float | None:
    """Steepness of the steepest edges relative to the page's contrast: near 1 for a crisp edge,
    about 0.4 / σ for an edge blurred by a Gaussian of σ pixels. None when there is too little
    contrast to judge. Robust to noise (only the steepest edges count) and to the amount of text.
    """
    if contrast < MIN_CONTRAST_FOR_SHARPNESS or min(luma.size) < 3:
        return None
    # |f(x+1) − f(x)| across and down; ImageChops.offset wraps, so the last row/column is cut.
    across = ImageChops.difference(luma, ImageChops.offset(luma, -1, 0))
    down = ImageChops.difference(luma, ImageChops.offset(luma, 0, -1))
    steepness = ImageChops.lighter(across, down).crop((0, 0, luma.width - 1, luma.height - 1))
    steepest = _percentile(steepness.histogram(), 1 - STEEPEST_EDGES)
    return min(1.0, steepest / contrast)


def is_blurry(sharpness_value: float | None, px_per_mm: float | None) -> bool:
    """Likely out of focus: edges wider than the analysis can explain and, when the document's
    physical size is known, wider than BLURRY_MM on paper."""
    if sharpness_value is None or sharpness_value >= BLURRY_SHARPNESS:
        return False
    if px_per_mm is None or px_per_mm <= 0:
        return True
    sigma_mm = BLUR_EDGE_WIDTH / (max(sharpness_value, 1e-3) * px_per_mm)
    return sigma_mm >= BLURRY_MM


def analyse(
    image: Image.Image, two_tone: bool | None = None, px_per_mm: float | None = None
) -> PixelStats:
    """Measure a reduced "L" or "RGB" page. `px_per_mm`: the rendition's pixels per millimetre of
    the document, when its physical size is known (it calibrates the blur judgement)."""
    colour, strong, median_chroma = _colour_class(image, two_tone)
    luma = image if image.mode == "L" else image.convert("L")
    histogram = luma.histogram()
    total = max(1, sum(histogram))
    paper = _percentile(histogram, 0.5)
    low, high = max(0, paper - CONTENT_CONTRAST), min(256, paper + CONTENT_CONTRAST + 1)
    content = (sum(histogram[:low]) + sum(histogram[high:])) / total
    faint = _percentile(histogram, 0.001)
    blank = content < BLANK_CONTENT_FRACTION
    measured = None if blank else sharpness(luma, paper - faint)
    return PixelStats(
        colour=colour,
        chromatic_fraction=strong,
        median_chroma=median_chroma,
        paper_luma=paper,
        content_fraction=content,
        faint_luma=faint,
        sharpness=measured,
        blank=blank,
        too_dark=paper < DARK_PAPER_LUMA,
        too_bright=not blank and faint >= FAINT_INK_LUMA,
        blurry=two_tone is not True and is_blurry(measured, px_per_mm),
    )
