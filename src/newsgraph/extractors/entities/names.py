"""Name clustering: the name mentions of one actor share an entity key.

"Putin", "Vladimir Putin" and a misspelt "Emanuel Macron" beside "Emmanuel Macron"
become one entity; organisations, countries and places link to the knowledge base or
get a stable local key such as ``local:org:kremlin``.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from rapidfuzz.fuzz import ratio, token_set_ratio
from spacy.tokens import Doc, Token

from newsgraph.extractors.doctext import doc_text
from newsgraph.extractors.entities.name_spans import hyphen_part, name_goes_on
from newsgraph.extractors.entities.types import Candidate, Link, Resolver, lexicon, name_particles
from newsgraph.kb.actor_codes import country_code, place_country


def cluster_names(doc: Doc, candidates: list[Candidate], resolver: Resolver) -> dict[str, Link]:
    """Give every candidate an entity key; names of one actor share it ("Putin", "Vladimir
    Putin", "Emanuel Macron" beside "Emmanuel Macron"). Returns the link of every key."""
    links: dict[str, Link] = {}
    known: dict[str, list[list[str]]] = {}  # person key -> the name forms seen
    where: dict[str, list[tuple[int, int]]] = {}  # person key -> its full names' token spans
    shorts: dict[str, list[tuple[int, str]]] = {}  # a one-word name -> (token, key) so far
    persons = [c for c in candidates if c.label == "PERSON"]
    full = [c for c in persons if len(name_words(doc, c)) > 1]
    single = [c for c in persons if len(name_words(doc, c)) <= 1]
    for cand in sorted(full, key=lambda c: not c.links):
        _cluster_person(doc, cand, links, known, resolver)
        if cand.entity:
            where.setdefault(cand.entity, []).append((cand.start, cand.end))
    support = _Support(doc, candidates, links, resolver) if single else None
    for cand in single:
        if support is not None and not support.check(cand):
            continue  # "Fox" the channel: back to the model's label
        _cluster_person(doc, cand, links, known, resolver, where, shorts)
    by_slug: dict[str, str] = {}
    context = _OrgContext(doc, candidates, links, resolver)
    others = [c for c in candidates if c.label != "PERSON"]
    longer = _longer_names(doc, others)
    for cand in others:
        if id(cand) not in longer:
            _cluster_other(doc, cand, links, by_slug, resolver, context)
    for cand in others:
        if id(cand) in longer:
            named = {c.entity for c in longer[id(cand)] if c.entity}
            whole = links[named.pop()] if len(named) == 1 else None
            _cluster_other(doc, cand, links, by_slug, resolver, context, whole)
    return links


def _longer_names(doc: Doc, others: list[Candidate]) -> dict[int, list[Candidate]]:
    """The organisation names of the article that are the last words of a longer one
    opening with a place ("the Post" beside "The Washington Post", "the Times" beside
    "The New York Times": a place's paper, council or court), each with the longer names
    it ends (by ``id`` of the candidate). A longer name with no place leaves a short
    one its own ("the House" beside "the White House" is another body), and so does a
    party word ("Democrats" beside "Social Democrats")."""
    orgs = [(c, name_words(doc, c)) for c in others if c.label == "ORG"]
    placed = [(c, [w.lower() for w in words]) for c, words in orgs if _opens_with_place(words)]
    found: dict[int, list[Candidate]] = {}
    for cand, words in orgs:
        short = [w.lower() for w in words]
        if not short or _party_word(" ".join(short)):
            continue
        ends = [c for c, w in placed if len(w) > len(short) and w[-len(short) :] == short]
        if ends:
            found[id(cand)] = ends
    return found


def _opens_with_place(words: list[str]) -> bool:
    """'Washington Post', 'New York Times': the name's first word or words are a place."""
    return any(place_country(" ".join(words[:k])) for k in range(1, len(words)))


_ACRONYM = re.compile(r"[A-Z][A-Z.&]{1,6}")


class _OrgContext:
    """What in the article supports linking an acronym to a KB organisation of one
    country: the article's own definition of the acronym ("First Command of the Capital
    (PCC)") decides when it has one (the organisation's name, or one spelt a little
    differently: "Social Democrat Party"); else, when the article names any country, the
    organisation's must be named at least ``MIN_COUNTRY_MENTIONS`` times (by its name, a
    demonym, a place or a linked person or organisation of it). "PCC" in an article on Brazil's prisons is a Brazilian gang,
    not the Chinese Communist Party (whose French acronym it is), though China is named
    once. Organisations of no one country (the UN, NATO) and names longer than an
    acronym need no support."""

    def __init__(
        self, doc: Doc, candidates: list[Candidate], links: dict[str, Link], resolver: Resolver
    ) -> None:
        self.text = doc_text(doc)
        self.resolver = resolver
        self.countries: Counter[str] = Counter()
        self.words: Counter[str] = Counter()  # the counted mentions, by their words
        for c in candidates:
            words = doc[c.start : c.end].text
            if _ACRONYM.fullmatch(words):
                continue
            link = links.get(c.entity) if c.entity else (c.links[0] if c.links else None)
            code = link.country if link else None
            if code is None and c.label in ("GPE", "NORP", "LOC", "FAC"):
                code = resolver.country(words)
            if code:
                self.countries[code] += 1
                self.words[words.lower()] += 1
        self.defined = _acronym_definitions(self.text)
        # places below a country that the tables put in the United States ("Atlanta")
        self.us_places = sum(
            1
            for c in candidates
            if c.label in ("GPE", "LOC", "FAC")
            and place_country(t := doc[c.start : c.end].text) == "USA"
            and country_code(t) is None
        )

    def us_state(self, mention: str, link: Link) -> bool:
        """A country whose name is also a US state's ("Georgia"), in an article that
        names places of the United States and nothing else of that country (its
        capital, its people, its politicians): the state."""
        if mention.lower() not in US_STATE_COUNTRIES or link.country is None:
            return False
        named = self.countries[link.country] - self.words[mention.lower()]
        return self.us_places > 0 and named <= 0

    def supports(self, mention: str, link: Link) -> bool:
        if link.country is not None and (_party_word(mention) or _generic_body(mention)):
            # 'Conservatives' in a US story is no British party, nor 'the Republicans'
            # in a French one the American, nor 'Congress' in a Venezuelan one the US
            # Congress: the body's country must be named too
            return self._country_named(link.country)
        if link.country is None or not _ACRONYM.fullmatch(mention):
            return True
        names = {n.lower() for n in [link.name, *self.resolver.org_names(link.id)]}
        expansion = self.defined.get(mention)
        if expansion is not None:
            written = " ".join(expansion.lower().split())
            return any(
                " " in name and (written.endswith(name) or token_set_ratio(written, name) >= 80)
                for name in names
            )
        return self._country_named(link.country)

    def _country_named(self, country: str) -> bool:
        """The article names ``country`` often enough, or names no country at all."""
        return not self.countries or self.countries[country] >= MIN_COUNTRY_MENTIONS


MIN_COUNTRY_MENTIONS = 2
# countries whose English name is also the name of a US state
US_STATE_COUNTRIES = frozenset({"georgia"})
# what parties of many countries are called: a word like these names a KB party only in
# an article that names the party's country
PARTY_WORDS = frozenset(
    {
        "conservatives",
        "republicans",
        "democrats",
        "labour",
        "greens",
        "liberals",
        "socialists",
        "tories",
        "communists",
        "nationalists",
        "social democrats",
        "christian democrats",
        "liberal democrats",
    }
)


# what bodies of many countries are called: a KB body of one country only where the
# article names that country
GENERIC_BODIES = frozenset(
    {
        "congress",
        "parliament",
        "senate",
        "supreme court",
        "constitutional court",
        "national assembly",
        "assembly",
        "cabinet",
        "foreign ministry",
        "interior ministry",
        "defence ministry",
        "defense ministry",
        "justice ministry",
    }
)


def _generic_body(mention: str) -> bool:
    return _party_word_text(mention) in GENERIC_BODIES


def _party_word_text(mention: str) -> str:
    return mention.lower().replace("the ", "").strip()


def _party_word(mention: str) -> bool:
    """A party word, with or without "Party" ("Labour Party" in a Dutch story is PvdA)."""
    words = mention.lower().replace("the ", "").strip()
    return words in PARTY_WORDS or words.removesuffix(" party") in PARTY_WORDS | _PARTY_STEMS


# the singular stems of PARTY_WORDS that parties of many countries are named by
_PARTY_STEMS = frozenset(
    {"conservative", "republican", "democratic", "liberal", "socialist", "green", "communist"}
)


_DEFINITION = re.compile(
    r"\b((?:[A-Z][\w'’-]*|of|the|for|and|de|da|do|del|la|le|des)(?:[ \t]+(?:[A-Z][\w'’-]*|of|the|"
    r"for|and|de|da|do|del|la|le|des)){1,7})\s*\((?P<acr>[A-Z][A-Z.&]{1,6})\)"
)


def _acronym_definitions(text: str) -> dict[str, str]:
    """Acronyms the article defines, with the capitalised words before them: "... the
    Sao Paulo-based First Command of the Capital (PCC)" -> {"PCC": "Sao Paulo-based First
    Command of the Capital"} (a KB name the words end with is the acronym's)."""
    found: dict[str, str] = {}
    for match in _DEFINITION.finditer(text):
        found.setdefault(match["acr"], match[1])
    return found


# a former office holder named by surname alone, with only his country in the article
RECENT_YEARS = 8.0
_GENERIC_TITLES = frozenset(
    {"mr", "mrs", "ms", "miss", "dr", "madame", "monsieur", "mme", "m", "sir", "lord", "lady"}
)


_PLACE_LABELS = frozenset({"GPE", "LOC", "NORP"})


class _Support:
    """What in the article supports linking a bare surname to a KB person: the person's
    full name (clustering does that), a title before it ("President Fox"), the person in
    office on the article's date, another KB person of the same country in the article,
    or, for someone out of office fewer than ``RECENT_YEARS``, the country itself or no
    country named at all ("Obama" in a 2017 story on a US court case that names none)."""

    def __init__(
        self, doc: Doc, candidates: list[Candidate], links: dict[str, Link], resolver: Resolver
    ) -> None:
        self.doc = doc
        self.resolver = resolver
        self.people_countries = {
            link.country for link in links.values() if link.type == "PERSON" and link.country
        }
        self.named = set(links)  # the people named in full, clustered before any surname
        self.countries: set[str] = set()
        for c in candidates:
            if c.label in ("GPE", "NORP", "LOC") or (c.links and c.label != "PERSON"):
                code = resolver.country(doc[c.start : c.end].text)
                if code:
                    self.countries.add(code)
        titles = lexicon()
        self.titles = (set(titles["titles"]) | set(titles["role_nouns"])) - _GENERIC_TITLES
        # the last words of the names the article gives in full ("Devin Nunes")
        self.surnames = {
            words[-1].lower()
            for c in candidates
            if c.label == "PERSON" and len(words := name_words(doc, c)) > 1
        }

    def check(self, cand: Candidate) -> bool:
        """Keep only the KB links the article supports; False when the candidate is no
        person at all (the model saw an organisation or place and nothing supports a link)."""
        if not cand.links:
            cand.links = tuple(self.resolver.people(self.doc[cand.start : cand.end].text))
        cand.checked = True
        if not cand.links:
            return True
        namesakes = cand.links if len(cand.links) > 1 else ()
        kept = tuple(link for link in cand.links if self._supported(cand, link))
        if namesakes:
            kept = tuple(link for link in self._one_of_namesakes(namesakes) if link in kept)
        if kept:
            cand.links = kept
            return True
        cand.links = ()
        if cand.model_label in _PLACE_LABELS and self._surname_of_named(cand):
            return True  # the model's place is the surname of someone named in full
        if cand.model_label and cand.model_label != "PERSON":
            cand.label = cand.model_label
            return False
        return True

    def _surname_of_named(self, cand: Candidate) -> bool:
        """A one-word name that is the last word of a name the article gives in full
        ("Rep. Hal Ferris ... where Ferris had been": the model's "place" Ferris), and no
        place the tables know: that person, not a KB namesake nor a place."""
        text = self.doc[cand.start : cand.end].text
        return (
            text.lower() in self.surnames
            and self.resolver.country(text) is None
            and place_country(text) is None
        )

    def _one_of_namesakes(self, links: tuple[Link, ...]) -> tuple[Link, ...]:
        """Several KB people share the surname ("Clinton": Bill and Hillary): only a
        namesake the article singles out is kept - named in full in it, the only one in
        office on its date, else the only one out of office fewer than ``RECENT_YEARS``
        (in 2017, "Obama" is Barack, not Michelle; "Clinton" Hillary, not Bill) - else
        none (an unlinked name beats the most famous holder of the surname)."""
        named = tuple(link for link in links if link.id in self.named)
        if named:
            return named[:1]
        out = {link.id: self.resolver.years_out_of_office(link.id) for link in links}
        serving = [link for link in links if out[link.id] == 0.0]
        if serving:
            return (serving[0],) if len(serving) == 1 else ()
        recent = [link for link in links if (out[link.id] or 99.0) < RECENT_YEARS]
        return (recent[0],) if len(recent) == 1 else ()

    def _supported(self, cand: Candidate, link: Link) -> bool:
        out = self.resolver.years_out_of_office(link.id)
        if out is None or out == 0.0 or link.country is None and out < RECENT_YEARS:
            return True
        before = self.doc[cand.start - 1].lower_.rstrip(".") if cand.start > 0 else ""
        if before in self.titles:
            return True
        if link.country and link.country in self.people_countries:
            return True
        named_here = not self.countries or link.country in self.countries
        return bool(link.country and named_here and out < RECENT_YEARS)


def name_words(doc: Doc, cand: Candidate) -> list[str]:
    """The words of a name without punctuation: "Jean-Marie Le Pen" -> [Jean, Marie, Le, Pen];
    a romanised Korean given name stays one word: "Ban Ki-moon" -> [Ban, Ki-moon] (its
    "moon" is no surname: the family name comes first)."""
    words: list[str] = []
    for t in doc[cand.start : cand.end]:
        if t.is_alpha and words and hyphen_part(t):
            words[-1] += "-" + t.text
        elif t.is_alpha:
            words.append(t.text)
    return words


def _cluster_person(
    doc: Doc,
    cand: Candidate,
    links: dict[str, Link],
    known: dict[str, list[list[str]]],
    resolver: Resolver,
    where: dict[str, list[tuple[int, int]]] | None = None,
    where_short: dict[str, list[tuple[int, str]]] | None = None,
) -> None:
    words = name_words(doc, cand)
    suffix = _suffix(doc, cand)
    if suffix is not None and words and words[-1].lower() not in GENERATIONS:
        words = [*words, suffix]  # "Tom Harlan Jr." is not his father Tom Harlan
    text = " ".join(words)
    if not cand.links and not cand.checked:
        cand.links = tuple(resolver.people(doc[cand.start : cand.end].text))
    key = next((link.id for link in cand.links if link.id in links), None)
    kin = _kin_named(doc, cand, words)
    if kin:  # "His son, Walter K. Grant": the initial tells him from Walter Grant
        words = [w for t in doc[cand.start : cand.end] if (w := t.text.rstrip(".")).isalpha()]
        text = " ".join(words)
    same = None if key else _same_person(words, known, exact=kin)
    if same and where is not None:
        shorts = where_short if where_short is not None else {}
        same = _nearest_namesake(doc, cand, words, known, where, shorts) or same
    if same and same.startswith("local:") and cand.links and _titled(doc, cand):
        same = None  # 'President Trump' is the KB's president, not 'Melania Trump'
    own = {link.id for link in cand.links}
    if same and not same.startswith("local:") and own and len(words) > 1 and same not in own:
        same = None  # 'George W. Bush' after 'George H. W. Bush': two KB people
    key = key or same
    if key is None and cand.links:
        key = cand.links[0].id
        links[key] = cand.links[0]
    if key is None:
        key = "local:person:" + slug(text)
        links[key] = Link(key, text, "PERSON")
    cand.entity = key
    known.setdefault(key, []).append(words)
    if where_short is not None and len(words) == 1:
        where_short.setdefault(words[0].lower(), []).append((cand.start, key))


def _titled(doc: Doc, cand: Candidate) -> bool:
    """A name right after an office title ('President Trump', 'Chancellor Merkel')."""
    if cand.start == 0:
        return False
    before = doc[cand.start - 1].lower_.rstrip(".")
    titles = set(lexicon()["titles"]) | set(lexicon()["role_nouns"])
    return before in titles - _GENERIC_TITLES


def _same_person(
    words: list[str], known: dict[str, list[list[str]]], *, exact: bool = False
) -> str | None:
    """The person already named in the article whose name fits ``words``, latest first;
    with ``exact``, only one named with the same words."""
    low = [w.lower() for w in words]
    for key in reversed(list(known)):
        for form in known[key]:
            other = [w.lower() for w in form]
            if other == low or (not exact and _names_fit(low, other)):
                return key
    return None


# generational suffixes of a name, lower case without the full stop
GENERATIONS = frozenset({"jr", "sr"})
# nouns of kinship: a full name given as someone's kin is someone else than that person
KIN_NOUNS = frozenset(
    [
        "son",
        "daughter",
        "father",
        "mother",
        "brother",
        "sister",
        "husband",
        "wife",
        "grandson",
        "granddaughter",
        "grandfather",
        "grandmother",
        "nephew",
        "niece",
        "uncle",
        "aunt",
        "cousin",
        "stepson",
        "stepdaughter",
        "stepfather",
        "stepmother",
        "dad",
        "mom",
        "mum",
    ]
)


def _suffix(doc: Doc, cand: Candidate) -> str | None:
    """The generational suffix a person's name ends in ("Jr." -> "Jr"), if any."""
    last = doc[cand.end - 1]
    word = last.text.rstrip(".")
    return word if cand.end - cand.start > 1 and word.lower() in GENERATIONS else None


def _kin_named(doc: Doc, cand: Candidate, words: list[str]) -> bool:
    """A full name given as someone's kin ("His son Charles Berry Jr.", "Kushner's father,
    real estate mogul Charles Kushner"): a kinship noun before it in its sentence with at
    most a comma and lower-case words between. Such a name joins only a person named with
    the same words, not the namesake its surname fits (the father is not the son)."""
    if len(words) < 2:
        return False
    i = cand.start - 1
    sent_start = doc[cand.start].sent.start
    while i >= sent_start and cand.start - i <= 6:
        tok = doc[i]
        if tok.lower_ in KIN_NOUNS:
            return True
        if not (tok.text == "," or tok.is_lower):
            return False
        i -= 1
    return False


def _nearest_namesake(
    doc: Doc,
    cand: Candidate,
    words: list[str],
    known: dict[str, list[list[str]]],
    where: dict[str, list[tuple[int, int]]],
    shorts: dict[str, list[tuple[int, str]]],
) -> str | None:
    """Of several people the article names in full whom one word fits ("Kim": Kim
    In-ryong and Kim Jong-nam; "Harris": John and Mary Harris), the one whose stated role
    has the title before the word ("Ambassador Kim": the one named with "deputy UN
    ambassador"), else the one named in full last before it when that name is a
    subject, else the one the same word meant last (``shorts``: word -> the token
    starts and keys of its one-word mentions so far); None when nothing of these tells
    (the caller keeps its choice)."""
    low = [w.lower() for w in words]
    fitting = [
        key
        for key, forms in known.items()
        if key in where and any(_names_fit(low, [w.lower() for w in f]) for f in forms)
    ]
    if len(fitting) < 2:
        return None
    title = doc[cand.start - 1].lower_.rstrip(".") if cand.start > 0 else ""
    titles = (set(lexicon()["titles"]) | set(lexicon()["role_nouns"])) - _GENERIC_TITLES
    if title in titles:
        styled = [key for key in fitting if any(_styled(doc, s, title) for s in where[key])]
        if len(styled) == 1:
            return styled[0]
    before = [(s[0], key) for key in fitting for s in where[key] if s[1] <= cand.start]
    if not before:
        return None
    start, nearest = max(before)
    if _subject(doc[start]):
        return nearest
    earlier = [(i, key) for i, key in shorts.get(low[0], []) if i < cand.start]
    if earlier:  # "... his children X Berry and Y Berry. Berry dedicated"
        return max(earlier)[1]
    return None  # recency alone is no evidence ("the half brother of leader Kim Jong-un ...
    # Kim was killed")


def _subject(tok: Token) -> bool:
    """The name's head is the subject of a clause ("Kim In-ryong, ..., told reporters")."""
    head = tok
    while head.dep_ in ("compound", "flat") and head.head.i != head.i:
        head = head.head
    return head.dep_ in ("nsubj", "nsubjpass")


def _styled(doc: Doc, span: tuple[int, int], title: str) -> bool:
    """The full name at ``span`` carries ``title``: right before it ("Ambassador Kim
    In-ryong") or in a phrase set off after it in its sentence ("Kim In-ryong, North
    Korea's deputy UN ambassador,")."""
    start, end = span
    sent = doc[start].sent
    if start > sent.start and doc[start - 1].lower_.rstrip(".") == title:
        return True
    if end < sent.end and doc[end].text in (",", "(", "-", "–", "—"):
        for tok in doc[end + 1 : min(sent.end, end + 9)]:
            if tok.lower_ == title:
                return True
            if tok.text in (",", ")", ";") or tok.pos_ == "VERB":
                return False
    return False


def _names_fit(a: list[str], b: list[str]) -> bool:
    """Same surname and fitting first names; a single word may be a surname or first name.
    Names with different generational suffixes do not fit ("Tom Harlan Jr." and "Tom
    Harlan", "Harlan Jr." and "Tom Harlan"); a surname alone fits either."""
    a, a_gen = _without_suffix(a)
    b, b_gen = _without_suffix(b)
    if a_gen != b_gen and (a_gen or len(a) > 1) and (b_gen or len(b) > 1):
        return False
    if not a or not b:
        return False
    if len(a) == 1 or len(b) == 1:
        short, long_ = (a, b) if len(a) <= len(b) else (b, a)
        return short[0] == long_[-1] or (len(long_) > 1 and short[0] == long_[0]) or a == b
    if a[-1] != b[-1]:
        return False
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < len(long_) and short[0] in name_particles() and long_[-len(short) :] == short:
        return True  # a surname with its particle ("De Pieri" in "Elisa De Pieri")
    return a[0][0] == b[0][0] and _similar(a[0], b[0])


def _without_suffix(words: list[str]) -> tuple[list[str], str | None]:
    """Lower-case name words without a generational suffix, and the suffix."""
    if len(words) > 1 and words[-1] in GENERATIONS:
        return words[:-1], words[-1]
    return words, None


def _similar(x: str, y: str) -> bool:
    """First names that are one spelling apart ("Emanuel"/"Emmanuel") or an initial."""
    if x == y or len(x) == 1 or len(y) == 1:
        return True
    return ratio(x, y) >= 80


def _cluster_other(
    doc: Doc,
    cand: Candidate,
    links: dict[str, Link],
    by_slug: dict[str, str],
    resolver: Resolver,
    context: _OrgContext,
    whole: Link | None = None,
) -> None:
    """Organisations, countries and places: KB organisation (an acronym only with support
    from the article), else country, else ``whole`` (the one longer name of the article
    this one ends: "the Post" is The Washington Post), else local."""
    text = doc[cand.start : cand.end].text
    text_slug = slug(text)
    link = cand.links[0] if cand.links else None
    if link is None and cand.label in ("ORG", "FAC", "NORP") and not name_goes_on(doc, cand.end):
        link = resolver.org(text)
    if link is not None and link.type == "ORG" and not context.supports(text, link):
        link = None
    if link is None and cand.label in ("GPE", "LOC", "ORG") and not _abbreviation(doc, cand):
        link = resolver.country_link(text)
        if link is not None and context.us_state(text, link):
            link = Link(f"local:gpe:{text_slug}", text, "GPE", "USA")  # "a Georgia judge"
    if link is None and whole is not None:
        link = whole
    if link is None:
        key = by_slug.setdefault(text_slug, f"local:{cand.label.lower()}:{text_slug}")
        link = links.get(key) or Link(key, text, cand.label, resolver.country(text))
    links.setdefault(link.id, link)
    cand.entity = link.id


def _abbreviation(doc: Doc, cand: Candidate) -> bool:
    """A short capitalised word followed by a full stop ("ST." Petersburg) is no country code."""
    end = doc[cand.start].idx + len(doc[cand.start])
    return (
        cand.end - cand.start == 1
        and len(doc[cand.start]) <= 3
        and doc_text(doc)[end : end + 1] == "."
    )


def slug(text: str) -> str:
    """ASCII, lower case, words joined by hyphens: "Marine Le Pen" -> "marine-le-pen"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"
