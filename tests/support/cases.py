"""Cases for tests: a copy of the bundled demo case, and helpers to change it."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from beian_desktop.core.case import Case, load_case
from beian_desktop.core.resources import resource_path

DEMO_TODAY = "2026-11-27"


def demo_case(tmp_path: Path, name: str = "demo") -> tuple[Case, Path]:
    """A private copy of resources/samples/demo (tests may change it freely)."""
    folder = tmp_path / name
    shutil.copytree(resource_path("samples", "demo"), folder)
    return load_case(folder)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tree_hashes(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): sha256(p) for p in sorted(folder.rglob("*")) if p.is_file()}


def assert_originals_unchanged():  # type: ignore[no-untyped-def]
    """A generator fixture body: the bundled demo's files hash the same after the test."""
    sample = resource_path("samples", "demo")
    before = tree_hashes(sample)
    yield
    assert tree_hashes(sample) == before, "a test changed the bundled demo case"
