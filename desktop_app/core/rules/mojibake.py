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
      scope="line",
      sub_rules={**{f"mojibake.utf8-as-{enc}": f"UTF-8 read as {name} (ftfy's fix; the sub-id names its plan)"
                    for enc, name in (("latin1", "Latin-1"), ("windows1252", "Windows-1252"),
                                      ("windows1250", "Windows-1250"), ("windows1251", "Windows-1251"),
                                      ("macroman", "MacRoman"), ("cp437", "code page 437"))},
                 "mojibake.unescape-html": "HTML entities (ftfy)",
                 "mojibake.utf8-nbsp": "UTF-8 whose no-break-space byte became a space",
                 "mojibake.double": "text mojibaked twice",
                 **{f"mojibake.{c.family}": c.label for c in CHAINS}})
def mojibake(text: str, ctx) -> Iterator[Edit]:
    for r in repair_text(text):
        yield Edit(r.start, r.end, r.replacement, r.rule, "encoding", r.reason, r.confidence)
