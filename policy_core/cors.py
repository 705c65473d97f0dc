"""The CORS check (Fetch § CORS check), shared by every resource type that uses CORS.

Chrome's decision order (``cors.cc`` CheckAccess) decides which failure is reported; the
outcome is the standard's. Firefox and Safari name the same failure in their own words; every
reason sentence is rendered from the catalogue (messages/cors.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from . import headers as h
from . import specs
from .console import encode_hint
from .messages import CATALOGUE, CHROME, FIREFOX, SAFARI, Failure, render
from .messages import cors as m
from .report import FAIL, PASS, Step, step

ACAO = "Access-Control-Allow-Origin"
ACAC = "Access-Control-Allow-Credentials"
_ACAO_LOWER, _ACAC_LOWER = ACAO.lower(), ACAC.lower()

# Chrome's reasons that take the fetch-only suffix (newest Chromium, browser-rules.md § 2.1).
FETCH_SUFFIX = CATALOGUE[m.SUFFIX_FETCH].wording(CHROME).text


@dataclass(frozen=True, slots=True, kw_only=True)
class CorsCheck:
    ok: bool
    failure: Failure | None = None  # missing-allow-origin, wildcard-with-credentials, ...
    chrome_reason: str | None = None
    firefox_reason: str | None = None
    firefox_quote_url: bool = False
    firefox_status: bool = False  # Firefox prints this reason in its frame with the status code
    safari_reason: str | None = None
    allow_origin: str | None = None  # the combined, trimmed Access-Control-Allow-Origin
    steps: tuple[Step, ...] = ()  # for the caller's Trace


def _looks_like_url(value: str) -> bool:
    scheme, sep, rest = value.partition("://")
    return bool(sep and scheme and rest) and scheme.isascii() and scheme.replace("+", "").replace("-", "").replace(".", "").isalnum()


def _safari_not_allowed(origin: str) -> str:
    """Safari's one sentence for a missing, mismatched or invalid Access-Control-Allow-Origin."""
    return render(Failure.ORIGIN_NOT_ALLOWED, SAFARI, origin=origin)


def _sentence_start(where: str) -> str:
    return where[:1].upper() + where[1:]


def cors_check(
    headers: h.Headers,
    request_origin: str,
    credentials_include: bool,
    *,
    kind: str,
    step_prefix: str = "cors",
    where: str = "the response",
) -> CorsCheck:
    """Run the CORS check on ``headers`` for a request from ``request_origin``.

    ``request_origin`` is the serialised request origin after redirect-taint (maybe ``"null"``).
    ``kind`` is Chrome's resource word (``fetch``, ``image``, ``script``, ``XMLHttpRequest``): only
    fetch gets the suffix sentence on some reasons, only XMLHttpRequest the withCredentials one.
    """
    fetch_suffix = FETCH_SUFFIX if kind == "fetch" else ""
    xhr_suffix = render(m.SUFFIX_XHR, CHROME) if kind == "XMLHttpRequest" else ""
    lines = h.lines_of(headers, _ACAO_LOWER)
    combined = ", ".join(lines) if lines else None
    value = h.trim(combined) if combined is not None else None
    id_origin = f"{step_prefix}.allow-origin"

    def fail(failure: Failure, chrome: str, firefox: str, safari: str, summary: str, detail: str, *,
             step_id: str = id_origin, quote: bool = False, status: bool = False,
             before: tuple[Step, ...] = ()) -> CorsCheck:
        return CorsCheck(
            ok=False, failure=failure, chrome_reason=chrome, firefox_reason=firefox, firefox_quote_url=quote,
            firefox_status=status, safari_reason=safari, allow_origin=value,
            steps=(*before, step(FAIL, step_id, summary, detail, specs.FETCH_CORS_CHECK)),
        )

    def multiple(summary: str, detail: str, firefox: str) -> CorsCheck:
        return fail(
            Failure.MULTIPLE_ALLOW_ORIGIN,
            render(Failure.MULTIPLE_ALLOW_ORIGIN, CHROME, value=encode_hint(combined or "")) + fetch_suffix,
            firefox,
            render(Failure.MULTIPLE_ALLOW_ORIGIN, SAFARI),
            summary, detail,
        )

    # Firefox counts header lines before anything else.
    firefox_multiple = render(Failure.MULTIPLE_ALLOW_ORIGIN, FIREFOX) if len(lines) > 1 else ""

    if value == "*":
        if not credentials_include:
            if firefox_multiple:
                return multiple(f"{len(lines)} {ACAO} header lines",
                                "Firefox rejects more than one header line even when the combined value would be fine.",
                                firefox_multiple)
            passed = step(PASS, id_origin, f"{ACAO}: * allows any origin, because credentials are not included",
                          f"{_sentence_start(where)} says {ACAO}: *. Without credentials the wildcard matches every origin, "
                          "so the CORS check passes (Access-Control-Allow-Credentials is not consulted).", specs.FETCH_CORS_CHECK)
            return CorsCheck(ok=True, allow_origin=value, steps=(passed,))
        return fail(
            Failure.WILDCARD_WITH_CREDENTIALS,
            render(Failure.WILDCARD_WITH_CREDENTIALS, CHROME) + xhr_suffix,
            firefox_multiple or render(Failure.WILDCARD_WITH_CREDENTIALS, FIREFOX),
            render(Failure.WILDCARD_WITH_CREDENTIALS, SAFARI),
            f"{ACAO}: * cannot be used when credentials are included",
            "The request carries credentials (cookies, HTTP auth), and the wildcard is only honoured without them: "
            "otherwise any site could read any user's private data. The server must echo the exact origin "
            f"({request_origin}) and send Access-Control-Allow-Credentials: true.",
            quote=not firefox_multiple,
        )
    if value is None:
        return fail(
            Failure.MISSING_ALLOW_ORIGIN,
            render(Failure.MISSING_ALLOW_ORIGIN, CHROME),
            render(Failure.MISSING_ALLOW_ORIGIN, FIREFOX),
            _safari_not_allowed(request_origin),
            f"No {ACAO} header in {where}",
            f"Without {ACAO} the server has not opted in to sharing {where} with {request_origin}. "
            + ("So the server has not agreed to the actual request either, and the browser will not send it."
               if "preflight" in where else
               "The browser received it but will not hand it to the page's script."),
            status=True,
        )
    if value != request_origin:
        firefox = firefox_multiple or render(Failure.ALLOW_ORIGIN_MISMATCH, FIREFOX, value=value)
        hint = encode_hint(combined or "")
        if " " in value or "," in value:
            return multiple(f"{ACAO} holds more than one value: {combined!r}",
                            f"The header may name exactly one origin (or *). Chrome joins repeated header lines with ', ', "
                            f"so two {ACAO} lines fail here too. Send one line with the requesting origin {request_origin}.",
                            firefox)
        if value == "null" or _looks_like_url(value):
            detail = (f"{ACAO} is compared byte for byte with the request's serialized origin {request_origin!r}: "
                      f"{value!r} is not equal to it.")
            if value.rstrip("/") == request_origin or value.lower() == request_origin.lower():
                detail += " Serialized origins have no trailing slash and are lower-case; the comparison is exact."
            if value == "null":
                detail += " The value null only matches opaque origins (sandboxed frames, file: and data: pages)."
            return fail(Failure.ALLOW_ORIGIN_MISMATCH,
                        render(Failure.ALLOW_ORIGIN_MISMATCH, CHROME, value=hint) + fetch_suffix,
                        firefox, _safari_not_allowed(request_origin),
                        f"{ACAO}: {value} does not match {request_origin}", detail)
        return fail(Failure.INVALID_ALLOW_ORIGIN,
                    render(Failure.INVALID_ALLOW_ORIGIN, CHROME, value=hint) + fetch_suffix,
                    firefox, _safari_not_allowed(request_origin), f"{ACAO}: {value!r} is not an origin",
                    f"The value must be a serialized origin such as {request_origin} (scheme://host[:port]), null, or *.")
    if firefox_multiple:
        return multiple(f"{len(lines)} {ACAO} header lines", "More than one header line.", firefox_multiple)
    origin_step = step(PASS, id_origin, f"{ACAO} matches {request_origin}",
                       f"{_sentence_start(where)} echoes the request's origin exactly ({value}).", specs.FETCH_CORS_CHECK)
    if not credentials_include:
        return CorsCheck(ok=True, allow_origin=value, steps=(origin_step,))
    credential_lines = h.lines_of(headers, _ACAC_LOWER)
    credentials = ", ".join(credential_lines) if credential_lines else None  # Fetch "get"
    id_creds = f"{step_prefix}.allow-credentials"
    if credentials != "true":
        shown = "" if credentials is None else credentials
        return fail(
            Failure.INVALID_ALLOW_CREDENTIALS,
            render(Failure.INVALID_ALLOW_CREDENTIALS, CHROME, value=encode_hint(shown)) + xhr_suffix,
            render(Failure.INVALID_ALLOW_CREDENTIALS, FIREFOX),
            render(Failure.INVALID_ALLOW_CREDENTIALS, SAFARI),
            f"{ACAC} is {'missing' if credentials is None else repr(credentials)}, not exactly true",
            f"Credentials are included, so the server must also send {ACAC}: true (lower-case, exactly). "
            "Without it the browser will not expose a credentialed response.",
            step_id=id_creds, before=(origin_step,),
        )
    creds_step = step(PASS, id_creds, f"{ACAC}: true", "Credentials are included and the server allows them.",
                      specs.FETCH_CORS_CHECK)
    return CorsCheck(ok=True, allow_origin=value, steps=(origin_step, creds_step))
