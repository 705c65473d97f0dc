"""The concepts a beginner needs, after the article the product grew from
(reference/sop-article.txt): the guided flow's concept screens and the help screen's primer, each
with a library scenario that shows it (origin_playground/scenarios). Written here once."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True, kw_only=True)
class Concept:
    id: str
    topic: str  # the short name the help screen's primer lists it under
    title: str
    paragraphs: tuple[str, ...]
    example: str  # the slug of a library scenario


CONCEPTS: tuple[Concept, ...] = (
    Concept(
        id="origin",
        topic="Origin",
        title="What is an origin?",
        paragraphs=(
            "An origin is three parts of a URL together: the scheme (https), the host (www.a.com) and the "
            "port (443, the default for https).",
            "If any one of the three differs, it is another origin: http://example.com, "
            "https://www.example.com and https://example.com:8443 are three origins other than "
            "https://example.com. The path never counts.",
        ),
        example="origin-port-differs",
    ),
    Concept(
        id="sop",
        topic="Same-Origin Policy (SOP)",
        title="What the same-origin policy blocks, and what it allows",
        paragraphs=(
            "The same-origin policy says: a page's script cannot read another origin's data. It cannot reach "
            "into another origin's DOM, frame or cookies, and it cannot read the answer to a fetch() sent "
            "to another origin.",
            "Sending is not blocked: the request still leaves the browser, and the server acts on it. "
            "Loading is not blocked either: images, scripts, styles and frames from elsewhere show and run "
            "as they are; only their insides (pixels, frame DOM, script errors) stay unreadable unless the "
            "other server allows it with CORS.",
        ),
        example="a-com-reads-b-com",
    ),
    Concept(
        id="cors",
        topic="CORS",
        title="CORS: how a server lets another origin read",
        paragraphs=(
            "Cross-Origin Resource Sharing lets a server relax the same-origin policy for its own "
            "responses: answering with Access-Control-Allow-Origin naming the page's origin tells the "
            "browser that this page may read the response.",
            "The browser enforces it; the server only declares it. Without that header the request is "
            "still sent and answered, but the page's script never sees the answer.",
        ),
        example="spa-api-with-cookies",
    ),
    Concept(
        id="preflight",
        topic="Preflight",
        title="Simple requests and preflighted ones",
        paragraphs=(
            "A simple request (GET, HEAD or POST, with only safelisted headers and a form-like Content-Type "
            "such as text/plain) is sent straight away, as a form could send it.",
            "Anything else, a PUT, a JSON body, an Authorization header, is asked about first: the browser "
            "sends an OPTIONS request (the preflight), and sends the real one only if the answer allows "
            "the method and the headers.",
        ),
        example="json-post-preflight",
    ),
    Concept(
        id="credentials",
        topic="Credentials",
        title="Credentials and the * wildcard",
        paragraphs=(
            "Access-Control-Allow-Origin: * lets any site read a response, which is right for public data. "
            "A request that carries the user's cookies (credentials: 'include') is different: the server "
            "must name the page's origin and add Access-Control-Allow-Credentials: true.",
            "With credentials, * is refused: otherwise every site could read what the user's login unlocks.",
        ),
        example="wildcard-with-credentials",
    ),
    Concept(
        id="csrf",
        topic="CSRF",
        title="Where CORS ends and CSRF begins",
        paragraphs=(
            "CORS decides whether a page's script may read an answer. It does not stop the request: a form "
            "on bad-site.com can still post to bank.com, and the browser may attach bank.com's cookies.",
            "Stopping that forgery (CSRF) is the server's and the cookie's job: CSRF tokens in forms, "
            "SameSite cookies (Lax or Strict) and HttpOnly for session cookies.",
        ),
        example="bank-and-bad-site",
    ),
)

BY_ID: dict[str, Concept] = {concept.id: concept for concept in CONCEPTS}
