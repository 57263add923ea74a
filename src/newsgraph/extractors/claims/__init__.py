"""Numeric claims: the figures an article states, with unit, approximation, direction,
what is measured, whose figure it is, when, and who states it.

``find_claims(doc, times=..., quotes=..., resolve=..., outlet=...)`` reads the body;
``title_claims(title, entities=...)`` the headline. Word lists per language live in
``data/units_<language>.json``.
"""

from newsgraph.extractors.claims.extract import find_claims, title_claims

__all__ = ["find_claims", "title_claims"]
