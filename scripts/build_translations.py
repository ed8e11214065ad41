#!/usr/bin/env python3
"""Build the UI translations with Qt Linguist's tools (shipped inside PySide6).

    python scripts/build_translations.py            compile resources/translations/*.ts -> .qm
    python scripts/build_translations.py --update   first collect the strings from the code
                                                    (pyside6-lupdate), then compile
    python scripts/build_translations.py --check    fail if a string in the code has no
                                                    finished translation (tests run this)

The source language is Simplified Chinese (the strings in the code); each .ts holds one
target language. Translators edit the .ts with `pyside6-linguist`. The .qm files are build
output: bootstrap.py runs this script, and the app compiles a missing or stale .qm at start-up.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
GUI = ROOT / "beian_desktop" / "gui"
SOURCE_LANGUAGE = "zh_CN"


def qt_tool(name: str) -> Path:
    """lupdate / lrelease from the installed PySide6 (no Qt SDK needed)."""
    import PySide6

    suffix = ".exe" if sys.platform == "win32" else ""
    tool = Path(PySide6.__file__).resolve().parent / f"{name}{suffix}"
    if not tool.is_file():
        raise SystemExit(f"{name} not found next to PySide6 ({tool})")
    return tool


def sources() -> list[Path]:
    return sorted(GUI.rglob("*.py"))


def catalogues() -> list[Path]:
    return sorted(TRANSLATIONS.glob("*.ts"))


def target_language(ts: Path) -> str:
    return ts.stem.rsplit("_", 1)[-1]


def update(ts: Path) -> None:
    """Merge the strings of the code into `ts` (new ones unfinished, vanished ones dropped)."""
    files = [str(p.relative_to(ROOT)) for p in sources()]
    command = [
        str(qt_tool("lupdate")),
        "-silent",
        "-no-obsolete",
        "-locations",
        "relative",
        "-source-language",
        SOURCE_LANGUAGE,
        "-target-language",
        target_language(ts),
        *files,
        "-ts",
        str(ts),
    ]
    subprocess.run(command, cwd=ROOT, check=True)


def compile_catalogue(ts: Path) -> Path:
    qm = ts.with_suffix(".qm")
    subprocess.run([str(qt_tool("lrelease")), "-silent", str(ts), "-qm", str(qm)], check=True)
    return qm


def unfinished(ts: Path) -> list[str]:
    """Source texts without a finished translation."""
    missing = []
    for message in ET.parse(ts).getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("unfinished", "vanished"):
            missing.append(source)
            continue
        forms = [f.text for f in translation.findall("numerusform")]
        if not (translation.text or "").strip() and not all(forms or [None]):
            missing.append(source)
    return missing


def check(ts: Path) -> list[str]:
    """What the code needs that `ts` does not translate yet (`ts` itself is not changed)."""
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / ts.name
        shutil.copy2(ts, copy)
        update(copy)
        return unfinished(copy)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true", help="run lupdate first")
    parser.add_argument("--check", action="store_true", help="fail on untranslated strings")
    args = parser.parse_args(argv)
    status = 0
    for ts in catalogues():
        if args.check:
            missing = check(ts)
            for source in missing:
                print(f"{ts.name}: untranslated: {source}", file=sys.stderr)
            status = status or (1 if missing else 0)
            continue
        if args.update:
            update(ts)
        qm = compile_catalogue(ts)
        print(f"{qm.relative_to(ROOT)}")
    return status


if __name__ == "__main__":
    sys.exit(main())
