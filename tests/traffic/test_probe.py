"""``origin-playground probe`` against the loopback lab server (127.0.0.1 only)."""

from __future__ import annotations

import json
import shutil
import ssl
import subprocess
import threading
import tomllib

import pytest

from .server import PROBE_PAGE, SECRET, Lab, serving


@pytest.fixture
def lab():
    with serving() as server:
        yield server


def _sent(lab, method: str) -> dict[str, str]:
    for got_method, _path, headers in lab.received:
        if got_method == method:
            return {name.lower(): value for name, value in headers}
    raise AssertionError(f"no {method} request reached the server")


def test_simple_get_allowed(run_cli, lab) -> None:
    status, out, err = run_cli("probe", f"http://127.0.0.1:{lab.port}/ok", "--origin", PROBE_PAGE)
    assert status == 0 and err == ""
    assert out.startswith("✔ allowed: GET")
    sent = _sent(lab, "GET")
    assert sent["origin"] == PROBE_PAGE and "cookie" not in sent
    assert [m for m, _, _ in lab.received] == ["GET"]  # no preflight for a simple request


def test_method_normalized_as_fetch_does(run_cli, lab) -> None:
    status, _, _ = run_cli("probe", f"http://127.0.0.1:{lab.port}/ok", "--origin", PROBE_PAGE, "--method", "get")
    assert status == 0 and [m for m, _, _ in lab.received] == ["GET"]


def test_a_method_fetch_does_not_normalize_goes_as_typed(run_cli, lab) -> None:
    # fetch() upper-cases only DELETE, GET, HEAD, OPTIONS, POST and PUT: `patch` is sent as `patch`
    # (and fails against servers that list PATCH), so the probe must not upper-case it either.
    status, _, _ = run_cli("probe", f"http://127.0.0.1:{lab.port}/patch-ok", "--origin", PROBE_PAGE,
                           "--method", "patch")
    assert _sent(lab, "OPTIONS")["access-control-request-method"] == "patch"
    assert [m for m, _, _ in lab.received] == ["OPTIONS", "patch"] and status == 0


def test_other_origin_blocked(run_cli, lab) -> None:
    status, out, _ = run_cli("probe", f"http://127.0.0.1:{lab.port}/ok", "--origin", "http://localhost:4000")
    assert status == 1
    assert "that is not equal to the supplied origin" in out


def test_preflight_sent_as_the_browser_would(run_cli, lab) -> None:
    status, out, _ = run_cli("probe", f"http://127.0.0.1:{lab.port}/put-ok", "--origin", PROBE_PAGE,
                             "--method", "PUT", "--header", "X-Trace: 1", "--header", "Content-Type: application/json")
    assert status == 0, out
    assert [m for m, _, _ in lab.received] == ["OPTIONS", "PUT"]
    preflight = _sent(lab, "OPTIONS")
    assert preflight["access-control-request-method"] == "PUT"
    assert preflight["access-control-request-headers"] == "content-type,x-trace"  # lower-cased, sorted
    assert preflight["origin"] == PROBE_PAGE
    actual = _sent(lab, "PUT")
    assert actual["x-trace"] == "1" and actual["origin"] == PROBE_PAGE


def test_failed_preflight_stops_before_the_request(run_cli, lab) -> None:
    status, out, _ = run_cli("probe", f"http://127.0.0.1:{lab.port}/put-bad", "--origin", PROBE_PAGE,
                             "--method", "PUT", "--header", "Content-Type: application/json")
    assert status == 1
    assert [m for m, _, _ in lab.received] == ["OPTIONS"]
    assert "Method PUT is not allowed by Access-Control-Allow-Methods in preflight response." in out


def test_redirects_followed_and_recorded(run_cli, lab, tmp_path) -> None:
    saved = tmp_path / "probe.toml"
    status, out, _ = run_cli("probe", f"http://127.0.0.1:{lab.port}/redirect", "--origin", PROBE_PAGE,
                             "--json", "--save", str(saved))
    assert status == 0
    data = json.loads(out)
    assert [e["status"] for e in data["exchanges"]] == [302, 200]
    assert data["scenario"]["redirects"][0]["location"] == f"http://localhost:{lab.port}/data"
    # The hop changed origin from an origin already cross-origin to the page: Origin: null.
    assert dict(data["exchanges"][1]["request_headers"])["origin"] == "null"
    assert data["report"]["verdicts"]["fetch"]["can"]["read"] is True
    scenario = tomllib.loads(saved.read_text("utf-8"))
    assert scenario["response"]["status"] == 200
    status, _, _ = run_cli("check", str(saved), "--expect", "fetch.read=true")
    assert status == 0


def test_cookie_only_when_given_and_never_printed(run_cli, lab) -> None:
    status, out, _ = run_cli("probe", f"http://127.0.0.1:{lab.port}/creds-wildcard", "--origin", PROBE_PAGE,
                             "--credentials", "include", "--cookie", f"sid={SECRET}", "--json")
    assert status == 1
    assert _sent(lab, "GET")["cookie"] == f"sid={SECRET}"
    assert SECRET not in out
    assert "must not be the wildcard '*'" in out


def test_bad_flags_are_one_line(run_cli) -> None:
    status, _, err = run_cli("probe", "ftp://x.example/", "--origin", PROBE_PAGE)
    assert status == 2 and "URL: expected an http:// or https:// URL" in err and err.count("\n") == 1
    status, _, err = run_cli("probe", "http://127.0.0.1:9/", "--origin", "nonsense")
    assert status == 2 and err.startswith("origin-playground probe: --origin:")
    status, _, err = run_cli("probe", "http://127.0.0.1:9/", "--origin", PROBE_PAGE, "--header", "nocolon")
    assert status == 2 and "--header: expected 'Name: value'" in err


def test_unresolvable_host(run_cli) -> None:
    status, _, err = run_cli("probe", "http://no-such-host.invalid/x", "--origin", PROBE_PAGE)
    assert status == 2 and "cannot resolve host 'no-such-host.invalid'" in err and err.count("\n") == 1


def test_connection_refused(run_cli) -> None:
    with serving() as server:
        port = server.port  # free it again: nothing listens there afterwards
    status, _, err = run_cli("probe", f"http://127.0.0.1:{port}/x", "--origin", PROBE_PAGE)
    assert status == 2 and "connection refused" in err and err.count("\n") == 1


def test_server_never_answers(run_cli, lab) -> None:
    status, _, err = run_cli("probe", f"http://127.0.0.1:{lab.port}/slow", "--origin", PROBE_PAGE, "--timeout", "0.3")
    assert status == 2 and "no answer within 0.3 s" in err and err.count("\n") == 1


@pytest.mark.skipif(shutil.which("openssl") is None, reason="openssl is needed to make a test certificate")
def test_tls_error(run_cli, tmp_path) -> None:
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
                    "-days", "1", "-subj", "/CN=127.0.0.1"], check=True, capture_output=True)
    server = Lab()
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        status, _, err = run_cli("probe", f"https://127.0.0.1:{server.port}/ok", "--origin", PROBE_PAGE)
    finally:
        server.shutdown()
        server.server_close()
    assert status == 2 and "TLS error" in err and err.count("\n") == 1


def test_other_commands_never_import_httpx() -> None:
    """Only probe touches the network: every other command runs without the HTTP client loaded."""
    import subprocess as sp
    import sys
    from pathlib import Path

    code = (
        "import sys, contextlib, io\nfrom origin_playground import cli\n"
        "cli.SUBCOMMANDS.update({'har': 'har', 'probe': 'probe', 'import-curl': 'import_curl'})\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):\n"
        "    cli.main(['har', 'tests/traffic/fixtures/firefox-esr.har'])\n"
        "    cli.main(['har', 'tests/traffic/fixtures/firefox-esr.har', '--json'])\n"
        "    cli.main(['import-curl', 'curl https://b.example -H \"Origin: https://a.example\"'])\n"
        "    cli.main(['check', '--page', 'https://a.example', '--target', 'https://b.example'])\n"
        "    cli.main(['compare', 'https://a.example', 'https://b.example'])\n"
        "    cli.main(['explain', \"Access to fetch at 'https://b.example/' from origin 'https://a.example' has been \"\n"
        "              \"blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.\"])\n"
        "print(' '.join(sorted({m.split('.')[0] for m in sys.modules} & {'httpx', 'httpcore', 'h11', 'anyio'})) or 'none')\n"
    )
    out = sp.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                 cwd=Path(__file__).resolve().parents[2])
    assert out.stdout.split() == ["none"]
