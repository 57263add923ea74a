"""Speakers named right, and quotes whose paragraphs were run together: shapes from the
session-10 dev draws (issue 17, seeds 9610-9612).

Every sentence here is invented; each test names the cause it guards against and fails
on the code before session 10 unless marked as a guard.
"""

from __future__ import annotations

import pytest
from quote_checks import only, quotes_of

from newsgraph.extractors.quotes.finder import find_quotes
from newsgraph.extractors.quotes.rules import find_quoted_spans
from newsgraph.records import Speaker

spacy = pytest.importorskip("spacy")


# --- a title in apposition: the name it introduces speaks ----------------------------------


def test_a_founder_named_after_the_organisation_is_the_speaker(nlp) -> None:
    """'The founder of the X Foundation, Jane Roe writes:': the parser gives 'of the X
    Foundation' first, and the organisation had been taken for the issuer."""
    text = (
        "The founder of the Hope Wellness Foundation, Amina Rashid writes: "
        '"Many young women here are not seen as typical members of their own community."'
    )
    quote = only(quotes_of(nlp, text), "typical members")
    assert quote.speaker is not None and quote.speaker.name == "Amina Rashid"


def test_a_name_the_parser_hangs_on_the_organisation_is_the_speaker(nlp) -> None:
    """'The chairman of the X Association, Peter Walsh, said': the apposition is parsed
    as the association's; no person stands for an organisation, so it is the chairman."""
    text = "The chairman of the Northern Rail Association, Peter Walsh, said the line would reopen."
    quote = only(quotes_of(nlp, text), "would reopen")
    assert quote.speaker is not None and quote.speaker.name == "Peter Walsh"


def test_a_proper_noun_title_with_a_person_in_apposition(nlp) -> None:
    """'Top Democrat on the committee, Rep. John Conyers, said': before, 'Democrat'."""
    text = "Top Democrat on the House Judiciary Committee, Rep. John Conyers, said the law must change."
    quote = only(quotes_of(nlp, text), "must change")
    assert quote.speaker is not None and quote.speaker.name == "John Conyers"


def test_a_full_name_is_not_another_person_of_the_same_family_name(nlp) -> None:
    """'His wife, Heidi Cruz, said' after 'Ted Cruz': the full name stays hers (before, the
    family name was looked up and gave the first Cruz named)."""
    text = (
        "Ted Cruz spoke in Houston on Monday. His wife, Heidi Cruz, said the campaign was over. "
        "Cruz later met donors at a hotel."
    )
    quote = only(quotes_of(nlp, text), "campaign was over")
    assert quote.speaker is not None and quote.speaker.name == "Heidi Cruz"


# --- genders from given names --------------------------------------------------------------


def test_she_is_not_a_man_named_before(nlp) -> None:
    """'She later denied ...' with only 'Antonio Tajani' named as a person before: a common
    given name says he is a man, so she is left unlinked rather than given to him."""
    text = (
        "Announcing the result of the vote, Parliamentary President Antonio Tajani said a clear "
        "majority of members backed the motion. As an MEP, Le Pen enjoys immunity. Le Pen "
        "initially admitted they had been paid while not working, the anti-fraud office said. "
        "She later denied having said so."
    )
    quote = only(quotes_of(nlp, text), "having said so")
    assert quote.speaker is not None and quote.speaker.name != "Antonio Tajani"


def test_he_still_goes_to_a_man_named_before(nlp) -> None:
    """Guard: the given name agrees, so 'he' keeps its antecedent."""
    text = (
        "Parliamentary President Antonio Tajani opened the session on Monday. "
        '"The vote is clear," he said.'
    )
    quote = only(quotes_of(nlp, text), "vote is clear")
    assert quote.speaker is not None and quote.speaker.name == "Antonio Tajani"


# --- a knowledge-base person stays a person -------------------------------------------------


def test_an_honorific_mention_keeps_a_knowledge_base_person(nlp) -> None:
    """'Mrs May said ...' where the parser tagged 'Theresa May' an organisation elsewhere:
    the hook's person of the knowledge base is kept (before, the mention was left unlinked
    because the document's labels said organisation)."""
    text = "Theresa May spoke in Cardiff. Mrs May said the union was strong."
    doc = nlp(text)
    org = doc.char_span(0, len("Theresa May"), label="ORG")
    person = doc.char_span(text.index("Mrs May"), text.index("Mrs May") + 7, label="PERSON")
    assert org is not None and person is not None
    doc.ents = [org, person]

    def resolve(start: int, end: int) -> Speaker | None:
        if "May" in text[start:end]:
            return Speaker("Q264766", "Theresa May", start, end, text[start:end])
        return None

    quote = only(find_quotes(doc, resolve=resolve), "union was strong")
    assert quote.speaker is not None and quote.speaker.entity == "Q264766"


# --- paragraphs of one quote run together ---------------------------------------------------


def test_a_quote_run_on_into_the_next_paragraph_opens_a_new_quote() -> None:
    """'... not the time. "I think we ...': the paragraph breaks of a multi-paragraph quote
    were lost, so each paragraph's opening mark follows a sentence end inside the quote.
    Before, that mark closed the quote and the next paragraph was read as narration."""
    text = (
        'The minister added: "Our message is clear. "I think we should work together. '
        '"It would be wrong to rush." The minister left.'
    )
    spans = [text[s.start : s.end] for s in find_quoted_spans(text)]
    assert "I think we should work together." in spans
    assert "It would be wrong to rush." in spans


def test_a_cue_inside_the_quote_before_is_no_attribution(nlp) -> None:
    """'"... I think we should work together ... "It would be wrong ..."': 'I think' is
    quoted words, not the cue of the next paragraph (before: speaker 'I')."""
    text = (
        'The minister added: "Our message is clear - now is not the time. "I think we should '
        'work together on this for the people of the region. "It would be wrong to rush into '
        'a decision that matters so much." The minister also said the talks would go on.'
    )
    found = quotes_of(nlp, text)
    assert not [q for q in found if q.speaker is not None and q.speaker.text == "I"]
    quote = only(found, "rush into")
    assert quote.cue != "think"


def test_furniture_between_paragraphs_does_not_reopen() -> None:
    """Guard: 'start. Media playback is not supported on this device "We ...': the words
    after the mark do not end a sentence before the next mark, so nothing reopens there."""
    text = (
        '"We will name the side on Friday. "Both players deserve a start. Media playback is '
        'not supported on this device "We have had a short week." The roof will be closed.'
    )
    spans = [text[s.start : s.end] for s in find_quoted_spans(text)]
    assert "We have had a short week." in spans


# --- speakers of the next sentence, groups, owners ------------------------------------------


def test_according_to_opening_the_next_sentence_is_not_the_quote_s(nlp) -> None:
    """'..., who said in January: "... issue." According to the poll, ...': the poll is the
    next sentence's source, not the minister's words' speaker."""
    text = (
        "Steroid use is a worrying problem among young people, according to the health "
        "minister Rebecca Evans, who said in January: \"It's not just a problem in sport - it "
        'is a wider societal issue." According to the poll, many substances are taken by '
        "amateur athletes."
    )
    quote = only(quotes_of(nlp, text), "wider societal issue")
    assert quote.speaker is not None and quote.speaker.name == "Rebecca Evans"


def test_they_goes_on_with_the_group_that_just_spoke(nlp) -> None:
    """'..., European Parliament officials said. But it concerns only the tweets, they
    said.': before, 'they' was left unresolved."""
    text = (
        "The lifting of her immunity was effective immediately, European Parliament officials "
        "said. But it concerns only the tweets, and not a separate probe, they said."
    )
    quote = only(quotes_of(nlp, text), "only the tweets")
    assert quote.speaker is not None and quote.speaker.name == "European Parliament officials"


@pytest.mark.parametrize(
    "text",
    [
        # guards: another group in between, or a group acting as subject
        "The company said profits rose. Analysts said the shares were cheap. Investors are "
        "nervous and they said the market would fall.",
        "Officials said the bridge was closed. Drivers were angry, and they said the detour "
        "was too long.",
    ],
)
def test_they_after_another_group_stays_as_it_was(nlp, text: str) -> None:
    found = quotes_of(nlp, text)
    last = found[-1]
    assert last.speaker is not None and last.speaker.name == "they"


def test_a_possessive_owner_is_no_part_of_a_person_s_name(nlp) -> None:
    """ "Riverford's Emily Muddeman said": where she works is not her name."""
    text = (
        '"Carrots are not too hard to grow either," Riverford\'s Emily Muddeman said, '
        '"Leeks and kale will go on sprouting."'
    )
    quote = only(quotes_of(nlp, text), "Carrots")
    assert quote.speaker is not None and quote.speaker.name == "Emily Muddeman"


def test_a_quote_inside_a_sentence_about_someone_else_is_not_the_last_speaker_s(nlp) -> None:
    """'"Why kill children?" the grandfather asked. ... The unpredictable Trump spews out a
    fragment of truth in an interview -- "you think ...?"': the quote has no cue, and its
    own sentence is about Trump; it is not the grandfather's (left without a speaker)."""
    text = (
        '"Why kill children?" the grandfather asked after the girl\'s death. Donald Trump was '
        "asked about the strikes later. The unpredictable Trump spews out a fragment of truth "
        'in a Fox News interview -- "you think our country\'s so innocent?" -- and the critics '
        "can only writhe."
    )
    quote = only(quotes_of(nlp, text), "so innocent")
    assert quote.speaker is None or quote.speaker.name != "the grandfather"


def test_a_quote_going_on_after_its_speaker_keeps_it(nlp) -> None:
    """Guard: '"...," the mayor said. "..."' still goes on with the mayor."""
    text = (
        '"We will rebuild the town," Mayor John Smith said on Monday. '
        '"Nobody will be left behind, not one family."'
    )
    quote = only(quotes_of(nlp, text), "left behind")
    assert quote.speaker is not None and quote.speaker.name == "John Smith"


def test_a_name_with_its_age_set_off_before_a_cue(nlp) -> None:
    """'Responding to the poll, Stevens, 41, said: "..."': the parser hangs the name on the
    poll and the cue has no subject; the name set off before it, past its age, speaks."""
    text = (
        "Former cyclist Dan Stevens was banned after refusing a test. Responding to the BBC "
        'Sport poll, Stevens, 41, said: "I think it is widespread in all ranks of the sport."'
    )
    quote = only(quotes_of(nlp, text), "widespread")
    assert quote.speaker is not None and quote.speaker.name == "Dan Stevens"


def test_the_passive_subject_speaks_for_a_second_active_cue(nlp) -> None:
    """'Raney was encouraged about the order but cautioned, "..."': the passive verb's
    subject is the second verb's; before, the quote had no cue and no speaker."""
    text = (
        "Bill Raney, president of the coal group, spoke to reporters. Raney was encouraged "
        'about the new order but cautioned, "No one has a feel for what the numbers are '
        'going to be."'
    )
    quote = only(quotes_of(nlp, text), "No one has a feel")
    assert quote.speaker is not None and quote.speaker.name == "Bill Raney"


def test_the_noun_an_organisation_s_name_ends_with_is_that_organisation(nlp) -> None:
    """'The Health Service Executive has said ... the executive said': 'executive' is also
    a role word, and the role had gone to a person named near the word."""
    text = (
        "The Health Service Executive has said it welcomes the decision of the union. In a "
        "statement the executive said it will engage fully in these talks."
    )
    quote = only(quotes_of(nlp, text), "engage fully")
    assert quote.speaker is not None and quote.speaker.name == "The Health Service Executive"


# --- labels, cues and modifiers ---------------------------------------------------------------


def test_a_closing_mark_that_opens_the_next_paragraph_has_no_cue_after_it(nlp) -> None:
    """'... 20 June. "As we have said before, ...': the mark after '20 June.' closes one
    paragraph and opens the next, so 'we have said' is quoted, not this quote's cue
    (before: speaker 'we')."""
    text = (
        'Det Ch Insp Paul Rymarz said: "We have been waiting some time for this report and it '
        'will take us some time to review. "We hope to do everything we can to submit a file '
        'of material to the CPS in advance of the review on 20 June. "As we have said before, '
        "this is an extraordinarily complex investigation, but we remain committed to finding "
        'answers for the families." Both agencies have already published reports.'
    )
    found = quotes_of(nlp, text)
    assert not [q for q in found if q.speaker is not None and q.speaker.text == "we"]
    quote = only(found, "We hope")
    assert quote.speaker is not None and quote.speaker.name == "Paul Rymarz"


def test_a_label_with_a_party_before_the_colon(nlp) -> None:
    """'Dean Heller (R-Nev.): "..."': a lawmaker's reaction listed with party and state."""
    text = (
        "Lawmakers from Nevada reacted at once. Dean Heller (R-Nev.): "
        '"Yucca is dead and this reckless proposal will not revive it."'
    )
    quote = only(quotes_of(nlp, text), "Yucca is dead")
    assert quote.speaker is not None and quote.speaker.name == "Dean Heller"


def test_emailed_is_a_speech_cue(nlp) -> None:
    text = (
        '"I said this funding is going to end up supplanting baseline appropriations," '
        "the advocate emailed."
    )
    quote = only(quotes_of(nlp, text), "supplanting")
    assert quote.cue == "emailed" and quote.speaker is not None


def _hook(text: str, names: dict[str, tuple[str, str]]):
    def resolve(start: int, end: int) -> Speaker | None:
        for word, (entity, name) in names.items():
            at = text.find(word)
            if at >= 0 and start < at + len(word) and at < end:
                return Speaker(entity, name, start, end, text[start:end])
        return None

    return resolve


def test_an_organisation_named_in_a_modifier_is_not_the_noun_s(nlp) -> None:
    """'The UN court ruled that ...': the hook gives the United Nations for the court (it
    is named in the modifier); asked about the modifier itself it gives the same, so the
    court is left unlinked rather than called the United Nations."""
    text = "The UN court ruled in 2007 that the massacre in the town was genocide."
    un = ("ng:org:un", "United Nations")
    doc = nlp(text)
    found = find_quotes(doc, resolve=_hook(text, {"UN": un, "court": un}))
    quote = only(found, "was genocide")
    assert quote.speaker is not None and quote.speaker.entity is None


def test_a_plain_adjective_of_the_noun_keeps_the_hook_s_organisation(nlp) -> None:
    """Guard: 'the federal jobs agency has reported ...': 'federal' is no name of its own."""
    text = (
        "The Federal Labor Agency published its figures on Tuesday. Employment figures were "
        "better than last year, the federal jobs agency has reported."
    )
    agency = ("local:org:federal-labor-agency", "Federal Labor Agency")
    doc = nlp(text)
    hook = _hook(text, {"Federal Labor Agency": agency, "federal jobs agency": agency})
    found = find_quotes(doc, resolve=hook)
    quote = only(found, "better than last year")
    assert quote.speaker is not None and quote.speaker.entity == agency[0]


# --- the words of 'according to' ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        # 'CLAUSE, according to X, but CLAUSE2': the second clause is the writer's
        (
            "Last year, a devastating drought left up to four million people in need of "
            "assistance, according to the WFP, but this season's heavy rainfall has meant that "
            "crops have been washed away.",
            "Last year, a devastating drought left up to four million people in need of assistance",
        ),
        # 'CLAUSE, according to X.' ending its paragraph: the phrase is no part of the words
        (
            "(CNN)Former Egyptian President Hosni Mubarak will be free soon, according to "
            "Egypt's official news agency al-Ahram.\n\nMubarak was sentenced in 2012.",
            "Former Egyptian President Hosni Mubarak will be free soon",
        ),
    ],
)
def test_according_to_reports_only_its_own_clause(nlp, text: str, words: str) -> None:
    quote = only(quotes_of(nlp, text), "Egypt" if "Mubarak" in words else "drought")
    assert quote.text == words


def test_according_to_inside_the_clause_keeps_the_sentence(nlp) -> None:
    """Guard: 'The man, according to police, was armed': the phrase sits inside the clause."""
    quote = only(quotes_of(nlp, "The man, according to police, was armed with a knife."), "armed")
    assert quote.text == "The man, according to police, was armed with a knife"
