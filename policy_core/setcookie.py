"""Set-Cookie lines parsed as RFC 6265bis § 5.6 does (the user agent's side)."""

from __future__ import annotations

from dataclasses import dataclass

_WS = " \t"
SAMESITE_VALUES = {"strict": "Strict", "lax": "Lax", "none": "None"}


@dataclass(frozen=True, slots=True, kw_only=True)
class ParsedSetCookie:
    name: str
    value: str
    samesite: str  # "Strict" | "Lax" | "None" | "" (absent or unknown: the default enforcement)
    secure: bool
    httponly: bool
    domain: str  # "" = host-only; leading dot removed, lower-cased
    path: str | None  # None = attribute absent or not starting with "/": the default-path applies
    partitioned: bool
    notes: tuple[str, ...]  # what the browser silently ignored or reinterpreted


def parse_set_cookie(line: str) -> ParsedSetCookie | None:
    """Parse one Set-Cookie value; None when the browser would ignore it entirely."""
    pair, _, attributes = line.partition(";")
    if "=" in pair:
        name, _, value = pair.partition("=")
    else:
        name, value = "", pair  # RFC 6265bis: a nameless cookie
    name, value = name.strip(_WS), value.strip(_WS)
    if not name and not value:
        return None
    if any((ord(ch) < 0x20 and ch != "\t") or ch == "\x7f" for ch in name + value):
        return None
    samesite, secure, httponly, partitioned = "", False, False, False
    domain, path = "", None
    notes: list[str] = []
    for raw in attributes.split(";") if attributes else ():
        key, _, attr_value = raw.partition("=")
        key, attr_value = key.strip(_WS).lower(), attr_value.strip(_WS)
        if key == "samesite":
            # The last SameSite attribute wins; an unknown value means "default" (WPT).
            samesite = SAMESITE_VALUES.get(attr_value.lower(), "")
            if not samesite:
                notes.append(f"unknown SameSite value {attr_value!r} is treated as if absent")
        elif key == "secure":
            secure = True
        elif key == "httponly":
            httponly = True
        elif key == "partitioned":
            partitioned = True
        elif key == "domain":
            domain = attr_value.removeprefix(".").lower()
        elif key == "path":
            path = attr_value if attr_value.startswith("/") else None
        elif key in ("expires", "max-age", "priority", ""):
            continue
        else:
            notes.append(f"unknown attribute {raw.strip(_WS)!r} is ignored")
    return ParsedSetCookie(
        name=name,
        value=value,
        samesite=samesite,
        secure=secure,
        httponly=httponly,
        domain=domain,
        path=path,
        partitioned=partitioned,
        notes=tuple(notes),
    )


def default_path(url_path: str) -> str:
    """RFC 6265bis § 5.1.4: the directory of the request path."""
    if not url_path.startswith("/") or url_path.count("/") == 1:
        return "/"
    return url_path[: url_path.rindex("/")]
