"""Audit (and optionally re-fit) the boilerplate classifier's evidence weights on labelled pages.

The shipped weights in resources/boilerplate/classifier.toml are HAND-SET. This script measures, on a
folder of labelled pages of YOUR choosing (NAME.input.txt = scraped text, NAME.gold.txt = the main
content, the format of the boilerplate development set), how often each piece of evidence fires on
body lines and on furniture lines, and proposes a weight per evidence key: the log-odds
log(P(fires | body) / P(fires | furniture)), clipped to [-3, 3]. With --write it stores the proposal
as a TOML file you can load through a profile's [options."boilerplate.classifier"] table.

Never fit on the pages you report figures for: split your data, fit on one part, measure on the other.

    python scripts/fit_boilerplate.py TRAIN_DIR [--write weights.toml]
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from collections import Counter
from pathlib import Path

from desktop_app.core.boilerplate.classifier import context_evidence, default_weights, own_evidence
from desktop_app.core.boilerplate.features import line_features
from desktop_app.core.textlines import split_lines

_TOKEN = re.compile(r"\w+")


def label_lines(text: str, gold: str) -> list[bool | None]:
    """Per line: True if most of its 4-token shingles (or, when short, its tokens in order) are in gold."""
    gold_tokens = _TOKEN.findall(gold)
    shingles = {tuple(gold_tokens[i:i + 4]) for i in range(max(1, len(gold_tokens) - 3))}
    joined = " " + " ".join(gold_tokens) + " "
    out: list[bool | None] = []
    for line in text.splitlines():
        toks = _TOKEN.findall(line)
        if not toks:
            out.append(None)
        elif len(toks) < 4:
            out.append((" " + " ".join(toks) + " ") in joined)
        else:
            grams = [tuple(toks[i:i + 4]) for i in range(len(toks) - 3)]
            out.append(sum(g in shingles for g in grams) / len(grams) >= 0.5)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("train", type=Path, help="folder of NAME.input.txt + NAME.gold.txt pairs")
    ap.add_argument("--write", type=Path, help="write the proposed weights to this TOML file")
    args = ap.parse_args()
    pairs = sorted(args.train.glob("*.input.txt"))
    if not pairs:
        print(f"no NAME.input.txt files in {args.train}", file=sys.stderr)
        return 2
    w = default_weights()
    fired = {True: Counter(), False: Counter()}
    totals = Counter()
    for p in pairs:
        gold_path = p.with_name(p.name[: -len(".input.txt")] + ".gold.txt")
        if not gold_path.exists():
            continue
        text = p.read_text(encoding="utf-8", errors="replace")
        labels = label_lines(text, gold_path.read_text(encoding="utf-8", errors="replace"))
        lines = split_lines(text)
        feats = line_features(lines)
        around = context_evidence(lines, feats, None, w)
        for i, f in enumerate(feats):
            if f is None or i >= len(labels) or labels[i] is None:
                continue
            totals[labels[i]] += 1
            for key, _, _ in own_evidence(f, w) + around.get(i, []):
                fired[labels[i]][key] += 1
    if not totals[True] or not totals[False]:
        print("need both body and furniture lines to fit", file=sys.stderr)
        return 2
    # Evidence keys are the names in classifier.toml's [length] and [evidence] tables.
    section_of = {k: section for section in ("length", "evidence") for k in w[section]}
    current = {k: w[section_of[k]][k] for k in section_of}
    print(f"{totals[True]} body lines, {totals[False]} furniture lines from {len(pairs)} pages")
    print(f"{'evidence':<18} {'body':>7} {'furn.':>7} {'current':>8} {'proposed':>9}")
    proposal = {}
    for key in sorted(set(fired[True]) | set(fired[False])):
        pb = (fired[True][key] + 1) / (totals[True] + 2)
        pf = (fired[False][key] + 1) / (totals[False] + 2)
        proposal[key] = round(max(-3.0, min(3.0, math.log(pb / pf))), 2)
        cur = current.get(key)
        print(f"{key:<18} {pb:7.1%} {pf:7.1%} {cur if cur is not None else '-':>8} {proposal[key]:9.2f}")
    if args.write:
        body = "\n".join(f'"{section_of[k]}.{k}" = {v}' for k, v in sorted(proposal.items()) if k in current)
        args.write.write_text('[options."boilerplate.classifier"]\n' + body + "\n", encoding="utf-8")
        print(f"wrote {args.write}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
