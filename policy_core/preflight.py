"""The CORS-preflight fetch: building the OPTIONS request and judging its answer.

WHATWG Fetch § 4.8 CORS-preflight fetch, in Chrome's decision order (network service
``preflight_controller.cc`` / ``preflight_result.cc``): redirect, CORS check, ok status, parse
Allow-Methods and Allow-Headers, method, headers. Firefox's order differs (status first;
methods parsed and checked before headers), so its reason is worked out on its own
(``preflight_steps.firefox_reason``).
"""

from __future__ import annotations

from dataclasses import dataclass

from . import headers as h
from . import specs
from .cors import cors_check
from .fetch_rules import (
    ACAH,
    ACAM,
    CORS_NON_WILDCARD_NAME,
    MaxAge,
    chrome_header_order,
    is_safelisted_method,
    legacy_chrome_method_for_acam,
    parse_max_age,
)
from .messages import CHROME, FIREFOX, SAFARI, Failure, render
from .messages import cors as m
from .preflight_steps import firefox_reason, max_age_step, method_step, needed_lines
from .report import FAIL, INFO, PASS, DevtoolsIssue, Step, step

CHROME_AUTHORIZATION_DEPRECATION = render(Failure.AUTHORIZATION_WILDCARD, CHROME)


def chrome_authorization_issue() -> DevtoolsIssue:
    """Chrome's DevTools issue (not a console line) when * alone allows Authorization."""
    code, reason = m.DEVTOOLS_AUTHORIZATION_WILDCARD
    return DevtoolsIssue(code=code, reason=reason, text=CHROME_AUTHORIZATION_DEPRECATION)


def firefox_authorization_warning(url: str) -> str:
    return render(m.FRAME_WARNING, FIREFOX, url=url, reason=render(Failure.AUTHORIZATION_WILDCARD, FIREFOX))


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


@dataclass(frozen=True, slots=True, kw_only=True)
class PreflightOutcome:
    ok: bool  # Chrome's outcome
    steps: tuple[Step, ...]
    failure: Failure | None = None
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


def check_preflight(
    response_status: int,
    response_headers: h.Headers,
    *,
    url: str,
    request_origin: str,
    credentials_include: bool,
    method: str,
    unsafe_names: tuple[str, ...],
    header_count: int = 0,
) -> PreflightOutcome:
    """Judge the preflight answer for ``method`` with ``unsafe_names`` (Chrome's order).

    ``header_count``: the request's distinct header names, which decide the order in which Chrome
    checks the unsafe ones (``fetch_rules.chrome_header_order``).
    """
    steps: list[Step] = []
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
    # The first unsafe name the preflight does not allow: Firefox and Safari take them sorted, Chrome
    # in its header map's order.
    missing_header = chrome_missing = None
    if not star_header:
        missing_header = next((name for name in unsafe_names if name not in allowed_header_names), None)
        chrome_missing = next((name for name in chrome_header_order(unsafe_names, header_count)
                               if name not in allowed_header_names), None)
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

    def failed(failure: Failure, chrome: str, *, prefix: bool, safari: str | None) -> PreflightOutcome:
        # Firefox's reason and the fix lines are only worked out once the preflight has failed.
        ff_reason, ff_status, ff_quote = firefox_reason(
            status, check, methods, allow_headers, spec_method_ok, missing_header
        )
        return PreflightOutcome(
            ok=False,
            steps=tuple(steps),
            failure=failure,
            chrome_reason=chrome,
            chrome_prefix=prefix,
            firefox_reason=ff_reason,
            firefox_status=ff_status,
            firefox_quote_url=ff_quote,
            safari_reason=safari,
            method_case_differs=failure == Failure.METHOD_NOT_ALLOWED and legacy_method_ok,
            needed_lines=needed_lines(
                request_origin, credentials_include, method, unsafe_names, methods, allow_headers
            ),
        )

    # Only a 3xx with a Location is a redirect (Fetch: its location URL is null otherwise, and the
    # response is handled as it is: the CORS check, then the ok-status check). Chrome 156 agrees.
    if 300 <= status < 400 and h.has(response_headers, "Location"):
        steps.append(step(
            FAIL, "fetch.preflight.redirect", f"The preflight was answered with a {status} redirect",
            "A preflight never follows redirects: any redirect answer is a network error, so the actual "
            "request is not sent. Serve OPTIONS at the exact URL (a trailing-slash or http->https "
            "redirect on the API is the usual cause).",
            specs.FETCH_PREFLIGHT,
        ))
        return failed(Failure.PREFLIGHT_DISALLOWED_REDIRECT, render(Failure.PREFLIGHT_DISALLOWED_REDIRECT, CHROME),
                      prefix=True, safari=None)

    steps.extend(check.steps)
    if not check.ok:
        return failed(check.failure or Failure.PREFLIGHT_CORS, check.chrome_reason or "", prefix=True,
                      safari=check.safari_reason)

    if not 200 <= status <= 299:
        steps.append(step(
            FAIL, "fetch.preflight.status", f"The preflight status {status} is not an ok status (200-299)",
            "A preflight must succeed with a 2xx status. Servers often answer OPTIONS with 401/403 "
            "(authentication middleware: preflights never carry cookies or Authorization) or 404/405 "
            "(no OPTIONS route).",
            specs.FETCH_PREFLIGHT,
        ))
        return failed(Failure.PREFLIGHT_INVALID_STATUS, render(Failure.PREFLIGHT_INVALID_STATUS, CHROME),
                      prefix=True, safari=render(Failure.PREFLIGHT_INVALID_STATUS, SAFARI))
    steps.append(step(PASS, "fetch.preflight.status", f"Preflight status {status} is an ok status", "2xx is required.",
                      specs.FETCH_PREFLIGHT))

    for parsed, name, failure, kind, item in (
        (methods, ACAM, Failure.INVALID_ALLOW_METHODS, "methods", "method"),
        (allow_headers, ACAH, Failure.INVALID_ALLOW_HEADERS, "headers", "field-name"),
    ):
        if parsed.bad_item is not None:
            steps.append(step(
                FAIL, f"fetch.preflight.parse-{kind}", f"{name} has the invalid item {parsed.bad_item!r}",
                f"{name} is a comma-separated list of tokens (#{item}). "
                "One item that is not a token (a space inside it, quotes, a slash) makes the whole "
                "header a parse failure, and a parse failure fails the preflight.",
                specs.FETCH_CORS_HEADER_SYNTAX,
            ))
            return failed(failure, render(failure, CHROME), prefix=False, safari=None)

    steps.append(method_step(method, method_values, credentials_include, spec_method_ok, legacy_method_ok))
    if not spec_method_ok:
        return failed(Failure.METHOD_NOT_ALLOWED, render(Failure.METHOD_NOT_ALLOWED, CHROME, method=method),
                      prefix=False, safari=render(Failure.METHOD_NOT_ALLOWED, SAFARI, method=method))

    if chrome_missing is not None:
        detail = (
            f"Every CORS-unsafe request header must be listed in {ACAH} (case-insensitively). "
            f"The request sends {', '.join(unsafe_names)}; the preflight allows "
            f"{', '.join(allow_headers.values) or 'none'}."
        )
        if credentials_include and "*" in allowed_header_names:
            detail += " With credentials included, * is not a wildcard: it only matches a header literally named *."
        steps.append(step(FAIL, "fetch.preflight.headers", f"Request header {chrome_missing} is not allowed by {ACAH}",
                          detail, specs.FETCH_PREFLIGHT))
        return failed(Failure.HEADER_NOT_ALLOWED, render(Failure.HEADER_NOT_ALLOWED, CHROME, header=chrome_missing),
                      prefix=False, safari=render(Failure.HEADER_NOT_ALLOWED, SAFARI, header=missing_header))
    if unsafe_names:
        covered = "listed" if not ("*" in allowed_header_names and wildcard_ok) else "listed or covered by *"
        steps.append(step(
            PASS, "fetch.preflight.headers", f"Every unsafe request header is {covered}",
            f"Needed: {', '.join(unsafe_names)}; {ACAH}: {h.get_combined(response_headers, ACAH) or '(none)'}.",
            specs.FETCH_PREFLIGHT,
        ))
    if auth_by_wildcard:
        steps.append(step(
            INFO, "fetch.preflight.authorization-wildcard",
            "Authorization is covered only by *: allowed by Chrome and Firefox, refused by the standard",
            "The Fetch standard says * in Access-Control-Allow-Headers never covers Authorization (a CORS "
            "non-wildcard request-header name), so a conforming browser fails this preflight. Current Chrome "
            "and Firefox still let * cover it with a deprecation warning (Chrome's is a DevTools issue, "
            "DeprecationIssue AuthorizationCoveredByWildcard, not a console line); the playground follows "
            f'Chrome here. Chrome: "{CHROME_AUTHORIZATION_DEPRECATION}" List Authorization explicitly.',
            specs.FETCH_PREFLIGHT,
        ))

    max_age = parse_max_age(response_headers)
    steps.append(max_age_step(max_age))
    # Chrome passed, so Firefox (same checks, another order) has no failure to name either.
    return PreflightOutcome(
        ok=True,
        steps=tuple(steps),
        max_age=max_age,
        authorization_by_wildcard=auth_by_wildcard,
        method_case_differs=legacy_method_ok != spec_method_ok,
        # The fix then lists Authorization explicitly.
        needed_lines=needed_lines(request_origin, credentials_include, method, unsafe_names, methods, allow_headers)
        if auth_by_wildcard
        else (),
    )
