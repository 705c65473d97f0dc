"""The page-side JavaScript: one action per resource type, each returning plain facts.

Every action is an async function of one argument (the parameters built in ``play.py``) and never
throws: what the page could and could not do comes back as data. No action writes to the console,
so every console line seen during a case is the browser's own.
"""

from __future__ import annotations

# Shared helpers, prepended to every action.
_PRELUDE = """
const op = {
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  within: (ms, promise) => Promise.race([promise, new Promise((resolve) => setTimeout(() => resolve('timeout'), ms))]),
  err: (e) => (e && e.name ? e.name + ': ' + e.message : String(e)),
};
"""

FETCH = _PRELUDE + """
const out = {resolved: false};
try {
  const init = {method: p.method, mode: p.mode, credentials: p.credentials, headers: p.headers};
  const response = await op.within(8000, fetch(p.url, init));
  if (response === 'timeout') { out.error = 'timeout'; return out; }
  out.resolved = true;
  out.type = response.type;
  out.status = response.status;
  try { out.body = await response.text(); } catch (e) { out.body_error = op.err(e); }
  out.headers = [...response.headers.keys()];
} catch (e) { out.error = op.err(e); }
return out;
"""

IMAGE = _PRELUDE + """
const out = {displayed: false, read_pixels: false};
const img = new Image();
if (p.crossorigin !== 'none') img.crossOrigin = p.crossorigin;
document.body.appendChild(img);
const loaded = await op.within(8000, new Promise((resolve) => {
  img.onload = () => resolve('load'); img.onerror = () => resolve('error'); img.src = p.url;
}));
out.event = loaded;
out.displayed = loaded === 'load' && img.naturalWidth > 0;
if (out.displayed) {
  const canvas = document.createElement('canvas');
  canvas.width = img.naturalWidth; canvas.height = img.naturalHeight;
  const context = canvas.getContext('2d');
  context.drawImage(img, 0, 0);
  try { context.getImageData(0, 0, 1, 1); out.read_pixels = true; } catch (e) { out.taint_error = op.err(e); }
}
return out;
"""

SCRIPT = _PRELUDE + """
const out = {executed: false, read_errors: false};
window.__opRan = 0;
let reported = null;
window.onerror = (message, source, line, column, error) => {
  reported = {message: String(message), line: line || 0, has_error: !!error};
  return true;  // handled: the browser does not print it, so the console stays the browser's own
};
const script = document.createElement('script');
if (p.module) script.type = 'module';
if (p.crossorigin !== 'none') script.crossOrigin = p.crossorigin;
const event = await op.within(8000, new Promise((resolve) => {
  script.onload = () => resolve('load'); script.onerror = () => resolve('error');
  script.src = p.url; document.head.appendChild(script);
}));
await op.sleep(20);
out.event = event;
out.executed = window.__opRan > 0;
out.onerror = reported;
out.error_muted = reported !== null && reported.message === 'Script error.';
out.read_errors = out.executed && reported !== null && reported.message.includes('op-probe');
return out;
"""

# dom and iframe: the target in a frame on the page, then the page's script reaches into it.
FRAME = _PRELUDE + """
const out = {rendered: false, access: false};
const frame = document.createElement('iframe');
let rendered = false;
window.addEventListener('message', (e) => { if (e.data === 'op-rendered' && e.source === frame.contentWindow) rendered = true; });
const loaded = await op.within(3000, new Promise((resolve) => {
  frame.onload = () => resolve('load'); frame.src = p.url; document.body.appendChild(frame);
}));
out.event = loaded;
for (let i = 0; i < 10 && !rendered; i++) await op.sleep(15);
try {
  const doc = frame.contentWindow.document;
  if (doc === null) throw new Error('null document');
  // A frame that never loaded still holds its initial about:blank, which is the page's own.
  out.access = doc.location.href !== 'about:blank' || p.url === 'about:blank';
  if (doc.title === 'op-frame') rendered = true;
} catch (e) { out.access_error = op.err(e); }
try { out.content_document_null = frame.contentDocument === null; } catch (e) { out.content_document_null = true; }
out.rendered = rendered;
return out;
"""

DOCUMENT_COOKIE = _PRELUDE + """
try { return {ok: true, cookie: document.cookie}; } catch (e) { return {ok: false, error: op.err(e)}; }
"""

# Top-level requests: the page navigates away, so nothing comes back but the fact it started.
NAVIGATE = """
setTimeout(() => { location.href = p.url; }, 0);
return {started: true};
"""

FORM_POST = """
const form = document.createElement('form');
form.method = 'POST'; form.action = p.url;
const field = document.createElement('input'); field.name = 'op'; field.value = '1'; form.appendChild(field);
document.body.appendChild(form);
setTimeout(() => form.submit(), 0);
return {started: true};
"""

ACTIONS = {"fetch": FETCH, "image": IMAGE, "script": SCRIPT, "dom": FRAME, "iframe": FRAME,
           "navigation": NAVIGATE, "form-post": FORM_POST, "document-cookie": DOCUMENT_COOKIE}


def as_function(action: str) -> str:
    """The action as an async arrow function of ``p`` (what Playwright and BiDi evaluate)."""
    return "async (p) => {\n" + ACTIONS[action] + "\n}"
