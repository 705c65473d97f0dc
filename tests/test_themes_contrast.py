"""WCAG AA (4.5:1) for every text colour of every theme, computed from the themes' own variables.

Before (issue 14): high contrast had 3.94:1 (the port and the footer keys on the panel), the
colour-blind-safe theme 3.69:1, origin-light 4.04:1, origin-dark 4.09:1.
"""

from __future__ import annotations

import pytest
from textual.color import Color

from themes import THEMES
from themes.contrast import AA_NORMAL_TEXT, contrast_ratio, failing_pairs, resolve, theme_pairs


def test_contrast_ratio_matches_the_wcag_reference_values() -> None:
    assert contrast_ratio(Color.parse("#000000"), Color.parse("#FFFFFF")) == pytest.approx(21.0)
    assert contrast_ratio(Color.parse("#777777"), Color.parse("#FFFFFF")) == pytest.approx(4.48, abs=0.01)
    # A translucent colour is measured as blended over its background.
    white = Color.parse("#FFFFFF")
    assert resolve("#00000099", white).hex == "#666666"
    assert resolve("auto 60%", white).hex == "#666666"


@pytest.mark.parametrize("theme", THEMES, ids=[t.name for t in THEMES])
def test_every_text_colour_meets_wcag_aa(theme) -> None:
    failing = [f"{p.text} on {p.background}: {p.ratio:.2f}" for p in failing_pairs(theme)]
    assert not failing, f"{theme.name} below {AA_NORMAL_TEXT}:1: {failing}"


def test_high_contrast_theme_checks_the_verdict_and_origin_colours() -> None:
    theme = next(t for t in THEMES if t.name == "origin-high-contrast")
    checked = {(p.text, p.background) for p in theme_pairs(theme)}
    for name in ("verdict-allowed", "verdict-partial", "verdict-blocked", "origin-port", "text-muted"):
        assert (name, "background") in checked and (name, "panel") in checked
    assert min(p.ratio for p in theme_pairs(theme)) >= 5.0  # a margin over AA for projectors
