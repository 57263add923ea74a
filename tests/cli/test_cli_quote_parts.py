"""A quote split by its attribution keeps its pieces through the store: what
``newsgraph extract`` prints is what ``ingest`` stores and ``export`` and ``quotes``
give back (SQLite, and PostgreSQL when configured)."""

from __future__ import annotations

import csv
import io
import json

from typer.testing import CliRunner

from newsgraph.cli.main import app

pytest_plugins = ["backends"]  # the db_url fixture

runner = CliRunner()
TEXT = (
    "EU ministers back new sanctions\n\n"
    "Ministers met in Brussels on Monday to discuss sanctions against the regime.\n\n"
    '"We will go," Foreign Minister Anna Berg said, "and we will go soon."\n\n'
    '"The talks were useful," said Peter Lund, a spokesman for the council.\n\n'
    "Officials declined to comment further on the plans.\n"
)


def _ok(args: list[str]) -> str:
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_extract_ingest_export_keeps_parts(tmp_path, db_url: str) -> None:
    path = tmp_path / "berg.txt"
    path.write_text(TEXT, encoding="utf-8")
    (record,) = [
        json.loads(x) for x in _ok(["extract", str(path), "--format", "jsonl"]).split("\n") if x
    ]
    extracted = [q.get("parts") for q in record["quotes"]]
    assert any(extracted) and not all(extracted)  # a split quote and one in one piece
    _ok(["ingest", str(path), "--db", db_url])

    lines = _ok(["export", "--db", db_url, "--what", "quotes", "--format", "jsonl"])
    rows = sorted((json.loads(x) for x in lines.splitlines()), key=lambda r: r["seq"])
    assert [r["parts"] for r in rows] == extracted
    table = csv.DictReader(
        io.StringIO(_ok(["export", "--db", db_url, "--what", "quotes", "-f", "csv"]))
    )
    by_seq = sorted(table, key=lambda r: int(r["seq"]))
    assert [json.loads(r["parts"]) if r["parts"] else None for r in by_seq] == extracted

    listed = [json.loads(x) for x in _ok(["quotes", "--db", db_url, "--json"]).splitlines()]
    assert sorted(json.dumps(r["parts"]) for r in listed) == sorted(
        json.dumps(p) for p in extracted
    )
