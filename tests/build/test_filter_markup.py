"""The filter's markup: controls, sortable headers, the JSON island and the files beside the page, inline and beyond
the threshold.

Up to INLINE_ROW_LIMIT papers a page lists every row and its texts file holds the search texts. Beyond it a
category ships its facets in the JSON island and every row in the rows file, and its HTML lists only
the newest rows of each group (WINDOW_ROWS per page, shared by the groups), with a note that the rest
needs JavaScript. Our call: the no-JS page stays light, and every paper still has its own page. These
tests render synthetic categories with `render_category_body` and check the real built site.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from catalog.models import Author, Catalog, Category, Links, Method, Paper, Subcategory, Taxonomy, Venue
from catalog.render.category import (
    INLINE_ROW_LIMIT,
    LAZY_GROUP_ROWS,
    ROWS_FILE,
    TEXTS_FILE,
    WINDOW_ROWS,
    all_papers_listing,
    category_listing,
    facet_values,
    island_rows,
    listing_files,
    listing_texts,
    render_category_body,
    search_text,
)
from catalog.render.html import ICON_PATHS

from tests.conftest import ROOT, listed_on

HOSTILE_TITLE = 'Über </script><script>alert(1)</script> <!-- "quoted" & <b>bold</b>'
METHODS = (Method("sft", "SFT", "training"), Method("rl", "RL", "training"), Method("survey", "Survey paper", "paper"))
SUBS = (Subcategory("alpha", "Alpha", ""), Subcategory("beta", "Beta", ""), Subcategory("empty", "Empty", ""))


def synthetic_paper(i: int, n: int) -> Paper:
    """Paper i of n: newest first, alternating subcategories, every tenth with code, one hostile title."""
    month = 12 - (i * 12 // n)
    return Paper(
        id=f"paper-{i:05d}", title=HOSTILE_TITLE if i == 7 else f"Synthetic paper number {i}",
        date=f"2025-{month:02d}", category="synth", subcategory=SUBS[i % 2].id, short_name=f"Syn{i}",
        arxiv=f"25{month:02d}.{i:05d}", methods=("rl",) if i % 3 else ("sft", "rl"),
        abstract=f"Abstract {i} with a closing </script> tag and a comment <!-- here -->.",
        links=Links(paper=(f"https://arxiv.org/abs/25{month:02d}.{i:05d}",),
                    code=(f"https://github.com/org/syn{i}",) if i % 10 == 0 else ()))


def synthetic_catalog(n: int) -> tuple[Catalog, Category]:
    """A catalog with one category of n papers in two subcategories (and an empty third)."""
    category = Category(id="synth", title="Synthetic", short_title="Synthetic", summary="Generated.", source_heading="",
                        definition="Generated papers.", examples=(), subcategories=SUBS)
    taxonomy = Taxonomy(interleaving_reasoning="", standard_reasoning="", methods=METHODS,
                        categories=(category,), boundaries=())
    papers = tuple(synthetic_paper(i, n) for i in range(n))
    return Catalog(taxonomy=taxonomy, papers=papers), category


def island_of(soup: BeautifulSoup) -> list:
    """The parsed JSON island of a page (or page body)."""
    return json.loads(soup.select_one("form.air-filter script[type='application/json']").string)


@pytest.fixture(name="big_body", scope="module")
def fixture_big_body() -> str:
    """The body of a synthetic category of 1,200 papers (beyond the inline threshold)."""
    catalog, category = synthetic_catalog(1200)
    return render_category_body(catalog, category, "../")


def test_threshold_is_documented_and_crossed() -> None:
    """The synthetic category is beyond the inline limit and the window is smaller than it."""
    assert INLINE_ROW_LIMIT == 1000 and 0 < WINDOW_ROWS < INLINE_ROW_LIMIT < 1200


def test_island_is_valid_json_escaped_against_script_end(big_body: str) -> None:
    """The island parses as JSON, holds every paper's facets (its search text and row are in the rows file), and its
    raw text cannot close the script or open a comment."""
    soup = BeautifulSoup(big_body, "html.parser")
    form = soup.select_one("form.air-filter")
    assert form["data-mode"] == "island" and form["data-rows"] == ROWS_FILE
    raw = form.select_one("script").string
    assert "</script" not in raw.lower() and "<!--" not in raw
    records = island_of(soup)
    assert isinstance(records, list) and len(records) == 1200  # a top-level array: harmless if run as script
    assert all(len(r) == 8 for r in records)
    assert len(big_body.split("</script>")) == 2  # the island's own end tag is the only one


def test_the_rows_file_holds_each_papers_text_and_row_in_island_order(big_body: str) -> None:
    """The rows file of an island page: [search text, row HTML] per paper, in the island's order (section by
    section), each row's id and data-* its record's facets; catalog text escaped in the row (a hostile title shows
    as itself). Each record names its category and its section."""
    catalog, category = synthetic_catalog(1200)
    listing = category_listing(catalog, category, "../")
    rows = json.loads(json.dumps(island_rows(listing, catalog, "../")))
    records = island_of(BeautifulSoup(big_body, "html.parser"))
    assert len(rows) == len(records) == 1200
    for (pid, date, sub, methods, links, name, cat, section), (text, html), paper in zip(records, rows, listing.papers):
        row = BeautifulSoup(html, "html.parser").tr
        assert row["id"] == pid == paper.id and row["data-date"] == date and row["data-sub"] == sub
        assert row["data-methods"] == methods and row["data-links"] == links and row["data-cat"] == cat == "synth"
        assert name.startswith("Syn") and text == search_text(paper) and section == ["alpha", "beta"].index(sub)
    hostile = rows[[r[0] for r in records].index("paper-00007")][1]
    assert HOSTILE_TITLE in BeautifulSoup(hostile, "html.parser").select_one(".air-title-text").get_text()
    assert dict(listing_files(catalog)) == {f"synth/{ROWS_FILE}": island_rows(listing, catalog, "../"),
                                      f"papers/{ROWS_FILE}": island_rows(all_papers_listing(catalog), catalog, "../")}


def test_no_js_html_lists_the_newest_window_of_each_group(big_body: str) -> None:
    """Without JavaScript each group lists its newest rows (WINDOW_ROWS shared by the two groups with
    papers) and says how many more it has."""
    soup = BeautifulSoup(big_body, "html.parser")
    catalog, _category = synthetic_catalog(1200)
    window = WINDOW_ROWS // 2
    assert soup.select_one("form.air-filter")["data-window"] == str(window)
    for sub in ("alpha", "beta"):
        group = soup.select_one(f'.air-group[data-sub="{sub}"]')
        papers = catalog.in_subcategory("synth", sub)
        ids = [tr["id"] for tr in group.select("tbody tr")]
        assert ids == [p.id for p in papers[:window]]
        assert group.select_one(".air-count").get_text() == f"{len(papers)} papers"
        assert f"{window:,} of {len(papers):,}" in group.select_one(".air-nojs").get_text()
        assert group.select_one("button.air-more").has_attr("hidden")
        assert all(tr.select_one("a.air-title")["href"].startswith("../papers/") for tr in group.select("tbody tr"))
    assert soup.select_one('.air-group[data-sub="empty"] .air-empty')


def test_inline_up_to_the_threshold() -> None:
    """A category of exactly INLINE_ROW_LIMIT papers lists every row as HTML, with no island; its texts file holds
    each paper's search text."""
    catalog, category = synthetic_catalog(INLINE_ROW_LIMIT)
    soup = BeautifulSoup(render_category_body(catalog, category), "html.parser")
    form = soup.select_one("form.air-filter")
    assert form["data-mode"] == "inline" and form["data-texts"] == TEXTS_FILE and not form.has_attr("data-rows")
    assert not form.select("script") and not soup.select(".air-nojs")
    assert len(soup.select("table.air-table tbody tr")) == INLINE_ROW_LIMIT
    listing = category_listing(catalog, category, "../")
    texts = dict(listing_files(catalog))[f"synth/{TEXTS_FILE}"]
    assert texts == listing_texts(listing) == [[p.id, search_text(p)] for p in listing.papers]
    assert [t[0] for t in texts] == [p.id for sub in ("alpha", "beta") for p in catalog.in_subcategory("synth", sub)]


def test_controls_are_hidden_and_inert_without_js(big_body: str) -> None:
    """The panel is hidden and excluded from search; sort buttons are disabled until the script runs."""
    soup = BeautifulSoup(big_body, "html.parser")
    form = soup.select_one("form.air-filter")
    assert form.has_attr("hidden") and form.has_attr("data-search-exclude")
    assert form.select_one("label[for='air-find']").get_text() and form.select_one("input#air-find[type=search]")
    assert form.select_one("[role=status][aria-live=polite]")
    buttons = soup.select("th > button.air-sort")
    assert buttons and all(b.has_attr("disabled") for b in buttons)
    assert {b["data-sort"] for b in buttons} == {"date", "name"}
    assert all(th["aria-sort"] == "descending" for th in soup.select("th.air-col-date"))


def test_facets_offer_only_values_present(big_body: str) -> None:
    """Subcategory, method, year and link-kind options are those some paper has, in taxonomy order."""
    form = BeautifulSoup(big_body, "html.parser").select_one("form.air-filter")
    values = {f["data-facet"]: [i["value"] for i in f.select("input")] for f in form.select("fieldset")}
    assert values == {"sub": ["alpha", "beta"], "method": ["sft", "rl"], "has": ["code"]}  # one year: no facet


def test_search_text_is_folded_and_complete() -> None:
    """The text a filter matches holds name, title, authors, venue (short and full), arXiv id, hosts and abstract,
    folded (so 'Muller' finds 'Müller')."""
    paper = Paper(id="zu", title="Zürich Été zurich", date="2025-01", short_name="ÀB",
                  venue=Venue("NeurIPS 2025", "Advances in Neural Information Processing Systems 38", "conference"),
                  authors=(Author("Jörg Müller"), Author("OpenAI", organisation=True)),
                  arxiv="2501.00001", abstract="Ça marche.",
                  links=Links(paper=("https://arxiv.org/abs/2501.00001",), code=("https://www.github.com/a/b",)))
    words = search_text(paper).split()
    for word in ("ab", "zurich", "ete", "neurips", "advances", "jorg", "muller", "openai", "2501.00001", "github.com",
                 "arxiv.org", "ca", "marche."):
        assert word in words
    assert len(words) == len(set(words))  # each word once


def test_link_icons_in_the_stylesheet_are_the_icon_paths() -> None:
    """catalog.css draws each link kind's icon from the same path as render_html.ICON_PATHS."""
    css = (ROOT / "overrides/assets/air/catalog.css").read_text(encoding="utf-8")
    for kind, path in ICON_PATHS.items():
        assert f".air-link--{kind} {{ --air-icon: url(" in css and f"<path d='{path}'/>" in css, kind


def test_every_built_category_page_has_one_working_panel(site: Path, catalog: Catalog) -> None:
    """On the real site each category page has one panel, and the texts file beside it lists exactly its rows,
    each with its search text."""
    for category in catalog.taxonomy.categories:
        soup = BeautifulSoup((site / category.id / "index.html").read_text(encoding="utf-8"), "html.parser")
        assert len(soup.select("form.air-filter")) == 1
        rows = [tr["id"] for tr in soup.select("table.air-table tbody tr")]  # by section, newest first in each
        texts = json.loads((site / category.id / soup.select_one("form.air-filter")["data-texts"]).read_text("ascii"))
        assert [t[0] for t in texts] == rows == [p.id for p in listed_on(catalog, category.id)]
        assert [t[1] for t in texts] == [search_text(catalog.paper(pid)) for pid in rows]
        assert soup.select_one('script[src$="assets/air/filter.js"]')


def test_only_big_groups_render_lazily(big_body: str, site: Path) -> None:
    """A group drawing more than LAZY_GROUP_ROWS rows, or any group with rows on an island page, renders only near
    the screen, with a size holding its place; a smaller one, like every group of the real catalog, is drawn as it
    is (audits misread a lazy group's rows)."""
    catalog, category = synthetic_catalog(INLINE_ROW_LIMIT)
    soup = BeautifulSoup(big_body + render_category_body(catalog, category), "html.parser")
    for group in soup.select(".air-group"):
        rows, island = len(group.select("tbody tr")), bool(group.select(".air-more"))  # island groups can show more
        lazy = rows > LAZY_GROUP_ROWS or (island and rows > 0)
        assert ("air-group--lazy" in group["class"]) == lazy, group["data-sub"]
        assert ("contain-intrinsic-size" in group.get("style", "")) == lazy
    assert any("air-group--lazy" in g["class"] for g in soup.select(".air-group"))
    for category in ("multimodal", "multi-round-acting", "multi-agent", "unified-generation"):
        page = BeautifulSoup((site / category / "index.html").read_text(encoding="utf-8"), "html.parser")
        assert page.select(".air-group") and not page.select(".air-group--lazy"), category


def test_facet_counts_are_there_before_the_script(site: Path, catalog) -> None:
    """Each facet chip carries its count of papers from the first paint (filter.js keeps it live), so no chip
    changes width when the script starts: on every category page, the count of the listed papers with that value."""
    for category in catalog.taxonomy.categories:
        soup = BeautifulSoup((site / category.id / "index.html").read_text(encoding="utf-8"), "html.parser")
        listed = {row["id"] for row in soup.select(".air-group tbody tr[id]")}
        papers = [catalog.paper(pid) for pid in listed]
        for span in soup.select("form.air-filter .air-n[data-n-for]"):
            facet, value = span["data-n-for"].split(":", 1)
            expected = sum(value in facet_values(p)[facet] for p in papers)
            assert span.get_text() == str(expected) and expected > 0, (category.id, facet, value)
