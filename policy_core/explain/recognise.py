"""Find every browser message in pasted text, with the patterns compiled from the catalogue.

``recognise_all`` reads the paste the way a person does: it finds one message, blanks it out, and looks
again, so each message of a paste is found once (Chrome's preflight line and its fetch line, the mixed
content and the CORS line). The finders are tried in this order each time: Chrome's CORS frame (current
and old forms) with its reason, Firefox's frame and its warning, Safari's reason line (with the URL from
its "… cannot load" line), that line alone, the messages outside fetch (and Firefox's localized ones,
Edge's SEC71xx), and last a bare Chrome reason. The messages found are listed most specific first (a
wrapper or notice after the message it wraps), then in the order of the paste.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from ..errors import ScenarioError
from ..messages import CHROME, CURRENT, EDGE, FIREFOX, SAFARI
from ..messages.codes import Failure as F
from ..origins import parse_url
from . import patterns as p
from .normalise import MAX_TEXT, decode_hint, normalise, status_code
from .reasons import GENERIC
from .records import Recognised
from .tables import (
    CHROME_PREFLIGHT,
    CREDENTIALS,
    FIREFOX_PREFLIGHT,
    REASON_ONLY,
    SAFARI_PREFLIGHT,
    SHARED_SENTENCE,
    ChromeReason,
    tables,
)

# A paste holds a few messages; more than this many are not listed (each one is a search of the paste).
MAX_MESSAGES = 12
# How many places one frame is tried at before giving up (a frame whose reason is unknown is skipped).
MAX_TRIES = 40
# The character a found message is blanked out with: normalised text has no newline, and no field
# pattern crosses one.
_BLANK = "\n"

# Fields that are not the value a message quotes (its hint).
_FRAME_FIELDS = frozenset(
    {"url", "initial_url", "origin", "kind", "api", "status", "reason", "scheme", "target_scheme", "page"}
)
_HINT_ORDER = (
    "value",
    "method",
    "header",
    "location",
    "token",
    "operation",
    "property",
    "target",
    "space",
    "schemes",
)
_TRAILING_QUOTES = "\"`*"  # a closing quote, backtick or markdown star
# Chrome's network line starts "Failed to load resource: ", like its 2018 frame "Failed to load {url}: ".
NOT_A_URL = ("resource", "resource:")


@dataclass(frozen=True, slots=True)
class _Found:
    rec: Recognised
    start: int  # where the message starts in the normalised paste
    spans: tuple[tuple[int, int], ...]  # what to blank out before looking again


def recognise_all(text: str) -> list[Recognised]:
    """Every browser message found in ``text``, most specific first, then in paste order. Never raises."""
    if not isinstance(text, str):
        return []
    flat = normalise(_unescape_markdown(text[:MAX_TEXT]))
    found: list[_Found] = []
    for _ in range(MAX_MESSAGES):
        one = next((f for finder in _FINDERS if (f := finder(flat)) is not None), None)
        if one is None:
            break
        found.append(one)
        flat = _blank(flat, one.spans)
    merged = _borrow_edge_urls(_merge(found))
    merged.sort(key=lambda f: (f.rec.reason in GENERIC, f.start))
    return [f.rec for f in merged]


def recognise(text: str) -> Recognised | None:
    """The first (most specific) browser message found in ``text``, or None. Never raises."""
    found = recognise_all(text)
    return found[0] if found else None


# --- helpers -----------------------------------------------------------------------------------------


def _unescape_markdown(text: str) -> str:
    r"""Markdown's escaped backticks (\`local\`) are the console's backticks."""
    return text.replace("\\`", "`")


def _blank(flat: str, spans: tuple[tuple[int, int], ...]) -> str:
    for start, end in spans:
        flat = flat[:start] + _BLANK * (end - start) + flat[end:]
    return flat


def _searches(regex: re.Pattern[str], flat: str) -> Iterator[re.Match[str]]:
    """The matches of ``regex`` at successive places (a frame whose reason is unknown is tried further on)."""
    pos = 0
    for _ in range(MAX_TRIES):
        match = regex.search(flat, pos)
        if match is None:
            return
        yield match
        pos = match.start() + 1


def _clean_url(url: str | None) -> str | None:
    """A URL as written; a closing quote or backtick the pattern took along is not part of it."""
    if url and url[-1] in _TRAILING_QUOTES and url[0] != url[-1]:
        return url.rstrip(_TRAILING_QUOTES)
    return url


def _origin_of(page: str | None) -> str | None:
    """The page's origin, from the page URL a message names (as written when it is no URL)."""
    if not page:
        return page
    try:
        return parse_url(page).origin.serialize()
    except ScenarioError:
        return page


def _kind_of(what: str | None) -> str | None:
    """Chrome's mixed-content resource word (script, image, XMLHttpRequest endpoint) as a verdict kind."""
    words = (what or "").lower()
    return next((kind for kind in ("script", "image") if kind in words), None)


def _hint(groups: dict[str, str | None], decode: bool) -> str | None:
    names = [n for n in _HINT_ORDER if n in groups] + [n for n in groups if n not in _HINT_ORDER]
    for name in names:
        value = groups[name]
        if name not in _FRAME_FIELDS and value is not None:
            return decode_hint(value) if decode else value
    return None


def _compatible(a: Recognised, b: Recognised) -> bool:
    """The same message found twice (Safari's reason on its own line and inside its frame)."""
    if (a.browser, a.reason, a.language) != (b.browser, b.reason, b.language):
        return False
    if a.message not in b.message and b.message not in a.message:
        return False  # two messages of the same failure (a canvas's toDataURL and its getImageData)
    return all(x is None or y is None or x == y for x, y in ((a.url, b.url), (a.origin, b.origin), (a.hint, b.hint)))


def _richness(rec: Recognised) -> int:
    return sum(value is not None for value in (rec.url, rec.origin, rec.hint, rec.status))


def _merge(found: list[_Found]) -> list[_Found]:
    out: list[_Found] = []
    for one in found:
        twin = next((i for i, kept in enumerate(out) if _compatible(kept.rec, one.rec)), None)
        if twin is None:
            out.append(one)
            continue
        kept = out[twin]
        richer = one.rec if _richness(one.rec) > _richness(kept.rec) else kept.rec
        out[twin] = _Found(richer, min(kept.start, one.start), kept.spans + one.spans)
    return out


def _borrow_edge_urls(found: list[_Found]) -> list[_Found]:
    """IE's SEC7120-SEC7123 name no URL: it is on the SEC7118/SEC7119 notice of the same request."""
    notices = [f for f in found if f.rec.browser == EDGE and f.rec.reason == F.CORS_REQUEST_NOTICE and f.rec.url]
    out = []
    for one in found:
        if one.rec.browser == EDGE and one.rec.url is None and notices:
            before = [n for n in notices if n.start < one.start] or notices
            one = _Found(replace(one.rec, url=before[-1].rec.url), one.start, one.spans)
        out.append(one)
    return out


# --- Chrome ------------------------------------------------------------------------------------------


def _chrome_reason(flat: str, pos: int) -> tuple[ChromeReason, re.Match[str], int] | None:
    """The reason a Chrome frame ends with, and how long its preflight prefix was."""
    skip = next((len(prefix) for prefix in tables().prefixes if flat.startswith(prefix, pos)), 0)
    for reason in tables().chrome_reasons:
        match = reason.regex.match(flat, pos + skip)
        if match is not None:
            return reason, match, skip
    return None


def _safari_reason(flat: str, pos: int) -> tuple[p.Compiled, re.Match[str]] | None:
    """WebKit's reason after its old ``XMLHttpRequest cannot load URL.`` frame (Safari, and Chrome up to 27)."""
    for entry in tables().safari_reasons:
        match = entry.regex.match(flat, pos)
        if match is not None:
            return entry, match
    return None


def _after_sentences(flat: str, pos: int) -> tuple[dict[str, str | None], int]:
    """Old Chrome's sentences after its reason ("Origin 'X' is therefore not allowed access.", the status)."""
    values: dict[str, str | None] = {}
    chrome = tables()
    sentences = [(e, "origin") for e in chrome.chrome_origin] + [(e, "status") for e in chrome.chrome_status]
    progress = True
    while progress:
        progress = False
        start = pos + 1 if flat.startswith(" ", pos) else pos
        for entry, name in sentences:
            if name in values:
                continue
            match = entry.regex.match(flat, start)
            if match is not None:
                values[name] = match.group(name)
                pos, progress = match.end(), True
                break
    return values, pos


def _chrome(flat: str) -> _Found | None:
    for frame in tables().chrome_frames:
        for found_frame in _searches(frame.regex, flat):
            found = _chrome_from(flat, frame, found_frame)
            if found is not None:
                return found
    return None


def _chrome_from(flat: str, frame: p.Compiled, found_frame: re.Match[str]) -> _Found | None:
    pos = found_frame.start("reason")
    groups = found_frame.groupdict()
    if groups.get("url") in NOT_A_URL:
        return None  # "Failed to load resource: …" is Chrome's network line, not its old CORS frame
    reason_groups: dict[str, str | None]
    current = frame.wording.era == CURRENT
    found = _chrome_reason(flat, pos)
    if found is not None:
        reason, match, skip = found
        code, browser, variant, reason_groups = reason.code, CHROME, reason.variant, match.groupdict()
        preflight = bool(skip) or code in CHROME_PREFLIGHT
    elif not current and (webkit := _safari_reason(flat, pos)) is not None:
        entry, match = webkit
        assert entry.code is not None
        code, browser, variant, reason_groups = entry.code, SAFARI, entry.wording.era, match.groupdict()
        preflight = code in SAFARI_PREFLIGHT
    else:
        return None
    end = match.end()
    origin = groups.get("origin") or reason_groups.get("origin")
    status = groups.get("status") or reason_groups.get("status")
    if "origin" not in frame.wording.fields:  # the old frames say the origin in a sentence after the reason
        after, end = _after_sentences(flat, end)
        origin = origin or after.get("origin")
        status = status or after.get("status")
    rec = Recognised(
        browser=browser,
        reason=code,
        message=flat[found_frame.start() : end],
        url=_clean_url(groups.get("url")),
        initial_url=groups.get("initial_url"),
        origin=origin,
        kind=groups.get("kind") or groups.get("api"),
        preflight=preflight,
        hint=_hint(reason_groups, decode=browser == CHROME),
        status=status_code(status),
        credentials=True if code in CREDENTIALS else None,
        variant=variant if current else frame.wording.era,
    )
    return _Found(rec, found_frame.start(), ((found_frame.start(), end),))


def _chrome_bare_reason(flat: str) -> _Found | None:
    """Only Chrome's reason sentence was pasted (or DevTools' "Access blocked by CORS policy: …")."""
    for reason in tables().chrome_reasons:
        if reason.code == F.INVALID_RESPONSE:
            continue  # too generic to recognise on its own
        match = reason.regex.search(flat)
        if match is None:
            continue
        before = flat[: match.start()]
        after, end = _after_sentences(flat, match.end())
        rec = Recognised(
            browser=CHROME,
            reason=reason.code,
            message=flat[match.start() : end],
            origin=after.get("origin"),
            preflight=any(before.endswith(prefix) for prefix in tables().prefixes) or reason.code in CHROME_PREFLIGHT,
            hint=_hint(match.groupdict(), decode=True),
            status=status_code(match.groupdict().get("status") or after.get("status")),
            credentials=True if reason.code in CREDENTIALS else None,
            variant=REASON_ONLY,
        )
        return _Found(rec, match.start(), ((match.start(), end),))
    return None


# --- Firefox -----------------------------------------------------------------------------------------


def _firefox(flat: str) -> _Found | None:
    for frame in tables().firefox_frames:
        for found in _searches(frame, flat):
            reason = (found.group("reason") or "").strip()
            for entry in tables().firefox_reasons:
                match = entry.regex.fullmatch(reason)
                if match is None or entry.code is None:
                    continue
                code = entry.code
                rec = Recognised(
                    browser=FIREFOX,
                    reason=code,
                    message=found.group(0),
                    url=_clean_url(found.group("url")),
                    preflight=code.startswith("preflight") or code in FIREFOX_PREFLIGHT,
                    hint=_hint(match.groupdict(), decode=True),
                    status=status_code(found.groupdict().get("status")),
                    credentials=True if code in CREDENTIALS else None,
                    variant=entry.wording.era,
                )
                return _Found(rec, found.start(), (found.span(),))
    for warning in tables().firefox_warnings:
        said = warning.regex.search(flat)
        if said is not None and any(r.regex.match(said.group("reason")) for r in tables().firefox_warning_reasons):
            rec = Recognised(
                browser=FIREFOX,
                reason=F.AUTHORIZATION_WILDCARD,
                message=flat[said.start() :],
                url=said.group("url"),
                preflight=True,
                hint="authorization",
            )
            return _Found(rec, said.start(), (said.span(),))
    return None


def _firefox_bare_reason(flat: str) -> _Found | None:
    """Only Firefox's "(Reason: …)" was pasted, without the sentence before it."""
    for opening in _searches(_FIREFOX_REASON, flat):
        for entry in tables().firefox_bare_reasons:
            match = entry.regex.match(flat, opening.end())
            if match is None or entry.code is None:
                continue
            rec = Recognised(
                browser=FIREFOX,
                reason=entry.code,
                message=flat[opening.start() : match.end()],
                preflight=entry.code.startswith("preflight") or entry.code in FIREFOX_PREFLIGHT,
                hint=_hint(match.groupdict(), decode=True),
                credentials=True if entry.code in CREDENTIALS else None,
                variant=REASON_ONLY,
            )
            return _Found(rec, opening.start(), ((opening.start(), match.end()),))
    return None


_FIREFOX_REASON = re.compile(r"\(?Reason: ")


# --- Safari ------------------------------------------------------------------------------------------


# How far after Safari's reason its "… cannot load {url} …" line may start (console prefixes between).
_SAFARI_LINE_GAP = 80


def _safari_line(flat: str, pos: int = 0) -> re.Match[str] | None:
    return next((m for line in tables().safari_lines if (m := line.search(flat, pos)) is not None), None)


def _safari_line_near(flat: str, reason: re.Match[str]) -> re.Match[str] | None:
    """The "… cannot load" line of this reason: right after it, else right before it (users reorder)."""
    after = _safari_line(flat, reason.end())
    if after is not None and after.start() - reason.end() <= _SAFARI_LINE_GAP:
        return after
    window = flat[max(0, reason.start() - _SAFARI_LINE_GAP - 2100) : reason.start()]
    offset = max(0, reason.start() - _SAFARI_LINE_GAP - 2100)
    before = [m for line in tables().safari_lines for m in line.finditer(window)]
    before = [m for m in before if len(window) - m.end() <= _SAFARI_LINE_GAP]
    if not before:
        return None
    last = max(before, key=lambda m: m.end())
    return _safari_line(flat, offset + last.start())


def _safari(flat: str) -> _Found | None:
    """Safari prints the reason on one line and its ``frame.cors`` line (with the URL) on the next."""
    for entry in tables().safari_reasons:
        match = entry.regex.search(flat)
        if match is None or entry.code is None:
            continue
        line = _safari_line_near(flat, match)
        groups = match.groupdict()
        rec = Recognised(
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
            variant=entry.wording.era,
        )
        spans = (match.span(),) + ((line.span(),) if line else ())
        return _Found(rec, match.start(), spans)
    return None


def _safari_line_only(flat: str) -> _Found | None:
    line = _safari_line(flat)
    if line is None:
        return None
    rec = Recognised(
        browser=SAFARI,
        reason=F.ACCESS_CONTROL_CHECKS,
        message=line.group(0),
        url=line.group("url"),
        kind=line.group("api"),
    )
    return _Found(rec, line.start(), (line.span(),))


# --- the rest: outside fetch, localized, Edge ----------------------------------------------------------


def _standalone(flat: str) -> _Found | None:
    for entry in tables().standalone:
        match = entry.regex.search(flat)
        if match is None or entry.code is None:
            continue
        groups = match.groupdict()
        browser = entry.wording.browser
        page = groups.get("page")
        kind = groups.get("kind") or groups.get("api")
        if entry.code == F.MIXED_CONTENT:
            kind = _kind_of(groups.get("what"))
        rec = Recognised(
            browser=browser,
            reason=entry.code,
            message=match.group(0),
            url=_clean_url(groups.get("url")),
            origin=groups.get("origin") or _origin_of(page),
            kind=kind,
            hint=_hint(groups, decode=False),
            preflight=entry.code == F.AUTHORIZATION_WILDCARD,
            status=status_code(groups.get("status")),
            credentials=True if entry.code in CREDENTIALS else None,
            variant=SHARED_SENTENCE.get((browser, entry.code), entry.wording.era),
            language=entry.wording.language,
        )
        return _Found(rec, match.start(), (match.span(),))
    return None


_FINDERS: tuple[Callable[[str], _Found | None], ...] = (
    _chrome,
    _firefox,
    _safari,
    _safari_line_only,
    _standalone,
    _chrome_bare_reason,
    _firefox_bare_reason,
)
