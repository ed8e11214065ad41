"""PDF/A conversion of every file of the shared robustness corpus (rows from test_corpus.py).

'ok' rows convert to a PDF/A-2b that passes verify; 'reject' rows raise a typed, bilingual
error and leave no output; 'either' rows do one or the other (whatever is written passes
verify). No crash, no hang (10 s each), and the original is byte-identical afterwards.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from test_corpus import ROWS, CorpusRow, assert_bilingual, row_id, unchanged

from beian_desktop.core.errors import BeianError
from beian_desktop.core.pdfa import PdfaMetadata, PdfaReport, to_pdfa, verify

META = PdfaMetadata(title="corpus", timestamp=dt.datetime(2026, 11, 27, tzinfo=dt.UTC))


def _convert(row: CorpusRow, out: Path) -> PdfaReport | BeianError:
    try:
        return to_pdfa([row.path], out, "2b", metadata=META)
    except BeianError as error:
        return error


@pytest.mark.timeout(10)
@pytest.mark.parametrize("row", ROWS, ids=row_id)
def test_pdfa_corpus_file(row: CorpusRow, tmp_path: Path) -> None:
    out = tmp_path / "archive.pdf"
    with unchanged(row.path):
        outcome = _convert(row, out)
    if row.expected == "reject":
        assert isinstance(outcome, BeianError), f"converted: {row.oddity}"
    if row.expected == "ok":
        assert isinstance(outcome, PdfaReport), f"refused ({outcome!r}): {row.oddity}"
    if isinstance(outcome, BeianError):
        assert_bilingual(outcome)
        assert not out.exists()
        return
    assert verify(out, "2b") == []
    report = json.loads(json.dumps(outcome.to_dict()))
    assert report["page_count"] >= 1 and report["inputs"][0]["file"] == row.path.name
