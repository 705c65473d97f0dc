"""What a frame actually put on the (headless) terminal, for the TUI benchmarks.

Headless Textual skips turning a compositor update into terminal bytes, and a frame written after a
key press is not necessarily the frame that shows its effect (an Input can repaint before the
verdicts do). So the benchmarks hook ``App._display``, do the byte rendering a real terminal would
need (``render_segments``), and apply each update to a character grid: "painted" means the grid
shows the new state, not that some widget attribute changed.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

from rich.cells import cell_len
from textual._compositor import ChopsUpdate, LayoutUpdate


class ScreenMirror:
    """A width x height grid of the characters the terminal would show."""

    def __init__(self, width: int, height: int) -> None:
        self.width = width
        self.rows = [[" "] * width for _ in range(height)]

    def _write(self, y: int, x: int, strip: Any, stop: int) -> None:
        if not 0 <= y < len(self.rows):
            return
        row = self.rows[y]
        for segment in strip:
            if segment.control:
                continue
            for char in segment.text:
                if x >= stop or x >= self.width:
                    return
                row[x] = char
                width = cell_len(char)
                for extra in range(1, width):
                    if x + extra < self.width:
                        row[x + extra] = ""
                x += max(width, 1)

    def apply(self, update: object) -> None:
        if isinstance(update, LayoutUpdate):
            for y, line in enumerate(update.strips, update.region.y):
                x = update.region.x
                for strip in line:
                    self._write(y, x, strip, self.width)
                    x += strip.cell_length
        elif isinstance(update, ChopsUpdate):
            for y, x1, x2 in update.spans:
                for end, (x, strip) in zip(update.chop_ends[y], update.chops[y].items(), strict=False):
                    if strip is None or x > x2 or end <= x1:
                        continue
                    self._write(y, x, strip, min(end, x2))

    def text(self, region: Any) -> str:
        """The characters inside a widget's region, lines joined with newlines."""
        lines = []
        for y in range(region.y, region.y + region.height):
            if 0 <= y < len(self.rows):
                lines.append("".join(self.rows[y][region.x : region.x + region.width]))
        return "\n".join(lines)


class FrameWatch:
    """Hooks ``app._display``: each frame is timed when its bytes would be ready for the terminal,
    then mirrored; ``shown_at`` (perf_counter) and ``shown_cpu`` (process_time) are the times of the
    first frame after which ``check(mirror)`` held, ``shown_count`` what ``count()`` said then, and
    ``painted`` is set then (a waiter needs no polling loop, which would cost CPU time itself)."""

    def __init__(self, app: Any, size: tuple[int, int], count: Callable[[], int] = lambda: 0) -> None:
        self.app = app
        self.mirror = ScreenMirror(*size)
        self.check: Callable[[ScreenMirror], bool] | None = None
        self.shown_at: float | None = None
        self.shown_cpu: float | None = None
        self.shown_count = 0
        self.count = count
        self.painted = asyncio.Event()
        self.frames = 0
        self._original = app._display
        app._display = self._display

    def expect(self, check: Callable[[ScreenMirror], bool]) -> None:
        self.check = check
        self.painted.clear()
        self.shown_at = None
        self.shown_cpu = None

    def _display(self, screen: object, renderable: object) -> None:
        self._original(screen, renderable)
        if renderable is None:
            return
        if hasattr(renderable, "render_segments"):
            renderable.render_segments(self.app.console)  # the bytes a real terminal would be sent
        now, cpu = time.perf_counter(), time.process_time()  # the mirroring below is not the app's work
        self.frames += 1
        self.mirror.apply(renderable)
        if self.shown_at is None and self.check is not None and self.check(self.mirror):
            self.shown_at, self.shown_cpu, self.shown_count = now, cpu, self.count()
            self.painted.set()
