"""Epithets: a definite description that renames a person the text has just named.

News refers back to a person by an age, a party, a kind of person rather than a name
or a pronoun: "Ben Cardin spoke on Monday. The Maryland Democrat said ...", "Mary Lee
was arrested. The 45-year-old denied ...", "... the boy was found". Such a phrase is
"the" (or "The"), optional modifiers and a head that is an age ("45-year-old", with or
without a person noun after it) or an epithet noun (``epithet_nouns`` in
``data/ner_roles.json``: party members, "centrist", "billionaire", "actress", "the
boy"); a role noun ("the president", "the former senator") is a role phrase instead
(:mod:`role_phrases`).

It refers to the person named nearest before it whom nothing rules out: in its own
sentence before it, else in the nearest of the ``REACH`` sentences before that names
someone, never across a paragraph break. Ruled out are a person of the other gender
when the noun has one ("the actress", "the boy"), and a person whose mention commands
the phrase in its sentence, the subject or object of a verb it sits under ("Lee praised
the 45-year-old", "Lukin asked if the former Secretary of State ...": not Lee, not
Lukin; a full description of them would have been "him", "he").
When that sentence leaves two or more fitting people, the one named last is meant
("Trump might not find a friend in Mitch McConnell. The Kentucky Republican said").
No link is made when the phrase is defined by what follows it ("the man who called
911", "the Republican-led Congress"), when the same noun brought someone in without a
name just before ("A 19-year-old man has died ... The man was pronounced dead"), or for
a superlative ("the fattest woman"); a name right after it and a comma is its person
("the top Democrat, Adam Schiff").

An epithet with no antecedent ("The baby was found ...", "The boy was the only one to
survive") is someone the text brings in without a name: as a subject it competes for a
later "he"/"she" like "a spokesman" does (:mod:`pronouns`), so the pronoun stays
unlinked instead of going to a place the model took for a person.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span

from newsgraph.extractors.entities.coref_article import CorefArticle
from newsgraph.extractors.entities.types import lexicon

# how many sentences before its own an epithet looks for the person it renames
REACH = 2
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
SINGULAR = frozenset({"NN", "NNP"})


def epithet_nouns() -> dict[str, str]:
    """Epithet nouns with the gender they give ('' for none)."""
    return lexicon()["epithet_nouns"]  # type: ignore[no-any-return]


def generic_nouns() -> dict[str, str]:
    """Nouns for anyone ("the man", "the boy"), with the gender they give."""
    return lexicon()["generic_person_nouns"]  # type: ignore[no-any-return]


# party words: capitalised as epithets ("the Kentucky Republican"); another capitalised
# epithet noun is a name's ("The Philippine Star")
PARTY_NOUNS = frozenset(
    {"democrat", "republican", "tory", "conservative", "socialist", "liberal", "progressive"}
)
CONTRASTIVE = frozenset({"other", "same", "first", "second", "last", "next", "only"})


def resolve_epithets(art: CorefArticle, genders: dict[str, str]) -> None:
    """Link each epithet to the person it renames (see the module text). ``genders``:
    the genders the text gives people (lower or upper case, as in :mod:`pronouns`)."""
    doc = art.doc
    for span, gender, generic in epithets(doc):
        if any(art.person_at(i) for i in range(span.start, span.end)):
            continue  # a name or a role phrase of a person already
        named = _named_after(art, span)  # "the top Democrat, Adam Schiff,"
        unnamed = named is None and _brought_in_unnamed(art, span, gender, generic)
        entity = None if unnamed else named or _antecedent(art, span, gender, genders)
        if entity is not None and not generic:  # "the Maryland Democrat": no party
            art.add_reference(span, entity, "role")
            for i in range(span.start, span.end):
                art.owner[i] = entity
        elif entity is None and span.root.dep_ in SUBJECT_DEPS:
            art.unnamed[span.root.i] = gender  # "The boy was found": someone unnamed


def epithets(doc: Doc) -> list[tuple[Span, str, bool]]:
    """The epithet phrases of a document, each with the gender its noun gives and
    whether the noun is a generic one ("the man")."""
    found: list[tuple[Span, str, bool]] = []
    generic = generic_nouns()
    nouns = {**epithet_nouns(), **generic}
    for tok in doc:
        if tok.lower_ != "the":
            continue
        j = tok.i + 1
        while j < len(doc) and doc[j].tag_ == "JJ" and doc[j].is_lower and j - tok.i < 4:
            j += 1  # "the former", "the young" ("the fattest woman" is no epithet)
        if any(doc[k].lower_ in CONTRASTIVE for k in range(tok.i + 1, j)):
            continue  # "the other man": someone else
        age = _age_end(doc, j)
        if age is not None:
            end, gender = age, ""
            if end < len(doc) and doc[end].lower_ in nouns and doc[end].tag_ in SINGULAR:
                gender, end = nouns[doc[end].lower_], end + 1  # "the 45-year-old woman"
            elif end < len(doc) and doc[end].pos_ in ("NOUN", "PROPN"):
                continue  # "the 90-year-old company": no person
            if _defined_after(doc, end):
                continue
            found.append((doc[tok.i : end], gender, False))
            continue
        while j < len(doc) and doc[j].tag_ in ("NNP",) and doc[j].lower_ not in nouns:
            j += 1  # "the Maryland Democrat"
        if j >= len(doc) or doc[j].lower_ not in nouns or doc[j].tag_ not in SINGULAR:
            continue
        head = doc[j]
        after = doc[j + 1] if j + 1 < len(doc) else None
        if after is not None and (after.lower_ == "of" or after.tag_ in ("NN", "NNP", "POS")):
            continue  # "the man of the match", "the Republican party", "the boy's"
        if head.dep_ in ("compound", "amod", "nmod") or _defined_after(doc, j + 1):
            continue  # "the big boy potty"
        if not head.is_lower and head.lower_ not in PARTY_NOUNS:
            continue  # "The Philippine Star": a name
        word = head.lower_
        found.append((doc[tok.i : j + 1], nouns[word], word in generic))
    return found


RELATIVES = frozenset({"who", "whom", "whose", "that"})


def _defined_after(doc: Doc, end: int) -> bool:
    """A phrase the words after it define rather than rename someone: glued to a
    hyphen ("the Republican-led Congress") or with a restrictive relative clause ("the
    man who called 911", a new person)."""
    if end >= len(doc):
        return False
    after = doc[end]
    return (after.text == "-" and not doc[end - 1].whitespace_) or after.lower_ in RELATIVES


def _age_end(doc: Doc, j: int) -> int | None:
    """The end of "45-year-old" starting at token ``j`` ("45", "-", "year", "-", "old")."""
    words = [t.lower_ for t in doc[j : j + 5]]
    if len(words) == 5 and doc[j].like_num and words[1:] == ["-", "year", "-", "old"]:
        return j + 5
    return None


def _antecedent(art: CorefArticle, span: Span, gender: str, genders: dict[str, str]) -> str | None:
    return antecedent(art, span, lambda e: _gender_fits(_gender_of(art, genders, e), gender))


def antecedent(art: CorefArticle, span: Span, fits: Callable[[str], bool]) -> str | None:
    """The person named nearest before ``span`` for whom ``fits`` holds: in its own
    sentence before it, else in the nearest of ``REACH`` sentences before that names a
    fitting person (not across a paragraph break), the one named last in that sentence;
    never a person whose mention commands the span in its own sentence
    (``_commanding``)."""
    doc = art.doc
    sents = list(doc.sents)
    at = next(k for k, s in enumerate(sents) if s.start <= span.start < s.end)
    own_subjects = _commanding(art, span)
    for back in range(REACH + 1):
        k = at - back
        if k < 0:
            return None
        sent = sents[k]
        end = span.start if back == 0 else sent.end
        if back > 0 and _paragraph_break(doc, sent.end, sents[k + 1].start):
            return None
        people = _people_in(art, sent.start, end)
        fitting = {e: subject for e, subject in people.items() if e not in own_subjects and fits(e)}
        if fitting:  # the one named last ("... Mitch McConnell. The Kentucky Republican")
            return next(reversed(fitting))
    return None


def _named_after(art: CorefArticle, span: Span) -> str | None:
    """The person named right after the phrase and a comma ("The 12-year-old girl,
    Kanari Bowers, was wounded"): the phrase is that name's apposition."""
    i = span.end
    if i + 1 < len(art.doc) and art.doc[i].text == ",":
        return art.person_at(i + 1)
    return None


def _brought_in_unnamed(art: CorefArticle, span: Span, gender: str, generic: bool) -> bool:
    """Whether someone was brought in without a name in the phrase's sentence before it
    or the ``REACH`` sentences before: by the same noun ("a 19-year-old man ... the
    man"), or, for a generic noun, by any noun for a person of its gender ("a male
    passenger ... the man", "one man"). The phrase is that person, named by no one."""
    head = span.root.lemma_.lower()
    doc = art.doc
    sents = list(doc.sents)
    at = next(k for k, s in enumerate(sents) if s.start <= span.start < s.end)
    first = sents[max(0, at - REACH)].start
    people = {**lexicon()["unnamed_person_nouns"], **generic_nouns()}
    for tok in doc[first : span.start]:
        if art.person_at(tok.i) or not any(
            c.dep_ in ("det", "nummod") and c.lower_ in INDEFINITE for c in tok.children
        ):
            continue
        lemma = tok.lemma_.lower()
        if lemma == head:
            return True
        if generic and tok.pos_ == "NOUN":
            sex = {"male": "m", "female": "f"}
            said = next((sex[c.lower_] for c in tok.children if c.lower_ in sex), None)
            said = said or people.get(lemma)
            if said is not None and (not gender or not said or said == gender):
                return True
    return False


INDEFINITE = frozenset({"a", "an", "one", "another"})


def _paragraph_break(doc: Doc, end: int, start: int) -> bool:
    """A line break between the end of one sentence and the start of the next."""
    return any("\n" in doc[i].text or "\n" in doc[i].whitespace_ for i in range(end - 1, start))


def _gender_fits(known: str | None, wanted: str) -> bool:
    return not wanted or known is None or known.lower() == wanted


def _gender_of(art: CorefArticle, genders: dict[str, str], entity: str) -> str | None:
    """The gender the text gives a person, else that of a one-word name that is a
    common given name ("Susan")."""
    known = genders.get(entity)
    if known is None and entity in art.people:
        words = art.people[entity].name.split()
        known = lexicon()["given_name_genders"].get(words[0].lower()) if len(words) == 1 else None
    return known


def _people_in(art: CorefArticle, start: int, end: int) -> dict[str, bool]:
    """The people named or referred to in tokens ``start``..``end``, each with whether a
    mention of them is a subject (or in apposition to one)."""
    found: dict[str, bool] = {}
    for i in range(start, end):
        entity = art.person_at(i)
        if entity is None:
            continue
        tok = art.doc[i]
        if tok.dep_ == "compound" and art.person_at(tok.head.i) != entity:
            continue  # "the Trump campaign": a modifier, no mention of the man
        node = tok.head if tok.dep_ in ("appos", "compound", "flat") else tok
        node = node.head if node.dep_ == "appos" else node
        found[entity] = found.get(entity, False) or node.dep_ in SUBJECT_DEPS
    return found


def _commanding(art: CorefArticle, span: Span) -> set[str]:
    """People whose mention commands the phrase in its sentence: the subject or object
    of a verb the phrase sits under ("Lee praised the 45-year-old", "Lukin asked if the
    former Secretary of State meant ..."). A full description is not bound by such a
    mention (it would be "him", "he"), so it is none of them. A name inside that
    argument's own modifiers ("McManus, who was secretary to Heath,") commands nothing."""
    head = span.root
    path = {head.i} | {a.i for a in head.ancestors}
    found: set[str] = set()
    for anc in head.ancestors:
        if anc.pos_ not in ("VERB", "AUX"):
            continue
        for child in anc.children:
            if child.i in path or child.dep_ not in COMMANDING_DEPS:
                continue
            for tok in (child, *(c for c in child.children if c.dep_ in ("appos", "compound"))):
                person = art.person_at(tok.i)
                if person is not None:
                    found.add(person)
    return found


COMMANDING_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "iobj"})
