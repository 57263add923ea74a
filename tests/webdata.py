"""Hand-made articles with every kind of extraction, for the web and search tests."""

from __future__ import annotations

from pathlib import Path

from newsgraph.analyze.database import Database as Store
from newsgraph.records import (
    Article,
    Entity,
    Event,
    EventActor,
    Mention,
    Published,
    Quote,
    Span,
    Speaker,
    TimeExpr,
)

PUTIN = EventActor("Q7747", "Vladimir Putin", "RUS", "GOV")
MACRON = EventActor("Q3052772", "Emmanuel Macron", "FRA", "GOV")


def at(text: str, needle: str, nth: int = 0) -> Mention:
    """The ``nth`` occurrence of ``needle`` in ``text`` as a Mention."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Mention(start, start + len(needle), needle)


def people(text: str) -> tuple[Entity, ...]:
    found = []
    for eid, name, country, needle in (
        ("Q7747", "Vladimir Putin", "RUS", "Putin"),
        ("Q3052772", "Emmanuel Macron", "FRA", "Macron"),
    ):
        if needle in text:
            found.append(Entity(eid, name, "PERSON", country, (at(text, needle),)))
    return tuple(found)


def meeting(n: int, day: str, outlet: str, language: str = "en") -> Article:
    """Putin meets Macron on ``day``; Macron speaks, Putin is quoted too."""
    text = (
        f"Vladimir Putin met Emmanuel Macron in Moscow on Monday (report {n}). "
        "“We must talk about security in Europe,” Macron said. "
        "Putin said the talks were useful."
    )
    trigger = at(text, "met")
    quote = at(text, "We must talk about security in Europe")
    speaker = at(text, "Macron", 1)
    indirect = at(text, "the talks were useful")
    putin = at(text, "Putin said")
    return Article(
        id=f"meet-{n}",
        source=f"fixture/meet-{n}.txt",
        text=text,
        title=f"Putin meets Macron ({n})",
        url=f"https://example.org/meet/{n}",
        language=language,
        published=Published(day, "given", 1.0),
        outlet=outlet,
        content_hash=f"hash-meet-{n}",
        entities=people(text),
        quotes=(
            Quote(
                quote.start,
                quote.end,
                quote.text,
                True,
                "said",
                Speaker("Q3052772", "Emmanuel Macron", speaker.start, speaker.end, "Macron"),
            ),
            Quote(
                indirect.start,
                indirect.end,
                indirect.text,
                False,
                "said",
                Speaker("Q7747", "Vladimir Putin", putin.start, putin.start + 5, "Putin"),
            ),
        ),
        times=(TimeExpr(*_span(at(text, "on Monday")), "on Monday", day),),
        events=(
            Event(
                "CONSULT",
                trigger,
                Span(0, text.index(".") + 1),
                cameo="042",
                source=(PUTIN,),
                target=(MACRON,),
                date=day,
            ),
        ),
    )


def sanction(day: str) -> Article:
    """France sanctions Russia: a conflict event, in French."""
    text = "La France a sanctionné la Russie, a déclaré Emmanuel Macron jeudi."
    trigger = at(text, "sanctionné")
    return Article(
        id="sanction-1",
        source="fixture/sanction.txt",
        text=text,
        title="La France sanctionne la Russie",
        language="fr",
        published=Published(day, "given", 1.0),
        outlet="Le Monde",
        content_hash="hash-sanction-1",
        entities=people(text),
        events=(
            Event(
                "SANCTION",
                trigger,
                Span(0, len(text)),
                cameo="163",
                source=(MACRON,),
                target=(EventActor("country:RUS", "Russia", "RUS"),),
                date=day,
            ),
        ),
    )


def _span(m: Mention) -> tuple[int, int]:
    return m.start, m.end


def sample_articles() -> list[Article]:
    return [
        meeting(1, "2022-02-07", "TASS"),
        meeting(2, "2022-02-07", "Le Monde"),
        meeting(3, "2021-06-01", "TASS"),
        sanction("2022-03-03"),
    ]


def build_db(path: Path | str, articles: list[Article] | None = None) -> str:
    """A database (a SQLite path or a store URL) holding ``articles`` (the sample set by
    default); returns its path or URL."""
    db = str(path)
    with Store.open(db) as store:
        store.save_batch(articles if articles is not None else sample_articles(), None)
    return db
