"""``origin-playground import-curl``: a pasted curl command as a scenario."""

from __future__ import annotations

import tomllib

import pytest

from origin_playground.curl_import import curl_to_mapping, parse_curl

# As Chrome's "Copy as cURL (bash)" writes it (line continuations, $'…' for a body with a quote).
CHROME_COPY = r"""curl 'https://api.example.com/items' \
  -X 'PUT' \
  -H 'accept: */*' \
  -H 'accept-language: en-GB,en;q=0.9' \
  -H 'content-type: application/json' \
  -b 'sid=abc123' \
  -H 'origin: https://app.example.com' \
  -H 'priority: u=1, i' \
  -H 'referer: https://app.example.com/dashboard' \
  -H 'sec-ch-ua: "Chromium";v="156"' \
  -H 'sec-fetch-dest: empty' \
  -H 'sec-fetch-mode: cors' \
  -H 'sec-fetch-site: same-site' \
  -H 'user-agent: Mozilla/5.0' \
  -H 'x-trace: 7' \
  --data-raw $'{"note":"it\'s"}'"""


def test_chrome_copy_as_curl() -> None:
    mapping, notes = curl_to_mapping(CHROME_COPY)
    assert mapping["page"] == "https://app.example.com/dashboard"  # the Referer, same origin as Origin
    assert mapping["target"] == "https://api.example.com/items"
    assert mapping["resources"] == ["fetch"]
    assert mapping["request"] == {
        "method": "PUT",
        "credentials": "include",
        "headers": [["content-type", "application/json"], ["x-trace", "7"]],
    }
    assert any("credentials is include" in note for note in notes)


def test_ansi_c_quoting_is_decoded() -> None:
    assert parse_curl(r"""curl x --data-raw $'{"a":"it\'s\n"}'""")[-1] == '{"a":"it\'s\n"}'


def test_cli_prints_toml_that_check_reads(run_cli, tmp_path) -> None:
    status, out, err = run_cli("import-curl", CHROME_COPY)
    assert status == 0 and err == ""
    assert out.startswith("# Imported from a curl command")
    assert "abc123" not in out  # the cookie value is never kept
    scenario = tomllib.loads(out)
    assert scenario["request"]["method"] == "PUT"
    saved = tmp_path / "s.toml"
    status, _, err = run_cli("import-curl", CHROME_COPY, "--save", str(saved))
    assert status == 0 and "wrote" in err
    status, out, _ = run_cli("check", str(saved), "--expect", "fetch.preflight=true")
    assert status == 0


def test_data_defaults_like_curl() -> None:
    mapping, notes = curl_to_mapping("curl https://b.example/form -H 'Origin: https://a.example' -d 'x=1'")
    assert mapping["request"]["method"] == "POST"
    assert mapping["request"]["headers"] == [["Content-Type", "application/x-www-form-urlencoded"]]
    assert any("x-www-form-urlencoded" in note for note in notes)


def test_page_flag_when_no_origin() -> None:
    mapping, _ = curl_to_mapping("curl https://b.example/img.png -H 'Sec-Fetch-Dest: image'", page="https://a.example/")
    assert mapping["page"] == "https://a.example/" and mapping["resources"] == ["image"]


def test_no_origin_asks_for_the_page(run_cli) -> None:
    status, out, err = run_cli("import-curl", "curl https://b.example/x -e https://a.example/page")
    assert status == 2 and out == ""
    assert "--page: the command has no Origin header: give the page's URL with --page" in err
    assert "the Referer says https://a.example/page" in err and err.count("\n") == 1


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ("curl https://b.example -H 'Origin: https://a.example' --frobnicate", "the option --frobnicate is not modelled"),
        ("curl https://b.example -H 'Origin: https://a.example' -F 'a=@file'", "the option -F is not modelled"),
        ("curl -H 'Origin: https://a.example'", "no URL in the command"),
        ("curl https://b.example -H", "curl -H: expects a value"),
        ("curl https://b.example -H 'nocolon'", "expected 'Name: value'"),
        ("curl 'https://b.example", "cannot split the command"),
        ("curl https://b.example -b cookies.txt -H 'Origin: https://a.example'", "names a cookie file"),
        ("curl https://b.example -H 'Origin: https://a.example' -X 'BAD METHOD'", "request.method"),
        ("", "the command is empty"),
    ],
)
def test_bad_commands_are_one_line(run_cli, command, expected) -> None:
    status, out, err = run_cli("import-curl", command)
    assert status == 2 and out == ""
    assert expected in err and err.count("\n") == 1 and "Traceback" not in err
