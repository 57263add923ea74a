"""Which clauses are coded at all, and as what (issue 17, session 14): text that a
pattern codes but that reports no act (topics on an agenda, vows never to allow a harm,
idioms, things received, feelings, needs sought, claims offered, motions in court,
practices held for years, what a body does as a rule, acts held to a condition, warnings
that only foretell, campaign promises, coming home, quoted names, meetings on a topic,
what a relative clause plans for its antecedent, routines, acts waited for, denied
readings of a trend, the purpose of a deployment, tallies since a day, branding as
terrorists, ground held in a fight, attacks in words 'over' an issue, drafts released,
cuts proposed or called for at home, declining to be drawn) and vows to avenge
someone, which threaten his killers. Each sentence is invented; each rule's test fails
on de2c1e2 (the session's start), and the KEPT sentences pass on both: the same words
where they do report an act."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest

PUBLISHED = "2017-03-02"

# a pattern matched, but no act of its code is told: not coded at all (text, trigger)
NOT_CODED = [
    ("Iran, Iraq and Lebanon will be discussed at the conference, Lavrov said.", "discussed"),
    ("The Kremlin will never allow Russia to be humiliated by the West.", "allow"),
    ("King Salman called it a day on the prime minister after a long crisis.", "called"),
    ("Democrats want to see the payments Putin has received from foreign governments.", "received"),
    (
        "Leaders in France and Germany expressed relief that the far right had lost the election.",
        "relief",
    ),
    (
        "The hospital was overwhelmed with Kenyans seeking treatment after public hospitals "
        "turned them away.",
        "seeking",
    ),
    (
        "In a complaint filed in federal court on Monday, Attorney General Maura Healey asked "
        "for a hearing with the judge on Friday.",
        "asked",
    ),
    (
        "Press secretary Sean Spicer offering the misleading claim that Flynn played a minor "
        "role in the campaign.",
        "offering",
    ),
    (
        '"Instead of following their principles, some countries change positions," he said, '
        'pointing out that France recognises Hezbollah as a "terrorist" group.',
        "recognises",
    ),
    (
        'This week, President Macron released his "lean budget" proposal, calling for '
        "wide-ranging cuts in the school programme.",
        "released",
    ),
    (
        'This week, President Macron released his "lean budget" proposal, calling for '
        "wide-ranging cuts in the school programme.",
        "calling",
    ),
    (
        "The German finance minister called for deep cuts in the pension programme on Monday.",
        "called",
    ),
    (
        "The Trump administration on Thursday proposed a 20 percent cut to the State "
        "Department's budget.",
        "proposed",
    ),
    (
        "Chancellor Merkel has so far declined to be drawn on whether her government would "
        "allow the rally.",
        "declined",
    ),
]

# coded, but in doubt: left out under the default confidence floor (text, trigger)
LEFT_OUT = [
    (
        "Italy previously systematically detained all migrants but ended the practice in 2014 "
        "under pressure from Brussels.",
        "detained",
    ),
    (
        "Angela Merkel, the German chancellor, had for years opposed the idea of a Europe of "
        "two speeds.",
        "opposed",
    ),
    (
        "Senator Warren issued a stark warning to the president on Monday, saying that his "
        "ratings would be higher if he stopped tweeting.",
        "warning",
    ),
    (
        "The French regulator said it will agree on a settlement with Apple if the company is "
        "ready to make concessions.",
        "agree",
    ),
    (
        "Spokesman Sean Spicer offered no advice, however, on how reporters should cover the "
        "story.",
        "offered",
    ),
    ("Britain offered no apology to the families on Tuesday.", "offered"),
    (
        "Prime Minister Netanyahu pledged to build new homes as part of his contract with the "
        "Israeli voter.",
        "pledged",
    ),
    (
        "But Special Forces Command (SFC), which conducts air strikes in Syria, is not a "
        "transparent body, either.",
        "strikes",
    ),
    (
        "The delays came as Macron and his top advisers returned to the Elysee Palace after a "
        "speech in Brussels on Tuesday night.",
        "returned",
    ),
    ("Trudeau returned to Ottawa on Monday after his trip to Washington.", "returned"),
    ('A group of activists set up the Facebook page "Homs is being bombed silently".', "bombed"),
    (
        "The Japanese mission later confirmed that closed consultations on Iran will take "
        "place on Tuesday afternoon.",
        "consultations",
    ),
    (
        "The Aegis station and another radar that the United States plans to deploy there by "
        "2021 can also be used by NATO.",
        "deploy",
    ),
    (
        "Officials have been making regular trips to Brussels since the autumn for technical "
        "talks with the European Commission.",
        "trips",
    ),
    (
        "Activists will keep waiting for the White House to draw a line and condemn the "
        "attacks on mosques.",
        "condemn",
    ),
    (
        "Interior Minister Gerard Collomb denied that a fall in the number of people coming "
        "from Romania reflected worries among EU citizens.",
        "denied",
    ),
    (
        "In 2009, Britain deployed about 100 commandos to work with regional armies to defeat "
        "the rebels and try to capture Kony.",
        "capture",
    ),
    (
        "The news agency says 40 Iraqi soldiers have been killed in Mosul since Iraq began its "
        "offensive there last October.",
        "killed",
    ),
    ("The Taliban are defending Kunduz against an offensive by Afghan forces.", "defending"),
    (
        "Since taking office, Trump has withdrawn from the TPP and attacked Mexico and Japan "
        "over their trade surpluses.",
        "attacked",
    ),
]

# vows to avenge someone: a threat (CAMEO 130) with no target named, not a promise to him
AVENGED = [
    "The Taliban vowed to avenge the commander, who was killed in a drone strike on Sunday.",
    "Hamas vowed to avenge the killing of its commander.",
]

# the same words where they do report an act: kept, as before (text, trigger, type)
KEPT = [
    ("Putin received Erdogan in the Kremlin on Monday.", "received", "CONSULT"),
    ("Putin said he will visit Turkey in May, the Kremlin said.", "visit", "AGREE"),
    (
        "Turkey will attack the Kurdish militia if it does not leave Manbij, Erdogan said.",
        "attack",
        "THREATEN",
    ),
    ("Trump has vowed to eliminate the Islamic State.", "vowed", "THREATEN"),
    (
        "Democrats requested a hearing with Tillerson on the Russia sanctions.",
        "requested",
        "REQUEST",
    ),
    ("Erdogan warned Germany against interfering in Turkey's affairs.", "warned", "THREATEN"),
    ("Putin flew to Ankara on Monday for talks with Erdogan.", "flew", "CONSULT"),
    ("Putin held talks with Erdogan on Syria in Moscow on Monday.", "talks", "CONSULT"),
    (
        "The African Union said it will withdraw its troops from Somalia unless the government "
        "arranges a ceasefire with the rebels.",
        "withdraw",
        "AGREE",
    ),
    ("Russia denies that it tried to influence the French election.", "denies", "REJECT"),
    ("Moscow denied the missiles were fired by Russian troops.", "denied", "REJECT"),
    ("Iraqi forces have killed 40 militants since Monday, the army said.", "killed", "ASSAULT"),
    ("Serbia recognised Montenegro as an independent state in 2006.", "recognised", "SUPPORT"),
    ("Russia defended Syria at the United Nations on Monday.", "defended", "SUPPORT"),
    ("Russian jets attacked rebel positions over the weekend.", "attacked", "ASSAULT"),
    ("Putin wants to go to Ankara to meet Erdogan next month.", "go", "AGREE"),
    ("Merkel called on Russia to cut gas prices for Ukraine.", "called", "REQUEST"),
    (
        "The Macron government has called for a major increase to defence spending.",
        "called",
        "REQUEST",
    ),
    (
        "On Friday, Mr Mattis issued the Pentagon's sternest warning yet to Iran, saying in "
        'Riyadh that a military response would be "on the table" if it attacked US ships.',
        "warning",
        "THREATEN",
    ),
]

ALL = [
    *(t for t, _ in LEFT_OUT),
    *AVENGED,
    *(t for t, _, _ in KEPT),
]


def _extract(texts: list[str]) -> dict[str, list]:
    """Each text through the whole pipeline (entities, quotes, times, events), as
    ``newsgraph extract`` runs it, with the default confidence floor."""
    import newsgraph

    old = os.environ.pop("NEWSGRAPH_EVENTS_MIN_CONFIDENCE", None)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "in.jsonl"
            rows = [{"id": f"t{i}", "text": t, "published": PUBLISHED} for i, t in enumerate(texts)]
            path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
            out = {a.id: list(a.events) for a in newsgraph.extract(str(path), workers=1)}
    finally:
        if old is not None:
            os.environ["NEWSGRAPH_EVENTS_MIN_CONFIDENCE"] = old
    return {text: out.get(f"t{i}", []) for i, text in enumerate(texts)}


@pytest.fixture(scope="module")
def extracted() -> dict[str, list]:
    return _extract(ALL)


@pytest.mark.parametrize(("text", "trigger"), NOT_CODED)
def test_no_act_of_the_code_is_not_coded(nlp, text, trigger) -> None:
    """Checked on the coder itself, before any confidence is weighed."""
    from newsgraph.extractors.events.coder import find_events

    coded = find_events(nlp(text), published=PUBLISHED)
    assert trigger not in [e.trigger.text for e in coded]


@pytest.mark.parametrize(("text", "trigger"), LEFT_OUT)
def test_practices_conditions_forecasts_and_nothing_done_are_left_out(
    extracted, text, trigger
) -> None:
    found = [(e.type, e.confidence) for e in extracted[text] if e.trigger.text == trigger]
    assert not found


@pytest.mark.parametrize("text", AVENGED)
def test_a_vow_to_avenge_is_a_threat_with_no_target_from_the_victim(extracted, text) -> None:
    found = [e for e in extracted[text] if e.trigger.text == "vowed"]
    assert found, [(e.type, e.trigger.text) for e in extracted[text]]
    assert found[0].type == "THREATEN"
    assert not found[0].target


@pytest.mark.parametrize(("text", "trigger", "kind"), KEPT)
def test_the_same_words_reporting_an_act_stay(extracted, text, trigger, kind) -> None:
    found = [e for e in extracted[text] if e.trigger.text == trigger]
    assert found and found[0].type == kind, [(e.type, e.trigger.text) for e in extracted[text]]
