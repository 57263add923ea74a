"""Issue 12, case 7: a feed whose root comes after a long prolog is still a feed."""

from __future__ import annotations

from newsgraph.inputs.feeds import looks_like_feed, parse_feed
from newsgraph.inputs.readers import read_feed
from newsgraph.settings import Settings

BODY = "<p>" + "The minister said the talks would resume next week in Geneva. " * 5 + "</p>"
ITEM = (
    "<item><title>Talks</title><link>https://example.org/a</link>"
    "<description><![CDATA[" + BODY + "]]></description></item>"
)


def feed(prolog: str) -> bytes:
    return (
        f'<?xml version="1.0" encoding="utf-8"?>\n{prolog}\n'
        f'<rss version="2.0"><channel><title>F</title>{ITEM}</channel></rss>'
    ).encode()


def test_a_long_doctype_and_comments_before_the_root():
    subset = "".join(f'<!ENTITY e{n} "value {n}">' for n in range(300))  # ~8 KB
    data = feed(f"<!-- {'x' * 5000} -->\n<!DOCTYPE rss [{subset}]>")
    assert len(data) > 10_000
    assert looks_like_feed(data)
    items = list(read_feed(data, "f.xml", Settings(fetch_feed_pages=False)))
    # read as a feed: its one entry (a summary only, so no text: NG107), not NG113
    assert [(i.source, i.code) for i in items] == [("https://example.org/a", "NG107")]
    assert [e.title for e in parse_feed(data, "f.xml")] == ["Talks"]


def test_html_is_still_no_feed():
    assert not looks_like_feed(b"<!DOCTYPE html><html><body><rss></rss></body></html>")
    assert not looks_like_feed(b"<!--" + b"a" * 2_000_000)
