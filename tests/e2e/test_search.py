"""Material's search box finds papers: real queries typed into the real site, the paper's page first."""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from catalog.load import load_catalog
from catalog.models import Catalog, Paper
from catalog.render.category import search_text
from catalog.render.extras import dataset_name
from catalog.render.html import esc
from catalog.render.paper import page_title
from playwright.sync_api import expect

from tests.build.test_paper_pages import search_docs, tokens
from tests.conftest import listed_on
from tests.e2e.test_filter import holds

WAIT_MS = 20000
TRANSLATION = "key => JSON.parse(document.getElementById('__config').textContent).translations[key]"


def search(page, base_url: str, query: str) -> list[str]:
    """Type `query` into Material's search (opened with '/') and return the result paths, best first.

    Material sends its worker the query at every keyup and shows each answer, so the text goes in
    with one keyup, once the worker is ready: the only answer with results is then this query's."""
    page.goto(base_url)
    page.keyboard.press("/")
    # Material sends the empty query when its worker is ready; this placeholder is its answer.
    placeholder = page.evaluate(TRANSLATION, "search.result.placeholder")
    expect(page.locator(".md-search-result__meta")).to_have_text(placeholder, timeout=WAIT_MS)
    page.fill(".md-search__input", query[:-1])  # no keyup: nothing sent
    page.keyboard.type(query[-1])
    page.wait_for_selector(".md-search-result__item", timeout=WAIT_MS)
    return page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(a => new URL(a.href).pathname)")


@pytest.fixture(name="index_words", scope="module")
def fixture_index_words(site: Path) -> dict[str, dict[str, set[str]]]:
    """Per index location: the words of its title and of its text, as the search worker cuts them."""
    docs, separator = search_docs(site)
    return {d["location"]: {"title": tokens(d["title"], separator), "text": tokens(d["text"], separator),
                            "keys": tokens(" ".join(d.get("keys", [])), separator)} for d in docs}


def distinctive(word: str, location: str, index_words: dict, fields: tuple[str, ...]) -> bool:
    """No other entry has a word starting with `word` in `fields` (search matches words by prefix)."""
    return not any(other.startswith(word) for loc, words in index_words.items() if loc != location
                   for field in fields for other in words[field])


def named_papers(catalog: Catalog, index_words: dict) -> list[Paper]:
    """Five papers across the four categories whose one-word short name no other entry's title starts a word with."""
    chosen: list[Paper] = []
    for _ in range(2):
        for category in catalog.taxonomy.categories:
            for paper in catalog.in_category(category.id):
                name = paper.short_name.lower()
                if (paper not in chosen and name and {name} == index_words[paper.url]["title"] & {name}
                        and distinctive(name, paper.url, index_words, ("title",))):
                    chosen.append(paper)
                    break
            if len(chosen) == 5:
                return chosen
    return chosen


def test_short_names_find_their_paper_first(page, base_url: str, catalog: Catalog, index_words: dict) -> None:
    """Typing a paper's short name puts its page first, across all four categories."""
    papers = named_papers(catalog, index_words)
    assert len(papers) == 5 and {p.category for p in papers} == {c.id for c in catalog.taxonomy.categories}
    for paper in papers:
        results = search(page, base_url, paper.short_name)
        assert results[0] == f"/{paper.url}", (paper.short_name, results[:5])
    assert not page.errors


def test_arxiv_id_finds_its_paper_and_opens_it(page, base_url: str, catalog: Catalog, index_words: dict) -> None:
    """An arXiv id finds its paper first; clicking the result opens the paper's page."""
    paper = next(p for p in catalog.papers if p.arxiv and distinctive(p.arxiv, p.url, index_words, ("title", "text")))
    results = search(page, base_url, paper.arxiv)
    assert results[0] == f"/{paper.url}", results[:5]
    page.click(".md-search-result__item > a")
    page.wait_for_url(f"**/{paper.url}**", timeout=WAIT_MS)
    assert page.locator("article h1").inner_text() == page_title(paper)
    assert not page.errors


def test_a_word_only_in_an_abstract_finds_the_paper(page, base_url: str, catalog: Catalog, index_words: dict) -> None:
    """A word that only one paper's abstract holds (not its title) finds that paper first, shown in an
    excerpt of the abstract, and opens it."""
    paper, word = next((p, w) for p in catalog.papers if p.abstract
                       for w in sorted(index_words[p.url]["text"] - index_words[p.url]["title"])
                       if w.isalpha() and len(w) >= 7 and w in p.abstract
                       and distinctive(w, p.url, index_words, ("title", "text")))
    results = search(page, base_url, word)
    assert results[0] == f"/{paper.url}", (word, results[:5])
    # The result shows an excerpt of the abstract around the word, the word marked.
    first = page.locator(".md-search-result__item").first
    excerpt = first.locator("article p").last.inner_text()
    assert len(paper.abstract.split()) > 60 and word in excerpt.lower() and len(excerpt.split()) <= 42, excerpt
    assert word in [mark.lower() for mark in first.locator("article p mark").all_inner_texts()]
    page.click(".md-search-result__item > a")
    page.wait_for_url(f"**/{paper.url}**", timeout=WAIT_MS)
    assert word in page.locator(".air-abstract").inner_text()
    assert not page.errors


@pytest.mark.parametrize("query, title_word", [("GUI", "gui"), ("search agent RL", "search")])
def test_topic_queries_lead_with_a_matching_paper(page, base_url: str, catalog: Catalog, query: str,
                                                  title_word: str) -> None:
    """Topic queries a reader types put a paper page whose title has the topic first."""
    results = search(page, base_url, query)
    assert results and results[0].startswith("/papers/"), results[:5]
    paper = catalog.paper(urlsplit(results[0]).path.split("/")[2])
    assert title_word in page_title(paper).lower(), (query, results[:5])
    assert not page.errors


def result_groups(page) -> list[list[tuple[str, str]]]:
    """The shown results, best first, each a list of its links (a page's sections follow it) as (index
    location, text): ('multimodal/?find=zoom', 'Papers holding …'), ('definitions/#multimodal', …);
    the search.highlight feature's `h` parameter is left out, the text's spaces are collapsed."""
    groups = page.eval_on_selector_all(".md-search-result__item", """items => items.map(item =>
        [...item.querySelectorAll(":scope > a")].map(a => [a.href, a.innerText]))""")
    return [[(index_location(href), " ".join(text.split())) for href, text in group] for group in groups]


def index_location(href: str) -> str:
    """A result link's location in the search index: 'multimodal/?find=zoom', 'about/#citing-papers'."""
    url = urlsplit(href)
    query = "&".join(part for part in url.query.split("&") if part and not part.startswith("h="))
    return url.path.lstrip("/") + (f"?{query}" if query else "") + (f"#{url.fragment}" if url.fragment else "")


def result_links(page) -> list[tuple[str, str]]:
    """The first link of each shown result, as result_groups gives it."""
    return [group[0] for group in result_groups(page)]


def is_paper(location: str) -> bool:
    """A paper's page ('papers/cof/'), not the all-papers table ('papers/', 'papers/?find=gui')."""
    return location.startswith("papers/") and location.count("/") == 2 and "?" not in location


def holders(word: str, index_words: dict) -> dict[str, set[str]]:
    """The papers whose entry has a word starting with `word`, by location: the fields holding it."""
    return {loc: fields for loc, words in index_words.items() if is_paper(loc)
            if (fields := {f for f in ("keys", "title", "text") if any(w.startswith(word) for w in words[f])})}


def test_zoom_in_puts_the_papers_holding_zoom_above_the_pages(page, base_url: str, index_words: dict) -> None:
    """'zoom in' ('in' a stop word): every paper holding a word that starts with 'zoom' comes before every
    page, among them at least three that hold it only in their abstract (Pixel Reasoner, VLM-R³, ViGoRL);
    and each page found holds such a word too (none is found for 'in' alone, as the start of
    'Interleaving', 'instead' or 'interface')."""
    papers = holders("zoom", index_words)
    assert len([loc for loc, fields in papers.items() if fields == {"text"}]) >= 3, papers
    search(page, base_url, "zoom in")
    groups = [[loc for loc, _ in group] for group in result_groups(page) if "?find=" not in group[0][0]]  # no links
    results = [group[0] for group in groups]
    shown_pages = [group for group in groups if not is_paper(group[0])]
    assert shown_pages and set(results[:len(papers)]) == set(papers), results
    for group in shown_pages:  # a page, and those of its sections that match
        assert any(w.startswith("zoom") for loc in group for field in ("title", "text")
                   for w in index_words[loc][field]), group
    assert not page.errors


@pytest.mark.parametrize("query, location", [("definitions", "definitions/"), ("multimodal", "multimodal/")])
def test_a_page_whose_title_has_the_word_comes_first(page, base_url: str, query: str, location: str) -> None:
    """A page titled with the query word ranks above the papers, even those whose title has the word."""
    search(page, base_url, query)
    assert result_links(page)[0][0] == location, result_links(page)[:5]
    assert not page.errors


def test_a_topic_of_one_category_links_to_its_table_filtered_by_it(page, base_url: str, catalog: Catalog,
                                                                   index_words: dict) -> None:
    """'zoom in': the papers holding 'zoom' are all Multimodal, so after the first result a link opens the
    Multimodal table filtered by 'zoom'; it shows the papers whose filter text holds the word."""
    assert {catalog.paper(loc.split("/")[1]).category for loc in holders("zoom", index_words)} == {"multimodal"}
    search(page, base_url, "zoom in")
    location, text = result_links(page)[1]
    assert location == "multimodal/?find=zoom" and text.startswith("Papers holding “zoom” in Multimodal"), text
    page.locator(".md-search-result__item > a").nth(1).click()
    page.wait_for_url("**/multimodal/?find=zoom**", timeout=WAIT_MS)
    assert page.input_value('.air-filter input[type="search"]') == "zoom"
    shown = page.eval_on_selector_all("table.air-table tbody tr", "rows => rows.filter(r => r.offsetParent).map(r => r.id)")
    expected = [p.id for p in listed_on(catalog, "multimodal") if holds(search_text(p), "zoom")]
    assert len(shown) > 1 and sorted(shown) == sorted(expected)
    assert not page.errors


def test_a_topic_of_several_categories_links_to_the_all_papers_table(page, base_url: str, catalog: Catalog,
                                                                     index_words: dict) -> None:
    """'GUI': the papers holding 'gui' come from several categories, so after the first result one link
    opens the all-papers table filtered by 'gui', and no category's table is linked."""
    papers = holders("gui", index_words)
    categories = {catalog.paper(loc.split("/")[1]).category for loc in papers}
    assert len(categories) > 1
    search(page, base_url, "GUI")
    links = result_links(page)
    text = (f"All papers holding “gui”, in one table The {len(papers)} papers found here come from {len(categories)} "
            "categories: see them in one table filtered by these words, sort them, narrow them down by category, "
            "method, year or links, and share the view.")
    assert links[1] == ("papers/?find=gui", text), links[:3]
    assert not [loc for loc, _ in links if "?find=" in loc and not loc.startswith("papers/")]
    assert not page.errors


def test_search_runs_in_the_site_worker(page, base_url: str, catalog: Catalog) -> None:
    """The search box talks to assets/air/search-worker.js, which runs Material's own worker inside it."""
    workers = []
    page.on("worker", lambda worker: workers.append(worker.url))
    paper = next(p for p in catalog.papers if p.short_name)
    assert search(page, base_url, paper.short_name)[0] == f"/{paper.url}"
    (url,) = workers
    assert urlsplit(url).path == "/assets/air/search-worker.js"
    (material,) = parse_qs(urlsplit(url).query)["material"]
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/assets/javascripts/workers/search\.\w+\.min\.js", material)
    assert not page.errors


def test_a_data_set_name_finds_the_paper_that_lists_it(page, base_url: str, site: Path, catalog: Catalog,
                                                      index_words: dict) -> None:
    """A word of a data set's name finds the paper that lists the data set (the data sets table itself is
    not searched: each paper's entry names its data sets)."""
    _, separator = search_docs(site)
    paper, word = next((p, w) for p in catalog.papers for url in p.links.datasets
                       for w in sorted(tokens(esc(dataset_name(url)), separator))
                       if w.isalpha() and len(w) >= 6 and distinctive(w, p.url, index_words, ("title", "text")))
    results = search(page, base_url, word)
    assert results[0] == f"/{paper.url}", (word, results[:5])
    assert not page.errors


def test_a_word_only_the_pages_hold_finds_its_page(page, base_url: str, index_words: dict) -> None:
    """Material's own search still answers for the prose pages: a word that only a page (no paper) holds
    finds that page first."""
    location, word = next((loc, w) for loc, words in index_words.items() if not loc.startswith("papers/")
                          for w in sorted(words["text"])
                          if w.isalpha() and len(w) >= 8 and distinctive(w, loc, index_words, ("title", "text")))
    results = search(page, base_url, word)
    assert results[0] == "/" + location.split("#")[0], (word, results[:5])
    assert not page.errors


def test_a_minus_word_leaves_out_the_papers_holding_it(page, base_url: str, index_words: dict) -> None:
    """'GUI -R1' lists GUI papers (a word of the entry starts with 'gui': in its title, text or keys, which hold
    its authors, such as Tao Gui), and none whose entry has a word starting with 'r1'."""
    papers = [r for r in search(page, base_url, "GUI -R1") if r.startswith("/papers/") and r != "/papers/"]
    assert len(papers) >= 3
    for path in papers:
        words = index_words[path.lstrip("/")]
        entry = words["title"] | words["text"] | words["keys"]
        assert any(w.startswith("gui") for w in entry), path
        assert not any(w.startswith("r1") for w in entry), path
    assert not page.errors


def test_hostile_titles_show_as_text_in_the_results(page, hostile_url: str, hostile_project: Path) -> None:
    """Results for the hostile papers show their titles as text, the query word marked; no markup of the
    data becomes an element and no script runs."""
    catalog = load_catalog(hostile_project / "data")
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    results = search(page, hostile_url, "alert")
    hostile = [r for r in results if r.startswith("/papers/hostile-")]
    assert len(hostile) == 2, results
    for item in page.query_selector_all(".md-search-result__item"):
        path = urlsplit(item.eval_on_selector("a", "a => a.href")).path
        if path.startswith("/papers/hostile-"):
            title = item.eval_on_selector("article h1", "h1 => h1.textContent")
            assert title.split() == page_title(catalog.paper(path.split("/")[2])).split()
            assert item.eval_on_selector_all("mark", "marks => marks.map(m => m.textContent.toLowerCase())")
    assert not page.query_selector_all(".md-search-result script, .md-search-result img, .md-search-result b")
    assert not dialogs and not page.errors


def test_bibtex_copy_button_copies_the_entry(page, base_url: str, catalog: Catalog) -> None:
    """The Cite block's copy button (Material's code copy) puts the paper's BibTeX entry on the clipboard."""
    paper = catalog.papers[0]
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    page.goto(f"{base_url}{paper.url}")
    page.click("pre .md-code__button")
    # Material says so once Clipboard.js has copied.
    expect(page.locator(".md-dialog .md-typeset")).to_have_text(page.evaluate(TRANSLATION, "clipboard.copied"))
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.strip() == page.locator("pre code").inner_text().strip()
    assert copied.startswith("@") and copied.splitlines()[0].endswith(f"{{{paper.id},")
    assert not page.errors
