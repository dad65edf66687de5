"""Decoding: turn a file's bytes into text, say how sure we are, and refuse binaries clearly.

The order of evidence, strongest first:

1. a byte-order mark (UTF-8, UTF-16, UTF-32);
2. known binary signatures (PNG, PDF, ZIP, ELF, ...), refused with the format's name;
3. UTF-16/UTF-32 without a BOM, recognised by where the NUL bytes fall (every other byte NUL in
   ASCII-heavy UTF-16-LE, ...), verified by a strict decode and a look at the characters;
4. other NULs or a high density of control characters: refused as binary;
5. strict UTF-8 (valid UTF-8 of any length is almost never an accident);
6. "mostly UTF-8": many valid multi-byte sequences and a few broken bytes (a damaged UTF-8 file)
   decode as UTF-8 with those bytes replaced, instead of as a legacy code page that would turn
   every correct character into mojibake;
7. chardet's candidates, detected on a bounded sample (the head plus a chunk from the middle, both cut
   at line ends) and each verified by a strict decode of the whole input. chardet's names are mapped
   to Python codecs and to their supersets (Shift_JIS -> cp932, GB2312/GBK -> gb18030,
   EUC-KR -> cp949, Big5 -> cp950 / big5hkscs, ISO-8859-1 -> cp1252 where it decodes);
8. last resort: the best candidate decoded with errors="replace"; the replaced byte ranges are reported.

Short inputs (fewer than 64 non-ASCII bytes), where chardet's statistics are weak: valid UTF-8
always wins. Otherwise every candidate that decodes strictly (chardet's, chardet's when restricted to
common encodings, and a fixed list of common legacy encodings) is scored by chardet's confidence x
how common the encoding is (cp1252, cp932, GB18030, ... over Mac, DOS and EBCDIC code pages) x 0.1
per sign of a wrong code page in the decoded text (a symbol wedged inside a word, "Rz¹d"; mixed
alphabets inside a word; "dŸ"). Measured on tests/core/test_decoding.py's 37 short strings in 12
encodings: 36 right; three EUC-JP kanji that are also valid GB18030 hanzi are the known failure.

Large inputs: chardet sees a bounded sample; the strict check runs over everything. When a single
damaged byte makes chardet drop the right encoding, chardet is also asked about pieces of the sample.
"""

from __future__ import annotations

import codecs
import os
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "DecodeError",
    "DecodedText",
    "candidate_encodings",
    "decode_bytes",
    "is_binary",
    "read_text_file",
]

# chardet sees at most this much: the first SAMPLE_HEAD bytes and SAMPLE_MIDDLE bytes from the middle.
SAMPLE_HEAD = 64 * 1024
SAMPLE_MIDDLE = 32 * 1024
# Inputs with fewer non-ASCII bytes than this are "short": chardet's confidence is low there.
SHORT_NON_ASCII = 64


@dataclass(frozen=True)
class DecodedText:
    """The text decoded from some bytes, and how it was decoded.

    text:        the decoded text (without the byte-order mark, if any).
    encoding:    Python codec name ("utf-8", "utf-8-sig", "cp932", "euc_jp", "utf-16-le", ...);
                 `text.encode(encoding)` gives back the bytes (after the BOM) when nothing was replaced.
    confidence:  0..1; 1.0 for a BOM, ASCII, or valid UTF-8 with several multi-byte characters.
    candidates:  every encoding considered, best first, as (codec, confidence).
    bom:         whether the input started with a byte-order mark.
    replaced:    byte ranges [start, end) of the input that could not be decoded and became U+FFFD.
    method:      how the encoding was chosen: "bom", "utf-8", "no-bom" (UTF-16/32 without a BOM),
                 "chardet", "fallback" (a lossy decode: see `replaced`), or "forced" (the caller named
                 the encoding).
    """

    text: str
    encoding: str
    confidence: float
    candidates: tuple[tuple[str, float], ...]
    bom: bool
    replaced: tuple[tuple[int, int], ...]
    method: str


class DecodeError(ValueError):
    """The input was refused; `reason` (also `str(exc)`) is a clear, user-facing sentence fragment."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


# --------------------------------------------------------------------------------------------------
# Binary recognition

# (prefix, offset, name). Checked against the start of the input. Signatures that are plain ASCII
# words ("ID3", "OggS", "%PDF-") include the binary byte(s) that follow them, so that a text file
# that happens to start with the word is not refused.
_MAGIC: tuple[tuple[bytes, int, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", 0, "PNG image"),
    (b"\xff\xd8\xff", 0, "JPEG image"),
    (b"GIF87a", 0, "GIF image"),
    (b"GIF89a", 0, "GIF image"),
    (b"%PDF-1.", 0, "PDF document"),
    (b"%PDF-2.", 0, "PDF document"),
    (b"PK\x03\x04", 0, "ZIP archive (also .docx, .xlsx, .epub, .jar)"),
    (b"PK\x05\x06", 0, "ZIP archive"),
    (b"PK\x07\x08", 0, "ZIP archive"),
    (b"\x1f\x8b", 0, "gzip archive"),
    (b"\xfd7zXZ\x00", 0, "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", 0, "7-Zip archive"),
    (b"Rar!\x1a\x07", 0, "RAR archive"),
    (b"\x28\xb5\x2f\xfd", 0, "Zstandard archive"),
    (b"\x7fELF", 0, "ELF executable"),
    (b"\xfe\xed\xfa\xce", 0, "Mach-O executable"),
    (b"\xfe\xed\xfa\xcf", 0, "Mach-O executable"),
    (b"\xce\xfa\xed\xfe", 0, "Mach-O executable"),
    (b"\xcf\xfa\xed\xfe", 0, "Mach-O executable"),
    (b"\xca\xfe\xba\xbe", 0, "Java class or Mach-O universal binary"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0, "old Microsoft Office document (.doc, .xls, .ppt)"),
    (b"SQLite format 3\x00", 0, "SQLite database"),
    (b"OggS\x00", 0, "Ogg media file"),
    (b"fLaC\x00", 0, "FLAC audio"),
    (b"fLaC\x80", 0, "FLAC audio"),
    (b"ID3\x02\x00", 0, "MP3 audio"),
    (b"ID3\x03\x00", 0, "MP3 audio"),
    (b"ID3\x04\x00", 0, "MP3 audio"),
    (b"wOFF\x00\x01\x00\x00", 0, "WOFF font"),
    (b"wOFFOTTO", 0, "WOFF font"),
    (b"wOF2\x00\x01\x00\x00", 0, "WOFF2 font"),
    (b"wOF2OTTO", 0, "WOFF2 font"),
    (b"\x00asm", 0, "WebAssembly module"),
    (b"II*\x00", 0, "TIFF image"),
    (b"MM\x00*", 0, "TIFF image"),
    (b"ftyp", 4, "MP4/QuickTime media file"),
    (b"WEBP", 8, "WebP image"),
    (b"WAVE", 8, "WAV audio"),
    (b"AVI ", 8, "AVI video"),
)

# C0 controls that never occur in text: everything below 0x20 except TAB LF VT FF CR, SO/SI and
# ESC (ISO-2022 escapes), SUB (DOS end-of-file marker); plus DEL. NUL is counted separately.
_CONTROL_BYTES = bytes(b for b in range(1, 0x20) if b not in (9, 10, 11, 12, 13, 14, 15, 0x1A, 0x1B)) + b"\x7f"
# Binary when more than this share of the sample is control bytes (random bytes: about 9 %).
_CONTROL_RATIO = 0.03
# Text with NULs (not UTF-16/32) is accepted only if it is valid UTF-8 and NULs are rarer than this.
_NUL_RATIO = 0.01


def _sample(data: bytes) -> bytes:
    """A bounded sample for statistics: the head and a chunk from the middle, cut at line ends."""
    if len(data) <= SAMPLE_HEAD + SAMPLE_MIDDLE:
        return data
    head = data[:SAMPLE_HEAD]
    cut = head.rfind(b"\n")
    if cut > SAMPLE_HEAD // 2:
        head = head[:cut + 1]
    mid_start = len(data) // 2
    nl = data.find(b"\n", mid_start, mid_start + SAMPLE_MIDDLE // 2)
    if nl != -1:
        mid_start = nl + 1
    middle = data[mid_start:mid_start + SAMPLE_MIDDLE]
    cut = middle.rfind(b"\n")
    if cut > len(middle) // 2:
        middle = middle[:cut + 1]
    return head + middle


def _magic(data: bytes) -> str | None:
    for prefix, offset, name in _MAGIC:
        if data[offset:offset + len(prefix)] == prefix:
            if prefix in (b"WEBP", b"WAVE", b"AVI ") and not data.startswith(b"RIFF"):
                continue
            return name
    return None


def _control_count(sample: bytes) -> int:
    return len(sample) - len(sample.translate(None, _CONTROL_BYTES))


def _binary_reason(data: bytes, sample: bytes, utf8_ok: bool) -> str | None:
    """Why `data` (not a BOM or UTF-16/32 text) is binary, or None."""
    name = _magic(data)
    if name:
        return f"binary file ({name})"
    n = len(sample)
    if not n:
        return None
    nuls = sample.count(0)
    if nuls and (not utf8_ok or nuls > max(1, n * _NUL_RATIO)):
        return f"binary file (contains NUL bytes: {nuls} in the first {n:,} bytes examined)"
    controls = _control_count(sample)
    if controls >= 4 and controls > n * _CONTROL_RATIO:
        return f"binary file ({controls} control bytes in the first {n:,} bytes examined)"
    return None


def is_binary(data: bytes) -> str | None:
    """Why `data` looks like a binary file (a user-facing reason), or None when it looks like text.

    Agrees with decode_bytes, which refuses exactly the inputs this gives a reason for.
    """
    data = bytes(data)
    if _bom(data) or not data:
        return None
    name = _magic(data)
    if name:
        return f"binary file ({name})"
    if _utf16_32_guess(data):
        return None
    sample = _sample(data)
    reason = _binary_reason(data, sample, _utf8_valid(sample))
    if reason and _wide_without_nul(data, sample):
        return None
    return reason


def _wide_without_nul(data: bytes, sample: bytes) -> str | None:
    """UTF-16 of CJK text without a single ASCII character has no NULs but many bytes < 0x20."""
    return None if len(data) % 2 or 0 in sample else _utf16_by_characters(data)


# --------------------------------------------------------------------------------------------------
# Lossy decoding that records which byte ranges were replaced

_local = threading.local()


def _recording_replace(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    ranges = getattr(_local, "ranges", None)
    if ranges is not None:
        if ranges and ranges[-1][1] == exc.start:
            ranges[-1] = (ranges[-1][0], exc.end)
        else:
            ranges.append((exc.start, exc.end))
    return "\ufffd", exc.end


codecs.register_error("scrubtext-record-replace", _recording_replace)


def _decode_lossy(data: bytes, codec: str, offset: int = 0) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Decode with U+FFFD for undecodable bytes; returns the text and the replaced byte ranges."""
    _local.ranges = []
    try:
        text = codecs.decode(data, codec, "scrubtext-record-replace")
        ranges = tuple((a + offset, b + offset) for a, b in _local.ranges)
    finally:
        _local.ranges = None
    return text, ranges


def _decode_strict(data: bytes, codec: str) -> str | None:
    try:
        return codecs.decode(data, codec, "strict")
    except (UnicodeDecodeError, UnicodeError, LookupError):
        return None


def _utf8_valid(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A sample may end inside a multi-byte character.
        return exc.end == len(data) and exc.start >= len(data) - 3 and exc.reason == "unexpected end of data"
    return True


# --------------------------------------------------------------------------------------------------
# BOMs and BOM-less UTF-16/32

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16-LE: FF FE 00 00 starts both
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _bom(data: bytes) -> tuple[bytes, str] | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            if codec.startswith("utf-32") and (len(data) % 4 or _decode_strict(data[4:], codec) is None):
                continue  # FF FE 00 00 can also be a UTF-16-LE BOM followed by U+0000
            return bom, codec
    return None


# Code point ranges of characters that make up nearly all real text (Latin, Greek, Cyrillic, Hebrew,
# Arabic, Indic and Thai scripts, punctuation, CJK, kana, Hangul, full-width forms).
_COMMON_RANGES = ((0x09, 0x0D), (0x20, 0x7E), (0xA0, 0x24F), (0x370, 0x6FF), (0x900, 0xE7F),
                  (0x2000, 0x206F), (0x20A0, 0x20BF), (0x2100, 0x27BF), (0x3000, 0x30FF), (0x3130, 0x318F),
                  (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xAC00, 0xD7A3), (0xFF00, 0xFFEF))


def _text_score(text: str) -> float:
    """The share of the first characters of `text` that are common in real text (0..1)."""
    sample = text[:4000]
    if not sample:
        return 1.0
    common = 0
    for ch in sample:
        o = ord(ch)
        for lo, hi in _COMMON_RANGES:
            if lo <= o <= hi:
                common += 1
                break
    return common / len(sample)


def _plausible_text(text: str) -> bool:
    """Whether decoded characters look like text rather than bytes read in the wrong code unit."""
    return _text_score(text) >= 0.95


def _utf16_32_guess(data: bytes) -> str | None:
    """The UTF-16/32 codec a BOM-less input is written in, judged by its NUL pattern, or None."""
    head = data[:8192]
    if len(head) >= 4 and 0 not in head:
        return _utf16_kana_without_nul(data)
    if len(head) < 4:
        return None
    if len(data) % 4 == 0:
        quads = len(head) // 4
        h = head[:quads * 4]
        if h[2::4].count(0) == quads and h[3::4].count(0) == quads and h[0::4].count(0) < quads:
            order = ("utf-32-le",)
        elif h[0::4].count(0) == quads and h[1::4].count(0) == quads and h[3::4].count(0) < quads:
            order = ("utf-32-be",)
        else:
            order = ()
        for codec in order:
            text = _decode_strict(data, codec)
            if text is not None and _plausible_text(text):
                return codec
    if len(data) % 2:
        return None
    return _utf16_by_characters(data)


def _utf16_kana_without_nul(data: bytes) -> str | None:
    """UTF-16 without a single NUL byte: Japanese with no ASCII at all, not even a final line end
    ("今日は良い天気ですね。"). Pairs of ASCII or legacy bytes also decode as UTF-16 (often to CJK
    ideographs), so this needs kana: at least a fifth of the characters are hiragana or katakana, which
    byte pairs of Latin text (both bytes 0x20..0x7E or 0x80..0xFF) never produce; and the bytes must
    not be UTF-8."""
    if len(data) % 2 or _decode_strict(data[:8192], "utf-8") is not None:
        return None
    for codec in ("utf-16-le", "utf-16-be"):
        text = _decode_strict(data, codec)
        if not text:
            continue
        sample = text[:4000]
        kana = sum(1 for ch in sample if "\u3041" <= ch <= "\u30ff")
        if kana >= 0.2 * len(sample) and _text_score(sample) >= 0.95:
            return codec
    return None


def _utf16_by_characters(data: bytes) -> str | None:
    """The UTF-16 byte order under which `data` decodes strictly to plausible text, or None.

    NUL bytes in UTF-16 come from ASCII characters and line ends (NUL high byte) and from CJK
    characters U+xx00 (NUL low byte), so their parity alone does not settle the byte order; the
    character check does: the wrong order turns text into private-use, unassigned or rare characters.
    """
    best: tuple[float, str] | None = None
    for codec in ("utf-16-le", "utf-16-be"):
        text = _decode_strict(data[:16384], codec)
        if text is None:
            continue
        # In the wrong byte order, ASCII turns into U+xx00 characters, which real text rarely has.
        swapped = sum(1 for ch in text[:4000] if ord(ch) > 0xFF and ord(ch) & 0xFF == 0)
        score = _text_score(text) - swapped / max(1, min(len(text), 4000))
        if score >= 0.95 and (best is None or score > best[0]):
            text = _decode_strict(data, codec)
            if text is not None:
                best = (score, codec)
    return best[1] if best else None


# --------------------------------------------------------------------------------------------------
# chardet candidates

# Try these codecs, in order, for a codec chardet names (keys and values are codecs.lookup() names).
_SUPERSETS: dict[str, tuple[str, ...]] = {
    "shift_jis": ("cp932", "shift_jis", "shift_jis_2004"),
    "shift_jis_2004": ("cp932", "shift_jis_2004"),
    "shift_jisx0213": ("cp932", "shift_jisx0213"),
    "cp932": ("cp932", "shift_jis_2004"),
    "euc_jp": ("euc_jp", "euc_jis_2004"),
    "euc_jis_2004": ("euc_jp", "euc_jis_2004"),
    "euc_jisx0213": ("euc_jp", "euc_jisx0213"),
    "iso2022_jp": ("iso2022_jp", "iso2022_jp_2", "iso2022_jp_ext"),
    "iso2022_jp_2": ("iso2022_jp", "iso2022_jp_2", "iso2022_jp_ext"),
    "gb2312": ("gb18030",),
    "gbk": ("gb18030",),
    "gb18030": ("gb18030",),
    "hz": ("hz",),
    "big5": ("cp950", "big5hkscs", "big5"),
    "big5hkscs": ("cp950", "big5hkscs"),
    "cp950": ("cp950", "big5hkscs"),
    "euc_kr": ("cp949", "euc_kr"),
    "cp949": ("cp949", "euc_kr"),
    "ascii": ("cp1252", "iso8859-1"),
    "iso8859-1": ("cp1252", "iso8859-1"),  # codecs.lookup("latin-1").name
}

# How common each encoding is in files people clean (web pages, exports), as a weight on chardet's
# confidence for short inputs, where its statistics cannot tell e.g. cp1252 from mac-turkish. Encodings
# not listed (Mac, DOS and EBCDIC code pages, rare national sets) weigh 0.1.
_PRIOR: dict[str, float] = {
    "cp1252": 1.0, "cp932": 1.0, "euc_jp": 1.0, "iso2022_jp": 1.0, "gb18030": 1.0, "cp950": 1.0,
    "cp949": 1.0, "cp1251": 1.0,
    "big5hkscs": 0.8, "euc_kr": 0.8, "cp1250": 0.5, "iso8859-2": 0.5, "koi8-r": 0.8, "iso8859-1": 0.8,
    "iso8859-15": 0.8, "cp1253": 0.8, "cp1254": 0.8, "cp1255": 0.8, "cp1256": 0.8, "cp1257": 0.5,
    "cp874": 0.8, "tis-620": 0.8, "iso8859-7": 0.8, "iso8859-9": 0.8, "iso8859-8": 0.6,
    "koi8-u": 0.5, "iso8859-5": 0.5, "iso8859-6": 0.5, "iso8859-13": 0.5, "iso8859-4": 0.3,
    "iso8859-16": 0.3, "iso8859-3": 0.2, "iso8859-10": 0.2, "iso8859-14": 0.2,
    "shift_jis": 0.5, "shift_jis_2004": 0.3, "euc_jis_2004": 0.3, "big5": 0.5,
}


def _codec_name(name: str) -> str | None:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _non_ascii_bytes(data: bytes) -> int:
    return len(data) - len(data.translate(None, bytes(range(128))))


_ALPHABETIC_SCRIPTS = ("LATIN", "CYRILLIC", "GREEK", "ARMENIAN", "HEBREW", "ARABIC", "THAI")


def _script(ch: str) -> str | None:
    name = unicodedata.name(ch, "")
    for script in _ALPHABETIC_SCRIPTS:
        if name.startswith(script):
            return script
    return None


def _weirdness(text: str) -> int:
    """How many signs of a wrong code page `text` shows (used to rank decodings of short inputs).

    Counted: a symbol, digit-like or punctuation character wedged between two letters of an
    alphabetic script ("Rz¹d", "b¥b"); two adjacent letters of different alphabetic scripts ("ёСd");
    an uppercase non-ASCII letter right after a lowercase letter ("dŸ"); controls, private-use and
    unassigned characters. Apostrophes and hyphens inside words are normal and not counted.
    """
    weird = 0
    prev = " "
    for i, ch in enumerate(text):
        nxt = text[i + 1] if i + 1 < len(text) else " "
        o = ord(ch)
        if o >= 0x80:
            cat = unicodedata.category(ch)
            wedged = (cat[0] in "SPN" and cat != "Nd" and ch not in "’‘‐‑·" and o < 0x2E80
                      and prev.isalpha() and nxt.isalpha() and ord(prev) < 0x2E80 and ord(nxt) < 0x2E80)
            if cat in ("Co", "Cn", "Cc", "Cs") or wedged or (ch.isupper() and prev.islower()):
                weird += 1
        if ch.isalpha() and prev.isalpha() and (o >= 0x80 or ord(prev) >= 0x80):
            a, b = _script(prev), _script(ch)
            if a and b and a != b:
                weird += 1
        prev = ch
    return weird


# Encodings every short input is tried in, even when chardet does not propose them.
_SHORT_CANDIDATES = ("cp1252", "cp932", "euc_jp", "gb18030", "cp950", "cp949", "cp1251", "cp1250", "koi8-r",
                     "iso8859-2", "iso8859-15", "cp1253", "cp1254", "cp1257", "iso8859-7")
_SHORT_FLOOR = 0.003


def _rank_short(sample: bytes, ranked: list[tuple[str, float]], chardet) -> list[tuple[str, float]]:
    """Re-rank candidates for a short input, where chardet's statistics alone are unreliable.

    Each candidate that decodes strictly is scored by chardet's confidence (also asked with the
    candidates restricted to common encodings, which sharpens it), times how common the encoding is
    (`_PRIOR`), times 0.1 per sign of weirdness in the decoded text. Common encodings chardet did not
    propose get a small floor confidence. Measured on tests/core/test_decoding.py's short strings.
    """
    conf = dict(ranked)
    try:
        from chardet.registry import REGISTRY
        include = [c for c in ("cp1252", "cp932", "euc_jis_2004", "gb18030", "big5hkscs", "cp949", "cp1251",
                               "cp1250", "koi8-r", "iso8859-2", "iso8859-15", "cp1253", "cp1254", "cp1257",
                               "iso8859-7") if c in REGISTRY]
        for r in chardet.detect_all(sample, ignore_threshold=True, compat_names=False, include_encodings=include):
            name = _codec_name(r.get("encoding") or "")
            if name:
                for codec in _SUPERSETS.get(name, (name,)):
                    codec = _codec_name(codec) or codec
                    conf[codec] = max(conf.get(codec, 0.0), float(r.get("confidence") or 0.0))
    except (ImportError, TypeError, ValueError):  # pragma: no cover - older chardet
        pass
    for codec in _SHORT_CANDIDATES:
        conf.setdefault(_codec_name(codec) or codec, _SHORT_FLOOR)
    scored = []
    for codec, c in conf.items():
        text = _decode_strict(sample, codec)
        if text is None:
            continue
        scored.append((c * _PRIOR.get(codec, 0.1) * 0.1 ** _weirdness(text), codec, c))
    scored.sort(key=lambda t: -t[0])
    return [(codec, round(c, 3)) for _, codec, c in scored]


def _detect(chardet, data: bytes) -> dict[str, float]:
    """chardet's guesses for `data` as {Python codec: confidence}, supersets added, in chardet's order."""
    try:
        results = chardet.detect_all(data, ignore_threshold=True, compat_names=False, max_bytes=len(data) + 1)
    except TypeError:  # pragma: no cover - chardet < 7 has no compat_names
        results = chardet.detect_all(data, ignore_threshold=True)
    out: dict[str, float] = {}
    for r in results:
        enc = r.get("encoding")
        conf = float(r.get("confidence") or 0.0)
        name = _codec_name(enc) if enc else None
        if not name or name.startswith(("utf-16", "utf-32")):
            continue
        for codec in _SUPERSETS.get(name, (name,)):
            codec = _codec_name(codec) or codec
            out[codec] = max(out.get(codec, 0.0), conf)
    return out


def _chunks(data: bytes, n: int) -> list[bytes]:
    """`data` cut into about `n` pieces at line ends (or anywhere, if there are no line ends)."""
    size = max(1, len(data) // n)
    out = []
    pos = 0
    while pos < len(data):
        end = min(len(data), pos + size)
        nl = data.find(b"\n", end, end + size // 2)
        end = nl + 1 if nl != -1 else end
        out.append(data[pos:end])
        pos = end
    return out


def _chardet_candidates(sample: bytes) -> list[tuple[str, float]]:
    """chardet's guesses for `sample` as Python codec names with supersets first, best first.

    chardet drops an encoding as soon as one byte sequence is invalid in it, so a single damaged
    character would hide a file's real encoding. When the whole sample gives no confident answer
    (below 0.2, or a top answer that does not decode the sample), chardet is also asked about
    pieces of it, and each encoding gets its average confidence over the pieces: the damage then
    costs one piece, not the answer.
    """
    try:
        import chardet
    except ImportError:  # pragma: no cover - chardet is a dependency
        return []
    out = _detect(chardet, sample)
    top = max(out, key=out.__getitem__) if out else None
    weak = top is None or out[top] < 0.2 or _decode_strict(sample, top) is None
    if weak and len(sample) >= 2048:
        pieces = _chunks(sample, 8)
        votes: dict[str, float] = {}
        for piece in pieces:
            for codec, conf in _detect(chardet, piece).items():
                votes[codec] = votes.get(codec, 0.0) + conf / len(pieces)
        for codec, conf in votes.items():
            out[codec] = max(out.get(codec, 0.0), conf)
    # Stable sort: chardet's order breaks ties.
    ranked = sorted(((c, round(v, 3)) for c, v in out.items()), key=lambda kv: -kv[1])
    if _non_ascii_bytes(sample) < SHORT_NON_ASCII:
        ranked = _rank_short(sample, ranked, chardet)
    return ranked


# Codecs tried for 7-bit input that contains ESC; the order puts the plain JIS variants first.
_ISO2022 = ("iso2022_jp", "iso2022_jp_ext", "iso2022_jp_2", "iso2022_jp_2004", "iso2022_kr")

# Tried, after chardet's candidates, by candidate_encodings (for "Reopen with encoding…").
_COMMON = ("utf-8", "cp1252", "cp932", "euc_jp", "iso2022_jp", "gb18030", "cp950", "big5hkscs", "cp949",
           "cp1251", "koi8-r", "cp1250", "iso8859-15", "mac-roman", "iso8859-1")


# --------------------------------------------------------------------------------------------------
# Public API


def _utf8_confidence(text: str) -> float:
    """Valid UTF-8 with several multi-byte characters is near-certain; with one it could be chance."""
    if len(text) > 4096:
        return 1.0  # non-trivial length (and no copy of a large text just to count)
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    if non_ascii == 0 or non_ascii >= 4:
        return 1.0
    return round(1.0 - 0.5 ** (non_ascii + 1), 3)


def _after_bom(codec: str) -> str:
    """The codec for the bytes after a BOM: "utf-8-sig" would also swallow a second, literal U+FEFF."""
    return "utf-8" if codec == "utf-8-sig" else codec


def _forced(data: bytes, encoding: str) -> DecodedText:
    codec = _codec_name(encoding)
    if codec is None:
        raise DecodeError(f"unknown encoding {encoding!r}")
    try:
        codecs.getincrementaldecoder(codec)
    except (LookupError, TypeError) as exc:
        raise DecodeError(f"{encoding!r} is not a text encoding") from exc
    bom = False
    offset = 0
    found = _bom(data)
    if found and (codec == found[1] or (codec == "utf-8" and found[1] == "utf-8-sig")
                  or (codec in ("utf-16", "utf-32") and found[1].startswith(codec))):
        bom, offset = True, len(found[0])
        codec = found[1]
    try:
        text, replaced = _decode_lossy(data[offset:], _after_bom(codec) if bom else codec, offset)
    except (LookupError, TypeError) as exc:
        raise DecodeError(f"{encoding!r} is not a text encoding") from exc
    return DecodedText(text, codec, 1.0, ((codec, 1.0),), bom, replaced, "forced")


def decode_bytes(data: bytes, *, encoding: str | None = None) -> DecodedText:
    """Decode `data` to text (see the module docstring for the order of evidence).

    `encoding` forces a codec (the GUI's "Reopen with encoding…"): undecodable bytes are replaced and
    reported, and no binary check is made. Raises DecodeError for binary input or an unknown codec.
    """
    data = bytes(data)
    if encoding is not None:
        return _forced(data, encoding)
    if not data:
        return DecodedText("", "utf-8", 1.0, (("utf-8", 1.0),), False, (), "utf-8")

    found = _bom(data)
    if found:
        bom, codec = found
        body = data[len(bom):]
        text = _decode_strict(body, _after_bom(codec))
        replaced: tuple[tuple[int, int], ...] = ()
        if text is None:
            text, replaced = _decode_lossy(body, _after_bom(codec), len(bom))
        return DecodedText(text, codec, 1.0, ((codec, 1.0),), True, replaced, "bom")

    name = _magic(data)
    if name:
        raise DecodeError(f"binary file ({name})")

    wide = _utf16_32_guess(data)
    if wide:
        text = codecs.decode(data, wide)
        return DecodedText(text, wide, 0.9, ((wide, 0.9),), False, (), "no-bom")

    sample = _sample(data)
    utf8_text = _decode_strict(data, "utf-8")
    reason = _binary_reason(data, sample, utf8_text is not None or _utf8_valid(sample))
    if reason:
        wide = _wide_without_nul(data, sample)
        if wide is None:
            raise DecodeError(reason)
        return DecodedText(codecs.decode(data, wide), wide, 0.7, ((wide, 0.7),), False, (), "no-bom")

    if utf8_text is not None and b"\x1b" in data:
        # 7-bit ISO-2022 (JIS mail and old web pages) is valid ASCII; its escapes give it away.
        for codec in _ISO2022:
            text = _decode_strict(data, codec)
            if text is not None and text != utf8_text:
                return DecodedText(text, codec, 0.95, ((codec, 0.95), ("utf-8", 0.05)), False, (), "chardet")
    if utf8_text is not None:
        conf = _utf8_confidence(utf8_text)
        return DecodedText(utf8_text, "utf-8", conf, (("utf-8", conf),), False, (), "utf-8")

    # Damaged UTF-8: many valid multi-byte characters, few errors. Judged on the sample first: a
    # legacy file has an error every few bytes, and recording each one on megabytes would be slow.
    found_utf8 = _mostly_utf8(sample)
    if found_utf8 is not None and sample is not data:
        found_utf8 = _mostly_utf8(data)
    if found_utf8 is not None:
        return found_utf8

    cands = [(c, conf) for c, conf in _chardet_candidates(sample) if c != "utf-8"]
    considered = tuple(cands) + (("utf-8", 0.0),)
    top_conf = cands[0][1] if cands else 0.0
    lossy_best: tuple[int, str, float, str, tuple[tuple[int, int], ...]] | None = None
    strict_later: tuple[str, float, str] | None = None
    for i, (codec, conf) in enumerate(cands):
        text = _decode_strict(data, codec)
        if text is not None:
            # A strict decode wins unless a much likelier candidate failed on only a few bytes.
            if i == 0 or conf >= 0.5 * top_conf or lossy_best is None:
                return DecodedText(text, codec, round(conf, 3), considered, False, (), "chardet")
            strict_later = strict_later or (codec, conf, text)
            continue
        if i < 4 and _few_errors(sample, codec):
            lossy, ranges = _decode_lossy(data, codec)
            bad = sum(b - a for a, b in ranges)
            if lossy_best is None or bad < lossy_best[0]:
                lossy_best = (bad, codec, conf, lossy, ranges)
    non_ascii = _non_ascii_bytes(data)
    if lossy_best and lossy_best[0] <= max(2, non_ascii // 100):
        _, codec, conf, text, ranges = lossy_best
        return DecodedText(text, codec, round(conf * 0.5, 3), considered, False, ranges, "fallback")
    if strict_later:
        codec, conf, text = strict_later
        return DecodedText(text, codec, round(conf, 3), considered, False, (), "chardet")
    if lossy_best:
        _, codec, conf, text, ranges = lossy_best
        return DecodedText(text, codec, round(conf * 0.5, 3), considered, False, ranges, "fallback")
    if cands:
        codec = cands[0][0]
        text, ranges = _decode_lossy(data, codec)
        return DecodedText(text, codec, round(cands[0][1] * 0.5, 3), considered, False, ranges, "fallback")
    text, ranges = _decode_lossy(data, "utf-8")
    return DecodedText(text, "utf-8", 0.0, considered, False, ranges, "fallback")


def _mostly_utf8(data: bytes) -> DecodedText | None:
    """`data` as damaged UTF-8 (at least 4 valid multi-byte characters per undecodable byte), or None."""
    # Cheap rejection first, all in C: each U+FFFD of a plain "replace" decode stands for at least
    # one undecodable byte, so too many of them settle it without recording every range.
    quick = data.decode("utf-8", "replace")
    fffd = quick.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    if len(quick) - len(quick.encode("ascii", "ignore")) - fffd < 4 * fffd:
        return None
    text, replaced = _decode_lossy(data, "utf-8")
    bad = sum(b - a for a, b in replaced)
    multibyte = len(text) - len(text.encode("ascii", "ignore")) - len(replaced)
    if multibyte < 4 * bad:
        return None
    conf = round(multibyte / (multibyte + 4 * bad), 3) if bad else 1.0
    return DecodedText(text, "utf-8", conf, (("utf-8", conf),), False, replaced, "fallback")


def _few_errors(sample: bytes, codec: str) -> bool:
    """Whether `codec` fails on at most about 1 % of the sample's non-ASCII bytes (worth a lossy decode)."""
    try:
        _, ranges = _decode_lossy(sample, codec)
    except (LookupError, TypeError):
        return False
    return sum(b - a for a, b in ranges) <= max(2, _non_ascii_bytes(sample) // 100)


def candidate_encodings(data: bytes, limit: int = 8) -> list[tuple[str, float]]:
    """Encodings that decode `data` strictly, likeliest first, for the GUI's "Reopen with" list.

    The encoding decode_bytes would choose comes first (when it decodes strictly), then chardet's other
    candidates, then common encodings that happen to decode the bytes, with confidence 0.
    """
    data = bytes(data)
    out: dict[str, float] = {}
    sample = _sample(data)

    def add(codec: str, conf: float) -> None:
        codec = _codec_name(codec) or codec
        if len(out) < limit and codec not in out and _decode_strict(data, codec) is not None:
            out[codec] = round(conf, 3)

    try:
        chosen = decode_bytes(data)
        if not chosen.replaced:
            out[chosen.encoding] = chosen.confidence
    except DecodeError:
        pass
    found = _bom(data)
    if found:
        return list(out.items())[:limit]
    ranked = _chardet_candidates(sample)
    top = ranked[0][1] if ranked else 0.0
    for codec, conf in ranked:  # chardet's serious candidates
        if conf >= 0.1 * top:
            add(codec, conf)
    for codec in _COMMON:  # then the encodings people actually use
        add(codec, dict(ranked).get(codec, 0.0))
    for codec, conf in ranked:  # then chardet's long tail
        add(codec, conf)
    return list(out.items())[:limit]


def read_text_file(path: str | os.PathLike[str], *, encoding: str | None = None,
                   max_bytes: int | None = None) -> DecodedText:
    """Read and decode a file. Raises OSError when it cannot be read, DecodeError when refused.

    `max_bytes` bounds memory: a larger file is refused (DecodeError) without being read whole.
    """
    p = Path(path)
    with open(p, "rb") as f:
        if max_bytes is not None:
            size = os.fstat(f.fileno()).st_size
            if size > max_bytes:
                raise DecodeError(f"file too large ({_human(size)}; the limit is {_human(max_bytes)})")
            data = f.read(max_bytes + 1)
            if len(data) > max_bytes:
                raise DecodeError(f"file too large (more than {_human(max_bytes)})")
        else:
            data = f.read()
    return decode_bytes(data, encoding=encoding)


def _human(n: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:,} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} GB"  # pragma: no cover
