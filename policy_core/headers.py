"""HTTP header lists as Fetch sees them: ordered (name, value) pairs, duplicates kept."""

from __future__ import annotations

from typing import NamedTuple

from .report import new_record

Headers = tuple[tuple[str, str], ...]

# RFC 9110 § 5.6.2 tchar.
_TCHARS = frozenset("!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
HTTP_WHITESPACE = " \t\r\n"  # what trim strips
_OWS = " \t"


def is_token(text: str) -> bool:
    return bool(text) and _TCHARS.issuperset(text)


def value_problem(value: str) -> str | None:
    """Why a header value cannot be sent (Fetch § header value), or None when it can."""
    for ch in value:
        if ch in "\x00\r\n":
            return f"header values must not contain {ch!r}"
    return None


def trim(value: str) -> str:
    """Fetch's HTTP whitespace trimming (SP, HTAB, CR, LF)."""
    return value.strip(HTTP_WHITESPACE)


# Header indexes by the identity of the headers tuple. The entry keeps the tuple alive, so its id
# cannot be reused while cached; an identity lookup avoids re-hashing the whole tuple on every
# call (an lru_cache did, a dozen times per evaluation). Bounded: cleared when full.
_INDEXES: dict[int, tuple[Headers, dict[str, tuple[str, ...]]]] = {}
_MAX_INDEXES = 256


def index_of(headers: Headers) -> dict[str, tuple[str, ...]]:
    """Values by lower-cased name, in order. Cached: every verdict asks the same few lists.

    For several look-ups in one list. ``lines_of``, ``get_combined`` and ``extract_token_list``
    (a dozen calls per evaluation) repeat the cache hit inline rather than pay for this frame.
    """
    entry = _INDEXES.get(id(headers))
    if entry is not None and entry[0] is headers:
        return entry[1]
    grouped: dict[str, list[str]] = {}
    for key, value in headers:
        grouped.setdefault(key.lower(), []).append(value)
    index = {key: tuple(values) for key, values in grouped.items()}
    if len(_INDEXES) >= _MAX_INDEXES:
        _INDEXES.clear()
    _INDEXES[id(headers)] = (headers, index)
    return index


def lines_of(headers: Headers, lowered_name: str) -> tuple[str, ...]:
    """The values of every line named ``lowered_name`` (already lower-case), in order; no copy."""
    entry = _INDEXES.get(id(headers))
    if entry is not None and entry[0] is headers:  # index_of's cache hit, inlined (hot path)
        return entry[1].get(lowered_name, ())
    return index_of(headers).get(lowered_name, ()) if headers else ()


def get_all(headers: Headers, name: str) -> list[str]:
    if not headers:
        return []
    values = index_of(headers).get(name.lower())
    return list(values) if values else []


def names(headers: Headers) -> frozenset[str]:
    """The lower-cased names present, from the same cached index."""
    return frozenset(index_of(headers)) if headers else frozenset()


def has(headers: Headers, name: str) -> bool:
    return bool(headers) and name.lower() in index_of(headers)


def get_combined(headers: Headers, name: str) -> str | None:
    """Fetch "get": the values of every line with that name, joined by ", "; None when absent."""
    if not headers:
        return None
    entry = _INDEXES.get(id(headers))  # index_of's cache hit, inlined (hot path)
    index = entry[1] if entry is not None and entry[0] is headers else index_of(headers)
    values = index.get(name.lower())
    return ", ".join(values) if values else None


class ListParse(NamedTuple):
    # A NamedTuple, not a frozen dataclass: as immutable, and several times cheaper to build (hot path).
    """The result of Fetch "extract header list values" for a ``#token`` header."""

    present: bool
    values: tuple[str, ...] = ()
    bad_item: str | None = None  # the first item that is not a token: the whole list fails

    @property
    def failed(self) -> bool:
        return self.bad_item is not None


def extract_token_list(headers: Headers, name: str) -> ListParse:
    """Parse every line of ``name`` on its own as ``#token`` (empty items are ignored).

    One bad item in any line fails the whole list, as Fetch's ABNF parsing does; only
    SP and HTAB are optional whitespace, so a VT or FF makes the item invalid.
    """
    if not headers:
        return _ABSENT_LIST
    entry = _INDEXES.get(id(headers))  # index_of's cache hit, inlined (hot path)
    index = entry[1] if entry is not None and entry[0] is headers else index_of(headers)
    lines = index.get(name.lower())
    if not lines:
        return _ABSENT_LIST
    values: list[str] = []
    for line in lines:
        for raw in line.split(","):
            item = raw.strip(_OWS)
            if not item:
                continue
            if not _TCHARS.issuperset(item):  # is_token, inlined: item is not empty here
                return new_record(ListParse, (True, tuple(values), item))
            values.append(item)
    return new_record(ListParse, (True, tuple(values), None))


_ABSENT_LIST = ListParse(present=False)


def parse_header_line(line: str) -> tuple[str, str] | None:
    """``Name: value`` as typed or pasted; None when there is no colon or no name."""
    name, sep, value = line.partition(":")
    name = name.strip()
    if not sep or not name:
        return None
    return name, value.strip(_OWS)
