"""Benchmark of the encoding rule: ftfy's test suite, chain families, false positives, throughput.

    python benchmarks/bench_mojibake.py            # everything (downloads ftfy's sdist with pip)
    python benchmarks/bench_mojibake.py --no-ftfy-suite

ftfy's tests/test_cases.json comes from ftfy's source distribution on PyPI, fetched at run time into a
temporary folder (never committed). "Ours" is the encoding rule alone (`clean_text` with only the
encoding category), so other rules' changes do not blur the comparison.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tarfile
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import ftfy

sys.path.insert(0, str(Path(__file__).resolve().parent))

from mojibake_sets import controls, family_cases  # noqa: E402

from desktop_app.core.mojibake import repair_text  # noqa: E402
from desktop_app.core.pipeline import clean_text  # noqa: E402
from desktop_app.core.profiles import default_profile  # noqa: E402

PROFILE = default_profile().with_categories(only=["encoding"])
# The quotes ftfy's uncurl_quotes straightens (U+02BC, U+2018-U+201B, U+201C-U+201F).
QUOTES = str.maketrans({**{c: "'" for c in "\u02bc\u2018\u2019\u201a\u201b"},
                        **{c: '"' for c in "\u201c\u201d\u201e\u201f"}})


def ours(text: str) -> str:
    return clean_text(text, PROFILE)


def same(a: str, b: str) -> bool:
    return a.translate(QUOTES) == b.translate(QUOTES)


def matches_with_lost(out: str, clean: str) -> bool:
    """`out` equals `clean` where it recovered text; a run of k U+FFFD marks stands for 1..2k+1 lost
    characters (the bytes of one character can be spread over two marks, or one mark over two)."""
    if "\ufffd" not in out:
        return same(out, clean)
    parts = re.split("(\ufffd+)", out.translate(QUOTES))
    pattern = "".join(f".{{1,{2 * len(p) + 1}}}" if p.startswith("\ufffd") else re.escape(p) for p in parts)
    return re.fullmatch(pattern, clean.translate(QUOTES), flags=re.S) is not None


def load_ftfy_cases(sdist: str | None) -> list[dict]:
    """ftfy's tests/test_cases.json, from its sdist (downloaded into a temporary folder if not given)."""
    with tempfile.TemporaryDirectory() as tmp:
        if sdist is None:
            subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-binary", ":all:", "--no-deps",
                            f"ftfy=={ftfy.__version__}", "-d", tmp], check=True)
            sdist = str(next(Path(tmp).glob("ftfy-*.tar.gz")))
        with tarfile.open(sdist) as tar:
            member = next(m for m in tar.getmembers() if m.name.endswith("tests/test_cases.json"))
            return json.load(tar.extractfile(member))  # type: ignore[arg-type]


def ftfy_suite(sdist: str | None) -> None:
    from desktop_app.core.mojibake.ftfy_fixes import FTFY_CONFIG

    cases = load_ftfy_cases(sdist)
    # ftfy with Scrubtext's typography settings (curly quotes and width forms kept): the fair reference.
    n_pass = ours_pass = lost = 0
    known = known_fixed = 0
    lost_cases = []
    for case in cases:
        orig, want = case["original"], case["fixed"]
        # The reference: ftfy with Scrubtext's typography settings (curly quotes, width forms kept).
        theirs_ok = same(ftfy.fix_text(orig, FTFY_CONFIG), want)
        mine = ours(orig)
        mine_ok = same(mine, want)
        if case.get("expect") == "fail":
            known += 1
            known_fixed += mine_ok
            print(f"  known failure {'FIXED ' if mine_ok else 'open  '} {case['label'][:60]}: {orig[:40]!r} -> {mine[:40]!r}")
            continue
        if theirs_ok:
            n_pass += 1
            ours_pass += mine_ok
            if not mine_ok:
                lost += 1
                lost_cases.append((case["label"], orig, mine, want))
    print(f"\nftfy {ftfy.__version__} test_cases.json: {len(cases)} cases")
    print("| | ftfy.fix_text | ours (encoding rule) |")
    print("|---|---|---|")
    default_pass = sum(same(ftfy.fix_text(c["original"]), c["fixed"]) for c in cases if c.get("expect") != "fail")
    print(f"| expected 'pass' cases passed, ftfy defaults | {default_pass} | |")
    print(f"| passed with curly quotes and width forms kept (ftfy: same settings as ours) | {n_pass} | "
          f"{ours_pass} ({lost} lost) |")
    print(f"| ftfy's known failures fixed | 0/{known} | {known_fixed}/{known} |")
    for label, orig, mine, want in lost_cases:
        print(f"  LOST {label}: {orig!r} -> {mine!r} (want {want!r})")


def families() -> None:
    stats: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    failures: dict[str, list[str]] = defaultdict(list)
    for fam, variant, _lang, clean, moji in family_cases():
        s = stats[(fam, variant)]
        s[0] += 1
        mine = ours(moji)
        ok = matches_with_lost(mine, clean) if variant == "lost bytes" else same(mine, clean)
        s[1] += ok
        theirs = ftfy.fix_text(moji, uncurl_quotes=False)
        s[2] += matches_with_lost(theirs, clean) if variant == "lost bytes" else same(theirs, clean)
        if not ok and len(failures[fam]) < 2:
            failures[fam].append(f"{moji[:40]!r} -> {mine[:40]!r}")
    print("\n| family | variant | cases | ours fixed | ftfy.fix_text fixed |")
    print("|---|---|---|---|---|")
    for (fam, variant), (n, a, b) in stats.items():
        print(f"| {fam} | {variant} | {n} | {a / n:.1%} | {b / n:.1%} |")
    for fam, items in failures.items():
        for f in items:
            print(f"  miss [{fam}] {f}")


def false_positives() -> None:
    ctrl = controls()
    fp_ours = [c for c in ctrl if ours(c) != c]
    fp_ftfy = [c for c in ctrl if ftfy.fix_text(c, uncurl_quotes=False, fix_character_width=False) != c]
    print(f"\nfalse positives on {len(ctrl)} clean controls: ours {len(fp_ours)} ({len(fp_ours) / len(ctrl):.2%}), "
          f"ftfy.fix_text (quotes and widths kept) {len(fp_ftfy)} ({len(fp_ftfy) / len(ctrl):.2%})")
    for c in fp_ours[:5]:
        print(f"  FP {c[:60]!r} -> {ours(c)[:60]!r}")


CATALOG_LANGS = ("pt", "pt_BR", "es", "fr", "de", "is", "da", "sv", "nb", "fi", "pl", "cs", "sk", "hu", "ro", "hr",
                 "sl", "ru", "uk", "bg", "be", "sr", "el", "tr", "vi", "ja", "zh_CN", "zh_TW", "ko", "ca", "gl", "eu",
                 "et", "lv", "lt")
CATALOG_DOMAINS = ("gtk20", "glib20", "gdk-pixbuf", "iso_3166", "iso_639", "at-spi2-core", "gtk20-properties")


def catalog_lines() -> list[str]:
    """Real translated text: the non-ASCII lines of the system's gettext catalogues (GTK, GLib, ISO
    country and language names in 35 languages), when this machine has them."""
    import gettext
    import os

    out: list[str] = []
    for lang in CATALOG_LANGS:
        for dom in CATALOG_DOMAINS:
            path = f"/usr/share/locale/{lang}/LC_MESSAGES/{dom}.mo"
            if not os.path.exists(path):
                continue
            try:
                with open(path, "rb") as f:
                    catalog = gettext.GNUTranslations(f)._catalog  # type: ignore[attr-defined]
            except (OSError, UnicodeDecodeError):
                continue
            for v in catalog.values():
                if isinstance(v, str) and not v.isascii():
                    out.extend(x for x in v.split("\n") if x.strip())
    return out


def catalog_false_positives() -> None:
    lines = catalog_lines()
    if not lines:
        print("\nreal-text controls: no gettext catalogues under /usr/share/locale, skipped")
        return
    text = "\n".join(lines)
    threshold = PROFILE.threshold_for("encoding")
    edits = [r for r in repair_text(text) if r.rule != "mojibake.unescape-html"]
    applied = [r for r in edits if r.confidence >= threshold]
    changed_lines = len({text.count("\n", 0, r.start) for r in applied})
    theirs = sum(ftfy.fix_text(x, uncurl_quotes=False, fix_character_width=False, unescape_html=False) != x
                 for x in lines)
    print(f"\nreal-text controls (system gettext catalogues, {len(lines)} non-ASCII lines, HTML entities aside): "
          f"ours changes {changed_lines} lines ({changed_lines / len(lines):.2%}; {len(edits) - len(applied)} "
          f"more repairs only proposed), ftfy.fix_text {theirs} ({theirs / len(lines):.2%})")
    by_rule: dict[str, int] = defaultdict(int)
    for r in applied:
        by_rule[r.rule] += 1
    print("  applied by sub-rule: " + ", ".join(f"{k} {v}" for k, v in sorted(by_rule.items(), key=lambda kv: -kv[1])))


def forget_text_caches() -> None:
    from desktop_app.core.mojibake import chains, engine, scan
    from desktop_app.core.mojibake.model import model

    engine._TOKEN_CACHE.clear()
    engine._SUSPICIOUS.clear()
    engine._scripts.cache_clear()
    engine._vote.cache_clear()
    chains._undo_runs_cached.cache_clear()
    scan._UNKNOWN.clear()
    model()._cache.clear()


def throughput() -> None:
    """Mostly clean text (about 1 line in 100 broken), realistic and adversarial, vs ftfy.fix_text."""
    from mojibake_sets import SENTENCES

    sample = Path("/work/shared/samples/liveblog-ja-en.txt")
    user = sample.read_text(encoding="utf-8").split("\n") if sample.exists() else []
    every = [s for ss in SENTENCES.values() for s in ss]
    moji = [m for _, _, _, _, m in family_cases()][::10]
    realistic = (user * 4 + every * 3)
    adversarial = controls()[:500]
    for label, lines in [("realistic: the user's sample and news sentences in 8 languages", realistic),
                         ("adversarial: clean controls incl. math, box drawing, half-width kana", adversarial)]:
        lines = list(lines)
        for i, m in enumerate(moji[:max(1, len(lines) // 100)]):
            lines.insert((i * 97) % len(lines), m)
        text = "\n".join(lines)
        print(f"  {label} ({len(text)} chars, {len(lines)} lines):")
        results = {}
        fns = [("ours: encoding rule (analysis)", lambda t: list(repair_text(t))), ("ftfy.fix_text", ftfy.fix_text)]
        for _, fn in fns:
            fn(text)  # warm up: model loading and caches are not throughput
        best = dict.fromkeys(name for name, _ in fns)
        for _ in range(7):  # alternate the two, so that load on the machine hits both alike
            for name, fn in fns:
                forget_text_caches()  # per-text memo tables must not carry over between runs
                t0 = time.perf_counter()
                fn(text)
                elapsed = time.perf_counter() - t0
                best[name] = min(best[name] or elapsed, elapsed)
        for name, elapsed in best.items():
            results[name] = len(text) / elapsed / 1e6
            print(f"    {name}: {results[name]:.2f} M chars/s ({elapsed * 1000:.1f} ms)")
        ours_rate, ftfy_rate = results.values()
        print(f"    ratio ours/ftfy: {ours_rate / ftfy_rate:.2f}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--no-ftfy-suite", action="store_true")
    ap.add_argument("--ftfy-sdist", help="a downloaded ftfy sdist (default: download one with pip)")
    args = ap.parse_args()
    if not args.no_ftfy_suite:
        ftfy_suite(args.ftfy_sdist)
    families()
    false_positives()
    catalog_false_positives()
    print("\nthroughput on mostly clean text (about 1% of lines broken), best of 7 alternating runs:")
    throughput()


if __name__ == "__main__":
    main()
