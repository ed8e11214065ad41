"""`beian-desktop`: the command line. With no arguments it opens the GUI.

Exit codes: 0 fine, 1 blocking findings / invalid value / failed work, 2 usage error.
Every error a user can cause is printed as a message, never as a traceback.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from beian_desktop import __version__
from beian_desktop.cli import commands
from beian_desktop.cli.output import Output
from beian_desktop.core.errors import BeianError, UnknownValue
from beian_desktop.core.paths import user_log_dir

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2

log = logging.getLogger("beian_desktop.cli")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: 用法错误 / usage error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="beian-desktop",
        description="备案材料助手 Beian Desktop — ICP 备案材料检查与打包 / ICP filing materials",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--lang",
        choices=("zh", "en"),
        default=os.environ.get("BEIAN_LANG", "zh"),
        help="输出语言 / output language (default zh)",
    )
    parser.add_argument("--rules", metavar="PACK", help="use this rule pack file or folder")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for register in commands.REGISTRY:
        register(sub)
    return parser


def write_crash_report(error: BaseException) -> Path:
    """Keep the traceback in the log folder (never on screen). Returns the file's path."""
    import traceback

    folder = user_log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    report = folder / "cli-error.log"
    text = "".join(traceback.format_exception(error))
    report.write_text(f"beian-desktop {__version__}\n{text}", encoding="utf-8")
    return report


def _force_utf8_output() -> None:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list:
        from beian_desktop.gui.app import main as gui_main

        return gui_main([])
    _force_utf8_output()
    parser = build_parser()
    args = parser.parse_args(args_list)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    out = Output(lang=args.lang, json_mode=getattr(args, "json", False))
    try:
        return int(args.func(args, out))
    except UnknownValue as error:
        out.error(error)
        return EXIT_USAGE
    except BeianError as error:
        log.debug("command failed", exc_info=True)
        out.error(error)
        return EXIT_FINDINGS
    except KeyboardInterrupt:
        print("已取消 / cancelled", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader (e.g. `| head`) went away; that is not an error of ours.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception as error:  # the one boundary where an unexpected failure becomes a message
        report = write_crash_report(error)
        print(
            f"内部错误，操作未完成。详情已写入 {report}，请附上此文件报告问题。\n"
            f"Internal error; nothing was completed. Details are in {report}; "
            "please attach it to a bug report.",
            file=sys.stderr,
        )
        return EXIT_FINDINGS
