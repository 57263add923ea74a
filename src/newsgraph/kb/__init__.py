"""The actor knowledge base: people with dated roles, countries, organisations.

Load it with :func:`load_kb` (or the cached :func:`default_kb`), then resolve
mentions with the pure functions in :mod:`newsgraph.kb.resolve`.
"""

from newsgraph.kb.load import default_kb, load_kb
from newsgraph.kb.model import Actor, Alias, Country, KnowledgeBase, Metonym, Organisation, Role
from newsgraph.kb.resolve import (
    CountryMatch,
    holder,
    lookup_name,
    lookup_organisation,
    match_country,
    resolve_country,
    resolve_role_phrase,
    tenure_range,
)
from newsgraph.kb.schema import KnowledgeBaseError
from newsgraph.kb.search import describe_actor, search_actors

__all__ = [
    "Actor",
    "Alias",
    "Country",
    "CountryMatch",
    "KnowledgeBase",
    "KnowledgeBaseError",
    "Metonym",
    "Organisation",
    "Role",
    "default_kb",
    "describe_actor",
    "holder",
    "load_kb",
    "lookup_name",
    "lookup_organisation",
    "match_country",
    "resolve_country",
    "resolve_role_phrase",
    "search_actors",
    "tenure_range",
]
