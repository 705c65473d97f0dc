"""The catalogue's templates as bounded regular expressions, and the one seam to the catalogue.

``compile_wording`` turns a ``Wording`` template into a regex: the literal text escaped, each
``{field}`` a named group whose sub-pattern depends on the kind of field (a URL, an origin, a
status…), every quantifier bounded, so no paste makes the search superlinear. Templates and
pasted text are both normalised first (plain quotes, single spaces: ``normalise``).

``wordings()`` is the seam: every (key, Wording) explain recognises, which is every message
registered in ``policy_core.messages.CATALOGUE``.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass

from ..messages import CATALOGUE, Wording, cookies, cors, documents, subresources
from ..messages.codes import Failure
from .normalise import normalise

LEGACY_PREFIX = "legacy."
L10N_PREFIX = "l10n."

# The keys of the sentences around a reason, as the engine's area modules name them (their roles:
# policy_core/messages/legacy.py). Each is a frame with a {reason} field unless said otherwise.
FRAME = cors.FRAME  # Chrome's and Firefox's frame; Safari's line after the reason
FRAME_REDIRECTED = cors.FRAME_REDIRECTED  # Chrome's, with "(redirected from '{initial_url}')"
FRAME_QUOTED = cors.FRAME_QUOTED  # Firefox's, with the URL in quotes
FRAME_WITH_STATUS = cors.FRAME_WITH_STATUS  # Firefox's, with the status code after it
FRAME_QUOTED_WITH_STATUS = cors.FRAME_QUOTED_WITH_STATUS
FRAME_PREFLIGHT = cors.FRAME_PREFLIGHT  # Chrome's prefix before a reason about the preflight
FRAME_WARNING = cors.FRAME_WARNING  # Firefox's "Cross-Origin Request Warning: …"
FRAME_STATUS = "frame.cors.status"  # old Chrome: the status sentence after the message (legacy.py only)
FRAME_ORIGIN = "frame.cors.origin"  # old Chrome: the origin sentence after the message (legacy.py only)
SUFFIX_FETCH = cors.SUFFIX_FETCH  # Chrome's sentence after some reasons, for fetch() only
SUFFIX_MISSING = "suffix.missing-allow-origin"  # Chrome up to 132, after the missing-header reason
SUFFIX_XHR = cors.SUFFIX_XHR  # after the credentials reasons, for XMLHttpRequest
# Firefox's frames of a blocked request, by how they print the URL and the status.
FIREFOX_FRAMES = (FRAME, FRAME_QUOTED, FRAME_WITH_STATUS, FRAME_QUOTED_WITH_STATUS)
# An exception's frame around a reason that is recognised on its own (the reason is searched for anywhere).
EXCEPTION_FRAMES = frozenset({documents.SECURITY_ERROR, documents.WINDOW_PROPERTY, cookies.DOCUMENT_COOKIE})
# Sentences that name no failure explain can rebuild: browsers print them for many errors.
NOT_A_REASON = frozenset(
    {
        cors.TYPEERROR_FAILED_TO_FETCH,
        cors.TYPEERROR_URL_CREDENTIALS,
        cors.TYPEERROR_NO_CORS_METHOD,
        cors.TYPEERROR_FORBIDDEN_METHOD,
        cors.NET_TOO_MANY_REDIRECTS,
        subresources.LOAD_FAILED,
        subresources.LOAD_FAILED_TOO_MANY_REDIRECTS,
        subresources.LOAD_FAILED_UNSAFE_REDIRECT,
        subresources.LOAD_ERROR_STATUS,
    }
)

# Network errors that name a failure of their own (searched for anywhere, like a standalone sentence).
NET_REASONS: dict[str, Failure] = {subresources.NET_BLOCKED_BY_ORB: Failure.ORB_BLOCKED}

# Sub-patterns by field name; a name not listed is a quoted value (a method, header, token…).
# Lazy where a literal follows; a field that ends its template is matched greedily instead.
_URL = r"\S{0,2048}"
_FIELDS: dict[str, str] = {
    "url": _URL,
    "initial_url": _URL,
    "location": _URL,
    "origin": r"\S{0,512}",
    "kind": r"[A-Za-z][A-Za-z ]{0,40}",  # Chrome's resource word: fetch, XMLHttpRequest, CSS stylesheet
    "api": r"[A-Z][A-Za-z]{0,30}(?: API)?",  # Safari's and old Chrome's: Fetch API, XMLHttpRequest
    "status": r"\(?\w{1,8}\)?",  # 404, or Firefox's (null)
    "reason": r".{0,2000}",  # the reason inside a frame: matched again by the reason patterns
    "space": r"[\w-]{0,40}",  # an IP address space: local, private, loopback
    "target": r"[\w-]{0,40}",
    "operation": r"\w{1,64}",  # a DOM method: getImageData, toDataURL
    "interface": r"\w{1,64}",
    "scheme": r"[\w+.-]{0,32}",
    "target_scheme": r"[\w+.-]{0,32}",
    "page": _URL,  # the page's URL (mixed content, old WebKit frame access)
    "what": r"[A-Za-z][A-Za-z ]{0,40}",  # Chrome's mixed-content resource word: script, XMLHttpRequest endpoint
    "error": r"\w{1,80}",  # a net error's reason: NotSameOrigin, NotSameOriginAfterDefaultedToSameOriginByCoep
}
_URL_FIELDS = frozenset({"url", "initial_url", "location", "page"})
# A URL before Firefox's ". (Reason: " may hold spaces (users type "<INSERT URL>" into it), but never a
# sentence's end: else it runs on over an older message of the paste ("…/items. This can be fixed …").
_URL_WITH_SPACES = r"(?:(?!\. )[^()]){0,2048}"
# A final period a paste may have lost: only where the message visibly ends (end of text, a closing quote,
# backtick, markdown star or tag), so a longer sentence is never cut short.
CUT_PERIOD = r"(?:\.|(?=\s?(?:[\"'`*<]|$)))"
_PERIODS = (".", "。")
_VALUE = r".{0,1000}"
_LAZY_SAFE = re.compile(r"\{\d*,\d+\}$")  # the pattern ends in a bounded repeat: it can be made lazy


def field_pattern(name: str, *, last: bool = False, quote: str = "", after: str = "") -> str:
    """The bounded sub-pattern of one field; lazy unless the field ends the template.

    A field between quotes (``'{url}'``, ``'{value}'``) runs to the closing quote: users shorten URLs
    with spaces inside ("https://www.google.com/maps etc/", "<origin name>"), and a quoted value never
    runs on into the next message of the paste.
    """
    body = _FIELDS.get(name, _VALUE)
    if quote and body.startswith((r"\S{", ".{")):
        # Between quotes a field runs to the closing quote, never past it into the next message.
        body = f"[^{quote}]" + body[body.index("{") :]
    elif name in _URL_FIELDS and after.startswith(". ("):
        body = _URL_WITH_SPACES
    return body if last or not _LAZY_SAFE.search(body) else body + "?"


def base_key(key: str) -> str:
    """``legacy.<key>.<n>`` is one more wording of ``<key>`` (see policy_core/messages/legacy.py)."""
    if key.startswith(L10N_PREFIX):  # l10n.<language>.<key>.<n> (policy_core/messages/localized.py)
        rest = key[len(L10N_PREFIX) :].partition(".")[2]
    elif key.startswith(LEGACY_PREFIX):
        rest = key[len(LEGACY_PREFIX) :]
    else:
        return key
    head, _, n = rest.rpartition(".")
    return head if head and n.isdigit() else rest


def failure_of(key: str) -> Failure | None:
    """The failure a reason message's key names, or None for a frame, a suffix or an unknown key.

    ``<failure>.<detail>`` (such as ``canvas-tainted.export``) is one more reason sentence of that failure.
    """
    base = base_key(key)
    for candidate in (base, base.partition(".")[0]):
        try:
            return Failure(candidate)
        except ValueError:
            continue
    return None


def pattern_source(text: str, *, ends: bool = True, optional_period: bool = False, cut_period: bool = False) -> str:
    """A template as regex source. ``ends``: nothing follows it (its last field may be greedy);
    ``optional_period``: its final period may be missing (a frame's last sentence, pasted short);
    ``cut_period``: it may be missing only where the paste visibly ends (``CUT_PERIOD``)."""
    parts = list(string.Formatter().parse(normalise(text)))
    out: list[str] = []
    seen: set[str] = set()
    for i, (literal, name, spec, conversion) in enumerate(parts):
        final = i == len(parts) - 1 and name is None and literal.endswith(_PERIODS)
        if final and cut_period:
            out.append(re.escape(literal[:-1]) + (CUT_PERIOD if literal.endswith(".") else "。?"))
        elif final and optional_period:
            out.append(re.escape(literal[:-1]) + re.escape(literal[-1]) + "?")
        else:
            out.append(re.escape(literal))
        if name is None:
            continue
        if not name.isidentifier() or spec or conversion:
            raise ValueError(f"template field {{{name}}} is not a plain name: {text!r}")
        if name in seen:
            out.append(f"(?P={name})")
            continue
        seen.add(name)
        last = ends and i == len(parts) - 1  # the template ends with this field
        after = parts[i + 1][0] if i + 1 < len(parts) else ""
        quote = literal[-1:] if literal[-1:] in ("'", '"') and after.startswith(literal[-1:]) else ""
        out.append(f"(?P<{name}>{field_pattern(name, last=last, quote=quote, after=after)})")
    return "".join(out)


def compile_wording(
    wording: Wording, *, ends: bool = True, optional_period: bool = False, cut_period: bool = False
) -> re.Pattern[str]:
    return re.compile(
        pattern_source(wording.text, ends=ends, optional_period=optional_period, cut_period=cut_period)
    )


def literal_weight(text: str) -> int:
    """How much literal text a template has: more specific wordings are tried first."""
    return sum(len(literal) for literal, _, _, _ in string.Formatter().parse(normalise(text)))


@dataclass(frozen=True, slots=True, kw_only=True)
class Compiled:
    """One wording ready to search for: its key, what it names, and its regex."""

    key: str
    base: str  # the key without legacy./.n
    code: Failure | None  # the failure, for a reason sentence
    wording: Wording
    regex: re.Pattern[str]
    weight: int

    @property
    def browser(self) -> str:
        return self.wording.browser


def compiled(
    key: str, wording: Wording, *, ends: bool = True, optional_period: bool = False, cut_period: bool = False
) -> Compiled:
    return Compiled(
        key=key,
        base=base_key(key),
        code=failure_of(key),
        wording=wording,
        regex=compile_wording(wording, ends=ends, optional_period=optional_period, cut_period=cut_period),
        weight=literal_weight(wording.text),
    )


def wordings() -> tuple[tuple[str, Wording], ...]:
    """Every wording explain recognises, with its catalogue key: the one seam to the catalogue."""
    return tuple((m.key, w) for m in CATALOGUE.messages() for w in m.wordings)
