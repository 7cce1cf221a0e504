"""Fetching untrusted URLs: every hop checked, the checked address connected to, one deadline.

``fetch`` follows redirects itself (at most ``MAX_REDIRECTS``) so that the scheme
and the addresses of every hop are checked, and it connects to the very address
it checked (no second DNS look-up that a rebinding server could answer
differently). A watchdog closes the connection when the overall deadline
passes, so a server that sends a byte every few seconds cannot hold a run. Every
problem comes back as one line (``FetchError``), never a traceback.
"""

from __future__ import annotations

import http.client
import ipaddress
import re
import socket
import ssl
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from interlock.errors import InterlockError

MAX_REDIRECTS = 5
#: the most a fetched page or feed may weigh
MAX_FETCH_BYTES = 5_000_000
#: seconds one read may wait
READ_TIMEOUT = 20.0
#: seconds a whole fetch (every hop, every read) may take
DEADLINE = 60.0

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
_SHARED = ipaddress.ip_network("100.64.0.0/10")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_HOST_CHARS = re.compile(r"^[A-Za-z0-9._~%:\-\[\]]+$")


class FetchError(InterlockError):
    "A URL that is refused or cannot be fetched"


@dataclass
class Fetched:
    url: str
    data: bytes
    content_type: str


def blocked(addr: Address) -> bool:
    """True for an address a fetch must not reach unless private ones are allowed:
    loopback, private, link-local, shared (100.64.0.0/10), reserved, multicast,
    unspecified, and IPv6 forms that embed one of them (mapped, 6to4, Teredo, NAT64)."""
    if isinstance(addr, ipaddress.IPv6Address):
        inner: list[Address] = []
        if addr.ipv4_mapped is not None:
            inner.append(addr.ipv4_mapped)
        if addr.sixtofour is not None:
            inner.append(addr.sixtofour)
        if addr.teredo is not None:
            inner.extend(addr.teredo)
        if addr in _NAT64:
            inner.append(ipaddress.IPv4Address(int(addr) & 0xFFFFFFFF))
        if any(blocked(a) for a in inner):
            return True
    if isinstance(addr, ipaddress.IPv4Address) and addr in _SHARED:
        return True
    return (not addr.is_global or addr.is_loopback or addr.is_private or addr.is_link_local
            or addr.is_reserved or addr.is_multicast or addr.is_unspecified)


def parse(url: str) -> tuple[str, str, int, str]:
    """Scheme, host, port and request target of a URL; ``FetchError`` when it is malformed."""
    if any(ord(c) < 33 or ord(c) == 127 for c in url):
        raise FetchError("is not a valid URL (it holds spaces or control characters)")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise FetchError(f"is not a valid URL ({exc})") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise FetchError(f"has the scheme {scheme or '(none)'!r}; only http and https are fetched")
    host = parts.hostname
    if not host:
        raise FetchError("is not a valid URL (it has no host)")
    if not _HOST_CHARS.match(host) and not _idna_ok(host):
        raise FetchError(f"is not a valid URL (bad host {host!r})")
    if len(host) > 253 or any(len(label) > 63 for label in host.split(".")) or not _idna_ok(host):
        raise FetchError("is not a valid URL (a host name label is over 63 characters, or the host over 253)")
    if port is None:
        port = 443 if scheme == "https" else 80
    if port == 0:
        raise FetchError("is not a valid URL (port 0)")
    target = parts.path or "/"
    if parts.query:
        target += "?" + parts.query
    return scheme, host, port, target


def _idna_ok(host: str) -> bool:
    if host.startswith("[") or ":" in host:
        return True
    try:
        host.encode("idna")
    except UnicodeError:
        return False
    return True


def resolve(host: str, port: int, allow_private: bool,
            is_blocked: Callable[[Address], bool] = blocked) -> list[Address]:
    """The addresses of a host, all of them checked; ``FetchError`` when any is refused."""
    try:
        literal: Address | None = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        literal = None
    if literal is not None:
        addresses = [literal]
    else:
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError) as exc:
            raise FetchError(f"cannot be resolved ({exc}); is the machine offline?") from None
        addresses = []
        for info in infos:
            addr = ipaddress.ip_address(str(info[4][0]).split("%")[0])
            if addr not in addresses:
                addresses.append(addr)
    if not addresses:
        raise FetchError("cannot be resolved (no address)")
    if not allow_private:
        for addr in addresses:
            if is_blocked(addr):
                raise FetchError(
                    f"points at {addr}, a loopback, private or link-local address (or a shared or "
                    "reserved one); allow it with --allow-private"
                )
    return addresses


class _Pinned(http.client.HTTPConnection):
    """An HTTP connection to one checked address, the Host header still the URL's host."""

    def __init__(self, host: str, port: int, address: Address, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self) -> None:
        self.sock = socket.create_connection((str(self._address), self.port), self.timeout)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


class _PinnedTLS(_Pinned):
    def __init__(self, host: str, port: int, address: Address, timeout: float) -> None:
        super().__init__(host, port, address, timeout)
        self._context = ssl.create_default_context()

    def connect(self) -> None:
        super().connect()
        self.sock = self._context.wrap_socket(self.sock, server_hostname=self.host)


def fetch(url: str, allow_private: bool = False, deadline: float = DEADLINE, read_timeout: float = READ_TIMEOUT,
          max_bytes: int = MAX_FETCH_BYTES, is_blocked: Callable[[Address], bool] = blocked) -> Fetched:
    """The body of ``url`` after at most ``MAX_REDIRECTS`` checked redirects, within ``deadline`` seconds."""
    ends = time.monotonic() + deadline
    current = url
    for _hop in range(MAX_REDIRECTS + 1):
        scheme, host, port, target = parse(current)
        addresses = resolve(host, port, allow_private, is_blocked)
        status, location, kind, data = _one_hop(scheme, host, port, target, addresses, ends, deadline,
                                                read_timeout, max_bytes)
        if status in (301, 302, 303, 307, 308):
            if not location:
                raise FetchError(f"redirects ({status}) without a Location")
            nxt = urljoin(current, location)
            try:
                parse(nxt)
            except FetchError as exc:
                raise FetchError(f"redirects to {nxt!r}, which {exc}") from None
            try:
                resolve(*parse(nxt)[1:3], allow_private, is_blocked)
            except FetchError as exc:
                raise FetchError(f"redirects to {nxt}, which {exc}") from None
            current = nxt
            continue
        if status >= 400:
            raise FetchError(f"cannot be fetched (HTTP {status})")
        return Fetched(current, data, kind)
    raise FetchError(f"redirects more than {MAX_REDIRECTS} times")


def _one_hop(scheme: str, host: str, port: int, target: str, addresses: list[Address], ends: float,
             deadline: float, read_timeout: float, max_bytes: int) -> tuple[int, str | None, str, bytes]:
    last: Exception | None = None
    for address in addresses:
        remaining = ends - time.monotonic()
        if remaining <= 0:
            break
        cls = _PinnedTLS if scheme == "https" else _Pinned
        conn = cls(host, port, address, timeout=min(read_timeout, remaining))
        expired = threading.Event()

        def close(conn: http.client.HTTPConnection = conn, expired: threading.Event = expired) -> None:
            expired.set()
            sock = conn.sock
            if sock is not None:
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

        watchdog = threading.Timer(remaining, close)
        watchdog.daemon = True
        watchdog.start()
        try:
            conn.request("GET", target, headers={"User-Agent": "interlock (news research)",
                                                 "Accept-Encoding": "identity"})
            response = conn.getresponse()
            chunks: list[bytes] = []
            size = 0
            while True:
                if time.monotonic() >= ends:
                    expired.set()
                    break
                chunk = response.read1(65536) if hasattr(response, "read1") else response.read(65536)
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(f"is larger than {max_bytes:,} bytes")
            if expired.is_set():
                raise FetchError(f"took longer than the {deadline:g} s deadline")
            return (response.status, response.getheader("Location"),
                    response.getheader("Content-Type", "") or "", b"".join(chunks))
        except FetchError:
            raise
        except (OSError, http.client.HTTPException, ValueError) as exc:
            if expired.is_set():
                raise FetchError(f"took longer than the {deadline:g} s deadline") from None
            last = exc
        finally:
            watchdog.cancel()
            conn.close()
    if last is None:
        raise FetchError(f"took longer than the {deadline:g} s deadline")
    raise FetchError(f"cannot be fetched ({type(last).__name__}: {last})")
