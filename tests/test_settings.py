"""defaults.toml, overridden by NEWSGRAPH_<SECTION>_<KEY>, overridden by options."""

import tomllib
from importlib import resources

import pytest

from newsgraph.errors import Code, UsageError
from newsgraph.settings import Settings, cache_size_mb, default_db, env_name, setting

DEFAULTS = tomllib.loads(resources.files("newsgraph").joinpath("defaults.toml").read_text())
KEYS = [(section, key) for section, table in DEFAULTS.items() for key in table]

# a value for each key's variable, and what it reads as
OVERRIDES = {
    ("ingest", "max_bytes"): ("1_000", 1000),
    ("ingest", "languages"): (" en, fr ,,ru ", ("en", "fr", "ru")),
    ("ingest", "min_text_chars"): ("7", 7),
    ("ingest", "max_text_chars"): ("2_000", 2000),
    ("ingest", "near_duplicate_jaccard"): ("0.8", 0.8),
    ("fetch", "timeout_s"): ("2.5", 2.5),
    ("fetch", "max_bytes"): ("0", 0),
    ("fetch", "max_redirects"): ("1", 1),
    ("fetch", "allow_private"): ("Yes", True),
    ("fetch", "user_agent"): ("test-agent/1.0", "test-agent/1.0"),
    ("store", "db"): ("other.db", "other.db"),
    ("store", "batch_size"): ("3", 3),
    ("serve", "cache_mb"): ("0", 0),
    ("serve", "allowed_hosts"): (" news.example ,, b.example", ("news.example", "b.example")),
    ("serve", "max_body_bytes"): ("1000", 1000),
    ("events", "min_confidence"): ("0.5", 0.5),
    ("nlp", "max_whole_chars"): ("20_000", 20000),
    ("nlp", "part_chars"): ("4000", 4000),
    ("nlp", "max_parsed_chars"): ("0", 0),
    ("nlp", "max_seconds_per_text"): ("1.5", 1.5),
    ("stories", "window_days"): ("10", 10),
    ("stories", "threshold"): ("0.4", 0.4),
    ("stories", "encoder"): ("off", False),
    ("stories", "encoder_threads"): ("2", 2),
}
# the Settings field that carries each key (db and cache_mb have their own functions)
FIELD = {
    ("ingest", "max_bytes"): "max_bytes",
    ("ingest", "languages"): "languages",
    ("ingest", "min_text_chars"): "min_text_chars",
    ("ingest", "max_text_chars"): "max_text_chars",
    ("ingest", "near_duplicate_jaccard"): "near_duplicate_jaccard",
    ("fetch", "timeout_s"): "fetch_timeout_s",
    ("fetch", "max_bytes"): "fetch_max_bytes",
    ("fetch", "max_redirects"): "fetch_max_redirects",
    ("fetch", "allow_private"): "allow_private",
    ("fetch", "user_agent"): "user_agent",
    ("store", "batch_size"): "batch_size",
}


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch):
    for section, key in KEYS:
        monkeypatch.delenv(env_name(section, key), raising=False)


def current(section: str, key: str):
    if (section, key) == ("store", "db"):
        return default_db()
    if (section, key) == ("serve", "cache_mb"):
        return cache_size_mb()
    if (section, key) not in FIELD:  # read where it is used, through setting()
        return setting(section, key)
    return getattr(Settings(), FIELD[section, key])


def test_every_key_has_an_override_case():
    assert set(OVERRIDES) == set(KEYS)
    assert env_name("ingest", "max_bytes") == "NEWSGRAPH_INGEST_MAX_BYTES"
    assert env_name("fetch", "max_bytes") == "NEWSGRAPH_FETCH_MAX_BYTES"
    assert env_name("store", "db") == "NEWSGRAPH_DB"
    assert env_name("serve", "cache_mb") == "NEWSGRAPH_CACHE_MB"


@pytest.mark.parametrize(("section", "key"), sorted(OVERRIDES))
def test_the_environment_overrides_the_file(monkeypatch, section, key):
    default = DEFAULTS[section][key]
    default = tuple(default) if isinstance(default, list) else default
    assert current(section, key) == setting(section, key) == default
    raw, expected = OVERRIDES[section, key]
    monkeypatch.setenv(env_name(section, key), raw)
    value = current(section, key)
    assert value == expected and type(value) is type(expected)
    monkeypatch.setenv(env_name(section, key), "  ")  # blank means unset
    assert current(section, key) == default


@pytest.mark.parametrize(
    ("raw", "expected"), [("1", True), ("TRUE", True), ("on", True), ("0", False), ("no", False)]
)
def test_booleans(monkeypatch, raw, expected):
    monkeypatch.setenv("NEWSGRAPH_FETCH_ALLOW_PRIVATE", raw)
    assert Settings().allow_private is expected


@pytest.mark.parametrize(
    ("name", "raw", "says"),
    [
        ("NEWSGRAPH_INGEST_MAX_BYTES", "lots", "a whole number >= 0"),
        ("NEWSGRAPH_INGEST_MAX_BYTES", "-1", "a whole number >= 0"),
        ("NEWSGRAPH_INGEST_MAX_BYTES", "1.5", "a whole number >= 0"),
        ("NEWSGRAPH_FETCH_TIMEOUT_S", "soon", "a number >= 0"),
        ("NEWSGRAPH_FETCH_TIMEOUT_S", "nan", "a number >= 0"),
        ("NEWSGRAPH_FETCH_ALLOW_PRIVATE", "maybe", "true or false"),
        ("NEWSGRAPH_INGEST_LANGUAGES", ",", "a comma-separated list"),
        ("NEWSGRAPH_CACHE_MB", "-1", "a whole number >= 0"),
    ],
)
def test_a_bad_value_is_a_coded_error_naming_the_variable(monkeypatch, name, raw, says):
    monkeypatch.setenv(name, raw)
    with pytest.raises(UsageError) as info:
        Settings() if name != "NEWSGRAPH_CACHE_MB" else cache_size_mb()
    assert info.value.code is Code.BAD_OPTION
    assert f"{name} must be {says}: {raw!r}" in str(info.value)


def test_options_win_over_the_environment(monkeypatch):
    monkeypatch.setenv("NEWSGRAPH_INGEST_MAX_BYTES", "1000")
    monkeypatch.setenv("NEWSGRAPH_INGEST_LANGUAGES", "en")
    settings = Settings().replace(max_bytes=5, languages=None)
    assert settings.max_bytes == 5 and settings.languages == ("en",)
    assert Settings(max_bytes=7).max_bytes == 7
