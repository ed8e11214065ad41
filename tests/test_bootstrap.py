"""bootstrap.py: the README's two commands install system packages as root, or say exactly how."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from conftest import REPO


def _load_bootstrap():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bootstrap", REPO / "bootstrap.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def bootstrap(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    module = _load_bootstrap()
    monkeypatch.setattr(module.shutil, "which", lambda name: f"/usr/bin/{name}")
    monkeypatch.setattr(module, "venv_needs", list)
    return module


def test_non_root_gets_the_exact_apt_line_and_a_stop(bootstrap, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(
        bootstrap, "dpkg_installed", lambda p: p not in ("xvfb", "libglib2.0-0t64", "libglib2.0-0")
    )
    monkeypatch.setattr(bootstrap.os, "geteuid", lambda: 1000)
    with pytest.raises(SystemExit) as stop:
        bootstrap.ensure_apt(bootstrap.APT_TEST)
    assert stop.value.code == 1
    err = capsys.readouterr().err
    assert "sudo apt-get install -y --no-install-recommends libglib2.0-0 xvfb" in err


def test_root_installs_what_is_missing(bootstrap, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    calls: list[list[str]] = []
    monkeypatch.setattr(bootstrap, "dpkg_installed", lambda p: p != "unzip")
    monkeypatch.setattr(bootstrap.os, "geteuid", lambda: 0)
    monkeypatch.setattr(bootstrap, "apt_available", lambda p: True)
    monkeypatch.setattr(bootstrap.subprocess, "run", lambda cmd, **kw: calls.append(cmd))
    bootstrap.ensure_apt(bootstrap.APT_TEST)
    assert calls[0][:2] == ["apt-get", "update"]
    assert calls[1][-1] == "unzip" and "--no-install-recommends" in calls[1]


def test_nothing_missing_installs_nothing(bootstrap, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(bootstrap, "dpkg_installed", lambda p: True)
    monkeypatch.setattr(bootstrap.subprocess, "run", lambda *a, **k: pytest.fail("ran a command"))
    bootstrap.ensure_apt(bootstrap.APT_TEST)


def test_test_command_covers_the_zip_clients_and_pdfbox(bootstrap) -> None:  # type: ignore[no-untyped-def]
    needed = " ".join(bootstrap.APT_TEST)
    for package in (
        "unzip",
        "p7zip-full",
        "libarchive-tools",
        "libpdfbox2-java",
        "libactivation-java",
        "libjaxb-api-java",
        "xvfb",
        "fonts-wqy-zenhei",
    ):
        assert package in needed


def test_ci_runs_the_readme_command_verbatim() -> None:
    readme = (REPO / "README.md").read_text("utf-8")
    ci = (REPO / ".ci" / "run").read_text("utf-8")
    assert "python3 bootstrap.py test" in readme and "python3 bootstrap.py app" in readme
    assert "\npython3 bootstrap.py test\n" in ci
    assert sys.version_info >= (3, 11)
    assert Path(REPO / "requirements-lock.txt").exists()
