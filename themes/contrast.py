"""WCAG contrast of a theme's text colours against the backgrounds they are drawn on.

Computed from the theme's own variables (Textual's generated colour system), the way the terminal
shows them: a colour with alpha (``#00000099``, ``auto 60%``) is blended over its background first.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from textual.color import Color
from textual.theme import Theme

AA_NORMAL_TEXT = 4.5  # WCAG 2.x success criterion 1.4.3, level AA

# Text variables the app draws on the plain backgrounds (the screen, widgets, panels).
TEXT_VARIABLES = (
    "foreground",
    "text",
    "text-muted",
    "foreground-muted",
    "text-primary",
    "text-secondary",
    "text-accent",
    "text-warning",
    "text-error",
    "text-success",
    "error",  # an invalid URL's text (app.tcss)
    "verdict-allowed",
    "verdict-partial",
    "verdict-blocked",
    "origin-scheme",
    "origin-host",
    "origin-port",
)
PLAIN_BACKGROUNDS = ("background", "surface", "panel")
# Text drawn on a background of its own.
SPECIAL_PAIRS = (
    ("text-error", "error-muted"),  # the error lines
    ("text-warning", "warning-muted"),  # the "last valid answer" banner
    ("footer-key-foreground", "footer-background"),
    ("footer-description-foreground", "footer-background"),
    ("block-cursor-foreground", "block-cursor-background"),  # the highlighted trace step
    ("block-cursor-blurred-foreground", "block-cursor-blurred-background"),  # ... in a list without focus
)


@dataclass(frozen=True, slots=True)
class Pair:
    text: str
    background: str
    ratio: float


def relative_luminance(color: Color) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)


def contrast_ratio(foreground: Color, background: Color) -> float:
    lighter, darker = sorted((relative_luminance(foreground), relative_luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def resolve(value: str, background: Color) -> Color:
    """A variable's colour as shown over ``background`` ("auto N%" is Textual's contrasting text)."""
    if value.startswith("auto"):
        percent = value.removeprefix("auto").strip().rstrip("%")
        alpha = float(percent) / 100 if percent else 0.95
        color = background.get_contrast_text(alpha)
    else:
        color = Color.parse(value)
    return background + color  # blends a translucent colour over the background


def theme_pairs(theme: Theme) -> Iterator[Pair]:
    """Every (text, background) pair the app draws, with its contrast ratio."""
    variables = {**theme.to_color_system().generate(), **theme.variables}
    pairs = [(text, bg) for text in TEXT_VARIABLES for bg in PLAIN_BACKGROUNDS] + list(SPECIAL_PAIRS)
    for text, bg in pairs:
        background = resolve(variables[bg], Color.parse(variables["background"]))
        yield Pair(text, bg, contrast_ratio(resolve(variables[text], background), background))


def failing_pairs(theme: Theme, minimum: float = AA_NORMAL_TEXT) -> list[Pair]:
    return [pair for pair in theme_pairs(theme) if pair.ratio < minimum]
