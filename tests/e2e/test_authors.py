"""Authors in the browser: the table filter finds a paper by an accented name typed without accents, the author
index filters and keeps its query in the URL, site search puts a paper first for its first author's name, and
the island form of the index (for large catalogs) draws the entries a filter or an anchor asks for."""
from __future__ import annotations

from pathlib import Path

import pytest
from catalog.models import Catalog
from catalog.render.authors import WINDOW_AUTHORS, author_index, render_author_index
from catalog.text import fold_for_search
from playwright.sync_api import Page, expect

from tests.conftest import listed_on
from tests.e2e.conftest import serve, write_standalone_page
from tests.e2e.test_filter import total_text
from tests.e2e.test_search import search

READY = "form.air-filter[data-ready]"
AUTHORS_READY = "form.air-author-filter[data-ready]"


def visible_rows(page: Page) -> list[str]:
    return page.eval_on_selector_all("table.air-table tbody tr", "rows => rows.filter(r => r.offsetParent).map(r => r.id)")


@pytest.mark.parametrize(("typed", "paper_id", "category"), [
    ("jurgen schmidhuber", "metagpt", "multi-agent"),  # Jürgen Schmidhuber
    ("vulic", "mvot", "multimodal"),  # Ivan Vulić
    ("Hakkani-Tur", "toolrl", "multi-round-acting"),  # Dilek Hakkani-Tür
])
def test_table_filter_finds_an_accented_author_typed_without_accents(page: Page, base_url: str, catalog: Catalog,
                                                                     typed: str, paper_id: str, category: str) -> None:
    """The category filter matches author names, accent- and case-insensitively."""
    page.goto(f"{base_url}{category}/")
    page.wait_for_selector(READY, state="attached")
    page.fill("#air-find", typed)
    words = fold_for_search(typed).split()
    want = [p.id for p in listed_on(catalog, category)
            if all(any(w in fold_for_search(a.name) for a in p.authors) or w in fold_for_search(p.title) for w in words)]
    total = len(listed_on(catalog, category))
    expect(page.locator(".air-total")).to_have_text(total_text(len(want), total))
    assert paper_id in visible_rows(page) and sorted(visible_rows(page)) == sorted(want)


def test_author_index_filters_by_name_and_keeps_the_query_in_the_url(page: Page, base_url: str,
                                                                     catalog: Catalog) -> None:
    """Typing a name keeps the entries whose name holds every word (accents ignored); the URL keeps the query,
    and loading that URL shows the same entries."""
    page.goto(f"{base_url}authors/")
    page.wait_for_selector(AUTHORS_READY, state="attached")
    total = len(author_index(catalog))
    expect(page.locator(".air-author-total")).to_have_text(f"{total:,} authors")
    page.fill("#air-author-find", "jurgen")
    expect(page.locator(".air-author-total")).to_have_text(f"1 of {total:,} authors")
    expect(page.locator("li.air-author-entry:visible")).to_have_count(1)
    expect(page.locator("li.air-author-entry:visible strong")).to_have_text("Jürgen Schmidhuber")
    expect(page.locator("section.air-author-group:visible")).to_have_count(1)
    page.wait_for_url("**/authors/?find=jurgen")
    page.reload()
    page.wait_for_selector(AUTHORS_READY, state="attached")
    expect(page.locator("#air-author-find")).to_have_value("jurgen")
    expect(page.locator("li.air-author-entry:visible")).to_have_count(1)
    assert page.errors == []


def test_an_author_link_lands_on_their_entry(page: Page, base_url: str) -> None:
    """A name under a paper's title opens the author index at that author's entry, highlighted as the target."""
    page.goto(f"{base_url}papers/deepeyes/")
    page.click(".air-byline a.air-author >> text=Ziwei Zheng")
    page.wait_for_url("**/authors/#ziwei-zheng")
    entry = page.locator("li#ziwei-zheng")
    expect(entry).to_be_in_viewport()
    assert page.evaluate("document.querySelector(':target').id") == "ziwei-zheng"


@pytest.mark.parametrize(("name", "paper_id"), [("Ziwei Zheng", "deepeyes"), ("Sirui Hong", "metagpt")])
def test_search_puts_the_first_authors_paper_first(page: Page, base_url: str, name: str, paper_id: str) -> None:
    """A first author's name as the paper writes it finds their paper as the first result."""
    results = search(page, base_url, name)
    assert results[0].endswith(f"/papers/{paper_id}/")


# The island form, for catalogs with more authors than INLINE_AUTHOR_LIMIT


@pytest.fixture(name="island_url", scope="module")
def fixture_island_url(site: Path, catalog: Catalog, tmp_path_factory) -> str:
    """The real catalog's author index rendered as a large catalog's (inline limit 100), served with the site's
    CSS and filter.js."""
    folder = write_standalone_page(tmp_path_factory.mktemp("authors-island"), site,
                                   render_author_index(catalog, "../", inline_limit=100),
                                   '<script src="filter.js"></script>', title="Authors")
    with serve(folder) as url:
        yield url


def test_island_index_draws_a_window_and_more(page: Page, island_url: str, catalog: Catalog) -> None:
    """The first window is drawn; 'Show more' draws the next; every drawn entry lists its papers."""
    page.goto(island_url)
    page.wait_for_selector(AUTHORS_READY, state="attached")
    entries = author_index(catalog)
    expect(page.locator("li.air-author-entry")).to_have_count(WINDOW_AUTHORS)
    expect(page.locator(".air-nojs")).to_be_hidden()
    page.click("button.air-more")
    expect(page.locator("li.air-author-entry")).to_have_count(min(2 * WINDOW_AUTHORS, len(entries)))
    ids = page.eval_on_selector_all("li.air-author-entry", "els => els.map(e => e.id)")
    assert ids == [e.slug for e in entries[: 2 * WINDOW_AUTHORS]]
    assert page.errors == []


def test_island_index_filters_every_author_and_opens_an_anchor_beyond_the_window(page: Page, island_url: str,
                                                                                 catalog: Catalog) -> None:
    """A name far past the first window is found by the filter, and its anchor draws the window it starts."""
    entries = author_index(catalog)
    last = entries[-1]
    page.goto(f"{island_url}#{last.slug}")
    page.wait_for_selector(AUTHORS_READY, state="attached")
    expect(page.locator(f"li#{last.slug}")).to_be_in_viewport()
    expect(page.locator(f"li#{last.slug} ul a")).to_have_count(len(last.papers))
    page.fill("#air-author-find", "schmidhuber")
    expect(page.locator("li.air-author-entry")).to_have_count(1)
    expect(page.locator(".air-author-total")).to_have_text(f"1 of {len(entries):,} authors")
    assert page.errors == []
