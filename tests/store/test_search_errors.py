"""A search FTS5 cannot read is a coded error (NG301) saying what to fix, never the
engine's own "fts5: syntax error near ..."."""

from __future__ import annotations

import pytest

from newsgraph.analyze.database import Database
from newsgraph.store.search import (
    QuerySyntaxError,
    SearchFilters,
    explain_query_error,
    search_backend,
)
from webdata import sample_articles


@pytest.fixture(scope="module")
def backend(tmp_path_factory: pytest.TempPathFactory):
    db = str(tmp_path_factory.mktemp("errors") / "news.db")
    with Database.open(db) as store:
        store.save_batch(sample_articles(), None)
        yield search_backend(store.engine)


@pytest.mark.parametrize(
    ("q", "says"),
    [
        ('"open talks', "unbalanced quote"),
        ("(Putin OR Macron", "unbalanced parenthesis"),
        ("AND", "joins two words"),
        ("Putin AND", "joins two words"),
        ("foo:bar", "is not a field"),
        ("*", "nothing to search for"),
    ],
)
def test_bad_queries_say_what_to_fix(backend, q: str, says: str) -> None:
    with pytest.raises(QuerySyntaxError) as caught:
        backend.search(q, SearchFilters(), 10, 0)
    assert caught.value.code.value == "NG301"
    assert says in caught.value.message
    assert "fts5" not in caught.value.message


def test_engine_messages_are_translated() -> None:
    assert "unbalanced quote" in explain_query_error("fts5: unterminated string")
    assert "near" in explain_query_error('fts5: syntax error near "^"')
    assert "fts5" not in explain_query_error('fts5: syntax error near "^"')


def test_good_queries_still_work(backend) -> None:
    for q in ['"talks were useful"', "Putin AND Macron", "title:Putin", "secur*", "de-escalation"]:
        assert backend.search(q, SearchFilters(), 10, 0).total >= 0
