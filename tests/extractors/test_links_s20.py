"""Names that are no actors, and entity links on event sides (issue 17, session 20, dev
draw 10018). Invented text; each case fails on the code before it, except those marked
"guard", which keep a rule from reaching too far."""

from __future__ import annotations

from event_checks import coded_events

from newsgraph.extractors.entities.layer import find_entities
from newsgraph.extractors.quotes import find_quotes


def _sides(events):
    return [a for e in events for a in (*e.source, *e.target)]


def _side_names(text: str, nlp) -> list[str]:
    """The names on the sides of the text's events (``nlp`` may hand back a doc whose
    entities were set by hand)."""
    return [a.name or "" for a in _sides(coded_events(nlp, text, "2017-03-13"))]


def _with_span(nlp, text: str, needle: str, label: str):
    """The parsed text with the model's entity over ``needle`` set to ``label`` (a span
    the small model makes on real text; the rule under test is what the layers do)."""
    doc = nlp(text)
    start = text.index(needle)
    span = doc.char_span(start, start + len(needle), label=label)
    assert span is not None
    doc.ents = [e for e in doc.ents if e.end <= span.start or e.start >= span.end] + [span]
    return doc


def _named(doc, needle: str) -> bool:
    """Whether the entity layer gives the phrase ``needle`` an entity."""
    layer = find_entities(doc, published="2017-03-13")
    start = doc.text.index(needle)
    return layer.resolve(start, start + len(needle)) is not None


# ------------------------------------------------ one list of document words, by head


def test_a_convention_named_with_its_subject_is_no_target(nlp):
    # the model's ORG ends in 'Rights'; its head, 'Convention', makes it a text
    text = "Protesters in Warsaw denounced the European Convention on Human Rights on Monday."
    assert not any("Convention" in n for n in _side_names(text, nlp))


def test_a_convention_named_with_its_subject_is_no_entity(nlp):
    text = "Lawyers said the prison breached the European Convention on Human Rights."
    doc = _with_span(nlp, text, "European Convention on Human Rights", "ORG")
    assert not _named(doc, "European Convention on Human Rights")


def test_a_treaty_word_the_event_layer_knew_is_no_entity_either(nlp):
    # 'convention' was a document word of the event layer only
    text = "The Chemical Weapons Convention bans sarin, and Syria signed it in 2013."
    assert not _named(nlp(text), "Chemical Weapons Convention")


def test_a_protocol_the_model_took_for_a_body_is_no_target(nlp):
    # 'protocol' was a document word of the entity layer only
    text = "Senator Dale Horne denounced the Kyoto Protocol on Monday."
    doc = _with_span(nlp, text, "the Kyoto Protocol", "ORG")
    assert not any("Protocol" in n for n in _side_names(text, lambda _: doc))


def test_a_government_named_after_an_accord_is_a_body(nlp):
    # the head of 'the Government of National Accord' is 'Government', not 'Accord'
    text = "The Government of National Accord accused Haftar of shelling Tripoli."
    assert any("Government of National Accord" in n for n in _side_names(text, nlp))


def test_guard_a_court_named_after_law_stays_an_actor(nlp):
    text = "The Law and Justice party criticised the Constitutional Court on Monday."
    assert any("Constitutional Court" in n for n in _side_names(text, nlp))


def test_guard_a_party_named_after_law_stays_an_entity(nlp):
    text = "Poland's Law and Justice won the vote, and the Government of National Unity lost."
    assert _named(_with_span(nlp, text, "Law and Justice", "ORG"), "Law and Justice")


# ------------------------------------------------ a short name of a body told in full


def _entity_name(doc, needle: str, nth: int = 0) -> str | None:
    """The name of the entity the ``nth`` occurrence of ``needle`` resolves to."""
    layer = find_entities(doc, published="2017-03-13")
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(needle, start + 1)
    found = layer.resolve(start, start + len(needle))
    entity = layer.entity(found.entity) if found else None
    return entity.name if entity else None


def test_a_newspaper_named_by_its_last_word_is_the_newspaper(nlp):
    text = (
        "Senator Ruth Okafor met a Chinese envoy twice, The Chicago Herald reported. "
        "The talks took place in her office, the Herald said, citing two aides."
    )
    assert _entity_name(nlp(text), "Herald", 1) == "Chicago Herald"


def test_a_speaker_named_by_a_newspaper_last_word_is_the_newspaper(nlp):
    text = (
        "The Denver Ledger reported on Monday that the mayor had resigned. "
        "The mayor will leave office next week, the Ledger said."
    )
    doc = nlp(text)
    layer = find_entities(doc, published="2017-03-13")
    quotes = find_quotes(doc, resolve=layer.resolve)
    said = [q.speaker for q in quotes if q.speaker and q.speaker.text == "the Ledger"]
    assert said and said[0].entity and layer.entity(said[0].entity).name == "Denver Ledger"


def test_guard_a_last_word_two_names_end_stays_its_own(nlp):
    text = (
        "The Denver Ledger and The Boston Ledger both reported the deal on Monday. "
        "The price was too high, the Ledger said."
    )
    assert _entity_name(nlp(text), "Ledger", 2) not in ("Denver Ledger", "Boston Ledger")


def test_guard_a_party_word_is_no_short_name(nlp):
    # the party of the whole country, not its Texas branch
    text = "The Texas Democrats and the Democrats both criticised the budget on Monday."
    doc = nlp(text)
    short = text.index("Democrats", text.index("the Democrats"))
    doc.ents = [doc.char_span(4, 19, "ORG"), doc.char_span(short, short + 9, "ORG")]
    assert _entity_name(doc, "Democrats", 1) != _entity_name(doc, "Texas Democrats")


def test_guard_a_short_name_of_a_name_with_no_place_stays_its_own(nlp):
    # 'the House' is the legislature, not the White House
    text = "The White House said on Monday that the House would vote on the bill."
    assert _entity_name(nlp(text), "House", 1) != "White House"
