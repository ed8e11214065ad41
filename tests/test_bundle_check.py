"""verify PACKAGE.zip trusts nothing in the zip: every kind of damage is reported."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path

import pytest
from support.cases import assert_originals_unchanged, demo_case

from beian_desktop.core.bundle.check import check_package
from beian_desktop.core.pdfa import verify
from beian_desktop.core.pipeline.run import pack_case
from beian_desktop.core.rules import load_pack

originals_unchanged = pytest.fixture(autouse=True)(assert_originals_unchanged)


@pytest.fixture(scope="module")
def pack():  # type: ignore[no-untyped-def]
    return load_pack()


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory, pack) -> Path:  # type: ignore[no-untyped-def]
    root = tmp_path_factory.mktemp("package")
    case, folder = demo_case(root)
    return pack_case(case, folder, root / "out", pack=pack, today=dt.date(2026, 11, 27)).zip_path


def _rewrite(source: Path, target: Path, change) -> Path:  # type: ignore[no-untyped-def]
    """Copy the zip entry by entry, letting `change(name, data)` alter, drop or add entries."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            for name, data in change(info.filename, old.read(info)):
                new.writestr(name, data)
    return target


def _codes(findings) -> set[str]:  # type: ignore[no-untyped-def]
    return {f.code for f in findings}


def test_a_fresh_package_is_sound(package: Path, pack) -> None:  # type: ignore[no-untyped-def]
    assert check_package(package, pack, verify) == []


def test_a_changed_upload_breaks_its_hash(package: Path, tmp_path: Path, pack) -> None:  # type: ignore[no-untyped-def]
    def change(name: str, data: bytes):  # type: ignore[no-untyped-def]
        return [(name, data + b"\0" if name.endswith("营业执照.jpg") else data)]

    tampered = _rewrite(package, tmp_path / "t.zip", change)
    assert "package.hash" in _codes(check_package(tampered, pack, verify))


def test_unlisted_and_missing_entries(package: Path, tmp_path: Path, pack) -> None:  # type: ignore[no-untyped-def]
    def change(name: str, data: bytes):  # type: ignore[no-untyped-def]
        if name.endswith("营业执照.pdf"):
            return [(name.replace("营业执照", "营业执照副本"), data)]
        return [(name, data)]

    codes = _codes(check_package(_rewrite(package, tmp_path / "t.zip", change), pack, verify))
    assert {"package.unlisted", "package.missing"} <= codes


def test_a_broken_pdf_and_manifest(package: Path, tmp_path: Path, pack) -> None:  # type: ignore[no-untyped-def]
    def change(name: str, data: bytes):  # type: ignore[no-untyped-def]
        if name.endswith("材料清单.pdf"):
            return [(name, data + b"trailing garbage after EOF")]
        return [(name, data)]

    findings = check_package(_rewrite(package, tmp_path / "t.zip", change), pack, verify)
    assert any(f.concerns == "材料清单.pdf" for f in findings)

    def drop_manifest(name: str, data: bytes):  # type: ignore[no-untyped-def]
        return [] if name.endswith("manifest.json") else [(name, data)]

    no_manifest = _rewrite(package, tmp_path / "m.zip", drop_manifest)
    assert "package.no-manifest" in _codes(check_package(no_manifest, pack, verify))


def test_hostile_names_and_non_zips(tmp_path: Path, pack) -> None:  # type: ignore[no-untyped-def]
    evil = tmp_path / "evil.zip"
    with zipfile.ZipFile(evil, "w") as archive:
        archive.writestr("top/../../etc/passwd", b"x")
        archive.writestr("top/manifest.json", json.dumps({"format": "x"}))
    assert "package.unsafe-path" in _codes(check_package(evil, pack, verify))
    not_zip = tmp_path / "x.zip"
    not_zip.write_bytes(b"PK\x03\x04 truncated")
    assert _codes(check_package(not_zip, pack, verify)) == {"package.not-a-zip"}


def test_verify_cli_reports_a_tampered_package(cli, package: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    def change(name: str, data: bytes):  # type: ignore[no-untyped-def]
        return [(name, data[:-10] if name.endswith(".jpg") else data)]

    tampered = _rewrite(package, tmp_path / "t.zip", change)
    result = cli("--lang", "en", "verify", str(tampered))
    assert result.returncode == 1 and "SHA-256" in result.stdout
    assert cli("verify", str(package)).returncode == 0
