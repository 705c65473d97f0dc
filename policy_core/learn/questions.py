"""The guided flow's questions, as data: what is asked, the examples to pick, what free text may
be typed, and which earlier answers make a question relevant.

A learner answers one question at a time; ``next_question`` says which comes next. Answers are the
question id mapped to a choice's value or typed text (a pasted server answer arrives already parsed,
as ``Pasted``). Nothing here decides a verdict: the scenario is built and evaluated elsewhere.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..errors import ScenarioError
from ..origins import parse_url


@dataclass(frozen=True, slots=True, kw_only=True)
class Pasted:
    """A server's answer pasted as text (``curl -i``, a network panel), already split by the caller."""

    status: int = 200
    headers: tuple[tuple[str, str], ...] = ()


Answer = str | Pasted
Answers = Mapping[str, Answer]


@dataclass(frozen=True, slots=True, kw_only=True)
class When:
    """Relevant when the answer to ``question`` is one of ``values`` (or, with ``negate``, is not)."""

    question: str
    values: frozenset[str]
    negate: bool = False

    def holds(self, answers: Answers) -> bool:
        answer = answers.get(self.question)
        if answer is None:
            return False
        text = answer.upper() if isinstance(answer, str) else ""
        return (text in self.values) != self.negate


def when(question: str, *values: str, negate: bool = False) -> When:
    return When(question=question, values=frozenset(v.upper() for v in values), negate=negate)


@dataclass(frozen=True, slots=True, kw_only=True)
class Choice:
    value: str  # what the answer becomes; "{origin}" stands for the page's origin
    label: str  # what the learner reads; "{origin}" likewise
    when: tuple[When, ...] = ()  # shown only when every condition holds


@dataclass(frozen=True, slots=True, kw_only=True)
class Question:
    id: str
    text: str  # the plain question
    hint: str  # one line under it
    choices: tuple[Choice, ...]
    # What may be typed instead of a choice (None: pick one): url, method, header, content-type,
    # set-cookie, or response (a pasted raw answer, several lines).
    free_text: str | None = None
    when: tuple[When, ...] = ()  # asked only when every condition holds
    any_of: tuple[When, ...] = ()  # ... and, if given, when at least one of these holds
    needs_preflight: bool = False  # asked only when the request so far is preflighted
    concept: str | None = None  # the concept screen a beginner may need here


def _c(value: str, label: str, *conditions: When) -> Choice:
    return Choice(value=value, label=label, when=conditions)


FETCH = when("want", "fetch")

QUESTIONS: tuple[Question, ...] = (
    Question(
        id="page",
        text="Where is your page?",
        hint="The URL in the address bar (or of the frame your script runs in).",
        choices=(
            _c("https://app.example.com/dashboard", "A web app: https://app.example.com/dashboard"),
            _c("http://localhost:3000/", "Your dev server: http://localhost:3000/"),
            _c("https://www.a.com/", "The article's page: https://www.a.com/"),
            _c("https://bad-site.com/", "Some other site the user visits: https://bad-site.com/"),
        ),
        free_text="url",
        concept="origin",
    ),
    Question(
        id="want",
        text="What does it want to do with the other URL?",
        hint="Pick the one closest to your situation.",
        choices=(
            _c("fetch", "Read data from it with fetch() (an API)"),
            _c("iframe", "Show it in a frame (<iframe>)"),
            _c("image", "Show an image from it, and maybe read its pixels"),
            _c("script", "Run a script from it (<script src>)"),
            _c("cookie", "Rely on a cookie it sets"),
            _c("dom", "Touch the other page's DOM (through a frame or window.open)"),
        ),
        concept="sop",
    ),
    Question(
        id="target",
        text="What is the other URL?",
        hint="The API, image, script, frame or site your page talks to.",
        choices=(
            _c("https://api.example.com/v1/items", "An API on a subdomain: https://api.example.com/v1/items",
               when("want", "fetch", "cookie")),
            _c("http://localhost:8080/api/items", "A dev API on another port: http://localhost:8080/api/items",
               when("want", "fetch")),
            _c("https://cdn.example.net/photos/cat.png", "An image on a CDN: https://cdn.example.net/photos/cat.png",
               when("want", "image")),
            _c("https://cdn.widgets.example.net/widget.js",
               "A third-party script: https://cdn.widgets.example.net/widget.js", when("want", "script")),
            _c("https://widget.example.net/embed", "A widget on another site: https://widget.example.net/embed",
               when("want", "iframe", "dom")),
            _c("https://www.b.com/account", "The article's other site: https://www.b.com/account",
               when("want", "fetch", "dom", "iframe")),
            _c("https://bank.com/transfer", "A bank the user is logged in to: https://bank.com/transfer",
               when("want", "fetch", "cookie")),
            _c("{origin}/other/page", "Something on your page's own origin: {origin}/other/page"),
        ),
        free_text="url",
        concept="origin",
    ),
    # --- fetch ---------------------------------------------------------------------------------
    Question(
        id="method",
        text="Which method does the request use?",
        hint="fetch(url) alone is a GET.",
        choices=tuple(_c(m, m) for m in ("GET", "POST", "PUT", "DELETE", "PATCH")),
        free_text="method",
        when=(FETCH,),
        concept="preflight",
    ),
    Question(
        id="body",
        text="What does the request body hold?",
        hint="Its Content-Type decides whether the browser asks first.",
        choices=(
            _c("application/json", "JSON (Content-Type: application/json)"),
            _c("application/x-www-form-urlencoded", "Form fields (application/x-www-form-urlencoded)"),
            _c("text/plain", "Plain text (text/plain)"),
            _c("none", "No body, no Content-Type"),
        ),
        free_text="content-type",
        when=(FETCH, when("method", "GET", "HEAD", negate=True)),
        concept="preflight",
    ),
    Question(
        id="headers",
        text="Does the request add a header of its own?",
        hint="Headers your code sets in fetch(url, {headers: ...}).",
        choices=(
            _c("none", "No extra header"),
            _c("Authorization: Bearer abc123", "Authorization: Bearer abc123 (a token)"),
            _c("X-Requested-With: XMLHttpRequest", "X-Requested-With: XMLHttpRequest"),
            _c("X-API-Key: 123", "X-API-Key: 123"),
            _c("Accept: application/json", "Accept: application/json"),
        ),
        free_text="header",
        when=(FETCH,),
        concept="preflight",
    ),
    # --- cookie ----------------------------------------------------------------------------------
    Question(
        id="set_cookie",
        text="How does the other site set its cookie?",
        hint="Its Set-Cookie line, as the network panel shows it.",
        choices=(
            _c("sid=1", "sid=1 (no attributes: SameSite counts as Lax)"),
            _c("sid=1; SameSite=Lax; Secure; HttpOnly", "sid=1; SameSite=Lax; Secure; HttpOnly"),
            _c("sid=1; SameSite=Strict; Secure; HttpOnly", "sid=1; SameSite=Strict; Secure; HttpOnly"),
            _c("sid=1; SameSite=None; Secure", "sid=1; SameSite=None; Secure"),
            _c("sid=1; SameSite=None", "sid=1; SameSite=None (without Secure)"),
        ),
        free_text="set-cookie",
        when=(when("want", "cookie"),),
        concept="csrf",
    ),
    Question(
        id="via",
        text="Which request from your page should carry the cookie?",
        hint="The same cookie goes with some requests and not others.",
        choices=(
            _c("fetch", "A fetch() call from the page's script"),
            _c("form-post", "A form on the page that posts to the other site"),
            _c("navigation", "A link the user follows to the other site"),
            _c("iframe", "A frame of the other site"),
            _c("image", "An image from the other site"),
        ),
        when=(when("want", "cookie"),),
        concept="csrf",
    ),
    Question(
        id="credentials",
        text="Should the request carry the user's cookies?",
        hint="fetch()'s credentials option.",
        choices=(
            _c("same-origin", "The default: cookies only to the page's own origin"),
            _c("include", "credentials: 'include': cookies to the other origin too"),
            _c("omit", "credentials: 'omit': never"),
        ),
        any_of=(FETCH, when("via", "fetch")),
        concept="credentials",
    ),
    # --- image and script --------------------------------------------------------------------------
    Question(
        id="pixels",
        text="Does your page read the image's pixels?",
        hint="Drawing it on a canvas, then getImageData() or toDataURL().",
        choices=(_c("no", "No, it only shows the image"), _c("yes", "Yes, it reads the pixels")),
        when=(when("want", "image"),),
        concept="sop",
    ),
    Question(
        id="crossorigin",
        text="Does the element have a crossorigin attribute?",
        hint="<img crossorigin> or <script crossorigin>: it loads the file in CORS mode.",
        choices=(
            _c("none", "No crossorigin attribute"),
            _c("anonymous", 'crossorigin="anonymous"'),
            _c("use-credentials", 'crossorigin="use-credentials"'),
        ),
        when=(when("want", "image", "script"),),
        concept="credentials",
    ),
    # --- the server's answers ----------------------------------------------------------------------
    Question(
        id="server",
        text="What does the server answer today?",
        hint="Pick one, or paste its response headers (curl -i, or the network panel).",
        choices=(
            _c("plain", "200 with no CORS headers (a server that knows nothing of CORS)"),
            _c("star", "Access-Control-Allow-Origin: *"),
            _c("page", "Access-Control-Allow-Origin: {origin}"),
            _c("page-credentials", "Access-Control-Allow-Origin: {origin} and Access-Control-Allow-Credentials: true"),
            _c("corp-same-origin", "Cross-Origin-Resource-Policy: same-origin", when("want", "image", "script")),
        ),
        free_text="response",
        when=(when("want", "fetch", "image", "script"),),
        concept="credentials",
    ),
    Question(
        id="preflight",
        text="The browser asks first with OPTIONS (a preflight). What does the server answer to it?",
        hint="Pick one, or paste the OPTIONS response's headers.",
        choices=(
            _c("allow", "204 with the same CORS headers, allowing this method and these headers"),
            _c("404", "404: the server has no OPTIONS route"),
            _c("plain", "200 with no CORS headers"),
        ),
        free_text="response",
        when=(FETCH,),
        needs_preflight=True,
        concept="preflight",
    ),
    Question(
        id="framing",
        text="Does the other page say who may frame it?",
        hint="Pick one, or paste its response headers.",
        choices=(
            _c("none", "No framing headers"),
            _c("xfo-deny", "X-Frame-Options: DENY"),
            _c("xfo-sameorigin", "X-Frame-Options: SAMEORIGIN"),
            _c("csp-self", "Content-Security-Policy: frame-ancestors 'self'"),
            _c("csp-page", "Content-Security-Policy: frame-ancestors 'self' {origin}"),
        ),
        free_text="response",
        when=(when("want", "iframe"),),
        concept="sop",
    ),
)

BY_ID: dict[str, Question] = {question.id: question for question in QUESTIONS}

# Free-text placeholders, by kind.
FREE_TEXT_PROMPTS: dict[str, str] = {
    "url": "or type a URL",
    "method": "or type a method",
    "header": "or type a header line (Name: value)",
    "content-type": "or type a Content-Type",
    "set-cookie": "or type a Set-Cookie line",
    "response": "or paste the response (status line and headers)",
}


def page_origin(answers: Answers) -> str | None:
    """The page's serialized origin, or None while it is not a URL with a tuple origin."""
    page = answers.get("page")
    if not isinstance(page, str):
        return None
    try:
        origin = parse_url(page, field_path="page").origin
    except ScenarioError:
        return None
    return None if origin.opaque else origin.serialize()


def fill(text: str, answers: Answers) -> str | None:
    """``text`` with ``{origin}`` filled in; None when it needs an origin the page does not have."""
    if "{origin}" not in text:
        return text
    origin = page_origin(answers)
    return None if origin is None else text.replace("{origin}", origin)


def choices_for(question: Question, answers: Answers) -> list[tuple[str, str]]:
    """The (value, label) examples shown for ``question`` after ``answers``."""
    out = []
    for choice in question.choices:
        if not all(c.holds(answers) for c in choice.when):
            continue
        value, label = fill(choice.value, answers), fill(choice.label, answers)
        if value is not None and label is not None:
            out.append((value, label))
    return out


def asked(question: Question, answers: Answers) -> bool:
    """Whether ``question`` is relevant after ``answers`` (the preflight test is the caller's)."""
    if not all(c.holds(answers) for c in question.when):
        return False
    return not question.any_of or any(c.holds(answers) for c in question.any_of)
