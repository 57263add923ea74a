"""In-article coreference: role phrases, stated roles and pronouns resolved to actors.

Names are clustered by :mod:`newsgraph.extractors.entities`; this module adds the
mentions that carry no name:

* **stated roles** - a role the text gives a named person ("Kremlin spokesman Dmitry
  Peskov", "his French counterpart, Emmanuel Macron") teaches the article that "the
  Kremlin spokesman" is Peskov; they are kept as evidence;
* **role phrases** ("the Kremlin leader", "the President of Russia") resolve through
  the stated roles first, then the knowledge base by the article's date, then to the
  last person mentioned whose country fits;
* **pronouns** (he, him, his, she, her) resolve to a person subject of the same
  sentence, else to the speaker of the last speech sentence when the pronoun itself
  speaks, else to the last person subject of a previous sentence.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Protocol

from rapidfuzz.fuzz import ratio
from spacy.tokens import Doc, Span, Token

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
OBJECT_DEPS = frozenset({"dobj", "pobj", "dative", "iobj"})
QUOTE_MARKS = frozenset('"“”«»„')
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
TITLE_TAGS = frozenset({"NNP", "NNPS", "NN", "JJ", "NNS", "POS", "HYPH"})


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    """The word lists in ``extractors/data/ner_roles.json`` (loaded once)."""
    raw = resources.files("newsgraph.extractors").joinpath("data/ner_roles.json").read_text("utf-8")
    return json.loads(raw)


@dataclass(frozen=True, slots=True)
class Link:
    """A canonical actor (person, organisation or country) a mention refers to."""

    id: str
    name: str
    type: str
    country: str | None = None
    sector: str | None = None


@dataclass(frozen=True, slots=True)
class NameSpan:
    """A name mention (token offsets ``start``..``end``) already assigned to an entity."""

    start: int
    end: int
    entity: str


@dataclass(frozen=True, slots=True)
class RoleKey:
    """A role as a phrase states it: ``role`` of ``country`` (alpha-3) or of ``org`` (an id)."""

    role: str
    country: str | None = None
    org: str | None = None


@dataclass(frozen=True, slots=True)
class StatedRole:
    """A role the text gives a named actor, with the evidence span (character offsets)."""

    role: str
    country: str | None
    org: str | None
    entity: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Reference:
    """A mention without a name (role phrase or pronoun) resolved to an entity."""

    start: int
    end: int
    text: str
    entity: str
    kind: str  # "role" | "pronoun"


@dataclass(slots=True)
class Candidate:
    """A name span (token offsets) on its way to an entity: label, KB candidates, entity."""

    start: int
    end: int
    label: str
    links: tuple[Link, ...] = ()
    source: str = "model"  # model | kb | surname
    entity: str | None = None


class Resolver(Protocol):
    """What coreference needs from the knowledge base (see ``entities.KbView``)."""

    def people(self, text: str) -> list[Link]: ...

    def country(self, text: str) -> str | None: ...

    def country_link(self, text: str) -> Link | None: ...

    def org(self, text: str) -> Link | None: ...

    def role_holder(self, phrase: str) -> Link | None: ...


@dataclass(frozen=True)
class CorefResult:
    references: tuple[Reference, ...]
    stated_roles: tuple[StatedRole, ...]
    new_links: tuple[Link, ...]  # actors found only through a role phrase


# ---------------------------------------------------------------- role phrases


def role_key(
    tokens: Sequence[Token], resolver: Resolver, head: Token | None = None
) -> RoleKey | None:
    """The role a run of tokens names ("Kremlin spokesman", "the President of Russia").

    With ``head`` the role word must end at that token ("chief rival" is no chief).
    """
    words = [t.lower_ for t in tokens]
    role, used = _role_word(words)
    if role is None or (head is not None and tokens[max(used)].i != head.i):
        return None
    country, org = _qualifiers(tokens, used, resolver)
    return RoleKey(role, country, org)


def _role_word(words: list[str]) -> tuple[str | None, set[int]]:
    """The rightmost role (bigram or noun) in ``words`` and the positions it uses."""
    lex = lexicon()
    for i in range(len(words) - 1, -1, -1):
        for n in (4, 3, 2):
            gram = " ".join(words[max(0, i - n + 1) : i + 1])
            if i - n + 1 >= 0 and gram in lex["role_bigrams"]:
                return lex["role_bigrams"][gram], set(range(i - n + 1, i + 1))
        if words[i] in lex["role_nouns"]:
            return lex["role_nouns"][words[i]], {i}
    return None, set()


def _qualifiers(
    tokens: Sequence[Token], used: set[int], resolver: Resolver
) -> tuple[str | None, str | None]:
    """Country and organisation named by the tokens around the role word."""
    country: str | None = None
    org: str | None = None
    for run in _proper_runs(tokens, used):
        text = " ".join(t.text for t in run if t.tag_ != "POS")
        found = resolver.org(text) if len(run) > 1 or run[0].ent_type_ == "ORG" else None
        if found is not None and org is None:
            org, country = found.id, country or found.country
            continue
        country = country or resolver.country(text)
    return country, org


def _proper_runs(tokens: Sequence[Token], used: set[int]) -> list[list[Token]]:
    """Maximal runs of capitalised or adjective tokens that are not the role word."""
    runs: list[list[Token]] = []
    current: list[Token] = []
    for i, tok in enumerate(tokens):
        keep = i not in used and (tok.is_title or tok.is_upper or tok.pos_ == "ADJ")
        if keep and tok.is_alpha:
            current.append(tok)
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


def compatible(phrase: RoleKey, stated: RoleKey) -> bool:
    """Whether a stated role can be the role a phrase names."""
    allowed = lexicon()["compatible_roles"].get(phrase.role, [phrase.role])
    if stated.role not in allowed:
        return False
    if stated.org and not phrase.org and phrase.role != "candidate":
        return False  # a party leader is not "the French leader"
    if phrase.org and stated.org != phrase.org:
        return False
    return not (phrase.country and stated.country and phrase.country != stated.country)


# ---------------------------------------------------------------- the article


class _Article:
    """Per-article state: names by token, stated roles, references found so far."""

    def __init__(
        self, doc: Doc, names: Sequence[NameSpan], people: dict[str, Link], resolver: Resolver
    ) -> None:
        self.doc = doc
        self.names = sorted(names, key=lambda n: n.start)
        self.people = dict(people)
        self.resolver = resolver
        self.owner: dict[int, str] = {}
        for name in self.names:
            for i in range(name.start, name.end):
                self.owner[i] = name.entity
        self.stated: list[tuple[int, StatedRole]] = []
        self.references: list[Reference] = []
        self.new_links: dict[str, Link] = {}

    def is_person(self, entity: str | None) -> bool:
        return entity is not None and entity in self.people

    def person_at(self, i: int) -> str | None:
        """The person whose name or reference covers token ``i``."""
        entity = self.owner.get(i)
        return entity if self.is_person(entity) else None

    def country_of(self, stated: StatedRole) -> str | None:
        """The country a stated role is in, else the country of its holder."""
        return stated.country or self.people[stated.entity].country

    def last_person_before(
        self, i: int, country: str | None, exclude: frozenset[str] | set[str] = frozenset()
    ) -> str | None:
        """The person named last before token ``i`` (of ``country`` when given)."""
        for name in reversed(self.names):
            link = self.people.get(name.entity)
            if (
                name.start < i
                and link
                and name.entity not in exclude
                and (country is None or link.country == country)
            ):
                return name.entity
        return None

    def add_reference(self, span: Span, entity: str, kind: str) -> None:
        self.references.append(Reference(span.start_char, span.end_char, span.text, entity, kind))
        for i in range(span.start, span.end):
            self.owner.setdefault(i, entity)


def resolve_coreference(
    doc: Doc, names: Sequence[NameSpan], people: dict[str, Link], resolver: Resolver
) -> CorefResult:
    """Stated roles, role-phrase and pronoun references of one article."""
    art = _Article(doc, names, people, resolver)
    _find_stated_roles(art)
    _resolve_role_phrases(art)
    _resolve_pronouns(art)
    return CorefResult(
        references=tuple(sorted(art.references, key=lambda r: r.start)),
        stated_roles=tuple(s for _, s in art.stated),
        new_links=tuple(art.new_links.values()),
    )


# ---------------------------------------------------------------- stated roles


def _find_stated_roles(art: _Article) -> None:
    """Roles given to named people by a title before the name or an apposition."""
    for name in art.names:
        if not art.is_person(name.entity):
            continue
        title = _title_before(art, name)
        if title is not None:
            _add_stated(art, title, art.doc[title.start : name.end], name.entity, refer=False)
        for phrase in _appositive_roles(art, name):
            _add_stated(art, phrase, phrase, name.entity, refer=True)


def _title_before(art: _Article, name: NameSpan) -> Span | None:
    """Title words straight before a name ("Russian Foreign Minister" Sergei Lavrov)."""
    doc, i = art.doc, name.start
    while i > 0 and name.start - i < 6:
        tok = doc[i - 1]
        if tok.tag_ not in TITLE_TAGS or art.person_at(i - 1) or "\n" in tok.whitespace_:
            break
        i -= 1
    return doc[i : name.start] if i < name.start else None


def _appositive_roles(art: _Article, name: NameSpan) -> list[Span]:
    """Role noun phrases in apposition with the name ("X, the Kremlin spokesman")."""
    root = art.doc[name.start : name.end].root
    found = []
    if root.dep_ == "appos" and not art.person_at(root.head.i):
        found.append(_phrase_of(root.head))
    found += [_phrase_of(c) for c in root.children if c.dep_ == "appos" and not art.person_at(c.i)]
    return found


def _add_stated(
    art: _Article, role_span: Span, evidence: Span, entity: str, *, refer: bool
) -> None:
    """Record a stated role; an appositive role phrase is also a mention of the person."""
    key = role_key(list(role_span), art.resolver, None if not refer else role_span.root)
    if key is None:
        return
    stated = StatedRole(
        key.role,
        key.country,
        key.org,
        entity,
        evidence.start_char,
        evidence.end_char,
        evidence.text,
    )
    art.stated.append((role_span.start, stated))
    link = art.people[entity]
    if link.country is None and key.country:
        art.people[entity] = Link(link.id, link.name, link.type, key.country, link.sector)
    if refer and not any(role_span.start <= n.start < role_span.end for n in art.names):
        art.add_reference(role_span, entity, "role")


def _phrase_of(head: Token) -> Span:
    """The noun phrase headed by ``head`` with a trailing "of ..." complement."""
    left = min((t.i for t in head.lefts if t.dep_ not in ("punct", "cc")), default=head.i)
    right = head.i + 1
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ == "of" and child.i == right:
            right = child.right_edge.i + 1
    return head.doc[min(left, head.i) : right]


# ---------------------------------------------------------------- role phrases


def _resolve_role_phrases(art: _Article) -> None:
    """Definite singular role phrases, each resolved to an actor when one fits."""
    for chunk in art.doc.noun_chunks:
        head = chunk.root
        if head.tag_ in PLURAL_TAGS or any(art.person_at(i) for i in range(chunk.start, chunk.end)):
            continue
        if chunk[0].lower_ not in ("the", "his", "her") and not head.is_title:
            continue  # "a president", "its president": not a known person
        phrase = _phrase_of(head)
        key = role_key(list(phrase), art.resolver, head)
        if key is None or (_unknown_owner(phrase, head) and not (key.country or key.org)):
            continue
        entity = _role_entity(art, phrase, key)
        if entity is not None:
            art.add_reference(phrase, entity, "role")


def _unknown_owner(phrase: Span, head: Token) -> bool:
    """A possessor that is not a person pronoun ("the country's president")."""
    return any(t.dep_ == "poss" and t.lower_ not in ("his", "her") for t in head.lefts)


def _role_entity(art: _Article, phrase: Span, key: RoleKey) -> str | None:
    """Stated roles first, then the knowledge base by date, then the last fitting person."""
    stated = _from_stated(art, phrase.start, key)
    if stated is not None:
        return stated
    words = phrase.text.split()
    if words and words[0].lower() in ("his", "her", "its", "their"):
        words[0] = "the"
    link = art.resolver.role_holder(" ".join(words))
    if link is not None:
        if link.id not in art.people:
            art.new_links[link.id] = link
            art.people[link.id] = link
        return link.id
    if key.country is None:
        return None
    return art.last_person_before(phrase.start, key.country)


def _from_stated(art: _Article, position: int, key: RoleKey) -> str | None:
    """The stated role nearest before ``position`` (else after) that fits ``key``."""
    fits = [
        (i, s) for i, s in art.stated if compatible(key, RoleKey(s.role, art.country_of(s), s.org))
    ]
    before = [s for i, s in fits if i < position]
    if before:
        return before[-1].entity
    after = [s for i, s in fits if i > position]
    return after[0].entity if after else None


# ---------------------------------------------------------------- pronouns


class _Focus:
    """Who the text is about: the last person subject and the last speaker."""

    def __init__(self) -> None:
        self.subject: str | None = None
        self.speaker: str | None = None


def _resolve_pronouns(art: _Article) -> None:
    """Resolve he/him/his/she/her in reading order, updating the focus per sentence."""
    focus = _Focus()
    pronouns = lexicon()["pronouns"]
    for sent in art.doc.sents:
        subjects: list[Token] = []
        for tok in sent:
            if tok.lower_ in pronouns and tok.tag_ in ("PRP", "PRP$") and tok.i not in art.owner:
                entity = _pronoun_entity(art, tok, subjects, focus)
                if entity is not None:
                    art.add_reference(art.doc[tok.i : tok.i + 1], entity, "pronoun")
            if tok.dep_ in SUBJECT_DEPS and art.is_person(art.owner.get(tok.i)):
                subjects.append(tok)
        _update_focus(art, sent, subjects, focus)


def _pronoun_entity(art: _Article, tok: Token, subjects: list[Token], focus: _Focus) -> str | None:
    """The person a pronoun most likely refers to (no gender data: position decides)."""
    if tok.dep_ in OBJECT_DEPS:
        # an object pronoun never refers to the subject of its own verb
        clause = _clause_of(tok)
        own = {art.owner[s.i] for s in subjects if s.head in clause}
        others = [art.owner[s.i] for s in subjects if art.owner[s.i] not in own]
        if others:
            return others[-1]
        if focus.subject and focus.subject not in own:
            return focus.subject
        return art.last_person_before(tok.i, None, exclude=own)
    if subjects:
        return art.owner[subjects[-1].i]
    if _is_speaker_position(tok) and focus.speaker:
        return focus.speaker
    return focus.subject or focus.speaker or art.last_person_before(tok.i, None)


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


def _update_focus(art: _Article, sent: Span, subjects: list[Token], focus: _Focus) -> None:
    """After a sentence: its person subject is in focus; a speaking subject is the speaker."""
    if not subjects:
        return
    speaking = [s for s in subjects if s.head.lemma_.lower() in _speech_verbs()]
    has_quote = any(ch in QUOTE_MARKS for ch in sent.text)
    main = speaking[0] if speaking else subjects[0]
    focus.subject = art.owner[main.i]
    if speaking or has_quote:
        focus.speaker = art.owner[main.i]


# ---------------------------------------------------------------- names


def cluster_names(doc: Doc, candidates: list[Candidate], resolver: Resolver) -> dict[str, Link]:
    """Give every candidate an entity key; names of one actor share it ("Putin", "Vladimir
    Putin", "Emanuel Macron" beside "Emmanuel Macron"). Returns the link of every key."""
    links: dict[str, Link] = {}
    known: dict[str, list[list[str]]] = {}  # person key -> the name forms seen
    persons = [c for c in candidates if c.label == "PERSON"]
    full = [c for c in persons if len(name_words(doc, c)) > 1]
    single = [c for c in persons if len(name_words(doc, c)) <= 1]
    for cand in sorted(full, key=lambda c: not c.links) + single:
        _cluster_person(doc, cand, links, known, resolver)
    by_slug: dict[str, str] = {}
    for cand in candidates:
        if cand.label != "PERSON":
            _cluster_other(doc, cand, links, by_slug, resolver)
    return links


def name_words(doc: Doc, cand: Candidate) -> list[str]:
    """The words of a name without punctuation: "Jean-Marie Le Pen" -> [Jean, Marie, Le, Pen]."""
    return [t.text for t in doc[cand.start : cand.end] if t.is_alpha]


def _cluster_person(
    doc: Doc,
    cand: Candidate,
    links: dict[str, Link],
    known: dict[str, list[list[str]]],
    resolver: Resolver,
) -> None:
    words = name_words(doc, cand)
    text = " ".join(words)
    if not cand.links:
        cand.links = tuple(resolver.people(doc[cand.start : cand.end].text))
    key = next((link.id for link in cand.links if link.id in links), None)
    key = key or _same_person(words, known)
    if key is None and cand.links:
        key = cand.links[0].id
        links[key] = cand.links[0]
    if key is None:
        key = "local:person:" + slug(text)
        links[key] = Link(key, text, "PERSON")
    cand.entity = key
    known.setdefault(key, []).append(words)


def _same_person(words: list[str], known: dict[str, list[list[str]]]) -> str | None:
    """The person already named in the article whose name fits ``words``, latest first."""
    low = [w.lower() for w in words]
    for key in reversed(list(known)):
        for form in known[key]:
            other = [w.lower() for w in form]
            if _names_fit(low, other):
                return key
    return None


def _names_fit(a: list[str], b: list[str]) -> bool:
    """Same surname and fitting first names; a single word may be a surname or first name."""
    if not a or not b:
        return False
    if len(a) == 1 or len(b) == 1:
        short, long_ = (a, b) if len(a) <= len(b) else (b, a)
        return short[0] == long_[-1] or (len(long_) > 1 and short[0] == long_[0]) or a == b
    if a[-1] != b[-1]:
        return False
    return a[0][0] == b[0][0] and _similar(a[0], b[0])


def _similar(x: str, y: str) -> bool:
    """First names that are one spelling apart ("Emanuel"/"Emmanuel") or an initial."""
    if x == y or len(x) == 1 or len(y) == 1:
        return True
    return ratio(x, y) >= 80


def _cluster_other(
    doc: Doc, cand: Candidate, links: dict[str, Link], by_slug: dict[str, str], resolver: Resolver
) -> None:
    """Organisations, countries and places: KB organisation, else country, else local."""
    text = doc[cand.start : cand.end].text
    text_slug = slug(text)
    link = cand.links[0] if cand.links else None
    if link is None and cand.label in ("ORG", "FAC", "NORP"):
        link = resolver.org(text)
    if link is None and cand.label in ("GPE", "LOC", "ORG") and not _abbreviation(doc, cand):
        link = resolver.country_link(text)
    if link is None:
        key = by_slug.setdefault(text_slug, f"local:{cand.label.lower()}:{text_slug}")
        link = links.get(key) or Link(key, text, cand.label, resolver.country(text))
    links.setdefault(link.id, link)
    cand.entity = link.id


def _abbreviation(doc: Doc, cand: Candidate) -> bool:
    """A short capitalised word followed by a full stop ("ST." Petersburg) is no country code."""
    end = doc[cand.start].idx + len(doc[cand.start])
    return (
        cand.end - cand.start == 1 and len(doc[cand.start]) <= 3 and doc.text[end : end + 1] == "."
    )


def slug(text: str) -> str:
    """ASCII, lower case, words joined by hyphens: "Marine Le Pen" -> "marine-le-pen"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"
