"""Organisation nominals and the kind the text gives a name (issue 17; docs/quality.md
"Session 12: entity links"). Invented sentences; each fails on the code before the rule.
No knowledge base: every organisation is local to the article.
"""

from __future__ import annotations

from entity_checks import local_layer_of as layer_of

from newsgraph.extractors.entities.layer import EntityLayer


def name_at(layer: EntityLayer, text: str, needle: str) -> str | None:
    start = text.index(needle)
    found = layer.resolve(start, start + len(needle))
    return found.name if found else None


def test_a_two_word_apposition_gives_the_kind(nlp):
    text = (
        "In 2001 Guo was named vice-president of the People's Bank of China, the central "
        "bank. Qu Tianshi, an economist at Bank of China, said ties between the central "
        "bank and the other regulators would improve."
    )
    layer = layer_of(nlp, text)
    assert name_at(layer, text, "the central bank and") == "People's Bank of China"


def test_the_organization_is_not_the_broadcaster_it_speaks_to(nlp):
    text = (
        "David Posner, the director at the JCC Association, told ABC News that as far as "
        "the organization knows, no one has been arrested."
    )
    layer = layer_of(nlp, text)
    assert name_at(layer, text, "the organization") == "JCC Association"


def test_a_name_before_a_kind_noun_is_of_that_kind(nlp):
    text = (
        "Strikes at six Tesco stores were deferred because of flaws in the way the "
        "Mandate trade union served notice of industrial action on the company."
    )
    layer = layer_of(nlp, text)
    assert name_at(layer, text, "the company") == "Tesco"
