"""An event under construction and how it becomes a record: its date from the clause that
governs it, its actors resolved, deduplicated and checked.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from newsgraph.extractors.doctext import doc_text, span_text
from newsgraph.extractors.events import confidence, domain, roles, speech, tables
from newsgraph.extractors.events.arguments import infinitive, passive_participle
from newsgraph.extractors.events.patterns import OCCASIONS, governing_verb
from newsgraph.extractors.events.senses import attacked_in_words
from newsgraph.extractors.quotes.rules import heading_breaks
from newsgraph.extractors.times.dating import after_published, days_before, event_date
from newsgraph.kb.actor_codes import agent_sector
from newsgraph.records import Event, EventActor, Mention, Span, Speaker, TimeExpr

ActorResolver = Callable[[int, int], EventActor | None]


UNCERTAIN = frozenset({"future", "intent", "conditional", "possible"})
# adverbs that put an act at no particular time: it is not an act of the day reported
INDEFINITE = frozenset(
    {
        "already",
        "repeatedly",
        "previously",
        "routinely",
        "often",
        "frequently",
        "regularly",
        "ever",
        "never",
        "once",
        "twice",
        "sometimes",
        "consistently",
        "long",
        "formerly",
        "initially",
        "originally",
        "traditionally",
        "habitually",
        "usually",
        "always",
        "steadfastly",
        "persistently",
        "continually",
        "constantly",
        "invariably",
    }
)


# deps through which a time expression higher in the tree still governs the trigger's clause
CLAUSE_DEPS = frozenset(
    {
        "xcomp",
        "ccomp",
        "conj",
        "dobj",
        "pobj",
        "prep",
        "pcomp",
        "acomp",
        "attr",
        "nsubj",
        "nsubjpass",
        "appos",
        "compound",
        "amod",
        "nmod",
        "poss",
        "dative",
        "oprd",
        "agent",
    }
)


@dataclass
class Coded:
    """A trigger after frame composition, before its arguments become records."""

    trigger: Token
    code: str
    sources: list[Token]
    targets: list[Token]
    negated: bool = False
    modality: str | None = None
    consumed: set[int] = field(default_factory=set)
    speaker: Speaker | None = None  # the source when the act is made in someone's words


def _to_event(
    coded: Coded,
    sent: SpacySpan,
    resolve: ActorResolver | None,
    times: Sequence[TimeExpr],
    published: str | None,
    quoted: Sequence[tuple[int, int]] = (),
    retrospective: bool = False,
) -> Event | None:
    """The event record, or None when no side names an actor (``domain.has_actor``);
    ``quoted`` are the character spans of the article's direct quotes; in a
    ``retrospective`` article (a timeline) no act is dated the publication day unless the
    text says so. The record carries its confidence (:func:`confidence.assess`)."""
    token = coded.trigger
    if coded.code.startswith("19") and attacked_in_words(token):
        # 'McCain attacked Paul, accusing him of ...': criticism in words, no force
        coded = dataclasses.replace(coded, code="111")
    info = tables.code_info(coded.code)
    if _in_glued_heading(token, sent):
        return None  # 'Seeking common ground The government in Athens ...': a subheading
    own = {s.i for s in coded.sources}
    sources = _resolved(coded.sources, resolve)
    targets = _resolved([t for t in coded.targets if t.i not in own], resolve)
    sources = [pair for pair in sources if not _pronoun_of_target(pair, targets)]
    if _borrowed_subject(token):
        # 'North Korea has sent teams ... and Lee urged North Korea to send athletes',
        # parsed with 'urged' sharing the first clause's subject: one who acts on itself
        # is a misreading; the named object stays, the borrowed subject goes
        named = {a.entity for _, a in targets if a.entity}
        sources = [pair for pair in sources if pair[1].entity not in named]
    speaker = speech.speaker_actors(coded.speaker, resolve) if not sources else ()
    # 'shot off four missiles into the Sea of Japan': water, not the country it is named for
    targets = [pair for pair in targets if not _water(pair[0])]
    opposing = {a.country for a in (*_actors_of(sources), *speaker) if a.sector == "OPP"}
    home = next(iter(opposing)) if len(opposing) == 1 else None
    if home is not None:
        # 'The Turkish opposition accuses the government of ...': its own country's
        targets = [(t, _home_government(a, home)) for t, a in targets]
    governing = [a for a in (*_actors_of(sources), *speaker) if a.sector == "GOV"]
    targets = [pair for pair in targets if not _own_country(pair[1], governing)]
    if coded.code.startswith("03"):
        # 'Wilders has pledged to take the Netherlands out of the EU': a politician's pledge
        # of what they will do with their own country is made to no one the clause names
        pledging = [a for a in _actors_of(sources) if a.sector in ("GOV", "OPP", "PTY", "LEG")]
        targets = [pair for pair in targets if not _own_country(pair[1], pledging)]
    sides = [(_tokens(side), _actors_of(side)) for side in (sources, targets)]
    if not domain.has_actor(sides, coded.speaker) and not _known(speaker):
        return None
    at = token.idx
    sure = confidence.assess(
        token,
        sides,
        code=coded.code,
        modality=coded.modality,
        negated=coded.negated,
        spoken=bool(speaker),
        in_quote=any(start <= at < end for start, end in quoted),
    )
    date = _date(coded, sent, times, published, retrospective=retrospective)
    modality = coded.modality
    if modality is None and date is not None and after_published(date, published):
        modality = "future"  # 'Tillerson travels to Seoul on Friday': arranged, still to come
    return Event(
        type=info.plover or "",
        trigger=Mention(token.idx, token.idx + len(token.text), token.text),
        sentence=Span(sent.start_char, sent.end_char),
        mode=info.mode,
        cameo=coded.code,
        source=_unique(_actors_of(sources)) or speaker,
        target=_unique(_actors_of(targets)),
        date=date,
        place=roles.place_of(sent, token),
        intensity=tables.intensity(info),
        negated=coded.negated,
        modality=modality,
        confidence=sure.confidence,
    )


def _date(
    coded: Coded,
    sent: SpacySpan,
    times: Sequence[TimeExpr],
    published: str | None,
    *,
    retrospective: bool = False,
) -> str | None:
    """The time expression governing the trigger's clause ('late Saturday night', 'a
    decade ago', 'in 2014'), else the publication day when the clause reports the
    present; a date after publication only for a future or intended event."""
    chain = _clause_chain(coded.trigger)
    doc = sent.doc

    counting_since = False

    def governs(expr: TimeExpr) -> int | None:
        span = doc.char_span(expr.start, expr.end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        node = span.root
        if _bare_time_noun(expr):
            return None  # 'in March 2015, the month Saudi Arabia launched': the date before
        for part in span:  # 'in 1992, when the military police killed 111 prisoners'
            for clause in part.children:
                if clause.i in chain and _when_relative(clause):
                    return chain[clause.i] * 32
        before = doc[max(span.start - 1, 0)]
        if _since(expr, doc) and not counting_since:
            return None  # 'in decline since 2011, but still launches attacks': a stretch
        if span.start > 0 and before.lower_ in STRETCH_ENDS:
            return None  # 'extended the arrest until April 30': the end of a stretch
        dangling = span.start > 0 and before.dep_ == "prep" and before.head.i in chain
        if dangling and not any(c.dep_ == "pobj" for c in before.children):
            return chain[before.head.i] * 32  # 'in October ICC judges approved' (misparsed)
        during = _occasion(node, chain)
        if during is not None:
            return during * 32  # "criticized McCain during Wednesday's press briefing"
        if _noun_time(node, chain):
            return None  # 'a debate next week', "last July's coup", 'the protests Sunday'
        if _occasion_joined(node, chain):
            return None  # 'has agreed to attend ... and a G20 summit in July': the summit's
        for step in range(16):
            if node.i in chain and _revealed(node) and _report_occasion(span, node):
                return None  # 'confirmed that he met Kislyak, in an interview on Thursday'
            if node.i in chain and _first_conjunct_time(span, node, chain):
                return None  # 'annexed East Jerusalem in 1967, and in their meeting X asked'
            if node.i in chain:
                # nearer the clause first; at one rank, the time hung more directly on it
                # ('On Friday, Iranians rallied on the anniversary of the 1979 revolution')
                return chain[node.i] * 32 + step
            outside = not span.start <= node.i < span.end
            if node.head == node or (node.pos_ in ("VERB", "AUX") and outside):
                rank = _when_clause(node, chain) if outside else None
                if rank is None and outside and (during := _subject_busy(node, chain)) is not None:
                    # 'Daines, who was presiding over the Senate on Tuesday night, warned
                    # her': the act falls in what its subject was doing then; after every
                    # time of the clause's own verb
                    return during * 32 + 31
                return None if rank is None else rank * 32 + step
            node = node.head
        return None

    # an intent, a threat or a demand is expressed now: without a time of its own it takes
    # the publication day (CAMEO's future rule codes the statement, not the act)
    stated = coded.modality in UNCERTAIN or coded.modality == "obligation"
    if stated and any(_told_before(doc[i]) for i in chain):
        stated = False  # 'Poroshenko had previously sought to end the blockade'
    if stated and any(_past_when(doc[i]) for i in chain):
        stated = False  # 'when he served as speaker, he sought to allow ...': stated then
    if stated and when_still_to_come(coded.trigger):
        stated = False  # 'could find herself at a palace when she travels to Japan': to come
    text = doc_text(doc)
    # 'the Regulation Act 2009'; 'On March 18 that year' (a year told before)
    times = [t for t in times if not _in_name(t, text) and not _year_told_before(t, text)]
    # 'Just a day earlier, ...': counted from a day told before, not from publication
    times = [t for t in times if not _counted_from_told(t, text)]
    if _of_old(coded):  # 'by mid-December the North Vietnamese refused': not last December
        times = [t for t in times if re.search(r"\d{4}", text[t.start : t.end])]
    inside = [t for t in times if sent.start_char <= t.start and t.end <= sent.end_char]
    vague = any((_vague_past(t) or t.type == "DURATION") and governs(t) is not None for t in inside)
    # 'closed 100 golf courses and ordered 507 others to make changes over the past five
    # years': a look back over years names no day, wherever the parser hangs it
    vague = vague or any(t.type == "DURATION" and RETROSPECT.match(t.text) for t in inside)
    vague = vague or any(_bare_time_noun(t) for t in inside)
    # 'Throughout the 2016 campaign, Trump urged ...': over an occasion of a past year
    vague = vague or any(_past_year_occasion(doc[i], published) for i in chain)
    words = span_text(sent)
    if vague or ANAPHORIC_DAY.search(words) or FORMER_TITLE.search(words) or _of_old(coded):
        stated = False  # 'In the mid-2000s, the bank defied ...': then, not today
        present = False
    else:
        present = _reports_present(coded.trigger) and not _listed_record(coded.trigger)
        # 'At one point he called on her to resign': some time in a story, not today
        present = present and not SOME_POINT.search(words)
        present = present and not _history_beside(coded.trigger, inside, published)
        # 'Japan condemned the tests when Abe spoke at the 2016 summit': a 'when' clause
        # told of a past year puts the act then, on a day the text does not give
        present = present and not _when_of_old(coded.trigger, inside, published)
        # 'Mubarak was accused of inciting the killings': a charge with no one making it
        # and no time is a standing charge, not an act of the day reported
        present = present and not _standing_charge(coded.trigger)
        # 'when he was the commissioner for refugees, he pressured Kenya': done in an
        # office held then, on a day the text does not give
        present = present and not any(_when_in_office(doc[i]) for i in chain)
        # 'As justice minister, Garcia conducted a raid on the prison': done in an office
        # the clause names, in the simple past with no day: then, not today
        present = present and not _in_office_then(coded.trigger)
        # 'Miller, the former energy adviser, resigned after the leak': the leaving that
        # made the subject 'former', told as what is known of them, not today's news
        present = present and not _left_what_they_were(coded.trigger)
        # 'officials said that airstrike killed dozens of militants': the act of an
        # occurrence told before, on its day, not the day of this report
        present = present and not (not inside and _told_occurrence(coded.trigger))
        # 'In 1976 Palestinians protested against the expropriation. Six were killed when
        # the police crushed the protests': a past tense that goes on with a story told of
        # a time months back, with no time of its own, is that history, not today's news
        present = present and not (
            not inside and _history_continued(coded.trigger, sent, times, published)
        )
    if retrospective:
        stated = present = False  # 'A Timeline of ...': each step on its own day, if told
    counting_since = True
    stretch = any(_since_clause(doc[i]) for i in chain)  # 'since Turkey began its operations'
    # 'at war since 2015, when Houthi rebels took over the capital': the 'when' clause's
    # own time, not the stretch it begins
    owned = [t for t in inside if _owns_when_clause(t, doc, chain)]
    if stretch or any(_since(t, doc) and t not in owned and governs(t) is not None for t in inside):
        # 'have destroyed 4,608 facilities since the beginning of this year, Rudskoi said on
        # Tuesday': over a stretch that began then, on no one day (not the day it was told)
        return None
    counting_since = False
    future = coded.modality in UNCERTAIN or _arranged(coded)
    gapped = _gapped_clause(coded.trigger)
    if gapped is not None:
        # 'On Saturday, a day after the administration imposed sanctions, ...': a time the
        # clause gives itself dates it; a day told outside it is counted back (or on) by the gap
        verb, sign, days = gapped
        own = _clause_extent(verb)
        mine = [t for t in times if (root := _time_root(t, doc)) is not None and root in own]
        if mine:
            return event_date(
                sent.start_char,
                sent.end_char,
                mine,
                published,
                governs=governs,
                future=future,
                present=False,
            )
        told = event_date(
            sent.start_char,
            sent.end_char,
            list(times),
            published,
            governs=governs,
            future=True,
            present=False,
        )
        return _shifted(told, sign * days if days is not None else None, published, future)
    return event_date(
        sent.start_char,
        sent.end_char,
        list(times),
        published,
        governs=governs,
        future=future,
        present=stated or present,
    )


# how far up from the trigger a 'when' clause may lie ('when he becomes the first to visit')
WHEN_STEPS = ("xcomp", "acl", "relcl", "attr", "conj", "pobj", "prep", "dobj")


def when_still_to_come(token: Token) -> str | None:
    """A present-tense 'when' or 'once' clause on a clause told with a modal ('could find
    himself at the palace when he travels to Britain', 'will get its test when he becomes
    the first to visit China'): the act is as uncertain as that clause ('future' for
    'will', 'possible' for 'could'); None otherwise."""
    node = token
    for _ in range(5):
        marked = any(
            c.dep_ in ("advmod", "mark") and c.lower_ in ("when", "once") for c in node.children
        )
        if node.dep_ == "advcl" and marked:
            if node.tag_ not in ("VBZ", "VBP"):
                return None  # 'when he travelled': told as done
            modals = tables.lexicon()["modal_aux"]
            for aux in node.head.children:
                if aux.dep_ == "aux" and aux.lower_ in modals:
                    kind = modals[aux.lower_]
                    return kind if kind in ("future", "possible", "conditional") else None
            return None
        if node.dep_ not in WHEN_STEPS or node.head == node:
            return None
        node = node.head
    return None


def _subject_busy(verb: Token, chain: dict[int, int]) -> int | None:
    """The rank of the clause verb whose subject a past progressive relative clause
    describes ('Rubio, who was chairing the committee on Monday, rebuked ...': rebuked
    while chairing, so on that Monday); None for any other clause ('who met Putin on
    Monday' tells another act, not when this one was done)."""
    if verb.dep_ != "relcl" or verb.tag_ != "VBG":
        return None
    if not any(c.dep_ == "aux" and c.lower_ in ("was", "were") for c in verb.children):
        return None
    subject = verb.head
    if subject.dep_ not in ("nsubj", "nsubjpass") or subject.head.i not in chain:
        return None
    return chain[subject.head.i]


# how many days a count word before 'day(s)' or 'week(s)' makes ('a day after', 'two weeks
# before'); a gap of months or years, or an uncounted 'days', names no day
GAP_COUNTS = {
    "a": 1, "an": 1, "one": 1, "the": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip
GAP_UNITS = {"day": 1, "days": 1, "week": 7, "weeks": 7}


def _gapped_clause(trigger: Token) -> tuple[Token, int, int | None] | None:
    """The trigger's own verb when an 'after' or 'before' with a gap of days or more
    opens its clause ('a day after Berlin expelled ...', 'two weeks before the army
    shelled ...'), with the direction from the day told outside it (-1 for 'after') and
    the gap in days (None when the text gives no count: 'days after', 'months after')."""
    verb = trigger
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head == verb or verb.dep_ == "conj":
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    marks = [c for c in verb.children if c.dep_ == "mark" and c.lower_ in ("after", "before")]
    if not marks:
        return None
    mark = marks[0]
    gaps = [c for c in verb.children if c.dep_ == "npadvmod" and c.i < mark.i]
    if not gaps:
        return None
    unit = gaps[-1]
    words = [t.lower_ for t in unit.subtree if t.i < mark.i]
    if unit.lower_ not in DAY_GAPS | {"year", "decade"}:
        return None  # 'hours after', 'moments before': the same day, dated as before
    sign = -1 if mark.lower_ == "after" else 1
    count = next((GAP_COUNTS[w] for w in words if w in GAP_COUNTS), None)
    count = count or next((int(w) for w in words if w.isdigit() and int(w) < 100), None)
    if unit.lower_ not in GAP_UNITS or count is None:
        return verb, sign, None
    return verb, sign, count * GAP_UNITS[unit.lower_]


def _clause_extent(verb: Token) -> set[int]:
    """The tokens of a gapped clause: its verb's subtree from its 'after' on, without what is
    joined to it ('a day after X imposed sanctions, and Tehran held drills' misparsed)."""
    start = min(c.i for c in verb.children if c.dep_ == "mark")  # not the gap ('a day')
    joined = {t.i for c in verb.children if c.dep_ in ("conj", "cc") for t in c.subtree}
    return {t.i for t in verb.subtree if t.i >= start and t.i not in joined}


def _time_root(expr: TimeExpr, doc: Doc) -> int | None:
    span = doc.char_span(expr.start, expr.end, alignment_mode="expand")
    return span.root.i if span is not None and len(span) else None


def _shifted(
    value: str | None, days: int | None, published: str | None, future: bool
) -> str | None:
    """A full day moved by ``days``; None for a coarser date or an uncounted gap, and for a
    day after publication unless the act is still to come."""
    if value is None or days is None or not re.fullmatch(r"\d{4}-\d\d-\d\d", value):
        return None
    moved = (dt.date.fromisoformat(value) + dt.timedelta(days=days)).isoformat()
    if after_published(moved, published) and not future:
        return None
    return moved


RETROSPECT = re.compile(
    r"(?:the\s+)?(?:past|last|previous)\s+(?:\w+\s+)?(?:years|decades?|months)\b", re.I
)


STRETCH_PREPS = frozenset({"throughout", "during", "over"})


def _past_year_occasion(verb: Token, published: str | None) -> bool:
    """'Throughout the 2016 campaign, Trump urged his supporters ...', 'during the 2014
    war': an act over an occasion named with a year before publication is of that time,
    not of the day reported."""
    if not published or not published[:4].isdigit():
        return False
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in STRETCH_PREPS:
            continue
        for noun in prep.children:
            if noun.dep_ != "pobj":
                continue
            years = [
                int(m.text)
                for m in noun.children
                if m.dep_ in ("nummod", "compound", "amod")
                and len(m.text) == 4
                and m.text.isdigit()
            ]
            if any(1900 < year < int(published[:4]) for year in years):
                return True
    return False


def _since_clause(verb: Token) -> bool:
    """'66 Turkish troops have been killed since Turkey began its operations there last
    August': a perfect counted over a stretch a 'since' clause begins."""
    return _perfect(verb) and any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "since" for m in c.children)
        for c in verb.children
    )


def _since(expr: TimeExpr, doc: Doc) -> bool:
    """A time that begins a stretch ('since 2011', 'since the beginning of this year',
    'Since the launch in 2014 of a military operation')."""
    span = doc.char_span(expr.start, expr.end, alignment_mode="expand")
    if span is None:
        return False
    if span.start > 0 and doc[span.start - 1].lower_ == "since":
        return True
    node = span.root
    for _ in range(6):  # up through the noun phrase the time is in, not out of a clause
        if node.head == node or node.pos_ in ("VERB", "AUX"):
            return False
        if node.dep_ == "pobj" and node.head.lower_ == "since":
            return True
        node = node.head
    return False


# occasions named by a noun, which a day after publication dates as still to come
OCCASION_NOUNS = frozenset({"visit", "trip", "tour", "meeting", "talks", "summit"})


def _arranged(coded: Coded) -> bool:
    """A present simple with no auxiliary ('Tillerson travels to South Korea on Friday',
    'the council meets on Monday'): news tells arrangements this way, so a day after
    publication that governs the clause dates the act still to come. So does a noun for
    an occasion ('announced Xi's visit to Switzerland from Jan 15 to 18')."""
    if coded.modality is not None or coded.negated:
        return False
    verb = coded.trigger
    if verb.pos_ == "NOUN" and verb.lemma_.lower() in OCCASION_NOUNS:
        return True
    if verb.pos_ in ("NOUN", "PROPN"):
        verb = governing_verb(verb) or verb
    if verb.tag_ not in ("VBZ", "VBP") or verb.pos_ != "VERB":
        return False
    return not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


# actors that exist only in history: what they did was not done today
HISTORICAL = re.compile(
    r"\b(?:Nazis?|Nazi Germany|Third Reich|Wehrmacht|Gestapo|Soviets|Soviet Union|USSR"
    r"|Ottomans|Ottoman Empire|Khmer Rouge|North Vietnam(?:ese)?|South Vietnam(?:ese)?"
    r"|Viet Cong|East Germany|West Germany|Yugoslavia|Czechoslovakia|Rhodesia|Prussia"
    r"|Austria-Hungary|Confederacy|Confederate army)\b"
)


def _of_old(coded: Coded) -> bool:
    """'the Nazis banned Jewish cultural organizations': a doer that exists only in
    history puts the act in the past (undated without a time of its own)."""
    doc_str = doc_text(coded.trigger.doc)
    for token in coded.sources:  # not 'Putin accused the Nazis of ...' (said today)
        start, end = roles.actor_span(token)
        if HISTORICAL.search(doc_str[start:end]):
            return True
    return False


# titles a year belongs to ('the Public Transport Regulation Act 2009', 'Vision 2030')
TITLED = re.compile(
    r"\b(?:Act|Law|Treaty|Convention|Accords?|Protocol|Agenda|Vision|Plan|Strategy|Games"
    r"|Cup|Expo|Summit)\s*$"
)


def _in_name(expr: TimeExpr, text: str) -> bool:
    """A bare year that is part of a title, not a time of the act."""
    year = text[expr.start : expr.end]
    if not (len(year) == 4 and year.isdigit()):
        return False
    # TITLED ends at the year, past white space only: its word ends where the text before
    # the year stops being white space, so the search starts a longest word before that
    # (a search from the text's start scanned the whole article per date)
    word_end = len(text[: expr.start].rstrip())
    return TITLED.search(text, max(0, word_end - _TITLE_WORD), expr.start) is not None


_TITLE_WORD = 12  # longer than every word of TITLED ('Convention')


def _year_told_before(expr: TimeExpr, text: str) -> bool:
    """'On March 18 that year': a day whose year the story gave before, which the
    publication date must not supply."""
    return THAT_YEAR.match(text, expr.end) is not None or "that year" in text[expr.start : expr.end]


THAT_YEAR = re.compile(r",?\s+(?:that|the same|the previous|the following) year\b", re.I)


def _occasion(root: Token, chain: dict[int, int]) -> int | None:
    """A time owning the occasion the act took place at ("during Wednesday's press
    briefing", "at Monday's summit"): it dates the act."""
    head = root.head
    prep = head.head
    # "during Wednesday's press briefing"; 'In a speech Tuesday, she accused ...'
    if root.dep_ not in ("poss", "npadvmod") or head.dep_ != "pobj" or prep.dep_ != "prep":
        return None
    if prep.lower_ not in ("during", "at", "in") or prep.head.i not in chain:
        return None
    if root.dep_ == "npadvmod" and head.lemma_.lower() not in OCCASIONS | ENCOUNTERS:
        return None
    return chain[prep.head.i]


# meetings an act can take place in ('pledged in talks Saturday', 'at a summit Monday')
ENCOUNTERS = frozenset(
    {"talk", "talks", "summit", "call", "visit", "trip", "negotiation", "negotiations"}
)


# nouns for a part or a stretch of a time ('the end of last week')
STRETCHES = frozenset(
    {"course", "period", "span", "end", "beginning", "start", "middle", "space", "rest",
     "length", "part", "half", "night", "morning", "evening", "afternoon", "day", "week"}
)  # fmt: skip


def _noun_time(root: Token, chain: dict[int, int]) -> bool:
    """A time that modifies a noun other than the trigger ('a debate next week', "last
    July's coup", 'the mass protests Sunday', 'the deaths of the past week'): it dates
    that thing, not the act."""
    head = root.head
    first = root
    while first.dep_ == "conj" and first.head != first:  # '... and spring 2019'
        first = first.head
    if first.dep_ == "pobj" and _polled_or_between(first.head, chain):
        return True  # "reject the call for a referendum between autumn 2018 and spring 2019"
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.i not in chain:
        # not a stretch of the time itself ('in the course of the past 10 days', 'at the
        # end of last week'), which times the act
        return head.head.pos_ in ("NOUN", "PROPN") and head.head.lemma_.lower() not in STRETCHES
    return (
        root.dep_ in ("npadvmod", "poss", "compound", "nmod", "amod", "nummod")
        and head != root
        and head.pos_ in ("NOUN", "PROPN")
        and head.i not in chain
        and not _weekday_closing_the_object(root, chain)
    )


# votes put to the people, which a time in a phrase on them dates ('a referendum in 2019')
POLLS = frozenset({"referendum", "vote", "election", "poll", "ballot", "plebiscite"})


def _polled_or_between(prep: Token, chain: dict[int, int]) -> bool:
    """A time in a 'between' phrase on a noun other than the trigger ('a call for a vote
    between autumn 2018 and spring 2019'), or in any phrase on a vote ('rejected the call
    for a referendum in 2019'): it dates that noun, not the act."""
    noun = prep.head
    if prep.dep_ != "prep" or noun.i in chain or noun.pos_ not in ("NOUN", "PROPN"):
        return False
    return prep.lower_ == "between" or noun.lemma_.lower() in POLLS


WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})

# nouns a day can date (an occurrence, an occasion), besides the occurrences below
DATED_THINGS = frozenset(
    {"talks", "summit", "visit", "trip", "game", "match", "concert", "ceremony", "trial",
     "march", "demonstration", "rally", "protest", "celebration", "festival", "event",
     "race", "parade", "funeral", "launch", "test", "flight", "storm", "fire", "meeting"}
)  # fmt: skip


def _occasion_joined(root: Token, chain: dict[int, int]) -> bool:
    """A time on an occasion noun the parser joined to a verb as its conjunct ('has also
    agreed to attend a May summit in Brussels and a G20 summit in Germany in July', with
    the second summit joined to 'agreed'): it dates that occasion, not the act."""
    node = root
    for _ in range(4):
        if node.i in chain or node.head == node:
            return False
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return False
        occasion = node.lemma_.lower() in DATED_THINGS | OCCASIONS
        if occasion and node.dep_ == "conj" and node.head.pos_ in ("VERB", "AUX"):
            return True
    return False


def _weekday_closing_the_object(root: Token, chain: dict[int, int]) -> bool:
    """'Tillerson called for a new approach toward North Korea Thursday, saying ...': a
    bare day name closing the clause, which the parser hung on a noun of the act's object
    (news style puts the act's day there, and a day cannot date an approach or a policy).
    Not on an occurrence or an occasion, which the day dates ('condemned the protests
    Sunday', 'the attack Monday')."""
    if root.dep_ != "npadvmod" or root.lower_ not in WEEKDAYS:
        return False
    doc = root.doc
    after = doc[root.i + 1] if root.i + 1 < len(doc) else None
    if after is not None and not after.is_punct and not after.is_sent_start:
        return False
    node = root.head
    for _ in range(6):
        words = {node.lower_, node.lemma_.lower()}
        if words & (DATED_THINGS | TOLD_OCCURRENCES | OCCASIONS):
            return False
        if node.head.i in chain:
            return node.dep_ in ("dobj", "prep", "pobj")
        if node.dep_ not in ("dobj", "pobj", "prep", "appos") or node.head == node:
            return False
        node = node.head
    return False


def _owns_when_clause(expr: TimeExpr, doc: Doc, chain: dict[int, int]) -> bool:
    """A time a 'when' clause of the trigger's own hangs on ('since 2015, when the
    rebels took over the capital')."""
    span = doc.char_span(expr.start, expr.end, alignment_mode="expand")
    if span is None:
        return False
    return any(c.i in chain and _when_relative(c) for part in span for c in part.children)


def _when_relative(verb: Token) -> bool:
    """A 'when' clause hung on a time ('in March 2011, when security forces arrested
    teenagers'): that time is the clause's own."""
    return verb.dep_ in ("relcl", "advcl") and any(
        c.dep_ == "advmod" and c.lower_ == "when" for c in verb.children
    )


def _while_clause(verb: Token) -> bool:
    """A past clause opened by 'as' or 'while' that tells what was going on when the act
    fell ('was shot as he walked home in February 2015'): its time is the act's."""
    return (
        verb.dep_ == "advcl"
        and verb.tag_ in ("VBD", "VBG")
        and any(c.dep_ == "mark" and c.lower_ in ("as", "while") for c in verb.children)
    )


def _when_clause(verb: Token, chain: dict[int, int]) -> int | None:
    """'When Obama visited Riyadh in 2014, King Abdullah received him': the time of a
    'when' clause (or of a bare participle clause: 'Speaking on February 15, Netanyahu
    thanked ...'; or of a participle clause of a message: 'In tweets posted March 4,
    Trump accused ...') dates the clause it hangs on; so does a time of the 'when'
    clause's complement ('was beaten when he helped protect a woman in 2009')."""
    for _ in range(2):
        if verb.dep_ == "xcomp" and verb.head.pos_ == "VERB":
            verb = verb.head
    if verb.dep_ in ("advcl", "relcl") and (
        any(c.dep_ == "advmod" and c.lower_ == "when" for c in verb.children) or _while_clause(verb)
    ):
        node = verb.head  # a 'when' clause the parser hung on a noun: up to its verb
        for _ in range(4):
            if node.i in chain or node.head == node or node.pos_ in ("VERB", "AUX"):
                break  # not past a verb of another clause ('accused of having abetted ... when')
            node = node.head
        return chain.get(node.i)
    if roles.bare_participle(verb) and verb.head.i in chain:
        return chain[verb.head.i]  # 'Speaking in Washington on February 15, X thanked Y'
    if _purpose(verb) and verb.head.i in chain and verb.head.tag_ == "VBD":
        return chain[verb.head.i]  # 'Xi traveled to Serbia to sign the deal last summer'
    if _purpose_of_act(verb):  # 'launched an offensive to recapture Mosul in October'
        act = verb.head
        return chain.get(act.i, chain.get(act.head.i))
    message, prep = verb.head, verb.head.head  # 'tweets' and 'In' of 'In tweets posted ...'
    posted = verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBD") and message.dep_ == "pobj"
    if posted and prep.lower_ in ("in", "on", "during"):
        return chain.get(prep.head.i)
    made = verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBD")
    if made and message.lemma_.lower() in MESSAGES:
        # 'remarks made on Monday in which he said the US supports NATO': the day a message
        # was made dates what is said in it (a relative clause of the same noun)
        told = [c.i for c in message.children if c.dep_ == "relcl" and c.i in chain]
        if told:
            return chain[told[0]]
    return None


# what is said or written on a day of its own (OCCASIONS' messages, and remarks)
MESSAGES = OCCASIONS | {"remark", "remarks", "comment", "comments", "message", "article", "video"}


# a day the story told before ('later that day', 'the following morning', 'that year',
# 'at the time'): not today
def _counted_from_told(expr: TimeExpr, text: str) -> bool:
    """'a day earlier', 'two weeks later': a time counted from one the story told before,
    not from the publication day."""
    inside = text[expr.start : expr.end].lower()
    if re.search(r"\b(?:days?|weeks?|months?) (?:earlier|later)$", inside):
        return True
    after = re.match(r"\s*(?:earlier|later)\b", text[expr.end : expr.end + 10], re.I)
    return after is not None and re.search(r"\b(?:days?|weeks?|months?)$", inside) is not None


SOME_POINT = re.compile(r"\bat (?:one|some|another|that) point\b", re.I)
ANAPHORIC_DAY = re.compile(
    r"\b(?:that|the same|the following|the next|the previous|the preceding)\s+"
    r"(?:day|night|morning|afternoon|evening|week|weekend|month|year|period)\b"
    r"|\bthe day (?:before|after)\b"
    # 'Just a day earlier, Trump had demanded a vote': earlier than a day told before
    r"|\b(?:a|one|two|three|four|five|several|a few) (?:days?|weeks?) (?:earlier|later)\b"
    # 'on the last day of his visit': a day of an occasion the text places elsewhere
    r"|\bthe (?:last|final|first|second|third|closing|opening) (?:day|night|leg) of\b"
    r"|\bat (?:the|that) (?:time|point)\b(?! of writing)|\bback then\b"
    # 'It was after that disaster that sanctions were imposed': after a time told before
    # (not 'After that, several members were arrested': the story's next step)
    r"|\b(?:after|following) (?:that|those) (?!(?:he|she|they|it|we|you|i|the|a|an)\b)[a-z]{3,}",
    re.I,
)


# 'condemned by then Environment Minister Alan Kelly', 'then-President Obama': told of a
# past when the title was held, not of today
FORMER_TITLE = re.compile(
    r"\bthen-\w|\bthen (?:(?:[A-Z]\w+ )?(?:President|Prime Minister|Minister|Secretary"
    r"|Chancellor|Governor|Mayor|Senator|Ambassador|Attorney General)|president|prime minister"
    r"|minister|secretary|chancellor|governor|mayor|senator|ambassador)\b"
)


def _vague_past(expr: TimeExpr) -> bool:
    """A time with no calendar value that puts the clause in the past: a decade or
    century ('the mid-2000s' -> '200', 'the 1990s'), 'in the past'."""
    value = expr.value or ""
    return expr.type == "DATE" and (value == "PAST_REF" or (value.isdigit() and len(value) <= 3))


def _clause_chain(trigger: Token) -> dict[int, int]:
    """The trigger and the tokens above it in its own clause (through complements,
    coordination and prepositions, not out of relative or adverbial clauses), with how
    far up each is."""
    chain = {trigger.i: 0}
    shared = _shared_tail(trigger)
    if shared is not None:
        chain[shared.i] = 0  # 'was shot and wounded last week': the time is both verbs'
    node = trigger
    for rank in range(1, 12):
        if _completed_purpose(node):
            # 'On Thursday, the troops completed their operation to seize Palmyra'
            if node.dep_ == "acl":
                node = node.head
                chain[node.i] = rank
            node = node.head
            chain[node.i] = rank
            continue
        joined = node.dep_ in CLAUSE_DEPS or roles.bare_participle(node) or _simultaneous(node)
        joined = joined or passive_participle(node, agent=True)  # 'entered Aleppo, backed by
        joined = joined or _time_relative(node)  # 'on Dec. 29 -- the day Obama imposed ...'
        joined = joined or _done_by_a_document(node)  # 'issued a ruling on Friday granting'
        # ... and the time noun to what it hangs on, whichever way ('spoke on Dec. 29, the day')
        joined = joined or (
            node.lemma_.lower() in TIME_NOUNS
            and any(c.dep_ == "relcl" and c.i in chain for c in node.children)
        )
        if node.head == node or not joined:
            break
        if node.dep_ == "ccomp" and (_past_perfect(node) or _once(node) or _revealed(node)):
            break  # 'told the AP on Feb. 15 that North Korea had been trying ...'
        if node.dep_ == "conj" and _perfect(node) and not _perfect(node.head):
            break  # 'takes the oath on Jan 20 and has promised ...': another time
        if node.dep_ == "conj" and _counted_on(node):
            break  # 'won elections in 2006 and took control a year later': not in 2006
        node = node.head
        chain[node.i] = rank
    return chain


# what a body issues that acts by being issued (a ruling grants, an order bans)
DOCUMENTS = frozenset(
    {"ruling", "order", "decree", "decision", "verdict", "judgment", "judgement",
     "directive", "resolution", "proclamation", "memorandum", "memo", "edict"}
)  # fmt: skip


def _done_by_a_document(verb: Token) -> bool:
    """'issued a 13-page ruling on Friday granting him asylum', 'signed a decree on Monday
    banning the party': the participle is what the document does, so it is done when the
    document is issued and takes that verb's time."""
    noun = verb.head
    return (
        verb.dep_ == "acl"
        and verb.tag_ == "VBG"
        and noun.lemma_.lower() in DOCUMENTS
        and noun.dep_ == "dobj"
        and noun.head.tag_ == "VBD"
    )


def _counted_on(verb: Token) -> bool:
    """A verb with its own gap counted from a time told before ('a year later', 'two
    months earlier'): that time is not its own."""
    return any(
        c.dep_ == "advmod"
        and c.lower_ in ("later", "earlier")
        and any(g.dep_ == "npadvmod" for g in c.children)
        for c in verb.children
    )


def _shared_tail(verb: Token) -> Token | None:
    """'A peacekeeper was shot and wounded last week', 'were arrested and charged on
    Monday': a verb with nothing after it but 'and' and a second verb of the same subject
    shares what follows that verb (its time); the second verb, or None. Not when the first
    verb has an object or a phrase of its own ('met Kislyak in December and was fired in
    February')."""
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    after = [c for c in verb.children if c.i > verb.i]
    conj = [c for c in after if c.dep_ == "conj" and c.pos_ == "VERB"]
    if len(conj) != 1 or any(c.dep_ not in ("cc", "conj", "punct") for c in after):
        return None
    second = conj[0]
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in second.children):
        return None  # a clause of its own ('and has promised ...')
    if second.i - verb.i > 3:
        return None  # only a pair of verbs side by side
    return second


# verbs that bring a past fact to light: what they confirm or admit was done before
REVEALING = frozenset(
    {"confirm", "admit", "acknowledge", "reveal", "disclose", "concede", "recall",
     "deny", "recount", "remember"}
)  # fmt: skip


def _report_occasion(span: SpacySpan, verb: Token) -> bool:
    """Whether a time reaches a revealed act's verb through an occasion of speaking ('in
    an interview on Thursday night', which the parser may hang on the act): that is the
    time of the report, not of the act."""
    node = span.root
    while node.i != verb.i and node.head != node:
        if node.lemma_.lower() in OCCASIONS and node.dep_ == "pobj":
            return True
        node = node.head
    return False


def _revealed(verb: Token) -> bool:
    """'Page did confirm that he met with Kislyak in Cleveland, in an interview on
    Thursday night': a past act a report brings to light was done before the report, on
    a day the report's time does not give."""
    if verb.dep_ != "ccomp" or verb.tag_ != "VBD":
        return False
    return verb.head.lemma_.lower() in REVEALING or _found_in_text(verb.head)


# what a report, a study or an inquiry does with the acts it tells of
FINDING_VERBS = frozenset(
    {"say", "find", "conclude", "show", "allege", "claim", "state", "suggest", "reveal"}
)
# texts that tell of acts done before they were written
FINDING_TEXTS = frozenset(
    {"report", "study", "assessment", "inquiry", "investigation", "probe", "review",
     "analysis", "survey", "dossier", "memo", "document", "audit"}
)  # fmt: skip


def _found_in_text(verb: Token) -> bool:
    """'A US intelligence report says Putin ordered a cyber campaign', 'the inquiry found
    that officers ignored warnings': a text tells of a past act done before it was
    written, on a day neither its time nor the article's gives."""
    if verb.lemma_.lower() not in FINDING_VERBS:
        return False
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in FINDING_TEXTS for c in verb.children)


# nouns for a time that a relative clause can tell what happened in
TIME_NOUNS = frozenset(
    {"day", "night", "morning", "afternoon", "evening", "week", "weekend", "month", "year"}
)


def _first_conjunct_time(span: SpacySpan, verb: Token, chain: dict[int, int]) -> bool:
    """'Israel annexed East Jerusalem in 1967 and the Golan Heights in 1981, and in their
    meeting Netanyahu asked Trump to recognise these actions': a time inside the first of
    two clauses with subjects of their own (after its verb, before the second clause) is
    that clause's, not the second's; a time before both ('On Monday, X met Y and Z
    left') still dates both."""
    for child in verb.children:
        if child.dep_ != "conj" or child.i not in chain or chain[child.i] >= chain[verb.i]:
            continue
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
        if own_subject and verb.i < span.start and span.end <= child.left_edge.i:
            return True
    return False


def _bare_time_noun(expr: TimeExpr) -> bool:
    """'the month', 'the day' as a time of their own: a time told before in the text
    (the times layer may read it as the current one), which dates no act by itself."""
    words = expr.text.lower().split()
    # not 'at the weekend', 'in the morning': those are the present ones
    return len(words) == 2 and words[0] == "the" and words[1] in ("day", "month", "year")


def _time_relative(node: Token) -> bool:
    """'spoke by phone on Dec. 29 -- the day the Obama administration imposed sanctions':
    a relative clause on a time noun happened in that time, which dates it; so does one
    on a message the text dates ('a December tweet in which he said ...')."""
    if node.dep_ != "relcl":
        return False
    head = node.head
    if head.lemma_.lower() in TIME_NOUNS:
        return True
    return head.lemma_.lower() in OCCASIONS and any(
        c.dep_ in ("compound", "amod", "nmod", "poss") and c.ent_type_ == "DATE"
        for c in head.children
    )


def _simultaneous(node: Token) -> bool:
    """'as Democratic fury erupted when Republicans refused ...': a clause at the same time
    as the one it hangs on, which dates it when it has no time of its own; also when the
    parser hung the 'when' on the clause's second verb ('Questions swirled last year when
    police shot and killed a man': the killing was last year)."""
    if node.dep_ != "advcl":
        return False
    if any(
        c.dep_ in ("advmod", "mark") and c.lower_ in ("when", "as", "while") for c in node.children
    ):
        return True
    first = node.doc[node.left_edge.i]
    return (
        first.lower_ in ("when", "while")
        and first.dep_ in ("advmod", "mark")
        and first.head.dep_ == "conj"
        and first.head.head.i == node.i
    )


def _purpose(verb: Token) -> bool:
    """'to sign the deal' in 'traveled to Serbia to sign the deal last summer': an
    infinitive of purpose, done on the occasion of the act it hangs on (not a complement
    such as 'agreed to meet next week', whose time is the meeting's own)."""
    return (
        verb.dep_ == "advcl"
        and infinitive(verb)
        and not any(c.dep_ in ("nsubj", "mark") for c in verb.children)
    )


def _purpose_of_act(verb: Token) -> bool:
    """'to recapture Mosul' in 'launched an offensive to recapture Mosul in October': the
    purpose of an act named by a noun, done in the past, shares its time; not the content
    of a plan, a promise or an agreement ('an agreement to hold elections in October')."""
    noun = verb.head
    return (
        verb.dep_ == "acl"
        and infinitive(verb)
        and noun.pos_ == "NOUN"
        and noun.lemma_.lower() not in CONTENT_NOUNS
        and noun.head.tag_ == "VBD"
    )


COMPLETING = frozenset({"complete", "finish", "conclude", "accomplish"})
# verbs by which a crowd gathers, and the acts a crowd does by gathering
GATHERING = frozenset(
    {"gather", "march", "rally", "assemble", "flock", "pour", "converge", "turn", "take"}
)
CROWD_ACTS = frozenset({"protest", "demonstrate", "demand", "denounce", "condemn", "mourn"})


def _completed_purpose(verb: Token) -> bool:
    """'completed their operation to seize Palmyra': the purpose of a finished operation
    is done when the operation is finished; so is a protest a crowd gathers for ('In
    2012, thousands took to the streets to protest'): the gathering is the protest."""
    if not infinitive(verb):
        return False
    if verb.dep_ == "advcl" and _gathered_for(verb):
        return True
    if verb.dep_ == "advcl":  # the parser hangs the purpose on the verb
        return verb.head.lemma_.lower() in COMPLETING
    noun = verb.head
    return verb.dep_ == "acl" and noun.dep_ == "dobj" and noun.head.lemma_.lower() in COMPLETING


def _gathered_for(verb: Token) -> bool:
    """A protest infinitive on a verb of gathering told as done or in a timeline's present
    ('gathered to protest', 'took to the streets to demand', 'turned out to denounce');
    not one still to come ('will gather to protest') nor 'take' without the streets
    ('took steps to ...')."""
    head = verb.head
    lemma = head.lemma_.lower()
    if verb.lemma_.lower() not in CROWD_ACTS or lemma not in GATHERING:
        return False
    if head.tag_ not in ("VBD", "VBP", "VBZ") or any(c.dep_ == "aux" for c in head.children):
        return False  # told as done, or in a timeline's present ('In 2011, Syrians take to
        # the streets to protest'); not 'will gather', 'have gathered'
    places = [
        g.lower_ for c in head.children if c.dep_ in ("prep", "prt") for g in (c, *c.children)
    ]
    if lemma == "take":
        return "streets" in places or "street" in places
    if lemma == "turn":
        return "out" in places
    return True


# nouns whose infinitive says what is planned, promised or agreed, with its own time
CONTENT_NOUNS = frozenset(
    {
        "agreement", "attempt", "authority", "bid", "call", "chance", "commitment", "deal",
        "decision", "demand", "effort", "intention", "mandate", "motion", "move", "offer",
        "opportunity", "order", "permission", "plan", "pledge", "promise", "proposal",
        "request", "resolution", "right", "threat", "vote",
    }
)  # fmt: skip


def _told_before(verb: Token) -> bool:
    """A verb of the clause that puts its statement before the news: a past perfect or
    an indefinite time ('had sought', 'has repeatedly vowed')."""
    return verb.pos_ in ("VERB", "AUX") and (_indefinite(verb) or _past_perfect(verb))


def _indefinite(verb: Token) -> bool:
    """'has repeatedly criticised', 'initially promised', 'appealed to him more than once':
    at no particular time."""
    if any(c.dep_ == "advmod" and c.lower_ in INDEFINITE for c in verb.children):
        return True
    last = verb.right_edge
    tail = doc_text(verb.doc)[verb.idx + len(verb.text) : last.idx + len(last.text)]
    return MANY_TIMES.search(tail) is not None


# acts told as done on several occasions
MANY_TIMES = re.compile(
    r"\b(?:more than once|several times|many times|time and again|on several occasions"
    r"|on many occasions|on numerous occasions|again and again)\b",
    re.I,
)


def _perfect(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def _once(verb: Token) -> bool:
    """'revealed how he once beat Trudeau up': 'once' on a past verb tells of some time
    long ago, not of the day it is told."""
    return verb.tag_ == "VBD" and any(
        c.dep_ == "advmod" and c.lower_ == "once" for c in verb.children
    )


# words before a time that make it the end of a stretch, not the day of an act
STRETCH_ENDS = frozenset({"until", "till", "through", "untill"})


# adverbs that place an act against a time the story told before ('was later shot dead',
# 'was criticized earlier in his term', 'eventually agreed')
RETOLD = frozenset(
    {"later", "earlier", "eventually", "subsequently", "afterwards", "afterward", "thereafter"}
)


# texts that go on saying what they said when they were adopted or published
STANDING_TEXTS = frozenset(
    {"resolution", "law", "act", "treaty", "charter", "constitution", "convention", "accord",
     "agreement", "declaration", "report", "document", "bill", "amendment", "decree"}
)  # fmt: skip


def _standing_text(verb: Token) -> bool:
    """A present tense whose subject is a text ('the resolution calls on Israel to cease',
    'the report urges ...'): the text says it on the day it was adopted or published,
    which the clause does not give."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    relative = [c for c in subjects if c.tag_ == "WDT"]
    if relative:  # 'resolution 2334, passed in December, which calls on Israel'
        before = verb.doc[max(relative[0].i - 10, verb.sent.start) : relative[0].i]
        subjects = [t for t in before if t.pos_ in ("NOUN", "PROPN")][-3:]
    return any(
        t.lemma_.lower() in STANDING_TEXTS
        or any(c.dep_ == "compound" and c.lemma_.lower() in STANDING_TEXTS for c in t.children)
        for t in subjects
    )


def _ahead_of(child: Token) -> bool:
    """'ahead of the election' hanging on the verb: some time before an occasion."""
    return child.lower_ == "ahead" and any(c.lower_ == "of" for c in child.children)


def _while_then(child: Token) -> bool:
    """'While he was in office', 'while she was foreign minister': a past stretch the
    act fell in, told by a 'while' clause in the past tense of 'be'."""
    if child.dep_ != "advcl" or child.lemma_ != "be" or child.tag_ != "VBD":
        return False
    return any(c.dep_ == "mark" and c.lower_ == "while" for c in child.children)


def _past_when_clauses(verb: Token) -> list[Token]:
    """The verb's 'when' or 'while' clauses in the past tense."""
    return [
        c
        for c in verb.children
        if c.dep_ == "advcl"
        and c.tag_ == "VBD"
        and any(m.dep_ in ("advmod", "mark") and m.lower_ in ("when", "while") for m in c.children)
    ]


def _past_when(verb: Token) -> bool:
    """A verb with a 'when' or 'while' clause in the past tense ('when he served as
    speaker, he sought to ...'): the verb's act was then."""
    return bool(_past_when_clauses(verb))


def _when_in_office(verb: Token) -> bool:
    """A verb with a past 'when' or 'while' clause saying what someone was then ('when he
    was the commissioner', 'while she was foreign minister'): the act was in that time."""
    return any(
        c.lemma_ == "be" and any(a.dep_ == "attr" and a.pos_ == "NOUN" for a in c.children)
        for c in _past_when_clauses(verb)
    )


def _in_office_then(trigger: Token) -> bool:
    """'As justice minister, Garcia conducted a raid', 'Garcia signed the pact as defence
    minister', 'met him in his capacity as a senator': a simple past done 'as' an office
    holder (a role noun with no article: 'as the envoy of' is a part played today) tells
    of the time the office was held; so does a part the phrase gives a year ('As Trump's
    running mate on the 2016 campaign trail')."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else governing_verb(trigger)
    if verb is None or verb.tag_ != "VBD":
        return False
    if any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    for prep in _as_phrases(verb):
        if _year_in(prep):
            return True  # "As Trump's running mate on the 2016 campaign trail, Pence ..."
        capacity = prep.i > 0 and prep.doc[prep.i - 1].lower_ == "capacity"
        for role in (g for g in prep.children if g.dep_ == "pobj" and g.pos_ == "NOUN"):
            kept = ("poss",) if capacity else ("det", "poss")  # 'in his capacity as a senator'
            if any(d.dep_ in kept for d in role.children):
                continue
            lemma = role.lemma_.lower()
            if lemma in OFFICES or (agent_sector(lemma) or "").startswith(OFFICE_SECTORS):
                return True
    return False


def _as_phrases(verb: Token) -> list[Token]:
    """The 'as' phrases on a verb, and on its 'in his capacity' ('met him in his capacity
    as a senator', whichever of the two the parser hung 'as' on)."""
    preps = [c for c in verb.children if c.dep_ == "prep"]
    capacities = [
        g for p in preps if p.lower_ == "in" for g in p.children if g.lemma_.lower() == "capacity"
    ]
    return [
        c
        for c in (*verb.children, *(x for g in capacities for x in g.children))
        if c.dep_ == "prep" and c.lower_ == "as"
    ]


def _year_in(phrase: Token) -> bool:
    """A year written in a phrase ('on the 2016 campaign trail'): a part played then."""
    return any(t.like_num and re.fullmatch(r"(?:19|20)\d\d", t.text) for t in phrase.subtree)


LEAVINGS = frozenset({"resign", "step", "quit", "fire", "dismiss", "sack", "oust", "remove"})


def _left_what_they_were(trigger: Token) -> bool:
    """A leaving (resigned, was fired) whose subject the sentence calls former ('Miller,
    the former energy adviser to the president, resigned after the leak', 'ex-minister
    Smith was sacked'): the act that made them former, told as who they are."""
    if trigger.pos_ != "VERB" or trigger.lemma_.lower() not in LEAVINGS:
        return False
    subjects = [c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(
        t.lower_ == "former" or t.lower_.startswith("ex-") for s in subjects for t in s.subtree
    )


# the sectors of an office one holds for a time (a minister, a governor, a judge)
OFFICE_SECTORS = ("GOV", "LEG", "JUD", "MIL", "COP")
OFFICES = frozenset(
    {"secretary", "commissioner", "chairman", "chairwoman", "chair", "chancellor",
     "director", "head", "chief", "premier", "attorney"}
)  # fmt: skip


def _contrasted_record(verb: Token) -> bool:
    """A present perfect in a 'while' or 'whereas' clause of a present ('While X have
    blamed Y, the data shows ...'): a record contrasted with how things stand."""
    if verb.dep_ != "advcl" or not _perfect(verb):
        return False
    if not any(c.dep_ == "mark" and c.lower_ in ("while", "whereas") for c in verb.children):
        return False
    return verb.head.tag_ in ("VBZ", "VBP")


def _standing_charge(trigger: Token) -> bool:
    """'He was accused of inciting the deaths of protesters': an accusation in the simple
    past passive whose maker the clause does not name is a charge of some time back, not
    the news of the day ('is accused of', 'has been charged with' are: the day's news)."""
    if trigger.pos_ != "VERB" or trigger.lemma_.lower() != "accuse":
        return False
    children = list(trigger.children)
    passive = [c for c in children if c.dep_ == "auxpass"]
    if not passive or not all(a.tag_ == "VBD" for a in passive):
        return False
    if any(c.dep_ == "aux" for c in children):
        return False  # 'has been accused', 'will be accused'
    return not any(c.dep_ == "agent" for c in children)


def _past_perfect(verb: Token) -> bool:
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ == "had" for c in verb.children)


# how far apart 'after' and 'before' put two acts when the same day still holds both
# ('came hours after the EU urged', 'shortly before he met')
SAME_DAY_GAPS = frozenset({"hours", "hour", "minutes", "moments", "shortly", "just", "soon"})


def _first_of_joined(verb: Token) -> Token:
    """The first of verbs of one tense joined by 'and' ('cancelled and banned'), which
    holds the clause's conjunction and subject."""
    while verb.dep_ == "conj" and verb.head.pos_ == "VERB" and verb.head.tag_ == verb.tag_:
        verb = verb.head
    return verb


def _apart(mark: Token) -> bool:
    """An 'after' or 'before' that puts the clause's act on another day than the act it
    is told against, unless the gap is hours ('came hours after the EU urged')."""
    if mark.dep_ != "mark" or mark.lower_ not in ("after", "before"):
        return False
    gap = {t.lower_ for t in mark.doc[max(mark.i - 2, 0) : mark.i]}
    if gap & DAY_GAPS:
        return True  # 'just days after Mattis reaffirmed': 'just' does not make it hours
    return not gap & SAME_DAY_GAPS


MODALS = frozenset({"will", "would", "could", "may", "might", "shall", "'ll", "can"})


def _time_to_come(verb: Token) -> bool:
    """A present tense in a 'when', 'once' or 'if' clause of a verb with a modal ('will
    meet the Queen when he travels to Britain'): the clause tells a time to come."""
    if verb.dep_ != "advcl" or verb.tag_ not in ("VBZ", "VBP"):
        return False
    if not any(
        c.dep_ in ("advmod", "mark") and c.lower_ in ("when", "once", "if") for c in verb.children
    ):
        return False
    return any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.head.children)


def _before_past(clause: Token) -> bool:
    """'before he fled to Kabul', 'four days after Kim was attacked': a past act the
    clause's act came before, or days after."""
    if clause.dep_ != "advcl" or clause.tag_ not in ("VBD", "VBN"):
        return False
    if clause.tag_ == "VBN" and not any(
        c.dep_ == "auxpass" and c.tag_ == "VBD" for c in clause.children
    ):
        return False
    marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
    gap = {g.lower_ for c in clause.children if c.dep_ == "npadvmod" for g in c.subtree}
    return "before" in marks or ("after" in marks and bool(gap & DAY_GAPS))


# nouns for a past occurrence that an 'after' or 'following' can place an act against
PAST_OCCURRENCES = frozenset(
    {"incident", "attack", "attacks", "bombing", "massacre", "shooting", "coup", "war",
     "invasion", "annexation", "election", "referendum", "vote", "uprising", "revolution",
     "crisis", "disaster", "earthquake", "killing", "assassination", "crash", "raid",
     "strike", "riots", "protests", "explosion", "blast", "siege", "occupation"}
)  # fmt: skip


# what 'that' points back to when it names an occurrence told before ('that airstrike')
TOLD_OCCURRENCES = PAST_OCCURRENCES | {
    "airstrike", "airstrikes", "operation", "ambush", "offensive", "shelling", "clash",
    "clashes", "assault", "bombardment", "incident", "crackdown"}  # fmt: skip


def _told_occurrence(trigger: Token) -> bool:
    """'that airstrike killed dozens', 'those clashes left 12 dead': the subject points back
    with 'that' or 'those' to an occurrence told before, whose day this sentence does not
    give."""
    heads = [trigger] if trigger.pos_ == "NOUN" else []
    heads += [c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass", "agent")]
    heads += [g for c in trigger.children if c.dep_ == "agent" for g in c.children]
    return any(h.lemma_.lower() in TOLD_OCCURRENCES and _pointed_back(h) for h in heads)


def _pointed_back(noun: Token) -> bool:
    if any(d.dep_ == "det" and d.lower_ in ("that", "those") for d in noun.children):
        return True
    # 'said that airstrike killed ...' parsed with 'that' as the clause's mark: a singular
    # count noun with no determiner of its own right after it takes it as its determiner
    before = noun.doc[noun.i - 1] if noun.i > 0 else None
    return (
        before is not None
        and before.lower_ == "that"
        and noun.tag_ == "NN"
        and not any(d.dep_ in ("det", "poss", "amod", "compound") for d in noun.children)
    )


def _after_named_event(prep: Token) -> bool:
    """'after the Uri incident', 'following the 2016 coup attempt', 'shortly after the
    Brexit vote', 'following the developments in Ukraine in 2014': an act placed after
    an occurrence the text names as a known one (a name or a year before the noun) or
    gives a year, on a day the clause does not give."""
    if prep.dep_ != "prep" or prep.lower_ not in ("after", "following"):
        return False
    for noun in prep.children:
        if noun.dep_ != "pobj" or not {noun.lower_, noun.lemma_.lower()} & PAST_OCCURRENCES:
            continue
        named = [
            c
            for c in noun.children
            if c.dep_ in ("compound", "nmod", "amod", "nummod")
            and (c.pos_ == "PROPN" or c.ent_type_ in ("GPE", "NORP", "DATE", "EVENT", "LOC"))
        ]
        if named:
            return True
    # 'Following the developments in Ukraine in 2014, the EU imposed sanctions': any
    # occurrence the phrase gives a year
    return any(noun.dep_ == "pobj" and _year_in(noun) for noun in prep.children)


CLAIMING = frozenset({"say", "claim", "argue", "insist", "suggest", "assert", "allege"})


def _claimed_by_saying(verb: Token) -> bool:
    """'is trying to give the Houthis legitimacy by saying the rebel group was fighting
    al-Qaeda': a claim made as a means ('by saying', 'by claiming'), whose time the
    text does not give; the act claimed is not the news of the day."""
    if verb.dep_ != "ccomp":
        return False
    saying = verb.head
    return (
        saying.tag_ == "VBG"
        and saying.lemma_.lower() in CLAIMING
        and saying.dep_ == "pcomp"
        and saying.head.lower_ == "by"
    )


def _tenure_turn(prep: Token) -> bool:
    """'before leaving office', 'after taking power', 'before becoming president': a time
    told by the start or end of someone's tenure."""
    if prep.dep_ != "prep" or prep.lower_ not in ("before", "after"):
        return False
    for verb in prep.children:
        if verb.dep_ != "pcomp" or verb.tag_ != "VBG":
            continue
        lemma = verb.lemma_.lower()
        objects = {c.lemma_.lower() for c in verb.children if c.dep_ in ("dobj", "attr")}
        if lemma in ("leave", "take", "assume", "enter") and objects & {"office", "power"}:
            return True
        if lemma == "become" and objects:
            return True
    return False


# gaps of days or more, which put the two acts on different days however 'just' they are
DAY_GAPS = frozenset({"days", "weeks", "months", "years", "decades", "day", "week", "month"})


def _reports_present(trigger: Token) -> bool:
    """Whether the trigger's clause reports the news present: a past or present tense
    (or present perfect) verb, or a noun with no verb; not a past perfect ('had been
    arrested': before the reported time) or a bare infinitive or participle."""
    verb: Token | None = trigger
    for _ in range(6):
        if verb is None or verb.pos_ in ("VERB", "AUX"):
            break
        verb = verb.head if verb.head != verb else None
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return True
    if _indefinite(verb) or _once(verb) or _revealed(verb):
        return False  # 'has repeatedly criticised', 'has previously ruled out', 'once beat'
    if verb.tag_ == "VBD" and any(c.dep_ == "mark" and c.lower_ == "since" for c in verb.children):
        return False  # 'It has been 12 weeks since governments ordered ...'
    if verb.dep_ == "advcl" and verb.tag_ == "VBD" and _when_relative(verb):
        # 'When ISIL deliberately destroyed heritage sites in Syria and Iraq, it sparked an
        # international outcry': the time of another act, which the text does not give
        return False
    if verb.dep_ in ("relcl", "conj") and _background_relative(verb):
        # 'the network of the Gulen, who denounced the coup attempt and denied any
        # involvement': a relative clause on someone tells who they are, not today's news
        return False
    clause = _first_of_joined(verb)  # 'after German states cancelled and banned rallies'
    if clause.dep_ == "advcl" and any(_apart(c) for c in clause.children):
        # 'His remarks came on Tuesday after Trump requested a funding bill': before (or
        # after) the reported act, on a day the text does not give
        return False
    if _time_to_come(verb):
        # 'could soon find himself there when he travels to Britain': a trip to come
        return False
    inner = [g for c in verb.children if c.dep_ == "xcomp" for g in c.children]
    if any(_before_past(c) for c in (*verb.children, *inner)):
        # 'The Taliban urged Karimi to leave his job before he fled': before another past act
        return False
    if any(_tenure_turn(c) for c in verb.children):
        # 'Shortly before leaving office, Obama allowed the council to pass ...': the act is
        # told against a change of office, on a day the clause does not give
        return False
    if any(c.dep_ == "prep" and c.lower_ in ("during", "since") for c in verb.children):
        # 'proposed the target during the campaign': then, not today; 'Since the
        # annexation, the states have decried ...': over a stretch, on no one day
        return False
    if verb.tag_ == "VBZ" and _standing_text(verb):
        return False  # 'resolution 2334, passed in December, which calls on Israel to ...'
    if any(c.dep_ == "advmod" and c.lower_ in RETOLD for c in verb.children):
        return False  # 'was later shot dead by police': a day told before, not today
    if _claimed_by_saying(verb):
        return False  # 'by saying the rebel group was fighting al-Qaeda': a claim, undated
    if _perfect(verb) and any(
        c.dep_ == "advmod" and c.lower_ == "since" and not list(c.children) for c in verb.children
    ):
        return False  # 'Turkey has since launched a crackdown': some time after a past act
    if any(_after_named_event(c) for c in verb.children):
        return False  # 'Shortly after the Pulwama attack, Modi met ...': then, not today
    if _contrasted_record(verb):
        # 'While Democrats have blamed Russia for the hacking, the report names no
        # country': a record set against a standing fact, on no one day
        return False
    if any(_ahead_of(c) or _while_then(c) for c in verb.children):
        # 'were probing communications ahead of the election', 'While he was in office
        # Obama proposed ...': before an occasion, or within a past stretch, not today
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if _past_perfect(verb):
        return False  # 'had been arrested': before the reported time
    perfect = any(a.lemma_ == "have" for a in auxes)
    if perfect and any(c.dep_ == "advmod" and c.lower_ == "also" for c in verb.children):
        return False  # 'He has also slammed NATO as obsolete': one more act of the record
    if verb.tag_ in ("VBD", "VBZ", "VBP"):
        return True
    finite = verb.tag_ == "VB" and not auxes and any(c.dep_ == "nsubj" for c in verb.children)
    return finite or any(a.tag_ in ("VBD", "VBZ", "VBP") for a in auxes)


def _resolved(tokens: list[Token], resolve: ActorResolver | None) -> list[tuple[Token, EventActor]]:
    out: list[tuple[Token, EventActor]] = []
    for token in tokens:
        start, end = roles.actor_span(token)
        actor = resolve(start, end) if resolve else None
        out.append((token, actor or roles.default_actor(doc_text(token.doc)[start:end])))
        second = _second_nation(token, end)
        if second is not None:
            # 'US and French forces': the French forces too
            other = (resolve(second.idx, end) if resolve else None) or roles.default_actor(
                doc_text(token.doc)[second.idx : end]
            )
            first = out[-1][1]
            if other.country and other.country != first.country:
                if first.entity is None:  # 'US forces', not 'US and French forces'
                    text = doc_text(token.doc)
                    mod = second.head
                    name = (
                        text[start : mod.idx + len(mod.text)] + text[second.idx + len(second) : end]
                    )
                    out[-1] = (token, dataclasses.replace(first, name=name))
                out.append((token, other))
    return out


def _second_nation(head: Token, end: int) -> Token | None:
    """'US and French forces', 'Russian and Ukrainian individuals': the second of two
    nationality words joined before one noun, which names a second actor of its own
    (the phrase from it to the noun's end); None when there is none."""
    for mod in head.lefts:
        if mod.dep_ not in ("amod", "nmod", "compound") or mod.ent_type_ not in ("NORP", "GPE"):
            continue
        for conj in mod.children:
            between = head.doc[conj.i + 1 : head.i]
            if conj.dep_ != "conj" or conj.ent_type_ not in ("NORP", "GPE") or conj.i > head.i:
                continue
            if conj.idx < end and all(t.pos_ in ("ADJ", "NOUN", "PROPN") for t in between):
                return conj
    return None


def _borrowed_subject(verb: Token) -> bool:
    """A verb joined to another that takes that verb's subject (no subject of its own)."""
    return verb.dep_ == "conj" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children
    )


def _pronoun_of_target(
    pair: tuple[Token, EventActor], targets: list[tuple[Token, EventActor]]
) -> bool:
    """'He accused the president and his cohorts of ...' where 'he' was resolved to the
    president: a pronoun that names the target as well names no one the clause can
    trust; the target, named by a name or a title, stays."""
    token, actor = pair
    if token.tag_ != "PRP" or not actor.entity:
        return False
    return any(other.entity == actor.entity for t, other in targets if t.tag_ != "PRP")


def _background_relative(verb: Token) -> bool:
    """A past verb of a relative clause on a person, bound by 'who' (or a verb joined to
    one: 'who denounced the coup attempt and denied any involvement')."""
    if verb.dep_ == "conj" and verb.head.dep_ == "relcl":
        verb = verb.head
    if verb.dep_ != "relcl" or verb.tag_ != "VBD":
        return False
    return any(c.dep_ == "nsubj" and c.lower_ == "who" for c in verb.children)


# titles of pieces that tell what happened before, step by step
RETROSPECTIVE = re.compile(
    r"\b(?:timeline|chronology|a look back|year in review|how it unfolded)\b", re.IGNORECASE
)


def retrospective(title: str | None) -> bool:
    """Whether an article's title says it retells past events ('A Timeline of President
    Trump's Immigration Executive Order and Legal Challenges')."""
    return bool(title) and RETROSPECTIVE.search(title or "") is not None


def _history_beside(trigger: Token, inside: Sequence[TimeExpr], published: str | None) -> bool:
    """'the Supreme Court rejected the motion and in August 2016 effectively expanded its
    effect': a clause joined to one told of a time months back is history too, not news
    of the day it is told."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else governing_verb(trigger)
    if verb is None:
        return False
    beside = {c.i for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")}
    if verb.dep_ in ("conj", "advcl") and verb.head.pos_ in ("VERB", "AUX"):
        # 'In 2015, police intercepted messages, shortly after two leaders were killed':
        # an act told against one dated months back is of that time too
        beside.add(verb.head.i)
    if not beside:
        return False
    doc = verb.doc
    for expr in inside:
        back = _days_back(expr, published)
        span = doc.char_span(expr.start, expr.end, alignment_mode="expand")
        if span is None or back is None or back < 60:
            continue
        node = _verb_above(span.root, 4)
        if node.i in beside:
            return True
    return False


# the words opening a clause of the same time as the one it hangs on
SAME_TIME_MARKS = frozenset({"when", "as", "while", "whilst"})
# ... or of a time just before or after it, at a distance the text does not give
NEXT_TIME_MARKS = frozenset({"after", "before"})


def _when_of_old(trigger: Token, inside: Sequence[TimeExpr], published: str | None) -> bool:
    """'China pledged troops when Xi addressed the 2015 summit', 'as Obama did in 2014':
    the trigger's verb has a 'when', 'as' or 'while' clause holding a time months back
    (a day or month 60 days or more before publication, or a year before the publication
    year), wherever in the clause it hangs (on the summit too): the act is of that time.
    So with an 'after' or 'before' clause or phrase ('After quitting the race in March
    2015, Jones endorsed Smith'): the act is near that time, not of the day reported."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else governing_verb(trigger)
    if verb is None:
        return False
    marks = SAME_TIME_MARKS | NEXT_TIME_MARKS
    clauses = [
        c
        for c in verb.children
        if c.dep_ == "advcl"
        and any(m.dep_ in ("advmod", "mark") and m.lower_ in marks for m in c.children)
    ]
    # 'After quitting the race in March 2015': a gerund phrase on 'after' or 'before'
    clauses += [
        g
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ in NEXT_TIME_MARKS
        for g in c.children
        if g.dep_ == "pcomp" and g.tag_ == "VBG"
    ]
    if not clauses:
        return False
    doc = verb.doc
    for expr in inside:
        if not _months_back(expr, published):
            continue
        span = doc.char_span(expr.start, expr.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        if any(c.left_edge.i <= span.root.i <= c.right_edge.i for c in clauses):
            return True
    return False


def _months_back(expr: TimeExpr, published: str | None) -> bool:
    """Whether a date lies months back: a year before the publication year, or a finer
    date 60 days or more before publication."""
    value = (expr.value or "").split("T")[0]
    if expr.type != "DATE" or not value[:4].isdigit() or not (published or "")[:4].isdigit():
        return False
    if len(value) == 4:
        return value < (published or "")[:4]
    back = days_before(value, published)
    return back is not None and back >= 60


def _days_back(expr: TimeExpr, published: str | None) -> int | None:
    """How many days before publication a date expression lies (None for other kinds)."""
    value = (expr.value or "").split("T")[0]
    return days_before(value, published) if expr.type == "DATE" and value else None


def _verb_above(node: Token, steps: int) -> Token:
    """The first verb or auxiliary at or above ``node``, climbing at most ``steps`` heads
    (where the climb stops otherwise)."""
    for _ in range(steps):
        if node.pos_ in ("VERB", "AUX") or node.head == node:
            break
        node = node.head
    return node


def _old_time_on_root(sent: SpacySpan, times: Sequence[TimeExpr], published: str | None) -> bool:
    """Whether a time a week or more before publication governs the main verb of a
    sentence ('During the first Land Day in 1976 Palestinians protested ...', 'was
    murdered last week at a bar')."""
    doc = sent.doc
    for expr in times:
        if not (sent.start_char <= expr.start and expr.end <= sent.end_char):
            continue
        back = _days_back(expr, published)
        if back is None or back < STORY_DAYS:
            continue
        span = doc.char_span(expr.start, expr.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        node = _verb_above(span.root, 8)
        root = sent.root
        if node == root or (node.dep_ == "conj" and node.head == root):
            return True
    return False


# how far back (days) a time must lie for the story it dates to be another day's: a week
# (the day before, or Monday in a Wednesday story, may still be the news of the day)
STORY_DAYS = 7


def _history_continued(
    trigger: Token, sent: SpacySpan, times: Sequence[TimeExpr], published: str | None
) -> bool:
    """A simple past with no time of its own right after sentences telling of a time a
    week or more back, themselves simple past or dated so ('In 2014 rebels seized the
    town. The army shelled it.', 'He was murdered last week at a bar. The gunman also
    wounded his colleague.'): the story goes on in that time, not on the article's day."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else governing_verb(trigger)
    if verb is None or not _simple_past(verb):
        return False
    if any(t.lower_ in SCENE_SHIFTS for t in sent):
        return False  # 'Elsewhere in Afghanistan, Taliban fighters attacked ...': news again
    doc = sent.doc
    start = sent.start
    for _ in range(3):
        if start == 0:
            return False
        before = doc[start - 1].sent
        root = before.root
        told = _simple_past(root) and root.lemma_.lower() not in REPORTING_LEMMAS
        # a perfect ('From the beginning of the year, the military has delivered ...') runs
        # up to now, and a report ('The US said in January that ...') tells no story
        if told and _old_time_on_root(before, times, published):
            return True
        own = [t for t in times if before.start_char <= t.start and t.end <= before.end_char]
        if own or not _simple_past(before.root):
            return False  # a time of its own (not months back), or a present: news again
        start = before.start
    return False


# words that open another scene of the news ('Elsewhere in Afghanistan, ...')
SCENE_SHIFTS = frozenset({"elsewhere", "meanwhile"})
# verbs of saying, whose time is when something was said, not when the story happened
REPORTING_LEMMAS = frozenset(
    {"say", "tell", "announce", "report", "state", "add", "write", "declare", "claim"}
)


def _simple_past(verb: Token) -> bool:
    """A verb in the simple past ('protested', 'were killed'), not a perfect or a
    present."""
    if verb.tag_ == "VBD":
        return not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    if verb.tag_ == "VBN":
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        return bool(auxes) and all(a.tag_ == "VBD" and a.lower_ != "had" for a in auxes)
    return False


def _listed_record(trigger: Token) -> bool:
    """'He blamed Hillary Clinton for ... He blamed Obama for ... He blamed three million
    illegal voters ...': a run of three or more sentences that each begin with the same
    subject and verb lists someone's record, acts of many days, none of them told as
    today's news unless a sentence gives its own time."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else governing_verb(trigger)
    if verb is None or verb.tag_ != "VBD" or verb.dep_ != "ROOT":
        return False
    shape = _subject_verb(verb.sent)
    if shape is None:
        return False
    doc = verb.doc
    run, sent = 1, verb.sent
    while sent.start > 0 and _subject_verb(before := doc[sent.start - 1].sent) == shape:
        run, sent = run + 1, before
    sent = verb.sent
    while sent.end < len(doc) and _subject_verb(after := doc[sent.end].sent) == shape:
        run, sent = run + 1, after
    return run >= 3


def _subject_verb(sent: SpacySpan) -> tuple[str, str] | None:
    """The subject word and the verb lemma of a sentence's root, when it is a past verb."""
    root = sent.root
    if root.tag_ != "VBD":
        return None
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    return None if subject is None else (subject.lower_, root.lemma_.lower())


def _in_glued_heading(trigger: Token, sent: SpacySpan) -> bool:
    """A trigger in a title or subheading glued to the sentence after it without
    punctuation ('Seeking common ground The government in Athens has been trying'):
    the words of a heading are no clause of the text."""
    text = doc_text(sent.doc)
    breaks = heading_breaks(text, sent.start_char, sent.end_char)
    return any(trigger.idx < at for at in breaks)


# names of seas, gulfs and other waters, which may carry a country's name
WATERS = re.compile(r"\b(?:Sea|Ocean|Gulf|Straits?|Bay|Channel|Lake|River|Waters)\b")


def _water(token: Token) -> bool:
    """A place named as a sea, a gulf or a river ('the Sea of Japan', 'the Gulf of
    Mexico'): no side of an act, whatever country its name carries."""
    if token.ent_type_ not in ("LOC", "GPE", "FAC", ""):
        return False
    start, end = roles.actor_span(token)
    return WATERS.search(doc_text(token.doc)[start:end]) is not None


def _home_government(actor: EventActor, home: str) -> EventActor:
    """A bare 'the government' (no entity, no country) that an opposition of ``home``
    acts against: the government of ``home``."""
    if actor.entity is not None or actor.country is not None or actor.sector != "GOV":
        return actor
    return dataclasses.replace(actor, country=home, code=home + "GOV")


def _own_country(target: EventActor, governing: Sequence[EventActor]) -> bool:
    """'Trump complained that the U.S. provides the lion's share of funding': a country
    as a whole is not whom its own government acts against or asks; the clause names it
    as the one wronged or the one that must act, not as the target."""
    if target.sector is not None or target.country is None:
        return False
    if target.entity is not None and not target.entity.startswith("country:"):
        return False  # 'Orban clashed with Soros': a person of the country, not the country
    return any(a.country == target.country and a.entity != target.entity for a in governing)


def _tokens(pairs: list[tuple[Token, EventActor]]) -> list[Token]:
    return [token for token, _ in pairs]


def _actors_of(pairs: list[tuple[Token, EventActor]]) -> list[EventActor]:
    return [actor for _, actor in pairs]


def _unique(actors: list[EventActor]) -> tuple[EventActor, ...]:
    """The actors of a side, each once: an unlinked phrase whose name begins with the name
    of a linked actor of the same side ('Islamic State of Iraq and the Levant' beside the
    Islamic State) is that actor again."""
    out: list[EventActor] = []
    for actor in actors:
        if actor not in out and not _restated(actor, actors):
            out.append(actor)
    return tuple(out)


def _restated(actor: EventActor, side: list[EventActor]) -> bool:
    if actor.entity is not None:
        return False
    name = actor.name.lower()
    return any(
        other.entity is not None
        and other.name
        and (name == other.name.lower() or name.startswith(other.name.lower() + " "))
        for other in side
    )


def _known(actors: tuple[EventActor, ...]) -> bool:
    """A speaker resolved to an entity, a country or a typed agent."""
    return any(a.entity or a.country or a.sector for a in actors)


def _dedupe(events: list[Event]) -> list[Event]:
    """One event per type, negation, source, target and date in an article: a
    re-description in the same sentence, or a later mention of the same act ("The Kremlin
    denied ...", "Peskov denied it again"), is not a new event. This is the event coders'
    one-a-day filter applied inside the article; the first (earliest) mention is kept."""
    seen: set[tuple] = set()
    out = []
    for event in events:
        key = (
            event.type,
            event.negated,
            event.date,
            tuple(sorted(_actor_id(a) for a in event.source)),
            tuple(sorted(_actor_id(a) for a in event.target)),
        )
        if event.type and key not in seen:
            seen.add(key)
            out.append(event)
    return out


def _actor_id(actor: EventActor) -> str:
    return actor.entity or actor.name.lower()
