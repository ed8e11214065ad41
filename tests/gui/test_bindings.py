"""The installed Qt bindings must not lose references to Python's singletons.

PySide6 6.12.0 on Python 3.11 drops a reference to None on every void method call and to True
on every signal emission; the interpreter aborts after a few thousand calls. pyproject.toml keeps
that release out; this test catches any release with the same fault.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

CALLS = 2000


class _Probe(QObject):
    ping = Signal()


def test_void_calls_keep_none_alive(qapp) -> None:  # type: ignore[no-untyped-def]
    probe = _Probe()
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        probe.setObjectName("probe")
    assert sys.getrefcount(None) - before > -CALLS // 2


def test_signal_emission_keeps_true_alive(qapp) -> None:  # type: ignore[no-untyped-def]
    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(CALLS):
        probe.ping.emit()
    assert sys.getrefcount(True) - before > -CALLS // 2
