"""Decoding benchmark: accuracy per encoding on the test set, and throughput on a few MB.

Accuracy: every (text, encoding) case of tests/core/test_decoding.py (whole texts, first sentences,
short strings) is decoded by decode_bytes and, as the baseline, by plain `chardet.detect` followed by
a strict decode with the name it returns (chardet's names, no supersets, no fallback).
Throughput: MB/s of decode_bytes on ~4 MB files in several encodings, next to the baseline
(chardet.detect on its default 200 KB window + decode) and to a bare bytes.decode with the right codec.

    python benchmarks/bench_decoding.py [--mb 4] [--repeat 3]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import chardet  # noqa: E402

from desktop_app.core.decoding import DecodeError, decode_bytes  # noqa: E402
from tests.core.test_decoding import LEGACY_CASES, SHORT, TEXTS  # noqa: E402


def baseline(data: bytes) -> str | None:
    enc = chardet.detect(data).get("encoding")
    if not enc:
        return None
    try:
        return data.decode(enc)
    except (UnicodeDecodeError, LookupError):
        return None


def ours(data: bytes) -> str | None:
    try:
        return decode_bytes(data).text
    except DecodeError:
        return None


def accuracy() -> None:
    cases: list[tuple[str, str, str]] = []  # (group, codec, text)
    for lang, codec, _ in LEGACY_CASES:
        cases.append((f"{lang} full", codec, TEXTS[lang]))
        cases.append((f"{lang} sentence", codec, TEXTS[lang].split("\n")[0][:40]))
    for lang in TEXTS:
        for codec in ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le"):
            cases.append((f"{lang} full", codec, TEXTS[lang]))
            cases.append((f"{lang} sentence", codec, TEXTS[lang].split("\n")[0][:40]))
    for text, codec in SHORT:
        cases.append(("short", codec, text))
    cases.append(("short", "euc_jp", "東京都"))
    per_codec: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for _group, codec, text in cases:
        data = text.encode(codec)
        row = per_codec[codec]
        row[0] += 1
        row[1] += ours(data) == text
        row[2] += baseline(data) == text
    print(f"{'encoding':<12} {'cases':>5} {'scrubtext':>10} {'chardet.detect':>15}")
    tot = [0, 0, 0]
    for codec, (n, a, b) in sorted(per_codec.items()):
        print(f"{codec:<12} {n:>5} {a:>10} {b:>15}")
        tot = [tot[0] + n, tot[1] + a, tot[2] + b]
    print(f"{'all':<12} {tot[0]:>5} {tot[1]:>10} {tot[2]:>15}   "
          f"({100 * tot[1] / tot[0]:.1f} % vs {100 * tot[2] / tot[0]:.1f} %)")


def accuracy_by_length() -> None:
    """Short snippets (2-32 characters from several offsets of each text): where detection gets hard."""
    lengths = (2, 4, 8, 16, 32)
    print("\nshort snippets, % decoded exactly (scrubtext / chardet.detect), by length in characters")
    print(f"{'case':<18}" + "".join(f"{n:>12}" for n in lengths))
    totals = {n: [0, 0, 0] for n in lengths}
    for lang, codec, _ in LEGACY_CASES:
        text = TEXTS[lang].replace("\n", " ")
        row = []
        for n in lengths:
            ok = base = count = 0
            for start in range(0, max(1, len(text) - n), max(1, len(text) // 12)):
                snippet = text[start:start + n]
                data = snippet.encode(codec)
                if data.isascii():
                    continue
                count += 1
                ok += ours(data) == snippet
                base += baseline(data) == snippet
            totals[n] = [totals[n][0] + count, totals[n][1] + ok, totals[n][2] + base]
            row.append(f"{100 * ok / count:>5.0f}/{100 * base / count:<5.0f}" if count else "-")
        print(f"{lang + ' ' + codec:<18}" + "".join(f"{r:>12}" for r in row))
    print(f"{'all':<18}" + "".join(
        f"{100 * t[1] / max(1, t[0]):>5.0f}/{100 * t[2] / max(1, t[0]):<5.0f}".rjust(12) for t in totals.values()))


def _best(fn, data: bytes, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn(data)
        best = min(best, time.perf_counter() - t)
    return best


def throughput(mb: float, repeat: int) -> None:
    size = int(mb * 1024 * 1024)
    print(f"\nthroughput on ~{mb:g} MB inputs (best of {repeat}), MB/s")
    print(f"{'input':<22} {'scrubtext':>10} {'chardet+decode':>15} {'bytes.decode':>13}")
    mixed = TEXTS["ja"] + TEXTS["en"]
    for label, text, codec in (("ja+en utf-8", mixed, "utf-8"), ("ja cp932", TEXTS["ja"], "cp932"),
                               ("ja euc_jp", TEXTS["ja"], "euc_jp"), ("zh gb18030", TEXTS["zh_hans"], "gb18030"),
                               ("fr cp1252", TEXTS["fr"], "cp1252"), ("ja+en utf-16-le", mixed, "utf-16-le")):
        unit = text.encode(codec)
        data = unit * max(1, size // len(unit))
        real_mb = len(data) / 1024 / 1024
        assert ours(data) == text * (len(data) // len(unit))
        t_ours = _best(ours, data, repeat)
        t_base = _best(baseline, data, repeat)
        t_raw = _best(lambda d, c=codec: d.decode(c), data, repeat)
        print(f"{label:<22} {real_mb / t_ours:>10.1f} {real_mb / t_base:>15.1f} {real_mb / t_raw:>13.1f}")
    # Damaged UTF-8: one bad byte in the middle of a large file (the lossy path).
    unit = mixed.encode()
    half = unit * max(1, size // len(unit) // 2)
    data = half + b"\xff" + half
    real_mb = len(data) / 1024 / 1024
    t_ours = _best(ours, data, repeat)
    t_base = _best(baseline, data, repeat)
    print(f"{'utf-8, 1 bad byte':<22} {real_mb / t_ours:>10.1f} {real_mb / t_base:>15.1f} {'-':>13}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=4.0)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    decode_bytes(TEXTS["ja"].encode("cp932"))  # warm chardet's models
    accuracy()
    accuracy_by_length()
    throughput(args.mb, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
