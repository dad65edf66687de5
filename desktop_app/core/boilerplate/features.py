"""Per-line evidence for the boilerplate classifier, computed from the text alone (no HTML).

`line_features(lines)` returns one `LineFeatures` per line: length in words (CJK characters count as
half a word), terminal punctuation (Latin and CJK), stopword density per language (hiragana share for
Japanese, function characters for Chinese), letters against digits and symbols, title-case share,
URL/e-mail/handle density, menu separators, and whether the whole line is a listed phrase.
Context (neighbours, runs, position, repetition) is the classifier's job.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import regex

from desktop_app.core.boilerplate.phrases import is_comment_header, is_section_end, match_phrase
from desktop_app.core.resources import resource_path
from desktop_app.core.textlines import Line

_WORD = regex.compile(r"[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}'’\-]*", regex.V1)
_LATIN_WORD = regex.compile(r"[\p{Latin}\p{Greek}\p{Cyrillic}\p{Hangul}\p{N}][\p{L}\p{M}\p{N}'’\-]*", regex.V1)
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}ー]")
_HIRAGANA = regex.compile(r"\p{Hiragana}")
_ZH_FUNCTION = set("的了是在和有我这他们也就不都而及与为之于其以被对从把但")
_LINK = regex.compile(r"(?:https?://|www\.)\S+|\b[\w.+-]+@[\w-]+\.[\w.]+\b|(?<![\w@])@\w{2,}|\b[\w-]+\.(?:com|org|net|"
                      r"co\.uk|de|fr|jp|io|gov|edu)\b(?:/\S*)?", regex.IGNORECASE)
# What every _LINK match contains (stdlib re, several times faster): _LINK runs only where it hits.
_LINK_HINT = re.compile(r"://|www\.|@|\.(?:com|org|net|co\.uk|de|fr|jp|io|gov|edu)\b", re.IGNORECASE)
# Sentence-final punctuation, possibly followed by closing quotes or brackets.
_TERMINAL = regex.compile(r"[.!?。！？…:;](?:[\"'”’」』）)\]]*)\s*$")
_ELLIPSIS_END = regex.compile(r"(?:…|\.\.\.|\[(?:…|\.\.\.)\]|\((?:…|\.\.\.)\))\s*$")
# A headline glued to the summary that follows it by a scraper ("Troy SteakhouseA party of six").
_GLUED = regex.compile(r"[\p{Ll}\d](?:The|A|An|In|On|At|For|It|This|When|After|If|As|Police|Officials)\s\p{Ll}",
                       regex.V1)
_LEGAL_LEAD = regex.compile(r"\s*(?:©|\(c\)\s*\d|copyright\b)", regex.IGNORECASE)
_COOKIES = regex.compile(r"\bcookies?\b.{0,80}\b(?:consent|accept|agree|browsing|browser|experience|settings|policy|website|site)\b|"
                         r"\b(?:use|uses|using|accept|enable)\s+(?:of\s+)?cookies\b", regex.IGNORECASE)
# Calls to action: newsletter, sign-up, app and shop prompts (only in short lines).
_CTA = regex.compile(r"\b(?:subscribe|sign up|sign-up|newsletter|log in|login|register now|download (?:the|our) app|"
                     r"follow us|click here|learn more|buy now|shop now|get access|free trial|no thanks|"
                     r"share (?:this|on)|tap here)\b", regex.IGNORECASE)
_SEPARATORS = regex.compile(r"\s[|•·»›/]\s|\s[|•·»›]|[|•·»›]\s|^\s*[|•·»›]")


@dataclass(frozen=True, slots=True)
class LineFeatures:
    """What one line looks like on its own.

    words:      Latin-script words plus half the CJK characters (a rough word count for any script).
    tokens:     the line's \\w-tokens (what the benchmark and stopword density count).
    stop_ratio: share of stopwords (best language), or the hiragana / function-character share for CJK.
    terminal:   ends like a sentence (. ! ? 。 ！ ？ … and closing quotes).
    link_ratio: share of the line's words that are inside URLs, e-mail addresses or @handles.
    alpha_ratio: letters among non-space characters.
    title_ratio: capitalised words among Latin words of three or more letters.
    separators: menu separators (|, •, ·, », ›) between items.
    phrase:     the whole line is in the phrase lists.
    section_end: the line is a header that opens a post-article section ("Related stories", "Most read").
    comments:   the line opens a comment section ("12 Comments", "Leave a reply").
    cta:        a call to action in a short line (subscribe, sign up, click here, follow us, ...).
    legal:      copyright, cookie-consent or terms-of-use wording (resources/boilerplate/legal.txt).
    legal_lead: the line starts with a copyright sign or the word "Copyright", or talks about cookies
                (legal wording that counts at any length; other legal wording only in short lines,
                since a page of terms of use is itself the main text).
    teaser:     ends with an ellipsis ("… […]"), or glues a headline to its summary ("…SteakhouseA party").
    """

    words: float
    tokens: int
    stop_ratio: float
    terminal: bool
    link_ratio: float
    alpha_ratio: float
    title_ratio: float
    separators: int
    phrase: bool
    section_end: bool
    comments: bool
    teaser: bool
    cta: bool
    legal: bool
    legal_lead: bool
    cjk: int


@lru_cache(maxsize=1)
def stopwords() -> dict[str, frozenset[str]]:
    """Function words per language, from resources/boilerplate/stopwords/LANG.txt."""
    out = {}
    for path in sorted(resource_path("boilerplate", "stopwords").glob("*.txt")):
        words = {w.strip().casefold() for w in path.read_text(encoding="utf-8").split() if w.strip()}
        out[path.stem] = frozenset(words)
    return out


@lru_cache(maxsize=1)
def legal_pattern() -> regex.Pattern:
    """One alternation of the legal and consent patterns in resources/boilerplate/legal.txt."""
    text = resource_path("boilerplate", "legal.txt").read_text(encoding="utf-8")
    parts = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return regex.compile("|".join(f"(?:{p})" for p in parts), regex.IGNORECASE | regex.V1)


def stop_ratio(tokens: list[str]) -> float:
    """The largest share of `tokens` that are stopwords of one language."""
    if not tokens:
        return 0.0
    low = [t.casefold() for t in tokens]
    return max((sum(map(sw.__contains__, low)) / len(low) for sw in stopwords().values()), default=0.0)


@lru_cache(maxsize=65536)
def features(text: str) -> LineFeatures:
    """The features of one line (cached: page furniture repeats across lines and documents)."""
    return _features(text)


def _features(text: str) -> LineFeatures:
    s = unicodedata.normalize("NFKC", text).strip()
    has_link = _LINK_HINT.search(s) is not None
    cjk_chars = _CJK.findall(s)
    latin = _LATIN_WORD.findall(s)
    words = len(latin) + len(cjk_chars) / 2
    tokens = _WORD.findall(s)
    if len(cjk_chars) > len(latin):
        hira = len(_HIRAGANA.findall(s))
        if hira:
            ratio = min(1.0, hira / len(cjk_chars) * 1.2)
        else:
            ratio = sum(c in _ZH_FUNCTION for c in cjk_chars) / len(cjk_chars) * 3
    else:
        ratio = stop_ratio(_LATIN_WORD.findall(_LINK.sub(" ", s) if has_link else s))
    link_words = sum(len(_WORD.findall(m.group())) for m in _LINK.finditer(s)) if has_link else 0
    nonspace = [c for c in s if not c.isspace()]
    alpha = sum(c.isalpha() for c in nonspace) / len(nonspace) if nonspace else 0.0
    long_words = [w for w in latin if len(w) >= 3 and not w[0].isdigit()]
    title = sum(w[0].isupper() for w in long_words) / len(long_words) if long_words else 0.0
    cookies = _COOKIES.search(s) is not None
    return LineFeatures(
        words=words,
        tokens=len(tokens),
        stop_ratio=min(1.0, ratio),
        terminal=bool(_TERMINAL.search(s)),
        link_ratio=min(1.0, link_words / max(1, len(tokens))),
        alpha_ratio=alpha,
        title_ratio=title,
        separators=len(_SEPARATORS.findall(s)),
        phrase=match_phrase(s) is not None,
        section_end=is_section_end(s),
        comments=is_comment_header(s),
        teaser=bool(_ELLIPSIS_END.search(s) or _GLUED.search(s)),
        cta=words <= 25 and _CTA.search(s) is not None,
        legal=bool(legal_pattern().search(s) or cookies),
        legal_lead=bool(_LEGAL_LEAD.match(s) or cookies),
        cjk=len(cjk_chars),
    )


def line_features(lines: list[Line]) -> list[LineFeatures | None]:
    """Features of every line (None for blank lines)."""
    return [None if ln.blank else features(ln.text) for ln in lines]
