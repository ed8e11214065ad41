"""Inspections remembered between reviews of the same files (the desktop app's cache)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from support.cases import assert_originals_unchanged, demo_case

from beian_desktop.core.case.store import add_file
from beian_desktop.core.inspect.cache import InspectionCache
from beian_desktop.core.review import materials, review
from beian_desktop.core.rules import load_pack

DAY = dt.date(2026, 11, 27)

originals_unchanged = pytest.fixture(autouse=True)(assert_originals_unchanged)


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The paths `inspect` was called for, in the review's file stage."""
    calls: list[Path] = []
    original = materials.inspect

    def counting(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(Path(path))
        return original(path, *args, **kwargs)

    monkeypatch.setattr(materials, "inspect", counting)
    return calls


def test_a_second_review_decodes_nothing_and_says_the_same(
    tmp_path: Path, counted: list[Path]
) -> None:
    pack = load_pack()
    case, folder = demo_case(tmp_path)
    broken = tmp_path / "坏的.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    add_file(case, folder, "construction-plan", broken)
    cache = InspectionCache()
    first = review(case, folder, pack, today=DAY, cache=cache)
    assert len(counted) == 5 and len(cache) == 5
    second = review(case, folder, pack, today=DAY, cache=cache)
    assert len(counted) == 5 and cache.hits == 5  # the unreadable file is remembered too
    uncached = review(case, folder, pack, today=DAY)
    assert second.findings == first.findings == uncached.findings
    assert second.inspections == uncached.inspections
    assert any(f.code.startswith("file.") for f in second.blocking)


def test_another_material_or_profile_is_inspected_afresh(
    tmp_path: Path, counted: list[Path]
) -> None:
    pack = load_pack()
    case, folder = demo_case(tmp_path)
    cache = InspectionCache()
    review(case, folder, pack, today=DAY, cache=cache)
    case.assignments["construction-plan"] = case.assignments.pop("commitment-guangdong")
    review(case, folder, pack, today=DAY, cache=cache)
    assert len(counted) == 5  # only the moved file, for its new material
    other = next(p for p in pack.profiles.values() if p.id != pack.default_profile.id)
    review(case, folder, pack, today=DAY, cache=cache, profile=other)
    assert len(counted) == 9


def test_the_cache_forgets_the_oldest_beyond_its_limit() -> None:
    cache = InspectionCache(limit=2)
    errors = [ValueError(str(i)) for i in range(3)]
    for index, error in enumerate(errors):
        cache.put((str(index), "m", "p"), error)  # type: ignore[arg-type]
    assert len(cache) == 2 and cache.get(("0", "m", "p")) is None
    assert cache.get(("2", "m", "p")) is errors[2]
