"""Metadata lines: bylines, photo credits, live-blog timestamps and contributor lines.

Each detector takes one line and returns a `MetaMatch` (the span to remove inside the line, what it
is, and why) or None. The patterns describe shapes, not particular names: a byline is "By" followed
by capitalised names, or in Japanese an outlet, の and names ending in より; a credit is a chain of
slash-separated names ending in a known agency (resources/boilerplate/agencies.txt); a timestamp is
a line made only of a time, a date, a time zone and words such as "Updated".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import regex

from desktop_app.core.resources import resource_path


@dataclass(frozen=True, slots=True)
class MetaMatch:
    """A metadata finding inside one line: [start, end) relative to the line."""

    kind: str  # byline, credit, caption-credit, timestamp, contributor
    start: int
    end: int
    reason: str
    confidence: float


# The patterns are `regex` VERSION0 with IGNORECASE: VERSION1's full case folding (ß = ss) makes
# them many times slower, and matters to none of them (lines are NFKC-normalized first).
# --- names -----------------------------------------------------------------------------------------
# A personal name in Latin script: 1-4 capitalised words, initials and particles allowed.
_NAME_WORD = r"(?:\p{Lu}[\p{L}'’\-]*\.?|(?:de|da|van|von|der|del|la|le|bin|al|el)(?=\s))"
_NAME = rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,4}}"
_NAMES = rf"{_NAME}(?:\s*(?:,|and|&|with)\s*{_NAME}){{0,5}}"
# Script-independent: a name in CJK (kanji, kana incl. the middle dot) or Latin letters.
_CJK_NAME = r"[\p{Han}\p{Katakana}\p{Hiragana}ー・･\p{Latin}\s]{1,25}?"

_BYLINE = regex.compile(
    rf"^(?:by|written\s+by|words\s+by|story\s+by|posted\s+by|author|text|reporting\s+by|"
    rf"compiled\s+by|interview\s+by|von|par|por|di)\s*:?\s+(?P<names>{_NAMES})"
    r"(?:\s*(?:,|\||-|–|—|/|for)\s*(?P<outlet>[\p{Lu}\p{N}][\p{L}\p{N}&.'’ ]{0,40}))?"
    r"(?:\s*[,|·•]?\s*(?:updated|published|posted)?\s*.{0,40}\d{4}.{0,20})?\.?$",
    regex.IGNORECASE)
# Japanese wire-style bylines: "CNNのXXとYYより", "（ロイター）山田太郎記者", "文：山田太郎", "取材・文／…".
_BYLINE_JA = [
    regex.compile(rf"^[\p{{Latin}}\p{{Han}}\p{{Katakana}}ー]{{2,20}}の{_CJK_NAME}(?:(?:と|、|及び){_CJK_NAME})*より[。.]?$"),
    regex.compile(rf"^(?:文|記者|取材|執筆|取材・文|文・写真|写真・文|筆者|著者)\s*[：:／/]\s*{_CJK_NAME}(?:記者)?$"),
    regex.compile(rf"^{_CJK_NAME}記者$"),
]
# "Reporting by A; Editing by B" (wire agencies).
_WIRE_CREDITS = regex.compile(
    r"^(?:\(?(?:additional\s+)?(?:reporting|writing|editing|research|graphics|photos?)\s+by\s+[^;]{2,80}"
    r"(?:;\s*(?:additional\s+)?(?:reporting|writing|editing|research|graphics|photos?)\s+by\s+[^;]{2,80})*\)?\.?)$",
    regex.IGNORECASE)

_CONTRIBUTOR = [
    regex.compile(r"^.{2,120}?\s+(?:contributed|contributes)\s+(?:reporting|to\s+(?:this|the)\s+"
                  r"(?:report|post|story|article))(?:\s+to\s+(?:this|the)\s+(?:report|post|story|article))?\.?$",
                  regex.IGNORECASE),
    regex.compile(r"^(?:additional\s+)?reporting\s+(?:by|from)\s+.{2,120}$", regex.IGNORECASE),
    regex.compile(r"^.{2,80}?(?:が|も)(?:この|本)?(?:投稿|記事|報道|レポート)?(?:に|へ)?"
                  r"(?:レポートを)?(?:寄稿|取材に協力|取材協力|報道に協力)(?:しました|した)[。.]?$"),
]

# --- credits ---------------------------------------------------------------------------------------
_CREDIT_LINE = regex.compile(
    r"^(?:\(?(?:photo|photograph|image|picture|illustration|video|credit|photo\s+credit|image\s+credit|"
    r"source|foto|bild|写真|画像|提供|出典|撮影|图|图片|来源)\s*(?:by|:|：|/|／|\u00a9|©)\s*.{1,80}\)?)$",
    regex.IGNORECASE)
_SEG = r"[\p{L}\p{M}\p{N}・'’.\-&]+(?:[ \u3000][\p{L}\p{M}\p{N}・'’.\-&]+){0,4}"
# A chain "Name/Agency[/Agency]" (at least one slash) at the end of a caption line.
_TRAILING_CHAIN = regex.compile(
    r"(?:^|(?<=[\s。.!?！？」”\)]))\(?(?P<label>(?:photo(?:graph)?|image|picture|credit|写真|画像)\s*[:：]\s*)?"
    rf"(?P<chain>{_SEG}(?:\s*/\s*{_SEG})+)\)?\s*$", regex.IGNORECASE)


@lru_cache(maxsize=1)
def agencies() -> frozenset[str]:
    """Known photo and news agencies (casefolded), from resources/boilerplate/agencies.txt."""
    text = resource_path("boilerplate", "agencies.txt").read_text(encoding="utf-8")
    return frozenset(unicodedata.normalize("NFKC", ln.strip()).casefold() for ln in text.splitlines()
                     if ln.strip() and not ln.startswith("#"))


@lru_cache(maxsize=1)
def _long_agencies() -> frozenset[str]:
    return frozenset(a for a in agencies() if len(a) > 3)


def _is_agency(seg: str) -> bool:
    s = unicodedata.normalize("NFKC", seg).strip().casefold()
    if s in agencies():
        return True
    # "Getty Images for Xyz", "AFP via Getty Images", "Bloomberg/Getty Images" pieces: an agency's
    # name before or after a space (set lookups of the pieces, not a scan of the list).
    if " " not in s:
        return False
    long = _long_agencies()
    p = s.find(" ")
    while p >= 0:
        if s[:p] in long or s[p + 1:] in long:
            return True
        p = s.find(" ", p + 1)
    return False


# --- timestamps ------------------------------------------------------------------------------------
_MONTHS = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
           r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_DAYS = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
_TIME_PARTS = [
    r"\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?\s?m\.?)?",          # 12:40, 12:40 p.m.
    r"\d{1,2}\s*[ap]\.?\s?m\.?",                                    # 3 pm
    r"(?:午前|午後)?\s*\d{1,2}\s*時(?:\s*\d{1,2}\s*分)?(?:\s*\d{1,2}\s*秒)?",  # 午後12時40分
    r"\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?(?:\s*[（(][月火水木金土日][)）])?",  # 2023 年 8 月 30 日
    r"\d{1,2}\s*月\s*\d{1,2}\s*日(?:\s*[（(][月火水木金土日][)）])?",
    r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:t\d{2}:\d{2}(?::\d{2})?(?:z|[+-]\d{2}:?\d{2})?)?",
    r"\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}",
    rf"{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?,?(?:\s+\d{{4}})?",
    rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS},?(?:\s+\d{{4}})?",
    rf"{_MONTHS}\s+\d{{4}}",
    _DAYS,
    r"\d{4}",
]
_TIME_RE = regex.compile("|".join(f"(?:{p})" for p in _TIME_PARTS), regex.IGNORECASE)
_ZONES = (r"(?:[ECMP][SD]?T|GMT|UTC|BST|CET|CEST|JST|KST|IST|AEST|AEDT|HKT|SGT|MSK|ET|PT|CT|MT|"
          r"z|東部標準時|東部夏時間|日本時間|米東部時間|現地時間|中部標準時|太平洋標準時|グリニッジ標準時|北京时间)")
_FILLER = regex.compile(
    rf"(?:{_ZONES}|updated|last\s+updated|published|posted|first\s+published|modified|on|at|"
    r"更新|公開|配信|投稿|最終更新|更新日|公開日|投稿日|日時|发布|更新于|"
    r"aktualisiert|publié|mis\s+à\s+jour|actualizado|publicado|[(（][^)）]{0,12}[)）]|[\s,，、.。:：|/\-–—·•])+",
    regex.IGNORECASE)


def _timestamp(line: str) -> MetaMatch | None:
    s = unicodedata.normalize("NFKC", line).strip()
    if not s or len(s) > 80:
        return None
    if _HIRAGANA.search(s) and "(" not in s and "（" not in s:
        return None  # no time, date or filler word has hiragana (a bracketed note may)
    times = list(_TIME_RE.finditer(s))
    if not times:
        return None
    rest = _TIME_RE.sub(" ", s)
    rest = _FILLER.sub("", rest)
    if rest:
        return None
    # A bare year or a bare weekday is not a timestamp; a clock time or a full date is.
    strong = any(regex.search(r"\d[:.時]\d|[ap]\.?\s?m\b|\d\s*日|\d{4}[-/.]\d|\d\s*月|\d{1,2},?\s+\d{4}|"
                              rf"{_MONTHS}\s+\d|\d\s+{_MONTHS}", m.group(), regex.IGNORECASE) for m in times)
    if not strong:
        return None
    return MetaMatch("timestamp", 0, len(line), f"Looks like a live-blog timestamp: {line.strip()!r}.", 0.85)


# --- detectors -------------------------------------------------------------------------------------
# What a line must hold for any whole-line detector below to match (a cheap superset test, stdlib
# re): a word bylines, wire credits, contributor and credit lines start with (followed by what
# follows it there: a space, a colon, a slash, ©, "by"), 寄稿し, 協力し, より or 記者 anywhere. Beyond
# that only a short line with a digit (every timestamp has one), a slash (an agency chain) or an
# agency's name can be one: most lines (prose, headings, menu items) are none.
_WHOLE_HINT = re.compile(
    r"^\(?\s*(?:(?:by|written|words|story|posted|author|text|reporting|compiled|interview|von|par|por|di|"
    r"additional|writing|editing|research|graphics|photos?|photograph|image|picture|illustration|video|credit|"
    r"source|foto|bild)(?=[\s:：/／©]|by)|文|記者|取材|執筆|筆者|著者|写真|画像|提供|出典|撮影|图|来源)",
    re.IGNORECASE)
_WHOLE_IN = ("より", "記者", "寄稿し", "協力し")
_DIGIT = re.compile(r"\d")
_HIRAGANA = re.compile("[\u3041-\u309f]")
_SLASHES = regex.compile(r"\s*/\s*")
# What follows the last slash of a trailing credit chain: one segment, a bracket, spaces.
_SENTENCE_CUT = regex.compile(r"(?<=\p{L}{2}[.!?])\s+")
_CJK_BEFORE = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}ー。、！？」』）]")
_WS_RUN = re.compile(r"\s+")
_CHAIN_TAIL = regex.compile(rf"\s*{_SEG}\)?\s*")
_SENTENCE_IN = regex.compile(r"\p{L}{2}[.!?]\s")


def _may_be_whole(norm: str) -> bool:
    """Whether any whole-line detector can match the normalized line (False: none can)."""
    return ("/" in norm or _WHOLE_HINT.match(norm) is not None or "contribut" in norm.lower()
            or (len(norm) <= 80 and _DIGIT.search(norm) is not None) or norm.casefold() in agencies()
            or (not norm.isascii() and any(t in norm for t in _WHOLE_IN)))


@lru_cache(maxsize=65536)
def detect(line: str) -> MetaMatch | None:
    """The metadata finding for one line, or None. Whole-line findings first, then a caption's credit."""
    s = line.strip()
    if not s or len(s) > 300:
        return None
    lead = len(line) - len(line.lstrip())
    whole = (lead, lead + len(s))
    if len(s) <= 160:
        norm = s if s.isascii() else unicodedata.normalize("NFKC", s)
        if not _may_be_whole(norm):
            return caption_credit(line)
        for p in _CONTRIBUTOR:
            if p.match(norm):
                return MetaMatch("contributor", *whole, f"Looks like a contributor line: {s!r}.", 0.85)
        if _WIRE_CREDITS.match(norm):
            return MetaMatch("contributor", *whole, f"Looks like a wire agency's credits: {s!r}.", 0.85)
        m = _BYLINE.match(norm)
        if m and len(norm.split()) <= 16:
            return MetaMatch("byline", *whole, f"Looks like a byline: {s!r}.", 0.85)
        if any(p.match(norm) for p in _BYLINE_JA):
            return MetaMatch("byline", *whole, f"Looks like a byline: {s!r}.", 0.8)
        if _CREDIT_LINE.match(norm):
            return MetaMatch("credit", *whole, f"Looks like a photo credit: {s!r}.", 0.85)
        ts = _timestamp(s) if _DIGIT.search(norm) else None  # (every timestamp has a digit)
        if ts:
            return MetaMatch("timestamp", *whole, ts.reason, ts.confidence)
        parts = [p for p in _SLASHES.split(norm) if p] if "/" in norm else [norm]
        # (cheapest tests first: a single piece must be an agency's name itself)
        if 1 <= len(parts) <= 4 and (len(parts) > 1 or norm.casefold() in agencies()) and all(
                len(x.split()) <= 5 and len(x) <= 40 for x in parts) and _is_agency(parts[-1]) and (
                not _SENTENCE_IN.search(parts[0])):
            return MetaMatch("credit", *whole, f"Looks like a photo credit: {s!r}.", 0.85)
    return caption_credit(line)


def caption_credit(line: str) -> MetaMatch | None:
    """A trailing "Name/AGENCY" credit on a caption line: the span of the credit only."""
    slash = line.rfind("/")
    if slash < 0 or _CHAIN_TAIL.fullmatch(line, slash + 1) is None:
        return None  # the chain has a slash, and after the last one only its last name or agency
    # The match starts at most a label and five words (nine whitespace runs, to spare) before the
    # line's first slash: searching from there finds the same match without trying every word of a
    # long caption (the pattern is slow to fail).
    runs = [r.end() for r in _WS_RUN.finditer(line, 0, line.find("/"))]
    m = _TRAILING_CHAIN.search(line, runs[-9] if len(runs) >= 9 else 0)
    if not m:
        return None
    chain = m.group("chain")
    segs = [x.strip() for x in _SLASHES.split(chain)]
    if not any(_is_agency(x) for x in segs[1:]):
        return None
    # The chain may have swallowed the caption's last words ("... in Kyiv. Name/AFP"): the credit
    # starts after the first segment's last sentence end.
    first = segs[0]
    start = m.start("label") if m.group("label") else m.start("chain")
    if start > 0 and line[start - 1] == "(":
        start -= 1
    elif not m.group("label"):
        cut = list(_SENTENCE_CUT.finditer(first))
        if cut:
            start = m.start("chain") + cut[-1].end()
            first = first[cut[-1].end():]
    if not line[:start].strip() or not first or len(first.split()) > 4:
        return None
    # The spaces before the credit go with it, except after CJK text: there a space between
    # sentences is the spacing rule's to remove, and an edit here must not overlap that rule's edits.
    lead = start
    while lead > 0 and line[lead - 1] in " \t":
        lead -= 1
    if lead > 0 and lead < start and not _CJK_BEFORE.match(line[lead - 1]):
        start = lead
    credit = line[start:].strip()
    return MetaMatch("caption-credit", start, len(line),
                     f"Looks like a photo credit at the end of a caption: {credit!r}.", 0.85)
