"""The actor knowledge base: schema of the shipped files, user files, resolution by date."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from newsgraph.kb import (
    KnowledgeBaseError,
    default_kb,
    describe_actor,
    holder,
    load_kb,
    lookup_name,
    lookup_organisation,
    match_country,
    resolve_country,
    resolve_role_phrase,
    search_actors,
    tenure_range,
)
from newsgraph.kb.load import read_jsonl, shipped_paths
from newsgraph.kb.normalize import normalize_name
from newsgraph.kb.schema import record_kind


@pytest.fixture(scope="module")
def kb():
    return load_kb(use_env=False)


def _name(actor):
    return actor.name if actor else None


def _write(path: Path, *records) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    return path


NEW_PERSON = {
    "id": "ng:person:jane-example",
    "wikidata": None,
    "name": "Jane Example",
    "aliases": {"en": ["Example"], "fr": [], "ru": ["Джейн Экзампл"]},
    "country": "FRA",
    "sector": "GOV",
    "roles": [
        {
            "role": "foreign_minister",
            "title": "Foreign Minister of France",
            "country": "FRA",
            "org": None,
            "start": "2030-01-01",
            "end": None,
        }
    ],
}


# ---------------------------------------------------------------- schema


def test_shipped_files_load_and_every_record_is_valid(kb):
    assert len(kb.people) > 400
    assert len(kb.countries) == 249  # every ISO 3166 country
    assert len(kb.organisations) > 50
    for actor in kb.people.values():
        assert actor.roles, actor.id
        for role in actor.roles:
            assert role.end is None or role.start <= role.end, (actor.id, role)
            assert role.country in kb.countries or role.org in kb.organisations


def test_shipped_records_keep_their_documented_shape():
    for path in shipped_paths():
        for where, record in read_jsonl(path):
            kind = record_kind(record, where)
            if kind == "person":
                assert set(record["aliases"]) == {"en", "fr", "ru"}, where.line
                assert record["wikidata"] is None or record["id"] == record["wikidata"]


def test_known_wikidata_ids(kb):
    expected = {
        "Q7747": "Vladimir Putin",
        "Q3052772": "Emmanuel Macron",
        "Q157": "François Hollande",
        "Q329": "Nicolas Sarkozy",
        "Q567": "Angela Merkel",
        "Q76": "Barack Obama",
        "Q22686": "Donald Trump",
        "Q6279": "Joe Biden",
        "Q207": "George W. Bush",
    }
    for qid, name in expected.items():
        assert kb.people[qid].name == name


@pytest.mark.parametrize(
    "mutate, message",
    [
        (lambda r: r["roles"][0].update(start="2030-13-01"), "not a real date"),
        (lambda r: r["roles"][0].update(start="1 Jan 2030"), "YYYY-MM-DD"),
        (lambda r: r["roles"][0].update(end="2029-01-01"), "ends (2029-01-01) before it starts"),
        (lambda r: r.update(country="FRX"), "ISO 3166 alpha-3"),
        (lambda r: r.update(wikidata="7747"), "Wikidata id"),
        (lambda r: r.pop("name"), "lacks required key(s): name"),
        (lambda r: r.update(nmae="x"), "unknown key(s): nmae"),
        (
            lambda r: r["roles"][0].update(org="ng:org:nowhere", country=None),
            "unknown organisation",
        ),
    ],
)
def test_bad_user_record_names_file_and_line(tmp_path, mutate, message):
    record = json.loads(json.dumps(NEW_PERSON))
    mutate(record)
    path = tmp_path / "mine.jsonl"
    path.write_text("# my actors\n\n" + json.dumps(record) + "\n", "utf-8")
    with pytest.raises(KnowledgeBaseError, match=re.escape(message)) as info:
        load_kb([path], use_env=False)
    assert f"{path}:3:" in str(info.value)
    assert isinstance(info.value, ValueError)


def test_malformed_json_and_duplicate_ids_are_reported(tmp_path):
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"id": "x",\n', "utf-8")
    with pytest.raises(KnowledgeBaseError, match=r"broken.jsonl:1: malformed JSON"):
        load_kb([broken], use_env=False)
    dup = _write(tmp_path / "dup.jsonl", dict(NEW_PERSON, id="Q7747", wikidata="Q7747"))
    with pytest.raises(
        KnowledgeBaseError, match=r"dup.jsonl:1: duplicate id 'Q7747' \(first defined at"
    ):
        load_kb([dup], use_env=False)


def test_missing_user_path_is_a_clear_error(tmp_path):
    with pytest.raises(KnowledgeBaseError, match="no such KB file"):
        load_kb([tmp_path / "nope.jsonl"], use_env=False)


# ---------------------------------------------------------------- user files


def test_user_file_adds_an_actor(tmp_path):
    path = _write(tmp_path / "people.jsonl", NEW_PERSON)
    kb = load_kb([path], use_env=False)
    assert [a.id for a in lookup_name(kb, "Jane Example")] == ["ng:person:jane-example"]
    assert _name(lookup_name(kb, "Джейн Экзампл")[0]) == "Jane Example"
    assert (
        _name(resolve_role_phrase(kb, "the French foreign minister", "2031-06-01"))
        == "Jane Example"
    )
    assert kb.people["ng:person:jane-example"].source == str(path)


def test_env_var_adds_files_and_directories(tmp_path, monkeypatch):
    folder = tmp_path / "kb"
    folder.mkdir()
    _write(folder / "a.jsonl", NEW_PERSON)
    monkeypatch.setenv("NEWSGRAPH_KB_PATH", str(folder))
    kb = load_kb()
    assert "ng:person:jane-example" in kb.people
    monkeypatch.delenv("NEWSGRAPH_KB_PATH")
    assert "ng:person:jane-example" not in load_kb().people


def test_default_kb_is_cached():
    assert default_kb() is default_kb()


# ---------------------------------------------------------------- names


def test_normalisation():
    assert normalize_name("the Kremlin’s") == "kremlin"
    assert normalize_name("U.S.") == "us"
    assert normalize_name("Élysée") == "elysee"
    assert normalize_name("President-elect") == "president elect"


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("Путин", "ru", "Vladimir Putin"),
        ("Владимир Путин", "ru", "Vladimir Putin"),
        ("Путина", "ru", "Vladimir Putin"),  # genitive, via the Russian stem index
        ("Poutine", "fr", "Vladimir Putin"),
        ("Vladimir Poutine", "fr", "Vladimir Putin"),
        ("Macron's", "en", "Emmanuel Macron"),
        ("macron", "en", "Emmanuel Macron"),
        ("Zelenskyy", "en", "Volodymyr Zelensky"),
        ("Zelenskiy", "en", "Volodymyr Zelensky"),
        ("Зеленского", "ru", "Volodymyr Zelensky"),
        ("Sergei Lavrov", "en", "Sergey Lavrov"),
        ("Lukashenka", "en", "Alexander Lukashenko"),
        ("Dmitri Peskov", "en", "Dmitry Peskov"),
        ("Marine Le Pen", "en", "Marine Le Pen"),
    ],
)
def test_lookup_name_in_three_languages(kb, text, lang, expected):
    assert _name(lookup_name(kb, text, lang=lang)[0]) == expected


def test_surname_only_aliases_rank_below_full_names(kb):
    found = lookup_name(kb, "Le Pen")
    assert {a.name for a in found} == {"Marine Le Pen", "Jean-Marie Le Pen"}
    # a date prefers whoever held a role then
    assert _name(lookup_name(kb, "Clinton", on="2010-06-01")[0]) == "Hillary Clinton"
    assert _name(lookup_name(kb, "Clinton", on="1999-06-01")[0]) == "Bill Clinton"
    assert lookup_name(kb, "Nobody Atall") == []


def test_organisations_by_alias(kb):
    assert lookup_organisation(kb, "Front National")[0].id == "ng:org:rassemblement-national"
    assert lookup_organisation(kb, "RN")[0].id == "ng:org:rassemblement-national"
    assert lookup_organisation(kb, "En Marche")[0].name == "Renaissance"
    assert lookup_organisation(kb, "OTAN")[0].name == "NATO"
    assert lookup_organisation(kb, "Госдума")[0].name == "State Duma"


# ---------------------------------------------------------------- roles by date


@pytest.mark.parametrize(
    "role, country, day, expected",
    [
        ("head_of_state", "FRA", "2015-06-01", "François Hollande"),
        ("head_of_state", "FRA", "2018-06-01", "Emmanuel Macron"),
        ("head_of_state", "FRA", "2017-05-14", "Emmanuel Macron"),  # hand-over day: the newcomer
        ("head_of_state", "FRA", "2017-05-13", "François Hollande"),
        ("president_elect", "FRA", "2017-05-10", "Emmanuel Macron"),
        ("head_of_state", "RUS", "2010-01-01", "Dmitry Medvedev"),
        ("head_of_government", "RUS", "2015-01-01", "Dmitry Medvedev"),
        ("head_of_government", "RUS", "2010-01-01", "Vladimir Putin"),
        ("head_of_state", "USA", "2012-01-01", "Barack Obama"),
        ("head_of_state", "USA", "2018-01-01", "Donald Trump"),
        ("head_of_state", "USA", "2022-01-01", "Joe Biden"),
        ("head_of_state", "USA", "2025-06-01", "Donald Trump"),
        ("head_of_state", "US", "2005-01-01", "George W. Bush"),  # alpha-2 accepted
        ("spokesperson_head_of_state", "RUS", "2017-04-24", "Dmitry Peskov"),
        ("spokesperson_head_of_state", "RUS", "2022-03-01", "Dmitry Peskov"),
        ("spokesperson_foreign_ministry", "RUS", "2019-01-01", "Maria Zakharova"),
        ("head_of_government", "DEU", "2015-01-01", "Angela Merkel"),
        (
            "head_of_organisation",
            "ng:org:european-commission",
            "2020-01-01",
            "Ursula von der Leyen",
        ),
    ],
)
def test_holder_by_date(kb, role, country, day, expected):
    assert _name(holder(kb, role, country, day)) == expected


def test_holder_accepts_dates_and_says_none_when_vacant(kb):
    assert _name(holder(kb, "head_of_state", "FRA", date(2015, 6, 1))) == "François Hollande"
    assert holder(kb, "head_of_state", "FRA", "1850-01-01") is None
    with pytest.raises(ValueError, match="not a date"):
        holder(kb, "head_of_state", "FRA", "yesterday")


@pytest.mark.parametrize(
    "phrase, day, expected",
    [
        ("the French president", "2015-06-01", "François Hollande"),
        ("the French president", "2018-06-01", "Emmanuel Macron"),
        ("the President of France", "2018-06-01", "Emmanuel Macron"),
        ("French President", "2010-01-01", "Nicolas Sarkozy"),
        ("the Russian leader", "2017-03-24", "Vladimir Putin"),
        ("the Russian president", "2010-01-01", "Dmitry Medvedev"),
        ("the Russian prime minister", "2015-01-01", "Dmitry Medvedev"),
        ("the Kremlin leader", "2020-06-26", "Vladimir Putin"),
        ("the head of the Kremlin", "2020-06-26", "Vladimir Putin"),
        ("the Kremlin spokesman", "2017-04-24", "Dmitry Peskov"),
        ("Kremlin spokesman", "2022-03-01", "Dmitry Peskov"),
        ("Russian Foreign Minister", "2017-01-01", "Sergey Lavrov"),
        ("Russian Foreign Ministry spokeswoman", "2020-01-01", "Maria Zakharova"),
        ("the German chancellor", "2015-01-01", "Angela Merkel"),
        ("the German leader", "2023-01-01", "Olaf Scholz"),
        ("the US president", "2016-01-01", "Barack Obama"),
        ("the U.S. President", "2019-01-01", "Donald Trump"),
        ("the American president", "2022-01-01", "Joe Biden"),
        ("the Ukrainian president", "2023-01-01", "Volodymyr Zelensky"),
        ("French leader", "2019-01-01", "Emmanuel Macron"),
        ("the French president-elect", "2017-05-10", "Emmanuel Macron"),
        ("the British prime minister", "2017-01-01", "Theresa May"),
        ("White House press secretary", "2021-06-01", "Jen Psaki"),
        ("the NATO Secretary-General", "2020-01-01", "Jens Stoltenberg"),
        ("the EU foreign policy chief", "2020-01-01", "Josep Borrell"),
        ("National Front leader", "2017-03-24", "Marine Le Pen"),
        ("the leader of the National Front", "2005-01-01", "Jean-Marie Le Pen"),
        ("the National Rally leader", "2023-01-01", "Jordan Bardella"),
        ("the State Duma speaker", "2020-01-01", "Vyacheslav Volodin"),
        # organisations and possessives (issue 17)
        ("the UN secretary-general", "2017-03-01", "António Guterres"),
        ("the UN secretary general", "2010-03-01", "Ban Ki-moon"),
        ("NATO's secretary general", "2005-03-01", "Jaap de Hoop Scheffer"),
        ("Russia's president", "2010-01-01", "Dmitry Medvedev"),
        ("the U.S. secretary of state", "2017-03-01", "Rex Tillerson"),
        ("the US Secretary of State", "2006-03-01", "Condoleezza Rice"),
        ("the European Commission president", "2016-01-01", "Jean-Claude Juncker"),
        ("the president of the European Council", "2021-01-01", "Charles Michel"),
        ("the Russian foreign minister", "2003-01-01", "Igor Ivanov"),
        ("France's foreign minister", "2013-01-01", "Laurent Fabius"),
        ("the head of the IAEA", "2016-01-01", "Yukiya Amano"),
        ("the Iraqi president", "2002-01-01", "Saddam Hussein"),
        ("the Iraqi prime minister", "2016-01-01", "Haider al-Abadi"),
        ("the Israeli president", "2016-01-01", "Reuven Rivlin"),
        ("the Iranian president", "2017-01-01", "Hassan Rouhani"),
        ("Iran's supreme leader", "2017-01-01", "Ali Khamenei"),
        ("the Hamas leader", "2020-01-01", "Ismail Haniyeh"),
    ],
)
def test_resolve_role_phrase(kb, phrase, day, expected):
    assert _name(resolve_role_phrase(kb, phrase, day)) == expected


@pytest.mark.parametrize(
    "phrase",
    [
        "the former French president",  # not the holder on that day
        "the French president's wife",  # about someone else
        "the Russian chancellor",  # chancellor is limited to Germany and Austria
        "the president",  # no country and none given
        "the Kremlin",  # a place, no role
    ],
)
def test_role_phrases_it_should_not_guess(kb, phrase):
    assert resolve_role_phrase(kb, phrase, "2018-06-01") is None


def test_role_phrase_takes_a_default_country(kb):
    assert (
        _name(resolve_role_phrase(kb, "the president-elect", "2017-05-10", country="FRA"))
        == "Emmanuel Macron"
    )
    assert (
        _name(resolve_role_phrase(kb, "the president", "2016-12-01", country="USA"))
        == "Barack Obama"
    )


def test_tenure_range(kb):
    assert tenure_range(kb, "Q23530", "head_of_state") == [(date(2008, 5, 7), date(2012, 5, 7))]
    spans = tenure_range(kb, "Q7747", "head_of_state")
    assert spans[-1] == (date(2012, 5, 7), None)
    assert len(spans) == 3
    assert tenure_range(kb, "no-such-id", "head_of_state") == []


# ---------------------------------------------------------------- countries


@pytest.mark.parametrize(
    "text, code, via, institution",
    [
        ("the Kremlin", "RUS", "metonym", "head_of_state"),
        ("Kremlin's", "RUS", "metonym", "head_of_state"),
        ("Kiev", "UKR", "metonym", "government"),
        ("Kyiv", "UKR", "metonym", "government"),
        ("the Elysee", "FRA", "metonym", "head_of_state"),
        ("Élysée", "FRA", "metonym", "head_of_state"),
        ("Downing Street", "GBR", "metonym", "head_of_government"),
        ("Moscow", "RUS", "metonym", "government"),
        ("French", "FRA", "demonym", None),
        ("Russian", "RUS", "demonym", None),
        ("Russie", "RUS", "name", None),
        ("Россия", "RUS", "name", None),
        ("Russian Federation", "RUS", "name", None),
        ("U.S.", "USA", "name", None),
        ("FRA", "FRA", "code", None),
        ("DE", "DEU", "code", None),
        ("Bolivia", "BOL", "name", None),  # from pycountry only
    ],
)
def test_match_country(kb, text, code, via, institution):
    match = match_country(kb, text)
    assert (match.country.code, match.via, match.institution) == (code, via, institution)


def test_resolve_country_misses_cleanly(kb):
    assert resolve_country(kb, "Atlantis") is None
    assert resolve_country(kb, "in") is None  # lower-case words are not ISO codes
    assert resolve_country(kb, "Paris").code == "FRA"


# ---------------------------------------------------------------- search


def test_search_ranks_exact_then_fuzzy(kb):
    assert search_actors(kb, "Lavrov")[0].name == "Sergey Lavrov"
    assert search_actors(kb, "Lavrof")[0].name == "Sergey Lavrov"  # typo
    assert search_actors(kb, "Zelenski")[0].name == "Volodymyr Zelensky"
    names = [a.name for a in search_actors(kb, "Le Pen", limit=5)]
    assert names[:2] == ["Marine Le Pen", "Jean-Marie Le Pen"]
    assert len(search_actors(kb, "Sergei", limit=3)) <= 3
    assert search_actors(kb, "   ") == []


def test_describe_actor_lists_roles_in_date_order(kb):
    info = describe_actor(kb, "Medvedev")
    assert info["id"] == "Q23530"
    starts = [r["start"] for r in info["roles"]]
    assert starts == sorted(starts)
    assert {"head_of_state", "head_of_government"} <= {r["role"] for r in info["roles"]}
    assert describe_actor(kb, "Q7747")["name"] == "Vladimir Putin"
    with pytest.raises(LookupError):
        describe_actor(kb, "zzzzqqqq")


def test_records_are_frozen_and_serialise(kb):
    putin = kb.people["Q7747"]
    with pytest.raises(AttributeError):
        putin.name = "x"
    data = putin.to_dict()
    assert json.loads(json.dumps(data))["aliases"]["fr"][0] == "Vladimir Poutine"
    assert kb.countries["RUS"].to_dict()["metonyms"]
    assert kb.organisations["ng:org:nato"].to_dict()["wikidata"] == "Q7184"
