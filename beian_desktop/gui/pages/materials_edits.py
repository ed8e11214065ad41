"""The case edits behind the materials page's moves: find a file the page shows, move it to
another slot, side or the tray, take it out. Plain functions over the case and the page's
state (no widgets), so the page only wires them to drags and menus.

A file is found by where the page shows it (`FileRef`: material, content hash, side); the
tray's files are the page's own until placed (the case holds only placed files).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from beian_desktop.core.classify import Placement
from beian_desktop.core.text import Text
from beian_desktop.gui.drops import TRAY, FileRef
from beian_desktop.gui.pages.materials_views import SIDES, Loose, PageState, SlotSource

if TYPE_CHECKING:
    from beian_desktop.core.case import Case, StoredFile
    from beian_desktop.core.intake import Intake

MOVED_BACK = Text("已移回待归类。", "Moved back to be sorted.")


def shown_side(sources: Sequence[SlotSource], material_id: str, stored: StoredFile) -> str:
    """The side a file is shown on: its side for two-sided materials, else ""."""
    two_sided = any(s.material.id == material_id and s.material.sides == 2 for s in sources)
    return stored.side if two_sided and stored.side in SIDES else ""


def holder_of(case: Case, state: PageState, sources: Sequence[SlotSource], sha: str) -> Text | None:
    """Where this content already is: the material's name, an empty Text for the tray, or None
    when it is new."""
    for material_id, stored in case.all_files():
        if stored.sha256 == sha:
            source = next((s for s in sources if s.material.id == material_id), None)
            return source.name if source else Text(material_id, material_id)
    if any(loose.stored.sha256 == sha for loose in state.loose):
        return Text("", "")
    return None


def place(
    case: Case, state: PageState, sources: Sequence[SlotSource], name: str, intake: Intake
) -> bool:
    """Put an arriving file where `core.classify` says, or in the tray; True when the case
    changed. A guess by shape stays marked on the card until the user moves the file."""
    from beian_desktop.core.classify import Basis, classify, shape_of, slots_for

    stored = intake.stored
    assert stored is not None
    slots = slots_for([(s.material, s.name) for s in sources], case.assignments)
    placement = classify(name, shape_of(intake.inspection), slots)
    if placement.material_id is None:
        state.loose.append(Loose(stored, placement, name))
        return False
    stored.side = placement.side
    case.assignments.setdefault(placement.material_id, []).append(stored)
    case.record("file-added", placement.material_id)
    if placement.basis is Basis.SHAPE:
        state.notes[(placement.material_id, stored.sha256)] = placement.note
    return True


def find(
    case: Case, state: PageState, sources: Sequence[SlotSource], ref: FileRef
) -> StoredFile | None:
    if ref.in_tray:
        return next((x.stored for x in state.loose if x.stored.sha256 == ref.sha256), None)
    return next(
        (
            f
            for f in case.assignments.get(ref.material, [])
            if f.sha256 == ref.sha256 and shown_side(sources, ref.material, f) == ref.side
        ),
        None,
    )


def move(
    case: Case, state: PageState, stored: StoredFile, ref: FileRef, material: str, side: str
) -> None:
    """Put `stored` (shown at `ref`) under `material` (TRAY: back to the tray) on `side`."""
    from beian_desktop.core.case.store import move_file
    from beian_desktop.core.fixes import unassign

    state.notes.pop((ref.material, stored.sha256), None)
    if ref.in_tray:
        state.loose = [x for x in state.loose if x.stored is not stored]
        case.assignments.setdefault(material, []).append(stored)
        case.record("file-added", material)
    elif material == TRAY:
        unassign(case, ref.material, stored)  # the tray keeps the case's copy
        state.loose.append(Loose(stored, Placement(None, note=MOVED_BACK)))
    elif material != ref.material:
        move_file(case, stored, ref.material, material)
    if material != TRAY:
        old_side = ref.side if ref.material == material else ""
        take_side(case, material, side, stored, old_side)


def take_side(case: Case, material: str, side: str, stored: StoredFile, old_side: str) -> None:
    """Give `stored` its side; a file already on that side swaps to the old one (or, coming
    from elsewhere, waits as "未标明哪一面")."""
    if side:
        for other in case.assignments.get(material, []):
            if other is not stored and other.side == side:
                other.side = old_side
    stored.side = side


def remove(case: Case, state: PageState, stored: StoredFile, ref: FileRef) -> str | None:
    """Take the file out; returns the case copy's path when nothing uses it any more (for the
    caller to delete off the GUI thread)."""
    from beian_desktop.core.fixes import unassign

    if not ref.in_tray:
        return unassign(case, ref.material, stored)
    state.loose = [x for x in state.loose if x.stored is not stored]
    used = any(f.path == stored.path for _, f in case.all_files())
    return None if used else stored.path
