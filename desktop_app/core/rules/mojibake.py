"""Encoding: mojibake and other encoding damage, repaired as minimal, explained edits.

ftfy's fixes come first (UTF-8 read as Windows-1252, HTML entities, …), each changed run its own edit
with ftfy's explanation; the repair engine (desktop_app.core.mojibake) then searches re-encode/re-decode
chains for what ftfy misses (Windows-1252 read as MacRoman, UTF-8 read as CP932/GBK/Big5/EUC-KR,
Shift_JIS read as Windows-1252, EUC-JP read as Shift_JIS, double mojibake, lost bytes). Correct text
(accented words, curly quotes, full-width forms, math, box drawing) is left alone.
"""

from __future__ import annotations

from collections.abc import Iterator

from desktop_app.core.edits import Edit
from desktop_app.core.mojibake import repair_text
from desktop_app.core.mojibake.chains import CHAINS

from . import rule


@rule("mojibake", "encoding",
      "Mojibake (text decoded with the wrong codec, once or twice), HTML entities and other encoding damage.",
      examples=[("cafÃ© â€œnoirâ€\x9d", "café “noir”"), ("North Koreaís army", "North Korea’s army"),
                ("縺薙ｓ縺ｫ縺｡縺ｯ", "こんにちは"), ("AT&amp;T", "AT&T")],
      order=10,
      sub_rules={"mojibake.utf8-as-latin1": "UTF-8 read as Latin-1/Windows-1252 and other ftfy fixes "
                                            "(the sub-id names ftfy's plan)",
                 "mojibake.unescape-html": "HTML entities (ftfy)",
                 "mojibake.utf8-nbsp": "UTF-8 whose no-break-space byte became a space",
                 "mojibake.double": "text mojibaked twice",
                 **{f"mojibake.{c.family}": c.label for c in CHAINS}})
def mojibake(text: str, ctx) -> Iterator[Edit]:
    for r in repair_text(text):
        yield Edit(r.start, r.end, r.replacement, r.rule, "encoding", r.reason, r.confidence)
