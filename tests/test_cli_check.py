"""``origin-playground check``: exit statuses, one-line errors, JSON and human output."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from origin_playground.cli import main

ROOT = Path(__file__).resolve().parents[1]
DOM = ["check", "--page", "https://www.a.com/", "--target", "https://www.b.com/x", "--resource", "dom"]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        status = main(list(argv))
    except SystemExit as exit_:  # argparse's own exits (--help, --version, usage errors)
        status = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return status, out, err


def test_json_report(capsys) -> None:
    status, out, err = run(capsys, *DOM, "--json")
    assert status == 0 and err == ""
    report = json.loads(out)
    assert report["page"]["origin"] == "https://www.a.com"
    assert report["origin_diff"] == ["host"]
    assert report["verdicts"]["dom"]["can"] == {"access": False}
    assert report["verdicts"]["dom"]["console"]["chrome"].startswith('Blocked a frame with origin "https://www.a.com"')


def test_expectations_decide_the_exit_status(capsys) -> None:
    assert run(capsys, *DOM, "--expect", "dom.access=false", "--json")[0] == 0
    status, out, _ = run(capsys, *DOM, "--expect", "dom.access=true", "--expect", "same_site=false", "--json")
    assert status == 1
    assert json.loads(out)["expectations"] == [
        {"path": "dom.access", "expected": True, "actual": False, "met": False},
        {"path": "same_site", "expected": False, "actual": False, "met": True},
    ]


@pytest.mark.parametrize(
    ("argv", "error"),
    [
        (["check"], "origin-playground check: give a scenario FILE, or both --page and --target"),
        ([*DOM, "--credentials", "includ"], "origin-playground check: --credentials: expected omit, same-origin or include, got 'includ'"),
        ([*DOM, "--header", "no colon"], "origin-playground check: --header: expected 'Name: value', got 'no colon'"),
        ([*DOM, "--header", "Bad Name: 1"], "origin-playground check: --header: 'Bad Name' is not a valid header name (an HTTP token)"),
        ([*DOM, "--status", "ok"], "origin-playground check: --status: expected a status code such as 204, got 'ok'"),
        ([*DOM, "--expect", "dom.access"], "origin-playground check: --expect: expected PATH=true or PATH=false, got 'dom.access'"),
        ([*DOM, "--expect", "dom.reads=true"], "origin-playground check: --expect: unknown expectation"),
        (["check", "--page", "www.a.com", "--target", "https://b.com"], "origin-playground check: --page: 'www.a.com' is not an absolute URL"),
        ([*DOM, "--via", "xhr"], "origin-playground check: --via: expected fetch, image, script, iframe, navigation or form-post"),
        (["check", "missing.toml"], "origin-playground check: missing.toml: no such file"),
    ],
)
def test_bad_input_is_one_line_on_stderr_with_status_2(capsys, argv, error) -> None:
    status, out, err = run(capsys, *argv)
    assert status == 2
    assert out == ""
    assert err.startswith(error)
    assert err.count("\n") == 1


def test_file_errors_name_the_key(capsys, tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    path.write_text('version = 1\npage = "https://a.example"\ntarget = "https://b.example"\n[request]\nmode = "nope"\n')
    status, _, err = run(capsys, "check", str(path))
    assert status == 2
    assert err == "origin-playground check: request.mode: expected cors, no-cors or same-origin, got 'nope'\n"


def test_flags_override_the_file(capsys, tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    path.write_text('version = 1\npage = "https://a.example"\ntarget = "https://a.example/x"\nresources = ["dom"]\n')
    assert json.loads(run(capsys, "check", str(path), "--json")[1])["same_origin"] is True
    out = run(capsys, "check", str(path), "--target", "https://b.example", "--json")[1]
    assert json.loads(out)["same_origin"] is False


def test_human_output_marks_differences_and_explains(capsys) -> None:
    status, out, _ = run(capsys, *DOM, "--no-color")
    assert status == 0
    assert "host ≠" in out
    assert "✘ blocked" in out
    assert 'Chrome console: Blocked a frame with origin "https://www.a.com"' in out
    assert "fix" in out and "postMessage" in out
    assert "\x1b[" not in out


def test_trace_flag_shows_every_step(capsys) -> None:
    out = run(capsys, *DOM, "--trace", "--no-color")[1]
    for summary in ("Scheme: https = https", "Host: www.a.com ≠ www.b.com", "What stays reachable cross-origin"):
        assert summary in out


def test_user_text_is_shown_literally(capsys) -> None:
    out = run(capsys, "check", "--page", "https://a.example/[bold red]x[/]", "--target", "https://b.example/\x1b", "--resource", "dom", "--no-color")[1]
    assert "[bold%20red]x[/]" in out  # the URL parser percent-encodes the space, the brackets stay as typed


def test_version_and_help(capsys) -> None:
    status, out, _ = run(capsys, "--version")
    assert status == 0 and out.startswith("origin-playground 0.")
    status, out, _ = run(capsys, "check", "--help")
    assert status == 0 and "examples:" in out and "--expect" in out


def test_real_process_exit_codes_and_no_traceback() -> None:
    base = [sys.executable, "-m", "origin_playground"]
    ok = subprocess.run([*base, *DOM, "--json"], capture_output=True, text=True, cwd=ROOT)
    assert ok.returncode == 0, ok.stderr
    failed = subprocess.run([*base, *DOM, "--expect", "dom.access=true"], capture_output=True, text=True, cwd=ROOT)
    assert failed.returncode == 1
    bad = subprocess.run([*base, "check", "--page", "::", "--target", "https://b.example"], capture_output=True, text=True, cwd=ROOT)
    assert bad.returncode == 2
    assert "Traceback" not in bad.stderr and bad.stderr.count("\n") == 1


def test_no_color_environment_variable() -> None:
    env = {"NO_COLOR": "1", "PATH": "/usr/bin:/bin", "TERM": "xterm-256color", "FORCE_COLOR": ""}
    out = subprocess.run([sys.executable, "-m", "origin_playground", *DOM], capture_output=True, text=True, cwd=ROOT, env=env)
    assert out.returncode == 0
    assert "\x1b[3" not in out.stdout  # no colour escapes (bold may remain)


def test_export_formats(capsys) -> None:
    argv = ["check", "--page", "https://app.example.com", "--target", "https://api.example.com/v1", "--resource", "fetch",
            "--method", "PUT", "--credentials", "include"]
    status, out, _ = run(capsys, *argv, "--export", "toml")
    assert status == 0 and 'page = "https://app.example.com"' in out
    status, out, _ = run(capsys, *argv, "--export", "curl")
    assert status == 0 and "curl" in out and "-X OPTIONS" in out
    status, out, err = run(capsys, *argv, "--export", "yaml")
    assert status == 2 and "invalid choice" in err and err.count("\n") == 1


# The newer scenario fields as flags: --body, --cookie-age, --third-party-cookies.
FORM_POST = ["check", "--page", "https://bad-site.com/", "--target", "https://bank.com/transfer",
             "--resource", "cookie", "--cookie", "sid=1; Secure; HttpOnly", "--via", "form-post"]
FRAME_COOKIE = ["check", "--page", "https://news.example/", "--target", "https://widget.example/frame",
                "--resource", "cookie", "--cookie", "sid=1; SameSite=None; Secure", "--via", "iframe"]
IMAGE_404 = ["check", "--page", "https://app.example.com/", "--target", "https://cdn.example.com/avatar.png",
             "--resource", "image", "--status", "404"]


def can(capsys, *argv: str) -> dict[str, bool]:
    status, out, err = run(capsys, *argv, "--json")
    assert status == 0, err
    (verdict,) = json.loads(out)["verdicts"].values()
    return dict(verdict["can"])


def test_cookie_age_flag_is_chromes_two_minute_rule(capsys) -> None:
    # No SameSite: Lax by default, which keeps an old cookie off a cross-site POST; Chrome still sends
    # one set at most 120 s before.
    assert can(capsys, *FORM_POST)["sent"] is False
    assert can(capsys, *FORM_POST, "--cookie-age", "60")["sent"] is True
    assert can(capsys, *FORM_POST, "--cookie-age", "121")["sent"] is False


def test_cookie_age_flag_adds_to_the_files_cookie(capsys, tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    path.write_text('version = 1\npage = "https://bad-site.com/"\ntarget = "https://bank.com/transfer"\n'
                    'resources = ["cookie"]\ncookie = "sid=1; Secure"\n')
    assert can(capsys, "check", str(path), "--via", "form-post")["sent"] is False
    assert can(capsys, "check", str(path), "--via", "form-post", "--cookie-age", "0")["sent"] is True


def test_third_party_cookies_flag_keeps_a_frames_cookie_off(capsys) -> None:
    assert can(capsys, *FRAME_COOKIE)["sent"] is True
    assert can(capsys, *FRAME_COOKIE, "--third-party-cookies", "allowed")["sent"] is True
    assert can(capsys, *FRAME_COOKIE, "--third-party-cookies", "blocked")["sent"] is False


def test_body_flag_says_what_a_404_carries(capsys) -> None:
    # An <img> decodes whatever body arrives: a 404 with a placeholder picture displays, an HTML error page does not.
    assert can(capsys, *IMAGE_404)["display"] is False
    assert can(capsys, *IMAGE_404, "--body", "image")["display"] is True
    assert can(capsys, *IMAGE_404, "--body", "html")["display"] is False


@pytest.mark.parametrize(
    ("argv", "error"),
    [
        ([*IMAGE_404, "--body", "png"], "--body: expected auto, image, script, html or empty, got 'png'"),
        ([*FORM_POST, "--cookie-age", "-5"], "--cookie-age: expected an integer from 0 to 34560000, got -5"),
        ([*FORM_POST, "--cookie-age", "34560001"],
         "--cookie-age: expected an integer from 0 to 34560000, got 34560001"),
        ([*FORM_POST, "--cookie-age", "9" * 5000],
         "--cookie-age: expected an integer from 0 to 34560000, got a 5000-digit integer"),
        ([*FORM_POST, "--cookie-age", "2m"], "--cookie-age: expected a number of seconds such as 30, got '2m'"),
        ([*FORM_POST, "--cookie-age", "٦٠"], "--cookie-age: expected a number of seconds such as 30, got '٦٠'"),
        ([*FRAME_COOKIE, "--third-party-cookies", "Blocked"],
         "--third-party-cookies: expected allowed or blocked, got 'Blocked'"),
    ],
)
def test_bad_new_flag_values_are_one_exact_line(capsys, argv, error) -> None:
    assert run(capsys, *argv) == (2, "", f"origin-playground check: {error}\n")


def test_a_bad_file_value_is_named_as_the_files_key_beside_the_new_flags(capsys, tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    path.write_text('version = 1\npage = "https://a.example"\ntarget = "https://b.example/x"\n'
                    '[cookie]\nage_seconds = -1\n')
    assert run(capsys, "check", str(path), "--via", "navigation", "--third-party-cookies", "blocked") == (
        2, "", "origin-playground check: cookie.age_seconds: expected an integer from 0 to 34560000, got -1\n"
    )
    path.write_text('version = 1\npage = "https://a.example"\ntarget = "https://b.example/x"\nresponse = "x"\n')
    assert run(capsys, "check", str(path), "--body", "image") == (
        2, "", "origin-playground check: response: expected a table, got a string\n"
    )


def test_the_scenario_export_carries_the_new_flags(capsys) -> None:
    argv = [*FORM_POST, "--cookie-age", "60", "--third-party-cookies", "blocked", "--body", "html"]
    status, out, _ = run(capsys, *argv, "--export", "toml")
    assert status == 0
    scenario = tomllib.loads(out)
    assert scenario["third_party_cookies"] == "blocked"
    assert scenario["response"] == {"body": "html"}
    assert scenario["cookie"] == {"set_cookie": "sid=1; Secure; HttpOnly", "via": "form-post", "age_seconds": 60}


def test_help_lists_the_new_flags(capsys) -> None:
    out = run(capsys, "check", "--help")[1]
    for flag in ("--body BODY", "--cookie-age SECONDS", "--third-party-cookies SETTING"):
        assert flag in out
