"""Case folders on disk: case.json (atomic, schema-checked, migrated) and the copied files.

    <case folder>/case.json
    <case folder>/files/<sha256>.<ext>     copies of the user's files, named by content

Originals are read once, hashed while copied, and never written to.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import tempfile
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any

import jsonschema

from beian_desktop.core.atomic import TEMP_PREFIX, atomic_write_bytes, remove_stale_temps
from beian_desktop.core.case.model import SCHEMA_VERSION, Case, StoredFile, now_iso
from beian_desktop.core.errors import BeianError, UnreadableFile
from beian_desktop.core.paths import user_data_dir
from beian_desktop.core.resources import resource_path
from beian_desktop.core.text import Text

log = logging.getLogger(__name__)

CASE_FILE = "case.json"
FILES_DIR = "files"
_CHUNK = 1024 * 1024

# version n -> a function turning a version-n dict into a version n+1 dict.
Migration = Callable[[dict[str, Any]], dict[str, Any]]


def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    """Format 2 adds `has_residence_permit`; format-1 cases had no answer to it."""
    data.setdefault("has_residence_permit", None)
    return data


MIGRATIONS: dict[int, Migration] = {1: _v1_to_v2}


class CaseFileError(BeianError):
    """case.json is unreadable, invalid, or from a newer version of the app."""

    code = "case-file"

    def __init__(self, problem: Text, *, detail: str = "") -> None:
        super().__init__(
            Text(f"无法打开案卷文件：{problem.zh}", f"Cannot open the case file: {problem.en}"),
            Text(
                "请选择其他案卷，或从备份恢复该文件。",
                "Choose another case, or restore the file from a backup.",
            ),
            detail=detail,
        )


def cases_root() -> Path:
    return user_data_dir() / "cases"


def new_case_folder(case: Case, root: Path | None = None) -> Path:
    folder = (root or cases_root()) / case.id
    (folder / FILES_DIR).mkdir(parents=True, exist_ok=True)
    return folder


def case_json_path(path: Path) -> Path:
    return path / CASE_FILE if path.is_dir() else path


# -- saving and loading -------------------------------------------------------------------
def save_case(case: Case, folder: Path) -> Path:
    """Write case.json atomically: a crash leaves the previous version, never half a file."""
    target = folder / CASE_FILE
    data = json.dumps(case.to_dict(), ensure_ascii=False, indent=2, sort_keys=True)
    atomic_write_bytes(target, (data + "\n").encode("utf-8"))
    return target


def load_case(path: Path) -> tuple[Case, Path]:
    """Load case.json (or the folder holding it); returns the case and its folder."""
    target = case_json_path(path)
    try:
        raw = target.read_bytes()
    except OSError as error:
        raise CaseFileError(
            Text("文件无法读取", "the file cannot be read"), detail=str(error)
        ) from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise CaseFileError(
            Text("不是有效的 JSON（文件可能已损坏）", "not valid JSON (the file may be damaged)"),
            detail=str(error),
        ) from None
    data = migrate(data)
    validate_case_dict(data)
    remove_stale_temps(target.parent)
    return Case.from_dict(data), target.parent


def migrate(loaded: Any) -> dict[str, Any]:
    if not isinstance(loaded, dict):
        raise CaseFileError(Text("内容不是案卷", "the content is not a case"))
    data: dict[str, Any] = loaded
    version = data.get("schema_version")
    if not isinstance(version, int) or version < 1:
        raise CaseFileError(Text("缺少有效的 schema_version", "no valid schema_version"))
    if version > SCHEMA_VERSION:
        raise CaseFileError(
            Text(
                f"由更新版本的程序创建（格式 {version}，"
                f"本程序支持到 {SCHEMA_VERSION}），请升级程序",
                f"made by a newer version of the app (format {version}; this one reads up to "
                f"{SCHEMA_VERSION}): update the app",
            )
        )
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
        data["schema_version"] = version
        data.setdefault("history", []).append(
            {"at": now_iso(), "kind": "migrated", "detail": f"format {version - 1} -> {version}"}
        )
    return data


def validate_case_dict(data: dict[str, Any]) -> None:
    schema = json.loads(resource_path("schema", "case.schema.json").read_text("utf-8"))
    error = jsonschema.exceptions.best_match(
        jsonschema.validators.validator_for(schema)(schema).iter_errors(data)
    )
    if error is not None:
        key = ".".join(str(p) for p in error.absolute_path) or "(top level)"
        raise CaseFileError(
            Text(f"字段 {key} 无效：{error.message}", f"field {key} is invalid: {error.message}")
        )


# -- files --------------------------------------------------------------------------------
def resolve_file(folder: Path, stored: StoredFile) -> Path:
    """Where a stored file is. Relative paths must stay inside the case folder."""
    path = Path(stored.path)
    if path.is_absolute():
        return path
    if ".." in PurePosixPath(stored.path.replace("\\", "/")).parts:
        raise CaseFileError(
            Text(
                f"文件路径越出案卷目录：{stored.path}",
                f"a file path leaves the case folder: {stored.path}",
            )
        )
    return folder / path


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(_CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def import_file(folder: Path, source: Path, *, side: str = "") -> StoredFile:
    """Copy `source` into the case's files/ folder, hashing as it copies; `source` is only read."""
    files = folder / FILES_DIR
    files.mkdir(parents=True, exist_ok=True)
    extension = "".join(source.suffixes[-1:]).lower()[:10]
    digest = hashlib.sha256()
    fd, temp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=".part", dir=files)
    temp = Path(temp_name)
    try:
        with source.open("rb") as src, os.fdopen(fd, "wb") as dst:
            for chunk in iter(lambda: src.read(_CHUNK), b""):
                digest.update(chunk)
                dst.write(chunk)
        size = temp.stat().st_size
        name = f"{digest.hexdigest()}{extension}"
        target = files / name
        if target.exists():
            temp.unlink()  # the same content is already kept: one copy serves both
        else:
            temp.replace(target)
    except OSError as error:
        temp.unlink(missing_ok=True)
        raise UnreadableFile(detail=str(error)) from None
    return StoredFile(
        path=f"{FILES_DIR}/{name}",
        sha256=digest.hexdigest(),
        size=size,
        original_name=source.name,
        original_path=str(source),
        side=side,
    )


def add_file(
    case: Case, folder: Path, material: str, source: Path, *, side: str = ""
) -> StoredFile:
    stored = import_file(folder, source, side=side)
    case.assignments.setdefault(material, []).append(stored)
    case.record("file-added", f"{material}: {stored.original_name}")
    return stored


def remove_file(case: Case, folder: Path, material: str, stored: StoredFile) -> None:
    files = case.assignments.get(material, [])
    files.remove(stored)
    if not files:
        case.assignments.pop(material, None)
    case.record("file-removed", f"{material}: {stored.original_name}")
    still_used = any(f.path == stored.path for _, f in case.all_files())
    if not still_used and stored.path.startswith(f"{FILES_DIR}/"):
        resolve_file(folder, stored).unlink(missing_ok=True)


def move_file(case: Case, stored: StoredFile, source: str, target: str) -> None:
    case.assignments[source].remove(stored)
    if not case.assignments[source]:
        del case.assignments[source]
    case.assignments.setdefault(target, []).append(stored)
    case.record("file-moved", f"{source} -> {target}: {stored.original_name}")


def changed_files(case: Case, folder: Path) -> list[tuple[str, StoredFile, str]]:
    """(material, file, problem) for files missing or no longer matching their SHA-256."""
    problems: list[tuple[str, StoredFile, str]] = []
    for material, stored in case.all_files():
        path = resolve_file(folder, stored)
        if not path.is_file():
            problems.append((material, stored, "missing"))
        elif _current_sha256(path) != stored.sha256:
            problems.append((material, stored, "changed"))
    return problems


def _current_sha256(path: Path) -> str:
    """SHA-256 of a file, hashed again only when its identity, size or mtime changed (the app
    reviews a case on every edit; rereading every scan each time would be wasted work)."""
    info = path.stat()
    return _sha256_memo(str(path), info.st_ino, info.st_size, info.st_mtime_ns)


@lru_cache(maxsize=4096)
def _sha256_memo(path: str, inode: int, size: int, mtime_ns: int) -> str:
    return sha256_of(Path(path))


def copy_case(folder: Path, target: Path) -> None:
    """Duplicate a case folder (e.g. "save as" into a folder the user picks)."""
    shutil.copytree(folder, target, dirs_exist_ok=False)
