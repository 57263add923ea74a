"""Organisation nominals: "the newspaper", "the bureau", "the court" resolved to the
organisation the article named last whose name or kind fits.

"The Washington Post reported ... the newspaper wrote" makes "the newspaper" a mention of
the Washington Post, so a quote it speaks keeps the organisation's id. A nominal only
looks back (``LOOKBACK`` tokens) and only at organisations named in the text:

* a noun that is a word of an organisation's name refers to the last one so named ("the
  Federal Bureau of Investigation ... the bureau", "Preston Crown Court ... the court");
* else the kind of organisation the noun asks for ("the newspaper": media) is read from
  the name ("... News", "... Ministry"), from the KB's sector, or from the noun the text
  puts after or beside the name ("Ouest France newspaper", "Cemex, the cement company");
* two or more organisations that fit, named from the sentence of the nearest one on,
  leave the nominal unlinked ("... the Freedom Party, the Christian Democrats and the D66
  Party ... support for the party": which party is not said);
* another one of the noun brought in unnamed since the organisation was last named ("the
  Constitutional Court ... a court must rule ... the same court") leaves it unlinked.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache

from spacy.tokens import Token

from newsgraph.extractors.doctext import token_lowers
from newsgraph.extractors.entities.coref_article import CorefArticle
from newsgraph.extractors.entities.types import Link, NameSpan, lexicon

LOOKBACK = 400  # tokens


def resolve_org_nominals(art: CorefArticle, orgs: dict[str, Link]) -> None:
    """Add a reference for every definite organisation noun that has one fitting antecedent."""
    kinds = _nouns()
    heads = _head_nouns()
    if not orgs:
        return
    named = [n for n in art.names if n.entity in orgs and orgs[n.entity].type == "ORG"]
    if not named:
        return
    described = _described(art, named)
    lowers = token_lowers(art.doc)
    sents = [s.start for s in art.doc.sents]
    for i, lower in enumerate(lowers):
        kind = kinds.get(lower)
        if kind is None and lower not in heads:
            continue
        if i in art.owner and not _owner_of_role(art, i):
            continue
        if lower == "company" and _in_company_of(lowers, i):
            continue  # "in the company of a bodyguard": companionship, no firm
        if kinds.get(lower) in LOOSE_KINDS and _generic_use(lowers, i):
            continue  # "the group of eight people", "the organisation and delivery of care"
        tok = art.doc[i]
        if tok.tag_ not in ("NN", "NNP"):
            continue
        if i > 0 and f"{lowers[i - 1]} {lower}" in kinds:
            kind = kinds[f"{lowers[i - 1]} {lower}"]  # "the central bank"
        modifier = _named_modifier(art, tok, orgs, kind)
        if modifier is not None:  # "the Islamic State group", "the KVERT group"
            art.add_reference(art.doc[modifier[1] : tok.i + 1], modifier[0], "role")
            continue
        apposed = _apposed(art, tok, orgs)
        if apposed is not None:  # "Europol, the EU's law enforcement agency"
            if apposed[0]:
                art.add_reference(art.doc[apposed[1] : tok.i + 1], apposed[0], "role")
            continue
        start = _definite_start(tok)
        if start is None or _name_goes_on(tok):
            continue
        entity = _antecedent(art, named, orgs, described, tok, start, kind, sents)
        if entity is not None and _another_since(art, named, entity, tok, start):
            entity = None  # "the Constitutional Court ... a court would rule ... the court"
        if entity is not None:
            art.add_reference(art.doc[start : tok.i + 1], entity, "role")


def _another_since(
    art: CorefArticle, named: list[NameSpan], entity: str, tok: Token, start: int
) -> bool:
    """Whether the text brought in another one of the nominal's noun, unnamed, as the
    subject of a clause since it last named ``entity`` ("a court would be required to
    rule"), or in any role earlier in the nominal's own sentence ("a member of a hacking
    group ... said that the group"): the nominal may mean that one, so no link beats a
    wrong one."""
    last = max((n.end for n in named if n.entity == entity and n.start < start), default=None)
    if last is None:
        return False
    sent_start = tok.sent.start
    for other in art.doc[last:start]:
        if other.lower_ != tok.lower_:
            continue
        if other.dep_ not in ("nsubj", "nsubjpass") and other.i < sent_start:
            continue  # a subject brings someone in; "deliver a safer bank" does not; in
            # the nominal's own sentence any one does ("a member of a hacking group ...
            # said the group")
        if any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in other.children):
            return True
    return False


# heads that a named organisation before them describes as itself ("the Islamic State
# group"); an agency or ministry before which a name stands is often a part of it ("the
# UN agency")
_PART_HEADS = frozenset({"agency", "watchdog"})


def _named_modifier(
    art: CorefArticle, tok: Token, orgs: dict[str, Link], kind: str | None
) -> tuple[str, int] | None:
    """The organisation whose name stands right before the noun as its modifier ("the
    Islamic State group"), with where the phrase starts."""
    if kind is None or kind == "government" or tok.lower_ in _PART_HEADS:
        return None
    i = tok.i - 1  # over lower-case modifiers: "the Islamic State terrorist group"
    while i > 0 and tok.doc[i].is_lower and tok.doc[i].head.i == tok.i and i not in art.owner:
        i -= 1
    if i < 0:
        return None
    owner = art.owner.get(i)
    before = tok.doc[i]
    if owner not in orgs or orgs[str(owner)].type != "ORG" or before.head.i not in (tok.i, i + 1):
        return None
    start = i
    while start > 0 and art.owner.get(start - 1) == owner:
        start -= 1
    if start > 0 and tok.doc[start - 1].lower_ == "the":
        start -= 1
    return str(owner), start


def _apposed(art: CorefArticle, tok: Token, orgs: dict[str, Link]) -> tuple[str, int] | None:
    """The organisation a nominal stands beside: in apposition to its name ("Europol,
    the EU's law enforcement agency"), with the name in apposition to it ("the failed
    lender, Mezhprombank"), or right after it as a title ("the main opposition alliance
    Rassemblement"), or named by "known as" or "called" ("the group, known as Blue
    Owl"). ("", start) when the name beside it is no organisation of the
    article (nothing to link, and no earlier one either); None when no name is beside it."""
    doc = tok.doc
    start = tok.left_edge.i
    head = tok.head.i if tok.dep_ == "appos" and tok.head.i < start else None
    if head is None and start >= 2 and doc[start - 1].text == ",":
        head = start - 2  # the parser did not see the apposition: "Europol, the ... agency"
    owner = art.owner.get(head) if head is not None else None
    if owner in orgs and orgs[str(owner)].type == "ORG":
        return str(owner), start
    beside = [c for c in tok.rights if c.dep_ == "appos" and c.pos_ == "PROPN"]
    beside += _known_as(tok)
    if tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN" and doc[tok.i + 1].is_title:
        beside.insert(0, doc[tok.i + 1])
    for name in beside:
        owner = art.owner.get(name.i)
        if owner in orgs and orgs[str(owner)].type == "ORG":
            return str(owner), _definite_start(tok) or start
        if owner is None or owner not in orgs:
            return "", start
    return None


def _known_as(tok: Token) -> list[Token]:
    """The name a nominal is given by "known as", "called" or "named" right after it
    ("the group, known as Blue Owl", "the firm, called Okonbar")."""
    names = []
    for verb in tok.rights:
        if verb.dep_ != "acl" or verb.lemma_ not in ("know", "call", "name"):
            continue
        for child in verb.children:
            if child.dep_ == "oprd" and child.pos_ == "PROPN":
                names.append(child)
            elif child.dep_ == "prep" and child.lower_ == "as":
                names += [g for g in child.children if g.dep_ == "pobj" and g.pos_ == "PROPN"]
    return names


def _definite_start(tok: Token) -> int | None:
    """Where "the (news) agency" starts; None unless the noun phrase is "the" + noun."""
    i = tok.i - 1
    doc = tok.doc
    while i >= 0 and doc[i].dep_ in ("compound", "amod") and doc[i].head.i == tok.i:
        if not doc[i].is_lower:
            return None  # "the Russian news agency" names a country: left to the KB
        i -= 1
    if i >= 0 and doc[i].lower_ == "the" and doc[i].head.i == tok.i:
        return i
    return None


def _name_goes_on(tok: Token) -> bool:
    """A name goes on ("the bureau of Alcohol, Tobacco, Firearms and Explosives")."""
    doc = tok.doc
    return (
        tok.i + 2 < len(doc)
        and doc[tok.i + 1].lower_ == "of"
        and (doc[tok.i + 2].is_title or doc[tok.i + 2].is_upper)
        and doc[tok.i + 2].is_alpha
    )


def _described(art: CorefArticle, named: list[NameSpan]) -> dict[str, set[str]]:
    """Nouns the text puts right after an organisation's name or in apposition with it
    ("Ouest France newspaper", "Cemex, the cement company"), by entity."""
    doc, nouns = art.doc, _describers()
    found: dict[str, set[str]] = {}
    for name in named:
        words = set()
        if name.end < len(doc) and doc[name.end].lower_ in nouns:
            words.add(doc[name.end].lower_)
        if name.start > 0 and doc[name.start - 1].lower_ in nouns:
            words.add(doc[name.start - 1].lower_)  # "vehicle manufacturer BYD"
        root = doc[name.start : name.end].root
        head = root.head
        compound = root.dep_ == "compound" and head.i >= name.end and head.is_lower
        if compound and head.lower_ in _all_kinds():  # "the Mandate trade union": a union
            words.add(head.lower_)
        for c in root.children:
            if c.dep_ != "appos":
                continue
            if c.lower_ in nouns:
                words.add(c.lower_)
            pair = f"{doc[c.i - 1].lower_} {c.lower_}"
            if pair in nouns:  # "People's Bank of China, the central bank"
                words.add(pair)
        if words:
            found.setdefault(name.entity, set()).update(words)
    return found


def _antecedent(
    art: CorefArticle,
    named: list[NameSpan],
    orgs: dict[str, Link],
    described: dict[str, set[str]],
    tok: Token,
    start: int,
    kind: str | None,
    sents: list[int],
) -> str | None:
    """The one organisation the nominal can mean: by a word of its name, else by kind."""
    before = [n for n in named if n.start < start and tok.i - n.start <= LOOKBACK]
    word = tok.lower_
    by_name = [n for n in before if _name_has(art, orgs[n.entity], n, word)]
    by_kind = [n for n in before if kind and _fits(orgs[n.entity], kind, described, n, word)]
    told_kind = [
        n for n in by_kind if kind in {_all_kinds()[w] for w in described.get(n.entity, ())}
    ]
    if kind not in LOOSE_KINDS and told_kind:  # the text's own word beats a guess from a
        # name ("the central bank" of an apposition, not the Bank of China named later)
        by_kind = told_kind
        kept = {n.entity for n in told_kind}
        by_name = [n for n in by_name if n.entity in kept]
    told = _told_apart(art, tok, start, by_name or by_kind, orgs)
    if told:  # "the dealer association": the one with "Dealers" in its name
        return _only_one(art, told)
    if by_name:
        # another organisation of a specific kind near it makes it ambiguous too ("the
        # Christian Democrats and the D66 Party ... the party")
        rivals = [n for n in by_kind if kind not in LOOSE_KINDS and n not in by_name]
        return _only_one(art, sorted(by_name + rivals, key=lambda n: n.start))
    if kind in LOOSE_KINDS:  # most organisations fit: the last one named, if near enough
        for name in reversed(by_kind):
            if _near_enough(art, orgs, described, name, before, tok, kind, sents):
                return str(name.entity)
        return None
    return _only_one(art, by_kind)


# how far back (in sentences) a loose nominal ("the company", "the group") looks for an
# organisation named once: one the text shows is of the kind (a business for "the
# company"; any organisation for "the group") within WIDE_SENTENCES, one only not shown
# to be another kind within NEAR_SENTENCES; one named SALIENT times before is found
# anywhere in the look-back ("Check out the final Sweet Sixteen ... AT UBER RIGHT NOW
# The president of the company" is not the basketball round)
NEAR_SENTENCES = 1
WIDE_SENTENCES = 5
SALIENT = 2


def _near_enough(
    art: CorefArticle,
    orgs: dict[str, Link],
    described: dict[str, set[str]],
    name: NameSpan,
    before: list[NameSpan],
    tok: Token,
    kind: str | None,
    sents: list[int],
) -> bool:
    if sum(n.entity == name.entity for n in before) >= SALIENT:
        return True
    shown = kind != "business" or _business(orgs[name.entity], described, name) is True
    gap = bisect_right(sents, tok.i) - bisect_right(sents, name.start)
    return gap <= (WIDE_SENTENCES if shown else NEAR_SENTENCES)


def _told_apart(
    art: CorefArticle, tok: Token, start: int, fitting: list[NameSpan], orgs: dict[str, Link]
) -> list[NameSpan]:
    """The fitting organisations with a word of the nominal's own modifiers in their name
    ("the dealer association" after the China Automobile Dealers Association and the
    China Association of Automobile Manufacturers: the dealers')."""
    mods = [
        t.lower_
        for t in art.doc[start + 1 : tok.i]
        if t.dep_ in ("compound", "amod") and t.is_alpha and len(t) > 3
    ]
    if not mods:
        return []
    stems = {m.rstrip("s") for m in mods}
    found = []
    for name in fitting:
        written = {t.lower_.rstrip("s") for t in art.doc[name.start : name.end]}
        if stems & written:
            found.append(name)
    return found


def _generic_use(lowers: list[str], i: int) -> bool:
    """A loose nominal used of no organisation: "of" right after it ("the group of eight
    people"; a name after "of" was taken as a name before), or "and" a noun and "of"
    ("the organisation and delivery of care")."""
    nxt = lowers[i + 1 : i + 4]
    return bool(nxt) and (nxt[0] == "of" or (nxt[0] == "and" and "of" in nxt[2:3]))


def _owner_of_role(art: CorefArticle, i: int) -> bool:
    """Token ``i`` is the possessor inside a role phrase ("the federation's president"):
    the role is a person's, the possessor still an organisation of its own."""
    tok = art.doc[i]
    return (
        tok.dep_ == "poss"
        and art.owner.get(i) in art.people
        and art.owner.get(tok.head.i) == art.owner.get(i)
    )


def _in_company_of(lowers: list[str], i: int) -> bool:
    """ "in the company of", "keep ... company": companionship."""
    after_of = i + 1 < len(lowers) and lowers[i + 1] == "of"
    return (after_of and i >= 2 and lowers[i - 2] in ("in", "into")) or (
        i >= 2 and lowers[i - 2] in ("keep", "kept", "keeping")
    )


# kinds most organisations of an article fit ("the company", "the group"): the nearest
# one, never ambiguous (judged on the seed-9624 pool: an ambiguity test there lost four
# right links for three wrong ones)
LOOSE_KINDS = frozenset({"any", "business"})


def _only_one(art: CorefArticle, fitting: list[NameSpan]) -> str | None:
    """The entity of the last fitting mention, unless another fits from its sentence on."""
    if not fitting:
        return None
    last = fitting[-1]
    sent_start = art.doc[last.start].sent.start
    near = {n.entity for n in fitting if n.start >= sent_start}
    return str(last.entity) if len(near) == 1 else None


def _name_has(art: CorefArticle, link: Link, name: NameSpan, word: str) -> bool:
    """Whether ``word`` is a word of the organisation's name as written or as the KB
    knows it ("bureau" of the FBI)."""
    written = {t.lower_ for t in art.doc[name.start : name.end]}
    if word in written:
        return True
    if not link.id.startswith("local:"):
        return any(word in n.lower().split() for n in [link.name, *art.resolver.org_names(link.id)])
    return False


# loose nominals that are never said of a newspaper or broadcaster
NOT_MEDIA = frozenset({"organisation", "organization", "charity", "watchdog"})


def _fits(
    link: Link, kind: str, described: dict[str, set[str]], name: NameSpan, noun: str = ""
) -> bool:
    if link.type != "ORG":
        return False
    told = {_all_kinds()[w] for w in described.get(name.entity, ())}
    words = {w.lower().strip(".") for w in link.name.split()}
    cues = _kind_words()
    if kind == "any" and noun in NOT_MEDIA and "media" not in told:
        # "told ABC News that as far as the organization knows": the JCC Association's
        return link.sector != "MED" and not words & cues["media"]
    if kind == "any" or kind in told:
        return True
    if kind == "media":
        return link.sector == "MED" or bool(words & cues["media"])
    if kind == "government":
        return link.sector == "GOV" or bool(words & cues["government"])
    if kind == "party":
        return link.sector == "PTY" or bool(words & cues["party"])
    if kind == "armed":  # "the armed group": a militant organisation, not the Pentagon
        return link.sector == "REB" or bool(words & cues["armed"])
    if kind == "central_bank":  # the Federal Reserve, the Bank of England
        return bool(words & cues["central_bank"]) or link.name.startswith("Bank of")
    if kind == "business":
        return _business(link, described, name) is not False
    return False


def _business(link: Link, described: dict[str, set[str]], name: NameSpan) -> bool | None:
    """Whether an organisation is a business: True when the KB's sector, a word of its
    name ("... Corp", "... Airlines") or a noun the text gives it ("vehicle manufacturer
    BYD", "Cemex, the cement company") says so; False when they say it is another kind
    (a court, a newspaper, a party, a university, a KB sector other than business);
    None when nothing tells."""
    told = {_all_kinds()[w] for w in described.get(name.entity, ())}
    words = {w.lower().strip(".,") for w in link.name.split()}
    cues = _kind_words()
    if link.sector == "BUS" or "business" in told or words & cues["business"]:
        return True
    other = set().union(*(cues[k] for k in cues if k != "business"))
    if told or link.sector is not None or words & other:
        return False
    return None


@lru_cache(maxsize=1)
def _nouns() -> dict[str, str]:
    return dict(lexicon()["org_nominals"])


@lru_cache(maxsize=1)
def _describers() -> dict[str, str]:
    """Nouns that tell an organisation's kind beside its name: the nominals, and nouns
    for a business ("manufacturer", "giant")."""
    return {**{w: "business" for w in lexicon()["business_describers"]}, **_nouns()}


@lru_cache(maxsize=1)
def _all_kinds() -> dict[str, str]:
    """The describers and the kind words of the other kinds ("union", "court": from
    ``org_kind_words``, whole nouns only), for the noun a name modifies ("the Mandate
    trade union")."""
    kinds = {
        w: kind
        for kind, words in lexicon()["org_kind_words"].items()
        if kind not in ("business", "central_bank")
        for w in words
        if len(w) > 3 and w.isalpha()
    }
    return {**kinds, **_describers()}


@lru_cache(maxsize=1)
def _head_nouns() -> frozenset[str]:
    return frozenset(lexicon()["org_name_nominals"])


@lru_cache(maxsize=1)
def _kind_words() -> dict[str, frozenset[str]]:
    return {k: frozenset(v) for k, v in lexicon()["org_kind_words"].items()}
