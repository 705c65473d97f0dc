"""``origin-playground explain`` and ``compare``: exit statuses, one-line errors, JSON and human output."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from origin_playground.cli import main
from origin_playground.commands.explain import MAX_INPUT

ROOT = Path(__file__).resolve().parents[1]
FETCH_MESSAGE = (
    "Access to fetch at 'https://api.example.com/v1/items' from origin 'https://app.example.com' has been "
    "blocked by CORS policy: Response to preflight request doesn't pass access control check: No "
    "'Access-Control-Allow-Origin' header is present on the requested resource."
)
DOM_MESSAGE = (
    'Blocked a frame with origin "https://www.a.com" from accessing a frame with origin "https://www.b.com". '
    "Protocols, domains, and ports must match."
)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        status = main(list(argv))
    except SystemExit as exit_:
        status = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return status, out, err


def test_explain_dom_message_json(capsys) -> None:
    status, out, err = run(capsys, "explain", DOM_MESSAGE, "--json")
    assert status == 0 and err == ""
    data = json.loads(out)
    assert data["recognised"]["reason"] == "cross-origin-frame-access"
    assert data["recognised"]["origin"] == "https://www.a.com"
    assert (
        data["scenario"]["page"] == "https://www.a.com" and data["scenario"]["target"] == "https://www.b.com"
    )
    assert data["report"]["verdicts"]["dom"]["can"] == {"access": False}
    assert data["report"]["expectations"] == [
        {"path": "dom.access", "expected": False, "actual": False, "met": True}
    ]


MIXED_MESSAGE = (
    "Mixed Content: The page at 'https://app.example.com/settings' was loaded over HTTPS, but requested an "
    "insecure XMLHttpRequest endpoint 'http://api.example.com/v1/items'. This request has been blocked; the "
    "content must be served over HTTPS."
)
# Firefox in French (security.properties CORSMissingAllowOrigin2).
FRENCH_MESSAGE = (
    "Blocage d’une requête multiorigines (Cross-Origin Request) : la politique « Same Origin » ne permet pas de "
    "consulter la ressource distante située sur https://api.example.com/v1/items. Raison : l’en-tête CORS « "
    "Access-Control-Allow-Origin » est manquant. Code d’état : 200."
)


def test_explain_json_lists_every_message_and_keeps_the_version_1_keys(capsys) -> None:
    paste = "index.js:12 " + MIXED_MESSAGE + "\n" + FETCH_MESSAGE + "\nGET https://api.example.com/v1/items net::ERR_FAILED"
    status, out, err = run(capsys, "explain", paste, "--json")
    assert status == 0 and err == ""
    data = json.loads(out)
    assert data["version"] == 2
    codes = [m["code"] for m in data["messages"]]
    assert codes == ["mixed-content", "missing-allow-origin"]
    first, second = data["messages"]
    assert first["origin"] == "https://app.example.com" and first["url"] == "http://api.example.com/v1/items"
    assert first["report"]["verdicts"]["fetch"]["can"] == {"send": False, "read": False}
    assert second["preflight"] is True and second["era"] == "current" and second["browser"] == "chrome"
    assert any("preflight" in line for line in second["assumptions"])
    assert {"browser", "era", "code", "url", "origin", "hint", "assumptions", "report", "language"} <= set(first)
    # The version-1 keys hold the first message, as before.
    assert data["recognised"]["reason"] == "mixed-content" and data["scenario"] == first["scenario"]
    assert data["report"] == first["report"]


def test_explain_names_the_language_of_a_localized_firefox_message(capsys) -> None:
    status, out, _ = run(capsys, "explain", FRENCH_MESSAGE, "--json")
    message = json.loads(out)["messages"][0]
    assert status == 0 and (message["code"], message["language"], message["browser"]) == (
        "missing-allow-origin",
        "fr",
        "firefox",
    )
    status, out, _ = run(capsys, "explain", FRENCH_MESSAGE, "--no-color")
    assert status == 0 and "Recognised: Firefox's message missing-allow-origin  (in fr)" in out


def test_explain_human_output_shows_each_message(capsys) -> None:
    status, out, err = run(capsys, "explain", MIXED_MESSAGE + "\n" + FETCH_MESSAGE, "--no-color")
    assert status == 0 and err == ""
    assert out.startswith("2 messages in this paste, the most specific first.")
    assert "── message 1 of 2" in out and "── message 2 of 2" in out
    assert out.index("mixed-content") < out.index("missing-allow-origin")


def test_explain_fetch_message_human(capsys) -> None:
    status, out, err = run(capsys, "explain", FETCH_MESSAGE, "--no-color")
    assert status == 0 and err == ""
    assert "Recognised: Chrome's message missing-allow-origin" in out
    assert "the failure is in the preflight (OPTIONS) response" in out
    assert "fetch     ✘ blocked" in out
    assert "fix" in out and "Access-Control-Allow-Origin: https://app.example.com" in out


def test_explain_reads_stdin_and_exports(capsys, monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("(index):1 " + FETCH_MESSAGE + "\n"))
    status, out, err = run(capsys, "explain", "-", "--export", "curl")
    assert status == 0 and err == ""
    assert out.startswith("# 1. The CORS preflight") and "-X OPTIONS" in out


def test_explain_reads_binary_stdin(capsys, monkeypatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(("[Error] " + DOM_MESSAGE + "\n").encode()), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    status, out, err = run(capsys, "explain", "-", "--json")
    assert status == 0 and err == ""
    assert json.loads(out)["recognised"]["reason"] == "cross-origin-frame-access"


def test_explain_reads_a_file(capsys, tmp_path: Path) -> None:
    paste = tmp_path / "console.txt"
    paste.write_text("index.js:3 " + FETCH_MESSAGE + "\n", encoding="utf-8")
    status, out, err = run(capsys, "explain", "--file", str(paste), "--json")
    assert status == 0 and err == ""
    recognised = json.loads(out)["recognised"]
    assert recognised["reason"] == "missing-allow-origin" and recognised["preflight"] is True


def test_explain_file_of_exactly_the_limit_is_read(capsys, tmp_path: Path) -> None:
    paste = tmp_path / "big.txt"
    paste.write_bytes((DOM_MESSAGE + " ").encode().ljust(MAX_INPUT, b"x"))
    status, out, err = run(capsys, "explain", "--file", str(paste), "--json")
    assert status == 0 and err == ""
    assert json.loads(out)["recognised"]["reason"] == "cross-origin-frame-access"


def _fifo(tmp_path: Path) -> str:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this system")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    return str(fifo)


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (lambda d: str(d), "is not a regular file"),
        (_fifo, "is not a regular file"),
        (lambda d: str(d / "missing.txt"), "cannot be opened: No such file or directory"),
        (
            lambda d: _write(d / "big.txt", b"x" * (MAX_INPUT + 1)),
            "is longer than 1 MiB; paste only the console lines",
        ),
        (lambda d: _write(d / "latin1.txt", "Script error. caf\xe9".encode("latin-1")), "is not UTF-8 text"),
    ],
    ids=["directory", "fifo", "missing", "too-long", "not-utf-8"],
)
def test_explain_file_errors_are_one_line_and_status_2(capsys, tmp_path: Path, make, problem: str) -> None:
    path = make(tmp_path)
    status, out, err = run(capsys, "explain", "--file", path)
    assert status == 2 and out == ""
    assert err == f"origin-playground explain: --file {path!r}: {problem}\n"


def _write(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


def test_explain_stdin_is_bounded(capsys, monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("Script error. " + "x" * MAX_INPUT))
    status, out, err = run(capsys, "explain", "-")
    assert status == 2 and out == ""
    assert err == "origin-playground explain: stdin: is longer than 1 MiB; paste only the console lines\n"
    stdin = io.TextIOWrapper(io.BytesIO(b"\xff\xfe Script error."), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    status, out, err = run(capsys, "explain", "-")
    assert status == 2 and err == "origin-playground explain: stdin: is not UTF-8 text\n"


def test_explain_text_and_file_together_is_bad_input(capsys, tmp_path: Path) -> None:
    paste = tmp_path / "console.txt"
    paste.write_text(DOM_MESSAGE, encoding="utf-8")
    status, out, err = run(capsys, "explain", DOM_MESSAGE, "--file", str(paste))
    assert status == 2 and out == ""
    assert (
        err == "origin-playground explain: TEXT: give the message as TEXT, '-' or --file F, not two of them\n"
    )


def test_explain_words_are_joined(capsys) -> None:
    status, out, _ = run(capsys, "explain", "Script", "error.", "--json")
    assert status == 0 and json.loads(out)["recognised"]["reason"] == "script-error-muted"


def test_not_recognised_lists_what_is(capsys) -> None:
    status, out, err = run(capsys, "explain", "TypeError: Failed to fetch", "--no-color")
    assert status == 1 and err == ""
    assert out.startswith("Not recognised:")
    assert "missing-allow-origin" in out and "x-frame-options" in out
    status, out, _ = run(capsys, "explain", "hello", "--json")
    assert status == 1
    data = json.loads(out)
    assert data["recognised"] is None and {"browser", "reason", "rule", "example"} <= set(data["known"][0])
    assert data["version"] == 2 and data["messages"] == []


def test_known_lists_examples(capsys) -> None:
    status, out, _ = run(capsys, "explain", "--known", "--json")
    assert status == 0 and len(json.loads(out)) > 40


@pytest.mark.parametrize(
    ("argv", "error"),
    [
        (["explain"], "origin-playground explain: TEXT: give the console message to explain"),
        (["explain", "   "], "origin-playground explain: TEXT: give the console message to explain"),
        (["explain", DOM_MESSAGE, "--export", "yaml"], "origin-playground explain: error: argument --export"),
        (
            ["compare", "https://a.example", "nope"],
            "origin-playground compare: urls[1]: 'nope' is not an absolute URL",
        ),
        (
            ["compare", "https://a.example"],
            "origin-playground compare: urls: expected at least two URLs to compare, got 1",
        ),
        (["compare"], "origin-playground compare: error: the following arguments are required: URL"),
    ],
)
def test_bad_input_is_one_line_and_status_2(capsys, argv: list[str], error: str) -> None:
    status, out, err = run(capsys, *argv)
    assert status == 2 and out == ""
    assert err.startswith(error) and err.count("\n") == 1


def test_compare_json(capsys) -> None:
    status, out, err = run(
        capsys, "compare", "https://www.a.com/x", "https://www.a.com:443/y", "http://b.a.com", "--json"
    )
    assert status == 0 and err == ""
    data = json.loads(out)
    assert [u["origin"] for u in data["urls"]] == ["https://www.a.com", "https://www.a.com", "http://b.a.com"]
    assert data["pairs"][0] == {
        "a": 0,
        "b": 1,
        "same_origin": True,
        "differs": [],
        "same_site": True,
        "reason": "same scheme, host and port",
    }
    assert data["pairs"][1]["differs"] == ["scheme", "host"] and data["pairs"][1]["same_site"] is False


def test_compare_human(capsys) -> None:
    status, out, _ = run(
        capsys,
        "compare",
        "--first",
        "http://localhost:3000",
        "http://localhost:8080",
        "http://127.0.0.1:3000",
        "--no-color",
    )
    assert status == 0
    assert "http://localhost:3000" in out and "different port" in out and "different host" in out
    assert out.count("✘ no") >= 2


def test_subcommands_are_listed_and_skip_textual() -> None:
    help_text = subprocess.run(
        [sys.executable, "-m", "origin_playground", "--help"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    ).stdout
    assert (
        "explain   paste a browser console error" in help_text and "compare   the origin table" in help_text
    )
    code = (
        "from origin_playground.cli import main\nimport contextlib, io, sys\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['explain', {DOM_MESSAGE!r}])\n    main(['compare', 'https://a.example', 'https://b.example'])\n"
        "print('textual' in sys.modules, 'tui' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    ).stdout
    assert out.split() == ["False", "False"]
