"""What a pasted message says, as recognised."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..messages.codes import Failure
from .reasons import REASONS

BROWSERS = ("chrome", "firefox", "safari", "edge", "all")


@dataclass(frozen=True, slots=True, kw_only=True)
class Recognised:
    """What a pasted message says. Fields the message does not carry are None."""

    browser: str  # chrome | firefox | safari | edge | all
    reason: Failure  # a key of REASONS
    message: str  # the matched message, normalised (plain quotes, single spaces)
    url: str | None = None  # the resource's URL (the last one, after redirects)
    initial_url: str | None = None  # Chrome's "(redirected from '…')"
    origin: str | None = None  # the page's serialized origin
    kind: str | None = None  # Chrome's resource word (fetch, XMLHttpRequest, image…) or Safari's API
    preflight: bool = False  # the message is about the preflight response
    hint: str | None = None  # the method, header name or header value the message quotes
    status: int | None = None
    credentials: bool | None = None  # True when the message implies credentials mode "include"
    variant: str = "current"  # which wording: current, or an older one
    language: str = "en"  # the console's language (Firefox localizes its messages)

    @property
    def rule(self) -> str:
        return REASONS[self.reason].rule

    @property
    def resource(self) -> str:
        if REASONS[self.reason].resource == "fetch" and self.kind in ("image", "script"):
            return self.kind
        return REASONS[self.reason].resource

    @property
    def method(self) -> str | None:
        return self.hint if self.reason == Failure.METHOD_NOT_ALLOWED else None

    @property
    def header(self) -> str | None:
        return (
            self.hint if self.reason in (Failure.HEADER_NOT_ALLOWED, Failure.AUTHORIZATION_WILDCARD) else None
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "browser": self.browser,
            "reason": str(self.reason),
            "rule": self.rule,
            "resource": self.resource,
            "modelled": REASONS[self.reason].modelled,
            "variant": self.variant,
            "language": self.language,
            "url": self.url,
            "initial_url": self.initial_url,
            "origin": self.origin,
            "kind": self.kind,
            "preflight": self.preflight,
            "hint": self.hint,
            "method": self.method,
            "header": self.header,
            "status": self.status,
            "credentials": self.credentials,
            "message": self.message,
        }
