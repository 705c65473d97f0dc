"""The CORS check (Fetch § CORS check), shared by every resource type that uses CORS.

Chrome's decision order (``cors.cc`` CheckAccess) decides which failure is reported; the
outcome is the standard's. Firefox and Safari name the same failure in their own words.
"""

from __future__ import annotations

from typing import NamedTuple

from . import headers as h
from .console import encode_hint
from .report import FAIL, PASS, StepFields, new_record

SPEC_CORS_CHECK = "Fetch § 4.10 CORS check"
ACAO = "Access-Control-Allow-Origin"
ACAC = "Access-Control-Allow-Credentials"
# The header index is keyed by lower-case name.
_ACAO_LOWER, _ACAC_LOWER = ACAO.lower(), ACAC.lower()

_ACAC_TRUE = f"{ACAC}: true"  # the passing credentials step's summary, built once

# The usual ``where`` phrases opening a sentence, capitalized once: str.capitalize maps every
# character through the Unicode case tables, a real cost on the passing step of every CORS check.
_SENTENCE_START = {
    where: where.capitalize()
    for where in ("the response", "the preflight response", "the image response", "the script response")
}

# Chrome's reasons that take the fetch-only suffix (newest Chromium, browser-rules.md § 2.1).
FETCH_SUFFIX = " Have the server send the header with a valid value."


class CorsCheck(NamedTuple):
    # A NamedTuple, not a frozen dataclass: as immutable, and several times cheaper to build (hot path).
    ok: bool
    failure: str | None  # stable code: missing-allow-origin, wildcard-with-credentials, ...
    chrome_reason: str | None
    firefox_reason: str | None
    firefox_quote_url: bool
    firefox_status: bool  # Firefox appends "Status code: N." to this reason
    safari_reason: str | None
    allow_origin: str | None
    steps: tuple[StepFields, ...]  # for the caller's Trace


def _looks_like_url(value: str) -> bool:
    scheme, sep, rest = value.partition("://")
    return bool(sep and scheme and rest) and scheme.isascii() and scheme.replace("+", "").replace("-", "").replace(".", "").isalnum()


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
    ``kind`` is Chrome's resource word (``fetch``, ``image``, ``script``): only fetch gets the
    suffix sentence on some reasons.
    """
    suffix = FETCH_SUFFIX if kind == "fetch" else ""
    index = h.index_of(headers)  # one look-up for both headers (hot path)
    lines = index.get(_ACAO_LOWER, ())
    combined = ", ".join(lines) if lines else None
    value = combined.strip(h.HTTP_WHITESPACE) if combined is not None else None  # h.trim, inlined (hot path)
    id_origin = f"{step_prefix}.allow-origin"

    # Firefox counts header lines before anything else.
    if len(lines) > 1:
        firefox_multiple = "Multiple CORS header ‘Access-Control-Allow-Origin’ not allowed"
    else:
        firefox_multiple = ""

    if value == "*":
        if not credentials_include:
            step = (id_origin, PASS, f"{ACAO}: * allows any origin, because credentials are not included",
                        f"{_SENTENCE_START.get(where) or where.capitalize()} says {ACAO}: *. Without credentials the wildcard matches every origin, "
                        "so the CORS check passes (Access-Control-Allow-Credentials is not consulted).", SPEC_CORS_CHECK)
            if firefox_multiple:
                return _fail(value, id_origin, "multiple-allow-origin", _chrome_multiple(combined or "", suffix), firefox_multiple,
                            "Access-Control-Allow-Origin cannot contain more than one origin.",
                            f"{len(lines)} {ACAO} header lines", "Firefox rejects more than one header line even when the combined value would be fine.")
            return new_record(CorsCheck, (True, None, None, None, False, False, None, value, (step,)))
        return _fail(value, id_origin,
            "wildcard-with-credentials",
            "The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' "
            "when the request's credentials mode is 'include'." + (
                " The credentials mode of requests initiated by the XMLHttpRequest is controlled by the withCredentials attribute."
                if kind == "XMLHttpRequest" else ""),
            firefox_multiple or "Credential is not supported if the CORS header ‘Access-Control-Allow-Origin’ is ‘*’",
            "Cannot use wildcard in Access-Control-Allow-Origin when credentials flag is true.",
            f"{ACAO}: * cannot be used when credentials are included",
            "The request carries credentials (cookies, HTTP auth), and the wildcard is only honoured without them: "
            "otherwise any site could read any user's private data. The server must echo the exact origin "
            f"({request_origin}) and send Access-Control-Allow-Credentials: true.",
            quote=not firefox_multiple,
        )
    if value is None:
        return _fail(value, id_origin,
            "missing-allow-origin",
            "No 'Access-Control-Allow-Origin' header is present on the requested resource.",
            "CORS header ‘Access-Control-Allow-Origin’ missing",
            f"Origin {request_origin} is not allowed by Access-Control-Allow-Origin.",
            f"No {ACAO} header in {where}",
            f"Without {ACAO} the server has not opted in to sharing {where} with {request_origin}. "
            + ("So the server has not agreed to the actual request either, and the browser will not send it."
               if "preflight" in where else
               "The browser received it but will not hand it to the page's script."),
            status=True,
        )
    if value != request_origin:
        if firefox_multiple:
            firefox = firefox_multiple
        else:
            firefox = f"CORS header ‘Access-Control-Allow-Origin’ does not match ‘{value}’"
        hint = encode_hint(combined or "")
        if " " in value or "," in value:
            return _fail(value, id_origin, "multiple-allow-origin", _chrome_multiple(combined or "", suffix), firefox,
                        "Access-Control-Allow-Origin cannot contain more than one origin.",
                        f"{ACAO} holds more than one value: {combined!r}",
                        f"The header may name exactly one origin (or *). Chrome joins repeated header lines with ', ', "
                        f"so two {ACAO} lines fail here too. Send one line with the requesting origin {request_origin}.")
        if value == "null" or _looks_like_url(value):
            detail = (f"{ACAO} is compared byte for byte with the request's serialized origin {request_origin!r}: "
                      f"{value!r} is not equal to it.")
            if value.rstrip("/") == request_origin or value.lower() == request_origin.lower():
                detail += " Serialized origins have no trailing slash and are lower-case; the comparison is exact."
            if value == "null":
                detail += " The value null only matches opaque origins (sandboxed frames, file: and data: pages)."
            return _fail(value, id_origin, "allow-origin-mismatch",
                        f"The 'Access-Control-Allow-Origin' header has a value '{hint}' that is not equal to the supplied origin.{suffix}",
                        firefox, f"Origin {request_origin} is not allowed by Access-Control-Allow-Origin.",
                        f"{ACAO}: {value} does not match {request_origin}", detail)
        return _fail(value, id_origin, "invalid-allow-origin",
                    f"The 'Access-Control-Allow-Origin' header contains the invalid value '{hint}'.{suffix}",
                    firefox, f"Origin {request_origin} is not allowed by Access-Control-Allow-Origin.",
                    f"{ACAO}: {value!r} is not an origin",
                    f"The value must be a serialized origin such as {request_origin} (scheme://host[:port]), null, or *.")
    origin_step = (id_origin, PASS, f"{ACAO} matches {request_origin}",
                       f"{_SENTENCE_START.get(where) or where.capitalize()} echoes the request's origin exactly "
                       f"({value}).", SPEC_CORS_CHECK)
    if firefox_multiple:
        return _fail(value, id_origin, "multiple-allow-origin", _chrome_multiple(combined or "", suffix), firefox_multiple,
                    "Access-Control-Allow-Origin cannot contain more than one origin.",
                    f"{len(lines)} {ACAO} header lines", "More than one header line.")
    if not credentials_include:
        return new_record(CorsCheck, (True, None, None, None, False, False, None, value, (origin_step,)))
    credential_lines = index.get(_ACAC_LOWER)
    credentials = ", ".join(credential_lines) if credential_lines else None  # Fetch "get"
    id_creds = f"{step_prefix}.allow-credentials"
    if credentials != "true":
        shown = "" if credentials is None else credentials
        check = _fail(value, id_creds,
            "invalid-allow-credentials",
            f"The value of the 'Access-Control-Allow-Credentials' header in the response is '{encode_hint(shown)}' which "
            "must be 'true' when the request's credentials mode is 'include'." + (
                " The credentials mode of requests initiated by the XMLHttpRequest is controlled by the withCredentials attribute."
                if kind == "XMLHttpRequest" else ""),
            "expected ‘true’ in CORS header ‘Access-Control-Allow-Credentials’",
            'Credentials flag is true, but Access-Control-Allow-Credentials is not "true".',
            f"{ACAC} is {'missing' if credentials is None else repr(credentials)}, not exactly true",
            f"Credentials are {'included' if credentials_include else 'not included'}, so the server must also send {ACAC}: true (lower-case, exactly). "
            "Without it the browser will not expose a credentialed response.",
        )
        return new_record(CorsCheck, (False, check.failure, check.chrome_reason, check.firefox_reason, False, False,
                                      check.safari_reason, value, (origin_step, *check.steps)))
    creds_step = (id_creds, PASS, _ACAC_TRUE, "Credentials are included and the server allows them.", SPEC_CORS_CHECK)
    return new_record(CorsCheck, (True, None, None, None, False, False, None, value, (origin_step, creds_step)))


def _fail(value: str | None, step_id: str, code: str, chrome: str, firefox: str, safari: str, summary: str,
          detail: str, *, quote: bool = False, status: bool = False) -> CorsCheck:
    """A failed check: one fail step, and each browser's reason."""
    step = (step_id, FAIL, summary, detail, SPEC_CORS_CHECK)
    return new_record(CorsCheck, (False, code, chrome, firefox, quote, status, safari, value, (step,)))


def _chrome_multiple(combined: str, suffix: str) -> str:
    return (f"The 'Access-Control-Allow-Origin' header contains multiple values '{encode_hint(combined)}', "
            f"but only one is allowed.{suffix}")
