"""Hostile text in the data shows as the same text in every output, never as markup, template code or a broken table.

One strict build of the project with two extra papers whose titles, names, venues, abstracts, notes and URLs
hold HTML (`<script>`, `"><img onerror>`), Markdown (`|`, `*`, `_`, backticks, links), Jinja (`{{ }}`,
`{% %}`), `</script>`, `<!--` and an entity; then each output is read back the way its consumer reads it.
"""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import parse_qsl, unquote

import bibtexparser
import pytest
import rispy
from bs4 import BeautifulSoup
from catalog import cli
from catalog.importer import read_awesome_list
from catalog.load import load_catalog
from catalog.models import Author
from markdown_it import MarkdownIt

from tests.build.test_paper_pages import search_docs
from tests.cite_tools import decode_tex
from tests.hostile import HOSTILE, HOSTILE_VENUE

IDS = list(HOSTILE)
EVENT_ATTRIBUTE = re.compile(r"^on", re.IGNORECASE)


def urls_of(paper: dict) -> list[str]:
    """Every link URL of an entry, in kind order."""
    return [url for urls in paper["links"].values() for url in ([urls] if isinstance(urls, str) else urls)]


def name_of(paper: dict) -> str:
    """The short name, else the title."""
    return paper.get("short_name") or paper["title"]


def author_names(paper: dict) -> list[str]:
    """The names of an entry's authors, people and organisations alike."""
    return [a if isinstance(a, str) else a["organisation"] for a in paper["authors"]]


def inverted_names(paper: dict) -> list[str]:
    """The names as citations write them: 'Family, Given' for a person, an organisation's name as it is."""
    authors = [Author(a) if isinstance(a, str) else Author(a["organisation"], organisation=True) for a in paper["authors"]]
    return [f"{a.family}, {a.given}" if a.given else a.name for a in authors]


def page_title(paper: dict) -> str:
    """A paper page's heading: 'Short — Title' (the title alone when there is no short name)."""
    return f"{paper['short_name']} — {paper['title']}" if paper.get("short_name") else paper["title"]


def squash(text: str) -> str:
    """White space runs as single spaces."""
    return " ".join(text.split())


def soup_of(site: Path, page: str) -> BeautifulSoup:
    """A built page by its URL path."""
    return BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")


# Category tables


@pytest.mark.parametrize("paper_id", IDS)
def test_category_row_shows_the_text(hostile_site: Path, paper_id: str) -> None:
    """Title, short name and venue are the literal text of one four-cell row; links keep their exact URLs."""
    paper = HOSTILE[paper_id]
    row = soup_of(hostile_site, paper["category"]).find("tr", id=paper_id)
    assert len(row.find_all("td", recursive=False)) == 4
    shown = {"title": row.select_one(".air-title-text"), "short_name": row.select_one(".air-short"),
             "venue": row.select_one(".air-venue")}
    for field, element in shown.items():
        assert (element.get_text() if element else None) == paper.get(field), field
        assert element is None or element.find() is None, field
    names = row.select(".air-authors a.air-author")
    assert [a.get_text() for a in names] == author_names(paper) and all(a.find() is None for a in names)
    links = row.select("a.air-link")
    assert [a["href"] for a in links] == urls_of(paper)
    assert all(a["aria-label"].endswith(f": {name_of(paper)} (example.org)") for a in links)


@pytest.mark.parametrize("paper_id", IDS)
def test_category_texts_file_is_json_with_the_papers_words(hostile_site: Path, paper_id: str) -> None:
    """The filter's texts file beside the category page parses and holds the paper's words as text."""
    page = HOSTILE[paper_id]["category"]
    texts = dict(json.loads((hostile_site / page / "texts.json").read_text(encoding="ascii")))
    assert "alert" in texts[paper_id]


# Paper pages


@pytest.mark.parametrize("paper_id", IDS)
def test_paper_page_shows_the_text(hostile_site: Path, paper_id: str) -> None:
    """Heading, <title>, description, facts, abstract, notes and links of the paper page are the literal text."""
    paper = HOSTILE[paper_id]
    soup = soup_of(hostile_site, f"papers/{paper_id}")
    heading = soup.select_one("article h1")
    assert (heading.get_text(), heading.find()) == (page_title(paper), None)
    assert soup.title.get_text() == f"{page_title(paper)} - Awesome Interleaving Reasoning"
    description = soup.find("meta", attrs={"name": "description"})["content"].removesuffix("…")
    assert squash(paper.get("abstract", paper["title"])).startswith(description)
    facts = {dt.get_text(): dd for dt, dd in zip(soup.select(".air-facts dt"), soup.select(".air-facts dd"))}
    assert (facts["Short name"].get_text() if "Short name" in facts else None) == paper.get("short_name")
    venue = f"{paper['venue']} ({HOSTILE_VENUE['full_name']})" if paper.get("venue") else None
    assert (facts["Venue"].get_text() if "Venue" in facts else None) == venue
    assert [a.get_text() for a in soup.select(".air-byline a.air-author")] == author_names(paper)
    assert soup.select_one(".air-byline-source").get_text() == f"Authors as listed by {paper['authors_source']}"
    paragraphs = [p.get_text() for p in soup.select(".air-abstract p")]
    assert paragraphs == [squash(part) for part in paper.get("abstract", "").split("\n\n") if part]
    assert [li.get_text() for li in soup.select(".air-notes li")] == paper.get("notes", [])
    hrefs = [a["href"] for a in soup.select("article a[href]")]
    assert all(url in hrefs for url in urls_of(paper))
    assert paper.get("abstract_source", hrefs[-1]) in hrefs


def test_paper_page_bibtex_block_is_text(hostile_site: Path) -> None:
    """The Cite block is one text node holding the BibTeX entry, not elements, then the links to the paper's files."""
    soup = soup_of(hostile_site, "papers/hostile-markup")
    code = soup.select_one("pre code")
    assert code.find() is None
    assert code.get_text().startswith("@inproceedings{hostile-markup,") and r"{\textless}script" in code.get_text()
    assert [a["href"] for a in soup.select(".air-cite-files a")] == ["cite.bib", "cite.ris", "cite.json"]


@pytest.mark.parametrize("paper_id", IDS)
def test_paper_page_head_tags_hold_the_text(hostile_site: Path, paper_id: str) -> None:
    """The Highwire and OpenGraph tags of the page's <head> hold the literal title, names and venue."""
    paper = HOSTILE[paper_id]
    head = soup_of(hostile_site, f"papers/{paper_id}").head
    named = [(m["name"], m["content"]) for m in head.find_all("meta", attrs={"name": True})]
    assert ("citation_title", paper["title"]) in named
    assert [content for name, content in named if name == "citation_author"] == inverted_names(paper)
    venue = [content for name, content in named if name == "citation_conference_title"]
    assert venue == ([HOSTILE_VENUE["full_name"]] if paper.get("venue") else [])
    properties = {m["property"]: m["content"] for m in head.find_all("meta", attrs={"property": True})}
    assert properties["og:title"] == page_title(paper)


@pytest.mark.parametrize("paper_id", IDS)
def test_category_row_coins_decode_to_the_text(hostile_site: Path, paper_id: str) -> None:
    """The row's COinS span decodes (HTML attribute, then the ContextObject's percent-encoding) to the literal
    title, names and venue."""
    paper = HOSTILE[paper_id]
    span = soup_of(hostile_site, paper["category"]).find("tr", id=paper_id).select_one("span.Z3988")
    values = {}
    for key, value in parse_qsl(span["title"], keep_blank_values=True):
        values.setdefault(key, []).append(value)
    assert values["rft.atitle"] == [paper["title"]]
    assert values.get("rft.au", []) + values.get("rft.aucorp", []) == inverted_names(paper)
    assert values.get("rft.btitle") == ([HOSTILE_VENUE["full_name"]] if paper.get("venue") else None)


# Every page


def test_no_page_holds_injected_markup(hostile_site: Path) -> None:
    """No page has an event-handler attribute, a runnable script with the payload, an <img>, or an evaluated template."""
    for html_file in hostile_site.rglob("*.html"):
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        where = html_file.relative_to(hostile_site)
        assert not [el.name for el in soup.find_all(True) if any(EVENT_ATTRIBUTE.match(a) for a in el.attrs)], where
        executable = [s for s in soup.find_all("script") if s.get("type", "text/javascript").endswith("javascript")]
        assert not [s for s in executable if "alert(" in (s.string or "")], where
        assert not soup.select("article img"), where
        assert "Awesome Interleaving Reasoning jinja" not in soup.get_text(), where


def test_every_script_element_closes_where_it_should(hostile_site: Path) -> None:
    """Each page has as many '</script>' as '<script' (no data ends a script early), and JSON scripts parse."""
    for html_file in hostile_site.rglob("*.html"):
        text = html_file.read_text(encoding="utf-8")
        where = html_file.relative_to(hostile_site)
        assert len(re.findall(r"<script\b", text, re.IGNORECASE)) == len(re.findall(r"</script\s*>", text, re.IGNORECASE)), where
        for script in BeautifulSoup(text, "html.parser").find_all("script", type="application/json"):
            json.loads(script.string)


# Search index


def test_search_index_holds_escaped_text(hostile_site: Path) -> None:
    """Search shows titles and text as HTML: the hostile paper's entries read back as its literal text."""
    docs, _ = search_docs(hostile_site)
    for doc in docs:
        for html in [doc["title"], doc["text"], *doc.get("keys", [])]:
            fragment = BeautifulSoup(html, "html.parser")
            assert not fragment.find_all(["script", "img", "iframe", "a", "b", "i"]), doc["location"]
            assert not [el for el in fragment.find_all(True) if any(EVENT_ATTRIBUTE.match(a) for a in el.attrs)]
    for paper_id, paper in HOSTILE.items():
        own = [d for d in docs if d["location"] == f"papers/{paper_id}/"]
        assert [BeautifulSoup(d["title"], "html.parser").get_text() for d in own] == [page_title(paper)]
        keys = [BeautifulSoup(key, "html.parser").get_text() for key in own[0]["keys"]]
        assert keys == [key for key in (paper.get("short_name"), paper.get("arxiv"), *author_names(paper)) if key]
        text = BeautifulSoup(own[0]["text"], "html.parser").get_text(" ")
        assert squash(paper.get("abstract", "")) in squash(text)


# Downloads: papers.json, the citation files, feed.xml


@pytest.mark.parametrize("paper_id", IDS)
def test_papers_json_holds_the_exact_values(hostile_site: Path, paper_id: str) -> None:
    """papers.json carries title, short name, abstract and links unchanged."""
    paper = HOSTILE[paper_id]
    records = {r["id"]: r for r in json.loads((hostile_site / "papers.json").read_text(encoding="utf-8"))}
    record = records[paper_id]
    assert (record["title"], record["short_name"], record["abstract"]) == (
        paper["title"], paper.get("short_name"), paper.get("abstract"))
    assert [a["name"] for a in record["authors"]] == author_names(paper)
    venue = {key: HOSTILE_VENUE[key] for key in ("name", "full_name", "kind")} if paper.get("venue") else None
    assert record["venue"] == venue
    assert [url for urls in record["links"].values() for url in urls] == urls_of(paper)


@pytest.mark.parametrize("paper_id", IDS)
def test_papers_bib_decodes_to_the_exact_values(hostile_site: Path, paper_id: str) -> None:
    """papers.bib parses entry by entry; title, venue and names decode to the literal text, the URL is unchanged."""
    paper = HOSTILE[paper_id]
    database = bibtexparser.loads((hostile_site / "papers.bib").read_text(encoding="utf-8"))
    entries = {entry["ID"]: entry for entry in database.entries}
    assert len(entries) == len(json.loads((hostile_site / "papers.json").read_text(encoding="utf-8")))
    entry = entries[paper_id]
    assert decode_tex(entry["title"]) == paper["title"]
    assert decode_tex(entry.get("booktitle", "")) == (HOSTILE_VENUE["full_name"] if paper.get("venue") else "")
    names = [name.strip() for name in re.split(r"\s+and\s+", entry["author"])]  # 'and' inside a name is braced
    assert [decode_tex(n) for n in names] == inverted_names(paper)
    assert entry["url"] == urls_of(paper)[0]


@pytest.mark.parametrize("paper_id", IDS)
def test_ris_and_csl_json_hold_the_exact_values(hostile_site: Path, paper_id: str) -> None:
    """The paper's cite.ris (read by rispy) and cite.json have its literal title, names, venue and URL, and are
    its record and item of papers.ris and papers.csl.json."""
    paper = HOSTILE[paper_id]
    folder = hostile_site / "papers" / paper_id
    ris = (folder / "cite.ris").read_text(encoding="utf-8")
    (record,) = rispy.loads(ris)
    assert (record["title"], record["authors"], record["urls"]) == (paper["title"], inverted_names(paper), urls_of(paper)[:1])
    assert record.get("secondary_title") == (HOSTILE_VENUE["full_name"] if paper.get("venue") else None)
    assert ris in (hostile_site / "papers.ris").read_text(encoding="utf-8")
    (item,) = json.loads((folder / "cite.json").read_text(encoding="utf-8"))
    names = [name.get("literal") or ", ".join(filter(None, (name["family"], name.get("given")))) for name in item["author"]]
    assert (item["title"], names, item["URL"]) == (paper["title"], inverted_names(paper), urls_of(paper)[0])
    assert item.get("container-title") == (HOSTILE_VENUE["full_name"] if paper.get("venue") else None)
    assert item in json.loads((hostile_site / "papers.csl.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("paper_id", IDS)
def test_feed_is_xml_with_the_exact_values(hostile_site: Path, paper_id: str) -> None:
    """feed.xml parses as XML; the paper's entry has its literal title and abstract and its page's link."""
    paper = HOSTILE[paper_id]
    atom = {"a": "http://www.w3.org/2005/Atom"}
    entries = ET.parse(hostile_site / "feed.xml").getroot().findall("a:entry", atom)
    entry = next(e for e in entries if e.find("a:link", atom).get("href").endswith(f"/papers/{paper_id}/"))
    assert entry.find("a:title", atom).text == paper["title"]
    assert entry.find("a:summary", atom).text == paper.get("abstract", paper["title"])
    assert [a.find("a:name", atom).text for a in entry.findall("a:author", atom)] == author_names(paper)


# The regenerated README


@pytest.fixture(name="readme", scope="module")
def fixture_readme(hostile_project: Path, tmp_path_factory) -> str:
    """`catalog export --format markdown` of the hostile data."""
    out = tmp_path_factory.mktemp("readme") / "README.md"
    assert cli.main(["export", "--format", "markdown", "--data-dir", str(hostile_project / "data"),
                     "--out", str(out)]) == 0
    return out.read_text(encoding="utf-8")


@pytest.mark.parametrize("paper_id", IDS)
def test_readme_bullet_renders_as_the_text(readme: str, paper_id: str) -> None:
    """Rendered as CommonMark (with tables), the paper's bullet is one list item whose link text is the title."""
    paper = HOSTILE[paper_id]
    lines = [line for line in readme.splitlines() if f"id: {paper_id} " in line or f"id: {paper_id};" in line]
    assert len(lines) == 1 and lines[0].startswith("* ")
    html = MarkdownIt("commonmark").enable("table").render(readme)
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("table") is None
    item = next(li for li in soup.find_all("li") if f"id: {paper_id} " in str(li) or f"id: {paper_id};" in str(li))
    assert [el.name for el in item.find_all(True) if el.name != "p"] == ["strong"] * bool(paper.get("methods")) + ["a"] * len(
        urls_of(paper))
    title_link = item.find_all("a")[0]
    assert title_link.get_text() == paper["title"]
    assert unquote(title_link["href"]) == urls_of(paper)[0]
    if paper.get("short_name"):
        assert f"[{paper['short_name']}]" in item.get_text()


@pytest.mark.parametrize("paper_id", IDS)
def test_readme_reads_back_unchanged(readme: str, hostile_project: Path, paper_id: str) -> None:
    """`catalog import` of the regenerated README gives back the paper's title, short name and links."""
    paper = HOSTILE[paper_id]
    taxonomy = load_catalog(hostile_project / "data").taxonomy
    entry = next(e for e in read_awesome_list(readme, taxonomy).entries if e.get("id") == paper_id)
    assert (entry["title"], entry.get("short_name")) == (paper["title"], paper.get("short_name"))
    assert (entry["authors"], entry["authors_source"]) == (paper["authors"], paper["authors_source"])
    assert [u for urls in entry["links"].values() for u in ([urls] if isinstance(urls, str) else urls)] == urls_of(paper)
