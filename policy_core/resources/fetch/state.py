"""What the fetch verdict builds as it goes (``Out``) and the request as it travels (``Request``)."""

from __future__ import annotations

from ...console import chrome_load_line, with_line
from ...fetch_rules import HeaderClassification, is_safelisted_method
from ...origins import Url
from ...report import Console, DevtoolsIssue, FetchDetails, Trace, Verdict, unique

KIND = "fetch"  # Chrome's resource word in "Access to fetch at …"


class Out:
    """What the verdict is building: trace, console, fixes, warnings and the fetch-specific keys."""

    __slots__ = (
        "cache",
        "chrome",
        "credentials",
        "devtools",
        "exposed",
        "final_status",
        "firefox",
        "firefox_rules",
        "fixes",
        "network_error",
        "preflight",
        "preflight_headers",
        "preflight_lines",
        "preflight_method",
        "safari",
        "tainted_preflight",
        "trace",
        "warnings",
    )

    def __init__(self, *, credentials: bool, firefox_rules: bool = False) -> None:
        self.trace = Trace()
        self.fixes: list[str] = []
        self.warnings: list[str] = []
        self.chrome: str | None = None
        self.firefox: str | None = None
        self.safari: str | None = None
        self.devtools: list[DevtoolsIssue] = []
        # How the load ended, for Chrome's "Failed to load resource" line: a network error
        # (console.chrome_load_line's kinds), or the status of the response that reached the page.
        self.network_error: str | None = None
        self.final_status: int | None = None
        self.preflight = False
        self.exposed: tuple[str, ...] = ()
        self.cache: int | None = None
        # What the first preflight asks the server to allow (the exports' typed facts).
        self.preflight_lines: tuple[str, ...] = ()
        self.preflight_method: str | None = None
        self.preflight_headers: tuple[str, ...] = ()
        self.credentials = credentials  # the request's credentials mode is include
        # Follow Firefox where it decides otherwise (fetch/__init__.py plays the fetch again that way).
        self.firefox_rules = firefox_rules
        self.tainted_preflight = False  # a redirected request was preflighted with Origin: null

    def chrome_console(self) -> str | None:
        """Chrome's lines: the page's own (CORS, mixed content…), then the network layer's line."""
        return with_line(self.chrome, chrome_load_line(network_error=self.network_error, status=self.final_status))

    def verdict(self, send: bool, read: bool) -> Verdict:
        return Verdict(
            resource=KIND,
            can=(("send", send), ("read", read)),
            trace=self.trace.steps(),
            console=Console(chrome=self.chrome_console(), firefox=self.firefox, safari=self.safari),
            fixes=unique(self.fixes),
            warnings=unique(self.warnings),
            devtools=tuple(self.devtools),
            fetch=FetchDetails(
                preflight=self.preflight,
                exposed_headers=self.exposed if read else (),
                preflight_cache_seconds=self.cache,
                preflight_request=self.preflight_lines,
                preflight_method=self.preflight_method,
                preflight_headers=self.preflight_headers,
                credentials=self.credentials,
            ),
        )


class Request:
    """The request as it travels: method, headers, URL and origin change across redirects."""

    __slots__ = ("classification", "headers", "method", "origin", "tainting", "url")

    def __init__(
        self, *, method: str, classification: HeaderClassification, url: Url, origin: str, tainting: str
    ) -> None:
        self.method = method
        self.headers = classification.sent
        self.url = url
        self.origin = origin  # serialized request origin, "null" once redirect-tainted
        self.tainting = tainting  # basic | cors | opaque
        self.classification = classification

    def needs_preflight(self) -> bool:
        return not is_safelisted_method(self.method) or bool(self.classification.unsafe_names)


def request_target(url: Url) -> str:
    """The request-target of the HTTP request line: path and query, no fragment."""
    rest = url.href[len(url.origin.serialize()) :] if not url.origin.opaque else url.pathname
    return rest.partition("#")[0] or "/"


def fix_block(intro: str, lines: list[str] | tuple[str, ...]) -> str:
    """A fix that is an intro line followed by header lines to send."""
    return "\n".join([intro, *lines])
