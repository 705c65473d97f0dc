"""Write the hand-made DevTools-shaped HAR fixtures (Firefox and Chrome/Edge exports): python tests/traffic/make_fixtures.py."""
import json
from pathlib import Path

OUT = Path(__file__).resolve().parent / "fixtures"

def hdrs(*pairs): return [{"name": n, "value": v} for n, v in pairs]

def ff_entry(method, url, req, status, resp, mime="application/json", redirect="", text=None):
    content = {"mimeType": mime, "size": 2}
    if text is not None:
        content["text"] = text
    return {"pageref": "page_1", "startedDateTime": "2026-12-01T10:00:00.000+00:00",
            "request": {"bodySize": 0, "method": method, "url": url, "httpVersion": "HTTP/2",
                        "headers": hdrs(("Host", url.split("/")[2]), ("User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0"), *req),
                        "cookies": [], "queryString": [], "headersSize": 400},
            "response": {"status": status, "statusText": "OK" if status == 200 else "", "httpVersion": "HTTP/2",
                         "headers": hdrs(*resp), "cookies": [], "content": content, "redirectURL": redirect,
                         "headersSize": 200, "bodySize": 2},
            "cache": {}, "timings": {"blocked": 0, "dns": 0, "connect": 0, "ssl": 0, "send": 0, "wait": 12, "receive": 0},
            "time": 12, "_securityState": "secure", "serverIPAddress": "192.0.2.10", "connection": "443"}

APP = "https://app.example.com"
common = (("Accept-Language", "en-US,en;q=0.5"), ("Accept-Encoding", "gzip, deflate, br, zstd"), ("Connection", "keep-alive"), ("Priority", "u=4"), ("TE", "trailers"))
def cors_req(dest="empty", site="same-site", mode="cors", extra=()):
    return (("Accept", "*/*"), *common, ("Referer", APP + "/dashboard"), ("Origin", APP),
            ("Sec-Fetch-Dest", dest), ("Sec-Fetch-Mode", mode), ("Sec-Fetch-Site", site), *extra)
date = ("Date", "Tue, 01 Dec 2026 10:00:00 GMT")
ff = {"log": {"version": "1.2", "creator": {"name": "Firefox", "version": "153.0"}, "browser": {"name": "Firefox", "version": "153.0"},
      "pages": [{"startedDateTime": "2026-12-01T10:00:00.000+00:00", "id": "page_1", "pageTimings": {"onContentLoad": 120, "onLoad": 300}, "title": APP + "/dashboard"}],
      "entries": [
        ff_entry("GET", APP + "/dashboard", (("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"), *common, ("Upgrade-Insecure-Requests", "1"), ("Sec-Fetch-Dest", "document"), ("Sec-Fetch-Mode", "navigate"), ("Sec-Fetch-Site", "none"), ("Sec-Fetch-User", "?1")),
                 200, (("Content-Type", "text/html; charset=utf-8"), ("Set-Cookie", "sid=SECRET-VALUE-1; Domain=example.com; Path=/; Secure; SameSite=Lax"), date), mime="text/html", text="<!doctype html><p>big body</p>"),
        ff_entry("OPTIONS", "https://api.example.com/items", (("Accept", "*/*"), *common, ("Access-Control-Request-Method", "PUT"), ("Access-Control-Request-Headers", "content-type"), ("Referer", APP + "/dashboard"), ("Origin", APP), ("Sec-Fetch-Dest", "empty"), ("Sec-Fetch-Mode", "cors"), ("Sec-Fetch-Site", "same-site")),
                 204, (("Access-Control-Allow-Origin", APP), ("Access-Control-Allow-Methods", "GET, PUT"), ("Access-Control-Allow-Headers", "Content-Type"), ("Vary", "Origin"), date), mime=""),
        ff_entry("PUT", "https://api.example.com/items", cors_req(extra=(("Content-Type", "application/json"), ("Content-Length", "2"))),
                 200, (("Content-Type", "application/json"), ("Access-Control-Allow-Origin", APP), ("Vary", "Origin"), date), text="{}"),
        ff_entry("GET", "https://api.example.com/me", cors_req(extra=(("Cookie", "sid=SECRET-VALUE-1"),)),
                 200, (("Content-Type", "application/json"), ("Access-Control-Allow-Origin", "*"), date), text='{"user": "ann"}'),
        ff_entry("GET", "https://cdn.example.net/logo.png", (("Accept", "image/avif,image/webp,image/png,image/svg+xml,image/*;q=0.8,*/*;q=0.5"), *common, ("Referer", APP + "/"), ("Sec-Fetch-Dest", "image"), ("Sec-Fetch-Mode", "no-cors"), ("Sec-Fetch-Site", "cross-site")),
                 200, (("Content-Type", "image/png"), date), mime="image/png"),
        ff_entry("GET", "https://api.example.com/public", cors_req(),
                 200, (("Content-Type", "application/json"), date), text="[]"),
        ff_entry("OPTIONS", "https://api.example.com/items/1", (("Accept", "*/*"), *common, ("Access-Control-Request-Method", "DELETE"), ("Referer", APP + "/dashboard"), ("Origin", APP), ("Sec-Fetch-Dest", "empty"), ("Sec-Fetch-Mode", "cors"), ("Sec-Fetch-Site", "same-site")),
                 404, (("Content-Type", "text/plain"), date), mime="text/plain"),
        ff_entry("GET", "https://api.example.com/public", cors_req(),
                 200, (("Content-Type", "application/json"), date), text="[]"),
        ff_entry("GET", APP + "/app.js", (("Accept", "*/*"), *common, ("Referer", APP + "/dashboard"), ("Sec-Fetch-Dest", "script"), ("Sec-Fetch-Mode", "no-cors"), ("Sec-Fetch-Site", "same-origin")),
                 200, (("Content-Type", "text/javascript"), date), mime="text/javascript"),
      ]}}
(OUT / "firefox-devtools.har").write_text(json.dumps(ff, indent=2) + "\n")

SHOP = "https://shop.example"
def ch_entry(method, url, req, status, resp, rtype, mime="application/json", redirect="", error=None, initiator=None):
    host = url.split("/")[2]
    path = "/" + url.split("/", 3)[3] if url.count("/") >= 3 else "/"
    e = {"_initiator": initiator or {"type": "script", "stack": {"callFrames": [{"functionName": "load", "url": SHOP + "/app.js", "lineNumber": 3, "columnNumber": 10}]}},
         "_priority": "High", "_resourceType": rtype, "cache": {}, "connection": "443", "pageref": "page_1",
         "request": {"method": method, "url": url, "httpVersion": "http/2.0",
                     "headers": hdrs((":authority", host), (":method", method), (":path", path), (":scheme", "https"), *req,
                                     ("sec-ch-ua", '"Chromium";v="156", "Not)A;Brand";v="24"'), ("sec-ch-ua-mobile", "?0"), ("sec-ch-ua-platform", '"Linux"'),
                                     ("user-agent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36")),
                     "queryString": [], "cookies": [], "headersSize": -1, "bodySize": 0},
         "response": {"status": status, "statusText": "", "httpVersion": "http/2.0" if status else "", "headers": hdrs(*resp), "cookies": [],
                      "content": {"size": 0, "mimeType": mime}, "redirectURL": redirect, "headersSize": -1, "bodySize": -1,
                      "_transferSize": 0, "_error": error, "_fetchedViaServiceWorker": False},
         "serverIPAddress": "203.0.113.5", "startedDateTime": "2026-12-01T11:00:00.000Z", "time": 20,
         "timings": {"blocked": 1, "dns": -1, "ssl": -1, "connect": -1, "send": 0, "wait": 19, "receive": 0.5, "_blocked_queueing": 0.5}}
    return e
def ch_cors(site="same-site", dest="empty", mode="cors", extra=()):
    return (("accept", "*/*"), ("accept-encoding", "gzip, deflate, br, zstd"), ("accept-language", "en-GB,en;q=0.9"),
            ("origin", SHOP), ("priority", "u=1, i"), ("referer", SHOP + "/"), ("sec-fetch-dest", dest), ("sec-fetch-mode", mode), ("sec-fetch-site", site), *extra)
d2 = ("date", "Tue, 01 Dec 2026 11:00:00 GMT")
ch = {"log": {"version": "1.2", "creator": {"name": "WebInspector", "version": "537.36"},
      "pages": [{"startedDateTime": "2026-12-01T11:00:00.000Z", "id": "page_1", "title": SHOP + "/", "pageTimings": {"onContentLoad": 200, "onLoad": 400}}],
      "entries": [
        ch_entry("GET", SHOP + "/", (("accept", "text/html"), ("sec-fetch-dest", "document"), ("sec-fetch-mode", "navigate"), ("sec-fetch-site", "none"), ("upgrade-insecure-requests", "1")),
                 200, (("content-type", "text/html"), d2), "document", mime="text/html", initiator={"type": "other"}),
        ch_entry("OPTIONS", "https://api.shop.example/cart", (("accept", "*/*"), ("access-control-request-headers", "content-type"), ("access-control-request-method", "POST"), ("origin", SHOP), ("referer", SHOP + "/"), ("sec-fetch-dest", "empty"), ("sec-fetch-mode", "cors"), ("sec-fetch-site", "same-site")),
                 204, (("access-control-allow-origin", SHOP), ("access-control-allow-methods", "POST"), d2), "preflight", mime="x-unknown",
                 initiator={"type": "preflight", "url": "https://api.shop.example/cart", "requestId": "1.42"}),
        ch_entry("POST", "https://api.shop.example/cart", ch_cors(extra=(("content-type", "application/json"),)),
                 0, (), "fetch", mime="x-unknown", error="net::ERR_FAILED"),
        ch_entry("GET", "https://api.shop.example/stock", ch_cors(),
                 200, (("content-type", "application/json"), ("access-control-allow-origin", "https://www.shop.example"), d2), "fetch"),
        ch_entry("GET", "https://fonts.cdn.example/f.woff2", ch_cors(site="cross-site", dest="font"),
                 200, (("content-type", "font/woff2"), ("access-control-allow-origin", "*"), d2), "font", mime="font/woff2",
                 initiator={"type": "parser", "url": SHOP + "/style.css"}),
        ch_entry("GET", "https://api.shop.example/old", ch_cors(),
                 301, (("location", "https://api2.shop.example/new"), ("access-control-allow-origin", SHOP), d2), "fetch", mime="x-unknown", redirect="https://api2.shop.example/new"),
        ch_entry("GET", "https://api2.shop.example/new", tuple(p if p[0] != "origin" else ("origin", "null") for p in ch_cors()),
                 200, (("content-type", "application/json"), ("access-control-allow-origin", "*"), d2), "fetch"),
        ch_entry("GET", "https://tracker.example/p.gif", (("accept", "image/*"), ("referer", SHOP + "/"), ("sec-fetch-dest", "image"), ("sec-fetch-mode", "no-cors"), ("sec-fetch-site", "cross-site")),
                 0, (), "image", mime="x-unknown", error="net::ERR_BLOCKED_BY_CLIENT", initiator={"type": "parser", "url": SHOP + "/"}),
        {"_resourceType": "fetch", "pageref": "page_1", "request": {"method": "GET", "headers": []}, "response": {"status": 200, "headers": []}},
      ]}}
(OUT / "chrome-devtools.har").write_text(json.dumps(ch, indent=2) + "\n")
