"""Response headers and the write-token gate, as one small ASGI middleware.

A pure ASGI wrapper rather than Starlette's ``BaseHTTPMiddleware``: it only
touches the ``http.response.start`` message, so streamed exports stay
streamed and a search under load pays no extra task per request.
"""
from __future__ import annotations

import hmac
import ipaddress
import json

# The dashboard loads its script and style from /static only: no inline code,
# no other origin, never framed. The OpenAPI pages (FastAPI's Swagger UI and
# ReDoc) need an inline bootstrap and their CDN, so only they get those.
STRICT_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
DOCS_CSP = (
    "default-src 'none'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net https://fonts.googleapis.com; "
    "img-src 'self' data: https://fastapi.tiangolo.com https://cdn.redoc.ly; font-src https://fonts.gstatic.com; "
    "connect-src 'self'; base-uri 'none'; frame-ancestors 'none'"
)
DOCS_PATHS = ("/docs", "/redoc")
READ_METHODS = {"GET", "HEAD", "OPTIONS"}


def _headers(path: str) -> list[tuple[bytes, bytes]]:
    csp = DOCS_CSP if path.startswith(DOCS_PATHS) else STRICT_CSP
    return [
        (b"content-security-policy", csp.encode()),
        (b"x-content-type-options", b"nosniff"),
        (b"x-frame-options", b"DENY"),
        (b"referrer-policy", b"no-referrer"),
        (b"cross-origin-opener-policy", b"same-origin"),
    ]


class SecurityMiddleware:
    """Adds the security headers to every response; any non-read method needs ``token``.

    The API has no write route today; the gate is here so that one added
    later cannot be reached without ``Authorization: Bearer <token>``
    (``RASD_API_TOKEN``), and with no token configured it cannot be reached.
    """

    def __init__(self, app, token: str | None = None):
        self.app = app
        self.token = token or None

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        extra = _headers(scope.get("path", ""))
        if scope["method"] not in READ_METHODS:
            refusal = self._refuse(dict(scope.get("headers") or []))
            if refusal is not None:
                status, message = refusal
                body = json.dumps({"detail": message}).encode()
                await send({"type": "http.response.start", "status": status, "headers": [
                    (b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                    *([(b"www-authenticate", b"Bearer")] if status == 401 else []), *extra]})
                await send({"type": "http.response.body", "body": body})
                return

        async def with_headers(message):
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, with_headers)

    def _refuse(self, headers: dict[bytes, bytes]) -> tuple[int, str] | None:
        if self.token is None:
            return 403, "this server is read-only: write requests need a token (start it with RASD_API_TOKEN set)"
        given = headers.get(b"authorization", b"").decode("latin-1")
        if not hmac.compare_digest(given.encode(), f"Bearer {self.token}".encode()):
            return 401, "write requests need 'Authorization: Bearer <token>'"
        return None


def is_loopback(host: str) -> bool:
    """True for localhost and loopback addresses: the only binding that needs no warning."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
