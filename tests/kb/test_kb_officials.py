"""Office holders added in session 7: cabinets, agencies, central banks and Congress by date.

Role phrases resolve to the holder on the article's day ("the attorney general" of a
2017 US article is Sessions, of 2019 Barr); the Senate's leaders are not the House's
speaker; a person named with such a title bounds an undated article's day.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from newsgraph.extractors.times.dating_roles import role_clues
from newsgraph.kb import holder, load_kb, lookup_name, resolve_role_phrase


@pytest.fixture(scope="module")
def kb():
    return load_kb(use_env=False)


def _name(actor):
    return actor.name if actor else None


@pytest.mark.parametrize(
    ("phrase", "day", "country", "expected"),
    [
        ("the attorney general", "2017-06-01", "USA", "Jeff Sessions"),
        ("the attorney general", "2019-06-01", "USA", "William Barr"),
        ("the attorney general", "2014-06-01", "USA", "Eric Holder"),
        ("the attorney general", "2016-06-01", "USA", "Loretta Lynch"),
        ("the attorney general", "2022-06-01", "USA", "Merrick Garland"),
        ("the US attorney general", "2019-03-01", None, "William Barr"),
        ("the US treasury secretary", "2018-01-10", None, "Steven Mnuchin"),
        ("the US Treasury Secretary", "2015-01-10", None, "Jack Lew"),
        ("the White House chief of staff", "2017-03-01", None, "Reince Priebus"),
        ("the White House chief of staff", "2018-03-01", None, "John Kelly"),
        ("the White House chief of staff", "2020-06-01", None, "Mark Meadows"),
        ("the national security adviser", "2017-02-01", "USA", "Michael Flynn"),
        ("the national security adviser", "2017-06-01", "USA", "H. R. McMaster"),
        ("the national security advisor", "2018-06-01", "USA", "John Bolton"),
        ("the FBI director", "2016-06-01", None, "James Comey"),
        ("the FBI director", "2017-09-01", None, "Christopher Wray"),
        ("the CIA director", "2015-06-01", None, "John Brennan"),
        ("the CIA director", "2017-06-01", None, "Mike Pompeo"),
        ("the director of national intelligence", "2013-06-01", "USA", "James Clapper"),
        ("the director of national intelligence", "2017-06-01", "USA", "Dan Coats"),
        ("the Homeland Security Secretary", "2017-03-01", "USA", "John Kelly"),
        ("the EPA chief", "2017-06-01", None, "Scott Pruitt"),
        ("the Fed chair", "2016-06-01", None, "Janet Yellen"),
        ("the Federal Reserve chairman", "2019-01-01", None, "Jerome Powell"),
        ("the Bank of England governor", "2017-06-01", None, "Mark Carney"),
        ("the House speaker", "2015-06-01", "USA", "John Boehner"),
        ("the House speaker", "2017-06-01", "USA", "Paul Ryan"),
        ("the House speaker", "2021-06-01", "USA", "Nancy Pelosi"),
        ("the Senate majority leader", "2017-06-01", "USA", "Mitch McConnell"),
        ("the Senate majority leader", "2022-06-01", "USA", "Chuck Schumer"),
        ("the Senate minority leader", "2017-06-01", "USA", "Chuck Schumer"),
        ("the House minority leader", "2017-06-01", "USA", "Nancy Pelosi"),
        ("the British chancellor", "2017-03-01", None, "Philip Hammond"),
        ("the Chancellor of the Exchequer", "2014-03-01", "GBR", "George Osborne"),
        ("the Home Secretary", "2017-03-01", "GBR", "Amber Rudd"),
        ("the UK defence secretary", "2017-03-01", None, "Michael Fallon"),
        ("the Brexit secretary", "2017-03-01", "GBR", "David Davis"),
        ("the Taoiseach", "2017-03-01", "IRL", "Enda Kenny"),
        ("the Taoiseach", "2018-03-01", "IRL", "Leo Varadkar"),
        ("the German finance minister", "2016-03-01", None, "Wolfgang Schäuble"),
        ("the German interior minister", "2016-03-01", None, "Thomas de Maizière"),
        ("the German chancellor", "2017-03-01", None, "Angela Merkel"),
        ("the German health minister", "2020-03-01", None, "Jens Spahn"),
        ("the Russian finance minister", "2017-03-01", None, "Anton Siluanov"),
        ("the Chinese defence minister", "2019-03-01", None, "Wei Fenghe"),
        ("the PBOC governor", "2019-03-01", None, "Yi Gang"),
        ("the Bank of Canada governor", "2010-03-01", None, "Mark Carney"),
    ],
)
def test_role_phrase_names_the_holder_of_the_day(kb, phrase, day, country, expected):
    assert _name(resolve_role_phrase(kb, phrase, day, country=country)) == expected


@pytest.mark.parametrize(
    ("phrase", "country"),
    [
        ("the attorney general", "FRA"),  # the US office only
        ("the French chancellor", None),  # chancellor: Germany, Austria, the UK's exchequer
        ("the Russian director", None),  # 'director' only for the FBI and the CIA
        ("the Russian chairman", None),
        ("the Brexit secretary", "USA"),
    ],
)
def test_new_role_words_do_not_guess(kb, phrase, country):
    assert resolve_role_phrase(kb, phrase, "2017-06-01", country=country) is None


def test_an_acting_stint_is_no_tenure_clue(kb):
    """'former acting Attorney General Sally Yates' (March 2017) dated articles to her ten
    days as acting attorney general: acting stints are kept under their own role keys."""
    assert resolve_role_phrase(kb, "the attorney general", "2017-01-25", country="USA") is None
    text = "The former acting Attorney General Sally Yates will testify on Monday."
    assert role_clues(text, kb, date(2026, 1, 1)) == []
    yates = lookup_name(kb, "Sally Yates")[0]
    assert "acting_justice_minister" in {r.role for r in yates.roles}


def test_the_house_speaker_is_never_a_senate_leader(kb):
    """McConnell, Schumer and Thune were once stored as speakers: 'the House speaker'
    of 2021 was Schumer. Every month from 2007 the holder is a Speaker of the House (none
    while the chair was vacant, 3-25 October 2023)."""
    day = date(2007, 2, 1)
    while day < date(2025, 6, 1):
        actor = holder(kb, "legislature_speaker", "USA", day)
        assert actor is not None or date(2023, 10, 3) < day < date(2023, 10, 25), day
        if actor is None:
            day += timedelta(days=30)
            continue
        titles = {r.title for r in actor.roles if r.role == "legislature_speaker"}
        assert titles == {"Speaker of the United States House of Representatives"}, (day, actor)
        day += timedelta(days=30)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jeff Sessions", "ng:person:jeff-sessions"),
        ("Steve Mnuchin", "ng:person:steven-mnuchin"),
        ("H.R. McMaster", "ng:person:h-r-mcmaster"),
        ("Mike Flynn", "ng:person:michael-flynn"),
        ("Sergei Kislyak", "ng:person:sergey-kislyak"),
        ("Wolfgang Schaeuble", "ng:person:wolfgang-schauble"),
        ("Abd-Rabbu Mansour Hadi", "ng:person:abdrabbuh-mansur-hadi"),
        ("Vassily Nebenzia", "ng:person:vasily-nebenzya"),
        ("Micheal Martin", "ng:person:micheal-martin"),
    ],
)
def test_new_names_and_spellings_resolve(kb, text, expected):
    found = lookup_name(kb, text)
    assert found and found[0].id == expected


def test_a_surname_shared_with_an_older_record_follows_the_day(kb):
    # Amber Rudd (Home Secretary 2016-2018) and Kevin Rudd (Australia) share 'Rudd'
    assert lookup_name(kb, "Rudd", on="2017-03-01")[0].name == "Amber Rudd"
    assert lookup_name(kb, "Rudd", on="2008-03-01")[0].name == "Kevin Rudd"


@pytest.mark.parametrize(
    ("text", "first_day", "last_day"),
    [
        (
            "Attorney General Jeff Sessions said he would recuse himself.",
            "2017-02-09",
            "2018-11-07",
        ),
        ("FBI Director James Comey told the committee on Monday.", "2013-09-04", "2017-05-09"),
        ("Taoiseach Enda Kenny will travel to Washington.", "2011-03-09", "2017-06-14"),
        ("Chancellor Philip Hammond will present the budget.", "2016-07-13", "2019-07-24"),
        ("Treasury Secretary Steven Mnuchin said on Friday.", "2017-02-13", "2021-01-20"),
    ],
)
def test_a_title_before_a_new_name_bounds_the_article_day(kb, text, first_day, last_day):
    clues = role_clues(text, kb, date(2026, 1, 1))
    assert [c.spans for c in clues] == [
        ((date.fromisoformat(first_day), date.fromisoformat(last_day)),)
    ]
