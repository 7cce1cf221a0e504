"""Issue 12, item 1: untrusted URLs. Servers run on loopback or in a network namespace the test makes."""

from __future__ import annotations

import http.server
import ipaddress
import json
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from interlock.cli import cli
from interlock.fetch import FetchError, blocked, fetch, parse
from interlock.readers import read_url

PAGE = b"<html><head><title>T</title></head><body><article><p>" + b"Words of our own. " * 40 + b"</p></article></body></html>"


class _Handler(http.server.BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, dict[str, str], bytes]] = {}

    def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
        if self.path == "/drip":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            for _ in range(100):  # a byte every 0.2 s, 20 s in all
                try:
                    self.wfile.write(b"x")
                    self.wfile.flush()
                except OSError:
                    return
                time.sleep(0.2)
            return
        status, headers, body = self.routes.get(self.path, (404, {}, b""))
        self.send_response(status)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[tuple[str, dict[str, tuple[int, dict[str, str], bytes]]]]:
    routes: dict[str, tuple[int, dict[str, str], bytes]] = {}
    handler = type("H", (_Handler,), {"routes": routes})
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    srv.daemon_threads = True
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{srv.server_address[1]}", routes
    finally:
        srv.shutdown()
        srv.server_close()


def _only_127_0_0_2(addr: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """A test policy: 127.0.0.1 stands for a public server, every other address is refused."""
    return str(addr) != "127.0.0.1"


@pytest.mark.parametrize("address", ["127.0.0.1", "10.1.2.3", "192.168.0.1", "172.16.5.5", "169.254.169.254",
                                     "100.64.0.1", "100.127.255.254", "0.0.0.0", "::1", "fe80::1", "fc00::1",
                                     "::ffff:127.0.0.1", "::ffff:10.0.0.1", "64:ff9b::7f00:1", "2002:7f00:1::",
                                     "224.0.0.1"])
def test_every_non_public_address_is_blocked(address: str) -> None:
    assert blocked(ipaddress.ip_address(address))


def test_public_addresses_are_not_blocked() -> None:
    assert not blocked(ipaddress.ip_address("93.184.216.34"))
    assert not blocked(ipaddress.ip_address("2606:2800:220:1:248:1893:25c8:1946"))


def test_a_redirect_to_a_refused_address_is_refused_on_that_hop(server: tuple[str, dict]) -> None:
    base, routes = server
    port = base.rsplit(":", 1)[1]
    routes["/ok"] = (200, {"Content-Type": "text/html"}, PAGE)
    routes["/to-private"] = (302, {"Location": f"http://127.0.0.2:{port}/ok"}, b"")
    routes["/to-file"] = (302, {"Location": "file:///etc/passwd"}, b"")
    routes["/to-ftp"] = (301, {"Location": "ftp://127.0.0.1/x"}, b"")
    routes["/relative"] = (307, {"Location": "/ok"}, b"")
    assert fetch(f"{base}/ok", is_blocked=_only_127_0_0_2).data == PAGE
    assert fetch(f"{base}/relative", is_blocked=_only_127_0_0_2).data == PAGE
    with pytest.raises(FetchError, match="redirects to http://127.0.0.2.*points at 127.0.0.2"):
        fetch(f"{base}/to-private", is_blocked=_only_127_0_0_2)
    with pytest.raises(FetchError, match="scheme 'file'"):
        fetch(f"{base}/to-file", is_blocked=_only_127_0_0_2)
    with pytest.raises(FetchError, match="scheme 'ftp'"):
        fetch(f"{base}/to-ftp", is_blocked=_only_127_0_0_2)


def test_redirect_loops_end(server: tuple[str, dict]) -> None:
    base, routes = server
    routes["/loop"] = (302, {"Location": "/loop"}, b"")
    with pytest.raises(FetchError, match="redirects more than"):
        fetch(f"{base}/loop", allow_private=True)


def test_one_deadline_for_the_whole_fetch(server: tuple[str, dict]) -> None:
    base, _routes = server
    started = time.monotonic()
    with pytest.raises(FetchError, match="deadline"):
        fetch(f"{base}/drip", allow_private=True, deadline=1.5, read_timeout=5)
    assert time.monotonic() - started < 5


@pytest.mark.parametrize("url", ["http://[::1", "http://example.org:99999/", "http://example.org:port/",
                                 "http://" + "a" * 64 + ".example/", "http://" + "a." * 130 + "org/",
                                 "http://exa mple.org/", "http://example.org/\r\nX: y", "http:///nohost",
                                 "https://\u0000/", "http://.:0/"])
def test_malformed_urls_are_one_clear_error(url: str) -> None:
    items = list(read_url(url))
    assert len(items) == 1
    assert "valid URL" in str(items[0]) or "cannot be resolved" in str(items[0])


@given(st.text(max_size=60))
@settings(max_examples=200, deadline=None)
def test_parse_never_raises_anything_but_fetch_error(tail: str) -> None:
    for prefix in ("http://", "https://", "http://[", "http://a:"):
        try:
            parse(prefix + tail)
        except FetchError:
            pass


def test_a_malformed_url_does_not_stop_the_batch(tmp_path: Path) -> None:
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps({"id": "g1", "text": "The minister Ali Hasan met the envoy in Tripoli."}) + "\n")
    db = tmp_path / "s.db"
    result = CliRunner().invoke(cli, ["ingest", "http://[::1", "http://x:99999/", str(good), "--db", str(db), "-q"])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "http://[::1: is not a valid URL" in result.output
    assert "1 new" in result.output


NETNS_CHILD = r'''
import http.server, json, subprocess, sys, threading
subprocess.run(["ip", "link", "set", "lo", "up"], check=True)
subprocess.run(["ip", "addr", "add", "44.0.0.1/32", "dev", "lo"], check=True)
class H(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/go":
            self.send_response(302); self.send_header("Location", "http://127.0.0.1:8081/secret")
            self.send_header("Content-Length", "0"); self.end_headers(); return
        body = b"<html><body><article><p>" + b"public words. " * 40 + b"</p></article></body></html>"
        self.send_response(200); self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body))); self.end_headers(); self.wfile.write(body)
    def log_message(self, *a): pass
for addr, port in (("44.0.0.1", 8080), ("127.0.0.1", 8081)):
    s = http.server.ThreadingHTTPServer((addr, port), H)
    threading.Thread(target=s.serve_forever, daemon=True).start()
from interlock.fetch import fetch, FetchError
out = {}
try:
    out["public"] = len(fetch("http://44.0.0.1:8080/page", deadline=10).data)
except FetchError as exc:
    out["public"] = str(exc)
try:
    fetch("http://44.0.0.1:8080/go", deadline=10)
    out["redirect"] = "fetched"
except FetchError as exc:
    out["redirect"] = str(exc)
print(json.dumps(out))
'''


def test_in_a_network_namespace_a_public_server_cannot_redirect_to_loopback() -> None:
    if shutil.which("unshare") is None or shutil.which("ip") is None:
        pytest.skip("needs unshare and ip (iproute2) to make a network namespace")
    probe = subprocess.run(["unshare", "-rn", "ip", "link", "set", "lo", "up"], capture_output=True, timeout=20)
    if probe.returncode != 0:
        pytest.skip(f"cannot make a network namespace here: {probe.stderr.decode(errors='replace').strip()}")
    done = subprocess.run(["unshare", "-rn", sys.executable, "-c", NETNS_CHILD], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout.strip().splitlines()[-1])
    assert isinstance(out["public"], int) and out["public"] > 100, out
    assert "redirects to http://127.0.0.1:8081/secret" in out["redirect"] and "points at 127.0.0.1" in out["redirect"]
