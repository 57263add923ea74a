"""Pronoun resolution: he, him, his, she, her resolved to a person of the article.

A pronoun resolves to a person subject of the same sentence, else to the speaker of
the last speech sentence when the pronoun itself speaks, else to the last person
subject of a previous sentence; an object pronoun never refers to the subject of its
own verb.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from newsgraph.extractors.doctext import token_lowers
from newsgraph.extractors.entities.coref_article import CorefArticle
from newsgraph.extractors.entities.types import lexicon

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
OBJECT_DEPS = frozenset({"dobj", "pobj", "dative", "iobj"})
QUOTE_MARKS = frozenset('"“”«»„')


class _Focus:
    """Who the text is about: the last person subject and the last speaker."""

    def __init__(self) -> None:
        self.subject: str | None = None
        self.speaker: str | None = None
        self.newer_subject = False  # a person subject came after the last speaker

    def ranked(self, speaking: bool) -> list[str]:
        """The speaker before the subject for a pronoun that speaks ("... he added"),
        unless someone else became the subject since the speaker last spoke ("Tillerson
        worked for ExxonMobil ... During his hearing he acknowledged ...")."""
        order = [self.subject, self.speaker]
        if speaking and not self.newer_subject:
            order.reverse()
        return [e for e in order if e]


def resolve_pronouns(art: CorefArticle) -> None:
    """Resolve he/him/his/she/her in reading order, updating the focus per sentence."""
    focus = _Focus()
    pronouns = lexicon()["pronouns"]
    genders = _name_genders(art)
    for sent in art.doc.sents:
        subjects: list[Token] = []
        for tok in sent:
            if tok.lower_ in pronouns and tok.tag_ in ("PRP", "PRP$") and tok.i not in art.owner:
                gender = pronouns[tok.lower_]
                entity = _pronoun_entity(art, tok, subjects, focus, genders, gender)
                if entity is not None:
                    art.add_reference(art.doc[tok.i : tok.i + 1], entity, "pronoun")
            if tok.dep_ in SUBJECT_DEPS and art.is_person(art.owner.get(tok.i)):
                subjects.append(tok)
        _update_focus(art, sent, subjects, focus)


def _name_genders(art: CorefArticle) -> dict[str, str]:
    """Gender the text gives a person: an honorific or a gendered title before a name
    ("Mrs May", "Queen Elizabeth"), a common given name ("Andrew Puzder"), a gendered role
    word it states ("spokeswoman"); else the given name of the KB person a name links to
    ("Clinton" linked to Bill Clinton is no "she")."""
    cues = lexicon()["gender_cues"]
    given = lexicon()["given_name_genders"]
    found: dict[str, str] = {}
    for name in art.names:
        if name.start > 0 and art.is_person(name.entity):
            cue = cues.get(art.doc[name.start - 1].lower_.rstrip("."))
            if cue:
                found[name.entity] = cue  # the text's own word wins over a given name
                continue
        if name.end - name.start > 1 and art.is_person(name.entity):
            first = given.get(art.doc[name.start].lower_)
            if first:
                found.setdefault(name.entity, first.upper())  # upper case: from a given name
    for _, stated in art.stated:
        for word in stated.text.lower().split():
            if word in cues and word not in ("m",):
                found.setdefault(stated.entity, cues[word])
    for entity, gender in _genders_the_text_shows(art).items():
        found.setdefault(entity, gender.upper())
    for entity, link in art.people.items():  # a bare "Clinton" linked to the KB's Bill Clinton
        words = link.name.split()
        if len(words) > 1 and not entity.startswith("local:"):
            first = given.get(words[0].lower())
            if first:
                found.setdefault(entity, first.upper())
    return found


MIN_VOTES = 2
MAJORITY = 0.75


def _genders_the_text_shows(art: CorefArticle) -> dict[str, str]:
    """The gender an article's own pronouns give a person whose given name is unknown:
    when a sentence names one person only, as its subject, and the next one has a subject
    "he" or "she" before naming anyone, that is a vote for the person. A person
    gets the gender of at least ``MIN_VOTES`` votes that are at least ``MAJORITY`` of
    theirs ("Lina Shamy ... She ... She ...": Lina is no "he" later)."""
    pronouns = lexicon()["pronouns"]
    sents = list(art.doc.sents)
    votes: dict[str, list[str]] = {}
    for k in range(1, len(sents)):
        before = sents[k - 1]
        people = {n.entity for n in art.names if before.start <= n.start < before.end}
        people = {e for e in people if art.is_person(e)}
        subjects = {art.owner[t.i] for t in before if t.dep_ in SUBJECT_DEPS and art.person_at(t.i)}
        if len(people) != 1 or subjects != people:
            continue
        for tok in sents[k]:
            if art.person_at(tok.i) or (tok.i in art.owner and art.is_person(art.owner[tok.i])):
                break  # someone is named first
            if tok.lower_ in ("he", "she") and tok.dep_ in SUBJECT_DEPS:
                votes.setdefault(next(iter(people)), []).append(pronouns[tok.lower_])
                break
    found = {}
    for person, said in votes.items():
        top = max(sorted(set(said)), key=said.count)
        if said.count(top) >= MIN_VOTES and said.count(top) >= MAJORITY * len(said):
            found[person] = top
    return found


def _pronoun_entity(
    art: CorefArticle,
    tok: Token,
    subjects: list[Token],
    focus: _Focus,
    genders: dict[str, str],
    gender: str,
) -> str | None:
    """The person a pronoun most likely refers to: position decides, skipping people of
    the other gender when the text gives it ("Mr", "Mrs", "spokeswoman"); a gender known
    only from a given name does not move a pronoun off the nearest candidate when that
    person was last called by a role ("the leader of the National Front ... he said":
    machine translation gives a role noun its grammatical gender)."""
    ranked = _antecedents(art, tok, subjects, focus)
    for entity in ranked:
        known = genders.get(entity)
        if known is not None and known.isupper():  # a given name only: weaker evidence
            by_role = entity == ranked[0] and _last_named_by_role(art, entity, tok.i)
            known = None if by_role else known.lower()
        if (known or gender) == gender:
            return entity
    return None


def _last_named_by_role(art: CorefArticle, entity: str, i: int) -> bool:
    """Whether the latest mention of ``entity`` before token ``i`` is a role phrase."""
    at = art.doc[i].idx
    name = max(
        (art.doc[n.start].idx for n in art.names if n.entity == entity and n.start < i), default=-1
    )
    role = max(
        (
            r.start
            for r in art.references
            if r.entity == entity and r.kind == "role" and r.start < at
        ),
        default=-1,
    )
    return role > name


def _antecedents(art: CorefArticle, tok: Token, subjects: list[Token], focus: _Focus) -> list[str]:
    """Candidate antecedents of a pronoun, most likely first."""
    found: list[str] = []
    if tok.dep_ in OBJECT_DEPS:
        # an object pronoun never refers to the subject of its own verb
        clause = _clause_of(tok)
        own = {art.owner[s.i] for s in subjects if s.head in clause}
        found += reversed([art.owner[s.i] for s in subjects if art.owner[s.i] not in own])
        if focus.subject and focus.subject not in own:
            found.append(focus.subject)
        found += [e for e in _people_before(art, tok.i) if e not in own]
        return found
    found += reversed([art.owner[s.i] for s in subjects])
    found += focus.ranked(_is_speaker_position(tok))
    found += _people_before(art, tok.i)
    return found


def _people_before(art: CorefArticle, i: int) -> list[str]:
    """People named before token ``i``, the latest first."""
    return [n.entity for n in reversed(art.names) if n.start < i and art.is_person(n.entity)]


def _clause_of(tok: Token) -> list[Token]:
    """The heads from ``tok`` up to the root of its clause (a ROOT, ccomp or relcl verb)."""
    chain = []
    current = tok
    while current.head.i != current.i:
        current = current.head
        chain.append(current)
        if current.dep_ in ("ccomp", "relcl", "ROOT"):
            break
    return chain


def _is_speaker_position(tok: Token) -> bool:
    return tok.dep_ in SUBJECT_DEPS and tok.head.lemma_.lower() in _speech_verbs()


@lru_cache(maxsize=1)
def _speech_verbs() -> frozenset[str]:
    return frozenset(lexicon()["speech_verbs"])


def _update_focus(art: CorefArticle, sent: Span, subjects: list[Token], focus: _Focus) -> None:
    """After a sentence: its person subject is in focus; a speaking subject is the speaker."""
    if not subjects:
        return
    speaking = [s for s in subjects if s.head.lemma_.lower() in _speech_verbs()]
    has_quote = any(ch in QUOTE_MARKS for ch in sent.text)
    main = speaking[0] if speaking else subjects[0]
    focus.subject = art.owner[main.i]
    if speaking or has_quote:
        focus.speaker = art.owner[main.i]
    focus.newer_subject = focus.subject != focus.speaker


# ---------------------------------------------------------------- it / its

_DUMMY_IT_HEADS = frozenset(
    {
        "be",
        "seem",
        "appear",
        "take",
        "make",
        "remain",
        "matter",
        "happen",
        "rain",
        "look",
        "sound",
        "feel",
        "become",
        "mean",
        "cost",
        "turn",
        "get",
    }
)


def resolve_it(art: CorefArticle) -> None:
    """ "It"/"its" as a subject or possessor refer to the organisation or country that was
    the subject of the same or the previous sentence ("The ministry said ... It added");
    never to a country by its letters ("it" is not Italy). Expletive "it" ("it is hard
    to ...", "it seems") is left alone."""
    lowers = token_lowers(art.doc)
    doc = art.doc
    positions = [i for i, w in enumerate(lowers) if w in ("it", "its") and i not in art.owner]
    if not positions:
        return
    subjects = sorted(
        i
        for i, entity in art.owner.items()
        if _collective(entity) and doc[i].dep_ in SUBJECT_DEPS and doc[i].tag_ not in PLURAL
    )
    if not subjects:
        return
    for i in positions:
        tok = doc[i]
        if tok.lower_ == "it" and (
            tok.dep_ not in SUBJECT_DEPS or tok.head.lemma_.lower() in _DUMMY_IT_HEADS
        ):
            continue
        if tok.lower_ == "its" and tok.dep_ != "poss":
            continue
        sent = tok.sent
        found = next((p for p in subjects if sent.start <= p < i), None)
        if found is None and sent.start > 0:
            before = doc[sent.start - 1].sent
            found = next((p for p in subjects if before.start <= p < before.end), None)
        if found is not None:
            art.add_reference(doc[i : i + 1], art.owner[found], "pronoun")


PLURAL = frozenset({"NNS", "NNPS"})


def _collective(entity: str) -> bool:
    """An organisation or a country (entity ids say which)."""
    return entity.startswith(("country:", "ng:org:", "local:org:"))
