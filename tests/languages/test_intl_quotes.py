"""French and Russian quotes: the forms of issue 16 and their speakers, on paragraphs
written for these tests (not the dev gold's)."""

from __future__ import annotations

import pytest

from newsgraph.extractors.entities.intl import find_entities
from newsgraph.extractors.quotes.intl import find_quotes


@pytest.fixture(scope="module")
def parse():
    from newsgraph.languages.fr import french
    from newsgraph.languages.ru import russian

    parsers = {"fr": french(), "ru": russian()}

    def run(lang: str, text: str, published: str = "2023-06-01"):
        doc = parsers[lang](text)
        layer = find_entities(doc, lang=lang, published=published)
        return layer, find_quotes(doc, lang=lang, layer=layer)

    return run


def _by_text(quotes, words: str):
    found = [q for q in quotes if words in q.text]
    assert found, [q.text for q in quotes]
    return found[0]


def test_a_quoted_fragment_belongs_to_its_reported_sentence(parse) -> None:
    _, quotes = parse(
        "fr",
        "Sergueï Lavrov a indiqué mardi que Moscou restait « ouvert aux contacts » avec "
        "les pays médiateurs.",
    )
    [quote] = quotes
    assert not quote.direct and "ouvert aux contacts" in quote.text and "Moscou" in quote.text
    assert quote.speaker is not None and quote.speaker.name == "Sergey Lavrov"


def test_a_role_noun_with_a_nationality_is_the_person_of_that_country(parse) -> None:
    _, quotes = parse(
        "fr",
        "Le président turc Recep Tayyip Erdogan a reçu jeudi le secrétaire d'État américain "
        "Antony Blinken. « La Turquie ne bloquera pas l'adhésion de la Suède », a assuré "
        "M. Erdogan. Le diplomate américain a salué « un pas important pour l'Alliance ».",
    )
    first = _by_text(quotes, "La Turquie ne bloquera")
    assert first.speaker is not None and first.speaker.name == "Recep Tayyip Erdoğan"
    second = _by_text(quotes, "un pas important")
    assert second.speaker is not None and second.speaker.name == "Antony Blinken"


def test_a_role_noun_that_names_nobody_before_it_is_left_out(parse) -> None:
    _, quotes = parse(
        "fr",
        "Emmanuel Macron s'est rendu lundi à Marseille. La maire de la ville a estimé que "
        "ces annonces étaient insuffisantes.",
    )
    assert quotes == []


def test_french_infinitive_and_reflexive_reports(parse) -> None:
    _, quotes = parse(
        "fr",
        "Le ministère russe des Affaires étrangères a affirmé mercredi avoir convoqué "
        "l'ambassadeur de France. Le porte-parole de l'ONU, Stéphane Dujarric, s'est dit "
        "« très inquiet » de la situation des civils.",
    )
    first = _by_text(quotes, "avoir convoqué")
    assert first.speaker is not None and first.speaker.entity == "ng:org:russian-mfa"
    second = _by_text(quotes, "très inquiet")
    assert not second.direct and second.speaker is not None
    assert "Dujarric" in (second.speaker.name or "")


def test_a_quote_continued_in_the_next_paragraph(parse) -> None:
    _, quotes = parse(
        "fr",
        "Vladimir Poutine a présidé une réunion sur le budget. « Notre économie résiste mieux "
        "que prévu. Les régions investissent de nouveau.\n\n« Il faut maintenant former des "
        "ingénieurs », a conclu le président russe.",
        "2023-10-01",
    )
    first = _by_text(quotes, "Notre économie résiste")
    assert first.direct and first.speaker is not None and first.speaker.name == "Vladimir Putin"


def test_the_kremlin_as_a_speaker_has_the_english_id(parse) -> None:
    _, quotes = parse("fr", "Le Kremlin a jugé que ces livraisons « ne changeront rien ».")
    [quote] = quotes
    assert quote.speaker is not None and quote.speaker.entity == "local:org:kremlin"


def test_russian_pronoun_source_and_trailing_source(parse) -> None:
    _, quotes = parse(
        "ru",
        "Вице-премьер Марат Хуснуллин сообщил, что за год построено два миллиона метров жилья. "
        "По его словам, темпы строительства удастся увеличить еще на треть. "
        "Новые кварталы будут сданы до конца года, сообщает телеканал RT.",
    )
    by_his = _by_text(quotes, "темпы строительства")
    assert by_his.speaker is not None and by_his.speaker.name == "Marat Khusnullin"
    trailing = _by_text(quotes, "Новые кварталы будут сданы")
    assert trailing.speaker is not None and "RT" in (trailing.speaker.text or "")


def test_russian_long_role_phrase_wins_over_the_one_inside_it(parse) -> None:
    _, quotes = parse(
        "ru",
        "Пресс-секретарь президента России сказал журналистам, что Москва не видит смысла в "
        "такой конференции.",
    )
    [quote] = quotes
    assert quote.speaker is not None and quote.speaker.name == "Dmitry Peskov"


def test_russian_dialogue_line_with_a_role_noun(parse) -> None:
    _, quotes = parse(
        "ru",
        "Глава МИД России Сергей Лавров провел переговоры в Анкаре.\n\n"
        "— Турция остается для нас важным партнером, — подчеркнул министр, добавив, что "
        "стороны обсудили визит президента Эрдогана.",
    )
    direct = _by_text(quotes, "Турция остается")
    assert direct.speaker is not None and direct.speaker.name == "Sergey Lavrov"
    added = _by_text(quotes, "стороны обсудили")
    assert not added.direct and added.speaker is not None
    assert added.speaker.name == "Sergey Lavrov"


def test_a_quoted_name_before_its_verb_is_no_quote(parse) -> None:
    _, quotes = parse(
        "ru",
        "Руководство движения «Талибан» сообщило, что переговоры с правительством Афганистана "
        "прекращены.",
    )
    assert [q for q in quotes if q.direct] == []
    assert all(q.text.startswith("переговоры") for q in quotes)


def test_a_participle_speaks_for_the_sentence_subject(parse) -> None:
    _, quotes = parse(
        "ru",
        "Премьер-министр Японии Наото Кан осудил визит президента России Дмитрия Медведева "
        "на острова, назвав его «непростительным оскорблением».",
        "2011-02-07",
    )
    [quote] = quotes
    assert "оскорблением" in quote.text and quote.speaker is not None
    assert "Кан" in (quote.speaker.text or "") or quote.speaker.name == "Naoto Kan"


def test_a_subject_that_names_nobody_known_gives_no_speaker(parse) -> None:
    _, quotes = parse(
        "fr",
        "Les Brigades des martyrs d'Al-Aqsa, groupe armé lié au mouvement de Yasser Arafat, "
        "ont indiqué qu'elles entendaient poursuivre leurs attaques.",
    )
    assert all(q.speaker is None or q.speaker.name != "Yasser Arafat" for q in quotes)


def test_pour_in_a_list_of_countries_is_no_source(parse) -> None:
    _, quotes = parse(
        "fr",
        "Pour l'Espagne, Loyola de Palacio, ancienne ministre de l'agriculture, et Pedro "
        "Solbes, ancien ministre des finances.",
    )
    assert quotes == []
