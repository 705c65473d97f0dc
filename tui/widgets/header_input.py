"""An Input that turns a paste of header lines (or a raw request or response) into a message.

What counts as header lines, and how DevTools' and curl's copies are read, is ``read_paste`` below
(on top of tui/state.py's ``parse_pasted_headers``, the one reader of ``Name: value`` lines).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from textual import events
from textual.message import Message
from textual.widgets import Input

from policy_core.headers import is_token

from ..state import HeaderRows, looks_like_header_paste, parse_pasted_headers

# "POST /items HTTP/1.1": a request as curl -v, a proxy or DevTools' "view source" shows it.
_REQUEST_LINE = re.compile(r"^([!#$%&'*+.^_`|~0-9A-Za-z-]+) +\S+ +HTTP/\d(?:\.\d)?$")
# HTTP/2 pseudo-headers that only restate the target URL (the URL fields hold it).
_URL_PSEUDO_HEADERS = (":authority", ":path", ":scheme", ":protocol")


@dataclass(frozen=True)
class Pasted:
    """A paste read as a request or a response."""

    method: str | None  # from a request line or ``:method``
    status: int | None  # from a status line or ``:status``
    headers: HeaderRows
    skipped: tuple[str, ...]  # lines that are none of the above


def _curl_marker(lines: list[str], kind: str) -> list[str]:
    """``curl -v`` marks what it sent with ``> `` and what it got with ``< ``, its own notes with
    ``* ``: the request's side, or the response's."""
    marked = [line for line in lines if line[:2] in ("> ", "< ", "* ") or line in (">", "<")]
    if not lines or len(marked) != len(lines):
        return lines
    side = ">" if kind == "request" else "<"
    return [rest for line in lines if line.startswith(side) and (rest := line[1:].strip())]


def _devtools_pairs(lines: list[str]) -> list[str] | None:
    """Chrome's and Firefox's header panes copy as a name line, then a value line: ``Name: value``
    lines when every other line is a bare header name (a ``Name: value`` line never is)."""
    if len(lines) < 2 or len(lines) % 2:
        return None
    names = lines[0::2]
    if not all(is_token(name.removeprefix(":")) for name in names):
        return None
    return [f"{name}: {value}" for name, value in zip(names, lines[1::2], strict=True)]


def read_paste(text: str, kind: str = "response") -> Pasted:
    """``curl -i``/``-v`` output, a network panel's header block (``Name: value`` lines or DevTools'
    two-line form), with or without the request or status line; duplicates and order kept.
    ``kind`` ("request" or "response") picks a side of ``curl -v``'s output."""
    lines = _curl_marker([line.strip() for line in text.splitlines() if line.strip()], kind)
    method: str | None = None
    if lines and (request_line := _REQUEST_LINE.match(lines[0])) is not None:
        method = request_line.group(1)
        lines = lines[1:]
    status_line = lines[:1] if lines and lines[0].upper().startswith("HTTP/") else []
    body = lines[len(status_line) :]
    body = _devtools_pairs(body) or body
    status: int | None = None
    kept: list[str] = []
    for line in body:
        if line.startswith(":"):  # an HTTP/2 pseudo-header, as DevTools lists them
            name, _, value = line[1:].partition(":")
            name, value = f":{name.strip().lower()}", value.strip()
            if name == ":method" and method is None:
                method = value
                continue
            if name == ":status" and value.isdigit() and not status_line:
                status = int(value)
                continue
            if name in _URL_PSEUDO_HEADERS:
                continue
        kept.append(line)
    pasted = parse_pasted_headers("\n".join(status_line + kept))
    return Pasted(method, pasted.status if status is None else status, pasted.headers, pasted.skipped)


def is_header_paste(text: str) -> bool:
    """Worth turning into rows: several lines, a status or request line, or one ``Name: value``."""
    return bool(text) and (looks_like_header_paste(text) or _REQUEST_LINE.match(text.strip()) is not None)


class HeaderInput(Input):
    """Header name and value fields, and every other one-line field of the request and response
    editors: a paste of header lines becomes rows, never text in the field."""

    @dataclass
    class LinesPasted(Message):
        """Header lines (or a raw request or response) were pasted; the editor turns them into rows."""

        input: HeaderInput
        text: str

        @property
        def control(self) -> HeaderInput:
            return self.input  # what @on(..., selector) matches

    def _on_paste(self, event: events.Paste) -> None:
        # Textual dispatches a message to each class's handler in the MRO: without
        # prevent_default, Input._on_paste would insert the first line again after this one.
        event.prevent_default()
        event.stop()
        if is_header_paste(event.text):
            self.post_message(self.LinesPasted(self, event.text))
            return
        super()._on_paste(event)

    def action_paste(self) -> None:
        """Ctrl+V pastes the app's own clipboard: the same rules as a terminal paste (Input's own
        would put every line, newlines and all, into the field)."""
        text = self.app.clipboard
        if is_header_paste(text):
            self.post_message(self.LinesPasted(self, text))
        elif text:
            super()._on_paste(events.Paste(text))  # its first line, at the cursor
