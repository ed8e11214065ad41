"""The quality/scale search: the best JPEG of a page that fits a byte budget.

Candidates form one ladder, ordered by how many bytes they take (and how much they keep):

1. full resolution, quality 92 down to 75 — a document loses nothing visible at 75;
2. quality 75, size stepping down from full resolution to the DPI floor (2 % per step) — fewer
   pixels per inch above the floor cost less legibility than harsher quantisation does;
3. at the DPI floor, quality 75 down to 60.

The search looks for the highest rung that fits. Its guide is an estimate per rung from a
mosaic: a grid of tiles covering a few per cent of the page, resized like the candidate and
encoded (within a few per cent of the real size for scans and photos, at a small fraction of the
cost). Each real encode calibrates the estimates, so one or two real encodes usually suffice;
there are never more than `MAX_ENCODES`. The same input always gives the same bytes.
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable
from dataclasses import dataclass

from PIL import Image

Size = tuple[int, int]

Q_HIGH = 92
Q_GOOD = 75
Q_FLOOR = 60
Q_MAX = 100  # only to reach a profile's minimum file size
SIZE_STEP = 1.02  # successive sizes on the ladder differ by 2 % per side
MAX_ENCODES = 6
LAND = 0.88  # a fit at 88–100 % of the budget is close enough to stop
AIM = 0.95  # pick rungs estimated under this share of the budget (estimates err by a few %)
MOSAIC_GRID = 4
MOSAIC_SHARE = 0.05  # of the page's area
EXACT_BELOW = 2_000_000  # pixels: smaller candidates are estimated by encoding them whole
TILE_ALIGN = 16  # tiles are whole JPEG MCUs, so the mosaic's blocks are like the page's
RESAMPLE = Image.Resampling.LANCZOS


@dataclass(frozen=True, slots=True)
class Rung:
    size: Size  # in the base image's (stored) orientation
    quality: int


@dataclass(frozen=True, slots=True)
class Encoded:
    data: bytes
    size: Size  # upright, as written
    rung: Rung
    full_size: bool  # the base's own resolution (not downscaled)

    @property
    def quality(self) -> int:
        return self.rung.quality

    @property
    def length(self) -> int:
        return len(self.data)


@dataclass(frozen=True, slots=True)
class Outcome:
    best: Encoded
    fits: bool  # within the byte budget
    big_enough: bool  # at least the profile's minimum size
    encodes: int


def jpeg_bytes(image: Image.Image, quality: int, dpi: int) -> bytes:
    """A baseline JPEG: no EXIF, XMP, ICC or comment (privacy; sRGB is what a bare JPEG means),
    JFIF density set to the effective DPI, 4:2:0 chroma, optimised Huffman tables."""
    buffer = io.BytesIO()
    image.save(
        buffer,
        "JPEG",
        quality=quality,
        optimize=True,
        progressive=False,
        subsampling=2,
        dpi=(dpi, dpi),
        comment=b"",  # Pillow would copy the source's COM segment otherwise
    )
    return buffer.getvalue()


def ladder(full: Size, floor: Size) -> list[Rung]:
    """Candidates from the fewest bytes to the most (see the module docstring)."""
    at_floor = [Rung(floor, q) for q in range(Q_FLOOR, Q_GOOD)]
    sizes = _sizes_between(full, floor)
    stepped = [Rung(size, Q_GOOD) for size in sizes]
    at_full = [Rung(full, q) for q in range(Q_GOOD, Q_HIGH + 1)]
    return at_floor + stepped + at_full


def _sizes_between(full: Size, floor: Size) -> list[Size]:
    """Sizes from `floor` (included) up to `full` (excluded), `SIZE_STEP` apart."""
    if floor == full:
        return []
    ratio = max(full[0] / floor[0], full[1] / floor[1])
    steps = math.ceil(math.log(ratio) / math.log(SIZE_STEP))
    sizes: list[Size] = []
    for step in range(steps):
        factor = SIZE_STEP**step
        size = (min(full[0], round(floor[0] * factor)), min(full[1], round(floor[1] * factor)))
        if size != full and (not sizes or size != sizes[-1]):
            sizes.append(size)
    return sizes


class Encoder:
    """Makes candidates from one base image: real encodes (counted) and cheap estimates."""

    def __init__(
        self,
        base: Image.Image,
        finish: Callable[[Image.Image], Image.Image],
        density: Callable[[Size], int],
    ) -> None:
        self.base = base
        self._finish = finish  # turns a resized image upright
        self._density = density  # JFIF dpi for an upright size
        self._resized: tuple[Size, Image.Image] | None = None  # one at a time: memory
        self._real: dict[Rung, Encoded] = {}
        self._mosaics: dict[Size, tuple[Image.Image, float]] = {}
        self._estimates: dict[Rung, float] = {}
        self.encodes = 0

    def encode(self, rung: Rung) -> Encoded:
        if rung not in self._real:
            image = self._upright(rung.size)
            data = jpeg_bytes(image, rung.quality, self._density(image.size))
            self.encodes += 1
            full = rung.size == self.base.size
            self._real[rung] = Encoded(data, image.size, rung, full)
        return self._real[rung]

    def _upright(self, size: Size) -> Image.Image:
        if self._resized is None or self._resized[0] != size:
            self._resized = None  # let the previous one go before making the next
            resized = self.base if size == self.base.size else self.base.resize(size, RESAMPLE)
            self._resized = (size, self._finish(resized))
        return self._resized[1]

    def estimate(self, rung: Rung) -> float:
        """Bytes a real encode of `rung` would take, from the mosaic (or exact when small)."""
        if rung not in self._estimates:
            sample, share = self._mosaic(rung.size)
            data = jpeg_bytes(sample, rung.quality, 72)
            self._estimates[rung] = len(data) / share
        return self._estimates[rung]

    def _mosaic(self, size: Size) -> tuple[Image.Image, float]:
        """A sample of the page at `size` and the share of the page's pixels it holds."""
        if size not in self._mosaics:
            if size[0] * size[1] <= EXACT_BELOW:
                whole = self.base if size == self.base.size else self.base.resize(size, RESAMPLE)
                self._mosaics[size] = (whole, 1.0)
            else:
                mosaic = _tiles(self.base, size)
                self._mosaics[size] = (mosaic, mosaic.width * mosaic.height / (size[0] * size[1]))
        return self._mosaics[size]

    def release(self) -> None:
        self._resized = None
        self._mosaics.clear()


def _tiles(base: Image.Image, size: Size) -> Image.Image:
    """`MOSAIC_GRID`² tiles, one from the middle of each grid cell, resized as for `size`.

    At full size the tiles are cut on the base's 16-pixel grid: a JPEG source re-encoded on its
    own block grid compresses differently from the same pixels shifted, and the real encode is
    on that grid.
    """
    side = math.sqrt(MOSAIC_SHARE) / MOSAIC_GRID  # each tile's share of width and height
    tile_w = max(TILE_ALIGN, round(size[0] * side / TILE_ALIGN) * TILE_ALIGN)
    tile_h = max(TILE_ALIGN, round(size[1] * side / TILE_ALIGN) * TILE_ALIGN)
    scale_x, scale_y = size[0] / base.width, size[1] / base.height
    box_w, box_h = tile_w / scale_x, tile_h / scale_y  # the tile's extent in the base
    mosaic = Image.new(base.mode, (tile_w * MOSAIC_GRID, tile_h * MOSAIC_GRID))
    for row in range(MOSAIC_GRID):
        for column in range(MOSAIC_GRID):
            left = (column + 0.5) * base.width / MOSAIC_GRID - box_w / 2
            top = (row + 0.5) * base.height / MOSAIC_GRID - box_h / 2
            if size == base.size:
                left, top = _on_grid(left), _on_grid(top)
                tile = base.crop((left, top, left + tile_w, top + tile_h))
            else:
                box = (left, top, left + box_w, top + box_h)
                tile = base.resize((tile_w, tile_h), RESAMPLE, box=box)
            mosaic.paste(tile, (column * tile_w, row * tile_h))
    return mosaic


def _on_grid(value: float) -> int:
    return max(0, int(value) // TILE_ALIGN * TILE_ALIGN)


class _Climb:
    """The highest rung of a ladder whose real encode fits `limit`, found with few encodes."""

    def __init__(self, encoder: Encoder, rungs: list[Rung], limit: int) -> None:
        self.encoder, self.rungs, self.limit = encoder, rungs, limit
        self.fit: int = -1  # highest index known to fit
        self.fail: int = len(rungs)  # lowest index known not to
        self.calibration = 1.0  # real bytes / estimated bytes, from the latest real encode

    def guess(self, index: int) -> float:
        return self.encoder.estimate(self.rungs[index]) * self.calibration

    def pick(self) -> int:
        """The highest open rung whose calibrated estimate is under the aim; else the lowest."""
        low, high = self.fit + 1, self.fail - 1
        aim = self.limit * AIM
        if self.guess(low) > aim:
            return low
        while low < high:  # estimates rise with the index
            middle = (low + high + 1) // 2
            if self.guess(middle) <= aim:
                low = middle
            else:
                high = middle - 1
        return low

    def run(self, encodes: int) -> None:
        top = len(self.rungs) - 1
        while self.fit + 1 < self.fail and encodes > 0:
            index = self.pick()
            encoded = self.encoder.encode(self.rungs[index])
            encodes -= 1
            self.calibration = encoded.length / self.encoder.estimate(self.rungs[index])
            if encoded.length <= self.limit:
                self.fit = index
                if encoded.length >= self.limit * LAND or index == top:
                    return
            else:
                self.fail = index

    def best(self) -> Encoded | None:
        return self.encoder.encode(self.rungs[self.fit]) if self.fit >= 0 else None


def search(encoder: Encoder, floor: Size, budget: int, min_bytes: int = 0) -> Outcome:
    """The best candidate under `budget` (bytes) that keeps at least `floor` pixels; when none
    fits, the smallest candidate (the floor at the lowest quality). Raises quality (never pads)
    when the result is under `min_bytes`."""
    rungs = ladder(encoder.base.size, floor)
    climb = _Climb(encoder, rungs, budget)
    climb.run(MAX_ENCODES - 1)  # one encode is kept for the floor, should nothing fit
    best = climb.best()
    if best is None:
        best = encoder.encode(rungs[0])
    if best.length <= budget and best.length < min_bytes:
        best = _raise_quality(encoder, best, budget, min_bytes)
    return Outcome(best, best.length <= budget, best.length >= min_bytes, encoder.encodes)


def _raise_quality(encoder: Encoder, start: Encoded, budget: int, min_bytes: int) -> Encoded:
    """At `start`'s size, the lowest quality estimated to reach `min_bytes`, then the highest
    quality if that fell short: the first that reaches it within the budget, else the biggest
    within the budget. Files grow only by keeping more detail, never by padding."""
    rungs = [Rung(start.rung.size, q) for q in range(start.quality + 1, Q_MAX + 1)]
    if not rungs:
        return start
    estimated = next((r for r in rungs if encoder.estimate(r) >= min_bytes), rungs[-1])
    best = start
    for rung in dict.fromkeys((estimated, rungs[-1])):
        if encoder.encodes >= MAX_ENCODES:
            break
        encoded = encoder.encode(rung)
        if encoded.length > budget:
            break
        best = encoded
        if encoded.length >= min_bytes:
            break
    return best
