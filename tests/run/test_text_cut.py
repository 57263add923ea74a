"""An over-long text is cut to ``[ingest] max_text_chars`` before anything reads it whole,
and its record says so (issue 12: peak memory of one hostile text)."""

from __future__ import annotations

import codecs
import logging
from pathlib import Path

import pytest

from newsgraph.inputs.clean import cut_text
from newsgraph.inputs.raw import RawDoc
from newsgraph.records import Article
from newsgraph.run.ingest import ingest
from newsgraph.run.pipeline import TRUNCATED, build_article, process
from newsgraph.settings import Settings
from newsgraph.store.db import Store

PARAGRAPH = "The minister said on Monday that talks with the union would resume. " * 4


def numbered(n: int) -> str:
    """``n`` distinct paragraphs (cleaning drops repeated lines)."""
    return "\n\n".join(f"({i}) {PARAGRAPH.strip()}" for i in range(n)) + "\n"


def test_cut_text_cuts_at_a_blank_line_then_a_line_break_in_the_second_half() -> None:
    text = "a" * 60 + "\n\n" + "b" * 30 + "\n" + "c" * 40
    assert cut_text(text, 100) == "a" * 60 + "\n\n"  # a blank line before a line break
    text = "a" * 20 + "\n\n" + "b" * 50 + "\n" + "c" * 40
    assert cut_text(text, 100) == "a" * 20 + "\n\n" + "b" * 50 + "\n"  # blank line too early


def test_cut_text_falls_back_to_a_sentence_end_then_a_space_then_a_hard_cut() -> None:
    sentences = "One two three. Four five six seven. Eight nine ten eleven twelve."
    assert cut_text(sentences, 40) == "One two three. Four five six seven. "
    assert cut_text("word " * 20, 23) == "word word word word "
    assert cut_text("x" * 50, 20) == "x" * 20


def test_cut_text_leaves_a_short_text_and_a_zero_limit_alone() -> None:
    text = numbered(3)
    assert cut_text(text, len(text)) is text
    assert cut_text(text, 0) is text


def test_a_plain_text_over_the_limit_is_cut_and_the_record_says_so(caplog) -> None:
    text = numbered(40)
    settings = Settings(max_text_chars=2_000)
    with caplog.at_level(logging.WARNING):
        article = build_article(RawDoc(source="long.txt", kind="text", body=text), settings)
    assert len(article.text) <= 2_000
    assert text.startswith(article.text.rstrip())
    note = article.extensions[TRUNCATED]
    assert note["chars"] == len(text)
    assert note["kept"] == len(article.text)
    assert note["max_text_chars"] == 2_000
    assert note["code"] == "NG103"
    assert "[ingest] max_text_chars" in note["cut"]
    assert any("NG103" in r.getMessage() and "long.txt" in r.getMessage() for r in caplog.records)


def test_an_html_page_whose_text_is_over_the_limit_is_cut_after_extraction() -> None:
    body = "".join(f"<p>({i}) {PARAGRAPH.strip()}</p>\n" for i in range(40))
    html = f"<html><head><title>Talks</title></head><body><article>{body}</article></body></html>"
    article = build_article(
        RawDoc(source="long.html", kind="html", body=html), Settings(max_text_chars=2_000)
    )
    note = article.extensions[TRUNCATED]
    assert len(article.text) <= 2_000 < note["chars"]
    assert note["kept"] == len(article.text)
    assert "page's text" in note["cut"]


def test_a_text_within_the_limit_or_with_the_cut_off_is_kept_whole() -> None:
    text = numbered(40)
    for settings in (Settings(max_text_chars=len(text)), Settings(max_text_chars=0)):
        article = build_article(RawDoc(source="a.txt", kind="text", body=text), settings)
        assert TRUNCATED not in article.extensions
        assert article.text.strip() == text.strip()


def test_the_cut_text_is_stored_and_a_re_run_stores_nothing_new(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text(numbered(60), encoding="utf-8")
    settings = Settings(max_text_chars=3_000)
    records = list(process([str(path)], settings))
    assert len(records) == 1 and isinstance(records[0], Article)
    assert records[0].extensions[TRUNCATED]["kept"] <= 3_000
    db = str(tmp_path / "cut.db")
    with Store.open(db) as store:
        first = ingest([str(path)], store, settings)
        again = ingest([str(path)], store, settings)
        stored = store.article(records[0].id)
    assert (first.added, again.added) == (1, 0)
    assert again.skipped + again.duplicates == 1
    assert stored is not None and stored["text"] == records[0].text


@pytest.mark.parametrize("limit", [1, 7])
def test_a_tiny_limit_still_gives_a_coded_outcome(limit: int) -> None:
    """A limit below ``min_text_chars`` leaves too little text: a coded rejection, not a crash."""
    from newsgraph.errors import IngestError

    with pytest.raises(IngestError) as caught:
        build_article(
            RawDoc(source="a.txt", kind="text", body=numbered(5)), Settings(max_text_chars=limit)
        )
    assert caught.value.code.value == "NG101"


def test_the_parse_limits_default_to_the_settings_file(monkeypatch) -> None:
    """One place for the limits: the parser's defaults are those of ``defaults.toml``, and
    a stored text (at most ``max_text_chars``) is parsed whole unless the time budget ends."""
    from newsgraph.extractors.parse_guard import Limits
    from newsgraph.settings import env_name

    for key in ("max_whole_chars", "part_chars", "max_parsed_chars", "max_seconds_per_text"):
        monkeypatch.delenv(env_name("nlp", key), raising=False)
    monkeypatch.delenv(env_name("ingest", "max_text_chars"), raising=False)
    assert Limits() == Limits.from_settings()
    assert Settings().max_text_chars <= Limits.from_settings().max_parsed_chars


def test_only_the_head_of_a_far_longer_plain_text_is_decoded() -> None:
    from newsgraph.inputs.readers import text_head

    data = numbered(200).encode("utf-8")
    head = text_head(data, 1_000)
    assert head.endswith(b"\n") and len(head) <= 4_000 and data.startswith(head)
    assert text_head(data, 0) is data and text_head(data, len(data)) is data
    wide = numbered(200).encode("utf-16-le")
    assert text_head(wide, 1_000) is wide  # two-byte line breaks: left whole
    # no NUL, but a BOM: U+4E0A is the bytes 0A 4E, a "line break" inside a character
    cjk = codecs.BOM_UTF16_LE + ("\u4e0a\u6d77" * 5_000).encode("utf-16-le")
    assert b"\0" not in cjk and b"\n" in cjk
    assert text_head(cjk, 1_000) is cjk


def test_a_far_longer_text_file_is_read_by_its_head_and_the_record_says_so(
    tmp_path: Path,
) -> None:
    path = tmp_path / "long.txt"
    text = numbered(300)
    path.write_text(text, encoding="utf-8")
    size = path.stat().st_size
    settings = Settings(max_text_chars=3_000)
    (article,) = process([str(path)], settings)
    assert isinstance(article, Article)
    note = article.extensions[TRUNCATED]
    assert note["bytes"] == size > 4 * 3_000
    assert 3_000 <= note["chars"] < len(text)  # the head decoded, not the whole file
    assert note["kept"] == len(article.text) <= 3_000
    assert f"{size:,} bytes" in note["cut"]
    assert text.startswith(article.text.rstrip())


def test_a_head_too_short_to_fill_the_limit_falls_back_to_the_whole_text(tmp_path: Path) -> None:
    path = tmp_path / "one_line.txt"
    text = "Short first line.\n" + " ".join(f"word{i}" for i in range(4_000)) + "\n"
    path.write_text(text, encoding="utf-8")
    (article,) = process([str(path)], Settings(max_text_chars=2_000))
    assert isinstance(article, Article)
    note = article.extensions[TRUNCATED]
    assert "bytes" not in note and note["chars"] == len(text)
    assert 1_000 <= len(article.text) <= 2_000
