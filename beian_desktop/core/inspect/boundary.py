"""The decode boundary: every library failure becomes one typed, bilingual error.

Pillow, pillow-heif, pikepdf and pypdfium2 raise a wide spread of exceptions on hostile input
(OSError, ValueError, SyntaxError, struct.error, RuntimeError, RecursionError, MemoryError, …).
Code that decodes user files runs inside `decode_boundary()`, so callers only ever see
`InputFileError` subclasses.
"""

from __future__ import annotations

import logging
import re
import threading
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PIL import Image

from beian_desktop.core.errors import (
    BeianError,
    CorruptFile,
    EncryptedPdf,
    InputFileError,
    TooLarge,
    TruncatedFile,
    UnreadableFile,
    UnsupportedFormat,
)

log = logging.getLogger(__name__)

_TRUNCATION_WORDS = ("truncated", "premature end", "unexpected end", "insufficient input data")
_UNSUPPORTED_CODEC = re.compile(r"not been built in: (\w+)|Unsupported codec", re.IGNORECASE)
_BOMB_SIZE = re.compile(r"\((\d+) pixels\)")


def _describe(error: BaseException | str, path: Path | None) -> str:
    """Library wording for the logs, with the file's path removed (it may be personal)."""
    text = error if isinstance(error, str) else f"{type(error).__name__}: {error}"
    if path is not None:
        text = text.replace(str(path), "<file>").replace(path.name, "<file>")
    return text[:500]


def _from_pikepdf(error: Exception, detail: str, label: str) -> InputFileError | None:
    try:
        import pikepdf
    except ImportError:  # pragma: no cover - pikepdf is a hard dependency
        return None
    if isinstance(error, pikepdf.PasswordError):
        return EncryptedPdf(detail=detail)
    if isinstance(error, pikepdf.PdfError):
        return CorruptFile(label, detail=detail)
    return None


def translate(
    error: BaseException, format_label: str = "", path: Path | None = None, max_pixels: int = 0
) -> InputFileError:
    """The typed error a user should see for a library exception raised while decoding."""
    if isinstance(error, InputFileError):
        return error
    detail = _describe(error, path)
    lowered = str(error).lower()
    if isinstance(error, Image.DecompressionBombError):
        claimed = _BOMB_SIZE.search(str(error))
        return TooLarge("pixels", int(claimed[1]) if claimed else 0, max_pixels, detail=detail)
    if isinstance(error, MemoryError):
        return TooLarge("memory", 0, 0, detail=detail)
    if isinstance(error, Exception):
        pdf_error = _from_pikepdf(error, detail, format_label)
        if pdf_error is not None:
            return pdf_error
    codec = _UNSUPPORTED_CODEC.search(str(error))
    if codec is not None:
        name = f"{format_label} ({codec[1]})" if codec[1] else format_label
        return UnsupportedFormat(name or "unknown", detail=detail)
    if isinstance(error, EOFError) or any(word in lowered for word in _TRUNCATION_WORDS):
        return TruncatedFile(format_label, detail=detail)
    if isinstance(error, OSError) and error.errno is not None:  # a real I/O failure
        return UnreadableFile(detail=detail)
    return CorruptFile(format_label, detail=detail)


class _SharedWarningCapture:
    """One `warnings.catch_warnings(record=True)` for every thread decoding at the same time.

    catch_warnings swaps process-wide state (before Python 3.14). Two threads each entering
    their own would restore each other's state out of order and could leave the whole process
    recording warnings for ever. Here the first thread in enters the capture and the last one
    out leaves it; each thread logs what was recorded while it was in (a warning raised by
    another thread meanwhile may be logged under the wrong file; only the log line is affected).
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._users = 0
        self._context: warnings.catch_warnings[list[warnings.WarningMessage]] | None = None
        self._caught: list[warnings.WarningMessage] = []

    @contextmanager
    def __call__(self) -> Iterator[list[warnings.WarningMessage]]:
        """Yield a list that receives, when the block ends, the warnings recorded meanwhile."""
        mine: list[warnings.WarningMessage] = []
        with self._lock:
            if self._users == 0:
                self._context = warnings.catch_warnings(record=True)
                self._caught = self._context.__enter__()
                warnings.simplefilter("always")
            self._users += 1
        try:
            yield mine
        finally:
            with self._lock:
                mine.extend(self._caught)
                del self._caught[:]
                self._users -= 1
                if self._users == 0 and self._context is not None:
                    self._context.__exit__(None, None, None)
                    self._context = None


library_warnings = _SharedWarningCapture()


@contextmanager
def decode_boundary(
    format_label: str = "", path: Path | None = None, *, max_pixels: int = 0
) -> Iterator[None]:
    """Run decoding code; re-raise any failure as an `InputFileError`.

    `BeianError`s pass through unchanged; KeyboardInterrupt and SystemExit are not caught.
    Library warnings ("Corrupt EXIF data", "malformed MPO", Pillow's own decompression-bomb
    warning — `Limits` decide instead) go to the log, whatever the process's warning filters
    say, so the same file gets the same verdict everywhere, and in any number of threads.
    """
    caught: list[warnings.WarningMessage] = []
    try:
        with library_warnings() as caught:
            try:
                yield
            except BeianError:
                raise
            except (Exception, RecursionError, MemoryError) as error:
                log.debug("decode failed: %s", _describe(error, path), exc_info=True)
                raise translate(error, format_label, path, max_pixels) from None
    finally:
        for warning in caught:
            log.debug("decoder warning: %s", _describe(warning.message, path))
