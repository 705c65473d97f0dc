"""The bad-input corpus (issue 13): every hostile input answers with exit status 2 and exactly one
clean line on stderr: no traceback, no raw escape sequence, in well under the time bound.

Most cases run in-process (``main(argv)``); those that could hang a test process if they regressed
(FIFOs, /dev/zero, endless stdin) or that need real argv bytes run as a subprocess with a timeout.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from origin_playground.cli import main

ROOT = Path(__file__).resolve().parents[1]
TIME_BOUND = 2.0  # seconds, per in-process case (the slowest takes a few milliseconds)
SUBPROCESS_BOUND = 20.0  # seconds, including interpreter start-up on a loaded machine
BASE = 'version = 1\npage = "https://app.example.com/"\ntarget = "https://api.example.com/v1/items"\n'
BASE_JSON = {"version": 1, "page": "https://app.example.com/", "target": "https://api.example.com/v1/items"}
PAGE = ["--page", "https://app.example.com/", "--target", "https://api.example.com/v1/items"]


def toml(extra: str) -> bytes:
    return (BASE + extra).encode()


def js(**extra: object) -> bytes:
    """JSON with Python's escapes kept as JSON escapes (so a lone surrogate is the text ``\\ud800``)."""
    return json.dumps({**BASE_JSON, **extra}, ensure_ascii=True).encode()


@dataclass
class Case:
    id: str
    argv: list[str]
    says: str  # a substring of the one stderr line
    files: dict[str, bytes | str] = field(default_factory=dict)  # str values: "fifo", "link:TARGET", "dir"
    stdin: bytes | None = None
    subprocess: bool = False


SURROGATE_FIELDS = [
    ("title", js(title="a\ud800"), "title: is not valid Unicode text"),
    ("notes", js(notes="\ud800"), "notes: is not valid Unicode text"),
    ("page", js(page="https://a\ud800.com/"), "page: is not valid Unicode text"),
    ("target", js(target="https://b.com/\ud800"), "target: is not valid Unicode text"),
    ("method", js(request={"method": "G\ud800"}), "request.method: is not valid Unicode text"),
    ("request-header-value", js(request={"headers": [["X-A", "\ud800"]]}), "request.headers[0][1]: is not valid"),
    ("request-header-name", js(request={"headers": {"X-\ud800": "1"}}), "is not valid Unicode text"),
    ("preflight-header", js(preflight={"headers": {"Access-Control-Allow-Origin": "\udfff"}}),
     "preflight.headers.Access-Control-Allow-Origin: is not valid Unicode text"),
    ("response-header", js(response={"headers": [["Access-Control-Allow-Origin", "x\ud800"]]}),
     "response.headers[0][1]: is not valid Unicode text"),
    ("redirect-location", js(redirects=[{"location": "/\ud800"}]), "redirects[0].location: is not valid"),
    ("redirect-header", js(redirects=[{"location": "/b", "headers": [["X", "\ud800"]]}]), "redirects[0].headers"),
    ("cookie-name", js(cookie={"name": "s\ud800"}), "cookie.name: is not valid Unicode text"),
    ("cookie-value", js(cookie={"value": "\ud800"}), "cookie.value: is not valid Unicode text"),
    ("cookie-domain", js(cookie={"domain": "\ud800.com"}), "cookie.domain: is not valid Unicode text"),
    ("cookie-path", js(cookie={"path": "/\ud800"}), "cookie.path: is not valid Unicode text"),
    ("cookie-samesite", js(cookie={"samesite": "\ud800"}), "cookie.samesite: is not valid Unicode text"),
    ("cookie-via", js(cookie={"via": "\ud800"}), "cookie.via: is not valid Unicode text"),
    ("set-cookie", js(cookie={"set_cookie": "a=\ud800"}), "cookie.set_cookie: is not valid Unicode text"),
    ("cookie-line", js(cookie="a=\ud800"), "cookie: is not valid Unicode text"),
    ("mode", js(request={"mode": "\ud800"}), "request.mode: is not valid Unicode text"),
    ("resources", js(resources=["\ud800"]), "resources[0]: is not valid Unicode text"),
    ("expect-key", js(expect={"\ud800": True}), "expect.\"\\ud800\": unknown expectation"),
    ("top-key", js(**{"\ud800": 1}), '"\\ud800": unknown key'),
]
CONTROL_FIELDS = [
    (f"{name}-{label}", js(**{key: wrap(ch)}), f"{where}: must not contain the control character")
    for name, key, wrap, where in [
        ("title", "title", lambda ch: f"a{ch}b", "title"),
        ("cookie-domain", "cookie", lambda ch: {"domain": f"example.com{ch}"}, "cookie.domain"),
        ("cookie-path", "cookie", lambda ch: {"path": f"/a{ch}"}, "cookie.path"),
    ]
    for label, ch in [("nul", "\x00"), ("cr", "\r"), ("lf", "\n"), ("esc", "\x1b"), ("c1", "\x9b")]
]

CASES: list[Case] = [
    # --- files that are not scenario files -----------------------------------------------------
    Case("fifo", ["check", "f.toml"], "is a FIFO (named pipe), not a regular file", {"f.toml": "fifo"}, subprocess=True),
    Case("fifo-workbench", ["f.toml"], "is a FIFO (named pipe)", {"f.toml": "fifo"}, subprocess=True),
    Case("dev-zero-link", ["check", "z.toml"], "is a character device", {"z.toml": "link:/dev/zero"}, subprocess=True),
    Case("dev-zero-workbench", ["z.json"], "is a character device", {"z.json": "link:/dev/zero"}, subprocess=True),
    Case("device-without-extension", ["check", "/dev/zero"], "expected a .toml or .json file, got 'no extension'"),
    Case("dev-null-link", ["check", "n.toml"], "is a character device", {"n.toml": "link:/dev/null"}),
    Case("symlink-loop", ["check", "a.toml"], "a loop of symbolic links", {"a.toml": "link:b.toml", "b.toml": "link:a.toml"}),
    Case("dangling-link", ["check", "d.toml"], "no such file", {"d.toml": "link:nowhere.toml"}),
    Case("directory", ["check", "dir"], "is a directory", {"dir": "dir"}),
    Case("directory-with-extension", ["check", "dir.toml"], "is a directory", {"dir.toml": "dir"}),
    Case("missing", ["check", "missing.toml"], "missing.toml: no such file"),
    Case("wrong-extension", ["check", "s.yaml"], "expected a .toml or .json file, got '.yaml'", {"s.yaml": b"version: 1"}),
    Case("over-1-mib", ["check", "s.toml"], "scenario files are at most 1 MiB", {"s.toml": b"#" * (1024 * 1024 + 1)}),
    Case("not-utf8", ["check", "s.toml"], "is not UTF-8 text", {"s.toml": b'title = "\xff"'}),
    Case("bad-toml", ["check", "s.toml"], "is not valid TOML", {"s.toml": b"version = \n"}),
    Case("bad-json", ["check", "s.json"], "is not valid JSON", {"s.json": b"{"}),
    Case("json-list", ["check", "s.json"], "expected a table of keys at the top, got a list", {"s.json": b"[1]"}),
    Case("json-deep", ["check", "s.json"], "is nested too deeply", {"s.json": b"[" * 200_000 + b"]" * 200_000}),
    Case("json-duplicate-key", ["check", "s.json"], "the key 'page' is given twice",
         {"s.json": b'{"version": 1, "page": "https://a.com", "page": "https://b.com", "target": "https://b.com"}'}),
    Case("json-duplicate-nested", ["check", "s.json"], "the key 'method' is given twice",
         {"s.json": js()[:-1] + b', "request": {"method": "GET", "method": "PUT"}}'}),
    # --- work bounded before parsing ------------------------------------------------------------
    Case("toml-dotted-key", ["check", "s.toml"], "a dotted key of 40000 parts",
         {"s.toml": ("version = 1\n" + ".".join(["a"] * 40_000) + " = 1\n").encode()}),
    Case("toml-many-keys", ["check", "s.toml"], "keys and items; scenario files have at most",
         {"s.toml": toml("[expect]\n" + "".join(f"k{i} = true\n" for i in range(20_000)))}),
    Case("toml-huge-status", ["check", "s.toml"], "response.status: a 5000-digit integer",
         {"s.toml": toml("[response]\nstatus = " + "9" * 5000 + "\n")}),
    Case("json-huge-status", ["check", "s.json"], "response.status: expected an integer from 100 to 599, got a 5000-digit",
         {"s.json": js()[:-1] + b', "response": {"status": ' + b"9" * 5000 + b"}}"}),
    Case("json-huge-negative", ["check", "s.json"], "redirects[0].status: expected an integer from 100 to 599",
         {"s.json": js()[:-1] + b', "redirects": [{"location": "/b", "status": -' + b"9" * 5000 + b"}]}"}),
    Case("json-long-status", ["check", "s.json"], "got a 40-digit integer",
         {"s.json": js()[:-1] + b', "response": {"status": ' + b"9" * 40 + b"}}"}),
    Case("json-huge-version", ["check", "s.json"], "version: expected an integer, got a 5000-digit integer",
         {"s.json": b'{"version": ' + b"1" * 5000 + b"}"}),
    # --- statuses given as flags: ASCII digits only -----------------------------------------------
    Case("status-underscore", ["check", *PAGE, "--status", "2_00"], "--status: expected a status code such as 204, got '2_00'"),
    Case("status-arabic-digits", ["check", *PAGE, "--status", "\u0662\u0660\u0660"], "--status: expected a status code"),
    Case("status-spaces", ["check", *PAGE, "--preflight-status", " 204"], "--preflight-status: expected a status code"),
    Case("status-huge", ["check", *PAGE, "--status", "9" * 5000], "(5000 characters)"),
    Case("status-negative", ["check", *PAGE, "--status", "-1"], "--status: expected a status code"),
    # --- escape sequences and new lines in what error lines quote --------------------------------
    Case("esc-json-key", ["check", "s.json"], '"\\x1b]0;PWNED\\x07": unknown key', {"s.json": js(**{"\x1b]0;PWNED\x07": 1})}),
    Case("newline-json-key", ["check", "s.json"], '"a\\nb": unknown key', {"s.json": js(**{"a\nb": 1})}),
    Case("esc-expect-key", ["check", "s.json"], 'expect."\\x1b]0;PWNED\\x07": unknown expectation',
         {"s.json": js(expect={"\x1b]0;PWNED\x07": True})}),
    Case("esc-header-table-name", ["check", "s.json"], "is not a valid header name",
         {"s.json": js(response={"headers": {"X-\x1b[2J": "1"}})}),
    Case("bidi-key", ["check", "s.json"], '"\\u202eevil": unknown key', {"s.json": js(**{"\u202eevil": 1})}),
    Case("c1-key", ["check", "s.json"], '"\\x9b2J": unknown key', {"s.json": js(**{"\x9b2J": 1})}),
    Case("esc-page-hint", ["check", "--page", "x\x1b]0;PWNED\x07", "--target", "https://b.com"], "did you mean 'https://x\\x1b]0;PWNED\\x07'"),
    Case("esc-compare", ["compare", "x\x1b]0;PWNED\x07", "https://a.com"], "urls[0]: 'x\\x1b]0;PWNED\\x07'"),
    Case("esc-header-flag", ["check", *PAGE, "--header", "X\x1b[2J"], "--header: expected 'Name: value', got 'X\\x1b[2J'"),
    Case("esc-expect-flag", ["check", *PAGE, "--expect", "\x1b[2J"], "--expect: expected PATH=true or PATH=false"),
    Case("cookie-line-esc", ["check", *PAGE, "--cookie", "a=1; Domain=b.com\x1b"], "browsers ignore such a Set-Cookie line"),
    Case("cookie-line-lf", ["check", *PAGE, "--cookie", "a=1\nb=2"], "--cookie: header values must not contain"),
    # --- flags must not hide a broken file value (item 9) ------------------------------------------
    Case("cookie-int-via-flag", ["check", "s.toml", "--via", "image"], "cookie: expected a table", {"s.toml": toml("cookie = 5\n")}),
    Case("request-string-method-flag", ["check", "s.toml", "--method", "PUT"], "request: expected a table, got a string",
         {"s.toml": toml('request = "x"\n')}),
    Case("headers-string-header-flag", ["check", "s.toml", "--header", "X-A: 1"],
         "request.headers: expected a list of [name, value] pairs, got a string", {"s.toml": toml('[request]\nheaders = "x"\n')}),
    Case("preflight-string-status-flag", ["check", "s.toml", "--preflight-status", "204"], "preflight: expected a table",
         {"s.toml": toml('preflight = "x"\n')}),
    Case("response-headers-int-flag", ["check", "s.toml", "--response-header", "X-A: 1"], "response.headers: expected a list",
         {"s.toml": toml("[response]\nheaders = 5\n")}),
    Case("expect-list-flag", ["check", "s.toml", "--expect", "dom.access=true"], "expect: expected a table, got a list",
         {"s.toml": toml("expect = [1]\n")}),
    Case("file-header-pair-with-header-flag", ["check", "s.toml", "--header", "X-B: 1"],
         "request.headers[0][0]: 'X A' is not a valid header name", {"s.toml": toml('[request]\nheaders = [["X A", "1"]]\n')}),
    Case("flag-header-pair-after-file-pairs", ["check", "s.toml", "--header", "X B: 1"],
         "--header: 'X B' is not a valid header name", {"s.toml": toml('[request]\nheaders = [["X-A", "1"]]\n')}),
    # --- stdin ---------------------------------------------------------------------------------
    Case("stdin-bad-toml", ["check", "-"], "stdin: is not valid TOML", stdin=b"version = \n"),
    Case("stdin-duplicate-json", ["check", "-"], "stdin: is not valid JSON: the key 'version' is given twice",
         stdin=b'{"version": 1, "version": 1}'),
    Case("stdin-endless", ["check", "-"], "stdin: is over 1 MiB", subprocess=True),
    # --- exports that would be read as syntax --------------------------------------------------
    Case("nginx-dollar-origin", ["check", "--page", 'https://a"b$host.com', "--target", "https://api.b.com/v1/x;y",
                                 "--resource", "fetch", "--method", "PUT", "--export", "nginx"],
         "contains '$', which nginx reads as a variable"),
    Case("nginx-newline-path", ["check", *PAGE[:2], "--target", "https://api.b.com/a%0Ab", "--resource", "fetch",
                                "--export", "nginx"], "decodes to a control character"),
    Case("nginx-dollar-method", ["check", *PAGE, "--resource", "fetch", "--method", "P$UT", "--export", "nginx"],
         "--method: 'P$UT' contains '$'"),
    # --- non-UTF-8 argument bytes under a strict UTF-8 stdout -------------------------------------
    Case("argv-bad-byte-cookie", ["check", *PAGE, "--cookie", "a=\udcff"], "--cookie: is not valid Unicode text", subprocess=True),
    Case("argv-bad-byte-page", ["check", "--page", "https://a\udcff.com", "--target", "https://b.com"],
         "--page: is not valid Unicode text", subprocess=True),
    Case("argv-bad-byte-file", ["check", "s\udcff.toml"], "s\\udcff.toml: no such file", subprocess=True),
    *(Case(f"surrogate-{name}", ["check", "s.json"], says, {"s.json": data}) for name, data, says in SURROGATE_FIELDS),
    *(Case(f"control-{name}", ["check", "s.json"], says, {"s.json": data}) for name, data, says in CONTROL_FIELDS),
]


def _make_files(root: Path, files: dict[str, bytes | str]) -> None:
    for name, content in files.items():
        path = root / name
        if content == "fifo":
            os.mkfifo(path)
        elif content == "dir":
            path.mkdir()
        elif isinstance(content, str) and content.startswith("link:"):
            path.symlink_to(content.removeprefix("link:"))
        else:
            assert isinstance(content, bytes)
            path.write_bytes(content)


def _assert_one_clean_line(status: int, err: str, case: Case) -> None:
    assert status == 2, err
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert "Traceback" not in err
    line = err[:-1]
    assert line.isprintable(), repr(line)  # no ESC, BEL, C1, bidi override, surrogate or NUL
    assert case.says in line, line


@pytest.mark.parametrize("case", [c for c in CASES if not c.subprocess], ids=lambda c: c.id)
def test_in_process(case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    _make_files(tmp_path, case.files)
    monkeypatch.chdir(tmp_path)
    if case.stdin is not None:
        monkeypatch.setattr(sys, "stdin", _Stdin(case.stdin))
    started = time.perf_counter()
    try:
        status = main(case.argv)
    except SystemExit as exit_:  # argparse's own usage errors
        status = int(exit_.code or 0)
    elapsed = time.perf_counter() - started
    out, err = capsys.readouterr()
    _assert_one_clean_line(status, err, case)
    assert out == ""
    assert elapsed < TIME_BOUND


class _Stdin:
    def __init__(self, data: bytes) -> None:
        import io

        self.buffer = io.BytesIO(data)


def _run(argv: list[str], cwd: Path, stdin: int | bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8:strict", "LC_ALL": "C.UTF-8", "PYTHONUTF8": "1"}
    return subprocess.run(
        [sys.executable, "-m", "origin_playground", *argv],
        cwd=cwd,
        env=env,
        stdin=stdin if isinstance(stdin, int) else subprocess.DEVNULL,
        input=stdin if isinstance(stdin, bytes) else None,
        capture_output=True,
        timeout=SUBPROCESS_BOUND,
    )


@pytest.mark.parametrize("case", [c for c in CASES if c.subprocess], ids=lambda c: c.id)
def test_subprocess(case: Case, tmp_path: Path) -> None:
    _make_files(tmp_path, case.files)
    argv = [os.fsencode(arg) for arg in case.argv]  # "\udcff" is the raw byte 0xFF again
    if case.id == "stdin-endless":
        with open("/dev/zero", "rb") as zero:
            done = _run(case.argv, tmp_path, stdin=zero.fileno())
    else:
        done = _run(argv, tmp_path)  # type: ignore[arg-type]
    err = done.stderr.decode("utf-8")
    _assert_one_clean_line(done.returncode, err, case)
    assert done.stdout == b""


def test_permission_denied(tmp_path: Path, capsys) -> None:
    path = tmp_path / "s.toml"
    path.write_bytes(toml(""))
    path.chmod(0)
    if os.access(path, os.R_OK):  # root reads anything: ask the reader's own error handling instead
        pytest.skip("running as root: permission bits do not stop reads (see test_permission_error_is_one_line)")
    status = main(["check", str(path)])
    _assert_one_clean_line(status, capsys.readouterr().err, Case("", [], "cannot be read: permission denied"))


def test_permission_error_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    path = tmp_path / "s.toml"
    path.write_bytes(toml(""))
    real_open = os.open

    def denied(target, *args, **kwargs):
        if Path(target) == path:
            raise PermissionError(13, "Permission denied", str(target))
        return real_open(target, *args, **kwargs)

    monkeypatch.setattr(os, "open", denied)
    status = main(["check", str(path)])
    _assert_one_clean_line(status, capsys.readouterr().err, Case("", [], f"{path}: cannot be read: permission denied"))


def test_explain_with_a_lone_surrogate_in_the_hint_never_crashes(tmp_path: Path) -> None:
    """Explain decodes Chrome's ``\\uD800`` hint escapes: the answer is a clean refusal or valid JSON."""
    message = (
        "Access to fetch at 'https://api.example.com/v1/items' from origin 'https://app.example.com' has been "
        "blocked by CORS policy: The 'Access-Control-Allow-Origin' header has a value '\\uD800' that is not "
        "equal to the supplied origin."
    )
    for extra in (["--json"], ["--no-color"]):
        done = _run(["explain", message, *extra], tmp_path)
        err = done.stderr.decode("utf-8")
        assert "Traceback" not in err
        assert done.returncode in (0, 2), err
        if done.returncode == 2:
            assert err.count("\n") == 1 and err[:-1].isprintable()
        elif extra == ["--json"]:
            json.loads(done.stdout)
        done.stdout.decode("utf-8")  # strict: nothing unencodable reached the stream


def test_json_output_escapes_what_it_cannot_encode(tmp_path: Path) -> None:
    """The CLI's streams write a lone surrogate as its escape, which inside JSON is the JSON escape."""
    code = (
        "import json, sys; from origin_playground.cli import safe_streams; safe_streams(); "
        "json.dump({'hint': '\\ud800'}, sys.stdout, ensure_ascii=False)"
    )
    env = {**os.environ, "PYTHONIOENCODING": "utf-8:strict"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, env=env, timeout=SUBPROCESS_BOUND, check=True)
    assert json.loads(done.stdout) == {"hint": "\ud800"}


def test_terminal_output_escapes_c1_controls_and_bidi_overrides(capsys) -> None:
    status = main(["check", *PAGE, "--resource", "dom", "--no-color", "--response-header", "X-Note: a\x9bb\u202ec"])
    assert status == 0
    from origin_playground.render import literal

    assert literal("a\x9b2J\u202e\u2066b\x1b\ud800").plain == "a\\x9b2J\\u202e\\u2066b\\x1b\\ud800"
    out = capsys.readouterr().out
    assert not any(ch in out for ch in "\x9b\u202e\x1b")


def test_title_with_a_bidi_override_is_shown_escaped(tmp_path: Path, capsys) -> None:
    path = tmp_path / "s.json"
    path.write_bytes(js(title="pay \u202eevil", resources=["dom"]))
    assert main(["check", str(path), "--no-color"]) == 0
    out = capsys.readouterr().out
    assert "pay \\u202eevil" in out and "\u202e" not in out


def test_stdin_scenario_is_read_as_toml_or_json(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    for data in (toml('resources = ["dom"]\n'), js(resources=["dom"])):
        monkeypatch.setattr(sys, "stdin", _Stdin(data))
        assert main(["check", "-", "--json"]) == 0
        assert json.loads(capsys.readouterr().out)["target"]["url"] == "https://api.example.com/v1/items"


def test_corpus_size() -> None:
    """The count the issue's closing note reports; a shrinking corpus is a test change, not an accident."""
    assert len(CASES) >= 99


# --- fuzzing the command line with hostile flag values ------------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_HOSTILE_CHARS = st.one_of(
    st.characters(min_codepoint=0, max_codepoint=0x9F),
    st.sampled_from(list("\udcff\ud800\u202e\u2066\u2028\"'`$;{}[]#%:=é")),
)
_FLAG_VALUES = {
    "--page": st.one_of(st.text(_HOSTILE_CHARS, max_size=12).map(lambda t: "https://a" + t + ".com/"),
                        st.text(_HOSTILE_CHARS, max_size=12)),
    "--target": st.text(_HOSTILE_CHARS, max_size=12).map(lambda t: "https://b.com/" + t),
    "--method": st.text(_HOSTILE_CHARS, max_size=8),
    "--header": st.text(_HOSTILE_CHARS, max_size=12).map(lambda t: "X-A: " + t),
    "--response-header": st.text(_HOSTILE_CHARS, max_size=12),
    "--cookie": st.text(_HOSTILE_CHARS, max_size=12).map(lambda t: "a=" + t),
    "--status": st.text(_HOSTILE_CHARS, max_size=6),
    "--expect": st.text(_HOSTILE_CHARS, max_size=12),
    "--export": st.sampled_from(["nginx", "curl", "express", "markdown", "toml"]),
}


@settings(max_examples=150, deadline=2000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(flags=st.dictionaries(st.sampled_from(sorted(_FLAG_VALUES)), st.none(), min_size=1, max_size=4).flatmap(
    lambda keys: st.fixed_dictionaries({key: _FLAG_VALUES[key] for key in keys})))
def test_hostile_flag_values(flags: dict[str, str], capsys) -> None:
    argv = ["check", "--page", "https://app.example.com/", "--target", "https://api.example.com/x", "--no-color"]
    for flag, value in flags.items():
        argv += [flag, value]
    capsys.readouterr()
    try:
        status = main(argv)
    except SystemExit as exit_:
        status = int(exit_.code or 0)
    out, err = capsys.readouterr()
    assert status in (0, 1, 2)
    if status == 2:
        assert err.count("\n") == 1 and err[:-1].isprintable(), repr(err)
    else:
        assert err == ""
        if "--export" not in flags or flags["--export"] in ("markdown",):
            assert not any(ch in out for ch in "\x1b\x9b\u202e\u2066\x07\x00"), repr(out)


def test_json_output_escapes_c1_bidi_and_surrogates_but_keeps_the_value(capsys) -> None:
    from origin_playground.output import json_text

    value = {"v": "a\x9b2J\u202eb\u2028c\ud800é✔\x1b"}
    text = json_text(value)
    assert not any(ch in text for ch in "\x9b\u202e\u2028\ud800\x1b")
    assert "é✔" in text and json.loads(text) == value
    assert main(["check", *PAGE, "--resource", "fetch", "--response-header", "X-A: \x9b\u202e", "--json"]) in (0, 1)
    out = capsys.readouterr().out
    assert "\x9b" not in out and "\u202e" not in out
    json.loads(out)
