"""Names across scripts: Russian aliases read in Latin letters, Cyrillic mentions of
foreign names read back in Latin, so that "Choïgou", "Shoigu" and "Шойгу" find one actor.

Transliteration follows several published schemes at once (``iuliia``: Wikipedia,
the French passport scheme MVD 310 FR, BGN/PCGN, ICAO, Moscow metro): a name written
by any of them matches. ``lookup_any`` is ``lookup_name`` plus these two fallbacks.
"""

from __future__ import annotations

import threading
import weakref
from collections import defaultdict
from functools import lru_cache

import iuliia

from newsgraph.kb.model import Actor, KnowledgeBase
from newsgraph.kb.normalize import is_cyrillic, normalize_name
from newsgraph.kb.resolve import DateLike, lookup_name

SCHEMES = (
    iuliia.WIKIPEDIA,
    iuliia.MVD_310_FR,
    iuliia.BGN_PCGN,
    iuliia.ICAO_DOC_9303,
    iuliia.MOSMETRO,
    iuliia.ALA_LC,
)
_INDEXES: weakref.WeakKeyDictionary[KnowledgeBase, dict[str, list[str]]] = (
    weakref.WeakKeyDictionary()
)
_LOCK = threading.Lock()


@lru_cache(maxsize=50_000)
def latin_forms(text: str) -> tuple[str, ...]:
    """The normalised Latin spellings of a Cyrillic name under every scheme."""
    forms = {normalize_name(scheme.translate(text)) for scheme in SCHEMES}
    return tuple(sorted(f for f in forms if f))


def latin_index(kb: KnowledgeBase) -> dict[str, list[str]]:
    """Actor ids by the Latin spellings of their Russian aliases (built once per KB)."""
    with _LOCK:
        found = _INDEXES.get(kb)
        if found is None:
            index: dict[str, list[str]] = defaultdict(list)
            for actor in kb.people.values():
                for alias in actor.aliases:
                    if alias.lang == "ru" or is_cyrillic(alias.text):
                        for form in latin_forms(alias.text):
                            if actor.id not in index[form]:
                                index[form].append(actor.id)
            found = _INDEXES[kb] = dict(index)
        return found


def lookup_any(
    kb: KnowledgeBase,
    text: str,
    *,
    lang: str,
    on: DateLike | None = None,
    lemma: str | None = None,
) -> list[Actor]:
    """Actors named by ``text`` in any script, best first.

    1. the KB's own aliases (``lookup_name``; inflected Russian through its stems),
       then the lemmatised form when given ("Путину" -> "Путин");
    2. a Latin name against the Latin spellings of Russian aliases ("Choïgou");
    3. a Cyrillic name read in Latin letters against every alias ("Эммануэль Макрон"
       -> "Emmanuel Makron" is not "Macron", but "Сергей Шойгу" -> "Sergei Shoigu" is).
    """
    for form in (text, lemma):
        if form:
            found = lookup_name(kb, form, lang=lang, on=on)
            if found:
                return found
    if is_cyrillic(text):
        for form in (lemma, text):
            if not form:
                continue
            for latin in latin_forms(form):
                found = lookup_name(kb, latin, lang="en", on=on)
                if found:
                    return found
        return []
    ids = latin_index(kb).get(normalize_name(text), [])
    return [kb.people[i] for i in ids]
