"""Test-wide setup: Qt offscreen, no network, and helpers shared by every test module."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Every per-user folder (cases, imported rule packs, settings, logs) goes to a throw-away place,
# for this process and the CLI subprocesses it starts.
os.environ["BEIAN_DESKTOP_HOME"] = tempfile.mkdtemp(prefix="beian-test-home-")

TESTS_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(TESTS_DIR))

from support import nonet  # noqa: E402

nonet.install()  # before anything of the app is imported

from support.synth import Synth  # noqa: E402

from beian_desktop.core.rules import load_pack  # noqa: E402
from beian_desktop.core.rules.model import Material, UploadProfile  # noqa: E402

REPO = TESTS_DIR.parent
# The robustness corpus (odd, broken and hostile inputs from other projects' test suites), kept
# in the repository so every test run has it; see tests/corpus/README.md for sources/licences.
CORPUS = TESTS_DIR / "corpus"
NONET_SITE = TESTS_DIR / "support" / "sitecustomize_nonet"


def run_cli(
    *args: str, cwd: Path | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run `beian-desktop ARGS` in a fresh interpreter that is forbidden any network use."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(NONET_SITE), env.get("PYTHONPATH")]))
    env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.run(
        [sys.executable, "-m", "beian_desktop", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=timeout,
        check=False,
    )


@pytest.fixture
def cli():
    return run_cli


@pytest.fixture(scope="session")
def synth(tmp_path_factory: pytest.TempPathFactory) -> Synth:
    """The generated scans and PDFs (support/synth.py), made once per test run."""
    return Synth.shared(tmp_path_factory)


@pytest.fixture(scope="session")
def materials() -> dict[str, Material]:
    return load_pack().materials


@pytest.fixture(scope="session")
def profiles() -> dict[str, UploadProfile]:
    return load_pack().profiles
