"""The cases a person worked on: summaries for a "recent cases" list, newest first.

Autosaved cases live in `cases_root()`; cases opened from elsewhere are passed in as `extra`
folders (the GUI remembers them in its settings). A damaged case.json is listed with its problem
rather than skipped, so the user sees it and can decide what to do.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from beian_desktop.core.case.store import CASE_FILE, CaseFileError, cases_root, load_case
from beian_desktop.core.text import Text


@dataclass(frozen=True)
class CaseSummary:
    """What a recent-cases list shows about one case (read from its case.json)."""

    folder: Path
    modified: dt.datetime  # case.json's modification time, local time
    case_id: str = ""
    subject_name: str = ""
    subject_type: str = ""
    filing_type: str = ""
    province: str = ""  # filing province code
    file_count: int = 0
    problem: Text | None = None  # set when case.json cannot be opened

    @property
    def readable(self) -> bool:
        return self.problem is None


def summarise_case(folder: Path) -> CaseSummary | None:
    """A summary of the case in `folder`; None when the folder holds no case.json at all."""
    target = folder / CASE_FILE
    try:
        modified = dt.datetime.fromtimestamp(target.stat().st_mtime)
    except OSError:
        return None
    try:
        case, _ = load_case(target)
    except CaseFileError as error:
        return CaseSummary(folder=folder, modified=modified, problem=error.message)
    return CaseSummary(
        folder=folder,
        modified=modified,
        case_id=case.id,
        subject_name=case.subject.full_name,
        subject_type=case.subject.type,
        filing_type=case.filing_type,
        province=case.province,
        file_count=len(case.all_files()),
    )


def list_cases(
    root: Path | None = None, extra: Iterable[Path] = (), *, limit: int = 50
) -> list[CaseSummary]:
    """Summaries of the cases under `root` (default: the autosave folder) and in `extra`,
    newest first, each folder once."""
    base = root or cases_root()
    folders: list[Path] = []
    if base.is_dir():
        folders.extend(p for p in base.iterdir() if p.is_dir())
    folders.extend(Path(p) for p in extra)
    seen: set[Path] = set()
    summaries: list[CaseSummary] = []
    for folder in folders:
        key = folder.resolve()
        if key in seen:
            continue
        seen.add(key)
        summary = summarise_case(folder)
        if summary is not None:
            summaries.append(summary)
    summaries.sort(key=lambda s: s.modified, reverse=True)
    return summaries[:limit]
