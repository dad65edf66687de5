"""The big rows of issue 7's bad-input matrix at full size, which unit tests only run scaled down.

    python benchmarks/bench_bad_inputs.py                    # 200 MB single line, 10,000 small files
    python benchmarks/bench_bad_inputs.py --line-mb 20       # a quicker single-line run

For each case: `scrubtext clean` as a subprocess, its exit code, wall time, peak memory of the process
tree, and the first lines of stderr (the message a user sees). Files are generated in a temporary folder.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_throughput import run_measured  # noqa: E402


def run(args: list[str], tmp: Path) -> tuple[int, float, int, str]:
    return run_measured(args, tmp / "logs")


def report(name: str, result: tuple[int, float, int, str]) -> None:
    rc, s, peak, err = result
    print(f"{name}: exit {rc}, {s:.1f} s, peak memory {peak / 2**20:.0f} MB")
    for line in err.splitlines()[:4]:
        print(f"    {line}")
    if "Traceback" in err:
        print("    !! a traceback reached the terminal")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--line-mb", type=float, default=200, help="size of the single-line file (default 200)")
    ap.add_argument("--files", type=int, default=10_000, help="number of small files (default 10,000)")
    ap.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        line = tmp / "one-line.txt"
        unit = b"All work and no play makes a very long line; "
        with open(line, "wb") as f:
            for _ in range(int(a.line_mb * 1e6 / len(unit))):
                f.write(unit)
        print(f"single line: {line.stat().st_size / 1e6:.0f} MB")
        report("single line", run(["clean", str(line), "-o", str(tmp / "one-line.out"), "--quiet"], tmp))
        (tmp / "one-line.out").unlink(missing_ok=True)
        line.unlink()

        many = tmp / "many"
        many.mkdir()
        words = ["north", "south", "garden", "library", "harbour", "station", "market", "bridge", "tower"]
        for i in range(a.files):
            sub = many / f"{i // 1000:02}"
            sub.mkdir(exist_ok=True)
            (sub / f"{i:05}.txt").write_text(
                f"Note {i}: the {words[i % 9]} meeting moved to the {words[i * 5 % 7]} {words[i % 4 + 2]}.\n"
                f"Bring the {words[i * 3 % 9]} papers.  \n", encoding="utf-8")
        result = run(["clean", str(many), "-o", str(tmp / "many-out"), "--jobs", str(a.jobs), "--quiet"], tmp)
        written = sum(1 for _ in (tmp / "many-out").rglob("*.txt"))
        report(f"{a.files} small files (--jobs {a.jobs}; {written} written)", result)


if __name__ == "__main__":
    main()
