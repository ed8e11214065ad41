"""Architecture rules the code must keep: a Qt-free core and no network at run time."""

from __future__ import annotations

import ast
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO
from support.nonet import NetworkUsed

CORE = REPO / "beian_desktop" / "core"
QT_MODULES = ("PySide6", "shiboken6", "PyQt5", "PyQt6", "PySide2")


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", sorted(CORE.rglob("*.py")), ids=lambda p: str(p.relative_to(CORE)))
def test_core_module_does_not_import_qt(path: Path) -> None:
    offending = {m for m in _imported_modules(path) if m.split(".")[0] in QT_MODULES}
    assert not offending, f"{path} imports {offending}: core must stay Qt-free"


def test_importing_all_of_core_loads_no_qt() -> None:
    modules = sorted(
        ".".join(p.relative_to(REPO).with_suffix("").parts).removesuffix(".__init__")
        for p in CORE.rglob("*.py")
    )
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        f"bad = [m for m in sys.modules if m.split('.')[0] in {QT_MODULES!r}]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO)


def test_network_guard_is_active() -> None:
    """The guard that proves 'no network' must itself work, or every other test proves nothing."""
    with pytest.raises(NetworkUsed):
        socket.getaddrinfo("example.com", 443)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        with pytest.raises(NetworkUsed):
            sock.connect(("192.0.2.1", 80))
    finally:
        sock.close()


def test_network_guard_reaches_cli_subprocesses(cli) -> None:  # type: ignore[no-untyped-def]
    probe = subprocess.run(
        [sys.executable, "-c", "import socket; socket.getaddrinfo('example.com', 80)"],
        capture_output=True,
        text=True,
        check=False,
        env={
            **__import__("os").environ,
            "PYTHONPATH": str(REPO / "tests" / "support" / "sitecustomize_nonet"),
        },
    )
    assert probe.returncode != 0 and "NetworkUsed" in probe.stderr
