"""Who said what: direct and indirect quotes with their cue and speaker mention.

``find_quotes(doc, resolve=...)`` reads a parsed spaCy ``Doc`` and returns
:class:`~newsgraph.records.Quote` records whose offsets slice ``doc.text``.

* Direct quotes come from paired quotation marks (:mod:`quote_rules`), each decided on
  its own: a cue verb after it (``"...," X said``), before it (``X said: "..."``,
  ``wished X "..."``), inside it (``"..., said macron. And ..."``, ``"... – said the
  President. – ..."``), a colon-ended lead-in paragraph, or, for a quote with no cue,
  the speaker of the quote just before. Short quoted phrases no speech verb governs
  are scare quotes and are skipped. Segments split by their attribution are one quote.
* Indirect speech comes from the dependency parse (:mod:`indirect_quotes`): the
  complement clause (``ccomp``) of a cue verb, its subject as speaker, and
  ``according to X, ...``; cue verbs and their subjects are found by :mod:`quote_cues`.
* Speakers are mention spans; pronouns and role nouns are resolved to a person
  (:mod:`quote_speakers`), and a ``resolve`` hook may replace any speaker.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import cache

from spacy.tokens import Doc, Span, Token

from newsgraph.extractors.doctext import doc_text, sentences_spanned, span_text
from newsgraph.extractors.quotes.cues import (
    Candidate,
    Cue,
    cue_particle,
    cue_phrase,
    cue_with_subject,
    paragraph_end,
    subject_of,
    that_clause_taken_for_adjunct,
)
from newsgraph.extractors.quotes.indirect import with_indirect
from newsgraph.extractors.quotes.rules import (
    CueLexicon,
    QuotedSpan,
    cue_lexicon,
    find_quoted_spans,
    heading_breaks,
)
from newsgraph.extractors.quotes.speakers import (
    SpeakerResolver,
    given_name_genders,
    mention_tokens,
    other_gender,
    plural_group,
    role_in_apposition,
    without_title,
)
from newsgraph.records import Mention, Quote, Speaker

Resolve = Callable[[int, int], Speaker | None]
_DASHES = {"-", "\u2013", "\u2014", "--"}
_CLAUSE_END = {".", "!", "?"}
_MIN_SPEECH_WORDS = 6
_AFTER_WINDOW = 14
_BEFORE_WINDOW = 40
_INHERIT_PARAGRAPHS = 4
_INSIDE_SUBJECT = {"nsubj", "dobj", "attr", "npadvmod", "appos", "nsubjpass"}


def find_quotes(doc: Doc, *, resolve: Resolve | None = None) -> list[Quote]:
    """Direct and indirect quotes in ``doc``, in text order, with cue and speaker mention.

    ``resolve(start, end)`` is called with each speaker mention's offsets; a Speaker it
    returns (canonical entity and name) replaces the one found here.
    """
    lex = cue_lexicon()
    direct = _direct_candidates(doc, lex)
    candidates = with_indirect(doc, lex, direct)
    resolver = SpeakerResolver(doc, lex, [(c.outer_start, c.outer_end) for c in direct])
    quotes = []
    previous: Speaker | None = None
    last: tuple[Token, Speaker, str | None] | None = None  # the last quote's speaker
    group: tuple[Token, Speaker] | None = None  # the last plural speaker ('officials')
    reported = _reported_words(doc, candidates)
    contents = [(c.start, c.end) for c in candidates]
    quoted = [(c.outer_start, c.outer_end) for c in direct]
    questions = _interview_questions(doc, quoted)
    transcript = _transcript_speaker(doc, resolve)
    interviewee: Speaker | None = None  # the last person quoted before the first question
    for cand in candidates:
        if _not_said(doc, cand, lex):
            continue
        if cand.subject is not None and _first_person(cand.subject, quoted):
            # an answer in a question-and-answer interview is the interviewee's, and the
            # first person of a transcript ('Trump's address to Congress': 'We want all
            # children to ...') its speaker's, not the writer's
            answer = bool(questions) and cand.start > questions[0]
            if answer or transcript is not None:
                owner = (interviewee or transcript) if answer else transcript
                quotes.append(_to_quote(doc, cand, _as_mention(owner, cand.subject)))
                continue
            if not cand.direct and cand.cue is not None and _a_thought(cand.cue, lex):
                continue  # 'I assumed that the ferry would be cancelled': the writer's
                # thought, outside an interview's answers
            asking = cand.cue is not None and cand.cue.lemma_.lower() in lex.question_verbs
            if cand.direct and asking:
                continue  # '"What's going on?" I asked': the writer's own question
        speaker = _speaker_for(cand, resolver, resolve, previous)
        if speaker is not None and cand.subject is not None:
            words = reported.get(cand.subject.i, [])
            speaker = _unbound(cand.subject, speaker, words, lex)
            if speaker.entity is None and speaker.name == speaker.text:
                speaker = _other_person(cand.subject, speaker, words, resolver, resolve)
            speaker = _same_speaker(cand.subject, speaker, last, contents, lex)
            speaker = _same_group(cand.subject, speaker, group)
            named = cand.subject.lower_ not in lex.person_pronouns
            if named and other_gender(speaker.name, _speaker_gender(cand.subject, lex)):
                # 'Mrs Ettedgui recalls' is not Joseph Ettedgui: the mention, unlinked, rather
                # than a person of the other gender (a pronoun going on with the last
                # speaker keeps that speaker: a translated 'he' may be Marine Le Pen)
                speaker = Speaker(None, speaker.text, speaker.start, speaker.end, speaker.text)
            if cand.subject.tag_ in ("NNS", "NNPS") or cand.subject.lower_ == "they":
                group = (cand.subject, speaker)
            if cand.subject.pos_ == "NOUN":
                resolver.left_unnamed(cand.subject, speaker)
        if cand.direct:
            previous = speaker
        if speaker is not None and cand.subject is not None:
            last = (cand.subject, speaker, _speaker_gender(cand.subject, lex))
        elif speaker is not None and last is not None and cand.inherits:
            # a quote going on with the last speaker moves the turn on ('"... answers."
            # He added: "..."': he is still that speaker)
            opening = doc.char_span(cand.start, cand.end, alignment_mode="expand")
            if opening is not None and len(opening) > 0:
                last = (opening[0], last[1], last[2])
        quotes.append(_to_quote(doc, cand, speaker))
        before_questions = not questions or cand.start < questions[0]
        if speaker is not None and before_questions and _a_person(speaker, cand.subject, lex):
            interviewee = speaker
    return quotes


_FIRST_PERSON = {"i", "we", "my", "our"}


def _first_person(subject: Token, quoted: list[tuple[int, int]]) -> bool:
    """'I', 'we' (or 'my', 'our' of a speech noun) as a cue's subject outside quotation marks."""
    return subject.lower_ in _FIRST_PERSON and not any(a <= subject.idx < b for a, b in quoted)


def _as_mention(speaker: Speaker | None, subject: Token) -> Speaker | None:
    """``speaker``'s entity and name for the mention ``subject`` ('I', 'we'); None when
    no one is known (a first person with no speaker is better left empty than the
    writer's)."""
    if speaker is None:
        return None
    start, end = subject.idx, subject.idx + len(subject)
    return Speaker(speaker.entity, speaker.name, start, end, subject.text)


def _a_person(speaker: Speaker, subject: Token | None, lex: CueLexicon) -> bool:
    """A speaker that is a named person: a PERSON mention or a pronoun resolved to a
    name, not an organisation, a role left unnamed nor a first person."""
    if subject is None or speaker.name is None or speaker.name == speaker.text:
        return subject is not None and subject.ent_type_ == "PERSON" and speaker.name is not None
    if speaker.entity is not None and _not_a_person(speaker.entity):
        return False
    return subject.ent_type_ == "PERSON" or subject.lower_ in lex.person_pronouns


def _interview_questions(doc: Doc, quoted: list[tuple[int, int]]) -> list[int]:
    """Where the questions of a question-and-answer interview start: sentences outside
    quotation marks that end with a question mark and ask 'you' ('What do you think is
    the competitive edge of your brand in China?'); two or more make an interview."""
    found = []
    for sent in doc.sents:
        words = span_text(sent).rstrip()
        if not words.endswith("?") or any(a <= sent.start_char < b for a, b in quoted):
            continue
        if any(t.lower_ in ("you", "your") for t in sent):
            found.append(sent.start_char)
    return found if len(found) >= 2 else []


_TRANSCRIPT = re.compile(
    r"^\s*(?P<name>[A-Z][\w.'\u2019 -]{2,60}?)['\u2019]s\s+"
    r"(?:full\s+)?(?:address|speech|remarks|statement|testimony|letter|inaugural address)\b",
    re.IGNORECASE,
)
_SPEAKER_TITLES = {
    "president",
    "prime",
    "minister",
    "chancellor",
    "secretary",
    "general",
    "mr",
    "mrs",
    "ms",
    "dr",
    "senator",
    "sen",
    "governor",
    "gov",
    "mayor",
    "king",
    "queen",
}


def _transcript_speaker(doc: Doc, resolve: Resolve | None) -> Speaker | None:
    """The speaker of a transcript whose title says whose words it is ('PRESIDENT DONALD
    J. TRUMP'S ADDRESS TO A JOINT SESSION OF CONGRESS'): its first person outside
    quotation marks is that speaker, not the writer."""
    text = doc_text(doc)
    line = text[: text.find("\n")] if "\n" in text else text[:200]
    found = _TRANSCRIPT.match(line)
    if found is None:
        return None
    start, end = found.span("name")
    hooked = resolve(start, end) if resolve is not None else None
    if hooked is not None and hooked.name and not _not_a_person(hooked.entity):
        return Speaker(hooked.entity, hooked.name, start, end, text[start:end])
    words = [w for w in found.group("name").split() if w.lower().strip(".") not in _SPEAKER_TITLES]
    if len(words) < 2:
        return None
    name = " ".join(w if not w.isupper() else w.capitalize() for w in words)
    return Speaker(None, name, start, end, text[start:end])


_SAME_SPEAKER_SENTENCES = 3
_SAME_GROUP_SENTENCES = 2


def _same_group(subject: Token, speaker: Speaker, group: tuple[Token, Speaker] | None) -> Speaker:
    """'they' speaking right after a plural speaker, within two sentences and with no
    other plural subject between, is that group ('The lifting was effective at once,
    European Parliament officials said. But it concerns only the tweets, they said.');
    before, 'they' was left as it was."""
    if subject.lower_ != "they" or group is None or speaker.entity is not None:
        return speaker
    if speaker.name != speaker.text:
        return speaker  # resolved to someone already
    anchor, said = group
    if anchor.i >= subject.i or said.name is None or said.name.lower() == "they":
        return speaker
    doc = subject.doc
    if sentences_spanned(doc, anchor.i, subject.i) > _SAME_GROUP_SENTENCES:
        return speaker
    for tok in doc[anchor.i + 1 : subject.i]:
        if tok.dep_ in ("nsubj", "nsubjpass") and (
            tok.tag_ in ("NNS", "NNPS") or tok.lower_ in ("they", "we")
        ):
            return speaker  # another group spoke or acted between
    return Speaker(said.entity, said.name, speaker.start, speaker.end, speaker.text)


def _same_speaker(
    subject: Token,
    speaker: Speaker,
    last: tuple[Token, Speaker, str | None] | None,
    contents: list[tuple[int, int]],
    lex: CueLexicon,
) -> Speaker:
    """'he'/'she' speaking right after another quote's speaker, with no one else named
    between outside the quoted and reported words, goes on being that speaker ('Mr
    O'Doherty said McBride "was a leader". "He was incredibly respected," he said': not
    McBride; 'a spokesman said ... He said ... he added': the spokesman, not a minister
    named before him). A speaker of the other gender, someone named or a role noun in
    between, or a quote more than three sentences back leave the pronoun as it was; so does
    a person the hook gives after an office left unlinked ('The Russian Senate speaker said
    ... "...," she said': the hook may name her)."""
    gender = lex.person_pronouns.get(subject.lower_)
    if last is None or gender is None or subject.lower_ not in ("he", "she"):
        return speaker
    anchor, said, said_gender = last
    if said_gender is None or said_gender not in ("?", gender) or anchor.i >= subject.i:
        return speaker
    doc = subject.doc
    if sentences_spanned(doc, anchor.i, subject.i) > _SAME_SPEAKER_SENTENCES + 1:
        return speaker
    between = doc[anchor.i + 1 : subject.i]
    for tok in between:
        if any(a <= tok.idx < b for a, b in contents):
            continue  # named in what was said: not a speaker
        if tok.ent_type_ == "PERSON" or (
            tok.dep_ in ("nsubj", "nsubjpass")
            and (tok.lemma_.lower() in lex.role_nouns or _family_name(tok))
        ):
            return speaker  # someone else named or acting between ('Sessions recused ...')
        if (
            tok.lower_ in lex.person_pronouns
            and tok.dep_ == "nsubj"
            and tok.lower_ != subject.lower_
        ):
            return speaker
    if speaker.entity == said.entity and speaker.name == said.name:
        return speaker
    first = (said.text or "").split(maxsplit=1)
    office = said.entity is None and bool(first) and first[0].lower() == "the"
    if office and speaker.entity is not None and not _not_a_person(speaker.entity):
        return speaker  # 'The Russian Senate speaker said ... she said': the hook names her
    return Speaker(said.entity, said.name, speaker.start, speaker.end, speaker.text)


def _speaker_gender(subject: Token, lex: CueLexicon) -> str | None:
    """A person speaker's gender where the text gives it: 'he'/'she', an honorific or a
    gendered role in the mention ('Mr O'Doherty', 'the spokeswoman'), or, for an unmarked
    person or role ('Phil O'Doherty', 'a spokesman'), '?' (any pronoun may go on with it);
    None for no person ("the ministry", "police")."""
    pronoun = lex.person_pronouns.get(subject.lower_)
    if pronoun is not None:
        return pronoun
    words = [t.lower_ for t in subject.subtree if t.i <= subject.i] + [subject.lower_]
    for word in words:
        found = lex.honorifics.get(word) or lex.gendered_roles.get(word)
        if found:
            return found
    if plural_group(subject):
        return None  # 'analysts', 'officials': a group is no later 'he' or 'she'
    person = (
        subject.ent_type_ == "PERSON"
        or subject.lemma_.lower() in lex.role_nouns
        or role_in_apposition(subject, lex)  # 'Bamo Qubumo, an expert on ...', tagged ORG
    )
    return "?" if person else None


# a gloss in square brackets after a first-person pronoun ('We [Ms Brown and the mayor]',
# the copy's '[the mayor}'); not one standing for someone else ('"[Smith] was my friend"')
_FIRST_PERSON_GLOSS = re.compile(r"\b((?i:we|us|our|me|my)|I)\s*\[[^\[\]{}]*[\]}]")


def _reported_words(doc: Doc, candidates: list[Candidate]) -> dict[int, list[str]]:
    """The words each subject reports, by the subject's token index (a subject may
    report several quotes: "X has ..., he said, describing it as ..."); without the
    writer's gloss in square brackets of a first-person pronoun ('"We [Ms Brown and the
    mayor] disagree," she said': she may well be Ms Brown, who says "we")."""
    text = doc_text(doc)
    found: dict[int, list[str]] = {}
    for cand in candidates:
        if cand.subject is not None:
            words = _FIRST_PERSON_GLOSS.sub(r"\1", text[cand.start : cand.end])
            found.setdefault(cand.subject.i, []).append(words)
    return found


def _unbound(subject: Token, speaker: Speaker, reported: Iterable[str], lex: CueLexicon) -> Speaker:
    """A pronoun speaker is not someone named in the words it reports ("Mr Webb is
    reckless, he said": he is not Webb; "Sauerkraut is great," she said): such a
    resolution is left unlinked, the mention kept. So is a role noun's ('The PM's official
    spokesman said: "... informed the office of Donald Tusk ...": not Tusk)."""
    role = subject.pos_ == "NOUN" and subject.lemma_.lower() in lex.role_nouns
    if speaker.name is None or (subject.lower_ not in lex.person_pronouns and not role):
        return speaker
    if not speaker.name[:1].isupper() or not _named_in(speaker.name, reported):
        return speaker
    return Speaker(None, speaker.text, speaker.start, speaker.end, speaker.text)


def _other_person(
    subject: Token,
    speaker: Speaker,
    reported: list[str],
    resolver: SpeakerResolver,
    resolve: Resolve | None,
) -> Speaker:
    """For a pronoun left unlinked because it was resolved to someone named in its own
    words: the most recent compatible person not named there ('Adam Schiff rejected the
    claim. "... Sessions would have had to be naive ...," he said': Schiff)."""
    lex = resolver.lex
    if subject.lower_ not in lex.person_pronouns or speaker.start is None:
        return speaker
    found = resolver.recent_person_except(
        speaker.start, lex.person_pronouns[subject.lower_], lambda name: _named_in(name, reported)
    )
    if found is None:
        return speaker
    hooked = resolve(found.at, found.end) if resolve is not None and found.end >= 0 else None
    if hooked is not None and hooked.name and not _named_in(hooked.name, reported):
        return Speaker(hooked.entity, hooked.name, speaker.start, speaker.end, speaker.text)
    return Speaker(None, found.name, speaker.start, speaker.end, speaker.text)


def _named_in(name: str, reported: Iterable[str]) -> bool:
    """Whether the last word of ``name`` occurs as a word in any of ``reported``."""
    words = name.split()
    if not words or len(words[-1]) < 2:
        return False
    named = re.compile(rf"(?<!\w){re.escape(words[-1])}(?!\w)")
    return any(named.search(text) for text in reported)


_NO_SPEAKER_ENTS = {"EVENT", "LAW"}  # the small model tags people WORK_OF_ART after quotes


def _not_said(doc: Doc, cand: Candidate, lex: CueLexicon) -> bool:
    """A candidate whose cue reports no one's words: the question put to the subject
    ("Tillerson was asked about ..."), a cue in a hypothetical ("if he simply said
    ..."), a thing that cannot speak ("Sunday's Oscars revealed", "according to the
    Presidential Succession Act")."""
    cue, subject = cand.cue, cand.subject
    if cand.direct and (_title(doc, cand) or _named_title(doc, cand)):
        return True  # '"Arrival" "Moonlight" "Rogue One: A Star Wars Story"': titles listed
    if cand.direct and _quoted_name(doc, cand):
        return True  # 'the local newspaper, "Dawn," reported': a name, not words
    if not cand.direct and cue is not None and _small_clause(doc, cand):
        return True  # 'rushed to the house to find the brothers badly hurt': a state seen
    if cue is not None and cue.pos_ in ("VERB", "AUX"):
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in cue.children) or (
            cue.tag_ == "VBN" and cue.dep_ == "advcl"
        )
        if passive and cue.lemma_.lower() in lex.addressee_verbs:
            return True  # 'was asked', 'Asked if ..., he said': the subject heard it
        bare = not any(c.dep_ in ("aux", "nsubj") for c in cue.children)
        if cue.tag_ == "VBN" and cue.dep_ == "advcl" and bare and not cand.direct:
            return True  # 'Though criticised by some liberals for his stance, Navalny ...':
            # said to or of the sentence's subject, by someone else
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "than") for c in cue.children):
            return True  # 'if he simply said', 'Rather than emphasise X, he said ...'
        if _asked_whether(cue):
            return True  # 'pressed about whether he could guarantee coverage'
        if not cand.direct and _wish_for_others(cue, lex):
            return True  # 'want the ministers removed', 'want grain to be taxed'
        if cue.dep_ == "xcomp" and cue.head.lemma_.lower() in lex.refusal_verbs:
            return True  # 'declined to say how many', 'refused to acknowledge that'
        if _withheld(cue, lex):
            return True  # 'did not say when or where the consent was given'
        when = any(c.dep_ in ("mark", "advmod") and c.lower_ == "when" for c in cue.children)
        if when and cue.lemma_.lower() in lex.intent_verbs:
            return True  # 'When the voters want to block him, ...': no aim stated
        purpose = cue.dep_ == "advcl" and cue.i < cue.head.i
        if purpose and any(c.tag_ == "TO" for c in cue.children):
            return True  # 'To determine if ..., the neuroscientists recruited': a purpose
        aim = cue.dep_ in ("advcl", "xcomp") and any(c.tag_ == "TO" for c in cue.children)
        told = any(c.dep_ == "dobj" for c in cue.children) and not any(
            c.dep_ == "ccomp" for c in cue.children
        )
        if aim and told and not cand.direct and cue.head.lemma_.lower() in ("speak", "talk"):
            return True  # 'spoke anonymously to describe private details': why he spoke
        if _no_report(cand, cue, lex):
            return True
        if _assumed(cue, lex):
            return True  # 'Assuming the polls are right, Rutte will ...': a condition
    if cue is not None and _in_label_heading(cue, lex):
        return True  # 'READ MORE: Critics warn US could adopt ...': another story's headline
    if subject is None:
        return False
    if _nobody(subject):
        return True  # 'none of the main players argued', 'no one expected': nobody spoke
    if _a_share(subject):
        return True  # 'Around a half say there should not be', '17% say': a poll's share
    if subject.ent_type_ in _NO_SPEAKER_ENTS or subject.lemma_.lower() in lex.rule_nouns:
        return True  # 'a clause in the law states', 'the restrictions state that'
    if cue is not None and _not_anyones_words(cand, cue, subject, lex):
        return True
    if cue is not None and _generic_saying(cue, subject, lex):
        return True
    readers = subject.lower_ == "you" or any(
        c.dep_ == "poss" and c.lower_ == "your" for c in subject.children
    )
    if cue is not None and readers and not cand.direct:
        return True  # 'information you want to share', 'each time you find yourself ...',
        # 'your timeline is tweeting about ...': outside quotation marks 'you' is the
        # reader, who says nothing
    shows = lex.evidence_verbs | lex.inference_verbs
    if cue is not None and cue.lemma_.lower() in shows and not _evidence(subject, lex):
        return True  # 'efforts show how deep ...', 'my experience highlights ...': no words
    if cue is not None and cue.lemma_.lower() in lex.sign_verbs and _a_mere_thing(subject, lex):
        return True  # 'Events since have suggested the merger was wise': no one's words
    if cue is not None and _finding(cue, subject, lex):
        return True  # 'a survey found that ...', 'court documents showed': a finding
    if cand.cue_text == "according to" and _data_source(subject, lex):
        return True  # 'according to new figures from the police', 'according to research':
        # numbers and results, not anyone's words
    return cand.cue_text == "according to" and subject.lemma_.lower() in lex.rule_nouns


_HEADING_WORDS = 12


_PEOPLE_ENDINGS = ("er", "or", "ist", "ian")


def _a_mere_thing(subject: Token, lex: CueLexicon) -> bool:
    """A common noun that names neither a person, a body, a source nor a piece of evidence
    ('events', 'markets', 'the weeks since'), with no entity label: it finds nothing and
    says nothing. Nouns of people the lists miss end like 'protester', 'investor',
    'economist', 'historian'."""
    if subject.pos_ != "NOUN" or subject.ent_type_ or _evidence(subject, lex):
        return False
    lemma = subject.lemma_.lower()
    people = lex.source_people | lex.study_people
    return lemma not in people and not lemma.endswith(_PEOPLE_ENDINGS)


def _asked_whether(cue: Token) -> bool:
    """A cue in a 'whether' clause with no clause of its own ('pressed about whether he
    could guarantee coverage'): the act a question is about, no words. With a clause ('it
    was unclear whether the judges would rule that ...') PolNeAR counts the words."""
    if not any(c.dep_ == "mark" and c.lower_ == "whether" for c in cue.children):
        return False
    return not any(c.dep_ == "ccomp" for c in cue.children)


_FINITE_AUX = ("MD", "VBD", "VBP", "VBZ")
_ACCUSATIVE = frozenset({"me", "us", "him", "her", "them"})


def _wish_for_others(cue: Token, lex: CueLexicon) -> bool:
    """A wish about what others should do or undergo, told with an intent verb and a clause
    with its own subject and no tense ('unions want the ministers removed', 'farm groups
    want grain to be taxed'): what they would like, no words. A stated aim of the subject's
    own ('wants to triple the program'), a finite clause ('hopes that he will ...') and a
    speaker's own wish ('We want every child to have ...') stay, as PolNeAR counts them."""
    if cue.lemma_.lower() not in lex.intent_verbs:
        return False
    if any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in cue.children):
        return False  # 'We want every child to have a good school': the speaker's own wish
    for clause in cue.children:
        if clause.dep_ not in ("ccomp", "xcomp") or clause.i < cue.i:
            continue
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects:
            continue
        accusative = subjects[0].lower_ in _ACCUSATIVE  # 'want them deported' (a past
        # tense to the tagger): no tense with an object pronoun as subject
        if clause.tag_ not in ("VB", "VBN", "VBG") and not (accusative and clause.tag_ == "VBD"):
            continue
        if any(c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE_AUX for c in clause.children):
            continue
        if any(c.dep_ == "ccomp" for c in clause.children):
            continue  # 'wants everyone to know that the roads are safe': a claim made
        return True
    return False


def _in_label_heading(cue: Token, lex: CueLexicon) -> bool:
    """A cue in the headline of another story that a page label introduces ('READ MORE:
    Critics warn US could adopt ...', 'RELATED: Minister says ...'; not 'Note: the
    minister said ...', which is this article's text): a label and a colon
    at most twelve words before the cue, with no quotation mark or sentence end between
    (a quote after the headline has its own cue: 'RELATED: ... "...," Iyimaya said')."""
    doc = cue.doc
    for tok in reversed(doc[max(0, cue.i - _HEADING_WORDS) : cue.i]):
        if tok.is_quote or tok.text in _CLAUSE_END or "\n" in tok.text:
            return False
        if tok.text == ":":
            words = [t.text for t in doc[max(0, tok.i - 2) : tok.i]]
            return lex.is_story_label(words) or (bool(words) and lex.is_story_label(words[-1:]))
    return False


def _not_anyones_words(cand: Candidate, cue: Token, subject: Token, lex: CueLexicon) -> bool:
    """The writer's own view or voice told with a cue: a belief or wish the writer vouches
    for ('Modi certainly wants to'), the page speaking to its reader ('We want you to know
    more about us'), a question put to an interviewee ('do you believe ...?'), or what
    an act shows ('dealt with it calmly, showing it is not easily provoked')."""
    lemma = cue.lemma_.lower()
    if lemma in lex.belief_verbs and any(
        c.dep_ == "advmod" and c.lower_ in lex.writer_adverbs for c in cue.children
    ):
        return True
    pronoun = subject.lower_
    readers = any(t.lower_ in ("you", "your") for t in cue.subtree if t.i > cue.i)
    if not cand.direct and pronoun == "we" and readers:
        return True
    if pronoun == "you" and cue.sent.text.rstrip().rstrip("\"'\u201d").endswith("?"):
        return True
    participle = cue.tag_ == "VBG" and cue.dep_ == "advcl"
    return (
        participle
        and lemma in lex.inference_verbs
        and subject.ent_type_ != "PERSON"
        and subject.lower_ not in lex.person_pronouns
    )


_THING_PRONOUNS = {"it", "this", "that"}


def _assumed(cue: Token, lex: CueLexicon) -> bool:
    """A thought in a participle with no subject of its own, before the clause it hangs
    on ('Assuming the count holds, the mayor will ...', 'Believing the storm had passed,
    the crew set out'): a condition or a reason, no one's words."""
    if cue.tag_ != "VBG" or cue.dep_ != "advcl" or cue.i > cue.head.i or not _a_thought(cue, lex):
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in cue.children)


def _a_thought(cue: Token, lex: CueLexicon) -> bool:
    """A belief verb that says nothing aloud ('assumed', 'think'), not one that is also
    speech ('we agree that ...' may be said)."""
    lemma = cue.lemma_.lower()
    return lemma in lex.belief_verbs and lemma not in lex.speech_verbs


def _quoted_name(doc: Doc, cand: Candidate) -> bool:
    """A quoted single proper name right after a common noun, a comma between or not ('the
    local newspaper, "Dawn," around 900 teams began'): the name of what the noun names, no
    words ('"No," he replied' and 'She said, "Paris,"' are words)."""
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None:
        return False
    words = [t for t in span if not t.is_punct]
    if len(words) != 1 or words[0].pos_ != "PROPN" or not words[0].is_title:
        return False
    prior = span.start - 1
    while prior >= 0 and doc[prior].is_punct:
        prior -= 1  # past the opening mark and a comma
    return prior >= 0 and doc[prior].pos_ == "NOUN"  # 'She said, "Paris,"' is words


def _title(doc: Doc, cand: Candidate) -> bool:
    """A quoted title, not words: two or more words, every longer word capitalised, no
    lower-case verb ('"Rogue One: A Star Wars Story"'), or a cue capitalised inside the sentence,
    which belongs to a title ('"Fantastic Beasts and Where To Find Them"')."""
    cue = cand.cue
    if cue is not None and cue.is_title and cue.i != cue.sent.start:
        return True
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None:
        return False
    # with no cue to say it is words: 'moon: The Greatest Hoax Ever Told', a subtitle
    # decides (the word before the colon may have lost its capital in the copy), and a
    # clitic has no capital to show ('"Who's the Boss?"')
    bare = cue is None
    colon = next((t for t in span[:-2] if t.text == ":"), None)
    if bare and colon is not None and colon.i - span.start <= 2:
        span = span.doc[colon.i + 1 : span.end]
    words = [t for t in span if t.is_alpha]
    longer = [t for t in words if len(t) > 3]
    capitalised = bool(longer) and all(t.text[:1].isupper() for t in longer)
    shouted = all(t.is_upper for t in longer)  # 'THIS IS TWITTER!!' is words
    clitics = _CLITIC if bare else frozenset()
    verb = any(t.pos_ in ("VERB", "AUX") and t.is_lower and t.text[:1] not in clitics for t in span)
    return len(words) >= 2 and capitalised and not shouted and not verb


_CLITIC = frozenset({"'", "\u2019"})


def _small_clause(doc: Doc, cand: Candidate) -> bool:
    """A cue's complement with no verb of its own, only a participle or an adjective
    telling a state ('found the two brothers badly hurt', 'found the village deserted'):
    what someone came upon, not words; reported words have a tensed verb or 'to'."""
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None or len(span) < 2:
        return False
    if any(t.tag_ in ("VBD", "VBZ", "VBP", "MD", "TO") for t in span):
        return False
    root = span.root
    return root.tag_ in ("VBN", "JJ") and any(c.dep_ == "nsubj" for c in root.children)


_NOBODY = {"nobody", "none", "noone", "nothing"}


_SHARES = {"half", "third", "quarter", "fifth", "tenth", "%", "percent", "per cent"}


def _a_share(subject: Token) -> bool:
    """A share of a poll's respondents as the subject, with no one named ('Over half say
    they ...', 'between a third and two-fifths say', '17% say'): a poll's finding, not
    anyone's words; 'half of the nurses said' names who spoke."""
    named = subject.lemma_.lower() in _SHARES or subject.lower_ in _SHARES
    if not named and (subject.ent_type_ != "PERCENT" or subject.pos_ == "PROPN"):
        return False
    of = [g for c in subject.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
    # '71% of all those polled said', 'half of respondents say': still the poll's share
    return not of or any(_polled(g) for g in of)


_POLLING = frozenset({"poll", "survey", "ask", "question", "interview", "canvass", "sample"})


def _polled(noun: Token) -> bool:
    """The respondents of a poll: 'respondents', 'those polled', 'people surveyed'."""
    if noun.lemma_.lower() in ("respondent", "interviewee"):
        return True
    return any(
        c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in _POLLING for c in noun.children
    )


def _nobody(subject: Token) -> bool:
    """A subject that names no one: 'nobody', 'none of the players', 'no one', 'no expert'."""
    if subject.lower_ in _NOBODY:
        return True
    return any(c.dep_ == "det" and c.lower_ == "no" for c in subject.children)


def _no_report(cand: Candidate, cue: Token, lex: CueLexicon) -> bool:
    """A cue that reports no one's words: a guess ('a court might affirm that ...'), words
    to come ('aims to explain', 'is expected to tell'), a deliberation or a decision to come
    ('is considering whether', 'will determine whether': only asking verbs report a
    question), 'it is telling that' (revealing, not telling anyone), or a talk that
    describes its talkers ('everybody talking about the law is ...').

    Wishes, fears and questions stay quotes: PolNeAR counts them as attributions ('wants
    to triple the program', 'environmentalists worry that ...', 'has he called for ...?')."""
    lemma = cue.lemma_.lower()
    auxes = [c for c in cue.children if c.dep_ == "aux"]
    if any(a.lower_ in lex.hedging_modals for a in auxes):
        return True
    if cue.dep_ == "xcomp" and cue.head.lemma_.lower() in lex.aim_verbs:
        return True  # 'aims to explain', 'is expected to tell': words to come
    described = cue.dep_ == "acl" and lemma in ("talk", "speak")
    if not cand.direct and (described or (cue.dep_ == "csubj" and cue.tag_ == "VBG")):
        return True  # 'everybody talking about the law is ...': who, not what was said
    subjects = [c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")]
    words = doc_text(cue.doc)[cand.start : cand.end]
    opener = words.split(maxsplit=1)[0].lower() if words.strip() else ""
    if not cand.direct and opener == "whether" and lemma not in lex.question_verbs:
        return True
    if not cand.direct and words.strip().lower() in lex.wh_words:
        return True  # 'what they talked about': the span 'what' names nothing said
    if not cand.direct and opener in lex.reflexive_pronouns and words.split()[1:2] != ["as"]:
        return True  # 'proclaimed himself ruler of ...', 'declared herself ready': an act
        # of naming oneself, no words reported ('portrayed himself as ...' stays)
    if not cand.direct and opener in lex.wh_words and lemma in lex.deciding_verbs:
        return True  # 'will decide how they spend the money': a decision, no words
    if not cand.direct and opener in lex.wh_words and lemma in lex.knowing_verbs:
        return True  # 'the family understands what happened': what they know, no words
    if not cand.direct and opener in lex.wh_words and lemma in lex.fancy_verbs:
        return True  # 'imagined how the cabinet spent its holiday': made up, no words
        # ('consider what it could look like' stays, as PolNeAR counts it)
    objects = any(c.dep_ in ("dobj", "dative") for c in cue.children)
    return lemma == "tell" and not objects and any(s.lower_ in _THING_PRONOUNS for s in subjects)


def _withheld(cue: Token, lex: CueLexicon) -> bool:
    """A negated cue whose clause is a question left open ('did not say when ...'), the
    negation maybe fronted with its auxiliary ('Never had he asked them what ...', 'not
    once had the mayor asked residents what ...', parsed with 'had' as the head)."""
    inverted = [a for a in cue.children if a.dep_ == "aux" and a.i < cue.i]
    if cue.dep_ == "ccomp" and cue.head.lemma_ in ("have", "do") and cue.head.i < cue.i:
        inverted.append(cue.head)
    negated = any(c.dep_ == "neg" for c in cue.children) or any(
        c.dep_ == "neg" for a in inverted for c in a.children
    )
    if not negated:
        return False
    for clause in (c for c in cue.children if c.dep_ == "ccomp"):
        if clause.left_edge.lower_ in lex.wh_words:
            return True
    return False


def _generic_saying(cue: Token, subject: Token, lex: CueLexicon) -> bool:
    """'as they say', 'as people say': a saying cited, not someone's words."""
    return subject.lower_ in lex.generic_speakers and any(
        c.dep_ == "mark" and c.lower_ == "as" for c in cue.children
    )


def _finding(cue: Token, subject: Token, lex: CueLexicon) -> bool:
    """What a piece of evidence found or shows, not anyone's words: a finding verb whose
    subject is a poll, a survey, data, documents or a study ('a survey found that ...',
    'court documents showed ...', 'our data indicate ...', 'the report also noted', 'It
    calculates' with a study as the last sentence's subject), or whose subject is the
    people behind a study ('the researchers found', 'the researchers reported in the
    journal'). What a report or a statement says stays its authors' words ('the report
    said'), and so do researchers' words ('researchers said')."""
    lemma = cue.lemma_.lower()
    finds = lemma in lex.finding_verbs or lemma in lex.finding_verbs_more
    if subject.pos_ == "NOUN" and subject.lemma_.lower() in lex.study_people:
        return finds or lemma in lex.study_report_verbs
    if not finds:
        return False
    if subject.lower_ == "it":
        return _evidence_antecedent(subject, lex)
    if lemma not in lex.finding_verbs and subject.pos_ != "NOUN":
        return False  # 'Smith noted', 'the FBI estimates': a person's or a body's words
    before = [t for t in subject.subtree if t.i < cue.i]
    last = max(before, key=lambda t: t.i) if before else subject  # 'Bureau of Statistics data'
    return any(t.lemma_.lower() in lex.evidence_nouns for t in (subject, last) if t.pos_ == "NOUN")


_ANTECEDENT_SENTENCES = 2


def _evidence_antecedent(pronoun: Token, lex: CueLexicon) -> bool:
    """Whether 'it' stands for a piece of evidence: the subject of the nearest earlier
    sentence that has a noun subject is one ('The study looked at 500 farms. It estimates
    that ...')."""
    sent = pronoun.sent
    for _ in range(_ANTECEDENT_SENTENCES):
        if sent.start == 0:
            return False
        sent = pronoun.doc[sent.start - 1].sent
        subjects = [t for t in sent.root.children if t.dep_ in ("nsubj", "nsubjpass")]
        if not subjects or subjects[0].pos_ == "PRON":
            continue
        head = subjects[0]
        return head.pos_ == "NOUN" and head.lemma_.lower() in lex.evidence_nouns
    return False


def _data_source(source: Token, lex: CueLexicon) -> bool:
    """A source made of numbers or results: 'according to new figures from the police',
    'according to research', 'according to census data', or an office named after its
    data ('according to the National Bureau of Statistics', and its acronym where the
    text spells it out: 'the National Bureau of Statistics (NBS)' ... 'according to NBS')."""
    words = [source] + [c for c in source.children if c.dep_ == "compound"]
    if any(t.pos_ == "NOUN" and t.lemma_.lower() in lex.data_nouns for t in words):
        return True
    if source.pos_ != "PROPN":
        return False
    name = [t.lower_ for t in source.subtree]
    if source.is_upper and len(source.text) >= 2:
        spelt = re.search(
            rf"((?:[A-Z][\w'-]*\s+(?:(?:of|for|and|on)\s+)?){{1,8}})\(\s*{re.escape(source.text)}\s*\)",
            doc_text(source.doc),
        )
        if spelt is not None:
            name += spelt.group(1).lower().split()
    return any(w in lex.data_office_words for w in name)


def _evidence(subject: Token, lex: CueLexicon) -> bool:
    """A subject that can show something: a name, a source or a piece of evidence ('the
    poll', 'the figures', 'the ministry'), a share of those asked ('twelve percent'), not a
    thing or an act ('efforts')."""
    lemma = subject.lemma_.lower()
    return (
        subject.pos_ in ("PROPN", "PRON")
        or subject.ent_type_ in ("PERSON", "ORG", "GPE", "NORP", "PERCENT", "CARDINAL")
        or lemma in lex.evidence_nouns
        or lemma in lex.role_nouns
        or lemma in lex.org_nouns
        or lemma in lex.source_nouns
    )


def _to_quote(doc: Doc, cand: Candidate, speaker: Speaker | None) -> Quote:
    """The public record for a finished candidate; a quote split by its attribution keeps
    its outer bounds and lists its quoted pieces, without the attribution, in ``parts``."""
    full = doc_text(doc)
    text = full[cand.start : cand.end]
    parts = tuple(Mention(a, b, full[a:b]) for a, b in cand.parts) if len(cand.parts) > 1 else ()
    return Quote(cand.start, cand.end, text, cand.direct, cand.cue_text, speaker, parts=parts)


def _speaker_for(
    cand: Candidate, resolver: SpeakerResolver, resolve: Resolve | None, previous: Speaker | None
) -> Speaker | None:
    """The candidate's speaker: its subject mention resolved, or the previous speaker.

    The ``resolve`` hook is asked about what the mention's head refers to (an organisation
    named in a modifier, "Air Force chief", "Russian officials", is not the speaker), then
    about the antecedent found here; for "it", "the ministry"-style mentions and nouns
    carrying a name ("a statement from X") only about the name or antecedent;
    an indefinite mention ("a lawyer for ...") is someone new and is not resolved.
    """
    if cand.subject is None:
        return previous if cand.inherits else None
    speaker = resolver.speaker(cand.subject)
    lex = resolver.lex
    if _unnamed_source(cand.subject, lex):
        return Speaker(None, speaker.text, speaker.start, speaker.end, speaker.text)
    bound = _bound_name(cand.subject, lex)
    if bound is not None:
        hooked = resolve(bound.start_char, bound.end_char) if resolve is not None else None
        if hooked is not None and not _not_a_person(hooked.entity):
            return Speaker(hooked.entity, hooked.name, speaker.start, speaker.end, speaker.text)
        name = resolver.full_name(bound.text)
        return Speaker(None, name, speaker.start, speaker.end, speaker.text)
    if resolve is None or speaker.start is None or speaker.end is None or resolver.kind == "new":
        return speaker
    owned = any(c.dep_ == "poss" for c in cand.subject.children)
    role = resolver.kind == "person" and cand.subject.pos_ == "NOUN"
    if role and owned and speaker.name == speaker.text:
        return speaker  # 'the PM's official spokesman', whom no one named before fits, is
        # not the Commission's spokesman the hook may give
    if resolver.running and resolver.antecedent is not None:
        hooked = resolve(*resolver.antecedent)  # 'The diplomat pointed out', after the
        # ambassador's quotes: the ambassador, whatever diplomat the hook knows
        if hooked is None or hooked.name != speaker.name:
            return speaker
        pronoun = cand.subject.lower_ in lex.person_pronouns
        entity = None if pronoun and _not_a_person(hooked.entity) else hooked.entity
        return Speaker(entity, hooked.name, speaker.start, speaker.end, speaker.text)  # 'he'
        # is no body the tagger took a name for
    if resolver.kind in ("org", "named"):
        hooked = resolve(*resolver.antecedent) if resolver.antecedent else None
        if hooked is not None and _local_thing(hooked.entity) and resolver.a_person_before():
            hooked = Speaker(None, hooked.name, hooked.start, hooked.end, hooked.text)  # 'Shen
            # added', after the person 'Shen Meng, director of X' the tagger took for a body
    else:
        head = cand.subject
        start, end = max(head.idx, speaker.start), min(head.idx + len(head), speaker.end)
        hooked = resolve(start, end) if end > start else None
        if hooked is not None and resolver.kind == "person" and _not_one(hooked, resolver):
            hooked = None  # 'The Rhode Island Democrat' is no party; 'he' no 'Kara Tepe
            # refugee camp': the mention's own antecedent is asked instead
        if hooked is None and resolver.antecedent is not None:
            hooked = resolve(*resolver.antecedent)
    if hooked is None or _modifier_name(cand.subject, hooked.name):
        return speaker  # "Guatemalan media", "Russian officials": not the country
    if speaker.name and _glued_before(hooked.name, speaker.name):
        entity = hooked.entity if _kb_person(hooked.entity) else None  # 'Cyprus Ivan Petrov'
        return Speaker(entity, speaker.name, speaker.start, speaker.end, speaker.text)
    if other_gender(hooked.name, _speaker_gender(cand.subject, lex)):
        return speaker  # 'she' is not the 'Joseph Ettedgui' the hook gives
    if _other_family(speaker, hooked):
        return speaker  # 'Paul said' after 'Sen. Rand Paul': not Paul Manafort
    if _modifier_entity(cand.subject, hooked.entity, resolve):
        # 'The UN court ruled': the court, not the United Nations
        return Speaker(None, speaker.text, speaker.start, speaker.end, speaker.text)
    if lex.person_pronouns.get(cand.subject.lower_) and _not_a_person(hooked.entity):
        return speaker  # 'he' is no party, company or country ('he stressed' -> a party)
    if _part_of(hooked.name, speaker.name):
        return speaker  # 'Paul' for 'Senior Counsel Paul O'Higgins': the name is longer
    if _family_of(hooked.name, speaker.name):  # 'Sharpston' for 'Eleonore Sharpston':
        entity = None if _not_a_person(hooked.entity) else hooked.entity  # the longer name
        return Speaker(entity, speaker.name, speaker.start, speaker.end, speaker.text)
    if hooked.name != speaker.name and without_title(hooked.name or "") == speaker.name:
        entity = None if _not_a_person(hooked.entity) else hooked.entity  # 'Labour TD Ann
        return Speaker(entity, speaker.name, speaker.start, speaker.end, speaker.text)  # Dwyer'
    if (
        _honorific(cand.subject.doc, speaker, resolver.lex)
        and not _kb_person(hooked.entity)
        and _wrong_type(cand.subject.doc, "person", hooked.name)
    ):
        return speaker  # 'Mr Garvey' is a person, whatever the name's other mentions say
    # a role noun ("the senior adviser") is no organisation, "it" no person; pronouns are
    # left to the entity layer (the document's labels of names are too noisy for them)
    checked = resolver.kind == "org" or (resolver.kind == "person" and cand.subject.pos_ == "NOUN")
    if checked and _wrong_type(cand.subject.doc, resolver.kind, hooked.name):
        return speaker
    if _local_thing(hooked.entity) and _shown_a_person(cand.subject, lex):
        return Speaker(None, speaker.name, speaker.start, speaker.end, speaker.text)
    if _local_person(hooked.entity) and _named_as_body(cand.subject.doc, hooked.name, lex):
        return Speaker(None, hooked.name, speaker.start, speaker.end, speaker.text)  # 'the
        # local newspaper, "Dawn," ... said Dawn': a body the tagger took for a person
    canonical = hooked.name
    if _ends_lower(canonical) and not _ends_lower(speaker.name):
        return speaker  # 'Keane states' of the hook, from 'Ms Keane-states in the letter'
        # (a verb glued to the name by the page's dash): the name without it, unlinked
    if canonical and not _not_a_person(hooked.entity):
        canonical = without_title(canonical)  # 'Superintendent Ann Leary' of the hook
    return Speaker(hooked.entity, canonical, speaker.start, speaker.end, speaker.text)


def _ends_lower(name: str | None) -> bool:
    """Whether a name of several words ends with a lower-case word ('Keane states')."""
    words = (name or "").split()
    return len(words) > 1 and words[-1].isalpha() and words[-1].islower()


def _local_thing(entity: str | None) -> bool:
    """A document-local organisation or place ('local:org:x'): a label the tagger gave
    the name, which no knowledge base backs."""
    return bool(entity) and (entity or "").startswith("local:") and _not_a_person(entity)


def _shown_a_person(subject: Token, lex: CueLexicon) -> bool:
    """A proper-name speaker its own sentence shows to be a person: a role in apposition
    ('Shen Meng, director of X & Co, says') or a 'his'/'her' or 'he'/'she' that follows it
    with no other name between ('Madou Toure has tried his luck abroad and says ...')."""
    if subject.pos_ != "PROPN":
        return False
    if role_in_apposition(subject, lex):
        return True
    for tok in subject.doc[subject.i + 1 : subject.sent.end]:
        if tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") and tok.ent_iob_ == "B":
            return False
        if tok.lower_ in lex.person_pronouns:
            return tok.tag_ in ("PRP", "PRP$")
        if tok.lower_ in ("it", "its", "they", "their"):
            return False
    return False


def _other_family(speaker: Speaker, hooked: Speaker) -> bool:
    """A one-word name the text spells out as a family name ('Paul' -> 'Rand Paul') that
    the hook takes for someone's given name ('Paul Manafort')."""
    mention = (speaker.text or "").split()
    name, other = (speaker.name or "").split(), (hooked.name or "").split()
    if len(mention) != 1 or len(name) < 2 or len(other) < 2 or not name[0][:1].isalpha():
        return False
    return name[-1] == mention[0] and other[-1] != mention[0] and other[0] == mention[0]


def _not_one(hooked: Speaker, resolver: SpeakerResolver) -> bool:
    """A hook's answer for a person mention that is no one person: a group ('local:norp:
    democrat'), or a name the text only uses to modify a noun ('Kara Tepe refugee camp')."""
    parts = (hooked.entity or "").split(":")
    if len(parts) > 2 and parts[1] == "norp":
        return True
    return bool(hooked.name) and resolver.only_a_modifier(hooked.name or "")


def _unnamed_source(subject: Token, lex: CueLexicon) -> bool:
    """'the source said', 'sources say': news names no one behind a source (a named one
    comes with the name: 'the source, Ann Lee'), so it is linked to no entity."""
    if subject.lemma_.lower() not in lex.unnamed_sources:
        return False
    return not any(t.pos_ == "PROPN" for t in subject.subtree)


def _bound_name(subject: Token, lex: CueLexicon) -> Span | None:
    """The person a 'he'/'she' subject of a cue in an adverbial or complement clause
    stands for: the named subject of the verb the clause hangs on ('Lord Tebbit sparked
    jeers when he said ...', 'Mary Lee smiled as she told ...', 'Sessions recused himself
    but insisted that he answered the questions "..."'), unless an honorific or a common
    given name says the name is of the other gender."""
    cue = subject.head
    if subject.dep_ != "nsubj" or subject.lower_ not in ("he", "she"):
        return None
    if cue.dep_ not in ("advcl", "ccomp") or cue.i < cue.head.i:
        return None  # 'When he said it, the minister ...': the clause comes first
    governor = cue.head
    while (
        cue.dep_ == "ccomp"
        and governor.dep_ == "conj"
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in governor.children)
    ):
        governor = governor.head  # 'X recused himself but insisted that he ...'
    gender = lex.person_pronouns[subject.lower_]
    for child in governor.children:
        # any name: 'he' agrees with no organisation, and the small model tags people
        # as NORP or GPE ('Lord Tebbit')
        if child.dep_ == "nsubj" and child.i < subject.i and _a_name(child):
            first = child.i
            while first > 0 and child.doc[first - 1].pos_ == "PROPN":
                first -= 1
            titled = lex.honorifics.get(child.doc[first].lower_) or (
                lex.honorifics.get(child.doc[first - 1].lower_) if first > 0 else None
            )
            given = given_name_genders().get(child.doc[first].lower_) if first < child.i else None
            if (titled or given) not in (None, gender):
                return None  # 'Mr Lee waited until she said ...': someone else
            return child.doc[first : child.i + 1]
    return None


def _a_name(tok: Token) -> bool:
    """A proper name, or a person's family name the tagger took for a common noun."""
    return tok.pos_ == "PROPN" or _family_name(tok)


def _family_name(tok: Token) -> bool:
    """A capitalised word that is the family name of a person named in the article
    ('Sessions' after 'Jeff Sessions', whatever tag the word got)."""
    return tok.is_title and any(
        e.label_ == "PERSON" and len(e) > 1 and e[-1].text == tok.text for e in tok.doc.ents
    )


_NOT_PERSON_KINDS = {"org", "gpe", "loc", "norp", "fac", "event"}


def _not_a_person(entity: str | None) -> bool:
    """Whether an entity id names an organisation, a country or a place
    ('ng:org:akp', 'local:gpe:x', 'country:USA'); KB ids without a kind pass."""
    if not entity:
        return False
    parts = entity.split(":")
    return parts[0] == "country" or (len(parts) > 2 and parts[1] in _NOT_PERSON_KINDS)


_KB_PERSON = re.compile(r"Q\d+$|ng:person:")


def _local_person(entity: str | None) -> bool:
    """A document-local person id ('local:person:x'), which no knowledge base backs."""
    return bool(entity) and (entity or "").startswith("local:person:")


def _named_as_body(doc: Doc, name: str | None, lex: CueLexicon) -> bool:
    """Whether the text introduces a one-word name right after a noun for a body ('the
    local newspaper, "Dawn,"', 'the regional daily Nation', 'the charity Helpline')."""
    if not name or len(name.split()) != 1:
        return False  # 'a spokesman for the company, Tom Hale,': a person after the body
    nouns = _body_nouns(lex.org_nouns, lex.media_nouns)
    pattern = rf"\b(?i:{nouns})\s*,?\s*[\"\u201c']?\s*{re.escape(name)}\b"
    return re.search(pattern, doc_text(doc)) is not None


@cache
def _body_nouns(org_nouns: frozenset[str], media_nouns: frozenset[str]) -> str:
    """The regex alternation of the nouns for a body, built once per word list."""
    return "|".join(sorted(re.escape(n) for n in org_nouns | media_nouns))


def _kb_person(entity: str | None) -> bool:
    """Whether an entity id is a person of the knowledge base ('Q264766', 'ng:person:x'):
    a person whatever label the parser gave the name elsewhere ('Theresa May' tagged an
    organisation in a heading does not unmake 'Mrs May')."""
    return bool(entity) and _KB_PERSON.match(entity or "") is not None


def _family_of(hooked: str | None, name: str | None) -> bool:
    """Whether a one-word hooked name is the last word of a longer name found here."""
    if not hooked or not name or len(hooked.split()) != 1:
        return False
    words = name.split()
    return len(words) > 1 and words[-1] == hooked


def _glued_before(hooked: str | None, bound: str) -> bool:
    """Whether the hook's name is the bound name with words glued before it, which the
    mention set apart ('Cyprus Ivan Petrov' of the tagger for 'the ambassador in Cyprus Ivan
    Petrov', whose posting's place the resolver has cut off)."""
    return bool(hooked) and len(bound.split()) >= 2 and str(hooked).endswith(" " + bound)


def _part_of(hooked: str | None, name: str | None) -> bool:
    """Whether a one-word hooked name is only the first word of a longer name found here."""
    if not hooked or not name or len(hooked.split()) != 1:
        return False
    words = name.split()
    return len(words) > 1 and words[0] == hooked


def _honorific(doc: Doc, speaker: Speaker, lex: CueLexicon) -> bool:
    """Whether the speaker mention opens with an honorific ('Mr', 'Mrs', 'Dr')."""
    if speaker.start is None or speaker.end is None:
        return False
    span = doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
    return span is not None and len(span) > 1 and span[0].lower_ in lex.honorifics


_NOT_PERSON = {"ORG", "GPE", "FAC", "NORP", "LOC"}


def _wrong_type(doc: Doc, kind: str, name: str | None) -> bool:
    """Whether a resolved name is of the wrong type for a person or organisation mention,
    judged by how the document's entities label that name."""
    if name is None or kind not in ("person", "org"):
        return False
    key = name.lower().removeprefix("the ")
    labels = {e.label_ for e in doc.ents if e.text.lower().removeprefix("the ") == key}
    if kind == "person":
        return bool(labels & _NOT_PERSON) and "PERSON" not in labels
    return labels == {"PERSON"}


def _modifier_name(head: Token, name: str | None) -> bool:
    """Whether ``name`` is only a modifier of a common-noun speaker ("Russian" officials)."""
    if name is None or head.pos_ != "NOUN":
        return False
    words = " ".join(
        t.text for c in head.lefts if c.dep_ in ("amod", "compound", "nmod") for t in c.subtree
    )
    return bool(words) and name in words


def _modifier_entity(head: Token, entity: str | None, resolve: Resolve) -> bool:
    """Whether the hook's entity for a common-noun speaker is the one a modifier names
    ('The UN court', 'the ISIS-linked news agency': the modifier's entity is not the
    noun's), asked of the hook itself rather than by the name's spelling."""
    if entity is None or head.pos_ != "NOUN":
        return False
    for child in head.lefts:
        if child.dep_ not in ("amod", "compound", "nmod") or child.pos_ not in ("PROPN", "ADJ"):
            continue
        words = list(child.subtree)
        if not any(t.ent_type_ for t in words) or head.ent_type_:
            continue  # a name of its own ('UN'), not a word of the noun phrase ('federal')
        found = resolve(words[0].idx, words[-1].idx + len(words[-1]))
        if found is not None and found.entity == entity:
            return True
    return False


# --- direct quotes -----------------------------------------------------------------


def _direct_candidates(doc: Doc, lex: CueLexicon) -> list[Candidate]:
    """Attributed direct quotes; scare quotes are dropped and split quotes merged."""
    found: list[Candidate] = []
    spans = find_quoted_spans(doc_text(doc))
    quoted = [(s.start, s.end) for s in spans]
    for span in spans:
        cand = _attribute_direct(doc, span, lex, found[-1] if found else None, quoted)
        if cand is not None:
            found.append(cand)
    return _merge_split(doc, found)


def _attribute_direct(
    doc: Doc,
    span: QuotedSpan,
    lex: CueLexicon,
    previous: Candidate | None,
    quoted: list[tuple[int, int]],
) -> Candidate | None:
    """The quote with its cue and subject, or None for a scare quote.

    A cue inside another quote is part of those quoted words, not this quote's
    attribution (``X announced that "Britax has announced 33 reports" of incidents that
    "resulted in 26 injuries"``: the second fragment is X's too)."""
    inner = doc.char_span(span.start, span.end, alignment_mode="expand")
    if inner is None or len(inner) == 0:
        return None
    cand = Candidate(span.start, span.end, True, span.outer_start, span.outer_end)
    if inner.start > 1 and doc[inner.start - 2].lower_ in lex.title_words:
        return None  # a title: 'an exhibition titled "From Kaliningrad to Kamchatka"'
    label = _label_inside(inner, lex)
    if label is not None:  # '"WALLACE: Let's start with ...': a transcript's speaker
        colon, name = label
        cand.start = span.end - len(doc_text(doc)[colon.idx + 1 : span.end].lstrip())
        cand.cue, cand.cue_text, cand.subject = colon, ":", name
        return cand
    speechlike = _is_speechlike(inner)
    options = (
        lambda: _governing_cue(inner, lex, speechlike, quoted, _set_off_cue(doc, span, inner, lex)),
        lambda: (
            _cue_after(doc, span, inner, lex) if speechlike or _ends_utterance(doc, span) else None
        ),
        lambda: _cue_inside(inner, lex),
        lambda: _cue_before(doc, span, lex, quoted) if speechlike else None,
        lambda: _label_before(doc, span, lex) if speechlike else None,
    )
    found: Cue | None = None
    if speechlike and _opens_utterance(doc, span):
        # a caption right after a whole-sentence quote names its speaker, whatever the
        # parser hung the quote on ('Li says X. "..."   Ni Wen, chairman of Y.'); it has
        # its own check of the break before it
        found = _caption_after(doc, span)
    for option in options if found is None else ():
        found = option()
        if found is not None and not _across_heading(doc, span, found[0]):
            break
        found = None
    if found is None and speechlike:
        found = _caption_after(doc, span)  # its own check: the caption follows a break
    if found is not None:
        found = (found[0], found[1], _cited(found[0], lex) or found[2])
    if found is not None:
        cand.cue, cand.cue_text, cand.subject = found
        return cand
    if not speechlike:
        return None
    if not _opens_utterance(doc, span) and len([t for t in inner if not t.is_punct]) < (
        _MIN_SPEECH_WORDS
    ):
        return None  # 'when "don't knows" are excluded': a term inside a sentence, no one's
    cand.inherits = (
        previous is not None
        and _opens_utterance(doc, span)
        and doc_text(doc).count("\n", previous.outer_end, span.outer_start) <= _INHERIT_PARAGRAPHS
        and not _other_named_between(doc, previous, span, quoted, lex)
    )
    return cand


def _other_named_between(
    doc: Doc,
    previous: Candidate,
    span: QuotedSpan,
    quoted: list[tuple[int, int]],
    lex: CueLexicon,
) -> bool:
    """Whether the sentence the quote opens in names another person as its subject before
    the quote ('"Why kill children?" the grandfather asked. ... The unpredictable Trump
    spews out a fragment of truth in an interview -- "you think our country's so
    innocent?"': not the grandfather's). The last quote's speaker named again and the
    subject of a cue ('Said Ellis: "..."') do not count."""
    opener = doc.char_span(span.outer_start, span.outer_start + 1, alignment_mode="expand")
    if opener is None:
        return False
    start = max(previous.outer_end, opener.sent.start_char)  # the quote's own sentence
    before = doc.char_span(start, span.outer_start, alignment_mode="contract")
    if before is None:
        return False
    speaker = previous.subject
    said = {t.lower_ for t in speaker.subtree} if speaker is not None else set()
    people = {e[-1].lower_ for e in doc.ents if e.label_ == "PERSON" and e[-1].is_title}
    for tok in before:
        if any(a <= tok.idx < b for a, b in quoted) or tok.lower_ in said:
            continue
        subject = tok.dep_ in ("nsubj", "nsubjpass") or (
            tok.dep_ == "compound" and tok.head.dep_ in ("nsubj", "nsubjpass")
        )
        verb = tok.head.head if tok.dep_ == "compound" else tok.head
        if lex.is_cue_verb(verb.lemma_.lower()):
            continue  # 'Said Ellis: "..."': the name of a lead-in cue, maybe this quote's
        if subject and tok.pos_ == "PROPN" and tok.lower_ in people:
            return True
    return False


_LABEL_WORDS = 3


def _label_inside(inner: Span, lex: CueLexicon) -> tuple[Token, Token] | None:
    """A transcript's speaker label opening the quoted words: one to three upper-case words
    and a colon ('"WALLACE: Let's start ...', '"MR. TRUMP: ...'), not a page label
    ('"UPDATE: ...'). Returns the colon and the label's last word."""
    colon = next((t for t in inner[: _LABEL_WORDS * 2 + 1] if t.text == ":"), None)
    if colon is None or colon.i + 1 >= inner.end:
        return None
    label = [t for t in inner.doc[inner.start : colon.i] if not t.is_punct]
    words = [t for t in label if t.is_alpha]
    if not words or len(label) > _LABEL_WORDS or len(label) != len(words):
        return None
    if not all(t.is_upper and len(t) > 1 for t in words):
        return None
    if " ".join(t.lower_ for t in words) in lex.line_labels or any(
        t.lower_ in lex.line_labels for t in words
    ):
        return None
    return colon, words[-1]


def _cited(verb: Token, lex: CueLexicon) -> Token | None:
    """Whose words a citation verb passes on: ``recalled Churchill's words: "..."``,
    ``quoted Trump: "..."`` (the quote is theirs, not the citing speaker's)."""
    if verb.lemma_.lower() not in lex.citation_verbs:
        return None
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        if obj.pos_ == "PROPN" or obj.ent_type_ == "PERSON":
            return obj
        owner = next((c for c in obj.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
        if owner is not None:
            return owner
    return None


def _opens_utterance(doc: Doc, span: QuotedSpan) -> bool:
    """A quote standing as its own sentence (after a sentence end, a colon, a dash or a
    quote, or opening its line), not a title or phrase inside someone's sentence
    (``an exhibition titled "From Kaliningrad to Kamchatka"``): only such a quote can
    carry on the previous speaker's words."""
    if span.open_at < 0:
        return True
    text = doc_text(doc)
    before = text[text.rfind("\n", 0, span.open_at) + 1 : span.open_at].rstrip()
    return not before or before[-1] in ".!?:;\"'\u201d\u2019)]-\u2013\u2014"


def _across_heading(doc: Doc, span: QuotedSpan, cue: Token) -> bool:
    """Whether a title or subheading glued into the text lies between the quote and its cue."""
    text = doc_text(doc)
    if cue.idx >= span.outer_end:  # up to the end of the cue's clause: the cue may be in it
        ends = (t for t in doc[cue.i :] if t.text.rstrip("-\u2013\u2014")[-1:] in _CLAUSE_END)
        stop = next((t.idx for t in ends), len(text))
        return bool(heading_breaks(text, span.outer_end, stop))
    if cue.idx < span.outer_start:
        return bool(heading_breaks(text, cue.idx, span.outer_start))
    return False


def _ends_utterance(doc: Doc, span: QuotedSpan) -> bool:
    """A short quote set off as a whole utterance: ``"Never," she said`` / ``"Never" , ...``."""
    inside = doc_text(doc)[span.start : span.end].rstrip()[-1:]
    after = doc_text(doc)[span.outer_end : span.outer_end + 2].lstrip()[:1]
    return inside in {",", "!", "?"} or after == ","


def _is_speechlike(inner: Span) -> bool:
    """Long enough, or a clause with a finite verb: not a quoted name or phrase."""
    words = [t for t in inner if not t.is_punct]
    has_verb = any(t.tag_ in ("VBD", "VBP", "VBZ", "MD") for t in words)
    return len(words) >= _MIN_SPEECH_WORDS or (has_verb and len(words) >= 3)


# a dash, or a sentence end with its closing mark ('together."?"We go ...': the corpus's
# garbled closer glued to the next opener; searched up to the opener)
_SET_OFF = re.compile(r"\s[-\u2013\u2014]|[.!?][\"'\u201d\u2019]?\s|[.!?][\"\u201d]\?$")


def _set_off_cue(
    doc: Doc, span: QuotedSpan, inner: Span, lex: CueLexicon
) -> tuple[Cue, int] | None:
    """The attribution right after a quote that ends on a comma (``"...," she told X``)
    when the quote opens after a break (a dash, a sentence end, a glued heading), with
    the offset of that break: it beats a verb before the break which the parse makes
    the quote's head."""
    text = doc_text(doc)
    if span.open_at < 0 or not text[span.start : span.end].rstrip().endswith(","):
        return None
    line = text.rfind("\n", 0, span.open_at) + 1
    breaks = [m.start() for m in _SET_OFF.finditer(text, line, span.open_at)]
    breaks += heading_breaks(text, line, span.open_at)
    found = _cue_after(doc, span, inner, lex) if breaks else None
    if found is None or found[1] == "according to":
        return None
    return found, max(breaks)


def _governing_cue(
    inner: Span,
    lex: CueLexicon,
    speechlike: bool,
    quoted: list[tuple[int, int]],
    set_off: tuple[Cue, int] | None = None,
) -> Cue | None:
    """A cue verb outside the quote that governs it (``X said "..."``, ``wished X "..."``).

    A quoted phrase (not speechlike) counts only as the cue's own object or complement,
    reached through prepositions at most (``called it "a disgrace"``, ``described X as
    "..."``), never as the addressee (``told "GMA"``) or through another verb (``clarified
    what the "pinch test" entails``)."""
    # first-seen order: a set of tokens would iterate in memory-address order
    heads = dict.fromkeys(t.head for t in inner if not (inner.start <= t.head.i < inner.end))
    for head in heads:
        verb: Token | None = head
        for _ in range(3):
            if verb is None:
                break
            phrase = cue_phrase(verb, lex)
            allowed = speechlike or (
                verb.lemma_.lower() in lex.partial_quote_verbs and not _addressee(inner, verb, lex)
            )
            allowed = allowed and not _adjunct_phrase(inner, verb, lex)
            in_quote = any(a <= verb.idx < b for a, b in quoted)
            if phrase and allowed and not in_quote:
                subject = subject_of(verb, lex)
                if subject is not None and not (inner.start <= subject.i < inner.end):
                    if set_off is not None and verb.idx < set_off[1]:
                        return set_off[0]  # 'X called for a strike -"...," she told Y'
                    return _reporting(verb, lex) or (verb, phrase, subject)
            if not speechlike and verb.pos_ in ("VERB", "AUX"):
                break
            verb = verb.head if verb.head.i != verb.i else None
    return None


def _adjunct_phrase(inner: Span, verb: Token, lex: CueLexicon) -> bool:
    """A quoted phrase that opens with a preposition hung on a verb that takes no quoted
    fragment ('The attack began early on Sunday "with two car bombs and several gunmen",
    said X'): how the act went, in X's words, not words of the verb's subject."""
    first = next((t for t in inner if not t.is_punct), None)
    if first is None or first.pos_ != "ADP" or first.head != verb:
        return False
    return verb.lemma_.lower() not in lex.partial_quote_verbs and cue_particle(verb, lex) is None


def _reporting(verb: Token, lex: CueLexicon) -> Cue | None:
    """The speech verb whose reported clause holds a stance verb governing a quoted
    fragment: 'Wang said the commission is considering "birth rewards"': the quoted
    words are Wang's report, not the commission's."""
    if verb.lemma_.lower() not in lex.belief_verbs or verb.dep_ != "ccomp":
        return None
    head = verb.head
    if head.lemma_.lower() not in lex.speech_verbs:
        return None
    phrase = cue_phrase(head, lex)
    subject = subject_of(head, lex) if phrase else None
    return (head, phrase, subject) if phrase and subject is not None else None


def _addressee(inner: Span, verb: Token, lex: CueLexicon) -> bool:
    """Whether the quoted phrase is the person spoken to (``told "GMA" she ...``)."""
    root = inner.root
    return (
        verb.lemma_.lower() in lex.addressee_verbs
        and root.head == verb
        and root.dep_
        in (
            "dobj",
            "dative",
        )
    )


def _cue_after(doc: Doc, span: QuotedSpan, inner: Span, lex: CueLexicon) -> Cue | None:
    """A cue right after the closing mark: ``"...," X said`` / ``said X`` / ``according to X``."""
    if span.close_at < 0:
        return None
    text = doc_text(doc)
    if (
        text[span.close_at - 1 : span.close_at].isspace()
        and text[span.outer_end : span.outer_end + 1].isalpha()
    ):
        return None  # its closing mark opens the next paragraph's quote: what follows is quoted
    limit = paragraph_end(doc_text(doc), span.outer_end)
    limit = min([limit, *heading_breaks(doc_text(doc), span.outer_end, limit)])
    ends_sentence = doc_text(doc)[span.start : span.end].rstrip()[-1:] in _CLAUSE_END
    window = 4 if ends_sentence else _AFTER_WINDOW
    first = inner.end
    while first < len(doc) and doc[first].idx < span.outer_end:
        first += 1
    for tok in doc[first : min(len(doc), first + window)]:
        if tok.idx >= limit or tok.text in _CLAUSE_END or tok.text in ('"', "\u201c", "``"):
            break
        found = cue_with_subject(tok, lex)
        if found is not None and found[2] is None and tok.i == first:
            taken = _speaker_taken_for_object(tok, lex)
            if taken is not None:
                return found[0], found[1], taken
        if found is not None and ends_sentence and _reports_own_or_of(found[0], lex):
            return None  # '"A whole sentence." X said the letter was ...': X's own words
            # ('"...." X insisted on his support for ...': what X insisted on)
        if found is not None and ends_sentence and found[1] == "according to" and tok.is_title:
            return None  # '"... issue." According to the poll, ...': the next sentence's
        if found is not None and found[2] is not None:
            if span.outer_start <= found[2].idx < span.outer_end:  # '"... The polls (showed)
                after = _inverted_subject(found[0], limit, lex)  # it ...," said Nathan Dodson':
                found = (found[0], found[1], after) if after is not None else None  # not
            if found is not None:  # the quoted words' subject
                return found
    misread = _cue_read_as_modifier(doc, first, limit, lex)
    if misread is not None:
        return misread
    if ends_sentence:
        return _long_subject_after(doc, first, limit, lex)
    return _named_subject_after(doc, first, limit, lex) or _long_subject_after(
        doc, first, limit, lex
    )  # '"...," one of the vets caring for the elephant said'


def _cue_read_as_modifier(doc: Doc, first: int, limit: int, lex: CueLexicon) -> Cue | None:
    """'"...," the 12-year-old told reporters': the parser read the speaker and the cue
    as modifiers of the noun after them ('the 12-year-old told reporters' as one noun
    phrase); a past-tense cue verb right after a short 'the ...' phrase opening the words
    after the quote is the cue, the phrase's last word its subject."""
    while first < len(doc) and doc[first].is_punct:
        first += 1
    if first >= len(doc) or doc[first].lower_ != "the":
        return None
    for tok in doc[first + 2 : min(len(doc), first + 7)]:
        if tok.idx >= limit or tok.text in _CLAUSE_END:
            return None
        if tok.tag_ == "VBD" and tok.dep_ in ("amod", "compound"):
            phrase = cue_phrase(tok, lex)
            subject = doc[tok.i - 1]
            if phrase is None or not subject.is_alpha or subject.tag_.startswith("VB"):
                return None
            return tok, phrase, subject
        if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
            return None
    return None


def _speaker_taken_for_object(verb: Token, lex: CueLexicon) -> Token | None:
    """The speaker the parser took for the object of a cue verb right after the closing
    mark ('"We hear you!" shouts a young girl', 'whispers Ana'): a name, a noun for a
    person or someone new ('a young girl') right after the verb, which has no subject nor
    clause of its own."""
    if verb.tag_ not in ("VBZ", "VBD") or verb.i + 1 >= len(verb.doc):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "ccomp", "xcomp") for c in verb.children):
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or obj.left_edge.i != verb.i + 1:
        return None
    lemma = obj.lemma_.lower()
    person = lemma in lex.role_nouns or lemma in lex.source_people or lemma in lex.source_nouns
    someone = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in obj.children)
    return obj if obj.pos_ == "PROPN" or (obj.pos_ == "NOUN" and (person or someone)) else None


def _long_subject_after(doc: Doc, first: int, limit: int, lex: CueLexicon) -> Cue | None:
    """After a quote that ends its sentence, a speaker whose cue verb comes after a
    relative clause ('"Is this a game you've practised?" the friend who is recording
    asks'): the subject opening the next words, its verb a cue reporting nothing of its
    own, with no sentence end between."""
    while first < len(doc) and doc[first].is_punct:
        first += 1
    for tok in doc[first : min(len(doc), first + 3)]:
        noun = tok.pos_ in ("NOUN", "PROPN") or tok.lower_ == "one"  # 'one of the vets ...'
        if tok.idx >= limit or not noun or tok.dep_ != "nsubj":
            continue
        verb = tok.head
        words = doc[tok.i + 1 : verb.i]
        relative = any(t.dep_ in ("relcl", "acl") and tok.i <= t.head.i < t.i for t in words)
        if verb.i <= tok.i or verb.idx >= limit or not relative:
            return None
        if any(t.text in _CLAUSE_END for t in words):
            return None
        phrase = cue_phrase(verb, lex)
        if phrase is None or _reports_own(verb):
            return None
        return verb, phrase, tok
    return None


def _inverted_subject(verb: Token, limit: int, lex: CueLexicon) -> Token | None:
    """The speaker named right after a cue verb ('said Nathan Dodson', 'said the
    spokesman'): the head of the first name or role noun before any punctuation."""
    for tok in verb.doc[verb.i + 1 : verb.i + 1 + _AFTER_WINDOW]:
        if tok.idx >= limit or tok.is_punct:
            return None
        if tok.pos_ == "PROPN" or (tok.pos_ == "NOUN" and tok.lemma_.lower() in lex.role_nouns):
            while tok.dep_ in ("compound", "flat") and tok.head.i > tok.i:
                tok = tok.head
            return tok
    return None


def _named_subject_after(doc: Doc, first: int, limit: int, lex: CueLexicon) -> Cue | None:
    """A name right after the closing mark whose cue verb comes after a long apposition
    ('"...," - Ana Ruiz, a member of the regional parliament from Lowland, told X')."""
    while first < len(doc) and (doc[first].is_punct or doc[first].text in _DASHES):
        first += 1
    if first >= len(doc) or doc[first].idx >= limit or doc[first].pos_ != "PROPN":
        return None
    subject = doc[first]
    while subject.dep_ in ("compound", "flat") and subject.head.i > subject.i:
        subject = subject.head
    verb = subject.head
    if subject.dep_ != "nsubj" and subject.head.i < first:
        after = _verb_after_apposition(doc, subject, first, limit)
        if after is None:
            return None
        verb = after
    elif subject.dep_ != "nsubj" or verb.i < subject.i or verb.idx >= limit:
        return None
    phrase = cue_phrase(verb, lex)
    if phrase is None or _reports_own(verb) and verb.lemma_.lower() not in lex.addressee_verbs:
        return None
    return verb, phrase, subject


def _verb_after_apposition(doc: Doc, name: Token, first: int, limit: int) -> Token | None:
    """The verb a name right after the closing mark is the subject of, when the parser
    hung the name on a word inside the quote (a garbled mark it took for a word:
    '"...,"?Dana Whitfield, chief executive of Brightlock, said in a statement'): the
    first word after the name and its apposition, when that word is a verb with no
    subject of its own and only punctuation stands between."""
    last = max(t.i for t in name.subtree if t.i >= first)
    at = last + 1
    while at < len(doc) and doc[at].is_punct and doc[at].idx < limit:
        if doc[at].text in _CLAUSE_END or doc[at].text in ('"', "\u201c", "``"):
            return None
        at += 1
    if at >= len(doc) or doc[at].idx >= limit or doc[at].pos_ not in ("VERB", "AUX"):
        return None
    verb = doc[at]
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return None
    if any(t.i < first for t in name.subtree):
        return None  # the name's phrase reaches back into the quote
    return verb


def _reports_own(cue: Token) -> bool:
    """Whether a cue verb has a reported clause or object of its own after it."""
    return any(c.dep_ in ("ccomp", "dobj", "xcomp") and c.i > cue.i for c in cue.children)


def _reports_own_or_of(cue: Token, lex: CueLexicon) -> bool:
    """A cue with a clause or object of its own, or with a preposition naming what was said
    ('insisted on his support', 'spoke of a crisis'): a new report, not an attribution of
    the quotation before it."""
    if _reports_own(cue):
        return True
    return any(
        c.dep_ == "prep"
        and c.lower_ in lex.content_prepositions
        and c.i > cue.i
        and any(g.dep_ in ("pobj", "pcomp") for g in c.children)
        for c in cue.children
    )


def _cue_inside(inner: Span, lex: CueLexicon) -> Cue | None:
    """An attribution set off inside the quote: ``..., said macron. And ...``."""
    doc = inner.doc
    for tok in inner[1:-1]:
        phrase = cue_phrase(tok, lex)
        subject = _adjacent_subject(tok) if phrase else None
        if phrase is None or subject is None:
            continue
        first, last = mention_tokens(subject)
        first, last = min(first, tok.i), max(last, tok.i)
        opened = first > inner.start and doc[first - 1].text in _DASHES | {","}
        closed = last + 1 < inner.end and doc[last + 1].text in _CLAUSE_END | _DASHES | {","}
        if opened and closed:
            return tok, phrase, subject
    return None


def _adjacent_subject(verb: Token) -> Token | None:
    """A noun phrase right after (``said macron``) or right before (``he said``) the verb."""
    for child in verb.children:
        if child.pos_ not in ("PROPN", "NOUN", "PRON") or child.dep_ not in _INSIDE_SUBJECT:
            continue
        first, last = mention_tokens(child)
        if first == verb.i + 1 or last == verb.i - 1:
            return child
    return None


def _cue_before(
    doc: Doc, span: QuotedSpan, lex: CueLexicon, quoted: list[tuple[int, int]]
) -> Cue | None:
    """The nearest cue before the opening mark in its sentence, or in a lead-in ending with
    ':'; never a cue inside another quote's words ('"... I think we should ... Union. "It
    would be unfair ..."': 'I think' is quoted, no attribution of this one)."""
    if span.open_at < 0:
        return None
    lead = doc_text(doc)[: span.open_at].rstrip()
    crosses = lead.endswith(":")
    para_start = doc_text(doc).rfind("\n", 0, span.open_at) + 1
    floor = 0 if crosses else para_start
    opener = doc.char_span(span.open_at, span.open_at + 1, alignment_mode="expand")
    if opener is None:
        return None
    for tok in reversed(doc[max(0, opener.start - _BEFORE_WINDOW) : opener.start]):
        if tok.idx < floor or (tok.text in _CLAUSE_END and tok.i < opener.start - 1):
            break
        if any(a <= tok.idx < b for a, b in quoted if b <= span.outer_start):
            continue
        found = cue_with_subject(tok, lex) or _as_put_it(tok)
        if found is None and crosses:
            found = _words_noun(tok, lex)
        if (
            found is not None
            and found[2] is not None
            and not _words_end_before(found[0], opener.start)
        ):
            return found
    return None


def _words_end_before(cue: Token, opener: int) -> bool:
    """Whether the cue's words are a 'that'-clause the parser hung on the next main clause,
    ending before the quotation opening at token ``opener`` ('Long before Plato said that
    "X", some writer took the idea and came up with "Y"': "Y" is the writer's, not
    Plato's)."""
    for clause in (c for c in cue.children if c.dep_ == "ccomp" and c.i > cue.i):
        inner = that_clause_taken_for_adjunct(cue, clause)
        if inner is not None and inner.right_edge.i < opener:
            return True
    return False


_PUTTING_VERBS = {"put", "phrase"}


def _as_put_it(tok: Token) -> Cue | None:
    """'As X put it, "..."', 'as X phrased it: "..."': X's words, in X's own phrasing."""
    if tok.lemma_.lower() not in _PUTTING_VERBS:
        return None
    children = list(tok.children)
    as_mark = any(c.dep_ == "mark" and c.lower_ == "as" and c.i < tok.i for c in children)
    it_object = any(c.dep_ == "dobj" and c.lower_ == "it" for c in children)
    subject = next((c for c in children if c.dep_ == "nsubj" and c.i < tok.i), None)
    if (
        not (as_mark and it_object)
        or subject is None
        or subject.pos_ not in ("PROPN", "NOUN", "PRON")
    ):
        return None
    return tok, f"{tok.text} it", subject


_WORDS_NOUNS = {"word", "remark", "line"}


def _words_noun(noun: Token, lex: CueLexicon) -> Cue | None:
    """A noun of speech heading a colon lead-in, with whose words they are: 'then uttered
    these words: "..."' (the verb's subject), 'the promise she made late last year: "..."'
    (the relative clause's subject), 'his warning: "..."' (the possessor)."""
    lemma = noun.lemma_.lower()
    if noun.pos_ != "NOUN" or (lemma not in lex.speech_nouns and lemma not in _WORDS_NOUNS):
        return None
    for child in noun.children:
        if child.dep_ == "poss":
            return noun, noun.lower_, child
        if child.dep_ == "relcl" and child.i > noun.i:
            subject = next((c for c in child.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.lower_ not in lex.not_speakers:
                return noun, noun.lower_, subject
    verb = noun.head
    if noun.dep_ != "dobj" or verb.pos_ not in ("VERB", "AUX"):
        return None
    while verb.dep_ in ("conj", "dep") and not any(c.dep_ == "nsubj" for c in verb.children):
        verb = verb.head  # 'X thanked Trump ..., then uttered these words:'
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ in lex.not_speakers:
        return None
    return noun, noun.lower_, subject


# a speaker label opening a sentence or a glued heading: "Weber: "...", "Omar Ore, 20,
# Soldier "..."" (interview captions: name, age, role)
_LABEL = re.compile(
    r"(?P<title>(?:[A-Za-z][\w'\u2019.-]* ){1,5}?)?"
    r"(?P<name>[A-Z][\w'\u2019.-]+(?: [A-Z][\w'\u2019.-]+){0,3})"
    r"(?::| \([A-Z][\w.-]{0,12}\):|, \d{1,3},[^.!?\n\"]{0,60})$"  # 'Dean Heller (R-Nev.):'
)
_SEGMENT_START = re.compile(r"(?:\n|[.!?][\"'\u201d\u2019]?\s|[\"\u201d]\s)")


def _label_before(doc: Doc, span: QuotedSpan, lex: CueLexicon) -> Cue | None:
    """A speaker label right before the quote, at the start of its sentence, line or a
    heading glued after a quote: ``Weber: "..."``, ``Omar Ore, 20, Soldier "..."``."""
    if span.open_at < 0:
        return None
    text = doc_text(doc)
    begin = max(
        (m.end() for m in _SEGMENT_START.finditer(text, max(0, span.open_at - 120), span.open_at)),
        default=max(0, span.open_at - 120),
    )
    if begin == max(0, span.open_at - 120) and begin > 0 and text[begin - 1] not in "\n":
        return None
    prefix = text[begin : span.open_at].strip().rstrip("-\u2013\u2014 ")
    found = _LABEL.fullmatch(prefix)
    if found is None or found.group("name").lower() in lex.line_labels:
        return None
    start = text.index(prefix, begin) + found.start("name")
    name = doc.char_span(start, start + len(found.group("name")), alignment_mode="contract")
    if name is None or len(name) == 0 or any(t.pos_ in ("VERB", "AUX") for t in name):
        return None
    if name[-1].pos_ != "PROPN" and name[-1].ent_type_ not in ("PERSON", "ORG"):
        return None
    if found.group("title") and not _titled_person(doc, name, begin):
        return None
    cue = doc[name.end] if name.end < len(doc) else name[-1]
    return cue, ":", name[-1]


def _titled_person(doc: Doc, name: Span, begin: int) -> bool:
    """A label whose name has a title before it ('Ireland head coach Joe Schmidt:'): the
    name is a person's and the title has no verb (not a sentence ending on a name)."""
    if name[-1].ent_type_ != "PERSON":
        return False
    lead = doc.char_span(begin, name.start_char, alignment_mode="expand")
    return lead is None or not any(t.pos_ in ("VERB", "AUX") or t.is_punct for t in lead)


_CAPTION_WORDS = 20


def _caption_after(doc: Doc, span: QuotedSpan) -> Cue | None:
    """A caption naming the speaker after a whole-sentence quote with no cue: a person's
    name, a comma and a role with no verb, up to the next quote or sentence end ('"..."
    Xu Lin, chairman of Beijing Motor Group "..."', pull quotes of some sites)."""
    text = doc_text(doc)
    if span.close_at < 0 or text[span.start : span.end].rstrip()[-1:] not in _CLAUSE_END:
        return None
    after = doc.char_span(span.outer_end, len(text), alignment_mode="expand")
    first = next((t for t in after if not t.is_space), None) if after is not None else None
    name = next((e for e in doc.ents if first is not None and e.start == first.i), None)
    if name is None or not _caption_name(name) or "\n" in text[span.outer_end : name.start_char]:
        return None
    if name.end >= len(doc) or doc[name.end].text != ",":
        return None
    for tok in doc[name.end + 1 : name.end + 1 + _CAPTION_WORDS]:
        if tok.is_quote or tok.text in _CLAUSE_END or "\n" in tok.text:
            return doc[name.end], ":", name[-1]
        if tok.text == "," and tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "ADP":
            return doc[name.end], ":", name[-1]  # '..., in an interview as ...': where
        if tok.pos_ in ("VERB", "AUX") and not _role_modifier(tok):
            return None
    return None


def _caption_name(name: Span) -> bool:
    """A person's name, or two or three capitalised words the small model called a work of
    art, as it often does with a name right after a quotation ('Florian Seiche')."""
    if name.label_ == "PERSON":
        return True
    words = [t for t in name if not t.is_punct]
    titled = all(t.is_title and t.is_alpha for t in words)
    return name.label_ == "WORK_OF_ART" and titled and len(words) in (2, 3)


def _role_modifier(tok: Token) -> bool:
    """A participle inside a caption's role, not its verb: 'leading' of 'chairman of
    leading research company X', 'based' of 'Finland-based'."""
    return tok.dep_ in ("amod", "compound") or (tok.i > 0 and tok.doc[tok.i - 1].text == "-")


def _merge_split(doc: Doc, found: list[Candidate]) -> list[Candidate]:
    """Join segments of one quote split by its attribution (``"A," said X. "B"``)."""
    merged: list[Candidate] = []
    for cand in found:
        last = merged[-1] if merged else None
        if last is not None and _continues(doc, last, cand):
            parts = last.parts or ((last.start, last.end),)
            merged[-1] = replace(
                last, end=cand.end, outer_end=cand.outer_end, parts=(*parts, (cand.start, cand.end))
            )
        else:
            merged.append(cand)
    return merged


def _continues(doc: Doc, first: Candidate, second: Candidate) -> bool:
    """Whether ``second`` carries on ``first`` in the same paragraph with no cue of its own."""
    gap = doc_text(doc)[first.outer_end : second.outer_start]
    if "\n" in gap or len(gap) > 120:
        return False
    if _named_title(doc, first) or _named_title(doc, second):
        return False  # '..." Preibus said on "Fox News Sunday"', 'on ABC's "This Week,"'
    if second.cue is not None and first.cue is not None:
        return second.cue.i == first.cue.i
    if second.cue is not None or not second.inherits:
        return False
    return not gap.strip() or (first.cue is not None and first.outer_end <= first.cue.idx)


_TITLE_WORDS = 5


def _named_title(doc: Doc, cand: Candidate) -> bool:
    """A short quoted name, not words: at most five words, each longer one capitalised, no
    lower-case verb, right after a preposition or a possessive ('on "Fox News Sunday"',
    'ABC's "This Week,"', 'the release of "Elle,"')."""
    span = doc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    words = [t for t in span if t.is_alpha]
    if not words or len(words) > _TITLE_WORDS:
        return False
    if not all(t.text[:1].isupper() for t in words if len(t) > 3 or t.i == words[0].i):
        return False
    if any(t.pos_ in ("VERB", "AUX") and t.is_lower for t in span):
        return False
    before = doc[span.start - 1] if doc[span.start - 1].is_quote and span.start > 1 else None
    lead = doc[span.start - 2] if before is not None else doc[span.start - 1]
    return lead.pos_ == "ADP" or lead.tag_ == "POS" or _host_named(lead)


def _host_named(lead: Token) -> bool:
    """A name right before the title that follows a possessive ('CNN's Erin Burnett
    "Outfront,"', 'NBC's Chuck Todd "Meet the Press"'): a show's host, then its title."""
    if lead.pos_ != "PROPN":
        return False
    doc = lead.doc
    i = lead.i
    while i > 0 and doc[i - 1].pos_ == "PROPN" and i > lead.i - 3:
        i -= 1
    return i > 0 and doc[i - 1].tag_ == "POS"
