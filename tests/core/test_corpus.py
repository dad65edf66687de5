"""CorpusStats: per-document line counts for cross-document evidence, bounded in memory."""

from desktop_app.core.corpus import CorpusStats, line_key, normalize_line


def test_normalize_line_is_width_case_digit_and_space_insensitive():
    assert normalize_line("  Ｃｏｐｙｒｉｇｈｔ   2023  Example ") == "copyright 0 example"
    assert normalize_line("Page 3 of 12") == normalize_line("page 7 of 9")
    assert line_key("Share  this") == line_key("SHARE THIS")
    assert line_key("Share this") != line_key("Share that")


def test_counts_documents_not_occurrences():
    stats = CorpusStats()
    stats.add_document("Menu\nMenu\nA line of text.\n")
    stats.add_document("Menu\nAnother line.\n")
    assert stats.documents == 2
    assert stats.doc_count("Menu") == 2
    assert stats.doc_count("menu") == 2
    assert stats.doc_count("A line of text.") == 1
    assert stats.doc_count("never seen") == 0
    assert stats.doc_count_normalized(normalize_line("  MENU ")) == 2


def test_blank_lines_are_not_counted():
    stats = CorpusStats()
    stats.add_document("\n\n  \nText\n")
    assert stats.doc_count("   ") == 0


def test_merge_adds_counts():
    a, b = CorpusStats(), CorpusStats()
    a.add_document("Site name\nOne.\n")
    b.add_document("Site name\nTwo.\n")
    b.add_document("Site name\nThree.\n")
    a.merge(b)
    assert a.documents == 3
    assert a.doc_count("Site name") == 3
    assert a.doc_count("Two.") == 1


def test_memory_is_bounded_by_pruning_singletons():
    stats = CorpusStats(max_keys=50)
    for n in range(200):
        stats.add_document(f"Site name\nUnique line number {n} with words {'x' * (n % 7)} {chr(0x4e00 + n)}\n")
    assert len(stats.line_docs) <= 50 + 2
    assert stats.doc_count("Site name") == 200


def test_memory_stays_bounded_when_many_lines_repeat():
    # Every line but the site name is in exactly two documents: dropping singletons is not enough,
    # the rarest lines go next; the site name, in every document, stays with its full count.
    stats = CorpusStats(max_keys=40)
    for n in range(300):
        stats.add_document(f"Site name\nPaired line {n // 2}\nAnother pair {n // 2} here\n")
        assert len(stats.line_docs) <= 40
    assert stats.doc_count("Site name") == 300
    merged = CorpusStats(max_keys=40)
    for _ in range(3):
        merged.merge(stats)
    assert len(merged.line_docs) <= 40 and merged.doc_count("Site name") == 900


def _keys_line_by_line(text: str) -> set[int]:
    return {line_key(line) for line in text.splitlines() if line.strip()}


def test_document_keys_equal_the_keys_of_its_lines():
    from desktop_app.core.corpus import document_keys

    text = ("Ｃｏｐｙｒｉｇｈｔ 2023\r\nPage 3 of 12\n\n  \nİstanbul ß e\u0301\u2028Ⅻ ٣٤ x\x85tail\x1c"
            "\u3000\u3000\nCafé\u00a0Menu\x0bNext\x0c\n\u1680\n")
    assert document_keys(text) == _keys_line_by_line(text)
    assert document_keys("") == set()


def test_document_keys_every_bmp_character():
    # Whole-text normalization is only valid if no character's NFKC/casefold form creates, removes or
    # moves a line separator, or turns a blank line into a non-blank one (or back): every BMP character,
    # alone on a line, at a line's end and next to a digit.
    from desktop_app.core.corpus import document_keys

    chars = [chr(c) for c in range(0x10000) if not 0xD800 <= c <= 0xDFFF]
    for i in range(0, len(chars), 4096):
        chunk = chars[i:i + 4096]
        for text in ("\n".join(chunk), "x\n".join(chunk), "1".join(chunk)):
            assert document_keys(text) == _keys_line_by_line(text)
