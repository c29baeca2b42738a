"""The author index (/authors/), the names under each title, and the byline of each paper page, over the real
strict build; the island form of the index, for large catalogs, from the real catalog with a low threshold."""
from __future__ import annotations

import json
from pathlib import Path

from bs4 import BeautifulSoup
from catalog.models import Catalog
from catalog.render.authors import SHOWN_IN_TABLES, WINDOW_AUTHORS, author_index, author_slug, render_author_index
from catalog.text import fold_for_search


def soup_of(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")


def papers_by_slug(catalog: Catalog) -> dict[str, set[str]]:
    """For each author slug, the ids of the papers with an author of that slug, computed from the data alone."""
    found: dict[str, set[str]] = {}
    for paper in catalog.papers:
        for author in paper.authors:
            found.setdefault(author_slug(author), set()).add(paper.id)
    return found


def test_every_entry_lists_exactly_its_authors_papers(site: Path, catalog: Catalog) -> None:
    """One entry per author, whose links are exactly the pages of the papers that name them, newest first."""
    entries = soup_of(site, "authors").select("li.air-author-entry")
    expected = papers_by_slug(catalog)
    assert sorted(li["id"] for li in entries) == sorted(expected)
    for li in entries:
        hrefs = [a["href"] for a in li.select("ul a")]
        assert {h.removeprefix("../papers/").strip("/") for h in hrefs} == expected[li["id"]], li["id"]
        dates = [t.get_text() for t in li.select("ul time")]
        assert dates == sorted(dates, reverse=True), li["id"]
        count = len(hrefs)
        assert li.select_one(".air-author-count").get_text() == f"{count} paper{'' if count == 1 else 's'}"


def test_entries_run_a_to_z_by_family_name(site: Path) -> None:
    """Family names (folded: no case, no accents) never go backwards, and each group is headed by its letter."""
    soup = soup_of(site, "authors")
    for group in soup.select("section.air-author-group"):
        families = [fold_for_search(li.p.strong.get_text().split()[-1]) for li in group.select("li.air-author-entry")]
        assert all(family[:1].upper() == group["data-letter"] or group["data-letter"] == "#" for family in families)
        assert families == sorted(families)
    letters = [g["data-letter"] for g in soup.select("section.air-author-group")]
    assert letters == sorted(letters) and len(letters) == len(set(letters))


def test_a_name_two_authors_share_says_so(site: Path) -> None:
    """CTM's arXiv page lists two authors named Jia Li: their entry says it stands for both."""
    entry = soup_of(site, "authors").find("li", id="jia-li")
    assert "Two different authors of CTM write their name this way" in entry.get_text()


def test_the_page_says_the_catalog_cannot_tell_namesakes_apart(site: Path) -> None:
    assert "cannot tell apart two people who write their names the same way" in soup_of(site, "authors").get_text()


def test_paper_page_byline_links_every_author_to_their_entry(site: Path, catalog: Catalog) -> None:
    """Each name under a paper page's title links to that author's entry, in the paper's order."""
    index = soup_of(site, "authors")
    for paper in catalog.papers:
        links = soup_of(site, f"papers/{paper.id}").select(".air-byline a.air-author")
        assert [a.get_text() for a in links] == [a.name for a in paper.authors], paper.id
        assert all(index.find("li", id=a["href"].split("#")[1]) for a in links), paper.id


def test_table_shows_three_names_then_the_rest_behind_a_toggle(site: Path, catalog: Catalog) -> None:
    """A row shows the first three names; '+ N more' opens to the rest (a <details>, no script needed); a list of
    four names shows all four."""
    for category in catalog.taxonomy.categories:
        soup = soup_of(site, category.id)
        for paper in catalog.in_category(category.id):
            cell = soup.find("tr", id=paper.id).select_one("div.air-authors")
            names = [a.get_text() for a in cell.select("a.air-author")]
            assert names == [a.name for a in paper.authors], paper.id
            more = cell.select_one("details.air-more-authors")
            if len(paper.authors) > SHOWN_IN_TABLES + 1:
                hidden = [a.get_text() for a in more.select("a.air-author")]
                assert hidden == names[SHOWN_IN_TABLES:]
                assert more.summary.get_text().startswith(f"+ {len(names) - SHOWN_IN_TABLES} more")
            else:
                assert more is None, paper.id


def test_large_index_ships_a_window_and_an_island_of_every_author(catalog: Catalog) -> None:
    """Beyond the inline threshold: the first WINDOW_AUTHORS entries as HTML, and all of them in the JSON island,
    with their papers by index; nothing in the island can close its script."""
    html = render_author_index(catalog, "../", inline_limit=100)
    soup = BeautifulSoup(html, "html.parser")
    entries = author_index(catalog)
    assert len(entries) > WINDOW_AUTHORS
    assert [li["id"] for li in soup.select("li.air-author-entry")] == [e.slug for e in entries[:WINDOW_AUTHORS]]
    script = soup.select_one("script.air-author-data")
    assert "</" not in script.string
    island = json.loads(script.string)
    assert [a[0] for a in island["authors"]] == [e.slug for e in entries]
    for author, entry in zip(island["authors"], entries):
        assert [island["papers"][i][0] for i in author[4]] == [f"../{p.url}" for p in entry.papers]
    assert soup.select_one("form.air-author-filter")["data-mode"] == "island"
    assert "need JavaScript" in soup.select_one(".air-nojs").get_text()
