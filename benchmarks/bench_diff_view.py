"""Diff view latency on a large text: diff time in the worker, and the worst UI-thread stall.

Run: QT_QPA_PLATFORM=offscreen python benchmarks/bench_diff_view.py [MB] [--scattered]
Builds a text of about MB megabytes from the user's sample (or a synthetic mix of Japanese and
English lines), cleans it with the real pipeline, shows the diff, and reports the time until the
diff is on screen and the longest gap between 5 ms ticks of a QTimer on the UI thread meanwhile,
and the memory the diff view takes (anonymous resident memory before and after, Linux).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from desktop_app.core.pipeline import clean_text
from desktop_app.gui.diff_view import DiffView, compute_diff

SAMPLE = Path(__file__).resolve().parents[2] / "shared" / "samples" / "liveblog-ja-en.txt"


def build(mb: float) -> str:
    base = SAMPLE.read_text(encoding="utf-8") if SAMPLE.exists() else (
        "東京で新しい展示会が開かれました。  \nShare this article\n\n\n\nThe exhibition opens on Monday.\n" * 50)
    reps = max(1, int(mb * 1_000_000 / len(base.encode("utf-8"))))
    # Like many different pages of one site: long lines (the articles) differ from copy to copy, short
    # ones (menus, share buttons, bylines) repeat, as they do in real scraped text.
    return "".join("\n".join(f"{ln} [{k}]" if len(ln) > 30 else ln for ln in base.split("\n")) + "\n"
                   for k in range(reps))


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    mb = float(args[0]) if args else 3.0
    app = QApplication.instance() or QApplication([])
    original = build(mb)
    t = time.perf_counter()
    if "--scattered" in sys.argv:
        # Adversarial for the diff: a change every few lines (every 7th line removed, every 5th edited).
        lines = original.split("\n")
        current = "\n".join(("[edited] " + ln[3:]) if i % 5 == 0 else ln
                            for i, ln in enumerate(lines) if i % 7)
    else:
        current = clean_text(original)
    t_clean = time.perf_counter() - t
    t = time.perf_counter()
    res = compute_diff(original, current)
    t_diff = time.perf_counter() - t
    del res.left_text, res.right_text, res.inline_text  # only its counts are printed
    view = DiffView()
    view.resize(1200, 800)
    view.show()
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)
    timer.start()
    done = []
    view.diff_ready.connect(lambda: done.append(time.perf_counter()))
    mem0 = _anonymous_memory()
    t0 = time.perf_counter()
    view.set_texts(original, current)
    while not done:
        app.processEvents()
    t_shown = done[0] - t0
    mem = _anonymous_memory() - mem0
    t = time.perf_counter()
    for _ in range(20):
        view.next_change()
        app.processEvents()
    t_nav = (time.perf_counter() - t) / 20
    timer.stop()
    print(f"text: {len(original.encode('utf-8')) / 1e6:.1f} MB, {original.count(chr(10)):,} lines; "
          f"{res.rows:,} diff rows, {len(res.hunks):,} changes")
    print(f"making the current text: {t_clean:.2f} s; compute_diff alone: {t_diff:.2f} s; set_texts -> shown: {t_shown:.2f} s")
    print(f"worst UI gap while diffing and showing: {max(gaps) * 1000:.0f} ms; median {sorted(gaps)[len(gaps)//2]*1000:.1f} ms")
    print(f"next_change (scroll + re-highlight): {t_nav * 1000:.1f} ms each")
    if mem >= 0:
        print(f"memory of the diff shown ({view.mode()} mode): {mem / 1e6:.0f} MB "
              f"= {mem / len(original.encode('utf-8')):.1f}x the text")


def _anonymous_memory() -> int:
    """The process's anonymous resident memory in bytes (Linux /proc; -1 elsewhere)."""
    try:
        with open("/proc/self/status") as f:
            return next(int(line.split()[1]) * 1024 for line in f if line.startswith("RssAnon:"))
    except (OSError, StopIteration, ValueError):
        return -1


if __name__ == "__main__":
    main()
