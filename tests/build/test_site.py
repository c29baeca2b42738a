"""Tests over one real strict build of the real site."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from catalog.models import Catalog
from catalog.mojibake import looks_like_mojibake
from catalog.render.paper import page_title

from tests.conftest import bordering, build_site, copy_project, listed_on

CATEGORY_PAGES = ("multimodal", "multi-round-acting", "multi-agent", "unified-generation")

STRAY_MARKDOWN = re.compile(r"\\\*|\[\[|\]\(")


def soup_of(site: Path, page: str) -> BeautifulSoup:
    """Parsed HTML of a built page given by its URL path ('' for home)."""
    return BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")


def content_text(site: Path, html_file: Path) -> str:
    """Visible text of a page's article (without scripts, navigation and the search index)."""
    soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article") or soup
    return article.get_text(" ")


def test_every_paper_is_on_exactly_its_category_page(site: Path, catalog: Catalog) -> None:
    """Each paper's row appears once on its own category page, in its subcategory's group, and on no other
    category page unless it borders that one (see the next test)."""
    rows = {page: soup_of(site, page).select("table.air-table tbody tr") for page in CATEGORY_PAGES}
    for paper in catalog.papers:
        found = [(page, row) for page, page_rows in rows.items() for row in page_rows if row.get("id") == paper.id]
        assert [page for page, _ in found] == [c for c in CATEGORY_PAGES
                                                if c in (paper.category, paper.secondary_category)], paper.id
        group = dict(found)[paper.category].find_parent("div", class_="air-group")
        assert group["data-sub"] == (paper.subcategory or "papers"), paper.id


def test_each_boundary_paper_is_on_both_pages(site: Path, catalog: Catalog) -> None:
    """A paper bordering another category is listed on that category's page too, in a section 'On the boundary
    with <its category>', its row anchored at its id, its title linking to its one paper page; the page's count
    says how many of its papers are filed elsewhere."""
    boundary = [p for p in catalog.papers if p.secondary_category]
    assert len(boundary) == 14  # the catalog's boundary papers, or this test says little
    for paper in boundary:
        soup = soup_of(site, paper.secondary_category)
        home = catalog.taxonomy.category(paper.category)
        group = soup.select_one(f'.air-group[data-sub="boundary-{paper.category}"]')
        assert group.find_previous_sibling("h2").get_text().startswith(f"On the boundary with {home.short_title}")
        row = group.select_one(f'tr[id="{paper.id}"]')
        assert row is not None and row["data-cat"] == paper.category, paper.id
        assert row.select_one("a.air-title")["href"] == f"../{paper.url}"
        assert group.select_one(f'.air-boundary-note a[href="../{home.url}"]')
    for cat_id in CATEGORY_PAGES:
        soup = soup_of(site, cat_id)
        elsewhere = bordering(catalog, cat_id)
        total = soup.select_one(".air-total").get_text()
        assert total.startswith(f"{len(listed_on(catalog, cat_id))} of {len(listed_on(catalog, cat_id))} papers")
        first = catalog.taxonomy.category(elsewhere[0].category).short_title
        n_first = sum(p.category == elsewhere[0].category for p in elsewhere)
        assert f", {n_first} of them filed under {first}" in total, total



def test_all_papers_page_lists_every_paper_once_beside_the_paper_pages(site: Path, catalog: Catalog) -> None:
    """papers/index.html (from docs/papers.md) is the all-papers table: one row per paper, newest first, its
    category cell linking to its row on its own category page, with a category facet; the paper pages still live
    at papers/<id>/ beside it; the navigation, the home page and the categories overview link to it."""
    soup = soup_of(site, "papers")
    rows = soup.select("table.air-table tbody tr")
    assert [row["id"] for row in rows] == [p.id for p in catalog.papers]
    for row in rows:
        paper = catalog.paper(row["id"])
        assert row.select_one(".air-cat a")["href"] == f"../{paper.category}/#{paper.id}"
        assert row.select_one("a.air-title")["href"] == f"../{paper.url}"
    cats = [box["value"] for box in soup.select("fieldset[data-facet=cat] input")]
    assert cats == [c.id for c in catalog.taxonomy.categories]
    assert soup.select_one("form.air-filter")["data-category"] == ""
    assert soup.select_one("h1").get_text(strip=True).startswith("All papers")
    assert all((site / p.url / "index.html").is_file() for p in catalog.papers)
    assert soup_of(site, "").select_one('.md-nav a[href="papers/"]')
    assert soup_of(site, "").select_one('article a[href="papers/"]')
    assert soup_of(site, "categories").select_one('article a[href="../papers/"]')


def test_every_link_of_a_paper_is_in_its_row(site: Path, catalog: Catalog) -> None:
    """A row carries every URL of its paper, each with an accessible name."""
    for page in CATEGORY_PAGES:
        for row in soup_of(site, page).select("table.air-table tbody tr"):
            paper = catalog.paper(row["id"])
            links = row.select("a.air-link")
            expected = [url for _, urls in paper.links.items() for url in urls]
            assert [a["href"] for a in links] == expected, paper.id
            assert all(a.get("aria-label") for a in links)


def test_category_page_counts_match_the_data(site: Path, catalog: Catalog) -> None:
    """The count above each table equals the number of papers of that subcategory."""
    for category in catalog.taxonomy.categories:
        soup = soup_of(site, category.id)
        for sub in category.subcategories or ():
            count = soup.select_one(f'[data-count-for="{sub.id}"]').get_text()
            assert int(count.split()[0]) == len(catalog.in_subcategory(category.id, sub.id))
        assert len(soup.select("table.air-table tbody tr")) == len(listed_on(catalog, category.id))


def test_home_counts_match_the_data(site: Path, catalog: Catalog) -> None:
    """Home shows the total and one card per category with its live count."""
    soup = soup_of(site, "")
    assert f"{len(catalog.papers)} papers" in soup.select_one("article").get_text(" ")
    for category in catalog.taxonomy.categories:
        card = soup.select_one(f'.air-card-count[data-category="{category.id}"]').get_text()
        assert int(card.split()[0]) == len(catalog.in_category(category.id))


def test_home_has_a_timeline_and_recent_papers(site: Path, catalog: Catalog) -> None:
    """The timeline has one bar segment per (month, category) with papers, each month with papers is a link to
    /papers/?month=<month> (as a bar and in the list of months); recent papers link to pages."""
    soup = soup_of(site, "")
    months = {(p.date, p.category) for p in catalog.papers}
    assert len(soup.select(".air-timeline .air-seg")) == len(months)
    hrefs = {f"papers/?month={p.date}" for p in catalog.papers}
    assert {a["href"] for a in soup.select(".air-timeline a.air-bar")} == hrefs
    assert {a["href"] for a in soup.select(".air-timeline .air-months a")} == hrefs
    years = [span.get_text() for span in soup.select(".air-timeline .air-years span")]
    assert years == sorted(set(years)) and all(re.fullmatch(r"\d{4}", year) for year in years)
    assert len(soup.select(".air-recent li")) == min(10, len(catalog.papers))


def test_no_mojibake_or_stray_markdown_anywhere(site: Path) -> None:
    """No page's visible text holds mojibake or unrendered markdown such as '\\*', '[[' or ']('."""
    for html_file in site.rglob("*.html"):
        text = content_text(site, html_file)
        assert not looks_like_mojibake(text), html_file
        assert not STRAY_MARKDOWN.search(text), (html_file, STRAY_MARKDOWN.search(text))


def test_definitions_page_lists_rules_and_sides(site: Path, catalog: Catalog) -> None:
    """Every boundary rule has its section with linked papers on both sides."""
    soup = soup_of(site, "definitions")
    for boundary in catalog.taxonomy.boundaries:
        heading = soup.find(id=boundary.id)
        assert heading is not None, boundary.id
        sides = heading.find_next("div", class_="air-sides").select(".air-side")
        assert len(sides) == 2 and all(side.select("a") for side in sides)


def test_edit_links_point_at_the_data(site: Path) -> None:
    """'Edit this page' on a category page opens its data file."""
    edit = soup_of(site, "multi-agent").select_one("a.md-content__button")
    assert edit["href"].endswith("/edit/main/data/papers/multi-agent.yaml")


@pytest.fixture(name="hostile_title_site", scope="module")
def fixture_hostile_title_site(tmp_path_factory) -> Path:
    """The site built with one extra paper whose title and name hold markup and markdown."""
    project = copy_project(tmp_path_factory.mktemp("hostile"))
    entry = (
        "\n- id: hostile-title\n  short_name: 'V* <i>_x_</i>'\n"
        "  title: 'A <b>bold</b> | piped *starred* _under_ {{ config.site_name }} {% if 1 %}x{% endif %} `tick`'\n"
        "  category: multi-agent\n  subcategory: debate\n  date: 2024-01\n"
        "  authors: [Ada Lovelace]\n  authors_source: made up\n"
        "  links:\n    paper: https://example.org/paper?a=1&b=<2>\n  added: '2026-01-01'\n")
    with open(project / "data/papers/multi-agent.yaml", "a", encoding="utf-8") as papers:
        papers.write(entry)
    return build_site(project, project / "site")


def test_hostile_title_renders_as_text(hostile_title_site: Path) -> None:
    """A title with <b>, |, *, _, Jinja and backticks shows literally, in one cell of one row."""
    row = soup_of(hostile_title_site, "multi-agent").find("tr", id="hostile-title")
    title = row.select_one(".air-title-text")
    assert title.get_text() == ("A <b>bold</b> | piped *starred* _under_ {{ config.site_name }} "
                                "{% if 1 %}x{% endif %} `tick`")
    assert title.find("b") is None and len(row.find_all("td")) == 4
    assert row.select_one(".air-short").get_text() == "V* <i>_x_</i>"
    assert row.select_one("a.air-link")["href"] == "https://example.org/paper?a=1&b=<2>"


def test_home_links_the_downloads_and_the_head_names_the_feed(site: Path) -> None:
    """Home's download section links papers.json, the citation files and feed.xml, which exist; the head links the feed."""
    soup = soup_of(site, "")
    hrefs = [a["href"] for a in soup.select(".air-downloads a")]
    assert hrefs == ["papers.json", "papers.bib", "papers.ris", "papers.csl.json", "feed.xml"]
    assert all((site / href).is_file() for href in hrefs)
    feed = soup.select_one('head link[rel="alternate"][type="application/atom+xml"]')
    assert feed is not None and feed["href"] == "feed.xml"


def test_the_feed_is_the_only_alternate_link(site: Path, catalog: Catalog) -> None:
    """No page heads another rel="alternate" link: Material's instant navigation fetches and parses
    the whole sitemap once for each distinct one (1.7 MB of XML at 10,000 papers)."""
    for page in ("", "multimodal", "definitions", catalog.papers[0].url):
        links = [link for link in soup_of(site, page).select("link[rel]") if link["rel"] == ["alternate"]]
        assert [(link["type"], link["href"].split("/")[-1]) for link in links] == [("application/atom+xml", "feed.xml")]


def test_each_category_has_its_own_feed_linked_from_head_and_body(site: Path, catalog: Catalog) -> None:
    """<category>/feed.xml parses as Atom and holds only papers of the category (or bordering it), each with its
    authors and category; the category page links it from its head (rel="alternate feed") and its body."""
    atom = "{http://www.w3.org/2005/Atom}"
    for category in catalog.taxonomy.categories:
        root = ET.parse(site / category.id / "feed.xml").getroot()
        entries = root.findall(f"{atom}entry")
        assert entries, category.id
        for entry in entries:
            paper = catalog.paper(entry.find(f"{atom}id").text.rstrip("/").rsplit("/", 1)[-1])
            assert category.id in (paper.category, paper.secondary_category)
            assert [a.find(f"{atom}name").text for a in entry.findall(f"{atom}author")] == [a.name for a in paper.authors]
            assert entry.find(f"{atom}category").get("term") == paper.category
        soup = soup_of(site, category.id)
        head = [link for link in soup.select("head link[rel]") if link["rel"] == ["alternate", "feed"]]
        assert [link["href"] for link in head] == ["feed.xml"]
        assert soup.select_one(".air-follow a")["href"] == "../multimodal/feed.xml".replace("multimodal", category.id)


def test_no_page_keeps_a_placeholder_of_a_held_back_block(site: Path) -> None:
    """Every table the macros held back (catalog.late_html) is in its page, none left as a placeholder."""
    pages = list(site.rglob("*.html"))
    assert not [str(p.relative_to(site)) for p in pages if "data-air-late" in p.read_text(encoding="utf-8")]
    assert soup_of(site, "datasets").select("table.air-datasets tbody tr")
    assert soup_of(site, "multimodal").select_one("form.air-filter[data-texts]") is not None


def test_paper_pages_are_the_shell_with_their_own_values(site: Path, catalog: Catalog) -> None:
    """Paper pages are the theme's page for the shell with each paper's values put in (catalog.paper_pages): each
    has the whole navigation, the same on every paper page, with a working link to every page of the nav, and
    its own title, canonical URL and edit link; no token of the shell and no shell folder is left."""
    navs = set()
    for paper in catalog.papers:
        html = (site / paper.url / "index.html").read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html.parser")
        tabs, sidebar = soup.select_one("nav.md-tabs"), soup.select_one(".md-sidebar--primary")
        assert tabs is not None and sidebar is not None, paper.id
        navs.add(str(tabs) + str(sidebar))
        links = {a["href"] for a in sidebar.select("a.md-nav__link[href]")}
        assert {"../../authors/", "../../multimodal/", "../../definitions/"} <= links, paper.id
        assert soup.select_one("link[rel=canonical]")["href"].endswith(f"/{paper.url}"), paper.id
        assert soup.select_one("a[rel=edit]")["href"].endswith(f"/edit/main/{paper.source_file}"), paper.id
        assert soup.select_one(".md-header__topic:last-child .md-ellipsis").get_text(strip=True) == page_title(paper)
        assert len(soup.select("h1")) == 1 and soup.select_one("h1")["id"] == paper.id
        assert "@@air:" not in html and "_shell" not in html, paper.id
    assert len(navs) == 1
    assert not (site / "papers" / "_shell").exists()


def test_the_theme_s_compiled_templates_are_kept_and_an_edited_one_is_compiled_again(tmp_path: Path) -> None:
    """A rebuild takes the theme's templates from .cache/templates/ and builds the same site; a template edited
    since is compiled anew."""
    (tmp_path / "project").mkdir()
    project = copy_project(tmp_path / "project")
    cold = build_site(project, tmp_path / "cold")
    assert list((project / ".cache" / "templates").glob("*.cache"))
    warm = build_site(project, tmp_path / "warm")
    for page in ("index.html", "multimodal/index.html", "papers/vgr/index.html"):
        assert (warm / page).read_bytes() == (cold / page).read_bytes(), page
    main = project / "overrides" / "main.html"
    main.write_text(main.read_text(encoding="utf-8").replace("{% block scripts %}", "{% block scripts %}<!-- edited -->", 1),
                    encoding="utf-8")
    assert "<!-- edited -->" in (build_site(project, tmp_path / "edited") / "index.html").read_text(encoding="utf-8")
