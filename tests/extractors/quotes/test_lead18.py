"""Quote speakers (issue 17, session 18, from the seed-9954 verdicts): page furniture run
into a speaker's name. Invented sentences."""

from __future__ import annotations

from quote_checks import quotes_of

_SHARE_BAR = (
    "The office said on Tuesday that it is now pushing for every newcomer to be registered "
    'in order to combat so-called "double names." Send Facebook Twitter Google+ Whatsapp '
    "Tumblr linkedin stumble Digg reddit Newsvine Permalink http://example.de/p/3Yk2 Maria "
    'Lopes, who recently took over leadership of the office, told the "Kieler Zeitung" that '
    "it is now the duty of the regional offices to register newcomers."
)
_MAIL = (
    "The line opens in May. desk@example-daily.com - Lin Wei, a student, told the paper "
    "that the trip took three hours."
)


def _speaker(nlp, text, words):
    found = [q for q in quotes_of(nlp, text, layer=True) if words in q.text]
    assert len(found) == 1, [q.text for q in quotes_of(nlp, text, layer=True)]
    return found[0].speaker


def test_a_share_bar_and_link_before_a_name_are_no_part_of_the_speaker(nlp):
    speaker = _speaker(nlp, _SHARE_BAR, "regional offices")
    assert (speaker.name, speaker.text) == ("Maria Lopes", "Maria Lopes")


def test_an_address_before_a_name_is_no_part_of_the_speaker(nlp):
    speaker = _speaker(nlp, _MAIL, "three hours")
    assert (speaker.name, speaker.text) == ("Lin Wei", "Lin Wei")


def test_a_name_with_furniture_glued_before_it_keeps_the_name():
    from newsgraph.extractors.quotes.speakers import _without_furniture

    assert _without_furniture("Newsvine Permalink http://example.de/p/3Yk2 Maria Lopes") == (
        "Maria Lopes"
    )
    assert _without_furniture("desk@example-daily.com - Lin Wei") == "Lin Wei"
    # guards: names with no furniture, and furniture with no name after it
    for name in ("Jean-Marie Le Pen", "Lord Deben", "Reuters", "http://example.de/p/3Yk2"):
        assert _without_furniture(name) == name


def test_a_statement_issued_by_it_speaks_for_the_organisation_it_stands_for(nlp):
    text = (
        "Harbor Lines, the ferry company that runs the boat, apologized for the crash. It said "
        'in a statement that the boat hit a rock. "We are sorry for the damage we caused," '
        "the statement said."
    )
    assert _speaker(nlp, text, "We are sorry").name == "Harbor Lines"


def test_a_statement_issued_by_she_stays_unnamed(nlp):
    # guard: only an organisation's 'it' is looked up; a person's statement is not the
    # organisation's, and 'she' names no one here
    text = (
        "Harbor Lines apologized for the crash. The captain resigned. She said in a "
        'statement that she was sorry. "I made mistakes," the statement said.'
    )
    assert _speaker(nlp, text, "I made mistakes").name != "Harbor Lines"


def test_a_statement_issued_by_an_it_no_organisation_stands_for_stays_the_statement(nlp):
    # an 'it' the resolver cannot place is no speaker: the document's words stay unlinked
    text = (
        "The crash closed the harbour. It said in a statement that the boat hit a rock. "
        '"We are sorry for the damage we caused," the statement said.'
    )
    assert _speaker(nlp, text, "We are sorry").name not in ("It", "it")
