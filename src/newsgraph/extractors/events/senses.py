"""Word senses: whether a trigger is used in the sense its CAMEO code needs (an appeal,
a visit, an investment with a partner, a comment that is not a no-comment, ...).
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph.extractors.events import tables
from newsgraph.extractors.events.patterns import (
    conjuncts,
    governing_verb,
    is_actor,
    match_trigger,
    people_nouns,
    prep_governs,
    with_partner,
)
from newsgraph.kb.actor_codes import agent_sector

NO_COMMENT = frozenset(
    {
        "comment",
        "respond",
        "response",
        "answer",
        "elaborate",
        "say",
        "speak",
        "discuss",
        "confirm",
        "disclose",
        "reveal",
        "specify",
        "detail",
        "identify",
        "name",
        "interview",
        "question",
        "statement",
        "expand",
        "explanation",
        "explain",
        "clarify",
        "clarification",
    }
)


VISIT_CODES = frozenset({"042"})


PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC", "ORG", "PERSON", "NORP"})


def _sense(trigger: Token, code: str) -> bool:
    """Word senses that are not the coded act."""
    lemma = trigger.lemma_.lower()
    children = list(trigger.children)
    particles = {c.lower_ for c in children if c.dep_ == "prt"}
    if lemma == "sign" and "up" in particles:  # 'sign up for coverage'
        return False
    if lemma == "talk" and trigger.pos_ == "NOUN" and trigger.tag_ == "NN":
        return code not in ("040",)  # 'this kind of talk'; talks are plural
    naming = any(c.dep_ in ("oprd", "ccomp", "xcomp") for c in children)
    if lemma in ("call", "ring") and code == "041" and naming:
        return False  # 'call me a diva'
    if lemma == "walk" and _walked_somewhere(trigger):
        return False  # 'she walked out among the graves': a walk, no walkout
    if lemma == "demonstrate" and (_shows_how(trigger) or _shown_to_viewers(trigger)):
        return False  # 'demonstrated with a doll how he was holding his son': showed
    if code == "041" and _called_for_help(trigger):
        return False  # 'Medina called police and was arrested when they arrived': an emergency call
    if lemma == "call" and code.startswith("02") and not _appeal_prep(trigger):
        return False  # 'on Monday called the relationship "stronger than ever"'
    if lemma == "ask" and _asks_a_question(trigger):
        return False  # 'asked if ...', 'I asked him what he had meant'
    if lemma == "warn" and code == "130" and any(c.dep_ == "ccomp" for c in children):
        return False  # 'experts warn (that) nurdles can soak up ...': a statement
    if lemma == "meet" and code == "040" and _object_not_actor(trigger):
        return False  # 'meet the requirements'
    if lemma == "meet" and _meets_a_goal(trigger):
        return False  # 'aims to meet EU emissions targets': a goal reached, no meeting
    if lemma == "meet" and _met_with_a_reply(trigger):
        return False  # 'had been met with a brick wall of intransigence': a reception
    if lemma == "force" and any(c.dep_ == "dobj" and c.lemma_ == "hand" for c in children):
        return False  # 'force the president's hand'
    if _in_supposition(trigger):
        return False  # 'the suggestion that X needed to be investigated'
    if _in_indirect_question(trigger):
        return False  # 'it is not clear if DHS will offer ...'
    if lemma == "agree" and trigger.pos_ == "VERB" and not _agrees_to_something(trigger):
        return False  # 'Wisor agreed.', 'agreed with the school's assessment', 'agreed that
        # he had described himself as ...' (an opinion: no act agreed on)
    if lemma in ("request", "call", "appeal", "ask", "seek") and _for_comment(trigger):
        return False  # 'did not respond to CNN's request for comment', 'asked X for comment'
    if lemma in ("call", "ask", "request", "seek") and _legal_step(trigger):
        return False  # 'prosecutors asked for eight years', 'plan to call X as a witness'
    if lemma == "petition" and trigger.pos_ == "NOUN" and _filed_in_court(trigger):
        return False  # 'filed its petition in bankruptcy court': a filing, asks no one
    if lemma == "beat" and _contest(trigger):
        return False  # 'beat the US to become the largest market for Apple's app store'
    if _title_participle(trigger):
        return False  # 'Investigating magistrate Eloy Valesco ruled ...': a title
    if _adjectival_participle(trigger):
        return False  # 'was rejected asylum-seeker Anis Amri': an adjective, no rejection
    if _no_one_acts(trigger, code) or _another_kind_of_act(trigger, code):
        return False
    if lemma == "propose" and code == "030" and _domestic_measure(trigger):
        return False  # 'proposed a new tax on imports', 'proposed $1.5bn for his wall'
    if code == "061" and not _invests_somewhere(trigger):
        return False  # 'China invested 3.58 trillion yuan to build railways': domestic
    if code in VISIT_CODES and trigger.pos_ == "VERB" and not _visits_somewhere(trigger):
        return False  # 'come to serious harm', 'the lengths he goes to'
    if lemma == "oppose" and any(c.dep_ == "mark" and c.lower_ == "as" for c in children):
        return False  # 'As opposed to its neighbours, Serbia ...': a comparison
    if (
        lemma == "strike"
        and "down" in particles
        and not any(c.dep_ in ("dobj", "nsubjpass") and is_actor(c) for c in children)
    ):
        return False  # 'the Supreme Court struck down a key provision': a ruling
    if lemma == "attack" and any(c.dep_ == "prep" and c.lower_ == "as" for c in children):
        return False  # 'Republicans attacked it as a "bailout"': words, not force
    if _remembered(trigger):
        return False  # 'the 113th anniversary since the naval battle': history remembered
    if _as_predicate(trigger):
        return False  # 'refused to accept East Jerusalem as occupied': a state, no act
    after = trigger.nbor() if trigger.i + 1 < len(trigger.doc) else None
    if lemma == "allow" and after is not None and after.lower_ == "for":
        return False  # 'will allow for X to remain', 'the deal allows for': made possible
    if lemma == "crack" and not _cracked_down_on_someone(trigger):
        return False  # 'cracking down on leaks': a policy on a thing, not on anyone
    if lemma == "approve" and code.startswith("08") and not _approves_anothers(trigger):
        return False  # 'the FDA approved two drugs', 'MPs approved the bill': a decision
    if code.startswith("12") and _text_voted_down(trigger):
        return False  # 'MPs rejected a Lords amendment by 335 votes to 287': a vote
    if lemma in ("decline", "refuse", "reject") and _no_comment(trigger):
        return False  # 'declined further comment', 'refused to answer questions'
    if _session14_other_sense(trigger, code) or _session15_other_sense(trigger, code):
        return False
    if _session16_other_sense(trigger, code) or _session17_other_sense(trigger, code):
        return False
    if code.startswith(("18", "19")) and _war_of_a_place(trigger):
        return False  # 'since the Syrian civil war began in 2011': no side named
    if code.startswith("02") and lemma in ASKING_VERBS and _asked_at_home(trigger):
        return False  # 'requested $3 billion more for the Pentagon': a budget at home
    # 'released a statement', 'returned the report'
    return not (code.startswith("084") and _published(trigger))


def _no_one_acts(trigger: Token, code: str) -> bool:
    """A trigger word that tells no act anyone did: an adjective the parser took for a
    verb, a title, a law or a craft where an actor would be, a conjecture, a plan's step
    or an act only called for, a show or a plan at home promised to no one."""
    lemma = trigger.lemma_.lower()
    if _object_taken(trigger):
        return True  # 'a plan to deport rejected asylum-seekers': an adjective too
    if _in_quoted_title(trigger):
        return True  # 'the author of "Divided Nation: Investigating Europe's Militants"'
    if lemma in BACKING_VERBS and _backed_by_a_thing(trigger):
        return True  # 'will have to be backed by EU legislation': a law, no one backing
    if _compared_readiness(trigger):
        return True  # 'would be more willing to allow states ...': a conjecture
    if _step_after_colon(trigger):
        return True  # 'outlined a backup plan: Allow the law to lapse': a step, not done
    if _term_of_a_plan(trigger):
        return True  # 'under a third proposal, a Kurdish force would join the fight': a term
    if _called_for(trigger):
        return True  # 'Ahern is facing calls to quit politics': asked of him, not done
    if lemma == "probe" and _craft(trigger):
        return True  # 'NASA will send two unmanned probes to Jupiter': craft, no inquiry
    if lemma == "promise" and code.startswith("03") and _promises_a_show(trigger):
        return True  # 'The White House is promising a bold vision from Trump': publicity
    if code.startswith("03") and _domestic_proposal(trigger):
        return True  # "the administration's budget proposal": a measure at home
    # 'Trump has offered a childcare plan': a measure at home too
    return code.startswith("03") and lemma in PROPOSING and _offers_a_domestic_plan(trigger)


def _another_kind_of_act(trigger: Token, code: str) -> bool:
    """An act, but not of the coded kind: advocacy called a fight, a computer intrusion
    called an attack, an appeal to a liking, a post left at a company, a
    body's own meetings called off, a speech to a crowd."""
    lemma = trigger.lemma_.lower()
    if lemma in FIGHTING_VERBS and code.startswith("19") and _fought_for_a_cause(trigger):
        return True  # 'the trade deal it had proposed and fought for': advocacy, no force
    if code.startswith(("18", "19")) and lemma in ATTACK_WORDS and _computer_intrusion(trigger):
        return True  # 'hackers attacked the party's servers': an intrusion, no force
    if lemma == "appeal" and trigger.pos_ == "VERB" and _appeals_to_a_thing(trigger):
        return True  # "hoped to appeal to the president's focus on business": to please
    if lemma in SPENDING_VERBS and _money_moved(trigger):
        return True  # 'will have to deploy 40 percent of its tax revenues': spending
    if lemma in LEAVING_VERBS and _business_post_left(trigger):
        return True  # 'will step down from several positions at companies': no office
    if lemma in ("speak", "talk") and code.startswith("04") and _to_a_crowd(trigger):
        return True  # 'while talking to Republican supporters': a speech, no consultation
    if code in VISIT_CODES and lemma in ("visit", "tour") and _a_venue_visited(trigger):
        return True  # 'Putin visited the Tretyakov Gallery': a museum hosts no talks
    if code.startswith(("18", "19")) and _conflict_in_words(trigger):
        return True  # 'a diplomatic battle between Malaysia and North Korea': no force
    if code.startswith(("18", "19")) and trigger.pos_ == "VERB" and _legislature_acts(trigger):
        return True  # 'Congress shot it down', 'senators killed the bill': a vote
    if code.startswith(("18", "19")) and lemma in HARMING_VERBS and _harmed_by_a_measure(trigger):
        return True  # 'the sanctions are hurting Russia hard': a cost, no force
    if code.startswith("17") and lemma in BURNING_VERBS and _fuel_burnt(trigger):
        return True  # 'Ireland is still burning coal and peat': energy, nothing destroyed
    if code.startswith(("18", "19")) and lemma in HARMING_VERBS | HURT_VERBS and _accident(trigger):
        return True  # 'tourists were injured when a speedboat hit a fountain': no attacker
    # "Graham canceled this week's committee meetings": a schedule
    return code.startswith("16") and _own_meetings_called_off(trigger)


# places to see, worship or work in: visiting one consults no one ('the White House', a
# ministry, an embassy or a base are bodies or their seats, and stay)
VENUES = frozenset(
    {"gallery", "museum", "exhibition", "theatre", "theater", "zoo", "cathedral", "church",
     "mosque", "temple", "monastery", "synagogue", "library", "stadium", "arena", "cinema",
     "opera", "festival", "fair", "expo", "park", "memorial", "monument", "cemetery",
     "factory", "plant", "farm", "mine", "shop", "store", "mall", "market", "showroom"}
)  # fmt: skip


def _a_venue_visited(verb: Token) -> bool:
    """'visited Moscow's Tretyakov Arts Gallery', 'toured a car factory': every place
    visited is a venue named by its head noun, with no host to consult."""
    partners = [
        g
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "with"
        for g in c.children
        if g.dep_ == "pobj" and is_actor(g)
    ]
    if partners:
        return False  # 'toured a factory with Merkel': a visit made together
    objects = [g for c in verb.children if c.dep_ == "dobj" for g in conjuncts(c)]
    return bool(objects) and all(o.lower_ in VENUES or o.lemma_.lower() in VENUES for o in objects)


# verbs of fighting that can be advocacy ('fought for the deal'); as nouns they are
# conflict nouns too
FIGHTING_VERBS = frozenset({"fight", "battle", "struggle"})
# conflict nouns and the modifiers that make one a contest in words, courts or markets
CONFLICT_NOUNS = FIGHTING_VERBS | {"war", "clash", "fighting", "combat"}
NON_ARMED_KINDS = frozenset(
    {"diplomatic", "legal", "political", "verbal", "trade", "court", "courtroom", "judicial",
     "rhetorical", "ideological", "electoral", "economic", "bureaucratic", "procedural",
     "propaganda", "media", "price", "tariff", "currency", "custody", "turf", "budget",
     "public", "relations", "pr", "word", "words", "twitter", "cyber", "information",
     "charm", "publicity", "advertising", "lobbying", "marketing", "personal"}
)  # fmt: skip
# pushes that a modifier can make one of words or publicity ('a charm offensive')
CAMPAIGNS = frozenset({"offensive", "campaign", "blitz"})
# attacks that a modifier can make one of words ('rhetorical attacks', 'personal attacks')
ATTACKS = frozenset({"attack", "assault", "onslaught", "broadside", "barrage"})


def _conflict_in_words(noun: Token) -> bool:
    """A battle, fight or war that its own modifier places in diplomacy, courts, trade or
    words ('a diplomatic battle between X and Y', 'a legal fight', 'a trade war', 'a war
    of words'), an attack in words ('his rhetorical attacks on European leaders') or an
    offensive of charm or publicity ('a charm offensive'): no armed force ('a fierce
    battle', 'the battle for Mosul', 'the army's offensive', 'a suicide attack' stay)."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in CONFLICT_NOUNS | CAMPAIGNS | ATTACKS:
        return False
    kinds = {c.lower_ for c in noun.children if c.dep_ in ("amod", "compound", "nmod")}
    words = any(
        g.lower_ == "words"
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
        if g.dep_ == "pobj"
    )
    return bool(kinds & NON_ARMED_KINDS) or words


def _legislature_acts(verb: Token) -> bool:
    """A legislature or its members as the ones who shoot, kill or attack ('Not only did
    the Congress shoot it down', 'Senators killed the bill'): a legislature
    votes and speaks; it uses no armed force."""
    subjects = [t for c in verb.children if c.dep_ == "nsubj" for t in conjuncts(c)]
    return bool(subjects) and all(
        (agent_sector(t.lemma_.lower()) or "").startswith("LEG") for t in subjects
    )


HARMING_VERBS = frozenset({"hurt", "harm", "damage", "hit", "cripple", "squeeze"})
# measures and market forces that hurt a country or a firm without any force
MEASURES = frozenset(
    {"sanction", "tariff", "embargo", "measure", "restriction", "price", "cost", "tax",
     "inflation", "recession", "policy", "cut", "ban", "duty", "levy", "boycott", "crisis",
     "slump", "downturn", "shortage", "drought", "weather"}
)  # fmt: skip


def _harmed_by_a_measure(verb: Token) -> bool:
    """'the sanctions are hurting Russia', 'tariffs have hit Canadian farmers': the
    subject is a measure or a market force, not anyone using force."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    return bool(subjects) and all(s.lemma_.lower() in MEASURES for s in subjects)


HURT_VERBS = frozenset({"injure", "kill", "wound", "hurt", "die"})
VEHICLES = frozenset(
    {"bus", "minibus", "coach", "car", "truck", "lorry", "van", "train", "tram", "boat",
     "speedboat", "ferry", "ship", "vessel", "plane", "aircraft", "helicopter", "jet",
     "motorcycle", "motorbike", "bicycle", "taxi", "vehicle", "tractor", "tanker", "yacht"}
)  # fmt: skip
MISHAPS = frozenset(
    {"hit", "crash", "collide", "overturn", "capsize", "derail", "skid", "sink", "fall",
     "flip", "roll", "veer", "strike", "slam", "smash", "plunge", "topple", "swerve"}
)  # fmt: skip


def _accident(verb: Token) -> bool:
    """'were injured when a speedboat hit a fountain', 'died after their bus overturned':
    the harm comes from a vehicle's mishap, not from anyone's attack. The passive has no
    agent, and the vehicle hits no person ('when a truck ploughed into the crowd' stays)."""
    if any(c.dep_ == "agent" for c in verb.children):
        return False
    for clause in verb.children:
        if clause.dep_ != "advcl" or clause.lemma_.lower() not in MISHAPS:
            continue
        subjects = [c for c in clause.children if c.dep_ == "nsubj"]
        if not subjects or any(s.lemma_.lower() not in VEHICLES for s in subjects):
            continue
        if any(_driven_by_a_force(s) for s in subjects):
            continue  # 'when a police truck hit the crowd', 'an army jeep': a force's
        hit = [
            g
            for c in clause.children
            if c.dep_ in ("dobj", "prep")
            for g in ([c] if c.dep_ == "dobj" else [x for x in c.children if x.dep_ == "pobj"])
        ]
        people = people_nouns()
        if not any(
            is_actor(g) or g.ent_type_ in ("PERSON", "NORP", "ORG") or g.tag_ == "PRP"
            or g.lemma_.lower() in people
            for g in hit
        ):  # fmt: skip
            return True
    return False


def _driven_by_a_force(vehicle: Token) -> bool:
    """'a police truck', 'an army jeep', 'an Israeli tank': a vehicle of a force or a
    state, whose harm is that force's act."""
    return any(
        c.dep_ in ("compound", "amod", "nmod")
        and (agent_sector(c.text) is not None or c.ent_type_ in ("NORP", "ORG", "GPE"))
        for c in vehicle.children
    )


BURNING_VERBS = frozenset({"burn", "torch"})
FUELS = frozenset(
    {"coal", "peat", "oil", "gas", "fuel", "fuels", "wood", "diesel", "petrol", "gasoline",
     "lignite", "kerosene", "biomass", "calorie", "calories", "fat", "money", "cash"}
)  # fmt: skip


def _fuel_burnt(verb: Token) -> bool:
    """'is still burning coal and peat', 'burns fossil fuels': fuel burnt for energy (or
    money spent), nothing destroyed ('burned the village', 'burned flags' stay)."""
    objects = [g for c in verb.children if c.dep_ == "dobj" for g in conjuncts(c)]
    return bool(objects) and all(o.lemma_.lower() in FUELS for o in objects)


def _session14_other_sense(trigger: Token, code: str) -> bool:
    """Uses of a trigger word that report no act of the coded kind (session 14's dev
    draws): topics put on an agenda, a vow never to allow a harm, idioms, a thing
    received, relief felt, needs sought."""
    lemma = trigger.lemma_.lower()
    if lemma in TOPIC_VERBS and _topic_passive(trigger):
        return True  # 'Iran, Iraq and Lebanon will be discussed at the conference': topics
    if lemma in ENABLING_VERBS and _never_to_allow_a_harm(trigger):
        return True  # 'will never allow Wales to be ignored': a vow, no one refused
    if lemma == "call" and _called_it_a_day(trigger):
        return True  # 'called it a day on the minister': an idiom (he was let go)
    if lemma == "receive" and code in VISIT_HOST_CODES and _thing_received(trigger):
        return True  # 'payments Putin has received from foreign firms': no one hosted
    if lemma == "relief" and code.startswith("07") and _relief_felt(trigger):
        return True  # 'expressed relief that the far right had lost': a feeling, no aid
    if lemma == "release" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in DRAFTS for c in trigger.children
    ):
        return True  # 'released his "skinny budget" proposal': a publication, no release
    if lemma == "release" and code.startswith("084") and _things_released(trigger):
        return True  # 'jets released decoy flares at Chinese planes': no one set free
    if lemma == "call" and code.startswith("02") and _calls_for_a_cut(trigger):
        return True  # 'calling for wide-ranging cuts in the school programme': at home
    if lemma in ("decline", "refuse") and _not_drawn(trigger):
        return True  # 'has so far declined to be drawn on whether ...': a no-comment
    if lemma in ("recognize", "recognise") and _named_as_an_enemy(trigger):
        return True  # 'Germany recognises the PKK as a terrorist group': no recognition
    if lemma == "offer" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in CLAIM_NOUNS for c in trigger.children
    ):
        return True  # 'Spicer offering the inaccurate claim that ...': words, no offer
    return lemma == "seek" and code.startswith("02") and _seeks_a_need(trigger)
    # 'Kenyans seeking treatment after the hospitals turned them away': no request


def _session15_other_sense(trigger: Token, code: str) -> bool:
    """Uses of a trigger word that report no act of the coded kind (session 15's dev
    draws): hazard notices, a rank held, a duty, a forecast, a showing the parser left
    without its object."""
    lemma = trigger.lemma_.lower()
    hazard = lemma in ("warning", "warn", "alert", "advisory") and code.startswith("13")
    if hazard and _hazard_notice(trigger):
        return True  # 'blizzard warnings', 'a warning against traveling to Sudan'
    taken_over = lemma == "take" and any(
        c.dep_ == "prt" and c.lower_ == "over" for c in trigger.children
    )
    if (lemma == "occupy" or taken_over) and any(
        c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in RANKS for c in trigger.children
    ):
        return True  # 'has risen to occupy the top spot', 'took over top billing': a rank
    if lemma == "war" and trigger.pos_ == "NOUN" and _war_on_a_thing(trigger):
        return True  # "Trump's war on the environment", 'the war on drugs': a policy
    if lemma in ENABLING_VERBS and _never_to_allow_a_thing(trigger):
        return True  # 'will not allow regulations to make companies uncompetitive': a vow
    if _kept_from(trigger):
        return True  # 'to keep Baratov from being extradited': what is prevented is not done
    if lemma in DUTY_VERBS and _duty(trigger):
        return True  # 'Pence was required to cast the deciding vote': a rule, asked by no one
    if lemma == "demonstrate" and _object_left_out(trigger):
        return True  # 'and demonstrate "Europe First" does not mean ...' (misparsed): showed
    return _forecast(trigger)  # 'Britain will likely ... push the government to cooperate'


# hazards a public notice warns of, no threat by anyone against anyone
HAZARDS = frozenset(
    {"blizzard", "storm", "snow", "snowstorm", "winter", "weather", "flood", "flooding",
     "tsunami", "hurricane", "typhoon", "cyclone", "tornado", "heat", "heatwave", "frost",
     "wind", "gale", "fog", "ice", "avalanche", "wildfire", "fire", "drought", "smog",
     "pollution", "rain", "thunderstorm", "travel", "health", "earthquake", "volcano",
     "landslide", "surf", "tide", "dust"}
)  # fmt: skip


def _hazard_notice(trigger: Token) -> bool:
    """'blizzard warnings for New York', 'a travel warning', 'warned against traveling to
    the country': a notice of a hazard or advice to the public; a threat warns someone
    of what its speaker will do."""
    for c in trigger.children:
        if c.dep_ in ("compound", "amod", "nmod") and c.lemma_.lower() in HAZARDS:
            return True
        if c.dep_ == "prep" and c.lower_ in ("against", "about", "of"):
            for g in c.children:
                if g.dep_ in ("pcomp", "pobj") and g.lemma_.lower() in HAZARDS | OUTINGS:
                    return True  # 'against traveling to Sudan', 'of a storm'
    return False


# what the public is advised against doing: no act of the one who warns against anyone
OUTINGS = frozenset(
    {"travel", "traveling", "travelling", "trip", "visit", "visiting", "swim", "swimming",
     "hike", "hiking", "drive", "driving", "fly", "flying", "eat", "eating", "drink",
     "drinking", "camp", "camping"}
)  # fmt: skip


# what is 'occupied' when it is a rank or a place in a list, not ground
RANKS = frozenset(
    {"spot", "place", "position", "rank", "ranking", "slot", "top", "lead", "role", "niche",
     "billing", "leadership", "helm", "chairmanship", "presidency", "post", "job", "reins"}
)  # fmt: skip


def _war_on_a_thing(noun: Token) -> bool:
    """ "Trump's war on the environment", 'a war on drugs', 'the war against poverty': a war
    'on' or 'against' something that is no actor is a policy or a campaign, no fighting
    ('the war against ISIS', 'a war on Iran' stay)."""
    fought = [
        g
        for c in noun.children
        if c.dep_ == "prep" and c.lower_ in ("on", "against")
        for g in c.children
        if g.dep_ == "pobj"
    ]
    return bool(fought) and not any(is_actor(g) or g.ent_type_ for g in fought)


def _negated_future(kids: list[Token]) -> bool:
    """Whether a verb with these children is negated and said of the future ('will not
    allow', 'would never let')."""
    negated = any(c.dep_ == "neg" or c.lower_ == "never" for c in kids)
    future = any(
        c.dep_ == "aux" and c.lower_ in ("will", "would", "'ll", "wo", "shall") for c in kids
    )
    return negated and future


def _never_to_allow_a_thing(verb: Token) -> bool:
    """'he will not allow environmental regulations to make US companies uncompetitive': a
    negated allowing, said of the future, of something that is no actor: a vow about a
    policy, not a refusal of anyone ('will not allow Iran to build the bomb' stays)."""
    kids = list(verb.children)
    if not _negated_future(kids):
        return False
    allowed = [c for c in kids if c.dep_ == "dobj"]
    allowed += [
        g for c in kids if c.dep_ in ("xcomp", "ccomp") for g in c.children if g.dep_ == "nsubj"
    ]
    return bool(allowed) and not any(
        is_actor(a) or a.ent_type_ or a.tag_ in ("PRP", "NNP") for a in allowed
    )


# verbs that keep someone 'from' an act: the act is prevented, not done
PREVENTING = frozenset({"keep", "prevent", "stop", "bar", "block", "save", "spare", "protect"})


def _kept_from(trigger: Token) -> bool:
    """'a battle to keep Baratov from being extradited to the United States', 'prevented
    the bill from being passed': the act after 'from' is kept from happening."""
    if trigger.pos_ != "VERB" or trigger.dep_ != "pcomp":
        return False
    prep = trigger.head
    return (
        prep.lower_ == "from"
        and prep.head.lemma_.lower() in PREVENTING
        and trigger.tag_ in ("VBG", "VBN")
    )


DUTY_VERBS = frozenset({"require", "oblige", "obligate"})


def _duty(verb: Token) -> bool:
    """'was required to cast the deciding vote', 'are obliged to report': a passive duty
    with no one named who asks it (a rule or a law), no demand by anyone ('was required
    by the court to pay' names who demands, and stays)."""
    kids = list(verb.children)
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in kids)
    return passive and not any(c.dep_ == "agent" for c in kids)


def _object_left_out(verb: Token) -> bool:
    """A verb with no object, clause or preposition of its own that runs straight into
    an opening quote or a name: the parser split its object off ('demonstrate "Europe
    First" does not mean ...'). Demonstrating in the street stands alone or takes a
    preposition ('demonstrated outside the embassy')."""
    if any(c.dep_ in ("dobj", "ccomp", "prep", "xcomp", "advcl") for c in verb.children):
        return False
    doc = verb.doc
    if verb.i + 1 >= len(doc):
        return False
    after = doc[verb.i + 1]
    if after.is_quote and verb.i + 2 < len(doc):
        return after.whitespace_ == "" and doc[verb.i + 2].pos_ in ("PROPN", "NOUN", "DET", "ADJ")
    return after.pos_ in ("PROPN", "DET") and after.head.i > verb.i


# adverbs that make a clause the writer's forecast
FORECAST_ADVERBS = frozenset({"likely", "possibly", "probably", "perhaps", "maybe"})
FORECAST_MODALS = frozenset({"will", "would", "could", "may", "might", "'ll"})


def _forecast(trigger: Token) -> bool:
    """'Britain will likely feel isolated and possibly push the government to cooperate',
    'Russia will probably attack': what someone will 'likely' or 'possibly' do is a
    forecast, neither the act nor an intent its actor states. The verbs above the trigger
    are read up to the clause's main verb."""
    node = trigger
    seen = 0
    while seen < 6:
        if node.pos_ in ("VERB", "AUX"):
            kids = list(node.children)
            hedged = any(c.dep_ == "advmod" and c.lower_ in FORECAST_ADVERBS for c in kids)
            modal = any(c.dep_ == "aux" and c.lower_ in FORECAST_MODALS for c in kids)
            if node.dep_ == "conj" and not modal:
                modal = any(
                    c.dep_ == "aux" and c.lower_ in FORECAST_MODALS for c in node.head.children
                )
            if hedged and modal:
                return True
            if node.dep_ not in ("xcomp", "conj") or node.head == node:
                return False
        elif node.head == node:
            return False
        node = node.head
        seen += 1
    return False


# drafts a government publishes: 'released its proposal', 'released the blueprint'
DRAFTS = frozenset(
    {"proposal", "blueprint", "outline", "framework", "strategy", "draft", "roadmap",
     "white paper", "manifesto", "platform", "agenda"}
)  # fmt: skip


# cuts called for (an increase called for stays: 'has called for a major increase to defense
# spending' was judged a request in an earlier sample, docs/quality.md)
CUTS = frozenset({"cut", "cutback", "reduction"})


def _calls_for_a_cut(verb: Token) -> bool:
    """'calling for wide-ranging cuts in the school programme': a measure at home asked
    of no one named (not 'called on Russia to cut gas prices', nor 'called for a cut in
    Russia's gas prices')."""
    if any(c.dep_ in ("dobj", "dative") for c in verb.children) or _appeal_prep(
        verb, ("on", "upon")
    ):
        return False  # 'called on Russia to ...'; not 'called ... on Monday'
    asked = [
        g
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "for"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    return bool(asked) and all(
        g.lemma_.lower() in CUTS
        and not any(t.ent_type_ in OWNER_ENTITIES and not _budget_holder(t) for t in g.subtree)
        for g in asked
    )


def _not_drawn(verb: Token) -> bool:
    """'declined to be drawn on whether ...', 'refused to be drawn into the row': no
    comment given."""
    return any(
        c.dep_ == "xcomp"
        and c.lemma_.lower() == "draw"
        and any(g.dep_ == "auxpass" for g in c.children)
        for c in verb.children
    )


# what someone is 'recognised as' when it is branded, not recognised (CAMEO 054)
ENEMY_LABELS = frozenset(
    {"terrorist", "terror", "extremist", "criminal", "illegal", "illegitimate", "enemy",
     "threat", "hostile", "banned", "outlawed"}
)  # fmt: skip


def _named_as_an_enemy(verb: Token) -> bool:
    """'recognises the PKK as a "terrorist" group', 'recognised the group as a threat':
    a branding, not a recognition ('recognised Kosovo as an independent state' stays)."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != "as":
            continue
        for noun in prep.children:
            words = {noun.lemma_.lower()} | {g.lemma_.lower() for g in noun.children}
            if words & ENEMY_LABELS:
                return True
    return False


# what is 'offered' when words are: a claim or an account, not a thing or an act
CLAIM_NOUNS = frozenset(
    {"claim", "argument", "assertion", "advice", "theory", "version", "narrative",
     "rationale", "story", "impression", "interpretation", "diagnosis"}
)  # fmt: skip


# verbs whose passive subject is what is talked about ('Syria will be discussed'): a
# topic put on an agenda, no act done to it, and no one named who talks
TOPIC_VERBS = frozenset(
    {"discuss", "debate", "address", "consider", "review", "examine", "raise", "tackle",
     "mention", "cover", "explore", "highlight"}
)  # fmt: skip


def _topic_passive(verb: Token) -> bool:
    """'Trade, climate and Venezuela will be discussed at the summit': a passive topic
    verb with no agent. The named topics are no party to anything ('Syria was discussed
    by Putin and Erdogan' names who talked, and stays; so does 'would be discussed with
    Tillerson', a talk with someone named)."""
    if verb.pos_ != "VERB":
        return False
    kids = list(verb.children)
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in kids)
    return passive and not with_partner(verb) and not any(c.dep_ == "agent" for c in kids)


ENABLING_VERBS = frozenset({"allow", "let", "permit", "tolerate"})


def _never_to_allow_a_harm(verb: Token) -> bool:
    """'The Kremlin will never allow Russia to be humiliated', 'will not let Scotland be
    ignored': a negated allowing of something done to someone (a passive), said of the
    future: a vow to protect, not a refusal of anyone's request or proposal."""
    kids = list(verb.children)
    if not _negated_future(kids):
        return False
    return any(
        c.dep_ in ("xcomp", "ccomp") and any(g.dep_ == "auxpass" for g in c.children) for c in kids
    )


def _called_it_a_day(verb: Token) -> bool:
    """'called it a day', 'called it quits': an idiom for ending something."""
    doc = verb.doc
    after = [t.lower_ for t in doc[verb.i + 1 : min(verb.i + 4, len(doc))]]
    return after[:3] == ["it", "a", "day"] or after[:2] == ["it", "quits"]


VISIT_HOST_CODES = frozenset({"043"})


def _thing_received(verb: Token) -> bool:
    """'the payments Putin has received from foreign firms', 'the letter that she
    received': a relative clause on a thing, which is what was received; hosting (043)
    receives a visitor. (A thing as the object of a main clause is doubted by the
    confidence; a relative clause has no object of its own to doubt.)"""
    own = [c for c in verb.children if c.dep_ == "dobj" and c.tag_ not in ("WDT", "WP")]
    if verb.dep_ not in ("relcl", "acl") or own:
        return False
    received = verb.head
    return received.pos_ == "NOUN" and not is_actor(received)


# verbs that voice a feeling: 'expressed relief', 'breathed a sigh of relief'
FEELING_VERBS = frozenset({"express", "voice", "feel", "show", "breathe", "sigh", "convey"})


def _relief_felt(noun: Token) -> bool:
    """'expressed relief that the far right had lost', 'relief at the result', 'a sigh of
    relief': the feeling, not relief aid (CAMEO 07)."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return False
    head = noun.head
    if head.lemma_.lower() in FEELING_VERBS or head.lemma_.lower() == "sigh":
        return True
    if head.dep_ == "prep" and head.head.lemma_.lower() in ("sigh", "sense", "feeling"):
        return True
    return any(
        (c.dep_ == "prep" and c.lower_ in ("at", "over"))
        or (c.dep_ in ("acl", "ccomp") and any(g.dep_ == "mark" for g in c.children))
        for c in noun.children
    )


# what people seek for themselves: treatment, shelter, work, not something asked of anyone
NEEDS = frozenset(
    {"treatment", "care", "cure", "shelter", "job", "work", "employment", "education",
     "housing", "food", "water", "medicine", "attention", "therapy", "fortune", "fame"}
)  # fmt: skip


def _seeks_a_need(verb: Token) -> bool:
    """'Kenyans seeking treatment', 'families seeking shelter': a need sought, with no
    one it is asked of ('sought medical care from the Red Cross' asks the Red Cross)."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not objects or not all(o.lemma_.lower() in NEEDS for o in objects):
        return False
    return not any(
        c.dep_ == "prep" and c.lower_ == "from" and any(is_actor(g) for g in c.children)
        for t in [verb, *objects]
        for c in t.children
    )


def _cracked_down_on_someone(verb: Token) -> bool:
    """'cracked down on protesters', on the opposition: people, not 'leaks' or 'tax
    evasion'."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "on":
            return any(is_actor(g) for g in prep.children if g.dep_ == "pobj")
    return True  # no 'on' phrase: nothing says it was on a thing


def _approves_anothers(verb: Token) -> bool:
    """Approving is yielding when what is approved comes from another party: 'approved
    the opposition's demand', 'approved a request by Iran', 'approved an Iraqi proposal';
    a body approving a drug, a budget or a bill is deciding, not conceding."""
    for child in verb.children:
        if child.dep_ not in ("dobj", "nsubjpass"):
            continue
        for part in child.children:
            if part.dep_ == "poss" and (part.ent_type_ in OWNER_ENTITIES or is_actor(part)):
                return True  # "the opposition's demand"
            if part.dep_ in ("amod", "compound") and part.ent_type_ in ("NORP", "GPE"):
                return True  # 'an Iraqi proposal'; not 'the Brexit bill'
            owners = part.children if part.lower_ in ("by", "from", "of") else ()
            if part.dep_ == "prep" and any(is_actor(g) for g in owners):
                return True  # 'a request by Iran'
    return False


OWNER_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# texts a legislature votes on, and the verbs by which it votes one down
LEGISLATIVE_TEXTS = frozenset({"amendment", "bill", "motion", "clause", "legislation"})
VOTING_DOWN = frozenset({"reject", "overturn", "defeat", "block"})


def _text_voted_down(verb: Token) -> bool:
    """'MPs rejected a Lords amendment', 'the Senate defeated the bill': a legislature
    voting a text down decides, as approving one does ('MPs approved the bill'); a text
    of another party stays ('rejected Iran's bill', 'rejected a request by Kiev')."""
    if verb.lemma_.lower() not in VOTING_DOWN or _approves_anothers(verb):
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if any((agent_sector(s.lemma_.lower()) or "").startswith("JUD") for s in subjects):
        return False  # 'the Supreme Court rejected the motion': a ruling on someone's plea
    texts = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return bool(texts) and all(t.lemma_.lower() in LEGISLATIVE_TEXTS for t in texts)


def _met_with_a_reply(trigger: Token) -> bool:
    """'was met with a brick wall', 'the plan was met with protests': a passive 'met with'
    and no one meeting ('was met by Putin at the airport' is a meeting)."""
    kids = list(trigger.children)
    passive = any(c.dep_ == "auxpass" for c in kids)
    return (
        passive
        and any(c.dep_ == "prep" and c.lower_ == "with" for c in kids)
        and not any(c.dep_ == "agent" for c in kids)
    )


REMEMBRANCE = frozenset({"anniversary", "commemoration", "memorial", "remembrance", "jubilee"})


def _remembered(trigger: Token) -> bool:
    """A noun event an anniversary or a memorial is of ('marking the 113th anniversary
    since the naval battle', 'a memorial to the victims of the massacre'): the act is
    history remembered, not news."""
    if trigger.pos_ not in ("NOUN", "PROPN"):
        return False
    doc = trigger.doc
    for i in range(max(trigger.i - 5, trigger.sent.start), trigger.i - 1):
        after = doc[i + 1].lower_
        if doc[i].lemma_.lower() in REMEMBRANCE and after in ("of", "since", "for", "to"):
            return True  # the parser hangs 'since the naval battle' on a later verb
    node = trigger
    for _ in range(3):
        if node.head == node:
            return False
        node = node.head
        if node.lemma_.lower() in REMEMBRANCE:
            return True
    return False


def _as_predicate(trigger: Token) -> bool:
    """A participle after 'as' with no subject or auxiliary of its own ('accept East
    Jerusalem as occupied', 'regards Crimea as annexed'): what something is taken to be,
    not an act done."""
    if trigger.tag_ != "VBN":
        return False
    kids = list(trigger.children)
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in kids):
        return False
    marked = any(c.dep_ == "mark" and c.lower_ == "as" for c in kids)
    before = trigger.doc[trigger.i - 1] if trigger.i > 0 else None
    return marked or (before is not None and before.lower_ == "as" and trigger.dep_ == "pobj")


def _published(verb: Token) -> bool:
    words = tables.lexicon()["publication_nouns"]
    return any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in words for c in verb.children)


def _appeal_prep(verb: Token, preps: tuple[str, ...] = ("on", "upon", "for")) -> bool:
    """'called on/upon X', 'called for X': not 'called ... on Monday'."""
    for child in verb.children:
        if child.dep_ != "prep" or child.lower_ not in preps:
            continue
        objects = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
        if any(g.ent_type_ not in ("DATE", "TIME") for g in objects):
            return True
    return False


def _asks_a_question(verb: Token) -> bool:
    """'asked if / whether ...', 'asked (him) what ...': a question, not a request."""
    for child in verb.children:
        if child.dep_ != "ccomp":
            continue
        if any(g.dep_ == "mark" and g.lower_ in ("if", "whether") for g in child.children):
            return True
        if any(g.tag_ in ("WP", "WRB", "WDT") for g in child.subtree if g.i < child.i):
            return True
    return False


def _object_not_actor(verb: Token) -> bool:
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return bool(objects) and not any(is_actor(o) or o.ent_type_ in PLACE_ENTITIES for o in objects)


# what one meets by reaching it, not by seeing anyone
GOALS = frozenset(
    {"target", "goal", "requirement", "standard", "criterion", "criteria", "deadline",
     "obligation", "need", "expectation", "quota", "threshold", "benchmark", "condition"}
)  # fmt: skip


def _meets_a_goal(verb: Token) -> bool:
    """'to meet EU greenhouse emissions targets', 'met the deadline': every object is a
    goal or a rule, whoever set it (the actor in its modifier is met by no one)."""
    objects = [g for c in verb.children if c.dep_ in ("dobj", "nsubjpass") for g in conjuncts(c)]
    return bool(objects) and all(o.lemma_.lower() in GOALS for o in objects)


def _in_indirect_question(trigger: Token) -> bool:
    """The trigger's clause is an embedded question ('not clear if / whether ...')."""
    node = trigger
    for _ in range(4):
        marked = any(c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in node.children)
        if marked and node.dep_ == "ccomp":
            return True
        if marked and node.dep_ == "advcl" and _asks_knowledge(node.head):
            return True  # parsed as a condition: 'it is not clear if ...'
        if node.dep_ not in ("xcomp", "conj", "dobj", "pobj", "prep") or node.head == node:
            return False
        node = node.head
    return False


def _asks_knowledge(head: Token) -> bool:
    """'(not) clear / known / certain if', 'wonder / know / decide whether'."""
    if head.lemma_.lower() in KNOWLEDGE_WORDS:
        return True
    return any(c.dep_ == "acomp" and c.lemma_.lower() in KNOWLEDGE_WORDS for c in head.children)


KNOWLEDGE_WORDS = frozenset(
    {
        "clear",
        "unclear",
        "known",
        "unknown",
        "certain",
        "uncertain",
        "sure",
        "unsure",
        "know",
        "wonder",
        "decide",
        "determine",
        "see",
        "ask",
    }
)


def _in_supposition(trigger: Token) -> bool:
    """The trigger is in the content clause of a supposition noun ('the suggestion that
    ...', 'the idea of ...'): a proposition under discussion, not a reported act."""
    node = trigger
    for _ in range(6):
        head = node.head
        if head == node:
            return False
        clause = node.dep_ in ("acl", "ccomp", "pcomp", "pobj") and head.pos_ == "NOUN"
        if clause and head.lemma_.lower() in SUPPOSITION_NOUNS:
            return True
        if node.dep_ not in ("xcomp", "ccomp", "conj", "acl", "pcomp", "pobj", "prep", "auxpass"):
            return False
        node = head
    return False


SUPPOSITION_NOUNS = frozenset(
    {
        "suggestion",
        "idea",
        "notion",
        "hypothesis",
        "speculation",
        "question",
        "theory",
        "rumour",
        "rumor",
    }
)


def _for_comment(noun: Token) -> bool:
    return prep_governs(noun, "for", NO_COMMENT)


def _invests_somewhere(trigger: Token) -> bool:
    """Economic cooperation (061) is dyadic: an investment in or with a country or actor."""
    for child in trigger.children:
        if child.dep_ != "prep" or child.lower_ not in ("in", "into", "with", "from"):
            continue
        for obj in child.children:
            if obj.dep_ == "pobj" and _firms_of_nowhere(obj):
                continue  # 'investments in robotics companies': business, no partner
            if obj.dep_ == "pobj" and (obj.ent_type_ in ("GPE", "ORG", "NORP") or is_actor(obj)):
                return True
    return any(c.dep_ == "poss" for c in trigger.children) and trigger.pos_ == "NOUN"


FIRMS = frozenset(
    {"company", "firm", "business", "startup", "start-up", "enterprise", "corporation"}
)


def _firms_of_nowhere(noun: Token) -> bool:
    """Companies with no country or name ('robotics companies', 'tech firms'), unlike
    'US companies' or 'Russian energy firms', whose state is the partner."""
    if noun.lemma_.lower() not in FIRMS or noun.ent_type_:
        return False
    return not any(t.ent_type_ in ("GPE", "NORP", "ORG") for t in noun.subtree if t.i != noun.i)


LIKELIHOOD = frozenset({"potentially", "possibly", "conceivably", "perhaps", "plausibly"})
# participles that tell a view held ('saying the attacks looked like a witch hunt')
OPINING = frozenset({"say", "argue", "note", "describe", "call", "insist", "suggest"})


def _agrees_to_something(verb: Token) -> bool:
    # 'agreed with Trump that the attacks were a witch hunt': an opinion shared with
    # someone (a copula in the 'that' clause), no act agreed on with them
    opinion = any(
        c.dep_ == "ccomp"
        and c.lemma_ == "be"
        and any(g.dep_ in ("attr", "acomp") for g in c.children)
        and not any(t.pos_ == "VERB" and match_trigger(t) for t in c.subtree)
        for c in verb.children
    )
    # 'agreed with Trump on Friday, saying the attacks looked like a witch hunt': the view
    # is told by a participle of saying
    opinion = opinion or any(
        c.dep_ == "advcl" and c.tag_ == "VBG" and c.lemma_.lower() in OPINING for c in verb.children
    )
    # 'agreed that his remarks could potentially be used as evidence': a possibility
    # judged, no act agreed on
    opinion = opinion or any(
        c.dep_ == "ccomp" and any(g.dep_ == "advmod" and g.lower_ in LIKELIHOOD for g in c.children)
        for c in verb.children
    )
    for child in verb.children:
        if child.dep_ == "ccomp":
            if opinion:
                continue
            if any(match_trigger(t) for t in child.subtree):  # 'agreed that the truce begins'
                return True
            continue
        if child.dep_ in ("xcomp", "dobj"):
            return True
        timed = any(
            g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in child.children
        )  # 'on Friday' is when, not what was agreed on
        if child.dep_ == "prep" and child.lower_ in ("to", "on", "upon", "over") and not timed:
            return True
        with_actor = any(is_actor(g) for g in child.children if g.dep_ == "pobj")
        if child.dep_ == "prep" and child.lower_ == "with" and with_actor and not opinion:
            return True
    return False


def _visits_somewhere(verb: Token) -> bool:
    """A visit goes to a place or an actor (a named place or agent, not 'harm'), or to
    something held in a named place ('went to the G20 summit in Hamburg')."""
    if visited_place(verb) is not None:
        return True
    for child in verb.children:
        if child.dep_ == "dobj" and (child.ent_type_ in PLACE_ENTITIES or is_actor(child)):
            return True
        if child.dep_ != "prep" or child.lower_ not in ("to", "in", "at"):
            continue
        for obj in child.children:
            if obj.dep_ == "pobj" and (obj.ent_type_ in PLACE_ENTITIES or is_actor(obj)):
                return True
    return False


# where a visited thing stands (a parade, a summit, a headquarters, a square: the
# tagger calls some of these LOC or FAC themselves)
HOST_PLACES = frozenset({"GPE", "LOC"})
# destinations that are people or bodies: the host is whoever they name, not their city
PERSONAL_ENTITIES = frozenset({"PERSON", "NORP"})


def visited_place(verb: Token) -> Token | None:
    """The named place a visit goes to when its destination is a thing held or standing
    in that place: 'came to the Victory Parade in Moscow', 'flew to the UN headquarters in
    New York', 'arrived at a summit in Vietnam' -> Moscow, New York, Vietnam. The host of
    such a visit is the place's country (CAMEO 042: the visitor as source, the host as
    target), not the parade, the building or the meeting. None when the destination is
    itself a place, a person or a country ('visited Ankara', 'went to see Putin')."""
    for child in verb.children:
        if child.dep_ not in ("prep", "dobj") or (
            child.dep_ == "prep" and child.lower_ not in ("to", "in", "at")
        ):
            continue
        heads = [child] if child.dep_ == "dobj" else [g for g in child.children if g.dep_ == "pobj"]
        for head in heads:
            if head.ent_type_ == "GPE" or head.ent_type_ in PERSONAL_ENTITIES:
                continue  # the destination is the city, the country or the person itself
            for prep in head.children:
                if prep.dep_ != "prep" or prep.lower_ not in ("in", "at"):
                    continue
                for place in prep.children:
                    if place.dep_ == "pobj" and place.ent_type_ in HOST_PLACES:
                        return place
    return None


def _no_comment(verb: Token) -> bool:
    """'declined (further) comment', 'declined to comment', 'refused to answer questions',
    'refused to go into details'; not 'refused to respond to a demand'."""
    for child in verb.children:
        if child.dep_ in ("dobj", "xcomp") and child.lemma_.lower() in NO_COMMENT:
            return not any(g.dep_ == "prep" and g.lower_ == "to" for g in child.children)
        if child.dep_ == "dobj" and _for_comment(child):
            return True  # 'declined requests for an interview'
        if child.dep_ == "dobj" and child.lemma_.lower() in REQUEST_NOUNS and _for_comment(verb):
            # "declined CNN's request late last year for an interview": the 'for' the
            # parser hung on the verb, past the time that split it from the request
            return True
        if child.dep_ == "xcomp" and any(
            g.dep_ == "dobj" and g.lemma_.lower() in NO_COMMENT for g in child.children
        ):
            return True
        if (
            child.dep_ == "xcomp"
            and child.lemma_.lower() == "go"
            and any(g.dep_ == "prep" and g.lower_ == "into" and _details(g) for g in child.children)
        ):
            return True  # 'refused to go into details'
    return False


def _appeals_to_a_thing(verb: Token) -> bool:
    """'hoped to appeal to the President's focus on business', 'appeals to voters' sense of
    fairness': to appeal to a liking, not to anyone for anything (kept with 'for' or a
    to-clause: 'appealed to the world for help', 'appealed to the sides to stop')."""
    kids = list(verb.children)
    if any(c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ == "for") for c in kids):
        return False
    whom = [g for c in kids if c.dep_ == "prep" and c.lower_ == "to" for g in c.children]
    return bool(whom) and all(
        g.dep_ == "pobj" and g.pos_ == "NOUN" and not is_actor(g) and not g.ent_type_ for g in whom
    )


# verbs of moving forces that also move money ('deploy capital', 'mobilise funds')
SPENDING_VERBS = frozenset({"deploy", "mobilize", "mobilise"})
FUNDS = frozenset(
    {"revenue", "fund", "capital", "money", "cash", "budget", "saving", "reserve",
     "credit", "loan", "tax", "dollar", "euro", "percent", "investment", "income"}
)  # fmt: skip


def _money_moved(verb: Token) -> bool:
    """'deploy 40 percent of its tax revenues', 'mobilise $2bn in funds': what is moved is
    money (its words or an amount), not troops."""
    objects = [g for c in verb.children if c.dep_ in ("dobj", "nsubjpass") for g in conjuncts(c)]
    # the object, and what it is a part of ('40 percent of its tax revenues')
    heads = [[o, *(g for p in o.children if p.lower_ == "of" for g in p.children)] for o in objects]
    return bool(objects) and all(
        any(t.ent_type_ in ("MONEY", "PERCENT") or t.lemma_.lower() in FUNDS for t in words)
        for words in heads
    )


LEAVING_VERBS = frozenset({"resign", "step", "quit"})
BUSINESSES = frozenset(
    {"company", "firm", "business", "corporation", "conglomerate", "startup", "enterprise"}
)


def _business_post_left(verb: Token) -> bool:
    """'will step down from several positions at companies bearing his name', 'resigned
    from the board of the firm': leaving a post in a business is no political concession
    (CAMEO 0831 is a leader's resignation)."""
    left_post = any(
        c.dep_ == "prep"
        and c.lower_ in ("from", "as")
        and any(t.lemma_.lower() in BUSINESSES for t in c.subtree)
        for c in verb.children
    )
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return left_post or any(_company_officer(t) for s in subjects for t in s.subtree)


COMPANY_SUFFIXES = frozenset({"corp", "inc", "ltd", "llc", "plc", "co", "ag", "gmbh"})
COMPANY_OFFICERS = frozenset({"ceo", "cfo", "coo", "cto"})


def _company_officer(token: Token) -> bool:
    """A word of a subject that makes it a company's officer: a company's name with its
    legal suffix ('Xiaomi Corp Vice-President Hugo Barra'), a CEO, a general counsel
    ('Yahoo's general counsel, Ronald Bell, resigned'). Not 'chief executive', which is
    also a public office ('Hong Kong's chief executive resigned')."""
    lower = token.lower_.rstrip(".")
    if lower in COMPANY_SUFFIXES and token.ent_type_ == "ORG":
        return True
    if lower in COMPANY_OFFICERS:
        return True
    return lower == "counsel" and token.i > 0 and token.doc[token.i - 1].lower_ == "general"


GATHERINGS = frozenset({"meeting", "hearing", "session", "sitting", "vote", "debate"})


def _own_meetings_called_off(verb: Token) -> bool:
    """'canceled all of this week's Senate Judiciary Committee meetings': the meetings of
    a body named only as their modifier, held with no one else ('canceled all meetings
    with the Netherlands' is a sanction)."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    objects += [g for o in objects for p in o.children if p.lower_ == "of" for g in p.children]
    held = [o for o in objects if o.lemma_.lower() in GATHERINGS]
    if not held:
        return False
    return not any(t.lower_ == "with" for o in held for t in o.subtree)


READINESS = frozenset({"willing", "ready", "inclined", "eager", "prepared", "likely", "apt"})


def _compared_readiness(verb: Token) -> bool:
    """'the administration would be more willing to allow states ...', 'less inclined to
    cooperate': a readiness compared, someone's guess about a disposition, neither an act
    nor an intent stated."""
    ready = verb.head
    return (
        verb.dep_ == "xcomp"
        and ready.lemma_.lower() in READINESS
        and any(c.dep_ == "advmod" and c.lower_ in ("more", "less") for c in ready.children)
    )


def _step_after_colon(verb: Token) -> bool:
    """A bare verb with no subject opening what follows a colon ('outlined a backup plan:
    Allow the law to lapse and let Republicans take the blame'): a step of a plan or a
    list, told as an order, which no one has done."""
    if verb.tag_ != "VB" or verb.i == 0 or verb.doc[verb.i - 1].text != ":":
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children)


# what lays out acts to be done, not done ('according to the plan', 'under a proposal')
PLAN_NOUNS = frozenset(
    {"plan", "proposal", "scheme", "scenario", "draft", "blueprint", "option", "roadmap",
     "idea", "formula", "framework", "compromise", "initiative"}
)  # fmt: skip
PLAN_FRAMES = frozenset({"according", "under"})
HYPOTHETICAL_MODALS = frozenset({"would", "could", "might"})  # 'will': a schedule stays


def _term_of_a_plan(trigger: Token) -> bool:
    """An act told with a modal under a plan that lays it out ('according to a third
    proposal, a Kurdish force would join the fight against ISIL', 'under the plan, Greek
    troops could attack'): a term of the plan, which no one has done or threatened. A plan
    told with 'will' ('under the plan, Lavrov will meet Kerry next week') is a schedule
    and stays."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else governing_verb(trigger)
    for _ in range(3):
        if verb is None:
            return False
        if any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_MODALS for c in verb.children):
            return any(
                c.dep_ == "prep" and c.lower_ in PLAN_FRAMES and _names_a_plan(c)
                for c in verb.children
            )
        if verb.dep_ not in ("xcomp", "conj") or verb.head == verb:
            return False
        verb = verb.head  # 'would send troops to join the fight'
    return False


def _names_a_plan(prep: Token) -> bool:
    """'according to a third proposal', 'under the plan' ('to' hangs on 'according')."""
    objects = [t for t in prep.subtree if t.dep_ == "pobj"]
    return bool(objects) and objects[0].lemma_.lower() in PLAN_NOUNS


# what is let out into the air or water, not handed back: releasing it frees no one
EMITTED = frozenset(
    {"flare", "decoy", "gas", "smoke", "balloon", "steam", "fume", "toxin", "radiation",
     "sewage", "pollutant", "chaff"}
)  # fmt: skip


def _things_released(verb: Token) -> bool:
    """'released decoy flares at Chinese planes', 'released tear gas': what is released is
    let out, not freed or handed back ('released two hostages' and 'released an impounded
    ship' stay)."""
    released = [t for c in verb.children if c.dep_ in ("dobj", "nsubjpass") for t in conjuncts(c)]
    return bool(released) and all(t.lemma_.lower() in EMITTED for t in released)


def _called_for(verb: Token) -> bool:
    """An infinitive right after a call the clause's verb takes ('is facing calls to quit
    politics', parsed with 'to quit' on 'facing'): the act is what the calls ask for, not
    what the subject does (parsed on 'calls', it is no act of the subject either)."""
    if verb.dep_ not in ("advcl", "xcomp") or verb.i < 2:
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" and c.i == verb.i - 1 for c in verb.children):
        return False
    call = verb.doc[verb.i - 2]
    return call.dep_ == "dobj" and call.head == verb.head and call.lemma_.lower() in REQUEST_NOUNS


REQUEST_NOUNS = frozenset({"request", "invitation", "demand", "call", "appeal", "plea"})


def _details(prep: Token) -> bool:
    return any(g.lemma_.lower() in ("detail", "specific", "specifics") for g in prep.children)


# what a court passes or a prosecutor asks for: a penalty, not a favour from anyone
PENALTY_NOUNS = frozenset(
    {"sentence", "term", "penalty", "jail", "prison", "imprisonment", "life", "death",
     "fine", "conviction", "acquittal", "bail", "custody", "retrial", "year", "month"}
)  # fmt: skip
# roles in a trial ('called him as a witness')
TRIAL_ROLES = frozenset({"witness", "defendant", "expert", "juror", "plaintiff", "suspect"})


def _legal_step(verb: Token) -> bool:
    """A step in a trial, not a request to anyone (CAMEO codes the court's act, not the
    parties' motions): asking for a penalty ('prosecutors had asked for eight years for
    Bemba', 'sought the death penalty') or calling someone as a witness."""
    for child in verb.children:
        as_role = child.dep_ == "prep" and child.lower_ == "as"
        if as_role and any(g.lemma_.lower() in TRIAL_ROLES for g in child.children):
            return True
        objects: list[Token] = []
        if child.dep_ == "prep" and child.lower_ == "for":
            objects = [g for g in child.children if g.dep_ == "pobj"]
        elif child.dep_ == "dobj" and verb.lemma_.lower() in ("seek", "request"):
            objects = [child]
        for obj in objects:
            words = {obj.lemma_.lower()} | {
                g.lemma_.lower() for g in obj.children if g.dep_ in ("compound", "amod")
            }
            if words & PENALTY_NOUNS:
                return True
            if obj.lemma_.lower() in COURT_MOTIONS and _in_court(verb):
                return True  # 'asked for a hearing with the judge', 'sought an injunction'
    return False


# words that put a sentence in a court case ('a hearing' may also be Congress's)
COURT_WORDS = frozenset(
    {"court", "judge", "tribunal", "magistrate", "jury", "prosecutor", "prosecution",
     "lawsuit", "complaint", "trial", "defendant", "plaintiff"}
)  # fmt: skip


def _in_court(verb: Token) -> bool:
    return any(t.lemma_.lower() in COURT_WORDS for t in verb.sent)


# what a party moves a court for: a step in a case, asked of the court, no political request
COURT_MOTIONS = frozenset(
    {"hearing", "injunction", "stay", "retrial", "dismissal", "acquittal", "adjournment",
     "continuance", "subpoena", "warrant"}
)  # fmt: skip


def _filed_in_court(noun: Token) -> bool:
    """A petition filed in or with a court, or for bankruptcy: a legal filing."""
    phrase = {t.lemma_.lower() for t in noun.subtree}
    verb = noun.head if noun.dep_ in ("dobj", "nsubjpass") else None
    if verb is not None:
        phrase |= {t.lemma_.lower() for t in verb.subtree}
    return bool(phrase & {"court", "bankruptcy", "judge", "tribunal"})


def _contest(verb: Token) -> bool:
    """'beat' in a contest: a rival beaten 'to become' something, or beaten into a place
    or in a vote ('were beaten into third place by the AfD in local elections'); games
    themselves are told by their words: confidence.json's sports_words."""
    for child in verb.children:
        ranked = [g.lemma_.lower() for g in child.children if g.dep_ == "pobj"]
        if child.dep_ == "prep" and child.lower_ == "into" and "place" in ranked:
            return True  # 'beaten into third place'
        if child.dep_ == "prep" and child.lower_ == "in" and set(ranked) & CONTESTS:
            return True  # 'beaten in local elections'
        clause = child.dep_ in ("xcomp", "advcl") and any(
            a.dep_ == "aux" and a.lower_ == "to" for a in child.children
        )
        if clause:
            return True  # 'beat the US to become the largest market'
    return False


# role nouns a participle can name a title with ('investigating magistrate', 'presiding judge')
TITLE_NOUNS = frozenset(
    {"magistrate", "judge", "officer", "detective", "prosecutor", "attorney", "counsel",
     "inspector", "agent", "official"}
)  # fmt: skip


def _title_participle(verb: Token) -> bool:
    """A participle opening a noun phrase, with a role noun after it and a name after
    that, is a title ('Investigating magistrate Eloy Valesco', 'the arresting officer
    John Smith'); not a participle of its own clause (', killing agent John Doe')."""
    if verb.tag_ != "VBG":
        return False
    doc = verb.doc
    if verb.i + 2 >= len(doc):
        return False
    role, name = doc[verb.i + 1], doc[verb.i + 2]
    before = doc[verb.i - 1] if verb.i > verb.sent.start else None
    opens = before is None or before.pos_ in ("DET", "ADJ") or before.tag_ == "POS"
    named = name.ent_type_ == "PERSON" or name.tag_ == "NNP"
    return opens and role.lemma_.lower() in TITLE_NOUNS and named  # not ', killing agent X'


# verbs that take two objects, whose passive keeps one ('was denied bail', 'was refused entry')
DITRANSITIVE = frozenset(
    {"deny", "refuse", "give", "grant", "award", "offer", "promise", "send", "show", "tell",
     "ask", "pay", "lend", "hand", "allow", "charge", "fine", "sentence", "call", "name",
     "elect", "appoint", "teach", "assign", "owe", "bring", "sell", "issue"}
)  # fmt: skip


def _adjectival_participle(verb: Token) -> bool:
    """A passive participle run into the noun it describes: 'The suspect was rejected
    asylum-seeker Anis Amri' (a rejected asylum seeker), parsed as a passive with an
    object. A verb that takes no second object has none in the passive."""
    if verb.tag_ != "VBN" or verb.lemma_.lower() in DITRANSITIVE:
        return False
    kids = list(verb.children)
    if not any(c.dep_ == "auxpass" for c in kids):
        return False
    return any(c.dep_ == "dobj" and c.left_edge.i == verb.i + 1 for c in kids)


QUOTE_MARKS = frozenset({'"', "\u201c", "\u201d", "``", "''"})
TITLE_WORDS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "ADV"})


def _in_quoted_title(trigger: Token) -> bool:
    """A trigger in quotation marks whose words are all capitalised, as the title of a
    book, a film or a report is ('the author of "United Nations: Investigating Their
    Hidden Funds"'): the name of a work, no act; words quoted as said are not written
    so."""
    if not trigger.text[:1].isupper():
        return False
    sent = trigger.sent
    marks = [t.i for t in sent if t.text in QUOTE_MARKS]
    opened = [i for i in marks if i < trigger.i]
    if len(opened) % 2 == 0:
        return False  # not inside quotation marks
    closing = [i for i in marks if i > trigger.i]
    end = closing[0] if closing else sent.end
    words = [
        t
        for t in trigger.doc[opened[-1] + 1 : end]
        if t.pos_ in TITLE_WORDS and t.is_alpha and len(t.text) > 3
    ]
    return len(words) >= 3 and all(t.text[0].isupper() for t in words)


ATTACK_WORDS = frozenset({"attack", "assault", "strike", "raid", "target", "breach"})
# words that make an attack one on computers
COMPUTING = frozenset(
    {"hacker", "hack", "hacking", "cyber", "cyberattack", "cybersecurity", "malware",
     "ransomware", "phishing", "botnet", "server", "website", "computer",
     "database", "email", "e-mail", "password", "spyware"}
)  # fmt: skip


def _computer_intrusion(trigger: Token) -> bool:
    """An attack in a sentence about computers ('Russian hackers attacked the party's
    servers', 'hired two men, described as "criminal hackers", to carry out the
    attacks'): an intrusion, which CAMEO's force does not code."""
    return any(t.lemma_.lower() in COMPUTING or t.lower_.startswith("cyber") for t in trigger.sent)


# what is sent, flown or landed when it is a probe: a craft
CRAFT_VERBS = frozenset({"send", "launch", "land", "fly", "dispatch", "build", "crash"})
CRAFT_MOVES = frozenset({"head", "fly", "land", "orbit", "reach", "explore", "travel", "arrive"})
CRAFT_WORDS = frozenset({"space", "unmanned", "robotic", "lunar", "interplanetary", "solar"})


def _craft(noun: Token) -> bool:
    """A probe that is sent, flown or landed, or that heads somewhere ('will send two
    unmanned probes to explore Jupiter', 'Probes to head for Venus'), is a spacecraft, no
    inquiry; a probe 'into' something is one."""
    if noun.pos_ not in ("NOUN", "PROPN") or any(
        c.dep_ == "prep" and c.lower_ in ("into", "of") for c in noun.children
    ):
        return False
    if any(c.lemma_.lower() in CRAFT_WORDS for c in noun.children):
        return True
    head = noun.head.lemma_.lower()
    if noun.dep_ in ("dobj", "nsubjpass") and head in CRAFT_VERBS:
        return True
    return noun.dep_ == "nsubj" and head in CRAFT_MOVES


# what a promise of a show holds: words and looks, nothing given to anyone
SHOWS = frozenset(
    {"vision", "agenda", "message", "tone", "speech", "address", "show", "spectacle",
     "look", "surprise", "announcement", "story", "narrative", "picture"}
)  # fmt: skip


def _promises_a_show(verb: Token) -> bool:
    """'The White House is promising an "optimistic vision" and a "bold agenda" from
    Trump': what is promised is a speech's message, made to no one; a promise of aid,
    of talks or to anyone ('promised Turkey visa-free travel') stays."""
    kids = list(verb.children)
    if any(c.dep_ == "dative" or (c.dep_ == "prep" and c.lower_ == "to") for c in kids):
        return False
    objects = [c for c in kids if c.dep_ == "dobj"]
    return bool(objects) and all(o.lemma_.lower() in SHOWS for o in objects)


# the fields of a government's plans at home
POLICIES = frozenset(
    {"childcare", "healthcare", "health", "pension", "welfare", "education", "housing",
     "infrastructure", "jobs", "stimulus", "energy", "transport", "immigration"}
)  # fmt: skip
PROPOSING = frozenset({"offer", "propose", "unveil", "present", "put"})


def _offers_a_domestic_plan(verb: Token) -> bool:
    """'Trump has offered a childcare plan', 'unveiled a healthcare proposal': a plan at
    home offered to no one ('offered Kiev a peace plan' stays)."""
    if any(
        c.dep_ == "dative" or (c.dep_ == "prep" and c.lower_ in ("to", "with"))
        for c in verb.children
    ):
        return False
    plans = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return bool(plans) and all(_domestic_proposal(p) for p in plans)


def _domestic_proposal(noun: Token) -> bool:
    """The Trump administration's budget proposal, 'the tax plan': a proposal of a
    measure at home named by the measure, made to no one ('a proposal to Russia', 'the
    peace proposal', 'a proposal for talks with Iran' stay)."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in ("proposal", "plan"):
        return False
    if not any(
        c.dep_ == "compound" and c.lemma_.lower() in DOMESTIC_MEASURES | BUDGET_NOUNS | POLICIES
        for c in noun.children
    ):
        return False
    return not any(
        c.dep_ == "prep" and any(is_actor(g) or g.ent_type_ for g in c.subtree if g.i != c.i)
        for c in noun.children
    )


# what armed men fight for: ground to hold
GROUND = frozenset(
    {"control", "territory", "land", "ground", "town", "city", "village", "district", "area",
     "region", "province", "hill", "airport", "base", "port", "road", "bridge", "border"}
)  # fmt: skip
ARMED_SECTORS = ("MIL", "REB", "UAF", "SPY", "INS")


def _fought_for_a_cause(verb: Token) -> bool:
    """'Canada fought for the trade deal', 'the pact it had proposed and fought for',
    'Warren has fought for consumer protections': a fight for a thing, with no one fought
    against and no armed men fighting, is advocacy, no force ('rebels fought for control
    of the town', 'fought for Kobani against the Islamic State' stay)."""
    if verb.pos_ != "VERB":
        return False
    kids = list(verb.children)
    fors = [c for c in kids if c.dep_ == "prep" and c.lower_ == "for"]
    if not fors or any(c.dep_ == "dobj" for c in kids):
        return False
    if any(c.dep_ == "prep" and c.lower_ in ("against", "with", "alongside") for c in kids):
        return False
    causes = [g for c in fors for g in c.children if g.dep_ == "pobj"]
    clause = verb.head if verb.dep_ == "conj" else verb
    if not causes and clause.dep_ == "relcl":
        causes = [clause.head]  # a 'for' left at the end of a relative clause: its noun
    if not causes:
        return False
    for cause in causes:
        if cause.pos_ != "NOUN" or is_actor(cause) or cause.ent_type_ in ("GPE", "LOC", "FAC"):
            return False
        if cause.lemma_.lower() in GROUND:
            return False
    subjects = [c for c in kids if c.dep_ in ("nsubj", "nsubjpass")]
    if verb.dep_ == "conj":
        subjects += [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    return not any(
        (agent_sector(s.lemma_.lower()) or "").startswith(ARMED_SECTORS) for s in subjects
    )


BACKING_VERBS = frozenset({"back", "support", "endorse", "underpin", "bolster"})


# things that back a plan or a claim without anyone acting: laws and evidence
BACKING_THINGS = frozenset(
    {"legislation", "law", "regulation", "rule", "statute", "constitution", "treaty",
     "evidence", "fact", "science", "research", "proof", "precedent"}
)  # fmt: skip


def _backed_by_a_thing(verb: Token) -> bool:
    """A passive of backing whose agent is a law or evidence, not anyone ('must be
    backed by EU legislation', 'is supported by evidence'): the name before the thing
    says whose it is, not who acts ('backed by Turkish fighter jets' is armed support)."""
    return any(
        noun.dep_ == "pobj" and noun.lemma_.lower() in BACKING_THINGS | DATA_NOUNS | EVIDENCED
        for agent in verb.children
        if agent.dep_ == "agent"
        for noun in agent.children
    )


def _object_taken(verb: Token) -> bool:
    """A past form with no subject of its own, right after a verb that has no object, and
    run into the noun after it: 'a plan to deport rejected asylum-seekers' parsed with
    'rejected' as a verb taking the seekers; the noun is the first verb's object and the
    past form describes it (rejected asylum-seekers, detained journalists)."""
    if verb.tag_ not in ("VBD", "VBN") or verb.i == 0:
        return False
    kids = list(verb.children)
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in kids):
        return False
    if not any(c.dep_ == "dobj" and c.left_edge.i == verb.i + 1 for c in kids):
        return False
    before = verb.doc[verb.i - 1]
    if before.pos_ != "VERB" or before.tag_ not in ("VB", "VBP", "VBZ", "VBG", "VBD"):
        return False
    return not any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr") for c in before.children)


# what a government proposes at home: a measure or a sum, offered to no counterpart
DOMESTIC_MEASURES = frozenset(
    {"tax", "target", "budget", "cut", "spending", "funding", "increase", "rise", "levy",
     "surcharge", "overhaul", "fee", "hike"}
)  # fmt: skip


def _domestic_measure(verb: Token) -> bool:
    """A proposal of a measure at home ('Trump proposed a new tax on imports', 'proposed
    the target of 5,000 agents', 'proposed $1.5bn for his wall') offers nothing to anyone
    (CAMEO 03x needs a counterpart): kept when it is made to or with an actor, or its
    object names one ('proposed talks with Russia')."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    for child in verb.children:
        addressed = child.dep_ in ("prep", "dative") and child.lower_ in ("to", "with")
        if addressed and any(is_actor(g) for g in child.children if g.dep_ == "pobj"):
            return False
    if not objects:
        return _domestic_step(verb)
    for obj in objects:
        if obj.ent_type_ != "MONEY" and obj.lemma_.lower() not in DOMESTIC_MEASURES:
            return False
        if any(
            t.ent_type_ in OWNER_ENTITIES and not _budget_holder(t)
            for t in obj.subtree
            if t.i != obj.i
        ):
            return False  # 'proposed a ban on Russian imports': aimed at someone
    return True


BUDGET_NOUNS = frozenset({"budget", "funding", "spending", "appropriation", "grant"})


# what a government does to its own programmes and bodies
DOMESTIC_STEPS = frozenset(
    {"eliminate", "abolish", "scrap", "cut", "slash", "defund", "privatize", "privatise",
     "merge", "close", "shut", "expand", "raise", "lower", "reduce", "increase", "fund",
     "create", "establish", "restructure", "reform", "replace"}
)  # fmt: skip


def _domestic_step(verb: Token) -> bool:
    """'proposed eliminating the Advanced Research Agency', 'proposed to scrap the film
    tax credit': a step a government takes with its own programmes offers nothing to
    anyone; kept when what it is done to names a country or a people ('proposed ending
    the war in Syria', 'proposed easing sanctions on Russians')."""
    steps = [
        c
        for c in verb.children
        if c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in DOMESTIC_STEPS
    ]
    return bool(steps) and not any(
        t.ent_type_ in ("GPE", "NORP") for step in steps for t in step.subtree
    )


def _budget_holder(token: Token) -> bool:
    """A name that owns the budget a measure changes ('a 31 percent cut to the
    Environmental Protection Agency's budget'): an agency at home, not a party aimed at."""
    node = token
    while node.head != node and (
        node.dep_ in ("compound", "amod", "flat", "case", "det")
        # inside the one name: 'the Department of Energy's budget'
        or (node.dep_ in ("pobj", "prep") and node.ent_type_ and node.head.ent_type_)
    ):
        node = node.head
    if node.i != token.i and node.lemma_.lower() in BUDGET_NOUNS:
        return True  # 'an increase in the 2018 US defence budget': the country's own budget
    return node.dep_ == "poss" and node.head.lemma_.lower() in BUDGET_NOUNS


# services one calls in an emergency, not a party one consults
EMERGENCY_SERVICES = frozenset(
    {"police", "ambulance", "paramedic", "911", "999", "112", "firefighter", "fire",
     "emergency", "cop", "sheriff", "coastguard", "rescuer"}
)  # fmt: skip


def _called_for_help(verb: Token) -> bool:
    """'called police', 'phoned 911', 'called an ambulance': a call for help is no
    consultation between actors (CAMEO 041)."""
    return any(
        c.dep_ in ("dobj", "dative") and c.lemma_.lower() in EMERGENCY_SERVICES
        for c in verb.children
    )


def _shows_how(verb: Token) -> bool:
    """'demonstrated (with a doll) how he was holding his son', 'demonstrated that the
    system works': showing something, no demonstration in the street."""
    for token in verb.subtree:
        if (
            token.i != verb.i
            and token.lower_ in ("how", "that")
            and token.dep_
            in (
                "advmod",
                "mark",
            )
        ):
            return True
    return False


def _walked_somewhere(verb: Token) -> bool:
    """'walked out among the graves', 'walked out into the sun': a walk to a place; a
    walkout leaves a meeting ('walked out of the talks') or stands alone."""
    return any(
        c.dep_ == "prep" and c.lower_ not in ("of", "in", "over", "on", "after", "before")
        for c in verb.children
    )


def _session16_other_sense(trigger: Token, code: str) -> bool:
    """Uses of a trigger word that report no act of the coded kind (session 16's dev
    draws): a return home, an interview."""
    lemma = trigger.lemma_.lower()
    if lemma == "return" and code in VISIT_CODES and not _visit_purpose(trigger):
        return True  # 'Trump returned to his golf resort', 'the ship returned to port'
    if lemma in ("speak", "talk") and code.startswith("04") and _interview(trigger):
        return True  # 'a reporter spoke with protesters', 'the minister spoke to journalists'
    if lemma == "welcome" and _welcoming_to(trigger):
        return True  # 'Germany is welcoming to refugees': a disposition, no one welcomed
    if _enough_done(trigger):
        return True  # 'China is not doing enough to pressure North Korea'
    if _to_the_polls(trigger):
        return True  # 'Germans are set to head to the polls in September': a vote, no visit
    if lemma in FUNDING_VERBS and _funds_a_thing(trigger):
        return True  # 'is seeking to fund a "radical economic transformation"': a policy
    if lemma in ("back", "support", "bolster") and any(
        c.dep_ == "dobj" and c.lemma_.lower() in CLAIM_NOUNS | EVIDENCED for c in trigger.children
    ):
        return True  # 'a list of attacks it said backed up Trump's claim': evidence, no support
    if lemma in ENABLING_VERBS | {"enable"} and _result_participle(trigger):
        return True  # 'stopped the flow of water, allowing workers to clear the debris'
    if _thing_not_acted_on(trigger, code):
        return True  # 'withdrew its amendment', 'had suppressed evidence', 'share their cultures'
    if lemma == "take" and code == "192" and _took_office(trigger):
        return True  # 'But then Al-Sisi took over': a takeover of office, no ground taken
    if lemma == "threaten" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in SHARED_GOODS for c in trigger.children
    ):
        return True  # 'al-Shabab continues to threaten stability in the country': a danger
    if lemma == "allow" and _allowed_in_words(trigger):
        return True  # "America's civil rights business was unfinished, he allowed": conceded
    if lemma == "threaten" and _threatened_by_a_thing(trigger):
        return True  # 'his industry, which is threatened by EU regulations': a danger
    if lemma in ("welcome", "hail", "praise") and any(
        c.dep_ == "dobj" and c.lemma_.lower() in DATA_NOUNS and not _owned_by_actor(c)
        for c in trigger.children
    ):
        return True  # 'the parties welcomed the survey's findings': a view of figures
    return lemma == "invite" and any(
        c.dep_ in ("prt", "advmod") and c.lower_ in ("in", "inside", "over", "round", "around")
        for c in trigger.children
    )  # 'the neighbour looked out and invited him in': hospitality, no political invitation


# what evidence backs up, no actor supported
EVIDENCED = frozenset({"allegation", "finding", "view", "conclusion", "account", "statement",
                       "suspicion", "hypothesis", "estimate", "figure", "report"})  # fmt: skip

FUNDING_VERBS = frozenset({"fund", "finance", "bankroll", "subsidise", "subsidize", "underwrite"})
# destinations that are an election: 'head to the polls' is to vote
POLLS = frozenset({"poll", "polls", "ballot", "ballots", "booth", "booths", "vote"})


def _to_the_polls(verb: Token) -> bool:
    return any(
        c.dep_ == "prep"
        and c.lower_ == "to"
        and any(g.dep_ == "pobj" and g.lower_ in POLLS for g in c.children)
        for c in verb.children
    )


def _funds_a_thing(verb: Token) -> bool:
    """'seeking to fund a radical economic transformation', 'financed several films': money
    for a thing with no actor or place named as its receiver (its owner, a place it goes
    to) is spending, no aid to anyone ('funded the Syrian rebels', 'funded food and water
    in East Africa' stay)."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if not objects:
        return False
    for obj in objects:
        if is_actor(obj) or obj.ent_type_ in PLACE_ENTITIES:
            return False
        for part in obj.subtree:
            if (
                part.i != obj.i
                and part.dep_ != "compound"
                and (is_actor(part) or part.ent_type_ in PLACE_ENTITIES)
            ):
                return False  # "the militia's operations", 'schools in Gaza'
    for child in verb.children:
        if child.dep_ == "prep" and any(
            g.dep_ == "pobj" and (is_actor(g) or g.ent_type_ in PLACE_ENTITIES)
            for g in child.children
        ):
            return False  # 'funded food and water in East Africa'
    return True


def _result_participle(verb: Token) -> bool:
    """'stopped the flow of water on Monday, allowing workers to start clearing debris': a
    participle telling what the main act made possible, no permission given to anyone."""
    return (
        verb.tag_ == "VBG"
        and verb.dep_ in ("advcl", "xcomp")
        and verb.head.pos_ == "VERB"
        and verb.head.i < verb.i
        and not any(c.dep_ == "mark" for c in verb.children)
    )


def _welcoming_to(verb: Token) -> bool:
    """'is welcoming to refugees', 'has been welcoming to investors': the participle as an
    adjective with 'to' tells an attitude; 'is welcoming refugees' (an object) is an act."""
    return (
        verb.tag_ == "VBG"
        and not any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children)
        and any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children)
    )


def _enough_done(trigger: Token) -> bool:
    """'is not doing enough to pressure North Korea', 'has done too little to stop the
    attacks': a judgement of effort; the act is what ought to be done, not a done act."""
    head = trigger.head
    if trigger.dep_ not in ("acl", "xcomp", "advcl", "relcl") or trigger.i == head.i:
        return False
    if head.lemma_.lower() in ("enough", "little", "more", "much"):
        head = head.head  # 'doing enough to pressure': the clause hangs on 'enough'
    if head.lemma_.lower() != "do":
        return False
    return any(
        c.dep_ in ("dobj", "advmod", "npadvmod")
        and c.lower_ in ("enough", "little", "more", "much")
        for c in head.children
    )


def _visit_purpose(verb: Token) -> bool:
    """What makes a return a visit: its purpose told ('returned to Moscow for talks with
    Lavrov', 'returned to Kabul to meet the president'). A return with none goes back
    where one came from (home, a base, a port, one's office): no visit to a host."""
    for child in verb.children:
        if (
            child.dep_ == "prep"
            and child.lower_ == "for"
            and any(g.dep_ == "pobj" and g.lemma_.lower() in VISIT_AIMS for g in child.children)
        ):
            return True
        if (
            child.dep_ in ("advcl", "xcomp")
            and child.pos_ in ("VERB", "AUX")
            and any(g.dep_ == "aux" and g.lower_ == "to" for g in child.children)
        ):
            return True  # 'returned to Kabul to meet the president'
    return False


# what a visitor comes for
VISIT_AIMS = frozenset(
    {"talk", "talks", "meeting", "meetings", "summit", "negotiation", "negotiations",
     "consultation", "consultations", "visit", "discussion", "discussions", "conference",
     "ceremony", "funeral", "inauguration", "celebration", "commemoration", "breakfast",
     "lunch", "dinner", "session"}
)  # fmt: skip


# the press: a word with them is an interview, no consultation between actors
PRESS = frozenset(
    {"journalist", "reporter", "correspondent", "interviewer", "press", "media", "newspaper",
     "broadcaster", "editor", "columnist", "magazine", "newsroom", "anchor", "presenter",
     "blogger", "outlet", "podcast"}
)  # fmt: skip


def _press(token: Token) -> bool:
    return token.lemma_.lower() in PRESS or token.lower_ in PRESS


def _interview(verb: Token) -> bool:
    """'A journalist spoke with activists', 'the senator spoke to reporters', 'talked to
    the newspaper': one side is the press, asking or being told; no consultation."""
    for child in verb.children:
        if child.dep_ == "nsubj" and _press(child):
            return True
        if (
            child.dep_ == "prep"
            and child.lower_ in ("with", "to")
            and any(g.dep_ == "pobj" and _press(g) for g in child.children)
        ):
            return True
    return False


# those a politician speaks to in a speech, not in talks
AUDIENCES = frozenset(
    {"supporter", "crowd", "audience", "fan", "voter", "student", "attendee", "congregation",
     "graduate", "donor", "follower", "delegate", "rally", "gathering", "worshipper"}
)  # fmt: skip


def _to_a_crowd(verb: Token) -> bool:
    """'while talking to Republican supporters', 'spoke to a crowd in Ohio': one speaks
    to an audience, no one consulted."""
    return any(
        c.dep_ == "prep"
        and c.lower_ in ("to", "with", "before")
        and any(g.dep_ == "pobj" and g.lemma_.lower() in AUDIENCES for g in c.children)
        for c in verb.children
    )


# participles that tell an attack was made in words ('attacked Paul, accusing him of ...')
WORDING = frozenset(
    {"accuse", "charge", "call", "say", "claim", "describe", "label", "brand", "blame",
     "criticize", "criticise", "denounce", "condemn", "dismiss", "mock", "ridicule", "argue",
     "suggest", "insist", "allege", "tweet", "write", "question", "deride", "slam"}
)  # fmt: skip


def attacked_in_words(verb: Token) -> bool:
    """'McCain attacked Paul, accusing him of working for Putin', 'attacked the plan,
    calling it a disaster': an attack told by a participle of speech is made in words
    (a criticism, CAMEO 111), not with force ('attacked the base, killing ten soldiers'
    stays force)."""
    return verb.lemma_.lower() == "attack" and any(
        c.dep_ in ("advcl", "conj", "xcomp") and c.tag_ == "VBG" and c.lemma_.lower() in WORDING
        for c in verb.children
    )


# what a force withdraws: troops, not money or a motion
FORCES = frozenset(
    {"troop", "troops", "force", "forces", "soldier", "soldiers", "army", "unit", "units",
     "fighter", "fighters", "personnel", "militant", "militants", "rebel", "rebels", "navy",
     "ship", "ships", "warship", "warships", "tank", "tanks", "battalion", "brigade",
     "contingent", "militia", "convoy", "vehicle", "vehicles", "aircraft", "jet", "jets"}
)  # fmt: skip
# what is repressed when it is suppressed: people acting together, not a document
REPRESSED = frozenset(
    {"protest", "protests", "dissent", "opposition", "demonstration", "demonstrations",
     "uprising", "rebellion", "revolt", "riot", "riots", "insurgency", "movement", "strike",
     "strikes", "unrest", "rally", "rallies", "march", "voice", "voices", "press", "media"}
)  # fmt: skip
# what intelligence sharing shares
SHARED_INTELLIGENCE = frozenset(
    {"intelligence", "information", "evidence", "data", "datum", "expertise", "technology",
     "detail", "details", "finding", "findings", "file", "files", "know-how", "secret",
     "secrets", "location", "locations", "coordinates", "assessment", "experience", "burden",
     "responsibility", "cost", "costs", "resource", "resources", "lesson", "lessons"}
)  # fmt: skip
# figures and findings a party may welcome: a view of them, no support of anyone
DATA_NOUNS = frozenset(
    {"finding", "findings", "result", "results", "figure", "figures", "poll", "polls",
     "survey", "data", "statistic", "statistics", "number", "numbers", "study", "forecast"}
)  # fmt: skip


def _owned_by_actor(noun: Token) -> bool:
    return any(t.i != noun.i and is_actor(t) for t in noun.subtree)


def _thing_not_acted_on(verb: Token, code: str) -> bool:
    """A verb whose coded sense needs people or forces as its object, used of a thing:
    'the party withdrew its proposed amendment', 'the bank withdrew 120 billion yuan'
    (no military retreat); 'had suppressed evidence' (no repression); 'come together to
    share their cultures' (no intelligence shared)."""
    lemma = verb.lemma_.lower()
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not objects:
        return False
    if code.startswith("087") and lemma == "withdraw":
        return not any(
            o.lemma_.lower() in FORCES or o.lower_ in FORCES or is_actor(o) for o in objects
        )
    if code.startswith("175") and lemma == "suppress":
        return not any(o.lemma_.lower() in REPRESSED or is_actor(o) for o in objects)
    if code == "064" and lemma == "share":
        return not any(o.lemma_.lower() in SHARED_INTELLIGENCE for o in objects)
    return False


# posts one takes over: an office, no ground
POSTS = frozenset(
    {"captaincy", "presidency", "leadership", "chairmanship", "premiership", "helm",
     "post", "job", "role", "office", "position", "portfolio", "ministry",
     "editorship", "management", "reins", "mantle", "directorship"}
)  # fmt: skip


def _took_office(verb: Token) -> bool:
    """'Then Al-Sisi took over': a person taking over with nothing taken is a takeover of
    office; so is taking over a post ('took over the England captaincy', 'took over the
    presidency of the party'); 'rebels took over the town' (an object) stays an
    occupation."""
    taken = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if taken:
        return all(c.lemma_.lower() in POSTS for c in taken)
    if any(c.dep_ == "prep" and c.lower_ in ("in", "at") for c in verb.children):
        return False  # 'the militia took over in Tripoli'
    return any(c.dep_ == "nsubj" and c.ent_type_ == "PERSON" for c in verb.children)


def _threatened_by_a_thing(verb: Token) -> bool:
    """'an industry that is threatened by EU regulations', 'threatened by rising seas': a
    danger from a thing (an actor's name only its modifier), no threat by anyone."""
    agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return bool(agents) and not any(is_actor(a) or a.ent_type_ in PLACE_ENTITIES for a in agents)


# goods a danger threatens, no one threatened by name
SHARED_GOODS = frozenset(
    {"stability", "security", "peace", "future", "economy", "recovery", "growth", "order",
     "livelihood", "livelihoods", "environment", "health", "safety", "prosperity", "progress",
     "unity", "cohesion", "democracy", "ceasefire", "truce", "process"}
)  # fmt: skip


def _allowed_in_words(verb: Token) -> bool:
    """'The work was unfinished, he allowed', 'he allowed that mistakes were made': 'allow'
    with a finite clause and no one let do anything is a concession in words ('allowed
    women to drive' keeps its infinitive)."""
    if any(c.dep_ in ("dobj", "xcomp", "dative") for c in verb.children):
        return False
    for clause in verb.children:
        if clause.dep_ != "ccomp":
            continue
        if any(g.dep_ == "aux" and g.lower_ == "to" for g in clause.children):
            return False
        if clause.tag_ in ("VBD", "VBZ", "VBP") or any(
            g.dep_ in ("aux", "auxpass") for g in clause.children
        ):
            return True
    return False


# what is offered when words are given, not a deal or help ('offered this statement')
WORDS_GIVEN = frozenset(
    {"statement", "comment", "comments", "remark", "remarks", "explanation", "response",
     "reply", "answer", "assessment", "view", "opinion", "thoughts", "testimony"}
)  # fmt: skip


def _session17_other_sense(trigger: Token, code: str) -> bool:
    """Uses of a trigger word that report no act of the coded kind (session 17's dev
    draws): 'when it comes to', words offered, a name given."""
    lemma = trigger.lemma_.lower()
    if lemma in ("come", "go") and code in VISIT_CODES and _it_comes_to(trigger):
        return True  # 'When it comes to influence in the Balkans, Turkey ...': a topic
    if lemma == "offer" and any(
        c.dep_ == "dobj" and c.lemma_.lower() in WORDS_GIVEN for c in trigger.children
    ):
        return True  # 'A spokesman offered this statement in response': words, no offer
    # 'Calling police officers "the frontline soldiers", X said': a name given, no call
    return lemma == "call" and sum(c.dep_ == "dobj" for c in trigger.children) >= 2


def _it_comes_to(verb: Token) -> bool:
    """'when it comes to trade', 'as far as it goes': a subject 'it' that names no one
    going anywhere."""
    return any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in verb.children)


# what names a side of a war beside its modifiers: 'a war on', 'against', 'with', 'between'
WAR_SIDE_PREPS = frozenset({"against", "on", "with", "between", "by", "of"})


def _war_of_a_place(noun: Token) -> bool:
    """'since the Syrian civil war began in 2011', 'the Yemeni conflict': a war named by the
    country it is fought in, with no side named (no owner, no 'against', 'with' or
    'between'); the nationality word tells where, not who fights."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in CONFLICT_NOUNS | {"conflict"}:
        return False
    kids = list(noun.children)
    places = [
        c for c in kids if c.dep_ in ("amod", "compound", "nmod") and c.ent_type_ in ("NORP", "GPE")
    ]
    if not places:
        return False
    if any(c.dep_ == "poss" for c in kids):
        return False  # "Russia's war"
    if any(c.dep_ == "prep" and c.lower_ in WAR_SIDE_PREPS for c in kids):
        return False  # 'the Syrian war against the rebels'
    return not any(c.dep_ == "conj" for p in places for c in p.children)  # 'US and Iraqi'


ASKING_VERBS = frozenset({"request", "seek", "call", "ask"})
# what a state asks of others even when the text does not say whom ('$2 billion in aid')
HELP_NOUNS = frozenset(
    {"aid", "loan", "assistance", "bailout", "credit", "help", "investment", "relief"}
)
# measures by which a government orders its own services
ORDERS = frozenset({"order", "decree", "memorandum", "directive", "proclamation"})


def _asked_at_home(verb: Token) -> bool:
    """A request asked of no one: a sum of money for a body at home ('the White House
    requested $3 billion more for Homeland Security'), or what an executive order
    calls for ('called for 5,000 more border agents in an executive order'); kept when
    someone is asked ('requested $1 billion from the IMF', 'called on Congress')."""
    kids = list(verb.children)
    for c in kids:
        if c.dep_ in ("dobj", "dative") and is_actor(c):
            return False
        asked = c.dep_ == "prep" and c.lower_ in ("from", "of", "on", "to")
        if asked and any(is_actor(g) or g.ent_type_ for g in c.children if g.dep_ == "pobj"):
            return False
    objects = [c for c in kids if c.dep_ == "dobj"]
    objects += [g for c in kids if c.dep_ == "prep" and c.lower_ == "for" for g in c.children]
    asked_of_others = any(t.lemma_.lower() in HELP_NOUNS for o in objects for t in o.subtree)
    money = not asked_of_others and any(t.ent_type_ == "MONEY" for o in objects for t in o.subtree)
    ordered = any(
        g.dep_ == "pobj" and g.lemma_.lower() in ORDERS
        for c in kids
        if c.dep_ == "prep" and c.lower_ in ("in", "by", "through", "via")
        for g in c.children
    )
    return money or ordered


# contests one is beaten in without force
CONTESTS = frozenset({"election", "poll", "vote", "race", "primary", "ballot", "runoff", "contest"})
# where a thing is shown to viewers, not a crowd gathered
SCREENS = frozenset(
    {"twitter", "instagram", "youtube", "facebook", "tiktok", "video", "camera", "tv", "television"}
)


def _shown_to_viewers(verb: Token) -> bool:
    """'as the editor demonstrated on Instagram', 'demonstrated on camera': a thing shown
    to viewers, in a clause of comparison ('as X demonstrated') or on a screen."""
    if any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return True
    return any(
        g.lower_ in SCREENS
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "on"
        for g in c.children
        if g.dep_ == "pobj"
    )
