"""The UI thread keeps handling events while a several-MB file is loaded and analysed."""

from __future__ import annotations

import random

from gui_helpers import wait_idle
from PySide6.QtCore import QElapsedTimer, QTimer

from desktop_app.gui.main_window import MainWindow

WORDS = ["storm", "coast", "rain", "agency", "officials", "residents", "trains", "台風", "接近", "交通機関",
         "避難所", "気象庁", "café", "shelter"]


def big_text(n_chars: int) -> str:
    rnd = random.Random(7)
    parts, size, i = [], 0, 0
    while size < n_chars:
        i += 1
        para = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(8, 40))) + f" {i}."
        if rnd.random() < 0.1:
            para += "   "
        parts.append(para + ("\n\n\n\n" if rnd.random() < 0.05 else "\n\n"))
        size += len(para) + 2
    return "".join(parts)


def test_ui_thread_keeps_running_while_sections_stream_in(qtbot, tmp_path):
    # Timings are measured in benchmarks/bench_gui.py, never asserted here: this checks the order of
    # events instead (text on screen first, then the sections' results streaming in, ticks handled).
    path = tmp_path / "big.txt"
    path.write_text(big_text(3_000_000), encoding="utf-8")  # ~4 MB of UTF-8
    w = MainWindow()
    w.show()
    qtbot.waitExposed(w)
    clock = QElapsedTimer()
    gaps: list[float] = []
    last = [0.0]

    def tick() -> None:
        now = clock.nsecsElapsed() / 1e6
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    sections_done = []
    # At each section's result: was the text already on screen (shown before the analysis finished)?
    w.sectionAnalysed.connect(lambda d: sections_done.append(bool(w.view.toPlainText()[:100])))
    clock.start()
    timer.start()
    w.open_paths([path])
    # Until the text is shown and three sections' proposals have streamed in.
    qtbot.waitUntil(lambda: len(sections_done) >= 3, timeout=120_000)
    timer.stop()
    doc = w.current
    assert w.view.toPlainText()[:100] == doc.text[:100]
    assert any(e.rule == "spacing.trailing" for e in doc.proposals)
    assert len(w.current.text) > 2_000_000 and len(w.buffers[w.current.uid].qdoc.toRawText()) > 100_000
    assert gaps, "the UI thread never handled a timer tick while the file loaded and was analysed"
    assert all(sections_done), "the text was not on screen while the sections were being analysed"
    w.cancel_background()
    wait_idle(qtbot, w)
    w.close()
    w.deleteLater()
