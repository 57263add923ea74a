"""Role phrases: the role a run of words names, roles the text states, role-phrase mentions.

* **stated roles** - a role the text gives a named person ("Kremlin spokesman Dmitry
  Peskov", "his French counterpart, Emmanuel Macron") teaches the article that "the
  Kremlin spokesman" is Peskov; they are kept as evidence;
* **role phrases** ("the Kremlin leader", "the President of Russia") resolve through
  the stated roles first, then the knowledge base by the article's date, then to the
  last person mentioned whose country fits.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from newsgraph.extractors.entities.coref_article import CorefArticle
from newsgraph.extractors.entities.epithets import antecedent
from newsgraph.extractors.entities.types import (
    Link,
    NameSpan,
    Resolver,
    RoleKey,
    StatedRole,
    lexicon,
)

PLURAL_TAGS = frozenset({"NNS", "NNPS"})
TITLE_TAGS = frozenset({"NNP", "NNPS", "NN", "JJ", "NNS", "POS", "HYPH"})


def role_key(
    tokens: Sequence[Token], resolver: Resolver, head: Token | None = None
) -> RoleKey | None:
    """The role a run of tokens names ("Kremlin spokesman", "the President of Russia").

    With ``head`` the role word must end at that token ("chief rival" is no chief).
    """
    words = [t.lower_ for t in tokens]
    role, used = _role_word(words)
    if role is None or (head is not None and head.i not in {tokens[j].i for j in used}):
        return None
    if role == "minister" or words[min(used)] in PORTFOLIO_HEADS:
        portfolio = _portfolio(tokens, min(used), resolver, role != "minister")
        if portfolio is None and role == "minister":
            portfolio = _portfolio_after(tokens, max(used), resolver)
        if portfolio is not None:
            kind = "minister" if role == "minister" else "chief"
            role, used = f"{kind}:{portfolio}", used | {min(used) - 1}
    country, org, region = _qualifiers(tokens, used, resolver)
    if country is None and org is None and region is None:
        org = _unknown_organisation(tokens, max(used))
    return RoleKey(role, country, org, region)


# a chief or head of a portfolio ("the US treasury chief", "the army chief") is no
# country's leader; 'party', 'state' and the like name what a leader leads
PORTFOLIO_HEADS = frozenset({"chief", "head"})
_NO_PORTFOLIO = frozenset({"party", "state", "government", "opposition", "group", "family"})


# nouns for the state itself: "the president of the country" is its president
STATE_NOUNS = frozenset({"country", "nation", "republic", "state", "kingdom", "federation"})


def _unknown_organisation(tokens: Sequence[Token], last: int) -> str | None:
    """A name after "of" that is no country, region or KB organisation ("the leader of al
    Qaeda in the Arabian Peninsula"): the role is that body's, which the article does not
    otherwise identify; a local key keeps it from matching another body's holders."""
    i = last + 1
    if i >= len(tokens) or tokens[i].lower_ != "of":
        return None
    rest = [t for t in tokens[i + 1 :] if t.lower_ != "the"]
    while len(rest) > 1 and rest[0].is_lower and rest[0].pos_ in ("ADJ", "VERB"):
        rest = rest[1:]  # "of the governing Social Democratic Party"
    if len(rest) == 1 and rest[0].is_lower and rest[0].pos_ == "NOUN":
        # "the president of the company", "the head of the bank": that body's, not the
        # country's; "the president of the country" stays the country's
        return None if rest[0].lower_ in STATE_NOUNS else "local:" + rest[0].lower_
    if not rest or not (rest[0].is_title or rest[0].is_upper or rest[0].lower_ in ("al", "el")):
        return None
    words = [t.text for t in rest if t.is_alpha][:4]
    return "local:" + "-".join(w.lower() for w in words)


def _portfolio(
    tokens: Sequence[Token], at: int, resolver: Resolver, common: bool = False
) -> str | None:
    """The ministry a plain 'minister' is of, when a noun before it names one ("Economy
    Minister", "justice minister"): a minister of another portfolio than the KB knows is
    no foreign, defence or interior minister, nor the minister of another portfolio. With
    ``common`` (a chief or head) the noun must name no organisation ("treasury chief",
    not "IMF chief")."""
    if at == 0:
        return None
    tok = tokens[at - 1]
    if not tok.is_alpha or tok.tag_ not in ("NN", "NNP", "NNS") or resolver.country(tok.text):
        return None
    if common and (
        tok.lower_ in _NO_PORTFOLIO
        or (not tok.is_lower and tok.ent_type_ in ("ORG", "GPE", "NORP", "PERSON"))
        or resolver.org(tok.text) is not None
        or tok.is_upper
    ):
        return None  # "IMF chief" is the IMF's head; "treasury chief" a portfolio's
    return tok.lower_


def _portfolio_after(tokens: Sequence[Token], at: int, resolver: Resolver) -> str | None:
    """The ministry a title names after "for" ("Minister for Justice"): its first noun,
    when that is no country ("Minister for Ireland" is no portfolio)."""
    if at + 2 >= len(tokens) or tokens[at + 1].lower_ != "for":
        return None
    tok = tokens[at + 2]
    if not (tok.is_alpha and tok.is_title) or tok.tag_ not in ("NN", "NNP", "NNS", "NNPS"):
        return None
    return None if resolver.country(tok.text) else tok.lower_


def _role_word(words: list[str]) -> tuple[str | None, set[int]]:
    """The rightmost role (bigram or noun) in ``words`` and the positions it uses."""
    lex = lexicon()
    for i in range(len(words) - 1, -1, -1):
        for n in (4, 3, 2):
            gram = " ".join(words[max(0, i - n + 1) : i + 1])
            if i - n + 1 >= 0 and gram in lex["role_bigrams"]:
                return _unless_deputy(words, lex["role_bigrams"][gram], i - n + 1, i)
        if words[i] in lex["role_nouns"]:
            return _unless_deputy(words, lex["role_nouns"][words[i]], i, i)
        if words[i].startswith("ex-") and words[i][3:] in lex["role_nouns"]:
            return lex["role_nouns"][words[i][3:]], {i}  # "the ex-president": one token
    return None, set()


def _unless_deputy(
    words: list[str], role: str, first: int, last: int
) -> tuple[str | None, set[int]]:
    """The role at ``first..last``, unless a deputy's ('deputy prime minister', 'vice
    foreign minister'): a deputy holds no office of the KB's and is not its holder."""
    if first > 0 and words[first - 1] in DEPUTY_WORDS:
        return None, set()
    return role, set(range(first, last + 1))


DEPUTY_WORDS = frozenset({"deputy", "vice", "assistant", "associate", "under", "acting", "vice-"})


def _qualifiers(
    tokens: Sequence[Token], used: set[int], resolver: Resolver
) -> tuple[str | None, str | None, str | None]:
    """Country, organisation and region (a named place that is no country: "the justice
    minister of North Rhine-Westphalia") named by the tokens around the role word."""
    country: str | None = None
    org: str | None = None
    region: str | None = None
    for run in _proper_runs(tokens, used):
        text = " ".join(t.text for t in run if t.tag_ != "POS")
        found = resolver.org(text) if len(run) > 1 or run[0].ent_type_ == "ORG" else None
        if found is not None and org is None:
            org, country = found.id, country or found.country
            continue
        code = resolver.country(text)
        if code is None and run[0].is_lower:  # "former U.S.": the adjective is no part
            code = resolver.country(" ".join(t.text for t in run if not t.is_lower))
        country = country or code
        after_of = run[0].i > 0 and run[0].nbor(-1).lower_ == "of"
        if code is None and after_of and run[0].ent_type_ not in ("ORG", "NORP"):
            region = region or text
    return country, org, region


def _proper_runs(tokens: Sequence[Token], used: set[int]) -> list[list[Token]]:
    """Maximal runs of capitalised or adjective tokens that are not the role word."""
    runs: list[list[Token]] = []
    current: list[Token] = []
    for i, tok in enumerate(tokens):
        keep = i not in used and (tok.is_title or tok.is_upper or tok.pos_ == "ADJ")
        if keep and (tok.is_alpha or _dotted(tok)):
            current.append(tok)
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


def _dotted(tok: Token) -> bool:
    """An abbreviation with full stops ("U.S.", "U.K.")."""
    letters = tok.text.replace(".", "")
    return "." in tok.text and letters.isalpha() and letters.isupper()


def compatible(phrase: RoleKey, stated: RoleKey) -> bool:
    """Whether a stated role can be the role a phrase names."""
    allowed = lexicon()["compatible_roles"].get(phrase.role, [phrase.role])
    portfolio = phrase.role == "minister" and stated.role.startswith("minister:")
    portfolio = portfolio or (
        ":" in phrase.role and _portfolio_of(phrase.role) == _portfolio_of(stated.role)
    )
    portfolio = portfolio or (  # "the US defense chief" after "Defense Secretary Mattis"
        ":" in phrase.role and PORTFOLIO_OFFICES.get(str(_portfolio_of(phrase.role))) == stated.role
    )
    bare = not (phrase.country or phrase.org or phrase.region)
    portfolio = portfolio or (  # "the chief" after "Damascus police chief X"
        phrase.role == "leader" and bare and stated.role.startswith("chief:")
    )
    if stated.role not in allowed and not portfolio:
        return False
    if stated.org and not phrase.org and phrase.role not in ("candidate", "envoy", "diplomat"):
        return False  # a party leader is not "the French leader" (an envoy's is a posting)
    if phrase.org and stated.org != phrase.org:
        return False
    if stated.region and phrase.region != stated.region and (phrase.country or phrase.region):
        return False  # a state's minister is not "Turkey's justice minister"
    return not (phrase.country and stated.country and phrase.country != stated.country)


# a portfolio's chief or minister ("defense chief", "treasury minister") holds the office
# of the KB of that name
PORTFOLIO_OFFICES = {
    "defense": "defence_minister",
    "defence": "defence_minister",
    "foreign": "foreign_minister",
    "interior": "interior_minister",
    "finance": "finance_minister",
    "treasury": "finance_minister",
    "justice": "justice_minister",
}


def _portfolio_of(role: str) -> str | None:
    """'treasury' of 'minister:treasury' and of 'chief:treasury'."""
    return role.split(":", 1)[1] if ":" in role else None


# ---------------------------------------------------------------- stated roles


def find_stated_roles(art: CorefArticle) -> None:
    """Roles given to named people by a title before the name or an apposition."""
    for name in art.names:
        if not art.is_person(name.entity):
            continue
        title = _title_before(art, name)
        if title is not None:
            for part in _title_parts(title):
                _add_stated(art, part, art.doc[part.start : name.end], name.entity, refer=False)
        for phrase in _appositive_roles(art, name):
            _add_stated(art, phrase, phrase, name.entity, refer=True)


# titles of someone posted to a place: "Ambassador to North Korea"
POSTED = frozenset({"ambassador", "envoy", "representative"})


def _title_before(art: CorefArticle, name: NameSpan) -> Span | None:
    """Title words straight before a name ("Russian Foreign Minister" Sergei Lavrov)."""
    doc, i = art.doc, name.start
    while i > 0 and name.start - i < 8:
        tok = doc[i - 1]
        joined = tok.lower_ == "and" and i - 1 > 0 and doc[i - 2].tag_ in ("NNP", "NNPS")
        # "Russian Ambassador to North Korea Alexander Timonin"
        joined = joined or (tok.lower_ == "to" and i - 1 > 0 and doc[i - 2].lower_ in POSTED)
        joined = joined or (  # "Ambassador to the UN"
            tok.lower_ == "the"
            and i > 2
            and doc[i - 2].lower_ == "to"
            and doc[i - 3].lower_ in POSTED
        )
        # the title form of a portfolio: "Minister for Jobs Ann Doyle"
        joined = joined or (tok.lower_ in ("for", "of") and i > 1 and _portfolio_title(doc[i - 2]))
        if not joined and (tok.tag_ not in TITLE_TAGS or art.person_at(i - 1)):
            break
        if "\n" in tok.whitespace_:
            break
        i -= 1
    while i < name.start and doc[i].lower_ == "and":
        i += 1
    return doc[i : name.start] if i < name.start else None


# role nouns whose title names the portfolio after "for" or "of" ("Minister for Justice")
PORTFOLIO_TITLES = frozenset({"minister", "secretary"})


def _portfolio_title(tok: Token) -> bool:
    """A capitalised "Minister" or "Secretary", whose title goes on with "for" or "of"."""
    return tok.lower_ in PORTFOLIO_TITLES and tok.is_title


def _title_parts(title: Span) -> list[Span]:
    """The titles a run joins with "and" ("Prime Minister and acting leader" Hwang): each
    is a role of the name after them."""
    parts, start = [], title.start
    for tok in title:
        if tok.lower_ == "and":
            if start < tok.i:
                parts.append(title.doc[start : tok.i])
            start = tok.i + 1
    if start < title.end:
        parts.append(title.doc[start : title.end])
    return parts


def _appositive_roles(art: CorefArticle, name: NameSpan) -> list[Span]:
    """Role noun phrases in apposition with the name ("X, the Kremlin spokesman")."""
    root = art.doc[name.start : name.end].root
    found = []
    if root.dep_ == "appos" and not art.person_at(root.head.i):
        found.append(_phrase_of(root.head))
    found += [
        _phrase_of(c)
        for c in root.children
        if c.dep_ == "appos" and not art.person_at(c.i) and not _subject_of_verb_after(c)
    ]
    return found


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _subject_of_verb_after(head: Token) -> bool:
    """An 'apposition' straight followed by a finite verb with no comma between, to a name
    that is no subject, is the subject of that verb, misparsed ("... under Donald Trump,
    the leader of al Qaeda in the Arabian Peninsula released a message": the leader is
    not Trump)."""
    after = head.right_edge.i + 1
    if after >= len(head.doc) or head.doc[after].tag_ not in FINITE_TAGS:
        return False
    # "Zamir Kabulov, head of the ... department said": a name and role before a speech
    # verb both speak (a comma left out), and a subject name keeps its apposition
    verb = head.doc[after]
    speech = verb.lemma_ in lexicon()["speech_verbs"]
    return not speech and head.head.dep_ not in ("nsubj", "nsubjpass")


def _add_stated(
    art: CorefArticle, role_span: Span, evidence: Span, entity: str, *, refer: bool
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
        key.region,
    )
    art.stated.append((role_span.start, stated))
    link = art.people[entity]
    if link.country is None and key.country:
        art.people[entity] = Link(link.id, link.name, link.type, key.country, link.sector)
    if refer and not any(
        role_span.start <= n.start < role_span.end and art.is_person(n.entity) for n in art.names
    ):  # a place in the phrase ("the interior minister of Baden-Wurttemberg") is no person
        art.add_reference(role_span, entity, "role")


def _phrase_of(head: Token) -> Span:
    """The noun phrase headed by ``head`` with a trailing "of ..." complement."""
    # the left edge of each left dependent: "North Korea's leader", not "Korea's leader"
    left = min((t.left_edge.i for t in head.lefts if t.dep_ not in ("punct", "cc")), default=head.i)
    right = head.i + 1
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ == "of" and child.i == right:
            right = child.right_edge.i + 1
    return head.doc[min(left, head.i) : right]


# ---------------------------------------------------------------- role phrases


def resolve_role_phrases(art: CorefArticle) -> None:
    """Definite singular role phrases, each resolved to an actor when one fits."""
    for chunk in _nominals(art.doc):
        head = chunk.root
        if head.tag_ in PLURAL_TAGS or any(art.person_at(i) for i in range(chunk.start, chunk.end)):
            continue
        ex_start = _ex_start(chunk)
        first = art.doc[ex_start] if ex_start is not None else chunk[0]
        if (
            first.lower_ not in ("the", "his", "her")
            and not head.is_title
            and not _proper_owner(head)
        ):
            continue  # "a president", "its president": not a known person
        phrase = _phrase_of(head)
        if ex_start is not None:
            phrase = art.doc[ex_start : phrase.end]
        key = role_key(list(phrase), art.resolver, head)
        said = None
        if key is not None and not (key.country or key.org or key.region):
            topic = _state_topic(art, phrase, head)  # "the country's president"
            if topic is not None:
                key, said = RoleKey(key.role, topic[0], None, None), topic[1]
        if key is None or (_unknown_owner(phrase, head) and not (key.country or key.org)):
            continue
        body = _body_before(head, key)
        if body is not None:  # "the Fine Gael leader", "the union leader": no state's head
            entity = (
                _name_after(art, phrase)
                or _predicate_of(art, head)
                or _stated_with(art, phrase.start, key, body)
            )
        elif _told_in_past(head):  # "the president who ruled for 30 years": a past holder
            entity = _name_after(art, phrase) or _past_holder(art, phrase, key)
        else:
            entity = (
                _name_after(art, phrase)
                or _predicate_of(art, head)
                or _role_entity(art, phrase, key, said)
                or _article_office(art, phrase, key)
            )
        if entity is not None:
            art.add_reference(phrase, entity, "role")


def _body_before(head: Token, key: RoleKey) -> str | None:
    """The noun a bare "leader" (or "chief", "head", "chairman") phrase names the body of
    ("the Fine Gael leader": "gael", "the union leader": "union"), lower case, when the
    role key took it for no country, organisation or region; None for anything else."""
    if key.role != "leader" or key.country or key.org or key.region:
        return None
    for child in head.lefts:
        if child.dep_ == "compound" and child.pos_ in ("NOUN", "PROPN") and child.is_alpha:
            return child.lower_
    return None


def _stated_with(art: CorefArticle, position: int, key: RoleKey, body: str) -> str | None:
    """The person the article states a fitting role of whose words name ``body`` ("Fine
    Gael leader Ann Kerr" for "the Fine Gael leader"), nearest before ``position``, else
    the first after; a head of state or government of no such words is not the leader of
    a party, a union or a team."""
    fits = [
        (i, s)
        for i, s in art.stated
        if body in s.text.lower().split()
        and compatible(key, RoleKey(s.role, art.country_of(s), s.org, s.region))
    ]
    before = [s for i, s in fits if i < position]
    if before:
        return before[-1].entity
    after = [s for i, s in fits if i >= position]
    return after[0].entity if after else None


def _past_holder(art: CorefArticle, phrase: Span, key: RoleKey) -> str | None:
    """The person named last before ``phrase`` who held its office once, not today."""
    return antecedent(art, phrase, lambda e: _held_once(art, e, key))


def _told_in_past(head: Token) -> bool:
    """A role defined by a relative clause that tells its tenure in the past ("the
    president who ruled for 30 years", "the minister who resigned"): said of a past
    holder, not of whoever holds the office on the article's date ("the president who
    nominated him" may well be today's)."""
    for clause in head.children:
        if clause.dep_ != "relcl" or clause.lemma_ not in TENURE_VERBS:
            continue
        if clause.tag_ == "VBD" or any(
            c.dep_ == "aux" and c.lower_ in ("had", "was", "were") for c in clause.children
        ):
            return True
    return False


# verbs that tell how long or how someone held an office, or that it ended
TENURE_VERBS = frozenset(
    {"rule", "serve", "govern", "reign", "lead", "run", "hold", "resign", "quit", "step"}
)


# offices a bare "the president" / "the prime minister" names in a story about one country
STATE_OFFICES = frozenset(
    {"head_of_state", "head_of_government", "foreign_minister", "defence_minister"}
)
DOMINANT = 2  # the article's country is named at least this often, and this many times
# more often than any other country


def _article_office(art: CorefArticle, phrase: Span, key: RoleKey) -> str | None:
    """A bare office that found no one ("the president", "the prime minister"): the
    person of the article the knowledge base has in such an office on its date, named
    before the phrase (of two or more, the one named ``DOMINANT`` times as often as any
    other, else no one); when the article names no holder, the holder in the country the
    article is about up to the phrase: a country named at least
    ``DOMINANT`` times before it and ``DOMINANT`` times as often as any other. The
    knowledge base is asked about "<country>'s president" on the article's date, stated
    roles of that country first. Only when the holder is named in the article or the
    country in the phrase's sentence or the one before; not for a past or a future
    holder."""
    if key.country or key.org or key.region or key.role not in STATE_OFFICES:
        return None
    words = [t.lower_ for t in phrase]
    if _past(words) or any(w in FUTURE_WORDS for w in words):
        return None
    held: dict[str, int] = {}  # the article's holders of such an office, by mentions
    for named in art.names:
        if (
            named.start < phrase.start
            and art.is_person(named.entity)
            and (named.entity in held or _holds_now(art, named.entity, RoleKey(key.role)))
        ):
            held[named.entity] = held.get(named.entity, 0) + 1
    if held:  # "Trump ... the president" in a story that names Russia more often
        top = sorted(held.items(), key=lambda h: h[1], reverse=True)
        if len(top) == 1 or top[0][1] >= DOMINANT * top[1][1]:
            return top[0][0]
        return None
    counts: dict[str, int] = {}
    for named in art.names:
        if named.start >= phrase.start or art.is_person(named.entity):
            continue
        text = art.doc[named.start : named.end].text
        found = art.resolver.country(text)
        if found is not None and art.resolver.org(text) is None:
            counts[found] = counts.get(found, 0) + 1
    ranked = sorted(counts.items(), key=lambda c: c[1], reverse=True)
    if not ranked or ranked[0][1] < DOMINANT:
        return None
    if len(ranked) > 1 and ranked[0][1] < DOMINANT * ranked[1][1]:
        return None
    code = ranked[0][0]
    name = art.resolver.country_name(code)
    if name is None:
        return None
    said = " ".join(t.text for t in phrase if t.lower_ not in ("the", "his", "her"))
    link = art.resolver.role_holder(f"{name}'s {said}")
    if link is None:
        return None
    sents = list(art.doc.sents)
    at = next(k for k, sent in enumerate(sents) if sent.start <= phrase.start < sent.end)
    near = sents[max(0, at - 1)].start
    named_near = any(
        near <= n.start < phrase.start
        and art.resolver.country(art.doc[n.start : n.end].text) == code
        for n in art.names
    )
    if link.id not in art.people and not named_near:
        return None  # the holder unnamed and the country not in view: a club's president?
    return _role_entity(art, phrase, RoleKey(key.role, code, None, None), f"{name}'s {said}")


def _predicate_of(art: CorefArticle, head: Token) -> str | None:
    """The person a role phrase is said of: the subject of "was" or of a naming verb
    ("Sarkozy was nicknamed the 'bling-bling' president", "Park was the president"), or
    the person an "as" phrase is said of ("painted Macron as the only candidate",
    "named Lee as the new envoy", "Obama, who served as the president")."""
    if head.dep_ == "pobj" and head.head.lower_ == "as":
        return _as_of(art, head.head)
    if head.dep_ not in ("attr", "oprd"):
        return None
    for child in head.head.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            named = art.person_at(child.i)
            apposed = {art.person_at(t.i) for t in child.subtree if t.dep_ == "appos"} - {None}
            return named or (apposed.pop() if len(apposed) == 1 else None)
    return None


def _as_of(art: CorefArticle, as_: Token) -> str | None:
    """Whom "as ..." is said of: the person named right before "as", else the object of
    the verb it hangs on, else that verb's subject."""
    if as_.i > 0 and art.person_at(as_.i - 1):
        return art.person_at(as_.i - 1)
    verb = as_.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    for deps in (("dobj",), ("nsubj", "nsubjpass")):
        for child in verb.children:
            if child.dep_ in deps and art.person_at(child.i):
                return art.person_at(child.i)
    return None


def _ex_start(chunk: Span) -> int | None:
    """Where "the ex-president" starts when the tokenizer split it ("the", "ex", "-"
    before the chunk "president")."""
    doc, i = chunk.doc, chunk.start
    if i >= 3 and doc[i - 1].text == "-" and doc[i - 2].lower_ == "ex":
        return i - 3 if doc[i - 3].lower_ in ("the", "his", "her") else None
    return None


# a role phrase with one of these words is about someone out of that office
PAST_WORDS = ("former", "ex-", "ex", "then", "last", "previous", "late", "erstwhile")


def _past(words: list[str]) -> bool:
    return any(w.startswith(("former", "ex-", "then-")) or w in PAST_WORDS for w in words)


def _name_after(art: CorefArticle, phrase: Span) -> str | None:
    """The person named right after a role phrase, with no comma between: the phrase is
    that name's title ("the new leader of the Social Democrat Party (SPD) Martin Schulz"),
    also when the title goes on with its portfolio ("Former Minister for Justice-Ann
    Doyle", the name glued on by a dash)."""
    doc, i = art.doc, phrase.end
    while i < len(doc) and doc[i].text == ")":
        i += 1
    if i < len(doc) and doc[i].lower_ in ("for", "of") and _portfolio_title(doc[phrase.end - 1]):
        j = i + 1
        while j < min(len(doc), i + 6) and art.person_at(j) is None:
            if not (doc[j].is_title or doc[j].lower_ in ("and", "the") or doc[j].text == "-"):
                return None
            j += 1
        i = j
    return art.person_at(i) if i < len(doc) else None


_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "appos", "attr"})


def _nominals(doc: Doc) -> list[Span]:
    """The noun chunks, plus arguments the tagger took for adjectives ("The NATO
    secretary-general said": "general" tagged JJ makes no chunk)."""
    chunks = list(doc.noun_chunks)
    covered = {i for c in chunks for i in range(c.start, c.end)}
    for tok in doc:
        if tok.pos_ == "ADJ" and tok.dep_ in _ARGUMENT_DEPS and tok.i not in covered:
            start = tok.left_edge.i
            if all(i not in covered for i in range(start, tok.i + 1)):
                chunks.append(doc[start : tok.i + 1])
    return chunks


# how many sentences back "the country" looks for the country the text is about
TOPIC_SENTENCES = 3
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def _state_topic(art: CorefArticle, phrase: Span, head: Token) -> tuple[str, str] | None:
    """For a role of a state named by a common noun ("the country's president", "the
    nation's leader", "the president of the country"): the country the text is about at
    that point, with the phrase as the KB is to be asked about it ("North Korea's
    president"). That country is the nearest one named before the phrase, in its own
    sentence or up to ``TOPIC_SENTENCES`` before; in the nearest sentence that names one,
    a country that is a subject (or owns or modifies one: "North Korean troops") comes
    first, a country that only reports ("..., South Korea said") last."""
    owner = next((t for t in head.lefts if t.dep_ == "poss"), None)
    stated = owner is not None and owner.lower_ in STATE_NOUNS
    of = [c for c in head.rights if c.dep_ == "prep" and c.lower_ == "of"]
    objects = [o for c in of for o in c.children if o.dep_ == "pobj"]
    stated = stated or any(o.lower_ in STATE_NOUNS and o.i < phrase.end for o in objects)
    if not stated:
        return None
    sent = phrase.sent
    sents = list(art.doc.sents)
    at = next(i for i, s in enumerate(sents) if s.start == sent.start)
    for back in range(TOPIC_SENTENCES + 1):
        if at - back < 0:
            break
        found = _countries_in(art, sents[at - back], phrase.start)
        if found:
            found.sort(key=lambda c: (c[2], c[0]))  # subjects first, then the nearest
            code = found[-1][1]
            name = art.resolver.country_name(code)
            if name is None:
                return None
            first = owner.right_edge.i + 1 if owner is not None else phrase.start
            words = [  # "former president" of "the country's former president"
                t.text
                for t in phrase
                if first <= t.i <= head.i and t.tag_ != "POS" and t.lower_ != "the"
            ]
            return code, f"{name}'s {' '.join(words)}"
    return None


def _countries_in(art: CorefArticle, sent: Span, before: int) -> list[tuple[int, str, int]]:
    """(position, country code, standing) of the countries named in ``sent`` before token
    ``before``: standing 2 for a subject of a verb that is no speech verb (or the owner
    or modifier of one), 0 for the subject of a speech verb, 1 otherwise."""
    found: list[tuple[int, str, int]] = []
    speech = set(lexicon()["speech_verbs"])
    for name in art.names:
        if not (sent.start <= name.start and name.end <= min(sent.end, before)):
            continue
        if art.is_person(name.entity):
            continue
        span = art.doc[name.start : name.end]
        code = art.resolver.country(span.text)
        if code is None or art.resolver.org(span.text) is not None:
            continue
        tok = span.root
        while tok.dep_ in ("poss", "compound", "amod", "case") and tok.head.i != tok.i:
            tok = tok.head
        standing = 1
        if tok.dep_ in _SUBJECT_DEPS:
            standing = 0 if tok.head.lemma_ in speech else 2
        found.append((name.start, code, standing))
    return found


def _proper_owner(head: Token) -> bool:
    """A named possessor ("Russia's president", "NATO's secretary general")."""
    return any(t.dep_ == "poss" and t.tag_ in ("NNP", "NNPS") for t in head.lefts)


def _unknown_owner(phrase: Span, head: Token) -> bool:
    """A possessor that is not a person pronoun ("the country's president")."""
    return any(t.dep_ == "poss" and t.lower_ not in ("his", "her") for t in head.lefts)


def _role_entity(
    art: CorefArticle, phrase: Span, key: RoleKey, said: str | None = None
) -> str | None:
    """Stated roles first, then the knowledge base by date, then the last fitting person.

    A stated role loses to the office's holder on the article's date when that holder
    is named in the article too: 'President Obama' quoted in a 2017 story does not make
    'the US President' Obama when Trump is in the story. ``said``: the phrase as the KB
    is asked about it ("North Korea's leader" for "the country's leader")."""
    words = (said or phrase.text).split()
    if words and words[0].lower() in ("his", "her", "its", "their"):
        words[0] = "the"
    if phrase.root.lower_ == "counterpart":
        return _counterpart(art, phrase, key, words)
    past = _past([t.lower_ for t in phrase])
    if any(t.lower_ in FUTURE_WORDS for t in phrase):
        return _elect(art, phrase, key)
    if past:  # "the former leader": the past holder the text has just named
        named = antecedent(art, phrase, lambda e: _held_once(art, e, key))
        if named is not None:
            return named
    link = None if past else art.resolver.role_holder(" ".join(words))
    stated = _from_stated(art, phrase.start, key, past, phrase.root.lower_)
    if stated is not None and not past and (art.resolver.years_out_of_office(stated) or 0.0) > 0:
        # "President Obama signed the law ... the president had met him" in a 2017 story
        # that names Trump: the holder on the article's date, when the article names him
        now = _article_office(art, phrase, key)
        stated = now or stated
    if stated is not None and not (
        link is not None and link.id != stated and link.id in art.people
    ):
        return stated
    if link is not None:
        if link.id not in art.people:
            art.new_links[link.id] = link
            art.people[link.id] = link
        return link.id
    exclude = _other_office(art, key) | _never_held(art, key)
    found = art.last_person_before(phrase.start, key.country, exclude) if key.country else None
    if found is None and past:  # "Kissinger ... the former U.S. Secretary of State"
        found = antecedent(
            art,
            phrase,
            lambda e: (
                e not in exclude
                and not _holds_now(art, e, key)
                and (key.country is None or art.people[e].country in (None, key.country))
            ),
        )
    return found


# a role phrase with one of these words is about whoever takes the office next
FUTURE_WORDS = frozenset({"next", "incoming", "future"})


def _elect(art: CorefArticle, phrase: Span, key: RoleKey) -> str | None:
    """ "The incoming president", "South Korea's next president": not the holder on the
    article's date but the one the article calls president-elect (the nearest before the
    phrase, else the first after), else no one."""
    if key.role not in ("head_of_state", "leader", "president_elect"):
        return None
    elect = [
        (i, s)
        for i, s in art.stated
        if s.role == "president_elect"
        and (key.country is None or art.country_of(s) in (None, key.country))
    ]
    before = [s for i, s in elect if i < phrase.start]
    after = [s for i, s in elect if i > phrase.start]
    found = before[-1] if before else (after[0] if after else None)
    return found.entity if found else None


def _held_once(art: CorefArticle, entity: str, key: RoleKey) -> bool:
    """Whether the article or the knowledge base gives ``entity`` an office that fits
    ``key``, and the KB does not have them in it on the article's date (a past holder:
    "the former leader")."""
    if _holds_now(art, entity, key):
        return False
    never = entity in _never_held(art, key)  # a committee chairman the KB has as a senator
    for _, stated in art.stated:
        role = RoleKey(stated.role, art.country_of(stated), stated.org, stated.region)
        if (
            stated.entity == entity
            and compatible(key, role)
            and not (never and role.role != key.role)
        ):
            return True
    return any(
        compatible(key, RoleKey(role, country)) or _kb_minister(key, role)
        for role, country, _ in art.resolver.offices(entity) or []
    )


def _never_held(art: CorefArticle, key: RoleKey) -> set[str]:
    """People of the article the knowledge base gives other offices only (John McCain, a
    senator, is not "the last Republican president"): the last person named is no holder
    of an office the KB says they never held. (Holding it on another date is allowed: KB
    tenures and article dates are not exact enough to rule that out.)"""
    out: set[str] = set()
    if key.role == "candidate" or ":" in key.role:
        return out  # no office of the KB: a candidacy, a portfolio it does not name
    for entity in art.people:
        offices = art.resolver.offices(entity)
        if offices is not None and not any(
            compatible(key, RoleKey(role, country)) or _kb_minister(key, role)
            for role, country, _ in offices
        ):
            out.add(entity)
    return out


def _holds_now(art: CorefArticle, entity: str, key: RoleKey) -> bool:
    """The KB has the person in an office of this kind on the article's date."""
    return any(
        held and (compatible(key, RoleKey(role, country)) or _kb_minister(key, role))
        for role, country, held in art.resolver.offices(entity) or []
    )


def _kb_minister(key: RoleKey, role: str) -> bool:
    """A plain 'minister' phrase fits any minister of the KB."""
    return key.role == "minister" and role.endswith("_minister")


# what an office of the KB is called in a role phrase ("the Chinese foreign minister")
OFFICE_WORDS = {
    "head_of_state": "president",
    "head_of_government": "prime minister",
    "foreign_minister": "foreign minister",
    "defence_minister": "defence minister",
    "interior_minister": "interior minister",
    "finance_minister": "finance minister",
}


def _counterpart(art: CorefArticle, phrase: Span, key: RoleKey, words: list[str]) -> str | None:
    """ "His Chinese counterpart" holds the office of the person it is relative to, in
    the other country: said of a US secretary of state it is China's foreign minister
    (a stated one first, else the KB's holder on the article's date); unlinked when the
    relative's office is not known."""
    relative = _relative(art, phrase)
    office = _office_of(art, relative) if relative else None
    if office is None or key.country is None:
        return None
    wanted = RoleKey(office, key.country)
    fits = [
        s
        for i, s in art.stated
        if s.role == office and art.country_of(s) == key.country and i != phrase.start
    ]
    if fits:
        return fits[-1].entity
    text = " ".join(words).replace("counterpart", OFFICE_WORDS.get(office, "?"))
    link = art.resolver.role_holder(text) if office in OFFICE_WORDS else None
    if link is None or link.country != wanted.country:
        return None
    if link.id not in art.people:
        art.new_links[link.id] = link
        art.people[link.id] = link
    return link.id


def _relative(art: CorefArticle, phrase: Span) -> str | None:
    """Whom a counterpart is relative to: a named possessor ("Trump's"), the person it is
    joined to ("Tillerson and his counterpart"), the subject of its clause, else the last
    person named before it."""
    head = phrase.root
    for tok in head.lefts:
        if tok.dep_ == "poss" and art.person_at(tok.i):
            return art.person_at(tok.i)
    if head.dep_ == "conj" and art.person_at(head.head.i):
        return art.person_at(head.head.i)
    for anc in head.ancestors:
        for child in anc.children:
            if child.dep_ in ("nsubj", "nsubjpass") and art.person_at(child.i):
                return art.person_at(child.i)
    return art.last_person_before(phrase.start, None)


def _office_of(art: CorefArticle, entity: str) -> str | None:
    """The office the article states for a person, else the one the KB has them hold on
    the article's date (heads of state first)."""
    stated = [s.role for _, s in art.stated if s.entity == entity and s.role in OFFICE_WORDS]
    if stated:
        return stated[0]
    held = {role for role, _, now in art.resolver.offices(entity) or [] if now}
    return next((office for office in OFFICE_WORDS if office in held), None)


def _other_office(art: CorefArticle, key: RoleKey) -> set[str]:
    """People the article gives only roles that cannot be this one: 'Malaysia's deputy
    prime minister' is not the 'Selangor state police chief' named before."""
    fitting: set[str] = set()
    other: set[str] = set()
    for _, stated in art.stated:
        role = RoleKey(stated.role, art.country_of(stated), stated.org, stated.region)
        (fitting if compatible(key, role) else other).add(stated.entity)
    return other - fitting


# roles a phrase names loosely ("the leader", "the minister"): any fitting office will do
GENERIC_ROLES = frozenset({"leader", "minister"})


def _finance_chancellor(art: CorefArticle, stated: StatedRole) -> bool:
    """A 'chancellor' whom the KB gives a finance ministry and never a government's head
    (the UK's Chancellor of the Exchequer): his title states no head of government."""
    if stated.role != "head_of_government" or "chancellor" not in stated.text.lower():
        return False
    roles = {role for role, _, _ in art.resolver.offices(stated.entity) or ()}
    return "finance_minister" in roles and "head_of_government" not in roles


def _from_stated(
    art: CorefArticle, position: int, key: RoleKey, past: bool = False, word: str = ""
) -> str | None:
    """The stated role nearest before ``position`` (else after) that fits ``key``. When a
    fitting person holds the office on the article's date, one the knowledge base has out
    of office does not take a present title ('President Trump met Merkel. President Obama
    had praised NATO. The President also expressed ...' in a 2017 story is Trump), unless
    the phrase says so ('the former president'); an only holder named keeps it."""
    fits = [
        (i, s)
        for i, s in art.stated
        if compatible(key, RoleKey(s.role, art.country_of(s), s.org, s.region))
    ]
    if not past:  # 'former President Barack Obama' is stated as no present president
        fits = [(i, s) for i, s in fits if not _past(s.text.lower().split())]
    gone = {s.entity for _, s in fits if (art.resolver.years_out_of_office(s.entity) or 0.0) > 0}
    if not past and gone and any(s.entity not in gone for _, s in fits):
        fits = [(i, s) for i, s in fits if s.entity not in gone]
    if past:  # "the last Republican president" is not the one in office on the date
        fits = [(i, s) for i, s in fits if not _holds_now(art, s.entity, key)]
    if word != "chancellor":  # "the prime minister" is no Chancellor of the Exchequer
        fits = [(i, s) for i, s in fits if not _finance_chancellor(art, s)]
    if key.role in ("head_of_state", "head_of_government"):
        # a 'head' of no stated country, unknown to the KB ("X's head of retirement
        # policy") leads no state: "the prime minister" is not him
        fits = [
            (i, s)
            for i, s in fits
            if s.role != "leader" or s.country or not s.entity.startswith("local:")
        ]
    never = _never_held(art, key)  # a committee chairman the KB has as a senator
    fits = [(i, s) for i, s in fits if s.role == key.role or s.entity not in never]
    if key.role not in GENERIC_ROLES and any(s.role == key.role for _, s in fits):
        # "the president" is the one the article calls president, not a party chairman
        fits = [(i, s) for i, s in fits if s.role == key.role]
    if word and any(word in s.text.lower().split() for _, s in fits):
        # "the chairman" is the one the article calls chairman, not "Minority Leader X"
        fits = [(i, s) for i, s in fits if word in s.text.lower().split()]
    here = [s for i, s in fits if i == position]  # the phrase is itself a stated role
    if here:
        return here[0].entity
    before = [s for i, s in fits if i < position]
    if before:
        return before[-1].entity
    after = [s for i, s in fits if i > position]
    return after[0].entity if after else None
