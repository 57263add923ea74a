"""Events (issue 17, session 20, from the seed-10011 verdicts). Invented sentences."""

from __future__ import annotations

from event_checks import coded_events, names, trigger


def _one(nlp, text, word, published="2017-03-16"):
    return trigger(coded_events(nlp, text, published), word)


def test_the_subject_the_parser_hung_inside_an_opening_participle(nlp):
    # with a sentence before it, the parser makes 'Speaking in Kiev' the clausal subject
    # and the minister an apposition to Kiev
    text = (
        "Officials met on Monday. Speaking in Kiev, Ukraine's prime minister, Oleh Varko, "
        "accused Moscow of sending troops."
    )
    event = _one(nlp, text, "accused")
    assert names(event.source) == ["Oleh Varko"]


def test_who_judges_an_accusation_did_not_make_it(nlp):
    text = (
        "North Korea has denied the accusations and called the allegation that the nerve "
        'agent was used in the killing "absurd".'
    )
    events = coded_events(nlp, text, "2017-03-02")
    alleged = [e for e in events if e.trigger.text == "allegation"]
    assert all("North Korea" not in names(e.source) for e in alleged)
    assert names(trigger(events, "denied").source) == ["North Korea"]


def test_a_list_of_passive_participles_shares_its_subject(nlp):
    text = (
        "Omar Haddad, a Syrian who lives in Doha, was stopped, questioned and detained by "
        "the Egyptian authorities on December 20."
    )
    event = _one(nlp, text, "detained")
    assert names(event.target) == ["Omar Haddad"]
    assert event.date == "2016-12-20"


def test_each_by_phrase_names_an_agent(nlp):
    text = "The plan was turned down by Berlin and, less consequentially, by Paris."
    assert {a.country for a in _one(nlp, text, "turned").source} == {"DEU", "FRA"}


def test_acts_joined_in_an_after_clause_of_a_present_state_are_not_today(nlp):
    text = (
        "Ties between the two states are strained after several Dutch cities cancelled "
        "and banned political rallies planned by visiting Turkish politicians."
    )
    assert _one(nlp, text, "banned", "2017-03-19").date is None


def test_a_company_officer_leaving_is_no_political_concession(nlp):
    for text in (
        "Veltro Corp Vice-President Hugo Marsh has quit after four years with the maker.",
        "Talbot's general counsel, Ronald Weir, resigned without severance pay.",
        "The CEO of the bank, Anna Brook, stepped down on Friday.",
    ):
        assert not [e for e in coded_events(nlp, text) if e.type == "CONCEDE"], text


def test_a_minister_or_a_territory_s_chief_executive_resigning_stays(nlp):
    for text in (
        "Italian Prime Minister Matteo Renzi resigned on Monday.",
        "Macau's chief executive, Ho Wai, resigned on Monday.",
    ):
        assert _one(nlp, text, "resigned").type == "CONCEDE", text


def test_money_deployed_is_no_force(nlp):
    text = (
        "Kenya's treasury will have to deploy about 40 percent of its tax revenues to "
        "service loans next year."
    )
    assert not [e for e in coded_events(nlp, text) if e.trigger.text == "deploy"]


def test_troops_deployed_stay(nlp):
    text = "Russia will deploy 5,000 troops to the border next year."
    assert _one(nlp, text, "deploy").source


def test_an_office_of_many_countries_stays_the_name_the_text_made_of_it(nlp):
    # guard for the lone-office rule ('The Taoiseach' is a role phrase): 'the Queen' is
    # no one country's office, and stays the name the text makes of it
    text = "In February 1972, the Queen visited King Bhumibol in Thailand."
    visit = trigger(coded_events(nlp, text, "2017-02-06"), "visited")
    assert names(visit.source) == ["Queen"]
