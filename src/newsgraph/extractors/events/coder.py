"""Dyadic event coding: who did what to whom, in PLOVER types with CAMEO codes.

``find_events(doc)`` reads a parsed English spaCy Doc sentence by sentence. Event
words (verbs and nominalisations) come from the pattern files in
``data/events/``; frame words ('agree to', 'threaten to', 'refuse to', 'call on X
to', 'lift') are coded through their complement event; the CAMEO code gives the
PLOVER type and mode (crosswalk) and the Goldstein intensity. Coding rules, and how
denials and accusations are handled, are in docs/events.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from collections.abc import Set as AbstractSet

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsgraph.extractors.doctext import climb_to_root
from newsgraph.extractors.events import domain, roles, speech, tables
from newsgraph.extractors.events.actor_words import GROUP_HEADS
from newsgraph.extractors.events.arguments import across_break, dashed_off, land_of, military
from newsgraph.extractors.events.coded import (
    UNCERTAIN,
    ActorResolver,
    Coded,
    _dedupe,
    _to_event,
    when_still_to_come,
)
from newsgraph.extractors.events.patterns import (
    conjuncts,
    is_actor,
    match_trigger,
    prep_governs,
    with_partner,
)
from newsgraph.extractors.events.senses import visited_place
from newsgraph.extractors.events.tables import Pattern
from newsgraph.kb.actor_codes import agent_sector
from newsgraph.records import Event, Quote, TimeExpr

COMPLEMENT_DEPS = frozenset(
    {
        "xcomp",
        "ccomp",
        "dobj",
        "prep",
        "pobj",
        "pcomp",
        "acl",
        "nsubjpass",
        "attr",
        "dative",
        "relcl",
        "conj",
        "appos",
    }
)
BACKGROUND_DEPS = frozenset({"relcl", "acl", "advcl"})
STOP_DEPS = frozenset({"nsubj", "advcl", "csubj", "mark", "punct"})


def find_events(
    doc: Doc,
    *,
    actors: ActorResolver | None = None,
    times: Sequence[TimeExpr] = (),
    published: str | None = None,
    background: bool = False,
    quotes: Sequence[Quote] | None = None,
    retrospective: bool = False,
) -> list[Event]:
    """Every coded event in ``doc``, sentence by sentence, in text order.

    ``actors(start, end)`` resolves an argument's character span to an actor (the
    entity layer plugs in here); without it, or when it returns None, the actor is
    named by its text. ``times`` are the article's time expressions; an event's date
    is the one nearest its trigger in the same sentence, else ``published``. Events in
    background clauses (relative and adverbial clauses, adjunct phrases) are coded
    only when the sentence's main clauses carry none, unless ``background`` is set.
    ``quotes`` (the quote layer's records; found here when not given) tell who speaks,
    for acts made only in someone's words: denials, criticism, impersonal proposals.
    A ``retrospective`` article (a timeline: see ``coded.retrospective``) dates no act
    the publication day unless its own clause does.
    """
    events: list[Event] = []
    spoken = speech.SpeechIndex(doc, quotes)
    quoted = [(q.start, q.end) for q in quotes or () if q.direct]
    for sent in doc.sents:
        for coded in code_sentence(sent, background=background, spoken=spoken):
            event = _to_event(coded, sent, actors, times, published, quoted, retrospective)
            if event is not None:
                events.append(event)
    return _dedupe(events)


# the code of a refusal to do something hostile: its words are consumed, nothing is coded
HELD_BACK = "held-back"


def code_sentence(
    sent: SpacySpan, *, background: bool = False, spoken: speech.SpeechIndex | None = None
) -> list[Coded]:
    """Code the triggers of one sentence; frames consume their complements.

    Background events (see ``is_background``) are kept when ``background`` is set or
    when no main-clause event was coded. With ``spoken``, denials and criticism made in
    someone's words are coded too, with the speaker as source.
    """
    triggers = {t.i: p for t in sent if (p := match_trigger(t)) is not None}
    out, denied = _spoken_acts(sent, triggers, spoken) if spoken is not None else ([], set())
    consumed: set[int] = {i for c in out for i in c.consumed}
    for i in sorted(triggers, key=lambda i: (_depth(sent.doc[i]), i)):
        if i in consumed:
            continue
        token = sent.doc[i]
        coded_here = _code_trigger(token, triggers)
        for coded in coded_here:
            consumed |= coded.consumed
            if coded.code != HELD_BACK:
                out.append(coded)
        if coded_here:  # a verb that codes nothing ("ended") leaves its nouns ("talks") free
            consumed |= _nouns_in_clause(token, triggers)
    out.extend(_obligations(sent, triggers, consumed))
    for coded in out:
        if coded.trigger.i in denied:
            coded.negated = True
    if spoken is not None:
        _speaker_proposals(out, spoken)
    out = [
        c for c in out if domain.reported_act(c.trigger, c.code, c.sources, spoken=bool(c.speaker))
    ]
    main = [c for c in out if not is_background(c.trigger)]
    chosen = out if background or not main else main
    return sorted(chosen, key=lambda c: c.trigger.i)


def _spoken_acts(
    sent: SpacySpan, triggers: dict[int, Pattern], spoken: speech.SpeechIndex
) -> tuple[list[Coded], set[int]]:
    """Denials and criticism in reported speech, the speaker as source (event_speech),
    and the triggers whose events the speaker denies ('it is wrong to say that X ...':
    they are still coded, negated). A claim noun called false is the denial itself."""
    out: list[Coded] = []
    denied: set[int] = set()
    if not spoken.may_speak_in(sent.start_char, sent.end_char):
        return out, denied
    for act in speech.speech_acts(sent, triggers):
        speaker = spoken.speaker_at(act.token.idx)
        if speaker is None:
            continue
        own = {act.token.i} if act.absorbs else set()
        out.append(Coded(act.token, act.code, [], act.targets, speaker=speaker, consumed=own))
        denied |= act.negates
    return out, denied


def _speaker_proposals(out: list[Coded], spoken: speech.SpeechIndex) -> None:
    """'It would be useful to exchange intelligence', he said: the speaker proposes it."""
    for coded in out:
        unsourced = not coded.sources and coded.speaker is None
        if unsourced and (
            speech.impersonal_infinitive(coded.trigger) or _talked_with(coded.trigger)
        ):
            coded.speaker = spoken.speaker_at(coded.trigger.idx)


def _talked_with(verb: Token) -> bool:
    """'the case would be discussed with Tillerson when he visits Ankara', Cavusoglu said:
    a talk in the passive with no agent, told by one side, with the other side named
    after 'with': the speaker's side talks."""
    if verb.lemma_.lower() not in ("discuss", "raise", "negotiate", "debate"):
        return False
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return False
    if any(c.dep_ == "agent" for c in verb.children):
        return False
    return with_partner(verb)


def is_background(token: Token) -> bool:
    """Whether a trigger sits in a background clause: a relative or adverbial clause
    ('property seized by ...', 'if it is attacked', 'to demand ...') or an adjunct
    phrase of a verb ('after the talks', 'in an attack')."""
    node = token
    for _ in range(40):
        if node.dep_ in BACKGROUND_DEPS:
            return True
        head = node.head
        if head == node:
            return False
        in_adjunct = node.dep_ in ("pobj", "pcomp") and head.dep_ == "prep"
        if in_adjunct and head.head.pos_ in ("VERB", "AUX"):
            return True
        node = head
    return False


def _obligations(sent: SpacySpan, triggers: dict[int, Pattern], consumed: set[int]) -> list[Coded]:
    """'X said Y must do Z' without a coded Z: a demand by X on Y (CAMEO 100)."""
    out = []
    for token in sent:
        if token.i in triggers or token.pos_ != "VERB" or token.dep_ != "ccomp":
            continue
        if not any(c.dep_ == "aux" and c.lower_ == "must" for c in token.children):
            continue
        if _own_duty(token):
            continue  # 'the minister said that we must respond sensitively': no one is asked
        if _thing_must(token):
            continue  # 'any Brexit deal must not encourage other countries to ...': a condition
        if token.head.lemma_.lower() in tables.lexicon()["reporting_verbs"]:
            out.append(
                Coded(
                    token,
                    "100",
                    roles.subject_of(token.head),
                    roles.subject_of(token),
                    modality="obligation",
                    consumed={token.i},
                )
            )
    return out


def _own_duty(verb: Token) -> bool:
    """'we must ...', 'I must ...': what the speaker owes, not a demand on anyone; nor is
    'denuclearization must be carried out within the framework of ...', which names no
    one who must act."""
    kids = list(verb.children)
    if any(c.dep_ == "nsubj" and c.lower_ in ("we", "i") for c in kids):
        return True
    return any(c.dep_ == "auxpass" for c in kids) and not any(c.dep_ == "agent" for c in kids)


def _thing_must(verb: Token) -> bool:
    """The subject of a 'must' clause is a thing ('any Brexit deal'), not someone who can
    be asked (a pronoun is left to the entity layer: 'they must ...')."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return bool(subjects) and all(
        s.pos_ in ("NOUN", "PROPN") and not roles.actor_tokens([s]) for s in subjects
    )


def _depth(token: Token) -> int:
    return climb_to_root(token.doc, token.i)[0]


def _nouns_in_clause(token: Token, triggers: dict[int, Pattern]) -> set[int]:
    """Noun triggers inside the trigger's own clause: arguments or re-mentions of it."""
    found: set[int] = set()
    todo = list(token.children)
    while todo:
        node = todo.pop()
        if node.pos_ in ("VERB", "AUX") and node.dep_ not in ("amod", "compound"):
            continue
        if node.i in triggers:
            found.add(node.i)
        todo.extend(node.children)
    return found


def _code_trigger(token: Token, triggers: dict[int, Pattern]) -> list[Coded]:
    """One trigger's event(s): a frame is composed with its complement, then flagged."""
    pattern = triggers[token.i]
    frame = tables.frame_of_code().get(pattern.code)
    complement = _complement(token, triggers) if frame else None
    if frame == "deny":
        return _code_denial(token, pattern, complement, triggers)
    coded = _inner_code(token, triggers, set())
    if coded is None:
        return []
    if coded.code == HELD_BACK:
        return [coded]  # consumed, not coded (code_sentence drops it)
    coded.negated = roles.is_negated(token)
    coded.modality = roles.modality_of(token) or when_still_to_come(token)
    _apply_uncertainty(coded, frame)
    if frame and complement is not None and complement.i in coded.consumed:
        _listed_with(coded, complement, triggers)
    return [coded]


def _listed_with(coded: Coded, complement: Token, triggers: dict[int, Pattern]) -> None:
    """'Russia has declined to extradite or cooperate in the arrest of ...', 'refused to
    meet or negotiate with the United States': the acts joined to a frame's complement
    are under the frame too (refused, promised, asked for), never done. They are taken
    into the frame's event, which takes their target when it has none."""
    for other in complement.conjuncts:
        if other.i <= complement.i or other.i not in triggers or other.i in coded.consumed:
            continue
        inner = _inner_code(other, triggers, {coded.trigger.i})
        coded.consumed.add(other.i)
        if inner is None:
            continue
        coded.consumed |= inner.consumed
        if not coded.targets:
            coded.targets = _other(inner.targets, coded.sources)


def _inner_code(token: Token, triggers: dict[int, Pattern], seen: AbstractSet[int]) -> Coded | None:
    """The code of a trigger, composed through frames recursively (no flags yet)."""
    seen = seen | {token.i}
    pattern = triggers[token.i]
    frame = tables.frame_of_code().get(pattern.code)
    sources = roles.subject_of(token)
    targets = roles.objects_of(token, pattern.prep, pattern.obj)
    code = pattern.code
    consumed = {token.i}
    complement = _complement(token, triggers, seen) if frame and frame != "deny" else None
    if frame and complement is not None:
        inner = _inner_code(complement, triggers, seen)
        composed = tables.compose(frame, inner.code) if inner else None
        if frame == "demand" and inner and _ordered_coercion(token, inner.code):
            composed = inner.code  # 'a court ordered a journalist to be jailed': it jails him
        held_back = complement.pos_ in ("VERB", "AUX") and complement.dep_ in ("xcomp", "ccomp")
        if frame == "reject" and inner is not None and composed is None and held_back:
            # 'declined to criticise the US', 'refused to condemn Russia': holding back from
            # a hostile act rejects no one, and the act was not done: neither is coded (not
            # 'opposed the deployment of ...', a rejection of someone's act)
            return Coded(token, HELD_BACK, [], [], consumed=consumed | inner.consumed)
        if inner and composed:
            code = composed
            consumed |= inner.consumed
            asked = frame == "appeal" and any(
                c.dep_ == "dobj" and c.pos_ in ("NOUN", "PRON") for c in token.children
            )  # 'asked participants to stop displaying Ocalan flags': not Ocalan
            if frame == "accuse":  # 'They are accused of killing X's half-brother': not X
                targets = targets or _other(inner.sources, sources)
            elif not asked:
                targets = targets or inner.targets or _other(inner.sources, sources)
    if code == "-":
        return None
    ordered = _own_people_ordered(token) if frame in ("demand", "appeal") else []
    if ordered and not _ordered_coercion(token, code):
        targets = ordered
    if code == "161" and token.lemma_.lower() == "recall":
        sources, targets = _recalled(token, sources, targets)
    if frame == "reject" and complement is None and not targets:
        targets = _refused_dealing(token)  # 'ruled out engaging the North': North Korea
    if code == "110" and token.lemma_.lower() == "protest" and _crowd(sources):
        code = "141"  # 'activists protested against the ministry': they demonstrated
    if code.startswith("19") and token.lemma_.lower() == "attack" and _by_words(token):
        code = "111"  # 'chose to attack Blumenthal by saying he misled the public': words
    if code.startswith("19") and token.lemma_.lower() == "attack" and _for_a_reason(token):
        code = "111"  # 'has attacked the intelligence community for the leaks': blame
    restated = _restated_refusal(token) if code == "030" else None
    if restated is not None:  # "reaffirmed Russia's denial of any official involvement"
        code = restated  # the denial's owner is the denier's side, not its target
        targets = [t for t in targets if t.dep_ != "poss"]
    if code == "030" and _hostile_aim(token):
        code = "130"  # 'Trump has vowed to eliminate the group': a threat to it, no promise
    avenged = _avenged(token) if code == "030" else set()
    if avenged:  # 'vowed to avenge the commander': a threat to his killers, often unnamed
        code = "130"
        targets = [t for t in targets if t.i not in avenged]
    taken = code in ("173", "1711") and token.lemma_.lower() in ("capture", "seize")
    if taken and _place_taken(token):
        code = "192"  # 'Islamic State fighters captured Kirkuk': a place occupied, no arrest
    troops = bool(sources) and all(military(t, by_compound=False) for t in sources)
    if code == "042" and token.lemma_.lower() == "arrive" and troops and not _for_talks(token):
        code = "154"  # 'US Marines have arrived in northern Syria': a deployment, no visit
    elif code == "042" and _armed_coming(token, sources, troops=troops):
        # 'the army paid a visit to the village', 'militants arrived at her village': armed
        # men coming to a place, a raid or an assault the clause does not name; no visit
        return None
    host = visited_place(token) if code == "042" and token.pos_ == "VERB" else None
    if host is not None:
        targets = [host]  # 'came to the Victory Parade in Moscow': Russia hosts the visit
    met = _met_on_visit(token) if code == "042" and token.pos_ == "VERB" else []
    if met:
        targets = met  # 'arrived at the Naval Observatory for breakfast with Pence': Pence
    if not targets and token.pos_ == "VERB":
        # 'agreed to enter talks during a series of telephone calls with Mrs May': May
        targets = _occasion_partners(token)
    elif code.startswith("03") and token.pos_ == "VERB" and all(t.dep_ == "poss" for t in targets):
        # "reaffirmed Washington's policy in a call with Xi": a pledge of one's own
        # side's policy is made to the partner of the call, not to the policy's owner
        targets = _occasion_partners(token) or targets
    if not targets and code.startswith(("02", "10")):
        targets = _for_clause_subject(token)  # 'pushed for Moscow to be punished'
    return Coded(token, _remote(token, code), sources, targets, consumed=consumed)


def _recalled(
    verb: Token, sources: list[Token], targets: list[Token]
) -> tuple[list[Token], list[Token]]:
    """An envoy recalled: the envoy's state recalls ('The Japanese ambassador was recalled
    from Seoul': Japan), from the state the envoy was posted in (Seoul: South Korea)."""
    heads = [verb, *(c for c in verb.children if c.dep_ in ("dobj", "nsubjpass"))]
    posted = [
        g
        for h in heads
        for c in h.children
        if c.dep_ == "prep" and c.lower_ == "from"
        for g in c.children
        if g.dep_ == "pobj" and is_actor(g)
    ]
    envoy = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if not sources and envoy:
        sources, targets = envoy, [t for t in targets if t not in envoy]
    return sources, posted or targets


def _refused_dealing(verb: Token) -> list[Token]:
    """Whom a refusal keeps away from: the object of the dealing it refuses, when that
    dealing is no coded act ('ruled out engaging the North', 'refused to recognise
    Kosovo')."""
    for child in verb.children:
        if child.dep_ not in ("xcomp", "advcl", "pcomp") or child.pos_ != "VERB":
            continue
        if child.dep_ == "advcl" and (
            child.tag_ != "VBG" or any(c.dep_ == "mark" for c in child.children)
        ):
            continue  # only a gerund hung on the verb, not a clause of its own
        objects = [g for g in child.children if g.dep_ == "dobj" and is_actor(g)]
        if objects:
            return objects
    return []


# what a visitor comes for, with someone ('for talks with Trump')
MEETINGS = frozenset(
    {"talk", "talks", "meeting", "breakfast", "lunch", "dinner", "consultation", "summit",
     "negotiation", "discussion"}
)  # fmt: skip


def _for_clause_subject(verb: Token) -> list[Token]:
    """Who a demand is that something be done to or by: the subject of its 'for X to ...'
    clause ('pushed for Moscow to be punished', 'called for Iran to free the sailors')."""
    return [
        g
        for c in verb.children
        if c.dep_ in ("advcl", "ccomp", "xcomp")
        and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
        for g in c.children
        if g.dep_ in ("nsubj", "nsubjpass") and is_actor(g)
    ]


CALLS = frozenset({"call", "conversation", *MEETINGS})


def _occasion_partners(verb: Token) -> list[Token]:
    """Whom an act was done with on the occasion it was done at: 'in a phone call with
    Xi', 'during talks with May', 'during a series of calls with Mrs May'."""
    found: list[Token] = []
    verbs = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
    for prep in (p for v in verbs for p in v.children):
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "during", "at", "over"):
            continue
        for noun in prep.children:
            if noun.dep_ != "pobj":
                continue
            if noun.lemma_.lower() == "series":  # 'a series of calls with ...'
                noun = next(
                    (g for p in noun.children if p.lower_ == "of" for g in p.children), noun
                )
            if noun.lemma_.lower() in CALLS:
                found += _with_whom(noun)
    return found


def _with_whom(noun: Token) -> list[Token]:
    """The actors after the noun's 'with' ('talks with Trump', 'breakfast with Pence')."""
    return [
        g
        for p in noun.children
        if p.dep_ == "prep" and p.lower_ == "with"
        for g in p.children
        if g.dep_ == "pobj" and is_actor(g)
    ]


def _met_on_visit(verb: Token) -> list[Token]:
    """Whom a visit is made to meet: 'arrived at the Naval Observatory for breakfast with
    Pence', 'went to the club on Friday to meet the Freedom Caucus' -> Pence, the
    caucus; the host the clause names, rather than the building or city it happened in.
    Empty when no one is named."""
    found: list[Token] = []
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "for":
            for noun in child.children:
                if noun.dep_ == "pobj" and noun.lemma_.lower() in MEETINGS:
                    found += _with_whom(noun)
        purpose = child.dep_ in ("advcl", "xcomp") and child.lemma_.lower() in ("meet", "see")
        if purpose and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children):
            found += [g for g in child.children if g.dep_ == "dobj" and is_actor(g)]
    return found


def _own_people_ordered(verb: Token) -> list[Token]:
    """'Corbyn ordered his MPs to support the government's bill', 'urged his supporters
    to worry about terror': whom a demand or an appeal is made to, when they are the source's own ('his MPs', 'its soldiers') and the infinitive
    says what they are to do, is its target, not the infinitive's object (the object
    filter drops a pronoun-owned object as the source's means)."""
    ordered = [c for c in verb.children if c.dep_ == "dobj"]
    told = any(c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") for c in verb.children)
    if len(ordered) != 1 or not told:
        return []
    obj = ordered[0]
    if not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in obj.children):
        return []
    return roles.actor_tokens(conjuncts(obj))


def _ordered_coercion(token: Token, code: str) -> bool:
    """An order to arrest, jail, detain or deport someone is that coercion, done by whoever
    has the power to order it (CAMEO 17): 'ordered a journalist to be jailed', 'ordered
    the arrest of two officers'; not a demand made of someone."""
    return token.lemma_.lower() == "order" and code.startswith("17")


# sectors of people who protest in the street, not by a note ('China protested to Japan')
CROWD_SECTORS = frozenset({"OPP", "CVL", "LAB", "EDU", "AGR", "HLH", "REF"})


# what a vow can aim at someone that no trigger codes ('vowed to eliminate the group')
HOSTILE_AIMS = frozenset(
    {"eliminate", "defeat", "crush", "wipe", "annihilate", "eradicate", "obliterate",
     "smash", "topple", "overthrow", "oust", "exterminate"}
)  # fmt: skip


def _hostile_aim(verb: Token) -> bool:
    """A vow, pledge or promise to do one of ``HOSTILE_AIMS`` to someone."""
    if verb.lemma_.lower() not in ("vow", "pledge", "promise", "swear"):
        return False
    return any(
        c.dep_ == "xcomp"
        and c.lemma_.lower() in HOSTILE_AIMS
        and any(g.dep_ == "dobj" for g in c.children)
        for c in verb.children
    )


def _avenged(verb: Token) -> set[int]:
    """The token indices of whom (or what) a vow 'to avenge' or 'to take revenge for' is
    for: the victim, never the one threatened (session 14, events types)."""
    if verb.lemma_.lower() not in ("vow", "pledge", "promise", "swear"):
        return set()
    for c in verb.children:
        if c.dep_ == "xcomp" and c.lemma_.lower() in ("avenge", "revenge"):
            return {t.i for g in c.children if g.dep_ in ("dobj", "prep") for t in g.subtree} | {
                c.i
            }
    return set()


def _by_words(verb: Token) -> bool:
    """An attack made 'by saying', 'by calling', 'by tweeting' ...: in words."""
    speech_verbs = set(tables.lexicon()["reporting_verbs"]) | {"call", "tweet", "label", "brand"}
    return prep_governs(verb, "by", speech_verbs, dep="pcomp")


def _for_a_reason(verb: Token) -> bool:
    """An attack 'for' what someone did ('attacked the intelligence community for the
    leaks'): blame in words; force is not dealt out 'for' a deed (a time after 'for',
    'for hours', 'for the second day', is no reason)."""
    for child in verb.children:
        if child.dep_ != "prep" or child.lower_ != "for":
            continue
        objects = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
        if objects and all(g.ent_type_ not in ("DATE", "TIME") for g in objects):
            return True
    return False


# what a restated word refuses or denies: 'reaffirmed its denial' repeats the denial
RESTATED_REFUSALS = {"denial": "016", "rejection": "120", "refusal": "120", "opposition": "120"}


def _restated_refusal(verb: Token) -> str | None:
    """'He reaffirmed Russia's denial of any official involvement': restating a denial
    or a rejection is that denial (016) or rejection (120) again, no promise (030)."""
    for child in verb.children:
        if child.dep_ == "dobj" and child.lemma_.lower() in RESTATED_REFUSALS:
            return RESTATED_REFUSALS[child.lemma_.lower()]
    return None


def _place_taken(verb: Token) -> bool:
    """The object of a capture is a named place (a city, a region, a country)."""
    placed = any(c.dep_ == "dobj" and c.ent_type_ in ("GPE", "LOC", "FAC") for c in verb.children)
    return placed or bool(land_of(verb))  # 'seized large chunks of Iraq and Syria'


def _crowd(sources: Sequence[Token]) -> bool:
    """A crowd as the subject: people of a civilian sector ('activists', 'students'), or
    counted people ('10,000 people', 'thousands')."""
    if not sources:
        return False
    head = sources[0]
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head != head.head:
        head = head.head.head  # 'tens of thousands of Syrians took to the streets to protest'
    counted = head.like_num or head.lower_ in GROUP_HEADS
    counted = counted or any(c.like_num or c.lower_ in GROUP_HEADS for c in head.children)
    return (
        counted
        or agent_sector(head.lemma_) in CROWD_SECTORS
        or (agent_sector(head.lower_) in CROWD_SECTORS)
    )


def _remote(token: Token, code: str) -> str:
    """A consultation held by phone or video is CAMEO 041 (PLOVER CONSULT, mode phone)."""
    if code not in ("040", "046"):
        return code
    words = set(tables.lexicon()["remote_words"])
    near = [c for c in token.subtree if c.i != token.i and abs(c.i - token.i) <= 6]
    return "041" if any(c.lower_ in words for c in near) else code


def _other(candidates: list[Token], sources: list[Token]) -> list[Token]:
    """Complement subjects that are not the frame's own subject ('demanded that the US cancel')."""
    own = {s.i for s in sources}
    return [c for c in candidates if c.i not in own and c.pos_ != "PRON"]


def _complement(
    token: Token, triggers: dict[int, Pattern], seen: AbstractSet[int] = frozenset()
) -> Token | None:
    """The nearest trigger in the frame word's complement (breadth first, three levels)."""
    level = [
        c
        for c in token.children
        if c.dep_ in COMPLEMENT_DEPS and not _own_clause(c) and not dashed_off(c)
    ]  # 'refused to do so - a stance backed by Ryan': Ryan's backing is not refused
    for _ in range(3):
        for node in level:
            if node.dep_ == "compound" and node.i not in triggers:
                _add_compound(node, triggers)  # 'halted mediation efforts'
            if node.i in triggers and node.i not in seen and node.i != token.i:
                # not a clause of another paragraph the parser hung on the frame word
                return None if across_break(token, node) else node
        level = [c for n in level for c in n.children if c.dep_ not in STOP_DEPS and not _aside(c)]
    return None


def _aside(clause: Token) -> bool:
    """A relative clause set off by a comma ('opposed the bills, which required Republicans
    to compromise'): it says more about the noun, and what it says is not the act the frame
    word refuses, denies or asks for (the Republicans are not the ones opposed)."""
    first = clause.left_edge.i
    return clause.dep_ == "relcl" and first > 0 and clause.doc[first - 1].text == ","


def _own_clause(child: Token) -> bool:
    """'Berlin denies the charges and regularly prosecutes PKK operatives': a verb joined
    to the frame word is an act of its own, not what is denied, agreed or refused."""
    return child.dep_ == "conj" and child.pos_ in ("VERB", "AUX")


def _add_compound(node: Token, triggers: dict[int, Pattern]) -> None:
    """A noun compound may be a frame's complement, though never an event of its own."""
    patterns = tables.noun_patterns().get(node.lemma_.lower(), ())
    plain = [p for p in patterns if p.specificity == 0]
    if plain and node.pos_ == "NOUN":
        triggers[node.i] = plain[0]


def _code_denial(
    token: Token, pattern: Pattern, complement: Token | None, triggers: dict[int, Pattern]
) -> list[Coded]:
    """'X denied (doing) E': the denial itself (REJECT, CAMEO 016) and E, negated."""
    sources = roles.subject_of(token)
    denial = Coded(
        token,
        pattern.code,
        sources,
        roles.objects_of(token, pattern.prep),
        modality=roles.modality_of(token),
        consumed={token.i},
    )
    if roles.is_negated(token):  # 'did not deny' asserts nothing; keep it, flagged
        denial.negated = True
        return [denial]
    if not denial.targets:
        denial.targets = _denied_before(token, sources)
    out = [denial]
    inner = _inner_code(complement, triggers, {token.i}) if complement is not None else None
    if inner is not None and inner.code == HELD_BACK:
        denial.consumed |= inner.consumed  # 'denied refusing to condemn X'
        inner = None
    if inner is not None and tables.code_info(inner.code).plover == "ACCUSE":
        denial.targets = denial.targets or inner.sources  # 'denied the accusations by Y'
        denial.consumed |= inner.consumed
    elif inner is not None:
        inner.negated = True
        inner.modality = roles.modality_of(inner.trigger)
        inner.sources = inner.sources or sources
        _apply_uncertainty(inner, None)
        inner.negated = True
        denial.targets = denial.targets or inner.targets
        denial.consumed |= inner.consumed
        out.append(inner)
    return out


ANAPHORIC_DETERMINERS = frozenset({"such", "these", "those", "this", "that"})
# prepositions that tell whom an act is aimed at ('aggressive actions against Ukraine')
AIMED_PREPS = frozenset({"against", "towards", "toward", "on"})


def _denied_before(verb: Token, sources: Sequence[Token]) -> list[Token]:
    """'Moscow has repeatedly denied such accusations', after a sentence telling of
    "Russia's aggressive actions against Ukraine": a claim named only by an anaphor
    ('such accusations', 'these claims') is the one the sentence before told, and the
    denial is aimed, like any denial of an act, at whom that act of the denier's was
    aimed (Ukraine). Only an act owned by the denier's own country counts (its
    possessor or subject), and its aim must be another actor."""
    claims = frozenset(tables.lexicon()["speech"]["claim_nouns"])
    anaphoric = any(
        c.dep_ == "dobj"
        and c.lemma_.lower() in claims
        and any(d.lower_ in ANAPHORIC_DETERMINERS for d in c.children if d.dep_ in ("det", "amod"))
        and not any(d.dep_ in ("prep", "acl", "relcl") for d in c.children)
        for c in verb.children
    )
    if not anaphoric or not sources or verb.sent.start == 0:
        return []
    denier = roles.country_of(sources[0].text)
    if denier is None:
        return []
    before = verb.doc[verb.sent.start - 1].sent
    for prep in before:
        if prep.dep_ != "prep" or prep.lower_ not in AIMED_PREPS:
            continue
        owners = [c for c in prep.head.children if c.dep_ in ("poss", "nsubj", "amod")]
        if not any(roles.country_of(_phrase(o)) == denier for o in owners):
            continue  # "Russia's actions", "Russia's troops have fired", 'Chinese spying'
        aimed = [g for g in prep.children if g.dep_ == "pobj"]
        if aimed and all(roles.country_of(_phrase(g)) not in (None, denier) for g in aimed):
            return aimed  # 'against Ukraine', 'on Ukrainian positions'
    return []


def _phrase(token: Token) -> str:
    """The words of a noun phrase up to its head ('Russia 's troops', 'Ukrainian
    positions'), without what hangs after it."""
    return " ".join(t.text for t in token.subtree if t.i <= token.i)


def _apply_uncertainty(coded: Coded, frame: str | None) -> None:
    """CAMEO's future rule: intended cooperation is AGREE, intended conflict THREATEN,
    and a refused cooperation REJECT; a negated conflict stays itself, flagged."""
    if coded.modality == "obligation" and frame is None:
        _as_demand(coded)
        return
    if coded.modality not in UNCERTAIN or frame in ("threat", "reject", "demand", "appeal"):
        return
    plover = tables.code_info(coded.code).plover
    if plover in ("COERCE", "SANCTION") and roles.decided_measure(coded.trigger):
        coded.modality = None  # 'decided on Monday to extend its sanctions': in force
        return
    if plover in tables.COOPERATIVE:
        if coded.negated:
            coded.code = tables.compose("reject", coded.code) or "120"
            coded.negated = False
        elif plover != "AGREE":
            coded.code = tables.compose("intent", coded.code) or coded.code
    elif plover in tables.CONFLICTUAL and plover != "THREATEN" and not coded.negated:
        if not coded.sources and coded.modality in ("possible", "conditional"):
            return  # 'If found guilty, he could be jailed': a possible outcome, no one's threat
        if coded.modality == "possible" and _passive_voice(coded.trigger):
            # 'their friends could be killed by Taliban back home': a fear told of them,
            # not a threat the Taliban made
            coded.code = HELD_BACK
            return
        coded.code = tables.compose("threat", coded.code) or coded.code


def _passive_voice(verb: Token) -> bool:
    """A verb in the passive ('be killed', 'been arrested')."""
    return any(c.dep_ == "auxpass" for c in verb.children)


def _as_demand(coded: Coded) -> None:
    """'Y must do E', reported by X: X demands E of Y (CAMEO 10x), per CAMEO's reading of 'must'."""
    demanded = tables.compose("demand", coded.code)
    if demanded is None or not any(c.lower_ == "must" for c in coded.trigger.children):
        return
    if _own_duty(coded.trigger):
        return  # 'we must respond sensitively': the speaker's own duty, no one is asked
    if not coded.sources and _thing_must(coded.trigger):
        coded.code = HELD_BACK  # 'any Brexit deal must not encourage other countries to ...':
        return  # what a thing must (not) do is a condition set, asked of no one
    reporter = coded.trigger.head
    speakers = []
    if (
        coded.trigger.dep_ == "ccomp"
        and reporter.lemma_.lower() in tables.lexicon()["reporting_verbs"]
    ):
        speakers = roles.subject_of(reporter)
    coded.code, coded.targets, coded.sources = demanded, coded.sources, speakers


# what a visit is made for when it is one ('arrived for talks')
TALKS = frozenset({"talk", "negotiation", "meeting", "summit", "consultation", "discussion"})


def _armed_coming(token: Token, sources: Sequence[Token], *, troops: bool) -> bool:
    """Armed men come to a place: troops 'paying a visit' ('the army paid a visit to
    the village'), or an armed group that is no army arriving ('militants arrived at
    her village'). Not a delegation, a chief or a minister of an army: the sources'
    own words are the armed men; ``troops``: every source is a military unit."""
    if not sources or token.lemma_.lower() not in ("arrive", "visit"):
        return False
    if _for_talks(token):
        return False  # 'Taliban fighters arrived in Kabul for talks with the government'
    irregular = all(
        (agent_sector(t.lemma_.lower()) or "").startswith(("REB", "UAF")) for t in sources
    )
    # an army arriving is a deployment (coded 154 above); paying a visit, no deployment
    return (troops and token.lemma_.lower() == "visit") or irregular


def _for_talks(token: Token) -> bool:
    """A coming made to talk: 'for talks', 'for a meeting', or with whom the clause
    says they met ('arrived ... for breakfast with Pence')."""
    purpose = {g.lemma_.lower() for c in token.children if c.lower_ == "for" for g in c.children}
    return bool(purpose & TALKS) or bool(_met_on_visit(token))
