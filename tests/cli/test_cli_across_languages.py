"""Across languages (issue 16, item 6): one relationship told in English, French and
Russian is one dyad, and a speaker's words are found in every language, in the original."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from newsgraph.cli.main import app

runner = CliRunner()
ARTICLES = [
    {
        "id": "en1",
        "language": "en",
        "published": "2017-05-29",
        "title": "Putin meets Macron in Versailles",
        "text": "Russian President Vladimir Putin met French President Emmanuel Macron in "
        "Versailles on Monday. Kremlin spokesman Dmitry Peskov said the talks were frank "
        "and useful.",
    },
    {
        "id": "fr1",
        "language": "fr",
        "published": "2017-05-29",
        "title": "Poutine rencontre Macron à Versailles",
        "text": "Le président russe Vladimir Poutine a rencontré le président français "
        "Emmanuel Macron à Versailles lundi. Les deux dirigeants ont parlé de la Syrie et "
        "de l'Ukraine.",
    },
    {
        "id": "ru1",
        "language": "ru",
        "published": "2017-05-29",
        "title": "Путин встретился с Макроном в Версале",
        "text": "Президент России Владимир Путин встретился с президентом Франции Эмманюэлем "
        "Макроном в Версале в понедельник. «Переговоры были откровенными и полезными», — "
        "заявил пресс-секретарь президента России Дмитрий Песков.",
    },
]


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("xl")
    path = folder / "in.jsonl"
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES), "utf-8")
    database = str(folder / "x.db")
    stored = runner.invoke(app, ["ingest", str(path), "--db", database])
    assert stored.exit_code == 0, stored.output
    return database


def _lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def test_the_dyad_counts_reports_in_every_language(db) -> None:
    out = runner.invoke(app, ["dyad", "RUS", "FRA", "--db", db, "--json"])
    assert out.exit_code == 0, out.output
    rows = _lines(out.output)
    assert sum(r["count"] for r in rows) == 1  # one meeting
    assert sum(r["mentions"] for r in rows) == 3  # told in English, French and Russian


def test_a_speakers_words_are_found_in_russian_in_the_original(db) -> None:
    out = runner.invoke(app, ["quotes", "--speaker", "Peskov", "--db", db, "--json"])
    assert out.exit_code == 0, out.output
    rows = _lines(out.output)
    russian = [r for r in rows if r["language"] == "ru"]
    assert [r["text"] for r in russian] == ["Переговоры были откровенными и полезными"]
    assert {r["speaker_entity"] for r in rows} == {"ng:person:dmitry-peskov"}
    assert {r["language"] for r in rows} == {"en", "ru"}
