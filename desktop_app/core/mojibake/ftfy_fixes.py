"""ftfy's fixes, run only on lines that need them, as explained minimal repairs.

ftfy (rspeer/python-ftfy) is the reference for UTF-8 read as Windows-1252/Latin-1 and its relatives,
HTML entities, C1 controls and ligatures. Scrubtext keeps correct typography, so the configuration
turns off `uncurl_quotes` and `fix_character_width` (curly quotes and full-width CJK forms are correct
text) and `fix_line_breaks` (the spacing rule owns line breaks).
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

import ftfy
import ftfy.chardata
from ftfy.badness import is_bad

from desktop_app.core.mojibake.align import diff_spans

FTFY_CONFIG = ftfy.TextFixerConfig(uncurl_quotes=False, fix_character_width=False, fix_line_breaks=False,
                                   explain=True)

# Characters that can make ftfy change a line even when `is_bad` says the line looks fine: HTML
# entities, C0/C1 controls, the escape of terminal codes, Latin ligatures and digraphs, surrogates.
NEEDS_FTFY_CLASS = ("\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u0132\u0133\u0149\u01c4-\u01cc\u01f1-\u01f3"
                    "\ufb00-\ufb06\ud800-\udfff")
_NEEDS_FTFY = re.compile(f"[&{NEEDS_FTFY_CLASS}]")

_CODEC_NAMES = {
    "utf-8": "UTF-8", "utf-8-variants": "UTF-8", "latin-1": "Latin-1", "windows-1252": "Windows-1252",
    "sloppy-windows-1252": "Windows-1252", "windows-1251": "Windows-1251", "sloppy-windows-1251": "Windows-1251",
    "windows-1250": "Windows-1250", "sloppy-windows-1250": "Windows-1250", "macroman": "MacRoman",
    "cp437": "CP437", "iso-8859-2": "ISO-8859-2", "windows-1253": "Windows-1253",
    "sloppy-windows-1253": "Windows-1253", "windows-1254": "Windows-1254", "sloppy-windows-1254": "Windows-1254",
}

_APPLY_NAMES = {
    "unescape_html": ("HTML entities decoded", 0.93),
    "remove_terminal_escapes": ("terminal escape codes removed", 0.95),
    "restore_byte_a0": ("a non-breaking-space byte restored", 0.85),
    "replace_lossy_sequences": ("a lost byte marked as U+FFFD", 0.85),
    "decode_inconsistent_utf8": ("UTF-8 mojibake mixed with correct text decoded", 0.9),
    "fix_c1_controls": ("C1 control characters read as Windows-1252", 0.85),
    "fix_latin_ligatures": ("Latin ligatures split into letters", 0.9),
    "fix_surrogates": ("UTF-16 surrogates joined", 0.95),
    "remove_control_chars": ("control characters removed", 0.9),
}


class Repair(NamedTuple):
    """One minimal repair of a span of a line (offsets in that line)."""

    start: int
    end: int
    replacement: str
    rule: str
    reason: str
    confidence: float


def needs_ftfy(line: str) -> bool:
    """Cheap check: could ftfy change this line at all?"""
    if line.isascii():
        return "&" in line or _NEEDS_FTFY.search(line) is not None
    return (_NEEDS_FTFY.search(line) is not None or is_bad(line)
            or not unicodedata.is_normalized("NFC", line))


def _byte_chars(first: int, last: int) -> str:
    """What bytes first..last look like in each code page ftfy undoes."""
    chars: set[str] = set()
    for enc in ftfy.chardata.CHARMAP_ENCODINGS:
        chars.update(bytes(range(first, last + 1)).decode(enc, errors="ignore"))
    return "".join(sorted(chars))


# ftfy's encoding fixes all undo UTF-8 read with one of its code pages, so the mojibake they can fix
# holds a UTF-8 lead byte followed by a continuation byte, as that code page shows them ("Ã©",
# "Ð¿", "â€"), or U+FFFD: a line without either needs no (costly) badness check at all.
MOJIBAKE_PAIR_CLASSES = (re.escape(_byte_chars(0xC2, 0xF4)), re.escape(_byte_chars(0x80, 0xBF)))


def describe(explanation: list[tuple[str, str]]) -> tuple[str, str, float]:
    """(rule suffix, reason, confidence) for an ftfy explanation."""
    encoded = [p for a, p in explanation if a in ("encode", "transcode")]
    decoded = [p for a, p in explanation if a == "decode"]
    parts: list[str] = []
    confidence = 0.97
    suffix = "ftfy"
    if encoded and decoded:
        read_as = _CODEC_NAMES.get(encoded[0], encoded[0])
        true = _CODEC_NAMES.get(decoded[-1], decoded[-1])
        times = " (twice)" if len(decoded) > 1 else ""
        parts.append(f"{true} read as {read_as}{times}")
        suffix = f"{decoded[-1].replace('-', '')}-as-{encoded[0].replace('sloppy-', '').replace('-', '')}"
        confidence = 0.95
    for action, param in explanation:
        if action == "apply" and param in _APPLY_NAMES:
            text, conf = _APPLY_NAMES[param]
            parts.append(text)
            confidence = min(confidence, conf)
        elif action == "normalize":
            parts.append(f"Unicode normalized to {param}")
            confidence = min(confidence, 0.9)
    if not encoded and len(parts) == 1:
        suffix = next((p for a, p in explanation if a == "apply"), "normalize").replace("_", "-")
    steps = ", ".join(f"{a} {p}" for a, p in explanation)
    reason = "; ".join(parts) or "ftfy fix"
    return suffix, f"{reason[0].upper()}{reason[1:]} (ftfy: {steps}).", confidence


def ftfy_repairs(line: str) -> tuple[str, list[Repair]]:
    """ftfy's fix of one line: (fixed line, minimal repairs over `line`)."""
    if not needs_ftfy(line):
        return line, []
    fixed, explanation = ftfy.fix_and_explain(line, FTFY_CONFIG)
    if fixed == line or not explanation:
        return line, []
    suffix, reason, confidence = describe(explanation)
    return fixed, [Repair(s.start, s.end, s.replacement, f"mojibake.{suffix}", reason, confidence)
                   for s in diff_spans(line, fixed)]

