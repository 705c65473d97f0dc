"""The CORS server fix: the response header lines that would let this request through, built once.

The fetch verdict (actual response and preflight) and the subresource verdicts (image, script)
all advise the server with these lines, in this order.
"""

from __future__ import annotations

from .cors import ACAC, ACAO

# A page whose origin is opaque sends Origin: null. Allowing null on the server would let every
# sandboxed frame and data:/file: page of any site in too, so the fix is on the page's side.
OPAQUE_PAGE_FIX = (
    "The page's origin is opaque (sandboxed frame or file:/data: page), so Origin is null. Serve "
    "the page from a real http(s) origin (or add allow-same-origin to the sandbox) rather than "
    "allowing null on the server."
)
NEVER_ALLOW_NULL = (
    f"Never answer {ACAO}: null to make this work: sandboxed frames and data: "
    "pages of any site also send Origin: null."
)


def allow_lines(origin: str, credentials_include: bool, *, also: tuple[str, ...] = ()) -> tuple[str, ...]:
    """``Access-Control-Allow-Origin`` (and ``-Credentials``), then ``also`` (Allow-Methods/Headers), then Vary.

    A request from the opaque origin ``null`` without credentials is answered with ``*`` rather than
    ``null`` (which every sandboxed frame and data: page would match); Vary: Origin goes with an echoed origin.
    """
    allow_origin = origin if (origin != "null" or credentials_include) else "*"
    lines = [f"{ACAO}: {allow_origin}"]
    if credentials_include:
        lines.append(f"{ACAC}: true")
    lines.extend(also)
    if allow_origin != "*":
        lines.append("Vary: Origin")
    return tuple(lines)
