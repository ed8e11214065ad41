"""Case files: round trip, atomic saves, validation, migration, and never touching originals."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from beian_desktop.core.case import (
    Case,
    CaseFileError,
    Person,
    Website,
    load_case,
    save_case,
    store,
)
from beian_desktop.core.case.model import SCHEMA_VERSION, StoredFile


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _sample_case() -> Case:
    case = Case()
    case.subject.type = "企业"
    case.subject.full_name = "深圳市示例科技有限公司"
    case.province = "44"
    case.principal = Person(name="张三", id_number="11010519491231002X", phone="13800138000")
    case.websites = [Website(name="示例科技官网", domain="example.cn", remark="公司介绍")]
    case.industries = ["文化"]
    return case


def test_round_trip(tmp_path: Path) -> None:
    case = _sample_case()
    save_case(case, tmp_path)
    loaded, folder = load_case(tmp_path / "case.json")
    assert folder == tmp_path
    assert loaded.to_dict() == case.to_dict()
    assert load_case(tmp_path)[0].subject.full_name == "深圳市示例科技有限公司"


def test_save_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    case = _sample_case()
    target = save_case(case, tmp_path)
    before = target.read_bytes()

    def crash(*_args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "fsync", crash)
    case.subject.full_name = "改过的名字"
    with pytest.raises(OSError):
        save_case(case, tmp_path)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["case.json"]


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"{not json", "JSON"),
        (b"\xff\xfe\x00", "JSON"),
        (b"[]", "not a case"),
        (b'{"id": "x"}', "schema_version"),
        (json.dumps({"schema_version": 99, "id": "x"}).encode(), "newer version"),
    ],
)
def test_bad_case_files_give_clear_errors(tmp_path: Path, content: bytes, words: str) -> None:
    path = tmp_path / "case.json"
    path.write_bytes(content)
    with pytest.raises(CaseFileError) as caught:
        load_case(path)
    assert words in caught.value.user_message("en")
    assert caught.value.message.zh


def test_invalid_field_is_named(tmp_path: Path) -> None:
    data = _sample_case().to_dict()
    data["pdfa_flavour"] = "3u"
    (tmp_path / "case.json").write_text(json.dumps(data), "utf-8")
    with pytest.raises(CaseFileError) as caught:
        load_case(tmp_path)
    assert "pdfa_flavour" in caught.value.user_message("en")


def test_older_formats_are_migrated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The migration chain runs on load and is recorded (a future format bump plugs in here)."""
    data = _sample_case().to_dict()
    data["schema_version"] = SCHEMA_VERSION
    monkeypatch.setattr(store, "SCHEMA_VERSION", SCHEMA_VERSION + 1)

    def rename_province(old: dict[str, object]) -> dict[str, object]:
        return {**old, "province": "44"}

    monkeypatch.setitem(store.MIGRATIONS, SCHEMA_VERSION, rename_province)
    migrated = store.migrate(data)
    assert migrated["schema_version"] == SCHEMA_VERSION + 1
    assert migrated["history"][-1]["kind"] == "migrated"


def test_a_format_1_case_opens_with_the_residence_permit_unanswered(tmp_path: Path) -> None:
    data = _sample_case().to_dict()
    data["schema_version"] = 1
    del data["has_residence_permit"]
    (tmp_path / "case.json").write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    case, _folder = load_case(tmp_path)
    assert case.schema_version == 2 and case.has_residence_permit is None
    assert case.history[-1].kind == "migrated" and case.history[-1].detail == "format 1 -> 2"
    assert case.subject.full_name == _sample_case().subject.full_name


def test_import_copies_and_never_touches_the_original(tmp_path: Path) -> None:
    original = tmp_path / "扫描 营业执照.JPG"
    original.write_bytes(b"\xff\xd8 fake jpeg bytes " * 1000)
    original.chmod(0o444)
    digest, stat = _sha(original), original.stat()
    case, folder = _sample_case(), tmp_path / "case"
    stored = store.add_file(case, folder, "subject-certificate", original)
    assert stored.sha256 == digest and stored.size == stat.st_size
    assert stored.path == f"files/{digest}.jpg" and stored.original_name == "扫描 营业执照.JPG"
    assert (folder / stored.path).read_bytes() == original.read_bytes()
    assert _sha(original) == digest and original.stat().st_mtime == stat.st_mtime
    again = store.add_file(case, folder, "id-card-principal", original, side="front")
    assert again.path == stored.path  # the same content is stored once
    assert len(list((folder / "files").iterdir())) == 1
    original.unlink()  # the user deletes the original: the case keeps working
    assert store.changed_files(case, folder) == []


def test_remove_keeps_shared_copies(tmp_path: Path) -> None:
    source = tmp_path / "a.png"
    source.write_bytes(b"png" * 10)
    case, folder = _sample_case(), tmp_path / "case"
    first = store.add_file(case, folder, "subject-certificate", source)
    second = store.add_file(case, folder, "domain-certificate", source)
    store.remove_file(case, folder, "subject-certificate", first)
    assert (folder / second.path).exists()
    store.remove_file(case, folder, "domain-certificate", second)
    assert not (folder / second.path).exists() and not case.assignments


def test_changed_and_escaping_files_are_reported(tmp_path: Path) -> None:
    source = tmp_path / "a.png"
    source.write_bytes(b"one")
    case, folder = _sample_case(), tmp_path / "case"
    stored = store.add_file(case, folder, "subject-certificate", source)
    (folder / stored.path).write_bytes(b"two")
    assert store.changed_files(case, folder)[0][2] == "changed"
    escape = StoredFile(path="../../etc/passwd", sha256="0" * 64, size=0, original_name="x")
    with pytest.raises(CaseFileError):
        store.resolve_file(folder, escape)
