"""A pasted ``curl …`` command (as DevTools' "Copy as cURL" writes it, or by hand) as a scenario.

Parsed with ``shlex.split`` (bash-style quoting; ``$'…'`` strings and line continuations too).
The method, URL, headers, body and cookies become the scenario's request; the page is the
``Origin`` header's origin, else ``page`` given by the caller. Headers only the browser sets
(Cookie, Sec-Fetch-*, User-Agent…) are not script headers: they say mode, credentials and
resource type, and are left out of the request. An option this does not model is an error
naming it, never silently dropped.
"""

from __future__ import annotations

import codecs
import re
import shlex
from typing import Any

import policy_core
from policy_core import ScenarioError
from policy_core.headers import parse_header_line

from .har import BROWSER_SET_HEADERS

# Options that take a value and change nothing the browser would do differently (output, timing, TLS
# and transport choices of curl itself).
IGNORED_WITH_VALUE = frozenset({
    "-o", "--output", "-m", "--max-time", "--connect-timeout", "-w", "--write-out", "--retry",
    "--cacert", "--capath", "-E", "--cert", "--key", "--resolve", "--limit-rate", "-x", "--proxy",
})
IGNORED_FLAGS = frozenset({
    "-s", "--silent", "-S", "--show-error", "-v", "--verbose", "-i", "--include", "-k", "--insecure",
    "-L", "--location", "--compressed", "-g", "--globoff", "--http1.1", "--http2", "--http2-prior-knowledge",
    "-f", "--fail", "-#", "--progress-bar", "-N", "--no-buffer", "--fail-with-body", "-sS", "-Ss",
})
DATA_OPTIONS = frozenset({"-d", "--data", "--data-raw", "--data-binary", "--data-ascii", "--data-urlencode", "--json"})
# Sec-Fetch-Dest -> the engine's resource type.
_RESOURCE_OF_DEST = {"empty": "fetch", "image": "image", "script": "script", "iframe": "iframe", "frame": "iframe"}


def parse_curl(command: str) -> list[str]:
    """The command's words; ``$'…'`` (bash ANSI-C quoting, used by "Copy as cURL") decoded."""
    text = command.strip()
    text = re.sub(r"\\\r?\n", " ", text)  # line continuations
    decoded: list[str] = []

    def ansi_c(match: re.Match[str]) -> str:
        try:
            body = codecs.decode(match.group(1).encode("latin-1", "backslashreplace"), "unicode_escape")
        except UnicodeDecodeError:
            raise ScenarioError("curl", f"the string $'{match.group(1)[:40]}' has an escape this does not read") from None
        decoded.append(body)
        return f"'\0{len(decoded) - 1}\0'"  # a placeholder no pasted text contains (NUL cannot be typed)

    if "\0" in text:
        raise ScenarioError("curl", "the command contains a NUL character")
    text = re.sub(r"\$'((?:[^'\\]|\\.)*)'", ansi_c, text)
    try:
        words = shlex.split(text)
    except ValueError as exc:
        raise ScenarioError("curl", f"cannot split the command: {exc}") from None
    return [re.sub("\0(\\d+)\0", lambda m: decoded[int(m.group(1))], word) for word in words]


def curl_to_mapping(command: str, page: str | None = None) -> tuple[dict[str, Any], list[str]]:
    """The scenario mapping and notes for a curl command. Bad input raises ScenarioError naming the option."""
    words = parse_curl(command)
    if not words:
        raise ScenarioError("curl", "the command is empty")
    if words[0] == "curl":
        words = words[1:]
    method: str | None = None
    url: str | None = None
    headers: list[tuple[str, str]] = []
    data: list[str] = []
    cookies: list[str] = []
    notes: list[str] = []
    head = False
    index = 0
    while index < len(words):
        word = words[index]
        option, value = word, None
        if word.startswith("--") and "=" in word:
            option, value = word.split("=", 1)

        def take(opt: str = option, inline: str | None = value) -> str:
            nonlocal index
            if inline is not None:
                return inline
            index += 1
            if index >= len(words):
                raise ScenarioError(f"curl {opt}", "expects a value")
            return words[index]

        if option in ("-X", "--request"):
            method = take()
        elif option in ("-H", "--header"):
            line = take()
            parsed = parse_header_line(line)
            if parsed is None:
                raise ScenarioError(f"curl {option}", f"expected 'Name: value', got {line!r}")
            headers.append(parsed)
        elif option in DATA_OPTIONS:
            data.append(take())
            if option == "--json":
                headers.append(("Content-Type", "application/json"))
        elif option in ("-b", "--cookie"):
            cookie = take()
            if "=" not in cookie:
                raise ScenarioError(f"curl {option}", f"{cookie!r} names a cookie file, which is not read; give -b 'name=value'")
            cookies.append(cookie)
        elif option in ("-u", "--user"):
            take()
            headers.append(("Authorization", "Basic REDACTED"))
        elif option in ("-e", "--referer"):
            headers.append(("Referer", take()))
        elif option in ("-A", "--user-agent"):
            take()
        elif option in ("-I", "--head"):
            head = True
        elif option == "--url":
            url = take()
        elif option in IGNORED_WITH_VALUE:
            take()
        elif option in IGNORED_FLAGS:
            pass
        elif option.startswith("-") and option != "-":
            raise ScenarioError("curl", f"the option {option} is not modelled; remove it or describe the request by hand")
        elif url is None:
            url = word
        else:
            raise ScenarioError("curl", f"a second URL {word!r}; import one request at a time")
        index += 1
    if url is None:
        raise ScenarioError("curl", "no URL in the command")
    if "://" not in url:
        url = "http://" + url  # curl's own default scheme
        notes.append(f"no scheme in the URL: curl uses http://, so the target is {url}")
    if method is None:
        method = "HEAD" if head else ("POST" if data else "GET")
    lowered = {name.lower(): value for name, value in headers}
    if data and "content-type" not in lowered:
        headers.append(("Content-Type", "application/x-www-form-urlencoded"))
        notes.append("curl sends a body with Content-Type: application/x-www-form-urlencoded unless told otherwise")
        lowered["content-type"] = "application/x-www-form-urlencoded"
    if "cookie" in lowered:
        cookies.append(lowered["cookie"])

    origin = lowered.get("origin")
    if origin and origin != "null":
        page_url = origin.rstrip("/") + "/"
        referer = lowered.get("referer")
        if referer and _origin(referer) == _origin(page_url):
            page_url = referer
    elif page:
        page_url = page
    else:
        hint = f" (the Referer says {lowered['referer']})" if lowered.get("referer") else ""
        raise ScenarioError("--page", f"the command has no Origin header: give the page's URL with --page{hint}")

    dest = (lowered.get("sec-fetch-dest") or "empty").lower()
    resource = _RESOURCE_OF_DEST.get(dest)
    if resource is None:
        raise ScenarioError("curl -H", f"Sec-Fetch-Dest: {dest} is a request the engine does not model yet")
    request: dict[str, Any] = {}
    if resource == "fetch":
        if method != "GET":
            request["method"] = method
        mode = (lowered.get("sec-fetch-mode") or "cors").lower()
        if mode in ("no-cors", "same-origin"):
            request["mode"] = mode
        if cookies:
            request["credentials"] = "include"
            notes.append("cookies were sent, so credentials is include (cookie values are not kept)")
        author = [[n, v] for n, v in headers if not _browser_set(n)]
        if author:
            request["headers"] = author
    elif resource in ("image", "script") and (lowered.get("sec-fetch-mode") or "").lower() == "cors":
        request["crossorigin"] = "use-credentials" if cookies else "anonymous"
    mapping: dict[str, Any] = {"version": 1, "page": page_url, "target": url, "resources": [resource]}
    if request:
        mapping["request"] = request
    policy_core.load_scenario(mapping)  # every value checked now, with the engine's one-line errors
    return mapping, notes


def _origin(url: str) -> str | None:
    try:
        return policy_core.parse_url(url).origin.serialize()
    except ScenarioError:
        return None


def _browser_set(name: str) -> bool:
    lowered = name.lower()
    return lowered in BROWSER_SET_HEADERS or lowered.startswith(("sec-", "proxy-")) or lowered in ("accept", "accept-language")


# Options whose value is the next word (or ``--opt=value``), as curl_to_mapping reads them.
_WITH_VALUE = DATA_OPTIONS | IGNORED_WITH_VALUE | frozenset({
    "-X", "--request", "-H", "--header", "-b", "--cookie", "-u", "--user", "-e", "--referer", "-A",
    "--user-agent", "--url",
})


def unmodelled_options(command: str) -> list[str]:
    """Every option of ``command`` that ``curl_to_mapping`` does not model, in order (it names only
    the first): for one line listing them all. A command that does not split gives []."""
    try:
        words = parse_curl(command)
    except ScenarioError:
        return []
    if words and words[0] == "curl":
        words = words[1:]
    found: list[str] = []
    takes_value = False
    for word in words:
        if takes_value:
            takes_value = False
            continue
        option = word.split("=", 1)[0] if word.startswith("--") else word
        if option in _WITH_VALUE:
            takes_value = option == word
        elif option.startswith("-") and option != "-" and option not in IGNORED_FLAGS and option not in ("-I", "--head"):
            found.append(option)
    return found
