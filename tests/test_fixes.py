"""The one-click fixes of the review page: which help each finding gets, and the case edits."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from support.cases import assert_originals_unchanged, demo_case, sha256
from support.synth import Synth

from beian_desktop.core.case.store import add_file
from beian_desktop.core.findings import Finding, Fix, Severity
from beian_desktop.core.fixes import (
    Action,
    Area,
    action_for,
    apply_rename,
    area_of,
    delete_copy,
    find_file,
    rename_copy,
    rename_plan,
    set_field,
    unassign,
)
from beian_desktop.core.review import review
from beian_desktop.core.rules import load_pack
from beian_desktop.core.rules.pack import RulePack
from beian_desktop.core.text import Text

TODAY = dt.date(2026, 11, 27)
originals_unchanged = pytest.fixture(autouse=True)(assert_originals_unchanged)


@pytest.fixture(scope="module")
def pack() -> RulePack:
    return load_pack()


def finding(code: str, concerns: str | None, fix: Fix | None = None, **extra: object) -> Finding:
    return Finding(code, Severity.WARNING, Text("x", "x"), concerns=concerns, fix=fix, extra=extra)


MATERIALS = {"subject-certificate", "id-card-principal"}


@pytest.mark.parametrize(
    ("found", "action", "area"),
    [
        (
            finding("id.checksum", "principal.id_number", Fix("clean-id", Text("", ""), "1")),
            Action.SET_FIELD,
            Area.DETAILS,
        ),
        (
            finding(
                "domain.x", "websites[0].domain", Fix("registrable-domain", Text("", ""), "a.cn")
            ),
            Action.SET_FIELD,
            Area.DETAILS,
        ),
        (
            finding(
                "inspect.extension-mismatch",
                "subject-certificate",
                Fix("rename", Text("", ""), "x.png"),
                sha256="ab",
            ),
            Action.RENAME,
            Area.MATERIALS,
        ),
        (
            finding(
                "material.duplicate-file",
                "subject-certificate",
                Fix("remove-file", Text("", "")),
                sha256="ab",
            ),
            Action.REMOVE_FILE,
            Area.MATERIALS,
        ),
        (
            finding("inspect.over-size-cap", "subject-certificate", Fix("compress", Text("", ""))),
            Action.AUTOMATIC,
            Area.MATERIALS,
        ),
        (
            finding("inspect.rotated", "subject-certificate", Fix("rotate", Text("", ""))),
            Action.AUTOMATIC,
            Area.MATERIALS,
        ),
        (
            finding("material.missing", "id-card-principal", Fix("add-file", Text("", ""))),
            Action.GO_TO,
            Area.MATERIALS,
        ),
        (
            finding("rule:41.nonlocal", None, Fix("instead", Text("", ""))),
            Action.GO_TO,
            Area.SUBJECT,
        ),
        (finding("case.no-website", "websites"), Action.GO_TO, Area.DETAILS),
    ],
)
def test_each_finding_gets_its_kind_of_help(found: Finding, action: Action, area: Area) -> None:
    assert action_for(found, MATERIALS) is action
    assert area_of(found, MATERIALS) is area


def test_set_field_writes_the_named_field_and_mirrors_an_individual(tmp_path: Path) -> None:
    case, _ = demo_case(tmp_path)
    assert set_field(case, "websites[0].domain", "example.cn")
    assert case.websites[0].domain == "example.cn"
    assert set_field(case, "principal.id_number", "11010519491231002X", individual=True)
    assert case.subject.certificate_number == "11010519491231002X"
    assert not set_field(case, "websites[3].domain", "x.cn")
    assert not set_field(case, "subject.nonexistent", "x")
    assert not set_field(case, "id-card-principal", "x")
    assert case.history[-1].kind == "fixed"


def test_removing_a_duplicate_keeps_the_copy_the_other_entry_uses(
    tmp_path: Path, pack: RulePack
) -> None:
    case, folder = demo_case(tmp_path)
    licence = case.assignments["subject-certificate"][0]
    add_file(case, folder, "subject-certificate", folder / licence.path)
    found = review(case, folder, pack, today=TODAY).blocking
    duplicate = next(f for f in found if f.code == "material.duplicate-file")
    assert action_for(duplicate, pack.materials) is Action.REMOVE_FILE
    later = find_file(case, duplicate.concerns, duplicate.extra["sha256"])
    assert later is not None and later is not licence
    assert unassign(case, "subject-certificate", later) is None  # the first entry still uses it
    assert case.assignments["subject-certificate"] == [licence]
    assert not review(case, folder, pack, today=TODAY).blocking
    relative = unassign(case, "subject-certificate", licence)
    assert relative == licence.path and "subject-certificate" not in case.assignments
    delete_copy(folder, relative)
    assert not (folder / licence.path).exists()
    delete_copy(folder, "../case.json")  # never outside files/
    assert (folder / "case.json").is_file()


def test_a_wrong_extension_is_fixed_on_the_case_copy_only(
    tmp_path: Path, pack: RulePack, tmp_path_factory: pytest.TempPathFactory
) -> None:
    case, folder = demo_case(tmp_path)
    png = tmp_path / "营业执照.jpg"  # PNG content, JPEG name
    Synth.shared(tmp_path_factory).page("a4", 200, seal=True).save(png, "PNG")
    original = sha256(png)
    stored = add_file(case, folder, "commitment-guangdong", png)
    mismatch = next(
        f
        for f in review(case, folder, pack, today=TODAY).findings
        if f.code == "inspect.extension-mismatch"
    )
    assert action_for(mismatch, pack.materials) is Action.RENAME and mismatch.fix is not None
    plan = rename_plan(stored, str(mismatch.fix.value))
    assert plan is not None and plan.new_name == "营业执照.png"
    assert plan.new_path == f"files/{stored.sha256}.png"
    rename_copy(folder, plan)
    assert apply_rename(case, plan) == 1 and stored.original_name == "营业执照.png"
    assert (folder / plan.new_path).is_file() and not (folder / plan.old_path).exists()
    assert sha256(png) == original
    codes = {f.code for f in review(case, folder, pack, today=TODAY).findings}
    assert "inspect.extension-mismatch" not in codes
    assert rename_plan(stored, "x.png") is None  # already right
