"""Record the real-Chromium HAR fixture: ``python tests/traffic/record_chromium_har.py [OUT.har]``.

Needs Playwright for Python (``pip install playwright``; never ``playwright install``: it drives the
system Chromium at /usr/bin/chromium). Runs the loopback lab server (tests/traffic/server.py),
maps the lab's hosts to 127.0.0.1, loads the page, waits for its fetches, and saves the HAR with
the port and the session secret scrubbed, so the fixture is stable and safe to commit.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from server import APP, SECRET, serving  # noqa: E402  (this folder is on sys.path: runs as a script too)

CHROMIUM = "/usr/bin/chromium"
FIXED_PORT = "8080"


def record(out: Path, *, content: str = "omit") -> dict:
    from playwright.sync_api import sync_playwright

    with serving() as lab, sync_playwright() as pw, tempfile.TemporaryDirectory() as tmp:
        port = lab.port
        browser = pw.chromium.launch(
            executable_path=CHROMIUM,
            args=["--host-resolver-rules=MAP *.test 127.0.0.1", "--no-proxy-server"],
        )
        raw = Path(tmp) / "raw.har"
        context = browser.new_context(record_har_path=str(raw), record_har_content=content)
        page = context.new_page()
        page.goto(f"http://{APP}:{port}/")
        page.wait_for_function("document.title === 'done'", timeout=15000)
        context.close()
        browser.close()
        har = json.loads(raw.read_text("utf-8"))
    text = json.dumps(har, indent=1, ensure_ascii=False)
    text = text.replace(f":{port}", f":{FIXED_PORT}").replace(SECRET, "REDACTED")
    out.write_text(text + "\n", "utf-8")
    return har


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "fixtures" / "chromium-playwright.har"
    target.parent.mkdir(parents=True, exist_ok=True)
    record(target)
    print(f"wrote {target}")
