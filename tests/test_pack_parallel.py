"""Packing on several threads gives the very bytes packing on one does, for every kind of input
(PDFium rendering, colour management, TIFF, HEIC and PDF repair all running side by side)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from support.cases import assert_originals_unchanged, demo_case, sha256
from support.synth import Synth

from beian_desktop.core.atomic import scratch_writes
from beian_desktop.core.case import Case
from beian_desktop.core.case.store import add_file
from beian_desktop.core.pipeline.convert import Conversion, convert_all
from beian_desktop.core.pipeline.plan import make_plan
from beian_desktop.core.pipeline.progress import CancelToken
from beian_desktop.core.pipeline.run import pack_case
from beian_desktop.core.review import review
from beian_desktop.core.rules import load_pack

DAY = dt.date(2026, 11, 27)

originals_unchanged = pytest.fixture(autouse=True)(assert_originals_unchanged)


def _varied_inputs(synth: Synth) -> list[Path]:
    return [
        synth.cmyk_adobe_jpeg(),
        synth.orientation(6),
        synth.rgba_png(),
        synth.png16_rgb(),
        synth.palette_trns_png(),
        synth.tiff_colour_jpeg(pages=2),
        synth.tiff_g4(pages=2),
        synth.heic(),
        synth.scanner_pdf(pages=2),
        synth.text_pdf(javascript=True),
        synth.grey_as_rgb(),
        synth.scan("a4", 300, quality=90),
    ]


def _convert(case: Case, folder: Path, work: Path) -> tuple[list[object], dict[str, str]]:
    pack = load_pack()
    result = review(case, folder, pack, today=DAY)
    plan = make_plan(case, pack, result, DAY)
    work.mkdir()
    conversion = Conversion(case, folder, plan, result, pack.default_profile, "2b", work)
    with scratch_writes():
        materials, _findings = convert_all(conversion, CancelToken())
    files = {str(p.relative_to(work)): sha256(p) for p in sorted(work.rglob("*")) if p.is_file()}
    return list(materials), files


def test_one_thread_and_four_threads_convert_to_the_same_bytes(
    tmp_path: Path, synth: Synth, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Low-resolution fixtures (the review would block them) are still converted: this is the
    stage that runs on threads."""
    case, folder = demo_case(tmp_path)
    for source in _varied_inputs(synth):
        add_file(case, folder, "construction-plan", source)
    outcomes = {}
    for workers in ("1", "4"):
        monkeypatch.setenv("BEIAN_DESKTOP_WORKERS", workers)
        outcomes[workers] = _convert(case, folder, tmp_path / f"work-{workers}")
    materials, files = outcomes["1"]
    assert len([name for name in files if name.startswith("上传/")]) == 4 + 15
    assert outcomes["4"] == (materials, files)


def test_one_thread_and_four_threads_pack_the_same_zip(
    tmp_path: Path, synth: Synth, monkeypatch: pytest.MonkeyPatch
) -> None:
    pack = load_pack()
    case, folder = demo_case(tmp_path)
    for paper, dpi in (("a4", 300), ("a3", 300), ("a4", 600)):
        add_file(case, folder, "construction-plan", synth.scan(paper, dpi))
    add_file(case, folder, "construction-plan", synth.scanner_pdf(dpi=300, pages=2))
    zips = {}
    for workers in ("1", "4"):
        monkeypatch.setenv("BEIAN_DESKTOP_WORKERS", workers)
        result = pack_case(case, folder, tmp_path / f"out-{workers}", pack=pack, today=DAY)
        zips[workers] = result.zip_path.read_bytes()
    assert zips["1"] == zips["4"]


def test_a_conversion_that_fails_midway_leaves_nothing_and_says_which(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from beian_desktop.core.errors import PdfaFailed
    from beian_desktop.core.pipeline import convert

    original = convert.to_pdfa

    def failing(sources: list[Path], out: Path, *args: object, **kwargs: object) -> object:
        if "身份证" in out.name:
            raise PdfaFailed("simulated")
        return original(sources, out, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(convert, "to_pdfa", failing)
    monkeypatch.setenv("BEIAN_DESKTOP_WORKERS", "4")
    case, folder = demo_case(tmp_path)
    out = tmp_path / "out"
    with pytest.raises(PdfaFailed):
        pack_case(case, folder, out, pack=load_pack(), today=DAY)
    assert list(out.iterdir()) == []
