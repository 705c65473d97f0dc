"""The browsers' own console sentences for CORS failures (browser-rules.md § 2.1-2.3)."""

from __future__ import annotations

CHROME_PREFLIGHT_PREFIX = "Response to preflight request doesn't pass access control check: "


def encode_hint(text: str) -> str:
    """Chromium 132+ ``EncodeHint``: non-printable or non-ASCII characters become ``\\uXXXX``."""
    return "".join(ch if 0x20 <= ord(ch) < 0x7F else f"\\u{ord(ch):04X}" for ch in text)


def chrome_cors_message(
    kind: str, url: str, origin: str, reason: str, *, initial_url: str | None = None, preflight: bool = False
) -> str:
    """``Access to {kind} at '{url}' [(redirected from '…') ]from origin '…' has been blocked by CORS policy: …``."""
    redirected = f"(redirected from '{initial_url}') " if initial_url and initial_url != url else ""
    prefix = CHROME_PREFLIGHT_PREFIX if preflight else ""
    return f"Access to {kind} at '{url}' {redirected}from origin '{origin}' has been blocked by CORS policy: {prefix}{reason}"


def firefox_cors_message(url: str, reason: str, *, status: int | None = None, quote_url: bool = False) -> str:
    """``Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at …``."""
    shown = f"‘{url}’" if quote_url else url
    tail = f" Status code: {status}." if status is not None else ""
    return f"Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at {shown}. (Reason: {reason}).{tail}"


def safari_cors_message(api: str, url: str, reason: str) -> str:
    """Safari prints the reason, then ``{API} cannot load {url} due to access control checks.``"""
    return f"{reason}\n{api} cannot load {url} due to access control checks."
