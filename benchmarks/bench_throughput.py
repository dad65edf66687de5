"""Batch throughput: `scrubtext clean` with 1 and N jobs against `ftfy.fix_text` alone, and peak memory.

    python benchmarks/bench_throughput.py              # ~100 MB corpus (built first if missing)
    python benchmarks/bench_throughput.py --mb 5       # a quick run
    python benchmarks/bench_throughput.py --mb 2 --scaling   # peak memory at 1x and 2x corpus size

Prints, in one run: MB/s of `scrubtext clean --format jsonl` (a subprocess, as a user runs it) with
--jobs 1 and --jobs N (default: all CPUs), MB/s of `ftfy.fix_text` over the same texts in this process
on one core, the ratios, whether the outputs of 1 and N jobs are identical, and the peak memory of
the whole `scrubtext` process tree (sum of PSS, sampled from /proc every 20 ms; Linux). Issue 6's targets on a
2-core machine: 1 job >= 2x ftfy, 2 jobs >= 3.5x ftfy; peak memory independent of corpus size.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_corpus import DATA, generate  # noqa: E402


def _pss(pid: int) -> int | None:
    """Proportional set size (bytes): shared pages (fork's copy-on-write) counted once overall."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as f:
            for line in f:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


def _tree_rss(root: int) -> int:
    """Memory (bytes) of `root` and all its descendants, from /proc: the sum of their PSS (so pages
    that forked workers share are not counted twice), or of their RSS where PSS is unavailable."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat", "rb") as f:
                parts = f.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        pid, ppid = int(d), int(parts[1])
        children.setdefault(ppid, []).append(pid)
        rss[pid] = int(parts[21]) * os.sysconf("SC_PAGE_SIZE")
    total, stack = 0, [root]
    while stack:
        p = stack.pop()
        if p in rss:
            pss = _pss(p)
            total += rss[p] if pss is None else pss
        stack += children.get(p, [])
    return total


def run_measured(args: list[str], log_dir: Path, interval: float = 0.05) -> tuple[int, float, int, str]:
    """Run `python -m desktop_app ARGS`: (exit code, seconds, peak memory of its process tree, stderr)."""
    env = {**os.environ, "SCRUBTEXT_LOG_DIR": str(log_dir)}
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "desktop_app", *args], env=env, cwd=HERE.parent,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(proc.pid))
            done.wait(interval)

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    _, err = proc.communicate()
    seconds = time.perf_counter() - start
    done.set()
    t.join()
    return proc.returncode, seconds, peak, err.decode("utf-8", "replace")


def run_clean(corpus: Path, out: Path, jobs: int, extra: list[str]) -> tuple[float, int, str, float]:
    """(seconds, peak tree RSS, sha256 of the output, CPU seconds) of one `scrubtext clean` run."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    args = ["clean", str(corpus), "--format", "jsonl", "-o", str(out), "--jobs", str(jobs), "--quiet", *extra]
    rc, seconds, peak, err = run_measured(args, out.parent / "logs", interval=0.02)
    sys.stderr.write(err)
    if rc not in (0, 1):
        raise SystemExit(f"scrubtext clean failed with exit code {rc}")
    digest = hashlib.sha256(out.read_bytes()).hexdigest()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return seconds, peak, digest, cpu


def source_digest() -> str:
    """A digest of the engine's code and data, to notice edits made while a benchmark runs."""
    h = hashlib.sha256()
    root = HERE.parent
    for p in sorted([*root.joinpath("desktop_app").rglob("*.py"), *root.joinpath("resources").rglob("*")]):
        if p.is_file():
            h.update(str(p).encode() + p.read_bytes())
    return h.hexdigest()


def run_ftfy(corpus: Path) -> tuple[float, float]:
    """(seconds, CPU seconds) of ftfy.fix_text over every text of the corpus, in this process."""
    import ftfy

    texts = [json.loads(line)["text"] for line in corpus.open(encoding="utf-8") if line.strip()]
    start, cpu = time.perf_counter(), time.process_time()
    for t in texts:
        ftfy.fix_text(t)
    return time.perf_counter() - start, time.process_time() - cpu


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mb", type=float, default=100, help="corpus size in MB (default 100)")
    ap.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)), help="N for the N-job run")
    ap.add_argument("--scaling", action="store_true", help="also run a corpus twice as large (peak memory)")
    ap.add_argument("--only", metavar="CATS",
                    help="pass --only CATS to scrubtext (e.g. 'spacing': measures the batch machinery "
                         "itself - reading, JSON, corpus pass, pool, writing - with the cheapest rules)")
    a = ap.parse_args()

    sizes = [a.mb, a.mb * 2] if a.scaling else [a.mb]
    for mb in sizes:
        corpus = DATA / f"corpus-{mb:g}mb.jsonl"
        if not corpus.exists():
            DATA.mkdir(exist_ok=True)
            print(f"building {corpus} ...", flush=True)
            generate(mb, corpus)
        size = corpus.stat().st_size / 1e6
        with open(corpus, encoding="utf-8") as f:
            docs = sum(1 for line in f if line.strip())
        print(f"\ncorpus: {corpus.name}: {size:.1f} MB, {docs} documents, {os.cpu_count()} CPUs")
        ftfy_s, ftfy_cpu = run_ftfy(corpus)
        print(f"load average {os.getloadavg()[0]:.1f} (other processes slow wall-clock figures; "
              "MB per CPU-second is not affected)")
        print(f"ftfy.fix_text alone (1 core): {size / ftfy_s:8.2f} MB/s  ({ftfy_s:.1f} s; "
              f"{size / ftfy_cpu:.2f} MB per CPU-s)")
        results = {}
        before = source_digest()
        with tempfile.TemporaryDirectory() as tmp:
            for jobs in sorted({1, a.jobs}):
                s, peak, digest, cpu = run_clean(corpus, Path(tmp) / f"out{jobs}.jsonl", jobs,
                                                 ["--only", a.only] if a.only else [])
                results[jobs] = digest
                label = f"scrubtext clean --jobs {jobs}" + (f" --only {a.only}" if a.only else "")
                print(f"{label}: {size / s:8.2f} MB/s  ({s:.1f} s; "
                      f"{size / cpu:.2f} MB per CPU-s)  ratio to ftfy {ftfy_s / s:5.2f}x  "
                      f"peak memory {peak / 2**20:6.0f} MB")
        same = len(set(results.values())) == 1
        note = "" if source_digest() == before else " (the code or data changed during the runs: not comparable)"
        print(f"outputs identical for jobs {sorted(results)}: {same}{note}")


if __name__ == "__main__":
    main()
