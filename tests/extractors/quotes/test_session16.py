"""Quotes from the session-16 dev draws (issue 17, seeds 9988-9990): things acted on or
decided that are no words, spans cut or run on, and speakers. Sentences invented; the
tests named ``guard`` pass before and after."""

from __future__ import annotations

import pytest
from quote_checks import none_with, only, quotes_of

spacy = pytest.importorskip("spacy")


# --- 'praised the benefits of X', 'tweeted a photo': a thing acted on, no words ------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (
            "The new chairman has often praised the benefits of robots in the bakery trade.",
            "robots",
        ),
        ("Several shoppers praised the shop on social media.", "the shop"),
        ("The reporter tweeted a long line of trucks at the border.", "line of trucks"),
        ("The group changed its logo to underline the priorities of its new plan.", "priorities"),
    ],
)
def test_a_handled_noun_object_is_no_quote(nlp, text: str, words: str) -> None:
    none_with(quotes_of(nlp, text), words)


def test_guard_praise_and_tweet_still_report_words(nlp) -> None:
    found = quotes_of(nlp, 'The coach praised the "brave and tireless" young defenders.')
    only(found, "brave and tireless")
    found = quotes_of(nlp, "The mayor tweeted that the bridge would reopen on Monday.")
    assert only(found, "bridge would reopen").text.startswith("the bridge")


# --- 'will decide how they spend the money': a decision, no words ---------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The three regions will decide how they spend the extra money.", "spend the extra"),
        ("A panel of judges will determine who pays for the repairs.", "pays for the repairs"),
        ("The council will decide which roads get new lights.", "new lights"),
    ],
)
def test_deciding_an_open_question_is_no_quote(nlp, text: str, words: str) -> None:
    none_with(quotes_of(nlp, text), words)


def test_guard_decided_that_and_asked_how_stay(nlp) -> None:
    # PolNeAR counts a stated decision as an attribution; asking verbs report a question
    only(quotes_of(nlp, "The minister decided that the offer was not enough."), "not enough")
    only(quotes_of(nlp, "The senator asked how the agency would spend the money."), "spend")


# --- spans: two joined clauses before a closing cue; a clause the parser split at a comma --


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        (
            "Half of the milk bought by city dairies is produced on the plain, and the rest "
            "comes from Wales, Mr Hughes said.",
            "Half of the milk",
            "from Wales",
        ),
        (
            "Some of the fish sold by the market is caught nearby, and the rest is flown from "
            "Norway, Mr Dahl said.",
            "Some of the fish",
            "from Norway",
        ),
    ],
)
def test_joined_clauses_before_a_closing_cue_are_all_reported(
    nlp, text: str, first: str, last: str
) -> None:
    quote = only(quotes_of(nlp, text), last)
    assert quote.text.startswith(first) and quote.text.endswith(last)


def test_a_predicate_split_off_at_a_comma_stays_in_the_words(nlp) -> None:
    text = (
        "Tom Hale said he is worried about how the fund, set up to repair the bridges, "
        "somehow appears to be paying for new offices."
    )
    quote = only(quotes_of(nlp, text), "the fund")
    assert quote.text.endswith("paying for new offices")


def test_guard_a_clause_with_its_own_subject_stays_apart(nlp) -> None:
    found = quotes_of(nlp, "The mayor said the road is shut, officials confirmed it later.")
    assert not [q for q in found if "road is shut" in q.text and "officials" in q.text]
    text = "The cook is tired, and the waiter left early, the owner said."
    assert only(quotes_of(nlp, text), "waiter").text.startswith("The cook")


# --- a bulletin and an editorial speak for who put them out --------------------------------


def _name(nlp, text: str, words: str) -> str:
    quote = only(quotes_of(nlp, text), words)
    assert quote.speaker is not None, quote
    return quote.speaker.name or ""


def test_a_bulletin_speaks_for_who_published_it(nlp) -> None:
    text = (
        "The boy was hit in the leg, according to a bulletin published by the fire service. "
        "Two men are being questioned, the bulletin said."
    )
    assert _name(nlp, text, "hit in the leg") == "the fire service"
    assert _name(nlp, text, "being questioned") == "the fire service"


def test_an_editorial_speaks_for_its_paper(nlp) -> None:
    text = "Prices will fall by spring, according to an editorial in the Morning Ledger."
    assert _name(nlp, text, "Prices will fall") == "the Morning Ledger"
    text = (
        'The analyst pointed to an editorial in the Morning Ledger that declared "buyers '
        'should punish the chain for its greed."'
    )
    assert _name(nlp, text, "punish the chain") == "the Morning Ledger"


def test_guard_a_letter_in_a_paper_is_not_the_papers(nlp) -> None:
    text = "A letter in the Morning Ledger said the new tax was unfair."
    assert "Ledger" not in _name(nlp, text, "tax was unfair")


# --- what someone knows; the writer's own question -----------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The family understands what happened and who is to blame.", "who is to blame"),
        ("The pilots knew where the storm would hit the coast.", "storm would hit"),
    ],
)
def test_knowing_an_open_question_is_no_quote(nlp, text: str, words: str) -> None:
    none_with(quotes_of(nlp, text), words)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('"Where are you going?" I asked, trying not to scare my son.', "Where are you"),
        (
            'So when I asked Ana directly, "But what will you do?" her answer did not surprise me.',
            "what will you do",
        ),
    ],
)
def test_the_writers_own_question_is_no_quote(nlp, text: str, words: str) -> None:
    none_with(quotes_of(nlp, text), words)


def test_guard_knowing_that_and_a_quoted_question_stay(nlp) -> None:
    only(quotes_of(nlp, "The coach said he knows the team can win."), "team can win")
    text = '"Where is the money?" the senator asked.'
    assert only(quotes_of(nlp, text), "Where is the money").speaker is not None


# --- a colon inside a quoted title is no speaker label -------------------------------------


def test_a_colon_inside_a_quoted_title_is_no_label(nlp) -> None:
    text = '"Space Wars: The Return" fell to third place while "Bolt" took fourth.'
    none_with(quotes_of(nlp, text), "third place")


def test_guard_a_speaker_label_at_a_line_start_stays(nlp) -> None:
    found = quotes_of(nlp, "Ana Ruiz: The talks will go on next week in the capital.")
    assert only(found, "talks will go on").speaker is not None


# --- another story's page label glued after the words ends them -----------------------------


def test_a_page_label_glued_after_the_words_ends_them(nlp) -> None:
    text = (
        "The agency said recently that the region faces its worst drought in decades, with "
        "two million people short of water READ MORE: Farmers count losses as rivers dry up "
        "At a briefing, a reporter asked the minister about aid."
    )
    quote = only(quotes_of(nlp, text), "worst drought")
    assert quote.text.endswith("short of water")


def test_guard_lower_case_read_more_stays_in_the_words(nlp) -> None:
    text = "The mayor said pupils will read more books this year."
    assert only(quotes_of(nlp, text), "pupils").text.endswith("this year")


# --- 'As X put it, "..."': X's words --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words", "name"),
    [
        (
            'As the writer Tom Reed put it in a recent column, "Judges do not make laws, but '
            'they have the power to decide."',
            "Judges do not",
            "Tom Reed",
        ),
        ('As one farmer phrased it: "We plant and we pray."', "We plant", "one farmer"),
    ],
)
def test_as_someone_put_it_gives_the_speaker(nlp, text: str, words: str, name: str) -> None:
    assert _name(nlp, text, words) == name


def test_guard_as_expected_is_no_cue(nlp) -> None:
    found = quotes_of(nlp, 'As expected, the "fair deal" was put to a vote.')
    assert all(q.speaker is None for q in found if "fair deal" in q.text)


# --- confirming a person named is a vote, not words ------------------------------------------


def test_confirming_a_named_person_is_no_quote(nlp) -> None:
    text = "The Senate confirmed the president’s choice for health secretary, Mary Cole, on Monday."
    none_with(quotes_of(nlp, text), "Mary Cole")


def test_guard_confirmed_a_death_or_a_report_stays(nlp) -> None:
    only(quotes_of(nlp, "The ministry confirmed the death of Mary Cole."), "death of Mary")
    found = quotes_of(nlp, "The ministry confirmed that Mary Cole had resigned.")
    only(found, "had resigned")
