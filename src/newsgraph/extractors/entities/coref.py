"""In-article coreference: role phrases, stated roles and pronouns resolved to actors.

Names are clustered by :mod:`newsgraph.extractors.entities.names`; this module adds the
mentions that carry no name:

* **stated roles** - a role the text gives a named person ("Kremlin spokesman Dmitry
  Peskov", "his French counterpart, Emmanuel Macron") teaches the article that "the
  Kremlin spokesman" is Peskov; they are kept as evidence;
* **role phrases** ("the Kremlin leader", "the President of Russia") resolve through
  the stated roles first, then the knowledge base by the article's date, then to the
  last person mentioned whose country fits;
* **epithets** ("the Maryland Democrat", "the 45-year-old", "the boy") rename the
  person named nearest before them whom nothing rules out (see :mod:`epithets`);
* **pronouns** (he, him, his, she, her) resolve to the most salient earlier person of
  their gender (grammatical role, recency by sentence, speaking, someone unnamed left
  unlinked: see :mod:`pronouns`); "it"/"its" to an organisation or country subject.

The steps live in :mod:`role_phrases` (stated roles and role phrases) and
:mod:`pronouns`; the per-article state in :mod:`coref_article`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from newsgraph.extractors.entities.coref_article import CorefArticle
from newsgraph.extractors.entities.epithets import resolve_epithets
from newsgraph.extractors.entities.nominals import resolve_org_nominals
from newsgraph.extractors.entities.pronouns import name_genders, resolve_it, resolve_pronouns
from newsgraph.extractors.entities.role_phrases import find_stated_roles, resolve_role_phrases
from newsgraph.extractors.entities.types import Link, NameSpan, Reference, Resolver, StatedRole


@dataclass(frozen=True)
class CorefResult:
    """The references, stated roles and role-phrase-only actors of one article."""

    references: tuple[Reference, ...]
    stated_roles: tuple[StatedRole, ...]
    new_links: tuple[Link, ...]  # actors found only through a role phrase


def resolve_coreference(
    doc: Doc,
    names: Sequence[NameSpan],
    people: dict[str, Link],
    resolver: Resolver,
    orgs: dict[str, Link] | None = None,
) -> CorefResult:
    """Stated roles, role-phrase, organisation-nominal and pronoun references of one article."""
    art = CorefArticle(doc, names, people, resolver)
    find_stated_roles(art)
    resolve_role_phrases(art)
    resolve_org_nominals(art, orgs or {})
    resolve_epithets(art, name_genders(art))
    resolve_pronouns(art)
    resolve_it(art)
    return CorefResult(
        references=tuple(sorted(art.references, key=lambda r: r.start)),
        stated_roles=tuple(s for _, s in art.stated),
        new_links=tuple(art.new_links.values()),
    )
