"""The state one cookie evaluation shares across its phases (store, send, read, advice)."""

from __future__ import annotations

from dataclasses import replace

from ... import cookies as c
from ...context import Context
from ...report import Trace
from ...scenario import Cookie
from ...setcookie import parse_set_cookie


def canonical_line(cookie: Cookie) -> str:
    """The cookie as one Set-Cookie line, attributes in the conventional order."""
    return c.set_cookie_line(
        cookie.name,
        cookie.value,
        path=cookie.path,
        domain=cookie.domain,
        secure=cookie.secure,
        httponly=cookie.httponly,
        samesite=cookie.samesite,
        partitioned=cookie.partitioned,
    )


class FixedCookie:
    """The cookie as it should be set, built up by every rule that fails (one Set-Cookie fix)."""

    __slots__ = ("changed", "cookie")

    def __init__(self, cookie: Cookie) -> None:
        self.cookie = cookie
        self.changed = False

    def set(
        self,
        *,
        path: str | None = None,
        domain: str | None = None,
        secure: bool | None = None,
        httponly: bool | None = None,
        samesite: str | None = None,
    ) -> None:
        """Change the named attributes (``None``: leave it as it is)."""
        now = self.cookie
        fixed = replace(
            now,
            path=now.path if path is None else path,
            domain=now.domain if domain is None else domain,
            secure=now.secure if secure is None else secure,
            httponly=now.httponly if httponly is None else httponly,
            samesite=now.samesite if samesite is None else samesite,
        )
        if fixed != now:
            self.cookie, self.changed = fixed, True

    def line(self) -> str:
        return canonical_line(self.cookie)


class CookieRun:
    """Per-evaluation state: the trace, the fixes and warnings collected, and the cookie's scope."""

    __slots__ = (
        "cookie", "ctx", "domain", "firefox", "fix", "fixes", "host_only", "other_fixes", "path_attribute", "trace",
        "warnings",
    )

    def __init__(self, ctx: Context, cookie: Cookie) -> None:
        self.ctx, self.cookie = ctx, cookie
        self.trace = Trace()
        self.fix = FixedCookie(cookie)
        self.fixes: list[str] = []  # fixes outside the Set-Cookie line (https, credentials, attributes)
        self.other_fixes: list[str] = []  # fixes that come after the Set-Cookie line
        self.warnings: list[str] = []
        # Firefox's "sent" and why, where it decides otherwise than Chrome (None: the same).
        self.firefox: tuple[bool, str] | None = None
        # The cookie's domain and whether it is host-only: decided when it is stored.
        self.domain = ""
        self.host_only = True
        # The Path attribute as written (None: absent or not starting with "/", so the default-path
        # applies). The loader keeps only the resulting path; __Host- and the path step need the raw one.
        self.path_attribute: str | None = cookie.path
        if cookie.set_cookie is not None:
            parsed = parse_set_cookie(cookie.set_cookie)
            self.path_attribute = parsed.path if parsed is not None else None
