"""Named-entity spans of an article: the model's, trimmed and relabelled, plus KB matches.

The small spaCy model errs on news; the fixes are general rules (see
:mod:`newsgraph.extractors.entities.layer` for the list).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Span

from newsgraph.extractors.doctext import doc_text, token_lowers
from newsgraph.extractors.entities.documents import document_head
from newsgraph.extractors.entities.furniture import furniture_ranges
from newsgraph.extractors.entities.kbview import KbView
from newsgraph.extractors.entities.types import Candidate, lexicon, name_particles
from newsgraph.extractors.events.tables import verb_patterns
from newsgraph.kb.actor_codes import adjective_country, agent_sector, place_country
from newsgraph.resources import load_json

LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
NOT_NAMES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY"})
NOUN_TAGS = frozenset({"NN", "NNP", "NNS", "NNPS"})
_DASHES = frozenset({"-", "–", "—", "|", "/"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
_CREDIT_LINE = re.compile(
    r"(?:^|[.!?]\s+)(?P<credit>(?:[A-Z][\w'’.]*\s+){1,3}[-–—|/]\s*(?P<tail>[^\n]{2,40}?))\s*$", re.M
)


def find_name_spans(doc: Doc, view: KbView) -> list[Candidate]:
    """Named-entity spans: the model's, trimmed and relabelled, plus KB and surname matches."""
    text = doc_text(doc)
    credits = credit_ranges(text)
    furniture = furniture_ranges(text)
    model = _owner_split(doc, _suffixed_people(doc, _model_spans(doc)))
    model = [c for c in model if not _in_ranges(doc, c, credits)]
    found = [c for c in _gazetteer_spans(doc, view) if not _in_ranges(doc, c, credits)]
    merged = _merge(doc, model, found)
    _relabel(doc, merged, view)
    _peoples(doc, merged, view)
    merged = [c for c in merged if not _agent_as_place(doc, c, view)]
    merged = [c for c in merged if not _office_as_name(doc, c, view)]
    merged += _surname_spans(doc, merged)
    if furniture:
        merged = [c for c in merged if not _starts_in(doc, c, furniture)]
    return sorted(merged, key=lambda c: c.start)


def _office_as_name(doc: Doc, cand: Candidate, view: KbView) -> bool:
    """'The Taoiseach said': the model's name over a lone word the KB knows as one
    country's office, after 'the', is a role phrase (resolved to the office's holder on
    the article's date), not an organisation or a person of that name ('the Queen' may
    be any country's, and stays the name the text makes of it)."""
    if cand.source != "model" or cand.end - cand.start != 1 or cand.start == 0:
        return False
    text = doc[cand.start].text
    return (
        doc[cand.start - 1].lower_ == "the"
        and view.one_country_office(text)
        and not view.people(text)
        and view.org(text) is None
    )


def credit_ranges(text: str) -> list[tuple[int, int]]:
    """Photo credits at the end of a line ("... 2017. Chris Wick - CTN News")."""
    words = set(lexicon()["credit_words"])
    ranges = []
    for match in _CREDIT_LINE.finditer(text):
        tail = match["tail"]
        if tail.isupper() or words & {w.lower() for w in re.findall(r"\w+", tail)}:
            ranges.append((match.start("credit"), match.end("credit")))
    return ranges


# words that count persons before a name ("many Miskitos"), and those that count them
# with "of" ("thousands of Bedouin"; "most of Europe" is a part of a place)
_COUNTING = frozenset({"many", "several", "few"})
_COUNTING_OF = frozenset({"thousands", "hundreds", "millions", "dozens", "scores"})


def _peoples(doc: Doc, cands: list[Candidate], view: KbView) -> None:
    """A one-word model "place" that the text counts ("many Miskitos", "thousands of
    Bedouin") or follows with "who" ("the Bedouin, who live ...") is a people (NORP),
    everywhere in the article: places are neither counted nor "who"."""
    places = [
        c
        for c in cands
        if c.source == "model"
        and c.label in ("GPE", "LOC")
        and c.end - c.start == 1
        and not view.country(t := doc[c.start].text)
        and place_country(t) is None
    ]
    people = {doc[c.start].lower_ for c in places if _counted(doc, c.start) or _who_after(doc, c)}
    words = {doc[c.start].lower_ for c in places}
    persons = {t.lower_ for t in doc if t.lower_ in words and _one_who(doc, t.i)} - people
    for c in places:
        if doc[c.start].lower_ in people:
            c.label = "NORP"
        elif doc[c.start].lower_ in persons:
            c.label = "PERSON"  # "Hemlata, who goes by just one name, ...": someone


def _one_who(doc: Doc, i: int) -> bool:
    """A relative clause with "who" that the parse hangs on a singular capitalised word
    itself, after a comma ("Hemlata, who goes by just one name, is sitting ..."): a
    place is never "who", and one name in the singular is someone, not a people (one
    sense per article: the word is that person wherever the model calls it a place)."""
    tok = doc[i]
    if not tok.is_title or not tok.is_alpha or tok.lower_.endswith("s"):
        return False
    if i + 2 >= len(doc) or doc[i + 1].text != ",":
        return False
    who = doc[i + 2]
    verb = who.head
    if who.lower_ != "who" or verb.dep_ != "relcl" or verb.head.i != i:
        return False
    # a verb for one ("who goes", "who was"), not for many ("the Bedouin, who live")
    verbs = [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass"))]
    return any(v.tag_ == "VBZ" or v.lower_ == "was" for v in verbs)


def _counted(doc: Doc, i: int) -> bool:
    """The name heads a phrase that counts it ("many Miskitos", "200 Miskitos",
    "thousands of Bedouin"), not a modifier of a noun counted ("several Schengen area
    countries", "some Slovak politicians")."""
    if i + 1 < len(doc) and doc[i + 1].tag_ in NOUN_TAGS:
        return False
    if i > 1 and doc[i - 1].lower_ == "of":
        return doc[i - 2].lower_ in _COUNTING_OF
    return i > 0 and (doc[i - 1].lower_ in _COUNTING or doc[i - 1].like_num)


def _who_after(doc: Doc, cand: Candidate) -> bool:
    """A relative clause with "who" that the parse hangs on a plural name itself ("the
    Miskitos, who live on the coast"; not "residents of X, who fled", nor a single
    person or a company the model took for a place: "Noreiga, who is now ...")."""
    word = doc[cand.start].lower_
    if not word.endswith("s") or word.endswith("ss"):
        return False
    after = [t for t in doc[cand.end : cand.end + 2] if t.text != ","]
    if not after or after[0].lower_ != "who":
        return False
    verb = after[0].head
    return verb.dep_ == "relcl" and verb.head.i == cand.start


def _agent_as_place(doc: Doc, cand: Candidate, view: KbView) -> bool:
    """A one-word "place" of the model that is a noun for a kind of people ("Pirates
    seized a tanker", a sentence's first word capitalised): no name, the phrase is coded
    as the agent it names. A place the KB or the place tables know stays."""
    if cand.source != "model" or cand.label not in ("GPE", "LOC") or cand.end - cand.start != 1:
        return False
    text = doc[cand.start].text
    return (
        agent_sector(text) is not None
        and not view.country(text)
        and place_country(text) is None
        and not view.people(text)
        and view.org(text) is None
    )


def _in_ranges(doc: Doc, cand: Candidate, ranges: list[tuple[int, int]]) -> bool:
    start, end = doc[cand.start].idx, doc[cand.end - 1].idx + len(doc[cand.end - 1])
    return any(s <= start and end <= e for s, e in ranges)


def _starts_in(doc: Doc, cand: Candidate, ranges: list[tuple[int, int]]) -> bool:
    start = doc[cand.start].idx
    return any(s <= start < e for s, e in ranges)


def _model_spans(doc: Doc) -> list[Candidate]:
    """The model's entities of the kept labels, each trimmed to the name itself."""
    found = []
    for ent in doc.ents:
        if ent.label_ not in LABELS:
            continue
        if ent.label_ == "ORG" and _titled_law(ent):
            continue  # 'First Amendment attorneys', 'the Patriot Act': a law, no body
        for lo, hi in _unglued(doc, ent.start, ent.end):
            start, end = _trim(doc, lo, hi, ent.label_)
            if ent.label_ == "PERSON" and start < end:
                end = _korean_given_name_after(doc, end)
                if start == ent.start:
                    start = _given_name_glued_before(doc, start)
            if ent.label_ == "ORG" and start == ent.start:
                start = _hyphened_word_before(doc, start)
            if start < end and any(t.is_alpha and not t.is_lower for t in doc[start:end]):
                # a name has a capital: a lower-case "state" or "government" is no entity
                found.append(Candidate(start, end, ent.label_))
    return found


def _titled_law(ent: Span) -> bool:
    """A law's or a treaty's name the model took for a body: its head is a capitalised
    document word ('the Patriot Act', 'the Convention against Torture'; not 'the
    Government of National Accord')."""
    head = document_head(ent)
    return head is not None and head.is_title


def _given_name_glued_before(doc: Doc, start: int) -> int:
    """The start of a person's name the model began after a capitalised word glued by a
    hyphen to a lower-case word before it ("McCarthy and-Christine Todd Whitman", a dash
    standing for a space in scraped text): that word is the name's first, not "Todd
    Whitman". A title, a country or a nationality word stays out."""
    if start < 3 or not doc[start - 1].whitespace_:
        return start
    word, hyphen, given = doc[start - 3], doc[start - 2], doc[start - 1]
    glued = not word.whitespace_ and not hyphen.whitespace_ and hyphen.text == "-"
    if not (glued and word.is_lower and word.is_alpha and given.is_title and given.is_alpha):
        return start
    if given.lower_ in lexicon()["titles"] or given.lower_ in _one_word_offices():
        return start
    if place_country(given.text) or adjective_country(given.text):
        return start
    return start - 1


def _hyphened_word_before(doc: Doc, start: int) -> int:
    """The start of an organisation's name the model began after a capitalised word
    written with a hyphen ("Co-operative Bank", tokens "Co", "-", "operative", "Bank"):
    the whole word is the name's first ("Bank" alone is no name). A place or people
    with a participle before the name only describes it ("the Lausanne-based IOC",
    "Kurdish-led forces", "Iran-allied Houthi fighters")."""
    if start < 3 or not doc[start - 1].whitespace_:
        return start
    first, hyphen, rest = doc[start - 3], doc[start - 2], doc[start - 1]
    glued = not first.whitespace_ and not hyphen.whitespace_ and hyphen.text == "-"
    if not (glued and first.is_title and first.is_alpha and rest.is_alpha):
        return start
    if rest.lower_.endswith("ed") or rest.tag_ in ("VBN", "VBD", "VBG"):
        return start
    if place_country(first.text) or adjective_country(first.text):
        return start
    return start - 3


_QUOTE_MARKS = frozenset({"'", "\u2018", "\u2019", '"', "\u201c", "\u201d"})


def _unglued(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """A model span run across two names of the text, as its parts: a web address is
    no part of a name ("Donald Trump pic.twitter.com/Ab12 Lennox", a tweet's signature
    run into the next sentence's subject: two names), and a title in quotes before a
    name is not the name ("supported 'Solstice' Varnavin": the film's title is left
    out, the person is "Varnavin")."""
    parts: list[tuple[int, int]] = []
    lo = start
    for i in range(start, end):
        tok = doc[i]
        if tok.like_url or ("/" in tok.text and "." in tok.text):
            parts.append((lo, i))
            lo = i + 1
        elif i < end - 1 and _closes_title(doc, lo, i):
            lo = i + 1  # the quoted title before the name is dropped
    parts.append((lo, end))
    return [(a, b) for a, b in parts if a < b]


def _closes_title(doc: Doc, lo: int, i: int) -> bool:
    """Whether the quote mark at ``i`` closes a quotation opened right before the span
    part starting at ``lo`` ("'Solstice' Varnavin"), with a word after it in the span; a
    plural possessive inside a name ("Veterans' Affairs") opens no quotation."""
    tok = doc[i]
    if tok.text not in _QUOTE_MARKS or i == lo or lo == 0 or tok.whitespace_ == "":
        return False
    opening = doc[lo - 1]
    return (
        opening.text in _QUOTE_MARKS and opening.whitespace_ == "" and doc[i - 1].whitespace_ == ""
    )


# generational suffixes, which only a person's name ends in ("Ricardo Medina Jr.")
SUFFIXES = frozenset({"jr", "jr.", "sr", "sr."})


def _suffixed_people(doc: Doc, model: list[Candidate]) -> list[Candidate]:
    """Capitalised words before "Jr." or "Sr." are a person's name, whatever the model
    called them or missed ("Ricardo Medina Jr., a former actor": no city of Medina)."""
    out = list(model)
    for tok in doc:
        if tok.lower_ not in SUFFIXES or not tok.is_title or tok.i == 0:
            continue
        start = tok.i
        while (
            start > 0
            and tok.i - start < 4
            and doc[start - 1].is_title
            and doc[start - 1].is_alpha
            and "\n" not in doc[start - 1].whitespace_
        ):
            start -= 1
        if start == tok.i:
            continue
        overlapping = [c for c in out if c.start <= tok.i and start < c.end]
        if any(c.label == "PERSON" for c in overlapping):
            continue
        out = [c for c in out if c not in overlapping]
        out.append(Candidate(start, tok.i + 1, "PERSON"))
    return sorted(out, key=lambda c: c.start)


def _owner_split(doc: Doc, model: list[Candidate]) -> list[Candidate]:
    """A model name that opens with a person's possessive ("Baratov's Facebook and
    Instagram" as one organisation) is that person and, after the "'s", the name of
    what is theirs: the person is a mention of its own for pronouns and events. Only
    words that end a person's name elsewhere in the article count as the person's."""
    ends = {
        doc[surname_at(doc, c)].lower_ for c in model if c.label == "PERSON" and c.end - c.start > 1
    }
    out: list[Candidate] = []
    for c in model:
        k = c.start + 1
        if (
            c.label != "PERSON"
            and c.end - c.start > 2
            and doc[k].lower_ in _POSSESSIVE
            and doc[c.start].lower_ in ends
            and doc[c.start].is_title
        ):
            out.append(Candidate(c.start, k, "PERSON"))
            out.append(Candidate(k + 1, c.end, c.label))
        else:
            out.append(c)
    return out


def surname_at(doc: Doc, cand: Candidate) -> int:
    """The token of a person's name its surname is: the last, or the one before a
    generational suffix ("Medina" of "Ricardo Medina Jr.")."""
    last = cand.end - 1
    if last > cand.start and doc[last].lower_ in SUFFIXES:
        return last - 1
    return last


def _trim(doc: Doc, start: int, end: int, label: str) -> tuple[int, int]:
    """Cut at a line break, an unbalanced "(" or a spaced dash; drop "the", titles, 's."""
    for i in range(start, end):
        tok = doc[i]
        if tok.is_space or tok.text == "(" or (tok.text in _DASHES and tok.whitespace_):
            end = i
            break
        if "\n" in tok.whitespace_:
            end = i + 1
            break
    titles = set(lexicon()["titles"])
    while start < end and (
        doc[start].lower_ == "the"
        or doc[start].is_punct
        or (label == "PERSON" and end - start > 1 and doc[start].lower_.rstrip(".") in titles)
        or (label == "PERSON" and _office_before_full_name(doc, start, end))
    ):
        start += 1
    while end > start and (
        doc[end - 1].lower_ in _POSSESSIVE or doc[end - 1].is_punct or doc[end - 1].is_space
    ):
        end -= 1
    if label == "PERSON":
        while end - start > 1 and doc[start].is_sent_start and _gerund(doc[start].lower_):
            start += 1  # 'Meeting Lina and getting to know her changed his mind': Lina
        end = _before_glued_verb(doc, start, end)
        while end - start > 1 and doc[end - 1].is_lower and doc[end - 1].tag_.startswith("VB"):
            end -= 1  # "Abu Maria told DW": the verb is no part of the name
    return start, end


@lru_cache(maxsize=1)
def _one_word_offices() -> frozenset[str]:
    """The one-word names of offices the KB knows ("taoiseach", "chair", "director")."""
    roles = load_json("newsgraph.kb", "data/role_words.json")["roles"]
    return frozenset(r for r in roles if " " not in r)


def _office_before_full_name(doc: Doc, start: int, end: int) -> bool:
    """A capitalised office the KB knows opening a person span before a full name of two
    or more capitalised words: a title, no part of the name ("Taoiseach Enda Kenny",
    "Chair Dana Whitlock"); a single name after it is left as it is ("Chief Keef")."""
    first = doc[start]
    if not first.is_title or first.lower_.rstrip(".") not in _one_word_offices():
        return False
    rest = doc[start + 1 : end]
    return len(rest) >= 2 and all(t.is_title and t.is_alpha for t in rest)


def _korean_given_name_after(doc: Doc, end: int) -> int:
    """The end of a person's name that the model cut before a romanised Korean given
    name ("Kim" of "Kim In-ryong", tokens "In", "-", "ryong"): a short capitalised word
    glued by a hyphen to a short lower-case syllable, on the same line, right after the
    name."""
    if end + 3 > len(doc) or "\n" in doc[end - 1].whitespace_ or not doc[end - 1].whitespace_:
        return end
    first, syllable = doc[end], doc[end + 2]
    if first.is_title and len(first) <= 5 and first.is_alpha and hyphen_part(syllable):
        return end + 3
    return end


def _gerund(word: str) -> bool:
    """'meeting', 'visiting', 'calling': the -ing form of a verb the event coder knows
    (names such as Irving, Sterling or Browning are not)."""
    if not word.endswith("ing") or len(word) < 6:
        return False
    stem = word[:-3]
    stems = {stem, stem + "e"} | ({stem[:-1]} if len(stem) > 2 and stem[-1] == stem[-2] else set())
    return any(stem in verb_patterns() for stem in stems)


def _before_glued_verb(doc: Doc, start: int, end: int) -> int:
    """A name glued by a hyphen to the verb after it ("Andrew Marttila-says") ends
    before the hyphen; a hyphenated name part ("Jean-Marie", "al-Assad") is capitalised."""
    for i in range(start + 1, end - 1):
        hyphen, word = doc[i], doc[i + 1]
        glued = not doc[i - 1].whitespace_ and not hyphen.whitespace_
        if hyphen.text == "-" and glued and word.is_lower and word.pos_ in ("VERB", "AUX"):
            return i
    return end


def _gazetteer_spans(doc: Doc, view: KbView) -> list[Candidate]:
    """Longest KB alias matches; lower-case surnames only for actors also seen capitalised."""
    index = view.gazetteer()
    lengths = view.gazetteer_sizes()
    lowers = token_lowers(doc)
    found: list[Candidate] = []
    i = 0
    while i < len(lowers):
        sizes = lengths.get(lowers[i], ())
        cand = _alias_at(doc, lowers, i, sizes, index, view) if sizes else None
        if cand is None:
            i += 1
            continue
        found.append(cand)
        i = cand.end
    capital = {c.links[0].id for c in found if c.source == "kb" and c.links}
    return [c for c in found if c.source != "kb-lower" or (c.links and c.links[0].id in capital)]


def _alias_at(
    doc: Doc,
    lowers: list[str],
    i: int,
    sizes: tuple[int, ...],
    index: dict[tuple[str, ...], tuple[str, bool]],
    view: KbView,
) -> Candidate | None:
    """The longest alias starting at token ``i`` whose case fits, as a candidate."""
    for n in sizes:
        if i + n > len(lowers):  # a slice past the end would match a shorter alias
            continue
        entry = index.get(tuple(lowers[i : i + n]))
        if entry is None:
            continue
        span = doc[i : i + n]
        if any(t.ent_type_ in NOT_NAMES for t in span) or _month_as_date(span):
            continue  # "Last May, in a school ...": a month, not Theresa May
        if not span.text.isupper() and tuple(lowers[i : i + n]) in view.acronyms():
            continue  # "Who votes for ...?" is no WHO
        label, surname = entry
        cased = _capitalised(span) or (label == "ORG" and _placed_org_name(span, view))
        if cased and not hyphen_part(span[0]):
            source = "kb"
        elif (
            surname
            and span.text.islower()
            and span[-1].tag_ in NOUN_TAGS
            and not hyphen_part(span[0])  # "moon" of "Ban Ki-moon" is not Moon Jae-in
        ):
            source = "kb-lower"
        else:
            continue
        if label in ("GPE", "NORP") or (label == "ORG" and _place_after_locative(span, view)):
            # "the ministers met in Brussels": the city, not the Commission it stands for
            return Candidate(i, i + n, "GPE" if label == "ORG" else label, source="kb-place")
        if label == "ORG" and (
            name_goes_on(doc, i + n)
            or _body_of_another(doc, i + n)
            or _name_began_before(doc, lowers, i, index, view)
        ):
            continue  # "Democrats 66" (a Dutch party) is not the US Democratic Party
        first = _first_names_before(doc, i, index) if surname and source == "kb" else i
        if first < i:  # "Jean-Marie" + a known surname: someone else of that name
            return Candidate(first, i + n, "PERSON", source="kb")
        links = view.people(span.text) if label == "PERSON" else [view.org(span.text)]
        return Candidate(i, i + n, label, tuple(x for x in links if x), source)
    return None


LOCATIVES = frozenset({"in", "at", "near", "outside"})


def _place_after_locative(span: Any, view: KbView) -> bool:
    """An organisation's alias that is also a place's name ("Brussels" of the European
    Commission), after a preposition of place ("met in Brussels"): the place."""
    start = span.start
    if start == 0 or span.doc[start - 1].lower_ not in LOCATIVES:
        return False
    return bool(view.country(span.text) or place_country(span.text))


def _name_began_before(
    doc: Doc,
    lowers: list[str],
    i: int,
    index: dict[tuple[str, ...], tuple[str, bool]],
    view: KbView,
) -> bool:
    """The model's name runs on from a capitalised word before the alias, one that names
    no country and ends no KB name ("Social Democratic Party" is not the US "Democratic
    Party"; "Russian Foreign Ministry" and "The United Nations Security Council" keep
    their aliases)."""
    if i == 0 or doc[i].ent_iob_ != "I":
        return False
    if any(tuple(lowers[j:i]) in index for j in range(max(0, i - 4), i)):
        return False
    tok = doc[i - 1]
    tags: tuple[str, ...] = ("NNP",)
    if tok.lower_ in _POSSESSIVE and tok.ent_iob_ == "I" and i >= 2:
        # the model's name runs through a possessive: "National People's Congress"
        tok, tags = doc[i - 2], ("NNP", "NNPS", "NNS")
    return (
        tok.is_alpha
        and tok.is_title
        and tok.tag_ in tags
        and "\n" not in tok.whitespace_
        and view.country(tok.text) is None
        and tok.lower_ not in lexicon()["titles"]
    )


def name_goes_on(doc: Doc, end: int) -> bool:
    """A number glued to the name after it on the same line ("Democrats 66", "Charter 77"):
    the name is longer than the alias matched, and another organisation's."""
    if end >= len(doc) or "\n" in doc[end - 1].whitespace_:
        return False
    tok = doc[end]
    return tok.like_num and tok.is_digit and tok.ent_type_ not in ("DATE", "MONEY", "PERCENT")


def _body_of_another(doc: Doc, end: int) -> bool:
    """An alias ending in a kind of body, followed on its line by "of" and a capitalised
    name, begins a longer name: "the Bureau of Alcohol, Tobacco, Firearms and
    Explosives" is not the FBI (whose alias is "the Bureau"), nor "the Supreme Court of
    Pakistan" the US Supreme Court."""
    if end + 1 >= len(doc) or "\n" in doc[end - 1].whitespace_ + doc[end].whitespace_:
        return False
    lex = lexicon()
    if doc[end - 1].lower_ not in set(lex["org_heads"]) | set(lex["org_name_nominals"]):
        return False
    return doc[end].lower_ == "of" and doc[end + 1].is_title


def _first_names_before(doc: Doc, i: int, index: dict[tuple[str, ...], tuple[str, bool]]) -> int:
    """Where capitalised given names before a surname start (``i`` when there are none)."""
    skip = set(lexicon()["titles"]) | set(lexicon()["role_nouns"])
    start = i
    while start > 0:
        tok = doc[start - 1]
        hyphen = tok.text == "-" and start - 1 > 0 and not tok.whitespace_
        given = tok.tag_ == "NNP" and tok.is_title and tok.lower_ not in skip
        if not (hyphen or given) or "\n" in tok.whitespace_ or (tok.lower_,) in index:
            break
        start -= 1
    return start if start < i and doc[start].is_title else i


def _capitalised(span: Any) -> bool:
    """Every word capitalised, name particles ("le", "de") and the lower-case part of a
    hyphenated given name ("Ban Ki-moon", "Moon Jae-in") excepted."""
    particles = name_particles()
    words = [t for t in span if t.is_alpha]
    return (
        bool(words)
        and all(t.text[0].isupper() or t.lower_ in particles or hyphen_part(t) for t in words)
        and (words[-1].text[0].isupper() or hyphen_part(words[-1]))
    )


def hyphen_part(tok: Any) -> bool:
    """A short lower-case word glued by a hyphen to a short capitalised word before it
    ("moon" in "Ki-moon", "pyo" in "Hyung-pyo"): the second syllable of a romanised
    Korean given name, no word of its own ("Trump-during", scrape debris, is none)."""
    if tok.i < 2:
        return False
    doc = tok.doc
    hyphen, before = doc[tok.i - 1], doc[tok.i - 2]
    return (
        tok.is_lower
        and len(tok) <= 5
        and len(before) <= 5
        and hyphen.text == "-"
        and not hyphen.whitespace_
        and not before.whitespace_
        and before.is_alpha
        and before.is_title
    )


def _merge(doc: Doc, model: list[Candidate], found: list[Candidate]) -> list[Candidate]:
    """KB actor matches win over the model's spans they overlap, unless the model found a
    longer person name around the match ("Jean-Marie Le Pen" around "Le Pen"); KB places
    only fill gaps the model left."""
    kept = [g for g in found if g.source != "kb-place"]
    for m in model:
        overlapping = [g for g in kept if g.start < m.end and m.start < g.end]
        if not overlapping:
            kept.append(m)
        elif m.label == "PERSON" and all(
            m.start <= g.start
            and g.end <= m.end
            and (g.end - g.start) < (m.end - m.start)
            and _capitalised(doc[m.start : m.end])
            for g in overlapping
        ):
            kept = [g for g in kept if g not in overlapping] + [m]
        elif m.label != "PERSON" and all(
            (_bare_name(g) or (g.label == "PERSON" and _thing_name(doc, m)))
            and m.start <= g.start
            and g.end <= m.end
            for g in overlapping
        ):  # "Fox News", "Trump Tower", "King Fahd Academy": a name inside an institution's
            if m.end - m.start > 1 and _org_like(doc[m.start : m.end]):
                kept = [g for g in kept if g not in overlapping] + [m]
            else:
                for g in overlapping:
                    g.model_label = m.label
    for g in found:
        if g.source == "kb-place" and not any(k.start < g.end and g.start < k.end for k in kept):
            kept.append(g)
    return kept


def _thing_name(doc: Doc, cand: Candidate) -> bool:
    """A name ending in an organisation or thing noun ("... Studio", "... Bank", "... Yoga")
    or with a company suffix ("Promsvyazbank"): not a person."""
    heads, suffixes = _org_words()
    last = doc[cand.end - 1].lower_
    return last in heads or (len(last) > 6 and last.endswith(suffixes))


@lru_cache(maxsize=1)
def _org_words() -> tuple[frozenset[str], tuple[str, ...]]:
    return frozenset(lexicon()["org_heads"]), tuple(lexicon()["org_suffixes"])


_ORG_JOINERS = frozenset({"of", "and", "the", "for", "&"})


def _org_like(span: Any) -> bool:
    """A capitalised multi-word name, joiners allowed ("Royal College of GPs", "Fox News")."""
    words = [t for t in span if t.is_alpha and t.lower_ not in _ORG_JOINERS]
    return _capitalised(words) and span[0].text[:1].isupper() and span[-1].text[:1].isupper()


def _placed_org_name(span: Any, view: KbView) -> bool:
    """A capitalised organisation name with lower-case joiners that names a country, a
    place or a people ("Islamic State of Iraq and the Levant", "Bank of England"); one
    of common words alone ("Council of Ministers", which many countries have) is no
    match."""
    return (
        len(span) > 2
        and _org_like(span)
        and any(
            t.ent_type_ in ("GPE", "NORP", "LOC") or (t.is_title and view.country(t.text))
            for t in span[1:]
        )
    )


def _bare_name(cand: Candidate) -> bool:
    """A one-word KB person match: a surname that may be something else ("Fox")."""
    return cand.label == "PERSON" and cand.source == "kb" and cand.end - cand.start == 1


def _relabel(doc: Doc, cands: list[Candidate], view: KbView) -> None:
    """A model "person" the KB knows only as a place is a GPE; a model ORG/GPE that is the
    surname of one of the article's people is that PERSON (headline "Macron"; the family
    name of a name written family name first: "Nie" beside "Nie Hanlin")."""
    full = [c for c in cands if c.label == "PERSON" and c.end - c.start > 1]
    surnames = {doc[surname_at(doc, c)].lower_ for c in full}
    # a name written family name first gives its first word ("Nie Hanlin ... Nie's case")
    families = {f for c in full if (f := _family_name_first(doc, c.start, c.end))}
    person_ends = {doc[surname_at(doc, c)].lower_ for c in cands if c.label == "PERSON"}
    single = [c for c in cands if c.end - c.start == 1 and c.source == "model"]
    orgs = {doc[c.start].lower_ for c in single if c.label == "ORG"}
    places = {  # a word the model also calls an organisation is no place ("Gazprom")
        doc[c.start].lower_: c.label
        for c in single
        if c.label in ("GPE", "LOC") and doc[c.start].lower_ not in orgs
    }
    groups = {  # a word the model calls an organisation or a people, and which
        doc[c.start].lower_: c.label
        for c in single
        if c.label in ("ORG", "NORP") and c.source == "model"
    }
    called_orgs = _called_an_org(doc)
    givens = _given_names(doc, full, families)
    for c in cands:
        text = doc[c.start : c.end].text
        if _surname_not_demonym(doc, c, surnames):
            c.label, c.links, c.source = "PERSON", (), "surname"
            continue  # "Mark Cuban ... Cuban has criticised": no Cuba
        if c.source != "model":
            continue
        if c.label == "PERSON" and view.country(text) and not view.people(text):
            c.label = "GPE"
        elif _place_elsewhere(doc, c, places, surnames | families) and not view.people(text):
            c.label = places[doc[c.start].lower_]  # "control of Palmyra" beside "in Palmyra"
        elif (
            c.label in ("PERSON", "ORG")
            and _lone_place(doc, c, surnames)
            and not view.people(text)
            and not view.org(text)
        ):
            c.label = "GPE"  # "drug suspects in Davao": a city the small model took for a name
        elif c.label == "ORG" and _particle_name(doc, c):
            c.label = "PERSON"  # "de Lima", "van der Bellen"
        elif c.label == "PERSON" and _thing_name(doc, c) and not view.people(text):
            c.label = "ORG"  # "Yogi Yoga", "Promsvyazbank", "Kung Fu Yoga"
        elif (
            c.label in ("PERSON", "GPE")
            and c.end - c.start == 1
            and doc[c.start].lower_ in called_orgs
            and not view.people(text)
            and not view.country(text)
        ):
            c.label = "ORG"  # "Okonbar is Nigeria's biggest law firm": each 'Okonbar'
        elif c.label == "PERSON" and not view.people(text) and (kind := _described_as(doc, c)):
            c.label = kind  # "the conservation group Robin Wood", "the island of Lampedusa"
        elif c.label == "ORG" and not view.org(text) and (kind := _land_feature(doc, c)):
            c.label = kind  # "the Durand Line": a border, no organisation
        elif c.label == "PERSON" and (kind := _plural_of_group(doc, c, groups)):
            c.label = kind  # "the Houthis" beside "Houthi rebels": a group, no person
        elif (
            c.label == "PERSON"
            and _the_lone_word(doc, c)
            and not view.people(text)
            and not view.role_word(text)  # "the Taoiseach" is a role phrase
        ):
            c.label = "LOC"  # "Iraq and the Levant": no one is "the Levant"
        elif (
            c.label in ("ORG", "GPE")
            and c.end - c.start == 1
            and (doc[c.start].lower_ in surnames and not view.country(text))
        ) or _family_name_alone(doc, c, families, view):
            c.label = "PERSON"
        elif c.label in ("ORG", "GPE", "LOC", "NORP") and _long_surname(doc, c, full, view):
            c.label = "PERSON"  # "El Aissami" beside "Tareck El Aissami"
        elif _given_name_alone(doc, c, givens - surnames, view):
            c.label = "PERSON"  # "Ivanka has back-channeled" beside "Ivanka Trump"
        elif c.label == "ORG" and _person_named_as_org(doc, c, person_ends):
            c.label = "PERSON"  # "Nicola Sturgeon" tagged ORG beside "Ms Sturgeon"
            if doc[c.start].lower_.rstrip(".") in lexicon()["titles"]:
                c.start += 1  # "Representative Farrar": the title is no part of the name


def _plural_of_group(doc: Doc, cand: Candidate, groups: dict[str, str]) -> str | None:
    """The label ("ORG" or "NORP") of a one-word "person" in the plural whose singular the
    model calls an organisation or a people elsewhere in the article ("the Houthis"
    beside "Houthi fighters", "Greeks" beside "Greek"); None for anything else."""
    if cand.end - cand.start != 1:
        return None
    word = doc[cand.start].lower_
    return groups.get(word[:-1]) if word.endswith("s") else None


def _the_lone_word(doc: Doc, cand: Candidate) -> bool:
    """A one-word "person" after "the" that modifies no common noun after it ("Iraq and
    the Levant (ISIL)", "The Osprey was destroyed"): a person's name takes no article
    ("the Obama administration", where the name modifies a noun after it, "the Kim's
    brother", an owner, and "the Clintons", a family, are other cases)."""
    if cand.end - cand.start != 1 or cand.start == 0:
        return False
    tok = doc[cand.start]
    if doc[cand.start - 1].lower_ != "the" or tok.text.endswith("s") or not tok.is_title:
        return False
    after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if after is not None and after.lower_ in _POSSESSIVE:
        return False  # "the Kim's older brother": an owner, a person
    modifies = after is not None and after.pos_ == "NOUN" and after.is_lower
    return not modifies


def _land_feature(doc: Doc, cand: Candidate) -> str | None:
    """ "LOC" for a name of two or more words ending in a capitalised word for a line, a
    water or a landform ("the Durand Line", "the Kerch Strait"): a place, not someone."""
    last = doc[cand.end - 1]
    features = lexicon()["thing_describers"]["land_features"]
    if cand.end - cand.start > 1 and last.is_title and last.lower_ in features:
        return "LOC"
    return None


def _described_as(doc: Doc, cand: Candidate) -> str | None:
    """ "ORG" or "GPE" for a 'person' the text calls an organisation or a place: an
    organisation noun right before it that the name is in apposition to or that modifies
    it ("the conservation group Robin Wood"), an organisation noun in apposition after
    it ("SpaceX, the space technology company"), "the island of" before it, or a county
    prefix ("Co Louth")."""
    words = lexicon()["thing_describers"]
    orgs, places = frozenset(words["org"]), frozenset(words["place"])
    span = doc[cand.start : cand.end]
    root = span.root
    if doc[cand.start].lower_ in words["place_prefixes"] and cand.end - cand.start > 1:
        return "GPE"
    if _land_feature(doc, cand):
        return "LOC"
    after = doc[cand.end] if cand.end < len(doc) else None
    if cand.start > 0 and not (after is not None and after.pos_ in ("VERB", "AUX")):
        # (not "the company John Smith founded")
        before = doc[cand.start - 1]
        linked = root.head == before or before.head == root
        if before.is_lower and before.lower_ in orgs and before.tag_ == "NN" and linked:
            return "ORG"
        if before.lower_ == "of" and root.head == before and cand.start > 1:
            noun = before.head
            if noun.is_lower and noun.lower_ in places and noun.i == cand.start - 2:
                return "GPE"
    for child in root.children:
        if child.dep_ != "appos" or not any(c.dep_ == "det" for c in child.children):
            continue
        nouns = [child, *(c for c in child.children if c.dep_ == "conj")]
        if any(n.is_lower and n.lemma_.lower() in orgs for n in nouns):
            return "ORG"  # "SpaceX, the space technology and exploration company"
    return None


def _family_name_alone(doc: Doc, cand: Candidate, families: set[str], view: KbView) -> bool:
    """A one-word 'organisation' or 'place' that is the family name of a name the article
    writes family name first ("Nie Hanlin ... the facts in Nie's case") and that the KB
    and the place gazetteer do not know as a country, place or organisation ('Paris
    Hilton ... in Paris' keeps its city)."""
    if cand.label not in ("ORG", "GPE") or cand.end - cand.start != 1:
        return False
    text = doc[cand.start].text
    if doc[cand.start].lower_ not in families or view.country(text) or view.org(text):
        return False
    return place_country(text) is None


def _given_names(doc: Doc, full: list[Candidate], families: set[str]) -> set[str]:
    """The given names of the article's full person names, lower case: the first word of
    a name written given name first ("ivanka" of "Ivanka Trump"; not "nie" of "Nie
    Hanlin", a family name)."""
    found = set()
    for c in full:
        first = doc[c.start]
        if first.lower_ in families or first.lower_ in name_particles():
            continue
        if first.is_title and first.is_alpha and len(first.text) > 2:
            found.add(first.lower_)
    return found


def _given_name_alone(doc: Doc, cand: Candidate, givens: set[str], view: KbView) -> bool:
    """A one-word model 'organisation', 'place' or 'people' that is the given name of one
    of the article's people used alone ("Ivanka has back-channeled" beside "Ivanka
    Trump", "Rajwinder says" beside "Rajwinder Singh"), standing as a noun of its own,
    and that the KB and the tables know as no country, place, people or organisation
    ("Jordan Peterson ... in Jordan" and "Paris Hilton ... in Paris" keep the place)."""
    if cand.label not in ("ORG", "GPE", "LOC", "NORP") or cand.end - cand.start != 1:
        return False
    tok = doc[cand.start]
    if tok.lower_ not in givens or not tok.is_title:
        return False
    if tok.dep_ in ("amod", "compound") or (
        tok.i + 1 < len(doc) and doc[tok.i + 1].tag_ in ("NN", "NNS", "NNP", "NNPS")
    ):
        return False  # 'Chelsea fans', 'German officials': it modifies a noun
    text = tok.text
    if view.country(text) or view.org(text) or view.people(text):
        return False
    return place_country(text) is None and adjective_country(text) is None


def _called_an_org(doc: Doc) -> set[str]:
    """One-word names the text says are an organisation, lower case: the subject of "be"
    or "become" whose complement is an organisation noun ("Okonbar is Nigeria's biggest
    law firm", "Okonbar has grown to become one of the country's biggest law firms").
    One sense per article: every mention of the word is that organisation."""
    orgs = frozenset(lexicon()["thing_describers"]["org"])
    found: set[str] = set()
    for tok in doc:
        if tok.dep_ != "nsubj" or tok.pos_ != "PROPN" or not tok.is_title:
            continue
        if any(c.dep_ in ("compound", "flat", "poss") for c in tok.children):
            continue  # a longer name: the model's span is read elsewhere
        verb = tok.head
        verbs = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
        for v in verbs:
            if v.lemma_ not in ("be", "become"):
                continue
            for attr in (c for c in v.children if c.dep_ == "attr"):
                noun = attr
                if attr.lower_ == "one":  # "one of the biggest law firms"
                    noun = next(
                        (g for p in attr.children if p.lower_ == "of" for g in p.children), attr
                    )
                if noun.tag_ in ("NN", "NNS") and noun.lemma_.lower() in orgs:
                    found.add(tok.lower_)
    return found


def _place_elsewhere(doc: Doc, cand: Candidate, places: dict[str, str], surnames: set[str]) -> bool:
    """A one-word 'person' that the model labels a place elsewhere in the same article
    (one sense per article), that is no surname of a full name there and has no title."""
    if cand.label != "PERSON" or cand.end - cand.start != 1 or _thing_name(doc, cand):
        return False  # "Gazprom" is a company, whatever else the model calls it
    word = doc[cand.start].lower_
    before = doc[cand.start - 1].lower_.rstrip(".") if cand.start else ""
    if before in lexicon()["titles"] or before in name_particles():
        return False  # "President dos Santos"
    return word in places and word not in surnames


def _long_surname(doc: Doc, cand: Candidate, full: list[Candidate], view: KbView) -> bool:
    """A name of two or more words that ends the full name of one of the article's people
    ("El Aissami" of "Tareck El Aissami", "Ould Cheikh" of "Ismail Ould Cheikh") and that
    the tables know as no country, place or organisation is that person's surname."""
    size = cand.end - cand.start
    if size < 2:
        return False
    words = tuple(t.lower_ for t in doc[cand.start : cand.end])
    tails = {
        tuple(t.lower_ for t in doc[c.end - size : c.end])
        for c in full
        if c.end - c.start > size and c.start != cand.start
    }
    if words not in tails:
        return False
    text = doc[cand.start : cand.end].text
    return not (view.country(text) or place_country(text) or view.org(text))


def _surname_not_demonym(doc: Doc, cand: Candidate, surnames: set[str]) -> bool:
    """A demonym or place word that is the surname of someone the article names in full,
    standing as a noun of its own rather than before one ("Cuban has criticised", not
    "Cuban officials")."""
    if cand.label not in ("NORP", "GPE") or cand.end - cand.start != 1:
        return False
    tok = doc[cand.start]
    return (
        tok.lower_ in surnames
        and tok.is_title
        and tok.dep_ not in ("amod", "compound", "nmod")
        and not (tok.i + 1 < len(doc) and doc[tok.i + 1].tag_ in ("NN", "NNS"))
    )


def _lone_place(doc: Doc, cand: Candidate, surnames: set[str]) -> bool:
    """A one-word 'person' that the place gazetteer knows ("Davao", "Ghazni"), with no
    title before it and not the surname of someone the article names in full."""
    if cand.end - cand.start != 1 or doc[cand.start].lower_ in surnames:
        return False
    before = doc[cand.start - 1] if cand.start else None
    if before is not None and before.lower_.rstrip(".") in lexicon()["titles"]:
        return False
    return place_country(doc[cand.start].text) is not None


def _particle_name(doc: Doc, cand: Candidate) -> bool:
    """An 'organisation' that is a surname with its particle: a lower-case particle, then
    capitalised words and no organisation word ("de Lima")."""
    words = doc[cand.start : cand.end]
    if len(words) < 2 or words[0].lower_ not in name_particles() or not words[0].is_lower:
        return False
    heads, suffixes = _org_words()
    rest = words[1:]
    named = all((w.is_title and w.is_alpha) or w.lower_ in name_particles() for w in rest)
    return (
        named
        and rest[-1].is_title
        and not any(w.lower_ in heads or w.lower_.endswith(suffixes) for w in rest)
    )


def _person_named_as_org(doc: Doc, cand: Candidate, person_ends: set[str]) -> bool:
    """A two-word 'organisation' whose last word is a person's surname in the same
    article and which has no organisation word ("Nicola Sturgeon", not "Sturgeon Group")."""
    if cand.end - cand.start != 2:
        return False
    first, last = doc[cand.start], doc[cand.end - 1]
    heads, suffixes = _org_words()
    words = (first.lower_, last.lower_)
    if any(w in heads or w.endswith(suffixes) for w in words):
        return False
    titled = first.is_title and last.is_title and first.is_alpha and last.is_alpha
    return titled and last.lower_ in person_ends


def _surname_spans(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """Surnames ("Le Pen") of the article's full names where nothing else found them."""
    particles = name_particles()
    lowers = token_lowers(doc)
    surnames: set[tuple[str, ...]] = set()
    for c in cands:
        if c.label == "PERSON" and c.end - c.start > 1:
            last = surname_at(doc, c)
            first = last
            while first - 1 > c.start and lowers[first - 1] in particles:
                first -= 1
            if not hyphen_part(doc[last]):  # "in" of "Moon Jae-in" is no surname
                surnames.add(tuple(lowers[first : last + 1]))
            family = _family_name_first(doc, c.start, c.end)
            if family is not None:
                surnames.add((family,))
    covered = {i for c in cands for i in range(c.start, c.end)}
    starts = _positions(lowers)
    found = []
    for key in sorted(surnames, key=lambda k: (-len(k), k)):  # longest first, in a fixed order
        n = len(key)
        for i in starts.get(key[0], ()):
            if i + n > len(lowers) or tuple(lowers[i : i + n]) != key:
                continue
            if not covered.isdisjoint(range(i, i + n)) or hyphen_part(doc[i]):
                continue
            span = doc[i : i + n]
            if _dated(span) or _month_as_date(span):
                continue  # "a summit in May" is not Theresa May
            if _capitalised(span) or (
                span.text.islower() and span[-1].tag_ in NOUN_TAGS and len(span.text) >= 3
            ):
                found.append(Candidate(i, i + n, "PERSON", source="surname"))
                covered.update(range(i, i + n))
    return found


_DATE_BEFORE = frozenset({"early", "late", "mid", "next", "last", "this", "of", "since"})


def _dated(span: Any) -> bool:
    """A surname the model tagged as a date that reads as one: after a preposition or a
    date word ("in May", "early May") or before a number ("May 5"). "May has promised"
    stays a name though tagged a date."""
    if not any(t.ent_type_ in NOT_NAMES for t in span):
        return False
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    return (before is not None and (before.tag_ == "IN" or before.lower_ in _DATE_BEFORE)) or (
        after is not None and after.like_num
    )


MONTHS = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september"}
    | {"october", "november", "december"}
)
# words that make a month a date whatever the model's label ("last May", "early June")
_MONTH_BEFORE = frozenset({"early", "late", "mid", "next", "last", "this"})


def _month_as_date(span: Any) -> bool:
    """A one-word name that is a month and reads as one, untagged by the model: after a
    date word ("Last May", "early June") or before a day or year ("May 5", "June 2016")."""
    if len(span) != 1 or span[0].lower_ not in MONTHS:
        return False
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    return (before is not None and before.lower_ in _MONTH_BEFORE) or (
        after is not None and after.like_num
    )


def _family_name_first(doc: Doc, start: int, end: int) -> str | None:
    """The family name of a name written family name first ("Ri Tong-il", "Xi Jinping",
    "Ban Ki-moon"), which the article then uses alone ("Ri said"): a short first word
    that is no given name, title or particle, or any first word before a romanised Korean
    given name ("Hwang Kyo-ahn": two syllables joined by a hyphen, the second in lower
    case). None for other names."""
    first = doc[start]
    lower = first.lower_
    korean = end - start == 4 and hyphen_part(doc[end - 1]) and doc[start + 1].is_title
    if not (first.is_alpha and first.is_title and (2 <= len(lower) <= 4 or korean)):
        return None
    given = lexicon()["given_name_genders"]
    skip = set(lexicon()["titles"]) | set(lexicon()["role_nouns"]) | set(name_particles())
    words = [t for t in doc[start + 1 : end] if t.is_alpha]
    if lower in given or lower in skip or not words:
        return None
    return lower


def _positions(lowers: list[str]) -> dict[str, list[int]]:
    """Token indexes by lower-cased text, in document order."""
    where: dict[str, list[int]] = {}
    for i, lower in enumerate(lowers):
        where.setdefault(lower, []).append(i)
    return where
