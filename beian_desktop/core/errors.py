"""Typed errors. Each carries a stable code, a bilingual message and what to do next.

Core code raises these; the CLI and the GUI turn them into a message at one boundary and
never show a traceback (the log keeps it).
"""

from __future__ import annotations

import errno
from pathlib import Path
from typing import ClassVar

from beian_desktop.core.text import Text


class BeianError(Exception):
    """Base of every error a user may see."""

    code = "error"

    def __init__(self, message: Text, hint: Text | None = None, *, detail: str = "") -> None:
        super().__init__(message.en)
        self.message = message
        self.hint = hint
        self.detail = detail  # technical detail for logs and "copy details", never personal data

    def user_message(self, lang: str = "zh") -> str:
        text = self.message.get(lang)
        if self.hint is not None:
            text += "\n→ " + self.hint.get(lang)
        return text

    def to_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "message": self.message.to_dict(),
            "hint": self.hint.to_dict() if self.hint else None,
            "detail": self.detail,
        }


class RulePackError(BeianError):
    """A broken rule pack (built-in or user-supplied): names the file, the key and the problem."""

    code = "rule-pack"

    def __init__(self, file: str, key: str, problem: str) -> None:
        self.file, self.key, self.problem = file, key, problem
        super().__init__(
            Text(
                f"规则包有误：{file}，键 {key}：{problem}",
                f"Rule pack error: {file}, key {key}: {problem}",
            ),
            Text(
                "请恢复内置规则包或改正该文件后重试。",
                "Restore the built-in rule pack or correct that file, then try again.",
            ),
        )

    def one_line(self) -> str:
        return f"{self.file}: {self.key}: {self.problem}"

    def user_message(self, lang: str = "zh") -> str:
        # One line: the file, the key and the problem are what the maintainer of the pack needs.
        return self.message.get(lang)


class UnknownValue(BeianError):
    """A name the user typed (province, subject type, filing type, …) matches nothing known."""

    code = "unknown-value"

    def __init__(self, what: Text, value: str, accepted: list[str]) -> None:
        self.what, self.value, self.accepted = what, value, accepted
        shown = "、".join(accepted)
        super().__init__(
            Text(f"未知的{what.zh}：“{value}”", f"Unknown {what.en}: '{value}'"),
            Text(f"可选：{shown}", f"Accepted: {', '.join(accepted)}"),
        )


# --- Input files (raised by core.inspect at its decode boundary) -------------------------------
# Messages never name the file: callers show the name next to the message, and logs stay free of
# personal data. `detail` carries the library's own words for "copy details".

_TRY_AGAIN = Text(
    "请重新扫描，或从原始来源重新导出该文件后再添加。",
    "Scan the document again, or export it again from its source, then add the new file.",
)


class InputFileError(BeianError):
    """A file the user added cannot be used as it is."""

    code = "file"


class UnreadableFile(InputFileError):
    """The file cannot be read at all (missing, a folder, no permission, an I/O error)."""

    code = "file-unreadable"

    def __init__(self, *, detail: str = "") -> None:
        super().__init__(
            Text("无法读取文件。", "The file cannot be read."),
            Text(
                "请确认文件存在、未被其他程序占用且有读取权限。",
                "Check that the file exists, is not locked by another program and is readable.",
            ),
            detail=detail,
        )


class EmptyFile(InputFileError):
    code = "file-empty"

    def __init__(self, *, detail: str = "") -> None:
        super().__init__(
            Text("文件是空的（0 字节）。", "The file is empty (0 bytes)."),
            Text(
                "复制或下载可能中断了，请重新保存或重新扫描。",
                "The copy or download was probably interrupted: save or scan it again.",
            ),
            detail=detail,
        )


class CorruptFile(InputFileError):
    """The content is damaged: the decoder gave up on it."""

    code = "file-corrupt"

    def __init__(self, format_name: str = "", *, detail: str = "") -> None:
        self.format_name = format_name
        super().__init__(self._describe(format_name), _TRY_AGAIN, detail=detail)

    @staticmethod
    def _describe(format_name: str) -> Text:
        what = f"{format_name} " if format_name else ""
        return Text(
            f"{what}文件已损坏，无法解码。", f"The {what}file is damaged and cannot be decoded."
        )


class TruncatedFile(CorruptFile):
    """The data stops before the picture or document is complete."""

    code = "file-truncated"

    @staticmethod
    def _describe(format_name: str) -> Text:
        what = f"{format_name} " if format_name else ""
        return Text(
            f"{what}文件不完整（数据在中途截断），可能是复制或下载未完成。",
            f"The {what}file is incomplete (its data stops part-way); "
            "a copy or download may have been interrupted.",
        )


class NoPages(CorruptFile):
    """A document that opens but holds nothing to show."""

    code = "file-no-pages"

    @staticmethod
    def _describe(format_name: str) -> Text:
        what = format_name or "PDF"
        return Text(f"该 {what} 文件没有任何页面。", f"The {what} file has no pages.")


class UnsupportedFormat(InputFileError):
    """A format (or a codec inside a container) the app does not accept."""

    code = "file-unsupported"

    def __init__(self, format_name: str = "", *, detail: str = "") -> None:
        """`format_name` "" means the content was not recognised at all."""
        self.format_name = format_name
        super().__init__(
            Text(f"不支持的文件格式：{format_name}。", f"Unsupported file format: {format_name}.")
            if format_name
            else Text(
                "无法识别文件格式：它不是图片，也不是 PDF。",
                "The file's format is not recognised: it is neither a picture nor a PDF.",
            ),
            Text(
                "请另存为 JPG、PNG、TIFF 或 PDF（手机照片也可用 HEIC），或重新扫描。",
                "Save it as JPG, PNG, TIFF or PDF (HEIC phone photos are fine too), "
                "or scan the document again.",
            ),
            detail=detail,
        )


class EncryptedPdf(InputFileError):
    """A PDF that needs a password to open."""

    code = "pdf-encrypted"

    def __init__(self, *, detail: str = "") -> None:
        super().__init__(
            Text(
                "PDF 文件受密码保护，无法打开。",
                "The PDF is password-protected and cannot be opened.",
            ),
            Text(
                "请在阅读器中输入密码打开，另存（或“打印为 PDF”）一份不加密的副本后再添加。",
                "Open it with its password in a PDF reader, save (or 'print to PDF') an "
                "unprotected copy and add that instead.",
            ),
            detail=detail,
        )


class TooLarge(InputFileError):
    """A limit that protects memory and time was exceeded: pixels, bytes or pages."""

    code = "file-too-large"

    _WHAT: ClassVar[dict[str, Text]] = {
        "pixels": Text("像素数", "pixel count"),
        "bytes": Text("文件大小（字节）", "file size in bytes"),
        "pages": Text("页数", "page count"),
    }

    def __init__(self, limit: str, value: int, maximum: int, *, detail: str = "") -> None:
        """`limit` is "pixels", "bytes", "pages" or "memory" (value and maximum unknown: 0)."""
        self.limit, self.value, self.maximum = limit, value, maximum
        super().__init__(
            self._describe(limit, value, maximum),
            Text(
                "请降低扫描分辨率（300 dpi 已足够）、拆分文件，或只保留需要的页面。",
                "Scan at a lower resolution (300 dpi is plenty), split the file, or keep only "
                "the pages needed.",
            ),
            detail=detail,
        )

    @classmethod
    def _describe(cls, limit: str, value: int, maximum: int) -> Text:
        if limit == "memory" or maximum <= 0:
            return Text(
                "文件过大，解码所需内存超出可用范围。", "The file is too large to decode in memory."
            )
        what = cls._WHAT.get(limit, Text(limit, limit))
        return Text(
            f"文件超出限制：{what.zh} {value:,}，上限 {maximum:,}。",
            f"The file exceeds a limit: {what.en} {value:,}, maximum {maximum:,}.",
        )

    def to_dict(self) -> dict[str, object]:
        return {**super().to_dict(), "limit": self.limit, "value": self.value, "max": self.maximum}


class PdfaFailed(BeianError):
    """No PDF/A file could be made, even with every page re-encoded (a defect of ours or of a
    library: the inputs themselves were readable)."""

    code = "pdfa-failed"

    def __init__(self, detail: str = "") -> None:
        super().__init__(
            Text(
                "无法生成符合 PDF/A 的存档文件。",
                "No valid PDF/A archive file could be made.",
            ),
            Text(
                "请将该文件另存为 JPG 或 PDF 后重试；若仍失败，请附上日志报告问题。",
                "Save the file as JPG or PDF and try again; if it still fails, report the "
                "problem with the log attached.",
            ),
            detail=detail,
        )


class OutputNotWritable(BeianError):
    """The package (or a file of it) cannot be written where the user asked: no permission,
    a full disk, a read-only medium, or a path that is not a folder."""

    code = "output-not-writable"

    def __init__(self, folder: Path, error: OSError) -> None:
        self.folder = folder
        self.errno = error.errno
        message, hint = _output_problem(folder, error)
        super().__init__(message, hint, detail=f"{type(error).__name__}: errno {error.errno}")


def _output_problem(folder: Path, error: OSError) -> tuple[Text, Text]:
    elsewhere = Text("请另选一个输出文件夹后重试。", "Choose another output folder and try again.")
    if error.errno == errno.ENOSPC or error.errno == errno.EDQUOT:
        return (
            Text(f"磁盘空间不足，材料包未写入：{folder}", f"The disk is full: {folder}"),
            Text(
                "请清理该磁盘或另选输出文件夹后重试；未留下任何不完整的文件。",
                "Free some space or choose another output folder, then try again; no partial "
                "file was left behind.",
            ),
        )
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return (
            Text(f"没有写入权限：{folder}", f"No permission to write to {folder}"),
            Text(
                "请另选一个可写的输出文件夹（例如“文档”或桌面）。",
                "Choose a folder you can write to (e.g. Documents or the desktop).",
            ),
        )
    if error.errno in (errno.ENOTDIR, errno.EEXIST, errno.ENOENT):
        return (
            Text(
                f"输出位置不是可用的文件夹：{folder}",
                f"The output is not a usable folder: {folder}",
            ),
            elsewhere,
        )
    reason = error.strerror or type(error).__name__
    return (
        Text(
            f"无法写入材料包（{reason}）：{folder}",
            f"The package cannot be written ({reason}): {folder}",
        ),
        elsewhere,
    )


class NotPdf(InputFileError):
    """A file given to the PDF/A verifier that is not a PDF."""

    code = "not-pdf"

    def __init__(self, format_name: str = "", *, detail: str = "") -> None:
        what = f"（{format_name}）" if format_name else ""
        what_en = f" ({format_name})" if format_name else ""
        super().__init__(
            Text(
                f"该文件不是 PDF 或材料包 zip{what}，无法校验。",
                f"The file is neither a PDF nor a package zip{what_en}; it cannot be checked.",
            ),
            Text(
                "请选择 PDF 或材料包 zip；图片可先用 convert 转换为 PDF/A。",
                "Choose a PDF or a package zip; pictures can be converted to PDF/A with convert "
                "first.",
            ),
            detail=detail,
        )
