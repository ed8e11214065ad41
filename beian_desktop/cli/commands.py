"""The subcommands, each registered by its own module."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from beian_desktop.cli import (
    check_cmd,
    convert_cmd,
    pack_cmd,
    requirements_cmd,
    review_cmd,
    validate_cmd,
    verify_cmd,
)

Register = Callable[["argparse._SubParsersAction[argparse.ArgumentParser]"], None]

REGISTRY: list[Register] = [
    requirements_cmd.register,
    validate_cmd.register,
    check_cmd.register,
    review_cmd.register,
    pack_cmd.register,
    convert_cmd.register,
    verify_cmd.register,
]
