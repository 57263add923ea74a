"""Per-article state of coreference: names by token, stated roles, references so far."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span

from newsgraph.extractors.entities.types import Link, NameSpan, Reference, Resolver, StatedRole


class CorefArticle:
    """Per-article state: names by token, stated roles, references found so far."""

    def __init__(
        self, doc: Doc, names: Sequence[NameSpan], people: dict[str, Link], resolver: Resolver
    ) -> None:
        self.doc = doc
        self.names = sorted(names, key=lambda n: n.start)
        self.people = dict(people)
        self.resolver = resolver
        self.owner: dict[int, str] = {}
        for name in self.names:
            for i in range(name.start, name.end):
                self.owner[i] = name.entity
        self.stated: list[tuple[int, StatedRole]] = []
        self.references: list[Reference] = []
        self.new_links: dict[str, Link] = {}
        # subjects that bring in someone unnamed ("The boy was found"), with the gender
        # their noun gives: later pronouns may mean them (epithets.py, pronouns.py)
        self.unnamed: dict[int, str] = {}

    def is_person(self, entity: str | None) -> bool:
        return entity is not None and entity in self.people

    def person_at(self, i: int) -> str | None:
        """The person whose name or reference covers token ``i``."""
        entity = self.owner.get(i)
        return entity if self.is_person(entity) else None

    def country_of(self, stated: StatedRole) -> str | None:
        """The country a stated role is in, else the country of its holder."""
        return stated.country or self.people[stated.entity].country

    def last_person_before(
        self, i: int, country: str | None, exclude: frozenset[str] | set[str] = frozenset()
    ) -> str | None:
        """The person named last before token ``i`` (of ``country`` when given)."""
        for name in reversed(self.names):
            link = self.people.get(name.entity)
            if (
                name.start < i
                and link
                and name.entity not in exclude
                and (country is None or link.country == country)
            ):
                return name.entity
        return None

    def add_reference(self, span: Span, entity: str, kind: str) -> None:
        self.references.append(Reference(span.start_char, span.end_char, span.text, entity, kind))
        for i in range(span.start, span.end):
            self.owner.setdefault(i, entity)
