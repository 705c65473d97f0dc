"""Play a scenario in a real browser (headless Chromium, Firefox ESR) and compare with the engine.

Nothing here is imported by the engine or the workbench: the harness needs the optional ``browser``
dependencies (``pip install -e '.[browser]'``) and an installed browser (docs/browser-harness.md).
"""
