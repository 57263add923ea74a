"""Event sides (issue 17, session 18, from the seed-9954 verdicts). Invented sentences."""

from __future__ import annotations

from event_checks import coded_events, names, trigger, triggered


def test_a_name_the_tagger_took_for_a_plural_noun_is_still_a_side(nlp):
    # 'Sessions' after a verb is tagged a plural common noun ('sessions'); the entity
    # layer names it (the Attorney General of the sentence before), so it is the target
    text = (
        "Attorney General Jeff Sessions met the envoy twice last year. "
        "Congresswoman Ana Ruiz criticised Sessions for keeping his meetings with the envoy secret."
    )
    event = trigger(coded_events(nlp, text, "2017-03-16"), "criticised")
    assert names(event.target) == ["Jeff Sessions"]


def test_a_plural_noun_no_name_stands_for_is_still_no_side(nlp):
    # guard: common plural nouns stay what they were ('criticised the sessions')
    text = "Senator Tom Halpern criticised the sessions for their length."
    for event in coded_events(nlp, text, "2017-03-16"):
        assert "sessions" not in " ".join(names(event.target)).lower()


def test_for_and_a_gerund_after_a_demanded_thing_is_a_reason_not_a_target(nlp):
    text = "President Tom Hale demanded Quill's resignation for misleading the vice president."
    event = trigger(coded_events(nlp, text, "2017-03-16"), "demanded")
    assert names(event.target) == ["Quill"]


def test_to_and_a_gerund_after_a_commitment_still_gives_the_target(nlp):
    # guard: 'commitment to defending Estonia' is aimed at Estonia
    text = "The allies renewed their commitment to defending Estonia on Monday."
    event = trigger(coded_events(nlp, text, "2017-03-16"), "commitment")
    assert names(event.target) == ["Estonia"]


def test_an_object_pronoun_refers_to_the_subject_of_the_clause_joined_before_it(nlp):
    # 'X had faced ..., and a panel rejected him': the 'and' clause has a subject of its
    # own, so X is no subject of the pronoun's clause; him is X, not the man before
    text = (
        "President Tom Hale praised his new attorney general. Mark Quill had faced "
        "accusations of fraud, and a Senate panel rejected him for a federal judgeship in 1986."
    )
    event = trigger(coded_events(nlp, text, "2017-03-16"), "rejected")
    assert names(event.target) == ["Mark Quill"]


def test_an_object_pronoun_is_still_not_the_subject_its_verb_shares(nlp):
    # guard: 'Quill met Hale and praised him': praised shares Quill as subject
    text = "Mark Quill met President Tom Hale on Monday and praised him."
    event = trigger(coded_events(nlp, text, "2017-03-16"), "praised")
    assert names(event.target) == ["Tom Hale"]


def test_a_thing_to_blame_is_its_owners_fault(nlp):
    text = "Party leader Anna Kerr said Labour's approach was to blame for the collapse."
    event = trigger(coded_events(nlp, text, "2017-03-16"), "blame")
    assert names(event.target) == ["Labour"]


def test_weather_to_blame_has_no_target(nlp):
    # guard: a thing no one owns stays no side
    text = "Party leader Anna Kerr said the weather was to blame for the delay."
    for event in triggered(coded_events(nlp, text, "2017-03-16"), "blame"):
        assert not event.target


def test_a_battle_its_modifier_places_in_diplomacy_is_no_force(nlp):
    for text in (
        "The poisoning has started a bitter diplomatic battle between Chile and Peru.",
        "The dispute turned into a legal battle between Chile and Peru.",
    ):
        assert not triggered(coded_events(nlp, text, "2017-03-16"), "battle"), text


def test_a_measure_that_hurts_a_country_is_no_force(nlp):
    text = "The new tariffs are hurting Canada badly, the minister said."
    assert not triggered(coded_events(nlp, text, "2017-03-16"), "hurting")


def test_fuel_burnt_is_nothing_destroyed(nlp):
    text = "Poland is still burning coal and lignite for most of its power."
    assert not triggered(coded_events(nlp, text, "2017-03-16"), "burning")


def test_force_with_a_conflict_noun_a_harm_or_a_fire_is_still_coded(nlp):
    # guards: an embassy burned, soldiers hurt by a bombing
    burned = coded_events(nlp, "Militants burned the Chilean embassy in Lima.", "2017-03-16")
    assert [e.type for e in triggered(burned, "burned")] == ["ASSAULT"]
    hurt = coded_events(nlp, "The bombing hurt Syrian soldiers, Russia said.", "2017-03-16")
    assert [e.type for e in triggered(hurt, "hurt")] == ["ASSAULT"]


def test_a_visit_to_a_museum_consults_no_one(nlp):
    for text in (
        "Russian President Vladimir Putin visited Moscow's famous Tretyakov Arts Gallery on "
        "Wednesday night.",
        "President Emmanuel Macron visited the Louvre Museum on Monday.",
    ):
        assert not triggered(coded_events(nlp, text, "2017-03-16"), "visited"), text


def test_a_visit_to_a_seat_of_government_still_consults(nlp):
    # guard: the White House and an embassy are bodies' seats, hosts of talks
    for text, host in (
        ("Merkel visited the White House on Friday.", "White House"),
        ("Merkel visited the Russian embassy on Friday.", "Russian embassy"),
    ):
        event = trigger(coded_events(nlp, text, "2017-03-16"), "visited")
        assert names(event.target) == [host]
