"""The Russian parser: natasha's analysis as a spaCy Doc, repaired per sentence."""

from __future__ import annotations

import resource

import pytest

from newsgraph.languages.ru import _Tok, repair_heads, split_long


@pytest.fixture(scope="module")
def ru_nlp():
    from newsgraph.languages.ru import russian

    return russian()  # loaded once per process (cached)


def _is_tree(root: int, heads: list[int]) -> bool:
    for i in range(len(heads)):
        seen, j = set(), i
        while j != root:
            if j in seen or heads[j] < 0:
                return False
            seen.add(j)
            j = heads[j]
    return heads[root] == -1


def test_repair_cuts_a_head_cycle() -> None:
    root, heads = repair_heads([2, 0, 1, -1], ["x", "x", "x", "root"])
    assert root == 3 and _is_tree(root, heads)


def test_repair_gives_a_rootless_sentence_a_root() -> None:
    root, heads = repair_heads([1, 2, 0], ["x", "x", "x"])
    assert _is_tree(root, heads)


def test_repair_attaches_extra_roots_to_the_named_one() -> None:
    root, heads = repair_heads([-1, 0, -1, 2], ["nsubj", "x", "root", "x"])
    assert root == 2 and heads[0] == 2 and _is_tree(root, heads)


def test_repair_ignores_heads_out_of_range_and_self_heads() -> None:
    root, heads = repair_heads([5, 1, -1], ["x", "x", "root"])
    assert root == 2 and heads == [2, 2, -1]


def test_long_sentences_are_cut_after_punctuation() -> None:
    toks = [_Tok(i, i + 1, "," if i % 7 == 6 else "w") for i in range(500)]
    pieces = split_long(toks, (0, 500), 200)
    assert all(len(p) <= 200 for p in pieces)
    assert [i for p in pieces for i in p] == list(range(500))
    assert toks[pieces[0][-1]].text == ","


def test_doc_keeps_text_sentences_lemmas_and_entities(ru_nlp) -> None:
    text = (
        "  Президент России Владимир Путин встретился с Марин Ле Пен в Кремле.\n\n"
        "Об этом сообщил Дмитрий Песков,  — «Мы рады».  "
    )
    doc = ru_nlp(text)
    assert doc.text == text
    assert len(list(doc.sents)) == 2
    ents = {(e.text, e.label_) for e in doc.ents}
    assert ("Владимир Путин", "PER") in ents and ("Дмитрий Песков", "PER") in ents
    verb = next(t for t in doc if t.text == "встретился")
    assert verb.lemma_ == "встретиться" and verb.dep_ == "ROOT" and verb.pos_ == "VERB"
    assert str(doc[2].morph).startswith("Animacy=")  # "России": a feature string
    for sent in doc.sents:
        assert sum(1 for t in sent if t.dep_ == "ROOT") == 1


def test_a_very_long_sentence_stays_in_bounded_memory(ru_nlp) -> None:
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    doc = ru_nlp(" ".join(["слово,"] * 5000))
    grew_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert len(doc) == 10_000 and grew_mb < 500


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "Да."])
def test_edge_texts(ru_nlp, text: str) -> None:
    assert ru_nlp(text).text == text


def test_split_name_cuts_bullets_parentheses_and_listed_people() -> None:
    from newsgraph.languages.ru import split_name

    text = "Монако • Намибия"
    assert [text[a:b] for a, b in split_name(text, 0, len(text), "LOC")] == ["Монако", "Намибия"]
    text = "Джоэл Саймон (Joel Simon)"
    assert [text[a:b] for a, b in split_name(text, 0, len(text), "PER")] == [
        "Джоэл Саймон",
        "Joel Simon",
    ]
    text = "Овечкин, Фёдоров"
    assert [text[a:b] for a, b in split_name(text, 0, len(text), "PER")] == ["Овечкин", "Фёдоров"]
    text = "городе Маунтин-Вью, штат Калифорния"  # a place keeps its comma
    assert len(split_name(text, 7, len(text), "LOC")) == 1
    text = "Бернс ("
    assert [text[a:b] for a, b in split_name(text, 0, len(text), "PER")] == ["Бернс"]


def test_the_eu_and_the_kremlin_are_organisations(ru_nlp) -> None:
    doc = ru_nlp("Евросоюз и Кремль не договорились, сообщил Дмитрий Песков.")
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels.get("Евросоюз") == "ORG" and labels.get("Кремль") == "ORG"


def test_a_latin_name_in_parentheses_is_the_same_entity(ru_nlp) -> None:
    from newsgraph.extractors.entities.intl import find_entities

    doc = ru_nlp("Глава МИД Франции Катрин Колонна (Catherine Colonna) прибыла в Киев.")
    layer = find_entities(doc, lang="ru", published="2023-06-01")
    [colonna] = [e for e in layer.entities if e.name == "Catherine Colonna"]
    assert {m.text for m in colonna.mentions} >= {"Катрин Колонна", "Catherine Colonna"}
