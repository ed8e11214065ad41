"""review(): the demo case is clean; each kind of problem is found, with severity and fix."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from support.cases import assert_originals_unchanged, demo_case, sha256
from support.synth import Synth

from beian_desktop.core.case import Person, save_case
from beian_desktop.core.case.store import add_file, remove_file
from beian_desktop.core.findings import Severity
from beian_desktop.core.review import finding_key, review
from beian_desktop.core.rules import load_pack

TODAY = dt.date(2026, 11, 27)


originals_unchanged = pytest.fixture(autouse=True)(assert_originals_unchanged)


@pytest.fixture(scope="module")
def pack():  # type: ignore[no-untyped-def]
    return load_pack()


def _codes(result, severity: Severity | None = None) -> set[str]:  # type: ignore[no-untyped-def]
    return {f.code for f in result.findings if severity is None or f.severity is severity}


def test_demo_case_is_ready_to_pack(tmp_path: Path, pack) -> None:  # type: ignore[no-untyped-def]
    case, folder = demo_case(tmp_path)
    result = review(case, folder, pack, today=TODAY)
    assert not result.blocking, [f.message.en for f in result.blocking]
    assert len(result.inspections) == 4
    assert result.checklist.item("commitment-guangdong") is not None


def test_missing_mandatory_material_blocks(tmp_path: Path, pack) -> None:  # type: ignore[no-untyped-def]
    case, folder = demo_case(tmp_path)
    stored = case.assignments["commitment-guangdong"][0]
    remove_file(case, folder, "commitment-guangdong", stored)
    result = review(case, folder, pack, today=TODAY)
    missing = [f for f in result.blocking if f.code == "material.missing"]
    assert [f.concerns for f in missing] == ["commitment-guangdong"]
    assert missing[0].rule_id == "44.commitment" and missing[0].fix is not None


def test_one_sided_id_card_blocks(tmp_path: Path, pack) -> None:  # type: ignore[no-untyped-def]
    case, folder = demo_case(tmp_path)
    back = next(f for f in case.assignments["id-card-principal"] if f.side == "back")
    remove_file(case, folder, "id-card-principal", back)
    result = review(case, folder, pack, today=TODAY)
    one_side = [f for f in result.blocking if f.code == "material.one-side"]
    assert one_side and "国徽面" in one_side[0].message.zh


@pytest.mark.parametrize(
    ("valid_until", "code", "severity"),
    [
        ("2026-11-01", "case.validity-expired", Severity.BLOCKING),
        ("2027-01-15", "case.validity-short", Severity.BLOCKING),
        ("", "case.validity-missing", Severity.WARNING),
        ("2027-13-45", "case.validity-invalid", Severity.BLOCKING),
    ],
)
def test_certificate_validity_margin(
    tmp_path: Path,
    pack,
    valid_until: str,
    code: str,  # type: ignore[no-untyped-def]
    severity: Severity,
) -> None:
    case, folder = demo_case(tmp_path)
    case.subject.certificate_valid_until = valid_until
    result = review(case, folder, pack, today=TODAY)
    assert code in _codes(result, severity)


def test_long_term_certificates_and_far_dates_pass(tmp_path: Path, pack) -> None:  # type: ignore[no-untyped-def]
    case, folder = demo_case(tmp_path)
    case.subject.certificate_valid_until = "2030-01-01"
    result = review(case, folder, pack, today=TODAY)
    assert not {c for c in _codes(result) if c.startswith("case.validity")}


def test_two_people_must_not_share_a_phone(tmp_path: Path, pack) -> None:  # type: ignore[no-untyped-def]
    case, folder = demo_case(tmp_path)
    case.icp_owner_is_principal = False
    case.icp_owner = Person(
        name="李示例",
        id_number="11010519491231002X",
        id_valid_until="长期",
        phone=case.principal.phone,
        email="owner@example.com",
    )
    result = review(case, folder, pack, today=TODAY)
    assert "case.shared-phone" in _codes(result, Severity.BLOCKING)
    assert "case.shared-email" not in _codes(result)
    # the owner's ID is now required, and missing
    assert any(
        f.code == "material.missing" and f.concerns == "id-card-icp-owner" for f in result.blocking
    )


def test_mistyped_id_number_offers_the_cleaned_value(tmp_path: Path, pack) -> None:  # type: ignore[no-untyped-def]
    case, folder = demo_case(tmp_path)
    case.principal.id_number = "4403 0519 9003 0712 01"
    result = review(case, folder, pack, today=TODAY)
    finding = next(f for f in result.blocking if f.concerns == "principal.id_number")
    assert finding.fix is not None and finding.fix.value == "440305199003071201"


def test_duplicate_and_changed_files(tmp_path: Path, pack, synth: Synth) -> None:  # type: ignore[no-untyped-def]
    case, folder = demo_case(tmp_path)
    licence = case.assignments["subject-certificate"][0]
    add_file(case, folder, "domain-certificate", folder / licence.path)
    result = review(case, folder, pack, today=TODAY)
    assert "material.duplicate-file" in _codes(result, Severity.WARNING)
    (folder / licence.path).write_bytes(synth.scan("a4", 300).read_bytes())
    changed = review(case, folder, pack, today=TODAY)
    assert "file.changed" in _codes(changed, Severity.BLOCKING)


def test_unreadable_and_low_resolution_files_are_findings(
    tmp_path: Path,
    pack,  # type: ignore[no-untyped-def]
    synth: Synth,
) -> None:
    case, folder = demo_case(tmp_path)
    empty = tmp_path / "空白.jpg"
    empty.write_bytes(b"")
    add_file(case, folder, "domain-certificate", empty)
    add_file(case, folder, "authenticity-commitment", synth.scan("a4", 120))
    result = review(case, folder, pack, today=TODAY)
    blocking = {f.code: f for f in result.blocking}
    assert "file.file-empty" in blocking and "空白.jpg" in blocking["file.file-empty"].message.zh
    low = [f for f in result.blocking if f.concerns == "authenticity-commitment"]
    assert low, "a 120-dpi scan of a known material must block"


def test_accepted_warnings_no_longer_count(tmp_path: Path, pack) -> None:  # type: ignore[no-untyped-def]
    case, folder = demo_case(tmp_path)
    case.subject.certificate_valid_until = ""
    first = review(case, folder, pack, today=TODAY)
    warning = next(f for f in first.open_warnings if f.code == "case.validity-missing")
    case.accepted_warnings.append(finding_key(warning))
    second = review(case, folder, pack, today=TODAY)
    assert warning.code not in {f.code for f in second.open_warnings}
    assert any(second.is_accepted(f) for f in second.findings)


def test_review_never_touches_the_files(tmp_path: Path, pack) -> None:  # type: ignore[no-untyped-def]
    case, folder = demo_case(tmp_path)
    before = {p: sha256(p) for p in folder.rglob("*") if p.is_file()}
    review(case, folder, pack, today=TODAY)
    assert before == {p: sha256(p) for p in folder.rglob("*") if p.is_file()}


def test_review_cli(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    case, folder = demo_case(tmp_path)
    clean = cli("review", str(folder / "case.json"))
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "可以打包" in clean.stdout
    case.subject.full_name = ""
    case.principal.id_number = "4403 0519 9003 0712 01"
    save_case(case, folder)
    blocked = cli("--lang", "en", "review", str(folder))
    assert blocked.returncode == 1
    assert "Blocking problems" in blocked.stdout and "440305199003071201" in blocked.stdout
    as_json = cli("review", str(folder), "--json")
    data = json.loads(as_json.stdout)
    assert data["blocking"] and any(f["code"] == "case.no-subject-name" for f in data["findings"])


def test_review_cli_bad_case_file(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "case.json"
    bad.write_text("{broken", "utf-8")
    result = cli("review", str(bad))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "JSON" in result.stderr
