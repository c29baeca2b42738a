"""Paper pages and the search index, over one real strict build (and synthetic catalogs for scale); their
citations are tests/build/test_citations.py's."""
from __future__ import annotations

import itertools
import json
import random
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from catalog import similarity
from catalog.models import Catalog, Links, Paper
from catalog.render.extras import dataset_name
from catalog.render.paper import page_title
from catalog.search_index import papers_entry
from catalog.similarity import SimilarityModel, document_of, stem, words_of

from tests.conftest import build_site, copy_project

SITE_NAME = "Awesome Interleaving Reasoning"


def soup_of(site: Path, page: str) -> BeautifulSoup:
    """Parsed HTML of a built page given by its URL path."""
    return BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")


def search_docs(site: Path) -> tuple[list[dict], re.Pattern]:
    """The search index's documents, a document a paper as the search worker makes them, and the word separator
    the worker splits them with."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    (papers,) = [doc["papers"] for doc in index["docs"] if "papers" in doc]
    pages = [doc for doc in index["docs"] if "papers" not in doc]
    return pages + paper_documents(papers), re.compile(index["config"]["separator"])


def paper_documents(papers: dict) -> list[dict]:
    """The papers' records of the index as documents, as the search worker makes them (search-worker.js
    paperDocs; test_search_worker.py checks the worker's side)."""
    docs = []
    for pid, title, facts, abstract, category, short, arxiv, authors in papers["records"]:
        shown = ", ".join(authors[:3]) + (" et al." if len(authors) > 3 else "")
        text = f"<p>{' · '.join(part for part in (shown, facts) if part)}</p>" + (f"<p>{abstract}</p>" if abstract else "")
        docs.append({"location": f"papers/{pid}/", "title": title, "text": text,
                     "keys": [key for key in (short, arxiv, *authors) if key], "category": papers["categories"][category]})
    return docs


def tokens(html: str, separator: re.Pattern) -> set[str]:
    """Words of an index field as Material's worker cuts them: at tags, then at the separator, lowercased."""
    return {word.lower() for block in re.split(r"<[^>]*>", html) for word in separator.split(block) if word}


def site_path(page_url: str, href: str) -> tuple[str, str]:
    """A link's target as (site path, fragment), e.g. ('multimodal/', 'cof'), from the page at page_url."""
    target = urlsplit(urljoin(f"http://site/{page_url}", href))
    return target.path.lstrip("/"), target.fragment


@pytest.fixture(name="pages", scope="module")
def fixture_pages(site: Path, catalog: Catalog) -> dict[str, BeautifulSoup]:
    """Every paper page, parsed, by paper id."""
    return {p.id: soup_of(site, p.url) for p in catalog.papers}


def test_every_paper_has_its_page(pages: dict[str, BeautifulSoup], catalog: Catalog) -> None:
    """Each paper's page has its title as heading, its date, methods and every link with its kind."""
    for paper in catalog.papers:
        soup = pages[paper.id]
        assert soup.select_one("article h1").get_text() == page_title(paper), paper.id
        labels, values = soup.select(".air-facts dt"), soup.select(".air-facts dd")
        facts = {dt.get_text(): dd for dt, dd in zip(labels, values, strict=True)}
        assert facts["Date"].get_text() == paper.date
        methods = facts.get("Methods")
        assert (len(methods.select(".air-badge")) if methods else 0) == len(paper.methods)
        links = soup.select(".air-paper-links a")
        assert [a["href"] for a in links] == [url for _, urls in paper.links.items() for url in urls], paper.id
        assert all(a.select_one(".air-link-kind").get_text() for a in links)
        if paper.arxiv:
            assert f"https://arxiv.org/abs/{paper.arxiv}" in [a["href"] for a in facts["arXiv"].select("a")]


def test_category_link_leads_to_the_papers_row(site: Path, pages: dict[str, BeautifulSoup], catalog: Catalog) -> None:
    """The category fact links to the paper's own row on its category page."""
    rows = {c.id: {tr["id"] for tr in soup_of(site, c.id).select("table.air-table tbody tr")}
            for c in catalog.taxonomy.categories}
    for paper in catalog.papers:
        href = pages[paper.id].select_one(".air-facts dd a[href*='#']")["href"]
        assert site_path(paper.url, href) == (f"{paper.category}/", paper.id)
        assert paper.id in rows[paper.category]


def test_abstract_and_notes_are_shown(pages: dict[str, BeautifulSoup], catalog: Catalog) -> None:
    """The abstract, paragraph by paragraph, with its source; and every curation note."""
    for paper in catalog.papers:
        soup = pages[paper.id]
        paragraphs = [p.get_text() for p in soup.select(".air-abstract p")]
        assert paragraphs == [" ".join(part.split()) for part in paper.abstract.split("\n\n") if part.strip()]
        source = soup.select_one(".air-source")
        if not paper.abstract_source:
            assert source is None
        elif paper.abstract_source.startswith("http"):
            assert source.select_one("a")["href"] == paper.abstract_source
        else:
            assert source.get_text() == f"Source: {paper.abstract_source}"
        assert [li.get_text() for li in soup.select(".air-notes li")] == list(paper.notes)


def test_related_papers_share_content_words(site: Path, pages: dict[str, BeautifulSoup], catalog: Catalog) -> None:
    """Five related papers a page (any category), each an existing other page shown with its category and the
    words the two share: each shown word is written by the page's paper, and its stem by the other."""
    for paper in catalog.papers:
        items = pages[paper.id].select(".air-related li")
        assert len(items) == 5, paper.id
        for item in items:
            target, _ = site_path(paper.url, item.select_one("a")["href"])
            other = catalog.paper(target.removeprefix("papers/").rstrip("/"))
            assert (site / target / "index.html").exists() and other not in (None, paper), (paper.id, target)
            category = catalog.taxonomy.category(other.category).short_title
            assert item.select_one(".air-related-category").get_text() == f"· {category}"
            shared = item.select_one(".air-related-shared").get_text().removeprefix("shares: ").split(", ")
            assert 1 <= len(shared) <= 4, (paper.id, other.id)
            texts = [words_of(document_of(p)) for p in (paper, other)]
            for word in shared:
                assert word in texts[0], (paper.id, other.id, word)
                assert all(stem(word) in {stem(w) for w in text} for text in texts), (paper.id, other.id, word)


def test_related_papers_of_a_real_paper(pages: dict[str, BeautifulSoup]) -> None:
    """ReEx-SQL (text-to-SQL with execution feedback) is shown SQL-R1 first, sharing 'sql'."""
    first = pages["reex-sql"].select_one(".air-related li")
    assert first.select_one("a").get_text().startswith("SQL-R1")
    assert "sql" in first.select_one(".air-related-shared").get_text().removeprefix("shares: ").split(", ")


def test_title_and_description_meta(pages: dict[str, BeautifulSoup], catalog: Catalog) -> None:
    """<title> is the paper's name and title; the description is the abstract's opening, else the title."""
    for paper in catalog.papers:
        soup = pages[paper.id]
        assert soup.title.get_text() == f"{page_title(paper)} - {SITE_NAME}"
        description = soup.find("meta", attrs={"name": "description"})["content"]
        start = description.removesuffix("…")
        assert start and " ".join((paper.abstract or paper.title).split()).startswith(start), paper.id


def test_sitemap_lists_every_paper_page(site: Path, catalog: Catalog) -> None:
    """sitemap.xml has one <loc> for each paper page (they are not MkDocs pages: catalog.paper_pages writes them)
    and none for the shell they are made from."""
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [loc.text for loc in ET.parse(site / "sitemap.xml").getroot().findall("s:url/s:loc", namespace)]
    paths = [urlsplit(loc).path for loc in locs]
    paper_paths = sorted(path[path.index("papers/"):] for path in paths if re.search(r"/papers/[^/]+/$", path))
    assert paper_paths == sorted(p.url for p in catalog.papers)
    assert len(locs) == len(set(locs))


def test_paper_pages_are_not_in_the_navigation(site: Path, pages: dict[str, BeautifulSoup], catalog: Catalog) -> None:
    """No navigation (tabs, sidebar, footer) of any page links to a paper page; paper pages hide the sidebars."""
    for html in [soup_of(site, ""), soup_of(site, "multimodal"), pages[catalog.papers[0].id]]:
        nav_links = [a["href"] for a in html.select(".md-tabs a, .md-nav a, .md-footer a")]
        assert nav_links and not [href for href in nav_links if re.search(r"papers/[^/?#]+/", href)]
    assert all(page.select_one(".md-sidebar--primary[hidden]") for page in pages.values())


def test_every_paper_has_one_search_entry(site: Path, catalog: Catalog) -> None:
    """The index holds one entry per paper page: its title; its facts, data sets and whole abstract as
    text; its short name, arXiv id and authors as the keys that mark it as a paper for the search worker."""
    docs, _ = search_docs(site)
    by_location = {}
    for doc in docs:
        by_location.setdefault(doc["location"].split("#")[0], []).append(doc)
    for paper in catalog.papers:
        (doc,) = by_location[paper.url]
        text = BeautifulSoup(doc["text"], "html.parser").get_text(" ")
        assert BeautifulSoup(doc["title"], "html.parser").get_text() == page_title(paper)
        assert paper.date in text and paper.arxiv in text and " ".join(paper.abstract.split()) in text
        assert all(dataset_name(url) in text for url in paper.links.datasets)
        assert [BeautifulSoup(key, "html.parser").get_text() for key in doc["keys"]] == [
            key for key in (paper.short_name, paper.arxiv, *(a.name for a in paper.authors)) if key]
    assert not [d["location"] for d in docs if "keys" in d and not d["location"].startswith("papers/")]
    assert sum(bool(p.links.datasets) for p in catalog.papers) >= 10


def test_a_word_only_in_a_table_cell_is_its_own_search_token(site: Path, catalog: Catalog) -> None:
    """Short names and venues, shown on category pages only in table cells, are whole words of the index."""
    docs, separator = search_docs(site)
    words = set().union(*(tokens(d["title"], separator) | tokens(d["text"], separator) for d in docs))
    checked = 0
    for category in catalog.taxonomy.categories:
        row = soup_of(site, category.id).select_one("table.air-table tbody tr")
        for cell in row.select(".air-short, .air-venue"):
            assert tokens(cell.get_text(), separator) <= words, cell.get_text()
            checked += 1
        date, paper_cell = row.select("td")[:2]
        glued = (separator.split(date.get_text())[-1] + separator.split(paper_cell.get_text(" ").strip())[0]).lower()
        assert glued not in words
    assert checked >= 4


@pytest.fixture(name="table_site", scope="module")
def fixture_table_site(tmp_path_factory) -> Path:
    """The site built with a Markdown table on the about page, whose cells hold words found nowhere else.
    (The site's own tables, category tables and data sets, are left to the papers' search entries.)"""
    project = copy_project(tmp_path_factory.mktemp("table"))
    with open(project / "docs" / "about.md", "a", encoding="utf-8") as about:
        about.write("\n\n## Glossary\n\n| Term | Where |\n| --- | --- |\n| Zyxquorbat | 1906.20525 |\n"
                    "| Plimvex | arXiv |\n")
    return build_site(project, project / "site")


def test_table_cells_stay_apart_in_the_index(table_site: Path) -> None:
    """In every table the index reads, two neighbouring cells never run together into one word, and a
    word found only in a table cell is a word of the index."""
    docs, separator = search_docs(table_site)
    indexed = {}
    for doc in docs:
        indexed.setdefault(doc["location"].split("#")[0], set()).update(tokens(doc["text"], separator))
    assert {"zyxquorbat", "1906.20525", "plimvex"} <= indexed["about/"]
    tables = 0
    for location, words in indexed.items():
        if location.startswith("papers/"):
            continue
        for table in soup_of(table_site, location).select("table:not([data-search-exclude])"):
            for row in table.select("tr"):
                cells = [separator.split(cell.get_text(" ").strip()) for cell in row.select("td, th")]
                for left, right in itertools.pairwise(cells):
                    if left[-1] and right[0]:
                        assert (left[-1] + right[0]).lower() not in words, (location, left[-1], right[0])
                        assert {left[-1].lower(), right[0].lower()} <= words, (location, left[-1], right[0])
            tables += 1
    assert tables == 1


def test_category_tables_are_not_indexed_twice(site: Path, catalog: Catalog) -> None:
    """Category pages' index entries leave the tables out: each title is indexed once, on its paper's entry."""
    docs, _ = search_docs(site)
    for category in catalog.taxonomy.categories:
        text = " ".join(d["text"] for d in docs if d["location"].startswith(f"{category.id}/"))
        assert not [p.id for p in catalog.in_category(category.id) if p.title in text]


# Scale: synthetic catalogs


def synthetic_catalog(template: Catalog, size: int, seed: int = 7) -> Catalog:
    """`size` papers spread over the real taxonomy, with dates, methods and Zipf-like abstracts holding one
    word no other paper has ('uniqword<i>')."""
    rng = random.Random(seed)
    groups = [(c.id, s.id) for c in template.taxonomy.categories for s in c.subcategories]
    groups += [(c.id, "") for c in template.taxonomy.categories if not c.subcategories]
    methods = [m.id for m in template.taxonomy.methods]
    vocabulary = [f"word{i}" for i in range(5000)]
    zipf = list(itertools.accumulate(1 / (i + 1) for i in range(len(vocabulary))))
    papers = []
    for i in range(size):
        category, sub = rng.choice(groups)
        words = rng.choices(vocabulary, cum_weights=zipf, k=150)
        words.insert(rng.randrange(150), f"uniqword{i}")
        papers.append(Paper(
            id=f"p{i}", title=f"Paper {i} on {' '.join(rng.sample(vocabulary[:300], 6))}",
            date=f"{rng.randint(2019, 2026)}-{rng.randint(1, 12):02d}",
            links=Links(paper=(f"https://arxiv.org/abs/{i}",)), category=category, subcategory=sub,
            arxiv=f"{2000 + i % 600}.{i:05d}", methods=tuple(rng.sample(methods, 2)), abstract=" ".join(words) + "."))
    return Catalog(taxonomy=template.taxonomy, papers=tuple(papers))


def count_comparisons(papers: Catalog) -> int:
    """The work of finding every paper's related papers, as the model counts it (not timed)."""
    model = SimilarityModel.of_catalog(papers)
    for index in range(len(papers.papers)):
        model.nearest(index, 5)
    return model.comparisons


def test_related_papers_scale_linearly(catalog: Catalog) -> None:
    """Each paper reads a bounded number of postings and scores a bounded number of candidates, whatever the
    catalog's size, so the work is linear: at 10,000 papers it stays under that bound times 10,000 (a twelfth of
    the 50 million pairs an all-pairs model would score)."""
    per_paper = similarity.QUERY_TERMS * similarity.POSTINGS_PER_TERM + similarity.CANDIDATES
    for size in (1000, 10000):
        work = count_comparisons(synthetic_catalog(catalog, size))
        assert work <= size * per_paper, size
    assert work >= 10000 * per_paper / 2  # the bound is reached: postings lists are full at this size


def test_search_entries_stay_small_at_ten_thousand_papers(catalog: Catalog) -> None:
    """At 10,000 papers the papers' document stays under 4 MB, and each record keeps the one word only its abstract
    has."""
    entry = papers_entry(synthetic_catalog(catalog, 10000))
    assert len(json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode()) < 4 * 2**20
    assert all(re.search(rf"\buniqword{i}\b", record[3]) for i, record in enumerate(entry["papers"]["records"]))
