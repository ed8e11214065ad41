"""Recent cases: summaries of autosaved and opened cases, newest first, damaged ones listed."""

from __future__ import annotations

import os
from pathlib import Path

from beian_desktop.core.case import Case, save_case
from beian_desktop.core.case.recent import list_cases, summarise_case


def _saved(folder: Path, name: str, province: str, mtime: float) -> Path:
    case = Case()
    case.subject.type = "企业"
    case.subject.full_name = name
    case.province = province
    folder.mkdir(parents=True)
    target = save_case(case, folder)
    os.utime(target, (mtime, mtime))
    return folder


def test_lists_cases_newest_first_with_what_a_list_shows(tmp_path: Path) -> None:
    root = tmp_path / "cases"
    _saved(root / "a", "甲公司", "44", 1_000_000)
    _saved(root / "b", "乙公司", "11", 2_000_000)
    elsewhere = _saved(tmp_path / "usb" / "c", "丙公司", "41", 1_500_000)
    (root / "empty").mkdir()  # a folder without case.json is not a case

    summaries = list_cases(root, extra=[elsewhere, elsewhere])

    assert [s.subject_name for s in summaries] == ["乙公司", "丙公司", "甲公司"]
    first = summaries[0]
    assert (first.subject_type, first.filing_type, first.province) == ("企业", "首次备案", "11")
    assert first.readable and first.file_count == 0


def test_a_damaged_case_is_listed_with_its_problem(tmp_path: Path) -> None:
    folder = tmp_path / "broken"
    folder.mkdir()
    (folder / "case.json").write_text("{ not json", encoding="utf-8")

    summary = summarise_case(folder)

    assert summary is not None and not summary.readable
    assert summary.problem is not None and "JSON" in summary.problem.zh
    assert list_cases(tmp_path / "none", extra=[folder])[0].folder == folder


def test_missing_root_and_limit(tmp_path: Path) -> None:
    assert list_cases(tmp_path / "nothing-here") == []
    root = tmp_path / "cases"
    for index in range(3):
        _saved(root / str(index), f"公司{index}", "44", 1_000_000 + index)
    assert len(list_cases(root, limit=2)) == 2
