"""Run each exported server configuration in the real framework, on 127.0.0.1 only.

``serving(framework, export_text, workdir)`` writes a minimal application around the export,
verbatim (nginx's placeholder comment becomes a ``return 200``: the line a user replaces with
their own ``proxy_pass`` or ``root``), starts the real server as a child process and yields its
port; the process is stopped when the block ends. ``missing(framework)`` says in one line why a
framework cannot run here (its server or package is not installed), or ``None``.

Every application answers every path and every method with ``200 ok`` (text/plain), so what the
browser sees beyond the body is exactly what the CORS configuration adds.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

FRAMEWORKS = ("nginx", "express", "flask", "fastapi", "django")
LABELS = {"nginx": "nginx", "express": "Express + cors", "flask": "Flask-CORS",
          "fastapi": "FastAPI (Starlette CORSMiddleware)", "django": "Django + django-cors-headers"}

NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None)
NODE = shutil.which("node")
# A folder holding node_modules/express and node_modules/cors (.ci/servers-suite runs npm install there).
NODE_MODULES_ENV = "OP_SERVERS_NODE_MODULES"
NGINX_PLACEHOLDER = "    # ... your existing proxy_pass / root lines ..."
START_TIMEOUT = 20.0
# The methods every test application accepts, besides the one the scenario sends.
METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")
INSTALL = "pip install -e '.[servers]'"


def _node_modules() -> Path | None:
    folder = os.environ.get(NODE_MODULES_ENV)
    if not folder:
        return None
    path = Path(folder)
    return path / "node_modules" if (path / "node_modules").is_dir() else path


def missing(framework: str) -> str | None:
    """Why ``framework`` cannot run here, in one line; None when it can."""
    if framework == "nginx":
        return None if NGINX else "nginx is not installed (apt-get install nginx-light)"
    if framework == "express":
        if NODE is None:
            return "node is not installed (apt-get install nodejs)"
        modules = _node_modules()
        if modules is None or not all((modules / name).is_dir() for name in ("express", "cors")):
            return (f"express and cors are not installed: set {NODE_MODULES_ENV} to a folder where "
                    "'npm install express cors' ran (.ci/servers-suite does)")
        return None
    needs = {"flask": ("flask", "flask_cors"), "fastapi": ("fastapi", "uvicorn"),
             "django": ("django", "corsheaders")}[framework]
    absent = [name for name in needs if importlib.util.find_spec(name) is None]
    return f"{', '.join(absent)} not installed ({INSTALL})" if absent else None


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_until_listening(process: subprocess.Popen[bytes], port: int, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ServerFailed(f"exited with {process.returncode}: {_tail(log)}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise ServerFailed(f"not listening after {START_TIMEOUT:g} s: {_tail(log)}")


def _tail(log: Path) -> str:
    text = log.read_text("utf-8", "replace").strip() if log.exists() else ""
    return " | ".join(text.splitlines()[-6:]) or "(no output)"


class ServerFailed(Exception):
    """The real server refused the configuration or did not start (its own last lines)."""


@contextmanager
def serving(framework: str, export_text: str, method: str, workdir: Path) -> Iterator[int]:
    """Start ``framework`` with ``export_text`` on a free loopback port; yield the port."""
    workdir.mkdir(parents=True, exist_ok=True)
    port = free_port()
    argv, env = _WRITERS[framework](export_text, method, workdir, port)
    log = workdir / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen(argv, cwd=workdir, env={**os.environ, **env}, stdout=out,
                                   stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    try:
        _wait_until_listening(process, port, log)
        yield port
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def server_log(workdir: Path) -> str:
    return _tail(workdir / "server.log")


# --- one application per framework, around the export (verbatim) ---------------------------------

Argv = tuple[list[str], dict[str, str]]


def _nginx(export_text: str, method: str, workdir: Path, port: int) -> Argv:
    assert NGINX_PLACEHOLDER in export_text, "the nginx export lost its placeholder line"
    (workdir / "export.conf").write_text(export_text.replace(NGINX_PLACEHOLDER, '    return 200 "ok";'))
    temp = "".join(f"{kind}_temp_path {workdir}/{kind};\n" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    (workdir / "nginx.conf").write_text(
        f"daemon off;\nmaster_process off;\npid {workdir}/nginx.pid;\nerror_log {workdir}/error.log;\n"
        f"events {{}}\nhttp {{\naccess_log off;\ndefault_type text/plain;\n{temp}"
        f"server {{\nlisten 127.0.0.1:{port};\ninclude {workdir}/export.conf;\n}}\n}}\n"
    )
    assert NGINX is not None
    return [NGINX, "-p", str(workdir), "-c", str(workdir / "nginx.conf"), "-e", str(workdir / "error.log")], {}


def _express(export_text: str, method: str, workdir: Path, port: int) -> Argv:
    modules = _node_modules()
    assert NODE is not None and modules is not None
    (workdir / "app.js").write_text(
        'const express = require("express");\nconst app = express();\n\n'
        f"{export_text}\n"
        'app.all(/.*/, (req, res) => res.type("text/plain").send("ok"));\n'
        f'app.listen({port}, "127.0.0.1");\n'
    )
    return [NODE, "app.js"], {"NODE_PATH": str(modules)}


def _methods(method: str) -> str:
    return json.dumps(list(dict.fromkeys([*METHODS, method])))


def _flask(export_text: str, method: str, workdir: Path, port: int) -> Argv:
    (workdir / "app.py").write_text(
        "from flask import Flask\n\napp = Flask(__name__)\n\n"
        f"{export_text}\n\n"
        f'@app.route("/", defaults={{"path": ""}}, methods={_methods(method)})\n'
        f'@app.route("/<path:path>", methods={_methods(method)})\n'
        'def answer(path):\n    return "ok", 200, {"Content-Type": "text/plain"}\n\n\n'
        f'app.run("127.0.0.1", {port})  # Flask\'s own (werkzeug) development server\n'
    )
    return [sys.executable, "app.py"], {}


def _fastapi(export_text: str, method: str, workdir: Path, port: int) -> Argv:
    (workdir / "app.py").write_text(
        "from fastapi import FastAPI\nfrom fastapi.responses import PlainTextResponse\n\napp = FastAPI()\n\n"
        f"{export_text}\n\n"
        f'@app.api_route("/{{path:path}}", methods={_methods(method)})\n'
        'async def answer(path: str):\n    return PlainTextResponse("ok")\n'
    )
    return [sys.executable, "-m", "uvicorn", "app:app", "--host", "127.0.0.1", "--port", str(port),
            "--log-level", "warning", "--no-access-log"], {}


def _django(export_text: str, method: str, workdir: Path, port: int) -> Argv:
    (workdir / "settings.py").write_text(
        'SECRET_KEY = "servers-suite, loopback only"\nDEBUG = False\nALLOWED_HOSTS = ["*"]\n'
        'ROOT_URLCONF = "urls"\nUSE_TZ = True\nINSTALLED_APPS = []\n'
        'MIDDLEWARE = ["django.middleware.common.CommonMiddleware"]\n\n'
        f"{export_text}"
    )
    (workdir / "urls.py").write_text(
        "from django.http import HttpResponse\nfrom django.urls import re_path\n\n\n"
        'def answer(request):\n    return HttpResponse("ok", content_type="text/plain")\n\n\n'
        'urlpatterns = [re_path(r"", answer)]\n'
    )
    return ([sys.executable, "-m", "django", "runserver", f"127.0.0.1:{port}", "--noreload"],
            {"DJANGO_SETTINGS_MODULE": "settings", "PYTHONPATH": str(workdir)})


_WRITERS = {"nginx": _nginx, "express": _express, "flask": _flask, "fastapi": _fastapi, "django": _django}
