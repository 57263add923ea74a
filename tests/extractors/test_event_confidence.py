"""How sure a coded event is (extractors/events/confidence.py): each doubt is found on
the sentence shape it names and not on the plain report beside it, and the events step
leaves out what falls below ``[events] min_confidence``."""

from __future__ import annotations

import pytest

from newsgraph.extractors.events.confidence import assess
from newsgraph.extractors.events.roles import subject_of

PUBLISHED = "2017-03-02"


def _extract(texts: list[str], floor: str) -> dict[str, list]:
    """Each text through the whole pipeline (entities, quotes, times, events), as
    ``newsgraph extract`` runs it, with ``[events] min_confidence`` set to ``floor``."""
    import json
    import os
    import tempfile
    from pathlib import Path

    import newsgraph

    old = os.environ.get("NEWSGRAPH_EVENTS_MIN_CONFIDENCE")
    os.environ["NEWSGRAPH_EVENTS_MIN_CONFIDENCE"] = floor
    try:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "in.jsonl"
            rows = [{"id": f"t{i}", "text": t, "published": PUBLISHED} for i, t in enumerate(texts)]
            path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
            out = {a.id: list(a.events) for a in newsgraph.extract(str(path), workers=1)}
    finally:
        if old is None:
            del os.environ["NEWSGRAPH_EVENTS_MIN_CONFIDENCE"]
        else:
            os.environ["NEWSGRAPH_EVENTS_MIN_CONFIDENCE"] = old
    return {text: out.get(f"t{i}", []) for i, text in enumerate(texts)}


_CACHE: dict[str, list] = {}


def events(nlp, text: str):
    if text not in _CACHE:
        _CACHE.update(_extract([text], "0"))
    return _CACHE[text]


def confidence_of(nlp, text: str, trigger: str) -> float:
    found = [e for e in events(nlp, text) if e.trigger.text == trigger]
    assert found, [e.trigger.text for e in events(nlp, text)]
    assert found[0].confidence is not None
    return found[0].confidence


@pytest.mark.parametrize(
    ("doubtful", "sure", "trigger"),
    [
        # a side the sentence names that resolves to no one
        (
            "The director of the dam authority blamed US strikes for the damage to the dam.",
            "The Syrian government blamed US strikes for the damage to the dam.",
            "blamed",
        ),
        # no political actor on either side
        (
            "Hospital staff requested a transfer of the patient to Mercy Hospital.",
            "The Iraqi government requested a transfer of the prisoners to Baghdad.",
            "requested",
        ),
        # counted people as the source of a request: a statistic
        (
            "Some 800,000 Iraqi Kurds sought refuge in Germany last month.",
            "Iraqi Kurdish leaders sought refuge in Germany last month.",
            "sought",
        ),
        # an act only desired
        (
            "There is little desire in Washington to negotiate with North Korea.",
            "Washington will negotiate with North Korea next week.",
            "negotiate",
        ),
        # a thing, not someone, as the object of a verb that acts on someone
        (
            "The Syrian army forced hours of debate in the town of Palmyra on Tuesday.",
            "The Syrian army forced the rebels out of the town of Palmyra on Tuesday.",
            "forced",
        ),
        # a claim, not a demand
        (
            "Trump insisted there was zero chaos in the White House.",
            "Trump insisted that Mexico must pay for the wall.",
            "insisted",
        ),
        # a thing as the subject ('declined' as decreased)
        (
            "China's inward investment has declined in the manufacturing industry.",
            "China declined the invitation to the summit.",
            "declined",
        ),
        # an act towards someone (praise, a meeting) with no one it is towards
        (
            "Kim Jong Un hailed the test of a new rocket engine on Sunday.",
            "Kim Jong Un hailed Chinese President Xi Jinping on Sunday.",
            "hailed",
        ),
        (
            "Rex Tillerson held meetings on North Korea at the weekend.",
            "Rex Tillerson held meetings with Shinzo Abe at the weekend.",
            "meetings",
        ),
        # an act wanted of someone else; a condition put as 'were they to'
        (
            "Marine Le Pen wants France to withdraw its troops from Mali.",
            "France will withdraw its troops from Mali next year.",
            "withdraw",
        ),
        (
            "Ryan said Trump would lose were he to criticize Putin.",
            "Ryan said Trump would criticize Putin at the summit.",
            "criticize",
        ),
        # civilians or the media of a country as the only side: no political actor
        (
            "Voters in Scotland rejected the plan in a poll on Monday.",
            "The Scottish government rejected the plan in a vote on Monday.",
            "rejected",
        ),
        # firing back in a statement is a reply; rebels firing back shoot
        (
            "Senator Warner's spokeswoman fired back at Spicer in a statement on Friday.",
            "Syrian rebels fired back at government troops near Aleppo on Monday.",
            "fired",
        ),
        # a warning of a risk is a statement; a warning to someone is a threat
        (
            "Dutch Prime Minister Mark Rutte warned of a domino effect of populism on Monday.",
            "Dutch Prime Minister Mark Rutte warned Turkey against interfering on Monday.",
            "warned",
        ),
        # police seeking people: a manhunt, not a request
        (
            "Malaysian authorities are seeking seven others in the killing, the police chief said.",
            "The Malaysian government is seeking the extradition of the suspects from Indonesia, "
            "the police chief said.",
            "seeking",
        ),
        # a list of acts pledged, the parser joining the later ones to the pledge itself
        (
            "Geert Wilders had pledged to close the borders, shut mosques, ban sales of the "
            "Koran and leave the EU if he won the election.",
            "Germany will ban sales of the book next month, the interior minister said.",
            "ban",
        ),
        # the second of two acts a plan calls for ('and for Y to ...')
        (
            "The Chinese plan calls for North Korea to suspend its missile tests, and for the "
            "United States and South Korea to halt their military exercises.",
            "The United States and South Korea will halt their military exercises next "
            "month, officials said.",
            "halt",
        ),
        # a pledge to act against someone is no intent to cooperate
        (
            "Erdogan pledged on Monday to keep on standing firm against European states.",
            "Erdogan pledged on Monday to democratize Turkey and establish the rule of law.",
            "pledged",
        ),
        # an opinion offered is no offer
        (
            "Marine Le Pen offered withering criticism of the European Union on Monday.",
            "Marine Le Pen offered talks to the European Union on Monday.",
            "offered",
        ),
        # forced by circumstance, with nobody forcing
        (
            "Republicans in Congress were forced to come up with an actual bill on Monday.",
            "Russian troops forced the rebels to leave Aleppo on Monday.",
            "forced",
        ),
        # a count as the subject, a comparison: statistics, not acts
        (
            "More than 40 have signed cooperative agreements with China this year.",
            "Pakistan has signed a cooperative agreement with China this year.",
            "signed",
        ),
        (
            "German police arrested fewer traffickers in 2016 than the year before.",
            "German police arrested two traffickers in Berlin on Monday.",
            "arrested",
        ),
        # an order of a thing is no demand on anyone
        (
            "US President Donald Trump on Monday ordered a 9.4 percent increase in military spending.",
            "Duterte said on Monday he ordered the military to assert ownership of Benham Rise.",
            "ordered",
        ),
        # a quarrel over something, not a fight
        (
            "The Scottish and UK governments clashed over a second referendum on Monday.",
            "Syrian opposition fighters clashed with Syrian government troops on Monday.",
            "clashed",
        ),
        # a vow not to do something is no pledge
        (
            "Most of the other leaders, including Rutte, have vowed not to work with Wilders.",
            "Most of the other leaders, including Rutte, have vowed to work with Wilders.",
            "vowed",
        ),
        # a discussion with no one
        (
            "Sergei Lavrov discussed the situation in Syria at a news conference on Monday.",
            "Sergei Lavrov discussed the situation in Syria with John Kerry on Monday.",
            "discussed",
        ),
        # an act only required of someone has not happened
        (
            "The accord requires Serbia to restrict its arms exports.",
            "Serbia will restrict its arms exports from next month.",
            "restrict",
        ),
        # an act given as an example of what someone is pressed to do
        (
            "London is pressing Ankara to do more, including imposing sanctions on Damascus.",
            "London imposed sanctions on Damascus on Friday.",
            "sanctions",
        ),
        # what someone calls important to do is a value, not an act
        (
            "Merkel stressed how important it is to negotiate with Moscow.",
            "Merkel will negotiate with Moscow on Monday.",
            "negotiate",
        ),
        # the question put to someone by an unnamed reporter is no request
        (
            "Asked to comment on the report, Lavrov said the ministry had nothing to add.",
            "Asked by Lavrov to comment on the report, Kerry said he had nothing to add.",
            "Asked",
        ),
        # the object named only by its relation to the source: the target is unknown
        (
            "India accused its western neighbour of sheltering the attackers on Tuesday.",
            "India accused Pakistan of sheltering the attackers on Tuesday.",
            "accused",
        ),
    ],
)
def test_a_doubt_lowers_confidence_below_the_plain_report(nlp, doubtful, sure, trigger) -> None:
    low = [e for e in events(nlp, doubtful) if e.trigger.text == trigger]
    high = confidence_of(nlp, sure, trigger)
    assert high >= 0.75
    assert all((e.confidence or 0) < 0.75 for e in low), low


def test_civilians_of_a_country_hurt_by_violence_are_a_political_side(nlp) -> None:
    assert (
        confidence_of(nlp, "Four Congolese nationals were abducted on Monday.", "abducted") >= 0.75
    )


def test_a_warning_of_ones_own_act_is_a_threat_without_a_target(nlp) -> None:
    text = "Russia warned that it would retaliate against any new sanctions."
    assert confidence_of(nlp, text, "warned") >= 0.75


def test_a_meeting_of_two_named_together_needs_no_target(nlp) -> None:
    assert confidence_of(nlp, "Merkel and Putin met in Sochi on Tuesday.", "met") >= 0.75


def test_a_noun_event_needs_a_verb_that_performs_it(nlp) -> None:
    held = confidence_of(nlp, "Russia and Turkey held talks in Moscow on Friday.", "talks")
    named = [e for e in events(nlp, "The talks in Moscow were a failure, Turkey said.")]
    assert held >= 0.75
    assert all((e.confidence or 0) < 0.75 for e in named if e.trigger.text == "talks")


def test_reported_would_is_future_not_condition(nlp) -> None:
    said = "Afghan rebel leaders said on Wednesday they would meet the U.N. mediator."
    assert confidence_of(nlp, said, "meet") >= 0.75


def test_assess_names_its_doubts(nlp) -> None:
    doc = nlp("Thousands of people requested asylum in Germany.")
    trigger = next(t for t in doc if t.lemma_ == "request")
    sources = subject_of(trigger)
    result = assess(trigger, [(sources, []), ([], [])], code="020")
    assert "quantity" in result.doubts
    assert result.confidence < 0.75


def test_the_step_leaves_out_unsure_events() -> None:
    text = (
        "Russia and France signed an agreement on Friday. "
        "Hospital staff requested a transfer of the patient to Mercy Hospital on Friday."
    )
    everything = [e.trigger.text for e in _extract([text], "0")[text]]
    kept = [e.trigger.text for e in _extract([text], "0.75")[text]]
    assert "requested" in everything and "requested" not in kept
    assert "signed" in kept


def test_a_question_is_no_request(nlp) -> None:
    asked = "Trump will ask Merkel about her experience with Putin at the White House."
    request = "Trump will ask Merkel to increase Germany's defence spending at the White House."
    assert not [e for e in events(nlp, asked) if e.type == "REQUEST"]
    assert confidence_of(nlp, request, "ask") >= 0.75


def test_the_partner_of_a_discussion_is_its_target(nlp) -> None:
    text = "Trump discussed Syria with Chinese President Xi Jinping on Thursday."
    found = [e for e in events(nlp, text) if e.trigger.text == "discussed"]
    assert found and [a.name for a in found[0].target] == ["Xi Jinping"]


@pytest.mark.parametrize(
    ("text", "trigger", "date"),
    [
        # a participle shares the time of the clause it hangs on
        (
            "Louise Slaughter, a Democratic congress member from New York, wrote in January "
            "to the SEC asking that the agency investigate Price's stock trades.",
            "asking",
            "2017-01",
        ),
        # 'has also': one more act of a record, at no stated time
        ("President Trump has also slammed NATO as being obsolete.", "slammed", None),
        # 'by' someone is no deadline: a past 'on Monday' is the Monday before
        ("The plans were criticised by senior EU officials on Monday.", "criticised", "2017-02-27"),
        # a 'when' clause, a message's posting day date the clause they hang on
        (
            "When Obama visited Riyadh in 2014, King Abdullah received him at his camp.",
            "received",
            "2014",
        ),
        (
            "In a series of tweets posted February 25, Trump accused Obama of wiretapping him.",
            "accused",
            "2017-02-25",
        ),
        # a time of the object ('a debate next week', "last July's coup") is not the act's
        (
            "Martin has called for a parliamentary debate next week on the reports.",
            "called",
            "2017-03-02",
        ),
        ("Ankara blames Gulen's followers for last July's failed coup.", "blames", "2017-03-02"),
        # a day the story told before is not today
        ("The Serbian police arrested the suspect later that day.", "arrested", None),
        # an act over a stretch of time has no one day
        ("China and Germany have cooperated on trade over the past decade.", "cooperated", None),
        # a decade or 'in the past' puts the act then: no day of its own, not today
        ("In the 1990s, the Bank of Russia defied the Kremlin over the loans.", "defied", None),
        # a 'since' clause and a 'during' phrase put the act then, not today
        (
            "It has been 12 weeks since the British government ordered farmers to keep "
            "their birds indoors.",
            "ordered",
            None,
        ),
        ("Trump proposed a wall on the border during the campaign.", "proposed", None),
        # a past stretch told by a 'while' clause, and 'ahead of' an occasion: not today
        (
            "While he was in office, President Barack Obama proposed a deal to Iran.",
            "proposed",
            None,
        ),
        (
            "US intelligence agencies were probing contacts between Trump associates and "
            "Russian officials ahead of the election, officials said.",
            "probing",
            None,
        ),
        # the purpose of an act named by a noun shares its time; what an agreement is to do
        # has its own
        (
            "Iraqi forces launched an offensive to recapture Mosul in October.",
            "offensive",
            "2016-10",
        ),
        (
            "Russia and Ukraine signed an agreement to hold talks in October.",
            "signed",
            "2017-03-02",
        ),
        # a time the parser hung on the subject still dates the clause
        (
            'Regarding Lubanga\'s case, in October ICC judges ordered "symbolic reparations" '
            'to create a "living memorial" to remember and raise awareness about child soldiers.',
            "ordered",
            "2016-10",
        ),
        # a 'when' clause dates its clause, and is dated by it
        (
            "Last June, Rep. John Lewis led a sit-in in the House as Democratic fury erupted "
            "when Republicans refused to allow a vote on gun control measures.",
            "refused",
            "2016-06",
        ),
        # a former title puts the act in the past
        (
            "Though the plan was condemned by then Environment Minister Alan Kelly, the "
            "protesters were successful.",
            "condemned",
            None,
        ),
        # an intent stated before the news ('had previously sought') is not today's
        ("Poroshenko had previously sought to end the blockade.", "end", None),
        # a past perfect reported on a day happened before that day
        (
            "South Korea's spy agency told the AP on Feb. 15 that North Korea had been trying "
            "for five years to kill Kim Jong Nam.",
            "kill",
            None,
        ),
    ],
)
def test_event_dates_from_their_own_clause(nlp, text, trigger, date) -> None:
    found = [e for e in events(nlp, text) if e.trigger.text == trigger]
    assert found, [e.trigger.text for e in events(nlp, text)]
    assert found[0].date == date


def test_a_provision_of_a_law_is_no_act(nlp) -> None:
    law = "Last year Ohio passed a measure banning abortion after 20 weeks of pregnancy."
    act = "The Ohio government banned abortion after 20 weeks of pregnancy last year."
    assert all((e.confidence or 0) < 0.75 for e in events(nlp, law) if e.trigger.text == "banning")
    assert confidence_of(nlp, act, "banned") >= 0.75


def test_an_act_only_reported_is_doubted(nlp) -> None:
    rumour = "Roggio said there had been reports of Russia arming the Taliban in the past."
    act = "Roggio said that Russia had armed the Taliban in the past."
    assert all(
        (e.confidence or 0) < 0.75 for e in events(nlp, rumour) if e.trigger.text == "arming"
    )
    assert [e for e in events(nlp, rumour) if e.trigger.text == "arming"]
    assert confidence_of(nlp, act, "armed") >= 0.75


def test_the_destination_of_a_deportation_is_not_its_target(nlp) -> None:
    text = (
        "A North Korean suspect detained by Malaysia in connection with the murder of Kim "
        "Jong-nam will be deported to Pyongyang and not allowed back, the Malaysian deputy "
        "prime minister said."
    )
    assert not [e for e in events(nlp, text) if any(a.country == "PRK" for a in e.target)]


def test_a_place_a_group_is_based_in_is_not_its_country(nlp) -> None:
    text = "The Qatar-based network calls for the release of Mahmoud Hussein, held in Egypt."
    assert not [e for e in events(nlp, text) if any(a.country == "QAT" for a in e.source)]


def test_other_senses_of_protest_downgrade_and_allow_are_no_events(nlp) -> None:
    for text, trigger in [
        ("Macron has demonstrated a taste for long speeches.", "demonstrated"),
        ("Fitch downgraded the sovereign rating of Turkey on Friday.", "downgraded"),
        ("In 2009, Medvedev allowed his cat into the cabinet meeting.", "allowed"),
    ]:
        assert not [e for e in events(nlp, text) if e.trigger.text == trigger], text
    assert [e for e in events(nlp, "Students demonstrated in Minsk on Sunday.")]
    cut = "Moscow downgraded diplomatic relations with London on Friday."
    assert confidence_of(nlp, cut, "downgraded") >= 0.75


def test_a_stretch_of_places_is_no_target(nlp) -> None:
    text = "Macron noted how vital it is to cooperate all the way from Lisbon to Vladivostok."
    assert not [e for e in events(nlp, text) if any(a.country == "PRT" for a in e.target)]


def test_pressing_someone_to_act_is_a_request(nlp) -> None:
    found = [e for e in events(nlp, "The EU pressed Turkey to release the journalists.")]
    assert [(e.type, [a.name for a in e.target]) for e in found if e.confidence >= 0.75] == [
        ("REQUEST", ["Turkey"])
    ]


def test_a_name_that_is_a_month_and_a_contracted_perfect_keep_their_actors(nlp) -> None:
    met = [e for e in events(nlp, "Angela Merkel met Theresa May in Berlin on Monday.")]
    assert any([a.name for a in e.target] == ["Theresa May"] for e in met), met
    text = "Narendra Modi arrived in Paris on Monday. He's accepted invitations to visit Italy."
    found = [e for e in events(nlp, text) if e.trigger.text == "invitations"]
    assert found and [a.name for a in found[0].source] == ["Narendra Modi"], found


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Lavrov appeared to strike a conciliatory tone in Ankara on Monday.", "strike"),
        ("President Ghani is seeking a second term in the elections.", "seeking"),
        ("Sanctioned by President Eisenhower, the plan aimed at rebuilding Korea.", "Sanctioned"),
        ("Beijing allowed the yuan's exchange rate to move toward a managed float.", "allowed"),
        ("Moscow wants to be an arbiter in Libya, the Russian analysts agreed.", "agreed"),
        ("The minister attended the events honoring the victims of the bombing.", "honoring"),
        ("The letter notified the EU of Britain's decision to withdraw from the bloc.", "withdraw"),
    ],
)
def test_words_in_other_senses_and_unrealised_acts_are_left_out(nlp, text, trigger) -> None:
    assert all(e.confidence < 0.75 for e in events(nlp, text) if e.trigger.text == trigger)


def test_the_same_words_in_their_event_sense_stay(nlp) -> None:
    assert (
        confidence_of(nlp, "The EU sanctioned three Russian banks on Monday.", "sanctioned") >= 0.75
    )
    assert confidence_of(nlp, "Russia allowed the inspectors to visit the site.", "allowed") >= 0.75


def test_who_comes_under_fire_is_the_target(nlp) -> None:
    text = "Russia's embassy in Damascus came under shelling on February 3, the ambassador said."
    found = [e for e in events(nlp, text) if e.trigger.text == "shelling"]
    assert found and not found[0].source
    assert [a.country for a in found[0].target] == ["RUS"] and found[0].confidence >= 0.75


def test_a_law_is_no_actor(nlp) -> None:
    text = "The disclosures are required by the Ethics in Government Act of 1978."
    assert not [e for e in events(nlp, text) if e.source]


def test_business_alone_is_not_political_and_a_protest_is_no_passive(nlp) -> None:
    text = "Nobody knows what Chinese companies are allowed to do in foreign markets."
    assert all(e.confidence < 0.75 for e in events(nlp, text) if e.trigger.text == "allowed")
    protest = "Russian journalists protested in Moscow on Monday."
    assert confidence_of(nlp, protest, "protested") >= 0.75


def test_a_name_the_entity_layer_found_acts_where_the_tagger_saw_a_noun(nlp) -> None:
    # the small model tags a sentence-initial 'Trump' as a common noun with no entity
    found = [e for e in events(nlp, "Trump met Merkel at the White House on Friday.")]
    assert [([a.name for a in e.source], e.confidence) for e in found] == [(["Donald Trump"], 1.0)]


def test_returning_money_is_no_concession_and_returning_bodies_has_a_recipient(nlp) -> None:
    money = "Moscow had returned the advance payment, Dvorkovich said on Monday."
    assert all(e.confidence < 0.75 for e in events(nlp, money) if e.trigger.text == "returned")
    bodies = [e for e in events(nlp, "Syria returned the bodies of the soldiers to Israel.")]
    assert [[a.country for a in e.target] for e in bodies if e.trigger.text == "returned"] == [
        ["ISR"]
    ]


def test_a_link_line_of_the_page_is_no_report(nlp) -> None:
    text = (
        "Israel razed the homes on Monday. READ MORE: UN decries Israel's demolition order "
        "In a statement, the group said the decision was wrong."
    )
    assert all(e.confidence < 0.75 for e in events(nlp, text) if e.trigger.text == "decries")
    assert confidence_of(nlp, text, "razed") >= 0.75


def test_a_game_and_a_reply_are_no_attacks(nlp) -> None:
    game = (
        "In the 2012 Champions League final, Chelsea came back to beat Bayern Munich on penalties."
    )
    assert all(e.confidence < 0.75 for e in events(nlp, game) if e.trigger.text == "beat")
    reply = '"That is a fake solution," Merkel shot back on Monday.'
    assert all(e.confidence < 0.75 for e in events(nlp, reply) if e.trigger.text == "shot")
    war = "Russian troops attacked the stadium in Donetsk where the league match was due."
    assert confidence_of(nlp, war, "attacked") >= 0.75


def test_a_present_passive_is_a_standing_state(nlp) -> None:
    ban = "North Korea is banned by the UN from conducting missile tests, the report said."
    assert all(e.confidence < 0.75 for e in events(nlp, ban) if e.trigger.text == "banned")
    past = "North Korea was banned by the UN from conducting missile tests on Monday."
    assert confidence_of(nlp, past, "banned") >= 0.75


def test_a_title_with_a_name_in_apposition_is_that_person(nlp) -> None:
    # the party in the title is not the actor; the title still gives the sector
    text = "Its Labour MP, Tristram Hunt, opposed the plan in parliament on Monday."
    found = [e for e in events(nlp, text) if e.trigger.text == "opposed"]
    assert [[(a.name, a.sector) for a in e.source] for e in found] == [[("Tristram Hunt", "LEG")]]
    winner = "The winner of the election, Emmanuel Macron, criticised Le Pen on Monday."
    assert confidence_of(nlp, winner, "criticised") >= 0.75


def test_sides_named_in_apposition_or_by_a_title(nlp) -> None:
    party = "The main Irish nationalist party, Sinn Fein, withdrew from the talks on Sunday."
    found = [e for e in events(nlp, party) if e.trigger.text == "withdrew"]
    assert [[a.name for a in e.source] for e in found] == [["Sinn Fein"]]
    general = "A senior general in South Sudan has resigned over the government's war."
    found = [e for e in events(nlp, general) if e.trigger.text == "resigned"]
    assert [[(a.entity, a.country) for a in e.source] for e in found] == [[(None, "SSD")]]
    month = "Theresa May met Merkel in Berlin on Friday. May has promised a global Britain."
    found = [e for e in events(nlp, month) if e.trigger.text == "promised"]
    assert [[a.name for a in e.source] for e in found] == [["Theresa May"]]


def test_an_opposed_name_and_an_owner_are_not_the_side(nlp) -> None:
    strikes = "The anti-ISIL coalition has stepped up its air strikes on Syria and Iraq."
    assert all("Islamic State" not in [a.name for a in e.source] for e in events(nlp, strikes))
    assert all(e.confidence < 0.75 for e in events(nlp, strikes) if e.trigger.text == "strikes")
    nominee = "Elizabeth Warren denounced President Donald Trump's nominee on Friday."
    found = [e for e in events(nlp, nominee) if e.trigger.text == "denounced"]
    assert found and all(a.entity != "Q22686" for e in found for a in e.target)


def test_crowds_in_a_province_and_inspectors_of_an_agency(nlp) -> None:
    kosovo = "Up to 100 ethnic Albanians demonstrated on Tuesday in the province of Kosovo."
    found = [e for e in events(nlp, kosovo) if e.trigger.text == "demonstrated"]
    assert [[a.country for a in e.source] for e in found] == [["XKX"]]
    kurds = "Thousands of Iraqi Kurds demonstrated in the city of Kirkuk on Sunday."
    assert confidence_of(nlp, kurds, "demonstrated") >= 0.75
    expelled = "North Korea expelled inspectors of the International Atomic Energy Agency."
    found = [e for e in events(nlp, expelled) if e.trigger.text == "expelled"]
    assert [[a.code for a in e.target] for e in found] == [["IGOUNOIAE"]]


def test_force_used_for_an_act_does_it_but_a_permission_or_a_wish_does_not(nlp) -> None:
    gas = "Liberian riot police used tear gas to disperse demonstrators in Monrovia."
    assert confidence_of(nlp, gas, "disperse") >= 0.75
    allow = (
        "Earlier this week, US forces airlifted Kurdish fighters behind the lines to allow "
        "them to launch the assault."
    )
    assert all(e.confidence < 0.75 for e in events(nlp, allow))
    guidance = (
        "The Trump administration on Wednesday night rescinded Obama-era guidance directing "
        "schools to allow transgender students to use the bathroom that matches their gender "
        "identity."
    )
    assert all(e.confidence < 0.75 for e in events(nlp, guidance) if e.trigger.text == "allow")
    demand = (
        "Elders have demanded that control of the Nigerian Interior Ministry be taken away "
        "from Hausa politicians."
    )
    assert all(e.confidence < 0.75 for e in events(nlp, demand) if e.trigger.text == "taken")


def test_an_act_named_and_a_fight_between_fans_are_no_events(nlp) -> None:
    named = 'The French police called the violent assault "an accident" on Monday.'
    assert all(e.confidence < 0.75 for e in events(nlp, named) if e.trigger.text == "assault")
    fans = (
        "Leipzig fans were injured when Dortmund supporters pelted visiting fans with stones "
        "ahead of the clash between the teams."
    )
    assert all(e.confidence < 0.75 for e in events(nlp, fans))


def test_speculation_striving_and_a_state_beside_a_dated_clause_are_no_acts(nlp) -> None:
    rumour = (
        "The report could be a sign of concern over growing speculation that Pyongyang "
        "dispatched a hit squad to kill Kim Jong Nam."
    )
    assert all(e.confidence < 0.75 for e in events(nlp, rumour) if e.trigger.text == "kill")
    strove = "As President Barack Obama fought to introduce medical care for the poor, ..."
    assert all(e.confidence < 0.75 for e in events(nlp, strove) if e.trigger.text == "fought")
    war = "Iraqi troops fought to retake Mosul from Islamic State fighters on Monday."
    assert confidence_of(nlp, war, "fought") >= 0.75
    state = (
        "French MPs are allowed to employ family members, but Mr Fillon has failed to convince "
        "investigators that his wife worked for her salary, which exceeded 10,000 euros a "
        "month in 2007."
    )
    assert all(e.confidence < 0.75 for e in events(nlp, state) if e.trigger.text == "allowed")


def test_a_body_belongs_to_its_owner_and_may_acts_even_when_tagged_a_date(nlp) -> None:
    order = (
        "Trump vowed to fight trafficking. He says he will order the departments of Justice "
        "and Homeland Security to take a hard look at the issue."
    )
    found = [e for e in events(nlp, order) if e.trigger.text == "order"]
    assert found and all(e.confidence >= 0.75 for e in found)
    brexit = (
        'Theresa May spoke in Birmingham. May has promised a "truly global Britain" outside '
        "of the EU and some supporters of Brexit have framed the break as an opportunity."
    )
    found = [e for e in events(nlp, brexit) if e.trigger.text == "promised"]
    assert [[a.name for a in e.source] for e in found] == [["Theresa May"]]


def test_the_object_of_a_fight_or_a_meeting_does_not_do_what_follows(nlp) -> None:
    text = "Iraqi troops fought Islamic State fighters to retake Mosul on Monday."
    found = [e for e in events(nlp, text) if e.trigger.text == "retake"]
    assert all("Islamic State" not in [a.name for a in e.source] for e in found)
    urged = "Obama urged Uganda to repatriate the refugees on Monday."
    assert [e.trigger.text for e in events(nlp, urged)] == ["urged"] or all(
        [a.name for a in e.source] == ["Uganda"]
        for e in events(nlp, urged)
        if e.trigger.text == "repatriate"
    )


def test_other_senses_beliefs_questions_and_advocacy_are_no_acts(nlp) -> None:
    fired = "Harward was tipped for the post after Mr Trump fired Michael Flynn on Monday."
    assert all(e.confidence < 0.75 for e in events(nlp, fired) if e.trigger.text == "fired")
    belief = (
        "The US commander in Iraq has said he believes US-backed forces will retake Raqqa "
        "within the next six months."
    )
    assert all(e.confidence < 0.75 for e in events(nlp, belief) if e.trigger.text == "retake")
    question = "The election was a test of whether the Dutch wanted to quit the European Union."
    assert all(e.confidence < 0.75 for e in events(nlp, question))
    advocacy = (
        "Israel blocked an activist, a week after the Knesset passed a bill allowing officials "
        "to turn away foreign nationals who support boycotting Israel."
    )
    assert all(e.confidence < 0.75 for e in events(nlp, advocacy) if e.trigger.text == "boycotting")
    plot = "The story was about two Iraqi refugees who plotted to attack Americans."
    assert all(e.confidence < 0.75 for e in events(nlp, plot) if e.trigger.text == "attack")
    regulation = (
        "Since the Yunnan provincial government released its Regulation on Fuxian Lake "
        "Protection in 2007, buildings have been built."
    )
    assert all(e.confidence < 0.75 for e in events(nlp, regulation) if e.trigger.text == "released")


def test_a_firm_named_by_its_nationality_is_a_company_not_its_country(nlp) -> None:
    firm = "The French firm insisted the brand would complement its existing offering."
    found = [e for e in events(nlp, firm) if e.trigger.text == "insisted"]
    assert all(a.sector == "BUS" and a.entity is None for e in found for a in e.source)
    assert all(e.confidence < 0.75 for e in found)
    deal = "The Chinese company signed a deal with the Kenyan government on Monday."
    assert confidence_of(nlp, deal, "signed") >= 0.75


def test_an_appeal_targets_whom_it_asks_not_what_the_act_is_about(nlp) -> None:
    flags = "Police asked participants to stop displaying Ocalan flags, which were banned."
    found = [e for e in events(nlp, flags) if e.trigger.text == "asked"]
    assert all("Ocalan" not in a.name for e in found for a in e.target)
    assert all(e.confidence < 0.75 for e in found)  # the asked are named, not known
    them = "Merkel urged them to stop attacking Russia."
    found = [e for e in events(nlp, them) if e.trigger.text == "urged"]
    assert all(a.country != "RUS" for e in found for a in e.target)
    turkey = "The EU asked Turkey to release the journalists on Monday."
    found = [e for e in events(nlp, turkey) if e.trigger.text == "asked"]
    assert [[a.country for a in e.target] for e in found] == [["TUR"]]


def test_scores_hosting_crowds_shared_views_and_past_attempts_are_no_acts(nlp) -> None:
    match = "At the final of the Africa Cup of Nations in February 2017, Cameroon beat Egypt 2:1."
    assert all(e.confidence < 0.75 for e in events(nlp, match) if e.trigger.text == "beat")
    host = (
        "Turkey continues to host the highest number of Syrians displaced by the conflict - "
        "nearly three million people."
    )
    assert all(e.confidence < 0.75 for e in events(nlp, host) if e.trigger.text == "host")
    view = (
        "Navalny spoke in Moscow. She said she agreed with Navalny, a thorn in the Kremlin's side."
    )
    assert all(e.confidence < 0.75 for e in events(nlp, view) if e.trigger.text == "agreed")
    deal = "Russia agreed with Turkey on a ceasefire in Syria on Monday."
    assert confidence_of(nlp, deal, "agreed") >= 0.75
    tried = (
        "The US, South Korea, Japan, China and Russia have tried repeatedly to negotiate a "
        "solution with Pyongyang during Six-Party Talks."
    )
    assert all(e.confidence < 0.75 for e in events(nlp, tried) if e.trigger.text == "negotiate")


def test_is_to_arranges_a_future_act(nlp) -> None:
    text = "Chinese President Xi Jinping is to visit Switzerland from January 15-18."
    found = [e for e in events(nlp, text) if e.trigger.text == "visit"]
    assert [e.modality for e in found] == ["future"]


def test_a_permission_targets_whom_it_allows_and_talks_their_partner(nlp) -> None:
    jets = "France agreed to allow Belgian and Dutch jets to fly into its airspace."
    found = [e for e in events(nlp, jets) if e.trigger.text == "agreed"]
    # both peoples' jets (session 14: two nationality words before one noun)
    assert [[a.country for a in e.target] for e in found] == [["BEL", "NLD"]]
    talks = (
        "The Russian Ministry of Energy is ready to return to energy dialogue with the United "
        "States, the minister told reporters."
    )
    found = [e for e in events(nlp, talks) if e.trigger.text == "return"]
    assert [[a.country for a in e.target] for e in found] == [["USA"]]


def test_a_group_of_a_people_is_not_its_country(nlp) -> None:
    factions = "Several Ukrainian factions have already called for dissolving the parliament."
    found = [e for e in events(nlp, factions) if e.trigger.text == "called"]
    assert [[(a.name, a.country, a.entity) for a in e.source] for e in found] == [
        [("Several Ukrainian factions", "UKR", None)]
    ]
    troops = "Israeli troops fired on Palestinian protesters on Monday."
    found = [e for e in events(nlp, troops) if e.trigger.text == "fired"]
    assert [[a.code for a in e.source] for e in found] == [["ISRMIL"]]
    banks = "Barack Obama imposed sanctions on Russian financial institutions in 2014."
    found = [e for e in events(nlp, banks) if e.trigger.text == "sanctions"]
    assert [[(a.name, a.country) for a in e.target] for e in found] == [
        [("Russian financial institutions", "RUS")]
    ]


def test_a_participle_clause_dates_and_a_since_phrase_leaves_undated(nlp) -> None:
    speaking = (
        "Speaking in the White House on February 15, Israeli Prime Minister Benjamin "
        "Netanyahu thanked Trump for his hospitality."
    )
    found = [e for e in events(nlp, speaking) if e.trigger.text == "thanked"]
    assert [e.date for e in found] == ["2017-02-15"]
    since = (
        "Since Russia's annexation of Crimea, the Baltic states have vocally decried the "
        "threat Moscow poses."
    )
    found = [e for e in events(nlp, since) if e.trigger.text == "decried"]
    assert found and all(e.date is None for e in found)
    glued = (
        "The resolution struck down a rule the Labor Department finalized in August.-In "
        "2012, Democrats compromised on allowing the testing."
    )
    found = [e for e in events(nlp, glued) if e.trigger.text == "compromised"]
    assert [e.date for e in found] == ["2012"]


def test_failed_bids_budget_lines_and_rallying_to_someone_are_no_acts(nlp) -> None:
    bids = "Repeated bids to launch peace negotiations with the Taliban have failed."
    assert all(e.confidence < 0.75 for e in events(nlp, bids) if e.trigger.text == "negotiations")
    budget = (
        "Democratic Gov. Andrew Cuomo has committed nearly $6 billion in funding for home "
        "health care reimbursements in coming years."
    )
    assert all(e.confidence < 0.75 for e in events(nlp, budget) if e.trigger.text == "committed")
    aid = "The EU has committed 3 billion euros to Turkey to help refugees."
    assert confidence_of(nlp, aid, "committed") >= 0.75
    bill = "(CNN)A Texas lawmaker has proposed a bill that would fine a man $100 each time."
    assert confidence_of(nlp, bill, "proposed") >= 0.75  # the money is the bill's, not given
    found = [e for e in events(nlp, bill) if e.trigger.text == "proposed"]
    assert [[a.name for a in e.source] for e in found] == [["Texas lawmaker"]]
    rally = (
        "German Chancellor Angela Merkel had also rallied to the Netherlands, condemning "
        "the analogies as misguided."
    )
    assert all(e.confidence < 0.75 for e in events(nlp, rally) if e.trigger.text == "rallied")
    protest = "Thousands of protesters rallied in Moscow against Putin on Sunday."
    assert confidence_of(nlp, protest, "rallied") >= 0.75


def test_a_warning_about_others_and_a_wanted_man_are_no_threat_or_request(nlp) -> None:
    trains = (
        "Chinese Foreign Minister Wang Yi gave warning last week that North Korea and the "
        "US were like two accelerating trains headed at each other."
    )
    assert all(e.confidence < 0.75 for e in events(nlp, trains) if e.trigger.text == "warning")
    own = "Putin warned that Russia would respond to any attack by NATO."
    assert confidence_of(nlp, own, "warned") >= 0.75
    wanted = "Hyon Kwang Song, a diplomat at the North Korean embassy, is being sought by police."
    assert all(e.confidence < 0.75 for e in events(nlp, wanted) if e.trigger.text == "sought")


def test_a_place_in_a_name_and_the_owner_of_what_an_appeal_would_stop(nlp) -> None:
    lima = "Senator Leila de Lima also led the investigation into the killings in Davao."
    found = [e for e in events(nlp, lima) if e.trigger.text == "investigation"]
    assert found and all(a.country != "PER" for e in found for a in e.source)
    halt = "China calls for suspension of North Korea's nuclear and missile activities."
    found = [e for e in events(nlp, halt) if e.trigger.text == "calls"]
    assert [[a.country for a in e.target] for e in found] == [["PRK"]]


def test_fighting_on_in_a_campaign_and_attacking_someone_for_a_deed_are_no_violence(nlp) -> None:
    fight = "Fillon insisted he would fight on until victory."
    assert all(e.confidence < 0.75 for e in events(nlp, fight) if e.trigger.text == "fight")
    blame = "Republicans have frequently attacked Democrats for supposedly crafting legislation."
    assert all(e.confidence < 0.75 for e in events(nlp, blame) if e.trigger.text == "attacked")
    war = "Kurdish fighters fought Islamic State militants near Raqqa on Monday."
    assert confidence_of(nlp, war, "fought") >= 0.75


def test_a_city_naming_talks_is_where_they_were_held_not_a_side(nlp) -> None:
    astana = "The Russian diplomat has praised Astana talks' contribution to the peace settlement."
    found = [e for e in events(nlp, astana) if e.trigger.text == "praised"]
    assert found and all(a.country != "KAZ" for e in found for a in e.target)
    minsk = "Lavrov praised the Minsk agreements on Monday."
    found = [e for e in events(nlp, minsk) if e.trigger.text == "praised"]
    assert found and all(a.country != "BLR" for e in found for a in e.target)
    proposal = "Russia rejected the Ukrainian proposal on Monday."
    found = [e for e in events(nlp, proposal) if e.trigger.text == "rejected"]
    assert [[a.country for a in e.target] for e in found] == [["UKR"]]


def test_a_plan_of_the_past_is_no_stated_intent(nlp) -> None:
    plan = "In 2015, Turkey planned to invade Syria, but the operation was cancelled."
    assert all(e.confidence < 0.75 for e in events(nlp, plan) if e.trigger.text == "invade")
    said = "Putin said Russia planned to hold talks with Japan."
    assert confidence_of(nlp, said, "talks") >= 0.75


def test_an_invitation_accepted_is_made_to_whom_accepts_it(nlp) -> None:
    text = "Putin accepted an invitation from Xi Jinping to visit China."
    found = [e for e in events(nlp, text) if e.trigger.text == "invitation"]
    assert [[a.country for a in e.target] for e in found] == [["RUS"]]
    assert [[a.country for a in e.source] for e in found] == [["CHN"]]


def test_questions_habits_norms_and_warnings_of_danger_are_no_acts(nlp) -> None:
    whether = "There is confusion about whether the battle for Raqqa will be launched soon."
    assert all(e.confidence < 0.75 for e in events(nlp, whether) if e.trigger.text == "battle")
    seldom = "Saudi kings seldom undertake such ambitious regional tours."
    assert all(e.confidence < 0.75 for e in events(nlp, seldom) if e.trigger.text == "tours")
    norm = "He said it was not unusual for members of Congress to meet ambassadors."
    assert all(e.confidence < 0.75 for e in events(nlp, norm) if e.trigger.text == "meet")
    danger = "Mr Kenny warned delegates of the dangers of the rise in populism."
    assert all(e.confidence < 0.75 for e in events(nlp, danger) if e.trigger.text == "warned")
    threat = "Russia warned NATO against deploying troops near its borders."
    assert confidence_of(nlp, threat, "warned") >= 0.75


def test_a_thing_coded_by_its_modifier_is_no_target_and_a_stated_nationality_holds(nlp) -> None:
    ambitions = "Moscow has denied any military ambitions in the region."
    found = [e for e in events(nlp, ambitions) if e.trigger.text == "denied"]
    assert found and all(not e.target for e in found)
    banks = "The EU imposed sanctions on Russian banks on Monday."
    found = [e for e in events(nlp, banks) if e.trigger.text == "sanctions"]
    assert [[a.code for a in e.target] for e in found] == [["RUSBUS"]]
    taliban = "Pakistani Taliban fighters attacked a school in Peshawar on Monday."
    found = [e for e in events(nlp, taliban) if e.trigger.text == "attacked"]
    assert [[a.country for a in e.source] for e in found] == [["PAK"]]


def test_a_person_after_a_title_naming_a_body_is_the_side(nlp) -> None:
    text = (
        "Germany's Social Democrats have formally endorsed former European Parliament "
        "President Martin Schulz as their leader."
    )
    found = [e for e in events(nlp, text) if e.trigger.text == "endorsed"]
    assert [[a.name for a in e.target] for e in found] == [["Martin Schulz"]]


def test_a_dateline_in_brackets_is_no_part_of_a_side(nlp) -> None:
    from newsgraph.extractors.events.actor_words import actor_span

    text = (
        "family says Facebook Live captured chaos\n\n"
        "(CNN)Authorities in Tennessee are investigating the shooting death of a man."
    )
    doc = nlp(text)
    head = next(t for t in doc if t.text == "Authorities")
    start, end = actor_span(head)
    assert text[start:end].startswith("Authorities")


def test_the_leaders_of_two_countries_both_act(nlp) -> None:
    text = "The leaders of Russia and Germany agreed to build up diplomatic efforts on Monday."
    found = [e for e in events(nlp, text) if e.trigger.text == "agreed"]
    assert [sorted(a.country for a in e.source) for e in found] == [["DEU", "RUS"]]


def test_a_congratulatory_telegram_is_sent_to_whom_it_advises(nlp) -> None:
    text = (
        "Macron won the election on Sunday. In a congratulatory telegram on Monday, Putin "
        "said the French president-elect should try to overcome mutual distrust."
    )
    found = [e for e in events(nlp, text) if e.trigger.text == "telegram"]
    assert [e.confidence >= 0.75 for e in found] == [True]
    assert [[a.name for a in e.target] for e in found] == [["Emmanuel Macron"]]


def test_a_joined_passive_shares_its_subject_and_a_meeting_topic_is_no_side(nlp) -> None:
    arrested = "Navalny flew to Moscow and was detained at the airport by police on Monday."
    found = [e for e in events(nlp, arrested) if e.trigger.text == "detained"]
    assert [[a.name for a in e.target] for e in found] == [["Alexei Navalny"]]
    airport = (
        "Police said the suspect returned in September and was arrested at Duesseldorf airport."
    )
    found = [e for e in events(nlp, airport) if e.trigger.text == "arrested"]
    assert all(a.country != "DEU" for e in found for a in e.target)
    topic = "Donald Trump told reporters he held meetings on North Korea at his Florida resort."
    found = [e for e in events(nlp, topic) if e.trigger.text == "meetings"]
    assert found and all(not e.target for e in found)


def test_a_city_before_a_person_or_thing_is_where_it_is_from_not_a_side(nlp) -> None:
    text = "A Philadelphia man has sued a New York City bar after he was denied service."
    found = [e for e in events(nlp, text) if e.trigger.text == "sued"]
    assert found
    sides = [a for e in found for a in (*e.source, *e.target)]
    assert all(
        "york" not in (a.entity or "") and "philadelphia" not in (a.entity or "") for a in sides
    )
    assert [(a.country, a.sector) for e in found for a in e.source] == [("USA", "CVL")]


def test_the_office_sought_is_no_side_and_a_campaigns_owner_is(nlp) -> None:
    text = "In September, the police union endorsed Trump's campaign for president."
    found = [e for e in events(nlp, text) if e.trigger.text == "endorsed"]
    assert [[a.name for a in e.target] for e in found] == [["Donald Trump"]]


def test_a_purpose_clause_dates_its_act_and_at_the_time_leaves_it_undated(nlp) -> None:
    trip = "Xi Jinping traveled to Serbia to sign the deal personally last summer."
    found = [e for e in events(nlp, trip) if e.trigger.text == "traveled"]
    assert found and all(e.date is not None and e.date.startswith("2016") for e in found)
    then = "At the time, the Saudi-led coalition blamed the bombing on its Yemeni allies."
    found = [e for e in events(nlp, then) if e.trigger.text == "blamed"]
    assert found and all(e.date is None for e in found)


def test_an_extradition_goes_to_the_state_that_receives_the_person(nlp) -> None:
    plain = "Pakistan extradited Ahmed Khan to the United States on Monday."
    found = [e for e in events(nlp, plain) if e.trigger.text == "extradited"]
    assert [[a.country for a in e.target] for e in found] == [["USA"]]
    shifted = (
        "Serbia has extradited to Russia Timur Emirbekov, who is accused of involvement in "
        "paramilitary units, the Russian Interior Ministry said."
    )
    found = [e for e in events(nlp, shifted) if e.trigger.text == "extradited"]
    assert [[a.name for a in e.target] for e in found] == [["Russia"]]


def test_an_acronym_after_or_is_the_same_body_not_a_second_side(nlp) -> None:
    text = (
        "The hackers accepted the offer from the Federal Security Service, or FSB, the top "
        "KGB successor agency, on Thursday."
    )
    found = [e for e in events(nlp, text) if e.trigger.text == "offer"]
    assert found and all(len(e.source) == 1 for e in found)


def test_a_refusal_despite_a_request_is_aimed_at_who_asked(nlp) -> None:
    text = (
        "Malaysia police will not release the body until his family has provided a DNA "
        "sample, despite North Korea's request that the body be returned."
    )
    found = [e for e in events(nlp, text) if e.trigger.text == "release"]
    assert [[(a.name, a.country) for a in e.target] for e in found] == [[("North Korea", "PRK")]]


def test_a_wish_to_accept_an_invitation_is_an_intent_to_meet(nlp) -> None:
    text = (
        "Putin invited Macron to Russia on Friday. Macron said that he would like to take up "
        "the invitation of Putin."
    )
    found = [e for e in events(nlp, text) if e.trigger.text == "take"]
    assert [(e.type, e.confidence >= 0.75) for e in found] == [("AGREE", True)]
    assert [[a.name for a in e.target] for e in found] == [["Vladimir Putin"]]


def test_wrong_to_say_denies_an_act_aimed_at_the_named_other(nlp) -> None:
    text = (
        "It is wrong to say that Moscow was unhappy to see the leader of France's En Marche! "
        "movement, Emmanuel Macron, win the first round, Kremlin spokesman Dmitry Peskov said."
    )
    found = [e for e in events(nlp, text) if e.trigger.text == "wrong"]
    assert [[a.name for a in e.target] for e in found] == [["Emmanuel Macron"]]


def test_a_participle_clause_shares_its_verbs_mood_and_this_is_no_actor(nlp) -> None:
    hedged = (
        "According to the New York Times, Trump might roll back these reforms, loosening "
        "rules of engagement and returning the drone programme to Langley."
    )
    assert confidence_of(nlp, hedged, "returning") < 0.75
    situation = "The sanctions hurt the economy. This forced Russia to assume measures."
    assert confidence_of(nlp, situation, "forced") < 0.75


def test_a_charge_is_aimed_at_the_subject_of_its_clause(nlp) -> None:
    text = (
        "A senior U.S. general on Wednesday charged that Moscow's intention is to threaten "
        "U.S. facilities in Europe."
    )
    found = [e for e in events(nlp, text) if e.trigger.text == "charged"]
    assert [[a.country for a in e.target] for e in found] == [["RUS"]]


def test_deployed_forces_are_means_and_a_doer_of_old_leaves_the_act_undated(nlp) -> None:
    moved = "Russia deployed 2,000 soldiers to Syria on Monday."
    found = [e for e in events(nlp, moved) if e.trigger.text == "deployed"]
    assert [[a.country for a in e.target] for e in found] == [["SYR"]]
    old = "The Nazis banned Jewish cultural organizations, the museum's guide said."
    found = [e for e in events(nlp, old) if e.trigger.text == "banned"]
    assert found and all(e.date is None for e in found)
    today = "Putin accused the Nazis of genocide in a speech on Monday."
    found = [e for e in events(nlp, today) if e.trigger.text == "accused"]
    assert found and all(e.date is not None for e in found)


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        (
            "Stars took to social media on Wednesday after the Trump administration withdrew "
            "guidelines issued by former President Obama.",
            "withdrew",
        ),
        ("UK courts will be allowed to refer to ECJ case law, the government said.", "allowed"),
        ("Trump wants Congress to shell out $1.5 billion for the wall, Mulvaney said.", "shell"),
        (
            "Fighting in South Sudan forced the United Nations to warn that the situation may "
            "turn to genocide.",
            "forced",
        ),
        (
            "Interested parties have until Jan 6 to respond before the Commission makes a "
            "formal proposal to the EU's 28 governments.",
            "proposal",
        ),
        (
            "President-elect Donald Trump takes the oath of office on Jan 20 and has promised "
            "protectionist measures against China.",
            "promised",
        ),
    ],
)
def test_acts_of_no_one_and_acts_to_come_are_left_out(nlp, text, trigger) -> None:
    # left out below the floor, or not coded at all ('withdrew guidelines' is no retreat,
    # session 16)
    found = [e for e in events(nlp, text) if e.trigger.text == trigger]
    assert all(e.confidence is not None and e.confidence < 0.75 for e in found)


def test_where_sides_are_is_not_who_they_are(nlp) -> None:
    court = "Goering was sentenced to death at Nuremberg but committed suicide, the film says."
    assert not [a for e in events(nlp, court) for a in e.target if a.country == "DEU"]
    talks = (
        "The UN envoy for Syria on Thursday welcomed government and rebel delegations in "
        "Geneva, marking the beginning of fresh peace talks."
    )
    assert not [a for e in events(nlp, talks) for a in (*e.source, *e.target) if a.country == "CHE"]


def test_deployed_troops_act_and_a_body_set_up_is_no_target(nlp) -> None:
    moved = "Syrian troops have been deployed to the areas held by Kurdish forces, Rudskoi said."
    found = [e for e in events(nlp, moved) if e.trigger.text == "deployed"]
    assert [([a.country for a in e.source], e.target) for e in found] == [(["SYR"], ())]
    inquiry = "The Irish Government agreed on Tuesday to establish a Commission of Inquiry."
    found = [e for e in events(nlp, inquiry) if e.trigger.text == "agreed"]
    assert found and all(not e.target for e in found)


def test_a_when_clause_dates_its_own_clause_and_a_perfect_conjunct_its_own(nlp) -> None:
    accused = (
        "Sen. Leila de Lima is accused of having abetted the illegal drug trade when she was "
        "justice secretary from 2010 to 2015."
    )
    found = [e for e in events(nlp, accused) if e.trigger.text == "accused"]
    assert found and all(not (e.date or "").startswith("2010") for e in found)


def test_a_notice_is_no_alert_status_and_a_vow_to_no_one_is_left_out(nlp) -> None:
    notice = (
        "Malaysia has asked Interpol to put out an alert for four missing North Korean "
        "suspects wanted over the death of Kim Jong Nam, police said Thursday."
    )
    found = [e for e in events(nlp, notice) if e.trigger.text == "asked"]
    assert [e.type for e in found] == ["REQUEST"]
    vow = "Ryan vowed members would continue working although he offered no timeline."
    assert confidence_of(nlp, vow, "vowed") < 0.75
    pledge = "Putin promised support to Assad on Monday."
    assert confidence_of(nlp, pledge, "promised") >= 0.75


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        (
            "Trump has not followed through on campaign threats to label China a currency "
            "manipulator or impose steep tariffs on Chinese imports.",
            "impose",
        ),
        ("Mr Mulvaney says he travels to Ireland every second year with his father.", "travels"),
        ("Nancy Pelosi has withdrawn as a sponsor of the bill, her office said.", "withdrawn"),
        (
            "On Tuesday, President Donald Trump signed a memorandum that directed the Army Corps "
            "of Engineers to approve the pipeline.",
            "signed",
        ),
        (
            "The deputy prime minister said Ri Jong Chol will fly from Malaysia to Pyongyang, "
            "accompanied by two officials.",
            "fly",
        ),
    ],
)
def test_undone_habitual_and_private_acts_are_left_out(nlp, text, trigger) -> None:
    assert confidence_of(nlp, text, trigger) < 0.75


def test_what_a_call_asks_for_names_its_target_and_a_topic_does_not(nlp) -> None:
    probe = "Senator John McCain has also called for investigating Michael Flynn on Monday."
    found = [e for e in events(nlp, probe) if e.trigger.text == "called"]
    assert [[a.name for a in e.target] for e in found] == [["Michael Flynn"]]
    sanctions = "Mexican lawmakers are calling for sanctions on Mexican firms, the paper said."
    found = [e for e in events(nlp, sanctions) if e.trigger.text == "calling"]
    assert [[a.country for a in e.target] for e in found] == [["MEX"]]
    topic = "On Friday the ministers discussed Japan's policy towards Russia, the ministry said."
    assert not [a for e in events(nlp, topic) for a in e.target if a.country == "RUS"]


def test_a_dateline_place_is_no_side_and_a_titles_year_no_date(nlp) -> None:
    filed = (
        "Hong Kong (CNN)Two mechanics have been arrested after an escalator packed with people "
        "suddenly went into reverse."
    )
    assert not [a for e in events(nlp, filed) for a in (*e.source, *e.target) if a.country]
    named = "Kenya Farmers Association (KFA) officials demanded support from the government."
    found = [e for e in events(nlp, named) if e.trigger.text == "demanded"]
    assert [[a.name for a in e.source] for e in found] == [["Kenya Farmers Association"]]
    act = (
        "Minister Shane Ross will defend the Public Transport Regulation Act 2009 before the "
        "committee, he said."
    )
    assert all(e.date != "2009" for e in events(nlp, act))


def test_a_verb_joined_to_a_denial_is_not_what_is_denied(nlp) -> None:
    text = "Berlin denies the charges and regularly prosecutes PKK operatives, officials say."
    denials = [e for e in events(nlp, text) if e.trigger.text == "denies"]
    assert denials and all(not e.target for e in denials)
    assert all(not e.negated for e in events(nlp, text) if e.trigger.text == "prosecutes")


def test_an_attack_someone_was_hurt_in_is_its_doers_and_a_us_raid_no_place(nlp) -> None:
    text = (
        "Three Turkish soldiers were mistakenly killed and 11 were injured in a Russian "
        "airstrike near al-Bab, the Turkish armed forces said Thursday."
    )
    found = [e for e in events(nlp, text) if e.trigger.text == "killed"]
    assert [[a.country for a in e.source] for e in found] == [["RUS"]]
    raid = "Five civilians were killed in a US raid in Yemen on Sunday, locals said."
    found = [e for e in events(nlp, raid) if e.trigger.text == "killed"]
    assert [[a.country for a in e.target] for e in found] == [["YEM"]]


def test_the_accused_is_not_the_victim_of_what_they_are_accused_of(nlp) -> None:
    text = (
        "Two women were arrested in Malaysia. They are accused of killing the North Korean "
        "ruler's half-brother with a nerve agent."
    )
    assert not [a for e in events(nlp, text) for a in e.target if a.country == "PRK"]


def test_claims_scores_and_instructions_are_no_acts(nlp) -> None:
    claim = (
        "Senate Republicans insisted on Friday that they will someday make good on their "
        "promise to repeal Obamacare."
    )
    assert confidence_of(nlp, claim, "insisted") < 0.75
    demand = "Nicola Sturgeon insisted on Friday that a referendum should go ahead."
    assert confidence_of(nlp, demand, "insisted") >= 0.75
    match = "Watson beat Latvia's Diana Marcinkevica 6-3 6-0 on Sunday, before Konta won."
    assert confidence_of(nlp, match, "beat") < 0.75
    doc = nlp("Invite local lawmakers and the United Nations to discuss the issue.")
    trigger = next(t for t in doc if t.text == "Invite")
    assert "irrealis" in assess(trigger, [([], []), ([], [])], code="036").doubts
    doc = nlp("Negotiating with Iran would mean giving up leverage, the senator said.")
    trigger = next(t for t in doc if t.text == "Negotiating")
    assert "irrealis" in assess(trigger, [([], []), ([], [])], code="046").doubts


def test_a_generic_body_name_is_no_body_of_a_country_the_story_is_not_about(nlp) -> None:
    text = (
        "Venezuela's Supreme Court has ruled that it will take over the opposition-led "
        "Congress' legislative powers. Venezuela's President Nicolas Maduro praised the court."
    )
    assert not [a for e in events(nlp, text) for a in (*e.source, *e.target) if a.country == "USA"]
    home = "The US Congress is investigating Russia. Congress accused Trump of obstruction."
    found = [e for e in events(nlp, home) if e.trigger.text == "accused"]
    assert [[a.country for a in e.source] for e in found] == [["USA"]]


def test_what_a_policy_is_on_is_a_topic_and_an_arrest_of_someone_targets_them(nlp) -> None:
    policy = "Netanyahu strongly criticised US foreign policy on Iran on Tuesday."
    found = [e for e in events(nlp, policy) if e.trigger.text == "criticised"]
    assert [[a.country for a in e.target] for e in found] == [["USA"]]
    arrests = (
        "Israel, he noted, had made mass arrests of Palestinians in the West Bank as it "
        "searched for three Jewish youths."
    )
    found = [e for e in events(nlp, arrests) if e.trigger.text == "arrests"]
    assert [[a.country for a in e.target] for e in found] == [["PSE"]]
    letter = (
        "Last month, Mr Noonan wrote to the Public Accounts Committee seeking a right of reply "
        "regarding adverse opinions about him in its report."
    )
    found = [e for e in events(nlp, letter) if e.trigger.text == "seeking"]
    assert [[a.name for a in e.target] for e in found] == [["Public Accounts Committee"]]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        (
            "Russian President Vladimir Putin has offered condolences to his Turkish "
            "counterpart Recep Tayyip Erdogan over an unintentional air strike.",
            "offered",
        ),
        (
            "US President Donald Trump's aides have made an unusual attack on the credibility "
            "of the non-partisan agency.",
            "attack",
        ),
        (
            "Police raids in Berlin yielded weapons and ammunition as well as Islamic State "
            "flags, investigators said on Wednesday.",
            "yielded",
        ),
    ],
)
def test_sympathy_and_attacks_in_words_are_no_offer_or_assault(nlp, text, trigger) -> None:
    assert confidence_of(nlp, text, trigger) < 0.75


def test_an_occasions_day_dates_the_act_and_that_year_is_no_year_of_today(nlp) -> None:
    briefing = (
        "White House press secretary Sean Spicer criticized McCain during Wednesday's press "
        "briefing, saying anybody who undermines the raid owes an apology."
    )
    found = [e for e in events(nlp, briefing) if e.trigger.text == "criticized"]
    assert [e.date for e in found] == ["2017-03-01"]
    crimea = (
        "Crimea held a referendum in March 2014. On March 18 that year, Russian President "
        "Vladimir Putin signed a treaty on reintegrating the Republic of Crimea into Russia."
    )
    found = [e for e in events(nlp, crimea) if e.trigger.text == "signed"]
    assert found and all(not (e.date or "").startswith(("2016", "2017")) for e in found)


def test_a_holder_out_of_office_does_not_take_the_bare_title(nlp) -> None:
    text = (
        "President Trump met Chancellor Merkel on Friday. President Obama had praised NATO in "
        "2016. The President also expressed strong support for the NATO alliance on Friday."
    )
    found = [e for e in events(nlp, text) if e.trigger.text == "support"]
    assert [[a.name for a in e.source] for e in found] == [["Donald Trump"]]


def test_what_something_is_taken_to_be_is_no_act(nlp) -> None:
    text = (
        "In June 2014, Australia found itself in a diplomatic crisis when Attorney General "
        "George Brandis refused to accept East Jerusalem as occupied."
    )
    assert not [e for e in events(nlp, text) if e.trigger.text == "occupied"]
    done = "Israel occupied East Jerusalem in 1967, the minister said on Monday."
    assert [e for e in events(nlp, done) if e.trigger.text == "occupied"]


def test_who_trade_was_going_to_and_whose_help_was_sought_are_targets(nlp) -> None:
    text = "China last month banned more items from being exported to North Korea."
    found = [e for e in events(nlp, text) if e.trigger.text == "banned"]
    assert [[a.country for a in e.target] for e in found] == [["PRK"]]
    text = "White House officials sought the help of the FBI in rebutting the reports."
    found = [e for e in events(nlp, text) if e.trigger.text == "sought"]
    assert [[a.entity for a in e.target] for e in found] == [["ng:org:fbi"]]


def test_an_attempt_under_way_is_no_act_done(nlp) -> None:
    trying = "Kurdish officials said that the KRG was trying to force the militia out of Sinjar."
    done = "Kurdish officials said that the KRG forced the militia out of Sinjar."
    assert confidence_of(nlp, trying, "force") < 0.75
    assert confidence_of(nlp, done, "forced") >= 0.75


def test_calling_someone_out_is_criticism_not_an_appeal(nlp) -> None:
    text = "Senator Elizabeth Warren called out Scott Pruitt on Twitter on Thursday."
    found = [e for e in events(nlp, text) if e.trigger.text == "called"]
    assert [(e.type, e.cameo) for e in found] == [("ACCUSE", "111")]
    appeal = "Senator Elizabeth Warren called on Scott Pruitt on Thursday to resign."
    found = [e for e in events(nlp, appeal) if e.trigger.text == "called"]
    assert [e.type for e in found] == ["REQUEST"]


def test_a_decision_taken_is_the_act_and_one_not_yet_taken_is_not(nlp) -> None:
    taken = "The European Union decided on Monday to extend its sanctions against Russia."
    found = [e for e in events(nlp, taken) if e.trigger.text == "sanctions"]
    assert [e.type for e in found] == ["COERCE"]
    assert all((e.confidence or 0) >= 0.75 for e in found)
    pending = "The European Union may decide to extend its sanctions against Russia."
    found = [e for e in events(nlp, pending) if e.trigger.text == "sanctions"]
    assert all(e.type != "COERCE" or (e.confidence or 0) < 0.75 for e in found)


def test_acts_joined_to_a_refused_act_are_refused_too(nlp) -> None:
    text = (
        "Russia has also declined to extradite or cooperate in the arrest of hackers "
        "indicted in the US, officials said."
    )
    assert not [e for e in events(nlp, text) if e.type == "COOPERATE"]
    text = "Iran refused to meet or negotiate with the United States on Monday."
    found = [e for e in events(nlp, text) if e.trigger.text == "refused"]
    assert [[a.country for a in e.target] for e in found] == [["USA"]]
    assert not [e for e in events(nlp, text) if e.trigger.text == "negotiate"]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # a judge releasing a decision publishes it
        (
            "Judge Samuel Cole released a 13-page decision, which said Mr Yee faced "
            "persecution in Singapore.",
            "released",
        ),
        # the speaker's own duty is no demand
        ("The Irish minister said that we must respond sensitively to the situation.", "respond"),
        # support a state gives its own economy is policy at home
        (
            "The Chinese government has provided strong policy support to its enterprises, "
            "the ministry said.",
            "provided",
        ),
        # what someone has yet to do is not done
        (
            "Kang said the fact that Malaysia has yet to hand over the body of the North "
            "Korean national suggests that the Malaysian side is trying to conceal something.",
            "hand",
        ),
        # congratulations offered are no offer
        (
            "Many European leaders offered congratulatory messages to the Dutch prime "
            "minister, Mark Rutte, on Thursday.",
            "offered",
        ),
    ],
)
def test_publishing_duties_home_policy_pending_acts_and_greetings_are_no_events(
    nlp, text, trigger
) -> None:
    found = [e for e in events(nlp, text) if e.trigger.text == trigger]
    assert all((e.confidence or 0) < 0.75 for e in found), found


def test_a_finished_operation_dates_its_purpose_and_a_journey_addresses_its_end(nlp) -> None:
    text = "On Thursday, Syrian government troops completed their operation to seize Palmyra."
    found = [e for e in events(nlp, text) if e.trigger.text == "seize"]
    assert [e.date for e in found] == ["2017-03-02"]
    text = "North Korea sent a delegation to Malaysia to seek the return of the body."
    found = [e for e in events(nlp, text) if e.trigger.text == "seek"]
    assert [[a.country for a in e.target] for e in found] == [["MYS"]]


def test_business_people_the_knowledge_base_knows_are_still_business(nlp) -> None:
    text = "Rosneft chief Igor Sechin met Gazprom chief Alexei Miller in Moscow on Monday."
    assert confidence_of(nlp, text, "met") < 0.75
    text = "Rosneft chief Igor Sechin met President Nicolas Maduro in Caracas on Monday."
    assert confidence_of(nlp, text, "met") >= 0.75


def test_a_state_handing_someone_over_is_named_by_where_he_is_sent_from(nlp) -> None:
    text = "Alexander Lapshin was extradited to Baku from Minsk, a news portal reported Tuesday."
    found = [e for e in events(nlp, text) if e.trigger.text == "extradited"]
    assert [[a.country for a in e.source] for e in found] == [["BLR"]]


def test_the_parties_of_talks_between_two_are_not_who_began_them(nlp) -> None:
    text = (
        "The discussions between the White House and the bureau began with FBI Deputy "
        "Director Andrew McCabe and White House Chief of Staff Reince Priebus, a US official said."
    )
    found = [e for e in events(nlp, text) if e.trigger.text == "discussions"]
    assert not [e for e in found if any("McCabe" in a.name for a in e.target)], found


def test_a_body_named_by_its_owner_is_the_owners_countrys(nlp) -> None:
    text = (
        "British Prime Minister Theresa May rejected the plan on Monday. Nicola Sturgeon said "
        "that she had sought compromise with May's government."
    )
    found = [e for e in events(nlp, text) if e.trigger.text == "sought"]
    assert [[(a.country, a.sector) for a in e.target] for e in found] == [[("GBR", "GOV")]]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # no-comments in other words
        ("A Downing Street spokesman declined to expand on the letter on Monday.", "declined"),
        (
            "Sean Spicer said the tweet speaks for itself and declined to provide any further "
            "explanation on Monday.",
            "declined",
        ),
        # a passive 'met with' is a reception, not a meeting
        (
            "Nicola Sturgeon said she had sought compromise with the British government, but "
            "had been met with a brick wall of intransigence.",
            "met",
        ),
        # 'must be carried out' names no one who must act
        (
            "The Russian ambassador added that the denuclearization of the Korean Peninsula "
            "must be carried out within the framework of easing tensions.",
            "carried",
        ),
        # a pledge to undo someone's policy is made to no one
        (
            "President Donald Trump has called climate change a hoax and pledged to reverse "
            "Barack Obama's efforts to curb emissions.",
            "pledged",
        ),
        # how far a place is from a city says nothing of the city
        (
            "Visits to the site, some 30 miles from Krakow, were suspended while police dealt "
            "with the demonstrators.",
            "suspended",
        ),
        # attacking a law as a bailout is words
        (
            "Republicans, led by Senator Marco Rubio, attacked it as a bailout and lobbied "
            "against its funding.",
            "attacked",
        ),
    ],
)
def test_no_comments_receptions_impersonal_duties_and_words_are_no_events(
    nlp, text, trigger
) -> None:
    found = [e for e in events(nlp, text) if e.trigger.text == trigger]
    assert all((e.confidence or 0) < 0.75 for e in found), found


def test_a_pledge_to_work_with_someone_is_made_to_them(nlp) -> None:
    text = "US Secretary of State Rex Tillerson has pledged to work with the Beijing government."
    assert confidence_of(nlp, text, "pledged") >= 0.75


def test_once_puts_an_anecdote_long_ago(nlp) -> None:
    text = (
        "Actor Matthew Perry revealed Wednesday how he once beat Justin Trudeau up years "
        "before he became Canada's prime minister."
    )
    found = [e for e in events(nlp, text) if e.trigger.text == "beat"]
    assert found and all(e.date is None for e in found)


def test_who_is_asked_for_an_extradition_is_whom_the_person_comes_from(nlp) -> None:
    text = "Turkey is seeking Fethullah Gulen's extradition from the United States, he said."
    found = [e for e in events(nlp, text) if e.trigger.text == "seeking"]
    assert [[a.country for a in e.target] for e in found] == [["USA"]]


def test_a_title_owned_by_a_company_before_a_name_is_that_persons(nlp) -> None:
    text = "Vimeo's general counsel, Michael Cheah, spoke with Senator Ron Wyden on Monday."
    found = [e for e in events(nlp, text) if e.trigger.text == "spoke"]
    assert [[a.name for a in e.source] for e in found] == [["Michael Cheah"]]


def test_a_participle_clause_tells_what_was_done_to_the_subject(nlp) -> None:
    accused = (
        "In 2015, the Ukrainian filmmaker Oleg Sentsov went on trial in Russia, accused of "
        "plotting terrorist acts."
    )
    found = [e for e in events(nlp, accused) if e.trigger.text == "accused"]
    assert all("Oleg Sentsov" not in [a.name for a in e.source] for e in found), found
    backed = "Russian forces entered Aleppo on Monday, backed by Syrian government troops."
    found = [e for e in events(nlp, backed) if e.trigger.text == "backed"]
    assert [[a.country for a in e.target] for e in found] == [["RUS"]]
    assert [e.date for e in found] == ["2017-02-27"]


def test_an_anniversary_remembers_history_and_codes_no_event(nlp) -> None:
    text = (
        "A ceremony marking the 113th anniversary since the naval battle between the Japanese "
        "and Russian naval forces was held in the Yellow Sea on Thursday."
    )
    assert not [e for e in events(nlp, text) if e.trigger.text == "battle"]


def test_a_refusal_joined_to_pressure_answers_who_pressed(nlp) -> None:
    text = (
        "President Donald Trump has vowed to make Mexico pay for the wall, but Mexico has "
        "repeatedly refused."
    )
    found = [e for e in events(nlp, text) if e.trigger.text == "refused"]
    assert [[a.name for a in e.target] for e in found] == [["Donald Trump"]]


def test_whom_an_order_is_about_is_not_whom_it_is_given_to(nlp) -> None:
    text = "Donald Trump said that Barack Obama had ordered him to be wiretapped."
    found = [e for e in events(nlp, text) if e.trigger.text == "ordered"]
    assert all("Donald Trump" not in [a.name for a in e.target] for e in found), found


def test_a_day_after_the_occasion_dates_the_act_done_at_it(nlp) -> None:
    text = (
        "Nicola Sturgeon spoke in Glasgow. In a speech Tuesday, she accused the UK government "
        "of ignoring Scotland's views and failing to compromise as it prepares to trigger "
        "Article 50."
    )
    found = [e for e in events(nlp, text) if e.trigger.text == "accused"]
    assert [e.date for e in found] == ["2017-02-28"]


def test_a_country_someone_is_friendly_to_is_not_theirs(nlp) -> None:
    text = (
        "Taiwan prosecutors indicted the island's China-friendly former president, Ma "
        "Ying-jeou, over the alleged leaking of classified information."
    )
    found = [e for e in events(nlp, text) if e.trigger.text == "indicted"]
    assert found and all(a.country != "CHN" for e in found for a in e.target), found


def test_a_pronoun_that_names_the_target_too_is_not_the_source(nlp) -> None:
    text = (
        "South Sudan President Salva Kiir sacked his deputy last year. He accused the "
        "president and his cohorts of transforming the armed forces into a tribal army."
    )
    found = [e for e in events(nlp, text) if e.trigger.text == "accused"]
    assert all("Salva Kiir" not in [a.name for a in e.source] for e in found), found


def test_the_blame_goes_to_whom_it_is_put_on(nlp) -> None:
    text = "President Donald Trump blamed the botched raid on Yemen on U.S. generals."
    found = [e for e in events(nlp, text) if e.trigger.text == "blamed"]
    assert found and all(a.country != "YEM" for e in found for a in e.target), found
    assert [[a.country for a in e.target] for e in found] == [["USA"]]


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # acts listed in a pledge named by a noun
        (
            "Geert Wilders campaigned on pledges to close borders to migrants, close mosques, "
            "ban the Koran and take the Netherlands out of the EU.",
            "ban",
        ),
        # what orders attempt
        (
            "Trump has signed two executive orders attempting to prevent refugees from "
            "finding safe haven in the United States.",
            "prevent",
        ),
        # a court striking down a provision rules; it attacks no one
        (
            "The U.S. Supreme Court in 2013 struck down a key provision of the Voting Rights "
            "Act, the report said.",
            "struck",
        ),
        # holding back from criticism rejects no one, and criticises no one
        (
            "Mladenov called for strong international condemnation of the legislation but "
            "declined to criticise the US after President Donald Trump's administration "
            "refused to comment on it.",
            "declined",
        ),
        (
            "Mladenov called for strong international condemnation of the legislation but "
            "declined to criticise the US after President Donald Trump's administration "
            "refused to comment on it.",
            "criticise",
        ),
    ],
)
def test_pledged_attempted_ruled_and_held_back_acts_are_no_events(nlp, text, trigger) -> None:
    found = [e for e in events(nlp, text) if e.trigger.text == trigger]
    assert all((e.confidence or 0) < 0.75 for e in found), found


def test_a_battle_for_a_city_is_not_against_it(nlp) -> None:
    text = (
        "The Syrian Democratic Forces announced that they will launch the battle for Raqqa "
        "within two weeks."
    )
    found = [e for e in events(nlp, text) if e.trigger.text == "battle"]
    assert all(a.country != "SYR" for e in found for a in e.target), found


def test_opposing_a_hostile_act_of_someone_else_is_still_a_rejection(nlp) -> None:
    text = "China opposed the deployment of a US missile defence system to South Korea on Friday."
    assert confidence_of(nlp, text, "opposed") >= 0.75


def test_an_arranged_visit_in_the_present_tense_is_dated_its_day_to_come(nlp) -> None:
    # published Thursday 2017-03-02: 'on Friday' is the next day, told as an arrangement
    text = "Rex Tillerson travels to South Korea on Friday, before heading to China on Saturday."
    found = [e for e in events(nlp, text) if e.trigger.text == "travels"]
    assert [(e.date, e.modality) for e in found] == [("2017-03-03", "future")], found


def test_an_act_in_an_after_clause_is_not_dated_the_reported_day(nlp) -> None:
    text = (
        "His remarks came on Tuesday after Donald Trump requested a supplemental funding bill "
        "from Congress to include money for the wall."
    )
    found = [e for e in events(nlp, text) if e.trigger.text == "requested"]
    assert found and all(e.date is None for e in found), found


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        (
            "EU governments are choosing to tackle it by themselves rather than funding and "
            "equipping the bloc.",
            "funding",
        ),
        (
            "The German government sent envoys to Ankara instead of imposing sanctions on Turkey.",
            "imposing",
        ),
    ],
)
def test_the_alternative_set_aside_was_not_done(nlp, text, trigger) -> None:
    found = [e for e in events(nlp, text) if e.trigger.text == trigger]
    assert all((e.confidence or 0) < 0.75 for e in found), found


def test_an_adjective_made_a_second_subject_is_no_actor(nlp) -> None:
    text = (
        "Four months into the broad military operation, Iraq's largest in years, elite "
        "forces have retaken the eastern side of the city."
    )
    found = [e for e in events(nlp, text) if e.trigger.text == "retaken"]
    assert all("largest" not in a.name for e in found for a in e.source), found


def test_a_headline_passive_names_who_underwent_the_act_not_who_did_it(nlp) -> None:
    text = "One American killed in knife attack ATTACKER: A man from Somalia."
    found = [e for e in events(nlp, text) if e.trigger.text == "killed"]
    assert all(a.country != "USA" for e in found for a in e.source), found


def test_an_act_hours_before_the_reported_one_keeps_its_day(nlp) -> None:
    text = (
        "The broadside against the German chancellor came hours after the European Union "
        "urged the Turkish leader to halt inflammatory rhetoric."
    )
    found = [e for e in events(nlp, text) if e.trigger.text == "urged"]
    assert [e.date for e in found] == [PUBLISHED], found


@pytest.mark.parametrize(
    ("text", "trigger", "date"),
    [
        (
            "The crisis began in March 2011, when Syrian security forces arrested teenagers "
            "in Deraa.",
            "arrested",
            "2011-03",
        ),
        (
            "It was the worst prison massacre since Carandiru in 1992, when the Brazilian "
            "military police killed 111 prisoners.",
            "killed",
            "1992",
        ),
    ],
)
def test_a_when_clause_hung_on_a_time_is_history_of_that_time(nlp, text, trigger, date) -> None:
    found = [e for e in events(nlp, text) if e.trigger.text == trigger]
    assert [(e.date, e.confidence) for e in found] == [(date, 1.0)], found


def test_an_order_to_jail_someone_is_the_coercion_itself(nlp) -> None:
    text = (
        "A Turkish court ordered a journalist for Germany's Die Welt newspaper to be jailed "
        "pending a trial."
    )
    found = [e for e in events(nlp, text) if e.trigger.text == "ordered"]
    assert [(e.type, e.cameo) for e in found] == [("COERCE", "173")], found


@pytest.mark.parametrize(
    ("text", "trigger", "date"),
    [
        ("The gunman, Seifeddine Rezgui, was later shot dead by Tunisian police.", "shot", None),
        (
            "The Syrian government forces have destroyed 4,608 facilities of the Islamic State "
            "since the beginning of this year, Rudskoi said on Tuesday.",
            "destroyed",
            None,
        ),
        (
            "Trump was criticized by Democrats earlier in his term for a lack of diversity.",
            "criticized",
            None,
        ),
        (
            "Al-Shabab has been in decline since 2011, but still launches regular, deadly "
            "attacks against government targets in Mogadishu.",
            "attacks",
            None,
        ),
        # the day of an occasion still dates what follows it
        (
            "After talks in Moscow on Monday, Lavrov accused the United States of meddling.",
            "accused",
            "2017-02-27",
        ),
    ],
)
def test_acts_told_against_another_time_are_not_dated_today(nlp, text, trigger, date) -> None:
    found = [e for e in events(nlp, text) if e.trigger.text == trigger]
    assert found and [e.date for e in found] == [date], found


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        (
            "A State Department official sought to offer reassuring words, claiming that the "
            "refusal does not matter.",
            "offer",
        ),
        ("Mr Wilders said he was ready to offer tough opposition.", "offer"),
        (
            "While Beyonce was on stage killing it in a nine-minute performance, Jay Z was "
            "on the front row.",
            "killing",
        ),
    ],
)
def test_words_and_opposition_offered_and_a_triumph_are_no_events(nlp, text, trigger) -> None:
    found = [e for e in events(nlp, text) if e.trigger.text == trigger]
    assert all((e.confidence or 0) < 0.75 for e in found), found


@pytest.mark.parametrize(
    "text",
    [
        "The announcements fly in the face of UN Security Council resolution 2334, passed in "
        "December last year, which calls on Israel to immediately cease all settlement "
        "activities.",
        "The Bank Information Center report calls on the World Bank to support incentives "
        "for renewable energy.",
    ],
)
def test_what_a_standing_text_calls_for_is_not_dated_today(nlp, text) -> None:
    found = [e for e in events(nlp, text) if e.trigger.text == "calls"]
    assert found and all(e.date is None for e in found), found


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        (
            "In January, then-President-elect Trump conceded that the Russians were likely "
            "behind the hacking.",
            "conceded",
        ),
        (
            "Katie Walsh will join a nonprofit group supporting the President's agenda, the "
            "President's top aides said Thursday.",
            "supporting",
        ),
        (
            "China's efforts to explore overseas markets will hit an increasing number of "
            "snags, forcing the country to focus on innovation.",
            "forcing",
        ),
        (
            "Geert Wilders does this while promising the voters better elderly care and a hike "
            "in pensions.",
            "promising",
        ),
    ],
)
def test_admissions_stances_causes_and_campaign_promises_are_no_events(nlp, text, trigger):
    found = [e for e in events(nlp, text) if e.trigger.text == trigger]
    assert all((e.confidence or 0) < 0.75 for e in found), found


def test_a_possible_sentence_with_no_one_imposing_it_is_no_threat(nlp) -> None:
    text = "If found guilty, Navalny could be jailed for 15 days for staging an unauthorised rally."
    found = [e for e in events(nlp, text) if e.trigger.text == "jailed"]
    assert all(e.type != "THREATEN" and (e.confidence or 0) < 0.75 for e in found), found


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Thereafter, Modi invited leaders from the SAARC nations to his inauguration.", "invited"),
        (
            "China has closed more than 100 golf courses and ordered 507 others to make changes "
            "over the past five years.",
            "ordered",
        ),
    ],
)
def test_acts_told_after_others_or_over_years_are_not_dated_today(nlp, text, trigger) -> None:
    found = [e for e in events(nlp, text) if e.trigger.text == trigger]
    assert found and all(e.date is None for e in found), found


@pytest.mark.parametrize(
    "text",
    [
        "When Nigel Farage attacked the poorer quality of Eastern European migrants, this is "
        "what he had in mind.",
        "Donald Trump attacked the Democrats' health care strategy on Monday.",
    ],
)
def test_attacking_a_quality_or_a_strategy_is_criticism(nlp, text) -> None:
    found = [e for e in events(nlp, text) if e.trigger.text == "attacked"]
    assert found and all((e.type, e.cameo) == ("ACCUSE", "111") for e in found), found


def test_a_causative_have_makes_the_haver_the_source(nlp) -> None:
    text = "In May 2015, Kim Jong Un had his Defense Minister Hyon Yong Chol killed with an anti-aircraft gun."
    found = [e for e in events(nlp, text) if e.trigger.text == "killed"]
    assert [[a.name for a in e.source] for e in found] == [["Kim Jong Un"]], found
    assert all("Hyon" in a.name for e in found for a in e.target), found


def test_a_headline_shot_dead_with_no_object_names_no_shooter(nlp) -> None:
    text = (
        "Afghan special forces soldier shot dead inside Camp Shorab base in Helmand Province "
        "after allegedly carrying out attack."
    )
    found = [e for e in events(nlp, text) if e.trigger.text == "shot"]
    assert all(a.country != "AFG" for e in found for a in e.source), found


def test_troops_arriving_are_deployed_not_visiting(nlp) -> None:
    text = "Russian troops arrived in Belarus on Monday for joint exercises."
    found = [e for e in events(nlp, text) if e.trigger.text == "arrived"]
    assert [e.type for e in found] == ["MOBILIZE"], found


def test_an_act_in_a_past_when_clause_is_not_dated_today(nlp) -> None:
    text = (
        "When the Islamic State group deliberately destroyed cultural heritage sites in Syria "
        "and Iraq, it sparked an international outcry."
    )
    found = [e for e in events(nlp, text) if e.trigger.text == "destroyed"]
    assert found and all(e.date is None for e in found), found


def test_a_deployed_unit_named_by_its_sector_is_no_target(nlp) -> None:
    text = "The US has deployed approximately 100 Army Rangers in and around Manbij, Syria."
    found = [e for e in events(nlp, text) if e.trigger.text == "deployed"]
    assert found and all("Rangers" not in a.name for e in found for a in e.target), found


def test_praise_in_a_match_report_is_no_political_support(nlp) -> None:
    text = (
        "The Spaniard had been hailed as a tactical genius last month when his French "
        "champions stunned mighty Barca 4-0 in Paris."
    )
    found = [e for e in events(nlp, text) if e.trigger.text == "hailed"]
    assert all((e.confidence or 0) < 0.75 for e in found), found


def test_a_day_hung_on_the_act_beats_a_year_inside_a_name(nlp) -> None:
    text = (
        "On Friday, hundreds of thousands of Iranians rallied on the anniversary of the "
        "country's 1979 Islamic Revolution, carrying banners."
    )
    found = [e for e in events(nlp, text) if e.trigger.text == "rallied"]
    assert [e.date for e in found] == ["2017-02-24"], found


def test_a_perfect_over_a_since_clause_is_not_dated_today(nlp) -> None:
    text = (
        "The Dogan news agency says 66 Turkish troops have been killed in Syria since Turkey "
        "began its operations there last August to drive out IS."
    )
    found = [e for e in events(nlp, text) if e.trigger.text == "killed"]
    assert found and all(e.date is None for e in found), found


def test_advice_to_customers_is_no_political_request(nlp) -> None:
    text = (
        "The USDA urges customers who purchased the chicken to throw it out or return it to "
        "the place of purchase."
    )
    found = [e for e in events(nlp, text) if e.trigger.text == "urges"]
    assert all((e.confidence or 0) < 0.75 for e in found), found


def test_an_australian_is_one_person_not_the_country(nlp) -> None:
    text = (
        "An Australian born in Iran and of Iraqi-Kurdish heritage killed police worker Curtis "
        "Cheng in Sydney."
    )
    found = [e for e in events(nlp, text) if e.trigger.text == "killed"]
    assert found and all(a.entity != "country:AUS" for e in found for a in e.source), found
    assert all(a.country == "AUS" for e in found for a in e.source), found


def test_capturing_a_city_is_occupying_it_not_an_arrest(nlp) -> None:
    text = "Islamic State fighters captured Kirkuk last October after a night of fighting."
    found = [e for e in events(nlp, text) if e.trigger.text == "captured"]
    assert [e.cameo for e in found] == ["192"], found


def test_who_is_committed_to_something_is_the_source(nlp) -> None:
    text = "Wang Yi said that China was committed to the denuclearisation of the Korean peninsula."
    found = [e for e in events(nlp, text) if e.trigger.text == "committed"]
    assert found and all([a.country for a in e.source] == ["CHN"] for e in found), found
    assert all(a.country != "CHN" for e in found for a in e.target), found


def test_appealing_a_verdict_is_a_challenge_in_court_not_a_request(nlp) -> None:
    text = "Alexei Navalny is serving a suspended sentence, but has appealed the verdict."
    assert confidence_of(nlp, text, "appealed") < 0.75
    # guard: appealing a decision to a government asks that government
    text = "Shinzo Abe has said he will appeal that decision to the new administration."
    assert confidence_of(nlp, text, "appeal") >= 0.75


@pytest.mark.parametrize(
    ("text", "trigger", "target"),
    [
        (
            "The Dutch government cited security concerns over a proposed rally and withdrew "
            "landing rights for Turkey's foreign minister Mevlut Cavusoglu.",
            "withdrew",
            "TUR",
        ),
        ("Russia revoked the accreditation of two BBC journalists.", "revoked", None),
    ],
)
def test_rights_withdrawn_or_revoked_are_an_administrative_sanction(nlp, text, trigger, target):
    found = [e for e in events(nlp, text) if e.trigger.text == trigger]
    assert [(e.type, e.cameo) for e in found] == [("COERCE", "172")], found
    if target:
        assert [a.country for a in found[0].target] == [target], found


def test_a_vow_to_eliminate_someone_is_a_threat_not_a_promise(nlp) -> None:
    text = "Trump has repeatedly vowed to eliminate the Islamic State group but gave few details."
    found = [e for e in events(nlp, text) if e.trigger.text == "vowed"]
    assert [e.type for e in found] == ["THREATEN"], found


def test_a_capitalised_dateline_glued_to_a_sentence_is_no_target(nlp) -> None:
    text = (
        "Brazil fears shrinking exports. The United States and China have requested "
        "Brazilian authorities to launch an investigation against unscrupulous meat "
        "producers\nRIO DE JANEIRO, March 19. /TASS/. Exports may shrink."
    )
    found = [e for e in events(nlp, text) if e.trigger.text == "investigation"]
    assert all("JANEIRO" not in a.name for e in found for a in e.target), found


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # 'just' does not make a gap of days into hours
        (
            "The sailing comes just days after the defence secretary reaffirmed America's "
            "commitment to defending Japan.",
            "reaffirmed",
        ),
        # a time after 'until' ends a stretch; it is not the day of the act
        (
            "Later, a Moscow court extended the arrest of the executive Ivan Petrov until "
            "April 30.",
            "arrest",
        ),
        # a past act a report brings to light was done before the report
        (
            "Walker did confirm that he met with Lavrov in Geneva, however, in an interview "
            "with CNN on Thursday night.",
            "met",
        ),
    ],
)
def test_a_time_that_belongs_to_another_act_or_a_stretch_does_not_date_the_event(
    nlp, text, trigger
) -> None:
    found = [e for e in events(nlp, text) if e.trigger.text == trigger]
    assert found and all(e.date is None for e in found), found


def test_a_time_of_a_noun_after_of_dates_the_noun(nlp) -> None:
    # published Thursday 2017-03-02; 'the past week' is the deaths' time, not the inquiry's
    text = (
        "The US military command said it is investigating the deaths of 200 civilians in "
        "Mosul of the past week."
    )
    found = [e for e in events(nlp, text) if e.trigger.text == "investigating"]
    assert found and all(e.date in (None, PUBLISHED) for e in found), found


def test_a_report_s_own_time_still_dates_an_act_told_as_news(nlp) -> None:
    # the rules above leave the plain case alone
    text = "On Tuesday, Turkish troops attacked Kurdish fighters near Afrin."
    found = [e for e in events(nlp, text) if e.trigger.text == "attacked"]
    assert [e.date for e in found] == ["2017-02-28"], found


@pytest.mark.parametrize(
    "text",
    [
        "Russia deployed Bastion and Bal coastal defense missile systems on the Kuril Islands.",
        "Russia deployed Iskander missiles in Kaliningrad.",
    ],
)
def test_what_is_deployed_is_the_deployers_own_not_a_target(nlp, text) -> None:
    found = [e for e in events(nlp, text) if e.trigger.text == "deployed"]
    assert found and all(not e.target for e in found), found
    assert all(a.country == "RUS" for e in found for a in e.source), found


def test_a_government_does_not_target_its_own_country_as_a_whole(nlp) -> None:
    text = (
        "Donald Trump has repeatedly complained that the U.S. provides the lion's share of "
        "funding for the alliance."
    )
    found = [e for e in events(nlp, text) if e.trigger.text == "complained"]
    assert found and all(a.country != "USA" for e in found for a in e.target), found
    other = "Russian President Vladimir Putin accused Ukraine of provocations on Friday."
    found = [e for e in events(nlp, other) if e.trigger.text == "accused"]
    assert [a.country for e in found for a in e.target] == ["UKR"], found
    # a person of the same country is still a target
    person = "Hungarian Prime Minister Viktor Orban criticised George Soros on Friday."
    found = [e for e in events(nlp, person) if e.trigger.text == "criticised"]
    assert [a.name for e in found for a in e.target] == ["George Soros"], found


def test_a_glued_subheading_is_no_clause(nlp) -> None:
    text = (
        "Seeking common ground The government in Athens has been trying to allay fears of a "
        "default."
    )
    assert not [e for e in events(nlp, text) if e.trigger.text == "Seeking"]
    plain = "Seeking common ground, the government in Athens asked its creditors for talks."
    assert [e.trigger.text for e in events(nlp, plain) if e.trigger.text == "asked"]


def test_a_listed_record_is_not_dated_the_day_it_is_told(nlp) -> None:
    text = (
        "The senator is a consummate blame artist. He blamed the governor for the floods. "
        "He blamed Obama for the deficit. He blamed the Labor Department for the jobless "
        "figures. He blamed Mexico for the border."
    )
    found = [e for e in events(nlp, text) if e.trigger.text == "blamed"]
    assert len(found) >= 3 and all(e.date is None for e in found), found
    # two acts told one after the other are no list: today's news keeps its day
    news = (
        "Senator Smith blamed Obama for the deficit. Senator Smith criticised the Labor Department."
    )
    found = [e for e in events(nlp, news) if e.trigger.text == "blamed"]
    assert [e.date for e in found] == [PUBLISHED], found


def test_an_act_in_a_relative_clause_on_a_day_takes_that_day(nlp) -> None:
    text = (
        "Flynn and the ambassador spoke by phone on Dec. 29 -- the day the Obama "
        "administration imposed sanctions on Russia for its interference in the election."
    )
    found = [e for e in events(nlp, text) if e.trigger.text == "sanctions"]
    assert [e.date for e in found] == ["2016-12-29"], found


def test_a_bare_the_month_dates_nothing_by_itself(nlp) -> None:
    text = (
        "The talks collapsed in March 2015, the month Saudi Arabia launched air strikes on Yemen."
    )
    found = [e for e in events(nlp, text) if e.trigger.text == "strikes"]
    assert found and all(e.date != "2017-03" for e in found), found


def test_at_the_weekend_is_still_the_present(nlp) -> None:
    text = (
        "The Turkish foreign minister has demanded answers from the Dutch government over why "
        "it blocked him from a rally at the weekend."
    )
    found = [e for e in events(nlp, text) if e.trigger.text == "demanded"]
    assert [e.date for e in found] == [PUBLISHED], found


def test_a_time_inside_the_first_of_two_clauses_does_not_date_the_second(nlp) -> None:
    text = (
        "Israel annexed East Jerusalem in 1967 and the Golan Heights in 1981, and in their "
        "meeting Netanyahu asked Trump to recognise these actions."
    )
    found = [e for e in events(nlp, text) if e.trigger.text == "asked"]
    assert found and all(e.date != "1967" for e in found), found
    both = "On Monday, Russia attacked rebel positions and Ukraine condemned the strikes."
    found = [e for e in events(nlp, both) if e.trigger.text == "condemned"]
    assert [e.date for e in found] == ["2017-02-27"], found


def test_words_in_a_dated_message_take_its_date(nlp) -> None:
    text = (
        "Trump was asked about a December tweet in which he said the United States must "
        "greatly strengthen and expand its nuclear capacity."
    )
    found = [e for e in events(nlp, text) if e.trigger.text == "strengthen"]
    assert found and all(e.date == "2016-12" for e in found), found


def test_a_day_of_an_occasion_told_elsewhere_is_not_today(nlp) -> None:
    text = (
        "Netanyahu met with Bishop on the last day of his visit and sought Australia's "
        "support in preventing investigations."
    )
    found = [e for e in events(nlp, text) if e.trigger.text in ("met", "sought")]
    assert found and all(e.date is None for e in found), found


def test_an_envoy_is_not_of_the_country_he_is_sent_to(nlp) -> None:
    text = "Jeff Sessions met with Russia's ambassador to the United States, Sergey Kislyak."
    found = [e for e in events(nlp, text) if e.trigger.text == "met"]
    assert [a.country for e in found for a in e.target] == ["RUS"], found
    text = "The US ambassador to Russia, John Tefft, met Sergey Lavrov on Monday."
    found = [e for e in events(nlp, text) if e.trigger.text == "met"]
    assert [a.country for e in found for a in e.source] == ["USA"], found


def test_a_text_acts_for_its_named_author_or_is_doubted(nlp) -> None:
    text = "The letter also thanked Xi for his congratulatory message on the inauguration."
    found = [e for e in events(nlp, text) if e.trigger.text == "thanked"]
    assert found and all((e.confidence or 0) < 0.75 for e in found), found
    owned = "Trump's letter also thanked Xi for his congratulatory message on the inauguration."
    found = [e for e in events(nlp, owned) if e.trigger.text == "thanked"]
    assert [a.name for e in found for a in e.source] == ["Donald Trump"], found


def test_missiles_blasted_are_fired_not_criticised(nlp) -> None:
    text = "Pyongyang blasted at least four missiles across the ocean towards Japan on Monday."
    found = [e for e in events(nlp, text) if e.trigger.text == "blasted" and e.type == "ACCUSE"]
    assert all((e.confidence or 0) < 0.75 for e in found), found


def test_a_sea_named_for_a_country_is_no_side(nlp) -> None:
    text = "North Korea shot off four ballistic missiles into the Sea of Japan on Monday."
    found = [e for e in events(nlp, text) if e.trigger.text == "shot"]
    assert all(a.country != "JPN" for e in found for a in e.target), found


def test_a_name_after_a_title_with_of_is_the_actor(nlp) -> None:
    text = "US Secretary of State Rex Tillerson called for a new approach toward North Korea."
    found = [e for e in events(nlp, text) if e.trigger.text == "called"]
    assert [a.entity for e in found for a in e.source] == ["ng:person:rex-tillerson"], found
    # a glued dateline bracket before the title is split off
    glued = "(CNN)US Secretary of State Rex Tillerson called for a new approach toward Iran."
    found = [e for e in events(nlp, glued) if e.trigger.text == "called"]
    assert [a.name for e in found for a in e.source] == ["Rex Tillerson"], found


def test_a_time_inside_a_since_phrase_begins_a_stretch(nlp) -> None:
    text = (
        "Since the launch in 2014 of a military operation in North Waziristan, the Pakistani "
        "military says it has killed more than 3,500 fighters."
    )
    found = [e for e in events(nlp, text) if e.trigger.text == "killed"]
    assert found and all(e.date is None for e in found), found


def test_a_past_relative_clause_on_a_person_is_background(nlp) -> None:
    text = (
        "The reports list schools linked to the network of the cleric Fethullah Gulen, who "
        "denounced the coup attempt and denied any involvement."
    )
    found = [e for e in events(nlp, text) if e.trigger.text in ("denounced", "denied")]
    assert found and all(e.date is None for e in found), found


def test_an_opposition_acts_against_its_own_government(nlp) -> None:
    text = "The Turkish opposition accuses the government of restricting campaigning."
    found = [e for e in events(nlp, text) if e.trigger.text == "accuses"]
    assert [(a.country, a.sector) for e in found for a in e.target] == [("TUR", "GOV")], found


@pytest.mark.parametrize(
    ("text", "trigger", "country"),
    [
        ("Russian jets bombed rebel positions in Idlib on Wednesday.", "bombed", "RUS"),
        ("US drones killed three al-Shabab militants in Somalia.", "killed", "USA"),
    ],
)
def test_war_craft_as_subject_stand_for_their_force(nlp, text, trigger, country) -> None:
    found = [e for e in events(nlp, text) if e.trigger.text == trigger]
    assert found and all((e.confidence or 0) >= 0.75 for e in found), found
    assert [a.country for e in found for a in e.source] == [country], found


def test_a_thing_as_subject_is_still_doubted(nlp) -> None:
    found = [e for e in events(nlp, "Chinese investment declined sharply last year.")]
    assert all((e.confidence or 0) < 0.75 for e in found), found


def test_a_clause_joined_to_history_is_history(nlp) -> None:
    text = (
        "When the ministry appealed, the Supreme Court rejected the motion and in August 2015 "
        "expanded its order."
    )
    found = [e for e in events(nlp, text) if e.trigger.text == "rejected"]
    assert found and all(e.date is None for e in found), found
    news = "Russia condemned the attack and on Monday recalled its ambassador."
    found = [e for e in events(nlp, news) if e.trigger.text == "condemned"]
    assert [e.date for e in found] == [PUBLISHED], found


def test_a_noun_describing_a_side_is_no_second_side(nlp) -> None:
    text = (
        "The US has sought to pressure China, North Korea's main trading partner and historic "
        "ally, to use its influence."
    )
    found = [e for e in events(nlp, text) if e.trigger.text == "pressure"]
    assert [a.country for e in found for a in e.target] == ["CHN"], found
    listed = "The EU imposed sanctions on Russia, Iran and Syria on Monday."
    found = [e for e in events(nlp, listed) if e.trigger.text == "sanctions"]
    assert [a.country for e in found for a in e.target] == ["RUS", "IRN", "SYR"], found


def test_a_possible_passive_is_a_fear_not_a_threat(nlp) -> None:
    text = "They say their new friends could be killed by Taliban back home."
    found = [e for e in events(nlp, text) if e.trigger.text == "killed"]
    assert all(e.type != "THREATEN" or (e.confidence or 0) < 0.75 for e in found), found


def test_a_trip_at_home_is_no_visit(nlp) -> None:
    found = [e for e in events(nlp, "Trump will fly to Florida for the weekend.")]
    assert all((e.confidence or 0) < 0.75 for e in found), found
    abroad = "Merkel will fly to Washington to meet Trump."
    found = [e for e in events(nlp, abroad) if e.trigger.text == "fly"]
    assert found and all((e.confidence or 0) >= 0.75 for e in found), found


def test_advice_to_households_is_no_political_request(nlp) -> None:
    found = [e for e in events(nlp, "The USDA urged households to throw out the meat.")]
    assert all((e.confidence or 0) < 0.75 for e in found), found


def test_a_headline_participle_of_judging_names_no_judge(nlp) -> None:
    text = "Dhaka criticised for forced return of Rohingya refugees."
    found = [e for e in events(nlp, text) if e.trigger.text == "criticised"]
    assert all(a.country != "BGD" for e in found for a in e.source), found
    plain = "Republicans criticised Obama for his policy on Friday."
    found = [e for e in events(nlp, plain) if e.trigger.text == "criticised"]
    assert [a.name for e in found for a in e.target] == ["Barack Obama"], found


def test_a_timeline_dates_no_step_the_day_it_is_published() -> None:
    import json
    import tempfile
    from pathlib import Path

    import newsgraph

    text = (
        "Washington state Attorney General Bob Ferguson filed a lawsuit against the "
        "Trump administration in a federal court in Seattle."
    )
    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "in.jsonl"
        for title in ("A Timeline of the Travel Ban", "State sues over travel ban"):
            row = {"id": "t", "text": text, "published": PUBLISHED, "title": title}
            path.write_text(json.dumps(row) + "\n", encoding="utf-8")
            for article in newsgraph.extract(str(path), workers=1):
                found = [e.date for e in article.events if e.trigger.text == "lawsuit"]
                out[title] = found
    assert out["A Timeline of the Travel Ban"] == [None], out
    assert out["State sues over travel ban"] == [PUBLISHED], out


def test_the_name_of_a_building_is_no_side(nlp) -> None:
    text = "Islamists bombed the famous Shah Noorani shrine in the Lasbela district on Monday."
    found = [e for e in events(nlp, text) if e.trigger.text == "bombed"]
    assert found and all(not e.target for e in found), found
    owned = "Militants attacked the Russian embassy in Kabul on Monday."
    found = [e for e in events(nlp, owned) if e.trigger.text == "attacked"]
    assert [a.country for e in found for a in e.target] == ["RUS"], found


def test_a_side_names_one_actor_once(nlp) -> None:
    text = (
        "Iraqi forces said they killed the commander of Islamic State of Iraq and the Levant "
        "(ISIL) in Mosul on Monday."
    )
    found = [e for e in events(nlp, text) if e.trigger.text == "killed"]
    assert found and all(len(e.target) == 1 for e in found), found


@pytest.mark.parametrize(
    ("text", "demand"),
    [
        ("Malaysia Airports insisted in a statement that the airport was safe.", False),
        ("Sturgeon insisted on Friday that Scotland be given a choice.", True),
    ],
)
def test_insisting_on_a_fact_is_a_claim_and_on_a_subjunctive_a_demand(nlp, text, demand) -> None:
    found = [e for e in events(nlp, text) if e.trigger.text == "insisted"]
    if demand:
        assert found and all((e.confidence or 0) >= 0.75 for e in found), found
    else:
        assert all((e.confidence or 0) < 0.75 for e in found), found
