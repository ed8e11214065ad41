#!/usr/bin/env python3
"""Set up and run Beian Desktop from a fresh checkout: the two commands of the README.

    python3 bootstrap.py app  [app arguments]     launch the app (with arguments: the CLI)
    python3 bootstrap.py test [pytest arguments]  lint, type-check and run the whole test suite
    python3 bootstrap.py bench                    run every benchmark (not part of the tests)

Each command installs what it needs first: the Debian/Ubuntu packages Qt and the tests use
(automatically when run as root, otherwise it prints the exact apt line and stops), a virtual
environment in .venv, and the pinned Python dependencies. Standard library only, on purpose:
it runs before anything is installed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
LOCK = ROOT / "requirements-lock.txt"
JUNIT = ROOT / "build" / "pytest-junit.xml"

# "a|b" = either package satisfies the need (Ubuntu 24.04 renamed some libraries to *t64).
APT_APP = [
    # Qt offscreen/xcb runtime (reference/qt-env.md §2)
    "libglib2.0-0t64|libglib2.0-0",
    "libgl1",
    "libegl1",
    "libxkbcommon0",
    "libfontconfig1",
    "libdbus-1-3",
    "libxkbcommon-x11-0",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-keysyms1",
    "libxcb-shape0",
    # Chinese UI text
    "fonts-wqy-zenhei",
]
APT_TEST = [
    *APT_APP,
    "xvfb",
    "xauth",  # screenshots on a virtual display
    "unzip",
    "p7zip-full",
    "libarchive-tools",  # the zip clients users open packages with
    "default-jre-headless",
    "libpdfbox2-java",  # PDFBox Preflight (PDF/A-1b second opinion)
    "libactivation-java",
    "libjaxb-api-java",
]


def say(message: str) -> None:
    print(f"[bootstrap] {message}", flush=True)


def check_python() -> None:
    if sys.version_info < (3, 11):  # noqa: UP036  (this file runs under any python3)
        sys.exit(f"Python 3.11 or newer is needed (this is {sys.version.split()[0]}).")


def dpkg_installed(package: str) -> bool:
    result = subprocess.run(
        ["dpkg-query", "-W", "-f=${Status}", package],
        capture_output=True,
        text=True,
        check=False,
    )
    return result.returncode == 0 and "install ok installed" in result.stdout


def apt_available(package: str) -> bool:
    result = subprocess.run(
        ["apt-cache", "policy", package], capture_output=True, text=True, check=False
    )
    return "Candidate:" in result.stdout and "Candidate: (none)" not in result.stdout


def missing_packages(needs: list[str]) -> list[str]:
    """The needs no installed package satisfies, each still as 'a|b'."""
    return [need for need in needs if not any(dpkg_installed(p) for p in need.split("|"))]


def venv_needs() -> list[str]:
    try:
        import ensurepip  # noqa: F401  (Debian strips it unless python3-venv is installed)
    except ImportError:
        return ["python3-venv"]
    return []


def ensure_apt(needs: list[str]) -> None:
    if not shutil.which("dpkg-query"):
        say("not Debian/Ubuntu: install Qt's runtime libraries yourself if Qt fails to start.")
        return
    missing = missing_packages(venv_needs() + needs)
    if not missing:
        return
    if os.geteuid() != 0:
        names = " ".join(need.split("|")[-1] for need in missing)
        print(
            "缺少系统软件包 / Missing system packages. Run this once, then run the command again:\n"
            f"  sudo apt-get update && sudo apt-get install -y --no-install-recommends {names}",
            file=sys.stderr,
        )
        sys.exit(1)
    say("installing system packages: " + " ".join(missing))
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-q"], check=True, env=env)
    chosen = [
        next((p for p in need.split("|") if apt_available(p)), need.split("|")[-1])
        for need in missing
    ]
    subprocess.run(
        ["apt-get", "install", "-y", "-q", "--no-install-recommends", *chosen], check=True, env=env
    )


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure_venv(extras: str) -> Path:
    python = venv_python()
    if not python.exists():
        say("creating the virtual environment in .venv")
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    inputs = (ROOT / "pyproject.toml").read_bytes() + (LOCK.read_bytes() if LOCK.exists() else b"")
    stamp_value = hashlib.sha256(inputs + extras.encode()).hexdigest()
    stamp = VENV / f".installed-{extras or 'app'}"
    if stamp.exists() and stamp.read_text() == stamp_value:
        return python
    say("installing Python dependencies (pinned by requirements-lock.txt)")
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--upgrade", "pip"], check=True)
    target = f"{ROOT}[{extras}]" if extras else str(ROOT)
    constraints = ["-c", str(LOCK)] if LOCK.exists() else []
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", *constraints, "-e", target], check=True
    )
    stamp.write_text(stamp_value)
    return python


def run_app(args: list[str]) -> int:
    ensure_apt(APT_APP)
    python = ensure_venv("")
    return subprocess.run([str(python), "-m", "beian_desktop", *args], check=False).returncode


def run_tests(args: list[str]) -> int:
    ensure_apt(APT_TEST)
    python = ensure_venv("dev")
    bin_dir = python.parent
    steps = [
        ("ruff", [str(bin_dir / "ruff"), "check", "."]),
        ("mypy (strict, core)", [str(bin_dir / "mypy")]),
        ("pytest", [str(python), "-m", "pytest", f"--junitxml={JUNIT}", *args]),
    ]
    for name, command in steps:
        say(f"running {name}")
        code = subprocess.run(command, cwd=ROOT, check=False).returncode
        if code != 0:
            say(f"{name} failed (exit {code})")
            return code
    return 0


def run_benchmarks(args: list[str]) -> int:
    ensure_apt(APT_APP)
    python = ensure_venv("dev")
    failed = 0
    for script in sorted((ROOT / "benchmarks").glob("bench_*.py")):
        say(f"running {script.name}")
        failed |= subprocess.run([str(python), str(script), *args], cwd=ROOT).returncode
    return failed


def main() -> int:
    check_python()
    commands = {"app": run_app, "test": run_tests, "bench": run_benchmarks}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        return commands[sys.argv[1]](sys.argv[2:])
    except subprocess.CalledProcessError as error:
        say(f"setup step failed (exit {error.returncode}): {' '.join(map(str, error.cmd))}")
        return 1


if __name__ == "__main__":
    sys.exit(main())
