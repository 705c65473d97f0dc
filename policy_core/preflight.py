"""The CORS-preflight fetch: building the OPTIONS request and judging its answer.

WHATWG Fetch § 4.8 CORS-preflight fetch, in Chrome's decision order (network service
``preflight_controller.cc`` / ``preflight_result.cc``): redirect, CORS check, ok status, parse
Allow-Methods and Allow-Headers, method, headers. Firefox's order differs (status first;
methods parsed and checked before headers), so its reason is worked out on its own.
"""

from __future__ import annotations

from typing import NamedTuple

from . import headers as h
from .cors import CorsCheck, cors_check
from .fetch_rules import (
    ACAH,
    ACAM,
    CHROME_MAX_AGE_CAP,
    CORS_NON_WILDCARD_NAME,
    FIREFOX_MAX_AGE_CAP,
    MaxAge,
    is_safelisted_method,
    legacy_chrome_method_for_acam,
    parse_max_age,
)
from .report import FAIL, INFO, PASS, StepFields, new_record

SPEC_PREFLIGHT = "Fetch § 4.8 CORS-preflight fetch"
SPEC_PREFLIGHT_CACHE = "Fetch § 4.9 CORS-preflight cache"
SPEC_HEADER_SYNTAX = "Fetch § 3.2.3 HTTP responses (CORS protocol header syntax)"

CHROME_AUTHORIZATION_DEPRECATION = "Authorization will not be covered by the wildcard symbol (*) in CORS Access-Control-Allow-Headers handling."


def firefox_authorization_warning(url: str) -> str:
    return (
        f"Cross-Origin Request Warning: The Same Origin Policy will disallow reading the remote resource at {url} soon. "
        "(Reason: When the `Access-Control-Allow-Headers` is `*`, the `Authorization` header is not covered. "
        "To include the `Authorization` header, it must be explicitly listed in CORS header "
        "`Access-Control-Allow-Headers`)."
    )


def preflight_request_lines(
    request_target: str, origin: str, method: str, unsafe_names: tuple[str, ...]
) -> tuple[str, ...]:
    """The CORS lines of the OPTIONS request (ACRH: lower-case, sorted, joined by "," with no space)."""
    lines = [
        f"OPTIONS {request_target} HTTP/1.1",
        f"Origin: {origin}",
        f"Access-Control-Request-Method: {method}",
    ]
    if unsafe_names:
        lines.append(f"Access-Control-Request-Headers: {','.join(unsafe_names)}")
    return tuple(lines)


class PreflightOutcome(NamedTuple):
    # A NamedTuple, not a frozen dataclass: as immutable, and several times cheaper to build (hot path).
    ok: bool  # Chrome's outcome
    steps: tuple[StepFields, ...]
    failure: str | None = None
    chrome_reason: str | None = None
    chrome_prefix: bool = False  # "Response to preflight request doesn't pass access control check: "
    firefox_reason: str | None = None  # Firefox's own first failure (its order differs from Chrome's)
    firefox_status: int | None = None
    firefox_quote_url: bool = False
    safari_reason: str | None = None
    max_age: MaxAge | None = None
    authorization_by_wildcard: bool = False  # Chrome/Firefox allow it with a deprecation warning
    method_case_differs: bool = False  # older Chrome's upper-casing would give the other outcome
    # The smallest set of preflight response lines that would pass: filled when the preflight fails,
    # or passes only through * covering Authorization (the fix then needs it); () otherwise.
    needed_lines: tuple[str, ...] = ()


class _Judged(NamedTuple):
    """What ``_failed`` needs to know about the preflight being judged.

    Handed over as one record rather than closures over check_preflight's locals: a closure turns
    every variable it reads into a cell, paid on every preflight, passing or not (hot path).
    """

    status: int
    check: CorsCheck
    methods: h.ListParse
    allow_headers: h.ListParse
    spec_method_ok: bool
    legacy_method_ok: bool
    missing_header: str | None
    request_origin: str
    credentials_include: bool
    method: str
    unsafe_names: tuple[str, ...]


def check_preflight(
    response_status: int,
    response_headers: h.Headers,
    *,
    url: str,
    request_origin: str,
    credentials_include: bool,
    method: str,
    unsafe_names: tuple[str, ...],
) -> PreflightOutcome:
    """Judge the preflight answer for ``method`` with ``unsafe_names`` (Chrome's order)."""
    steps: list[StepFields] = []
    status = response_status
    methods = h.extract_token_list(response_headers, ACAM)
    allow_headers = h.extract_token_list(response_headers, ACAH)
    allowed_header_names = frozenset(map(str.lower, allow_headers.values))
    wildcard_ok = not credentials_include
    method_values = methods.values
    star_method = wildcard_ok and "*" in method_values
    star_header = wildcard_ok and "*" in allowed_header_names

    # Current Chrome, Firefox and the standard compare the method byte for byte; older Chrome
    # upper-cased it first (kept only to name the difference).
    safelisted = is_safelisted_method(method)
    spec_method_ok = safelisted or star_method or method in method_values
    legacy_method = legacy_chrome_method_for_acam(method)
    legacy_method_ok = (
        spec_method_ok
        if legacy_method == method
        else is_safelisted_method(legacy_method) or star_method or legacy_method in method_values
    )
    missing_header = None  # the first unsafe name the preflight does not allow
    if not star_header:
        for name in unsafe_names:
            if name not in allowed_header_names:
                missing_header = name
                break
    auth_by_wildcard = (
        star_header
        and CORS_NON_WILDCARD_NAME in unsafe_names
        and CORS_NON_WILDCARD_NAME not in allowed_header_names
    )
    check = cors_check(
        response_headers,
        request_origin,
        credentials_include,
        kind="fetch",
        step_prefix="fetch.preflight",
        where="the preflight response",
    )

    judged = new_record(_Judged, (
        status,
        check,
        methods,
        allow_headers,
        spec_method_ok,
        legacy_method_ok,
        missing_header,
        request_origin,
        credentials_include,
        method,
        unsafe_names,
    ))

    if 300 <= status < 400:
        steps.append(
            (
                "fetch.preflight.redirect",
                FAIL,
                f"The preflight was answered with a {status} redirect",
                "A preflight never follows redirects: any redirect answer is a network error, so the actual "
                "request is not sent. Serve OPTIONS at the exact URL (a trailing-slash or http->https "
                "redirect on the API is the usual cause).",
                SPEC_PREFLIGHT,
            )
        )
        return _failed(
            steps,
            judged,
            "preflight-redirect", "Redirect is not allowed for a preflight request.", prefix=True, safari=None
        )

    steps.extend(check.steps)
    if not check.ok:
        return _failed(
            steps,
            judged,
            check.failure or "preflight-cors",
            check.chrome_reason or "",
            prefix=True,
            safari=check.safari_reason,
        )

    if not 200 <= status <= 299:
        steps.append(
            (
                "fetch.preflight.status",
                FAIL,
                f"The preflight status {status} is not an ok status (200-299)",
                "A preflight must succeed with a 2xx status. Servers often answer OPTIONS with 401/403 "
                "(authentication middleware: preflights never carry cookies or Authorization) or 404/405 "
                "(no OPTIONS route).",
                SPEC_PREFLIGHT,
            )
        )
        return _failed(
            steps,
            judged,
            "preflight-status",
            "It does not have HTTP ok status.",
            prefix=True,
            safari="Preflight response is not successful",
        )
    steps.append(
        (
            "fetch.preflight.status",
            PASS,
            f"Preflight status {status} is an ok status",
            "2xx is required.",
            SPEC_PREFLIGHT,
        )
    )

    # The table below is only built when a list failed to parse (rare): a passing preflight skips it.
    has_bad_list = methods.bad_item is not None or allow_headers.bad_item is not None
    for parsed, name, code, reason in (
        (
            (
                methods,
                ACAM,
                "preflight-invalid-allow-methods",
                "Cannot parse Access-Control-Allow-Methods response header field in preflight response.",
            ),
            (
                allow_headers,
                ACAH,
                "preflight-invalid-allow-headers",
                "Cannot parse Access-Control-Allow-Headers response header field in preflight response.",
            ),
        )
        if has_bad_list
        else ()
    ):
        if parsed.bad_item is not None:
            steps.append(
                (
                    f"fetch.preflight.parse-{'methods' if name == ACAM else 'headers'}",
                    FAIL,
                    f"{name} has the invalid item {parsed.bad_item!r}",
                    f"{name} is a comma-separated list of tokens (#{'method' if name == ACAM else 'field-name'}). "
                    "One item that is not a token (a space inside it, quotes, a slash) makes the whole "
                    "header a parse failure, and a parse failure fails the preflight.",
                    SPEC_HEADER_SYNTAX,
                )
            )
            return _failed(steps, judged, code, reason, prefix=False, safari=None)

    steps.append(_method_step(method, method_values, credentials_include, spec_method_ok, legacy_method_ok))
    if not spec_method_ok:
        return _failed(
            steps,
            judged,
            "method-not-allowed",
            f"Method {method} is not allowed by Access-Control-Allow-Methods in preflight response.",
            prefix=False,
            safari=f"Method {method} is not allowed by Access-Control-Allow-Methods.",
        )

    if missing_header is not None:
        detail = (
            f"Every CORS-unsafe request header must be listed in {ACAH} (case-insensitively). "
            f"The request sends {', '.join(unsafe_names)}; the preflight allows "
            f"{', '.join(allow_headers.values) or 'none'}."
        )
        if credentials_include and "*" in allowed_header_names:
            detail += (
                " With credentials included, * is not a wildcard: it only matches a header literally named *."
            )
        steps.append(
            (
                "fetch.preflight.headers",
                FAIL,
                f"Request header {missing_header} is not allowed by {ACAH}",
                detail,
                SPEC_PREFLIGHT,
            )
        )
        return _failed(
            steps,
            judged,
            "header-not-allowed",
            f"Request header field {missing_header} is not allowed by Access-Control-Allow-Headers in preflight response.",
            prefix=False,
            safari=f"Request header field {missing_header} is not allowed by Access-Control-Allow-Headers.",
        )
    if unsafe_names:
        covered = "listed" if not ("*" in allowed_header_names and wildcard_ok) else "listed or covered by *"
        steps.append(
            (
                "fetch.preflight.headers",
                PASS,
                f"Every unsafe request header is {covered}",
                f"Needed: {', '.join(unsafe_names)}; {ACAH}: {h.get_combined(response_headers, ACAH) or '(none)'}.",
                SPEC_PREFLIGHT,
            )
        )
    if auth_by_wildcard:
        steps.append(
            (
                "fetch.preflight.authorization-wildcard",
                INFO,
                "Authorization is covered only by *: allowed by Chrome and Firefox, refused by the standard",
                "The Fetch standard says * in Access-Control-Allow-Headers never covers Authorization (a CORS "
                "non-wildcard request-header name), so a conforming browser fails this preflight. Current Chrome "
                "and Firefox still let * cover it and print a deprecation warning; the playground follows "
                f'Chrome here. Chrome: "{CHROME_AUTHORIZATION_DEPRECATION}" List Authorization explicitly.',
                SPEC_PREFLIGHT,
            )
        )

    max_age = parse_max_age(response_headers)
    steps.append(_max_age_step(max_age))
    # Chrome passed, so Firefox (same checks, another order) has no failure to name either.
    return new_record(PreflightOutcome, (
        True,
        tuple(steps),
        None,
        None,
        False,
        None,
        None,
        False,
        None,
        max_age,
        auth_by_wildcard,
        legacy_method_ok != spec_method_ok,
        # The fix then lists Authorization explicitly.
        _needed_lines(request_origin, credentials_include, method, unsafe_names, methods, allow_headers)
        if auth_by_wildcard
        else (),
    ))


def _failed(
    steps: list[StepFields], judged: _Judged, code: str, chrome: str, *, prefix: bool, safari: str | None
) -> PreflightOutcome:
    # Firefox's reason and the fix lines are only worked out once the preflight has failed.
    firefox = _firefox_reason(
        judged.status, judged.check, judged.methods, judged.allow_headers, judged.spec_method_ok,
        judged.missing_header,
    )
    needed_lines = _needed_lines(
        judged.request_origin, judged.credentials_include, judged.method, judged.unsafe_names, judged.methods,
        judged.allow_headers,
    )
    return new_record(PreflightOutcome, (
        False,
        tuple(steps),
        code,
        chrome,
        prefix,
        *firefox,
        safari,
        None,  # max_age
        False,  # authorization_by_wildcard
        code == "method-not-allowed" and judged.legacy_method_ok,  # method_case_differs
        needed_lines,
    ))


def _method_step(
    method: str, items: tuple[str, ...], credentials_include: bool, ok: bool, legacy_ok: bool
) -> StepFields:
    listed = ", ".join(items) if items else "(none)"
    if is_safelisted_method(method):
        return (
            "fetch.preflight.method",
            PASS,
            f"{method} is a CORS-safelisted method: always allowed",
            f"GET, HEAD and POST pass whatever {ACAM} says ({listed}).",
            SPEC_PREFLIGHT,
        )
    # Sentences joined by spaces: the usual single sentence is used as it is, never copied.
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
    return ("fetch.preflight.method", PASS if ok else FAIL, summary, " ".join(sentences), SPEC_PREFLIGHT)


def _max_age_step(max_age: MaxAge) -> StepFields:
    if max_age.parsed is None:
        shown = "absent" if max_age.raw is None else f"{max_age.raw!r} (not an integer)"
        return (
            "fetch.preflight.max-age",
            INFO,
            f"Preflight cached for {max_age.chrome_seconds} s (default)",
            f"Access-Control-Max-Age is {shown}, so browsers cache the result for the default 5 seconds: "
            "almost every non-simple request pays for a second round trip.",
            SPEC_PREFLIGHT_CACHE,
        )
    detail = f"Access-Control-Max-Age: {max_age.parsed}."
    if max_age.parsed < 0:
        detail += " Chrome treats a negative value as 0 (no caching)."
    if max_age.parsed > CHROME_MAX_AGE_CAP:
        detail += (
            f" Chrome caps it at {CHROME_MAX_AGE_CAP} s (2 hours), Firefox at {FIREFOX_MAX_AGE_CAP} s (24 hours); "
            f"the standard leaves the limit to the browser. The playground reports Chrome's {max_age.chrome_seconds} s."
        )
    return (
        "fetch.preflight.max-age",
        INFO,
        f"Preflight cached for {max_age.chrome_seconds} s in Chrome",
        detail + " Entries are kept per origin, URL, method and header name (and credentials).",
        SPEC_PREFLIGHT_CACHE,
    )


def _firefox_reason(
    status: int,
    check: CorsCheck,
    methods: h.ListParse,
    allow_headers: h.ListParse,
    spec_method_ok: bool,
    missing_header: str | None,
) -> tuple[str | None, int | None, bool]:
    """Firefox's first failure: redirect, status, CORS check, methods (parse, match), headers (parse, match)."""
    if 300 <= status < 400:
        return "CORS request external redirect not allowed", None, False
    if not 200 <= status <= 299:
        return "CORS preflight response did not succeed", status, False
    if not check.ok:
        return check.firefox_reason, status if check.firefox_status else None, check.firefox_quote_url
    if methods.bad_item is not None:
        return (
            f"invalid token ‘{methods.bad_item}’ in CORS header ‘Access-Control-Allow-Methods’",
            None,
            False,
        )
    if not spec_method_ok:
        return "Did not find method in CORS header ‘Access-Control-Allow-Methods’", None, False
    if allow_headers.bad_item is not None:
        return (
            f"invalid token ‘{allow_headers.bad_item}’ in CORS header ‘Access-Control-Allow-Headers’",
            None,
            False,
        )
    if missing_header is not None:
        return (
            (
                f"header ‘{missing_header}’ is not allowed according to header ‘Access-Control-Allow-Headers’ "
                "from CORS preflight response"
            ),
            None,
            False,
        )
    return None, None, False


def _needed_lines(
    origin: str,
    credentials_include: bool,
    method: str,
    unsafe_names: tuple[str, ...],
    methods: h.ListParse,
    allow_headers: h.ListParse,
) -> tuple[str, ...]:
    """The preflight response lines that would make this preflight pass, keeping what is already allowed."""
    allow_origin = origin if (origin != "null" or credentials_include) else "*"
    lines = [f"Access-Control-Allow-Origin: {allow_origin}"]
    if credentials_include:
        lines.append("Access-Control-Allow-Credentials: true")
    if not is_safelisted_method(method):
        kept = (
            [m for m in methods.values if m != "*" or not credentials_include]
            if methods.bad_item is None
            else []
        )
        covered = method in kept or ("*" in kept and not credentials_include)
        lines.append(f"{ACAM}: {', '.join(kept if covered else [*kept, method])}")
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
        lines.append(f"{ACAH}: {', '.join([*kept_h, *missing])}")
    if allow_origin not in ("*", "null"):
        lines.append("Vary: Origin")
    return tuple(lines)
