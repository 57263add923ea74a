"""Every span of every record slices back into the article's text (a property)."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.errors import IngestError
from newsgraph.extractors.stage import analyse_article
from newsgraph.inputs.raw import RawDoc
from newsgraph.run.pipeline import build_article
from newsgraph.settings import Settings

FRAGMENTS = [
    "Russian President Vladimir Putin met Emmanuel Macron in Moscow on Monday.",
    '"We do not want to influence events," Putin said.',
    "« Nous voulons la paix », a dit le président.",
    "The talks lasted five hours, the Kremlin said on February 7, 2022.",
    "Peskov told journalists that Russia never interfered.",
    "Two years ago, 75% of voters backed the deal; last week it was 23.75%.",
    "Please enter your comment!",
    "MOSCOW, March 3 (Reuters) - ",
    "\n\n",
    "\n",
    " ",
    "—",
    "“",
    "”",
    "'",
    "\t",
]
texts = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=40)), min_size=1, max_size=25
).map("".join)


def spans(obj, path="record"):
    """Yield (path, start, end, text or None) for every dict that carries offsets."""
    if isinstance(obj, dict):
        if isinstance(obj.get("start"), int) and isinstance(obj.get("end"), int):
            yield path, obj["start"], obj["end"], obj.get("text")
        for key, value in obj.items():
            if key != "text":
                yield from spans(value, f"{path}.{key}")
    elif isinstance(obj, list):
        for i, value in enumerate(obj):
            yield from spans(value, f"{path}[{i}]")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts, st.sampled_from([None, "2017-04-24", "2022-02-07"]))
def test_offsets_slice_back(body, published):
    raw = RawDoc(
        source="prop.txt",
        kind="text",
        body=body,
        given={"published": published} if published else {},
    )
    try:
        article = analyse_article(build_article(raw, Settings(min_text_chars=1)))
    except IngestError:
        return
    record = article.to_dict()
    text = record["text"]
    for path, start, end, span_text in spans(record):
        assert 0 <= start <= end <= len(text), path
        if span_text is not None:
            assert text[start:end] == span_text, path


def test_quote_gets_the_day_its_sentence_states():
    text = (
        "Russian Foreign Minister Sergei Lavrov spoke to reporters. On January 28, Lavrov said "
        "that Moscow wanted talks. Later he said the talks had failed."
    )
    raw = RawDoc(source="q.txt", kind="text", body=text, given={"published": "2022-02-07"})
    article = analyse_article(build_article(raw, Settings(min_text_chars=1)))
    by_words = {q.text: q for q in article.quotes}
    assert by_words["Moscow wanted talks"].date == "2022-01-28"
    assert all(q.date is None for t, q in by_words.items() if t != "Moscow wanted talks")


def test_an_extractor_bug_on_one_article_does_not_stop_the_batch(monkeypatch, caplog):
    from dataclasses import replace

    from newsgraph import registry
    from newsgraph.extractors import stage as analyse

    real = registry.steps()["quotes"]

    def broken_for_one(article, doc, state):
        if "Kremlin" in article.text:
            raise RuntimeError("simulated extractor bug")
        return real.run(article, doc, state)

    monkeypatch.setitem(registry._REGISTRY.steps, "quotes", replace(real, run=broken_for_one))
    texts = [
        '"We are ready," Putin said in the Kremlin on Monday.',
        '"We agree," Macron said in Paris.',
    ]
    articles = [
        build_article(
            RawDoc(source=f"{i}.txt", kind="text", body=t, given={"published": "2020-06-26"}),
            Settings(min_text_chars=1),
        )
        for i, t in enumerate(texts)
    ]
    done = analyse.analyse_articles(articles)
    assert [a.source for a in done] == ["0.txt", "1.txt"]
    assert done[0].quotes == () and done[0].times  # kept what it had: its dates and times
    assert done[0].entities and done[0].events == ()  # events need the quotes: skipped
    assert done[1].quotes and "NG401" in caplog.text and "simulated extractor bug" in caplog.text
