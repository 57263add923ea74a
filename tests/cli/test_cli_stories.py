"""newsgraph stories / story: list, one story, JSON Lines, clear errors."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from newsgraph.cli.main import app
from webdata import build_db

runner = CliRunner()


def test_stories_lists_and_story_shows_the_outlet_table(tmp_path):
    db = build_db(tmp_path / "c.db")
    listed = runner.invoke(app, ["stories", "--db", db, "--json"])
    assert listed.exit_code == 0, listed.output
    rows = [json.loads(x) for x in listed.stdout.splitlines()]
    assert rows and rows[0]["last_report"] >= rows[-1]["last_report"]
    big = max(rows, key=lambda r: r["articles"])
    shown = runner.invoke(app, ["story", str(big["id"]), "--db", db])
    assert shown.exit_code == 0, shown.output
    assert "by outlet" in shown.stdout and "TASS" in shown.stdout and "Le Monde" in shown.stdout
    as_json = runner.invoke(app, ["story", str(big["id"]), "--db", db, "--json"])
    record = json.loads(as_json.stdout)
    assert record["id"] == big["id"] and record["by_outlet"]


def test_stories_filters_and_errors(tmp_path):
    db = build_db(tmp_path / "c.db")
    none = runner.invoke(app, ["stories", "--db", db, "--since", "2031"])
    assert none.exit_code == 0 and "no stories" in none.output
    naming = runner.invoke(app, ["stories", "--db", db, "--actor", "Macron", "--json"])
    assert naming.exit_code == 0 and naming.stdout.strip()
    missing = runner.invoke(app, ["story", "9999", "--db", db])
    assert missing.exit_code == 2 and "NG301" in missing.output
    bad = runner.invoke(app, ["stories", "--db", db, "--since", "yesterday"])
    assert bad.exit_code != 0 and "NG301" in str(bad.exception)


def test_a_cut_list_says_there_are_more_without_inventing_a_total(tmp_path):
    db = build_db(tmp_path / "c.db")
    every = runner.invoke(app, ["stories", "--db", db, "--json"])
    n = len(every.stdout.splitlines())
    assert n >= 2
    whole = runner.invoke(app, ["stories", "--db", db, "--limit", str(n)])
    assert whole.stdout.splitlines()[0] == f"{n} stories"
    cut = runner.invoke(app, ["stories", "--db", db, "--limit", "1"])
    head = cut.stdout.splitlines()[0]
    assert head == "showing the 1 newest stories; there are more (--limit N for more)"
    assert f"of {n}" not in head and "of 2" not in head
    one = runner.invoke(app, ["stories", "--db", db, "--limit", "1", "--json"])
    assert json.loads(one.stdout)["articles"] >= 1
