"""A network guard for the test process and for the subprocesses tests start.

It is an audit hook, so nothing the app does at run time can step around it: any attempt to
resolve a host name or connect to an internet address raises NetworkUsed.
"""

from __future__ import annotations

import socket
import sys
from typing import Any

ALLOWED_HOSTS = {None, "", "localhost", "127.0.0.1", "::1"}


class NetworkUsed(RuntimeError):
    pass


def _is_inet(address: Any) -> bool:
    return isinstance(address, tuple) and bool(address) and address[0] not in ALLOWED_HOSTS


def _hook(event: str, args: tuple[Any, ...]) -> None:
    if event in ("socket.connect", "socket.sendto") and _is_inet(args[1]):
        raise NetworkUsed(f"network connection attempted: {args[1]!r}")
    if event in ("socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyname_ex"):
        host = args[0]
        if isinstance(host, bytes):
            host = host.decode(errors="replace")
        if host not in ALLOWED_HOSTS:
            raise NetworkUsed(f"host name lookup attempted: {host!r}")


_installed = False


def install() -> None:
    global _installed
    if not _installed:
        sys.addaudithook(_hook)
        _installed = True


__all__ = ["NetworkUsed", "install", "socket"]
