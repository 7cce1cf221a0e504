"""The web explorer (``interlock serve``): server-rendered pages over the library's queries, each
with a JSON twin under ``/api/``; our own small CSS and scripts, served from ``/static``."""

from __future__ import annotations

import ipaddress

#: addresses that only this machine reaches
LOOPBACK = ("127.0.0.1", "localhost", "::1")


def is_loopback(host: str) -> bool:
    """Whether ``host`` is a loopback address (127.0.0.0/8, ::1 or localhost); ``interlock serve``
    refuses another without a token. Here, not in the app, so that the command can ask without the
    web extra installed."""
    if host in LOOPBACK:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
