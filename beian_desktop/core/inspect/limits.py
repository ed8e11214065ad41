"""Limits that keep hostile or oversized inputs from exhausting memory or time."""

from __future__ import annotations

from dataclasses import dataclass

from beian_desktop.core.errors import TooLarge


@dataclass(frozen=True, slots=True)
class Limits:
    """Upper bounds checked before anything large is decoded.

    The defaults admit what real filings bring — a 600-dpi A3 scan is 70 Mpx, a 108-Mpx phone
    photo — and refuse decompression bombs, whose headers claim far more.
    """

    max_pixels: int = 120_000_000  # per page or frame
    max_bytes: int = 256 * 1024 * 1024
    max_pages: int = 200  # pages of a PDF or multi-page TIFF
    analysed_pages: int = 20  # pixel analysis runs on the first pages only; all are counted

    def check_bytes(self, size: int) -> None:
        if size > self.max_bytes:
            raise TooLarge("bytes", size, self.max_bytes)

    def check_pixels(self, width: int, height: int) -> None:
        if width <= 0 or height <= 0:
            raise ValueError(f"invalid image size {width}x{height}")
        if width * height > self.max_pixels:
            raise TooLarge("pixels", width * height, self.max_pixels)

    def check_pages(self, count: int) -> None:
        if count > self.max_pages:
            raise TooLarge("pages", count, self.max_pages)
