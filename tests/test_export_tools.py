"""Every export is fed to the tool that will read it (issue 13): ``nginx -t``, ``node --check``,
Python's compiler, and a shell running a fake curl, for every library scenario and for hostile
values. A format either produces text its tool accepts, with the values intact, or is refused in
one line naming the field. A missing tool skips with one line saying which."""

from __future__ import annotations

import json
import os
import py_compile
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from origin_playground.exports import cors_intent, curl_commands, export
from origin_playground.library import list_scenarios
from policy_core import ScenarioError, evaluate, load_scenario

NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None)
NODE = shutil.which("node")

HOSTILE = {
    "quote-in-host": {"page": 'https://a"b.com'},
    "dollar-in-host": {"page": "https://a$host.com"},
    "shell-in-host": {"page": "https://a`id`;'x'{1}.com"},
    "semicolon-path": {"target": "https://api.b.com/v1/x;y"},
    "brace-path": {"target": "https://api.b.com/v1/{x}/'y'/\"z\"/$q"},
    "encoded-path": {"target": "https://api.b.com/a%20b%7D%3B"},
    "newline-in-path": {"target": "https://api.b.com/a%0Ab"},
    "glob-target": {"target": "https://api.b.com/v[1-9999]?q={a,b}"},
    "ipv6-target": {"target": "http://[::1]:8080/x"},
    "odd-method": {"method": "P'U$T#|"},
    "odd-header-names": {"headers": [["X-A'b", "1"], ["X-$c", "2"], ["X-#d|", "'; rm -rf / #"]]},
    "odd-exposed": {"expose": "X-'a, X-$b, X-`c`"},
    "credentials": {"credentials": "include", "cookie": {"name": "s'id", "value": "a$b`c`"}},
    "max-age-negative": {"max_age": "-1"},
    "max-age-garbage": {"max_age": "1e9; $x"},
}


def _hostile(name: str) -> tuple:
    values = HOSTILE[name]
    request: dict = {"method": values.get("method", "PUT"), "headers": values.get("headers", [["Content-Type", "application/json"]])}
    if "credentials" in values:
        request["credentials"] = values["credentials"]
    mapping: dict = {
        "version": 1,
        "page": values.get("page", "https://app.example.com/"),
        "target": values.get("target", "https://api.example.com/v1/items"),
        "resources": ["fetch"],
        "request": request,
        "preflight": {"headers": [["Access-Control-Max-Age", values.get("max_age", "600")]]},
        "response": {"headers": [["Access-Control-Expose-Headers", values.get("expose", "X-Total")]]},
    }
    if "cookie" in values:
        mapping["cookie"] = values["cookie"]
    scenario = load_scenario(mapping)
    return scenario, evaluate(scenario)


def _library(entry) -> tuple:
    scenario = load_scenario(entry.path)
    return scenario, evaluate(scenario)


CASES = [pytest.param(_library, entry, id=f"library-{entry.slug}") for entry in list_scenarios()] + [
    pytest.param(_hostile, name, id=f"hostile-{name}") for name in HOSTILE
]


def _export_or_refusal(fmt: str, scenario, report) -> str | None:
    """The export, or None when it is refused (then in one printable line)."""
    try:
        return export(fmt, scenario, report)
    except ScenarioError as error:
        line = str(error)
        assert "\n" not in line and line.isprintable()
        assert line.startswith(("page:", "target:", "request.", "response.")), line
        return None


@pytest.mark.skipif(NGINX is None, reason="nginx is not installed (CI: apt-get install nginx-light)")
@pytest.mark.parametrize(("build", "arg"), CASES)
def test_nginx_accepts_the_server_block(build, arg, tmp_path: Path) -> None:
    scenario, report = build(arg)
    text = _export_or_refusal("nginx", scenario, report)
    if text is None:
        return
    headers = [line for line in text.splitlines() if line.strip().startswith("add_header")]
    assert not any("$" in line for line in headers)  # add_header interpolates variables: none may slip in
    (tmp_path / "export.conf").write_text(text)
    temp = "".join(f"{kind}_temp_path {tmp_path}/{kind};\n" for kind in ("proxy", "fastcgi", "uwsgi", "scgi"))
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        f"http {{\naccess_log off;\nclient_body_temp_path {tmp_path}/body;\n{temp}"
        f"server {{\nlisten 127.0.0.1:18080;\ninclude {tmp_path}/export.conf;\n}}\n}}\n"
    )
    done = subprocess.run(
        [NGINX, "-t", "-q", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf"), "-e", str(tmp_path / "error.log")],
        capture_output=True, text=True, timeout=30,
    )
    assert done.returncode == 0, done.stderr + text
    origin = json.dumps(report.page.origin)  # nginx's escapes for " and \ are JSON's
    assert f"add_header Access-Control-Allow-Origin {origin} always;" in text


@pytest.mark.skipif(NODE is None, reason="node is not installed (CI: apt-get install nodejs)")
@pytest.mark.parametrize(("build", "arg"), CASES)
def test_node_accepts_the_express_snippet(build, arg, tmp_path: Path) -> None:
    scenario, report = build(arg)
    text = _export_or_refusal("express", scenario, report)
    if text is None:
        return
    path = tmp_path / "cors.js"
    path.write_text(text)
    done = subprocess.run([NODE, "--check", str(path)], capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, done.stderr + text
    intent = cors_intent(scenario, report)
    probe = tmp_path / "probe.js"  # run the options object itself: the values must come back intact
    probe.write_text(
        text.replace('const cors = require("cors");', "").replace("app.use(cors(corsOptions));", "")
        + "\nconsole.log(JSON.stringify(corsOptions));\n"
    )
    options = json.loads(subprocess.run([NODE, str(probe)], capture_output=True, text=True, timeout=30, check=True).stdout)
    assert options["origin"] == intent.origin and options["methods"] == [intent.method]
    assert options.get("allowedHeaders", []) == list(intent.request_headers)


@pytest.mark.parametrize("fmt", ["flask", "fastapi", "django"])
@pytest.mark.parametrize(("build", "arg"), CASES)
def test_python_compiles_the_settings(fmt: str, build, arg, tmp_path: Path) -> None:
    scenario, report = build(arg)
    text = _export_or_refusal(fmt, scenario, report)
    if text is None:
        return
    path = tmp_path / f"{fmt}_cors.py"
    path.write_text(text)
    py_compile.compile(str(path), cfile=str(tmp_path / "out.pyc"), doraise=True)
    assert json.dumps(report.page.origin) in text


@pytest.mark.skipif(shutil.which("sh") is None, reason="no POSIX shell to run the curl commands in")
@pytest.mark.parametrize(("build", "arg"), CASES)
def test_shell_passes_curl_exactly_the_argv(build, arg, tmp_path: Path) -> None:
    scenario, report = build(arg)
    text = export("curl", scenario, report)
    lines = [line for line in text.splitlines() if line.startswith("curl ")]
    expected = curl_commands(scenario, report)
    assert [shlex.split(line) for line in lines] == expected
    fake = tmp_path / "bin" / "curl"
    fake.parent.mkdir()
    log = tmp_path / "argv.jsonl"
    fake.write_text(
        f"#!{sys.executable}\nimport json, sys\n"
        f"open({str(log)!r}, 'a').write(json.dumps(sys.argv[1:]) + '\\n')\n"
    )
    fake.chmod(0o755)
    env = {**os.environ, "PATH": f"{fake.parent}{os.pathsep}{os.environ.get('PATH', '')}", "HOME": str(tmp_path)}
    subprocess.run(["sh", "-c", text], env=env, cwd=tmp_path, check=True, timeout=30)
    seen = [json.loads(line) for line in log.read_text().splitlines()]
    assert seen == [command[1:] for command in expected]  # the shell expanded nothing
    for command in expected:
        if set("[]{}") & set(scenario.target.href):
            assert command[1] == "--globoff"  # curl itself would expand [1-9999] into 9,999 requests


def test_glob_target_gets_globoff() -> None:
    scenario, report = _hostile("glob-target")
    for command in curl_commands(scenario, report):
        assert command[:2] == ["curl", "--globoff"]


def test_nginx_refuses_a_dollar_in_one_line() -> None:
    scenario, report = _hostile("dollar-in-host")
    with pytest.raises(ScenarioError) as error:
        export("nginx", scenario, report)
    assert str(error.value).startswith("page: 'https://a$host.com' contains '$'")


def test_nginx_quotes_locations_it_would_split() -> None:
    scenario, report = _hostile("semicolon-path")
    assert 'location "/v1/x;y" {' in export("nginx", scenario, report)
    scenario, report = _hostile("encoded-path")
    assert 'location "/a b};" {' in export("nginx", scenario, report)  # nginx matches the decoded path
