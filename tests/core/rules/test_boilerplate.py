"""Boilerplate rule: phrase lists, user phrases and patterns, and the user's real sample."""

import pytest

from desktop_app.core import analyze, clean_text, default_profile
from desktop_app.core.boilerplate import match_phrase, normalize_phrase, validate_pattern
from desktop_app.core.boilerplate.user_rules import UserRules
from desktop_app.core.textlines import deletion_span, split_lines

BODY = "The council met on Monday and voted to close the park for the winter season.\n"


@pytest.mark.parametrize("line", [
    "Related Articles", "RELATED ARTICLES", "» Related articles:", "Back to top ↑", "Share this article",
    "Follow us on Twitter", "Sign up for our newsletter", "Advertisement", "We use cookies",
    "関連記事", "ページの先頭へ", "ページの先頭へ戻る", "ｼｪｱ", "【関連記事】", "Ａｄｖｅｒｔｉｓｅｍｅｎｔ",
    "Ähnliche Artikel", "Artículos relacionados", "相关文章", "12 Comments", "© 2023 Example Media Ltd.",
])
def test_listed_phrases_match_whole_lines(line):
    assert match_phrase(line) is not None


@pytest.mark.parametrize("line", [
    "Related articles were published in the journal last year.",
    "Share prices fell sharply on Monday.",
    "関連記事によると、政府は新たな方針を発表した。",
    "Cookies are small files that a site stores on your computer, as the article explains.",
])
def test_phrases_do_not_match_inside_sentences(line):
    assert match_phrase(line) is None


def test_normalization_is_width_and_case_insensitive():
    assert normalize_phrase("ＲＥＬＡＴＥＤ　Ａｒｔｉｃｌｅｓ：") == "related articles"


def test_phrase_lines_are_deleted_with_their_line_break():
    text = "Related Articles\n" + BODY + "Back to top\n"
    assert clean_text(text) == BODY
    edits = [e for e in analyze(text) if e.category == "boilerplate"]
    assert edits and all(e.confidence >= 0.9 and e.rule == "boilerplate.phrase" for e in edits)
    assert all("listed phrase" in e.reason for e in edits)


def test_last_line_without_newline_takes_the_previous_break():
    text = BODY + "Back to top button"
    lines = split_lines(text)
    assert deletion_span(text, lines[-1]) == (len(BODY) - 1, len(text))
    assert clean_text(text) == BODY.rstrip("\n")


def test_user_phrases_and_patterns_from_the_profile():
    profile = default_profile().replace(phrases=("Subscribe to our podcast",), patterns=(r"^Sponsored by \w+$",))
    text = "SUBSCRIBE TO OUR PODCAST\n" + BODY + "Sponsored by Acme\n"
    assert clean_text(text, profile) == BODY
    rules = {e.rule for e in analyze(text, profile)}
    assert {"boilerplate.user-phrase", "boilerplate.user-pattern"} <= rules


def test_validate_pattern_reports_errors():
    assert validate_pattern(r"^Photo: .*$") is None
    assert "Invalid regular expression" in validate_pattern("(unclosed")
    assert "empty" in validate_pattern("")
    assert "matches an empty line" in validate_pattern("x*")


def test_catastrophic_pattern_times_out_instead_of_hanging():
    rules = UserRules.from_profile([], [r"^(a|aa)+$"])
    assert rules.match("a" * 40 + "b") is None
    assert rules.errors and "timed out" in rules.errors[0]


def test_bad_patterns_are_skipped_with_an_error():
    rules = UserRules.from_profile([], ["(unclosed", r"^ok$"])
    assert rules.match("ok") == ("pattern", r"^ok$")
    assert len(rules.errors) == 1


def test_user_sample_furniture_removed_and_body_kept(user_sample):
    cleaned = clean_text(user_sample)
    assert "Related Articles" not in cleaned
    assert "Back to top button" not in cleaned
    kept = set(cleaned.splitlines())
    furniture = {"Related Articles", "Back to top button"}
    # Every other line survives (possibly repaired by other rules: compare on a loose key).
    def key(s):
        return "".join(ch for ch in s if ch.isalnum())[:30]
    kept_keys = {key(k) for k in kept}
    for line in user_sample.splitlines():
        if line.strip() and line not in furniture:
            assert key(line) in kept_keys, line


# --- the line classifier (issue 5) ------------------------------------------------------------------
from pathlib import Path  # noqa: E402

from desktop_app.core.boilerplate.classifier import judge  # noqa: E402
from desktop_app.core.corpus import CorpusStats  # noqa: E402
from desktop_app.core.edits import apply_edits  # noqa: E402
from desktop_app.core.pipeline import RuleContext, analyze_full  # noqa: E402

DATA = Path(__file__).parent / "data"


def _page(name):
    return (DATA / name).read_text(encoding="utf-8")


EN_BODY = [
    "Town council approves new cycle lanes after long debate",  # the title
    "The town council voted on Tuesday evening",
    "Supporters said the lanes would make it safer",
    "What the plan includes",  # a subheading
    "The first phase covers three routes:",
    "Station Road to the hospital",  # list items
    "The riverside path",
    "Market Square to the secondary school",
    "Work on the first route is expected",
    "The council said it had listened",
    '"We have tried to find a balance',
]
EN_FURNITURE = ["Home", "Technology", "Podcasts", "Sign in", "Related stories", "Bus fares to rise again",
                "Local bakery wins", "About us | Contact", "Follow us on Twitter", "© 2024 Example News"]


def test_classifier_keeps_the_article_and_drops_the_page_around_it():
    out = clean_text(_page("page_en.txt"))
    for body in EN_BODY:
        assert body in out, body
    for junk in EN_FURNITURE:
        assert junk not in out, junk
    # Bylines and timestamps are the metadata rule's: proposed, not applied.
    assert "By Maria Lopez" in out


def test_classifier_reasons_name_the_evidence_and_a_confidence():
    text = _page("page_en.txt")
    edits = [e for e in analyze(text) if e.rule == "boilerplate.classifier"]
    assert edits
    menu = next(e for e in edits if text[e.start:e.end] == "Technology\n")
    assert "in a run of" in menu.reason and "short lines" in menu.reason and "score" in menu.reason
    assert 0.8 <= menu.confidence <= 0.97
    teaser = next(e for e in edits if text[e.start:e.end].startswith("Bus fares"))
    assert "Related stories" in teaser.reason


def test_classifier_on_japanese_page():
    out = clean_text(_page("page_ja.txt"))
    assert "市議会、新しい自転車専用レーンを承認" in out  # title
    for body in ("市議会は火曜日の夜", "賛成派は子どもたち", "市の交通担当者によると", "市は地元の事業者"):
        assert body in out
    for junk in ("ニュース\n", "スポーツ", "関連記事", "バス運賃", "ページの先頭へ", "利用規約", "Copyright"):
        assert junk not in out


def test_judge_finds_the_main_text_and_the_title():
    text = _page("page_en.txt")
    lines = split_lines(text)
    j = judge(lines, RuleContext(default_profile()))
    first, last = j.main
    body_start = next(ln.index for ln in lines if ln.text.startswith("The town council voted"))
    assert j.title < first <= body_start
    assert lines[last].text.startswith('"We have tried')
    assert lines[j.title].text.startswith("Town council approves")


def test_drop_title_removes_only_the_title():
    text = _page("page_en.txt")
    keep = clean_text(text)
    dropped = clean_text(text, default_profile().replace(drop_title=True))
    assert "Town council approves" in keep and "Town council approves" not in dropped
    assert keep.replace("Town council approves new cycle lanes after long debate\n", "") == dropped


def test_short_texts_are_left_alone():
    text = "Shopping list\nMilk\nEggs\nBread\n"
    assert clean_text(text) == text
    note = "Meeting moved to Thursday.\nRoom 4B, same time.\nBring the budget figures.\n"
    assert clean_text(note) == note


def test_prose_without_furniture_is_untouched():
    text = "\n".join([
        "The first thing to know about sourdough is that the starter is alive and needs to be fed.",
        "Flour and water are mixed in equal weights and left at room temperature for a few days.",
        "Bubbles on the surface show that the yeast and bacteria are working as they should.",
        "Once the starter doubles in size within a few hours of feeding, it is ready to be used.",
        "Tips",
        "Keep the jar loosely covered.",
        "Use filtered water if your tap water is heavily treated.",
        "A warm kitchen speeds everything up, so check the starter more often in summer.",
    ]) + "\n"
    assert clean_text(text) == text


def test_comment_section_is_proposed_not_applied():
    text = _page("page_en.txt").split("Related stories")[0] + "\n".join([
        "12 Comments",
        "jsmith",
        "This is great news for the town, I have been waiting years for safer routes to the station.",
        "cyclist_mum",
        "My kids will finally be able to ride to school without us worrying the whole time they are out.",
    ]) + "\n"
    analysis = analyze_full(text)
    comments = [e for e in analysis.edits if e.rule == "boilerplate.comment"]
    assert comments and all(not default_profile().accepts(e) for e in comments)
    assert "waiting years for safer routes" in clean_text(text)
    assert all("comment section" in e.reason for e in comments)


def test_block_repeated_at_head_and_tail_is_furniture():
    footer = ["Weather", "Traffic", "Jobs", "Obituaries"]
    body = [f"Paragraph {n}: the committee heard evidence from residents who were worried about the plans "
            f"and asked for more time to consider the proposals before a final vote." for n in range(8)]
    text = "\n".join(footer + body + footer) + "\n"
    out = clean_text(text)
    assert all(line in out for line in body)
    assert not any(f in out for f in footer)
    edits = [e for e in analyze(text) if e.rule == "boilerplate.classifier"]
    assert any("repeated at the head and the tail" in e.reason for e in edits)


def test_corpus_repetition_removes_site_lines_with_the_count():
    site = "Example Gazette — independent local news since 1990"
    docs = []
    topics = ["the library", "the swimming pool", "the museum", "the town hall", "the market", "the park"]
    days = ["Sundays", "Mondays", "public holidays", "late evenings", "early mornings", "Saturdays"]
    for topic, day in zip(topics, days, strict=True):
        docs.append("\n".join([
            site,
            f"Opening {topic} on {day} was approved by the council, which confirmed the decision on Monday.",
            f"Volunteers have offered to help at {topic} during the extra hours on {day}, the council said.",
            f"Residents can send suggestions about {topic} to the council by post or through its website.",
            site,
        ]) + "\n")
    stats = CorpusStats()
    for d in docs:
        stats.add_document(d)
    analysis = analyze_full(docs[0], corpus=stats)
    repeated = [e for e in analysis.edits if e.rule == "boilerplate.repeated"]
    assert len(repeated) == 2, [docs[0][e.start:e.end] for e in repeated]
    assert "6 of the batch's 6 documents" in repeated[0].reason
    cleaned = clean_text(docs[0], corpus=stats)
    assert site not in cleaned and "Opening the library on Sundays" in cleaned
    # Without the batch the line is not known to be furniture.
    assert site in clean_text(docs[0])


def test_small_batches_do_not_count_as_evidence():
    stats = CorpusStats()
    shared = "Thank you for reading."
    for n in range(2):
        stats.add_document(f"A paragraph about topic {n} that is long enough to be body text in any case.\n{shared}\n")
    text = "A paragraph about topic 0 that is long enough to be body text in any case.\n" + shared + "\n"
    assert not [e for e in analyze(text, corpus=stats) if e.rule == "boilerplate.repeated"]


def test_classifier_weights_can_be_overridden_by_the_profile():
    text = _page("page_en.txt")
    strict = default_profile().replace(options={"boilerplate.classifier": {"context.keep_outside": -10.0}})
    # With nothing "outside" counted as furniture, the menu words are no longer removed by the classifier.
    rules = {e.rule for e in analyze(text, strict) if text[e.start:e.end] == "Technology\n"}
    assert "boilerplate.classifier" not in rules


def test_analysis_edits_apply_to_clean_text_for_pages():
    for name in ("page_en.txt", "page_ja.txt"):
        text = _page(name)
        profile = default_profile()
        applied = apply_edits(text, analyze_full(text).accepted(profile))
        assert applied == clean_text(text)
        assert clean_text(applied) == applied  # idempotent


def test_a_batch_of_copies_is_not_emptied():
    text = ("The library will open on Sundays from next month, the council confirmed on Monday evening.\n"
            "Volunteers have offered to help run the children's reading club during the extra hours.\n")
    stats = CorpusStats()
    for _ in range(5):
        stats.add_document(text)
    assert clean_text(text, corpus=stats) == text


def test_live_blog_keeps_every_entry():
    text = _page("liveblog_en.txt")
    out = clean_text(text)
    for line in text.splitlines():
        if line in ("Related Articles", "Back to top"):
            assert line not in out
        else:
            assert line in out, line  # entries, headlines, and the metadata (proposed only)
    meta = {e.rule for e in analyze(text) if e.category == "metadata"}
    assert {"metadata.timestamp", "metadata.contributor"} <= meta


@pytest.mark.parametrize("line", [
    "We use cookies and other tracking technologies to improve your browsing experience on our site, show "
    "personalized content and targeted ads, analyze site traffic, and understand where our audience is coming "
    "from. To find out more or to opt-out, please read our Cookie Policy and our Privacy Policy.",
    "© 2024 Example Media Group. All rights reserved. This material may not be published, broadcast, "
    "rewritten or redistributed.",
])
def test_legal_and_cookie_lines_outside_the_article_go(line):
    text = _page("page_en.txt").replace("Home\n", line + "\n", 1)
    assert line not in clean_text(text)
    reasons = [e.reason for e in analyze(text) if text[e.start:e.end].startswith(line[:30])]
    assert reasons and any("legal" in r or "listed phrase" in r for r in reasons)


def test_fit_script_proposes_weights_a_profile_can_load(tmp_path):
    import subprocess
    import sys

    from desktop_app.core.profiles import load_profile

    page = _page("page_en.txt")
    body = [ln for ln in page.splitlines() if any(ln.startswith(b) for b in EN_BODY[1:])]
    (tmp_path / "p.input.txt").write_text(page, encoding="utf-8")
    (tmp_path / "p.gold.txt").write_text("\n".join(body) + "\n", encoding="utf-8")
    out = tmp_path / "weights.toml"
    script = Path(__file__).resolve().parents[3] / "scripts" / "fit_boilerplate.py"
    res = subprocess.run([sys.executable, str(script), str(tmp_path), "--write", str(out)],
                         capture_output=True, text=True, check=True)
    assert "menu_run" in res.stdout
    profile = load_profile(out)
    opts = profile.options["boilerplate.classifier"]
    assert opts["evidence.menu_run"] < 0 < opts["evidence.sentence_end"]
    # The proposal is usable: the page still cleans with it.
    assert "The town council voted" in clean_text(page, profile)


@pytest.mark.parametrize(("line", "flag"), [
    ("Sign up for our daily briefing", "cta"),
    ("Stay up to date with Example. Subscribe to our newsletter.", "cta"),
    ("This website uses cookies to improve your experience while you navigate through the website.", "legal"),
    ("© 2019 Example Corp. All rights reserved.", "legal"),
    ("Sometimes people ask me why this or that location become […]", "teaser"),
    ("Customers Leave Without Paying Bill At SteakhouseA party of six left without paying.", "glued"),
    ("Most read in world news", "section_end"),
    ("You may also like", "section_end"),
    ("35 Responses to “A post title”", "comments"),
    ("Leave a Reply", "comments"),
])
def test_line_features_flag_furniture_shapes(line, flag):
    from desktop_app.core.boilerplate.features import features

    assert getattr(features(line), flag)


@pytest.mark.parametrize("line", [
    "The committee said it would publish its findings in the spring, after hearing from residents.",
    "She learned to register the sound of each engine long before she could read.",
    "Related research has shown similar effects in mice.",
])
def test_line_features_leave_prose_unflagged(line):
    from desktop_app.core.boilerplate.features import features

    f = features(line)
    assert not (f.cta or f.legal or f.teaser or f.section_end or f.comments or f.phrase)


def test_teaser_list_after_the_article_goes_but_the_articles_own_sections_stay():
    # Outside the main text, a list of headline + one-paragraph summary entries is a teaser list
    # even though each summary reads like prose; the article's own sections (a subheading and one
    # paragraph, repeated) have the same shape inside the main text and stay.
    text = _page("page_teasers_en.txt")
    out = clean_text(text)
    for body in ("Repairs to the old harbour wall", "What the engineers found", "Divers found that",
                 "How the work will be paid for", "When the walkway reopens", "The authority said it would publish"):
        assert body in out, body
    for teaser in ("Ferry timetable changes", "Island services will run", "Lifeboat crew honoured",
                   "Four volunteers received", "The cottage at the end", "More than two hundred people"):
        assert teaser not in out, teaser
    at = text.index("Four volunteers")
    edits = [e for e in analyze(text) if e.start <= at < e.end]
    assert edits and "teasers" in edits[0].reason and edits[0].confidence >= 0.8


def test_glued_teaser_and_word_list_features():
    from desktop_app.core.boilerplate.features import features

    glued = features("Harbour Wall Repairs To Finish Before Winter StormsRepairs to the old harbour wall will be "
                     "finished before the first storms arrive, the port authority said.")
    assert glued.glued
    # Camel-case names and ordinary sentences are not glued teasers.
    for text in ("The new iPhone sold well in its first week, and YouTube reported more views than ever.",
                 "Apple Releases New MacBook Pro",
                 "The 9to5Mac BundleHunt delivers over 40 top apps from just $1 each this week",
                 "A Bang & Olufsen Premium 3D Sound System will be available as an option on the new model",
                 "RAVPower 61W USB-C Power Delivery GaN Wall Charger is my go-to solution for the iPad",
                 "Back at Tropicana Field, Steve and Jessica O'Brien of St. Petersburg took time off work"):
        assert not features(text).glued, text
    tags = features("harbour storms ferry lifeboat lighthouse promenade fishing fleet walkway railings "
                    "council grant timetable volunteers plastic")
    assert tags.word_list
    assert not features("The harbour wall will be repaired before the storms arrive and the walkway "
                        "will reopen in April").word_list


def test_a_long_menu_ends_the_main_text():
    # Article, then a run of tag links, then teasers with bylines and dates but no section header:
    # the tag run ends the main text, and the teasers after it go.
    article = [
        "Repairs to the old harbour wall will be finished before the first winter storms arrive, the port "
        "authority said on Monday, after engineers found the damage was less serious than feared.",
        "The wall was cracked in two places during the gales of last November, and a section near the "
        "lifeboat station has been closed to the public since then while divers inspected it.",
        "Divers found that the foundations were sound and that the cracks reached only the upper courses "
        "of stone, which can be rebuilt by hand without closing the harbour to the fishing fleet.",
    ]
    tags = ["Harbour", "Storms", "Port authority", "Lifeboat", "Fishing", "Coast", "Engineering", "Weather"]
    teasers = []
    for k, topic in enumerate(("ferry timetable", "lighthouse cafe", "beach cleaning", "school concert")):
        teasers += [f"Why the {topic} story matters to the town this week", f"Writer Number{k}",
                    "Tuesday November 19, 2019",
                    f"The {topic} has been the talk of the town for weeks, and residents told us what they "
                    f"think about it at a meeting in the library on Tuesday evening."]
    text = "\n".join(["Home", "News", "Sport", "Weather", "", "Harbour wall repairs to finish soon", ""]
                     + article + [""] + tags + [""] + teasers) + "\n"
    out = clean_text(text)
    for line in article:
        assert line in out
    assert "has been the talk of the town" not in out


def test_far_after_a_related_header_only_runs_of_paragraphs_stay():
    para = ("The harbour wall was cracked in two places during the gales of last November, and divers have "
            "since found that its foundations are sound, so the repairs can be done by hand this spring.")
    article = [f"{para} ({k})" for k in range(8)]
    teasers = []
    for k in range(14):
        teasers += [f"Teaser {k}: a single paragraph summary of another story that this site would like you to "
                    f"read next, long enough to look like running text of thirty words or so, which scrapers keep.",
                    "Read more"]
    second = [f"A second text in several paragraphs, kept because it runs on for a while: {para} ({k})"
              for k in range(4)]
    text = "\n".join(["Harbour wall repairs", ""] + article + ["", "Related stories"] + teasers + [""] + second) + "\n"
    out = clean_text(text)
    for line in article + second:
        assert line in out, line
    assert "Teaser 13:" not in out


def test_legal_wording_at_any_length_leaves_a_terms_page_alone():
    lines = [f"{k}. By using this website you agree to these terms of use, and the company may not be held "
             f"liable for any damage arising from the use of the information on this site, as set out in "
             f"section {k} of the privacy policy and the cookie policy." for k in range(1, 12)]
    text = "Terms of use\n\n" + "\n".join(lines) + "\n"
    out = clean_text(text)
    assert all(line in out for line in lines)


@pytest.mark.parametrize(("line", "caption"), [
    ("Vicente Aguiar loads garage door trims into his pickup truck in Hialeah, Fla. (AP Photo/Alan Diaz)", True),
    ("FILE PHOTO: Traders work on the floor at the New York Stock Exchange in New York", True),
    ("U.S. Defense Secretary Mark Esper, left, and Vietnamese Defense Minister Ngo Xuan Lich shake hands", True),
    ("Image caption Taylor Swift's seventh album, Lover, is the only one she owns the rights to", True),
    ("The latest case was reported after a hunter killed and ate a rabbitCredit: Getty - Contributor", True),
    ("Credit where it is due: the council listened to the residents and changed the plan.", False),
    ("Prior to this, I spent a few months testing another version (pictured above) that launched first.", False),
    ("The photo agency said on Monday that it would open an office in Lagos next year.", False),
])
def test_caption_feature(line, caption):
    from desktop_app.core.boilerplate.features import features

    assert features(line).caption is caption


def test_furniture_the_encoding_check_flags_but_does_not_repair_is_still_judged():
    # The encoding rule's cheap check flags "©" and Latin words with a Cyrillic letter; lines it
    # does not repair are judged as they are. A line it repairs waits for its repaired text.
    from desktop_app.core.boilerplate.classifier import _has_mojibake

    assert not _has_mojibake("© 2004-2019 Example Interactive. All Rights Reserved.")
    assert not _has_mojibake("Сontact")  # Cyrillic С
    assert _has_mojibake("CafÃ© menu and prices")
    text = _page("page_en.txt").replace("© 2024 Example News", "Example Interactive © 2004-2024, all rights reserved")
    out = clean_text(text)
    assert "Example Interactive ©" not in out
    assert "The town council voted" in out
