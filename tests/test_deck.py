"""Talk decks (docs/talk-decks.md): the shipped deck, the format's errors, and scenario references."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from origin_playground.deck import Deck, Slide, deck_from_mapping, load_deck, shipped_decks
from origin_playground.library import list_scenarios
from policy_core import CAPABILITIES, ScenarioError, evaluate, load_scenario

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "origin_playground" / "decks" / "same-origin-story.toml"

MINIMAL_SCENARIO = """
[slides.scenario]
version = 1
page = "https://www.a.com/"
target = "https://www.b.com/"
resources = ["dom"]
"""


def _deck(tmp_path: Path, text: str, name: str = "deck.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return path


def _one_slide(slide_body: str, scenario: str = MINIMAL_SCENARIO) -> str:
    return f'deck_version = 1\ntitle = "T"\n\n[[slides]]\n{slide_body}\n{scenario}'


# --- the shipped deck -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def shipped() -> Deck:
    return load_deck(SHIPPED)


def test_shipped_decks_lists_the_story_deck() -> None:
    assert SHIPPED in shipped_decks()


def test_shipped_deck_has_a_talks_worth_of_slides(shipped: Deck) -> None:
    assert shipped.title
    assert 12 <= len(shipped.slides) <= 18
    assert len({slide.title for slide in shipped.slides}) == len(shipped.slides), "slide titles repeat"


@pytest.mark.parametrize("index", range(18))
def test_shipped_slide_evaluates_and_its_expectations_hold(shipped: Deck, index: int) -> None:
    if index >= len(shipped.slides):
        pytest.skip("the deck has fewer slides")
    slide = shipped.slides[index]
    report = evaluate(slide.scenario)
    assert [v.resource for v in report.verdicts] == list(slide.scenario.resources)
    assert slide.scenario.expect, f"slide {index} asserts nothing: add an [expect] table"
    assert report.all_met, [e.to_dict() for e in report.expectations if not e.met]


def test_shipped_notes_are_two_to_five_sentences(shipped: Deck) -> None:
    for index, slide in enumerate(shipped.slides):
        sentences = [s for s in re.split(r"(?<=[.!?])\s+", slide.notes.strip()) if s]
        assert 2 <= len(sentences) <= 5, (index, slide.title, len(sentences))


def test_shipped_deck_suggests_live_edits(shipped: Deck) -> None:
    live = [slide.title for slide in shipped.slides if "Live edit:" in slide.notes]
    assert 2 <= len(live) <= 4, live


def test_shipped_deck_tells_the_story(shipped: Deck) -> None:
    """The issue's beats, each checked on the verdicts rather than on the wording."""
    reports = [evaluate(slide.scenario) for slide in shipped.slides]
    shown = {v.resource for r in reports for v in r.verdicts}
    assert shown == set(CAPABILITIES), "every resource type appears on some slide"

    def some(predicate) -> bool:
        return any(predicate(r) for r in reports)

    def can(report, path: str) -> bool | None:
        resource, _, capability = path.partition(".")
        verdict = report.verdict(resource)
        return None if verdict is None else verdict.capability(capability)

    assert some(lambda r: r.same_origin)  # what an origin is: the path does not count
    assert some(lambda r: r.origin_diff == ("host",))
    assert some(lambda r: "scheme" in r.origin_diff)
    assert some(lambda r: can(r, "image.display") and can(r, "image.read_pixels") is False)
    assert some(lambda r: can(r, "script.execute") and can(r, "script.read_errors") is False)
    assert some(lambda r: can(r, "iframe.embed") and can(r, "iframe.script_access") is False)
    # bank/bad-site: a cross-site POST is sent with the cookie but unreadable (CSRF)
    assert some(
        lambda r: (
            r.page.url.startswith("https://bad-site.com")
            and can(r, "fetch.send")
            and can(r, "fetch.read") is False
            and can(r, "cookie.sent")
        )
    )
    # SameSite keeps the cookie home while the POST still goes out
    assert some(
        lambda r: (
            r.page.url.startswith("https://bad-site.com")
            and can(r, "fetch.send")
            and can(r, "cookie.sent") is False
        )
    )
    fetches = [r.verdict("fetch") for r in reports if r.verdict("fetch") is not None]
    assert any(v.fetch.preflight and not v.capability("send") for v in fetches)  # failed preflight
    assert any(v.fetch.preflight and v.capability("read") for v in fetches)  # answered preflight
    assert any(v.fetch.preflight_request for v in fetches)
    assert any(v.console.chrome and "wildcard '*'" in v.console.chrome for v in fetches)


# --- the format, good decks ---------------------------------------------------------------------


def test_inline_scenario_with_nested_tables(tmp_path: Path) -> None:
    text = """
deck_version = 1
title = "Inline"
author = "A. Speaker"

[[slides]]
title = "A redirect"
notes = "Say this."
reveal = "all"

[slides.scenario]
version = 1
page = "https://app.example.com/"
target = "https://api.example.com/old"
resources = ["fetch"]

[slides.scenario.request]
credentials = "omit"

[[slides.scenario.redirects]]
status = 301
location = "/new"
headers = [["Access-Control-Allow-Origin", "*"]]

[slides.scenario.response]
headers = [["Access-Control-Allow-Origin", "*"]]

[slides.scenario.expect]
"fetch.read" = true
"""
    deck = load_deck(_deck(tmp_path, text))
    assert deck == Deck("Inline", "A. Speaker", deck.slides)
    (slide,) = deck.slides
    assert (slide.title, slide.notes, slide.reveal) == ("A redirect", "Say this.", "all")
    assert slide.scenario.redirects[0].location.href == "https://api.example.com/new"
    assert slide.scenario.request.credentials == "omit"
    assert evaluate(slide.scenario).all_met


def test_slide_defaults(tmp_path: Path) -> None:
    deck = load_deck(_deck(tmp_path, _one_slide('title = "Only a title"')))
    assert deck.author == ""
    assert deck.slides[0] == Slide("Only a title", "", deck.slides[0].scenario, "trace")


def test_path_reference_is_relative_to_the_deck_not_the_cwd(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "talks" / "scenarios").mkdir(parents=True)
    (tmp_path / "shared").mkdir()
    (tmp_path / "talks" / "scenarios" / "one.toml").write_text(
        'version = 1\npage = "https://a.example/"\ntarget = "https://b.example/"\nresources = ["dom"]\n',
        "utf-8",
    )
    (tmp_path / "shared" / "two.json").write_text(
        '{"version": 1, "page": "https://a.example/", "target": "https://a.example/x", "resources": ["dom"]}',
        "utf-8",
    )
    deck_path = _deck(
        tmp_path / "talks",
        'deck_version = 1\ntitle = "Paths"\n'
        '[[slides]]\ntitle = "Below"\nscenario = "scenarios/one.toml"\n'
        '[[slides]]\ntitle = "Beside"\nscenario = "../shared/two.json"\n',
    )
    monkeypatch.chdir(tmp_path / "shared")  # somewhere the relative paths do not resolve from
    deck = load_deck(deck_path)
    assert [s.scenario.target.href for s in deck.slides] == ["https://b.example/", "https://a.example/x"]
    assert [evaluate(s.scenario).same_origin for s in deck.slides] == [False, True]


def test_library_reference_loads_the_library_file(tmp_path: Path) -> None:
    entry = list_scenarios()[0]
    deck = load_deck(
        _deck(
            tmp_path,
            f'deck_version = 1\ntitle = "L"\n[[slides]]\ntitle = "x"\nscenario = "library:{entry.slug}"\n',
        )
    )
    assert deck.slides[0].scenario == load_scenario(entry.path)


def test_path_reference_needs_a_base_directory() -> None:
    raw = {"deck_version": 1, "title": "T", "slides": [{"title": "x", "scenario": "one.toml"}]}
    with pytest.raises(ScenarioError) as info:
        deck_from_mapping(raw)
    assert (
        str(info.value)
        == "slides[0].scenario: 'one.toml' is a file path, but this deck has no file to resolve it from"
    )


# --- the format, bad decks: one line each, naming the key path ----------------------------------

LIBRARY_KNOWN = ", ".join(sorted(e.slug for e in list_scenarios()))

BAD_DECKS = [
    (
        "no-version",
        'title = "T"\n[[slides]]\ntitle = "x"\nscenario = "library:nope"\n',
        "deck_version: missing; add deck_version = 1",
    ),
    (
        "version-2",
        'deck_version = 2\ntitle = "T"\n',
        "deck_version: unsupported version 2; this release reads version 1",
    ),
    ("version-string", 'deck_version = "1"\n', "deck_version: expected an integer, got a string"),
    (
        "unknown-top-key",
        'deck_version = 1\ntitle = "T"\ntheme = "dark"\n',
        "theme: unknown key; expected one of deck_version, title, author, slides",
    ),
    ("no-title", "deck_version = 1\n", "title: missing; a deck needs a title"),
    ("title-integer", "deck_version = 1\ntitle = 3\n", "title: expected a string, got an integer"),
    ("title-blank", 'deck_version = 1\ntitle = "  "\n', "title: is empty"),
    (
        "author-list",
        'deck_version = 1\ntitle = "T"\nauthor = ["a"]\n',
        "author: expected a string, got a list",
    ),
    ("no-slides", 'deck_version = 1\ntitle = "T"\n', "slides: missing; add at least one [[slides]] table"),
    (
        "slides-empty",
        'deck_version = 1\ntitle = "T"\nslides = []\n',
        "slides: is empty; add at least one [[slides]] table",
    ),
    (
        "slides-table",
        'deck_version = 1\ntitle = "T"\n[slides]\ntitle = "x"\n',
        "slides: expected a list of [[slides]] tables, got a table",
    ),
    (
        "slide-not-table",
        'deck_version = 1\ntitle = "T"\nslides = ["x"]\n',
        "slides[0]: expected a table, got a string",
    ),
    (
        "second-slide-title-integer",
        _one_slide('title = "ok"') + '\n[[slides]]\ntitle = 2\nscenario = "library:a"\n',
        "slides[1].title: expected a string, got an integer",
    ),
    (
        "slide-unknown-key",
        _one_slide('title = "x"\nspeaker = "me"'),
        "slides[0].speaker: unknown key; expected one of title, notes, scenario, reveal",
    ),
    (
        "slide-no-title",
        _one_slide('notes = "n"'),
        "slides[0].title: missing; every slide needs a title and a scenario",
    ),
    (
        "slide-no-scenario",
        'deck_version = 1\ntitle = "T"\n[[slides]]\ntitle = "x"\n',
        "slides[0].scenario: missing; every slide needs a title and a scenario",
    ),
    (
        "notes-integer",
        _one_slide('title = "x"\nnotes = 5'),
        "slides[0].notes: expected a string, got an integer",
    ),
    (
        "reveal-unknown",
        _one_slide('title = "x"\nreveal = "slowly"'),
        "slides[0].reveal: expected trace, all or none, got 'slowly'",
    ),
    (
        "scenario-integer",
        'deck_version = 1\ntitle = "T"\n[[slides]]\ntitle = "x"\nscenario = 5\n',
        "slides[0].scenario: expected an inline table, 'library:<slug>' or a scenario file path, got an integer",
    ),
    (
        "scenario-blank",
        'deck_version = 1\ntitle = "T"\n[[slides]]\ntitle = "x"\nscenario = ""\n',
        "slides[0].scenario: is empty",
    ),
    (
        "library-unknown",
        'deck_version = 1\ntitle = "T"\n[[slides]]\ntitle = "x"\nscenario = "library:nope"\n',
        f"slides[0].scenario: library scenario 'nope' not found; known: {LIBRARY_KNOWN}",
    ),
    (
        "library-traversal",
        'deck_version = 1\ntitle = "T"\n[[slides]]\ntitle = "x"\nscenario = "library:../deck"\n',
        f"slides[0].scenario: library scenario '../deck' not found; known: {LIBRARY_KNOWN}",
    ),
    (
        "file-missing",
        'deck_version = 1\ntitle = "T"\n[[slides]]\ntitle = "x"\nscenario = "gone.toml"\n',
        "slides[0].scenario: gone.toml: no such file",
    ),
    (
        "inline-no-version",
        _one_slide('title = "x"', '[slides.scenario]\npage = "https://a.example/"\n'),
        "slides[0].scenario.version: missing; add version = 1",
    ),
    (
        "inline-bad-enum",
        _one_slide('title = "x"', MINIMAL_SCENARIO + '[slides.scenario.request]\ncredentials = "includ"\n'),
        "slides[0].scenario.request.credentials: expected omit, same-origin or include, got 'includ'",
    ),
    (
        "inline-unknown-key",
        _one_slide('title = "x"', MINIMAL_SCENARIO + 'speaker = "me"\n'),
        "slides[0].scenario.speaker: unknown key; expected one of version, title, notes, page, target, resources, "
        "page_sandboxed, request, preflight, response, redirects, cookie, expect, third_party_cookies",
    ),
    (
        "inline-bad-url",
        _one_slide(
            'title = "x"',
            '[slides.scenario]\nversion = 1\npage = "https://a.example/"\ntarget = "https://"\n',
        ),
        None,
    ),  # the URL parser's own wording; the path is what matters
    (
        "inline-expect-absent-resource",
        _one_slide('title = "x"', MINIMAL_SCENARIO + '[slides.scenario.expect]\n"fetch.read" = true\n'),
        "slides[0].scenario.expect.fetch.read: expects a fetch verdict, but 'fetch' is not in resources",
    ),
    ("not-toml", 'deck_version = 1\ntitle = "T\n', None),
]


@pytest.mark.parametrize(
    ("text", "message"), [(t, m) for _, t, m in BAD_DECKS], ids=[i for i, _, _ in BAD_DECKS]
)
def test_bad_deck_is_one_line_naming_the_key(tmp_path: Path, text: str, message: str | None) -> None:
    path = _deck(tmp_path, text)
    with pytest.raises(ScenarioError) as info:
        load_deck(path)
    error = str(info.value)
    assert "\n" not in error
    if message is not None:
        assert error == message
    elif "TOML" in error:
        assert error.startswith(f"{path}: is not valid TOML")
    else:
        assert info.value.path == "slides[0].scenario.target"


def test_bad_scenario_file_names_the_slide_the_file_and_the_key(tmp_path: Path) -> None:
    (tmp_path / "bad.toml").write_text(
        'version = 1\npage = "https://a.example/"\ntarget = "https://b.example/"\n[request]\nmode = "cros"\n',
        "utf-8",
    )
    text = _one_slide('title = "ok"') + '\n[[slides]]\ntitle = "x"\nscenario = "bad.toml"\n'
    with pytest.raises(ScenarioError) as info:
        load_deck(_deck(tmp_path, text))
    assert (
        str(info.value)
        == "slides[1].scenario: bad.toml: request.mode: expected cors, no-cors or same-origin, got 'cros'"
    )


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("deck.json", b'{"deck_version": 1}', "expected a .toml deck file, got '.json'"),
        ("deck", b"deck_version = 1", "expected a .toml deck file, got 'no extension'"),
        ("deck.toml", b"# " + b"x" * (1024 * 1024), "scenario files are at most 1 MiB"),
        ("deck.toml", b'title = "\xff"', "is not UTF-8 text"),
    ],
    ids=["json", "no-extension", "over-1-MiB", "not-utf-8"],
)
def test_deck_file_itself_rejected(tmp_path: Path, name: str, content: bytes, expected: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ScenarioError) as info:
        load_deck(path)
    assert str(info.value).startswith(f"{path}: ")
    assert expected in str(info.value)
    assert "\n" not in str(info.value)


def test_missing_deck_file(tmp_path: Path) -> None:
    with pytest.raises(ScenarioError) as info:
        load_deck(tmp_path / "nowhere.toml")
    assert str(info.value) == f"{tmp_path / 'nowhere.toml'}: no such file"


def test_a_deck_that_is_a_fifo_or_device_is_refused_at_once(tmp_path: Path) -> None:
    """The scenario reader's safety is the deck's too: never blocked on a FIFO, never reading /dev/zero."""
    import os

    fifo = tmp_path / "deck.toml"
    os.mkfifo(fifo)
    with pytest.raises(ScenarioError, match="is a FIFO"):
        load_deck(fifo)
    zero = tmp_path / "zero.toml"
    zero.symlink_to("/dev/zero")
    with pytest.raises(ScenarioError, match="is a character device"):
        load_deck(zero)


def test_a_slide_scenario_file_that_is_a_fifo_is_refused(tmp_path: Path) -> None:
    import os

    os.mkfifo(tmp_path / "s.toml")
    deck = tmp_path / "deck.toml"
    deck.write_text('deck_version = 1\ntitle = "t"\n[[slides]]\ntitle = "a"\nscenario = "s.toml"\n')
    with pytest.raises(ScenarioError) as error:
        load_deck(deck)
    assert str(error.value) == "slides[0].scenario: s.toml: is a FIFO (named pipe), not a regular file; give a scenario file"


# --- headers one line each (issue 14: a header is one line on stage) ---------------------------------

HEADER_LINES_SCENARIO = '''
[slides.scenario]
version = 1
page = "https://app.example.com/"
target = "https://api.example.com/old"
resources = ["fetch"]

[slides.scenario.request]
method = "POST"
headers = """
Content-Type: application/json
"""

[[slides.scenario.redirects]]
status = 307
location = "/new"
headers = "Access-Control-Allow-Origin: *"

[slides.scenario.preflight]
status = 204
headers = """
Access-Control-Allow-Origin: *
Access-Control-Allow-Methods: POST
Access-Control-Allow-Headers: Content-Type
"""

[slides.scenario.response]
headers = """
Access-Control-Allow-Origin: *
Vary: Origin
Vary: Accept
"""
'''


def test_headers_as_name_value_lines_load_as_the_pairs_do(tmp_path: Path) -> None:
    deck = load_deck(_deck(tmp_path, _one_slide('title = "Lines"', HEADER_LINES_SCENARIO)))
    scenario = deck.slides[0].scenario
    assert scenario.request.headers == (("Content-Type", "application/json"),)
    assert scenario.redirects[0].headers == (("Access-Control-Allow-Origin", "*"),)
    assert [name for name, _ in scenario.preflight.headers] == [
        "Access-Control-Allow-Origin",
        "Access-Control-Allow-Methods",
        "Access-Control-Allow-Headers",
    ]
    assert scenario.response.headers == (
        ("Access-Control-Allow-Origin", "*"),
        ("Vary", "Origin"),
        ("Vary", "Accept"),
    )  # order and duplicates kept
    pairs = HEADER_LINES_SCENARIO.replace(
        '"""\nAccess-Control-Allow-Origin: *\nVary: Origin\nVary: Accept\n"""',
        '[["Access-Control-Allow-Origin", "*"], ["Vary", "Origin"], ["Vary", "Accept"]]',
    )
    assert pairs != HEADER_LINES_SCENARIO
    same = load_deck(_deck(tmp_path, _one_slide('title = "Lines"', pairs), "pairs.toml")).slides[0].scenario
    assert same.response.headers == scenario.response.headers


@pytest.mark.parametrize(
    ("headers", "message"),
    [
        (
            '"""\nVary: Origin\nnot a header\n"""',
            "slides[0].scenario.response.headers: line 2: 'not a header' is not 'Name: value'",
        ),
        ('"Bad Name: 1"', "slides[0].scenario.response.headers[0][0]: 'Bad Name' is not a valid header name (an HTTP token)"),
    ],
)
def test_a_bad_header_line_names_the_key_and_the_line(tmp_path: Path, headers: str, message: str) -> None:
    scenario = MINIMAL_SCENARIO + f"[slides.scenario.response]\nheaders = {headers}\n"
    with pytest.raises(ScenarioError) as info:
        load_deck(_deck(tmp_path, _one_slide('title = "x"', scenario)))
    assert str(info.value) == message


def test_a_slide_is_about_the_capabilities_its_expectations_name(shipped: Deck) -> None:
    for slide in shipped.slides:
        named = {e.path for e in slide.scenario.expect if "." in e.path and e.path != "fetch.preflight"}
        assert set(slide.about) == named
    assert all(slide.about for slide in shipped.slides)
