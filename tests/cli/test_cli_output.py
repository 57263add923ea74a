"""What the store-reading commands print: --db everywhere, --json as JSON Lines,
"showing N of M", tables and lists readable at 80 columns, future-dated events set aside."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from newsgraph.cli.common import choose_period, counted, start_day
from newsgraph.cli.main import app

runner = CliRunner()
NARROW = {"COLUMNS": "80"}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    from webdata import build_db, meeting, sample_articles

    articles = sample_articles()
    planned = meeting(9, "2022-02-10", "TASS")
    event = planned.events[0]
    future = planned.replace(events=(dataclasses.replace(event, date="2031"),))
    return build_db(tmp_path_factory.mktemp("out") / "o.db", [*articles, future])


def _commands():
    group = get_command(app)
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        if hasattr(command, "commands"):
            yield from ((f"{name} {sub}", c) for sub, c in command.commands.items())
        else:
            yield name, command


def test_every_command_but_extract_and_version_takes_db():
    without = {
        name for name, c in _commands() if "--db" not in {o for p in c.params for o in p.opts}
    }
    assert without == {"extract", "version"}


def test_every_json_option_prints_json_lines(db):
    cases = [
        ["stats"],
        ["quotes"],
        ["events"],
        ["dyad", "RUS", "FRA"],
        ["timeline", "--actor", "Vladimir Putin"],
        ["actors", "search", "Macron"],
        ["actors", "show", "Emmanuel Macron"],
    ]
    for args in cases:
        result = runner.invoke(app, [*args, "--db", db, "--json"])
        assert result.exit_code == 0, (args, result.output)
        lines = result.stdout.splitlines()
        assert lines, args
        assert all(isinstance(json.loads(line), dict) for line in lines), args
    shown = runner.invoke(app, ["actors", "show", "Emmanuel Macron", "--db", db, "--json"])
    data = json.loads(shown.stdout)
    assert data["db_quotes"] == 4 and data["db_events"] == 4  # reports 1 and 2 merge


def test_counts_say_how_many_exist_and_how_to_see_more(db):
    result = runner.invoke(app, ["quotes", "--db", db, "--limit", "2"], env=NARROW)
    assert "showing 2 of 8 quotes" in result.stdout and "--limit" in result.stdout
    everything = runner.invoke(app, ["quotes", "--db", db], env=NARROW)
    assert "8 quotes" in everything.stdout and "showing" not in everything.stdout
    assert counted(50, 155, "quotes by Trump") == (
        "showing 50 of 155 quotes by Trump (--limit N for more)"
    )


def test_lists_fit_80_columns_and_wrap_the_sentence(db):
    for args in (
        ["dyad", "RUS", "FRA", "--events"],
        ["timeline", "--actor", "Vladimir Putin"],
        ["events"],
        ["quotes"],
        ["actors", "show", "Vladimir Putin"],
    ):
        result = runner.invoke(app, [*args, "--db", db], env=NARROW)
        assert result.exit_code == 0, (args, result.output)
        assert max(len(line) for line in result.stdout.splitlines()) <= 80, args
    listing = runner.invoke(app, ["dyad", "RUS", "FRA", "--events", "--db", db], env=NARROW)
    # the sentence is printed whole on its own line, not squeezed into a column
    assert "    Vladimir Putin met Emmanuel Macron in Moscow on Monday (report 1)." in (
        listing.stdout.splitlines()
    )


def test_a_long_sentence_wraps_under_its_head_line():
    from io import StringIO

    from rich.console import Console

    from newsgraph.cli.render import entry

    out = StringIO()
    sentence = "The talks in Moscow lasted five hours and ended without a statement. " * 3
    entry(Console(file=out, width=80), ["2017-02-07", "CONSULT 040", "[bold]x"], sentence)
    lines = out.getvalue().splitlines()
    assert lines[0] == "2017-02-07  CONSULT 040  [bold]x"
    assert len(lines) >= 4 and all(len(x) <= 80 and x.startswith("    ") for x in lines[1:])
    assert " ".join(" ".join(lines[1:]).split()) == sentence.strip()


def test_events_newest_first_and_future_dated_ones_set_aside(db):
    result = runner.invoke(app, ["events", "--db", db, "--json"])
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    dates = [r["date"] for r in rows]
    assert "2031" not in dates and dates == sorted(dates, reverse=True)
    table = runner.invoke(app, ["events", "--db", db], env=NARROW)
    assert "1 dated after their reports left out (--future)" in " ".join(table.stdout.split())
    every = runner.invoke(app, ["events", "--db", db, "--future", "--json"])
    assert json.loads(every.stdout.splitlines()[0])["date"] == "2031"


def test_empty_answers_say_why(db):
    dyad = runner.invoke(app, ["dyad", "DEU", "JPN", "--db", db])
    assert dyad.exit_code == 0 and "no events between them" in dyad.stderr
    line = runner.invoke(app, ["timeline", "--actor", "Angela Merkel", "--db", db])
    assert line.exit_code == 0 and "no dated events or quotes" in line.stderr


def test_actors_db_option_counts_presence_in_the_store(db):
    result = runner.invoke(app, ["actors", "search", "Putin", "--db", db], env=NARROW)
    assert "quotes" in result.stdout and "events" in result.stdout
    missing = runner.invoke(app, ["actors", "show", "Putin", "--db", db + ".nope/x.db"])
    assert missing.exit_code == 2 and "error" in missing.stderr


def test_start_day_reads_every_timex_date_form():
    assert start_day("2017-02-07") == dt.date(2017, 2, 7)
    assert start_day("2017-02") == dt.date(2017, 2, 1)
    assert start_day("2017") == dt.date(2017, 1, 1)
    assert start_day("2017-W06") == dt.date(2017, 2, 6)
    assert start_day("2017-Q3") == dt.date(2017, 7, 1)
    assert start_day("2017-H2") == dt.date(2017, 7, 1)
    assert start_day("2017-WI") == dt.date(2017, 12, 1)
    for junk in (None, "", "PRESENT_REF", "P1W", "2017-13"):
        assert start_day(junk) is None


def test_period_follows_the_time_span():
    assert choose_period(["2017-02-01", "2017-02-07", "2017"]) == "day"
    assert choose_period(["2017-01-01", "2017-06-30"]) == "week"
    assert choose_period(["2015-01-01", "2017-06-30"]) == "month"
    assert choose_period(["1990-01-01", "2017-06-30"]) == "year"
    assert choose_period([None, "2017"]) == "month"
