"""Re-encode/re-decode chains: the ways text gets decoded with the wrong codec, and their inverse.

A chain ``Chain("utf-8", "cp932")`` describes text whose bytes were UTF-8 but were read as CP932; it
is undone by encoding the mojibake with CP932 and decoding the bytes as UTF-8. Bytes that were lost
before we saw the text (shown as ``�`` or ``?``) are carried through as an invalid byte, so the repair
keeps a ``�`` exactly where a character cannot be recovered.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from functools import lru_cache

import ftfy.bad_codecs  # noqa: F401  (registers sloppy-windows-125x)

LOST = "\ufffd"
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


_LABELS = {
    "utf-8": "UTF-8", "cp932": "CP932 (Shift_JIS)", "shift_jis": "Shift_JIS", "euc_jp": "EUC-JP",
    "gbk": "GBK", "big5": "Big5", "cp949": "EUC-KR (CP949)", "euc_kr": "EUC-KR", "cp1251": "Windows-1251",
    "cp437": "CP437", "mac_roman": "MacRoman", "sloppy-windows-1252": "Windows-1252",
    "latin-1": "Latin-1", "koi8_r": "KOI8-R", "cp1252": "Windows-1252", "cp850": "CP850",
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

    def undo(self, text: str) -> str:
        """The repaired text: encode as `read_as`, decode as `true`.

        Only runs of characters whose bytes decode cleanly are changed; the others are kept as they
        are (correct text next to the mojibake, or characters `read_as` cannot even encode). An invalid
        stretch that contains a lost byte (``�``) becomes one ``�``: that character cannot be recovered.
        """
        try:
            return text.encode(self.read_as).decode(self.true)
        except UnicodeError:
            pass
        lost_ok = self.multibyte_true
        pieces: list[bytes | None] = []
        for c in text:
            if c == LOST and lost_ok:
                pieces.append(bytes([_SENTINEL]))
            else:
                pieces.append(_encoded(c, self.read_as))
        out: list[str] = []
        i = 0
        n = len(text)
        while i < n:
            if pieces[i] is None:
                out.append(text[i])
                i += 1
                continue
            j = i
            while j < n and pieces[j] is not None:
                j += 1
            out.append(self._decode_run(text[i:j], pieces[i:j]))  # type: ignore[arg-type]
            i = j
        return "".join(out)

    def _decode_run(self, text: str, pieces: list[bytes]) -> str:
        """Decode the encodable run `text` (bytes per character in `pieces`), keeping undecodable chars."""
        data = b"".join(pieces)
        bounds = [0]
        for p in pieces:
            bounds.append(bounds[-1] + len(p))
        char_at = {b: k for k, b in enumerate(bounds)}  # byte offset of a char start -> char index
        out: list[str] = []
        k = 0      # next character not yet emitted
        pos = 0    # byte position of character k
        while k < len(pieces):
            pos = bounds[k]
            try:
                out.append(data[pos:].decode(self.true))
                return "".join(out)
            except UnicodeDecodeError as err:
                good_end = pos + err.start
            # Emit the longest valid prefix that ends on a character boundary.
            b = good_end
            while b > pos and b not in char_at:
                b -= 1
            end_k = char_at.get(b, k)
            while end_k > k:
                try:
                    out.append(data[pos:bounds[end_k]].decode(self.true))
                    break
                except UnicodeDecodeError:
                    end_k -= 1  # the cut fell inside a multi-byte sequence of `true`
            if end_k > k:
                k = end_k
                continue
            # Character k starts an invalid sequence: find where decoding can resume on a boundary.
            m = k + 1
            while m < len(pieces):
                try:
                    data[bounds[m]:bounds[m] + 4].decode(self.true)
                    break
                except UnicodeDecodeError as err:
                    if err.start > 0:
                        break
                m += 1
            bad = text[k:m]
            # A lost byte takes at most its neighbours with it; a longer invalid stretch is not ours.
            out.append(LOST if LOST in bad and len(bad) <= 3 else bad)
            k = m
        return "".join(out)

    def apply(self, text: str) -> str:
        """Make mojibake of `text` (for tests and evaluation sets): encode as `true`, decode as `read_as`."""
        return text.encode(self.true).decode(self.read_as, errors="replace")


# The chains the engine searches, most frequent first. UTF-8 read as Windows-1252/Latin-1 is ftfy's
# domain and runs before; it is listed for mixed runs ftfy leaves (and for double mojibake).
CHAINS: tuple[Chain, ...] = (
    Chain("utf-8", "cp932", "utf8-cp932"),
    Chain("utf-8", "gbk", "utf8-gbk"),
    Chain("utf-8", "big5", "utf8-big5"),
    Chain("utf-8", "cp949", "utf8-euckr"),
    Chain("utf-8", "cp1251", "utf8-cp1251"),
    Chain("utf-8", "cp437", "utf8-cp437"),
    Chain("utf-8", "mac_roman", "utf8-macroman"),
    Chain("utf-8", "sloppy-windows-1252", "utf8-cp1252"),
    Chain("cp932", "sloppy-windows-1252", "sjis-cp1252"),
    Chain("euc_jp", "cp932", "eucjp-sjis"),
    Chain("cp1252", "mac_roman", "cp1252-macroman"),
    Chain("mac_roman", "sloppy-windows-1252", "macroman-cp1252"),
    Chain("cp1251", "sloppy-windows-1252", "cp1251-cp1252"),
    Chain("gbk", "big5", "gbk-big5"),
    Chain("big5", "gbk", "big5-gbk"),
    Chain("cp949", "gbk", "euckr-gbk"),
)
