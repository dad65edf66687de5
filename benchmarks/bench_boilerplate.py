"""Boilerplate benchmark: clean the development set and score it next to "keep every line".

Reads ../shared/eval/boilerplate/ (or --eval DIR): every NAME.input.txt is cleaned to OUT/NAME.txt
with the default profile, by one `scrubtext clean EVALDIR -o TMP` call when the CLI supports folders
(--via cli), or through the Python API with a CorpusStats built over the whole folder (--via api),
and the eval set's own score.py prints the table (P4, R4, F1_4 per dataset and for all pages).
The pages are never copied into the project: outputs go to a temporary folder (or --out).

    python benchmarks/bench_boilerplate.py [--via auto|cli|api] [--out DIR] [--per-page FILE.tsv]
    python benchmarks/bench_boilerplate.py --cost benchmarks/data/corpus-2mb.jsonl [--repeat 3]

--cost measures instead what the boilerplate and metadata rules cost on a JSONL corpus, as a share of
ftfy.fix_text's time on the same texts in the same process, interleaved: cold (every cache of the
two rules emptied, as for texts never seen) and warm (every line seen before, as in the pipeline's
verification pass).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_EVAL = ROOT.parent / "shared" / "eval" / "boilerplate"


def clean_with_api(eval_dir: Path, out: Path) -> None:
    from desktop_app.core.corpus import CorpusStats
    from desktop_app.core.pipeline import clean_text

    inputs = sorted(eval_dir.glob("*.input.txt"))
    stats = CorpusStats()
    texts = {}
    for p in inputs:
        texts[p] = p.read_text(encoding="utf-8", errors="replace")
        stats.add_document(texts[p])
    for p, text in texts.items():
        name = p.name[: -len(".input.txt")]
        (out / f"{name}.txt").write_text(clean_text(text, corpus=stats), encoding="utf-8")


def clean_with_cli(eval_dir: Path, out: Path) -> None:
    """One `scrubtext clean FOLDER -o OUT` call over a folder holding only the inputs (symlinks)."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in"
        src.mkdir()
        for p in sorted(eval_dir.glob("*.input.txt")):
            (src / (p.name[: -len(".input.txt")] + ".txt")).symlink_to(p)
        res = subprocess.run([sys.executable, "-m", "desktop_app", "clean", str(src), "-o", str(out)],
                             capture_output=True, text=True)
        if res.returncode != 0:
            # 1 means some inputs failed: the score would silently count them as empty outputs.
            raise RuntimeError(f"scrubtext clean failed ({res.returncode}): {res.stderr[-2000:]}")


def cli_supports_folders() -> bool:
    res = subprocess.run([sys.executable, "-m", "desktop_app", "clean", "--help"], capture_output=True, text=True)
    return res.returncode == 0 and "-o" in res.stdout


def clear_caches() -> None:
    """Empty every cache the boilerplate and metadata rules fill, so the next run sees cold texts."""
    from desktop_app.core.boilerplate import classifier, features, metadata, phrases

    features._CACHE.clear()
    classifier._OWN.clear()
    for cached in (phrases.match_phrase, phrases.normalize_phrase, phrases.normalize_for_regex, metadata.detect):
        cached.cache_clear()


def measure_cost(corpus: Path, repeat: int, chunk: int = 8) -> int:
    """Print the rules' time as a share of ftfy.fix_text's on the same texts (median of `repeat`).

    The machine may be shared: ftfy and the rules run interleaved, `chunk` texts at a time, so a
    burst of load elsewhere weighs on both sides of each ratio. Cold: every cache emptied before
    the pass (as for texts never seen); warm: a second pass over the same texts right after.
    """
    import json
    import statistics

    import ftfy

    from desktop_app.core.pipeline import RuleContext
    from desktop_app.core.profiles import default_profile
    from desktop_app.core.rules import load_all

    with corpus.open(encoding="utf-8") as f:  # (not splitlines: records may hold U+2028 and the like)
        texts = [json.loads(line)["text"] for line in f if line.strip()]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    rules = load_all()
    ctx = RuleContext(default_profile(), None)
    chunks = [texts[k:k + chunk] for k in range(0, len(texts), chunk)]

    def one_pass(rule_id: str) -> tuple[float, float]:
        """(ftfy time, rule time) over the corpus, interleaved chunk by chunk."""
        f_total = r_total = 0.0
        for part in chunks:
            t0 = time.perf_counter()
            for text in part:
                ftfy.fix_text(text)
            t1 = time.perf_counter()
            for text in part:
                for _ in rules[rule_id].func(text, ctx):
                    pass
            t2 = time.perf_counter()
            f_total += t1 - t0
            r_total += t2 - t1
        return f_total, r_total

    shares: dict[str, list[float]] = {}
    ftfy_times = []
    for _ in range(repeat):
        for rule_id in ("boilerplate", "metadata"):
            clear_caches()
            for state in ("cold", "warm"):
                f_time, r_time = one_pass(rule_id)
                ftfy_times.append(f_time)
                shares.setdefault(f"{rule_id} {state}", []).append(r_time / f_time)
    print(f"{len(texts)} texts, {mb:.1f} MB; ftfy.fix_text {mb / statistics.median(ftfy_times):.2f} MB/s "
          f"(median of {len(ftfy_times)} passes)")
    for name, values in shares.items():
        print(f"{name:<18} {statistics.median(values):5.3f} of ftfy's time (min {min(values):.3f}, max {max(values):.3f})")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", type=Path, default=DEFAULT_EVAL)
    ap.add_argument("--via", choices=("auto", "cli", "api"), default="auto")
    ap.add_argument("--out", type=Path, help="keep the cleaned outputs here (default: a temporary folder)")
    ap.add_argument("--per-page", help="write per-page scores of our output to this TSV")
    ap.add_argument("--cost", type=Path, metavar="CORPUS.jsonl", help="measure the rules' cost on this corpus instead")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    if args.cost:
        return measure_cost(args.cost, args.repeat)
    if not (args.eval / "score.py").exists():
        print(f"no eval set at {args.eval}", file=sys.stderr)
        return 2
    tmp = Path(tempfile.mkdtemp(prefix="scrubtext-bench-"))
    try:
        out = args.out or tmp / "scrubtext"
        out.mkdir(parents=True, exist_ok=True)
        for stale in out.glob("*.txt"):  # outputs of an earlier run must not be scored again
            stale.unlink()
        keep = tmp / "keep_every_line"
        keep.mkdir()
        for p in sorted(args.eval.glob("*.input.txt")):
            shutil.copyfile(p, keep / (p.name[: -len(".input.txt")] + ".txt"))
        via = args.via
        if via == "auto":
            via = "cli" if cli_supports_folders() else "api"
        t0 = time.perf_counter()
        (clean_with_cli if via == "cli" else clean_with_api)(args.eval, out)
        elapsed = time.perf_counter() - t0
        print(f"cleaned {len(list(out.glob('*.txt')))} pages via {via} in {elapsed:.1f} s")
        # score.py writes per-page figures for its first folder: ours.
        cmd = [sys.executable, str(args.eval / "score.py"), str(out), str(keep), "--eval", str(args.eval)]
        if args.per_page:
            cmd += ["--per-page", args.per_page]
        return subprocess.run(cmd).returncode
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
