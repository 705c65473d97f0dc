"""Explain's recognition tables: every wording of the seam, compiled once and sorted by role.

A wording's role comes from its key (policy_core/messages/legacy.py lists them): a frame around a
reason, Chrome's preflight prefix and suffixes, a status or origin sentence, or a reason sentence
(its key names a ``Failure``). Within a role the most specific wording (the most literal text) is
tried first.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import cache

from ..messages import CHROME, CURRENT, FIREFOX, SAFARI, Wording
from ..messages.codes import Failure as F
from . import patterns as p
from .normalise import normalise
from .reasons import CORS_CHECK_FAILURES, REASONS

ALL = "all"  # a sentence every browser prints alike
# Explain's own names for wordings that are current but not the usual one.
NO_SUFFIX = "not from fetch(): no 'no-cors' hint at the end"  # an element's or XHR's request
REASON_ONLY = "reason only (no URL or origin in the text)"
SUFFIX_VARIANT = {p.SUFFIX_XHR: "XMLHttpRequest (withCredentials)"}
_INSECURE = "Firefox and Safari (the same sentence is used for other security errors too)"
SHARED_SENTENCE = {(FIREFOX, F.CANVAS_TAINTED): _INSECURE}
# Which failures each browser reports about the preflight, whatever the message's prefix says.
CHROME_PREFLIGHT = frozenset(
    {
        F.PREFLIGHT_INVALID_STATUS,
        F.PREFLIGHT_DISALLOWED_REDIRECT,
        F.PREFLIGHT_MISSING_ALLOW_PRIVATE_NETWORK,
        F.PREFLIGHT_INVALID_ALLOW_PRIVATE_NETWORK,
        F.PREFLIGHT_MISSING_ALLOW_EXTERNAL,
        F.PREFLIGHT_INVALID_ALLOW_EXTERNAL,
    }
)
FIREFOX_PREFLIGHT = frozenset(
    {F.INVALID_ALLOW_METHODS, F.INVALID_ALLOW_HEADERS, F.METHOD_NOT_ALLOWED, F.HEADER_NOT_ALLOWED}
)
SAFARI_PREFLIGHT = frozenset({F.PREFLIGHT_INVALID_STATUS, F.HEADER_NOT_ALLOWED, F.METHOD_NOT_ALLOWED})
CREDENTIALS = frozenset({F.WILDCARD_WITH_CREDENTIALS, F.INVALID_ALLOW_CREDENTIALS})
# Chrome's suffix sentences, and the reasons each one follows.
SUFFIX_FOLLOWS: dict[str, Callable[[F], bool]] = {
    p.SUFFIX_FETCH: lambda code: REASONS[code].fetch_suffix,
    p.SUFFIX_MISSING: lambda code: code == F.MISSING_ALLOW_ORIGIN,
    p.SUFFIX_XHR: lambda code: code in CREDENTIALS,
}


def suffix_follows(suffix_key: str, code: F) -> bool:
    """Whether Chrome appends this suffix to this reason (a suffix explain does not know: any CORS-check reason)."""
    rule = SUFFIX_FOLLOWS.get(p.base_key(suffix_key))
    return rule(code) if rule is not None else code in CORS_CHECK_FAILURES


# A console's exception name before a sentence ("SecurityError: …") is often cut from a paste.
_EXCEPTION_NAME = re.compile(r"^[A-Z]\w{0,30}Error: ")


def _short_sentence(browser: str, code: F) -> bool:
    """Short sentences said for other errors too ("Script error.", Firefox's "The operation is insecure."):
    tried after every other message, so a more telling one in the same paste wins."""
    return code == F.SCRIPT_ERROR_MUTED or (browser == FIREFOX and code == F.CANVAS_TAINTED)


def framed(wording: Wording, code: F) -> bool:
    """Chrome's and Firefox's fetch reasons are printed inside their frame; the rest stand alone (so does
    a whole message that names its URL: Firefox's localized ones, its 2014 sentence)."""
    browser = wording.browser
    if browser not in (CHROME, FIREFOX) or REASONS[code].resource != "fetch" or "url" in wording.fields:
        return False
    return not (browser == CHROME and code == F.AUTHORIZATION_WILDCARD)


@dataclass(frozen=True, slots=True, kw_only=True)
class ChromeReason:
    """A Chrome reason, maybe with one of its suffix sentences: one way a frame can end."""

    code: F
    regex: re.Pattern[str]
    weight: int
    variant: str


def _by_weight(items: Iterable[p.Compiled]) -> list[p.Compiled]:
    return sorted(items, key=lambda c: -c.weight)


class _Tables:
    """Every wording of the seam, compiled once and sorted by role, most specific first."""

    def __init__(self) -> None:
        self.pairs = pairs = p.wordings()
        frames = [(key, w) for key, w in pairs if p.failure_of(key) is None]
        # Reason sentences of the failures explain knows, by where they are printed.
        reasons = [(key, w, code) for key, w in pairs if (code := p.failure_of(key)) in REASONS and code]
        in_frame = [(key, w) for key, w, code in reasons if framed(w, code)]
        safari = [
            (key, w) for key, w, code in reasons if w.browser == SAFARI and REASONS[code].resource == "fetch"
        ]
        alone = [(key, w) for key, w, code in reasons if (key, w) not in in_frame and (key, w) not in safari]

        def frame(base: str, browser: str, **how: bool) -> list[p.Compiled]:
            return _by_weight(
                p.compiled(k, w, **how) for k, w in frames if p.base_key(k) == base and w.browser == browser
            )

        self.chrome_frames = _by_weight([*frame(p.FRAME, CHROME), *frame(p.FRAME_REDIRECTED, CHROME)])
        self.chrome_origin = frame(p.FRAME_ORIGIN, CHROME, ends=False, optional_period=True)
        self.chrome_status = frame(p.FRAME_STATUS, CHROME, ends=False, optional_period=True)
        # Chrome's preflight frame is a prefix: "… check: {reason}".
        self.prefixes = [
            normalise(c.wording.text.replace("{reason}", "")) + " " for c in frame(p.FRAME_PREFLIGHT, CHROME)
        ]
        self.firefox_frames = [
            c.regex
            for c in _by_weight(
                c for base in p.FIREFOX_FRAMES for c in frame(base, FIREFOX, ends=False, optional_period=True)
            )
        ]
        self.firefox_warnings = frame(p.FRAME_WARNING, FIREFOX, ends=False, optional_period=True)
        # Safari prints the reason, then its frame line on the next line: that line carries the URL.
        self.safari_lines = [
            re.compile(p.pattern_source(c.wording.text.rpartition("{reason}")[2].strip()))
            for c in frame(p.FRAME, SAFARI)
        ]
        suffixes = [
            p.compiled(k, w, ends=False)
            for k, w in frames
            if p.base_key(k).startswith("suffix.") and w.browser == CHROME
        ]
        chrome = [p.compiled(k, w, ends=False, cut_period=True) for k, w in in_frame if w.browser == CHROME]
        self.chrome_reasons = sorted(
            (r for c in chrome for r in self._with_suffixes(c, suffixes)), key=lambda r: -r.weight
        )
        self.firefox_reasons = _by_weight(p.compiled(k, w) for k, w in in_frame if w.browser == FIREFOX)
        self.firefox_bare_reasons = _by_weight(
            p.compiled(k, w, ends=False, cut_period=True) for k, w in in_frame if w.browser == FIREFOX
        )
        self.firefox_warning_reasons = [c for c in self.firefox_reasons if c.code == F.AUTHORIZATION_WILDCARD]
        self.safari_reasons = _by_weight(p.compiled(k, w, ends=False, cut_period=True) for k, w in safari)
        net = [
            replace(p.compiled(k, w, ends=False), code=p.NET_REASONS[k]) for k, w in pairs if k in p.NET_REASONS
        ]
        self.standalone = _by_weight([*(_standalone(key, w) for key, w in _shared(alone)), *net])

    @staticmethod
    def _with_suffixes(reason: p.Compiled, suffixes: list[p.Compiled]) -> list[ChromeReason]:
        code = reason.code
        assert code is not None
        plain = NO_SUFFIX if REASONS[code].fetch_suffix else reason.wording.era
        out = [ChromeReason(code=code, regex=reason.regex, weight=reason.weight, variant=plain)]
        if code not in CORS_CHECK_FAILURES:
            return out
        source = p.pattern_source(reason.wording.text, ends=False)
        for suffix in suffixes:
            if not suffix_follows(suffix.key, code):
                continue
            era = suffix.wording.era
            variant = era if era != CURRENT else SUFFIX_VARIANT.get(suffix.base, CURRENT)
            regex = re.compile(source + " " + p.pattern_source(suffix.wording.text, ends=False))
            out.append(
                ChromeReason(code=code, regex=regex, weight=reason.weight + suffix.weight, variant=variant)
            )
        return out


def _shared(pairs: list[tuple[str, Wording]]) -> list[tuple[str, Wording]]:
    """Every browser says some sentences alike (a muted script error): one wording of browser ``all`` for them."""
    browsers: dict[tuple[str, str, str], set[str]] = {}
    for key, w in pairs:
        browsers.setdefault((key, normalise(w.text), w.era), set()).add(w.browser)
    out: list[tuple[str, Wording]] = []
    for key, w in pairs:
        shared = browsers[(key, normalise(w.text), w.era)]
        if len(shared) < 3:
            out.append((key, w))
        elif w.browser == min(shared):  # the first browser of the three stands for all of them
            out.append((key, replace(w, browser=ALL)))
    return out


def _standalone(key: str, wording: Wording) -> p.Compiled:
    """A sentence found anywhere in the paste; its final period and a leading exception name may be cut."""
    # A template that ends in a field (a URL) takes it whole; otherwise a field stops at the next literal.
    entry = p.compiled(key, wording, ends=wording.text.endswith("}"), optional_period=True)
    code = entry.code
    if code is not None and _short_sentence(wording.browser, code):
        return replace(entry, weight=0)
    name = _EXCEPTION_NAME.match(wording.text)
    if name is None:
        return entry
    rest = p.pattern_source(wording.text[name.end() :], ends=False, optional_period=True)
    return replace(entry, regex=re.compile(f"(?:{re.escape(name.group(0))})?{rest}"))


@cache
def tables() -> _Tables:
    """The tables, built on first use: ~480 regexes (~0.05 s, ~1 MiB) that a process which never
    explains a message (``check``, the workbench until a paste) does not pay for."""
    return _Tables()
