"""Find a browser's message in pasted text, with the patterns compiled from the catalogue.

The first message found wins, in this order: Chrome's CORS frame (current and old forms) with
its reason, Firefox's frame and its warning, Safari's reason line (with the URL from its
"… cannot load" line), that line alone, the messages outside fetch, and last a bare Chrome reason.
"""

from __future__ import annotations

import re

from ..messages import CHROME, CURRENT, FIREFOX, SAFARI
from ..messages.codes import Failure as F
from . import patterns as p
from .normalise import MAX_TEXT, decode_hint, normalise, status_code
from .records import Recognised
from .tables import (
    CHROME_PREFLIGHT,
    CREDENTIALS,
    FIREFOX_PREFLIGHT,
    REASON_ONLY,
    SAFARI_PREFLIGHT,
    SHARED_SENTENCE,
    TABLES,
    ChromeReason,
)

# Fields that are not the value a message quotes (its hint).
_FRAME_FIELDS = frozenset(
    {"url", "initial_url", "origin", "kind", "api", "status", "reason", "scheme", "target_scheme"}
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


def _chrome_reason(rest: str) -> tuple[ChromeReason, re.Match[str], int] | None:
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
    """Safari prints the reason on one line and its ``frame.cors`` line (with the URL) on the next."""
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
            variant=SHARED_SENTENCE.get((browser, entry.code), entry.wording.era),
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
