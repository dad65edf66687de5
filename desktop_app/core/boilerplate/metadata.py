"""Metadata lines: bylines, photo credits, live-blog timestamps and contributor lines.

Each detector takes one line and returns a `MetaMatch` (the span to remove inside the line, what it
is, and why) or None. The patterns describe shapes, not particular names: a byline is "By" followed
by capitalised names, or in Japanese an outlet, の and names ending in より; a credit is a chain of
slash-separated names ending in a known agency (resources/boilerplate/agencies.txt); a timestamp is
a line made only of a time, a date, a time zone and words such as "Updated".
"""

from __future__ import annotations

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
    regex.IGNORECASE | regex.V1)
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
    regex.IGNORECASE | regex.V1)

_CONTRIBUTOR = [
    regex.compile(r"^.{2,120}?\s+(?:contributed|contributes)\s+(?:reporting|to\s+(?:this|the)\s+"
                  r"(?:report|post|story|article))(?:\s+to\s+(?:this|the)\s+(?:report|post|story|article))?\.?$",
                  regex.IGNORECASE | regex.V1),
    regex.compile(r"^(?:additional\s+)?reporting\s+(?:by|from)\s+.{2,120}$", regex.IGNORECASE | regex.V1),
    regex.compile(r"^.{2,80}?(?:が|も)(?:この|本)?(?:投稿|記事|報道|レポート)?(?:に|へ)?"
                  r"(?:レポートを)?(?:寄稿|取材に協力|取材協力|報道に協力)(?:しました|した)[。.]?$"),
]

# --- credits ---------------------------------------------------------------------------------------
_CREDIT_LINE = regex.compile(
    r"^(?:\(?(?:photo|photograph|image|picture|illustration|video|credit|photo\s+credit|image\s+credit|"
    r"source|foto|bild|写真|画像|提供|出典|撮影|图|图片|来源)\s*(?:by|:|：|/|／|\u00a9|©)\s*.{1,80}\)?)$",
    regex.IGNORECASE | regex.V1)
_SEG = r"[\p{L}\p{M}\p{N}・'’.\-&]+(?:[ \u3000][\p{L}\p{M}\p{N}・'’.\-&]+){0,4}"
# A chain "Name/Agency[/Agency]" (at least one slash) at the end of a caption line.
_TRAILING_CHAIN = regex.compile(
    r"(?:^|(?<=[\s。.!?！？」”\)]))\(?(?P<label>(?:photo(?:graph)?|image|picture|credit|写真|画像)\s*[:：]\s*)?"
    rf"(?P<chain>{_SEG}(?:\s*/\s*{_SEG})+)\)?\s*$", regex.V1 | regex.IGNORECASE)


@lru_cache(maxsize=1)
def agencies() -> frozenset[str]:
    """Known photo and news agencies (casefolded), from resources/boilerplate/agencies.txt."""
    text = resource_path("boilerplate", "agencies.txt").read_text(encoding="utf-8")
    return frozenset(unicodedata.normalize("NFKC", ln.strip()).casefold() for ln in text.splitlines()
                     if ln.strip() and not ln.startswith("#"))


def _is_agency(seg: str) -> bool:
    s = unicodedata.normalize("NFKC", seg).strip().casefold()
    if s in agencies():
        return True
    # "Getty Images for Xyz", "AFP via Getty Images", "Bloomberg/Getty Images" pieces.
    return any(s.startswith(a + " ") or s.endswith(" " + a) for a in agencies() if len(a) > 3)


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
_TIME_RE = regex.compile("|".join(f"(?:{p})" for p in _TIME_PARTS), regex.IGNORECASE | regex.V1)
_ZONES = (r"(?:[ECMP][SD]?T|GMT|UTC|BST|CET|CEST|JST|KST|IST|AEST|AEDT|HKT|SGT|MSK|ET|PT|CT|MT|"
          r"z|東部標準時|東部夏時間|日本時間|米東部時間|現地時間|中部標準時|太平洋標準時|グリニッジ標準時|北京时间)")
_FILLER = regex.compile(
    rf"(?:{_ZONES}|updated|last\s+updated|published|posted|first\s+published|modified|on|at|"
    r"更新|公開|配信|投稿|最終更新|更新日|公開日|投稿日|日時|发布|更新于|"
    r"aktualisiert|publié|mis\s+à\s+jour|actualizado|publicado|[(（][^)）]{0,12}[)）]|[\s,，、.。:：|/\-–—·•])+",
    regex.IGNORECASE | regex.V1)


def _timestamp(line: str) -> MetaMatch | None:
    s = unicodedata.normalize("NFKC", line).strip()
    if not s or len(s) > 80:
        return None
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
@lru_cache(maxsize=65536)
def detect(line: str) -> MetaMatch | None:
    """The metadata finding for one line, or None. Whole-line findings first, then a caption's credit."""
    s = line.strip()
    if not s or len(s) > 300:
        return None
    lead = len(line) - len(line.lstrip())
    whole = (lead, lead + len(s))
    if len(s) <= 160:
        norm = unicodedata.normalize("NFKC", s)
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
        ts = _timestamp(s)
        if ts:
            return MetaMatch("timestamp", *whole, ts.reason, ts.confidence)
        parts = [p for p in regex.split(r"\s*/\s*", norm) if p]
        if 1 <= len(parts) <= 4 and not regex.search(r"\p{L}{2}[.!?]\s", parts[0]) and _is_agency(parts[-1]) and all(len(x.split()) <= 5 and len(x) <= 40 for x in parts) and (
                len(parts) > 1 or norm.casefold() in agencies()):
            return MetaMatch("credit", *whole, f"Looks like a photo credit: {s!r}.", 0.85)
    return caption_credit(line)


def caption_credit(line: str) -> MetaMatch | None:
    """A trailing "Name/AGENCY" credit on a caption line: the span of the credit only."""
    m = _TRAILING_CHAIN.search(line)
    if not m:
        return None
    chain = m.group("chain")
    segs = [x.strip() for x in regex.split(r"\s*/\s*", chain)]
    if not any(_is_agency(x) for x in segs[1:]):
        return None
    # The chain may have swallowed the caption's last words ("... in Kyiv. Name/AFP"): the credit
    # starts after the first segment's last sentence end.
    first = segs[0]
    start = m.start("label") if m.group("label") else m.start("chain")
    if start > 0 and line[start - 1] == "(":
        start -= 1
    elif not m.group("label"):
        cut = list(regex.finditer(r"(?<=\p{L}{2}[.!?])\s+", first))
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
    if lead > 0 and lead < start and not regex.match(r"[\p{Han}\p{Hiragana}\p{Katakana}ー。、！？」』）]", line[lead - 1]):
        start = lead
    credit = line[start:].strip()
    return MetaMatch("caption-credit", start, len(line),
                     f"Looks like a photo credit at the end of a caption: {credit!r}.", 0.85)
