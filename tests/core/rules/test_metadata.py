"""Metadata rule: bylines, credits, timestamps and contributor lines are proposed, not applied."""

import pytest

from desktop_app.core import analyze_full, clean_text, default_profile
from desktop_app.core.boilerplate.metadata import caption_credit, detect


@pytest.mark.parametrize(("line", "kind"), [
    ("By Jane Doe", "byline"),
    ("By Jane Doe and John Smith, CNN", "byline"),
    ("By Marie-Claire O'Neil | Reuters", "byline"),
    ("Written by Li Wei", "byline"),
    ("CNNのオルガ・ヴォイトヴィッチとユリア・ケサイエワより", "byline"),
    ("BBCの田中太郎より", "byline"),
    ("文：山田花子", "byline"),
    ("Reporting by Jane Doe; Editing by Bob Smith", "contributor"),
    ("CNN's Jane Doe contributed reporting to this post.", "contributor"),
    ("Reuters' Tom Brown contributed to this report.", "contributor"),
    ("CNN の Richard Roth がこの投稿にレポートを寄稿しました。", "contributor"),
    ("AP の佐藤一郎が取材に協力しました。", "contributor"),
    ("Getty Images", "credit"),
    ("Photo: Reuters", "credit"),
    ("写真：山田太郎", "credit"),
    ("Sergei Supinsky/AFP/Getty Images", "credit"),
    ("12:40 p.m. ET, August 30, 2023", "timestamp"),
    ("Updated 3:45 PM EDT, Wed August 30, 2023", "timestamp"),
    ("Posted on 3 March 2019 at 10:00", "timestamp"),
    ("2019-03-03 10:00 UTC", "timestamp"),
    ("午後12時40分 東部標準時、2023 年 8 月 30 日", "timestamp"),
    ("2024年1月5日（金） 9時30分 更新", "timestamp"),
])
def test_detects_metadata_shapes(line, kind):
    m = detect(line)
    assert m is not None, line
    assert m.kind == kind
    assert m.confidence < 0.95
    assert line.strip()[:8] in m.reason


@pytest.mark.parametrize("line", [
    "Russia and North Korea",
    "By the way, this is not a byline at all because it is a long sentence with many words in it.",
    "The meeting took place in 2023.",
    "August 2023",
    "He said 24/7 was fine and/or good enough for the team.",
    "Kim Jong Un “warmly welcomed the visit of the Russian military delegation,” according to KCNA.",
    "同氏は、ロシア本土への攻撃を避けるよう求める声を「不合理」だと一蹴した。",
    "A man walks in Kyiv on Monday. Sergei Supinsky/AFP/Getty Images",  # a caption: only its credit
])
def test_leaves_body_lines_whole(line):
    m = detect(line)
    assert m is None or m.kind == "caption-credit"


@pytest.mark.parametrize(("line", "credit"), [
    ("A man walks in Kyiv on Monday. Sergei Supinsky/AFP/Getty Images", " Sergei Supinsky/AFP/Getty Images"),
    ("Protesters in Hong Kong. Photograph: Jerome Favre/EPA", " Photograph: Jerome Favre/EPA"),
    ("会見する首相。 山田太郎/共同通信", "山田太郎/共同通信"),
])
def test_caption_credit_span_is_only_the_credit(line, credit):
    m = caption_credit(line)
    assert m is not None and line[m.start:m.end] == credit


def test_slashes_without_an_agency_are_not_credits():
    assert caption_credit("The ratio was 3/4 in the north and/or the south.") is None
    assert caption_credit("Read it at example/path/here") is None


def test_user_sample_metadata_is_proposed_not_applied(user_sample):
    analysis = analyze_full(user_sample)
    profile = default_profile()
    meta = {e.rule: e for e in analysis.edits if e.category == "metadata"}
    found = {e.rule: user_sample[e.start:e.end].strip() for e in analysis.edits if e.category == "metadata"}
    assert found["metadata.byline"] == "CNNのオルガ・ヴォイトヴィッチとユリア・ケサイエワより"
    assert found["metadata.caption-credit"] == "ゲンヤ・サヴィロフ/AFP/ゲッティイメージズ"
    assert found["metadata.contributor"].startswith("CNN の Richard Roth")
    assert found["metadata.timestamp"].startswith("午後12時40分")
    for e in meta.values():
        assert not profile.accepts(e)
        assert e.reason.startswith("Looks like")
    cleaned = clean_text(user_sample)
    assert "CNNのオルガ" in cleaned and "ゲンヤ・サヴィロフ/AFP" in cleaned


def test_lowering_the_threshold_applies_metadata():
    profile = default_profile().replace(thresholds={"metadata": 0.8})
    out = clean_text("By Jane Doe\nThe council met on Monday and voted to close the park.\n", profile)
    assert out == "The council met on Monday and voted to close the park.\n"


@pytest.mark.parametrize(("line", "kind"), [
    ("BY JANE DOE", "byline"),
    ("(Image credit: Blue Origin)", "credit"),
    ("Photo: Jane Doe", "credit"),
    ("Photo by Jane Doe", "contributor"),
    ("Jane Doe/AFP via Getty Images", "credit"),
    ("- Nov. 18th 2019 12:12 pm PT", "timestamp"),
    ("Updated 12:40 p.m. ET, Wed August 30, 2023", "timestamp"),
    ("2023年8月30日 午後12時40分", "timestamp"),
    ("(Reporting by Will Dunham; Editing by Tom Brown)", "contributor"),
])
def test_cheap_prefilter_keeps_every_shape(line, kind):
    # detect() skips the whole-line patterns for lines without a telling start word, slash, digit
    # or agency name: these shapes must still get through it.
    m = detect(line)
    assert m is not None and m.kind == kind


@pytest.mark.parametrize("line", [
    "Paris is lovely in the spring, said the director of the text archive.",
    "Bylines are printed under the headline in most newspapers.",
    "政府は協力の方針を発表した。",
    "The 24/7 service runs and/or stops when the city says so.",
])
def test_prefilter_lookalikes_are_not_metadata(line):
    assert detect(line) is None


def test_long_caption_credit_found_from_near_its_slash():
    caption = ("Rescue workers search the rubble of a residential building hit by a missile strike in the "
               "centre of the city on Tuesday morning. Olga Petrova/AFP/Getty Images")
    m = caption_credit(caption)
    assert m is not None and caption[m.start:].strip() == "Olga Petrova/AFP/Getty Images"
