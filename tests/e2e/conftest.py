"""Browser fixtures: the built site served on a free port, and headless Chromium via Playwright.

Chromium comes from the OS packages (`make browser`); Playwright's own download is not used.
Outside CI a missing Chromium skips these tests; with CI=true it fails them.
"""
from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import shutil
import socketserver
import threading
import urllib.request
from pathlib import Path

import pytest
from catalog.models import Catalog, Category
from catalog.render.category import (
    ROWS_FILE,
    TEXTS_FILE,
    Listing,
    category_listing,
    is_island,
    island_rows,
    listing_texts,
    render_listing_body,
)

from tests.conftest import require_tool

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Static file handler that does not log every request."""

    def log_message(self, *args) -> None:
        pass


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True


def pytest_collection_modifyitems(items) -> None:
    """Everything under tests/e2e is a browser test."""
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@contextlib.contextmanager
def serve(site: Path):
    """URL of a built site served on a free localhost port (waits until it answers)."""
    handler = functools.partial(QuietHandler, directory=str(site))
    server = Server(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    urllib.request.urlopen(url, timeout=10).close()
    yield url
    server.shutdown()


def write_standalone_page(folder: Path, site: Path, body: str, scripts: str, title: str = "Island") -> Path:
    """folder/index.html: `body` (Markdown with raw HTML, converted as the site converts its pages) in a bare page
    with the site's catalog.css and the given <script> tags (filter.js and cite.js copied from the built site).
    For pages the real catalog is too small for, such as a 1,200-paper category."""
    import markdown

    for asset in ("catalog.css", "filter.js", "cite.js"):
        shutil.copy(site / "assets" / "air" / asset, folder / asset)
    html = markdown.markdown(body, extensions=["attr_list", "md_in_html", "toc"])
    (folder / "index.html").write_text(
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title><link rel="icon" '
        f'href="data:,"><link rel="stylesheet" href="catalog.css"></head><body><article class="md-typeset">{html}'
        f'</article>{scripts}</body></html>', encoding="utf-8")
    return folder


def write_listing_page(folder: Path, site: Path, catalog: Catalog, listing: Listing, scripts: str,
                       title: str = "Island") -> Path:
    """A standalone page (write_standalone_page) of one table page's body, with the file beside it (its rows file
    in island mode, its texts file inline)."""
    name, content = ((ROWS_FILE, island_rows(listing, catalog, "../")) if is_island(listing)
                     else (TEXTS_FILE, listing_texts(listing)))
    (folder / name).write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
    return write_standalone_page(folder, site, render_listing_body(catalog, listing, "../"), scripts, title)


def write_category_page(folder: Path, site: Path, catalog: Catalog, category: Category, scripts: str) -> Path:
    """write_listing_page for a category page."""
    return write_listing_page(folder, site, catalog, category_listing(catalog, category, "../"), scripts)


@pytest.fixture(name="base_url", scope="session")
def fixture_base_url(site: Path) -> str:
    """URL of the real site."""
    with serve(site) as url:
        yield url


@pytest.fixture(name="hostile_url", scope="session")
def fixture_hostile_url(hostile_site: Path) -> str:
    """URL of the site built with the hostile papers of tests/hostile.py."""
    with serve(hostile_site) as url:
        yield url


@pytest.fixture(name="browser", scope="session")
def fixture_browser():
    """Headless Chromium from the OS; never skipped when CI=true."""
    require_tool(bool(shutil.which(CHROMIUM) or Path(CHROMIUM).exists()), f"Chromium at {CHROMIUM}", "browser")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(name="page")
def fixture_page(browser):
    """A fresh page that records console errors and uncaught exceptions in `page.errors`."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.errors = []
    page.on("console", lambda msg: page.errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    yield page
    context.close()
