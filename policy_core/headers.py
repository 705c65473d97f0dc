"""HTTP header lists as Fetch sees them: ordered (name, value) pairs, duplicates kept."""

from __future__ import annotations

from typing import NamedTuple

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


def index_of(headers: Headers) -> dict[str, tuple[str, ...]]:
    """Values by lower-cased name, in order: for several look-ups in one list."""
    grouped: dict[str, list[str]] = {}
    for key, value in headers:
        grouped.setdefault(key.lower(), []).append(value)
    return {key: tuple(values) for key, values in grouped.items()}


def lines_of(headers: Headers, lowered_name: str) -> tuple[str, ...]:
    """The values of every line named ``lowered_name`` (already lower-case), in order."""
    found: tuple[str, ...] = ()
    for key, value in headers:  # a plain loop: the lists are a few lines long, and usually one matches
        if key.lower() == lowered_name:
            found += (value,)
    return found


def get_all(headers: Headers, name: str) -> list[str]:
    return list(lines_of(headers, name.lower()))


def names(headers: Headers) -> frozenset[str]:
    """The lower-cased names present."""
    return frozenset([key.lower() for key, _ in headers])


def has(headers: Headers, name: str) -> bool:
    lowered = name.lower()
    return any(key.lower() == lowered for key, _ in headers)


def get_combined(headers: Headers, name: str) -> str | None:
    """Fetch "get": the values of every line with that name, joined by ", "; None when absent."""
    values = lines_of(headers, name.lower())
    return ", ".join(values) if values else None


class ListParse(NamedTuple):
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
    lines = lines_of(headers, name.lower())
    if not lines:
        return _ABSENT_LIST
    values: list[str] = []
    for line in lines:
        for raw in line.split(","):
            item = raw.strip(_OWS)
            if not item:
                continue
            if not is_token(item):
                return ListParse(present=True, values=tuple(values), bad_item=item)
            values.append(item)
    return ListParse(present=True, values=tuple(values))


_ABSENT_LIST = ListParse(present=False)


def parse_header_line(line: str) -> tuple[str, str] | None:
    """``Name: value`` as typed or pasted; None when there is no colon or no name."""
    name, sep, value = line.partition(":")
    name = name.strip()
    if not sep or not name:
        return None
    return name, value.strip(_OWS)
