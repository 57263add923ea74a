"""A real browser (Debian's Chromium through Playwright) over a live server: the seeds'
article 004 shows Macron's quote highlighted and attributed; the speaker link leads to
Macron's actor page, whose chart renders. A screenshot goes to artifacts/."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import shared_path

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SEED = "004_88410b7f52129025.txt"
MACRON = "Q3052772"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    from newsgraph.api import ingest
    from newsgraph.web import create_app

    if not CHROMIUM.exists():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{CHROMIUM} is missing")
        pytest.skip(f"{CHROMIUM} is missing")
    db = str(tmp_path_factory.mktemp("browser") / "seeds.db")
    ingest([str(shared_path("corpus", "seeds"))], db)
    port = _free_port()
    config = uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        assert time.monotonic() < deadline, "server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield chromium
        chromium.close()


def test_quote_to_speaker_to_chart(base_url: str, browser) -> None:
    import httpx

    rows = httpx.get(f"{base_url}/api/articles", params={"q": "Macron", "limit": 50}).json()
    article_id = next(r["id"] for r in rows["items"] if r["source"].endswith(SEED))
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(f"{base_url}/articles/{article_id}")

    quote = page.locator(f'#article-body .hl.quote[data-speaker~="{MACRON}"]').first
    quote.wait_for()
    assert "Emmanuel Macron" in quote.get_attribute("title")
    assert page.locator(f'#article-body .hl.quote[data-speaker~="{MACRON}"]').count() > 3
    color = quote.evaluate("el => getComputedStyle(el).backgroundColor")
    assert color not in ("rgba(0, 0, 0, 0)", "transparent")  # visibly highlighted
    badge = page.locator(f'#article-body a.who[href="/actors/{MACRON}"]').first
    assert badge.inner_text() == "— Emmanuel Macron"

    badge.click()
    page.wait_for_url(f"**/actors/{MACRON}")
    assert page.locator("h1").inner_text() == "Emmanuel Macron"
    page.locator("#chart svg.main-svg").first.wait_for(timeout=10_000)
    assert page.locator("#chart .bars path, #chart .trace.bars").count() > 0
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "actor_macron.png"), full_page=True)
    assert errors == []
    page.close()


def test_dyad_chart_by_name_lists_the_events_of_a_point(base_url: str, browser) -> None:
    import json

    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(f"{base_url}/dyad?a=Macron&b=Putin")
    assert page.locator("h1").inner_text() == "Emmanuel Macron ↔ Vladimir Putin"
    page.locator("#chart svg.main-svg").first.wait_for(timeout=10_000)
    series = json.loads(page.locator("#chart-data").text_content() or "[]")
    assert series and "Counted per" in page.locator("p.period").inner_text()
    point = max(series, key=lambda p: p["total"])
    # what a click on the point does: plotly hands the chart its x, the point's period
    page.evaluate(
        "p => document.getElementById('chart').emit('plotly_click', {points: [{x: p}]})",
        point["period"],
    )
    heading = page.locator("#point-events h2")
    heading.wait_for(timeout=10_000)
    assert heading.inner_text().startswith(f"Events in {point['period']} (")
    assert page.locator("#point-events li").count() >= 1
    assert errors == []
    page.close()
