"""A transparent line classifier for page furniture: evidence per line, weighed with its neighbours.

1. Each line gets a score from its own features (features.py): long lines, sentence ends and dense
   stopwords count for body text; short lines, title case, links, symbols, menu separators, legal
   wording, teasers (an ellipsis, a headline glued to its summary), photo captions, bare word
   lists (tag clouds) and listed phrases count against. Context adds evidence: a run of short lines
   (a menu), a line repeated in the document or in a block both at its head and its tail, and, in
   a batch, the share of documents that contain the line (CorpusStats).
2. The context score blends a line's score with its neighbours' (a short line amid paragraphs is
   probably a subheading; amid menu items, a menu item).
3. The main text is the span with the largest total of length-weighted context scores (a
   maximum-sum segment) that crosses no section header ("Related stories", "12 comments") and no
   long menu (a run of seven or more menu lines, such as an article's tag list). It grows over
   short gaps to more body text, and keeps the furniture-free lines next to it (tables, code, list
   items). Outside it, lines that are not clearly body text are furniture, and so are teaser lists
   (a headline and a one-paragraph summary, three or more times: prose-like, but not a second
   text); after a "Related stories" header that follows it only clear body text stays, and well
   past that header only runs of paragraphs; a comment section is proposed only. Inside it, only
   lines with strong evidence go (listed phrases, links, menu separators, legal wording, photo
   captions, batch or head-and-tail repeats), so the article's headings, list items, table cells
   and short paragraphs survive. The heading before the first body line is the title: kept,
   unless the profile says `drop_title`.
Every verdict lists the evidence that fired, with its weight, and a confidence. The weights are
hand-set data in resources/boilerplate/classifier.toml (a profile may override any of them).
"""

from __future__ import annotations

import math
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from desktop_app.core.boilerplate.features import LineFeatures, line_features
from desktop_app.core.boilerplate.metadata import detect as detect_metadata
from desktop_app.core.mojibake import repair_text
from desktop_app.core.mojibake.engine import is_suspicious
from desktop_app.core.resources import resource_path
from desktop_app.core.textlines import Line


@dataclass(frozen=True, slots=True)
class Verdict:
    """A line judged to be furniture: `kind` is the edit's sub-rule (classifier, repeated, comment, title)."""

    index: int
    kind: str
    confidence: float
    reason: str


@lru_cache(maxsize=1)
def default_weights() -> dict[str, dict[str, float]]:
    """The hand-set weights from resources/boilerplate/classifier.toml."""
    data = tomllib.loads(resource_path("boilerplate", "classifier.toml").read_text(encoding="utf-8"))
    return {k: {kk: float(vv) for kk, vv in v.items()} for k, v in data.items()}


def _weights(ctx: Any) -> dict[str, dict[str, float]]:
    """Default weights, overridden per key by the profile's options["boilerplate.classifier"]."""
    w = default_weights()
    opts = {}
    profile = getattr(ctx, "profile", None)
    if profile is not None:
        opts = dict(profile.options.get("boilerplate.classifier", {}))
    if not opts:
        return w
    out = {k: dict(v) for k, v in w.items()}
    for key, value in opts.items():
        section, _, name = str(key).rpartition(".")
        if section in out and name in out[section]:
            out[section][name] = float(value)
    return out


Evidence = list[tuple[str, float | None, float]]  # (key in classifier.toml, detail for the description, weight)

# How each piece of evidence reads in a reason ({} gets the detail: a count or a share).
DESCRIPTIONS = {
    "long": "long ({:.0f} words)",
    "medium": "medium length ({:.0f} words)",
    "tiny": "a single word",
    "short": "short ({:.0f} words)",
    "sentence_end": "ends like a sentence",
    "stopwords_high": "stopwords {:.0%}",
    "stopwords_mid": "stopwords {:.0%}",
    "stopwords_none": "few stopwords ({:.0%})",
    "title_case": "title case",
    "links": "links or handles ({:.0%} of words)",
    "symbols": "mostly digits or symbols ({:.0%})",
    "separators_many": "{:.0f} menu separators",
    "separators_one": "a menu separator",
    "phrase": "a listed furniture phrase",
    "legal": "copyright, cookie or legal wording",
    "cta": "a call to action (subscribe, sign up, click here, ...)",
    "teaser": "ends with an ellipsis, like a teaser",
    "glued": "a headline glued to its summary (a teaser box)",
    "caption": "a photo caption (placement, agency credit or 'file photo')",
    "word_list": "a list of {:.0f} bare words (tags or keywords)",
    "menu_run": "in a run of {:.0f} short lines (a menu?)",
    "head_and_tail": "in a block repeated at the head and the tail",
    "repeated_in_doc": "repeated {:.0f} times in the document",
    "corpus_some": "in {:.0f} of the batch's documents",
}


def describe(key: str, detail: float | None) -> str:
    """The human description of one piece of evidence."""
    text = DESCRIPTIONS.get(key, key)
    return text.format(detail) if detail is not None and "{" in text else text


def own_evidence(f: LineFeatures, w: dict[str, dict[str, float]]) -> Evidence:
    """The evidence a line gives on its own: (key, detail, weight) triples."""
    L, E = w["length"], w["evidence"]
    ev: Evidence = []
    words = f.words
    if words >= 20:
        ev.append(("long", words, L["long"]))
    elif words >= 10:
        ev.append(("medium", words, L["medium"]))
    elif words < 2:
        ev.append(("tiny", None, L["tiny"]))
    elif words < 5:
        ev.append(("short", words, L["short"]))
    if f.terminal and words >= 4:
        ev.append(("sentence_end", None, E["sentence_end"]))
    if words >= 3:
        if f.stop_ratio >= 0.3:
            ev.append(("stopwords_high", f.stop_ratio, E["stopwords_high"]))
        elif f.stop_ratio >= 0.2:
            ev.append(("stopwords_mid", f.stop_ratio, E["stopwords_mid"]))
        elif f.stop_ratio < 0.1:
            ev.append(("stopwords_none", f.stop_ratio, E["stopwords_none"]))
    if f.title_ratio >= 0.8 and words >= 2 and not f.terminal and not f.cjk:
        ev.append(("title_case", None, E["title_case"]))
    if f.link_ratio >= 0.3:
        ev.append(("links", f.link_ratio, E["links"]))
    if f.alpha_ratio < 0.5:
        ev.append(("symbols", 1 - f.alpha_ratio, E["symbols"]))
    if f.separators >= 2:
        ev.append(("separators_many", f.separators, E["separators_many"]))
    elif f.separators == 1 and words < 10:
        ev.append(("separators_one", None, E["separators_one"]))
    if f.phrase:
        ev.append(("phrase", None, E["phrase"]))
    if f.legal:
        ev.append(("legal", None, E["legal"]))
    if f.cta:
        ev.append(("cta", None, E["cta"]))
    if f.teaser:
        ev.append(("teaser", None, E["teaser"]))
    if f.glued:
        ev.append(("glued", None, E["glued"]))
    if f.caption:
        ev.append(("caption", None, E["caption"]))
    if f.word_list:
        ev.append(("word_list", f.words, E["word_list"]))
    return ev


# own_evidence for the default weights, by line features (lines and their features repeat).
_OWN: dict[LineFeatures, tuple[Evidence, float, bool, bool]] = {}


def _own(f: LineFeatures, w: dict[str, dict[str, float]]) -> tuple[Evidence, float, bool, bool]:
    """(evidence, score, strong, furniture) of a line on its own; cached for the default weights."""
    default = w is default_weights()
    if default:
        hit = _OWN.get(f)
        if hit is not None:
            return hit
    ev = own_evidence(f, w)
    score, strong, furniture = 0, False, False  # (one loop: generator expressions cost more than the evidence)
    for key, _, value in ev:
        score += value
        if key in _FURNITURE_KEYS:
            furniture = True
            strong = strong or key in _STRONG_KEYS
    out = (ev, score, strong, furniture)
    if default:
        if len(_OWN) >= 65536:
            _OWN.clear()
        _OWN[f] = out
    return out


def _is_short_item(f: LineFeatures | None) -> bool:
    return f is not None and f.words <= 4 and not f.terminal


def context_evidence(lines: list[Line], feats: list[LineFeatures | None], ctx: Any,
                     w: dict[str, dict[str, float]]) -> dict[int, Evidence]:
    """Evidence from around each line: menu runs, repetition in the document and in the batch
    (only lines with some evidence are in the result)."""
    E, C = w["evidence"], w["corpus"]
    ev: dict[int, Evidence] = {}
    body = [i for i, f in enumerate(feats) if f is not None]
    # Runs of short lines without sentence ends (blank lines do not break a run). A run with
    # figures in it is a table, not a menu.
    run: list[int] = []
    for i in body + [None]:
        if i is not None and _is_short_item(feats[i]):
            run.append(i)
            continue
        if len(run) >= 4:
            numeric = sum(feats[j].alpha_ratio < 0.6 for j in run)
            if numeric <= 0.2 * len(run):
                for j in run:
                    if feats[j].alpha_ratio >= 0.6:
                        ev.setdefault(j, []).append(("menu_run", len(run), E["menu_run"]))
        run = []
    # Repetition inside the document, and lines both before and after the middle.
    # Figures repeat naturally (table cells); only lines with words count as repeated.
    n = len(body)
    quarter = max(1, n // 4)
    keys = {i: feats[i].key for i in body if feats[i].alpha_ratio >= 0.5}
    counts = Counter(keys.values())
    # A block (two or more consecutive lines) found both in the first and the last quarter of the
    # document: a menu or footer printed twice.
    framed: set[str] = set()
    if n >= 12:
        head_keys = [keys.get(i) for i in body[:quarter]]
        tail_keys = [keys.get(i) for i in body[n - quarter:]]
        head_pairs = set(zip(head_keys, head_keys[1:], strict=False))
        tail_pairs = set(zip(tail_keys, tail_keys[1:], strict=False))
        framed = {k for pair in head_pairs & tail_pairs if None not in pair for k in pair}
    if framed or len(counts) < len(keys):
        for pos, i in enumerate(body):
            key = keys.get(i)
            if key is None:
                continue
            if key in framed and (pos < quarter or pos >= n - quarter):
                ev.setdefault(i, []).append(("head_and_tail", None, E["head_and_tail"]))
            elif counts[key] >= 2 and feats[i].words <= 15:
                ev.setdefault(i, []).append(("repeated_in_doc", counts[key], E["repeated_in_doc"]))

    corpus = getattr(ctx, "corpus", None)
    if corpus is not None and corpus.documents >= C["min_documents"]:
        for i in body:
            if feats[i].alpha_ratio < 0.5:
                continue  # figures recur across documents without being furniture
            docs = corpus.doc_count(lines[i].text)
            share = docs / corpus.documents
            if docs >= C["min_documents"] and share >= C["share_evidence"]:
                ev.setdefault(i, []).append(("corpus_some", docs, E["corpus_some"]))
    return ev


def _region(values: list[float]) -> tuple[int, int] | None:
    """Maximum-sum segment [a, b] of `values` (None when every value is <= 0)."""
    best, best_span = 0.0, None
    cur, start = 0.0, 0
    for i, v in enumerate(values):
        if cur <= 0:
            cur, start = v, i
        else:
            cur += v
        if cur > best:
            best, best_span = cur, (start, i)
    return best_span


def _main_span(values: list[float], walls: list[bool], comments: list[bool], body_words: list[float],
               min_words: float) -> tuple[int, int] | None:
    """The main text's span: the best segment among the chunks that section headers delimit.

    `walls[k]` marks section headers (no span crosses them). Comments can be longer than the article
    they follow, so chunks after a comment header (`comments[k]`) are candidates only when less than
    `min_words` words of clear body text (`body_words[k]`) come before that header.
    """
    limit = len(values)
    seen = 0.0
    for k in range(len(values)):
        if comments[k] and seen >= min_words:
            limit = k
            break
        seen += body_words[k]
    best: tuple[float, tuple[int, int]] | None = None
    start = 0
    for end in [k for k in range(limit) if walls[k]] + [limit]:
        if end > start:
            span = _region(values[start:end])
            if span is not None:
                total = sum(values[start + span[0]:start + span[1] + 1])
                if best is None or total > best[0]:
                    best = (total, (start + span[0], start + span[1]))
        start = end + 1
    return best[1] if best else None


def _confidence(margin: float, base: float) -> float:
    """Map how far a score is past its threshold to a confidence in [0.55, 0.97]."""
    return round(max(0.55, min(0.97, base + 0.25 * math.tanh(margin))), 3)


def _describe(ev: Evidence) -> str:
    return ", ".join(f"{describe(key, detail)} ({weight:+.1f})" for key, detail, weight in ev)


def _heading_like(f: LineFeatures | None) -> bool:
    return (f is not None and 1.5 <= f.words <= 25 and f.link_ratio < 0.3 and f.separators == 0
            and not f.phrase and not (f.terminal and f.words > 12))


# Evidence strong enough to remove a line from inside the main text.
STRONG = ("phrase", "links", "separators_many", "corpus_some", "head_and_tail", "legal", "caption")
# Evidence that speaks for furniture rather than merely against prose (a table cell is short and has
# few stopwords too, but no title-case menu run, link, separator or repetition).
FURNITURE = STRONG + ("menu_run", "repeated_in_doc", "teaser", "cta", "glued", "word_list")
_STRONG_KEYS = frozenset(STRONG)
_FURNITURE_KEYS = frozenset(FURNITURE)


@dataclass
class Judgement:
    """The classifier's working: per-line scores and where it found the main text (for review UIs)."""

    features: list[LineFeatures | None]
    evidence: dict[int, Evidence]
    strong: dict[int, bool]
    score: dict[int, float]
    context_score: dict[int, float]
    main: tuple[int, int] | None = None  # first and last line of the main text
    ended_by: int | None = None  # the section header that ends the main text
    title: int | None = None
    zone: tuple[int, int] | None = None  # the main text with its furniture-free neighbours (kept)
    comments: tuple[int, int] | None = None  # a comment section after the main text (header, last line)
    listings: dict[int, int] = field(default_factory=dict)  # line -> entries of the teaser list it is in


def judge(lines: list[Line], ctx: Any, w: dict[str, dict[str, float]] | None = None,
          feats: list[LineFeatures | None] | None = None) -> Judgement:
    """Score every line and find the main text (see the module docstring); `feats`: the lines'
    features when the caller has them already."""
    w = w or _weights(ctx)
    X = w["context"]
    if feats is None:
        feats = line_features(lines)
    body = [i for i, f in enumerate(feats) if f is not None]
    around = context_evidence(lines, feats, ctx, w)
    evidence: dict[int, Evidence] = {}
    strong: dict[int, bool] = {}
    furnished: dict[int, bool] = {}
    score: dict[int, float] = {}
    for i in body:
        ev, sc, st, fu = _own(feats[i], w)
        more = around.get(i)
        if more:
            ev = ev + more
            sc += sum(v for _, _, v in more)
            st = st or any(key in STRONG for key, _, _ in more)
            fu = fu or any(key in FURNITURE for key, _, _ in more)
        evidence[i], score[i], strong[i], furnished[i] = ev, sc, st, fu
    k = int(X["neighbours"])
    nw = X["neighbour_weight"]
    ctx_score = {}
    scores = [score[i] for i in body]
    for pos, i in enumerate(body):
        lo = pos - k if pos > k else 0
        near = scores[lo:pos + 1 + k]
        own = scores[pos]
        m = len(near) - 1
        ctx_score[i] = (1 - nw) * own + nw * ((sum(near) - own) / m if m else own)
    j = Judgement(feats, evidence, strong, score, ctx_score)
    seeds = [i for i in body if score[i] >= X["seed"]]
    if len(body) < X["min_lines"] or sum(feats[i].words for i in seeds) < X["min_main_words"]:
        # Too little running text to tell a main text from the rest (a link page, a list, a table).
        return j
    # Length-weighted context scores. Section headers ("Related stories", "12 comments") end a main
    # text: no span crosses them. Below `gap_floor` a line adds no more cost, so a table or a list
    # inside an article does not split it while a long menu still does.
    # Teaser lists (headline, one-paragraph summary, repeated): outside the main text they go.
    j.listings = _listings(feats, body, int(X["listing_entries"]))
    # A long menu (a run of short lines, tags or links) ends a main text like a section header.
    menu_walls = _menu_walls(body, evidence, int(X["menu_wall"]))
    values = []
    for i in body:
        c = ctx_score[i]
        c -= X["region_bias"]
        values.append(c * math.sqrt(max(1.0, feats[i].words)) if c > 0 else max(c, X["gap_floor"]))
    span = _main_span(values, [feats[i].section_end or feats[i].comments or i in menu_walls for i in body],
                      [feats[i].comments for i in body],
                      [feats[i].words if score[i] >= X["seed"] else 0.0 for i in body], X["min_main_words"])
    if span is None:
        return j
    # Extend the span over short gaps to more clear body text (code, a table or a figure caption
    # between paragraphs), but never across a section header.
    def header(k: int) -> bool:
        return feats[body[k]].section_end or feats[body[k]].comments

    gap = int(X["max_gap"])
    a, b = span
    for step in (1, -1):
        k, end = (b, b) if step == 1 else (a, a)
        while 0 <= k + step < len(body) and abs(k + step - end) <= gap + 1 and not header(k + step):
            k += step
            if score[body[k]] >= X["seed"]:
                end = k
        a, b = (a, end) if step == 1 else (end, b)
    first, last = body[a], body[b]
    # Next to the main text, lines without furniture evidence (table cells, code, list items) stay
    # with it: the kept zone grows from the main text until a line speaks for furniture.
    def plain(k: int) -> bool:
        return 0 <= k < len(body) and not furnished[body[k]] and not header(k) and (
            score[body[k]] > X["zone_floor"])

    lo, hi = a, b
    while plain(hi + 1):
        hi += 1
    while plain(lo - 1):
        lo -= 1
    j.zone = (body[lo], body[hi])
    j.main = (first, last)
    j.ended_by = next((i for i in body if i > last and (feats[i].section_end or feats[i].comments)), None)
    if j.ended_by is not None and feats[j.ended_by].comments:
        # The comment section runs on until strong furniture evidence, a menu, a section header or
        # `comment_gap` lines in a row without prose (names and "Reply" repeat in a thread, so
        # repetition alone does not end it). A header with no prose after it opens no section.
        gap = int(X["comment_gap"])

        def prose_within(k: int) -> bool:
            return any(score[body[m]] >= X["seed"] for m in range(k, min(len(body), k + gap)))

        start = k = body.index(j.ended_by) + 1
        while k < len(body) and prose_within(k) and not (strong[body[k]] or header(k) or any(
                key == "menu_run" for key, _, _ in evidence[body[k]])):
            k += 1
        if k > start:
            j.comments = (j.ended_by, body[k - 1])
    # The title: the nearest heading-like line before the main text's first clear body line,
    # looking back over bylines and dates (at most `title_reach` lines).
    pos = body.index(first)
    while pos < len(body) and score[body[pos]] < X["seed"] and body[pos] <= last:
        pos += 1
    steps = 0
    for k in range(pos - 1, -1, -1):
        i = body[k]
        if detect_metadata(lines[i].text) is not None:
            continue
        steps += 1
        if steps > X["title_reach"]:
            break
        if _heading_like(feats[i]) and not feats[i].terminal:
            j.title = i
            break
    return j


def classify(lines: list[Line], ctx: Any, known: set[int] = frozenset(),
             feats: list[LineFeatures | None] | None = None) -> list[Verdict]:
    """Judge every line; return verdicts for the lines that look like furniture.

    `known` are lines another source already removes (listed or user phrases): they count as
    evidence for their neighbours but get no verdict of their own. Lines that look like metadata
    (bylines, credits, timestamps) are left to the metadata rule.
    """
    w = _weights(ctx)
    X, C = w["context"], w["corpus"]
    j = judge(lines, ctx, w, feats)
    body = [i for i, f in enumerate(j.features) if f is not None]
    verdicts: list[Verdict] = []
    skip = set(known)
    # Metadata near the main text (its byline, date, captions) is the metadata rule's to propose;
    # a date or byline far from it belongs to a teaser list or a sidebar, and is judged here.
    # (Checked only for lines that would get a verdict: the check is not free.)
    near = int(X["metadata_reach"])
    if j.main:
        lo, hi = body.index(j.main[0]) - near, body.index(j.main[1]) + near
        zone = set(body[max(0, lo):hi + 1])
    else:
        zone = set(body)

    def metadata_near(i: int) -> bool:
        return i in zone and detect_metadata(lines[i].text) is not None

    corpus = getattr(ctx, "corpus", None)
    if corpus is not None and corpus.documents >= C["min_documents"]:
        shared = {}
        for i in body:
            if i in skip or j.features[i].alpha_ratio < 0.5:
                continue
            docs = corpus.doc_count(lines[i].text)
            if docs >= C["min_documents"] and docs / corpus.documents >= C["share_remove"] and not metadata_near(i):
                shared[i] = docs
        # When most of a document recurs across the batch, the batch holds copies (or versions) of
        # one text rather than pages of one site: propose, do not apply.
        copies = sum(j.features[i].words for i in shared) > C["max_shared_share"] * sum(
            j.features[i].words for i in body)
        for i, docs in shared.items():
            conf = C["copies_confidence"] if copies else C["remove_confidence"]
            note = " (most of this document recurs in the batch, so only proposed)" if copies else ""
            verdicts.append(Verdict(i, "repeated", conf, f"Site furniture: this line is in {docs} of the "
                                                         f"batch's {corpus.documents} documents{note}."))
            skip.add(i)
    profile = getattr(ctx, "profile", None)
    first, last = j.main if j.main else (-1, -1)
    # Outside the main text (and after a "Related stories" header, where teasers of a sentence or
    # two are the rule) only a longer block of running text is a second text worth keeping.
    blocks = _LazyBlocks(j, int(X["section_block_lines"]), X["section_block_words"])
    runs = _LazyBlocks(j, int(X["section_block_lines"]), math.inf)
    far_after = None
    if j.ended_by is not None and not j.comments and X["section_reach"] > 0:
        k = body.index(j.ended_by) + int(X["section_reach"])
        far_after = body[k] if k < len(body) else None
    for i in body:
        if i in skip:
            continue
        ev, score = j.evidence[i], j.score[i]
        if i == j.title:
            if profile is not None and profile.drop_title:
                verdicts.append(Verdict(i, "title", 0.9, "The title line (the profile drops titles)."))
            continue
        if j.main is None or first <= i <= last:
            if score <= X["remove_inside"] and j.strong[i]:
                where = "inside the main text" if j.main else "(no clear main text)"
                verdicts.append(Verdict(i, "classifier", _confidence(X["remove_inside"] - score, 0.75),
                                        f"Looks like furniture {where}: {_describe(ev)}; score {score:+.1f}."))
        elif i in j.listings and not (j.comments and j.comments[0] < i <= j.comments[1]):
            verdicts.append(Verdict(i, "classifier", X["listing_confidence"],
                                    f"Part of a list of {j.listings[i]} teasers (a headline, then a one-paragraph "
                                    f"summary, repeated) outside the main text: {_describe(ev) or 'no other evidence'}."))
        elif j.comments and j.comments[0] < i <= j.comments[1] and not j.strong[i]:
            # The comment section. Proposed, not applied by default: some users (and some
            # benchmarks) count readers' comments as content.
            verdicts.append(Verdict(i, "comment", X["comment_confidence"],
                                    f"Looks like part of the comment section: after the main text and "
                                    f"the header {lines[j.comments[0]].text.strip()!r}."))
        elif far_after is not None and i > far_after and i not in runs:
            # Well past a "Related stories" header, a line of prose on its own is a teaser too;
            # only a run of paragraphs is a second text worth keeping.
            verdicts.append(Verdict(i, "classifier", X["after_section_end_confidence"],
                                    f"Far after the main text and the section header "
                                    f"{lines[j.ended_by].text.strip()!r}, and not in a run of paragraphs: "
                                    f"{_describe(ev) or 'no other evidence'}."))
        elif j.ended_by is not None and i > j.ended_by and not j.comments and (
                j.context_score[i] < X["keep_after_section_end"]):
            verdicts.append(_outside(i, j, X, X["after_section_end_confidence"],
                                     f"After the main text and the section header "
                                     f"{lines[j.ended_by].text.strip()!r}: "
                                     f"{_describe(ev) or 'no body-text evidence'}.", blocks))
        elif j.context_score[i] < (X["keep_outside"] if i < first else X["keep_after"]):
            where = "before" if i < first else "after"
            c = j.context_score[i]
            verdicts.append(_outside(i, j, X, _confidence((X["keep_outside"] if i < first else X["keep_after"]) - c, 0.72),
                                     f"Looks like furniture {where} the main text: "
                                     f"{_describe(ev) or 'no body-text evidence'}; score {c:+.1f}.", blocks))
    # A line with mojibake is judged on garbage (no stopwords, odd letters): leave it to the encoding
    # rule, and judge its repaired text in the pipeline's next pass. (Checked only where a verdict
    # fell: the check is not free.)
    return [v for v in verdicts if not (v.kind != "repeated" and metadata_near(v.index))
            and not _has_mojibake(lines[v.index].text)]


def _has_mojibake(line: str) -> bool:
    """Whether the encoding rule repairs something in the line (its cheap check first: most lines
    it flags, a © or a Cyrillic letter among Latin ones, need no repair and are judged as they are)."""
    return is_suspicious(line) and next(iter(repair_text(line)), None) is not None


def _reads_as_prose(f: LineFeatures | None) -> bool:
    """Running text: a sentence of ten words or more (or a long line cut short), not a list of links."""
    return (f is not None and (f.terminal and f.words >= 10 or f.words >= 25) and f.link_ratio < 0.2
            and not f.separators)


def _menu_walls(body: list[int], evidence: dict[int, Evidence], min_run: int) -> set[int]:
    """Lines of runs of at least `min_run` menu lines in a row (0: none)."""
    if min_run <= 0:
        return set()
    out: set[int] = set()
    run: list[int] = []
    for i in body + [None]:
        if i is not None and any(key == "menu_run" for key, _, _ in evidence[i]):
            run.append(i)
            continue
        if len(run) >= min_run:
            out.update(run)
        run = []
    return out


def _headline(f: LineFeatures) -> bool:
    """A teaser's headline, kicker, byline or date: a short line (four to twenty words) that is not
    running text nor a list of links."""
    return 4 <= f.words <= 20 and not f.terminal and not _reads_as_prose(f) and f.link_ratio < 0.3


def _listings(feats: list[LineFeatures | None], body: list[int], min_entries: int) -> dict[int, int]:
    """Lines in lists of teasers: `min_entries` or more entries in a row, each a single prose line
    (the summary) after a headline within three lines, with no other prose in between.

    Articles have this shape too (a subheading per paragraph), so the classifier uses it only
    outside the main text. Returns line -> number of entries of its list.
    """
    n = len(body)
    prose = [_reads_as_prose(feats[i]) for i in body]
    entries: list[tuple[int, int]] = []  # (summary position, headline position)
    for pos in range(n):
        if not prose[pos] or (pos + 1 < n and prose[pos + 1]):
            continue
        for q in range(pos - 1, max(-1, pos - 4), -1):
            if prose[q]:
                break
            if _headline(feats[body[q]]):
                entries.append((pos, q))
                break
    out: dict[int, int] = {}
    run: list[tuple[int, int]] = []
    for e in entries + [None]:
        if e is not None and (not run or run[-1][0] < e[1] <= run[-1][0] + 6):
            run.append(e)
            continue
        if len(run) >= min_entries:
            for k in range(run[0][1], run[-1][0] + 1):
                out[body[k]] = len(run)
        run = [e] if e is not None else []
    return out


def _prose_blocks(j: Judgement, min_run: int, min_words: float) -> set[int]:
    """Lines in a block of running text: `min_run` prose lines in a row, or one of `min_words` words.

    Outside the main text, such a block is a second article, a live-blog entry or a passage in
    another language, not a teaser (teasers come one or two sentences at a time, between headlines);
    the short lines that head it (title, byline, date) come with it.
    """
    body = [i for i, f in enumerate(j.features) if f is not None]
    out: set[int] = set()
    run: list[int] = []
    for i in body + [None]:
        if i is not None and _reads_as_prose(j.features[i]) and not (j.strong[i] or j.features[i].glued):
            run.append(i)
            continue
        if len(run) >= min_run:
            out.update(run)
            # Its heading, byline and date: up to three short lines right before it, without
            # strong furniture evidence, belong to it.
            pos = body.index(run[0])
            for k in reversed(body[max(0, pos - 3):pos]):
                if j.strong[k]:
                    break
                out.add(k)
        out.update(k for k in run if j.features[k].words >= min_words)
        run = []
    return out


class _LazyBlocks:
    """The lines of `_prose_blocks`, found when first asked for (most texts never ask)."""

    def __init__(self, j: Judgement, min_run: int, min_words: float) -> None:
        self._args = (j, min_run, min_words)
        self._lines: set[int] | None = None

    def __contains__(self, i: int) -> bool:
        if self._lines is None:
            self._lines = _prose_blocks(*self._args)
        return i in self._lines


def _outside(i: int, j: Judgement, X: dict[str, float], confidence: float, reason: str,
             blocks: _LazyBlocks | set[int]) -> Verdict:
    """A line outside the main text; inside a block of running text it is only proposed, because
    losing body text is worse than keeping a teaser."""
    if i in blocks:
        return Verdict(i, "classifier", min(confidence, X["outside_prose_confidence"]),
                       reason + " It is part of a block of running text, so it is only proposed.")
    return Verdict(i, "classifier", confidence, reason)


