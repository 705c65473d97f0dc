"""Record the real-Firefox HAR fixture with Firefox's own DevTools HAR export.

``python tests/traffic/record_firefox_har.py [OUT.har]`` needs firefox-esr and an X display
(``DISPLAY``, else it runs Firefox under ``xvfb-run``): Firefox writes a HAR only from its DevTools network monitor, whose auto-export
(``devtools.netmonitor.har.enableAutoExportToFile``) saves the page's requests when it navigates
away. The lab page's hosts resolve to loopback through ``network.dns.localDomains``; the port
and the session secret are scrubbed as for the Chromium fixture.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from server import API, APP, CDN, SECRET, serving  # noqa: E402  (this folder is on sys.path: runs as a script too)

FIREFOX = "/usr/bin/firefox-esr"
FIXED_PORT = "8080"

PREFS = {
    "devtools.netmonitor.har.enableAutoExportToFile": True,
    "devtools.netmonitor.har.includeResponseBodies": False,
    "devtools.netmonitor.har.defaultFileName": "lab",
    "devtools.netmonitor.har.pageLoadedTimeout": 5000,  # export once the page is quiet that long
    "devtools.toolbox.selectedTool": "netmonitor",
    "devtools.netmonitor.persistlog": False,
    "network.dns.localDomains": f"{APP},{API},{CDN}",
    "network.proxy.type": 0,
    "browser.shell.checkDefaultBrowser": False,
    "browser.startup.homepage_override.mstone": "ignore",
    "startup.homepage_welcome_url": "",
    "browser.aboutwelcome.enabled": False,
    "datareporting.policy.dataSubmissionEnabled": False,
    "toolkit.telemetry.reportingpolicy.firstRun": False,
    "app.update.disabledForTesting": True,
    "browser.safebrowsing.malware.enabled": False,
    "browser.safebrowsing.phishing.enabled": False,
    "network.captive-portal-service.enabled": False,
    "network.connectivity-service.enabled": False,
    "extensions.getAddons.cache.enabled": False,
    "browser.newtabpage.enabled": False,
}


def record(out: Path, timeout: float = 90.0) -> dict:
    with serving() as lab, tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp) / "profile"
        logs = Path(tmp) / "har"
        profile.mkdir()
        prefs = {**PREFS, "devtools.netmonitor.har.defaultLogDir": str(logs)}
        (profile / "user.js").write_text(
            "".join(f"user_pref({json.dumps(k)}, {json.dumps(v)});\n" for k, v in prefs.items()), "utf-8")
        command = [FIREFOX, "--no-remote", "--profile", str(profile), "--devtools", f"http://{APP}:{lab.port}/start"]
        if not os.environ.get("DISPLAY") and shutil.which("xvfb-run"):
            command = ["xvfb-run", "-a", *command]
        # Its own process group, so stopping it stops Firefox and the X server it runs on.
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            deadline = time.monotonic() + timeout
            found: list[Path] = []
            while time.monotonic() < deadline:
                found = [p for p in logs.glob("*.har") if p.stat().st_size > 0] if logs.exists() else []
                if any("/put-ok" in p.read_text("utf-8", "replace") for p in found):
                    break
                time.sleep(0.5)
            else:
                raise RuntimeError("Firefox wrote no HAR of the lab page")
            time.sleep(1)
            source = next(p for p in found if "/put-ok" in p.read_text("utf-8", "replace"))
            har = json.loads(source.read_text("utf-8"))
        finally:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        text = json.dumps(har, indent=1, ensure_ascii=False)
        text = text.replace(f":{lab.port}", f":{FIXED_PORT}").replace(SECRET, "REDACTED")
    out.write_text(text + "\n", "utf-8")
    return har


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "fixtures" / "firefox-esr.har"
    target.parent.mkdir(parents=True, exist_ok=True)
    record(target)
    print(f"wrote {target}")
