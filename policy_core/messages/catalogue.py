"""The catalogue's records and registry: each browser sentence, written once, as a template.

A ``Wording`` is one browser's sentence for one message, with ``{name}`` fields (str.format
syntax; ``{{``/``}}`` for literal braces). The engine renders its console lines from the
current wordings; explain compiles its patterns from every wording, current and old.
"""

from __future__ import annotations

import string
from dataclasses import dataclass

CHROME, FIREFOX, SAFARI, EDGE = "chrome", "firefox", "safari", "edge"
CURRENT = "current"


@dataclass(frozen=True, slots=True, kw_only=True)
class Wording:
    browser: str  # chrome | firefox | safari | edge
    text: str  # the template, with {name} fields
    era: str = CURRENT  # "current", or the versions it belongs to, e.g. "Chrome 59-66"
    language: str = "en"

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(name for _, name, _, _ in string.Formatter().parse(self.text) if name)

    def render(self, **values: object) -> str:
        return self.text.format(**values)


@dataclass(frozen=True, slots=True, kw_only=True)
class Message:
    """One message: a key (a failure code or a frame's name), and every browser's wordings of it."""

    key: str
    wordings: tuple[Wording, ...]

    def wording(self, browser: str, era: str = CURRENT, language: str = "en") -> Wording:
        for w in self.wordings:
            if w.browser == browser and w.era == era and w.language == language:
                return w
        raise KeyError(f"{self.key}: no {browser} wording of era {era!r} in {language!r}")

    def has(self, browser: str, era: str = CURRENT) -> bool:
        return any(w.browser == browser and w.era == era for w in self.wordings)


class Catalogue:
    """All messages by key. Area modules register theirs at import; a key is registered once."""

    def __init__(self) -> None:
        self._messages: dict[str, Message] = {}

    def register(self, *messages: Message) -> None:
        for message in messages:
            if message.key in self._messages:
                raise ValueError(f"message {message.key!r} is registered twice")
            self._messages[message.key] = message

    def __getitem__(self, key: str) -> Message:
        return self._messages[key]

    def __contains__(self, key: object) -> bool:
        return key in self._messages

    def messages(self) -> tuple[Message, ...]:
        return tuple(self._messages.values())

    def render(self, key: str, browser: str, /, **values: object) -> str:
        return self._messages[key].wording(browser).render(**values)
