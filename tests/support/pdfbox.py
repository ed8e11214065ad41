"""Apache PDFBox Preflight (Debian libpdfbox2-java), a second opinion on PDF/A-1b files."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

_JARS = [
    "preflight",
    "pdfbox2",
    "fontbox2",
    "xmpbox",
    "commons-logging",
    "javax.activation",
    "jaxb-api",
]
_JAVA_DIR = Path("/usr/share/java")


def preflight_1b(pdf: Path) -> tuple[bool, str]:
    """(valid, report text). Fails the test when PDFBox is missing: the test setup installs it."""
    java = shutil.which("java")
    jars = [_JAVA_DIR / f"{name}.jar" for name in _JARS]
    missing = [str(j) for j in jars if not j.exists()]
    if java is None or missing:
        pytest.fail(
            f"PDFBox Preflight is not installed ({missing or 'java'}); "
            "bootstrap.py test installs libpdfbox2-java and its dependencies"
        )
    result = subprocess.run(
        [
            java,
            "-cp",
            ":".join(map(str, jars)),
            "org.apache.pdfbox.preflight.Validator_A1b",
            str(pdf),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    output = result.stdout + result.stderr
    return result.returncode == 0 and "is a valid PDF/A-1b file" in output, output
