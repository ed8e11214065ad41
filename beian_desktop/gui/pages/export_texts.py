"""The export page's progress line and summary, in the UI language."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from beian_desktop.gui.i18n import separator, ui_lang

if TYPE_CHECKING:
    from beian_desktop.core.pipeline.progress import Progress
    from beian_desktop.core.pipeline.run import PackResult

# Share of the bar per step: checking is quick, converting takes most of the time.
_STEP_SPAN = {"review": (0.0, 0.15), "convert": (0.15, 0.95), "bundle": (0.95, 1.0)}
MEGABYTE = 1_000_000


def progress_fraction(progress: Progress) -> float:
    start, end = _STEP_SPAN.get(progress.step, (0.0, 1.0))
    done = (progress.index - 1) / max(progress.total, 1)
    return start + (end - start) * min(max(done, 0.0), 1.0)


def progress_text(progress: Progress) -> str:
    """ "转换：第 2 / 4 个文件（身份证正面.jpg）" """
    if progress.step == "bundle":
        return QCoreApplication.translate("ExportPage", "正在写入材料包…")
    text = QCoreApplication.translate("ExportPage", "%1：第 %2 / %3 个文件（%4）")
    return (
        text.replace("%1", progress.label.get(ui_lang()))
        .replace("%2", str(progress.index))
        .replace("%3", str(progress.total))
        .replace("%4", progress.current)
    )


def summary_text(result: PackResult) -> str:
    """Materials, files, sizes and accepted warnings of a finished package."""
    manifest = result.manifest
    lang = ui_lang()
    uploads = [f for m in manifest.materials for f in m.files if f.role == "upload"]
    archives = [f for m in manifest.materials for f in m.files if f.role == "archive"]
    accepted = [f for f in result.review.findings if result.review.is_accepted(f)]
    size = result.zip_path.stat().st_size if result.zip_path.exists() else 0
    lines = [
        QCoreApplication.translate(
            "ExportPage",
            "%1 份材料：%2 个上传件（共 %3 MB），%4 份 PDF/A 存档；材料包 %5 MB。",
        )
        .replace("%1", str(len(manifest.materials)))
        .replace("%2", str(len(uploads)))
        .replace("%3", f"{sum(f.size for f in uploads) / MEGABYTE:.1f}")
        .replace("%4", str(len(archives)))
        .replace("%5", f"{size / MEGABYTE:.1f}"),
        QCoreApplication.translate("ExportPage", "已确认的注意事项：%1").replace(
            "%1", str(len(accepted))
        ),
    ]
    names = separator().join(
        (m.name_en if lang == "en" and m.name_en else m.name) for m in manifest.materials
    )
    lines.append(QCoreApplication.translate("ExportPage", "包含：%1").replace("%1", names))
    return "\n".join(lines)
