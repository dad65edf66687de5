"""Per-line evidence for the boilerplate classifier, computed from the text alone (no HTML).

`line_features(lines)` returns one `LineFeatures` per line: length in words (CJK characters count as
half a word), terminal punctuation (Latin and CJK), stopword density per language (hiragana share for
Japanese, function characters for Chinese), letters against digits and symbols, title-case share,
URL/e-mail/handle density, menu separators, and whether the whole line is a listed phrase.
Context (neighbours, runs, position, repetition) is the classifier's job.

Speed: most lines of most texts are plain prose, and the classifier runs on every document of a
batch. So the text is NFKC-normalized once as a whole, and the rare kinds of evidence (links, menu
separators, legal and cookie wording, calls to action, photo captions) are looked for line by line
only when a test over the whole text (is a telling word among the text's words, is an "@" or a "|"
in it) shows the text can hold them at all. What every line needs (word and stopword counts, letters, title
case) uses C-speed `re` and `str` methods, and a line's features are cached by its text, since
furniture repeats across lines and documents.
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections import Counter
from functools import lru_cache
from itertools import chain
from typing import NamedTuple

import regex

from desktop_app.core.boilerplate.phrases import line_kinds
from desktop_app.core.corpus import normalize_line
from desktop_app.core.resources import resource_path
from desktop_app.core.textlines import Line

# A word: a letter or digit, then letters, digits, apostrophes and hyphens (stdlib re: \w without _).
_WORD = re.compile(r"[^\W_][\w'’\-]*")
# Han (with 々〆〇 and the extension planes), hiragana, katakana (with ー and the half-width forms).
_CJK_CLASS = "\u3005-\u3007\u3041-\u309f\u30a0-\u30fa\u30fc-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f\U00020000-\U0003134f"
_CJK = re.compile(f"[{_CJK_CLASS}]")
_HIRAGANA = re.compile("[\u3041-\u309f]")
_PUNCT = re.compile(r"[^\w\s'’\-]")
_ZH_FUNCTION = frozenset("的了是在和有我这他们也就不都而及与为之于其以被对从把但")
_LINK = regex.compile(r"(?:https?://|www\.)\S+|\b[\w.+-]+@[\w-]+\.[\w.]+\b|(?<![\w@])@\w{2,}|\b[\w-]+\.(?:com|org|net|"
                      r"co\.uk|de|fr|jp|io|gov|edu)\b(?:/\S*)?", regex.IGNORECASE)
# What every _LINK match contains (stdlib re, several times faster): _LINK runs only where it hits.
_LINK_HINT = re.compile(r"://|www\.|@|\.(?:com|org|net|co\.uk|de|fr|jp|io|gov|edu)\b", re.IGNORECASE)
# Sentence-final punctuation, possibly followed by closing quotes or brackets.
_FINAL = ".!?。！？…:;"
_CLOSERS = "\"'”’」』）)]"
_ELLIPSES = ("…", "...", "[…]", "[...]", "(…)", "(...)")
# A headline glued to the summary that follows it by a scraper ("Troy SteakhouseA party of six"):
# a lower-case letter, digit or closing punctuation directly followed by a capital that starts a
# word which lower-case words follow. Checked further in _glued (the part before must be a headline).
# (The glued word is a capitalised word or the single-letter "A" or "I": "3D Sound", "61W USB-C" and
# "GaN Wall" are names, not glue.)
_GLUE_HINT = regex.compile(r"[\p{Ll}\d)?!\"”](?=(?:[AI]|\p{Lu}\p{Ll}+)(?:\s+\p{Lu}\p{Ll}*){0,3},?\s+[\p{Ll}\d])", regex.V1)
_LEGAL_LEAD = re.compile(r"\s*(?:©|\(c\)\s*\d|copyright\b)", re.IGNORECASE)
# Cookie banners in the languages of the phrase lists (and Italian, Portuguese, Dutch).
_COOKIES = re.compile(
    r"\bcookies?\b.{0,80}\b(?:consent\w*|accept\w*|accett\w*|akzept\w*|acept\w*|agree|zustimm\w*|browsing|browser|"
    r"experience|esperienza|expérience|experiencia|erfahrung|ervaring|navigazione|navigation|navegación|navegação|"
    r"settings|einstellungen|impostazioni|paramètres|policy|richtlinie|website|webseite|site|sito|sitio)\b|"
    r"\b(?:use|uses|using|accept|enable|utilizziamo|usiamo|utilisons|utilise|verwenden|nutzen|usamos|utilizamos|"
    r"utiliza|gebruiken|gebruikt)\s+(?:of\s+|i\s+|des\s+|los\s+|as\s+|os\s+)?cookies?\b", re.IGNORECASE)
# Photo captions as news sites print them: a credit in brackets or after a slash at the end, "FILE
# PHOTO:", "Image caption", "Photo: …", people placed ("Jane Doe, left, and …"). Checked only in texts
# that have one of the words of _CAPTION_HINT.
_CAPTION_START = re.compile(r"(?:image (?:caption|copyright)\b|(?:photo|photograph|foto|image|picture)s?\s*"
                            r"(?::|by\b|credit\b|courtesy\b))", re.IGNORECASE)
_CAPTION_END = re.compile(r"(?:\((?:AP|AFP|Reuters|Getty|EPA|Xinhua|Photo|Foto)\b[^)]*\)|(?:/|\s)(?:AP|AFP|Reuters|"
                          r"Getty Images|EPA|Shutterstock)(?:\s+file)?|[\w.)]\s*(?:Photo |Image |Picture )?Credits?:"
                          r"\s*[^.!?:]{2,60})\s*$", re.IGNORECASE)
_CAPTION_IN = ("file photo", ", left,", ", right,", ", centre,", ", center,", ", second from left,",
               ", second from right,", "(l-r)", "(left to right)")
_CAPTION_HINT = ("credit", "credits", "photo", "photos", "photograph", "photographs", "image", "images",
                 "picture", "pictures", "foto", "fotos", "left", "right", "centre", "center", "l", "ap", "afp",
                 "reuters", "getty", "epa", "shutterstock", "xinhua")


def _caption(s: str) -> bool:
    """A photo caption as news sites print them: "Image caption …", "Photo: …" at the start, an agency
    credit in brackets or after a slash at the end, or "file photo", "X, left, and Y", "(L-R)"."""
    low = s.lower()
    return (_CAPTION_START.match(s) is not None or any(t in low for t in _CAPTION_IN)
            or _CAPTION_END.search(s[-80:]) is not None)


# Calls to action: newsletter, sign-up, app and shop prompts (only in short lines).
_CTA_PHRASES = ("subscribe", "sign up", "sign-up", "newsletter", "log in", "login", "register now",
                "download the app", "download our app", "follow us", "click here", "learn more", "buy now",
                "shop now", "get access", "free trial", "no thanks", "share this", "share on", "tap here")
_CTA = re.compile(r"\b(?:" + "|".join(map(re.escape, _CTA_PHRASES)) + r")\b", re.IGNORECASE)
# Menu and breadcrumb separators ("Home > News > Local", "About | Contact").
_SEPARATORS = re.compile(r"\s[|•·»›/>]\s|\s[|•·»›]|[|•·»›]\s|^\s*[|•·»›]")
# The longest normalized phrase (phrases.match_phrase) and section header (is_section_end,
# is_comment_header) compared; leading and trailing runs of non-letters that may be stripped.
_PHRASE_MAX_CHARS = 120
_HEADER_MAX_CHARS = 80
_EDGE_START = re.compile(r"[\W_]*")
_ASCII_LETTERS = str.maketrans("", "", string.ascii_letters)
# Repetition inside a document counts normalized keys of lines up to this long; longer lines are
# compared as they are (they repeat only as exact copies: a menu or a footer printed twice).
_KEY_MAX_WORDS = 15


class LineFeatures(NamedTuple):
    """What one line looks like on its own (a tuple: cheap to build for every line of a corpus).

    words:      Latin-script words plus half the CJK characters (a rough word count for any script).
    tokens:     the line's \\w-tokens (what the benchmark and stopword density count).
    stop_ratio: share of stopwords (best language), or the hiragana / function-character share for CJK.
    terminal:   ends like a sentence (. ! ? 。 ！ ？ … and closing quotes).
    link_ratio: share of the line's words that are inside URLs, e-mail addresses or @handles.
    alpha_ratio: letters among non-space characters.
    title_ratio: capitalised words among Latin words of three or more letters (0 when terminal: title
                case is evidence only in lines that do not end like a sentence).
    separators: menu separators (|, •, ·, », ›) between items.
    phrase:     the whole line is in the phrase lists.
    section_end: the line is a header that opens a post-article section ("Related stories", "Most read").
    comments:   the line opens a comment section ("12 Comments", "Leave a reply").
    cta:        a call to action in a short line (subscribe, sign up, click here, follow us, ...).
    caption:    a photo caption as news sites print them ("…, left, and …", "(AP Photo/…)", "FILE PHOTO:").
    legal:      copyright, cookie-consent or terms-of-use wording (resources/boilerplate/legal.txt).
    legal_lead: the line starts with a copyright sign or the word "Copyright", or talks about cookies.
                (Legal wording counts at any length: a page of terms of use still keeps its text,
                because inside the main text, or without one, only lines scoring very low go.)
    teaser:     ends with an ellipsis ("… […]").
    glued:      glues a headline to its summary, as scrapers do with teaser boxes ("…Troy SteakhouseA party
                of six left…"): title-case words, then without a space a capitalised word and running text.
    word_list:  a long line of bare words: no sentence end, hardly any punctuation or stopwords (a tag
                cloud, a keyword or category list).
    cjk:        CJK characters in the line.
    key:        the line as the batch counts it (corpus.normalize_line), for repetition in the document;
                lines of more than 15 words as they are (they repeat only as exact copies).
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
    glued: bool
    word_list: bool
    cta: bool
    caption: bool
    legal: bool
    legal_lead: bool
    cjk: int
    key: str


@lru_cache(maxsize=1)
def stopwords() -> dict[str, frozenset[str]]:
    """Function words per language, from resources/boilerplate/stopwords/LANG.txt."""
    out = {}
    for path in sorted(resource_path("boilerplate", "stopwords").glob("*.txt")):
        words = {w.strip().casefold() for w in path.read_text(encoding="utf-8").split() if w.strip()}
        out[path.stem] = frozenset(words)
    return out


@lru_cache(maxsize=1)
def _languages_of() -> dict[str, tuple[int, ...]]:
    """Stopword -> the languages (indexes) it is a stopword of: one lookup per token for all lists."""
    out: dict[str, list[int]] = {}
    for k, words in enumerate(stopwords().values()):
        for w in words:
            out.setdefault(w, []).append(k)
    return {w: tuple(v) for w, v in out.items()}


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
    langs = _languages_of()
    hits = list(filter(None, map(langs.get, map(str.casefold, tokens))))
    if not hits:
        return 0.0
    return max(Counter(chain.from_iterable(hits)).values()) / len(tokens)


class _Gates(NamedTuple):
    """Which rare kinds of evidence a text can hold at all (substring tests over the whole text)."""

    link: bool
    separator: bool
    legal: bool
    cookies: bool
    cta: bool
    caption: bool


_ALL_OPEN = _Gates(True, True, True, True, True, True)
_TLDS = tuple(f".{t}" for t in ("com", "org", "net", "co.uk", "de", "fr", "jp", "io", "gov", "edu"))
_SEPARATOR_CHARS = ("|", "•", "·", "»", "›", " / ", " > ")


@lru_cache(maxsize=1)
def _legal_literals() -> tuple[str, ...] | None:
    """The literal text each legal pattern starts with (lower case), or None when one starts with
    anything else (then every text is scanned)."""
    text = resource_path("boilerplate", "legal.txt").read_text(encoding="utf-8")
    out = []
    for raw in text.splitlines():
        p = raw.strip()
        if not p or p.startswith("#"):
            continue
        p = re.sub(r"^(?:\\b|\(\?<!\\w\))", "", p)
        m = re.match(r"(?:\\[()]|[^\\()\[\]{}?*+|.^$])+", p)
        if not m:
            return None
        lit = m.group().replace("\\(", "(").replace("\\)", ")")
        if m.end() < len(p) and p[m.end()] in "?*{":
            lit = lit[:-1]  # the last character is optional
        if not lit.strip():
            return None
        out.append(lit.lower())
    return tuple(out)


class _Gate:
    """A set of literals, tested against a text by their first words (one set of the text's words
    serves every gate) or, for literals without an ASCII word at their start, as substrings."""

    def __init__(self, literals: tuple[str, ...] | None) -> None:
        self.always = literals is None
        self.words: set[str] = set()
        self.substrings: list[str] = []
        for lit in literals or ():
            # The longest ASCII word that is complete in the literal (a space or a mark after it):
            # the literal can be in a text only if that word is one of the text's words.
            complete = [m.group() for m in _ASCII_WORD.finditer(lit)
                        if (m.end() < len(lit) and not lit[m.end()].isalnum()) or m.end() == len(lit) and lit.isascii()]
            if complete:
                self.words.add(max(complete, key=len))
            else:
                self.substrings.append(lit)

    def open(self, words: set[str], low: str) -> bool:
        return self.always or not self.words.isdisjoint(words) or any(t in low for t in self.substrings)


_ASCII_WORD = re.compile(r"[a-z0-9]+")
_TOKEN = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _gate_table() -> tuple[_Gate, ...]:
    return (_Gate(("@", "://", "www") + tuple(t.rsplit(".", 1)[-1] for t in _TLDS)),
            _Gate(_SEPARATOR_CHARS),
            _Gate(_legal_literals()),
            _Gate(("cookie", "cookies")),
            _Gate(_CTA_PHRASES),
            _Gate(_CAPTION_HINT))


def _gates(norm: str) -> _Gates:
    """Which rare checks can hit in this text: set and substring tests over the whole text."""
    low = norm.lower()
    words = set(_TOKEN.findall(low))
    return _Gates(*(g.open(words, low) for g in _gate_table()))


def _glued(s: str) -> bool:
    """A headline glued to its summary: before the glue four or more words, mostly capitalised;
    after it running text (mostly lower-case words)."""
    first = s.split(None, 4)[:4]
    if len(first) < 4 or sum(w[:1].isupper() or w[:1].isdigit() for w in first) < 3:
        return False  # a teaser's headline starts with capitalised words
    for m in _GLUE_HINT.finditer(s):
        head, tail = s[:m.end()], s[m.end():]
        words = _WORD.findall(head)
        long = [w for w in words if len(w) >= 3 and not w[0].isdigit()]
        if len(words) < 4 or not long or sum(w[0].isupper() for w in long) < 0.8 * len(long):
            continue
        rest = _WORD.findall(tail)[1:]
        if len(rest) >= 5 and sum(w[0].islower() for w in rest) >= 0.5 * len(rest):
            return True
    return False


def _bare_words(s: str, tokens: int) -> bool:
    """Hardly any punctuation between the words: at most one mark per eight words."""
    return len(_PUNCT.findall(s)) <= tokens / 8


def _terminal(s: str) -> bool:
    """Ends with sentence-final punctuation, possibly followed by closing quotes or brackets."""
    t = s.rstrip().rstrip(_CLOSERS)
    return bool(t) and t[-1] in _FINAL


def _ellipsis(s: str) -> bool:
    return s.rstrip().endswith(_ELLIPSES)


def _compute(s: str, g: _Gates) -> LineFeatures:
    """The features of the NFKC-normalized, stripped line `s`; `g` says which rare checks can hit."""
    tokens = _WORD.findall(s)
    cjk = 0 if s.isascii() else len(_CJK.findall(s))
    latin = [t for t in tokens if not _CJK.match(t)] if cjk else tokens
    words = len(latin) + cjk / 2
    has_link = g.link and _LINK_HINT.search(s) is not None
    if cjk > len(latin):
        hira = len(_HIRAGANA.findall(s))
        if hira:
            ratio = min(1.0, hira / cjk * 1.2)
        else:
            ratio = sum(map(_ZH_FUNCTION.__contains__, s)) / cjk * 3
    elif has_link:
        ratio = stop_ratio([t for t in _WORD.findall(_LINK.sub(" ", s)) if not _CJK.match(t)])
    else:
        ratio = stop_ratio(latin)
    # (a printable line's only whitespace is the plain space: count those instead of splitting)
    nonspace = len(s) - s.count(" ") if s.isprintable() else len("".join(s.split()))
    terminal = _terminal(s)
    caps = total = 0
    if not terminal:  # title case speaks only for lines that do not end like a sentence
        for w in latin:
            if len(w) >= 3 and not w[0].isdigit():
                total += 1
                caps += w[0].isupper()
    # Phrases and section headers are compared without spaces runs and edge decoration: a line
    # whose letters alone are longer than any listed phrase (120) or header (80) is none of them.
    core = nonspace - len(_EDGE_START.match(s).group()) - len(_EDGE_START.match(s[::-1]).group())
    letters = len(s) - len(s.translate(_ASCII_LETTERS)) if s.isascii() else sum(map(str.isalpha, s))
    link_words = sum(len(_WORD.findall(m.group())) for m in _LINK.finditer(s)) if has_link else 0
    cookies = g.cookies and _COOKIES.search(s) is not None
    legal = cookies or (g.legal and legal_pattern().search(s) is not None)
    phrase, section_end, comments = line_kinds(s, core <= _HEADER_MAX_CHARS) if core <= _PHRASE_MAX_CHARS else _NO_KINDS
    # (positional, in LineFeatures' field order: keyword arguments cost more than the tuple)
    return _new(LineFeatures, (
        words,
        len(tokens),
        min(1.0, ratio),
        terminal,
        min(1.0, link_words / max(1, len(tokens))),
        letters / nonspace if nonspace else 0.0,
        caps / total if total else 0.0,
        len(_SEPARATORS.findall(s)) if g.separator else 0,
        phrase,
        section_end,
        comments,
        _ellipsis(s),
        _glued(s),
        words >= 12 and not cjk and ratio < 0.15 and not terminal and _bare_words(s, len(tokens)),
        g.cta and words <= 25 and _CTA.search(s) is not None,
        g.caption and words >= 4 and _caption(s),
        legal,
        cookies or (legal and _LEGAL_LEAD.match(s) is not None),
        cjk,
        normalize_line(s) if words <= _KEY_MAX_WORDS else s,
    ))


_new = tuple.__new__
_NO_KINDS = (False, False, False)


# Features by normalized line. A closed gate only skips checks that could not hit, so the features
# of a line do not depend on the text around it and the cache is keyed by the line alone.
_CACHE: dict[str, LineFeatures] = {}
_CACHE_MAX = 65536


def _cached(s: str, g: _Gates) -> LineFeatures:
    f = _CACHE.get(s)
    if f is None:
        if len(_CACHE) >= _CACHE_MAX:
            _CACHE.clear()
        f = _CACHE[s] = _compute(s, g)
    return f


def features(text: str) -> LineFeatures:
    """The features of one line on its own."""
    return _cached(unicodedata.normalize("NFKC", text).strip(), _ALL_OPEN)


def line_features(lines: list[Line]) -> list[LineFeatures | None]:
    """Features of every line (None for blank lines): one normalization of the whole text and a few
    substring tests decide which checks can hit at all; lines seen before come from the cache."""
    joined = "\n".join([ln.text for ln in lines])
    norm = joined if joined.isascii() else unicodedata.normalize("NFKC", joined)
    normed = norm.split("\n")
    if len(normed) != len(lines):  # cannot happen (NFKC keeps line feeds), but never misalign
        return [None if ln.blank else features(ln.text) for ln in lines]
    g: _Gates | None = None
    out: list[LineFeatures | None] = []
    for raw in normed:
        s = raw.strip()
        if not s:
            out.append(None)
            continue
        f = _CACHE.get(s)
        if f is None:
            if g is None:
                g = _gates(norm)
            f = _cached(s, g)
        out.append(f)
    return out
