"""``newsgraph quotes`` without ``--json`` (the table): a quote split by its attribution
shows its pieces joined by `` … ``, without the attribution, as literal text (never rich
markup); a quote in one piece shows its text (SQLite, and PostgreSQL when configured)."""

from __future__ import annotations

from typer.testing import CliRunner

from newsgraph.cli.main import app
from newsgraph.records import Article, Mention, Published, Quote, Speaker
from newsgraph.store import Store

pytest_plugins = ["backends"]  # the db_url fixture

runner = CliRunner()
WIDE = {"COLUMNS": "400"}  # one table line per quote: the cells are not wrapped
MARK = " … "  # between the pieces

FIRST = "[bold red]We will go[/bold red],"
SECOND = "and [link=http://evil.example]soon[/link]."
SPLIT = f"'{FIRST}' the minister said, '{SECOND}'"
ONE = "Nothing else was planned."
BODY = f"The minister spoke on Monday. {SPLIT} Her aide added: '{ONE}'"


def _at(words: str) -> Mention:
    start = BODY.index(words)
    return Mention(start, start + len(words), words)


def _article() -> Article:
    outer, who = _at(SPLIT), _at("the minister said")
    speaker = Speaker(None, "Anna Berg", who.start, who.start + len("the minister"), "the minister")
    split = Quote(
        outer.start,
        outer.end,
        outer.text,
        True,
        "said",
        speaker,
        parts=(_at(FIRST), _at(SECOND)),
    )
    one = _at(ONE)
    return Article(
        id="t1",
        source="in/t1.txt",
        text=BODY,
        language="en",
        published=Published("2021-05-03", "given", 1.0),
        content_hash="quote-table-1",
        quotes=(split, Quote(one.start, one.end, one.text, True, "added")),
    )


def _table(db: str) -> str:
    result = runner.invoke(app, ["quotes", "--db", db], env=WIDE)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_split_quote_shows_its_pieces_as_literal_text(db_url: str) -> None:
    with Store.open(db_url) as store:
        store.save_batch([_article()], None)
    out = _table(db_url)
    # the pieces, joined, markup and all as typed; the attribution is not in the quote,
    # nor the comma that led into it
    assert f"“{FIRST.removesuffix(',')}{MARK}{SECOND}”" in out
    assert "minister said" not in out and SPLIT not in out
    assert f"“{ONE}”" in out  # a quote in one piece is its text
    assert "Anna Berg" in out


def test_pieces_that_are_not_in_the_text_show_the_text(db_url: str) -> None:
    """Pieces that do not fall in order inside the quote's text (a hand-edited or damaged
    row) are not trusted: the table shows the whole text, as the web pages do."""
    record = _article()
    split = record.quotes[0]
    first, second = split.parts
    swapped = split.__class__(**{**_fields(split), "parts": (second, first)})
    with Store.open(db_url) as store:
        store.save_batch([record.replace(quotes=(swapped, record.quotes[1]))], None)
    out = _table(db_url)
    assert f"“{SPLIT}”" in out and MARK not in out


def _fields(quote: Quote) -> dict:
    return {name: getattr(quote, name) for name in quote.__dataclass_fields__}


def test_extracted_split_quote_through_ingest(tmp_path) -> None:
    """End to end: what ``extract`` splits, ``ingest`` stores and the table shows in
    pieces (the attribution, 'Foreign Minister Anna Berg said', left out)."""
    path = tmp_path / "berg.txt"
    path.write_text(
        "EU ministers back new sanctions\n\n"
        "Ministers met in Brussels on Monday to discuss sanctions against the regime.\n\n"
        '"We will go," Foreign Minister Anna Berg said, "and we will go soon."\n\n'
        "Officials declined to comment further on the plans.\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "berg.db")
    assert runner.invoke(app, ["ingest", str(path), "--db", db, "-q"]).exit_code == 0
    out = _table(db)
    assert "“We will go … and we will go soon.”" in out
    assert "Berg said" not in out
