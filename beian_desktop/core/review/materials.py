"""Review of the files: missing and extra materials, both ID sides, duplicates, inspections."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from beian_desktop.core.case.model import Case, StoredFile
from beian_desktop.core.case.store import changed_files, resolve_file
from beian_desktop.core.errors import BeianError
from beian_desktop.core.findings import Finding, Fix, Severity
from beian_desktop.core.inspect import Inspection, inspect
from beian_desktop.core.inspect.cache import InspectionCache
from beian_desktop.core.parallel import Job, run_jobs
from beian_desktop.core.rules.model import Level, Material, UploadProfile
from beian_desktop.core.rules.pack import RulePack
from beian_desktop.core.rules.resolve import Checklist
from beian_desktop.core.text import Text

_MISSING_SEVERITY = {
    Level.MANDATORY: Severity.BLOCKING,
    Level.CONDITIONAL: Severity.WARNING,
    Level.RECOMMENDED: Severity.INFO,
}

InspectFn = Callable[[StoredFile, str], Inspection]


def file_label(stored: StoredFile) -> str:
    return stored.original_name or Path(stored.path).name


def missing_findings(case: Case, checklist: Checklist) -> list[Finding]:
    found = []
    for item in checklist.items:
        if case.assignments.get(item.material.id):
            continue
        level = item.level
        condition = next((r.condition for r in item.reasons if r.condition), None)
        when = Text(f"（若{condition.zh}）", f" (if {condition.en})") if condition else Text("", "")
        found.append(
            Finding(
                code="material.missing",
                severity=_MISSING_SEVERITY[level],
                concerns=item.material.id,
                message=Text(
                    f"缺少材料：{item.name.zh}{when.zh}。{item.reasons[0].message.zh}",
                    f"Missing: {item.name.en}{when.en}. {item.reasons[0].message.en}",
                ),
                rule_id=item.reasons[0].rule_id,
                sources=item.reasons[0].sources,
                fix=Fix("add-file", Text("添加文件", "Add a file")),
            )
        )
    return found


def extra_findings(case: Case, checklist: Checklist, pack: RulePack) -> list[Finding]:
    listed = {item.material.id for item in checklist.items}
    found = []
    for material_id, files in case.assignments.items():
        if not files or material_id in listed:
            continue
        material = pack.materials.get(material_id)
        name = material.name if material else Text(material_id, material_id)
        severity = Severity.BLOCKING if material is None else Severity.INFO
        found.append(
            Finding(
                code="material.extra" if material else "material.unknown",
                severity=severity,
                concerns=material_id,
                message=Text(
                    f"{name.zh}不在本次备案的材料清单中，将作为附加材料打包。",
                    f"{name.en} is not on this filing's checklist; it is packed as an extra.",
                )
                if material
                else Text(
                    f"规则包中没有材料“{material_id}”。",
                    f"The rule pack has no material '{material_id}'.",
                ),
            )
        )
    return found


def duplicate_findings(case: Case) -> list[Finding]:
    """The same content assigned twice (by SHA-256), within a material or across materials."""
    where = Counter(f.sha256 for _, f in case.all_files())
    found = []
    reported = set()
    for material_id, stored in case.all_files():
        if where[stored.sha256] < 2 or stored.sha256 in reported:
            continue
        reported.add(stored.sha256)
        holders = sorted({m for m, f in case.all_files() if f.sha256 == stored.sha256})
        same_material = len(holders) == 1
        found.append(
            Finding(
                code="material.duplicate-file",
                severity=Severity.BLOCKING if same_material else Severity.WARNING,
                concerns=material_id,
                message=Text(
                    f"同一个文件（{file_label(stored)}）被放入了多处：{'、'.join(holders)}。",
                    f"The same file ({file_label(stored)}) is assigned more than once: "
                    f"{', '.join(holders)}.",
                ),
                fix=Fix("remove-file", Text("移除重复的文件", "Remove the duplicate")),
                extra={"sha256": stored.sha256},
            )
        )
    return found


def changed_file_findings(case: Case, folder: Path) -> list[Finding]:
    found = []
    for material_id, stored, problem in changed_files(case, folder):
        zh = "已丢失" if problem == "missing" else "在加入后被改动过（SHA-256 不符）"
        en = (
            "is missing" if problem == "missing" else "changed after it was added (SHA-256 differs)"
        )
        message = Text(
            f"案卷中的文件 {file_label(stored)} {zh}。",
            f"The case's copy of {file_label(stored)} {en}.",
        )
        fix = Fix("add-file", Text("重新添加该文件", "Add the file again"))
        found.append(_file_blocks(problem, material_id, stored, message, fix))
    return found


def sides_findings(case: Case, pack: RulePack, pages: dict[str, int]) -> list[Finding]:
    """Two-sided materials need the front and the back, each as its own image."""
    found = []
    for material_id, files in case.assignments.items():
        material = pack.materials.get(material_id)
        if material is None or material.sides != 2 or not files:
            continue
        marked = {f.side for f in files if f.side}
        total = sum(pages.get(f.sha256, 1) for f in files)
        if marked == {"front"} or marked == {"back"} or (not marked and total < 2):
            have = (
                material.side_names[0 if "front" in marked else 1]
                if marked and (material.side_names)
                else None
            )
            needed = [
                n
                for i, n in enumerate(material.side_names)
                if not marked or ("front", "back")[i] not in marked
            ]
            what = needed[0] if needed else Text("另一面", "the other side")
            found.append(
                Finding(
                    code="material.one-side",
                    severity=Severity.BLOCKING,
                    concerns=material_id,
                    message=Text(
                        f"{material.name.zh}只有一面{'（' + have.zh + '）' if have else ''}，"
                        f"还缺{what.zh}。",
                        f"{material.name.en} has only one side"
                        f"{' (' + have.en + ')' if have else ''}; {what.en} is missing.",
                    ),
                    fix=Fix("add-file", Text(f"添加{what.zh}", f"Add {what.en}")),
                )
            )
    return found


def inspection_findings(
    case: Case,
    folder: Path,
    pack: RulePack,
    profile: UploadProfile,
    on_file: Callable[[int, int, str], None] | None = None,
    cache: InspectionCache | None = None,
) -> tuple[list[Finding], dict[str, Inspection]]:
    """Inspect every assigned file, several at once (or take what `cache` remembers);
    unreadable files become blocking findings, not errors. `on_file(n, total, name)` hears
    of each file as it is done."""
    files = [
        (material_id, stored)
        for material_id, stored in case.all_files()
        if resolve_file(folder, stored).is_file()  # else reported by changed_file_findings
    ]

    def job(material_id: str, stored: StoredFile) -> Job[Inspection | BeianError]:
        material = pack.materials.get(material_id)
        path = resolve_file(folder, stored)
        if cache is None:
            return Job(lambda: _inspect_or_error(path, material, profile))
        key = (f"{stored.sha256}:{stored.path}", material_id, profile.id)  # the name counts too

        def remembered() -> Inspection | BeianError:
            outcome = cache.get(key)
            if outcome is None:
                outcome = _inspect_or_error(path, material, profile)
                cache.put(key, outcome)
            return outcome

        return Job(remembered)

    done = 0

    def report(index: int) -> None:
        nonlocal done
        done += 1
        if on_file is not None:
            on_file(done, len(files), file_label(files[index][1]))

    outcomes = run_jobs([job(m, s) for m, s in files], on_done=report)
    found: list[Finding] = []
    inspections: dict[str, Inspection] = {}
    for (material_id, stored), outcome in zip(files, outcomes, strict=True):
        if isinstance(outcome, BeianError):
            found.append(_unreadable(outcome, material_id, stored))
            continue
        inspections[inspection_key(material_id, stored)] = outcome
        found.extend(_about_file(f, material_id, stored) for f in outcome.findings)
    return found, inspections


def _inspect_or_error(
    path: Path, material: Material | None, profile: UploadProfile
) -> Inspection | BeianError:
    try:
        return inspect(path, material, profile)
    except BeianError as error:
        return error


def _unreadable(error: BeianError, material_id: str, stored: StoredFile) -> Finding:
    message = Text(
        f"{file_label(stored)}：{error.message.zh}", f"{file_label(stored)}: {error.message.en}"
    )
    fix = Fix("remove-file", error.hint or Text("换一个文件", "Use another file"))
    return _file_blocks(error.code, material_id, stored, message, fix)


def _file_blocks(
    problem: str, material_id: str, stored: StoredFile, message: Text, fix: Fix
) -> Finding:
    """A blocking finding about one file of the case."""
    return Finding(
        code=f"file.{problem}",
        severity=Severity.BLOCKING,
        concerns=material_id,
        message=message,
        fix=fix,
        extra={"sha256": stored.sha256},
    )


def inspection_key(material_id: str, stored: StoredFile) -> str:
    return f"{material_id}/{stored.sha256}"


def _about_file(finding: Finding, material_id: str, stored: StoredFile) -> Finding:
    label = file_label(stored)
    message = Text(f"{label}：{finding.message.zh}", f"{label}: {finding.message.en}")
    return replace(
        finding,
        message=message,
        concerns=material_id,
        extra={**finding.extra, "sha256": stored.sha256, "file": label},
    )
