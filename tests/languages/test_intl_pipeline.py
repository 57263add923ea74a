"""French and Russian through the whole NLP stage: one event, one set of actor ids
across English, French and Russian; the no-pipeline note for other languages."""

from __future__ import annotations

import pytest

from newsgraph.extractors.stage import analyse_articles
from newsgraph.records import Article


@pytest.fixture(scope="module")
def ru_nlp():
    from newsgraph.languages.ru import russian

    return russian()  # loaded once per process (cached)


@pytest.fixture(scope="module")
def fr_nlp():
    from newsgraph.languages.fr import french

    return french()  # loaded once per process (cached)


SEED_EVENT = {
    "en": "Vladimir Putin met Marine Le Pen in the Kremlin on March 24, 2017.",
    "fr": "Vladimir Poutine a rencontré Marine Le Pen au Kremlin le 24 mars 2017.",
    "ru": "Президент России Владимир Путин встретился с Марин Ле Пен в Кремле 24 марта 2017 года.",
}


@pytest.fixture(scope="module")
def analysed(fr_nlp, ru_nlp):
    articles = [
        Article(id=lang, source=lang, text=text, language=lang) for lang, text in SEED_EVENT.items()
    ]
    articles.append(
        Article(id="de", source="de", text="Der Kanzler sagte am Montag nichts.", language="de")
    )
    return {a.id: a for a in analyse_articles(articles)}


@pytest.mark.parametrize("lang", ["fr", "ru"])
def test_the_seed_event_matches_english(analysed, lang: str) -> None:
    def key(article):
        return {
            (e.type, tuple(a.entity for a in e.source), tuple(a.entity for a in e.target), e.date)
            for e in article.events
        }

    assert ("CONSULT", ("Q7747",), ("Q12927",), "2017-03-24") in key(analysed["en"])
    assert key(analysed[lang]) & key(analysed["en"])


@pytest.mark.parametrize("lang", ["fr", "ru"])
def test_an_undated_article_is_dated_from_its_text(analysed, lang: str) -> None:
    assert analysed[lang].published.date == "2017-03-24"
    assert analysed[lang].published.origin == "text"


def test_a_language_without_pipeline_says_so(analysed) -> None:
    note = analysed["de"].extensions["note"]
    assert note.startswith("no pipeline for 'de'") and not analysed["de"].entities
    assert "note" not in analysed["fr"].extensions and "note" not in analysed["en"].extensions


def test_russian_quote_speaker_is_the_kb_actor(ru_nlp) -> None:
    text = (
        "Пресс-секретарь Кремля Дмитрий Песков заявил в среду, что Москва открыта для диалога. "
        "«Таких планов пока нет», — ответил Песков журналистам. "
        "По словам Пескова, Путин проведет заседание Совета безопасности."
    )
    [article] = analyse_articles(
        [Article(id="q", source="q", text=text, language="ru", published=_day("2023-03-22"))]
    )
    speakers = {(q.direct, q.speaker.entity if q.speaker else None) for q in article.quotes}
    peskov = next(e.id for e in article.entities if e.name == "Dmitry Peskov")
    assert (True, peskov) in speakers and (False, peskov) in speakers
    for q in article.quotes:
        assert article.text[q.start : q.end] == q.text


def test_french_quote_with_incise_and_role_phrase(fr_nlp) -> None:
    text = (
        "Emmanuel Macron a reçu mercredi Olaf Scholz à l'Élysée. « Nous ne laisserons pas "
        "la lassitude s'installer », a déclaré le chef de l'État à l'issue de l'entretien."
    )
    [article] = analyse_articles(
        [Article(id="f", source="f", text=text, language="fr", published=_day("2023-03-15"))]
    )
    [quote] = [q for q in article.quotes if q.direct]
    assert quote.text.startswith("Nous ne laisserons") and quote.speaker is not None
    assert quote.speaker.name == "Emmanuel Macron"


def _day(value: str):
    from newsgraph.records import Published

    return Published(date=value, origin="given", confidence=1.0)
