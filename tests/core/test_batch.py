"""The batch runner: the pure unit of work, discovery, chunking, the ordered pool, and a Dask cluster."""

from __future__ import annotations

import json
import os
import pickle
from pathlib import Path

import pytest

from desktop_app.core import batch, clean_text, default_profile
from desktop_app.core.batch import BatchConfig, Source
from desktop_app.core.report import document_entry, format_entry, replay

TEXTS = [
    "Markets rallied on Tuesday.   \nRelated Articles\n\n\n\nAnalysts were not surprised.\n",
    "東京では雨が降った。 明日は晴れるでしょう。\n\n\n\n関連記事\n",
    "A clean line that needs nothing.\n",
    "Share this story\nThe council voted 7 to 2 on the new plan.  \nShare this story\n",
]


def test_clean_document_equals_clean_text_and_is_picklable():
    profile = default_profile()
    corpus = batch.corpus_of_texts(TEXTS)
    for text in TEXTS:
        args = pickle.loads(pickle.dumps((text, profile, corpus)))
        cleaned, summary = batch.clean_document(*args)
        assert cleaned == clean_text(text, profile, corpus)
        assert pickle.loads(pickle.dumps(summary)) == summary
        assert all(profile.accepts(e) for e in summary.applied)
        assert not any(profile.accepts(e) for e in summary.proposed)


def test_clean_record_keeps_other_fields():
    rec = {"id": 9, "text": TEXTS[0], "meta": {"lang": "en"}}
    out, summary = batch.clean_record(rec, default_profile())
    assert out == {"id": 9, "text": clean_text(TEXTS[0]), "meta": {"lang": "en"}}
    assert rec["text"] == TEXTS[0]  # the input record is not modified
    with pytest.raises(batch.RecordError):
        batch.clean_record({"text": 3}, default_profile())


@pytest.mark.parametrize("line,reason", [
    ("{", "not valid JSON"), ("[" * 100_000, "nested too deeply"), ("[1]", "a JSON list, not an object"), ('{"a": 1}', "no 'text' field"),
    ('{"text": 1.5}', "field 'text' is float, not a string"), ('{"text": null}', "field 'text' is null"),
])
def test_parse_record_errors(line, reason):
    with pytest.raises(batch.RecordError, match=reason):
        batch.parse_record(line, "text")


def _square(x: int) -> int:
    return x * x


@pytest.mark.parametrize("jobs", [1, 2])
def test_ordered_map_keeps_order_and_streams(jobs):
    consumed = []

    def items():
        for i in range(50):
            consumed.append(i)
            yield i

    it = batch.ordered_map(_square, items(), jobs=jobs, in_flight=4)
    first = next(it)
    assert first == 0
    assert len(consumed) <= 5  # lazily consumed: bounded in-flight work
    assert [first, *it] == [i * i for i in range(50)]


def test_discover_order_hidden_backups_and_exclude(tmp_path):
    root = tmp_path / "in"
    for rel in ["b.txt", "a/z.txt", "a/y.md", ".hidden", ".dir/x.txt", "c.txt.bak", "c.txt.bak2",
                "out/old.txt", "notes"]:
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("x", encoding="utf-8")
    sources, problems = batch.discover([str(root)], exclude=[root / "out"])
    assert problems == []
    assert [s.rel for s in sources] == [("a", "y.md"), ("a", "z.txt"), ("b.txt",), ("notes",)]  # sorted
    assert not any(s.explicit for s in sources)
    sources, problems = batch.discover([str(root / "b.txt"), str(tmp_path / "missing")])
    assert [s.rel for s in sources] == [("b.txt",)] and sources[0].explicit
    assert problems[0].display.endswith("missing") and "no such file" in problems[0].reason


def test_backup_names():
    assert batch.is_backup_name("a.txt.bak") and batch.is_backup_name("a.txt.bak12")
    assert not batch.is_backup_name("a.bakery") and not batch.is_backup_name(".bak")
    assert not batch.is_backup_name("notes.txt")


def test_jsonl_chunks_line_numbers_and_bad_utf8(tmp_path, monkeypatch):
    monkeypatch.setattr(batch, "JSONL_CHUNK_RECORDS", 3)
    f = tmp_path / "x.jsonl"
    lines = [json.dumps({"text": f"record {i}"}).encode() for i in range(10)]
    lines[4] = b'{"text": "caf\xe9"}'
    f.write_bytes(b"\n".join(lines) + b"\n")
    bad: list[int] = []
    chunks = list(batch.jsonl_chunks(0, Source(str(f), str(f), ("x.jsonl",)), bad, encoding="utf-8"))
    assert bad == [5]
    numbered = [(c.first_line + k, line, k in c.bad) for c in chunks for k, line in enumerate(c.lines)]
    assert [n for n, _, _ in numbered] == list(range(1, 11))  # every line, the bad one included
    assert [n for n, _, is_bad in numbered if is_bad] == [5]
    assert numbered[4][1].encode("utf-8", "surrogateescape") == lines[4] + b"\n"  # its bytes, kept
    assert all(json.loads(line)["text"] == f"record {n - 1}" for n, line, is_bad in numbered if not is_bad)
    assert all(len(c.lines) <= 3 for c in chunks)


def _sources(tmp_path: Path, texts: list[str]) -> list[Source]:
    out = []
    for i, t in enumerate(texts):
        p = tmp_path / f"{i}.txt"
        p.write_text(t, encoding="utf-8")
        out.append(Source(str(p), str(p), (p.name,), True, p.stat().st_size))
    return out


def test_build_corpus_is_the_same_for_any_jobs(tmp_path, monkeypatch):
    monkeypatch.setattr(batch, "FILE_CHUNK_COUNT", 2)
    sources = _sources(tmp_path, TEXTS * 3)
    config = BatchConfig(default_profile())
    one = batch.build_corpus(sources, config, jobs=1)
    two = batch.build_corpus(sources, config, jobs=2)
    ref = batch.corpus_of_texts(TEXTS * 3)
    assert one.documents == two.documents == ref.documents == 12
    assert one.line_docs == two.line_docs == ref.line_docs
    assert ref.line_docs and min(ref.line_docs.values()) > 1  # single-document lines are dropped


def test_run_cleaning_results_and_failures(tmp_path):
    sources = _sources(tmp_path, TEXTS)
    (tmp_path / "bin.dat").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(300))
    sources.append(Source(str(tmp_path / "bin.dat"), "bin.dat", ("bin.dat",), True, 308))
    sources.append(Source(str(tmp_path / "walked.dat"), "walked.dat", ("walked.dat",), False, 308))
    (tmp_path / "walked.dat").write_bytes(b"GIF89a" + bytes(300))
    sources.append(Source(None, "<stdin>", ("stdin",), True, 5, b"hi  \n"))
    config = BatchConfig(default_profile(), details=True, notices=True)
    results = list(batch.run_cleaning(sources, config, None, jobs=1))
    assert [r.index for r in results] == list(range(len(sources)))
    for r, text in zip(results, TEXTS, strict=False):
        assert r.status == "ok" and r.text == clean_text(text)
        assert replay(r.entry, text) == r.text
        assert r.same_bytes == (r.text == text)
    assert results[4].status == "failed" and "PNG" in results[4].message
    assert results[5].status == "skipped" and "GIF" in results[5].message
    assert results[6].text == clean_text("hi  \n")


def test_report_entry_line_col_and_format():
    text = "ok\nline two  \n"
    _, summary = batch.clean_document(text, default_profile())
    entry = document_entry("f.txt", text, summary.applied, summary.proposed, summary.notices)
    (e,) = entry["applied"]
    assert (e["line"], e["col"], e["before"]) == (2, 9, "  ")
    (line,) = format_entry(entry)
    assert line.startswith("f.txt:2:9 spacing") and line.endswith("'  ' -> ''")


def _dask_clean(line: str) -> str:
    rec, _ = batch.clean_record(json.loads(line), default_profile())
    return json.dumps(rec, ensure_ascii=False)


def _partition_stats(lines):
    return [batch.count_lines(json.loads(x)["text"] for x in lines)]


def _merge(a, b):
    a.merge(b)
    return a


def _dask_clean_with(line: str, stats) -> str:
    rec, _ = batch.clean_record(json.loads(line), default_profile(), stats)
    return json.dumps(rec, ensure_ascii=False)


def test_dask_local_cluster_cleans_jsonl(tmp_path):
    distributed = pytest.importorskip("distributed")
    db = pytest.importorskip("dask.bag")
    src = tmp_path / "corpus.jsonl"
    records = [{"id": i, "text": TEXTS[i % len(TEXTS)] + f"Item {i}.\n"} for i in range(40)]
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=40) as cluster, distributed.Client(cluster):
        lines = db.read_text(str(src), blocksize=2048).map(str.strip).filter(bool)
        got = lines.map(_dask_clean).compute()
        # The corpus pass as in the batch module's docstring: partial stats per partition, merged.
        stats = batch.prune_singletons(lines.map_partitions(_partition_stats).fold(_merge).compute())
        with_corpus = lines.map(_dask_clean_with, stats).compute()
    assert lines.npartitions > 1
    expected = [json.dumps({**r, "text": clean_text(r["text"])}, ensure_ascii=False) for r in records]
    assert got == expected
    local = batch.corpus_of_texts(r["text"] for r in records)
    assert stats.documents == local.documents and stats.line_docs == local.line_docs
    assert with_corpus == [json.dumps({**r, "text": clean_text(r["text"], corpus=local)}, ensure_ascii=False)
                           for r in records]
    assert os.path.getsize(src) > 2048


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_sanitized_names_cannot_escape(name):
    part = batch.sanitize_part(name)
    assert part and part not in (".", "..") and "/" not in part and "\\" not in part
    assert not any(ord(c) < 32 or c == "\x7f" for c in part)
    root = Path("/out")
    assert (root / part).parent == root


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=60), st.dictionaries(st.text(max_size=5), st.none() | st.integers()
                                                        | st.text(max_size=10), max_size=3).map(json.dumps)))
def test_parse_record_never_raises_anything_else(line):
    try:
        record, text = batch.parse_record(line, "text")
    except batch.RecordError as exc:
        assert str(exc)
    else:
        assert isinstance(record, dict) and isinstance(text, str)
