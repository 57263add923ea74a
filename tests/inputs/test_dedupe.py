"""Exact and near-duplicate detection."""

from __future__ import annotations

import random

import pytest

from newsgraph.errors import StoreError
from newsgraph.inputs.dedupe import (
    DuplicateIndex,
    content_hash,
    fingerprint,
    minhash_signature,
    signature_bytes,
    signature_from_bytes,
)

_VOCAB_TEXT = (
    "minister talks Moscow Paris president agreement sanctions grain corridor council "
    "security Europe statement Kremlin ministry spokesman election vote parliament border "
    "troops meeting visit summit economy energy gas oil prices deal treaty envoy embassy "
    "army navy crisis aid refugees court ruling law budget tax bank market trade exports"
)
VOCAB = _VOCAB_TEXT.split()


def make_article(seed: int, sentences: int = 20, words: int = 15) -> list[str]:
    """A deterministic ~300-word article made of sentences of random vocabulary."""
    rng = random.Random(seed)
    return [
        " ".join(rng.choice(VOCAB) for _ in range(words)).capitalize() + "."
        for _ in range(sentences)
    ]


def test_exact_copy_with_other_whitespace_and_quotes() -> None:
    text = (
        "\u201cWe do not want to influence events,\u201d Putin said \u2014 on Friday.\n\nHe left."
    )
    copy = '  "We  do not want to influence events," Putin said - on Friday.\r\nHe left. '
    assert content_hash(text) == content_hash(copy)
    index = DuplicateIndex()
    index.add("a", text)
    assert index.check("b", copy) == ("exact", "a", 1.0)


def test_near_copy_with_one_sentence_edited() -> None:
    sentences = make_article(1)
    assert 280 <= sum(len(s.split()) for s in sentences) <= 320
    edited = list(sentences)
    words = edited[10].rstrip(".").split()
    words[3:6] = ["on", "Tuesday", "evening"]
    edited[10] = " ".join(words) + "."
    index = DuplicateIndex(threshold=0.9)
    index.add("first", " ".join(sentences))
    found = index.check("second", " ".join(edited))
    assert found is not None
    kind, earlier, similarity = found
    assert (kind, earlier) == ("near", "first")
    assert 0.9 <= similarity < 1.0


def test_different_articles_are_not_duplicates() -> None:
    index = DuplicateIndex()
    index.add("one", " ".join(make_article(1)))
    assert index.check("two", " ".join(make_article(2))) is None


def test_rewritten_half_is_not_a_near_duplicate() -> None:
    sentences = make_article(3)
    other = sentences[:10] + make_article(4)[10:]
    index = DuplicateIndex()
    index.add("one", " ".join(sentences))
    assert index.check("two", " ".join(other)) is None


def test_short_texts_use_exact_matching_only() -> None:
    index = DuplicateIndex()
    fp = index.add("s1", "Putin met Macron.")
    assert fp.signature is None and fp.signature_bytes is None
    assert index.check("s2", "putin  met macron") == ("exact", "s1", 1.0)
    assert index.check("s3", "Putin met Merkel") is None
    assert index.check("s4", "!!! ...") is None


def test_an_article_does_not_duplicate_itself_and_ids_are_kept_once() -> None:
    text = " ".join(make_article(5))
    index = DuplicateIndex()
    index.add("x", text)
    index.add("x", text)
    assert len(index) == 1 and "x" in index
    assert index.check("x", text) is None
    assert index.check("y", text) == ("exact", "x", 1.0)


def test_signature_bytes_round_trip_and_reload() -> None:
    text = " ".join(make_article(6))
    mh = minhash_signature(text)
    data = signature_bytes(mh)
    again = signature_from_bytes(data)
    assert (again.hashvalues == mh.hashvalues).all()
    assert again.jaccard(mh) == 1.0
    assert signature_bytes(minhash_signature(text)) == data  # reproducible (fixed seed)

    stored = fingerprint(text)
    reloaded = DuplicateIndex()
    reloaded.add_signature("old", stored.content_hash, stored.signature_bytes)
    edited = text.replace(text.split()[40], "Vladivostok", 1)
    assert reloaded.check("new", text) == ("exact", "old", 1.0)
    result = reloaded.check("newer", edited)
    assert result is not None and result[:2] == ("near", "old")


def test_bad_signature_bytes_raise_store_error() -> None:
    with pytest.raises(StoreError):
        signature_from_bytes(b"junk")
    data = signature_bytes(minhash_signature(" ".join(make_article(7))))
    with pytest.raises(StoreError):
        signature_from_bytes(data[:-4])


# -- long texts: read a piece at a time (issue 12) ----------------------------------------


def _whole_text_words(text: str) -> list[str]:
    """The words as normalising the whole text at once gives them."""
    import unicodedata

    from newsgraph.inputs import dedupe

    folded = unicodedata.normalize("NFKC", text).translate(dedupe._FOLD).casefold()
    return dedupe._WORD.findall(folded)


@pytest.mark.parametrize("size", [5, 13, 64, 1000])
def test_words_read_in_pieces_are_the_whole_texts(size: int) -> None:
    from newsgraph.inputs.dedupe import _word_chunks

    # combining accents after spaces, compatibility forms, final sigma, jamo, no-space runs
    alphabet = list("ab cdE\nÉé\u0301\u0308 ﬁ１２３ΣσςİK\u00a0\u2019\u201c-–Ǆ가\u1161 ㍱½xyzxyzxyz")
    rng = random.Random(size)
    for _ in range(60):
        text = "".join(rng.choice(alphabet) for _ in range(rng.choice([4, 90, 700])))
        pieces = list(_word_chunks(text, size))
        assert [w for piece in pieces for w in piece] == _whole_text_words(text)


def test_long_text_fingerprint_is_the_whole_texts_and_holds_no_word_list() -> None:
    import hashlib
    import tracemalloc

    from newsgraph.inputs.dedupe import SHINGLE_WORDS, _signature_of_words

    text = "\n\n".join(" ".join(make_article(seed)) for seed in range(1_500))  # ~2.6 M chars
    words = _whole_text_words(text)
    expected_hash = hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()
    expected = _signature_of_words(words)
    assert len(words) > 400_000 > SHINGLE_WORDS
    del words
    tracemalloc.start()
    try:
        got = fingerprint(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert got.content_hash == expected_hash == content_hash(text)
    assert got.signature is not None
    assert list(got.signature.hashvalues) == list(expected.hashvalues)
    # the list of ~450,000 words alone is over 25 MB; a piece at a time stays far below
    assert peak < 12 * 2**20, f"fingerprint held {peak / 2**20:.1f} MiB"
