"""Notices: findings that change nothing but deserve a look (truncation, a paragraph in another language)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import regex

from desktop_app.core.edits import Notice
from desktop_app.core.language import LANGUAGE_NAMES, guess_language, scripts_present
from desktop_app.core.textlines import iter_lines, paragraphs

from . import rule

# What a complete sentence or paragraph may end with: terminal punctuation, optionally followed by
# closing quotes or brackets.
_COMPLETE = regex.compile(r"[.!?。！？…‼⁇;:)\]）」』】〕\"'”’»›—–]\s*$")
_WORD = regex.compile(r"\w+")
_CJK = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")


def _prose(s: str) -> bool:
    """Long enough to be a sentence of body text rather than a heading, label or menu item."""
    return len(_CJK.findall(s)) >= 20 or len(_WORD.findall(s)) >= 10


@rule("notice", "notice",
      "Reports, without changing anything, a last paragraph that ends mid-sentence (truncated text) and "
      "paragraphs in a different language from the rest.",
      order=100,
      sub_rules={
          "notice.truncated": "the last paragraph of prose ends without sentence-final punctuation",
          "notice.language": "a paragraph whose language differs from most of the text",
      })
def notices(text: str, ctx) -> Iterator[Notice]:
    lines = list(iter_lines(text))
    # Truncation: the last line that reads as prose (short trailing lines are furniture or labels).
    for line in reversed(lines):
        if line.blank or not _prose(line.text):
            continue
        if not _COMPLETE.search(line.text):
            tail = line.text.strip()[-30:]
            yield Notice(line.start, line.end, "notice.truncated", "notice",
                         f"The last paragraph ends mid-sentence (“…{tail}”): the text may be truncated.")
        break

    # Language: paragraphs whose guess differs from the language holding most of the letters.
    paras = paragraphs(lines)
    guesses = []
    weight: Counter[str] = Counter()
    present = scripts_present(text)
    for para in paras:
        # The paragraph's stretch of the text: its line breaks (and any \r) are neither letters nor
        # word characters, so this reads as its lines joined.
        lang, n = guess_language(text[para[0].start:para[-1].end], present)
        guesses.append((para, lang, n))
        if lang:
            # A CJK character carries about as much as a word of three or four letters.
            weight[lang] += n * 3 if lang in ("ja", "zh", "ko") else n
    if len(weight) < 2:
        return
    main, main_n = weight.most_common(1)[0]
    if main_n < 0.6 * sum(weight.values()):
        return
    for para, lang, n in guesses:
        if lang and lang != main and n >= 40 and not (lang == "latin" or main == "latin"):
            yield Notice(para[0].start, para[-1].end, "notice.language", "notice",
                         f"This paragraph looks {LANGUAGE_NAMES.get(lang, lang)} while most of the text is "
                         f"{LANGUAGE_NAMES.get(main, main)}.")
