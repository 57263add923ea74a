"""`newsgraph actors search|show` over the shipped knowledge base."""

import json

from typer.testing import CliRunner

from newsgraph.cli.main import app

runner = CliRunner()


def test_search_by_name_and_by_role_on_a_date():
    out = runner.invoke(app, ["actors", "search", "Hollande", "--json"])
    assert out.exit_code == 0 and _rows(out)[0]["name"] == "François Hollande"
    in_2015 = runner.invoke(
        app, ["actors", "search", "the French president", "--on", "2015-06-01", "--json"]
    )
    in_2018 = runner.invoke(
        app, ["actors", "search", "the French president", "--on", "2018-06-01", "--json"]
    )
    assert _rows(in_2015)[0]["name"] == "François Hollande"
    assert _rows(in_2018)[0]["name"] == "Emmanuel Macron"


def _rows(result):
    """``--json`` output: JSON Lines, one actor per line."""
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_show_lists_roles_in_date_order():
    out = runner.invoke(app, ["actors", "show", "Dmitry Peskov", "--json"])
    roles = json.loads(out.stdout)["roles"]
    assert [r["start"] for r in roles] == sorted(r["start"] for r in roles)
    assert any("Kremlin" in (r["title"] or "") for r in roles)
    assert "Peskov" in runner.invoke(app, ["actors", "show", "Peskov"]).stdout


def test_unknown_actor_is_a_clear_error():
    out = runner.invoke(app, ["actors", "show", "Nobody Atall Xyz"])
    assert out.exit_code == 1 and "error" in out.stderr


def test_user_kb_file_adds_an_actor(tmp_path):
    person = {
        "id": "ng:person:jane-roe",
        "wikidata": None,
        "name": "Jane Roe",
        "aliases": {"en": ["Roe"]},
        "country": "FRA",
        "sector": "OPP",
        "roles": [
            {
                "role": "party_leader",
                "title": "Leader of a party",
                "country": "FRA",
                "start": "2020-01-01",
                "end": None,
            }
        ],
    }
    path = tmp_path / "mine.jsonl"
    path.write_text(json.dumps(person) + "\n", encoding="utf-8")
    out = runner.invoke(app, ["actors", "show", "Jane Roe", "--kb", str(path), "--json"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.stdout)["id"] == "ng:person:jane-roe"
