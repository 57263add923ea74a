"""The article text as HTML with its extractions highlighted, safe by construction.

The text is cut at every span boundary into elementary segments; each segment is
escaped and wrapped in one ``<span>`` whose classes and tooltip are those of every
span covering it, so overlapping spans (an entity inside a quote, a trigger inside a
speaker) need no nesting. Nothing from the article reaches the output unescaped.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote as url_quote
from urllib.parse import urlsplit

from markupsafe import Markup, escape

from newsgraph.analyze.quads import quad_class, quad_name
from newsgraph.records import quote_pieces

LINK_PRIORITY = ("speaker", "entity")


@dataclass(frozen=True)
class Span:
    """A highlighted stretch of text: its kind (CSS class), tooltip, optional link and
    extra ``data-`` attributes."""

    start: int
    end: int
    kind: str
    tip: str
    href: str | None = None
    data: dict[str, str] = field(default_factory=dict)


def actor_href(entity_id: str) -> str:
    """The actor page of an entity id (ids carry ``:``, kept readable)."""
    return "/actors/" + url_quote(entity_id, safe=":")


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an http(s) URL, else None (no ``javascript:`` or ``data:`` links)."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def article_spans(article: dict[str, Any]) -> list[Span]:
    """Every highlightable span of an article in ``Article.to_dict()`` shape."""
    spans: list[Span] = []
    for entity in article.get("entities", []):
        spans += _entity_spans(entity)
    for n, quote in enumerate(article.get("quotes", []), 1):
        spans += _quote_spans(n, quote)
    for time in article.get("times", []):
        tip = f"time “{time['text']}” = {time.get('value') or '?'} ({time.get('type')})"
        spans.append(Span(time["start"], time["end"], "time", tip))
    for event in article.get("events", []):
        trigger = event["trigger"]
        spans.append(Span(trigger["start"], trigger["end"], "event", event_tip(event)))
    size = len(article.get("text") or "")
    return [s for s in spans if 0 <= s.start < s.end <= size]


def _entity_spans(entity: dict[str, Any]) -> list[Span]:
    where = ", ".join(x for x in (entity.get("type"), entity.get("country")) if x)
    tip = f"entity {entity['name']} ({where}) id {entity['id']}"
    href = actor_href(entity["id"])
    return [Span(m["start"], m["end"], "entity", tip, href) for m in entity.get("mentions", [])]


def _quote_spans(n: int, quote: dict[str, Any]) -> list[Span]:
    speaker = quote.get("speaker") or {}
    who = speaker.get("name") or speaker.get("text") or "unknown speaker"
    entity = speaker.get("entity")
    kind = "direct" if quote.get("direct") else "indirect"
    tip = f"quote {n} ({kind}), cue “{quote.get('cue') or '-'}”, speaker {who}"
    tip += f" ({entity})" if entity else ""
    data = {"q": str(n), "speaker": entity or ""}
    # a quote split by its attribution: only its pieces are quoted words
    pieces = [(p["start"], p["end"]) for p in quote.get("parts") or []]
    spans = [
        Span(a, b, "quote", tip, data=data) for a, b in pieces or [(quote["start"], quote["end"])]
    ]
    if speaker.get("start") is not None and speaker.get("end") is not None:
        href = actor_href(entity) if entity else None
        spans.append(
            Span(speaker["start"], speaker["end"], "speaker", f"speaker of quote {n}: {who}", href)
        )
    return spans


def event_tip(event: dict[str, Any]) -> str:
    """How an event was coded, in one line."""
    quad = event.get("quad") or quad_class(event.get("type"))
    parts = [f"event {event['type']}"]
    if event.get("cameo"):
        parts.append(f"CAMEO {event['cameo']}")
    if quad:
        parts.append(str(quad_name(quad)))
    who = f"{_names(event.get('source'))} → {_names(event.get('target'))}"
    flags = " (negated)" if event.get("negated") else ""
    return f"{', '.join(parts)}: {who}{flags}, date {event.get('date') or '?'}"


def _names(actors: Any) -> str:
    names = [x.get("name") or "?" for x in actors or [] if isinstance(x, dict)]
    return " + ".join(names) or "?"


def highlight(
    text: str, spans: list[Span], badges: dict[int, list[Markup]] | None = None
) -> Markup:
    """``text`` as escaped HTML with ``spans`` marked; ``badges`` are inserted (already
    safe) after the character offset they are keyed by."""
    badges = badges or {}
    cuts = sorted(
        {
            0,
            len(text),
            *(s.start for s in spans),
            *(s.end for s in spans),
            *(k for k in badges if 0 <= k <= len(text)),
        }
    )
    by_start = sorted(spans, key=lambda s: s.start)
    out: list[str] = []
    active: list[Span] = []
    nxt = 0
    for left, right in zip(cuts, cuts[1:], strict=False):
        while nxt < len(by_start) and by_start[nxt].start <= left:
            active.append(by_start[nxt])
            nxt += 1
        active = [s for s in active if s.end > left]
        out.append(_segment(text[left:right], active))
        out.extend(str(b) for b in badges.get(right, []))
    return Markup("".join(out))


def _segment(piece: str, covering: list[Span]) -> str:
    """One escaped segment wrapped for the spans covering it."""
    if not covering:
        return str(escape(piece))
    kinds = sorted({s.kind for s in covering})
    tips = "\n".join(dict.fromkeys(s.tip for s in covering))
    attrs = [f'class="hl {" ".join(kinds)}"', f'title="{escape(tips)}"']
    for key in ("q", "speaker"):
        values = " ".join(dict.fromkeys(s.data[key] for s in covering if s.data.get(key)))
        if values:
            attrs.append(f'data-{key}="{escape(values)}"')
    inner = f"<span {' '.join(attrs)}>{escape(piece)}</span>"
    href = next(
        (s.href for kind in LINK_PRIORITY for s in covering if s.kind == kind and _local(s.href)),
        None,
    )
    return f'<a href="{escape(href)}">{inner}</a>' if href else inner


def _local(href: str | None) -> bool:
    """Only links within this site (``/actors/...``) are rendered."""
    return href is not None and href.startswith("/") and not href.startswith("//")


def quote_badges(article: dict[str, Any]) -> dict[int, list[Markup]]:
    """A small attribution after each quote: the speaker, linked to the actor page."""
    badges: dict[int, list[Markup]] = {}
    for n, quote in enumerate(article.get("quotes", []), 1):
        speaker = quote.get("speaker") or {}
        who = speaker.get("name") or speaker.get("text")
        if not who:
            continue
        entity = speaker.get("entity")
        label = escape(f"— {who}")
        if entity:
            badge = Markup('<a class="who" data-q="{}" href="{}">{}</a>').format(
                n, actor_href(entity), label
            )
        else:
            badge = Markup('<span class="who" data-q="{}">{}</span>').format(n, label)
        badges.setdefault(quote["end"], []).append(badge)
    return badges


def quote_html(quote: dict[str, Any]) -> Markup:
    """A quote's words for a list of quotes, escaped. A quote split by its attribution
    shows its pieces in ``<span class="piece">`` and what stands between them (the
    attribution) in ``<span class="attribution">``; a quote in one piece, or whose
    pieces do not fall in order inside its text, is its text."""
    text = quote.get("text") or ""
    spans = quote_pieces(quote)
    if not spans:
        return escape(text)
    out, last = [], 0
    for a, b in spans:
        if last:
            out.append(f'<span class="attribution">{escape(text[last:a])}</span>')
        else:
            out.append(str(escape(text[:a])))
        out.append(f'<span class="piece">{escape(text[a:b])}</span>')
        last = b
    out.append(str(escape(text[last:])))
    return Markup("".join(out))


def article_html(article: dict[str, Any]) -> Markup:
    """The whole highlighted body of an article."""
    return highlight(article.get("text") or "", article_spans(article), quote_badges(article))


def snippet_html(snippet: str, marks: list[list[int]]) -> Markup:
    """A search snippet with the matched words in ``<mark>``, escaped."""
    spans = [Span(s, e, "match", "") for s, e in marks if 0 <= s < e <= len(snippet)]
    out, last = [], 0
    for span in spans:
        out += [
            str(escape(snippet[last : span.start])),
            f"<mark>{escape(snippet[span.start : span.end])}</mark>",
        ]
        last = span.end
    out.append(str(escape(snippet[last:])))
    return Markup("".join(out))
