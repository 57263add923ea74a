"""Step ``_covering_reads`` (issue 18): the months of a timeline and the actor facet of a
search page are read from an index alone. A database rolled back before the step gets
the indexes on opening, answers exactly as before, and (SQLite) the two statements'
plans name the covering indexes; on PostgreSQL the months' index exists."""

from __future__ import annotations

from typing import Any

from sqlalchemy import event, text

from newsgraph.analyze.quads import PLOVER_QUAD
from newsgraph.store import SCHEMA_VERSION, Store, migrations, queries
from newsgraph.store.search import SearchFilters, search_backend
from webdata import build_db

pytest_plugins = ["backends"]  # the db_url fixture: SQLite, and PostgreSQL when configured


def answers(store: Store) -> dict[str, Any]:
    """What the two reads answer: the search page's facets and the timeline's months
    (whole, by class, asserted; and one actor's, every type)."""
    backend = search_backend(store.engine)
    facets = {
        q: backend.search_with_facets(q, SearchFilters(), 10, 0, 10)[1]
        for q in ("Macron", "Putin", "talks")
    }
    with store.engine.connect() as conn:
        months = sorted(queries.day_counts(conn, key="*", classes=PLOVER_QUAD, asserted=True))
        actor = sorted(queries.day_counts(conn, key="e:Q7747"))
    return {"facets": facets, "months": months, "actor": actor}


def statements(store: Store) -> list[tuple[str, Any]]:
    """The facet and month statements ``answers`` runs, with their parameters."""
    seen: list[tuple[str, Any]] = []

    def listen(_conn: Any, _cursor: Any, statement: str, params: Any, *_: Any) -> None:
        if statement.startswith("SELECT entity_id, min(name)") or "FROM event_months" in statement:
            seen.append((statement, params))

    event.listen(store.engine, "before_cursor_execute", listen)
    try:
        answers(store)
    finally:
        event.remove(store.engine, "before_cursor_execute", listen)
    return seen


def test_covering_indexes_answer_the_same(db_url: str) -> None:
    build_db(db_url)
    step = migrations.MIGRATIONS.index(migrations._covering_reads) + 1
    assert step == 18
    names = (migrations.EVENT_MONTHS_INDEX, migrations.ENTITIES_ACTOR_INDEX)
    with Store.open(db_url) as store:
        with store.engine.begin() as conn:  # back to the schema before the step
            for name in names:
                conn.execute(text(f"DROP INDEX IF EXISTS {name}"))
            conn.execute(text(f"DELETE FROM schema_version WHERE version >= {step}"))
        before = answers(store)
    assert before["months"] and before["actor"]
    assert any(facets["actor"] for facets in before["facets"].values())
    with Store.open(db_url) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert answers(store) == before
        with store.engine.connect() as conn:
            if store.engine.dialect.name == "postgresql":
                sql = "SELECT indexname FROM pg_indexes WHERE indexname IN ('{}', '{}')"
                found = {str(r[0]) for r in conn.execute(text(sql.format(*names)))}
                assert found == {migrations.EVENT_MONTHS_INDEX}
                return
            seen = statements(store)
            assert len(seen) == 5, seen  # three facets, two month reads
            for statement, params in seen:
                plan = " | ".join(
                    str(r[-1])
                    for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, params)
                )
                index = names[0] if "event_months" in statement else names[1]
                assert f"USING COVERING INDEX {index}" in plan, (statement, plan)
                # a stored month is grouped as it is, with no call a row
                assert "substr(month" not in statement, statement
