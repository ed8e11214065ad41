"""Choose the rule pack: an explicit one, else the newest valid of built-in and imported packs."""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from beian_desktop.core.atomic import atomic_copy
from beian_desktop.core.errors import RulePackError
from beian_desktop.core.paths import user_rules_dir
from beian_desktop.core.rules.loader import builtin_pack_dir, load_pack_from
from beian_desktop.core.rules.pack import RulePack

log = logging.getLogger(__name__)

PACK_SUFFIXES = (".toml", ".zip")


@dataclass(frozen=True)
class PackChoice:
    pack: RulePack
    ignored: tuple[RulePackError, ...]  # imported packs that failed to load (shown, not fatal)


def _stamp(path: Path) -> tuple[str, float]:
    latest = (
        max((p.stat().st_mtime for p in path.rglob("*")), default=0.0)
        if path.is_dir()
        else (path.stat().st_mtime if path.exists() else 0.0)
    )
    return str(path), latest


@lru_cache(maxsize=8)
def _load_cached(path: str, _mtime: float) -> RulePack:
    return load_pack_from(Path(path))


def load_pack_at(path: Path) -> RulePack:
    return _load_cached(*_stamp(path))


def imported_packs() -> list[Path]:
    folder = user_rules_dir()
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.iterdir()
        if (p.is_dir() and (p / "pack.toml").exists()) or p.suffix in PACK_SUFFIXES
    )


def choose_pack(explicit: Path | None = None) -> PackChoice:
    """The pack to use. An explicit pack must load; a broken imported pack is skipped."""
    if explicit is not None:
        return PackChoice(load_pack_at(explicit), ())
    best = load_pack_at(builtin_pack_dir())
    ignored: list[RulePackError] = []
    for candidate in imported_packs():
        try:
            pack = load_pack_at(candidate)
        except RulePackError as error:
            log.warning("imported rule pack ignored: %s", error.one_line())
            ignored.append(error)
            continue
        if pack.info.date > best.info.date:
            best = pack
    return PackChoice(best, tuple(ignored))


def load_pack(explicit: Path | None = None) -> RulePack:
    return choose_pack(explicit).pack


def import_pack(source: Path) -> RulePack:
    """Validate a pack file and keep a copy among the imported packs. Returns the loaded pack."""
    pack = load_pack_from(source)
    folder = user_rules_dir()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"rules-{pack.info.date}-{pack.info.version}{source.suffix or '.toml'}"
    if source.is_dir():
        staging = target.with_suffix(".partial")
        shutil.rmtree(staging, ignore_errors=True)
        shutil.copytree(source, staging)
        shutil.rmtree(target, ignore_errors=True)
        staging.rename(target)
    else:
        atomic_copy(source, target)
    return pack
