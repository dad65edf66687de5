"""GUI at scale: time to first paint, worst UI-thread gap during analysis, accept-all time.

Builds a ~20 MB scraped-looking text (Japanese and English paragraphs with trailing spaces, blank-line
runs, repeated furniture and some mojibake; generated, not committed), opens it in the real main
window offscreen and prints:
  * first paint: from open_paths() to the first screen of text painted;
  * worst gap between ticks of a 5 ms QTimer from opening until the analysis is shown (how long the UI
    thread was ever unable to handle events);
  * accept-all: one undo step applying every proposal, until the text is fully shown again;
  * undo of that step; peak RSS relative to the file size.

Usage: QT_QPA_PLATFORM=offscreen python benchmarks/bench_gui.py [--mb 20]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

JA = ["気象庁によると、大型で強い台風は夜にも東海地方に最も接近する見込みで、各地で雨と風が強まっている。",
      "東海道新幹線は午後から一部区間で運転を見合わせている。",
      "在来線でも遅れや運休が相次いでいる。", "同庁は土砂災害や河川の氾濫に警戒するよう呼びかけた。"]
EN = ["Officials urged residents in low-lying areas to move to higher ground before nightfall.",
      "The weather agency warned that the storm's outer bands could bring heavy rain.",
      "Evacuation centres opened in coastal towns, including a café turned into a shelter.",
      "Trains were suspended in the afternoon and flights were cancelled."]
FURNITURE = ["Share this article", "Sign up for our newsletter", "Advertisement", "関連記事", "この記事をシェアする"]


def make_text(n_bytes: int, seed: int = 1) -> str:
    rnd = random.Random(seed)
    parts: list[str] = []
    size = 0
    i = 0
    while size < n_bytes:
        i += 1
        pool = JA if rnd.random() < 0.5 else EN
        para = " ".join(rnd.choice(pool) for _ in range(rnd.randint(1, 3))) + f" ({i})"
        r = rnd.random()
        if r < 0.08:
            para += "   "
        elif r < 0.10:
            para = para.encode("utf-8").decode("cp1252", errors="replace")
        parts.append(para)
        if rnd.random() < 0.05:
            parts.append(rnd.choice(FURNITURE))
        parts.append("\n\n\n\n" if rnd.random() < 0.05 else "\n\n")
        size += len(para.encode("utf-8")) + 2
    return "".join(parts)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=20.0)
    ap.add_argument("--analysis-seconds", type=float, default=60.0,
                    help="stop waiting for the whole analysis after this long (the gaps are measured until then)")
    args = ap.parse_args()

    from PySide6.QtCore import QElapsedTimer, QTimer

    from desktop_app.gui.app import create_application

    tmp = Path(tempfile.mkdtemp(prefix="scrubtext-bench-"))
    os.environ["SCRUBTEXT_DATA_DIR"] = str(tmp / "data")
    path = tmp / "big.txt"
    text = make_text(int(args.mb * 1_000_000))
    path.write_text(text, encoding="utf-8")
    size = path.stat().st_size
    del text
    app = create_application()
    app.setOrganizationName("ScrubtextBench")
    from desktop_app.gui.main_window import MainWindow

    w = MainWindow()
    w.resize(1200, 800)
    w.show()
    app.processEvents()

    clock = QElapsedTimer()
    gaps: list[float] = []
    last = [0.0]
    first_paint = [None]

    gap_at: list[float] = []

    def tick() -> None:
        now = clock.nsecsElapsed() / 1e6
        gaps.append(now - last[0])
        gap_at.append(now)
        last[0] = now

    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(tick)

    painted = []

    def on_loaded(_doc) -> None:
        QTimer.singleShot(0, lambda: painted.append(clock.nsecsElapsed() / 1e6))

    w.documentLoaded.connect(on_loaded)
    analysed = []
    w.documentAnalysed.connect(lambda d: analysed.append(clock.nsecsElapsed() / 1e6))
    first_highlights = []

    def on_progress() -> None:
        if not first_highlights and w.current is not None and w.current.proposals:
            first_highlights.append(clock.nsecsElapsed() / 1e6)

    w.sectionAnalysed.connect(lambda _d: on_progress())
    clock.start()
    timer.start()
    w.open_paths([path])
    while not painted:
        app.processEvents()
    w.view.viewport().repaint()
    first_paint[0] = clock.nsecsElapsed() / 1e6
    deadline = first_paint[0] + args.analysis_seconds * 1000
    while not analysed and clock.nsecsElapsed() / 1e6 < deadline:
        app.processEvents()
    t_analysed = analysed[0] if analysed else None
    if not analysed:
        w.cancel_background()
    # Let the highlights of the first screen be drawn, then stop measuring gaps.
    for _ in range(5):
        app.processEvents()
    timer.stop()
    doc = w.current
    buf = w.buffers[doc.uid]
    buf.ensure_filled()
    n = len(doc.proposals)
    # Typing in the middle of the big text: the cost of one keystroke on the UI thread.
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    cursor = w.view.textCursor()
    cursor.setPosition(buf.qdoc.characterCount() // 2)
    w.view.setTextCursor(cursor)
    w.view.setFocus()
    key_times = []
    for ch in "typing":
        t0 = time.perf_counter()
        QTest.keyClick(w.view, ch)
        key_times.append(time.perf_counter() - t0)
    QTest.keyClick(w.view, Qt.Key.Key_Backspace)
    app.processEvents()
    t0 = time.perf_counter()
    w.accept_all()
    t_accept_ui = time.perf_counter() - t0  # the UI thread is busy this long; the rest fills in chunks
    buf.ensure_filled()
    app.processEvents()
    t_accept = time.perf_counter() - t0
    t0 = time.perf_counter()
    w.act_undo.trigger()
    buf.ensure_filled()
    app.processEvents()
    t_undo = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(f"file: {size / 1e6:.1f} MB, {len(doc.text):,} characters, {n:,} proposals")
    print(f"first paint:            {first_paint[0]:8.0f} ms")
    print(f"first highlights:       {first_highlights[0] if first_highlights else float('nan'):8.0f} ms")
    if t_analysed is not None:
        print(f"whole analysis shown:   {t_analysed:8.0f} ms")
    else:
        print(f"whole analysis:         not done after {args.analysis_seconds:.0f} s "
              f"({len(doc.proposals):,} proposals streamed in by then; cancelled)")
    worst = max(range(len(gaps)), key=gaps.__getitem__)
    print(f"worst UI gap (5 ms timer, open -> analysed or stop): {max(gaps):6.0f} ms, ending at "
          f"{gap_at[worst]:.0f} ms "
          f"(p99 {sorted(gaps)[int(len(gaps) * 0.99)]:.0f} ms, {len(gaps)} ticks)")
    print(f"keystroke in the middle:    {max(key_times) * 1000:6.1f} ms worst, "
          f"{sorted(key_times)[len(key_times) // 2] * 1000:.1f} ms median")
    print(f"accept-all (one undo step): {t_accept * 1000:6.0f} ms until the whole text is shown again "
          f"({t_accept_ui * 1000:.0f} ms before the UI thread is free; the rest fills in between events)")
    print(f"undo of accept-all:         {t_undo * 1000:6.0f} ms")
    print(f"peak RSS: {peak / 1e6:.0f} MB = {peak / size:.1f}x the file")
    for d in w.documents.documents:
        d.saved_revision = d.revision
    w.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
