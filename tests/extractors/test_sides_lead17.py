"""Event sides (issue 17, session 17, from the seed-9991 verdicts): the holder of what is
hit or entered, and a named zone that is a place. Invented sentences."""

from __future__ import annotations

from event_checks import coded_events, names, trigger


def test_the_holder_of_facilities_destroyed_is_the_target(nlp):
    text = (
        "The Iraqi army has destroyed dozens of facilities of the Islamic State near Mosul, "
        "a spokesman said on Tuesday."
    )
    event = trigger(coded_events(nlp, text, "2017-03-16"), "destroyed")
    assert names(event.target) == ["Islamic State"]


def test_the_holder_of_offices_raided_is_the_target(nlp):
    text = "Turkish police raided the offices of the Peoples' Democratic Party in Ankara on Monday."
    event = trigger(coded_events(nlp, text, "2017-03-16"), "raided")
    assert names(event.target) == ["Peoples' Democratic Party"]


def test_pictures_of_someone_are_not_theirs(nlp):
    # guard: 'of X' names the holder of a place or a post, not the subject of a picture
    text = "The French government banned pictures of the Islamic State on Monday."
    for event in coded_events(nlp, text, "2017-03-16"):
        assert "Islamic State" not in names(event.target)


def test_a_named_zone_toured_is_a_place_not_a_side(nlp):
    text = "The Japanese foreign minister toured the Demilitarized Zone on Friday."
    for event in coded_events(nlp, text, "2017-03-16"):
        assert "Demilitarized Zone" not in names(event.target)


def test_a_participle_joined_to_a_passive_shares_its_subject(nlp):
    text = (
        "Maria Lopez refused to sign the decree. Within hours, she was dismissed and accused "
        "by President Trump of disloyalty."
    )
    event = trigger(coded_events(nlp, text, "2017-03-16"), "accused")
    assert names(event.source) == ["Donald Trump"]
    assert names(event.target) == ["Maria Lopez"]


def test_whom_a_deployed_system_is_directed_at_is_the_target(nlp):
    text = "Canada has begun deploying a radar system directed at Russia."
    event = trigger(coded_events(nlp, text, "2017-03-16"), "deploying")
    assert names(event.target) == ["Russia"]


def test_a_name_in_a_relative_clause_hung_as_a_complement_is_no_target(nlp):
    text = (
        "The talks were requested by Canada and Mexico -- whose president Enrique Pena Nieto "
        "was meeting Justin Trudeau in Ottawa at the time."
    )
    event = trigger(coded_events(nlp, text, "2017-03-16"), "requested")
    assert names(event.source) == ["Canada", "Mexico"]
    assert "Enrique Peña Nieto" not in names(event.target)


def test_a_politicians_pledge_about_their_own_country_targets_no_one(nlp):
    text = "Marine Le Pen has pledged to take France out of the euro and close the borders."
    event = trigger(coded_events(nlp, text, "2017-03-16"), "pledged")
    assert names(event.source) == ["Marine Le Pen"]
    assert names(event.target) == []


def test_a_pledge_to_defend_another_country_keeps_it(nlp):
    # guard: another country is whom the pledge is made to
    text = "Trump pledged to defend Japan against any attack."
    assert names(trigger(coded_events(nlp, text, "2017-03-16"), "pledged").target) == ["Japan"]
