"""The open case and the rule pack: the one model every page reads and edits.

Pages change `session.case` in place and then call `mark_edited()`; the session drops its cached
checklist and emits `edited` (autosave listens). Opening or creating a case emits
`about_to_switch` first (autosave writes the old case) and `case_switched` after.

Files the app was asked to open (a double-click on a scan, "Open with", the command line: see
gui/opening.py) wait in `queue_files()` until page 4 (材料) takes them with
`take_queued_files()` — when it is shown, and on `files_queued` while it is.

Core modules beyond the light ones are imported inside methods: the pack is loaded in a worker
at start-up, which also imports them, so the first window appears without waiting for them.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from beian_desktop.core.errors import RulePackError

if TYPE_CHECKING:
    import datetime as dt

    from beian_desktop.core.case import Case
    from beian_desktop.core.findings import Finding
    from beian_desktop.core.identity import IdentityTables
    from beian_desktop.core.inspect.cache import InspectionCache
    from beian_desktop.core.rules import FilingFacts, RulePack
    from beian_desktop.core.rules.model import UploadProfile
    from beian_desktop.core.rules.resolve import Checklist
    from beian_desktop.core.rules.selection import PackChoice
    from beian_desktop.gui.case_lock import CaseLock


def load_pack_choice() -> PackChoice:
    """Worker job body: import the core the pages need and choose the rule pack."""
    from beian_desktop.core.case import facts, recent  # noqa: F401  (warm the imports)
    from beian_desktop.core.review import fields  # noqa: F401
    from beian_desktop.core.rules.selection import choose_pack

    return choose_pack()


class CaseSession(QObject):
    """The case being edited, where it is saved, and the rule pack it is checked against.

    Signals:
        pack_changed(): a rule pack was loaded or imported.
        about_to_switch(): another case is about to replace the current one.
        case_switched(): a new or opened case is now current.
        edited(): the current case was changed.
        files_queued(): files to add to the case are waiting (`take_queued_files()`).
    """

    pack_changed = Signal()
    about_to_switch = Signal()
    case_switched = Signal()
    edited = Signal()
    files_queued = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pack: RulePack | None = None
        self.pack_problems: tuple[RulePackError, ...] = ()
        self.case: Case | None = None
        self.folder: Path | None = None
        self._checklist: Checklist | None = None
        self._tables: IdentityTables | None = None
        self._queued_files: list[Path] = []
        self._lock: CaseLock | None = None
        self._inspections: InspectionCache | None = None

    # -- pack ----------------------------------------------------------------------------------
    def set_pack(self, choice: PackChoice) -> None:
        self.pack = choice.pack
        self.pack_problems = choice.ignored
        self._tables = None
        self._checklist = None
        self._inspections = None  # materials' sizes and profiles' caps may differ in this pack
        self.pack_changed.emit()

    @property
    def ready(self) -> bool:
        return self.pack is not None

    def tables(self) -> IdentityTables:
        from beian_desktop.core.identity import IdentityTables

        if self._tables is None:
            assert self.pack is not None
            self._tables = IdentityTables.from_pack(self.pack)
        return self._tables

    # -- case ----------------------------------------------------------------------------------
    @property
    def has_case(self) -> bool:
        return self.case is not None

    def new_case(self) -> None:
        """A fresh case; its folder is created by the first autosave, not now."""
        from beian_desktop.core.case import Case
        from beian_desktop.core.case.store import cases_root

        case = Case()
        case.record("created", "gui")
        self.open_case(case, cases_root() / case.id)

    def open_case(self, case: Case, folder: Path) -> None:
        """Make `case` current. Raises CaseInUse (and changes nothing) when another window
        has that case open."""
        from beian_desktop.gui.case_lock import CaseLock

        same = self.folder is not None and folder.resolve() == self.folder.resolve()
        lock = self._lock if same and self._lock is not None else CaseLock(folder)
        if lock is not self._lock:
            lock.acquire()
        self.about_to_switch.emit()
        if self._lock is not None and self._lock is not lock:
            self._lock.release()
        self._lock = lock
        self.case = case
        self.folder = folder
        self._checklist = None
        self.case_switched.emit()

    def close_case(self) -> None:
        """Let other windows open the case (the window is closing)."""
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def mark_edited(self) -> None:
        self._checklist = None
        self.edited.emit()

    # -- files to add (from outside the window) ------------------------------------------------
    def queue_files(self, paths: list[Path]) -> None:
        """Keep scans/PDFs for page 4 to add to whichever case it shows next."""
        new = [path for path in paths if path not in self._queued_files]
        if new:
            self._queued_files.extend(new)
            self.files_queued.emit()

    def take_queued_files(self) -> list[Path]:
        files, self._queued_files = self._queued_files, []
        return files

    # -- what the rules say --------------------------------------------------------------------
    def facts(self, today: dt.date | None = None) -> FilingFacts:
        from beian_desktop.core.case.facts import case_facts

        assert self.case is not None and self.pack is not None
        return case_facts(self.case, self.pack, today=today)

    def checklist(self) -> Checklist:
        """resolve(pack, case_facts(case)): a few milliseconds, cached until the next edit."""
        from beian_desktop.core.rules.resolve import resolve

        if self._checklist is None:
            assert self.pack is not None
            self._checklist = resolve(self.pack, self.facts())
        return self._checklist

    @property
    def inspections(self) -> InspectionCache:
        """What inspection said of each (file, material, profile), kept across reviews and
        the export: a second review of an unchanged case decodes nothing."""
        from beian_desktop.core.inspect.cache import InspectionCache

        if self._inspections is None:
            self._inspections = InspectionCache()
        return self._inspections

    def answer_matters(self, name: str) -> bool:
        """Whether the yes/no fact `name` changes what the rules require of this case."""
        from beian_desktop.core.rules.resolve import answer_matters

        if self.case is None or self.pack is None:
            return False
        return answer_matters(self.pack, self.facts(), name)

    def field_findings(self, today: dt.date | None = None) -> list[Finding]:
        """What the review says about the typed fields (subject, people, websites)."""
        import datetime as dt

        from beian_desktop.core.review import fields

        assert self.case is not None and self.pack is not None
        today = today or dt.date.today()
        tables = self.tables()
        return [
            *fields.subject_findings(self.case, self.pack, tables, today),
            *fields.person_findings(self.case, self.pack, tables, today),
            *fields.website_findings(self.case, self.pack, tables),
        ]

    def profile(self, preferred: str = "") -> UploadProfile:
        """The upload profile: the case's choice, else `preferred` (the user's default), else
        the rule pack's default."""
        assert self.pack is not None
        chosen = self.case.upload_profile if self.case is not None else ""
        profiles = self.pack.profiles
        return profiles.get(chosen) or profiles.get(preferred) or self.pack.default_profile

    def is_individual(self) -> bool:
        if self.case is None or self.pack is None:
            return False
        subject = self.pack.subjects.get(self.case.subject.type)
        return subject is not None and subject.is_individual

    def is_organisation(self) -> bool:
        if self.case is None or self.pack is None:
            return False
        subject = self.pack.subjects.get(self.case.subject.type)
        return subject is not None and not subject.is_individual
