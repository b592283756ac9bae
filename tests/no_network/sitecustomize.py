"""Loaded at start-up by a Python whose PYTHONPATH holds this folder (tests/test_no_network.py).

An audit hook that refuses every network operation aimed anywhere but this machine, and writes
each socket event it sees to $NO_NETWORK_LOG, so a test can show both that the guard is on
and that nothing tried to get past it.
"""

import ipaddress
import os
import socket
import sys

_LOG = os.environ.get("NO_NETWORK_LOG")
_LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}
_CHECKED = {
    "socket.connect": 1,
    "socket.sendto": 1,
    "socket.sendmsg": 1,
    "socket.getaddrinfo": 0,
    "socket.gethostbyname": 0,
}


def _is_local(address) -> bool:  # noqa: ANN001 - a host, or a (host, port, ...) tuple
    host = address[0] if isinstance(address, tuple) else address
    if host is None:
        return True  # getaddrinfo(None, port): this machine
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    host = str(host).split("%")[0].strip("[]").lower()
    if host in _LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _write(line: str) -> None:
    if _LOG:
        with open(_LOG, "a", encoding="utf-8") as log:
            log.write(line + "\n")


def _guard(event: str, args: tuple) -> None:
    if not event.startswith("socket."):
        return
    position = _CHECKED.get(event)
    if position is None or len(args) <= position:
        _write(f"seen {event}")
        return
    address = args[position]
    unix = position == 1 and getattr(args[0], "family", None) == getattr(socket, "AF_UNIX", None)  # a file here
    if unix or _is_local(address):
        _write(f"allowed {event} {address!r}")
        return
    _write(f"refused {event} {address!r}")
    raise PermissionError(f"network access refused by the test guard: {event} {address!r}")


sys.addaudithook(_guard)
_write("guard installed")
