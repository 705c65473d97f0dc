"""The workbench's Textual themes, each carrying the app's semantic colours as variables.

``$verdict-allowed``, ``$verdict-partial``, ``$verdict-blocked`` colour verdict outcomes (always next
to a symbol and a word, never alone); ``$origin-scheme``, ``$origin-host``, ``$origin-port`` colour
the parts of an origin in the breakdown.
"""

from __future__ import annotations

from typing import Protocol

from textual.theme import Theme

SEMANTIC_VARIABLES = (
    "verdict-allowed",
    "verdict-partial",
    "verdict-blocked",
    "origin-scheme",
    "origin-host",
    "origin-port",
)

DEFAULT_THEME = "origin-dark"

ORIGIN_DARK = Theme(
    name="origin-dark",
    primary="#5FA8D3",
    secondary="#9B7EDE",
    accent="#F2A65A",
    warning="#F2C14E",
    error="#F15B53",  # 4.6:1 on the panel (WCAG AA, tests/test_themes_contrast.py)
    success="#57AB5A",
    foreground="#E6EDF3",
    background="#0D1117",
    surface="#161B22",
    panel="#21262D",
    dark=True,
    variables={
        "verdict-allowed": "#57AB5A",
        "verdict-partial": "#F2C14E",
        "verdict-blocked": "#F15B53",
        "origin-scheme": "#D2A8FF",
        "origin-host": "#79C0FF",
        "origin-port": "#FFA657",
    },
)

ORIGIN_LIGHT = Theme(
    name="origin-light",
    primary="#0969DA",
    secondary="#8250DF",
    accent="#B44600",
    warning="#9A6700",
    error="#CF222E",
    success="#107931",
    foreground="#1F2328",
    background="#FFFFFF",
    surface="#F6F8FA",
    panel="#EAEEF2",
    dark=False,
    variables={
        "verdict-allowed": "#107931",
        "verdict-partial": "#915E00",
        "verdict-blocked": "#CF222E",
        "origin-scheme": "#7C4AD9",
        "origin-host": "#0550AE",
        "origin-port": "#B44600",
        # Textual's defaults (the foreground at 60%, white at 87% on the primary) fall short of 4.5:1.
        "foreground-muted": "#59636E",
        "block-cursor-foreground": "#FFFFFF",
    },
)

# For washed-out projectors: pure black on white, heavy saturated colours, no mid-tone surfaces.
ORIGIN_HIGH_CONTRAST = Theme(
    name="origin-high-contrast",
    primary="#0000CC",
    secondary="#6600AA",
    accent="#B02200",
    warning="#7A4E00",
    error="#B00000",
    success="#006400",
    foreground="#000000",
    background="#FFFFFF",
    surface="#FFFFFF",
    panel="#E0E0E0",
    boost="#000000",
    dark=False,
    text_alpha=1.0,
    variables={
        "verdict-allowed": "#006400",
        "verdict-partial": "#7A4E00",
        "verdict-blocked": "#B00000",
        "origin-scheme": "#6600AA",
        "origin-host": "#0000CC",
        "origin-port": "#B02200",
        "input-selection-background": "#0000CC 40%",
    },
)

# Okabe-Ito palette: allowed is blue and blocked is vermilion/orange, never red against green.
ORIGIN_COLOUR_SAFE = Theme(
    name="origin-colour-blind-safe",
    primary="#56B4E9",
    secondary="#CC79A7",
    accent="#E69F00",
    warning="#F0E442",
    error="#ED6E1C",  # Okabe-Ito vermilion, lightened to 4.5:1 on the panel
    success="#0072B2",
    foreground="#F0F0F0",
    background="#111111",
    surface="#1C1C1C",
    panel="#2A2A2A",
    dark=True,
    variables={
        "verdict-allowed": "#56B4E9",
        "verdict-partial": "#F0E442",
        "verdict-blocked": "#E69F00",
        "origin-scheme": "#CC79A7",
        "origin-host": "#56B4E9",
        "origin-port": "#F0E442",
    },
)

THEMES: tuple[Theme, ...] = (ORIGIN_DARK, ORIGIN_LIGHT, ORIGIN_HIGH_CONTRAST, ORIGIN_COLOUR_SAFE)

# Defaults for any other (built-in) theme, so the app's CSS always has its variables.
VARIABLE_DEFAULTS: dict[str, str] = {
    "verdict-allowed": "#4EBF71",
    "verdict-partial": "#E0B341",
    "verdict-blocked": "#E5534B",
    "origin-scheme": "#C49BFF",
    "origin-host": "#6CB6FF",
    "origin-port": "#F69D50",
}


class _ThemedApp(Protocol):
    def register_theme(self, theme: Theme) -> None: ...


def register_themes(app: _ThemedApp) -> None:
    """Register every workbench theme; the built-in "Theme" palette command then lists them."""
    for theme in THEMES:
        app.register_theme(theme)
