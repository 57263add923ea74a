"""Numeric claims: numbers, units, ranges, approximations and changes found in the text
(``scan``), checked against the parse (``find_claims``), and the NewsQuant quality gate."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import ROOT, shared_path
from newsgraph.extractors.claims import find_claims, title_claims
from newsgraph.extractors.claims.scan import scan
from newsgraph.records import Entity, Mention, Quote, Speaker, TimeExpr


def values(text: str) -> list[tuple[object, str | None, str]]:
    return [(f.value, f.unit, f.approx) for f in scan(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a $800 million deal", [(800_000_000.0, "USD", "=")]),
        ("up to $8 million", [(8_000_000.0, "USD", "<=")]),
        ("about 127 gigatonnes of ice", [(127.0, "gigaton", "~")]),
        ("more than 60% of its value", [(60.0, "percent", ">")]),
        ("a 0.6 per cent fee", [(0.6, "percent", "=")]),
        ("an PS8.1bn takeover", [(8_100_000_000.0, "GBP", "=")]),
        ("HK $3.7 billion (US $473 million)", [(3.7e9, "HKD", "="), (4.73e8, "USD", "=")]),
        ("9 billion shekels", [(9e9, "ILS", "=")]),
        ("800,000 barrels a day", [(800_000.0, "barrel per day", "=")]),
        ("between $48,000 and $90,000 a year", [((48_000.0, 90_000.0), "USD per year", "=")]),
        ("from $10 to $15 billion", [((1e10, 1.5e10), "USD", "=")]),
        ("sub-7 nanometer chips", [(7.0, "nanometre", "<")]),
        ("a 15 year-old", [(15.0, "years old", "=")]),
        ("Stoxx 50 -1.3%", [(50.0, None, "="), (-1.3, "percent", "=")]),
        ("at 110 JPY to the dollar", [(110.0, "JPY", "=")]),
        ("a 5 W charger", [(5.0, "watt", "=")]),
        ("Gant (0.5 WAR), Reyes", [(0.5, "WAR", "=")]),
        ("At 118.5p, its shares", [(118.5, "penny", "=")]),
        ("Nearly two-thirds of the sales", [(2 / 3, "fraction", "~")]),
        ("One out of three Germans", [(1 / 3, "fraction", "=")]),
        ("just one of four concepts", [(0.25, "fraction", "=")]),
        ("1/16 of a pint", [(1 / 16, "fraction", "=")]),
        ("repaired dozens of vehicles", [(12.0, None, "=")]),
        ("a 200,000 to-260,000 year-old skull", [((200_000.0, 260_000.0), "years old", "=")]),
    ],
)
def test_scan_reads_value_unit_and_approximation(text, expected) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "on February 11 this year",
        "at 10.45pm last night",
        "the 22nd amendment",
        "the TA-35 index",
        "it ended 2-2",
        "a third term",
    ],
)
def test_scan_leaves_out_dates_times_ordinals_names_and_scores(text) -> None:
    assert [f for f in scan(text) if not f.year_like] == []


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        (
            "plummeted from $36,040 at 10.45pm last night to $34,935 at 5am",
            (34_935.0, 36_040.0),
            "USD",
        ),
        ("volume narrowed to 138,285 lots from 212,577 lots", (138_285.0, 212_577.0), None),
        ("from 20 miles per gallon in 2008 to 29 mpg", (20.0, 29.0), "mile per gallon"),
    ],
)
def test_scan_joins_from_and_to_over_a_few_words(text, value, unit) -> None:
    ranges = [f for f in scan(text) if isinstance(f.value, tuple)]
    assert [(f.value, f.unit) for f in ranges] == [(value, unit)]


def test_scan_reads_no_share_in_quarters_of_a_year_and_no_minus_in_a_name() -> None:
    assert all(f.unit != "fraction" for f in scan("in the first three quarters of 2016"))
    assert [f.value for f in scan("thousands of COVID -19 tests")] == [(1000.0, 10000.0)]


def test_scan_keeps_ranges_apart_across_sentences() -> None:
    text = "It rose from $5 in May. Prices went to $9 in June."
    assert not any(isinstance(f.value, tuple) for f in scan(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Temperatures reached 41C in Seville", [(41.0, "celsius", "=")]),
        ("a low of -3\u00b0C overnight", [(-3.0, "celsius", "=")]),
        ("about 1 in 5 children", [(0.2, "fraction", "~")]),
        ("one in four adults", [(0.25, "fraction", "=")]),
        ("output fell by a fifth", [(0.2, "fraction", "=")]),
        ("prices will rise by 2-3% next year", [((2.0, 3.0), "percent", "=")]),
        ("women aged 25 to 54", [((25.0, 54.0), "years old", "=")]),
        ("gold rose $12 to $1,950 an ounce", [(12.0, "USD", "="), (1950.0, "USD per ounce", "=")]),
        ("a profit of $1.2 million a year earlier", [(1_200_000.0, "USD", "=")]),
        ("$1bn a year on schools", [(1e9, "USD per year", "=")]),
    ],
)
def test_scan_general_forms(text, expected) -> None:
    """Invented sentences: glued temperatures, "1 in 5" shares, "by a fifth", a hyphen
    range after "by", ages, a change then its level, and "a year earlier" as no rate."""
    assert values(text) == expected


@pytest.mark.parametrize("text", ["she scored 2 in 10 minutes", "1 in 2019", "rose 5% to 7%"])
def test_scan_no_share_or_broken_range(text) -> None:
    found = scan(text)
    assert all(f.unit != "fraction" for f in found)
    if "rose" in text:
        assert isinstance(found[0].value, tuple)  # ends of one size after a verb: a range


def test_scan_marks_bare_years() -> None:
    (found,) = scan("since June of 2018")
    assert found.year_like


def claims_of(nlp, text: str, **kwargs):
    return find_claims(nlp(text), **kwargs)


def test_changes_and_counted_nouns(nlp) -> None:
    text = "Nvidia advanced 8%, while the Nasdaq Composite slid 1.1% to 7,000 points and 200 workers left."
    found = {c.text: c for c in claims_of(nlp, text)}
    assert found["8%"].change == "up" and found["8%"].unit == "percent"
    assert found["1.1%"].change == "down"
    assert found["7,000 points"].change is None and found["7,000 points"].value == 7000.0
    assert found["200"].unit == "worker"


def test_unit_carried_only_to_a_figure_of_the_same_size(nlp) -> None:
    text = (
        "The Dow fell 557 points, or 2.1%, to 25,766. It was 84.75 cents, while the low is 74.07."
    )
    found = {c.text: c for c in claims_of(nlp, text)}
    assert found["25,766"].unit is None  # not "percent": another measure
    assert found["74.07"].unit == "cent"  # the unit not repeated for a figure of one size


def test_counted_noun_after_a_glued_multiplier_and_no_noun_change(nlp) -> None:
    text = "Almost 2m people have been vaccinated. The rally drew tens of thousands of people."
    found = {c.text: c for c in claims_of(nlp, text)}
    assert found["2m"].unit == "persons" and found["2m"].approx == "~"
    assert found["tens of thousands"].change is None  # "the rally": a noun, not "rallied"
    (quake,) = claims_of(nlp, "The 5.4-magnitude earthquake struck.")
    assert quake.unit == "magnitude"


def test_a_label_before_a_counted_noun_is_no_count(nlp) -> None:
    text = "The city entered Level 4 restrictions after a crash near junction 10 hurt 12 people."
    assert [(c.value, c.unit) for c in claims_of(nlp, text)] == [(12.0, "persons")]


def test_a_figure_the_parser_calls_a_date_and_index_names(nlp) -> None:
    text = "The TA-125 lost 1.1% to end at 1,334.20, and the sp 500 was down 2.1%."
    found = {c.text: c for c in claims_of(nlp, text)}
    assert 1334.2 in {c.value for c in found.values()}
    assert 500.0 not in {c.value for c in found.values()}


def test_names_dates_and_titles_are_not_claims(nlp) -> None:
    text = "Apple showed the iPhone 11 at the Euro 2020 event on September 10, 2019."
    assert claims_of(nlp, text) == ()


def test_every_offset_is_the_evidence(nlp) -> None:
    text = (
        "Standfirst line with 23.75%\n\nThe Dow lost 190 points, or 0.6%. About 300 people "
        "and some 1.2m tons of ore were counted, up from 50 per cent in 2018."
    )
    claims = claims_of(nlp, text)
    assert len(claims) >= 5
    for c in claims:
        assert c.start is not None and c.end is not None
        assert text[c.start : c.end] == c.text
        assert c.sentence is not None and c.sentence.start <= c.start < c.end <= c.sentence.end
    assert claims[0].part == "lead" and all(c.part == "body" for c in claims[1:])
    by_text = {c.text: c for c in claims}
    assert by_text["0.6%"].change == "down"  # "lost 190 points, or 0.6%"
    assert by_text["300"].unit == "persons" and by_text["300"].approx == "~"


def test_subject_attribution_and_time(nlp) -> None:
    text = 'Macron won 24% of the vote on Sunday. "We got 30 percent," Peskov said.'
    doc = nlp(text)
    start = text.index("Macron")
    macron = Entity(
        "Q3052772", "Emmanuel Macron", "PERSON", "FRA", (Mention(start, start + 6, "Macron"),)
    )

    def resolve(s: int, e: int) -> Speaker | None:
        if s <= start < e:
            return Speaker(macron.id, macron.name, s, e, text[s:e])
        return None

    q0 = text.index('"We')
    quote = Quote(
        q0 + 1, text.index(',"'), "We got 30 percent", True, "said", Speaker(None, "Peskov")
    )
    sunday = text.index("on Sunday")
    times = (TimeExpr(sunday, sunday + 9, "on Sunday", "2017-04-23"),)
    first, second = find_claims(doc, times=times, quotes=(quote,), resolve=resolve, outlet="TASS")
    assert first.subject is not None and first.subject.entity == "Q3052772"
    assert first.measure == "vote" and first.time == "2017-04-23"
    assert first.attribution is not None and first.attribution.kind == "outlet"
    assert first.attribution.name == "TASS"
    assert second.attribution is not None and second.attribution.kind == "quote"
    assert second.attribution.name == "Peskov" and second.attribution.quote == 0


def test_title_claims_offsets_into_the_title() -> None:
    title = "Le Pen scores 21.4% as Macron leads"
    lepen = Entity("Q12927", "Marine Le Pen", "PERSON", "FRA", (Mention(0, 6, "Le Pen"),))
    (claim,) = title_claims(title, entities=(lepen,), outlet="TASS")
    assert claim.start is None and claim.end is None and claim.part == "title"
    assert claim.title_start is not None and claim.title_end is not None
    assert title[claim.title_start : claim.title_end] == "21.4%"
    assert claim.subject is not None and claim.subject.entity == "Q12927"


@pytest.mark.eval
def test_newsquant_dev_gate() -> None:
    """NewsQuant dev through the whole pipeline (issue 15 targets on the whole file:
    value F1 >= 0.85, value+unit >= 0.70, value+change >= 0.70; quantulum3 0.727/0.444)."""
    shared_path("data", "claims", "newsquant_dev.json")
    out = subprocess.run(
        [sys.executable, str(ROOT / "eval" / "claims_eval.py"), "--json"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    res = json.loads(out)
    whole, held = res["newsgraph all"], res["newsgraph held-out"]
    assert whole["value_f1"] >= 0.90  # measured 0.936
    assert whole["value_unit_f1"] >= 0.70
    assert whole["value_change_f1"] >= 0.70
    assert held["value_f1"] >= 0.84  # the part never tuned on (measured 0.854; target 0.85)
    assert held["value_unit_f1"] >= 0.70 and held["value_change_f1"] >= 0.70


def test_wire_multipliers_and_dotted_dates() -> None:
    assert values("a total price over 1 bln euro") == [(1e9, "EUR", ">")]
    assert values("3.5 mln tonnes") == [(3.5e6, "metric ton", "=")]
    assert values("(27.12.2016) Russia said") == []


def test_a_nationality_is_no_subject() -> None:
    from newsgraph.extractors.claims_tone_steps import _actors_only

    class Layer:
        kinds = {"q1": "PERSON", "n1": "NORP"}

        def resolve(self, start: int, end: int) -> Speaker:
            return Speaker("q1" if start == 0 else "n1", "someone")

        def entity(self, entity_id: str) -> Entity:
            return Entity(entity_id, "someone", self.kinds[entity_id])

    resolve = _actors_only(Layer())
    assert resolve(0, 5) is not None and resolve(0, 5).entity == "q1"
    assert resolve(3, 9) is None  # "Chinese businesses": no one in particular
