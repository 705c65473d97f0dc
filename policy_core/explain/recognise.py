"""Find a browser's message in pasted text, with the patterns compiled from the catalogue.

The first message found wins, in this order: Chrome's CORS frame (current and old forms) with
its reason, Firefox's frame and its warning, Safari's reason line (with the URL from its
"… cannot load" line), that line alone, the messages outside fetch, and last a bare Chrome reason.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..messages import CHROME, CURRENT, FIREFOX, SAFARI, Wording
from ..messages.codes import Failure as F
from . import patterns as p
from .normalise import MAX_TEXT, decode_hint, normalise, status_code
from .reasons import CORS_CHECK_FAILURES, REASONS
from .records import Recognised

ALL = "all"
# Explain's own names for wordings that are current but not the usual one.
NO_SUFFIX = "not fetch (no suffix)"
REASON_ONLY = "reason only (no URL or origin in the text)"
VARIANT_NAMES = {
    p.SUFFIX_XHR: "XMLHttpRequest (withCredentials)",
    (
        FIREFOX,
        F.CANVAS_TAINTED,
    ): "Firefox and Safari (the same sentence is used for other security errors too)",
}
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


# Short sentences recognised only as the whole paste (they are said for other errors too), with the
# console's own decorations around them.
_WHOLE_BEFORE = r"^(?:Uncaught )?(?:SecurityError: )?"
_WHOLE_AFTER = r"(?: at :0(?::0)?)?$"
_FRAME_FIELDS = frozenset({"url", "initial_url", "origin", "kind", "api", "status", "reason"})
_HINT_ORDER = ("value", "method", "header", "location", "token", "operation", "property", "space", "schemes")


def _whole_paste(browser: str, code: F) -> bool:
    return code == F.SCRIPT_ERROR_MUTED or (browser == FIREFOX and code == F.CANVAS_TAINTED)


def framed(browser: str, code: F) -> bool:
    """Chrome's and Firefox's fetch reasons are printed inside their frame; the rest stand alone."""
    if browser not in (CHROME, FIREFOX) or REASONS[code].resource != "fetch":
        return False
    return not (browser == CHROME and code == F.AUTHORIZATION_WILDCARD)


@dataclass(frozen=True, slots=True, kw_only=True)
class _ChromeReason:
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
        reasons = [(key, w) for key, w in pairs if p.failure_of(key) in REASONS]

        def frame(base: str, browser: str, **how: bool) -> list[p.Compiled]:
            return _by_weight(
                p.compiled(k, w, **how) for k, w in frames if p.base_key(k) == base and w.browser == browser
            )

        self.chrome_frames = _by_weight([*frame(p.FRAME, CHROME), *frame(p.FRAME_REDIRECTED, CHROME)])
        self.chrome_origin = frame(p.FRAME_ORIGIN, CHROME, ends=False)
        self.chrome_status = frame(p.FRAME_STATUS, CHROME, ends=False)
        self.prefixes = [normalise(c.wording.text) + " " for c in frame(p.FRAME_PREFLIGHT, CHROME)]
        statuses = [
            p.pattern_source(c.wording.text, optional_period=True) for c in frame(p.FRAME_STATUS, FIREFOX)
        ]
        tail = f"(?: (?:{'|'.join(statuses)}))?" if statuses else ""
        self.firefox_frames = [
            re.compile(p.pattern_source(c.wording.text, ends=False, optional_period=True) + tail)
            for c in frame(p.FRAME, FIREFOX)
        ]
        self.firefox_warnings = frame(p.FRAME_WARNING, FIREFOX, ends=False, optional_period=True)
        self.safari_lines = [
            re.compile(p.pattern_source(c.wording.text.partition("{reason}")[2].strip()))
            for c in frame(p.FRAME, SAFARI)
            if "{reason}" in c.wording.text
        ]
        suffixes = [
            p.compiled(k, w, ends=False)
            for k, w in frames
            if p.base_key(k).startswith("suffix.") and w.browser == CHROME
        ]
        chrome = [p.compiled(k, w, ends=False) for k, w in reasons if w.browser == CHROME]
        self.chrome_reasons = sorted(
            (
                r
                for c in chrome
                if c.code and framed(CHROME, c.code)
                for r in self._with_suffixes(c, suffixes)
            ),
            key=lambda r: -r.weight,
        )
        firefox = [p.compiled(k, w) for k, w in reasons if w.browser == FIREFOX]
        self.firefox_reasons = _by_weight(c for c in firefox if c.code and framed(FIREFOX, c.code))
        self.firefox_warning_reasons = [c for c in self.firefox_reasons if c.code == F.AUTHORIZATION_WILDCARD]
        self.safari_reasons = _by_weight(p.compiled(k, w, ends=False) for k, w in self._safari_pairs(reasons))
        safari = self._safari_pairs(reasons)
        self.standalone: list[p.Compiled] = []
        for key, wording in reasons:
            code = p.failure_of(key)
            if code is None or framed(wording.browser, code) or (key, wording) in safari:
                continue
            if _whole_paste(wording.browser, code):
                source = _WHOLE_BEFORE + p.pattern_source(wording.text, optional_period=True) + _WHOLE_AFTER
                entry = p.compiled(key, wording)
                self.standalone.append(
                    p.Compiled(
                        key=key,
                        base=entry.base,
                        code=code,
                        wording=wording,
                        regex=re.compile(source),
                        weight=0,
                    )
                )
            else:
                self.standalone.append(p.compiled(key, wording, ends=False))
        self.standalone = _by_weight(self.standalone)

    @staticmethod
    def _safari_pairs(reasons: list[tuple[str, Wording]]) -> list[tuple[str, Wording]]:
        """Safari's fetch reasons: found anywhere, with its "… cannot load" line for the URL."""
        return [
            (k, w)
            for k, w in reasons
            if w.browser == SAFARI and REASONS[p.failure_of(k) or ""].resource == "fetch"
        ]

    @staticmethod
    def _with_suffixes(reason: p.Compiled, suffixes: list[p.Compiled]) -> list[_ChromeReason]:
        code = reason.code
        assert code is not None
        plain = NO_SUFFIX if REASONS[code].fetch_suffix else reason.wording.era
        out = [_ChromeReason(code=code, regex=reason.regex, weight=reason.weight, variant=plain)]
        if code not in CORS_CHECK_FAILURES:
            return out
        source = p.pattern_source(reason.wording.text, ends=False)
        for suffix in suffixes:
            if not suffix_follows(suffix.key, code):
                continue
            era = suffix.wording.era
            variant = era if era != CURRENT else VARIANT_NAMES.get(suffix.base, CURRENT)
            regex = re.compile(source + " " + p.pattern_source(suffix.wording.text, ends=False))
            out.append(
                _ChromeReason(code=code, regex=regex, weight=reason.weight + suffix.weight, variant=variant)
            )
        return out


TABLES = _Tables()


def recognise(text: str) -> Recognised | None:
    """The first browser message found in ``text``, or None when none is recognised. Never raises."""
    if not isinstance(text, str):
        return None
    flat = normalise(text[:MAX_TEXT])
    if not flat:
        return None
    for finder in (_chrome, _firefox, _safari, _safari_line_only, _standalone, _chrome_bare_reason):
        found = finder(flat)
        if found is not None:
            return found
    return None


def _hint(groups: dict[str, str | None], decode: bool) -> str | None:
    names = [n for n in _HINT_ORDER if n in groups] + [n for n in groups if n not in _HINT_ORDER]
    for name in names:
        value = groups[name]
        if name not in _FRAME_FIELDS and value is not None:
            return decode_hint(value) if decode else value
    return None


def _chrome_reason(rest: str) -> tuple[_ChromeReason, re.Match[str], int] | None:
    """The reason a Chrome frame ends with, and how long its preflight prefix was."""
    skip = next((len(prefix) for prefix in TABLES.prefixes if rest.startswith(prefix)), 0)
    for reason in TABLES.chrome_reasons:
        match = reason.regex.match(rest, skip)
        if match is not None:
            return reason, match, skip
    return None


def _chrome(flat: str) -> Recognised | None:
    for frame in TABLES.chrome_frames:
        found_frame = frame.regex.search(flat)
        if found_frame is None:
            continue
        rest = found_frame.group("reason")
        found = _chrome_reason(rest)
        if found is None:
            continue
        reason, match, skip = found
        groups = found_frame.groupdict()
        current = frame.wording.era == CURRENT
        origin, status = groups.get("origin"), groups.get("status")
        if not current:  # the old frame says the origin and the status in sentences after the reason
            origin = origin or _search_group(TABLES.chrome_origin, rest, "origin")
            status = status or _search_group(TABLES.chrome_status, rest, "status")
        end = found_frame.start("reason") + match.end() if current else len(flat)
        return Recognised(
            browser=CHROME,
            reason=reason.code,
            message=flat[found_frame.start() : end],
            url=groups.get("url"),
            initial_url=groups.get("initial_url"),
            origin=origin,
            kind=groups.get("kind") or groups.get("api"),
            preflight=bool(skip) or reason.code in CHROME_PREFLIGHT,
            hint=_hint(match.groupdict(), decode=True),
            status=status_code(status),
            credentials=True if reason.code in CREDENTIALS else None,
            variant=reason.variant if current else frame.wording.era,
        )
    return None


def _search_group(entries: list[p.Compiled], text: str, name: str) -> str | None:
    for entry in entries:
        match = entry.regex.search(text)
        if match is not None:
            return match.groupdict().get(name)
    return None


def _firefox(flat: str) -> Recognised | None:
    for frame in TABLES.firefox_frames:
        found = frame.search(flat)
        if found is None:
            continue
        reason = (found.group("reason") or "").strip()
        for entry in TABLES.firefox_reasons:
            match = entry.regex.fullmatch(reason)
            if match is None or entry.code is None:
                continue
            code = entry.code
            return Recognised(
                browser=FIREFOX,
                reason=code,
                message=found.group(0),
                url=found.group("url"),
                preflight=code.startswith("preflight") or code in FIREFOX_PREFLIGHT,
                hint=_hint(match.groupdict(), decode=True),
                status=status_code(found.groupdict().get("status")),
                credentials=True if code in CREDENTIALS else None,
                variant=entry.wording.era,
            )
        break
    for warning in TABLES.firefox_warnings:
        found = warning.regex.search(flat)
        if found is not None and any(
            r.regex.match(found.group("reason")) for r in TABLES.firefox_warning_reasons
        ):
            return Recognised(
                browser=FIREFOX,
                reason=F.AUTHORIZATION_WILDCARD,
                message=flat[found.start() :],
                url=found.group("url"),
                preflight=True,
                hint="authorization",
            )
    return None


def _safari_line(flat: str) -> re.Match[str] | None:
    return next((m for line in TABLES.safari_lines if (m := line.search(flat)) is not None), None)


def _safari(flat: str) -> Recognised | None:
    """Safari prints the reason on one line and ``… cannot load URL due to access control checks.`` on the next."""
    line = _safari_line(flat)
    for entry in TABLES.safari_reasons:
        match = entry.regex.search(flat)
        if match is None or entry.code is None:
            continue
        groups = match.groupdict()
        return Recognised(
            browser=SAFARI,
            reason=entry.code,
            message=match.group(0),
            url=line.group("url") if line else None,
            origin=groups.get("origin"),
            kind=line.group("api") if line else None,
            preflight=entry.code in SAFARI_PREFLIGHT,
            hint=_hint(groups, decode=False),
            status=status_code(groups.get("status")),
            credentials=True if entry.code in CREDENTIALS else None,
        )
    return None


def _safari_line_only(flat: str) -> Recognised | None:
    line = _safari_line(flat)
    if line is None:
        return None
    return Recognised(
        browser=SAFARI,
        reason=F.ACCESS_CONTROL_CHECKS,
        message=line.group(0),
        url=line.group("url"),
        kind=line.group("api"),
    )


def _standalone(flat: str) -> Recognised | None:
    for entry in TABLES.standalone:
        match = entry.regex.search(flat)
        if match is None or entry.code is None:
            continue
        groups = match.groupdict()
        browser = entry.wording.browser
        return Recognised(
            browser=browser,
            reason=entry.code,
            message=match.group(0),
            url=groups.get("url"),
            origin=groups.get("origin"),
            kind=groups.get("kind") or groups.get("api"),
            hint=_hint(groups, decode=False),
            preflight=entry.code == F.AUTHORIZATION_WILDCARD,
            variant=VARIANT_NAMES.get((browser, entry.code), entry.wording.era),
        )
    return None


def _chrome_bare_reason(flat: str) -> Recognised | None:
    """Only Chrome's reason sentence was pasted (or DevTools' "Access blocked by CORS policy: …")."""
    for reason in TABLES.chrome_reasons:
        if reason.code == F.INVALID_RESPONSE:
            continue  # too generic to recognise on its own
        match = reason.regex.search(flat)
        if match is not None:
            before = flat[: match.start()]
            return Recognised(
                browser=CHROME,
                reason=reason.code,
                message=match.group(0),
                preflight=any(before.endswith(prefix) for prefix in TABLES.prefixes)
                or reason.code in CHROME_PREFLIGHT,
                hint=_hint(match.groupdict(), decode=True),
                credentials=True if reason.code in CREDENTIALS else None,
                variant=REASON_ONLY,
            )
    return None
