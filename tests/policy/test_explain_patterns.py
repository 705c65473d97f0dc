"""The template compiler and the seam to the message catalogue (policy_core.explain.patterns).

Every wording in the catalogue, rendered with sample values, is matched by its own compiled
pattern and gives those values back; as the engine's areas register their sentences, this covers
them without a change here.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from policy_core.explain import patterns as p
from policy_core.explain import recognise as recognise_text
from policy_core.explain.normalise import normalise
from policy_core.messages import CATALOGUE, Failure, Wording

# A sample value of each field kind, matched by that kind's sub-pattern.
SAMPLES = {
    "url": "https://api.example.com/v1/items",
    "initial_url": "https://api.example.com/start",
    "location": "https://user:pass@cdn.example.net/x",
    "origin": "https://app.example.com",
    "kind": "fetch",
    "api": "Fetch API",
    "status": "404",
    "reason": "Some reason the browser gave.",
    "space": "local",
    "target": "private",
    "operation": "getImageData",
    "interface": "CanvasRenderingContext2D",
    "scheme": "http",
    "target_scheme": "https",
    "page": "https://app.example.com/settings",
    "error": "NotSameOrigin",
    "what": "XMLHttpRequest endpoint",
}
OTHER_VALUE = "x-api-key"
ROLES = {
    p.FRAME,
    p.FRAME_REDIRECTED,
    p.FRAME_QUOTED,
    p.FRAME_WITH_STATUS,
    p.FRAME_QUOTED_WITH_STATUS,
    p.FRAME_PREFLIGHT,
    p.FRAME_STATUS,
    p.FRAME_ORIGIN,
    p.FRAME_WARNING,
    p.SUFFIX_FETCH,
    p.SUFFIX_MISSING,
    p.SUFFIX_XHR,
    *p.EXCEPTION_FRAMES,
    *p.NOT_A_REASON,
    *p.NET_REASONS,
}

CATALOGUED = [(m.key, w) for m in CATALOGUE.messages() for w in m.wordings]
SEAM = list(p.wordings())
COMPILED = [p.compiled(key, w) for key, w in SEAM]


def _values(wording: Wording) -> dict[str, str]:
    return {name: SAMPLES.get(name, OTHER_VALUE) for name in wording.fields}


def _ids(pairs: list[tuple[str, Wording]]) -> list[str]:
    return [f"{key}-{w.browser}-{i}" for i, (key, w) in enumerate(pairs)]


def _round_trip(key: str, wording: Wording) -> None:
    values = _values(wording)
    text = normalise(wording.render(**values))
    match = p.compile_wording(wording).fullmatch(text)
    assert match is not None, (key, text)
    assert {name: match.group(name) for name in values} == values
    # Among every wording of that browser, the most specific that matches the text is this one's key.
    best = max(
        (c for c in COMPILED if c.browser == wording.browser),
        key=lambda c: (c.regex.fullmatch(text) is not None, c.weight),
    )
    assert best.base == p.base_key(key), (key, best.key, text)


@pytest.mark.parametrize(("key", "wording"), CATALOGUED, ids=_ids(CATALOGUED))
def test_every_catalogued_wording_is_recognised_with_its_key_and_values(key: str, wording: Wording) -> None:
    _round_trip(key, wording)


@pytest.mark.parametrize(("key", "wording"), SEAM, ids=_ids(SEAM))
def test_every_wording_explain_uses_round_trips(key: str, wording: Wording) -> None:
    _round_trip(key, wording)


def test_the_seam_takes_the_whole_catalogue_and_nothing_else() -> None:
    assert SEAM == CATALOGUED


def test_explain_reads_nothing_off_the_engine() -> None:
    """Its patterns come from the catalogue alone: no module of explain runs the CORS check or an evaluation."""
    package = Path(p.__file__).parent
    for path in sorted(package.glob("*.py")):
        source = path.read_text(encoding="utf-8")
        assert not re.search(r"\b(cors_check|evaluate|load_scenario)\b", source), path.name


def test_every_catalogued_key_names_a_failure_or_a_role_explain_knows() -> None:
    for key, _ in CATALOGUED:
        assert p.failure_of(key) is not None or p.base_key(key) in ROLES, key


def test_legacy_keys_read_back_as_their_base_key() -> None:
    assert p.base_key("legacy.missing-allow-origin.1") == "missing-allow-origin"
    assert p.failure_of("legacy.missing-allow-origin.1") is Failure.MISSING_ALLOW_ORIGIN
    assert p.base_key("legacy.frame.cors.origin.2") == "frame.cors.origin"
    assert p.failure_of("legacy.frame.cors.1") is None
    assert p.base_key("frame.cors") == "frame.cors" and p.failure_of("cors-disabled") is Failure.CORS_DISABLED


def test_every_legacy_wording_names_its_era_and_is_not_also_the_engines() -> None:
    legacy = [(key, w) for key, w in CATALOGUED if key.startswith(p.LEGACY_PREFIX)]
    assert len(legacy) >= 10
    old = [w for _, w in legacy if w.era != "current"]
    assert any("Chrom" in w.era for w in old) and any("Firefox" in w.era for w in old)
    engine_texts = {normalise(w.text) for key, w in CATALOGUED if not key.startswith(p.LEGACY_PREFIX)}
    assert not engine_texts & {normalise(w.text) for _, w in legacy}


@pytest.mark.parametrize("name", [*SAMPLES, "value", "method", "header", "anything"])
def test_every_field_pattern_is_bounded(name: str) -> None:
    for last in (False, True):
        source = p.field_pattern(name, last=last)
        outside_classes = re.sub(r"\[[^\]]*\]", "", source)
        assert not re.search(r"(?<!\\)[*+]", outside_classes), source  # no unbounded repeat
        assert re.fullmatch(source, SAMPLES.get(name, OTHER_VALUE))


def test_literal_text_is_escaped_and_quotes_and_spaces_are_normalised() -> None:
    wording = Wording(browser="firefox", text="header ‘{header}’ (is *not*)   allowed.")
    regex = p.compile_wording(wording)
    assert regex.fullmatch("header 'x-a' (is *not*) allowed.")
    assert not regex.fullmatch("header 'x-a' (is nnot) allowed.")
    assert p.compile_wording(wording, optional_period=True).fullmatch("header 'x-a' (is *not*) allowed")


def test_a_field_used_twice_must_repeat_its_value() -> None:
    regex = p.compile_wording(Wording(browser="chrome", text="'{origin}' then '{origin}'"))
    assert regex.fullmatch("'a.example' then 'a.example'")
    assert not regex.fullmatch("'a.example' then 'b.example'")


def test_a_field_with_a_format_spec_is_refused() -> None:
    for template in ("status {status.code}", "status {status:>3}", "status {status!r}"):
        with pytest.raises(ValueError, match="plain name"):
            p.pattern_source(template)


@pytest.mark.parametrize(
    "paste",
    [
        "Access to fetch at '" * 60_000,
        "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at "
        * 12_000,
        "Refused to display '" * 60_000,
        "Origin " * 160_000,
        "a" * 1_048_576,
        'Blocked a frame with origin "' * 40_000,
    ],
    ids=["chrome-frame", "firefox-frame", "xfo", "safari-origin", "letters", "dom"],
)
def test_a_one_megabyte_paste_answers_well_under_a_second(paste: str) -> None:
    start = time.perf_counter()
    recognise_text(paste)
    assert time.perf_counter() - start < 0.5
