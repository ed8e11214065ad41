"""`--smoke-test`: the app checks the parts a packaged build most often loses, then exits.

Frozen apps fail on what the freezer left out: a data file a library opens by path, a Qt
plugin, a translation. So the smoke test goes through the app's real code paths offscreen,
with no dialogs and in a throw-away profile:

1. rules      the wizard shows and loads the rule pack, as on every start;
2. languages  the English catalogue (beian_desktop_en.qm) and Qt's qtbase_zh_CN.qm load and
              translate;
3. fonts      the bundled CJK font registers with Qt and has Chinese glyphs;
4. icons      every SVG in resources/icons renders (Qt's SVG plugins);
5. packing    the bundled demo case is packed in a temporary folder by the real pipeline
              (inspection, PDF/A, upload JPEGs, cover sheet, zip) and the package verified
              (names, hashes, PDF/A rules, upload sizes).

Exit 0 with one summary line on stdout; otherwise exit 1 with one line on stderr naming the
step and the reason. Nothing else is printed (packaging/build.py fails on stray stderr).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEventLoop, QSize, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics, QIcon, QImage

from beian_desktop.core.resources import resource_path

if TYPE_CHECKING:
    from beian_desktop.core.rules import RulePack
    from beian_desktop.gui.crash import CrashReport
    from beian_desktop.gui.i18n import LanguageSwitcher
    from beian_desktop.gui.wizard import BeianWizard

log = logging.getLogger(__name__)

PACK_TIMEOUT_MS = 20_000
POLL_MS = 50
CJK_FONT = ("fonts", "wqy-microhei.ttc")
CJK_PROBE = "备案"
ICON_PROBE_SIZE = 32


class SmokeFailure(Exception):
    """A check failed; the message is the one-line reason."""


@contextlib.contextmanager
def smoke_environment() -> Iterator[None]:
    """Offscreen, and a throw-away profile unless BEIAN_DESKTOP_HOME names one: the check
    must neither depend on nor change the user's settings, cases and imported rule packs."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if os.environ.get("BEIAN_DESKTOP_HOME"):
        yield
        return
    # The log file in it is still open at exit: Windows cannot delete it then, and need not.
    with tempfile.TemporaryDirectory(
        prefix="beian-smoke-home-", ignore_cleanup_errors=True
    ) as home:
        os.environ["BEIAN_DESKTOP_HOME"] = home
        try:
            yield
        finally:
            del os.environ["BEIAN_DESKTOP_HOME"]


def run_smoke_test(
    wizard: BeianWizard, languages: LanguageSwitcher, crashes: Sequence[CrashReport] = ()
) -> int:
    """Run the checks in order; `crashes` is the crash handler's list of unhandled errors
    (an error in a slot or a worker never reaches a step, so each step looks there too)."""
    steps: list[tuple[str, Callable[[], str]]] = [
        ("rules", lambda: check_rules(wizard, crashes)),
        ("languages", lambda: check_languages(languages)),
        ("fonts", check_fonts),
        ("icons", check_icons),
        ("packing", lambda: check_packing(wizard)),
    ]
    done: list[str] = []
    try:
        for name, step in steps:
            summary = _run_step(name, step)
            if summary is None:
                return 1
            if crashes:
                _report_failure(name, "unhandled " + crash_line(crashes[0]))
                return 1
            done.append(summary)
    finally:
        wizard.close()
    print("smoke test: " + "; ".join(done), flush=True)
    return 0


def _run_step(name: str, step: Callable[[], str]) -> str | None:
    """The step's summary, or None after printing why it failed."""
    try:
        return step()
    except SmokeFailure as failure:
        reason = str(failure)
    except Exception as error:  # a frozen build's typical failure: report it in one line
        log.exception("smoke test step %s", name)
        reason = f"{type(error).__name__}: {error}".splitlines()[0]
    _report_failure(name, reason)
    return None


def _report_failure(step: str, reason: str) -> None:
    print(f"smoke test failed: {step}: {reason}", file=sys.stderr, flush=True)


def crash_line(report: CrashReport) -> str:
    """The exception's own line ("ModuleNotFoundError: No module named …") of a report."""
    lines = report.details.splitlines()
    return next((line for line in lines if line.startswith(report.summary)), report.summary)


def check_rules(wizard: BeianWizard, crashes: Sequence[CrashReport] = ()) -> str:
    session = wizard.session
    wait_until(lambda: session.ready or bool(crashes), PACK_TIMEOUT_MS)
    if crashes:
        raise SmokeFailure("unhandled " + crash_line(crashes[0]))
    if session.pack is None:
        raise SmokeFailure(_why_no_pack())
    if not wizard.isVisible():
        raise SmokeFailure("the window was not shown")
    info = session.pack.info
    return f"pack loaded=True window shown=True (rules {info.version}, {info.date})"


def wait_until(condition: Callable[[], bool], timeout_ms: int) -> None:
    """Run the event loop until `condition()` holds or `timeout_ms` has passed."""
    if condition():
        return
    loop = QEventLoop()
    poll, deadline = QTimer(), QTimer()
    poll.setObjectName("beian.smoke.poll")
    poll.timeout.connect(lambda: loop.quit() if condition() else None)
    deadline.setObjectName("beian.smoke.deadline")
    deadline.setSingleShot(True)
    deadline.timeout.connect(loop.quit)
    poll.start(POLL_MS)
    deadline.start(timeout_ms)
    loop.exec()
    poll.stop()
    deadline.stop()


def _why_no_pack() -> str:
    """Load the pack here to name the reason the wizard's background load gave none."""
    from beian_desktop.core.errors import BeianError
    from beian_desktop.core.rules.selection import choose_pack

    try:
        choose_pack()
    except BeianError as error:
        return error.message.en
    return f"the rule pack did not load within {PACK_TIMEOUT_MS // 1000} s"


def check_languages(languages: LanguageSwitcher) -> str:
    """Through the app's own switcher: what the language button does."""
    original = languages.language
    try:
        if languages.apply("en") != "en":
            raise SmokeFailure("the English catalogue (beian_desktop_en.qm) is missing")
        if _untranslated("BeianWizard", "备案材料助手"):
            raise SmokeFailure("the English catalogue loaded but translates nothing")
        languages.apply("zh")
        if _untranslated("QWizard", "&Next >"):
            raise SmokeFailure("Qt's Chinese catalogue (qtbase_zh_CN.qm) did not load")
    finally:
        languages.apply(original)
    return "languages zh, en"


def _untranslated(context: str, source: str) -> bool:
    return QCoreApplication.translate(context, source) == source


def check_fonts() -> str:
    path = resource_path(*CJK_FONT)
    font_id = QFontDatabase.addApplicationFont(str(path))
    if font_id < 0:
        raise SmokeFailure(f"Qt cannot load {path.name}")
    families = QFontDatabase.applicationFontFamilies(font_id)
    if not any(_covers(family, CJK_PROBE) for family in families):
        raise SmokeFailure(f"{path.name} has no Chinese glyphs")
    return f"CJK font {families[0]}"


def _covers(family: str, text: str) -> bool:
    metrics = QFontMetrics(QFont(family))
    return all(metrics.inFontUcs4(ord(char)) for char in text)


def check_icons() -> str:
    svgs = sorted(resource_path("icons").glob("*.svg"))
    if not svgs:
        raise SmokeFailure("no icons in resources/icons")
    for svg in svgs:
        image = QIcon(str(svg)).pixmap(QSize(ICON_PROBE_SIZE, ICON_PROBE_SIZE)).toImage()
        if image.isNull() or not _has_ink(image):
            raise SmokeFailure(f"{svg.name} does not render (Qt's SVG plugins missing?)")
    return f"{len(svgs)} icons"


def _has_ink(image: QImage) -> bool:
    return any(
        image.pixelColor(x, y).alpha() > 0
        for y in range(image.height())
        for x in range(image.width())
    )


def check_packing(wizard: BeianWizard) -> str:
    pack = wizard.session.pack
    if pack is None:
        raise SmokeFailure("no rule pack")
    with tempfile.TemporaryDirectory(prefix="beian-smoke-") as scratch:
        return _pack_and_verify(pack, Path(scratch))


def _pack_and_verify(pack: RulePack, scratch: Path) -> str:
    from beian_desktop.core.bundle.check import check_package
    from beian_desktop.core.case import load_case
    from beian_desktop.core.errors import BeianError
    from beian_desktop.core.pdfa import verify
    from beian_desktop.core.pipeline.run import pack_case

    demo = scratch / "demo"
    shutil.copytree(resource_path("samples", "demo"), demo)  # never write into the bundle
    case, folder = load_case(demo)
    # The demo's own date: its documents are checked as on the day it was made, so the check
    # does not start failing when a date-dependent rule moves on.
    day = dt.date.fromisoformat(case.created_at[:10])
    try:
        result = pack_case(case, folder, scratch / "out", pack=pack, today=day)
    except BeianError as error:
        raise SmokeFailure(f"the demo case did not pack: {error.message.en}") from None
    problems = check_package(result.zip_path, pack, verify)
    if problems:
        raise SmokeFailure(f"the demo package fails its check: {problems[0].message.en}")
    files = len(result.manifest.all_files())
    size = result.zip_path.stat().st_size
    return f"demo packed and verified ({files} files, {size // 1024} KiB)"
