"""What the review page does with a finding's fix, and the case edits behind each one-click fix.

`action_for(finding, materials)` says what kind of help a finding gets:

* SET_FIELD — a cleaned value for a typed field (ID number, credit code, phone, domain …):
  `set_field(case, finding.concerns, value)`.
* RENAME — a file whose extension does not match its content: the case's copy gets the right
  extension (`rename_plan` → `rename_copy` in a worker → `apply_rename`); the original is never
  touched.
* REMOVE_FILE — a duplicate or an unusable file: `unassign` in the case, then `delete_copy` of
  the case's copy in a worker when nothing else uses it.
* AUTOMATIC — converting, compressing to the cap, turning upright: packing does it anyway (the
  case keeps the original untouched; the package gets the converted copies).
* GO_TO — fixed elsewhere: `area_of(finding, materials)` names the page.

Edits of the case model happen on the caller's thread; file work is split out so a GUI can run
it in the background.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path, PurePosixPath

from beian_desktop.core.case.model import Case, StoredFile
from beian_desktop.core.case.store import FILES_DIR
from beian_desktop.core.findings import Finding


class Action(StrEnum):
    SET_FIELD = "set-field"
    RENAME = "rename"
    REMOVE_FILE = "remove-file"
    AUTOMATIC = "automatic"
    GO_TO = "go-to"


class Area(StrEnum):
    """Where a finding is fixed: the wizard page that owns the data."""

    SUBJECT = "subject"  # page 2: subject type, filing type, provinces, the rule questions
    DETAILS = "details"  # page 3: names, numbers, people, websites
    MATERIALS = "materials"  # page 4: the files


AUTOMATIC_KINDS = frozenset({"convert", "compress", "rotate"})
_FIELD_ROOTS = ("subject", "principal", "icp_owner", "websites")
_FIELD = re.compile(r"^(subject|principal|icp_owner)\.(\w+)$")
_SITE_FIELD = re.compile(r"^websites\[(\d+)\]\.(name|domain|remark)$")
# The fields an individual's subject shares with the person (page 3 keeps them in step).
_INDIVIDUAL_MIRROR = {
    "name": "full_name",
    "id_number": "certificate_number",
    "id_valid_until": "certificate_valid_until",
}


def area_of(finding: Finding, materials: Collection[str]) -> Area:
    concerns = finding.concerns or ""
    if concerns in materials or finding.code.startswith(("material.", "file.", "inspect.")):
        return Area.MATERIALS
    if concerns.split(".")[0].split("[")[0] in _FIELD_ROOTS or finding.code.startswith("case."):
        return Area.DETAILS
    return Area.SUBJECT  # the rules: subject type, filing type, provinces, industries


def action_for(finding: Finding, materials: Collection[str]) -> Action:
    fix = finding.fix
    kind = fix.kind if fix is not None else ""
    if kind == "rename" and fix is not None and fix.value and finding.extra.get("sha256"):
        return Action.RENAME
    if kind == "remove-file" and finding.extra.get("sha256") and finding.concerns in materials:
        return Action.REMOVE_FILE
    if kind in AUTOMATIC_KINDS:
        return Action.AUTOMATIC
    if fix is not None and fix.value and field_path(finding.concerns) is not None:
        return Action.SET_FIELD
    return Action.GO_TO


# -- typed fields -------------------------------------------------------------------------------


def field_path(concerns: str | None) -> tuple[str, int | None, str] | None:
    """("principal", None, "id_number") or ("websites", 0, "domain"); None for non-fields."""
    if not concerns:
        return None
    match = _FIELD.match(concerns)
    if match:
        return match[1], None, match[2]
    match = _SITE_FIELD.match(concerns)
    if match:
        return "websites", int(match[1]), match[2]
    return None


def set_field(case: Case, concerns: str | None, value: str, *, individual: bool = False) -> bool:
    """Put `value` into the field `concerns` names; False when there is no such field. For an
    individual, the person's name, number and validity are also the subject's."""
    path = field_path(concerns)
    if path is None:
        return False
    root, index, name = path
    if root == "websites":
        if index is None or index >= len(case.websites):
            return False
        target: object = case.websites[index]
    else:
        target = getattr(case, root)
    if not hasattr(target, name):
        return False
    setattr(target, name, value)
    if individual and root == "principal" and name in _INDIVIDUAL_MIRROR:
        setattr(case.subject, _INDIVIDUAL_MIRROR[name], value)
    case.record("fixed", concerns or "")
    return True


# -- files --------------------------------------------------------------------------------------


def find_file(case: Case, material_id: str | None, sha256: object) -> StoredFile | None:
    """The last file of `material_id` with this content (the later copy of a duplicate)."""
    files = case.assignments.get(material_id or "", [])
    return next((f for f in reversed(files) if f.sha256 == sha256), None)


def unassign(case: Case, material_id: str, stored: StoredFile) -> str | None:
    """Take `stored` out of the material (this very entry, even when its content is there
    twice). Returns the case copy's relative path when nothing uses it any more, so the caller
    can delete it with `delete_copy` — off the GUI thread."""
    files = case.assignments.get(material_id, [])
    index = next((i for i, f in enumerate(files) if f is stored), None)
    if index is None:
        return None
    del files[index]
    if not files:
        case.assignments.pop(material_id, None)
    case.record("file-removed", material_id)
    still_used = any(f.path == stored.path for _, f in case.all_files())
    return None if still_used or not is_case_copy(stored.path) else stored.path


def is_case_copy(relative: str) -> bool:
    parts = PurePosixPath(relative.replace("\\", "/")).parts
    return len(parts) == 2 and parts[0] == FILES_DIR


def delete_copy(folder: Path, relative: str) -> None:
    """Delete a case copy no longer used (never anything outside the case's files/ folder)."""
    if is_case_copy(relative):
        (folder / relative).unlink(missing_ok=True)


@dataclass(frozen=True)
class RenamePlan:
    sha256: str
    old_path: str  # relative to the case folder
    new_path: str
    new_name: str  # what the user sees (original name with the right extension)


def rename_plan(stored: StoredFile, suggested: str) -> RenamePlan | None:
    """Give the case's copy the extension of `suggested` (the inspection's suggestion); None
    when the copy is not one the case owns or already has that extension."""
    extension = PurePosixPath(suggested).suffix.lower()
    if not extension or not is_case_copy(stored.path):
        return None
    old = PurePosixPath(stored.path)
    if old.suffix.lower() == extension:
        return None
    shown = PurePosixPath(stored.original_name or old.name)
    new_name = f"{shown.stem}{extension}" if shown.suffix else f"{shown.name}{extension}"
    new_path = str(old.with_name(f"{stored.sha256}{extension}"))
    return RenamePlan(stored.sha256, stored.path, new_path, new_name)


def rename_copy(folder: Path, plan: RenamePlan) -> None:
    """Rename the case's copy on disk (in a worker). Content-named, so an existing target
    already holds the same bytes."""
    old, new = folder / plan.old_path, folder / plan.new_path
    if new.exists():
        old.unlink(missing_ok=True)
    else:
        old.replace(new)


def apply_rename(case: Case, plan: RenamePlan) -> int:
    """Point every entry for that copy at the new name; returns how many entries changed."""
    changed = 0
    for _, stored in case.all_files():
        if stored.path == plan.old_path:
            stored.path = plan.new_path
            stored.original_name = plan.new_name
            changed += 1
    if changed:
        case.record("file-renamed", plan.new_path)
    return changed
