"""Pronoun resolution: he, him, his, she, her resolved to a person of the article.

A salience ranking in the manner of Lappin and Leass (1994). Every person mention before
the pronoun - a name, a role phrase, a pronoun already resolved - weighs by its
grammatical role (subject > object > other; less in a fronted adverbial clause), plus a
bonus when both it and the pronoun speak ("Macron said ... '...,' he added") and when
both are subjects; a mention of an earlier sentence weighs less for each clause it is
embedded in (earlier sentences are read from the top down, as in Hobbs' algorithm), and
every weight is halved at each sentence boundary back. A person weighs their best
mention (on a tie: the one in the higher role, then the later); the most salient person
whose gender agrees wins.

Someone the text brings in without a name, as a subject ("a spokesman for X said", "at
least one claimed", "her nephew radiated"), competes too, in that sentence and the next:
when that unnamed person ranks first the pronoun stays unlinked (an empty link beats a
wrong one), and a subject pronoun left unlinked so carries that unnamed person on to the
next sentence ("The boy ... Once rescued, he was taken to Lampedusa. He is recovering").
The relative "who" of such a noun is that person too, as the subject of its clause, for
the pronouns of that clause only ("he lost his uncle, who died after soldiers detained
him": "him" is the uncle, no one named). A definite description ("the 40-year-old")
usually means someone named before: an epithet linked to that person (:mod:`epithets`)
is a mention of them, one that renames no one named ("The boy was found") is someone
unnamed; other definite descriptions are left out. A possessive in a prepositional
phrase of a verb favours that verb's object ("ousting Boehner from his post"), and one
joined to a phrase with a named owner that owner ("Trump's vision and his agenda"); a
pronoun in quoted words is never the person they are attributed to in the same sentence,
before or after them, nor the last speaker when a pronoun attributes them ('"He is
welcome to call me," he said').

Filters: an object pronoun never refers to the subject of its own clause (named or not:
"praised her deputy, who had supported her"), nor a subject pronoun to a person named as
an object of its own verb ("he blamed Robart"); a pronoun is not the noun phrase it sits
in ("a member of his team"); a pronoun inside quotation marks is not the speaker whose
quotation opened before it, nor, in words with no attribution of their own, the last
speaker; "his or her" means no one. A speaking "he" is not someone unnamed in the words
it reports ("A police officer is being treated, he said") nor anyone named in earlier
sentences of the quotation it closes; a name in the words it reports or in its own
sentence's quotation ranks last (the quote layer checks speakers against the reported
words and looks for another). A person whose gender no cue gives takes the gender of the
first pronoun resolved to them (Jenny, once "she", takes no "he").
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.tokens import Doc, Token

from newsgraph.extractors.doctext import token_lowers
from newsgraph.extractors.entities.coref_article import CorefArticle
from newsgraph.extractors.entities.types import lexicon

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
OBJECT_DEPS = frozenset({"dobj", "pobj", "dative", "iobj"})
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "pcomp", "csubj"})
QUOTE_MARKS = frozenset('"“”«»„')

# salience weights (Lappin and Leass 1994, simplified): a mention in the pronoun's own
# sentence weighs RECENCY plus its role, halved at every sentence boundary back
RECENCY = 100.0
ROLE_WEIGHTS = {"nsubj": 80.0, "nsubjpass": 80.0, "dobj": 50.0, "dative": 40.0, "iobj": 40.0}
AGENT_WEIGHT = 60.0  # "was criticised by X": the doer of a passive
POSSESSOR_WEIGHT = 30.0
OTHER_WEIGHT = 20.0
ADVERBIAL_PENALTY = 50.0  # a non-subject in a fronted adverbial clause
SPEAKER_BONUS = 60.0  # a speaking pronoun and a mention that spoke
PARALLEL_BONUS = 35.0  # a subject pronoun and a subject mention
EMBEDDED = 15.0  # per clause a mention of an earlier sentence sits in below its main one
DEMOTED = 0.05  # a name in the quotation a speaking "he" attributes
UNNAMED = "?"  # _pronoun_entity's answer when someone unnamed ranks first
LOCAL_OBJECT_BONUS = 60.0  # the object of the verb a possessive's phrase hangs on
PAIRED_OWNER_BONUS = 100.0  # the owner of a phrase a possessive's phrase is joined to
UNNAMED_REACH = 1  # someone unnamed competes in the sentence that brings them in and the next


@dataclass(frozen=True, slots=True)
class _Mention:
    """A person mention before a pronoun: ``entity`` None for someone unnamed."""

    i: int
    sent: int
    entity: str | None
    weight: float
    subject: bool
    speaking: bool
    quoted: bool
    depth: int = 0  # clauses between the mention and its sentence's root
    gender: str | None = None  # an unnamed person's, from the noun ("a spokeswoman")
    scope: frozenset[int] | None = None  # the only tokens it competes for (None: any)


def resolve_pronouns(art: CorefArticle) -> None:
    """Resolve he/him/his/she/her in reading order by salience (see the module text)."""
    pronouns = lexicon()["pronouns"]
    genders = name_genders(art)
    doc = art.doc
    sent_of = _sentence_index(doc)
    quoted = _inside_quotes(doc)
    mentions: list[_Mention] = []
    given = {w.lower() for link in art.people.values() for w in link.name.split()}
    run_end = -1
    for tok in doc:
        if tok.lower_ in pronouns and tok.tag_ in ("PRP", "PRP$") and tok.i not in art.owner:
            gender = pronouns[tok.lower_]
            entity = _pronoun_entity(art, tok, mentions, sent_of, quoted, genders, gender)
            if entity == UNNAMED:  # someone unnamed: a subject "he" carries them on
                entity = None
                if tok.dep_ in SUBJECT_DEPS:
                    mentions.append(_mention(tok, sent_of, quoted, None, gender))
            if entity is not None:
                art.add_reference(doc[tok.i : tok.i + 1], entity, "pronoun")
                if entity not in genders:
                    genders[entity] = gender.upper()  # weak: learned from a pronoun
        if tok.i <= run_end:
            continue
        entity = art.owner.get(tok.i)
        if art.is_person(entity):
            run_end = tok.i
            while run_end + 1 < len(doc) and art.owner.get(run_end + 1) == entity:
                run_end += 1
            head = _run_head(doc, tok.i, run_end)
            mentions.append(_mention(head, sent_of, quoted, entity, None))
        elif tok.dep_ in SUBJECT_DEPS and entity is None:
            unnamed = art.unnamed[tok.i] if tok.i in art.unnamed else _unnamed_person(tok, given)
            if unnamed is not None:
                mentions.append(_mention(tok, sent_of, quoted, None, unnamed or None))
            else:
                relative = _unnamed_relative(art, tok, given)
                if relative is not None:
                    gender, scope = relative
                    found = _mention(tok, sent_of, quoted, None, gender or None)
                    mentions.append(replace(found, scope=scope))


def _unnamed_relative(
    art: CorefArticle, tok: Token, names: set[str]
) -> tuple[str, frozenset[int]] | None:
    """A relative "who" whose noun brings in someone unnamed, as the subject of its
    clause ("he lost his uncle, who died after soldiers detained him": "him" is the
    uncle): that person competes for the pronouns of the relative clause only (a
    pronoun after it is about whom the sentence is about, as before). The gender its
    noun gives ("" when none) and the clause's tokens after the relative."""
    clause = tok.head
    if tok.lower_ not in ("who", "that") or clause.dep_ != "relcl" or clause.head.i > tok.i:
        return None
    noun = clause.head
    if noun.pos_ != "NOUN" or art.owner.get(noun.i) is not None:
        return None
    if noun.i in art.unnamed:
        gender: str | None = art.unnamed[noun.i]
    else:
        gender = _unnamed_person(noun, names)
    if gender is None:
        return None
    return gender, frozenset(t.i for t in clause.subtree if t.i > tok.i)


def _sentence_index(doc: Doc) -> list[int]:
    found = [0] * len(doc)
    for k, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            found[i] = k
    return found


def _inside_quotes(doc: Doc) -> list[bool]:
    """Per token: inside quotation marks, counted within its sentence (marks mis-paired
    earlier in an article do not spread); a sentence whose marks are odd in number and
    open with a closing one starts inside a quote ("He was very hard-working.\u201d")."""
    found = [False] * len(doc)
    texts = [t.text for t in doc]  # each token's text and marks read once, not per pass
    counts = [_marks_in(text) for text in texts]
    for sent in doc.sents:
        start, end = sent.start, sent.end
        first = next((i for i in range(start, end) if counts[i]), None)
        inside = first is not None and sum(counts[start:end]) % 2 == 1 and _closing(doc[first])
        for i in range(start, end):
            if "\n" in texts[i]:
                inside = False  # no quotation runs over a paragraph break
            if counts[i] % 2:
                inside = not inside
            elif not counts[i]:
                found[i] = inside
    return found


def _marks(tok: Token) -> int:
    """Quotation marks in a token (glued ones too: ',"?' of mis-decoded text); one
    between two letters is a mis-decoded apostrophe ('don"t')."""
    return _marks_in(tok.text)


@lru_cache(maxsize=8192)
def _marks_in(text: str) -> int:
    """:func:`_marks` of a token's text (read three times per token of every article)."""
    return sum(
        ch in QUOTE_MARKS
        and not (0 < j < len(text) - 1 and text[j - 1].isalpha() and text[j + 1].isalpha())
        for j, ch in enumerate(text)
    )


def _closing(mark: Token) -> bool:
    """A closing quotation mark: a right one, or a straight one glued to the word before."""
    if "\u201d" in mark.text or "\u00bb" in mark.text:
        return True
    glued = mark.i > mark.sent.start and not mark.doc[mark.i - 1].whitespace_
    return '"' in mark.text and glued


def _run_head(doc: Doc, first: int, last: int) -> Token:
    """The token of ``first``..``last`` whose head lies outside it (else the last)."""
    for i in range(first, last + 1):
        head = doc[i].head
        if not first <= head.i <= last or head.i == i:
            return doc[i]
    return doc[last]


def _role_weight(tok: Token) -> tuple[float, bool]:
    """A mention's grammatical weight and whether it is a subject; an apposition
    weighs as the noun it names ("his predecessor, Barack Obama")."""
    if tok.dep_ == "appos":
        tok = tok.head
    if tok.dep_ in SUBJECT_DEPS:
        return ROLE_WEIGHTS[tok.dep_], True
    if tok.dep_ == "pobj" and tok.head.dep_ == "agent":
        return AGENT_WEIGHT, False
    if tok.dep_ == "poss":
        return POSSESSOR_WEIGHT, False
    weight = ROLE_WEIGHTS.get(tok.dep_, OTHER_WEIGHT)
    if _adverbial(tok):
        weight -= ADVERBIAL_PENALTY
    return weight, False


def _adverbial(tok: Token) -> bool:
    """A mention in an adverbial clause set before its verb ("Writing on Twitter, he said
    ..."); one after it often carries the news ("pounced, calling on Sessions to ...")."""
    return any(t.dep_ == "advcl" and t.i < t.head.i for t in tok.ancestors)


def _mention(
    tok: Token, sent_of: list[int], quoted: list[bool], entity: str | None, gender: str | None
) -> _Mention:
    weight, subject = _role_weight(tok)
    head = tok.head if tok.dep_ == "appos" else tok
    speaking = subject and head.head.lemma_.lower() in _speech_verbs()
    depth = sum(t.dep_ in CLAUSE_DEPS for t in tok.ancestors)
    inside = quoted[tok.i] and not (speaking and _attribution(head))  # "he said" set in marks
    return _Mention(tok.i, sent_of[tok.i], entity, weight, subject, speaking, inside, depth, gender)


def _unnamed_person(tok: Token, names: set[str]) -> str | None:
    """For a subject that brings in someone without a name, the gender its noun gives
    ("" when none); None for anything else. Indefinite ("a spokesman for the office",
    "one of the women", "someone") or with a possessor ("her nephew"); a definite noun
    ("the 40-year-old") usually means someone named before and is no one new. A
    capitalised name the model gave no person, place or organisation label ("Chance
    the Rapper won ...") is someone too, unless a word of a person's name (``names``)."""
    nouns = lexicon()["unnamed_person_nouns"]
    lemma = tok.lemma_.lower()
    if tok.pos_ == "PROPN":
        if tok.lower_ in names:
            return None  # "Adam" of "Adam Dyson", named before
        named = tok.ent_type_ in ("", "WORK_OF_ART") and tok.is_title and len(tok) > 2
        return "" if named and not any(c.dep_ == "poss" for c in tok.children) else None
    if lemma not in nouns or tok.tag_ in ("NNS", "NNPS"):
        return None
    if any(c.dep_ == "appos" for c in tok.children) or _named_after_comma(tok):
        return None  # named right after: "her lawyer, Ann Lee," is Ann Lee's mention
    if lemma == "one":  # "one of the women", "at least one"; a bare "one could say" is
        # anyone
        counted = any(c.dep_ in ("prep", "advmod", "quantmod", "nummod") for c in tok.children)
        return nouns[lemma] if counted else None
    if lemma in ("someone", "somebody"):
        return nouns[lemma]
    det = next((c.lower_ for c in tok.children if c.dep_ in ("det", "nummod")), None)
    if det in ("a", "an", "another", "one", "some", "any"):
        return nouns[lemma]
    if any(c.dep_ == "poss" for c in tok.children):
        return nouns[lemma]
    return None


def name_genders(art: CorefArticle) -> dict[str, str]:
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
    name_starts = [n.start for n in art.names]  # sorted: the names are in text order
    for k in range(1, len(sents)):
        before = sents[k - 1]
        first = bisect_left(name_starts, before.start)
        stop = bisect_left(name_starts, before.end, first)
        people = {n.entity for n in art.names[first:stop]}
        people = {e for e in people if art.is_person(e)}
        if len(people) != 1:
            continue  # (the subjects are read only for a sentence naming one person)
        subjects = {art.owner[t.i] for t in before if t.dep_ in SUBJECT_DEPS and art.person_at(t.i)}
        if subjects != people:
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


def _named_after_comma(tok: Token) -> bool:
    """Whether a person's name follows a comma inside the phrase ``tok`` heads (the
    parser often hangs "A member of the team, Finsterwalder" on the wrong word)."""
    doc = tok.doc
    return any(
        t.ent_type_ == "PERSON"
        and t.dep_ in ("appos", "conj")
        and t.left_edge.i > 0
        and doc[t.left_edge.i - 1].text == ","
        for t in tok.subtree
    )


def _pronoun_entity(
    art: CorefArticle,
    tok: Token,
    mentions: list[_Mention],
    sent_of: list[int],
    quoted: list[bool],
    genders: dict[str, str],
    gender: str,
) -> str | None:
    """The person a pronoun most likely refers to: the most salient one whose gender
    agrees, ``UNNAMED`` when someone unnamed ranks first, None when no one agrees. A gender known only
    from a given name does not move a pronoun off the most salient person when that
    person was last called by a role ("the leader of the National Front ... he said":
    machine translation gives a role noun its grammatical gender)."""
    if _generic(tok):
        return None
    ranked = _ranked(art, tok, mentions, sent_of, quoted)
    for n, (key, unnamed_gender) in enumerate(ranked):
        if key is None:
            if unnamed_gender in (None, gender):
                return UNNAMED  # someone unnamed: "a spokesman ... he added"
            continue
        known = genders.get(key)
        if known is not None and known.isupper():  # a given name only: weaker evidence
            by_role = n == 0 and _last_named_by_role(art, key, tok.i)
            known = None if by_role else known.lower()
        if (known or gender) == gender:
            return key
    return None


def _attribution(tok: Token) -> bool:
    """Whether a speaker (or speech verb) attributes words as the sentence's main verb
    ("'...,' he said"; "the things he said he would do" is speech told inside them)."""
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    return verb.dep_ in ("ROOT", "parataxis") and any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def _reported_by(tok: Token) -> set[int]:
    """Tokens of what a subject pronoun reports or states: the complement clauses of
    its verb ("A police officer is being treated, he said": he is not that unnamed
    officer). A name there only ranks last ("Mr Bannon has a destructive view, he said")."""
    if tok.dep_ not in SUBJECT_DEPS:
        return set()
    return {t.i for c in tok.head.children if c.dep_ in ("ccomp", "parataxis") for t in c.subtree}


def _containing(tok: Token) -> set[int]:
    """Heads of the noun phrases a pronoun sits in: "his" of "a member of his team" is
    not that member."""
    found = set()
    node = tok
    while node.head.i != node.i and node.dep_ not in ("ccomp", "relcl", "advcl", "conj"):
        node = node.head  # a conjunct's head is its sibling ("Trump and his aides")
        if node.pos_ in ("VERB", "AUX"):
            break
        if node.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
            found.add(node.i)  # and its apposition: "His son Kim Han Sol"
            found |= {c.i for c in node.children if c.dep_ == "appos"}
    return found


def _generic(tok: Token) -> bool:
    """'his or her', 'he or she', 'him/her': anyone, no one in particular."""
    doc = tok.doc
    after = doc[tok.i + 1 : tok.i + 3]
    before = doc[max(0, tok.i - 2) : tok.i]
    pair = frozenset(lexicon()["pronouns"])
    joined = ("or", "/")
    return (len(after) == 2 and after[0].lower_ in joined and after[1].lower_ in pair) or (
        len(before) == 2 and before[1].lower_ in joined and before[0].lower_ in pair
    )


def _ranked(
    art: CorefArticle,
    tok: Token,
    mentions: list[_Mention],
    sent_of: list[int],
    quoted: list[bool],
) -> list[tuple[str | None, str | None]]:
    """Candidates, most salient first: (entity, None) for a person, (None, gender) for
    someone unnamed."""
    here = sent_of[tok.i]
    speaking = _is_speaker_position(tok)
    subject = tok.dep_ in SUBJECT_DEPS
    excluded: set[str] = set()
    own_subjects: set[int] = set()
    if tok.dep_ in OBJECT_DEPS:  # an object pronoun never refers to its own clause's subject
        clause = {t.i for t in _clause_of(tok)}
        own_subjects = {
            m.i for m in mentions if m.subject and m.sent == here and art.doc[m.i].head.i in clause
        }
        excluded |= {
            m.entity
            for m in mentions
            if m.entity and m.subject and m.sent == here and art.doc[m.i].head.i in clause
        }
    if subject:  # "he blamed Robart": a subject pronoun is no object of its own verb
        excluded |= _own_verb_objects(art, tok)
    reported = _reported_by(tok)
    blocked = _containing(tok)
    doc = art.doc
    if quoted[tok.i] and not (speaking and _attribution(tok)):  # the words' own speaker
        # is "I", not "he" (a "he said" inside the marks that attributes them is the
        # writer's): a speaker of this sentence whose quotation opens between them and
        # the pronoun ...
        excluded |= {
            m.entity
            for m in mentions
            if m.entity
            and m.sent == here
            and m.speaking
            and not m.quoted
            and any(_marks(doc[j]) for j in range(m.i + 1, tok.i))
        }
        verbs = _speech_verbs()
        excluded |= _attributed_to(art, tok, quoted)  # '"... he has ...," Lee said'
        attributed = any(t.lemma_.lower() in verbs and _attribution(t) for t in tok.sent)
        if not attributed or _said_by_pronoun(tok, quoted):
            # ... or, for words with no attribution of their own, the last speaker
            speaker = next((m for m in reversed(mentions) if m.speaking and not m.quoted), None)
            if speaker is not None and speaker.entity and here - speaker.sent <= 2:
                excluded.add(speaker.entity)
    demoted = {m.i for m in mentions if m.i in reported and not m.speaking}
    local = _objects_of_own_verb(tok)
    paired = _coordinated_owners(tok)
    if speaking and not quoted[tok.i]:  # "he said" is no one named in the quotation
        # before it; a name in its own sentence, or in the words it reports, only ranks
        # last (the quote layer checks a speaker against the reported words it knows
        # exactly, and looks for another speaker)
        blocked |= {m.i for m in mentions if 0 < here - m.sent <= 2 and m.quoted}
        demoted |= {m.i for m in mentions if m.sent == here and m.quoted}
    best: dict[str, tuple[float, float, int]] = {}
    unnamed: list[tuple[float, int, str | None]] = []
    for m in mentions:
        if m.entity in excluded or m.i in blocked or (m.i in reported and m.entity is None):
            continue
        if m.scope is not None and tok.i not in m.scope:
            continue
        if m.entity is None and m.i in own_subjects:
            continue  # someone unnamed who is the subject of an object pronoun's clause
        value = RECENCY + m.weight
        if m.i in local:
            value += LOCAL_OBJECT_BONUS
        if m.i in paired:
            value += PAIRED_OWNER_BONUS
        if m.sent < here:  # earlier sentences are searched from the top down (Hobbs)
            value -= EMBEDDED * m.depth
        if speaking and m.speaking:
            value += SPEAKER_BONUS
        if subject and m.subject:
            value += PARALLEL_BONUS
        value *= 0.5 ** (here - m.sent)
        if m.i in demoted:
            value *= DEMOTED
        if m.entity is None:
            if here - m.sent <= UNNAMED_REACH:
                unnamed.append((value, m.i, m.gender))
        elif (value, m.weight, m.i) > best.get(m.entity, (-1.0, 0.0, -1)):
            best[m.entity] = (value, m.weight, m.i)
    ranked: list[tuple[float, float, int, str | None, str | None]] = [
        (value, weight, i, entity, None) for entity, (value, weight, i) in best.items()
    ]
    ranked += [(value, ROLE_WEIGHTS["nsubj"], i, None, gender) for value, i, gender in unnamed]
    ranked.sort(key=lambda r: (round(r[0], 6), r[1], r[2]), reverse=True)
    return [(entity, gender) for _, _, _, entity, gender in ranked]


def _attributed_to(art: CorefArticle, tok: Token, quoted: list[bool]) -> set[str]:
    """The person a quotation holding the pronoun is attributed to in its own sentence,
    before or after it ('"We will allege he helped them," Commissioner Lee said'): the
    words' own speaker says "I", so a "he" in them is someone else."""
    verbs = _speech_verbs()
    found: set[str] = set()
    for verb in tok.sent:
        if quoted[verb.i] or verb.lemma_.lower() not in verbs or not _attribution(verb):
            continue
        for child in verb.children:
            if child.dep_ in SUBJECT_DEPS and not quoted[child.i]:
                person = art.person_at(child.i)
                if person is not None:
                    found.add(person)
    return found


def _said_by_pronoun(tok: Token, quoted: list[bool]) -> bool:
    """Whether the quotation holding the pronoun is attributed by a pronoun ('"He is
    welcome to call me," he said'): the last speaker is then its speaker."""
    verbs = _speech_verbs()
    return any(
        c.dep_ in SUBJECT_DEPS and c.lower_ in ("he", "she") and not quoted[c.i]
        for t in tok.sent
        if t.lemma_.lower() in verbs and not quoted[t.i] and _attribution(t)
        for c in t.children
    )


def _coordinated_owners(tok: Token) -> set[int]:
    """For a possessive, the named owners of the noun phrases it is coordinated with
    ("Trump's optimistic vision and his bold agenda"): the same owner, as a rule."""
    if tok.dep_ != "poss":
        return set()
    phrase = tok.head
    others = [c for c in phrase.children if c.dep_ == "conj"]
    if phrase.dep_ == "conj":
        others.append(phrase.head)
    return {c.i for o in others for c in o.children if c.dep_ == "poss" and c.i < tok.i}


def _own_verb_objects(art: CorefArticle, tok: Token) -> set[str]:
    """The people named as objects of a subject pronoun's own verb, before or after it
    ("he blamed Robart for ...", "he thanked Lee", "he spoke to Lee"): a pronoun and a
    name that are arguments of one verb are two people (a reflexive would say so)."""
    verb = tok.head
    if verb.pos_ not in ("VERB", "AUX"):
        return set()
    found = set()
    for child in verb.children:
        args = [child] if child.dep_ in ("dobj", "dative", "iobj") else []
        if child.dep_ == "prep" and child.lower_ not in ("like", "as", "than", "including"):
            args = [c for c in child.children if c.dep_ == "pobj"]
        for arg in args:
            for conj in (arg, *arg.conjuncts):
                if conj.tag_ in ("PRP", "PRP$"):
                    continue  # a name, not another pronoun the parse may have misplaced
                entity = art.person_at(conj.i)
                if entity is not None:
                    found.add(entity)
    return found


def _objects_of_own_verb(tok: Token) -> set[int]:
    """For a possessive in a prepositional phrase of a verb, that verb's direct objects
    ("ousting John Boehner from his speakership", "thanked Lee for her help"): the
    owner is, as a rule, the one the verb acts on, not a subject of another clause."""
    if tok.dep_ != "poss" or tok.head.dep_ != "pobj" or tok.head.head.dep_ != "prep":
        return set()
    verb = tok.head.head.head
    if verb.pos_ not in ("VERB", "AUX"):
        return set()
    return {c.i for c in verb.children if c.dep_ == "dobj" and c.i < tok.i}


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


def _clause_of(tok: Token) -> list[Token]:
    """The heads from ``tok`` up to the root of its clause (a ROOT, ccomp or relcl verb, or
    an adverbial clause with its own subject: "he did not ask her because Zappone was
    meeting him" - him may be he; "Kimmel ... tweeting to him" - him is not Kimmel; a
    clause joined by "and" with a subject of its own is one too)."""
    chain = []
    current = tok
    while current.head.i != current.i:
        current = current.head
        chain.append(current)
        if current.dep_ in ("ccomp", "relcl", "ROOT"):
            break
        own = any(c.dep_ in SUBJECT_DEPS for c in current.children)
        if current.dep_ in ("advcl", "acl", "conj") and own:
            break  # 'Quill had faced accusations, and a panel rejected him': him is Quill
    return chain


def _is_speaker_position(tok: Token) -> bool:
    return tok.dep_ in SUBJECT_DEPS and tok.head.lemma_.lower() in _speech_verbs()


@lru_cache(maxsize=1)
def _speech_verbs() -> frozenset[str]:
    return frozenset(lexicon()["speech_verbs"])


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
