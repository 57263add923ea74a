"""CAMEO actor codes converted from the Phoenix dictionaries (newsgraph.kb.actor_codes)."""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from importlib import resources

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import ROOT, shared_path
from newsgraph.kb.actor_codes import (
    ActorCode,
    adjective_country,
    agent_sector,
    capital_country,
    code_phrase,
    country_code,
    normalise,
    organisation,
    place_country,
)

DATA = resources.files("newsgraph.kb").joinpath("data")


def shipped() -> dict[str, dict[str, object]]:
    return json.loads(DATA.joinpath("cameo_actors.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("phrase", "code", "country", "sector"),
    [
        ("Iraqi President Saddam Hussein", "IRQGOV", "IRQ", "GOV"),
        ("Jordanian police", "JORCOP", "JOR", "COP"),
        ("Israeli troops", "ISRMIL", "ISR", "MIL"),
        ("UN peacekeepers", "IGOUNO", "IGO", "MIL"),
        ("the rebels", "REB", None, "REB"),
        ("protesters in Cairo", "EGYOPP", "EGY", "OPP"),
        ("Moscow", "RUSGOV", "RUS", "GOV"),
        ("Amman", "JORGOV", "JOR", "GOV"),
        ("in Amman", "JOR", "JOR", None),
        ("Russia", "RUS", "RUS", None),
        ("the United States", "USA", "USA", None),
        ("US", "USA", "USA", None),
        ("U.S. officials", "USAGOV", "USA", "GOV"),
        ("Iraqi troops in Kuwait", "IRQMIL", "IRQ", "MIL"),
        ("Iraq's foreign minister", "IRQGOV", "IRQ", "GOV"),
        ("Israeli spokesman", "ISRGOV", "ISR", "GOV"),
        ("King of Jordan", "JORGOV", "JOR", "GOV"),
        ("the UN Security Council", "IGOUNO", "IGO", None),
        ("NATO", "IGOWSTNAT", "IGO", None),
        ("European Community", "IGOEUREEC", "IGO", None),
        ("the Kremlin", "RUSGOV", "RUS", "GOV"),
        ("Hamas militants", "PSEREBHMS", "PSE", "REB"),
        ("Greek-Cypriot", "GRC", "GRC", None),
        ("Turkish", "TUR", "TUR", None),
        ("Democratic People's Republic of Korea", "PRK", "PRK", None),
        # what a group is against is not the group
        ("anti-government protesters", "OPP", None, "OPP"),
        ("anti-Kremlin activists", "OPP", None, "OPP"),
        ("anti-government forces", "REB", None, "REB"),
    ],
)
def test_code_phrase_codes_like_an_event_coder(
    phrase: str, code: str, country: str | None, sector: str | None
) -> None:
    found = code_phrase(phrase)
    assert found is not None, phrase
    assert (found.code, found.country, found.sector) == (code, country, sector)


@pytest.mark.parametrize(
    "phrase",
    [
        "consensus",
        "target",
        "move",
        "strings",
        "resolution",
        "vast majority",
        "October 7",
        "it",
        "we",
        "us",
        "their",
        "Saturday",
        "2017",
        "",
        "   ",
        "diplomatic",
        "Reading",
        "Victoria",
    ],
)
def test_code_phrase_is_none_for_non_actors(phrase: str) -> None:
    assert code_phrase(phrase) is None


def test_organisation_longest_match_and_spellings() -> None:
    council = organisation("the UN Security Council")
    assert council == organisation("UN Security Council")
    assert council is not None and council.code == "IGOUNO" and council.country == "IGO"
    for name in ("U.N.", "UN", "the United Nations"):
        found = organisation(name)
        assert found is not None and found.code == "IGOUNO", name
    assert organisation("the Arab League") == ActorCode("IGOMEAARL", "IGO", None, "Arab League")
    iaea = organisation("IAEA inspectors")
    assert iaea is not None and iaea.code.startswith("IGOUNO")
    red_cross = organisation("Red Cross")
    assert red_cross is not None and red_cross.code.startswith("NGO") and red_cross.country is None
    assert organisation("European Union") == organisation("EU")
    taliban = organisation("Taliban")
    assert taliban is not None and taliban.country == "AFG" and taliban.sector == "REB"
    assert organisation("consensus") is None


def test_place_capital_adjective_country_lookups() -> None:
    assert place_country("Amman") == "JOR"
    assert place_country("the Hague") == "NLD"
    assert place_country("BASRA") == "IRQ"
    assert place_country("São Paulo") == "BRA"
    assert place_country("Russia") == "RUS"  # a country is a place too
    assert capital_country("Moscow") == "RUS"
    assert capital_country("Basra") is None
    assert adjective_country("Iraqi") == adjective_country("Iraqis") == "IRQ"
    assert adjective_country("Jordanian") == "JOR"
    assert adjective_country("Turkish") == "TUR"
    assert adjective_country("Greek") == "GRC"
    assert country_code("Russia") == "RUS"
    assert country_code("the United States") == country_code("U.S.") == "USA"
    assert country_code("Britain") == country_code("the UK") == "GBR"
    assert country_code("Georgia") == "GEO"  # the country, as CAMEO codes it
    assert country_code("Congo") is None  # two countries: dropped


@pytest.mark.parametrize(
    ("noun", "sector"),
    [
        ("police", "COP"),
        ("policemen", "COP"),
        ("troops", "MIL"),
        ("soldiers", "MIL"),
        ("army", "MIL"),
        ("military", "MIL"),
        ("rebels", "REB"),
        ("insurgents", "REB"),
        ("militants", "UAF"),
        ("protesters", "OPP"),
        ("demonstrators", "OPP"),
        ("opposition", "OPP"),
        ("government", "GOV"),
        ("ministry", "GOV"),
        ("ministries", "GOV"),
        ("foreign minister", "GOV"),
        ("spokesman", "GOV"),
        ("officials", "GOV"),
        ("court", "JUD"),
        ("judge", "JUD"),
        ("journalists", "MED"),
        ("media", "MED"),
        ("businessmen", "BUS"),
        ("company", "BUS"),
        ("students", "EDU"),
        ("civilians", "CVL"),
    ],
)
def test_agent_sector(noun: str, sector: str) -> None:
    assert agent_sector(noun) == sector
    assert agent_sector(noun.upper()) == sector


def test_shipped_tables_are_well_formed() -> None:
    data = shipped()
    iso3 = re.compile(r"^[A-Z]{3}$")
    for table in ("places", "capitals", "countries", "adjectives"):
        assert len(data[table]) > 100, table
        for name, country in data[table].items():
            assert isinstance(country, str) and iso3.match(country), (table, name, country)
            assert normalise(name) == name, (table, name)
    for name, (code, canonical) in data["igos"].items():  # type: ignore[misc]
        assert code[:3] in {"IGO", "NGO"} and canonical and normalise(name) == name
    for table in ("armed_groups", "institutions"):
        for name, (code, country, _) in data[table].items():  # type: ignore[misc]
            assert re.match(r"^[A-Z]{3,}$", code) and normalise(name) == name
            assert country is None or (iso3.match(country) and code.startswith(country))
    for noun, sector in data["agents"].items():
        assert re.match(r"^[A-Z]{3,}$", str(sector)) and normalise(noun) == noun
    assert "victoria" not in data["places"] and "reading" not in data["places"]
    size = len(DATA.joinpath("cameo_actors.json").read_bytes())
    assert size < 2_000_000
    licence = DATA.joinpath("LICENSE.phoenix").read_text(encoding="utf-8")
    assert "Phoenix" in licence.splitlines()[0] and "MIT License" in licence


@given(st.text(max_size=60))
def test_code_phrase_total_and_consistent(text: str) -> None:
    found = code_phrase(text)
    if found is not None:
        assert re.match(r"^[A-Z]{3,}$", found.code)
        assert found.country is None or found.code.startswith((found.country, "IMG"))
        assert found.sector is None or len(found.sector) == 3


@pytest.mark.shared
def test_tables_rebuild_identically_from_phoenix() -> None:
    shared_path("data", "cameo", "phoenix", "Phoenix.Countries.actors.txt")
    spec = importlib.util.spec_from_file_location(
        "build_actor_codes", ROOT / "eval" / "build_actor_codes.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up
    try:
        spec.loader.exec_module(module)
        text, licence = module.build()
    finally:
        del sys.modules[spec.name]
    assert text == DATA.joinpath("cameo_actors.json").read_text(encoding="utf-8")
    assert licence == DATA.joinpath("LICENSE.phoenix").read_text(encoding="utf-8")


def test_the_name_after_anti_is_not_the_group() -> None:
    assert code_phrase("the anti-ISIL coalition") is None
    found = code_phrase("Anti-Defamation League")
    assert found is not None and found.code.startswith("NGO")


def test_a_short_acronym_matches_only_in_capitals() -> None:
    assert code_phrase("Kim Jong Un") is None  # not the UN
    assert code_phrase("Kim Jong Un's half-brother") is None
    assert [code_phrase(t).code for t in ("the UN envoy", "U.N. peacekeepers")] == [  # type: ignore[union-attr]
        "IGOUNO",
        "IGOUNO",
    ]
    assert code_phrase("Nato allies").code == "IGOWSTNAT"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("phrase", "country"),
    [
        ("Leila de Lima", None),
        ("Senator Leila de Lima", None),
        # guards: a place after a capitalised 'de' of its own name, or after a preposition
        ("Rio de Janeiro police", "BRA"),
        ("police in Lima", "PER"),
    ],
)
def test_a_place_after_a_surname_particle_is_part_of_a_name(phrase, country) -> None:
    found = code_phrase(phrase)
    assert (found.country if found else None) == country


@pytest.mark.parametrize(
    ("phrase", "country"),
    [
        # a capitalised particle opening the phrase before a place: a surname (session 13)
        ("De Lima", None),
        # a nationality word ending a name is a surname (session 13, issue 17)
        ("businessman Mark Cuban", None),
        ("Rep. Dan English", None),
        # guards: a group or an office named by nationality keeps its country
        ("Many Venezuelans", "VEN"),
        ("Many Chinese", "CHN"),
        ("the Cuban", "CUB"),
        ("Cuban President Raul Castro", "CUB"),
    ],
)
def test_a_nationality_word_after_a_given_name_is_a_surname(phrase, country) -> None:
    found = code_phrase(phrase)
    assert (found.country if found else None) == country
