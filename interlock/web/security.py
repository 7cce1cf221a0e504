"""What every response and request goes through: the access token, security headers (a strict
Content-Security-Policy: scripts only from our own files, no inline script, nothing from another
site), the host a request names, and the token that protects each edit against forgery."""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Awaitable, Callable
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response

#: scripts and styles only from our own /static files; no inline script, no plugin, no framing
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
       "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}
#: the names a loopback server answers to (another name is a DNS-rebinding page)
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "[::1]", "::1", "testserver"})
TOKEN_COOKIE = "interlock_token"


def new_secret() -> str:
    """A random token for forms (one per server run)."""
    return secrets.token_urlsafe(32)


def same(a: str | None, b: str | None) -> bool:
    """Constant-time comparison of two tokens (False when either is missing)."""
    return a is not None and b is not None and hmac.compare_digest(a.encode(), b.encode())


class Guard:
    """The middleware: host check, access token, headers."""

    def __init__(self, token: str | None, check_host: bool) -> None:
        self.token = token
        self.check_host = check_host

    def _refuse(self, status: int, text: str) -> Response:
        return PlainTextResponse(text, status_code=status, headers=HEADERS)

    async def __call__(self, request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        if self.check_host:
            host = request.url.hostname or ""
            if host not in LOOPBACK_HOSTS:
                return self._refuse(400, f"this server answers to loopback names only, not {host!r}")
        if self.token is not None:
            given = request.query_params.get("token")
            if given is not None and same(given, self.token) and request.method == "GET":
                # a link with ?token=: keep it in a cookie and drop it from the address
                rest = urlencode([(k, v) for k, v in request.query_params.multi_items() if k != "token"])
                target = request.url.path + (f"?{rest}" if rest else "")
                response: Response = RedirectResponse(target, status_code=303, headers=HEADERS)
                response.set_cookie(TOKEN_COOKIE, self.token, httponly=True, samesite="strict",
                                    secure=request.url.scheme == "https")
                return response
            auth = request.headers.get("authorization", "")
            bearer = auth[7:].strip() if auth.lower().startswith("bearer ") else None
            if not (same(bearer, self.token) or same(request.cookies.get(TOKEN_COOKIE), self.token)):
                return self._refuse(401, "this server needs its access token: open it with ?token=... "
                                         "or send Authorization: Bearer ...")
        response = await call_next(request)
        for key, value in HEADERS.items():
            response.headers.setdefault(key, value)
        return response


def check_csrf(request: Request, form_token: str | None, secret: str) -> str | None:
    """Why an edit request must be refused as possibly forged, or None when it is ours."""
    if not same(form_token, secret):
        return "the form's anti-forgery token is missing or wrong: reload the page and try again"
    origin = request.headers.get("origin")
    if origin and origin != "null":
        host = request.headers.get("host", "")
        if origin.split("://", 1)[-1] != host:
            return f"the request comes from another site ({origin})"
    return None
