"""The preflight's explained steps and what a failed preflight needs: Firefox's reason, the fix lines.

Helpers of ``preflight.check_preflight`` (Fetch § 4.8 CORS-preflight fetch, § 4.9 cache).
"""

from __future__ import annotations

from . import headers as h
from . import specs
from .cors import CorsCheck
from .cors_fixes import allow_lines
from .fetch_rules import (
    ACAH,
    ACAM,
    CHROME_MAX_AGE_CAP,
    CORS_NON_WILDCARD_NAME,
    FIREFOX_MAX_AGE_CAP,
    MaxAge,
    is_safelisted_method,
)
from .messages import FIREFOX, Failure, render
from .report import FAIL, INFO, PASS, Step, step


def method_step(method: str, items: tuple[str, ...], credentials_include: bool, ok: bool, legacy_ok: bool) -> Step:
    listed = ", ".join(items) if items else "(none)"
    if is_safelisted_method(method):
        return step(PASS, "fetch.preflight.method", f"{method} is a CORS-safelisted method: always allowed",
                    f"GET, HEAD and POST pass whatever {ACAM} says ({listed}).", specs.FETCH_PREFLIGHT)
    sentences = [
        f"{ACAM}: {listed}. The request method is compared with each item byte for byte, so case matters "
        "(WPT cors-preflight-star: `put` in Allow-Methods fails for PUT; only the request method is normalized, "
        "never the header)."
    ]
    if method != method.upper():
        sentences.append(
            f"{method!r} is not one of the six methods fetch() upper-cases, so it is compared as written. Current "
            "Chrome does this too (feature AccessControlAllowMethodsInCORSPreflightSpecConformant, on by default); "
            f"older Chrome, or Chrome with that enterprise policy set to false, upper-cased it to "
            f"{method.upper()!r} first (preflight_result.cc, crbug.com/1228178)."
        )
        if ok != legacy_ok:
            sentences.append(f"That older behaviour would {'refuse' if ok else 'allow'} this request.")
    if "*" in items:
        sentences.append(
            "* is a wildcard only without credentials; with credentials it matches only a method literally named *."
            if credentials_include
            else "* allows any method because credentials are not included."
        )
    summary = f"Method {method} is allowed by {ACAM}" if ok else f"Method {method} is not allowed by {ACAM}"
    return step(PASS if ok else FAIL, "fetch.preflight.method", summary, " ".join(sentences), specs.FETCH_PREFLIGHT)


def max_age_step(max_age: MaxAge) -> Step:
    if max_age.parsed is None:
        shown = "absent" if max_age.raw is None else f"{max_age.raw!r} (not an integer)"
        return step(
            INFO, "fetch.preflight.max-age", f"Preflight cached for {max_age.chrome_seconds} s (default)",
            f"Access-Control-Max-Age is {shown}, so browsers cache the result for the default 5 seconds: "
            "almost every non-simple request pays for a second round trip.",
            specs.FETCH_PREFLIGHT_CACHE,
        )
    detail = f"Access-Control-Max-Age: {max_age.parsed}."
    if max_age.parsed < 0:
        detail += " Chrome treats a negative value as 0 (no caching)."
    if max_age.parsed > CHROME_MAX_AGE_CAP:
        detail += (
            f" Chrome caps it at {CHROME_MAX_AGE_CAP} s (2 hours), Firefox at {FIREFOX_MAX_AGE_CAP} s (24 hours); "
            f"the standard leaves the limit to the browser. The playground reports Chrome's {max_age.chrome_seconds} s."
        )
    return step(
        INFO, "fetch.preflight.max-age", f"Preflight cached for {max_age.chrome_seconds} s in Chrome",
        detail + " Entries are kept per origin, URL, method and header name (and credentials).",
        specs.FETCH_PREFLIGHT_CACHE,
    )


def firefox_reason(
    status: int,
    check: CorsCheck,
    methods: h.ListParse,
    allow_headers: h.ListParse,
    spec_method_ok: bool,
    missing_header: str | None,
) -> tuple[str | None, int | None, bool]:
    """Firefox's first failure (reason, status shown, URL quoted): redirect, status, CORS check, methods, headers."""
    if 300 <= status < 400:
        return render(Failure.PREFLIGHT_DISALLOWED_REDIRECT, FIREFOX), None, False
    if not 200 <= status <= 299:
        return render(Failure.PREFLIGHT_INVALID_STATUS, FIREFOX), status, False
    if not check.ok:
        return check.firefox_reason, status if check.firefox_status else None, check.firefox_quote_url
    if methods.bad_item is not None:
        return render(Failure.INVALID_ALLOW_METHODS, FIREFOX, token=methods.bad_item), None, False
    if not spec_method_ok:
        return render(Failure.METHOD_NOT_ALLOWED, FIREFOX), None, False
    if allow_headers.bad_item is not None:
        return render(Failure.INVALID_ALLOW_HEADERS, FIREFOX, token=allow_headers.bad_item), None, False
    if missing_header is not None:
        return render(Failure.HEADER_NOT_ALLOWED, FIREFOX, header=missing_header), None, False
    return None, None, False


def needed_lines(
    origin: str,
    credentials_include: bool,
    method: str,
    unsafe_names: tuple[str, ...],
    methods: h.ListParse,
    allow_headers: h.ListParse,
) -> tuple[str, ...]:
    """The preflight response lines that would make this preflight pass, keeping what is already allowed."""
    also: list[str] = []
    if not is_safelisted_method(method):
        kept = (
            [m for m in methods.values if m != "*" or not credentials_include]
            if methods.bad_item is None
            else []
        )
        covered = method in kept or ("*" in kept and not credentials_include)
        also.append(f"{ACAM}: {', '.join(kept if covered else [*kept, method])}")
    if unsafe_names:
        kept_h = (
            [n for n in allow_headers.values if n != "*" or not credentials_include]
            if allow_headers.bad_item is None
            else []
        )
        lowered = {n.lower() for n in kept_h}
        # "*" covers every name but Authorization (the standard's rule), and only without credentials.
        missing = [
            n
            for n in unsafe_names
            if n not in lowered and ("*" not in lowered or n == CORS_NON_WILDCARD_NAME)
        ]
        also.append(f"{ACAH}: {', '.join([*kept_h, *missing])}")
    return allow_lines(origin, credentials_include, also=tuple(also))
