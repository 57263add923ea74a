"""Events (issue 17, session 19, from the seed-10002 verdicts). Invented sentences."""

from __future__ import annotations

from event_checks import coded_events, names, trigger


def _one(nlp, text, word):
    return trigger(coded_events(nlp, text, "2017-03-16"), word)


def test_a_title_set_off_by_commas_before_its_holder_is_no_second_target(nlp):
    # the parser reads 'Greek Prime Minister, Nikos Varan, and ...' as a list of three;
    # the title alone would be resolved to whoever holds it on the article's date
    text = (
        "French President, Paul Marin, invited Greek Prime Minister, Nikos Varan, and "
        "Cypriot Chairman, Sami Hadad, to discuss borders, security, settlements, refugees, "
        "and Nicosia."
    )
    assert names(_one(nlp, text, "invited").target) == ["Nikos Varan", "Sami Hadad"]


def test_names_joined_without_commas_keep_every_target(nlp):
    # guard: 'President Paul Marin and Chancellor Anna Berg' are two people
    text = "The minister invited President Paul Marin and Chancellor Anna Berg to talks."
    assert names(_one(nlp, text, "invited").target) == ["Paul Marin", "Anna Berg"]


def test_a_time_of_an_as_clause_dates_the_act_it_hangs_on(nlp):
    text = (
        "Opposition leader Ivan Petrov was shot to death on a bridge near the parliament "
        "as he walked home from a cafe in March 2014."
    )
    assert _one(nlp, text, "shot").date == "2014-03"


def test_harm_from_a_vehicle_mishap_is_no_attack(nlp):
    for text in (
        "Five Italian tourists were injured when a minibus hit a wall near the town of Bergen.",
        "Ten Afghan pilgrims were killed when their bus overturned on a mountain road.",
    ):
        assert not [e for e in coded_events(nlp, text, "2017-03-16") if e.type == "ASSAULT"]


def test_a_vehicle_of_a_force_or_one_driven_into_people_still_attacks(nlp):
    for text, word in (
        ("Six Kenyan protesters were injured when a police truck hit the crowd.", "injured"),
        ("Six Kenyan protesters were injured when a truck hit them.", "injured"),
        ("Two Syrian soldiers were killed when a bomb hit their car.", "killed"),
    ):
        assert _one(nlp, text, word).type == "ASSAULT"


def test_a_law_the_model_took_for_a_body_is_no_actor(nlp):
    # 'First Amendment' tagged an organisation: the attorneys sued, not the amendment
    text = "A group of First Amendment lawyers sued Governor Tom Hale on Friday over his curfew."
    event = _one(nlp, text, "sued")
    assert names(event.source) and "First Amendment" not in names(event.source)


def test_a_day_of_the_talks_an_act_took_place_in_dates_it(nlp):
    # 2017-03-16 is a Thursday: the Saturday before is 2017-03-11
    text = "Lavrov and his Chinese counterpart Wang Yi pledged in talks Saturday to work for peace."
    assert _one(nlp, text, "pledged").date == "2017-03-11"


def test_investing_in_companies_of_no_country_is_business(nlp):
    text = "Japan has made some major investments in car companies, but buying them solves little."
    assert not [e for e in coded_events(nlp, text, "2017-03-16") if e.type == "COOPERATE"]


def test_investing_in_companies_of_another_country_still_cooperates(nlp):
    text = "Japan has made major investments in Russian energy companies."
    assert _one(nlp, text, "investments").type == "COOPERATE"


def test_a_list_of_names_keeps_every_name(nlp):
    # guard: a name before ', Name' is a member of the list, not a title
    text = (
        "Skiers Ivan Orlov, Pavel Sidorin, Anna Berg and Olga Vasko will appeal to the "
        "Court of Arbitration for Sport."
    )
    sources = names(_one(nlp, text, "appeal").source)
    assert len(sources) == 4, sources


def test_a_group_a_nationality_modifies_is_not_taken_for_one_body_of_that_people():
    # 'the pro-Iranian X (...) group': a collective body whose own name, not the
    # adjective, may code it; 'a Russian zoo' is still one body of the people
    from newsgraph.extractors.events.actors import _body_of_people

    assert not _body_of_people("the pro-Western Kadra group")
    assert _body_of_people("A Russian zoo")
