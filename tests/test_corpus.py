"""Every file of the shared robustness corpus, parametrised from its MANIFEST.tsv.

For each file: no crash, no hang (10 s each), the original unchanged (SHA-256 before and after),
and the verdict the manifest expects:
- 'reject': a typed `BeianError` whose message and hint exist in Chinese and English;
- 'ok': the file is accepted;
- 'either': one or the other — never an untyped exception.

Sections below: the corpus itself (rows, hashes), inspection. Conversion tests (PDF/A, upload
JPEG) belong in their own section here, reusing `ROWS`, `unchanged()` and `corpus_path()`.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import CORPUS

from beian_desktop.core.errors import BeianError, InputFileError
from beian_desktop.core.inspect import Inspection, inspect

EXPECTED = ("ok", "reject", "either")


# -- the corpus ------------------------------------------------------------------------------


@dataclass(frozen=True)
class CorpusRow:
    file: str  # relative to CORPUS, e.g. "pdfs/qpdf__minimal.pdf"
    kind: str  # "image" or "pdf"
    oddity: str
    expected: str  # "ok", "reject" or "either"

    @property
    def path(self) -> Path:
        return corpus_path(self.file)


def corpus_path(relative: str) -> Path:
    return CORPUS / relative


def _read_manifest() -> list[CorpusRow]:
    manifest = CORPUS / "MANIFEST.tsv"
    with manifest.open(encoding="utf-8", newline="") as stream:
        rows = csv.DictReader(stream, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [CorpusRow(r["file"], r["kind"], r["oddity"], r["expected"]) for r in rows]


def _read_sums() -> dict[str, str]:
    sums = CORPUS / "SHA256SUMS"
    pairs = (line.split(maxsplit=1) for line in sums.read_text("utf-8").splitlines() if line)
    return {name.strip().lstrip("*"): digest for digest, name in pairs}


ROWS = _read_manifest()
SUMS = _read_sums()


def test_the_whole_corpus_is_here() -> None:
    """193 files, none changed: a missing corpus must fail, never skip."""
    assert len(ROWS) == 193 and len(SUMS) == 193


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@contextmanager
def unchanged(path: Path) -> Iterator[None]:
    """Assert that `path` is byte-identical after the block, and matches SHA256SUMS."""
    before = sha256(path)
    yield
    assert sha256(path) == before, f"{path.name} was modified"
    recorded = SUMS.get(str(path.relative_to(CORPUS)))
    assert recorded is None or recorded == before, f"{path.name} differs from SHA256SUMS"


def row_id(row: CorpusRow) -> str:
    return row.file


def test_manifest_covers_every_file_and_checksum() -> None:
    on_disk = {
        str(p.relative_to(CORPUS)) for p in CORPUS.rglob("*") if p.is_file() and p.parent != CORPUS
    }
    listed = {row.file for row in ROWS}
    assert listed == on_disk
    assert set(SUMS) == listed
    assert {row.expected for row in ROWS} <= set(EXPECTED)


def test_originals_match_sha256sums() -> None:
    mismatched = [name for name, digest in SUMS.items() if sha256(corpus_path(name)) != digest]
    assert not mismatched


# -- inspection ------------------------------------------------------------------------------


def _inspect_or_error(path: Path) -> Inspection | BeianError:
    try:
        return inspect(path)
    except BeianError as error:
        return error


def assert_bilingual(error: BeianError) -> None:
    assert isinstance(error, InputFileError), f"{type(error).__name__} is not a file error"
    assert error.code and error.code != "error"
    assert error.message.zh.strip() and error.message.en.strip()
    assert error.message.zh != error.message.en
    assert error.hint is not None and error.hint.zh.strip() and error.hint.en.strip()


@pytest.mark.timeout(10)
@pytest.mark.parametrize("row", ROWS, ids=row_id)
def test_inspect_corpus_file(row: CorpusRow) -> None:
    with unchanged(row.path):
        outcome = _inspect_or_error(row.path)
    if row.expected == "reject":
        assert isinstance(outcome, BeianError), f"accepted: {row.oddity}"
    if row.expected == "ok":
        assert isinstance(outcome, Inspection), f"refused ({outcome!r}): {row.oddity}"
    if isinstance(outcome, BeianError):
        assert_bilingual(outcome)
        json.dumps(outcome.to_dict())
    else:
        assert outcome.page_count >= 1 and outcome.pages
        assert json.loads(json.dumps(outcome.to_dict()))["file"] == row.path.name
