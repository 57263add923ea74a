"""How sure a coded event is, from the kinds of doubt its sentence shows.

A pattern match that passed the domain check (:mod:`.domain`) can still be a fact a
reader would reject. The hand-judged real-news samples (docs/quality.md) show which
shapes go wrong most often: an event named by a noun ('the fight against IS', 'the
Minsk agreement') rather than done by a verb; a side the sentence names that resolved
to nobody (the event then reads as if nobody was involved); no political actor on
either side (a hospital, a designer, a zoo); counts of people ('14,484 people
requested asylum'); acts that did not happen (wanted, tried, designed to, under a
condition, only possible); negated acts; acts inside a direct quote (opinion and
hypotheticals); run-together sentences.

Each doubt found multiplies the confidence by its weight (``data/confidence.json``);
:func:`assess` returns the product and the names of the doubts, and the events step
leaves out events below ``[events] min_confidence``. Nothing here is learnt: the
weights are few and readable, and each one is a rule a reader can check.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.tokens import Token

from newsgraph.extractors.claims.scan import words as claim_words
from newsgraph.extractors.doctext import doc_text, span_text
from newsgraph.extractors.events import tables
from newsgraph.extractors.events.actor_words import GROUP_HEADS, _of_object, actor_span
from newsgraph.extractors.events.actors import is_named
from newsgraph.extractors.events.arguments import REPORTING as REPORTING_VERBS
from newsgraph.extractors.events.arguments import (
    contracted_perfect,
    infinitive,
    relative_antecedent,
    spoken_in,
    undergone,
)
from newsgraph.extractors.events.patterns import (
    ACTOR_ENTITIES,
    OCCASIONS,
    governing_verb,
    is_actor,
    match_trigger,
    named_by_layer,
)
from newsgraph.extractors.events.roles import decided_measure
from newsgraph.kb.actor_codes import agent_sector, code_phrase
from newsgraph.records import EventActor
from newsgraph.resources import load_json

COGNITION = frozenset(
    {
        "believe",
        "think",
        "hope",
        "fear",
        "expect",
        "predict",
        "suspect",
        "assume",
        "imagine",
        "doubt",
        "worry",
        "wonder",
        "guess",
        "suppose",
        "speculate",
    }
)


Sides = Sequence[tuple[Sequence[Token], Sequence[EventActor]]]
# business, the media, civilians, schools and farmers: no political actor on their own
# (religious and ethnic groups, aid workers and doctors may be: 'Sunnis demanded')
CIVILIAN_SECTORS = frozenset({"BUS", "MED", "CVL", "EDU", "AGR"})
ARMED_SECTORS = frozenset({"MIL", "COP", "REB", "IMG", "SPY", "UAF", "INS"})


@dataclass(frozen=True, slots=True)
class Assessment:
    """An event's confidence and the doubts that lowered it (by name)."""

    confidence: float
    doubts: tuple[str, ...]


@lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    return load_json("newsgraph.extractors.events", "data/confidence.json")


@lru_cache(maxsize=1)
def _sets() -> dict[str, frozenset[str]]:
    """Every word list of the table, as a set."""
    return {k: frozenset(v) for k, v in _table().items() if isinstance(v, list)}


def assess(
    trigger: Token,
    sides: Sides,
    *,
    code: str | None = None,
    modality: str | None = None,
    negated: bool = False,
    spoken: bool = False,
    in_quote: bool = False,
) -> Assessment:
    """The confidence of the event coded at ``trigger``.

    ``sides`` pairs each side's argument tokens with the actors they resolved to
    (source first, then target); ``code`` is its CAMEO code; ``spoken`` marks an act
    read from someone's words (its source is the speaker); ``in_quote`` a trigger
    inside a direct quote."""
    plover = tables.code_info(code or "").plover or ""
    doubts = [
        *_form_doubts(trigger, sides, plover, spoken, code or ""),
        *_actor_doubts(trigger, sides, code or "", plover, spoken),
        *_mood_doubts(trigger, plover, code, modality, spoken),
    ]
    if negated or _nothing_done(trigger):
        doubts.append("negated")  # 'offered no help': nothing offered
    if in_quote and not spoken:
        doubts.append("in_quote")
    weights = _table()["weights"]
    confidence = 1.0
    for doubt in doubts:
        confidence *= weights[doubt]
    return Assessment(round(confidence, 3), tuple(doubts))


def _form_doubts(trigger: Token, sides: Sides, plover: str, spoken: bool, code: str) -> list[str]:
    """Doubts from how the act is worded: a noun, a modifier clause, a run-together
    sentence, a headline participle, a habit, a word in another sense."""
    sets = _sets()
    doubts = []
    # a game, unless an armed actor acts ('troops attacked the stadium before the match')
    game = (
        plover in sets["sports_types"]
        and _sport(trigger)
        and not any(a.sector in ARMED_SECTORS for _, actors in sides for a in actors)
    )
    armed = any(a.sector in ARMED_SECTORS for _, actors in sides for a in actors)
    lemma = trigger.lemma_.lower()
    preps = {c.lower_ for c in trigger.children if c.dep_ == "prep"}
    strove = (
        lemma in ("fight", "battle", "struggle")
        and not armed
        and (
            any(c.dep_ in ("xcomp", "advcl") and infinitive(c) for c in trigger.children)
            or not (sides[1][0] or preps & {"with", "against", "in", "for", "over"})
        )
    )  # 'as Obama fought to introduce medical care', 'would fight on until victory': strove
    blamed = lemma == "attack" and not armed and "for" in preps and bool(sides[1][0])
    # 'attacked export giants China and Germany over their trade surpluses': words
    blamed = blamed or (lemma == "attack" and not armed and _over_an_issue(trigger))
    # 'ISIL is defending the west bank of Mosul against an offensive': a fight, no support
    held = plover == "SUPPORT" and lemma == "defend" and armed and _held_ground(trigger)
    # 'Republicans have frequently attacked Democrats for crafting legislation': criticism
    # 'Pyongyang blasted four missiles towards Japan': words of criticism said of weapons
    # fired are the firing, no criticism
    fired = plover == "ACCUSE" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in MUNITIONS for c in trigger.children
    )
    named = _in_quoted_name(trigger)  # 'founded the page "Raqqa is being slaughtered"'
    if _other_sense(trigger, code, sets) or game or strove or blamed or fired or named or held:
        doubts.append("other_sense")  # 'Liverpool came back ... to beat AC Milan on penalties'
    if trigger.pos_ in ("NOUN", "PROPN"):
        doubts.append("noun_with_support_verb" if _supported(trigger) else "noun_trigger")
        if _figurative_noun(trigger):
            doubts.append("non_actor_object")  # 'a war of words'
    if len(trigger.sent) > _table()["long_sentence_tokens"]:
        doubts.append("long_sentence")
    opening = span_text(trigger.sent).lstrip(" -–—•*\n").lower()
    if any(opening.startswith(f"{w}:") for w in sets["furniture_openers"]):
        doubts.append("page_furniture")  # 'READ MORE: UN decries Israel's demolition order'
    if _habitual(trigger, sets["habitual_verbs_ok"]) or _how_often(trigger):
        doubts.append("present_habitual")  # 'Saudi kings seldom undertake such tours'
    targets = sides[1][0]
    budget = _budget_line(trigger, targets)
    if plover in ("AGREE", "AID") and budget:
        doubts.append("other_sense")  # 'Cuomo committed nearly $6 billion in funding for ...'
    funds = bool(_money_objects(trigger)) and not budget
    if (
        lemma in sets["actor_object_verbs"]
        and not funds  # 'committed 3 billion euros to Turkey': aid promised to someone
        and _thing_object(trigger, direct_only=bool(targets), actors={t.i for t in targets})
    ):
        doubts.append("non_actor_object")  # 'fighting legal problems'
    if _reported_of(trigger, sets):
        doubts.append("claim_sense")  # 'reports of Russia arming the Taliban'
    if lemma in sets["claim_verbs"] and _claim(trigger):
        doubts.append("claim_sense")  # 'Trump insisted there was "zero chaos"'
    if lemma == "deny" and _denied_a_reading(trigger):
        doubts.append("claim_sense")  # 'denied a rise in departures reflected uncertainty'
    if lemma in ("concede", "admit", "acknowledge") and any(
        c.dep_ == "ccomp" for c in trigger.children
    ):
        doubts.append("claim_sense")  # 'conceded that the Russians were likely behind it'
    if lemma == "agree" and any(c.dep_ == "ccomp" and c.i < trigger.i for c in trigger.children):
        doubts.append("claim_sense")  # '..., the Russian analysts agreed': a shared view
    if lemma == "agree" and _agreed_with_someone(trigger):
        doubts.append("claim_sense")  # 'she said she agreed with Navalny': an opinion
    if lemma in ("warn", "warning") and plover == "THREATEN" and _prediction(trigger):
        doubts.append("claim_sense")  # 'He warned it could lead to never-ending talks'
    if lemma in ("warn", "warning") and plover == "THREATEN" and _others_warned_of(trigger, sides):
        doubts.append("claim_sense")  # 'Yi gave warning that North Korea and the US were ...'
    background = trigger.dep_ in ("relcl", "amod", "acomp") or (
        trigger.dep_ == "acl"
        and (
            trigger.tag_ == "VBN"
            or trigger.head.lemma_.lower() in sets["provision_nouns"]
            or (trigger.tag_ == "VBG" and not is_actor(trigger.head))
            # 'a nonprofit group supporting the President's agenda': what it stands for
            or (trigger.tag_ == "VBG" and lemma in STANCES)
        )
    )  # 'the plan proposed by Abe', 'a measure banning abortion', 'events honoring the victims'
    # 'in March 2011, when security forces arrested teenagers': history told, not a modifier
    # 'a radar that the US plans to deploy there': the act a relative clause plans or
    # wants for its antecedent, which the clause describes
    planned = trigger.dep_ == "xcomp" and trigger.head.dep_ == "relcl"
    background = background or (planned and _relative_object(trigger))
    # 'JSOC, which conducts military drone strikes': what the antecedent does, as a rule
    support = governing_verb(trigger) if trigger.pos_ in ("NOUN", "PROPN") else None
    described = support is not None and support.dep_ == "relcl" and support.tag_ in ("VBZ", "VBP")
    background = background or described
    told_then = trigger.dep_ == "relcl" and trigger.head.ent_type_ in ("DATE", "TIME")
    told_then = told_then and any(
        c.dep_ == "advmod" and c.lower_ == "when" for c in trigger.children
    )
    if background and not spoken and not told_then:
        doubts.append("modifier_clause")  # 'the plan proposed by Abe', 'alleged contacts'
    partnered = any(c.dep_ == "prep" and c.lower_ == "with" for c in trigger.children)
    if _reduced_passive(trigger) and plover != "PROTEST" and not partnered:
        doubts.append("reduced_passive")  # not 'journalists protested', 'clashed with police'
    return doubts


def _actor_doubts(trigger: Token, sides: Sides, code: str, plover: str, spoken: bool) -> list[str]:
    """Doubts about who: a side named but not resolved, a thing as the subject, no
    political actor, no subject at all, counted people."""
    sets = _sets()
    doubts = []
    (src_tokens, src_actors), (tgt_tokens, tgt_actors) = sides
    subject = _subject(trigger) or _raised_subject(trigger)
    doer = subject if subject is not None else _performer(trigger)
    lost_subject = not src_tokens and not spoken and doer is not None and _agentive(doer)
    lost_object = not tgt_tokens and not tgt_actors and _unknown_party(trigger, sets)
    if lost_subject or lost_object or any(_lost(tokens, actors) for tokens, actors in sides):
        doubts.append("unresolved_side")  # 'The director of ... blamed', 'it will free up'
    elif subject is not None and _speaks(subject) and not src_tokens and not spoken:
        # 'The letter also thanked Xi': a text acts for an author the clause does not name
        doubts.append("unresolved_side")
    # 'This forced Russia to ...': a situation told before, not an actor
    situation = subject is not None and subject.lower_ in ("this", "that") and not src_tokens
    thing = situation or (subject is not None and _thing(subject) and not _speaks(subject))
    caused = trigger.lemma_.lower() in sets["compel_verbs"]  # 'fighting forced the UN to'
    caused = caused or plover not in ("ASSAULT", "COERCE", "THREATEN")  # 'raids yielded'
    if thing and subject is not None and (caused or not _violent(subject)):
        doubts.append("thing_subject")  # "China's inward FDI has declined"
    elif subject is None and trigger.lemma_.lower() in sets["compel_verbs"]:
        # "China's efforts will hit snags, forcing the country to focus on innovation": the
        # participle tells what the clause's situation causes, no one's coercion
        cause = next((c for c in trigger.head.children if c.dep_ == "nsubj"), None)
        result = trigger.dep_ == "advcl" and trigger.tag_ == "VBG"
        if result and cause is not None and _thing(cause):
            doubts.append("thing_subject")
    violent = plover in ("ASSAULT", "COERCE")  # violence done to civilians is political
    political = any(_political(a, sets) for a in src_actors) or any(
        _political(a, sets, as_target=True, violent=violent) for a in tgt_actors
    )
    if plover == "AID" and _own_people(trigger):
        doubts.append("no_political_actor")  # 'provided policy support to its enterprises'
    if plover != "PROTEST" and not political:
        doubts.append("no_political_actor")
    elif _visit(trigger, code) and not any(_official(a, sets) for a in src_actors):
        doubts.append("no_political_actor")  # 'refugees coming to Malaysia', 'Engle comes to China'
    elif _visit(trigger, code) and _trip_at_home(src_actors, tgt_actors):
        doubts.append("no_political_actor")  # 'Trump will fly to Florida': a trip at home
    elif _visit(trigger, code) and _returned_home(trigger, src_actors, tgt_actors):
        doubts.append("no_political_actor")  # 'Trump returned to the White House': home
    no_subject = subject is None and not any(c.dep_ == "csubj" for c in trigger.children)
    active = trigger.pos_ == "VERB" and not _passive(trigger) and undergone(trigger) is None
    if not src_tokens and not spoken and active and no_subject:
        doubts.append("missing_source")
    counted = plover not in sets["quantity_ok_types"] and any(_counted(t) for t in src_tokens)
    if plover in sets["counted_target_types"] and any(_counted(t) for t in tgt_tokens):
        counted = True
    # '66 Turkish troops have been killed since': a death toll (the codebook codes a count
    # of the demobilised since an accord, 0873: tolls of violence only)
    tally = plover == "ASSAULT" and _tally_since(trigger, tgt_tokens)
    if counted or tally or _times_over(trigger) or _statistic(trigger, subject):
        doubts.append("quantity")  # '14,484 people requested asylum'; not 'killed three'
    asked = list(tgt_tokens) or [c for c in trigger.children if c.dep_ == "dobj"]
    if plover == "REQUEST" and asked and all(t.lemma_.lower() in CONSUMERS for t in asked):
        doubts.append("other_sense")  # 'The USDA urges customers to throw it out': advice
    partner = tgt_tokens or any(c.dep_ == "prep" and c.lower_ == "with" for c in trigger.children)
    together = subject is not None and any(c.dep_ == "conj" for c in subject.children)
    if trigger.lemma_.lower() in sets["partner_verbs"] and not (partner or together or spoken):
        doubts.append("no_partner")  # 'Trump discussed cable TV ratings'
    elif code == "030" and trigger.lemma_.lower() in VOWS and not (_vowed_to(trigger) or together):
        doubts.append("no_partner")  # 'Ryan vowed members would continue working': to no one
    # 'warned of the possibility of casualties': a statement, no threat to anyone (not
    # 'warned that it would retaliate', coded with the threatened act)
    warning = code == "130" and trigger.lemma_ == "warn"
    joint = plover in sets["directed_types"] and len(src_actors) > 1  # 'Merkel and Putin met'
    if (plover in sets["directed_types"] or warning) and not tgt_actors and not joint:
        doubts.append("no_counterpart")  # 'Kim hailed the test', 'held meetings on North Korea'
    elif _meeting(code) and not joint and _topics_only(tgt_tokens):
        doubts.append("no_counterpart")  # 'closed consultations on North Korea will take place'
    return doubts


# what a meeting is about, not whom it is with: 'talks on Syria', 'consultations about Iran'
TOPIC_PREPS = frozenset({"on", "about", "over", "regarding", "concerning"})


def _meeting(code: str) -> bool:
    """Meetings, talks and intents to meet (CAMEO 036, 04)."""
    return code.startswith("04") or code == "036"


def _topics_only(targets: Sequence[Token]) -> bool:
    """Every target named only as what a meeting is 'on' or 'about' ('closed consultations
    on North Korea'): a topic, no party to the meeting."""
    if not targets:
        return False
    for token in targets:
        node = token
        while node.dep_ in ("conj", "appos", "compound") and node.head != node:
            node = node.head
        if not (node.dep_ == "pobj" and node.head.lower_ in TOPIC_PREPS):
            return False
    return True


def _vowed_to(trigger: Token) -> bool:
    """Whom a promise is made to or with whom it is to be kept: an addressee ('pledged to
    Japan', 'promised Merkel'), a 'with' partner of the pledge or of the pledged act
    ('pledged to work with the Beijing government'); not the owner of what the act undoes
    ('pledged to reverse Obama's efforts')."""
    for child in trigger.children:
        if child.lemma_.lower() in ELECTORATE:
            continue  # 'promising the voters better elderly care': a campaign promise
        if child.dep_ == "dative" or (child.dep_ == "dobj" and is_actor(child)):
            return True
        if (
            child.dep_ == "prep"
            and child.lower_ in ("to", "with")
            and any(is_actor(g) for g in child.children)
        ):
            return True
        if child.dep_ == "xcomp" and any(
            g.dep_ == "prep"
            and g.lower_ == "with"
            and any(is_actor(p) and p.lemma_.lower() not in ELECTORATE for p in g.children)
            for g in child.subtree
        ):
            return True  # not 'his "contract with the American voter"': a campaign promise
        if child.dep_ == "xcomp" and any(g.dep_ == "dobj" and is_actor(g) for g in child.children):
            return True  # 'pledged to democratize Turkey': the one the act is done to
    return False


HOPING = frozenset({"hope", "wish", "expect", "trust", "pray"})


def _hoped_by_another(trigger: Token) -> bool:
    """'Nigeria's minister hopes Britain will support industrialisation': an act to come
    that someone other than its doer hopes or expects for: no intent stated by the doer."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else None
    # the small model lemmatises 'hopes' as 'hop'
    head = verb.head if verb is not None else None
    if verb is None or verb.dep_ != "ccomp" or head is None:
        return False
    if head.lemma_.lower() not in HOPING and head.lower_.rstrip("sd") not in HOPING:
        return False
    mine = {c.lower_ for c in verb.children if c.dep_ == "nsubj"}
    theirs = {c.lower_ for c in verb.head.children if c.dep_ == "nsubj"}
    pronouns = {"i", "we", "he", "she", "they", "it"}  # most often the one who hopes
    return bool(mine) and not mine & theirs and not mine & pronouns


def _mood_doubts(
    trigger: Token, plover: str, code: str | None, modality: str | None, spoken: bool
) -> list[str]:
    """Doubts about whether it happened: wanted, tried, possible, conditional, owed."""
    doubts = []
    intended = (code or "").startswith("03") and _wished(trigger)
    if plover in ("COERCE", "SANCTION") and decided_measure(trigger):
        pass  # 'the EU decided on Monday to extend its sanctions': in force once decided
    elif modality not in ("intent", "future") and _irrealis(trigger, _sets()["irrealis_heads"]):
        if not intended:  # 'would like to take up the invitation': the intent is the event
            doubts.append("irrealis")  # a stated intent is coded as one (CAMEO): not a doubt
    elif modality in ("intent", "future") and _purpose_of_another_act(trigger):
        doubts.append("irrealis")  # 'deployed 100 special forces to ... try to capture Kony'
    elif modality == "future" and _hoped_by_another(trigger):
        doubts.append("irrealis")  # 'Enelamah hopes Britain will support ...'
    elif (
        _believed_or_asked(trigger)
        or _attempted(trigger)
        or _not_yet(trigger)
        or _pending(trigger)
        or _undone(trigger)
        or _instead(trigger)
        or _instruction(trigger)
        or (modality == "intent" and _past_plan(trigger))
    ):
        doubts.append("irrealis")  # 'he believes US-backed forces will retake Raqqa
    uncertain = modality == "possible" or (
        modality == "conditional" and not _reported_future(trigger)
    )
    # 'the regulator will agree to a settlement if the company is ready': the modal won
    # the modality, but the act is still held to a condition
    uncertain = uncertain or (modality in ("future", "intent") and _on_condition(trigger))
    if uncertain and plover != "THREATEN":  # a threat is conditional by nature
        doubts.append("uncertain_modality")
    elif modality == "obligation" and not (code or "").startswith("10"):
        doubts.append("uncertain_modality")  # 'Beijing should be denied access'
    return doubts


# an 'if' holds the act to a condition; 'unless' makes it an ultimatum, which CAMEO codes
# as the intent stated ('will withdraw their force unless a ceasefire is arranged')
CONDITION_MARKS = frozenset({"if"})


def _on_condition(trigger: Token) -> bool:
    """An 'if' or 'unless' clause on the trigger or on the verbs it hangs from ('will
    agree to a settlement if the company is ready to pay')."""
    node = trigger
    if trigger.pos_ in ("NOUN", "PROPN"):
        node = governing_verb(trigger) or trigger
    for _ in range(4):
        for clause in node.children:
            if clause.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in clause.children
            ):
                return True
        if node.dep_ not in ("xcomp", "conj") or node.head == node:
            return False
        node = node.head
    return False


def _nothing_done(trigger: Token) -> bool:
    """'offered no help', 'gave no details', 'made no offer': the object says nothing
    was done (the parse puts 'no' on the object, where the negation check does not
    look)."""
    if trigger.pos_ != "VERB":
        return False
    objects = [c for c in trigger.children if c.dep_ == "dobj"]
    return bool(objects) and all(
        any(d.dep_ == "det" and d.lower_ == "no" for d in o.children) for o in objects
    )


# documents a leader signs alone: no agreement with anyone (CAMEO 057 needs a party)
DECREES = frozenset(
    {"memorandum", "memo", "order", "decree", "bill", "law", "legislation", "directive"}
)


# promises that code CAMEO 030 only when made to someone (a pledge of a coded act takes
# that act's code before it gets here)
VOWS = frozenset({"promise", "vow", "pledge", "commit"})
# whom a campaign promises things to: no counterpart a promise binds
ELECTORATE = frozenset(
    {"voter", "electorate", "supporter", "constituent", "follower", "base", "public", "people"}
)


# heads of a wish or an intention: under an intent code (CAMEO 03, 'express intent to
# ...') the wish is what the code records, not a doubt about the act
WISHES = frozenset(
    {"like", "want", "wish", "hope", "intend", "plan", "keen", "eager", "ready", "willing", "love"}
)


def _wished(trigger: Token) -> bool:
    """'he would like to take up the invitation', 'is keen to meet': the act as a complement
    of a wish."""
    node = trigger
    if trigger.pos_ in ("NOUN", "PROPN"):
        node = governing_verb(trigger) or trigger
    head = node.head
    if node.dep_ == "xcomp" and head.lemma_.lower() in WISHES:
        return True
    return node.dep_ == "xcomp" and any(
        c.dep_ == "acomp" and c.lemma_.lower() in WISHES for c in head.children
    )


def _other_sense(trigger: Token, code: str, sets: dict[str, frozenset[str]]) -> bool:
    """The trigger word in a sense that is no event of its code: police 'seeking seven
    others' (a manhunt, not a request), 'offered withering criticism' (an opinion, not an
    offer), 'pledged to keep standing firm' (a vow whose act is no cooperation), 'were
    forced to come up with a bill' (circumstance, with nobody forcing), 'Asked about the
    talks, he said' (the question put to someone by an unnamed reporter)."""
    lemma = trigger.lemma_.lower()
    objects = [c for c in trigger.children if c.dep_ == "dobj"]
    idioms = _table()["idiom_objects"].get(lemma, ())
    if any(o.lemma_.lower() in idioms or o.lower_ in idioms for o in objects):
        return True  # 'struck a cordial tone', 'is seeking a second term'
    sought = objects + [c for c in trigger.children if c.dep_ == "nsubjpass"]
    if lemma == "seek" and any(_sought_person(o) for o in sought):
        return True  # 'police are seeking seven others', 'Hyon is being sought by police'
    if lemma == "fire" and any(
        o.ent_type_ == "PERSON" or o.pos_ == "PRON" or _person(o) for o in objects
    ):
        return True  # 'Mr Trump fired Michael Flynn on Monday': dismissed
    if lemma == "rally" and any(
        c.dep_ == "prep" and c.lower_ in ("to", "behind", "around", "round")
        for c in trigger.children
    ):
        return True  # 'Merkel had also rallied to the Netherlands': support, no demonstration
    back = any(c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in trigger.children)
    if lemma == "shoot" and back:
        return True  # '"That's a fake solution," Rutte shot back': a reply
    if lemma in ("fire", "hit", "strike") and back and _in_words(trigger):
        return True  # 'fired back at Spicer in a statement': a reply, not return fire
    if lemma == "call" and any(c.dep_ == "oprd" for c in trigger.children):
        return True  # 'he called the latter "our Syrian partners"': a name given
    if lemma == "sanction" and _only_things(_undergoers(trigger)):
        return True  # 'the plan, sanctioned by Truman': approved, not punished
    comps = [c for c in trigger.children if c.dep_ in ("xcomp", "ccomp")]
    allowed = objects or [g for c in comps for g in c.children if g.dep_ == "nsubj"]
    if code == "0833" and _only_things(allowed):
        return True  # 'allowed the renminbi's exchange rate to move'
    if lemma in sets["offer_verbs"] and any(
        o.lemma_.lower() in sets["opinion_nouns"] for o in objects
    ):
        return True  # 'sought to offer reassuring words', 'ready to offer tough opposition'
    if lemma == "kill" and trigger.tag_ == "VBG" and [o.lower_ for o in objects] == ["it"]:
        return True  # 'was on stage killing it': a performance that triumphs
    clauses = [c for c in trigger.children if c.dep_ in ("xcomp", "ccomp")]
    if lemma == "order" and not clauses and not any(is_actor(o) for o in objects):
        return True  # 'ordered an inquiry', 'ordered a 9.4 percent increase': no demand
    if lemma == "clash" and not any(
        c.dep_ == "prep" and c.lower_ == "with" for c in trigger.children
    ):
        return any(c.dep_ == "prep" and c.lower_ == "over" for c in trigger.children)
    if lemma == "kill" and objects and all(_thing(o) and not _person(o) for o in objects):
        return True  # 'effectively killed the regulations'
    if lemma == "appeal" and _legal_appeal(trigger):
        return True  # 'the case is being appealed at the next court'
    refused = trigger.dep_ == "xcomp" and trigger.head.lemma_.lower() in sets["refusal_verbs"]
    if lemma == "rule" and refused:
        return True  # 'declined to rule out military action' keeps the option open
    if lemma in sets["pledge_verbs"] and any(g.dep_ == "neg" for c in clauses for g in c.children):
        return True  # 'vowed not to work with Wilders': a refusal, not a pledge
    if code == "030" and lemma in sets["pledge_verbs"]:
        # a pledge whose act was coded took the act's code; one left bare to act against
        # someone is no cooperation ('pledged to keep standing firm against Europe')
        return any(
            t.lemma_.lower() in sets["hostile_acts"] or (t.dep_ == "prep" and t.lower_ == "against")
            for c in clauses + objects  # 'has promised protectionist measures against China'
            for t in c.subtree
        )
    participle = trigger.tag_ == "VBN" and trigger.dep_ == "advcl" and _subject(trigger) is None
    unnamed_agent = (_passive(trigger) or participle) and not any(
        c.dep_ == "agent" for c in trigger.children
    )
    if lemma in sets["compel_verbs"] and clauses and unnamed_agent:
        return True
    if lemma in ("allow", "permit") and _passive(trigger) and unnamed_agent:
        return True  # 'UK courts will be allowed to refer to ECJ case law': a provision
    if lemma == "shell" and any(c.dep_ == "prt" and c.lower_ == "out" for c in trigger.children):
        return True  # 'wants Congress to shell out $1.5 billion': to pay
    if lemma == "withdraw" and any(c.dep_ == "prep" and c.lower_ == "as" for c in trigger.children):
        return True  # 'Two House Democrats have withdrawn as sponsors'
    partner = any(t.lower_ == "with" for t in trigger.subtree)
    if lemma == "sign" and not partner and any(o.lemma_.lower() in DECREES for o in objects):
        return True  # 'signed a memorandum that directed the Army Corps ...': no agreement
    return lemma == "ask" and unnamed_agent  # 'Asked to respond, Peskov said': a question


# words before a quoted name: what the quotation marks enclose is a title, not a report
NAMING_WORDS = frozenset(
    {"page", "account", "group", "campaign", "slogan", "hashtag", "book", "film", "movie",
     "documentary", "song", "album", "show", "title", "headline", "banner", "sign", "motto",
     "website", "site", "blog", "channel", "podcast", "column", "essay", "poster", "placard",
     "titled", "entitled", "called", "named", "dubbed", "headlined", "read", "reading"}
)  # fmt: skip
QUOTE_MARKS = frozenset({'"', "“", "”", "'", "‘", "’"})


def _relative_object(verb: Token) -> bool:
    """The verb's object is the relative clause's antecedent: no object of its own, or
    the relative pronoun ('that', 'which') as its object."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "ccomp", "xcomp")]
    if not objects:
        return True
    return all(o.tag_ in ("WDT", "WP") for o in objects)


def _in_quoted_name(trigger: Token) -> bool:
    """The trigger inside quotation marks that open right after a naming word ('the
    Facebook page " Raqqa is being slaughtered silently "', 'a banner reading "Stop the
    war"'): the name or slogan of something, not an act told."""
    sent = trigger.sent
    for i in range(trigger.i - 1, sent.start, -1):
        token = trigger.doc[i]
        if token.text in QUOTE_MARKS:
            before = trigger.doc[i - 1]
            return before.lower_ in NAMING_WORDS or before.lemma_.lower() in NAMING_WORDS
    return False


# nouns of ground that is held or crossed ('over the border', 'defending the city')
GROUND_NOUNS = frozenset(
    {"border", "area", "region", "city", "town", "village", "territory", "bank", "position",
     "positions", "base", "stronghold", "front", "line", "sea", "skies", "sky", "airspace",
     "district", "province", "neighbourhood", "neighborhood", "weekend", "night", "course"}
)  # fmt: skip
PLACES = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME"})


def _over_an_issue(verb: Token) -> bool:
    """An attack 'over' something that is no ground or time ('over their trade
    surpluses', 'over the leaks'): blame in words."""
    for child in verb.children:
        if child.dep_ != "prep" or child.lower_ != "over":
            continue
        for obj in child.children:
            if obj.dep_ != "pobj" or obj.ent_type_ in PLACES:
                continue
            if obj.lemma_.lower() not in GROUND_NOUNS and obj.lower_ not in GROUND_NOUNS:
                return True
    return False


def _held_ground(verb: Token) -> bool:
    """Defending ground ('defending the west bank of the city', 'defended the town
    against an offensive'): a place as the object, or an attack it is defended against."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "against":
            return True
        if child.dep_ == "dobj" and (
            child.ent_type_ in ("GPE", "LOC", "FAC") or child.lemma_.lower() in GROUND_NOUNS
        ):
            return True
    return False


def _in_words(verb: Token) -> bool:
    """Said in a statement, a tweet or an interview ('in a statement', 'on Twitter'), or
    with a quote in its sentence."""
    if any(t.text in ('"', "“", "”") for t in verb.sent):
        return True
    return any(
        c.dep_ == "prep" and c.lower_ in ("in", "on", "during")
        and any(g.lemma_.lower() in STATEMENT_NOUNS for g in c.children)
        for c in verb.children
    )  # fmt: skip


STATEMENT_NOUNS = frozenset(
    {"statement", "tweet", "twitter", "interview", "remark", "post", "letter", "speech"}
)


def _undergoers(verb: Token) -> list[Token]:
    """What a verb acts on: its object, its passive subject, or for a participle clause
    ('Sanctioned by Truman, the plan ...') the noun the clause describes."""
    found = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if not found and verb.dep_ == "advcl" and verb.tag_ == "VBN":
        head = verb.head
        found = [head] if head.pos_ == "NOUN" else [c for c in head.children if c.dep_ == "nsubj"]
    return found


def _only_things(tokens: Sequence[Token]) -> bool:
    return bool(tokens) and all(_thing(t) for t in tokens)  # _thing: never an actor


def _sport(trigger: Token) -> bool:
    """A sentence about a game: two or more sports words ('Champions League', 'penalties')."""
    words = _sets()["sports_words"]
    found = {t.lemma_.lower() for t in trigger.sent if t.lemma_.lower() in words}
    found |= {t.lower_ for t in trigger.sent if t.lower_ in words}
    scores = SCORE.findall(span_text(trigger.sent))
    if scores:
        found.add("a score")  # 'Cameroon beat Egypt 2:1'
    if len(scores) >= 2:
        found.add("another score")  # 'Watson beat Latvia's Diana Marcinkevica 6-3 6-0'
    return len(found) >= 2


SCORE = re.compile(r"(?<![\d:.])\d{1,2}[:\u2013-]\d{1,2}(?![\d:]|\.\d)")


def _legal_appeal(verb: Token) -> bool:
    """An appeal to a court: passive ('the case is being appealed'), or at or to a court."""
    if _passive(verb):
        return True
    courts = _sets()["court_nouns"]
    addressed = any(
        c.dep_ == "prep"
        and c.lower_ == "to"
        and any(is_actor(g) and g.lemma_.lower() not in courts for g in c.children)
        for c in verb.children
    )  # 'will appeal that decision to the new administration': a request to someone
    if not addressed and any(
        c.dep_ == "dobj" and c.lemma_.lower() in APPEALED for c in verb.children
    ):
        return True  # 'has appealed the verdict': a challenge in court, no request
    return any(
        c.dep_ == "prep"
        and c.lower_ in ("to", "at", "against", "in")
        and any(g.lemma_.lower() in _sets()["court_nouns"] for g in c.children)
        for c in verb.children
    )


# what is appealed in court ('appealed the verdict', 'will appeal the ruling')
APPEALED = frozenset(
    {"verdict", "ruling", "decision", "sentence", "conviction", "judgment", "judgement",
     "fine", "order", "acquittal", "case"}
)  # fmt: skip


def _reported_of(trigger: Token, sets: dict[str, frozenset[str]]) -> bool:
    """An act only reported or alleged: 'reports of Russia arming the Taliban',
    'allegations of torture by the police'."""
    if trigger.dep_ in ("pcomp", "pobj") and trigger.head.lower_ == "of":
        return trigger.head.head.lemma_.lower() in sets["hearsay_nouns"]
    node = trigger
    for _ in range(5):  # 'speculation that Pyongyang dispatched a squad to kill Kim'
        if node.dep_ == "acl":  # 'reports of Russia arming ...' parsed onto 'reports'
            return node.head.lemma_.lower() in sets["hearsay_nouns"]
        if node.dep_ not in ("xcomp", "advcl", "conj", "ccomp") or node.head == node:
            return False
        node = node.head
    return False


def _sought_person(noun: Token) -> bool:
    """Who police seek: a person, a pronoun, 'others', 'suspects'."""
    return (
        noun.pos_ == "PRON"
        or noun.ent_type_ == "PERSON"
        or noun.lemma_.lower() in ("other", "suspect", "fugitive")
        or _person(noun)
    )


def _statistic(trigger: Token, subject: Token | None) -> bool:
    """A count or a comparison rather than an act: 'More than 40 have signed', 'arrested
    fewer traffickers in 2016 than the year before', '700 million overseas visits'."""
    if subject is not None and subject.pos_ == "NUM" and subject.ent_type_ != "DATE":
        return True
    objects = [c for c in trigger.children if c.dep_ == "dobj"]
    if any(
        c.dep_ == "prep" and c.lower_ == "than" for t in (trigger, *objects) for c in t.children
    ):
        return True
    return trigger.pos_ in ("NOUN", "PROPN") and any(
        c.dep_ == "nummod" and c.ent_type_ != "DATE" for c in trigger.children
    )


def _supported(noun: Token) -> bool:
    """'held talks', 'launched an offensive', 'talks were held', 'signed an agreement':
    the event noun is the object (or passive subject) of a verb that performs it."""
    if spoken_in(noun) is not None:
        return True  # 'In a congratulatory telegram on Monday, Putin said ...'
    verb = governing_verb(noun)
    if verb is None:
        return False
    named = any(c.dep_ == "oprd" for c in verb.children) or (
        verb.lemma_.lower() == "call" and any(c.dep_ == "appos" for c in noun.children)
    )
    if named:
        return False  # 'police called the assault "an accident"': named, not performed
    forms = _forms(verb)
    if noun.dep_ == "nsubj":  # 'riots are continuing', 'clashes erupted', 'the attack killed'
        return bool(forms & _sets()["event_subject_verbs"])
    return noun.dep_ in ("dobj", "nsubjpass", "conj", "appos") and bool(
        forms & _sets()["support_verbs"]
    )


def _forms(verb: Token) -> set[str]:
    """The verb's lemma and its plain stems ('staged' -> 'stage', whose lemma the small
    English model gets wrong as 'stag')."""
    low = verb.lower_
    return {verb.lemma_.lower(), low, low[:-1], low[:-2], low[:-3]}


def _lost(tokens: Sequence[Token], actors: Sequence[EventActor]) -> bool:
    """A side the sentence fills ('ETA', 'Richard-Gere', 'the German people', 'he') whose
    words resolved to no actor at all: the event would read as if no one were there."""
    if not tokens or all(_reciprocal(t) for t in tokens):
        return False  # 'agreed that their countries should ...': the sides themselves
    return not any(is_named(a) for a in actors)


def _unknown_party(trigger: Token, sets: dict[str, frozenset[str]]) -> bool:
    """The act's object is someone the sentence names only by relation ('accuses its
    northwestern neighbour', 'met his rival'), or a person noun not owned by the source
    ('criticised the minister'), and nothing resolved: the target is unknown, not absent
    ('withdrew its troops' names the source's own)."""
    for child in trigger.children:
        if child.dep_ == "dobj" and child.lower_ in ("him", "her", "them", "us"):
            return True  # 'Merkel urged them to stop': whom, the pronoun did not say
        if child.dep_ != "dobj" or child.pos_ not in ("NOUN", "PROPN"):
            continue
        lemma = child.lemma_.lower()
        if lemma in sets["relational_nouns"]:
            return True
        owned = any(c.dep_ == "poss" and c.pos_ == "PRON" for c in child.children)
        if _person(child) and not owned and not _counted(child):
            return True
    return False


def _reciprocal(token: Token) -> bool:
    """'their countries', 'the two sides', 'both governments': the event's own sides."""
    if token.lemma_.lower() not in _sets()["reciprocal_heads"] and (
        token.lower_ not in _sets()["reciprocal_heads"]
    ):
        return False
    return any(c.lower_ in ("their", "two", "both", "the", "our", "all") for c in token.children)


# what a state gives to its own economy or people is policy at home, not aid to anyone
HOME_NOUNS = frozenset(
    {"enterprise", "firm", "industry", "economy", "people", "population", "worker", "exporter",
     "producer", "bank", "sector", "region", "province"}
)  # fmt: skip


def _own_people(trigger: Token) -> bool:
    """'The Chinese government has provided strong policy support to its enterprises': the
    receiver is the giver's own ('its', 'their') economy, businesses or people."""
    for prep in trigger.children:
        if prep.dep_ not in ("prep", "dative") or prep.lower_ not in ("to", "for"):
            continue
        for noun in prep.children:
            lemma = noun.lemma_.lower()
            home = lemma in HOME_NOUNS or agent_sector(lemma) in CIVILIAN_SECTORS
            owned = any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in noun.children)
            if noun.dep_ == "pobj" and home and owned:
                return True
    return False


def _political(
    actor: EventActor,
    sets: dict[str, frozenset[str]],
    *,
    as_target: bool = False,
    violent: bool = False,
) -> bool:
    """A state, an international organisation, a person or organisation the knowledge
    base knows, a named place or people that acts, a typed agent of a political sector
    (government, military, police, courts, parties, rebels, unions, ...), or a group of a
    stated nationality ('Bosnian Serbs', 'Israeli tanks'). Unlinked names of people and
    organisations, companies, the media and civilians alone are not; protests are excepted
    (protesters are civilians by nature), and so are a country's civilians as the target
    of violence."""
    entity = actor.entity or ""
    state = entity.startswith("country:") or actor.country == "IGO"
    if actor.sector in CIVILIAN_SECTORS and not state:
        # 'Chinese companies', 'a German tabloid', 'Voters in Scotland', and a news agency
        # or a business the knowledge base knows ('spoke with the Associated Press'): the
        # sector says what they are, and it is not a political one; but 'four Congolese
        # nationals were abducted': civilians of a country as the target of violence
        return as_target and violent and actor.sector == "CVL" and bool(actor.country)
    if _state_or_known(actor) or (actor.sector or "") in sets["political_sectors"]:
        return True
    if not as_target and entity.startswith(("local:gpe:", "local:norp:")):
        return True  # a place or a people acting ('Yugoslavia lifted', 'Sunnis demanded')
    return bool(actor.country) and not entity.startswith(("local:person:", "local:org:"))


def _state_or_known(actor: EventActor) -> bool:
    """A state, an organisation of states, or a person or body the knowledge base knows."""
    entity = actor.entity or ""
    if entity.startswith("country:") or actor.country == "IGO":
        return True
    return bool(entity) and not entity.startswith("local:") and bool(actor.country or actor.sector)


def _passive(verb: Token) -> bool:
    if contracted_perfect(verb):
        return False
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or verb.dep_ == "acl"


def _counted(token: Token) -> bool:
    """'14,484 people', 'thousands of migrants', 'dozens': a count of people, not an actor."""
    if token.ent_type_ in ("CARDINAL", "PERCENT", "QUANTITY", "MONEY"):
        return True
    if any(c.dep_ == "nummod" and c.ent_type_ != "DATE" for c in token.children):
        return True
    head = token.head
    return (
        token.dep_ == "pobj"
        and head.lower_ == "of"
        and head.head != head
        and head.head.ent_type_ in ("CARDINAL", "PERCENT", "QUANTITY")
    )


EXAMPLE_PREPS = frozenset({"including", "like", "as"})


def _agreed_with_someone(verb: Token) -> bool:
    """'agreed with Navalny' with nothing agreed on or to: sharing a view, no deal."""
    preps = {c.lower_ for c in verb.children if c.dep_ == "prep"}
    others = any(c.dep_ in ("xcomp", "ccomp", "dobj", "advcl") for c in verb.children)
    return "with" in preps and not others and not preps & {"on", "to", "upon", "over", "for"}


PLANS = frozenset({"intend", "plan", "want", "hope", "wish", "aim", "mean"})


def _past_plan(trigger: Token) -> bool:
    """'In 2015, Turkey planned to invade Syria, but ...', 'He intended to travel to Libya':
    a plan of the past told by the writer, not an intent someone states ('Putin said
    Russia planned to hold talks' is reported, and kept)."""
    node = trigger if trigger.pos_ in ("VERB", "AUX") else governing_verb(trigger)
    for _ in range(3):
        if node is None or node.dep_ != "xcomp":
            return False
        head = node.head
        if head.lemma_.lower() in PLANS:
            reported = head.dep_ == "ccomp" and head.head.lemma_.lower() in REPORTING_VERBS
            had = any(c.dep_ == "aux" and c.lower_ == "had" for c in head.children)
            return (head.tag_ == "VBD" or had) and not reported
        node = head
    return False


def _purpose_of_another_act(trigger: Token) -> bool:
    """The trigger is what another, done act was for ('the US deployed 100 special forces
    to work with regional armies to defeat the LRA and try to capture Kony'): the intent
    read from 'try' is the purpose of the deployment, not a statement of intent, and the
    act was not done. Not for a purpose under a wish ('wants to go to Moscow to meet
    Putin', coded as the intent it is)."""
    node = trigger
    for _ in range(6):
        head = node.head
        if head == node:
            return False
        purpose = node.dep_ == "advcl" and infinitive(node) and head.pos_ == "VERB"
        if purpose and (head.lemma_.lower() in WISHES or head.head.lemma_.lower() in WISHES):
            return False  # 'wants to go to Ankara to meet Erdogan'
        if purpose and _done(head):
            return True
        if node.dep_ == "conj" and _bare_after_past(node):
            return True  # 'deployed commandos to work with armies ... and try to capture
            # Kony': the parser joins the bare 'try' to 'deployed', but it goes on the purpose
        if node.dep_ not in ("xcomp", "conj") and not purpose:
            return False
        node = head  # 'to work with armies to defeat the LRA': up to what was done
    return False


def _bare_after_past(verb: Token) -> bool:
    """A bare verb joined to a past one with no subject or auxiliary of its own: no
    finite clause, so one more verb of an infinitive the sentence began before it."""
    if verb.tag_ != "VB" or any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children
    ):
        return False
    return verb.head.tag_ == "VBD" and any(
        c.dep_ == "advcl" and infinitive(c) and c.i < verb.i for c in verb.head.children
    )


def _done(verb: Token) -> bool:
    """A past verb with no modal ('deployed', 'has sent')."""
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children):
        return False
    return verb.tag_ == "VBD" or (
        verb.tag_ == "VBN" and any(c.lemma_ == "have" for c in verb.children if c.dep_ == "aux")
    )


def _not_yet(trigger: Token) -> bool:
    """'Obama had not yet signed off on the raid': an act still pending, neither done nor
    refused."""
    children = {c.lower_ for c in trigger.children}
    if "yet" in children and bool(children & {"not", "n't", "never"}):
        return True
    # 'Malaysia has yet to hand over the body', 'is yet to respond': still to be done
    head = trigger.head
    return (
        trigger.dep_ == "xcomp"
        and head.lemma_ in ("have", "be")
        and any(c.dep_ == "advmod" and c.lower_ == "yet" for c in head.children)
    )


def _instruction(trigger: Token) -> bool:
    """'Invite local lawmakers to discuss the issue': an imperative tells the reader what
    to do; 'negotiating on the provision would mean ...': an act as the subject of a
    modal is supposed, not done."""
    if trigger.tag_ == "VB" and trigger.dep_ == "ROOT":
        return not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "expl") for c in trigger.children)
    if trigger.tag_ == "VBG" and trigger.dep_ in ("csubj", "nsubj"):
        return any(c.dep_ == "aux" and c.tag_ == "MD" for c in trigger.head.children)
    return False


def _undone(trigger: Token) -> bool:
    """'has not followed through on campaign threats to label China ... or impose tariffs':
    an infinitive hanging on a negated verb tells of what was not done."""
    node = trigger
    while node.dep_ == "conj" and node.head != node:
        node = node.head
    if node.dep_ not in ("advcl", "xcomp") or not infinitive(node):
        return False
    return any(c.dep_ == "neg" for c in node.head.children)


def _instead(trigger: Token) -> bool:
    """'chose to tackle it alone rather than funding and equipping the bloc', 'sent
    envoys instead of imposing sanctions': the alternative set aside was not done."""
    node = trigger
    for _ in range(4):
        start = node.left_edge.i
        before = " ".join(t.lower_ for t in node.doc[max(start - 2, 0) : start])
        if before in ("rather than", "instead of", "in place of"):
            return True
        if node.dep_ != "conj" or node.head == node:
            return False
        node = node.head
    return False


def _pending(trigger: Token) -> bool:
    """'interested parties have until Jan 6 to respond before the Commission makes a formal
    proposal': a present tense after 'before', 'until' or 'once' tells of an act to come."""
    verb = governing_verb(trigger) if trigger.pos_ in ("NOUN", "PROPN") else trigger
    if verb is None or verb.dep_ != "advcl" or verb.tag_ not in ("VBZ", "VBP"):
        return False
    return any(c.dep_ == "mark" and c.lower_ in ("before", "until", "once") for c in verb.children)


def _attempted(trigger: Token) -> bool:
    """'have tried repeatedly to negotiate a solution': a past attempt, neither an intent
    stated now nor an act done."""
    head = trigger.head
    auxes = [a for a in head.children if a.dep_ in ("aux", "auxpass")]
    past = head.tag_ in ("VBD", "VBN") or any(a.lemma_ == "have" for a in auxes)
    # 'the KRG was trying to force out the group': an attempt under way then, not an act
    progressive = head.tag_ == "VBG" and any(a.lower_ in ("was", "were") for a in auxes)
    # 'signed two executive orders attempting to prevent refugees ...': what they attempt
    progressive = progressive or (head.tag_ == "VBG" and head.dep_ == "acl")
    return (
        trigger.dep_ == "xcomp"
        and head.lemma_.lower() in ("try", "attempt")
        and (past or progressive)
    )


def _believed_or_asked(trigger: Token) -> bool:
    """An act someone only believes or expects will happen ('the commander said he believes
    US-backed forces will retake Raqqa'), or one asked about ('a test of whether the Dutch
    wanted to quit the EU'): no one's stated intent, whatever its modality."""
    node = trigger
    if trigger.pos_ in ("NOUN", "PROPN"):  # 'whether the battle for Raqqa will be launched'
        node = governing_verb(trigger) or trigger
    for _ in range(6):
        if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for c in node.children):
            return True
        head = node.head
        if head == node:
            return False
        if node.dep_ == "ccomp" and head.lemma_.lower() in COGNITION:
            return True
        if node.dep_ not in ("xcomp", "ccomp", "conj", "advcl"):
            return False
        node = head
    return False


def _subjunctive(verb: Token) -> bool:
    """'(demanded that X) be taken', '(urged that he) resign': a bare verb or 'be' with a
    subject, or a modal: wanted, not done."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" for a in auxes):
        return True
    subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
    bare = verb.tag_ == "VB" and not auxes
    return subject and (bare or any(a.tag_ == "VB" and a.lower_ == "be" for a in auxes))


def _used_force(verb: Token) -> bool:
    """'police used tear gas to disperse demonstrators': force used for an act does it."""
    return verb.lemma_.lower() == "use" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in FORCE_NOUNS for c in verb.children
    )


FORCE_NOUNS = frozenset(
    {
        "gas",
        "force",
        "cannon",
        "cannons",
        "bullet",
        "bullets",
        "baton",
        "batons",
        "grenade",
        "grenades",
        "spray",
        "truncheon",
        "truncheons",
        "weapon",
        "weapons",
        "live",
    }
)


# verbs of a purpose clause that only say what the act makes possible
ENABLING = frozenset({"allow", "enable", "permit", "help", "let"})


def _irrealis(trigger: Token, heads: frozenset[str]) -> bool:
    """An act only wanted, tried, planned, asked for or called possible ('wants to forge
    cooperation', 'designed to damage', 'using that rationale to defend'), an act in a
    purpose clause ('... to increase deportations'), or an act someone only believes in
    ('those who believed he would evolve to meet ...'). Frames that code such acts on
    their own ('agreed to', 'threatened to', 'refused to') consume the complement
    before it gets here, so what reaches this check was left uncomposed."""
    node = trigger
    if trigger.pos_ in ("NOUN", "PROPN"):
        node = governing_verb(trigger) or trigger  # 'its plan to start negotiations'
    if _listed_under(trigger, heads):
        return True  # 'had pledged to close the borders, shut mosques, ban sales of ...'
    for _ in range(5):
        head = node.head
        if head == node:
            return False
        if node.dep_ == "xcomp" and head.lemma_.lower() in heads and not _used_force(head):
            return True
        if node.dep_ == "conj" and infinitive(node) and head.lemma_.lower() in heads:
            return True  # 'calls for X to suspend tests, and for Y to halt exercises'
        valued = node.dep_ == "xcomp" or (node.dep_ == "advcl" and infinitive(node))
        if valued and any(c.dep_ == "acomp" and c.lemma_.lower() in heads for c in head.children):
            return True  # 'how important it is to cooperate', 'not unusual for X to meet Y'
        purpose = node.dep_ == "advcl" and infinitive(node)
        if purpose and head.lemma_.lower() in heads and not _used_force(head):
            return True  # 'using that rationale to defend ...'; not 'sent troops to secure'
        if purpose and node.lemma_.lower() in ENABLING:
            return True  # 'airlifted SDF fighters to allow them to launch the assault'
        if node.dep_ in ("xcomp", "ccomp") and head.lemma_.lower() in ENABLING:
            return True  # 'allowed them to launch the assault': permitted, not done
        if node != trigger and node.dep_ == "acl" and node.tag_ == "VBG":
            return True  # 'guidance directing schools to allow ...': what a text prescribes
        if node.dep_ == "ccomp" and head.lemma_.lower() in COGNITION:
            return True
        if node.dep_ == "ccomp" and head.lemma_.lower() in heads and infinitive(node):
            return True  # 'she wants France to withdraw' (parsed as a clause): wanted
        if node.dep_ == "xcomp" and head.lower_ == "were" and _inverted(head):
            return True  # 'were he to support immigration reform': a condition
        if node.dep_ == "ccomp" and head.lemma_.lower() in heads and _subjunctive(node):
            return True  # 'demanded that control of the ministry be taken away from ...'
        if node.dep_ == "acl" and head.lemma_.lower() in heads:
            return True  # 'an attempt by Democrats to force Trump ...'
        if node.dep_ == "relcl" and head.lemma_.lower() in heads and infinitive(node):
            return True  # 'Repeated bids to launch peace negotiations have failed' (misparsed)
        if node.dep_ == "acl" and head.pos_ == "NOUN" and infinitive(node):
            return True  # "Britain's decision to withdraw", 'cooperation to fight IS'
        if node.dep_ == "pcomp" and head.dep_ == "prep" and head.head.lemma_.lower() in heads:
            return True  # 'no chance of Parliament approving ...', 'fear of being deported'
        if node.dep_ == "pcomp" and head.lower_ in EXAMPLE_PREPS and head.head != head:
            node = head.head  # 'pressing China to do more, including imposing sanctions'
            continue
        if node.dep_ not in ("xcomp", "conj", "ccomp") and not purpose:
            return False
        node = head  # 'called for the AU to step in to stop attacks': up to 'called'
    return False


def _listed_under(trigger: Token, heads: frozenset[str]) -> bool:
    """A bare verb in a list that began with an infinitive under a wish or a pledge ('had
    pledged to close the borders, shut mosques, ban sales of the Quran'), which the parser
    joined to the pledge itself: the verb is one more pledged act, not one done. A bare
    form with no subject and no auxiliary of its own reports nothing by itself."""
    if trigger.tag_ != "VB" or trigger.dep_ != "conj":
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in trigger.children):
        return False
    node = trigger
    for _ in range(6):
        if node.dep_ != "conj" or node.head == node:
            break
        node = node.head
    if node.lemma_.lower() in heads and any(
        c.dep_ == "xcomp" and infinitive(c) and c.i < trigger.i for c in node.children
    ):
        return True
    # 'campaigned on pledges to close borders, close mosques, ban the Quran': the list
    # began with an infinitive under a pledge noun in the clause the verb is joined to
    return any(
        t.i < trigger.i
        and t.dep_ == "acl"
        and infinitive(t)
        and t.head.pos_ == "NOUN"
        and t.head.lemma_.lower() in heads
        for t in node.subtree
    )


def _inverted(verb: Token) -> bool:
    """'were he to ...': the subject after its verb, a conditional without 'if'."""
    return any(c.dep_ == "nsubj" and c.i > verb.i for c in verb.children)


# adverbs that tell how often something is done: a habit, not an act
FREQUENCY = frozenset(
    {
        "seldom",
        "rarely",
        "often",
        "usually",
        "always",
        "sometimes",
        "frequently",
        "typically",
        "generally",
        "traditionally",
        "habitually",
        "normally",
        "commonly",
        "occasionally",
        "systematically",
        "regularly",
        "constantly",
        "continually",
        "perennially",
    }
)


def _how_often(trigger: Token) -> bool:
    """'Saudi kings seldom undertake such regional tours', 'Republicans have frequently
    attacked Democrats': how often something is done, not one act."""
    if trigger.pos_ == "NOUN" and any(
        c.dep_ == "amod" and c.lower_ in RECURRING for c in trigger.children
    ):
        return True  # 'officials have been making regular trips to Brussels': a routine
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else governing_verb(trigger)
    if verb is None:
        return False
    if any(c.dep_ == "advmod" and c.lower_ in FREQUENCY for c in verb.children):
        return True
    if _for_years(verb):
        return True  # 'had for years opposed the idea of a common budget': a stance held
    # 'travels to Ireland every second year', 'meets them each week': a recurring time
    return any(
        c.dep_ == "npadvmod"
        and c.lemma_.lower() in PERIODS
        and any(d.dep_ == "det" and d.lower_ in ("every", "each") for d in c.children)
        for c in verb.children
    )


# adjectives of a routine on an event noun ('regular trips', 'routine patrols')
RECURRING = frozenset({"regular", "frequent", "routine", "periodic", "occasional"})
# spans of years a stance or a practice is held over ('for years', 'for decades')
LONG_SPANS = frozenset({"years", "decades", "generations", "centuries"})


def _for_years(verb: Token) -> bool:
    """'had for years opposed the idea', 'has for decades backed the rebels': a stance
    or a practice held over years with no count, not one act ('was jailed for five years'
    counts the term; a passive is left alone)."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return False
    auxes = [c for c in verb.children if c.dep_ == "aux"]  # 'had for years opposed'
    for prep in (p for h in (verb, *auxes) for p in h.children):
        if prep.dep_ != "prep" or prep.lower_ != "for":
            continue
        for span in prep.children:
            counted = any(c.dep_ == "nummod" or c.like_num for c in span.children)
            if span.dep_ == "pobj" and span.lower_ in LONG_SPANS and not counted:
                return True
    return False


PERIODS = frozenset(
    {"day", "week", "month", "year", "summer", "winter", "spring", "autumn", "weekend", "morning"}
)


def _habitual(trigger: Token, statements: frozenset[str]) -> bool:
    """A simple-present main verb that is not a statement ('Canada welcomes refugees',
    'Russia employs a great deal of people'): a habit or a state, not a dated act."""
    verb = trigger
    if verb.pos_ != "VERB":
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    # a present passive is a standing state: 'North Korea is banned by the UN from missile
    # tests, the report said', 'the forum is supported by the government'
    state = verb.tag_ == "VBN" and [(a.dep_, a.tag_) for a in auxes] in (
        [("auxpass", "VBZ")],
        [("auxpass", "VBP")],
    )
    if state:
        auxes = []
    elif verb.tag_ not in ("VBZ", "VBP"):
        return False
    reason = verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in ("because", "since", "as") for c in verb.children
    )  # 'became the enemy of the West because it offers an alternative'
    reported = state and verb.dep_ == "ccomp"
    main = verb.dep_ in ("ROOT", "conj") or reason or reported
    if verb.lemma_.lower() in statements or not main:
        return False
    own = [
        c for c in verb.children if c.dep_ not in ("conj", "ccomp", "advcl", "relcl", "parataxis")
    ]
    if any(t.ent_type_ in ("DATE", "TIME") for c in own for t in c.subtree):
        return False  # 'negotiators return to Geneva this week'; not 'but ... in 2007'
    return not auxes


THING_PREPS = frozenset({"with", "against", "for", "on", "over"})


def _thing_object(
    trigger: Token, *, direct_only: bool = False, actors: frozenset[int] | set[int] = frozenset()
) -> bool:
    """The trigger acts on a thing, not on anyone, in a sense the pattern did not ask for
    ('fighting legal problems', 'forced hours of debate', 'fighting for every vote',
    'spoke with fondness', 'received congratulatory messages'): another sense of the
    word. Patterns that name their object ('impose sanctions') are exempt."""
    if trigger.pos_ != "VERB":
        return False
    pattern = match_trigger(trigger)
    if pattern is not None and pattern.obj:
        return False
    objects = [c for c in trigger.children if c.dep_ == "dobj"]
    objects += (
        []
        if direct_only
        else [
            g
            for c in trigger.children
            if c.dep_ == "prep" and c.lower_ in THING_PREPS
            for g in c.children
            if g.dep_ in ("pobj", "pcomp")
        ]
    )
    # 'commit some of the shootings': the counted noun
    objects += [
        g
        for o in list(objects)
        if o.pos_ in ("PRON", "DET", "NUM")
        for c in o.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    return any(_thing(o) for o in objects if o.i not in actors)


# people advised as buyers and users of something, not as political actors
CONSUMERS = frozenset(
    {"customer", "consumer", "shopper", "user", "buyer", "patient", "passenger", "traveller",
     "traveler", "motorist", "driver", "viewer", "reader", "listener", "homeowner", "diner",
     "household", "parent", "resident", "tenant", "pet owner"}
)  # fmt: skip


# stances a group is described by ('a group supporting the president', 'parties
# backing the bill'), not acts
STANCES = frozenset({"support", "back", "oppose", "favor", "favour", "endorse"})


def _thing(token: Token) -> bool:
    if token.pos_ == "VERB":
        return True  # 'insisted on using ...'
    if token.lemma_.lower() in WAR_CRAFT:
        return False  # 'Russian jets bombed rebel positions': the air force that flies them
    if token.lower_ in GROUP_HEADS or token.like_num:
        member = _of_object(token)  # 'Thousands of Iraqi Kurds demonstrated': the Kurds
        if member is not None:
            return _thing(member)
    if token.pos_ != "NOUN" or is_actor(token) or _person(token) or named_by_layer(token):
        return False
    if any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in token.children):
        return False  # 'the winner of the election, Emmanuel Macron'
    named = (c for c in token.children if c.dep_ in ("compound", "amod", "nmod"))
    return token.ent_type_ not in ACTOR_ENTITIES and not any(
        c.ent_type_ in ACTOR_ENTITIES and c.ent_type_ != "NORP" for c in named
    )


def _person(noun: Token) -> bool:
    """A noun for people ('director', 'expats', 'staff'), or an agent noun of the actor
    dictionaries ('minister', 'activist')."""
    lemma = noun.lemma_.lower()
    return (
        lemma in _sets()["person_nouns"]
        or lemma.rstrip("s") in _sets()["person_nouns"]
        or (agent_sector(lemma) is not None)
    )


def _reduced_passive(verb: Token) -> bool:
    """'A US general killed and a dozen wounded': a headline's participle with no
    auxiliary, whose subject is the one acted on, not the actor."""
    if verb.pos_ != "VERB" or verb.tag_ != "VBN" or verb.dep_ not in ("ROOT", "conj"):
        return False
    children = list(verb.children)
    if any(c.dep_ in ("aux", "auxpass") for c in children):
        return False
    return any(c.dep_ == "nsubj" for c in children)


def _tally_since(trigger: Token, targets: Sequence[Token]) -> bool:
    """'66 Turkish troops have been killed in Syria since Turkey began its operations': a
    count of the acts, by no one named, over a stretch that a perfect tense and 'since' run
    up to now, not one act."""
    perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in trigger.children)
    unnamed = any(c.dep_ == "auxpass" for c in trigger.children) and not any(
        c.dep_ == "agent" for c in trigger.children
    )  # 'Iraqi forces have killed 40 militants since Monday' tells whose operation it is
    since = any(
        (c.dep_ == "prep" and c.lower_ == "since")
        or (c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "since" for m in c.children))
        for c in trigger.children
    )
    return perfect and unnamed and since and any(_counted(t) for t in targets)


def _times_over(trigger: Token) -> bool:
    """'has received leading politicians ... a total of 25 times': a tally, not an act."""
    near = [
        t
        for c in trigger.children
        if c.dep_ in ("npadvmod", "dobj", "advmod", "prep")
        for t in c.subtree
        if abs(t.i - trigger.i) <= 12
    ]
    return any(
        t.lemma_.lower() == "time" and any(g.dep_ == "nummod" for g in t.children) for t in near
    )


def _performer(noun: Token) -> Token | None:
    """'the anti-ISIL coalition stepped up its strikes': who performs an event noun, the
    subject of the verb it is the object of."""
    if noun.pos_ != "NOUN" or noun.dep_ != "dobj":
        return None
    verb = governing_verb(noun)
    return _subject(verb) if verb is not None else None


def _subject(verb: Token) -> Token | None:
    """The verb's subject; a relative pronoun stands for the noun it follows ('a deal
    that requires Iran to ...': the deal)."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    return relative_antecedent(verb, subject) or subject


def _budget_line(trigger: Token, targets: Sequence[Token]) -> bool:
    """Money committed with no one it goes to: 'Cuomo has committed nearly $6 billion in
    funding for home health care', "Manitoba's government has committed $10 million
    Canadian a year" (the currency's name is no recipient). A budget line, not a promise
    to anyone; 'Japan pledged $1 billion to Ukraine' keeps its recipient."""
    sums = _money_objects(trigger)
    return bool(sums) and all(any(t.i in words for words in sums) for t in targets)


def _money_objects(trigger: Token) -> list[set[int]]:
    """The tokens of each of the trigger's objects that is a sum of money, without what
    it goes to ('$50,000 worth of goods to Baghdad University': not the university)."""
    sums = []
    for obj in trigger.children:
        amount = [obj, *(c for c in obj.children if c.dep_ in AMOUNT_DEPS)]
        if obj.dep_ != "dobj" or not any(_money_word(t) for t in amount):
            continue  # not 'proposed a bill that would fine a man $100'
        recipients = {
            t.i
            for p in obj.subtree
            if p.dep_ == "prep" and p.lower_ in ("to", "for", "into")
            for t in p.subtree
        }
        sums.append({t.i for t in obj.subtree} - recipients)
    return sums


AMOUNT_DEPS = frozenset({"nummod", "quantmod", "compound", "nmod", "amod"})


def _money_word(token: Token) -> bool:
    """A token of a sum of money: tagged MONEY, a currency sign, a currency's name."""
    if token.ent_type_ == "MONEY" or token.tag_ == "$":
        return True
    return token.lemma_.lower() in claim_words("en")["currency_words"]


def _raised_subject(verb: Token) -> Token | None:
    """'China's advocacy seems to have offered a solution': the subject of 'seem'."""
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("seem", "appear", "prove", "tend"):
        return _subject(verb.head)
    return None


def _agentive(subject: Token) -> bool:
    """A subject that names someone ('The director of ...', 'Expats', 'it' taken for a
    state): when the source came out empty, the sentence's actor was lost."""
    if subject.lower_ in ("there", "this", "that", "what", "which", "who", "one"):
        return False
    return (
        is_actor(subject)
        or _person(subject)
        or subject.pos_ == "PRON"
        or subject.ent_type_ in ACTOR_ENTITIES
    )


def _claim(verb: Token) -> bool:
    """'insisted (that) there was zero chaos': a claim, not a demand; a demand's clause
    has a modal or a subjunctive ('insisted that he must go', 'insisted he resign')."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    # 'insisted in a statement that the airport was safe': the clause the parser hung on
    # the statement is what was insisted
    clauses += [
        clause
        for prep in verb.children
        if prep.dep_ == "prep"
        for noun in prep.children
        if noun.dep_ == "pobj" and noun.lemma_.lower() in OCCASIONS
        for clause in noun.children
        if clause.dep_ in ("acl", "ccomp") and any(m.lower_ == "that" for m in clause.children)
    ]
    if not clauses:
        return False
    for clause in clauses:
        modal = any(c.dep_ == "aux" and c.lower_ in DEMANDING for c in clause.children)
        bare = not any(c.dep_ == "aux" for c in clause.children)  # 'insisted he resign'
        # 'insisted that Scotland be given a choice': a subjunctive passive
        subjunctive = any(c.dep_ == "auxpass" and c.tag_ == "VB" for c in clause.children)
        if modal or (bare and (clause.tag_ == "VB" or subjunctive)):
            return False
    return True  # 'insisted that they will someday make good on their promise': a claim


def _denied_a_reading(verb: Token) -> bool:
    """'She denied a rise in people going back reflected an uncertainty': what is denied
    is a reading of a thing (a clause whose subject is no actor and whose verb codes no
    act), not an accusation ('denied that it attempted to influence the election' and
    'denied the missiles were fired by Russia' stay denials)."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if not clauses:
        return False
    for clause in clauses:
        subject = _subject(clause)
        if subject is None or not _thing(subject) or is_actor(subject):
            return False
        if any(match_trigger(t) is not None for t in clause.subtree):
            return False
    return True


# modals of a demand ('insisted that he must go'); 'will', 'would', 'can' tell a claim
DEMANDING = frozenset({"must", "should", "shall", "ought", "need", "needs"})


def _reported_future(trigger: Token) -> bool:
    """'Afghan rebel leaders said they would meet ...': 'would' in reported speech is the
    future seen from the past, not a condition."""
    node = trigger
    for _ in range(4):
        if node.dep_ == "ccomp" and node.head.lemma_.lower() in REPORTING:
            return True
        if node.dep_ not in ("xcomp", "conj") or node.head == node:
            return False
        node = node.head
    return False


REPORTING = frozenset(
    {
        "say",
        "tell",
        "announce",
        "state",
        "declare",
        "add",
        "insist",
        "confirm",
        "report",
        "warn",
        "promise",
        "pledge",
        "vow",
        "write",
        "claim",
        "indicate",
        "signal",
        "reply",
    }
)


def _speaks(noun: Token) -> bool:
    """A report, a statement, a letter: a thing that speaks for its author."""
    return noun.lemma_.lower() in tables.lexicon()["publication_nouns"]


def _violent(noun: Token) -> bool:
    """An event noun of force ('the attack killed', 'clashes left ...'): a subject that
    acts, unlike 'investment declined'."""
    pattern = match_trigger(noun)
    return pattern is not None and tables.code_info(pattern.code).plover in FORCE


FORCE = frozenset({"ASSAULT", "COERCE", "PROTEST", "MOBILIZE", "THREATEN", "SANCTION"})

# craft a military acts through: as a subject, they stand for the force that flies them
WAR_CRAFT = frozenset(
    {"jet", "warplane", "plane", "aircraft", "drone", "helicopter", "gunship", "bomber",
     "fighter", "tank", "warship", "submarine", "frigate", "destroyer", "artillery"}
)  # fmt: skip

# what is fired or dropped
MUNITIONS = frozenset(
    {"missile", "rocket", "shell", "bomb", "round", "torpedo", "projectile", "mortar", "salvo"}
)


def _figurative_noun(noun: Token) -> bool:
    """'a war of words', 'a war of nerves', 'an attack on the credibility of the agency':
    the noun names no act of its kind."""
    return any(
        c.dep_ == "prep"
        and (
            (c.lower_ == "of" and any(g.lemma_.lower() in ("word", "nerve") for g in c.children))
            or (c.lower_ == "on" and any(g.lemma_.lower() in ABSTRACT for g in c.children))
        )
        for c in noun.children
    )


# what an 'attack on ...' hits when it is made in words
ABSTRACT = frozenset(
    {"credibility", "reputation", "integrity", "character", "record", "legitimacy", "freedom"}
)


def _prediction(verb: Token) -> bool:
    """'warned (that) it could lead to ...': a forecast about a thing, not a threat by
    the speaker ('warned that it would retaliate' keeps the speaker's own act)."""
    for clause in _warned_clauses(verb):
        subject = _subject(clause)
        if subject is None:
            continue
        thing = subject.lower_ in ("it", "this", "that") and not _refers_back(subject)
        if _threatened_act(subject):
            continue  # 'saying that a military response would be "on the table"': a threat
        if thing or _thing(subject):
            return True
    return False


# nouns of a warner's own act: 'a military response would be on the table'
RESPONSE_NOUNS = frozenset(
    {"response", "action", "retaliation", "reprisal", "consequence", "consequences",
     "measure", "measures", "option", "force", "punishment", "countermeasure"}
)  # fmt: skip


def _threatened_act(subject: Token) -> bool:
    """A clause subject that names an act the warner's side may do ('a military response',
    'consequences', 'strikes'), not a thing that will happen by itself."""
    return subject.lemma_.lower() in RESPONSE_NOUNS or match_trigger(subject) is not None


def _warned_clauses(trigger: Token) -> list[Token]:
    """What a warning says: the verb's 'that' clause, or for a noun ('issued a warning
    that ...', 'issued a warning, saying that ...') the noun's clause or the clause of
    the saying that goes with its support verb."""
    clauses = [c for c in trigger.children if c.dep_ == "ccomp"]
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return clauses
    clauses += [
        c for c in trigger.children if c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX")
    ]
    verb = governing_verb(trigger)
    if verb is not None:
        sayings = [c for c in verb.children if c.dep_ in ("advcl", "xcomp") and c.lemma_ == "say"]
        clauses += [g for c in sayings for g in c.children if g.dep_ == "ccomp"]
    return clauses


# what a warning is about when it tells of a danger rather than threatening an act
DANGERS = frozenset({"danger", "risk", "peril", "hazard", "threat", "perils", "pitfall"})


# what a warning 'against' or 'of' is about when it tells of a trend: 'warned against the
# recent increase in right-wing populism'
TRENDS = frozenset({"rise", "increase", "growth", "spread", "surge", "resurgence", "return"})


def _others_warned_of(trigger: Token, sides: Sides) -> bool:
    """A warning about what others do or are ('Yi gave warning that North Korea and the
    US were like two accelerating trains', 'warned of Turkish officials stoking
    divisions'): a claim about them, not a threat of the warner's own act. The warner's
    own country keeps its threat ('Putin warned that Russia would respond')."""
    own = {a.country for a in sides[0][1] if a.country}
    verb = governing_verb(trigger) if trigger.pos_ == "NOUN" else trigger
    heads = [h for h in (trigger, verb) if h is not None]
    warned = [o for h in heads for o in h.children if o.dep_ == "dobj"]  # 'warned delegates of'
    dangers = [
        o
        for h in heads + warned
        for p in h.children
        if p.dep_ == "prep" and p.lower_ in ("of", "about", "against")
        for o in p.children
        if o.dep_ == "pobj" and o.lemma_.lower() in DANGERS | TRENDS
    ]
    if dangers:
        return True  # 'Mr Kenny warned delegates of the dangers of the rise in populism'
    doers = [_subject(c) for h in heads for c in h.children if c.dep_ == "ccomp"]
    doers += [  # 'warned of Turkish officials stoking divisions'
        g.head if g.dep_ == "acl" else g
        for h in heads
        for p in h.children
        if p.dep_ == "prep" and p.lower_ in ("of", "about")
        for o in p.children
        if o.dep_ in ("pobj", "pcomp")
        for g in (o, *o.children)
        if g.tag_ == "VBG" and g.dep_ in ("acl", "pcomp")
    ]
    countries = [_country_of(d) for d in doers if d is not None and is_actor(d)]
    return bool(own and countries) and all(c is not None and c not in own for c in countries)


def _country_of(token: Token) -> str | None:
    """The country the phrase headed by ``token`` names ('North Korea', 'Turkish officials')."""
    start, end = actor_span(token)
    code = code_phrase(doc_text(token.doc)[start:end])
    return code.country if code is not None else None


def _refers_back(pronoun: Token) -> bool:
    """An 'it' that stands for the speaker's own state ('Russia warned it would respond')."""
    return (
        pronoun.lower_ == "it"
        and any(
            c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll") for c in pronoun.head.children
        )
        and pronoun.head.lemma_.lower() in ("respond", "retaliate", "act", "strike", "react")
    )


VISITS = frozenset({"042", "043"})
TRAVELS = frozenset({"fly", "travel", "go", "come", "arrive", "head", "return", "visit", "trip"})


def _visit(trigger: Token, code: str) -> bool:
    """A visit, or a journey to come coded as an intent to meet ('Ri will fly from Malaysia
    to Pyongyang'): only an official's is a political event."""
    return code in VISITS or (code == "036" and trigger.lemma_.lower() in TRAVELS)


def _trip_at_home(sources: Sequence[EventActor], targets: Sequence[EventActor]) -> bool:
    """A journey to a place of the traveller's own country ('Trump will fly to Florida'):
    no one is visited; a person or a body there (a governor, a parliament) would be."""
    homes = {a.country for a in sources}
    if not targets or len(homes) != 1 or None in homes:
        return False
    return all(
        a.country in homes and (a.entity or "").startswith(("local:gpe:", "local:loc:"))
        for a in targets
    )


def _returned_home(
    trigger: Token, sources: Sequence[EventActor], targets: Sequence[EventActor]
) -> bool:
    """'Trump and his advisers returned to the White House', 'the minister returned to
    London': going back to a place or a body of one's own country is coming home, no
    visit (CAMEO 042 visits someone else)."""
    if trigger.lemma_.lower() != "return":
        return False
    homes = {a.country for a in sources}
    if not targets or len(homes) != 1 or None in homes:
        return False
    return all(a.country in homes for a in targets)


def _official(actor: EventActor, sets: dict[str, frozenset[str]]) -> bool:
    """A visitor whose trip is political: a state, an organisation of states, a person or
    body the knowledge base knows, or a government, military, legislative, judicial,
    party or rebel agent."""
    return _state_or_known(actor) or (actor.sector or "") in sets["official_sectors"]
