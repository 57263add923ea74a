"""Entity links that events and quotes use as actors and speakers (issue 17;
docs/quality.md "Session 13: entity links").

Each case is an invented text for one rule and fails on the code before it, except
those marked "guard", which keep a rule from reaching too far. No knowledge base unless
a case says so: every person is local to the article.
"""

from __future__ import annotations

from entity_checks import local_layer_of as layer_of
from entity_checks import word_entity_at as entity_at

_ENVOY = (
    "Seoul has blamed Japan for the dispute. Park Min-ho, South Korea's deputy UN "
    "ambassador, told reporters that the case was a product of reckless moves. Park said "
    "on Monday in New York that Park Ji-sung had left the city. Park Ji-sung was found in "
    "Busan on Friday. Ambassador Park said the cause of Park Ji-sung's illness was unclear."
)


def test_a_korean_given_name_the_model_cut_is_part_of_the_name(nlp):
    text = (
        "Seoul has blamed Japan. Kim In-sook, South Korea's deputy UN ambassador, told "
        "reporters that the case was a product of reckless moves."
    )
    layer = layer_of(nlp, text)
    people = {e.name for e in layer.entities if e.type == "PERSON"}
    assert people == {"Kim In-sook"}


def test_a_word_several_named_people_fit_is_the_one_named_last_before_it(nlp):
    layer = layer_of(nlp, _ENVOY)
    assert entity_at(layer, _ENVOY, "Park", 1) == entity_at(layer, _ENVOY, "Park Min-ho")


def test_a_title_before_the_word_picks_the_namesake_with_that_stated_role(nlp):
    layer = layer_of(nlp, _ENVOY)
    assert entity_at(layer, _ENVOY, "Park", 4) == entity_at(layer, _ENVOY, "Park Min-ho")
    assert entity_at(layer, _ENVOY, "Park Ji-sung", 2) != entity_at(layer, _ENVOY, "Park Min-ho")


def test_guard_a_western_surname_goes_to_the_last_full_name_before_it(nlp):
    text = (
        "John Harris, a farmer, sued the county in May. The case was heard by Judge Mary "
        "Harris on Tuesday. Harris ruled that the county must pay."
    )
    layer = layer_of(nlp, text)
    assert entity_at(layer, text, "Harris", 2) == entity_at(layer, text, "Mary Harris")


def test_an_alias_ending_in_a_body_noun_followed_by_of_a_name_is_another_body(nlp):
    from entity_checks import layer_of as kb_layer_of

    text = (
        "Police named the suspect on Sunday. The Bureau of Alcohol, Tobacco, Firearms and "
        "Explosives is assisting the police with the search."
    )
    layer = kb_layer_of(nlp, text)
    assert "ng:org:fbi" not in {e.id for e in layer.entities}


def test_guard_the_alias_alone_still_names_its_body(nlp):
    from entity_checks import layer_of as kb_layer_of

    text = "The FBI opened an inquiry in May. The Bureau said on Monday that it would help."
    layer = kb_layer_of(nlp, text)
    assert entity_at(layer, text, "Bureau") == "ng:org:fbi"


def test_a_one_word_name_after_the_is_no_person(nlp):
    text = (
        "Federal police killed the commander of Islamic State of Iraq and the Levant (ISIL) "
        "in Raqqa, a spokesman said."
    )
    layer = layer_of(nlp, text)
    assert not [e for e in layer.entities if e.type == "PERSON"]


def test_a_one_word_subject_after_the_is_no_person(nlp):
    text = "The Osprey was destroyed by an airstrike to keep it from falling into AQAP hands."
    layer = layer_of(nlp, text)
    assert not [e for e in layer.entities if e.type == "PERSON"]


def test_guard_a_name_modifying_a_noun_after_the_stays_a_person(nlp):
    text = "Critics of the Obama administration met in May. Obama said nothing."
    layer = layer_of(nlp, text)
    assert [e.name for e in layer.entities if e.type == "PERSON"] == ["Obama"]


def test_a_kb_organisation_name_with_lower_case_joiners_is_matched(nlp):
    from entity_checks import layer_of as kb_layer_of

    text = (
        "Federal police killed the commander of Islamic State of Iraq and the Levant (ISIL) "
        "in Raqqa, a spokesman said."
    )
    layer = kb_layer_of(nlp, text)
    assert not [e for e in layer.entities if e.type == "PERSON"]
    needle = "Islamic State of Iraq and the Levant"
    start = text.index(needle)
    found = layer.resolve(start, start + len(needle))
    assert found is not None and found.entity == "ng:org:islamic-state"


_EGYPT = (
    "Hosni Mubarak will be released from a military hospital in Cairo, his lawyer said. "
    "Egypt's appeals court acquitted Mubarak on March 2. Relatives of those killed in "
    "Egypt were angry, and critics say abuses have returned under President Abdel Fattah "
    "el-Sisi. The president who ruled for 30 years was accused of inciting the "
    "deaths of protesters. Later, the president said on television that Egypt was calm."
)


def test_a_role_defined_by_a_past_relative_clause_is_no_holder_of_today(nlp):
    from entity_checks import layer_of as kb_layer_of

    layer = kb_layer_of(nlp, _EGYPT)
    found = layer.resolve(*_span(_EGYPT, "The president who ruled"))
    assert found is None or found.entity == "ng:person:hosni-mubarak"


def test_guard_a_bare_office_in_the_present_is_still_the_holder_of_today(nlp):
    from entity_checks import layer_of as kb_layer_of

    layer = kb_layer_of(nlp, _EGYPT)
    found = layer.resolve(*_span(_EGYPT, "the president said"))
    assert found is not None and found.entity == "ng:person:abdel-fattah-el-sisi"


def _span(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    head = needle.split()[1]
    return start, start + needle.index(head) + len(head)


def test_a_subject_pronoun_is_no_object_of_its_own_verb(nlp):
    text = (
        "Governor Tom Webb signed the order in May. When District Judge Peter Lane ruled "
        "against the order, he blamed Lane for future crime. He blamed the mayor too."
    )
    layer = layer_of(nlp, text)
    assert entity_at(layer, text, "he") == entity_at(layer, text, "Tom Webb")
    assert entity_at(layer, text, "He") == entity_at(layer, text, "Tom Webb")


def test_guard_a_subject_pronoun_may_still_be_the_object_of_another_verb(nlp):
    text = (
        "Governor Tom Webb praised Peter Lane in May. Lane thanked the governor, and he "
        "said he would serve."
    )
    layer = layer_of(nlp, text)
    assert entity_at(layer, text, "he") == entity_at(layer, text, "Peter Lane")


def test_an_org_nominal_after_another_one_of_its_noun_brought_in_is_unlinked(nlp):
    text = (
        "The case may reach the Ruritanian Constitutional Court next year. Until then a "
        "court must rule on bail within ten days. The same court had rejected a request "
        "last month."
    )
    layer = layer_of(nlp, text)
    assert entity_at(layer, text, "court", 1) is None


def test_guard_an_org_nominal_with_a_court_spokesman_between_keeps_its_link(nlp):
    text = (
        "The case was heard at Preston Crown Court on Monday. A court spokesman said the "
        "hearing was over. The court had rejected a request last month."
    )
    layer = layer_of(nlp, text)
    found = entity_at(layer, text, "court", 1)
    assert found is not None and found == entity_at(layer, text, "Preston Crown Court")


def test_a_plural_person_whose_singular_names_a_group_is_that_group(nlp):
    text = (
        "Saudi Arabia leads a coalition against Houthi fighters. The coalition was formed "
        "in 2015 to fight the Houthis and troops loyal to the former president."
    )
    layer = layer_of(nlp, text)
    assert not [e for e in layer.entities if e.type == "PERSON"]
