"""Citations on the built real site, over the whole catalog: papers.bib compiled by TeX Live's bibtex, papers.csl.json
rendered in APA by citeproc-js, papers.ris read back by rispy; each paper's own files; the Highwire Press, OpenGraph
and Twitter tags of every paper page; one COinS span per row of every category table."""
from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qsl

import bibtexparser
import pytest
import rispy
import yaml
from bs4 import BeautifulSoup
from catalog.models import Catalog, Paper
from catalog.render.paper import page_title

from tests.cite_tools import APA_ALL_AUTHORS, APA_FIRST_AUTHORS, cited_year, decode_tex, expected_ris, inverted_names
from tests.conftest import ROOT, listed_on

SITE_URL = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["site_url"]
QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})  # citeproc's typographic quotes, undone


def soup_of(site: Path, page: str) -> BeautifulSoup:
    """A built page by its URL path."""
    return BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def expected_highwire(paper: Paper) -> list[tuple[str, str]]:
    """The citation_* tags a paper page should carry, from the data."""
    tags = [("citation_title", paper.title), *(("citation_author", name) for name in inverted_names(paper)),
            ("citation_publication_date", cited_year(paper) if paper.venue else paper.date.replace("-", "/"))]
    if paper.arxiv:
        tags += [("citation_arxiv_id", paper.arxiv), ("citation_pdf_url", f"https://arxiv.org/pdf/{paper.arxiv}")]
    tags.append(("citation_abstract_html_url", SITE_URL + paper.url))
    if paper.venue:
        name = "citation_journal_title" if paper.venue.kind == "journal" else "citation_conference_title"
        tags.append((name, paper.venue.full_name))
    return tags


@pytest.fixture(name="pages", scope="module")
def fixture_pages(site: Path, catalog: Catalog) -> dict[str, BeautifulSoup]:
    """Every paper page, parsed, by paper id."""
    return {p.id: soup_of(site, p.url) for p in catalog.papers}


# The real tools over the whole catalog


def test_bibtex_compiles_every_entry_without_a_warning(site: Path, catalog: Catalog, bibtex, tmp_path: Path) -> None:
    """bibtex compiles an .aux citing every key of papers.bib with the plain style: exit 0, no warning, no error
    (counted from its .blg), one \\bibitem per paper."""
    keys = [p.id for p in catalog.papers]
    run = bibtex(read(site, "papers.bib"), keys, tmp_path, "plain")
    assert (run.returncode, run.warnings, run.errors) == (0, 0, 0), run.log
    assert sorted(run.bibitems()) == sorted(keys)


def test_apa_renders_every_item_with_its_authors(site: Path, catalog: Catalog, apa, tmp_path: Path) -> None:
    """citeproc-js renders every item of papers.csl.json in APA with no error and no warning; each entry holds its
    title and every author (APA 7's rule for more than 20: the first 19, an ellipsis and the last)."""
    result = apa(read(site, "papers.csl.json"), tmp_path)
    assert (result["errors"], result["warnings"]) == ([], [])
    assert sorted(result["entries"]) == sorted(p.id for p in catalog.papers)
    for paper in catalog.papers:
        text = result["entries"][paper.id].translate(QUOTES)
        assert " ".join(paper.title.split()).translate(QUOTES) in text, paper.id
        families = [a.family for a in paper.authors]
        if len(families) > APA_ALL_AUTHORS:
            assert "…" in text, paper.id
            families = families[:APA_FIRST_AUTHORS] + families[-1:]
        assert [f for f in families if f not in text] == [], paper.id


def test_rispy_reads_every_record_back(site: Path, catalog: Catalog) -> None:
    """rispy reads papers.ris back, one record per paper, with the data's type, authors, title, year, date, venue,
    URL and DOI."""
    assert rispy.loads(read(site, "papers.ris")) == [expected_ris(p) for p in catalog.papers]


# Each paper's files and its Cite section


def test_each_paper_has_its_citation_files(site: Path, catalog: Catalog, pages: dict[str, BeautifulSoup]) -> None:
    """cite.bib, cite.ris and cite.json beside each page are the paper's entry, record and item of the catalog's
    files; the page shows the same BibTeX entry and links the three files."""
    bib, ris = read(site, "papers.bib"), read(site, "papers.ris")
    items = {item["id"]: item for item in json.loads(read(site, "papers.csl.json"))}
    for paper in catalog.papers:
        entry = read(site, paper.url + "cite.bib")
        assert entry in bib and pages[paper.id].select_one("pre > code").get_text() == entry, paper.id
        assert read(site, paper.url + "cite.ris") in ris, paper.id
        assert json.loads(read(site, paper.url + "cite.json")) == [items[paper.id]], paper.id
        links = pages[paper.id].select(".air-cite-files a")
        assert [a["href"] for a in links] == ["cite.bib", "cite.ris", "cite.json"], paper.id
        (parsed,) = bibtexparser.loads(entry).entries
        assert (parsed["ID"], decode_tex(parsed["title"]), parsed["year"]) == (paper.id, paper.title, cited_year(paper))


# Page metadata


def test_paper_pages_carry_highwire_tags_equal_to_the_data(catalog: Catalog, pages: dict[str, BeautifulSoup]) -> None:
    """Every paper page's citation_* tags are the data's title, authors, date, arXiv id and PDF, page URL and venue."""
    for paper in catalog.papers:
        tags = [(m["name"], m["content"]) for m in pages[paper.id].head.find_all("meta", attrs={"name": True})
                if m["name"].startswith("citation_")]
        assert tags == expected_highwire(paper), paper.id


def test_paper_pages_carry_link_preview_tags_and_a_canonical_link(catalog: Catalog,
                                                                  pages: dict[str, BeautifulSoup]) -> None:
    """OpenGraph tags hold the page's title, description and URL, which a summary Twitter card takes from them; the
    canonical link is the URL."""
    for paper in catalog.papers:
        head, url = pages[paper.id].head, SITE_URL + paper.url
        named = {m["name"]: m["content"] for m in head.find_all("meta", attrs={"name": True})}
        properties = {m["property"]: m["content"] for m in head.find_all("meta", attrs={"property": True})}
        assert properties == {"og:type": "article", "og:title": page_title(paper),
                              "og:description": named["description"], "og:url": url}, paper.id
        assert named["twitter:card"] == "summary"
        assert [link["href"] for link in head.select('link[rel="canonical"]')] == [url]


def test_category_pages_carry_one_coins_span_per_row(site: Path, catalog: Catalog) -> None:
    """On every category page the COinS spans are as many as the rows, one in each, naming the row's paper."""
    for category in catalog.taxonomy.categories:
        soup = soup_of(site, category.id)
        rows = soup.select("table.air-table tbody tr")
        assert len(soup.select("span.Z3988")) == len(rows) == len(listed_on(catalog, category.id))
        for row in rows:
            (span,) = row.select("span.Z3988")
            assert dict(parse_qsl(span["title"]))["rft.atitle"] == catalog.paper(row["id"]).title
