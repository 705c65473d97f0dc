"""Export and share: a scenario and its report as TOML, JSON, Markdown, curl, or server configuration.

UI-free (no rich, no Textual): ``check``, ``explain`` and the TUI all call ``export(fmt, scenario, report)``.
The server configurations allow exactly what the scenario's page needs (its origin, method,
request headers, credentials and the headers it wants to read), nothing more.
"""

from __future__ import annotations

import json
import re
import shlex
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import unquote

import tomli_w

from policy_core import Report, Scenario, ScenarioError, Verdict
from policy_core.errors import escape_unsafe, is_unsafe_char, shown
from policy_core.fetch_rules import CHROME_MAX_AGE_CAP, parse_max_age
from policy_core.headers import extract_token_list
from policy_core.report import FetchDetails

from .glyphs import OUTCOME_WORDS

# The Access-Control-Max-Age the exports suggest when the scenario's preflight gives none (or one
# browsers ignore): Chrome's cap, 2 hours; a longer cache buys nothing there. Not the browsers'
# default for an absent header, which is policy_core.fetch_rules.DEFAULT_MAX_AGE (5 seconds).
SUGGESTED_MAX_AGE = CHROME_MAX_AGE_CAP
# django-cors-headers' corsheaders.defaults.default_methods / default_headers.
DJANGO_DEFAULT_METHODS = ("DELETE", "GET", "OPTIONS", "PATCH", "POST", "PUT")
DJANGO_DEFAULT_HEADERS = (
    "accept",
    "authorization",
    "content-type",
    "user-agent",
    "x-csrftoken",
    "x-requested-with",
)


# --- what the page needs from the server ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CorsIntent:
    """What the server must allow for the page's request to work (derived from scenario and report)."""

    origin: str
    url: str
    path: str
    method: str
    request_headers: tuple[str, ...]  # the CORS-unsafe names, lower-case, as the preflight asks for them
    credentials: bool
    expose: tuple[str, ...]
    max_age: int
    preflight: bool


def _fetch_details(report: Report) -> FetchDetails | None:
    """The fetch verdict's typed facts (never its formatted lines); None without a fetch verdict."""
    verdict = report.verdict("fetch")
    return verdict.fetch if verdict is not None else None


def _credentials(scenario: Scenario, details: FetchDetails | None) -> bool:
    uses_credentials = scenario.request.crossorigin == "use-credentials"
    if details is not None:
        return details.credentials or uses_credentials
    return scenario.request.credentials == "include" or uses_credentials


def suggested_max_age(scenario: Scenario) -> int:
    """The Max-Age to send: the scenario's own, as Chrome applies it (``-1`` is 0, capped at 2 h),
    or SUGGESTED_MAX_AGE when it gives none a browser would read."""
    max_age = parse_max_age(scenario.preflight.headers)
    return max_age.chrome_seconds if max_age.parsed is not None else SUGGESTED_MAX_AGE


def cors_intent(scenario: Scenario, report: Report) -> CorsIntent:
    if report.page.opaque:
        raise ScenarioError(
            "page",
            "the page's origin is opaque (null): allowing 'null' would let every sandboxed "
            "frame and file: page read the response; serve the page from a real origin instead",
        )
    details = _fetch_details(report)
    preflight = details is not None and details.preflight
    credentials = _credentials(scenario, details)
    expose = extract_token_list(scenario.response.headers, "Access-Control-Expose-Headers").values
    if credentials:
        expose = tuple(
            name for name in expose if name != "*"
        )  # with credentials * is a literal name, not a wildcard
    return CorsIntent(
        origin=report.page.origin,
        url=scenario.target.href,
        path=scenario.target.pathname or "/",
        method=scenario.request.method,
        request_headers=details.preflight_headers if details is not None and preflight else (),
        credentials=credentials,
        expose=tuple(dict.fromkeys(name.lower() for name in expose)),
        max_age=suggested_max_age(scenario),
        preflight=preflight,
    )


# --- what a framework cannot express (each found by running the real server: tests/servers) ------

SERVER_FORMATS: tuple[str, ...] = ("nginx", "express", "flask", "fastapi", "django")
# Node's http.METHODS (its parser, llhttp, knows no other method); tests/servers checks it against node.
NODE_METHODS = frozenset(
    "ACL BIND CHECKOUT CONNECT COPY DELETE GET HEAD LINK LOCK M-SEARCH MERGE MKACTIVITY MKCALENDAR MKCOL "
    "MOVE NOTIFY OPTIONS PATCH POST PROPFIND PROPPATCH PURGE PUT QUERY REBIND REPORT SEARCH SOURCE "
    "SUBSCRIBE TRACE UNBIND UNLINK UNLOCK UNSUBSCRIBE".split()
)
# nginx's request-line parser takes only these characters in a method (else 400 Bad Request).
_NGINX_METHOD = re.compile(r"[A-Z_-]+")
# fetch() upper-cases only these methods; any other goes on the wire exactly as the page wrote it.
_FETCH_NORMALIZED = ("DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT")


def _method_advice(method: str) -> str:
    if method.upper() != method:
        return f"have the page send {method.upper()!r} (fetch() upper-cases only {', '.join(_FETCH_NORMALIZED)})"
    return "use a method the server parses, or put a server that does in front"


@dataclass(frozen=True, slots=True)
class Limit:
    """One thing a server configuration cannot say, whatever its values."""

    fmt: str
    applies: Callable[[CorsIntent], bool]
    reason: Callable[[CorsIntent], str]


LIMITS: tuple[Limit, ...] = (
    Limit(
        "nginx",
        lambda intent: _NGINX_METHOD.fullmatch(intent.method) is None,
        lambda intent: f"nginx answers the method {intent.method!r} with 400 Bad Request before any add_header "
        f"applies (its parser takes only A-Z, '_' and '-' in a method); {_method_advice(intent.method)}",
    ),
    Limit(
        "express",
        lambda intent: intent.method not in NODE_METHODS,
        lambda intent: f"Node's HTTP parser answers the method {intent.method!r} with 400 Bad Request before "
        f"Express or cors run (it knows only http.METHODS); {_method_advice(intent.method)}",
    ),
    Limit(
        "flask",
        lambda intent: intent.method.upper() != intent.method,
        lambda intent: f"Flask-CORS upper-cases its methods, so Access-Control-Allow-Methods says "
        f"{intent.method.upper()!r} and the browser, which compares {intent.method!r} case-sensitively, "
        f"fails the preflight; {_method_advice(intent.method)}",
    ),
)


def cannot_express(fmt: str, intent: CorsIntent) -> tuple[str, ...]:
    """Why the ``fmt`` configuration cannot make this request pass, whatever it says; () when it can."""
    return tuple(limit.reason(intent) for limit in LIMITS if limit.fmt == fmt and limit.applies(intent))


def server_limits(scenario: Scenario, report: Report) -> dict[str, tuple[str, ...]]:
    """Every server format that cannot express this scenario's fix, with why ({} when all can)."""
    if report.verdict("fetch") is None or report.page.opaque:
        return {}
    intent = cors_intent(scenario, report)
    found = {fmt: cannot_express(fmt, intent) for fmt in SERVER_FORMATS}
    return {fmt: reasons for fmt, reasons in found.items() if reasons}


def _cannot_express_lines(fmt: str, intent: CorsIntent, comment: str) -> list[str]:
    return [f"{comment} CANNOT EXPRESS: {escape_unsafe(reason)}; this configuration alone will not make the "
            "request pass." for reason in cannot_express(fmt, intent)]


# --- machine-readable formats ---------------------------------------------------------------------


def export_toml(scenario: Scenario, report: Report) -> str:
    return tomli_w.dumps(scenario.to_mapping())


def export_json(scenario: Scenario, report: Report) -> str:
    data = report.to_dict()
    limits = server_limits(scenario, report)
    if limits:  # an addition to the report's shape, only when some server configuration cannot do it
        data["cannot_express"] = {fmt: list(reasons) for fmt, reasons in limits.items()}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


# curl expands [1-9] and {a,b} in a URL into many requests; --globoff turns that off.
_CURL_GLOB = frozenset("[]{}")


def curl_commands(scenario: Scenario, report: Report) -> list[list[str]]:
    """The preflight (when the browser sends one) and the actual request, as argv lists."""
    url = scenario.target.href
    curl = ["curl", "--globoff"] if _CURL_GLOB & set(url) else ["curl"]
    commands: list[list[str]] = []
    details = _fetch_details(report)
    if details is not None and details.preflight:
        preflight = [*curl, "-i", "-X", "OPTIONS", url, "-H", f"Origin: {report.page.origin}"]
        preflight += ["-H", f"Access-Control-Request-Method: {details.preflight_method}"]
        if details.preflight_headers:
            preflight += ["-H", f"Access-Control-Request-Headers: {','.join(details.preflight_headers)}"]
        commands.append(preflight)
    actual = [*curl, "-i", "-X", scenario.request.method, url, "-H", f"Origin: {report.page.origin}"]
    for name, value in scenario.request.headers:
        actual += ["-H", f"{name}: {value}"]
    if _credentials(scenario, details) and scenario.cookie is not None:
        actual += ["--cookie", f"{scenario.cookie.name}={scenario.cookie.value}"]
    commands.append(actual)
    return commands


def export_curl(scenario: Scenario, report: Report) -> str:
    commands = curl_commands(scenario, report)
    out: list[str] = []
    if len(commands) == 2:
        out += [
            "# 1. The CORS preflight the browser sends first (no cookies, ever):",
            shlex.join(commands[0]),
            "",
        ]
        out.append("# 2. The actual request, with the page's Origin:")
    else:
        out.append("# The request the browser sends (no preflight needed), with the page's Origin:")
    out.append(shlex.join(commands[-1]))
    return "\n".join(out) + "\n"


# --- Markdown ---------------------------------------------------------------------------------------


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _code(text: str) -> str:
    """Inline code that survives backticks inside the text."""
    fence = "`"
    while fence in text:
        fence += "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _block(text: str, lang: str = "text") -> list[str]:
    fence = "```"
    while fence in text:
        fence += "`"
    return [f"{fence}{lang}", text, fence]


def _capabilities(verdict: Verdict) -> str:
    return " · ".join(f"{name} {'✔' if allowed else '✘'}" for name, allowed in verdict.can)


def export_markdown(scenario: Scenario, report: Report) -> str:
    title = scenario.title or f"{report.page.origin} → {report.target.url}"
    out = [f"## {_cell(title)}", ""]
    out += [
        "| | page | target |",
        "|---|---|---|",
        f"| URL | {_cell(_code(report.page.url))} | {_cell(_code(report.target.url))} |",
        f"| origin | {_cell(_code(report.page.origin))} | {_cell(_code(report.target.origin))} |",
        f"| site | {_cell(_code(report.page.site))} | {_cell(_code(report.target.site))} |",
        "",
    ]
    differs = (
        f" ({', '.join(report.origin_diff)} differ{'s' if len(report.origin_diff) == 1 else ''})"
        if report.origin_diff and not report.same_origin
        else ""
    )
    out += [
        f"Same origin: **{'yes' if report.same_origin else 'no'}**{differs} · "
        f"same site: **{'yes' if report.same_site else 'no'}**",
        "",
    ]
    out += ["| resource | outcome | the page can |", "|---|---|---|"]
    out += [f"| {v.resource} | {OUTCOME_WORDS[v.outcome]} | {_capabilities(v)} |" for v in report.verdicts]
    for verdict in report.verdicts:
        failing = [step for step in verdict.trace if step.result == "fail"]
        if not (verdict.console.chrome or failing or verdict.fixes or verdict.warnings):
            continue
        out += ["", f"### {verdict.resource}: {OUTCOME_WORDS[verdict.outcome]}"]
        if verdict.console.chrome:
            out += ["", "Chrome console:", "", *_block(verdict.console.chrome)]
        if failing:
            out += ["", "Why:", ""]
            for step in failing:
                out.append(f"- ✘ {_code(step.id)}: {step.summary} ({step.spec})")
                out += [f"  {line}" for line in step.detail.splitlines() if line.strip()]
        if verdict.fixes:
            out += ["", "Fix:", ""]
            for fix in verdict.fixes:
                first, _, rest = fix.partition("\n")
                out.append(f"- {first}")
                if rest:  # header lines or code: keep them verbatim in a block under the item
                    out += ["", *(f"  {line}" for line in _block(rest)), ""]
        if verdict.warnings:
            out += ["", "Warnings:", ""]
            out += [f"- ⚠ {warning}" for warning in verdict.warnings]
    limits = server_limits(scenario, report)
    if limits:
        out += ["", "### Server configurations that cannot express the fix", ""]
        out += [f"- ✘ {fmt}: {_cell(reason)}" for fmt, reasons in limits.items() for reason in reasons]
    if report.expectations:
        out += ["", "| expectation | expected | actual | |", "|---|---|---|---|"]
        out += [
            f"| {_cell(e.path)} | {str(e.expected).lower()} | {str(e.actual).lower()} | "
            f"{'✔ met' if e.met else '✘ not met'} |"
            for e in report.expectations
        ]
    out += ["", "_Made with origin-playground._"]
    # Values the user typed reach the report's sentences (a cookie's value in a fix): shown escaped,
    # never as a control character or a bidi override in a bug report.
    return escape_unsafe("\n".join(out), keep="\n") + "\n"


# --- server configuration ---------------------------------------------------------------------------


def _js(values: tuple[str, ...] | list[str]) -> str:
    return "[" + ", ".join(json.dumps(v) for v in values) + "]"


def _py(values: tuple[str, ...] | list[str]) -> str:
    return "[" + ", ".join(json.dumps(v) for v in values) + "]"


def _py_tuple(defaults: str, extra: list[str]) -> str:
    """``(*defaults, "a", "b")``, or ``(*defaults,)``: a valid Python tuple either way."""
    return (
        "(" + ", ".join([f"*{defaults}", *(json.dumps(v) for v in extra)]) + ("," if not extra else "") + ")"
    )


def _comment(intent: CorsIntent) -> str:
    # User text in a comment line: nothing in it may end the line (URLs are ASCII, but be sure).
    return escape_unsafe(f"CORS for pages on {intent.origin} calling {intent.url} ({intent.method})")


# --- nginx: every value is a double-quoted string, or the export is refused -----------------------


def _nginx_string(value: str, field: str) -> str:
    """``value`` as an nginx double-quoted string: ``\\`` and ``"`` escaped.

    ``$`` is refused: add_header interpolates variables and nginx has no escape for a literal
    ``$``, so ``https://a$host.com`` would silently become another origin. Controls are refused too.
    """
    if "$" in value:
        raise ScenarioError(
            field,
            f"{shown(value)} contains '$', which nginx reads as a variable and cannot escape; "
            "no nginx configuration is exported for it",
        )
    if any(is_unsafe_char(ch) for ch in value):
        raise ScenarioError(field, f"{shown(value)} contains a control character; no nginx configuration is exported")
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _nginx_location(path: str) -> str:
    """The location prefix nginx matches: the decoded, slash-merged path; quoted unless plain."""
    try:
        decoded = unquote(path, errors="strict")
    except UnicodeDecodeError:
        raise ScenarioError(
            "target", f"the path {shown(path)} is not UTF-8 once decoded; no nginx location matches it"
        ) from None
    decoded = re.sub("/{2,}", "/", decoded)  # merge_slashes, on by default
    if any(is_unsafe_char(ch) for ch in decoded):
        raise ScenarioError("target", f"the path {shown(path)} decodes to a control character; no nginx location is exported")
    if _NGINX_PLAIN.fullmatch(decoded):
        return decoded
    return '"' + decoded.replace("\\", "\\\\").replace('"', '\\"') + '"'


_NGINX_PLAIN = re.compile(r"/[A-Za-z0-9/._~!*()+,=:@-]*")


def export_nginx(scenario: Scenario, report: Report) -> str:
    intent = cors_intent(scenario, report)
    origin = _nginx_string(intent.origin, "page")
    method = _nginx_string(intent.method, "request.method")
    location = _nginx_location(intent.path)
    out = [*_cannot_express_lines("nginx", intent, "#"), f"# nginx: {_comment(intent)}", f"location {location} {{"]
    if intent.preflight:
        out += [
            "    # The preflight: answer OPTIONS here, without passing it to the application.",
            "    if ($request_method = OPTIONS) {",
            f"        add_header Access-Control-Allow-Origin {origin} always;",
            f"        add_header Access-Control-Allow-Methods {method} always;",
        ]
        if intent.request_headers:
            allowed = _nginx_string(", ".join(intent.request_headers), "request.headers")
            out.append(f"        add_header Access-Control-Allow-Headers {allowed} always;")
        if intent.credentials:
            out.append('        add_header Access-Control-Allow-Credentials "true" always;')
        out += [
            f'        add_header Access-Control-Max-Age "{intent.max_age}" always;',
            '        add_header Vary "Origin" always;',
            "        return 204;",
            "    }",
        ]
    out.append(f"    add_header Access-Control-Allow-Origin {origin} always;")
    if intent.credentials:
        out.append('    add_header Access-Control-Allow-Credentials "true" always;')
    if intent.expose:
        exposed = _nginx_string(", ".join(intent.expose), "response.headers")
        out.append(f"    add_header Access-Control-Expose-Headers {exposed} always;")
    out += [
        '    add_header Vary "Origin" always;  # caches must not serve one origin\'s answer to another',
        "    # ... your existing proxy_pass / root lines ...",
        "}",
    ]
    return "\n".join(out) + "\n"


def export_express(scenario: Scenario, report: Report) -> str:
    intent = cors_intent(scenario, report)
    out = [
        *_cannot_express_lines("express", intent, "//"),
        f"// Express + the cors package (npm install cors): {_comment(intent)}",
        'const cors = require("cors");',
        "",
        "const corsOptions = {",
        f"  origin: {json.dumps(intent.origin)},  // a string origin: cors also sends Vary: Origin",
        f"  methods: {_js([intent.method])},",
    ]
    if intent.request_headers:
        out.append(f"  allowedHeaders: {_js(intent.request_headers)},")
    if intent.expose:
        out.append(f"  exposedHeaders: {_js(intent.expose)},")
    if intent.credentials:
        out.append("  credentials: true,")
    out += [
        f"  maxAge: {intent.max_age},",
        "};",
        "",
        "app.use(cors(corsOptions));  // before your routes: it also answers the OPTIONS preflight",
    ]
    return "\n".join(out) + "\n"


# Flask-CORS reads a string with any of these characters as a regular expression, matched from
# the start only: "http://[::1]:3000" would then match nothing (and "a.b" more than itself).
_FLASK_REGEX_HINTS = frozenset("*\\]?$^[]()")


def _flask_is_regex(value: str) -> bool:
    return not _FLASK_REGEX_HINTS.isdisjoint(value)


def _flask_needs_re(intent: CorsIntent) -> bool:
    return any(_flask_is_regex(value) for value in (intent.origin, *intent.request_headers))


def _flask_patterns(values: tuple[str, ...] | list[str]) -> str:
    """Each value as Flask-CORS will compare it: a plain string, or an anchored re.compile of the
    literal when Flask-CORS would take the string for a regular expression."""
    written = [
        f're.compile(re.escape({json.dumps(value)}) + r"\\Z")' if _flask_is_regex(value) else json.dumps(value)
        for value in values
    ]
    return "[" + ", ".join(written) + "]"


def export_flask(scenario: Scenario, report: Report) -> str:
    intent = cors_intent(scenario, report)
    out = [
        *_cannot_express_lines("flask", intent, "#"),
        f"# Flask-CORS (pip install flask-cors): {_comment(intent)}",
        *(["import re", ""] if _flask_needs_re(intent) else []),
        "from flask_cors import CORS",
        "",
        "",
        "@app.after_request",
        "def vary_on_origin(response):",
        "    # Flask-CORS sends Vary: Origin only when more than one origin could match, yet other pages",
        "    # get no Access-Control-Allow-Origin: the answer varies on Origin, so caches must key on it.",
        '    response.vary.add("Origin")',
        "    return response",
        "",
        "",
        "CORS(",
        "    app,",
        f"    origins={_flask_patterns([intent.origin])},",
        f"    methods={_py([intent.method])},",
    ]
    if intent.request_headers:
        out.append(f"    allow_headers={_flask_patterns(intent.request_headers)},")
    if intent.expose:
        out.append(f"    expose_headers={_py(intent.expose)},")
    if intent.credentials:
        out.append("    supports_credentials=True,")
    out += [f"    max_age={intent.max_age},", ")"]
    return "\n".join(out) + "\n"


def export_fastapi(scenario: Scenario, report: Report) -> str:
    intent = cors_intent(scenario, report)
    out = [
        *_cannot_express_lines("fastapi", intent, "#"),
        f"# FastAPI / Starlette CORSMiddleware: {_comment(intent)}",
        "from fastapi.middleware.cors import CORSMiddleware",
        "",
        "app.add_middleware(",
        "    CORSMiddleware,",
        f"    allow_origins={_py([intent.origin])},",
        f"    allow_methods={_py([intent.method])},",
    ]
    if intent.request_headers:
        out.append(f"    allow_headers={_py(intent.request_headers)},")
    if intent.expose:
        out.append(f"    expose_headers={_py(intent.expose)},")
    if intent.credentials:
        out.append("    allow_credentials=True,")
    out += [f"    max_age={intent.max_age},", ")  # a listed origin is echoed back with Vary: Origin"]
    return "\n".join(out) + "\n"


def export_django(scenario: Scenario, report: Report) -> str:
    intent = cors_intent(scenario, report)
    extra_methods = [m for m in (intent.method,) if m not in DJANGO_DEFAULT_METHODS]
    extra_headers = [h for h in intent.request_headers if h not in DJANGO_DEFAULT_HEADERS]
    methods_note = f"  # default_methods include {intent.method}" if not extra_methods else ""
    out = [
        *_cannot_express_lines("django", intent, "#"),
        f"# settings.py, django-cors-headers (pip install django-cors-headers): {_comment(intent)}",
        "from corsheaders.defaults import default_headers, default_methods",
        "",
        'INSTALLED_APPS += ["corsheaders"]',
        'MIDDLEWARE.insert(0, "corsheaders.middleware.CorsMiddleware")  # as high as possible',
        "",
        f"CORS_ALLOWED_ORIGINS = {_py([intent.origin])}",
        f"CORS_ALLOW_METHODS = {_py_tuple('default_methods', extra_methods)}{methods_note}",
    ]
    if intent.request_headers:
        covered = [h for h in intent.request_headers if h in DJANGO_DEFAULT_HEADERS]
        note = f"  # default_headers include {', '.join(covered)}" if covered else ""
        out.append(f"CORS_ALLOW_HEADERS = {_py_tuple('default_headers', extra_headers)}{note}")
    if intent.expose:
        out.append(f"CORS_EXPOSE_HEADERS = {_py(intent.expose)}")
    if intent.credentials:
        out.append("CORS_ALLOW_CREDENTIALS = True")
    out += [f"CORS_PREFLIGHT_MAX_AGE = {intent.max_age}", "# django-cors-headers adds Vary: Origin itself."]
    return "\n".join(out) + "\n"


EXPORTERS: dict[str, Callable[[Scenario, Report], str]] = {
    "toml": export_toml,
    "json": export_json,
    "markdown": export_markdown,
    "curl": export_curl,
    "nginx": export_nginx,
    "express": export_express,
    "flask": export_flask,
    "fastapi": export_fastapi,
    "django": export_django,
}
EXPORT_FORMATS: tuple[str, ...] = tuple(EXPORTERS)


def export(fmt: str, scenario: Scenario, report: Report) -> str:
    """``scenario`` and its ``report`` in format ``fmt`` (one of EXPORT_FORMATS); ScenarioError for a bad fmt."""
    exporter = EXPORTERS.get(fmt)
    if exporter is None:
        raise ScenarioError(
            "format", f"unknown export format {fmt!r}; expected one of {', '.join(EXPORT_FORMATS)}"
        )
    return exporter(scenario, report)


def describe(fmt: str) -> str:
    """A one-line description of a format, for menus and --help."""
    return _DESCRIPTIONS[fmt]


_DESCRIPTIONS: dict[str, str] = {
    "toml": "the scenario as a TOML file (opens in the workbench and in check)",
    "json": "the report as JSON (the documented format)",
    "markdown": "the report as Markdown, for a bug report or a chat",
    "curl": "curl commands reproducing the preflight and the actual request",
    "nginx": "nginx configuration for the fix",
    "express": "Express configuration (cors package) for the fix",
    "flask": "Flask-CORS configuration for the fix",
    "fastapi": "FastAPI / Starlette CORSMiddleware configuration for the fix",
    "django": "django-cors-headers settings for the fix",
}

__all__ = [
    "EXPORT_FORMATS",
    "SERVER_FORMATS",
    "CorsIntent",
    "cannot_express",
    "cors_intent",
    "curl_commands",
    "describe",
    "export",
    "server_limits",
]
