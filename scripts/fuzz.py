#!/usr/bin/env python3
"""Coverage-guided fuzzing of decoding plus the cleaning pipeline, with atheris (libFuzzer for Python).

Not part of CI: run it by hand for a bounded time and turn every crash into a regression test.

Setup (atheris is deliberately not a project dependency; wheels exist for CPython 3.8-3.12 on Linux):

    python -m pip install atheris

Run for ten minutes on all the checks (bytes -> decode -> analyze -> clean), with a seed corpus built
from the bundled sample and the rules' own examples:

    python scripts/fuzz.py --minutes 10     # corpus in $TMPDIR/scrubtext-fuzz/corpus, crashes next to it
    python scripts/fuzz.py --minutes 5 --target decode --dir /tmp/fuzz-decode   # decoding only, fast
    python scripts/fuzz.py --replay tests/core/regressions/cases   # re-check saved inputs, no atheris needed

Each input is checked for: no exception other than DecodeError from decode_bytes; a DecodedText
consistent with the bytes; no exception from analyze_full / clean_text; clean_text idempotent;
the accepted edits of analyze applied == clean_text; edits in bounds, sorted, non-overlapping. An
input that takes longer than --timeout seconds (a catastrophic regular expression, say) is a finding
too. libFuzzer writes each failing input to $TMPDIR/scrubtext-fuzz/crash-<sha1> (or timeout-/slow-unit-); copy it to
tests/core/regressions/cases/<short-name>.bin and tests/core/regressions/test_fuzz_regressions.py
replays it on every test run.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# Encodings a fuzz input may be forced through (the GUI's "Reopen with encoding…").
FORCED = ("utf-8", "cp932", "euc_jp", "iso2022_jp", "gb18030", "big5hkscs", "cp949", "cp1252", "utf-16", "utf-32")


def check_text(text: str) -> None:
    """Run the engine on `text` and assert its invariants (raises AssertionError on a violation)."""
    from desktop_app.core import analyze_full, apply_edits, clean_text, default_profile

    profile = default_profile()
    analysis = analyze_full(text, profile)
    prev = 0
    for e in analysis.edits:
        assert 0 <= e.start <= e.end <= len(text), f"edit out of bounds: {e}"
        assert e.start >= prev, f"edits overlap or are unsorted: {e}"
        assert 0.0 <= e.confidence <= 1.0, f"confidence out of range: {e}"
        prev = max(prev, e.end)
    for n in analysis.notices:
        assert 0 <= n.start <= n.end <= len(text), f"notice out of bounds: {n}"
    cleaned = clean_text(text, profile)
    assert apply_edits(text, analysis.accepted(profile)) == cleaned, "accepted edits != clean_text"
    assert clean_text(cleaned, profile) == cleaned, "clean_text is not idempotent"


def check_bytes(data: bytes) -> None:
    """Decode `data` (auto-detected, and forced when its first byte says so) and check the text."""
    import codecs

    from desktop_app.core.decoding import DecodeError, decode_bytes

    selector, body = (data[0], data[1:]) if data else (0, data)
    encoding = FORCED[selector % len(FORCED)] if selector >= 0xF0 else None
    try:
        d = decode_bytes(body, encoding=encoding)
    except DecodeError as exc:
        assert encoding is None, f"forced decoding refused: {exc}"
        assert str(exc), "empty refusal reason"
        return
    assert 0.0 <= d.confidence <= 1.0
    last = 0
    for a, b in d.replaced:
        assert last <= a < b <= len(body), f"bad replaced range {(a, b)}"
        last = b
    if not d.replaced:
        skip = len(codecs.BOM_UTF8) if d.encoding == "utf-8-sig" else 0
        if d.bom and d.encoding != "utf-8-sig":
            skip = 4 if "32" in d.encoding else 2
        enc = "utf-8" if d.encoding == "utf-8-sig" else d.encoding
        assert codecs.decode(body[skip:], enc) == d.text, "clean decode is not reproducible"
    check_text(d.text)


def check_decoding_only(data: bytes) -> None:
    """Like check_bytes without the engine: fuzzes decoding at hundreds of inputs per second."""
    global check_text
    engine = check_text
    check_text = _no_engine
    try:
        check_bytes(data)
    finally:
        check_text = engine


def _no_engine(text: str) -> None:
    assert isinstance(text, str)


def test_one_input(data: bytes) -> None:
    """The atheris entry point: bytes through decoding and the engine; text directly, half the time."""
    if data[:1] == b"T":
        # Interpret the rest as UTF-8 with surrogates allowed: reaches the engine with any str.
        check_text(data[1:].decode("utf-8", "surrogatepass") if _valid_sp(data[1:]) else
                   data[1:].decode("utf-8", "replace"))
    else:
        check_bytes(data)


def _valid_sp(b: bytes) -> bool:
    try:
        b.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        return False
    return True


def seed_corpus(folder: Path) -> int:
    """Write seed inputs (bundled sample pieces, rule examples, encoded texts) into `folder`."""
    from desktop_app.core.rules import load_all

    folder.mkdir(parents=True, exist_ok=True)
    seeds: list[bytes] = []
    sample_dir = ROOT / "resources" / "samples"
    for p in sorted(sample_dir.glob("*.txt")) if sample_dir.is_dir() else []:
        raw = p.read_bytes()
        seeds += [raw[:1000], b"T" + raw[:1000]]
        text = raw.decode("utf-8", "replace")[:300]
        for codec in ("cp932", "euc_jp", "utf-16", "cp1252"):
            seeds.append(text.encode(codec, "replace"))
    for r in load_all().values():
        for before, _after in r.examples:
            seeds += [b"T" + before.encode("utf-8", "surrogatepass"), before.encode("utf-8", "surrogatepass")]
    for i, s in enumerate(seeds):
        (folder / f"seed-{i:04d}").write_bytes(s)
    return len(seeds)


def replay(paths: list[str]) -> int:
    """Re-check saved inputs without atheris; returns the number that fail."""
    failures = 0
    files = [f for p in paths for f in (sorted(Path(p).iterdir()) if Path(p).is_dir() else [Path(p)])]
    for f in files:
        try:
            test_one_input(f.read_bytes())
        except Exception as exc:  # noqa: BLE001 - report every kind of failure
            failures += 1
            print(f"FAIL {f}: {type(exc).__name__}: {exc}")
        else:
            print(f"ok   {f}")
    return failures


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--minutes", type=float, default=10.0, help="total fuzzing time (default 10)")
    ap.add_argument("--timeout", type=int, default=10, help="seconds after which one input is a finding")
    ap.add_argument("--max-len", type=int, default=1024, help="largest input in bytes")
    ap.add_argument("--dir", default=str(Path(tempfile.gettempdir()) / "scrubtext-fuzz"),
                    help="work folder: corpus and crash files")
    ap.add_argument("--target", choices=("all", "decode"), default="all",
                    help="all: bytes -> decode -> engine (slow, ~5-10 inputs/s); decode: decoding only")
    ap.add_argument("--replay", nargs="+", metavar="PATH", help="re-check saved inputs and exit")
    args, extra = ap.parse_known_args(argv)

    if args.replay:
        return 1 if replay(args.replay) else 0

    try:
        import atheris
    except ImportError:
        print("atheris is not installed: python -m pip install atheris", file=sys.stderr)
        return 2
    # Instrument before anything imports the package, so that coverage guides the fuzzer.
    with atheris.instrument_imports(include=["desktop_app"]):
        import desktop_app.core  # noqa: F401
        import desktop_app.core.decoding  # noqa: F401
        import desktop_app.core.rules

        desktop_app.core.rules.load_all()
    work = Path(args.dir)
    corpus = work / "corpus"
    if not corpus.is_dir() or not any(corpus.iterdir()):
        print(f"seeded {seed_corpus(corpus)} inputs into {corpus}", file=sys.stderr)
    libfuzzer_args = [
        sys.argv[0], str(corpus),
        f"-max_total_time={int(args.minutes * 60)}",
        f"-timeout={args.timeout}",
        f"-max_len={args.max_len}",
        f"-artifact_prefix={work}{os.sep}",
        "-rss_limit_mb=4096",
        "-print_final_stats=1",
    ]
    atheris.Setup(libfuzzer_args + extra, check_decoding_only if args.target == "decode" else test_one_input)
    atheris.Fuzz()
    return 0


if __name__ == "__main__":
    sys.exit(main())
