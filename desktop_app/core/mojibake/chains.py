"""Re-encode/re-decode chains: the ways text gets decoded with the wrong codec, and their inverse.

A chain ``Chain("utf-8", "cp932")`` describes text whose bytes were UTF-8 but were read as CP932; it
is undone by encoding the mojibake with CP932 and decoding the bytes as UTF-8. Bytes that were lost
before we saw the text (shown as ``�`` or ``?``) are carried through as an invalid byte, so the repair
keeps a ``�`` exactly where a character cannot be recovered.
"""

from __future__ import annotations

import codecs
import contextlib
from dataclasses import dataclass
from functools import lru_cache

import ftfy.bad_codecs  # noqa: F401  (registers sloppy-windows-125x)

LOST = "\ufffd"
_DOUBLE_BYTE = frozenset({"cp932", "shift_jis", "euc_jp", "gbk", "big5", "cp949", "euc_kr"})
_LOST_COST = 3.0   # a lost character marked with �, in the legacy alignment
_KEEP_COST = 10.0  # a character left as it is: no byte alignment explains it
_SENTINEL = 0xFF  # invalid in UTF-8, CP932, EUC-JP, GBK, Big5 and EUC-KR


def _lost_byte_handler(err: UnicodeEncodeError) -> tuple[bytes, int]:
    """Encode error handler: a character the wrong codec cannot hold becomes one invalid byte."""
    return bytes([_SENTINEL]), err.end


codecs.register_error("scrubtext-lost", _lost_byte_handler)

@lru_cache(maxsize=65536)
def _encoded(c: str, codec: str) -> bytes | None:
    try:
        return c.encode(codec)
    except UnicodeEncodeError:
        return None


_OPEN = "open"  # a segment that ends in a character whose bytes broke off (its � is still open)


def _join(segs: list) -> tuple[int, int, str]:
    parts: list[str] = []
    prev_open = False
    for seg in segs:
        text = seg[2]
        if prev_open and text.startswith(LOST):
            text = text[1:]  # the same lost character, seen from both of its sides
        parts.append(text)
        prev_open = seg[3] == _OPEN
    return segs[0][0], segs[-1][1], "".join(parts)


def _decode_lossy(data: bytes, codec: str) -> str:
    """Decode bytes holding lost-byte sentinels: one � per lost character, the rest as it was.

    A sentinel that completes a broken sequence is that character's lost byte; bytes after it that
    cannot start a character belong to the same lost character.
    """
    out: list[str] = []
    for k, part in enumerate(data.split(bytes([_SENTINEL]))):
        text = part.decode(codec, errors="replace")
        if k:
            if not (out and out[-1].endswith(LOST)):
                out.append(LOST)
            text = text.lstrip(LOST)
        out.append(text)
    return "".join(out)


@lru_cache(maxsize=16)
def _trail_bytes(codec: str) -> frozenset[int]:
    """Bytes that can follow some lead byte in a double-byte `codec`."""
    out = set()
    for b in range(0x40, 0x100):
        for a in range(0x81, 0xFF):
            try:
                if len(bytes([a, b]).decode(codec)) == 1:
                    out.add(b)
                    break
            except UnicodeDecodeError:
                continue
    return frozenset(out)


@lru_cache(maxsize=32)
def _high_chars(codec: str) -> frozenset[str]:
    """The characters `codec` decodes bytes >= 0x80 to (for double-byte codecs: their lead bytes' rows)."""
    out: set[str] = set()
    for a in range(0x80, 0x100):
        try:
            out.update(bytes([a]).decode(codec))
        except UnicodeDecodeError:
            for b in range(0x40, 0x100):
                with contextlib.suppress(UnicodeDecodeError):
                    out.update(bytes([a, b]).decode(codec))
    return frozenset(out)


_LABELS = {
    "utf-8": "UTF-8", "cp932": "CP932 (Shift_JIS)", "shift_jis": "Shift_JIS", "euc_jp": "EUC-JP",
    "gbk": "GBK", "big5": "Big5", "cp949": "EUC-KR (CP949)", "euc_kr": "EUC-KR", "cp1251": "Windows-1251",
    "cp437": "CP437", "mac_roman": "MacRoman", "sloppy-windows-1252": "Windows-1252",
    "latin-1": "Latin-1", "koi8_r": "KOI8-R", "cp1252": "Windows-1252", "cp850": "CP850",
    "cp1250": "Windows-1250", "cp1258": "Windows-1258", "iso-8859-2": "ISO-8859-2",
}


@dataclass(frozen=True)
class Chain:
    """Bytes in codec `true` that were decoded as `read_as`."""

    true: str
    read_as: str
    family: str   # the evaluation family (also the Edit's sub-id)

    @property
    def label(self) -> str:
        return f"{_LABELS.get(self.true, self.true)} read as {_LABELS.get(self.read_as, self.read_as)}"

    @property
    def multibyte_true(self) -> bool:
        return self.true in ("utf-8", "cp932", "shift_jis", "euc_jp", "gbk", "big5", "cp949", "euc_kr")

    @property
    def multibyte_read(self) -> bool:
        return self.read_as in ("utf-8", "cp932", "shift_jis", "euc_jp", "gbk", "big5", "cp949", "euc_kr")

    def could_apply(self, text: str) -> bool:
        """Cheap test: does `text` hold a character this chain's mojibake is made of?"""
        return any(c in _high_chars(self.read_as) for c in text)

    def undo(self, text: str) -> str:
        """The repaired text: encode as `read_as`, decode as `true` (see `undo_runs`)."""
        out = []
        pos = 0
        for start, end, repl in self.undo_runs(text):
            out.append(text[pos:start])
            out.append(repl)
            pos = end
        out.append(text[pos:])
        return "".join(out)

    def undo_runs(self, text: str) -> list[tuple[int, int, str]]:
        """The runs of `text` this chain changes: (start, end, repaired text); see `_undo_runs`.

        Cached: the same word meets the chains again in other lines (the result is never mutated).
        """
        return _undo_runs_cached(self, text)

    def _undo_runs(self, text: str) -> list[tuple[int, int, str]]:
        """The runs of `text` this chain changes: (start, end, repaired text).

        A run is a stretch of characters whose bytes (encoded as `read_as`) decode cleanly as `true`;
        other characters are kept (correct text next to the mojibake, or characters `read_as` cannot
        even encode). A short invalid stretch holding a lost byte (``�``) becomes one ``�`` and joins
        its neighbours' run: that character cannot be recovered, the rest can.
        """
        lost_ok = self.multibyte_true
        if lost_ok and LOST in text and self.true in _DOUBLE_BYTE and not self.multibyte_read:
            return self._undo_legacy_lossy(text)
        if not (lost_ok and LOST in text):  # (a sloppy code page would encode � as byte 1A)
            try:
                repl = text.encode(self.read_as).decode(self.true)
                return [(0, len(text), repl)] if repl != text else []
            except UnicodeError:
                pass
        pieces: list[bytes | None] = [bytes([_SENTINEL]) if c == LOST and lost_ok else _encoded(c, self.read_as)
                                      for c in text]
        segs: list[tuple[int, int, str, bool | str]] = []  # (start, end, text, valid or _OPEN)
        i = 0
        n = len(text)
        while i < n:
            if pieces[i] is None:
                segs.append((i, i + 1, text[i], False))
                i += 1
                continue
            j = i
            while j < n and pieces[j] is not None:
                j += 1
            if self.true == "utf-8":
                segs.extend(_utf8_segments(text, i, j, pieces))
            else:
                segs.extend(self._decode_run(text, i, j, pieces))
            i = j
        # Join valid segments with the lost-byte markers between them into runs.
        runs: list[tuple[int, int, str]] = []
        cur: list = []
        for seg in segs:
            start, end, repl, valid = seg
            if valid is True:
                cur.append(seg)
                continue
            if LOST in repl:
                cur.append(seg)
                continue
            if cur:
                runs.append(_join(cur))
                cur = []
        if cur:
            runs.append(_join(cur))
        return [(a, b, r) for a, b, r in runs if r != text[a:b]]

    def _decode_run(self, text: str, i: int, j: int, pieces: list) -> list[tuple[int, int, str, bool | str]]:
        """Segments of text[i:j] (all encodable): decodable runs and the characters between them."""
        data = b"".join(pieces[i:j])
        bounds = [0]
        for p in pieces[i:j]:
            bounds.append(bounds[-1] + len(p))
        char_at = {b: k for k, b in enumerate(bounds)}
        out: list[tuple[int, int, str, bool | str]] = []
        k = 0
        count = j - i
        while k < count:
            pos = bounds[k]
            try:
                out.append((i + k, j, data[pos:].decode(self.true), True))
                return out
            except UnicodeDecodeError as err:
                b = pos + err.start
            if b not in char_at and b > pos:
                # The valid bytes end inside character ck, whose tail starts a sequence that breaks
                # off: the text up to it is recovered and the broken character is marked as lost.
                ck = max(q for q in range(k, count) if bounds[q] < b)
                head = data[pos:b].decode(self.true)
                if head and ck >= k:
                    out.append((i + k, i + ck + 1, head + LOST, _OPEN))
                    k = ck + 1
                    continue
            while b > pos and b not in char_at:
                b -= 1
            end_k = char_at.get(b, k)
            while end_k > k:
                try:
                    out.append((i + k, i + end_k, data[pos:bounds[end_k]].decode(self.true), True))
                    break
                except UnicodeDecodeError:
                    end_k -= 1  # the cut fell inside a multi-byte sequence of `true`
            if end_k > k:
                k = end_k
                continue
            # Character k starts an invalid sequence: find where decoding can resume on a boundary.
            m = k + 1
            while m < count:
                try:
                    data[bounds[m]:bounds[m] + 4].decode(self.true)
                    break
                except UnicodeDecodeError as err:
                    if err.start > 0:
                        break
                m += 1
            # Characters of the stretch are kept, except a lost byte with the (at most two)
            # characters before it and one after: what survives of them is decoded, one � per
            # lost character.
            q = k
            while q < m:
                if text[i + q] == LOST:
                    b = min(m, q + 3)
                    for a in range(max(k, q - 2), q + 1):
                        repl = _decode_lossy(data[bounds[a]:bounds[b]], self.true)
                        # Stray ASCII out of a trail byte means the group took correct text with it.
                        if {c for c in repl if c.isascii()} <= set(text[i + a:i + b]):
                            break
                    if q > a:
                        del out[len(out) - (q - a):]
                    out.append((i + a, i + b, repl, False))
                    q = b
                else:
                    out.append((i + q, i + q + 1, text[i + q], False))
                    q += 1
            k = m
        return out

    def _undo_legacy_lossy(self, text: str) -> list[tuple[int, int, str]]:
        """`undo_runs` for a double-byte page read with a single-byte one, with lost bytes.

        Each character of the text is one byte and each ``�`` one lost byte, which took half of a
        CJK character with it: the other half (a lead or a trail byte, possibly an ASCII-looking
        trail such as "q") is left over. The alignment of bytes into characters that keeps the
        fewest characters undecoded, then marks the fewest lost characters, is found by dynamic
        programming; each lost character becomes one ``�`` with the byte left of it.
        """
        n = len(text)
        data: list[int | None] = []
        for c in text:
            b = None if c == LOST else _encoded(c, self.read_as)
            data.append(None if b is None else b[0] if len(b) == 1 else -1)  # -1: not this code page's
        trails = _trail_bytes(self.true)
        inf = float("inf")
        best = [inf] * (n + 1)
        step: list[tuple[int, str, bool]] = [(0, "", False)] * (n + 1)  # (from, output, decoded)
        best[0] = 0.0

        def relax(i: int, j: int, cost: float, out: str, decoded: bool) -> None:
            if best[i] + cost < best[j]:
                best[j] = best[i] + cost
                step[j] = (i, out, decoded)

        for i in range(n):
            if best[i] == inf:
                continue
            b = data[i]
            nxt = data[i + 1] if i + 1 < n else -1
            if b is None:  # a lost byte: a lead whose trail follows, or a whole lost character
                if nxt is not None and nxt >= 0 and nxt in trails:
                    relax(i, i + 2, _LOST_COST, LOST, True)
                relax(i, i + 1, _LOST_COST + 0.5, LOST, True)
                continue
            if b < 0:
                relax(i, i + 1, _KEEP_COST, text[i], False)
                continue
            if b < 0x80:
                relax(i, i + 1, 0.0, text[i], False)
            else:
                with contextlib.suppress(UnicodeDecodeError):
                    relax(i, i + 1, 0.0, bytes([b]).decode(self.true), True)
            if nxt is None:  # a lead byte whose trail was lost
                if b >= 0x81:
                    relax(i, i + 2, _LOST_COST, LOST, True)
            elif nxt >= 0 and b >= 0x81:
                with contextlib.suppress(UnicodeDecodeError):
                    relax(i, i + 2, 0.0, bytes([b, nxt]).decode(self.true), True)
            relax(i, i + 1, _KEEP_COST, text[i], False)
        segs: list[tuple[int, int, str, bool]] = []
        j = n
        while j > 0:
            i, out, decoded = step[j]
            segs.append((i, j, out, decoded))
            j = i
        segs.reverse()
        runs: list[tuple[int, int, str]] = []
        cur: list[tuple[int, int, str, bool]] = []
        for seg in segs + [(n, n, "", False)]:
            if seg[3] or (cur and seg[2].isascii() and seg[1] > seg[0] and seg[1] < n and data[seg[1]] is not None
                          and (data[seg[1]] or 0) >= 0x80):
                cur.append(seg)  # decoded, or ASCII between decoded parts (a trail or a digit)
                continue
            if cur:
                while cur and not cur[-1][3]:
                    cur.pop()
                if cur:
                    runs.append((cur[0][0], cur[-1][1], "".join(x[2] for x in cur)))
                cur = []
        return [(a, b, r) for a, b, r in runs if r != text[a:b]]

    def apply(self, text: str) -> str:
        """Make mojibake of `text` (for tests and evaluation sets): encode as `true`, decode as `read_as`."""
        return text.encode(self.true).decode(self.read_as, errors="replace")


def _utf8_units(data: bytes) -> list[tuple[int, int, str | None]]:
    """UTF-8 `data` (the sentinel byte standing for one lost byte) cut into units (start, end, text):
    a decoded character, ``�`` for a character that lost a byte, or None for a byte that belongs to no
    character (not UTF-8: the text around it was no mojibake of this kind).

    A character is recovered only when all its bytes survived; one that lost any is one ``�``, and
    continuation bytes whose lead byte was lost belong to it. A character cut off at the end of the
    stretch lost its tail.
    """
    units: list[tuple[int, int, str | None]] = []
    n = len(data)
    p = 0
    while p < n:
        b = data[p]
        if b < 0x80:
            units.append((p, p + 1, chr(b)))
            p += 1
            continue
        if b == _SENTINEL or 0x80 <= b < 0xC0:
            if b != _SENTINEL and not (units and units[-1][2] == LOST and units[-1][1] == p):
                units.append((p, p + 1, None))  # a stray continuation byte
                p += 1
                continue
            # A lost byte (or a continuation byte after one): one lost character takes it and the
            # continuation bytes (or lost bytes) after it, at most three bytes in all.
            q = p + 1
            while q < n and q - p < 3 and (data[q] == _SENTINEL or 0x80 <= data[q] < 0xC0):
                q += 1
            if units and units[-1][2] == LOST and units[-1][1] == p and b != _SENTINEL:
                start = units.pop()[0]  # continuation bytes of the lost character before
                units.append((start, q, LOST))
            else:
                units.append((p, q, LOST))
            p = q
            continue
        size = 2 if b < 0xE0 else 3 if b < 0xF0 else 4
        if not 0xC2 <= b <= 0xF4:
            units.append((p, p + 1, None))
            p += 1
            continue
        q = p + 1
        lost = False
        while q < n and q - p < size and (data[q] == _SENTINEL or 0x80 <= data[q] < 0xC0):
            lost = lost or data[q] == _SENTINEL
            q += 1
        if q - p == size and not lost:
            try:
                units.append((p, q, data[p:q].decode("utf-8")))
            except UnicodeDecodeError:
                units.append((p, p + 1, None))  # an overlong form or a surrogate
                q = p + 1
        elif q - p == size or q == n:
            units.append((p, q, LOST))  # lost a byte, or its tail is past the end of the stretch
        else:
            # The sequence breaks off before its length (a lost byte is one byte): this lead byte
            # is a character of correct text, not part of one that lost bytes.
            units.append((p, p + 1, None))
            q = p + 1
        p = q
    return units


def _utf8_segments(text: str, i: int, j: int, pieces: list) -> list[tuple[int, int, str, bool | str]]:
    """Segments of text[i:j] (all encodable) for a chain whose true codec is UTF-8: groups of source
    characters whose bytes are exactly some UTF-8 units, as (start, end, repaired, True) when every
    unit decoded, (…, False) holding a ``�`` when some character was lost, and the source
    characters as they are (…, False) where a byte belongs to no character."""
    data = b"".join(pieces[i:j])
    char_end: dict[int, int] = {}  # byte offset -> index of the character ending there
    pos = 0
    for k in range(i, j):
        pos += len(pieces[k])
        char_end[pos] = k + 1
    out: list[tuple[int, int, str, bool | str]] = []
    start_char = i
    group: list[str | None] = []
    for _, end, unit in _utf8_units(data):
        group.append(unit)
        k = char_end.get(end)
        if k is None:
            continue  # the unit ends inside a source character: the group goes on
        if any(u is None for u in group):
            out.extend((c, c + 1, text[c], False) for c in range(start_char, k))
        else:
            repl = "".join(group)  # type: ignore[arg-type]
            out.append((start_char, k, repl, LOST not in repl))
        start_char = k
        group = []
    if start_char < j:
        out.extend((c, c + 1, text[c], False) for c in range(start_char, j))
    return out


def undo_double_byte_lossy(text: str, chain: Chain, m) -> str:
    """`text` (lost bytes as U+FFFD) decoded back through a chain whose true codec is double-byte
    (GBK read as Big5, EUC-JP read as Shift_JIS): characters `chain.read_as` cannot hold are kept.

    Double-byte codecs do not resynchronize: after a lost byte, the next byte may be the trail of a
    character whose lead was lost, or a lead. Both readings are decoded and the model `m` keeps the
    more plausible; each lost character is one U+FFFD.
    """
    out: list[str] = []
    stretch: list[bytes] = []

    def flush() -> None:
        if stretch:
            out.append(_decode_double_byte_lossy(b"".join(stretch), chain.true, m))
            stretch.clear()

    for c in text:
        piece = bytes([_SENTINEL]) if c == LOST else _encoded_as_true(c, chain.read_as, chain.true)
        if piece is None:
            flush()
            out.append(c)
        else:
            stretch.append(piece)
    flush()
    return "".join(out)


@lru_cache(maxsize=8)
def _byte_forms(codec: str) -> dict[str, tuple[bytes, ...]]:
    """Characters a double-byte `codec` decodes from more than one byte pair (CP932 maps IBM's
    extension kanji to the same characters as NEC's copies of them), with every pair."""
    forms: dict[str, list[bytes]] = {}
    for lead in range(0x81, 0x100):
        for trail in range(0x40, 0x100):
            pair = bytes([lead, trail])
            try:
                c = pair.decode(codec)
            except UnicodeDecodeError:
                continue
            if len(c) == 1:
                forms.setdefault(c, []).append(pair)
    return {c: tuple(p) for c, p in forms.items() if len(p) > 1}


@lru_cache(maxsize=65536)
def _encoded_as_true(c: str, read_as: str, true: str) -> bytes | None:
    """The bytes `c` was read from: `c` encoded as `read_as`, or, where `read_as` decodes `c` from
    several byte pairs, the first pair whose bytes `true` can hold (EUC-JP bytes are all 0xA1-0xFE)."""
    forms = _byte_forms(read_as).get(c) if read_as == "cp932" else None
    if forms and true == "euc_jp":
        for pair in forms:
            if pair[0] >= 0xA1 and pair[1] >= 0xA1:
                return pair
    return _encoded(c, read_as)


def _decode_double_byte_lossy(data: bytes, codec: str, m) -> str:
    parts = data.split(bytes([_SENTINEL]))
    out = [parts[0].decode(codec, errors="replace")]
    gaps = 0
    for part in parts[1:]:
        gaps += 1
        if not part:
            continue
        # The lost bytes before `part`: either whole characters, or a lead whose trail opens `part`.
        options = [(part.decode(codec, errors="replace"), 0), (part[1:].decode(codec, errors="replace"), 1)]
        text, shift = min(options, key=lambda o: m.cost(o[0]) / max(len(o[0]), 1) + 3.0 * o[0].count(LOST))
        lost_chars = max(1, (gaps + shift + 1) // 2)
        if out[-1].endswith(LOST):
            lost_chars -= 1  # the character before the gap already lost its tail
        out.append(LOST * lost_chars + text)
        gaps = 0
    if gaps and not out[-1].endswith(LOST):
        out.append(LOST)
    return "".join(out)


@lru_cache(maxsize=16384)
def _undo_runs_cached(chain: Chain, text: str) -> list[tuple[int, int, str]]:
    return chain._undo_runs(text)


# The chains the engine searches, most frequent first. UTF-8 read as Windows-1252/Latin-1 is ftfy's
# domain (it runs first, with heuristics tuned on real text): the engine leaves it to ftfy.
CHAINS: tuple[Chain, ...] = (
    Chain("utf-8", "cp932", "utf8-cp932"),
    Chain("utf-8", "gbk", "utf8-gbk"),
    Chain("utf-8", "big5", "utf8-big5"),
    Chain("utf-8", "cp949", "utf8-euckr"),
    Chain("utf-8", "cp1251", "utf8-cp1251"),
    Chain("utf-8", "cp437", "utf8-cp437"),
    Chain("utf-8", "mac_roman", "utf8-macroman"),
    Chain("cp932", "sloppy-windows-1252", "sjis-cp1252"),
    Chain("cp932", "latin-1", "sjis-latin1"),
    Chain("euc_jp", "cp932", "eucjp-sjis"),
    Chain("cp1252", "mac_roman", "cp1252-macroman"),
    Chain("mac_roman", "sloppy-windows-1252", "macroman-cp1252"),
    Chain("mac_roman", "latin-1", "macroman-latin1"),
    Chain("cp1251", "sloppy-windows-1252", "cp1251-cp1252"),
    Chain("gbk", "big5", "gbk-big5"),
    Chain("big5", "gbk", "big5-gbk"),
    Chain("cp949", "gbk", "euckr-gbk"),
    # Legacy CJK pages (EUC-JP, GBK, Big5, EUC-KR) read as Windows-1252 or Latin-1: one of the most
    # common kinds in scraped text ("¤³¤ó¤Ë¤Á¤Ï" for "こんにちは", "ÄãºÃ" for "你好").
    Chain("euc_jp", "sloppy-windows-1252", "eucjp-cp1252"),
    Chain("euc_jp", "latin-1", "eucjp-latin1"),
    Chain("gbk", "sloppy-windows-1252", "gbk-cp1252"),
    Chain("gbk", "latin-1", "gbk-latin1"),
    Chain("big5", "sloppy-windows-1252", "big5-cp1252"),
    Chain("big5", "latin-1", "big5-latin1"),
    Chain("cp949", "sloppy-windows-1252", "euckr-cp1252"),
    Chain("cp949", "latin-1", "euckr-latin1"),
    # Cyrillic and Central European single-byte mix-ups.
    Chain("koi8_r", "cp1251", "koi8r-cp1251"),
    Chain("utf-8", "koi8_r", "utf8-koi8r"),
    Chain("cp1250", "sloppy-windows-1252", "cp1250-cp1252"),
)
