"""Check a finished package: names, manifest hashes, every PDF/A, every upload JPG.

This is what `beian-desktop verify PACKAGE.zip` runs, and what a recipient can run on a package
they were sent: it trusts nothing in the zip, including the manifest.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path, PurePosixPath

from beian_desktop.core.bundle.manifest import MANIFEST_FORMAT, Manifest, PackagedFile
from beian_desktop.core.bundle.zipwriter import UTF8_FLAG
from beian_desktop.core.errors import BeianError
from beian_desktop.core.findings import Finding, Severity
from beian_desktop.core.inspect import FileKind, inspect, sniff
from beian_desktop.core.naming import is_safe_name
from beian_desktop.core.rules.pack import RulePack
from beian_desktop.core.text import Text

MANIFEST_NAME = "manifest.json"
COVER_NAME = "材料清单.pdf"
MAX_PACKAGE_BYTES = 2 * 1024**3  # refuse zip bombs: far above any real filing package

PdfVerifier = Callable[[Path, str], list[Finding]]


def _problem(
    code: str, zh: str, en: str, concerns: str | None = None, severity: Severity = Severity.BLOCKING
) -> Finding:
    return Finding(
        code=f"package.{code}", severity=severity, message=Text(zh, en), concerns=concerns
    )


def _check_names(archive: zipfile.ZipFile) -> tuple[str | None, list[Finding]]:
    found: list[Finding] = []
    tops = set()
    for info in archive.infolist():
        parts = PurePosixPath(info.filename.rstrip("/")).parts
        tops.add(parts[0] if parts else "")
        if info.filename.startswith("/") or ".." in parts or "\\" in info.filename:
            found.append(
                _problem(
                    "unsafe-path",
                    f"不安全的路径：{info.filename}",
                    f"Unsafe path: {info.filename}",
                    info.filename,
                )
            )
        elif not all(is_safe_name(part) for part in parts):
            found.append(
                _problem(
                    "unsafe-name",
                    f"文件名不规范：{info.filename}",
                    f"File name is not safe: {info.filename}",
                    info.filename,
                )
            )
        if not info.filename.isascii() and not info.flag_bits & UTF8_FLAG:
            found.append(
                _problem(
                    "no-utf8-flag",
                    f"文件名未标记为 UTF-8：{info.filename}",
                    f"Name not flagged as UTF-8: {info.filename}",
                    info.filename,
                )
            )
    if len(tops) != 1:
        found.append(
            _problem(
                "top-folder",
                "压缩包应只含一个顶层文件夹。",
                "The zip should hold exactly one top folder.",
            )
        )
        return None, found
    return tops.pop(), found


def _read_manifest(archive: zipfile.ZipFile, top: str) -> tuple[Manifest | None, list[Finding]]:
    try:
        data = json.loads(archive.read(f"{top}/{MANIFEST_NAME}").decode("utf-8"))
        manifest = Manifest.from_dict(data)
    except KeyError:
        return None, [_problem("no-manifest", "缺少 manifest.json。", "manifest.json is missing.")]
    except (ValueError, TypeError) as error:
        return None, [
            _problem(
                "bad-manifest",
                f"manifest.json 无法读取：{error}",
                f"manifest.json cannot be read: {error}",
            )
        ]
    if manifest.format != MANIFEST_FORMAT:
        return None, [
            _problem(
                "manifest-format",
                f"未知的清单格式：{manifest.format}",
                f"Unknown manifest format: {manifest.format}",
            )
        ]
    return manifest, []


def _check_listed(archive: zipfile.ZipFile, top: str, manifest: Manifest) -> list[Finding]:
    found: list[Finding] = []
    listed = {f"{top}/{f.path}" for f in manifest.all_files()}
    present = {i.filename for i in archive.infolist() if not i.is_dir()}
    for name in sorted(present - listed - {f"{top}/{MANIFEST_NAME}", f"{top}/{COVER_NAME}"}):
        found.append(
            _problem(
                "unlisted", f"清单中没有的文件：{name}", f"File not in the manifest: {name}", name
            )
        )
    if f"{top}/{COVER_NAME}" not in present:
        found.append(_problem("no-cover", "缺少材料清单.pdf。", "材料清单.pdf is missing."))
    for file in manifest.all_files():
        name = f"{top}/{file.path}"
        if name not in present:
            found.append(
                _problem(
                    "missing",
                    f"清单列出但缺少：{file.path}",
                    f"Listed but missing: {file.path}",
                    file.path,
                )
            )
            continue
        data = archive.read(name)
        if hashlib.sha256(data).hexdigest() != file.sha256 or len(data) != file.size:
            found.append(
                _problem(
                    "hash",
                    f"文件与清单记录的 SHA-256 不符：{file.path}",
                    f"SHA-256 does not match the manifest: {file.path}",
                    file.path,
                )
            )
    return found


def _check_upload(
    path: Path, file: PackagedFile, material_id: str, manifest: Manifest, pack: RulePack
) -> list[Finding]:
    profile = pack.profiles.get(manifest.upload_profile) or pack.default_profile
    material = pack.materials.get(material_id)
    found: list[Finding] = []
    kind = sniff(path).kind
    if kind is not FileKind.JPEG and not (kind is FileKind.PNG and "png" in profile.formats):
        found.append(
            _problem(
                "upload-format",
                f"上传文件不是 JPG：{file.path}",
                f"Upload file is not a JPG: {file.path}",
                file.path,
            )
        )
    if not profile.accepts_size(file.size):
        found.append(
            _problem(
                "upload-size",
                f"上传文件大小 {file.size} 字节不符合{profile.name.zh}：{file.path}",
                f"Upload file size {file.size} B breaks {profile.name.en}: {file.path}",
                file.path,
            )
        )
    try:
        result = inspect(path, material, profile)
    except BeianError as error:
        return [
            *found,
            _problem(
                "upload-unreadable",
                f"{file.path}：{error.message.zh}",
                f"{file.path}: {error.message.en}",
                file.path,
            ),
        ]
    dpi = result.min_effective_dpi
    if material and material.min_dpi and dpi is not None and dpi + 0.5 < material.min_dpi:
        found.append(
            _problem(
                "upload-dpi",
                f"上传文件有效分辨率 {dpi:.0f} dpi 低于 {material.min_dpi}：{file.path}",
                f"Upload file is {dpi:.0f} dpi, under {material.min_dpi}: {file.path}",
                file.path,
                Severity.WARNING,
            )
        )
    return found


def check_package(zip_path: Path, pack: RulePack, verify_pdf: PdfVerifier) -> list[Finding]:
    """All problems found in the package at `zip_path` (empty: it is sound)."""
    try:
        archive = zipfile.ZipFile(zip_path)
    except (zipfile.BadZipFile, OSError) as error:
        return [_problem("not-a-zip", f"不是有效的 zip 文件：{error}", f"Not a valid zip: {error}")]
    with archive:
        if sum(i.file_size for i in archive.infolist()) > MAX_PACKAGE_BYTES:
            return [
                _problem("too-large", "压缩包解压后过大。", "The zip expands to too much data.")
            ]
        top, found = _check_names(archive)
        bad = archive.testzip()
        if bad is not None:
            found.append(_problem("crc", f"压缩包内文件损坏：{bad}", f"Damaged entry: {bad}", bad))
        if top is None:
            return found
        manifest, problems = _read_manifest(archive, top)
        found.extend(problems)
        if manifest is None:
            return found
        found.extend(_check_listed(archive, top, manifest))
        found.extend(_check_contents(archive, top, manifest, pack, verify_pdf))
    return found


def _check_contents(
    archive: zipfile.ZipFile, top: str, manifest: Manifest, pack: RulePack, verify_pdf: PdfVerifier
) -> list[Finding]:
    found: list[Finding] = []
    present = set(archive.namelist())
    with tempfile.TemporaryDirectory(prefix="beian-verify-") as scratch:

        def extract(name: str) -> Path:
            target = Path(scratch) / hashlib.sha256(name.encode()).hexdigest()
            target.write_bytes(archive.read(f"{top}/{name}"))
            return target

        if f"{top}/{COVER_NAME}" in present:
            found.extend(_about(verify_pdf(extract(COVER_NAME), manifest.pdfa_flavour), COVER_NAME))
        for material in manifest.materials:
            for file in material.files:
                if f"{top}/{file.path}" not in present:
                    continue
                path = extract(file.path)
                if file.role == "archive":
                    found.extend(_about(verify_pdf(path, manifest.pdfa_flavour), file.path))
                else:
                    found.extend(_check_upload(path, file, material.id, manifest, pack))
    return found


def _about(findings: list[Finding], name: str) -> list[Finding]:
    return [
        replace(
            f, concerns=name, message=Text(f"{name}：{f.message.zh}", f"{name}: {f.message.en}")
        )
        for f in findings
    ]
